"""Tables with one page a row: CSV / TSV, JSON lines, Parquet. Streamed, every row accounted for.

Each reader yields one `RawDocument` per row: read, or with the reason it was not (malformed
row, bad JSON line, no text in the row, text of the wrong type). A problem with the whole table
(no text column, text column of the wrong type, no header) is one record for the file, or a
`UsageError` when the user named the table or a column: then the run stops before it starts,
with one line that lists the columns there are.

Decoding: cells and lines go through the same chain as .txt pages (UTF-8, else cp1252, else
latin-1, then ftfy's repair), each on its own, so one cp1252 row does not garble a UTF-8 file.
A UTF-16 or UTF-32 byte-order mark selects that codec for the whole file.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from replyscope.errors import UsageError
from replyscope.ingest.compressed import open_bytes
from replyscope.ingest.decode import bom_encoding, decode_chain
from replyscope.ingest.records import ColumnOptions, RawDocument, source_id_of, too_big

try:  # (optional: json.loads reads every line the same, ~1.4x slower on pages of text)
    from orjson import loads as _fast_loads
except ImportError:  # pragma: no cover (orjson is a dependency; a tree without it reads with json)
    _fast_loads = None

if TYPE_CHECKING:  # (pyarrow is imported where a Parquet input is read: with numpy it is a tenth of a second)
    import pyarrow as pa

# The usual names of each column, most specific first (FakeNewsCorpus uses content/id/url/title).
TEXT_COLUMNS = ("content", "text", "body", "page_text", "article", "document", "html")
ID_COLUMNS = ("id", "doc_id", "document_id", "uuid", "_id", "key")
URL_COLUMNS = ("url", "link", "uri", "page_url", "source_url")
TITLE_COLUMNS = ("title", "headline", "name")
SITE_COLUMNS = ("domain", "site", "host", "source_domain")
HTML_COLUMNS = ("html", "raw_html")  # a cell of markup: read as HTML (ingest.html_input), not as text

# A JSONL file has no header: its columns are found in the first rows that name a text column.
JSONL_HEAD_ROWS = 1000
_JSONL_BUFFER = 1 << 20

# FakeNewsCorpus cells run past csv's default 128 KiB limit; a page can be megabytes.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


class TableProblem(ValueError):
    """The whole table cannot be read as asked (no text column, wrong type): the reason."""


@dataclass(frozen=True)
class Layout:
    text: str
    id: str | None
    url: str | None
    title: str | None
    site: str | None
    html: str | None = None  # a markup column: a row with markup there is read as HTML


def must_fit(columns: ColumnOptions, root: Path | None) -> bool:
    """A table the user named, or any table once a column is named, must have its columns."""
    return root is None or any((columns.text, columns.id, columns.url, columns.title, columns.html))


def _refuse(path: Path, root: Path | None, columns: ColumnOptions, reason: str) -> RawDocument:
    """A table that cannot be read as asked: a usage error when the user asked for it, else a record."""
    if must_fit(columns, root):
        raise UsageError(f"{path}: {reason}")
    return RawDocument.skipped(str(path), source_id_of(path, root), reason)


def _listing(names: list[str]) -> str:
    return ", ".join(names) if names else "(none)"


def pick_column(names: list[str], wanted: str | None, candidates: tuple[str, ...], what: str) -> str | None:
    """The column to use: the one asked for (must exist), else the first usual name present."""
    if wanted is not None:
        if wanted not in names:
            raise TableProblem(f"no column {wanted!r} for the {what}; its columns are: {_listing(names)}")
        return wanted
    lowered = {n.lower().strip(): n for n in names}
    for candidate in candidates:
        if candidate in lowered:
            return lowered[candidate]
    return None


def find_layout(names: list[str], columns: ColumnOptions) -> Layout:
    """Which of `names` hold the text, id, url, title and site; TableProblem when there is no text."""
    # an explicit --text-col is obeyed; otherwise a column named html/raw_html is read as markup
    html = pick_column(names, columns.html, HTML_COLUMNS, "page HTML") if columns.html or not columns.text else None
    text = pick_column(names, columns.text, TEXT_COLUMNS, "page text") or html
    if text is None:
        raise TableProblem(
            f"no text column (looked for {', '.join(TEXT_COLUMNS)}); its columns are: {_listing(names)}; "
            "name one with --text-col"
        )
    return Layout(
        text=text,
        id=pick_column(names, columns.id, ID_COLUMNS, "id"),
        url=pick_column(names, columns.url, URL_COLUMNS, "url"),
        title=pick_column(names, columns.title, TITLE_COLUMNS, "title"),
        site=pick_column(names, None, SITE_COLUMNS, "site"),
        html=html,
    )


def _meta_text(value: object) -> str:
    """An id, url, title or site cell as text: scalars as written, bytes decoded, anything else ''."""
    if value is None or isinstance(value, str):
        return value or ""
    if isinstance(value, bytes):
        return decode_chain(value).text
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


def _row_document(
    source: str, row_no: int, values: dict, layout: Layout, max_bytes: int, encoding: str = ""
) -> RawDocument:
    """One row: str text is repaired later, bytes go through the decoding chain, other types are refused."""
    source_id = _meta_text(values.get(layout.id)) if layout.id else ""
    doc = RawDocument(
        source,
        source_id or f"row-{row_no}",
        None,
        url=_meta_text(values.get(layout.url)) if layout.url else "",
        title=_meta_text(values.get(layout.title)) if layout.title else "",
        site=_meta_text(values.get(layout.site)) if layout.site else "",
        encoding=encoding,
    )
    text = values.get(layout.text)
    if layout.html and isinstance(markup := values.get(layout.html), (str, bytes)) and markup:
        from replyscope.ingest.html_input import HtmlDocument  # noqa: PLC0415 (it imports this package's records)

        doc, text = HtmlDocument(**vars(doc)), markup  # the DOM says more than the text
    if text is not None and not isinstance(text, (str, bytes)):
        doc.problem = f"text column {layout.text!r} in row {row_no} holds {type(text).__name__}, not text"
    elif text is not None and len(text) > max_bytes:
        doc.problem = too_big(len(text), max_bytes)
    else:
        doc.content = text
    return doc


# --- CSV / TSV -------------------------------------------------------------------------------


@contextmanager
def _text_lines(path: Path) -> Iterator[tuple[Iterator[str], str | None]]:
    """The file's lines, ends kept, and the codec its BOM declares (UTF-16/32), else None.

    Without such a BOM the bytes are read as latin-1, one character per byte: quotes, commas and
    line ends are the same bytes in every ASCII-compatible codec, so csv parses it correctly, and
    each cell is turned back into its bytes for the decoding chain.
    """
    with open_bytes(path) as raw:
        declared = bom_encoding(raw.read(4))
        if declared == "utf-8-sig":
            raw.seek(3)
            declared = None
        else:
            raw.seek(0)
        # errors="replace": a broken code unit in a UTF-16/32 file costs one character, not the file.
        with io.TextIOWrapper(raw, encoding=declared or "latin-1", errors="replace", newline="") as handle:
            yield handle, declared


class _RecordLines:
    """Feeds csv the file's lines and keeps those of the record it is reading.

    When a record cannot be parsed (a quote never closed, or closed in the middle of a later row),
    it is failed alone and the lines after its first line are fed again, as rows of their own.
    Only up to `keep_bytes` of a record are kept for that: past it (a quote left open early in a
    big file), memory stays flat and the swallowed lines fail with the record instead.
    """

    def __init__(self, lines: Iterator[str], keep_bytes: int) -> None:
        self._source = iter(lines)
        self._again: list[str] = []  # lines to feed again, last first
        self.keep_bytes = keep_bytes
        self.record: list[str | None] = []  # the record's lines; a None last: the rest was not kept

    def lines(self) -> Iterator[str]:
        """The lines to parse: those to read again first. (A generator: this runs once a line.)"""
        record, keep, size = self.record, self.keep_bytes, 0
        while True:
            line = self._again.pop() if self._again else next(self._source, None)
            if line is None:
                return
            if not record:  # a new record: the last one was accepted or rejected
                size = 0
            if size <= keep:
                record.append(line)
                size += len(line)
                if size > keep:
                    record.append(None)
            yield line

    def accept(self) -> None:
        self.record.clear()

    def reject(self) -> bool:
        """Fail the record; feed its lines after the first again. False when they were not kept."""
        kept = not self.record or self.record[-1] is not None
        if kept:
            self._again.extend(reversed(self.record[1:]))
        self.record.clear()
        return kept


def _csv_records(feed: _RecordLines, delimiter: str) -> Iterator[tuple[int, int, list[str] | None, str]]:
    """(first line, last line, cells or None, problem) for each record of the file."""
    before = 0  # lines before the current reader's first
    first = 1
    while True:
        reader = csv.reader(feed.lines(), delimiter=delimiter, strict=True)  # strict: a stray quote is an error
        try:
            for cells in reader:
                last = before + reader.line_num
                feed.accept()
                yield first, last, cells, ""
                first = last + 1
            return
        except csv.Error as exc:
            last = before + reader.line_num
            if "unexpected end of data" in str(exc):
                problem = f"unclosed quote in the row on line {first}"
            else:
                problem = f"malformed CSV row on line {first} ({exc}" + (f", line {last})" if last > first else ")")
            kept = feed.reject()
            if last > first:
                problem += (
                    "; the lines after it are read as rows"
                    if kept
                    else f"; it ran past {feed.keep_bytes / 1e6:.3g} MB, so lines {first + 1}-{last} failed with it"
                )
            yield first, first, None, problem
            before = first if kept else last
            first = before + 1


def read_csv(
    path: Path, columns: ColumnOptions, max_bytes: int, root: Path | None = None, delimiter: str = ","
) -> Iterator[RawDocument]:
    """Stream a CSV row by row; csv handles quoted cells with newlines, bad rows are recorded."""
    source = str(path)
    with _text_lines(path) as (lines, declared):

        def cell_value(cell: str) -> str:  # a latin-1 stand-in back to its bytes, then the chain
            return cell if declared or cell.isascii() else decode_chain(cell.encode("latin-1")).text

        feed = _RecordLines(lines, keep_bytes=2 * max_bytes)
        records = _csv_records(feed, delimiter)
        header: list[str] | None = None
        for _, _, header, problem in records:
            if problem:
                yield RawDocument.failed(source, source_id_of(path, root), f"malformed header: {problem.split(';')[0]}")
                return
            if header:
                break
        if not header:
            yield RawDocument.skipped(source, source_id_of(path, root), "empty table: no header row")
            return
        header = [cell_value(h).lstrip("\ufeff") for h in header]
        try:
            layout = find_layout(header, columns)
        except TableProblem as exc:
            yield _refuse(path, root, columns, str(exc))
            return
        at = {name: i for i, name in enumerate(header)}
        row_no = 0
        for first, last, cells, problem in records:
            if cells == []:
                continue  # a blank line between rows holds no page
            row_no += 1
            if problem:
                yield RawDocument.failed(source, f"row-{row_no}", problem)
            elif len(cells) != len(header):
                where = f"line {first}" if first == last else f"lines {first}-{last}"
                yield RawDocument.failed(
                    source, f"row-{row_no}", f"malformed CSV row on {where}: {len(cells)} fields, header has {len(header)}"
                )
            else:
                values = {name: cell_value(cells[at[name]]) for name in (layout.id, layout.url, layout.title, layout.site) if name}
                text = cells[at[layout.text]]
                values[layout.text] = text if declared else text.encode("latin-1")
                yield _row_document(source, row_no, values, layout, max_bytes, declared or "")


def read_tsv(path: Path, columns: ColumnOptions, max_bytes: int, root: Path | None = None) -> Iterator[RawDocument]:
    return read_csv(path, columns, max_bytes, root, delimiter="\t")


# --- JSON lines ------------------------------------------------------------------------------


@contextmanager
def _json_lines(path: Path) -> Iterator[tuple[Iterator[bytes | str], str]]:
    """Lines as bytes (json reads UTF-8 itself), or as str when a UTF-16/32 BOM names the codec; and that codec.

    Read through a 1 MiB buffer: a line holds a whole page, and a line longer than the buffer is
    gathered from several reads (the default 8 KiB buffer cost 4x the instructions per byte)."""
    with open_bytes(path, buffering=_JSONL_BUFFER) as raw:
        declared = bom_encoding(raw.read(4))
        raw.seek(0)
        if declared in ("utf-16", "utf-32"):
            with io.TextIOWrapper(raw, encoding=declared, errors="replace") as handle:
                yield handle, declared
        else:
            yield raw, "utf-8"


# orjson reads an integer outside 64 bits as a float (json: the exact int); such a float is no
# smaller than this in magnitude, and its line is read again by json.
_ORJSON_INT_FLOAT = 2.0**63


def _fast_row(line: bytes) -> dict | None:
    """The row of a UTF-8 line exactly as json.loads reads it, by orjson; None where json must read it.

    orjson gives json's values for every line it reads but an integer outside 64 bits (a float
    then: such lines go to json), and refuses the lines json reads in its own way (NaN, Infinity,
    an overflowing number, a lone surrogate, a UTF-8 BOM, a UTF-16 or non-UTF-8 line) and the
    lines json refuses, whose error message the record keeps: json reads all of those again, as
    it read every line before."""
    try:
        row = _fast_loads(line)
    except ValueError:
        return None
    if type(row) is not dict:
        return None
    values = list(row.values())
    while values:  # (a page's row holds strings: one look at each; lists and objects are walked)
        value = values.pop()
        kind = type(value)
        if kind is float:
            if not -_ORJSON_INT_FLOAT < value < _ORJSON_INT_FLOAT:
                return None
        elif kind is list:
            values.extend(value)
        elif kind is dict:
            values.extend(value.values())
    return row


def _parse_json_line(line: bytes | str, encoding: str) -> tuple[dict, str]:
    """The row of one line and the codec it was read with; ValueError when it is not a JSON object."""
    if _fast_loads is not None and type(line) is bytes:
        row = _fast_row(line)
        if row is not None:
            return row, encoding
    try:
        row = json.loads(line)
    except UnicodeDecodeError:  # not UTF-8: the chain's next codecs, before JSON sees it
        try:
            text, encoding = line.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, encoding = line.decode("latin-1"), "latin-1"
        row = json.loads(text)
    if not isinstance(row, dict):
        raise ValueError(f"a JSON {type(row).__name__}, not an object")
    return row, encoding


def _jsonl_text_column(path: Path, columns: ColumnOptions) -> tuple[str | None, list[str]]:
    """The text column named in the file's first rows (the asked one, else a usual name), and their keys."""
    seen: dict[str, None] = {}
    with _json_lines(path) as (lines, declared):
        for n, line in enumerate(lines):
            if n >= JSONL_HEAD_ROWS:
                break
            try:
                row, _ = _parse_json_line(line, declared)
            except ValueError:
                continue
            seen.update(dict.fromkeys(row))
            if columns.text is not None:
                if columns.text in row:
                    return columns.text, list(seen)
            else:  # a page's text, else its markup (--html-col, or a column named html / raw_html)
                found = (
                    (columns.html if columns.html in row else None)
                    or pick_column(list(row), None, TEXT_COLUMNS, "page text")
                    or pick_column(list(row), None, HTML_COLUMNS, "page HTML")
                )
                if found is not None:
                    return found, list(seen)
    return None, list(seen)


def read_jsonl(path: Path, columns: ColumnOptions, max_bytes: int, root: Path | None = None) -> Iterator[RawDocument]:
    """Stream a JSON-lines file; each line is one row, and each row is read or recorded on its own."""
    source = str(path)
    text_column, keys = _jsonl_text_column(path, columns)
    if text_column is None and not keys:  # no JSON object in the first rows: their lines say why
        text_column = columns.text or TEXT_COLUMNS[0]
    if text_column is None:
        if columns.text is not None:
            reason = f"no column {columns.text!r} for the page text in the first rows; their keys are: {_listing(keys)}"
        else:
            reason = (
                f"no text column (looked for {', '.join(TEXT_COLUMNS)}) in the first rows; "
                f"their keys are: {_listing(keys)}; name one with --text-col"
            )
        yield _refuse(path, root, columns, reason)
        return
    layouts: dict[tuple[str, ...], Layout] = {}  # rows mostly share their keys
    with _json_lines(path) as (lines, declared):
        for line_no, line in enumerate(lines, start=1):
            if not line or line.isspace():  # (as `not line.strip()`, without copying the line)
                continue
            try:
                row, encoding = _parse_json_line(line, declared)
            except ValueError as exc:
                yield RawDocument.failed(source, f"line-{line_no}", f"bad JSON on line {line_no}: {exc}")
                continue
            keys = tuple(row)
            layout = layouts.get(keys)
            if layout is None:
                if len(layouts) > 1000:  # rows whose keys are data: keep the cache small
                    layouts.clear()
                layout = layouts[keys] = _meta_layout(keys, text_column, columns)
            doc = _row_document(source, line_no, row, layout, max_bytes, encoding)
            if text_column not in row:
                doc.problem = f"no text column {text_column!r} in row {line_no}"
            yield doc


def _meta_layout(names: tuple[str, ...], text_column: str, columns: ColumnOptions) -> Layout:
    """The layout of a JSON row with these keys: the file's text column, and id/url/title/site by the asked or usual names."""
    return Layout(
        text=text_column,
        id=columns.id or pick_column(list(names), None, ID_COLUMNS, "id"),
        url=columns.url or pick_column(list(names), None, URL_COLUMNS, "url"),
        title=columns.title or pick_column(list(names), None, TITLE_COLUMNS, "title"),
        site=pick_column(list(names), None, SITE_COLUMNS, "site"),
        html=columns.html or (pick_column(list(names), None, HTML_COLUMNS, "page HTML") if not columns.text else None),
    )


# --- Parquet ---------------------------------------------------------------------------------


def _text_kind(kind: pa.DataType) -> str | None:
    """'str' or 'bytes' for a column that can hold page text, None for any other type."""
    import pyarrow as pa

    if pa.types.is_dictionary(kind):
        kind = kind.value_type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_string_view(kind) or pa.types.is_null(kind):
        return "str"
    if pa.types.is_binary(kind) or pa.types.is_large_binary(kind) or pa.types.is_binary_view(kind):
        return "bytes"  # decoded by the chain like a page's bytes, never stored as b'...'
    return None


def read_parquet(
    path: Path, columns: ColumnOptions, max_bytes: int, root: Path | None = None, batch_rows: int = 2048
) -> Iterator[RawDocument]:
    """Stream a Parquet file in record batches so memory stays flat."""
    import pyarrow.parquet as pq

    source = str(path)
    parquet = pq.ParquetFile(path)
    schema = parquet.schema_arrow
    try:
        layout = find_layout(schema.names, columns)
    except TableProblem as exc:
        yield _refuse(path, root, columns, str(exc))
        return
    text_type = schema.field(layout.text).type
    if _text_kind(text_type) is None:
        typed = ", ".join(f"{f.name} ({f.type})" for f in schema)
        yield _refuse(
            path,
            root,
            columns,
            f"text column {layout.text!r} holds {text_type}, not text ({parquet.metadata.num_rows} rows not read); "
            f"its columns are: {typed}; name a text column with --text-col",
        )
        return
    wanted = list(dict.fromkeys(c for c in (layout.text, layout.id, layout.url, layout.title, layout.site, layout.html) if c))
    row_no = 0
    for batch in parquet.iter_batches(batch_size=batch_rows, columns=wanted):
        for row in batch.to_pylist():
            row_no += 1
            yield _row_document(source, row_no, row, layout, max_bytes)
