"""The analysis in batches (analyze.streaming, cluster.sample): the same features batch by batch
as in one go, the same tables as analyze_comments when the sample is the whole corpus, and every
comment outside the sample in the cluster of its nearest centre."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from replyscope.analyze import AnalyzeSettings, analyze_comments
from replyscope.analyze.cluster.sample import fit_sample, sample_rows
from replyscope.analyze.streaming import analyze_in_batches, article_batches
from test_analyze import TOLL_ARTICLE, TOLL_COMMENTS, VACCINE_ARTICLE, VACCINE_COMMENTS, make_articles, make_comments

HOUSING_ARTICLE = ("rent", "Rents rise for the fifth year", "Average rents in the city rose again, the housing office said.")
HOUSING_COMMENTS = [
    "Landlords are getting away with murder, rent control now.",
    "Is anyone surprised? Wages have not moved in ten years.",
    "Build more homes and prices fall, it is that simple.",
    "My rent went up 12% and the heating still does not work.",
    "Rent control never worked anywhere, read some economics.",
    "Source for the 'fifth year' claim? The office says four.",
]


def _corpus():
    comments = make_comments([("toll", TOLL_COMMENTS), ("rent", HOUSING_COMMENTS), ("vax", VACCINE_COMMENTS)])
    return comments, make_articles(TOLL_ARTICLE, HOUSING_ARTICLE, VACCINE_ARTICLE)


def _stream(tmp_path, settings, batch_comments, **kwargs):
    comments, articles = _corpus()
    tmp_path.mkdir(parents=True, exist_ok=True)
    comments.write_parquet(tmp_path / "comments.parquet")
    articles.write_parquet(tmp_path / "articles.parquet")
    out: dict[str, pl.DataFrame] = {}
    calls: list[tuple[str, int, int]] = []

    def write(name, frames):
        out[name] = frames if isinstance(frames, pl.DataFrame) else pl.concat(list(frames))
        if name == "features":  # the stream reads the merged features back
            out[name].write_parquet(tmp_path / "features.parquet")

    result = analyze_in_batches(
        tmp_path / "comments.parquet", tmp_path / "articles.parquet", write, settings,
        parts_dir=tmp_path / "parts", batch_comments=batch_comments,
        on_progress=lambda step, done, total: calls.append((step, done, total)), **kwargs,
    )
    return out, result, calls


def test_article_batches_never_cut_an_article_and_stay_near_their_size():
    doc_ids = ["a"] * 3 + ["b"] * 5 + ["c"] + ["d"] * 2 + ["e"] * 4
    batches = list(article_batches(doc_ids, 4))
    assert batches[0][0] == 0 and batches[-1][1] == len(doc_ids)
    assert all(a[1] == b[0] for a, b in zip(batches, batches[1:]))  # contiguous, nothing lost
    for start, end in batches:
        assert start == 0 or doc_ids[start - 1] != doc_ids[start]  # starts where an article starts
        # a batch is at most its size plus the rest of the article it reached the size in
        assert end - start < 4 + 5
    assert len(batches) > 1
    # a short tail joins the batch before it
    assert list(article_batches(["a"] * 10 + ["b"], 10)) == [(0, 11)]
    assert list(article_batches(["a"] * 10 + ["b"] * 6, 10)) == [(0, 10), (10, 16)]


def test_features_in_small_batches_equal_one_batch(tmp_path):
    settings = AnalyzeSettings(representation="tfidf", layout=False)
    one, _, _ = _stream(tmp_path / "one", settings, batch_comments=10_000)
    many, _, calls = _stream(tmp_path / "many", settings, batch_comments=4)
    assert_frame_equal(one["features"], many["features"])
    feature_counts = [done for step, done, _ in calls if step == "features"]
    assert len(set(feature_counts)) >= 4  # the bar moved batch by batch


def test_whole_corpus_sample_gives_analyze_comments_tables(tmp_path):
    settings = AnalyzeSettings(representation="tfidf", seed=3)
    comments, articles = _corpus()
    expected = analyze_comments(comments, articles, settings)
    got, result, _ = _stream(tmp_path, settings, batch_comments=5)
    assert result.counts["cluster_sample"] == comments.height
    assert_frame_equal(got["features"], expected.features)
    assert_frame_equal(got["clusters"], expected.clusters)
    assert_frame_equal(got["cluster_summary"], expected.cluster_summary)


def test_a_sampled_run_assigns_every_comment_and_is_deterministic(tmp_path):
    settings = AnalyzeSettings(representation="tfidf", seed=1, cluster_sample=12, n_clusters=3)
    a, result, calls = _stream(tmp_path / "a", settings, batch_comments=5)
    b, _, _ = _stream(tmp_path / "b", settings, batch_comments=5)
    n = _corpus()[0].height
    assert result.counts["cluster_sample"] == 12
    clusters = a["clusters"]
    assert clusters.height == n and clusters["cluster"].is_between(0, 2).all()
    assert a["cluster_summary"]["size"].sum() == n
    assert_frame_equal(a["clusters"], b["clusters"])
    assert [d for s, d, _ in calls if s == "assign"][-1] == n


def test_a_comment_outside_the_sample_goes_to_its_nearest_centre():
    rng = np.random.default_rng(0)
    centres = np.array([[4.0, 0, 0, 0], [0, 4.0, 0, 0], [0, 0, 4.0, 0]], dtype=np.float32)
    semantic = np.concatenate([c + rng.normal(0, 0.3, (40, 4)) for c in centres]).astype(np.float32)
    scores = np.tile(np.array([[0.1, 0.1, 0.1, 0.7]], dtype=np.float32), (120, 1))
    tags = np.zeros((120, 3), dtype=np.float32)
    idx = sample_rows(120, 60, seed=0)
    defaults = AnalyzeSettings()
    weights = {"w_semantic": defaults.w_semantic, "w_stance": defaults.w_stance, "w_rhetoric": defaults.w_rhetoric}
    model, fitted = fit_sample(semantic[idx], scores[idx], tags[idx], n_total=120, k=3, layout=False, **weights)
    rest = np.setdiff1d(np.arange(120), idx)
    labels, distance, _ = model.assign(semantic[rest], scores[rest], tags[rest])
    x = model.joint(semantic[rest], scores[rest], tags[rest])
    all_distances = np.linalg.norm(x[:, None, :] - model.centres[None, :, :], axis=2)
    assert np.array_equal(labels, all_distances.argmin(1))
    assert np.allclose(distance, all_distances.min(1), atol=1e-4)
    # and the groups are the generating ones: each true group lands in one cluster
    truth = rest // 40
    for g in range(3):
        assert len(set(labels[truth == g].tolist())) == 1


@pytest.mark.parametrize("n,size", [(10, 50), (1000, 50)])
def test_sample_rows_is_seeded_sorted_and_bounded(n, size):
    a, b = sample_rows(n, size, seed=4), sample_rows(n, size, seed=4)
    assert np.array_equal(a, b) and np.all(np.diff(a) > 0) and len(a) == min(n, size)


def test_worker_processes_give_the_same_tables_as_one_process(tmp_path):
    from replyscope.pipeline import _make_executor

    settings = AnalyzeSettings(representation="tfidf", seed=2, cluster_sample=10, n_clusters=3)
    one, _, _ = _stream(tmp_path / "one", settings, batch_comments=6)
    two, _, _ = _stream(tmp_path / "two", settings, batch_comments=6, workers=2, make_executor=_make_executor)
    for name in ("features", "clusters", "cluster_summary"):
        assert_frame_equal(one[name], two[name])


def test_finished_feature_batches_are_reused_after_an_interruption(tmp_path, monkeypatch):
    import replyscope.analyze.streaming as streaming

    settings = AnalyzeSettings(representation="tfidf", layout=False)
    first, _, _ = _stream(tmp_path, settings, batch_comments=4)
    parts = sorted((tmp_path / "parts").rglob("features-*.parquet"))
    assert len(parts) == 3  # one per article: each has more than 4 comments
    parts[-1].unlink()  # the batch that was running when the command was stopped
    computed = []
    real = streaming.features_part
    monkeypatch.setattr(streaming, "features_part", lambda *a: computed.append(a[2:4]) or real(*a))
    again, _, _ = _stream(tmp_path, settings, batch_comments=4)
    assert len(computed) == 1  # only the missing batch
    assert_frame_equal(first["features"], again["features"])
