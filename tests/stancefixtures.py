"""Shared builder for stance tests: replies written for a test laid out as one thread under one article."""

from __future__ import annotations

import polars as pl


def thread_frames(replies, title: str, body: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(comments, articles) frames for `stance_of`: `replies` are (comment_id, parent_id or None,
    text) under one article; a reply with a parent is at depth 1."""
    comments = pl.DataFrame(
        {
            "comment_id": [r[0] for r in replies],
            "doc_id": ["d"] * len(replies),
            "parent_id": [r[1] for r in replies],
            "depth": [0 if r[1] is None else 1 for r in replies],
            "text": [r[2] for r in replies],
        },
        schema_overrides={"parent_id": pl.String},
    )
    return comments, pl.DataFrame({"doc_id": ["d"], "title": [title], "body": [body]})
