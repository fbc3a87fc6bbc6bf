"""Stance of each reply toward its article: reader.py (per thread; targets), claim.py and
claim_reader.py (replies to a report), reading.py (per text), cues.py (cue families), fitted.py
(a reader fitted on the analyst's labels). `read_stance` picks a reader by name."""

from pathlib import Path

import polars as pl

from replyscope.analyze.stance.reader import (
    DEFAULT_SETTINGS,
    STANCE_SCHEMA,
    StanceSettings,
    ThreadVectors,
    article_context,
    stance_of,
    subject_terms,
    thread_evidence,
    thread_polarity,
    thread_relevance,
)

READERS = ("zero-shot", "fitted:MODEL", "nli:DIR")


def read_stance(
    comments: pl.DataFrame, articles: pl.DataFrame, reader: str = "zero-shot", *, rhetoric: pl.DataFrame | None = None
) -> pl.DataFrame:
    """Stance per comment by the named reader: "zero-shot" (the default: cues, embeddings and the
    run's own replies, no labels), "fitted:MODEL" (a file from `replyscope stance fit`) or
    "nli:DIR" (an ONNX NLI model on disk; bare "nli" reads DIR from $REPLYSCOPE_NLI_MODEL)."""
    zero_shot = stance_of(comments, articles, rhetoric=rhetoric)
    if reader in ("", "zero-shot", "zeroshot"):
        return zero_shot
    kind, _, where = reader.partition(":")
    if kind == "fitted" and where:
        from replyscope.analyze.stance import fitted  # noqa: PLC0415

        return fitted.apply(fitted.load(Path(where)), comments, articles, zero_shot)
    if kind == "nli":
        from replyscope.analyze.stance import nli  # noqa: PLC0415

        return nli.apply(reader, comments, articles, zero_shot)
    raise ValueError(f"unknown stance reader {reader!r}; choose one of {', '.join(READERS)}")


__all__ = [
    "READERS",
    "read_stance",
    "DEFAULT_SETTINGS",
    "STANCE_SCHEMA",
    "StanceSettings",
    "ThreadVectors",
    "article_context",
    "stance_of",
    "subject_terms",
    "thread_evidence",
    "thread_polarity",
    "thread_relevance",
]
