"""Representations: shape, unit rows, determinism, semantic sanity, the numpy MiniLM."""

from __future__ import annotations

import numpy as np
import pytest

from replyscope.analyze.embed import minilm
from replyscope.analyze.embed.represent import (
    REPRESENTATIONS,
    Representation,
    get_representation,
    l2_normalise,
    register_representation,
    represent,
)

TEXTS = [
    "The council raised the bridge toll again and nobody asked the people who drive it every day.",
    "Another toll increase on the bridge. Drivers are paying for the council's mistakes.",
    "Great reporting, thank you for digging into the budget numbers.",
    "Thanks for this article, the budget breakdown was really clear.",
    "Where is the evidence that the vaccine caused any of this? Show me a study.",
    "I want to see the study. What evidence do they have about the vaccine?",
    "My grandmother lived on that street for fifty years and never saw a flood like this.",
    "",
]


def _needs_minilm():
    if not minilm.available():
        pytest.skip("MiniLM weights not installed: " + minilm.INSTALL_HINT)


def test_tfidf_rows_are_unit_or_zero_and_float32():
    vectors = represent(TEXTS, "tfidf")
    assert vectors.dtype == np.float32
    assert vectors.shape[0] == len(TEXTS)
    norms = np.linalg.norm(vectors, axis=1)
    assert np.allclose(norms[:-1], 1.0, atol=1e-5)
    assert norms[-1] == 0.0  # the empty text has nothing to represent


def test_tfidf_is_deterministic_for_a_seed():
    assert np.array_equal(represent(TEXTS * 30, "tfidf", seed=3), represent(TEXTS * 30, "tfidf", seed=3))


def test_tfidf_puts_paraphrases_closer_than_strangers():
    v = represent(TEXTS * 3, "tfidf")
    assert v[0] @ v[1] > v[0] @ v[2]
    assert v[4] @ v[5] > v[4] @ v[6]


@pytest.mark.parametrize("texts", [[], ["one lonely comment"], ["the", "and the"], ["same text", "same text"]])
def test_tfidf_handles_tiny_and_degenerate_inputs(texts):
    vectors = represent(texts, "tfidf")
    assert vectors.shape[0] == len(texts)
    assert np.isfinite(vectors).all()


def test_unknown_representation_names_the_choices():
    with pytest.raises(KeyError, match="tfidf"):
        get_representation("word2vec-from-mars")


def test_register_representation_swaps_in_a_custom_part():
    class Lengths:
        name = "lengths"

        def __init__(self, *, seed=0):
            pass

        def fit_transform(self, texts):
            return l2_normalise(np.array([[len(t), 1.0] for t in texts], dtype=np.float32))

    register_representation("lengths", Lengths)
    try:
        rep = get_representation("lengths")
        assert isinstance(rep, Representation)
        assert represent(["ab", "abcd"], "lengths").shape == (2, 2)
    finally:
        REPRESENTATIONS.pop("lengths")


def test_numpy_minilm_matches_known_sentence_similarities():
    _needs_minilm()
    model = minilm.load_minilm()
    v = model.encode(["A man is eating food.", "A man is eating a piece of bread.", "The stock market fell sharply today."])
    assert v.dtype == np.float32 and v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    # sentence-transformers reports 0.7553 for this pair with all-MiniLM-L6-v2.
    assert v[0] @ v[1] == pytest.approx(0.7553, abs=0.01)
    assert v[0] @ v[2] < 0.3


def test_numpy_minilm_matches_the_published_example_vector():
    _needs_minilm()
    # First values of all-MiniLM-L6-v2("This is an example sentence") from the model card's example.
    v = minilm.load_minilm().encode(["This is an example sentence"])[0]
    assert np.allclose(v[:4], [0.0676569, 0.0634960, 0.0487132, 0.0793050], atol=1e-4)


def test_numpy_minilm_is_independent_of_batching():
    _needs_minilm()
    model = minilm.load_minilm()
    together = model.encode(TEXTS)
    alone = np.stack([model.encode([t])[0] for t in TEXTS])
    assert np.allclose(together, alone, atol=1e-5)


def test_minilm_representations_group_paraphrases():
    _needs_minilm()
    for name in ("minilm", "minilm-static"):
        v = represent(TEXTS, name)
        assert v.shape == (len(TEXTS), 384)
        assert v[2] @ v[3] > v[2] @ v[6], name
        assert v[4] @ v[5] > v[4] @ v[0], name
