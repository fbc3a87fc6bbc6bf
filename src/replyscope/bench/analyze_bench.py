"""How fast is the analysis stage at 100k comments? `replyscope bench analyze`.

Analyses `n` comments with the default settings (stance, rhetoric, text stats, representation,
clusters, map, descriptions) and, in the same process, runs the BERTopic-style baseline
(MiniLM + UMAP + HDBSCAN, analyze/baseline.py) on the first `baseline_n` of them, printing
comments/s for both and their ratio. The bar is 100k comments in at most 5 minutes on 2 cores.

Comment text is real when ../shared/corpora is beside the checkout (SFU reader comments and
SemEval-2016 tweets, read at run time, never stored), repeated with light variation (an opener,
a closer, a changed case) to reach n, under a few synthetic articles. Otherwise it is generated
here from templates. The output says which.
"""

from __future__ import annotations

import time

import numpy as np
import polars as pl

from replyscope.bench import SHARED_CORPORA, corpora_note
from replyscope.schema import ARTICLES, COMMENTS

SHARED = SHARED_CORPORA / "labeled"
N_ARTICLES = 40
BAR_SECONDS = 300.0

_OPENERS = ("", "", "", "Honestly, ", "Well, ", "So ", "Look, ", "Sorry but ", "Agreed. ", "Hmm. ")
_CLOSERS = ("", "", "", " Just saying.", " Think about it.", "!", " Sad.", " Nothing new.", " Wake up.", " Thanks.")

# Fallback generator: claims and reactions a reader might write, in this project's own words.
_SUBJECTS = ("the council", "the minister", "this paper", "the new tax", "the mayor", "the bridge plan",
             "the police", "the school board", "these experts", "the government", "the company", "the report")
_VERBS = ("is lying about", "got it right on", "should explain", "never mentions", "is hiding", "finally admits",
          "keeps ignoring", "deserves credit for", "is wrong about", "has no idea about")
_OBJECTS = ("the budget", "the real numbers", "who pays for it", "the water supply", "rent prices",
            "the evidence", "last year's promise", "the traffic", "the pension fund", "our kids' future")
_TAILS = ("", " Where is the proof?", " Typical.", " Good job.", " Why does nobody ask?", " Same as last time.",
          " Read the actual report.", " Vote them out.", " I saw it myself.", " Maybe, maybe not.")


def _real_texts() -> list[str] | None:
    sfu = SHARED / "sfu-constructiveness-toxicity.csv"
    semeval = SHARED / "semeval2016-stance.csv"
    if not (sfu.exists() and semeval.exists()):
        return None
    texts = pl.read_csv(sfu, columns=["comment"], infer_schema_length=0)["comment"].to_list()
    texts += pl.read_csv(semeval, columns=["text"], infer_schema_length=0)["text"].to_list()
    return [t for t in texts if t and t.strip()]


def _generated_texts(rng: np.random.Generator, count: int = 3_000) -> list[str]:
    pick = lambda options: options[int(rng.integers(0, len(options)))]  # noqa: E731
    return [f"{pick(_SUBJECTS).capitalize()} {pick(_VERBS)} {pick(_OBJECTS)}.{pick(_TAILS)}" for _ in range(count)]


def bench_comments(n: int, *, seed: int = 0) -> tuple[pl.DataFrame, pl.DataFrame, str]:
    """(comments, articles, source description) with `n` comments under N_ARTICLES articles."""
    rng = np.random.default_rng(seed)
    base = _real_texts()
    source = (
        f"real text: {len(base)} SFU comments + SemEval-2016 tweets from ../shared, repeated with light variation"
        if base
        else f"generated text: template sentences ({corpora_note()})"
    )
    if not base:
        base = _generated_texts(rng)
    order = rng.permutation(len(base))
    texts = []
    for i in range(n):
        text = base[order[i % len(base)]]
        if i >= len(base):  # first pass verbatim; later passes varied so repeats are not identical
            text = _OPENERS[int(rng.integers(0, len(_OPENERS)))] + text + _CLOSERS[int(rng.integers(0, len(_CLOSERS)))]
            if rng.random() < 0.1:
                text = text.lower()
        texts.append(text)
    doc_ids = [f"bench{j:03d}" for j in range(N_ARTICLES)]
    doc_of = np.arange(n) % N_ARTICLES
    position = np.arange(n) // N_ARTICLES
    comments = pl.DataFrame(
        {
            "comment_id": [f"{doc_ids[d]}-{p:04d}" for d, p in zip(doc_of.tolist(), position.tolist())],
            "doc_id": [doc_ids[d] for d in doc_of.tolist()],
            "position": position.astype(np.int32),
            "parent_id": pl.Series([None] * n, dtype=pl.String),
            "depth": np.zeros(n, dtype=np.int32),
            "author": [""] * n,
            "posted_raw": [""] * n,
            "posted_at": pl.Series([None] * n, dtype=pl.Datetime("us")),
            "text": texts,
            "start": np.zeros(n, dtype=np.int64),
            "end": np.array([len(t) for t in texts], dtype=np.int64),
        },
        schema=COMMENTS,
    )
    topics = ("City budget passes after long night", "New bridge toll announced", "Study questions climate targets",
              "Election debate recap", "Court rules on abortion law", "Opinion: faith in public life")
    articles = pl.DataFrame(
        {
            "doc_id": doc_ids,
            "title": [topics[j % len(topics)] for j in range(N_ARTICLES)],
            "body": [f"{topics[j % len(topics)]}. Officials responded to questions from readers." for j in range(N_ARTICLES)],
            "n_comments": [int((doc_of == j).sum()) for j in range(N_ARTICLES)],
        },
        schema=ARTICLES,
    )
    return comments, articles, source


def run(n: int = 100_000, baseline_n: int = 5_000, seed: int = 0) -> dict:
    """Time analyze_comments on n comments and the baseline on the first baseline_n; print both."""
    from replyscope.analyze import AnalyzeSettings, analyze_comments  # noqa: PLC0415
    from replyscope.analyze.cluster.baseline import baseline_clusters  # noqa: PLC0415
    from replyscope.analyze.embed.represent import resolve  # noqa: PLC0415

    comments, articles, source = bench_comments(n, seed=seed)
    # The baseline runs first: MiniLM vectors are memoised per text within a process (embed.cache),
    # so running it after the analysis would let it skip its encoding and look faster than it is.
    texts = comments["text"].head(baseline_n).to_list()
    baseline_repr = resolve("minilm", len(texts))
    started = time.perf_counter()
    labels = baseline_clusters(texts, seed=seed, representation=baseline_repr)
    base_seconds = time.perf_counter() - started

    settings = AnalyzeSettings(seed=seed)
    steps: dict[str, float] = {}
    started = time.perf_counter()
    tables = analyze_comments(comments, articles, settings, timings=steps)
    seconds = time.perf_counter() - started

    ours_rate = n / seconds if seconds else float("inf")
    base_rate = len(texts) / base_seconds if base_seconds else float("inf")
    result = {
        "source": source,
        "n": n,
        "representation": _chosen_representation(settings.representation, n),
        "analyze_seconds": round(seconds, 2),
        "analyze_comments_per_s": round(ours_rate, 1),
        "analyze_steps_seconds": steps,
        "clusters": int(tables.cluster_summary.height),
        # The bar is set at 100k comments; smaller runs are dominated by fixed costs (JIT, loading).
        "within_bar": (seconds <= BAR_SECONDS) if n >= 100_000 else None,
        "baseline": f"BERTopic-style: {baseline_repr} + UMAP(5, cosine) + HDBSCAN(min_cluster_size=10)",
        "baseline_n": len(texts),
        "baseline_seconds": round(base_seconds, 2),
        "baseline_comments_per_s": round(base_rate, 1),
        "baseline_clusters": int(len(set(labels.tolist()) - {-1})),
        "baseline_outlier_share": round(float((labels == -1).mean()), 3) if len(labels) else 0.0,
        "speed_ratio": round(ours_rate / base_rate, 1) if base_rate else None,
    }
    _print(result)
    return result


def _chosen_representation(name: str, n: int) -> str:
    from replyscope.analyze.embed.represent import Auto  # noqa: PLC0415

    return name if name != Auto.name else f"auto -> {Auto.choice(n)}"


def _bar_note(within: bool | None) -> str:
    if within is None:
        return " (the 5 min bar applies at 100k comments)"
    return f" ({'within' if within else 'OVER'} the 5 min / 100k bar)"


def _print(result: dict) -> None:
    print(f"replyscope bench analyze — {result['source']}")
    print(f"  replyscope ({result['representation']}): {result['n']:>7} comments in {result['analyze_seconds']:8.2f} s "
          f"= {result['analyze_comments_per_s']:>9.1f} comments/s, {result['clusters']} clusters"
          + _bar_note(result["within_bar"]))
    print("    steps (s): " + ", ".join(f"{k} {v}" for k, v in result["analyze_steps_seconds"].items()))
    print(f"  baseline ({result['baseline']}): {result['baseline_n']:>7} comments in {result['baseline_seconds']:8.2f} s "
          f"= {result['baseline_comments_per_s']:>9.1f} comments/s, {result['baseline_clusters']} clusters, "
          f"{result['baseline_outlier_share']:.1%} outliers")
    print(f"  ratio: replyscope is {result['speed_ratio']}x the baseline's comments/s"
          " (the baseline, run first, also pays UMAP's one-time JIT compile)")


def run_embed(n: int = 5_000, names: list[str] | None = None, *, seed: int = 0) -> list[dict]:
    """Comments/s of each representation on the same `n` bench comments, as the run feeds them.

    Each is timed on first use in this process after a warm-up on other texts (model files loaded,
    the distilled table built or read), so the number is the steady rate a large run sees; the
    full encoder's per-process vector memo cannot help, as the timed texts are new to it.
    """
    from replyscope.analyze.embed.represent import get_representation, resolve  # noqa: PLC0415

    names = names or ["tfidf", "minilm-static", "minilm-distilled", "minilm"]
    comments, _, source = bench_comments(n + 200, seed=seed)
    texts = comments["text"].to_list()
    warm, timed = texts[:200], texts[200:]
    print(f"replyscope bench embed — {source}; {len(timed)} comments")
    rows = []
    for name in names:
        actual = resolve(name)
        rep = get_representation(actual, seed=seed)
        rep.fit_transform([f"warm-up {t}" for t in warm])
        started, cpu_started = time.perf_counter(), time.process_time()
        vectors = rep.fit_transform(timed)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        # CPU seconds (all threads) beside wall: on a shared machine the wall rate says more about
        # the neighbours than about the encoder.
        row = {"representation": name, "ran": actual, "dims": int(vectors.shape[1]), "seconds": round(seconds, 2),
               "cpu_seconds": round(cpu, 2), "comments_per_s": round(len(timed) / seconds, 1) if seconds else float("inf"),
               "comments_per_cpu_s": round(len(timed) / cpu, 1) if cpu else float("inf")}
        rows.append(row)
        print(f"  {name:<18} ({actual}, {row['dims']} dims): {row['seconds']:8.2f} s = {row['comments_per_s']:>10.1f} comments/s;"
              f" {row['cpu_seconds']:8.2f} CPU s = {row['comments_per_cpu_s']:>10.1f} comments per CPU-second")
    return rows
