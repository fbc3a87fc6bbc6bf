"""Length-sorted, token-budgeted batches of token id lists: what every transformer encoder here feeds.

Sorting by length (stable, so ties keep input order and batches are deterministic) lets each
batch pad to nearly its own length instead of the corpus's longest text; the batch size shrinks
as texts grow so a batch holds about `batch_tokens` tokens.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np


def padded_batches(id_lists: list[list[int]], batch_tokens: int) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """(rows, ids, mask) per batch: the input rows it holds, their ids padded with 0, and a 0/1
    int64 attention mask of the same shape."""
    lengths = np.fromiter((len(ids) for ids in id_lists), dtype=np.int64, count=len(id_lists))
    order = np.argsort(lengths, kind="stable")
    start = 0
    while start < len(order):
        # Ascending order: a batch's longest text is its last. Size the batch from a first guess's
        # last length, which never overshoots the token budget by much.
        guess = max(1, batch_tokens // int(lengths[order[start]]))
        longest = int(lengths[order[min(start + guess, len(order)) - 1]])
        rows = order[start : start + max(1, batch_tokens // longest)]
        seq = int(lengths[rows].max())
        ids = np.zeros((len(rows), seq), dtype=np.int64)
        mask = np.zeros((len(rows), seq), dtype=np.int64)
        for row, j in enumerate(rows):
            ids[row, : lengths[j]] = id_lists[j]
            mask[row, : lengths[j]] = 1
        yield rows, ids, mask
        start += len(rows)
