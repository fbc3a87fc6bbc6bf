"""The report benchmark's synthetic runs are valid runs, and the bench returns its numbers."""

from __future__ import annotations

import polars as pl

from replyscope.bench import report_bench
from replyscope.report import data
from replyscope.schema import TABLES


def test_synthetic_run_is_schema_conformant(tmp_path):
    run_dir = report_bench.synthetic_run(tmp_path / "run", 120)
    for name, schema in TABLES.items():
        frame = pl.read_parquet(run_dir / f"{name}.parquet")
        assert frame.schema == schema, name
    comments = pl.read_parquet(run_dir / "comments.parquet")
    documents = pl.read_parquet(run_dir / "documents.parquet")
    assert comments.height == 120 and documents.height == 3
    texts = comments.join(documents.select("doc_id", page="text"), on="doc_id").select(
        ok=pl.col("page").str.slice(pl.col("start"), pl.col("end") - pl.col("start")) == pl.col("text")
    )
    assert texts["ok"].all()
    p = data.build_payload(data.load_run(run_dir))
    assert p["comments"]["explicitIdx"] == [] and len(p["comments"]["doc"]) == 120


def test_run_reports_size_and_build_time(tmp_path, capsys):
    results = report_bench.run((50, 200), browser=False, keep=tmp_path)
    assert set(results) == {50, 200}
    assert results[200]["size_mb"] > results[50]["size_mb"] > 4  # plotly.js alone is ~4.6 MB
    assert "200 comments" in capsys.readouterr().out
