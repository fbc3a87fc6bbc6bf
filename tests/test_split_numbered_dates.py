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
        "  1. November 5, 2012\n\n    Dan Garner\n\n"
        "    I too need to sharpen my focus. I need to quit checking email every two hours.\n\n"
        "    Dan @ ZenPresence\n\n"
        "  2. November 5, 2012\n\n    Foro Vietnam\n\n"
        "    Amazing trip. Just four countries left, impressive flying in business and sleeping on the floor.\n\n"
        "  3. November 6, 2012\n\n    Gigi\n\n"
        "    I need to start pursuing more speaking opportunities and track my finances better.\n\n"
        "  4. November 7, 2012\n\n    Hope\n\n"
        "    I like to make lists, but then I can never find the lists! Organization is key for me.\n"
    )
    assert _names_and_dates(page) == [
        ("Dan Garner", "November 5, 2012"),
        ("Foro Vietnam", "November 5, 2012"),
        ("Gigi", "November 6, 2012"),
        ("Hope", "November 7, 2012"),
    ]
    # the sign-off under the first comment stays its last line, not the next one's author
    assert split_document(page).comments[0].text.rstrip().endswith("Dan @ ZenPresence")


def test_a_numbered_date_over_a_said_line_is_that_comment_s_date() -> None:
    page = ARTICLE + (
        "Filed under: Travel | 3 Comments »\n\n"
        "  1. August 9th, 2012 at 8:38 am\n\n    infamousdx said,\n\n"
        "    What hotels have you stayed at in Bali besides the one you reviewed? Heading there in two weeks!\n\n"
        "  2. August 9th, 2012 at 8:41 am\n\n    Kevin said,\n\n"
        "    Agree with all of your choices, but a couple of my other favourites are Buenos Aires and Cape Town.\n\n"
        "  3. August 9th, 2012 at 8:42 am\n\n    lucky said,\n\n"
        "    @infamousdx In Bali I have stayed at three places. I would rank them in that order too.\n"
    )
    assert _names_and_dates(page) == [
        ("infamousdx", "August 9th, 2012 at 8:38 am"),
        ("Kevin", "August 9th, 2012 at 8:41 am"),
        ("lucky", "August 9th, 2012 at 8:42 am"),
    ]


def test_a_day_before_its_month_is_no_list_number() -> None:
    # "7 Aug 12 at 11:21 pm" under the name is the date itself: the 7 is its day
    page = ARTICLE + (
        "1 Comment\n\n"
        "  1. Alan Tay\n    7 Aug 12 at 11:21 pm\n\n"
        "    You made your point there, Sara. Some of your points are the reasons my last campaign failed.\n\n"
        "    Reply\n\nLeave a Comment\n"
    )
    assert _names_and_dates(page) == [("Alan Tay", "7 Aug 12 at 11:21 pm")]
