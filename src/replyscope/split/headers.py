"""Read one short line as a comment header: who wrote it, when, and in which format.

Formats are recognised by their *shape*, not by site: a timestamp is cut out of the line, and what
is left must be a name (with "says:", "said...", "wrote:", "by", "Posted by:" around it) or
nothing at all (a date line that belongs to a neighbouring name line).
"""

from __future__ import annotations

import re
import types
import unicodedata
from dataclasses import dataclass
from typing import Final

from replyscope.split.caches import line_dict
from replyscope.split.lines import lower_of
from replyscope.split.places import place_tail
from replyscope.split.threading import HEADER_TARGET
from replyscope.split.patterns import (
    BY_AUTHOR,
    COMMENT_FORM_LOW,
    FOREIGN_SAYS,
    FOREIGN_SAYS_ENDS,
    GLUED_DATE,
    GLUED_HINT,
    HAS_LETTER,
    JOINER_CHARS,
    LetterGate,
    LiteralGate,
    NAME_LIKE,
    NOT_IN_BARE_NAME,
    POST_NUMBER_BEFORE_BY,
    POSTED_WORDS,
    SAYS,
    SAYS_LOW,
    SAYS_WORD,
    SAYS_WORD_LOW,
    STAMP_OPENING_JOINERS,
    TIMESTAMP_RE,
    TIMESTAMP_RE_LOW,
    TRAILING_META,
    TRAILING_META_LOW,
    chrome_row,
    edge_characters,
    ends_sentence,
    folds_like_lower,
    gate_refuses,
    has_digit,
    is_avatar_alt,
    is_named_pick,
    lower_twin,
    match_endings,
    not_a_name_line,
    opening_refuses,
    stamp_span_low,
    strip_joiners,
)

# An account's status a CMS prints in brackets after the name ("Submitted by Jo (not verified)",
# "Jo (guest)"): no part of the name.
ACCOUNT_STATUS: Final = r"\((?:(?:not |un)?verified|guest|unregistered)\)"
# Where an author's name ends in "by NAME on DATE ..." once the date is cut out.
_BY_AUTHOR_END: Final = re.compile(r"\s+(?:on|at|in)\s+|\s*\|")
# What follows the name in "by Name (1234) <mail> writes:".
_BY_TAIL: Final = re.compile(rf"(?:\s*\(\d+\)|\s*<[^>]*>|\s*\*|\s*{ACCOUNT_STATUS}|\s+(?:writes|says|wrote)\s*:?)*\s*$", re.I)
_FEED_WORDS: Final = re.compile(
    r"\b(?:(?:\d+|no|one)\s+(?:comments?|responses?|replies|reply)|tracked|trackback|pingback|"
    r"responded|liked this|likes this|commented on|is now following)\b",
    re.I,
)
_FEED_WORDS_GATE: Final = LiteralGate(_FEED_WORDS)
# "Recent FanPosts", "Latest Headlines", "More from Ars": a widget's title, whatever follows.
NAV_PREFIX: Final = re.compile(r"^(?:recent|latest|related|popular|trending|upcoming|featured|more from|most)\s+\S", re.I)
# Menu labels, widget titles and section names that sit beside a date or over a link list the way
# a commenter's name sits over a comment. A whole name made of these words names no person.
NAV_LABEL: Final = re.compile(
    r"^(?:(?:next|previous|prev|older|newer|upcoming|recent|latest|related|more|top|featured?|popular|"
    r"last|all|our|the|in|as|with|by|of|and|&|on|this|\d+|hours?|days?|weeks?|filed|"
    r"stor(?:y|ies)|posts?|articles?|news|events?|images?|photos?|pictures?|videos?|podcasts?|jobs|"
    r"twitter|facebook|google\+?|rss|feeds?|password|username|log\s?in|sign\s?in|search|www|e-?mail|"
    r"newsletters?|archives?|profiles?|close|open|hide|show|toggle|back|skip|cancel|submit|send|continue|reply|retweet|favou?rite|like|share|follow|report|flag|edit|edited|delete|permalink|quote|masthead|categor(?:y|ies)|tags?|topics?|sections?|technology|science|environment|"
    r"magazine|business|sports?|politics|opinion|entertainment|world|health|blogs?|links?|menu|home|"
    r"association|community|portfolio|zeitgeist|quickies|see|entire|issues?|cover|pages?|\(\d+ pages?\))(?:\s+|$))+$",
    re.I,
)
# A forum's user number after the name: "garaged (579941)".
_USER_ID: Final = re.compile(r"\s*\(\d+\)(?:\s*\*)?\s*$")  # ("jo (1234) *": a user number, and a star for a subscriber)
DAY_HINT: Final = re.compile(r"[A-Za-z]{3}|\d[/.-]\d|(?:19|20)\d\d|ago")
# A stamp that is only a 24-hour clock reading.
CLOCK_ONLY: Final = re.compile(r"^@?\d{1,2}(?::\d{2}){1,2}$")
_CLOCK_CHARS: Final = 10  # (the longest text it matches, "@12:34:56", and a line break `$` reads past)

MAX_HEADER_CHARS: Final = 110
MAX_NAME_WORDS: Final = 6
# Words after a date opening a line, none capitalised, that make a clause, not a name: a display
# name of several words is capitalised ("Night Ferry Regular"), a handle is one word ("jo_walsh").
LOWER_CLAUSE_WORDS: Final = 4

# Words left beside a date that are labels, not names ("Updated July 4", "Published: ...").
NOT_A_NAME: Final = re.compile(
    r"^(?:updated|last updated|modified|published|posted|date|time|on|at|by|from|in|and|the|"
    r"he|she|they|it|i|we|you|who|which|that|this|there|one|someone|everyone|"
    r"pm|am|edt|est|pdt|pst|gmt|utc|reply|permalink|link|comments?|\d+|"
    # a forum profile's fields beside a date ("Joined: Mar 2010", "Last seen: ...")
    r"joined|registered|member since|last (?:seen|active|visit)|"
    r"january|february|march|april|may|june|july|august|september|october|november|december)$",
    re.I,
)
# (a label may carry the post's number before "by": "Comment #12 by Jo", "Reply no. 3 by Jo"; the
# number names the post, not its writer: see patterns.POST_NUMBER_BEFORE_BY)
_POSTED_BY: Final = re.compile(rf"^(?:(?:posted|post|written|submitted|comment(?:ed)?|reply|response|answered|asked){POST_NUMBER_BEFORE_BY})?\s*by\b:?", re.I)
# (the first letters its openings have: "by", "Answered by", "Comment #3 by", "Posted by", ...)
_BY_LABEL_FIRST: Final = frozenset("AaBbCcPpRrSsWw")
# (its openings, read from it: most residues it is asked of open with a name; see opening_refuses)
_POSTED_BY_GATE: Final = LetterGate(lower_twin(_POSTED_BY))
_EDGE_WORDS: Final = re.compile(r"^(?:on|at|by|posted|said|says)\s+|\s+(?:on|at|by|posted)$", re.I)
# The characters an _EDGE_WORDS match must open or close the text with: the first letter of a
# leading word in either case ("\u017f" is an "s" to IGNORECASE), the last of a trailing one, or the
# newline "$" may stand before. A text with neither keeps its words, and skips the pattern (whose
# trailing form is tried at every space of the text).
_EDGE_FIRST: Final = frozenset("oOaAbBpPsS\u017f")
_EDGE_LAST: Final = frozenset("nNtTyYdD\n")


def _cut_edge_words(s: str) -> str:
    """_EDGE_WORDS.sub("", s): the same text, the pattern asked only of texts it may change."""
    return _EDGE_WORDS.sub("", s) if s[:1] in _EDGE_FIRST or s[-1:] in _EDGE_LAST else s


@dataclass(slots=True, frozen=True, init=False)
class CommentHeader:
    """What one header line says. `kind`: says | by | name_date | date | name."""

    kind: str
    author: str
    posted_raw: str
    posted_by: bool = False  # "Posted by: X" reads as a footer under the comment it signs

    def __init__(self, kind: str, author: str, posted_raw: str, posted_by: bool = False) -> None:
        # (the __init__ dataclass writes for a frozen class is plain Python even where the split
        # is compiled, and sets each field through a call of its own: ~6k instructions a header,
        # about 1% of the split; written here it is compiled, and the fields are set as that one
        # does, so the class, its equality, hash and repr are what dataclass makes)
        if _SETS_NATIVELY:
            # (compiled, the class is native and these are its fields set in place, ~40
            # instructions; object.__setattr__'s four generic calls cost ~4k a header, ~0.5% of
            # the split. The frozen class's __setattr__, which refuses them, is Python's and is
            # asked only of an assignment from Python code)
            self.kind = kind  # type: ignore[misc]
            self.author = author  # type: ignore[misc]
            self.posted_raw = posted_raw  # type: ignore[misc]
            self.posted_by = posted_by  # type: ignore[misc]
            return
        setter = object.__setattr__
        setter(self, "kind", kind)
        setter(self, "author", author)
        setter(self, "posted_raw", posted_raw)
        setter(self, "posted_by", posted_by)


def _compiled_probe() -> None:
    """Nothing: a plain function of this module's own, whose type tells whether the module runs
    compiled (a decorator on a reader could not change the answer)."""


# Whether this module runs compiled (mypyc makes its functions built-in ones, no Python functions):
# then CommentHeader's fields are set in place (see its __init__).
_SETS_NATIVELY: Final = not isinstance(_compiled_probe, types.FunctionType)


# What stands before a speech verb in a sentence, not in a header: an adverb or a pronoun ("well
# said", "as I said", "you wrote"), or a handle addressed after other words ("@jo @al well said").
_SAID_IN_A_SENTENCE: Final = re.compile(
    r"(?:^|\s)(?:well|as|just|already|never|also|once|have|has|had|who|what|i|you|he|she|they|we|it|someone|everyone|"
    r"enough|[‘’']?nuff)$|\s@\w",  # ("Enough said.", "'nuff said": the idiom)
    re.I,
)


# A count printed beside a commenter's name: a score or a tally of votes, likes or replies
# ("· 96 points", "| 12 likes", "(Score:3)", "+5 votes"), and a rank or a running number before it
# ("1 Ottavio Brandao", "#12 Jo", "5814406 quillmoth"). They count; they name nobody.
_COUNTER_AFTER: Final = re.compile(
    r"(?:\s*[·•|,\-–—]?\s*[+\-−]?\d[\d,.]*\s*k?\s+(?:points?|pts|votes?|likes?|upvotes?|"
    r"replies|reply|comments?|karma|posts?|recommends?|recommendations?)\b|\s*[·•|,\-–—]?\s*\(?score:?\s*[+\-−]?\d+\)?)+\s*[·•|,\-–—]?\s*$",
    re.I,
)
_COUNTER_AFTER_GATE: Final = LiteralGate(_COUNTER_AFTER)  # (its literals lower-cased: IGNORECASE)
_COUNTER_BEFORE: Final = re.compile(r"^(?:[+-]?#?\d[\d,.]*[.)]?\s+)+(?=[^\W\d_])|^#\d{1,6}\s+(?=\w)")  # (one or more: a score, then a rank "-1 #7 Jo"; a post's "#12" before any name, "#12 28jo")


# A commenter's home page printed after the name ("Jo Smith http://jo.example"): not part of it.
_TRAILING_URL: Final = re.compile(r"(?<=\S)\s+(?:https?://|www\.)\S+$")


# The reply's target after its author, as threads print it: "Derek P → Hannah Cole".
# A display name's handle after it ("Jo Lake @jolake"); not one a word leads to ("Pinned by @jo",
# "Replying to @jo", "via @jo": the handle is the sentence's, there is no name before it)
_HANDLE_AFTER: Final = re.compile(r"(?<=[^\s@])(?<!\bby)(?<!\bto)(?<!\bvia)(?<!\bfrom)(?<!\bwith)(?<!\band)(?<!\bcc)\s+@[\w.-]{1,30}$", re.I)
_REPLY_ARROW: Final = re.compile(r"\s*→\s*\S.*$")
# A role badge printed after a commenter's name: "Jo ✔ Verified", "Ana Moderator", "Lu Top Commenter".
_BADGE: Final = re.compile(
    r"(?:\s*[✔✓☑]\s*|\s+(?:[·•|]\s+)?)(?:verified|mod|moderator|admin|staff|author|editor|top commenter|top contributor|op|creator|"
    r"subscriber|premium member|supporter|verified reader|featured)?\s*$",
    re.I,
)


_BADGE_WORDS: Final = frozenset("verified mod moderator admin staff author editor commenter contributor subscriber member supporter reader featured op creator".split())


# A profile's button printed after the name, past a separator ("Jo Lake · Follow", "jo • Subscribe").
_PROFILE_ACTION: Final = re.compile(r"\s+[·•|]\s+(?:follow|following|unfollow|subscribe|subscribed|message|add friend|connect)$", re.I)
# A name printed with the words a widget puts round it: "Response from Jo", "Reply from Jo" (an
# owner's or a reader's answer under a review) or "Jo (offline)", "Jo is away" (a board's presence mark).
# (also an account's status in brackets, as a CMS prints it after a name: "Jo (not verified)",
# "Jo (guest)"; see ACCOUNT_STATUS)
_NAME_WRAP: Final = re.compile(rf"^(?:(?:official\s+)?(?:response|reply|answer|comment)\s+from\s+(?=\S))|\s+(?:is\s+(?:offline|online|away)|\((?:offline|online|away)\)|{ACCOUNT_STATUS})$", re.I)
_WRAP_OPENERS: Final = ("official", "response", "reply", "answer", "comment")
_WRAP_ENDS: Final = ("offline", "online", "away", "offline)", "online)", "away)", "erified)", "guest)", "istered)")


def _may_open_wrap(name: str) -> bool:
    """Whether `name` may open with _NAME_WRAP's words ("Response from"): its first 8 characters,
    lower-cased where IGNORECASE reads them as `str.lower` does, open with one of them."""
    head = name[:8]
    return not folds_like_lower(head) or head.lower().startswith(_WRAP_OPENERS)


def _may_end_wrap(name: str) -> bool:
    """Whether `name` may end in _NAME_WRAP's presence mark ("is away", "(offline)"): its last 8
    characters (before a line break, which `$` reads past), lower-cased where IGNORECASE reads
    them as `str.lower` does, end in one. The pattern's spaces before the mark are tried at each
    space of the line; most names ending in its letters end in other words."""
    tail = name[:-1][-8:] if name.endswith("\n") else name[-8:]
    return not folds_like_lower(tail) or tail.lower().endswith(_WRAP_ENDS)


# The links to a member's pages printed after the name in brackets, as a wiki signs ("Jo Lake
# (talk)", "Jo (talk · contribs)"): links, no part of the name.
_USER_LINKS: Final = re.compile(r"\s*\((?:talk|contribs|contributions|e-?mail|profile|user page|blog)(?:\s*[·•|,]\s*(?:talk|contribs|contributions|e-?mail|profile|user page|blog))*\)$", re.I)


# A gone author's mark with the account's sign after it, as a microblog prints a locked or verified
# account's name ("[deleted] 🔒", "[deleted] ✔️"): the mark is the name, the sign no part of it.
_GONE_SIGNED: Final = re.compile(r"^(\[(?:deleted|removed|deleted user|unknown)\])\s+[^\w\s]{1,3}$", re.I)


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_NAME_WITHOUT_MARKS_CACHE: Final[dict[str, str]] = line_dict()


def name_without_marks(name: str) -> str:
    """A name line without the reply target, the role badge and the profile's button printed after
    the name."""
    known = _NAME_WITHOUT_MARKS_CACHE.get(name)
    if known is None:
        known = _NAME_WITHOUT_MARKS_CACHE[name] = _name_without_marks_uncached(name)
    return known


def _name_without_marks_uncached(name: str) -> str:
    if ("·" in name or "•" in name or "|" in name) and (action := _PROFILE_ACTION.search(name)) and action.start():
        name = name[: action.start()]
    if (name[:1] in "RrAaCcOo" or name[-1:] in "eEyY)") and (_may_open_wrap(name) or _may_end_wrap(name)):
        name = _NAME_WRAP.sub("", name) or name
    if "→" in name:
        name = _REPLY_ARROW.sub("", name) or name  # "Derek → Hannah": Derek answers Hannah
    if "@" in name:
        name = _HANDLE_AFTER.sub("", name) or name  # "Jo Lake @jolake": the display name, then the handle
    if name[-1:] == ")" and (links := _USER_LINKS.search(name)) and links.start():
        name = name[: links.start()]
    if name[:1] == "[" and name[2:4] == "] " and name[1] in "-–+":
        name = name[4:]  # ("[-] jo": the thread's fold toggle before the name)
    if name[:1] == "[" and (gone := _GONE_SIGNED.match(name)):
        return gone[1]
    if name[-1:] in "✔✓☑" or " " in name and name.rsplit(None, 1)[-1].lower() in _BADGE_WORDS:
        cut = _BADGE.sub("", name)
        name = cut if cut and cut != name else name
    return name


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_CUT_COUNTERS_CACHE: Final[dict[str, str]] = line_dict()


def cut_counters(name: str) -> str:
    """A header's name without the scores, tallies and ranks printed beside it (see _COUNTER_AFTER),
    nor the home page after it.

    A line that is a feed entry's tally ("12 Responses", "T.C. Smith 47 comments") is left whole,
    for _name_ok to turn away.
    """
    known = _CUT_COUNTERS_CACHE.get(name)
    if known is None:
        known = _CUT_COUNTERS_CACHE[name] = _cut_counters_uncached(name)
    return known


def _cut_counters_uncached(name: str) -> str:
    if "://" in name or "www." in name:
        name = _TRAILING_URL.sub("", name)
    name = name_without_marks(name)
    if not has_digit(name):
        return name
    # (both searches are tried at every position of the name: asked only where the name, lower-cased,
    # holds one of the literals one of which every match of the pattern holds, read from it by its
    # gate; most names with a digit hold none. A dotless i, a long s or a dotted I: the patterns say.)
    twin = folds_like_lower(name)
    low = name.lower() if twin else name
    if (not twin or _may_name_a_feed(low)) and _FEED_WORDS.search(name):
        return name
    after = _COUNTER_AFTER.sub("", name) if not twin or _COUNTER_AFTER_GATE.admits_lower(low) else name
    out = _COUNTER_BEFORE.sub("", after).strip()
    # (a badge the score stood after: "jo mod 14 points")
    return name_without_marks(out) if out and out != name else out


# The case-insensitive checks of a name, and their lower twins (see lower_twin). The three whole-name
# forms are matched behind their letter gates (LetterGate: a name opening with a letter none of their
# forms opens with there is refused on its first characters; sre tried their words one by one).
_FEED_WORDS_LOW: Final = lower_twin(_FEED_WORDS)
_NOT_A_NAME_LOW: Final = LetterGate(lower_twin(NOT_A_NAME))
_NAV_LABEL_LOW: Final = LetterGate(lower_twin(NAV_LABEL))
_NAV_PREFIX_LOW: Final = LetterGate(lower_twin(NAV_PREFIX))


# A weekday's short form alone, as a time stamp prints it over a clock ("Fri 9:05 PM"): no reader's
# name. (A whole weekday may be a reader's handle, "tuesday".)
_WEEKDAY_ALONE: Final = re.compile(r"(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun|MON|TUES?|WED|THU(?:RS?)?|FRI|SAT|SUN)\.?,?$")
_WEEKDAY_CHARS: Final = 8  # (the longest it matches, "Thurs.,", and a line break `$` reads past)


# Quotation marks that open and close a quotation (straight, curly, guillemets).
_QUOTES_OPEN: Final = frozenset("'\"‘“«„")
_QUOTES_CLOSE: Final = frozenset("'\"’”»")


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_NAME_OK_CACHE: Final[dict[str, bool]] = line_dict()


def _name_ok(name: str) -> bool:
    """Whether a header's author part reads as a person's name or handle (cached: names recur)."""
    known = _NAME_OK_CACHE.get(name)
    if known is None:
        known = _NAME_OK_CACHE[name] = _name_ok_uncached(name)
    return known


def _may_name_a_feed(low: str) -> bool:
    """Whether a lower-cased name (of a name that folds like lower) holds one of the literals one of
    which every _FEED_WORDS match holds, read from the pattern by its gate (most names hold none,
    and skip the pattern, which is tried at every word start of the name)."""
    return _FEED_WORDS_GATE.admits_lower(low)


def _name_ok_uncached(name: str) -> bool:
    if name[:1] == "[" and GONE_AUTHOR.match(name):
        return True
    if not name or len(name) > 60 or not NAME_LIKE.match(name) or not HAS_LETTER.search(name):
        return False  # ("5, 2012": a date's tail names nobody)
    if name[0] in _QUOTES_OPEN and name[-1] in _QUOTES_CLOSE and len(name) > 2:
        return False  # "'Like clockwork'": words in quotation marks are a quotation (a reply quoting), no name
    if len(name) <= _WEEKDAY_CHARS and _WEEKDAY_ALONE.match(name):
        return False  # "Fri 9:05 PM": a weekday over a clock is a date, not a reader called "Fri"
    if ": " in name and "(" not in name:
        return False  # "Pumped: BMX coming" is a headline
    if name[:5].lower() == "from " or name[:4].lower() == "via ":
        return False  # "3 hours ago from Tweet Button": a shared post's source or app, not a commenter
    if ("://" in name or "www." in name) and not _TRAILING_URL.search(name):
        return False  # "By @jo http://t.co/x via @news": a shared link's credit, not a commenter
    twin = folds_like_lower(name)
    t = name.lower() if twin else name
    if (_may_name_a_feed(t) and _FEED_WORDS_LOW.search(t) is not None) if twin else _FEED_WORDS.search(t) is not None:
        return False  # "T.C. Smith 47 comments", "Tracked on": an entry of a feed, not a commenter
    if name.count(" ") >= MAX_NAME_WORDS:
        return False
    if (
        (_NOT_A_NAME_LOW.match(t) or _NAV_LABEL_LOW.match(t) or _NAV_PREFIX_LOW.match(t))
        if twin
        else (NOT_A_NAME.match(t) or NAV_LABEL.match(t) or NAV_PREFIX.match(t))
    ):
        return False
    if t[:1] in "lLpPaA" and COMMENT_FORM_LOW.match(t.lower()):
        return False  # "Published on May 3 - Leave a Comment": the form's link beside a dateline, no name
    return not ends_sentence(name) or name.endswith((".", ")")) and len(name) < 30


# What a comment section prints for an author whose account is gone: still a comment's header.
GONE_AUTHOR: Final = re.compile(r"^\[(?:deleted|removed|deleted user|unknown)\]$", re.I)


# An avatar drawn as the reader's initials prints them on a line of their own over the name
# ("JD" over "Jonas Dubois", "P" over "PostWatcher · 2d"): at most this many letters.
INITIALS_CHARS: Final = 3
# (a name's words: letters parted by spaces, dots, underscores, digits, or a capital after small
# letters: "Agent_Lumen", "Harbour4Leeds", "PostWatcher")
_NAME_PARTS: Final = re.compile(r"[A-Z]+(?![a-z])|[^\W\d_][^\W\d_A-Z]*")
_LETTER_RUNS: Final = re.compile(r"[^\W\d_]+")


def is_initials_of(s: str, name: str) -> bool:
    """Whether line `s` is the initials of `name` as an avatar prints them: capitals only, the
    first letters of the name's words ("JD" for "Jonas Dubois", "AL" for "Agent_Lumen") or the
    first letters of a one-word handle ("T", "TW" for "tweetwatch"). A reader's one-letter comment
    is not set over its author's name; "?" stands for a reader with no name to draw."""
    s = s.strip()
    if s == "?":
        return True
    if not (0 < len(s) <= INITIALS_CHARS and s.isalpha() and s.isupper()):
        return False
    words = _NAME_PARTS.findall(name)
    if not words:
        return False
    firsts = "".join(w[0] for w in words).upper()
    # (widgets part a handle at its marks only, "MoX_GL0W" as "MG", or at its capitals too, "MXGLW")
    marks = "".join(w[0] for w in _LETTER_RUNS.findall(name)).upper()
    letters = "".join(ch for ch in name if ch.isalpha()).upper()
    return firsts.startswith(s) or marks.startswith(s) or letters.startswith(s)


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_LOOKS_LIKE_NAME_CACHE: Final[dict[str, bool]] = line_dict()


def looks_like_name(core: str) -> bool:
    """A short line that could be only a person's name or handle (e.g. a Disqus author line)."""
    known = _LOOKS_LIKE_NAME_CACHE.get(core)
    if known is None:
        known = _LOOKS_LIKE_NAME_CACHE[core] = _looks_like_name_uncached(core)
    return known


def _looks_like_name_uncached(core: str) -> bool:
    if not core or len(core) > MAX_HEADER_CHARS:
        return False
    if "→" in core or " " in core or core[-1:] in "✔✓☑":
        core = name_without_marks(core)  # ("[deleted] → Jo", "Ana ✔ Verified": the name is before the marks)
    if len(core) > 50:
        return False
    if core[0] == "[" and GONE_AUTHOR.match(core):
        return True
    # (chrome, furniture, a comment section's or form's heading; the lower twin is faster, see lower_twin)
    if not_a_name_line(core) or is_named_pick(core):
        return False
    if core[-1] in ",;" or not HAS_LETTER.search(core) or is_avatar_alt(core):
        return False  # "Frank," opens a letter; "–" or "*" is decoration
    if unicodedata.category(core[0])[0] == "S":
        return False  # "↑ Back to top", "→ More stories", "© 2012": an arrow or a sign opens a link, not a name
    return _name_ok(core) and core.count(" ") < 5 and NOT_IN_BARE_NAME.search(core) is None


_BY_STARTS: Final = ("by ", "by:", "posted by", "post by", "written by", "comment by", "submitted by", "reply by", "response by", "answered by", "asked by")


def _has_header_word(low: str) -> bool:
    # an explicit `or` chain: this runs on every short line, a generator costs 3x more. Words that
    # share a fragment are asked behind it ("wr", and "by", which every _BY_STARTS holds): most
    # lines hold none of the words, and one scan for the fragment turns them away instead of two
    # or twelve (the verdict is the same)
    return (
        "sa" in low
        and ("says" in low or "said" in low)
        or "wr" in low
        and ("wrote" in low or "writes" in low)
        or "by" in low
        and (low.startswith(_BY_STARTS) or " by " in low)
        or "ed" in low  # (the three verbs' shared ending: one scan turns away the lines with none)
        and ("commented" in low or "replied" in low or "answered" in low)
        or "ago" in low
        # (every FOREIGN_SAYS_ENDS ends in ":": one comparison turns away the lines that end otherwise
        # before the 36 suffixes are tried)
        or low[-1:] == ":" and low.endswith(FOREIGN_SAYS_ENDS)
    )


# Necessary parts of any TIMESTAMP_RE match, cheap to look for: a digit by a separator or am/pm, a
# month name, a relative word. Lines without one skip the big pattern (most digit lines: counts,
# prices, years alone).
_DIGIT_STAMP: Final = re.compile(r"\d(?:\s*[:/.\-]\s*\d|\s*[apAP]\.?[mM])")
_MONTH_HINT: Final = re.compile("jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")


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


def _find_stamp(s: str, low: str, twin: bool) -> re.Match | None:
    """TIMESTAMP_RE.search(s), on the faster lower twin when `twin` (s folds like lower; `low` is
    s lower-cased). Only the match's span is to be read: its text may be lower-cased."""
    return TIMESTAMP_RE_LOW.search(low) if twin else TIMESTAMP_RE.search(s)


def _stamp_in(s: str, low: str, twin: bool) -> re.Match | None:
    """_find_stamp behind the cheap _may_hold_stamp check. A stamp the lower twin finds always
    passes that check, so with the twin the check would only cost time and is skipped."""
    return _find_stamp(s, low, twin) if twin or _may_hold_stamp(s, low) else None


def _stamp_after_joiners(rest: str, twin: bool) -> re.Match | None:
    """_stamp_in(rest, rest.lower(), twin) where only joiners stand before the stamp it finds (the
    text after a header's stamp: a relative age after a full date is the stamp's), else None.

    On the lower twin the stamp is matched at each position in turn up to the first character that
    is no joiner: the first match found is the search's (a search gives the match at the first
    position where one opens, read in the same text, the characters before it looked behind at),
    and a stamp opening further on has that character before it. The search read every position
    of a text with no stamp after its joiners (most), ~11k instructions a text."""
    if not twin:
        m = _stamp_in(rest, rest.lower(), twin)
        return m if m is not None and not strip_joiners(rest[: m.start()]) else None
    low = rest.lower()
    first = len(low) - len(low.lstrip(JOINER_CHARS))
    for p in range(first + 1):
        # (a joiner before the first other character is matched at only where a stamp may open
        # with it, STAMP_OPENING_JOINERS, read from the pattern: the match at any other needs its
        # opening look-ahead there, and fails; a match is a call of ~1.5k instructions)
        if p < first and low[p] not in STAMP_OPENING_JOINERS:
            continue
        m = TIMESTAMP_RE_LOW.match(low, p)
        if m is not None:
            return m
    return None


# Last characters of any TRAILING_META match (besides "|"), lower-cased: ")" of "(#12)", a digit of
# "#12", and the last letters of permalink, link, reply, journal and edit.
_META_LAST: Final = frozenset(")ktly")


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_CUT_TRAILING_META_CACHE: Final[dict[str, str]] = line_dict()


def _cut_trailing_meta(s: str) -> str:
    """`s` without a trailing "(#12)", "permalink" or "| reply ..." (TRAILING_META.sub("", s), faster)."""
    known = _CUT_TRAILING_META_CACHE.get(s)
    if known is None:
        known = _CUT_TRAILING_META_CACHE[s] = _cut_trailing_meta_uncached(s)
    return known


def _cut_trailing_meta_uncached(s: str) -> str:
    if folds_like_lower(s):
        last = s.rstrip()[-1:].lower()
        if "|" not in s and last not in _META_LAST and not last.isdecimal():
            return s  # (most lines: the pattern cannot match, no need to run it)
        m = TRAILING_META_LOW.search(s.lower())
    else:
        m = TRAILING_META.search(s)
    # (a match runs to the end of the text, so there is at most one)
    return s if m is None else s[: m.start()] + s[m.end() :]


# Last characters of any non-blank _BY_TAIL match, lower-cased: ")" of "(1234)", ">" of "<mail>",
# "*", and the end of "writes", "says" or "wrote" (":" after one of them).
_BY_TAIL_LAST: Final = frozenset(")>*:se")


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_CUT_BY_TAIL_CACHE: Final[dict[str, str]] = line_dict()


def _cut_by_tail(author: str) -> str:
    """_BY_TAIL.sub("", author).strip(), without the pattern where it can only cut blanks."""
    known = _CUT_BY_TAIL_CACHE.get(author)
    if known is None:
        known = _CUT_BY_TAIL_CACHE[author] = _cut_by_tail_uncached(author)
    return known


def _cut_by_tail_uncached(author: str) -> str:
    if folds_like_lower(author) and author.rstrip()[-1:].lower() not in _BY_TAIL_LAST:
        return author.strip()
    return _BY_TAIL.sub("", author).strip()


# BY_AUTHOR up to its author, and the last characters (lower-cased) of anything it allows after the
# author: ")" of "(1234)", ">" of "<mail>", "*", and the end of "writes:" or "says".
# "Posted by Jo", "Answered by Jo": a byline that signs the words above it (see CommentHeader.posted_by)
_SIGNS_BELOW: Final = ("poste", "answe")
_BY_PREFIX: Final = re.compile(rf"^(?:(?:comment|posted|post|written|submitted|reply|response|answered|asked){POST_NUMBER_BEFORE_BY}\s+)?by:?\s+", re.I)
_BY_AUTHOR_TAIL_LAST: Final = frozenset(")>*:s")


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_BY_AUTHOR_CACHE: Final[dict[str, str | None]] = line_dict()


def _by_author(residue: str) -> str | None:
    """BY_AUTHOR.match(residue)["author"], or None where it does not match.

    BY_AUTHOR finds the shortest author that the allowed tail ("(1234)", "<mail>", "writes:")
    completes up to the end. When the residue ends in no character a tail can end in, the tail is
    empty and the author is all the rest, up to 61 characters: no need for the (slow) lazy pattern.
    """
    cache = _BY_AUTHOR_CACHE
    if residue in cache:
        return cache[residue]
    found = cache[residue] = _by_author_uncached(residue)
    return found


def _by_author_uncached(residue: str) -> str | None:
    if folds_like_lower(residue) and "\n" not in residue and residue.rstrip()[-1:].lower() not in _BY_AUTHOR_TAIL_LAST:
        m = _BY_PREFIX.match(residue)
        if m is None:
            return None
        author = residue[m.end() :]
        return author if 0 < len(author) <= 61 else None
    by = BY_AUTHOR.match(residue)
    return by["author"] if by else None


# (the says-words, read from SAYS_WORD by its gate: most residues of a worded line hold none, a "by"
# or an "ago" line's, and skip the search, which opens on a word boundary tried at every position)
_SAYS_WORD_GATE: Final = LiteralGate(SAYS_WORD)


def _says_match(residue: str, foreign: bool = False) -> re.Match | None:
    """SAYS.match(residue) when the residue holds a says-word; spans only (the text may be lower-cased)."""
    if folds_like_lower(residue):
        low = residue.lower()
        m = SAYS_LOW.match(low) if _SAYS_WORD_GATE.admits_lower(low) and SAYS_WORD_LOW.search(low) else None
    else:
        m = SAYS.match(residue) if SAYS_WORD.search(residue) else None
    if m is None and foreign:
        return FOREIGN_SAYS.match(residue)  # ("Ana dice:", "Jo sagt:": a says-header in another language)
    return m


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_EDGE_TEXT_CACHE: Final[dict[str, str]] = line_dict()


def _edge_text(part: str) -> str:
    known = _EDGE_TEXT_CACHE.get(part)
    if known is None:
        known = _EDGE_TEXT_CACHE[part] = _edge_text_uncached(part)
    return known


def _edge_text_uncached(part: str) -> str:
    return strip_joiners(_cut_posted_words(strip_joiners(part)))


# POSTED_WORDS' lower twin behind its letter gate (see LetterGate): the pattern opens the text ("^"),
# and most texts it is asked of open with a name, on letters none of its words opens with there.
_POSTED_WORDS_GATE: Final = LetterGate(lower_twin(POSTED_WORDS))


def _cut_posted_words(s: str) -> str:
    """POSTED_WORDS.sub("", s): the same text, the pattern asked only where its gate does not refuse
    the text's opening (a text with a dotless i, a long s or a dotted I is left to the pattern)."""
    if folds_like_lower(s) and gate_refuses(_POSTED_WORDS_GATE, s):
        return s
    return POSTED_WORDS.sub("", s)


def reads_as_byline(core: str) -> bool:
    """Whether a line's core is a "by" header ("By Jo | 27 March 2016", "Posted by Jo")."""
    h = read_header(core)
    return h is not None and h.kind == "by"


# A compact age as comment widgets print it ("2h", "3d", "1mo", "5 yr"), alone on its line or after
# the name and a separator ("Jo · 2h"): with no separator, "3D" or "5m" are words of a sentence.
# A compact age ("2h", "3 d", "1mo."): a count and a unit letter or two, how widgets shorten "ago".
_AGE_UNIT: Final = r"(?:mos?|yrs?|y|wks?|w|d|hrs?|h|mins?|m|s)"
_AGE: Final = rf"\d{{1,3}}\s?{_AGE_UNIT}\.?"
# A name, a score with its word and a compact age ("jo 14 points 2d", "Ann · 3 votes · 5h").
_SCORED_AGE: Final = re.compile(rf"^(?P<name>[^\s·•|].{{0,59}}?)\s*[·•|]?\s+[+\-−]?\d[\d,.]*k?\s+(?:points?|pts|votes?|likes?)\s*[·•|]?\s+(?P<age>{_AGE})$", re.I)
_SCORED_AGE_GATE: Final = LiteralGate(_SCORED_AGE)
_COMPACT_AGE: Final = re.compile(rf"^(?:(?P<name>.{{1,60}}?)\s*[·•|–—]\s*)?(?P<age>{_AGE})$", re.I)


def _may_score(core: str, low: str) -> bool:
    """Whether `core` may hold _SCORED_AGE's score word: where IGNORECASE reads the line as
    `str.lower` does (`low`), one of the literals every match holds lower-cased (read from the
    pattern by its gate: "point", "pts", "vote", "like"). The pattern's lazy name is tried at every length before the score is looked
    for: most dated lines cost ~20x this test there."""
    if not folds_like_lower(core):
        return True  # (a dotless i or a long s: the pattern alone says)
    return _SCORED_AGE_GATE.admits_lower(low)


# A compact age after the widget's verb and no name ("Posted 7h", "Reviewed 3d"): a date line.
_POSTED_AGE: Final = re.compile(rf"^(?:posted|reviewed|updated|answered|asked|commented|replied)\s+(?P<age>{_AGE})$", re.I)
_AGE_LAST: Final = frozenset("mMsShHdDwWyYoOrR.")  # (the last characters of any _COMPACT_AGE match)
# (the first letters of _POSTED_AGE's verbs in every form IGNORECASE reads, read from it)
_POSTED_FIRST: Final = edge_characters(_POSTED_AGE, False)
_SEGMENT_JOINER: Final = re.compile(r"\s+[•·|]\s+")
# Where a compact age can end in a line: at its end, or where _cut_trailing_chrome may cut it (before a
# _SEGMENT_JOINER). Same units and flags as _COMPACT_AGE, so it finds one wherever that pattern could.
_AGE_BEFORE_CUT: Final = re.compile(rf"\d\s?{_AGE_UNIT}\.?(?:$|\s+[•·|]\s+)", re.I)
_AGE_BEFORE_CUT_LOW: Final = lower_twin(_AGE_BEFORE_CUT)


def _cut_trailing_chrome(s: str) -> str:
    """`s` without the widget's chrome printed after a header's stamp ("• 👍 54", "· 59 likes",
    "| Like (31)"): the segments after the last joiner that are chrome, each read alone."""
    from replyscope.split.chrome import is_chrome  # noqa: PLC0415  (chrome reads body, which reads headers)

    parts = _SEGMENT_JOINER.split(s)
    while len(parts) > 1 and is_chrome(parts[-1].strip()):
        parts.pop()
    return " • ".join(parts) if len(parts) > 1 else parts[0]


def _bare_digits(name: str) -> str:
    """A header's name part as a handle of digits would stand alone: without the badge after it
    ("4830962 ♦") nor, after a name of digits, its handle and the account's sign ("4830962 🔒
    @4830962"). Other names are left as they are."""
    if not name[:1].isdigit():
        return name
    if "@" in name:
        name = _HANDLE_AFTER.sub("", name) or name
    return without_badges(name) if not name[-1:].isdigit() else name


def _compact_age(core: str, low: str, twin: bool) -> CommentHeader | None:
    """The compact age a header line ends in, after a joiner or alone ("Jo · 3d", "2h"), or None
    (`low`: the line lower-cased; `twin`: whether the lower twins may read it, see lower_twin)."""
    if (_AGE_BEFORE_CUT_LOW.search(low) if twin else _AGE_BEFORE_CUT.search(core)) is None:
        # no age where one could end, before or after the chrome is cut: the patterns below would
        # find none (most dated lines, "Jo | March 3, 2014 6:05 pm | Reply": the cut and the lazy
        # name pattern are the dear part, ~100k instructions a line)
        return None
    m = _COMPACT_AGE.match(core) or _COMPACT_AGE.match(_cut_trailing_chrome(core))
    if m is None:
        return None
    name = strip_joiners(m["name"] or "")
    if name[:1].isdigit() and is_numeric_handle(_bare_digits(name)):
        return CommentHeader("name_date", digit_handle(_bare_digits(name)), m["age"])  # "3917460 · 1d": a handle of digits, as beside a date
    if not name or chrome_row(name):
        # (an age at the end of a row of actions, "Like · Reply · 4 · 3y", dates the comment over it)
        return CommentHeader("date", "", m["age"])
    name = cut_counters(name)
    if name[:1] in _BY_LABEL_FIRST and _POSTED_BY.match(name):
        # "Answered by Jo · 3d", "by Jo · 2h": the by-format with an age
        author = _cut_by_tail(_BY_PREFIX.sub("", name))
        return CommentHeader("by", author, m["age"], posted_by=name[:5].lower() in _SIGNS_BELOW) if _name_ok(author) else None
    return CommentHeader("name_date", name, m["age"]) if _name_ok(name) else None


# The links of a thread's own navigation (to the comment answered, the thread's root, the comment
# before or after) and its fold toggle, as printed after a header's stamp.
_NAV_WORDS: Final = r"parent|root|next|prev|previous|context"
_FOLD_TOGGLE: Final = r"\[[–—\-+]\]"
# A thread's links and fold toggle printed after a header's stamp: "jo 3 hours ago | parent | next [–]",
# "jo 5h [-]". They move about the thread; they are no part of the name or the date.
_THREAD_LINKS: Final = re.compile(
    rf"(?:\s*[|·•]\s*(?:{_NAV_WORDS}|permalink|link|flag|hide|vouch|favou?rite|edit|delete|collapse|expand))+"
    rf"\s*(?:{_FOLD_TOGGLE})?\s*$|\s*{_FOLD_TOGGLE}\s*$",
    re.I,
)
_NAME_SPACE_AGE: Final = re.compile(rf"^(?P<name>\S.{{0,59}}?)\s+(?P<age>{_AGE})$", re.I)
_SAID_AGE: Final = re.compile(
    r"^(?P<name>\S.{0,59}?)\s+(?:answered|commented|replied|wrote|said|posted)\s+(?P<age>\d{1,3}\s?(?:mos?|yrs?|y|wks?|w|d|hrs?|h|mins?|m))$", re.I
)
_SAID_AGE_GATE: Final = LiteralGate(_SAID_AGE)
# (_SAID_AGE's age ends at most this many characters from its last digit on: "5 mins")
_SAID_AGE_TAIL: Final = 6


def _may_say_an_age(core: str, low: str) -> bool:
    """Whether line `core` (`low`: it lower-cased) holds one of _SAID_AGE's verbs (the literals its
    gate reads from it, asked behind the fragment most of them share, "ed"): most worded lines
    with a compact age hold none ("3 days ago", "by Jo 2h") and skip the pattern, whose lazy name
    is tried at every length. A line with a character IGNORECASE reads as "s" or "i" where
    str.lower does not (see folds_like_lower) is left to the pattern."""
    return not folds_like_lower(core) or _SAID_AGE_GATE.admits_lower(low)


def _digit_near_end(core: str, tail: int) -> bool:
    """Whether one of the last `tail` characters of `core` is a digit (`isdigit`, which says yes to
    every digit `\\d` reads)."""
    for ch in core[-tail:]:
        if ch.isdigit():
            return True
    return False


_MONTH_SHORT_YEAR: Final = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.? '\d\d$", re.I)
# An edited marker after a header's stamp ("jo 20h (edited)", "1mo (edited)"): widgets print it after
# the age they stamp a comment with, so it says the "20h" before it is an age, as a thread link does.
_EDITED_AFTER: Final = re.compile(r"\s*\(edited\)$|\s+[·•|]\s+edited$", re.I)  # ("jo 20h (edited)", "jo commented 5h • edited")
_EDITED_ENDINGS: Final = match_endings(_EDITED_AFTER)  # (read from the pattern, lower-cased)
_EDITED_TAIL: Final = max(len(w) for w in _EDITED_ENDINGS)
# A time zone in brackets after a stamp ("14:02, 3 March 2024 (UTC)", "2024-03-03 02:14 pm (UTC)"):
# the stamp's, never a name. (After a digit, a clock's am / pm or a period, so a name ending in
# capitals is left alone; a zone with no brackets, "9:14 PM EDT", the stamp reads as its own.)
_ZONE_TAIL: Final = re.compile(r"(?<=[\dMm.])\s*\((?:UTC|GMT|[ECMP][SD]T|CES?T|BST)(?:[+-]\d{1,2})?\)$")
_ZONE_FIRST: Final = frozenset("UGECMPB")  # (the first letters of _ZONE_TAIL's zones)
_ZONE_CHARS: Final = 9  # (its bracket and what it holds at most: "(CEST+12)")


def _may_end_in_zone(core: str) -> bool:
    """Whether `core`, ending in ")", may end in _ZONE_TAIL's zone: its last "(" (a zone holds no
    bracket) is at most _ZONE_CHARS from the end, before a zone's first letter. Most lines ending
    in a bracket end in a count or a word."""
    k = core.rfind("(")
    return k >= 0 and k >= len(core) - _ZONE_CHARS and core[k + 1 : k + 2] in _ZONE_FIRST
# A reader's role printed after a header's stamp, at the row's right end ("jo commented 3 days ago
# Member", "Ann · 2h · Owner"): the site's mark, not part of the stamp or the name. (Not after "by":
# "Posted 2 days ago by Author" is a byline.)
_ROLE_AFTER: Final = re.compile(
    r"(?<!\bby)\s+(?:[·•|]\s+)?(?:member|owner|collaborator|contributor|maintainer|author|moderator|mod|admin|staff|op)$", re.I
)
_ROLE_LAST: Final = edge_characters(_ROLE_AFTER, True)  # (read from the pattern, both cases)
# _ROLE_AFTER's words, lower-cased, read from it: a line it matches ends in one of them.
_ROLE_WORDS: Final = match_endings(_ROLE_AFTER)
_ROLE_TAIL: Final = max(len(w) for w in _ROLE_WORDS)


def _may_end_in_role(core: str) -> bool:
    """Whether `core` may end in a role word (_ROLE_AFTER): its last _ROLE_TAIL characters, lower-cased
    where IGNORECASE reads them as `str.lower` does, end in one of _ROLE_WORDS. The pattern's
    spaces and joiner are tried at every space of the line; most lines ending in its letters
    end in other words."""
    tail = core[-_ROLE_TAIL:]
    return not folds_like_lower(tail) or tail.lower().endswith(_ROLE_WORDS)


def _may_end_edited(core: str) -> bool:
    """Whether `core` may end in an edited marker (_EDITED_AFTER): its last characters, lower-cased
    where IGNORECASE reads them as `str.lower` does, end in one of the pattern's endings ("edited",
    "(edited)", read from it)."""
    tail = core[-_EDITED_TAIL:]
    return not folds_like_lower(tail) or tail.lower().endswith(_EDITED_ENDINGS)
# A header's verb with no name before it ("commented 3 days ago", "replied on Mar 3, 2024"): the
# name is the line over it, the line a date.
_VERB_ONLY: Final = re.compile(r"^(?:commented|replied|responded|wrote|posted|answered|said)\s+(?=\S)", re.I)
# The second letters of _VERB_ONLY's verbs in either case (none has another character IGNORECASE
# reads as it): most lines opening with one of their first letters fail here, before the pattern.
_VERB_SECOND: Final = frozenset("oOeErRnNaA")
_VERB_FIRST: Final = edge_characters(_VERB_ONLY, False)  # (its verbs' first letters in every form IGNORECASE reads, read from it)
# (its verbs' openings, read from it: "Continue", "Read more" or "Safety" open with two letters a
# verb opens with, and most lines those let through are refused by the next four; see opening_refuses)
_VERB_ONLY_GATE: Final = LetterGate(lower_twin(_VERB_ONLY))
_THREAD_LINK_LAST: Final = frozenset("]tvxkgedEeTVXKGD")  # (the last characters of any _THREAD_LINKS match)
# The navigation links alone (not _THREAD_LINKS' actions, which other widgets print too), or the
# fold toggle ("| parent | next [–]", "[-]"): a thread prints them on its comments' headers and
# nowhere else, no byline or listing carries them.
_NAV_LINKS: Final = re.compile(rf"\|\s*(?:{_NAV_WORDS})\b|{_FOLD_TOGGLE}\s*$", re.I)


def has_thread_links(line: str) -> bool:
    """Whether a header line carries its thread's navigation links ("jo 3h | parent | next [–]")."""
    return ("|" in line or "[" in line) and _NAV_LINKS.search(line) is not None


# A message's labelled header field, as mail archives, old boards and exports print them one a
# line ("From: Jo Lake <jo@example.org>", "Author: jo", "Date: Tue, 03 Mar 2020 21:14:05 +0000").
# ("Posted by: Jo at DATE" is no field: the by-format, read as such, signs the words above it)
# (a guestbook's and a form's entries label the name "Name:" or "Your name:")
# (and its date "Signed:", "Added:", "Posted:" or "Time:": a label, never a reader called "Signed")
_FIELD: Final = re.compile(r"^(?P<label>from|author|poster|sender|name|your name|date|sent|signed|added|posted|time)\s*:\s+(?P<value>\S.*)$", re.I)
_FIELD_FIRST: Final = edge_characters(_FIELD, False)  # (the labels' first letters in every form IGNORECASE reads, read from it)
_NAME_FIELDS: Final = frozenset({"from", "author", "poster", "sender", "name", "your name"})
# A mail address beside the name it belongs to: "<jo@example.org>", "<jo at example.org>", or the
# address first with the name in brackets ("jo@example.org (Jo Lake)").
_ANGLE_ADDRESS: Final = re.compile(r"\s*<[^<>\s]+(?:@|\s+at\s+)[^<>\s]+>\s*$")
_ADDRESS_THEN_NAME: Final = re.compile(r"^[^\s@()]+@[^\s@()]+\s+\((?P<name>[^()]+)\)$")
# A time zone's offset after a mail date ("+0000", "-0500 (EST)"): the stamp ends before it.
_ZONE_AFTER: Final = re.compile(r"\s+[+-]\d{4}(?:\s+\([A-Z]{2,5}\))?$|\s+(?:GMT|UTC)$")


# Any labelled field line of a message's header block ("Subject: Re: ...", "To: ...", "Message-ID:
# ..."): a short label of one or two words, a colon, a value.
# (some print a space before the colon: "Date : ...")
# (or a field left empty: "Location:" alone)
_FIELD_LINE: Final = re.compile(r"^[A-Z][A-Za-z]*(?:[- ][A-Za-z]+)? ?:(?:\s+\S|$)")
# A field that holds the entry's words, not its header ("Comment: ...", "Message : ..."): it ends
# the header block.
_WORDS_FIELD: Final = re.compile(r"^(?:comments?|message|entry|text|post)\s?:", re.I)
FIELD_LABEL_CHARS: Final = 16


def is_field_header(core: str) -> bool:
    """Whether a line is a labelled "From:" / "Date:" header field (see _field_header)."""
    return core[:1] in _FIELD_FIRST and _FIELD.match(core) is not None


def is_field_line(core: str) -> bool:
    """Whether a line is shaped as a field of a message's header block ("Subject: ..."); only
    read next to a labelled header field, where a reader's sentence does not sit."""
    return ":" in core[: FIELD_LABEL_CHARS + 1] and _FIELD_LINE.match(core) is not None and _WORDS_FIELD.match(core) is None


def opens_words_field(core: str) -> bool:
    """Whether a line opens with a words field's label ("Comment: ...", "Message :")."""
    return _WORDS_FIELD.match(core) is not None


def is_words_label(core: str) -> bool:
    """Whether a line is a words field's label alone ("Comment:", "Message :") over the words: the
    header block's last line."""
    return len(core) <= FIELD_LABEL_CHARS and core.endswith(":") and _WORDS_FIELD.match(core) is not None


def _field_header(core: str) -> CommentHeader | None:
    """A labelled header field: "From:" (or "Author:", "Sender:") and a name, maybe with its mail
    address, heads its message as a "by" line does; "Date:" (or "Sent:") and a stamp dates it."""
    m = _FIELD.match(core)
    if m is None:
        return None
    label, value = m["label"].lower(), m["value"].strip()
    if label in _NAME_FIELDS:
        named = _ADDRESS_THEN_NAME.match(value)
        name = named["name"].strip() if named else _ANGLE_ADDRESS.sub("", value).strip().strip('"')
        if _NUMERIC_HANDLE.match(name):
            return CommentHeader("by", digit_handle(name), "")  # ("From: 3917460 <...>": a handle of digits)
        if "@" in name or not _name_ok(name):
            return None
        return CommentHeader("by", name, "")
    h = read_header(_ZONE_AFTER.sub("", value))
    return CommentHeader("date", "", h.posted_raw) if h is not None and h.kind == "date" else None


# A signature under a reader's words: a dash (or a tilde) then the name, maybe the reader's town
# after a comma or in brackets, maybe the date or age after a last comma ("— Jo Lake, Leeds",
# "~ jo (Cork), 3d", "– Jo Lake, 2 days ago"). It signs the words above it.
_SIGN_DASH: Final = re.compile(r"^(?:—|–|--?|~)\s*(?=\w|\[)")
# (the characters a signature opens with: a line's core loses them, read as a bullet, so the
# signature is read on the line as printed)
SIGN_FIRST: Final = frozenset("—–-~")
_PLACE_AFTER: Final = re.compile(r"\s*\([^()]{1,40}\)$|,\s*[^,]{1,40}$")


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_READ_SIGNATURE_CACHE: Final[dict[str, CommentHeader | None]] = line_dict()


def read_signature(text: str) -> CommentHeader | None:
    """The signature a whole line spells ("— Jo Lake, Leeds", "- jo (Cork), 3d"), or None."""
    cache = _READ_SIGNATURE_CACHE
    if text in cache:
        return cache[text]
    found = cache[text] = _read_signature_uncached(text)
    return found


def _read_signature_uncached(text: str) -> CommentHeader | None:
    return _signature(text) if len(text) <= MAX_HEADER_CHARS else None


def _signature(core: str) -> CommentHeader | None:
    m = _SIGN_DASH.match(core)
    if m is None:
        return None
    rest, stamp = core[m.end() :].strip(), ""
    if "," in rest:
        head, tail = rest.rsplit(",", 1)
        h = read_header(tail.strip())
        if h is not None and h.kind == "date" and head.strip():
            rest, stamp = head.strip(), h.posted_raw
    name = rest
    if name[-1:] == ")" or "," in name:
        name = _PLACE_AFTER.sub("", name).strip() or name
    if _NUMERIC_HANDLE.match(name):
        return CommentHeader("by", digit_handle(name), stamp, posted_by=True)  # ("– 3917460, Leeds": a handle of digits)
    if read_header(name) is not None:
        return None  # ("— 3 days ago": a date, no name)
    cut = cut_counters(name)
    if not name.startswith(cut):
        return None  # ("- 2014 was a good year": a number opening words, no name)
    name = cut
    if not _name_ok(name) or ends_sentence(name) or name.count(" ") >= 4 or name[-1] in SIGN_FIRST:
        return None
    return CommentHeader("by", name, stamp, posted_by=True)  # (a byline under the words: "by" as "Posted by Jo" is)


def _no_early_form(core: str) -> bool:
    """Whether none of the readings _read_header_uncached makes before its digit and header-word
    test can read `core`, a line with no ASCII digit (not empty), whatever the test then says: a
    line with no digit and no header word is then no header, and leaves before them (most lines:
    ~2k instructions each spared, mostly in tests that could not say yes).

    So where the line is ASCII (no digit of another script, which `\\d` and `isdigit` read, and
    each character lower-cases in its place), holds no ":" (a field's label ends in one, and so
    does every other language's says-word, FOREIGN_SAYS_ENDS), opens with no signature's dash, and
    opens as no verb of _VERB_ONLY may (its gate, exact): a field, a signature, "Mar '15", a place
    after a date and the verb before one need what such a line lacks, and a zone, a role, an edit
    mark or thread links after a head read that head again, which is such a line itself, shorter
    (every clause holds of a line's head), and leaves at the same test, while read_glued_age needs
    a digit. tests/test_split_guards.py checks the verdicts on invented lines."""
    return (
        core.isascii()
        and ":" not in core
        and core[0] not in SIGN_FIRST
        and not (core[0] in _VERB_FIRST and core[1:2] in _VERB_SECOND and not opening_refuses(_VERB_ONLY_GATE, core))
    )


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_READ_HEADER_CACHE: Final[dict[str, CommentHeader | None]] = line_dict()


# (what the cache's `get` gives for a line not read yet: no header is this object, so a line read
# once costs one lookup after that, where `in` and `[]` were two)
_UNREAD: Final = CommentHeader("", "", "")


def read_header(core: str) -> CommentHeader | None:
    """The comment header a short line spells, or None when it is not one (cached: lines repeat)."""
    cache = _READ_HEADER_CACHE
    known = cache.get(core, _UNREAD)
    if known is not _UNREAD:
        return known
    found = cache[core] = _read_header_uncached(core)
    return found


def _read_header_uncached(core: str) -> CommentHeader | None:
    if not core or len(core) > MAX_HEADER_CHARS:
        return None
    digits = has_digit(core)
    if not digits and _no_early_form(core) and not _has_header_word(lower_of(core)):
        return None  # (most lines: no digit, no header word, and none of the forms below may read them)
    if core[0] in _FIELD_FIRST and ":" in core[:12] and (field := _field_header(core)) is not None:
        return field
    if core[0] in SIGN_FIRST and (signed := _signature(core)) is not None and signed.posted_raw:
        return signed  # (undated, "— Jo" closes a quote or signs off a letter: see anchors.find_anchors)
    if core[-3:-2] == "'" and _MONTH_SHORT_YEAR.match(core):
        return CommentHeader("date", "", core)  # "Mar '15": a forum's date of an older post
    if (place := place_tail(core)) and place.start():
        dated = read_header(core[: place.start()])
        if dated is not None and dated.kind == "date":
            return dated  # ("Mar '15  3 / 12", "Jan 7, 2015  Post #3": a date, the post's place after it)
    if core[-1] == ")" and _may_end_in_zone(core) and (zone := _ZONE_TAIL.search(core)) and zone.start():
        zoned = read_header(core[: zone.start()])
        if zoned is not None and zoned.posted_raw:
            return zoned  # ("08:20, 2 October 2021 (UTC)": the zone is the stamp's)
    if core[-1] in _ROLE_LAST and " " in core and _may_end_in_role(core) and (role := _ROLE_AFTER.search(core)) and role.start():
        roled = read_header(core[: role.start()])
        if roled is not None and roled.posted_raw:
            return roled  # ("jo commented 3 days ago  Member": a dated header, the role after it)
    if core[0] in _VERB_FIRST and core[1:2] in _VERB_SECOND and not opening_refuses(_VERB_ONLY_GATE, core) and (verb := _VERB_ONLY.match(core)):
        dated = read_header(core[verb.end() :])
        if dated is not None and dated.posted_raw and (dated.kind == "date" or not _name_ok(dated.author)):
            return CommentHeader("date", "", dated.posted_raw)  # ("commented 3 days ago" under the name)
    if core[-1] in ")dD" and _may_end_edited(core) and (edited := _EDITED_AFTER.search(core)) and edited.start():
        head = core[: edited.start()]
        h = read_header(head)
        if h is None and head[-1] in _AGE_LAST:
            h = read_glued_age(head)  # ("jo 20h (edited)": the marker says the "20h" is an age)
        if h is not None:
            return h
    if core[-1] in _THREAD_LINK_LAST and ("|" in core or "[" in core) and (links := _THREAD_LINKS.search(core)) and links.start():
        head = core[: links.start()]
        h = read_header(head)
        if h is None:
            h = read_glued_age(head)  # ("jo 5h | parent": the links say the "5h" is an age)
        # (only a dated header: the links follow a stamp, never a bare name or words)
        return h if h is not None and h.posted_raw and h.kind in ("name_date", "date") else None
    low = lower_of(core)  # (shared with the line's other readers: see lines.lower_of)
    worded = _has_header_word(low)
    if not digits and not worded:
        return None
    if digits and core[-1] in _AGE_LAST and core[0] in _POSTED_FIRST and (posted := _POSTED_AGE.match(core)) is not None:
        return CommentHeader("date", "", posted["age"])  # ("Posted 7h": the widget's verb and a compact age, no name)
    if digits and core[-1] in _AGE_LAST and " " in core and _may_score(core, low) and (scored := _SCORED_AGE.match(core)) is not None and _name_ok(cut_counters(scored["name"])):
        return CommentHeader("name_date", cut_counters(scored["name"]), scored["age"])  # ("jo 14 points 2d": the score says the "2d" is an age)
    if worded and digits and core[-1] in _AGE_LAST and _digit_near_end(core, _SAID_AGE_TAIL) and _may_say_an_age(core, low) and (said := _SAID_AGE.match(core)) is not None:
        # "jo answered 1d", "Ann replied 3h": a says-header dated by a compact age
        author = said["name"]
        if is_numeric_handle(author):
            # "4830962 answered 5h": a handle of digits heads its answer as "4830962 says:" does
            return CommentHeader("says", digit_handle(author), said["age"])
        return CommentHeader("says", author, said["age"]) if _name_ok(author) and not _SAID_IN_A_SENTENCE.search(author) else None
    twin = core.isascii() or folds_like_lower(core)  # (whether the faster lower twins of patterns may read it)
    if digits and (len(core) <= 8 and core[-1:] in _AGE_LAST or "•" in core or "·" in core or "|" in core or "—" in core or "–" in core):
        compact = _compact_age(core, low, twin)
        if compact is not None:
            return compact
    line = core
    # (_stamp_in written out: this runs on every line with a digit; the stamp's span as two ints,
    # start -1 where there is none: the lower twin's span is read by stamp_span_low, whose search
    # skips in C to the characters a stamp may stand after)
    start = end = -1
    if digits or "ago" in line:
        if twin:
            span = stamp_span_low(low)
            if span is not None:
                start, end = span
        else:
            found = _stamp_in(line, low, twin)
            if found is not None:
                start, end = found.start(), found.end()
    if digits and len(line) <= 80 and (start < 0 or not _has_day(line[start:end])) and GLUED_HINT.search(line):
        # a clock alone may hide a date glued to the name before it ("JaneAugust 5, 2012 4:11 AM")
        glued = GLUED_DATE.sub(" ", line)
        if glued != line:
            m2 = _find_stamp(glued, glued.lower(), twin)
            if m2 is not None:
                line, start, end = glued, m2.start(), m2.end()
    if start >= 0 and end - start <= _CLOCK_CHARS and CLOCK_ONLY.match(line[start:end]):
        start = -1  # "52:10" or "2:04:38" is a duration or a score as often as a time of day
    if start > 0 and line[start - 1] == "(":
        start = -1  # "(June 9, 1997)" dates a title in a list, not a comment
    if start < 0 and not worded:
        return None
    stamp = ""
    if start >= 0:
        stamp = line[start:end].strip()
        # a trailing relative age after a full date ("... 3:15 pm - 1 hour ago") belongs to the stamp
        before, rest = line[:start], line[end:]
        if rest:
            m2 = _stamp_after_joiners(rest, twin)
            if m2 is not None:
                rest = rest[m2.end() :]
            rest = _cut_trailing_meta(rest)
            if rest and ("•" in rest or "·" in rest or "|" in rest):
                rest = _cut_trailing_chrome(rest)  # ("Jo • 2 days ago • 👍 54": votes after the stamp)
        residue = (before + " " + rest).strip()
    else:
        before = rest = ""
        residue = _cut_trailing_meta(line)
    residue = strip_joiners(residue)
    if residue[-1:] in "»›":
        residue = strip_joiners(residue.rstrip("»› "))  # a forum's "Post by Jo » DATE"

    foreign = low[-1:] == ":" and low.endswith(FOREIGN_SAYS_ENDS)  # (every one ends in ":")
    if stamp and not foreign and before.rstrip()[-1:] == ":" and not strip_joiners(rest) and before.rstrip().lower().endswith(FOREIGN_SAYS_ENDS):
        # "Jo Lake Reply: DATE": the reply's header with its stamp on the same line, as "Jo replied: DATE" is
        foreign = worded = True
    says = _says_match(residue, foreign) if worded else None
    if says and stamp and not before.strip() and low.rstrip(" :").endswith("responded"):
        return None  # "about 1 month ago Jo responded:": an activity feed's entry (its age first), as "... liked this post"
    if says:
        author = strip_joiners(residue[says.start("author") : says.end("author")])
        if _SAID_IN_A_SENTENCE.search(author):
            return None  # "Well said.", "@jo @al well said", "as I said": a reply's words, not its header
        kind = "says"
        if author[:3].lower() == "by ":
            author, kind = author[3:].lstrip(), "by"  # "by Name (1234) writes:" is the by-format
        author = _cut_edge_words(author).strip()
        author = cut_counters(_USER_ID.sub("", strip_joiners(author)))
        if _name_ok(author):
            return CommentHeader(kind, author, stamp)
        if is_numeric_handle(author):
            # "4830962 says:", "by 4830962 (4830962) writes:": a handle of digits heads a comment
            # and names its reader, in the header's name place (longer than a counter or a rank)
            return CommentHeader(kind, digit_handle(author), stamp)
        if kind == "says" and author.isdigit():
            # "12 says:": a short number heads a comment all the same; counters and ranks look the
            # same, so the author is blank
            return CommentHeader(kind, "", stamp)
        return None
    if worded and not opening_refuses(_POSTED_BY_GATE, residue) and (by := _POSTED_BY.match(residue)):
        by_author = _by_author(residue)
        if by_author is not None:
            author = _BY_AUTHOR_END.split(by_author, maxsplit=1)[0]
            author = _cut_edge_words(strip_joiners(author)).strip()
            author = _cut_by_tail(author)
            if _name_ok(author):
                return CommentHeader("by", author, stamp, posted_by=residue[:5].lower() in _SIGNS_BELOW)
            if (stamp or by.group().endswith(":")) and is_numeric_handle(author):
                # "by 3917460 » DATE": a handle of digits heads its post, and names its reader; so
                # does one in a labelled field with no date ("Posted by: 3917460")
                return CommentHeader("by", digit_handle(author), stamp, posted_by=residue[:5].lower() in _SIGNS_BELOW)
        return None
    if not stamp:
        return None
    if _edge_text(before) and _edge_text(rest):
        return None  # a date in the middle of a line ("Jo Long, 10 November, Harbour Playhouse") dates an event
    # "posted on DATE by NAME" leaves "posted on  by NAME" once the date is cut out, and
    # "NAME | Posted at 12:45pm" leaves "NAME | Posted"
    residue = _cut_posted_words(residue).strip()
    residue = strip_joiners(_cut_posted_after(residue))
    if residue[:3].lower() == "by ":
        author = residue[3:].strip()
        return CommentHeader("by", author, stamp, posted_by=True) if _name_ok(author) else None
    # (a badge of the reader's role after the handle, "4830962 ♦ DATE", is no part of it)
    handle = _bare_digits(residue)
    if is_numeric_handle(handle):
        return CommentHeader("name_date", digit_handle(handle), stamp)  # "4830962 | 14 Mar 2015", "– 4830962 DATE": a handle of digits
    if not residue or chrome_row(residue) or (residue[-1].isdigit() or residue[-1] == "\n") and _POST_NUMBER.match(residue):
        return CommentHeader("date", "", stamp)  # a date alone, or an age in a row of actions, or beside the post's place ("3 / 12")
    residue = cut_counters(_cut_edge_words(residue).strip())
    if (":" in residue or "." in residue) and _CLOCK_LEFT.match(residue):
        return CommentHeader("name_date", "", stamp)  # "June 3, 2014 05:07 pm at 5:07 pm", "3 minutes ago (9:41 AM)": the time printed twice, no name
    if not before.strip() and residue.count(" ") >= LOWER_CLAUSE_WORDS - 1 and residue.islower() and HEADER_TARGET.search(residue) is None:
        # ("2 hours ago they closed the bridge": a reply's clause after the date it opens with, no
        # name; "3 days ago in reply to jo" names the reply's target and stays a header)
        return None
    if _name_ok(residue):
        return CommentHeader("name_date", residue, stamp)
    if is_numeric_handle(residue):
        return CommentHeader("name_date", digit_handle(residue), stamp)  # "4830962 · 3 points · DATE": the handle, its score cut
    if _COUNTER_ONLY.match(residue):
        # "#1.1 Thu Mar 14, 2013 09:48 PM", "3. 4830962 | 14 Mar 2015": a numbered reply heads its
        # reply; the running number names nobody, the handle of digits after it names its reader
        last = residue.rsplit(None, 1)[-1]
        return CommentHeader("name_date", digit_handle(last) if " " in residue and is_numeric_handle(last) else "", stamp)
    return None


# An age as a stamp: compact ("2h", "1mo"), relative ("3 hours ago", "a day ago"), or a day word
# ("Yesterday at 6:04 PM", "just now").
_AGE_STAMP: Final = re.compile(
    rf"^(?:{_AGE}|.*\bago|yesterday\b.*|today\b.*|just now)$", re.I
)


_AGE_STAMP_FIRST: Final = frozenset("yYtTjJ")


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_IS_AGE_STAMP_CACHE: Final[dict[str, bool]] = line_dict()


def is_age_stamp(stamp: str) -> bool:
    """Whether a header's stamp is an age (how long ago), not a calendar date."""
    known = _IS_AGE_STAMP_CACHE.get(stamp)
    if known is None:
        known = _IS_AGE_STAMP_CACHE[stamp] = _is_age_stamp_uncached(stamp)
    return known


def _is_age_stamp_uncached(stamp: str) -> bool:
    # (_AGE_STAMP reads a stamp opening with a digit (a compact age), a "y", "t" or "j" (yesterday,
    # today, just now) or holding "ago" in any case (no other character folds to "a", "g" or "o"):
    # a calendar date, most stamps, is not asked of the pattern, whose ".*" is tried at each place)
    first = stamp[:1]
    if not (first.isdigit() or first in _AGE_STAMP_FIRST or "ago" in stamp.lower()):
        return False
    return bool(stamp) and _AGE_STAMP.match(stamp) is not None


# A compact age ("21h", "3 mins.": _AGE) ends at most this many characters from its last digit
# on: the digit, a space, a unit of at most four letters ("mins") and a full stop.
AGE_TAIL: Final = 7


def may_end_in_age(core: str) -> bool:
    """A cheap test every line read_glued_age reads passes: at most 70 characters, ending as a
    compact age does (_AGE_LAST), with a digit among its last AGE_TAIL characters (`isdigit`,
    which mypyc runs inline, says yes to every decimal digit `\\d` matches, and to a few more
    such as "²": a test that lets more through is as exact). Callers ask it before dearer
    readings of the line's neighbours."""
    return bool(core) and len(core) <= 70 and core[-1] in _AGE_LAST and _digit_near_end(core, AGE_TAIL)


def read_glued_age(core: str) -> CommentHeader | None:
    """A name with a compact age after it and nothing else ("jo 21h", "Carla Adler 3d"), or None.

    read_header leaves this shape alone: with no separator or thread link after it, "Room 5h" or
    "Plan 3d" are words as often. Callers read it only where the page has already shown that it
    prints ages after its commenters' names (see anchors.find_anchors).
    """
    if not may_end_in_age(core):
        return None
    m = _NAME_SPACE_AGE.match(core)
    if m is None:
        return None
    name = cut_counters(m["name"])
    if _NUMERIC_HANDLE.match(name):
        return CommentHeader("name_date", digit_handle(name), m["age"])  # ("3917460 10h": a handle of digits)
    return CommentHeader("name_date", name, m["age"]) if _name_ok(name) else None


# A posting verb after a joiner at the end of a header's residue ("Jo Lake | Posted", "Jo - commented").
_POSTED_AFTER: Final = re.compile(r"(?i)\s*[|·•,–—-]\s*(?:posted|written|submitted|published|added|commented|replied)(?:\s+(?:on|at))?$")


def _cut_posted_after(residue: str) -> str:
    """_POSTED_AFTER.sub("", residue): the pattern asked only of a residue holding one of the joiners
    its class reads (no match can do without one; none of them folds under IGNORECASE), which ~95%
    of dated lines' residues do not ("Jo Lake", "by Ann"): the sub tried its leading blanks at each
    character of the residue."""
    if "|" in residue or "·" in residue or "•" in residue or "," in residue or "–" in residue or "—" in residue or "-" in residue:
        return _POSTED_AFTER.sub("", residue)
    return residue
# A board post's place in its thread, printed beside its date: "#12", "Post #12", "3 / 12", "Post 3 of 12".
# (Beside a date a bare number or "3/12" is the place too; on a line of its own, places.post_number.)
_POST_NUMBER: Final = re.compile(r"^(?:post\s*)?#?\d{1,6}(?:\s*/\s*\d{1,6}|\s+of\s+\d{1,6})?$", re.I)
# A reply's running number alone beside its date ("#1.1", "12.", "3)"): it heads the reply, it names nobody.
_COUNTER_ONLY: Final = re.compile(r"^(?:#?\d+(?:\.\d+)*[.)]?(?:\s+\d+)?|@\d+)$")
# A handle of digits: longer than a score, a count or a year printed beside a date.
_NUMERIC_HANDLE: Final = re.compile(r"^@?\d{5,}$")


def is_numeric_handle(s: str) -> bool:
    """Whether `s` is a handle of digits (_NUMERIC_HANDLE), its pattern asked only of a text ending
    as a match does: in a digit (`isdigit` says yes to every digit `\\d` reads), or in the line
    break `$` reads past. Most names end in a letter."""
    last = s[-1:]
    return (last.isdigit() or last == "\n") and _NUMERIC_HANDLE.match(s) is not None


def without_badges(name: str) -> str:
    """`name` without the marks of a role printed after it ("4830962 ♦", "jo ★"): symbols (and
    the spaces between them) at its end."""
    end = len(name)
    while end and (name[end - 1] == " " or unicodedata.category(name[end - 1]) == "So"):
        end -= 1
    return name[:end] if end else name


def digit_handle(core: str) -> str:
    """The reader a handle of digits names, where it sits in a header's name place ("@4830962" ->
    "4830962"): a real handle, shown as the author (counters and ranks are shorter, see _NUMERIC_HANDLE)."""
    return core.strip().lstrip("@")
_CLOCK_LEFT: Final = re.compile(r"(?i)^\(?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*\)?$")
