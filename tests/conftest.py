"""Shared test fixtures: paths to the project's data and to ../shared corpora (skip when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SHARED = ROOT.parent / "shared" / "corpora"


def shared_path(*parts: str) -> Path:
    """Path under ../shared/corpora, or skip the test with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (../shared/corpora is not beside this checkout)")
    return path
