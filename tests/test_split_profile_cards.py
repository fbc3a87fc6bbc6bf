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


# A comment widget whose cards sit over a date-only header: a badge on some cards (the same words
# each time), the name, a motto on some, the tally; then the age and the words; then the widget's links.
CARD_POSTS = [
    ("TOP READER", "marta_q", "Cyclist, Dayton", "412", "2 minutes ago ( 9:41 AM)", "I ride it every morning with my kid on the back."),
    ("", "odo renfrew", "Counts matter more than shouting", "57", "4 minutes ago ( 9:39 AM)", "My deliveries park in the bus stop now. Count that too."),
    ("TOP READER", "kettle_jo", "", "1,208", "6 minutes ago ( 9:37 AM)", "One more year of this? Fine, but publish the numbers."),
    ("", "Priya N", "Bend, OR", "9", "9 minutes ago ( 9:34 AM)", "I counted forty riders in an hour yesterday morning."),
    ("TOP READER", "marta_q", "Cyclist, Dayton", "412", "12 minutes ago ( 9:31 AM)", "And the shops on the corner are busier than ever."),
]


def _card_widget(posts=CARD_POSTS, tally="Fans") -> str:
    page = ARTICLE + "Comments\n\nNewest | Oldest\n"
    for badge, name, motto, fans, age, words in posts:
        card = (f"{badge}\n" if badge else "") + f"{name}\n" + (f"{motto}\n" if motto else "") + f"{fans} {tally}\n"
        page += f"{card}{age}\n{words}\nPermalink | Share it\nReport abuse\n\nLoading replies…\n\n"
    return page + "Post a comment\n"


def test_a_card_over_a_date_only_header_names_the_comment_not_its_badge() -> None:
    comments = split_document(_card_widget()).comments
    assert [(c.author, c.posted_raw) for c in comments] == [(name, age.split(" (")[0]) for _, name, _, _, age, _ in CARD_POSTS]
    for c, (_, _, _, _, _, words) in zip(comments, CARD_POSTS):
        # the next commenter's card is no part of this comment's words
        assert c.text.strip().startswith(words)
        assert "Fans" not in c.text and "TOP READER" not in c.text
        assert not any(name in c.text for _, name, _, _, _, _ in CARD_POSTS)


def test_a_card_s_tally_is_read_with_its_count() -> None:
    from replyscope.split.cards import is_profile_tally
    from replyscope.split.lines import split_lines

    lines = split_lines("57 Fans\n• 12 Followers\nFans\nTotal Comments (212)\n186 fans of the team\n")
    assert [is_profile_tally(lines, i) for i in range(5)] == [True, True, False, True, False]


def test_cards_on_one_header_only_are_no_pattern() -> None:
    # one card over one date-only header among plain ones: its lines are not read as a card
    posts = [CARD_POSTS[0]] + [("", "", "", "", age, words) for _, _, _, _, age, words in CARD_POSTS[1:]]
    page = ARTICLE + "Comments\n\n"
    for badge, name, motto, fans, age, words in posts:
        if name:
            page += f"{badge}\n{name}\n{motto}\n{fans} Fans\n"
        page += f"{age}\n{words}\n\n"
    assert [c.author for c in split_document(page).comments][1:] == [""] * 4


def _echo_widget(posts, closing="Log | Link | Pass it on", tail="") -> str:
    # each comment echoed by the widget ("handle: its first words") over its permalink, then a
    # row of actions; the handle in the echo is the card's name with its spaces as underscores
    page = ARTICLE + "Comments\n\nNewest | Oldest\n"
    for n, (badge, name, motto, fans, age, words) in enumerate(posts):
        handle = name.replace(" ", "_")
        card = (f"{badge}\n" if badge else "") + (f"{name}\n" if name else "") + (f"{motto}\n" if motto else "") + f"{fans} Fans\n"
        echo = " ".join(words.split()[:7])
        page += f"{card}{age}\n{words}\n{handle or 'sep2019'}: {echo}\nhttp://talk.example.org/social/{handle or 'sep2019'}/bike-lane_{n}.html\n{closing}\n\n"
    return page + tail


def test_a_widget_s_echo_of_a_comment_and_its_permalink_are_no_part_of_its_words() -> None:
    posts = [
        ("TOP READER", "Jo Lake", "Gardener, Leeds", "186", "2 minutes ago ( 9:41 AM)", "They kept it, good. A year of counts settles the argument either way, and I will be counting too."),
        ("", "Ann Berg", "", "3", "4 minutes ago ( 9:39 AM)", "Counts of what, though?"),
        ("", "kettle jo", "Tea first", "57", "6 minutes ago ( 9:37 AM)", "Nobody rides in January and you know it, so the winter numbers will look bad."),
        ("TOP READER", "marta_q", "Cyclist, Dayton", "412", "12 minutes ago ( 9:31 AM)", "And the shops on the corner are busier than ever."),
    ]
    # under the last comment, the page's own furniture: a pager and a table of results
    tail = (
        "Pages 1 2 3 More\nnew replies on this story, click to see them\n\nLeague table\n1\t\tHarbour Town\t\t36\n"
        "2\t\tMill Lane\t\t31\nLatest results\nRowing - Women's eights\nHarbour Town - Mara Quell\n"
    )
    comments = split_document(_echo_widget(posts, tail=tail)).comments
    assert [c.author for c in comments] == [name for _, name, _, _, _, _ in posts]
    assert [c.text.strip() for c in comments] == [words for *_, words in posts]


def test_an_echo_names_a_comment_whose_card_prints_a_handle_that_reads_as_a_date() -> None:
    posts = [
        ("TOP READER", "Jo Lake", "Gardener, Leeds", "186", "2 minutes ago ( 9:41 AM)", "They kept it, good. A year of counts settles the argument either way, and I will be counting too."),
        ("", "", "", "3", "4 minutes ago ( 9:39 AM)", "Counts of what, though?"),
        ("", "kettle jo", "Tea first", "57", "6 minutes ago ( 9:37 AM)", "Nobody rides in January and you know it, so the winter numbers will look bad."),
        ("TOP READER", "marta_q", "Cyclist, Dayton", "412", "12 minutes ago ( 9:31 AM)", "And the shops on the corner are busier than ever."),
    ]
    page = _echo_widget(posts).replace("\n3 Fans\n", "\nsep2019\n3 Fans\n")
    comments = split_document(page).comments
    assert [c.author for c in comments] == ["Jo Lake", "sep2019", "kettle jo", "marta_q"]
    assert comments[1].text.strip() == "Counts of what, though?"


def test_a_line_quoting_another_reader_stays_in_the_comment() -> None:
    # "name: words" that are not this comment's own first words is the reader's quote
    posts = [
        ("TOP READER", "Jo Lake", "Gardener, Leeds", "186", "2 minutes ago ( 9:41 AM)", "They kept it, good. A year of counts settles the argument either way, and I will be counting too."),
        ("", "Ann Berg", "", "3", "4 minutes ago ( 9:39 AM)", "Counts of what, though?\nJoLake: They kept it, good. A year of counts"),
        ("", "kettle jo", "Tea first", "57", "6 minutes ago ( 9:37 AM)", "Nobody rides in January and you know it, so the winter numbers will look bad."),
        ("TOP READER", "marta_q", "Cyclist, Dayton", "412", "12 minutes ago ( 9:31 AM)", "And the shops on the corner are busier than ever."),
    ]
    page = ARTICLE + "Comments\n\n"
    for badge, name, motto, fans, age, words in posts:
        page += f"{badge}\n{name}\n{motto}\n{fans} Fans\n{age}\n{words}\nLink | Pass it on\n\n"
    comments = split_document(page).comments
    assert len(comments) == 4 and "JoLake: They kept it" in comments[1].text


def test_a_weekday_over_a_clock_is_a_time_stamp_not_a_reader() -> None:
    assert read_header("Fri\t\t9:05 PM") is None or read_header("Fri\t\t9:05 PM").author == ""
    assert read_header("tuesday 9:05 PM") is None or read_header("tuesday 9:05 PM").author == "tuesday"


def test_a_numbered_profile_link_over_each_comment_is_no_part_of_the_comment_above() -> None:
    posts = [
        ("Jun 9, 2021 at 5:02 pm", "marta_q", "I ride it every morning with my kid on the back, and it is the only safe stretch."),
        ("Jun 9, 2021 at 5:13 pm", "Odo Renfrew", "My deliveries park in the bus stop now. Count that too, council."),
        ("Jun 9, 2021 at 6:52 pm", "kettle_jo", "One more year of this? Fine, but publish the numbers every month."),
    ]
    page = ARTICLE + "Three readers have commented\n\n"
    for n, (date, name, words) in enumerate(posts, 1):
        page += f"  {n}. Profile\n    {date}\n    {name}\n\n    {words}\n\n"
    page += "Leave a comment\n"
    comments = split_document(page).comments
    assert [c.author for c in comments] == [name for _, name, _ in posts]
    assert [c.text.strip() for c in comments] == [words for *_, words in posts]
    assert read_header("Profile") is None


def test_numbered_names_over_comments_signed_below_by_a_date_name_them() -> None:
    posts = [
        ("dunewalker", "A year of counts settles it either way, and I will be counting the bikes from my window too."),
        ("Mara Quell", "Counts of what, though? Nobody rides in January and everybody knows it."),
        ("Ferry Fan 2021 - vote the whole council out next May, every one of them", "Publish the numbers every month, then we can talk."),
    ]
    page = ARTICLE + "Have your say\n\nReaders (3 replies)\n"
    for n, (name, words) in enumerate(posts, 1):
        page += f"  {n}. {name}\n\n    {words}\n\n    June {n + 8}, 2021 09:0{n} pm at 9:0{n} pm |\n"
    page += "Post a comment\n"
    comments = split_document(page).comments
    assert [c.author for c in comments] == [name for name, _ in posts]
    assert [c.text.strip() for c in comments] == [words for _, words in posts]


def test_a_surname_that_opens_like_a_weekday_stays_in_the_name() -> None:
    # "Monroe", "Sunny", "Wedmore", "Satya": a name, not "Mon", "Sun", "Wed", "Sat" and a date
    for name in ("Kai Monroe", "Tova Sunny", "Odo Wedmore", "Mara Satya"):
        h = read_header(f"{name} 07 Mar 19")
        assert h is not None and (h.author, h.posted_raw) == (name, "07 Mar 19"), name
    for stamp in ("Thursday, May 3, 2012 at 9:05 pm", "Thurs. May 3, 2012", "Sat 3 May 2012"):
        h = read_header(stamp)
        assert h is not None and h.author == "" and h.posted_raw == stamp, stamp
