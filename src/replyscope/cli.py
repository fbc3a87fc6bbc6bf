"""The `replyscope` command line: a thin layer that wires the stages to files.

Exit codes: 0 when every input document was read and split; 3 when the batch completed but some
documents were skipped, empty or failed (each is in the manifest with its reason); 2 for usage
errors (one line on stderr: what is wrong and what exists); 1 when the run itself could not go on
(another process writes the run directory, the disk is full...); 130 / 143 when stopped by
Ctrl-C / SIGTERM (the run directory is marked interrupted: the same command resumes it).
"""

from __future__ import annotations

import contextlib
import io
import json
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TaskProgressColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from replyscope import pipeline
from replyscope.errors import UsageError
from replyscope.ingest import ColumnOptions
from replyscope.rundir import RunDirBusy, RunLock

try:  # typer vendors its own click (the exceptions it raises are that click's)
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover (older typer: plain click)
    from click import exceptions as click_errors


class Stopped(KeyboardInterrupt):
    """SIGTERM, turned into an exception so the stages clean up as they do for Ctrl-C."""


def _raise_stopped(signum, frame):
    raise Stopped()


def _fail(message: str, code: int) -> typer.Exit:
    # One plain line (not rich: it would wrap a long message over several lines).
    sys.stderr.write(f"error: {' '.join(str(message).split())}\n")
    sys.stderr.flush()
    return typer.Exit(code)


class _Commands(typer.core.TyperGroup):
    """Every command runs through here: usage problems become one line and exit 2, a stop by
    SIGTERM / Ctrl-C one line and 143 / 130, a busy run directory or an OS error (disk full,
    read-only) one line and exit 1. Anything else is a bug and keeps its traceback."""

    def invoke(self, ctx):
        main_thread = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGTERM, _raise_stopped) if main_thread else None
        try:
            return super().invoke(ctx)
        except click_errors.NoArgsIsHelpError:
            raise
        except click_errors.UsageError as exc:
            hint = f" (see `replyscope {exc.ctx.command_path.split(' ', 1)[-1]} --help`)" if exc.ctx and " " in exc.ctx.command_path else ""
            raise _fail(exc.format_message() + hint, 2) from None
        except UsageError as exc:
            raise _fail(str(exc), 2) from None
        except RunDirBusy as exc:
            raise _fail(str(exc), 1) from None
        except KeyboardInterrupt as exc:
            how, code = ("stopped by SIGTERM", 143) if isinstance(exc, Stopped) else ("interrupted", 130)
            raise _fail(f"{how}; finished work is kept: rerun the same command to resume", code) from None
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise _fail(f"cannot go on: {where}{exc.strerror or exc}", 1) from None
        finally:
            if main_thread:
                signal.signal(signal.SIGTERM, previous)


app = typer.Typer(
    cls=_Commands,
    help="Reader comments out of scraped pages: their stance, rhetoric and groups, in an offline HTML report.",
    no_args_is_help=True,
    add_completion=False,
)
eval_app = typer.Typer(help="Score a stage against gold data.", no_args_is_help=True)
bench_app = typer.Typer(help="Measure speed and size, against a baseline run in the same process.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(bench_app, name="bench")

console = Console(stderr=True)

EXIT_PARTIAL = 3

Inputs = Annotated[list[Path], typer.Argument(help="Folders of .txt pages, or CSV / JSONL / Parquet files with one page a row.")]
OutDir = Annotated[Path, typer.Option("--out", "-o", help="Run directory to write (created if missing).")]
Workers = Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes for the split.")]
TextCol = Annotated[Optional[str], typer.Option("--text-col", help="Column holding the page text (default: content/text/...).")]
IdCol = Annotated[Optional[str], typer.Option("--id-col", help="Column holding the page id (default: id/doc_id/...).")]
UrlCol = Annotated[Optional[str], typer.Option("--url-col", help="Column holding the page url.")]
TitleCol = Annotated[Optional[str], typer.Option("--title-col", help="Column holding the page title.")]
MaxPageMb = Annotated[float, typer.Option("--max-page-mb", min=0.001, help="Pages larger than this are recorded as skipped.")]
Seed = Annotated[int, typer.Option("--seed", help="Random seed: the same input and seed give the same output.")]
Representation = Annotated[Optional[str], typer.Option("--representation", help="Comment representation (see `replyscope analyze --help`).")]
JsonOut = Annotated[bool, typer.Option("--json", help="End with one JSON line of the scores.")]
Limit = Annotated[Optional[int], typer.Option("--limit", min=1, help="Score only the first N items.")]


@contextlib.contextmanager
def _progress() -> Iterator[Progress]:
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[detail]}"),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )
    progress.start()
    try:
        yield progress
    except BaseException:
        # On an error its one line is the whole output: stop without the bars' last frame.
        progress.live.transient = True
        console.file = io.StringIO()
        try:
            progress.stop()
        finally:
            console.file = None  # back to sys.stderr as it is then
        raise
    progress.stop()


def _split(inputs: list[Path], out: Path, workers: int, columns: ColumnOptions, max_page_mb: float, progress: Progress, reuse: bool = False) -> dict:
    missing = [p for p in inputs if not p.exists()]
    if missing:
        raise typer.BadParameter(f"no such input: {', '.join(map(str, missing))}", param_hint="INPUT")
    files = pipeline.input_files(inputs, out)  # walked once, for the bar's size and for the split
    total_bytes = sum(path.stat().st_size for path, _ in files if path.is_file())
    task = progress.add_task("split", total=max(total_bytes, 1), detail="")
    docs_seen = 0

    def advance(n_docs: int, n_bytes: int) -> None:
        nonlocal docs_seen
        docs_seen += n_docs
        progress.update(task, advance=n_bytes, detail=f"{docs_seen:,} pages")

    options = pipeline.SplitOptions(columns=columns, workers=workers, max_page_bytes=int(max_page_mb * 1e6))
    counts = pipeline.run_split(inputs, out, options, on_progress=advance, files=files, reuse_complete=reuse)
    progress.update(task, completed=max(total_bytes, 1), detail=f"{counts['documents']:,} pages, {counts['comments']:,} comments")
    return counts


def _analyze(run_dir: Path, seed: int, representation: str | None, progress: Progress, reuse: bool = False) -> dict:
    from replyscope.analyze import AnalyzeSettings

    task = progress.add_task("analyze", total=1, detail="stance, rhetoric, clusters")
    kwargs = {"seed": seed} | ({"representation": representation} if representation else {})
    counts = pipeline.run_analyze(run_dir, AnalyzeSettings(**kwargs), reuse_complete=reuse)
    progress.update(task, completed=1, detail=f"{counts['clusters']} clusters")
    return counts


def _report(run_dir: Path, progress: Progress, reuse: bool = False) -> Path:
    task = progress.add_task("report", total=1, detail="index.html")
    path = pipeline.run_report(run_dir, reuse_complete=reuse)
    progress.update(task, completed=1, detail=f"{path.stat().st_size / 1e6:.1f} MB")
    return path


def _summarise(counts: dict, out: Path) -> None:
    table = Table(title=f"run {out}", show_header=False)
    for key in ("documents", "ok", "empty", "skipped", "failed", "pages_with_comments", "comments"):
        if key in counts:
            table.add_row(key.replace("_", " "), f"{counts[key]:,}")
    console.print(table)
    bad = counts.get("documents", 0) - counts.get("ok", 0)
    if bad:
        console.print(f"[yellow]{bad} document(s) not split; reasons are in {out / 'manifest.json'} (\"documents\").")


def _exit_code(counts: dict) -> int:
    return EXIT_PARTIAL if counts.get("documents", 0) != counts.get("ok", 0) else 0


@app.command()
def split(
    inputs: Inputs,
    out: OutDir,
    workers: Workers = pipeline.default_workers(),
    text_col: TextCol = None,
    id_col: IdCol = None,
    url_col: UrlCol = None,
    title_col: TitleCol = None,
    max_page_mb: MaxPageMb = 20.0,
) -> None:
    """Find the article, boilerplate and reader comments in each page.

    Into an existing run directory it replaces the run (its analysis and report are removed). After an interruption the same command resumes from the batches already split.
    """
    columns = ColumnOptions(text_col, id_col, url_col, title_col)
    with _progress() as progress:
        counts = _split(inputs, out, workers, columns, max_page_mb, progress)
    _summarise(counts, out)
    raise typer.Exit(_exit_code(counts))


@app.command()
def analyze(run_dir: Annotated[Path, typer.Argument(help="A run directory written by `split`.")], seed: Seed = 0, representation: Representation = None) -> None:
    """Stance, rhetoric tags and clusters for the comments of a run."""
    with _progress() as progress:
        _analyze(run_dir, seed, representation, progress)


@app.command()
def report(run_dir: Annotated[Path, typer.Argument(help="A run directory written by `run` or `analyze`.")]) -> None:
    """Rebuild the HTML report of a run."""
    with _progress() as progress:
        path = _report(run_dir, progress)
    console.print(f"report: [bold]{path}[/bold]")


@app.command()
def run(
    inputs: Inputs,
    out: OutDir,
    workers: Workers = pipeline.default_workers(),
    text_col: TextCol = None,
    id_col: IdCol = None,
    url_col: UrlCol = None,
    title_col: TitleCol = None,
    max_page_mb: MaxPageMb = 20.0,
    seed: Seed = 0,
    representation: Representation = None,
) -> None:
    """The whole job: split, analyze and report.

    Reruns and resume: a stage whose inputs and settings have not changed since it completed is kept, not redone. After an interruption (Ctrl-C, SIGTERM, kill -9, a full disk) the same command resumes: the split picks up its finished batches, and the stages after it run again. Changed inputs start the run over: nothing made from the old input is kept.
    """
    columns = ColumnOptions(text_col, id_col, url_col, title_col)
    if representation:
        pipeline.check_representation(representation)  # before a long split, not after it
    with RunLock(out), _progress() as progress:
        counts = _split(inputs, out, workers, columns, max_page_mb, progress, reuse=True)
        _analyze(out, seed, representation, progress, reuse=True)
        path = _report(out, progress, reuse=True)
    _summarise(counts, out)
    console.print(f"report: [bold]{path}[/bold]")
    raise typer.Exit(_exit_code(counts))


@eval_app.command("split")
def eval_split(gold: Annotated[Path, typer.Argument(help="JSONL with id, text, gold_body, gold_comments.")], limit: Limit = None, json_out: JsonOut = False) -> None:
    """Token precision/recall/F1 of comments and body against a gold split (Dragnet-style)."""
    from replyscope.evaluate.split_eval import run as run_eval

    _check_gold_jsonl(gold, ("text", "gold_body", "gold_comments"))
    run_eval(gold, limit=limit, json_out=json_out)


def _check_gold_jsonl(path: Path, needed: tuple[str, ...]) -> None:
    """A gold file must be JSON lines whose rows carry `needed`: say so before scoring nothing."""
    if not path.is_file():
        raise UsageError(f"no such gold file: {path}")
    with open(path, "rb") as handle:
        first = next((line for line in handle if line.strip()), b"")
    try:
        row = json.loads(first)
    except ValueError:
        row = None
    if not isinstance(row, dict):
        raise UsageError(f"{path} is not JSON lines: expected one object a line with {', '.join(needed)}")
    missing = [name for name in needed if name not in row]
    if missing:
        raise UsageError(f"{path} has no {', '.join(missing)}: its rows have {sorted(row)}; expected {', '.join(needed)}")


@eval_app.command("stance")
def eval_stance(path: Annotated[Path, typer.Argument(help="CSV shaped target,text,stance.")], json_out: JsonOut = False, seed: Seed = 0, limit: Limit = None) -> None:
    """Cluster agreement with gold stance (NMI/ARI/purity) and per-comment stance F1, beside a BERTopic-style baseline."""
    from replyscope.evaluate.stance_eval import run as run_eval

    run_eval(path, json_out=json_out, seed=seed, limit=limit)


@eval_app.command("rhetoric")
def eval_rhetoric(path: Annotated[Path, typer.Argument(help="CSV with a text column and 0/1 persuasion-technique columns.")], json_out: JsonOut = False, limit: Limit = None) -> None:
    """Rhetoric tags against persuasion-technique labels: per-technique P/R/F1 and micro-F1."""
    from replyscope.evaluate.rhetoric_eval import run as run_eval

    run_eval(path, json_out=json_out, limit=limit)


@bench_app.command("split")
def bench_split(path: Annotated[Optional[Path], typer.Argument(help="JSONL of pages (default: the Dragnet raw dev split).")] = None, repeat: int = 3) -> None:
    """Split MB/s on one core, beside one compiled-regex pass over the same text."""
    from replyscope.bench.split_bench import run as run_bench

    run_bench(path, repeat=repeat)


@bench_app.command("ingest")
def bench_ingest(
    path: Annotated[Optional[Path], typer.Argument(help="JSONL of pages (default: the Dragnet raw dev split).")] = None,
    scales: Annotated[str, typer.Option(help="Comma-separated corpus multiples.")] = "1,4",
    workers: Workers = 1,
) -> None:
    """The whole split stage at growing corpus sizes: MB/s and peak memory (should stay flat)."""
    from replyscope.bench.ingest_bench import run as run_bench

    run_bench(path, scales=tuple(int(s) for s in scales.split(",") if s.strip()), workers=workers)


@bench_app.command("analyze")
def bench_analyze(n: int = 100_000, baseline_n: int = 5_000, seed: Seed = 0) -> None:
    """Analyze N comments with the default representation, beside a BERTopic-style baseline."""
    from replyscope.bench.analyze_bench import run as run_bench

    run_bench(n=n, baseline_n=baseline_n, seed=seed)


@bench_app.command("report")
def bench_report(sizes: Annotated[str, typer.Option(help="Comma-separated comment counts.")] = "1000,10000,100000") -> None:
    """Report build time, file size and first render in headless Chromium per size."""
    from replyscope.bench.report_bench import run as run_bench

    run_bench(tuple(int(s) for s in sizes.split(",") if s.strip()))


