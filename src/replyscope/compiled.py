"""The splitter (replyscope.split) compiled to C with mypyc, used in place of its Python when built.

`replyscope compile` (which `make setup` runs) copies the split package's sources into a scratch
directory, compiles them with mypyc and keeps the extension modules under
$REPLYSCOPE_CACHE/compiled/<key>/ (else $XDG_CACHE_HOME/replyscope/..., else ~/.cache/replyscope/...),
never beside the sources: a stale compiled module there would shadow an edited .py.

The key is a hash of the sources' bytes (split/**/*.py and schema.py, which the build type-checks
them against), the Python build and mypy's version. Importing replyscope installs `SplitFinder`;
when replyscope.split is first imported it computes the key of the sources as they are now and, if
a build for that key exists, loads replyscope.split and its submodules (and mypyc's shared library)
from it as extension modules. Otherwise, or with REPLYSCOPE_PURE_PYTHON=1, the split is the plain
Python as usual, silently. An edited source changes the key, so stale code is never loaded: the
edit runs as Python until the next `replyscope compile`.

Worker processes (`--workers N` spawns them) import replyscope the same way and find the same build.
"""

from __future__ import annotations

import _imp
import hashlib
import importlib.machinery
import importlib.util
import os
import re
import sys
import types
from pathlib import Path

# (what only the build needs is imported there: importing replyscope installs the finder, and every
# command pays for what this module imports)

PURE_ENV = "REPLYSCOPE_PURE_PYTHON"
PACKAGE = "replyscope.split"
# mypyc's shared library of the compiled modules (a top-level module; the modules' own .so files
# are small shims that import it)
GROUP = "replyscope_split"
SHARED_LIB = GROUP + "__mypyc"
# Bump when the build below changes, so builds made the old way are not reused.
RECIPE = 1
# Builds kept in the cache (other source trees, other Pythons); older ones are removed by a build.
KEEP_BUILDS = 4
MANIFEST = "BUILD.json"  # written last: a build directory without it is not used

_ROOT = Path(__file__).resolve().parent  # src/replyscope
EXT = importlib.machinery.EXTENSION_SUFFIXES[0]


class CompileUnavailable(RuntimeError):
    """The compile cannot run here (mypy, setuptools, a C compiler or Python's headers missing)."""


class CompileFailed(RuntimeError):
    """mypyc or the C compiler failed, or the compiled split did not pass its check."""


def cache_root() -> Path:
    """Where replyscope keeps what it builds (the compiled split, the distilled MiniLM table):
    $REPLYSCOPE_CACHE, else $XDG_CACHE_HOME/replyscope, else ~/.cache/replyscope. (Here, not beside
    the table's code: importing replyscope reads it, and that module imports numpy.)"""
    explicit = os.environ.get("REPLYSCOPE_CACHE")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(xdg) / "replyscope"


def compiled_root() -> Path:
    return cache_root() / "compiled"


def pure_forced() -> bool:
    return os.environ.get(PURE_ENV, "").strip().lower() not in ("", "0", "false", "no")


def sources(root: Path = _ROOT) -> list[Path]:
    """The files a build is made from, under `root` (a replyscope package directory): the split
    package's modules, compiled, and schema.py, which they are type-checked against."""
    return sorted((root / "split").rglob("*.py")) + [root / "schema.py"]


def mypy_version() -> str:
    """mypy's version, read from its version.py without importing mypy ("none" if not installed)."""
    try:
        spec = importlib.util.find_spec("mypy")
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.origin:
        return "none"
    try:
        text = (Path(spec.origin).parent / "version.py").read_text(encoding="utf-8")
    except OSError:
        return "none"
    m = re.search(r"""__version__\s*=\s*["']([^"']+)""", text)
    return m[1] if m else "none"


def build_key(root: Path = _ROOT, mypy: str | None = None) -> str:
    """The key of the build of the sources under `root` (see the module's docstring)."""
    digest = hashlib.sha256()
    digest.update(f"recipe {RECIPE}\0python {sys.version}\0{EXT}\0mypy {mypy or mypy_version()}\0".encode())
    for path in sources(root):
        data = path.read_bytes()
        digest.update(f"{path.relative_to(root).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()[:20]


def _module_files(build: Path, root: Path = _ROOT) -> dict[str, Path]:
    """{module name: its extension module in `build`} for every compiled module, and the shared library."""
    files = {SHARED_LIB: build / (SHARED_LIB + EXT)}
    for path in sources(root)[:-1]:  # (schema.py is not compiled)
        rel = path.relative_to(root.parent).with_suffix("")
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        files[".".join(parts)] = build / rel.parent / (rel.name + EXT)
    return files


def _complete(build: Path, root: Path = _ROOT) -> dict[str, Path] | None:
    if not (build / MANIFEST).is_file():
        return None
    files = _module_files(build, root)
    return files if all(f.is_file() for f in files.values()) else None


class SplitFinder:
    """Loads replyscope.split.* (and mypyc's shared library) from the build for the current sources,
    when there is one; finds nothing otherwise, so the normal import of the .py files goes on."""

    def __init__(self) -> None:
        self._files: dict[str, Path] | None = None
        self._resolved = False
        self.build: Path | None = None

    def _resolve(self) -> dict[str, Path] | None:
        self._resolved = True
        if pure_forced():
            return None
        try:
            build = compiled_root() / build_key()
            files = _complete(build)
            if files is None:
                return None
            # load the shared library first: a build this Python cannot load is left for the pure
            # split, with a word, instead of failing every import of the split
            spec = importlib.util.spec_from_file_location(SHARED_LIB, files[SHARED_LIB])
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            sys.modules[SHARED_LIB] = module
        except Exception as exc:  # noqa: BLE001 - any failure: the pure split
            print(f"replyscope: the compiled split could not be loaded ({type(exc).__name__}: {exc}); "
                  f"running it as Python (run `replyscope compile --force` to rebuild)", file=sys.stderr)
            return None
        self.build = build
        return files

    def find_spec(self, fullname: str, path=None, target=None):  # noqa: ANN001 - the meta path protocol
        if not (fullname == PACKAGE or fullname.startswith(PACKAGE + ".") or fullname == SHARED_LIB):
            return None
        if not self._resolved:
            self._files = self._resolve()
        if self._files is None:
            return None
        file = self._files.get(fullname)
        if file is None:
            return None
        loader = importlib.machinery.ExtensionFileLoader(fullname, str(file))
        # (the compiled package sets its own __path__, the build's directory, as it starts: its
        # submodules are found there by this finder, and pkgutil lists them there as well)
        package_dir = [str(file.parent)] if fullname == PACKAGE else None
        return importlib.util.spec_from_file_location(fullname, file, loader=loader, submodule_search_locations=package_dir)


def install() -> None:
    """Put a SplitFinder ahead of the normal finders (once; cheap: nothing is read until replyscope.split
    is imported; a no-op with REPLYSCOPE_PURE_PYTHON=1), and a BytecodeFinder after it (see there)."""
    if not any(isinstance(f, BytecodeFinder) for f in sys.meta_path) and _bytecode_kept():
        sys.meta_path.insert(0, BytecodeFinder())
    if pure_forced() or any(isinstance(f, SplitFinder) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, SplitFinder())


# --- replyscope's own bytecode, kept in the cache -----------------------------------------------
#
# Where Python writes no bytecode (PYTHONDONTWRITEBYTECODE, or a source tree it cannot write to),
# every process compiles each of replyscope's modules it imports from source: ~200 KB for a split
# (cli.py and pipeline.py ~5 ms each), ~2% of a split of a thousand pages, every run, and in every
# worker. `replyscope compile` therefore also writes the bytecode of replyscope's modules into the
# cache (write_bytecode), never beside the sources and never while a command runs; BytecodeFinder
# serves a module from it only when the bytecode was compiled from the very bytes of the module's
# source as it is now (CPython's checked hash-based pyc: the source is read and hashed at each
# import, ~0.1 ms for all of them), so an edited module is compiled from source as before, until the
# next `replyscope compile` (or from its own __pycache__, where Python keeps one). Where Python
# writes bytecode itself this changes nothing but where the bytecode is read from; where
# `replyscope compile` never ran, the finder is not installed at all.

_PYC_FLAGS = (0b11).to_bytes(4, "little")  # hash-based, checked (PEP 552)


def _bytecode_kept() -> bool:
    """Whether `replyscope compile` kept bytecode for this tree. Asked at every import of
    replyscope, so never raising: a cache this user cannot read (a Spark executor's or `sudo -u`'s
    HOME, a shared REPLYSCOPE_CACHE) means none (`Path.is_dir` passes a permission error on)."""
    try:
        return bytecode_root().is_dir()
    except (OSError, ValueError):
        return False


def bytecode_root(root: Path = _ROOT) -> Path:
    """Where the bytecode of the replyscope package at `root` is kept, for this Python and -O level
    (a folder per source tree: a code object names the file it was compiled from, as tracebacks show)."""
    tree = hashlib.sha256(str(root).encode()).hexdigest()[:12]
    return cache_root() / "bytecode" / f"{sys.implementation.cache_tag}-o{sys.flags.optimize}" / tree


def bytecode_file(fullname: str, source: Path, root: Path | None = None) -> Path:
    """Where the bytecode of module `fullname` (whose source is the file `source`) is kept."""
    parts = fullname.split(".")
    if source.name == "__init__.py":
        parts.append("__init__")
    return (root or bytecode_root()).joinpath(*parts[:-1], parts[-1] + ".pyc")


def pyc_bytes(source: bytes, path: str) -> bytes:
    """A checked hash-based pyc of `source` (as py_compile writes one)."""
    import marshal  # noqa: PLC0415

    code = compile(source, path, "exec", dont_inherit=True)
    return importlib.util.MAGIC_NUMBER + _PYC_FLAGS + importlib.util.source_hash(source) + marshal.dumps(code)


def code_from_pyc(pyc: bytes, source: bytes, path: str):  # noqa: ANN201 - a code object, or None
    """The code a pyc from pyc_bytes holds, when it was compiled from `source` by this Python; else None."""
    import marshal  # noqa: PLC0415

    if pyc[:4] != importlib.util.MAGIC_NUMBER or pyc[4:8] != _PYC_FLAGS or pyc[8:16] != importlib.util.source_hash(source):
        return None
    try:
        code = marshal.loads(memoryview(pyc)[16:])
    except (EOFError, ValueError, TypeError):  # a damaged file: compiled from source
        return None
    return code if isinstance(code, types.CodeType) else None  # (a header over something else: the same)


class CachedBytecodeLoader(importlib.machinery.SourceFileLoader):
    """A module's source file, run from the cache's bytecode when it was compiled from this source."""

    def __init__(self, fullname: str, path: str, pyc: Path) -> None:
        super().__init__(fullname, path)
        self.pyc = pyc
        self.from_cache = False

    def get_code(self, fullname: str):  # noqa: ANN201 - the loader protocol
        path = self.get_filename(fullname)
        source = self.get_data(path)
        try:
            pyc = self.pyc.read_bytes()
        except OSError:
            pyc = b""
        code = code_from_pyc(pyc, source, path) if pyc else None
        self.from_cache = code is not None
        if code is not None:  # (named after the file imported, as CPython's loader does: a symlinked checkout)
            _imp._fix_co_filename(code, path)
        # (else as Python imports it: from its own __pycache__ where that is valid, else compiled)
        return code if code is not None else super().get_code(fullname)


class BytecodeFinder:
    """Finds replyscope's modules as the path finder does, with a CachedBytecodeLoader for a .py file."""

    def find_spec(self, fullname: str, path=None, target=None):  # noqa: ANN001 - the meta path protocol
        if not fullname.startswith("replyscope."):
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is None or type(spec.loader) is not importlib.machinery.SourceFileLoader or not spec.origin:
            return spec
        spec.loader = CachedBytecodeLoader(fullname, spec.origin, bytecode_file(fullname, Path(spec.origin)))
        return spec


def write_bytecode(root: Path = _ROOT, dest: Path | None = None) -> int:
    """Write the bytecode of every module of the replyscope package under `root` into the cache
    (`dest`, else bytecode_root()), each to a temporary renamed into place; the number written."""
    kept = dest is None  # (the cache's own folder for this tree, among other trees' folders)
    dest = dest or bytecode_root(root)
    n = 0
    for source in sorted(root.rglob("*.py")):
        rel = source.relative_to(root.parent).with_suffix("")
        fullname = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        target = bytecode_file(fullname, source, dest)
        try:
            data = pyc_bytes(source.read_bytes(), str(source))
        except (SyntaxError, ValueError, OSError):  # a module being edited or unreadable: imported from source
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        n += 1
    if kept:
        dest.mkdir(parents=True, exist_ok=True)
        (dest / _BYTECODE_WRITTEN).touch()
        _prune_bytecode(dest.parent, dest)
    return n


# Marks a tree's bytecode folder with when `replyscope compile` last wrote it (the folder's own
# time moves only when its top entries change).
_BYTECODE_WRITTEN = ".written"


def _prune_bytecode(trees: Path, keep: Path) -> None:
    """Remove all but the KEEP_BUILDS most recently written trees' bytecode (never `keep`): each
    checkout, worktree or temporary clone compiled on this machine leaves a folder; a tree whose
    folder is gone imports from its sources, as before its first `replyscope compile`."""
    import shutil  # noqa: PLC0415

    def written(folder: Path) -> float:
        try:
            return (folder / _BYTECODE_WRITTEN).stat().st_mtime
        except OSError:
            return 0.0  # (written before the mark existed, or half written: the oldest)

    others = sorted((d for d in trees.iterdir() if d.is_dir() and d != keep), key=written, reverse=True)
    for old in others[KEEP_BUILDS - 1 :]:
        shutil.rmtree(old, ignore_errors=True)


def split_engine() -> str:
    """"compiled" when the split running in this process is the mypyc build, else "pure"."""
    import replyscope.split.lines as probe  # noqa: PLC0415

    origin = getattr(getattr(probe, "__spec__", None), "origin", None) or ""
    return "compiled" if origin.endswith(EXT) else "pure"


# --- the build ------------------------------------------------------------------------------------

_SETUP = """
import sys
from setuptools import setup
from mypyc.build import mypycify

files = sys.argv[1:]
sys.argv = sys.argv[:1]
setup(
    name="replyscope-split-compiled",
    ext_modules=mypycify(["--ignore-missing-imports", "--follow-imports=silent", *files], opt_level="3", group_name={group!r}),
    script_args=["build_ext", "--inplace"],
)
"""


def prerequisites() -> str | None:
    """What is missing for a build here, or None."""
    import shutil  # noqa: PLC0415
    import sysconfig  # noqa: PLC0415

    for module, package in (("mypy", "mypy"), ("setuptools", "setuptools")):
        if importlib.util.find_spec(module) is None:
            return f"{package} is not installed (pip install 'replyscope[fast]')"
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        return f"no C compiler ({compiler}) on PATH (Debian: apt-get install gcc)"
    include = sysconfig.get_paths().get("include") or ""
    if not (Path(include) / "Python.h").is_file():
        return f"Python's C headers are missing ({include}/Python.h; Debian: apt-get install python3-dev)"
    return None


def build(force: bool = False, log=None) -> Path:  # noqa: ANN001 - log: a print-like callable
    """Compile the split for the current sources (unless already built) and return its directory.

    Raises CompileUnavailable when a tool is missing, CompileFailed when the compile or the check of
    its result fails (the compiler's output is in <cache>/compiled/last-build.log)."""
    import json  # noqa: PLC0415
    import shutil  # noqa: PLC0415
    import subprocess  # noqa: PLC0415
    import tempfile  # noqa: PLC0415
    import time  # noqa: PLC0415

    say = log or (lambda *_: None)
    root = compiled_root()
    mypy = mypy_version()
    key = build_key(mypy=mypy)
    dest = root / key
    if not force and _complete(dest) is not None:
        say(f"already built: {dest}")
        return dest
    missing = prerequisites()
    if missing:
        raise CompileUnavailable(missing)
    root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".build-{key}-", dir=root))
    started = time.perf_counter()
    try:
        src = work / "src"
        package = src / "replyscope"
        for path in sources():
            copy = package / path.relative_to(_ROOT)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, copy)
        (package / "__init__.py").write_text("")
        # (the key of what was copied: a source edited while the build runs is not mislabelled)
        key = build_key(package, mypy=mypy)
        dest = root / key
        compiled = [str(p.relative_to(src)) for p in sources(package)[:-1]]
        say(f"compiling {len(compiled)} modules with mypyc {mypy} (a few minutes) ...")
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        proc = subprocess.run(
            [sys.executable, "-c", _SETUP.format(group=GROUP), *compiled],
            cwd=src, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        (root / "last-build.log").write_text(proc.stdout)
        if proc.returncode != 0:
            tail = "\n".join(line for line in proc.stdout.splitlines() if "warning: Treating generator" not in line)[-2000:]
            raise CompileFailed(f"mypyc failed (exit {proc.returncode}); log: {root / 'last-build.log'}\n{tail}")
        out = work / "out"
        for name, target in _module_files(out, package).items():
            made = (src / target.relative_to(out))
            if not made.is_file():
                raise CompileFailed(f"the build made no {made.name} for {name}")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(made, target)
        seconds = time.perf_counter() - started
        manifest = {"key": key, "recipe": RECIPE, "python": sys.version, "ext": EXT, "mypy": mypy, "seconds": round(seconds, 1),
                    "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        (out / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n")
        if dest.exists():
            if not force and _complete(dest) is not None:
                say(f"already built (by another process meanwhile): {dest}")
                return dest
            os.rename(dest, work / "old")  # (removed with the scratch directory)
        try:
            os.rename(out, dest)
        except OSError:
            if _complete(dest) is None:  # (else another build landed first: use it)
                raise
            return dest
        _check(dest, key)
        say(f"compiled split ready: {dest} ({seconds:.0f} s)")
        _prune(root, keep=dest)
        return dest
    finally:
        shutil.rmtree(work, ignore_errors=True)


# An invented page for the check of a new build: compiled and pure must split it alike.
_CHECK_PAGE = (
    "Allotment water rates to rise in spring\n\n"
    "The council will raise the price of water at the town's allotments from April, its parks board said on "
    "Tuesday, after two dry summers emptied the butts and the tanks had to be filled from the mains.\n\n"
    "3 Comments\n\n"
    "Mara Quell\nMarch 3, 2024 at 9:12 am\n\nWe already pay more than the club down the road. Reply\n\n"
    "dunewalker\nMarch 3, 2024 at 10:40 am\n\nCollect the rain off the shed roof, it costs nothing. Reply\n\n"
    "Tobin Harrow\nMarch 4, 2024 at 8:02 pm\n\nThe butts were empty by June last year anyway. Reply\n"
)
_CHECK = (
    "import json, sys; from dataclasses import asdict; import replyscope.compiled as c; "
    "from replyscope.split import split_document; "
    "print(json.dumps([c.split_engine(), asdict(split_document(sys.stdin.read()))], default=str))"
)


def _check(build: Path, key: str) -> None:
    """The new build loads, and splits the invented page as the Python does; else it is removed."""
    import json  # noqa: PLC0415
    import shutil  # noqa: PLC0415
    import subprocess  # noqa: PLC0415

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(_ROOT.parent), os.environ.get("PYTHONPATH")]))}
    env.pop(PURE_ENV, None)
    runs = []
    for pure in (False, True):
        run_env = {**env, PURE_ENV: "1"} if pure else env
        proc = subprocess.run([sys.executable, "-c", _CHECK], input=_CHECK_PAGE, env=run_env, capture_output=True, text=True)
        runs.append(proc)
    compiled, pure = runs
    problem = None
    if compiled.returncode != 0 or pure.returncode != 0:
        problem = (compiled.stderr or pure.stderr).strip()[-1500:]
    elif json.loads(compiled.stdout)[0] != "compiled":
        problem = "the build was not loaded (was a source edited during the build?)"
    elif json.loads(compiled.stdout)[1] != json.loads(pure.stdout)[1]:
        problem = "compiled and pure split an invented page differently"
    if problem:
        shutil.rmtree(build, ignore_errors=True)
        raise CompileFailed(f"the compiled split failed its check and was removed: {problem}")


def _prune(root: Path, keep: Path) -> None:
    """Remove all but the KEEP_BUILDS newest builds (never `keep`), and scratch left by killed builds."""
    import shutil  # noqa: PLC0415
    import time  # noqa: PLC0415

    builds = sorted((d for d in root.iterdir() if d.is_dir() and (d / MANIFEST).is_file() and d != keep),
                    key=lambda d: (d / MANIFEST).stat().st_mtime, reverse=True)
    for old in builds[KEEP_BUILDS - 1 :]:
        shutil.rmtree(old, ignore_errors=True)
    for scratch in root.glob(".build-*"):
        if time.time() - scratch.stat().st_mtime > 6 * 3600:
            shutil.rmtree(scratch, ignore_errors=True)
