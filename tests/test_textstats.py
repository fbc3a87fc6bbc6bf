"""text_stats: VADER sentiment in -1..1 with the right sign, lengths in characters and words."""

from __future__ import annotations

import polars as pl

from replyscope.analyze.textstats import TEXT_STATS, sentiment_of, text_stats


def _frame(texts: list[str | None]) -> pl.DataFrame:
    return pl.DataFrame({"comment_id": [f"c{i}" for i in range(len(texts))], "text": texts}, schema={"comment_id": pl.String, "text": pl.String})


def test_columns_types_and_order() -> None:
    out = text_stats(_frame(["Fine by me.", "x"]))
    assert out.schema == TEXT_STATS
    assert out.get_column("comment_id").to_list() == ["c0", "c1"]


def test_sentiment_sign_follows_the_words() -> None:
    good, bad, flat = text_stats(_frame([
        "What a wonderful, generous neighbour. I love this town!",
        "This is a horrible, disgusting waste and I hate it.",
        "The meeting is on Tuesday at the library.",
    ])).get_column("sentiment").to_list()
    assert good > 0.5
    assert bad < -0.5
    assert abs(flat) < 0.2


def test_lengths_count_characters_and_words_not_punctuation() -> None:
    out = text_stats(_frame(["Don't stop — well-known café… !!", "", None]))
    assert out.get_column("n_chars").to_list() == [len("Don't stop — well-known café… !!"), 0, 0]
    assert out.get_column("n_words").to_list() == [4, 0, 0]
    assert out.get_column("sentiment").to_list()[1:] == [0.0, 0.0]


def test_repeated_texts_score_the_same_and_empty_frame() -> None:
    assert sentiment_of(["Great job!", "Great job!"])[0] == sentiment_of(["Great job!"])[0]
    assert text_stats(_frame([])).schema == TEXT_STATS


def test_windowed_vader_scores_exactly_like_stock_vader() -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    stock = SentimentIntensityAnalyzer()
    texts = [
        "The council was not good at all, and without doubt the plan is kind of bad.",
        "Never so happy to see a project fail. It was the kiss of death for the park, yeah right!",
        "NO way. Not bad, not great, just sort of fine?? I hardly think so :)",
        "good",
        "no good",
        " ".join(["It is not terrible but it is never so good and this is without doubt awful."] * 12),
    ]
    assert sentiment_of(texts) == [stock.polarity_scores(t)["compound"] for t in texts]
