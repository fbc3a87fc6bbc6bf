"""Short comments: threads of one-line replies, and pages with a single comment, are still threads.

Real comment sections are full of short replies ("So true.", "Source?", "This.", "lol no"). A thread
is told from a list by its structure (a repeated header shape, people's names, dates or relative
times, a comment-section header, Reply/Like chrome) and by replies that talk, not by text length.
Every page here is written for these tests; next to each format are lists shaped like it that must
still give no comments.
"""

from __future__ import annotations

import pytest

from replyscope.split import clear_caches, split_document
from replyscope.split.lines import split_lines
from replyscope.split.listlike import reads_like_thread
from replyscope.split.talk import TALK_LINES, is_headline, talks, texts_talk

ARTICLE = (
    "Library to stay open late during exam season\n\n"
    "The central library will keep its reading rooms open until midnight for the four weeks of the spring "
    "exam season, the culture department announced on Thursday after a petition from students.\n\n"
    "The petition, signed by more than three thousand people, argued that many students share crowded flats "
    "and have nowhere quiet to work in the evenings once the university buildings close their doors.\n\n"
    "The extra hours will be staffed by volunteers and two security guards, and the department will decide "
    "in the summer whether to repeat the scheme next year, depending on how many people use it.\n\n"
)

SHORT = [
    ("Hannah Cole", "So true."),
    ("Derek P", "Source?"),
    ("Maya", "This."),
    ("Rui", "lol no"),
]


def comments_of(text: str) -> list[tuple[str, str]]:
    return [(c.author, c.text) for c in split_document(text).comments]


# --- the talk test on its own ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["So true.", "Source?", "This.", "lol no", "Agreed", "What a great idea!", "@Derek read the second paragraph",
     "Nah, they tried that in 2009 and nobody came", "I would go every night."],
)
def test_short_replies_talk(text: str) -> None:
    assert talks([text])


@pytest.mark.parametrize(
    "text",
    [
        "Harbour Car Park To Close For Resurfacing",  # a link title
        "Do You Prefer The Classic Layout Or The New One?",  # a poll's title, in Title Case
        "Could the new tram line finally fix the traffic jams on the ring road through the old town?",  # a teaser
        "Players of little-known games chase new fans online",
        "• Where to watch the launch live online",  # a bulleted list item
    ],
)
def test_titles_teasers_and_list_items_do_not_talk(text: str) -> None:
    assert not talks([text])


def test_talk_is_read_from_the_first_lines_of_text_only() -> None:
    # (talks caches its verdict on those lines: blanks and lines past TALK_LINES must not change it)
    filler = ["Harbour Car Park To Close For Resurfacing"] * (TALK_LINES - 1)
    assert talks(["", "", *filler, "", "I think you are wrong about this."]) == talks([*filler, "I think you are wrong about this."]) is True
    assert talks([*filler, "Read the council notice", "I think you are wrong about this."]) is False  # the eighth line is not read


def test_clear_caches_forgets_talk_verdicts() -> None:
    # benchmarks start cold: the talk cache is one of the line caches split_document trims and clears
    split_document(ARTICLE + "Comments\n\n" + "".join(f"{name} says:\n{text}\n\n" for name, text in SHORT))
    assert texts_talk.cache_info().currsize > 0
    clear_caches()
    assert texts_talk.cache_info().currsize == 0


def test_is_headline() -> None:
    assert is_headline("Five Harbours Worth A Winter Visit")
    assert not is_headline("five harbours are worth a winter visit, I think")


# --- short threads in every format -----------------------------------------------------------------


def test_disqus_thread_of_short_replies() -> None:
    text = ARTICLE + "".join(f"  • {n}\n\n    {t}\n\n" for n, t in [
        ("Hannah Cole", "About time, honestly."), ("bookworm_22", "So true."), ("Derek P", "Source?"),
        ("Maya", "This is great news for us."), ("Old Timer", "lol no way they keep it."), ("Rui", "Finally some sense."),
    ])
    got = comments_of(text)
    assert [a for a, _ in got] == ["Hannah Cole", "bookworm_22", "Derek P", "Maya", "Old Timer", "Rui"]
    assert got[2][1] == "Source?"
    assert "So true." not in split_document(text).body


def test_disqus_thread_where_every_comment_is_a_word_or_two() -> None:
    text = ARTICLE + "".join(f"  • {n}\n\n    {t}\n\n" for n, t in SHORT)
    assert comments_of(text) == SHORT


def test_disqus_with_reply_and_like_chrome() -> None:
    text = ARTICLE + "".join(f"  • {n}\n\n    {t}\n\n      • Reply\n      • Like\n\n" for n, t in SHORT[:3])
    assert comments_of(text) == SHORT[:3]


@pytest.mark.parametrize(
    "stamps", [["3 days ago", "2 days ago", "a day ago", "5 hours ago"],
               ["June 3, 2017 10:14 AM", "June 3, 2017 11:02 AM", "June 4, 2017 8:40 PM", "June 5, 2017 7:00 AM"]],
)
def test_disqus_with_a_date_line_under_the_name(stamps: list[str]) -> None:
    text = ARTICLE + "".join(f"  • {n}\n    {d}\n\n    {t}\n\n" for (n, t), d in zip(SHORT, stamps))
    split = split_document(text)
    assert [(c.author, c.text) for c in split.comments] == SHORT
    assert [c.posted_raw for c in split.comments] == stamps


def test_mix_of_short_and_long_comments() -> None:
    long = (
        "I studied there every night when I was at university, and the worst part was always being sent "
        "home at nine just when I was finally getting somewhere with my notes."
    )
    pairs = [("Hannah Cole", "So true."), ("bookworm_22", long), ("Derek P", "Source?"), ("Maya", "This.")]
    text = ARTICLE + "".join(f"  • {n}\n\n    {t}\n\n" for n, t in pairs)
    assert comments_of(text) == pairs


def test_wordpress_says_thread_of_short_replies() -> None:
    text = ARTICLE + "4 Responses\n\n" + "".join(
        f"{n} says:\nMay {k + 2}, 2016 at 9:1{k} am\n\n{t}\n\nReply\n\n" for k, (n, t) in enumerate(SHORT)
    ) + "Leave a Reply\n"
    assert comments_of(text) == SHORT


def test_blogger_said_thread_of_short_replies() -> None:
    text = ARTICLE + "3 comments:\n\n" + "".join(
        f"{n} said...\n\n    {t}\n\n    May 2, 2016 at 9:1{k} AM\n\n" for k, (n, t) in enumerate(SHORT[:3])
    ) + "Post a Comment\n"
    split = split_document(text)
    assert [(c.author, c.text) for c in split.comments] == SHORT[:3]
    assert split.comments[0].posted_raw == "May 2, 2016 at 9:10 AM"


def test_numbered_thread_of_short_replies() -> None:
    text = ARTICLE + "Comments\n\n" + "".join(
        f"{k}. {n}\nMay 2, 2016 {k}:15 pm\n{t}\n\n" for k, (n, t) in enumerate(SHORT[:3], 1)
    )
    # ("3. Maya" is a name after a list number, not the month of May)
    assert comments_of(text) == SHORT[:3]


def test_comments_heading_then_names_with_relative_times() -> None:
    text = ARTICLE + "Comments\n\n" + "".join(
        f"{n}\n{k + 1} hours ago\n{t}\n\n" for k, (n, t) in enumerate(SHORT[:3])
    )
    assert comments_of(text) == SHORT[:3]


# --- a single comment ------------------------------------------------------------------------------


def test_single_disqus_comment() -> None:
    text = ARTICLE + "  • Hannah Cole\n\n    About time, the old hours were useless for anyone with a job.\n\n"
    assert comments_of(text) == [("Hannah Cole", "About time, the old hours were useless for anyone with a job.")]


def test_single_short_comment_under_a_one_comment_header() -> None:
    text = ARTICLE + "1 Comment\n\n  • Hannah Cole\n\n    So true.\n\n"
    assert comments_of(text) == [("Hannah Cole", "So true.")]


def test_single_says_comment_under_one_response_to() -> None:
    text = ARTICLE + "One response to “Library to stay open late”\n\nHannah Cole says:\nMay 2, 2016 at 9:14 am\n\nSo true.\n\nLeave a Reply\n"
    assert comments_of(text) == [("Hannah Cole", "So true.")]


def test_single_blogger_comment() -> None:
    text = ARTICLE + "1 comment:\n\nHannah Cole said...\n\n    So true.\n\n    May 2, 2016 at 9:14 AM\n\nPost a Comment\n"
    assert comments_of(text) == [("Hannah Cole", "So true.")]


# --- lists shaped like these threads still give nothing -----------------------------------------------


def test_single_author_box_is_not_a_comment() -> None:
    text = ARTICLE + "  • Dana Whitfield\n\n    Dana Whitfield covers transport and the city budget for the paper.\n\n"
    assert comments_of(text) == []


def test_single_bulleted_link_title_is_not_a_comment() -> None:
    text = ARTICLE + "  • Five Harbours Worth A Winter Visit\n\n    Our pick of the quietest quays on the coast.\n\n"
    assert comments_of(text) == []


def test_widget_column_with_a_title_case_poll_is_not_a_thread() -> None:
    text = ARTICLE + (
        "  • Deals Of The Week\n\n    Garden Hose Reel From The Hardware Shop\n    $19.99\n\n"
        "  • Reading Rooms\n\n    (Type a branch name in the box to search your area)\n\n"
        "  • Current Poll\n\n    Do You Want The Old Opening Hours Or The New Ones?\n    View Results\n\n"
    )
    assert comments_of(text) == []


def test_teaser_list_with_questions_is_not_a_thread() -> None:
    text = ARTICLE + "".join(f"  • {n}\n\n    {t}\n\n" for n, t in [
        ("Night buses", "Could a night bus network bring the suburbs closer to the centre after midnight?"),
        ("Quiet rooms", "Are libraries the last free indoor space left in the modern city centre?"),
        ("Study spaces", "How three universities are turning empty car parks into study halls"),
    ])
    assert comments_of(text) == []


def test_dated_list_of_bulleted_stories_is_not_a_thread() -> None:
    text = ARTICLE + (
        "Dana Whitfield\nAugust 7, 2016 6:00 AM\n• What we found inside the old reading room (gallery)\n\n"
        "Tom Reyes\nAugust 5, 2016 8:47 AM\n• Where you can watch the council debate live online\n\n"
        "Ana Silva\nAugust 4, 2016 11:38 AM\nAdvertise with us\nnext story\nA new app lets you book a study desk\n"
    )
    assert comments_of(text) == []


def test_two_org_names_with_dates_are_not_a_thread() -> None:
    text = ARTICLE + (
        "HARBOUR POST Forecasts\nAug. 9, 2016\nOur outlook: we expect ferry numbers to hold steady this autumn.\n\n"
        "HARBOUR POST Estimates\nAug. 9, 2016\nWe count 1.2 million passengers for the year so far.\n"
    )
    assert comments_of(text) == []


def test_reads_like_thread_rejects_comments_that_open_with_a_bulleted_item() -> None:
    page = (
        "• What we found inside the old reading room (gallery)\n"
        "• Where you can watch the council debate live online\n"
        "I think you are all missing the point about the opening hours.\n"
        "• 10:11 am\n"
    )
    lines = split_lines(page)
    assert not reads_like_thread(lines, [[0], [1], [2]], dated=True, zone_start=0)
    # a bulleted time opening a comment is its header line, not a list item
    assert reads_like_thread(lines, [[3, 2], [3, 2], [2]], dated=True, zone_start=0)


def test_reads_like_thread_takes_tiny_replies_only_when_they_talk() -> None:
    page = "So true.\nSource?\nThis.\nNewsletter\nArchive\nContact\n"
    lines = split_lines(page)
    assert reads_like_thread(lines, [[0], [1], [2]], dated=False, zone_start=0)
    assert not reads_like_thread(lines, [[3], [4], [5]], dated=False, zone_start=0)
    # two tiny replies alone are not enough, unless a comment-section header heads them
    assert not reads_like_thread(lines, [[0], [1]], dated=False, zone_start=0)
    assert reads_like_thread(lines, [[0], [1]], dated=False, zone_start=0, headed=True)


def test_single_disqus_comment_with_a_relative_time() -> None:
    text = ARTICLE + "  • Hannah Cole\n    3 days ago\n\n    Source?\n\n"
    split = split_document(text)
    assert [(c.author, c.text, c.posted_raw) for c in split.comments] == [("Hannah Cole", "Source?", "3 days ago")]


def test_single_tiny_comment_vouched_for_by_its_reply_link() -> None:
    text = ARTICLE + "  • Hannah Cole\n\n    So true.\n\n      • Reply\n      • Like\n\n"
    assert comments_of(text) == [("Hannah Cole", "So true.")]
    # the same line with nothing around it that only comments carry stays unread
    assert comments_of(ARTICLE + "  • Hannah Cole\n\n    So true.\n\n") == []


def test_disqus_replies_name_their_target_after_the_author() -> None:
    text = ARTICLE + (
        "  • Hannah Cole\n\n    So true.\n\n"
        "      • Derek P  Hannah Cole\n\n        Source?\n\n"
        "          • Hannah Cole  Derek P\n\n            Page two of the report.\n\n"
        "  • Maya\n\n    This.\n\n"
    )
    split = split_document(text)
    assert [c.author for c in split.comments] == ["Hannah Cole", "Derek P", "Hannah Cole", "Maya"]
    assert [c.depth for c in split.comments] == [0, 1, 2, 0]
    assert split.comments[2].parent == 1


@pytest.mark.parametrize(
    "head",
    [
        "{n} says:\n{k} hours ago\n\n{t}\n\nReply\n\n",  # WordPress with a relative time
        "{n} | {k} days ago\n{t}\n\n",  # name and age on one line
        "{n} on June {k}, 2017 at 10:14 am said:\n\n{t}\n\n",  # "on DATE said:"
        "{t}\n\nPosted by: {n} | June {k}, 2017 at 10:14 AM\n\n",  # TypePad: the header signs from below
    ],
)
def test_short_replies_in_other_header_formats(head: str) -> None:
    text = ARTICLE + "Comments\n\n" + "".join(head.format(n=n, t=t, k=k) for k, (n, t) in enumerate(SHORT, 1))
    assert comments_of(text) == SHORT


def test_talk_words_read_per_line_as_in_the_joined_window():
    # a line ending on "thank" and the next opening with "you": the words of talk run over the
    # joint, and the first line (not a headline) is the one they are found on, though the next
    # line, read alone, is a Title Case line that does not count
    assert texts_talk(("We all came to thank", "You And Your Friends Here Tonight"))
    # the second line is a title-case headline whose own "You" is a word of talk; the first line holds
    # none, and nothing else in the window talks
    assert not texts_talk(("Weather Report For The Week", "What You Need To Know Today"))
    # a line whose lower case changes length ("İ") before a word of talk, then a line in Title Case
    assert texts_talk(("İstanbul was lovely and my feet hurt", "Ten Best Walks In The Old Town"))
    assert not texts_talk(("İstanbul Travel Guide For Visitors", "Ten Best Walks In The Old Town"))
