"""The splitter's per-line verdicts cached across pages (menus, bylines and stamps repeat from
page to page).

`line_cache` makes a function one of them: an `lru_cache` without a size bound, i.e. a plain
dict, faster on hits and misses than a bounded LRU, and registers it in LINE_CACHES, where
`split.trim_caches` bounds their size and `split.clear_caches` empties them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Final, TypeVar

F = TypeVar("F", bound=Callable)

LINE_CACHES: Final[list] = []


def line_cache(fn: F) -> F:
    """`fn` cached without a bound, registered in LINE_CACHES (see the module's docstring)."""
    cached = lru_cache(maxsize=None)(fn)
    LINE_CACHES.append(cached)
    return cached  # type: ignore[return-value]
