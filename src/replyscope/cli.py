"""The `replyscope` command line: a thin layer that wires the stages to files.

Exit codes: 0 when every input document was read and split; 3 when the batch completed but some
documents were skipped, empty or failed (each is in the manifest with its reason); 2 for usage
errors (one line on stderr: what is wrong and what exists); 1 when the run itself could not go on
(another process writes the run directory, the disk is full...); 130 / 143 when stopped by
Ctrl-C / SIGTERM (the run directory is marked interrupted: the same command resumes it).
"""

# First, before the imports below compile their patterns (typer's, rich's, polars', the splitter's):
# this is where replyscope's own process starts (the `replyscope` command, `python -m replyscope`),
# so patterns compiled by an earlier run are read back, not compiled again (see regex_cache).
# Importing replyscope alone leaves `re` as it is.
from replyscope import gc_pace as _gc_pace, regex_cache as _regex_cache

_gc_pace.install()  # (also before the imports: they allocate too; see gc_pace)
_gc_pace.hold()  # (none at all until they are settled below)
_regex_cache.install()

import atexit  # noqa: E402
import contextlib
import gzip
import io
import json
import os
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text
from rich.table import Table

from replyscope import pipeline
from replyscope.cli_coercion import use_plain_coercion
from replyscope.errors import UsageError
from replyscope.ingest import ColumnOptions
from replyscope.rundir import RunDirBusy, RunLock

try:  # typer vendors its own click (the exceptions it raises are that click's)
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover (older typer: plain click)
    from click import exceptions as click_errors

_gc_pace.settle()  # (the imports' objects live as long as the process: see gc_pace)
atexit.register(_gc_pace.retire)  # (and what the command leaves alive, once it is done)


class Stopped(KeyboardInterrupt):
    """SIGTERM, turned into an exception so the stages clean up as they do for Ctrl-C."""


def _raise_stopped(signum, frame):
    raise Stopped()


def _fail(message: str, code: int) -> typer.Exit:
    # One plain line (not rich: it would wrap a long message over several lines).
    sys.stderr.write(f"error: {' '.join(str(message).split())}\n")
    sys.stderr.flush()
    return typer.Exit(code)


def _pool_manager_alive() -> bool:
    """Is a process pool's manager thread (concurrent.futures) still running?"""
    return any(type(t).__name__ == "_ExecutorManagerThread" and t.is_alive() for t in threading.enumerate())


class _Commands(typer.core.TyperGroup):
    """Every command runs through here: usage problems become one line and exit 2, a stop by
    SIGTERM / Ctrl-C one line and 143 / 130, a busy run directory or an OS error (disk full,
    read-only) one line and exit 1. Anything else is a bug and keeps its traceback."""

    def resolve_command(self, ctx, args):
        name, command, rest = super().resolve_command(ctx, args)
        if command is not None:
            # (before its values are parsed: plain values skip typer's pydantic adapters, and the
            # process the import of pydantic; see cli_coercion)
            use_plain_coercion(command, ctx)
        return name, command, rest

    def parse_args(self, ctx, args):
        use_plain_coercion(self, ctx)  # (the group's own help flag)
        return super().parse_args(ctx, args)

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
            stopped = _fail(f"{how}; finished work is kept: rerun the same command to resume", code)
            if _pool_manager_alive():
                # A worker stopped in the middle of sending a result leaves concurrent.futures'
                # manager thread waiting for the rest of that message, and the interpreter joins
                # that thread at exit: the process hung after its last line (seen under SIGINT
                # with two workers). The stages have recorded the stop and closed their files by
                # now, so the process ends here.
                sys.stdout.flush()
                os._exit(code)
            raise stopped from None
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

Inputs = Annotated[list[Path], typer.Argument(help="Folders of .txt / .html pages, WARC files, or CSV / JSONL / Parquet files with one page a row.")]
OutDir = Annotated[Path, typer.Option("--out", "-o", help="Run directory to write (created if missing).")]
Workers = Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes for the split.")]
TextCol = Annotated[Optional[str], typer.Option("--text-col", help="Column holding the page text (default: content/text/...).")]
IdCol = Annotated[Optional[str], typer.Option("--id-col", help="Column holding the page id (default: id/doc_id/...).")]
UrlCol = Annotated[Optional[str], typer.Option("--url-col", help="Column holding the page url.")]
TitleCol = Annotated[Optional[str], typer.Option("--title-col", help="Column holding the page title.")]
HtmlCol = Annotated[Optional[str], typer.Option("--html-col", help="Column holding the page HTML (default: html/raw_html).")]
MaxPageMb = Annotated[float, typer.Option("--max-page-mb", min=0.001, max=1_000_000.0, help="Pages larger than this are recorded as skipped (at most a terabyte).")]
PageCpuSeconds = Annotated[
    float, typer.Option("--page-cpu-seconds", min=0.0, help="A page whose split takes more CPU seconds than this is recorded as failed and the run goes on (0: no limit).")
]
Seed = Annotated[int, typer.Option("--seed", help="Random seed: the same input and seed give the same output.")]
Representation = Annotated[Optional[str], typer.Option("--representation", help="Comment representation (see `replyscope analyze --help`).")]
StanceReader = Annotated[Optional[str], typer.Option("--stance-reader", help="Stance reader: 'zero-shot' (default; no labels), 'fitted:MODEL' (from `replyscope stance fit`) or 'nli:DIR' (an ONNX NLI model on disk; see the README).")]
JsonOut = Annotated[bool, typer.Option("--json", help="End with one JSON line of the scores.")]
Limit = Annotated[Optional[int], typer.Option("--limit", min=1, help="Score only the first N items.")]
# Comment exports (`run --comments`): one comment a row; each column found by its usual names or named here.
CommentsFlag = Annotated[bool, typer.Option("--comments", help="The inputs are comment exports (one comment a row), not pages: the split is skipped.")]
CommentCol = Annotated[Optional[str], typer.Option("--comment-col", help="With --comments: column holding the comment text.")]
ArticleCol = Annotated[Optional[str], typer.Option("--article-col", help="With --comments: column holding the article's id (comments are grouped by it).")]
ArticleUrlCol = Annotated[Optional[str], typer.Option("--article-url-col", help="With --comments: column holding the article's url.")]
ArticleTitleCol = Annotated[Optional[str], typer.Option("--article-title-col", help="With --comments: column holding the article's title.")]
ArticleTextCol = Annotated[Optional[str], typer.Option("--article-text-col", help="With --comments: column holding the article's text.")]
AuthorCol = Annotated[Optional[str], typer.Option("--author-col", help="With --comments: column holding the comment's author.")]
TimeCol = Annotated[Optional[str], typer.Option("--time-col", help="With --comments: column holding the comment's time.")]
CommentIdCol = Annotated[Optional[str], typer.Option("--comment-id-col", help="With --comments: column holding the comment's id.")]
ParentCol = Annotated[Optional[str], typer.Option("--parent-col", help="With --comments: column holding the id of the comment replied to.")]
SiteCol = Annotated[Optional[str], typer.Option("--site-col", help="With --comments: column holding the article's site.")]


class _RateColumn(ProgressColumn):
    """Items per second of a task, in the unit its `unit` field names ("MB" tasks count bytes)."""

    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        unit = task.fields.get("unit", "")
        if not speed or not unit:
            return Text("")
        if unit == "MB":
            return Text(f"{speed / 1e6:,.1f} MB/s", style="progress.data.speed")
        return Text(f"{speed:,.0f} {unit}/s", style="progress.data.speed")


@contextlib.contextmanager
def _progress() -> Iterator[Progress]:
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[detail]}"),
        _RateColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
        # (redrawn 10 times a second only where the redraw shows: a terminal or a notebook; to a
        # file or a pipe rich prints the last frame when the bars stop, redrawn or not)
        auto_refresh=console.is_jupyter or (console.is_terminal and not console.is_dumb_terminal),
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


def _split(
    inputs: list[Path], out: Path, workers: int, columns: ColumnOptions, max_page_mb: float, progress: Progress, reuse: bool = False,
    page_cpu_seconds: float = pipeline.PAGE_CPU_SECONDS,
) -> dict:
    missing = [p for p in inputs if not p.exists()]
    if missing:
        raise typer.BadParameter(f"no such input: {', '.join(map(str, missing))}", param_hint="INPUT")
    files = pipeline.input_files(inputs, out)  # walked once, for the bar's size and for the split
    total_bytes = sum(path.stat().st_size for path, _ in files if path.is_file())
    task = progress.add_task("split", total=max(total_bytes, 1), detail="", unit="MB")
    docs_seen = 0

    def advance(n_docs: int, n_bytes: int) -> None:
        nonlocal docs_seen
        docs_seen += n_docs
        progress.update(task, advance=n_bytes, detail=f"{docs_seen:,} pages")

    options = pipeline.SplitOptions(columns=columns, workers=workers, max_page_bytes=int(max_page_mb * 1e6), page_cpu_seconds=page_cpu_seconds)
    counts = pipeline.run_split(inputs, out, options, on_progress=advance, files=files, reuse_complete=reuse)
    progress.update(task, completed=max(total_bytes, 1), detail=f"{counts['documents']:,} pages, {counts['comments']:,} comments")
    return counts


def _analyze(run_dir: Path, seed: int, representation: str | None, progress: Progress, reuse: bool = False, stance_reader: str | None = None, workers: int | None = None) -> dict:
    from replyscope.analyze import AnalyzeSettings

    task = progress.add_task("analyze", total=1, detail="stance, rhetoric, clusters")
    kwargs = {"seed": seed} | ({"representation": representation} if representation else {})
    if stance_reader:
        _check_stance_reader(stance_reader)
        kwargs["stance_reader"] = stance_reader
    steps: dict[str, int] = {}

    def step_progress(step: str, done: int, total: int) -> None:
        # One bar per analysis step, added as the step starts, so the one that is running shows.
        if step not in steps:
            steps[step] = progress.add_task(f"  {step}", total=max(total, 1), detail=f"{total:,} comments", unit="comments")
        task = steps[step]
        detail = f"{done:,}/{total:,} comments"
        elapsed = next((t.elapsed for t in progress.tasks if t.id == task), None)
        if done and elapsed:
            detail += f", {done / elapsed:,.0f}/s"  # (rich's own rate needs several updates)
        progress.update(task, completed=done if total else 1, detail=detail)

    counts = pipeline.run_analyze(run_dir, AnalyzeSettings(**kwargs), reuse_complete=reuse, on_progress=step_progress, workers=workers)
    progress.update(task, completed=1, detail=f"{counts['clusters']} clusters")
    return counts


def _read_comments(inputs: list[Path], out: Path, columns, progress: Progress) -> dict:
    missing = [p for p in inputs if not p.exists()]
    if missing:
        raise UsageError(f"no such input: {', '.join(map(str, missing))}")
    task = progress.add_task("comments", total=1, detail="reading the export (split skipped)")
    counts = pipeline.run_comment_export(inputs, out, columns)
    progress.update(task, completed=1, detail=f"{counts['documents']:,} articles, {counts['comments']:,} comments")
    return counts


def _across(run_dir: Path, progress: Progress, reuse: bool = False) -> dict:
    task = progress.add_task("across", total=1, detail="campaigns, commenters, syndication")
    counts = pipeline.run_across(run_dir, reuse_complete=reuse)
    progress.update(task, completed=1, detail=f"{counts['campaigns']} campaigns, {counts['syndication_groups']} syndicated pieces")
    return counts


def _comment_export_hint(inputs: list[Path], counts: dict) -> None:
    """A table read as pages that gave no comments may be a comment export: say how to read it."""
    if counts.get("comments", 0) != 0:  # (the reader of comment exports is imported only when it may say something)
        return
    from replyscope.ingest.comment_export import looks_like_comment_export

    if any(looks_like_comment_export(p) for p in inputs):
        console.print("[yellow]No comments were found in these pages, and the table has a comment column: "
                      "if it holds one comment a row, run again with --comments.")


def _report(run_dir: Path, progress: Progress, reuse: bool = False) -> Path:
    task = progress.add_task("report", total=1, detail="index.html")
    steps: dict[str, int] = {}

    def step_progress(step: str, done: int, total: int) -> None:
        if step not in steps:
            steps[step] = progress.add_task(f"  {step}", total=max(total, 1), detail="")
        progress.update(steps[step], completed=done)

    path = pipeline.run_report(run_dir, reuse_complete=reuse, on_progress=step_progress)
    progress.update(task, completed=1, detail=f"{path.stat().st_size / 1e6:.1f} MB")
    return path


def _run_spark(inputs, out: Path, columns: ColumnOptions, max_page_mb: float, seed: int, representation: str | None, master: str | None, stance_reader: str | None = None):
    """`run --engine spark`: split and per-comment features on Spark (engine.spark), the rest as usual."""
    from replyscope.analyze import AnalyzeSettings
    from replyscope.engine import spark as spark_engine

    reason = spark_engine.spark_available()
    if reason:
        raise typer.BadParameter(reason, param_hint="--engine spark")
    missing = [p for p in inputs if not p.exists() and not spark_engine.as_url(p)]
    if missing:
        raise typer.BadParameter(f"no such input: {', '.join(map(str, missing))}", param_hint="INPUT")
    kwargs = {"seed": seed} | ({"representation": representation} if representation else {})
    kwargs |= {"stance_reader": stance_reader} if stance_reader else {}
    options = pipeline.SplitOptions(columns=columns, max_page_bytes=int(max_page_mb * 1e6))
    try:
        with RunLock(out), _progress() as progress:
            task = progress.add_task("split (spark)", total=1, detail=master or "local[2]")
            counts = spark_engine.run_split_spark(inputs, out, options, master=master, reuse_complete=True)
            progress.update(task, completed=1, detail=f"{counts['documents']:,} pages, {counts['comments']:,} comments")
            task = progress.add_task("analyze (spark)", total=1, detail="features on spark, clusters here")
            analyzed = spark_engine.run_analyze_spark(out, AnalyzeSettings(**kwargs), master=master, reuse_complete=True)
            progress.update(task, completed=1, detail=f"{analyzed['clusters']} clusters")
            _across(out, progress, reuse=True)
            path = _report(out, progress, reuse=True)
    finally:
        spark_engine.stop()
    return counts, path


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
    html_col: HtmlCol = None,
    max_page_mb: MaxPageMb = 20.0,
    page_cpu_seconds: PageCpuSeconds = pipeline.PAGE_CPU_SECONDS,
) -> None:
    """Find the article, boilerplate and reader comments in each page.

    Into an existing run directory it replaces the run (its analysis and report are removed). After an interruption the same command resumes from the batches already split.
    """
    columns = ColumnOptions(text_col, id_col, url_col, title_col, html_col)
    with _progress() as progress:
        counts = _split(inputs, out, workers, columns, max_page_mb, progress, page_cpu_seconds=page_cpu_seconds)
    _summarise(counts, out)
    _comment_export_hint(inputs, counts)
    raise typer.Exit(_exit_code(counts))


@app.command()
def analyze(run_dir: Annotated[Path, typer.Argument(help="A run directory written by `split`.")], seed: Seed = 0, representation: Representation = None, stance_reader: StanceReader = None) -> None:
    """Stance, rhetoric tags and clusters for the comments of a run (and, when the run already has
    them, its across-page results again: they read the features this replaces)."""
    from replyscope.rundir import read_manifest, stage_record

    with _progress() as progress:
        _analyze(run_dir, seed, representation, progress, stance_reader=stance_reader)
        # Left stale, the old across tables would make `report` refuse the run until the user ran
        # `across` by hand; it is a small share of a run's time, so it follows here.
        if stage_record(read_manifest(run_dir), "across"):
            _across(run_dir, progress)


@app.command()
def across(run_dir: Annotated[Path, typer.Argument(help="A run directory written by `split` or `run`.")]) -> None:
    """Copy-paste campaigns, commenters across articles and syndicated articles of a run."""
    with _progress() as progress:
        _across(run_dir, progress)


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
    html_col: HtmlCol = None,
    max_page_mb: MaxPageMb = 20.0,
    page_cpu_seconds: PageCpuSeconds = pipeline.PAGE_CPU_SECONDS,
    seed: Seed = 0,
    representation: Representation = None,
    stance_reader: StanceReader = None,
    comments: CommentsFlag = False,
    comment_col: CommentCol = None,
    article_col: ArticleCol = None,
    article_url_col: ArticleUrlCol = None,
    article_title_col: ArticleTitleCol = None,
    article_text_col: ArticleTextCol = None,
    author_col: AuthorCol = None,
    time_col: TimeCol = None,
    comment_id_col: CommentIdCol = None,
    parent_col: ParentCol = None,
    site_col: SiteCol = None,
    engine: Annotated[str, typer.Option("--engine", help="embedded (worker processes, the default) or spark (pip install 'replyscope[spark]', needs Java).")] = "embedded",
    master: Annotated[Optional[str], typer.Option("--master", help="Spark master URL for --engine spark (default local[2]).")] = None,
) -> None:
    """The whole job: split (or read a comment export), analyze, look across pages, report.

    Reruns and resume: a stage whose inputs and settings have not changed since it completed is kept, not redone. After an interruption (Ctrl-C, SIGTERM, kill -9, a full disk) the same command resumes: the split picks up its finished batches, and the stages after it run again. Changed inputs start the run over: nothing made from the old input is kept.
    """
    columns = ColumnOptions(text_col, id_col, url_col, title_col, html_col)
    if engine not in ("embedded", "spark"):
        raise UsageError(f"unknown engine {engine!r}; choose embedded or spark")
    if representation:
        pipeline.check_representation(representation)  # before a long split, not after it
    if stance_reader:
        _check_stance_reader(stance_reader)
    if engine == "spark":
        if comments:
            raise UsageError("--comments reads an export on one machine; use it without --engine spark")
        counts, path = _run_spark(inputs, out, columns, max_page_mb, seed, representation, master, stance_reader)
        _summarise(counts, out)
        console.print(f"report: [bold]{path}[/bold]")
        raise typer.Exit(_exit_code(counts))
    with RunLock(out), _progress() as progress:
        if comments:
            from replyscope.ingest.comment_export import CommentColumns

            comment_columns = CommentColumns(
                comment=comment_col or text_col, article=article_col or id_col, article_url=article_url_col or url_col,
                article_title=article_title_col or title_col, article_text=article_text_col, author=author_col, time=time_col,
                comment_id=comment_id_col, parent=parent_col, site=site_col,
            )
            counts = _read_comments(inputs, out, comment_columns, progress)
        else:
            counts = _split(inputs, out, workers, columns, max_page_mb, progress, reuse=True, page_cpu_seconds=page_cpu_seconds)
        _analyze(out, seed, representation, progress, reuse=True, stance_reader=stance_reader, workers=workers)
        _across(out, progress, reuse=True)
        path = _report(out, progress, reuse=True)
    _summarise(counts, out)
    if not comments:
        _comment_export_hint(inputs, counts)
    console.print(f"report: [bold]{path}[/bold]")
    raise typer.Exit(_exit_code(counts))


@eval_app.command("split")
def eval_split(gold: Annotated[Path, typer.Argument(help="JSONL (or .jsonl.gz) with id, text or html, gold_body, gold_comments.")], limit: Limit = None, json_out: JsonOut = False) -> None:
    """Token precision/recall/F1 of comments and body against a gold split (Dragnet-style)."""
    from replyscope.evaluate.split_eval import run as run_eval

    _check_gold_jsonl(gold, ("text|html", "gold_body", "gold_comments"))
    run_eval(gold, limit=limit, json_out=json_out)


def _check_gold_jsonl(path: Path, needed: tuple[str, ...]) -> None:
    """A gold file must be JSON lines whose rows carry `needed`: say so before scoring nothing."""
    if not path.is_file():
        raise UsageError(f"no such gold file: {path}")
    opener = gzip.open if path.name.endswith(".gz") else open  # the Dragnet HTML gold is gzipped
    try:
        with opener(path, "rb") as handle:
            first = next((line for line in handle if line.strip()), b"")
    except (OSError, EOFError) as exc:  # a .gz that is not gzip, or cut short
        raise UsageError(f"{path} cannot be read: {exc}") from exc
    try:
        row = json.loads(first)
    except ValueError:
        row = None
    if not isinstance(row, dict):
        raise UsageError(f"{path} is not JSON lines: expected one object a line with {', '.join(needed)}")
    # "text|html": either column will do (a page as text, or as the HTML that was crawled)
    missing = [name for name in needed if not any(n in row for n in name.split("|"))]
    if missing:
        raise UsageError(f"{path} has no {', '.join(missing)}: its rows have {sorted(row)}; expected {', '.join(needed)}")


@eval_app.command("stance")
def eval_stance(
    path: Annotated[Path, typer.Argument(help="CSV shaped target,text,stance (or, with --pages, a threads JSONL).")],
    json_out: JsonOut = False,
    seed: Seed = 0,
    limit: Limit = None,
    pages: Annotated[bool, typer.Option("--pages", help="PATH is a threads JSONL: lay threads out as pages and score through split + analyze.")] = False,
    fit_on: Annotated[Optional[Path], typer.Option("--fit-on", help="Also fit readers on 50/200/500/all labels of this CSV and score them on PATH (a learning curve).")] = None,
) -> None:
    """Cluster agreement with gold stance (NMI/ARI/purity) and per-comment stance F1, beside a BERTopic-style baseline."""
    from replyscope.evaluate.stance_eval import run as run_eval
    from replyscope.evaluate.stance_eval import run_pages

    if fit_on is not None:
        from replyscope.evaluate.stance_eval import learning_curve

        learning_curve(fit_on, path, json_out=json_out, seed=seed, limit=limit)
    elif pages:
        run_pages(path, json_out=json_out, seed=seed, limit=limit)
    else:
        run_eval(path, json_out=json_out, seed=seed, limit=limit)


def _check_stance_reader(reader: str) -> None:
    kind, _, where = reader.partition(":")
    if reader in ("zero-shot", "zeroshot"):
        return
    if kind == "fitted" and where:
        if not Path(where).is_file():
            raise typer.BadParameter(f"no fitted stance model at {where} (write one with `replyscope stance fit`)", param_hint="--stance-reader")
        return
    if kind == "nli":
        from replyscope.analyze.stance.nli import model_dir

        try:
            model_dir(reader)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--stance-reader") from None
        return
    raise typer.BadParameter(f"unknown stance reader {reader!r}: use 'zero-shot', 'fitted:MODEL' or 'nli:DIR'", param_hint="--stance-reader")


stance_app = typer.Typer(help="Stance readers: fit one on your own labels.", no_args_is_help=True)
app.add_typer(stance_app, name="stance")


@stance_app.command("fit")
def stance_fit(
    labels: Annotated[Path, typer.Argument(help="CSV shaped target,text,stance (target = the article or source text); optional comment_id,parent_id,depth place replies in their threads, and rows with an empty stance are thread context; other columns ignored.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Model file to write (use it with --stance-reader fitted:MODEL).")],
    seed: Seed = 0,
) -> None:
    """Fit a light stance reader (logistic regression on embeddings and the zero-shot reading) on your labels."""
    from replyscope.analyze.stance import fitted
    from replyscope.evaluate.stance_eval import read_stance_set

    frame = read_stance_set(labels, unlabelled=True)
    reader = fitted.fit(frame, seed=seed)
    fitted.save(reader, out)
    console.print(f"fitted on {reader['n']} labels ({', '.join(reader['classes'])}): [bold]{out}[/bold]")
    # Say what the labels changed: a reader that keeps the zero-shot reading must not pass for a
    # trained one.
    cv = reader.get("cv_macro_f1") or {}
    if cv.get("zero_shot") is None:
        console.print("too few labels of some stance to cross-validate: the model keeps the zero-shot reading")
    elif reader["zero_shot_share"] >= fitted.ZERO_SHOT:
        console.print(f"cross-validated on your labels (folds by thread), no mix beat the zero-shot reading (macro-F1 {cv['zero_shot']:.3f}) "
                      "by more than its fold-to-fold spread: the model keeps the zero-shot reading")
    else:
        console.print(f"cross-validated on your labels: macro-F1 {cv['kept']:.3f} with {1 - reader['zero_shot_share']:.0%} of the fitted "
                      f"reading, {cv['zero_shot']:.3f} for the zero-shot reading alone")


@eval_app.command("rhetoric")
def eval_rhetoric(path: Annotated[Path, typer.Argument(help="CSV with a text column and 0/1 persuasion-technique columns.")], json_out: JsonOut = False, limit: Limit = None) -> None:
    """Rhetoric tags against persuasion-technique labels: per-technique P/R/F1 and micro-F1."""
    from replyscope.evaluate.rhetoric_eval import run as run_eval

    run_eval(path, json_out=json_out, limit=limit)


@bench_app.command("split")
def bench_split(
    path: Annotated[Optional[Path], typer.Argument(help="JSONL of pages (default: the Dragnet raw dev split; with --html its HTML).")] = None,
    repeat: int = 3,
    html: Annotated[bool, typer.Option("--html", help="Split crawled HTML (rows with `html`, gold_body, gold_comments) beside trafilatura.")] = False,
    limit: Limit = None,
) -> None:
    """Split MB/s on one core, beside one compiled-regex pass over the same text (with --html: beside trafilatura)."""
    from replyscope.bench.split_bench import run as run_bench
    from replyscope.bench.split_bench import run_html

    if html:
        run_html(path, limit=limit)
    else:
        run_bench(path, repeat=repeat)


@bench_app.command("ingest")
def bench_ingest(
    path: Annotated[Optional[Path], typer.Argument(help="JSONL of pages (default: the Dragnet raw dev split).")] = None,
    scales: Annotated[str, typer.Option(help="Comma-separated corpus multiples.")] = "1,4",
    workers: Workers = 1,
    repeat: Annotated[int, typer.Option(help="Runs per size; the best is shown.")] = 3,
) -> None:
    """The whole `replyscope split` process (start and imports included) at growing corpus sizes: MB/s of
    page text beside a regex pass in the same run, and peak memory (should stay flat)."""
    from replyscope.bench.ingest_bench import run as run_bench

    run_bench(path, scales=tuple(int(s) for s in scales.split(",") if s.strip()), workers=workers, repeat=repeat)


@bench_app.command("analyze")
def bench_analyze(n: int = 100_000, baseline_n: int = 5_000, seed: Seed = 0) -> None:
    """Analyze N comments with the default representation, beside a BERTopic-style baseline."""
    from replyscope.bench.analyze_bench import run as run_bench

    run_bench(n=n, baseline_n=baseline_n, seed=seed)


@bench_app.command("embed")
def bench_embed(
    n: int = 5_000,
    representations: Annotated[str, typer.Option(help="Comma-separated representation names.")] = "tfidf,minilm-static,minilm-distilled,minilm",
) -> None:
    """Comments/s of each representation on the same N comments (one process, one core's share)."""
    from replyscope.bench.analyze_bench import run_embed

    run_embed(n=n, names=[r.strip() for r in representations.split(",") if r.strip()])


models_app = typer.Typer(help="Model files the project builds from installed packages.", no_args_is_help=True)
app.add_typer(models_app, name="models")


@models_app.command("build")
def models_build() -> None:
    """Build the static MiniLM distillation (the default representation) into the cache now,
    instead of on the first analyze."""
    import time

    from replyscope.analyze.embed import distilled

    from replyscope.analyze.embed.minilm import MiniLMUnavailable

    started = time.perf_counter()
    try:
        path = distilled.ensure_table()
    except MiniLMUnavailable as exc:
        raise _fail(str(exc), 1) from None
    typer.echo(f"static MiniLM distillation ready: {path} ({time.perf_counter() - started:.1f} s)")


@app.command("compile")
def compile_split(
    force: Annotated[bool, typer.Option("--force", help="Rebuild even when a build for these sources exists.")] = False,
    check: Annotated[bool, typer.Option("--check", help="Only say which split runs here (compiled or pure) and where its build is.")] = False,
) -> None:
    """Compile the splitter with mypyc into the cache (pip install 'replyscope[fast]', a C compiler and
    Python's headers; a few minutes, once per version of the split's sources). The split then runs
    compiled; without a build, or with REPLYSCOPE_PURE_PYTHON=1, it runs as Python (same output).
    Also keeps the bytecode of replyscope's own modules in the cache, read at each start where
    Python writes none (PYTHONDONTWRITEBYTECODE), for each module whose source is unchanged."""
    from replyscope import compiled

    key = compiled.build_key()
    if check:
        build = compiled.compiled_root() / key
        state = "built" if compiled._complete(build) is not None else "not built"
        typer.echo(f"split engine: {compiled.split_engine()}; build for these sources ({state}): {build}")
        return
    # (the bytecode of replyscope's own modules first: it needs no compiler, see compiled.write_bytecode)
    typer.echo(f"bytecode of {compiled.write_bytecode()} modules kept in {compiled.bytecode_root()}")
    try:
        path = compiled.build(force=force, log=typer.echo)
    except compiled.CompileUnavailable as exc:
        raise _fail(f"cannot compile the split here: {exc}", 1) from None
    except compiled.CompileFailed as exc:
        raise _fail(f"compiling the split failed: {exc}", 1) from None
    typer.echo(f"the split runs compiled from {path}" if not compiled.pure_forced() else f"built {path} (unused while {compiled.PURE_ENV} is set)")


@bench_app.command("across")
def bench_across(
    comments: Annotated[str, typer.Option("--comments", help="Comma-separated comment counts.")] = "100000",
    job_sample: Annotated[int, typer.Option("--job-sample", min=0, help="Also time analyze on this many comments, scaled to N, to estimate the whole job (0: skip).")] = 0,
    seed: Seed = 0,
) -> None:
    """Campaign detection (and the whole across stage) at N comments, beside a Polars scan of the same comments."""
    from replyscope.bench.across_bench import run as run_bench

    run_bench(tuple(int(s) for s in comments.split(",") if s.strip()), seed=seed, job_sample=job_sample)


@eval_app.command("campaigns")
def eval_campaigns(
    threshold: Annotated[Optional[float], typer.Option(help="Similarity threshold to try (default: the stage's).")] = None,
    json_out: JsonOut = False,
) -> None:
    """Injected copy-paste families among real comments (two hash halves): families found and false campaigns."""
    from replyscope.evaluate.campaign_eval import run as run_eval

    run_eval(threshold=threshold, json_out=json_out)
@bench_app.command("run")
def bench_run(
    comments: Annotated[str, typer.Option("--comments", help="Comma-separated comment counts (1000000 is the big one).")] = "10000,100000",
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=1, help="Split workers (default: the run's default).")] = None,
    keep: Annotated[Optional[Path], typer.Option("--keep", help="Write pages and run directories here and keep them.")] = None,
    seed: Seed = 0,
) -> None:
    """The whole job (split, analyze, report) on generated seed-style pages: wall, comments/s, peak RSS per stage."""
    from replyscope.bench.run_bench import run as run_bench

    run_bench(tuple(int(s) for s in comments.split(",") if s.strip()), seed=seed, workers=workers, keep=keep)


@bench_app.command("report")
def bench_report(sizes: Annotated[str, typer.Option(help="Comma-separated comment counts.")] = "1000,10000,100000") -> None:
    """Report build time, file size and first render in headless Chromium per size."""
    from replyscope.bench.report_bench import run as run_bench

    run_bench(tuple(int(s) for s in sizes.split(",") if s.strip()))


def main() -> None:
    """`python -m replyscope` and the `replyscope` script: the CLI, whose process then ends
    without the interpreter's teardown where nothing can be lost that way (process_exit.leave:
    after a split of the 966 Dragnet dev pages, gc_pace.retire's collection and then freeing every
    object one by one cost ~13 ms of CPU, ~1% of the whole process)."""
    from replyscope.process_exit import leave  # noqa: PLC0415

    try:
        app(prog_name="replyscope")
    except SystemExit as exc:  # (typer's app always ends so, with the command's code)
        # (an error while leaving must not replace the command's own code: the ordinary exit then)
        with contextlib.suppress(Exception):
            leave(exc.code, teardown_only=(_gc_pace.retire,))
        raise
