"""Ingest: every input format, every encoding problem, and no silent loss."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import polars as pl
import pytest

from replyscope.errors import UsageError
from replyscope.ingest import (
    BinaryInput,
    ColumnOptions,
    decode_bytes,
    discover_inputs,
    doc_id_for,
    read_input,
    repair_text,
    site_of,
    to_documents,
)

MAX = 1_000_000
PAGE = "Council votes to close the old library\n\nThe council voted 7-2 on Tuesday to close the branch.\n"


def read_all(path: Path, columns: ColumnOptions = ColumnOptions(), root: Path | None = None) -> pl.DataFrame:
    return to_documents(list(read_input(path, columns, MAX, root)))


def test_utf8_cp1252_and_latin1_decode():
    assert decode_bytes("café “quoted”".encode()).encoding == "utf-8"
    cp = decode_bytes("It’s a “fair” deal".encode("cp1252"))
    assert (cp.encoding, cp.text) == ("cp1252", "It’s a “fair” deal")
    # 0x81 is undefined in cp1252, so only latin-1 can read these bytes.
    assert decode_bytes(b"caf\xe9 \x81").encoding == "latin-1"


def test_mojibake_is_repaired():
    mangled = "The mayor didnâ€™t answer â€” again."
    assert decode_bytes(mangled.encode()).text == "The mayor didn’t answer — again."


def test_repair_touches_only_what_decoding_broke():
    # accents, curly quotes, dashes and no-break spaces are text: a page of them passes unchanged
    clean = "Café naïve “quoted” – déjà vu\u00a0ok\nÉlan, São Paulo, Zürich, œuvre, 10 €\n"
    assert repair_text(clean) == clean
    # invisible controls go, line separators become line breaks, CRLF becomes LF
    assert repair_text("a\x00b\ufeffc\u2028d\r\ne\x0bf") == "abc\nd\nef"
    # mojibake is repaired on the line that shows it; the accented line beside it is kept as it is
    assert repair_text("didnâ€™t\ncafé") == "didn’t\ncafé"
    assert repair_text("CafÃ© au lait") == "Café au lait"


def test_batch_repair_is_repair_text():
    """repaired_line_ends (one Polars pass over a batch) gives repair_text's text wherever it answers,
    and leaves to repair_text every text with an invisible character, a C1 control or a suspect."""
    import random

    from replyscope.ingest.decode import _CP1252_CONTINUATIONS, repaired_line_ends

    rng = random.Random(3)
    edge = [chr(c) for c in [*range(0x22), *range(0x7E, 0x100)]] + list(_CP1252_CONTINUATIONS)
    edge += ["\ufeff", "\u2028", "\u2029", "\r\n", "\r", "\n", "a", "é", "中", "😀", "Ã©", "â€™", "ÿþ"]
    texts = ["".join(rng.choice(edge) for _ in range(rng.choice((1, 2, 3, 8, 30)))) for _ in range(20_000)]
    texts += ["Café naïve “quoted”\r\nok", "plain\r\ntext\rhere", "", "a\x00b", "didnâ€™t", "\xff\xfeT\x00h\x00"]
    got = repaired_line_ends(texts)
    assert [g for g, t in zip(got, texts) if g is not None and g != repair_text(t)] == []
    assert got[-6:] == ["Café naïve “quoted”\nok", "plain\ntext\nhere", "", None, None, None]
    assert repaired_line_ends(["a\ud800b"]) == [None]  # Polars cannot hold it: repair_text reads it


def test_invisible_characters_dropped_as_translate_drops_them():
    """repair_text drops invisible characters by one replace per character the text holds: the
    same text as str.translate with the table, on random strings of every invisible character
    among text, mojibake and line ends (the pieces run together, so drops join neighbours)."""
    import random

    from replyscope.ingest.decode import _INVISIBLE, _without_invisible

    rng = random.Random(5)
    invisible = [chr(c) for c in _INVISIBLE]
    pieces = invisible + ["a", " ", "\n", "\r", "\t", "\x0c", "é", "Ã", "©", "â€™", "中", "😀", "\x85", "\u2027", "\u202a"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.choice((1, 2, 5, 40)))) for _ in range(20_000)]
    assert [t for t in texts if _without_invisible(t) != t.translate(_INVISIBLE)] == []
    assert repair_text("Minutes\x0c of the\x01 meeting\u2028approved\ufeff, 6\x1f-1") == "Minutes\x0c of the meeting\napproved, 6-1"
    assert repair_text("didnâ€™t\x00 say\u2029CafÃ©") == "didn’t say\nCafé"  # invisible ones among mojibake


def test_repair_fixes_each_suspect_line_of_a_long_page():
    """Several mangled lines among many clean ones (accented, curly, blank, CRLF): each mangled line
    is fixed, every other line kept to the character, in place."""
    clean = ["Café opens at nine", "", "“Quoted” – fine", "plain words here"]
    mangled = {7: ("didnâ€™t reply", "didn’t reply"), 8: ("CafÃ© again", "Café again"), 40: ("â€œendâ€\x9d", "“end”")}
    lines_in = [mangled[i][0] if i in mangled else clean[i % 4] for i in range(41)]
    lines_out = [mangled[i][1] if i in mangled else clean[i % 4] for i in range(41)]
    assert repair_text("\r\n".join(lines_in)) == "\n".join(lines_out)
    assert repair_text("\x00" + "\n".join(lines_in)) == "\n".join(lines_out)  # an invisible one first
    assert repair_text("\n".join(clean) + "\x0b") == "\n".join(clean)  # invisible, and no suspect


def test_text_pages_repaired_in_one_batch_as_one_by_one():
    """Pages read as bytes (a folder of .txt) are decoded, then repaired together with the batch's
    other pages: each row's text and codec are decode_bytes' of that page alone."""
    from replyscope.ingest import RawDocument

    pages = [
        "Plain page\r\nwith CRLF line ends\r\n".encode(),
        "It’s a “fair” deal".encode("cp1252"),
        b"caf\xe9 \x81 latin-1 only",
        "The mayor didnâ€™t answer\nCafé stays".encode(),
        "\ufeffA page with a mark\nand\x0ba control".encode("utf-16"),
        "\ufeffutf-8 with its mark".encode(),
    ]
    raws = [RawDocument("in", f"p{i}.txt", page) for i, page in enumerate(pages)]
    raws.append(RawDocument("in", "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))))
    raws.append(RawDocument("in", "s.txt", "a str page\r\nas a table cell gives it"))
    docs = to_documents(raws)
    expected = [decode_bytes(page) for page in pages]
    assert docs["text"].to_list()[:6] == [d.text for d in expected]
    assert docs["encoding"].to_list()[:6] == [d.encoding for d in expected]
    assert docs["text"][3] == "The mayor didn’t answer\nCafé stays"
    assert docs["status"].to_list() == ["ok"] * 6 + ["skipped", "ok"]
    assert docs["text"][7] == "a str page\nas a table cell gives it"


def test_binary_is_refused():
    with pytest.raises(BinaryInput):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_site_of_urls():
    assert site_of("https://www.example.com/news/1") == "example.com"
    assert site_of("example.org/path") == "example.org"
    assert site_of("") == ""
    assert site_of("http://[::1") == ""  # malformed: no crash


def test_folder_is_recursive_and_ids_are_stable(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(PAGE)
    (tmp_path / "two.txt").write_text(PAGE)
    (tmp_path / "notes.md").write_text("not a page")
    files = discover_inputs([tmp_path])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["a/one.txt", "notes.md", "two.txt"]
    docs = pl.concat([read_all(f, root=tmp_path) for f in files])
    assert docs["source_id"].to_list() == ["a/one.txt", "notes.md", "two.txt"]
    assert docs["status"].to_list() == ["ok", "skipped", "ok"]  # every entry is accounted for
    assert docs["doc_id"].to_list() == [doc_id_for(str(f), s) for f, s in zip(files, ["a/one.txt", "notes.md", "two.txt"])]
    assert docs["doc_id"].n_unique() == 3


def test_fakenews_style_csv(tmp_path):
    """FakeNewsCorpus: unnamed index column, content cells with newlines, quotes and 100k+ chars."""
    path = tmp_path / "news.csv"
    long_text = ("He said \"no\", then left.\nAnother line, with commas, too. " * 2500) + "\nEND"
    assert len(long_text) > 100_000
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["", "id", "domain", "type", "url", "content", "scraped_at", "title", "authors"])
        writer.writerow([0, "9001", "example.com", "reliable", "https://example.com/a", long_text, "2018-01-25", "A long one", ""])
        writer.writerow([1, "9002", "www.other.net", "fake", "", PAGE, "2018-01-25", "Short", "Jo"])
    docs = read_all(path)
    assert docs["source_id"].to_list() == ["9001", "9002"]
    assert docs["text"][0] == long_text
    assert docs["site"].to_list() == ["example.com", "other.net"]
    assert docs["title"].to_list() == ["A long one", "Short"]
    assert docs["status"].to_list() == ["ok", "ok"]


def test_csv_malformed_row_is_recorded_not_dropped(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(f'id,text\n1,"{PAGE}"\n2,too,many,fields\n3,"{PAGE}"\n')
    docs = read_all(path)
    assert docs["status"].to_list() == ["ok", "failed", "ok"]
    assert "malformed CSV" in docs["error"][1]
    assert docs["source_id"].to_list() == ["1", "row-2", "3"]


def test_missing_text_column_names_the_columns(tmp_path):
    path = tmp_path / "notext.csv"
    path.write_text("id,headline\n1,Hello\n")
    with pytest.raises(UsageError, match="no text column.*headline"):  # a table the user named
        read_all(path)
    docs = read_all(path, root=tmp_path)  # found in a folder: recorded for the file
    assert docs["status"].to_list() == ["skipped"]
    assert "no text column" in docs["error"][0] and "headline" in docs["error"][0]
    # Naming the column fixes it.
    assert read_all(path, ColumnOptions(text="headline"))["status"].to_list() == ["ok"]


def test_jsonl_and_bad_lines(tmp_path):
    path = tmp_path / "pages.jsonl"
    rows = [json.dumps({"id": "p1", "text": PAGE, "url": "https://news.example/x"}), "{not json", json.dumps([1, 2])]
    path.write_text("\n".join(rows) + "\n")
    docs = read_all(path)
    assert docs["status"].to_list() == ["ok", "failed", "failed"]
    assert docs["source_id"].to_list() == ["p1", "line-2", "line-3"]


def test_parquet(tmp_path):
    path = tmp_path / "pages.parquet"
    pl.DataFrame({"doc": ["x1", "x2"], "content": [PAGE, ""], "title": ["T", "U"]}).write_parquet(path)
    docs = read_all(path, ColumnOptions(id="doc"))
    assert docs["source_id"].to_list() == ["x1", "x2"]
    assert docs["status"].to_list() == ["ok", "empty"]


def test_bad_pages_get_a_status(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (tmp_path / "big.txt").write_bytes(b"word " * (MAX // 4))
    (tmp_path / "latin.txt").write_bytes(b"Caf\xe9 au lait, na\xefve \xab quoted \xbb")
    docs = pl.concat([read_all(f, root=tmp_path) for f in discover_inputs([tmp_path])])
    status = dict(zip(docs["source_id"], docs["status"]))
    assert status == {"big.txt": "skipped", "binary.txt": "skipped", "empty.txt": "empty", "latin.txt": "ok"}
    errors = dict(zip(docs["source_id"], docs["error"]))
    assert "limit" in errors["big.txt"] and "binary" in errors["binary.txt"]
    assert docs.filter(pl.col("source_id") == "latin.txt")["text"][0].startswith("Café au lait")


def test_utf16_pages_are_read_as_utf16():
    page = "Comments (2)\n\nAnna: Great piece — thanks!"
    assert decode_bytes(page.encode("utf-16")).text == page  # with BOM: not mistaken for binary
    # The same bytes once misread upstream as latin-1 (seen in real scraped corpora).
    misread = page.encode("utf-16").decode("latin-1")
    assert decode_bytes(misread.encode("utf-8")).text == page
