"""The BERTopic-style baseline: labels per text, outliers kept, deterministic, tiny inputs."""

from __future__ import annotations

import numpy as np

from replyscope.analyze.cluster.baseline import baseline_clusters

TOPICS = {
    "toll": "the bridge toll went up again and drivers pay more for the crossing",
    "school": "the school board cut library hours and teachers buy their own supplies",
    "vaccine": "the new vaccine trial data shows side effects were rare in adults",
}


def _texts(per_topic: int = 30) -> tuple[list[str], list[str]]:
    rng = np.random.default_rng(0)
    texts, truth = [], []
    for topic, sentence in TOPICS.items():
        words = sentence.split()
        for _ in range(per_topic):
            keep = rng.random(len(words)) > 0.3  # drop ~30% of words: related, not identical
            texts.append(" ".join(w for w, k in zip(words, keep) if k) or words[0])
            truth.append(topic)
    return texts, truth


def test_labels_one_per_text_and_separate_distinct_topics():
    texts, truth = _texts()
    labels = baseline_clusters(texts, seed=0, representation="tfidf")
    assert labels.shape == (len(texts),)
    assert labels.dtype == np.int64
    clustered = labels[labels >= 0]
    assert len(set(clustered.tolist())) >= 2
    # No found cluster mixes two topics.
    for c in set(clustered.tolist()):
        assert len({t for t, lab in zip(truth, labels) if lab == c}) == 1


def test_same_seed_same_labels():
    texts, _ = _texts(20)
    assert np.array_equal(baseline_clusters(texts, seed=1, representation="tfidf"), baseline_clusters(texts, seed=1, representation="tfidf"))


def test_fewer_texts_than_a_cluster_are_all_outliers():
    assert baseline_clusters([], representation="tfidf").shape == (0,)
    assert (baseline_clusters(["one", "two", "three"], representation="tfidf") == -1).all()
