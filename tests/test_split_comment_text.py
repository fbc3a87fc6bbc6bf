"""Comment text holds the reader's words: no action rows, running numbers or page furniture after them."""

from __future__ import annotations

from replyscope.split import split_document

ARTICLE = (
    "City council approves new bike lanes\n\n"
    "The city council voted on Tuesday to build twelve kilometres of protected bike lanes across the "
    "downtown core, a plan that has divided shop owners and commuters for most of the past year.\n\n"
    "Supporters say the lanes will cut traffic injuries, while several business groups argue that the "
    "loss of parking spaces will hurt small shops that already struggle with rising rents.\n\n"
)
PEOPLE = [
    ("Mara Quill", "Finally. I cycle down Main Street every day and the painted lane is a joke."),
    ("Tobias Reed", "The shops on Elm will suffer, nobody parks three blocks away to buy bread."),
    ("Dana O'Neill", "Twelve kilometres is a start. Connect them to the bridge next."),
    ("Lu Chen", "Eighteen months of roadworks on top of the tram works, wonderful."),
]
JUNK = (
    "Do not follow this link or you will be banned from the site!\n"
    "Do not follow this link or you will be banned from the site!\n\n"
    "Harbour Desk Live App:\n\n  • Local News\n  • The Tide\n"
)


def _numbered_wordpress() -> str:
    # a running number over each "says:" header, a Reply link under each comment
    page = ARTICLE + "4 Comments\n\n"
    for k, (name, words) in enumerate(PEOPLE, 1):
        page += f"  {k}. {k}\n    {name} says:\n    March {k + 2}, 2021 at 9:1{k} am\n\n    {words}\n\n    Reply\n"
    return page


def _dated_rows(tail: str = JUNK) -> str:
    # "date | handle" headers, a login link under each comment, the site's sidebar after the last
    page = ARTICLE
    for k, (name, words) in enumerate(PEOPLE, 1):
        page += f"Thu, 03/0{k}/2021 - 16:2{k} | {name.replace(' ', '').lower()}\n\n{words}\n\n  • Login or register to post comments\n"
    return page + tail


def test_the_next_comments_running_number_and_the_reply_link_stay_out_of_the_text():
    texts = [c.text for c in split_document(_numbered_wordpress()).comments]
    assert texts == [words for _, words in PEOPLE]


def test_an_action_row_inside_a_comments_span_is_left_out_of_its_text():
    # a reply whose header is not read sits under its parent's "ReplyDelete" row: its words stay
    page = _numbered_wordpress().replace(
        "painted lane is a joke.\n\n    Reply\n",
        "painted lane is a joke.\n\n    ReplyDelete\n\n    Agreed, the paint is gone by March anyway.\n\n    Reply\n",
    )
    first = split_document(page).comments[0]
    assert "Agreed, the paint is gone" in first.text and "joke." in first.text
    assert "ReplyDelete" not in first.text and "Reply" not in first.text.split()


def test_the_page_after_the_last_comment_is_not_its_text():
    split = split_document(_dated_rows())
    assert [c.text for c in split.comments] == [words for _, words in PEOPLE]
    page = _dated_rows()
    at = page.index("Do not follow")
    assert next(r for s, e, r in split.segments if s <= at < e) not in ("comment_body", "comment_header")
    assert "".join(page[s:e] for s, e, _ in split.segments) == page  # still lossless



def test_a_forum_row_of_actions_with_guillemets_is_chrome() -> None:
    # "Report Post » Log in to ReplyReply" under a post (here under two of four, so no template
    # shared by the thread tells it): links, not the reader's words
    page = ARTICLE + "Comments (4)\n\n"
    for k, (name, words) in enumerate(PEOPLE):
        row = "Report Post » Log in to ReplyReply\n\n" if k % 2 else ""
        page += f"{name} says:\nOctober {k + 3}, 2012 at 9:1{k} am\n\n{words}\n\n{row}"
    comments = split_document(page).comments
    assert [c.author for c in comments] == [name for name, _ in PEOPLE]
    assert [c.text.strip() for c in comments] == [words for _, words in PEOPLE]


def test_a_hosted_blog_s_feed_line_form_and_pager_stay_out_of_comments() -> None:
    # the text over a "DATE | Name" footer; the feed notice above the thread, the pager and the
    # form under it are the blog's, not a reader's
    page = ARTICLE + "Reader Comments (4)\n\nYou can follow this conversation by subscribing to the comment feed for this post.\n\n"
    for k, (name, words) in enumerate(PEOPLE):
        page += f"{words}\n\nOctober {k + 3}, 2012 | {name}\n\n"
    page += "Newer Post Older Post Home\n\nPost a New Comment\n\nEnter your information below to add a new comment.\nAuthor:\nAuthor Email (optional):\n"
    comments = split_document(page).comments
    assert [(c.author, c.text.strip()) for c in comments] == PEOPLE


def test_a_see_all_replies_toggle_under_a_comment_is_chrome() -> None:
    # ("See all 3 Replies" where the comment has replies, a bare Reply link where it has none:
    # under one comment of four, no template shared by the thread tells it)
    page = ARTICLE + "Comments (4)\n\n"
    for k, (name, words) in enumerate(PEOPLE):
        row = "See all 3 Replies" if k == 1 else "Reply"
        page += f"by {name.replace(' ', '').lower()} October {k + 3}, 2012 9:1{k} PM EDT\n{words}\n{row}\n"
    comments = split_document(page).comments
    assert [c.text.strip() for c in comments] == [words for _, words in PEOPLE]
