"""Session 28 (reply28f): comments as a feed, a notification mail and a photo page show them.

A feed's or a mail's date carries its zone as an offset ("Thu, 03 Mar 2022 11:02:45 +0000"); a
notification mail closes each message with its links, a "--" and an unsubscribe line; a photo
page signs a bare name's words with a footer row under them (a date or an age among action
words: "2 мар в 08:20  Ответить", "Posted 3 hours ago. ( permalink )"). Every string here is
invented.
"""

from __future__ import annotations

from replyscope.split import split_document
from replyscope.split.headers import read_header


def _said(page: str) -> list[tuple[str, str]]:
    return [(c.author, c.text) for c in split_document(page).comments]


def test_a_date_with_its_zone_as_an_offset_is_a_date():
    for line in ("Thu, 03 Mar 2022 11:02:45 +0000", "Fri, 11 Nov 2022 23:05:00 -0500", "3 Mar 2022 11:02 +01:00"):
        h = read_header(line)
        assert h is not None and h.kind == "date" and h.posted_raw == line


def test_a_clock_and_a_number_of_words_stay_apart():
    # (an offset is four figures right after its sign: a score after a time is no zone)
    h = read_header("Mar 3, 2022 11:02 +12 points")
    assert h is None or h.posted_raw != "Mar 3, 2022 11:02 +12"


_MAIL = (
    "Notifications\nMark all as read\n\n"
    "New comment on your post “Ferry timetable changes”\nWed, 02 Mar 2022 08:20:00 +0000\n\n"
    "Author: Mira Okafor\nEmail: mira.okafor@mail.example.org\nComment:\n"
    "The early boat has been late every day this week, is anyone else seeing that?\n\n"
    "Reply to this comment:\nhttps://harbour.example.com/2022/03/ferry-timetable/#comment-5521\n\n"
    "--\nManage your notification settings\n\n"
    "Dale Ferris replied to Mira Okafor's comment on “Ferry timetable changes”\nWed, 02 Mar 2022 09:41:13 +0000\n\n"
    "Author: Dale Ferris\nComment:\nYes, twenty minutes late on Tuesday and no notice at the pier.\n\n"
    "View it on the site:\nhttps://harbour.example.com/2022/03/ferry-timetable/#comment-5530\n\n"
    "--\nUnsubscribe\n\n"
    "New comment on your post “Ferry timetable changes”\nThu, 03 Mar 2022 11:02:45 +0000\n\n"
    "Author: Priya Sandoe\nURL:\nComment:\nI think they changed crews, it should settle down by next week.\n\n"
    "You can see all comments on this post here:\nhttps://harbour.example.com/2022/03/ferry-timetable/#comment-5544\n\n"
    "--\nYou are receiving this because you commented on this post.\n"
)


def test_a_notification_mails_tail_is_no_part_of_the_comment():
    said = _said(_MAIL)
    assert said == [
        ("Mira Okafor", "The early boat has been late every day this week, is anyone else seeing that?"),
        ("Dale Ferris", "Yes, twenty minutes late on Tuesday and no notice at the pier."),
        ("Priya Sandoe", "I think they changed crews, it should settle down by next week."),
    ]


def test_a_readers_own_link_and_sign_off_stay_in_the_words():
    # (no mail footer under the "--": a reader's sign-off, and the link over it is the reader's)
    page = _MAIL.replace(
        "I think they changed crews, it should settle down by next week.\n\nYou can see all comments on this post here:\n"
        "https://harbour.example.com/2022/03/ferry-timetable/#comment-5544\n\n--\nYou are receiving this because you commented on this post.\n",
        "I think they changed crews, the notice is here:\nhttps://ferries.example.org/notices/crews\n",
    )
    said = _said(page)
    assert said[2][0] == "Priya Sandoe"
    assert "https://ferries.example.org/notices/crews" in said[2][1]


_RUSSIAN_FOOTERS = (
    "12 комментариев\nПоказать все комментарии\n\n"
    "Мира Окафор\nThe early boat has been late every day this week, did you see that too?\n2 мар в 08:20  Ответить  Нравится 3\n\n"
    "Дейл Феррис\nМира, yes I think it was twenty minutes late on Tuesday and nobody told us.\n2 мар в 09:41  Ответить\n\n"
    "Прия Сандо\nThey changed crews, I think it should settle down by next week anyway.\n3 мар 2021  Ответить  Нравится 12\n\n"
    "Написать комментарий...\n"
)


def test_a_russian_footer_row_signs_the_name_over_the_words():
    said = _said(_RUSSIAN_FOOTERS)
    assert [a for a, _ in said] == ["Мира Окафор", "Дейл Феррис", "Прия Сандо"]
    assert said[0][1] == "The early boat has been late every day this week, did you see that too?"
    assert said[2][1] == "They changed crews, I think it should settle down by next week anyway."


def test_a_russian_stamp_is_a_date_and_not_a_list_number():
    for line in ("2 мар в 08:20", "14 октября 2021", "2 мар в 08:20  Ответить  Нравится 3"):
        h = read_header(line)
        assert h is not None and h.kind == "date", line


_POSTED_FOOTERS = (
    "1,204 views\n33 faves\n3 comments\n\n"
    "Mira Okafor\nLovely light on the water, was this taken from the north pier?\nPosted 3 years ago. ( permalink )\n\n"
    "dale_ferris\nYes, just before the early boat came in, I think it was about seven.\nPosted 2 years ago. ( permalink )\n\n"
    "Priya Sandoe\nThe colours are wonderful, I would love a print of this one.\nPosted 11 months ago. ( permalink )\n\n"
    "Add a comment\nWould you like to comment?\n"
)


def test_a_posted_age_with_a_bracketed_action_signs_the_words_over_it():
    said = _said(_POSTED_FOOTERS)
    assert said == [
        ("Mira Okafor", "Lovely light on the water, was this taken from the north pier?"),
        ("dale_ferris", "Yes, just before the early boat came in, I think it was about seven."),
        ("Priya Sandoe", "The colours are wonderful, I would love a print of this one."),
    ]
