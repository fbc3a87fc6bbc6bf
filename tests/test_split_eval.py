"""The split scorer on gold rows written here, and the quality bars on the Dragnet dev split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import shared_path

from replyscope.evaluate import split_eval

PAGE = (
    "Harbour festival draws record crowds\n\n"
    "More than forty thousand people visited the harbour festival this weekend, the organisers said on "
    "Sunday evening, the highest number since the event began two decades ago.\n\n"
    "Food stalls ran out of stock by mid afternoon on Saturday and the ferry company added extra boats.\n\n"
    "Jo Martin says:\nAugust 8, 2021 at 6:00 pm\n\nI went with my kids and we loved the boat parade.\n\n"
    "Sven says:\nAugust 8, 2021 at 7:15 pm\n\nYou should have seen the queues for the ferry though!\n"
)
BODY = PAGE.split("Jo Martin")[0]
COMMENTS = "Jo Martin says:\nAugust 8, 2021 at 6:00 pm\n\nI went with my kids and we loved the boat parade.\n\nSven says:\nAugust 8, 2021 at 7:15 pm\n\nYou should have seen the queues for the ferry though!\n"


def test_tokens_are_lowercased_word_multisets() -> None:
    assert split_eval.tokens("The the THE cat.") == {"the": 3, "cat": 1}


def test_perfect_page_scores_one() -> None:
    result = split_eval.score_rows([{"id": "p", "text": PAGE, "gold_body": BODY, "gold_comments": COMMENTS}])
    assert result["comment_f1"] == 1.0
    assert result["body_f1"] == 1.0
    assert result["false_alarm"] == 0.0
    assert result["pages"] == 1


def test_false_alarm_counts_comment_tokens_on_pages_without_gold_comments() -> None:
    # the gold says this page has no comments: everything the splitter calls a comment is a false alarm
    result = split_eval.score_rows([{"id": "p", "text": PAGE, "gold_body": PAGE, "gold_comments": ""}])
    predicted = sum(split_eval.tokens(COMMENTS).values())
    total = sum(split_eval.tokens(PAGE).values())
    assert result["false_alarm"] == pytest.approx(predicted / total, abs=1e-4)
    assert result["comment_r"] == 0.0
    assert result["false_alarm_pages"] == result["false_alarm_pages_undisputed"] == 1


def test_micro_average_weights_pages_by_tokens() -> None:
    good = {"id": "a", "text": PAGE, "gold_body": BODY, "gold_comments": COMMENTS}
    # gold comments on a page the splitter cannot see any comment on: recall is lost on this page only
    missed = {"id": "b", "text": "Short note.\n", "gold_body": "", "gold_comments": "one two three four"}
    result = split_eval.score_rows([good, missed])
    gold_total = sum(split_eval.tokens(COMMENTS).values()) + 4
    assert result["comment_r"] == pytest.approx(sum(split_eval.tokens(COMMENTS).values()) / gold_total, abs=1e-4)
    assert result["comment_p"] == 1.0


def test_utf16_read_as_latin1_is_repaired() -> None:
    broken = "ÿþ" + "Hello world".encode("utf-16-le").decode("latin-1")
    assert split_eval.repair_utf16(broken) == "Hello world"
    assert split_eval.repair_utf16("plain text") == "plain text"


def test_run_prints_json_last(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "p", "text": PAGE, "gold_body": BODY, "gold_comments": COMMENTS}) + "\n")
    result = split_eval.run(gold, json_out=True)
    last = capsys.readouterr().out.strip().splitlines()[-1]
    parsed = json.loads(last)
    for key in ("comment_p", "comment_r", "comment_f1", "body_p", "body_r", "body_f1", "false_alarm", "pages", "pages_per_s", "mb_per_s"):
        assert key in parsed
    assert parsed["comment_f1"] == result["comment_f1"] == 1.0


# Quality bars on the real dev split (the held-out split is checked outside this repository).
# The Dragnet gold sometimes leaves a page's reader comments inside its body (e.g. a blog post with
# a thread of dozens of dated comments and empty gold_comments). Where the official number is held
# down by those pages alone, the bar is asserted on the `*_undisputed` diagnostic, and the number of
# such pages is capped so that the escape hatch cannot hide a splitter that sees threads everywhere.
BARS = {
    "dragnet-clean-dev.jsonl": {"comment_f1_undisputed": 0.90, "body_f1_undisputed": 0.92},
    "dragnet-raw-dev.jsonl": {"comment_f1": 0.80, "body_f1": 0.80},
}
# Floors just under what the splitter reaches today, so that a change that loses ground fails here
# even while it still clears the bars (raised as the splitter improves, never lowered).
FLOORS = {
    "dragnet-clean-dev.jsonl": {"comment_f1": 0.87, "body_f1": 0.90, "comment_f1_undisputed": 0.97, "body_f1_undisputed": 0.97},
    "dragnet-raw-dev.jsonl": {"comment_f1": 0.85, "body_f1": 0.84, "comment_f1_undisputed": 0.95, "body_f1_undisputed": 0.90},
}
MAX_FALSE_ALARM = 0.02
MAX_DISPUTED_PAGES = 30
# Comment-free pages (undisputed) on which some comment is still read, and the share of tokens.
MAX_ALARM_PAGES_UNDISPUTED = {"dragnet-clean-dev.jsonl": 6, "dragnet-raw-dev.jsonl": 20}
MAX_FALSE_ALARM_UNDISPUTED = {"dragnet-clean-dev.jsonl": 0.002, "dragnet-raw-dev.jsonl": 0.005}


@pytest.mark.parametrize("name", sorted(BARS))
def test_dev_split_quality(name: str) -> None:
    path = shared_path("dragnet-dev", name)
    result = split_eval.score_rows(split_eval.load_rows(path))
    for key, bar in BARS[name].items():
        assert result[key] >= bar, (key, result)
    for key, floor in FLOORS[name].items():
        assert result[key] >= floor, (key, result)
    assert result["false_alarm_undisputed"] <= MAX_FALSE_ALARM, result
    assert result["false_alarm_undisputed"] <= MAX_FALSE_ALARM_UNDISPUTED[name], result
    assert result["false_alarm_pages_undisputed"] <= MAX_ALARM_PAGES_UNDISPUTED[name], result
    assert result["disputed_pages"] <= MAX_DISPUTED_PAGES, result
