"""The collector's pace (replyscope.gc_pace): set where replyscope's own processes start (the CLI,
a spawned worker's start), never by importing replyscope as a library; cycles are still freed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"


def _run(code: str, tmp_path: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(SRC), REPLYSCOPE_CACHE=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


_LIBRARY = """
import gc, json, os
default = gc.get_threshold()
import replyscope, replyscope.split, replyscope.pipeline, replyscope.workers
out = {"library_left_alone": gc.get_threshold() == default and gc.get_freeze_count() == 0}
replyscope.workers.start(os.getppid())
out["worker_young"] = gc.get_threshold()[0]
print(json.dumps(out))
"""


def test_a_library_import_leaves_the_collector_alone_and_a_worker_sets_its_pace(tmp_path):
    from replyscope.gc_pace import YOUNG_THRESHOLD

    assert _run(_LIBRARY, tmp_path) == {"library_left_alone": True, "worker_young": YOUNG_THRESHOLD}


_CLI = """
import gc, json
import replyscope.cli
from replyscope.split import split_document

class Node:
    pass

frozen = gc.get_freeze_count()
young = gc.get_threshold()[0]
# a cycle made after the start is still found and freed by a collection
a, b = Node(), Node()
a.other, b.other = b, a
del a, b
freed = gc.collect()
split_document("Jo Lake says:\\nMarch 3, 2015 at 9:12 am\\nWell put, and thanks.\\n")
print(json.dumps({"young": young, "imports_settled": frozen > 1000, "cycle_freed": freed >= 2}))
"""


def test_the_cli_sets_the_pace_and_settles_its_imports_and_cycles_are_still_freed(tmp_path):
    from replyscope.gc_pace import YOUNG_THRESHOLD

    assert _run(_CLI, tmp_path) == {"young": YOUNG_THRESHOLD, "imports_settled": True, "cycle_freed": True}


_EXIT = """
import gc, sys
import replyscope.cli

class Note:
    # (a finalizer that writes: what a file object in a cycle does with its buffer as it is freed)
    def __init__(self, path):
        self.path, self.self_ref = path, self
    def __del__(self):
        with open(self.path, "w") as out:
            out.write("finalized")

Note(sys.argv[1])  # garbage at once, but only the collector can free it: it refers to itself
kept = [[n] for n in range(1000)]  # alive to the end
"""


@pytest.mark.parametrize("start", ["import replyscope.cli", "import os, replyscope.workers; replyscope.workers.start(os.getppid())"])
def test_garbage_left_at_exit_is_still_finalized(tmp_path, start):
    """gc_pace.retire, at the exit of the CLI's process and of a worker: the garbage in cycles is
    collected once (its finalizers run, as the teardown's collections would run them) before what
    is alive is frozen."""
    marker = tmp_path / "note.txt"
    env = dict(os.environ, PYTHONPATH=str(SRC), REPLYSCOPE_CACHE=str(tmp_path))
    code = _EXIT.replace("import replyscope.cli", start)
    subprocess.run([sys.executable, "-c", code, str(marker)], env=env, capture_output=True, text=True, check=True)
    assert marker.read_text() == "finalized"
