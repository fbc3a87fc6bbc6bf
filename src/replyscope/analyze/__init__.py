"""Analyse comments: per-comment features, then clusters of comments that argue alike.

`analyze_comments(comments, articles, settings)` is the stage's one entry point:

1. features  = stance_of ⨝ rhetoric_of ⨝ text_stats on comment_id (FEATURES schema);
2. a semantic representation of the comment texts (embed/; swappable by name);
3. clusters on that representation joined with the stance scores and rhetoric tags
   (cluster/kmeans.py), with a 2-D map;
4. a description of each cluster (cluster/describe.py).

Clusters are computed corpus-wide, so one group can span articles ("the same argument under
every story"). Per-article views come from extra columns rather than separate clusterings:
`clusters` carries the comment's `doc_id`, so a report can show, per article, which corpus-wide
groups its comments fall in (and their stance mix via features); `cluster_summary` carries
`n_articles`, how many articles a group spans.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import polars as pl

from replyscope.schema import CLUSTER_SUMMARY, CLUSTERS, FEATURES, RHETORIC_TAGS, STANCES, conform


@dataclass(frozen=True)
class AnalyzeSettings:
    """Knobs of the analysis stage.

    The view weights were measured with `replyscope eval stance` on two hash halves of two sets
    (SemEval-2016 tweets, one clustering per target; RumourEval 2019 train threads laid out as
    pages, one clustering over all of them, `--pages`); see w_stance.
    """

    representation: str = "auto"  # a name in embed.REPRESENTATIONS
    # Which stance reader runs (analyze.stance.READERS): "zero-shot" or "fitted:MODEL".
    stance_reader: str = "zero-shot"
    # Weights of the three views in the clustering space, each view first standardised to unit
    # spread (cluster.joint_matrix), so a weight is the view's share of what KMeans sees.
    # Stance at 0.7 of the semantic view's spread (about a third of what KMeans sees): at 0.35
    # a corpus of many articles split by article topic (RumourEval pages, cluster NMI vs gold
    # stance 0.043 / 0.068 on the halves, under the BERTopic-style baseline's 0.055 on one), at
    # 0.7 0.094 / 0.096 (the predicted stance labels alone: 0.098 / 0.100). On one target's
    # replies (SemEval) the semantic view already carries much of the stance: NMI 0.159 / 0.153
    # at 0.35, 0.169 / 0.143 at 0.7, 0.171 / 0.141 at 1.0 (RumourEval 0.109 / 0.105 there).
    w_semantic: float = 1.0
    w_stance: float = 0.7
    w_rhetoric: float = 0.1
    seed: int = 0
    # Number of groups. Comments are parted by stance first, and k_max (None = by corpus size,
    # the top of cluster.k_range) groups are shared among the stances (cluster.kmeans.allocate_groups);
    # n_clusters fixes that number. Only when it is smaller than the number of stances present
    # are comments clustered as one, with k searched by silhouette in [k_min, k_max].
    k_min: int | None = None
    k_max: int | None = None
    n_clusters: int | None = None
    layout: bool = True  # compute the 2-D map (x, y); off gives zeros, for evaluation speed
    umap_sample: int = 5_000  # UMAP is fitted on at most this many comments
    # Clusters (and the keyword vocabulary) are fitted on at most this many comments, a seeded
    # sample; the rest are assigned to the nearest centre in batches (analyze.streaming).
    cluster_sample: int = 50_000


class AnalysisTables(NamedTuple):
    features: pl.DataFrame
    clusters: pl.DataFrame
    cluster_summary: pl.DataFrame


# on_progress(step, done, total): called as each analysis step starts (done=0) and ends
# (done=total), and by steps that can tell, in between; total is a count of comments.
ProgressCallback = Callable[[str, int, int], None]


def _no_progress(step: str, done: int, total: int) -> None:
    pass


def comment_features(
    comments: pl.DataFrame,
    articles: pl.DataFrame,
    stance_reader: str = "zero-shot",
    *,
    on_progress: ProgressCallback | None = None,
) -> pl.DataFrame:
    """FEATURES rows, one per comment, in the comments' order."""
    from replyscope.analyze.rhetoric import rhetoric_of  # noqa: PLC0415
    from replyscope.analyze.stance import read_stance  # noqa: PLC0415
    from replyscope.analyze.textstats import text_stats  # noqa: PLC0415

    progress = on_progress or _no_progress
    n = comments.height
    ids = comments.select("comment_id")
    progress("rhetoric", 0, n)
    rhetoric = rhetoric_of(comments)
    progress("rhetoric", n, n)
    progress("stance", 0, n)
    stance = read_stance(comments, articles, stance_reader, rhetoric=rhetoric)  # (sarcasm spans come from these tags)
    progress("stance", n, n)
    progress("text stats", 0, n)
    stats = text_stats(comments)
    progress("text stats", n, n)
    features = (
        ids.join(stance, on="comment_id", how="left", maintain_order="left")
        .join(rhetoric, on="comment_id", how="left", maintain_order="left")
        .join(stats, on="comment_id", how="left", maintain_order="left")
    )
    return conform(features, FEATURES)


def _stance_facets(features: pl.DataFrame) -> np.ndarray:
    """What clusters are parted by first: each comment's stance (cluster.kmeans.faceted_labels),
    "comment" where none was read."""
    return features["stance"].fill_null("comment").to_numpy().astype(str)


def _tag_matrix(tags: pl.Series) -> np.ndarray:
    """(n, len(RHETORIC_TAGS)) 0/1 matrix from the tags list column."""
    if tags.len() == 0:
        return np.zeros((0, len(RHETORIC_TAGS)), dtype=np.float32)
    hot = pl.DataFrame({"tags": tags}).select(
        [pl.col("tags").list.contains(t).fill_null(False).alias(t) for t in RHETORIC_TAGS]
    )
    return hot.to_numpy().astype(np.float32)


def analyze_comments(
    comments: pl.DataFrame,
    articles: pl.DataFrame,
    settings: AnalyzeSettings | None = None,
    *,
    timings: dict[str, float] | None = None,
    on_progress: ProgressCallback | None = None,
    features: pl.DataFrame | None = None,
) -> AnalysisTables:
    """Features, clusters and cluster summaries for `comments` (COMMENTS-shaped).

    Pass a dict as `timings` to get seconds per step (features, represent, cluster, describe),
    and `on_progress(step, done, total)` to follow the steps as they run (a progress bar).
    Pass `features` (FEATURES rows in the comments' order) when they were computed elsewhere,
    e.g. on Spark partitions (engine.spark), to skip computing them again.
    """
    from replyscope.analyze.cluster.kmeans import cluster_points, joint_matrix  # noqa: PLC0415
    from replyscope.analyze.cluster.describe import class_tfidf_keywords, summarise_clusters  # noqa: PLC0415
    from replyscope.analyze.embed.represent import represent  # noqa: PLC0415
    from replyscope.analyze.hashtags import spell_out_hashtags  # noqa: PLC0415

    settings = settings or AnalyzeSettings()
    timings = {} if timings is None else timings
    clock = time.perf_counter()

    progress = on_progress or _no_progress
    n = comments.height

    def lap(step: str, next_step: str | None = None) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[step] = round(now - clock, 3)
        clock = now
        if next_step:
            progress(next_step, 0, n)

    if features is None:
        features = comment_features(comments, articles, settings.stance_reader, on_progress=progress)
    lap("features", "embedding")
    texts = comments["text"].fill_null("").to_list()

    # The encoder reads hashtags spelled out (analyze.hashtags); the tables keep the text as is.
    semantic = represent([spell_out_hashtags(t) for t in texts], settings.representation, seed=settings.seed)
    progress("embedding", n, n)
    lap("represent", "clustering")
    scores = features.select([f"score_{s}" for s in STANCES]).fill_null(0.0).to_numpy().astype(np.float32)
    x = joint_matrix(
        semantic,
        scores,
        _tag_matrix(features["tags"]),
        w_semantic=settings.w_semantic,
        w_stance=settings.w_stance,
        w_rhetoric=settings.w_rhetoric,
    )
    result = cluster_points(
        x,
        seed=settings.seed,
        k_min=settings.k_min,
        k_max=settings.k_max,
        k=settings.n_clusters,
        layout=settings.layout,
        umap_sample=settings.umap_sample,
        facets=_stance_facets(features),
    )
    progress("clustering", n, n)
    lap("cluster", "describe")
    per_comment = pl.DataFrame(
        {
            "comment_id": comments["comment_id"],
            "doc_id": comments["doc_id"],
            "cluster": pl.Series(result.labels, dtype=pl.Int32),
            "centre_distance": pl.Series(result.centre_distance, dtype=pl.Float32),
            "stance": features["stance"],
            "stance_confidence": features["stance_confidence"],
            "tags": features["tags"],
            "n_words": features["n_words"],
        }
    )
    keywords = class_tfidf_keywords(texts, result.labels, result.k)
    summary = summarise_clusters(per_comment, keywords)
    exemplar_ids = summary.select(pl.col("exemplar_ids").explode().alias("comment_id")).drop_nulls()
    clusters = per_comment.select(
        "comment_id",
        "cluster",
        pl.Series("x", result.xy[:, 0] if n else [], dtype=pl.Float32),
        pl.Series("y", result.xy[:, 1] if n else [], dtype=pl.Float32),
        pl.col("comment_id").is_in(exemplar_ids["comment_id"].implode()).alias("exemplar"),
        "doc_id",  # extra: the per-article view (see module docstring)
    )
    tables = AnalysisTables(
        features=features,
        clusters=conform(clusters, CLUSTERS),
        cluster_summary=conform(summary, CLUSTER_SUMMARY),
    )
    progress("describe", n, n)
    lap("describe")
    return tables


__all__ = ["AnalysisTables", "AnalyzeSettings", "ProgressCallback", "analyze_comments", "comment_features"]
