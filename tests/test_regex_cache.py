"""The compiled-pattern cache (replyscope.regex_cache): patterns read back from its file are the
patterns `re` compiles, a bad file is ignored, and REPLYSCOPE_REGEX_CACHE=0 leaves `re` alone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

# Imports the modules whose patterns a split compiles (the splitter's, ftfy's, rich's), then
# compares every pattern of the cache, as read back, with what re's own compiler makes of it.
_PROBE = """
import json, re, sys, _sre
import replyscope, replyscope.split, replyscope.ingest.decode, ftfy, rich.console
from replyscope import regex_cache as rc
extra = re.compile(r"(?P<who>[A-Z]\\w+) (?i:says):?\\s*(?P=who)?", re.M)
out = {"installed": rc._plain is not None, "size": len(rc._table or {}), "added": len(rc._added), "bad": []}
if rc._plain is not None:
    for (pattern, flags), args in rc._table.items():
        mine, plain = _sre.compile(pattern, *rc.unpack(args)), rc._plain(pattern, flags)
        if mine != plain or mine.groupindex != plain.groupindex or mine.groups != plain.groups or mine.flags != plain.flags:
            out["bad"].append(repr(pattern)[:80])
    out["extra_ok"] = extra.match("Ada says: Ada").group("who") == "Ada"
print(json.dumps(out))
"""


def _probe(cache: Path, **env: str) -> dict:
    run_env = {key: value for key, value in os.environ.items() if key != "REPLYSCOPE_REGEX_CACHE"}
    run_env |= {"REPLYSCOPE_CACHE": str(cache), "PYTHONPATH": str(SRC), **env}
    done = subprocess.run([sys.executable, "-c", _PROBE], env=run_env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_patterns_read_back_are_the_patterns_re_compiles(tmp_path):
    first = _probe(tmp_path)
    assert first["installed"] and first["added"] > 100 and first["bad"] == [] and first["extra_ok"]
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
    assert not off["installed"] and not (tmp_path / "regex").exists()
