"""Where a page's headline sits, told by the lines around it: a blog heads each post with its
date, then its headline, then the text, under a masthead of its own name and tagline."""

from __future__ import annotations

from replyscope.split import split_document
from splitpages import FERRY_TEXT as TEXT

MASTHEAD = (
    "Quayside Jottings\n\n"
    "Everything written here is the view of Mara Quell alone and not that of any port, pier or ferry company.\n\n"
)


def test_a_one_word_headline_under_a_blog_s_date_is_the_title_not_the_masthead() -> None:
    page = MASTHEAD + "Sunday, March 8, 2020\n\nFinally!\n\n" + TEXT
    split = split_document(page)
    assert split.title == "Finally!"
    assert "Quayside Jottings" not in split.body and "Mara Quell alone" not in split.body


def test_a_headline_that_reads_as_sentences_under_a_date_is_the_title() -> None:
    headline = "The ferry speeds up. Bring a coat."
    page = "Seagrass Log\n\n« Older post | Main | Newer post »\n\nMarch 8, 2020\n\n" + headline + "\n\n" + TEXT
    assert split_document(page).title == headline


def test_a_headline_over_the_date_keeps_the_title_from_the_line_under_the_date() -> None:
    headline = "Harbour Ferry Runs Every Twenty Minutes"
    page = "Seagrass Log\n\n" + headline + "\n\nMarch 8, 2020\n\nTwo more boats for the crossing\n\n" + TEXT
    assert split_document(page).title == headline


def test_a_share_row_under_a_writer_s_name_and_date_is_no_title() -> None:
    page = (
        "Seagrass Log\n\nHarbour Ferry Runs Every Twenty Minutes\n\nMara Quell\nMarch 8, 2020\n\n"
        "09:41 AM EDT\nShare This Story\n\n" + TEXT
    )
    assert split_document(page).title != "Share This Story"


def test_a_comment_count_after_the_headline_is_left_out_of_the_title() -> None:
    headline = "Why the Harbour Ferry Waits for Nobody Now"
    page = "Seagrass Log\n\n" + headline + " 14 Comments\n\nWritten by Mara Quell\n\n" + TEXT
    assert split_document(page).title == headline


def test_a_bare_number_after_the_headline_goes_only_when_the_page_counts_comments_with_it() -> None:
    headline = "Harbour Ferry Runs Every Twenty Minutes"
    page = "Seagrass Log\n\n" + headline + " 38\n\nPosted by dunewalker on May 3\n\n" + TEXT
    assert split_document(page).title == headline + " 38"
    counted = page + "\n20 of 38 comments loaded\n"
    assert split_document(counted).title == headline


def test_a_dateline_with_a_comment_count_is_no_headline() -> None:
    page = "Seagrass Log\n\nPosted on March 8, 2020 • 14 Comments\n\n" + TEXT
    assert "Comments" not in split_document(page).title


def test_a_call_to_subscribe_over_the_headline_does_not_start_the_text() -> None:
    headline = "Why Will the Harbour Ferry Not Wait for Its Commuters Anymore?"
    page = "  • Home\n  • About\n  • Archive\n  • Contact\nFive reasons to subscribe. Subscribe via: ( Email / Feed )\n\n" + headline + "\n\n" + TEXT
    assert split_document(page).title == headline


def test_a_short_exclaimed_headline_under_a_post_s_pager_is_the_title() -> None:
    # (no date: the links to the neighbouring posts mark where the post begins)
    headline = "A gull stole my chips again!"
    page = (
        "  • Archive\n  • About\n\nLog powered by Tidewriter\n\n"
        "« Older post | Main | Newer post »\n\n" + headline + "\n\n" + TEXT
    )
    assert split_document(page).title == headline


def test_a_headline_over_a_byline_set_as_a_list_item_is_the_title() -> None:
    headline = "Ferry chief: “Twenty minutes is a promise we can keep”"
    page = (
        "  • Home\n  • Harbour\n  • Weather\n\n  • March 8, 2020 - 9:12AM\n\n    " + headline + "\n\n"
        "    • By Mara Quell\n    • No Comments\n      • Tweet\n\n" + TEXT
    )
    assert split_document(page).title == headline


def test_a_link_asking_for_comments_between_headline_and_byline_is_no_title() -> None:
    headline = "Harbour Ferry Runs Every Twenty Minutes"
    page = (
        "  • Home\n  • Harbour\n\n" + headline + "\n\nAdd your reply\n\n"
        "By Mara Quell // March 8, 2020 // 9:12 am\n\n" + TEXT
    )
    assert split_document(page).title == headline


def test_a_headline_over_its_byline_under_a_blog_s_welcome_note_is_the_title() -> None:
    headline = "How Ferry Passes Work"
    page = (
        "Quay Money\n\n  • Home\n  • Archive\n  • About\n\n"
        "Welcome to Quay Money! If you are new here, read the guide first and sign up for the weekly letter on saving.\n\n"
        "Comments\n\n" + headline + "\n\nWritten by Mara filed under Ferries\n\n" + TEXT
    )
    assert split_document(page).title == headline


def test_a_headline_under_the_date_keeps_the_title_over_its_dek_and_byline() -> None:
    headline = "Don't miss tonight's talk on the harbour ferries!"
    page = (
        "  • Home\n  • Harbour\n\nMarch 8, 2020 @ 9:00AM\n\n" + headline + "\n\n"
        "Hear the ferry chief - free for all\n\nBy Mara Quell\n\n" + TEXT
    )
    assert split_document(page).title == headline


def test_a_teaser_for_another_post_over_the_headline_is_not_the_title() -> None:
    headline = "Harbour Ferry Runs Every Twenty Minutes"
    page = "Featured: Ten Knots For Every Sailor\n\n" + headline + "\n\n" + TEXT
    assert split_document(page).title == headline
    long_headline = "Harbour Ferry to Run Every Twenty Minutes = Fewer Cold Mornings!"
    page = "Trending – Ten Knots For Every Sailor\n\n" + long_headline + "\n\n" + TEXT
    assert split_document(page).title == long_headline


def test_a_labelled_headline_over_its_own_byline_stays_the_title() -> None:
    headline = "Trending: Ferry chief says the twenty-minute timetable is here to stay"
    page = "  • Share\n  • Tweet\n\n" + headline + "\n\nPosted by\n\nHarbour Reporter Mara Quell\n\n" + TEXT
    assert split_document(page).title == headline


def test_a_long_headline_under_a_dotted_menu_takes_the_title_from_the_site_s_name() -> None:
    headline = "Harbour Ferry to Run Every Twenty Minutes From Next Month, Port Authority Tells Commuters"
    page = (
        "8bells • Tidewriter Digest\n\n"
        "Home • News • Harbour • Features • Interviews • Guides • Reviews • Archive • letters • Advertise\n\n"
        + headline + "\n\nFiled as News on March 8, 2020 9:12 am\n\n" + TEXT
    )
    assert split_document(page).title == headline


def test_a_pager_with_one_neighbour_over_the_date_leaves_the_headline_under_it() -> None:
    # (the newest post links back only: "« Older post | Main", one separator)
    headline = "How to ride the harbour ferry with a bicycle"
    page = (
        MASTHEAD + "« Gulls are nesting on the pier again | Main\n\nMarch 8, 2020\n\n" + headline + "\n\n" + TEXT
    )
    assert split_document(page).title == headline


def test_a_one_word_headline_under_a_date_badge_in_pieces_is_the_title() -> None:
    page = MASTHEAD + "Mar\n\n8\n\nFinally!\n\n" + TEXT
    assert split_document(page).title == "Finally!"
    # (two short lines that read as no date are no badge)
    page = MASTHEAD + "Sails\n\nOars\n\nFinally!\n\n" + TEXT
    assert split_document(page).title != "Finally!"


def test_a_headline_under_a_date_and_a_glyph_is_the_title() -> None:
    # (a blog marks each post's date with an icon the renderer prints on its own line: "★", "✎")
    for glyph in ("★", "✎", "❤"):
        page = MASTHEAD + "May 8 '20\n" + glyph + "\n\nGulls Return to the Pier; Here Is What That Says\n\n" + TEXT
        assert split_document(page).title == "Gulls Return to the Pier; Here Is What That Says", glyph
    # (a word between the date and the line is no glyph: the line is left to the other readings)
    page = MASTHEAD + "May 8 '20\nPinned\n\nFinally!\n\n" + TEXT
    assert split_document(page).title != "Finally!"


def test_a_headline_over_a_byline_printed_on_two_lines_is_the_title() -> None:
    # ("By" on a line of its own, the writer's name on the next: the renderer parted them)
    headline = "Harbour Ferry Needs a Good Winter to Keep Its Commuters"
    for by in ("By\nMara Quell\n(Quay Desk) on May 8, 2020", "By:\n\nMara Quell"):
        page = (
            "Harbour\n\nFancy ferry news each morning?\n Try the Quay Desk app! ×\n\n"
            + headline + "\n\n" + by + "\n\n" + TEXT
        )
        assert split_document(page).title == headline, by


def test_a_headline_under_a_date_deep_under_blank_lines_is_the_title() -> None:
    # (a sidebar's blurbs over the post, set apart by the renderer's runs of blank lines: the date is
    # ten lines of text into the span, twenty-four lines in)
    blurbs = (
        "Labels\n\nHarbour Ferries Gulls Tides Quay Lighthouse Regatta Moorings Boats Weather Piers\n\nShort Cuts\n\n\n\n\n\n"
        "This log keeps the harbour's week in order: boats in, boats out, and the gulls that watch them all.\n\n"
        "Fares, moorings and the regatta are written up here each Sunday by two volunteers on the sea wall.\n\n"
        "Tips for the harbour fund keep our lamps lit!\n\n\n"
        "Our book\nThe harbour book came out two springs ago and the quay shop still sells a few copies every week.\n\n"
        "Ask at the kiosk for a signed copy, or borrow the one chained to the bench by the ferry steps.\n\n\n\n"
    )
    headline = "Harbour Regatta: the sculls final...and Quell again!"
    page = blurbs + "Sunday, August 05, 2020\n\n" + headline + "\n\n" + TEXT
    assert page.split("\n").index("Sunday, August 05, 2020") > 20
    assert split_document(page).title == headline


def test_a_headline_under_a_date_over_blank_lines_is_the_title() -> None:
    page = MASTHEAD + "Wednesday, 7 November 2020\n\nKindly reply\n\n\n\n" + TEXT
    assert split_document(page).title == "Kindly reply"


def test_a_question_headline_over_its_date_keeps_the_title_from_a_label_row_under_the_date() -> None:
    # (headline, date, labels, text: the headline reads as a sentence, so only its stamp tells it)
    headline = "Ferry riders: will the winter timetable cope with the crowds on the quay?"
    page = (
        MASTHEAD + headline + "\n\nWednesday, November 07, 2020 | 2:00 PM\n\n"
        "Labels: ferries, timetables, quay, winter\n\n" + TEXT
    )
    assert split_document(page).title == headline


def test_a_headline_under_a_date_over_a_dek_that_ends_in_no_stop_is_the_title() -> None:
    # (date, headline, dek, text: the dek sums the story up without a full stop)
    headline = "Harbour Regatta: the sculls final...and Quell again!"
    page = MASTHEAD + "Sunday, August 05, 2020\n\n" + headline + "\n\nQuell keeps the cup - two lengths clear of Lake\n\n" + TEXT
    assert split_document(page).title == headline
    # (a label row under the date is no headline, whatever sits under it)
    page = MASTHEAD + "Sunday, August 05, 2020\n\nLabels: ferries, gulls, quay\n\nQuell keeps the cup - two lengths clear of Lake\n\n" + TEXT
    assert not split_document(page).title.startswith("Labels")


def test_a_headline_under_a_date_and_over_its_byline_is_the_title_not_the_tagline_over_the_date() -> None:
    # (name, tagline, date, headline, byline, text: the line over the date is the blog's tagline)
    page = "quellwrites\n\nnotes from the slipway\nOctober 15, 2020\n\ntide picnic\n\nBy quellwrites\n\n" + TEXT
    assert split_document(page).title == "tide picnic"


def test_a_headline_under_a_date_the_text_talks_about_is_the_title_not_the_tagline_over_the_date() -> None:
    # (name, tagline, date, headline, text: the text repeats the headline's words, not the tagline's)
    page = (
        "Ferry and Quay Reflections\n\nNotes of a walker on the sea wall\n\n17 July 2020\n\n"
        "Why the Harbour Ferry Matters\n\n" + TEXT
    )
    assert split_document(page).title == "Why the Harbour Ferry Matters"


def test_a_headline_glued_under_a_date_badge_is_the_title() -> None:
    # (the badge's pieces and the headline with no blank line between: the short lines read as one box)
    for badge in ("16\nJuly\n2020", "Jun\n28"):
        page = "\n" + badge + "\nDinner at the Quay Kitchen, Harbour Town\n\n" + TEXT
        assert split_document(page).title == "Dinner at the Quay Kitchen, Harbour Town", badge
