"""Read one short line as a comment header: who wrote it, when, and in which format.

Formats are recognised by their *shape*, not by site: a timestamp is cut out of the line, and what
is left must be a name (with "says:", "said...", "wrote:", "by", "Posted by:" around it) or
nothing at all (a date line that belongs to a neighbouring name line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from replyscope.split.patterns import (
    BOILERPLATE,
    BY_AUTHOR,
    CHROME,
    CHROME_ROW,
    COMMENT_FORM,
    COMMENT_SECTION,
    GLUED_DATE,
    GLUED_HINT,
    HAS_DIGIT,
    JOINERS,
    NAME_LIKE,
    NOT_IN_BARE_NAME,
    POSTED_WORDS,
    SAYS,
    SAYS_WORD,
    SENTENCE_END,
    TIMESTAMP_RE,
    TRAILING_META,
)

# Where an author's name ends in "by NAME on DATE ..." once the date is cut out.
_BY_AUTHOR_END = re.compile(r"\s+(?:on|at|in)\s+|\s*\|")
# What follows the name in "by Name (1234) <mail> writes:".
_BY_TAIL = re.compile(r"(?:\s*\(\d+\)|\s*<[^>]*>|\s*\*|\s+(?:writes|says|wrote)\s*:?)*\s*$", re.I)
_FEED_WORDS = re.compile(
    r"\b(?:(?:\d+|no|one)\s+(?:comments?|responses?|replies|reply)|tracked|trackback|pingback|"
    r"responded|liked this|likes this|commented on|is now following)\b",
    re.I,
)
# "Recent FanPosts", "Latest Headlines", "More from Ars": a widget's title, whatever follows.
NAV_PREFIX = re.compile(r"^(?:recent|latest|related|popular|trending|upcoming|featured|more from|most)\s+\S", re.I)
# Menu labels, widget titles and section names that sit beside a date or over a link list the way
# a commenter's name sits over a comment. A whole name made of these words names no person.
NAV_LABEL = re.compile(
    r"^(?:(?:next|previous|prev|older|newer|upcoming|recent|latest|related|more|top|featured?|popular|"
    r"last|all|our|the|in|as|with|by|of|and|&|on|this|\d+|hours?|days?|weeks?|filed|"
    r"stor(?:y|ies)|posts?|articles?|news|events?|images?|photos?|pictures?|videos?|podcasts?|jobs|"
    r"twitter|facebook|google\+?|rss|feeds?|password|username|log\s?in|sign\s?in|search|www|e-?mail|"
    r"newsletters?|archives?|close|open|hide|show|toggle|back|skip|cancel|submit|send|continue|reply|retweet|favou?rite|like|share|follow|report|flag|edit|delete|permalink|quote|masthead|categor(?:y|ies)|tags?|topics?|sections?|technology|science|environment|"
    r"magazine|business|sports?|politics|opinion|entertainment|world|health|blogs?|links?|menu|home|"
    r"association|community|portfolio|zeitgeist|quickies|see|entire|issues?|cover|pages?|\(\d+ pages?\))(?:\s+|$))+$",
    re.I,
)
# A forum's user number after the name: "garaged (579941)".
_USER_ID = re.compile(r"\s*\(\d+\)\s*$")
_HAS_LETTER = re.compile(r"[^\W\d_]")
DAY_HINT = re.compile(r"[A-Za-z]{3}|\d[/.-]\d|(?:19|20)\d\d|ago")
# A stamp that is only a 24-hour clock reading.
CLOCK_ONLY = re.compile(r"^@?\d{1,2}(?::\d{2}){1,2}$")

MAX_HEADER_CHARS = 110
MAX_NAME_WORDS = 6

# Words left beside a date that are labels, not names ("Updated July 4", "Published: ...").
NOT_A_NAME = re.compile(
    r"^(?:updated|last updated|modified|published|posted|date|time|on|at|by|from|in|and|the|"
    r"he|she|they|it|i|we|you|who|which|that|this|there|one|someone|everyone|"
    r"pm|am|edt|est|pdt|pst|gmt|utc|reply|permalink|link|comments?|\d+|"
    r"january|february|march|april|may|june|july|august|september|october|november|december)$",
    re.I,
)
_POSTED_BY = re.compile(r"^(?:posted|written|submitted|comment(?:ed)?|reply|response)?\s*by\b:?", re.I)
_EDGE_WORDS = re.compile(r"^(?:on|at|by|posted|said|says)\s+|\s+(?:on|at|by|posted)$", re.I)


@dataclass(slots=True, frozen=True)
class CommentHeader:
    """What one header line says. `kind`: says | by | name_date | date | name."""

    kind: str
    author: str
    posted_raw: str
    posted_by: bool = False  # "Posted by: X" reads as a footer under the comment it signs


def _name_ok(name: str) -> bool:
    if not name or len(name) > 60 or not NAME_LIKE.match(name):
        return False
    if ": " in name and "(" not in name:
        return False  # "Pumped: BMX coming" is a headline
    if _FEED_WORDS.search(name):
        return False  # "T.C. Smith 47 comments", "Tracked on": an entry of a feed, not a commenter
    if name.count(" ") >= MAX_NAME_WORDS or NOT_A_NAME.match(name) or NAV_LABEL.match(name) or NAV_PREFIX.match(name):
        return False
    return not SENTENCE_END.search(name) or name.endswith((".", ")")) and len(name) < 30


@lru_cache(maxsize=1 << 14)
def looks_like_name(core: str) -> bool:
    """A short line that could be only a person's name or handle (e.g. a Disqus author line)."""
    if len(core) > 50 or not core or CHROME.match(core) or BOILERPLATE.match(core):
        return False
    if COMMENT_SECTION.match(core) or COMMENT_FORM.match(core):
        return False
    if core[-1] in ",;" or not _HAS_LETTER.search(core):
        return False  # "Frank," opens a letter; "–" or "*" is decoration
    return _name_ok(core) and core.count(" ") < 5 and NOT_IN_BARE_NAME.search(core) is None


_BY_STARTS = ("by ", "by:", "posted by", "written by", "comment by", "submitted by", "reply by", "response by")


def _has_header_word(low: str) -> bool:
    # an explicit `or` chain: this runs on every short line, a generator costs 3x more
    return (
        "sa" in low
        and ("says" in low or "said" in low)
        or "wrote" in low
        or "writes" in low
        or low.startswith(_BY_STARTS)
        or " by " in low
        or "commented" in low
        or "replied" in low
        or "ago" in low
    )


# Necessary parts of any TIMESTAMP_RE match, cheap to look for: a digit by a separator or am/pm, a
# month name, a relative word. Lines without one skip the big pattern (most digit lines: counts,
# prices, years alone).
_DIGIT_STAMP = re.compile(r"\d(?:\s*[:/.\-]\s*\d|\s*[apAP]\.?[mM])")
_MONTH_HINT = re.compile("jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")


def _may_hold_stamp(line: str, low: str) -> bool:
    return (
        _DIGIT_STAMP.search(line) is not None
        or _MONTH_HINT.search(low) is not None
        or "ago" in low
        or "today" in low
        or "yesterday" in low
        or "just now" in low
    )


def _has_day(stamp: str) -> bool:
    """Whether a stamp names a day (has a month name, a year or a d/m/y), not just a clock."""
    return DAY_HINT.search(stamp) is not None


def _edge_text(part: str) -> str:
    return JOINERS.sub("", POSTED_WORDS.sub("", JOINERS.sub("", part).strip())).strip()


@lru_cache(maxsize=1 << 16)
def read_header(core: str) -> CommentHeader | None:
    """The comment header a short line spells, or None when it is not one (cached: lines repeat)."""
    if not core or len(core) > MAX_HEADER_CHARS:
        return None
    digits = HAS_DIGIT.search(core) is not None
    low = core.lower()
    worded = _has_header_word(low)
    if not digits and not worded:
        return None  # most lines leave here, after two cheap checks
    line = core
    m = TIMESTAMP_RE.search(line) if (digits or "ago" in line) and _may_hold_stamp(line, low) else None
    if digits and len(line) <= 80 and (m is None or not _has_day(m.group(0))) and GLUED_HINT.search(line):
        # a clock alone may hide a date glued to the name before it ("JaneAugust 5, 2012 4:11 AM")
        glued = GLUED_DATE.sub(" ", line)
        if glued != line:
            m2 = TIMESTAMP_RE.search(glued)
            if m2 is not None:
                line, m = glued, m2
    if m is not None and CLOCK_ONLY.match(m.group(0)):
        m = None  # "52:10" or "2:04:38" is a duration or a score as often as a time of day
    if m is not None and m.start() > 0 and line[m.start() - 1] == "(":
        m = None  # "(May 12, 2004)" dates a title in a list, not a comment
    if m is None and not worded:
        return None
    stamp = ""
    if m is not None:
        stamp = m.group(0).strip()
        # a trailing relative age after a full date ("... 3:15 pm - 1 hour ago") belongs to the stamp
        before, rest = line[: m.start()], line[m.end() :]
        if rest:
            m2 = TIMESTAMP_RE.search(rest) if _may_hold_stamp(rest, rest.lower()) else None
            if m2 and not JOINERS.sub("", rest[: m2.start()]):
                rest = rest[m2.end() :]
            rest = TRAILING_META.sub("", rest)
        residue = (before + " " + rest).strip()
    else:
        before = rest = ""
        residue = TRAILING_META.sub("", line)
    residue = JOINERS.sub("", residue).strip()

    says = SAYS.match(residue) if worded and SAYS_WORD.search(residue) else None
    if says:
        author = JOINERS.sub("", says["author"]).strip()
        kind = "says"
        if author[:3].lower() == "by ":
            author, kind = author[3:].lstrip(), "by"  # "by Name (1234) writes:" is the by-format
        author = _EDGE_WORDS.sub("", author).strip()
        author = _USER_ID.sub("", JOINERS.sub("", author))
        if _name_ok(author):
            return CommentHeader(kind, author, stamp)
        return None
    if worded and _POSTED_BY.match(residue):
        by = BY_AUTHOR.match(residue)
        if by:
            author = _BY_AUTHOR_END.split(by["author"], maxsplit=1)[0]
            author = _EDGE_WORDS.sub("", JOINERS.sub("", author)).strip()
            author = _BY_TAIL.sub("", author).strip()
            if _name_ok(author):
                return CommentHeader("by", author, stamp, posted_by=residue[:1].lower() == "p")
        return None
    if not stamp:
        return None
    if _edge_text(before) and _edge_text(rest):
        return None  # a date in the middle of a line ("Jo Long, 10 November, Soho Theatre") dates an event
    # "posted on DATE by NAME" leaves "posted on  by NAME" once the date is cut out
    residue = POSTED_WORDS.sub("", residue).strip()
    residue = JOINERS.sub("", residue)
    if residue[:3].lower() == "by ":
        author = residue[3:].strip()
        return CommentHeader("by", author, stamp, posted_by=True) if _name_ok(author) else None
    if not residue or CHROME_ROW.match(residue):
        return CommentHeader("date", "", stamp)  # a date alone, or an age in a row of actions
    residue = _EDGE_WORDS.sub("", residue).strip()
    if _name_ok(residue):
        return CommentHeader("name_date", residue, stamp)
    return None
