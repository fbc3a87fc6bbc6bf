"""A stance reader on a zero-shot NLI / cross-encoder model the user already has on disk.

`--stance-reader nli:DIR` (or `nli` with $REPLYSCOPE_NLI_MODEL set to DIR). DIR holds an NLI
model exported to ONNX: `model.onnx` (any `*.onnx`), `tokenizer.json` (Hugging Face
`tokenizers`) and `config.json` with `id2label` (entailment / neutral / contradiction, any order
or case). It runs through onnxruntime; nothing is downloaded. See the README for how to obtain
one (e.g. export a cross-encoder NLI model with `optimum-cli export onnx`).

Each reply is the premise and the article's claim (title, or the source post) the hypothesis:
entailment reads as support, contradiction as deny, neutral as comment. NLI has no notion of a
question, so the zero-shot reader's query probability is kept and the NLI probabilities share
the rest. Evidence spans are kept where the NLI stance agrees with the zero-shot one.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import polars as pl

ENV_VAR = "REPLYSCOPE_NLI_MODEL"
MAX_TOKENS = 256
_NAMES = {"entail": "support", "contradict": "deny", "neutral": "comment"}


def model_dir(spec: str) -> Path:
    """The model folder named by "nli:DIR", or by $REPLYSCOPE_NLI_MODEL for a bare "nli"."""
    _, _, where = spec.partition(":")
    where = where or os.environ.get(ENV_VAR, "")
    if not where:
        raise ValueError(f"the nli reader needs a model folder: --stance-reader nli:DIR or ${ENV_VAR}=DIR")
    path = Path(where)
    if not path.is_dir():
        raise ValueError(f"no NLI model folder at {path}")
    return path


def label_map(id2label: dict) -> dict[int, str]:
    """Model output index -> replyscope stance, from the config's label names."""
    out: dict[int, str] = {}
    for idx, name in id2label.items():
        low = str(name).lower()
        for key, stance in _NAMES.items():
            if key in low:
                out[int(idx)] = stance
    if sorted(out.values()) != sorted(_NAMES.values()):
        raise ValueError(f"config id2label {id2label} does not name entailment, neutral and contradiction")
    return out


class NliModel:
    """An ONNX NLI model with its tokenizer and label names."""

    def __init__(self, path: Path) -> None:
        import onnxruntime as ort  # noqa: PLC0415
        from tokenizers import Tokenizer  # noqa: PLC0415

        path = Path(path)
        onnx_files = sorted(path.glob("*.onnx")) or sorted(path.glob("onnx/*.onnx"))
        if not onnx_files:
            raise ValueError(f"{path}: no *.onnx model (export one with optimum, see the README)")
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
        self.labels = label_map(config.get("id2label") or {})
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)
        options = ort.SessionOptions()
        options.intra_op_num_threads = max(1, min(2, os.cpu_count() or 1))
        self.session = ort.InferenceSession(str(onnx_files[0]), options, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}

    def probabilities(self, premises: list[str], hypotheses: list[str], *, batch_size: int = 16) -> np.ndarray:
        """(n, 3) probabilities over (support, deny, comment) for each premise/hypothesis pair."""
        n = len(premises)
        out = np.zeros((n, 3), dtype=np.float64)
        order = ("support", "deny", "comment")
        for start in range(0, n, batch_size):
            encodings = self.tokenizer.encode_batch(list(zip(premises[start : start + batch_size], hypotheses[start : start + batch_size])))
            seq = max(1, max(len(e.ids) for e in encodings))
            ids = np.zeros((len(encodings), seq), dtype=np.int64)
            mask = np.zeros((len(encodings), seq), dtype=np.int64)
            types = np.zeros((len(encodings), seq), dtype=np.int64)
            for row, enc in enumerate(encodings):
                ids[row, : len(enc.ids)] = enc.ids
                mask[row, : len(enc.ids)] = 1
                types[row, : len(enc.type_ids)] = enc.type_ids
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
            logits = self.session.run(None, {k: v for k, v in feed.items() if k in self.inputs})[0].astype(np.float64)
            logits -= logits.max(1, keepdims=True)
            proba = np.exp(logits)
            proba /= proba.sum(1, keepdims=True)
            for idx, stance in self.labels.items():
                out[start : start + len(encodings), order.index(stance)] += proba[:, idx]
        return out


def apply(spec: str, comments: pl.DataFrame, articles: pl.DataFrame, zero_shot: pl.DataFrame, *, batch_size: int = 16) -> pl.DataFrame:
    """The zero-shot frame with support/deny/comment read by the NLI model (query kept)."""
    if zero_shot.height == 0:
        return zero_shot
    model = NliModel(model_dir(spec))
    claim_of = {
        d: (t or b or "")[:1000]
        for d, t, b in articles.select("doc_id", pl.col("title").fill_null(""), pl.col("body").fill_null("")).iter_rows()
    }
    premises = comments["text"].fill_null("").to_list()
    hypotheses = [claim_of.get(d, "") for d in comments["doc_id"].fill_null("").to_list()]
    nli = model.probabilities(premises, hypotheses, batch_size=batch_size)
    p_query = zero_shot["score_query"].fill_null(0.0).to_numpy()
    scores = np.column_stack([(1 - p_query) * nli[:, 0], (1 - p_query) * nli[:, 1], p_query, (1 - p_query) * nli[:, 2]])
    from replyscope.analyze.stance.rescore import with_scores  # noqa: PLC0415

    return with_scores(zero_shot, scores)


__all__ = ["ENV_VAR", "NliModel", "apply", "label_map", "model_dir"]
