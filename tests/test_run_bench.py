"""`bench run`: generated seed-style pages split back into their comments; the CLI's output shape."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from replyscope.bench import run_bench
from replyscope.cli import app


def test_generated_pages_hold_the_asked_comments(tmp_path, monkeypatch):
    monkeypatch.setattr("replyscope.bench.analyze_bench._real_texts", lambda: None)  # the project's own sentences
    corpus = tmp_path / "pages.jsonl"
    pages, source = run_bench.write_pages(45, corpus, seed=3)
    assert pages == 3 and source.startswith("generated")
    seconds, counted = run_bench.baseline_seconds(corpus)
    assert counted == 45 and seconds >= 0
    rows = [json.loads(line) for line in corpus.read_text().splitlines()]
    assert len({r["id"] for r in rows}) == 3
    assert rows[0]["text"].count("\n  \u2022 ") == 20
    texts, _ = run_bench.comment_texts(200, seed=3)
    assert len(set(texts)) > 150  # varied sentences, not one repeated line


def test_bench_run_prints_per_stage_figures(tmp_path, monkeypatch):
    monkeypatch.setattr("replyscope.bench.analyze_bench._real_texts", lambda: None)
    result = CliRunner().invoke(app, ["bench", "run", "--comments", "40", "--workers", "1", "--keep", str(tmp_path)])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output.strip().splitlines()[-1])
    (only,) = summary["results"]
    assert only["comments"] == 40 and only["pages"] == 2 and only["baseline_counted"] == 40
    # (how many the split finds is the splitter's business; the bench reports it, see found_share)
    assert 0 <= only["found"] <= 40 and only["peak_rss_mb"] > 0
    stages = [s["stage"].strip() for s in only["stages"]]
    assert stages[:3] == ["split", "analyze", "report"] and "analyze.features" in stages
    assert all(s["seconds"] >= 0 for s in only["stages"])


def _corpora_seen_from(cwd, env_value=None) -> str:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "REPLYSCOPE_CORPORA"}
    if env_value is not None:
        env["REPLYSCOPE_CORPORA"] = env_value
    code = "from replyscope.bench import corpora_note; print(corpora_note())"
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, check=True).stdout


def test_benchmarks_say_where_they_looked_for_corpora(tmp_path):
    """A copied or installed package cannot guess ../shared from its own location: the working
    directory's ../shared and $REPLYSCOPE_CORPORA count too, and the benchmark says what it found."""
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    (tmp_path / "shared" / "corpora").mkdir(parents=True)
    assert f"{tmp_path / 'shared' / 'corpora'} (found" in _corpora_seen_from(checkout)
    missing = tmp_path / "nowhere"
    assert f"{missing} (absent: generated text stands in" in _corpora_seen_from(checkout, str(missing))
