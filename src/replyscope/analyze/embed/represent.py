"""Semantic representations of comment text: swappable parts with one small protocol.

A representation turns texts into an (n, d) float32 matrix whose rows are unit length (zero rows
for texts with nothing to represent), so cosine similarity is a dot product and any of them can
feed the same clustering. As in BERTopic, each is a part you can swap by name:

- "tfidf"         TF-IDF over words and word pairs, reduced with TruncatedSVD (LSA). No model
                  files, fast at 100k comments.
- "minilm-static" static word vectors distilled from the shipped MiniLM weights (minilm.py),
                  averaged with corpus IDF weights: MiniLM's vocabulary semantics at bag-of-words
                  speed. (Measured weakest for stance-like grouping; kept for comparison.)
- "minilm"        the full all-MiniLM-L6-v2 sentence encoder (ONNX int8 when installed, else
                  numpy; see cache.sentence_encoder): best semantics, slowest.
- "auto"          the default: "minilm" up to 10k comments when the weights are installed,
                  "tfidf" otherwise (see Auto for the measurements behind it).

`get_representation(name, seed=...)` builds one (failing loudly on a missing model);
`embed_texts` falls back instead, by the one rule in `resolve`; `register_representation` adds
your own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

import numpy as np

from replyscope.analyze.embed.cache import sentence_vectors, transformer_available
from replyscope.analyze.embed.minilm import FULL_ENCODER_MAX
from replyscope.analyze.embed.minilm import available as weights_available
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
    """The default: the full MiniLM encoder while it is affordable, TF-IDF + SVD beyond.

    Measured on SemEval-2016 (clusters vs gold stance, NMI weighted over targets): MiniLM 0.16,
    TF-IDF 0.07, the static MiniLM distillation 0.02 on their own. The full encoder runs ~100-200
    comments/s on 2 cores, so above `full_max` comments (or without the weights package) the
    default is TF-IDF, which does 100k comments in seconds.
    """

    name = "auto"
    full_max = FULL_ENCODER_MAX  # the same size up to which the stance reader computes full MiniLM vectors anyway

    def __init__(self, *, seed: int = 0) -> None:
        self.seed = seed

    @classmethod
    def choice(cls, n: int) -> str:
        """The representation "auto" uses for n comments."""
        return resolve(cls.name, n)

    def fit_transform(self, texts: list[str]) -> np.ndarray:
        return REPRESENTATIONS[self.choice(len(texts))](seed=self.seed).fit_transform(texts)


REPRESENTATIONS: dict[str, Callable[..., Representation]] = {
    Auto.name: Auto,
    TfidfSvd.name: TfidfSvd,
    MiniLMStatic.name: MiniLMStatic,
    MiniLMEncoder.name: MiniLMEncoder,
}


def resolve(name: str, n: int) -> str:
    """The one fallback rule: the representation that actually runs when `name` is asked for n texts.

    - "auto": the full sentence encoder up to FULL_ENCODER_MAX texts when one is installed, else
      "tfidf";
    - "minilm*" without the MiniLM weights (and no ONNX encoder): "tfidf";
    - "minilm" above FULL_ENCODER_MAX texts: "minilm-static" (the full encoder runs ~200 texts/s).
    Other names run as asked. Callers that must fail loudly on a missing model (an explicit user
    choice) use get_representation instead.
    """
    if name == Auto.name:
        return MiniLMEncoder.name if transformer_available() and n <= Auto.full_max else TfidfSvd.name
    if name == MiniLMEncoder.name:
        if n > FULL_ENCODER_MAX:
            return MiniLMStatic.name if weights_available() else TfidfSvd.name
        return name if transformer_available() else TfidfSvd.name
    if name == MiniLMStatic.name and not weights_available():
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
    if name == MiniLMStatic.name or (name == MiniLMEncoder.name and not transformer_available()):
        from replyscope.analyze.embed.minilm import model_dir  # noqa: PLC0415

        model_dir()  # fail now, with the install hint, rather than deep inside a run
    return factory(seed=seed)


def represent(texts: list[str], name: str = "auto", *, seed: int = 0) -> np.ndarray:
    """One call: build `name` and embed `texts`."""
    return get_representation(name, seed=seed).fit_transform(list(texts))
