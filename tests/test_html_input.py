"""HTML inputs end to end through the CLI: a folder of .html pages, an HTML column, and a WARC
built here with warcio (a 200 HTML page, a 404, an image and a request record)."""

from __future__ import annotations

import csv
import json
from io import BytesIO
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from replyscope.cli import EXIT_PARTIAL, app
from test_html import DISQUS_PLUGIN, NO_COMMENTS, WORDPRESS

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def table(run: Path, name: str) -> pl.DataFrame:
    return pl.read_parquet(run / f"{name}.parquet")


def test_folder_of_html_pages(tmp_path):
    pages = tmp_path / "pages"
    (pages / "sub").mkdir(parents=True)
    (pages / "library.html").write_text(WORDPRESS, encoding="utf-8")
    (pages / "sub" / "ferry.htm").write_text(DISQUS_PLUGIN, encoding="utf-8")
    (pages / "roads.html").write_bytes(NO_COMMENTS.encode("cp1252"))
    (pages / "note.txt").write_text("A plain text page.\n\nWith two paragraphs of words in it.\n", encoding="utf-8")
    result = invoke("split", str(pages), "--out", str(tmp_path / "run"), "--workers", "1")
    assert result.exit_code == 0, result.output
    docs = table(tmp_path / "run", "documents").sort("source_id")
    assert docs["source_id"].to_list() == ["library.html", "note.txt", "roads.html", "sub/ferry.htm"]
    assert docs.filter(pl.col("source_id") == "note.txt")["html"].to_list() == [None]
    library = docs.filter(pl.col("source_id") == "library.html").row(0, named=True)
    assert library["title"] == "Elm Street library to close"
    assert "<ol class=\"commentlist\">" in library["html"] and "<ol" not in library["text"]
    comments = table(tmp_path / "run", "comments").join(docs.select("doc_id", "source_id"), on="doc_id")
    counts = dict(comments.group_by("source_id").len().iter_rows())
    assert counts == {"library.html": 3, "sub/ferry.htm": 2}
    # offsets index into documents.text
    texts = dict(docs.select("doc_id", "text").iter_rows())
    for row in comments.iter_rows(named=True):
        assert texts[row["doc_id"]][row["start"] : row["end"]] == row["text"]
    reply = comments.filter(pl.col("author") == "Tom Becker").row(0, named=True)
    parent = comments.filter(pl.col("comment_id") == reply["parent_id"]).row(0, named=True)
    assert parent["author"] == "Rosa Delgado" and reply["depth"] == 1


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_html_column_is_read_as_markup(tmp_path, fmt):
    rows = [
        {"id": "a1", "url": "https://ledger.example/elm", "raw_html": WORDPRESS},
        {"id": "a2", "url": "https://ledger.example/roads", "raw_html": NO_COMMENTS},
    ]
    path = tmp_path / f"pages.{fmt}"
    if fmt == "csv":
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    elif fmt == "jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    else:
        pl.DataFrame(rows).write_parquet(path)
    result = invoke("split", str(path), "--out", str(tmp_path / "run"), "--workers", "1")
    assert result.exit_code == 0, result.output
    docs = table(tmp_path / "run", "documents").sort("source_id")
    assert docs["site"].to_list() == ["ledger.example", "ledger.example"]
    assert docs["html"].null_count() == 0
    assert table(tmp_path / "run", "articles").sort("n_comments")["n_comments"].to_list() == [0, 3]


def test_html_col_option_names_the_column(tmp_path):
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"id": "x", "content": "fallback text", "markup": WORDPRESS}) + "\n", encoding="utf-8")
    result = invoke("split", str(path), "--out", str(tmp_path / "run"), "--workers", "1", "--html-col", "markup")
    assert result.exit_code == 0, result.output
    assert table(tmp_path / "run", "articles")["n_comments"].to_list() == [3]


def _warc(path: Path) -> None:
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)

        def response(url: str, status: str, ctype: str, body: bytes, date: str) -> None:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(body), http_headers=http, warc_headers_dict={"WARC-Date": date}
            )
            writer.write_record(record)

        request = writer.create_warc_record(
            "https://ledger.example/elm",
            "request",
            payload=BytesIO(b"GET /elm HTTP/1.1\r\nHost: ledger.example\r\n\r\n"),
        )
        writer.write_record(request)
        response("https://ledger.example/elm", "200 OK", "text/html; charset=windows-1252", WORDPRESS.encode("cp1252"), "2019-03-07T10:00:00Z")
        response("https://ledger.example/gone", "404 Not Found", "text/html", b"<html><body>Not here</body></html>", "2019-03-07T10:00:01Z")
        response("https://ledger.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64), "2019-03-07T10:00:02Z")
    assert warcio


def test_warc_response_records_with_url_and_crawl_date(tmp_path):
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    _warc(crawl / "CC-MAIN-test.warc.gz")
    result = invoke("split", str(crawl), "--out", str(tmp_path / "run"), "--workers", "1")
    assert result.exit_code == EXIT_PARTIAL, result.output
    docs = table(tmp_path / "run", "documents").sort("url")
    assert docs["url"].to_list() == ["https://ledger.example/elm", "https://ledger.example/gone", "https://ledger.example/logo.png"]
    ok = docs.filter(pl.col("status") == "ok").row(0, named=True)
    assert ok["site"] == "ledger.example"
    assert str(ok["crawled_at"]) == "2019-03-07 10:00:00"
    assert ok["encoding"] == "windows-1252"
    assert table(tmp_path / "run", "articles").filter(pl.col("doc_id") == ok["doc_id"])["n_comments"].to_list() == [3]
    manifest = json.loads((tmp_path / "run" / "manifest.json").read_text())
    skipped = {d["source_id"]: d for d in manifest["documents"]}
    reasons = sorted(d["error"] for d in skipped.values())
    assert len(reasons) == 2 and all(d["status"] == "skipped" for d in skipped.values())
    assert any("status 404" in r for r in reasons) and any("image/png" in r for r in reasons)
