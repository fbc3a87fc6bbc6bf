"""The `replyscope` command line: a thin layer that wires the stages to files.

Exit codes: 0 when every input document was read and split; 3 when the batch completed but some
documents were skipped, empty or failed (each is in the manifest with its reason); 2 for usage
errors; 1 when the run itself could not go on.
"""

from __future__ import annotations

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
from replyscope.ingest import ColumnOptions

app = typer.Typer(
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


def _progress() -> Progress:
    return Progress(
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
    )


def _split(inputs: list[Path], out: Path, workers: int, columns: ColumnOptions, max_page_mb: float, progress: Progress) -> dict:
    missing = [p for p in inputs if not p.exists()]
    if missing:
        raise typer.BadParameter(f"no such input: {', '.join(map(str, missing))}", param_hint="INPUT")
    files = pipeline.input_files(inputs)  # walked once, for the bar's size and for the split
    total_bytes = sum(path.stat().st_size for path, _ in files if path.is_file())
    task = progress.add_task("split", total=max(total_bytes, 1), detail="", unit="MB")
    docs_seen = 0

    def advance(n_docs: int, n_bytes: int) -> None:
        nonlocal docs_seen
        docs_seen += n_docs
        progress.update(task, advance=n_bytes, detail=f"{docs_seen:,} pages")

    options = pipeline.SplitOptions(columns=columns, workers=workers, max_page_bytes=int(max_page_mb * 1e6))
    counts = pipeline.run_split(inputs, out, options, on_progress=advance, files=files)
    progress.update(task, completed=max(total_bytes, 1), detail=f"{counts['documents']:,} pages, {counts['comments']:,} comments")
    return counts


def _analyze(run_dir: Path, seed: int, representation: str | None, progress: Progress) -> dict:
    from replyscope.analyze import AnalyzeSettings

    task = progress.add_task("analyze", total=1, detail="stance, rhetoric, clusters")
    kwargs = {"seed": seed} | ({"representation": representation} if representation else {})
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

    counts = pipeline.run_analyze(run_dir, AnalyzeSettings(**kwargs), on_progress=step_progress)
    progress.update(task, completed=1, detail=f"{counts['clusters']} clusters")
    return counts


def _report(run_dir: Path, progress: Progress) -> Path:
    task = progress.add_task("report", total=1, detail="index.html")
    path = pipeline.run_report(run_dir)
    progress.update(task, completed=1, detail=f"{path.stat().st_size / 1e6:.1f} MB")
    return path


def _run_spark(inputs, out: Path, columns: ColumnOptions, max_page_mb: float, seed: int, representation: str | None, master: str | None):
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
    options = pipeline.SplitOptions(columns=columns, max_page_bytes=int(max_page_mb * 1e6))
    try:
        with _progress() as progress:
            task = progress.add_task("split (spark)", total=1, detail=master or "local[2]")
            counts = spark_engine.run_split_spark(inputs, out, options, master=master)
            progress.update(task, completed=1, detail=f"{counts['documents']:,} pages, {counts['comments']:,} comments")
            task = progress.add_task("analyze (spark)", total=1, detail="features on spark, clusters here")
            analyzed = spark_engine.run_analyze_spark(out, AnalyzeSettings(**kwargs), master=master)
            progress.update(task, completed=1, detail=f"{analyzed['clusters']} clusters")
            path = _report(out, progress)
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
    max_page_mb: MaxPageMb = 20.0,
) -> None:
    """Find the article, boilerplate and reader comments in each page."""
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
    engine: Annotated[str, typer.Option("--engine", help="embedded (worker processes, the default) or spark (pip install 'replyscope[spark]', needs Java).")] = "embedded",
    master: Annotated[Optional[str], typer.Option("--master", help="Spark master URL for --engine spark (default local[2]).")] = None,
) -> None:
    """The whole job: split, analyze and report."""
    columns = ColumnOptions(text_col, id_col, url_col, title_col)
    if engine not in ("embedded", "spark"):
        raise typer.BadParameter("choose embedded or spark", param_hint="--engine")
    if engine == "spark":
        counts, path = _run_spark(inputs, out, columns, max_page_mb, seed, representation, master)
        _summarise(counts, out)
        console.print(f"report: [bold]{path}[/bold]")
        raise typer.Exit(_exit_code(counts))
    with _progress() as progress:
        counts = _split(inputs, out, workers, columns, max_page_mb, progress)
        _analyze(out, seed, representation, progress)
        path = _report(out, progress)
    _summarise(counts, out)
    console.print(f"report: [bold]{path}[/bold]")
    raise typer.Exit(_exit_code(counts))


@eval_app.command("split")
def eval_split(gold: Annotated[Path, typer.Argument(help="JSONL with id, text, gold_body, gold_comments.")], limit: Limit = None, json_out: JsonOut = False) -> None:
    """Token precision/recall/F1 of comments and body against a gold split (Dragnet-style)."""
    from replyscope.evaluate.split_eval import run as run_eval

    run_eval(gold, limit=limit, json_out=json_out)


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


