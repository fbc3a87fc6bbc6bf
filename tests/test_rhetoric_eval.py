"""The rhetoric evaluator: mapping is declared over schema tags, scoring is right on a tiny file
written here, --json ends with exactly one JSON object, and the dev corpus meets the quality bars."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from conftest import shared_path

from replyscope.analyze.rhetoric.cues import FAMILY_BY_NAME
from replyscope.evaluate import rhetoric_eval
from replyscope.evaluate.rhetoric_eval import REFERENCE_MAP, TECHNIQUE_MAP, run, score
from replyscope.schema import RHETORIC_TAGS


def test_mapping_names_only_schema_tags_and_known_families() -> None:
    for rules in list(TECHNIQUE_MAP.values()) + list(REFERENCE_MAP.values()):
        for rule in rules:
            assert rule.tag in RHETORIC_TAGS
            for fam in rule.families or ():
                assert FAMILY_BY_NAME[fam].tag == rule.tag
    assert not set(TECHNIQUE_MAP) & set(REFERENCE_MAP)


def _tiny(tmp_path: Path) -> Path:
    rows = [
        ("Those corrupt leftists and their shameful lies!", 1, 1, 0),
        ("The council met on Tuesday to discuss parking.", 0, 0, 0),
        ("What a disgusting, vile decision.", 1, 0, 0),
        ("What about the governor who did the same thing last year?", 0, 0, 1),
        ("Rain is expected on Friday.", 1, 0, 0),  # a gold label we cannot find: one false negative
    ]
    frame = pl.DataFrame(rows, schema=["body", "Loaded_Language", "Name_Calling-Labeling", "Whataboutism"], orient="row")
    path = tmp_path / "tiny.csv"
    frame.write_csv(path)
    return path


def test_scores_a_tiny_file_with_a_non_text_column_name(tmp_path: Path) -> None:
    result = score(pl.read_csv(_tiny(tmp_path)))
    assert set(result["per_technique"]) == {"Loaded_Language", "Name_Calling-Labeling", "Whataboutism"}
    ll = result["per_technique"]["Loaded_Language"]
    assert (ll["p"], ll["r"]) == (1.0, pytest.approx(2 / 3, abs=1e-3))
    assert result["per_technique"]["Whataboutism"]["f1"] == 1.0
    assert 0.0 < result["micro_f1"] <= 1.0


def test_json_out_ends_with_one_json_object(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(_tiny(tmp_path), json_out=True, limit=4)
    last = capsys.readouterr().out.strip().splitlines()[-1]
    payload = json.loads(last)
    assert set(payload) == {"micro_f1", "per_technique"}
    assert set(payload["per_technique"]["Loaded_Language"]) == {"p", "r", "f1"}


def test_text_column_is_found_by_length() -> None:
    frame = pl.DataFrame({"id": ["a", "b"], "paragraph": ["a long paragraph of words", "another long one here"]})
    assert rhetoric_eval._text_column(frame) == "paragraph"


@pytest.mark.shared
def test_dev_persuasion_corpus_meets_the_bars() -> None:
    result = score(pl.read_csv(shared_path("labeled", "semeval2023-persuasion.csv"), infer_schema_length=10_000))
    per = result["per_technique"]
    assert result["micro_f1"] >= 0.40, result
    assert per["Loaded_Language"]["f1"] >= 0.45, per
    assert per["Name_Calling-Labeling"]["f1"] >= 0.45, per
