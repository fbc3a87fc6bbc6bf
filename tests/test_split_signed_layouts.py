"""Comments signed under their words ("- Jo Lake, Leeds" over an age, "Jo Lake | 2 days ago").

Pages written for these tests (invented names and words): a thread signed under its words whose
form's button ("Submit") sits between the section's prompt and a long first comment; replies
signed so that open with their target's full name ("@Mara Quell") over an emoji; a first comment
under a one-line post whose last line is a list's bare number ("3.") over its signature.
"""

from __future__ import annotations

from replyscope.split import split_document
from replyscope.split.patterns import COMMENT_FORM
from splitpages import HARBOUR_POST as POST


LONG_FIRST = (
    "The railings were last painted before the storms, and the contractor who did it has since gone out of "
    "business, so whatever guarantee came with the paint went with him.\n\n"
    "The promenade has been half closed for two winters now. The cafe at the far end lost most of its "
    "trade in the first one and did not open at all in the second.\n\n"
    "> eleven weeks, weekends open\n\n"
    "Every project on that front has overrun. The slipway took a year, the shelter took two summers, and "
    "the lamps were promised for the autumn and arrived in March.\n\n"
    "I hope the crews prove me wrong this time, but the tide tables for April are not kind to anyone "
    "pouring concrete at the foot of a sea wall.\n\n"
    "Still, better late than never, and better now than after the next storm."
)


SHORT_POST = "Home\nNews\n\nHarbour wall repairs to start in spring\n\nWork starts in April, the council says.\n\nShare\nTweet\n\n"


def _signed_thread(first: str, post: str = POST, piped: bool = False) -> str:
    def sign(name: str, town: str, age: str) -> str:
        # "- Jo Lake, Leeds" over the age, or "Jo Lake | 2 days ago"
        return f"{name} | {age}\n" if piped else f"- {name}{', ' + town if town else ''}\n{age}\n"

    return post + "Comments\n\nHave your say\nSubmit\n\n" + (
        f"{first}\n"
        + sign("Mara Quell", "Leeds", "2 days ago") + "Agree (12) | Disagree (3) | Reply\n\n"
        "The weekend opening is the part I do not believe.\n"
        + sign("Tobias Wren", "Cork", "2 days ago") + "Agree (4) | Disagree (1) | Reply\n\n"
        "Eleven weeks is what they said about the bandstand as well.\n"
        + sign("Ilse Marrow", "", "1 day ago") + "Agree (7) | Disagree (0) | Reply\n\n"
        "@Mara Quell\n👏👏\n"
        + sign("Otto Fenn", "Perth", "20 hours ago") + "Agree (2) | Disagree (0) | Reply\n\n"
        "Comments are moderated.\n"
    )


def test_a_forms_button_alone_is_a_form_line():
    assert COMMENT_FORM.match("Submit")
    assert COMMENT_FORM.match("Submit comment")
    assert not COMMENT_FORM.match("Submit your photos to the gallery by Friday.")


def test_long_first_signed_comment_under_prompt_and_button_is_whole():
    d = split_document(_signed_thread(LONG_FIRST))
    assert [c.author for c in d.comments] == ["Mara Quell", "Tobias Wren", "Ilse Marrow", "Otto Fenn"]
    first = d.comments[0].text
    assert first.startswith("The railings were last painted")
    assert first.endswith("better now than after the next storm.")
    assert "Submit" not in first


def test_full_name_target_over_an_emoji_leaves_the_words_and_names_the_parent():
    d = split_document(_signed_thread(LONG_FIRST))
    last = d.comments[-1]
    assert last.author == "Otto Fenn"
    assert last.text == "👏👏"
    assert last.parent == 0  # (Mara Quell's comment, named by the "@Mara Quell" line over the words)


def test_first_comment_ending_on_a_bare_list_number_is_still_signed_below():
    # (under a one-line post the first comment holds the page's first long prose: the section's
    # header heads the thread only once the headers are read as signing the words over them)
    first = LONG_FIRST + "\n\nReferences:\n1. the planning notice on the library door\n2. last year's budget papers\n3."
    d = split_document(_signed_thread(first, SHORT_POST, piped=True))
    assert [c.author for c in d.comments] == ["Mara Quell", "Tobias Wren", "Ilse Marrow", "Otto Fenn"]
    assert d.comments[0].text.startswith("The railings were last painted")
    assert d.comments[0].text.endswith("3.")
    assert d.comments[1].text == "The weekend opening is the part I do not believe."
