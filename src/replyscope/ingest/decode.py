"""Bytes to text: decode, detect binary junk, repair mojibake.

Scraped pages arrive in any encoding. We try strict UTF-8 first (by far the most common and the
only one that can be validated), then cp1252 (what Windows-era sites and many scrapers wrote),
then latin-1, which never fails. ftfy then repairs text that was decoded wrongly somewhere
upstream ("donâ€™t" -> "don't"), which no choice of codec here can undo.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# A page of text has almost no control characters; a PDF, image or gzip has many. NUL is the
# surest sign (UTF-16 without a BOM is also caught here, which we do not try to read).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.05


@functools.cache
def _ftfy_fixer():
    """ftfy's fix_text and its settings: imported on the first page that shows mojibake (most
    inputs have none, and the import costs as much as splitting a hundred pages).

    The settings are ftfy's defaults, minus the changes that would rewrite characters analysts may
    care about (we keep the text as the page had it, only fixing what decoding broke).
    """
    import ftfy

    config = ftfy.TextFixerConfig(unescape_html=False, fix_latin_ligatures=False, uncurl_quotes=False)
    return functools.partial(ftfy.fix_text, config=config)


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


# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def bom_encoding(head: bytes) -> str | None:
    """The codec a byte-order mark at the start of `head` declares (it strips the mark), or None."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def decode_bytes(raw: bytes) -> Decoded:
    """Decode a page's bytes to repaired text, or raise BinaryInput."""
    decoded = decode_unrepaired(raw)
    return Decoded(repair_text(decoded.text), decoded.encoding)


def decode_unrepaired(raw: bytes) -> Decoded:
    """A page's bytes decoded as decode_bytes decodes them, before repair_text (or BinaryInput): a
    batch's pages are then repaired together (to_documents, repaired_line_ends)."""
    declared = bom_encoding(raw[:4])
    if declared in ("utf-16", "utf-32"):  # with its BOM: NULs here are not binary
        try:
            return Decoded(raw.decode(declared), declared)
        except UnicodeDecodeError:
            pass
    # 'ÿþ' in UTF-8 then NULs: UTF-16 once misread as latin-1, repaired by repair_text later.
    if looks_binary(raw) and not raw.startswith((b"\xc3\xbf\xc3\xbe", b"\xc3\xbe\xc3\xbf")):
        raise BinaryInput("binary content (NUL or control bytes), not a text page")
    return _decode_chain_unrepaired(raw)


def decode_chain(raw: bytes) -> Decoded:
    """UTF-8, else cp1252, else latin-1 (which never fails), then repaired: pages, cells and lines alike."""
    decoded = _decode_chain_unrepaired(raw)
    return Decoded(repair_text(decoded.text), decoded.encoding)


def _decode_chain_unrepaired(raw: bytes) -> Decoded:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    for encoding in ("utf-8", "cp1252"):
        try:
            return Decoded(raw.decode(encoding), encoding)
        except UnicodeDecodeError:
            continue
    return Decoded(raw.decode("latin-1"), "latin-1")


def _undo_utf16_read_as_latin1(text: str) -> str:
    """UTF-16 bytes read upstream as latin-1 show as 'ÿþT\x00h\x00e\x00'; read them again properly."""
    if not (text.startswith(("\xff\xfe", "\xfe\xff")) and "\x00" in text[:64]):
        return text
    try:
        return text.encode("latin-1").decode("utf-16")
    except UnicodeError:
        return text


# What mojibake looks like: UTF-8 lead bytes (Â Ã â ð ...) read as cp1252/latin-1 and followed by
# a continuation byte read the same way, or stray C1 control characters. ftfy runs at ~1 MB/s,
# so it only sees the lines where this cheap pattern fires; clean text passes untouched.
# (the character ranges of a C1 control and of a UTF-8 lead byte read as latin-1)
_C1 = "\x80-\x9f"
_LEAD = "\xc2-\xf4"
_CP1252_CONTINUATIONS = "\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
# Written as one character class first, then what the character it matched needs (a C1 control
# alone, a lead byte before a continuation): sre skips to the characters of a leading class at C
# speed, while an alternation of two classes (`[\x80-\x9f]|[\xc2-\xf4][...]`, the same matches) is
# tried at every position of the page, 2.3x slower.
_MOJIBAKE_SUSPECT = re.compile(
    f"[{_C1}{_LEAD}](?:(?<=[{_C1}])|(?<=[{_LEAD}])[\x80-\xbf{_CP1252_CONTINUATIONS}])"
)


# Characters that carry no text: C0 controls but tab/newline/form feed, byte-order marks inside the
# text, and Unicode line/paragraph separators, which become newlines so line-based splitting sees them.
_INVISIBLE = {c: None for c in range(32) if c not in (9, 10, 12, 13)} | {0xFEFF: None, 0x2028: "\n", 0x2029: "\n"}
_INVISIBLE_CHARS = "\x00-\x08\x0b\x0e-\x1f\ufeff\u2028\u2029"  # (the keys of _INVISIBLE, as a class's ranges)
_HAS_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")


def _without_invisible(text: str) -> str:
    """text.translate(_INVISIBLE), by one str.replace per invisible character the text holds.

    str.translate with a dict looks up every character of the page in Python (~0.5 ms for a page
    of 15,000 characters: 6 ms for the 13 raw Dragnet pages that hold one); the page holds a few
    distinct ones, found by one sre scan, and each replace runs at C speed. The same text: each is
    replaced by "" or a newline, neither of which is one of them, so the order does not matter."""
    for char in set(_HAS_INVISIBLE.findall(text)):
        text = text.replace(char, _INVISIBLE[ord(char)] or "")
    return text


# Where either repair below starts: an invisible character, or a mojibake suspect. One class first
# (every character either starts from: an invisible one, a C1 control, a mojibake lead byte), then
# what the character it matched needs, as in _MOJIBAKE_SUSPECT: three raw pages in four hold none of the
# class, and one scan of the page finds the first place either repair is needed, where an
# any-candidate scan then a scan for invisible characters then one for suspects took three.
_REPAIR_START = re.compile(
    f"[{_INVISIBLE_CHARS}{_C1}{_LEAD}]"
    f"(?:(?<=[{_INVISIBLE_CHARS}])|(?<=[{_C1}])|(?<=[{_LEAD}])[\x80-\xbf{_CP1252_CONTINUATIONS}])"
)


def _rust_class(chars: str) -> str:
    """A character class's inside (ranges written "a-b") for Rust's regex, as Polars reads it."""
    return "".join(c if c == "-" else f"\\x{{{ord(c):x}}}" for c in chars)


# Whether repair_text has more to do than the line ends: a text holds an invisible character, a C1
# control, or a mojibake lead byte before a continuation (where _REPAIR_START would match), as one
# pattern of Polars' regex engine, which scans a batch of pages several times faster than sre
# scans them one by one. (The line ends come first in repair_text; they make no match and break
# none: a CR is neither a lead nor a continuation, and a CR LF leaves its LF between the two.)
_NEEDS_REPAIR = (
    f"[{_rust_class(_INVISIBLE_CHARS + _C1)}]"
    f"|[{_rust_class(_LEAD)}][{_rust_class(chr(0x80) + '-' + chr(0xBF) + _CP1252_CONTINUATIONS)}]"
)


def repaired_line_ends(texts: list[str]) -> list[str | None]:
    """For each text, repair_text(text) where it has nothing to repair but its line ends (most pages:
    found in one pass over the batch, see _NEEDS_REPAIR), else None: repair_text must read it."""
    import polars as pl  # noqa: PLC0415 (this module is imported by readers that need no Polars)

    try:
        needs = pl.Series(texts, dtype=pl.String).str.contains(_NEEDS_REPAIR).to_list()
    except Exception:  # noqa: BLE001 - a text Polars cannot hold (a lone surrogate): each read alone
        return [None] * len(texts)
    return [
        None if need else _unify_line_ends(text)
        for text, need in zip(texts, needs, strict=True)
    ]


def _unify_line_ends(text: str) -> str:
    """CR LF and a lone CR as LF: repair_text's line-end fix, and all that repaired_line_ends does."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def repair_text(text: str) -> str:
    """Fix mojibake, line breaks and invisible control characters (they break tools and mean nothing)."""
    text = _unify_line_ends(_undo_utf16_read_as_latin1(text))
    first = _REPAIR_START.search(text)
    if first is None:  # no invisible character and no mojibake suspect
        return text
    if _HAS_INVISIBLE.match(text, first.start()):
        text = _without_invisible(text)  # (dropping one may bring a lead byte to a continuation)
        if text.isascii():
            return text
    elif _HAS_INVISIBLE.search(text, first.end()):  # a suspect first, with no invisible one above it
        text = _without_invisible(text)  # (the suspect's two characters stay side by side)
    return _fix_suspect_lines(text)


def _fix_suspect_lines(text: str) -> str:
    """ftfy's fix of each line holding a mojibake suspect; the other lines as they are.

    The suspects are found by searching the whole text from where the last fixed line ended, not
    line by line: a page of thousands of lines has a few suspect ones, and one search that skips
    to them at C speed costs a fraction of a search (and a Python step) per line. The same lines
    are fixed: a suspect is one or two characters above U+007F, never across a line end, so the
    text's next match lies in the next line a line-by-line search would match."""
    suspect = _MOJIBAKE_SUSPECT.search(text)
    if suspect is None:
        return text
    fix = _ftfy_fixer()
    pieces = []
    done = 0  # text[:done] is in pieces; text[done] is a line end (or done is 0 or the end)
    while suspect is not None:
        start = text.rfind("\n", done, suspect.start()) + 1 or done
        end = text.find("\n", suspect.end())
        if end < 0:
            end = len(text)
        pieces.append(text[done:start])
        pieces.append(fix(text[start:end]))
        done = end
        suspect = _MOJIBAKE_SUSPECT.search(text, end)
    pieces.append(text[done:])
    return "".join(pieces)
