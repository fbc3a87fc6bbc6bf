"""The label line that opens each comment's words alike ("Answer:", "A:"), found from the thread.

A page that labels its answers prints the label over every one. The first comment of a thread
signed from below has no header above it to start from; its label says where its words begin,
however long they run (a long first answer otherwise reads as the article, or parts the thread
from the section header over it).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Final

from replyscope.split.caches import line_dict
from replyscope.split.chrome import is_chrome
from replyscope.split.lines import Lines

# Other comments of the thread that must open with the same label (and half of them at least).
MIN_OPENED: Final = 2


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_IS_LABEL_CACHE: Final[dict[str, bool]] = line_dict()


def is_label(s: str) -> bool:
    """A short label ending in a colon ("Display:", "Answer:"): a widget's, no one's words."""
    known = _IS_LABEL_CACHE.get(s)
    if known is None:
        known = _IS_LABEL_CACHE[s] = _is_label_uncached(s)
    return known


def _is_label_uncached(s: str) -> bool:
    return len(s) <= 20 and s.endswith(":") and " " not in s.strip()


def opener_above(lines: Lines, spans: list[tuple[int, int]], first: int, floor: int) -> int | None:
    """The line over the first comment's words that opens the others' alike, or None.

    `spans`: each comment's line range, the first one's unknown (spans[1:] are read); `first`: the
    first comment's header (its signature, under its words); `floor`: the highest line it may reach.
    The label must open most other comments: after a blank, under only the chrome of the header
    above ("Helpful (3)", "Yes No"), right over their words."""
    text = lines.text
    seen: Counter[str] = Counter()
    for lo, hi in spans[1:]:
        i = next((i for i in range(max(lo, 1), hi - 1) if is_label(text[i]) and not text[i - 1] and text[i + 1]), None)
        if i is not None and not any(text[j] and not is_chrome(text[j]) for j in range(lo, i)):
            seen[text[i]] += 1
    if not seen:
        return None
    label, n = seen.most_common(1)[0]
    if n < MIN_OPENED or n * 2 < len(spans) - 1:
        return None
    return next((j for j in range(first - 2, max(floor, 0) - 1, -1) if text[j] == label and text[j + 1]), None)


# A label printed at the head of each comment's first line ("A: Yes, it does."): a word of at most
# this many letters and a colon.
INLINE_LABEL_CHARS: Final = 12
# (some print a space before the colon, "Message : ...": the label keeps it, so that its length
# still reaches the colon)
_INLINE_LABEL: Final = re.compile(rf"^([^\W\d_]{{1,{INLINE_LABEL_CHARS}}} ?):\s+\S")


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_INLINE_LABEL_CACHE: Final[dict[str, str | None]] = line_dict()


def inline_label(s: str) -> str | None:
    """The label a line opens with ("A" for "A: Yes, it does."), or None."""
    cache = _INLINE_LABEL_CACHE
    # (one lookup: "" is no label, a label has a letter at least, so it stands for a line not read yet)
    known = cache.get(s, "")
    if known != "":
        return known
    found = cache[s] = _inline_label_uncached(s)
    return found


def _inline_label_uncached(s: str) -> str | None:
    # (the label's colon is the line's first, after 1 to INLINE_LABEL_CHARS letters and a space:
    # most lines hold none there, and the pattern is not asked)
    if not 0 < s.find(":") <= INLINE_LABEL_CHARS + 1:
        return None
    m = _INLINE_LABEL.match(s)
    return m.group(1) if m else None


def shared_inline_label(firsts: list[str]) -> str | None:
    """The label most of these first lines open with (at least MIN_OPENED of them, and half), or
    None: one reader's "Update: ..." is words, a label on every answer is the page's."""
    # (a plain loop and dict: compiled, a Counter fed by a generator cost ~38k instructions a call)
    seen: dict[str, int] = {}
    for first in firsts:
        x = inline_label(first)
        if x is not None:
            seen[x] = seen.get(x, 0) + 1
    if not seen:
        return None
    # (the most common, the first seen of equals, as Counter.most_common(1) gives it)
    label, n = "", 0
    for x, k in seen.items():
        if k > n:
            label, n = x, k
    return label if n >= MIN_OPENED and n * 2 >= len(firsts) else None


def inline_opener_above(lines: Lines, spans: list[tuple[int, int]], first: int, floor: int) -> int | None:
    """The line over the first comment's signature that opens with the label the others' first
    lines open with ("A: ..."), after a blank, or None (see opener_above; here the label shares
    the line with the words, so the line is the comment's own)."""
    text = lines.text
    firsts = []
    for lo, hi in spans[1:]:
        i = next((i for i in range(lo, hi) if text[i] and not is_chrome(text[i])), None)
        if i is not None:
            firsts.append(text[i])
    label = shared_inline_label(firsts)
    if label is None:
        return None
    return next((j for j in range(first - 1, max(floor, 0) - 1, -1) if inline_label(text[j]) == label and (j == 0 or not text[j - 1])), None)
