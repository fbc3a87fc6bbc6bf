"""Threads of one or two comments: each comes back, in the layouts that print a row under each.

Many rules of the splitter wait for a thread to show a habit on three comments or more (a row of
actions closing each, a title over each header, a footer only the last one ends with). A post
that drew a single reply still prints its section header, and that reply's page holds one or two
comments. Every page and string here is invented for these tests.
"""

from __future__ import annotations

from replyscope.split import split_document

POST = (
    "Lantern festival moved to the old quay\n\n"
    "The organisers say the stalls will stand along the old quay this year, because the square is "
    "being repaved. Parking will be on the school field.\n\n"
)

LONG_REPLY = "\n\n".join(
    [
        "I have run a stall at this festival for eleven years, so let me explain what the move means for "
        "the people who actually set up at five in the morning and pack away after midnight.",
        "The quay has no power points past the harbour office, which means every food stall needs a "
        "generator, and the generators are exactly what the neighbours complained about two summers ago. "
        "Nobody on the committee seems to remember that meeting, although it went on for three hours.",
        "Then there is the wind. The square is sheltered on three sides; the quay is open to the west, "
        "and a lantern stall with paper stock cannot trade in a stiff breeze. We lost half our stock the "
        "one year the weather turned, and that was in the square.",
        "Access is the third problem. Vans can reach the square from two streets. The quay has one lane, "
        "shared with the ferry queue, and the ferry does not stop running for a festival.",
        "I am not against trying somewhere new, and the repaving has to happen some time. But the "
        "committee should publish a plan for power, shelter and access before asking traders to book, "
        "and it should ask the traders who have done this for years before the plan is final.",
        "Until then I am holding off on paying my pitch fee, and I know at least six others who are too.",
    ]
)


def _comments(page: str):
    return split_document(page).comments


def test_a_plugin_thread_of_two_comments_under_its_header_is_read():
    page = POST + (
        "2 comments\n\n"
        "Mara Quell\n"
        "The quay floods at spring tide, has anyone checked the dates?\n"
        "Like · Reply · 3d\n\n"
        "Tobias Wren\n"
        "👍\n"
        "Like · Reply · 2d\n\n"
        "Load 10 more comments\n"
    )
    comments = _comments(page)
    assert [c.author for c in comments] == ["Mara Quell", "Tobias Wren"]
    assert [c.text for c in comments] == ["The quay floods at spring tide, has anyone checked the dates?", "👍"]


def test_a_plugin_thread_of_one_comment_under_its_header_is_read():
    page = POST + (
        "1 comment\n\n"
        "Add a comment...\n\n"
        "Ilse Marrow\n"
        "Top fan\n"
        "Finally somewhere with a view of the water.\n"
        "Like\nReply\n5h\n\n"
        "Facebook Comments plugin\n"
    )
    comments = _comments(page)
    assert [c.author for c in comments] == ["Ilse Marrow"]
    assert comments[0].text == "Finally somewhere with a view of the water."


def test_a_long_first_reply_of_a_two_comment_plugin_thread_is_a_comment_not_the_article():
    page = POST + (
        "2 comments\n\n"
        "Mara Quell\n"
        f"{LONG_REPLY}\n"
        "Like · Reply · 4 · 3d\n\n"
        "Tobias Wren\n"
        "👏👏\n"
        "Like · Reply · 2d\n\n"
    )
    comments = _comments(page)
    assert [c.author for c in comments] == ["Mara Quell", "Tobias Wren"]
    assert comments[0].text == LONG_REPLY
    assert comments[1].text == "👏👏"


def test_a_phone_app_thread_of_two_comments_with_the_age_in_the_row_is_read():
    page = POST + (
        "2 Kommentare\n"
        "Neueste zuerst\n\n"
        "Mara Quell\n"
        f"{LONG_REPLY}\n"
        "vor 3 Std. · Gefällt mir · Antworten\n\n"
        "Tobias Wren\n"
        "🤔\n"
        "vor 2 Std. · Gefällt mir · Antworten\n"
    )
    comments = _comments(page)
    assert [c.author for c in comments] == ["Mara Quell", "Tobias Wren"]
    assert [c.text for c in comments] == [LONG_REPLY, "🤔"]


def test_the_forum_footer_under_the_last_of_two_posts_is_not_its_words():
    page = POST + (
        "2 replies\n\n"
        "Mara Quell\n"
        "Posts: 1,204\n"
        "Joined: March 2016\n\n"
        "Re: Lantern festival moved to the old quay\n"
        "Post by Mara Quell » Tue Mar 02, 2021 9:14 am\n"
        "The quay floods at spring tide, has anyone on the committee checked the dates?\n\n"
        "Tobias Wren\n"
        "Posts: 88\n"
        "Joined: June 2019\n\n"
        "Re: Lantern festival moved to the old quay\n"
        "Post by Tobias Wren » Tue Mar 02, 2021 10:40 am\n"
        "🙄\n\n"
        "Return to “Town matters”\n"
        "Jump to\n"
    )
    comments = _comments(page)
    assert [c.author for c in comments] == ["Mara Quell", "Tobias Wren"]
    assert comments[-1].text == "🙄"


def test_a_reader_sign_off_under_the_last_of_two_posts_stays_in_it():
    # (a sign-off is a reader's: lower case, or a name under the words)
    page = POST + (
        "2 replies\n\n"
        "Re: Lantern festival moved to the old quay\n"
        "Post by Mara Quell » Tue Mar 02, 2021 9:14 am\n"
        "The quay floods at spring tide, has anyone on the committee checked the dates?\n\n"
        "Re: Lantern festival moved to the old quay\n"
        "Post by Tobias Wren » Tue Mar 02, 2021 10:40 am\n"
        "Only the south end floods, the stalls on the north side would be fine.\n\n"
        "Tobias\n"
    )
    comments = _comments(page)
    assert comments[-1].text.endswith("Tobias")


def test_an_answer_signed_by_a_handle_of_digits_keeps_its_own_words():
    page = POST + (
        "Questions & Answers\n\n"
        "A: Is there parking for stallholders on the quay itself?\n"
        "Ilse Marrow answered 5 hours ago\n"
        "Helpful (4)\n\n"
        "A: Only the north end, and only before eight.\n"
        "4830962 answered 5h\n"
        "Helpful (12)\n\n"
        "A: 😂😂😂\n"
        "Otto Fenn answered 3 hours ago\n"
        "Helpful (2)\n\n"
        "A: The school field is free after six, it says so on the notice.\n"
        "Perpetua Lisle answered 2 hours ago\n"
        "Helpful (7)\n\n"
        "Ask a question\n"
    )
    comments = _comments(page)
    assert len(comments) == 4
    assert [c.author for c in comments] == ["Ilse Marrow", "4830962", "Otto Fenn", "Perpetua Lisle"]
    assert "😂😂😂" in comments[2].text and "answered" not in comments[1].text


def test_a_removed_readers_card_with_a_badge_after_the_mark_heads_its_comment():
    page = POST + (
        "3 comments\n\n"
        "M\n"
        "Mara Quell\n"
        "2d\n"
        "The quay floods at spring tide, has anyone checked the dates?\n"
        "Reply\n"
        "Like (4)\n\n"
        "?\n"
        "[deleted] · Subscriber\n"
        "2d\n"
        "[removed]\n"
        "Reply\n"
        "Like (9)\n\n"
        "T\n"
        "Tobias Wren\n"
        "1d\n"
        "Only the south end floods, the stalls would be fine.\n"
        "Reply\n"
        "Like (2)\n"
    )
    comments = _comments(page)
    assert [c.author for c in comments] == ["Mara Quell", "[deleted]", "Tobias Wren"]
    assert comments[1].text == "[removed]"


def test_an_edited_marker_after_one_cards_age_is_no_row_of_actions():
    # ("1d · Edited" under a card's name is its stamp: read as the row closing a comment it would
    # give the name over it to the words of the comment above)
    page = POST + (
        "4 comments\n\n"
        "M\n"
        "Mara Quell\n"
        "1d\n"
        "The quay floods at spring tide, has anyone checked the dates?\n"
        "Like\n"
        "Reply\n"
        "12\n\n"
        "I\n"
        "Ilse Marrow\n"
        "Yesterday at 5:26 PM\n"
        "❤️\n"
        "Like\n"
        "Reply\n"
        "8\n\n"
        "T\n"
        "Tobias Wren\n"
        "1d · Edited\n"
        "Only the south end floods, the stalls would be fine.\n"
        "Like\n"
        "Reply\n"
        "35\n\n"
        "O\n"
        "Otto Fenn\n"
        "1d\n"
        "They tried the quay once before and moved back the next year.\n"
        "Like\n"
        "Reply\n"
        "19\n\n"
        "Comment policy\n"
    )
    comments = _comments(page)
    assert [c.author for c in comments] == ["Mara Quell", "Ilse Marrow", "Tobias Wren", "Otto Fenn"]
    assert comments[1].text == "❤️"


# ------------------------------------------------------------------ titled threads of two

def _titled_page(rows_first: str, rows_last: str, *, first_words: str = "The quay floods at spring tide, has anyone checked the dates?") -> str:
    return POST + (
        "2 comments | Filter: All | Useful | Funny\n\n"
        "Spring tides (Score:3, Informative)\n"
        "by marrowfield (40211) on Tuesday May 04, 2021 @09:12AM (#1182)\n\n"
        f"{first_words}\n\n"
        f"{rows_first}\n\n"
        "Lanterns in the rain (Score:1)\n"
        "by tobiaswren (51877) on Tuesday May 04, 2021 @10:40AM (#1190)\n\n"
        "Bring an umbrella and a thermos, it will be fine.\n\n"
        f"{rows_last}\n\n"
        "The thread may go on past this page. Turn on the full view in your settings to read the rest of it.\n"
    )


def test_two_headers_each_under_a_title_after_a_reply_row_keep_their_words_apart():
    comments = _comments(_titled_page("Reply to This Share", "Reply to This\nShare"))
    assert [c.author for c in comments] == ["marrowfield", "tobiaswren"]
    assert comments[0].text == "The quay floods at spring tide, has anyone checked the dates?"
    # the second title is not the first comment's last line, and the page's closing notice is no
    # part of the last comment
    assert comments[1].text == "Bring an umbrella and a thermos, it will be fine."


def test_two_titles_ending_in_a_like_parenthesis_are_titles_without_a_reply_row():
    comments = _comments(_titled_page("Share", "Share"))
    assert [c.text for c in comments] == [
        "The quay floods at spring tide, has anyone checked the dates?",
        "Bring an umbrella and a thermos, it will be fine.",
    ]


def test_a_short_last_line_over_the_second_of_two_headers_stays_the_first_comments():
    # no row of actions closes the first comment and no like parenthesis ends both lines: the
    # short line is the first reader's sign-off, not a title
    page = POST + (
        "2 comments\n\n"
        "Spring tides\n"
        "by marrowfield (40211) on Tuesday May 04, 2021 @09:12AM (#1182)\n\n"
        "The quay floods at spring tide, has anyone checked the dates?\n\n"
        "See you all there anyway!\n"
        "by tobiaswren (51877) on Tuesday May 04, 2021 @10:40AM (#1190)\n\n"
        "Bring an umbrella and a thermos, it will be fine.\n"
    )
    comments = _comments(page)
    assert [c.author for c in comments] == ["marrowfield", "tobiaswren"]
    assert "See you all there anyway!" in comments[0].text


# ------------------------------------------------------------------ answers signed from below

def test_a_pair_of_answers_signed_from_below_under_the_section_header_is_read():
    page = POST + (
        "Questions & Answers\n\n"
        "Q: Will the stalls still open at six?\n\n"
        "A: I asked at the harbour office and they said six as usual, maybe half past.\n"
        "Answered by Mara Quell · 2 days ago\n"
        "Upvote\n"
        "7\n\n"
        "A: 👏👏\n"
        "Answered by Tobias Wren · Yesterday at 4:10 PM\n"
        "Upvote\n"
        "3\n\n"
        "Ask a question\n"
    )
    comments = _comments(page)
    assert [c.author for c in comments] == ["Mara Quell", "Tobias Wren"]
    assert "harbour office" in comments[0].text and "👏👏" in comments[1].text

