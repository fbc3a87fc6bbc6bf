"""Who a dated line names: a commenter's profile card (name, place, "Total Comments (212)") beside
dated posts gives the author from its first line, never its tally, and a card under a post signs it;
a clock after an age, an idiom and a shared post's source name nobody."""

from __future__ import annotations

from replyscope.split import split_document
from replyscope.split.headers import read_header

ARTICLE = (
    "Council votes to keep the riverside bike lane for another year\n\n"
    "After three hours of public comment on Tuesday night, the council voted five to two to keep the "
    "protected lane on River Road open through next summer while the city counts who uses it.\n\n"
    "Shop owners on the road had asked for the parking spaces back. The transport office will publish "
    "monthly counts of riders and of deliveries on its website.\n\n"
)


def _authors(text: str) -> list[tuple[str, str]]:
    return [(c.author, c.posted_raw) for c in split_document(text).comments]


def test_a_card_under_each_post_signs_the_post_above_it() -> None:
    # as a forum's side column renders to text: date, post, then the number, actions and the card
    posts = [
        ("Jun 9, 2021  08:05 PM", "I ride it every morning. It is the only stretch where I feel safe with my kid on the back.", "Marta Quill", ""),
        ("Jun 9, 2021  08:31 PM", "You say safe, but my deliveries now park in the bus stop. Count that too.", "Odo Renfrew", "Dayton, OH"),
        ("Jun 9, 2021  08:44 PM", "one more year of this?", "kettle_jo", ""),
        ("Jun 9, 2021  09:02 PM", "I counted forty riders in an hour yesterday, you can check my photos. That is not nobody.", "Priya N.", "Bend , OR"),
    ]
    page = ARTICLE + "Comments (4) Add A Comment\n\n"
    for n, (date, words, name, place) in enumerate(posts, 1):
        card = f"{name}\n\n" + (f"{place}\n\n" if place else "") + f"Total Comments ({n * 37})\n\n"
        page += f"{date}\nReport Abuse | QUOTE\n\n{words}\n\n{n}\n  • Profile\n  • Contact\n\n{card}"
    page += "Add a comment\n"
    comments = split_document(page).comments
    assert [(c.author, c.posted_raw) for c in comments] == [(name, date) for date, _, name, _ in posts]
    # the card is no part of the words it signs
    for c, (_, words, name, _) in zip(comments, posts):
        assert c.text.strip().startswith(words)
        assert "Total Comments" not in c.text and name not in c.text


def test_a_card_over_each_post_names_the_post_under_it() -> None:
    posts = [
        ("Jo Lake", "Leeds, UK", "Jun 9, 2021 9:10 am", "I am glad they kept it. A year of counts settles the argument either way."),
        ("Ann Berg", "", "Jun 9, 2021 9:40 am", "Counts of what, though? Nobody rides in January and you know it."),
        ("Sam Ortiz", "Austin, TX", "Jun 9, 2021 10:02 am", "My guess is the shops win next summer whatever the numbers say."),
    ]
    page = ARTICLE + "3 Comments\n\n"
    for n, (name, place, date, words) in enumerate(posts, 1):
        page += f"{name}\n\n" + (f"{place}\n\n" if place else "") + f"Total Comments ({n * 12})\n\n{date}\n\n{words}\n\n"
    assert _authors(page) == [(name, date) for name, _, date, _ in posts]


def test_a_clock_after_an_age_is_the_stamp_s_not_a_name() -> None:
    h = read_header("3 minutes ago ( 9:41 AM)")
    assert h is not None and h.author == "" and h.posted_raw == "3 minutes ago"


def test_the_idiom_enough_said_heads_no_comment() -> None:
    assert read_header("Enough said.") is None
    assert read_header("’nuff said") is None
    assert read_header("Jo Lake said:").author == "Jo Lake"


def test_a_shared_post_s_source_is_no_commenter() -> None:
    # a feed widget beside the article: each post's age, then the app or site it came from
    assert read_header("53 minutes ago from Tweet Button") is None
    assert read_header("2 hours ago via Buffer") is None
    assert read_header("2 hours ago Jo Lake").author == "Jo Lake"


def test_a_user_number_a_star_a_time_zone_and_a_permalink_are_no_part_of_a_name() -> None:
    assert read_header("by Kim Osei (90210) * writes:").author == "Kim Osei"
    h = read_header("June 9, 2021 at 8:05 pm (UTC -4) Link to this comment")
    assert h is not None and h.author == "" and h.posted_raw == "June 9, 2021 at 8:05 pm"
    assert read_header("Jo Lake June 9, 2021 (GMT+1) Permalink").author == "Jo Lake"
