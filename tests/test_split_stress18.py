"""Removed replies stay comments (session 18, the reply stress's "deleted" kind): a removed
reply's mark ("[comment deleted]", "[removed]") is what the page shows for its words, so the
comment is read with that text and its header, in every layout. Every page here is invented."""

from __future__ import annotations

from replyscope.split import split_document

_ARTICLE = (
    "Harbour Board Delays the Lock Repairs Again\n\n"
    "The harbour board said on Tuesday that the repairs to the old lock gates would wait until the "
    "spring, citing the cost of steel and a shortage of divers. Residents along the quay have asked "
    "for a public meeting, and the board has promised one before the end of the month, though no "
    "date has been set and the minutes of the last meeting are still not published.\n\n"
)


def _comments(text: str) -> list[tuple[str, str]]:
    return [(c.author, c.text) for c in split_document(text).comments]


def _board_post(stamp: str, number: int, name: str, words: str, fields: str = "Date joined: Mar 2011\nPosts: 1,204") -> str:
    return f"{stamp}   #{number}\n{name}\nSenior Member\n{fields}\n\n{words}\n\nQuote  Quick Reply\n\n"


def test_removed_post_under_a_board_profile_is_a_comment() -> None:
    # a board's post: date and place, name, rank and profile fields, then the words; the removed
    # one shows "[comment deleted]" where its words were, its author gone or not
    posts = [
        _board_post("03-02-2019, 09:14 AM", 2, "tidewatcher", "The divers were booked last year, I saw the notice myself."),
        _board_post("03-02-2019, 09:40 AM", 3, "[deleted] (offline)", "[comment deleted]"),
        _board_post("03-02-2019, 10:02 AM", 4, "quayside_mo", "Why would you wait for spring when the gates leak now?"),
        _board_post("03-02-2019, 10:15 AM", 5, "Fenwick Arle", "[comment deleted]"),
        _board_post("03-02-2019, 11:31 AM", 6, "tidewatcher", "You are right, the leak is worse every week."),
    ]
    got = _comments(_ARTICLE + "".join(posts) + "All times are GMT.\n")
    assert ("[deleted]", "[comment deleted]") in got
    assert ("Fenwick Arle", "[comment deleted]") in got
    assert len(got) == 5


def test_removed_reply_signed_from_below_is_a_comment() -> None:
    # words over a signature line ("– name, age"), the thread's habit: a removed reply's mark over
    # a gone author's signature is one of its replies
    rows = [
        ("I have lived on the quay for thirty years and never seen it this bad.", "– quayside_mo, 4 hours ago", "12 people agree"),
        ("Do you think the board will listen this time?", "– Fenwick Arle, 4 hours ago", "3 people agree"),
        ("[comment deleted]", "– [deleted], 3 hours ago", "9 people agree"),
        ("My street floods whenever the tide is high, so yes, I hope so.", "– tidewatcher (Leeds), 2 hours ago", "5 people agree"),
    ]
    page = _ARTICLE + "".join(f"{w}\n{s}\n{n}\nReply\n\n" for w, s, n in rows)
    got = _comments(page)
    assert ("[deleted]", "[comment deleted]") in got
    assert len(got) == 4


def test_quote_of_a_removed_post_keeps_the_mark_and_the_answer() -> None:
    # a forum reply quoting a removed post ("X said:", the mark, the quote's toggle) and answering
    # it with an emoji: the quote's mark and the answer are the reply's words
    def post(name: str, words: str, number: int) -> str:
        return f"{name}\nMar 3, 2019\nPost #{number}\n{words}\n♥ 2\nLike\nReply\nReport\n\n"

    page = _ARTICLE + "5 posts\n\n" + "".join(
        (
            post("[deleted]", "[comment deleted]", 2),
            post("tidewatcher", "I think the steel price doubled since the last tender, that is the real story.", 3),
            post("quayside_mo", "[deleted] said:\n[comment deleted]\nClick to expand...\n🤔", 4),
            post("Fenwick Arle", "Did anybody ask the fishermen? They use the lock every day, you know.", 5),
        )
    )
    got = dict(_comments(page))
    assert got["[deleted]"] == "[comment deleted]"
    assert got["quayside_mo"].startswith("[deleted] said:\n[comment deleted]")
    assert got["quayside_mo"].endswith("🤔")


def test_small_bulleted_thread_with_removed_replies_is_read() -> None:
    # a short thread of bulleted names, half of its replies removed: the removed ones say nothing
    # either way, the others talk, so it is a thread
    page = (
        "Lock repairs postponed to spring\n\nLock repairs postponed to spring, the board says.\n\n"
        "  • [deleted]\n\n    [removed]\n\n"
        "      • tidewatcher\n\n        I was at the meeting and they never said a word about spring.\n\n"
        "          • [deleted]\n\n            [removed]\n\n"
        "          • quayside_mo\n\n            The paper printed the new date last week, on the second page under the tide tables.\n"
    )
    got = _comments(page)
    assert [a for a, _ in got] == ["[deleted]", "tidewatcher", "[deleted]", "quayside_mo"]
    assert got[0][1] == "[removed]"


def test_reply_to_a_gone_author_drops_its_target_line() -> None:
    # "@[deleted]" over a reply names whom it answers, as "@name" does: not the reply's words
    rows = [
        ("[ Removed by moderator ]", "[deleted] | 1 day ago", ""),
        ("@[deleted]\n😂😂😂", "Fenwick Arle | a day ago", "    "),
        ("The board meets on Thursday, bring your questions.", "tidewatcher | 1 day ago", ""),
        ("I will be there with the whole street.", "quayside_mo | 20 hours ago", "    "),
    ]
    body = "".join("\n".join(ind + x for x in (w + "\n" + s).split("\n")) + "\n\n" for w, s, ind in rows)
    got = dict(_comments(_ARTICLE + "Your views\n12 comments so far\n\n" + body))
    assert got["Fenwick Arle"] == "😂😂😂"


def test_removed_words_under_a_gone_author_are_not_the_next_card() -> None:
    # a removed post whose words are the gone author's own mark ("[deleted]" under "[deleted]"):
    # the mark is its words, not the top of a profile card over the next post
    def post(name: str, words: str, number: int) -> str:
        return f"{name}\nMar '19\nPost #{number}\n{words}\nReactions: Ana, Bo and 2 others\nReply\nQuote\n\n"

    page = _ARTICLE + "".join(
        (
            post("tidewatcher", "The gates were last painted when my father worked the lock.", 1),
            post("quayside_mo", "And the board still sends the same man to inspect them, every year.", 2),
            post("[deleted]", "[deleted]", 3),
            post("Fenwick Arle", "At least the swans are happy with the still water behind them.", 4),
            post("[deleted]", "[removed]", 5),
            post("tidewatcher", "Bring a flask to the meeting, it will run late again.", 6),
        )
    )
    got = _comments(page)
    assert ("[deleted]", "[deleted]") in got
    assert ("[deleted]", "[removed]") in got
    assert len(got) == 6
