"""What readers hand on: one `RawDocument` per page, row or input entry, read or not.

Kept apart from the readers so that every reader module (pages, tables, HTML/WARC) can import it
without importing the dispatch table that imports them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# The status of a RawDocument that was not read (schema.DOC_STATUSES): "skipped" when a rule left it
# out (hidden, unsupported kind, binary, too big, no text column), "failed" when the input is
# broken or could not be read (malformed row, permission, symlink loop).
SKIPPED = "skipped"
FAILED = "failed"


@dataclass(frozen=True)
class ColumnOptions:
    """Which table columns hold the text, id, url and title (None = detect by the usual names)."""

    text: str | None = None
    id: str | None = None
    url: str | None = None
    title: str | None = None
    html: str | None = None  # a column of markup, read as HTML (ingest.html_input)


@dataclass
class RawDocument:
    source: str  # the input file
    source_id: str  # the input's own id for this page (row id, or file path inside the folder)
    content: bytes | str | None  # bytes are decoded later (in the worker), str is repaired there
    url: str = ""
    title: str = ""
    site: str = ""
    problem: str = ""  # non-empty: this page could not be read; the reason
    status: str = SKIPPED  # with a problem: SKIPPED or FAILED
    encoding: str = ""  # for str content: the codec it was decoded from (a BOM's), when known

    @classmethod
    def skipped(cls, source: str, source_id: str, reason: str) -> RawDocument:
        return cls(source, source_id, None, problem=reason, status=SKIPPED)

    @classmethod
    def failed(cls, source: str, source_id: str, reason: str) -> RawDocument:
        return cls(source, source_id, None, problem=reason, status=FAILED)


def source_id_of(path: Path, root: Path | None) -> str:
    """A file's id: its path inside the input folder it was found in, or its name when named directly."""
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    return path.name


def too_big(size: int, max_bytes: int) -> str:
    """The reason a page over --max-page-mb is skipped (pages, table cells and WARC records alike)."""
    return f"page is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit (--max-page-mb)"
