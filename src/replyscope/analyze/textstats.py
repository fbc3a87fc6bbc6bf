"""Plain per-comment numbers: VADER sentiment, length in characters and in words.

Lengths are Polars expressions over the whole column. VADER is a Python function per text; it
is built once per process (loading its lexicon costs ~0.1 s) and run once per *distinct* text,
since scraped comment sections repeat ("Thanks!", "+1", deleted-comment stubs).
"""

from __future__ import annotations

from functools import lru_cache

import polars as pl

# A word starts with a letter or digit and may carry inner apostrophes and hyphens ("don't",
# "well-known"), so stray punctuation ("—", "...") is not counted as a word.
WORD = r"\w[\w'’-]*"

# VADER splits on sentences and scans every token; a pasted wall of text would dominate the
# run, and its first part already carries its tone.
MAX_SENTIMENT_CHARS = 5_000

TEXT_STATS = pl.Schema({"comment_id": pl.String, "sentiment": pl.Float64, "n_chars": pl.Int32, "n_words": pl.Int32})


def _windowed_vader_class():
    """VADER with the same scores, minus a quadratic cost.

    For every sentiment word, VADER's `_negation_check` and `_special_idioms_check` lower-case the
    *whole* comment's word list, then read at most three words before and two after the word.
    Handing them that six-word window instead gives identical results (their only length test,
    "is there a word at i+1 / i+2", is the same in the window) and makes long comments linear.
    Positions before 3 keep the full list, so VADER's own behaviour there is untouched.
    """
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    class WindowedSentimentIntensityAnalyzer(SentimentIntensityAnalyzer):
        @staticmethod
        def _negation_check(valence, words_and_emoticons, start_i, i):
            if i < 3:
                return SentimentIntensityAnalyzer._negation_check(valence, words_and_emoticons, start_i, i)
            return SentimentIntensityAnalyzer._negation_check(valence, words_and_emoticons[i - 3 : i + 1], start_i, 3)

        @staticmethod
        def _special_idioms_check(valence, words_and_emoticons, i):
            if i < 3:
                return SentimentIntensityAnalyzer._special_idioms_check(valence, words_and_emoticons, i)
            return SentimentIntensityAnalyzer._special_idioms_check(valence, words_and_emoticons[i - 3 : i + 3], 3)

    return WindowedSentimentIntensityAnalyzer


@lru_cache(maxsize=1)
def _analyzer():
    return _windowed_vader_class()()


def sentiment_of(texts: list[str]) -> list[float]:
    """VADER compound score (-1..1) of each text, computed once per distinct text."""
    analyzer = _analyzer()
    scores: dict[str, float] = {}
    for text in texts:
        if text not in scores:
            scores[text] = float(analyzer.polarity_scores(text[:MAX_SENTIMENT_CHARS])["compound"]) if text.strip() else 0.0
    return [scores[t] for t in texts]


def text_stats(comments: pl.DataFrame) -> pl.DataFrame:
    """[comment_id, sentiment, n_chars, n_words] for each row of a COMMENTS-shaped frame."""
    if comments.height == 0:
        return pl.DataFrame(schema=TEXT_STATS)
    text = pl.col("text").fill_null("")
    frame = comments.select(
        pl.col("comment_id"),
        text.str.len_chars().cast(pl.Int32).alias("n_chars"),
        text.str.count_matches(WORD).cast(pl.Int32).alias("n_words"),
        text.alias("text"),
    )
    sentiment = pl.Series("sentiment", sentiment_of(frame.get_column("text").to_list()), dtype=pl.Float64)
    return frame.with_columns(sentiment).select(TEXT_STATS.names())
