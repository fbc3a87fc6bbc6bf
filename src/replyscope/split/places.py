"""A post's running number: its place in the thread, as a board or a guestbook prints it.

A board prints each post's place by its date or at the end of its header line ("#12", "Post
#12", "3 / 12", "Post 3 of 12"); a guestbook or a numbered list of entries prints a running
number over each entry ("Entry #12", "No. 4"). One reader serves every caller (read_header reads
a date with the place after it, anchors reads past a place between a date and a name, choose
counts the places as a cue of a thread and keeps a long first entry when the entries are
numbered in turn), so the forms cannot drift apart.
"""

from __future__ import annotations

import re
from typing import Final

# A post's place among the thread's posts ("3 / 12", "Post 3 of 12").
_PLACE: Final = r"(?:post\s+)?(?P<place>\d{1,6})(?:\s+/\s+|\s+of\s+)\d{1,6}"
# A post's running number as the whole of a line: a label word or none, "#" or "No.", the number
# ("#12", "Post #12", "Entry #12", "No. 4", "Entry #12:"), or its place.
_ALONE: Final = re.compile(rf"(?P<label>(?:[^\W\d_][^\W\d]{{0,14}}\s*)?(?:#|no\.))\s?(?P<n>\d{{1,6}}):?|{_PLACE}", re.I)
# ... or closing a line, after a space ("Jo Lake   #12", "Mar 3, 2015   Post 3 of 12", "... post 7").
_AFTER: Final = re.compile(rf"(?:^|\s+)(?:(?:post\s*)?#(?P<n>\d{{1,6}})|{_PLACE}|post\s+(?P<bare>\d{{1,6}}))$", re.I)
_SPACE: Final = re.compile(r"\s+")
# The last characters of the words before _AFTER's last number and the spaces before it: "/"
# ("3 / 12"), "post" ("Post 12") or "of" ("Post 3 of 12").
_PLACE_WORD_LAST: Final = frozenset("/tTfF")


def post_number(s: str) -> tuple[str, int] | None:
    """(label, number) when line `s` is a post's running number alone ("Entry #12" -> ("entry#",
    12), "No. 4" -> ("no.", 4), "3 / 12" -> ("", 3)), else None. The label (case and spaces
    folded) tells one page's numbering from another's."""
    m = _ALONE.fullmatch(s)
    if m is None:
        return None
    if m["n"] is not None:
        return _SPACE.sub("", m["label"]).casefold(), int(m["n"])
    return "", int(m["place"])


def is_post_number(s: str) -> bool:
    """Whether line `s` is a post's running number alone (see post_number)."""
    return _ALONE.fullmatch(s) is not None


def place_tail(s: str) -> re.Match[str] | None:
    """The post's place closing line `s`, the spaces before it included, or making it up (the
    match starts at 0): "Mar 3, 2015   #12", "Jo  Post 3 of 12", "#12"; else None."""
    return _AFTER.search(s) if s[-1:].isdigit() and _may_end_in_place(s) else None


def _may_end_in_place(s: str) -> bool:
    """A cheap test every line _AFTER finds a place in passes, read from the line's end where the
    pattern is anchored (its search is tried at each space of the line): 1-6 digits (what `\\d`
    reads: decimal digits of any script) end the line after a "#", or after spaces that follow a
    "/", a "post" or an "of". Most lines that end in a digit end in a year or a count instead."""
    n = len(s)
    k = n
    while k and s[k - 1].isdecimal():
        k -= 1
    if k == n or k == 0 or n - k > 6:
        return False
    if s[k - 1] == "#":
        return True
    if not s[k - 1].isspace():
        return False
    while k and s[k - 1].isspace():
        k -= 1
    return k > 0 and s[k - 1] in _PLACE_WORD_LAST


def place_after(s: str) -> int | None:
    """The number of the post's place closing line `s` or making it up (see place_tail): "DATE
    #12" -> 12, "Jo  Post 3 of 12" -> 3, "#12" -> 12; else None."""
    m = place_tail(s)
    if m is None:
        return None
    return int(m["n"] or m["place"] or m["bare"])


def in_turn(numbers: list[tuple[str, int] | None]) -> bool:
    """Whether running numbers `numbers` (two or more, as post_number gives them) all stand, under
    one label, and count one by one, up or down ("#2", "#3", "#4"; "Entry #22", "Entry #21"): one
    thread's posts numbered in turn, oldest or newest first."""
    if len(numbers) < 2 or any(x is None for x in numbers):
        return False
    known = [x for x in numbers if x is not None]
    if any(x[0] != known[0][0] for x in known):
        return False
    step = known[1][1] - known[0][1]
    return step in (1, -1) and all(b[1] - a[1] == step for a, b in zip(known, known[1:]))
