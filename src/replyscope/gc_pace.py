"""How often the cyclic garbage collector runs in replyscope's own processes.

CPython starts a young-generation collection every 700 net allocations of container objects
(lists, dicts, tuples, instances). Importing polars, typer and rich and then splitting pages
allocates millions of short-lived containers that reference counting frees on its own; the
collector, run that often, walks the survivors over and over (~180 collections, ~3% of a whole
`replyscope split` of the Dragnet dev pages) to find the few objects only it can free: a whole
split of those 966 pages leaves ~400 objects in reference cycles. Every 50,000 allocations it
still runs (a long run still frees its cycles), about 60 times less often. And once the CLI's
imports are done, `settle` moves their objects (modules, classes, functions: ~50,000,
alive until the process ends) out of the collector's sight, so that no collection walks them
again. Together: the collector's ~0.06 CPU s of a split of those pages -> ~0.016 s. At the exit,
`retire` does the same for what the run leaves alive, before the interpreter's teardown collects.

Installed where replyscope's own processes start (the CLI, each spawned worker), as
regex_cache is; importing replyscope as a library leaves the collector as the caller set it.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 50_000  # net container allocations between young collections (CPython: 700)


def install() -> None:
    """Run young collections every YOUNG_THRESHOLD allocations; the older generations keep their
    ratios (a middle collection every 10 young ones, an old one every 10 middle ones)."""
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)


def hold() -> None:
    """No collection until `settle`: the CLI's imports then run without one. Collections among
    them walked what the imports keep to the end of the process (~50,000 objects, the very objects
    `settle` puts out of sight) to free ~500 objects in cycles (a few kilobytes); a whole split
    of the 966 Dragnet dev pages paid ~20 million instructions for it. Only where `settle` follows."""
    gc.disable()


def settle() -> None:
    """Leave the objects alive now to the end of the process, out of every later collection
    (`gc.freeze`): for the CLI, once its imports are done (and `hold` lifted: collections run at the
    pace install() set). Cycles made later are still freed."""
    gc.freeze()
    gc.enable()


def retire() -> None:
    """At the process's exit (an atexit function, before the interpreter's teardown): free the
    garbage once, running its finalizers, then leave what is still alive out of sight as `settle`
    does with the imports' objects. The teardown then frees everything as usual, by reference
    counts, and its own collections (two or three, as it clears the modules) no longer walk each
    object the run left alive: after a split of the 966 Dragnet dev pages, ~34,000 (the split's
    per-line verdicts and what the stages keep), ~24 ms of CPU, ~14 ms with this one collection.
    As with `settle`, an object still alive here that only falls into a cycle while the modules
    are cleared is left to the process's end rather than collected. Where the CLI's process ends
    without the teardown (process_exit.leave: no file left open for writing), it is not run:
    there is no teardown to ready, and a finalizer that flushes a file is not needed."""
    gc.collect()
    gc.freeze()
