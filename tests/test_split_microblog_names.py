"""A microblog reply's display name as the thread prints it over its handle line: a removed
account's mark with the account's sign after it ("[deleted] 🔒"), or a name made of digits that the
handle under it spells ("4830962" over "@4830962 · Mar 3"), heads its reply like any other name.

Pages written for these tests (invented names, handles, numbers and words).
"""

from __future__ import annotations

import pytest

from replyscope.split import split_document
from replyscope.split.headers import looks_like_name
from splitpages import HARBOUR_POST as POST

_REPLIES = (
    ("Mara Quell", "@maraquell", "I walk that promenade every day and the railings have been rusting for years."),
    ("Otto Fenn", "@ottofenn", "Eleven weeks? You must be joking, I give it six months at least."),
    ("{odd}", "{odd_handle}", "Honestly I only care that we keep weekend access, thanks for asking."),
    ("Tamsin Vell", "@tamsinvell", "Do you know if the kiosk stays open while they work?"),
    ("kettle_drum", "@kettle_drum", "I think the bandstand took four months, so this sounds brave to me."),
)


def _page(odd: str, odd_handle: str, split_head: bool | None) -> str:
    out = [POST, "Conversation\n\n"]
    for name, handle, words in _REPLIES:
        name, handle = name.format(odd=odd), handle.format(odd_handle=odd_handle)
        day = 3 + len(out)
        if split_head is None:
            head = f"{name} {handle} · {day}h\n"  # (name, handle and age on one line)
        else:
            head = f"{name}\n{handle}\n·\nMar {day}\n" if split_head else f"{name}\n{handle} · Mar {day}\n"
        out.append(f"{head}{words}\n♡ 12  📊 1.4K\n\n")
    return "".join(out)


@pytest.mark.parametrize("split_head", [False, True, None])
@pytest.mark.parametrize(
    "odd, odd_handle, author",
    [
        ("[deleted] 🔒", "@user-4kq9x2", "[deleted]"),
        ("[deleted] ✔️", "@user-4kq9x2", "[deleted]"),
        ("4830962", "@4830962", "4830962"),
        ("4830962 🔒", "@4830962", "4830962"),
    ],
)
def test_an_odd_display_name_over_its_handle_heads_its_reply(odd, odd_handle, author, split_head):
    comments = split_document(_page(odd, odd_handle, split_head)).comments
    assert [c.text for c in comments] == [words for _, _, words in _REPLIES]
    assert comments[2].author.lstrip("@") in (author, odd_handle.lstrip("@"))


def test_a_removed_account_with_a_sign_reads_as_a_name():
    assert looks_like_name("[deleted] 🔒")
    assert looks_like_name("[removed] ✔️")
    # (words in brackets with a sign after them are no removed account)
    assert not looks_like_name("[see below] →")
