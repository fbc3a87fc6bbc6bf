"""A side needs words used in their side-taking sense, aimed at the report or at the one answered.

Texts written for these tests (no external data): a blog post about a town's new airport terminal
and the kind of comment section it gets, where "wrong", "lies", "exactly" and insults are mostly
about something else.
"""

from __future__ import annotations

import numpy as np
import pytest
from stancefixtures import thread_frames

from replyscope.analyze.stance import stance_of
from replyscope.analyze.stance.claim import bare_link, claim_cues, content_words
from replyscope.analyze.stance.claim_reader import DECIDE, addressed_insult, decide, to_scores
from replyscope.analyze.stance.sense import judging

TITLE = "Why the new terminal is not enough for our airport"
BODY = (
    "The new terminal opened on Monday with twelve gates and a larger security hall, but the airport "
    "still has one runway and no rail link. The council says a second runway is ten years away. "
    "Travellers told us the parking is expensive and the signs to the car hire desks are confusing. "
    "One family said they had waited an hour for a bus that never came, and a pilot said the new "
    "stands are too close to the taxiway."
)
REPLIES = [
    # id, parent, text
    ("wrong_car", None, "Ha, we got into the wrong car at the pickup zone last week, exactly like the family in your story!"),
    ("lies_with", None, "Lovely write-up. The fault lies with the council, they never planned the bus service."),
    ("no_doubt", None, "No doubt the new gates will help in the summer rush."),
    ("echo", None, "[...] a sharp post on why the new terminal is not enough for the airport [...]"),
    ("made_up", None, "I made up a song about the old terminal when I was a kid, sad to see it go."),
    ("never_had", None, "I’ve never had to wait that long for a bus, we were lucky I guess."),
    ("quoted", None, "My uncle called the first plans “fake progress” back in 2010, and now here we are with a terminal."),
    ("flat_deny", None, "That's not true, the terminal has fourteen gates, not twelve."),
    ("couldnt_be", None, "You couldn't be more wrong about the runway, the council approved it last spring."),
    # a thread under the first comment
    ("parent", None, "The airport should be run by the city, not by a private company."),
    ("attack", "parent", "You are an idiot, the city can't even run the buses."),
    ("own_ass", "parent", "I worked my ass off at that airport for ten years and the city never helped once."),
    ("us_idiots", "parent", "Then tell us idiots, why would the city do any better?"),
    ("people_idiots", "parent", "Drivers are idiots about parking, that's the real problem here."),
    ("agree", None, "Exactly. The runway is the real problem, and it has been for years."),
    ("exactly_adverb", None, "That is exactly what I needed to read before my flight on Friday, thank you."),
    ("they_knew", None, "The airlines knew it was coming and moved their planes to the other airport."),
]


@pytest.fixture(scope="module")
def read() -> dict[str, dict]:
    out = stance_of(*thread_frames(REPLIES, TITLE, BODY))
    return {row["comment_id"]: row for row in out.iter_rows(named=True)}


@pytest.mark.parametrize("cid", ["wrong_car", "lies_with", "no_doubt", "echo", "made_up", "never_had", "quoted"])
def test_falsity_words_in_other_senses_are_no_denial(read, cid):
    # "the wrong car", "lies with", "no doubt", the headline's own words, "I made up a song",
    # "I’ve never had" (a typographic apostrophe), a quotation: none calls the post false.
    assert read[cid]["stance"] != "deny", read[cid]


def test_saying_the_post_is_wrong_is_still_deny(read):
    assert read["flat_deny"]["stance"] == "deny"
    assert read["couldnt_be"]["stance"] == "deny"
    assert "wrong" in read["couldnt_be"]["stance_evidence"][0]["cue"]


def test_an_insult_said_to_the_one_answered_argues_with_them(read):
    assert read["attack"]["stance"] == "deny"
    assert "idiot" in read["attack"]["stance_evidence"][0]["cue"]


@pytest.mark.parametrize("cid", ["own_ass", "us_idiots", "people_idiots"])
def test_profanity_and_insults_at_others_are_no_attack(read, cid):
    assert read[cid]["stance"] != "deny", read[cid]


def test_agreement_said_as_a_reply_not_as_an_adverb(read):
    assert read["agree"]["stance"] == "support"
    assert read["exactly_adverb"]["stance"] != "support"
    assert read["they_knew"]["stance"] != "support"


def test_sense_checks_directly():
    text = "It gives people a wrong message, but you are wrong about the runway."
    first = text.index("wrong")
    second = text.index("wrong", first + 1)
    assert not judging(text, first, first + 5)
    assert judging(text, second, second + 5)
    text = "There is nothing wrong with a small terminal."
    at = text.index("wrong")
    assert not judging(text, at, at + 5)
    # the words of the claim itself are quoted, not denied
    text = "Great post, the terminal is not enough."
    at = text.index("not enough")
    assert not judging(text, at, at + 10, claim=TITLE)
    assert judging(text, at, at + 10, claim="Airport opens a new terminal")


def test_addressed_insult_directly():
    def first(text: str, word: str):
        at = text.index(word)
        return addressed_insult(text, [(at, at + len(word))])

    assert first("You are a complete moron, read the report.", "moron") is not None
    assert first("Tell us idiots then, you genius.", "idiots") is None
    assert first("You made me laugh my ass off with that one.", "ass") is None
    assert first("Shut up and read it.", "Shut up") is not None
    assert first("Fuck you and your sources.", "Fuck") is not None


def test_the_claim_is_repeated_from_the_headline_and_lead_not_the_body():
    claim = "Council approves second runway. The vote was nine to two."
    body = claim + " Travellers complained about parking prices and confusing signs at the car hire desks."
    repeats = "Council approves second runway, vote nine to two"
    body_only = "Parking prices and confusing signs at the car hire desks"
    kinds = lambda text: {c.family for c in claim_cues(text, content_words(body), content_words(claim), claim)}  # noqa: E731
    assert "repeats_report" in kinds(repeats)
    assert "repeats_report" not in kinds(body_only)


def test_a_link_to_a_page_is_shared_a_link_to_a_front_page_is_a_signature():
    assert bare_link("https://t.co/AbC123xyz")
    assert bare_link("http://news.example.org/2012/07/runway-vote")
    assert not bare_link("http://myrecipes.blogspot.com")


def test_doubt_about_the_aim_is_shared_over_stances_not_given_to_comment():
    # A nested reply's question lost 0.22 of its strength to the chance that it asks the parent.
    cue = np.array([[0.0, 0.0, 0.18], [0.0, 0.0, 0.0]])
    doubt = np.array([0.22, 0.0])
    with_doubt = to_scores(cue, doubt)
    without = to_scores(cue)
    assert np.allclose(with_doubt.sum(1), 1.0)
    # the comment it is read as says less than it did, and less than a reply with no cue at all
    assert with_doubt[0, 3] < without[0, 3] - 0.04
    assert with_doubt[0, 3] < with_doubt[1, 3]
    # and the doubt alone never makes it a side: decisions are those of the cues without it
    assert decide(with_doubt, without, doubt)[0] == 3
    weak = np.array([[0.0, 0.22, 0.0]])
    lost = np.array([0.55])
    assert to_scores(weak, lost)[0, 1] >= DECIDE  # the side's score with its share of doubt
    assert decide(to_scores(weak, lost), to_scores(weak), lost)[0] == 3  # is not decided on it
    sure = np.array([[0.0, 0.27, 0.0]])  # a nested "No, he ..." decided as before the doubt
    assert decide(to_scores(sure, lost), to_scores(sure), lost)[0] == decide(to_scores(sure))[0] == 1


def test_a_nested_question_read_as_comment_states_less_confidence():
    replies = [
        ("top", None, "The runway vote was the right call."),
        # (followed by the speaker's own statement: a nested reply that ends on its question asks it)
        ("nested_q", "top", "Which runway do they mean, the old one? I always mix the two up."),
        ("plain", None, "We flew out on Monday, the new hall is bright and calm."),
    ]
    out = {r["comment_id"]: r for r in stance_of(*thread_frames(replies, TITLE, BODY)).iter_rows(named=True)}
    assert out["nested_q"]["stance"] == "comment"
    assert out["nested_q"]["stance_confidence"] < out["plain"]["stance_confidence"] - 0.1
    assert out["nested_q"]["stance_confidence"] <= 0.65


def test_sarcasm_read_from_tone_alone_takes_no_side_under_a_friendly_post():
    # Read as sarcasm by the rhetoric tagger ("Oh wow", "Oh yeah"), but nothing in the post is
    # accused: what the tone would mock is unknown, so no side.
    title = "Why phones changed the way we travel"
    body = "Twenty years ago we carried paper maps and phrase books. Today a phone finds the train, the hotel and the words, and the next ten years will change more."
    replies = [
        ("wow", None, "Oh wow, you mentioning paper maps brought back our first trip to Rome!"),
        ("yeah", None, "Great read. Oh yeah, and good luck with the move!"),
    ]
    out = stance_of(*thread_frames(replies, title, body))
    assert out["stance"].to_list() == ["comment", "comment"]


def test_safe_and_alive_deny_only_a_report_of_harm():
    harm = "Gunman takes hostages in a cafe downtown, police say"
    calm = "Why the new terminal is not enough for our airport"
    reply = "The hostages are safe, they walked out an hour ago."

    def denies(claim: str) -> bool:
        return any(c.stance == "deny" for c in claim_cues(reply, content_words(claim), content_words(claim), claim))

    assert denies(harm)
    assert not denies(calm)
    wish = "Enjoy the new gates. My brother flew out on Monday and his bags are safe too, a first."
    assert not any(c.stance == "deny" for c in claim_cues(wish, content_words(calm), content_words(calm), calm))


def test_falsity_said_of_the_speaker_or_negated_is_no_denial_but_said_of_the_addressee_is():
    from replyscope.analyze.stance.sense import about_speaker  # noqa: PLC0415

    text = "I'm still alive, thanks for asking."
    start = text.index("still alive")
    assert about_speaker(text, start, start + len("still alive"))
    text = "You're lying and you know it."
    start = text.index("lying")
    assert not about_speaker(text, start, start + len("lying"))
    for text, word in (("It isn't a lie, I was there.", "lie"), ("You're not entirely wrong about the cafe.", "wrong"),
                       ("The president is lying about the cafe.", "lying")):
        start = text.index(word)
        assert judging(text, start, start + len(word)) == text.startswith("The president"), text


def test_a_report_called_expected_or_a_flag_described_is_no_denial():
    for text, word in (("This is not a surprise, they warned about it for weeks.", "is not a"),
                       ("They raised the wrong flag and swapped it for the right one.", "wrong")):
        start = text.index(word)
        assert not judging(text, start, start + len(word)), text
    for text, word in (("This is a false flag, staged from the start.", "false"), ("It is not a terrorist attack.", "is not a")):
        start = text.index(word)
        assert judging(text, start, start + len(word)), text


def test_a_falsity_word_in_scare_quotes_is_mentioned_not_said():
    claim = "Police say a gunman has taken hostages in a cafe downtown"
    for text, word in (("They keep calling the video 'fake' but never say why.", "fake"),
                       ("Another ‘hoax’, according to the usual accounts.", "hoax")):
        at = text.index(word)
        assert not judging(text, at, at + len(word), claim), text
    # an apostrophe around the word is no quotation
    text = "It's fake, the cafe's been shut for a week."
    at = text.index("fake")
    assert judging(text, at, at + 4, claim)
