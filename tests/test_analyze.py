"""analyze_comments end to end: schemas, tiny inputs, determinism, exemplars, labels."""

from __future__ import annotations

import polars as pl
import pytest

from replyscope.analyze import AnalysisTables, AnalyzeSettings, analyze_comments
from replyscope.schema import ARTICLES, CLUSTER_SUMMARY, CLUSTERS, COMMENTS, FEATURES, STANCES

TOLL_ARTICLE = ("toll", "Bridge toll to double next spring", "The city council voted to double the toll on the harbour bridge to pay for repairs.")
VACCINE_ARTICLE = ("vax", "Health agency says new vaccine is safe", "A review of trial data found no serious side effects from the new vaccine.")

TOLL_COMMENTS = [
    "Good. The bridge is falling apart and someone has to pay for it.",
    "Fully agree with the council here, repairs are long overdue.",
    "Thank you for explaining where the money goes, this makes sense.",
    "Doubling the toll is daylight robbery. They wasted the last increase too.",
    "This is a lie, the repair money will end up in some consultant's pocket!!!",
    "Oh sure, because the last 'temporary' toll worked out so well.",
    "Why should commuters pay for twenty years of council neglect?",
    "How much of this goes to actual repairs? Does anyone know?",
    "Is there a discount for residents or do we all pay the full amount?",
    "I cross that bridge every morning on my bike.",
    "The old ferry used to run from the same pier, my dad worked on it.",
    "WAKE UP people, they will keep raising it until we say no. Call your councillor!",
]
VACCINE_COMMENTS = [
    "Great news, I got mine last week and felt fine.",
    "Thanks to the scientists who worked on this, real heroes.",
    "Safe? They said the same thing about the last one. Show me the long term data.",
    "Funny how the review was paid for by the manufacturer. Follow the money.",
    "What about people with allergies, were they in the trials?",
    "Where can I read the actual review?",
    "My pharmacy has had a queue out the door all week.",
]


def make_comments(groups: list[tuple[str, list[str]]]) -> pl.DataFrame:
    rows = []
    for doc_id, texts in groups:
        for pos, text in enumerate(texts):
            rows.append((f"{doc_id}-{pos:04d}", doc_id, pos, None, 0, f"reader{pos}", "", None, text, 0, len(text)))
    return pl.DataFrame(rows, schema=COMMENTS, orient="row")


def make_articles(*articles: tuple[str, str, str], counts: dict[str, int] | None = None) -> pl.DataFrame:
    counts = counts or {}
    return pl.DataFrame(
        [(d, title, body, counts.get(d, 0)) for d, title, body in articles], schema=ARTICLES, orient="row"
    )


@pytest.fixture(scope="module")
def corpus() -> tuple[pl.DataFrame, pl.DataFrame]:
    comments = make_comments([("toll", TOLL_COMMENTS), ("vax", VACCINE_COMMENTS)])
    return comments, make_articles(TOLL_ARTICLE, VACCINE_ARTICLE)


@pytest.fixture(scope="module")
def tables(corpus) -> AnalysisTables:
    return analyze_comments(*corpus, AnalyzeSettings(seed=0))


def _conforms(frame: pl.DataFrame, schema: pl.Schema) -> bool:
    return all(frame.schema[name] == dtype for name, dtype in schema.items())


def test_tables_conform_to_their_schemas(tables, corpus):
    comments, _ = corpus
    assert _conforms(tables.features, FEATURES)
    assert _conforms(tables.clusters, CLUSTERS)
    assert _conforms(tables.cluster_summary, CLUSTER_SUMMARY)
    assert tables.features["comment_id"].to_list() == comments["comment_id"].to_list()
    assert tables.clusters["comment_id"].to_list() == comments["comment_id"].to_list()
    assert tables.features["stance"].is_in(list(STANCES)).all()


def test_every_comment_in_a_cluster_and_sizes_add_up(tables, corpus):
    comments, _ = corpus
    assert tables.clusters["cluster"].min() >= 0
    assert tables.cluster_summary["size"].sum() == comments.height
    counted = tables.clusters.group_by("cluster").len().sort("cluster")
    assert counted["len"].to_list() == tables.cluster_summary.sort("cluster")["size"].to_list()
    assert tables.cluster_summary.height >= 2


def test_exemplars_are_members_of_their_own_cluster(tables):
    members = tables.clusters.select("comment_id", "cluster")
    for row in tables.cluster_summary.iter_rows(named=True):
        ids = row["exemplar_ids"]
        assert 1 <= len(ids) <= 5
        assert len(ids) >= min(3, row["size"])
        own = members.filter(pl.col("cluster") == row["cluster"])["comment_id"].to_list()
        assert set(ids) <= set(own)
    flagged = set(tables.clusters.filter("exemplar")["comment_id"].to_list())
    listed = {i for ids in tables.cluster_summary["exemplar_ids"].to_list() for i in ids}
    assert flagged == listed


def test_labels_and_keywords_say_something(tables):
    for row in tables.cluster_summary.iter_rows(named=True):
        assert row["label"].strip()
        head = row["label"].split(" · ")[0]
        # a side held unsurely is said so: "stance unsure (leans deny)"
        head = head.removeprefix("stance unsure (leans ").removesuffix(")")
        assert head.split("/")[0] in STANCES
        assert all(w == w.lower() and w not in {"the", "and", "is"} for w in row["keywords"])
        shares = sum(row[f"share_{s}"] for s in STANCES)
        assert shares == pytest.approx(1.0)


def test_per_article_view_columns(tables):
    assert tables.clusters["doc_id"].to_list()[:1] == ["toll"]
    assert set(tables.cluster_summary["n_articles"].to_list()) <= {1, 2}


def test_same_seed_gives_identical_frames(corpus, tables):
    again = analyze_comments(*corpus, AnalyzeSettings(seed=0))
    for name in AnalysisTables._fields:
        assert getattr(tables, name).equals(getattr(again, name)), name


@pytest.mark.parametrize("n", [0, 1, 2, 6])
def test_tiny_inputs_work(n):
    comments = make_comments([("toll", TOLL_COMMENTS[:n])])
    result = analyze_comments(comments, make_articles(TOLL_ARTICLE, counts={"toll": n}))
    assert result.features.height == n and result.clusters.height == n
    assert result.cluster_summary["size"].sum() == n
    assert _conforms(result.clusters, CLUSTERS) and _conforms(result.cluster_summary, CLUSTER_SUMMARY)
    if n:
        assert result.clusters["x"].is_finite().all()
        assert result.cluster_summary["label"].str.len_chars().min() > 0


def test_one_comment_articles_beside_a_busy_one():
    comments = make_comments([("toll", TOLL_COMMENTS), ("vax", VACCINE_COMMENTS[:1])])
    result = analyze_comments(comments, make_articles(TOLL_ARTICLE, VACCINE_ARTICLE))
    assert result.clusters.filter(pl.col("doc_id") == "vax").height == 1


def test_empty_and_null_texts_do_not_break_it():
    comments = make_comments([("toll", ["", "   ", "Fine by me.", "No way!!", "Why?"])])
    comments = comments.with_columns(pl.when(pl.col("position") == 1).then(None).otherwise(pl.col("text")).alias("text"))
    result = analyze_comments(comments, make_articles(TOLL_ARTICLE))
    assert result.clusters.height == 5


def test_settings_fix_the_number_of_clusters(corpus):
    result = analyze_comments(*corpus, AnalyzeSettings(n_clusters=3, layout=False))
    assert result.cluster_summary.height == 3
    assert (result.clusters["x"] == 0).all()


@pytest.mark.shared
def test_clusters_follow_gold_stance_on_a_labelled_target():
    """On real replies to one target, the groups line up with people's stance labels."""
    from sklearn.metrics import normalized_mutual_info_score

    from conftest import shared_path

    frame = (
        pl.read_csv(shared_path("labeled", "semeval2016-stance.csv"), infer_schema=False)
        .filter(pl.col("target") == "Climate Change is a Real Concern")
        .head(400)
    )
    texts = frame["text"].to_list()
    comments = make_comments([("t", texts)])
    articles = make_articles(("t", "Climate Change is a Real Concern", "Climate Change is a Real Concern"))
    result = analyze_comments(comments, articles, AnalyzeSettings(layout=False))
    gold = frame["stance"].to_list()
    labels = result.clusters["cluster"].to_list()
    joined = pl.DataFrame({"gold": gold, "cluster": labels})
    purity = joined.group_by("cluster", "gold").len().group_by("cluster").agg(pl.col("len").max())["len"].sum() / len(gold)
    majority = joined["gold"].value_counts()["count"].max() / len(gold)
    assert normalized_mutual_info_score(gold, labels) >= 0.12
    assert purity >= majority + 0.05
