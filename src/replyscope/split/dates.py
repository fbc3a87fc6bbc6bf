"""Read a comment's timestamp as the page wrote it into a datetime, when it names a day.

Relative ages ("3 years ago") and bare clock times stay None: without the crawl date they do
not name a moment, and guessing one would be wrong silently.
"""

from __future__ import annotations

import importlib
import re
from datetime import datetime
from typing import Any, Final, NamedTuple

import unicodedata

from replyscope.split.caches import line_dict
from replyscope.split.patterns import FOREIGN_MONTH, MONTH, LiteralGate, folds_like_lower, lower_twin

_MONTHS: Final = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}
# FOREIGN_MONTH's names, accents dropped, to their month numbers.
_FOREIGN_MONTHS: Final = {
    m: i
    for i, names in enumerate(
        (
            ("janv", "janvier", "januar", "janner", "enero", "gennaio", "janeiro", "januari"),
            ("fevr", "fevrier", "februar", "febrero", "febbraio", "fevereiro", "februari"),
            ("mars", "marz", "maerz", "marzo", "marco", "maart"),
            ("avr", "avril", "abril", "aprile"),
            ("mai", "mayo", "maggio", "maio", "mei"),
            ("juin", "juni", "junio", "giugno", "junho"),
            ("juil", "juillet", "juli", "julio", "luglio", "julho"),
            ("aout", "agosto", "augustus"),
            ("septembre", "septiembre", "setiembre", "settembre", "setembro"),
            ("octobre", "oktober", "octubre", "ottobre", "outubro"),
            ("novembre", "noviembre", "novembro"),
            ("decembre", "dezember", "diciembre", "dicembre", "dezembro"),
        ),
        start=1,
    )
    for m in names
}
DAY_FOREIGN_MONTH_YEAR: Final = re.compile(
    rf"\b(?P<day>\d{{1,2}})\.?\s*(?:de\s+)?(?P<mon>{FOREIGN_MONTH}),?\s*(?:de\s+)?(?P<year>(?:19|20)\d{{2}})", re.I
)
_MON: Final = MONTH.replace("(?:", "(?P<mon>", 1)  # patterns.MONTH, the name captured
_YEAR: Final = r"(?P<year>(?:19|20)\d{2}|'\d{2}|\d{2}(?!\d|:))"

MONTH_DAY_YEAR: Final = re.compile(rf"\b{_MON}\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s*{_YEAR})?", re.I)
DAY_MONTH_YEAR: Final = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\.?\s*{_MON},?\s*{_YEAR}?", re.I)
YEAR_MONTH_DAY: Final = re.compile(r"\b(?P<year>(?:19|20)\d{2})[-/.](?P<mon>\d{1,2})[-/.](?P<day>\d{1,2})\b")
YEAR_MONTHNAME_DAY: Final = re.compile(rf"\b(?P<year>(?:19|20)\d{{2}})\s+{_MON}\s+(?P<day>\d{{1,2}})\b", re.I)
# Numeric dates are read month-first (US style) unless the first number cannot be a month.
NUMERIC_DATE: Final = re.compile(r"\b(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<year>\d{4}|\d{2})\b")
CLOCK: Final = re.compile(r"\b(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>[ap])?\.?m?\b", re.I)
CLOCK_HOUR_ONLY: Final = re.compile(r"\b(?P<h>\d{1,2})\s*(?P<ampm>[ap])\.?m\b", re.I)


# The groups of each form, in the order its pattern writes them: _day and _clock read a match's
# groups as one tuple (one call, not one a name) and unpack them in this order.
_GROUPS_IN_ORDER: Final = {
    "ymd": ("year", "mon", "day"),
    "year_monthname_day": ("year", "mon", "day"),
    "month_day_year": ("mon", "day", "year"),
    "day_month_year": ("day", "mon", "year"),
    "numeric": ("a", "b", "year"),
    "clock": ("h", "m", "s", "ampm"),
    "hour_only": ("h", "ampm"),
    "day_foreign_month_year": ("day", "mon", "year"),
}


# The numbers a date's or a clock's group spells most often, by their text: a day, a month, an hour,
# a minute or a second ("7", "07", "59") and this era's years ("2014"). `int` on a group's text is a
# generic call of the type where the split is compiled (~750 instructions, three or more a stamp);
# a dict lookup is a fifth of it. Any other text (digits of another script, which `\d` reads too) is
# read by `int` as before: the same number either way.
_NUMBERS: Final[dict[str, int]] = {
    **{str(n): n for n in range(100)},
    **{f"{n:02d}": n for n in range(10)},
    **{str(n): n for n in range(1900, 2100)},
}


def _number(digits: str) -> int:
    """int(digits), for a matched group of digits."""
    known = _NUMBERS.get(digits)
    return known if known is not None else int(digits)


def _year(raw: str) -> int:
    # (raw: a matched year group, never empty: both callers make sure)
    raw = raw.lstrip("'")
    year = _number(raw)
    return year + 2000 if year < 100 else year


class _Forms(NamedTuple):
    """The date and clock patterns, as a set: the patterns above, or their lower twins."""

    ymd: re.Pattern
    year_monthname_day: re.Pattern
    month_day_year: re.Pattern
    day_month_year: re.Pattern
    numeric: re.Pattern
    clock: re.Pattern
    hour_only: re.Pattern
    day_foreign_month_year: re.Pattern


_FORMS: Final = _Forms(YEAR_MONTH_DAY, YEAR_MONTHNAME_DAY, MONTH_DAY_YEAR, DAY_MONTH_YEAR, NUMERIC_DATE, CLOCK, CLOCK_HOUR_ONLY, DAY_FOREIGN_MONTH_YEAR)
# For stamps lower-cased first (see patterns.folds_like_lower): the same matches, found faster (see patterns.lower_twin).
_FORMS_LOW: Final = _Forms(*(lower_twin(p) if p.flags & re.IGNORECASE else p for p in _FORMS))
# (the clock's literals, read from it, are caseless: the same gate serves its lower twin)
_CLOCK_GATE: Final = LiteralGate(CLOCK)


def _widest_before_colon(pattern: re.Pattern[str]) -> int:
    """How many characters at most a match of `pattern` (CLOCK) holds before its first ":", read
    from its parse: the widest its items before the first item that is the literal ":" may match
    (the hour, "\\b\\d{1,2}": 2). -1 where no top-level item is that literal, or an item before
    it has no bound: no bound is read."""
    try:  # (re's own parser, private: a Python whose re reads otherwise searches the whole stamp)
        parser: Any = importlib.import_module("re._parser")
        const: Any = importlib.import_module("re._constants")
        parsed = parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001
        return -1
    before = parser.SubPattern(parsed.state)
    for item in parsed.data:
        if item[0] is const.LITERAL and item[1] == ord(":"):
            widest = before.getwidth()[1]
            return widest if widest < const.MAXREPEAT else -1
        before.append(item)
    return -1


# A clock's hour before its ":": a CLOCK match opens at most this many characters before the first
# ":" of the text (each match holds one that far from its start, and the first ":" is no later), so
# the search begins there, not at each place of the stamp's date before it (its "\b" tried at each;
# the search from a later place reads the characters before it for "\b": the same matches).
_CLOCK_OPENS_BEFORE_COLON: Final = _widest_before_colon(CLOCK)


# IGNORECASE lets a month name match with "ſ" for "s", "ı" or "İ" for "i" ("Auguſt", "APRİL"),
# which str.lower keeps; they are folded here so every name the patterns match has a number.
_FOLD: Final = str.maketrans({"ſ": "s", "ı": "i", "İ": "i"})


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_MONTH_CACHE: Final[dict[str, int]] = line_dict()


def _month(name: str) -> int:
    known = _MONTH_CACHE.get(name)
    if known is None:
        known = _MONTH_CACHE[name] = _month_uncached(name)
    return known


def _month_uncached(name: str) -> int:
    return _MONTHS[name.translate(_FOLD).lower().replace("i\u0307", "i")]


def _day(text: str, forms: _Forms = _FORMS) -> tuple[int, int, int] | None:
    """(year, month, day) from the first date form found, or None."""
    # (the two numeric forms part their numbers with "-", "/" or ".": a stamp without one, "March 3,
    # 2014 at 6:05 pm", "3 days ago", is not searched for them)
    # (a match's groups are read in one call, in the order the pattern writes them: see _GROUPS_IN_ORDER)
    parted = "-" in text or "/" in text or "." in text
    m = forms.ymd.search(text) if parted else None
    if m:
        year, mon, day = m.groups()
        return _number(year), _number(mon), _number(day)
    m = forms.year_monthname_day.search(text)
    if m:
        year, mon, day = m.groups()
        return _number(year), _month(mon), _number(day)
    m = forms.month_day_year.search(text)
    if m:
        mon, day, year = m.groups()
        if year:
            return _year(year), _month(mon), _number(day)
    m = forms.day_month_year.search(text)
    if m:
        day, mon, year = m.groups()
        if year:
            return _year(year), _month(mon), _number(day)
    m = forms.day_foreign_month_year.search(text)  # (its lower twin too: tried on most stamps with no year)
    if m:
        day, mon, year = m.groups()
        return _number(year), _foreign_month(mon), _number(day)
    m = forms.numeric.search(text) if parted else None
    if m:
        first, second, year = m.groups()
        a, b = _number(first), _number(second)
        month, day = (a, b) if a <= 12 else (b, a)
        return _year(year), month, day
    return None


def _foreign_month(name: str) -> int:
    plain = unicodedata.normalize("NFKD", name.lower().rstrip(".")).encode("ascii", "ignore").decode()
    return _FOREIGN_MONTHS[plain]


def _clock(text: str, forms: _Forms = _FORMS) -> tuple[int, int, int]:
    # (CLOCK needs a literal its gate reads from it (a ":"), CLOCK_HOUR_ONLY the "m" of "am" / "pm",
    # in either case: a stamp without one is not searched for it; their groups are read in one
    # call, see _GROUPS_IN_ORDER)
    m = None
    if _CLOCK_GATE.admits(text):
        colon = text.find(":") if _CLOCK_OPENS_BEFORE_COLON >= 0 else -1
        m = forms.clock.search(text, colon - _CLOCK_OPENS_BEFORE_COLON if colon > _CLOCK_OPENS_BEFORE_COLON else 0)
    if m:
        h, mins, secs, ampm_letter = m.groups()
        hour, minute, second = _number(h), _number(mins), _number(secs) if secs else 0
    else:
        m = forms.hour_only.search(text) if "m" in text or "M" in text else None
        if not m:
            return 0, 0, 0
        h, ampm_letter = m.groups()
        hour, minute, second = _number(h), 0, 0
    ampm = (ampm_letter or "").lower()
    if ampm == "p" and hour < 12:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    return hour, minute, second


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_PARSE_POSTED_CACHE: Final[dict[str, datetime | None]] = line_dict()


def parse_posted(raw: str) -> datetime | None:
    """The moment a comment timestamp names, or None when it names no calendar day (cached:
    comments of one thread share stamps)."""
    cache = _PARSE_POSTED_CACHE
    if raw in cache:
        return cache[raw]
    found = cache[raw] = _parse_posted_uncached(raw)
    return found


def _parse_posted_uncached(raw: str) -> datetime | None:
    if not raw:
        return None
    # (month names are read lower-cased anyway, so stamps are matched lower-cased where they may, faster)
    text, forms = (raw.lower(), _FORMS_LOW) if folds_like_lower(raw) else (raw, _FORMS)
    day = _day(text, forms)
    if day is None:
        return None
    year, month, day_of_month = day
    hour, minute, second = _clock(text, forms)
    try:
        # (the six numbers passed as they are: `datetime(*day, *clock)` built a list and a tuple of
        # them at each stamp, compiled)
        return datetime(year, month, day_of_month, hour, minute, second)
    except ValueError:
        return None
