"""A short post that drew one long reply and one short one: both replies are comments.

A thread of one or two comments whose words outweigh the article above it many times over is read
as the article itself, read under its own byline (listlike.reads_like_thread). Two comments whose
headers the page prints alike (the same header format, as many lines, two different readers) are
two readers' comments: an article has one byline, and a page prints no second one like it under
another name. Pages written for these tests (invented names and words).
"""

from __future__ import annotations

from replyscope.split import split_document

SHORT_POST = (
    "Home\nNews\nOpinion\n\n"
    "Is the old lighthouse keeper's log really lost?\n\n"
    "By quaywatcher | 3 March 2021\n\n"
    "A teacher told our class the keeper's log burned in the storehouse fire, and I wondered whether that is true.\n\n"
    "Share\nTweet\n\n"
)

_PARAGRAPHS = (
    "Short answer: nobody can say for certain. The storehouse did burn in the winter of the great gale, and the "
    "harbour board's minutes from that spring list the papers it held, but the keeper's log is not on that list, "
    "which has led some people to think it was kept somewhere else entirely, perhaps at the keeper's cottage.",
    "The town museum has a ledger that a volunteer catalogued as the log some years ago, yet the handwriting in it "
    "changes every few pages and the entries stop in the middle of a summer, so most of the people who have read "
    "it think it is a copy made by the keeper's daughter from memory after the originals were gone.",
    "If you want to look into it yourself, the county archive keeps the board's letters in boxes by year, and the "
    "reading room staff are patient with people who turn up with a question and no idea where to start, which is "
    "how I began. Bring a pencil, since they do not allow pens near the older papers.",
    "Whatever happened to it, the story your teacher told is the one most people in town grew up with, and it may "
    "well be true, but it rests on a single newspaper report written a week after the fire by someone who was not "
    "there, so I would call it likely rather than settled.",
    "One more thing worth knowing: the keeper kept a second, smaller book for the weather and the ships he saw "
    "pass, and a page of that one turned up in a house clearance not long ago, with a note on the back in the same "
    "hand about a lamp that would not light. It is on show in the museum's hall if you are ever in town.",
)
LONG_REPLY = "\n\n".join(_PARAGRAPHS)


def _authors(page: str) -> list[str]:
    return [c.author for c in split_document(page).comments]


def test_two_mail_messages_under_a_short_post_are_both_read():
    page = SHORT_POST + (
        "2 messages in thread\n\n"
        "From: harbourbell <harbourbell at example.org>\n"
        "Date: Wed, 3 Mar 2021 09:12:40 +0000\n\n"
        f"{LONG_REPLY}\n\n"
        "* * *\n\n"
        "From: Tamsin Vell <tamsin at example.net>\n"
        "Date: Wed, 3 Mar 2021 10:02:11 +0000\n\n"
        "Thanks, that is more than I hoped to find out.\n\n"
        "* * *\n\n"
        "Messages sorted by: [ date ] [ thread ]\n"
    )
    doc = split_document(page)
    assert [c.author for c in doc.comments] == ["harbourbell", "Tamsin Vell"]
    assert doc.comments[0].text.startswith("Short answer: nobody can say")
    assert "storehouse fire" in doc.body and "museum" not in doc.body


def test_two_aged_headers_under_a_short_post_are_both_read():
    page = SHORT_POST + (
        "add comment\n\n"
        "harbourbell 9 hours ago | next [–]\n"
        f"{LONG_REPLY}\n\n"
        "    kettle_drum 8 hours ago | parent [–]\n\n"
        "    Good answer, I had no idea the museum had a copy.\n\n"
        "    reply\n\n"
        "Guidelines | FAQ | Contact\n"
    )
    assert _authors(page) == ["harbourbell", "kettle_drum"]


def test_an_article_under_its_byline_with_its_writer_boxed_below_stays_the_article():
    # (one name over both: the byline and the writer's box, not two readers)
    page = (
        "Home\nNews\n\n"
        "The lighthouse log and the storehouse fire\n\n"
        "By Ada Marsh | March 3, 2021\n\n"
        f"{LONG_REPLY}\n\n"
        "By Ada Marsh | March 4, 2021\n\n"
        "Ada Marsh writes about the harbour and its history for the weekend pages of this paper.\n\n"
        "About us | Contact\n"
    )
    doc = split_document(page)
    assert doc.comments == []
    assert "museum" in doc.body
