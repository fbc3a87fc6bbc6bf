"""The nli stance reader: loading, batching and label mapping, on a tiny model built here.

The model is an ONNX graph this test writes with the `onnx` helper API: logits are the mean of
per-token rows of a fixed table, so "confirmed" pushes entailment and "fake" contradiction. Its
tokenizer is a word-level `tokenizers` model; config.json names the labels in a shuffled order."""

from __future__ import annotations

import json

import numpy as np
import polars as pl
import pytest

onnx = pytest.importorskip("onnx", reason="the onnx package builds the tiny test model (pip install onnx)")
pytest.importorskip("onnxruntime")

from replyscope.analyze.stance import read_stance  # noqa: E402
from replyscope.analyze.stance.nli import NliModel, label_map, model_dir  # noqa: E402

VOCAB = ["[PAD]", "[UNK]", "confirmed", "true", "fake", "lie", "weather", "the", "is", "story", "this", "police", "say"]
# columns in the model's own output order: contradiction, entailment, neutral (shuffled on purpose)
ID2LABEL = {"0": "CONTRADICTION", "1": "ENTAILMENT", "2": "Neutral"}
ROWS = {"confirmed": [0, 6, 0], "true": [0, 6, 0], "fake": [6, 0, 0], "lie": [6, 0, 0], "weather": [0, 0, 6]}


def _build(path) -> None:
    from onnx import TensorProto, helper, numpy_helper
    from tokenizers import Tokenizer, models, pre_tokenizers

    table = np.zeros((len(VOCAB), 3), dtype=np.float32)
    table[:, 2] = 0.5  # plain words lean neutral
    for word, row in ROWS.items():
        table[VOCAB.index(word)] = row
    nodes = [
        helper.make_node("Gather", ["table", "input_ids"], ["emb"], axis=0),
        helper.make_node("Cast", ["attention_mask"], ["maskf"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["maskf", "axis2"], ["mask3"]),
        helper.make_node("Mul", ["emb", "mask3"], ["masked"]),
        helper.make_node("ReduceSum", ["masked", "axis1"], ["summed"], keepdims=0),
        helper.make_node("ReduceSum", ["maskf", "axis1"], ["count"], keepdims=1),
        helper.make_node("Div", ["summed", "count"], ["logits"]),
    ]
    graph = helper.make_graph(
        nodes,
        "tiny_nli",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["b", "s"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["b", "s"])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["b", 3])],
        initializer=[numpy_helper.from_array(table, "table"),
                     numpy_helper.from_array(np.array([2], dtype=np.int64), "axis2"),
                     numpy_helper.from_array(np.array([1], dtype=np.int64), "axis1")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.save(model, str(path / "model.onnx"))
    tok = Tokenizer(models.WordLevel({w: i for i, w in enumerate(VOCAB)}, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    tok.save(str(path / "tokenizer.json"))
    (path / "config.json").write_text(json.dumps({"id2label": ID2LABEL}), encoding="utf-8")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    path = tmp_path_factory.mktemp("tiny-nli")
    _build(path)
    return path


def test_label_mapping_reads_names_in_any_order_and_case():
    assert label_map(ID2LABEL) == {0: "deny", 1: "support", 2: "comment"}
    with pytest.raises(ValueError, match="entailment"):
        label_map({"0": "LABEL_0", "1": "LABEL_1", "2": "LABEL_2"})


def test_probabilities_follow_the_labels_and_not_the_batch_size(tiny):
    model = NliModel(tiny)
    premises = ["police say this is confirmed", "this is fake", "the weather", "the story is true", "lie lie"]
    hypotheses = ["police say the story"] * len(premises)
    one = model.probabilities(premises, hypotheses, batch_size=1)
    many = model.probabilities(premises, hypotheses, batch_size=4)
    np.testing.assert_allclose(one, many, atol=1e-6)  # padding is masked out
    np.testing.assert_allclose(one.sum(1), 1.0, atol=1e-9)
    assert [("support", "deny", "comment")[i] for i in one.argmax(1)] == ["support", "deny", "comment", "support", "deny"]


def test_reader_by_name_and_from_the_environment(tiny, monkeypatch):
    comments = pl.DataFrame({"comment_id": ["a", "b", "c", "d"], "doc_id": ["d"] * 4,
                             "text": ["Police confirmed it.", "This is fake.", "Nice weather today.", "Is this true? Source?"]})
    articles = pl.DataFrame({"doc_id": ["d"], "title": ["Police say the story"], "body": ["Police say the story is true"]})
    out = read_stance(comments, articles, f"nli:{tiny}")
    assert out["stance"].to_list()[:3] == ["support", "deny", "comment"]
    assert out["stance"][3] == "query"  # NLI has no questions: the zero-shot query is kept
    np.testing.assert_allclose(out.select("^score_.*$").to_numpy().sum(1), 1.0, atol=1e-9)
    monkeypatch.setenv("REPLYSCOPE_NLI_MODEL", str(tiny))
    assert read_stance(comments, articles, "nli")["stance"].to_list() == out["stance"].to_list()


def test_missing_model_folder_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.delenv("REPLYSCOPE_NLI_MODEL", raising=False)
    with pytest.raises(ValueError, match="REPLYSCOPE_NLI_MODEL"):
        model_dir("nli")
    with pytest.raises(ValueError, match="no NLI model folder"):
        model_dir(f"nli:{tmp_path / 'nowhere'}")
