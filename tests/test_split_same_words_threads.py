"""A thread whose readers all say the same words (a petition's line, a slogan) is still a thread.

Pages written for these tests (invented names and words): a social plugin's thread and a
"Name says:" thread under a comment section's header, every reader posting one sentence; the
same sentence under a repeated byline and no section header, which is a widget's, not a thread.
"""

from __future__ import annotations

import pytest

from replyscope.split import split_document
from splitpages import HARBOUR_POST as POST

NAMES = ["Mara Quell", "Tobias Wren", "Ilse Marrow", "Otto Fenn", "Perpetua Lisle"]
SAME = "Sign the petition to keep the promenade open at weekends."


def _plugin(n: int) -> str:
    return POST + f"{n} comments\n\n" + "".join(f"{name}\n{SAME}\nLike · Reply · 2d\n\n" for name in NAMES[:n]) + "Harbour Weekly Comments Plugin\n"


def _says(n: int) -> str:
    return (
        POST
        + f"{n} Responses\n\n"
        + "".join(f"{name} says:\nMarch {k + 3}, 2021 at 9:1{k} pm\n{SAME}\nReply\n\n" for k, name in enumerate(NAMES[:n]))
        + "Leave a Reply\n\nYour email address will not be published.\n"
    )


@pytest.mark.parametrize("page", [_plugin, _says])
@pytest.mark.parametrize("n", [3, 5])
def test_readers_who_all_say_the_same_words_are_a_thread(page, n):
    comments = split_document(page(n)).comments
    assert [c.author for c in comments] == NAMES[:n]
    assert all(c.text == SAME for c in comments)


def test_one_line_under_one_byline_down_the_page_is_no_thread():
    # (the same words under every header and one name over them all: a widget repeated)
    page = POST + "".join(f"Harbour Desk says:\nMarch {k + 3}, 2021 at 9:1{k} pm\n{SAME}\nReply\n\n" for k in range(4))
    assert split_document(page).comments == []
