"""A light stance reader fitted on an analyst's own labels (`replyscope stance fit`).

Analysts label a few hundred comments anyway. This reader learns from them on the project's own
features: the reply's sentence embedding (the distilled MiniLM, embed.distilled), its closeness
to the article, and the zero-shot reader's scores and confidence (which carry the evidence spans).
A class-balanced logistic regression (scikit-learn) reads them; its probabilities, averaged with
the zero-shot reader's scores, are the scores, but only where cross-validation on the labels,
in folds grouped by thread, shows such a mix reading them better than the zero-shot reader does
by more than the gain's fold-to-fold spread; else the zero-shot reading stands as it is. On
RumourEval's train threads (hash halves, each fitted on one and scored on the other) no mix
beats the thread-aware zero-shot reading at 50 to 2,400 labels, so there the fitted reader keeps it.
Also measured there and not kept (fitted on one half, scored on the other, means of three
label samples): the zero-shot reading's parent, depth and quoting-the-parent as features of the
fitted part (with or without the embedding, mixed at any share: -0.002 to -0.075 at 500 labels,
at best +0.004 / -0.002 on all ~2,400); a per-class bias on the zero-shot scores (a temperature
does not move an argmax), even chosen on the scored half itself, reads no better than the
reader's own decisions (0.484 / 0.514 against 0.479 / 0.518).

Threads: the zero-shot reading a fitted reader learns from is the one a run gives it, so the
labels are read in their threads when the labels file says where each reply hangs
(`comment_id`, `parent_id`, `depth`, as in a run's comments.parquet): a reply to a reply is read
as arguing with its parent first. Rows without a stance are read as thread context only (a
parent the analyst did not label). Without those columns every row is read as a direct reply to
its target, as before.

The model file is the user's artifact (a joblib dump of a dict: the estimator, the classes, the
feature layout version and the encoder). Nothing fitted on shared corpora belongs in the
repository.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl

# 3: the distilled encoder (was the full MiniLM) and replies read in their threads.
FEATURE_VERSION = 3
# The distilled MiniLM reads 39,000 comments per CPU-second where the full encoder reads 93 (at
# 100k comments: seconds instead of ~18 minutes) and the fitted reader loses nothing measurable
# with it (RumourEval train, fitted on 500 replies of one hash half, scored on the other, five
# samples, half and half with the zero-shot scores: macro-F1 0.471 / 0.480, full 0.472 / 0.483).
ENCODER = "minilm-distilled"
# The embedding dimensions are scaled down so the L2 penalty holds them back against the few
# zero-shot features: at full scale a few hundred labels overfit them (RumourEval, fitted on 500
# replies of one half, scored on the other: macro-F1 0.43 at 1.0, 0.45 at 0.1; zero-shot 0.45;
# with the distilled encoder 0.1, 0.2 and 0.3 score alike at 500 labels, 0.3 worse at 50).
EMBED_WEIGHT = 0.1
_ZERO_SHOT = ("score_support", "score_deny", "score_query", "score_comment")
# Optional columns of a labels file that place each reply in its thread (see the module docstring).
THREAD_COLUMNS = ("comment_id", "parent_id", "depth")


def frames(labels: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """A labels frame (target, text; optionally comment_id, parent_id, depth) as COMMENTS /
    ARTICLES-shaped frames, one "article" per distinct target, rows in the labels' order.

    A parent_id that names no row of the frame (the target itself, a reply left out) is no known
    parent: the reply is read as nested when it sits deeper than the target's direct replies.
    Depth is counted from the file's own origin: a run's comments.parquet counts a direct reply
    as 0, RumourEval's threads count the source post as 0 and so its direct replies as 1 (read
    as they were written, every reply of such a file was "nested" and the zero-shot reading of
    RumourEval's train halves fell to macro-F1 0.27). So a reply whose parent_id is its
    `thread_id` (the source post) is a direct reply, and depths are counted from each target's
    shallowest reply.
    """
    targets = labels["target"].fill_null("").to_list()
    n = labels.height
    doc_of = {t: f"t{i:05d}" for i, t in enumerate(dict.fromkeys(targets))}
    has = [c for c in THREAD_COLUMNS if c in labels.columns]
    ids = labels["comment_id"].cast(pl.String).to_list() if "comment_id" in has else [f"c{i:07d}" for i in range(n)]
    if "comment_id" in has and (None in ids or len(set(ids)) != n):
        raise ValueError("comment_id must be set and unique on every row when the labels give it")
    known = set(ids)
    parents = labels["parent_id"].cast(pl.String).to_list() if "parent_id" in has and "comment_id" in has else [None] * n
    depths = _depths_from_direct_replies(labels, parents) if "depth" in has else [0] * n
    comments = pl.DataFrame(
        {
            "comment_id": ids,
            "doc_id": [doc_of[t] for t in targets],
            "text": labels["text"].fill_null("").to_list(),
            "parent_id": [p if p in known and p != c else None for p, c in zip(parents, ids)],
            "depth": depths,
        },
        schema_overrides={"parent_id": pl.String, "depth": pl.Int32},
    )
    articles = pl.DataFrame({"doc_id": list(doc_of.values()), "title": list(doc_of), "body": list(doc_of)})
    return comments, articles


def _depths_from_direct_replies(labels: pl.DataFrame, parents: list[str | None]) -> list[int]:
    """Each row's depth with the target's direct replies at 0 (see frames)."""
    depth = labels["depth"].cast(pl.Int64, strict=False).fill_null(0).clip(lower_bound=0)
    shallowest = pl.DataFrame({"target": labels["target"].fill_null(""), "depth": depth}).select(
        pl.col("depth").min().over("target")
    )["depth"]
    relative = (depth - shallowest).to_list()
    if "thread_id" not in labels.columns:
        return relative
    threads = labels["thread_id"].cast(pl.String).to_list()
    return [0 if p is not None and p == t else d for p, t, d in zip(parents, threads, relative)]


def encoder_in_use() -> str:
    """The encoder features embed with here (embed.represent.resolve: without the MiniLM weights
    it is "tfidf", which is fitted on each call's texts, so a fitted reader then leaves the
    embedding out and learns from the zero-shot reading alone)."""
    from replyscope.analyze.embed.represent import resolve  # noqa: PLC0415

    return resolve(ENCODER)


def features(comments: pl.DataFrame, articles: pl.DataFrame, zero_shot: pl.DataFrame, encoder: str | None = None) -> np.ndarray:
    """(n, d) features per comment: embedding, closeness to its article, zero-shot scores."""
    from replyscope.analyze.embed.represent import represent  # noqa: PLC0415
    from replyscope.analyze.hashtags import spell_out_hashtags  # noqa: PLC0415

    encoder = encoder or encoder_in_use()
    scores = zero_shot.select(_ZERO_SHOT).fill_null(0.0).to_numpy()
    confidence = zero_shot.select(pl.col("stance_confidence").fill_null(0.0)).to_numpy()
    if encoder != ENCODER:
        return np.hstack([scores, confidence]).astype(np.float32)
    texts = [spell_out_hashtags(t or "")[:600] for t in comments["text"].fill_null("").to_list()]
    title_of = dict(zip(articles["doc_id"].to_list(), articles["title"].fill_null("").to_list()))
    targets = [title_of.get(d, "")[:600] for d in comments["doc_id"].fill_null("").to_list()]
    unique_targets = list(dict.fromkeys(targets))
    vectors = represent(texts + unique_targets, encoder)
    reply_vecs = vectors[: len(texts)]
    target_row = {t: len(texts) + i for i, t in enumerate(unique_targets)}
    target_vecs = vectors[[target_row[t] for t in targets]] if texts else np.zeros_like(reply_vecs)
    closeness = np.sum(reply_vecs * target_vecs, axis=1, keepdims=True)
    return np.hstack([EMBED_WEIGHT * reply_vecs, closeness, scores, confidence]).astype(np.float32)


def reading(labels: pl.DataFrame) -> tuple[np.ndarray, pl.DataFrame]:
    """(features, zero-shot frame) of every row of a labels frame, each reply read in its thread."""
    from replyscope.analyze.stance.reader import stance_of  # noqa: PLC0415

    comments, articles = frames(labels)
    zero_shot = stance_of(comments, articles)
    return features(comments, articles, zero_shot), zero_shot


def fit(labels: pl.DataFrame, *, seed: int = 0) -> dict:
    """A fitted reader (a dict ready for joblib) from a labels frame: target, text, stance (null
    for rows that are thread context only) and optionally comment_id, parent_id, depth."""
    x, zero_shot = reading(labels)
    return fit_reading(x, zero_shot, labels["stance"].to_list(), seed=seed, groups=groups_of(labels))


def fit_reading(x: np.ndarray, zero_shot: pl.DataFrame, stances: list[str | None], *, seed: int = 0,
                groups: list[str] | None = None) -> dict:
    """A fitted reader from features and the zero-shot reading of some rows (`reading`) and
    their stances; rows whose stance is None are not fitted on. `groups`: each row's
    cross-validation group (groups_of; default: each row its own)."""
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415

    keep = np.array([bool(s) for s in stances], dtype=bool)  # (None and "" are thread context)
    y = np.asarray(stances, dtype=object)[keep].astype(str)
    if len(set(y.tolist())) < 2:
        raise ValueError("the labels hold a single stance: a reader needs at least two to tell apart")
    groups = np.asarray(groups if groups is not None else [f"row{i}" for i in range(len(stances))], dtype=object)[keep].astype(str)
    x = x[keep]
    zero_shot = zero_shot.filter(pl.Series(keep))
    model = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced", random_state=seed)
    model.fit(x, y)
    share, cv = _zero_shot_share(model, x, y, zero_shot, seed, groups)
    return {"version": FEATURE_VERSION, "encoder": encoder_in_use(), "model": model,
            "classes": [str(c) for c in model.classes_], "n": int(len(y)), "zero_shot_share": share,
            "cv_macro_f1": cv}


# Shares of the zero-shot reader's scores a fitted reader may keep (see apply). The default is
# the zero-shot reading itself (ZERO_SHOT: its own decisions, evidence and all); the analyst's
# labels move off it only where a mix beats it on held-out threads by more than the gain's own
# fold-to-fold spread (_zero_shot_share). A few labels fit the classes' boundaries loosely: with
# half and half as the default, 50 labels scored 0.40 / 0.43 macro-F1 on the other hash half of
# the RumourEval train threads (mean of five samples each way; zero-shot 0.47 / 0.48).
ZERO_SHOT = 1.0
ZERO_SHOT_SHARES = (0.75, 0.5, 0.25, 0.0)
# Cross-validation of a mix: FOLDS folds grouped by thread, REPEATS times over with different
# shuffles, so the spread of the gain across folds is measured rather than guessed.
FOLDS = 5
REPEATS = 3


def groups_of(labels: pl.DataFrame) -> list[str]:
    """The group each row of a labels frame is cross-validated in: its thread when the labels
    say (`thread_id`), else its target; a single-target file without threads has nothing to
    group by, so each row is its own group.

    Why: replies of one thread share a topic and often a stance, so with folds that split a
    thread a fitted part learns the thread and looks better than it reads on new threads
    (RumourEval train, hash halves: row folds let through mixes that scored 0.03-0.08 macro-F1
    under the zero-shot reading on the other half)."""
    if "thread_id" in labels.columns:
        return labels["thread_id"].cast(pl.String).fill_null("").to_list()
    targets = labels["target"].fill_null("").to_list()
    if len(set(targets)) >= 2:
        return targets
    return [f"row{i}" for i in range(labels.height)]


def _zero_shot_share(model, x: np.ndarray, y: np.ndarray, zero_shot: pl.DataFrame, seed: int, groups: np.ndarray) -> tuple[float, dict]:
    """How much of the zero-shot reading to keep beside the fitted one, chosen on the analyst's
    own labels: where the cues read the analyst's data well they keep the say, where they do not
    the labels decide. Also the mean fold macro-F1 of the zero-shot reading and of the kept
    reading, which `stance fit` shows (None without enough labels of each stance, or groups, for
    two folds).

    The rule: on thread-grouped folds (groups_of), repeated REPEATS times, each share's gain in
    macro-F1 over the zero-shot reading is taken per fold; the share with the best mean gain
    replaces the zero-shot reading only if that mean exceeds the gain's standard deviation across
    folds. A gain smaller than its own spread is what noise in which replies were labelled gives,
    and with a few dozen labels the spread is wide, so there the zero-shot reading stays. (The
    rule it replaces, a fixed 0.02 margin on ungrouped out-of-fold predictions with a bootstrap
    check, let through mixes that scored 0.025-0.076 under the zero-shot reading on held-out
    threads: 3 of 12 RumourEval label samples at 50 and 200 labels.)"""
    base, gains = fold_gains(model, x, y, zero_shot, seed, groups)
    if len(base) < 2:
        return ZERO_SHOT, {"zero_shot": None, "kept": None}
    baseline = float(np.mean(base))
    share = max(ZERO_SHOT_SHARES, key=lambda s: (np.mean(gains[s]), s))
    gain = np.asarray(gains[share])
    if gain.mean() <= gain.std(ddof=1):
        return ZERO_SHOT, {"zero_shot": round(baseline, 4), "kept": round(baseline, 4)}
    return share, {"zero_shot": round(baseline, 4), "kept": round(float(baseline + gain.mean()), 4)}


def fold_gains(model, x: np.ndarray, y: np.ndarray, zero_shot: pl.DataFrame, seed: int, groups: np.ndarray) -> tuple[list[float], dict[float, list[float]]]:
    """The zero-shot reading's macro-F1 on each held-out fold (folds grouped by `groups`,
    REPEATS shuffles of FOLDS folds), and each share's gain over it on the same folds (empty
    without enough labels of each stance, or groups, for two folds)."""
    import warnings  # noqa: PLC0415

    from sklearn.base import clone  # noqa: PLC0415
    from sklearn.model_selection import StratifiedGroupKFold  # noqa: PLC0415

    from replyscope.schema import STANCES  # noqa: PLC0415

    classes, counts = np.unique(y, return_counts=True)
    folds = min(FOLDS, int(counts.min()), len(np.unique(groups)))
    base, gains = [], {share: [] for share in ZERO_SHOT_SHARES}
    if folds < 2:
        return base, gains
    prior = _scores(zero_shot)
    # The zero-shot reader decides in steps (a side only above its DECIDE threshold), not by the
    # argmax of its scores: its own stance is the reading to beat.
    decided = zero_shot["stance"].to_numpy().astype(str)
    gold = np.searchsorted(classes, y)
    for repeat in range(REPEATS):
        split = StratifiedGroupKFold(folds, shuffle=True, random_state=seed + repeat)
        with warnings.catch_warnings():  # "the least populated class has fewer members than n_splits"
            warnings.simplefilter("ignore", UserWarning)
            parts = list(split.split(x, y, groups))
        for train, test in parts:
            if len(np.unique(y[train])) < 2:
                continue
            part = clone(model).fit(x[train], y[train])
            full = _over_stances(part.predict_proba(x[test]), part.classes_)
            f1_zero = _macro_f1(gold[test][None], _index(decided[test], classes)[None], len(classes))[0]
            base.append(f1_zero)
            for share in ZERO_SHOT_SHARES:
                mixed = np.array(STANCES)[((1.0 - share) * full + share * prior[test]).argmax(1)]
                gains[share].append(_macro_f1(gold[test][None], _index(mixed, classes)[None], len(classes))[0] - f1_zero)
    return base, gains


def _index(labels: np.ndarray, classes) -> np.ndarray:
    """Each label's position in `classes`; -1 for a label outside them (a miss for every class)."""
    at = {c: k for k, c in enumerate(classes)}
    return np.array([at.get(v, -1) for v in labels.tolist()], dtype=np.int64)


def _macro_f1(gold: np.ndarray, predicted: np.ndarray, k: int) -> np.ndarray:
    """Macro-F1 over classes 0..k-1 of each row of (resamples, n) label arrays, as f1_score
    (average="macro", zero_division=0) reads one."""
    f1 = np.zeros(gold.shape[0])
    for c in range(k):
        tp = np.sum((gold == c) & (predicted == c), axis=1)
        denominator = np.sum(gold == c, axis=1) + np.sum(predicted == c, axis=1)
        f1 += np.divide(2.0 * tp, denominator, out=np.zeros(len(tp)), where=denominator > 0)
    return f1 / k


def _over_stances(proba: np.ndarray, classes) -> np.ndarray:
    """A classifier's probabilities (columns in `classes` order) laid out over STANCES; a stance
    the labels never held gets 0."""
    from replyscope.schema import STANCES  # noqa: PLC0415

    full = np.zeros((len(proba), len(STANCES)))
    for j, c in enumerate(classes):
        if c in STANCES:
            full[:, STANCES.index(c)] = proba[:, j]
    return full


def _scores(zero_shot: pl.DataFrame) -> np.ndarray:
    """The zero-shot reader's four scores, rows summing to one."""
    scores = zero_shot.select(_ZERO_SHOT).fill_null(0.0).to_numpy()
    return scores / np.maximum(scores.sum(1, keepdims=True), 1e-12)


def save(reader: dict, path: Path) -> None:
    import joblib  # noqa: PLC0415

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(reader, path)


def load(path: Path) -> dict:
    """A fitted reader from `path` (a file written by `save`; trust it as you would any pickle)."""
    import joblib  # noqa: PLC0415

    reader = joblib.load(path)
    if not isinstance(reader, dict) or "model" not in reader or "version" not in reader:
        raise ValueError(f"{path}: not a replyscope fitted stance reader")
    if reader["version"] != FEATURE_VERSION:
        raise ValueError(
            f"{path}: a fitted stance reader from an earlier replyscope (feature version {reader['version']}, "
            f"this one reads version {FEATURE_VERSION}): fit it again on your labels with `replyscope stance fit`"
        )
    return reader


def apply(reader: dict, comments: pl.DataFrame, articles: pl.DataFrame, zero_shot: pl.DataFrame) -> pl.DataFrame:
    """The zero-shot frame with stance, scores and confidence replaced by the fitted reader's.

    Evidence spans are kept where the fitted stance agrees with the zero-shot one (the cue is
    still what a reader can point at); elsewhere the stance has no span to show.
    """
    share = float(reader.get("zero_shot_share", ZERO_SHOT))
    if zero_shot.height == 0 or share >= ZERO_SHOT:
        return zero_shot
    model = reader["model"]
    encoder = encoder_in_use()
    if reader.get("encoder") != encoder:
        raise ValueError(
            f"this fitted stance reader was fitted on {reader.get('encoder')} embeddings and this install "
            f"has {encoder}: fit it again here with `replyscope stance fit`"
        )
    proba = model.predict_proba(features(comments, articles, zero_shot, encoder))
    classes = list(reader["classes"])
    full = _over_stances(proba, classes)
    from replyscope.analyze.stance.rescore import with_scores  # noqa: PLC0415

    full = full / np.maximum(full.sum(1, keepdims=True), 1e-12)
    # The fitted reader corrects the zero-shot reading rather than replacing it where the labels
    # say the reading is worth keeping (fit chose the share by cross-validation): a few hundred
    # labels fit the classes' boundaries loosely, and the cues know things they do not.
    return with_scores(zero_shot, (1.0 - share) * full + share * _scores(zero_shot))


__all__ = ["ENCODER", "FEATURE_VERSION", "THREAD_COLUMNS", "apply", "features", "fit", "fit_reading", "frames", "groups_of", "load", "reading", "save"]
