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

Across batches (`keep_recurring`, at each batch's end): most lines of a page occur on that page
alone, and their verdicts, kept, only grow the process (over the 966 Dragnet raw dev pages ~360k
verdicts, ~38 MB of keys, values and tables, of which ~3% are asked again in a later batch); the
lines that recur (a site's menus, bylines, stamps, wire copy) are what a later batch asks again.
So at a batch's end a verdict is kept only if its key was asked in an earlier batch too (its hash
was seen at an earlier batch's end); the others are dropped, their keys' hashes remembered. A line
met in two batches is read twice (once more than if everything were kept), then kept.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from itertools import compress, islice
from typing import Final, TypeVar

F = TypeVar("F", bound=Callable)

LINE_CACHES: Final[list] = []
# How many entries at the front of each of LINE_CACHES earlier batches' ends kept (a dict keeps its
# insertion order: the entries after them came in since the last batch's end).
_KEPT: Final[list[int]] = []
# The keys batches' ends have seen, one byte a spot of their hash (a key whose spot is set at a
# later end was most likely asked in two batches; a false "seen" only keeps a verdict): a fixed
# 1 MB, where a set of the hashes grew the process by ~80 bytes a line, as much as the verdicts it
# let go (measured). Emptied once a quarter of the spots were marked, so few are false.
SEEN_SPOTS: Final = 1 << 20
SEEN_MASK: Final = SEEN_SPOTS - 1
_SEEN: Final = bytearray(SEEN_SPOTS)
_seen_marked = 0


def line_cache(fn: F) -> F:
    """`fn` cached without a bound, registered in LINE_CACHES (see the module's docstring)."""
    cached = lru_cache(maxsize=None)(fn)
    LINE_CACHES.append(cached)
    _KEPT.append(0)
    return cached  # type: ignore[return-value]


def line_dict() -> dict:
    """A new dict cache of one reader's verdicts, registered in LINE_CACHES (see the module's docstring)."""
    cache: dict = {}
    LINE_CACHES.append(cache)
    _KEPT.append(0)
    return cache


def cache_size(cache: object) -> int:
    """How many verdicts one of LINE_CACHES holds."""
    return len(cache) if isinstance(cache, dict) else cache.cache_info().currsize  # type: ignore[attr-defined]


def empty_cache(cache: object) -> None:
    """Forget the verdicts one of LINE_CACHES holds."""
    if isinstance(cache, dict):
        cache.clear()
        for i, c in enumerate(LINE_CACHES):
            if c is cache:
                _KEPT[i] = 0
    else:
        cache.cache_clear()  # type: ignore[attr-defined]


def forget_seen() -> None:
    """Forget which keys earlier batches asked (with the verdicts: a cold start)."""
    global _seen_marked
    _SEEN[:] = bytes(SEEN_SPOTS)
    _seen_marked = 0


def keep_recurring() -> None:
    """At a batch's end: keep the verdicts whose keys an earlier batch asked too, drop the others
    (see the module's docstring). The lru caches (a tuple's reader) are left to `trim_caches`."""
    global _seen_marked
    # the keys the batch added, each once (one line is the key of many readers' verdicts)
    added: list[tuple[int, int, list]] = []
    batch: set = set()
    for i, cache in enumerate(LINE_CACHES):
        if not isinstance(cache, dict):
            continue
        n = len(cache)
        old = _KEPT[i]
        if n == old:
            continue
        if old > n:  # (emptied since: every entry is new)
            old = 0
        new = list(islice(cache, old, None))
        batch.update(new)
        added.append((i, old, new))
    keys = list(batch)
    spots = [hash(k) & SEEN_MASK for k in keys]  # (a string keeps its hash: no new hashing)
    recurring = set(compress(keys, map(_SEEN.__getitem__, spots)))
    if _seen_marked + len(spots) > SEEN_SPOTS // 4:  # (kept sparse: few false "seen")
        forget_seen()
    for j in spots:
        _SEEN[j] = 1
    _seen_marked += len(spots)
    for i, old, new in added:
        cache = LINE_CACHES[i]
        kept_new = list(compress(new, map(recurring.__contains__, new))) if recurring else []
        n_dropped = len(new) - len(kept_new)
        if old + len(kept_new) < n_dropped:
            # (few kept: built again, so that the table shrinks too)
            keys = list(islice(cache, old)) + kept_new
            values = list(map(cache.__getitem__, keys))
            cache.clear()
            cache.update(zip(keys, values))
        else:
            for k in new:
                if k not in recurring:
                    del cache[k]
        _KEPT[i] = old + len(kept_new)
