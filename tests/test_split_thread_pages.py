"""thread_pages: comment-section pages built from reply threads, and matching found comments back."""

from __future__ import annotations

import polars as pl
import pytest

from replyscope.evaluate.thread_pages import LAYOUTS, match_comments, page_scores, render_page

THREAD = {
    "thread_id": "t1",
    "source": {"id": "t1", "text": "The council voted to close the old harbour bridge for repairs next spring, officials said.", "author": "citydesk", "created": "2020-03-01T09:00:00Z"},
    "replies": [
        {"id": "r1", "text": "About time, that bridge shakes every time a bus crosses it.", "author": "Mara Quill", "parent_id": "t1", "depth": 1, "created": "2020-03-01T09:10:00Z", "stance": "support"},
        {"id": "r2", "text": "Source? The last inspection said it was fine.", "author": "tobyreads", "parent_id": "r1", "depth": 2, "created": "2020-03-01T09:20:00Z", "stance": "query"},
        {"id": "r3", "text": None, "author": "[deleted]", "parent_id": "t1", "depth": 1, "created": "2020-03-01T09:30:00Z", "stance": "comment"},
    ],
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_shows_the_article_and_every_reply(layout):
    page = render_page(THREAD, layout, seed=3)
    assert page.text.count("officials said") == 1 and page.title.startswith("The council voted")
    assert [r.id for r in page.replies] == ["r1", "r2", "r3"]
    for r in page.replies:
        assert r.text in page.text
    assert page.replies[1].parent_id == "r1" and page.replies[0].parent_id is None
    assert page.replies[2].text == "[deleted]"
    assert render_page(THREAD, layout, seed=3) == page  # deterministic


def test_unknown_layout_is_refused():
    with pytest.raises(ValueError):
        render_page(THREAD, "myspace")


def _comments(rows):
    return pl.DataFrame(rows, schema={"comment_id": pl.String, "parent_id": pl.String, "text": pl.String, "author": pl.String}, orient="row")


def test_match_scores_found_parent_and_author():
    page = render_page(THREAD, "disqus")
    found = _comments(
        [
            ("c0", None, "About time, that bridge shakes every time a bus crosses it.\nReply", "Mara Quill"),
            ("c1", None, "Source? The last inspection said it was fine.", "tobyreads"),  # parent lost
        ]
    )
    m = match_comments(found, page)
    assert m["found"].to_list() == [True, True, False]
    assert m["parent_correct"].to_list() == [True, False, None]
    s = page_scores(m)
    assert (s["found"], s["parent_correct"], s["author_correct"]) == (2, 1, 2)


def test_one_comment_holding_two_replies_answers_for_one():
    page = render_page(THREAD, "wordpress")
    merged = _comments([("c0", None, page.replies[0].text + "\n" + page.replies[1].text, "Mara Quill")])
    assert match_comments(merged, page)["found"].sum() == 1
