"""Replies whose shape, not whose words, made them read as something else (session 20, the reply
stress's "caps", "line-breaks", "lone-name" and "long" kinds). Every page here is invented."""

from __future__ import annotations

from replyscope.split import split_document
from replyscope.split.chrome import is_chrome
from replyscope.split.talk import is_headline, talks

_ARTICLE = (
    "Harbour Board Delays the Lock Repairs Again\n\n"
    "The harbour board said on Tuesday that the repairs to the old lock gates would wait until the "
    "spring, citing the cost of steel and a shortage of divers. Residents along the quay have asked "
    "for a public meeting, and the board has promised one before the end of the month, though no "
    "date has been set and the minutes of the last meeting are still not published.\n\n"
)


def _bulleted(rows: list[tuple[str, str]]) -> str:
    """A widget's thread: "• name" over "• age", the words indented under them, a row of links."""
    page = _ARTICLE + f"{len(rows)} Comments\n\n"
    for k, (name, words) in enumerate(rows):
        body = "".join(f"    {x}\n" if x else "\n" for x in words.split("\n"))
        page += f"  • {name}\n  • {k + 2} hours ago\n\n{body}\n    Like · Reply · Share\n\n"
    return page + "Add a comment\nPost\n"


def _texts(page: str) -> list[str]:
    return [" ".join(c.text.split()) for c in split_document(page).comments]


# ------------------------------------------------------------------------- a sentence broken over lines


def test_a_sentence_s_last_words_on_their_own_line_are_no_row_of_links() -> None:
    # "and the like." is made of a widget row's words (and, the, like), but it closes a sentence
    assert not is_chrome("and the like.")
    assert not is_chrome("to the top.")
    assert is_chrome("Like · Reply · Share")
    assert is_chrome("reply to this")


def test_a_last_reply_broken_over_lines_keeps_its_lines() -> None:
    last = (
        "The divers were booked twice, once for the gates\n"
        "and once for the piers,\n"
        "and the like.\n"
        "Nobody on the board has explained why both bookings lapsed in the same week of the year\n"
        "when the water was at its lowest and the work would have been cheapest."
    )
    rows = [
        ("tidewatcher", "The minutes were promised in May and we still have nothing to read."),
        ("quayside_mo", "Steel costs are the excuse every year, I have stopped listening to it."),
        ("reedbank", last),
    ]
    assert _texts(_bulleted(rows))[-1] == " ".join(last.split())


def _aged_thread(last: list[str]) -> str:
    """A widget's thread of replies addressed by handle, "• name" over "• age", the last reply's lines `last`."""
    rows = [
        ("tidewatcher", ["@harbourdesk the minutes were promised in May and we still have nothing"], "Reply ↓"),
        ("quayside_mo", ["@harbourdesk absolutely!", "", "Anyway."], "Like · Reply · Share"),
        ("reedbank", ["@harbourdesk Steel costs are the excuse every year, I have stopped listening to it.", "edited"], "Like\n    Reply"),
        ("ostler_j", ["@harbourdesk @tidewatcher..", "", *last, "edited"], "Like (59)\n    Reply • Share ›"),
    ]
    page = _ARTICLE + "Share this:\nTwitter\n\n4 Comments\nOldest first | Newest first\n\n"
    for name, words, row in rows:
        body = "".join(f"    {x}\n" if x else "\n" for x in words)
        page += f"  • {name}\n  • 10h\n\n{body}\n    {row}\n\n"
    return page + "Add a comment\nPost\n"


def test_a_last_reply_whose_paragraph_opens_with_a_short_broken_line_keeps_it() -> None:
    # its second paragraph's first line is short and has no stop, as a heading's would; but the
    # sentence runs on in lower case on the next line, which a heading's text does not
    last = ["This was a promise to every quay", "whoever owns the boats Obviously the board has forgotten it since the election."]
    assert _texts(_aged_thread(last))[-1] == "@harbourdesk @tidewatcher.. " + " ".join(last)


def test_a_heading_over_text_after_the_last_reply_still_leaves_it() -> None:
    # the rule's other side: a short heading whose text opens with a capital is the page's
    last = ["About the Harbour Desk", "Our reporters cover the quay, the ferries and the board every week of the year."]
    assert _texts(_aged_thread(last))[-1] == "@harbourdesk @tidewatcher.."


# -------------------------------------------------------------------------------- a reply in capitals


def test_a_long_line_in_capitals_is_no_headline() -> None:
    assert is_headline("YOU MAY ALSO LIKE THESE")
    assert is_headline("Everything You Need To Know About The Lock")
    assert not is_headline("COULD YOU MAIL ME AT DESK@EXAMPLE.ORG AND I'LL READ THEM, THX")
    assert talks(["COULD YOU MAIL ME AT DESK@EXAMPLE.ORG AND I'LL READ THEM, THX"])


def test_a_shouted_reply_with_an_e_mail_address_stays_a_comment() -> None:
    shout = "@TIDEWATCHER COULD YOU MAIL ME AT DESK@EXAMPLE.ORG AND I'LL READ THEM, THX"
    rows = [
        ("tidewatcher", "The minutes were promised in May and we still have nothing to read."),
        ("quayside_mo", shout),
        ("reedbank", "Steel costs are the excuse every year, I have stopped listening to it."),
    ]
    assert _texts(_bulleted(rows)) == [" ".join(w.split()) for _, w in rows]


# ------------------------------------------------------------------------------- a long first reply
# (pages laid out as the evaluation's layouts print them, every word invented; "Anyone who works
# nights ..." paragraphs make a reply long)

# A mail archive's thread under a short post: "From:", "Date:", "Subject: Re: <the topic>" over each
# message; the first message of several paragraphs, the next a line.
_MAIL_RE = """Skip to content
Menu
Search

The harbour board says the lock gates will wait

The harbour board says the lock gates will wait for spring, citing the cost of steel.


Thread: 5 messages

From: harbour.jo@example.net (harbour_jo)
Date: Sun, 14 Dec 2014 23:38:05 +0000
Subject: Re: The harbour board says the lock gates will

Does anyone know when the meeting is? The notice on the quay says Thursday but the website still says nothing at all

Anyone who works nights warned us that nobody asked the people living there, whatever the press says. Nobody in charge keeps forgetting that it costs more than they admit, which should worry us. A friend of mine warned us that the maintenance is the real bill and nothing has changed since. The council will tell you that the loudest voices rarely do the work, and I believe it.

A friend of mine would agree that the loudest voices rarely do the work, which should worry us. The last three plans would agree that the promise was made before, sadly. The opposition will tell you that patience does not sell papers, which should worry us. Our street will tell you that the winter will decide it, and I believe it.

Half the town will tell you that patience does not sell papers. The budget keeps forgetting that patience does not sell papers, and I believe it. Anyone who works nights will tell you that the promise was made before, believe it or not.

Half the town warned us that the same mistake gets made every decade, and I believe it. Every expert I trust never understood that the towns that tried it reversed course, believe it or not. My grandmother keeps forgetting that it costs more than they admit, believe it or not. The last three plans never understood that nobody asked the people living there, sadly.

My old teacher used to say that nobody asked the people living there, sadly. My old teacher has known for years that the same mistake gets made every decade, whatever the press says. The budget used to say that nobody asked the people living there, whatever the press says. The budget will tell you that the loudest voices rarely do the work, whatever the press says.

________________________________________

Re: The harbour board says the lock gates will
From: fenwick.arle@lists.example.org (Fenwick Arle)
Date: Sun, 14 Dec 2014 23:38:05 +0000
Subject: Re: The harbour board says the lock gates will

🤔

-- 
Fenwick Arle

________________________________________

From: mara.quell@lists.example.org (Mara Quell)
Date: Sun, 14 Dec 2014 23:40:12 +0000
Subject: Re: The harbour board says the lock gates will

Well said, the offices were a mistake.

The opposition quietly admitted that it costs more than they admit. Our street quietly admitted that the loudest voices rarely do the work, and I believe it. Our street would agree that it costs more than they admit and nothing has changed since. Anyone who works nights warned us that the maintenance is the real bill.

Nobody in charge has known for years that the same mistake gets made every decade, whatever the press says. My grandmother quietly admitted that the details matter more than the headline. The opposition keeps forgetting that the towns that tried it reversed course, which should worry us. The budget warned us that the timing is suspicious.

The opposition has known for years that the towns that tried it reversed course, and I believe it. My old teacher warned us that the timing is suspicious.

The council warned us that nobody asked the people living there, believe it or not. The budget would agree that the promise was made before, which should worry us.

The opposition would agree that the details matter more than the headline, and I believe it. The last three plans would agree that the timing is suspicious. The budget will tell you that the details matter more than the headline, which should worry us. A friend of mine keeps forgetting that the timing is suspicious, and I believe it.

-- 
Mara

________________________________________

Re: The harbour board says the lock gates will
From: dunewalker@example.org (dunewalker)
Date: Sun, 14 Dec 2014 23:57:11 +0000
Subject: Re: The harbour board says the lock gates will

The divers deserve better than this.

________________________________________

From: tobias.wren@example.org (Tobias Wren)
Date: Mon, 15 Dec 2014 01:22:35 +0000
Subject: Re: The harbour board says the lock gates will

Agreed with every word.

________________________________________

Messages sorted by: [ date ] [ thread ]
"""

# The same thread without subjects: the first message a line, the second of several paragraphs.
_MAIL_PLAIN = """Home
News
Opinion
World

The harbour board says the lock gates will wait

The harbour board says the lock gates will wait for spring, citing the cost of steel.

Share this:
Twitter
Facebook
Email

7 messages in thread
Messages sorted by: [ date ] [ thread ] [ subject ] [ author ]

Re: The harbour board says the lock gates will
From: harbour.jo@example.org (harbour_jo)
Date: Wed, 22 Oct 2014 15:13:40 +0000
Subject: Re: The harbour board says the lock gates will

Gates shut, ferries waiting outside the lock again MT @harbour_desk: Lock repairs wait for spring https://example.org/x1

From: mara.quell@example.org (Mara Quell)
Date: Wed, 22 Oct 2014 15:20:46 +0000

“@harbour_desk: Lock repairs wait for spring https://example.org/x2 " Not a good week to be a ferry skipper :-(

Anyone who works nights warned us that nobody asked the people living there and nothing has changed since. My old teacher warned us that the towns that tried it reversed course. Half the town keeps forgetting that the towns that tried it reversed course and nothing has changed since. My grandmother never understood that the winter will decide it.

The opposition keeps forgetting that the promise was made before. Our street quietly admitted that the winter will decide it. A friend of mine keeps forgetting that nobody asked the people living there, and I believe it.

Anyone who works nights would agree that the timing is suspicious, sadly. The council quietly admitted that it costs more than they admit. The council quietly admitted that the winter will decide it, sadly. The last three plans warned us that patience does not sell papers, sadly.

Anyone who works nights will tell you that the figures were never checked, believe it or not. The opposition will tell you that it costs more than they admit. Half the town quietly admitted that the figures were never checked, and I believe it. The last three plans used to say that the towns that tried it reversed course, which should worry us.

The council keeps forgetting that the towns that tried it reversed course and nothing has changed since. The opposition will tell you that the timing is suspicious, believe it or not. Anyone who works nights keeps forgetting that the details matter more than the headline.

From: dunewalker@example.org (dunewalker)
Date: Wed, 22 Oct 2014 15:21:01 +0000
Subject: Re: The harbour board says the lock gates will

The divers deserve better than this.

From: tobias.wren@example.org (Tobias Wren)
Date: Wed, 22 Oct 2014 16:51:34 +0000

Agreed with every word.

My grandmother has known for years that nobody asked the people living there, whatever the press says. The opposition would agree that the timing is suspicious, and I believe it. My old teacher has known for years that the details matter more than the headline and nothing has changed since.

The budget will tell you that it costs more than they admit. Our street would agree that the maintenance is the real bill. My old teacher quietly admitted that the loudest voices rarely do the work, and I believe it.

Every expert I trust will tell you that the figures were never checked, whatever the press says. Nobody in charge will tell you that the winter will decide it and nothing has changed since. The council used to say that nobody asked the people living there, believe it or not. Our street quietly admitted that nobody asked the people living there and nothing has changed since.

From: quayside_mo@example.net (quayside_mo)
Date: Wed, 22 Oct 2014 16:51:34 +0000
Subject: Re: The harbour board says the lock gates will

😂😂😂

From: kettle.drum@mail.example.com (kettle_drum)
Date: Wed, 22 Oct 2014 17:11:14 +0000

Source for that?

From: otto.fenn@mail.example.com (Otto Fenn)
Date: Thu, 23 Oct 2014 01:44:25 +0000

I was on the quay that morning, it was chaos.

More information about the list
"""

# Comments signed under their words ("– name" over its age and a Reply link) under the section's
# header and form: the first a line, the second of several paragraphs.
_SIGNED = """Home
News
Opinion
World

The harbour board says the lock gates will wait

The harbour board says the lock gates will wait for spring, citing the cost of steel.


Comments

Have your say
Submit

Gates shut, ferries waiting outside the lock again MT @harbour_desk: Lock repairs wait for spring https://example.org/x1
– harbour_jo
12 hours ago
Reply

“@harbour_desk: Lock repairs wait for spring https://example.org/x2 " Not a good week to be a ferry skipper :-(

Anyone who works nights warned us that nobody asked the people living there and nothing has changed since. My old teacher warned us that the towns that tried it reversed course. Half the town keeps forgetting that the towns that tried it reversed course and nothing has changed since. My grandmother never understood that the winter will decide it.

The opposition keeps forgetting that the promise was made before. Our street quietly admitted that the winter will decide it. A friend of mine keeps forgetting that nobody asked the people living there, and I believe it.

Anyone who works nights would agree that the timing is suspicious, sadly. The council quietly admitted that it costs more than they admit. The council quietly admitted that the winter will decide it, sadly. The last three plans warned us that patience does not sell papers, sadly.

Anyone who works nights will tell you that the figures were never checked, believe it or not. The opposition will tell you that it costs more than they admit. Half the town quietly admitted that the figures were never checked, and I believe it. The last three plans used to say that the towns that tried it reversed course, which should worry us.

The council keeps forgetting that the towns that tried it reversed course and nothing has changed since. The opposition will tell you that the timing is suspicious, believe it or not. Anyone who works nights keeps forgetting that the details matter more than the headline.
– Mara Quell, the Netherlands
12 hours ago
Reply

The divers deserve better than this.
– dunewalker, Cork
12 hours ago
Reply

Agreed with every word.

My grandmother has known for years that nobody asked the people living there, whatever the press says. The opposition would agree that the timing is suspicious, and I believe it. My old teacher has known for years that the details matter more than the headline and nothing has changed since.

The budget will tell you that it costs more than they admit. Our street would agree that the maintenance is the real bill. My old teacher quietly admitted that the loudest voices rarely do the work, and I believe it.

Every expert I trust will tell you that the figures were never checked, whatever the press says. Nobody in charge will tell you that the winter will decide it and nothing has changed since. The council used to say that nobody asked the people living there, believe it or not. Our street quietly admitted that nobody asked the people living there and nothing has changed since.
– Tobias Wren, the Netherlands
10 hours ago
Reply

    👏👏
    – marsh_hen
    12 hours ago
    Reply

Source for that?
– kettle_drum
10h
Reply

I was on the quay that morning, it was chaos.
– Otto Fenn
2 hours ago
Reply
"""


def _authors(page: str) -> list[str]:
    return [c.author for c in split_document(page).comments]


def test_a_long_first_message_that_answers_by_subject_is_a_reply() -> None:
    # "Re: <the topic>" on its header: a reply's subject, which no article's dateline wears
    comments = split_document(_MAIL_RE).comments
    assert [c.author for c in comments][:2] == ["harbour_jo", "Fenwick Arle"]
    assert comments[0].text.startswith("Does anyone know") and "My old teacher used to say" in comments[0].text


def test_a_long_message_under_the_thread_s_first_one_is_a_reply() -> None:
    # the thread's first header (over a line of its own) sits above the long text, so the header
    # over the long text is inside the thread: no article's dateline
    comments = split_document(_MAIL_PLAIN).comments
    assert [c.author for c in comments] == ["harbour_jo", "Mara Quell", "dunewalker", "Tobias Wren", "quayside_mo", "kettle_drum", "Otto Fenn"]
    assert comments[1].text.startswith("“@harbour_desk") and "towns that tried it reversed course" in comments[1].text


def test_a_thread_signed_below_keeps_its_first_signature_over_a_long_second_comment() -> None:
    # the first signature signs only words under the section's header and form: the long text
    # under it is the second comment's, no article under a dateline
    comments = split_document(_SIGNED).comments
    assert [c.author for c in comments][:3] == ["harbour_jo", "Mara Quell", "dunewalker"]
    assert comments[0].text.startswith("Gates shut")
    assert comments[1].text.startswith("“@harbour_desk") and "towns that tried it reversed course" in comments[1].text


def test_a_pager_over_a_lower_case_line_after_the_last_reply_still_leaves_it() -> None:
    # a line running on in lower case continues a sentence only when the line over it stops on a
    # word; a pager's line ends on its count
    last = ["Page: 1 2 3  Next ›  (3 total)", "new replies on this thread since you opened it, click here to load them"]
    assert _texts(_aged_thread(last))[-1] == "@harbourdesk @tidewatcher.."


def test_a_shouted_line_after_the_handles_it_answers_is_no_headline() -> None:
    assert not is_headline("@tidewatcher @TIDEWATCHER COULD YOU MAIL ME AT DESK@EXAMPLE.ORG AND I'LL READ THEM, THX")
