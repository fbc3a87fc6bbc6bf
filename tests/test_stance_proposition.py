"""Stance toward a target that is a proposition: agreeing with "X is a real concern" speaks ill of X.

Texts written for these tests (no external data)."""

from __future__ import annotations

import polars as pl
import pytest

from replyscope.analyze.embed import minilm
from replyscope.analyze.stance import stance_of
from replyscope.analyze.stance.proposition import predicate_of, proposition_orientation, proposition_subject_terms

CONCERN = "Climate change is a real concern"
CONCERN_TEXTS = {
    "threat": "Climate change is a threat to our kids. We have to stop climate change now.",
    "fight": "We need to fight climate change before it is too late #ActOnClimate",
    "hoax": "Climate change is a hoax invented to raise taxes.",
    "myth": "The so-called climate crisis is a myth, the planet has always warmed and cooled.",
    "beach": "Nice weather today, going to the beach!",
}


def _read(target: str, texts: dict[str, str]) -> dict[str, dict]:
    comments = pl.DataFrame({"comment_id": list(texts), "doc_id": ["d"] * len(texts), "text": list(texts.values())})
    articles = pl.DataFrame({"doc_id": ["d"], "title": [target], "body": [target]})
    return {row["comment_id"]: row for row in stance_of(comments, articles).iter_rows(named=True)}


def test_predicate_is_what_follows_the_verb():
    assert predicate_of("Climate change is a real concern") == "is a real concern"
    assert predicate_of("Vaccines cause autism") == "cause autism"
    # bare targets (a name, a movement, a policy) have none
    assert predicate_of("Atheism") is None
    assert predicate_of("Legalization of Abortion") is None
    assert predicate_of("Feminist Movement") is None


def test_orientation_follows_the_predicate():
    signs = proposition_orientation(
        ["Brexit will be a disaster", "Vaccines are safe and effective", "Hillary Clinton", "Legalization of Abortion"], "minilm"
    )
    assert signs == [-1.0, 1.0, 1.0, 1.0]


def _needs_minilm():
    # "is a real concern" has no lexicon sentiment: the encoder reads it (tf-idf cannot)
    if not minilm.available():
        pytest.skip("MiniLM weights not installed: " + minilm.INSTALL_HINT)


def test_a_concern_without_lexicon_words_is_read_by_the_encoder():
    _needs_minilm()
    assert proposition_orientation([CONCERN, "Climate change is real"], "minilm") == [-1.0, 1.0]


def test_agreeing_with_a_concern_is_not_read_as_attacking_its_subject():
    _needs_minilm()
    read = _read(CONCERN, CONCERN_TEXTS)
    # "stop climate change", "climate change is a threat": what agreeing with the concern sounds like
    assert read["threat"]["stance"] == "support"
    assert read["fight"]["stance"] == "support"
    # calling it a hoax or a myth disputes the proposition, however the proposition is worded
    assert read["hoax"]["stance"] == "deny"
    assert read["myth"]["stance"] == "deny"
    assert read["beach"]["stance"] == "comment"
    # the evidence shown is the words that decided it
    assert "threat" in read["threat"]["stance_evidence"][0]["cue"] or "stop climate" in read["threat"]["stance_evidence"][0]["cue"]
    assert "hoax" in read["hoax"]["stance_evidence"][0]["cue"]


def test_a_bare_target_keeps_favour_as_support():
    read = _read("Bike lanes", {
        "stop": "Stop bike lanes, they are a disaster for every shop on the street.",
        "love": "I love bike lanes, we need more bike lanes in every town.",
        "other": "The bakery on the corner has the best croissants.",
    })
    assert read["stop"]["stance"] == "deny"
    assert read["love"]["stance"] == "support"


def test_confidence_is_the_probability_of_the_label_as_decided():
    # The scores keep P(takes a side) sharp for the clusters; a side labelled on the reader's lean
    # toward side-taking is stated with that lean, never below its sharp score (a side stated at
    # 0.15 was right about half the time).
    texts = {**CONCERN_TEXTS, "rain": "Rain again tomorrow, the garden will be happy.",
             "kids": "My kids asked me about climate change today and I did not know what to say."}
    comments = pl.DataFrame({"comment_id": list(texts), "doc_id": ["d"] * len(texts), "text": list(texts.values())})
    articles = pl.DataFrame({"doc_id": ["d"], "title": [CONCERN], "body": [CONCERN]})
    rows = list(stance_of(comments, articles).iter_rows(named=True))
    sides = [r for r in rows if r["stance"] in ("support", "deny")]
    assert sides
    for r in rows:
        assert 0.0 <= r["stance_confidence"] <= 1.0
        if r["stance"] in ("support", "deny"):
            assert r["stance_confidence"] >= r[f"score_{r['stance']}"] - 1e-12
        elif r["stance"] == "comment":
            assert r["stance_confidence"] <= r["score_comment"] + 1e-12
    assert any(r["stance_confidence"] > r[f"score_{r['stance']}"] + 0.02 for r in sides)


def test_alarm_said_of_the_subject_agrees_with_a_concern_and_attacks_a_bare_target():
    _needs_minilm()
    alarm = "Pollution is a serious problem for every coastal town, and it is getting worse."
    concern = _read("Plastic pollution is a serious concern", {"alarm": alarm, "hoax": "Plastic pollution is a hoax.",
                                                               "beach": CONCERN_TEXTS["beach"]})
    assert concern["alarm"]["stance"] == "support"
    assert "serious problem" in concern["alarm"]["stance_evidence"][0]["cue"]
    assert concern["hoax"]["stance"] == "deny"
    bare = _read("Pollution", {"alarm": alarm, "love": "I love pollution, we need more pollution.", "beach": CONCERN_TEXTS["beach"]})
    assert bare["alarm"]["stance"] == "deny"


def test_rubbish_that_is_waste_is_no_dismissal_of_a_target():
    read = _read("Bike lanes", {
        "waste": "The bike lanes were covered in rubbish after the market, bags of garbage everywhere.",
        "dismiss": "Bike lanes? Rubbish, nobody uses them.",
    })
    # whatever side the reply's tone gets, the waste is not shown as the words that dismissed the target
    assert not any(e["cue"].lower().strip() in ("rubbish", "garbage") for e in read["waste"]["stance_evidence"])
    assert read["dismiss"]["stance"] == "deny"


def test_a_negated_claim_names_the_affirmative_it_denies():
    from replyscope.analyze.stance.proposition import affirmative_of, proposition_subject_terms

    assert affirmative_of("Ghosts do not exist") == "Ghosts exist"
    assert affirmative_of("Ghosts don't exist") == "Ghosts exist"
    assert affirmative_of("The new bridge is not safe") == "The new bridge is safe"
    assert affirmative_of("Remote work will never last") == "Remote work will last"
    assert affirmative_of("Nuclear power cannot be trusted") == "Nuclear power can be trusted"
    # not negated, or no claim at all
    assert affirmative_of("Nuclear power is safe") is None
    assert affirmative_of("Nuclear power") is None
    assert affirmative_of("Not every bridge is safe") is None
    # the subject is named by the words before the verb, three-letter words included
    assert proposition_subject_terms("Tax cuts should be permanent") == ["tax", "cuts"]
    assert proposition_subject_terms("Ghosts do not exist") == ["ghost"]
    assert proposition_subject_terms("Nuclear power") == []


def test_replies_to_a_negated_claim_take_the_side_opposite_to_the_affirmative():
    # "Ghosts are real" affirms the subject: it disputes "Ghosts do not exist"; "ghosts are a
    # myth" agrees with it. Read against the affirmative and swapped, not as "agrees: names ghosts".
    texts = {
        "real": "Ghosts are real, I saw one in my grandmother's house last winter.",
        "myth": "Ghosts are a myth, there is no evidence at all.",
        "beach": CONCERN_TEXTS["beach"],
    }
    negated = _read("Ghosts do not exist", texts)
    assert negated["real"]["stance"] == "deny"
    assert negated["myth"]["stance"] == "support"
    assert "Ghosts are real" in negated["real"]["stance_evidence"][0]["cue"]
    affirmed = _read("Ghosts exist", texts)
    assert affirmed["real"]["stance"] == "support"
    assert affirmed["myth"]["stance"] == "deny"


def test_a_side_stated_in_the_replys_own_words_is_stated_surely():
    # Sides read from the reply's own words (templates aimed at the subject, tone in sentences
    # naming it) are right ~0.8 of the time; sides lent by the thread are coin tosses. Only the
    # first may clear the "sure" line the report and the cluster labels count by.
    from replyscope.schema import SURE_STANCE_CONFIDENCE

    read = _read("Bike lanes", {
        "love": "I love bike lanes, we need more bike lanes in every town. Bike lanes are great and safe!",
        "stop": "Stop bike lanes, they are a disaster for every shop on the street. Bike lanes are a joke.",
        "lights": "Rode to work this morning, the traffic lights by the station are slow again.",
        "bus": "The bus was late again and nobody knows why.",
        "market": "Cycling to the market on a sunny day is the nicest thing about living here.",
        "doors": "Drivers in this city never look before they open their doors.",
    })
    assert read["love"]["stance"] == "support" and read["stop"]["stance"] == "deny"
    assert read["love"]["stance_confidence"] >= 0.75
    assert read["stop"]["stance_confidence"] >= 0.75
    for key in ("lights", "bus", "market", "doors"):
        if read[key]["stance"] in ("support", "deny"):
            assert read[key]["stance_confidence"] < SURE_STANCE_CONFIDENCE, key


def test_a_noun_spelt_like_a_verb_is_part_of_the_subject():
    # "work", "help", "harm" are nouns before a copula or after a determiner: the verb comes later
    assert predicate_of("Remote work is here to stay") == "is here to stay"
    assert predicate_of("Help for refugees should be increased") == "should be increased"
    assert predicate_of("The harm of social media is overstated") == "is overstated"
    assert predicate_of("Their work makes a difference") == "makes a difference"
    assert predicate_of("Exercise helps people sleep") == "helps people sleep"
    assert proposition_subject_terms("Remote work is here to stay")[-1].startswith("work")
