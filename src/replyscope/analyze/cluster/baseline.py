"""A BERTopic-style baseline to measure replyscope's clusters against.

BERTopic's default pipeline: all-MiniLM-L6-v2 sentence embeddings -> UMAP(n_neighbors=15,
n_components=5, min_dist=0.0, metric="cosine") -> HDBSCAN(min_cluster_size=10, metric
"euclidean", cluster_selection_method="eom"). Outliers keep HDBSCAN's label -1 and count as a
group of their own when scored, as they do in BERTopic's topic -1. It sees only the text: no
stance, no rhetoric. That is the point of the comparison.
"""

from __future__ import annotations

import warnings

import numpy as np

from replyscope.analyze.embed.represent import embed_texts


def baseline_clusters(texts: list[str], *, seed: int = 0, representation: str = "minilm") -> np.ndarray:
    """Cluster labels (n,) int64 for `texts`, -1 = outlier, BERTopic's defaults throughout.

    `representation` is any name in embed.REPRESENTATIONS; "minilm" (BERTopic's own
    embedding model) falls back by embed.resolve (to "tfidf" without the weights).
    """
    from sklearn.cluster import HDBSCAN  # noqa: PLC0415

    texts = list(texts)
    n = len(texts)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    min_cluster_size = 10
    if n <= min_cluster_size:
        # HDBSCAN cannot form a cluster of 10 from fewer points: all outliers, as BERTopic gives.
        return np.full(n, -1, dtype=np.int64)
    embeddings = embed_texts(texts, representation, seed=seed)
    import umap  # noqa: PLC0415 - heavy import, only when used

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*n_jobs value.*", category=UserWarning)
        reduced = umap.UMAP(
            n_neighbors=min(15, n - 1),
            n_components=5,
            min_dist=0.0,
            metric="cosine",
            random_state=seed,
            init="spectral" if n > 50 else "random",
        ).fit_transform(embeddings)
    labels = HDBSCAN(
        min_cluster_size=min_cluster_size, metric="euclidean", cluster_selection_method="eom", copy=True
    ).fit_predict(reduced)
    return labels.astype(np.int64)
