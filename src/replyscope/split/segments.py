"""Turn one role per line into a lossless segment map: runs of whole lines with one role.

Blank lines take the role of the line above them (a paragraph's trailing break belongs to it),
so joining segment texts gives back the page exactly.
"""

from __future__ import annotations

from itertools import compress

from replyscope.split.lines import Lines


def segments_of(lines: Lines, roles: list[str], text_len: int) -> list[tuple[int, int, str]]:
    """[(start, end, role)] covering [0, text_len) without gaps or overlaps.

    A blank line takes the role of the line with text above it (leading blanks: of the first line
    with text), whatever `roles` says for it: a run ends only where a line with text changes role,
    so only those lines are looked at.
    """
    text, starts = lines.text, lines.starts
    with_text = list(compress(range(len(roles)), text))  # (the lines with text, picked out at C speed)
    if not with_text:  # (no line with text: the page is one run of the default role)
        return [(0, text_len, "boilerplate")] if text_len else []
    cuts = [k for j, k in zip(with_text, with_text[1:]) if roles[k] != roles[j]]
    begins = [0] + [starts[k] for k in cuts]
    ends = [starts[k] for k in cuts] + [text_len]
    return list(zip(begins, ends, [roles[with_text[0]]] + [roles[k] for k in cuts]))
