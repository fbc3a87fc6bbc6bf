"""Comment lists whose items open on a numbered date: the date is the comment's, never its author."""

from __future__ import annotations

from replyscope.split import split_document

ARTICLE = (
    "Continuous improvement: a short list\n\n"
    "Every autumn I write down the three habits I want to fix before the year ends. This year the list is "
    "shorter than usual, but each item is harder than it looks on paper.\n\n"
    "First, less email. Second, more sleep. Third, finishing the book I started in March.\n\n"
    "What is on your list? Share it with the other readers below.\n\n"
)


def _names_and_dates(text: str) -> list[tuple[str, str]]:
    return [(c.author, c.posted_raw) for c in split_document(text).comments]


def test_a_numbered_date_over_a_name_dates_that_name_s_comment() -> None:
    page = ARTICLE + (
        "4 Responses to “Continuous improvement: a short list”\n\n"
        "  1. March 3, 2015\n\n    Wes Halloran\n\n"
        "    Mine is the same as yours. I should stop opening my inbox before breakfast every day.\n\n"
        "    Wes @ SlowMornings\n\n"
        "  2. March 3, 2015\n\n    Pine Ridge Studio\n\n"
        "    Good list. We are down to two habits here, cooking at home and walking to the station daily.\n\n"
        "  3. March 4, 2015\n\n    Tilda\n\n"
        "    I want to read more paper books this spring and keep a proper budget for once.\n\n"
        "  4. March 6, 2015\n\n    Bram\n\n"
        "    I write lists all the time, but then I lose the paper! A single notebook would help me.\n"
    )
    assert _names_and_dates(page) == [
        ("Wes Halloran", "March 3, 2015"),
        ("Pine Ridge Studio", "March 3, 2015"),
        ("Tilda", "March 4, 2015"),
        ("Bram", "March 6, 2015"),
    ]
    # the sign-off under the first comment stays its last line, not the next one's author
    assert split_document(page).comments[0].text.rstrip().endswith("Wes @ SlowMornings")


def test_a_numbered_date_over_a_said_line_is_that_comment_s_date() -> None:
    page = ARTICLE + (
        "Filed under: Travel | 3 Comments »\n\n"
        "  1. June 14th, 2016 at 7:05 pm\n\n    quietfjord said,\n\n"
        "    Which ferry did you take between the islands? We are going there at the end of the month!\n\n"
        "  2. June 14th, 2016 at 7:19 pm\n\n    Marta said,\n\n"
        "    Nice route, though I would have added one more night in the old harbour town on the way back.\n\n"
        "  3. June 14th, 2016 at 7:26 pm\n\n    oskar said,\n\n"
        "    @quietfjord The morning ferry is the cheaper one. Book it a week ahead in the summer.\n"
    )
    assert _names_and_dates(page) == [
        ("quietfjord", "June 14th, 2016 at 7:05 pm"),
        ("Marta", "June 14th, 2016 at 7:19 pm"),
        ("oskar", "June 14th, 2016 at 7:26 pm"),
    ]


def test_a_day_before_its_month_is_no_list_number() -> None:
    # "4 Feb 14 at 10:52 pm" under the name is the date itself: the 4 is its day
    page = ARTICLE + (
        "1 Comment\n\n"
        "  1. Reza Lind\n    4 Feb 14 at 10:52 pm\n\n"
        "    Fair point about the timing, Nora. That is exactly why our spring launch went so badly.\n\n"
        "    Reply\n\nLeave a Comment\n"
    )
    assert _names_and_dates(page) == [("Reza Lind", "4 Feb 14 at 10:52 pm")]
