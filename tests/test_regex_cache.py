"""The compiled-pattern cache (replyscope.regex_cache): patterns read back from its file are the
patterns `re` compiles, a bad file is ignored, and REPLYSCOPE_REGEX_CACHE=0 leaves `re` alone. It is
installed where replyscope's own processes start (the CLI, a spawned worker's start), never by
importing replyscope: a library user's patterns go through the plain `re`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

# Starts as the CLI does (importing replyscope.cli installs the cache), imports the modules whose
# patterns a split compiles (the splitter's, ftfy's, rich's), then compares every pattern of the
# cache, as read back, with what re's own compiler makes of it.
_PROBE = """
import json, re, sys, _sre
import replyscope.cli, replyscope.split, replyscope.ingest.decode, ftfy, rich.console
from replyscope import regex_cache as rc
extra = re.compile(r"(?P<who>[A-Z]\\w+) (?i:says):?\\s*(?P=who)?", re.M)
out = {"installed": rc._plain is not None, "says_installed": rc.installed(), "size": len(rc._table or {}), "added": len(rc._added), "bad": []}
if rc._plain is not None:
    for key, args in rc._table.items():
        if len(key) != 2:
            continue  # (something read off a pattern, kept beside them: see regex_cache.derived)
        pattern, flags = key
        mine, plain = _sre.compile(pattern, *rc.unpack(args)), rc._plain(pattern, flags)
        if mine != plain or mine.groupindex != plain.groupindex or mine.groups != plain.groups or mine.flags != plain.flags:
            out["bad"].append(repr(pattern)[:80])
    out["extra_ok"] = extra.match("Ada says: Ada").group("who") == "Ada"
print(json.dumps(out))
"""


def _env(cache: Path, **env: str) -> dict:
    run_env = {key: value for key, value in os.environ.items() if key != "REPLYSCOPE_REGEX_CACHE"}
    return run_env | {"REPLYSCOPE_CACHE": str(cache), "PYTHONPATH": str(SRC), **env}


def _probe(cache: Path, **env: str) -> dict:
    done = subprocess.run([sys.executable, "-c", _PROBE], env=_env(cache, **env), capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_patterns_read_back_are_the_patterns_re_compiles(tmp_path):
    first = _probe(tmp_path)
    assert first["installed"] and first["says_installed"] and first["added"] > 100 and first["bad"] == [] and first["extra_ok"]
    files = list((tmp_path / "regex").iterdir())
    assert len(files) == 1 and files[0].suffix == ".marshal"  # (no temporary left)
    second = _probe(tmp_path)  # every pattern now read from the file
    assert second["added"] == 0 and second["size"] >= first["added"] and second["bad"] == [] and second["extra_ok"]


def test_a_bad_cache_file_is_ignored_and_rewritten(tmp_path):
    _probe(tmp_path)
    (cache_file,) = (tmp_path / "regex").iterdir()
    cache_file.write_bytes(b"not marshal data")
    again = _probe(tmp_path)
    assert again["installed"] and again["size"] == again["added"] > 100 and again["bad"] == []
    assert _probe(tmp_path)["added"] == 0


def test_off_switch_leaves_re_alone(tmp_path):
    off = _probe(tmp_path, REPLYSCOPE_REGEX_CACHE="0")
    assert not off["installed"] and not off["says_installed"] and not (tmp_path / "regex").exists()


# A library user's process: importing replyscope and running its split leaves re's compiler as it
# was, and writes no pattern file; then a worker's start (replyscope.workers) installs the cache.
_LIBRARY = """
import json, os, re, _sre
from re import _compiler
plain, sre_compile = _compiler.compile, _sre.compile
import replyscope, replyscope.split, replyscope.pipeline, replyscope.workers
from replyscope import regex_cache as rc
from replyscope.split import split_document
split_document("Jo Lake says:\\nMarch 3, 2015 at 9:12 am\\nWell put, and thanks.\\n")
re.compile(r"(?P<mine>[a-z]+)-only-a-library-users-own")
out = {"left_alone": _compiler.compile is plain and _sre.compile is sre_compile and rc._plain is None}
replyscope.workers.start(os.getppid())
out["worker"] = rc._plain is plain and _compiler.compile is not plain
print(json.dumps(out))
"""


def test_importing_replyscope_leaves_re_alone_and_a_worker_installs_it(tmp_path):
    done = subprocess.run([sys.executable, "-c", _LIBRARY], env=_env(tmp_path), capture_output=True, text=True, check=True)
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out == {"left_alone": True, "worker": True}


def test_the_cli_reads_patterns_back(tmp_path):
    def cli() -> None:
        subprocess.run([sys.executable, "-m", "replyscope", "--help"], env=_env(tmp_path), capture_output=True, check=True)

    cli()  # (the first run writes the file: typer's, rich's and the CLI's own patterns)
    (cache_file,) = (tmp_path / "regex").iterdir()
    written = cache_file.stat().st_mtime_ns
    cli()  # the second compiles nothing new, so it leaves the file as it was
    assert cache_file.stat().st_mtime_ns == written and cache_file.stat().st_size > 10_000


# Splits a line through a LetterGate (its letter prefixes are read off the parsed pattern on first
# use, or back from the cache's file), then says what the gates hold and what the file kept.
_GATE_PROBE = """
import json, replyscope.cli
from replyscope.split import patterns as p
from replyscope import regex_cache as rc
gates = [p.FURNITURE_LOW, p.CHROME_WORDS_LOW, p.COMMENT_FORM_LOW]
for gate in gates:
    gate.match("quokka notes for later")
# (the letter prefixes' entries: other readings kept in the file, a literal gate's, are made at import)
prefixes = lambda keys: [key for key in keys if len(key) == 3 and key[0] == "\\0letter_prefixes"]
kept = prefixes(rc._table or {})
same = all(gate._by_letter == p.letter_prefixes(gate.twin) for gate in gates)
print(json.dumps({"kept": len(kept), "added": len(prefixes(rc._added)), "same": same}))
"""


def _gate_probe(cache: Path, **env: str) -> dict:
    done = subprocess.run([sys.executable, "-c", _GATE_PROBE], env=_env(cache, **env), capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_letter_prefixes_kept_in_the_file_are_the_ones_read_off_the_patterns(tmp_path):
    first = _gate_probe(tmp_path)
    assert first["same"] and first["added"] == 3
    second = _gate_probe(tmp_path)  # (read back from the file: none made again)
    assert second["same"] and second["added"] == 0 and second["kept"] >= 3
    plain = _gate_probe(tmp_path, REPLYSCOPE_REGEX_CACHE="0")  # (no cache: made in the process, the same)
    assert plain["same"] and plain["kept"] == 0


def test_a_file_is_for_one_version_of_the_code_that_derives_its_values(tmp_path, monkeypatch):
    # (derived values, such as the stamp pattern as it is searched, are made by split/patterns.py:
    # a file made by another version of it is never read back, and is removed when a file is saved)
    from replyscope import regex_cache

    monkeypatch.setenv("REPLYSCOPE_CACHE", str(tmp_path))
    source = tmp_path / "patterns.py"
    source.write_text("WORD = r'\\w+'\n")
    monkeypatch.setattr(regex_cache, "_DERIVING_SOURCE", str(source))
    before = regex_cache.cache_file()
    source.write_text("WORD = r'\\w++'\n")
    after = regex_cache.cache_file()
    assert before != after and before.split("-")[0] == after.split("-")[0]

    monkeypatch.undo()
    _probe(tmp_path)
    (kept,) = (tmp_path / "regex").iterdir()
    older = kept.with_name(kept.name.split("-")[0] + "-0123456789abcdef.marshal")
    older.write_bytes(kept.read_bytes())
    kept.unlink()
    assert _probe(tmp_path)["added"] > 100  # (the other version's file is not read)
    assert [path.name for path in (tmp_path / "regex").iterdir()] == [kept.name]
