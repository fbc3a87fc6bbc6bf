"""A negation or an agreement phrase is stance evidence only when it is aimed at the claim or the parent.

Texts written for these tests (no external data): a local news story and the kind of comments a
comment section under it gets."""

from __future__ import annotations

import pytest
from stancefixtures import thread_frames

from replyscope.analyze.stance import stance_of
from replyscope.analyze.stance.aim import is_aimed, lead_of
from replyscope.analyze.stance.claim import claim_cues, content_words

TITLE = "Fire at the harbour market was started by workers welding on the roof, officials say"
BODY = (
    "A fire that gutted the harbour market on Sunday night was started by workers welding on the roof, "
    "city officials said on Monday. Nobody was hurt. The market hall, built in 1902, housed forty stalls, "
    "a bakery and the old fish auction. Traders said they had nothing else to live on and asked the council "
    "for help. The council said a temporary market would open on the car park by the bus station next month, "
    "and that it would not look like much but would let the traders work again. Fire crews from three "
    "towns fought the blaze for six hours; the roof and the clock tower could not be saved."
)
REPLIES = [
    # id, parent, text
    (
        "friendly_negation", None,
        "What a sad story, I grew up two streets from the harbour and my grandmother ran a stall there for "
        "forty years. The bus station next door does not look like much, but the market was the heart "
        "of the town. Thank you for writing about it, and good luck to all the traders!",
    ),
    (
        "friendly_true", None,
        "My daughter sold her paintings in that hall every Saturday. She always says you should make what feels "
        "right and what is true to you, and the market let people do exactly that. We will be at the new one.",
    ),
    ("flat_deny", None, "That's not true, the report says the opposite. The fire started in the bakery's kitchen."),
    (
        "aimed_late", None,
        "I drove past on Sunday and the smoke was everywhere, awful to see. My cousin works for the fire crew. "
        "The fire was not started by workers on the roof, the crews found it began in the basement.",
    ),
    ("unconfirmed", None, "Officials have not confirmed anything, they are guessing."),
    ("agree_parent", "flat_deny", "You're right, my neighbour saw the kitchen burning first."),
]


def _read(replies=REPLIES) -> dict[str, dict]:
    return {row["comment_id"]: row for row in stance_of(*thread_frames(replies, TITLE, BODY)).iter_rows(named=True)}


@pytest.fixture(scope="module")
def read() -> dict[str, dict]:
    return _read()


def test_an_incidental_negation_in_a_friendly_comment_is_comment(read):
    # "does not look like much" is about a bus station, deep in a warm comment; the story's
    # body even has the same words, which is why the claim is read from the headline and lead.
    assert read["friendly_negation"]["stance"] == "comment"
    assert read["friendly_negation"]["stance_evidence"] == []


def test_an_idiom_with_is_true_is_not_agreement(read):
    assert read["friendly_true"]["stance"] == "comment"


def test_saying_the_claim_is_false_under_it_is_deny(read):
    row = read["flat_deny"]
    assert row["stance"] == "deny"
    assert row["stance_evidence"] and "not true" in row["stance_evidence"][0]["cue"].lower()


def test_a_negation_of_the_claim_itself_counts_wherever_it_sits(read):
    # Third sentence of a long comment, but it negates the headline's own words.
    row = read["aimed_late"]
    assert row["stance"] == "deny"
    assert "not started" in row["stance_evidence"][0]["cue"]


def test_negated_confirmation_is_not_support(read):
    assert read["unconfirmed"]["stance"] != "support"


def test_aiming_rules_directly():
    target = content_words(lead_of(TITLE, BODY))
    text = "Lovely photos. I went there as a child. It does not look like much now."
    at = text.index("not look")
    assert not is_aimed(text, at, at + 8, target, content_words)
    # the reply's opening answers the post, whatever it says
    assert is_aimed("Not so fast. The roof was fine.", 0, 3, target, content_words)
    # a later sentence pointing at the story
    text = "Sad day for the town. This report is wrong about the cause."
    at = text.index("wrong")
    assert is_aimed(text, at, at + 5, target, content_words)


def test_cues_without_target_words_read_as_before():
    # claim_cues without target words (callers that have no claim) keeps every cue.
    text = "Great day out. The bus station does not look like much."
    with_aim = claim_cues(text, content_words(BODY), content_words(lead_of(TITLE, BODY)))
    without = claim_cues(text, content_words(BODY))
    assert not [c for c in with_aim if c.stance == "deny"]
    assert [c for c in without if c.stance == "deny"]
