"""Which reader reads which file, and the one entry point that never loses an input.

`READERS` maps a file suffix (lower case; two-part ones such as ".warc.gz" too) to its reader.
A reader is `reader(path, columns, max_bytes, root)` and yields `RawDocument`s, one per page or
row, read or with the reason it was not; add a format by adding an entry. `read_input` turns
every entry of an input into records: entries no reader may open (entries.py), kinds no reader
reads ("unsupported file kind .xyz"), and files that fail as a whole, each with its reason, so
every entry reaches the manifest. It raises only `UsageError` (a column the user named is not
there, see tables.py).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

from replyscope.errors import UsageError
from replyscope.ingest.compressed import compressed_kinds, decompressing, is_compressed
from replyscope.ingest.entries import discover_inputs, entry_problem
from replyscope.ingest.html_input import HTML_SUFFIXES, WARC_SUFFIXES, read_html_page, read_warc
from replyscope.ingest.records import ColumnOptions, RawDocument, source_id_of
from replyscope.ingest.tables import (
    TEXT_COLUMNS,
    must_fit,
    pick_column,
    read_csv,
    read_jsonl,
    read_parquet,
    read_tsv,
    too_big,
)

Reader = Callable[[Path, ColumnOptions, int, "Path | None"], Iterable[RawDocument]]

# A compressed file's kind is its last two suffixes: "crawl.warc.gz" is ".warc.gz", not ".gz".
_COMPRESSED = {".gz", ".bz2", ".xz", ".zst", ".zip"}


def read_page(path: Path, columns: ColumnOptions, max_bytes: int, root: Path | None = None) -> Iterator[RawDocument]:
    """One plain-text page; its id is its path inside the input folder (or its file name)."""
    source_id = source_id_of(path, root)
    # O_NONBLOCK: were the file swapped for a FIFO since it was checked, opening it must not hang.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with open(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            yield RawDocument.skipped(str(path), source_id, "not a regular file, not opened")
            return
        if info.st_size > max_bytes:
            yield RawDocument.skipped(str(path), source_id, too_big(info.st_size, max_bytes))
            return
        # A compressed page is read no further than the limit: a small file may unpack to gigabytes.
        content = decompressing(path, handle).read(max_bytes + 1) if is_compressed(path) else handle.read()
    if len(content) > max_bytes:
        yield RawDocument.skipped(str(path), source_id, f"page is over the {max_bytes / 1e6:.0f} MB limit (--max-page-mb) once decompressed")
        return
    yield RawDocument(str(path), source_id, content)


_PLAIN_READERS: dict[str, Reader] = {
    ".txt": read_page,
    ".text": read_page,
    ".csv": read_csv,
    ".tsv": read_tsv,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    # HTML pages (ingest.html_input): rendered to text, the markup kept for the split
    **dict.fromkeys(HTML_SUFFIXES, read_html_page),
}
READERS: dict[str, Reader] = {
    **_PLAIN_READERS,
    # the same files compressed whole (ingest.compressed): "pages.jsonl.gz", "page.html.xz"
    **{kind: _PLAIN_READERS[kind.rsplit(".", 1)[0]] for kind in compressed_kinds(list(_PLAIN_READERS))},
    ".parquet": read_parquet,  # (compressed inside, by column)
    # crawl files (ingest.html_input), compressed record by record
    **dict.fromkeys(WARC_SUFFIXES, read_warc),
}
# Readers of tables: their columns are checked before a run starts (check_inputs).
TABLE_READERS = {read_csv, read_tsv, read_jsonl, read_parquet}


def file_kind(path: Path) -> str:
    """The suffix that says what a file is, lower case: '.csv', '.warc.gz', or '' when none."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if len(suffixes) == 2 and suffixes[1] in _COMPRESSED:
        return "".join(suffixes)
    return suffixes[-1] if suffixes else ""


def reader_for(path: Path) -> Reader | None:
    """The reader of a file: by its two-part suffix when there is one for it, else by its last."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if len(suffixes) == 2 and (reader := READERS.get("".join(suffixes))):
        return reader
    return READERS.get(suffixes[-1]) if suffixes else None


def is_read(path: Path, root: Path | None) -> bool:
    """Whether a reader opens this entry: a regular file (or a link that may be followed) of a kind
    in READERS. What the manifest fingerprints, and what makes an input non-empty."""
    return reader_for(path) is not None and entry_problem(path, root) is None


def read_input(path: Path, columns: ColumnOptions, max_bytes: int, root: Path | None = None) -> Iterator[RawDocument]:
    """Yield the documents of one input entry, whatever it is; never raises but UsageError.

    `root` is the input folder the entry was found in (None when the user named it): ids are
    relative to it, links must stay inside it, and hidden names inside it are skipped.
    """
    problem = entry_problem(path, root)
    if problem is not None:
        yield problem
        return
    reader = reader_for(path)
    if reader is None:
        kind = file_kind(path) or "(no suffix)"
        yield RawDocument.skipped(str(path), source_id_of(path, root), f"unsupported file kind {kind}")
        return
    n = 0
    try:
        for n, doc in enumerate(reader(path, columns, max_bytes, root), start=1):
            yield doc
        if n == 0:  # a table of no rows, an archive of no pages: still an entry of the input
            yield RawDocument.skipped(str(path), source_id_of(path, root), "no pages or rows in the file")
    except UsageError:
        raise
    except OSError as exc:  # permission, I/O error: the file fails, the batch goes on
        yield RawDocument.failed(str(path), source_id_of(path, root), f"could not read file: {exc.strerror or exc}")
    except Exception as exc:  # a file a library cannot parse must not sink the batch
        yield RawDocument.failed(str(path), source_id_of(path, root), f"could not read file: {type(exc).__name__}: {exc}")


def check_inputs(files: list[tuple[Path, Path | None]], columns: ColumnOptions) -> None:
    """Raise UsageError before a run starts when a table the user named, or any table once a column
    is named, lacks its columns: reading each such table's first row finds it (header, schema or
    first JSON rows), so the run stops with one line and nothing written.
    """
    for path, root in files:
        if must_fit(columns, root) and reader_for(path) in TABLE_READERS and entry_problem(path, root) is None:
            rows = read_input(path, columns, 1 << 62, root)
            try:
                for _ in islice(rows, 1):
                    pass
            finally:
                rows.close()


__all__ = [
    "READERS",
    "TEXT_COLUMNS",
    "ColumnOptions",
    "RawDocument",
    "Reader",
    "check_inputs",
    "discover_inputs",
    "file_kind",
    "is_read",
    "pick_column",
    "read_input",
    "read_page",
    "reader_for",
]
