"""Session 19 (firstreply19): one comment read on its own evidence, with no repeat of the page's habit.

A small comment section (one or two comments) shows each header or signature once. A wiki's
signature whose shape is whole (name, links, a stamp with a time zone), a dated header whose words
a row of links with a Reply link closes, or two readers' comments each closed by such a row are
read as comments however few; an article with a lone signature-like line or a lone dated byline
is still read with none. Every string here is invented.
"""

from __future__ import annotations

import pytest

from replyscope.split import split_document
from replyscope.split.chrome import is_chrome, is_reply_link_row
from replyscope.split.line_led import end_signature

ARTICLE = """Harbour Weekly

Ferry timetable to change in the spring

The island ferry will run two sailings fewer each weekday from April, the operator said on
Tuesday, after a winter in which the early boat carried fewer than a dozen passengers on most
mornings. Islanders who commute to the mainland say the later first sailing will cost them an
hour of work, and the parish council has asked the operator to keep the early boat on Mondays.
"""

LONG_ANSWER = " ".join(
    [
        "I worked the early boat for nine winters and the numbers were always thin in January.",
        "The crew used to say the first sailing paid for itself only in the summer months.",
        "What the islanders need is a boat that waits for the late train, not an earlier one.",
        "Most of the commuters I knew would rather lose the early sailing than the last one.",
    ]
    * 5
)


def _said(page: str) -> list[tuple[str, str]]:
    return [(c.author, c.text) for c in split_document(page).comments]


# ------------------------------------------------------------------ one comment, read on its own


@pytest.mark.parametrize(
    "signature",
    [
        " — Wren Halloway (talk) 14:02, 3 March 2024 (UTC)",
        " --Wren Halloway (talk · contribs) 14:02, 3 March 2024 (UTC)",
        " Wren Halloway (talk | contribs) 14:02, 3 March 2024 (UTC) Reply",
    ],
)
def test_talk_page_topic_with_one_signed_comment(signature):
    page = ARTICLE + f"""
Article
Talk
Read

== Sailing times ==

The spring timetable in the box is last year's, it needs the April dates.{signature}


This page was last edited on 3 March 2024.
"""
    assert _said(page) == [("Wren Halloway", "The spring timetable in the box is last year's, it needs the April dates.")]


def test_talk_page_comment_signed_on_its_own_line():
    page = ARTICLE + """
Add topic

Ferry operator

Could somebody add the operator's own notice as a source for the second paragraph?
— Wren Halloway (talk) 09:41, 4 March 2024 (UTC)

Talk pages are for improving the article.
"""
    assert _said(page) == [("Wren Halloway", "Could somebody add the operator's own notice as a source for the second paragraph?")]


def test_symbol_reply_signed_by_a_name_of_lower_case_words():
    assert end_signature("👍 Quiet harbour watcher (talk) 09:41, 4 March 2024 (UTC)")[1] == "Quiet harbour watcher"
    assert end_signature("Agreed. Quiet harbour watcher (talk) 09:41, 4 March 2024 (UTC)")[1] == "watcher"  # (words before it: unchanged)
    assert end_signature(". http://example.org/x1 harbour_desk (talk) 09:41, 4 March 2024 (UTC)")[1] == "harbour_desk"  # (a link is no name)
    page = ARTICLE + """
Timeline[edit]

The dates in the timeline are right now. Wren Halloway (talk) 09:41, 4 March 2024 (UTC)

    👍 Quiet harbour watcher (talk) 09:55, 4 March 2024 (UTC)

Add topic
"""
    assert [a for a, _ in _said(page)] == ["Wren Halloway", "Quiet harbour watcher"]


@pytest.mark.parametrize("row", ["(Reply) (Thread) (Link)", "Reply | Thread | Link", "Reply"])
def test_journal_comment_alone_under_its_header_closed_by_its_reply_row(row):
    page = ARTICLE + f"""
Expand all | Collapse all

Tobias Fenwright
2024-03-05 08:14 am (UTC)
The Monday boat is the one the school run depends on, keep that one at least.
{row}

(Post a new comment)
"""
    assert _said(page) == [("Tobias Fenwright", "The Monday boat is the one the school run depends on, keep that one at least.")]


def test_two_comments_each_closed_by_a_reply_row_with_a_title_like_name():
    page = ARTICLE + """
Expand all | Collapse all

portwatcher
2024-03-05 08:14 am (UTC)
Has anybody asked the operator what the summer timetable looks like?
(Reply) (Thread) (Link)

The Harbourmaster
2024-03-05 09:02 am (UTC)
👍
(Reply) (Thread) (Parent) (Link)
"""
    assert _said(page) == [("portwatcher", "Has anybody asked the operator what the summer timetable looks like?"), ("The Harbourmaster", "👍")]


def test_long_first_reply_under_a_short_post_is_no_article():
    page = f"""Harbour Weekly

Is the early ferry really losing money?

By quaysider | 2 March 2024

A friend says the early boat runs at a loss all winter. Is that true?

Share this:
Email

Expand all | Collapse all

Tobias Fenwright
2024-03-05 08:14 am (UTC)
(no subject)
{LONG_ANSWER}
Reply | Thread | Link

Ines Marlow
2024-03-05 09:02 am (UTC)
(no subject)
❤️
Reply | Thread | Parent | Link

Powered by a journal service
"""
    said = _said(page)
    assert [a for a, _ in said] == ["Tobias Fenwright", "Ines Marlow"]
    assert said[0][1] == LONG_ANSWER and said[1][1] == "❤️"


def test_one_marked_subject_shows_the_habit_on_a_two_comment_page():
    page = ARTICLE + """
2 comments | Leave a comment

portwatcher | 2024-03-05 08:14 am (UTC)
(no subject)
Has anybody asked the operator about the summer?
Reply | Thread | Link

Ines Marlow | 2024-03-05 09:02 am (UTC)
On the sailings
😂😂
Reply | Thread | Link
"""
    assert _said(page) == [("portwatcher", "Has anybody asked the operator about the summer?"), ("Ines Marlow", "😂😂")]


def test_signatures_alone_on_their_lines_sign_the_words_over_them():
    page = ARTICLE + """
Figures in the table[edit]

The passenger numbers in the table stop at last October.
Wren Halloway (talk | contribs) 12:05, 15 March 2024 (UTC)

😂😂
Ines Marlow (talk) 12:09, 15 March 2024 (UTC)


This page was last edited on 16 March 2024.
"""
    assert _said(page) == [("Wren Halloway", "The passenger numbers in the table stop at last October."), ("Ines Marlow", "😂😂")]


def test_board_posts_closed_by_reply_rows_under_a_long_first_post():
    page = f"""Harbour Forum

Is the early ferry really losing money?

By quaysider | 2 March 2024

A friend says the early boat runs at a loss all winter. Is that true?

Sort by date
Sort by votes

03-05-2024, 08:14 AM   #2
Tobias Fenwright
Date joined: Jul 2010
Posts: 2,313

{LONG_ANSWER}
__________________
Tides wait for no one.

Reply With Quote

03-05-2024, 09:02 AM   #3
Ines Marlow (offline)
Date joined: Apr 2011
Posts: 789

👏👏

Reply With Quote

All times are GMT.
"""
    said = _said(page)
    assert [a for a, _ in said] == ["Tobias Fenwright", "Ines Marlow"]
    assert said[0][1].startswith(LONG_ANSWER[:60]) and said[1][1].endswith("👏👏")


def test_reply_subjects_under_each_header_are_no_headlines():
    page = ARTICLE + """
Expand all | Collapse all

portwatcher
2024-03-05 08:14 am (UTC)
Re: Ferry Timetable To Change In Spring
@harbourdesk is the Monday boat staying?
(Reply) (Thread) (Link)

Ines Marlow
2024-03-05 09:02 am (UTC)
Re: Ferry Timetable To Change In Spring
👍
(Reply) (Thread) (Link)

(Post a new comment)
"""
    assert _said(page) == [("portwatcher", "@harbourdesk is the Monday boat staying?"), ("Ines Marlow", "👍")]


@pytest.mark.parametrize("score", ["-2 points", "−1 points", "+3 points", "-12 votes"])
def test_a_score_below_zero_is_chrome(score):
    assert is_chrome(score)


def test_reply_link_rows():
    for row in ("Reply", "(Reply) (Thread) (Link)", "Reply | Thread | Parent | Link", "ReplyDelete", "reply · link · report", "Reply With Quote", "Like · Reply · 3y"):
        assert is_reply_link_row(row), row
    for row in ("Leave a Reply", "Cancel reply", "Post Reply", "Quick Reply", "Share | Tweet", "Like · Comment · Share", "Replying to the council"):
        assert not is_reply_link_row(row), row


# ------------------------------------------------------------------ article-only pages stay so


@pytest.mark.parametrize(
    "line",
    [
        "— Wren Halloway, 3 March 2024",
        "– Wren Halloway Mar 3, 2024 at 14:02",
        "Wren Halloway (talk) 14:02, 3 March 2024",
        "Posted by Wren Halloway on March 3, 2024 at 2:02 pm",
    ],
)
def test_article_with_a_lone_signature_like_line_has_no_comments(line):
    page = ARTICLE + f"""
The operator will publish the full timetable at the end of the month.
{line}

The harbour office is open from nine until five on weekdays, and on Saturday mornings in the
summer. Tickets can be bought on board or at the kiosk by the slipway.

Share
Tweet
"""
    assert _said(page) == []


@pytest.mark.parametrize(
    "byline, tail",
    [
        ("By Wren Halloway | March 3, 2024", "Leave a Reply\nCancel reply"),
        ("Wren Halloway\nMarch 3, 2024 at 2:02 pm", "Like · Share"),
        ("Wren Halloway\n2024-03-03 02:02 pm (UTC)", "Post Reply"),
    ],
)
def test_article_under_a_lone_dated_byline_has_no_comments(byline, tail):
    page = f"""Harbour Weekly

Ferry timetable to change in the spring

{byline}

{ARTICLE.split(chr(10), 4)[4]}
{tail}
"""
    assert _said(page) == []
