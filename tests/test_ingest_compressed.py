"""Inputs compressed whole (gzip, bzip2, xz): read as the same files unpacked, and a damaged or
oversized stream recorded, never a crash or a silent loss."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from replyscope.cli import app
from replyscope.ingest import ColumnOptions, read_input, to_documents

MAX = 1_000_000
THREAD = (
    "Harbour ferry timetable cut to four sailings a day\n\n"
    "The operator says the winter timetable will run from next month.\n\n"
    "Comments\n\n"
    "Ines Duarte says:\nMarch 3, 2024 at 9:14 am\nFour sailings is not enough for people who work in town.\n\n"
    "Tom Whitaker says:\nMarch 3, 2024 at 10:02 am\nThey did the same thing two winters ago and reversed it by spring.\n"
)
COMPRESS = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress}


def rows(n: int) -> bytes:
    return b"".join(json.dumps({"id": f"p{i}", "text": f"Page {i}. " + THREAD}).encode() + b"\n" for i in range(n))


def read_all(path: Path) -> pl.DataFrame:
    return to_documents(list(read_input(path, ColumnOptions(), MAX)))


@pytest.mark.parametrize("suffix", sorted(COMPRESS))
def test_a_compressed_table_reads_as_the_same_table_unpacked(tmp_path, suffix):
    plain = tmp_path / "pages.jsonl"
    plain.write_bytes(rows(5))
    packed = tmp_path / f"pages.jsonl{suffix}"
    packed.write_bytes(COMPRESS[suffix](rows(5)))
    got, want = read_all(packed), read_all(plain)
    assert got.height == 5 and got["status"].to_list() == ["ok"] * 5
    assert got["text"].to_list() == want["text"].to_list() and got["source_id"].to_list() == want["source_id"].to_list()


def test_compressed_csv_page_and_html_in_a_folder_are_split(tmp_path):
    folder = tmp_path / "scrape"
    folder.mkdir()
    (folder / "ferry.txt.gz").write_bytes(gzip.compress(THREAD.encode()))
    (folder / "export.csv.bz2").write_bytes(bz2.compress(b'id,text\nrow1,"' + THREAD.encode() + b'"\n'))
    html = "<html><body><article><h1>Harbour ferry</h1><p>The winter timetable.</p></article></body></html>"
    (folder / "page.html.xz").write_bytes(lzma.compress(html.encode()))
    out = tmp_path / "run"
    result = CliRunner().invoke(app, ["split", str(folder), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    documents = pl.read_parquet(out / "documents.parquet")
    assert sorted(documents["source_id"].to_list()) == ["ferry.txt.gz", "page.html.xz", "row1"]
    assert set(documents["status"]) == {"ok"}
    comments = pl.read_parquet(out / "comments.parquet")
    assert comments.group_by("doc_id").len()["len"].to_list() == [2, 2]
    assert set(comments["author"]) == {"Ines Duarte", "Tom Whitaker"}


def test_a_truncated_stream_keeps_the_rows_before_the_damage_and_fails_the_file(tmp_path):
    packed = gzip.compress(rows(2000))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 2])
    docs = read_all(path)
    ok, failed = docs.filter(pl.col("status") == "ok"), docs.filter(pl.col("status") == "failed")
    assert 0 < ok.height < 2000 and failed.height == 1
    assert "ended before the end-of-stream marker" in failed["error"][0]


def test_a_file_named_compressed_that_is_not_fails_alone(tmp_path):
    path = tmp_path / "notes.txt.gz"
    path.write_bytes(b"plain text, never compressed")
    docs = read_all(path)
    assert docs["status"].to_list() == ["failed"] and "Not a gzipped file" in docs["error"][0]


def test_a_small_file_that_unpacks_past_the_page_limit_is_skipped_unread(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * (MAX * 5)))
    assert path.stat().st_size < MAX // 100
    docs = read_all(path)
    assert docs["status"].to_list() == ["skipped"] and "once decompressed" in docs["error"][0]
