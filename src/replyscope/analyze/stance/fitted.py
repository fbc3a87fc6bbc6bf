"""A light stance reader fitted on an analyst's own labels (`replyscope stance fit`).

Analysts label a few hundred comments anyway. This reader learns from them on the project's own
features: the reply's sentence embedding (embed.cache), its closeness to the article, and the
zero-shot reader's scores and cue strengths (which carry the evidence spans). A class-balanced
logistic regression (scikit-learn) reads them; its probabilities, averaged with the zero-shot
reader's scores (a share fit chooses by cross-validation), are the scores.

The model file is the user's artifact (a joblib dump of a dict: the estimator, the classes, the
feature layout version). Nothing fitted on shared corpora belongs in the repository.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl

FEATURE_VERSION = 2
# The 384 embedding dimensions are scaled down so the L2 penalty holds them back against the few
# zero-shot features: at full scale a few hundred labels overfit them (RumourEval, fitted on 500
# replies of one half, scored on the other: macro-F1 0.43 at 1.0, 0.45 at 0.1; zero-shot 0.45).
EMBED_WEIGHT = 0.1
_ZERO_SHOT = ("score_support", "score_deny", "score_query", "score_comment")


def _frames(targets: list[str], texts: list[str]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The labelled rows as COMMENTS / ARTICLES-shaped frames, one "article" per distinct target."""
    doc_of = {t: f"t{i:05d}" for i, t in enumerate(dict.fromkeys(targets))}
    comments = pl.DataFrame(
        {"comment_id": [f"c{i:07d}" for i in range(len(texts))], "doc_id": [doc_of[t] for t in targets], "text": texts}
    )
    articles = pl.DataFrame({"doc_id": list(doc_of.values()), "title": list(doc_of), "body": list(doc_of)})
    return comments, articles


def features(comments: pl.DataFrame, articles: pl.DataFrame, zero_shot: pl.DataFrame) -> np.ndarray:
    """(n, d) features per comment: embedding, closeness to its article, zero-shot scores."""
    from replyscope.analyze.embed.represent import embed_texts  # noqa: PLC0415
    from replyscope.analyze.hashtags import spell_out_hashtags  # noqa: PLC0415

    texts = [spell_out_hashtags(t or "")[:600] for t in comments["text"].fill_null("").to_list()]
    title_of = dict(zip(articles["doc_id"].to_list(), articles["title"].fill_null("").to_list()))
    doc_ids = comments["doc_id"].fill_null("").to_list()
    targets = [title_of.get(d, "")[:600] for d in doc_ids]
    vectors = embed_texts(texts + list(dict.fromkeys(targets)), "minilm")
    reply_vecs = vectors[: len(texts)]
    target_row = {t: len(texts) + i for i, t in enumerate(dict.fromkeys(targets))}
    target_vecs = vectors[[target_row[t] for t in targets]] if texts else np.zeros_like(reply_vecs)
    closeness = np.sum(reply_vecs * target_vecs, axis=1, keepdims=True)
    scores = zero_shot.select(_ZERO_SHOT).fill_null(0.0).to_numpy()
    confidence = zero_shot.select(pl.col("stance_confidence").fill_null(0.0)).to_numpy()
    return np.hstack([EMBED_WEIGHT * reply_vecs, closeness, scores, confidence]).astype(np.float32)


def fit(targets: list[str], texts: list[str], stances: list[str], *, seed: int = 0) -> dict:
    """A fitted reader (a dict ready for joblib) from labelled (target, text, stance) rows."""
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415

    from replyscope.analyze.stance.reader import stance_of  # noqa: PLC0415

    comments, articles = _frames(targets, texts)
    zero_shot = stance_of(comments, articles)
    x = features(comments, articles, zero_shot)
    y = np.asarray(stances, dtype=str)
    if len(set(y.tolist())) < 2:
        raise ValueError("the labels hold a single stance: a reader needs at least two to tell apart")
    model = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced", random_state=seed)
    model.fit(x, y)
    share = _zero_shot_share(model, x, y, zero_shot, seed)
    return {"version": FEATURE_VERSION, "model": model, "classes": [str(c) for c in model.classes_], "n": int(len(y)),
            "zero_shot_share": share}


# Shares of the zero-shot reader's scores a fitted reader may keep (see apply). Half and half
# is the default; the analyst's labels move it only by beating it by SHARE_MARGIN macro-F1 in
# cross-validation (with 50 labels a fold holds a handful per class, and an unguarded choice
# followed that noise: 0.19 where half and half scores 0.43 on the other half).
ZERO_SHOT_SHARES = (0.5, 0.75, 0.25, 0.0)
SHARE_MARGIN = 0.02


def _zero_shot_share(model, x: np.ndarray, y: np.ndarray, zero_shot: pl.DataFrame, seed: int) -> float:
    """How much of the zero-shot reading to keep beside the fitted one, chosen on the analyst's
    own labels by cross-validation (macro-F1 of the mix on held-out folds): where the cues read
    the analyst's data well they keep a say, where they do not the labels decide."""
    from sklearn.base import clone  # noqa: PLC0415
    from sklearn.metrics import f1_score  # noqa: PLC0415
    from sklearn.model_selection import StratifiedKFold, cross_val_predict  # noqa: PLC0415

    from replyscope.schema import STANCES  # noqa: PLC0415

    folds = min(5, int(np.unique(y, return_counts=True)[1].min()))
    if folds < 2:
        return ZERO_SHOT_SHARES[0]
    proba = cross_val_predict(clone(model), x, y, cv=StratifiedKFold(folds, shuffle=True, random_state=seed), method="predict_proba")
    classes = np.unique(y)
    full = _over_stances(proba, classes)
    prior = _scores(zero_shot)
    best, best_f1 = ZERO_SHOT_SHARES[0], None
    for share in ZERO_SHOT_SHARES:
        predicted = np.array(STANCES)[((1.0 - share) * full + share * prior).argmax(1)]
        f1 = f1_score(y, predicted, labels=classes, average="macro", zero_division=0)
        if best_f1 is None:
            best_f1 = f1
        elif f1 > best_f1 + SHARE_MARGIN:
            best, best_f1 = share, f1
    return best


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
    if not isinstance(reader, dict) or reader.get("version") != FEATURE_VERSION:
        raise ValueError(f"{path}: not a replyscope fitted stance reader (version {FEATURE_VERSION})")
    return reader


def apply(reader: dict, comments: pl.DataFrame, articles: pl.DataFrame, zero_shot: pl.DataFrame) -> pl.DataFrame:
    """The zero-shot frame with stance, scores and confidence replaced by the fitted reader's.

    Evidence spans are kept where the fitted stance agrees with the zero-shot one (the cue is
    still what a reader can point at); elsewhere the stance has no span to show.
    """
    if zero_shot.height == 0:
        return zero_shot
    model = reader["model"]
    proba = model.predict_proba(features(comments, articles, zero_shot))
    classes = list(reader["classes"])
    full = _over_stances(proba, classes)
    from replyscope.analyze.stance.rescore import with_scores  # noqa: PLC0415

    full = full / np.maximum(full.sum(1, keepdims=True), 1e-12)
    # The fitted reader corrects the zero-shot reading rather than replacing it where the labels
    # say the reading is worth keeping (fit chose the share by cross-validation): a few hundred
    # labels fit the classes' boundaries loosely, and the cues know things they do not
    # (RumourEval, fitted on one half and scored on the other, three samples each: macro-F1 at
    # 500 labels 0.443 / 0.450 alone, 0.457 / 0.461 half and half).
    share = float(reader.get("zero_shot_share", 0.0))
    return with_scores(zero_shot, (1.0 - share) * full + share * _scores(zero_shot))


__all__ = ["apply", "features", "fit", "load", "save"]
