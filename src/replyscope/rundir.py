"""The run directory: every stage's table as Parquet, and the manifest.

A run directory is the only state between stages, so a stage can be re-run alone, and an analyst
can open any table in Polars, pandas or DuckDB. It is always either complete and consistent or
marked as not:
- every file is written to a temporary beside it and renamed into place (`atomic_path`), so a
  reader never sees half a table and an error leaves no `*.tmp` behind;
- one writer at a time (`RunLock`, an flock on `.replyscope.lock`, released by the kernel when the
  process ends, however it ends);
- each stage records in the manifest (`stages.<name>`) its state (running, complete, interrupted,
  failed), the fingerprints of the tables it read and of the tables it wrote; `require_stage`
  refuses, with one clear line, a table that is missing, stale or half-written.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import importlib.metadata
import json
import os
import platform
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from replyscope import __version__
from replyscope.errors import UsageError
from replyscope.schema import TABLES, conform, empty

if TYPE_CHECKING:  # (pyarrow, with numpy, is imported by the writer that appends batches, where it runs)
    import pyarrow.parquet as pq

MANIFEST = "manifest.json"
REPORT = "index.html"
LOCK_NAME = ".replyscope.lock"
PARTS_DIR = ".parts"  # finished split batches of an unfinished split (see pipeline.run_split)
TMP_SUFFIX = ".tmp"


class RunDirError(UsageError):
    """The run directory is not in the state the command needs: missing, incomplete or stale."""


class RunDirBusy(RuntimeError):
    """Another process is writing the run directory."""


def _rerun_hint(stage: str) -> str:
    return f"run `replyscope {stage} ...` again" if stage != "split" else "rerun the same command to resume"


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it replaces `path`, on error it is removed."""
    tmp = path.with_name(path.name + TMP_SUFFIX)
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def remove_temporaries(run_dir: Path) -> None:
    """Remove temporaries a killed writer left (only those of the run's own files, under the lock)."""
    for name in [MANIFEST, REPORT, *(f"{table}.parquet" for table in TABLES)]:
        (run_dir / f"{name}{TMP_SUFFIX}").unlink(missing_ok=True)
    parts = run_dir / PARTS_DIR
    if parts.is_dir():
        for tmp in parts.rglob(f"*{TMP_SUFFIX}"):
            tmp.unlink(missing_ok=True)


def table_path(run_dir: Path, name: str) -> Path:
    return run_dir / f"{name}.parquet"


def read_table(run_dir: Path, name: str) -> pl.DataFrame:
    """Read one stage table, with a clear error when the stage that makes it has not run."""
    path = table_path(run_dir, name)
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run the stage that writes {name!r} first")
    return pl.read_parquet(path)


# How a batch's part of a table is compressed when it is written as Parquet (the Spark engine's
# conformed parts, see engine.spark.merge_parts): parts live only until the stage is done and are
# read back at once. Not at all: writing the 966 Dragnet pages' parts and joining them takes 0.18 s
# CPU uncompressed, 0.25 s with lz4 (zstd, Polars' default, twice lz4's), for about twice lz4's
# bytes on disk while the stage runs (1.7x the page text, lz4 0.9x). The joined tables are the
# same bytes whatever the parts were written with.
PART_COMPRESSION = "uncompressed"
# The embedded split's parts (pipeline.run_split) are Arrow IPC files, uncompressed: written
# without Parquet's encoding and statistics and read back without decoding, for the same joined
# table (966 Dragnet pages: writing the 16 parts 0.036 -> ~0.02 CPU s).
PART_SUFFIX = ".arrow"


def write_part(frame: pl.DataFrame, path: Path, name: str) -> Path:
    """Write one batch's part of the stage table `name` (conformed, as Arrow IPC; to a temporary
    renamed into place), to be joined by join_parts."""
    with atomic_path(path) as tmp:
        conform(frame, TABLES[name]).write_ipc(tmp, compression="uncompressed")
    return path


def write_table(
    run_dir: Path, name: str, frame: pl.DataFrame, path: Path | None = None, compression: str = "zstd"
) -> Path:
    """Write one stage table (to a temporary, renamed into place); `path` overrides where."""
    path = path or table_path(run_dir, name)
    with atomic_path(path) as tmp:
        conform(frame, TABLES[name]).write_parquet(tmp, compression=compression)
    return path


class TableWriter:
    """Appends batches of one table to a Parquet file, so a large run never holds it all in memory.

    The batches go to a temporary file; `close` renames it into place, `abort` removes it.
    """

    def __init__(self, run_dir: Path, name: str, path: Path | None = None):
        self.name = name
        self.path = path or table_path(run_dir, name)
        self.tmp = self.path.with_name(self.path.name + TMP_SUFFIX)
        self._writer: pq.ParquetWriter | None = None
        self.rows = 0

    def write(self, frame: pl.DataFrame) -> None:
        import pyarrow.parquet as pq

        table = conform(frame, TABLES[self.name]).to_arrow()
        try:
            if self._writer is None:
                self._writer = pq.ParquetWriter(self.tmp, table.schema)
            else:
                table = table.cast(self._writer.schema)
            self._writer.write_table(table)
        except BaseException:
            self.abort()
            raise
        self.rows += frame.height

    def close(self) -> None:
        try:
            if self._writer is None:  # no batch at all: still leave a readable, empty table
                empty(TABLES[self.name]).write_parquet(self.tmp)
            else:
                self._writer.close()
                self._writer = None
            os.replace(self.tmp, self.path)
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        if self._writer is not None:
            with contextlib.suppress(Exception):
                self._writer.close()
            self._writer = None
        self.tmp.unlink(missing_ok=True)


def join_parts(parts: list[Path], path: Path, table_schema: pl.Schema) -> Path:
    """Write the rows of `parts` (Arrow IPC files from write_part, or Parquet files, of one table,
    each already conformed to `table_schema`), in order, as the table at `path`; to a temporary renamed into place.

    Streamed by Polars, so a large run never holds the table in memory, and without pyarrow: the
    split stage needs no pyarrow at all (importing it, with numpy, cost a twentieth of a split of a
    thousand pages). Snappy, as the appending writer compresses. The bytes depend on the rows
    alone, not on how they were cut into parts: the embedded split and Spark, whose batches
    differ, write the same file for the same rows.
    """
    with atomic_path(path) as tmp:
        if parts:
            # (parts written by write_part are Arrow IPC, the Spark engine's Parquet)
            ipc = [part.name.endswith(PART_SUFFIX) for part in parts]
            if all(ipc):
                rows = pl.scan_ipc(parts)
            elif not any(ipc):
                rows = pl.scan_parquet(parts)
            else:
                raise ValueError("parts of one table written in two formats")
            rows.sink_parquet(tmp, compression="snappy")
        else:
            empty(table_schema).write_parquet(tmp, compression="snappy")
    return path


def join_tables(run_dir: Path, name: str, parts: list[Path]) -> Path:
    """The stage table `name` from its batches' parts (see join_parts)."""
    return join_parts(parts, table_path(run_dir, name), TABLES[name])


def file_fingerprint(path: Path) -> dict:
    """Path, size and sha256 of an input file (streamed: inputs can be gigabytes)."""
    if not path.is_file():
        return {"path": str(path), "size": None, "sha256": None}
    try:
        with open(path, "rb") as handle:
            return {"path": str(path), "size": os.fstat(handle.fileno()).st_size, "sha256": _sha256(handle)}
    except OSError as exc:  # unreadable: the documents table says so; the manifest must still be written
        return {"path": str(path), "size": None, "sha256": None, "error": exc.strerror or str(exc)}


def _sha256(handle) -> str:
    """sha256 of an open binary file, read in chunks (inputs and tables can be gigabytes)."""
    return hashlib.file_digest(handle, "sha256").hexdigest()


def versions() -> dict:
    """The versions that shape a run's numbers, read from the installed packages' metadata.

    Not by importing them: importing umap compiles numba functions and pulls in scikit-learn and
    scipy, which took longer than splitting a thousand pages (the split stage records versions too),
    and the split imports no pyarrow.
    """
    return {
        "replyscope": __version__,
        "python": platform.python_version(),
        "polars": pl.__version__,
        "pyarrow": _installed_version("pyarrow"),
        "scikit-learn": _installed_version("scikit-learn"),
        "umap-learn": _installed_version("umap-learn"),
    }


def _installed_version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def read_manifest(run_dir: Path) -> dict:
    path = run_dir / MANIFEST
    return json.loads(path.read_text()) if path.exists() else {}


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def write_manifest(run_dir: Path, manifest: dict) -> dict:
    manifest.setdefault("replyscope", __version__)
    manifest.setdefault("created", _now())
    manifest["updated"] = _now()
    write_text_atomic(run_dir / MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False, default=str))
    return manifest


def update_manifest(run_dir: Path, **sections) -> dict:
    """Merge sections into the manifest (dict sections are merged one level deep)."""
    manifest = read_manifest(run_dir)
    for key, value in sections.items():
        if isinstance(value, dict) and isinstance(manifest.get(key), dict):
            manifest[key].update(value)
        else:
            manifest[key] = value
    return write_manifest(run_dir, manifest)


def is_run_manifest(path: Path) -> bool:
    """Whether `path` is a manifest.json that replyscope wrote (not some other tool's)."""
    try:
        if path.stat().st_size > 256 << 20:
            return False
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and "replyscope" in data


# --- one writer at a time ------------------------------------------------------------------------

_held: dict[Path, list] = {}  # run dir -> [open lock file, depth]: the lock is re-entrant in a process


@contextlib.contextmanager
def RunLock(run_dir: Path) -> Iterator[None]:  # noqa: N802 (used like a class: `with RunLock(dir):`)
    """Hold the run directory's writer lock, or raise RunDirBusy naming the process that holds it.

    flock is tied to the open file: the kernel releases it when the holder exits, even on kill -9,
    so a lock left by a dead process never blocks. The file itself stays (it is empty but a pid).
    """
    run_dir.mkdir(parents=True, exist_ok=True)
    key = run_dir.resolve()
    if key in _held:
        _held[key][1] += 1
        try:
            yield
        finally:
            _held[key][1] -= 1
        return
    handle = open(run_dir / LOCK_NAME, "a+")  # not inherited by worker processes (O_CLOEXEC)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EWOULDBLOCK, errno.EACCES):
                raise
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise RunDirBusy(
                f"{run_dir} is being written by another replyscope (pid {holder}); "
                "wait for it to finish or choose another --out"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        _held[key] = [handle, 1]
        remove_temporaries(run_dir)  # left by a writer that was killed
        try:
            yield
        finally:
            del _held[key]
            handle.seek(0)
            handle.truncate()
            handle.flush()
    finally:
        handle.close()  # releases the flock


# --- stage states and fingerprints -----------------------------------------------------------------


def fingerprint(path: Path) -> str | None:
    """sha256 of a file (streamed), or None when it does not exist."""
    if not path.is_file():
        return None
    with open(path, "rb") as handle:
        return _sha256(handle)


def table_fingerprints(run_dir: Path, names) -> dict[str, str | None]:
    return {name: fingerprint(table_path(run_dir, name)) for name in names}


def stage_record(manifest: dict, stage: str) -> dict:
    record = (manifest.get("stages") or {}).get(stage)
    return record if isinstance(record, dict) else {}


def mark_stopped(run_dir: Path, stage: str, exc: BaseException) -> None:
    """Record that `stage` ended early: "interrupted" (Ctrl-C, SIGTERM, exit) or "failed", with
    the error. Never raises: the caller is already handling `exc` (a full disk, say)."""
    state = "interrupted" if isinstance(exc, (KeyboardInterrupt, SystemExit)) else "failed"
    with contextlib.suppress(Exception):
        set_stage(run_dir, stage, state, error=f"{type(exc).__name__}: {exc}"[:300])


def set_stage(run_dir: Path, stage: str, state: str, **info) -> dict:
    """Record a stage's state (and what it read / wrote) in the manifest."""
    manifest = read_manifest(run_dir)
    stages = manifest.setdefault("stages", {})
    record = {"state": state, ("finished" if state != "running" else "started"): _now()}
    if state != "running":  # keep what the start recorded (its fingerprint, what it read)
        record = {**stages.get(stage, {}), **record}
    stages[stage] = record | info
    return write_manifest(run_dir, manifest)


def require_run_dir(run_dir: Path) -> dict:
    """The manifest of an existing run directory, or a RunDirError that says what to run."""
    if not run_dir.exists():
        raise RunDirError(f"no such run directory: {run_dir}")
    if not run_dir.is_dir():
        raise RunDirError(f"not a run directory: {run_dir} is a file")
    manifest = read_manifest(run_dir) if (run_dir / MANIFEST).is_file() else None
    if not isinstance(manifest, dict) or "replyscope" not in manifest:
        raise RunDirError(
            f"not a run directory: {run_dir} has no replyscope manifest.json; "
            f"run `replyscope split INPUT... --out {run_dir}` first"
        )
    return manifest


def require_stage(run_dir: Path, manifest: dict, stage: str, before: str) -> dict:
    """Check that `stage` finished and that its tables are still what it wrote; return its record.

    Manifests written before stage records existed are taken as they are (nothing to check against).
    """
    if "stages" not in manifest:
        return {}
    record = stage_record(manifest, stage)
    state = record.get("state")
    if state is None:
        raise RunDirError(f"{stage} has not run on the current split of {run_dir}: run `replyscope {stage} {run_dir}` before {before}")
    if state != "complete":
        what = {"running": "was interrupted", "interrupted": "was interrupted", "failed": "failed"}.get(state, state)
        reason = f" ({record['error']})" if record.get("error") else ""
        raise RunDirError(f"run directory incomplete: {stage} {what}{reason}; {_rerun_hint(stage)}")
    for name, expected in (record.get("tables") or {}).items():
        actual = fingerprint(table_path(run_dir, name))
        if actual != expected:
            change = "is missing" if actual is None else f"changed since {stage} wrote it"
            raise RunDirError(f"{name}.parquet in {run_dir} {change}; run `replyscope {stage}` again")
    return record


def check_read(run_dir: Path, stage: str, read: dict[str, str | None], source: dict, source_stage: str) -> None:
    """Refuse when the tables `stage` read are not the ones `source_stage` wrote (stale results)."""
    written = source.get("tables") or {}
    for name, digest in read.items():
        if name in written and written[name] != digest:
            raise RunDirError(
                f"the {stage} results in {run_dir} were computed from another {name}.parquet than "
                f"the current {source_stage} wrote; run `replyscope {stage} {run_dir}` again"
            )
