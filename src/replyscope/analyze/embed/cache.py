"""The one sentence-vector cache and the one choice of full sentence encoder.

`sentence_vectors(texts)` returns the full transformer's vectors for `texts`, computing each text
once per process, so the stance reader, the clustering representation and an evaluation's
baseline that embed the same texts share one encoding.

`sentence_encoder()` is the hook that picks the full transformer: the int8 ONNX MiniLM
(embed/onnx_minilm.py, `OnnxMiniLM`) when that module is present and reports itself available,
else the numpy all-MiniLM-L6-v2 forward pass (embed/minilm.py). Both give (n, 384) float32
unit rows. The cache is keyed by the encoder's name, so vectors of the two never mix.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Protocol

import numpy as np

DIM = 384


class SentenceEncoder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray: ...


@lru_cache(maxsize=1)
def sentence_encoder() -> tuple[str, SentenceEncoder]:
    """(name, encoder): ONNX int8 MiniLM when installed and available, else numpy MiniLM.

    The int8 encoder agrees with the full-precision one (cosine 0.9995 on real comments, the same
    SemEval-2016 stance scores) at 1.7-3.4x its speed: see docs/measurements.md, "Representations".
    """
    from replyscope.analyze.embed import onnx_minilm  # noqa: PLC0415

    try:
        usable = onnx_minilm.available()
    except Exception:  # noqa: BLE001 - a broken optional backend must not stop a run
        usable = False
    if usable:
        return "minilm-onnx", onnx_minilm.load_onnx_minilm()
    from replyscope.analyze.embed.minilm import load_minilm  # noqa: PLC0415

    return "minilm-numpy", load_minilm()


def transformer_available() -> bool:
    """Whether a full sentence encoder can run (the ONNX one or the numpy weights)."""
    from replyscope.analyze.embed import onnx_minilm  # noqa: PLC0415

    try:
        if onnx_minilm.available():
            return True
    except Exception:  # noqa: BLE001 - a broken optional backend: the numpy weights may still do
        pass
    from replyscope.analyze.embed.minilm import available  # noqa: PLC0415

    return available()


# Vectors by (encoder, text). Bounded: a big run just recomputes.
_MEMO: dict[tuple[str, str], np.ndarray] = {}
_MEMO_MAX = 50_000


def sentence_vectors(texts: list[str]) -> np.ndarray:
    """Full-encoder vectors for `texts`, reusing ones this process already computed."""
    name, encoder = sentence_encoder()
    todo = [t for t in dict.fromkeys(texts) if (name, t) not in _MEMO]
    lookup: dict[str, np.ndarray] = {}
    if todo:
        fresh = np.asarray(encoder.encode(todo), dtype=np.float32)
        if len(_MEMO) + len(todo) > _MEMO_MAX:
            _MEMO.clear()
        if len(todo) <= _MEMO_MAX:
            _MEMO.update(((name, t), v) for t, v in zip(todo, fresh))
        else:
            lookup = dict(zip(todo, fresh))
    if not texts:
        return np.zeros((0, DIM), np.float32)
    return np.stack([_MEMO.get((name, t), lookup.get(t)) for t in texts]).astype(np.float32)


__all__ = ["sentence_encoder", "sentence_vectors", "transformer_available"]
