"""The per-page CPU budget: a page whose split would run without end is recorded as failed, with
its reason, and the batch and the run go on. Invented pages only."""

from __future__ import annotations

import json
import time

import polars as pl
import pytest
from typer.testing import CliRunner

import replyscope.html
from replyscope.cli import app
from replyscope.page_budget import PageOverBudget, page_budget
from replyscope.split import split_documents

TEXT_PAGE = """Bridge tolls to double

The transport board confirmed on Monday that tolls on the harbour bridge will double from April.

Officials said the money would pay for repairs that are ten years overdue, and that the works
would close one lane at night for most of the summer.

  • Marta Quill

    About time. The deck has been crumbling since I was a kid.

  • dockside_dave

    Double? For the same potholes? No thanks.
"""
HTML_PAGE = "<html><head><title>Pier</title></head><body><article><p>The pier reopens in May.</p></article></body></html>"


def _spin(*args, **kwargs):
    while True:  # a reader that never ends, as one caught by hostile markup would
        pass


def _spend(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_a_page_over_budget_is_recorded_and_the_batch_goes_on(monkeypatch):
    monkeypatch.setattr(replyscope.html, "split_html_document", _spin)
    docs = pl.DataFrame({"doc_id": ["slow", "fine"], "text": ["The pier reopens in May.", TEXT_PAGE], "title": ["", ""], "html": [HTML_PAGE, None]})
    tables = split_documents(docs, page_cpu_seconds=0.2)
    assert set(tables.errors) == {"slow"}
    assert "PageOverBudget" in tables.errors["slow"] and "0.2 s" in tables.errors["slow"]
    assert tables.articles["doc_id"].to_list() == ["fine"]
    assert tables.comments["author"].to_list() == ["Marta Quill", "dockside_dave"]


def test_a_block_within_budget_leaves_nothing_armed():
    with page_budget(0.2):
        _spend(0.05)
    _spend(0.4)  # past the budget: had the timer stayed armed, this would raise
    with pytest.raises(PageOverBudget), page_budget(0.1):
        _spend(5.0)


def test_the_cli_records_the_over_budget_page_in_the_manifest(tmp_path, monkeypatch):
    monkeypatch.setattr(replyscope.html, "split_html_document", _spin)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "pier.html").write_text(HTML_PAGE)
    (tmp_path / "in" / "bridge.txt").write_text(TEXT_PAGE)
    result = CliRunner().invoke(app, ["split", str(tmp_path / "in"), "--out", str(tmp_path / "run"), "--workers", "1", "--page-cpu-seconds", "0.2"])
    assert result.exit_code == 3, result.output  # (3: finished, some pages failed)
    docs = pl.read_parquet(tmp_path / "run" / "documents.parquet").sort("doc_id")
    by_status = dict(zip(docs["status"].to_list(), docs["error"].to_list()))
    assert set(by_status) == {"ok", "failed"}
    assert "CPU budget" in by_status["failed"]
    manifest = json.loads((tmp_path / "run" / "manifest.json").read_text())
    assert manifest["counts"]["failed"] == 1 and manifest["counts"]["comments"] == 2


def test_the_spark_engines_page_function_gives_each_page_the_runs_budget(monkeypatch):
    # (the function Spark's Python workers run, called here without Spark: it needs only Arrow)
    from replyscope.engine.spark import _raw_table, split_arrow
    from replyscope.ingest import RawDocument
    from replyscope.ingest.html_input import HtmlDocument

    monkeypatch.setattr(replyscope.html, "split_html_document", _spin)
    raws = [HtmlDocument("in", "pier.html", HTML_PAGE.encode()), RawDocument("in", "bridge.txt", TEXT_PAGE.encode())]
    table = _raw_table(raws, ["pier", "bridge"])
    pages = pl.concat([pl.from_arrow(b) for b in split_arrow(table.to_batches(), page_cpu_seconds=0.2)])
    status = dict(zip(pages["doc_id"].to_list(), pages["status"].to_list()))
    assert status == {"pier": "failed", "bridge": "ok"}
    assert "CPU budget of 0.2 s" in pages.filter(pl.col("doc_id") == "pier")["error"].item()
    bridge = pages.filter(pl.col("doc_id") == "bridge")
    assert [c["author"] for c in bridge["comments"].item()] == ["Marta Quill", "dockside_dave"]
