"""A header that carries its thread's navigation links is a comment's, whatever else the page shows.

"jo 3 hours ago | parent | next [–]": the links to the comment answered, the one before or after,
and the fold toggle are printed on a thread's comment headers and nowhere else. A thread of one or
two comments has few other marks (no section header, perhaps no Reply link, a name that reads like
a title), so these links vouch for it: a lone header that carries them heads the page's one reply,
a pair of them is a thread however its readers are named, and under such a header a reader's name
with a compact age glued to it ("jo 1d") heads a reply without a Reply link of its own.
Pages written for these tests (invented names and words).
"""

from __future__ import annotations

from replyscope.split import split_document

POST = (
    "Skip to content\nMenu\n\n"
    "Harbour wall to be rebuilt over the spring\n"
    "212 points by quaywatcher 5 hours ago | hide | past | favorite | 2 comments\n\n"
    "The council says the harbour wall will be rebuilt over eleven weeks this spring: http://example.org/wall\n\n\n"
    "add comment\n\n"
)
FOOTER = "Guidelines | FAQ | Lists | Contact\nSearch:\n"


def _comments(page: str) -> list[tuple[str, str]]:
    return [(c.author, c.text) for c in split_document(page).comments]


def test_a_lone_header_with_a_fold_toggle_heads_the_one_reply():
    page = POST + "kettle_drum 4 hours ago [-]\n@quaywatcher no it has not, that was last year's plan\n\nreply\n\n" + FOOTER
    assert _comments(page) == [("kettle_drum", "@quaywatcher no it has not, that was last year's plan")]


def test_two_linked_headers_are_a_thread_though_a_name_reads_like_a_title():
    page = POST + (
        "tamsin_v 4 hours ago | next\n\n"
        "Eleven weeks sounds brave. The bandstand took four months and it is a tenth of the size.\n\n"
        "    The Harbour Cat 3 hours ago | parent | prev\n\n"
        "    😂😂\n\n"
        "    reply\n\n"
    ) + FOOTER
    assert [a for a, _ in _comments(page)] == ["tamsin_v", "The Harbour Cat"]


def test_a_glued_age_under_a_linked_header_heads_a_reply_without_a_reply_link():
    page = POST + (
        "kettle_drum Yesterday at 3:28 PM | next [–]\n"
        "@quaywatcher about time, the promenade has been shut since the storm.\n\n"
        "Ada Marsh 1d\n"
        "👍\n\n"
    ) + FOOTER
    assert _comments(page) == [("kettle_drum", "@quaywatcher about time, the promenade has been shut since the storm."), ("Ada Marsh", "👍")]


def test_a_byline_with_a_page_link_row_is_no_comment():
    # (a site's own "« prev | next »" row of pages, under an article, is no thread's link)
    page = (
        "Home\nNews\n\n"
        "Harbour wall to be rebuilt over the spring\n\n"
        "By Ada Marsh | 3 March 2021\n\n"
        "The council confirmed on Tuesday that the harbour wall will be rebuilt over the spring, after two "
        "winters of storm damage left parts of the promenade closed to walkers.\n\n"
        "Work is expected to take eleven weeks and the promenade will stay open at weekends.\n\n"
        "« prev | next »\n\n"
        "About us | Contact\n"
    )
    assert split_document(page).comments == []


def test_a_section_header_with_its_count_after_the_word_heads_two_aged_replies():
    # ("Comments 2": the count after the word, as "Comments (2)" and "Comments: 2" print it)
    page = (
        "Home\nNews\n\n"
        "Harbour wall to be rebuilt over the spring\n\n"
        "By quaywatcher | 3 March 2021\n\n"
        "The council says the harbour wall will be rebuilt over eleven weeks: http://example.org/wall\n\n"
        "Share this:\nEmail\n\n"
        "Comments 2\n\nSort by\nNewest first\n\n"
        "@kettle_drum 2h\nAbout time too.\nReply\n\n"
        "@tamsin_v 2h\n👍\nReply\n\n"
    )
    assert _comments(page) == [("@kettle_drum", "About time too."), ("@tamsin_v", "👍")]
