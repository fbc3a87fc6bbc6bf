"""The offline HTML report of a run: one self-contained index.html (data, plotly.js and the page's
own script inlined, no network needed or allowed).

`build_report(run_dir)` is the entry point; `data` shapes the payload, `html` assembles the page.
"""

from __future__ import annotations

from pathlib import Path

from replyscope.report.data import build_payload, load_run
from replyscope.report.html import render_page

__all__ = ["build_report"]


def build_report(run_dir: Path) -> Path:
    """Write `run_dir/index.html` from the run's tables and return its path."""
    run_dir = Path(run_dir)
    page = render_page(build_payload(load_run(run_dir)), title=f"replyscope report: {run_dir.resolve().name}")
    path = run_dir / "index.html"
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(path)  # never leave a half-written report behind
    return path
