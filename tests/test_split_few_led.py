"""A post that drew one reply, laid out as a chat log or as comments signed at their lines' end:
two lines of the shape, set apart from the article, are its thread. Every string here is invented."""

from __future__ import annotations

from replyscope.split import split_document

ARTICLE = """Harbour Gazette

The ferry timetable changes again from Monday

The island ferry will leave the harbour twenty minutes earlier on weekdays from Monday, the
operator said, after a winter of late arrivals blamed on the tide. Commuters who rely on the last
crossing of the evening have asked for a later boat on Fridays, which the operator will consider.
"""


def test_a_chat_log_of_two_lines_under_its_heading_is_a_thread():
    page = split_document(
        ARTICLE
        + """
Chat replay

[18:02] Mara Quell: Twenty minutes earlier means I miss the bus from the mill.
[18:05] dunewalker: 👍

Chat has ended
"""
    )
    assert [c.author for c in page.comments] == ["Mara Quell", "dunewalker"]
    assert [c.text for c in page.comments] == ["Twenty minutes earlier means I miss the bus from the mill.", "👍"]
    assert "the bus from the mill" not in page.body


def test_an_irc_style_pair_with_a_day_divider_over_it():
    page = split_document(
        ARTICLE
        + """
#harbour
2 messages

— 04 March 2020 —
18:02 <Otto Brine> The Friday boat was always full anyway.
18:03 <Ivy Marr> ❤️
"""
    )
    assert [c.text for c in page.comments] == ["The Friday boat was always full anyway.", "❤️"]


def test_two_comments_signed_at_their_lines_end_one_an_emoji():
    # (the emoji's line reads as a header to the block readers, the emoji in its name: the line
    # reader takes both lines, words and signature apart)
    page = split_document(
        ARTICLE
        + """
Share
Improve this question
Follow

asked 3 days ago

Will the Friday boat still wait for the late train from the city? – Mara Quell Mar 4, 2020 at 18:02
🤔 – dunewalker Mar 4, 2020 at 18:05

Show 4 more comments
"""
    )
    assert [c.author for c in page.comments] == ["Mara Quell", "dunewalker"]
    assert [c.text for c in page.comments] == ["Will the Friday boat still wait for the late train from the city?", "🤔"]


def test_two_log_lines_quoted_inside_the_article_are_no_thread():
    # (the article's prose goes on under them: a snippet of a transcript, not a thread)
    page = split_document(
        ARTICLE
        + """
The messages sent that night were read out at the inquiry:

[23:41] Mara Quell: Is the boat still coming?
[23:44] Otto Brine: Not tonight, the swell is too high.

The operator said the crossing was cancelled for safety and that passengers were told by text.
"""
    )
    assert page.comments == []


def test_two_signed_lines_right_under_the_articles_prose_are_no_thread():
    # (nothing sets them apart from the article over them: a pair of quoted remarks closing it)
    page = split_document(
        ARTICLE
        + """"The boat is never on time anyway," said one commuter on the quay – Mara Quell 3 days ago
"Earlier is better than cancelled," said another with a shrug – Otto Brine 2 days ago
"""
    )
    assert page.comments == []
