"""Benchmarks: speed and memory of each stage, printed beside a baseline measured in the same run."""

from pathlib import Path

# The development corpora, when ../shared sits beside the checkout (benchmarks fall back without it).
SHARED_CORPORA = Path(__file__).resolve().parents[3].parent / "shared" / "corpora"
