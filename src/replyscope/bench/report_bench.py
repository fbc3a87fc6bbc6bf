"""How big and how fast is the report at scale? `replyscope bench report`.

For each size, writes a synthetic run directory (pages with an article body, boilerplate and
Disqus-like comment lists; stance, tags with evidence spans, clusters as blobs on the map), then
measures: build_report time, index.html size, and the time to first render in headless Chromium
(navigation start -> the page's `__replyscopeReady` mark, set once every section and chart is drawn).
The synthetic text is word salad from a fixed vocabulary: its size and shape are what matter here
(comment lengths follow a log-normal like real reader comments: median ~250, mean ~380 characters).
"""

from __future__ import annotations

import json
import math
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
import polars as pl

from replyscope.rundir import write_table
from replyscope.schema import RHETORIC_TAGS, STANCES, TABLES

WORDS = (
    "the council bridge toll budget people city vote plan money tax road year they we you said think "
    "never always really because but and or not just more less new old east west north south mayor "
    "school health police water housing rent price market work family time news report story source"
).split()
COMMENTS_PER_PAGE = 50
N_CLUSTERS = 40
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


def _sentence(rng: np.random.Generator, n_words: int) -> str:
    words = rng.choice(WORDS, size=max(1, n_words))
    return " ".join(words).capitalize() + "."


def _comment(rng: np.random.Generator) -> str:
    """Lengths like real reader comments: median ~250 characters, a long tail past 2,000."""
    n_words = int(np.clip(rng.lognormal(np.log(40), 0.9), 3, 800))
    sentences = []
    while n_words > 0:
        k = min(n_words, int(rng.integers(6, 20)))
        sentences.append(_sentence(rng, k))
        n_words -= k
    return " ".join(sentences)


def synthetic_run(run_dir: Path, n_comments: int, *, seed: int = 0) -> Path:
    """Write a schema-conformant run directory with `n_comments` comments."""
    rng = np.random.default_rng(seed)
    run_dir.mkdir(parents=True, exist_ok=True)
    n_pages = max(1, math.ceil(n_comments / COMMENTS_PER_PAGE))
    docs, segs, arts, comms = [], [], [], []
    made = 0
    for p in range(n_pages):
        did = f"{p:016x}"
        title = _sentence(rng, 8)
        body = "\n\n".join(_sentence(rng, int(rng.integers(20, 60))) for _ in range(int(rng.integers(5, 12))))
        pieces = [(title + "\n\n", "title"), (body + "\n\n", "body"), ("Share this story | Sign up for our newsletter\n\n", "boilerplate")]
        comment_slots = []
        for k in range(min(COMMENTS_PER_PAGE, n_comments - made)):
            pieces.append((f"  • reader{int(rng.integers(0, 5000))}\n\n    ", "comment_header"))
            comment_slots.append(len(pieces))
            pieces.append((_comment(rng), "comment_body"))
            pieces.append(("\n\n    Reply\n\n", "comment_chrome"))
        made += len(comment_slots)
        text, pos, bounds = [], 0, []
        for s_no, (piece, role) in enumerate(pieces):
            segs.append((did, s_no, pos, pos + len(piece), role))
            bounds.append((pos, pos + len(piece)))
            text.append(piece)
            pos += len(piece)
        text = "".join(text)
        docs.append((did, "synthetic", f"page{p}", f"https://site{p % 25}.example.com/story/{p}", f"site{p % 25}.example.com", title, text, len(text), "utf-8", "ok", "", None, None))
        arts.append((did, title, body, len(comment_slots)))
        for pos_no, slot in enumerate(comment_slots):
            start, end = bounds[slot]
            comms.append((f"{did}-{pos_no:04d}", did, pos_no, None, 0, pieces[slot - 1][0].strip(" •\n"), "", None, text[start:end], start, end))
    documents = pl.DataFrame(docs, schema=TABLES["documents"], orient="row")
    segments = pl.DataFrame(segs, schema=TABLES["segments"], orient="row")
    articles = pl.DataFrame(arts, schema=TABLES["articles"], orient="row")
    comments = pl.DataFrame(comms, schema=TABLES["comments"], orient="row")
    n = comments.height
    features, clusters, summary = _synthetic_analysis(comments, rng)
    base = np.datetime64("2025-01-01T00:00")
    comments = comments.with_columns(posted_at=pl.Series((base + rng.integers(0, 525_600, n).astype("timedelta64[m]")).astype("datetime64[us]")))
    for name, frame in [("documents", documents), ("segments", segments), ("articles", articles), ("comments", comments),
                        ("features", features), ("clusters", clusters), ("cluster_summary", summary)]:
        write_table(run_dir, name, frame)
    from replyscope.across.stage import run_across_stage

    run_across_stage(run_dir)  # campaigns, commenters and syndication: their sections are in the report too
    manifest = {"replyscope": "bench", "created": "2026-01-01T00:00:00+00:00", "settings": {"synthetic": True, "n": n},
                "inputs": [{"path": "synthetic", "size": 0, "sha256": ""}], "counts": {"documents": documents.height, "comments": n}}
    (run_dir / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return run_dir


def _synthetic_analysis(comments: pl.DataFrame, rng: np.random.Generator) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    n = comments.height
    cluster = rng.integers(0, N_CLUSTERS, n)
    centres = rng.normal(0, 10, (N_CLUSTERS, 2))
    xy = centres[cluster] + rng.normal(0, 1.2, (n, 2))
    scores = rng.dirichlet(np.ones(4), n)
    stance = np.array(STANCES)[scores.argmax(1)]
    n_words = comments["text"].str.count_matches(r"\S+").to_numpy()
    # One or two tags on ~half of the comments, the cue being the comment's first word.
    first_word = comments["text"].str.extract(r"^(\S+)").str.len_chars().fill_null(1).to_numpy()
    tagged = rng.random(n) < 0.5
    tag_a = np.array(RHETORIC_TAGS)[rng.integers(0, len(RHETORIC_TAGS), n)]
    tags = [[t] if on else [] for t, on in zip(tag_a.tolist(), tagged.tolist(), strict=True)]
    evidence = [[{"tag": t[0], "cue": "", "start": 0, "end": int(w)}] if t else [] for t, w in zip(tags, first_word.tolist(), strict=True)]
    features = pl.DataFrame(
        {"comment_id": comments["comment_id"], "stance": stance, "score_support": scores[:, 0], "score_deny": scores[:, 1],
         "score_query": scores[:, 2], "score_comment": scores[:, 3], "tags": tags, "evidence": evidence,
         "sentiment": rng.uniform(-1, 1, n), "n_chars": comments["text"].str.len_chars(), "n_words": n_words,
         # a side's confidence is its score; its evidence, like a tag's, the comment's first word
         "stance_confidence": scores.max(1),
         "stance_evidence": [[] if s == "comment" else [{"tag": s, "cue": "", "start": 0, "end": int(w)}]
                             for s, w in zip(stance.tolist(), first_word.tolist(), strict=True)]},
        schema_overrides={"evidence": TABLES["features"]["evidence"], "stance_evidence": TABLES["features"]["stance_evidence"]},
    )
    dist = np.linalg.norm(xy - centres[cluster], axis=1)
    clusters = pl.DataFrame({"comment_id": comments["comment_id"], "cluster": cluster, "x": xy[:, 0], "y": xy[:, 1], "exemplar": dist < 0.3})
    summary = (
        clusters.join(features, on="comment_id")
        .group_by("cluster")
        .agg(
            size=pl.len(),
            **{f"share_{s}": (pl.col("stance") == s).mean() for s in STANCES},
            exemplar_ids=pl.col("comment_id").filter("exemplar").head(5),
        )
        .with_columns(
            label=pl.format("Synthetic group {}: budget, toll, council", "cluster"),
            keywords=pl.lit(["budget", "toll", "council", "bridge", "vote"]),
            top_rhetoric=pl.lit(list(RHETORIC_TAGS[:3])),
        )
    )
    return features, clusters, summary


def first_render_seconds(html: Path, *, timeout_s: float = 120) -> dict:
    """Open the report in headless Chromium with the network cut; seconds to first full render."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            started = time.perf_counter()
            page.goto(html.resolve().as_uri(), timeout=timeout_s * 1000)
            page.wait_for_function("window.__replyscopeReady", timeout=timeout_s * 1000)
            wall = time.perf_counter() - started
            ready_ms = page.evaluate("window.__replyscopeReady")
            content_ms = page.evaluate("window.__replyscopeContent")
            steps = page.evaluate("window.replyscope.times")
            points = page.evaluate("document.getElementById('map-plot').data.reduce((s, t) => s + t.x.length, 0)")
            heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : null")
        finally:
            browser.close()
    return {"first_render_s": round(content_ms / 1000, 3), "charts_ready_s": round(ready_ms / 1000, 3),
            "steps_ms": {k: round(v) for k, v in steps.items()}, "wall_s": round(wall, 3), "map_points": points, "js_heap_mb": heap and round(heap / 2**20, 1), "page_errors": errors}


def run(sizes: tuple[int, ...] = (1_000, 10_000, 100_000), *, browser: bool = True, keep: Path | None = None) -> dict:
    """Build the report for synthetic runs of each size; print and return the measurements."""
    from replyscope.report import build_report

    results = {}
    root = Path(tempfile.mkdtemp(prefix="replyscope-report-bench-")) if keep is None else keep
    try:
        for n in sizes:
            run_dir = synthetic_run(root / f"run-{n}", n)
            started = time.perf_counter()
            html = build_report(run_dir)
            row = {"build_s": round(time.perf_counter() - started, 3), "size_mb": round(html.stat().st_size / 2**20, 2)}
            if browser and Path(CHROMIUM).exists():
                row.update(first_render_seconds(html))
            results[n] = row
            print(f"{n:>8,} comments  build {row['build_s']:6.2f} s  file {row['size_mb']:6.2f} MiB"
                  + (f"  first render {row['first_render_s']:5.2f} s, charts {row['charts_ready_s']:5.2f} s ({row['map_points']:,} map points)" if "first_render_s" in row else "  (no browser)"),
                  flush=True)
    finally:
        if keep is None:
            shutil.rmtree(root, ignore_errors=True)
    return results
