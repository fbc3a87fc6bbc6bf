"""Clusters parted by stance first, then split by what the comments argue (cluster.kmeans facets)."""

from __future__ import annotations

import numpy as np
import polars as pl

from replyscope.analyze import AnalyzeSettings, analyze_comments
from replyscope.analyze.cluster.kmeans import MIN_GROUP, allocate_groups, cluster_points, joint_matrix
from replyscope.analyze.cluster.sample import fit_sample

from test_analyze import TOLL_ARTICLE, TOLL_COMMENTS, VACCINE_ARTICLE, VACCINE_COMMENTS, make_articles, make_comments

WEIGHTS = {"w_semantic": 1.0, "w_stance": 0.7, "w_rhetoric": 0.1}
# Scores of a reader that is unsure of sides (as real ones are): close to each other, while the
# subjects comments talk about are far apart, so distance alone groups by subject.
STANCE_SCORES = {
    "comment": [0.1, 0.05, 0.05, 0.8],
    "support": [0.3, 0.05, 0.05, 0.6],
    "deny": [0.1, 0.25, 0.05, 0.6],
}


def _corpus(sizes: dict[str, int], topics: int = 4, dim: int = 12, seed: int = 0):
    """Rows of a corpus where each stance's comments talk about `topics` subjects (semantic blobs)."""
    rng = np.random.default_rng(seed)
    semantic, scores, stances, topic = [], [], [], []
    for stance, n in sizes.items():
        t = np.arange(n) % topics
        semantic.append(np.eye(dim)[t] * 3 + rng.normal(0, 0.4, (n, dim)))
        scores.append(np.asarray(STANCE_SCORES[stance]) + rng.normal(0, 0.05, (n, 4)))
        stances += [stance] * n
        topic.append(t)
    return (
        np.concatenate(semantic).astype(np.float32),
        np.clip(np.concatenate(scores), 0, 1).astype(np.float32),
        np.zeros((len(stances), 3), dtype=np.float32),
        np.asarray(stances),
        np.concatenate(topic),
    )


def test_every_facet_gets_a_group_and_the_rest_go_to_the_largest_per_group():
    assert allocate_groups({"comment": 800, "deny": 50, "support": 100, "query": 50}, 6) == {
        "comment": 3, "deny": 1, "support": 1, "query": 1,
    }
    assert allocate_groups({"comment": 400, "support": 400}, 6) == {"comment": 3, "support": 3}


def test_a_facet_is_not_split_into_groups_smaller_than_a_pattern():
    groups = allocate_groups({"comment": 2 * MIN_GROUP + 5, "deny": 3}, 6)
    assert groups == {"comment": 2, "deny": 1}


def test_each_group_holds_one_stance_and_the_big_stance_is_split_by_subject():
    semantic, scores, tags, stances, topic = _corpus({"comment": 400, "support": 40, "deny": 20})
    x = joint_matrix(semantic, scores, tags, **WEIGHTS)
    result = cluster_points(x, seed=0, layout=False, facets=stances, k=6)
    frame = pl.DataFrame({"cluster": result.labels, "stance": stances, "topic": topic})
    per_group = frame.group_by("cluster").agg(pl.col("stance").n_unique().alias("stances"), pl.len())
    assert (per_group["stances"] == 1).all()
    assert result.k == 6
    # 'comment' (87% of the corpus) is four groups, none over a third of the corpus
    assert frame.filter(pl.col("stance") == "comment")["cluster"].n_unique() == 4
    assert per_group["len"].max() < len(stances) / 3
    # and those groups follow the subjects the comments talk about
    comment = frame.filter(pl.col("stance") == "comment")
    assert comment.group_by("cluster").agg(pl.col("topic").n_unique())["topic"].max() == 1


def test_a_small_stance_keeps_its_own_group_even_when_its_scores_sit_near_the_rest():
    semantic, scores, tags, stances, _ = _corpus({"comment": 300, "deny": 15})
    scores[stances == "deny"] = np.asarray(STANCE_SCORES["comment"]) + 0.02  # read as deny, barely
    x = joint_matrix(semantic, scores, tags, **WEIGHTS)
    labels = cluster_points(x, seed=0, layout=False, facets=stances).labels
    deny_groups = set(labels[stances == "deny"].tolist())
    assert len(deny_groups) == 1
    assert not deny_groups & set(labels[stances == "comment"].tolist())


def test_without_room_for_every_stance_the_rows_cluster_as_one():
    semantic, scores, tags, stances, _ = _corpus({"comment": 60, "support": 30, "deny": 30})
    x = joint_matrix(semantic, scores, tags, **WEIGHTS)
    assert cluster_points(x, seed=0, layout=False, facets=stances, k=2).k == 2


def test_a_comment_outside_the_sample_joins_a_group_of_its_own_stance():
    semantic, scores, tags, stances, topic = _corpus({"comment": 200, "deny": 40}, topics=2)
    model, fitted = fit_sample(semantic, scores, tags, n_total=240, layout=False, facets=stances, **WEIGHTS)
    assert model.facets is not None and sorted(set(model.facets)) == ["comment", "deny"]
    # a comment about topic 0, read as deny though its scores look like the comments'
    new_semantic = semantic[:1].copy()
    labels, _, _ = model.assign(new_semantic, scores[:1], tags[:1], np.asarray(["deny"]))
    assert model.facets[labels[0]] == "deny"
    # and a stance the sample never saw goes to the nearest centre of any stance
    labels, _, _ = model.assign(new_semantic, scores[:1], tags[:1], np.asarray(["query"]))
    assert labels[0] == fitted.labels[0]


def test_analysed_comments_form_groups_of_one_stance_each():
    comments = make_comments([("toll", TOLL_COMMENTS * 3), ("vax", VACCINE_COMMENTS * 3)])
    settings = AnalyzeSettings(layout=False, n_clusters=6)
    result = analyze_comments(comments, make_articles(TOLL_ARTICLE, VACCINE_ARTICLE), settings)
    stances = result.features.select("comment_id", "stance").join(result.clusters.select("comment_id", "cluster"), on="comment_id")
    per_stance = stances.group_by("stance").agg(pl.len().alias("n"), pl.col("cluster").n_unique().alias("groups"))
    assert (stances.group_by("cluster").agg(pl.col("stance").n_unique())["stance"] == 1).all()
    # a stance is split only into groups of a readable size: fewer than 2 x MIN_GROUP stays whole
    assert (per_stance["groups"] <= (per_stance["n"] // MIN_GROUP).clip(lower_bound=1)).all()
    assert result.cluster_summary.height == stances["cluster"].n_unique()
    # the summary's stance shares say the same: one stance holds all of each group
    shares = result.cluster_summary.select(pl.max_horizontal(pl.col("^share_.*$")))
    assert (shares.to_series() == 1.0).all()
