"""Replace the zero-shot reading's stance with another reader's scores (fitted, nli).

Both readers score the four stances for each comment and keep the zero-shot reader's evidence
span only where they land on the same stance: a span is what made the zero-shot reader decide,
so it is no evidence for a different answer.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from replyscope.schema import STANCES


def with_scores(zero_shot: pl.DataFrame, scores: np.ndarray) -> pl.DataFrame:
    """`zero_shot` (the stance frame) with stance, score_*, confidence and evidence from
    `scores`, an (n, 4) array in schema.STANCES order whose rows sum to one."""
    chosen = scores.argmax(1)
    stance = np.array(STANCES)[chosen]
    agree = zero_shot["stance"].to_numpy().astype(str) == stance
    evidence = [spans if same else [] for spans, same in zip(zero_shot["stance_evidence"].to_list(), agree)]
    return zero_shot.with_columns(
        pl.Series("stance", stance.tolist(), dtype=pl.String),
        *[pl.Series(f"score_{s}", scores[:, j]) for j, s in enumerate(STANCES)],
        pl.Series("stance_confidence", scores[np.arange(len(chosen)), chosen]),
        pl.Series("stance_evidence", evidence, dtype=zero_shot.schema["stance_evidence"]),
    )
