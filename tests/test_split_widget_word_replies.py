"""Replies whose whole words are what a widget prints too ("Report", "Share", "Like"), and removed
comments in a social plugin's thread.

Pages written for these tests (invented names, numbers and words): a social plugin's thread (a name,
perhaps a badge line, the words, a "Like · Reply · 2d" row) where some readers wrote only a widget's
word, the last of them over the plugin's own closing line; a thread of titled posts over
"by NAME (id) on DATE" headers, with a "Journal" line glued under some headers, where
two readers wrote only "Flag" and "Share"; a plugin thread that opens with a removed comment.
"""

from __future__ import annotations

import pytest

from replyscope.split import split_document
from splitpages import HARBOUR_POST as POST


def _plugin(rows, one_word_rows: bool = False) -> str:
    out = POST + f"{len(rows)} comments\n\n"
    for name, badge, words, depth in rows:
        t = "\t" * depth
        row = f"{t}Like\n{t}Reply\n{t}2d\n" if one_word_rows else f"{t}Like · Reply · 2d\n"
        out += f"{t}{name}\n" + (f"{t}{badge}\n" if badge else "") + f"{t}{words}\n" + row + "\n"
    return out + "Harbour Weekly Comments Plugin\n"


PLUGIN_ROWS = [
    ("Mara Quell", "", "The railings have been rusting for years, the repair is long overdue.", 0),
    ("Tobias Wren", "Top fan", "Weekend access is the part I care about, thanks for checking.", 1),
    ("Ilse Marrow", "Works at Fenn & Co", "Report", 1),
    ("Otto Fenn", "", "Like", 0),
    ("Perpetua Lisle", "Top fan", "Eleven weeks sounds optimistic for a wall that long.", 0),
    ("kettle_drum", "", "Share", 1),
    ("dunewalker", "Top fan", "Quote", 0),
    ("Birch", "", "They said six weeks for the bandstand and it took four months.", 0),
    ("J. Hollin", "Lives in Harbourside", "Upvote", 0),
]


def test_plugin_replies_of_a_widgets_word_are_kept_as_their_words():
    comments = split_document(_plugin(PLUGIN_ROWS)).comments
    assert [c.author for c in comments] == [name for name, _, _, _ in PLUGIN_ROWS]
    # (a badge under the name stays out of the words; the last reply's words are its own, not the
    # plugin's closing line under its row)
    assert [c.text for c in comments] == [words for _, _, words, _ in PLUGIN_ROWS]


def _titled(posts) -> str:
    out = POST + f"{len(posts)} comments\n\n"
    for k, (title, name, glued, words, row, depth) in enumerate(posts):
        t = "    " * depth
        out += f"{t}{title}\n{t}by {name} ({5120000 + 37 * k}) on Tuesday March 03, 2020 @0{k}:1{k}AM (#{61000000 + k})\n"
        out += (f"{t}{glued}\n" if glued else "") + f"\n{t}{words}\n\n{t}{row}\n\n"
    return out + "Harbour Weekly Top Deals\n"


TITLED_POSTS = [
    ("Eleven weeks? (Score:4, Insightful)", "dunewalker", "", "Eleven weeks for a wall that long sounds optimistic to me.", "Reply to This", 0),
    ("Re:Eleven weeks? (Score:2)", "kettle_drum", "Homepage Journal", "The bandstand took four months and nobody was surprised.", "Reply to This Parent Share", 1),
    ("Re:Eleven weeks? (Score:1)", "Mara Quell", "Journal", "Flag", "Share", 2),
    ("Weekend access (Score:3)", "Otto Fenn", "", "Share", "Reply to This", 0),
    ("Re:Weekend access (Score:2)", "Tobias Wren", "Journal", "The promenade stays open at weekends, the notice says so.", "Share", 1),
    ("Railings (Score:0)", "Ilse Marrow", "", "Rusting since before my children were born, and painted twice.", "Reply to This", 0),
]


def test_titled_posts_of_a_widgets_word_keep_their_words_and_the_next_title_its_place():
    comments = split_document(_titled(TITLED_POSTS)).comments
    assert [c.author for c in comments] == [name for _, name, _, _, _, _ in TITLED_POSTS]
    # (the next post's title, "(Score:3)" as the page's titles end, is not the words of the
    # post above it; the "Journal" line glued under a header is the header's)
    assert [c.text for c in comments] == [words for _, _, _, words, _, _ in TITLED_POSTS]


REMOVED = ("[deleted]", "", "[comment deleted]", 0)
REMOVED_REPLY = ("Otto Fenn", "", "[comment deleted]", 1)
WORDS = [row for row in PLUGIN_ROWS if len(row[2]) > 12]


@pytest.mark.parametrize("one_word_rows", [False, True])
@pytest.mark.parametrize(
    "rows",
    [[REMOVED, *WORDS], [WORDS[0], REMOVED_REPLY, REMOVED_REPLY, *WORDS[1:]], [REMOVED, REMOVED_REPLY, *WORDS]],
    ids=["opens-removed", "two-removed-in-a-row", "opens-with-two-removed"],
)
def test_removed_plugin_comments_stay_comments(rows, one_word_rows):
    comments = split_document(_plugin(rows, one_word_rows)).comments
    assert [c.author for c in comments] == [name for name, _, _, _ in rows]
    assert [c.text for c in comments] == [words for _, _, words, _ in rows]


@pytest.mark.parametrize("words", ["Who said it would be quick? The notice only promised that the work would start in spring.", "👏👏"])
def test_the_last_replys_words_under_a_marker_are_not_the_pages_furniture(words):
    # (an "Edited" marker under the last reply's header and an "In reply to" line over its words:
    # the words under them are the reader's, not the page's closing lines)
    head = POST + "4 comments\n\n"
    rows = [
        ("Mara Quell", "The railings have been rusting for years, the repair is long overdue."),
        ("Tobias Wren", "Weekend access is the part I care about, thanks for checking."),
        ("Perpetua Lisle", "Eleven weeks sounds optimistic for a wall that long."),
    ]
    page = head + "".join(f"{name} says:\n23 hours ago\n\n{words}\n\nLike · Reply · Share\n\n" for name, words in rows)
    page += "    Otto Fenn says:\n    23 hours ago\n    Edited\n\n    In reply to Mara Quell.\n\n"
    page += f"    {words}\n\n"
    page += "    Like\n    Like · Reply · Share\n\nShow more comments\n"
    comments = split_document(page).comments
    assert [c.author for c in comments] == ["Mara Quell", "Tobias Wren", "Perpetua Lisle", "Otto Fenn"]
    assert comments[3].text == words
