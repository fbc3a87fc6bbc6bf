"""Ingest: input files to the documents table (DESIGN.md, stage 1)."""

from replyscope.ingest.decode import BinaryInput, decode_bytes, decode_chain, repair_text
from replyscope.ingest.documents import doc_id_for, documents_and_values, site_of, to_documents
from replyscope.ingest.readers import READERS, check_inputs, discover_inputs, is_read, read_input
from replyscope.ingest.records import ColumnOptions, RawDocument

__all__ = [
    "READERS",
    "BinaryInput",
    "ColumnOptions",
    "RawDocument",
    "check_inputs",
    "decode_bytes",
    "decode_chain",
    "discover_inputs",
    "doc_id_for",
    "documents_and_values",
    "is_read",
    "read_input",
    "repair_text",
    "site_of",
    "to_documents",
]
