"""Clusters of a corpus too large to hold: fitted on a seeded sample, assigned to the rest in batches.

The public API (also what a distributed engine broadcasts):

    model, sample_result = fit_sample(semantic, stance_scores, tags, n_total=..., w_semantic=..., facets=stances)
    labels, distance, xy = model.assign(semantic_b, stance_scores_b, tags_b, facets=stances_b)   # any batch, any order

`fit_sample` scales the three views (JointScale), picks k and fits KMeans on the sample, exactly
as cluster_points does on a whole corpus, and fits the 2-D map (UMAP) on at most `umap_sample` of
the sample. `SampleModel.assign` puts each later comment in the cluster of its nearest centre
among those of its own facet (stance; any centre when its facet has none), in the same joint space, and on the map at the distance-weighted mean of its nearest UMAP-fitted
points. When the sample is the whole corpus, fit_sample's result is cluster_points' result.

The model holds only k centres and the map's reference points (a few MB), so it pickles cheaply
to worker processes or Spark executors.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from replyscope.analyze.cluster.kmeans import (
    UMAP_MIN_POINTS,
    ClusterResult,
    JointScale,
    _sample,
    cluster_centres,
    fit_labels,
    fit_layout,
    place_by_neighbours,
    small_layout,
)

# Clusters are fitted on at most this many comments: KMeans (and any silhouette search) stay in
# seconds and the sample's vectors (50k x ~400 float32 = 80 MB) in memory, whatever the corpus.
CLUSTER_SAMPLE = 50_000
MAP_NEIGHBOURS = 15


def sample_rows(n_total: int, size: int = CLUSTER_SAMPLE, seed: int = 0) -> np.ndarray:
    """Sorted row indices of the seeded sample clusters are fitted on (all rows when n <= size)."""
    return _sample(n_total, size, seed)


@dataclass(frozen=True)
class SampleModel:
    scale: JointScale
    centres: np.ndarray  # (k, d) float32, cluster c's centre in row c
    map_points: np.ndarray  # (m, d) the rows the map was fitted on (empty: no map)
    map_xy: np.ndarray  # (m, 2) their coordinates
    # The facet (stance) of each centre's group when the groups were parted by facet, else None.
    facets: tuple[str, ...] | None = None

    @property
    def k(self) -> int:
        return int(self.centres.shape[0])

    def joint(self, semantic, stance_scores, tags) -> np.ndarray:
        """Rows in the joint space the model was fitted in."""
        return self.scale.transform(semantic, stance_scores, tags)

    def nearest_centre(self, x: np.ndarray, facets: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(labels int32, distance to that centre float32) of joint-space rows `x`; with the rows'
        `facets`, only centres of the row's own facet count (all, for a facet no group holds)."""
        if x.shape[0] == 0:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)
        # |x - c|^2 = |x|^2 - 2 x.c + |c|^2, one matrix product for the whole batch.
        d2 = (x * x).sum(1, keepdims=True) - 2.0 * (x @ self.centres.T) + (self.centres * self.centres).sum(1)[None, :]
        if facets is not None and self.facets is not None:
            own = np.asarray(facets).astype(str)[:, None] == np.asarray(self.facets, dtype=str)[None, :]
            own[~own.any(1)] = True
            d2 = np.where(own, d2, np.inf)
        labels = np.argmin(d2, axis=1).astype(np.int32)
        distance = np.linalg.norm(x - self.centres[labels], axis=1).astype(np.float32)
        return labels, distance

    def place(self, x: np.ndarray) -> np.ndarray:
        """(n, 2) map coordinates of joint-space rows `x` (zeros when no map was fitted)."""
        if self.map_points.shape[0] < UMAP_MIN_POINTS:
            return np.zeros((x.shape[0], 2), dtype=np.float32)
        return place_by_neighbours(x, self.map_points, self.map_xy, k=min(MAP_NEIGHBOURS, self.map_points.shape[0]))

    def assign(self, semantic, stance_scores, tags, facets=None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(labels, centre distance, xy) of a batch of comments that were not in the sample;
        `facets`, their stances, as fit_sample was given them."""
        x = self.joint(semantic, stance_scores, tags)
        labels, distance = self.nearest_centre(x, facets)
        return labels, distance, self.place(x)


def fit_sample(
    semantic: np.ndarray,
    stance_scores: np.ndarray,
    tags: np.ndarray,
    *,
    n_total: int,
    w_semantic: float,
    w_stance: float,
    w_rhetoric: float,
    seed: int = 0,
    k_min: int | None = None,
    k_max: int | None = None,
    k: int | None = None,
    layout: bool = True,
    umap_sample: int = 5_000,
    facets: np.ndarray | None = None,
) -> tuple[SampleModel, ClusterResult]:
    """Fit clusters and the map on a sample of a corpus of `n_total` comments (rows of the three
    views, as joint_matrix takes them); returns the model and the sample's own ClusterResult.

    The view weights have no defaults here: AnalyzeSettings holds them and says why they are what
    they are, so one number cannot drift from its twin."""
    scale = JointScale.fit(semantic, stance_scores, tags, w_semantic=w_semantic, w_stance=w_stance, w_rhetoric=w_rhetoric)
    x = scale.transform(semantic, stance_scores, tags)
    n = x.shape[0]
    if n == 0:
        empty = np.zeros((0, x.shape[1]), dtype=np.float32)
        model = SampleModel(scale, empty, empty, np.zeros((0, 2), dtype=np.float32))
        return model, ClusterResult(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32), np.zeros((0, 2), dtype=np.float32), 0)
    labels = fit_labels(x, n_total=n_total, seed=seed, k_min=k_min, k_max=k_max, k=k, facets=facets)
    n_clusters = int(labels.max()) + 1
    centres = cluster_centres(x, labels, n_clusters).astype(np.float32)
    centre_facets = _group_facets(labels, facets, n_clusters)
    distance = np.linalg.norm(x - centres[labels], axis=1).astype(np.float32)
    no_map = (np.zeros((0, x.shape[1]), dtype=np.float32), np.zeros((0, 2), dtype=np.float32))
    if not layout:
        xy = np.zeros((n, 2), dtype=np.float32)
        map_points, map_xy = no_map
    elif n < UMAP_MIN_POINTS:
        xy = small_layout(x)
        map_points, map_xy = no_map
    else:
        idx, fitted = fit_layout(x, seed=seed, umap_sample=umap_sample, neighbours=MAP_NEIGHBOURS)
        map_points, map_xy = x[idx], fitted
        model = SampleModel(scale, centres, map_points, map_xy, centre_facets)
        xy = np.zeros((n, 2), dtype=np.float32)
        xy[idx] = fitted
        rest = np.setdiff1d(np.arange(n), idx)
        xy[rest] = model.place(x[rest])
    model = SampleModel(scale, centres, map_points, map_xy, centre_facets)
    return model, ClusterResult(labels, distance, xy, n_clusters)


def _group_facets(labels: np.ndarray, facets: np.ndarray | None, k: int) -> tuple[str, ...] | None:
    """Each group's facet when every group holds one facet (the groups were parted by it), else None."""
    if facets is None:
        return None
    facets = np.asarray(facets).astype(str)
    out = []
    for c in range(k):
        held = np.unique(facets[labels == c])
        if len(held) != 1:
            return None
        out.append(str(held[0]))
    return tuple(out)


__all__ = ["CLUSTER_SAMPLE", "SampleModel", "fit_sample", "sample_rows"]
