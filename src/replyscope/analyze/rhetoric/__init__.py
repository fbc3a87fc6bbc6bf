"""Rhetoric tags with evidence spans: tagger.py runs the cue families of cues.py (word lists in
words.py, compiled by lexicon.py, prefiltered in Polars by prefilter.py, read in context by
context.py)."""

from replyscope.analyze.rhetoric.tagger import (
    MAX_EVIDENCE_PER_TAG,
    MAX_TEXT_CHARS,
    RHETORIC,
    cues_by_row,
    cues_in,
    rhetoric_of,
    rhetoric_of_text,
)

__all__ = ["MAX_EVIDENCE_PER_TAG", "MAX_TEXT_CHARS", "RHETORIC", "cues_by_row", "cues_in", "rhetoric_of", "rhetoric_of_text"]
