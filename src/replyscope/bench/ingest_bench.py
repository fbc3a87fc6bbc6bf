"""Benchmark: the whole split stage (read, decode, split, write Parquet) at growing corpus sizes.

Each size runs in a fresh process so its peak memory is its own. Memory should stay flat as the
corpus grows (pages are read and written in batches); throughput is printed beside a plain read
of the same file (the floor any ingest must pay) measured in the same run.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from replyscope.bench.split_bench import DEFAULT_PATH
from replyscope.rundir import read_manifest

console = Console()

# A fresh process per corpus, so its peak memory is this split's alone; run_split records its
# time, peak memory and counts in the run's manifest, which the parent reads.
_CHILD = """
import sys
from pathlib import Path
from replyscope.pipeline import SplitOptions, run_split
run_split([Path(sys.argv[1])], Path(sys.argv[2]), SplitOptions(workers=int(sys.argv[3])))
"""


def _split_figures(run_dir: Path) -> dict:
    """Seconds, peak RSS (main or workers, whichever is higher) and counts from a split's manifest."""
    manifest = read_manifest(run_dir)
    counts = manifest["counts"]
    return {
        "seconds": manifest["timings"]["split"],
        "peak_rss_mb": max(manifest["memory"]["split_peak_rss_mb"].values()),
        "documents": counts["documents"],
        "comments": counts["comments"],
    }


def _replicate(source: Path, times: int, target: Path) -> int:
    """Write `times` copies of a JSONL corpus, ids made unique, and return its size in bytes."""
    lines = [json.loads(line) for line in source.open() if line.strip()]
    with target.open("w") as out:
        for copy in range(times):
            for row in lines:
                out.write(json.dumps(row | {"id": f"{row.get('id', '')}-{copy}"}) + "\n")
    return target.stat().st_size


def _plain_read_seconds(path: Path) -> float:
    started = time.perf_counter()
    with path.open("rb") as handle:
        for _ in handle:
            pass
    return time.perf_counter() - started


def run(path: Path | None = None, *, scales: tuple[int, ...] = (1, 4), workers: int = 1) -> dict:
    source = path or DEFAULT_PATH
    if not source.exists():
        raise FileNotFoundError(f"{source} not found: pass a JSONL corpus of pages")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for scale in scales:
            corpus = Path(tmp) / f"corpus-{scale}.jsonl"
            size = _replicate(source, scale, corpus)
            read_s = _plain_read_seconds(corpus)
            run_dir = Path(tmp) / f"run-{scale}"
            subprocess.run(
                [sys.executable, "-c", _CHILD, str(corpus), str(run_dir), str(workers)], check=True, capture_output=True
            )
            results.append({"scale": scale, "mb": size / 1e6, "read_s": read_s, **_split_figures(run_dir)})
    table = Table(title=f"split stage, whole process, {workers} worker(s): {source.name}")
    for column in ("scale", "MB", "pages", "comments", "seconds", "MB/s", "plain read MB/s", "peak RSS MB"):
        table.add_column(column, justify="right")
    for r in results:
        table.add_row(
            f"{r['scale']}x", f"{r['mb']:.1f}", f"{r['documents']:,}", f"{r['comments']:,}", f"{r['seconds']:.2f}",
            f"{r['mb'] / r['seconds']:.2f}", f"{r['mb'] / max(r['read_s'], 1e-9):.0f}", f"{r['peak_rss_mb']:.0f}",
        )
    console.print(table)
    growth = results[-1]["peak_rss_mb"] / results[0]["peak_rss_mb"]
    console.print(
        f"corpus grew {results[-1]['scale'] / results[0]['scale']:.0f}x; peak memory grew {growth:.2f}x "
        "(flat is ~1x: batches, not the corpus, are held in memory)"
    )
    summary = {"results": results, "peak_memory_growth": round(growth, 3)}
    print(json.dumps(summary, default=float))
    return summary
