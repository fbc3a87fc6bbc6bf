"""Compiled regular expressions kept between runs: `re`'s compile step, read back from a file.

Every process of replyscope compiles a few hundred patterns as it imports (the splitter's, ftfy's,
rich's...), and `re` parses and compiles each in pure Python: about a fifth of a second of CPU a
start, as much as splitting a hundred pages. What that compile makes for a pattern and its flags
(the flags, the code list, the group count and names `_sre.compile` takes) depends only on them and
on the Python build, so it is kept in a file under the cache root (see `compiled.cache_root`), one
file per Python build (and version of split/patterns.py, which makes the values `derived` keeps), and handed to `_sre.compile` as `re` itself would: the pattern objects are
the same (equal by `==`, which compares the code). A pattern not in the file is compiled by `re`'s
own parser and code generator and added to the file when the process ends.

Installed (`install`) where replyscope's own processes start, the CLI (replyscope.cli, first of its
imports) and each spawned worker (replyscope.workers.start), not by importing replyscope: a library
user's process keeps the plain `re`. It wraps `re._compiler.compile`, the step `re.compile`
calls only when its own in-process cache misses. It is left out (the plain `re`) when the Python
is one whose compiler this was not checked against, with REPLYSCOPE_REGEX_CACHE=0, or when anything
about the file is wrong (unreadable, another format: ignored, and rewritten at the end).
"""

from __future__ import annotations

import os
import sys

ENV = "REPLYSCOPE_REGEX_CACHE"
# The Pythons whose re._compiler.compile this replays (the same five arguments to _sre.compile).
_CHECKED = ((3, 10), (3, 11), (3, 12), (3, 13), (3, 14))
_FORMAT = 2  # 2: the code as the bytes of an array('I'), turned into a list only for the patterns a process compiles
_MAX_ENTRIES = 4000  # past it the file starts afresh (patterns built from data would grow it for ever)

_table: dict | None = None  # (pattern, flags) -> what _sre.compile takes after the pattern
_plain = None  # re._compiler.compile as it was (the tests compare with it)
_added: dict = {}
_path: str | None = None
# What `derived` keeps beside the compiled patterns is read off them by split/patterns.py's code (a
# gate's letters, the stamp pattern as it is searched): a file is made for one version of that
# code, named by a digest of its bytes, so a value made by an older version is never read back.
_DERIVING_SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "split", "patterns.py")


def _disabled() -> bool:
    return os.environ.get(ENV, "").strip().lower() in ("0", "false", "no", "off")


def cache_file() -> str:
    """The cache file of this Python build and this version of the code `derived` keeps values of:
    "<build>-<code>.marshal"."""
    import hashlib  # noqa: PLC0415
    import _sre  # noqa: PLC0415

    from replyscope.compiled import cache_root  # noqa: PLC0415

    tag = hashlib.sha256(f"{_FORMAT}\0{sys.version}\0{sys.implementation.cache_tag}\0{_sre.MAGIC}\0{sys.maxunicode}".encode()).hexdigest()[:16]
    try:
        with open(_DERIVING_SOURCE, "rb") as handle:
            code = hashlib.sha256(handle.read()).hexdigest()[:16]
    except OSError:
        code = "unread"
    return os.path.join(cache_root(), "regex", f"{tag}-{code}.marshal")


def _drop_older(path: str) -> None:
    """Remove the files of this Python build kept for another version of the deriving code (an
    edited split/patterns.py): they are never read again, and each is ~1.5 MB."""
    folder, name = os.path.split(path)
    build = name.split("-", 1)[0] + "-"
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name != name and entry.name.startswith(build) and entry.name.endswith(".marshal"):
                os.unlink(entry.path)


def unpack(kept: tuple) -> tuple:
    """A file's entry as the arguments _sre.compile takes after the pattern."""
    from array import array  # noqa: PLC0415

    flags, code, groups, groupindex, indexgroup = kept
    return flags, array("I", code).tolist(), groups, groupindex, indexgroup


def _load(path: str) -> dict:
    import marshal  # noqa: PLC0415

    try:
        with open(path, "rb") as handle:
            table = marshal.loads(handle.read())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return table if isinstance(table, dict) else {}


def install() -> None:
    """Put the cache in front of re's compiler (once; a no-op where it does not apply)."""
    global _table, _path, _plain
    if _table is not None or _disabled() or sys.version_info[:2] not in _CHECKED or sys.implementation.name != "cpython":
        return
    try:
        import _sre  # noqa: PLC0415
        from array import array  # noqa: PLC0415
        from re import _compiler, _parser  # noqa: PLC0415

        compile_, parse, code_of, debug = _compiler.compile, _parser.parse, _compiler._code, _compiler.SRE_FLAG_DEBUG
        sre_compile = _sre.compile
        if array("I").itemsize != 4 or _sre.CODESIZE != 4:
            return
        _path = cache_file()
    except Exception:  # noqa: BLE001 - a Python laid out otherwise: plain re
        return
    table = _table = _load(_path)

    def compile(p, flags=0):  # noqa: ANN001, ANN202 - re._compiler.compile's own signature
        if flags & debug or not isinstance(p, (str, bytes)):
            return compile_(p, flags)
        key = (p, flags)
        kept = table.get(key)
        if kept is not None:
            try:
                return sre_compile(p, *unpack(kept))
            except Exception:  # noqa: BLE001 - an entry _sre refuses (a damaged file): compiled again below
                del table[key]
        # re._compiler.compile, step by step, keeping what it hands to _sre.compile
        parsed = parse(p, flags)
        code = code_of(parsed, flags)
        groupindex = parsed.state.groupdict
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        args = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        try:  # (plain ints, the code as 32-bit words: the opcodes are an int subclass, which marshal does not write)
            table[key] = _added[key] = (int(args[0]), array("I", code).tobytes(), *args[2:])
        except (OverflowError, TypeError):
            pass
        return sre_compile(p, *args)

    _plain = compile_
    _compiler.compile = compile
    import atexit  # noqa: PLC0415

    atexit.register(save)


def installed() -> bool:
    """Whether this process reads its compiled patterns (and what `derived` keeps) from the file:
    a reader dear to build from scratch may be used only where it is read back (see
    patterns.BranchGate)."""
    return _table is not None


def derived(kind: str, pattern: str, flags: int, make):  # noqa: ANN001, ANN201 - any value marshal writes
    """`make()`, something read off a pattern and its flags alone (say its parsed form's literal
    prefixes: patterns.LetterGate), kept in the file beside the compiled patterns where the cache is
    installed, so a later process reads it back instead of making it again; a plain `make()` where
    it is not. `make` must give the same value for the same `kind`, pattern and flags on this Python
    build, and only values marshal writes (None, str, int, tuples, lists and dicts of them)."""
    if _table is None:
        return make()
    # (a compiled pattern's key is a pair: never one of these; the flags as a plain int, since
    # marshal cannot write a RegexFlag, and one such key would keep the whole file from being written)
    key = ("\0" + kind, pattern, int(flags))
    kept = _table.get(key)
    if isinstance(kept, tuple) and len(kept) == 1:
        return kept[0]
    value = make()
    _table[key] = _added[key] = (value,)  # (boxed: a None made is kept as well)
    return value


def save() -> None:
    """Add the patterns this process compiled to the file (to a temporary renamed into place)."""
    global _added
    if not _added or _path is None:
        return
    import marshal  # noqa: PLC0415

    added, _added = _added, {}
    try:
        table = _load(_path)
        if len(table) + len(added) > _MAX_ENTRIES:
            table = {}
        table.update(added)
        os.makedirs(os.path.dirname(_path), exist_ok=True)
        data = marshal.dumps(table)
        tmp = f"{_path}.{os.getpid()}.tmp"
        try:
            with open(tmp, "wb") as handle:
                handle.write(data)
            os.replace(tmp, _path)
            _drop_older(_path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except (OSError, ValueError):
        pass
