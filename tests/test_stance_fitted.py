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
]
DENY = [
    "Closing the library is a disgrace, keep it open.",
    "This is wrong, kids need that library.",
    "Shameful decision, reverse it now.",
    "No way, the library is the heart of the street.",
    "They must not close it, sign the petition.",
    "Terrible idea, the library is full every day.",
]
COMMENT = [
    "My grandmother worked there in the seventies.",
    "Parking on Elm Street is always a nightmare.",
    "Does anyone know a good bakery near there?",
    "It rained all weekend here.",
    "The bus to Elm Street is late again.",
    "Nice photo of the old building.",
]


def _labels() -> pl.DataFrame:
    texts = SUPPORT + DENY + COMMENT
    stances = ["support"] * len(SUPPORT) + ["deny"] * len(DENY) + ["comment"] * len(COMMENT)
    return pl.DataFrame({"target": [TARGET] * len(texts), "text": texts, "stance": stances})


@pytest.fixture(scope="module")
def reader() -> dict:
    frame = _labels()
    return fitted.fit(frame["target"].to_list(), frame["text"].to_list(), frame["stance"].to_list())


def test_fit_learns_the_labels_it_was_given(reader):
    frame = _labels()
    comments, articles = fitted._frames(frame["target"].to_list(), frame["text"].to_list())
    out = fitted.apply(reader, comments, articles, stance_of(comments, articles))
    accuracy = float(np.mean(out["stance"].to_numpy() == frame["stance"].to_numpy()))
    assert accuracy >= 0.6  # well above the 1/3 of chance, with the embedding held back by EMBED_WEIGHT
    scores = out.select("score_support", "score_deny", "score_query", "score_comment").to_numpy()
    np.testing.assert_allclose(scores.sum(1), 1.0, atol=1e-9)
    np.testing.assert_allclose(out["stance_confidence"].to_numpy(), scores.max(1), atol=1e-9)


def test_save_load_and_read_by_name(reader, tmp_path):
    path = tmp_path / "model.joblib"
    fitted.save(reader, path)
    comments = pl.DataFrame({"comment_id": ["a", "b"], "doc_id": ["d", "d"],
                             "text": ["Keep the library open, closing it is shameful.", "Lovely weather for the fair."]})
    articles = pl.DataFrame({"doc_id": ["d"], "title": [TARGET], "body": [TARGET]})
    out = read_stance(comments, articles, f"fitted:{path}")
    again = fitted.apply(fitted.load(path), comments, articles, stance_of(comments, articles))
    assert out["stance"].to_list() == again["stance"].to_list()
    assert out["stance"][0] == "deny"
    # evidence is kept only where the fitted stance agrees with the zero-shot reading
    zero = stance_of(comments, articles)
    for row, z in zip(out.iter_rows(named=True), zero.iter_rows(named=True)):
        if row["stance"] != z["stance"]:
            assert row["stance_evidence"] == []


def test_unknown_reader_and_single_class_labels_are_refused(tmp_path):
    comments = pl.DataFrame({"comment_id": ["a"], "doc_id": ["d"], "text": ["hello"]})
    articles = pl.DataFrame({"doc_id": ["d"], "title": ["t"], "body": ["t"]})
    with pytest.raises(ValueError, match="unknown stance reader"):
        read_stance(comments, articles, "crystal-ball")
    with pytest.raises(ValueError, match="single stance"):
        fitted.fit([TARGET] * 3, SUPPORT[:3], ["support"] * 3)
    bad = tmp_path / "not-a-model.joblib"
    import joblib

    joblib.dump({"something": "else"}, bad)
    with pytest.raises(ValueError, match="not a replyscope fitted stance reader"):
        fitted.load(bad)


def test_cli_fits_and_the_learning_curve_prints(tmp_path):
    from typer.testing import CliRunner

    from replyscope.cli import app

    labels = tmp_path / "labels.csv"
    _labels().write_csv(labels)
    model = tmp_path / "m.joblib"
    result = CliRunner().invoke(app, ["stance", "fit", str(labels), "--out", str(model)])
    assert result.exit_code == 0, result.output
    assert model.is_file()
    result = CliRunner().invoke(app, ["eval", "stance", str(labels), "--fit-on", str(labels), "--json"])
    assert result.exit_code == 0, result.output
    import json

    curve = json.loads(result.output.strip().splitlines()[-1])["curve"]
    assert curve[0]["reader"] == "zero-shot" and curve[-1]["labels"] == 18
