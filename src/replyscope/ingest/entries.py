"""Input folders to entries, and the entries no reader may open.

A folder is walked once (os.walk, without following links). Every entry in it is returned, so
every entry reaches the manifest: files of any kind, plus the folders that are not searched
(hidden ones, links to folders, folders we may not list). `entry_problem` then says, from a
stat and the name alone, why an entry is not read: hidden, not a regular file (a FIFO would block
the reader for ever), a link out of the input folder, a link loop. Readers open only what passes.

Rules (README, "Using it"): inside a folder, names starting with "." are skipped ("hidden file",
"hidden folder, not searched"), as editors, version control and OS caches keep them there. Links
to files are followed when the target is inside the input folder; links to folders are not
followed (their files are read where they are, or are outside). A file named on the command line
is read whatever its name, and followed if it is a link: the user asked for it.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from replyscope.ingest.records import RawDocument, source_id_of

_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "FIFO"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
)


def discover_inputs(paths: list[Path]) -> list[Path]:
    """Every entry of each folder (see the module doc) in a stable order; other paths as given."""
    found: list[Path] = []
    for path in paths:
        found.extend(walk_folder(path) if path.is_dir() else [path])
    return found


def walk_folder(root: Path) -> list[Path]:
    """The files under `root`, and the folders not searched, sorted."""
    found: list[Path] = []

    def unlistable(error: OSError) -> None:  # recorded as an entry; entry_problem says why
        found.append(Path(error.filename))

    for folder, subfolders, files in os.walk(root, onerror=unlistable):
        base = Path(folder)
        searched = []
        for name in subfolders:
            if name.startswith(".") or os.path.islink(os.path.join(folder, name)):
                found.append(base / name)
            else:
                searched.append(name)
        subfolders[:] = searched
        found.extend(base / name for name in files)
    return sorted(found)


def entry_problem(path: Path, root: Path | None) -> RawDocument | None:
    """The record of an entry no reader should open, or None when it is a regular file to read."""
    source, source_id = str(path), source_id_of(path, root)
    inside_folder = root is not None and path != root
    if inside_folder and path.name.startswith("."):
        reason = "hidden folder, not searched" if path.is_dir() and not path.is_symlink() else "hidden file"
        return RawDocument.skipped(source, source_id, reason)
    try:
        info = os.lstat(path)
    except OSError as exc:
        return RawDocument.failed(source, source_id, "input not found" if exc.errno == errno.ENOENT else _os_reason(exc))
    if stat.S_ISLNK(info.st_mode):
        problem, info = _follow_link(path, root)
        if problem:
            return RawDocument(source, source_id, None, problem=problem[1], status=problem[0])
        if stat.S_ISDIR(info.st_mode) and inside_folder:
            return RawDocument.skipped(source, source_id, "symlink to a folder, not followed")
    if stat.S_ISDIR(info.st_mode):
        try:
            os.scandir(path).close()
        except OSError as exc:
            return RawDocument.failed(source, source_id, f"cannot list folder: {_os_reason(exc)}")
        return RawDocument.skipped(source, source_id, "folder, not searched")
    for is_kind, kind in _SPECIAL_KINDS:
        if is_kind(info.st_mode):
            return RawDocument.skipped(source, source_id, f"not a regular file ({kind}), not opened")
    return None


def _follow_link(path: Path, root: Path | None) -> tuple[tuple[str, str] | None, os.stat_result | None]:
    """((status, reason), None) for a link not to follow, else (None, stat of its target)."""
    try:
        target = path.resolve(strict=True)
    except RuntimeError:  # Python < 3.13 reports a loop this way
        return ("failed", "symlink loop"), None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return ("failed", "symlink loop"), None
        if exc.errno == errno.ENOENT:
            return ("failed", f"broken symlink: {os.readlink(path)} does not exist"), None
        return ("failed", _os_reason(exc)), None
    if root is not None and not target.is_relative_to(root.resolve()):
        return ("skipped", f"symlink to {target}, outside the input folder, not followed"), None
    return None, os.stat(target)


def _os_reason(exc: OSError) -> str:
    return exc.strerror or f"{type(exc).__name__}: {exc}"
