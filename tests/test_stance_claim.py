"""Stance toward a reported claim: evidence-first reading, threads, evidence spans, confidence.

Texts written for these tests (no external data)."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest
from stancefixtures import thread_frames

from replyscope.analyze.stance import stance_of
from replyscope.analyze.stance.claim import claim_cues, content_words
from replyscope.analyze.stance.claim_reader import DECIDE
from replyscope.analyze.stance.reader import is_target

TITLE = "Police say a gunman has taken hostages in a cafe downtown"
SOURCE = (
    "Police say a gunman has taken several hostages in a cafe downtown. Streets around the square are closed "
    "and officers are asking people to stay away while negotiators make contact."
)
REPLIES = [
    # id, parent, text
    ("congrats", None, "Congratulations, and the very best wishes to you all!"),
    ("grief", None, "Thoughts and prayers for everyone inside. Horrible."),
    ("confirm", None, "Police have now confirmed it on their own feed, two officers at the scene too."),
    ("fake", None, "This is fake, the cafe was closed all day. Stop spreading rumours."),
    ("source", None, "Source? I can't find this anywhere."),
    ("is_true", None, "Is this confirmed? My sister works near the square."),
    ("rhetorical", None, "How can people be so evil?"),
    ("repost", None, "RT @citynews: Police say a gunman has taken hostages in a cafe downtown"),
    ("argue", "fake", "You are wrong, stop lying to people."),
    ("agree_parent", "fake", "Exactly, total nonsense."),
]


def _frames(replies=REPLIES, title=TITLE, body=SOURCE) -> tuple[pl.DataFrame, pl.DataFrame]:
    return thread_frames(replies, title, body)


@pytest.fixture(scope="module")
def read() -> dict[str, dict]:
    out = stance_of(*_frames())
    return {row["comment_id"]: row for row in out.iter_rows(named=True)}


def test_reactions_without_a_side_are_comment(read):
    # The example: good wishes are not a denial of anything.
    assert read["congrats"]["stance"] == "comment"
    assert read["grief"]["stance"] == "comment"


def test_sides_need_evidence(read):
    assert read["confirm"]["stance"] == "support"
    assert read["repost"]["stance"] == "support"
    assert read["fake"]["stance"] == "deny"


def test_questions_at_the_claim_are_queries_rhetorical_ones_are_not(read):
    assert read["source"]["stance"] == "query"
    assert read["is_true"]["stance"] == "query"
    assert read["rhetorical"]["stance"] != "query"


def test_a_reply_to_a_reply_argues_with_its_parent(read):
    # An attack on the parent's author is not a denial of the report...
    assert read["argue"]["stance"] != "deny" or read["argue"]["stance_confidence"] < read["fake"]["stance_confidence"]
    # ...and agreeing with a parent that denies the report leans to deny, not support (a nested
    # reply's reading counts for less, so it need not reach a label on its own).
    assert read["agree_parent"]["stance"] != "support"
    assert read["agree_parent"]["score_deny"] > read["agree_parent"]["score_support"]


def test_every_side_carries_its_evidence_span_and_a_confidence(read):
    comments, _ = _frames()
    text_of = dict(zip(comments["comment_id"], comments["text"]))
    for cid, row in read.items():
        spans = row["stance_evidence"]
        assert 0.0 <= row["stance_confidence"] <= 1.0
        if row["stance"] == "comment":
            assert spans == []
            continue
        assert spans, cid
        for span in spans:
            assert span["tag"] == row["stance"]
            assert text_of[cid][span["start"] : span["end"]] == span["cue"]
    assert read["fake"]["stance_evidence"][0]["cue"].lower() in {"fake", "stop spreading", "rumours"}
    # the chosen stance's score is the confidence
    for row in read.values():
        assert row["stance_confidence"] == pytest.approx(row[f"score_{row['stance']}"])


def test_scores_sum_to_one_and_sides_lead_their_scores(read):
    for row in read.values():
        total = sum(row[f"score_{s}"] for s in ("support", "deny", "query", "comment"))
        assert total == pytest.approx(1.0)
        if row["stance"] != "comment":
            assert row[f"score_{row['stance']}"] >= DECIDE
            assert row[f"score_{row['stance']}"] == max(row[f"score_{s}"] for s in ("support", "deny", "query"))


def test_deny_is_rare_on_a_thread_of_reactions():
    # Many angry or sad reactions: anger at an event is not disbelief in the report.
    angry = [
        (f"r{i}", None, text)
        for i, text in enumerate(
            [
                "Disgusting. These people are animals.",
                "I hate this world sometimes.",
                "Terrible news, stay safe everyone.",
                "Why does this keep happening to us",
                "The government has failed us again and again.",
                "Sickening. Lock them up forever.",
                "So sad for the families.",
                "What a horrible day for the city.",
            ]
            * 5
        )
    ]
    out = stance_of(*_frames(angry))
    assert (out["stance"] == "deny").mean() <= 0.1


def test_replies_under_an_article_with_no_text_are_read_on_their_cues():
    # A page whose article the split could not find: angry reactions are not a side toward "",
    # but a reply that calls the report fake still denies it.
    angry = [(f"r{i}", None, t) for i, t in enumerate(["Disgusting. These people are animals.", "I hate this world sometimes.",
                                                       "Sickening. Lock them up forever.", "What a horrible day for the city."] * 4)]
    out = stance_of(*_frames([*angry, ("fake", None, "This is fake, stop spreading rumours.")], title="", body=""))
    read = dict(zip(out["comment_id"].to_list(), out["stance"].to_list()))
    assert read["fake"] == "deny"
    assert all(read[r[0]] == "comment" for r in angry)


def test_a_reply_insulting_the_one_it_answers_argues_with_it():
    replies = [
        ("first", None, "Police should have closed the whole district hours ago."),
        ("attack", "first", "You are a complete idiot, go back to sleep."),
        ("top_insult", None, "What idiots run this city."),
    ]
    out = stance_of(*_frames(replies))
    read = {row["comment_id"]: row for row in out.iter_rows(named=True)}
    assert read["attack"]["stance"] == "deny"
    assert [e["cue"] for e in read["attack"]["stance_evidence"]] and "idiot" in read["attack"]["stance_evidence"][0]["cue"]
    # an insult at the world, not at the commenter answered, takes no side on the report
    assert read["top_insult"]["stance"] == "comment"


def test_targets_and_reports_are_told_apart():
    assert not is_target("", "")
    assert is_target("Atheism", "Atheism")
    assert is_target("Climate Change is a Real Concern", "")
    assert not is_target(TITLE, SOURCE)
    assert not is_target("Spain: 6 people hurt after blast at the offices of a regional daily, say witnesses", "")
    # short, but a report: it cites, tags or links
    assert not is_target("#Harbourfest suspects arrested http://example.org/x", "")
    assert not is_target("AFP: bridge closed", "")


def test_claim_cues_have_spans_into_the_text():
    text = "@newsdesk is this confirmed? Sounds like a hoax to me."
    cues = claim_cues(text, content_words(SOURCE))
    assert {c.stance for c in cues} >= {"query", "deny"}
    for cue in cues:
        assert text[cue.start : cue.end] == cue.text


def test_deterministic():
    a = stance_of(*_frames())
    b = stance_of(*_frames())
    assert a.equals(b)
    np.testing.assert_allclose(a["stance_confidence"].to_numpy(), b["stance_confidence"].to_numpy())


def test_a_repost_passes_on_what_it_quotes_and_repeated_evidence_counts_once():
    replies = [
        *REPLIES,
        ("repost_other", None, "RT @weekendfan: my neighbour's dog barked all night again, unbelievable"),
    ]
    out = {row["comment_id"]: row for row in stance_of(*_frames(replies)).iter_rows(named=True)}
    # reposting someone else's take sides with them, not with the report
    assert out["repost_other"]["stance"] == "comment"
    # a repost of the report is bound to repeat its words: one piece of evidence, not two
    # independent ones (compounding them claimed ~0.7 for replies right about half the time)
    assert out["repost"]["stance"] == "support"
    assert out["repost"]["stance_confidence"] < 0.6


def test_a_side_said_as_a_wish_or_a_condition_is_not_asserted():
    source = content_words(SOURCE)
    for text in ("I hope this is true, my cousin lives there.", "If this is true it is a disgrace.",
                 "Who knows if it's true, stay safe everyone.", "No confirmation yet, but hopefully good news.",
                 "There has been zero confirmation of hostages so far.",
                 "You might want to confirm that before posting it."):
        assert not [c for c in claim_cues(text, source) if c.stance == "support"], text
    # said outright, the same words still take the side
    assert any(c.stance == "support" for c in claim_cues("It's true, police confirmed it an hour ago.", source))
    assert any(c.stance == "deny" for c in claim_cues("This is not true, the cafe was closed.", source))


def test_rubbish_that_is_waste_is_no_dismissal():
    source = content_words(SOURCE)
    for text in ("The square was covered in rubbish after the market.", "Who empties the rubbish bins around the cafe?",
                 "Bags of garbage everywhere on that street."):
        assert not [c for c in claim_cues(text, source) if c.stance == "deny"], text
    for text in ("Rubbish, nobody took any hostages.", "This story is rubbish."):
        assert any(c.stance == "deny" for c in claim_cues(text, source)), text


def test_agreeing_with_the_one_answered_takes_a_side_in_the_thread():
    replies = [
        ("report_ok", None, "Police confirmed it, there are officers all around the cafe now."),
        ("well_said", "report_ok", "Well said."),
        ("chat", None, "My bus was rerouted this morning."),
        ("agree_chat", "chat", "Exactly, mine too."),
        ("fake", None, "This is fake, the cafe was closed all day."),
        ("agree_fake", "fake", "Exactly."),
    ]
    read = {row["comment_id"]: row for row in stance_of(*_frames(replies)).iter_rows(named=True)}
    # agreement is said to the one answered by its form: nested, it is no weaker
    assert read["well_said"]["stance"] == "support"
    assert read["agree_fake"]["stance"] == "deny"  # a denial agreed with is a denial


def test_a_no_to_a_reply_takes_the_side_against_the_parents_own():
    replies = [
        ("fake", None, "This is fake, the cafe was closed all day."),
        ("no_to_fake", "fake", "No, it is real, my sister is outside."),
        ("chat", None, "Parking around the square is impossible anyway."),
        ("no_to_chat", "chat", "No, there is a garage behind the station."),
    ]
    read = {row["comment_id"]: row for row in stance_of(*_frames(replies)).iter_rows(named=True)}
    assert read["no_to_fake"]["stance"] == "support"
    assert any("No" in e["cue"] for e in read["no_to_fake"]["stance_evidence"])
    # saying no to a reply that took no side on the report takes none either
    assert read["no_to_chat"]["stance"] == "comment"
    # the same words said to the report itself deny it
    top = stance_of(*_frames([("no", None, "No, there is a garage behind the station.")]))
    assert top["stance"][0] == "deny"


def test_a_question_in_an_exclaiming_reply_asks_nothing():
    source = content_words(SOURCE)
    for text in ("Why are the police just standing there? Cowards!", "Hostages in a cafe downtown?! Unbelievable."):
        assert not [c for c in claim_cues(text, source) if c.stance == "query"], text
    assert [c for c in claim_cues("Are the hostages in the cafe downtown still inside?", source) if c.stance == "query"]
    # a question that names what it asks for is asked however it is punctuated
    assert [c for c in claim_cues("Source?! I can't find this anywhere!", source) if c.stance == "query"]


def test_a_repost_disputed_in_the_reposters_own_words_denies():
    source = content_words(SOURCE)
    cues = claim_cues("Not confirmed RT @citynews: Police say a gunman has taken hostages in a cafe downtown", source)
    assert {c.stance for c in cues} == {"deny"}
    # the report's words passed on with no word of the reposter's own still support it
    cues = claim_cues("RT @citynews: Police say a gunman has taken hostages in a cafe downtown", source)
    assert {c.stance for c in cues} == {"support"}


def test_an_affirmation_opening_a_reply_agrees_and_a_yes_that_asks_does_not():
    source = content_words(SOURCE)
    for text in ("Yes! Finally someone reports it.", "Yep, my brother saw the police vans.", "True. The square has been closed since noon."):
        assert [c for c in claim_cues(text, source) if c.family == "affirmation"], text
    for text in ("Yes? And what happens now?", "True? Where did you read that?", "Yeah whatever, my bus is late again.",
                 "It is true that buses are late on Mondays.", "True courage means staying calm in a crisis."):
        assert not [c for c in claim_cues(text, source) if c.family == "affirmation"], text


def test_a_reply_to_a_reply_that_ends_on_its_question_asks_it():
    replies = [
        ("claim", None, "They say the gunman let two hostages go an hour ago."),
        ("asks", "claim", "Where did they say that? Was it on the police feed?"),
        ("rhetoric", "claim", "Who would believe that? Nobody with any sense trusts those feeds."),
    ]
    read = {row["comment_id"]: row for row in stance_of(*_frames(replies)).iter_rows(named=True)}
    assert read["asks"]["stance"] == "query"
    # a question followed by the speaker's own statement is mostly rhetoric: nested, it stays weak
    assert read["rhetoric"]["stance"] != "query"


def test_the_who_as_the_health_organisation_asks_nothing():
    # "who says" asks who vouches for the claim; "The WHO says" reports what the World Health
    # Organization says. Case tells them apart, in the claim reader and the target cues alike.
    from replyscope.analyze.stance import cues as C  # noqa: PLC0415
    from replyscope.analyze.stance.reading import family_regex  # noqa: PLC0415

    source = content_words(SOURCE)
    for text in ("The WHO says the risk to the public remains low.", "According to WHO, hospitals are ready."):
        assert not [c for c in claim_cues(text, source) if c.stance == "query"], text
        assert pl.Series([text]).str.count_matches(family_regex(C.QUERY))[0] == 0, text
    for text in ("Who says? The police have said nothing yet.", "Says who? I can't find it anywhere.", "WHO SAYS THIS?"):
        assert [c for c in claim_cues(text, source) if c.family == "truth_question"], text


def test_negation_words_are_whole_words_not_endings():
    # "president", "government", "want" end in -nt without negating anything; "dont" does.
    source = content_words(SOURCE)
    for text in ("The president confirmed it an hour ago.", "The government confirmed it this morning."):
        assert [c for c in claim_cues(text, source) if c.stance == "support"], text
    for text in ("Police have not confirmed anything yet.", "The police dont confirm it, they say wait."):
        assert not [c for c in claim_cues(text, source) if c.stance == "support"], text


def test_agreement_with_a_denial_denies_whatever_words_it_agrees_in():
    replies = [
        ("fake", None, "This is fake, the cafe was closed all day."),
        ("so_true", "fake", "So true, my cousin works there and saw nothing."),
        ("same_words_later", "fake", "Police confirmed it an hour ago, the same cafe as last year."),
    ]
    read = {row["comment_id"]: row for row in stance_of(*_frames(replies)).iter_rows(named=True)}
    assert read["so_true"]["stance"] == "deny"
    # "same" in passing is no agreement with the parent: the reply's own confirmation stands
    assert read["same_words_later"]["stance"] != "deny"


def test_disbelief_missing_confirmation_and_counter_evidence_deny():
    source = content_words(SOURCE)

    def sides(text: str) -> set[str]:
        return {c.stance for c in claim_cues(text, source)}

    for text in ("I don't agree with you at all.", "They agreed a deal with the cafe owner last year."):
        assert "support" not in sides(text), text
    for text in ("Not very believable, the cafe was closed.", "Nobody believes it, the square is quiet.",
                 "There has been zero confirmation of any hostages.", "That's an old photo, the cafe was repainted.",
                 "This isn't him, the gunman had a beard."):
        assert "deny" in sides(text), text
    # shock at what happened is no disbelief in the report; an old photo of one's own is no counter-evidence
    for text in ("I can't believe this is happening downtown.", "Unbelievable scenes downtown tonight.",
                 "Found my old photo album from when I worked at that cafe."):
        assert "deny" not in sides(text), text


def test_a_side_cue_pointing_back_at_what_was_said_is_aimed_anywhere_in_the_reply():
    # The second sentence shares no word with the report, but "otherwise" and "it" point back at it.
    claim = f"{TITLE}. {SOURCE}"
    source, target = content_words(SOURCE), content_words(claim)

    def sides(text: str) -> set[str]:
        return {c.stance for c in claim_cues(text, source, target, claim)}

    for text in ("Please check this before posting. Local radio says otherwise.",
                 "Funny how the timing works out. Nobody believes it anymore."):
        assert "deny" in sides(text), text
    # a negation in the same place that points at nothing answered stays an aside
    assert "deny" not in sides("Lovely weather here today. My cat is not fond of rain.")
    # a question ending on "that" asks about the speaker's own sentence, not the report
    assert "query" not in sides("My cousin drove to the coast this morning. Why go there for that!")


def test_scare_quoted_and_manner_words_confirm_nothing():
    source = content_words(SOURCE)

    def support(text: str) -> list:
        return [c for c in claim_cues(text, source) if c.stance == "support"]

    for text in ("The channel 'confirmed' two gunmen an hour ago, then took it down.",
                 "So the police “confirmed” it, did they.",
                 "Well, the mayor is officially out of his depth now.",
                 "The square is officially a mess tonight."):
        assert not support(text), text
    # said straight, confirmation still confirms; an apostrophe is no quote mark
    for text in ("Police have officially confirmed it on their feed.", "It's confirmed, my brother's there.",
                 "The station's reporter confirmed it on air."):
        assert support(text), text


def test_a_negated_fact_disputes_the_report_a_negated_plan_or_modal_does_not():
    claim = f"{TITLE}. {SOURCE}"
    source, target = content_words(SOURCE), content_words(claim)

    def deny(text: str) -> bool:
        return any(c.stance == "deny" for c in claim_cues(text, source, target, claim))

    # said without the apostrophe, as replies often are, the negated fact still disputes it
    for text in ("There isnt a gunman, the cafe is just closed.", "Police didnt say hostages, read it again."):
        assert deny(text), text
    for text in ("The cafe won't open again after the hostages this week.", "Police don't need a reason to close the square."):
        assert not deny(text), text
    # one definition: a support cue under any of these negations is none
    for text in ("Police can't confirm it yet.", "They wont confirm it.", "Officers hasnt confirmed it."):
        assert not [c for c in claim_cues(text, source) if c.stance == "support"], text


def test_a_confirmation_in_the_reports_own_words_is_passed_on_not_said():
    claim = "Police confirm a gunman has taken hostages in a cafe downtown"
    source = content_words(claim)
    # the report passed on without a repost marker: its "Police confirm" is the report's, not the reply's
    passed_on = "Oh no. Police confirm a gunman has taken hostages in a cafe downtown, stay safe everyone"
    assert [c.family for c in claim_cues(passed_on, source, None, claim) if c.stance == "support"] == ["repeats_report"]
    # the reply's own confirmation still counts
    own = "My brother is there, the officers confirmed it to him an hour ago."
    assert [c for c in claim_cues(own, source, None, claim) if c.stance == "support"]
