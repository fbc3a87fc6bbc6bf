"""Comment layouts of session 17 (layouts17): a newsroom's community platform, a discussion board,
a bulletin board's postbit and product reviews. Every string here is invented."""

from __future__ import annotations

import pytest

from replyscope.evaluate.layout_variants import ROUND17_VARIANTS
from replyscope.split import split_document
from replyscope.split.chrome import is_badge_line, is_chrome
from replyscope.split.headers import cut_counters, read_header
from layout_checks import assert_rendered_and_split_back

THREAD = {
    "thread_id": "t17",
    "source": {"id": "t17", "title": "The ferry timetable changes again this winter", "text": "The island ferry will run two crossings a day from November instead of four.", "author": "harbourdesk", "created": "2021-10-02T08:00:00Z"},
    "replies": [
        {"id": "r1", "text": "Two crossings a day means the school run no longer works for anyone on the island.", "author": "Wren Halloway", "parent_id": "t17", "created": "2021-10-02T08:20:00Z", "stance": "comment"},
        {"id": "r2", "text": "The operator says the engines need a full refit before spring, so what choice is there?", "author": "tidewatcher", "parent_id": "r1", "created": "2021-10-02T09:05:00Z", "stance": "query"},
        {"id": "r3", "text": "We had the same cut four winters ago.\n\nIt lasted until Easter and nobody apologised.", "author": "Corin Vale", "parent_id": "t17", "created": "2021-10-02T10:10:00Z", "stance": "comment"},
        {"id": "r4", "text": "A second boat on loan from the mainland would solve most of it.", "author": "Ottilie Penn", "parent_id": "r2", "created": "2021-10-02T11:45:00Z", "stance": "support"},
    ],
}
OWN = ("r1", "r2", "r3", "r4")

ARTICLE = """Island Courier

The ferry timetable changes again this winter

The island ferry will run two crossings a day from November instead of four, the operator said on
Friday, while both of its vessels go through an overdue refit at the mainland yard. Parents say the
new times leave children waiting three hours on the quay after school, and the island council has
asked for a meeting with the operator before the change begins next month.
"""


def _split(section: str):
    return split_document(ARTICLE + "\n" + section)


def _said(section: str) -> list[tuple[str, str]]:
    return [(c.author, c.text) for c in _split(section).comments]


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("variant", ROUND17_VARIANTS)
def test_new_layouts_are_deterministic_and_the_splitter_finds_every_reply(variant, seed):
    assert_rendered_and_split_back(THREAD, OWN, variant, seed)


# ------------------------------------------------------------------ a newsroom's community platform


def test_community_platform_names_over_dotted_ages_and_word_counters():
    section = """Conversation
14 Comments

Featured
All comments
Log in

Hester Quayle
· 3 hours ago
The school bus could wait for the late boat if the council paid for one more driver.
Reply · Share · Report
Respect 12
Bram Okonjo
Subscriber
2h
Nobody has asked the drivers whether they would do it.
Reply · Share · Report
Respect 3
Show 2 replies

Load more
"""
    assert _said(section) == [
        ("Hester Quayle", "The school bus could wait for the late boat if the council paid for one more driver."),
        ("Bram Okonjo", "Nobody has asked the drivers whether they would do it."),
    ]


def test_counters_with_their_word_are_chrome_and_lone_badges_are_badges():
    for s in ("Respect 12", "4 Respect", "Upvote 7", "👍 12  👎 3"):
        assert is_chrome(s), s
    assert not is_chrome("Respect the crew, they work hard.")
    for s in ("Subscriber", "Top commenter", "Verified reader", "Senior Member", "Newbie"):
        assert is_badge_line(s) and not is_chrome(s), s  # (a badge over an age is no row of actions)
    assert not is_badge_line("Members of the crew said so")


# ------------------------------------------------------------------ a discussion board


def test_board_posts_with_their_place_and_a_quote():
    section = """1 / 4
Jump to

Marlow Finch
Senior Member
Oct 2, 2021  #2
The refit was announced in spring, they had all summer to find a second boat.
2 Likes
Reply

Petra Lindgard
Oct 2, 2021  #3
Marlow Finch said:
The refit was announced in spring, they had all summer to find a second boat.
Click to expand...
Every boat of that size was already on charter by June.
Reactions: Marlow, Ivo and 3 others
Reply
"""
    got = _split(section).comments
    assert [c.author for c in got] == ["Marlow Finch", "Petra Lindgard"]
    assert got[1].text.endswith("already on charter by June.")
    assert "Reactions" not in got[1].text and "Likes" not in got[0].text


def test_a_date_with_the_posts_place_after_it_is_still_a_date():
    for s in ("Oct '21  3 / 12", "Oct 2, 2021  #3", "2 Oct 2021  Post 3 of 12"):
        h = read_header(s)
        assert h is not None and h.kind == "date" and "3" not in h.posted_raw.replace("2021", "").replace("'21", ""), s


# ------------------------------------------------------------------ a bulletin board's postbit


def test_bulletin_postbit_date_number_name_profile_and_signature():
    section = """Thread options
Display Modes

10-02-2021, 09:14 AM   #2
skerrylad (offline)
Senior Member
Date joined: Mar 2012
Location: Larchholm
Posts: 1,874
Re: The ferry timetable changes again

Four winters ago they promised this would never happen again.
__________________
Tide waits for no one.

Reply With Quote
Report Post

10-02-2021, 10:02 AM   #3
Odile_R
Date joined: Jan 2019   Posts: 212

Quote:
Originally Posted by skerrylad
Four winters ago they promised this would never happen again.

And the council believed them both times.

Reply With Quote
Report Post
"""
    got = _split(section).comments
    assert [c.author for c in got] == ["skerrylad", "Odile_R"]
    assert got[0].text == "Four winters ago they promised this would never happen again."
    assert got[1].text.endswith("And the council believed them both times.")
    assert "Posts:" not in got[1].text and "Date joined" not in got[0].text


def test_profile_rows_and_board_buttons_are_chrome():
    for s in ("Date joined: Mar 2012   Location: Larchholm   Posts: 1,874", "Harbour regular   Date joined: Mar 2012   Posts: 12", "Reply With Quote", "Quote  Quick Reply", "Post #4", "Click to expand..."):
        assert is_chrome(s), s
    assert cut_counters("skerrylad (offline)") == cut_counters("skerrylad is offline") == "skerrylad"


# ------------------------------------------------------------------ product reviews


def test_reviews_with_titled_ratings_and_owner_responses():
    section = """Customer reviews
4.1 out of 5
212 ratings
5 star 58%
4 star 21%

Top reviews

Annis Brooke
★★★★☆ Does the job
Reviewed on October 2, 2021
Verified Purchase
Kept the whole family dry on the open deck for the full crossing.
14 people found this helpful
Helpful | Report

  Response from Gull Outfitters
  Oct 3, 2021
  Thank you, we are glad it held up on the crossing.

Tobin Sayer
Rated 2 out of 5
Seams let go
Posted 5d
Size: M | Colour: Green
The hood seam split on the second wet morning.
Helpful | Report
"""
    assert _said(section) == [
        ("Annis Brooke", "Kept the whole family dry on the open deck for the full crossing."),
        ("Gull Outfitters", "Thank you, we are glad it held up on the crossing."),
        ("Tobin Sayer", "The hood seam split on the second wet morning."),
    ]


def test_rating_lines_with_a_title_are_chrome_but_a_sentence_is_not():
    for s in ("★★★★☆ Does the job", "4.0 out of 5 stars Seams let go", "Rated 2 out of 5 Seams let go", "5 star 58%", "212 ratings", "Verified"):
        assert is_chrome(s), s
    assert not is_chrome("4 out of 5 people on the quay agreed with me.")
    h = read_header("Posted 5d")
    assert h is not None and h.kind == "date" and h.posted_raw == "5d"
