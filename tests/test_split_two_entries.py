"""A guestbook or a form's page with two entries, each a block of labelled fields: the entries
are read whole, without the next entry's number label or the fields around the words. Every
string here is invented."""

from __future__ import annotations

from replyscope.split import split_document

ARTICLE = """Harbour Gazette

The old pier reopens after the storm repairs

The old pier at the end of the promenade reopened on Saturday after six months of repairs to the
timber deck and the railings torn off in the February storm. The town council said the work came in
under budget, and the kiosk at the far end will open again for the summer from the first of May.
"""


def test_two_numbered_entries_leave_the_next_entrys_number_out_of_the_words():
    page = split_document(
        ARTICLE
        + """
Visitors' book

Entry #2
Name: Mara Quell
Location: Gullhaven
Date: 03.04.2021 10:12
Comment: 👍

Entry #1
Name: dunewalker
Date: 03.04.2021 09:40
Comment: Walked the whole length of it this morning, the new railings look very smart.
"""
    )
    assert [c.author for c in page.comments] == ["Mara Quell", "dunewalker"]
    assert [c.text for c in page.comments] == ["👍", "Walked the whole length of it this morning, the new railings look very smart."]


def test_two_entries_dated_under_their_words_are_a_thread():
    # (the date field closes each entry; one entry is an emoji alone, which does not talk)
    page = split_document(
        ARTICLE
        + """
Posted by: Otto Brine
City: Saltmere
Comments: The kiosk did the best chips on the coast, glad it is coming back.
Posted: 04.04.2021 18:02

* * *

Posted by: kelpie77
Comments: 😂😂😂
Posted: 04.04.2021 18:30

* * *
"""
    )
    assert [c.author for c in page.comments] == ["Otto Brine", "kelpie77"]
    assert page.comments[1].text == "😂😂😂"


def test_a_name_field_that_reads_like_a_heading_is_still_a_name():
    page = split_document(
        ARTICLE
        + """
Name : The Night Heron
From : Saltmere
Date : 04/05/2021 21:14
Message : 👏👏

==============================

Name : Ivy Marr
Date : 04/05/2021 21:20
Message : About time, the promenade was dead without it.
"""
    )
    assert [c.author for c in page.comments] == ["The Night Heron", "Ivy Marr"]


def test_the_guestbooks_link_to_its_form_closes_the_last_entry():
    page = split_document(
        ARTICLE
        + """
Visitors' book
2 entries

Entry #1
Your name: Otto Brine
Signed: 04.04.2021 18:02
Entry: The kiosk did the best chips on the coast, glad it is coming back.

Entry #2
Your name: kelpie77
Signed: 04.04.2021 18:30
Entry: 👍

Sign our guestbook
"""
    )
    assert [c.text for c in page.comments] == ["The kiosk did the best chips on the coast, glad it is coming back.", "👍"]


def test_a_last_entry_whose_words_read_as_a_date_keeps_its_own_name():
    # (the words field under the last entry's header holds its words, whatever they read as: the
    # headers still sit over their entries, not under them)
    page = split_document(
        ARTICLE
        + """
Guest Book
3 entries

Your name: Otto Brine
Where from: Saltmere
Entry: The kiosk did the best chips on the coast, glad it is coming back.
Signed: 04 Apr 2021

* * *

Your name: kelpie77
Entry: @OttoBrine the chips were always cold by the time you reached the end of the pier
Signed: 04 Apr 2021

* * *

Your name: Ivy Marr
Homepage: example.org
Entry: May 1, 2021
Signed: 04 Apr 2021

* * *

Sign our guestbook
"""
    )
    assert [c.author for c in page.comments] == ["Otto Brine", "kelpie77", "Ivy Marr"]
    assert page.comments[0].text.startswith("The kiosk did")
    assert page.comments[2].text == "May 1, 2021"
