"""Choose the page's comment thread among the header-shaped lines, or decide there is none.

A thread is one header format repeated with people's words between the headers. Link lists,
menus, subheadings and an article's own dateline share the shapes; the checks here tell them
apart by what surrounds the headers (conversation, heading-like names, gaps), not by site.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Final, cast

from replyscope.split.caches import line_dict
from replyscope.split.anchors import SHORT_WORDS_PEERS, Anchor, is_short_mark, header_spacing, is_placeholder, mostly_posted_by, section_headers, spans_signed_below, widget_words_under
from replyscope.split.lines import next_nonblank, prev_nonblank
from replyscope.split.body import is_boilerplate_line
from replyscope.split.chrome import is_badge_line, is_chrome, is_content, is_pictographs, is_reply_link_row, is_stop_line
from replyscope.split.headers import GONE_AUTHOR, has_thread_links, is_age_stamp, is_field_header, is_words_label, opens_words_field, read_header
from replyscope.split.lines import Lines, is_prose
from replyscope.split.openers import inline_label, opener_above, shared_inline_label
from replyscope.split.places import in_turn, place_after, post_number
from replyscope.split.patterns import BULLETS, COMMENT_FORM, COMMENT_TALLY, HAS_LETTER, QUOTE_OPENING, RE_SUBJECT, WORD, ends_sentence, folds_like_lower, template_form
from replyscope.split.talk import in_other_language, is_lone_name, is_written, judges, talks, writes_sentences
from replyscope.split.threading import outline_number

# A gap between two headers of one format this much longer than the usual gap (and at least
# RUN_GAP_LINES non-blank lines) separates a comment thread from a dated list elsewhere on the page.
RUN_GAP_FACTOR: Final = 8
RUN_GAP_LINES: Final = 60
# Prose after a first header that marks it as an article's dateline (see _drop_leading_datelines).
ARTICLE_GAP_CHARS: Final = 1500
# Share of comments that must use words of conversation (I, you, my, we...): a zone where nobody
# talks to anybody is a list of links, a menu or a set of subheadings.
MIN_CONVERSATIONAL: Final = 0.3
MIN_CONVERSATIONAL_BARE: Final = 0.45
# At most about this many anchors of one format are read to measure that share.
SHARE_SAMPLE: Final = 32
BARE_FAMILIES: Final = frozenset({"bare", "indent", "bullet"})
WEAK_FAMILIES: Final = frozenset({"bare", "indent"})
# Formats an article's dateline never takes: a bulleted name over indented text, "Name says:". A long
# text under one is a long comment.
PERSON_FAMILIES: Final = frozenset({"bullet", "says"})
# Share of names allowed to look like headings before the headers are taken for a link list.
MAX_TITLE_LIKE: Final = 0.34
MAX_TITLE_LIKE_DATED: Final = 0.5
# Share of headers over "..."-truncated excerpts beyond which the list is a feed, not a thread.
MAX_TRUNCATED: Final = 0.5
# Share of headers over a headline or a comment count beyond which the list is a listing of posts
# or links (each under its writer's name, with its own comment count), not a thread.
MAX_HEADLINES: Final = 0.5
# A thread this small with no comment-section header over it is taken only when every comment talks.
SMALL_THREAD: Final = 2
# A Disqus-style thread at least this long may count verdicts as talk (see _bullet_thread_share).
MIN_BULLET_THREAD: Final = 3
# ... and statements written in sentences count as talk from this many comments on (talk.writes_sentences):
# articles set out a few points as bulleted subheads with a paragraph each; a run longer than
# such a list, whose every item is a plain statement, is readers stating opinions.
MIN_SENTENCE_THREAD: Final = 5
# A lone undated comment under no section header that does not talk must be a sentence this long.
LONE_MIN_WORDS: Final = 4


def _has_content(lines: Lines, lo: int, hi: int, taken: set[int]) -> bool:
    for j in range(lo, hi):
        s = lines.text[j]
        if s and j not in taken and (is_written(s) or is_placeholder(s)):
            return True  # (a removed comment's "[comment deleted]" stands for its words)
    return False


def _shape(s: str) -> str:
    """A line's shape as a template prints it: lower case, every run of digits one "0" ("+12 votes",
    "+3 votes" and "+1 votes" are one shape: a counter the layout prints where these stand)."""
    return _DIGIT_RUN.sub("0", s.strip().lower())


_DIGIT_RUN: Final = re.compile(r"\d+")  # (compiled once: `re.sub` of a pattern's text looks it up in re's cache each call)


def _words_side(lines: Lines, a: Anchor, lo: int, hi: int) -> int | None:
    """The first line with text next to header `a` on the side its words are (over a header that
    signs them from below, "Posted by jo" / "– jo, Leeds", under any other), between `lo` and `hi`."""
    return _step_words_side(lines, a, a.first if a.header.posted_by else a.last, lo, hi)


def _step_words_side(lines: Lines, a: Anchor, j: int, lo: int, hi: int) -> int | None:
    """The next line with text past line `j` (over at most one blank line) going away from header
    `a` on its words' side (up over a header that signs from below, down under any other), kept
    only between `lo` and `hi`: one step of _words_side's walk, shared by its callers' walks on."""
    j2 = prev_nonblank(lines, j, 1) if a.header.posted_by else next_nonblank(lines, j, 1)
    return j2 if j2 is not None and lo <= j2 < hi else None


def _short_words_under(lines: Lines, a: Anchor, lo: int, hi: int, peers: list[Anchor], chrome_shapes: set[str]) -> bool:
    """Whether header `a`, with no words between its neighbours' lines `lo` and `hi`, heads a very
    short reply of a count or a sign ("+1", "+100", "100%": anchors.is_short_mark), read as chrome:
    the line next to it is one, the thread's other headers
    of its format (`peers`, at least SHORT_WORDS_PEERS) have words next to them, and that line's
    shape is none the layout prints between those headers and their words (`chrome_shapes`: a
    score, an age, a badge, a row of actions). A lone short line by a header the page reads
    elsewhere is the reader's answer, not the widget's."""
    if len(peers) < SHORT_WORDS_PEERS:
        return False
    j = _words_side(lines, a, lo, hi)
    while j is not None and _shape(lines.text[j]) in chrome_shapes and not is_short_mark(lines.text[j]):
        # (past what the layout prints there by its other headers: "Edited", a badge)
        j = _step_words_side(lines, a, j, lo, hi)
    if j is None:
        return False
    s = lines.text[j]
    if not is_short_mark(s) or _shape(s) in chrome_shapes:
        return False
    # (what lies on its far side up to the next header, or back to the last, is the row of
    # actions, or nothing)
    rest = range(lo, j) if a.header.posted_by else range(j + 1, hi)
    return all(not is_written(lines.text[k]) for k in rest)


def _supported(lines: Lines, anchors: list[Anchor], taken: set[int]) -> list[Anchor]:
    """Anchors with a person's words between them and a neighbour (lists of dated links have none),
    and those of the thread's own format over a very short reply (see _short_words_under)."""
    out = []
    n = len(lines)
    lone: list[tuple[int, Anchor, int]] = []
    for k, a in enumerate(anchors):
        nxt = anchors[k + 1].first if k + 1 < len(anchors) else min(n, a.last + 40)
        prv = anchors[k - 1].last + 1 if k > 0 else max(0, a.first - 40)
        if _has_content(lines, a.last + 1, nxt, taken) or _has_content(lines, prv, a.first, taken) or widget_words_under(lines, a, nxt):
            out.append(a)  # (the text before is read only when there is none after)
        else:
            lone.append((k, a, nxt))
    if not lone or not out:
        return out
    # the headers with words next to them, and what the layout prints between each and its words
    worded: list[Anchor] = []
    shapes: set[str] = set()
    for k, a in enumerate(anchors):
        lo = anchors[k - 1].last + 1 if k > 0 else max(0, a.first - 40)
        hi = anchors[k + 1].first if k + 1 < len(anchors) else min(n, a.last + 40)
        j = _words_side(lines, a, lo, hi)
        between: list[str] = []
        while j is not None and not is_written(lines.text[j]):
            between.append(_shape(lines.text[j]))
            j = _step_words_side(lines, a, j, lo, hi)
        if j is not None:
            worded.append(a)
            shapes.update(between)
    kept = set()
    for k, a, hi in lone:
        lo = anchors[k - 1].last + 1 if k > 0 else max(0, a.first - 40)
        if _short_words_under(lines, a, lo, hi, [b for b in worded if b.family == a.family], shapes):
            kept.add(a.first)
    if not kept:
        return out
    return sorted(out + [a for k, a, hi in lone if a.first in kept], key=lambda a: a.first)


# Words by which a name reads like a heading or a link title ("Offers of the Month", "Top 10 ..."),
# each a whole word of it: between white space or the name's ends, in any case.
_TITLE_WORD_FORMS: Final = frozenset(
    "the of and & in on for to with about from this that these your our new more latest top best "
    "how why what when all most back tag tags archive archives categories home follow share subscribe review news video blog policy privacy deal deals daily weekly "
    "you we it is are was were can will not at by as vs vs.".split()
)
# (the same words as a pattern, for a name IGNORECASE reads otherwise than str.lower: see folds_like_lower)
_TITLE_WORDS: Final = re.compile(r"(?:^|\s)(?:" + "|".join(re.escape(w) for w in sorted(_TITLE_WORD_FORMS)) + r")(?=\s|$)", re.I)


# "PROFIT CONFIDENTIAL Forecasts", "NEWS Desk": a name opening in capitals and going on in Title
# Case is a brand's or a section's label ("Agnes MORVANT", a surname in capitals, is a person's).


_BRAND_CAPS: Final = re.compile(r"^[A-Z]{4,}(?:\s+[A-Z]{2,})*\s+[A-Z][a-z]{2,}")
_TAGLINE: Final = re.compile(r"\s*[(\[@|→]|\s{2,}")  # ("Jen  Hannah Cole": a reply's target after two spaces)


def _title_like_share(best: list[Anchor]) -> float:
    """Share of bare names that read like a heading or a link title ("Deals of the Week", "Top 10 ...")."""
    return sum(_title_like_name(a.header.author) for a in best) / len(best)


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_TITLE_LIKE_NAME_CACHE: Final[dict[str, bool]] = line_dict()


def _title_like_name(author: str) -> bool:
    """Whether one header's name reads like a heading or a link title (cached: a thread's names
    recur, and a long thread is asked about several times)."""
    known = _TITLE_LIKE_NAME_CACHE.get(author)
    if known is None:
        known = _TITLE_LIKE_NAME_CACHE[author] = _title_like_name_uncached(author)
    return known


def _title_like_name_uncached(author: str) -> bool:
    # "Anna (My Style Blog)", "Jen @ Food Diary": the person is before the tagline (most names have
    # none: a printable name's only white space is the ASCII space, so no bracket, "@", bar or arrow
    # and no double space means _TAGLINE has nothing to split at)
    name = author if _no_tagline(author) else _TAGLINE.split(author, maxsplit=1)[0]
    if folds_like_lower(name):
        # (its words between white space, lower-cased, looked up one by one: _TITLE_WORDS's reading
        # of a name that folds like lower, without sre; str.split and the pattern's \s part at the
        # same characters, and lower-casing such a name keeps its white space where it was)
        parts = name.lower().split()
        words = any(w in _TITLE_WORD_FORMS for w in parts)
    else:
        parts = name.split()
        words = _TITLE_WORDS.search(name) is not None
    # (_BRAND_CAPS opens on four capitals and is 8 characters at least: most names are not asked)
    return bool(words or len(parts) >= 4 or len(name) >= 8 and name[:4].isupper() and name[:4].isalpha() and _BRAND_CAPS.search(name))


def _no_tagline(author: str) -> bool:
    """Whether _TAGLINE cannot match in `author`: no "(", "[", "@", "|" or "→", and no two white
    space characters in a row (a printable text's only white space is " ")."""
    return (
        "(" not in author
        and "[" not in author
        and "@" not in author
        and "|" not in author
        and "→" not in author
        and "  " not in author
        and author.isprintable()
    )


def _text_under(lines: Lines, best: list[Anchor], k: int) -> list[str]:
    """The lines under anchor k that are read for talk: up to 7, and not past the next header."""
    a = best[k]
    hi = best[k + 1].first if k + 1 < len(best) else len(lines)
    under = lines.text[a.last + 1 : min(hi, a.last + 8)]
    if under and under[0][:2].lower() == "re" and RE_SUBJECT.match(under[0]):
        return under[1:]  # (the post's subject under its header, "Re: <topic>": the words are under it)
    return under


def _first_words(lines: Lines, best: list[Anchor], k: int) -> str:
    """The first line a person could have written under anchor k ("" when none)."""
    return next((s.strip() for s in _text_under(lines, best, k) if s and is_content(s)), "")


# (no order key for a share to stay under: see _conversational_share's `below`)
_NO_KEY: Final = float("inf")


def _conversational_share(lines: Lines, best: list[Anchor], enough: float = 2.0, below: float = _NO_KEY) -> float:
    """Share of anchors whose next lines read like conversation (I, you, questions...).

    With `enough` at most 1, the windows are read only until those read show the share is at
    least `enough` and, with `below`, that the thread's order key in _by_talk (-len(best) times
    the share) is under `below`: the value returned is then at least `enough` and at most the
    share, not the share itself; short of that it is the share."""
    n = len(best)
    # a long run is judged on an even sample of its anchors (a share of 32 settles it as well as of 300)
    step = -(-n // SHARE_SAMPLE)
    read = [_text_under(lines, best, k) for k in range(0, n, step)]
    windows = _past_shared_label(read)
    # (the windows are read for talk first: where every one talks the share is 1.0, and where none
    # does 0.0, whichever are left uncounted, a subset of them or all, so which those are is not
    # read at all (two thirds of the shares read); an uncounted window is read for talk for nothing,
    # few are)
    # (with `enough`, the windows that talk and are surely counted over all the windows are a
    # share at most the share: the share counts talking windows over the counted ones, or over
    # all where none is, and _surely_counted says which _unread_windows cannot skip; reading stops
    # where that bound reaches `enough`, in a thread whose comments talk after half its windows
    # or so, and the rest are not read for talk)
    total = len(windows)
    verdicts: list[bool] = []
    sure = 0
    for k, window in enumerate(windows):
        talking = _window_talks(window)
        verdicts.append(talking)
        if talking and enough <= 1.0 and _surely_counted(read[k]):
            sure += 1
            low = sure / total
            if low >= enough and -len(best) * low < below:
                return low
    hits = sum(verdicts)
    if hits == 0 or hits == total:
        return hits / total
    unread = _unread_windows(read)
    said = [k for k, skip in enumerate(unread) if not skip] or list(range(len(windows)))
    return sum(verdicts[k] for k in said) / len(said)


def _surely_counted(window: list[str]) -> bool:
    """Whether _unread_windows cannot skip `window` whatever the other windows are: its first line
    with text is no removed comment's mark, and none of its lines with text is a name alone or
    in another language (the line _unread_windows reads for those is one of them)."""
    if _removed_words(window):
        return False
    for s in window:
        if s and (is_lone_name(s) or in_other_language(s)):
            return False
    return True


def _window_talks(window: list[str]) -> bool:
    """Whether the words under one header count as talk for _conversational_share."""
    return talks(window) or _answers_a_quote(window) or _reacts(window)


# At most this share of a thread's comments may be a name alone and go uncounted (see _unread_windows).
MAX_LONE_NAME_SHARE: Final = 0.5


def _unread_windows(windows: list[list[str]]) -> list[bool]:
    """For each window of words under a header, whether it says nothing about talk: a removed
    comment's placeholder (_removed_words); a first line with text in another language
    (talk.in_other_language: a reply in Greek or Turkish under an English thread's header; a whole
    page in another language has all its windows unread, and is judged on them all as before); or
    a name alone, all the comment holds (talk.is_lone_name: a reply answering "who?"), while such
    windows are at most MAX_LONE_NAME_SHARE of them: a list of names under names (a cast, a staff
    list, a reading list's authors) is judged on all its windows, as before."""
    said = [_said_lines(w) for w in windows]
    lone = [len(x) == 1 and is_lone_name(x[0]) for x in said]
    names_unread = sum(lone) <= MAX_LONE_NAME_SHARE * len(windows)
    return [
        _removed_words(w) or bool(x) and in_other_language(x[0]) or names_unread and one
        for w, x, one in zip(windows, said, lone)
    ]


def _said_lines(window: list[str]) -> list[str]:
    """The first two lines with text in `window` that are no chrome: what _unread_windows reads of
    a window's lines (whether it holds none, one or more, and the first). The lines past them are
    not read for chrome here (a window not of the chosen format is never read again)."""
    said: list[str] = []
    for s in window:
        if s and not is_chrome(s):
            said.append(s)
            if len(said) == 2:
                break
    return said


def _removed_words(window: list[str]) -> bool:
    """Whether the first line with text under a header is a removed comment's placeholder
    ("[removed]", "[comment deleted]"): what the page shows in place of words nobody can read."""
    first = next((s for s in window if s), "")
    return bool(first) and is_placeholder(first)


def _share_above(lines: Lines, best: list[Anchor], top: int) -> float:
    """Share of headers that sign the words over them (see _signed_below) whose words talk: read
    from under the previous header (the first one's from under line `top`), up to 7 lines."""
    windows = _past_shared_label([lines.text[max(lo, a.first - 7) : a.first] for lo, a in zip([top + 1] + [b.last + 1 for b in best], best)])
    hits = sum(talks(window) or _reacts(window[::-1]) for window in windows)  # (the words right over the signature)
    return hits / len(windows)


def _past_shared_label(windows: list[list[str]]) -> list[list[str]]:
    """The comments' windows of text read past a label the page prints at the head of every
    comment ("A: Yes, it does."), which hides how each one opens ("Yes", "I", "You"); unchanged
    when the page prints none."""
    label = shared_inline_label([next((s for s in w if s), "") for w in windows])
    return windows if label is None else [_unlabelled(window, label) for window in windows]


def _reacts(window: list[str]) -> bool:
    """Whether the first line with text under a header is symbols alone ("😂", "👏👏"): a reader's
    reaction, which menus, link lists and subheadings never print under a name. A line of the
    widget's over it ("In reply to Jo"), or the reader's role badge ("Author", "Owner"), is passed
    over: the reaction is the reader's first words."""
    first = next((s for s in window if s and not is_chrome(s) and not is_badge_line(s)), "")
    return bool(first) and is_pictographs(first)


def _unlabelled(window: list[str], label: str) -> list[str]:
    """`window` with `label` ("A") and its colon taken off the head of its first line with text."""
    k = next((k for k, s in enumerate(window) if s), None)
    if k is None or inline_label(window[k]) != label:
        return window
    return window[:k] + [window[k][len(label) + 1 :].lstrip()] + window[k + 1 :]


# The attribution a forum prints over a quoted post ("Jo Lake wrote:"), its quote under it unmarked.
_WROTE: Final = re.compile(r"^\S.{0,60}\s(?:wrote|said|writes|says)\s*:$", re.I)


def _answers_a_quote(window: list[str]) -> bool:
    """Whether a comment opens by quoting someone ("> what you said") and then says its own words:
    how a reply answers, whatever language it is written in; or opens on the attribution of a
    quote ("Jo Lake wrote:") over the quoted words, as forums print it."""
    filled = [s for s in window if s]
    # (_WROTE's match ends on a colon, at the line's end or before a last line break: other lines
    # are not read by it)
    if len(filled) >= 3 and filled[0].rstrip("\n")[-1:] == ":" and _WROTE.match(filled[0]) is not None:
        return True
    return len(filled) >= 2 and filled[0][:1] == ">" and filled[0][1:2] != ">" and filled[1][:1] != ">"


def _bullet_thread_share(lines: Lines, best: list[Anchor], share: float) -> float:
    """The talk share of a Disqus-style thread (bulleted names, text indented under them), where a
    comment that passes judgement ("Utter drivel.") or states an opinion in sentences counts as talk too.

    Only asked when the plain share falls short, and only of the bullet layout with at least
    MIN_BULLET_THREAD comments: in that layout short verdicts without I/you are most of a small
    thread, while list items and link titles rarely judge anybody.
    """
    if best[0].family != "bullet" or len(best) < MIN_BULLET_THREAD or share >= MIN_CONVERSATIONAL_BARE:
        return share
    hits = uncounted = 0
    long_run = len(best) >= MIN_SENTENCE_THREAD
    windows = [_text_under(lines, best, k) for k in range(len(best))]
    for k, (window, unread) in enumerate(zip(windows, _unread_windows(windows))):
        if unread:
            uncounted += 1  # (a removed comment's mark, words in another language, a name alone say nothing: see _unread_windows)
            continue
        hits += talks(window) or judges(window) or long_run and writes_sentences(window, best[k].header.author)
    return hits / (len(best) - uncounted) if uncounted < len(best) else 0.0


def _dated_thread_share(lines: Lines, best: list[Anchor], share: float) -> float:
    """The talk share of a thread whose every header carries its date, where a comment that passes
    judgement ("Typical council."), states its view in sentences or is emoji alone counts as talk.

    Only asked when the plain share falls short. Readers who agree or report say so without I or
    you ("Finally. That car park floods every winter anyway."): on a two-comment page under a
    short article, one such comment decided whether the thread was read at all. Small threads
    (SMALL_THREAD) only.
    """
    if share >= MIN_CONVERSATIONAL_BARE or not 1 < len(best) <= SMALL_THREAD or not all(a.header.posted_raw for a in best):
        # (a longer run of dated sentences is a fixture list or a feed as often as a thread; a lone
        # comment is judged by _lone_comment)
        return share
    hits = 0
    for k in range(len(best)):
        window = _text_under(lines, best, k)
        first = next((s for s in window if s and not is_chrome(s)), "")  # (under "In reply to Jo": see _reacts)
        hits += talks(window) or judges(window) or writes_sentences(window, best[k].header.author) or is_pictographs(first)
    return max(share, hits / len(best))


def _truncated_share(lines: Lines, best: list[Anchor]) -> float:
    """Share of headers whose first line of text is cut off with an ellipsis (feed excerpts).

    A line quoting someone ("> What you said ...") is cut off by the reply quoting it, not by a feed.
    """
    hits = 0
    for a in best:
        j = next_nonblank(lines, a.last, 3)
        hits += j is not None and lines.text[j].endswith(("...", "…", "[...]", "…]")) and lines.text[j][0] != ">"
    return hits / len(best)


HEADLINE_MIN_WORDS: Final = 3
HEADLINE_MAX_CHARS: Final = 120
# Words that Title Case leaves in lower case however long ("Lunch with the Mayor").
_TITLE_SMALL_WORDS: Final = frozenset({"from", "with", "into", "onto", "over", "than", "that", "this", "upon", "your", "about", "after", "before"})
HEADLINE_REACH: Final = 3  # lines under a header looked at for its first line of text
_BULLET_CHARS: Final = "".join(BULLETS)


def _is_headline(s: str) -> bool:
    """A line in Title Case ("A Look Inside the New Harbour Market"): a link's or a post's title.

    Its longer words (over three letters) all open in capitals, and it does not end in a full stop
    after a word (a sentence). People write in sentence case; a comment of three or more long words all in
    capitals-first is rare, so only a share of such lines over a thread tells (see MAX_HEADLINES).
    """
    if len(s) > HEADLINE_MAX_CHARS or not (s[0].isupper() or s[0].isdigit()):
        return False  # (cheap: a title is short and opens in a capital or a number)
    # (every test below can only say no: a sentence says it at its first long word in lower case,
    # so the words are read one by one up to it, not all of the line's found first; the count of
    # words is asked after them, as every early answer is the same no)
    n_words = long_words = last_len = 0
    for m in WORD.finditer(s):
        w: str = m.group()  # (typed: its methods are then native calls, compiled)
        n_words += 1
        last_len = len(w)
        if last_len > 3 and w.lower() not in _TITLE_SMALL_WORDS:
            if not w[0].isupper():
                return False
            long_words += 1
    if n_words < HEADLINE_MIN_WORDS or long_words < 2 or s.isupper():
        return False
    return not (s.endswith(".") and last_len > 3)  # a sentence (an abbreviation may end a title: "Reyes and Co.")


def _headline_share(lines: Lines, best: list[Anchor]) -> float:
    """Share of headers whose first line of text is a headline or a comment count (see _is_headline)."""
    hits = seen = 0
    # (an even sample of a long run settles the share, as in _conversational_share)
    for a in best[:: -(-len(best) // SHARE_SAMPLE)]:
        seen += 1
        j: int | None
        j = a.last
        for _ in range(HEADLINE_REACH):  # (past the header's own chrome: "Report Abuse | QUOTE")
            j = next_nonblank(lines, j, 3)
            if j is None:
                break
            s = lines.text[j].strip().lstrip(_BULLET_CHARS).strip()
            if s[:1].isdecimal() and COMMENT_TALLY.match(s):  # (a tally opens on its count's digit: sre's \d is isdecimal)
                hits += 1
                break
            if s[:2] in ("Re", "RE", "re") and RE_SUBJECT.match(s):
                continue  # (a reply's subject restating the topic, "Re: The Harbour Plan": the words are under it)
            if s and not is_chrome(s):
                hits += _is_headline(s)
                break
    return hits / seen


def _menu_share(lines: Lines, lo: int, hi: int) -> float:
    """Share of non-blank lines in [lo, hi) that are short labels (menu items, widget titles)."""
    short = total = 0
    for s in lines.text[lo:hi]:
        if s:
            total += 1
            short += len(s) < 40 and not ends_sentence(s)
    return short / total if total else 0.0


def _indented_share(lines: Lines, lo: int, hi: int) -> float:
    """Share of non-blank lines in [lo, hi) at or beyond the indent of the first one, when it is indented."""
    first = next_nonblank(lines, lo - 1, 3)
    if first is None or first >= hi or lines.indent[first] == 0:
        return 0.0
    base = lines.indent[first]
    inside = total = 0
    for j in range(lo, hi):
        if lines.text[j]:
            total += 1
            inside += lines.indent[j] >= base
    return inside / total if total else 0.0


def _main_run(lines: Lines, group: list[Anchor]) -> list[Anchor]:
    """Cut a format's anchors at an outsized gap and keep the run with the most anchors."""
    while len(group) >= 3:
        gaps = [lines.nonblank_between(a.last + 1, b.first) for a, b in zip(group, group[1:])]
        typical = sorted(gaps)[len(gaps) // 2]
        k = max(range(len(gaps)), key=gaps.__getitem__)
        if gaps[k] < max(RUN_GAP_LINES, RUN_GAP_FACTOR * typical):
            break
        lo, hi = group[k].last + 1, group[k + 1].first
        if _menu_share(lines, lo, hi) < 0.5 or _indented_share(lines, lo, hi) >= 0.8:
            break  # a long comment (or a poem at the comment's indent), not a sidebar between two lists
        head, tail = group[: k + 1], group[k + 1 :]
        group = head if len(head) >= len(tail) else tail
    return group


def _cut_at_form(lines: Lines, group: list[Anchor]) -> list[Anchor]:
    """A format's anchors, cut where a comment form parts headers stamped by calendar date from
    headers stamped by age (or the other way round), keeping the part that talks more.

    A sidebar under the thread's form that lists the site's other posts ("by jo 10 days ago" /
    "52 comments | 1 recs") reads as more comments of the same by-format, with no outsized gap to
    part them when the comments are long. A thread may go from ages to dates as its comments get
    older, but not across its own form (a chrome line such as "Loading..." between two comments
    is no such mark)."""
    if len(group) < 3:
        return group
    # (index, whether an age) of the stamped headers; the stamps must change kind exactly once,
    # with two or more stamps after the change, and the cut falls between the last stamp of the
    # first kind and the first of the other
    stamped = [(k, is_age_stamp(a.header.posted_raw)) for k, a in enumerate(group) if a.header.posted_raw]
    changes = [m for m in range(1, len(stamped)) if stamped[m][1] != stamped[m - 1][1]]
    if len(changes) != 1 or len(stamped) - changes[0] < 2:
        return group
    last_before, first_after = stamped[changes[0] - 1][0], stamped[changes[0]][0]
    for k in range(last_before + 1, first_after + 1):
        if any(s and COMMENT_FORM.match(s) for s in lines.text[group[k - 1].last + 1 : group[k].first]):
            head, tail = group[:k], group[k:]
            return head if _conversational_share(lines, head) >= _conversational_share(lines, tail) else tail
    return group


def _prose_chars(lines: Lines, lo: int, hi: int) -> int:
    return sum(len(s) for s in lines.text[lo:hi] if len(s) >= 80)


# Non-blank lines a comment-section header may sit above the first header it heads.
HEADED_REACH: Final = 3


# Lines of chrome (sort controls, "Recommend", "Share", "Log in") a section header may sit above
# the first header besides those: they belong to the section's widget, not to the page.
HEADED_CHROME_REACH: Final = 6


def _headed_by_section(lines: Lines, a: Anchor, titled: bool = False) -> bool:
    """Whether a comment-section header ("6 Responses") sits just above header `a`.

    The post's own lines over its header do not count as lines between: a forum's "Re: <topic>"
    subject, the author's name heading a profile card (its fields are chrome), and, in a thread
    whose headers wear a title (`titled`, see _wears_titles), the title line right on top of it."""
    k: int | None
    k = a.first
    reach, chrome = HEADED_REACH, HEADED_CHROME_REACH
    author = a.header.author.lower()
    if titled and _title_on_top(lines, a):
        k -= 1
    while reach > 0:
        k = prev_nonblank(lines, k, 3)
        if k is None:
            return False
        if lines.sections is not None and k in lines.sections[1]:
            return True
        if chrome > 0 and is_chrome(lines.text[k]):
            chrome -= 1  # ("Sort by Best", "Recommend", "Share" under "12 Comments")
        elif author and lines.core[k].lower() == author or len(lines.text[k]) < 300 and RE_SUBJECT.match(lines.text[k]):
            continue
        else:
            reach -= 1
    return False


def _under_form(lines: Lines, a: Anchor) -> bool:
    """Whether the page's comment form prompt ("Post your reply", "Add a comment...", "Sign the
    guestbook") sits just above header `a`: no line of prose between, at most HEADED_REACH other
    lines and HEADED_CHROME_REACH of chrome. A widget that prints its form over its comments heads
    them with it as with a section header; an article's dateline is never under it."""
    k: int | None
    k = a.first
    reach, chrome = HEADED_REACH, HEADED_CHROME_REACH
    while True:
        k = prev_nonblank(lines, k, 3)
        if k is None:
            return False
        s = lines.text[k]
        if COMMENT_FORM.match(s):
            return True
        if chrome > 0 and is_chrome(s):
            chrome -= 1
        elif len(s) < 300 and RE_SUBJECT.match(s):
            continue  # (a forum post's "Re: <topic>" subject over its header)
        elif reach > 0 and not is_prose(s):
            reach -= 1
        else:
            return False


def _counted_over(lines: Lines, a: Anchor, n: int) -> bool:
    """Whether a comment-section header above header `a`, with no line of prose between (its
    controls, a title), counts `n` comments ("2 Comments"), the thread's headers with `a`: the page
    says `a` opens its comments, so the text under it is a reader's however long."""
    above = [i for i in section_headers(lines, max(0, a.first - SECTION_REACH)) if i < a.first]
    if not above or _tally(lines.text[above[-1]]) != n:
        return False
    return not any(s and is_prose(s) for s in lines.text[above[-1] + 1 : a.first])


# The longest title line a comment's writer puts over its header ("Obvious (Score:5, Insightful)").
TITLE_ON_TOP_CHARS: Final = 100
# Headers (and the share of the thread's) that must wear a title for the thread to title its comments.
TITLED_MIN: Final = 3
TITLED_SHARE: Final = 2 / 3


def _title_on_top(lines: Lines, a: Anchor) -> bool:
    """Whether a short line alone in its paragraph sits right on top of header `a` (no blank between):
    the shape of a comment's title ("Re: Obvious (Score:1)" over "by jo (1234) on ...")."""
    p = a.first - 1
    if p < 1 or not (s := lines.text[p]) or lines.text[p - 1] or len(s) > TITLE_ON_TOP_CHARS:
        return False
    return not is_chrome(s) and read_header(lines.core[p]) is None


def _wears_titles(lines: Lines, best: list[Anchor]) -> bool:
    """Whether the thread titles its comments: most of its headers have a title line on top."""
    n = sum(_title_on_top(lines, a) for a in best)
    return n >= TITLED_MIN and n >= TITLED_SHARE * len(best)


def _post_words_seen(lines: Lines, anchors: list[Anchor]) -> int:
    """The first line of prose under the page's first byline-shaped header (-1 when none).

    A header further down cannot be the post's own dateline: the post has its byline and its
    words already (a short question with its byline, then a first reply's long answer).
    """
    byline = next((a for a in anchors if a.family in BYLINE_FAMILIES), None)
    if byline is None:
        return -1
    j = byline.last + 1
    while j < len(lines) and j <= byline.last + 12:
        if lines.text[j] and (is_prose(lines.text[j]) and read_header(lines.core[j]) is None):
            return j
        j += 1
    return -1


# A reply link alone on its line: what closes a comment, never an article.
_REPLY_ALONE: Final = re.compile(r"^\W*reply\W*$", re.I)
# Non-blank lines over the next header searched for that link (an action row may follow it: "2 Likes").
REPLY_CLOSE_REACH: Final = 3


def _closed_by_reply(lines: Lines, lo: int, hi: int) -> bool:
    """Whether the text from line `lo` to the next header at `hi` ends with a lone Reply link: a
    reader's comment, however long (an article under its dateline has no Reply link of its own)."""
    k: int | None
    k, seen = hi, 0
    while seen < REPLY_CLOSE_REACH:
        k = prev_nonblank(lines, k, 3)
        if k is None or k < lo:
            return False
        if _REPLY_ALONE.match(lines.text[k]) or is_reply_link_row(lines.text[k]):
            return True  # (or a row of the comment's links with its Reply: "(Reply) (Thread) (Link)")
        seen += 1
    return False


# Lines under a thread's last header searched for the row of links closing its words.
ROW_CLOSE_REACH: Final = 40


def _row_closes(lines: Lines, a: Anchor, hi: int) -> bool:
    """Whether the words under header `a` (lines before `hi`, the next header) end on a row of its
    links with a Reply link (chrome.is_reply_link_row): its first such row, with written words over
    it, no stop line (a form's prompt, a footer; a rule over a board member's signature is none)
    and no other dated header between (a quote's "jo said:" is the reply's)."""
    text = lines.text
    words = False
    for j in range(a.last + 1, min(hi, len(text))):
        s = text[j]
        if not s:
            continue
        if is_reply_link_row(s):
            return words
        if is_stop_line(s) and not _RULE.match(s) or (h := read_header(lines.core[j])) is not None and h.posted_raw:
            return False
        words = words or is_written(s)
    return False


_RULE: Final = re.compile(r"^[_\-=~*]{4,}$")


def _rows_close_each(lines: Lines, best: list[Anchor]) -> bool:
    """Whether every header's words end on its own row of links with a Reply link (_row_closes):
    the widget's row under each reader's comment, which no byline, listed item or author box prints."""
    return bool(best) and all(
        _row_closes(lines, a, best[k + 1].first if k + 1 < len(best) else a.last + 1 + ROW_CLOSE_REACH) for k, a in enumerate(best)
    )


def _byline_over_section(lines: Lines, a: Anchor, nxt: Anchor) -> bool:
    """Whether byline-shaped header `a` is the post's own: the page's one comment section opens
    ("Answers (6)", "12 Comments") under it and over the thread's next header `nxt`. Where other
    counts follow, they are toggles under comments, and so may this one be."""
    if a.family not in BYLINE_FAMILIES:
        return False
    # (a count of replies, "10 Replies", is as often the toggle under a comment as a section's header)
    sections = [i for i in section_headers(lines, 0) if "repl" not in lines.text[i].lower()]
    if not sections or not a.last < sections[0] < nxt.first:
        return False
    return all(lines.text[i] == lines.text[sections[0]] for i in sections[1:])  # (the same count printed again below the thread)


def _drop_leading_datelines(lines: Lines, group: list[Anchor], post_words: int = -1) -> list[Anchor]:
    """Drop first anchors followed by a whole article rather than a comment.

    An article's own dateline or byline can take a comment header's shape; what follows it is
    then far longer than what follows the real headers. A header under the post's byline and
    words (`post_words`, see _post_words_seen) is not one.
    """
    if len(group) >= 3 and _byline_over_section(lines, group[0], group[1]):
        group = group[1:]
    if mostly_posted_by(group) and _label_over_first(lines, group):
        return group  # (labelled answers signed under their words: the text under one is the next one's)
    while len(group) >= 3:
        if group[0].family in PERSON_FAMILIES or _headed_by_section(lines, group[0], _wears_titles(lines, group)):
            break  # under "6 Responses" a header heads a (long) comment, not the article
        if 0 <= post_words < group[0].first or _closed_by_reply(lines, group[0].last + 1, group[1].first):
            break
        if _labelled_words(lines, group[0]) or _under_form(lines, group[0]) or _entries_in_turn(lines, group[0], group[1]):
            break  # (a form's labelled entry, a header under the comment form, entries numbered in turn)
        if _signs_words_under_section(lines, group):
            break  # (the long text under the first signature is the second comment's)
        if _answers_by_subject(lines, group[0]):
            break  # ("Re: <the topic>" on it: a reply's subject, which an article's dateline never wears)
        gaps = sorted(_prose_chars(lines, a.last + 1, b.first) for a, b in zip(group[1:], group[2:]))
        typical = gaps[len(gaps) // 2] if gaps else 0
        first_gap = _prose_chars(lines, group[0].last + 1, group[1].first)
        limit = max(ARTICLE_GAP_CHARS, 4 * typical)
        if first_gap > limit and _prose_chars(lines, group[1].last + 1, group[2].first) > limit:
            # the header under it heads as long a text: a run of long texts under headers of one
            # format opens the thread (long first messages), no article under its dateline; the
            # article cannot run on past the first header of that run
            break
        if first_gap > limit:
            group = group[1:]
        else:
            break
    return group


# A field's label before a reply's subject on a mail header's line ("Subject: Re: <the topic>").
_FIELD_LABEL: Final = re.compile(r"^[A-Za-z][\w-]{0,20}\s*:\s*")


def _answers_by_subject(lines: Lines, a: Anchor) -> bool:
    """Whether header `a` carries a reply's subject, "Re: <the topic>", on one of its lines, the line
    over it (a forum's subject on top) or the line under it (a mail's "Subject:" field): its text
    answers something, however long it runs."""
    for j in range(max(0, a.first - 1), min(len(lines), a.last + 2)):
        s = lines.text[j]
        if s and len(s) < TITLE_ON_TOP_CHARS and (RE_SUBJECT.match(s) or RE_SUBJECT.match(_FIELD_LABEL.sub("", s, count=1))):
            return True
    return False


def _signs_words_under_section(lines: Lines, group: list[Anchor]) -> bool:
    """Whether the thread signs the words above its headers and its first header signs nothing but
    words right under the comment-section header (see words_under_section): that header closes the
    first comment, so the text under it, however long, opens the second, no article under a dateline."""
    if not _signed_below(lines, group):
        return False
    up = _section_header_before(lines, 0, group[0].first)
    return up is not None and words_under_section(lines, up, group[0].first) is not None


def _section_header_before(lines: Lines, lo: int, first: int) -> int | None:
    """The last section header in [lo, first)."""
    before = [i for i in section_headers(lines, lo) if i < first]
    return before[-1] if before else None


# A section header further than this many non-blank lines above a thread heads some other part of
# the page (a sidebar's widgets sit far below a "Comments" link or an empty comment section).
SECTION_REACH: Final = 30
# Prose (in characters) allowed between a section header and the first bare name under it: more,
# and the header was a link in the article's top matter, the names the article's own subheadings.
BARE_MAX_LEAD_PROSE: Final = 500
# "No comments", "Comments (0)", "0 Responses": the page says itself that it has no thread.
ZERO_COMMENTS: Final = re.compile(
    r"^[{\[(]?\s*(?:no|0|zero)\s+(?:comments?|responses?|replies|thoughts)(?:\s+yet)?\b"
    r"|^(?:comments?|responses?|replies)\s*[(:\[]?\s*0\s*[)\]]?\s*$",
    re.I,
)


# Lines a section header may sit above the first header beyond the thread's usual spacing (a blank,
# a sort control).
SECTION_SLACK: Final = 2


def _section_control(s: str) -> bool:
    """Whether a line under a section header is the section's own: its comment form's prompt or a
    control ("Have your say", "Add your comment", "Sort by"), no comment's words."""
    return COMMENT_FORM.match(s) is not None or is_chrome(s)


def _gap_under_section(lines: Lines, section: int, first: int) -> int:
    """Lines from a section header to the thread's first header, less the section's own lines
    between (see _section_control)."""
    return first - section - sum(1 for s in lines.text[section + 1 : first] if s and _section_control(s))


def _signed_below(lines: Lines, best: list[Anchor]) -> bool:
    """Whether the thread's headers sign the words above them: most are bylines that do ("Answered
    by jo", "Posted by jo"), or the first and most sit right under a line of words ("jo answered
    2h" under the answer; headers over their comments have a blank, a Reply link or the previous
    header's chrome over them)."""
    if mostly_posted_by(best):
        return True
    under = [_under_words(lines, a.first) for a in best]
    if sum(under) * 2 < len(best) or sum(under) * 2 == len(best) and not (len(best) == SMALL_THREAD and under[-1]):
        # (of two, the last signing words under them is the habit, the first may close on a
        # line with no letters, a list's "4.": read below)
        return False
    # (most headers sign words over them: the first does too when a line of the text's own sits
    # right over it, however few letters it holds, a list's bare number "4." closing the comment)
    return under[0] or _under_text(lines, best[0].first)


def _label_over_first(lines: Lines, group: list[Anchor]) -> bool:
    """Whether the label that opens the thread's answers ("Answer:", see openers) sits over the
    first header's words too: that header signs an answer, it is no dateline over an article."""
    return opener_above(lines, spans_signed_below(group), group[0].first, 0) is not None


def _label_under(lines: Lines, best: list[Anchor], section: int) -> bool:
    """Whether the label that opens the thread's answers ("Answer:", see openers) opens the first
    one right under section header `section` (a restated question aside): the first answer may
    then run long between the section and its signature."""
    j = opener_above(lines, spans_signed_below(best), best[0].first, section + 1)
    return j is not None and lines.nonblank_between(section + 1, j) <= HEADED_REACH


def words_under_section(lines: Lines, section: int, first: int, thread_end: int = -1, small: bool = False) -> int | None:
    """The first line of words between section header `section` and the thread's first signature
    (line `first`), below the section's prompt and controls ("Add your comment", "Sort by"), when
    all that lies there is words: they open with a line of prose and hold no chrome, page furniture
    or closing line. Those are the first comment's, however long it runs: the article does not run
    on past the header that opens its comments. None when anything else lies there."""
    text = lines.text
    stretch = [j for j in range(section + 1, first) if text[j]]
    while stretch and _section_control(text[stretch[0]]):
        stretch.pop(0)
    if not stretch or not (is_prose(text[stretch[0]]) or _opens_quote(text, stretch) or _habitual_address(text, stretch, first, thread_end, small)):
        return None
    if any(is_chrome(text[j]) or is_boilerplate_line(text[j]) or is_stop_line(text[j]) for j in stretch):
        return None
    return stretch[0]


def _opens_quote(text: list[str], stretch: list[int]) -> bool:
    """Whether the words on lines `stretch` open with a quote a reader answers: a quoted line ("> ...",
    "“...”"), or a short attribution ending in a colon over one ("Jo wrote:", "Quoting Jo:")."""
    first = text[stretch[0]]
    if QUOTE_OPENING.match(first):
        return True
    return len(stretch) > 1 and first.endswith(":") and len(first) < ATTRIBUTION_CHARS and QUOTE_OPENING.match(text[stretch[1]]) is not None


def _habitual_address(text: list[str], stretch: list[int], first: int, thread_end: int, small: bool = False) -> bool:
    """Whether the words on lines `stretch` open with an address ("@jo" alone on its line, over
    prose) that opens ADDRESS_HABIT or more lines of the thread's other comments too (lines
    `first` to `thread_end`): replies to one account all open so. A thread of one or two comments
    (`small`) cannot show the habit: there the address over prose opens the first comment alone."""
    s = text[stretch[0]]
    if s[:1] != "@" or len(stretch) < 2 or not is_prose(text[stretch[1]]):
        return False
    # (the handle that opens the line, alone on it or before the reply's first words)
    s = s.split(None, 1)[0]
    return small or sum(1 for t in text[first:thread_end] if t.startswith(s) and (len(t) == len(s) or t[len(s)] in " \t:,")) >= ADDRESS_HABIT


# Lines of a thread's other comments opening with the same address (see _habitual_address).
ADDRESS_HABIT: Final = 2
# The longest attribution over a quote ("On Tue, Mar 3, 2020 at 9:14 PM, Jo Lake wrote:").
ATTRIBUTION_CHARS: Final = 80


def _under_words(lines: Lines, i: int) -> bool:
    s = lines.text[i - 1] if i > 0 else ""
    return bool(s) and not is_chrome(s) and read_header(lines.core[i - 1]) is None and (HAS_LETTER.search(s) is not None or is_pictographs(s))


def _under_text(lines: Lines, i: int) -> bool:
    """Whether line i sits right under a line of text that is no chrome and no header."""
    s = lines.text[i - 1] if i > 0 else ""
    return bool(s) and not is_chrome(s) and read_header(lines.core[i - 1]) is None


def _near_section(lines: Lines, section: int | None, first: int) -> int | None:
    """The section header when it is close enough above the thread to head it, else None."""
    if section is None or lines.nonblank_between(section + 1, first) > SECTION_REACH:
        return None
    return section


# Header formats an article's own byline takes ("By Jo | May 5", "Jo Smith" over a date).
BYLINE_FAMILIES: Final = frozenset({"by", "by_posted", "name+date", "date+name", "name_date"})


def extend_up(lines: Lines, best: list[Anchor], above: list[Anchor], article: int = -1, post_words: int = -1) -> list[Anchor]:
    """The thread with the headers of its format just above it (`above`, in page order) put back.

    Headers are looked for under the page's first long run of prose, so that a byline or a dated
    menu above the article is not read as a comment. A short article (a tweet, a one-paragraph
    post) has no such run: the run found starts among its comments, and the first comments sit
    above it. A header of the thread's own format is taken back while it sits no further above
    the thread than its comments sit apart, and what is under it is a comment, not an article
    (no more prose than the dateline check allows, see _drop_leading_datelines). A header in a
    byline's format is taken only under line `article` (the article's text under its title). Under
    the post's own byline and words (`post_words`, see _post_words_seen) a long text under a header
    is a reader's (a long first answer to a short question).
    """
    if not above:
        return best
    gaps = [lines.nonblank_between(a.last + 1, b.first) for a, b in zip(best, best[1:])]
    typical_gap = sorted(gaps)[len(gaps) // 2] if gaps else 0
    prose = sorted(_prose_chars(lines, a.last + 1, b.first) for a, b in zip(best, best[1:]))
    typical_prose = prose[len(prose) // 2] if prose else 0
    # (more prose than this under a header is an article's, not a comment's: see _drop_leading_datelines)
    article_chars = max(ARTICLE_GAP_CHARS, 4 * typical_prose)
    out = list(best)
    run_gap = max(RUN_GAP_LINES, RUN_GAP_FACTOR * typical_gap)
    titled = _wears_titles(lines, best)
    # (in a thread signed from below, the text under a signature is the next comment's, however long:
    # a signature of the thread's format right under words of its own is no dateline over an article)
    signs_below = _signed_below(lines, best)
    for k in range(len(above) - 1, -1, -1):
        a = above[k]
        nxt = out[0]
        if a.first <= article and a.family in BYLINE_FAMILIES:
            break
        if lines.nonblank_between(a.last + 1, nxt.first) >= run_gap:
            break
        if _byline_over_section(lines, a, nxt):
            break
        # (a header whose next one heads as long a text opens a run of long texts: see
        # _drop_leading_datelines)
        if (
            a.family not in PERSON_FAMILIES
            and not 0 <= post_words < a.first
            and not _closed_by_reply(lines, a.last + 1, nxt.first)
            and _prose_chars(lines, a.last + 1, nxt.first) > article_chars
            and not _section_run(lines, above, k, run_gap, titled)
            and not _under_form(lines, a)
            and not _counted_over(lines, a, len(out) + 1)
            and not numbered_in_turn(lines.text[a.first], lines.text[nxt.first])
            and not _entries_in_turn(lines, a, nxt)
            and not _labelled_words(lines, a)
            and not (len(out) > 1 and _prose_chars(lines, nxt.last + 1, out[1].first) > article_chars)
            and not (signs_below and _under_words(lines, a.first))
            and not _answers_by_subject(lines, a)
        ):
            break
        out.insert(0, a)
    return out


def _entry_number(lines: Lines, i: int) -> tuple[str, int] | None:
    """(label, number) of the running number right over header line `i` ("Entry #12"), if any."""
    p = prev_nonblank(lines, i, 1)
    return post_number(lines.text[p]) if p is not None else None


def _entries_in_turn(lines: Lines, a: Anchor, nxt: Anchor) -> bool:
    """Whether headers `a` and `nxt` sit under running numbers one apart ("Entry #22" then "Entry
    #21", or #1 then #2): one thread's entries numbered in turn, newest or oldest first, so the
    text under `a`, however long, is its first entry, no article under a dateline."""
    return in_turn([_entry_number(lines, a.first), _entry_number(lines, nxt.first)])


def _labelled_words(lines: Lines, a: Anchor) -> bool:
    """Whether header `a` is a block of labelled fields whose words the page labels as a reader's
    entry ("Comment:", "Message :", "Entry:" closing the block or opening the words' line): a form's
    entry, however long, no article under a dateline."""
    if a.family != "field":
        return False
    j = next_nonblank(lines, a.last, 1)
    return is_words_label(lines.core[a.last]) or j is not None and opens_words_field(lines.core[j])


def numbered_in_turn(line: str, next_line: str) -> bool:
    """Whether header line `next_line`'s outline number comes next after `line`'s ("1." then
    "1.1." or "2."; "2.1.3." then "2.2." or "3."): the two number one thread in turn, and the
    text under the first, however long, is its first comment, no article under a dateline."""
    a, b = outline_number(line), outline_number(next_line)
    if a is None or b is None:
        return False
    return b == a + (1,) or any(b == a[:i] + (a[i] + 1,) for i in range(len(a)))


def _section_run(lines: Lines, above: list[Anchor], k: int, run_gap: int, titled: bool = False) -> bool:
    """Whether header above[k] belongs to a run of the thread's headers (each near the next) that
    opens under a comment-section header ("28 comments"): then a long text under it is a reader's
    comment, not an article under its dateline."""
    while True:
        if _headed_by_section(lines, above[k], titled):
            return True
        if k == 0 or lines.nonblank_between(above[k - 1].last + 1, above[k].first) >= run_gap:
            return False
        k -= 1


def choose_anchors(
    lines: Lines, anchors: list[Anchor], first_prose: int, floor: int | None = None, article: int = -1
) -> tuple[list[Anchor], int | None]:
    """The anchors of the page's comment format, and the section header line if any; [] when none.

    Formats are tried from the most frequent down; the first that passes the checks wins. Headers
    between `floor` and `first_prose` may extend the chosen thread upward (see extend_up).
    """
    floor = first_prose if floor is None else floor
    # (a name alone over a paragraph is too weak a shape to be looked for above the lead run)
    above_all = [a for a in anchors if floor < a.first <= first_prose and a.family not in WEAK_FAMILIES]
    # the post's own byline and words, wherever they are: a header under them is no dateline of it
    post_words_above = _post_words_seen(lines, [a for a in anchors if a.first > floor])
    anchors = [a for a in anchors if a.first > first_prose]
    if not anchors:
        above_all = [a for a in above_all if a.first > article or a.family not in BYLINE_FAMILIES]
    if all(a.family in WEAK_FAMILIES for a in anchors) and len(above_all) >= 2 and len({a.family for a in above_all}) < len(above_all):
        # the lead run started on the thread's last comment (a short post with short replies); a
        # lone header above the lead run is the article's byline as often, so two of a format at
        # least (a bare name under the lead run, the last reply's, does not stop that)
        anchors, above_all = above_all + anchors, []
    if not anchors:
        return [], None
    by_family: dict[str, list[Anchor]] = {}
    for a in anchors:
        by_family.setdefault(a.family, []).append(a)
    # (the post's byline may sit above the lead run: a long first answer under a short question)
    post_words = post_words_above if post_words_above >= 0 else _post_words_seen(lines, anchors)
    # formats with names and dates first, each read to its end before the bare formats (a bare name,
    # an indented or bulleted one) are built at all: those are tried only when no dated format holds
    # up, as ordering all formats with the bare ones last tried them; a page whose dated thread is
    # taken does not read its bare formats' windows
    for bare_kind in (False, True):
        groups = [group for fam, group in by_family.items() if (fam in BARE_FAMILIES) == bare_kind]
        # each format's thread (its headers with words, its main run, cut at the form, past the
        # article's dateline) and its talk share are read only when they are needed to tell which
        # format comes next (see _by_talk): a format with fewer headers than the leading thread has
        # comments that talk is never read at all
        candidates: list[list[Anchor] | None] = [None] * len(groups)
        read_as_datelines: list[list[Anchor]] = [[] for _ in groups]  # (each candidate's leading headers dropped as an article's dateline)
        shares: list[float | None] = [None] * len(groups)
        threads = _Threads(lines, candidates, read_as_datelines, above_all, floor, first_prose, article, post_words_above)
        for k in _by_talk(lines, groups, post_words, candidates, read_as_datelines, shares, threads):
            best, section, extended = threads.thread(k)
            # (the plain share, where _by_talk read it to order the formats and the thread is the one
            # it read it of; else it is read only when _acceptable asks for it: see _TalkShare)
            plain = None if extended else shares[k]
            if _acceptable(lines, best, section, threads.share(k, plain)):
                return _with_same_stamps(lines, best, anchors), section
    return [], None


class _Threads:
    """Each format's thread as choose_anchors judges it, read once (for _by_talk's shape test or
    for choose_anchors' verdict, whichever asks first): format k's candidate (of `candidates`, read
    by _by_talk) extended up over the headers of its format above the lead run (`above_all`) and
    over those read as the article's dateline (`read_as_datelines`), the section header over it,
    and whether the extension changed its length (the share _by_talk read of the candidate is then
    not the thread's)."""

    def __init__(
        self,
        lines: Lines,
        candidates: list[list[Anchor] | None],
        read_as_datelines: list[list[Anchor]],
        above_all: list[Anchor],
        floor: int,
        first_prose: int,
        article: int,
        post_words_above: int,
    ) -> None:
        self.lines = lines
        self.candidates = candidates
        self.read_as_datelines = read_as_datelines
        self.above_all = above_all
        self.floor = floor
        self.first_prose = first_prose
        self.article = article
        self.post_words_above = post_words_above
        self.read: list[tuple[list[Anchor], int | None, bool] | None] = [None] * len(candidates)
        # (the probe refused_by_shape gave _acceptable, where it asked for the share: the thread's
        # shape readings it holds are not read again when choose_anchors judges the thread)
        self.probes: list[_TalkShare | None] = [None] * len(candidates)

    def thread(self, k: int) -> tuple[list[Anchor], int | None, bool]:
        """Format k's thread, its section header (None for none), and whether it is longer than
        the candidate (candidates[k], read)."""
        known = self.read[k]
        if known is None:
            known = self.read[k] = self._thread_uncached(k)
        return known

    def _thread_uncached(self, k: int) -> tuple[list[Anchor], int | None, bool]:
        lines, floor, first_prose = self.lines, self.floor, self.first_prose
        best = cast("list[Anchor]", self.candidates[k])
        above = [a for a in self.above_all if a.family == best[0].family and a.last < best[0].first]
        extended = False
        if above:
            thread_len = len(best)
            best = extend_up(lines, best, above, self.article, self.post_words_above)
            back = [a for a in self.read_as_datelines[k] if best[0].first < a.first]
            if back:
                # the thread reaches up past a header of its own format that was read as the
                # article's dateline for the long text under it: an article does not start inside
                # its own thread, so that text is a (long) reply under its header
                best = sorted(best + back, key=lambda a: a.first)
            # (extend_up only puts headers back over the thread, and the dateline headers are
            # over its first: as long, it is the same thread, whose share was read; longer,
            # its share is read anew)
            extended = len(best) != thread_len
        # (a section header above the lead run heads the thread only when the thread reaches up there)
        section = _section_header_before(lines, floor if best[0].first <= first_prose else first_prose, best[0].first)
        if section is None and floor < first_prose < best[0].first and _headed_by_section(lines, best[0]):
            # (the lead run opens on the first comment's own subject, "Re: <topic>" over its header:
            # the section header right over them heads the thread)
            section = _section_header_before(lines, floor, best[0].first)
        if section is None and floor < first_prose < best[0].first and _signed_below(lines, best):
            # headers that sign the words over them ("Answered by jo"): the first comment's words
            # may be the lead run itself, right under the section's header ("16 answers"); a
            # header that near above the first one, no further than its comments sit apart, heads it
            up = _section_header_before(lines, floor, best[0].first)
            if up is not None and (
                _gap_under_section(lines, up, best[0].first) <= header_spacing(best) + SECTION_SLACK
                or _label_under(lines, best, up)
                or words_under_section(lines, up, best[0].first, best[-1].last, len(best) <= SMALL_THREAD) is not None
            ):
                section = up
        return best, section, extended

    def refused_by_shape(self, k: int) -> bool:
        """Whether _acceptable turns format k's thread down without asking for its talk share (by
        its shape alone: then so it does whatever the share is, and wherever the format comes in
        _by_talk's order)."""
        best, section, _ = self.thread(k)
        probe = _TalkShare(self.lines, best, probe=True)
        try:
            return not _acceptable(self.lines, best, section, probe)
        except _ShareAsked:
            self.probes[k] = probe
            return False

    def share(self, k: int, plain: float | None) -> _TalkShare:
        """The talk share choose_anchors gives _acceptable for format k's thread (`plain`: the plain
        share where _by_talk read it of the thread), the probe's where one was made."""
        best = self.thread(k)[0]
        share = self.probes[k]
        if share is None:
            return _TalkShare(self.lines, best, -1.0 if plain is None else plain)
        share.probe = False
        share.plain = -1.0 if plain is None else plain
        return share


class _ShareAsked(Exception):
    """A probing _TalkShare was asked for its value (see _Threads.refused_by_shape)."""


class _TalkShare:
    """The talk share choose_anchors gives _acceptable for thread `best`: its plain share
    (_conversational_share, read as far as _settled_share says; `plain` where _by_talk read it
    already, else -1.0) through _bullet_thread_share and _dated_thread_share (`final`, -1.0 until
    read), read only when _acceptable first asks for it (`value`).

    Two verdicts in three turn a thread down by its shape alone (a lone header that is no comment,
    a pair of widgets, title-like names, a listing's headlines) and were read for talk first: every
    window under the thread's headers searched for words of conversation, for nothing. _acceptable
    asks for the share last of its readings, and only where its verdict turns on it."""

    def __init__(self, lines: Lines, best: list[Anchor], plain: float = -1.0, final: float = -1.0, probe: bool = False) -> None:
        self.lines = lines
        self.best = best
        self.plain = plain
        self.final = final
        # (a probe is never read: asked, it raises _ShareAsked, which tells _Threads.refused_by_shape
        # that the verdict turns on the share)
        self.probe = probe
        # (two shape readings _acceptable asks of the whole thread, -1.0 until read: each read once
        # for the probe and the verdict, and for _acceptable's two askings of the names)
        self.headlines = -1.0
        self.title_like = -1.0

    def headline_share(self) -> float:
        """_headline_share of the thread (read once)."""
        if self.headlines < 0.0:
            self.headlines = _headline_share(self.lines, self.best)
        return self.headlines

    def title_like_share(self) -> float:
        """_title_like_share of the thread (read once)."""
        if self.title_like < 0.0:
            self.title_like = _title_like_share(self.best)
        return self.title_like

    def value(self) -> float:
        """The share (read once, on the first asking)."""
        if self.final < 0.0:
            if self.probe:
                raise _ShareAsked()
            lines, best = self.lines, self.best
            plain = self.plain if self.plain >= 0.0 else _conversational_share(lines, best, _settled_share(best))
            self.final = _dated_thread_share(lines, best, _bullet_thread_share(lines, best, plain))
        return self.final


def _settled_share(best: list[Anchor]) -> float:
    """The share from which the talk share of thread `best` need not be read further, as
    choose_anchors reads it (`enough` of _conversational_share; 2.0, never, for one or two headers).

    The share goes only to _acceptable, through _bullet_thread_share and _dated_thread_share, which
    return it unchanged from MIN_CONVERSATIONAL_BARE up; _acceptable compares it with 1.0 only for
    one or two headers (_lone_comment, a pair with no section over it), and otherwise asks only
    whether it is under its floor (MIN_CONVERSATIONAL or MIN_CONVERSATIONAL_BARE, never above the
    latter) before anything else reads it. So for three headers or more every share from
    MIN_CONVERSATIONAL_BARE up gives the same verdict."""
    return MIN_CONVERSATIONAL_BARE if len(best) > SMALL_THREAD else 2.0


def _candidate(lines: Lines, group: list[Anchor], post_words: int) -> tuple[list[Anchor], list[Anchor]]:
    """A format's thread among its headers `group` (those with words next to them, their main run
    cut at the comment form, past the article's dateline), and the headers of that run read as the
    article's dateline."""
    group_taken = {j for a in group for j in range(a.first, a.last + 1)}
    run = _cut_at_form(lines, _main_run(lines, _supported(lines, group, group_taken)))
    kept = _drop_leading_datelines(lines, run, post_words)
    return kept, [a for a in run if kept and a.first < kept[0].first]


def _by_talk(
    lines: Lines,
    groups: list[list[Anchor]],
    post_words: int,
    candidates: list[list[Anchor] | None],
    read_as_datelines: list[list[Anchor]],
    shares: list[float | None],
    threads: _Threads | None = None,
) -> Iterator[int]:
    """The formats' indices (of `groups`, each a format's headers) in the order of the most comments
    that talk first: the largest len × share of their threads (_candidate), then the first line,
    then the index (the order a stable sort of the formats with a thread by (-len × share, first)
    gives); a format with no thread is left out. A thread is read into `candidates` (and its
    dateline headers into `read_as_datelines`), and its share into `shares`, only when it is needed
    to tell the next format.

    A thread holds at most its format's headers and a share is at most 1, so before they are read
    a format's key is at least (-len(group), its first header, index), and with its thread read
    and not its share, (-len(thread), its first header, index): a format whose key is known and is
    below every other format's key or floor comes next, whatever is left unread (a thread of 40
    headers half of which talk comes before a format of 3 headers, never read unless the thread is
    turned down). The last format left needs no share to be ordered: none is read here (the
    caller reads it when the format is reached).

    A format whose thread (`threads`, where given) its shape alone turns down is left out before its share is
    read to order it (two shares in three read here were of such formats): its verdict is no
    whatever its share and wherever it comes, and the others' order is theirs alone (their keys;
    a share read short of the whole one, stopped under the other formats' keys, settles its own
    verdict as the whole share does: see _conversational_share)."""
    left = list(range(len(groups)))
    while left:
        best_k = -1
        best_key: tuple[float, int, int] = (0.0, 0, 0)
        others = _NO_KEY  # (the least first part of the other formats' keys)
        for k in left:
            kept = candidates[k]
            share = shares[k]
            if kept is None:
                key = (-float(len(groups[k])), groups[k][0].first, k)
            else:
                key = (-len(kept) * (1.0 if share is None else share), kept[0].first, k)
            if best_k < 0 or key < best_key:
                if best_k >= 0:
                    others = min(others, best_key[0])
                best_k, best_key = k, key
            else:
                others = min(others, key[0])
        kept = candidates[best_k]
        if kept is None:
            kept, read_as_datelines[best_k] = _candidate(lines, groups[best_k], post_words)
            candidates[best_k] = kept
            if not kept:
                left.remove(best_k)
            continue  # (its key may now be above another format's: look again)
        if shares[best_k] is None and len(left) > 1:
            # (read only until the share puts the format's key under every other format's: it is
            # then the next format whatever the rest of its windows say, as its key falls as its
            # share rises, and is yielded at once; the share goes on only to choose_anchors, which
            # reads it as _settled_share says, so no less is read than that asks either. Where the
            # reading does not stop early the share is the whole share and the order as before: a
            # share short of the whole one is never compared with another format's key)
            if threads is not None and threads.refused_by_shape(best_k):
                left.remove(best_k)  # (its share would be read for nothing: see above)
                continue
            shares[best_k] = _conversational_share(lines, kept, _settled_share(kept), others)
            continue
        left.remove(best_k)
        yield best_k


# A header of another format that prints around its stamp exactly what this many of the chosen
# thread's headers print around theirs is one of the thread's: "Jo replied to comment from Al |
# March 22, 2016 9:36 PM | Reply" among "Name | March 22, 2016 11:08 PM | Reply" headers.
SAME_STAMP_MIN: Final = 3
SAME_STAMP_SHARE: Final = 0.5


def _stamp_tail(lines: Lines, a: Anchor) -> str | None:
    """The separator before the header's stamp and the text after it ("| ... | reply", counts as
    '#'), or None when nothing follows the stamp on its line (too common a shape to tell by)."""
    stamp = a.header.posted_raw
    line = lines.text[a.first]
    at = line.find(stamp) if stamp else -1
    after = line[at + len(stamp) :].strip() if at >= 0 else ""
    if not after:
        return None
    return line[max(0, at - 3) : at].strip() + " ... " + template_form(after)


def _with_same_stamps(lines: Lines, best: list[Anchor], anchors: list[Anchor]) -> list[Anchor]:
    """The chosen thread, with the headers of other formats inside it that share its stamp's print
    (see SAME_STAMP_MIN)."""
    if len(best) < SAME_STAMP_MIN:
        return best
    # (the headers of other formats inside the thread first: on most pages there are none, and the
    # thread's own stamps' print is not read, as nothing could be added whatever it is)
    lo, hi = best[0].first, best[-1].last
    family = best[0].family
    inside = [a for a in anchors if lo < a.first < hi and a.family != family]
    if not inside:
        return best
    taken = {j for a in best for j in range(a.first, a.last + 1)}
    inside = [a for a in inside if not any(j in taken for j in range(a.first, a.last + 1))]
    if not inside:
        return best
    tails = Counter(t for t in (_stamp_tail(lines, a) for a in best) if t is not None)
    if not tails:
        return best
    tail, n = tails.most_common(1)[0]
    if n < SAME_STAMP_MIN or n < SAME_STAMP_SHARE * len(best):
        return best
    extra = [a for a in inside if _stamp_tail(lines, a) == tail]
    return sorted(best + extra, key=lambda a: a.first) if extra else best


def _lone_comment(lines: Lines, a: Anchor, near: int | None, share: _TalkShare) -> bool:
    """Whether a single header over some text is a page's only comment.

    One name over a line of text is a widget title or an author box as often as a comment, so one
    comment needs more than its shape: a comment-section header just above it ("1 Comment", "One
    response to ...") with a date or words that talk; a "Name says:" with a date; or, with no section
    header, the Disqus layout (a bulleted person's name, the text indented under it) with a text that
    talks or is a sentence that does not name its own author (author boxes describe the author).
    """
    h = a.header
    if h.kind == "says" and h.posted_raw:
        return True
    if h.posted_raw and h.author and _speaks_for_itself(lines, a):
        return True
    if h.posted_raw and h.author and not _title_like_share([a]) and _rows_close_each(lines, [a]):
        return True  # (a dated name over words its own row of links closes, "Reply" among them)
    if a.family in ("bare", "indent") and not h.posted_raw:
        return False  # a lone name over a paragraph, with no date: a subheading as often as a comment
    if near is not None:
        return bool(h.posted_raw) or share.value() == 1.0
    if not (a.family == "bullet" or a.family == "name+date" and lines.text[a.first][0] in BULLETS):
        return False  # (Disqus: "  • Name", its date on the next line or none)
    if _title_like_share([a]) > 0:
        return False
    j = next_nonblank(lines, a.last, 3)
    if j is None or lines.indent[j] <= a.indent or not is_content(lines.text[j]):
        return False
    first = lines.text[j]
    name = h.author.split()
    if not name or name[0].lower() in first.lower():
        return False  # "Dana writes about transport": an author box
    # (the share asked last: the sentence is read already)
    return ends_sentence(first) and len(first.split()) >= LONE_MIN_WORDS or share.value() == 1.0


_CLOCK: Final = re.compile(r"\d{1,2}:\d{2}")


def _speaks_for_itself(lines: Lines, a: Anchor) -> bool:
    """Whether a dated header alone is a reply's by its own shape: a post's account with its own
    handle ("Jo Lake" over "@jolake · Mar 1"), or the first of an outline ("1. Jo | 2 May 2014 10:07")
    with a time of day, over words."""
    handle = "@" + a.header.author.replace(" ", "").lower()
    own = any(handle in lines.text[j].replace(" ", "").lower() for j in range(a.first, a.last + 1))
    first = outline_number(lines.text[a.first]) == (1,) and _CLOCK.search(a.header.posted_raw) is not None
    if not (own or first):
        return False
    j = next_nonblank(lines, a.last, 3)
    return j is not None and is_written(lines.text[j]) and read_header(lines.core[j]) is None


# How much talk a thread must show falls with the evidence of its structure (see _structure_cues):
# a thread that shows CUES_RELAXED of them needs only this part of the usual share, and one that
# shows CUES_SETTLED none at all. One cue alone is also how dated link lists and menus look.
CUES_RELAXED: Final = 2
RELAXED_FACTOR: Final = 1 / 3
CUES_SETTLED: Final = 3
# Formats found by their dates: a name beside, above or below a date.
DATED_FAMILIES: Final = frozenset({"name_date", "name+date", "date+name"})
# Share of headers that must carry a date, or be followed by Reply / Report links, to count as a cue.
CUE_SHARE: Final = 0.5
# Most comments one name may head for repeated names to count as people answering each other.
MAX_ONE_VOICE: Final = 0.5


def _structure_cues(lines: Lines, best: list[Anchor], near: int | None) -> int:
    """How many independent marks of a reply thread these headers show, besides what people write
    (counted as far as _required_share needs: the Reply links are looked for only when they matter).

    A comment-section header right above; dates on most headers; a verb of speech in them ("Name
    says:", "said...", "wrote:"); replies nested under comments (a header deeper than the one
    before it); a name heading more than one comment; "Reply" / "Report" links under most comments. A dated link list or a menu shows
    one of these at most; a comment section shows several, whatever its commenters write.
    """
    n = len(best)
    cues: int = near is not None
    # the section header's tally is the number of headers found ("4 Comments" over four of them):
    # the page itself says these are its comments, a mark a listing or a menu does not carry
    cues += near is not None and n >= 2 and _tally(lines.text[near]) == n
    # (a format that is a name beside a date is dated by its shape: its dates tell nothing more)
    cues += best[0].family not in DATED_FAMILIES and sum(bool(a.header.posted_raw) for a in best) >= CUE_SHARE * n
    cues += best[0].header.kind == "says"
    # replies nest: the indent steps in under a comment and back out (or in twice); one step in
    # that never comes back is a list under a heading
    depth = [a.indent for a in best]
    numbers = [outline_number(lines.text[a.first]) for a in best]
    if all(numbers):
        # (an outline's numbers say the nesting: "2.1. Jo" answers "2. Al", however it is indented)
        depth = [len(x) for x in cast("list[tuple[int, ...]]", numbers)]
    steps_in = sum(b > a for a, b in zip(depth, depth[1:]))
    steps_out = sum(b < a for a, b in zip(depth, depth[1:]))
    cues += steps_in >= 2 or steps_in >= 1 and steps_out >= 1
    # ... and a number that names the comment it answers ("2.1." under "2."), a mark of its own: a
    # numbered list of links or dates counts 1, 2, 3 and never nests its numbers
    cues += all(numbers) and steps_in >= 1 and steps_out >= 1
    # people answer each other: two or more names each head several comments (menu labels and link
    # titles do not repeat; one name over many entries is a listing by one writer, or a fixture list)
    names = Counter(a.header.author.lower() for a in best if a.header.author and not (a.header.author[0] == "[" and GONE_AUTHOR.match(a.header.author)))
    counts = sorted(names.values(), reverse=True)
    cues += len(counts) >= 2 and counts[1] >= 2 and counts[0] <= MAX_ONE_VOICE * sum(counts)
    # the posts are numbered in turn by their place in the thread ("#2", "#3", or "3 / 12", "4 / 12")
    cues += n >= 2 and _numbered_in_turn(lines, best)
    if cues >= CUES_SETTLED or cues + 1 < CUES_RELAXED:
        return cues  # (one more cue would change nothing: the Reply links need not be looked for)
    replies = rows = 0
    for k, a in enumerate(best):
        hi = best[k + 1].first if k + 1 < n else min(len(lines), a.last + 12)
        # (each short line read once: a Reply link counts for both; a row of actions is chrome,
        # asked before its words are searched, as most lines under a header are not)
        link = row = False
        for s in lines.text[a.last + 1 : hi]:
            if s and len(s) < 40:
                if _REPLY_LINK.match(s) is not None:
                    link = row = True
                    break
                row = row or is_chrome(s) and _REPLY_WORD.search(s) is not None
        replies += link
        rows += row
    # (Reply links under most comments; or a row of actions with one under every one of 3+ comments)
    cues += replies >= CUE_SHARE * n or n >= MIN_BULLET_THREAD and rows == n
    return cues


def _place_of(lines: Lines, a: Anchor) -> int | None:
    """The post's place among the header's lines or the line right over or under them, if printed."""
    for j in range(max(0, a.first - 1), min(len(lines), a.last + 2)):
        k = place_after(lines.text[j])
        if k is not None:
            return k
    return None


def _numbered_in_turn(lines: Lines, best: list[Anchor]) -> bool:
    """Whether every header prints its post's place and the places count one by one (see in_turn)."""
    return in_turn([("", k) if k is not None else None for k in (_place_of(lines, a) for a in best)])


_FIRST_COUNT: Final = re.compile(r"\d[\d,]*")


def _tally(s: str) -> int | None:
    """The first count in a section header ("4 Comments", "Comments (12)", "1,024 responses"), if any."""
    m = _FIRST_COUNT.search(s)
    return int(m.group(0).replace(",", "")) if m else None


# The reply and report links of French, German, Spanish, Italian, Portuguese and Dutch widgets.
_FOREIGN_REPLY: Final = r"r(?:\u00e9|e)pondre|antworten|responder|rispondi|beantwoorden|reageren|reageer|melden|denunciar|signaler|segnala|rapporteren"
# A comment's own action links, alone on a line or in a row: "Reply", "Reply Share Report".
_REPLY_LINK: Final = re.compile(rf"^(?:[^\w]*\b(?:reply|report|flag|permalink|{_FOREIGN_REPLY})\b[^\w]*)+$", re.I)
# ... or a row of the widget's actions with one of them in it ("Like · Reply · Share", "Log in to Reply")
_REPLY_WORD: Final = re.compile(rf"\b(?:reply|report|flag|{_FOREIGN_REPLY})\b", re.I)


def _required_share(lines: Lines, best: list[Anchor], near: int | None, base: float) -> float:
    """The talk share a thread must show (`base` without structural cues, see _structure_cues)."""
    cues = _structure_cues(lines, best, near)
    if cues >= CUES_SETTLED:
        return 0.0
    return base * RELAXED_FACTOR if cues >= CUES_RELAXED else base


def _same_words_under_all(lines: Lines, best: list[Anchor]) -> bool:
    """Whether the first words under every header are the same (read up to the first that differs:
    under a thread of hundreds of comments the second one does)."""
    first = _first_words(lines, best, 0)
    return all(_first_words(lines, best, k) == first for k in range(1, len(best)))


# Lines under the last entry's header searched for its labelled date field (its words between).
FIELD_DATE_REACH: Final = 60


def _dated_below(lines: Lines, best: list[Anchor]) -> bool:
    """Whether every entry headed by labelled fields ("Name: jo") closes with its labelled date
    field under its words ("Posted: 03.03.2020 14:21"), before the next entry's header: a
    guestbook or a form's entries, dated as surely as when the date field heads them."""
    if best[0].family != "field":
        return False
    core, n = lines.core, len(lines)
    for k, a in enumerate(best):
        stop = best[k + 1].first if k + 1 < len(best) else min(n, a.last + 1 + FIELD_DATE_REACH)
        if not any(
            core[j] and is_field_header(core[j]) and (h := read_header(core[j])) is not None and h.kind == "date" for j in range(a.last + 1, stop)
        ):
            return False
    return True


def _nested(lines: Lines, best: list[Anchor]) -> bool:
    """Whether the headers nest as replies do: at more than one indent, or under outline numbers
    of more than one level ("3.1.")."""
    return len({a.indent for a in best}) > 1 or any(len(outline_number(lines.text[a.first]) or ()) > 1 for a in best)


def _mostly_different_names(best: list[Anchor]) -> bool:
    """Whether more than half the headers name readers the others do not (a widget repeated down a
    page prints one name, or none, over each copy)."""
    names = {a.header.author.lower() for a in best if a.header.author}
    return len(names) * 2 > len(best)


def _acceptable(lines: Lines, best: list[Anchor], section: int | None, share: _TalkShare) -> bool:
    """Whether these anchors are a comment thread rather than a byline, a link list or a menu.

    `share` is the share of them followed by words of conversation (see _conversational_share),
    read only where a verdict turns on it: after every reading of the thread's shape, each of
    which may turn it down alone (see _TalkShare); it keeps two of those readings too, its
    headlines' and its names' (`share.best` is `best`).
    """
    family = best[0].family
    # (a guestbook's entries may print their date field under the words, not in the header)
    dated_all = all(a.header.posted_raw for a in best) or _dated_below(lines, best)
    dated = dated_all or any(a.header.posted_raw for a in best)
    near = _near_section(lines, section, best[0].first)
    if section is not None and ZERO_COMMENTS.match(lines.text[section]) and (near is not None or len(best) < 3 or not dated):
        return False  # the page says it has no comments: what follows is its sidebar
    # (headers that each carry the thread's navigation links, "| parent | next [–]", are a thread's
    # by their own print: no byline, widget or listed item prints them)
    linked = len(best) <= SMALL_THREAD and all(has_thread_links(lines.text[a.first]) for a in best)
    if len(best) == 1 and not linked and not _lone_comment(lines, best[0], near, share):
        return False
    if (
        1 < len(best) <= SMALL_THREAD
        and near is None
        and not linked
        and (share.title_like_share() > 0 and family != "field" or not dated and share.value() < 1.0)
        and not _under_form(lines, best[0])  # (the comment form's prompt over them heads them as a section header does)
        and not (dated_all and _rows_close_each(lines, best))  # (each dated, each closed by its Reply row)
    ):
        # two headers and no section over them: a pair of widgets or listed items as often as a thread,
        # unless both comments talk (or are dated) and both names read as people's (a name in a
        # labelled name field, "Name: The Night Owl", is one by the page's own word)
        return False
    if family == "bare" and not dated and near is None and len(best) < 3:
        return False
    if family in ("by", "by_posted") and 1 < len(best) <= SMALL_THREAD and near is None and len({a.header.author.lower() for a in best}) == 1:
        return False  # "Posted by Jo" over the post and "Posted May 2 by Jo" under it: its byline and footer
    if len(best) >= 3 and _same_words_under_all(lines, best) and not ((near is not None or _nested(lines, best)) and _mostly_different_names(best)):
        # the same words under every header: a widget repeated down the page (but under a comment
        # section's header, "5 comments", or nested as replies to each other, readers with names of
        # their own may all say one thing: a petition's line, a slogan)
        return False
    if family == "bare" and section is not None and _prose_chars(lines, section + 1, best[0].first) > BARE_MAX_LEAD_PROSE:
        return False  # article prose under the "Comments" link: the names are the article's subheadings
    if share.title_like_share() > (MAX_TITLE_LIKE if family in BARE_FAMILIES else MAX_TITLE_LIKE_DATED):
        return False
    if _truncated_share(lines, best) > MAX_TRUNCATED:
        return False  # excerpts cut off with "..." under each header: a blog roll or a feed
    if len(best) >= 2 and share.headline_share() > MAX_HEADLINES:
        return False  # titles (or comment counts) under each name: a listing of posts or links
    if family == "indent" and section is None and len(best) < 3:
        # a bare name over an indented paragraph is also how link lists and subheadings render
        return False
    if family in ("says", "by") and not dated and section is None:
        # "By Name" lines without dates are bylines of listed articles; "Name said:" introduces quotes
        if family == "by" or len(best) < 3:
            return False
    base = MIN_CONVERSATIONAL_BARE if family in BARE_FAMILIES else MIN_CONVERSATIONAL
    # (the talk share last: every reading above may turn the thread down whatever it is)
    talk = share.value()
    if (
        talk < base
        and near is not None
        and 1 < len(best) <= SMALL_THREAD
        and all(a.header.posted_raw for a in best)
        and len({a.header.author.lower() for a in best}) == len(best)
        and all(_under_words(lines, a.first) for a in best)
    ):
        # (a pair of dated headers by two people, each signing the line of words right over it,
        # "Answered by jo · 2h" under its answer, under the section's header: the words that talk
        # are over each header; in a longer thread the next comment's words under each header
        # speak for it, in a pair the last has none)
        talk = max(talk, _share_above(lines, best, near))
    if talk < base and talk < _required_share(lines, best, near, base) and not (
        # (a lone Disqus comment with no section header over it was judged by _lone_comment)
        len(best) == 1 and near is None and (family == "bullet" or lines.text[best[0].first][0] in BULLETS)
    ) and not (
        # messages each under its own "From:" and "Date:" fields: a mail thread however its
        # writers talk (a link list or a menu prints no such block)
        family == "field" and len(best) >= 2 and dated_all
    ) and not (
        # dated comments each closed by its own row of links with a Reply link: readers' however
        # they word it (a link list, a menu or a subheading prints no Reply link under its items)
        dated_all and _rows_close_each(lines, best)
    ):
        # dated link lists, menus and subheadings have headers' shapes but nobody talks in them
        return False
    return True


