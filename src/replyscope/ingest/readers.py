"""Readers for the inputs people have: folders of .txt pages, and CSV / JSONL / Parquet tables.

Every reader yields `RawDocument`s, one per page or row, and never raises for a bad page or row:
a row it cannot read becomes a `RawDocument` with `problem` set, so the batch goes on and the
loss is recorded in the manifest. Only whole-file failures that leave no rows to name (a table
with no text column, an unreadable file) are reported as one record for the file.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".parquet"}
PAGE_SUFFIXES = {".txt", ".text"}

# The usual names of each column, most specific first (FakeNewsCorpus uses content/id/url/title).
TEXT_COLUMNS = ("content", "text", "body", "page_text", "article", "document", "html")
ID_COLUMNS = ("id", "doc_id", "document_id", "uuid", "_id", "key")
URL_COLUMNS = ("url", "link", "uri", "page_url", "source_url")
TITLE_COLUMNS = ("title", "headline", "name")
SITE_COLUMNS = ("domain", "site", "host", "source_domain")
HTML_COLUMNS = ("html", "raw_html")  # a cell of markup: read as HTML (ingest.html_input), not as text

# FakeNewsCorpus cells run past csv's default 128 KiB limit; a page can be megabytes.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass(frozen=True)
class ColumnOptions:
    """Which table columns hold the text, id, url and title (None = detect by the usual names)."""

    text: str | None = None
    id: str | None = None
    url: str | None = None
    title: str | None = None
    html: str | None = None


@dataclass
class RawDocument:
    source: str  # the input file
    source_id: str  # the input's own id for this page (row id, or file path inside the folder)
    content: bytes | str | None  # bytes from files (decoded later), str from tables
    url: str = ""
    title: str = ""
    site: str = ""
    problem: str = ""  # non-empty: this page could not be read; the reason


def discover_inputs(paths: list[Path]) -> list[Path]:
    """Expand folders recursively to the page and table files inside, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and (p.suffix.lower() in PAGE_SUFFIXES | TABLE_SUFFIXES or is_html_input(p))
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        else:
            found.append(path)
    return found


def read_input(path: Path, columns: ColumnOptions, max_bytes: int, root: Path | None = None) -> Iterator[RawDocument]:
    """Yield the documents of one input file, whatever its format."""
    suffix = path.suffix.lower()
    if not path.exists():
        yield RawDocument(str(path), path.name, None, problem="input not found")
        return
    try:
        if suffix in (".csv", ".tsv"):
            yield from read_csv(path, columns, max_bytes, delimiter="\t" if suffix == ".tsv" else ",")
        elif suffix in (".jsonl", ".ndjson"):
            yield from read_jsonl(path, columns, max_bytes)
        elif suffix == ".parquet":
            yield from read_parquet(path, columns, max_bytes)
        elif is_html_input(path):
            yield from read_html_input(path, max_bytes, root)
        else:
            yield read_page(path, max_bytes, root)
    except Exception as exc:  # an unreadable file must not sink the batch
        yield RawDocument(str(path), "*", None, problem=f"could not read file: {type(exc).__name__}: {exc}")


def read_page(path: Path, max_bytes: int, root: Path | None = None) -> RawDocument:
    """One plain-text page; its id is its path inside the input folder (or its file name)."""
    source_id = str(path.relative_to(root)) if root and path.is_relative_to(root) else path.name
    size = path.stat().st_size
    if size > max_bytes:
        return RawDocument(str(path), source_id, None, problem=_too_big(size, max_bytes))
    return RawDocument(str(path), source_id, path.read_bytes())


def _too_big(size: int, max_bytes: int) -> str:
    return f"page is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit (--max-page-mb)"


def pick_column(names: list[str], wanted: str | None, candidates: tuple[str, ...], what: str) -> str | None:
    """The column to use: the one asked for (must exist), else the first usual name present."""
    if wanted is not None:
        if wanted not in names:
            raise MissingColumn(f"no column {wanted!r} for the {what}; columns are {names}")
        return wanted
    lowered = {n.lower().strip(): n for n in names}
    for candidate in candidates:
        if candidate in lowered:
            return lowered[candidate]
    return None


class MissingColumn(ValueError):
    pass


@dataclass(frozen=True)
class _Layout:
    text: str
    id: str | None
    url: str | None
    title: str | None
    site: str | None
    html: str | None = None


def _layout(names: list[str], columns: ColumnOptions) -> _Layout:
    # an explicit --text-col is obeyed; otherwise a column named html/raw_html is read as markup
    html = pick_column(names, columns.html, HTML_COLUMNS, "page HTML") if columns.html or not columns.text else None
    text = pick_column(names, columns.text, TEXT_COLUMNS, "page text") or html
    if text is None:
        raise MissingColumn(
            f"no text column: looked for {', '.join(TEXT_COLUMNS)}; columns are {names}; pass --text-col"
        )
    return _Layout(
        text=text,
        id=pick_column(names, columns.id, ID_COLUMNS, "id"),
        url=pick_column(names, columns.url, URL_COLUMNS, "url"),
        title=pick_column(names, columns.title, TITLE_COLUMNS, "title"),
        site=pick_column(names, None, SITE_COLUMNS, "site"),
        html=html,
    )


def _row_document(source: str, row_no: int, row: dict, layout: _Layout, max_bytes: int) -> RawDocument:
    def cell(name: str | None) -> str:
        value = row.get(name) if name else None
        return "" if value is None else str(value)

    source_id = cell(layout.id) or f"row-{row_no}"
    text = row.get(layout.text)
    if layout.html and row.get(layout.html):  # markup present: the DOM says more than the text
        text = row[layout.html]
        doc = HtmlDocument(source, source_id, str(text), cell(layout.url), cell(layout.title), cell(layout.site))
    else:
        doc = RawDocument(source, source_id, None if text is None else str(text), cell(layout.url), cell(layout.title), cell(layout.site))
    if doc.content is not None and len(doc.content) > max_bytes:
        doc.content, doc.problem = None, _too_big(len(text), max_bytes)
    return doc


def read_csv(path: Path, columns: ColumnOptions, max_bytes: int, delimiter: str = ",") -> Iterator[RawDocument]:
    """Stream a CSV row by row. csv handles quoted cells with newlines; bad rows are recorded, not dropped."""
    source = str(path)
    with open(path, "rb") as raw:
        # Decode the whole stream with replacement: one bad byte must not lose a file of pages.
        handle = io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="")
        reader = csv.reader(handle, delimiter=delimiter)
        header = next(reader, None)
        if header is None:
            yield RawDocument(source, "*", None, problem="empty table: no header row")
            return
        header = [h.lstrip("\ufeff") for h in header]
        layout = _layout(header, columns)
        row_no = 0
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                row_no += 1
                yield RawDocument(source, f"row-{row_no}", None, problem=f"malformed CSV near line {reader.line_num}: {exc}")
                continue
            row_no += 1
            if not cells:
                continue  # a blank line between rows holds no page
            if len(cells) != len(header):
                yield RawDocument(
                    source,
                    f"row-{row_no}",
                    None,
                    problem=f"malformed CSV row ending at line {reader.line_num}: {len(cells)} fields, header has {len(header)}",
                )
                continue
            yield _row_document(source, row_no, dict(zip(header, cells)), layout, max_bytes)


def read_jsonl(path: Path, columns: ColumnOptions, max_bytes: int) -> Iterator[RawDocument]:
    """Stream a JSON-lines file; a line that is not a JSON object is recorded as a bad row."""
    source = str(path)
    layout: _Layout | None = None
    with open(path, "rb") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if not isinstance(row, dict):
                    raise ValueError(f"a JSON {type(row).__name__}, not an object")
            except ValueError as exc:
                yield RawDocument(source, f"line-{line_no}", None, problem=f"bad JSON on line {line_no}: {exc}")
                continue
            if layout is None:
                layout = _layout(list(row), columns)
            yield _row_document(source, line_no, row, layout, max_bytes)


def read_parquet(path: Path, columns: ColumnOptions, max_bytes: int, batch_rows: int = 2048) -> Iterator[RawDocument]:
    """Stream a Parquet file in record batches so memory stays flat."""
    source = str(path)
    parquet = pq.ParquetFile(path)
    layout = _layout(parquet.schema_arrow.names, columns)
    wanted = [c for c in (layout.text, layout.id, layout.url, layout.title, layout.site, layout.html) if c]
    row_no = 0
    for batch in parquet.iter_batches(batch_size=batch_rows, columns=list(dict.fromkeys(wanted))):
        for row in batch.to_pylist():
            row_no += 1
            yield _row_document(source, row_no, row, layout, max_bytes)


from replyscope.ingest.html_input import HtmlDocument, is_html_input, read_html_input  # noqa: E402 (it subclasses RawDocument)
