"""Group comments that argue alike, and lay them out on a 2-D map.

What "alike" means is a weighted join of three views of a comment (DESIGN.md, Clustering):
what it is about (the semantic representation, unit rows), where it stands (the four stance
scores), and how it argues (rhetoric tags, multi-hot). The weights are knobs (AnalyzeSettings);
stance weighs 0.7 of the semantic view by default because the point of replyscope is groups an
analyst can read as positions, not topics (a topic model already gives topics): with less, a
corpus of many articles splits by article topic first (AnalyzeSettings.w_stance has the numbers).

Stance is a facet before it is a distance. Comments are first parted by the stance the reader
gave them, and each part is then split into groups by what its comments argue (KMeans on the
joined view, stance scores included), so every group holds one stance an analyst can see. Why:
on the joined view alone, silhouette found the four tight blobs of the stance scores (Dragnet
raw dev: silhouette 0.29 / 0.28 / 0.26 at k = 2 / 3 / 4, then 0.09 at 5) and nothing inside them
(0.01-0.06 within the "comment" part, falling with k), so k was always the floor of its range
and one group held 82% of 6,392 comments; and at that k, KMeans chose between splitting a stance
off and splitting the big part by topic on a knife edge (RumourEval pages, half a: a stance
reading whose labels carried more of the gold stance than the one before (label NMI 0.108 ->
0.117) gave clusters that carried less (0.116 -> 0.079), because the fourth group went from a
stance to a topic half of "comment"). Since silhouette has no structure to find inside a part,
the number of groups follows from size instead (allocate_groups).

Choices, by measurement (SemEval-2016 stance set, one clustering per target, NMI / purity vs
gold stance, weighted over targets; measured before the facets, on the joined view alone):
- KMeans on the joined matrix, k picked by silhouette over a small range on a seeded sample:
  fast at 100k (seconds), deterministic for a seed, and every comment gets a group. Ward and
  spectral clustering scored the same or lower (e.g. k=4: KMeans 0.162/0.635, Ward 0.156/0.637,
  spectral 0.154/0.620) and cost O(n^2); HDBSCAN (the baseline's) leaves ~40% as outliers.
- The views are joined raw, not reduced with UMAP first: UMAP(5-d) before KMeans lost 0.02-0.05
  NMI here, and PCA whitening did not help.
- The map is UMAP of the same joined matrix, so the map agrees with the groups. For large n,
  UMAP is fitted on a seeded sample and every other point is placed at the distance-weighted
  mean of its nearest sample points (what UMAP's own transform starts from, minus its
  optimisation epochs, which cost minutes at 100k for no visible change at report scale). Tiny
  inputs, where UMAP cannot build a neighbour graph, get a PCA or fixed layout.
"""

from __future__ import annotations

from dataclasses import dataclass

import warnings

import numpy as np

from replyscope.analyze.embed.tfidf import l2_normalise

# Below this many comments, UMAP's neighbour graph is meaningless or fails; PCA is used instead.
UMAP_MIN_POINTS = 10
# Views whose spread is below this are treated as (nearly) constant: see _standardised.
MIN_SPREAD = 0.1


@dataclass(frozen=True)
class ClusterResult:
    labels: np.ndarray  # (n,) int32, clusters numbered 0.. by size, largest first
    centre_distance: np.ndarray  # (n,) float32, distance to the own cluster's centre
    xy: np.ndarray  # (n, 2) float32 layout
    k: int


def _spread(block: np.ndarray) -> float:
    """The rows' root-mean-square distance to their mean, floored at MIN_SPREAD.

    Why: the three views live on different scales (unit 384-d semantic rows spread ~0.8; four
    stance probabilities ~0.3; sparse tag rows anything), so raw weights would mean different
    things for each representation and corpus. Divided by this, a weight is that view's share of
    the spread KMeans sees. A near-constant view (spread < MIN_SPREAD) is not blown up to unit
    spread: its noise would then count as much as a real signal.
    """
    if block.shape[0] == 0 or block.size == 0:
        return 1.0
    centred = block - block.mean(0, keepdims=True)
    return max(float(np.sqrt((centred * centred).sum(1).mean())), MIN_SPREAD)


def _views(semantic: np.ndarray, stance_scores: np.ndarray, tags: np.ndarray) -> list[np.ndarray]:
    n = np.asarray(semantic).shape[0]
    tags = np.asarray(tags, dtype=np.float32)
    tags = l2_normalise(tags.reshape(n, tags.shape[-1] if tags.ndim == 2 else 0))
    semantic = np.asarray(semantic, dtype=np.float32)
    stance_scores = np.asarray(stance_scores, dtype=np.float32)
    return [semantic.reshape(n, semantic.shape[-1]), stance_scores.reshape(n, stance_scores.shape[-1]), tags]


@dataclass(frozen=True)
class JointScale:
    """How joint_matrix scales each view, fitted once (on all comments, or on a sample of a large
    corpus) so that comments embedded later land in the same space as those it was fitted on."""

    spreads: tuple[float, float, float]  # semantic, stance, rhetoric
    weights: tuple[float, float, float]

    @classmethod
    def fit(cls, semantic, stance_scores, tags, *, w_semantic: float, w_stance: float, w_rhetoric: float) -> JointScale:
        views = _views(semantic, stance_scores, tags)
        return cls(tuple(_spread(v) for v in views), (w_semantic, w_stance, w_rhetoric))

    def transform(self, semantic, stance_scores, tags) -> np.ndarray:
        views = _views(semantic, stance_scores, tags)
        parts = [
            (v / spread if v.size else v) * np.float32(w)
            for v, spread, w in zip(views, self.spreads, self.weights, strict=True)
        ]
        return np.ascontiguousarray(np.concatenate(parts, axis=1), dtype=np.float32)


def joint_matrix(
    semantic: np.ndarray,
    stance_scores: np.ndarray,
    tags: np.ndarray,
    *,
    w_semantic: float,
    w_stance: float,
    w_rhetoric: float,
) -> np.ndarray:
    """[semantic, stance scores, tag rows], each view standardised (see _spread) then weighted, as
    float32.

    Tag rows are first unit-scaled so a comment with five tags does not sit five times farther
    from the tagless ones than a comment with one.
    """
    scale = JointScale.fit(semantic, stance_scores, tags, w_semantic=w_semantic, w_stance=w_stance, w_rhetoric=w_rhetoric)
    return scale.transform(semantic, stance_scores, tags)


def _sample(n: int, size: int, seed: int) -> np.ndarray:
    if n <= size:
        return np.arange(n)
    return np.sort(np.random.default_rng(seed).choice(n, size=size, replace=False))


def _kmeans(x: np.ndarray, k: int, seed: int):
    from sklearn.cluster import KMeans  # noqa: PLC0415

    return KMeans(n_clusters=k, n_init=3, random_state=seed, max_iter=100).fit(x)


def choose_k(x: np.ndarray, *, k_min: int, k_max: int, seed: int, sample_size: int = 2_000) -> int:
    """k in [k_min, k_max] with the best silhouette, scored on a seeded sample.

    Never more clusters than distinct points: 1 when all points coincide, 2 for two distinct.
    """
    from sklearn.metrics import silhouette_score  # noqa: PLC0415

    n = x.shape[0]
    idx = _sample(n, sample_size, seed)
    sample = x[idx]
    distinct = np.unique(np.round(sample, 5), axis=0).shape[0]
    upper = min(k_max, distinct - 1, len(idx) - 1)
    if upper < 2:
        return 1 if distinct < 2 else min(2, distinct)
    lower = min(max(2, k_min), upper)  # fewer distinct points than k_min: as many as there are
    best_k, best_score = lower, -np.inf
    for k in range(lower, upper + 1):
        labels = _kmeans(sample, k, seed).labels_
        if len(set(labels.tolist())) < 2:
            continue
        score = silhouette_score(sample, labels, random_state=seed)
        # Strictly better only: ties keep the smaller k (fewer groups are easier to read).
        if score > best_score + 1e-6:
            best_k, best_score = k, score
    return best_k


# A part is split only while each of its groups keeps at least this many comments: the smallest
# group BERTopic calls a topic (HDBSCAN's min_cluster_size, the baseline's too). Smaller groups
# are anecdotes, not patterns an analyst can read a card about.
MIN_GROUP = 10


def allocate_groups(sizes: dict[str, int], budget: int, *, min_group: int = MIN_GROUP) -> dict[str, int]:
    """How many groups each facet (stance) gets out of `budget`: one each, then every further
    group to the facet with the most comments per group (D'Hondt), while that keeps at least
    `min_group` comments a group. Why: the parts' sizes are what an analyst feels (a part of 80%
    shown as one card is the useless group); with no structure inside a part to choose by, equal
    reading loads are the fair split. Ties go to the facet named first, for determinism."""
    groups = {f: 1 for f in sizes}
    for _ in range(max(0, budget - len(sizes))):
        best = max(sorted(sizes), key=lambda f: sizes[f] / groups[f])
        if sizes[best] / (groups[best] + 1) < min_group:
            break
        groups[best] += 1
    return groups


def facet_budget(n_total: int, *, k_max: int | None = None, k: int | None = None) -> int:
    """The number of groups shared among the facets: `k` when fixed, else `k_max`, else the top
    of k_range(n_total) (readable: six for an article-sized set, ten for a corpus)."""
    if k is not None:
        return k
    return k_max if k_max is not None else k_range(n_total)[1]


def faceted_labels(x: np.ndarray, facets: np.ndarray, *, budget: int, seed: int, n_total: int | None = None) -> np.ndarray:
    """Labels (numbered by size) of rows `x` parted by `facets` (one value a row, the stance),
    each part split by KMeans into its allocate_groups share of `budget`. `n_total`: the corpus
    size when `x` is a sample of it (group sizes are judged in the corpus's counts)."""
    n = x.shape[0]
    facets = np.asarray(facets).astype(str)
    names, inverse = np.unique(facets, return_inverse=True)
    counts = np.bincount(inverse, minlength=len(names))
    per_row = (n_total or n) / max(n, 1)
    groups = allocate_groups({str(f): int(round(c * per_row)) for f, c in zip(names, counts, strict=True)}, budget)
    labels = np.zeros(n, dtype=np.int64)
    offset = 0
    for i, name in enumerate(names):
        rows = np.flatnonzero(inverse == i)
        k = min(groups[str(name)], len(rows))
        if k > 1:
            with warnings.catch_warnings():
                # Fewer distinct rows than k: KMeans says so and leaves groups empty; _by_size drops them.
                warnings.filterwarnings("ignore", category=UserWarning)
                warnings.filterwarnings("ignore", message=".*distinct clusters.*")
                labels[rows] = offset + _kmeans(x[rows], k, seed).labels_
        else:
            labels[rows] = offset
        offset += k
    return _by_size(labels)


def _by_size(labels: np.ndarray) -> np.ndarray:
    """Renumber clusters 0.. by size (largest first; ties by first appearance) for stable ids."""
    uniq, first, counts = np.unique(labels, return_index=True, return_counts=True)
    order = sorted(range(len(uniq)), key=lambda i: (-counts[i], first[i]))
    mapping = np.empty(uniq.max() + 1 if len(uniq) else 0, dtype=np.int32)
    for new, i in enumerate(order):
        mapping[uniq[i]] = new
    return mapping[labels].astype(np.int32)


def layout_2d(x: np.ndarray, *, seed: int, umap_sample: int = 5_000, neighbours: int = 15) -> np.ndarray:
    """(n, 2) float32 map coordinates: UMAP when it can work, PCA or fixed points when it cannot."""
    n = x.shape[0]
    if n < UMAP_MIN_POINTS:
        return small_layout(x)
    idx, fitted = fit_layout(x, seed=seed, umap_sample=umap_sample, neighbours=neighbours)
    if len(idx) == n:
        return fitted
    out = np.zeros((n, 2), dtype=np.float32)
    out[idx] = fitted
    rest = np.setdiff1d(np.arange(n), idx)
    out[rest] = place_by_neighbours(x[rest], x[idx], fitted, k=min(neighbours, len(idx)))
    return out


def small_layout(x: np.ndarray) -> np.ndarray:
    """The map of fewer than UMAP_MIN_POINTS points: PCA, or fixed points for 0-1."""
    if x.shape[0] <= 1:
        return np.zeros((x.shape[0], 2), dtype=np.float32)
    return _pca_2d(x)


def fit_layout(x: np.ndarray, *, seed: int, umap_sample: int = 5_000, neighbours: int = 15) -> tuple[np.ndarray, np.ndarray]:
    """UMAP fitted on a seeded sample of at most `umap_sample` rows of `x` (n >= UMAP_MIN_POINTS):
    (the sample's row indices, their (m, 2) float32 coordinates)."""
    import umap  # noqa: PLC0415 - heavy import (numba), only when a map is needed

    idx = _sample(x.shape[0], umap_sample, seed)
    reducer = umap.UMAP(
        n_components=2,
        n_neighbors=min(neighbours, len(idx) - 1),
        min_dist=0.1,
        metric="euclidean",
        random_state=seed,  # also makes UMAP single-threaded, hence deterministic
        init="spectral" if len(idx) > 50 else "random",
    )
    with warnings.catch_warnings():
        # A seed makes UMAP single-threaded, and it says so on every call; we chose that.
        warnings.filterwarnings("ignore", message=".*n_jobs value.*", category=UserWarning)
        fitted = reducer.fit_transform(x[idx]).astype(np.float32)
    return idx, fitted


def place_by_neighbours(x: np.ndarray, reference: np.ndarray, reference_xy: np.ndarray, *, k: int) -> np.ndarray:
    """Map points for the rows of `x`: each at the distance-weighted mean of the map positions of
    its `k` nearest `reference` rows (what UMAP's own transform starts from)."""
    from sklearn.neighbors import NearestNeighbors  # noqa: PLC0415

    out = np.zeros((x.shape[0], 2), dtype=np.float32)
    if x.shape[0] == 0:
        return out
    nn = NearestNeighbors(n_neighbors=k, algorithm="brute").fit(reference)
    for start in range(0, x.shape[0], 20_000):  # chunks bound the distance matrix's memory
        dist, nbr = nn.kneighbors(x[start : start + 20_000])
        weight = 1.0 / (dist + 1e-3)
        weight /= weight.sum(1, keepdims=True)
        out[start : start + 20_000] = np.einsum("ij,ijk->ik", weight, reference_xy[nbr]).astype(np.float32)
    return out


def _pca_2d(x: np.ndarray) -> np.ndarray:
    centred = x - x.mean(0, keepdims=True)
    if not np.any(centred):
        # All points identical: spread them on a small circle so each stays clickable.
        angle = np.linspace(0, 2 * np.pi, x.shape[0], endpoint=False)
        return np.stack([np.cos(angle), np.sin(angle)], axis=1).astype(np.float32)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    xy = centred @ vt[:2].T
    if xy.shape[1] < 2:
        xy = np.concatenate([xy, np.zeros((x.shape[0], 2 - xy.shape[1]))], axis=1)
    # SVD's sign is arbitrary; fix it (largest-magnitude coordinate positive) for determinism.
    for j in range(2):
        col = xy[:, j]
        if col[np.argmax(np.abs(col))] < 0:
            xy[:, j] = -col
    return xy.astype(np.float32)


def k_range(n: int) -> tuple[int, int]:
    """The range of cluster counts searched for n comments.

    Why these: a handful of comments splits in two at most; from 100 comments on, at least four
    groups (there are four stances, and on SemEval-2016 k >= 4 raised purity over the majority
    share by 8 points where k = 2-3 did not, for ~0.01 NMI); a report stays readable with up to
    six groups for an article's comments and ten for a corpus. The top is what the stance parts
    share (facet_budget); from a thousand comments (more than one article's, a hundred a group)
    it is ten: at six, the "comment" part of a Dragnet dev half (3,114 comments on 147 pages) got
    three groups and the largest held 45% of the comments, at ten 21%.
    """
    if n < 3:
        return 1, 1
    if n < 100:
        return 2, min(6, n - 1)
    if n < 1_000:
        return 4, 6
    return 4, 10


def cluster_points(
    x: np.ndarray,
    *,
    seed: int = 0,
    k_min: int | None = None,
    k_max: int | None = None,
    k: int | None = None,
    layout: bool = True,
    umap_sample: int = 5_000,
    facets: np.ndarray | None = None,
) -> ClusterResult:
    """Cluster the joined matrix `x` (see joint_matrix) and lay it out in 2-D; `facets` (one
    stance a row) parts the rows first (see fit_labels)."""
    n = x.shape[0]
    if n == 0:
        empty = np.zeros(0, dtype=np.float32)
        return ClusterResult(np.zeros(0, dtype=np.int32), empty, np.zeros((0, 2), dtype=np.float32), 0)
    labels = fit_labels(x, n_total=n, seed=seed, k_min=k_min, k_max=k_max, k=k, facets=facets)
    k = int(labels.max()) + 1
    centres = cluster_centres(x, labels, k)
    centre_distance = np.linalg.norm(x - centres[labels], axis=1).astype(np.float32)
    xy = layout_2d(x, seed=seed, umap_sample=umap_sample) if layout else np.zeros((n, 2), dtype=np.float32)
    return ClusterResult(labels, centre_distance, xy, k)


def fit_labels(
    x: np.ndarray,
    *,
    n_total: int,
    seed: int = 0,
    k_min: int | None = None,
    k_max: int | None = None,
    k: int | None = None,
    facets: np.ndarray | None = None,
) -> np.ndarray:
    """KMeans labels (numbered by size) of the rows of `x`, a corpus of `n_total` comments or a
    sample of one.

    With `facets` (the stance of each row), every facet gets at least one group of its own and
    the budget (facet_budget) is shared among them (faceted_labels); only when the budget is
    smaller than the number of facets are the rows clustered as one, as without facets: k by
    silhouette over a range that follows the corpus size (k_range(n_total))."""
    n = x.shape[0]
    if facets is not None and n >= 3:
        budget = facet_budget(n_total, k_max=k_max, k=k)
        if budget >= len(np.unique(np.asarray(facets).astype(str))):
            return faceted_labels(x, facets, budget=budget, seed=seed, n_total=n_total)
    if k is None:
        auto_min, auto_max = k_range(n_total)
        k_min = auto_min if k_min is None else k_min
        k_max = max(k_min, auto_max if k_max is None else k_max)
        k = choose_k(x, k_min=k_min, k_max=k_max, seed=seed) if n >= 3 else 1
    k = max(1, min(k, n))
    if k == 1:
        return np.zeros(n, dtype=np.int32)
    return _by_size(_kmeans(x, k, seed).labels_)


def cluster_centres(x: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    """(k, d) mean of each cluster's rows."""
    return np.stack([x[labels == c].mean(0) for c in range(k)])
