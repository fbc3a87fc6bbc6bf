"""Benchmarks: speed and memory of each stage, printed beside a baseline measured in the same run."""

import os
from pathlib import Path


def _shared_corpora() -> Path:
    """Where the development corpora are: $REPLYSCOPE_CORPORA when set, else ../shared/corpora
    beside the working directory (a checkout run from its root), else beside the checkout this
    package was imported from. Benchmarks fall back to generated text without them and say so, so
    the guess is made in one place and its answer printed (`corpora_note`)."""
    named = os.environ.get("REPLYSCOPE_CORPORA")
    if named:
        return Path(named)
    beside_cwd = Path.cwd().resolve().parent / "shared" / "corpora"
    if beside_cwd.is_dir():
        return beside_cwd
    return Path(__file__).resolve().parents[3].parent / "shared" / "corpora"


SHARED_CORPORA = _shared_corpora()


def corpora_note() -> str:
    """One line for a benchmark's output: which corpora directory it looked in and whether it is there."""
    found = "found" if SHARED_CORPORA.is_dir() else "absent: generated text stands in"
    return f"development corpora: {SHARED_CORPORA} ({found}; set REPLYSCOPE_CORPORA to point elsewhere)"
