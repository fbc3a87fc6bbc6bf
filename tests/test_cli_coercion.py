"""The CLI reads plain values without pydantic, and still says what is wrong in typer's words."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polars as pl
from typer.testing import CliRunner

from replyscope.cli import app

PAGE = """Council votes to close the riverside car park

The council voted on Tuesday to turn the riverside car park into a public garden by next summer.

Traders said they had not been asked, and the chamber heard that parking fees paid for the library.

  • Rosa Penhallow

    Good riddance. I have been flooded out of it twice since I moved here.

  • ferry_fan_88

    Where are the market traders supposed to unload now?
"""

runner = CliRunner()


def test_split_values_are_read_without_pydantic(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "car-park.txt").write_text(PAGE)
    out = tmp_path / "run"
    code = (
        "import sys\n"
        "from replyscope.cli import app\n"
        f"sys.argv = ['replyscope', 'split', {str(pages)!r}, '--out', {str(out)!r}, '-w', '1', '--max-page-mb', '2.5', '--text-col', 'text']\n"
        "try:\n"
        "    app(prog_name='replyscope')\n"
        "except SystemExit as exc:\n"
        "    print('exit', exc.code)\n"
        "print('pydantic', 'pydantic' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={"PYTHONPATH": str(Path(__file__).parents[1] / "src")})
    assert "exit 0" in done.stdout, done.stderr
    assert "pydantic False" in done.stdout
    comments = pl.read_parquet(out / "comments.parquet")
    assert comments["author"].to_list() == ["Rosa Penhallow", "ferry_fan_88"]


def test_bad_values_get_typers_messages(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "car-park.txt").write_text(PAGE)
    cases = {
        ("-w", "two"): "Invalid value for '--workers' / '-w': Input should be a valid integer",
        ("-w", "0"): "Invalid value for '--workers' / '-w': Input should be greater than or equal to 1",
        ("--max-page-mb", "big"): "Invalid value for '--max-page-mb': Input should be a valid number",
        ("--max-page-mb", "0.0001"): "Invalid value for '--max-page-mb': Input should be greater than or equal to 0.001",
    }
    for args, message in cases.items():
        result = runner.invoke(app, ["split", str(pages), "--out", str(tmp_path / "run"), *args])
        assert result.exit_code == 2, (args, result.output)
        assert message in result.output, (args, result.output)
    # values the plain reading leaves to typer still parse as typer parses them
    result = runner.invoke(app, ["split", str(pages), "--out", str(tmp_path / "run"), "-w", " 1", "--max-page-mb", "1e1"])
    assert result.exit_code == 0, result.output
