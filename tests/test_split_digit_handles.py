"""A handle made only of digits, where a header prints a reader's name, names that reader.

Pages written for these tests (invented names, numbers and words): a "by NAME (id) writes:" thread
whose second poster's handle is digits; a thread signed under each comment with "– NAME DATE";
numbers that are counters or ranks beside a name, which name nobody.
"""

from __future__ import annotations

import pytest

from replyscope.split import split_document
from replyscope.split.headers import read_header
from splitpages import HARBOUR_POST as POST


@pytest.mark.parametrize(
    "line, author",
    [
        ("by 61234 (61234) writes:", "61234"),
        ("by dunewalker (4830962) writes:", "dunewalker"),
        ("61234 says:", "61234"),
        ("– 61234 March 4, 2021", "61234"),
        ("61234 | 14 Mar 2015", "61234"),
        ("3. 4830962 | 14 Mar 2015", "4830962"),
        ("4830962 · 3 points · 1 day ago", "4830962"),
        # (a role's badge after the handle, a labelled field with no date)
        ("4830962 ♦ Mar 3 '21 at 09:10", "4830962"),
        ("Posted by: 4830962", "4830962"),
        # (a counter or a rank beside the name, or alone, is no handle)
        ("1 Tamsin Vell March 4, 2021", "Tamsin Vell"),
        ("#1.1 Thu Mar 14, 2013 09:48 PM", ""),
        ("12 says:", ""),
    ],
)
def test_a_handle_of_digits_in_the_name_place_is_the_author(line, author):
    h = read_header(line)
    assert h is not None and h.author == author, (line, h)


SLASHDOT_DIGITS = POST + (
    "Harbour wall repairs to start in spring (Score: 4, Insightful)\n"
    "by dunewalker (4830962) writes: on Tuesday March 03, 2020 @09:10AM\n"
    "Eleven weeks for a wall that long sounds optimistic, the bandstand took four months.\n\n"
    "Re: Harbour wall repairs to start in spring (Score: 2)\n"
    "by 61234 (61234) writes: on Tuesday March 03, 2020 @09:40AM\n"
    "The crews are already on the quay, so maybe they will manage it this time.\n\n"
    "Re: Harbour wall repairs to start in spring (Score: 3, Funny)\n"
    "by kettle_drum (5120877) writes: on Tuesday March 03, 2020 @10:02AM\n"
    "Weekend access is the only part of the plan I care about.\n\n"
)


def test_a_post_by_a_handle_of_digits_writes_its_own_words():
    comments = split_document(SLASHDOT_DIGITS).comments
    assert [c.author for c in comments] == ["dunewalker", "61234", "kettle_drum"]
    assert comments[1].text == "The crews are already on the quay, so maybe they will manage it this time."


def test_a_signature_of_digits_under_the_words_names_the_reader():
    page = POST + "3 Comments\n\n" + "".join(
        f"{words}\n– {name} March {day}, 2021\n\n"
        for words, name, day in (
            ("The railings have been rusting for years, the repair is long overdue.", "Mara Quell", 3),
            ("Weekend access is the part I care about, thanks for checking.", "61234", 4),
            ("Eleven weeks sounds optimistic for a wall that long.", "Otto Fenn", 5),
        )
    )
    comments = split_document(page).comments
    assert [c.author for c in comments] == ["Mara Quell", "61234", "Otto Fenn"]
    assert comments[1].text == "Weekend access is the part I care about, thanks for checking."


def test_a_guestbook_entry_posted_by_a_handle_of_digits_keeps_its_own_words():
    entries = (("Tamsin Vell", "The bandstand took four months, so eleven weeks sounds brave."),
               ("4830962", "The crews are already on the quay this morning."),
               ("kettle_drum", "Weekend access is the only part of the plan I care about."))
    page = POST + "Guestbook\n\n" + "".join(
        f"Entry #{k}\nPosted by: {name}\nPosted: Tuesday, March 3, 2020 at {k}:15 AM\nComments:\n{words}\n\n* * *\n\n"
        for k, (name, words) in enumerate(entries, 1)
    )
    comments = split_document(page).comments
    assert [(c.author, c.text) for c in comments] == list(entries)


def test_a_signature_of_digits_with_a_badge_signs_its_own_line():
    lines = (("The bandstand took four months, so eleven weeks sounds brave.", "Tamsin Vell"),
             ("The crews are already on the quay this morning.", "4830962 ♦"),
             ("Weekend access is the only part of the plan I care about.", "kettle_drum"))
    page = POST + "3 Comments\n\n" + "".join(
        f"{words} — {name} Mar {k} '21 at 09:1{k}\n\n" for k, (words, name) in enumerate(lines, 3)
    )
    comments = split_document(page).comments
    assert [c.text for c in comments] == [w for w, _ in lines]
    assert comments[1].author == "4830962"
