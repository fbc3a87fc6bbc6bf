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
