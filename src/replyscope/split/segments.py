"""Turn one role per line into a lossless segment map: runs of whole lines with one role.

Blank lines take the role of the line above them (a paragraph's trailing break belongs to it),
so joining segment texts gives back the page exactly.
"""

from __future__ import annotations

from replyscope.split.lines import Lines


def segments_of(lines: Lines, roles: list[str], text_len: int) -> list[tuple[int, int, str]]:
    """[(start, end, role)] covering [0, text_len) without gaps or overlaps.

    A blank line takes the role of the line with text above it (leading blanks: of the first line
    with text), whatever `roles` says for it: a run ends only where a line with text changes role,
    so only those lines are looked at.
    """
    text, starts = lines.text, lines.starts
    segments: list[tuple[int, int, str]] = []
    role: str | None = None  # (the run's role, from its first line with text)
    begin = 0
    for k in range(len(roles)):
        if not text[k]:
            continue
        r = roles[k]
        if role is None:
            role = r  # (the first run starts at the page's start, leading blanks with it)
        elif r != role:
            segments.append((begin, starts[k], role))
            begin, role = starts[k], r
    if role is None:  # (no line with text: the page is one run of the default role)
        return [(0, text_len, "boilerplate")] if text_len else []
    segments.append((begin, text_len, role))
    return segments
