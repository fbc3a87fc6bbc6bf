"""Ingest: input files to the documents table (DESIGN.md, stage 1)."""

from replyscope.ingest.decode import BinaryInput, decode_bytes, repair_text
from replyscope.ingest.documents import doc_id_for, site_of, to_documents
from replyscope.ingest.readers import ColumnOptions, RawDocument, discover_inputs, read_input

__all__ = [
    "BinaryInput",
    "ColumnOptions",
    "RawDocument",
    "decode_bytes",
    "discover_inputs",
    "doc_id_for",
    "read_input",
    "repair_text",
    "site_of",
    "to_documents",
]
