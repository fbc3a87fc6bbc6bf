"""Session 26 (reply26): replies the plain-text splitter lost, in shapes real threads take.

A forum's long thread of short posts under a short post, whose first long run of prose is a
quote near the page's foot: the window read above that run holds the thread's last posts only,
too few to read as a thread, and the whole thread was lost. A talk page's reply holding an e-mail
address ("mail me at ..."), signed on the line under it, was cut off its signature as a contact
line. A comment whose only line opens with a teaser's
label ("MORE: ...", as a newsroom's reply does) or a furniture word ("Sponsored ...") was read as
furniture and lost; so was a board post whose member's name is a number. Every string here is
invented.
"""

from __future__ import annotations

import pytest

from replyscope.split import split_document


def _said(page: str) -> list[tuple[str, str]]:
    return [(c.author, c.text) for c in split_document(page).comments]


# ------------------------------------------------------------ a long forum thread of short posts

_SHORT_POSTS = [
    ("harbourfox", "@quaymaster stay dry out there"),
    ("Lena_Brook", "@quaymaster any word on the ferries?"),
    ("millrace77", "@quaymaster thanks for the update"),
    ("tidewatcher", "@quaymaster is the bridge still open"),
    ("Ovid_Marsh", "@quaymaster keep us posted"),
    ("saltmeadow", "@quaymaster wow, that was fast"),
    ("kettle_drum", "@quaymaster photos or it did not happen"),
    ("Pia_Lund", "@quaymaster my street is fine so far"),
    ("ferrylane", "@quaymaster who do we call about sandbags"),
    ("northpier", "@quaymaster the school is closed too"),
]
# (two readers trading posts, each quoting the other's cut short: "...")
_QUOTED = [
    ("@quaymaster the bridge is shut both ways, the police are turning cars back at the ...", "@harbourfox since when, it was open an hour ago"),
    ("@quaymaster the school sent everyone home at noon, buses from the square ...", "@northpier good, better safe"),
    ("@quaymaster who do we call about sandbags, the council line rings out ...", "@ferrylane try the fire station on the hill"),
    ("@ferrylane try the fire station on the hill, they had a pile this morning ...", "@Gus_Aldern thanks, will do"),
    ("@quaymaster my street is fine so far, the drains are holding up ...", "@Pia_Lund lucky you, ours is a river"),
    ("@Pia_Lund lucky you, ours is a river, the cellar is gone ...", "@saltmeadow sorry to hear it"),
    ("@quaymaster the lower road is closed at the mill, the signs went up at six ...", "@millrace77 about time too"),
    ("@millrace77 about time too, two cars were stuck there last night ...", "@Lena_Brook were they towed out"),
]
_LONG = (
    "@harbourfox the council said the pumps would be running by noon, and they were not; the lower "
    "road has been under water since the morning and nobody has come to close it to traffic yet"
)
_ANSWER = (
    "@tidewatcher the pumps on the lower road started an hour ago, so give it the afternoon before "
    "you try to drive through; the upper road is clear all the way to the station for now"
)


def _post(k: int, name: str, words: list[str]) -> list[str]:
    return [f"03-03-2024, {k % 12 + 1:02d}:15 PM", f"#{k}", name, "Date joined: May 2019", f"Posts: {k * 137:,}", "", *words, "", "Quote  Quick Reply", ""]


def _forum() -> tuple[str, list[tuple[str, str]]]:
    """A board's thread under a short post: twenty short posts, then two readers trading quoted
    posts, the last quoting at length (the page's first run of prose): the page and its posts."""
    rows = ["Home | Harbour | Ferries | Contact", "", "Floods close the lower road", "", "By quaymaster | 3 March 2024", "",
            "Floods close the lower road again #harbourtown http://t.example/q1", "", "Share", "Tweet", "", "Page 1 of 1", "Thread options", ""]
    posts: list[tuple[str, str]] = []
    for name, words in _SHORT_POSTS * 2:
        rows += _post(len(posts) + 2, name, [words])
        posts.append((name, words))
    for (quoted, answer), name in zip(_QUOTED, ["Ovid_Marsh", "Lena_Brook"] * 4):
        rows += _post(len(posts) + 2, name, ["Quote:", "Originally Posted by harbourfox", quoted, "", answer])
        posts.append((name, answer))
    rows += _post(len(posts) + 2, "Ovid_Marsh", ["Quote:", "Originally Posted by harbourfox", _LONG, "", _ANSWER])
    posts.append(("Ovid_Marsh", _ANSWER))
    rows += ["All times are GMT. The time now is 08:12 AM."]
    return "\n".join(rows) + "\n", posts


def test_a_long_thread_whose_first_prose_is_a_quote_at_its_foot_is_read_whole():
    page, posts = _forum()
    said = _said(page)
    assert [a for a, _ in said] == [a for a, _ in posts]
    assert all(text.endswith(words) for (_, text), (_, words) in zip(said, posts))


def test_a_short_page_of_prose_under_a_menu_still_has_no_comments():
    # (the re-read from the page's first text wants headers the window read: a page of prose has none)
    rows = ["Home | News | Sport | Contact", ""] + [f"Item {k}" for k in range(150)] + [""]
    rows += ["The harbour board met on Tuesday to settle the budget for the coming year, and agreed after a "
             "long debate to spend most of it on the lower road's pumps, which failed twice this winter; "
             "the ferry timetable stays as it is until the autumn, when the board will look at it again."]
    assert split_document("\n".join(rows) + "\n").comments == []


# ------------------------------------------------------------------------------- talk pages

_TALK_HEAD = (
    "Harbour pumps\n\nFrom the town's wiki\n\n"
    "The lower road floods in most winters; the pumps were fitted in 2019 and have failed twice since.\n\n"
    "Talk\nRead\nEdit\nView history\n\n== Figures in the table ==\n\n"
)


def test_a_talk_page_reply_with_an_email_address_signed_under_it_is_found():
    page = _TALK_HEAD + (
        "The pump figures look low to me. — Lena Brook (talk) 10:02, 3 March 2024 (UTC) Reply\n\n"
        "\t@Lena Brook they are from the board's own report. — millrace77 (talk) 10:30, 3 March 2024 (UTC) Reply\n\n"
        "\t\t@millrace77 could you send it to desk@harbour.example and I'll add the page numbers, thanks\n"
        "\t\t— Lena Brook (talk | contribs) 11:15, 3 March 2024 (UTC) Reply\n\n"
        "The table also lacks the 2021 winter. — Ovid Marsh (talk) 12:40, 3 March 2024 (UTC) Reply\n\n"
        "Add topic\n"
    )
    said = _said(page)
    assert ("Lena Brook", "@millrace77 could you send it to desk@harbour.example and I'll add the page numbers, thanks") in said
    assert len(said) == 4


def test_a_signature_line_opening_with_a_reply_word_keeps_its_words():
    # (a line of words with a handle's signature after them is no name: "Agreed." closes a sentence)
    page = _TALK_HEAD + (
        "The pump figures look low to me. Lena Brook (talk) 10:02, 3 March 2024 (UTC) Reply\n"
        "They are the board's own figures. millrace77 (talk) 10:30, 3 March 2024 (UTC) Reply\n\n"
        "The table lacks a winter.\n"
        "Agreed. kettle_drum (talk) 11:12, 3 March 2024 (UTC) Reply\n\n"
        "Add topic\n"
    )
    said = _said(page)
    assert said[-1][0] == "kettle_drum"
    assert said[-1][1].endswith("Agreed.")


# ---------------------------------------------------------------- a reply opening with a label

_NEWS = (
    "Home | Harbour | Ferries | Contact\n\nFloods close the lower road\n\n"
    "MORE: Floods close the lower road; the pumps failed again this morning: http://t.example/q2\n\n"
    "Share this:\nTwitter\nFacebook\nEmail\n\n2 Comments\n\nHave your say. Sign in to comment.\n\n"
)


def _reply_opening_with(author: str, words: str, answer: str) -> str:
    """A news page whose first reply is one line opening with a label or furniture word, under its
    header and over its row of actions; a second reader answers it."""
    return _NEWS + (
        f"{author} · 3 Mar 2024 13:06\n\n{words}\nRecommend (6)\nReply\n\n"
        f"Lena Brook · 3 Mar 2024 13:20\n@{author} {answer}\nRecommend (2)\nReply\n\n"
        "Comments closed for this story.\n"
    )


@pytest.mark.parametrize(
    ("author", "words", "answer"),
    [
        # ("MORE: ..." opens a teaser's label)
        ("harbour_news", "MORE: Ferries from the north pier are cancelled for the rest of the day, the operator says", "thanks for keeping us posted"),
        # ("Sponsored ..." opens a site's furniture line too; right under the header, over the reply's
        # row of actions, with words of its own, it is a reader's)
        ("harbourfox", "Sponsored content all over the front page again, and on a day like this", "thanks, following now"),
    ],
)
def test_a_reply_opening_with_a_label_or_furniture_word_is_the_readers_words(author, words, answer):
    said = _said(_reply_opening_with(author, words, answer))
    assert said[0] == (author, words)
    assert said[1][0] == "Lena Brook"


def test_a_teasers_label_over_a_links_title_under_a_comment_stays_furniture():
    # (a comment with words of its own keeps them; a "Watch: ..." line under them is no second line of words)
    page = _NEWS + (
        "harbour_news · 3 Mar 2024 13:06\n\n"
        "Ferries from the north pier are cancelled for the rest of the day.\n"
        "Watch: Pumps fail again on the lower road\n"
        "Recommend (6)\nReply\n\n"
        "Lena Brook · 3 Mar 2024 13:20\n@harbour_news thanks for keeping us posted\nRecommend (2)\nReply\n\n"
        "Comments closed for this story.\n"
    )
    said = _said(page)
    assert said[0] == ("harbour_news", "Ferries from the north pier are cancelled for the rest of the day.")


# ------------------------------------------------------------ a board member named by digits


def test_a_board_member_whose_name_is_a_number_heads_a_post():
    # (a handle of digits in the name's place over a member's profile, as the other posts' names)
    rows = ["Home | Harbour | Ferries | Contact", "", "Floods close the lower road", "", "By quaymaster | 3 March 2024", "",
            "The lower road is shut again after the pumps failed overnight, the council says.", "", "Thread options", ""]
    posts = [("harbourfox", "@quaymaster stay dry out there, the ferries are off too"),
             ("4830962", "@quaymaster makes sense. Did anyone check the pumps on the upper road?"),
             ("Lena_Brook", "@quaymaster any word on when it reopens? The buses are diverted.")]
    for k, (name, words) in enumerate(posts, 2):
        rows += [f"Yesterday, 0{k}:15 AM   #{k}", name, "Date joined: May 2019", f"Posts: {k * 1371:,}", "", words, "", "Reply With Quote", "Report Post", ""]
    said = _said("\n".join(rows) + "\n")
    assert said == posts
