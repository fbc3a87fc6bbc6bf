"""Score replyscope's stance and clusters against a labelled stance set (`target,text,stance`).

Each target is read as the "article" its texts reply to (title = body = the target string: no gold
information goes in). Per target, and weighted over targets by size:

- clusters (replyscope.analyze.analyze_comments, one clustering per target) against gold stance:
  NMI, ARI, purity; the same for the BERTopic-style baseline (analyze.cluster.baseline.baseline_clusters)
  run in the same command on the same texts;
- per-comment stance: macro-F1 over the gold classes and SemEval-2016's F_avg = (F_support +
  F_deny) / 2;
- the majority-class share, the floor any grouping must clear on purity.

Gold stances are replyscope's four (support / deny / query / comment, as in RumourEval-style reply
sets) or SemEval-2016's three, under either set of names (FAVOR / AGAINST / NONE are read as
support / deny / comment). For F_avg a predicted "query" is simply neither support nor deny. For
macro-F1 over the gold classes, a set with no "query" in its gold is three-way, and a predicted
query counts there as "comment" (a question that takes no side is, in a three-way scheme, a
comment); a set whose gold has queries scores all four classes.

A four-class set (or any set with a `thread_id` column) is also scored pooled over all its
replies, as RumourEval scores it: per-class precision / recall / F1, macro-F1 and accuracy beside
the majority-class answer, and the share labelled deny beside the gold share. Every run prints a
reliability table: comments binned by their stance confidence, with the share of each bin whose
stance is right, so a 0.8 can be checked to mean "right about 80% of the time".

`run_pages(threads.jsonl)` scores through the product path instead: each thread is laid out as
a comment-section page (evaluate.thread_pages), split and analysed as `replyscope run` would,
and the comments found are matched back to the gold replies.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import polars as pl

GOLD_STANCES = ("support", "deny", "query", "comment")
# SemEval-2016's own label names, read as replyscope's.
STANCE_ALIASES = {"favor": "support", "against": "deny", "none": "comment"}


def purity(gold: np.ndarray, labels: np.ndarray) -> float:
    """Share of items whose cluster's majority gold class is their own (outliers -1 form a group)."""
    from sklearn.metrics.cluster import contingency_matrix  # noqa: PLC0415

    if len(gold) == 0:
        return 0.0
    table = contingency_matrix(gold, labels)
    return float(table.max(axis=0).sum() / table.sum())


def cluster_scores(gold: np.ndarray, labels: np.ndarray) -> dict[str, float]:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score  # noqa: PLC0415

    return {
        "nmi": float(normalized_mutual_info_score(gold, labels)),
        "ari": float(adjusted_rand_score(gold, labels)),
        "purity": purity(gold, labels),
    }


def stance_scores(gold: np.ndarray, predicted: np.ndarray, *, four_way: bool | None = None) -> dict[str, float]:
    """macro-F1 and F_avg. `four_way`: score "query" as a class (default: when this gold has one).
    A multi-target set decides it once for all its targets (see run), so every target is scored
    in the same scheme even where a target's own gold happens to hold no query."""
    from sklearn.metrics import f1_score  # noqa: PLC0415

    # F_avg: SemEval-2016's measure; a predicted "query" is neither support nor deny.
    f_sup, f_deny = f1_score(gold, predicted, labels=["support", "deny"], average=None, zero_division=0)
    # Macro-F1 over the gold's scheme: without gold queries it is three-way, and a predicted
    # "query" counts as "comment" there.
    four_way = bool(np.any(gold == "query")) if four_way is None else four_way
    scheme = list(GOLD_STANCES) if four_way else [s for s in GOLD_STANCES if s != "query"]
    as_gold = predicted if four_way else np.where(predicted == "query", "comment", predicted)
    # A class neither in the gold nor predicted here has no F1 to speak of: it is left out, not
    # counted as 0 (a thread nobody questions is not a failure at reading questions).
    labels = [c for c in scheme if np.any(gold == c) or np.any(as_gold == c)]
    macro = f1_score(gold, as_gold, labels=labels, average="macro", zero_division=0)
    return {"stance_macro_f1": float(macro), "f_avg": float((f_sup + f_deny) / 2)}


def pooled_scores(gold: np.ndarray, predicted: np.ndarray, confidence: np.ndarray | None = None) -> dict:
    """Scores over all replies at once: per-class P/R/F1, macro-F1, accuracy, deny shares,
    the majority-class answer's macro-F1 and accuracy, and (with confidence) the reliability bins."""
    from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support  # noqa: PLC0415

    four_way = bool(np.any(gold == "query"))
    scheme = [c for c in GOLD_STANCES if four_way or c != "query"]
    as_gold = predicted if four_way else np.where(predicted == "query", "comment", predicted)
    p, r, f, support = precision_recall_fscore_support(gold, as_gold, labels=scheme, zero_division=0)
    values, counts = np.unique(gold, return_counts=True)
    majority = values[np.argmax(counts)] if len(values) else "comment"
    always = np.full(len(gold), majority)
    out = {
        "n": int(len(gold)),
        "classes": {c: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]), "n": int(support[i])} for i, c in enumerate(scheme)},
        "macro_f1": float(f1_score(gold, as_gold, labels=scheme, average="macro", zero_division=0)),
        "accuracy": float(accuracy_score(gold, as_gold)) if len(gold) else 0.0,
        "f_avg": float(np.mean(f[[scheme.index("support"), scheme.index("deny")]])),
        "deny_share": float(np.mean(predicted == "deny")) if len(gold) else 0.0,
        "gold_deny_share": float(np.mean(gold == "deny")) if len(gold) else 0.0,
        "majority_class": str(majority),
        "majority_macro_f1": float(f1_score(gold, always, labels=scheme, average="macro", zero_division=0)),
        "majority_accuracy": float(np.mean(gold == majority)) if len(gold) else 0.0,
    }
    if confidence is not None:
        out["reliability"] = reliability(gold, as_gold, confidence)
    return out


RELIABILITY_EDGES = (0.0, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)


def reliability(gold: np.ndarray, predicted: np.ndarray, confidence: np.ndarray) -> list[dict]:
    """Comments binned by confidence: per bin its count, mean confidence and share right."""
    rows = []
    confidence = np.nan_to_num(np.asarray(confidence, dtype=float), nan=0.0)
    for lo, hi in zip(RELIABILITY_EDGES[:-1], RELIABILITY_EDGES[1:]):
        inside = (confidence >= lo) & (confidence < hi)
        if inside.any():
            rows.append({"bin": f"{lo:.1f}-{min(hi, 1.0):.1f}", "n": int(inside.sum()),
                         "confidence": float(confidence[inside].mean()), "right": float(np.mean(gold[inside] == predicted[inside]))})
    return rows


def print_pooled(pooled: dict, title: str) -> None:
    from rich.console import Console  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415

    console = Console(width=max(Console().width, 110))
    table = Table(title=f"{title}: pooled over {pooled['n']} replies")
    for col in ("class", "n", "precision", "recall", "F1"):
        table.add_column(col, justify="left" if col == "class" else "right")
    for name, c in pooled["classes"].items():
        table.add_row(name, str(c["n"]), f"{c['precision']:.3f}", f"{c['recall']:.3f}", f"{c['f1']:.3f}")
    table.add_row("macro-F1", "", "", "", f"{pooled['macro_f1']:.3f}", style="bold")
    console.print(table)
    console.print(
        f"accuracy {pooled['accuracy']:.3f}; F_avg {pooled['f_avg']:.3f}; deny share {pooled['deny_share']:.3f} "
        f"(gold {pooled['gold_deny_share']:.3f}); always '{pooled['majority_class']}': macro-F1 "
        f"{pooled['majority_macro_f1']:.3f}, accuracy {pooled['majority_accuracy']:.3f}"
    )
    if pooled.get("reliability"):
        rel = Table(title="reliability: share right by stance confidence")
        for col in ("confidence", "n", "mean confidence", "right"):
            rel.add_column(col, justify="right")
        for row in pooled["reliability"]:
            rel.add_row(row["bin"], str(row["n"]), f"{row['confidence']:.3f}", f"{row['right']:.3f}")
        console.print(rel)


def read_stance_set(path: Path, limit: int | None = None, seed: int = 0, *, unlabelled: bool = False) -> pl.DataFrame:
    """The labelled set as [target, text, stance] (and thread_id, comment_id, parent_id, depth
    when the file has them); with `limit`, a seeded sample per target. With `unlabelled`, rows
    with an empty stance are kept (stance null): thread context for a fitted reader."""
    from replyscope.analyze.stance.fitted import THREAD_COLUMNS  # noqa: PLC0415

    header = pl.read_csv(path, n_rows=0, infer_schema=False).columns
    wanted = ["target", "text", "stance"] + [c for c in ("thread_id", *THREAD_COLUMNS) if c in header]
    frame = pl.read_csv(path, columns=wanted, infer_schema=False).with_columns(
        pl.col("text").fill_null(""),
        pl.col("stance").str.to_lowercase().str.strip_chars().replace(STANCE_ALIASES),
    )
    if unlabelled:
        frame = frame.with_columns(pl.when(pl.col("stance") != "").then(pl.col("stance")).alias("stance"))
    known = pl.col("stance").is_in(list(GOLD_STANCES)).fill_null(False)
    bad = frame.filter(~known & (pl.col("stance").is_not_null() | pl.lit(not unlabelled)))
    if bad.height:
        raise ValueError(f"{path}: stance must be one of {GOLD_STANCES} (or {tuple(STANCE_ALIASES)}); got {bad['stance'].unique().to_list()[:5]}")
    if limit is not None:
        frame = (
            frame.with_row_index("_i")
            .filter(pl.int_range(pl.len()).shuffle(seed=seed).over("target") < limit)
            .sort("_i")
            .drop("_i")
        )
    return frame


def evaluate_target(
    target: str, texts: list[str], gold: np.ndarray, *, seed: int = 0, four_way: bool | None = None, thread: pl.DataFrame | None = None
) -> dict:
    """Scores for one target's texts (replyscope clusters + stance, baseline clusters).

    `thread`: comment_id, parent_id, depth per text (fitted.frames of the set's thread columns),
    so a reply to a reply is read in its thread as a run reads it; without it every text is a
    direct reply to the target."""
    from replyscope.analyze import AnalyzeSettings, analyze_comments  # noqa: PLC0415
    from replyscope.analyze.cluster.baseline import baseline_clusters  # noqa: PLC0415

    doc_id = "target"
    if thread is None:
        thread = pl.DataFrame({"comment_id": [f"{doc_id}-{i:06d}" for i in range(len(texts))],
                               "parent_id": [None] * len(texts), "depth": [0] * len(texts)}, schema_overrides={"parent_id": pl.String})
    comments = pl.DataFrame(
        {
            "comment_id": thread["comment_id"].to_list(),
            "doc_id": [doc_id] * len(texts),
            "position": list(range(len(texts))),
            "parent_id": thread["parent_id"].to_list(),
            "depth": thread["depth"].to_list(),
            "author": [""] * len(texts),
            "posted_raw": [""] * len(texts),
            "posted_at": [None] * len(texts),
            "text": texts,
            "start": [0] * len(texts),
            "end": [len(t) for t in texts],
        },
        schema_overrides={"posted_at": pl.Datetime("us"), "parent_id": pl.String},
    )
    articles = pl.DataFrame({"doc_id": [doc_id], "title": [target], "body": [target], "n_comments": [len(texts)]})
    tables = analyze_comments(comments, articles, AnalyzeSettings(seed=seed, layout=False))
    labels = tables.clusters["cluster"].to_numpy()
    predicted = tables.features["stance"].to_numpy().astype(str)
    # "minilm" reads the shared vector cache (embed.cache), so texts the stance reader already
    # encoded are not encoded again; without the weights it falls back to tfidf (embed.resolve).
    base_labels = baseline_clusters(texts, seed=seed, representation="minilm")
    return {
        "target": target,
        "n": len(texts),
        "majority": float(pl.Series(gold).value_counts()["count"].max() / len(gold)) if len(gold) else 0.0,
        "replyscope": cluster_scores(gold, labels) | stance_scores(gold, predicted, four_way=four_way),
        "baseline": cluster_scores(gold, base_labels),
        "k": int(len(np.unique(labels))),
        "predicted_share": {s: float(np.mean(predicted == s)) for s in ("support", "deny", "query", "comment")},
        "_gold": gold,
        "_predicted": predicted,
        "_confidence": tables.features["stance_confidence"].fill_null(0.0).to_numpy(),
    }


def weighted(rows: list[dict]) -> dict:
    """Size-weighted mean of every score over targets, in the JSON shape the CLI promises."""
    n = sum(r["n"] for r in rows)

    def mean(get) -> float:
        return float(sum(get(r) * r["n"] for r in rows) / n) if n else 0.0

    return {
        "n": n,
        "majority": mean(lambda r: r["majority"]),
        "replyscope": {
            key: mean(lambda r, key=key: r["replyscope"][key])
            for key in ("nmi", "ari", "purity", "stance_macro_f1", "f_avg")
        },
        "baseline": {key: mean(lambda r, key=key: r["baseline"][key]) for key in ("nmi", "ari", "purity")},
    }


def _print_table(rows: list[dict], total: dict, path: Path) -> None:
    from rich.console import Console  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415

    table = Table(title=f"stance vs gold: {path.name} (clusters per target; weighted by n)")
    for col in ("target", "n", "majority", "NMI", "ARI", "purity", "macro-F1", "F_avg", "base NMI", "base ARI", "base purity"):
        table.add_column(col, justify="left" if col == "target" else "right")

    def line(name: str, r: dict, style: str | None = None) -> None:
        rs, bs = r["replyscope"], r["baseline"]
        table.add_row(
            name, str(r["n"]), f"{r['majority']:.3f}", f"{rs['nmi']:.3f}", f"{rs['ari']:.3f}", f"{rs['purity']:.3f}",
            f"{rs['stance_macro_f1']:.3f}", f"{rs['f_avg']:.3f}", f"{bs['nmi']:.3f}", f"{bs['ari']:.3f}",
            f"{bs['purity']:.3f}", style=style,
        )

    for r in rows:
        line(r["target"], r)
    line("weighted", total, style="bold")
    console = Console()
    # Piped output defaults to 80 columns, which folds every cell; this table needs ~150.
    Console(width=max(console.width, 150)).print(table)


def run(path: Path, *, json_out: bool = False, seed: int = 0, limit: int | None = None) -> dict:
    """Evaluate on `path` (target,text,stance); print a table (and, with json_out, one JSON line)."""
    import warnings  # noqa: PLC0415

    from replyscope.analyze.stance import fitted  # noqa: PLC0415

    path = Path(path)
    # sklearn's HDBSCAN (the baseline) warns about a future default on every call: noise here.
    warnings.filterwarnings("ignore", category=FutureWarning, module=r"sklearn\.cluster")
    frame = read_stance_set(path, limit=limit, seed=seed)
    four_way = bool((frame["stance"] == "query").any())  # one scheme for every target of the set
    # A set that says where each reply hangs (comment_id, parent_id, depth) is read in its threads.
    threaded = {"comment_id", "parent_id"} <= set(frame.columns)
    placed = fitted.frames(frame)[0].with_columns(frame["target"]) if threaded else None
    rows = []
    for target in frame["target"].unique(maintain_order=True).to_list():
        part = frame.filter(pl.col("target") == target)
        gold = part["stance"].to_numpy().astype(str)
        thread = placed.filter(pl.col("target") == target) if placed is not None else None
        rows.append(evaluate_target(target, part["text"].to_list(), gold, seed=seed, four_way=four_way, thread=thread))
    total = weighted(rows)
    _print_table(rows, total, path)
    gold = np.concatenate([r.pop("_gold") for r in rows]) if rows else np.array([], dtype=str)
    predicted = np.concatenate([r.pop("_predicted") for r in rows]) if rows else np.array([], dtype=str)
    confidence = np.concatenate([r.pop("_confidence") for r in rows]) if rows else np.array([])
    total["pooled"] = pooled_scores(gold, predicted, confidence)
    print_pooled(total["pooled"], path.name)
    if json_out:
        print(json.dumps(total))
    return total | {"targets": rows}


def run_pages(path: Path, *, json_out: bool = False, seed: int = 0, limit: int | None = None) -> dict:
    """Score stance through the product path: threads laid out as pages, split, analysed, matched.

    Layouts rotate over evaluate.thread_pages.LAYOUTS by thread, so every layout is exercised.
    Replies the split did not find count as missed (`found_share`); stance is scored pooled over
    the found ones, and cluster NMI beside the BERTopic-style baseline on the same comments.
    """
    import warnings  # noqa: PLC0415

    from replyscope.analyze import AnalyzeSettings, analyze_comments  # noqa: PLC0415
    from replyscope.analyze.cluster.baseline import baseline_clusters  # noqa: PLC0415
    from replyscope.evaluate.thread_pages import LAYOUTS, load_threads, match_comments, render_page  # noqa: PLC0415
    from replyscope.ingest.readers import RawDocument  # noqa: PLC0415
    from replyscope.pipeline import split_batch  # noqa: PLC0415

    warnings.filterwarnings("ignore", category=FutureWarning, module=r"sklearn\.cluster")
    threads = load_threads(path)[:limit] if limit else load_threads(path)
    pages = [render_page(t, LAYOUTS[i % len(LAYOUTS)], seed=seed) for i, t in enumerate(threads)]
    raws = [RawDocument(source=str(path), source_id=p.thread_id, content=p.text, title="") for p in pages]
    tables = split_batch(raws).tables
    comments, articles = tables["comments"], tables["articles"]
    doc_of = dict(zip(tables["documents"]["source_id"].to_list(), tables["documents"]["doc_id"].to_list()))
    analysis = analyze_comments(comments, articles, AnalyzeSettings(seed=seed, layout=False))
    features = analysis.features.join(analysis.clusters.select("comment_id", "cluster"), on="comment_id", how="left")
    matched = []
    for page in pages:
        mine = comments.filter(pl.col("doc_id") == doc_of.get(page.thread_id, ""))
        matched.append(match_comments(mine, page).with_columns(pl.lit(page.thread_id).alias("thread_id")))
    matches = pl.concat(matched) if matched else pl.DataFrame()
    found = matches.filter(pl.col("found")).join(
        features.select("comment_id", pl.col("stance").alias("predicted"), "stance_confidence", "cluster"), on="comment_id", how="left"
    )
    gold = found["stance"].to_numpy().astype(str)
    predicted = found["predicted"].fill_null("comment").to_numpy().astype(str)
    pooled = pooled_scores(gold, predicted, found["stance_confidence"].fill_null(0.0).to_numpy())
    texts = comments.filter(pl.col("comment_id").is_in(found["comment_id"].implode()))
    order = found.join(texts.select("comment_id", "text"), on="comment_id", how="left")
    base = baseline_clusters(order["text"].fill_null("").to_list(), seed=seed, representation="minilm")
    result = {
        "threads": len(threads),
        "replies": matches.height,
        "found_share": float(matches["found"].mean()) if matches.height else 0.0,
        "pooled": pooled,
        "nmi": cluster_scores(gold, order["cluster"].fill_null(-1).to_numpy())["nmi"] if len(gold) else 0.0,
        "baseline_nmi": cluster_scores(gold, base)["nmi"] if len(gold) else 0.0,
    }
    print_pooled(pooled, f"{Path(path).name} through split + analyze ({result['found_share']:.1%} of {result['replies']} replies found)")
    print(f"cluster NMI vs gold stance {result['nmi']:.3f}; BERTopic-style baseline {result['baseline_nmi']:.3f}")
    if json_out:
        print(json.dumps(result))
    return result


LEARNING_SIZES = (50, 200, 500)


def learning_curve(train: Path, test: Path, *, json_out: bool = False, seed: int = 0, limit: int | None = None) -> dict:
    """Fit readers on 50 / 200 / 500 / all labels of `train` (a seeded sample), score each on
    `test` pooled over its rows, beside the zero-shot reader on the same rows.

    `train` is read whole (every reply in its thread, when the file places them) and only the
    sampled rows' stances are fitted on: an analyst labels a few hundred replies of threads
    whose text a run has in full."""
    from rich.console import Console  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415

    from replyscope.analyze.stance import fitted, stance_of  # noqa: PLC0415

    train_set = read_stance_set(Path(train), unlabelled=True)
    test_set = read_stance_set(Path(test), limit=limit, seed=seed)
    comments, articles = fitted.frames(test_set)
    zero_shot = stance_of(comments, articles)
    gold = test_set["stance"].to_numpy().astype(str)
    rows = [{"labels": 0, "reader": "zero-shot", **_curve_scores(gold, zero_shot)}]
    x, train_zero_shot = fitted.reading(train_set)
    groups = fitted.groups_of(train_set)  # cross-validated by thread, as the fitted reader will be used
    labelled = np.flatnonzero(train_set["stance"].is_not_null().to_numpy())
    order = labelled[np.random.default_rng(seed).permutation(len(labelled))]
    for size in [*[n for n in LEARNING_SIZES if n < len(order)], len(order)]:
        chosen = np.zeros(train_set.height, dtype=bool)
        chosen[order[:size]] = True
        stances = [s if keep else None for s, keep in zip(train_set["stance"].to_list(), chosen)]
        try:
            reader = fitted.fit_reading(x, train_zero_shot, stances, seed=seed, groups=groups)
        except ValueError:
            continue
        rows.append({"labels": size, "reader": "fitted", **_curve_scores(gold, fitted.apply(reader, comments, articles, zero_shot))})
    table = Table(title=f"learning curve: fitted on {Path(train).name}, scored on {Path(test).name} ({len(gold)} rows, pooled)")
    for col in ("reader", "labels", "macro-F1", "F_avg", "accuracy", "deny share"):
        table.add_column(col, justify="right")
    for r in rows:
        table.add_row(r["reader"], str(r["labels"]), f"{r['macro_f1']:.3f}", f"{r['f_avg']:.3f}", f"{r['accuracy']:.3f}", f"{r['deny_share']:.3f}")
    Console(width=max(Console().width, 100)).print(table)
    if json_out:
        print(json.dumps({"curve": rows}))
    return {"curve": rows}


def _curve_scores(gold: np.ndarray, frame: pl.DataFrame) -> dict:
    pooled = pooled_scores(gold, frame["stance"].to_numpy().astype(str))
    return {k: pooled[k] for k in ("macro_f1", "f_avg", "accuracy", "deny_share")}


__all__ = ["cluster_scores", "learning_curve", "pooled_scores", "purity", "read_stance_set", "reliability", "run", "run_pages", "stance_scores", "weighted"]
