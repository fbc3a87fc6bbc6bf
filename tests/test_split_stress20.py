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

_LONG = [
    "The lock keeper told me the gates were last rebuilt in the sixties, and the steel was reused from the old swing bridge because nobody wanted to pay for new plate at the time.",
    "Every winter since then the divers have patched the same seams, and every spring the board has said the full repair would come next year, which is how we got here.",
    "If the board had set aside a little each year we would not be arguing about the price of steel now; the money went on the new offices by the marina instead.",
    "I would like to see the minutes of the meeting where that was decided, because I do not remember anyone on the quay being asked about it at all.",
    "My father worked the night shift on the quay for thirty years and he said the same thing about the gates every autumn when the storms came in from the west.",
    "The ferries have had to wait outside the lock twice this month already, and the skippers are losing a tide each time, which costs them more than the board seems to think.",
    "Nobody is asking for a new lock, only for the old one to be kept working, and that should not need a consultant's report or another year of meetings to agree on.",
    "So yes, spring it is again, and I will believe it when I see the divers in the water and the steel on the quay, not a day before that happens.",
    "And when it does happen, I hope somebody remembers who kept putting it off, because the people on the quay certainly will remember it for a long time.",
]
_SHORT = [
    "Well said, the offices were a mistake.",
    "Does anyone know when the meeting is?",
    "The divers deserve better than this.",
]
_PEOPLE = ["Mara Quell", "dunewalker", "Tobias Wren", "kettle_drum"]
_POST = "Lock Repairs Wait for Spring\n\nThe harbour board says the lock gates will be repaired in the spring.\n\n"


def _mail(first_long: int, subject: bool) -> tuple[str, list[str]]:
    """A mail archive's thread: a "From:" and a "Date:" field over each message (a "Subject: Re: ..."
    under them when `subject`), messages `first_long` and two after it of several paragraphs, the
    others a line, a rule under each."""
    words = list(_SHORT) + ["Agreed with every word of that."]
    words.insert(first_long, "\n\n".join(_LONG))
    words.insert(first_long + 2, "\n\n".join(_LONG[::-1]))
    page = "Skip to content\nMenu\nSearch\n\n" + _POST + f"Thread: {len(words)} messages\n\n"
    for k, w in enumerate(words):
        name = _PEOPLE[k % len(_PEOPLE)] + ("" if k < len(_PEOPLE) else " Jr")
        login = name.lower().replace(" ", ".")
        page += f"From: {login}@example.org ({name})\nDate: Tue, 3 Mar 2020 14:{10 + k}:05 +0000\n"
        page += "Subject: Re: Lock Repairs Wait for Spring\n\n" if subject else "\n"
        page += f"{w}\n\n--\n{name}\n\n________________________________________\n\n"
    return page + "Messages sorted by: [ date ] [ thread ]\n", words


def test_a_long_first_message_that_answers_by_subject_is_a_reply() -> None:
    # "Re: <the topic>" over its text: a reply's subject, which no article's dateline wears
    page, words = _mail(0, subject=True)
    assert _texts(page) == [" ".join(w.split()) for w in words]


def test_a_long_message_under_the_thread_s_first_one_is_a_reply() -> None:
    # no subject to go by: the thread's first header (over a line of its own) is above the long
    # text, so the header over the long text is inside the thread, no article's dateline
    page, words = _mail(1, subject=False)
    assert _texts(page) == [" ".join(w.split()) for w in words]


def test_a_thread_signed_below_keeps_its_first_signature_over_a_long_second_comment() -> None:
    # comments signed under their words ("– name" over its age and a Reply link) under the
    # section's header and form; the first one short, the second long
    words = list(_SHORT)
    words.insert(1, "\n\n".join(_LONG))
    page = _POST + "Comments\n\nHave your say\nSubmit\n\n"
    for name, w in zip(_PEOPLE, words):
        page += f"{w}\n– {name}\n12 hours ago\nReply\n\n"
    page += "House rules\nBack to top\n"
    assert _texts(page) == [" ".join(w.split()) for w in words]
