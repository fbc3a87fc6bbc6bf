"""How `python -m replyscope` ends its process once its command is done.

The interpreter's own exit (Py_FinalizeEx) frees every object one by one, module by module: after
a split, the splitter's per-line verdicts, the imported libraries' objects and what the stages keep
(hundreds of thousands of objects, memory the process is about to give back whole). `leave` runs
what an exit must run, the atexit functions (regex_cache's save among them; not gc_pace.retire,
whose collection only readies the heap for the teardown), flushes both standard streams, and then
ends the process at once with the command's code, but only where nothing can be lost that way:
- no thread but the main one is alive (the interpreter's exit would wait for one);
- no file is left open for writing: a Python file object holds its descriptor until it is closed,
  so a regular file's descriptor open for writing is the only way a buffer of a file not yet
  flushed can remain. Every file a command writes is closed (and renamed into place) when its
  stage ends; a file still open for writing means some code did not close it, and the ordinary
  exit, which flushes it, runs instead (one left unclosed in garbage too: no collection ran to
  close it). (Descriptors that are not files are not asked about:
  Polars' runtime keeps its event descriptors open read-write, and a process may inherit pipes.)
- the descriptors can be listed at all (Linux's /proc; elsewhere the ordinary exit);
- no profiler or tracer is attached (cProfile, trace and coverage write their results after the
  program returns, which os._exit would skip);
- REPLYSCOPE_FULL_EXIT is not set (an analyst's way to ask for the ordinary exit whatever else runs).
What is not done then: the finalizers of objects still alive or in unreachable cycles are not
run (CPython promises neither at exit); the ones that matter, a file's flush and close, are the
cases above, and weakref.finalize's (temporary folders) are atexit functions, which run.
Both `python -m replyscope` and the `replyscope` script (pyproject's entry point) end through
cli.main, and so here.
"""

from __future__ import annotations

import atexit
import fcntl
import os
import resource
import stat
import sys
import threading
from collections.abc import Callable

_FD_DIR = "/proc/self/fd"
FULL_EXIT_ENV = "REPLYSCOPE_FULL_EXIT"


def open_for_writing() -> list[int] | None:
    """This process's descriptors of regular files open for writing, or None where they cannot be listed."""
    try:
        names = os.listdir(_FD_DIR)
    except OSError:
        return None
    # A descriptor at or past the soft limit was not opened by this process (open and dup2 give
    # none there): a tool's own, such as valgrind's files, which it keeps past the limit it sets.
    limit = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    writable = []
    for name in names:
        try:
            fd = int(name)
        except ValueError:
            return None
        if fd < 3 or (limit != resource.RLIM_INFINITY and fd >= limit):  # (fd < 3: flushed by leave itself)
            continue
        try:
            flags = fcntl.fcntl(fd, fcntl.F_GETFL)
            regular = stat.S_ISREG(os.fstat(fd).st_mode)
        except OSError:  # (the listing's own descriptor, closed by now)
            continue
        if regular and flags & os.O_ACCMODE in (os.O_WRONLY, os.O_RDWR):
            writable.append(fd)
    return writable


def leave(code: object, teardown_only: tuple[Callable[[], object], ...] = ()) -> None:
    """End the process with `code` (an exit status) without the interpreter's teardown, where that
    loses nothing (see the module's docstring); otherwise return, and the caller exits as usual.

    `teardown_only`: atexit functions that serve the teardown alone (gc_pace.retire: it readies the
    heap for it), left out when there is none and kept for the ordinary exit otherwise."""
    if code is None:
        code = 0
    if type(code) is not int or threading.active_count() > 1:
        return
    if os.environ.get(FULL_EXIT_ENV) or sys.getprofile() is not None or sys.gettrace() is not None:
        return
    for function in teardown_only:
        atexit.unregister(function)
    atexit._run_exitfuncs()  # (each runs once: they are cleared, an ordinary exit runs the ones kept below)
    flushed = True
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):  # a closed pipe: the ordinary exit says so
        flushed = False
    if not flushed or open_for_writing() != []:
        for function in teardown_only:
            atexit.register(function)
        return
    os._exit(code)
