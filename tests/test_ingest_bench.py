"""`bench ingest`: the whole `replyscope split` process timed from outside, speed in MB of page text."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from pagegen import page_text
from replyscope.bench import ingest_bench
from replyscope.cli import app
from replyscope.compiled import split_engine


def _corpus(path, n=6):
    # each row carries a large field that is not page text (as Dragnet's gold fields are)
    rows = [{"id": f"p{i}", "text": page_text(i), "gold_body": "x" * 20_000} for i in range(n)]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return sum(len(row["text"].encode("utf-8")) for row in rows)


def test_speed_is_of_page_text_beside_the_regex_pass(tmp_path):
    text_bytes = _corpus(tmp_path / "pages.jsonl")
    summary = ingest_bench.run(tmp_path / "pages.jsonl", scales=(1, 2), repeat=1)
    one, two = summary["results"]
    assert one["text_mb"] == round(text_bytes / 1e6, 3) and two["text_mb"] == round(2 * text_bytes / 1e6, 3)
    assert one["file_mb"] > 10 * one["text_mb"]  # the gold field is in the file, not in the speed
    assert one["documents"] == 6 and two["documents"] == 12 and one["comments"] == 12
    # the whole process holds the split stage, and its CPU covers the child's (not this process's) work
    for r in (one, two):
        assert r["wall_seconds"] >= r["stage_seconds"] > 0 and r["cpu_seconds"] > 0
        assert abs(r["to_regex_cpu"] - r["mb_per_s_cpu"] / summary["regex_mb_per_s"]) < 1e-3 * r["to_regex_cpu"] + 1e-4
    assert len(summary["load_average"]) == 2


def test_cli_prints_the_summary(tmp_path):
    _corpus(tmp_path / "pages.jsonl", n=3)
    result = CliRunner().invoke(app, ["bench", "ingest", str(tmp_path / "pages.jsonl"), "--scales", "1", "--repeat", "1"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output.strip().splitlines()[-1])
    assert summary["repeat"] == 1 and summary["results"][0]["documents"] == 3
    assert "whole process" in result.output
    # both speeds, side by side: the whole process (CPU) and the split stage alone
    r = summary["results"][0]
    assert f"1x: whole process {r['mb_per_s_cpu']:.2f} MB/s CPU" in result.output
    assert f"split stage alone {r['stage_mb_per_s']:.2f} MB/s wall" in result.output
    # (which split ran: the mypyc build or the Python, see replyscope.compiled)
    assert summary["engine"] == split_engine() and f"split engine {split_engine()}" in result.output
