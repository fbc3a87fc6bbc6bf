"""Comment layouts of session 14 (layouts9): a microblog's reply thread, a chat export, a Q&A
site's comments signed at their line's end, an old guestbook. Every string here is invented."""

from __future__ import annotations

import itertools
import re

import pytest

from replyscope.evaluate.layout_variants import ROUND9_VARIANTS, render_variant
from replyscope.split import split_document
from replyscope.split.chrome import is_chrome
from replyscope.split.headers import name_without_marks
from replyscope.split.line_led import _last_sign_dash, end_signature, log_head

THREAD = {
    "thread_id": "t9",
    "source": {"id": "t9", "title": "The lighthouse keeper's cottage goes up for sale", "text": "The council will sell the old lighthouse keeper's cottage on the north headland this autumn.", "author": "coastdesk", "created": "2020-03-01T09:00:00Z"},
    "replies": [
        {"id": "r1", "text": "It should become a small museum, not a holiday let for people who visit twice a year.", "author": "Mara Quell", "parent_id": "t9", "created": "2020-03-01T09:12:00Z", "stance": "comment"},
        {"id": "r2", "text": "A museum needs staff and heating. Who pays for that once the grant runs out?", "author": "dunewalker", "parent_id": "r1", "created": "2020-03-01T09:31:00Z", "stance": "query"},
        {"id": "r3", "text": "My grandfather kept that light for eleven years.\n\nHe would have hated to see it sold.", "author": "Otto Brine", "parent_id": "t9", "created": "2020-03-01T10:02:00Z", "stance": "comment"},
        {"id": "r4", "text": "Volunteers run the one at Gullhaven and it does fine.", "author": "Ivy Marr", "parent_id": "r2", "created": "2020-03-01T10:40:00Z", "stance": "support"},
    ],
}
OWN = ("r1", "r2", "r3", "r4")


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("variant", ROUND9_VARIANTS)
def test_new_layouts_are_deterministic_and_their_truth_is_the_words_alone(variant, seed):
    page = render_variant(THREAD, variant, seed=seed)
    assert render_variant(THREAD, variant, seed=seed) == page
    truth = {r.id: r for r in page.replies}
    assert set(OWN) <= set(truth)
    for rid in OWN:
        r = truth[rid]
        words = r.text.split()
        assert words[-1] in page.text and words[0] in page.text
        # (the name, the clock, a field's label and a signature on the reply's own line are the site's)
        assert r.author not in r.text, (variant, seed, r.text)
        assert not r.text.startswith(("[", "Comment", "Message", "Entry:", "Posted")), (variant, seed, r.text)
        assert "2020" not in r.text and ":" not in r.text.split()[0]
    assert "Volunteers run the one at Gullhaven and it does fine." in truth["r4"].text


def test_a_chat_log_line_keeps_the_name_and_clock_out_of_the_truth():
    pages = [render_variant(THREAD, "chat", seed=s) for s in range(12)]
    logs = [p for p in pages if "Mara Quell: It should" in p.text or "<Mara Quell> It should" in p.text or "Mara Quell (9:12 AM): It should" in p.text]
    assert logs  # some seeds print the log's one-line form
    for p in logs:
        assert next(r for r in p.replies if r.id == "r1").text.startswith("It should become")


def test_a_signed_comment_line_ends_with_its_signature_and_the_truth_without_it():
    pages = [render_variant(THREAD, "inline", seed=s) for s in range(4)]
    for p in pages:
        line = next(s for s in p.text.splitlines() if "holiday let" in s)
        assert "Mara Quell" in line and not line.rstrip().endswith("twice a year.")
        assert next(r for r in p.replies if r.id == "r1").text.endswith("twice a year.")


# ------------------------------------------------------------------ the splitter on these layouts

ARTICLE = """Harbour Gazette

The lighthouse keeper's cottage goes up for sale

The council will sell the old lighthouse keeper's cottage on the north headland this autumn, ending
forty years in which it stood empty. Local historians want it kept as a small museum, while the
council says the sale would pay for repairs to the harbour wall before the winter storms arrive.
A public meeting is planned for next month in the community hall.
"""


def _split(section: str):
    return split_document(ARTICLE + "\n" + section)


@pytest.mark.parametrize("variant", ROUND9_VARIANTS)
def test_new_layouts_split_back(variant):
    for seed in range(4):
        page = render_variant(THREAD, variant, seed=seed)
        found = [c.text for c in split_document(page.text).comments]
        for r in page.replies:
            if r.id in OWN:
                assert r.text in found or any(r.text.splitlines()[-1] in t for t in found), (variant, seed, r.id, found)


def test_a_chat_log_is_read_line_by_line_with_the_clock_and_name_out_of_the_words():
    page = _split(
        """Live chat

[09:12] Mara Quell: It should become a small museum, not a holiday let.
[09:14] dunewalker: A museum needs staff and heating.
Who pays for that once the grant runs out?
* kelpie77 has joined
[09:20] Otto Brine: 👍
[09:31] Ivy Marr: Volunteers run the one at Gullhaven and it does fine.

Type a message…
"""
    )
    assert [c.author for c in page.comments] == ["Mara Quell", "dunewalker", "Otto Brine", "Ivy Marr"]
    assert [c.text for c in page.comments] == [
        "It should become a small museum, not a holiday let.",
        "A museum needs staff and heating.\nWho pays for that once the grant runs out?",
        "👍",
        "Volunteers run the one at Gullhaven and it does fine.",
    ]
    assert page.comments[0].posted_raw == "09:12"
    assert "Gullhaven" not in page.body


def test_an_irc_log_and_a_name_with_its_clock_in_brackets():
    page = _split(
        """Chat replay

09:12:05 <Mara Quell> It should become a small museum.
09:14:40 <dunewalker> A museum needs staff and heating.
09:20:13 <Otto Brine> My grandfather kept that light for eleven years.
"""
    )
    assert [c.text for c in page.comments] == ["It should become a small museum.", "A museum needs staff and heating.", "My grandfather kept that light for eleven years."]
    page = _split(
        """Mara Quell (9:12 AM): It should become a small museum.
dunewalker (9:14 AM): A museum needs staff and heating.
Otto Brine (10:02 AM): He would have hated to see it sold.
"""
    )
    assert [c.author for c in page.comments] == ["Mara Quell", "dunewalker", "Otto Brine"]


def test_comments_signed_at_their_lines_end_lose_the_signature():
    page = _split(
        """Share Edit Follow Flag

12
It should become a small museum, not a holiday let. – Mara Quell Mar 3, 2020 at 09:12
@MaraQuell a museum needs staff and heating. – dunewalker Mar 3, 2020 at 09:31
3
My grandfather kept that light for eleven years. – Otto Brine 9h
Volunteers run the one at Gullhaven and it does fine. – Ivy Marr 2 days ago edited

Add a comment
"""
    )
    assert [c.author for c in page.comments] == ["Mara Quell", "dunewalker", "Otto Brine", "Ivy Marr"]
    assert [c.text for c in page.comments] == [
        "It should become a small museum, not a holiday let.",
        "@MaraQuell a museum needs staff and heating.",
        "My grandfather kept that light for eleven years.",
        "Volunteers run the one at Gullhaven and it does fine.",
    ]


def test_two_dashed_attributions_in_an_article_are_no_thread():
    # (one or two lines of one shape are a quoted exchange: MIN_LED lines make a thread)
    page = split_document(
        ARTICLE
        + """
"We will not let it rot," said one resident at the last meeting – Mara Quell 3 days ago
A second resident disagreed at length about the cost of the roof – Otto Brine 2 days ago

The meeting will be held in the community hall on the first Tuesday of next month.
"""
    )
    assert page.comments == []


def test_guestbook_entries_in_labelled_fields():
    page = _split(
        """Guestbook
3 entries

Entry #3
Name : Mara Quell
From : Saltmere
Date : Tuesday, March 3, 2020 at 9:12 AM
Message :
It should become a small museum, not a holiday let.

Entry #2
Name : dunewalker
Date : Tuesday, March 3, 2020 at 9:31 AM
Message :
👍

Entry #1
Name : Otto Brine
From :
Date : Tuesday, March 3, 2020 at 10:02 AM
Message :
My grandfather kept that light for eleven years.
"""
    )
    assert [c.author for c in page.comments] == ["Mara Quell", "dunewalker", "Otto Brine"]
    assert [c.text for c in page.comments] == ["It should become a small museum, not a holiday let.", "👍", "My grandfather kept that light for eleven years."]
    assert page.comments[0].posted_raw.startswith("Tuesday, March 3")


def test_guestbook_entries_posted_by_with_the_words_in_the_comment_field_and_the_date_under():
    page = _split(
        """Sign the Guestbook

Posted by: Mara Quell
City: Saltmere
Comments: It should become a small museum, not a holiday let.
Posted: 03.03.2020 09:12

------------------------------

Posted by: dunewalker
Comments: 👍
Signed: 03.03.2020 09:31

------------------------------

Posted by: Otto Brine
City:
Comments: My grandfather kept that light for eleven years.

He would have hated to see it sold.
Posted: 03.03.2020 10:02
"""
    )
    assert [c.author for c in page.comments] == ["Mara Quell", "dunewalker", "Otto Brine"]
    assert [c.text for c in page.comments] == [
        "It should become a small museum, not a holiday let.",
        "👍",
        "My grandfather kept that light for eleven years.\n\nHe would have hated to see it sold.",
    ]


def test_a_microblog_thread_with_counter_rows_and_translation_toggles():
    page = _split(
        """Post your reply

Mara Quell @maraquell · 3h
It should become a small museum, not a holiday let.
4  12  87  1.2K

dunewalker @dunewalker · 2h
Replying to @maraquell
😂😂😂
Show translation
💬 3  🔁 12  ♡ 45  📊 6K

Otto Brine @ottobrine · 1h
My grandfather kept that light for eleven years.
📊 9K
"""
    )
    assert [c.text for c in page.comments] == ["It should become a small museum, not a holiday let.", "😂😂😂", "My grandfather kept that light for eleven years."]


@pytest.mark.parametrize("line", ["4  12  87", "3  5.6K", "💬 3  🔁 12  ♡ 45  📊 1.2K", "📊 6K", "♡ 1.2k", "* kelpie77 has joined", "Ivy Marr left the chat", "Show translation", "Translate post", "Show more", "Slow mode is on"])
def test_counter_rows_presence_notices_and_toggles_are_chrome(line):
    assert is_chrome(line)


@pytest.mark.parametrize("line", ["2020  was a bad year", "My brother joined the army", "I left the party early", "3 of 5  stars", "😂😂😂", "Show me the numbers"])
def test_words_that_only_look_like_counters_or_notices(line):
    assert not is_chrome(line)


def test_log_heads_and_end_signatures():
    assert log_head("[14:03] Mara Quell: fine") == (len("[14:03] Mara Quell: "), "Mara Quell", "14:03")
    assert log_head("14:03 <dunewalker> fine")[1] == "dunewalker"
    assert log_head("Note: this is not a log line") is None
    sig = end_signature("Fine by me. – Mara Quell Mar 3, 2020 at 14:21")
    assert sig[1:] == ("Mara Quell", "Mar 3, 2020 at 14:21", "–")
    assert end_signature("The ferry – which never came back – was sold.") is None


# Every line over the dash, space and letter characters up to this long (the chains of spaced
# dashes are where the dash-first scan must choose as the spaced pattern does).
_DASH_ALPHABET = ("-", "–", "—", " ", "\xa0", "\t", "a", "3")


def test_the_last_signature_dash_is_the_spaced_patterns_last_match():
    spaced = re.compile(r"\s+[–—-]\s+(?=\S)")
    for n in range(6):
        for chars in itertools.product(_DASH_ALPHABET, repeat=n):
            s = "".join(chars)
            found = list(spaced.finditer(s))
            want = (found[-1].start(), found[-1].end(), found[-1].group().strip()) if found else None
            assert _last_sign_dash(s) == want, repr(s)
    assert _last_sign_dash("Agreed - - Mara Quell 2d") == (6, 9, "-")
    assert _last_sign_dash("Agreed - - - Mara Quell 2d") == (10, 13, "-")


def test_a_display_name_before_its_handle_is_the_author():
    page = _split(
        """Conversation

Mara Quell @maraquell · 3h
It should become a small museum, not a holiday let.
4  12  87

Otto Brine ✓ @ottobrine · 2h
My grandfather kept that light for eleven years.
3  5

Ivy Marr @ivymarr · 1h
Volunteers run the one at Gullhaven and it does fine.
"""
    )
    assert [c.author for c in page.comments] == ["Mara Quell", "Otto Brine", "Ivy Marr"]
    assert [c.posted_raw for c in page.comments] == ["3h", "2h", "1h"]


@pytest.mark.parametrize(("line", "name"), [("Mara Quell @maraquell", "Mara Quell"), ("[deleted] @user-x9k2", "[deleted]"), ("Pinned by @harbourdesk", "Pinned by @harbourdesk"), ("Replying to @maraquell", "Replying to @maraquell")])
def test_a_handle_after_a_display_name_leaves_it_but_not_after_a_word_leading_to_it(line, name):
    assert name_without_marks(line) == name
