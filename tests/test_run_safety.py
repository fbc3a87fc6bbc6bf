"""Runs you can trust (issue 10): duplicate inputs, stale and half-written run directories, two
writers on one --out, --out inside the input, resume after an interruption, and usage errors as
one line with exit code 2. Everything runs through the CLI or the pipeline's public functions, on
pages written here (tests/pagegen.py).
"""

from __future__ import annotations

import csv
import errno
import fcntl
import json
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from pagegen import page_text, write_pages
from replyscope import pipeline, rundir
from replyscope.cli import app
from replyscope.errors import UsageError

runner = CliRunner()
SPLIT_TABLES = ("documents", "segments", "articles", "comments")
ANALYSIS_TABLES = ("features", "clusters", "cluster_summary")


def invoke(*args: str, catch: bool = False):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=catch)


def manifest(run_dir: Path) -> dict:
    return json.loads((run_dir / "manifest.json").read_text(encoding="utf-8"))


def one_line(result) -> str:
    """The single non-empty line a refused command prints on stderr."""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def tables(run_dir: Path, names=SPLIT_TABLES) -> dict[str, pl.DataFrame]:
    return {name: pl.read_parquet(run_dir / f"{name}.parquet") for name in names}


@pytest.fixture()
def pages(tmp_path) -> Path:
    return write_pages(tmp_path / "pages", 3, "agree")


# --- 1. duplicate ids ------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["same folder twice", "overlapping folders", "same file twice"])
def test_repeated_inputs_are_read_once_and_recorded(tmp_path, pages, how):
    write_pages(pages / "more", 2, "doubt")
    given = {
        "same folder twice": [pages, pages],
        "overlapping folders": [pages, pages / "more"],
        "same file twice": [pages, pages / "p0000.txt"],
    }[how]
    out = tmp_path / "run"
    result = invoke("run", *given, "--out", out, "--workers", "1", "--representation", "tfidf")
    assert result.exit_code == 0, result.output
    docs = pl.read_parquet(out / "documents.parquet")
    assert docs.height == 5 and docs["doc_id"].n_unique() == 5
    comments = pl.read_parquet(out / "comments.parquet")
    assert comments.height == 10 and comments["comment_id"].n_unique() == 10
    repeated = manifest(out)["inputs_repeated"]
    assert repeated and all("given more than once" in r["reason"] for r in repeated)
    assert (out / "index.html").exists()


def test_rows_with_the_same_id_get_unique_ids_recorded_in_the_manifest(tmp_path):
    table = tmp_path / "pages.csv"
    with open(table, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "content"])
        writer.writerow(["a", page_text(1, "agree")])
        writer.writerow(["a", page_text(2, "doubt")])
        writer.writerow(["b", page_text(3, "agree")])
    out = tmp_path / "run"
    result = invoke("run", table, "--out", out, "--workers", "1", "--representation", "tfidf")
    assert result.exit_code == 0, result.output
    docs = pl.read_parquet(out / "documents.parquet")
    assert docs["source_id"].to_list() == ["a", "a", "b"]
    assert docs["doc_id"].n_unique() == 3
    comments = pl.read_parquet(out / "comments.parquet")
    assert comments.height == 6 and comments["comment_id"].n_unique() == 6
    assert set(comments["doc_id"]) == set(docs["doc_id"])
    recorded = manifest(out)["duplicate_ids"]
    assert len(recorded) == 1
    assert recorded[0]["source_id"] == "a" and recorded[0]["doc_id"] == docs["doc_id"][1]
    assert recorded[0]["duplicate_of"] == docs["doc_id"][0]
    # the same input gives the same ids in every run
    again = tmp_path / "again"
    assert invoke("split", table, "--out", again, "--workers", "1").exit_code == 0
    assert pl.read_parquet(again / "documents.parquet")["doc_id"].equals(docs["doc_id"])


# --- 2. stale run directories ------------------------------------------------------------------


@pytest.fixture()
def full_run(tmp_path, pages) -> Path:
    out = tmp_path / "run"
    result = invoke("run", pages, "--out", out, "--workers", "1", "--representation", "tfidf")
    assert result.exit_code == 0, result.output
    return out


def test_split_into_a_run_removes_what_described_the_old_input(tmp_path, full_run):
    other = write_pages(tmp_path / "other", 1, "doubt")
    assert invoke("split", other, "--out", full_run, "--workers", "1").exit_code == 0
    for name in ANALYSIS_TABLES:
        assert not (full_run / f"{name}.parquet").exists(), name
    assert not (full_run / "index.html").exists()
    m = manifest(full_run)
    assert "clusters" not in m["counts"] and "analyze" not in m["timings"] and m["counts"]["documents"] == 1
    result = invoke("report", full_run)
    assert result.exit_code == 2
    assert "analyze" in one_line(result)
    # analyze then report gives a report of the new input
    assert invoke("analyze", full_run, "--representation", "tfidf").exit_code == 0
    assert invoke("report", full_run).exit_code == 0
    assert "cover-up" in (full_run / "index.html").read_text(encoding="utf-8")


def test_report_refuses_features_computed_from_other_comments(tmp_path, full_run, pages):
    other = tmp_path / "other_run"
    assert invoke("run", write_pages(tmp_path / "other", 2, "doubt"), "--out", other, "--workers", "1", "--representation", "tfidf").exit_code == 0
    for name in ANALYSIS_TABLES:  # an analyst copies analysis tables over from another run
        (full_run / f"{name}.parquet").write_bytes((other / f"{name}.parquet").read_bytes())
    result = invoke("report", full_run)
    assert result.exit_code == 2
    assert "features.parquet" in one_line(result) and "changed" in one_line(result)


def test_analyze_refuses_comments_changed_since_split(full_run):
    comments = pl.read_parquet(full_run / "comments.parquet")
    comments.head(2).write_parquet(full_run / "comments.parquet")
    result = invoke("analyze", full_run)
    assert result.exit_code == 2
    assert "comments.parquet" in one_line(result) and "split" in one_line(result)


def test_a_crash_in_analyze_leaves_no_report_of_the_previous_input(full_run, monkeypatch):
    import replyscope.analyze.streaming as analyze  # the stage's entry point (analyze_in_batches)

    def broken(*args, **kwargs):
        raise RuntimeError("representation exploded")

    monkeypatch.setattr(analyze, "analyze_in_batches", broken)
    result = invoke("analyze", full_run, catch=True)
    assert result.exit_code == 1
    assert not (full_run / "index.html").exists()
    for name in ANALYSIS_TABLES:
        assert not (full_run / f"{name}.parquet").exists()
    m = manifest(full_run)
    assert m["stages"]["analyze"]["state"] == "failed" and "clusters" not in m["counts"]
    monkeypatch.undo()
    refused = invoke("report", full_run)
    assert refused.exit_code == 2 and "analyze" in one_line(refused)


# --- 3. one writer at a time ---------------------------------------------------------------------


def test_a_second_writer_is_refused_and_the_lock_is_released(tmp_path, pages):
    out = tmp_path / "run"
    out.mkdir()
    with open(out / rundir.LOCK_NAME, "a+") as held:  # another process writing this run
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        for command in (["split", pages, "--out", out], ["run", pages, "--out", out], ["analyze", out], ["report", out]):
            result = invoke(*command)
            assert result.exit_code == 1, command
            assert "another replyscope" in one_line(result), command
        fcntl.flock(held, fcntl.LOCK_UN)
    assert invoke("split", pages, "--out", out, "--workers", "1").exit_code == 0
    with open(out / rundir.LOCK_NAME, "a+") as after:  # released on exit
        fcntl.flock(after, fcntl.LOCK_EX | fcntl.LOCK_NB)


# --- 4. atomic tables, completion state ------------------------------------------------------------


def test_an_interrupted_split_is_reported_as_incomplete(tmp_path, pages):
    out = tmp_path / "run"

    def interrupt(n_docs, n_bytes):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        pipeline.run_split([pages], out, pipeline.SplitOptions(batch_docs=1), on_progress=interrupt)
    assert not list(out.rglob("*.tmp"))
    for command in (["analyze", out], ["report", out]):
        result = invoke(*command)
        assert result.exit_code == 2, command
        assert "incomplete: split was interrupted" in one_line(result) and "rerun" in one_line(result)


def test_disk_full_leaves_no_temporary_file(tmp_path, pages, monkeypatch):
    import pyarrow.parquet as pq

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pq.ParquetWriter, "write_table", full)
    monkeypatch.setattr(pl.DataFrame, "write_parquet", full)
    monkeypatch.setattr(pl.DataFrame, "write_ipc", full)  # (the split's batch parts)
    out = tmp_path / "run"
    result = invoke("split", pages, "--out", out, "--workers", "1")
    assert result.exit_code == 1
    assert "No space left on device" in one_line(result)
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    monkeypatch.undo()
    assert invoke("split", pages, "--out", out, "--workers", "1").exit_code == 0


def test_a_table_joined_from_parts_is_the_same_bytes_however_its_parts_were_written(tmp_path, pages):
    """The split's batch parts (Arrow IPC, rundir.write_part) and Parquet parts (what the Spark
    engine joins), cut at other rows, make the same table file as the run wrote."""
    out = tmp_path / "run"
    assert invoke("split", pages, "--out", out, "--workers", "1").exit_code == 0
    for name in SPLIT_TABLES:
        written = (out / f"{name}.parquet").read_bytes()
        frame = pl.read_parquet(out / f"{name}.parquet")
        cuts = [0, 1, max(1, frame.height // 2), frame.height]
        pieces = [frame.slice(a, b - a) for a, b in zip(cuts, cuts[1:])]
        arrow = [rundir.write_part(piece, tmp_path / f"{k}.{name}{rundir.PART_SUFFIX}", name) for k, piece in enumerate(pieces)]
        parquet = []
        for k, piece in enumerate(pieces):
            parquet.append(tmp_path / f"{k}.{name}.parquet")
            piece.write_parquet(parquet[-1], compression=rundir.PART_COMPRESSION)
        for parts in (arrow, parquet):
            joined = rundir.join_parts(parts, tmp_path / f"joined.{name}.parquet", rundir.TABLES[name])
            assert joined.read_bytes() == written, name
        with pytest.raises(ValueError):
            rundir.join_parts([arrow[0], parquet[1]], tmp_path / "mixed.parquet", rundir.TABLES[name])


def test_a_failed_report_write_leaves_no_temporary_file(full_run, monkeypatch):
    real = Path.write_text

    def full(self, *args, **kwargs):
        if self.parent == full_run and self.name.startswith("index.html"):
            real(self, "<html>half", encoding="utf-8")
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full)
    result = invoke("report", full_run)
    assert result.exit_code == 1 and "No space left" in one_line(result)
    assert not [p for p in full_run.iterdir() if p.name.endswith(".tmp")]


# --- 6. --out inside the input ---------------------------------------------------------------------


@pytest.mark.parametrize("inside", [".", "run"])
def test_out_inside_the_input_is_never_read_as_input(pages, inside):
    out = pages / inside
    for _ in range(2):
        result = invoke("split", pages, "--out", out, "--workers", "1")
        assert result.exit_code == 0, result.output
        assert manifest(out)["counts"]["documents"] == 3


def test_a_run_directory_inside_an_input_folder_is_skipped(tmp_path, pages):
    assert invoke("split", pages, "--out", pages / "old-run", "--workers", "1").exit_code == 0
    out = tmp_path / "run"
    assert invoke("split", pages, "--out", out, "--workers", "1").exit_code == 0
    assert manifest(out)["counts"]["documents"] == 3


# --- 7. resume ------------------------------------------------------------------------------------


def test_rerun_after_an_interruption_resumes_and_gives_the_same_tables(tmp_path, monkeypatch):
    pages = write_pages(tmp_path / "pages", 6, "agree")
    options = pipeline.SplitOptions(batch_docs=2)
    whole = tmp_path / "whole"
    pipeline.run_split([pages], whole, options)

    out = tmp_path / "run"
    seen = []

    def interrupt_after_two(n_docs, n_bytes):
        seen.append(n_docs)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        pipeline.run_split([pages], out, options, on_progress=interrupt_after_two)

    split_calls = []
    real_split_batch = pipeline.split_batch

    def counting(*args, **kwargs):
        split_calls.append(1)
        return real_split_batch(*args, **kwargs)

    monkeypatch.setattr(pipeline, "split_batch", counting)
    counts = pipeline.run_split([pages], out, options)
    assert len(split_calls) == 1  # batches 1 and 2 were done; only batch 3 is split again
    assert counts["documents"] == 6
    for name, frame in tables(out).items():
        assert frame.equals(tables(whole)[name]), name
    assert manifest(out)["stages"]["split"]["state"] == "complete"
    assert not (out / rundir.PARTS_DIR).exists()


def test_run_again_skips_the_stages_that_are_up_to_date(full_run, pages, monkeypatch):
    import replyscope.analyze.streaming as analyze

    def must_not_run(*args, **kwargs):
        raise AssertionError("an up-to-date stage ran again")

    before = (full_run / "index.html").read_bytes()
    monkeypatch.setattr(pipeline, "split_batch", must_not_run)
    monkeypatch.setattr(analyze, "analyze_in_batches", must_not_run)
    result = invoke("run", pages, "--out", full_run, "--workers", "1", "--representation", "tfidf")
    assert result.exit_code == 0, result.output
    assert (full_run / "index.html").read_bytes() == before
    # other settings are not up to date: analyze runs again
    result = invoke("run", pages, "--out", full_run, "--workers", "1", "--representation", "tfidf", "--seed", "7", catch=True)
    assert result.exit_code == 1 and "up-to-date stage ran again" in str(result.exception)


def test_run_help_explains_resume():
    result = invoke("run", "--help")
    assert "resume" in result.output.lower()


# --- 8. usage errors: one line, exit code 2 --------------------------------------------------------


def test_usage_errors_are_one_line_and_exit_2(tmp_path, pages):
    empty = tmp_path / "empty"
    empty.mkdir()
    gold = tmp_path / "gold.csv"
    gold.write_text("id,text\n1,hello\n", encoding="utf-8")
    cases = {
        "analyze a folder that is not a run": (["analyze", empty], "not a run directory"),
        "report a folder that does not exist": (["report", tmp_path / "nope"], "no such run directory"),
        "unknown representation": (["run", pages, "--out", tmp_path / "r1", "--representation", "bert"], "tfidf"),
        "empty input": (["run", empty, "--out", tmp_path / "r2"], "no input"),
        "eval split without gold columns": (["eval", "split", gold], "gold_comments"),
        "missing option": (["split", pages], "--out"),
    }
    for what, (args, expected) in cases.items():
        result = invoke(*args)
        assert result.exit_code == 2, (what, result.output)
        assert expected in one_line(result), what
    assert not (tmp_path / "r2" / "index.html").exists()
    assert not (tmp_path / "r1" / "index.html").exists()


def test_a_usage_error_from_any_stage_is_one_line(tmp_path, pages, monkeypatch):
    def wrong_column(*args, **kwargs):
        raise UsageError("no column 'body' for the page text; columns are ['id', 'content']")

    monkeypatch.setattr(pipeline, "run_split", wrong_column)
    result = invoke("split", pages, "--out", tmp_path / "run")
    assert result.exit_code == 2
    assert "columns are ['id', 'content']" in one_line(result)


def test_an_entry_added_that_is_not_read_still_makes_the_split_stale(tmp_path):
    # The split's key used to pair paths with fingerprints of the read files only, so an entry not
    # read (here a notes file sorted last) left the key unchanged and `run` kept a split whose
    # documents table lacked its row.
    pages = write_pages(tmp_path / "pages", 3, "agree")
    out = tmp_path / "run"
    first = pipeline.run_split([pages], out, reuse_complete=True)
    (pages / "zz_notes.md").write_text("notes, not a page\n", encoding="utf-8")
    second = pipeline.run_split([pages], out, reuse_complete=True)
    assert second["documents"] == first["documents"] + 1 and second["skipped"] == first["skipped"] + 1
    assert pl.read_parquet(out / "documents.parquet").height == second["documents"]


def test_a_split_made_by_other_code_is_neither_reused_nor_resumed(tmp_path, monkeypatch):
    # The key held the version alone, which stays the same across changes to the splitter: a run
    # interrupted, the code changed, and the same command run again joined batches of both.
    pages = write_pages(tmp_path / "pages", 3, "agree")
    out = tmp_path / "run"
    pipeline.run_split([pages], out, reuse_complete=True)
    before = json.loads((out / "manifest.json").read_text())["stages"]["split"]
    pipeline.run_split([pages], out, reuse_complete=True)
    again = json.loads((out / "manifest.json").read_text())["stages"]["split"]
    assert again["fingerprint"] == before["fingerprint"] and again["started"] == before["started"]  # (reused)
    monkeypatch.setattr(pipeline, "split_code_fingerprint", lambda: "other code")
    pipeline.run_split([pages], out, reuse_complete=True)
    after = json.loads((out / "manifest.json").read_text())["stages"]["split"]
    assert after["fingerprint"] != before["fingerprint"] and after["batches_resumed"] == 0


@pytest.mark.parametrize("changed", ["analyze", "report"])
def test_a_stage_made_by_other_code_is_computed_again_by_run(tmp_path, pages, monkeypatch, changed):
    # A complete stage was reused when the tables it read and its settings were the same; the code
    # that computed it was not asked, so `run` after an upgrade of the stance reader or the report
    # kept the old stances or the old page beside new tables.
    import replyscope.report

    computed: list[str] = []
    analyze, build_report = pipeline._analyze, replyscope.report.build_report
    monkeypatch.setattr(pipeline, "_analyze", lambda *a, **k: computed.append("analyze") or analyze(*a, **k))
    monkeypatch.setattr(replyscope.report, "build_report", lambda *a, **k: computed.append("report") or build_report(*a, **k))
    out = tmp_path / "run"
    command = ("run", pages, "--out", out, "--workers", "1", "--representation", "tfidf")
    assert invoke(*command).exit_code == 0
    assert invoke(*command).exit_code == 0
    assert computed == ["analyze", "report"]  # the second run reused both
    real = pipeline.stage_code_fingerprint
    monkeypatch.setattr(pipeline, "stage_code_fingerprint", lambda stage: "other code" if stage == changed else real(stage))
    assert invoke(*command).exit_code == 0
    assert computed[2:] == (["analyze", "report"] if changed == "analyze" else ["report"])
    assert manifest(out)["stages"][changed]["made_by"]["code"] == "other code"


def test_finished_feature_batches_of_other_code_are_not_resumed():
    # The analysis keeps finished feature batches under .parts/analyze/<key>/; a key without the
    # code would join batches of an old stance reader to batches of the new one.
    from replyscope import provenance
    from replyscope.analyze.streaming import parts_key

    table = Path(pipeline.__file__)
    key = parts_key(table, table, "lexicon", 100)
    assert key == parts_key(table, table, "lexicon", 100)
    provenance.code_fingerprint.cache_clear()
    real = provenance.STAGE_CODE["analyze"]
    try:
        provenance.STAGE_CODE["analyze"] = (*real, "cli.py")
        assert parts_key(table, table, "lexicon", 100) != key
    finally:
        provenance.STAGE_CODE["analyze"] = real
