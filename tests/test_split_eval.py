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
    assert result["false_alarm_pages"] == result["false_alarm_pages_cut_gold"] == 1
    assert result["uncut_gold_pages"] == 0


@pytest.mark.parametrize(
    "mark", ["!@#$%^&*() COMMENTS", "!@ $%^&*()  COMMENTS", "!#@$%^&*()\tCOMMENTS", "!@#$%^&*()  CORRECTED", "!@#$%^&*()"]
)
def test_page_whose_gold_kept_the_comment_mark_is_left_out_of_the_cut_gold_scores(mark: str) -> None:
    # The annotators' comment mark still in gold_body means the gold was never cut into body and
    # comments: the page's thread is scored as body, which no splitter that finds it can match.
    uncut = PAGE.replace("Jo Martin says:", f"{mark}\n\nJo Martin says:")
    rows = [
        {"id": "cut", "text": PAGE, "gold_body": BODY, "gold_comments": COMMENTS},
        {"id": "uncut", "text": uncut, "gold_body": uncut, "gold_comments": ""},
    ]
    result = split_eval.score_rows(rows)
    assert result["uncut_gold_pages"] == 1
    assert result["false_alarm"] > 0.3  # the headline numbers still count the uncut page
    assert result["comment_f1"] < 0.8
    assert result["comment_f1_cut_gold"] == result["body_f1_cut_gold"] == 1.0
    assert result["false_alarm_cut_gold"] == 0.0


def test_a_row_of_symbols_in_a_real_body_is_not_the_comment_mark() -> None:
    body = BODY + "Prices rose by 5% (!@#$ said the mayor) and COMMENTS were closed.\n#$%&! said the ferry captain.\n"
    result = split_eval.score_rows([{"id": "p", "text": body, "gold_body": body, "gold_comments": ""}])
    assert result["uncut_gold_pages"] == 0


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
# On 21 dev pages the Dragnet gold was never cut: the annotators' "!@#$%^&*() COMMENTS" mark and the
# whole thread after it sit in gold_body (split_eval.DRAGNET_COMMENT_MARK). Those pages alone hold
# the official clean comment F1 under 0.90 and the false alarms over 0.02, so the bars are asserted
# on the `*_cut_gold` scores (the other 945 pages; which pages is read off the gold, not off the
# splitter), and the official raw numbers must clear their bars as well.
BARS = {
    "dragnet-clean-dev.jsonl": {"comment_f1_cut_gold": 0.90, "body_f1_cut_gold": 0.92},
    "dragnet-raw-dev.jsonl": {"comment_f1": 0.80, "body_f1": 0.80, "comment_f1_cut_gold": 0.80, "body_f1_cut_gold": 0.80},
}
# Floors just under what the splitter reaches today, so that a change that loses ground fails here
# even while it still clears the bars (raised as the splitter improves, never lowered).
FLOORS = {
    "dragnet-clean-dev.jsonl": {"comment_f1": 0.87, "body_f1": 0.90, "comment_f1_cut_gold": 0.975, "body_f1_cut_gold": 0.975},
    "dragnet-raw-dev.jsonl": {"comment_f1": 0.85, "body_f1": 0.84, "comment_f1_cut_gold": 0.95, "body_f1_cut_gold": 0.90},
}
MAX_FALSE_ALARM = 0.02
# Comment-free pages (cut gold) on which some comment is still read, and their share of tokens:
# ceilings just over today's, so that a change that reads comments on more pages fails here.
MAX_ALARM_PAGES_CUT_GOLD = {"dragnet-clean-dev.jsonl": 3, "dragnet-raw-dev.jsonl": 21}
MAX_FALSE_ALARM_CUT_GOLD = {"dragnet-clean-dev.jsonl": 0.002, "dragnet-raw-dev.jsonl": 0.012}


@pytest.mark.parametrize("name", sorted(BARS))
def test_dev_split_quality(name: str) -> None:
    path = shared_path("dragnet-dev", name)
    result = split_eval.score_rows(split_eval.load_rows(path))
    for key, bar in BARS[name].items():
        assert result[key] >= bar, (key, result)
    for key, floor in FLOORS[name].items():
        assert result[key] >= floor, (key, result)
    assert result["false_alarm_cut_gold"] <= MAX_FALSE_ALARM, result
    assert result["false_alarm_cut_gold"] <= MAX_FALSE_ALARM_CUT_GOLD[name], result
    assert result["false_alarm_pages_cut_gold"] <= MAX_ALARM_PAGES_CUT_GOLD[name], result


def test_cli_scores_a_gzipped_html_gold_file(tmp_path: Path) -> None:
    """`eval split` reads gold as the crawled HTML in a .jsonl.gz (as the Dragnet HTML dev file
    comes), not only plain-text JSON lines."""
    import gzip
    import html

    from typer.testing import CliRunner

    from replyscope.cli import app

    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in BODY.split("\n\n") if p.strip())
    page = f"<html><body><article>{paragraphs}</article><div class='comments'>" + "".join(
        f"<div class='comment'><p>{html.escape(c)}</p></div>" for c in COMMENTS.split("\n\n") if c.strip()
    ) + "</div></body></html>"
    gold = tmp_path / "gold.jsonl.gz"
    with gzip.open(gold, "wt") as handle:
        handle.write(json.dumps({"id": "p", "html": page, "gold_body": BODY, "gold_comments": COMMENTS}) + "\n")
    result = CliRunner().invoke(app, ["eval", "split", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    worse = json.loads(result.output.strip().splitlines()[-1])["replyscope"]["worse"]
    assert worse["comment_f1"] > 0.9 and worse["body_f1"] > 0.9, worse
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(b"not gzip at all")
    result = CliRunner().invoke(app, ["eval", "split", str(broken)])
    assert result.exit_code == 2 and "cannot be read" in result.output


def test_article_only_text_is_read_with_no_comments():
    """The issue allows 3 pages in 250 news articles with comments read; on the annotators'
    article text of every Dragnet dev page, each half stays under that rate."""
    from replyscope.evaluate.article_only_eval import score

    for half, s in score(shared_path("dragnet-dev", "dragnet-clean-dev.jsonl")).items():
        assert s["pages"] > 400, half
        assert s["pages_with_comments"] <= 3 / 250 * s["pages"], (half, s)


def test_text_scores_are_also_given_per_hash_half(tmp_path: Path) -> None:
    """`eval split` on text pages scores each hash half of the pages too (the halves rules are
    written and checked on), and the halves hold every page once."""
    rows = [{"id": f"p{k}", "text": PAGE, "gold_body": BODY, "gold_comments": COMMENTS} for k in range(12)]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = split_eval.run(path)
    halves = result["halves"]
    assert set(halves) == {"tune", "held_out"}
    assert sum(h["pages"] for h in halves.values()) == len(rows)
    assert all(h["comment_f1_cut_gold"] == 1.0 for h in halves.values())
