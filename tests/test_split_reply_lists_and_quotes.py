"""A reader's list closing the last comment, and a first comment that quotes the post or a reader.

Pages written for these tests (invented names and words): an outline-numbered thread ("2.1. name |
date") whose last reply ends with a list under a lead-in ("A few things:", then "1. ..." or "- ..."
items a reader writes); the same thread closed by a list of the site's links, which stays out; a
thread signed under its words under a one-line post whose first comment opens by quoting the
post ("> <the post's words>", "A: > ...") or another reader ("Jo wrote:" over "> ...").
"""

from __future__ import annotations

import pytest

from replyscope.split import split_document
from replyscope.split.choose import _habitual_address, _opens_quote
from replyscope.split.patterns import QUOTE_OPENING

NUMBERED = (
    "Ferry timetable to change in spring\n\n"
    "By Harbour Desk | 01 March 2021\n\n"
    "The morning crossings move half an hour earlier from April, and the last evening boat is dropped "
    "on weekdays. The operator says the change follows two years of falling numbers on the late sailing, "
    "and that the savings will pay for a second boat in the summer months.\n\n"
    "1. Mara Quell | 01 Mar 2021 09:12\n"
    "I think half past six is too early for anyone coming off a night shift at the hospital.\n\n"
    "1.1. Tobias Wren | 01 Mar 2021 10:40\n"
    "You are wrong there, the night shift ends at seven, so the new time does not matter to them.\n\n"
    "2. Ilse Marrow | 01 Mar 2021 11:02\n"
    "Did anyone ask the people who actually use the late boat? I doubt it.\n\n"
    "3. Otto Fenn | 01 Mar 2021 12:30\n"
    "I agree with you, the second boat is the only good news here.\n\n"
)


@pytest.mark.parametrize("marker", ["{k}. ", "- ", "* ", "{k}) "])
@pytest.mark.parametrize("gap", ["", "\n"])
def test_a_readers_list_ends_the_last_comment(marker, gap):
    items = ["the late boat was full every Friday", "the fares went up last year as well", "nobody has asked the shops on the quay"]
    rows = "\n".join(marker.format(k=k) + w for k, w in enumerate(items, 1))
    page = NUMBERED + f"4. dunewalker | 01 Mar 2021 13:15\nMy view: the timetable is the least of it.\n\nA few things:\n{gap}{rows}\n"
    d = split_document(page)
    assert [c.author for c in d.comments][-1] == "dunewalker"
    last = d.comments[-1].text
    assert last.startswith("My view: the timetable is the least of it.")
    assert last.endswith("nobody has asked the shops on the quay")
    assert "A few things:" in last


def test_a_list_of_the_sites_links_after_the_last_comment_stays_out():
    links = "\n".join(f"• {t}" for t in ("Harbour Wall Works Begin", "Ferry Operator Names New Chief", "Quay Market Returns In May"))
    page = NUMBERED + f"4. dunewalker | 01 Mar 2021 13:15\nMy view: the timetable is the least of it.\n\nRead More\n{links}\n"
    d = split_document(page)
    assert d.comments[-1].text == "My view: the timetable is the least of it."


SHORT_POST = "Home\nNews\n\nFerry timetable to change in spring\n\nThe morning crossings move half an hour earlier from April.\n\nShare\nTweet\n\n"


def _signed(first: str) -> str:
    return SHORT_POST + "Your views\n6 comments so far\n\nNewest first\n\n" + (
        f"{first}\n"
        "Mara Quell | 3 days ago\nReply | Report\n\n"
        "The late boat is the one I take on Fridays, so this is bad news for me.\n"
        "Tobias Wren | 3 days ago\nReply | Report\n\n"
        "Nobody asked the people who actually use the late boat.\n"
        "Ilse Marrow | 2 days ago\nReply | Report\n\n"
        "The second boat is the only good news here.\n"
        "Otto Fenn | 1 day ago\nReply | Report\n\n"
        "Comments are moderated.\n"
    )


@pytest.mark.parametrize(
    "quote",
    [
        "> The morning crossings move half an hour earlier from April.",
        "“The morning crossings move half an hour earlier from April.”",
        "Perpetua Lisle wrote:\n> the late boat was always half empty anyway",
        "Quoting Perpetua Lisle:\n“the late boat was always half empty anyway”",
    ],
)
def test_a_first_comment_opening_on_a_quote_keeps_it(quote):
    d = split_document(_signed(f"{quote}\n\nHalf past six is too early for the night shift."))
    assert [c.author for c in d.comments] == ["Mara Quell", "Tobias Wren", "Ilse Marrow", "Otto Fenn"]
    first = d.comments[0].text
    assert first.startswith(quote.split("\n")[0])
    assert first.endswith("too early for the night shift.")


def test_quote_openings():
    assert QUOTE_OPENING.match("> the post's words")
    assert QUOTE_OPENING.match("A: > the post's words")
    assert QUOTE_OPENING.match("RT @harbourdesk: the post's words")
    assert not QUOTE_OPENING.match("Q: the post's words")
    assert _opens_quote(["Jo Lake wrote:", "> the words"], [0, 1])
    assert not _opens_quote(["Jo Lake wrote:", "the words"], [0, 1])
    assert not _opens_quote(["@harbourdesk", "the words"], [0, 1])


def _addressed(first: str) -> str:
    # replies to one account, each opening with its address, signed under their words
    return SHORT_POST + "Your views\n5 comments so far\n\nNewest first\n\n" + (
        f"{first}\n"
        "Posted by Mara Quell on March 3, 2021 at 9:14 pm\nReply | Report\n\n"
        "@harbourdesk and what about the late boat on Fridays?\n"
        "Posted by Tobias Wren on March 3, 2021 at 9:20 pm\nReply | Report\n\n"
        "@harbourdesk I will believe the second boat when I see it.\n"
        "Posted by Ilse Marrow on March 3, 2021 at 9:31 pm\nReply | Report\n\n"
        "@harbourdesk thanks for the notice, at least.\n"
        "Posted by Otto Fenn on March 3, 2021 at 9:40 pm\nReply | Report\n\n"
    )


def test_a_first_comment_opening_on_the_threads_usual_address_keeps_it():
    # (its words the page's first long run of prose: read from there, the address over them was left out)
    first = (
        "@harbourdesk\n\nHALF PAST SIX IS TOO EARLY FOR ANYONE COMING OFF A NIGHT SHIFT AT THE HOSPITAL, AND THE LAST BOAT "
        "GOING IS WORSE, BECAUSE HALF THE KITCHEN STAFF ON THE ISLAND GET HOME ON IT AFTER THE LATE SERVICE AND THERE IS NO "
        "OTHER WAY ACROSS ONCE THE CAUSEWAY FLOODS, WHICH IT DOES EVERY SPRING TIDE, AS YOU KNOW PERFECTLY WELL.\nhttps://example.org/rota"
    )
    d = split_document(_addressed(first))
    assert [c.author for c in d.comments] == ["Mara Quell", "Tobias Wren", "Ilse Marrow", "Otto Fenn"]
    assert d.comments[0].text.startswith("@harbourdesk")
    assert d.comments[0].text.endswith("https://example.org/rota")


def test_an_address_no_other_comment_opens_with_is_not_read_as_the_first_comments():
    assert not _habitual_address(["@harbourdesk", "A line of prose that runs on.", "Posted by Jo", "@elsewhere hi"], [0, 1], 2, 4)
    assert _habitual_address(["@harbourdesk", "A line of prose that runs on.", "Posted by Jo", "@harbourdesk hi", "@harbourdesk: yes"], [0, 1], 2, 5)


def test_a_restated_title_opening_with_a_quote_mark_stays_the_pages():
    title = "'Ferries cut' - the harbour story of the week"
    answers = "".join(
        f"Answer:\n{w}\n{n} answered 1 year ago\nUpvote\n{k}\n\n"
        for w, n, k in (
            ("I think the late boat goes first, whatever they say.", "Mara Quell", 30),
            ("You will see, the summer boat goes next.", "Tobias Wren", 12),
            ("Did anyone ask the crews? I doubt it.", "Ilse Marrow", 4),
        )
    )
    page = f"Home | About | Contact\n\n{title}\n\nBy harbourdesk | 08 March 2016\n\n{title}\n\nShare\n\nQuestions & Answers\nQ: {title}\n\n{answers}"
    d = split_document(page)
    assert [c.author for c in d.comments] == ["Mara Quell", "Tobias Wren", "Ilse Marrow"]
    assert d.comments[0].text == "I think the late boat goes first, whatever they say."
