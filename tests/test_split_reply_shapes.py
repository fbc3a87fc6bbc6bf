"""Replies whose own shape looked like chrome or a header: emphasis, a label over a quote, short lines at the page's end."""

from __future__ import annotations

import polars as pl
import pytest

from replyscope.evaluate.thread_pages import NESTED_LAYOUTS, match_comments, page_scores, render_page
from replyscope.split import split_document, split_documents

POST = "Council to close the harbour bridge for six weeks of repairs from April, officials said on Monday."


def _thread(replies) -> dict:
    return {
        "thread_id": "s1",
        "source": {"id": "s1", "text": POST, "author": "citydesk", "created": "2021-03-01T09:00:00Z"},
        "replies": [
            {"id": rid, "text": words, "author": name, "parent_id": parent or "s1", "depth": 1,
             "created": f"2021-03-01T10:{k * 5:02d}:00Z", "stance": "comment"}
            for k, (rid, parent, name, words) in enumerate(replies)
        ],
    }


def _found(page) -> dict:
    tables = split_documents(pl.DataFrame({"doc_id": ["p"], "text": [page.text]}))
    return page_scores(match_comments(tables.comments, page))


BASE = [
    ("r1", None, "Mara Quill", "About time. That bridge shakes every time a bus crosses it."),
    ("r2", "r1", "tobyreads", "Source? The last inspection said it was fine."),
    ("r3", "r2", "Mara Quill", "Read page 4 of the council report before calling people liars."),
    ("r4", None, "Pete_K", "What an idiot plan. Close it in summer when the ferries run? Brilliant."),
]


@pytest.mark.parametrize("layout", sorted(NESTED_LAYOUTS))
def test_a_reply_in_markdown_emphasis_is_a_reply_not_a_title_line(layout):
    replies = BASE[:1] + [("r5", "r1", "harbourwatch", "*Closes Laptop*"), ("r6", "r5", "Lu Chen", "Fair enough, same here.")] + BASE[1:]
    page = render_page(_thread(replies), layout, seed=1)
    s = _found(page)
    assert s["found"] == s["replies"], s


@pytest.mark.parametrize("layout", ["disqus", "reddit"])
def test_a_reply_opening_with_a_label_over_a_quote_is_found(layout):
    # ("Quote:" under a bare bulleted name hid the name as a header)
    replies = BASE + [("r7", "r4", "Dana O'Neill", "Quote:\n\n> close it in summer\n\nThat is when the works can dry, though.")]
    page = render_page(_thread(replies), layout, seed=2)
    s = _found(page)
    assert s["found"] == s["replies"], s


@pytest.mark.parametrize("layout", ["numbered", "disqus", "wordpress"])
def test_a_last_reply_of_short_lines_at_the_end_of_the_page_is_kept(layout):
    replies = BASE + [("r8", None, "tofinomark", "@citydesk\nThey did this before\nSame bridge same story\nNothing changed\nhttps://example.org/p/1")]
    page = render_page(_thread(replies), layout, seed=3)
    s = _found(page)
    assert s["found"] == s["replies"], s


ARTICLE = (
    "Harbour bridge to close for six weeks\n\n"
    "The harbour bridge will close in April for six weeks while the east span gets new bearings, the "
    "council said on Monday. The detour runs through the old town and adds about ten minutes for most "
    "drivers, more at school times.\n\n"
    "Traders on the bridge road say the timing could not be worse, with the first ferries of the season "
    "due in the same weeks, and the council has promised to meet them before the work begins.\n\n"
)
WORDS = [
    "About time. That bridge shakes every time a bus crosses it, I have felt it myself.",
    "Why close it in spring when the ferries start? Nobody at the council thought about that?",
    "My shop is on the bridge road and six weeks is a long time for us, to be honest.",
]


@pytest.mark.parametrize(
    "header",
    [
        "  {k}. {name}\u00a0\u00a0|\u00a0\u00a0 Posted at 12:4{k}pm",  # a posting verb left after the time is cut out
        "{score} #{k} {name} 2011-07-1{k} 13:14",  # a vote score, then a running number, before the name
    ],
)
def test_an_author_is_only_the_name(header):
    names = ["Trevor Lake", "Andre van der Veen", "el_grumpyboots"]
    text = ARTICLE + "3 Comments\n\n" + "".join(
        header.format(k=k, name=name, score=("-1", "+4", "0")[k - 1]) + f"\n\n{words}\n\n"
        for k, (name, words) in enumerate(zip(names, WORDS), 1)
    )
    assert [c.author for c in split_document(text).comments] == names


def test_a_reply_header_naming_its_target_joins_the_thread_of_plain_headers() -> None:
    # "Name | DATE | Reply" over each comment, and for replies "Name replied to comment from Other |
    # DATE | Reply": another header format, printed around its stamp as the thread's are
    people = [
        ("Gareth", "March 22, 2016 9:31 PM", "How far can the new director take the story? And which book should be next?"),
        ("Priya", "March 22, 2016 9:31 PM", "Loved the write-up, booking tickets for Friday night already."),
        ("Selma Aukland replied to comment from Gareth", "March 22, 2016 9:36 PM",
         "It's the train scene. They filmed it on a real line with the carriages running at full speed."),
        ("Noor", "March 22, 2016 9:42 PM", "Thanks for all these years of sharp and funny reviews."),
        ("Felix Brandt", "March 22, 2016 11:08 PM", "Odd that you skipped the soundtrack in the review. Did you like it?"),
    ]
    page = "Night Train review: the best thriller in years\n\n" + " ".join([POST] * 4) + "\n\n5 Comments\n\n"
    page += "".join(f"{name} | {when} | Reply\n\n{words}\n\n" for name, when, words in people)
    comments = split_document(page).comments
    assert [(c.author, c.posted_raw, c.text.strip()) for c in comments] == [
        (name.split(" replied to ")[0], when, words) for name, when, words in people
    ]
    # the target the header names is the reply's parent
    assert [c.parent for c in comments] == [None, None, 0, None, None]
