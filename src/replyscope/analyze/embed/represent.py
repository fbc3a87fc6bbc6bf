"""Semantic representations of comment text: swappable parts with one small protocol.

A representation turns texts into an (n, d) float32 matrix whose rows are unit length (zero rows
for texts with nothing to represent), so cosine similarity is a dot product and any of them can
feed the same clustering. As in BERTopic, each is a part you can swap by name:

- "tfidf"            TF-IDF over words and word pairs, reduced with TruncatedSVD (LSA). No model
                     files.
- "minilm-distilled" a Model2Vec-style static distillation of the shipped MiniLM (distilled.py):
                     PCA-reduced token outputs with Zipf/SIF weights, built once and cached.
- "minilm-static"    the earlier distillation (token-position vectors, corpus IDF weights);
                     kept for comparison.
- "minilm"           the full all-MiniLM-L6-v2 sentence encoder (ONNX int8 when installed, else
                     numpy; see cache.sentence_encoder): best semantics, slowest (a GPU's job).
- "auto"             the default: DEFAULT at every size, "tfidf" without the weights (see Auto
                     for the measurements behind it).

`get_representation(name, seed=...)` builds one (failing loudly on a missing model);
`embed_texts` falls back instead, by the one rule in `resolve`; `register_representation` adds
your own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

import numpy as np

from replyscope.analyze.embed.cache import sentence_vectors, transformer_available
from replyscope.analyze.embed.minilm import available as weights_available
from replyscope.analyze.embed.distilled import MiniLMDistilled
from replyscope.analyze.embed.static import MiniLMStatic
from replyscope.analyze.embed.tfidf import TfidfSvd, l2_normalise


@runtime_checkable
class Representation(Protocol):
    """Texts in, (n, d) float32 unit-length rows out. Fitted on the texts it is given."""

    name: str

    def fit_transform(self, texts: list[str]) -> np.ndarray: ...


# Comments are embedded on their first part: what a comment is about and where it stands shows
# early, the encoder's cost grows with length, and the stance reader embeds the same cut, so the
# vectors it already computed for these texts are reused (embed/cache.py) instead of computed twice.
MAX_EMBED_CHARS = 600


class MiniLMEncoder:
    """The full all-MiniLM-L6-v2 sentence encoder (cache.sentence_encoder picks ONNX or numpy)."""

    name = "minilm"

    def __init__(self, *, seed: int = 0) -> None:
        self.seed = seed

    def fit_transform(self, texts: list[str]) -> np.ndarray:
        # The shared cache: the stance reader embeds the same cut texts with the same encoder.
        return sentence_vectors([(t or "")[:MAX_EMBED_CHARS] for t in texts])


class Auto:
    """The default: DEFAULT (below) at every corpus size, or "tfidf" without the MiniLM weights.

    One rule from 10 comments to 10M, so a run's clusters and stances do not change character
    at some size. Chosen by measurement (docs/how-it-works.md and docs/measurements.md, "Representations"): on the RumourEval train
    threads and SemEval-2016 the distilled static encoder gives stance and cluster quality within
    a few points of the full transformer at hundreds of times its comments/s, and better than
    TF-IDF; the full encoder stays available by name ("minilm").
    """

    name = "auto"

    def __init__(self, *, seed: int = 0) -> None:
        self.seed = seed

    @classmethod
    def choice(cls, n: int = 0) -> str:
        """The representation "auto" runs (the same for every n)."""
        return resolve(cls.name, n)

    def fit_transform(self, texts: list[str]) -> np.ndarray:
        return REPRESENTATIONS[self.choice(len(texts))](seed=self.seed).fit_transform(texts)


# What "auto" runs. The one place the default representation is decided.
DEFAULT = MiniLMDistilled.name

REPRESENTATIONS: dict[str, Callable[..., Representation]] = {
    Auto.name: Auto,
    TfidfSvd.name: TfidfSvd,
    MiniLMDistilled.name: MiniLMDistilled,
    MiniLMStatic.name: MiniLMStatic,
    MiniLMEncoder.name: MiniLMEncoder,
}

# Representations built from the MiniLM weights package (the full encoder may instead run on
# the int8 ONNX file, see cache.transformer_available).
_NEEDS_WEIGHTS = (MiniLMDistilled.name, MiniLMStatic.name)


def resolve(name: str, n: int = 0) -> str:
    """The one fallback rule: the representation that actually runs when `name` is asked for.

    The answer does not depend on the number of texts `n` (kept in the signature for callers):
    - "auto": DEFAULT, or "tfidf" when DEFAULT's model files are not installed;
    - "minilm" without any full encoder installed (ONNX int8 or numpy weights): "tfidf";
    - "minilm-distilled" / "minilm-static" without the MiniLM weights package: "tfidf".
    Other names run as asked. Callers that must fail loudly on a missing model (an explicit user
    choice) use get_representation instead.
    """
    if name == Auto.name:
        name = DEFAULT
    if name == MiniLMEncoder.name:
        return name if transformer_available() else TfidfSvd.name
    if name in _NEEDS_WEIGHTS and not weights_available():
        return TfidfSvd.name
    return name


def embed_texts(texts: list[str], name: str = "auto", *, seed: int = 0) -> np.ndarray:
    """Embed with `name`, falling back by `resolve` instead of failing when a model is missing."""
    return represent(texts, resolve(name, len(texts)), seed=seed)


def register_representation(name: str, factory: Callable[..., Representation]) -> None:
    """Add a representation: `factory(seed=...)` must return an object with `fit_transform`."""
    REPRESENTATIONS[name] = factory


def get_representation(name: str, *, seed: int = 0) -> Representation:
    """Build the representation registered under `name` (raises KeyError naming the choices)."""
    try:
        factory = REPRESENTATIONS[name]
    except KeyError:
        raise KeyError(f"unknown representation {name!r}; choose one of {sorted(REPRESENTATIONS)}") from None
    if name in _NEEDS_WEIGHTS or (name == MiniLMEncoder.name and not transformer_available()):
        from replyscope.analyze.embed.minilm import model_dir  # noqa: PLC0415

        model_dir()  # fail now, with the install hint, rather than deep inside a run
    return factory(seed=seed)


def represent(texts: list[str], name: str = "auto", *, seed: int = 0) -> np.ndarray:
    """One call: build `name` and embed `texts`."""
    return get_representation(name, seed=seed).fit_transform(list(texts))
