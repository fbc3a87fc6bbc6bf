"""Replies shaped as real comment sections are full of: each comes back, whatever it says.

The chrome around the replies is what the layout tests vary; here the REPLIES vary: a reply that
is one widget word or a removed comment's mark, a list at the end of the last comment, a reply
opening with "Jo wrote:" under a bulleted name. Every page and string here is written for these
tests (invented names and words), and evaluate.reply_stress, which makes such replies in the
layouts' pages, is checked to be deterministic and to touch only the replies.
"""

from __future__ import annotations

import polars as pl
import pytest

from replyscope.evaluate.layout_variants import render_variant
from replyscope.evaluate.reply_stress import KINDS, stress_thread
from replyscope.evaluate.thread_pages import match_comments, page_scores, render_page
from replyscope.split import split_document, split_documents

POST = (
    "Ferry timetable to change in spring\n\n"
    "The harbour office says the early crossing will move to half past six from April, and the last "
    "evening boat will run only on weekdays. Residents have until the end of the month to respond.\n\n"
)


def _texts(page: str) -> list[str]:
    return [c.text for c in split_document(page).comments]


# ------------------------------------------------------------------- a reply that reads as chrome


def _says_page(middle: str) -> str:
    return POST + (
        "4 Responses\n\n"
        "Mara Quell says:\n"
        "March 3, 2021 at 9:12 am\n\n"
        "Half past six is far too early for anyone coming from the valley villages.\n\n"
        "Reply\n\n"
        "Tobias Wren says:\n"
        "March 3, 2021 at 9:40 am\n\n"
        f"{middle}\n\n"
        "Reply\n\n"
        "Ilse Marrow says:\n"
        "March 3, 2021 at 10:02 am\n\n"
        "The weekday-only evening boat is the real problem, nobody will be able to get home on Saturday.\n\n"
        "Reply\n\n"
        "Otto Fenn says:\n"
        "March 3, 2021 at 11:30 am\n\n"
        "They did the same thing four years ago and reversed it after one summer.\n\n"
        "Reply\n\n"
        "Leave a Reply\n"
    )


@pytest.mark.parametrize("words", ["+1", "Share", "[comment deleted]", "Quote"])
def test_a_reply_of_one_widget_word_under_its_header_is_kept(words):
    texts = _texts(_says_page(words))
    assert len(texts) == 4
    assert texts[1] == words


def test_the_action_rows_of_a_says_thread_stay_out_of_the_replies():
    texts = _texts(_says_page("Agreed with every word of that."))
    assert texts[1] == "Agreed with every word of that."
    assert not any("Reply" in t for t in texts)


# ------------------------------------------------------------- a list in the last comment


# A plugin thread's section header and its first three comments, each under its name with a row of
# actions; the tests below add a fourth comment and what follows it.
THREE_PLUGIN_COMMENTS = (
    "4 comments\n\n"
    "Mara Quell\n"
    "Half past six is far too early for anyone coming from the valley villages.\n"
    "Like · Reply · 3d\n\n"
    "Tobias Wren\n"
    "They did the same thing four years ago and reversed it after one summer.\n"
    "Like · Reply · 2d\n\n"
    "Ilse Marrow\n"
    "The weekday-only evening boat is the real problem, nobody gets home on Saturday.\n"
    "Like · Reply · 2d\n\n"
)


def test_a_list_in_the_last_comment_of_a_plugin_thread_stays_in_it():
    page = POST + THREE_PLUGIN_COMMENTS + (
        "Otto Fenn\n"
        "What the office should have done first:\n\n"
        "- ask the night shift\n"
        "- count the Saturday riders\n"
        "- keep the old boat until autumn\n\n"
        "Like · Reply · 1d\n\n"
        "Load 10 more comments\n"
    )
    texts = _texts(page)
    assert len(texts) == 4
    assert texts[-1].endswith("- keep the old boat until autumn")


def test_furniture_after_the_last_comment_of_a_plugin_thread_stays_out():
    page = POST + THREE_PLUGIN_COMMENTS + (
        "Otto Fenn\n"
        "Count the Saturday riders before deciding anything.\n"
        "Like · Reply · 1d\n\n"
        "About us\nContact\nPrivacy\nTerms\n"
    )
    texts = _texts(page)
    assert texts[-1] == "Count the Saturday riders before deciding anything."


# ------------------------------------------------------- "Jo wrote:" under a bulleted name


def test_a_removed_reply_with_its_authors_name_gone_is_kept_in_a_plugin_thread():
    page = POST + (
        "5 comments\n\n"
        "Mara Quell\n"
        "Half past six is far too early for anyone coming from the valley villages.\n"
        "Like · Reply · 3d\n\n"
        "Tobias Wren\n"
        "They did the same thing four years ago and reversed it after one summer.\n"
        "Like\nReply\n2d\n\n"
        "[deleted]\n"
        "[comment deleted]\n"
        "Like\nReply\n2d\n\n"
        "Ilse Marrow\n"
        "The weekday-only evening boat is the real problem, nobody gets home on Saturday.\n"
        "Like · Reply · 2d\n\n"
        "Otto Fenn\n"
        "Count the Saturday riders before deciding anything.\n"
        "Like · Reply · 1d\n\n"
        "Load 10 more comments\n"
    )
    comments = split_document(page).comments
    assert [c.author for c in comments] == ["Mara Quell", "Tobias Wren", "[deleted]", "Ilse Marrow", "Otto Fenn"]
    assert comments[2].text == "[comment deleted]"


def test_a_reply_opening_with_a_quote_intro_under_a_bulleted_name_is_its_own():
    page = POST + (
        "5 Comments\n\n"
        "  • Mara Quell\n\n"
        "    Half past six is far too early for anyone coming from the valley villages, I think.\n\n"
        "  • Tobias Wren\n\n"
        "    Mara Quell wrote:\n"
        "    > Half past six is far too early\n\n"
        "    Not for the fishermen, it is late for them.\n\n"
        "  • Ilse Marrow\n\n"
        "    The weekday-only evening boat is the real problem for anyone working late shifts.\n\n"
        "  • Otto Fenn\n\n"
        "    They did the same thing four years ago and reversed it after one summer of complaints.\n\n"
        "  • dunewalker\n\n"
        "    Write to the harbour office, they do read the letters even if it takes a while.\n"
    )
    comments = split_document(page).comments
    assert [c.author for c in comments] == ["Mara Quell", "Tobias Wren", "Ilse Marrow", "Otto Fenn", "dunewalker"]
    assert comments[1].text.startswith("Mara Quell wrote:")
    assert comments[1].text.endswith("it is late for them.")


# ----------------------------------------------------------------- the stress transform itself


def _thread() -> dict:
    words = [
        "Half past six is far too early for anyone coming from the valley villages. Nobody asked us.",
        "They did the same thing four years ago and reversed it after one summer.",
        "The weekday-only evening boat is the real problem, nobody gets home on Saturday.",
        "Count the Saturday riders before deciding anything, the numbers will surprise them.",
        "I work the late shift at the cannery and this timetable would cost me my job.",
        "Write to the harbour office, they do read the letters even if it takes a while.",
    ]
    names = ["Mara Quell", "Tobias Wren", "Ilse Marrow", "Otto Fenn", "dunewalker", "Perpetua Lisle"]
    replies = [
        {"id": f"r{k}", "text": w, "author": n, "parent_id": "p0" if k % 3 == 0 else f"r{k - 1}", "created": f"2021-03-0{k + 1}T09:00:00Z", "stance": ""}
        for k, (w, n) in enumerate(zip(words, names))
    ]
    source = {"id": "p0", "title": "Ferry timetable to change in spring", "text": POST, "author": "Harbour Desk", "created": "2021-03-01T08:00:00Z"}
    return {"thread_id": "p0", "source": source, "replies": replies}


@pytest.mark.parametrize("kind", list(KINDS))
def test_stress_rewrites_replies_only_and_is_deterministic(kind):
    t = _thread()
    a, b = stress_thread(t, kind, seed=1), stress_thread(t, kind, seed=1)
    assert a == b
    assert a["source"] == t["source"]
    changed = [x for x, y in zip(a["replies"], t["replies"]) if x["text"] != y["text"]]
    assert len(changed) >= 2
    assert [(x["id"], x["parent_id"]) for x in a["replies"]] == [(x["id"], x["parent_id"]) for x in t["replies"]]
    # (authors stay; a removed reply may lose its author's name, as platforms show it)
    assert all(x["author"] == y["author"] or (kind == "deleted" and x["author"] == "") for x, y in zip(a["replies"], t["replies"]))
    assert t["replies"][0]["text"].startswith("Half past six")  # (the input is not changed)


@pytest.mark.parametrize("kind", ["deleted", "lists", "quoting", "post-quote", "says-prose", "url", "emoji", "long", "signed", "line-breaks", "at-name", "caps", "other-lang", "lone-name", "one-word"])
@pytest.mark.parametrize("layout", ["wordpress", "disqus", "fb-plugin", "says-chrome"])
def test_stressed_replies_come_back_from_the_layout_writers(kind, layout):
    thread = stress_thread(_thread(), kind, seed=0)
    page = render_page(thread, layout, seed=0) if layout in ("wordpress", "disqus") else render_variant(thread, layout, seed=0)
    tables = split_documents(pl.DataFrame({"doc_id": ["0"], "text": [page.text]}))
    scores = page_scores(match_comments(tables.comments, page))
    assert scores["found"] == scores["replies"]
