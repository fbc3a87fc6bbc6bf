"""Benchmark: how fast the splitter reads raw page text, beside one plain regex pass.

The reference pass (`re.finditer(r"\\w+")` over the same texts, in the same run) tells how busy
the machine is: the ratio split/regex is comparable across machines, the MB/s alone is not.
Times are CPU seconds of this process (one core), best of `repeat` runs.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from replyscope.bench import SHARED_CORPORA
from replyscope.compiled import split_engine
from replyscope.evaluate.split_eval import load_rows
from replyscope.split import clear_caches, split_document

DEFAULT_PATH = SHARED_CORPORA / "dragnet-dev" / "dragnet-raw-dev.jsonl"
DEFAULT_HTML_PATH = SHARED_CORPORA / "dragnet-dev" / "dragnet-html-dev.jsonl.gz"
WORD = re.compile(r"\w+")


def load_texts(path: Path) -> list[str]:
    """Page texts from a .jsonl file (`text` field), a .txt file, or a folder of .txt files."""
    path = Path(path)
    if path.is_dir():
        return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(path.glob("*.txt"))]
    if path.suffix == ".jsonl":
        return [row.get("text") or "" for row in load_rows(path)]
    return [path.read_text(encoding="utf-8", errors="replace")]


def _best_cpu_seconds(fn, texts: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(max(1, repeat)):
        t0 = time.process_time()
        fn(texts)
        best = min(best, time.process_time() - t0)
    return max(best, 1e-9)


def _split_all(texts: list[str]) -> None:
    # start cold: the splitter caches per-line verdicts, and a repeat over the same texts must not
    # time a warm cache
    clear_caches()
    for text in texts:
        split_document(text)


def _regex_all(texts: list[str]) -> None:
    for text in texts:
        for _ in WORD.finditer(text):
            pass


def run(path: Path | None = None, *, repeat: int = 3) -> dict:
    """Time the split and the reference regex pass over the texts at `path`; print and return the numbers."""
    path = Path(path) if path is not None else DEFAULT_PATH
    if not path.exists():
        raise FileNotFoundError(f"no benchmark input at {path}")
    texts = load_texts(path)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    engine = split_engine()
    split_s = _best_cpu_seconds(_split_all, texts, repeat)
    regex_s = _best_cpu_seconds(_regex_all, texts, repeat)
    result = {
        "path": str(path),
        "pages": len(texts),
        "mb": round(mb, 3),
        "split_seconds": round(split_s, 4),
        "split_mb_per_s": round(mb / split_s, 2),
        "split_pages_per_s": round(len(texts) / split_s, 1),
        "regex_seconds": round(regex_s, 4),
        "regex_mb_per_s": round(mb / regex_s, 2),
        "split_to_regex_speed": round(regex_s / split_s, 3),
        "engine": engine,
    }
    table = Table(title=f"split benchmark: {len(texts)} pages, {mb:.2f} MB (CPU s, best of {repeat}; split engine: {engine})")
    for col in ("pass", "seconds", "MB/s", "pages/s"):
        table.add_column(col, justify="right" if col != "pass" else "left")
    table.add_row("split_document", f"{split_s:.3f}", f"{result['split_mb_per_s']:.2f}", f"{result['split_pages_per_s']:.0f}")
    table.add_row("re.finditer(\\w+)", f"{regex_s:.3f}", f"{result['regex_mb_per_s']:.2f}", f"{len(texts) / regex_s:.0f}")
    console = Console()
    console.print(table)
    console.print(f"split runs at {result['split_to_regex_speed']:.3f}x the speed of one plain regex pass")
    return result


def run_html(path: Path | None = None, *, limit: int | None = None) -> dict:
    """replyscope and trafilatura on the same crawled HTML in one run: scores and MB/s for both, per half."""
    from replyscope.evaluate.html_split_eval import run_rows

    path = Path(path) if path is not None else DEFAULT_HTML_PATH
    if not path.exists():
        raise FileNotFoundError(f"no benchmark input at {path}")
    clear_caches()
    return run_rows(load_rows(path, limit), path.name, with_trafilatura=True)
