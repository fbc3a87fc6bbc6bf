"""Cluster descriptions: c-TF-IDF keywords, labels a person can read, summary rows."""

from __future__ import annotations

import numpy as np
import polars as pl

from replyscope.analyze.cluster.describe import class_tfidf_keywords, cluster_label, summarise_clusters
from replyscope.schema import CLUSTER_SUMMARY

TOLL = [
    "The toll on the bridge doubled and the council calls it maintenance.",
    "Another bridge toll hike. Who signed off on this?",
    "I drive the bridge twice a day, the toll is robbery.",
]
SCHOOL = [
    "The school board closed the library and blamed the budget.",
    "Teachers at my kid's school buy their own paper.",
    "School funding keeps shrinking while the board gives itself raises.",
]


def test_ctfidf_finds_each_groups_own_words_without_stop_words():
    labels = np.array([0, 0, 0, 1, 1, 1])
    keywords = class_tfidf_keywords(TOLL + SCHOOL, labels, 2)
    assert keywords[0][0] in {"toll", "bridge"}
    assert keywords[1][0] in {"school", "board"}
    every = {w for ws in keywords for w in ws}
    assert not every & {"the", "and", "on", "who", "is"}
    assert not set(keywords[0][:2]) & set(keywords[1][:2])


def test_ctfidf_survives_stop_word_only_and_empty_text():
    assert class_tfidf_keywords(["the and of", ""], np.array([0, 1]), 2) == [[], []]
    assert class_tfidf_keywords([], np.array([], dtype=int), 0) == []


def test_label_names_dominant_stance_tags_and_keywords():
    shares = {"support": 0.1, "deny": 0.8, "query": 0.1, "comment": 0.0}
    label = cluster_label(shares, [("sarcasm", 0.5), ("rhetorical_question", 0.3), ("emphasis", 0.1)], ["evidence", "proof", "study", "x"])
    assert label == "deny · sarcasm + rhetorical question · 'evidence', 'proof', 'study'"


def test_label_skips_a_rare_tag_and_still_names_two_common_ones():
    shares = {"support": 0.1, "deny": 0.8, "query": 0.05, "comment": 0.05}
    tags = [("sarcasm", 0.1), ("hedging", 0.5), ("emphasis", 0.3)]  # most over-represented first
    assert cluster_label(shares, tags, []) == "deny · hedging + emphasis"


def test_label_for_a_mixed_cluster_names_two_stances_and_skips_rare_tags():
    shares = {"support": 0.4, "deny": 0.35, "query": 0.05, "comment": 0.2}
    assert cluster_label(shares, [("emphasis", 0.1)], []) == "support/deny"


def _frame() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "comment_id": [f"a-{i:04d}" for i in range(7)],
            "doc_id": ["a", "a", "b", "a", "b", "b", "a"],
            "cluster": [0, 0, 0, 0, 1, 1, 1],
            "centre_distance": [0.5, 0.1, 0.3, 0.9, 0.2, 0.1, 0.3],
            "stance": ["deny", "deny", "deny", "query", "support", "support", "comment"],
            "tags": [["sarcasm"], ["sarcasm", "emphasis"], [], ["rhetorical_question"], ["praise_thanks"], ["praise_thanks"], []],
        },
        schema_overrides={"cluster": pl.Int32, "centre_distance": pl.Float32},
    )


def test_summary_rows_conform_and_add_up():
    summary = summarise_clusters(_frame(), [["toll", "bridge"], ["thanks"]])
    assert summary.schema.names()[: len(CLUSTER_SUMMARY)] == CLUSTER_SUMMARY.names()
    assert summary["size"].to_list() == [4, 3]
    row = summary.row(0, named=True)
    assert row["share_deny"] == 0.75 and row["share_query"] == 0.25
    assert row["top_rhetoric"][0] == "sarcasm"
    assert row["exemplar_ids"] == ["a-0001", "a-0002", "a-0000", "a-0003"]  # nearest the centre first
    assert row["n_articles"] == 2
    assert summary.row(1, named=True)["label"] == "support · praise thanks · 'thanks'"
    total = summary.select(sum(pl.col(f"share_{s}") for s in ("support", "deny", "query", "comment")))
    assert np.allclose(total.to_series().to_numpy(), 1.0)


def test_exemplars_pass_over_near_empty_comments():
    """The comment nearest a big cluster's centre is often a word or two ("Thanks!"): the card's
    examples are the nearest ones with words enough to show what the group argues, then the rest."""
    frame = _frame().with_columns(n_words=pl.Series([40, 2, 12, 25, 9, 1, 30], dtype=pl.Int32))
    summary = summarise_clusters(frame, [["toll", "bridge"], ["thanks"]])
    assert summary.row(0, named=True)["exemplar_ids"] == ["a-0002", "a-0000", "a-0003", "a-0001"]
    assert summary.row(1, named=True)["exemplar_ids"] == ["a-0004", "a-0006", "a-0005"]


def test_summary_of_nothing_is_an_empty_conformed_frame():
    empty = _frame().head(0)
    summary = summarise_clusters(empty, [])
    assert summary.height == 0
    assert summary.schema.names()[: len(CLUSTER_SUMMARY)] == CLUSTER_SUMMARY.names()


def test_ctfidf_drops_words_every_comment_uses_and_contractions():
    texts = [f"{t} #citydesk I'm sure it's true" for t in (TOLL + SCHOOL) * 4]
    labels = np.array(([0] * 3 + [1] * 3) * 4)
    keywords = class_tfidf_keywords(texts, labels, 2)
    every = {w for ws in keywords for w in ws}
    assert "citydesk" not in every
    assert not every & {"i'm", "it's"}
    assert keywords[0] and keywords[1]


def _tagged(clusters: list[int], tags: list[list[str]]) -> pl.DataFrame:
    n = len(clusters)
    return pl.DataFrame(
        {
            "comment_id": [f"c-{i:04d}" for i in range(n)],
            "doc_id": ["a"] * n,
            "cluster": clusters,
            "centre_distance": [0.1] * n,
            "stance": ["deny"] * n,
            "tags": tags,
        },
        schema_overrides={"cluster": pl.Int32, "centre_distance": pl.Float32},
    )


def test_label_names_what_sets_a_cluster_apart_not_what_every_cluster_does():
    # Loaded language is in most comments of both groups; only group 0 is sarcastic.
    frame = _tagged(
        [0, 0, 0, 0, 1, 1, 1, 1],
        [["loaded_language", "sarcasm"], ["loaded_language", "sarcasm"], ["loaded_language"], ["sarcasm"],
         ["loaded_language"], ["loaded_language"], ["loaded_language", "hedging"], []],
    )
    summary = summarise_clusters(frame, [["toll"], ["bridge"]])
    first, second = summary.row(0, named=True), summary.row(1, named=True)
    assert first["label"] == "deny · sarcasm · 'toll'"
    # loaded language is as common here (3/4) as overall (6/8): not named; hedging is only here
    assert second["label"] == "deny · hedging · 'bridge'"
    assert first["top_rhetoric"][0] in ("loaded_language", "sarcasm")  # the plain counts stay in the summary


def test_a_single_cluster_is_labelled_by_its_commonest_tags():
    frame = _tagged([0, 0, 0], [["hedging"], ["hedging", "emphasis"], ["emphasis"]])
    assert summarise_clusters(frame, [["rates"]])["label"].to_list() == ["deny · emphasis + hedging · 'rates'"]


def test_keywords_are_what_a_group_has_more_of_than_the_corpus():
    # "people" is everywhere at the same rate: it describes no group, however frequent.
    a = ["People say the toll is robbery", "People hate the bridge toll", "The toll again, people"]
    b = ["People say the library closed", "People miss the school library", "Library hours cut, people"]
    keywords = class_tfidf_keywords(a + b, np.array([0, 0, 0, 1, 1, 1]), 2)
    assert keywords[0][0] == "toll" and keywords[1][0] == "library"
    assert "people" not in keywords[0][:2] + keywords[1][:2]


def test_stop_words_of_the_corpus_language_are_removed():
    es = ["Que la gente no sabe nada de la ley", "La ley es una vergüenza que nadie lee",
          "Que vergüenza la ley", "El puente y la ley de peajes que suben"]
    keywords = class_tfidf_keywords(es, np.array([0, 0, 1, 1]), 2)
    every = {w for ws in keywords for w in ws}
    assert not every & {"que", "la", "de", "el", "es", "no"}
    # ...and an English thread keeps English content words other languages call stop words
    en = ["The war on drugs failed", "This war was lost", "Bike lanes now", "Bike lanes save lives"]
    assert "war" in class_tfidf_keywords(en, np.array([0, 0, 1, 1]), 2)[0]


def test_a_side_held_unsurely_is_labelled_unsure():
    shares = {"support": 0.1, "deny": 0.8, "query": 0.0, "comment": 0.1}
    assert cluster_label(shares, [], [], {"deny": 0.35, "support": 0.3}).startswith("stance unsure (leans deny)")
    assert cluster_label(shares, [], [], {"deny": 0.8}).startswith("deny")


def test_keywords_are_words_not_the_links_or_handles_a_thread_quotes():
    # A tweet thread: each group quotes other accounts and a shortened link; its keywords must
    # still say what it argues.
    hoax = [f"@newsdesk{i} @reporter_{i} this is a hoax, the photo is fake http://t.co/Ab{i}Xy" for i in range(4)]
    grief = [f"@mourner{i} so sad for the families of the victims https://bit.ly/q{i}" for i in range(4)]
    keywords = class_tfidf_keywords(hoax + grief, np.array([0] * 4 + [1] * 4), 2)
    every = {w for ws in keywords for w in ws}
    assert {"hoax", "fake"} <= set(keywords[0]) and {"sad", "families"} <= set(keywords[1])
    assert not {w for w in every if w.startswith(("newsdesk", "reporter", "mourner", "http", "ab"))} | (every & {"co", "ly", "bit"})


SPANISH_COMMENTS = [
    "Estoy de acuerdo con el autor, la ciudad necesita más parques para los niños.",
    "No creo que el alcalde tenga razón en esto, los vecinos no fueron consultados.",
    "Qué vergüenza lo que pasa con el transporte en nuestra ciudad, cada día peor.",
    "Por fin alguien dice la verdad sobre los parques y las plazas del centro.",
    "Mi familia vive en el barrio desde hace años y nunca vimos tantos cambios.",
    "Los precios de los alquileres suben y el gobierno no hace nada por nosotros.",
    "Gracias por el artículo, muy claro y con datos que no conocía sobre el tema.",
    "Es una lástima que las obras del puente se retrasen otra vez por el presupuesto.",
    "El problema es que nadie pregunta a los vecinos antes de tomar las decisiones.",
    "Ojalá que el nuevo plan de parques llegue también a los barrios de la periferia.",
    "La verdad es que el centro está cada vez más caro para las familias jóvenes.",
    "Yo trabajo en el hospital y el transporte nocturno es un desastre para nosotros.",
]


def test_a_second_language_a_group_writes_in_loses_its_function_words():
    """Twelve Spanish comments among 400 English ones: far under the corpus share that makes a
    language's stop words count, but a group's worth of comments written in it."""
    subjects = ["bridge", "toll", "council", "repairs", "budget", "traffic", "ferry", "commute"]
    english = [
        f"The {subjects[i % 8]} plan looks {['sensible', 'costly', 'rushed', 'overdue'][i % 4]} to me, "
        f"and the {subjects[(i + 3) % 8]} vote next week will decide comment {i}."
        for i in range(400)
    ]
    texts = english + SPANISH_COMMENTS
    labels = np.array([0] * len(english) + [1] * len(SPANISH_COMMENTS))
    spanish_words = class_tfidf_keywords(texts, labels, 2)[1]
    assert spanish_words, "the Spanish group still has words of its own"
    assert not {"el", "los", "por", "las", "en", "es"} & set(spanish_words)
    assert {"parques", "vecinos", "ciudad", "barrio", "transporte"} & set(spanish_words)
