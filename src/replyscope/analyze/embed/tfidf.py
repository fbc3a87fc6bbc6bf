"""TF-IDF over words and word pairs reduced with TruncatedSVD (LSA): the encoder that needs no
model files, fast at 100k comments, and the one every other encoder falls back to."""

from __future__ import annotations

import numpy as np


def l2_normalise(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length; all-zero rows stay zero (a text with no known words)."""
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)


class TfidfSvd:
    """LSA: sublinear TF-IDF over 1-2 word grams, then TruncatedSVD, then unit rows.

    `min_df` is relaxed on small corpora, where requiring a word in two comments would leave most
    texts empty; SVD is skipped when there are too few texts or terms for it to mean anything.
    """

    name = "tfidf"

    def __init__(self, *, n_components: int = 100, max_features: int = 50_000, seed: int = 0) -> None:
        self.n_components = n_components
        self.max_features = max_features
        self.seed = seed

    def fit_transform(self, texts: list[str]) -> np.ndarray:
        from sklearn.decomposition import TruncatedSVD  # noqa: PLC0415 - keep import light
        from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: PLC0415

        n = len(texts)
        if n == 0:
            return np.zeros((0, self.n_components), dtype=np.float32)
        vectoriser = TfidfVectorizer(
            lowercase=True,
            ngram_range=(1, 2),
            min_df=2 if n >= 200 else 1,
            max_df=0.5 if n >= 200 else 1.0,  # words in half of all comments say nothing about any
            max_features=self.max_features,
            sublinear_tf=True,
            stop_words="english",
            token_pattern=r"(?u)\b\w[\w']+\b",
            dtype=np.float32,
        )
        try:
            tfidf = vectoriser.fit_transform([t or "" for t in texts])
        except ValueError:  # every text empty or only stop words: nothing to represent
            return np.zeros((n, self.n_components), dtype=np.float32)
        k = min(self.n_components, n - 1, tfidf.shape[1] - 1)
        if k < 2:
            dense = tfidf.toarray()
            out = np.zeros((n, self.n_components), dtype=np.float32)
            width = min(self.n_components, dense.shape[1])
            out[:, :width] = dense[:, :width]
            return l2_normalise(out)
        svd = TruncatedSVD(n_components=k, algorithm="randomized", n_iter=4, random_state=self.seed)
        reduced = svd.fit_transform(tfidf)
        out = np.zeros((n, self.n_components), dtype=np.float32)
        out[:, :k] = reduced
        return l2_normalise(out)
