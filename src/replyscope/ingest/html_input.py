"""HTML inputs: .html/.htm pages, an HTML column of a table, and WARC / WARC.gz crawl files.

Each becomes an `HtmlDocument` (a RawDocument whose content is the page's HTML). `html_document_row`
turns it into a documents row whose `text` is the page rendered to text (replyscope.html.render)
and whose `html` keeps the decoded markup, so the split stage can read the DOM (comment lists,
<article>, schema.org microdata) and still give offsets into `text`.

Bytes are decoded as a browser would: a byte-order mark first, then the charset the server sent
(WARC records), then the page's own <meta charset>, then UTF-8 and cp1252 (resiliparse's
detector and decoder; no hand-written sniffing).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from replyscope.ingest.records import ColumnOptions, RawDocument, too_big

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
# Content types a WARC response record may carry a readable page in.
HTML_MIME_PREFIXES = ("text/html", "application/xhtml")


@dataclass
class HtmlDocument(RawDocument):
    """A page given as HTML (bytes from files and WARC records, str from table cells)."""

    charset: str = ""  # the charset the server declared (WARC Content-Type), "" when none
    crawled_at: str = ""  # WARC-Date, ISO 8601, "" when not from a crawl


def read_html_page(path: Path, columns: ColumnOptions, max_bytes: int, root: Path | None = None) -> Iterator[HtmlDocument]:
    """One .html file, read as a .txt page is (ingest.readers.read_page: its id, the size limit,
    never blocking on a FIFO), its bytes kept as markup for the split."""
    from replyscope.ingest.readers import read_page  # noqa: PLC0415 (readers imports this module)

    for raw in read_page(path, columns, max_bytes, root):
        yield HtmlDocument(**vars(raw))


def read_warc(path: Path, columns: ColumnOptions, max_bytes: int, root: Path | None = None) -> Iterator[HtmlDocument]:
    """The response records of a WARC (plain or gzip), one document each.

    Request, metadata and warcinfo records describe the crawl, not pages, and are passed over. A
    response that is not a 200 or not HTML is a document with `problem` set, so the manifest
    says what was left out and why.
    """
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    source = str(path)
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
            url = record.headers.get("WARC-Target-URI", "") or ""
            record_id = record.headers.get("WARC-Record-ID", "") or url
            crawled = record.headers.get("WARC-Date", "") or ""
            doc = HtmlDocument(source, record_id.strip("<>"), None, url=url, crawled_at=crawled)
            status = record.http_headers.status_code if record.http_headers is not None else None
            content_type = (record.http_headers.get("Content-Type", "") if record.http_headers is not None else "") or ""
            if status != 200:
                doc.problem = f"WARC response with HTTP status {status}, not 200"
            elif not content_type.lower().startswith(HTML_MIME_PREFIXES):
                doc.problem = f"WARC response of type {content_type.split(';')[0] or 'unknown'}, not HTML"
            elif record.content_length > max_bytes:
                doc.problem = too_big(record.content_length, max_bytes)
            else:
                doc.content = record.reader.read()
                doc.charset = _charset_of(content_type)
            yield doc


def _charset_of(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'")
    return ""


def decode_html(raw: bytes, declared: str = "") -> tuple[str, str]:
    """(markup, encoding name) of an HTML page's bytes: BOM, then the server's charset, then <meta>."""
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    from replyscope.ingest.decode import bom_encoding

    encoding = bom_encoding(raw[:4]) or ""  # the one byte-order-mark table (UTF-8, -16 and -32)
    if not encoding and declared:
        try:
            "".encode(declared)
            encoding = declared.lower()
        except LookupError:
            encoding = ""
    if not encoding:
        encoding = detect_encoding(raw, from_html_meta=True)  # <meta charset>, else uchardet, else utf-8
    return bytes_to_str(raw, encoding, errors="replace", fallback_encodings=("utf-8", "cp1252")), encoding


def _parse_crawl_date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return None


def html_document_row(raw: HtmlDocument, repaired: str | None = None) -> dict:
    """A documents row for an HTML page: `text` rendered from the markup, `html` kept for the split.
    `repaired`: repair_text(raw.content) of str markup, when the caller has it (repaired_line_ends)."""
    from replyscope.html.render import render_page
    from replyscope.ingest.decode import repair_text
    from replyscope.ingest.documents import to_document_row

    crawled = _parse_crawl_date(raw.crawled_at)
    if raw.problem or raw.content is None:
        return to_document_row(raw) | {"html": None, "crawled_at": crawled}
    try:
        if isinstance(raw.content, bytes):
            markup, encoding = decode_html(raw.content, raw.charset)
        else:
            markup, encoding = raw.content, ""
        markup = repaired if repaired is not None else repair_text(markup)
        page = render_page(markup)
    except Exception as exc:  # hostile markup must not sink the batch
        return to_document_row(replace(raw, content=None, problem=f"html: {type(exc).__name__}: {exc}")) | {
            "html": None,
            "crawled_at": crawled,
        }
    row = to_document_row(replace(raw, content=page.text, title=raw.title or page.title))
    row["encoding"] = encoding
    return row | {"html": markup if row["status"] == "ok" else None, "crawled_at": crawled}
