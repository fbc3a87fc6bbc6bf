"""The fitted stance reader: fit on a few labels, save, load, apply; chosen by name.

Labels written for this test (no external data)."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from replyscope.analyze.stance import read_stance, stance_of
from replyscope.analyze.stance import fitted

TARGET = "The council will close the public library on Elm Street next month to save money"
SUPPORT = [
    "Good, that building costs a fortune to heat.",
    "Finally, the budget needed this cut.",
    "Sensible decision, nobody uses it anymore.",
    "About time they saved some money there.",
    "Right call, the town cannot afford it.",
    "Closing it is the responsible thing to do.",
    "The council is right, the books are all online now anyway.",
    "Smart move, the running costs were out of control.",
    "Glad to see someone finally watching the town's spending.",
    "Makes sense, the money is better spent on the schools.",
    "Fair enough, it was empty every time I walked past.",
    "A hard choice but the right one for taxpayers.",
    "Good riddance, the roof has leaked for years and repairs would cost millions.",
    "I back the council on this one, tough times need tough choices.",
    "Honestly overdue, the mobile library van covers the area just fine.",
    "Support it, keeping a half empty building open makes no sense.",
    "This saves the town real money, well done to the council.",
    "Less waste of our council tax, I am all for it.",
    "The numbers speak for themselves, closing it is the only option.",
    "Agree with the closure, the e-reader service is cheaper and better.",
]
DENY = [
    "Closing the library is a disgrace, keep it open.",
    "This is wrong, kids need that library.",
    "Shameful decision, reverse it now.",
    "No way, the library is the heart of the street.",
    "They must not close it, sign the petition.",
    "Terrible idea, the library is full every day.",
    "Hands off our library, the council should be ashamed.",
    "Where will the children do their homework now? Keep it open.",
    "Outrageous, the library serves the whole neighbourhood.",
    "We will fight this closure, the library stays.",
    "Cutting the library to save pennies is a scandal.",
    "Save the Elm Street library, it matters to all of us.",
    "Shut the library? Over my dead body, it is a lifeline for pensioners.",
    "The council has lost the plot, this closure must be stopped.",
    "Absolutely not, find the savings somewhere else and leave the library alone.",
    "Disgusted by this, the library is where I learned to read.",
    "Closing it would be a huge mistake, the whole town will regret it.",
    "Protest on Saturday outside the town hall, keep Elm Street library open!",
    "No to the closure, libraries are not a luxury.",
    "Vote them out if they go ahead with this shameful plan.",
]
COMMENT = [
    "My grandmother worked there in the seventies.",
    "Parking on Elm Street is always a nightmare.",
    "Does anyone know a good bakery near there?",
    "It rained all weekend here.",
    "The bus to Elm Street is late again.",
    "Nice photo of the old building.",
    "Who won the football on Saturday?",
    "The new cafe on the corner does great coffee.",
    "Anyone lost a black cat near the park?",
    "My car failed its inspection this morning.",
    "The fireworks last night scared my dog.",
    "Happy birthday to my brother, forty today!",
    "Does anyone have a spare ticket for the concert on Friday?",
    "The roadworks on the high street start again on Monday.",
    "Lovely sunset over the river this evening.",
    "Has the pharmacy on Main Road changed its opening hours?",
    "My daughter just passed her driving test, so proud.",
    "Which bin goes out this week, blue or green?",
    "The new pizza place by the station is really good.",
    "Is the swimming pool open on bank holidays?",
]
# Replies the reader never saw, one kind per stance, to check it learned more than its labels.
UNSEEN = {
    "support": ["Sensible, the building was a money pit and the town is broke.",
                "The right decision, we cannot keep paying for an empty building."],
    "deny": ["Disgraceful, keep our library open for the children.",
             "Reverse this shameful closure, the library is vital."],
    "comment": ["The weather was lovely at the beach today.",
                "Does anyone know a good plumber in town?"],
}


def _labels() -> pl.DataFrame:
    texts = SUPPORT + DENY + COMMENT
    stances = ["support"] * len(SUPPORT) + ["deny"] * len(DENY) + ["comment"] * len(COMMENT)
    return pl.DataFrame({"target": [TARGET] * len(texts), "text": texts, "stance": stances})


@pytest.fixture(scope="module")
def reader() -> dict:
    return fitted.fit(_labels())


def test_fit_learns_the_labels_it_was_given(reader):
    frame = _labels()
    comments, articles = fitted.frames(frame)
    zero_shot = stance_of(comments, articles)
    # The cues read most of these replies as "comment" (no cue word takes a side on the report);
    # the labels beat that reading in cross-validation, so the fitted reader has a say.
    assert reader["zero_shot_share"] < fitted.ZERO_SHOT
    out = fitted.apply(reader, comments, articles, zero_shot)
    accuracy = float(np.mean(out["stance"].to_numpy() == frame["stance"].to_numpy()))
    assert accuracy >= 0.55  # well above the 1/3 of chance, with the embedding held back by EMBED_WEIGHT
    assert accuracy > float(np.mean(zero_shot["stance"].to_numpy() == frame["stance"].to_numpy())) + 0.1
    scores = out.select("score_support", "score_deny", "score_query", "score_comment").to_numpy()
    np.testing.assert_allclose(scores.sum(1), 1.0, atol=1e-9)
    np.testing.assert_allclose(out["stance_confidence"].to_numpy(), scores.max(1), atol=1e-9)
    # and on replies it was not fitted on
    unseen = pl.DataFrame({"target": TARGET, "text": [t for ts in UNSEEN.values() for t in ts],
                           "stance": [s for s, ts in UNSEEN.items() for _ in ts]})
    comments, articles = fitted.frames(unseen)
    read = fitted.apply(reader, comments, articles, stance_of(comments, articles))
    assert float(np.mean(read["stance"].to_numpy() == unseen["stance"].to_numpy())) >= 4 / 6


def test_labels_that_do_not_beat_the_zero_shot_reading_leave_it_alone():
    # Three labels a class: too few for cross-validation to show a mix is better, so the
    # zero-shot reading stands, its decisions and evidence untouched.
    frame = _labels().group_by("stance", maintain_order=True).head(3)
    reader = fitted.fit(frame)
    assert reader["zero_shot_share"] == fitted.ZERO_SHOT
    comments = pl.DataFrame({"comment_id": ["a", "b"], "doc_id": ["d", "d"],
                             "text": ["Is this confirmed? Source?", "Lovely weather for the fair."]})
    articles = pl.DataFrame({"doc_id": ["d"], "title": [TARGET], "body": [TARGET]})
    zero_shot = stance_of(comments, articles)
    assert fitted.apply(reader, comments, articles, zero_shot).equals(zero_shot)


def test_save_load_and_read_by_name(reader, tmp_path):
    path = tmp_path / "model.joblib"
    fitted.save(reader, path)
    comments = pl.DataFrame({"comment_id": ["a", "b"], "doc_id": ["d", "d"],
                             "text": ["Keep the library open, closing it is shameful.", "Lovely weather for the fair."]})
    articles = pl.DataFrame({"doc_id": ["d"], "title": [TARGET], "body": [TARGET]})
    out = read_stance(comments, articles, f"fitted:{path}")
    zero = stance_of(comments, articles)
    again = fitted.apply(fitted.load(path), comments, articles, zero)
    assert out.equals(again)
    assert out.equals(fitted.apply(reader, comments, articles, zero))  # the file holds the reader
    # read by name, the fitted reader's scores are the ones given (not the zero-shot reading's)
    assert not np.allclose(out["score_deny"].to_numpy(), zero["score_deny"].to_numpy())
    # evidence is kept only where the fitted stance agrees with the zero-shot reading
    for row, z in zip(out.iter_rows(named=True), zero.iter_rows(named=True)):
        if row["stance"] != z["stance"]:
            assert row["stance_evidence"] == []


def test_unknown_reader_and_single_class_labels_are_refused(tmp_path):
    comments = pl.DataFrame({"comment_id": ["a"], "doc_id": ["d"], "text": ["hello"]})
    articles = pl.DataFrame({"doc_id": ["d"], "title": ["t"], "body": ["t"]})
    with pytest.raises(ValueError, match="unknown stance reader"):
        read_stance(comments, articles, "crystal-ball")
    with pytest.raises(ValueError, match="single stance"):
        fitted.fit(pl.DataFrame({"target": [TARGET] * 3, "text": SUPPORT[:3], "stance": ["support"] * 3}))
    # rows without a stance are context, not a second class
    with pytest.raises(ValueError, match="single stance"):
        fitted.fit(pl.DataFrame({"target": [TARGET] * 4, "text": SUPPORT[:3] + DENY[:1], "stance": ["support"] * 3 + [None]}))
    bad = tmp_path / "not-a-model.joblib"
    import joblib

    joblib.dump({"something": "else"}, bad)
    with pytest.raises(ValueError, match="not a replyscope fitted stance reader"):
        fitted.load(bad)


def test_a_model_from_an_earlier_feature_layout_is_refused_with_a_refit_hint(reader, tmp_path):
    # Version 2 models read the full MiniLM and flat replies: their coefficients mean nothing
    # over today's features, so loading one must say so instead of scoring garbage.
    import joblib

    old = tmp_path / "old.joblib"
    joblib.dump({**reader, "version": fitted.FEATURE_VERSION - 1}, old)
    with pytest.raises(ValueError, match="earlier replyscope.*stance fit"):
        fitted.load(old)


def test_a_model_fitted_on_other_embeddings_is_refused(reader, tmp_path):
    comments, articles = fitted.frames(_labels())
    other = {**reader, "encoder": "some-other-encoder"}
    with pytest.raises(ValueError, match="fit it again"):
        fitted.apply(other, comments, articles, stance_of(comments, articles))


# A thread under a report: the first reply doubts it, the replies under that one agree with
# the doubter. Labelled toward the report (as RumourEval labels nested replies) they deny it.
REPORT = "Police confirm the bridge on Route 9 collapsed this morning, two cars fell into the river"
THREAD = [
    ("r1", None, 0, "This is fake, the bridge is fine, I drove over it an hour ago.", "deny"),
    ("r2", "r1", 1, "Exactly, you are right.", "deny"),
    ("r3", "r1", 1, "Agreed, same here.", None),
    ("r4", None, 0, "Is this confirmed? Any source?", "query"),
    ("r5", None, 0, "Terrible news, thoughts with the families.", "comment"),
    ("r6", None, 0, "Confirmed by the county sheriff on the radio just now.", "support"),
]


def test_thread_columns_place_replies_under_their_parents():
    frame = pl.DataFrame(
        {"target": [REPORT] * len(THREAD), "text": [t[3] for t in THREAD], "stance": [t[4] for t in THREAD],
         "comment_id": [t[0] for t in THREAD], "parent_id": [t[1] for t in THREAD], "depth": [t[2] for t in THREAD]},
        schema_overrides={"parent_id": pl.String, "stance": pl.String},
    )
    comments, _ = fitted.frames(frame)
    assert comments["parent_id"].to_list() == [None, "r1", "r1", None, None, None]
    assert comments["depth"].to_list() == [0, 1, 1, 0, 0, 0]
    # the zero-shot reading inside fit sees the thread: "Exactly, you are right." under a denial
    # leans to denying the report, where read alone it agrees with it
    threaded = fitted.reading(frame)[1]
    flat = fitted.reading(frame.drop("comment_id", "parent_id", "depth"))[1]
    assert flat["stance"][1] == "support"
    assert threaded["stance"][1] != "support" and threaded["score_deny"][1] > threaded["score_support"][1]
    # a parent_id that names no row (the report itself, a reply left out) is no known parent
    orphan = frame.with_columns(pl.Series("parent_id", ["post", "gone", "r1", None, None, None]))
    assert fitted.frames(orphan)[0]["parent_id"].to_list() == [None, None, "r1", None, None, None]
    # rows without a stance are read as context and not fitted on
    model = fitted.fit(frame)
    assert model["n"] == 5 and set(model["classes"]) == {"support", "deny", "query", "comment"}
    with pytest.raises(ValueError, match="comment_id"):
        fitted.frames(frame.with_columns(pl.lit("same").alias("comment_id")))


def test_a_file_that_counts_the_source_post_as_depth_0_reads_its_direct_replies_as_direct():
    # RumourEval writes threads so: the source post is depth 0, its direct replies depth 1 with
    # the source's id (the thread id) as parent. Read as written, every reply would be "nested".
    written = pl.DataFrame(
        {"target": [REPORT] * len(THREAD), "text": [t[3] for t in THREAD], "stance": [t[4] for t in THREAD],
         "thread_id": ["post"] * len(THREAD), "comment_id": [t[0] for t in THREAD],
         "parent_id": [t[1] or "post" for t in THREAD], "depth": [t[2] + 1 for t in THREAD]},
        schema_overrides={"stance": pl.String},
    )
    comments, _ = fitted.frames(written)
    assert comments["parent_id"].to_list() == [None, "r1", "r1", None, None, None]
    assert comments["depth"].to_list() == [0, 1, 1, 0, 0, 0]
    # without a thread id, depths count from the target's shallowest reply
    comments, _ = fitted.frames(written.drop("thread_id"))
    assert comments["depth"].to_list() == [0, 1, 1, 0, 0, 0]
    zero_based = written.drop("thread_id").with_columns(pl.Series("depth", [t[2] for t in THREAD]),
                                                       pl.Series("parent_id", [t[1] for t in THREAD], dtype=pl.String))
    assert fitted.reading(written)[1]["stance"].to_list() == fitted.reading(zero_based)[1]["stance"].to_list()


def test_cli_fits_and_the_learning_curve_prints(tmp_path):
    from typer.testing import CliRunner

    from replyscope.cli import app

    labels = tmp_path / "labels.csv"
    _labels().write_csv(labels)
    model = tmp_path / "m.joblib"
    result = CliRunner().invoke(app, ["stance", "fit", str(labels), "--out", str(model)])
    assert result.exit_code == 0, result.output
    assert model.is_file()
    # it says what the labels bought, measured on them by cross-validation
    assert "cross-validated on your labels: macro-F1" in " ".join(result.output.split())
    few = tmp_path / "few.csv"
    _labels().group_by("stance", maintain_order=True).head(3).write_csv(few)
    result = CliRunner().invoke(app, ["stance", "fit", str(few), "--out", str(tmp_path / "few.joblib")])
    assert result.exit_code == 0 and "keeps the zero-shot reading" in " ".join(result.output.split())
    result = CliRunner().invoke(app, ["eval", "stance", str(labels), "--fit-on", str(labels), "--json"])
    assert result.exit_code == 0, result.output
    import json

    curve = json.loads(result.output.strip().splitlines()[-1])["curve"]
    assert curve[0]["reader"] == "zero-shot" and curve[-1]["labels"] == len(SUPPORT + DENY + COMMENT)


def test_cli_fit_reads_thread_columns_and_unlabelled_context(tmp_path):
    from typer.testing import CliRunner

    from replyscope.cli import app

    labels = tmp_path / "thread.csv"
    rows = THREAD + [(f"x{i}", None, 0, text, stance) for i, (text, stance) in
                     enumerate(zip(SUPPORT[:3] + DENY[:3], ["support"] * 3 + ["deny"] * 3))]
    pl.DataFrame(
        {"target": [REPORT] * len(rows), "text": [r[3] for r in rows], "stance": [r[4] or "" for r in rows],
         "comment_id": [r[0] for r in rows], "parent_id": [r[1] or "" for r in rows], "depth": [r[2] for r in rows]},
    ).write_csv(labels)
    model = tmp_path / "m.joblib"
    result = CliRunner().invoke(app, ["stance", "fit", str(labels), "--out", str(model)])
    assert result.exit_code == 0, result.output
    assert "fitted on 11 labels" in result.output  # the unlabelled reply is context only
    result = CliRunner().invoke(app, ["eval", "stance", str(labels), "--fit-on", str(labels), "--json"])
    assert result.exit_code != 0  # the scored set itself must be labelled throughout


# Six threads, each under its own local story, whose replies chat about the story's topic and
# take no side on it. The labels give every reply of a thread one stance (as an annotator who
# labels by thread, or a thread whose topic happens to go with one stance, would): a fitted part
# learns "this topic -> this stance", which reads replies of the same threads well and new
# threads no better than chance.
TOPIC_THREADS = [
    ("support", "The county will paint a new bike lane along Harbour Road this spring", [
        "Harbour Road gets busy around school time.", "I cycle along Harbour Road most mornings.",
        "What colour will the bike lane paint be?", "The harbour looks nice in the spring.",
        "My neighbour sells second hand bikes on Harbour Road.", "Is Harbour Road the one past the ferry?",
        "Spring always brings the cyclists out.", "There used to be a fish shop on Harbour Road."]),
    ("support", "The school board is changing the lunch menu at Oakfield Primary from September", [
        "My son starts at Oakfield Primary in September.", "The Oakfield lunch hall was rebuilt last year.",
        "What time does lunch start at Oakfield?", "September comes round so fast.",
        "Oakfield Primary has a lovely garden.", "Our family always packs sandwiches on Fridays.",
        "The dinner ladies at Oakfield are so kind.", "Is the school uniform shop open in August?"]),
    ("deny", "A summer concert series is planned for Riverside Park on Saturday evenings", [
        "Riverside Park has a bandstand near the pond.", "Saturday evenings are when we walk the dog there.",
        "Which bands play at Riverside Park?", "The park cafe shuts at six on Saturdays.",
        "I proposed to my wife in Riverside Park.", "Does the concert have seats or bring a blanket?",
        "The ducks in Riverside Park are very tame.", "Summer evenings by the river are the best."]),
    ("deny", "The number 12 bus timetable changes next week with fewer evening services", [
        "I take the number 12 to work every day.", "The number 12 stops right outside the hospital.",
        "Where can I find the printed bus timetable?", "Evening buses are always full of students.",
        "The driver on the number 12 waved at my kids.", "Does the number 12 still go past the market?",
        "My grandad drove the number 12 for twenty years.", "Next week is half term as well."]),
    ("comment", "Borrowing fees at the town library will rise by ten pence in January", [
        "The town library has a great children's corner.", "January always feels like the longest month.",
        "How many books can you borrow at once?", "I still have a library card from 1998.",
        "The librarian recommended a brilliant crime novel.", "Does the library open on Sundays?",
        "Ten pence does not buy much these days.", "The library building has a lovely old clock."]),
    ("comment", "The Saturday farmers market is moving from Church Square to the old station yard", [
        "Church Square has the best cheese stall.", "The old station yard used to be a car park.",
        "What time does the farmers market open?", "I buy my eggs at the farmers market every week.",
        "The honey stall at the market is wonderful.", "Is there parking near the old station yard?",
        "Church Square looks lovely at Christmas.", "The bakery van sells out by ten."]),
]


def _topic_threads() -> pl.DataFrame:
    rows = [(story, f"t{i}", f"t{i}-{j}", text, stance)
            for i, (stance, story, replies) in enumerate(TOPIC_THREADS) for j, text in enumerate(replies)]
    return pl.DataFrame({"target": [r[0] for r in rows], "text": [r[3] for r in rows], "stance": [r[4] for r in rows],
                         "thread_id": [r[1] for r in rows], "comment_id": [r[2] for r in rows],
                         "parent_id": [r[1] for r in rows], "depth": [1] * len(rows)})


def test_labels_that_only_follow_their_threads_leave_the_zero_shot_reading_in_place():
    # Cross-validated with each thread's replies split over the folds, the topic looks like a
    # stance cue and a mix of the fitted part would replace the zero-shot reading; held out by
    # thread, as new threads will be, it reads nothing, so the zero-shot reading stays.
    frame = _topic_threads()
    reader = fitted.fit(frame)
    assert reader["zero_shot_share"] == fitted.ZERO_SHOT
    assert fitted.groups_of(frame) == frame["thread_id"].to_list()
    # without thread columns the targets group the replies the same way
    assert fitted.fit(frame.drop("thread_id", "comment_id", "parent_id", "depth"))["zero_shot_share"] == fitted.ZERO_SHOT
    comments = pl.DataFrame({"comment_id": ["a", "b"], "doc_id": ["d", "d"],
                             "text": ["Riverside Park gets busy at the weekend.", "Is the number 12 bus on time today?"]})
    articles = pl.DataFrame({"doc_id": ["d"], "title": [TOPIC_THREADS[2][1]], "body": [TOPIC_THREADS[2][1]]})
    zero_shot = stance_of(comments, articles)
    assert fitted.apply(reader, comments, articles, zero_shot).equals(zero_shot)

