"""A short post (a tweet, a title over a link) keeps its words and gets a title above its thread."""

from __future__ import annotations

import pytest

from replyscope.evaluate.thread_pages import LAYOUTS, render_page
from replyscope.split import split_document

REPLIES = [
    ("r1", None, "Mara Quill", "About time. That bridge shakes every time a bus crosses it."),
    ("r2", "r1", "tobyreads", "@MaraQuill source? The last inspection said it was fine."),
    ("r3", None, "Pete_K", "What an idiot plan. Close it in summer when the ferries run?"),
    ("r4", None, "Lu", "Spring again. Every year the same story."),
]


def _thread(text: str, source_id: str = "s1") -> dict:
    return {
        "thread_id": source_id,
        "source": {"id": source_id, "text": text, "author": "citydesk", "created": "2021-03-01T09:00:00Z"},
        "replies": [
            {"id": rid, "text": words, "author": name, "parent_id": parent or source_id, "depth": 1,
             "created": f"2021-03-01T10:{k * 7:02d}:00Z", "stance": "comment"}
            for k, (rid, parent, name, words) in enumerate(REPLIES)
        ],
    }


POSTS = {
    # a headline cut from the tweet with "…" (it reads as a sentence, but it is the post's first words)
    "cut headline": "BREAKING: harbour bridge closed after cracks were found in the east span overnight, police say http://example.org/x1",
    # the whole tweet as its own headline, less its link; the tweet alone is no run of prose
    "short tweet": "#Harbour bridge shut by police http://example.org/x2",
    # a post of short lines, its headline their first words run together
    "lines": "Close the bridge.\nSkip the inspection.\nBlame the weather.\nWorst. Council. Ever.\n#harbour",
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("kind", sorted(POSTS))
def test_a_short_post_keeps_its_headline_and_its_words(layout, kind):
    page = render_page(_thread(POSTS[kind], source_id=kind), layout, seed=1)
    split = split_document(page.text)
    assert split.title == page.title
    words = [w for w in POSTS[kind].split() if "://" not in w]
    assert all(w in split.body for w in words), (split.body, words)
    assert len(split.comments) == len(REPLIES)


def test_a_tweet_without_a_headline_is_named_by_its_first_sentence():
    text = (
        "Harbour bridge shut by police after cracks found. Detour through the old town http://example.org/x3\n\n"
        "4 Comments\n\n"
        + "".join(f"  • {name}\n\n    {words}\n\n" for _, _, name, words in REPLIES)
    )
    split = split_document(text)
    assert split.title == "Harbour bridge shut by police after cracks found."
    assert "Detour through the old town" in split.body
    assert len(split.comments) == len(REPLIES)


def test_a_sites_labels_above_a_thread_are_no_post():
    # no article on the page: the labels over the comments are not made into one, nor its title
    text = (
        "Harbour Notes Blog\n\nTranslate This Blog\n\n"
        "4 Comments\n\n"
        + "".join(f"  • {name}\n\n    {words}\n\n" for _, _, name, words in REPLIES)
    )
    split = split_document(text)
    assert "Translate" not in split.body and "Translate" not in split.title
    assert len(split.comments) == len(REPLIES)


def test_a_headline_over_its_byline_is_the_title_even_when_it_reads_as_a_sentence():
    text = (
        "Home | News | Sport\n\n"
        "Could the harbour bridge close for good? Engineers say the east span may not survive another winter\n\n"
        "By Jo Harker | 27 March 2016\n\n"
        "The harbour bridge will close in April for six weeks while the east span gets new bearings, the "
        "council said on Monday. Engineers who inspected it last month say the repairs may only buy a few years.\n\n"
        "Traders on the bridge road say the timing could not be worse, with the first ferries of the season "
        "due in the same weeks, and the council has promised to meet them before the work begins.\n"
    )
    split = split_document(text)
    assert split.title.startswith("Could the harbour bridge close for good?")
    assert "Engineers who inspected it" in split.body


def test_a_reply_opening_on_a_quotation_of_someone_who_says_is_kept_under_its_name():
    # "Dalloway says" with no colon opens the reply's quotation: the name over it still heads the reply
    thread = _thread(POSTS["short tweet"], source_id="quote")
    thread["replies"][1]["text"] = "Dalloway says\n\n> the inspection was never finished\n\nso which is it?"
    page = render_page(thread, "disqus", seed=2)
    split = split_document(page.text)
    authors = [c.author for c in split.comments]
    assert authors == [name for _, _, name, _ in REPLIES]
    assert "inspection was never finished" in split.comments[1].text


LEAD = (
    "The harbour bridge will close in April for six weeks while the east span gets new bearings, the "
    "council said on Monday. Engineers who inspected it last month say the repairs may only buy a few years.\n\n"
    "Traders on the bridge road say the timing could not be worse, with the first ferries of the season "
    "due in the same weeks, and the council has promised to meet them before the work begins.\n"
)


@pytest.mark.parametrize(
    "headline",
    [
        "Could the Harbour Bridge Close for Good?",  # a question reads as a sentence
        "Six Weeks Without a Bridge: What the Closure Means for Traders, Commuters and Ferry Passengers!",
    ],
)
def test_a_headline_in_title_case_is_the_title_even_when_it_reads_as_a_sentence(headline):
    split = split_document(f"March 27, 2016\n\n{headline}\n\n{LEAD}")
    assert split.title == headline
    assert "Engineers who inspected it" in split.body


def test_a_breadcrumb_is_never_the_title():
    text = "You are here: Home > Transport\n\nWhy Close the Harbour Bridge Now?\n\n" + LEAD
    assert split_document(text).title == "Why Close the Harbour Bridge Now?"


@pytest.mark.parametrize("furniture", ["Advertise on Harbour Times", "TOP PHOTOS", "The Harbour Notes Blog"])
def test_site_furniture_above_a_headline_over_its_byline_is_not_the_title(furniture):
    """A lead reads furniture, headline, byline, text: the line over the byline is the headline,
    and the furniture above it is not the article's text."""
    text = f"{furniture}\n\nFerry Fares to Rise by a Third Across the Harbour\n\nBy Jo Harker\n\nPublished: July 23, 2012\n\n{LEAD}"
    split = split_document(text)
    assert split.title == "Ferry Fares to Rise by a Third Across the Harbour"
    assert furniture not in split.body and "Engineers who inspected it" in split.body


def test_a_dek_over_the_byline_does_not_take_the_headlines_place():
    # headline, a sentence summing the story up, byline: the sentence is no headline
    text = (
        "Ferry Fares to Rise by a Third Across the Harbour\n\n"
        "The council says the bridge closure leaves it no choice, and traders fear the worst for the season.\n\n"
        f"By Jo Harker\n\n{LEAD}"
    )
    assert split_document(text).title == "Ferry Fares to Rise by a Third Across the Harbour"


def test_a_dateline_above_the_headline_stays_with_the_article():
    text = f"July 24, 2012, 9:39 am\n\nFerry Fares to Rise by a Third Across the Harbour\n\nBy Jo Harker\n\n{LEAD}"
    split = split_document(text)
    assert split.title == "Ferry Fares to Rise by a Third Across the Harbour" and "July 24, 2012" in split.body
