"""The splitter on page snippets written for these tests, one per comment format, and on the seeds."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import pytest
from conftest import DATA

from replyscope import schema
from replyscope.split import split_document, split_documents

ARTICLE = (
    "City council approves new bike lanes\n\n"
    "The city council voted on Tuesday to build twelve kilometres of protected bike lanes across the "
    "downtown core, a plan that has divided shop owners and commuters for most of the past year.\n\n"
    "Supporters say the lanes will cut traffic injuries, while several business groups argue that the "
    "loss of parking spaces will hurt small shops that already struggle with rising rents.\n\n"
    "Construction is expected to begin in the spring and to last about eighteen months, according to "
    "the transport department, which will publish a detailed schedule next month.\n\n"
)


def authors(text: str) -> list[str]:
    return [c.author for c in split_document(text).comments]


def role_of(text: str, split, needle: str) -> str:
    """Role of the segment holding `needle`."""
    at = text.index(needle)
    return next(r for s, e, r in split.segments if s <= at < e)


def assert_lossless(text: str) -> None:
    split = split_document(text)
    assert "".join(text[s:e] for s, e, _ in split.segments) == text
    ends = [0] + [e for _, e, _ in split.segments]
    assert all(s == ends[k] for k, (s, _, _) in enumerate(split.segments))
    assert all(role in schema.ROLES for _, _, role in split.segments)
    for c in split.comments:
        assert text[c.start : c.end] == c.text


def test_disqus_bullets() -> None:
    text = ARTICLE + (
        "  • Marta K\n\n"
        "    Finally! I have been waiting for this for years, my commute is terrifying.\n\n"
        "  • roadwarrior77\n\n"
        "    You will regret this when deliveries take twice as long.\n"
        "    And nobody asked the people who actually drive for a living.\n\n"
        "  • Pete from Eastside\n\n"
        "    I think they should have started with the bridge instead.\n"
    )
    split = split_document(text)
    assert [c.author for c in split.comments] == ["Marta K", "roadwarrior77", "Pete from Eastside"]
    # a comment keeps all of its lines
    assert "nobody asked" in split.comments[1].text and "twice as long" in split.comments[1].text
    assert "Construction is expected" in split.body
    assert "Finally" not in split.body
    assert_lossless(text)


def test_small_disqus_thread_of_verdicts_without_i_or_you() -> None:
    # Short put-downs with no "I"/"you" are most of many small threads; the bullet layout plus
    # a verdict ("sore loser", "drivel", "trolls") is what tells them from a bulleted list.
    text = ARTICLE + (
        "  • kerbside_kate\n\n"
        "    Another sore loser crying about parking.\n\n"
        "  • Dale Ferris\n\n"
        "    Utter drivel from the usual downtown crowd.\n\n"
        "  • m.okafor\n\n"
        "    Paid trolls in the comments again, as always.\n"
    )
    assert authors(text) == ["kerbside_kate", "Dale Ferris", "m.okafor"]
    assert_lossless(text)


def test_bulleted_list_with_a_judging_word_stays_article() -> None:
    # The same layout in an article: one item that happens to use "nonsense" is not a thread.
    text = ARTICLE + (
        "What changes for drivers:\n\n"
        "  • Loading zones\n\n"
        "    Vans may stop for twenty minutes on side streets before ten in the morning.\n\n"
        "  • Parking rules\n\n"
        "    The council called the old two-tier permit system nonsense and scrapped it.\n\n"
        "  • Speed limits\n\n"
        "    The limit on the four avenues drops to thirty kilometres an hour.\n\n"
        "The council will review the results after two years.\n"
    )
    assert split_document(text).comments == []


def test_reader_complaining_about_moderation_is_a_comment_the_policy_is_not() -> None:
    text = ARTICLE + (
        "3 Comments\n\n"
        "Comments are moderated. Posts that are abusive or off-topic will be removed.\n\n"
        "  • Marta K\n\n"
        "    Shameful moderation!!! Half the thread is gone.\n\n"
        "  • roadwarrior77\n\n"
        "    Really unfortunate that my comment was moderated, it was about the bridge.\n\n"
        "  • Pete from Eastside\n\n"
        "    The moderators are asleep again, the spam stays up and real posts vanish...\n"
    )
    split = split_document(text)
    assert [c.author for c in split.comments] == ["Marta K", "roadwarrior77", "Pete from Eastside"]
    assert "Shameful moderation" in split.comments[0].text
    assert "my comment was moderated" in split.comments[1].text
    assert role_of(text, split, "Comments are moderated") == "boilerplate"


def test_bulleted_headlines_that_use_judging_words_are_not_a_thread() -> None:
    text = ARTICLE + "More from our columnists\n\n" + "".join(
        f"  • {name}\n      {headline}\n\n"
        for name, headline in [
            ("Ann Hale", "Minister waves away the audit as rubbish in a heated session"),
            ("Tom Reyes", "Why the parking plan is nonsense, according to two economists"),
            ("Lena Fox", "Council accused of bias over the harbour permits"),
            ("Raj Mehta", "Fans react to a pathetic display in the derby"),
        ]
    )
    assert split_document(text).comments == []


@pytest.mark.parametrize("line", ["My comment was moderated for no reason.", "Me again: moderation ate my last post."])
def test_a_reader_opening_with_my_or_me_is_not_a_policy_line(line: str) -> None:
    from replyscope.split.comments import zone_line_role

    assert zone_line_role(line) == "comment_body"


def test_french_and_german_comment_dates_and_ages() -> None:
    article = (
        "Le conseil municipal vote de nouvelles pistes cyclables\n\n"
        "Le conseil municipal a voté mardi la création de douze kilomètres de pistes cyclables protégées "
        "dans le centre-ville, un projet qui divise commerçants et usagers depuis plus d'un an.\n\n"
        "Les travaux doivent commencer au printemps et durer environ dix-huit mois, selon la mairie.\n\n"
    )
    text = article + (
        "3 commentaires\n\n"
        "Claire Dubois\n3 mars 2021 à 09:12\nEnfin ! J'attends ça depuis des années, mon trajet est dangereux.\n\n"
        "Jonas Weber\nvor 2 Stunden\nIch fahre jeden Tag dort, das wird viel sicherer für uns.\n\n"
        "Marc L.\nil y a 3 jours\nEt les livraisons ? Vous y avez pensé, vous ?\n"
    )
    comments = split_document(text).comments
    assert [c.author for c in comments] == ["Claire Dubois", "Jonas Weber", "Marc L."]
    assert [c.posted_raw for c in comments] == ["3 mars 2021 à 09:12", "vor 2 Stunden", "il y a 3 jours"]
    assert comments[0].posted_at == datetime(2021, 3, 3, 9, 12)
    assert comments[1].posted_at is None  # an age names no day without the crawl date
    assert "douze kilomètres" in split_document(text).body
    assert_lossless(text)


def test_wordpress_says_with_date_line() -> None:
    text = ARTICLE + (
        "3 Responses to “City council approves new bike lanes”\n\n"
        "Dana Whitfield says:\n"
        "March 3, 2021 at 9:14 am\n\n"
        "Great news. I ride to work every day and this will make my mornings much safer.\n\n"
        "Reply\n\n"
        "Olek says:\n"
        "March 3, 2021 at 11:02 am\n\n"
        "Do you know if the lanes will be cleared of snow in winter?\n\n"
        "Reply\n\n"
        "Leave a Reply\n\n"
        "Your email address will not be published. Required fields are marked *\n"
    )
    split = split_document(text)
    assert [c.author for c in split.comments] == ["Dana Whitfield", "Olek"]
    assert split.comments[0].posted_at == datetime(2021, 3, 3, 9, 14)
    assert split.comments[1].text == "Do you know if the lanes will be cleared of snow in winter?"
    assert role_of(text, split, "Reply\n\nOlek") == "comment_chrome"
    assert role_of(text, split, "Dana Whitfield says") == "comment_header"
    assert all("email address" not in c.text for c in split.comments)
    assert_lossless(text)


def test_numbered_comment_list() -> None:
    text = ARTICLE + (
        "Comments (3)\n\n"
        "  1. Harriet Cole July 14, 2019 at 8:03 pm\n\n"
        "    I think the plan is fine but the timeline seems far too optimistic to me.\n\n"
        "  2. Bram July 14, 2019 at 8:40 pm\n\n"
        "    Agreed with you, Harriet. Eighteen months for this is a fantasy.\n\n"
        "  3. J. Osei July 15, 2019 at 7:12 am\n\n"
        "    My street lost its parking last time and we never got it back.\n"
    )
    assert authors(text) == ["Harriet Cole", "Bram", "J. Osei"]
    assert_lossless(text)


def test_by_name_on_date_at_time_footer() -> None:
    text = ARTICLE + (
        "I would love to know how much this costs per kilometre compared to a new road.\n\n"
        "by Samir Haddad on May 2, 2020 at 10:15 am.\n\n"
        "Thank you for writing this up, I had no idea the vote was this week.\n\n"
        "by lucy_g on May 2, 2020 at 12:40 pm.\n"
    )
    split = split_document(text)
    assert [c.author for c in split.comments] == ["Samir Haddad", "lucy_g"]
    assert split.comments[1].text.startswith("Thank you for writing")
    assert split.comments[0].posted_at == datetime(2020, 5, 2, 10, 15)
    assert_lossless(text)


def test_posted_date_under_name() -> None:
    text = ARTICLE + (
        "4 comments\n\n"
        "Greta Lind\n"
        "Posted 10/18/2020 at 2:57 pm\n\n"
        "We need this in my neighbourhood too, my kids cannot bike to school safely.\n\n"
        "Tomasz\n"
        "Posted 10/18/2020 at 3:30 pm\n\n"
        "I hope you are right about the injuries, the numbers last year were awful.\n"
    )
    split = split_document(text)
    assert [c.author for c in split.comments] == ["Greta Lind", "Tomasz"]
    assert split.comments[0].posted_raw.startswith("10/18/2020")
    assert split.comments[0].posted_at == datetime(2020, 10, 18, 14, 57)
    assert_lossless(text)


def test_blogger_said_with_trailing_time() -> None:
    text = ARTICLE + (
        "5 comments:\n\n"
        "Nina R. said...\n\n"
        "Lovely to see my city in the news for once! I hope they keep their promise.\n\n"
        "November 2, 2018 9:41 AM\n\n"
        "Uncle Fester said...\n\n"
        "You are all dreaming, this will never be finished on time.\n\n"
        "November 2, 2018 10:05 AM\n\n"
        "Post a Comment\n"
    )
    split = split_document(text)
    assert [c.author for c in split.comments] == ["Nina R.", "Uncle Fester"]
    assert split.comments[0].posted_raw == "November 2, 2018 9:41 AM"
    assert "never be finished" in split.comments[1].text
    assert "November" not in split.comments[1].text
    assert_lossless(text)


def test_threading_by_indentation() -> None:
    text = ARTICLE + (
        "  • Anya\n\n"
        "    I love it, my ride home will be so much calmer.\n\n"
        "      • Rob T\n\n"
        "        You say that now, wait until the construction starts.\n\n"
        "          • Anya\n\n"
        "            I can live with a year of dust for this, honestly.\n\n"
        "  • Kees\n\n"
        "    Does anyone know which streets are first?\n"
    )
    split = split_document(text)
    assert [(c.author, c.depth, c.parent) for c in split.comments] == [
        ("Anya", 0, None),
        ("Rob T", 1, 0),
        ("Anya", 2, 1),
        ("Kees", 0, None),
    ]


def test_threading_by_outline_numbers() -> None:
    text = ARTICLE + (
        '5 Responses to "City council approves new bike lanes"\n\n'
        "1. Marta K says:\nMarch 3, 2021 at 9:12 am\nI have been waiting for this for years.\n\n"
        "1.1. roadwarrior77 says:\nMarch 3, 2021 at 9:40 am\nYou will regret this when deliveries take twice as long.\n\n"
        "1.1.1. Marta K says:\nMarch 3, 2021 at 10:02 am\nDeliveries already take forever, you know that.\n\n"
        "1.2. Sam says:\nMarch 3, 2021 at 10:30 am\nSame here, the junction by the school is the worst.\n\n"
        "2. Pete from Eastside says:\nMarch 3, 2021 at 11:15 am\nI think they should have started with the bridge.\n"
    )
    comments = split_document(text).comments
    assert [c.author for c in comments] == ["Marta K", "roadwarrior77", "Marta K", "Sam", "Pete from Eastside"]
    assert [c.depth for c in comments] == [0, 1, 2, 1, 0]
    assert [c.parent for c in comments] == [None, 0, 1, 0, None]
    assert_lossless(text)


def test_threading_by_at_name() -> None:
    text = ARTICLE + (
        "Lena Park says:\nJune 1, 2022 at 9:00 am\n\nI think this is long overdue for our town.\n\n"
        "Matt says:\nJune 1, 2022 at 9:30 am\n\n@Lena Park you are forgetting the delivery vans.\n\n"
        "Ibrahim says:\nJune 1, 2022 at 10:00 am\n\nMy shop is on that street and I am worried.\n"
    )
    split = split_document(text)
    assert [(c.depth, c.parent) for c in split.comments] == [(0, None), (1, 0), (0, None)]


def test_comment_policy_page_has_no_comments() -> None:
    text = ARTICLE + (
        "Comment policy\n\n"
        "We welcome comments that are civil and on topic. Comments are moderated and may take a few hours "
        "to appear. We reserve the right to remove abusive posts.\n\n"
        "To comment, you must be a registered user. Register here to join the discussion.\n"
    )
    split = split_document(text)
    assert split.comments == []
    assert not any(r in ("comment_body", "comment_header") for _, _, r in split.segments)


def test_bulleted_list_inside_article_is_not_comments() -> None:
    text = ARTICLE + (
        "The plan includes:\n\n"
        "  • Protected lanes\n\n"
        "    Concrete curbs will separate riders from traffic on the four busiest avenues.\n\n"
        "  • New crossings\n\n"
        "    Eleven intersections get signals timed for bicycles.\n\n"
        "  • Parking changes\n\n"
        "    About three hundred street spaces will be removed or moved to side streets.\n\n"
        "The council will review the results after two years.\n"
    )
    split = split_document(text)
    assert split.comments == []
    assert "Eleven intersections" in split.body


def test_dated_link_list_is_not_comments() -> None:
    text = ARTICLE + (
        "Related stories\n\n"
        "Bus fares to rise next year — January 4, 2021\n"
        "Harbour bridge closes for repairs — February 9, 2021\n"
        "New tram line opens — March 1, 2021\n"
    )
    assert split_document(text).comments == []


def test_page_without_comments_is_all_article_and_boilerplate() -> None:
    text = ARTICLE + "READ MORE: Five things to know about the bike plan\n\nShare this:\n"
    split = split_document(text)
    assert split.comments == []
    assert role_of(text, split, "READ MORE: Five things") == "boilerplate"
    assert role_of(text, split, "Share this:") == "boilerplate"
    assert split.body.startswith("The city council voted")
    assert split.title == "City council approves new bike lanes"


def test_relative_times_stay_unparsed() -> None:
    text = ARTICLE + (
        "2 comments\n\n"
        "  • Ola Nilsen  •  3 years ago\n\n"
        "    I was there when they voted, it was a long night for everybody.\n\n"
        "  • BikeDad  •  2 years ago\n\n"
        "    Thanks for covering this, my family uses these lanes every day now.\n"
    )
    split = split_document(text)
    assert [c.author for c in split.comments] == ["Ola Nilsen", "BikeDad"]
    assert split.comments[0].posted_raw == "3 years ago"
    assert split.comments[0].posted_at is None


@pytest.mark.parametrize("text", ["", "\n\n", "one line", "• \n  \n", "\r\n\x00\x00\r\n"])
def test_degenerate_texts_are_lossless(text: str) -> None:
    assert_lossless(text)


def test_seed_001_has_the_six_disqus_comments() -> None:
    path = next(DATA.glob("001_*.txt"))
    text = path.read_text(encoding="utf-8")
    split = split_document(text)
    assert [c.author for c in split.comments] == [
        "Gordon Klock",
        "IceTrey",
        "Steve Rusk",
        "WeAreYourGods",
        "Steve",
        "We are Anonymiss",
    ]
    steve = split.comments[4].text
    assert "Osama bin Laden" in steve and "since WWII" in steve
    assert_lossless(text)


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_seeds_without_comments(prefix: str) -> None:
    text = next(DATA.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    split = split_document(text)
    assert split.comments == []
    assert_lossless(text)
    not_body = [text[s:e] for s, e, r in split.segments if r == "boilerplate"]
    for line in text.splitlines():
        s = line.strip()
        if s.startswith(("READ MORE", "Get Our Free Daily Newsletter", "No Advertising")) or "can be reached at" in s:
            assert any(s in chunk for chunk in not_body), s
            assert s not in split.body


def test_split_documents_tables_and_errors() -> None:
    docs = pl.DataFrame(
        {
            "doc_id": ["a", "b"],
            "text": [ARTICLE + "  • Zed\n\n    I think you are right about that.\n\n  • Yan\n\n    My view exactly, thank you.\n", ARTICLE],
            "title": ["", "Bikes"],
        }
    )
    tables = split_documents(docs)
    assert tables.errors == {}
    assert tables.segments.schema == schema.SEGMENTS
    assert tables.articles.schema == schema.ARTICLES
    assert tables.comments.schema == schema.COMMENTS
    assert tables.comments["comment_id"].to_list() == ["a-0000", "a-0001"]
    assert tables.articles.filter(pl.col("doc_id") == "b")["n_comments"].item() == 0


def test_split_documents_reports_a_failing_document() -> None:
    docs = pl.DataFrame({"doc_id": ["ok", "bad"], "text": [ARTICLE, None], "title": ["", ""]})
    tables = split_documents(docs.with_columns(pl.col("text").fill_null("")))
    assert tables.errors == {}
    bad = pl.DataFrame({"doc_id": ["bad"], "text": [ARTICLE], "title": [""]}).with_columns(pl.lit(3).alias("text"))
    tables = split_documents(bad)
    assert "bad" in tables.errors
    assert tables.segments.height == 0


def test_name_pipe_date_pipe_reply_line() -> None:
    text = ARTICLE + (
        "27 Comments\n\n"
        "Karen Doyle | April 17, 2014 10:13 PM | Reply\n\n"
        "I really think the council got this one right, my kids will be safer.\n\n"
        "Mo Farouk | April 17, 2014 10:20 PM | Reply\n\n"
        "You say that, but the shops on my block are already struggling.\n"
    )
    split = split_document(text)
    assert [(c.author, c.posted_at) for c in split.comments] == [
        ("Karen Doyle", datetime(2014, 4, 17, 22, 13)),
        ("Mo Farouk", datetime(2014, 4, 17, 22, 20)),
    ]


def test_on_date_name_said() -> None:
    text = ARTICLE + (
        "On March 3, 2020 at 4:15 pm Lila said:\n\nThanks for the clear summary, I had missed the vote.\n\n"
        "On March 3, 2020 at 5:02 pm Dev R. said:\n\nI wonder how they will handle snow clearing in the new lanes?\n"
    )
    assert authors(text) == ["Lila", "Dev R."]


def test_disqus_with_age_lines_and_chrome() -> None:
    text = ARTICLE + (
        "  • Nadia P\n\n    3 years ago\n\n    I cycle this route every day and I can't wait for it.\n\n"
        "      • Reply\n      • Share ›\n\n"
        "  • grumpy_driver\n\n    3 years ago\n\n    You cyclists never stop complaining, do you?\n\n"
        "      • Reply\n      • Share ›\n\n"
        "Also on CityNews\n\n  • Harbour bridge closes\n\n    12 comments\n"
    )
    split = split_document(text)
    assert [(c.author, c.posted_raw, c.posted_at) for c in split.comments] == [
        ("Nadia P", "3 years ago", None),
        ("grumpy_driver", "3 years ago", None),
    ]
    assert split.comments[1].text == "You cyclists never stop complaining, do you?"
    assert role_of(text, split, "Reply") == "comment_chrome"


def test_posted_by_footer_under_the_comment() -> None:
    text = ARTICLE + (
        "Comments\n\n"
        "I think you are right, the study they cite is old.\n\n"
        "Posted by: Rhea M | March 02, 2021 at 09:14 AM\n\n"
        "My neighbourhood got lanes last year and I love them.\n\n"
        "Posted by: Tobias | March 02, 2021 at 11:40 AM\n\n"
        "Post a comment\n\n"
        "Comments are moderated, and will not appear until the author has approved them.\n"
    )
    split = split_document(text)
    assert [(c.author, c.text) for c in split.comments] == [
        ("Rhea M", "I think you are right, the study they cite is old."),
        ("Tobias", "My neighbourhood got lanes last year and I love them."),
    ]


def test_numbered_article_sections_and_closed_comments_give_none() -> None:
    text = ARTICLE + (
        "What changes:\n\n1. Lanes on King Street\n\nThe first segment opens in May 2021 and runs to the harbour.\n\n"
        "2. Lanes on Queen Street\n\nThe second segment opens in June 2021, said the city.\n\n"
        "3. New signals\n\nSignals are retimed by July 2021.\n\nComments are closed.\n"
    )
    split = split_document(text)
    assert split.comments == []
    assert "Signals are retimed" in split.body


def test_threading_by_in_reply_to() -> None:
    text = ARTICLE + (
        "Ann Lee says:\nMay 1, 2020 at 1:00 pm\n\nI love this plan for my town.\n\n"
        "Bo says:\nMay 1, 2020 at 2:00 pm\n\nIn reply to Ann Lee: you will not love the traffic.\n"
    )
    split = split_document(text)
    assert [(c.author, c.depth, c.parent) for c in split.comments] == [("Ann Lee", 0, None), ("Bo", 1, 0)]


def test_submitted_by_name_on_weekday_date() -> None:
    text = ARTICLE + (
        "Comments\n\n"
        "Submitted by Kim Lee on Tue, 03/02/2021 - 09:14\n\nI think the bike plan is a good start for our city.\n\n"
        "Submitted by Arjun on Tue, 03/02/2021 - 10:02\n\nYou forgot to mention the cost overruns on the last project.\n\n"
        "Add new comment\n"
    )
    split = split_document(text)
    assert [(c.author, c.posted_at) for c in split.comments] == [
        ("Kim Lee", datetime(2021, 3, 2, 9, 14)),
        ("Arjun", datetime(2021, 3, 2, 10, 2)),
    ]
    assert role_of(text, split, "Add new comment") == "boilerplate"


def test_name_wrote_on_date() -> None:
    text = ARTICLE + (
        "Julie wrote on 5 June 2012:\n\nI love my new commute, thanks for the update!\n\n"
        "Karl wrote on 6 June 2012:\n\nYou must not drive a delivery van then.\n"
    )
    split = split_document(text)
    assert [(c.author, c.posted_at) for c in split.comments] == [
        ("Julie", datetime(2012, 6, 5)),
        ("Karl", datetime(2012, 6, 6)),
    ]


def test_row_of_actions_is_chrome_not_an_author() -> None:
    text = ARTICLE + (
        "Nora says:\n\nI hope you are right about the schedule, my street is a mess.\n\n"
        "Reply · Like · 3 · 2 hours ago\n\n"
        "Sid says:\n\nThanks, I will share this with my neighbours.\n\n"
        "Reply · Like · 1 · 1 hour ago\n\n"
        "Ute says:\n\nWe need the same thing in my town, honestly.\n"
    )
    split = split_document(text)
    assert [c.author for c in split.comments] == ["Nora", "Sid", "Ute"]
    assert all("Like" not in c.text for c in split.comments)


def test_forum_by_name_with_user_number_and_nested_replies() -> None:
    text = ARTICLE + (
        "  • Lanes are fine (Score:4, Insightful)\n\n"
        "    by pedalpusher (48213) writes: on Thursday March 4, @09:12AM (#1001)\n\n"
        "    I think the real fight will be over the parking, not the lanes.\n\n"
        "      • Re:Lanes are fine (Score:2)\n\n"
        "        by carguy (7734) writes: on Thursday March 4, @09:40AM (#1002)\n\n"
        "        You would say that, you live downtown.\n\n"
        "  • Cost? (Score:3)\n\n"
        "    by Anonymous Coward writes: on Thursday March 4, @10:05AM (#1003)\n\n"
        "    Has anyone seen my question about the budget answered anywhere?\n"
    )
    split = split_document(text)
    assert [(c.author, c.depth, c.parent) for c in split.comments] == [
        ("pedalpusher", 0, None),
        ("carguy", 1, 0),
        ("Anonymous Coward", 0, None),
    ]
    # a bulleted title over a header belongs to the next comment, not to the text of the one before
    assert split.comments[0].text == "I think the real fight will be over the parking, not the lanes."
    assert role_of(text, split, "• Cost? (Score:3)") == "comment_header"


def _long_article(head: str, tail: str, middle: str) -> str:
    para = (
        "The survey team walked every street of the old town in the spring and counted the empty shops, "
        "the new cafes and the houses turned into holiday lets, street by street and month by month.\n\n"
    )
    # the part after the middle is much smaller than the part before it: it joins the article only if
    # the middle does not cut the article in two
    return head + "\n\n" + para * 4 + middle + "\n" + tail + "\n\n"


def test_table_of_figures_inside_the_article_stays_body() -> None:
    rows = "".join(f"Street {k} \t{10 + k} \t{k}.5% \t-0.{k}%\n" for k in range(1, 25))
    text = _long_article(
        "Old town survey: fewer empty shops",
        "The second half of the year was quieter, the team said, with fewer new openings than before.",
        "Table: shops by street\n\nStreet \tShops \tYearly change \tMonthly change\n" + rows,
    )
    split = split_document(text)
    assert "quieter" in split.body and "Street 12" in split.body
    assert_lossless(text)


def test_indented_list_announced_by_the_article_stays_body() -> None:
    items = "".join(f"    {w}\n" for w in ["flour", "butter", "sugar", "eggs", "lemons", "salt", "milk", "yeast", "honey"])
    text = _long_article(
        "What the bakery on the corner buys each week",
        "That is enough for a week of bread and cakes, and the owner says she never runs short anymore.",
        "For a normal week, the owner told us, she orders:\n\n" + items,
    )
    split = split_document(text)
    assert "never runs short" in split.body and "lemons" in split.body
    assert_lossless(text)


def test_the_headline_is_the_lead_line_the_story_is_about_not_a_widget_title_over_it() -> None:
    # a lead that opens with a widget's title or a share link: the headline is the line whose words
    # the story repeats; with nothing repeated, the first headline-like line stays the title
    story = (
        "The harbour ferry will run every ten minutes at rush hour from May, the transit board said on "
        "Monday, after a year in which riders waited up to forty minutes on the busiest mornings.\n\n"
        "The board will buy two more boats for the harbour route and hire twelve crew.\n"
    )
    for furniture in ("TOP PHOTOS", "Send to a Friend", "Sponsored Links Today"):
        text = f"{furniture}\n\nHarbour ferry to run every ten minutes at rush hour\n\n" + story
        assert split_document(text).title == "Harbour ferry to run every ten minutes at rush hour", furniture
    text = "Weekend Reading List\n\nCity Notes From Abroad\n\n" + story
    assert split_document(text).title == "Weekend Reading List"


def test_names_opening_with_on_at_or_by_keep_those_letters() -> None:
    # "on", "at" and "by" are cut from a header's edges as words ("on March 3 by Jo"); a name that
    # only begins with those letters lost them ("Byron" read as "ron", "OneCountyNW" as "eCountyNW")
    text = ARTICLE + (
        "4 Comments\n\n"
        "Byron Hale 3 hours ago\n\nThe parking study said the opposite, if anyone read it.\n\n"
        "Athena 2 hours ago\n\nTwelve kilometres is a start, the east side still has nothing.\n\n"
        "OneCountyNW 1 hour ago\n\nPlease report damaged lanes through the usual form.\n\n"
        "Ontario Bob 40 minutes ago\n\nWe did this in my town and the shops are doing fine.\n"
    )
    assert authors(text) == ["Byron Hale", "Athena", "OneCountyNW", "Ontario Bob"]


def test_headline_over_a_written_by_byline_is_the_title_not_the_control_above_it() -> None:
    # a blog prints a text-size control, the headline and "Written by <name>" over the post
    page = (
        "  • Home\n  • Bank Accounts\n  • Loans\n"
        "Adjust Text Size\n\n"
        "A Rewards Checking Account With A Few Catches\n\n"
        "Written by Dorian - Leave a Comment\n\n"
        "This week a reader sent me a fairly generous offer for earning more interest on a checking "
        "account. There are some conditions, but if you can meet them each month, the payout is worth it.\n\n"
        "The catch is simple: the account pays five percent only while you make twelve debit purchases a month.\n\n"
        "3 Comments\n\n"
        "Mia says:\nMay 21, 2015 at 9:12 am\n\nThanks, I had not heard of this bank before.\n\n"
        "Tom says:\nMay 21, 2015 at 11:40 am\n\nWhat happens to the rate after the first year?\n\n"
        "Ann says:\nMay 22, 2015 at 8:05 pm\n\nToo many hoops for me, but a good find.\n"
    )
    split = split_document(page)
    assert split.title == "A Rewards Checking Account With A Few Catches"
    assert [c.author for c in split.comments] == ["Mia", "Tom", "Ann"]


HARBOUR_STORY = (
    "The harbour ferry will run every ten minutes at rush hour from May, the transit board said on "
    "Monday, after a year in which riders waited up to forty minutes on the busiest mornings.\n\n"
    "The board will buy two more boats for the harbour route and hire twelve crew, and the old pier "
    "will reopen for the evening boats once its repairs are done in the spring.\n"
)


def test_a_headline_over_its_byline_is_the_title_with_a_share_row_and_related_links_under_them() -> None:
    # headline, byline, then furniture (a share row, a story's highlights, related links), then the text
    page = (
        "  • News\n  • Sport\n  • Weather\n\n"
        "Ferry to run every ten minutes at rush hour\n\n"
        "By Lena Okafor, Transport Correspondent\n"
        "updated 9:10 AM, Tue March 3, 2020\n\n"
        "  • Print\n  • Email\n  • Share\n\n"
        "STORY HIGHLIGHTS\n"
        "  • Two more boats for the harbour route\n  • Twelve crew to be hired\n\n"
        "Related Stories\n"
        "  • Pier repairs to start in spring\n  • Fares frozen for a year\n\n"
        + HARBOUR_STORY
    )
    assert split_document(page).title == "Ferry to run every ten minutes at rush hour"


def test_a_link_or_two_sentences_over_a_byline_far_above_the_text_is_no_headline() -> None:
    # a post whose byline is printed under its words: the last line over the byline is no headline
    for line in ("Read more here: http://example.org/ferry", "Note: Boats are full on Mondays. Book ahead at the pier"):
        page = (
            "  • Home\n  • About\n\n"
            f"{line}\n\n"
            "by Lena Okafor on March 3, 2020\n\n"
            "  • Print\n  • Email\n  • Share\n  • Tweet\n  • Like\n\n"
            + HARBOUR_STORY
        )
        assert split_document(page).title == "", line


def test_a_headline_right_over_the_text_wins_over_a_widget_s_headline_and_byline_above_it() -> None:
    # a sidebar's post and its author far above, the page's own date, headline and tags over the text
    page = (
        "Our other blogs\n\nBLOG: Notes From the Harbour Office\n\nby Sam Reyes, Harbour Master\n\n"
        "Visit us on:\n\nThe Pier Shop\n\nGifts for every sailor\n\n"
        "March 3, 2020\n\nTen Minutes Between Boats\n\nTags: Ferries, Transit\n\n" + HARBOUR_STORY
    )
    assert split_document(page).title == "Ten Minutes Between Boats"


def test_a_headline_over_its_dateline_is_the_title_but_a_tag_row_or_a_listing_is_not() -> None:
    furniture = "  • Print\n  • Email\n  • Share\n\nReact:\n  • Funny\n  • Scary\n  • Amazing\n\n"
    page = "  • Home\n  • Local\n\nFerry to Run Every Ten Minutes at Rush Hour\n\nPosted: 03/03/2020 4:03 pm\n\n" + furniture + HARBOUR_STORY
    assert split_document(page).title == "Ferry to Run Every Ten Minutes at Rush Hour"
    # a row of tags over the date, or a label in capitals: no phrase
    for line in ("ferries harbour transit board rush hour", "Harbour Ferries commuting Transit Board", "HARBOUR NEWS FERRIES"):
        page = f"  • Home\n  • Local\n\n{line}\n\nPosted: 03/03/2020 4:03 pm\n\n" + furniture + HARBOUR_STORY
        assert split_document(page).title == "", line
    # a listing of the site's posts, each over its age
    listing = "Pier shop opens for the summer\n\na week ago\n\nThe Night Boat to the Island\n\n3 weeks ago\n\n"
    assert split_document("  • Home\n\n" + listing + furniture + HARBOUR_STORY).title == ""


def test_a_headline_its_breadcrumb_repeats_is_the_title_under_a_welcome_note() -> None:
    # a site's welcome note (prose) opens the lead, then the trail of links ending in the headline,
    # then the headline itself, which reads as a sentence
    page = (
        "  • Home\n  • Blog\n\n"
        "Welcome to the Harbour Notes blog! If you are new here, read about the crew and sign up for the weekly letter.\n\n"
        "Home / Transit / Stuck at the pier? Ten minutes is the fix!\n\n"
        "Stuck at the pier? Ten minutes is the fix!\n\n" + HARBOUR_STORY
    )
    assert split_document(page).title == "Stuck at the pier? Ten minutes is the fix!"
    # the same line with no trail repeating it is not taken for the headline under the note
    assert split_document(page.replace("Home / Transit / Stuck at the pier? Ten minutes is the fix!\n\n", "")).title != (
        "Stuck at the pier? Ten minutes is the fix!"
    )


def test_a_headline_over_its_writer_s_author_box_is_the_title_a_caption_over_a_label_is_not() -> None:
    # the writer's name alone, then the profile's links, under the headline; then the text
    box = "Lena Okafor\n  • View Profile\n  • Email\n  • Twitter\n\n"
    page = "  • Home\n  • Local\n\n" + "How the Ferry Got Its Ten Minutes Back\n\n" + box + HARBOUR_STORY
    assert split_document(page).title == "How the Ferry Got Its Ten Minutes Back"
    # a caption over a label in capitals-led words and a blank line: no author box
    page = "  • Home\n  • Local\n\n" + "A photo of the ferry at the pier\n\nEnlarge Image\n\nSee Also\n\n  • Fares\n  • Piers\n  • Crews\n  • Boats\n\n" + HARBOUR_STORY
    assert split_document(page).title != "A photo of the ferry at the pier"


def test_a_headline_over_its_dek_and_byline_is_the_title() -> None:
    # headline, the sentence summing the story up, the byline, a caption and related links, then the text
    page = (
        "  • Home\n  • Local\n\n"
        "Ferry to run every ten minutes at rush hour\n\n"
        "The transit board buys two boats and hires twelve crew after a year of forty-minute waits.\n\n"
        "by Lena Okafor\nMarch 3, 2020 4:16 AM PST\n\n(Credit: Harbour Board)\n\n"
        "Related stories\n  • Pier repairs to start in spring\n  • Fares frozen for a year\n\n" + HARBOUR_STORY
    )
    assert split_document(page).title == "Ferry to run every ten minutes at rush hour"
