"""stance_of: replies' stance toward their article, on comments written for these tests."""

from __future__ import annotations

import re

import numpy as np
import polars as pl
import pytest
from conftest import DATA

from replyscope.analyze.stance import StanceSettings, article_context, stance_of, subject_terms
from replyscope.schema import STANCES

# An article and replies written for this test (no external data).
BIKE_TITLE = "City council approves new protected bike lanes on Main Street"
BIKE_BODY = (
    "The city council voted 7-2 on Tuesday to build protected bike lanes along Main Street. "
    "Supporters said the lanes will make cycling safer for commuters and children. "
    "Shop owners worried about losing parking spaces during construction. "
    "Work is due to start in the spring and finish by the end of next year."
)
BIKE_REPLIES = {
    "agree": "Exactly, about time the council did this. Protected bike lanes make the street safer for everyone.",
    "disagree": "This is fake news, the council never voted for bike lanes on Main Street. Total nonsense.",
    "question": "Is this true? Does anyone have a source for the council vote on the bike lanes?",
    "chatter": "My cat knocked a cup of coffee onto my keyboard this morning lol",
}

# A strongly accusing article, and a sarcastic reply that mocks the doubters (so supports it).
ACCUSE_TITLE = "Auditors accuse the mining company of dumping toxic waste in the river"
ACCUSE_BODY = (
    "State auditors accused the mining company of secretly dumping toxic waste into the river for years, "
    "poisoning wells and killing fish across three counties. Residents reported sick children and dead livestock. "
    "The company denied wrongdoing and called the report an attack."
)
ACCUSE_REPLIES = {
    "sarcastic_support": "The river turned orange the week the mine opened. "
    "I wonder why people have these completely unreasonable suspicions?",
    "plain_support": "We all knew it. Everyone living downstream has been saying this for years.",
    "deny": "No evidence at all, this report is propaganda and lies. The mine is clean.",
    "chatter": "Anyone watching the football tonight?",
}


def _frames(title: str, body: str, replies: dict[str, str], doc_id: str = "doc") -> tuple[pl.DataFrame, pl.DataFrame]:
    comments = pl.DataFrame(
        {
            "comment_id": [f"{doc_id}-{name}" for name in replies],
            "doc_id": [doc_id] * len(replies),
            "text": list(replies.values()),
        }
    )
    articles = pl.DataFrame({"doc_id": [doc_id], "title": [title], "body": [body]})
    return comments, articles


def _by_name(out: pl.DataFrame, doc_id: str = "doc") -> dict[str, dict]:
    return {row["comment_id"].removeprefix(f"{doc_id}-"): row for row in out.iter_rows(named=True)}


@pytest.fixture(scope="module")
def bike() -> dict[str, dict]:
    return _by_name(stance_of(*_frames(BIKE_TITLE, BIKE_BODY, BIKE_REPLIES)))


@pytest.fixture(scope="module")
def accuse() -> dict[str, dict]:
    return _by_name(stance_of(*_frames(ACCUSE_TITLE, ACCUSE_BODY, ACCUSE_REPLIES)))


def test_output_shape_and_scores_sum_to_one(bike):
    comments, articles = _frames(BIKE_TITLE, BIKE_BODY, BIKE_REPLIES)
    out = stance_of(comments, articles)
    assert out.columns[:6] == ["comment_id", "stance", "score_support", "score_deny", "score_query", "score_comment"]
    assert out["comment_id"].to_list() == comments["comment_id"].to_list()
    scores = out.select("score_support", "score_deny", "score_query", "score_comment").to_numpy()
    np.testing.assert_allclose(scores.sum(1), 1.0, atol=1e-9)
    assert (scores >= 0).all()
    assert set(out["stance"]) <= set(STANCES)
    # a reply labelled with a side has that side ahead of the other
    for row in out.iter_rows(named=True):
        if row["stance"] == "support":
            assert row["score_support"] > row["score_deny"]
        if row["stance"] == "deny":
            assert row["score_deny"] > row["score_support"]


def test_agreement_is_support(bike):
    assert bike["agree"]["stance"] == "support"
    assert bike["agree"]["score_support"] > bike["agree"]["score_deny"]


def test_disagreement_is_deny(bike):
    assert bike["disagree"]["stance"] == "deny"


def test_question_at_the_claim_is_query(bike):
    assert bike["question"]["stance"] == "query"


def test_off_topic_chatter_is_comment(bike):
    assert bike["chatter"]["stance"] == "comment"
    assert bike["chatter"]["score_comment"] > bike["agree"]["score_comment"]


def test_sarcastic_question_supports_an_accusing_article(accuse):
    # Surface: "unreasonable suspicions" doubts the claim; sarcasm flips it to agreement.
    assert accuse["sarcastic_support"]["stance"] == "support"
    assert accuse["plain_support"]["stance"] == "support"
    assert accuse["deny"]["stance"] == "deny"


def test_sarcasm_is_what_flips_it():
    # The same doubt said straight is a denial.
    replies = {"straight": "These are completely unreasonable suspicions about the mine."}
    out = _by_name(stance_of(*_frames(ACCUSE_TITLE, ACCUSE_BODY, replies)))
    assert out["straight"]["stance"] == "deny"


def test_deterministic_and_independent_of_row_order():
    comments, articles = _frames(BIKE_TITLE, BIKE_BODY, BIKE_REPLIES)
    first = stance_of(comments, articles)
    again = stance_of(comments.reverse(), articles).sort("comment_id")
    first = first.sort("comment_id")
    assert first["stance"].to_list() == again["stance"].to_list()
    # float sums in another order may differ in the last bits, nothing more
    np.testing.assert_allclose(first.select("^score_.*$").to_numpy(), again.select("^score_.*$").to_numpy(), atol=1e-9)
    assert stance_of(comments, articles).equals(stance_of(comments, articles))


def test_two_articles_keep_their_own_context():
    c1, a1 = _frames(BIKE_TITLE, BIKE_BODY, BIKE_REPLIES, doc_id="bike")
    c2, a2 = _frames(ACCUSE_TITLE, ACCUSE_BODY, ACCUSE_REPLIES, doc_id="mine")
    both = stance_of(pl.concat([c1, c2]), pl.concat([a1, a2]))
    alone = pl.concat([stance_of(c1, a1), stance_of(c2, a2)])
    assert both["stance"].to_list() == alone["stance"].to_list()


def test_empty_and_missing_article():
    empty = stance_of(pl.DataFrame(schema={"comment_id": pl.String, "doc_id": pl.String, "text": pl.String}),
                      pl.DataFrame(schema={"doc_id": pl.String, "title": pl.String, "body": pl.String}))
    assert empty.height == 0 and "score_support" in empty.columns
    comments, _ = _frames(BIKE_TITLE, BIKE_BODY, {"a": "Great news!", "b": ""})
    out = stance_of(comments, pl.DataFrame(schema={"doc_id": pl.String, "title": pl.String, "body": pl.String}))
    assert out.height == 2
    np.testing.assert_allclose(out.select(pl.sum_horizontal(pl.col("^score_.*$"))).to_series().to_numpy(), 1.0)


def test_subject_terms_and_tone():
    assert subject_terms("Feminists rally for the new climate policies") == ["femin", "rall", "climat", "polic"]
    settings = StanceSettings()
    assert article_context("d", ACCUSE_TITLE, ACCUSE_BODY, settings).orientation == -1.0
    assert article_context("d", "Bike lanes", "Bike lanes", settings).orientation == 1.0


def _seed_comments() -> tuple[pl.DataFrame, pl.DataFrame]:
    """The Disqus-style seed page: body, then `  • Name` / text blocks."""
    raw = (DATA / "001_a81aa458b1322a79.txt").read_text(encoding="utf-8")
    body, _, rest = raw.partition("  • ")
    blocks = [b for b in re.split(r"\n\s*•\s*", "  • " + rest) if b.strip()]
    texts = [b.strip().lstrip("•").strip().partition("\n")[2].strip() for b in blocks]
    comments = pl.DataFrame(
        {"comment_id": [f"seed-{i}" for i in range(len(texts))], "doc_id": ["seed"] * len(texts), "text": texts}
    )
    articles = pl.DataFrame(
        {"doc_id": ["seed"], "title": ["Iranian officials accuse US of supporting Islamic State"], "body": [body]}
    )
    return comments, articles


def test_seed_comments_support_the_article():
    comments, articles = _seed_comments()
    out = stance_of(comments, articles).with_columns(comments["text"])
    stance = {t[:40]: s for t, s in out.select("text", "stance").iter_rows()}

    def of(prefix: str) -> str:
        return next(s for t, s in stance.items() if t.startswith(prefix))

    assert of("Verification, of what many") == "support"
    assert of("Let’s see, ISIS is financed") == "support"  # sarcastic rhetorical question
    assert of("Because it worked so well") == "support"  # sarcasm, appeal to precedent


# ---- transduction within one thread: camps and the weight of the thread's own reading ---------

# A target (a short proposition with no report under it): stance toward it is for or against,
# read from what replies say about it, which is where the thread's own reading (self-training)
# applies. A report's replies are read on claim cues instead (test_stance_claim.py).
SOLAR_TITLE = "A solar farm on the old airfield"
SOLAR_BODY = SOLAR_TITLE
# Two camps that argue with their own vocabulary; half the members of each say their side
# outright about the subject (so the thread's polarity views can corroborate each other), the
# other half only use their camp's vocabulary.
_FOR_BITS = ("clean energy from the sun", "cheaper bills for families", "panels on every spare acre",
             "cutting our carbon footprint", "free sunshine powering the school")
_AGAINST_BITS = ("an eyesore for the whole valley", "house prices in the village will drop",
                 "glare over the meadow and the footpaths", "industrial fencing where the hares run",
                 "concrete bases ruining good grazing land")


def _solar_thread() -> tuple[dict[str, str], list[str], list[str]]:
    replies: dict[str, str] = {}
    quiet_for, quiet_against = [], []
    for i, (a, b) in enumerate((x, y) for x in _FOR_BITS for y in _FOR_BITS if x != y):
        name = f"for{i:02d}"
        explicit = i % 2 == 0
        replies[name] = (f"The solar farm is great, well done. {a.capitalize()} and {b}." if explicit
                         else f"{a.capitalize()}, {b}.")
        if not explicit:
            quiet_for.append(name)
    for i, (a, b) in enumerate((x, y) for x in _AGAINST_BITS for y in _AGAINST_BITS if x != y):
        name = f"against{i:02d}"
        explicit = i % 2 == 0
        replies[name] = (f"The solar farm is a terrible mistake, stop it. {a.capitalize()} and {b}." if explicit
                         else f"{a.capitalize()}, {b}.")
        if not explicit:
            quiet_against.append(name)
    return replies, quiet_for, quiet_against


def test_camps_with_their_own_vocabulary_get_opposite_sides():
    # Replies that state no side take the side of the explicit replies that talk like them.
    replies, quiet_for, quiet_against = _solar_thread()
    out = _by_name(stance_of(*_frames(SOLAR_TITLE, SOLAR_BODY, replies)))
    pol_for = np.mean([out[r]["polarity"] for r in quiet_for])
    pol_against = np.mean([out[r]["polarity"] for r in quiet_against])
    assert pol_for > pol_against
    # most of the quiet "for" camp reads as more supportive than the quiet "against" median
    cut = np.median([out[r]["polarity"] for r in quiet_against])
    assert np.mean([out[r]["polarity"] > cut for r in quiet_for]) >= 0.75
    # and it is the thread's self-training read-out that carries most of that separation
    alone = _by_name(stance_of(*_frames(SOLAR_TITLE, SOLAR_BODY, replies), settings=StanceSettings(w_self_train=0.0)))
    gap_alone = np.mean([alone[r]["polarity"] for r in quiet_for]) - np.mean([alone[r]["polarity"] for r in quiet_against])
    assert pol_for - pol_against > 2 * gap_alone


def test_uncorroborated_thread_is_not_self_trained():
    # Nobody names the subject: the views cannot corroborate the reading, so it is not spread.
    replies, _, _ = _solar_thread()
    comments, articles = _frames("Evening edition", "Evening edition", replies)
    with_st = stance_of(comments, articles, detail=True)
    without = stance_of(comments, articles, settings=StanceSettings(w_self_train=0.0))
    assert (with_st["agreement"] == 0.0).all()
    np.testing.assert_allclose(with_st["polarity"].to_numpy(), without["polarity"].to_numpy(), atol=1e-12)


def test_view_agreement():
    from replyscope.analyze.stance.reader import _view_agreement

    s = StanceSettings()
    rng = np.random.default_rng(0)
    proto = rng.normal(size=200)
    directed = np.where(np.arange(200) % 2 == 0, proto + 0.3 * rng.normal(size=200), 0.0)
    assert _view_agreement(directed, proto, s) == 1.0  # the views agree
    assert _view_agreement(-directed, proto, s) == 0.0  # they contradict each other
    assert _view_agreement(np.zeros(200), proto, s) == 0.0  # nothing directed: unknown
    few = np.zeros(200)
    few[:5] = proto[:5]
    assert _view_agreement(few, proto, s) == 0.0  # too few directed replies to judge


def test_view_agreement_gives_small_threads_the_benefit_of_the_doubt():
    from replyscope.analyze.stance.reader import _view_agreement

    s = StanceSettings()
    rng = np.random.default_rng(1)
    # unrelated views: a small thread cannot tell that apart from weak agreement, a big one can


    def unrelated(m: int) -> tuple[np.ndarray, np.ndarray]:
        a, b = rng.normal(size=(2, m))
        a, b = a - a.mean(), b - b.mean()
        return a, b - (a @ b) / (a @ a) * a  # correlation exactly 0

    assert _view_agreement(*unrelated(60), s) > 0.5
    assert _view_agreement(*unrelated(6000), s) < 0.3


def test_second_self_training_round_spreads_a_legible_thread():
    # Every reply names the subject, so directed sentiment and prototypes can be checked against
    # each other; where they agree, a second read-out round pushes the quiet camps further apart.
    replies, quiet_for, quiet_against = _solar_thread()
    replies = {k: "The solar farm: " + v[0].lower() + v[1:] for k, v in replies.items()}
    comments, articles = _frames(SOLAR_TITLE, SOLAR_BODY, replies)

    def gap(rounds: int) -> float:
        out = stance_of(comments, articles, settings=StanceSettings(self_train_rounds=rounds), detail=True)
        assert out["agreement"].min() > 0.5
        by = _by_name(out)
        return np.mean([by[r]["polarity"] for r in quiet_for]) - np.mean([by[r]["polarity"] for r in quiet_against])

    assert gap(2) > gap(1) > 0
