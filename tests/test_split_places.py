"""split/places: the one reader of a post's running number, and the one in-turn check (choose's
thread cue counts the places up or down across every header; a long first entry stays a thread's
when two entries sit under running numbers one apart)."""

from __future__ import annotations

import pytest

from replyscope.split.places import in_turn, place_after, place_tail, post_number


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("#12", ("#", 12)),
        ("Post #12", ("post#", 12)),
        ("post   #12", ("post#", 12)),
        ("Entry #12", ("entry#", 12)),
        ("Entry #12:", ("entry#", 12)),
        ("Note # 7", ("note#", 7)),
        ("No. 4", ("no.", 4)),
        ("3 / 12", ("", 3)),
        ("Post 3 of 12", ("", 3)),
        ("12", None),
        ("Entry twelve", None),
        ("Seen by 12 readers", None),
    ],
)
def test_a_running_number_alone(line, number):
    assert post_number(line) == number


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("Mar 3, 2015   #12", 12),
        ("Mar 3, 2015  Post #12", 12),
        ("Mar 3, 2015 Post 3 of 12", 3),
        ("Mar 3, 2015 4 / 40", 4),
        ("Mar 3, 2015 post 7", 7),
        ("#12", 12),
        ("Mar 3, 2015", None),
        ("Flat#12", None),
        ("Entry #12:", None),
    ],
)
def test_a_place_closing_a_line(line, place):
    assert place_after(line) == place


def test_the_tail_starts_at_the_spaces_before_the_place():
    m = place_tail("Jan 7, 2015   Post #3")
    assert m is not None and m.start() == len("Jan 7, 2015")
    whole = place_tail("#3")
    assert whole is not None and whole.start() == 0


def test_in_turn_counts_one_by_one_up_or_down_under_one_label():
    assert in_turn([("#", 2), ("#", 3), ("#", 4)])
    assert in_turn([("entry#", 22), ("entry#", 21)])
    assert not in_turn([("#", 2), ("#", 3), ("#", 5)])
    assert not in_turn([("#", 3), ("#", 2), ("#", 3)])  # (up then down: no one turn)
    assert not in_turn([("entry#", 1), ("no.", 2)])  # (two numberings)
    assert not in_turn([("#", 1), None])
    assert not in_turn([("#", 1)])
    assert not in_turn([("#", 4), ("#", 4)])
