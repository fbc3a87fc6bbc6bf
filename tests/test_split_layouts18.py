"""Comment layouts of session 18 (layouts18): a code host's issue thread, a federated link forum,
a wiki's talk page and a journal site's comments. Every string here is invented."""

from __future__ import annotations

import pytest

from replyscope.evaluate.layout_variants import ROUND18_VARIANTS
from replyscope.split import split_document
from replyscope.split.chrome import is_badge_line, is_chrome
from replyscope.split.headers import cut_counters, read_header
from layout_checks import assert_rendered_and_split_back
from replyscope.split.line_led import end_signature

THREAD = {
    "thread_id": "t18",
    "source": {"id": "t18", "title": "The lighthouse keeper's cottage goes up for sale", "text": "The council will sell the old keeper's cottage on the headland this spring.", "author": "coastdesk", "created": "2022-03-02T08:00:00Z"},
    "replies": [
        {"id": "r1", "text": "Whoever buys it will have to keep the footpath to the light open all year.", "author": "Marit Solberg", "parent_id": "t18", "created": "2022-03-02T08:20:00Z", "stance": "comment"},
        {"id": "r2", "text": "Is that written into the deeds, or only a promise from the council?", "author": "gullwatch", "parent_id": "r1", "created": "2022-03-02T09:05:00Z", "stance": "query"},
        {"id": "r3", "text": "My grandfather kept that light for thirty years.\n\nThe cottage had no running water until the sixties.", "author": "Tamsin Orrell", "parent_id": "t18", "created": "2022-03-02T10:10:00Z", "stance": "comment"},
        {"id": "r4", "text": "It is in the deeds, the planning notice says so on page two.", "author": "Idris Quayle", "parent_id": "r2", "created": "2022-03-02T11:45:00Z", "stance": "support"},
    ],
}
OWN = ("r1", "r2", "r3", "r4")

ARTICLE = """Headland Gazette

The lighthouse keeper's cottage goes up for sale

The council will sell the old keeper's cottage on the headland this spring, ending sixty years in
which it stood empty beside the automated light. Walkers' groups have asked that the sale keep the
path to the light open, and the council says the buyer will be bound to keep it so.
"""


def _split(section: str):
    return split_document(ARTICLE + "\n" + section)


def _said(section: str) -> list[tuple[str, str]]:
    return [(c.author, c.text) for c in _split(section).comments]


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("variant", ROUND18_VARIANTS)
def test_new_layouts_are_deterministic_and_the_splitter_finds_every_reply(variant, seed):
    assert_rendered_and_split_back(THREAD, OWN, variant, seed)


# ------------------------------------------------------------------ a code host's issue thread


def test_issue_thread_with_roles_reactions_and_timeline_events():
    section = """Open
pelican-ops opened this issue 3 days ago · 4 comments

marit-solberg commented 3 days ago  Member
Whoever buys it will have to keep the footpath to the light open all year.
👍 4  🎉 1

gullwatch added the question label 3 days ago

gullwatch commented 2 days ago • edited
Owner
🤔
😕 2

tamsin-orrell commented on Mar 2, 2022
My grandfather kept that light for thirty years.

Write
Preview
Comment
"""
    assert _said(section) == [
        ("marit-solberg", "Whoever buys it will have to keep the footpath to the light open all year."),
        ("gullwatch", "🤔"),
        ("tamsin-orrell", "My grandfather kept that light for thirty years."),
    ]


def test_issue_headers_roles_and_events_read_as_the_site_prints_them():
    h = read_header("marit-solberg commented 3 days ago  Collaborator")
    assert h is not None and h.author == "marit-solberg" and h.posted_raw == "3 days ago"
    h = read_header("marit-solberg commented 5h • edited")
    assert h is not None and h.author == "marit-solberg" and h.posted_raw == "5h"
    h = read_header("commented on Mar 2, 2022")
    assert h is not None and h.kind == "date" and h.posted_raw == "Mar 2, 2022"
    for s in ("gullwatch added the question label 3 days ago", "ren closed this as completed on Mar 2, 2022", "This was referenced Mar 4, 2022", "12 hidden items"):
        assert is_chrome(s), s
    for s in ("i posted the link 2 days ago", "We closed the shop 3 days ago", "The council added the path in 2019 and nobody asked"):
        assert not is_chrome(s), s
    for s in ("Member", "Owner", "Collaborator", "Maintainer"):
        assert is_badge_line(s) and not is_chrome(s), s


# ------------------------------------------------------------------ a federated link forum


def test_federated_forum_handles_votes_and_folds():
    section = """12 comments
sort: Hot

▲
14
▼
[-] marit_s@harbour.example OP
2 hours ago
Whoever buys it will have to keep the footpath to the light open all year.
↩ reply  🔗 link  ⚑ report  ☆ save

    ▲
    6
    ▼
    [-] gullwatch@moss.example mod
    1 hour ago
    Is that written into the deeds?
    ↩ reply  🔗 link  ⚑ report  ☆ save
    Show 2 more
"""
    assert _said(section) == [
        ("marit_s@harbour.example", "Whoever buys it will have to keep the footpath to the light open all year."),
        ("gullwatch@moss.example", "Is that written into the deeds?"),
    ]
    assert cut_counters("gullwatch@moss.example mod 6 points") == "gullwatch@moss.example"
    h = read_header("[-] gullwatch@moss.example mod 6 points 1h")
    assert h is not None and h.author == "gullwatch@moss.example" and h.posted_raw == "1h"
    for s in ("▲", "↩ reply  🔗 link  ⚑ report  ☆ save", "Show 2 more", "reply · link · report · source"):
        assert is_chrome(s), s
    assert not is_chrome("Source?")


# ------------------------------------------------------------------ a wiki's talk page


def test_talk_page_signatures_end_the_comments_and_colons_nest_them():
    section = """Talk: Keeper's cottage

Footpath clause[edit]

Whoever buys it will have to keep the footpath open. — Marit Solberg (talk) 08:20, 2 March 2022 (UTC)
:Is that written into the deeds? --gullwatch (talk · contribs) 09:05, 2 March 2022 (UTC)
::It is in the deeds, page two.
::The notice says so. Idris Quayle (talk | contribs) 11:45, 2 March 2022 (UTC)
:::👍
:::— Tamsin Orrell (talk) 12:01, 2 March 2022 (UTC)

Add topic
"""
    got = _split(section).comments
    assert [(c.author, c.text) for c in got] == [
        ("Marit Solberg", "Whoever buys it will have to keep the footpath open."),
        ("gullwatch", "Is that written into the deeds?"),
        ("Idris Quayle", "It is in the deeds, page two.\n::The notice says so."),
        ("Tamsin Orrell", "👍"),
    ]
    assert [c.parent for c in got] == [None, 0, 1, 2]


def test_wiki_signatures_where_the_name_starts():
    sig = end_signature("Fine by me. Idris Quayle (talk) 11:45, 2 March 2022 (UTC) Reply")
    assert sig is not None and sig[1] == "Idris Quayle" and sig[2] == "11:45, 2 March 2022"
    sig = end_signature("fine by me gullwatch talk 11:45, 2 March 2022 (UTC)")
    assert sig is not None and sig[1] == "gullwatch"
    sig = end_signature("Agreed, see the map. P. Okafor (talk) 11:45, 2 March 2022 (UTC)")
    assert sig is not None and sig[1] == "P. Okafor"
    assert end_signature("We should talk 10:30 tomorrow at the quay") is None
    h = read_header("Idris Quayle (talk · contribs) 11:45, 2 March 2022 (UTC)")
    assert h is not None and h.author == "Idris Quayle" and h.posted_raw == "11:45, 2 March 2022"
    h = read_header("Mon Mar 2, 2022 10:12 AM EDT")  # (a zone without brackets stays the stamp's)
    assert h is not None and h.posted_raw == "Mon Mar 2, 2022 10:12 AM EDT"


# ------------------------------------------------------------------ a journal site's comments


def test_journal_comments_with_subjects_and_bracketed_links():
    section = """4 comments | Post a new comment

Marit Solberg
2022-03-02 08:20 am (UTC)
(no subject)
Whoever buys it will have to keep the footpath to the light open all year.
(Reply) (Thread) (Link)

  gullwatch
  2022-03-02 09:05 am (UTC)
  Re: The lighthouse keeper's cottage
  Is that written into the deeds?
  (Reply) (Thread) (Parent) (Link) (Expand)

(Anonymous)
2022-03-02 10:10 am (UTC)
On the footpath
🙄
(Reply) (Thread) (Link)

(Post a new comment)
"""
    assert _said(section) == [
        ("Marit Solberg", "Whoever buys it will have to keep the footpath to the light open all year."),
        ("gullwatch", "Is that written into the deeds?"),
        ("(Anonymous)", "🙄"),
    ]
    for s in ("(Reply) (Thread) (Parent) (Link) (Expand)", "Reply | Thread | Link", "(no subject)", "(Deleted comment)"):
        assert is_chrome(s), s
    h = read_header("2022-03-02 08:20 am (UTC)")
    assert h is not None and h.kind == "date" and h.posted_raw == "2022-03-02 08:20 am"
