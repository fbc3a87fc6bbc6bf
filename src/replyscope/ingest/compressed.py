"""Files compressed as a whole (`pages.jsonl.gz`, `export.csv.bz2`, `page.html.xz`): read through
the standard library's decompressors, so every reader of lines or bytes takes them as they come.

Scrapes are stored compressed more often than not; asking analysts to unpack a corpus first
doubles its disk use. A crawl file's own compression (`.warc.gz`, one gzip member per record) is
fastwarc's business and is not handled here.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

# The last suffix of a compressed file, and its opener: given a path it opens (and later closes)
# the file; given an open file it reads from it and leaves closing it to the caller.
DECOMPRESSORS: dict[str, Callable[..., Any]] = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}


def is_compressed(path: Path) -> bool:
    return path.suffix.lower() in DECOMPRESSORS


def open_bytes(path: Path, buffering: int = -1) -> IO[bytes]:
    """The file's bytes, decompressed when its last suffix names a compression (DECOMPRESSORS).

    A damaged stream raises as it is read (OSError, EOFError, zlib.error, LZMAError): the reader's
    caller records the file as failed, after any rows read before the damage."""
    opener = DECOMPRESSORS.get(path.suffix.lower())
    return open(path, "rb", buffering=buffering) if opener is None else opener(path, "rb")


def decompressing(path: Path, raw: IO[bytes]) -> IO[bytes]:
    """The bytes of `raw`, the open file at `path`, decompressed when `path` names a compression;
    the caller still closes `raw`."""
    opener = DECOMPRESSORS.get(path.suffix.lower())
    return raw if opener is None else opener(raw, "rb")


def compressed_kinds(kinds: list[str]) -> list[str]:
    """Each file kind in `kinds` with each compression's suffix after it: '.csv' -> '.csv.gz', ..."""
    return [kind + suffix for kind in kinds for suffix in DECOMPRESSORS]
