"""The static MiniLM distillation (embed/distilled.py) and the one representation rule."""

from __future__ import annotations

import numpy as np
import pytest
from typer.testing import CliRunner

from replyscope.analyze.embed import distilled, minilm
from replyscope.analyze.embed.represent import DEFAULT, Auto, embed_texts, resolve

PAIRS = [
    ("The council raised the bridge toll again and drivers are furious about it.",
     "Another toll increase on the bridge, and the people driving it are angry."),
    ("Thank you for this reporting, the budget breakdown was really clear.",
     "Great article, thanks for explaining the budget numbers so clearly."),
    ("Where is the evidence that the vaccine caused this? Show me a study.",
     "What study shows the vaccine did any of this? I want to see evidence."),
]
UNRELATED = "My grandmother grew tomatoes in her garden every summer."


def _needs_weights():
    if not minilm.available():
        pytest.skip("MiniLM weights not installed: " + minilm.INSTALL_HINT)


def test_token_ranks_follow_wordpiece_blocks():
    tokens = ["[PAD]", "[unused0]", "[UNK]", "[CLS]", "!", ",", "a", "the", "of", "##s", "council"]
    ranks = distilled.token_ranks(tokens)
    assert ranks[:4].tolist() == [-1, -1, -1, -1]  # special and unused entries carry no weight
    assert ranks[4:7].tolist() == [0, 1, 2]  # the single-character block
    assert ranks[7:].tolist() == [0, 1, 2, 3]  # the word-piece block starts again at 0
    weights = distilled.sif_weights(ranks)
    assert weights[0] == 0.0
    assert weights[7] < weights[10]  # "the" weighs less than a rarer word


def test_distillation_is_deterministic():
    _needs_weights()
    first = distilled.build_table(limit=1200)
    second = distilled.build_table(limit=1200)
    assert first.dtype == np.float32 and first.shape[1] == distilled.DIMS
    assert np.array_equal(first, second)
    assert np.abs(first).sum() > 0


def test_table_is_built_once_with_a_notice_and_then_reused(tmp_path, monkeypatch, capsys):
    _needs_weights()
    monkeypatch.setenv("REPLYSCOPE_CACHE", str(tmp_path))
    built = []

    def small_build():
        built.append(1)
        return np.ones((4, distilled.DIMS), dtype=np.float32)

    monkeypatch.setattr(distilled, "build_table", small_build)
    path = distilled.ensure_table()
    assert path.parent == tmp_path and path.exists()
    assert "building the static MiniLM distillation" in capsys.readouterr().err
    assert distilled.ensure_table() == path
    assert built == [1]  # the second call read the cache
    assert capsys.readouterr().err == ""
    assert not list(tmp_path.glob("*.tmp*"))  # the atomic write left nothing behind


def test_paraphrases_are_closer_than_unrelated_texts():
    _needs_weights()
    texts = [t for pair in PAIRS for t in pair] + [UNRELATED]
    v = distilled.embed(texts)
    assert v.shape == (len(texts), distilled.DIMS)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    for i in range(len(PAIRS)):
        a, b = v[2 * i], v[2 * i + 1]
        others = [v[2 * j] for j in range(len(PAIRS)) if j != i] + [v[-1]]
        assert a @ b > max(a @ o for o in others), PAIRS[i]


def test_embedding_is_the_same_twice_and_empty_text_is_a_zero_row():
    _needs_weights()
    texts = [PAIRS[0][0], "", "   "]
    first, second = distilled.embed(texts), distilled.embed(texts)
    assert np.array_equal(first, second)
    assert not first[1].any() and not first[2].any()


def test_the_rule_is_the_same_at_every_size():
    _needs_weights()
    assert resolve("auto", 10) == resolve("auto", 50_000) == DEFAULT == Auto.choice(7)
    assert resolve("minilm", 10) == resolve("minilm", 10_000_000)
    small = [t for pair in PAIRS for t in pair] + [UNRELATED] * 4
    words = ("toll", "bridge", "budget", "vaccine", "study", "council", "garden", "rent", "tax", "mayor")
    large = small + [f"{words[i % 10]} {words[(i // 10) % 10]} number {i}" for i in range(50_000 - len(small))]
    few, many = embed_texts(small, "auto"), embed_texts(large, "auto")
    # A static representation reads each text alone: the corpus around it changes nothing.
    assert few.shape[1] == many.shape[1]
    assert np.allclose(few, many[: len(small)], atol=1e-6)


def test_models_build_command_and_the_representation_option(tmp_path):
    _needs_weights()
    from replyscope.cli import app

    result = CliRunner().invoke(app, ["models", "build"])
    assert result.exit_code == 0, result.output
    assert "distillation ready" in result.output
    page = tmp_path / "pages" / "a.txt"
    page.parent.mkdir()
    body = "The city council voted to double the toll on the harbour bridge to pay for repairs. " * 4
    replies = [text for pair in PAIRS for text in pair] + [UNRELATED]
    page.write_text(body + "\n\n" + "".join(f"  \u2022 Reader {i}\n\n    {t}\n\n" for i, t in enumerate(replies)))
    for name in ("minilm-distilled", "minilm"):
        result = CliRunner().invoke(app, ["run", str(page.parent), "--out", str(tmp_path / name), "--representation", name])
        assert result.exit_code == 0, result.output
    result = CliRunner().invoke(app, ["run", str(page.parent), "--out", str(tmp_path / "x"), "--representation", "minilm-distiled"])
    assert result.exit_code != 0 and "minilm-distilled" in result.output  # the choices are named


def test_chunked_tokenisation_counts_what_whole_text_tokenisation_counts():
    _needs_weights()
    import scipy.sparse as sp

    texts = [
        "Héllo  WORLD!!  it's a naïve café\u00a0menu, isn't it?",
        "",
        "   \n\t ",
        "中文字 test\u2014dash and e-mail: reader@example.org #SaveTheBridge @council http://t.co/abc",
        "The THE the. (the) \"the\" don't DON'T",
        "Ünïcödé ŞTRÄNGE façade — and 3.14159 numbers, $20,000 too!",
    ] * 3
    counts = distilled.token_counts(texts)
    encodings = distilled.tokenizer().encode_batch(texts, add_special_tokens=False)
    rows = np.repeat(np.arange(len(texts)), [len(e.ids) for e in encodings])
    cols = np.concatenate([np.asarray(e.ids, dtype=np.int64) for e in encodings])
    whole = sp.csr_matrix((np.ones(len(cols), dtype=np.float32), (rows, cols)), shape=counts.shape)
    assert abs(counts - whole).sum() == 0
