"""Clustering and layout: groups found, tiny inputs, determinism, stable numbering."""

from __future__ import annotations

import numpy as np
import pytest

from replyscope.analyze.cluster.kmeans import choose_k, cluster_points, joint_matrix, k_range, layout_2d


def _blobs(n_per: int = 40, centres: int = 3, dim: int = 6, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    means = np.eye(dim)[:centres] * 5
    truth = np.repeat(np.arange(centres), n_per)
    return (means[truth] + rng.normal(0, 0.3, (len(truth), dim))).astype(np.float32), truth


def test_finds_separated_groups_and_picks_their_number():
    x, truth = _blobs()
    result = cluster_points(x, seed=0, k_min=2, k_max=6)
    assert result.k == 3
    # Same partition as the truth, whatever the numbering.
    pairs = set(zip(truth.tolist(), result.labels.tolist()))
    assert len(pairs) == 3


def test_clusters_are_numbered_by_size_largest_first():
    x, _ = _blobs()
    x = np.concatenate([x, x[:40] + 0.01])  # group 0 now twice as large
    labels = cluster_points(x, seed=0, k=3, layout=False).labels
    sizes = np.bincount(labels)
    assert list(sizes) == sorted(sizes, reverse=True)


def test_same_seed_same_everything():
    x, _ = _blobs(n_per=30)
    a = cluster_points(x, seed=7)
    b = cluster_points(x, seed=7)
    assert np.array_equal(a.labels, b.labels)
    assert np.array_equal(a.xy, b.xy)


@pytest.mark.parametrize("n", [0, 1, 2, 3, 6, 12])
def test_tiny_inputs_give_a_cluster_and_a_finite_map(n):
    x, _ = _blobs(n_per=4)
    x = x[:n]
    result = cluster_points(x, seed=0)
    assert result.labels.shape == (n,)
    assert result.xy.shape == (n, 2)
    assert np.isfinite(result.xy).all()
    if n:
        assert result.labels.min() == 0 and result.k == result.labels.max() + 1
        assert result.k <= max(1, n - 1)


def test_identical_points_form_one_cluster_with_distinct_map_positions():
    x = np.ones((7, 4), dtype=np.float32)
    result = cluster_points(x, seed=0)
    assert result.k == 1
    assert len({tuple(p) for p in result.xy.round(4).tolist()}) == 7


def test_large_inputs_place_unsampled_points_near_their_neighbours():
    x, truth = _blobs(n_per=100)
    xy = layout_2d(x, seed=0, umap_sample=120)  # most points placed by neighbours, not fitted
    centres = np.stack([xy[truth == c].mean(0) for c in range(3)])
    own = np.linalg.norm(xy - centres[truth], axis=1).mean()
    other = np.linalg.norm(xy - centres[(truth + 1) % 3], axis=1).mean()
    assert own < other


def _spread(block: np.ndarray) -> float:
    centred = block - block.mean(0)
    return float(np.sqrt((centred**2).sum(1).mean()))


def test_joint_matrix_gives_each_view_its_weight_as_spread():
    rng = np.random.default_rng(0)
    semantic = rng.normal(size=(50, 8)).astype(np.float32)
    scores = rng.dirichlet(np.ones(4), 50).astype(np.float32)
    tags = (rng.random((50, 3)) < 0.3).astype(np.float32)
    x = joint_matrix(semantic, scores, tags, w_semantic=2.0, w_stance=3.0, w_rhetoric=0.5)
    assert x.shape == (50, 15) and x.dtype == np.float32
    assert _spread(x[:, :8]) == pytest.approx(2.0, rel=1e-4)
    assert _spread(x[:, 8:12]) == pytest.approx(3.0, rel=1e-4)
    assert _spread(x[:, 12:]) == pytest.approx(0.5, rel=1e-4)


def test_joint_matrix_does_not_inflate_a_constant_view():
    semantic = np.eye(4, dtype=np.float32)
    scores = np.tile([0.25, 0.25, 0.25, 0.25], (4, 1)).astype(np.float32)
    scores[0, 0] += 1e-4  # tiny noise must stay tiny
    x = joint_matrix(semantic, scores, np.zeros((4, 0)), w_semantic=1.0, w_stance=5.0, w_rhetoric=1.0)
    assert _spread(x[:, 4:8]) < 0.01
    assert x.shape == (4, 8)


def test_choose_k_prefers_fewer_groups_on_a_tie():
    x = np.array([[0, 0], [0, 0.1], [10, 10], [10, 10.1]], dtype=np.float32)
    assert choose_k(x, k_min=2, k_max=3, seed=0) == 2


def test_k_range_grows_with_the_corpus():
    assert k_range(0) == (1, 1) and k_range(2) == (1, 1)
    assert k_range(6) == (2, 5)
    lo, hi = k_range(1_000)
    assert 2 < lo <= hi
    assert k_range(100_000)[1] >= hi


def test_choose_k_never_exceeds_the_distinct_points():
    x = np.repeat(np.array([[0, 0], [5, 5], [9, 0]], dtype=np.float32), 50, axis=0)
    assert choose_k(x, k_min=4, k_max=8, seed=0) == 2  # 3 distinct points: silhouette needs k < 3
