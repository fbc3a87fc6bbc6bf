"""A thread's first post when it is long, or when the post's own byline sits right over the thread.

Pages written for these tests (invented names and words): a scored thread whose first post runs
longer than the article above it, under a comment count and the widget's display controls; the
same thread with its controls printed on the count's line; answers opened by an "Answer:" label
and signed under their words, the first one long; a long first comment signed under its words right
under the comment section's header and its prompt; a long first reply numbered "1." in outline
under a one-line post.
"""

from __future__ import annotations

import pytest

from replyscope.split import split_document
from replyscope.split.choose import numbered_in_turn
from replyscope.split.patterns import COMMENT_SECTION

SHORT_POST = (
    "Home\nNews\nOpinion\n\n"
    "Harbour bridge to close for six weeks\n\n"
    "The council says the east span needs new bearings before the summer ferries start.\n\n"
    "Share this:\nTwitter\nEmail\n\n"
)

LONG_FIRST_POST = (
    "The bearings were last replaced in 1987, and the engineers' report from that year already said the "
    "east span would need them again within thirty years, so nobody at the council can say this is a surprise.\n\n"
    "What is a surprise is the timing. The summer ferries start in June, the bridge closes in May, and the "
    "quay has room for two boats at most, which the harbour master pointed out at the last meeting.\n\n"
    "I sat through that meeting. The answer from the council was that a temporary pontoon would be hired, "
    "but nobody could say from whom, at what cost, or whether it would be in place before the first sailing.\n\n"
    "Meanwhile the buses will go round by the old road, which adds forty minutes each way and passes through "
    "three villages whose parish councils have already written to complain about the lorries.\n\n"
    "If the work overruns, and works on that bridge have overrun every single time, the closure meets the "
    "regatta in August, and then we will see what six weeks means when the whole town is trying to get across.\n\n"
    "Nobody has asked the shops on the quay either. Half of their trade in May comes over that bridge on foot, "
    "and a forty minute detour by bus is not something anyone does for a coffee and a newspaper.\n\n"
    "The sensible thing would have been to do the work in January, when the ferries are laid up and the town "
    "is empty, but the contract was let late and the contractor has other work booked through the winter.\n\n"
    "So here we are: the right work, at the wrong time, for reasons nobody will own, and a pontoon that may or "
    "may not arrive. I hope I am wrong about all of it, and I will say so here in July if I am."
)


def _scored_thread(controls: str, first: str) -> str:
    return SHORT_POST + controls + (
        "About time (Score:5, Insightful)\n"
        "by maraquill (48213) on Tuesday March 03, 2020 @09:12AM (#59791234)\n\n"
        f"{first}\n\n"
        "Reply to This\n\n"
        "  Re:About time (Score:2)\n"
        "  by tobyreads (991) on Tuesday March 03, 2020 @10:40AM (#59791301)\n\n"
        "  Source? The last inspection said it was fine.\n\n"
        "  Reply to This Parent Share\n\n"
        "    Re:About time (Score:1)\n"
        "    by dana_o (5120) on Tuesday March 03, 2020 @11:02AM (#59791377)\n\n"
        "    It was, for the west span. Nobody looked at the east one.\n\n"
        "    Share\n\n"
        "Ferries (Score:1)\n"
        "by quietreader (6120) on Wednesday March 04, 2020 @08:15AM (#59793012)\n\n"
        "Nobody has said what happens to the ferry timetable while the span is shut.\n\n"
        "Reply to This Share\n"
    )


def test_a_long_first_post_under_the_count_and_display_controls_is_a_readers_post():
    # the first post is the page's longest run of words; its title line and the widget's controls
    # ("Display Options", "Threshold: 1, Nested") part it from "4 Comments", which still heads it
    page = _scored_thread("4 Comments\nDisplay Options\nThreshold: 1, Nested\n\n", LONG_FIRST_POST)
    split = split_document(page)
    assert [c.author for c in split.comments] == ["maraquill", "tobyreads", "dana_o", "quietreader"]
    assert [c.parent for c in split.comments] == [None, 0, 1, None]
    assert split.comments[0].text.startswith("The bearings were last replaced in 1987")
    assert split.comments[0].text.endswith("I will say so here in July if I am.")
    assert "bearings were last replaced" not in split.body
    assert "needs new bearings before the summer ferries start" in split.body


BYLINED_POST = (
    "Home | About | Contact\n\n"
    "Harbour bridge to close for six weeks\n\n"
    "By harbourdesk | 3 March 2020\n\n"
    "The council says the east span needs new bearings before the summer ferries start.\n\n"
    "Share\nTweet\n\n"
)


@pytest.mark.parametrize("count", ["3 comments | Filter: All | Insightful | Informative | Funny", "3 Comments · Sort by Newest"])
def test_the_posts_byline_over_a_count_with_its_controls_stays_the_posts(count):
    # the count's line carries the section's filter or sort control: it still heads the section,
    # so the post's byline over it is the post's, and the page's footer is no one's words
    page = BYLINED_POST + count + "\n\n" + (
        "About time (Score:2)\n"
        "by maraquill (48213) on Tuesday March 03, 2020 @09:12AM (#59791234)\n\n"
        "That bridge shakes every time a bus crosses it.\n\n"
        "Reply to This\n\n"
        "Ferries (Score:0)\n"
        "by tobyreads (991) on Tuesday March 03, 2020 @10:40AM (#59791301)\n\n"
        "What happens to the ferry timetable?\n\n"
        "Reply to This Share\n\n"
        "Harbour bridge to close (Score:1)\n"
        "by dana_o (5120) on Wednesday March 04, 2020 @08:15AM (#59793012)\n\n"
        "👍\n\n"
        "Share\n\n"
        "There may be more comments in this discussion. Without JavaScript enabled, you might want to turn on Classic Discussion System in your preferences instead.\n"
    )
    split = split_document(page)
    assert [c.author for c in split.comments] == ["maraquill", "tobyreads", "dana_o"]
    assert split.comments[-1].text == "👍"
    assert "needs new bearings" in split.body


@pytest.mark.parametrize(
    ("line", "heads"),
    [
        ("4 comments | Filter: All | Insightful | Funny", True),
        ("12 Comments · Sort by Newest", True),
        ("28 comments | sorted by: best", True),
        ("3 comments | Posted in News", False),
        ("12 Comments · Harbour, Bridges", False),
    ],
)
def test_a_comment_count_with_the_sections_controls_on_its_line(line, heads):
    assert (COMMENT_SECTION.match(line) is not None) is heads


def _answer(words: str, author: str) -> str:
    return f"Answer:\n{words}\nAnswered by {author} · March 3, 2020\nHelpful (4)\nNot helpful (0)\n\n"


LONG_FIRST_ANSWER = (
    "Short answer: nobody knows yet, and anyone who tells you otherwise is guessing.\n\n"
    "The council has said the ferries will run, but the quay has room for two boats at most, and the summer "
    "timetable has five. The harbour master said so at the last meeting, and nobody from the council answered him.\n\n"
    "A pontoon was mentioned. A pontoon needs a licence from the harbour board, and the board meets in April, "
    "after the date the bridge is due to close, so unless they hold an extra meeting it cannot be in place.\n\n"
    "Sources:\n"
    "1. Harbour board minutes, February\n"
    "2. The council's closure notice\n"
    "3."
)


@pytest.mark.parametrize("section", ["Questions & Answers\nQ: Will the ferries run while the bridge is shut?\n\n", "4 answers\n\n"])
def test_a_long_first_answer_reaches_up_to_its_label(section):
    # every other answer opens under an "Answer:" label: the first one's words start under its own,
    # however long they run (its last paragraph alone was the answer, the rest the question's)
    page = (
        "Skip to content\nMenu\n\n"
        "Will the ferries run while the bridge is shut?\n\n"
        "I need to get to the island every weekend in May and nobody at the council will say.\n\n"
        "Share\nTweet\nPin\n\n"
        + section
        + _answer(LONG_FIRST_ANSWER, "harbourwatch")
        + _answer("Ask at the quay office, they will give you the new timetable.", "tobyreads")
        + _answer("I take the bus on the old road, but it is slow.", "Dana Orr")
        + _answer("Yes, and you can take the night ferry on Fridays as well.", "quietreader")
        + "Ask a question\n"
    )
    split = split_document(page)
    assert [c.author for c in split.comments] == ["harbourwatch", "tobyreads", "Dana Orr", "quietreader"]
    assert split.comments[0].text.startswith("Short answer: nobody knows yet")
    assert split.comments[0].text.endswith("2. The council's closure notice\n3.")
    assert split.comments[1].text == "Ask at the quay office, they will give you the new timetable."
    assert "pontoon" not in split.body


@pytest.mark.parametrize("prompt", ["Add your comment\n\n", "Leave a Reply\n\n", ""])
def test_a_long_first_comment_signed_under_its_words_reaches_up_to_the_section_header(prompt):
    # comments signed under their words ("- name, age"), under a section header and the form's
    # prompt: the first comment runs many times longer than the others, and all of it is still the
    # first comment's (its first paragraphs were read as the article's, the post a line long)
    page = (
        BYLINED_POST
        + "What readers say (4)\n\n"
        + prompt
        + LONG_FIRST_POST
        + "\n- harbourwatch (Leeds), 2 hours ago\n\n"
        + "Source? The last inspection said it was fine.\n- tobyreads, 1 hour ago\n\n"
        + "It was, for the west span.\n- Dana Orr (Perth), 40 minutes ago\n\n"
        + "What happens to the ferry timetable?\n- quietreader, 5 minutes ago\n"
    )
    split = split_document(page)
    assert [c.author for c in split.comments] == ["harbourwatch", "tobyreads", "Dana Orr", "quietreader"]
    assert split.comments[0].text.startswith("The bearings were last replaced in 1987")
    assert split.comments[0].text.endswith("I will say so here in July if I am.")
    assert "bearings were last replaced" not in split.body
    assert "needs new bearings before the summer ferries start" in split.body
    assert split.comments[1].text == "Source? The last inspection said it was fine."


@pytest.mark.parametrize("byline", ["", "By harbourdesk | 03 March 2020\n\n"])
def test_a_long_first_reply_under_the_first_outline_number_is_the_threads(byline):
    # a post of one short line, then replies numbered in outline ("1.", "1.1.", "2.") under their
    # headers: the first runs many times longer than the rest, and is still reply 1, no article
    # under a dateline (the numbers under it go on from its own)
    post = "Harbour bridge to close for six weeks from May, council says"
    page = (
        f"{post}\n\n{byline}{post} http://t.co/abc123\n\n"
        f"1. maraquill | 3 Mar 2020 09:12\n{LONG_FIRST_POST}\n\n"
        "1.1. tobyreads | 3 Mar 2020 09:40\nSource? The last inspection said it was fine.\n\n"
        "2. dana_o | 3 Mar 2020 10:02\nIt was, for the west span. Nobody looked at the east one.\n\n"
        "3. quietreader | 3 Mar 2020 10:15\nWhat happens to the ferry timetable?\n"
    )
    split = split_document(page)
    assert [c.author for c in split.comments] == ["maraquill", "tobyreads", "dana_o", "quietreader"]
    assert [c.parent for c in split.comments] == [None, 0, None, None]
    assert split.comments[0].text.startswith("The bearings were last replaced in 1987")
    assert "bearings were last replaced" not in split.body
    assert "council says http://t.co/abc123" in split.body


@pytest.mark.parametrize(
    ("line", "next_line", "in_turn"),
    [
        ("1. Mara Quell | 3 Mar", "1.1. Toby | 3 Mar", True),
        ("1. Mara Quell | 3 Mar", "2. Toby | 3 Mar", True),
        ("2.1.3. Mara Quell | 3 Mar", "2.2. Toby | 3 Mar", True),
        ("2.1.3. Mara Quell | 3 Mar", "3. Toby | 3 Mar", True),
        ("1. Mara Quell | 3 Mar", "3. Toby | 3 Mar", False),
        ("By Mara Quell | 3 Mar", "1. Toby | 3 Mar", False),
        ("2. Mara Quell | 3 Mar", "1. Toby | 3 Mar", False),
    ],
)
def test_outline_numbers_in_turn(line, next_line, in_turn):
    assert numbered_in_turn(line, next_line) is in_turn


def _message(author: str, address: str, minute: int, words: str, subject: bool = True) -> str:
    head = f"From: {author} <{address}>\nDate: Tue, 03 Mar 2020 09:{minute:02d}:00 +0000\n"
    if subject:
        head += "Subject: Re: Harbour bridge to close\n"
    return head + "\n" + words + "\n\n"


def test_a_run_of_long_first_messages_is_the_threads():
    # a one-line post over a mailing-list thread whose first messages each run many times longer
    # than the rest: the first of them was read as the article under its dateline, the next ones
    # dropped in turn; a run of long texts under headers of one format opens the thread
    long_one, long_two = LONG_FIRST_POST, "\n\n".join(reversed(LONG_FIRST_POST.split("\n\n")))
    page = (
        "Skip to content\nMenu\n\n"
        "Harbour bridge to close for six weeks\n\n"
        "Does anyone know what happens to the ferries while the bridge is shut? The council will not say.\n\n"
        + _message("maraquill", "mara at example.org", 12, long_one, subject=False)
        + _message("harbourwatch", "watch at example.net", 15, long_two)
        + _message("tobyreads", "toby at example.com", 20, "Source? The last inspection said it was fine.")
        + _message("dana_o", "dana at example.org", 31, "It was, for the west span. Nobody looked at the east one.")
        + _message("quietreader", "quiet at example.net", 40, "What happens to the ferry timetable?")
        + _message("Mara Quell", "mq at example.com", 44, "Ask at the quay office.")
    )
    split = split_document(page)
    assert [c.author for c in split.comments] == ["maraquill", "harbourwatch", "tobyreads", "dana_o", "quietreader", "Mara Quell"]
    assert split.comments[0].text.startswith("The bearings were last replaced in 1987")
    assert split.comments[1].text.startswith("So here we are")
    assert "bearings were last replaced" not in split.body
    assert "what happens to the ferries while the bridge is shut" in split.body
