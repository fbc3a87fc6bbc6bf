"""The splitter's per-line verdicts cached across pages (menus, bylines and stamps repeat from
page to page).

`line_dict` makes one of them: a dict, registered in LINE_CACHES (where `split.trim_caches` bounds
their size and `split.clear_caches` empties them), that its reader reads and fills itself:

    _IS_FOO_CACHE: Final[dict[str, bool]] = line_dict()

    def is_foo(s: str) -> bool:
        known = _IS_FOO_CACHE.get(s)
        if known is None:
            known = _IS_FOO_CACHE[s] = _is_foo_uncached(s)
        return known

(a reader that may answer None asks `s in cache` first). Compiled with mypyc, a call to such a
reader is a direct C call and its lookup a dict primitive; through an lru_cache (what these caches
were until Session 20) a compiled caller found the wrapper in the module's dict and made a Python
call, the arguments parsed again on a miss: over the 966 Dragnet raw dev pages, ~700k asks, ~0.3 G
instructions of a 14.1 G process. As plain Python an lru_cache is the faster of the two.

`line_cache`, an `lru_cache` without a size bound registered the same way, is left for a reader of
something other than one string (talk.texts_talk, of a tuple of lines).
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
