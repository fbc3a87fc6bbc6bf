"""Whom a reply answers on a page that shows no nesting, read from the reply's own words.

Pages written for these tests (invented names and words), in a WordPress-style flat list ("Name
says:", the date, the text, "Reply"): replies by time, whoever they answer.
"""

from __future__ import annotations

import pytest

from replyscope.split import split_document

POST = (
    "Harbour bridge to close for six weeks\n\n"
    "The council says the east span needs new bearings before the summer ferries start, and the "
    "work will take six weeks from the first of May.\n\n"
)


def _page(comments: list[tuple[str, str]]) -> str:
    out = [POST, f"{len(comments)} Responses\n\n"]
    for k, (name, words) in enumerate(comments):
        out.append(f"{name} says:\nMarch {3 + k // 4}, 2020 at {9 + k % 4}:12 am\n\n{words}\n\nReply\n\n")
    out.append("Leave a Reply\nYour email address will not be published. Required fields are marked *\n")
    return "".join(out)


def _parents(comments: list[tuple[str, str]]) -> list[int | None]:
    split = split_document(_page(comments))
    assert [c.author for c in split.comments] == [name for name, _ in comments]
    return [c.parent for c in split.comments]


def test_a_name_and_a_comma_opening_a_reply_answer_that_commenter():
    parents = _parents(
        [
            ("Mara Quill", "About time. That bridge shakes every time a bus crosses it."),
            ("tobyreads", "Source? The last inspection said it was fine, I read the report."),
            ("Dana Orr", "Mara, the shaking is the expansion joints, not the bearings. I asked them."),
            ("quietreader", "Well, I think the ferries will cope if you plan ahead."),
            ("Mara Quill", "Dana, thanks, I did not know that."),
        ]
    )
    # (no one called "Well" commented: that comma opens a sentence)
    assert parents == [None, None, 0, None, 2]


def test_a_quote_of_an_earlier_comment_opening_a_reply_answers_it():
    parents = _parents(
        [
            ("Mara Quill", "About time. That bridge shakes every time a bus crosses it."),
            ("tobyreads", "I read the report, and the last inspection said the west span was fine."),
            ("Dana Orr", "> the last inspection said the west span was fine\n\nIt did not look at the east one, you know."),
            ("quietreader", "> yes\n\nI agree with you all."),
        ]
    )
    # (a quote of one word is anybody's)
    assert parents == [None, None, 1, None]


def test_handles_opening_a_reply_answer_the_first_ones_comment_that_spoke_to_the_replier():
    parents = _parents(
        [
            ("maraquill", "@harbourdesk About time. That bridge shakes every time a bus crosses it."),
            ("tobyreads", "@maraquill @harbourdesk Source? I read the report and it said it was fine."),
            ("danaorr", "@harbourdesk Will the night ferry still run? I need it on Fridays."),
            ("maraquill", "@danaorr @harbourdesk It did last year, I took it every week."),
            ("maraquill", "@tobyreads @harbourdesk The report was about the west span, you know."),
            ("tobyreads", "@maraquill @harbourdesk Fair enough, I stand corrected."),
            ("danaorr", "@maraquill @harbourdesk Thanks, that helps me a lot."),
        ]
    )
    # tobyreads answers mara's reply to him, not her later one to dana; dana answers the one to her
    # (@harbourdesk, the post's account, is no commenter here: those who name it alone answer the post)
    assert parents == [None, 0, None, 2, 1, 4, 3]


def test_handles_closing_a_reply_and_a_quoted_post_opening_one():
    parents = _parents(
        [
            ("maraquill", "About time. That bridge shakes every time a bus crosses it, I swear."),
            ("tobyreads", "You are wrong about the shaking, it is the joints @maraquill"),
            ("danaorr", "“@tobyreads: You are wrong about the shaking” I think you are both right."),
            ("quietreader", "I will take the ferry and you can all argue about it."),
        ]
    )
    assert parents == [None, 0, 1, None]


@pytest.mark.parametrize(
    ("name", "opening"),
    [("Toby Reads", "Toby,"), ("tobyreads", "@tobyreads"), ("tobyreads", "> Source? I read the report and it said it was fine.\n\n")],
)
def test_a_named_reply_sits_one_level_under_its_parent(name, opening):
    comments = split_document(
        _page(
            [
                ("Mara Quill", "About time. That bridge shakes every time a bus crosses it."),
                (name, "Source? I read the report and it said it was fine."),
                ("Dana Orr", f"{opening} the report was about the west span, I think you missed that."),
            ]
        )
    ).comments
    assert [c.parent for c in comments] == [None, None, 1]
    assert [c.depth for c in comments] == [0, 0, 1]


def test_a_reply_naming_its_own_writer_answers_another_of_that_name():
    parents = _parents(
        [
            ("Dan Mercer", "Here are the ratios you asked for, I ran them again last night."),
            ("Dan Hollis", "Thanks for running them. I get a different average, why is that?"),
            ("Dan Mercer", "Dan, I expect the problem is rounding, as I said in the post."),
            ("Mara Quill", "Mara, I wonder if I am talking to myself here."),
        ]
    )
    # (no one else called Mara commented: she names nobody who wrote above)
    assert parents == [None, None, 1, None]


def test_a_first_name_finds_the_latest_author_it_opens_and_never_a_wordless_one():
    # (named_parent keeps each author's first word as the author is first met; a name of no words
    # has none, and "Jo" answers the latest Jo, never the replier's own earlier comments)
    from replyscope.split.named_parent import named_parents

    authors = ["Jo Lake", "Ana Ruiz", "Jo Marsh", "   ", "Jo Lake", "Ana Ruiz"]
    texts = [
        "The ferry timetable is out.",
        "Thanks for the link.",
        "It starts in May.",
        "Nobody asked.",
        "Ana, you are welcome.",
        "Jo, which one of you posted it first?",
    ]
    assert named_parents(authors, texts) == [None, None, None, None, 1, 4]


def test_a_lone_handle_opening_a_reply_is_its_meta_and_a_thread_without_one_keeps_its_lines():
    with_handle = split_document(
        _page(
            [
                ("Mara Quill", "About time. That bridge shakes every time a bus crosses it."),
                ("tobyreads", "@Mara Quill\nSource? The last inspection said it was fine, I read the report."),
                ("Dana Orr", "The shaking is the expansion joints, not the bearings. I asked them."),
            ]
        )
    )
    assert [c.author for c in with_handle.comments] == ["Mara Quill", "tobyreads", "Dana Orr"]
    assert not with_handle.comments[1].text.startswith("@")
    assert with_handle.comments[1].text.startswith("Source?")
    plain = split_document(
        _page(
            [
                ("Mara Quill", "About time. That bridge shakes every time a bus crosses it.\nIt really does."),
                ("tobyreads", "Source? The last inspection said it was fine.\nI read the report."),
            ]
        )
    )
    assert [c.text for c in plain.comments] == [
        "About time. That bridge shakes every time a bus crosses it.\nIt really does.",
        "Source? The last inspection said it was fine.\nI read the report.",
    ]
