"""Comment layouts of session 13 (layouts8): a mail archive's thread, comments signed under their
words, long-form responses. Every string here is invented."""

from __future__ import annotations

import pytest

from replyscope.evaluate.layout_variants import ROUND8_VARIANTS, render_variant
from replyscope.split import split_document

ARTICLE = """Harbour Gazette

The ferry that never came back

The old ferry to Kelp Island stopped running in the spring, and the council has still not said
whether it will return. Residents who relied on the morning crossing to reach the mainland market
now drive two hours around the bay, and several shops on the island have cut their opening days.
A council spokesperson said a decision would follow the summer budget review.
"""


def _split(section: str):
    return split_document(ARTICLE + "\n" + section)


def test_mail_archive_messages_are_read_by_their_from_and_date_fields():
    page = _split(
        """3 messages in thread

From: Mara Quell <mara.quell@example.org>
Date: Tue, 03 Mar 2020 21:14:05 +0000
Subject: Re: The ferry that never came back

The council promised a review last year as well, and nothing came of it.

--
Mara
Sent from my phone

________________________________________

From: dunewalker <dunewalker at example.net>
Date: Wed, 04 Mar 2020 08:02:44 +0000
Subject: Re: The ferry that never came back

On Tue, 03 Mar 2020 21:14:05 +0000, Mara Quell wrote:
> The council promised a review last year as well, and nothing came of it.

This time the budget vote is public, so we can at least see who decides.

________________________________________

Reply via email

From: otto.brine@example.org (Otto Brine)
Date: Wed, 04 Mar 2020 09:30:00 +0000
Subject: Re: The ferry that never came back

Does anyone know if the freight barge still takes passengers on Fridays?
"""
    )
    assert [c.author for c in page.comments] == ["Mara Quell", "dunewalker", "Otto Brine"]
    first, second, third = (c.text for c in page.comments)
    assert first == "The council promised a review last year as well, and nothing came of it."  # (no signature)
    assert "Subject:" not in second and second.startswith("On Tue") and second.endswith("who decides.")
    assert "Reply via email" not in second
    assert third.startswith("Does anyone know")
    assert page.comments[0].posted_raw.startswith("Tue, 03 Mar 2020")


def test_comments_signed_under_their_words_by_a_dash_and_a_town():
    page = _split(
        """Comments

The crossing was the only way my mother could get to her clinic appointments.
— Mara Quell, Saltmere
3 days ago
Reply | Report

Surely a smaller boat would cost less than the road repairs everyone is now paying for.
— dunewalker (Kelp Island), 2 days ago
Reply | Report

They said the same about the post office and it never reopened.
— Otto Brine, 1 day ago
Reply | Report
"""
    )
    assert [c.author for c in page.comments] == ["Mara Quell", "dunewalker", "Otto Brine"]
    assert page.comments[0].text.startswith("The crossing was") and page.comments[0].text.endswith("appointments.")
    assert page.comments[1].text.startswith("Surely a smaller boat")
    assert page.comments[2].posted_raw == "1 day ago"


def test_short_replies_signed_over_their_action_rows():
    # one short line each: the header closes its comment, its action row under it
    page = _split(
        """Comments

Ferries are infrastructure, full stop.
Mara Quell | 5 hours ago
Agree (4) | Disagree (1) | Reply

Not this again.
dunewalker | 4 hours ago
Agree (0) | Disagree (2) | Reply

Bring back the night crossing too.
Otto Brine | 3 hours ago
Agree (9) | Disagree (0) | Reply

@dunewalker
Yes, this again, until it runs.
Ivy Marr | 2 hours ago
Agree (3) | Disagree (0) | Reply
"""
    )
    assert [(c.author, c.text) for c in page.comments] == [
        ("Mara Quell", "Ferries are infrastructure, full stop."),
        ("dunewalker", "Not this again."),
        ("Otto Brine", "Bring back the night crossing too."),
        ("Ivy Marr", "Yes, this again, until it runs."),  # ("@dunewalker" over it names whom it answers)
    ]


def test_a_quotes_dash_attribution_in_an_article_is_no_comment():
    page = split_document(
        ARTICLE
        + """
"The sea does not wait for a budget review."
— Mara Quell

The council meets again on Thursday.
"""
    )
    assert page.comments == []


def test_long_form_responses_with_follow_buttons_and_clap_counts():
    page = _split(
        """Responses (3)

What are your thoughts?

Mara Quell · Follow
Mar 4
I grew up on the island and the ferry was how we got to school. Losing it changes who can stay.
48 claps
1 reply
Reply

dunewalker · Follow
Mar 5
The bus link the council suggested runs twice a day and misses the early shift entirely.
12
Reply

Otto Brine · Follow
Mar 6
Good piece. The numbers on the road repairs deserve their own story.
Reply
"""
    )
    assert [c.author for c in page.comments] == ["Mara Quell", "dunewalker", "Otto Brine"]
    assert all("claps" not in c.text and "Follow" not in c.text for c in page.comments)
    assert page.comments[0].text.endswith("who can stay.")


THREAD = {
    "thread_id": "t8",
    "source": {"id": "t8", "text": "The harbour ferry will not run this summer, the council said on Monday.", "author": "harbourdesk", "created": "2020-03-01T09:00:00Z"},
    "replies": [
        {"id": "r1", "text": "I think that is the third summer in a row without it, and nobody at the council seems to care.", "author": "Mara Quell", "parent_id": "t8", "depth": 1, "created": "2020-03-01T09:10:00Z", "stance": "comment"},
        {"id": "r2", "text": "Was there ever a plan to replace the old boat? I thought they had bought one.", "author": "dunewalker", "parent_id": "r1", "depth": 2, "created": "2020-03-01T09:20:00Z", "stance": "query"},
        {"id": "r3", "text": "We need it more than you do on the mainland, honestly. My kids take it to school.", "author": "Otto Brine", "parent_id": "t8", "depth": 1, "created": "2020-03-01T09:40:00Z", "stance": "comment"},
        {"id": "r4", "text": "You are right, and I would pay a higher fare if it meant the crossing came back.", "author": "Ivy Marr", "parent_id": "r3", "depth": 2, "created": "2020-03-01T10:05:00Z", "stance": "support"},
        {"id": "r5", "text": "Does anyone know if the freight barge still takes passengers? I heard it does on Fridays.", "author": "kelpie77", "parent_id": "t8", "depth": 1, "created": "2020-03-01T10:30:00Z", "stance": "query"},
    ],
}
OWN = ("r1", "r2", "r3", "r4", "r5")


@pytest.mark.parametrize("variant", ROUND8_VARIANTS)
def test_new_layouts_show_every_reply_and_split_back(variant):
    page = render_variant(THREAD, variant, seed=5)
    assert render_variant(THREAD, variant, seed=5) == page  # deterministic
    assert set(OWN) <= {r.id for r in page.replies}
    for r in page.replies:
        assert r.text in page.text
    found = {c.text for c in split_document(page.text).comments}
    for r in page.replies:
        if r.id in OWN:
            assert any(r.text.splitlines()[-1] in t for t in found), (variant, r.id)


def test_short_signed_replies_under_a_form_line_with_a_policy_note_under_the_last():
    # no action rows: the form line over the first words and the policy note under the last
    # header say the headers close their comments
    page = _split(
        """Your views

Have your say

Ferries are infrastructure, full stop.
Mara Quell | 5 hours ago

Not this again, honestly.
dunewalker | 4 hours ago

Bring back the night crossing too.
Otto Brine | 3 hours ago

Comments are moderated.
"""
    )
    assert [(c.author, c.text) for c in page.comments] == [
        ("Mara Quell", "Ferries are infrastructure, full stop."),
        ("dunewalker", "Not this again, honestly."),
        ("Otto Brine", "Bring back the night crossing too."),
    ]


def test_a_said_header_over_a_comment_opening_with_a_quote_still_heads_it():
    page = _split(
        """4 comments:

Mara Quell said...
The council promised a review last year as well.
March 3, 2020 at 9:14 PM

dunewalker said...
>The council promised a review last year as well.

And this year they will promise another one.
March 3, 2020 at 10:02 PM

Otto Brine said...
I would pay a higher fare if it brought the ferry back.
March 4, 2020 at 8:30 AM

Ivy Marr said...
Same here, and I would take the early crossing every day.
March 4, 2020 at 9:12 AM
"""
    )
    assert [c.author for c in page.comments] == ["Mara Quell", "dunewalker", "Otto Brine", "Ivy Marr"]
    assert page.comments[1].text.startswith(">The council") and page.comments[1].text.endswith("another one.")
