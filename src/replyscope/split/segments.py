"""Turn one role per line into a lossless segment map: runs of whole lines with one role.

Blank lines take the role of the line above them (a paragraph's trailing break belongs to it),
so joining segment texts gives back the page exactly.
"""

from __future__ import annotations

from itertools import groupby

from replyscope.split.lines import Lines


def fill_blank_roles(lines: Lines, roles: list[str]) -> list[str]:
    """Blank lines take the role of the line above (leading blanks: of the first line with text)."""
    text = lines.text
    prev = next((r for r, s in zip(roles, text) if s), "boilerplate")
    filled: list[str] = []
    append = filled.append
    for r, s in zip(roles, text):
        if s:
            prev = r
        append(prev)
    return filled


def segments_of(lines: Lines, roles: list[str], text_len: int) -> list[tuple[int, int, str]]:
    """[(start, end, role)] covering [0, text_len) without gaps or overlaps."""
    out: list[tuple[int, int, str]] = []
    i = 0
    for role, run in groupby(roles):
        start = lines.starts[i]
        i += len(list(run))
        end = lines.starts[i] if i < len(roles) else text_len
        out.append((start, end, role))
    if not out and text_len:
        out.append((0, text_len, "boilerplate"))
    return out
