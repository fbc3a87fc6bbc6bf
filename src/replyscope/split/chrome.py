"""What one line is, around comments: chrome ("Reply", "3 likes"), a zone stop (a comment form,
a new section, furniture), or words a person wrote."""

from __future__ import annotations

from functools import lru_cache

from replyscope.split.body import is_boilerplate_line
from replyscope.split.patterns import (
    BULLET_CHARS,
    CHROME,
    CHROME_LOW,
    CHROME_ROW,
    CHROME_ROW_LOW,
    FORM_OR_SECTION,
    FORM_OR_SECTION_LOW,
    LOWER_BELOW,
    folds_like_lower,
)


@lru_cache(maxsize=None)  # (unbounded, a plain dict: split_document trims it, see trim_caches)
def is_chrome(s: str) -> bool:
    """An action link, vote count or age around a comment ("Reply", "• Share ›", "12 likes")."""
    if len(s) > 80:
        return False
    s = s.lstrip(BULLET_CHARS + " ").rstrip("›»→↓↑ ")
    if not s:
        return True
    if folds_like_lower(s):  # (the lower twins of the patterns are faster; see patterns.lower_twin)
        low = s.lower()
        return CHROME_LOW.match(low) is not None or (("·" in s or "|" in s) and CHROME_ROW_LOW.match(low) is not None)
    return CHROME.match(s) is not None or (("·" in s or "|" in s) and CHROME_ROW.match(s) is not None)


@lru_cache(maxsize=None)  # (unbounded, a plain dict: split_document trims it, see trim_caches)
def is_stop_line(s: str) -> bool:
    """A line that closes a comment zone: a comment form, a new section, page furniture."""
    # (the lower twin is faster; see patterns.lower_twin and LOWER_BELOW)
    if FORM_OR_SECTION_LOW.match(s.lower()) if len(s) < LOWER_BELOW and folds_like_lower(s) else FORM_OR_SECTION.match(s):
        return True
    return len(s) < 120 and is_boilerplate_line(s)


def is_content(s: str) -> bool:
    """A line a person wrote (not chrome, not a form, not furniture)."""
    return bool(s) and not is_chrome(s) and not is_stop_line(s)


