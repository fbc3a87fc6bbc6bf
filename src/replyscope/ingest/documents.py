"""Raw documents to the documents table: decode, repair, give each a stable id and a status."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

import polars as pl

from replyscope.ingest.decode import BinaryInput, Decoded, decode_unrepaired, repair_text, repaired_line_ends
from replyscope.ingest.records import RawDocument
from replyscope.schema import DOCUMENTS


def doc_id_for(source: str, source_id: str) -> str:
    """A stable id from where the page came from: the same input gives the same id in every run."""
    return hashlib.blake2b(f"{source}\x00{source_id}".encode(), digest_size=8).hexdigest()


def site_of(url: str) -> str:
    """The host of a url without 'www.', or '' when there is none."""
    if not url:
        return ""
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def to_document_row(raw: RawDocument, repaired: str | None = None, decoded: Decoded | None = None) -> dict:
    """One row of the documents table; a page that cannot be read gets a status, never an exception.
    `repaired`: repair_text of the page's text (str content, or bytes content as `decoded`), when
    the caller has it (repaired_line_ends). `decoded`: decode_unrepaired(raw.content) of bytes
    content, when the caller has it."""
    row = {
        "doc_id": doc_id_for(raw.source, raw.source_id),
        "source": raw.source,
        "source_id": raw.source_id,
        "url": raw.url,
        "site": raw.site.removeprefix("www.") or site_of(raw.url),
        "title": repair_text(raw.title).strip(),
        "text": "",
        "n_chars": 0,
        "encoding": "",
        "status": "ok",
        "error": "",
    }
    if raw.problem:
        return row | {"status": raw.status, "error": raw.problem}
    try:
        if isinstance(raw.content, bytes):
            if decoded is None:
                decoded = decode_unrepaired(raw.content)
                repaired = None  # (it was the repair of that text)
            text = repaired if repaired is not None else repair_text(decoded.text)
            encoding = decoded.encoding
        else:
            text = repaired if repaired is not None else repair_text(raw.content or "")
            encoding = raw.encoding
    except BinaryInput as exc:
        return row | {"status": "skipped", "error": str(exc)}
    except Exception as exc:  # hostile bytes must not sink the batch
        return row | {"status": "failed", "error": f"decode: {type(exc).__name__}: {exc}"}
    if not text or text.isspace():  # (as `not text.strip()`, without copying the page)
        return row | {"status": "empty", "error": "no text in the page", "encoding": encoding}
    return row | {"text": text, "n_chars": len(text), "encoding": encoding}


def to_documents(raws: list[RawDocument]) -> pl.DataFrame:
    """The documents table for a batch of raw documents."""
    return documents_and_values(raws)[0]


def documents_and_values(raws: list[RawDocument]) -> tuple[pl.DataFrame, dict[str, list]]:
    """The documents table for a batch of raw documents (to_documents), and its columns as the
    Python values it was made from: value for value what the table holds (equal strings), so the
    split, which reads each page's text (and markup) as a Python string, is handed these instead of
    copies decoded back out of the table (pipeline.split_batch: ~7 ms a thousand pages of text)."""
    from replyscope.ingest.html_input import HtmlDocument, html_document_row

    # Each page's text before repair: str content as it is, a text page's bytes decoded here (the
    # markup of an HTML page is decoded by html_document_row). The texts that need no repair but
    # their line ends are then found in one Polars pass over the batch (repaired_line_ends), where
    # repair_text would scan each page with sre.
    decoded: list[Decoded | None] = [None] * len(raws)
    texts: dict[int, str] = {}
    for i, raw in enumerate(raws):
        if raw.problem:
            continue
        if isinstance(raw.content, str):
            texts[i] = raw.content
        elif isinstance(raw.content, bytes) and not isinstance(raw, HtmlDocument):
            try:
                decoded[i] = decode_unrepaired(raw.content)
            except Exception:  # noqa: BLE001 - binary or hostile bytes: to_document_row says why
                continue
            texts[i] = decoded[i].text
    repaired: list[str | None] = [None] * len(raws)
    for i, text in zip(texts, repaired_line_ends(list(texts.values())), strict=True):
        repaired[i] = text
    del texts
    rows = [
        html_document_row(raw, repaired[i]) if isinstance(raw, HtmlDocument) else to_document_row(raw, repaired[i], decoded[i])
        for i, raw in enumerate(raws)
    ]
    # (built by column: Polars reads a list per column 3x faster than a list of row dicts)
    columns = {name: [row.get(name) for row in rows] for name in DOCUMENTS.names()}
    try:
        return pl.DataFrame(columns, schema=DOCUMENTS), columns
    except UnicodeEncodeError:
        # A lone surrogate (a JSON line's "\ud800" escape: half of a pair cut by a scraper) has no
        # UTF-8 form, and Polars holds UTF-8 text: each becomes U+FFFD, as a decoder's
        # errors="replace" makes bytes it cannot read, and the batch goes on (it stopped the run).
        columns = {name: [_without_lone_surrogates(value) for value in values] for name, values in columns.items()}
        return pl.DataFrame(columns, schema=DOCUMENTS), columns


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # (a pair in a JSON escape is read as one character)


def _without_lone_surrogates(value: object) -> object:
    return _LONE_SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value
