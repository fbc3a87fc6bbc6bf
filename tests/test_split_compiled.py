"""The split compiled with mypyc (replyscope.compiled, `replyscope compile`): it type-checks, it is
keyed by its sources, and compiled and pure split pages alike.

The comparison needs a build for the sources as they are (`replyscope compile`; make setup makes
it) and skips with a message without one."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pagegen import page_text
from replyscope import compiled
from replyscope.cli import app
from splitpages import HARBOUR_POST

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"

# Invented pages in the shapes the split reads: names over dates with Reply links, a "says:" thread
# with a nested reply, bulleted names, ages beside names, an outline-numbered forum, a chat log of
# lines signed at their ends, and one with no comments.
PAGES = [
    HARBOUR_POST
    + "4 Comments\n\n"
    + "Mara Quell\nMarch 3, 2024 at 9:12 am\n\nThe promenade has been shut since the second storm, high time. Reply\n\n"
    + "    dunewalker\n    March 3, 2024 at 10:40 am\n\n    It was shut for the first one too, for a month. Reply\n\n"
    + "Tobin Harrow\nMarch 4, 2024 at 8:02 pm\n\nEleven weeks sounds hopeful for a wall that size. Reply\n\n"
    + "Leave a Reply\nYour email address will not be published.\n",
    "Home | Gardens | Events\n\nSeed swap moves to the library\n\n"
    + "The spring seed swap will be held in the library hall this year, the gardening club said, because the "
    "community centre is being rewired. Bring seeds in labelled envelopes; tables open at ten and close at two.\n\n"
    + "Oren Vale says:\nApril 2, 2023 at 3:15 pm\nGreat news, the old hall was always too cold for the seedlings.\nReply\n\n"
    + "Priya Stone says:\nApril 2, 2023 at 4:01 pm\nWill there be a table for bean varieties again this time?\nReply\n\n"
    + "        Oren Vale says:\n        April 2, 2023 at 4:30 pm\n        Yes, the same corner as last year.\n        Reply\n",
    page_text(7),
    page_text(8, "doubt", pad=3),
    "Night buses to stop at the station square\n\n"
    + "From Monday the night buses will stop at the station square instead of the market, the operator said, "
    "so riders can change to the first trains without a walk across town in the dark.\n\n"
    + "12 comments\n\n"
    + "lanternfish 2 hours ago\nFinally, that walk in the rain was miserable.\nReply Share\n\n"
    + "Quill Barrow 3 hours ago\nWhat about the stop by the hospital? Nurses use it at night.\nReply Share\n\n"
    + "pebblemoor 5 hours ago\nThe market stop was never lit properly anyway.\nReply Share\n",
    "Forum > Boats > Winter storage\n\nWhere do you keep a dinghy over the winter?\n\n"
    + "1. Wren Tallis\nI keep mine upside down on trestles under a tarp, it has been fine for years.\n\n"
    + "1.1. Cobb Ferris\nTrestles work, but strap the tarp down or the first gale takes it.\n\n"
    + "2. Ansel Morrow\nThe sailing club rents racks for a small fee, worth asking.\n\n"
    + "2.1. Wren Tallis\nI did not know that, thanks.\n",
    "Quiz night results\n\n"
    + "The pub quiz raised money for the lifeboat again this month, and the new round on local history was a hit.\n\n"
    + "great night, the history round was hard – jo Mar 3, 2020\n"
    + "we came last but had fun – Pell Anders Mar 3, 2020\n"
    + "same time next month? – kitewing Mar 4, 2020\n",
    "About us\n\nWe are a small press printing local history since the seventies. Our shop is open on weekdays.\n",
]

_DUMP = """
import json, pickle, sys
from dataclasses import asdict
from replyscope.compiled import split_engine
from replyscope.split import split_document
pages = json.loads(sys.stdin.read())
splits = [split_document(p) for p in pages]
assert [asdict(pickle.loads(pickle.dumps(s))) for s in splits] == [asdict(s) for s in splits]
print(json.dumps({"engine": split_engine(), "splits": [asdict(s) for s in splits]}, default=str))
"""


def _run_split(env_extra: dict[str, str]) -> dict:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])), **env_extra}
    proc = subprocess.run([sys.executable, "-c", _DUMP], input=json.dumps(PAGES), env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)


def _build_here() -> Path | None:
    build = compiled.compiled_root() / compiled.build_key()
    return build if compiled._complete(build) is not None else None


def test_split_package_passes_mypy():
    # mypyc compiles only what type-checks, and trusts the types at run time: a rule added with a
    # wrong annotation (an int that can be None, a float in an int) must fail here, not in a build
    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy is not installed (pip install 'replyscope[fast]'): the split's types were not checked")
    proc = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]


def test_compiled_and_pure_split_alike():
    if compiled.pure_forced():
        pytest.skip(f"{compiled.PURE_ENV} is set")
    if _build_here() is None:
        pytest.skip("no compiled split for these sources (run `replyscope compile`): compiled and pure were not compared")
    fast = _run_split({})
    pure = _run_split({compiled.PURE_ENV: "1"})
    assert (fast["engine"], pure["engine"]) == ("compiled", "pure")
    assert sum(len(s["comments"]) for s in pure["splits"]) >= 15  # (the pages are read as threads)
    assert fast["splits"] == pure["splits"]


def _copy_sources(dest: Path) -> Path:
    for path in compiled.sources():
        copy = dest / path.relative_to(SRC / "replyscope")
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, copy)
    return dest


def test_a_source_edit_changes_the_key(tmp_path):
    copy = _copy_sources(tmp_path / "replyscope")
    key = compiled.build_key(copy, mypy="1.0")
    assert key == compiled.build_key(SRC / "replyscope", mypy="1.0")
    assert compiled.build_key(copy, mypy="1.1") != key
    body = copy / "split" / "body.py"
    body.write_text(body.read_text() + "\n# an edit\n")
    assert compiled.build_key(copy, mypy="1.0") != key
    (copy / "split" / "new_rule.py").write_text("X = 1\n")
    assert len({key, compiled.build_key(copy, mypy="1.0")}) == 2


def _engine_with_cache(cache: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "REPLYSCOPE_CACHE": str(cache), "PYTHONPATH": str(SRC)}
    env.pop(compiled.PURE_ENV, None)
    code = "from replyscope.compiled import split_engine; from replyscope.split import split_document; split_document('x'); print(split_engine())"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)


def test_a_build_for_other_sources_is_never_loaded(tmp_path):
    # a build for another key (the sources before an edit) sits in the cache: the split runs as Python
    build = _build_here()
    other = tmp_path / "compiled" / ("0" * 20)
    if build is not None:
        shutil.copytree(build, other)
    else:
        other.mkdir(parents=True)
        (other / compiled.MANIFEST).write_text("{}")
    proc = _engine_with_cache(tmp_path)
    assert proc.returncode == 0 and proc.stdout.split() == ["pure"] and not proc.stderr, proc.stderr


def test_a_broken_build_falls_back_to_python_with_a_word(tmp_path):
    # the build for these very sources, but its files are not loadable: pure, and stderr says so
    build = tmp_path / "compiled" / compiled.build_key()
    for name, file in compiled._module_files(build).items():
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(b"not a shared library")
    (build / compiled.MANIFEST).write_text("{}")
    proc = _engine_with_cache(tmp_path)
    assert proc.returncode == 0 and proc.stdout.split() == ["pure"], proc.stderr
    assert "compiled split could not be loaded" in proc.stderr


def test_compile_check_names_the_engine():
    result = CliRunner().invoke(app, ["compile", "--check"])
    assert result.exit_code == 0, result.output
    assert f"split engine: {compiled.split_engine()}" in result.output and compiled.build_key() in result.output


def test_bench_split_names_the_engine(tmp_path):
    path = tmp_path / "pages.jsonl"
    path.write_text("".join(json.dumps({"id": f"p{i}", "text": p}) + "\n" for i, p in enumerate(PAGES)), encoding="utf-8")
    result = CliRunner().invoke(app, ["bench", "split", str(path), "--repeat", "1"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert f"split engine: {compiled.split_engine()}" in result.output
