"""Very short replies stay comments (session 19, the reply stress's "short" kind): a reply of a
count or a sign ("+1", "+100", "100%", "?") reads as chrome (a score, a tally) or as too little to
be words, so the header over it was dropped and its line joined the comment above. A header of the
thread's own format, with such a line next to it that the page's template prints by none of its
other comments, heads that reply. Every page here is invented."""

from __future__ import annotations

from replyscope.split import split_document

_ARTICLE = (
    "Harbour Board Delays the Lock Repairs Again\n\n"
    "The harbour board said on Tuesday that the repairs to the old lock gates would wait until the "
    "spring, citing the cost of steel and a shortage of divers. Residents along the quay have asked "
    "for a public meeting, and the board has promised one before the end of the month, though no "
    "date has been set and the minutes of the last meeting are still not published.\n\n"
)

# (depth, name, words): two short replies in a row, one nested, and a "?" further down
_ROWS = [
    (0, "tidewatcher", "The divers were booked last year, I saw the notice myself."),
    (0, "quayside_mo", "+1"),
    (1, "Fenwick Arle", "+100"),
    (1, "marsh_hen", "Why would you wait for spring when the gates leak now?"),
    (2, "tidewatcher", "You are right, the leak is worse every week."),
    (0, "reedbank", "?"),
    (0, "ostler_j", "The minutes were promised in May and we still have nothing."),
]


def _comments(text: str) -> list[tuple[str, str]]:
    return [(c.author, c.text.strip()) for c in split_document(text).comments]


def _assert_every_reply(page: str, rows: list[tuple[int, str, str]] = _ROWS) -> None:
    got = _comments(page)
    for _, name, words in rows:
        assert (name, words) in got, (name, words, got)
    assert len(got) == len(rows)


def test_short_replies_under_linked_headers() -> None:
    # a link aggregator's thread: "name age | parent | next [-]", the words, "reply"
    page = _ARTICLE + "".join(
        f"{'  ' * d}{n} 2 hours ago | {'parent | ' if d else ''}next [-]\n{'  ' * d}{w}\n\n{'  ' * d}reply\n\n" for d, n, w in _ROWS
    )
    _assert_every_reply(page)


def test_short_replies_under_bulleted_names() -> None:
    # a bulleted name over the words indented deeper under it
    page = _ARTICLE + "".join(f"{'    ' * d}  • {n}\n\n{'    ' * d}    {w}\n\n" for d, n, w in _ROWS)
    _assert_every_reply(page)


def test_short_replies_signed_from_below() -> None:
    # the words over a signature, "– name, place", over its age; a "?" over the signature is the
    # reader's question, not the avatar of a reader with no name
    page = _ARTICLE + "Your views\n7 comments so far\n\n" + "".join(
        f"{w}\n– {n}, Leeds\n2 hours ago\n12 people agree\nReply\n\n" for _, n, w in _ROWS
    )
    _assert_every_reply(page)


def test_short_replies_under_says_headers() -> None:
    page = _ARTICLE + "".join(f"{n} says:\nMarch 3, 2019 at 9:14 am\n{w}\nReply\n\n" for _, n, w in _ROWS)
    _assert_every_reply(page)


def test_short_replies_under_mail_fields() -> None:
    page = _ARTICLE + "".join(f"From: {n}\nDate: Mon, 3 Mar 2019 09:14\n\n{w}\n\n----\n" for _, n, w in _ROWS)
    _assert_every_reply(page)


def test_short_reply_over_a_board_signature() -> None:
    # a board's post: date and place, name, profile, the words, a member's signature under a rule,
    # the row; "+1" over the signature is the post's words, the signature the board's
    def post(stamp: str, number: int, name: str, words: str, sig: str = "") -> str:
        tail = f"__________________\n{sig}\n" if sig else ""
        return f"{stamp}   #{number}\n{name}\nDate joined: Mar 2011   Posts: 1,204\n\n{words}\n{tail}\nReply With Quote\n\n"

    posts = [
        post("03-02-2019, 09:14 AM", 2, "tidewatcher", "The divers were booked last year, I saw the notice myself."),
        post("03-02-2019, 09:40 AM", 3, "quayside_mo", "Why would you wait for spring when the gates leak now?"),
        post("03-02-2019, 10:02 AM", 4, "Fenwick Arle", "+1", sig="Rowing since the old bridge fell"),
        post("03-02-2019, 11:31 AM", 5, "marsh_hen", "You are right, the leak is worse every week."),
    ]
    got = _comments(_ARTICLE + "".join(posts) + "All times are GMT.\n")
    assert ("Fenwick Arle", "+1") in got, got
    assert len(got) == 4


def test_last_reply_of_a_question_mark() -> None:
    # the thread's last reply is "?": it is still words under its header, so the headers head the
    # words under them and every text stays with its own author
    rows = [(0, n, w) for _, n, w in _ROWS if w != "?"] + [(0, "reedbank", "?")]
    page = _ARTICLE + "Comments (7)\n\n" + "".join(f"{n} says:\nMarch 3, 2019 at 9:14 am\n\n{w}\n\nLike\nReply\n\n" for _, n, w in rows)
    _assert_every_reply(page, rows)


def test_a_score_the_template_prints_by_every_comment_stays_chrome() -> None:
    # every header has its score under it ("+3", "+12"): the scores are the template's, no words
    rows = [(n, w, s) for (_, n, w), s in zip(_ROWS, ("+3", "+12", "+1", "+7", "+2", "+5", "+4")) if any(ch.isalpha() for ch in w)]
    page = _ARTICLE + "".join(f"{n} says:\nMarch 3, 2019 at 9:14 am\n{s}\n\n{w}\nReply\n\n" for n, w, s in rows)
    got = _comments(page)
    assert [w for _, w in got] == [w for _, w, _ in rows], got


def test_a_post_number_is_no_reply() -> None:
    # a forum post's place ("#3") over a reply of one emoji: the emoji is the reply, not "#3"
    def post(name: str, number: int, words: str) -> str:
        return f"{name}\nMar '19\n" + (f"#{number}\n" if number == 3 else "") + f"\n{words}\n\n"

    page = _ARTICLE + "4 Replies\n\n" + "".join(
        post(n, k, w)
        for k, (n, w) in enumerate(
            [("tidewatcher", "The divers were booked last year, I saw the notice myself."), ("quayside_mo", "Why would you wait for spring when the gates leak now?"), ("Fenwick Arle", "🙄"), ("marsh_hen", "You are right, the leak is worse every week.")],
            1,
        )
    )
    got = _comments(page)
    assert all(not w.startswith("#3") for _, w in got), got
