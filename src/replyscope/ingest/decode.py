"""Bytes to text: decode, detect binary junk, repair mojibake.

Scraped pages arrive in any encoding. We try strict UTF-8 first (by far the most common and the
only one that can be validated), then cp1252 (what Windows-era sites and many scrapers wrote),
then latin-1, which never fails. ftfy then repairs text that was decoded wrongly somewhere
upstream ("donâ€™t" -> "don't"), which no choice of codec here can undo.
"""

from __future__ import annotations

from dataclasses import dataclass

import ftfy

# A page of text has almost no control characters; a PDF, image or gzip has many. NUL is the
# surest sign (UTF-16 without a BOM is also caught here, which we do not try to read).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.05

# ftfy's defaults, minus the changes that would rewrite characters analysts may care about
# (we keep the text as the page had it, only fixing what decoding broke).
_FTFY_CONFIG = ftfy.TextFixerConfig(unescape_html=False, fix_latin_ligatures=False, uncurl_quotes=False)


class BinaryInput(ValueError):
    """The bytes are not text (an image, archive, PDF...)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def looks_binary(raw: bytes) -> bool:
    """True when the start of `raw` has NUL bytes or too many other control bytes for text."""
    head = raw[:_SNIFF_BYTES]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls / len(head) > _MAX_CONTROL_SHARE


def decode_bytes(raw: bytes) -> Decoded:
    """Decode a page's bytes to repaired text, or raise BinaryInput."""
    if looks_binary(raw):
        raise BinaryInput("binary content (NUL or control bytes), not a text page")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    for encoding in ("utf-8", "cp1252"):
        try:
            return Decoded(repair_text(raw.decode(encoding)), encoding)
        except UnicodeDecodeError:
            continue
    return Decoded(repair_text(raw.decode("latin-1")), "latin-1")


def repair_text(text: str) -> str:
    """Fix mojibake and line breaks; drop NULs (they break downstream tools and mean nothing)."""
    text = text.replace("\x00", "")
    if not text:
        return text
    return ftfy.fix_text(text, config=_FTFY_CONFIG)
