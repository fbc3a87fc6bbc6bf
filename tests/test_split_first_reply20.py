"""Session 20 (tidy20): two-comment threads whose layout hides the habit a longer thread shows.

A journal titles each comment with a subject line under its header; on a page of two comments
neither subject may be of the marked kind ("Re: ...", "(no subject)"), and the subject is then
read from its shape in both; a marked one may be as long as the post's title. A field-shaped line
right over the row of links is a message's words, not its header's. A review under a "Customer
reviews" header, closed by its row of actions, and one short response under it are two comments,
though the response has no row of its own; so are two board posts whose headers differ by one
post's subject line, and a reaction under its reader's role badge. A plugin's first comment of a
count alone ("+1") is read under its name. Every string here is invented.
"""

from __future__ import annotations

from replyscope.split import split_document

from test_split_first_reply19 import ARTICLE


def _said(page: str) -> list[tuple[str, str]]:
    return [(c.author, c.text) for c in split_document(page).comments]


def _journal(*comments: str) -> str:
    """A journal's page: each comment its header and its lines, then its row of links."""
    rows = [c.strip("\n") + "\n(Reply) (Thread) (Link)" for c in comments]
    return ARTICLE + "\n2 comments | Post a new comment\n\n" + "\n\n".join(rows) + "\n"


WORDS = "Nobody on the council takes that boat, so of course it goes first."


# ------------------------------------------------------------------ subjects of the readers' own


def test_two_unmarked_subjects_are_subjects_and_the_sign_under_one_is_the_reply():
    page = _journal(
        f"quaywalker | 2024-03-05 08:14 am (UTC)\nEarly boat\n{WORDS}",
        "Ines Marlow | 2024-03-05 09:02 am (UTC)\nFair point\n👍",
    )
    assert _said(page) == [("quaywalker", WORDS), ("Ines Marlow", "👍")]


def test_a_short_first_line_going_on_in_lower_case_is_the_readers_words():
    # (a sentence wrapped across lines: its first line is no subject, in either comment)
    page = _journal(
        "quaywalker | 2024-03-05 08:14 am (UTC)\nNobody on the council\ntakes that boat, so of course it goes first.",
        "Ines Marlow | 2024-03-05 09:02 am (UTC)\nThe later sailing\nsuits the school run at least.",
    )
    said = _said(page)
    assert [a for a, _ in said] == ["quaywalker", "Ines Marlow"]
    assert said[0][1].startswith("Nobody on the council") and said[1][1].startswith("The later sailing")


def test_one_comment_with_no_subject_line_keeps_both_first_lines():
    # (the second comment opens on a sentence: not every comment is titled, so neither is)
    page = _journal(
        f"quaywalker | 2024-03-05 08:14 am (UTC)\nEarly boat\n{WORDS}",
        "Ines Marlow | 2024-03-05 09:02 am (UTC)\nI agree with that entirely.",
    )
    said = _said(page)
    assert said[0][1].startswith("Early boat") and said[1][1] == "I agree with that entirely."


def test_a_long_re_subject_is_a_subject_beside_an_unmarked_one():
    # ("Re: " and the post's whole title, a link and all, longer than an unmarked subject may be)
    title = "Ferry timetable to change in the spring https://example.org/harbour/ferry-spring-2024"
    page = _journal(
        f"quaywalker | 2024-03-05 08:14 am (UTC)\nEarly boat\n{WORDS}",
        f"Ines Marlow | 2024-03-05 09:02 am (UTC)\nRe: {title}\n❤️",
    )
    assert _said(page) == [("quaywalker", WORDS), ("Ines Marlow", "❤️")]


def test_a_field_shaped_line_right_over_the_row_of_links_is_the_words():
    # ("Word: ..." under a "From:" / "Date:" block, with nothing else under it: the header block
    # would leave the message no words)
    typical = "Typical: the first boat cut is the one the council never takes."
    page = _journal(
        f"From: quaywalker\nDate: 2024-03-05 08:14 am (UTC)\n{typical}",
        "From: Ines Marlow\nDate: 2024-03-05 09:02 am (UTC)\n😂😂",
    )
    assert _said(page) == [("quaywalker", typical), ("Ines Marlow", "😂😂")]


def test_a_field_line_over_the_words_stays_in_the_header_block():
    later = "The later sailing suits the school run at least."
    page = _journal(
        f"From: quaywalker\nDate: 2024-03-05 08:14 am (UTC)\nLocation: the island\n{WORDS}",
        f"From: Ines Marlow\nDate: 2024-03-05 09:02 am (UTC)\nLocation: the mainland\n{later}",
    )
    assert [w for _, w in _said(page)] == [WORDS, later]


# ------------------------------------------------------------------ a review and its response

# (long enough, over 1,500 characters, to be read as an article were nothing to vouch for it)
REVIEW = [
    "I bought the folding bike for the ferry commute and it has done two hundred crossings now. The hinge has loosened twice and "
    "the shop tightened it for free both times, but the chain guard rubs on every turn and the bag rack will not take a full pannier.",
    "For the price I expected a rack that fits the bags the same shop sells, and a hinge that holds through a wet winter. The gears "
    "are fine on the flat road to the quay and hopeless on the hill up from the harbour, where I walk it most mornings anyway.",
    "Folded, it fits under the bench on the lower deck, which is the whole point, and the crew have never once asked me to move it. "
    "Unfolded, it is heavier than the listing says by nearly a kilo, and the catch on the handlebar stem pinches a thumb in the cold.",
    "The tyres were the best part: no punctures in a year of gravel on the island side. The saddle was the worst, and I swapped it "
    "in the first week for an old one from the shed that had done ten years on my previous bike without any complaint at all.",
    "Would I buy it again? Perhaps, if the rack were fixed and the hinge came with a proper lock. As it is, two stars, and a warning "
    "to anyone with a steep road home: try carrying it up a flight of stairs in the shop before paying for it, and ask about the rack.",
    "A note on the lights, since nobody else mentions them: the front lamp runs off a dynamo in the hub and dims to nothing at walking "
    "pace, which is exactly when you need it on the unlit lane behind the slipway. I clipped a battery lamp on within the month.",
    "And the bell rusted. A small thing, but it is a bike sold for a salt-air commute, and the shop told me the bell is not covered "
    "by the warranty because it is an accessory, which seems a strange word for something bolted on at the factory before sale.",
]


def _review_page(row: str) -> str:
    return f"""Harbour Cycles

Folding commuter bike, seven gears

Light enough to carry up the gangway.

Customer reviews
3.1 out of 5
24 ratings


pennyfarthing77
★★☆☆☆ 2.0 out of 5 stars
Fine until the hinge went
Posted 3 days ago
{chr(10).join(REVIEW)}
{row}

    Response from tidewaiter
    Yesterday at 4:10 PM
    👏👏

See all reviews
"""


def test_a_review_closed_by_its_row_and_a_short_response_without_one_are_two_comments():
    said = _said(_review_page("7 people found this helpful\nHelpful | Report"))
    assert [a for a, _ in said] == ["pennyfarthing77", "tidewaiter"]
    assert said[0][1] == "\n".join(REVIEW) and said[1][1] == "👏👏"


def test_long_words_with_no_row_of_actions_under_them_are_not_vouched_for_by_a_short_reply():
    # (the row under the long words is the evidence they are a reader's: without it the page is
    # read as before this rule, with no thread)
    assert _said(_review_page("")) == []


# ------------------------------------------------------------------ board posts, one with a subject


def _board_page(first_words: str) -> str:
    return f"""Harbour Forum

Ferry timetable to change in the spring

By harbourdesk | 4 March 2024

The operator will cut two weekday sailings from April.

Page 1 of 1
Thread options

03-05-2024, 08:14 AM
#2
quaywalker (offline)
Senior Member   Date joined: Jan 2011   Posts: 2,310
Re: Ferry timetable to change in the spring

{first_words}

Quote
Report Post

03-05-2024, 09:02 AM
#3
Ines_M
Member   Date joined: Jun 2019   Posts: 88

🤔

Quote
Report Post
"""


def test_two_board_posts_are_alike_though_only_one_prints_its_subject():
    long_post = "\n\n".join(REVIEW)  # (long words: what the two headers printed alike vouch for)
    said = _said(_board_page(long_post))
    assert [a for a, _ in said] == ["quaywalker", "Ines_M"]
    assert said[0][1] == long_post and said[1][1] == "🤔"


# ------------------------------------------------------------------ a role badge over a reaction


def test_a_reaction_under_a_role_badge_is_a_readers_reaction():
    # (an issue tracker's two comments: the first's words do not talk (handles and capitals), the
    # second's owner badge, "Owner", sits between its header and its one sign, which is the
    # reader's answer all the same)
    page = ARTICLE + """
Open
harbourdesk opened this issue 3 days ago · 2 comments

quaywalker commented 5 hours ago
@Harbour_Desk @Ferry_Line - FOUR FEWER?!
🎉 4  👍 2

ferryline commented 2 hours ago
Owner
🙈
🎉 1

Assignees
No one assigned
"""
    said = _said(page)
    assert [a for a, _ in said] == ["quaywalker", "ferryline"]
    assert said[0][1] == "@Harbour_Desk @Ferry_Line - FOUR FEWER?!" and said[1][1].startswith("🙈")


# ------------------------------------------------------------------ a count as the first reply


def test_a_first_comment_of_a_count_alone_is_read_under_its_name():
    # (a plugin's comments, each name over its words over its row of actions; the first reply is
    # "+1" under a badge: the count is the reader's reply, not furniture ending the thread above)
    page = ARTICLE + """
4 Comments

Sort by
Top

Add a comment...

quaywalker
Top fan
+1
Like · Reply · 2d

Ines Marlow
The later sailing suits the school run at least.
Like · Reply · 2d

portwatcher
Has anybody asked the operator about the summer?
Like · Reply · 1d

Tobias Fenwright
Nine winters on the early boat and it was always thin in January.
Like · Reply · 1d

Comments plugin
"""
    said = _said(page)
    assert [a for a, _ in said] == ["quaywalker", "Ines Marlow", "portwatcher", "Tobias Fenwright"]
    assert said[0][1] == "+1"


def test_a_count_over_a_row_printed_one_action_a_line_is_the_reply():
    # ("Like" / "Reply" / "2d" one a line under each comment: the "+1" over "Like" is the reader's
    # reply, not the first action of the row)
    page = ARTICLE + """
3 Comments

Ines Marlow
The later sailing suits the school run at least.
Like
Reply
2d

quaywalker
Lives on the island
+1
Like
Reply
2d

portwatcher
Has anybody asked the operator about the summer?
Like
Reply
1d

Comments plugin
"""
    said = _said(page)
    assert [a for a, _ in said] == ["Ines Marlow", "quaywalker", "portwatcher"]
    assert said[1][1] == "+1"
