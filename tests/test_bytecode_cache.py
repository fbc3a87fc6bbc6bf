"""replyscope's own bytecode kept in the cache (replyscope.compiled: write_bytecode at `replyscope
compile`, BytecodeFinder at import): a module runs from it only when it was compiled from the
module's source as it is now; an edited module is compiled from its source."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from replyscope import compiled

SRC = Path(__file__).resolve().parents[1] / "src"


def _load(tmp_path: Path, source: str, pyc: Path):
    module_file = tmp_path / "tide_table.py"
    module_file.write_text(source, encoding="utf-8")
    loader = compiled.CachedBytecodeLoader("tide_table", str(module_file), pyc)
    namespace: dict = {}
    exec(loader.get_code("tide_table"), namespace)  # noqa: S102 - the module's code, as import runs it
    return namespace, loader.from_cache


def test_bytecode_of_the_same_source_is_read_back(tmp_path: Path) -> None:
    source = "HIGH_WATER = 'slack at bell three'\n"
    pyc = tmp_path / "cache" / "tide_table.pyc"
    pyc.parent.mkdir()
    pyc.write_bytes(compiled.pyc_bytes(source.encode(), str(tmp_path / "tide_table.py")))
    namespace, from_cache = _load(tmp_path, source, pyc)
    assert from_cache
    assert namespace["HIGH_WATER"] == "slack at bell three"


def test_an_edited_source_is_compiled_not_read_from_stale_bytecode(tmp_path: Path) -> None:
    pyc = tmp_path / "tide_table.pyc"
    pyc.write_bytes(compiled.pyc_bytes(b"HIGH_WATER = 'slack at bell three'\n", str(tmp_path / "tide_table.py")))
    # (the same length, so only the bytes tell the two apart)
    namespace, from_cache = _load(tmp_path, "HIGH_WATER = 'slack at bell seven'\n", pyc)
    assert not from_cache
    assert namespace["HIGH_WATER"] == "slack at bell seven"


def test_missing_or_damaged_bytecode_falls_back_to_the_source(tmp_path: Path) -> None:
    source = "LOW_WATER = 'noon'\n"
    namespace, from_cache = _load(tmp_path, source, tmp_path / "absent.pyc")
    assert not from_cache and namespace["LOW_WATER"] == "noon"
    damaged = tmp_path / "damaged.pyc"
    damaged.write_bytes(compiled.pyc_bytes(source.encode(), "x")[:20])  # header right, code cut short
    namespace, from_cache = _load(tmp_path, source, damaged)
    assert not from_cache and namespace["LOW_WATER"] == "noon"


def test_a_process_imports_replyscope_from_the_written_bytecode(tmp_path: Path) -> None:
    env = os.environ | {"REPLYSCOPE_CACHE": str(tmp_path), "PYTHONPATH": str(SRC), "PYTHONDONTWRITEBYTECODE": "1"}
    probe = (
        "import json, replyscope.errors as m; l = m.__spec__.loader; "
        "print(json.dumps([type(l).__name__, getattr(l, 'from_cache', None), m.__file__]))"
    )

    def run() -> list:
        out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
        return json.loads(out.stdout)

    assert run()[:2] == ["SourceFileLoader", None]  # `replyscope compile` never ran here: Python's own import
    written = subprocess.run(
        [sys.executable, "-c", "from replyscope import compiled; print(compiled.write_bytecode())"],
        env=env, capture_output=True, text=True, check=True,
    )
    assert int(written.stdout) > 10
    kind, from_cache, file = run()
    assert (kind, from_cache) == ("CachedBytecodeLoader", True)
    assert Path(file) == SRC / "replyscope" / "errors.py"  # (the module still names its source)


def test_a_cache_this_user_cannot_read_leaves_import_working(monkeypatch):
    # (install() runs at every import of replyscope: a cache folder it may not read — a Spark
    # executor's or `sudo -u`'s HOME — must mean "no bytecode kept", never an error)
    class Unreadable:
        def is_dir(self) -> bool:
            raise PermissionError(13, "Permission denied", "/cache/bytecode")

    monkeypatch.setattr(compiled, "bytecode_root", lambda root=None: Unreadable())
    monkeypatch.setattr(sys, "meta_path", [f for f in sys.meta_path if not isinstance(f, compiled.BytecodeFinder)])
    compiled.install()
    assert not any(isinstance(f, compiled.BytecodeFinder) for f in sys.meta_path)


def test_compiling_keeps_the_newest_trees_bytecode_and_removes_the_rest(tmp_path: Path, monkeypatch) -> None:
    # (every checkout compiled on a machine leaves a bytecode folder in the cache: the oldest go,
    # as old builds of the split do, and never the tree just written)
    import time

    monkeypatch.setattr(compiled, "cache_root", lambda: tmp_path)
    trees = compiled.bytecode_root().parent
    for k in range(compiled.KEEP_BUILDS + 2):
        old = trees / f"clone{k}"
        (old / "replyscope").mkdir(parents=True)
        (old / ".written").touch()
        stamp = time.time() - 3600 * (k + 1)  # (clone0 the newest of them)
        os.utime(old / ".written", (stamp, stamp))
    assert compiled.write_bytecode() > 50
    left = sorted(d.name for d in trees.iterdir())
    assert compiled.bytecode_root().name in left
    assert len(left) == compiled.KEEP_BUILDS
    assert [f"clone{k}" for k in range(compiled.KEEP_BUILDS - 1)] == sorted(n for n in left if n.startswith("clone"))
