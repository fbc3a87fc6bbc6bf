"""Worker processes end with the process that started them (issue 10, defect 5).

`python -m replyscope split` runs in its own session on a folder of generated pages with two
workers; once both workers hold a batch it is stopped with SIGTERM, SIGINT or SIGKILL, and no
process of its session (workers, resource tracker) may survive it. Processes are found through
/proc, by session id: an orphan is re-parented, but it keeps its session.

The workers hold their batches through the split's test hook (pipeline.HOLD_BATCHES_ENV): each
says it has taken one and waits until it is stopped, so the signal comes while batches are in
flight however fast the split is, and no sleep decides when it is sent.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pagegen import write_pages
from replyscope.pipeline import HOLD_BATCHES_ENV

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")


def session_members(sid: int) -> list[int]:
    """Pids of live (not zombie) processes whose session id is sid."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (comm) "
        state, session = fields[0], int(fields[3])
        if session == sid and state != "Z":
            members.append(int(entry.name))
    return members


def wait_until(predicate, timeout: float, step: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


@pytest.fixture(scope="module")
def big_folder(tmp_path_factory) -> Path:
    # Three batches (SplitOptions.batch_docs is 256): one for each worker, and one waiting.
    return write_pages(tmp_path_factory.mktemp("big") / "pages", 600, "agree")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL], ids=["SIGTERM", "SIGINT", "SIGKILL"])
def test_no_process_outlives_a_stopped_split(tmp_path, big_folder, sig):
    holding = tmp_path / "holding"
    holding.mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), **{HOLD_BATCHES_ENV: str(holding)})
    out = tmp_path / "run"
    proc = subprocess.Popen(
        [sys.executable, "-m", "replyscope", "split", str(big_folder), "--out", str(out), "--workers", "2"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
        # A shell without job control starts background commands with SIGINT ignored, and the
        # child would inherit that: give it the default, as in a terminal.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        # both workers hold a batch (the main process, two workers and the resource tracker are up)
        holding_both = wait_until(lambda: len(list(holding.iterdir())) >= 2 or proc.poll() is not None, timeout=300)
        assert holding_both and proc.poll() is None, f"the split ended before its workers held batches: {proc.returncode}"
        assert len(session_members(proc.pid)) >= 4
        proc.send_signal(sig)
        # Generous liveness limits (not speed bars): on a loaded 2-core machine a graceful stop
        # that writes the run's state can take many seconds.
        proc.wait(timeout=300)
        gone = wait_until(lambda: not session_members(proc.pid), timeout=120)
        assert gone, f"still running after {sig.name}: {session_members(proc.pid)}"
        if sig != signal.SIGKILL:  # a signal it can handle: a clear line, and the run marked as stopped
            assert proc.returncode in (128 + sig, -sig), proc.returncode
            assert "rerun the same command to resume" in proc.stderr.read().decode()
        assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")] or sig == signal.SIGKILL
    finally:
        for pid in session_members(proc.pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if proc.poll() is None:
            proc.kill()
            proc.wait()
