"""Comment exports as input: columns found by their usual names or named, articles grouped,
page text and offsets consistent, threads and times read, and the split tables' contracts kept."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

import acrossfixtures as af
from replyscope.ingest.comment_export import CommentColumns, looks_like_comment_export, parse_times, read_comment_export
from replyscope.errors import UsageError as MissingColumn
from replyscope.schema import ARTICLES, COMMENTS, DOCUMENTS, SEGMENTS


@pytest.fixture()
def export(tmp_path) -> Path:
    return af.write_export(tmp_path / "export.csv")


def test_articles_are_grouped_and_every_comment_is_a_slice_of_its_page(export):
    tables = read_comment_export([export])
    rows = af.export_rows()
    assert tables.comments.height == len(rows)
    assert tables.documents.height == len(af.ARTICLES)
    assert tables.documents["title"].to_list() == [a["title"] for a in af.ARTICLES]
    assert set(tables.documents["site"]) == {"dailyriver.example", "valleypost.example", "harbourtimes.example", "northgazette.example"}
    pages = dict(zip(tables.documents["doc_id"], tables.documents["text"]))
    for c in tables.comments.iter_rows(named=True):
        assert pages[c["doc_id"]][c["start"] : c["end"]] == c["text"]
    assert sorted(tables.comments["text"]) == sorted(r["comment"] for r in rows)
    # the article's own text is the page body, so quotes of it can be told from campaigns
    body = tables.articles.filter(pl.col("title") == af.ARTICLES[2]["title"])["body"][0]
    assert body == af.ARTICLES[2]["article_text"]
    assert tables.documents.schema == DOCUMENTS and tables.segments.schema == SEGMENTS and tables.articles.schema == ARTICLES
    assert all(tables.comments.schema[name] == dtype for name, dtype in COMMENTS.items())


def test_segments_tile_each_page_and_authors_times_parents_are_read(export):
    tables = read_comment_export([export])
    for doc_id, text in zip(tables.documents["doc_id"], tables.documents["text"]):
        segs = tables.segments.filter(pl.col("doc_id") == doc_id).sort("seg_no")
        assert segs["start"][0] == 0 and segs["end"][-1] == len(text)
        assert (segs["start"][1:].to_numpy() == segs["end"][:-1].to_numpy()).all()
    first = tables.comments.filter(pl.col("source_comment_id") == "c000").row(0, named=True)  # Maria K's, the export's first row
    assert first["posted_raw"] == "2024-03-01T08:00:00Z"
    assert first["posted_at"].isoformat() == "2024-03-01T08:00:00"
    reply = tables.comments.filter(pl.col("parent_id").is_not_null())
    assert reply.height == 1 and reply["depth"][0] == 1
    assert reply["parent_id"][0] == first["comment_id"]
    assert tables.comments["source_comment_id"][0] == "c000"


def test_named_columns_and_a_missing_comment_column(tmp_path):
    path = tmp_path / "odd.jsonl"
    lines = [
        {"msg": "First reply under the story about the harbour.", "story": "s1", "who": "Ana", "when": "1709280000"},
        {"msg": "Second, under another story.", "story": "s2", "who": "Ben", "when": "2024-03-02 10:30"},
        {"msg": "", "story": "s2", "who": "Cy", "when": ""},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    with pytest.raises(MissingColumn, match="--comment-col"):
        read_comment_export([path])
    tables = read_comment_export([path], CommentColumns(comment="msg", article="story", author="who", time="when"))
    assert tables.documents.height == 2 and tables.comments.height == 2 and tables.dropped_empty == 1
    assert tables.comments["author"].to_list() == ["Ana", "Ben"]
    assert [t.isoformat() for t in tables.comments["posted_at"]] == ["2024-03-01T08:00:00", "2024-03-02T10:30:00"]
    with pytest.raises(MissingColumn, match="nope"):
        read_comment_export([path], CommentColumns(comment="msg", author="nope"))


def test_times_in_several_forms():
    parsed = parse_times(pl.Series(["2024-03-01T08:00:00+02:00", "1709280000000", "March 3, 2024 at 5:15 pm", "", "3 years ago"]))
    assert [p.isoformat() if p else None for p in parsed] == ["2024-03-01T06:00:00", "2024-03-01T08:00:00", "2024-03-03T17:15:00", None, None]


def test_hint_names_a_comment_column(export, tmp_path):
    pages = tmp_path / "pages.csv"
    pl.DataFrame({"id": ["1"], "content": ["An article."]}).write_csv(pages)
    assert looks_like_comment_export(export)
    assert not looks_like_comment_export(pages)


def test_split_of_a_comment_table_hints_at_comments(tmp_path):
    import subprocess
    import sys

    table = tmp_path / "comments.csv"
    pl.DataFrame({"comment": ["So true, and nobody in the council will admit it."], "title": ["Tolls"], "url": ["https://x.example/a"]}).write_csv(table)
    result = subprocess.run(
        [sys.executable, "-c", "from replyscope.cli import app; app()", "split", str(table), "--text-col", "comment", "--out", str(tmp_path / "run")],
        capture_output=True, text=True, timeout=300,
    )
    assert "--comments" in result.stderr.replace("\n", " ")


def test_site_comes_from_the_url_as_for_every_other_reader(tmp_path):
    # An export's url may lack a scheme or carry upper case: the site is the same host the page
    # readers give (ingest.documents.site_of), so across-page views group the two kinds of input.
    path = tmp_path / "export.csv"
    pl.DataFrame(
        {
            "article_url": ["WWW.DailyRiver.example/news/1", "https://www.valleypost.example/a?b=1", ""],
            "article_title": ["Bridge closes", "Dam opens", "No link"],
            "comment_text": ["The detour adds twenty minutes.", "About time they opened it.", "Where is this?"],
        }
    ).write_csv(path)
    sites = read_comment_export([path]).documents.sort("title")["site"].to_list()
    assert sites == ["dailyriver.example", "valleypost.example", ""]


@pytest.mark.parametrize("name", ["export.csv.gz", "export.jsonl.xz"])
def test_a_compressed_export_reads_as_the_same_export_unpacked(export, tmp_path, name):
    import gzip
    import lzma

    plain = read_comment_export([export])
    if name.endswith(".gz"):
        packed = tmp_path / name
        packed.write_bytes(gzip.compress(export.read_bytes()))
        unpacked_again = export
    else:
        jsonl = tmp_path / "export.jsonl"
        pl.read_csv(export, infer_schema=False).write_ndjson(jsonl)
        packed = tmp_path / name
        packed.write_bytes(lzma.compress(jsonl.read_bytes()))
        unpacked_again = jsonl
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / packed.name).write_bytes(packed.read_bytes())
    assert looks_like_comment_export(packed)
    for tables in (read_comment_export([packed]), read_comment_export([folder])):
        assert sorted(tables.comments["text"]) == sorted(plain.comments["text"])
        assert tables.documents["text"].to_list() == read_comment_export([unpacked_again]).documents["text"].to_list()
