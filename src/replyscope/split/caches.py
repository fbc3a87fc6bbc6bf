"""The splitter's per-line verdicts cached across pages (menus, bylines and stamps repeat from
page to page).

`line_cache` makes a function one of them: an `lru_cache` without a size bound, i.e. a plain
dict, faster on hits and misses than a bounded LRU, and registers it in LINE_CACHES, where
`split.trim_caches` bounds their size and `split.clear_caches` empties them.

`line_dict` is the same cache for the readers asked most often (read_header, is_chrome,
is_boilerplate_line, is_prose, _has_section_hint: ~60% of the ~700k asks over the 966 Dragnet raw
dev pages): a dict, registered as well, that the reader reads and fills itself. Compiled with mypyc,
a call to such a reader is a direct C call and its lookup a dict primitive, where a call through
an lru_cache is a Python call (the wrapper found in the module's dict, the key made, the arguments
parsed again on a miss). As plain Python the lru_cache is the faster of the two.
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


def line_dict() -> dict:
    """A new dict cache of one reader's verdicts, registered in LINE_CACHES (see the module's docstring)."""
    cache: dict = {}
    LINE_CACHES.append(cache)
    return cache


def cache_size(cache: object) -> int:
    """How many verdicts one of LINE_CACHES holds."""
    return len(cache) if isinstance(cache, dict) else cache.cache_info().currsize  # type: ignore[attr-defined]


def empty_cache(cache: object) -> None:
    """Forget the verdicts one of LINE_CACHES holds."""
    if isinstance(cache, dict):
        cache.clear()
    else:
        cache.cache_clear()  # type: ignore[attr-defined]
