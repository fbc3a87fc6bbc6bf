"""Semantic representations of comment text: swappable parts with one small protocol.

A representation turns texts into an (n, d) float32 matrix whose rows are unit length (zero rows
for texts with nothing to represent), so cosine similarity is a dot product and any of them can
feed the same clustering. As in BERTopic, each is a part you can swap by name:

- "tfidf"         TF-IDF over words and word pairs, reduced with TruncatedSVD (LSA). No model
                  files, fast at 100k comments.
- "minilm-static" static word vectors distilled from the shipped MiniLM weights (minilm.py),
                  averaged with corpus IDF weights: MiniLM's vocabulary semantics at bag-of-words
                  speed. (Measured weakest for stance-like grouping; kept for comparison.)
- "minilm"        the full all-MiniLM-L6-v2 sentence encoder in numpy: best semantics, slowest.
- "auto"          the default: "minilm" up to 10k comments when the weights are installed,
                  "tfidf" otherwise (see Auto for the measurements behind it).

`get_representation(name, seed=...)` builds one; `register_representation` adds your own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

import numpy as np

from replyscope.analyze.minilm import FULL_ENCODER_MAX


@runtime_checkable
class Representation(Protocol):
    """Texts in, (n, d) float32 unit-length rows out. Fitted on the texts it is given."""

    name: str

    def fit_transform(self, texts: list[str]) -> np.ndarray: ...


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


class MiniLMStatic:
    """IDF-weighted mean of MiniLM-distilled token vectors (see minilm.static_token_vectors)."""

    name = "minilm-static"

    def __init__(self, *, seed: int = 0) -> None:
        self.seed = seed  # unused: nothing random here; kept so every part builds the same way

    def fit_transform(self, texts: list[str]) -> np.ndarray:
        import scipy.sparse as sp  # noqa: PLC0415

        from replyscope.analyze.minilm import load_minilm, static_token_vectors  # noqa: PLC0415

        table = static_token_vectors()
        model = load_minilm()
        n = len(texts)
        if n == 0:
            return np.zeros((0, table.shape[1]), dtype=np.float32)
        encodings = model.tokenizer.encode_batch([t or "" for t in texts], add_special_tokens=False)
        lengths = np.fromiter((len(e.ids) for e in encodings), dtype=np.int64, count=n)
        cols = np.fromiter((i for e in encodings for i in e.ids), dtype=np.int64, count=int(lengths.sum()))
        rows = np.repeat(np.arange(n), lengths)
        counts = sp.csr_matrix((np.ones(len(cols), dtype=np.float32), (rows, cols)), shape=(n, table.shape[0]))
        counts.sum_duplicates()
        # Sublinear term frequency and corpus IDF, as in TF-IDF: frequent function-word pieces
        # ("the", "##s") would otherwise swamp the words that carry the argument.
        counts.data = 1.0 + np.log(counts.data)
        df = np.bincount(counts.indices, minlength=table.shape[0]).astype(np.float32)
        idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
        weighted = counts @ sp.diags(idf.astype(np.float32))
        return l2_normalise(np.asarray(weighted @ table, dtype=np.float32))


# Comments are embedded on their first part: what a comment is about and where it stands shows
# early, the encoder's cost grows with length, and stance.py embeds the same cut, so the vectors
# it already computed for these texts are reused instead of computed twice.
MAX_EMBED_CHARS = 600


class MiniLMEncoder:
    """The full all-MiniLM-L6-v2 sentence encoder (numpy forward pass, minilm.py)."""

    name = "minilm"

    def __init__(self, *, seed: int = 0) -> None:
        self.seed = seed

    def fit_transform(self, texts: list[str]) -> np.ndarray:
        cut = [(t or "")[:MAX_EMBED_CHARS] for t in texts]
        try:  # stance.py memoises the vectors it computes; same model, same numbers, less time
            from replyscope.analyze.stance import minilm_vectors  # noqa: PLC0415
        except ImportError:  # pragma: no cover - stance.py is part of the package
            from replyscope.analyze.minilm import load_minilm  # noqa: PLC0415

            return load_minilm().encode(cut)
        return minilm_vectors(cut)


class Auto:
    """The default: the full MiniLM encoder while it is affordable, TF-IDF + SVD beyond.

    Measured on SemEval-2016 (clusters vs gold stance, NMI weighted over targets): MiniLM 0.16,
    TF-IDF 0.07, the static MiniLM distillation 0.02 on their own. The full encoder runs ~100-200
    comments/s on 2 cores, so above `full_max` comments (or without the weights package) the
    default is TF-IDF, which does 100k comments in seconds.
    """

    name = "auto"
    full_max = FULL_ENCODER_MAX  # the same size up to which stance.py computes full MiniLM vectors anyway

    def __init__(self, *, seed: int = 0) -> None:
        self.seed = seed

    @classmethod
    def choice(cls, n: int) -> str:
        """The representation "auto" uses for n comments."""
        from replyscope.analyze.minilm import available  # noqa: PLC0415

        return "minilm" if available() and n <= cls.full_max else "tfidf"

    def fit_transform(self, texts: list[str]) -> np.ndarray:
        return REPRESENTATIONS[self.choice(len(texts))](seed=self.seed).fit_transform(texts)


REPRESENTATIONS: dict[str, Callable[..., Representation]] = {
    Auto.name: Auto,
    TfidfSvd.name: TfidfSvd,
    MiniLMStatic.name: MiniLMStatic,
    MiniLMEncoder.name: MiniLMEncoder,
}


def register_representation(name: str, factory: Callable[..., Representation]) -> None:
    """Add a representation: `factory(seed=...)` must return an object with `fit_transform`."""
    REPRESENTATIONS[name] = factory


def get_representation(name: str, *, seed: int = 0) -> Representation:
    """Build the representation registered under `name` (raises KeyError naming the choices)."""
    try:
        factory = REPRESENTATIONS[name]
    except KeyError:
        raise KeyError(f"unknown representation {name!r}; choose one of {sorted(REPRESENTATIONS)}") from None
    if name.startswith("minilm"):  # "auto" checks for itself and falls back
        from replyscope.analyze.minilm import model_dir  # noqa: PLC0415

        model_dir()  # fail now, with the install hint, rather than deep inside a run
    return factory(seed=seed)


def represent(texts: list[str], name: str = "auto", *, seed: int = 0) -> np.ndarray:
    """One call: build `name` and embed `texts`."""
    return get_representation(name, seed=seed).fit_transform(list(texts))
