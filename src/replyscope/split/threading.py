"""Reply structure of a comment list: depth and parent, when the page shows it.

Rendered pages show threading by indentation (nested lists); plain text keeps it in words:
"in reply to Name", "@Name" opening the comment, or a "Re:" subject. We use indentation when
headers sit at more than one indent, and otherwise the named-reply cues.
"""

from __future__ import annotations

import re

REPLY_TO_NAME = re.compile(r"^\s*(?:@|in reply to\s+|replying to\s+|reply to\s+)(?P<name>[^\s:,.;!?]{2,40}(?:\s+[A-Z][\w'-]*)?)", re.I)


def thread(indents: list[int], authors: list[str], texts: list[str]) -> tuple[list[int], list[int | None]]:
    """(depth, parent position) per comment, in page order."""
    n = len(indents)
    depth = [0] * n
    parent: list[int | None] = [None] * n
    levels = sorted(set(indents))
    if len(levels) > 1:
        rank = {v: r for r, v in enumerate(levels)}
        stack: list[int] = []  # positions of the open ancestors, shallowest first
        for k in range(n):
            d = rank[indents[k]]
            while stack and rank[indents[stack[-1]]] >= d:
                stack.pop()
            depth[k] = len(stack) if stack else 0
            parent[k] = stack[-1] if stack else None
            stack.append(k)
        return depth, parent
    last_by: dict[str, int] = {}
    for k in range(n):
        m = REPLY_TO_NAME.match(texts[k])
        if m:
            name = m["name"].lower()
            target = _find_author(last_by, name)
            if target is not None:
                parent[k] = target
                depth[k] = depth[target] + 1
        if authors[k]:
            last_by[authors[k].lower()] = k
    return depth, parent


def _find_author(last_by: dict[str, int], name: str) -> int | None:
    if name in last_by:
        return last_by[name]
    first = name.split()[0]
    hits = [k for a, k in last_by.items() if a.split() and a.split()[0] == first]
    return max(hits) if hits else None
