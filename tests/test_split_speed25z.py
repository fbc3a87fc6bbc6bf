"""Readings session 25 made cheaper (named_parent, comment_text, anchors) still say what they said.

Pages written for these tests (invented names and words): a flat WordPress-style list ("Name says:",
the date, the words, "Reply") and a thread of bulleted names over indented words.
"""

from __future__ import annotations

from replyscope.split import split_document
from replyscope.split.named_parent import named_parents

POST = (
    "Harbour bridge to close for six weeks\n\n"
    "The council says the east span needs new bearings before the summer ferries start, and the "
    "work will take six weeks from the first of May.\n\n"
)


def _page(comments: list[tuple[str, str]]) -> str:
    out = [POST, f"{len(comments)} Responses\n\n"]
    for k, (name, words) in enumerate(comments):
        out.append(f"{name} says:\nMarch {3 + k // 4}, 2020 at {9 + k % 4}:12 am\n\n{words}\n\nReply\n\n")
    out.append("Leave a Reply\nNotes from readers are read by the desk before they show.\n")
    return "".join(out)


def test_a_first_name_finds_the_latest_author_it_opens_and_never_a_wordless_one():
    # (named_parent keeps each author's first word as the author is first met; a name of no words
    # has none, and "Jo" answers the latest Jo, never the replier's own earlier comments)
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
