"""A CPU-time budget for one page's split, so that one hostile page cannot hold a batch forever.

Scraped markup can be built (or broken) so that a reader's work grows faster than the page: the
readers bound what they know of (nesting depth, group sizes), and this is the net under the rest.
A page that uses up its budget is recorded as failed with the reason in the manifest, and the
batch goes on with the next page.

The budget is the process's user CPU time (setitimer ITIMER_VIRTUAL), not wall time, so a busy
machine does not fail pages; its signal raises PageOverBudget in the page's code. Python runs
signal handlers only in the main thread, so elsewhere (a page split on a thread) the page runs
without a budget. Code compiled with mypyc (the text splitter) runs them when it next calls
interpreted code, so a page may overrun there for a while before it stops; the HTML readers,
where markup can nest without end, are interpreted.
"""

from __future__ import annotations

import signal
import threading
from typing import Any

# The handler is set and put back through _signal, the C module under `signal`: signal.signal
# turns the signal and each handler to and from enums (an exception caught for every Python
# handler), two-thirds of the ~6 microseconds a page's budget cost.
from _signal import signal as _set_handler

# Far above any real page: the slowest dev pages split in well under a second, and a page is at
# most 20 MB (SplitOptions.max_page_bytes) read at over 1 MB/s.
PAGE_CPU_SECONDS = 120.0
_CAN_TIME = hasattr(signal, "setitimer")  # (not on Windows: pages run without a budget there)


class PageOverBudget(Exception):
    """A page's split used up its CPU budget."""


class page_budget:  # noqa: N801 (used as a function: `with page_budget(seconds):`)
    """Run the block with a budget of `seconds` of CPU time (0: none); over it, PageOverBudget.

    (A class, not a generator: entered once per page, it costs about a microsecond.)"""

    __slots__ = ("seconds", "armed", "entered", "previous")

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.armed = seconds > 0 and _CAN_TIME and threading.current_thread() is threading.main_thread()
        self.entered = False
        self.previous: Any = None  # (None also when the handler before was set outside Python)

    def _over(self, signum: int, frame: object) -> None:
        # (a signal still pending when the block ends is let go: it must not hit the next code)
        if self.armed:
            self.armed = False
            raise PageOverBudget(f"the page used up its CPU budget of {self.seconds:g} s; raise it with --page-cpu-seconds")

    def __enter__(self) -> None:
        if self.armed:
            self.previous = _set_handler(signal.SIGVTALRM, self._over)
            self.entered = True
            signal.setitimer(signal.ITIMER_VIRTUAL, self.seconds)

    def __exit__(self, *exc: object) -> None:
        if self.entered:
            self.armed = False
            signal.setitimer(signal.ITIMER_VIRTUAL, 0)
            if self.previous is not None:
                _set_handler(signal.SIGVTALRM, self.previous)
