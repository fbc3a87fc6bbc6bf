"""A thread's headers are printed from one template; a line printed from it heads a comment even
where its name part would not pass as a name (a pingback's post title), and a thread signed from
below keeps every comment's own name."""

from __future__ import annotations

from replyscope.split import split_document

ARTICLE = (
    "Why small teams struggle to hire\n\n"
    "by Dana Reyes on November 7, 2010\n\n"
    "Every startup I talk to says the same thing: the people they want are already employed, and the "
    "people looking for work do not have the skills the jobs ask for. That gap is not new.\n\n"
    "Retraining takes months, and a small company cannot pay for it while it also pays for everything "
    "else. Larger companies could, and mostly choose not to.\n\n"
)

COMMENTS = [
    ("Eric Kennedy", "November 9, 2010 at 6:10 am",
     "Great post. We have had the same trouble hiring for two years now.\n\n"
     "The retraining idea only works if someone pays for the months in between.\n\n"
     "As you point out, the top few percent are never out of work for long."),
    ("Dana Reyes", "November 9, 2010 at 8:23 am", "Thanks Eric, that matches what I hear from most founders."),
    ("zdw", "November 14, 2010 at 4:25 pm", "Nice analysis, but you leave the companies off the hook."),
    ("William Ross", "November 14, 2010 at 5:02 pm", "Promote from within and train the junior people, then hire juniors."),
    ("links for 2010-11-15 – Kevin Burke", "November 16, 2010 at 12:04 am",
     "[...] Why small teams struggle to hire: the people they want are already employed [...]"),
]


def _page(comments) -> str:
    page = ARTICLE + f"{len(comments)} comments\n\n"
    for name, date, words in comments:
        page += f"{words}\n\nby {name} on {date}. Reply #\n\n"
    return page + "Leave a comment\n\nName\n\nEmail\n"


def test_pingback_printed_from_the_thread_template_is_a_header() -> None:
    split = split_document(_page(COMMENTS))
    assert [c.author for c in split.comments] == [name for name, _, _ in COMMENTS]
    # (every comment's words are its own: a missed last header made the thread read as headed from
    # above, each comment under the next one's name)
    assert split.comments[2].text == COMMENTS[2][2]
    assert split.comments[4].text.startswith("[...] Why small teams")


def test_first_comment_signed_below_keeps_all_its_paragraphs_under_the_section_header() -> None:
    split = split_document(_page(COMMENTS[:4]))
    assert [c.author for c in split.comments] == [name for name, _, _ in COMMENTS[:4]]
    assert split.comments[0].text == COMMENTS[0][2]


def test_a_dated_sentence_in_a_comment_is_no_header() -> None:
    words = "I wrote about this on my own blog on November 12, 2010 and got the same answers."
    comments = COMMENTS[:4] + [("Ann Lee", "November 15, 2010 at 9:00 am", words)]
    split = split_document(_page(comments))
    assert [c.author for c in split.comments] == [name for name, _, _ in comments]
    assert split.comments[-1].text == words
