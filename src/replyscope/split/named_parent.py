"""Whom a reply answers, read from its own words, on a page that shows no nesting.

A flat comment list (WordPress "says:", Blogger "said...", a tweet thread) prints replies by time,
whoever they answer. The reply's words often say whom: "@jo" opening it (a run of handles names the
people of the conversation it joins, the one answered first), a run of handles closing it when none
opens it, a quoted post opening it ("“@jo: <jo's words>"), "> <a line of the comment it answers>"
(a quote of the parent's words), an earlier commenter's name as its first word ("Jo, ..."), "in
reply to Jo" (a header's or a link's target, put before the text by the caller). Each cue names
the answered comment among the earlier ones; a reply with none answers the post.
"""

from __future__ import annotations

import re
from typing import Final

from replyscope.split.patterns import LiteralGate

# "in reply to Jo Lake", "replying to jo", "reply to @jo": a target named in words (a header's or a
# reply link's, put before the text by the caller)
REPLY_TO_NAME: Final = re.compile(r"^\s*(?:@|in reply to\s+|replying to\s+|reply to\s+)(?P<name>[^\s:,.;!?]{2,40}(?:\s+[A-Z][\w'-]*)?)", re.I)
# A run of handles opening a reply, perhaps inside a quote of the post answered ("“@jo: ...") or
# after a dot (".@jo", a reply made public).
LEADING_HANDLES: Final = re.compile(r"^\s*[“\"'.]?\s*((?:@[\w][\w.-]{0,39}[\s:,]*)+)")
LEADING_HANDLES_GATE: Final = LiteralGate(LEADING_HANDLES)
# A run of handles closing a reply ("Thanks for this @jo @al").
TRAILING_HANDLES: Final = re.compile(r"((?:\s@[\w][\w.-]{0,39})+)\s*$")
TRAILING_HANDLES_GATE: Final = LiteralGate(TRAILING_HANDLES)
_HANDLE: Final = re.compile(r"@([\w][\w.-]{0,39})")
# An earlier commenter's name as a reply's first word(s), then a comma or colon ("Jo, you ...").
LEADING_NAME: Final = re.compile(r"^\s*(?P<name>[A-Z][\w'-]{1,30}(?: [A-Z][\w'-]{1,30})?)\s*[,:]\s")
LEADING_NAME_GATE: Final = LiteralGate(LEADING_NAME)
# A quote of the parent's words opening a reply ("> they won't be seeking warrants ...").
LEADING_QUOTE: Final = re.compile(r"^\s*>\s*(?P<quote>[^\n]+)")
LEADING_QUOTE_GATE: Final = LiteralGate(LEADING_QUOTE)
_WORD: Final = re.compile(r"\w+")
# Fewer words than this quoted match too many comments by chance ("> yes").
QUOTE_MIN_WORDS: Final = 3
# Earlier comments searched for a quote's words (bounds the work on a page of thousands).
QUOTE_LOOKBACK: Final = 300


def named_parents(authors: list[str], texts: list[str]) -> list[int | None]:
    """The earlier comment each comment answers (its position), as its words name it, else None."""
    n = len(texts)
    parent: list[int | None] = [None] * n
    by_author: dict[str, list[int]] = {}  # author (lower case) -> their comments so far, in order
    # (each author's first word, None for a name of no words: split once, where _comments_of split
    # every author's name twice each time it was asked)
    first_words: dict[str, str | None] = {}
    flat: list[str | None] = [None] * n  # comments' words lower-cased, one space apart (for quotes)
    for k in range(n):
        parent[k] = _answered(k, authors, texts, by_author, first_words, flat)
        if authors[k]:
            a = authors[k].lower()
            if a not in by_author:
                words = a.split()
                first_words[a] = words[0] if words else None
            by_author.setdefault(a, []).append(k)
    return parent


def _answered(k: int, authors: list[str], texts: list[str], by_author: dict[str, list[int]], first_words: dict[str, str | None], flat: list[str | None]) -> int | None:
    t = texts[k]
    head = t[:400]
    # (each pattern asked only where its gate finds a literal it cannot match without in the head
    # ("@", ">", a comma or a colon, read from the pattern): most replies open on none of these shapes)
    m = LEADING_HANDLES.match(head) if LEADING_HANDLES_GATE.admits(head) else None
    if m is None:
        m = REPLY_TO_NAME.match(head)
        if m is not None:  # (a target in words, "in reply to Jo")
            mine = _comments_of(by_author, first_words, m["name"].lower(), authors[k].lower())
            return mine[-1] if mine else None
        tail = t[-300:]
        m = TRAILING_HANDLES.search(tail) if TRAILING_HANDLES_GATE.admits(tail) else None
    if m is not None:
        names = [h.rstrip(".-").lower() for h in _HANDLE.findall(m[1])]
        full = REPLY_TO_NAME.match(head)
        if full is not None and full["name"].lower() in by_author:
            names[0] = full["name"].lower()  # (a name of two words: "@Jo Lake")
        return _in_conversation(names, authors[k].lower(), texts, by_author, first_words)
    m = LEADING_QUOTE.match(head) if LEADING_QUOTE_GATE.admits(head) else None
    if m is not None:
        return _quoted(k, m["quote"], texts, flat)
    m = LEADING_NAME.match(head) if LEADING_NAME_GATE.admits(head) else None
    if m is not None:
        mine = _comments_of(by_author, first_words, m["name"].lower(), authors[k].lower())
        return mine[-1] if mine else None
    return None


def _comments_of(by_author: dict[str, list[int]], first_words: dict[str, str | None], name: str, me: str) -> list[int]:
    """The comments by `name`, or else by the latest author whose first name it is ("Jo" for "Jo
    Lake"); never the replier's own (`me`): a reply that names its own writer names another Jo.
    (`first_words`: each author's first word, None for a name of no words, which no `first` is.)"""
    if name in by_author and name != me:
        return by_author[name]
    words = name.split()
    first = words[0] if words else name
    hits = [ks for a, ks in by_author.items() if a != me and first_words[a] == first]
    return max(hits, key=lambda ks: ks[-1]) if hits else []


def _in_conversation(names: list[str], me: str, texts: list[str], by_author: dict[str, list[int]], first_words: dict[str, str | None]) -> int | None:
    """The comment answered by a reply naming `names` (the first is the one answered).

    Of that author's earlier comments, the one that spoke to the replier, then (when the reply
    names others too) the one whose own handles are the company the reply names (a conversation
    carries its names from reply to reply), then the latest."""
    if not names:
        return None
    mine = _comments_of(by_author, first_words, names[0], me)
    if len(mine) <= 1:
        return mine[-1] if mine else None
    rest = set(names[1:]) - {me}

    def fit(j: int) -> tuple[bool, int, int]:
        theirs = {h.rstrip(".-").lower() for h in _HANDLE.findall(texts[j])}
        company = theirs - {me}
        return (me in theirs, len(company & rest) - len(company ^ rest) if rest else 0, j)

    return max(mine, key=fit)


def _flat(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _quoted(k: int, quote: str, texts: list[str], flat: list[str | None]) -> int | None:
    """The latest earlier comment holding the words a reply quotes, or None."""
    words = _flat(quote)
    if words.count(" ") + 1 < QUOTE_MIN_WORDS:
        return None
    for j in range(k - 1, max(-1, k - 1 - QUOTE_LOOKBACK), -1):
        f = flat[j]
        if f is None:
            f = flat[j] = _flat(texts[j])
        if words in f:
            return j
    return None
