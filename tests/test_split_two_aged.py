"""A video site's comments, two of them, each under "@handle <age>": the compact age ("2h") is read
after a handle where a comment-section header heads the comments and a Reply link closes each.
Every string here is invented."""

from __future__ import annotations

from replyscope.split import split_document

ARTICLE = """Harbour Gazette

Drone footage of the new breakwater

A local pilot filmed the new breakwater from the air on its first stormy night, with waves breaking
over the outer arm while the inner harbour stayed calm. The harbour board said the footage showed the
structure working exactly as the engineers had planned when they drew it up three years ago.
"""


def test_two_comments_headed_by_handles_with_compact_ages():
    page = split_document(
        ARTICLE
        + """
2 comments

Sort by
Newest first

@dunewalker 3h
Those waves would have been in the chip shop last winter.
12
Reply

@MaraQuell 2h
🤔
Reply
"""
    )
    assert [c.author for c in page.comments] == ["@dunewalker", "@MaraQuell"]
    assert [c.text for c in page.comments] == ["Those waves would have been in the chip shop last winter.", "🤔"]


def test_a_compact_age_after_a_name_without_a_section_or_reply_link_is_not_read():
    # ("Pier 3h" over a paragraph: no comment section over it, no Reply link under it)
    page = split_document(
        ARTICLE
        + """
Timeline

Pier 3h
The pier closed to walkers for three hours while the tide was at its highest point of the night.

Harbour 5h
The harbour master ordered the fishing fleet to stay tied up until the wind dropped at dawn.
"""
    )
    assert page.comments == []


def test_a_compact_age_beside_a_header_that_spells_its_age_out():
    # (no section header: the second header shows the page prints ages after names, and a reply
    # link closes the first comment's words)
    page = split_document(
        ARTICLE
        + """
Share
Print

kelpie77 5h
The outer arm was built from the old quarry stone, which is why it looks so rough.

reply

   Ivy Marr 5 hours ago | parent

   👏👏

   reply

More
"""
    )
    assert [c.author for c in page.comments] == ["kelpie77", "Ivy Marr"]
    assert page.comments[0].text == "The outer arm was built from the old quarry stone, which is why it looks so rough."
