"""The CLI end to end: the bundled sample, a batch of bad inputs, workers, and re-running stages."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from conftest import DATA
from replyscope.cli import EXIT_PARTIAL, app

runner = CliRunner()

DISQUS_PAGE = """Harbour bridge tolls to double next spring

The transport board confirmed on Monday that tolls on the harbour bridge will double from April.

Officials said the money would pay for repairs that are ten years overdue.

  • Marta Quill

    About time. The deck has been crumbling since I was a kid.

  • dockside_dave

    Double? For the same potholes? No thanks.
"""


def invoke(*args: str):
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("runs") / "sample"
    result = invoke("run", str(DATA), "--out", str(out), "--workers", "1")
    assert result.exit_code == 0, result.output
    return out


def test_run_on_sample_writes_every_table_and_the_report(sample_run):
    for name in ("documents", "segments", "articles", "comments", "features", "clusters", "cluster_summary"):
        assert (sample_run / f"{name}.parquet").exists(), name
    html = (sample_run / "index.html").read_text()
    assert "<script src=\"http" not in html and len(html) > 10_000
    manifest = json.loads((sample_run / "manifest.json").read_text())
    assert manifest["counts"]["documents"] == 5
    assert manifest["counts"]["pages_with_comments"] == 1
    assert manifest["counts"]["comments"] == 6
    assert set(manifest["timings"]) >= {"split", "analyze", "report"}
    assert len(manifest["inputs"]) == 5 and all(len(i["sha256"]) == 64 for i in manifest["inputs"])


def test_sample_comments_and_lossless_segments(sample_run):
    comments = pl.read_parquet(sample_run / "comments.parquet")
    assert comments["author"].to_list() == ["Gordon Klock", "IceTrey", "Steve Rusk", "WeAreYourGods", "Steve", "We are Anonymiss"]
    docs = pl.read_parquet(sample_run / "documents.parquet")
    segments = pl.read_parquet(sample_run / "segments.parquet")
    for doc_id, text in docs.select("doc_id", "text").iter_rows():
        spans = segments.filter(pl.col("doc_id") == doc_id).sort("seg_no")
        assert "".join(text[s:e] for s, e in spans.select("start", "end").iter_rows()) == text
    features = pl.read_parquet(sample_run / "features.parquet")
    assert features.height == 6 and set(features["stance"]) <= {"support", "deny", "query", "comment"}


def test_report_and_analyze_rerun_alone(sample_run):
    before = pl.read_parquet(sample_run / "clusters.parquet")
    assert invoke("analyze", str(sample_run)).exit_code == 0
    assert pl.read_parquet(sample_run / "clusters.parquet").equals(before)  # same seed, same clusters
    assert not (sample_run / "index.html").exists()  # a new analysis leaves no report of the old one
    result = invoke("report", str(sample_run))
    assert result.exit_code == 0 and (sample_run / "index.html").exists()


def test_analyze_with_another_reader_refreshes_across_so_the_report_builds(sample_run, tmp_path):
    """A second analysis that changes the features brings the run's across-page tables up to date,
    so `report` builds instead of refusing the run as inconsistent."""
    import shutil

    from test_stance_fitted import _labels

    run = tmp_path / "run"
    shutil.copytree(sample_run, run)
    labels, model = tmp_path / "labels.csv", tmp_path / "model.joblib"
    _labels().write_csv(labels)
    assert invoke("stance", "fit", str(labels), "--out", str(model)).exit_code == 0
    before = pl.read_parquet(run / "features.parquet")
    assert invoke("analyze", str(run), "--stance-reader", f"fitted:{model}").exit_code == 0
    assert not pl.read_parquet(run / "features.parquet").equals(before)  # the case this is about
    result = invoke("report", str(run))
    assert result.exit_code == 0, result.output
    assert json.loads((run / "manifest.json").read_text())["stages"]["across"]["state"] == "complete"


def test_bad_inputs_are_recorded_and_the_batch_completes(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "good.txt").write_text(DISQUS_PAGE)
    (pages / "empty.txt").write_bytes(b"")
    (pages / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (pages / "invalid-utf8.txt").write_bytes(DISQUS_PAGE.encode("utf-8") + b"\xff\xfe caf\xe9")
    (pages / "huge.txt").write_bytes(b"All work and no play. " * 2_400_000)  # ~53 MB
    table = tmp_path / "rows.csv"
    with open(table, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "content"])
        writer.writerow(["r1", DISQUS_PAGE])
        handle.write("r2,one,two,three\n")
    (pages / "notext.csv").write_text("id,headline\n1,Nothing to read\n")  # in a folder: recorded, not a usage error
    out = tmp_path / "run"
    result = invoke("split", str(pages), str(table), "--out", str(out), "--max-page-mb", "50")
    assert result.exit_code == EXIT_PARTIAL, result.output
    docs = pl.read_parquet(out / "documents.parquet")
    status = dict(zip(docs["source_id"], docs["status"]))
    assert status == {
        "binary.txt": "skipped",
        "empty.txt": "empty",
        "good.txt": "ok",
        "huge.txt": "skipped",
        "invalid-utf8.txt": "ok",
        "r1": "ok",
        "row-2": "failed",
        "notext.csv": "skipped",
    }
    manifest = json.loads((out / "manifest.json").read_text())
    recorded = {d["source_id"]: d["error"] for d in manifest["documents"]}
    assert set(recorded) == {"binary.txt", "empty.txt", "huge.txt", "row-2", "notext.csv"}
    assert "limit" in recorded["huge.txt"] and "no text column" in recorded["notext.csv"]
    assert manifest["counts"]["ok"] == 3 and manifest["counts"]["documents"] == 8
    comments = pl.read_parquet(out / "comments.parquet")
    assert comments.height == 6  # two comments on each of the three readable pages


def test_workers_do_not_change_the_output(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(12):
        (pages / f"p{i:02d}.txt").write_text(DISQUS_PAGE.replace("Monday", f"day {i}"))
    one, two = tmp_path / "one", tmp_path / "two"
    assert invoke("split", str(pages), "--out", str(one), "--workers", "1").exit_code == 0
    assert invoke("split", str(pages), "--out", str(two), "--workers", "2").exit_code == 0
    for name in ("documents", "segments", "articles", "comments"):
        assert pl.read_parquet(one / f"{name}.parquet").equals(pl.read_parquet(two / f"{name}.parquet")), name


def test_missing_input_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["split", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2


def test_split_walks_each_input_folder_once(tmp_path, monkeypatch):
    # A folder can hold millions of pages: sizing the progress bar must not walk it again.
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(3):
        (pages / f"p{i}.txt").write_text(DISQUS_PAGE, encoding="utf-8")
    walks: list[Path] = []
    real_walk = os.walk

    def counting_walk(top, *args, **kwargs):
        walks.append(Path(top))
        return real_walk(top, *args, **kwargs)

    monkeypatch.setattr(os, "walk", counting_walk)
    result = invoke("split", str(pages), "--out", str(tmp_path / "run"), "--workers", "1")
    assert result.exit_code == 0, result.output
    assert walks == [pages]
    assert pl.read_parquet(tmp_path / "run" / "documents.parquet").height == 3


@pytest.mark.parametrize("size", ["inf", "nan", "0"])
def test_page_size_limit_out_of_range_is_a_usage_error(tmp_path, size):
    # "inf" crashed with an OverflowError traceback when the limit was turned into bytes
    result = invoke("split", str(DATA), "--out", str(tmp_path / "out"), "--max-page-mb", size)
    assert result.exit_code == 2
    assert "--max-page-mb" in result.output
    assert not (tmp_path / "out").exists()
