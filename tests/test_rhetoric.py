"""Rhetoric tags: each tag fires on a comment that makes the move and not on a near miss, every
tag carries evidence whose offsets point at the cue, and the seed page's comments get their tags."""

from __future__ import annotations

import random

import polars as pl
import pytest
from conftest import DATA

from replyscope.analyze.rhetoric import MAX_EVIDENCE_PER_TAG, cues_in, rhetoric_of, rhetoric_of_text
from replyscope.analyze.rhetoric.cues import FAMILIES, families_of_cue
from replyscope.analyze.rhetoric.lexicon import lexicon_regex, lowercase_literals
from replyscope.schema import EVIDENCE, RHETORIC_TAGS


def tags_of(text: str) -> list[str]:
    return rhetoric_of_text(text)[0]


# (tag, comment that makes the move, near miss that must not fire the tag). Written for these tests.
CASES: list[tuple[str, str, str]] = [
    ("sarcasm",
     "Oh sure, because cutting the fire department budget worked out so well last time.",
     "Cutting the budget worked well for the city, and the fire department agreed."),
    ("sarcasm",
     "The mayor's cousin got the contract. What a surprise.",
     "The mayor's cousin got the contract, which surprised the council."),
    ("rhetorical_question",
     "Why on earth would anyone trust a company that hid the test results?",
     "Which company ran the tests, and when were the results published?"),
    ("rhetorical_question",
     "Isn't it obvious that the stadium was never going to pay for itself?",
     "It is obvious the stadium was never going to pay for itself."),
    ("loaded_language",
     "This is a shameful, disgusting betrayal of every family in the valley.",
     "This is a disappointing decision for every family in the valley."),
    ("loaded_language",
     "Of course the leftists and their cronies are cheering.",
     "Of course the councillors and their staff are cheering."),
    ("conspiracy",
     "Follow the money. The whole outbreak story is a cover-up run by the deep state.",
     "Follow the recipe. The whole cake story is a mix-up run by the bakery."),
    ("appeal_to_precedent",
     "Remember what happened the last time they promised a quick war?",
     "I can't remember the name of the restaurant we went to last week."),
    ("told_you_so",
     "I told you so. Some of us saw this coming five years ago.",
     "I told you about the meeting. Some of us came five minutes late."),
    ("whataboutism",
     "What about the senator who did the exact same thing in 2019?",
     "The senator did the same thing in 2019, according to the records."),
    ("call_to_action",
     "Call your representatives today and sign the petition before Friday.",
     "My representative called me today about the bridge repairs."),
    ("emphasis",
     "They NEVER read the report!!!",
     "They never read the NATO report."),
    ("hedging",
     "I think the numbers are probably wrong, but I could be wrong.",
     "The numbers are wrong."),
    ("evidence_link",
     "The full data is at https://example.org/budget-2024 if anyone wants to check.",
     "The full data is somewhere online if anyone wants to check."),
    ("evidence_link",
     "According to the county's own audit, spending doubled.",
     "Spending doubled, and the county should be ashamed."),
    ("personal_anecdote",
     "My father worked at that mill for thirty years, and when I was a kid the river was brown.",
     "The mill employed thousands of workers for thirty years."),
    ("praise_thanks",
     "Great article, thank you for digging into the contracts.",
     "Thanks to the new contracts, the article says, costs fell."),
    ("profanity_insult",
     "What a bunch of idiots. This plan is complete bullshit.",
     "What a bunch of flowers. This plan is complete."),
    ("us_vs_them",
     "These people will never understand hard-working taxpayers like us.",
     "The people at the meeting asked about taxes for small businesses."),
]


@pytest.mark.parametrize("tag,positive,near_miss", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_tag_fires_on_the_move_and_not_on_the_near_miss(tag: str, positive: str, near_miss: str) -> None:
    assert tag in tags_of(positive), (tag, rhetoric_of_text(positive))
    assert tag not in tags_of(near_miss), (tag, rhetoric_of_text(near_miss))


def test_every_schema_tag_has_a_case_and_a_cue_family() -> None:
    assert {c[0] for c in CASES} == set(RHETORIC_TAGS)
    assert {f.tag for f in FAMILIES} == set(RHETORIC_TAGS)


def test_acronyms_and_roman_numerals_are_not_shouting() -> None:
    assert "emphasis" not in tags_of("The FBI and the CIA briefed NATO after WWII and Henry VIII.")
    assert "emphasis" in tags_of("The FBI did NOTHING about it.")


def test_lets_see_is_not_a_call_to_action() -> None:
    assert "call_to_action" not in tags_of("Let's see, the budget went up and the service went down.")
    assert "call_to_action" in tags_of("Let's vote them out in November.")


# ---- seed page ---------------------------------------------------------------------------------

SEED_EXPECTATIONS: list[tuple[str, set[str]]] = [
    ("I wonder why Iran has these completely unreasonable suspicions?", {"sarcasm", "rhetorical_question"}),
    ("It’s the Illuminati.", {"conspiracy"}),
    ("Because it worked so well with Osama bin Laden.", {"sarcasm", "appeal_to_precedent"}),
    ("WE could have told you that YEARS ago…wait…we WERE telling you that years ago.", {"told_you_so", "emphasis"}),
    ("Verification, of what many of us already knew, (or at least, suspected), all along….", {"told_you_so"}),
]


def _seed_page() -> str:
    (path,) = sorted(DATA.glob("001_*.txt"))
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("line,expected", SEED_EXPECTATIONS, ids=[e[0][:25] for e in SEED_EXPECTATIONS])
def test_seed_comments_get_their_tags(line: str, expected: set[str]) -> None:
    page = _seed_page()
    (comment,) = [row.strip() for row in page.splitlines() if line in row]
    assert expected <= set(tags_of(comment)), rhetoric_of_text(comment)


def test_seed_damn_comment_is_insult_or_loaded() -> None:
    assert "Damn these arrogant powers." in _seed_page()
    assert {"profanity_insult", "loaded_language"} & set(tags_of("Damn these arrogant powers."))


# ---- evidence is checkable ------------------------------------------------------------------------

ALL_TEXTS = [c[1] for c in CASES] + [c[2] for c in CASES] + [e[0] for e in SEED_EXPECTATIONS]

# Building blocks for random comments: cue words of every family, glued with noise.
_PIECES = [
    "worked so well with", "what a surprise", "Why would", "?", "!!!", "WE", "YEARS", "NATO", "idiots", "damn",
    "the deep state", "false flag", "told you so", "already knew", "what about", "call your senator", "maybe",
    "https://example.com/x", "according to", "my wife", "thank you", "these people", "our country", "so-called",
    "corrupt", "radical leftists", "“experts”", "sooooo", "*really*", "Isn't it", "I wonder why", " ", ", ", ". ",
    "\n", "é", "’", "…", "the", "and", "council", "😀",
]


_NOISE = list("abcdeéüßøçñİıſΩЖσ²—–’'\"“”-_.,;:!?() \n") + ["😀"]


def random_comments(n: int, seed: int) -> list[str]:
    """Deterministic junk-and-cue comments: cue words of every family glued with Unicode noise."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = [
            rng.choice(_PIECES) if rng.random() < 0.5 else "".join(rng.choice(_NOISE) for _ in range(rng.randint(0, 6)))
            for _ in range(rng.randint(0, 30))
        ]
        out.append(rng.choice([" ", "", "-", "é", "İ"]).join(parts))
    return out


def test_evidence_offsets_point_at_the_cue() -> None:
    for text in random_comments(2000, seed=1) + ALL_TEXTS:
        tags, evidence = rhetoric_of_text(text)
        assert tags == sorted({e["tag"] for e in evidence}), text
        assert set(tags) <= set(RHETORIC_TAGS), text
        for e in evidence:
            assert text[e["start"] : e["end"]] == e["cue"] != "", (text, e)


def test_every_output_tag_carries_evidence_in_the_frame() -> None:
    frame = pl.DataFrame({"comment_id": [f"c{i}" for i in range(len(ALL_TEXTS))], "text": ALL_TEXTS})
    out = rhetoric_of(frame)
    assert out.schema["evidence"] == pl.List(EVIDENCE)
    assert out.get_column("comment_id").to_list() == frame.get_column("comment_id").to_list()
    for text, tags, evidence in zip(ALL_TEXTS, out.get_column("tags").to_list(), out.get_column("evidence").to_list()):
        assert tags == sorted(set(tags))
        for tag in tags:
            assert any(e["tag"] == tag for e in evidence)
        for e in evidence:
            assert text[e["start"] : e["end"]] == e["cue"]


def test_batch_path_equals_per_text_path() -> None:
    # "İ" lower-cases to two code points: those texts take the IGNORECASE fallback path.
    texts = ALL_TEXTS + ["", "   ", "ÉCOLE CAFÉ naïve résumé — WERE they SERIOUS?!", "İstanbul: what a surprise, the deep state İS at it!"]
    frame = pl.DataFrame({"comment_id": [str(i) for i in range(len(texts))], "text": texts})
    out = rhetoric_of(frame)
    for text, tags, evidence in zip(texts, out.get_column("tags").to_list(), out.get_column("evidence").to_list()):
        assert (tags, evidence) == rhetoric_of_text(text)


def test_polars_prefilter_never_hides_a_cue() -> None:
    """The Polars prefilter must accept every row where the exact Python pass finds a cue."""
    texts = random_comments(3000, seed=2)
    frame = pl.DataFrame({"comment_id": [str(i) for i in range(len(texts))], "text": texts})
    out = rhetoric_of(frame)
    for text, tags, evidence in zip(texts, out.get_column("tags").to_list(), out.get_column("evidence").to_list()):
        assert (tags, evidence) == rhetoric_of_text(text), text


def test_lowercase_literals_keeps_escapes() -> None:
    assert lowercase_literals(r"\bI\B\W[A-Z]Oh") == r"\bi\B\W[a-z]oh"


def test_null_and_empty_inputs() -> None:
    assert rhetoric_of(pl.DataFrame({"comment_id": [], "text": []}, schema={"comment_id": pl.String, "text": pl.String})).height == 0
    out = rhetoric_of(pl.DataFrame({"comment_id": ["a", "b"], "text": [None, ""]}, schema={"comment_id": pl.String, "text": pl.String}))
    assert out.get_column("tags").to_list() == [[], []]


def test_evidence_is_capped_per_tag() -> None:
    text = " ".join(["idiot"] * (MAX_EVIDENCE_PER_TAG + 5))
    _, evidence = rhetoric_of_text(text)
    assert sum(e["tag"] == "profanity_insult" for e in evidence) == MAX_EVIDENCE_PER_TAG


def test_families_of_cue_recovers_the_family() -> None:
    cues = cues_in("Those radical leftists are shameful.")
    by_cue = {c[1]: c[4] for c in cues}
    assert by_cue["leftists"] == "name_calling_label"
    assert "name_calling_label" in families_of_cue("loaded_language", "leftists")
    assert "loaded_emotive" in families_of_cue("loaded_language", "shameful")
    assert "name_calling_label" not in families_of_cue("loaded_language", "shameful")


def test_lexicon_regex_matches_whole_words_with_its_small_syntax() -> None:
    rx = lexicon_regex(["slaughter*", "fear-monger", "don't care", "lie"])
    assert [m.group() for m in rx.finditer("Slaughtered, fearmonger, fear monger, don’t  care, lies, lie.")] == [
        "Slaughtered", "fearmonger", "fear monger", "don’t  care", "lie",
    ]
    assert not rx.search("manslaughter and belief")


# ---- labels in context (rhetoric_context and the label families) -----------------------------------

def loaded_cues(text: str) -> list[tuple[str, str]]:
    """(cue words, family) of the loaded_language and profanity_insult cues in `text`."""
    return [(c[1], c[4]) for c in cues_in(text) if c[0] in ("loaded_language", "profanity_insult")]


# (rule, text where the word labels someone, text where the same word does not). Written for these tests.
LABEL_CONTEXT_CASES: list[tuple[str, str, str]] = [
    ("denied", "You're crazy if you think this passes.", "I'm not crazy, I just read the budget."),
    ("denied", "He is a racist and everyone on this street knows it.", "He was never a racist, whatever the flyer says."),
    ("mentioned", "These fascists want to ban books.", "People throw the word 'fascist' around too easily."),
    ("non_prefix", "That judge is a partisan hack.", "The watchdog is a non-partisan group."),
    ("classifier", "The communists on the council want your savings.", "The Communist Party held its congress in Beijing."),
    ("classifier", "Those Nazis at the rally should be ashamed.", "My grandfather fled Nazi Germany in 1938."),
    ("spatial", "The left wants to raise taxes again.", "Take the left lane after the bridge."),
    ("topic", "That story is fake news.", "The library runs a workshop on fake news for seniors."),
    ("person_label", "He called them infidels.", "She forgave his infidelity years ago."),
    ("person_label", "Every would-be despot loves an emergency.", "Totalitarianism is a theory, not a weather report."),
    ("technical", "He is a corrupt little man.", "The update left a corrupt file on my laptop."),
    ("technical", "Only a criminal gang would run a council like this.", "She hired a criminal defense lawyer last week."),
    ("technical", "His contempt for voters is obvious.", "She was held in contempt of court on Monday."),
    ("technical", "These radicals want to burn the town down.", "Free radicals damage the cells of the skin."),
    ("technical", "Our paranoid mayor sees plots everywhere.", "She was treated for paranoid personality disorder."),
]


@pytest.mark.parametrize("rule,labelling,not_labelling", LABEL_CONTEXT_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(LABEL_CONTEXT_CASES)])
def test_label_words_fire_only_where_they_label(rule: str, labelling: str, not_labelling: str) -> None:
    assert "loaded_language" in tags_of(labelling), (rule, rhetoric_of_text(labelling))
    assert loaded_cues(not_labelling) == [], (rule, loaded_cues(not_labelling))


def test_stacked_labels_are_not_denied() -> None:
    # "not just a liar" piles a label on; only a plain "not" in front denies one.
    assert ("liar", "name_calling_label") in loaded_cues("He is not just a liar, he is a crook.")
    assert loaded_cues("He is not a liar.") == []


def test_calling_someone_a_name_is_a_predicated_label() -> None:
    assert ("called him a fraud", "copula_label") in loaded_cues("They called him a fraud at the meeting.")
    assert "copula_label" in families_of_cue("loaded_language", "called him a fraud")
    # phrasal "call for", "call on" pin no name on anyone
    assert loaded_cues("She called for a recount.") == []
    assert loaded_cues("The council called on the mayor to resign.") == []


def test_wildcards_do_not_stretch_a_person_label_into_an_idea_or_an_act() -> None:
    assert "name_calling_label" in families_of_cue("loaded_language", "villains")
    for word in ("villainized", "totalitarianism", "dictatorship", "infidelity"):
        assert "name_calling_label" not in families_of_cue("loaded_language", word), word
    # the verb is still loaded language, just not a label
    assert ("villainized", "loaded_emotive") in loaded_cues("The media villainized him for weeks.")


def test_epithet_needs_a_name_not_an_adjective_of_nationality() -> None:
    assert ("Crooked Hillary", "epithet_before_name") in loaded_cues("Crooked Hillary lost again.")
    assert not [c for c in loaded_cues("The radical Egyptian cleric spoke first.") if c[1] == "epithet_before_name"]
    # first names that end like such adjectives are still names
    assert ("Crooked Eric", "epithet_before_name") in loaded_cues("Crooked Eric lied again.")
    assert ("Sleazy Julian", "epithet_before_name") in loaded_cues("Sleazy Julian strikes again.")


def test_contemptuous_collective_of_people() -> None:
    assert ("bunch of bureaucrats", "labelled_group") in loaded_cues("A bunch of bureaucrats wrote this rule.")
    assert loaded_cues("I bought a bunch of bananas at the market.") == []


def test_context_checks_keep_offsets_exact_near_text_edges() -> None:
    for text in ("not a racist", "racist", "non-partisan", "Nazi Germany", "the left lane", "on fake news", "racist!"):
        for tag, cue, start, end, _ in cues_in(text):
            assert text[start:end] == cue, (text, cue)


def test_added_comment_section_labels_and_contempt_words() -> None:
    labels = loaded_cues("The tinpot dictator and his fanboys can keep their welfare queen stories.")
    assert {("tinpot dictator", "name_calling_label"), ("fanboys", "name_calling_label"), ("welfare queen", "name_calling_label")} <= set(labels)
    assert ("botched", "loaded_emotive") in loaded_cues("Another botched, shoddy rollout from city hall.")
    assert loaded_cues("The rollout was delayed by a week while staff tested it.") == []
