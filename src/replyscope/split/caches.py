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

Across batches (`end_of_batch`, at each batch's end): a verdict kept costs memory the process
must fault in (over the 966 Dragnet raw dev pages ~360k verdicts, ~38 MB of keys, values and
tables, ~5.4k page faults, each ~10 us with the cache misses of new memory: ~0.15 us a verdict),
and saves its reading again each time its line comes back (~1.2 us a verdict on average; read_header's
~3 us). So keeping pays where more than ~1 in 5 lines comes back, and there only: in those pages
~3% of a batch's verdicts are asked again in a later batch, but a run over a site's pages, or the
same pages again, asks most again. Selecting verdict by verdict costs as much as it saves (a pass
over each verdict's key at each batch's end, ~0.13 us a verdict, measured), so the choice is made
for the batch: a sample of its new verdicts' keys is checked against the keys earlier batches'
samples saw (one byte a spot of their hash); where at least RECUR_SHARE of them were seen, every
verdict is kept until the next batch's end, else every one is forgotten.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from itertools import compress, islice
from typing import Final, TypeVar

F = TypeVar("F", bound=Callable)

LINE_CACHES: Final[list] = []
# How many entries each of LINE_CACHES held at the last batch's end (a dict keeps its insertion
# order: the entries after them came in since).
_KEPT: Final[list[int]] = []
# The spots (hash & SEEN_MASK) of the sampled keys batches' ends have seen: a fixed 256 KB; a spot
# set by another key makes a false "seen" (kept sparse: emptied once SEEN_SPOTS // 4 were marked).
SEEN_SPOTS: Final = 1 << 18
SEEN_MASK: Final = SEEN_SPOTS - 1
_SEEN: Final = bytearray(SEEN_SPOTS)
_seen_marked = 0
# Keys sampled at a batch's end: the new keys of the cache that gained most whose hash has bits
# 20-23 clear (1 in 16, the same keys whichever batch asks them), and the share of them seen before
# from which the batch's verdicts are kept; fewer than SAMPLE_MIN sampled say nothing (the batch
# found nearly every line it asked kept already: the caches are kept as they are).
SAMPLE_SHIFT: Final = 20
SAMPLE_MASK: Final = 15
SAMPLE_MIN: Final = 64
RECUR_SHARE: Final = 0.2


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


def end_of_batch() -> bool:
    """At a batch's end: keep every verdict where the batch's lines come back from earlier batches
    enough to pay for their memory, else forget them all (see the module's docstring). Whether
    they were kept. The lru caches (a tuple's reader) are left to `trim_caches`."""
    global _seen_marked
    widest = -1
    gained = 0
    for i, cache in enumerate(LINE_CACHES):
        if isinstance(cache, dict):
            n = len(cache) - _KEPT[i]
            if n > gained:
                widest, gained = i, n
    keep = True
    if gained >= SAMPLE_MIN * (SAMPLE_MASK + 1):
        cache = LINE_CACHES[widest]
        start = _KEPT[widest] if _KEPT[widest] <= len(cache) else 0
        spots: list[int] = []
        seen = 0
        for k in islice(cache, start, None):
            h = hash(k)
            if (h >> SAMPLE_SHIFT) & SAMPLE_MASK == 0:
                spot = h & SEEN_MASK
                seen += _SEEN[spot]
                spots.append(spot)
        keep = seen >= RECUR_SHARE * len(spots)
        if _seen_marked + len(spots) > SEEN_SPOTS // 4:
            forget_seen()
        for j in spots:
            _SEEN[j] = 1
        _seen_marked += len(spots)
    for i, cache in enumerate(LINE_CACHES):
        if isinstance(cache, dict):
            if not keep:
                cache.clear()
            _KEPT[i] = len(cache)
    return keep
