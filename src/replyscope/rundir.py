"""The run directory: every stage's table as Parquet, and the manifest.

A run directory is the only state between stages, so a stage can be re-run alone, and an analyst
can open any table in Polars, pandas or DuckDB.
"""

from __future__ import annotations

import hashlib
import json
import platform
from datetime import datetime, timezone
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from replyscope import __version__
from replyscope.schema import TABLES, conform, empty

MANIFEST = "manifest.json"


def table_path(run_dir: Path, name: str) -> Path:
    return run_dir / f"{name}.parquet"


def read_table(run_dir: Path, name: str) -> pl.DataFrame:
    """Read one stage table, with a clear error when the stage that makes it has not run."""
    path = table_path(run_dir, name)
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run the stage that writes {name!r} first")
    return pl.read_parquet(path)


def write_table(run_dir: Path, name: str, frame: pl.DataFrame) -> Path:
    path = table_path(run_dir, name)
    conform(frame, TABLES[name]).write_parquet(path)
    return path


class TableWriter:
    """Appends batches of one table to a Parquet file, so a large run never holds it all in memory."""

    def __init__(self, run_dir: Path, name: str):
        self.name = name
        self.path = table_path(run_dir, name)
        self._writer: pq.ParquetWriter | None = None
        self.rows = 0

    def write(self, frame: pl.DataFrame) -> None:
        table = conform(frame, TABLES[self.name]).to_arrow()
        if self._writer is None:
            self._writer = pq.ParquetWriter(self.path, table.schema)
        else:
            table = table.cast(self._writer.schema)
        self._writer.write_table(table)
        self.rows += frame.height

    def close(self) -> None:
        if self._writer is None:  # no batch at all: still leave a readable, empty table
            empty(TABLES[self.name]).write_parquet(self.path)
        else:
            self._writer.close()


def file_fingerprint(path: Path) -> dict:
    """Path, size and sha256 of an input file (streamed: inputs can be gigabytes)."""
    if not path.is_file():
        return {"path": str(path), "size": None, "sha256": None}
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:  # unreadable: the documents table says so; the manifest must still be written
        return {"path": str(path), "size": None, "sha256": None, "error": exc.strerror or str(exc)}
    return {"path": str(path), "size": path.stat().st_size, "sha256": digest.hexdigest()}


def versions() -> dict:
    import sklearn
    import umap

    return {
        "replyscope": __version__,
        "python": platform.python_version(),
        "polars": pl.__version__,
        "pyarrow": pa.__version__,
        "scikit-learn": sklearn.__version__,
        "umap-learn": getattr(umap, "__version__", "unknown"),
    }


def read_manifest(run_dir: Path) -> dict:
    path = run_dir / MANIFEST
    return json.loads(path.read_text()) if path.exists() else {}


def update_manifest(run_dir: Path, **sections) -> dict:
    """Merge sections into the manifest (dict sections are merged one level deep)."""
    manifest = read_manifest(run_dir)
    manifest.setdefault("replyscope", __version__)
    manifest.setdefault("created", datetime.now(timezone.utc).isoformat(timespec="seconds"))
    for key, value in sections.items():
        if isinstance(value, dict) and isinstance(manifest.get(key), dict):
            manifest[key].update(value)
        else:
            manifest[key] = value
    manifest["updated"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    (run_dir / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False, default=str))
    return manifest
