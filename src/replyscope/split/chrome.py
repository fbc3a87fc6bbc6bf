"""What one line is, around comments: chrome ("Reply", "3 likes"), a zone stop (a comment form,
a new section, furniture), or words a person wrote."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from replyscope.split.caches import line_dict
from replyscope.split.lines import lower_of
from replyscope.split.body import is_boilerplate_line
from replyscope.split.patterns import (
    BULLET_CHARS,
    CHROME,
    CHROME_ROW,
    CHROME_ROW_LOW,
    CHROME_WORDS_LOW,
    FORM_OR_SECTION,
    FOREIGN_REPLY,
    FORM_OR_SECTION_LOW,
    LOWER_BELOW,
    REPLY_ACTION,
    dated_chrome_row,
    folds_like_lower,
    gate_refuses,
    is_avatar_alt,
    is_named_pick,
    reply_row_low,
)


# Chrome is short: an action link, a count, an age or a row of them fits in this many characters.
CHROME_CHARS: Final = 80
# ... but a member's profile printed on one line, its cells parted by wide spaces
# ("Senior Member   Date joined: Mar 2015   Posts: 1,234   Location: a town"), runs past it: a rank, three or four
# fields and a title, each cell chrome on its own (so each within CHROME_CHARS), together up to
# about two chrome lines. The bound is that, not a length fit to a page; past it a line with wide
# spaces is a table's row or prose set out with spaces, and the cell check (is_chrome of every
# cell) is not spent on it.
PROFILE_ROW_CHARS: Final = 2 * CHROME_CHARS


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_IS_CHROME_CACHE: Final[dict[str, bool]] = line_dict()


def is_chrome(s: str) -> bool:
    """An action link, vote count or age around a comment ("Reply", "• Share ›", "12 likes"), or a
    row of them ("Reply to This Parent Share", "ReplyDelete", "twitter facebook", "Responder  Denunciar":
    an app's row parted by wide spaces)."""
    known = _IS_CHROME_CACHE.get(s)
    if known is None:
        known = _IS_CHROME_CACHE[s] = _is_chrome_uncached(s)
    return known


def _is_chrome_uncached(s: str) -> bool:
    if len(s) > CHROME_CHARS:
        return len(s) <= PROFILE_ROW_CHARS and "  " in s and _chrome_cells(s)  # (a profile's fields run together)
    s = s.lstrip(BULLET_CHARS + " ▼▶▸▲").rstrip("›»→↓↑ ")  # (a fold toggle's triangle: "▼ 5 replies"; a vote arrow alone)
    if not s:
        return True
    if s[0] in _STARS:
        return _star_rating(s)
    # (read once: a line with no "·", "|" or wide space is no row, nor are its cells parted below)
    parted = "·" in s or "|" in s or "  " in s
    if folds_like_lower(s):  # (the lower twins of the patterns are faster; see patterns.lower_twin)
        low = lower_of(s)  # (shared with the line's other readers: see lines.lower_of)
        if CHROME_WORDS_LOW.match(low) is not None or reply_row_low(s, low) or (parted and CHROME_ROW_LOW.match(low) is not None):
            return True
    elif CHROME.match(s) is not None or (parted and CHROME_ROW.match(s) is not None):
        return True
    return (
        len(s) <= ACTION_ROW_CHARS
        and (_action_row(s) or _counter_row(s))
        or len(s) <= VOTE_CHARS
        and _vote_count(s)
        or is_avatar_alt(s)
        or is_named_pick(s)
        or len(s) <= PRESENCE_CHARS
        and _presence(s)
        or s[0] in "0123456789Rr"
        and _RATED_TITLE.match(s) is not None
        or parted
        and ("  " in s or " | " in s or " · " in s)
        and _chrome_cells(s)
        or s[0] in _ACTIVITY_FIRST
        and _ACTIVITY.match(s) is not None
    )


# A thread's log of what was done to it, between its comments, as a code host prints it: a login
# in lower case, a verb in the past tense, what it was done to, and when ("jo added the bug label
# 2 days ago", "jo closed this as completed on Mar 3, 2024", "This was referenced Mar 4, 2024").
# No reader's words: a sentence opens with a capital, and few end on a stamp.
_ACTIVITY: Final = re.compile(
    r"^(?:(?!(?:i|we|you|he|she|they|it|who|someone|everyone|nobody|u) )[a-z0-9][\w.-]{0,38} (?:[a-z]+-)?[a-z]{2,}ed (?:this|the|a|an|that)\b.{0,80}|This was referenced .{0,30})"
    r"(?:\bago|\b(?:19|20)\d\d|[AaPp]\.?[Mm]\.?|\b\d{1,3}[smhdwy])$"
)
_ACTIVITY_FIRST: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789T")


# A reader's badge or a member's rank alone on its line, between the name and the date: "Subscriber",
# "Top commenter", "Verified reader", "Staff", "Senior Member", "Registered User", "Newbie". Not
# chrome everywhere (a row of actions ends in an age; a badge over an age is no such row): asked
# only where a line stands between a name and its date.
_BADGE_LINE: Final = re.compile(
    r"^(?:(?:top |verified |premium |founding |paid )?(?:subscriber|commenter|contributor|reader|supporter)|moderator|mod|admin|staff|"
    # (a code host's role of the reader in the project: "Member", "Owner", "Collaborator")
    r"member|owner|collaborator|maintainer|author|"
    r"(?:new|junior|senior|full|regular|registered|active|gold|silver|platinum|premium|elite|veteran|valued|well-known)\s+(?:member|user|poster)|newbie)$",
    re.I,
)


def is_badge_line(s: str) -> bool:
    """A badge or rank line (see _BADGE_LINE)."""
    return len(s) <= 30 and _BADGE_LINE.match(s) is not None


# The cells of a row a widget prints on one line, parted by wide spaces or a bar or a dot: a
# member's profile run together ("Gold Member   Date joined: Nov 2004   Posts: 240"), a row of
# buttons ("Quote  Quick Reply").
_CELL_GAP: Final = re.compile(r"\s{2,}|\s+[|·•]\s+")


def _chrome_cells(s: str) -> bool:
    """Whether a line is two or more cells, each chrome on its own, or a profile's fields (two or
    more "Label: value" cells) with one short cell beside them (a member's own title, "Posts a lot")."""
    cells = [c for c in _CELL_GAP.split(s) if c]
    if len(cells) < 2:
        return False
    other = [c for c in cells if not is_chrome(c) and not _icon_chrome(c)]
    return not other or len(other) == 1 and len(other[0]) <= PROFILE_TITLE_CHARS and sum(is_profile_field(c) for c in cells) >= 2


def _icon_chrome(cell: str) -> bool:
    """A cell of a row that is chrome behind its icon ("↩ reply", "⚑ report", "☆ save")."""
    k = 0
    while k < len(cell) and (cell[k] == " " or cell[k] == "\ufe0f" or unicodedata.category(cell[k]) in ("So", "Sm", "Sk")):
        k += 1
    return 0 < k < len(cell) and cell[k - 1] == " " and is_chrome(cell[k:])


# A member's own title beside or over the profile's fields is a short line.
PROFILE_TITLE_CHARS: Final = 30
_FIELD_CELL: Final = re.compile(r"^[A-Z][\w.]*(?: [\w.]+){0,2} ?: \S")


def is_profile_field(s: str) -> bool:
    """A field of a member's profile as a board prints it ("Date joined: Mar 2015", "Posts: 1,234"),
    a label and a colon, chrome on its own; or a row of them ("Date joined: Mar 2015   Posts: 12")."""
    return is_chrome(s) and (_FIELD_CELL.match(s) is not None or "  " in s and any(_FIELD_CELL.match(c) for c in _CELL_GAP.split(s)))



def is_reply_row(s: str) -> bool:
    """A line of chrome that holds a Reply / Like link (patterns.REPLY_ACTION): a comment's row of
    actions, "Like · Reply · 3y"."""
    # (chrome first: its verdict is kept, most lines asked have had it already, and a long line is
    # no chrome at once; REPLY_ACTION's search reads a reader's long line to its end)
    return bool(s) and is_chrome(s) and has_reply_action(s)


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_HAS_REPLY_ACTION_CACHE: Final[dict[str, bool]] = line_dict()


def has_reply_action(s: str) -> bool:
    """REPLY_ACTION.search(s) is not None, cached: the readers of a thread's rows ask it of the same
    few rows ("Reply", "Like · Reply") under every comment of every thread, and its search reads a
    line to its end."""
    known = _HAS_REPLY_ACTION_CACHE.get(s)
    if known is None:
        known = _HAS_REPLY_ACTION_CACHE[s] = REPLY_ACTION.search(s) is not None
    return known


# A vote counter drawn with signs: "▲ 4 ▼", "12 ▲ ▼", "👍 49", "♥ 3". A number among symbols and
# nothing else; symbols alone with no number ("👍", "😂😂") are a reader's whole comment.
VOTE_CHARS: Final = 24
_THOUSANDS: Final = re.compile(r"(?<=\d)[KkM](?!\w)")


def _vote_count(s: str) -> bool:
    if not any(c.isdigit() for c in s):
        return False
    if "K" in s or "M" in s or "k" in s:
        s = _THOUSANDS.sub("", s)  # ("📊 6K", "♡ 1.2k": thousands shortened)
    signs = 0
    for c in s:
        if c.isdigit() or c in " +-−.,()\ufe0f":
            continue
        if unicodedata.category(c) not in ("So", "Sm", "Sk"):
            return False
        signs += 1
    return signs > 0


# A row of counters as a microblog prints them under a post (replies, reposts, likes, views): bare
# numbers, each maybe behind its sign ("4  12  87", "💬 3  🔁 12  ♡ 1.2K"), thousands shortened to
# "K" or "M", parted by wide spaces. Two numbers at least; one alone is _vote_count's (or a bare
# number's).
_COUNT: Final = r"\d+(?:[.,]\d+)?[KkMm]?"
_COUNTER_CELL: Final = re.compile(rf"^(?:[^\w\s]{{1,3}}\s?)?{_COUNT}$")
_COUNTER_SIGN: Final = re.compile(r"^[^\w\s]{1,3}$")


def _counter_row(s: str) -> bool:
    if "  " not in s or not s[-1].isalnum():
        return False
    cells = s.split()
    if not s[0].isdigit() and len(cells) % 2 == 0 and all(_COUNTER_SIGN.match(c) for c in cells[::2]):
        cells = [a + b for a, b in zip(cells[::2], cells[1::2])]  # (a sign apart from its number: "♡ 12")
    return len(cells) >= 2 and all(_COUNTER_CELL.match(c) for c in cells)


# A chat's notice that somebody came or went ("* jo has joined", "jo left the chat"): the room's,
# no one's words.
PRESENCE_CHARS: Final = 70
_PRESENCE: Final = re.compile(r"^\S.{0,40}?\s(?:has (?:joined|left|quit)(?: the \w+)?|(?:joined|left) the (?:chat|room|channel|conversation|call))\.?$")


def _presence(s: str) -> bool:
    return ("joined" in s or "left" in s or "quit" in s) and _PRESENCE.match(s) is not None


# A row of a comment widget's links, read word by word: every word one of ACTION_WORDS (or a number,
# an outline number "2."), and one of them an action (ACTION_VERBS). Words glued by the rendering
# ("ReplyDelete") are parted at their capitals.
ACTION_ROW_CHARS: Final = 60
ACTION_VERBS: Final = frozenset(
    "reply replies delete edit share tweet report flag like unlike quote permalink link login register "
    "close loading load post subscribe follow vote print email embed level "
    # (a row of sharing services is a share bar)
    "twitter facebook reddit digg linkedin whatsapp pinterest "
    # (a thread's sort controls: "Oldest first | Newest first")
    "newest oldest "
    # (a newspaper's and a review site's: "Reply  Recommend (12)  Report", "Helpful (3) · Report")
    "recommend upvote downvote helpful collapse".split()
)
ACTION_WORDS: Final = ACTION_VERBS | frozenset(
    "to this that the a an or and in on of new more view see show hide all parent thread comment comments "
    "log sign up down top back abuse as inappropriate google stumble upon mail e profile options cancel "
    # (a blog's pager under the last comment: "Newer Post Older Post Home")
    "newer older home "
    # (a journal's links under each comment: "(Reply) (Thread) (Parent) (Link) (Expand)")
    "expand collapse "
    # (a federated forum's: "reply · link · report · source · save")
    "source save "
    "retweets retweet likes favorites favourites views shares upvotes points first best not".split()
)
_ROW_WORD: Final = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def first_row_word(s: str) -> str | None:
    """The text of _ROW_WORD's first match in `s` (None when none), read without sre (see
    _row_word_at). _action_row asks it of most short lines, and turns most of them away on it."""
    start, end = _row_word_at(s, 0)
    return None if start < 0 else s[start:end]


def _row_word_at(s: str, k: int) -> tuple[int, int]:
    """(start, end) of _ROW_WORD's first match in `s` at or after offset `k`, (-1, -1) where there
    is none: the finditer of `_action_row`'s words and the search of `first_row_word` read by code
    points (an sre iterator and a match object a word cost several times more). At each character
    in turn, as sre tries them: a lower-case ASCII letter opens the first form, a run of them; a
    capital opens it too where a lower-case letter follows, else the second form, the run of
    capitals less its last when a lower-case letter follows it ("CEOs" reads "CE", as sre backs off
    to where the look-ahead holds); a digit (sre's "\\d" in a str pattern is `str.isdecimal`'s
    decimal, character for character) opens the third, a run of them; any other character opens
    none. (Letters told by their code points: compiled, a comparison of two strings is a generic
    call.)"""
    n = len(s)
    while k < n:
        c = ord(s[k])
        if _A <= c <= _Z:
            e = k + 1
            while e < n and _A <= ord(s[e]) <= _Z:
                e += 1
            return k, e
        if _CAP_A <= c <= _CAP_Z:
            e = k + 1
            if e < n and _A <= ord(s[e]) <= _Z:
                e += 1
                while e < n and _A <= ord(s[e]) <= _Z:
                    e += 1
                return k, e
            while e < n and _CAP_A <= ord(s[e]) <= _CAP_Z:
                e += 1
            # (a lower-case letter after a run of two capitals or more: the last one opens the
            # next word; after one alone the first form took it above)
            return (k, e - 1) if e < n and _A <= ord(s[e]) <= _Z else (k, e)
        if _ZERO <= c <= _NINE or c >= 128 and s[k].isdecimal():
            e = k + 1
            while e < n and (_ZERO <= ord(s[e]) <= _NINE or ord(s[e]) >= 128 and s[e].isdecimal()):
                e += 1
            return k, e
        k += 1
    return -1, -1


# (the code points of "a", "z", "A", "Z", "0" and "9", as literals: compiled, they are then constants)
_A: Final = 97
_Z: Final = 122
_CAP_A: Final = 65
_CAP_Z: Final = 90
_ZERO: Final = 48
_NINE: Final = 57


def _action_row(s: str) -> bool:
    start, end = _row_word_at(s, 0)
    if start < 0:
        return False
    first = s[start:end]  # (first_row_word(s))
    low = first.lower()
    if low not in ACTION_WORDS and not first.isdigit():
        return False  # (most lines: their first word is no widget's, no need to read the rest)
    if s[0].islower() and s[-1] == "." and s[-2:-1].isalpha():
        return False  # (a sentence's last words, broken onto a line of their own: "and the like.")
    # (read word by word, to the first that is no widget's: most lines opening on "The" or "A"
    # are somebody's words, and stop at their second word; the first word is read already, and
    # the words after it are read from its end, as finditer reads them from the line's start;
    # whether one is an action is kept as the words are read, where a list of them was kept)
    verb = low in ACTION_VERBS
    while True:
        start, end = _row_word_at(s, end)
        if start < 0:
            break
        w = s[start:end].lower()
        if w not in ACTION_WORDS and not w.isdigit():
            return False
        verb = verb or w in ACTION_VERBS
    if any(c.isalpha() is False and c not in " .:,;|·•-–—()[]/…»›" and not c.isdigit() for c in s):
        return False  # (a question or an exclamation is somebody's words)
    return verb


def is_reply_link_row(s: str) -> bool:
    """A row of a comment's links (is_chrome) with a Reply link among them: "Reply", "(Reply)
    (Thread) (Link)", "Like · Reply · 3y", "Reply With Quote", "ReplyDelete". It closes a reader's
    comment; an article ends on no Reply link of its own, and a form's prompt or buttons ("Leave a
    Reply", "Cancel reply", "Post Reply") are no comment's row."""
    if len(s) > ACTION_ROW_CHARS:
        return False
    if "eply" not in s and "EPLY" not in s:
        # (another language's Reply, in a row that opens on the comment's date or age: "2 мар в
        # 08:20  Ответить", "vor 3 Std. · Antworten"; the same test a row's English Reply has below)
        return s[:1].isdigit() and _FOREIGN_REPLY.search(s) is not None and dated_chrome_row(s)
    s = s.strip(BULLET_CHARS + " ")
    if not s or not (is_chrome(s) or _action_row(s) or s[:1].isdigit() and dated_chrome_row(s)) or _form_or_section(s):
        return False  # (a date opening a row of actions, "12 March 2022  Reply": the comment's footer)
    words = {w.lower() for w in _ROW_WORD.findall(s)}
    # ("Quick Reply" alone heads a board's reply box; beside "Quote" it is the post's own button)
    return "reply" in words and not words & _FORM_ROW_WORDS and words != _QUICK_REPLY


# The Reply action of another language's widget (patterns.FOREIGN_REPLY), a whole word.
_FOREIGN_REPLY: Final = re.compile(rf"(?<!\w)(?:{FOREIGN_REPLY})(?!\w)", re.I)


# A comment form's words beside its Reply ("Cancel reply", "Leave a Reply"; "Post Reply" is a stop
# line): the form's, under no comment.
_FORM_ROW_WORDS: Final = frozenset(("cancel", "leave", "submit", "write"))
_QUICK_REPLY: Final = frozenset(("quick", "reply"))


# A rating drawn with stars ("★★★★☆", "★★★☆☆ 3.0 out of 5 stars"): the widget's, not the reader's.
_STARS: Final = "★☆✩✭✮✰"
# A score ("4.0 out of 5 stars", "4/5") and a review's title after one (a short line, no sentence in
# it): the pieces the rating patterns below share.
_SCORE: Final = r"\d(?:\.\d)?\s*(?:out of|/)\s*\d(?:\s+stars?)?"
_TITLE_WORDS: Final = r"[^\s.!?][^.!?]{0,58}[.!?]?$"
_RATING_AFTER: Final = re.compile(rf"^\s*(?:{_SCORE})?\s*$", re.I)


def _star_rating(s: str) -> bool:
    stars = len(s) - len(s.lstrip(_STARS))
    return stars >= 3 and (_RATING_AFTER.match(s[stars:]) is not None or _REVIEW_TITLE.match(s[stars:]) is not None)


# A rating with the review's title after it ("★★★★☆ Great value", "4.0 out of 5 stars Works fine",
# "Rated 4 out of 5 Does the job"): the review's heading, a short line with no sentence in it.
_REVIEW_TITLE: Final = re.compile(rf"^\s*(?:{_SCORE}\s+)?{_TITLE_WORDS}")
_RATED_TITLE: Final = re.compile(r"^(?:rated\s+\d(?:\.\d)?\s+out of\s+\d(?:\s+stars?)?|\d(?:\.\d)?\s+out of\s+\d\s+stars?)\s+" + _TITLE_WORDS, re.I)


def is_rating(s: str) -> bool:
    """A review's rating line: stars or "4.0 out of 5 stars" / "Rated 4 out of 5", a title after it or none."""
    s = s.strip()
    return bool(s) and (_star_rating(s) if s[0] in _STARS else s[0] in "0123456789Rr" and is_chrome(s) and "out of" in s)


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_IS_PICTOGRAPHS_CACHE: Final[dict[str, bool]] = line_dict()


def is_pictographs(s: str) -> bool:
    """Whether a line is emoji alone ("👍", "😂😂", "❤️"): a reader's whole comment, however short.

    Pictographs only (the emoji planes, miscellaneous symbols and dingbats, with their joiners,
    variation selectors and skin tones): arrows, bullets, triangles and signs are widgets' marks.
    """
    known = _IS_PICTOGRAPHS_CACHE.get(s)
    if known is None:
        known = _IS_PICTOGRAPHS_CACHE[s] = _is_pictographs_uncached(s)
    return known


def _is_pictographs_uncached(s: str) -> bool:
    return bool(s) and len(s) <= 40 and all(_pictograph(ord(c)) for c in s if c != " ") and not s.isspace()


def _pictograph(o: int) -> bool:
    return o >= 0x1F000 or 0x2600 <= o <= 0x27BF or o in (0x200D, 0xFE0F, 0x20E3)


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_IS_STOP_LINE_CACHE: Final[dict[str, bool]] = line_dict()


def is_stop_line(s: str) -> bool:
    """A line that closes a comment zone: a comment form, a new section, page furniture."""
    known = _IS_STOP_LINE_CACHE.get(s)
    if known is None:
        known = _IS_STOP_LINE_CACHE[s] = _is_stop_line_uncached(s)
    return known


def read_as_no_stop_line(s: str) -> bool:
    """Whether is_stop_line has read `s` already and found no stop line (False when it has not
    read it, or found one): a reader asking the same patterns of the line may take their answer
    from it (see comments.zone_line_role)."""
    return _IS_STOP_LINE_CACHE.get(s) is False


def _is_stop_line_uncached(s: str) -> bool:
    if _form_or_section(s):
        return True
    return len(s) < 120 and is_boilerplate_line(s)


def _form_or_section(s: str) -> bool:
    """A comment form's line or a new section's heading (patterns.FORM_OR_SECTION)."""
    # (the lower twin is faster; see patterns.lower_twin and LOWER_BELOW; most lines are refused
    # on their first letters, before the line is lower-cased or a long one read by the pattern)
    folds = folds_like_lower(s)
    if folds and gate_refuses(FORM_OR_SECTION_LOW, s):
        return False
    return (FORM_OR_SECTION_LOW.match(lower_of(s)) if len(s) < LOWER_BELOW and folds else FORM_OR_SECTION.match(s)) is not None


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_IS_CONTENT_CACHE: Final[dict[str, bool]] = line_dict()


def is_content(s: str) -> bool:
    """A line a person wrote (not chrome, not a form, not furniture)."""
    known = _IS_CONTENT_CACHE.get(s)
    if known is None:
        known = _IS_CONTENT_CACHE[s] = _is_content_uncached(s)
    return known


def _is_content_uncached(s: str) -> bool:
    return bool(s) and not is_chrome(s) and not is_stop_line(s)


