"""Near-duplicate text at scale: word shingles hashed in Polars, MinHash signatures and LSH banding
in NumPy, whole columns at a time.

Why not datasketch: its MinHash is fed one shingle at a time from Python (tens of microseconds a
text), and its LSH index is a Python dict; at a million comments that alone takes minutes, more
than the whole of this stage may add to a run. The scheme is the same (Broder's MinHash with
universal hashing, Indyk-Motwani banding), written over arrays:

- `normalise` folds what an edit of case, punctuation, @mentions, links or hashtag marks changes;
- `shingles` hashes every run of `k` consecutive words (one 64-bit hash each, via Polars);
- `signatures` takes, per text and per hash function, the minimum of (a*h + b) >> 32 over its
  shingles with `np.minimum.reduceat`: the share of equal slots of two signatures estimates the
  Jaccard similarity of their shingle sets;
- `candidate_pairs` cuts signatures into bands and links texts that agree on a whole band; each
  bucket is linked as a star around its first member, so a bucket of m texts costs m - 1 pairs.
"""

from __future__ import annotations

import numpy as np
import polars as pl
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

_MASK32 = np.uint64(0xFFFFFFFF)
_SHIFT = np.uint64(32)


def normalise(text: pl.Expr) -> pl.Expr:
    """Lower-cased words only: no links, '@' or '#' marks, punctuation or extra spaces.

    A mention keeps its name (`@Slate` reads `slate`): a copy with its punctuation stripped
    must still match the one that kept it."""
    return (
        text.fill_null("")
        .str.normalize("NFKC")
        .str.to_lowercase()
        .str.replace_all(r"https?://\S+|www\.\S+", " ")
        .str.replace_all(r"[’‘`´]", "'")
        .str.replace_all(r"'", "")  # don't -> dont, so an apostrophe typed or not reads alike
        .str.replace_all(r"(\p{L})[-‐‑](\p{L})", "$1$2")  # op-ed -> oped, likewise for a hyphen
        .str.replace_all(r"[^\p{L}\p{N}]+", " ")
        .str.strip_chars()
    )


def normalised_bodies(articles: pl.DataFrame) -> pl.DataFrame:
    """(doc_id, norm) of each article body with words left once normalised. A `norm` column the
    caller already made is reused: the across stage normalises every body once for both
    syndication and campaigns, and on a big corpus that pass is a large share of their time."""
    norm = pl.col("norm") if "norm" in articles.columns else normalise(pl.col("body"))
    return articles.select("doc_id", norm=norm).filter(pl.col("norm") != "")


def shingles(frame: pl.DataFrame, text_col: str, k: int) -> pl.DataFrame:
    """(row, h): one 64-bit hash per run of `k` words of each row's text (already normalised),
    sorted by row. A text shorter than k words gives one shingle of all its words. A run that
    recurs in a text is kept each time: a minimum does not care, and skipping the de-duplication
    saves a sort of every shingle."""
    words = (
        frame.select(pl.col("row"), w=pl.col(text_col).str.split(" "))
        .explode("w")
        .filter(pl.col("w").is_not_null() & (pl.col("w") != ""))
        .select("row", wh=pl.col("w").hash(seed=17))
    )
    # Shifts over the whole column, not per row (a window per row costs a group-by): a run is
    # whole when the word k-1 places on belongs to the same row.
    whole = (pl.col("row").shift(-(k - 1)) == pl.col("row")).fill_null(False)
    first = pl.col("row") != pl.col("row").shift(1).fill_null(-1)
    short = first & ~whole  # a row's first word with no full run after it: a short text
    # the words past a short text's end belong to the next row: they hash as 0
    ahead = {
        f"p{j}": pl.when(pl.col("row").shift(-j) == pl.col("row")).then(pl.col("wh").shift(-j)).otherwise(0) for j in range(1, k)
    }
    grams = words.with_columns(whole=whole, short=short, **ahead).filter(pl.col("whole") | pl.col("short"))
    h = pl.struct(pl.col("wh"), *[pl.col(f"p{j}").fill_null(0) for j in range(1, k)]).hash(seed=29)
    return grams.select("row", h=h)


def hash_params(n_hashes: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 2**63, size=n_hashes, dtype=np.uint64) | np.uint64(1)  # odd multipliers
    b = rng.integers(0, 2**63, size=n_hashes, dtype=np.uint64)
    return a, b


def signatures(rows: np.ndarray, hashes: np.ndarray, n_rows: int, n_hashes: int, seed: int) -> np.ndarray:
    """MinHash signatures (n_rows x n_hashes, uint32); rows must be sorted and every row in
    0..n_rows-1 must own at least one hash."""
    if rows.size == 0:
        return np.zeros((n_rows, n_hashes), dtype=np.uint32)
    starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
    if starts.size != n_rows:
        raise ValueError("every row needs at least one shingle")
    a, b = hash_params(n_hashes, seed)
    out = np.empty((n_rows, n_hashes), dtype=np.uint32)
    with np.errstate(over="ignore"):  # multiplication modulo 2**64 is the point
        for j in range(n_hashes):
            values = (hashes * a[j] + b[j]) >> _SHIFT
            out[:, j] = np.minimum.reduceat(values, starts)
    return out


def candidate_pairs(sigs: np.ndarray, bands: int) -> np.ndarray:
    """(i, j) pairs, i < j, of rows that agree on every slot of at least one band."""
    n, width = sigs.shape
    rows_per_band = width // bands
    # each band's slots folded into one 64-bit key (a collision only adds a pair, checked later)
    mix = np.random.default_rng(7).integers(1, 2**63, size=rows_per_band, dtype=np.uint64) | np.uint64(1)
    row = pl.Series("row", np.arange(n, dtype=np.int64))
    found = []
    with np.errstate(over="ignore"):
        for band in range(bands):
            block = sigs[:, band * rows_per_band : (band + 1) * rows_per_band].astype(np.uint64)
            key = (block * mix).sum(axis=1, dtype=np.uint64)
            frame = pl.DataFrame({"key": key}).with_columns(row)
            linked = frame.with_columns(first=pl.col("row").min().over("key")).filter(pl.col("row") != pl.col("first"))
            if linked.height:
                found.append(linked.select("first", "row").to_numpy())
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    return np.unique(np.concatenate(found), axis=0).astype(np.int64)


def estimated_jaccard(sigs: np.ndarray, pairs: np.ndarray, chunk: int = 200_000) -> np.ndarray:
    """Share of equal signature slots for each pair."""
    out = np.empty(len(pairs), dtype=np.float64)
    for start in range(0, len(pairs), chunk):
        block = pairs[start : start + chunk]
        out[start : start + chunk] = (sigs[block[:, 0]] == sigs[block[:, 1]]).mean(axis=1)
    return out


def components(n: int, pairs: np.ndarray) -> np.ndarray:
    """The connected component of each of `n` items linked by `pairs` ((m, 2) row indices)."""
    graph = coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
    return connected_components(graph, directed=False)[1]
