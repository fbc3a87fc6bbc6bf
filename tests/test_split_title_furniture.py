"""A title is the page's headline, never its furniture: a row of share buttons or a link to
follow is no headline, and a title the article's text never talks about (a photo credit, a
widget's heading) gives way to the headline over the article that the text does talk about."""

from __future__ import annotations

from replyscope.split import split_document
from replyscope.split.body import button_row
from splitpages import FERRY_TEXT as TEXT

# The article's headline, which every page below prints over TEXT among other lines, and a
# site's name over its section menu.
HEADLINE = "Harbour ferry to run every twenty minutes"
MASTHEAD = "Seagrass Post\n\nNews | Sport | Weather\n\n"


def test_rows_of_buttons_and_follow_links_are_no_headline() -> None:
    for s in ("Email this story Save it", "Tweet Email", "follow quaywatch", "Go to Shopfront", "Email Print Share"):
        assert button_row(s), s
    for s in ("Harbour Ferry to Run Every Twenty Minutes", "Follow the Money Home", "Like It or Not, Fares Stay"):
        assert not button_row(s), s


def test_a_share_row_over_the_text_is_not_its_title() -> None:
    page = (
        MASTHEAD
        + HEADLINE
        + "\n\nMara Quell\n\nAbout the author\n\n"
        "Mara writes about transport and the sea for the paper, and keeps a small boat of her own. "
        "She has covered the port for eleven years.\n\n"
        "  • Transport\n  • Harbour\n"
        "Email this story Save it\n\n" + TEXT
    )
    assert split_document(page).title == HEADLINE


def test_a_photo_credit_over_the_text_gives_way_to_the_headline_the_text_talks_about() -> None:
    page = (
        "Quay Weekly\n\nNews | Sport | Weather\n\n"
        + HEADLINE
        + "\n\nBy Mara Quell\n\n"
        "Related: Lighthouse keepers vote on pay\n\n"
        "(Photo: Dune Pictures)\n\n" + TEXT
    )
    assert split_document(page).title == HEADLINE


def test_a_row_of_tags_that_repeats_the_text_s_words_is_no_headline() -> None:
    # (a page with no headline: the tags, though the text repeats them, do not stand in for one)
    row = "Ferry harbour ferry commuters quay"
    page = MASTHEAD + row + "\n\n(Photo: Dune Pictures)\n\n" + TEXT
    assert split_document(page).title != row


def test_a_numbered_sidebar_item_over_the_headline_is_not_the_title() -> None:
    # (the item shares a word with the text: only its list number tells it from a headline)
    page = (
        "Seagrass Post\n\n  • News\n  • Sport\n    • Sailing\n  • Videos\n\nTrending Stories\n\n"
        "  1. Gull colony on the pier grows again 12\n\n    Tweet Email\n\n"
        "  2. Lighthouse keepers vote on their ferry pay 7\n\n    Tweet Email\n\n"
        + HEADLINE
        + "\n\nMay 3, 2021 by Mara Quell 4\n"
        "Tweet Email +1 Save Print\n\n" + TEXT
    )
    assert split_document(page).title == HEADLINE


def test_a_headline_set_in_as_far_as_its_text_is_found_over_it() -> None:
    # (the whole page set in by a list's indentation, the headline with it)
    text = "".join("    " + p + "\n" if p else "\n" for p in TEXT.split("\n"))
    page = (
        "Seagrass Post\n\n  • Home\n  • Sport\n    • Sailing\n    • Rowing\n\n"
        "    " + HEADLINE + "\n\n    Last Updated: May 3, 2021 9:22pm\n\n"
        "    • Tweet\n    • Share\n\n" + text
    )
    assert split_document(page).title == HEADLINE


def test_a_question_headline_opening_the_text_takes_the_title_from_a_tagline_the_text_never_talks_about() -> None:
    # (site name, tagline, a pager to the older post, then the headline, a question read as the
    # text's first sentence, over the text that talks about it)
    headline = "QUAY VOTE: Should the harbour ferry keep its timetable?"
    page = "quayside\n\nsalt now, spray later\n« Where the old pier lamps went\n\n" + headline + "\n\n" + TEXT
    assert split_document(page).title == headline
    # (a question the text after it does not talk about stays the text)
    page = "quayside\n\nsalt now, spray later\n« Where the old pier lamps went\n\nHave you ever seen a gull up close?\n\n" + TEXT
    assert split_document(page).title != "Have you ever seen a gull up close?"


def test_a_photo_caption_ending_on_its_credit_is_no_headline() -> None:
    # headline, the photo's caption, byline (the caption, set over the byline, used to win); and
    # a share row, then a caption right over the text
    for caption in (
        "Commuters queue at the north pier at dawn. Photo: Lena Brask",
        "The new ferry on its first crossing. (Otto Vane/Quay Weekly/Harbour Photos)",
        "Illustration by Ida Sund/Quay Weekly",
    ):
        over_byline = MASTHEAD + HEADLINE + "\n\n" + caption + "\n\nBy Mara Quell\n\n" + TEXT
        assert split_document(over_byline).title == HEADLINE, caption
        under_share_row = MASTHEAD + HEADLINE + "\n\nBy Mara Quell\n\n  • Facebook\n  • Twitter\n\n" + caption + "\n\n" + TEXT
        assert split_document(under_share_row).title == HEADLINE, caption


def test_a_headline_about_photos_is_still_a_headline() -> None:
    # (the credit is told by its place after a sentence or in a bracket with a source's slash)
    for headline in ("Photos: Harbour lights up for the winter fair", "Readers' pictures by the old quay"):
        page = MASTHEAD + headline + "\n\nBy Mara Quell\n\n" + TEXT
        assert split_document(page).title == headline, headline
