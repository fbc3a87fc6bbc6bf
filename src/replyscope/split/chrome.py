"""What one line is, around comments: chrome ("Reply", "3 likes"), a zone stop (a comment form,
a new section, furniture), or words a person wrote."""

from __future__ import annotations

from functools import lru_cache

from replyscope.split.body import is_boilerplate_line
from replyscope.split.patterns import CHROME, CHROME_ROW, COMMENT_FORM, COMMENT_SECTION

@lru_cache(maxsize=1 << 14)
def is_chrome(s: str) -> bool:
    """An action link, vote count or age around a comment ("Reply", "• Share ›", "12 likes")."""
    if len(s) > 80:
        return False
    s = s.lstrip("•·*▪◦●○■□‣⁃ ").rstrip("›»→↓↑ ")
    return not s or CHROME.match(s) is not None or (("·" in s or "|" in s) and CHROME_ROW.match(s) is not None)


@lru_cache(maxsize=1 << 16)
def is_stop_line(s: str) -> bool:
    """A line that closes a comment zone: a comment form, a new section, page furniture."""
    return bool(COMMENT_FORM.match(s) or COMMENT_SECTION.match(s) or (len(s) < 120 and is_boilerplate_line(s)))


def is_content(s: str) -> bool:
    """A line a person wrote (not chrome, not a form, not furniture)."""
    return bool(s) and not is_chrome(s) and not is_stop_line(s)


