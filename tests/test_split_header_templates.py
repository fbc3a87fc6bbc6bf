"""A thread's headers are printed from one template; a line printed from it heads a comment even
where its name part would not pass as a name (a pingback's post title), and a thread signed from
below keeps every comment's own name."""

from __future__ import annotations

from replyscope.split import split_document

ARTICLE = (
    "Why small workshops cannot find apprentices\n\n"
    "by Dana Reyes on April 14, 2013\n\n"
    "Every joinery owner I visit tells me the same story: the young people they would like to train have "
    "already gone to college, and the ones who apply have never held a chisel. None of this is new.\n\n"
    "An apprenticeship takes years, and a workshop of four cannot carry a learner while it also carries "
    "its rent. The big furniture makers could, and mostly decide not to.\n\n"
)

COMMENTS = [
    ("Hugo Lindqvist", "April 16, 2013 at 6:10 am",
     "Good piece. We have been looking for a second pair of hands for three years.\n\n"
     "Training someone only works if somebody covers the slow first year.\n\n"
     "As you say, the handful of good ones are snapped up before they finish school."),
    ("Dana Reyes", "April 16, 2013 at 8:23 am", "Thanks Hugo, that is what most owners tell me too."),
    ("qpm", "April 21, 2013 at 4:25 pm", "Fair points, but the colleges deserve some of the blame as well."),
    ("Martin Boyle", "April 21, 2013 at 5:02 pm", "Take on a school leaver each year and teach them yourself, it pays back."),
    ("links for 2013-04-22 – Ada Marsh", "April 23, 2013 at 12:04 am",
     "[...] Why small workshops cannot find apprentices: the young people they want have gone to college [...]"),
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
    assert split.comments[4].text.startswith("[...] Why small workshops")


def test_first_comment_signed_below_keeps_all_its_paragraphs_under_the_section_header() -> None:
    split = split_document(_page(COMMENTS[:4]))
    assert [c.author for c in split.comments] == [name for name, _, _ in COMMENTS[:4]]
    assert split.comments[0].text == COMMENTS[0][2]


def test_a_dated_sentence_in_a_comment_is_no_header() -> None:
    words = "I wrote about this on my own blog on April 19, 2013 and heard the same thing."
    comments = COMMENTS[:4] + [("Ann Lee", "April 22, 2013 at 9:00 am", words)]
    split = split_document(_page(comments))
    assert [c.author for c in split.comments] == [name for name, _, _ in comments]
    assert split.comments[-1].text == words
