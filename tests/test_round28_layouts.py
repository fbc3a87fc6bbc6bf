"""Round 28's comment layouts (evaluate.round28_layouts through layout_variants.render_variant): each
renders, deterministically, every reply of a thread, and its truth is what its page shows. They are
measured before any splitter rule is written for them, so nothing here asks the splitter anything.
Every string here is invented."""

from __future__ import annotations

import re

import pytest

from replyscope.evaluate.layout_variants import NESTED_VARIANTS, ONE_LEVEL_VARIANTS, PENDING_VARIANTS, ROUND28_VARIANTS, VARIANTS, render_variant
from replyscope.evaluate.variant_eval import main as variant_eval_main

THREAD = {
    "thread_id": "t28",
    "source": {"id": "t28", "title": "The ferry timetable changes again this winter", "text": "From November the last crossing leaves an hour earlier.", "author": "harbourdesk", "created": "2023-10-02T07:00:00Z"},
    "replies": [
        {"id": "q1", "text": "An hour earlier means nobody on the late shift at the cannery can get home by boat, which is most of the island.", "author": "Ailsa Brodie", "parent_id": "t28", "created": "2023-10-02T07:40:00Z", "stance": "comment"},
        {"id": "q2", "text": "Did the operator say why? Last winter they blamed the crew rota.", "author": "tidewatcher", "parent_id": "q1", "created": "2023-10-02T08:15:00Z", "stance": "query"},
        {"id": "q3", "text": "They said fuel.\n\nThe notice on the pier says the council agreed to it in August.", "author": "Murdo Fraser-Lyle", "parent_id": "q2", "created": "2023-10-02T09:30:00Z", "stance": "support"},
        {"id": "q4", "text": "Same thing every year, then they quietly put the late sailing back in March.", "author": "Kirsty M", "parent_id": "t28", "created": "2023-10-02T11:05:00Z", "stance": "comment"},
    ],
}
OWN = ("q1", "q2", "q3", "q4")
SEEDS = range(6)


def _shown(page) -> str:
    """The page's lines stripped, as a truth's text is read off them."""
    return "\n".join(s.strip() for s in page.text.split("\n"))


def test_the_round_adds_five_families_pending_rules():
    assert ROUND28_VARIANTS == ("textbrowser", "archive", "feed", "imageboard", "photo")
    # (measured before any rule reads them: out of VARIANTS, which the suite holds to the bar)
    assert set(ROUND28_VARIANTS) <= set(PENDING_VARIANTS) and not set(PENDING_VARIANTS) & set(VARIANTS)
    assert len(VARIANTS) == len(set(VARIANTS)) == 30
    with pytest.raises(ValueError):
        render_variant(THREAD, "gopher")
    # (a text browser's dump shows nesting by its list's indentation; a photo site one level in)
    assert "textbrowser" in NESTED_VARIANTS and "photo" in ONE_LEVEL_VARIANTS


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("variant", ROUND28_VARIANTS)
def test_each_reply_is_on_the_page_as_its_truth_says(variant, seed):
    page = render_variant(THREAD, variant, seed=seed)
    assert render_variant(THREAD, variant, seed=seed) == page
    assert page.layout == variant and page.nested == (variant in NESTED_VARIANTS)
    truth = {r.id: r for r in page.replies}
    assert set(OWN) <= set(truth)
    shown = _shown(page)
    at = -1
    for r in page.replies:
        # the truth's words are the page's, in page order, and its author is printed on the page
        pos = shown.find(r.text, at + 1)
        assert r.text and pos > at, (variant, seed, r.id)
        at = pos
        assert r.author in page.text, (variant, seed, r.id)
    for r in THREAD["replies"]:
        # the reply's own words are all there (wrapped, maybe after a mark naming whom it answers)
        assert " ".join(r["text"].split()) in " ".join(truth[r["id"]].text.split()), (variant, seed, r["id"])


@pytest.mark.parametrize("variant", ROUND28_VARIANTS)
def test_a_thread_in_another_seed_is_another_page_with_the_same_replies(variant):
    pages = [render_variant(THREAD, variant, seed=s) for s in SEEDS]
    assert len({p.text for p in pages}) > 1
    assert all({r.id for r in p.replies} >= set(OWN) for p in pages)


# each family's sub-forms, told apart by the marks only that sub-form prints
FORMS = {
    "textbrowser": {"lynx": re.compile(r"^ +[*+o#@-] ", re.M), "w3m": re.compile(r"^ +[•◦▪▫] ", re.M), "numbered links": re.compile(r"\[\d+\]\w")},
    "archive": {
        "comment-no": re.compile(r"^(Comment #\d+ by |#\d+ \S)", re.M),
        "numbered": re.compile(r"^\d+\. .+ (wrote on|said on|\|) ", re.M),
        "submitted": re.compile(r"^Submitted by ", re.M),
        "posted-by": re.compile(r"^Posted by:? ", re.M),
    },
    "feed": {"items": re.compile(r"^(By: |Comment on )", re.M), "mail": re.compile(r"^Comment:$", re.M), "digest": re.compile(r"Unsubscribe \| Manage")},
    "imageboard": {"post-no": re.compile(r" No\.\d{8}"), "japanese": re.compile(r"^\d+ 名前:", re.M), "english": re.compile(r"^\d+ Name: ", re.M)},
    "photo": {"app": re.compile(r"\bReply$", re.M), "sharing": re.compile(r"permalink|faves|Taken on|^Comments$", re.M), "russian": re.compile(r"Ответить|комментари", re.M)},
}


@pytest.mark.parametrize("variant", ROUND28_VARIANTS)
def test_the_seed_chooses_among_the_familys_sub_forms(variant):
    texts = [render_variant(THREAD, variant, seed=s).text for s in range(40)]
    for form, mark in FORMS[variant].items():
        assert any(mark.search(t) for t in texts), (variant, form)


def test_text_browser_numbers_its_links_and_lists_them_under_references():
    for seed in range(30):
        page = render_variant(THREAD, "textbrowser", seed=seed)
        if "\nReferences\n" not in page.text:
            continue
        body, refs = page.text.split("\nReferences\n")
        listed = {int(k) for k in re.findall(r"^ *(\d+)\. https://", refs, re.M)}
        used = {int(k) for k in re.findall(r"\[(\d+)\]", body)}
        assert used and used <= listed
        return
    pytest.fail("no seed printed a References list")


def test_text_browser_indents_a_reply_under_its_parent():
    page = render_variant(THREAD, "textbrowser", seed=0)
    lines = page.text.split("\n")
    truth = {r.id: r for r in page.replies}

    def indent_of(rid: str) -> int:
        first = truth[rid].text.split("\n")[0]
        line = next(s for s in lines if s.strip() == first)
        return len(line) - len(line.lstrip())

    assert indent_of("q1") < indent_of("q2") < indent_of("q3")
    assert indent_of("q4") == indent_of("q1")
    assert truth["q3"].parent_id == "q2" and truth["q4"].parent_id is None


def test_text_browser_wraps_long_replies_at_the_screen_width():
    page = render_variant(THREAD, "textbrowser", seed=0)
    assert max(len(s) for s in page.text.split("\n") if not s.lstrip()[:4].isdigit()) <= 78
    assert "\n" in {r.id: r for r in page.replies}["q1"].text or len(THREAD["replies"][0]["text"]) <= 70


def test_imageboard_replies_name_their_parents_post_number():
    for seed in range(20):
        page = render_variant(THREAD, "imageboard", seed=seed)
        numbers = {}
        for line in page.text.split("\n"):
            m = re.search(r"No\.(\d+)", line) or re.match(r"(\d+) (?:Name: |名前:)", line)
            if m:
                numbers[len(numbers)] = m.group(1)
        truth = list(page.replies)
        assert len(numbers) == len(truth)
        post = {r.id: numbers[k] for k, r in enumerate(truth)}
        for r in truth:
            if r.text.startswith(">>"):
                assert r.parent_id is not None and r.text.split("\n")[0] == f">>{post[r.parent_id]}", (seed, r.id)


def test_archive_numbers_run_in_turn():
    for seed in range(20):
        page = render_variant(THREAD, "archive", seed=seed)
        nums = [int(n) for n in re.findall(r"^(?:Comment #|#)(\d+) ", page.text, re.M)] or [int(n) for n in re.findall(r"^(\d+)\. ", page.text, re.M)]
        if len(nums) == len(page.replies):
            assert nums == list(range(nums[0], nums[0] + len(nums)))


def test_photo_app_line_leaves_the_handle_out_of_the_words():
    seen = 0
    for seed in range(30):
        page = render_variant(THREAD, "photo", seed=seed)
        for r in page.replies:
            line = next((s.strip() for s in page.text.split("\n") if s.strip().endswith(r.text.split("\n")[0]) and s.strip() != r.text.split("\n")[0]), None)
            if line is not None and line.startswith(r.author + " "):
                seen += 1
                assert not r.text.startswith(r.author)
    assert seen


def test_feed_marks_a_reply_with_whom_it_answers():
    for seed in range(30):
        page = render_variant(THREAD, "feed", seed=seed)
        truth = {r.id: r for r in page.replies}
        marks = re.findall(r"^In reply to (.+?)\.?$", page.text, re.M)
        if marks:
            assert set(marks) <= {r.author for r in truth.values()}
            return
    pytest.fail("no seed printed an 'In reply to' line")


def test_variant_eval_measures_a_pending_family_when_named(tmp_path, capsys):
    import json

    import polars as pl

    from replyscope.evaluate.layout_variants import half_of_thread

    (tmp_path / "rumoureval2019-sdqc-train-threads.jsonl").write_text(json.dumps(THREAD) + "\n", encoding="utf-8")
    pl.DataFrame([{"comment": "The late boat matters more than the early one.", "title": "Ferries again", "url": "https://news.example/ferry"}]).write_csv(tmp_path / "sfu-constructiveness-toxicity.csv")
    assert variant_eval_main(["--half", half_of_thread(THREAD), "--variant", "archive", "--corpora", str(tmp_path)]) == 0
    (line,) = [x for x in capsys.readouterr().out.splitlines() if x.startswith("rumoureval")]
    assert line.split()[1] == "archive" and int(line.split("replies")[1].split()[0]) == len(render_variant(THREAD, "archive").replies)


# ------------------------------------------------------------------ why replies are lost


def test_a_lines_shape_masks_its_words_and_numbers():
    from replyscope.evaluate.lost_reasons import shape

    assert shape("  Comment #12 by Ailsa Brodie on 2 October 2023 at 07:40") == "a #9 a a a a 9 a 9 a 9:9"
    assert shape("[53]2 мар в 08:20") == "[9]9 a a 9:9"


def test_reasons_count_each_lost_reply_once_and_print_no_words():
    import polars as pl

    from replyscope.evaluate.lost_reasons import reasons
    from replyscope.evaluate.thread_pages import match_comments, page_scores
    from replyscope.split import split_documents

    page = render_variant(THREAD, "imageboard", seed=0)
    table = split_documents(pl.DataFrame({"doc_id": ["p"], "text": [page.text]})).comments
    matches = match_comments(table, page)
    scores = page_scores(matches)
    got = reasons([{"page": page, "matches": matches, **scores}])
    lost = scores["replies"] - scores["found"]
    # (a board's post lines are read by no rule today; when a round teaches the splitter to read
    # them, `lost` falls and the counts with it)
    assert got["pages"]["under"] == (1 if scores["found_share"] < 0.98 else 0)
    assert sum(got["words"].values()) == lost and sum(got["header"].values()) == lost
    assert all("No." not in s and "名前" not in s and "Anonymous" not in s for s, _ in got["shape"])  # (words masked)


def test_a_call_the_shape_probe_stops_is_no_verdict(monkeypatch):
    # (choose._by_talk's probe runs _acceptable until it asks for the talk share, then stops it with
    # _ShareAsked: the tracer must not count that stop as a thread turned down)
    from types import SimpleNamespace

    from replyscope.evaluate.lost_reasons import _acceptable_tracer
    from replyscope.split import choose

    def acceptable(lines, best):  # (a Python stand-in, so that there is a code object to trace)
        return True

    monkeypatch.setattr(choose, "_acceptable", acceptable)
    verdicts: list = []
    tracer = _acceptable_tracer(verdicts)
    best = [SimpleNamespace(family="says")]
    probed = SimpleNamespace(f_code=acceptable.__code__, f_lineno=10, f_locals={"best": best})
    judged = SimpleNamespace(f_code=acceptable.__code__, f_lineno=20, f_locals={"best": best})
    local = tracer(probed, "call", None)
    local(probed, "line", None)
    local(probed, "exception", (choose._ShareAsked, choose._ShareAsked(), None))
    local(probed, "return", None)
    assert verdicts == []
    local = tracer(judged, "call", None)
    local(judged, "line", None)
    local(judged, "return", False)
    assert verdicts == [("says", "1-2", False, 20)]
