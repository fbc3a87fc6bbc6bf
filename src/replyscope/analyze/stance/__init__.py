"""Stance of each reply toward its article: reader.py (per thread), reading.py (per text),
cues.py (hand-written cue families)."""

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

__all__ = [
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
