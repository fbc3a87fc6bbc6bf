"""How `python -m replyscope` ends (replyscope.process_exit.leave): without the interpreter's
teardown only where nothing is lost, the atexit functions run, the run directory complete; the
ordinary exit wherever a file is still open for writing or another thread is alive."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import polars as pl

SRC = Path(__file__).resolve().parents[1] / "src"



# A process that registers an atexit function, a teardown-only one, and a finalizer the teardown
# would run (a module-level object's __del__), then leaves with code 5: the finalizer's mark says
# whether the teardown ran.
_LEAVE = """
import atexit, sys
from pathlib import Path
from replyscope.process_exit import leave

out = Path(sys.argv[1])

class Finalized:
    def __del__(self):
        (out / "teardown").write_text("ran")

kept = Finalized()
atexit.register(lambda: (out / "atexit").write_text("ran"))
teardown_only = lambda: (out / "teardown_only").write_text("ran")
atexit.register(teardown_only)
{before}
print("last words", end="")  # (no newline: still in stdout's buffer unless flushed)
leave(5, teardown_only=(teardown_only,))
raise SystemExit(5)
"""


def _leave(tmp_path: Path, before: str = "") -> tuple[subprocess.CompletedProcess, set[str]]:
    out = tmp_path / "marks"
    out.mkdir()
    code = _LEAVE.replace("{before}", textwrap.dedent(before))
    env = dict(os.environ, PYTHONPATH=str(SRC))
    done = subprocess.run([sys.executable, "-c", code, str(out)], env=env, capture_output=True, text=True, timeout=60)
    return done, {path.name for path in out.iterdir()}


def test_leave_ends_at_once_with_the_code_after_the_atexit_functions_and_flushed_streams(tmp_path):
    done, marks = _leave(tmp_path)
    assert done.returncode == 5
    assert done.stdout == "last words"
    # the atexit functions ran; the teardown-only one and the teardown's finalizers did not
    assert marks == {"atexit"}


def test_a_file_left_open_for_writing_takes_the_ordinary_exit_and_keeps_its_buffer(tmp_path):
    kept = tmp_path / "kept.txt"
    done, marks = _leave(tmp_path, f"""
        handle = open({str(kept)!r}, "w")
        handle.write("buffered, never flushed by its writer")
    """)
    assert done.returncode == 5
    assert done.stdout == "last words"
    assert kept.read_text() == "buffered, never flushed by its writer"  # flushed by the teardown
    assert marks == {"atexit", "teardown_only", "teardown"}


def test_a_file_left_open_in_garbage_takes_the_ordinary_exit_too(tmp_path):
    kept = tmp_path / "cycle.txt"
    done, marks = _leave(tmp_path, f"""
        import gc
        gc.disable()  # (the cycle must still be garbage at the exit: a collection before it would close the file)
        class Holder:
            pass
        a, b = Holder(), Holder()
        a.other, b.other = b, a
        a.handle = open({str(kept)!r}, "w")
        a.handle.write("in a cycle")
        del a, b
    """)
    assert done.returncode == 5
    # (what the file then holds is the ordinary exit's affair: CPython may finalize the wrapper
    # after the buffer it writes to, as its collector does whenever it frees such a cycle)
    assert marks == {"atexit", "teardown_only", "teardown"}


def test_another_thread_alive_takes_the_ordinary_exit(tmp_path):
    done, marks = _leave(tmp_path, """
        import threading, time
        threading.Thread(target=time.sleep, args=(0.5,)).start()
    """)
    assert done.returncode == 5
    assert marks == {"atexit", "teardown_only", "teardown"}


def test_a_profiler_attached_takes_the_ordinary_exit(tmp_path):
    # (cProfile and coverage write their results after the program returns)
    done, marks = _leave(tmp_path, """
        sys.setprofile(lambda *args: None)
    """)
    assert done.returncode == 5
    # the teardown-only function was registered again and run by the ordinary exit (whether a
    # finalizer can still write its mark while the profiler runs is the interpreter's affair)
    assert {"atexit", "teardown_only"} <= marks


def test_the_full_exit_variable_takes_the_ordinary_exit(tmp_path):
    done, marks = _leave(tmp_path, """
        import os
        os.environ["REPLYSCOPE_FULL_EXIT"] = "1"
    """)
    assert done.returncode == 5
    assert marks == {"atexit", "teardown_only", "teardown"}


def test_open_for_writing_sees_a_written_file_and_not_one_read(tmp_path):
    from replyscope.process_exit import open_for_writing

    path = tmp_path / "page.txt"
    path.write_text("a line\n")
    with open(path) as reading:
        assert reading.fileno() not in open_for_writing()
    with open(path, "a") as writing:
        assert writing.fileno() in open_for_writing()


def test_a_split_by_python_m_replyscope_leaves_a_complete_run_directory(tmp_path):
    pages = tmp_path / "pages.jsonl"
    rows = [
        {"id": "p1", "text": "Harbour lights return\n\nThe council voted to restore the lamps along the quay.\n\n"
                             "Comments\n\nMina Roe says:\nMarch 3, 2015 at 9:12 am\nAbout time, they were lovely.\n"},
        {"id": "p2", "text": "A short note on tides with no replies at all.\n"},
    ]
    pages.write_text("".join(json.dumps(row) + "\n" for row in rows))
    out = tmp_path / "run"
    env = dict(os.environ, PYTHONPATH=str(SRC), REPLYSCOPE_CACHE=str(tmp_path / "cache"))
    done = subprocess.run(
        [sys.executable, "-m", "replyscope", "split", str(pages), "--out", str(out), "-w", "1"],
        env=env, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    from replyscope.pipeline import SPLIT_TABLES
    from replyscope.rundir import read_manifest, require_stage, table_path

    manifest = read_manifest(out)
    assert require_stage(out, manifest, "split", before="test")["state"] == "complete"
    assert pl.read_parquet(table_path(out, "documents")).height == 2
    for name in SPLIT_TABLES:
        pl.read_parquet(table_path(out, name))
    assert not (out / ".parts").exists()
    assert not list(out.glob("*.tmp"))
