"""Comment layouts no splitter rule was tuned on: a link aggregator's thread, a social plugin, forum posts.

Every page here is written for these tests (invented names and words). Each family is the shape a
real widget prints: "name 3 hours ago | parent | next [–]" headers nested by indentation; a bare
name over the text with "Like · Reply · 3y" under it; "Re: <topic>" / "Post by name » date" posts
with the author's profile card (post count, join date) above or under them. evaluate.layout_variants
lays real threads out in the same three families (hn, fb-plugin, forum) to measure them.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from replyscope.html import render_page, split_html_document
from replyscope.split import split_document
from replyscope.split.chrome import is_chrome, is_stop_line
from replyscope.split.headers import read_header

POST = (
    "Harbour bridge to close for six weeks\n\n"
    "The council says the east span needs new bearings before the summer ferries start.\n\n"
)


def _authors(comments) -> list[str]:
    return [c.author for c in comments]


# ------------------------------------------------------------------ link aggregator ("hn")

HN_PAGE = (
    "Harbour bridge to close for six weeks\n"
    "212 points by citydesk 5 hours ago | hide | past | favorite | 4 comments\n\n"
    "The council says the east span needs new bearings before the summer ferries start.\n\n"
    "maraquill 4 hours ago | next [–]\n"
    "About time. That bridge shakes every time a bus crosses it.\n\n"
    "reply\n\n"
    "  tobyreads 3h | parent | prev | next [–]\n"
    "  Source? The last inspection said it was fine.\n\n"
    "  reply\n\n"
    "    dana_o 2 hours ago | parent | root [-]\n"
    "    👍\n\n"
    "    reply\n\n"
    "quietreader 1 hour ago | prev [–]\n"
    "Spring again. Every year the same story with this bridge.\n\n"
    "reply\n\n"
    "Guidelines | FAQ | Lists | API | Security | Legal | Contact\n"
    "Search:\n"
)


def test_a_link_aggregators_thread_comes_back_with_its_nesting():
    comments = split_document(HN_PAGE).comments
    assert _authors(comments) == ["maraquill", "tobyreads", "dana_o", "quietreader"]
    assert [c.parent for c in comments] == [None, 0, 1, None]
    assert [c.posted_raw for c in comments] == ["4 hours ago", "3h", "2 hours ago", "1 hour ago"]
    assert comments[2].text == "👍"
    assert comments[3].text == "Spring again. Every year the same story with this bridge."  # (the footer menu is no comment's)


@pytest.mark.parametrize(
    ("line", "author", "stamp"),
    [
        ("maraquill 4 hours ago | next [–]", "maraquill", "4 hours ago"),
        ("Mara Quill 4 hours ago | parent | root | prev | next", "Mara Quill", "4 hours ago"),
        ("tobyreads 3h | parent | next [–]", "tobyreads", "3h"),
        ("dana_o 2 hours ago [-]", "dana_o", "2 hours ago"),
    ],
)
def test_thread_links_after_the_stamp_are_no_part_of_the_header(line, author, stamp):
    h = read_header(line)
    assert h is not None and (h.author, h.posted_raw) == (author, stamp)


@pytest.mark.parametrize("line", ["Read more | next [–]", "Page 2 | next", "Chapter 3 | prev | next"])
def test_links_without_a_stamp_head_nothing(line):
    assert read_header(line) is None


# ------------------------------------------------------------------ social plugin ("fb-plugin")

FB_PAGE = POST + (
    "4 Comments\n\n"
    "Sort by\nOldest\n\n"
    "Add a comment...\n\n"
    "Mara Quill\n"
    "About time. That bridge shakes every time a bus crosses it, and the council has known for years.\n"
    "Like · Reply · 12 · 3y\n\n"
    "    Toby Reads\n"
    "    Lives in Eastport\n"
    "    Source? The last inspection said it was fine.\n"
    "    Like · Reply · 3y\n"
    "    Toby Reads replied · 2 replies\n\n"
    "Dana Orr\n"
    "Top fan\n"
    "🙄\n"
    "Like\nReply\n2y\n\n"
    "quietreader\n"
    "Spring again. Every year the same story with this bridge.\n"
    "Like · Reply · Mark as spam · 1y\n\n"
    "Load 10 more comments\n"
)


def test_a_social_plugins_comments_are_dated_by_the_row_under_them():
    comments = split_document(FB_PAGE).comments
    assert _authors(comments) == ["Mara Quill", "Toby Reads", "Dana Orr", "quietreader"]
    assert [c.posted_raw for c in comments] == ["3y", "3y", "2y", "1y"]
    assert comments[1].text == "Source? The last inspection said it was fine."  # (not "Lives in Eastport", not the toggle)
    assert comments[2].text == "🙄"
    assert comments[1].parent == 0


@pytest.mark.parametrize("line", ["Like · Reply · 3y", "Like · Reply · 12 · 2w", "Like · Reply · Mark as spam · 5d", "Like · Reply · 4 · Edited · 1y"])
def test_an_action_row_ending_in_an_age_is_chrome_and_a_date(line):
    assert is_chrome(line)
    h = read_header(line)
    assert h is not None and h.kind == "date" and not h.author


def test_plugin_controls_are_chrome_or_form():
    assert is_chrome("Sort by") and is_chrome("Sort by: Top comments") and is_chrome("Jo Lake replied · 3 replies")
    assert is_stop_line("Add a comment...")
    assert not is_chrome("Sorted by the council, the plan was late.")


# ------------------------------------------------------------------ forum posts ("forum")

PHPBB_PAGE = POST + (
    "Post Reply\n"
    "4 posts • Page 1 of 1\n\n"
    "maraquill\n"
    "Regular Member\n"
    "Posts: 1,310\n"
    "Joined: March 2010\n"
    "Location: Eastport\n\n"
    "Re: Harbour bridge to close for six weeks\n"
    "#2\n"
    "Post by maraquill » Tue Mar 03, 2020 9:10 am\n"
    "About time. That bridge shakes every time a bus crosses it.\n\n"
    "Top\n\n"
    "tobyreads\n"
    "Posts: 12\n"
    "Joined: Tue Jan 05, 2019\n\n"
    "Re: Harbour bridge to close for six weeks\n"
    "Post by tobyreads » Tue Mar 03, 2020 9:40 am\n"
    "maraquill wrote:\n"
    "About time. That bridge shakes ...\n\n"
    "Source? I read the last inspection and it said the bridge was fine.\n\n"
    "dana_o\n"
    "Posts: 5,001\n"
    "Joined: June 2012\n\n"
    "Re: Harbour bridge to close for six weeks\n"
    "Post by dana_o » Tue Mar 03, 2020 10:02 am\n"
    "👍\n\n"
    "Return to “Local news”\n"
)


def test_forum_posts_with_profile_cards_above_them():
    comments = split_document(PHPBB_PAGE).comments
    assert _authors(comments) == ["maraquill", "tobyreads", "dana_o"]
    assert comments[0].posted_at == datetime(2020, 3, 3, 9, 10)
    assert comments[0].text == "About time. That bridge shakes every time a bus crosses it."
    assert comments[1].text.endswith("Source? I read the last inspection and it said the bridge was fine.")
    # (a forum's footer link under the last post, "Return to ...", is still read as its words: left)
    assert comments[2].text.startswith("👍")
    for c in comments:
        assert not any(w in c.text for w in ("Posts:", "Joined:", "Re: Harbour", "#2", "Regular Member"))


CARDS_BELOW = POST + (
    "3 replies\n\n"
    "Re: Harbour bridge to close for six weeks\n"
    "by maraquill » Tue Mar 03, 2020 9:10 am\n"
    "About time. That bridge shakes every time a bus crosses it.\n\n"
    "maraquill\n"
    "Posts: 1,310\n"
    "Joined: March 2010\n\n"
    "Top\n\n"
    "Re: Harbour bridge to close for six weeks\n"
    "by tobyreads » Tue Mar 03, 2020 9:40 am\n"
    "Source? The last inspection said it was fine.\n\n"
    "tobyreads\n"
    "Senior Member\n"
    "Posts: 12\n"
    "Joined: Tue Jan 05, 2019\n\n"
    "Re: Harbour bridge to close for six weeks\n"
    "by dana_o » Tue Mar 03, 2020 10:02 am\n"
    "🙄\n\n"
    "dana_o\n"
    "Posts: 5,001\n"
    "Joined: June 2012\n"
    "Location: Eastport\n\n"
    "Who is online\n"
)


def test_a_profile_card_under_a_post_ends_its_text():
    comments = split_document(CARDS_BELOW).comments
    assert _authors(comments) == ["maraquill", "tobyreads", "dana_o"]
    assert [c.text for c in comments] == [
        "About time. That bridge shakes every time a bus crosses it.",
        "Source? The last inspection said it was fine.",
        "🙄",
    ]


DISCOURSE_PAGE = POST + (
    "3 replies\n\n"
    "maraquill\n"
    "Regular Member\n"
    "Mar '20\n"
    "#2\n\n"
    "About time. I feel that bridge shake every time a bus crosses it.\n\n"
    "2 Likes\nReply\n\n"
    "tobyreads\n"
    "Mar 4\n\n"
    "Source? You know the last inspection said it was fine, and the engineers signed it off.\n\n"
    "Reply\n\n"
    "dana_o\n"
    "Veteran\n"
    "5d\n\n"
    "Spring again. We get the same story with this bridge every year.\n\n"
    "Reply\n"
)


def test_a_name_over_its_rank_over_its_date_names_the_person():
    comments = split_document(DISCOURSE_PAGE).comments
    assert _authors(comments) == ["maraquill", "tobyreads", "dana_o"]
    assert [c.posted_raw for c in comments] == ["Mar '20", "Mar 4", "5d"]


@pytest.mark.parametrize(
    ("line", "kind", "author"),
    [
        ("Post by maraquill » Tue Mar 03, 2020 9:10 am", "by", "maraquill"),
        ("by maraquill » Tue Mar 03, 2020 9:10 am", "by", "maraquill"),
    ],
)
def test_forum_post_headers(line, kind, author):
    h = read_header(line)
    assert h is not None and (h.kind, h.author, h.posted_raw) == (kind, author, "Tue Mar 03, 2020 9:10 am")


@pytest.mark.parametrize("line", ["Joined: Tue Mar 23, 2010", "Published on May 3, 2012 - Leave a Comment", "Posted on May 3, 2012 | Leave a comment"])
def test_profile_fields_and_form_links_beside_a_date_name_nobody(line):
    assert read_header(line) is None


@pytest.mark.parametrize("line", ["Posts: 1,310", "Joined: March 2010", "Location: Eastport", "#12", "Top"])
def test_profile_fields_and_post_numbers_are_chrome(line):
    assert is_chrome(line)


def test_a_site_menu_on_one_line_is_furniture_and_words_are_not():
    assert is_stop_line("Guidelines | FAQ | Lists | API | Security | Legal | Contact")
    assert not is_stop_line("Yes | No | Maybe | I think the council should decide")


# ------------------------------------------------------------------ threads the page decides on


def test_a_thread_of_one_line_comments_under_a_one_line_post_is_kept():
    # every comment a plain one-liner nobody talks in, under a one-line post: the section header,
    # the dates and the action row under every comment make it a thread
    page = (
        "Skip to content\n\n"
        "Trams to run all night from June\n\n"
        "The transit board approved the plan on Tuesday.\n\n"
        "Comments (5)\nSort by: Top comments\n\n"
        "  • F. Hale • 1 day ago • 👍 60\n\n    Another waste of money on a few night owls.\n\n    Like · Reply · Share\n\n"
        "  • Ana Ruiz • 22 hours ago\n\n    Just another scheme from the same old board.\n\n    Log in to Reply\n\n"
        "  • W. Stone • 19 hours ago\n\n    Nobody rides them after ten anyway.\n\n    Reply • Share ›\n\n"
        "  • Farid Oz • 19 hours ago • 52 likes\n\n    🤔\n\n    Reply ↓\n\n"
        "  • S. Berg • 16 hours ago\n\n    You will not see me on a tram at 3 am.\n\n    Reply\n\n"
        "Load more comments\n"
    )
    comments = split_document(page).comments
    assert _authors(comments) == ["F. Hale", "Ana Ruiz", "W. Stone", "Farid Oz", "S. Berg"]


def _bulleted(name: str, when: str, text: str, depth: int = 0, votes: str = "12 likes") -> str:
    p = " " * (2 + 4 * depth)
    return f"{p}• {name}\n{p}• {when}\n\n{p}  {text}\n\n{p}  {votes}\n{p}  Reply\n\n"


def test_a_long_comment_in_a_thread_under_its_section_header_is_no_article():
    # a one-line lead, then a thread whose fourth comment is the page's longest run of prose: the
    # comments above it were lost with it (read as the article's dateline and the article)
    para = "The east span was rebuilt in 1988 and the bearings were meant to last forty years, but salt and heavier buses wore them out in half that time."
    long = "\n\n".join("            " + " ".join([para] * 3) for _ in range(5))
    page = (
        "Skip to content\nMenu\nSearch\n\n"
        "The harbour bridge will close for six weeks\n\n"
        "An opinion piece from this week's edition. Readers have been debating it since it was published.\n\n"
        "Share this:\nTwitter\nFacebook\nEmail\n\n"
        "9 comments\nOldest first | Newest first\nFollow this conversation\n\n"
        "Editor's pick\n\n"
        + _bulleted("Mara Quill", "3 days ago", "Thanks for reading the local paper. Carry on like that and you might learn something.", 0, "▲ 27 ▼")
        + _bulleted("Toby Reads", "2 days ago", "Of course the council knew for years. Only a fool would say otherwise.", 1)
        + _bulleted("Ann Lee", "2 days ago", "I guess you do not take the bus much, do you?", 1, "👍 29")
        + "          • Yusuf Berg\n          2d\n\n" + long + "\n\n            • Reply\n            • Share ›\n\n"
        + _bulleted("Dana Orr", "2 days ago", "Spring again, same story.")
        + _bulleted("Lu Chen", "2 days ago", "Did you read the report? I did, and it says nothing new.", 1)
        + _bulleted("Bo Vik", "20 hours ago", "My bus will take an hour longer every day.")
        + _bulleted("Cy Dunn", "19 hours ago", "You could cycle, it is faster than the bus anyway.", 1)
        + _bulleted("Eve Holm", "18 hours ago", "I will miss the view from the east span.")
        + "Load more comments\n"
    )
    result = split_document(page)
    assert _authors(result.comments) == ["Mara Quill", "Toby Reads", "Ann Lee", "Yusuf Berg", "Dana Orr", "Lu Chen", "Bo Vik", "Cy Dunn", "Eve Holm"]
    assert result.body.startswith("An opinion piece")


def test_a_site_in_another_language_ends_its_last_comment_at_the_form():
    page = POST + (
        "2 comentarios\n\n"
        "Ana Ruiz dice:\nhace 3 horas\n\nPor fin, el puente tiembla cada vez que pasa un autobús.\n\nResponder\n\n"
        "Jo dice:\nhace 2 horas\n\n❤️\n\nResponder\n\n"
        "Deja una respuesta\n"
    )
    comments = split_document(page).comments
    assert _authors(comments) == ["Ana Ruiz", "Jo"]
    assert comments[1].text == "❤️"


# ------------------------------------------------------------------ authors in the DOM

ORIGINALLY_POSTED = """<html><head><title>Bridge</title></head><body>
<article><h1>Harbour bridge to close</h1><p>The council says the east span needs new bearings before the summer ferries start, and the work will take six weeks.</p></article>
<div id="comments"><h3>2 Comments</h3><ol class="commentlist">
<li class="comment"><div class="comment-author">Originally posted by <b>Mara Quill</b></div>
<div class="comment-meta"><time datetime="2020-03-03T09:10">March 3, 2020 at 9:10 am</time></div>
<div class="comment-body"><p>About time. That bridge shakes every time a bus crosses it.</p></div></li>
<li class="comment"><div class="comment-author">Posted on March 3, 2020 by <a href="#">Toby Reads</a></div>
<div class="comment-meta"><time datetime="2020-03-03T09:40">March 3, 2020 at 9:40 am</time></div>
<div class="comment-body"><p>Source? The last inspection said it was fine.</p></div></li>
</ol></div></body></html>"""


def test_a_posting_label_in_a_dom_author_is_no_part_of_the_name():
    page = render_page(ORIGINALLY_POSTED)
    result = split_html_document(ORIGINALLY_POSTED, page.text, page.title)
    assert _authors(result.comments) == ["Mara Quill", "Toby Reads"]


def test_a_forum_post_by_a_handle_of_digits_is_a_post_of_its_own():
    h = read_header("by 3917460 » Tue Mar 03, 2020 9:40 am")
    assert h is not None and h.kind == "by" and h.author == "3917460" and h.posted_raw == "Tue Mar 03, 2020 9:40 am"
    page = POST + (
        "3 replies\n\n"
        "Re: Harbour bridge to close for six weeks\n"
        "by maraquill » Tue Mar 03, 2020 9:10 am\n"
        "About time. I feel that bridge shake every time a bus crosses it.\n\n"
        "Re: Harbour bridge to close for six weeks\n"
        "by 3917460 » Tue Mar 03, 2020 9:40 am\n"
        "Source? You know the last inspection said it was fine.\n\n"
        "Re: Harbour bridge to close for six weeks\n"
        "by dana_o » Tue Mar 03, 2020 10:02 am\n"
        "Spring again. We get the same story with this bridge every year.\n\n"
    )
    comments = split_document(page).comments
    assert [c.author for c in comments] == ["maraquill", "3917460", "dana_o"]
    assert comments[1].text == "Source? You know the last inspection said it was fine."


# ------------------------------------------------------------------ glued ages and footers after the last post

HN_GLUED_AGES = (
    "Harbour bridge to close for six weeks\n"
    "212 points by citydesk 2 days ago | hide | past | favorite | 6 comments\n\n"
    "The council says the east span needs new bearings before the summer ferries start.\n\n"
    "maraquill 2 days ago | next [–]\n"
    "About time. I feel that bridge shake every time my bus crosses it.\n\n"
    "reply\n\n"
    "  tobyreads 1 day ago | parent | next [–]\n"
    "  Source? I read the last inspection and it said the bridge was fine.\n\n"
    "  reply\n\n"
    "quietreader 21h\n"
    "Spring again. You see the same story with this bridge every year.\n\n"
    "reply\n\n"
    "Ana Lopez 20h | prev | next\n"
    "Who pays for my detour, the council or the contractor?\n\n"
    "reply\n\n"
    "pete_k 3h\n"
    "They did the west span in winter and nobody noticed. Why not now? I think you know.\n\n"
    "reply\n"
)


def test_a_name_with_a_bare_age_heads_a_comment_where_the_page_dates_by_age():
    # ("quietreader 21h" has no link or separator after the age: the other headers show the page's habit)
    comments = split_document(HN_GLUED_AGES).comments
    assert _authors(comments) == ["maraquill", "tobyreads", "quietreader", "Ana Lopez", "pete_k"]
    assert [c.posted_raw for c in comments][2:] == ["21h", "20h", "3h"]
    assert comments[1].text == "Source? I read the last inspection and it said the bridge was fine."
    assert [c.parent for c in comments] == [None, 0, None, None, None]


SAYS_WITH_A_ROOM = POST + (
    "3 Responses\n\n"
    "maraquill says:\n"
    "March 3, 2020 at 9:10 am\n"
    "The public meeting is on Thursday, the notice says:\n\n"
    "Room 5h\n"
    "Bring the petition, we need the signatures counted before it starts.\n\n"
    "tobyreads says:\n"
    "March 3, 2020 at 9:40 am\n"
    "Source? The last inspection said it was fine.\n\n"
    "dana_o says:\n"
    "March 3, 2020 at 10:02 am\n"
    "I will be there with the traders from the bridge road.\n"
)


def test_a_bare_name_and_age_on_a_page_dated_by_calendar_is_words():
    comments = split_document(SAYS_WITH_A_ROOM).comments
    assert _authors(comments) == ["maraquill", "tobyreads", "dana_o"]
    assert "Room 5h" in comments[0].text


def test_short_lines_after_the_reply_link_of_the_last_comment_are_the_pages():
    # (not every comment has its reply link: the links alone do not close each comment)
    page = (
        HN_GLUED_AGES.replace("Who pays for my detour, the council or the contractor?\n\nreply\n\n", "Who pays for my detour, the council or the contractor?\n\n")
        .replace("They did the west span in winter and nobody noticed. Why not now? I think you know.", "😂😂")
        + "\nMore\n"
    )
    comments = split_document(page).comments
    assert _authors(comments) == ["maraquill", "tobyreads", "quietreader", "Ana Lopez", "pete_k"]
    assert comments[-1].text == "😂😂"


DISCOURSE_FOOTER = POST + (
    "5 replies\n\n"
    "maraquill\n"
    "Mar 3\n\n"
    "About time. I feel that bridge shake every time a bus crosses it.\n\n"
    "2 Likes\nReply\n\n"
    "tobyreads\n"
    "Regular Member\n"
    "Mar 3\n\n"
    "Source? You know the last inspection said it was fine, and the engineers signed it off.\n\n"
    "dana_o\n"
    "Mar 4\n\n"
    "Spring again. We get the same story with this bridge every year.\n\n"
    "Reply\n\n"
    "Pete K\n"
    "Veteran\n"
    "Mar 4\n\n"
    "Who pays for the detour signs, the council or the contractor?\n\n"
    "lu_chen\n"
    "Mar 5\n\n"
    "🙄\n\n"
    "{footer}\n"
)


@pytest.mark.parametrize(
    "footer",
    [
        "Who is online\nUsers browsing this forum: No registered users and 3 guests",
        "Return to “Local news”\nJump to",
        "Suggested Topics",
    ],
)
def test_a_forum_footer_after_a_short_last_post_is_no_part_of_it(footer):
    comments = split_document(DISCOURSE_FOOTER.format(footer=footer)).comments
    assert _authors(comments) == ["maraquill", "tobyreads", "dana_o", "Pete K", "lu_chen"]
    assert comments[-1].text == "🙄"


@pytest.mark.parametrize("sign_off", ["-Shannon", "Cheers,\n\nLu", "ps glad the works start in spring", "Lu"])
def test_a_readers_sign_off_under_the_last_comment_stays_its_words(sign_off):
    page = DISCOURSE_FOOTER.format(footer="").replace("🙄", f"The traders deserve a straight answer on the detour.\n\n{sign_off}")
    comments = split_document(page).comments
    assert comments[-1].text.endswith(sign_off.split("\n")[-1])


LONG_TOPIC = (
    "Is it true that the harbour bridge was built without expansion joints on the east span, and that is "
    "why it shakes every time a bus crosses it in the summer heat?"
)


def test_a_long_re_subject_over_each_post_is_the_subject_not_the_post_above():
    page = f"{LONG_TOPIC}\n\n{POST}4 posts • Page 1 of 1\n\n" + "".join(
        f"Re: {LONG_TOPIC}\nby {name} » Tue Mar 03, 2020 {t} am\n{words}\n\n{name}\n{rank}Posts: {n}\nJoined: March 2010\n\nTop\n\n"
        for name, t, words, rank, n in [
            ("maraquill", "9:10", "About time. That bridge shakes every time a bus crosses it.", "Regular Member\n", "1,310"),
            ("tobyreads", "9:40", "❤️", "", "12"),
            ("dana_o", "10:02", "Source? The last inspection said it was fine.", "Veteran\n", "5,001"),
        ]
    ) + "Return to “Local news”\n"
    comments = split_document(page).comments
    assert _authors(comments) == ["maraquill", "tobyreads", "dana_o"]
    assert [c.text for c in comments] == [
        "About time. That bridge shakes every time a bus crosses it.",
        "❤️",
        "Source? The last inspection said it was fine.",
    ]


FB_ODD_AUTHORS = POST + (
    "5 Comments\n\n"
    "Mara Quill\n"
    "About time. That bridge shakes every time a bus crosses it, and the council has known for years.\n"
    "Like · Reply · 12 · 3d\n\n"
    "3917460\n"
    "@Mara Quill makes sense. Did you read the inspection report? Surprised it took this long\n"
    "Like · Reply · Mark as spam · 3d\n\n"
    "    Toby Reads\n"
    "    Mara Quill could you email me at desk@eastport-news.example and I will explain, thanks\n"
    "    Like · Reply · 3 · 2d\n\n"
    "Dana Orr\n"
    "FIX THE BRIDGE ALREADY COUNCIL\n"
    "@Mara Quill\n"
    "Like · Reply · 37 · Edited · 2d\n\n"
    "quietreader\n"
    "Spring again. Every year the same story with this bridge.\n"
    "Like · Reply · 1d\n\n"
    "Load 10 more comments\n"
)


def test_plugin_comments_by_a_number_with_an_address_or_in_capitals_keep_their_names():
    # (a handle of digits is no vote count, a reader who gives an e-mail address still writes, and a
    # shouted line is no badge under the name)
    comments = split_document(FB_ODD_AUTHORS).comments
    assert _authors(comments) == ["Mara Quill", "3917460", "Toby Reads", "Dana Orr", "quietreader"]
    assert comments[1].text.startswith("@Mara Quill makes sense.")
    assert comments[2].text.startswith("Mara Quill could you email me")
    assert comments[3].text == "FIX THE BRIDGE ALREADY COUNCIL\n@Mara Quill"


def test_a_profile_card_under_a_removed_accounts_post_ends_it():
    removed = (
        "Re: Harbour bridge to close for six weeks\n"
        "by [deleted] » Tue Mar 03, 2020 9:20 am\n"
        "[removed]\n\n"
        "[deleted]\n"
        "Registered User\n"
        "Posts: 40\n"
        "Joined: May 2019\n\n"
    )
    page = CARDS_BELOW.replace("Top\n\n", "Top\n\n" + removed, 1)
    comments = split_document(page).comments
    assert _authors(comments) == ["maraquill", "[deleted]", "tobyreads", "dana_o"]
    assert [c.text for c in comments][1:3] == ["[removed]", "Source? The last inspection said it was fine."]


LONG_FIRST_POST = (
    "Is the harbour bridge really unsafe?\n\n"
    "{byline}"
    "My neighbour says the east span is cracked. Is that true, or is it just the usual gossip?\n\n"
    "Share\nTweet\n\n"
    "{tally}"
    "maraquill\n"
    "Mar 3\n\n"
    + "".join(
        f"{p}\n\n"
        for p in (
            "Not unsafe, but tired. The east span was built in 1962 with bearings that were meant to last forty "
            "years, and they have now lasted almost sixty. The inspection last autumn found that two of them have "
            "seized, which is why the deck moves more than it should when a heavy bus crosses.",
            "The cracks your neighbour mentions are in the surface layer, not in the steel. They look bad from the "
            "footpath but the engineers measured them and they are not growing. The council published the whole "
            "report in January, it is on their website under transport, and it is worth reading in full.",
            "What the works in April will do is lift the deck a few millimetres, take the old bearings out and put "
            "new ones in. That is why the span has to close completely for six weeks: you cannot lift a deck with "
            "traffic on it, and the ferries need the channel open at the same time, so the timing is tight.",
            "If you want to see it for yourself, the council runs a site visit on the first Saturday of March, and "
            "the engineers are happy to answer questions. I went last year and it was one of the better mornings "
            "I have spent in this town, honestly. Bring a coat, it is windy up there on the walkway.",
            "As for the detour, the bus company says the routes over the west bridge add ten minutes at most, "
            "more at school times. The ferries will run an extra crossing in the mornings for the six weeks, "
            "which the council is paying for, so the people on the island side should not be stuck.",
            "So no, it is not about to fall down, and the work is the boring, sensible kind that keeps it from "
            "ever getting to that point. Your neighbour is right that it needs attention, just not that it is "
            "dangerous today. If the engineers thought it was, they would have shut it already, not in April.",
        )
    )
    + "{close}"
    "tobyreads\nMar 4\n\nThanks, I had no idea the report was public. I will read it tonight.\n\n{close}"
    "dana_o\nMar 4\n\nI went on the site visit too. You are right, worth it.\n\n{close}"
    "pete_k\nMar 5\n\nSo it is safe until April? My bus crosses it every morning.\n\n{close}"
)


@pytest.mark.parametrize(
    ("byline", "tally", "close"),
    [
        ("", "Post Reply\n8 posts • Page 1 of 1\n\n", ""),  # a forum's tally of posts heads the thread
        ("By harbourwatch | 2 March 2020\n\n", "Post Reply\n\n", ""),  # the post has its byline and words already
        ("", "Post Reply\n\n", "Reply\n\n"),  # a lone Reply link closes every post
    ],
)
def test_a_long_first_post_under_a_short_question_is_a_post_not_the_article(byline, tally, close):
    page = LONG_FIRST_POST.format(byline=byline, tally=tally, close=close)
    d = split_document(page)
    assert [c.author for c in d.comments] == ["maraquill", "tobyreads", "dana_o", "pete_k"]
    assert "bearings" not in d.body and d.comments[0].text.startswith("Not unsafe, but tired.")


@pytest.mark.parametrize(("line", "section"), [("8 posts • Page 1 of 1", True), ("47 posts", True), ("Posts", False), ("Posts tagged harbour", False), ("Posts by month", False)])
def test_a_forum_tally_of_posts_heads_a_section_and_a_posts_menu_does_not(line, section):
    assert is_stop_line(line) is section


def test_a_thread_of_short_posts_under_a_tally_of_posts_keeps_every_post():
    # (no run of prose before the last post: the thread sits above the lead run, and the footer's
    # "Who is online" over its sentence, a bare name's shape under it, must not hide it)
    posts = [
        ("maraquill", "Mar 3", "About time. I feel that bridge shake every time my bus crosses it."),
        ("tobyreads", "Mar 3", "Source? I read the inspection and it said the bridge was fine."),
        ("dana_o", "Mar 4", "You are both right, it is fine but tired. Read page 4."),
        ("Pete K", "Mar 4", "Who pays for my detour, the council or the contractor?"),
        ("lu_chen", "Mar 5", "The council, I think. It was in the budget."),
        ("maraquill", "Mar 5", "Thanks, I had no idea. I will read it tonight."),
        ("harbourwatch", "Mar 6", "I went on the site visit last year. You should go, it is worth it."),
        ("tobyreads", "Mar 6", "Fair enough, I will go. You have convinced me that the report is worth a read and "
         "that the works are the sensible kind, even if the timing with the ferries is not great for anyone "
         "who lives on the island side and has to get to work in town every morning of those six weeks."),
    ]
    page = (
        "Is the harbour bridge really unsafe?\n\n"
        "By harbourwatch | 2 March 2020\n\n"
        "My neighbour says the east span is cracked. Is that true?\n\n"
        "Share\nTweet\n\n"
        f"Post Reply\n{len(posts) + 1} posts • Page 1 of 1\n\n"
        + "".join(f"{name}\n{day}\n#{k + 2}\n\n{words}\n\nReply\n\n" for k, (name, day, words) in enumerate(posts))
        + "Who is online\nUsers browsing this forum: No registered users and 2 guests\n"
    )
    comments = split_document(page).comments
    assert _authors(comments) == [name for name, _, _ in posts]
    assert comments[-1].text.endswith("six weeks.")


@pytest.mark.parametrize("header", ["3917460 21h", "3917460 21h | prev | next"])
def test_a_handle_of_digits_with_an_age_heads_its_comment(header):
    comments = split_document(HN_GLUED_AGES.replace("quietreader 21h", header)).comments
    assert _authors(comments) == ["maraquill", "tobyreads", "3917460", "Ana Lopez", "pete_k"]
    assert comments[2].text == "Spring again. You see the same story with this bridge every year."


def test_a_handle_of_digits_over_its_date_heads_its_post():
    page = DISCOURSE_FOOTER.format(footer="").replace("Pete K\nVeteran\nMar 4\n", "3917460\nMar 4\n#5\n")
    comments = split_document(page).comments
    assert _authors(comments) == ["maraquill", "tobyreads", "dana_o", "3917460", "lu_chen"]
    assert comments[3].text == "Who pays for the detour signs, the council or the contractor?"
