"""Benchmark: the whole split (`replyscope split FILE --out DIR`) at growing corpus sizes.

Each run is a fresh `replyscope split` process, timed from outside: wall and CPU seconds include
the interpreter's start, the imports, reading, decoding, splitting, writing Parquet and the
manifest, i.e. what a user waits for. Speed is MB/s of page text (the `text` of the pages the run
split, UTF-8 bytes; not the size of the input file, which may hold other fields such as gold
labels), best of `repeat` runs, and as a ratio to one plain `\\w+` regex pass over the same texts
measured in the same run, once after each split run so that it meets the same load (CPU seconds,
one core, best of those): the MB/s alone says how busy or fast the machine is, the ratio is
comparable across runs. The split stage's own time (from the manifest:
no start-up or imports) is shown beside it.

Memory should stay flat as the corpus grows (pages are read and written in batches); each size
runs in its own process, so its peak memory is its own. The larger corpora repeat the same pages,
so the splitter's per-line caches answer most lines of the copies: their MB/s flatter, the 1x row
is the speed on pages not seen before.
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl
from rich.console import Console
from rich.table import Table

from replyscope.bench.split_bench import DEFAULT_PATH
from replyscope.compiled import split_engine
from replyscope.rundir import read_manifest, table_path

console = Console()

WORD = re.compile(r"\w+")
# exit codes of a split that finished: 0, or 3 when some pages were empty, skipped or failed
_FINISHED = (0, 3)


def _split_figures(run_dir: Path) -> dict:
    """The split stage's own seconds, peak RSS (main or workers, whichever is higher) and counts, from its manifest."""
    manifest = read_manifest(run_dir)
    counts = manifest["counts"]
    return {
        "stage_seconds": manifest["timings"]["split"],
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


def _page_texts(run_dir: Path) -> list[str]:
    """The texts the run split: its documents table's `text` of the pages read (decoded, repaired)."""
    documents = pl.read_parquet(table_path(run_dir, "documents"), columns=["text", "status"])
    return documents.filter(pl.col("status") == "ok")["text"].to_list()


def _regex_cpu_seconds(texts: list[str], repeat: int) -> float:
    """CPU seconds of one `\\w+` pass over the texts, best of `repeat`: the same-run yardstick."""
    best = float("inf")
    for _ in range(max(1, repeat)):
        started = time.process_time()
        for text in texts:
            for _ in WORD.finditer(text):
                pass
        best = min(best, time.process_time() - started)
    return max(best, 1e-9)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def split_process(corpus: Path, run_dir: Path, workers: int) -> tuple[float, float]:
    """Wall and CPU seconds (the process and its workers) of one whole `replyscope split` run."""
    command = [sys.executable, "-m", "replyscope", "split", str(corpus), "--out", str(run_dir), "--workers", str(workers)]
    cpu_before, started = _children_cpu(), time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - started, _children_cpu() - cpu_before
    if done.returncode not in _FINISHED:
        raise RuntimeError(f"`{' '.join(command)}` exited {done.returncode}: {done.stderr.strip()[-2000:]}")
    return wall, cpu


def run(path: Path | None = None, *, scales: tuple[int, ...] = (1, 4), workers: int = 1, repeat: int = 3) -> dict:
    source = Path(path) if path is not None else DEFAULT_PATH
    if not source.exists():
        raise FileNotFoundError(f"{source} not found: pass a JSONL corpus of pages")
    results = []
    regex = None
    engine = split_engine()  # (the split processes import the split as this one does: same sources, same environment)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        for scale in scales:
            corpus = Path(tmp) / f"corpus-{scale}.jsonl"
            file_bytes = _replicate(source, scale, corpus)
            run_dir = Path(tmp) / f"run-{scale}"
            runs = []
            texts: list[str] | None = None
            yardstick = []
            for _ in range(max(1, repeat)):
                wall, cpu = split_process(corpus, run_dir, workers)
                runs.append((wall, cpu, _split_figures(run_dir)))
                texts = texts if texts is not None else _page_texts(run_dir)
                if regex is None:  # the yardstick, over the first corpus's texts, after each run: it
                    yardstick.append(_regex_cpu_seconds(texts, 1))  # sees the load the runs saw
            # best of each (the stage's best is within the best wall: each run's stage is within its wall)
            wall, cpu = min(r[0] for r in runs), min(r[1] for r in runs)
            figures = runs[-1][2] | {"stage_seconds": min(r[2]["stage_seconds"] for r in runs)}
            mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
            if regex is None:
                regex = {"mb": mb, "seconds": min(yardstick)}
            regex_mb_s = regex["mb"] / regex["seconds"]
            results.append({
                "scale": scale,
                "file_mb": round(file_bytes / 1e6, 3),
                "text_mb": round(mb, 3),
                "wall_seconds": round(wall, 3),
                "cpu_seconds": round(cpu, 3),
                "mb_per_s_wall": round(mb / wall, 3),
                "mb_per_s_cpu": round(mb / max(cpu, 1e-9), 3),
                "to_regex_cpu": round(mb / max(cpu, 1e-9) / regex_mb_s, 4),
                "stage_mb_per_s": round(mb / max(figures["stage_seconds"], 1e-9), 3),
                **figures,
            })
    regex_mb_s = regex["mb"] / regex["seconds"]
    load = (round(load_before, 2), round(os.getloadavg()[0], 2))
    table = Table(
        title=f"replyscope split, whole process, {workers} worker(s), best of {repeat}, split engine {engine}: {source.name}\n"
        f"(MB = page text; `\\w+` regex pass in this run: {regex_mb_s:.2f} MB/s on one core; load average {load[0]} -> {load[1]})"
    )
    columns = ("scale", "file MB", "text MB", "pages", "comments", "wall s", "CPU s", "process MB/s wall", "process MB/s CPU",
               "x regex", "stage s", "stage MB/s", "peak RSS MB")
    for column in columns:
        table.add_column(column, justify="right")
    for r in results:
        table.add_row(
            f"{r['scale']}x", f"{r['file_mb']:.1f}", f"{r['text_mb']:.1f}", f"{r['documents']:,}", f"{r['comments']:,}",
            f"{r['wall_seconds']:.2f}", f"{r['cpu_seconds']:.2f}", f"{r['mb_per_s_wall']:.2f}", f"{r['mb_per_s_cpu']:.2f}",
            f"{r['to_regex_cpu']:.3f}", f"{r['stage_seconds']:.2f}", f"{r['stage_mb_per_s']:.2f}", f"{r['peak_rss_mb']:.0f}",
        )
    # (wide: thirteen columns do not fit the 80 a pipe is given)
    Console(width=max(console.width, 140)).print(table)
    console.print(
        "wall and CPU s: the whole `replyscope split` process (start, imports, read, decode, split, Parquet, manifest); "
        "x regex: its MB/s (CPU) over the regex pass's; stage: the split stage alone, from the manifest. "
        "Larger scales repeat the same pages (the splitter's per-line caches hit): the 1x row is the speed on new pages"
    )
    for r in results:  # the two speeds side by side: what a user waits for, and the stage alone
        console.print(
            f"{r['scale']}x: whole process {r['mb_per_s_cpu']:.2f} MB/s CPU ({r['mb_per_s_wall']:.2f} MB/s wall); "
            f"split stage alone {r['stage_mb_per_s']:.2f} MB/s wall; outside the stage (start, imports, the tables' fingerprints, the "
            f"manifest's last writes) {max(r['wall_seconds'] - r['stage_seconds'], 0.0):.2f} s of {r['wall_seconds']:.2f} s wall",
            soft_wrap=True,  # (one line each, however narrow the terminal: a script may grep them)
        )
    growth = results[-1]["peak_rss_mb"] / results[0]["peak_rss_mb"]
    console.print(
        f"corpus grew {results[-1]['scale'] / results[0]['scale']:.0f}x; peak memory grew {growth:.2f}x "
        "(flat is ~1x: batches, not the corpus, are held in memory)"
    )
    summary = {
        "results": results,
        "regex_mb_per_s": round(regex_mb_s, 3),
        "repeat": repeat,
        "workers": workers,
        "engine": engine,
        "load_average": load,
        "peak_memory_growth": round(growth, 3),
    }
    print(json.dumps(summary, default=float))
    return summary
