"""Benchmark: the whole job (`replyscope run`: split, analyze, report) at growing corpus sizes.

`replyscope bench run --comments 10000,100000[,1000000]` writes seed-style pages (a short article,
then `  • Name` and the indented comment, 20 comments a page, like data/001_*.txt) holding N
comments, runs the whole job on them in a fresh process per size, and prints per stage: seconds,
comments/s, peak RSS of the main process and of the split workers (read from the run's
manifest), the share of the generated comments the split found, and each stage's time as a
multiple of a baseline measured in the same run on the same file: one Polars scan that counts
the comments (read + decode + one regex pass, the floor any pipeline over these pages pays).

Comment texts are real when ../shared/corpora is beside the checkout (the same texts
`bench analyze` uses, read at run time, never stored, varied so repeats differ); otherwise they
are generated here from sentence parts this project wrote. The output says which.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import polars as pl

from replyscope.rundir import read_manifest

PER_PAGE = 20
DEFAULT_SIZES = (10_000, 100_000)

_FIRST = ("Anna", "Ben", "Carla", "Dev", "Erik", "Fatima", "Greg", "Hana", "Ivan", "Jo", "Kwame", "Lena",
          "Marco", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tomasz", "Uma", "Victor", "Wen", "Yusuf")
_LAST = ("", "", " K.", " Miller", " Okafor", " Lindqvist", " Tanaka", " Rossi", " Haddad", " Novak", "1987", "_NYC")

# Generated comments: claims, questions and reactions in this project's own words. Parts combine
# into ~50k distinct sentences; two or three sentences make a comment.
_SUBJECTS = ("The council", "The minister", "This paper", "The new tax", "The mayor", "The bridge plan",
             "The police chief", "The school board", "These experts", "The government", "The company",
             "The report", "My landlord", "The union", "The opposition", "Nobody here")
_VERBS = ("is lying about", "got it right on", "should explain", "never mentions", "is hiding",
          "finally admits", "keeps ignoring", "deserves credit for", "is wrong about", "has no idea about",
          "will never fix", "quietly changed")
_OBJECTS = ("the budget", "the real numbers", "who pays for it", "the water supply", "rent prices",
            "the evidence", "last year's promise", "the traffic", "the pension fund", "our kids' future",
            "the hospital queue", "the bus routes", "the trial", "the climate targets", "the vote count")
_QUESTIONS = ("Where is the proof?", "Why does nobody ask about {o}?", "Who signed off on {o}?",
              "Did anyone read the actual report?", "How is this news?", "What about {o}?")
_REACTIONS = ("Typical.", "Good job, for once.", "Same as last time.", "Vote them out.", "I saw it myself.",
              "Maybe, maybe not.", "Thank you for writing this.", "Sad but true.", "Spot on.",
              "This is exactly what I said in 2019.", "Unbelievable.", "Fair point, {n}.")

_ARTICLE = (
    "{title}\n\n"
    "City officials said on Tuesday that the plan would go ahead after months of debate. "
    "Critics argued the numbers did not add up, while supporters pointed to last year's results.\n\n"
    "\"We listened to residents,\" a spokesperson said. A final vote is expected next month.\n\n"
)
_TITLES = ("Council approves budget after long night", "New bridge toll announced", "Study questions climate targets",
           "Election debate recap", "Court rules on housing law", "Opinion: what the hospital queue tells us")


def _generated_comment(rng: np.random.Generator) -> str:
    pick = lambda options: options[int(rng.integers(0, len(options)))]  # noqa: E731
    sentences = [f"{pick(_SUBJECTS)} {pick(_VERBS)} {pick(_OBJECTS)}."]
    for _ in range(int(rng.integers(1, 3))):
        template = pick(_QUESTIONS) if rng.random() < 0.4 else pick(_REACTIONS)
        sentences.append(template.format(o=pick(_OBJECTS), n=pick(_FIRST)))
    if rng.random() < 0.3:
        sentences.reverse()
    return " ".join(sentences)


def comment_texts(n: int, *, seed: int = 0) -> tuple[list[str], str]:
    """`n` one-line comment texts and where they came from."""
    from replyscope.bench import corpora_note  # noqa: PLC0415
    from replyscope.bench.analyze_bench import _CLOSERS, _OPENERS, _real_texts  # noqa: PLC0415

    rng = np.random.default_rng(seed)
    base = _real_texts()
    if not base:
        return [_generated_comment(rng) for _ in range(n)], f"generated text: project-written sentences ({corpora_note()})"
    base = [" ".join(t.split()) for t in base]  # one line each, as the seed page's comments are
    base = [t for t in base if t]
    order = rng.permutation(len(base))
    texts = []
    for i in range(n):
        text = base[order[i % len(base)]]
        if i >= len(base):  # first pass verbatim, then varied so repeats are not identical
            text = _OPENERS[int(rng.integers(0, len(_OPENERS)))] + text + _CLOSERS[int(rng.integers(0, len(_CLOSERS)))]
        texts.append(text)
    return texts, f"real text: {len(base):,} SFU comments + SemEval-2016 tweets from ../shared, repeated with variation"


def write_pages(n_comments: int, path: Path, *, seed: int = 0) -> tuple[int, str]:
    """Seed-style pages holding `n_comments` comments, one page a JSONL row; returns (pages, source)."""
    texts, source = comment_texts(n_comments, seed=seed)
    rng = np.random.default_rng(seed + 1)
    pages = 0
    with path.open("w", encoding="utf-8") as out:
        for start in range(0, n_comments, PER_PAGE):
            parts = [_ARTICLE.format(title=_TITLES[pages % len(_TITLES)])]
            for text in texts[start : start + PER_PAGE]:
                name = _FIRST[int(rng.integers(0, len(_FIRST)))] + _LAST[int(rng.integers(0, len(_LAST)))]
                parts.append(f"  \u2022 {name}\n\n    {text}\n\n")
            out.write(json.dumps({"id": f"bench-{pages:07d}", "text": "".join(parts)}, ensure_ascii=False) + "\n")
            pages += 1
    return pages, source


def baseline_seconds(path: Path) -> tuple[float, int]:
    """One Polars scan of the pages counting the comment markers: (seconds, comments counted)."""
    started = time.perf_counter()
    count = (
        pl.scan_ndjson(path, schema={"id": pl.String, "text": pl.String})
        .select(pl.col("text").str.count_matches(r"(?m)^  \u2022 ").sum())
        .collect()
        .item()
    )
    return time.perf_counter() - started, int(count)


def _run_job(corpus: Path, run_dir: Path, workers: int | None) -> tuple[float, float]:
    """`replyscope run` in a fresh process: (wall seconds, peak RSS MB of its largest process)."""
    command = [sys.executable, "-m", "replyscope", "run", str(corpus), "--out", str(run_dir)]
    if workers:
        command += ["--workers", str(workers)]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = child.stderr.read() if child.stderr else b""
    # wait4 gives this child's own resource use, not the sum over earlier sizes' children.
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if child.returncode not in (0, 3):  # 3 = some pages not split: still a finished run
        raise RuntimeError(f"replyscope run failed ({child.returncode}):\n{stderr.decode(errors='replace')[-2000:]}")
    return wall, usage.ru_maxrss / 1024


def _stage_rows(manifest: dict, n: int, base_s: float) -> list[dict]:
    timings = manifest.get("timings", {})
    memory = manifest.get("memory", {})
    rows = []
    for stage in ("split", "analyze", "report"):
        seconds = timings.get(stage)
        if seconds is None:
            continue
        rss = dict(memory.get(f"{stage}_peak_rss_mb", {}))
        if stage == "report":
            # The split and the analysis have worker processes; the report has none, and
            # RUSAGE_CHILDREN there repeats the largest earlier worker, which says nothing new.
            rss.pop("workers", None)
        rows.append({
            "stage": stage,
            "seconds": seconds,
            "comments_per_s": round(n / seconds, 1) if seconds else None,
            "x_baseline": round(seconds / base_s, 1) if base_s else None,
            "main_rss_mb": rss.get("main"),
            "workers_rss_mb": rss.get("workers"),
        })
    for step, seconds in manifest.get("analyze_steps", {}).items():
        rows.append({"stage": f"  analyze.{step}", "seconds": seconds,
                     "comments_per_s": round(n / seconds, 1) if seconds else None,
                     "x_baseline": round(seconds / base_s, 1) if base_s else None})
    return rows


def measure(n: int, tmp: Path, *, seed: int = 0, workers: int | None = None) -> dict:
    """Generate pages with `n` comments, time the baseline and the whole job; the figures."""
    corpus = tmp / f"pages-{n}.jsonl"
    pages, source = write_pages(n, corpus, seed=seed)
    base_s, counted = baseline_seconds(corpus)
    run_dir = tmp / f"run-{n}"
    wall, peak = _run_job(corpus, run_dir, workers)
    manifest = read_manifest(run_dir)
    found = manifest.get("counts", {}).get("comments", 0)
    return {
        "comments": n,
        "pages": pages,
        "mb": round(corpus.stat().st_size / 1e6, 1),
        "source": source,
        "baseline_seconds": round(base_s, 3),
        "baseline_counted": counted,
        "wall_seconds": round(wall, 2),
        "comments_per_s": round(n / wall, 1),
        "x_baseline": round(wall / base_s, 1) if base_s else None,
        "peak_rss_mb": round(peak, 1),
        "found": found,
        "found_share": round(found / n, 4) if n else None,
        "stages": _stage_rows(manifest, n, base_s),
    }


def _print(results: list[dict]) -> None:
    from rich.console import Console  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415

    console = Console()
    console.print(f"replyscope bench run: {results[0]['source']}; {PER_PAGE} comments a page")
    console.print("baseline: one Polars scan of the same JSONL counting comment markers (x = stage time / baseline time)")
    for r in results:
        table = Table(title=(f"{r['comments']:,} comments, {r['pages']:,} pages, {r['mb']} MB: wall {r['wall_seconds']} s, "
                             f"{r['comments_per_s']:,} comments/s, peak RSS {r['peak_rss_mb']:,} MB, "
                             f"found {r['found']:,} ({r['found_share']:.1%}); baseline {r['baseline_seconds']} s"))
        for column in ("stage", "seconds", "comments/s", "x baseline", "main RSS MB", "workers RSS MB"):
            table.add_column(column, justify="right" if column != "stage" else "left", no_wrap=True)
        for s in r["stages"]:
            table.add_row(s["stage"], f"{s['seconds']:.2f}", f"{s['comments_per_s']:,}" if s["comments_per_s"] else "-",
                          f"{s['x_baseline']}" if s["x_baseline"] is not None else "-",
                          f"{s['main_rss_mb']:,}" if s.get("main_rss_mb") is not None else "",
                          f"{s['workers_rss_mb']:,}" if s.get("workers_rss_mb") is not None else "")
        console.print(table)
    if len(results) > 1:
        a, b = results[0], results[-1]
        console.print(f"time({b['comments']:,}) / time({a['comments']:,}) = {b['wall_seconds'] / a['wall_seconds']:.1f} "
                      f"for {b['comments'] / a['comments']:.0f}x the comments")


def run(sizes: tuple[int, ...] = DEFAULT_SIZES, *, seed: int = 0, workers: int | None = None, keep: Path | None = None) -> dict:
    """Measure each size; print the tables and one JSON line; return the figures."""
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        tmp = keep or Path(scratch)
        tmp.mkdir(parents=True, exist_ok=True)
        for n in sizes:
            results.append(measure(n, tmp, seed=seed, workers=workers))
    _print(results)
    summary = {"results": results}
    print(json.dumps(summary))
    return summary
