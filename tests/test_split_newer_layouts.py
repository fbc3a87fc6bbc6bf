"""Comment layouts added after the hn / fb-plugin / forum round, as HTML-to-text gives them.

Every page here is written for these tests (invented names and words): a newspaper's comment
system (name, the reader's town and the date, "In response to X's comment", "Reply  Recommend (12)
Report"), a video site's list ("@handle 3 years ago", a bare like count, "Reply", "View 2 replies"),
a Slashdot-style thread ("Title (Score:4, Insightful)" over "by name (12345) on ..."), and the chrome
of answers and reviews. evaluate.layout_variants lays real threads out in the same families
(news, video, slashdot, qa) to measure them.
"""

from __future__ import annotations

import re

import pytest

from replyscope.split import split_document
from replyscope.split.chrome import is_chrome
from replyscope.split.headers import read_header

POST = (
    "Harbour bridge to close for six weeks\n\n"
    "The council says the east span needs new bearings before the summer ferries start.\n\n"
)


def _authors(comments) -> list[str]:
    return [c.author for c in comments]


NEWS_PAGE = POST + (
    "Readers' comments (4)\n\n"
    "Newest | Oldest | Recommended\n\n"
    "Mara Quill\n"
    "Eastport  ·  March 3, 2020\n"
    "About time. That bridge shakes every time a bus crosses it.\n"
    "Reply  Recommend (41)  Report\n"
    "Show 1 replies\n\n"
    "    tobyreads\n"
    "    March 3, 2020\n"
    "    In response to Mara Quill's comment\n\n"
    "    Source? The last inspection said it was fine.\n"
    "    Reply  Recommend (3)  Report\n\n"
    "Reader pick\n"
    "Dana Orr\n"
    "Old Harbour  ·  March 4, 2020\n"
    "🙄\n"
    "Reply  Recommend (12)  Report\n\n"
    "quietreader\n"
    "March 4, 2020\n"
    "Spring again. Every year the same story with this bridge.\n"
    "Reply  Recommend (7)  Report\n\n"
    "Comments are closed.\n"
)


def test_a_newspapers_comments_keep_the_name_over_the_town_and_date():
    comments = split_document(NEWS_PAGE).comments
    assert _authors(comments) == ["Mara Quill", "tobyreads", "Dana Orr", "quietreader"]
    assert [c.text for c in comments] == [
        "About time. That bridge shakes every time a bus crosses it.",
        "Source? The last inspection said it was fine.",  # (not the reply-target line, not the row)
        "🙄",
        "Spring again. Every year the same story with this bridge.",
    ]


VIDEO_PAGE = POST + (
    "1,204 Comments\n\n"
    "Sort by\nTop comments\n\n"
    "Add a comment...\n\n"
    "@maraquill 3 years ago\n"
    "About time. That bridge shakes every time a bus crosses it.\n"
    "1.2K\n"
    "Reply\n"
    "View 2 replies\n\n"
    "    @tobyreads 3 years ago (edited)\n"
    "    @maraquill Source? The last inspection said it was fine.\n"
    "    14\n"
    "    Reply\n\n"
    "    @dana-orr 2 years ago\n"
    "    @tobyreads 👍\n"
    "    Reply\n\n"
    "@quietreader 1 year ago\n"
    "Spring again. Every year the same story with this bridge.\n"
    "Reply\n"
)


def test_a_video_sites_comments_come_back_without_their_counts():
    comments = split_document(VIDEO_PAGE).comments
    assert [a.lstrip("@") for a in _authors(comments)] == ["maraquill", "tobyreads", "dana-orr", "quietreader"]
    assert comments[0].text == "About time. That bridge shakes every time a bus crosses it."  # (not "1.2K")
    assert comments[1].posted_raw == "3 years ago"


SLASHDOT_PAGE = POST + (
    "4 comments\nSearch Discussion\n\n"
    "About time (Score:5, Insightful)\n"
    "by maraquill (48213) on Tuesday March 03, 2020 @09:12AM (#59791234)\n"
    "Homepage Journal\n\n"
    "That bridge shakes every time a bus crosses it, and the council has known for years.\n\n"
    "Reply to This Share\n\n"
    "  Re:About time (Score:2)\n"
    "  by tobyreads (991) on Tuesday March 03, 2020 @10:40AM (#59791301)\n\n"
    "  Source? The last inspection said it was fine.\n\n"
    "  Reply to This Parent Share\n"
    "  2 replies beneath your current threshold.\n\n"
    "Obvious (Score:3, Funny)\n"
    "by Anonymous Coward on Tuesday March 03, 2020 @11:02AM (#59791377)\n\n"
    "Spring again. Every year the same story with this bridge.\n\n"
    "Share\n\n"
    "Ferries (Score:1)\n"
    "by dana_o (5120) on Wednesday March 04, 2020 @08:15AM (#59793012)\n\n"
    "Nobody has said what happens to the ferry timetable while the span is shut.\n\n"
    "Reply to This Share\n"
)


def test_a_scored_threads_titles_and_profile_links_are_no_ones_words():
    comments = split_document(SLASHDOT_PAGE).comments
    assert _authors(comments) == ["maraquill", "tobyreads", "Anonymous Coward", "dana_o"]
    assert [c.parent for c in comments] == [None, 0, None, None]
    assert comments[0].text == "That bridge shakes every time a bus crosses it, and the council has known for years."
    assert comments[1].text == "Source? The last inspection said it was fine."
    assert comments[2].text == "Spring again. Every year the same story with this bridge."  # (the next title is not its words)


@pytest.mark.parametrize(
    "line",
    [
        "Reply  Recommend (41)  Report",
        "261 Recommend",
        "Reply · Recommend · 12 · Report",
        "In response to Mara Quill's comment",
        "Reply to @maraquill",
        "Replying to @maraquill @tobyreads",
        "Reader pick",
        "Editors' Picks",
        "Pinned by @citydesk",
        "1.2K",
        "▼ 14 replies",
        "Collapse thread",
        "2 replies beneath your current threshold.",
        "Homepage Journal",
        "Helpful (12)",
        "Not helpful (3)",
        "Helpful | Report abuse",
        "12 people found this helpful",
        "One person found this helpful",
        "30 of 37 found this helpful. Do you?",
        "Was this review helpful? Yes (14) No (5)",
        "★★★★☆",
        "★★★☆☆ 3.0 out of 5 stars",
        "Rated 4 out of 5",
        "Verified Purchase",
    ],
)
def test_widget_chrome_of_newspapers_video_sites_and_reviews(line):
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "Good pick",
        "Not really",
        "Replying to you is pointless because you never listen",
        "5K runs are hard",
        "★ Great stuff",
        "I rated it 4 out of 5",
        "Featured in the Times last week",
        "Journal of Medicine says otherwise",
        "Good pick",
        "My pick",
        "Nick picks",
        "Top 10 reasons to go",
        "Not helpful at all, this article",
    ],
)
def test_readers_words_that_look_like_that_chrome(line):
    assert not is_chrome(line)


@pytest.mark.parametrize(
    ("line", "kind", "author", "stamp", "below"),
    [
        ("Answered by Jo Lake · 3d", "by", "Jo Lake", "3d", True),
        ("Answered by Jo Lake on March 3, 2020", "by", "Jo Lake", "March 3, 2020", True),
        ("Jo Lake answered 3 days ago", "says", "Jo Lake", "3 days ago", False),
        ("Reviewed in the United Kingdom on 3 March 2020", "date", "", "3 March 2020", False),
        ("@tobyreads 3 years ago (edited)", "name_date", "tobyreads", "3 years ago", False),
    ],
)
def test_answer_and_review_bylines(line, kind, author, stamp, below):
    h = read_header(line)
    assert h is not None and (h.kind, h.author, h.posted_raw, h.posted_by) == (kind, author, stamp, below)


def test_he_answered_is_a_sentence_not_a_header():
    assert read_header("He answered 3 days ago") is None


ANSWERS_PAGE = (
    "Is the harbour bridge safe to cross?\n\n"
    "Asked by a reader after the council's notice this week.\n\n"
    "3 answers\n\n"
    "Answer:\n"
    "Yes. The east span was inspected in 2019 and the bearings were worn but safe.\n"
    "The closure is for the new bearings, not for any danger now.\n"
    "By harbourwatch on March 3, 2020\n"
    "Helpful (12)\n"
    "Not helpful (1)\n\n"
    "Answer:\n"
    "👍\n"
    "By tobyreads on March 3, 2020\n"
    "Helpful (0)\n"
    "Not helpful (0)\n\n"
    "Answer:\n"
    "I cross it twice a day and it shakes when the buses pass, but it has always done that.\n"
    "Ask the council for the report if you want the numbers.\n"
    "By Dana Orr on March 4, 2020\n"
    "Helpful (3)\n"
    "Not helpful (0)\n\n"
    "Ask a question\n"
)


def test_answers_signed_under_their_words_keep_their_authors():
    comments = split_document(ANSWERS_PAGE).comments
    assert _authors(comments) == ["harbourwatch", "tobyreads", "Dana Orr"]
    assert comments[0].text.startswith("Yes. The east span")
    assert comments[1].text == "👍"  # (not the label over it)
    assert comments[2].text.endswith("if you want the numbers.")


REVIEWS_PAGE = (
    "Harbour Walks: a guide to the old port\n\n"
    "A pocket guide to the walks around the old harbour, with maps and the history of each quay.\n\n"
    "Customer reviews\n"
    "3 global ratings\n\n"
    "Mara Quill\n"
    "★★★★☆ 4.0 out of 5 stars\n"
    "Reviewed in the United Kingdom on 3 March 2020\n"
    "Verified Purchase\n"
    "Good maps, and the walk over the bridge is lovely while it is still open.\n"
    "12 people found this helpful\n"
    "Helpful\n"
    "Report\n\n"
    "tobyreads\n"
    "★★☆☆☆ 2.0 out of 5 stars\n"
    "Reviewed in the United Kingdom on 5 March 2020\n"
    "The history is thin and half the cafés in it have closed.\n"
    "Helpful\n"
    "Report\n\n"
    "Dana Orr\n"
    "★★★★★ 5.0 out of 5 stars\n"
    "Reviewed in Ireland on 9 March 2020\n"
    "Verified Purchase\n"
    "Bought it for my father, who grew up by the quays. He loved it.\n"
    "One person found this helpful\n"
    "Helpful\n"
    "Report\n"
)


def test_reviews_keep_the_name_over_the_stars_and_the_dateline():
    comments = split_document(REVIEWS_PAGE).comments
    assert _authors(comments) == ["Mara Quill", "tobyreads", "Dana Orr"]
    assert [c.posted_raw for c in comments] == ["3 March 2020", "5 March 2020", "9 March 2020"]
    assert comments[1].text == "The history is thin and half the cafés in it have closed."


# A video site's list with compact ages, some marked "(edited)", and the creator's heart under a
# comment's words: "20h (edited)" dates its comment as "20h" does, the heart is the widget's.
VIDEO_COMPACT_PAGE = POST + (
    "Comments\n\n"
    "@maraquill 20h\n"
    "About time. That bridge shakes every time a bus crosses it.\n"
    "Reply\n\n"
    "@tobyreads 19h (edited)\n"
    "Source? The last inspection said it was fine.\n"
    "Reply\n\n"
    "@dana-orr 1mo (edited)\n"
    "🙄\n"
    "31\n"
    "❤\n"
    "Reply\n\n"
    "@quietreader 2d\n"
    "👍\n"
    "❤\n"
    "Reply\n\n"
    "@ferrywatch 2d (edited)\n"
    "Spring again. Every year the same story with this bridge.\n"
    "❤\n"
    "Reply\n"
)


def _age_under_name(page: str) -> str:
    # the same list as a site that prints the age on the line under the handle
    return re.sub(r"(?m)^(@\S+) (\d)", r"\1\n\2", page)


@pytest.mark.parametrize("shape", [str, _age_under_name])
def test_an_edited_marker_after_a_compact_age_heads_its_comment(shape):
    comments = split_document(shape(VIDEO_COMPACT_PAGE)).comments
    assert [a.lstrip("@") for a in _authors(comments)] == ["maraquill", "tobyreads", "dana-orr", "quietreader", "ferrywatch"]
    assert [c.posted_raw for c in comments] == ["20h", "19h", "1mo", "2d", "2d"]


def test_a_lone_symbol_over_the_reply_link_is_the_widgets_not_the_readers():
    comments = split_document(VIDEO_COMPACT_PAGE).comments
    assert [c.text for c in comments[2:]] == ["🙄", "👍", "Spring again. Every year the same story with this bridge."]


@pytest.mark.parametrize(
    ("line", "author", "posted"),
    [("@dale_r 20h (edited)", "@dale_r", "20h"), ("1mo (edited)", "", "1mo"), ("Mara Quill 3d (edited)", "Mara Quill", "3d")],
)
def test_an_edited_marker_says_the_count_before_it_is_an_age(line, author, posted):
    h = read_header(line)
    assert h is not None and (h.author, h.posted_raw) == (author, posted)


@pytest.mark.parametrize("line", ["Room 5 (edited)", "I agree (edited)", "Chapter 12 (edited)"])
def test_an_edited_marker_after_words_heads_nothing(line):
    h = read_header(line)
    assert h is None or not h.posted_raw, h


def test_a_wordless_reply_alone_keeps_its_symbol():
    # one symbol and nothing else over the Reply link is the reader's whole reply
    page = VIDEO_COMPACT_PAGE.replace("👍\n❤\n", "👍\n")
    comments = split_document(page).comments
    assert comments[3].text == "👍"


@pytest.mark.parametrize("badge", ["Times Pick", "NYT Pick", "Globe Picks", "Staff pick"])
def test_a_pick_badge_named_for_the_paper_is_no_commenters_name(badge):
    # the badge names whoever picked the comment (here the paper itself), over the name and the town
    page = NEWS_PAGE.replace("Reader pick\n", f"{badge}\n").replace("quietreader\n", f"{badge}\nquietreader\n")
    comments = split_document(page).comments
    assert _authors(comments) == ["Mara Quill", "tobyreads", "Dana Orr", "quietreader"]
    assert comments[2].text == "🙄" and comments[1].text == "Source? The last inspection said it was fine."


SHORT_SCORED_THREAD = POST + (
    "3 Comments\nThreshold: 1, Nested\n\n"
    "Ferries first (Score:3)\n"
    "by maraquill (48213) on Tuesday March 03, 2020 @09:12AM (#59791234)\n\n"
    "Nobody has said what happens to the ferry timetable while the span is shut.\n\n"
    "Share\n\n"
    "  Re:Ferries first (Score:1)\n"
    "  by Anonymous Coward on Tuesday March 03, 2020 @09:40AM (#59791301)\n\n"
    "  {reply}\n\n"
    "  Share\n\n"
    "Spring again (Score:2)\n"
    "by dana_o (5120) on Tuesday March 03, 2020 @10:15AM (#59791377)\n\n"
    "Every year the same story with this bridge.\n\n"
    "Reply to This\n"
)


@pytest.mark.parametrize("reply", ["🙄", "The timetable is on the council site already."])
def test_a_three_post_thread_keeps_each_title_over_its_own_post(reply):
    # two titles and one "Re:" subject: the titling habit of the whole thread, so the last title is
    # not read as the words of the reply above it
    comments = split_document(SHORT_SCORED_THREAD.replace("{reply}", reply)).comments
    assert _authors(comments) == ["maraquill", "Anonymous Coward", "dana_o"]
    assert [c.text for c in comments] == [
        "Nobody has said what happens to the ferry timetable while the span is shut.",
        reply,
        "Every year the same story with this bridge.",
    ]


ONE_LINE_ANSWERS_PAGE = POST + (
    "Answers (4)\n\n"
    "A: Not until June, the council said.\n"
    "harbourwatch answered 12h\n"
    "Helpful (57)\n"
    "Not helpful (2)\n\n"
    "A: The ferries run every twenty minutes instead.\n"
    "tobyreads answered 11 hours ago\n"
    "Helpful (9)\n"
    "Not helpful (4)\n\n"
    "A: Ask at the quay office, they have the timetable.\n"
    "Dana Orr answered 9h\n"
    "Helpful (3)\n"
    "Not helpful (0)\n\n"
    "A: Buses too, on the old road.\n"
    "quietreader answered 2 hours ago\n"
    "Helpful (1)\n"
    "Not helpful (0)\n\n"
    "{pager}\n\n"
    "Ask a question\n"
)


@pytest.mark.parametrize("pager", ["See more answers", "Show all answers", "Load more reviews"])
def test_the_pager_under_one_line_answers_leaves_them_signed_from_below(pager):
    # the pager and the question form close the list: the bylines then sign the lines over them
    comments = split_document(ONE_LINE_ANSWERS_PAGE.replace("{pager}", pager)).comments
    assert _authors(comments) == ["harbourwatch", "tobyreads", "Dana Orr", "quietreader"]
    assert comments[0].text == "Not until June, the council said."  # (the "A:" every answer opens with is the page's label)


SIGNED_ANSWERS_PAGE = (
    "Skip to content\nMenu\n\n"
    "Will the ferries run while the bridge is shut?\n\n"
    "Share this:\nTwitter\nEmail\n\n"
    "4 answers\n\n"
    "Answer:\n"
    "Every twenty minutes from the east quay, the council said on Friday.\n"
    "Answered by harbourwatch · March 3, 2020\n\n"
    "Answer:\n"
    "Ask at the quay office, they have the new timetable, and the times are posted on the pier as well.\n"
    "Answered by tobyreads · March 3, 2020\n\n"
    "Answer:\n"
    "Buses too, on the old road, but they are slow and they stop at every village on the way round.\n"
    "Answered by Dana Orr · March 4, 2020\n\n"
    "Answer:\n"
    "Yes, and the night ferry runs on Fridays as well.\n"
    "Answered by quietreader · March 5, 2020\n\n"
    "Ask a question\n"
)


def _answered_ago(page: str) -> str:
    # the same answers signed "jo answered 2 days ago" (a says-header, no byline)
    return re.sub(r"(?m)^Answered by (.+?) · .*$", r"\1 answered 2 days ago", page)


@pytest.mark.parametrize("shape", [str, _answered_ago])
def test_the_first_answer_signed_from_below_is_kept_under_its_section_header(shape):
    # the answers are the page's first run of prose: the "4 answers" over the first still heads it
    comments = split_document(shape(SIGNED_ANSWERS_PAGE)).comments
    assert _authors(comments) == ["harbourwatch", "tobyreads", "Dana Orr", "quietreader"]
    assert comments[0].text == "Every twenty minutes from the east quay, the council said on Friday."


def test_a_reviewers_rank_under_the_dateline_is_no_part_of_a_wordless_review():
    page = REVIEWS_PAGE.replace(
        "Reviewed in the United Kingdom on 5 March 2020\nThe history is thin and half the cafés in it have closed.\n",
        "Reviewed in the United Kingdom on 5 March 2020\nTop 1000 Reviewer\n👎\n",
    )
    comments = split_document(page).comments
    assert _authors(comments) == ["Mara Quill", "tobyreads", "Dana Orr"]
    assert comments[1].text == "👎"


@pytest.mark.parametrize("line", ["Top 1000 Reviewer", "Top 50 Contributor", "Top 500 reviewer"])
def test_a_readers_numbered_rank_is_chrome(line):
    assert is_chrome(line)


def test_a_reply_target_with_a_display_name_is_chrome_over_a_wordless_reply():
    page = NEWS_PAGE.replace("    In response to Mara Quill's comment\n\n    Source? The last inspection said it was fine.\n", "    Reply to @Mara Quill\n\n    👍\n")
    comments = split_document(page).comments
    assert _authors(comments) == ["Mara Quill", "tobyreads", "Dana Orr", "quietreader"]
    assert comments[1].text == "👍"


@pytest.mark.parametrize(("line", "chrome"), [("Reply to @Mara Quill", True), ("Reply to @F. Jensen", True), ("Reply to @jo thanks for that", False)])
def test_whom_a_reply_answers_by_display_name(line, chrome):
    assert is_chrome(line) is chrome


NAME_TOWN_DATE_PAGE = POST + (
    "Comments (4)\n\n"
    "Mara Quill\nEastport\nMarch 3, 2020, 9:12 a.m.\n"
    "About time. That bridge shakes every time a bus crosses it.\n"
    "41 Recommend\nShare\nFlag\n\n"
    "Times Pick\n"
    "tobyreads\nOld Harbour\nMarch 3, 2020, 9:40 a.m.\n"
    "Source? The last inspection said it was fine.\n"
    "3 Recommend\nShare\nFlag\n\n"
    "Dana Orr\nOld Harbour\nMarch 4, 2020, 8:15 a.m.\n"
    "😂😂\n"
    "12 Recommend\nShare\nFlag\n\n"
    "Reader pick\n"
    "quietreader\nLeeds\nMarch 4, 2020, 10:02 a.m.\n"
    "Spring again. Every year the same story with this bridge.\n"
    "7 Recommend\nShare\nFlag\n"
)


def test_a_badge_over_name_town_and_date_leaves_the_name_the_commenters():
    comments = split_document(NAME_TOWN_DATE_PAGE).comments
    assert _authors(comments) == ["Mara Quill", "tobyreads", "Dana Orr", "quietreader"]
    assert comments[2].text == "😂😂"


QUESTION_PAGE = (
    "Home | About | Contact\n\n"
    "Will the ferries run while the bridge is shut?\n\n"
    "By harbourdesk | 3 March 2020\n\n"
    "Will the ferries run while the bridge is shut? Nobody at the council will say.\n\n"
    "Share this:\nTwitter\nEmail\n\n"
    "{section}\n\n"
    "{first}"
    "A: I take it every day, every twenty minutes from the east quay.\n"
    "By maraquill on March 3, 2020\n"
    "Upvote\n27\n\n"
    "A: You can ask at the quay office, they gave me the timetable.\n"
    "By tobyreads on March 3, 2020\n"
    "Upvote\n9\n\n"
    "A: I think the buses run too, on the old road.\n"
    "By Dana Orr on March 4, 2020\n"
    "Upvote\n3\n\n"
    "A: 👍\n"
    "By quietreader on March 5, 2020\n"
    "Upvote\n1\n\n"
    "Ask a question\n"
)


@pytest.mark.parametrize("section", ["Answers (4)", "Questions & Answers"])
def test_answers_signed_below_leave_the_posts_byline_to_the_post(section):
    # the post's byline over the section's header is the post's, not the first answer's signature
    split = split_document(QUESTION_PAGE.format(section=section, first=""))
    assert _authors(split.comments) == ["maraquill", "tobyreads", "Dana Orr", "quietreader"]
    assert split.comments[0].text == "I take it every day, every twenty minutes from the east quay."
    assert "Nobody at the council will say." in split.body


def test_a_handle_of_digits_over_the_stars_heads_its_review():
    page = REVIEWS_PAGE.replace("tobyreads\n★★☆☆☆ 2.0 out of 5 stars\n", "3917460\n★★☆☆☆ 2.0 out of 5 stars\n")
    comments = split_document(page).comments
    assert _authors(comments) == ["Mara Quill", "3917460", "Dana Orr"]  # (a handle of digits names its reader)
    assert comments[0].text == "Good maps, and the walk over the bridge is lovely while it is still open."
    assert comments[1].text == "The history is thin and half the cafés in it have closed."


@pytest.mark.parametrize("line", ["Replying to V. García", "Replying to Jo Lake", "Replying to Long time reader", "Reply to @Long time reader"])
def test_whom_a_reply_answers_with_an_initial(line):
    assert is_chrome(line)


def test_the_question_restated_over_the_answers_is_no_part_of_the_first():
    page = QUESTION_PAGE.format(section="Questions & Answers", first="Q: Will the ferries run while the bridge is shut?\n\n")
    split = split_document(page)
    assert _authors(split.comments) == ["maraquill", "tobyreads", "Dana Orr", "quietreader"]
    assert split.comments[0].text == "I take it every day, every twenty minutes from the east quay."


def test_a_title_over_several_headers_is_a_title_whatever_it_reads_as():
    # "MORE: ..." reads as a link to more stories; printed over three posts it is their subject, so
    # the thread titles its posts and "Obvious" is the next post's title, not the words above it
    page = SLASHDOT_PAGE.replace("About time (Score:5, Insightful)", "MORE: Harbour bridge to close (Score:5, Insightful)")
    page = page.replace("  Re:About time (Score:2)", "  MORE: Harbour bridge to close (Score:2)")
    page = page.replace("Ferries (Score:1)", "MORE: Harbour bridge to close (Score:1)")
    comments = split_document(page).comments
    assert _authors(comments) == ["maraquill", "tobyreads", "Anonymous Coward", "dana_o"]
    assert comments[1].text == "Source? The last inspection said it was fine."


# ------------------------------------------------ answers labelled "A:" or "Answer:" on every one

KETTLE = "Does the Vexo 3 kettle switch off by itself?\n\nI keep finding it warm an hour after I boiled it.\n\n"
LONG_FIRST = (
    "It does, but only when the lid is shut properly. The hinge on the early batches was loose and the steam never reached the switch.\n\n"
    "Mine came from the first batch and did exactly what you describe, so the shop swapped it without asking questions.\n\n"
    "If yours is from the spring, look at the date stamp under the base before you send it back.\n\n"
    "References:\n"
    "1. The maker's help page on the switch\n"
    "2. A thread on the shop's own forum\n"
)


def test_a_label_on_every_answers_first_line_leaves_their_words():
    page = KETTLE + (
        "4 answers\n\n"
        "A: Yes, it clicks off when the water boils. Mine has done so for two years.\n"
        "Answered by Priya Patel · 3d\n\n"
        "A: It does, but the lid has to be closed properly.\n"
        "Answered by omarh · 4d\n\n"
        "A: 👍\n"
        "Answered by Liam Young · 5d\n\n"
        "A:   Ours switches off too.\n\nThe light stays on a few seconds after.\n"
        "Answered by Greta Lindqvist · 1w\n"
    )
    comments = split_document(page).comments
    assert [c.text for c in comments] == [
        "Yes, it clicks off when the water boils. Mine has done so for two years.",
        "It does, but the lid has to be closed properly.",
        "👍",
        "Ours switches off too.\n\nThe light stays on a few seconds after.",
    ]
    assert all(page[c.start : c.end] == c.text for c in comments)  # (the comment starts after the label)


def test_one_readers_own_label_stays_in_their_words():
    page = POST + (
        "3 comments\n\n"
        "Mara Quill says:\nMarch 3, 2020 at 9:10 am\n\nUpdate: the council has now put the dates online.\n\nReply\n\n"
        "tobyreads says:\nMarch 3, 2020 at 9:20 am\n\nSix weeks is nothing.\n\nReply\n\n"
        "Dana Orr says:\nMarch 3, 2020 at 9:30 am\n\nThe ferries will be full.\n\nReply\n"
    )
    comments = split_document(page).comments
    assert comments[0].text == "Update: the council has now put the dates online."


def test_a_long_first_answer_under_the_label_every_answer_opens_with_is_whole():
    # (the first answer is the page's longest run of prose, and its "References:" line reads as a
    # page's heading: the label over it says where its words begin)
    page = KETTLE + (
        "3 answers\n\n"
        "Answer:\n" + LONG_FIRST + "Answered by Priya Patel · 3d\n\n"
        "Answer:\nYes, it clicks off when the water boils.\nAnswered by omarh · 4d\nUpvote\n12\n\n"
        "Answer:\nOurs does too.\nAnswered by Liam Young · 5d\nUpvote\n3\n"
    )
    comments = split_document(page).comments
    assert [c.author for c in comments] == ["Priya Patel", "omarh", "Liam Young"]
    assert comments[0].text == LONG_FIRST.strip()


def test_a_long_first_answer_opening_with_the_inline_label_is_whole():
    page = KETTLE + (
        "Questions & Answers\n"
        "Q: Does the Vexo 3 kettle switch off by itself?\n\n"
        "A: " + LONG_FIRST + "Answered by Priya Patel · 3d\n\n"
        "A: Yes, it clicks off when the water boils.\nAnswered by omarh · 4d\n\n"
        "A: Ours does too.\nAnswered by Liam Young · 5d\n"
    )
    comments = split_document(page).comments
    assert [c.author for c in comments] == ["Priya Patel", "omarh", "Liam Young"]
    assert comments[0].text == LONG_FIRST.strip()


def test_three_third_person_answers_each_behind_the_label_are_a_thread():
    # ("A: It does ..." hid how each answer opens: read past the label, they answer; the question
    # over the first one is the page's, not the first answer's words)
    page = KETTLE + (
        "Questions & Answers\n"
        "Q: Does it switch off?\n\n"
        "A: It does, but only when the lid is shut properly.\nAnswered by Priya Patel · 3d\n\n"
        "A: Yes, it clicks off when the water boils.\nAnswered by omarh · 4d\n\n"
        "A: Ours does too.\nAnswered by Liam Young · 5d\n"
    )
    comments = split_document(page).comments
    assert [c.author for c in comments] == ["Priya Patel", "omarh", "Liam Young"]
    assert comments[0].text == "It does, but only when the lid is shut properly."
