"""The offline HTML report of a run: one self-contained index.html (data, plotly.js and the page's
own script inlined, no network needed or allowed).

`build_report(run_dir)` is the entry point; `data` shapes the payload, `html` assembles the page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from replyscope.report.data import build_payload, load_run
from replyscope.report.html import render_page

__all__ = ["build_report"]


REPORT_STEPS = ("read tables", "shape data", "write page")


def build_report(run_dir: Path, on_progress: Callable[[str, int, int], None] | None = None) -> Path:
    """Write `run_dir/index.html` from the run's tables and return its path.

    `on_progress(step, done, total)` follows REPORT_STEPS, each from 0 to 1 (done).
    """
    run_dir = Path(run_dir)
    progress = on_progress or (lambda step, done, total: None)
    progress(REPORT_STEPS[0], 0, 1)
    tables = load_run(run_dir)
    progress(REPORT_STEPS[0], 1, 1)
    progress(REPORT_STEPS[1], 0, 1)
    payload = build_payload(tables)
    del tables
    progress(REPORT_STEPS[1], 1, 1)
    progress(REPORT_STEPS[2], 0, 1)
    page = render_page(payload, title=f"replyscope report: {run_dir.resolve().name}")
    del payload
    path = run_dir / "index.html"
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(path)  # never leave a half-written report behind
    progress(REPORT_STEPS[2], 1, 1)
    return path
