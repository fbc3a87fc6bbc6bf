"""Reply structure of a comment list: depth and parent, when the page shows it.

Rendered pages show threading by indentation (nested lists) or by outline numbers ("1.", "1.1.",
"1.1.1."); plain text keeps it in words: "in reply to Name", "@Name" opening the comment, a quote of the
parent's words (see named_parent). We use outline numbers when the headers carry nested ones, else
indentation when headers sit at more than one indent, and otherwise the named-reply cues.
"""

from __future__ import annotations

import re
from typing import Final, cast

from replyscope.split.named_parent import named_parents
from replyscope.split.patterns import LiteralGate

# The same target named inside a comment's header line: "Jo replied to comment from Al Smith | DATE | Reply".
HEADER_TARGET: Final = re.compile(r"\b(?:replied to(?: (?:a |the )?comment (?:from|by|of))?|in reply to|replying to)\s+(?P<name>[^|•·]{2,60}?)\s*(?:[|•·]|$)", re.I)
HEADER_TARGET_GATE: Final = LiteralGate(HEADER_TARGET)  # (its literals, read from it: see patterns.LiteralGate)


# A header that says its comment is a reply, "Jo Lake Reply:", "Jo replied:" or "Jo responded:" (its stamp left
# out), where the thread's other headers do not ("Al says:"): some themes nest replies so, one level
# under the comment, and plain text keeps only the word.
REPLY_MARK: Final = re.compile(r"\b(?:reply\s*:|responded\s*:|replied\s*[:,.]?)\s*$", re.I)
REPLY_MARK_GATE: Final = LiteralGate(REPLY_MARK)


# An outline number opening a comment's header line: "2.", "2.1.", "2.1.3)".
OUTLINE_NUMBER: Final = re.compile(r"^\s*#?(\d{1,4}(?:\.\d{1,3})*)[.)]?\s")


# A nesting level printed above a comment's header ("level 2"): a rendered page's indent, in words.
LEVEL_LINE: Final = re.compile(r"^\s*level\s+(\d{1,2})\s*$", re.I)


def level_number(line: str) -> int | None:
    """2 for a line "level 2" (the nesting level some threads print over each comment), else None."""
    last = line[-1:]
    if not (last.isdecimal() or last.isspace()):
        # (a match ends on the level's digits, blanks after them or none: most lines asked end
        # otherwise, and are turned away before sre reads them; `str.isdecimal` and `str.isspace`
        # hold for a character where sre's "\d" and "\s" do)
        return None
    m = LEVEL_LINE.match(line)
    return int(m[1]) if m else None


def outline_number(header_line: str) -> tuple[int, ...] | None:
    """(2, 1, 3) for a header line opening "2.1.3. Name", None when it has no outline number."""
    first = header_line[:1]
    if not (first.isdecimal() or first == "#" or first.isspace()):
        # (the number's digit, "#" or a blank must open it, as sre's "\d" and "\s" read them:
        # most header lines open on a letter or a bullet, and are turned away before sre reads them)
        return None
    m = OUTLINE_NUMBER.match(header_line)
    return tuple(int(p) for p in m[1].split(".")) if m else None


def by_outline(numbers: list[tuple[int, ...] | None] | None) -> bool:
    """Whether `thread` nests the comments by their outline numbers: every comment has one and one
    at least has more than one level."""
    return numbers is not None and all(numbers) and any(len(num) > 1 for num in cast("list[tuple[int, ...]]", numbers))


def by_layout(numbers: list[tuple[int, ...] | None] | None, indents: list[int]) -> bool:
    """Whether `thread` nests the comments by their outline numbers or their indents alone (its
    first two readings): it then reads neither their headers' reply marks nor their words."""
    return by_outline(numbers) or len(set(indents)) > 1


def mixed_marks(marked: list[bool]) -> bool:
    """Whether some headers say they are replies and some not: `thread` then nests by the marks
    and reads no words."""
    return any(marked) and not all(marked)


def thread(
    indents: list[int],
    authors: list[str],
    texts: list[str],
    numbers: list[tuple[int, ...] | None] | None = None,
    marked: list[bool] | None = None,
) -> tuple[list[int], list[int | None]]:
    """(depth, parent position) per comment, in page order.

    `numbers`: each comment's outline number (outline_number of its header line), when known.
    `marked`: whether each comment's header says it is a reply (REPLY_MARK), when known.
    """
    n = len(indents)
    depth = [0] * n
    parent: list[int | None] = [None] * n
    if by_outline(numbers):
        last_at: dict[tuple[int, ...], int] = {}  # the latest comment numbered so
        for k, num in enumerate(cast("list[tuple[int, ...]]", numbers)):  # (all numbered: see the test above)
            up = last_at.get(num[:-1]) if len(num) > 1 else None
            if up is not None:
                parent[k], depth[k] = up, depth[up] + 1
            last_at[num] = k
        return depth, parent
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
    if marked is not None and mixed_marks(marked):
        # headers marked as replies among unmarked ones: the page nests replies one level, each
        # under the latest comment headed unmarked above it (whomever its words name: the page
        # shows it there), and the unmarked ones open the thread's conversations
        top = None
        for k in range(n):
            if not marked[k]:
                top = k
            elif top is not None:
                parent[k], depth[k] = top, 1
        return depth, parent
    # no nesting shown: the replies' own words say whom they answer (named_parent)
    for k, p in enumerate(named_parents(authors, texts)):
        if p is not None:
            parent[k], depth[k] = p, depth[p] + 1
    return depth, parent
