"""A comment's text without the widget chrome around and inside it.

A comment's lines run from its first to its last body line; a row of action links ("Reply",
"Reply to This Parent Share", "ReplyDelete", "Login or register to post comments") can sit between
them when a header under it was not read, and the page's furniture can follow the last comment.
The lines stay in the lossless segment map with their own role; only the comment's text leaves
them out, and the last comment stops at its action row when the page's comments all end at theirs.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Final

from replyscope.split.caches import line_dict
from replyscope.split.chrome import is_badge_line, is_chrome, is_pictographs, is_reply_row
from replyscope.split.comments import SIGNATURE_LINES, Comment, Zone
from replyscope.split.headers import GONE_AUTHOR, looks_like_name
from replyscope.split.anchors import WIDGET_WORDS_CHARS, section_headers
from replyscope.split.lines import Lines, is_prose, lower_of, nonblank_above, prev_nonblank
from replyscope.split.patterns import RE_SUBJECT, stamp_span, template_form
from replyscope.split.threading import HEADER_TARGET

# The last comment is cut at its action row when at least this many of the other comments, and
# this share of them, end at theirs: on such a page an action row closes every comment, so what
# follows the last one is the page's, not the reader's.
CLOSING_MIN_COMMENTS: Final = 2
CLOSING_SHARE: Final = 0.8


# The longest running number over a comment ("2. 12", "#104", "(12)").
RUNNING_NUMBER_CHARS: Final = 12


def _running_number(s: str) -> bool:
    # (figures and signs, no letters: the next comment's number, never a reader's words)
    return len(s) <= RUNNING_NUMBER_CHARS and any(ch.isdigit() for ch in s) and not any(ch.isalpha() for ch in s)


def _removed_mark(s: str) -> bool:
    # (`s`: a line's core, its bullet left out; "[deleted]" after a comment's action row stands where a removed comment was: not this one's words)
    return s[:1] == "[" and GONE_AUTHOR.match(s) is not None


def _last_action(lines: Lines, roles: dict[int, str], lo: int, hi: int) -> int | None:
    """The last action-row line in lines lo..hi-1 (a chrome line the zone left out of the text)."""
    text = lines.text
    for j in range(hi - 1, lo - 1, -1):
        if text[j] and roles.get(j) == "comment_chrome" and is_chrome(text[j]) and not (text[j][:1] in "CcEeSs" and _QUOTE_TOGGLE.match(text[j])):
            return j
    return None


# The toggle of a folded quote inside a post ("Click to expand...", "Expand quote"): among its
# words, not an action row closing them.
_QUOTE_TOGGLE: Final = re.compile(r"^(?:click to (?:expand|shrink)|(?:expand|show) (?:full )?quote)\W*$", re.I)


def trim_after_actions(lines: Lines, zone: Zone, roles: dict[int, str]) -> None:
    """Give the lines after a comment's action row back to the page when they are no comment's words.

    A running number there (the next comment's) is chrome on every comment; the
    last comment's tail is the page's furniture when the other comments close at their action
    rows (see CLOSING_SHARE). A tail under a comment followed by another one is kept: it is most
    often a reply whose header was not read. `zone.comments[k].body_lines` and `roles` are updated.
    """
    kept = [c for c in zone.comments if c.body_lines]
    text = lines.text
    last_k = len(kept) - 1
    for k, c in enumerate(kept):
        first, last = c.body_lines[0], c.body_lines[-1]
        if k == last_k and k and c.header_lines and _words_over_row_then_furniture(lines, kept, roles, c):
            continue
        if _only_text_between(text, c.body_lines):
            continue  # (most comments: nothing but their words and blank lines from first to last)
        action = _last_action(lines, roles, first + 1, last)
        if action is None:
            continue
        tail = [j for j in c.body_lines if j > action]
        # (a tail opening on a dated line is a reply whose header the zone did not read:
        # "18 Loretta | May 3, 2012 at 7:22 am")
        furniture = k == last_k and stamp_span(text[tail[0]], lower_of(text[tail[0]])) is None and _closing(lines, kept, roles, action)
        drop = tail if furniture else [j for j in tail if _running_number(text[j]) or _removed_mark(lines.core[j])]
        if not drop or len(drop) == len(c.body_lines):
            continue
        gone = set(drop)
        c.body_lines = [j for j in c.body_lines if j not in gone]
        for j in drop:
            roles[j] = "comment_chrome" if _running_number(text[j]) or _removed_mark(lines.core[j]) else "boilerplate"


def _words_over_row_then_furniture(lines: Lines, kept: list, roles: dict[int, str], c) -> bool:
    """The last comment's words when they are one short chrome line right under its header, over
    its action row, and all its "words" under the row are the page's (the other comments close at
    their rows, see _closing): "Jo" / "Report" / "Like · Reply · 2d" / "Comments Plugin". Gives the
    line the comment and its old words back to the page; whether it did."""
    text = lines.text
    j = c.header_lines[-1] + 1
    while j < c.body_lines[0] and not text[j]:
        j += 1
    if j >= c.body_lines[0] or roles.get(j) != "comment_chrome" or len(text[j].strip()) > WIDGET_WORDS_CHARS:
        return False
    action = _last_action(lines, roles, j + 1, c.body_lines[0])
    if action is None or any(text[i] for i in range(j + 1, action)) or not is_reply_row(text[action]) or HEADER_TARGET.search(text[action]) or stamp_span(text[c.body_lines[0]], lower_of(text[c.body_lines[0]])) is not None:
        return False
    if any(is_prose(text[i]) for i in c.body_lines):
        return False  # (a reader's sentences under a marker and a line over them: "Edited" / "In reply to jo." / words)
    if not _closing(lines, kept, roles, action):
        return False
    for i in c.body_lines:
        roles[i] = "boilerplate"
    c.body_lines = [j]
    roles[j] = "comment_body"
    return True


# A line that closes the comments of at least this many different commenters on a page, the same
# words each time (counts aside), is the widget's, not theirs ("Report Post » Log in to Reply",
# "• Responses (0)"): readers do not end alike, a template does. Different authors, because one
# reader's signature repeats under each of their comments and is theirs.
TAIL_MIN_AUTHORS: Final = 3
# ... and it closes at least this share of the page's comments (a phrase three readers happen to
# end on, "Thanks!", is no template when most comments end otherwise).
TAIL_SHARE: Final = 0.5
# A template's line is short and no sentence.
TAIL_MAX_CHARS: Final = 80


# A sentence closes comments as the widget's only word for word, and with this many words at least
# ("You are not allowed to do this.", "This comment was hidden by votes."): a reader's short
# sign-off ("Great point, thanks!") may end several comments alike.
TAIL_SENTENCE_WORDS: Final = 5


def _tail_key(s: str) -> str | None:
    """The line as a template would print it (counts as '#'), or None when it may be a reader's
    words: a long line, one word with no count (a sign-off, "Thanks"), or a short sentence. A
    sentence is weighed word for word (no count set aside), as a widget's message prints it."""
    if not s or len(s) > TAIL_MAX_CHARS:
        return None
    if s[-1] in ".!?\"'’”":
        return "\0" + s if s.count(" ") >= TAIL_SENTENCE_WORDS - 1 else None
    if " " not in s and not any(ch.isdigit() for ch in s):
        return None
    return template_form(s)


def drop_repeated_tails(lines: Lines, zone: Zone, roles: dict[int, str]) -> None:
    """Take the widget's lines off the end of every comment they close (see TAIL_MIN_AUTHORS).

    Line by line from the end: once the last lines are gone, the new last lines are weighed the
    same way ("• Recommend? (1)" over "• Responses (0)"). The lines stay in the segment map as
    comment chrome. `zone.comments[k].body_lines` and `roles` are updated."""
    kept = [c for c in zone.comments if len(c.body_lines) > 1]
    if len(kept) < TAIL_MIN_AUTHORS:
        return
    text = lines.text
    while True:
        keys = [_tail_key(text[c.body_lines[-1]]) if len(c.body_lines) > 1 else None for c in kept]
        authors: dict[str, set[str]] = {}
        for c, key in zip(kept, keys):
            if key is not None:
                authors.setdefault(key, set()).add(c.author.strip().lower())
        counts = Counter(k for k in keys if k is not None)
        template = {k for k, n in counts.items() if n >= TAIL_SHARE * len(zone.comments) and len(authors[k]) >= TAIL_MIN_AUTHORS}
        if not template:
            return
        for c, key in zip(kept, keys):
            if key in template:
                roles[c.body_lines.pop()] = "comment_chrome"


# The longest line of a signature under its "-- " delimiter (at most comments.SIGNATURE_LINES of
# them to the comment's end).
SIGNATURE_CHARS: Final = 60


# A board's signature rule: a run of underscores alone on its line, over the member's signature.
_SIGNATURE_RULE: Final = re.compile(r"^_{10,}\s*$")


# A notification mail's footer line under its "--" ("Unsubscribe", "Manage your notification
# settings", "You are receiving this because you commented on this post."): the mail's, never a
# reader's card.
_MAIL_FOOTER: Final = re.compile(
    r"^(?:unsubscribe\b|manage (?:your )?(?:notifications?|e-?mail|subscriptions?|alerts?)\b|(?:you are|you're) receiving this\b|"
    r"(?:to )?stop (?:receiving|getting) (?:these|this)\b|change your (?:e-?mail |notification )?(?:settings|preferences)\b)",
    re.I,
)
# A link under a mail's message: a URL alone on its line, maybe under its label ("Reply to this
# comment:", "View it on the site:"): a short line ending in a colon.
_MAIL_LINK: Final = re.compile(r"^<?https?://\S+>?$")
MAIL_LABEL_CHARS: Final = 60


def _drop_mail_tail(text: list[str], body: list[int], roles: dict[int, str]) -> None:
    """Take a notification mail's tail off the comment it closes: from a "--" line whose next line
    is a mail's footer (_MAIL_FOOTER) to the comment's end (the next message's subject line, if its
    header was read under it, goes too), and the links over the "--" (bare URLs, each maybe under
    its label ending in ":"). A reader's own "--" over a sign-off keeps to drop_signatures."""
    cut = None
    for k in range(1, len(body) - 1):
        if text[body[k]].strip() == "--" and _MAIL_FOOTER.match(text[body[k + 1]]):
            cut = k
            break
    if cut is None:
        return
    k = cut
    while k > 1:
        s = text[body[k - 1]]
        if _MAIL_LINK.match(s) or len(s) <= MAIL_LABEL_CHARS and s.endswith(":") and _MAIL_LINK.match(text[body[k]]):
            k -= 1
            continue
        break
    for j in body[k:]:
        roles[j] = "comment_chrome"
    del body[k:]


def drop_signatures(lines: Lines, zone: Zone, roles: dict[int, str]) -> None:
    """Take a "-- " signature (or one under a board's rule of underscores) off the end of the comment it closes (see SIGNATURE_LINES): the
    delimiter says the lines under it are the writer's card, not the message's words. The lines stay
    in the segment map as comment chrome. `zone.comments[k].body_lines` and `roles` are updated."""
    text = lines.text
    for c in zone.comments:
        body = c.body_lines
        _drop_mail_tail(text, body, roles)
        for k in range(len(body) - 1, max(0, len(body) - 2 - SIGNATURE_LINES), -1):
            if text[body[k]].strip() == "--" or text[body[k]][:1] == "_" and _SIGNATURE_RULE.match(text[body[k]]):
                signature = k + 1  # (the delimiter, one of the words' lines, and the signature under it)
            elif k and body[k - 1] < body[k] - 1 and text[body[k] - 1][:1] == "_" and _SIGNATURE_RULE.match(text[body[k] - 1]):
                signature = k  # (the rule itself read as no line of the words: the signature is under it all the same)
            else:
                continue
            if k and all(len(text[j]) <= SIGNATURE_CHARS for j in body[signature:]):
                for j in body[k:]:
                    roles[j] = "comment_chrome"
                del body[k:]
            break


# A reply's target printed alone over its words: "@jo" or "@Jo Lake" (a name as the thread prints it,
# spaces and all) on a line of its own, naming another commenter of the page (a reader's own "@jo"
# line with nothing under it is the whole reply, and stays).
# (or a gone author's mark, "@[deleted]": a reply to a removed comment names its author so)
_LONE_HANDLE: Final = re.compile(r"^@([\w][\w.'’-]*(?: [\w.'’-]+){0,3}|\[\w+(?: \w+)?\])$")
_NOT_NAME_CHARS: Final = re.compile(r"[\W_]+")


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_NAME_KEY_CACHE: Final[dict[str, str]] = line_dict()


def _name_key(name: str) -> str:
    """A name as a handle spells it: lower case, letters and digits only ("Jo Lake" and "@jo_lake" meet)."""
    known = _NAME_KEY_CACHE.get(name)
    if known is None:
        known = _NAME_KEY_CACHE[name] = _name_key_uncached(name)
    return known


def _name_key_uncached(name: str) -> str:
    return _NOT_NAME_CHARS.sub("", name.lower())


# How far over the next comment's header its "@login" line may sit (a blank between).
HANDLE_OVER_HEADER: Final = 2


def drop_reply_targets(lines: Lines, zone: Zone, roles: dict[int, str]) -> None:
    """Take a lone "@name" line naming another commenter off the top of the reply it opens (see
    _LONE_HANDLE), and the next comment's own "@login" off the bottom of the reply over it. The line stays in the segment map as the comment's header. `zone.comments[k].body_lines`
    and `roles` are updated."""
    text = lines.text
    comments = zone.comments
    # (the authors' keys are read only on a page where a comment's first or last line, under or
    # over another, opens with "@": most have none; the first pass's cuts make no new such line,
    # as a reply keeps its last line)
    if not any(len(c.body_lines) >= 2 and (text[c.body_lines[0]][:1] == "@" or text[c.body_lines[-1]][:1] == "@") for c in comments):
        return
    authors = {_name_key(c.author) for c in comments if c.author}
    authors.discard("")
    if not authors:
        return
    for c in zone.comments:
        if len(c.body_lines) < 2 or text[c.body_lines[0]][:1] != "@":
            continue
        m = _LONE_HANDLE.match(text[c.body_lines[0]])
        if m is not None and _name_key(m[1]) in authors - {_name_key(c.author)}:
            roles[c.body_lines.pop(0)] = "comment_header"  # (whom it answers: the reply's meta, as its header is)
    for c, nxt in zip(zone.comments, zone.comments[1:]):
        # the next comment's "@login" right over its header (its avatar's line, as a code host
        # prints it), under a reply with no row of actions to close it: the next one's meta
        if len(c.body_lines) < 2 or text[c.body_lines[-1]][:1] != "@" or not nxt.header_lines or not nxt.author:
            continue
        last = c.body_lines[-1]
        m = _LONE_HANDLE.match(text[last])
        if m is not None and _name_key(m[1]) == _name_key(nxt.author) and 0 < nxt.header_lines[0] - last <= HANDLE_OVER_HEADER:
            roles[c.body_lines.pop()] = "comment_header"


# A widget's mark under a reader's lines: one symbol on a line of its own right over the comment's
# action row ("❤" a creator gave, a reaction without a count). A wordless reply ("🙄") is such a
# line too, so only a last line under other lines of the comment is taken for the widget's: the
# reader's words (or symbols) stay, and the reply is not "🙄❤" where its reader wrote "🙄".
MARK_REACH: Final = 2


def _one_symbol(s: str) -> bool:
    core = s.replace("\ufe0f", "")  # (a variation selector draws the same symbol)
    return len(core) == 1 and is_pictographs(core)


def drop_role_badges(lines: Lines, zone: Zone, roles: dict[int, str]) -> None:
    """Take a badge or role line (chrome.is_badge_line: "Member", "Top commenter") right under a
    comment's header, no blank between, off the head of its words when words follow it: the site
    prints the reader's role there, beside the header. The line stays in the segment map as
    comment chrome. `zone.comments[k].body_lines` and `roles` are updated."""
    for c in zone.comments:
        if len(c.body_lines) < 2 or not c.header_lines or c.body_lines[0] != max(c.header_lines) + 1:
            continue
        if is_badge_line(lines.core[c.body_lines[0]]):
            roles[c.body_lines.pop(0)] = "comment_chrome"


# A post's subject as a journal or a board prints it right under the header ("Re: the ferry",
# "(no subject)", "On the timing"): a short line with no sentence's end. Read as one only on a page
# where at least SUBJECTS_MIN headers carry the marked kind ("Re: ..." or "(no subject)") there,
# or in a thread too small to show that habit, where every comment has one (_unmarked_subjects).
SUBJECT_CHARS: Final = 60
# The longest marked subject ("Re: " and the title of the post it answers).
MARKED_SUBJECT_CHARS: Final = 150
SUBJECTS_MIN: Final = 2


# The subject a board prints for a post given none.
_NO_SUBJECT: Final = "(no subject)"


def _marked_subject(s: str) -> bool:
    # (each reading asked only where it can hold: RE_SUBJECT's match needs a ":", and a line
    # lower-cases to _NO_SUBJECT only as long as it, as no character of it is one "İ" lower-cases
    # to, the one character lower-casing to two; most lines asked are neither, and were read by
    # sre and lower-cased whole)
    return ":" in s and RE_SUBJECT.match(s) is not None or len(s) == len(_NO_SUBJECT) and s.lower() == _NO_SUBJECT


def drop_subject_lines(lines: Lines, zone: Zone, roles: dict[int, str]) -> None:
    """Take the subject line (see SUBJECT_CHARS) right under each comment's header, with the words
    right under it, off the head of the comment's words, on a page whose headers carry marked
    subjects there (or a small thread titling each comment: _unmarked_subjects). The line stays in
    the segment map as comment chrome. `body_lines` and `roles` are updated."""
    text = lines.text
    under = [max(c.header_lines) + 1 for c in zone.comments if c.header_lines]
    marked = sum(j < len(text) and _marked_subject(text[j]) for j in under)
    if not marked and not _unmarked_subjects(lines, zone.comments):
        return
    if marked and marked < SUBJECTS_MIN and not (
        # (a thread too small to show SUBJECTS_MIN marked ones: one marked, and every other comment
        # with a subject's line at that place over its words, "Re: ..." and "On the timing")
        len(zone.comments) < 2 * SUBJECTS_MIN
        and len(under) == len(zone.comments) >= 2
        and all(j < len(text) and _marked_subject(text[j]) or _subject_at(lines, c) for j, c in zip(under, zone.comments))
    ):
        return
    for c in zone.comments:
        if _subject_at(lines, c):
            roles[c.body_lines.pop(0)] = "comment_chrome"


def _unmarked_subjects(lines: Lines, comments: list[Comment]) -> bool:
    """Whether a thread too small to show the marked kind (two or three comments) titles each of
    them with a subject of its own words ("Early boat", "Fair point"): every comment opens on a
    subject's line (_subject_at) that opens in a capital, as a title does, and the words under it
    do not go on from it (no lower-case letter opens them, as in a sentence wrapped across lines)."""
    if not 2 <= len(comments) < 2 * SUBJECTS_MIN:
        return False
    text = lines.text
    for c in comments:
        if not _subject_at(lines, c):
            return False
        s, under = text[c.body_lines[0]], text[c.body_lines[1]]
        if not s[:1].isupper() or under[:1].islower():
            return False
    return True


def _subject_at(lines: Lines, c: Comment) -> bool:
    """Whether comment `c` opens on a subject's line (SUBJECT_CHARS) right under its header, with its
    words right under it."""
    if len(c.body_lines) < 2 or not c.header_lines:
        return False
    j = c.body_lines[0]
    s = lines.text[j]
    if j != max(c.header_lines) + 1 or c.body_lines[1] != j + 1 or is_chrome(s):
        return False
    # (a marked one may be long: "Re: " and the post's title, however long, a link and all)
    return len(s) <= MARKED_SUBJECT_CHARS and _marked_subject(s) or len(s) <= SUBJECT_CHARS and s[-1] not in ".!?…"


def drop_reaction_marks(lines: Lines, zone: Zone, roles: dict[int, str]) -> None:
    """Take a lone symbol over the action row off the end of the comment it closes (see MARK_REACH).

    The line stays in the segment map as comment chrome. `zone.comments[k].body_lines` and `roles`
    are updated."""
    text = lines.text
    n = len(text)
    for c in zone.comments:
        if len(c.body_lines) < 2 or not _one_symbol(text[c.body_lines[-1]]):
            continue
        above = prev_nonblank(lines, c.body_lines[-1], MARK_REACH)
        if above is not None and (text[above][:1] == ">" or text[above][:1] in "CcEeSs" and _QUOTE_TOGGLE.match(text[above])):
            # (under a quote of another comment, "> ...", or a folded quote's "Click to expand...":
            # the reader's own answer to it, the only words of theirs)
            continue
        j = c.body_lines[-1] + 1
        while j < n and j <= c.body_lines[-1] + MARK_REACH and not text[j]:
            j += 1
        if j < n and text[j] and is_chrome(text[j]):
            roles[c.body_lines.pop()] = "comment_chrome"


_DIGITS: Final = re.compile(r"\d+")
# Non-blank lines over the first of two comments searched for the section's header ("2 comments",
# then a sort or search control).
SECTION_OVER_REACH: Final = 3


def _reply_row(lines: Lines, roles: dict[int, str], lo: int, hi: int) -> bool:
    """Whether lines lo..hi-1 hold an action row with a Reply / Like link (chrome.is_reply_row)."""
    text = lines.text
    return any(roles.get(j) == "comment_chrome" and is_reply_row(text[j]) for j in range(lo, hi))


_ROW_WORD: Final = re.compile(r"[^\W\d_]+")


def _shared_action(row: str, last_row: str) -> bool:
    """Whether the last comment's action row prints only actions the first comment's row prints too
    (its words a part of the other's, counts aside): one widget's row, a link or two left off."""
    mine = {w.casefold() for w in _ROW_WORD.findall(last_row)}
    return bool(mine) and mine <= {w.casefold() for w in _ROW_WORD.findall(row)}


def _only_text_between(text: list[str], body_lines: list[int]) -> bool:
    """Whether every non-blank line from a comment's first body line to its last is a body line."""
    first, last = body_lines[0], body_lines[-1]
    if len(body_lines) == last - first + 1:
        return True
    # (the lines with text counted by a compiled loop: `sum(map(bool, text[first : last + 1]))`
    # copied the slice, and compiled it looked up `map` and `bool` and made two generic calls, then
    # a call of `bool` a line: ~3.5k instructions a comment, 5.8k comments a run)
    filled = 0
    for k in range(first, last + 1):
        if text[k]:
            filled += 1
    return filled == len(body_lines)


def _closing(lines: Lines, kept: list, roles: dict[int, str], action: int | None = None) -> bool:
    """Whether the comments before the last one close at an action row (see CLOSING_SHARE).

    A thread of two is no habit by count: there the first comment closes at the row the last one
    prints over its tail (line `action`), the same words counts aside ("Like (3)"), or both rows
    hold a Reply / Like link ("Reply to This Share" and "Reply to This" over "Share")."""
    others = len(kept) - 1
    if others < CLOSING_MIN_COMMENTS:
        if others != 1 or action is None:
            return False
        c, nxt = kept
        upto = nxt.header_lines[0] if nxt.header_lines else nxt.body_lines[0]
        row = _last_action(lines, roles, c.body_lines[-1] + 1, upto)
        if row is None:
            return False
        if _DIGITS.sub("#", lines.text[row]) == _DIGITS.sub("#", lines.text[action]):
            return True
        if _shared_action(lines.text[row], lines.text[action]):
            return True  # ("Reply to This Share" over the first, "Share" over the last one's tail)
        if _reply_row(lines, roles, c.body_lines[-1] + 1, upto) and _reply_row(lines, roles, nxt.body_lines[0] + 1, action + 1):
            return True
        # (or the two sit right under the section's header, "2 comments": a widget's thread)
        # (from its top line: a title over the header, "Re: ... (Score:2)", is listed after it)
        top = min(c.header_lines) if c.header_lines else c.body_lines[0]
        heads = set(section_headers(lines, 0))
        return any(j in heads for j in nonblank_above(lines, top, SECTION_OVER_REACH))
    closes = 0  # comments whose last line with words is followed by an action row
    for c, nxt in zip(kept, kept[1:]):
        upto = nxt.header_lines[0] if nxt.header_lines else nxt.body_lines[0]
        closes += _last_action(lines, roles, c.body_lines[-1] + 1, upto) is not None
    return closes >= CLOSING_SHARE * others


def comment_words(text: str, lines: Lines, body_lines: list[int], start: int, end: int) -> str:
    """The comment's words: its span text[start:end] from first to last body line, less the lines
    that are not text."""
    first, last = body_lines[0], body_lines[-1]
    words = lines.text
    if _only_text_between(words, body_lines):
        return text[start:end]  # (the common case: the span as it is)
    body = set(body_lines)
    pieces: list[str] = []
    blank = False
    for j in range(first, last + 1):
        if j in body:
            if blank and pieces:
                pieces.append("\n")
            # (the line with its break, read from the page: see Lines.with_break)
            pieces.append(lines.with_break(j) if j != last else lines.with_break(j).rstrip())
            blank = False
        elif not words[j]:
            blank = True
    return "".join(pieces).strip()


# A widget may close each comment with its own echo of it, a handle and the comment's opening words
# ("dunewalker: Rain again on the allotment and the beans are"), then the comment's permalink on a
# line of its own. The echo repeats the reader's words, so it proves itself: a "label: words" line
# whose words are the comment's first words, at least this many of them (or the whole comment).
ECHO_MIN_WORDS: Final = 3
# The echo's label is a handle: one token, no longer than this.
ECHO_LABEL_CHARS: Final = 40
_ECHO: Final = re.compile(r"([^\s:]{1,%d}):\s+(\S.*)" % ECHO_LABEL_CHARS)
_WORD: Final = re.compile(r"\w+")
_BARE_URL: Final = re.compile(r"(?:https?://|www\.)\S+")


def _echo_label(s: str, text: list[str], body: list[int], k: int) -> str | None:
    """The handle of an echo line `s` of the comment words over it (the lines body[:k], see
    ECHO_MIN_WORDS), else None. (Those lines are joined only under a line that reads as an echo:
    most comments' last lines do not.)"""
    colon = s.find(":")
    if not 0 < colon <= ECHO_LABEL_CHARS:
        # (the label, no ":" in it, ends at the line's first colon: where that is not within the
        # label's length, or there is none, sre's fullmatch cannot hold, and is not asked)
        return None
    m = _ECHO.fullmatch(s)
    if m is None:
        return None
    echo = _WORD.findall(m[2].lower())
    said = _WORD.findall(" ".join([text[j] for j in body[:k]]).lower())
    if len(echo) < min(ECHO_MIN_WORDS, len(said)) or len(echo) > len(said) or not echo:
        return None
    # (the echo may cut its last word short)
    if said[: len(echo) - 1] != echo[:-1] or not said[len(echo) - 1].startswith(echo[-1]):
        return None
    return m[1]


def drop_echo_lines(lines: Lines, zone: Zone, roles: dict[int, str]) -> None:
    """Take a widget's echo of a comment and the permalink under it off the comment's end (see
    ECHO_MIN_WORDS). A comment its header left unnamed is named by the echo's handle (a handle
    that reads as a date, "oct2011", is no name to a header but is one here). The lines stay in the
    segment map as comment chrome. `zone.comments[k].body_lines`, authors and `roles` are updated."""
    text = lines.text
    for c in zone.comments:
        body = c.body_lines
        if len(body) < 2:
            continue
        k = len(body) - 1
        url = _BARE_URL.fullmatch(text[body[k]]) is not None
        if url:
            k -= 1
        if k < 1:
            continue
        label = _echo_label(text[body[k]], text, body, k)
        if label is None:
            continue
        for j in body[k:]:
            roles[j] = "comment_chrome"
        del body[k:]
        if not c.author.strip():
            c.author = label.replace("_", " ")


# The line that closes the other comments (their action row, "Permalink | Flag", left out of their
# text as chrome) closes the last one too: found inside the last comment's lines, it ends the
# comment there, and what follows is the page's (its pager, a sidebar's tables). At least this many
# other comments close at the same line, and CLOSING_SHARE of them.
SHARED_CLOSE_MIN: Final = 3


def _gaps_between(kept: list[Comment]) -> list[tuple[Comment, int, int]]:
    """Each comment of `kept` but the last, with the lines between its words and the next comment's
    first line (its header, else its words), lo..hi: where a widget prints its lines between
    comments. (A typed list of bounds, read by compiled loops over their range: an untyped
    generator yielding range objects read the comments' fields and made each range generically.)"""
    gaps: list[tuple[Comment, int, int]] = []
    for k in range(len(kept) - 1):
        c, nxt = kept[k], kept[k + 1]
        upto = nxt.header_lines[0] if nxt.header_lines else nxt.body_lines[0]
        gaps.append((c, c.body_lines[-1] + 1, upto))
    return gaps


def _closing_line(lines: Lines, kept: list[Comment], roles: dict[int, str]) -> str | None:
    """The line (word for word) that follows most comments before the last one (see SHARED_CLOSE_MIN)."""
    text = lines.text
    # (counted in a plain dict: a Counter's count of a new line is interpreted Python)
    seen: dict[str, int] = {}
    for c, lo, hi in _gaps_between(kept):
        j = lo  # (the gap's first line with text, hi where it has none)
        while j < hi and not text[j]:
            j += 1
        if j < hi and roles.get(j) == "comment_chrome":
            seen[text[j]] = seen.get(text[j], 0) + 1
        elif len(c.body_lines) > 1 and is_chrome(text[c.body_lines[-1]]):
            seen[text[c.body_lines[-1]]] = seen.get(text[c.body_lines[-1]], 0) + 1  # (read into the comment's own lines)
    if not seen:
        return None
    # (the first counted of the most frequent, as Counter.most_common(1) picks it)
    line, n = "", 0
    for s, k in seen.items():
        if k > n:
            line, n = s, k
    others = len(kept) - 1
    return line if n >= SHARED_CLOSE_MIN and n >= CLOSING_SHARE * others else None


def cut_last_at_closing(lines: Lines, zone: Zone, roles: dict[int, str]) -> None:
    """End the last comment at the line that closes the others (see SHARED_CLOSE_MIN): that line
    becomes comment chrome, the lines under it the page's. The same line closing another comment's
    own lines (read into them when a widget's line came between) leaves them too.
    `body_lines` and `roles` are updated."""
    kept = [c for c in zone.comments if c.body_lines]
    if len(kept) <= SHARED_CLOSE_MIN:
        return
    line = _closing_line(lines, kept, roles)
    if line is None:
        return
    text = lines.text
    for c in kept[:-1]:
        if len(c.body_lines) > 1 and text[c.body_lines[-1]] == line:
            roles[c.body_lines.pop()] = "comment_chrome"
    last = kept[-1]
    at = next((k for k, j in enumerate(last.body_lines) if k and text[j] == line), None)
    if at is None:
        return
    cut = last.body_lines[at]
    for j in last.body_lines[at:]:
        roles[j] = "boilerplate"
    roles[cut] = "comment_chrome"
    del last.body_lines[at:]


def drop_numbered_links(lines: Lines, zone: Zone, roles: dict[int, str]) -> None:
    """Take a numbered link ("4. Profile", the next comment's number on its commenter's link) off
    the end of the comment over it: a link with a list number, not the reader's words. The line
    stays in the segment map as comment chrome. `body_lines` and `roles` are updated."""
    text, core = lines.text, lines.core
    for c in zone.comments:
        if len(c.body_lines) < 2:
            continue
        j = c.body_lines[-1]
        if core[j] != text[j] and text[j][:1].isdigit() and is_chrome(core[j]):
            roles[c.body_lines.pop()] = "comment_chrome"


# The next comment's running number as a short label, closing the comment over it ("Entry #12",
# "Post #3", "#7", "No. 4"): a word at most, then a number marked as one.
_ENTRY_LABEL: Final = re.compile(r"(?:[^\W\d_][^\W\d]{0,14}\s?)?(?:#|[Nn]o\.)\s?\d{1,6}:?")


def drop_entry_labels(lines: Lines, zone: Zone, roles: dict[int, str]) -> None:
    """Take the next comment's numbered label ("Entry #1", see _ENTRY_LABEL) off the end of the
    comment over it when it sits right on the next comment's header, no blank between: the page
    numbers its entries over their headers, and the label is no reader's words. With three
    comments or more the label closes most of them and drop_repeated_tails weighs it; with two it
    closes one, so its place says it. The line stays in the segment map as comment chrome.
    `body_lines` and `roles` are updated."""
    text = lines.text
    comments = zone.comments
    for c, nxt in zip(comments, comments[1:]):
        if len(c.body_lines) < 2 or not nxt.header_lines:
            continue
        j = c.body_lines[-1]
        if j + 1 == nxt.header_lines[0] and _ENTRY_LABEL.fullmatch(text[j]) is not None:
            roles[c.body_lines.pop()] = "comment_chrome"


# A thread that signs its comments from below with a date alone may print each commenter's name
# over the words, numbered as the thread counts its comments ("  4. dunewalker" / the words /
# "May 3, 2021 at 9:12 am |"): the name is the header's, not the reader's first line. At least this
# many comments of the page open so (one less with a name that reads as one).
NUMBERED_NAMES_MIN: Final = 3
# The numbered name sits among the comment's first lines (the first comment's may follow the
# section's heading, read into it).
NUMBERED_NAME_REACH: Final = 4
_NUMBERED: Final = re.compile(r"(\d{1,4})\.\s+\S")
# Share of the unnamed comments whose numbered line reads as a name (the rest may print a handle
# no name reads like, "Ferry Fan 2021 - vote them all out"), and the longest such handle.
NUMBERED_SHARE: Final = 0.6
NUMBERED_NAME_CHARS: Final = 100


def _numbered_name(lines: Lines, c) -> tuple[int, int] | None:
    """(the comment's line k of body_lines that prints its number and its commenter's name, the number), or None."""
    text, core = lines.text, lines.core
    for k, j in enumerate(c.body_lines[:NUMBERED_NAME_REACH]):
        m = _NUMBERED.match(text[j])
        if m is not None and core[j] != text[j] and looks_like_name(core[j]):
            return k, int(m[1])
    return None


def name_numbered_comments(lines: Lines, zone: Zone, roles: dict[int, str]) -> None:
    """Name the unnamed comments of a thread that numbers its commenters' names over their words
    (see NUMBERED_NAMES_MIN). The name's line becomes header; above it, in the first comment,
    what the section prints over its first comment leaves the text too. Once the thread shows the
    habit, a comment opening on the next number is named by that line whatever the handle reads
    like. `body_lines`, authors and `roles` are updated."""
    unnamed = [c for c in zone.comments if not c.author.strip() and len(c.body_lines) > 1]
    if len(unnamed) < NUMBERED_NAMES_MIN - 1:
        return
    found = {id(c): hit for c in unnamed if (hit := _numbered_name(lines, c)) is not None}
    if len(found) < NUMBERED_NAMES_MIN - 1 or len(found) < NUMBERED_SHARE * len(unnamed):
        return
    text, core = lines.text, lines.core
    last = None
    named = []
    for c in unnamed:
        hit = found.get(id(c))
        if hit is None and last is not None:
            j = c.body_lines[0]
            m = _NUMBERED.match(text[j])
            if m is not None and int(m[1]) == last + 1 and core[j] != text[j] and len(core[j]) <= NUMBERED_NAME_CHARS:
                hit = (0, last + 1)
        if hit is None:
            continue
        if last is not None and hit[1] <= last:
            return  # (the thread's count goes up: other numbers are a list's)
        last = hit[1]
        named.append((c, hit[0]))
    if len(named) < NUMBERED_NAMES_MIN:
        return
    for c, k in named:
        j = c.body_lines[k]
        c.author = core[j]
        for i in c.body_lines[:k]:
            roles[i] = "boilerplate"
        roles[j] = "comment_header"
        del c.body_lines[: k + 1]


def drop_widget_tails(lines: Lines, zone: Zone, roles: dict[int, str]) -> None:
    """Take the widget's lines off the end of the comments they were read into: a line the page
    prints between its comments word for word, left out of them as chrome, or at the top of their
    headers (not as the name), at least SHARED_CLOSE_MIN times ("Permalink | Flag", "This reply was
    hidden by votes.", a card's badge), is no reader's words where it closes a comment's lines
    either. Line by line from the end. The lines stay in the segment map as comment chrome.
    `body_lines` and `roles` are updated."""
    kept = [c for c in zone.comments if c.body_lines]
    if len(kept) <= SHARED_CLOSE_MIN:
        return
    text = lines.text
    # (counted in a plain dict: a Counter's count of a new line is interpreted Python)
    between: dict[str, int] = {}
    for _, lo, hi in _gaps_between(kept):
        for j in range(lo, hi):
            if text[j] and roles.get(j) == "comment_chrome":
                between[text[j]] = between.get(text[j], 0) + 1
    # (and a line that opens the headers of the page, not as a name: a card's badge or its
    # avatar's alt text, read into the comment over the card)
    for c in kept:
        if c.header_lines and (s := text[c.header_lines[0]]) and s != c.author:
            between[s] = between.get(s, 0) + 1
    widget = {s for s, n in between.items() if n >= SHARED_CLOSE_MIN}
    if not widget:
        return
    for c in kept:
        while len(c.body_lines) > 1 and text[c.body_lines[-1]] in widget:
            roles[c.body_lines.pop()] = "comment_chrome"
