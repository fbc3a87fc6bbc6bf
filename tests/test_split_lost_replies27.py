"""Session 27 (reply27): replies the plain-text splitter lost, in shapes real threads take.

A reader's one-line reply holding a policy's words ("Do you agree with this?", "We agree, close
it", "You agree?") was read as the site's comment policy ("by posting you agree ...") and its
comment, left with no words, was lost; so was a one-line reply opening with a furniture word
("Subscribe ...") on a page whose comments have no row of actions to close them. Every string
here is invented.
"""

from __future__ import annotations

from replyscope.split import split_document
from replyscope.split.headers import read_header


def _said(page: str) -> list[tuple[str, str]]:
    return [(c.author, c.text) for c in split_document(page).comments]


_NEWS = (
    "Home | Harbour | Ferries | Contact\n\nFloods close the lower road\n\n"
    "The lower road is shut after the pumps failed again this morning: http://t.example/q2\n\n"
    "Share this:\nTwitter\nFacebook\nEmail\n\n2 Comments\n\nHave your say. Sign in to comment.\n\n"
)


def _row_page(first: str) -> str:
    # (each comment closed by its own row of actions)
    return _NEWS + (
        f"harbourfox · 3 Mar 2024 13:06\n\n{first}\nRecommend (6)\nReply\n\n"
        "Lena Brook · 3 Mar 2024 13:20\n@harbourfox the pumps were new last year\nRecommend (2)\nReply\n\n"
        "View more comments\n"
    )


def test_a_reply_asking_whether_you_agree_is_the_readers_words():
    said = _said(_row_page("Do you agree the council waited too long?"))
    assert said[0] == ("harbourfox", "Do you agree the council waited too long?")
    assert said[1][0] == "Lena Brook"


def test_a_reply_of_two_words_in_a_policys_voice_is_the_readers_words():
    said = _said(_row_page("You agree?"))
    assert said[0] == ("harbourfox", "You agree?")


def _bullet_page(first: str) -> str:
    # (no rows of actions: each comment's words run to the next comment's header)
    return (
        "Home | Harbour | Ferries | Contact\n\nFloods close the lower road\n\n"
        "The lower road is shut after the pumps failed again this morning, the council says.\n\n"
        "3 comments\n\n"
        f"  • harbourfox · 2 hours ago\n\n    {first}\n\n"
        "  • Lena Brook · 1 hour ago\n\n    @harbourfox the pumps were new last year\n\n"
        "  • millrace77 · 40 minutes ago\n\n    the upper road is still open, for now\n\n"
        "Load more comments\n"
    )


def test_a_reply_in_a_policys_words_between_two_headers_is_the_readers_words():
    said = _said(_bullet_page("We agree with the council on this one, shut it"))
    assert said[0] == ("harbourfox", "We agree with the council on this one, shut it")
    assert [a for a, _ in said] == ["harbourfox", "Lena Brook", "millrace77"]


def test_a_reply_opening_with_a_furniture_word_between_two_headers_is_the_readers_words():
    said = _said(_bullet_page("Subscribe to the council's flood alerts, they come first"))
    assert said[0] == ("harbourfox", "Subscribe to the council's flood alerts, they come first")


def test_a_comment_form_line_under_a_header_stays_out_of_the_comments():
    # (a comment form's line is never a reader's words, wherever it sits)
    page = _bullet_page("Leave a comment")
    said = _said(page)
    assert all("Leave a comment" not in t for _, t in said)


def test_the_sites_policy_under_the_last_comments_words_stays_out():
    page = _NEWS + (
        "harbourfox · 3 Mar 2024 13:06\n\nthe pumps were new last year\nRecommend (6)\nReply\n\n"
        "Lena Brook · 3 Mar 2024 13:20\n@harbourfox new and already broken\nRecommend (2)\nReply\n\n"
        "By posting a comment you agree to our terms of use.\n"
    )
    said = _said(page)
    assert said == [("harbourfox", "the pumps were new last year"), ("Lena Brook", "@harbourfox new and already broken")]


# ------------------------------------------------- two comments signed from below, a short reply


def _signed_pair(first: str, second: str) -> str:
    return (
        "Home\nNews\nOpinion\n\nFerries cut for the winter\n\nBy Harbour Desk | 3 March 2024\n\n"
        "The ferry from the north pier runs twice a day until spring, the operator says.\n\n\n"
        "2 Comments\n\nNewest first\n\n"
        f"{first}\nharbourfox | 3 hours ago\nAgree (4) | Disagree (1) | Reply\n\n"
        f"{second}\nLena Brook | 2 hours ago\nAgree (2) | Disagree (0) | Reply\n\n"
        "Load more comments\n"
    )


def test_a_short_reply_signed_under_its_words_is_no_name_over_its_signature():
    # (two "name | age" signatures: only one has a name-like line over it, so neither's is a name)
    said = _said(_signed_pair("Cheers for the heads-up", "😂😂"))
    assert said == [("harbourfox", "Cheers for the heads-up"), ("Lena Brook", "😂😂")]


def test_names_over_both_place_and_date_lines_still_name_their_readers():
    page = (
        "Home\nNews\nOpinion\n\nFerries cut for the winter\n\nBy Harbour Desk | 3 March 2024\n\n"
        "The ferry from the north pier runs twice a day until spring, the operator says.\n\n\n"
        "2 Comments\n\n"
        "Jo Lake\nLeeds · 3 March 2024\nThe winter timetable was always thin.\n\n"
        "Ann Reyes\nCork · 3 March 2024\nTwice a day is better than nothing at all.\n\n"
    )
    said = _said(page)
    assert [a for a, _ in said] == ["Jo Lake", "Ann Reyes"]


# ------------------------------------------------------- a reply opening with a time of day or an age


def _board(first: str) -> str:
    return (
        "Home | About | Contact\n\nFerries cut for the winter\n\nBy Harbour Desk | 3 March 2024\n\n"
        "The ferry from the north pier runs twice a day until spring, the operator says.\n\n\n"
        "Re: Ferries cut for the winter\n\n"
        "Today, 11:43 AM\n#2\nharbourfox\nGold Member\nDate joined: Mar 2012\nPosts: 694\n"
        f"Re: Ferries cut for the winter\n\n{first}\n__________________\nViews my own.\n\nQuote  Quick Reply\n\n"
        "Today, 12:05 PM\n#3\nLena Brook\nDate joined: May 2014\nPosts: 2,083\n"
        "Re: Ferries cut for the winter\n\n💯💯\n\nQuote  Quick Reply\n\nQuick Reply\nRules for posting\n"
    )


def test_a_reply_opening_with_an_age_is_no_header():
    said = _said(_board("2 hours ago they closed the north pier"))
    assert [a for a, _ in said] == ["harbourfox", "Lena Brook"]
    assert said[0][1].startswith("2 hours ago they closed the north pier")


def test_a_reply_opening_with_a_clock_is_no_header():
    said = _said(_board("9:14 PM and still no word from the operator"))
    assert said[0][1].startswith("9:14 PM and still no word from the operator")


def test_a_date_over_a_name_after_it_still_heads_a_comment():
    # (a handle is one word; a display name of several words is capitalised)
    assert read_header("2 hours ago harbour_fox_77") is not None
    assert read_header("March 3, 2024 Jo Lake of the Harbour") is not None
    assert read_header("2 hours ago they closed the north pier") is None


def test_a_date_then_a_reply_target_in_lower_case_stays_a_header():
    # the lower-case clause rule ("2 hours ago they closed the bridge" heads no comment) leaves a
    # header naming the comment it answers, which is no clause of the reply
    from replyscope.split.headers import read_header

    assert read_header("3 days ago in reply to marta lindqvist") is not None
    assert read_header("2 hours ago they closed the bridge again") is None
