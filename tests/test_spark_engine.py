"""The Spark engine on local[2]: the same tables as the embedded engine (skipped without Java/pyspark)."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from conftest import DATA
from replyscope.engine import spark as spark_engine
from replyscope.pipeline import SplitOptions, run_split

REASON = spark_engine.spark_available()
pytestmark = pytest.mark.skipif(REASON is not None, reason=f"Spark engine unavailable here: {REASON}")

# Pages written for this test: two threads in a JSONL table, one with a reply chain, one empty page.
PAGES = [
    {"id": "p1", "title": "Harbour bridge toll to double", "text": (
        "The city council voted on Monday to double the toll on the harbour bridge to pay for repairs. "
        "Officials said the money would go to the deck and the cables.\n\n"
        "Critics said commuters were paying for years of neglect.\n\n"
        "  \u2022 Marta K.\n\n    Good. The bridge is falling apart and someone has to pay for it.\n\n"
        "  \u2022 jfisher\n\n    Doubling the toll is daylight robbery. Where did the last increase go?\n\n"
        "  \u2022 Olu\n\n    How much of this goes to actual repairs? Does anyone know?\n\n"
        "  \u2022 Dana Reyes\n\n    I cross that bridge every morning on my bike, the potholes are real.\n\n")},
    {"id": "p2", "title": "Clinic opens late on weekdays", "text": (
        "The new clinic on Elm Street will stay open until nine on weekdays, the health board said. "
        "It expects the longer hours to shorten the queue at the hospital.\n\n"
        "  \u2022 Sam T\n\n    Finally. I waited four hours last month with my daughter.\n\n"
        "  \u2022 priya_m\n\n    Who is going to staff it? They cannot fill the day shifts now.\n\n"
        "  \u2022 Greg\n\n    Thank you to the nurses, they deserve better pay for this.\n\n")},
    {"id": "p3", "title": "", "text": "   "},
]
TABLES = ("documents", "segments", "articles", "comments")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    root = tmp_path_factory.mktemp("spark")
    pages = root / "pages.jsonl"
    pages.write_text("".join(json.dumps(p) + "\n" for p in PAGES))
    inputs = [DATA, pages]
    embedded, spark = root / "embedded", root / "spark"
    run_split(inputs, embedded, SplitOptions(workers=1))
    try:
        counts = spark_engine.run_split_spark(inputs, spark, SplitOptions())
        features = spark_engine.spark_features(spark)
    finally:
        spark_engine.stop()
    return embedded, spark, counts, features


def test_split_tables_are_the_embedded_engines(runs):
    embedded, spark, counts, _ = runs
    for name in TABLES:
        ours, theirs = pl.read_parquet(spark / f"{name}.parquet"), pl.read_parquet(embedded / f"{name}.parquet")
        assert ours.equals(theirs), name
    assert counts["comments"] == pl.read_parquet(embedded / "comments.parquet").height >= 13
    assert counts["empty"] == 1 and counts["documents"] == 8


def test_features_are_the_embedded_engines(runs):
    from replyscope.analyze import comment_features

    embedded, _, _, features = runs
    comments = pl.read_parquet(embedded / "comments.parquet")
    expected = comment_features(comments, pl.read_parquet(embedded / "articles.parquet"))
    assert features["comment_id"].to_list() == comments["comment_id"].to_list()
    assert features.schema == expected.schema
    # Text features are exact. Vector-based scores agree to float rounding: the encoder pads each
    # batch to its longest text, and a partition's batches hold other texts than the whole run's.
    floats = [c for c, t in expected.schema.items() if t.is_float()]
    assert features.drop(floats).equals(expected.drop(floats))
    for column in floats:
        assert (features[column] - expected[column]).abs().max() < 1e-4, column


def test_a_url_argument_survives_the_command_line_path():
    assert spark_engine.as_url(Path("s3a://bucket/pages")) == "s3a://bucket/pages"
    assert spark_engine.as_url(Path("file:///srv/pages.parquet")) == "file:///srv/pages.parquet"
    assert spark_engine.as_url(Path("data/pages.parquet")) is None


def test_run_engine_spark_writes_the_report(tmp_path):
    from replyscope.cli import app

    out = tmp_path / "run"
    result = CliRunner().invoke(app, ["run", str(DATA), "--out", str(out), "--engine", "spark", "--master", "local[2]", "--representation", "tfidf"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["settings"]["split"]["engine"] == "spark"
    assert (out / "index.html").exists() and pl.read_parquet(out / "clusters.parquet").height == 6


def test_missing_input_is_a_usage_error(tmp_path):
    from replyscope.cli import app

    result = CliRunner().invoke(app, ["run", str(tmp_path / "nope"), "--out", str(tmp_path / "run"), "--engine", "spark"])
    assert result.exit_code == 2 and "no such input" in result.output
