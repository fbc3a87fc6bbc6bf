"""Hashtags spelled out for the encoder; text without hashtags passes through untouched."""

from __future__ import annotations

import pytest

from replyscope.analyze.hashtags import spell_out, spell_out_hashtags


@pytest.mark.parametrize(
    ("tag", "words"),
    [
        ("LoveWins", "love wins"),
        ("StopTheSteal", "stop the steal"),
        ("NRAMembers", "nra members"),
        ("Vote2024", "vote 2024"),
        ("climatechangeisreal", "climate change is real"),
        ("taxpayersmoney", "taxpayers money"),
        ("Zürich", "zürich"),
        ("München2024", "münchen 2024"),
        ("ÑanduLibre", "ñandu libre"),
    ],
)
def test_a_tag_reads_as_its_words(tag: str, words: str) -> None:
    assert spell_out(tag) == words


def test_every_tag_in_a_comment_is_replaced_and_the_rest_is_kept() -> None:
    comment = "Another tax hike?! #NotMyMayor #endthewaste, see you at the polls."
    assert spell_out_hashtags(comment) == "Another tax hike?! not my mayor end the waste, see you at the polls."


@pytest.mark.parametrize("text", ["No tags here.", "C# and F# are languages", "We're #1 again", ""])
def test_text_without_word_hashtags_is_unchanged(text: str) -> None:
    assert spell_out_hashtags(text) == text
