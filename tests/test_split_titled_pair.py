"""A titled-post thread of two (a title line over each "by NAME (id) on DATE" header).

The second post's title sits under the first post's row of actions ("Reply to This Share"): it is
the second post's (an emoji's, "👍 (Score:1)", as well), even when the first post's title was too
long to read as one (a long link cut off by the page). And under the last post, after its own row of actions, the page's furniture
("Harbour Deals") is no part of its words when its row prints only actions the first post's row
prints too ("Share" after "Reply to This Share"). Pages written for these tests (invented).
"""

from __future__ import annotations

from replyscope.split import split_document
from splitpages import HARBOUR_POST as POST

LONG_TITLE = "[Harbour board minutes, spring session](https://example.org/archive/harbour-board/minutes/spring-session) [Why (Score:4)"


def _page(second_title: str, second_words: str, last_row: str) -> str:
    return POST + (
        "2 Comments\nDisplay Options\nThreshold: 1, Nested\n\n"
        f"{LONG_TITLE}\n"
        "by Anonymous Reader on Tuesday March 03, 2020 @09:10AM (#55012345)\n\n"
        "[Harbour board minutes, spring session](https://example.org/archive/harbour-board/minutes/spring-session)\n\n"
        "*This link was posted automatically; ask the moderators if you have questions.*\n\n"
        "Reply to This Share\n\n"
        f"{second_title} (Score:1)\n"
        "by kettle_drum (5120877) on Tuesday March 03, 2020 @09:40AM (#55012399)\n\n"
        f"{second_words}\n\n"
        f"{last_row}\n\n"
        "Harbour Deals\n"
    )


def test_the_title_under_the_first_posts_row_is_the_second_posts():
    comments = split_document(_page("👍", "👍", "Reply to This")).comments
    assert [(c.author, c.text) for c in comments][1:] == [("kettle_drum", "👍")]
    assert comments[0].text.endswith("if you have questions.*")  # (the second title is no word of the first post)


def test_the_furniture_under_the_last_posts_shorter_row_is_the_pages():
    comments = split_document(_page("About time, the promenade", "About time, the promenade has been shut all winter.", "Share")).comments
    assert [(c.author, c.text) for c in comments][1:] == [("kettle_drum", "About time, the promenade has been shut all winter.")]
