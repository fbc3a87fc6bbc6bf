"""Wires the stages to a run directory: ingest + split in batches over worker processes, then
analyze, then report. The CLI is a thin layer over these functions.

Reruns, interruptions and resume (see README): every stage holds the run directory's lock, marks
itself running in the manifest, and complete only once its tables are renamed into place, with
the fingerprints of what it read and wrote. The split keeps each finished batch under `.parts/`
until the whole split is done, keyed by the fingerprint of its inputs and settings, so the same
command after an interruption splits only the batches that were not finished. A new split
removes every table and report made from the previous input; analyze and report refuse tables
that are stale or half-written.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import resource
import shutil
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, wait as wait_futures
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from replyscope import __version__
from replyscope.errors import UsageError
from replyscope.page_budget import PAGE_CPU_SECONDS
from replyscope.provenance import library_versions, stage_code_fingerprint
from replyscope.ingest import (
    ColumnOptions, RawDocument, check_inputs, discover_inputs, doc_id_for, documents_and_values, is_read, read_input,
)
from replyscope.rundir import (
    LOCK_NAME,
    MANIFEST,
    PART_SUFFIX,
    PARTS_DIR,
    REPORT,
    TMP_SUFFIX,
    RunDirError,
    RunLock,
    TableWriter,
    file_fingerprint,
    fingerprint,
    is_run_manifest,
    join_tables,
    read_manifest,
    read_table,
    require_run_dir,
    require_stage,
    mark_stopped,
    set_stage,
    stage_record,
    table_fingerprints,
    table_path,
    update_manifest,
    versions,
    write_manifest,
    write_part,
    write_table,
    write_text_atomic,
)
from replyscope.schema import ACROSS_TABLES, TABLES

if TYPE_CHECKING:  # (analyze is imported where it runs: its dependencies are heavy)
    from replyscope.analyze import AnalyzeSettings
    from replyscope.ingest.comment_export import CommentColumns

SPLIT_TABLES = ("documents", "segments", "articles", "comments")
ANALYZE_TABLES = ("features", "clusters", "cluster_summary")
# Files a run directory owns: never read as input, and removed when the input they describe changes.
RUN_FILES = frozenset({MANIFEST, REPORT} | {f"{name}.parquet" for name in TABLES})


@dataclass(frozen=True)
class SplitOptions:
    columns: ColumnOptions = field(default_factory=ColumnOptions)
    workers: int = 1
    batch_docs: int = 256  # pages per batch handed to a worker
    batch_bytes: int = 16 << 20  # ...or fewer, when the pages are large: keeps memory flat
    max_page_bytes: int = 20 << 20  # a bigger page is recorded as skipped, not split
    page_cpu_seconds: float = PAGE_CPU_SECONDS  # a page splitting longer is recorded as failed (0: no limit)


# A test hook (tests/test_workers_exit.py): with this set to a folder, each worker process that
# takes a batch says so there and waits until it is stopped (workers.hold_batch); the split's own
# process never waits. Unset (always, but in that test), a batch costs one look at the environment.
HOLD_BATCHES_ENV = "REPLYSCOPE_TEST_HOLD_BATCHES"


@dataclass
class BatchResult:
    tables: dict[str, pl.DataFrame]
    n_bytes: int


def split_batch(raws: list[RawDocument], doc_ids: list[str] | None = None, page_cpu_seconds: float = PAGE_CPU_SECONDS) -> BatchResult:
    """Decode and split one batch. Runs in a worker process; never raises for one bad page.

    `doc_ids` (one per raw, from `DocIds`) replaces the ids ingest gives, so repeated ids are
    made unique before the split names comments after their page.
    """
    from replyscope.split import split_documents

    hold = os.environ.get(HOLD_BATCHES_ENV)
    if hold:
        from replyscope.workers import hold_batch  # noqa: PLC0415

        hold_batch(hold)
    documents, values = documents_and_values(raws)
    if doc_ids is not None:
        documents = documents.with_columns(doc_id=pl.Series(doc_ids, dtype=pl.String))
    split = split_documents(_pages_to_split(documents, values), page_cpu_seconds)
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
    comments = unique_comment_ids(split.comments)
    tables = {"documents": documents, "segments": split.segments, "articles": split.articles, "comments": comments}
    return BatchResult(tables, n_bytes)


# The columns the split reads as Python strings, page by page (split_documents).
_PAGE_STRINGS = ("text", "html")


def _pages_to_split(documents: pl.DataFrame, values: dict[str, list]) -> pl.DataFrame:
    """The pages of the batch the split reads (status ok), their text and markup as the Python
    strings the table was made from (`values`, see documents_and_values), held as objects: the
    split iterates over those columns, and a String column would decode a copy of every page
    out of Polars (the 966 raw Dragnet pages: 9.7 million characters) to hand it the same text."""
    keep = [status == "ok" for status in values["status"]]
    ok = documents.filter(pl.Series(keep, dtype=pl.Boolean))
    return ok.with_columns(
        pl.Series(name, [value for value, kept in zip(values[name], keep, strict=True) if kept], dtype=pl.Object)
        for name in _PAGE_STRINGS
    )


def unique_comment_ids(comments: pl.DataFrame) -> pl.DataFrame:
    """Comment ids are `<doc_id>-<position>`: unique once doc ids are. Should a page ever give two
    comments one position, the later ones get a suffix rather than sink the analysis."""
    if comments.is_empty() or not comments["comment_id"].is_duplicated().any():
        return comments
    nth = pl.col("comment_id").cum_count().over("comment_id")
    return comments.with_columns(
        comment_id=pl.when(nth > 1).then(pl.col("comment_id") + pl.lit("~") + nth.cast(pl.String)).otherwise("comment_id")
    )


class DocIds:
    """Unique, stable document ids in input order: the first page with an id keeps it; a later page
    with the same id (a CSV with two rows `id=a`) gets `<id>-dup<n>`, and is recorded."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}
        self.duplicates: list[dict] = []

    def assign(self, raws: list[RawDocument]) -> list[str]:
        ids = []
        for raw in raws:
            base = doc_id_for(raw.source, raw.source_id)
            n = self.seen.get(base, 0) + 1
            self.seen[base] = n
            doc_id = base
            if n > 1:
                doc_id = f"{base}-dup{n}"
                while doc_id in self.seen:  # (cannot happen with hex ids; cheap to be sure)
                    n += 1
                    doc_id = f"{base}-dup{n}"
                self.seen[doc_id] = 1
                self.duplicates.append(
                    {"doc_id": doc_id, "duplicate_of": base, "source": raw.source, "source_id": raw.source_id,
                     "reason": "another page of this input has the same id; given a suffix"}
                )
            ids.append(doc_id)
        return ids


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


def input_files(inputs: list[Path], run_dir: Path | None = None) -> list[tuple[Path, Path | None]]:
    """Every input file, with the folder it was found in (its ids are relative to that folder).

    Files a run directory owns (its tables, manifest and report) are never input: neither those
    of `run_dir`, the run being written, nor those of any run directory found inside an input
    folder, so `split dY --out dY` reads the same pages every time.
    """
    out = run_dir.resolve() if run_dir is not None else None
    run_dirs: dict[Path, bool] = {}

    def is_run_dir(folder: Path) -> bool:
        if folder not in run_dirs:
            run_dirs[folder] = folder.resolve() == out or is_run_manifest(folder / MANIFEST)
        return run_dirs[folder]

    def run_file(path: Path) -> bool:  # a table, manifest, report, lock, temporary or finished batch
        return path.name in RUN_FILES or path.name == LOCK_NAME or path.name.endswith(TMP_SUFFIX) or PARTS_DIR in path.parts

    def owned(path: Path, root: Path | None) -> bool:
        if root is None:  # a file named on the command line is read, unless it is being written now
            return out is not None and run_file(path) and path.parent.resolve() == out
        if PARTS_DIR in path.parts:  # .parts/<stage>/...: the run directory is above it
            folder = Path(*path.parts[: path.parts.index(PARTS_DIR)])
            return is_run_dir(folder)
        return run_file(path) and is_run_dir(path.parent)

    found = [(path, given if given.is_dir() else None) for given in inputs for path in discover_inputs([given])]
    return [(path, root) for path, root in found if not owned(path, root)]


def unique_files(files: list[tuple[Path, Path | None]]) -> tuple[list[tuple[Path, Path | None]], list[dict]]:
    """Each file once (the same folder given twice, overlapping folders), and the repeats, recorded."""
    first: dict[str, Path] = {}
    kept, repeated = [], []
    for path, root in files:
        key = os.path.realpath(path)
        if key in first:
            repeated.append({"path": str(path), "same_as": str(first[key]), "reason": "given more than once; read once"})
            continue
        first[key] = path
        kept.append((path, root))
    return kept, repeated


class _InlineExecutor(Executor):
    """Runs work in this process: no pickling cost when one worker is asked for."""

    def submit(self, fn, /, *args, **kwargs):
        future: Future = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def _make_executor(workers: int) -> Executor:
    if workers == 1:
        return _InlineExecutor()
    # (imported here: a one-worker run needs neither; with their queues and connections they are
    # ~6 ms of every start-up)
    import multiprocessing  # noqa: PLC0415
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    from replyscope.workers import start  # noqa: PLC0415

    # spawn, not fork: forking a process whose Polars thread pool is running can deadlock. Each
    # worker dies with this process and reads compiled patterns back (see replyscope.workers).
    return ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context("spawn"), initializer=start, initargs=(os.getpid(),)
    )


# How long the main process waits on a worker's batch before it looks at its signals again.
_WAIT_SLICE = 0.25


def _result(future: Future):
    """The future's result, waited for in slices, so that Ctrl-C or SIGTERM stops the split at once.

    Python runs a signal's handler in the main thread when that thread wakes. Once Polars has run
    a query, SIGINT no longer wakes an untimed wait of the main thread (SIGTERM still does; a
    script of one Polars query and a ProcessPoolExecutor shows it), so Ctrl-C was acted on only
    when the batch came back (never, had a worker hung)."""
    while not future.done():
        wait_futures((future,), timeout=_WAIT_SLICE)
    return future.result()


def _stop_executor(executor: Executor) -> None:
    """Stop at once: running batches are lost (their parts were never written), the rest cancelled."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(timeout=5)
            if process.is_alive():
                process.kill()


# --- the split stage ------------------------------------------------------------------------------


def split_code_fingerprint() -> str:
    """A hash of the code that makes the split's tables (provenance.STAGE_CODE["split"]): a run
    split by other code is not resumed or reused, whatever the version says."""
    return stage_code_fingerprint("split")


def made_by(stage: str) -> dict:
    """What a stage after the split records of the code and libraries that computed it: a complete
    run of the stage is reused only when they are the same (the tables it read may well be the
    same after an upgrade)."""
    return {"code": stage_code_fingerprint(stage), "versions": versions() | library_versions(stage)}


def _split_key(
    files: list[tuple[Path, Path | None]], read_files: list[tuple[Path, Path | None]], records: list[dict], options: SplitOptions
) -> str:
    """What the split's output depends on: every input entry (an entry not read still makes a row
    of the documents table), the bytes of those read (`records`, one per `read_files` entry), the
    settings that change the tables (not the worker count), the version and the code itself
    (split_code_fingerprint: a run interrupted, the code changed, the same command run again must
    not join batches split by the old code to batches split by the new)."""
    settings = asdict(options)
    settings.pop("workers")
    described = {
        "entries": [[str(path), str(root)] for path, root in files],
        "inputs": [[str(path), str(root), record["sha256"]] for (path, root), record in zip(read_files, records, strict=True)],
        "settings": settings,
        "replyscope": __version__,
        "code": split_code_fingerprint(),
    }
    return hashlib.sha256(json.dumps(described, sort_keys=True, default=str).encode()).hexdigest()


def remove_downstream(run_dir: Path, keep: tuple[str, ...]) -> None:
    """Remove every table and report the run owns except the `keep` tables: they describe an input
    that is about to change. Only files the run owns (RUN_FILES) are touched."""
    for name in TABLES:
        if name not in keep:
            table_path(run_dir, name).unlink(missing_ok=True)
    (run_dir / REPORT).unlink(missing_ok=True)


def _batch_record(result: BatchResult) -> dict:
    docs = result.tables["documents"]
    return {
        "documents": docs.height,
        "statuses": dict(docs.group_by("status").len().iter_rows()),
        "pages_with_comments": result.tables["articles"].filter(pl.col("n_comments") > 0).height,
        "comments": result.tables["comments"].height,
        "n_bytes": result.n_bytes,
        "problems": docs.filter(pl.col("status") != "ok").select("doc_id", "source", "source_id", "status", "error").to_dicts(),
    }


def run_split(
    inputs: list[Path],
    run_dir: Path,
    options: SplitOptions = SplitOptions(),
    on_progress: Callable[[int, int], None] | None = None,
    files: list[tuple[Path, Path | None]] | None = None,
    reuse_complete: bool = False,
) -> dict:
    """Ingest and split every input into the run directory; returns the counts.

    Batches go to worker processes and come back in submission order, so the tables are the
    same whatever the number of workers. At most two batches per worker are in flight (one with
    one worker: it is this process). Pass `files` (input_files(inputs, run_dir)) when the caller
    already walked the inputs, e.g. to size a progress bar: a folder can hold millions of pages,
    and it is walked once.

    An interrupted split of the same inputs and settings resumes: finished batches are read back
    from `.parts/`, not split again. With `reuse_complete`, a finished split of the same inputs
    and settings is kept as it is (what `run` does); otherwise it is done again.
    """
    with RunLock(run_dir):
        return _run_split(inputs, run_dir, options, on_progress, files, reuse_complete)


def _run_split(inputs, run_dir, options, on_progress, files, reuse_complete) -> dict:
    started = time.perf_counter()
    files = input_files(inputs, run_dir) if files is None else files
    files, repeated = unique_files(files)
    read_files = [(path, root) for path, root in files if is_read(path, root)]  # not FIFOs, links out, .md...
    if not read_files:  # folders list every entry, read or not
        raise UsageError(
            f"no input files in {', '.join(map(str, inputs))}: expected .txt pages, .html pages, WARC files "
            "or CSV / TSV / JSONL / Parquet tables"
        )
    check_inputs(files, options.columns)  # a column the user named and a table lacks: stop before any work
    input_records = [file_fingerprint(path) for path, _ in read_files]
    key = _split_key(files, read_files, input_records, options)
    if (run_dir / MANIFEST).exists() and not is_run_manifest(run_dir / MANIFEST):
        raise UsageError(f"{run_dir / MANIFEST} was not written by replyscope; choose another --out")
    manifest = read_manifest(run_dir) if (run_dir / MANIFEST).exists() else {}
    previous = stage_record(manifest, "split")
    parts = run_dir / PARTS_DIR / "split"
    if previous.get("fingerprint") == key and previous.get("state") == "complete" and reuse_complete:
        with contextlib.suppress(RunDirError):
            require_stage(run_dir, manifest, "split", before="reuse")
            return dict(manifest.get("counts") or {})
    resuming = previous.get("fingerprint") == key and previous.get("state") != "complete" and parts.is_dir()
    if not resuming:  # a new input: nothing made from the old one may stay
        shutil.rmtree(run_dir / PARTS_DIR, ignore_errors=True)
        remove_downstream(run_dir, keep=())
        write_manifest(run_dir, {"stages": {}})
    set_stage(run_dir, "split", "running", fingerprint=key, resumed=resuming)
    parts.mkdir(parents=True, exist_ok=True)

    ids = DocIds()
    counts = {"documents": 0, "ok": 0, "empty": 0, "skipped": 0, "failed": 0, "pages_with_comments": 0, "comments": 0}
    problems: list[dict] = []
    n_batches = 0
    n_bytes_split = 0
    n_resumed = 0

    def part(k: int, name: str) -> Path:
        return parts / f"{k:06d}.{name}{PART_SUFFIX}"

    def collect(k: int, item: Future | dict) -> None:
        nonlocal n_bytes_split
        if isinstance(item, dict):
            record = item
        else:
            result = _result(item)
            for name, frame in result.tables.items():
                write_part(frame, part(k, name), name)
            record = _batch_record(result)
            # written last: a batch counts as done only once all its parts are in place
            write_text_atomic(parts / f"{k:06d}.json", json.dumps(record, default=str))
            n_bytes_split += record["n_bytes"]
        for name in ("documents", "pages_with_comments", "comments"):
            counts[name] += record[name]
        for status, n in record["statuses"].items():
            counts[status] = counts.get(status, 0) + n
        problems.extend(record["problems"])
        if on_progress:
            on_progress(record["documents"], record["n_bytes"])

    workers = max(1, options.workers)
    executor = _make_executor(workers)
    # Batches split and not yet written: two a worker keep each busy while the next is read; with
    # one worker each batch is split here as it is submitted, and written at once (holding a
    # second batch's tables only raised the peak memory, and the page faults that fill it).
    in_flight = 2 * workers if workers > 1 else 1
    pending: deque[tuple[int, Future | dict]] = deque()
    try:
        for k, batch in enumerate(iter_batches(files, options)):
            doc_ids = ids.assign(batch)  # every batch, resumed or not: ids depend on all before
            n_batches = k + 1
            done = parts / f"{k:06d}.json"
            if done.is_file() and all(part(k, name).is_file() for name in SPLIT_TABLES):
                pending.append((k, json.loads(done.read_text(encoding="utf-8"))))
                n_resumed += 1
            else:
                pending.append((k, executor.submit(split_batch, batch, doc_ids, options.page_cpu_seconds)))
            while sum(isinstance(item, Future) for _, item in pending) >= in_flight or (pending and isinstance(pending[0][1], dict)):
                collect(*pending.popleft())
        while pending:
            collect(*pending.popleft())
    except BaseException as exc:
        _stop_executor(executor)
        mark_stopped(run_dir, "split", exc)
        raise
    executor.shutdown()

    if counts["documents"] == 0:
        with contextlib.suppress(Exception):
            set_stage(run_dir, "split", "failed", error="no documents in the input")
        raise UsageError(f"no documents in the input ({len(files)} file(s) read, no page or row in them)")

    # The tables: each batch's parts in order, into a temporary renamed into place.
    for name in SPLIT_TABLES:
        join_tables(run_dir, name, [part(k, name) for k in range(n_batches)])
    seconds = time.perf_counter() - started
    split_counts = counts | {"duplicate_ids": len(ids.duplicates), "inputs_repeated": len(repeated)}
    update_manifest(
        run_dir,
        inputs=input_records,
        inputs_repeated=repeated,
        settings={"split": asdict(options)},  # (asdict recurses into options.columns)
        versions=versions(),
        counts=split_counts,
        timings={"split": round(seconds, 3)},
        throughput={"split_mb_per_s": round(n_bytes_split / 1e6 / seconds, 2) if seconds else None},
        memory={"split_peak_rss_mb": peak_rss_mb()},
        documents=problems,
        duplicate_ids=ids.duplicates,
    )
    set_stage(
        run_dir, "split", "complete", tables=table_fingerprints(run_dir, SPLIT_TABLES),
        batches=n_batches, batches_resumed=n_resumed, counts=split_counts, error=None,
    )
    shutil.rmtree(run_dir / PARTS_DIR, ignore_errors=True)
    return split_counts


# --- analyze and report ---------------------------------------------------------------------------


def check_representation(name: str) -> None:
    from replyscope.analyze.embed.represent import REPRESENTATIONS

    if name not in REPRESENTATIONS:
        raise UsageError(f"unknown representation {name!r}; choose one of: {', '.join(sorted(REPRESENTATIONS))}")


def _forget_stage(manifest: dict, stage: str) -> None:
    """Drop what `stage` (and the report) wrote into the manifest: it described an earlier run of it."""
    stages = manifest.setdefault("stages", {})
    for name in (stage, "report"):
        old = stages.pop(name, None) or {}
        counts = manifest.get("counts")
        if isinstance(counts, dict):
            for key in old.get("result") or {}:
                counts.pop(key, None)
        for section, key in (("timings", name), ("settings", name), ("memory", f"{name}_peak_rss_mb")):
            if isinstance(manifest.get(section), dict):
                manifest[section].pop(key, None)


def run_stage(
    run_dir: Path,
    stage: str,
    *,
    reads: tuple[str, ...],
    writes: tuple[str, ...],
    settings: dict,
    compute: Callable[[], dict],
    reuse_complete: bool = False,
) -> dict:
    """Run one stage after the split on a run directory, so that it is never read half-done or stale.

    Under the lock: the split must be complete and its tables unchanged; with `reuse_complete`, a
    complete run of this stage that read the same tables with the same settings is kept (its
    result returned). Otherwise the stage is marked running, its old tables and the report are
    removed, `compute()` writes `writes` (with `write_table`) and returns its counts, and the stage
    is marked complete with the fingerprints of what it read and wrote. On an error or interruption
    its tables are removed and the stage is marked failed or interrupted.
    """
    if not run_dir.is_dir():
        require_run_dir(run_dir)  # says what is wrong; the lock would create the folder
    with RunLock(run_dir):
        manifest = require_run_dir(run_dir)
        split = require_stage(run_dir, manifest, "split", before=stage)
        written = split.get("tables") or {}
        read = {name: written[name] if name in written else fingerprint(table_path(run_dir, name)) for name in reads}
        wanted = json.loads(json.dumps(settings, default=str))
        maker = made_by(stage)
        previous = stage_record(manifest, stage)
        if (
            reuse_complete and previous.get("state") == "complete" and previous.get("read") == read
            and previous.get("settings") == wanted and previous.get("made_by") == maker
        ):
            with contextlib.suppress(RunDirError):
                require_stage(run_dir, manifest, stage, before="reuse")
                return dict(previous.get("result") or {})
        for name in writes:
            table_path(run_dir, name).unlink(missing_ok=True)
        (run_dir / REPORT).unlink(missing_ok=True)
        if "stages" not in manifest:  # a run directory from before stage records: nothing to check or record
            return compute()
        _forget_stage(manifest, stage)
        write_manifest(run_dir, manifest)
        set_stage(run_dir, stage, "running", read=read, settings=wanted, made_by=maker)
        try:
            result = compute()
        except BaseException as exc:
            for name in writes:
                table_path(run_dir, name).unlink(missing_ok=True)
            mark_stopped(run_dir, stage, exc)
            raise
        set_stage(run_dir, stage, "complete", tables=table_fingerprints(run_dir, writes), result=result, error=None)
        return result


def run_analyze(
    run_dir: Path,
    settings: AnalyzeSettings | None = None,
    reuse_complete: bool = False,
    on_progress: Callable[[str, int, int], None] | None = None,
    workers: int | None = None,
) -> dict:
    """Stance, rhetoric and clusters for the comments of a run directory (on_progress: see analyze),
    the per-comment features on `workers` processes (default: default_workers()).

    Refuses a run whose split is missing, unfinished or changed since it was written. With
    `reuse_complete`, an analysis of the same split tables with the same settings is kept.
    """
    from replyscope.analyze import AnalyzeSettings

    settings = settings or AnalyzeSettings()
    if not run_dir.is_dir():
        require_run_dir(run_dir)
    check_representation(settings.representation)
    return run_stage(
        run_dir, "analyze", reads=("comments", "articles"), writes=ANALYZE_TABLES, settings=asdict(settings),
        compute=lambda: _analyze(run_dir, settings, on_progress, workers), reuse_complete=reuse_complete,
    )


def table_sink(run_dir: Path) -> Callable[[str, object], None]:
    """`write(name, frames)` for analyze.streaming: a frame is written whole, an iterator of frames
    appended batch by batch (TableWriter), each atomically into the run directory."""

    def write(name: str, frames) -> None:
        if isinstance(frames, pl.DataFrame):
            write_table(run_dir, name, frames)
            return
        writer = TableWriter(run_dir, name)
        for frame in frames:
            writer.write(frame)
        writer.close()

    return write


def _analyze(
    run_dir: Path, settings: AnalyzeSettings, on_progress: Callable[[str, int, int], None] | None = None, workers: int | None = None
) -> dict:
    """The analysis in batches (analyze.streaming): features over worker processes, clusters
    fitted on a sample and assigned to the rest; finished feature batches are kept under
    `.parts/analyze/` until the stage completes, so a rerun after an interruption reuses them."""
    from replyscope.analyze.streaming import analyze_in_batches

    started = time.perf_counter()
    comments_path, articles_path = table_path(run_dir, "comments"), table_path(run_dir, "articles")
    for name in ("comments", "articles"):
        if not table_path(run_dir, name).exists():
            read_table(run_dir, name)  # raises the error that names the missing table and its stage
    ids = pl.scan_parquet(comments_path).select(pl.col("comment_id").n_unique(), pl.len()).collect()
    repeated = ids["len"][0] - ids["comment_id"][0]
    if repeated:  # (a split by an older replyscope): the analysis joins on comment_id
        raise RunDirError(f"comments.parquet in {run_dir} repeats {repeated} comment_id(s); split the input again")

    parts = run_dir / PARTS_DIR / "analyze"
    result = analyze_in_batches(
        comments_path, articles_path, table_sink(run_dir), settings, parts_dir=parts, workers=workers or default_workers(),
        on_progress=on_progress, make_executor=_make_executor, stop_executor=_stop_executor, features_path=table_path(run_dir, "features"),
    )
    update_manifest(
        run_dir,
        settings={"analyze": asdict(settings)},
        counts=result.counts,
        timings={"analyze": round(time.perf_counter() - started, 3)},
        analyze_steps=result.timings,  # seconds per analysis step (features, represent, cluster, assign, describe)
        memory={"analyze_peak_rss_mb": peak_rss_mb()},
    )
    shutil.rmtree(parts, ignore_errors=True)
    return result.counts


def run_comment_export(inputs: list[Path], run_dir: Path, columns: CommentColumns | None = None) -> dict:
    """Read comment exports (one comment a row) into the split tables; the split stage is skipped
    and the manifest says so (`stages.split.source`). Returns the counts, shaped like run_split's.

    The export is read whole each time (it is cheap next to a split): like a new input, whatever
    the run directory held before is removed first.
    """
    from replyscope.ingest.comment_export import CommentColumns, comment_files, read_comment_export

    with RunLock(run_dir):
        started = time.perf_counter()
        columns = columns or CommentColumns()
        files = comment_files(inputs)
        remove_downstream(run_dir, keep=())
        write_manifest(run_dir, {"stages": {}})
        set_stage(run_dir, "split", "running", source="comment export")
        tables = read_comment_export(files, columns)
        for name in SPLIT_TABLES:
            write_table(run_dir, name, getattr(tables, name))
        counts = {
            "documents": tables.documents.height,
            "ok": tables.documents.height,
            "empty": 0,
            "skipped": 0,
            "failed": 0,
            "pages_with_comments": tables.articles.filter(pl.col("n_comments") > 0).height,
            "comments": tables.comments.height,
            "rows": tables.rows,
            "rows_without_text": tables.dropped_empty,
        }
        update_manifest(
            run_dir,
            inputs=[file_fingerprint(path) for path in files],
            settings={"comments": asdict(columns), "comment_columns": tables.layouts},
            versions=versions(),
            counts=counts,
            timings={"read_comments": round(time.perf_counter() - started, 3)},
            documents=[],
        )
        set_stage(
            run_dir,
            "split",
            "complete",
            tables=table_fingerprints(run_dir, SPLIT_TABLES),
            skipped="the input is a comment export (--comments), one comment a row; articles grouped from its columns",
            error=None,
        )
        return counts


def run_across(run_dir: Path, reuse_complete: bool = False) -> dict:
    """Syndicated articles, copy-paste campaigns and commenters across the run's pages.

    Reads the split tables and, when the analysis ran, its features (the stance mix and rhetoric
    of commenters); run as a stage (run_stage), so it is never read half-done or stale.
    """
    from replyscope.across.stage import run_across_stage

    def compute() -> dict:
        started = time.perf_counter()
        sections = run_across_stage(run_dir)
        sections["timings"]["across"]["total"] = round(time.perf_counter() - started, 3)
        update_manifest(run_dir, **sections)
        return sections["counts"]

    return run_stage(
        run_dir, "across", reads=(*SPLIT_TABLES, "features"), writes=ACROSS_TABLES, settings={},
        compute=compute, reuse_complete=reuse_complete,
    )


def consistent_tables(run_dir: Path, manifest: dict) -> dict[str, str | None]:
    """The fingerprints of every table the report reads, once checked that they form one set: the
    split and the analysis complete, every recorded stage complete, each table as its stage wrote
    it, and each stage computed from the tables now in place."""
    require_stage(run_dir, manifest, "split", before="report")
    require_stage(run_dir, manifest, "analyze", before="report")
    stages = {name: require_stage(run_dir, manifest, name, before="report") for name in manifest.get("stages") or {} if name != "report"}
    writer = {table: (name, digest) for name, record in stages.items() for table, digest in (record.get("tables") or {}).items()}
    for name, record in stages.items():
        for table, digest in (record.get("read") or {}).items():
            source, current = writer.get(table, (None, digest))
            if current != digest:
                raise RunDirError(
                    f"the {name} results in {run_dir} were computed from another {table}.parquet than "
                    f"the current {source} wrote; run `replyscope {name} {run_dir}` again"
                )
    return {table: digest for table, (_, digest) in sorted(writer.items())}


def run_report(run_dir: Path, reuse_complete: bool = False, on_progress: Callable[[str, int, int], None] | None = None) -> Path:
    """Build index.html, only from a consistent run: a complete split, and a complete analysis of
    exactly the comments that split wrote (each table as its stage wrote it), and the across
    tables when that stage ran."""
    from replyscope.report import build_report

    if not run_dir.is_dir():
        require_run_dir(run_dir)  # says what is wrong; the lock would create the folder
    with RunLock(run_dir):
        manifest = require_run_dir(run_dir)
        read = consistent_tables(run_dir, manifest)
        path = run_dir / REPORT
        previous = stage_record(manifest, "report")
        maker = made_by("report")
        if (
            reuse_complete and previous.get("state") == "complete" and previous.get("read") == read
            and previous.get("file") == fingerprint(path) and previous.get("made_by") == maker
        ):
            return path
        started = time.perf_counter()
        if "stages" in manifest:
            set_stage(run_dir, "report", "running", read=read, made_by=maker)
        try:
            path = build_report(run_dir, on_progress=on_progress)
        except BaseException as exc:
            path.with_name(path.name + TMP_SUFFIX).unlink(missing_ok=True)
            if "stages" in manifest:
                with contextlib.suppress(Exception):
                    set_stage(run_dir, "report", "failed", error=f"{type(exc).__name__}: {exc}"[:300])
            raise
        update_manifest(
            run_dir, timings={"report": round(time.perf_counter() - started, 3)}, memory={"report_peak_rss_mb": peak_rss_mb()}
        )
        if "stages" in manifest:
            set_stage(run_dir, "report", "complete", file=fingerprint(path), error=None)
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
