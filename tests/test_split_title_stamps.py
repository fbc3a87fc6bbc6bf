"""A headline over its post's stamp (a byline with a date, a dateline, a date alone) is the title,
even deep in the article's span under a sidebar's blurbs or a widget's heading, and even when it
reads as a sentence; the lines over it are not the article's text."""

from __future__ import annotations

from replyscope.split import split_document
from replyscope.split.body import _opening_before, _post_stamp_text, _prose_clusters, _share_row
from replyscope.split.lines import split_lines
from splitpages import FERRY_TEXT as TEXT

HEADLINE = "Harbour ferry to run every twenty minutes"
MENU = "Seagrass Post\n\n  • Home\n  • Harbour\n  • Weather\n\n"


def _article(page: str) -> str:
    sp = split_document(page)
    return "\n".join(page[s:e] for s, e, r in sp.segments if r in ("title", "body"))


def test_stamps_are_read_by_their_date_and_writer_or_dateline_word() -> None:
    for s in (
        "May 25th, 2021 by Mara Quell",
        "06 May 2021 by Mara Quell Discuss (0)",
        "Posted on May 5, 2021, 8:41 am, by Mara Quell, under Ferries, Harbour.",
        "Updated May 9 2021 - 10:30am · Posted May 9 2021 - 10:25am by dunewalker · 0 comments",
        "Monday, May 10, 2021, by Mara Quell",
    ):
        assert _post_stamp_text(s) == "by", s
    assert _post_stamp_text("Wednesday, May 05, 2021 | 4:10 PM") == "date"
    for s in ("By Mara Quell", "Harbour ferry to run every twenty minutes", "The quay reopens on May 5, 2021, " * 6):
        assert _post_stamp_text(s) is None, s


def test_glued_share_rows_and_pagers_are_no_headline() -> None:
    for s in ("Tweet", "Previous 2 / 7 Next", "Email ThisPin It!Share to TumblrShare to Facebook"):
        assert _share_row(s), s
    for s in (HEADLINE, "Share the Harbour With the Gulls", "Gulls Share the Old Quay"):
        assert not _share_row(s), s


def test_a_headline_under_question_teasers_and_over_its_byline_is_the_title() -> None:
    # (the teasers read as sentences, so the text seemed to begin with them; the first line of the
    # span, another post's headline, was the title)
    page = (
        MENU
        + "Gull Colony on the North Pier Grows for a Third Year\n\n"
        "Was the Old Lighthouse Ever Really Haunted?\n\n"
        "Why Do Ferry Crews Always Wave at the Kayaks?\n\n"
        + HEADLINE
        + "\n\nBy Mara Quell on May 9, 2021 at 3:25 pm\n\n"
        + TEXT
    )
    sp = split_document(page)
    assert sp.title == HEADLINE
    assert "Gull Colony" not in _article(page)


def test_a_long_question_headline_over_a_posted_on_stamp_is_the_title() -> None:
    headline = (
        "Where Do the Harbour Gulls Go Every Winter When the Ferry Fleet Stops Running and the "
        "Quay Falls Quiet for Weeks? Nobody Knows"
    )
    page = (
        "Quayside Notes by Mara Quell\n\n  • Home\n  • About\n  • Feed\n\n"
        + headline
        + "\n\nPosted on May 5, 2021, 8:41 am, by Mara Quell, under Gulls, Ferries, Harbour.\n\n"
        + TEXT
    )
    assert split_document(page).title == headline


def test_a_headline_over_its_date_under_a_sidebar_s_blurbs_is_the_title() -> None:
    page = (
        MENU
        + "Follow the Harbour Desk\n\n"
        "Browse the desk's index for more harbour news and boats.\n\n"
        "Questions on ferries go to the desk by post or by hand.\n\n"
        "The desk is kept by the port's staff and two volunteers.\n\n"
        "Night boats return to the harbour timetable\n\n"
        "Wednesday, May 05, 2021 | 4:10 PM\n\n"
        "Labels: ferries, timetable, harbour\n\n" + TEXT
    )
    assert split_document(page).title == "Night boats return to the harbour timetable"
    assert "Follow the Harbour Desk" not in _article(page)


def test_a_glued_share_row_over_the_byline_is_not_the_title() -> None:
    page = (
        MENU
        + "Two summers back in the Harbour Log\n\n"
        "Tide Tables\n\n"
        + HEADLINE
        + "\n\nEmail ThisPin It!Share to TumblrShare to Facebook\n"
        "By Mara Quell on Sunday, May 02, 2021\n\n" + TEXT
    )
    assert split_document(page).title == HEADLINE


def test_a_dated_photo_caption_a_writer_s_name_or_a_section_label_is_not_taken_over_the_headline() -> None:
    caption = "Crews work on the quay after the storm May 3, 2021, in the old harbour (Dune Pictures)"
    page = MENU + HEADLINE + "\n\n" + caption + "\n\nUpdated at 10:52 a.m.\n\n" + TEXT
    assert split_document(page).title != caption
    for over_date in ("Mara Quell and Tomas Brine", "Harbour & Ferries"):
        page = HEADLINE + "\n\n" + over_date + "\n\nMay 3, 2021\n\n" + TEXT
        assert split_document(page).title == HEADLINE, over_date


def test_a_headline_over_its_dek_and_byline_under_a_first_run_of_prose_is_the_title() -> None:
    page = (
        MENU
        + "Friends on your feed will know you opened this harbour story.\n"
        "Keep this one hidden from my feed, please, the gulls are private.\n\n"
        "The Quiet Year of the Harbour Gulls\n\n"
        "Under the new rules, feeding a gull is a finer thing than shooing one away.\n\n"
        "By Mara Quell|Filed on May 11, 2021, at 5:35 PM ET\n\n" + TEXT
    )
    assert split_document(page).title == "The Quiet Year of the Harbour Gulls"


def test_a_comment_link_or_a_share_row_between_a_headline_and_its_byline_is_read_over() -> None:
    question = "Gulls took the pier! What would you feed them on a Sunday?"
    page = "Home > Harbour Blog\n\n" + question + "\n\ncomments ()\nBy Mara Quell\n\n" + TEXT
    assert split_document(page).title == question
    page = MENU + "Row Out!\n\n\t\tTweet\n\nby Mara Quell on May 6, 2021 · 4 comments\n\n" + TEXT
    assert split_document(page).title == "Row Out!"


def test_a_headline_over_its_writer_s_author_box_is_the_title() -> None:
    page = (
        MENU
        + "Get the harbour's best stories\n\nfollow quaywatch\n\n"
        "Type your address to get the harbour's stories each morning.\n"
        "A note to confirm is on its way to your inbox right now.\n\n"
        + HEADLINE
        + "\n\nMara Quell\n  • View Profile\n  • Email\n  • Feed\n\n" + TEXT
    )
    assert split_document(page).title == HEADLINE


def test_a_teaser_cut_short_or_a_numbered_sidebar_item_is_not_taken_over_the_headline() -> None:
    page = (
        MENU
        + "Quay Fest Second Night, the Pictures: Drums, Kites,…\n\n\n"
        "Harbour Band – “Low Tide” (Pier Cover) (Quay Premiere)\n\n"
        "May 6th '21 by Mara Quell @ 9:14pm · 4 replies\n\n" + TEXT
    )
    assert split_document(page).title == "Harbour Band – “Low Tide” (Pier Cover) (Quay Premiere)"
    question = "Can the Harbour's Oldest Ferry Run on Sunlight?"
    page = (
        MENU
        + "  3. Gulls Use Their Wits to Find the Best Chips on the Pier 1\n\n    Like Tweet\n\n"
        + question
        + "\n\nMay 12, 2021 by Mara Quell 7\n\n" + TEXT
    )
    assert split_document(page).title == question


def test_a_headline_with_its_stamp_on_its_line_under_a_widget_s_headings_is_the_title() -> None:
    # (the stamp made the headline read as a dateline, and the widget's first heading was taken;
    # the title is the line without its stamp)
    page = (
        "  • Ferry strike talks resume on the quay\n  • Lighthouse keepers vote on pay\n\n"
        "TOP PICTURES\n\nTOP CLIPS\n\n"
        + HEADLINE
        + " Harbour News, Updated May 06, 2021 at 8:02pm\n\nQuay Wire Service\n\n" + TEXT
    )
    assert split_document(page).title == HEADLINE + " Harbour News"


def test_a_stamp_after_a_headline_on_its_line_is_cut_only_after_a_dateline_word() -> None:
    from replyscope.split.body import stamp_tail

    s = HEADLINE + ", Updated May 06, 2021 at 8:02pm"
    assert s[: stamp_tail(s)] == HEADLINE
    for s in ("Posted on May 3, 2021 by Mara Quell", "The quay was updated in 2019 after the storm and the gulls came back"):
        assert stamp_tail(s) is None, s


def test_a_headline_over_its_stamp_right_over_the_article_is_the_title_whatever_its_words() -> None:
    # (the headline and its stamp sit over the span, cut off by the post's categories; the text
    # never repeats the headline's words, so a caption in the text that shares one was the title)
    page = (
        MENU
        + "Lucky Breaks: The Sequel\n\n"
        "Posted on May 24th, 2021 • 12 Comments\n"
        "Categories Harbour Walks, Odds & Ends\n\n"
        "This is Mara.\n\n"
        "Chips and gulls at the kiosk, on the quay\n\n" + TEXT
    )
    assert split_document(page).title == "Lucky Breaks: The Sequel"


def test_a_headline_ending_in_a_year_over_its_stamp_is_the_title() -> None:
    headline = "Harbour Regatta Weekend 2021"
    page = (
        MENU
        + headline
        + "\n\nMay 12th, 2021 @ 2:40pm (PT) by Mara Quell\n\t\tTweet\n0Comments\n"
        "Posted in regattas, cheap days out\nTags: boats, harbour\n\n" + TEXT
    )
    assert split_document(page).title == headline


def test_a_menu_of_two_links_over_a_stamp_is_not_a_headline() -> None:
    page = "Tide Tables | Boat Hire\n\nMay 3, 2021\n\n" + HEADLINE + "\n\nBy Mara Quell\n\n" + TEXT
    assert split_document(page).title == HEADLINE


def test_a_row_of_the_site_s_menu_links_is_never_the_title() -> None:
    from replyscope.split.body import site_links_row

    row = "Tide Log Contact Our Kiosk Submit Feed Archive Help"
    assert site_links_row(row)
    for s in (HEADLINE, "Ask the Harbour Master About the New Ferry Archive", "Contact Lost With Night Ferry"):
        assert not site_links_row(s), s
    # (a blog's menu over its tagline, a quote, a date and a star: no headline reader takes the post's)
    page = (
        row + "\n\nNotes and pictures about the gulls of the harbour, and sometimes the ferries.\n"
        '"... a lovely little site about birds ..." - a reader\n\nMay 8 \'21\n★\n\n'
        "Gulls and Ferries Now Share the Quay, and the Kiosk Is Glad\n\n" + TEXT
    )
    assert split_document(page).title != row


def _long_rest() -> str:
    # (the rest of the story, many times longer than its opening paragraph)
    return "".join(
        f"The harbour master said on day {k} that the crews had kept the crossing open through the storm, "
        "and that the new boats would be painted in the port's colours before the summer season began.\n\n"
        for k in range(1, 13)
    )


def test_an_opening_paragraph_under_headline_and_byline_parted_from_the_rest_by_a_photo_is_the_article_s() -> None:
    opening = (
        "QUAYSIDE — For most on the quay, the port's ruling on Monday to bring charges against eight of the "
        "ferry company's managers was a long time coming, and the crews said so loudly.\n\n"
    )
    page = (
        MENU + "Place an ad with the Seagrass Post\n\n" + HEADLINE + "\n\nBy MARA QUELL\nPublished: May 4, 2021\n\n"
        + opening
        + "Related\n\n  • Port Inquiry Now Covers the Ticket Office (May 4, 2021)\n\nMore on the Port\n\n"
        "  • Letters: The Quay Deserves Better (May 5, 2021)\n\nStay in Touch\n\nFollow @harbourdesk\n\n"
        "Harbour Desk Staff List\n\nExpand the Photo\nJo Lake/Seagrass Post\n\n" + _long_rest()
    )
    sp = split_document(page)
    assert sp.title == HEADLINE
    assert "ruling on Monday" in sp.body and "painted in the port's colours" in sp.body
    assert "Expand the Photo" not in sp.body and "Port Inquiry Now Covers" not in sp.body


def test_a_sidebar_teaser_over_an_article_with_its_own_byline_stays_out() -> None:
    page = (
        MENU + "Teaser Headline About the Gulls\n\nBy Jo Lake\n\n"
        "Gulls were seen on the old pier again, nesting where they nested last year, said the warden.\n\n"
        "Around the Port\n\n  • Tides\n  • Ferries\n  • Weather\n\nHarbour\n\n"
        + HEADLINE + "\n\nBy Mara Quell\n\n" + _long_rest()
    )
    sp = split_document(page)
    assert sp.title == HEADLINE
    assert "nesting where they nested" not in sp.body
    # (the teaser's run, bylined, is not read as the article's opening: the article's run has a byline of its own)
    lines = split_lines(page)
    runs = _prose_clusters(lines, 0, len(lines))
    assert len(runs) == 2 and _opening_before(lines, runs, runs[1], 0) is None
    lines = split_lines(page.replace("\n\nBy Mara Quell\n\n", "\n\n"))
    runs = _prose_clusters(lines, 0, len(lines))
    assert _opening_before(lines, runs, runs[1], 0) == runs[0]


def test_a_short_post_s_headline_over_its_byline_names_the_page_whose_sidebar_is_read_as_the_article() -> None:
    # (a photo post: headline, byline with its date, one sentence; the sidebar's blurbs under it
    # are the page's biggest run of prose)
    page = (
        "Quay Quarterly at the Spring Boat Fair\n\nBy Mara Quell, 9 April 2021\n\n"
        "Quay Quarterly and its gull mascot spent the afternoon by the printers' table at the fair.\n\n"
        "Picture by the printers.\nFeed  |  Newsletter\n\n"
        "More stories\nStockists\nAdvertise\nContact\n\n"
        "Quay Quarterly prints the year's best harbour stories four times a year, sent out each season "
        "to readers on the coast and inland, with photographs by the crews themselves and letters from the quay.\n"
        "Each issue holds forty pages of stories, a tide table for the month and a map of the moorings, and it is "
        "printed on paper made from recycled nets. Subscriptions are open all year, and back issues can be ordered.\n"
        "The magazine is run by four people and a cat, and has been since the first issue came out ten years ago.\n"
    )
    assert split_document(page).title == "Quay Quarterly at the Spring Boat Fair"
