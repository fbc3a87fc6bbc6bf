"""Wires the stages to a run directory: ingest + split in batches over worker processes, then
analyze, then report. The CLI is a thin layer over these functions.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from replyscope.ingest import ColumnOptions, RawDocument, discover_inputs, read_input, to_documents
from replyscope.rundir import TableWriter, file_fingerprint, read_table, update_manifest, versions, write_table

if TYPE_CHECKING:  # (analyze is imported where it runs: its dependencies are heavy)
    from replyscope.analyze import AnalyzeSettings

SPLIT_TABLES = ("documents", "segments", "articles", "comments")


@dataclass(frozen=True)
class SplitOptions:
    columns: ColumnOptions = field(default_factory=ColumnOptions)
    workers: int = 1
    batch_docs: int = 256  # pages per batch handed to a worker
    batch_bytes: int = 16 << 20  # ...or fewer, when the pages are large: keeps memory flat
    max_page_bytes: int = 20 << 20  # a bigger page is recorded as skipped, not split


@dataclass
class BatchResult:
    tables: dict[str, pl.DataFrame]
    n_bytes: int


def split_batch(raws: list[RawDocument]) -> BatchResult:
    """Decode and split one batch. Runs in a worker process; never raises for one bad page."""
    from replyscope.split import split_documents

    documents = to_documents(raws)
    ok = documents.filter(pl.col("status") == "ok")
    split = split_documents(ok)
    if split.errors:
        failed = pl.DataFrame({"doc_id": list(split.errors), "split_error": list(split.errors.values())})
        documents = (
            documents.join(failed, on="doc_id", how="left")
            .with_columns(
                status=pl.when(pl.col("split_error").is_not_null()).then(pl.lit("failed")).otherwise("status"),
                error=pl.when(pl.col("split_error").is_not_null())
                .then(pl.lit("split: ") + pl.col("split_error"))
                .otherwise("error"),
            )
            .drop("split_error")
        )
    n_bytes = sum(len(r.content) for r in raws if r.content is not None)
    tables = {"documents": documents, "segments": split.segments, "articles": split.articles, "comments": split.comments}
    return BatchResult(tables, n_bytes)


def iter_batches(files: list[tuple[Path, Path | None]], options: SplitOptions) -> Iterator[list[RawDocument]]:
    """Group the documents of all input files (from `input_files`) into batches bounded in count and bytes."""
    batch: list[RawDocument] = []
    size = 0
    for path, root in files:
        for raw in read_input(path, options.columns, options.max_page_bytes, root):
            batch.append(raw)
            size += len(raw.content) if raw.content is not None else 0
            if len(batch) >= options.batch_docs or size >= options.batch_bytes:
                yield batch
                batch, size = [], 0
    if batch:
        yield batch


def input_files(inputs: list[Path]) -> list[tuple[Path, Path | None]]:
    """Every input file, with the folder it was found in (its ids are relative to that folder)."""
    return [(path, given if given.is_dir() else None) for given in inputs for path in discover_inputs([given])]


class _InlineExecutor(Executor):
    """Runs work in this process: no pickling cost when one worker is asked for."""

    def submit(self, fn, /, *args, **kwargs):
        future: Future = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def run_split(
    inputs: list[Path],
    run_dir: Path,
    options: SplitOptions = SplitOptions(),
    on_progress: Callable[[int, int], None] | None = None,
    files: list[tuple[Path, Path | None]] | None = None,
) -> dict:
    """Ingest and split every input into the run directory; returns the counts.

    Batches go to worker processes and come back in submission order, so the tables are the
    same whatever the number of workers. At most two batches per worker are in flight. Pass
    `files` (input_files(inputs)) when the caller already walked the inputs, e.g. to size a
    progress bar: a folder can hold millions of pages, and it is walked once.
    """
    run_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    files = input_files(inputs) if files is None else files
    writers = {name: TableWriter(run_dir, name) for name in SPLIT_TABLES}
    problems: list[dict] = []
    counts = {"documents": 0, "ok": 0, "empty": 0, "skipped": 0, "failed": 0, "pages_with_comments": 0}
    n_bytes = 0

    def collect(result: BatchResult) -> None:
        nonlocal n_bytes
        for name, frame in result.tables.items():
            writers[name].write(frame)
        docs = result.tables["documents"]
        counts["documents"] += docs.height
        counts["pages_with_comments"] += result.tables["articles"].filter(pl.col("n_comments") > 0).height
        for status, n in docs.group_by("status").len().iter_rows():
            counts[status] = counts.get(status, 0) + n
        problems.extend(
            docs.filter(pl.col("status") != "ok").select("doc_id", "source", "source_id", "status", "error").to_dicts()
        )
        n_bytes += result.n_bytes
        if on_progress:
            on_progress(docs.height, result.n_bytes)

    workers = max(1, options.workers)
    # spawn, not fork: forking a process whose Polars thread pool is running can deadlock.
    executor: Executor = (
        _InlineExecutor() if workers == 1 else ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    )
    pending: deque[Future] = deque()
    try:
        for batch in iter_batches(files, options):
            pending.append(executor.submit(split_batch, batch))
            while len(pending) >= 2 * workers:
                collect(pending.popleft().result())
        while pending:
            collect(pending.popleft().result())
    finally:
        executor.shutdown(cancel_futures=True)
        for writer in writers.values():
            writer.close()

    counts["comments"] = writers["comments"].rows
    seconds = time.perf_counter() - started
    update_manifest(
        run_dir,
        inputs=[file_fingerprint(path) for path, _ in files],
        settings={"split": asdict(options)},  # (asdict recurses into options.columns)
        versions=versions(),
        counts=counts,
        timings={"split": round(seconds, 3)},
        throughput={"split_mb_per_s": round(n_bytes / 1e6 / seconds, 2) if seconds else None},
        memory={"split_peak_rss_mb": peak_rss_mb()},
        documents=problems,
    )
    return counts


def run_analyze(
    run_dir: Path, settings: AnalyzeSettings | None = None, on_progress: Callable[[str, int, int], None] | None = None
) -> dict:
    """Stance, rhetoric and clusters for the comments of a run directory (on_progress: see analyze)."""
    from replyscope.analyze import AnalyzeSettings, analyze_comments

    settings = settings or AnalyzeSettings()
    started = time.perf_counter()
    comments = read_table(run_dir, "comments")
    articles = read_table(run_dir, "articles")
    steps: dict[str, float] = {}
    tables = analyze_comments(comments, articles, settings, timings=steps, on_progress=on_progress)
    for name in ("features", "clusters", "cluster_summary"):
        write_table(run_dir, name, getattr(tables, name))
    counts = {"clusters": int((tables.cluster_summary["cluster"] >= 0).sum())}
    update_manifest(
        run_dir,
        settings={"analyze": asdict(settings)},
        counts=counts,
        timings={"analyze": round(time.perf_counter() - started, 3)},
        analyze_steps=steps,  # seconds per analysis step (features, represent, cluster, describe)
        memory={"analyze_peak_rss_mb": peak_rss_mb()},
    )
    return counts


def run_report(run_dir: Path) -> Path:
    from replyscope.report import build_report

    started = time.perf_counter()
    path = build_report(run_dir)
    update_manifest(
        run_dir, timings={"report": round(time.perf_counter() - started, 3)}, memory={"report_peak_rss_mb": peak_rss_mb()}
    )
    return path


def peak_rss_mb() -> dict:
    """Peak resident memory so far of this process and of its finished worker processes."""
    to_mb = 1 / 1024  # Linux reports ru_maxrss in KiB
    return {
        "main": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * to_mb, 1),
        "workers": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * to_mb, 1),
    }


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 2))
