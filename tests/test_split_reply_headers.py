"""Nested replies headed "Name Reply:" or "Name replied:" over their date.

Pages written for these tests (invented names and words): a WordPress-style thread whose replies
are headed "Name Reply:" or "Name replied:" over their date, among comments headed "Name says:",
with and without indentation; a form's "Leave a Reply:" heading, which heads nothing.
"""

from __future__ import annotations

import pytest

from replyscope.split import split_document
from replyscope.split.threading import thread
from splitpages import HARBOUR_POST as POST


def _reply_headed(word: str, pad: str = "") -> str:
    return POST + '5 Responses to "Harbour wall repairs to start in spring"\n\n' + (
        "Mara Quell says:\nMarch 3, 2021 at 9:14 pm\n"
        "About time. The railings have been rusting since before my children were born.\nReply\n\n"
        f"{pad}Tobias Wren {word}\n{pad}March 3, 2021 at 10:02 pm\n"
        f"{pad}The railings were painted two years ago, they just chose the cheapest paint.\n{pad}Reply\n\n"
        f"{pad}Ilse Marrow {word}\n{pad}March 4, 2021 at 7:40 am\n"
        f"{pad}@Tobias Wren cheapest paint is the council's whole philosophy, sadly.\n{pad}Reply\n\n"
        "Otto Fenn says:\nMarch 4, 2021 at 8:15 am\n"
        "Eleven weeks sounds optimistic for a wall that long.\nReply\n\n"
        f"{pad}Perpetua Lisle {word}\n{pad}March 4, 2021 at 9:01 am\n"
        f"{pad}They said six weeks for the bandstand and it took four months.\n{pad}Reply\n\n"
        "Leave a Reply:\n\nYour email address will not be published.\n"
    )


@pytest.mark.parametrize("word", ["Reply:", "replied:"])
@pytest.mark.parametrize("pad", ["", "    "])
def test_replies_headed_reply_over_a_date_are_comments_of_their_own(word, pad):
    d = split_document(_reply_headed(word, pad))
    assert [c.author for c in d.comments] == ["Mara Quell", "Tobias Wren", "Ilse Marrow", "Otto Fenn", "Perpetua Lisle"]
    assert [c.posted_raw for c in d.comments][:2] == ["March 3, 2021 at 9:14 pm", "March 3, 2021 at 10:02 pm"]
    # (one level of nesting: each reply sits under the latest "says:" comment above it, whomever it names)
    assert [c.parent for c in d.comments] == [None, 0, 0, None, 3]
    assert d.comments[0].text == "About time. The railings have been rusting since before my children were born."


def test_a_forms_reply_heading_heads_no_comment():
    d = split_document(_reply_headed("Reply:"))
    assert "Leave a" not in [c.author for c in d.comments]
    assert not any("Your email address" in c.text for c in d.comments)


def test_reply_marks_nest_one_level_only_when_mixed():
    authors = ["Ana", "Bo", "Cy", "Di"]
    texts = ["first", "second", "third", "fourth"]
    assert thread([0] * 4, authors, texts, None, [False, True, True, False]) == ([0, 1, 1, 0], [None, 0, 0, None])
    # (every header marked, or none: the marks say nothing about nesting)
    assert thread([0] * 4, authors, texts, None, [True] * 4) == ([0] * 4, [None] * 4)


def _dated_on_the_line(word: str) -> str:
    # the same thread, each reply's date on its header's own line ("Tobias Wren Reply: March 3, ...")
    page = _reply_headed(word)
    for name in ("Tobias Wren", "Ilse Marrow", "Perpetua Lisle"):
        page = page.replace(f"{name} {word}\n", f"{name} {word} ")
    return page


@pytest.mark.parametrize("word", ["Reply:", "replied:", "responded:"])
def test_a_reply_header_with_its_date_on_the_same_line_names_the_reader_and_nests(word):
    d = split_document(_dated_on_the_line(word))
    assert [c.author for c in d.comments] == ["Mara Quell", "Tobias Wren", "Ilse Marrow", "Otto Fenn", "Perpetua Lisle"]
    assert d.comments[1].posted_raw == "March 3, 2021 at 10:02 pm"
    assert [c.parent for c in d.comments] == [None, 0, 0, None, 3]


@pytest.mark.parametrize("pad", ["", "    "])
def test_replies_headed_responded_over_a_date_are_comments_of_their_own(pad):
    d = split_document(_reply_headed("responded:", pad))
    assert [c.author for c in d.comments] == ["Mara Quell", "Tobias Wren", "Ilse Marrow", "Otto Fenn", "Perpetua Lisle"]
    assert [c.parent for c in d.comments] == [None, 0, 0, None, 3]
