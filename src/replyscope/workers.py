"""Start-up of the worker processes `--workers N` spawns (see pipeline._make_executor).

A module of its own, importing next to nothing: a spawned worker unpickles its initializer (`start`)
before anything else, so only this is imported before `start` runs, and the patterns of the
modules its work then imports (the splitter's, ftfy's, polars'...) go through the compiled-pattern
cache (regex_cache) as they do in the CLI's own process. Importing it installs nothing: only a
worker's `start` does.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1  # linux/prctl.h

_in_worker = False  # set by start: this process is a worker


def start(parent: int) -> None:
    """Runs first in each worker: set the collector's pace and its exit (gc_pace), read compiled patterns back (regex_cache), ignore
    Ctrl-C (the parent decides), and die with the parent.

    The kernel sends SIGKILL to the worker when the parent dies, however it dies (kill -9
    included); a thread watching getppid() covers systems without prctl and the moment between
    the worker's start and this call.
    """
    from replyscope import gc_pace, regex_cache  # noqa: PLC0415

    global _in_worker
    _in_worker = True
    gc_pace.install()
    # (a worker's teardown collections walked everything it imported and kept, the split's caches
    # too, two or three times: ~115 ms of CPU for a worker that split the 966 Dragnet raw pages;
    # with one collection at exit, then the survivors frozen, ~40 ms; see gc_pace.retire)
    atexit.register(gc_pace.retire)
    regex_cache.install()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="watch-parent", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)


def hold_batch(folder: str) -> None:
    """A test hook (pipeline.HOLD_BATCHES_ENV): in a worker process, say that it holds a batch (an
    empty file named after its pid in `folder`) and wait there until the process is stopped, so a
    test stops the split while its workers certainly hold batches, whatever the machine's speed.
    Elsewhere (the split's own process, with one worker) it returns at once."""
    if not _in_worker:
        return
    with open(os.path.join(folder, f"{os.getpid()}.holding"), "w"):
        pass
    while True:  # SIGTERM ends the worker (its default action); the parent's death, PR_SET_PDEATHSIG
        time.sleep(60)
