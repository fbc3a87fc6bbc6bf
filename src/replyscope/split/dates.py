"""Read a comment's timestamp as the page wrote it into a datetime, when it names a day.

Relative ages ("3 years ago") and bare clock times stay None: without the crawl date they do
not name a moment, and guessing one would be wrong silently.
"""

from __future__ import annotations

import re
from datetime import datetime

_MONTHS = {
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
_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2}|'\d{2}|\d{2}(?!\d|:))"

MONTH_DAY_YEAR = re.compile(rf"\b{_MON}\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s*{_YEAR})?", re.I)
DAY_MONTH_YEAR = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\.?\s*{_MON},?\s*{_YEAR}?", re.I)
YEAR_MONTH_DAY = re.compile(r"\b(?P<year>(?:19|20)\d{2})[-/.](?P<mon>\d{1,2})[-/.](?P<day>\d{1,2})\b")
YEAR_MONTHNAME_DAY = re.compile(rf"\b(?P<year>(?:19|20)\d{{2}})\s+{_MON}\s+(?P<day>\d{{1,2}})\b", re.I)
# Numeric dates are read month-first (US style) unless the first number cannot be a month.
NUMERIC_DATE = re.compile(r"\b(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<year>\d{4}|\d{2})\b")
CLOCK = re.compile(r"\b(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>[ap])?\.?m?\b", re.I)
CLOCK_HOUR_ONLY = re.compile(r"\b(?P<h>\d{1,2})\s*(?P<ampm>[ap])\.?m\b", re.I)


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    raw = raw.lstrip("'")
    year = int(raw)
    return year + 2000 if year < 100 else year


def _day(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) from the first date form found, or None."""
    m = YEAR_MONTH_DAY.search(text)
    if m:
        return int(m["year"]), int(m["mon"]), int(m["day"])
    m = YEAR_MONTHNAME_DAY.search(text)
    if m:
        return int(m["year"]), _MONTHS[m["mon"].lower()], int(m["day"])
    for pattern in (MONTH_DAY_YEAR, DAY_MONTH_YEAR):
        m = pattern.search(text)
        if m and m["year"]:
            return _year(m["year"]), _MONTHS[m["mon"].lower()], int(m["day"])
    m = NUMERIC_DATE.search(text)
    if m:
        a, b = int(m["a"]), int(m["b"])
        month, day = (a, b) if a <= 12 else (b, a)
        return _year(m["year"]), month, day
    return None


def _clock(text: str) -> tuple[int, int, int]:
    m = CLOCK.search(text)
    if m:
        hour, minute, second = int(m["h"]), int(m["m"]), int(m["s"] or 0)
    else:
        m = CLOCK_HOUR_ONLY.search(text)
        if not m:
            return 0, 0, 0
        hour, minute, second = int(m["h"]), 0, 0
    ampm = (m["ampm"] or "").lower()
    if ampm == "p" and hour < 12:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    return hour, minute, second


def parse_posted(raw: str) -> datetime | None:
    """The moment a comment timestamp names, or None when it names no calendar day."""
    if not raw:
        return None
    day = _day(raw)
    if day is None:
        return None
    try:
        return datetime(*day, *_clock(raw))
    except ValueError:
        return None
