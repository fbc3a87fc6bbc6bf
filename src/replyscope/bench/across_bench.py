"""How much does looking across pages add to a run? `replyscope bench across --comments N`.

For each N: N comments under N/100 pages on 50 sites (text drawn word by word from a vocabulary
with real word frequencies, so common phrases recur as they do in real comments; 0.1% of the
comments are copy-paste families with light edits), written as a run directory. Then, in the same
process:
- baseline: a Polars scan of comments.parquet that lower-cases, splits and counts every comment's
  words (one pass over the same text, the least any text stage does);
- campaign detection alone (find_campaigns), and the whole across stage (syndication, campaigns,
  commenters, tables written);
- optionally (--job-sample K) the analyze stage on K and 2K of the comments, its per-comment cost scaled to N, to
  estimate the whole job and the share campaign detection adds to it (the bar is <= 10%).
Wall and CPU seconds are both printed: on a shared machine wall time says more about the
neighbours than about the code.

The vocabulary is counted from ../shared's SFU and RumourEval comments when present (frequencies
only, at run time) and otherwise generated (Zipf-distributed pseudo-words); the output says which.
"""

from __future__ import annotations

import json
import re
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np
import polars as pl

from replyscope.bench import SHARED_CORPORA, corpora_note

SITES = 50
COMMENTS_PER_PAGE = 100
CAMPAIGN_SHARE = 0.001
FAMILY_SIZE = 20


def vocabulary(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, str]:
    sfu = SHARED_CORPORA / "labeled" / "sfu-constructiveness-toxicity.csv"
    threads = SHARED_CORPORA / "labeled" / "rumoureval2019-sdqc-train-threads.jsonl"
    if sfu.exists() and threads.exists():
        texts = pl.read_csv(sfu, infer_schema=False)["comment"].drop_nulls().to_list()
        for line in threads.read_text(encoding="utf-8").splitlines():
            texts += [r["text"] for r in json.loads(line)["replies"] if r.get("text")]
        counts = Counter(w for t in texts for w in re.findall(r"[\w'’]+|[.,!?]", t))
        words, freq = zip(*counts.most_common())
        return np.array(words, dtype=object), np.array(freq, dtype=np.float64), "word frequencies of ../shared SFU + RumourEval comments"
    ranks = np.arange(1, 20_001)
    letters = np.array(list("etaoinshrdlucmfwypvbgkjqxz"))
    words = np.array(["".join(letters[rng.integers(0, 26, size=int(rng.integers(2, 9)))]) for _ in ranks], dtype=object)
    return words, 1.0 / ranks, f"generated Zipf vocabulary ({corpora_note()})"


def bench_run(n: int, run_dir: Path, seed: int = 0) -> str:
    """Write a run directory (documents, articles, comments) with n comments; returns the text's source."""
    from replyscope.evaluate.campaign_eval import light_edit
    from replyscope.rundir import write_table

    rng = np.random.default_rng(seed)
    words, freq, source = vocabulary(rng)
    p = freq / freq.sum()
    lengths = np.clip(rng.lognormal(3.1, 0.7, size=n).astype(np.int64), 2, 300)  # median ~22 words
    flat = rng.choice(len(words), size=int(lengths.sum()), p=p)
    bounds = np.r_[0, np.cumsum(lengths)]
    texts = [" ".join(words[flat[bounds[i] : bounds[i + 1]]]) for i in range(n)]
    n_pages = max(2, n // COMMENTS_PER_PAGE)
    doc_of = rng.integers(0, n_pages, size=n)
    families = max(1, int(n * CAMPAIGN_SHARE) // FAMILY_SIZE)
    for f in range(families):  # overwrite some comments with edited copies of one text
        base = " ".join(words[rng.choice(len(words), size=30, p=p)])
        for k in rng.choice(n, size=FAMILY_SIZE, replace=False):
            texts[int(k)] = light_edit(base, rng)
    body_words = rng.choice(len(words), size=(n_pages, 300), p=p)
    pages = [f"bench{j:06d}" for j in range(n_pages)]
    documents = pl.DataFrame(
        {
            "doc_id": pages, "source": "bench", "source_id": pages, "url": [f"https://site{j % SITES}.example/{j}" for j in range(n_pages)],
            "site": [f"site{j % SITES}.example" for j in range(n_pages)], "title": pages, "text": "", "n_chars": 0, "encoding": "",
            "status": "ok", "error": "",
        }
    )
    articles = pl.DataFrame({"doc_id": pages, "title": pages, "body": [" ".join(words[row]) for row in body_words], "n_comments": 0})
    base_time = np.datetime64("2024-01-01T00:00:00")
    comments = pl.DataFrame({"doc_id": [pages[d] for d in doc_of], "text": texts, "author": [f"user{a}" for a in rng.integers(0, n // 5 + 1, size=n)]})
    comments = comments.with_row_index("position").with_columns(
        comment_id=pl.format("c{}", "position"), position=pl.col("position").cast(pl.Int32), parent_id=pl.lit(None, pl.String),
        depth=pl.lit(0, pl.Int32), posted_raw=pl.lit(""),
        posted_at=pl.Series((base_time + rng.integers(0, 30 * 86400, size=n).astype("timedelta64[s]")).astype("datetime64[us]")),
        start=pl.lit(0, pl.Int64), end=pl.lit(0, pl.Int64),
    )
    run_dir.mkdir(parents=True, exist_ok=True)
    write_table(run_dir, "documents", documents)
    write_table(run_dir, "articles", articles)
    write_table(run_dir, "comments", comments)
    return source


def scan_baseline(run_dir: Path) -> tuple[float, float]:
    """(wall, cpu) seconds of one lower-case-split-count pass over the comments' text."""
    started, cpu = time.perf_counter(), time.process_time()
    pl.scan_parquet(run_dir / "comments.parquet").select(
        pl.col("text").str.to_lowercase().str.split(" ").list.len().sum()
    ).collect()
    return time.perf_counter() - started, time.process_time() - cpu


def analyze_estimate(run_dir: Path, n: int, sample: int) -> tuple[float, float]:
    """(wall, cpu) seconds analyze would take at n comments: timed on `sample` and on 2 x `sample`
    of them after a warm-up call, so its fixed cost (imports, JIT compiles, loading the encoder) is
    counted once and only the per-comment cost is scaled to n."""
    from replyscope.analyze import AnalyzeSettings, analyze_comments

    comments = pl.read_parquet(run_dir / "comments.parquet")
    articles = pl.read_parquet(run_dir / "articles.parquet")
    analyze_comments(comments.head(min(200, sample)), articles, AnalyzeSettings())  # warm-up: imports, JIT compiles, model load
    timed = []
    for size in (sample, 2 * sample):
        started, cpu = time.perf_counter(), time.process_time()
        analyze_comments(comments.head(size), articles, AnalyzeSettings())
        timed.append((time.perf_counter() - started, time.process_time() - cpu))
    (wall_1, cpu_1), (wall_2, cpu_2) = timed
    per_wall, per_cpu = max(0.0, wall_2 - wall_1) / sample, max(0.0, cpu_2 - cpu_1) / sample
    return wall_1 + per_wall * (n - sample), cpu_1 + per_cpu * (n - sample)


def run(sizes: tuple[int, ...], seed: int = 0, job_sample: int = 0) -> list[dict]:
    from rich.console import Console
    from rich.table import Table

    from replyscope.across.campaigns import find_campaigns
    from replyscope.across.stage import run_across_stage
    from replyscope.pipeline import peak_rss_mb

    console = Console(stderr=True)
    results = []
    table = Table(title="across pages: campaign detection beside a Polars scan of the same comments")
    for column in ("comments", "scan s", "campaigns s (cpu)", "ratio", "across stage s", "campaigns found", "est. job s (cpu)", "campaigns share (cpu)"):
        table.add_column(column, justify="right")
    source = ""
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="replyscope-across-") as tmp:
            run_dir = Path(tmp)
            source = bench_run(n, run_dir, seed)
            scan, scan_cpu = min(scan_baseline(run_dir) for _ in range(2))
            comments = pl.read_parquet(run_dir / "comments.parquet")
            articles = pl.read_parquet(run_dir / "articles.parquet")
            sites = pl.read_parquet(run_dir / "documents.parquet").select("doc_id", "site")
            started, cpu = time.perf_counter(), time.process_time()
            found = find_campaigns(comments, articles, sites)
            campaigns_s, campaigns_cpu = time.perf_counter() - started, time.process_time() - cpu
            del comments
            started, cpu = time.perf_counter(), time.process_time()
            run_across_stage(run_dir)
            stage_s, stage_cpu = time.perf_counter() - started, time.process_time() - cpu
            job = job_cpu = None
            if job_sample:  # the whole job ~ analyze (the dominant stage) + the across stage
                analyze_s, analyze_cpu = analyze_estimate(run_dir, n, job_sample)
                job, job_cpu = analyze_s + stage_s, analyze_cpu + stage_cpu
            result = {
                "comments": n, "scan_s": round(scan, 3), "scan_cpu_s": round(scan_cpu, 3), "campaigns_s": round(campaigns_s, 2),
                "campaigns_cpu_s": round(campaigns_cpu, 2), "ratio_to_scan": round(campaigns_s / scan, 1),
                "across_stage_s": round(stage_s, 2), "across_stage_cpu_s": round(stage_cpu, 2), "campaigns_found": found.stats["campaigns"],
                "candidate_pairs": found.stats["candidate_pairs"], "estimated_job_s": round(job, 1) if job else None,
                "estimated_job_cpu_s": round(job_cpu, 1) if job_cpu else None,
                "campaigns_share_of_job": round(campaigns_s / job, 3) if job else None,
                "campaigns_cpu_share_of_job": round(campaigns_cpu / job_cpu, 3) if job_cpu else None, "peak_rss_mb": peak_rss_mb()["main"],
            }
            results.append(result)
            table.add_row(f"{n:,}", f"{scan:.2f}", f"{campaigns_s:.1f} ({campaigns_cpu:.1f})", f"{result['ratio_to_scan']}x", f"{stage_s:.1f}",
                          str(found.stats["campaigns"]), f"{job:.0f} ({job_cpu:.0f})" if job else "—",
                          f"{100 * campaigns_s / job:.1f}% ({100 * campaigns_cpu / job_cpu:.1f}%)" if job else "—")
    console.print(table)
    console.print(f"text: {source}; expected campaigns per run: about {CAMPAIGN_SHARE:.1%} of comments in families of {FAMILY_SIZE}")
    print(json.dumps({"source": source, "results": results}))
    return results
