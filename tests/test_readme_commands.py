"""The README's commands exist: every `replyscope ...` line and `python -m replyscope....` module it
names answers --help, with every option the line gives, and its links to docs/ resolve.

The README is what an analyst copies from; a renamed command or option would otherwise go stale
there silently (it once named a `--variant` syntax the scorer did not take)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from replyscope.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
# Words that name a (sub)command rather than an argument, as the CLI's groups are laid out.
GROUPS = {"eval", "bench", "stance", "models"}
OPTION = re.compile(r"(?<![\w-])(--[a-z][a-z-]+)")


def _command_lines(text: str) -> list[str]:
    """Each `replyscope ...` command: lines of the bash blocks and inline code spans."""
    lines = []
    for block in re.findall(r"```bash\n(.*?)```", text, re.S):
        lines += [ln.split("#")[0].strip() for ln in block.splitlines() if ln.strip().startswith("replyscope ")]
    lines += [span for span in re.findall(r"`(replyscope [^`]+)`", text)]
    return lines


def _path(line: str) -> list[str]:
    words = line.split()[1:]
    path = words[:1]
    if path and path[0] in GROUPS and len(words) > 1:
        path.append(words[1])
    return path


def _help(path: list[str]) -> str:
    result = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, (path, result.output)
    return result.output


def test_every_replyscope_command_and_option_in_the_readme_exists():
    lines = _command_lines(README.read_text(encoding="utf-8"))
    assert len(lines) >= 20, "the README's command blocks were not found"
    for line in lines:
        path = _path(line)
        if not path or path[0].isupper():  # `replyscope COMMAND --help`: a placeholder, not a command
            continue
        out = _help(path)
        missing = [opt for opt in OPTION.findall(line) if opt not in out]
        assert not missing, (line, missing)


def test_a_renamed_option_would_be_caught():
    # the check above can fail: an option the CLI does not have is not in the help it reads
    assert "--no-such-option" not in _help(["run"])
    assert _path("replyscope eval stance B.csv --fit-on A.csv") == ["eval", "stance"]


def test_every_python_module_the_readme_runs_answers_help():
    text = README.read_text(encoding="utf-8")
    modules = re.findall(r"python -m (replyscope\.[\w.]+)([^\n#`]*)", text)
    assert modules, "no python -m lines found"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    for module, args in modules:
        result = subprocess.run([sys.executable, "-m", module, "--help"], env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, (module, result.stderr[-2000:])
        missing = [opt for opt in OPTION.findall(args) if opt not in result.stdout]
        assert not missing, (module, missing)


@pytest.mark.parametrize("doc", ["README.md", "docs/measurements.md", "docs/how-it-works.md", "docs/spark.md"])
def test_links_between_the_docs_resolve(doc):
    path = ROOT / doc
    for link in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", path.read_text(encoding="utf-8")):
        if link.startswith("http"):
            continue
        assert (path.parent / link).exists(), (doc, link)
