"""Round 28's text-browser dumps and numbered archives (invented pages; reply28t).

- A text browser's link numbers glued to a name, a date, an action or a section's count
  ("[25]Marta Quill", "[26]March 2, 2022 at 8:20 am", "[27]Reply", "[24]4 Comments") and lynx's
  deeper bullets ("+", "o") are furniture round a line's words, read past as list markers are;
  a link number after other words opens another field ("[41]pellowater21 [42]2d").
- A text browser's image mark over a name ("[IMG]", "[Jo avatar]") belongs to the header under
  it; where it opens the list item ("* [IMG]"), the item's bullet gives the comment's indent.
- A label and a post number before "by" ("Comment #2 by petrov_k on ...") are not the name; nor
  a post's "#12" before a handle opening with digits, nor an account's status in brackets
  ("(not verified)").
"""

from __future__ import annotations

from replyscope.split import split_document
from replyscope.split.headers import read_header
from replyscope.split.lines import split_lines

LYNX_PAGE = 'Harbour Gazette\n\nFerry timetable changes from next month\n\nThe harbour board said on Tuesday that the winter timetable will start two weeks\nearlier this year, with fewer crossings after eight in the evening.\n\n   [24]4 Comments\n\n   * [25]Marta Quill\n     [26]March 2, 2022 at 8:20 am\n\n     The late crossing was the only one I could use after my shift ends.\n     Fewer boats means I am stuck on the mainland twice a week.\n\n     [27]Reply\n     [28]Report comment\n\n      + [29]ferrydad77\n        [30]March 2, 2022 at 9:05 am\n\n        Same here. They could at least keep the Friday boat running until\n        the summer starts again.\n\n        [31]Reply\n        [32]Report comment\n\n         o Old Pier Walker\n           [33]March 2, 2022 at 10:41 am\n\n           The Friday boat is the busiest of the week, I doubt they will cut\n           it for long.\n\n           [34]Reply\n           [35]Report comment\n\n   * [36]Tomasz Reed\n     [37]March 3, 2022 at 7:02 pm\n\n     Has anyone asked the board how many people used the late boats last\n     winter? Numbers would settle this quickly.\n\n     [38]Reply\n     [39]Report comment\n\nLeave a Reply\n\n   Comment * ______________________________\n\n   (BUTTON) Post Comment\n\nReferences\n\n  24. https://gazette.example.org/ferry/#comments\n  25. https://gazette.example.org/ferry/#comment-1-author\n'

ARCHIVE_PAGE = 'Printer-friendly version\n\nCouncil votes to keep the old library open\n\nThe council voted seven to four on Monday evening to keep the branch library on\nMill Street open for at least another two years.\n\nComments (3)\n\nComment #1 by Hazel Ormond on March 2, 2022 at 8:20 am\n\nGood news for the kids on our street, the library is the only quiet place\nthey have to do homework after school.\n\nComment #2 by petrov_k on March 2, 2022 at 11:47 am\n\nTwo years is not very long. I hope they use the time to fix the roof.\n\nComment #3 by Ian Castell on March 3, 2022 at 6:15 pm\n\nWell done to everyone who wrote to their councillor about this.\n\nPost a comment\n'

IMAGE_MARK_PAGE = 'Valley Courier\n\nBridge repairs to close the north road for a week\n\nContractors will close the north road from Monday while the old stone bridge is\nresurfaced, with a signed diversion through the village.\n\n   3 Comments\n\n   * [37]Ruth Avery\n     [38]5 May 2023 at 18:03\n\n     Will the bus still stop at the green during the works?\n\n     [39]Reply\n\n   * [IMG]\n     [31]Nadia Brennan\n     [32]4 May 2023 at 09:12\n\n     The diversion adds twenty minutes to the school run, but it has to be\n     done before winter.\n\n     [33]Reply\n\n      + [Colm Delaney avatar]\n        [34]Colm Delaney\n        [35]4 May 2023 at 10:40\n\n        Ok\n\n        [36]Reply\n'

W3M_PAGE = 'Riverside Notes\n\nCanoe club opens new boathouse\n\nThe canoe club moved into its new boathouse at the weir on Saturday after three\nyears of fundraising by members and neighbours.\n\n   [40]3 Comments\n\n   • [41]pellowater21 [42]2d\n\n     Lovely building, and the ramp makes it so much easier to launch.\n\n     [43]Reply\n\n     ◦ [44]Agnes Trott [45]1d\n\n       Agreed, the old slipway was a nightmare at low water.\n\n       [46]Reply\n\n   • [47]quay_runner [48]5h\n\n     Is there parking for trailers or do we still use the field?\n\n     [49]Reply\n'


def _authors(page: str) -> list[str]:
    return [c.author for c in split_document(page).comments]


def test_lynx_numbered_links_and_deeper_bullets_read_as_a_thread() -> None:
    comments = split_document(LYNX_PAGE).comments
    assert [c.author for c in comments] == ["Marta Quill", "ferrydad77", "Old Pier Walker", "Tomasz Reed"]
    assert [c.posted_raw for c in comments][:2] == ["March 2, 2022 at 8:20 am", "March 2, 2022 at 9:05 am"]
    assert [c.depth for c in comments] == [0, 1, 2, 0]
    assert [c.parent for c in comments] == [None, 0, 1, None]
    assert comments[1].text.split()[:3] == ["Same", "here.", "They"]
    assert all("[" not in c.author for c in comments)


def test_one_line_header_with_a_link_number_before_a_compact_age() -> None:
    comments = split_document(W3M_PAGE).comments
    assert [(c.author, c.posted_raw) for c in comments] == [("pellowater21", "2d"), ("Agnes Trott", "1d"), ("quay_runner", "5h")]
    assert [c.parent for c in comments] == [None, 0, None]


def test_numbered_archive_names_come_after_by() -> None:
    assert _authors(ARCHIVE_PAGE) == ["Hazel Ormond", "petrov_k", "Ian Castell"]


def test_post_number_between_label_and_by_is_no_part_of_the_name() -> None:
    for line, name in (
        ("Comment #12 by Jo Ray on March 2, 2022 at 8:20 am", "Jo Ray"),
        ("Comment #3 by Jo Ray — 02.03.2022 at 08:20", "Jo Ray"),
        ("Reply no. 4 by jo_r · 3d", "jo_r"),
        ("Comment by Jo Ray on March 2, 2022", "Jo Ray"),
    ):
        header = read_header(line)
        assert header is not None and header.author == name, line


def test_link_marks_read_past_only_as_a_browser_prints_them() -> None:
    lines = split_lines(
        "   * [52]Jo Ray says:\n"
        "     [53]March 2, 2022 at 8:20 am\n"
        "   [25]5 Comments\n"
        "      + [54]kumail\n"
        "   (BUTTON) Reply\n"
        "a citation glued to a word[3][4] stays\n"
        "[1] a footnote standing apart stays\n"
        "o que se passa\n"
        "+ 3 more\n"
    )
    assert lines.core[:5] == ["Jo Ray says:", "March 2, 2022 at 8:20 am", "5 Comments", "kumail", "Reply"]
    # a citation glued to a word, a footnote's number standing apart, and "o" / "+" opening an
    # unindented line are words, not a browser's marks
    assert lines.core[5:] == lines.text[5:]
    # the line itself is untouched: offsets and text stay lossless
    assert lines.text[0] == "* [52]Jo Ray says:"


def test_image_mark_over_a_name_is_the_header_and_its_bullet_the_indent() -> None:
    comments = split_document(IMAGE_MARK_PAGE).comments
    assert [c.author for c in comments] == ["Ruth Avery", "Nadia Brennan", "Colm Delaney"]
    # "* [IMG]" opens Nadia's list item: her comment is a top one, as Ruth's is, not Ruth's reply
    assert [c.parent for c in comments] == [None, None, 1]
    # the reply's avatar mark is its header's, not the last line of the comment above
    assert "avatar" not in comments[1].text and comments[1].text.rstrip().endswith("before winter.")


def test_account_status_and_post_number_are_no_part_of_the_name() -> None:
    for line, name in (
        ("Submitted by Jo Ray (not verified) on Wed, 03/02/2022 - 08:20", "Jo Ray"),
        ("Submitted by Jo Ray (verified) on Wed, 03/02/2022 - 08:20", "Jo Ray"),
        ("Jo Ray (guest) | March 2, 2022", "Jo Ray"),
        ("#12 28harbour on Wed, 02 Mar 2022 08:20", "28harbour"),
    ):
        header = read_header(line)
        assert header is not None and header.author == name, line
