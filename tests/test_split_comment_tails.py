"""Comment sections of short texts: the widget's lines that close every comment are no reader's words
(split.comment_text.drop_repeated_tails), and one-liners under their own tally are a thread."""

from __future__ import annotations

import pytest

from replyscope.split import split_document

ARTICLE = (
    "Ferry Fares to Rise by a Third\n\nBy Jo Harker\n\n"
    "Harbour ferry fares will rise by a third from Monday, the council said on Friday, after the "
    "bridge closure left the ferries carrying twice their usual load through the spring.\n\n"
    "Traders on the bridge road say the timing could not be worse, with the first ferries of the "
    "season due in the same weeks, and the council has promised to meet them before the work begins.\n\n"
)
WORDS = [
    "The council should have asked the traders first, not after the fares were set. Nobody I know was asked.",
    "A third is steep for people who cross twice a day for work. That is forty pounds a month for me.",
    "They raised the parking charges last spring too and nothing got better. Same story every year.",
    "I take the early ferry and it was already full before the bridge shut. Where will everyone stand?",
]
NAMES = ["Jo Harker", "Sam Lee", "Ann Ray", "Bo Diaz"]


def _page(tail, names=NAMES) -> str:
    page = ARTICLE + f"{len(names)} Comments\n\n"
    for i, (name, words) in enumerate(zip(names, WORDS)):
        page += f"  • {name}\n    May {i + 2}, 2012 at 10:0{i} am\n\n    {words}\n\n" + "".join(f"    {line}\n" for line in tail(i, name)) + "\n"
    return page


def test_a_widget_row_under_every_comment_leaves_the_text():
    split = split_document(_page(lambda i, name: ["Report Post » Log in to Reply", "", f"• Recommend? ({i})", f"• Responses ({i % 2})"]))
    assert [c.text for c in split.comments] == WORDS
    assert [c.author for c in split.comments] == NAMES


def test_a_readers_own_signature_and_a_shared_sign_off_stay():
    # one reader's signature under each of their comments is theirs; a few readers signing off alike is theirs too
    names = ["Jo Harker", "Sam Lee", "Jo Harker", "Jo Harker"]
    split = split_document(_page(lambda i, name: ["-- Jo, harbour ferry regular"] if name == "Jo Harker" else [], names))
    assert [c.text.endswith("-- Jo, harbour ferry regular") for c in split.comments] == [True, False, True, True]
    split = split_document(_page(lambda i, name: ["Cheers, see you on the ferry"] if i < 2 else []))
    assert sum(c.text.endswith("Cheers, see you on the ferry") for c in split.comments) == 2


def test_one_sentence_comments_under_their_tally_are_a_thread():
    # third-person one-liners (no I, no you, no question) under "4 Comments" and four dated names:
    # the tally counts the headers found, so the page says they are its comments
    one_liners = [w.split(". ")[0] + "." for w in WORDS]
    page = ARTICLE + "4 Comments\n\n" + "".join(
        f"  • {name}\n    May {i + 2}, 2012 at 10:0{i} am\n\n    {words}\n\n" for i, (name, words) in enumerate(zip(NAMES, one_liners))
    )
    split = split_document(page)
    assert [c.text for c in split.comments] == one_liners


def test_a_listing_of_the_site_s_posts_under_the_comment_form_is_no_comment():
    # comments signed "by NAME on DATE", the form, then a sidebar of the site's other posts signed
    # "by NAME <age>" over their tallies: one comment system prints one kind of stamp
    page = ARTICLE + "".join(
        f"{words}\n\nby {name} on May {i + 2}, 2012 10:0{i} AM EDT reply actions\n\n" for i, (name, words) in enumerate(zip(NAMES, WORDS))
    )
    page += "Something to say? Choose one of these options to log in.\n\n  • Sign in\n  • Create an account\n\nRecent Posts\n\n"
    for i, (title, name) in enumerate([("Harbour Ferry Timetable Thread #12", "fanofboats"), ("Bridge works: week three photos", "kelpie"), ("Who remembers the old ferry?", "tidewatch")]):
        page += f"{title}\n\nby {name} {i + 2} days ago\n\n{40 + i} comments | {i + 1} recs\n\n"
    split = split_document(page)
    assert [c.author for c in split.comments] == NAMES
    assert not any("recs" in c.text for c in split.comments)


def test_the_first_comment_signed_from_below_keeps_its_words_over_its_signature():
    # comments signed under their words ("by NAME on DATE"), each commenter's signature block ending
    # in a "Follow @handle" line: under the section header, the first comment reaches up to it
    sigs = ["Ferry fan since 1998\nFollow @jharker", "", "Follow @annray", ""]
    page = ARTICLE + "Comments\n\nDisplay:\n\n"
    for i, (name, words, sig) in enumerate(zip(NAMES, WORDS, sigs)):
        first, _, rest = words.partition(". ")
        page += f"{first}.\n\n{rest}\n\n" + (f"{sig}\n\n" if sig else "") + f"by {name} on May {i + 2}, 2012 10:0{i} AM EDT reply actions\n\n"
    page += "Something to say? Choose one of these options to log in.\n"
    split = split_document(page)
    assert [c.author for c in split.comments] == NAMES
    assert split.comments[0].text.startswith(WORDS[0].partition(". ")[0])
    assert all(c.text.startswith(w.partition(". ")[0]) for c, w in zip(split.comments, WORDS))


def test_a_widget_s_message_closing_every_comment_leaves_the_text():
    # a sentence the widget prints word for word under every reader's comment, over its action row
    tail = lambda i, name: ["Permalink | Share it", "You are not allowed to rate this comment right now."]
    split = split_document(_page(tail))
    assert [c.text for c in split.comments] == WORDS


def test_a_short_sentence_readers_end_on_alike_stays():
    # three readers signing off with the same few words is theirs, not the widget's
    split = split_document(_page(lambda i, name: ["Well said, thanks!"] if i < 3 else []))
    assert sum(c.text.endswith("Well said, thanks!") for c in split.comments) == 3


# ------------------------------------------- two dated comments under a short article, no header

CAR_PARK = (
    "Car park on Mill Lane to be sold\n\n"
    "The council will sell the Mill Lane car park to a housing association, it said on Tuesday. Work starts in May.\n\n"
)
SECOND = "Housing is better than tarmac. Good call for once."


@pytest.mark.parametrize(
    "first",
    ["Finally. That car park floods every winter anyway.", "Typical council.", "The association built the flats on Dock Road too.", "👍", "Who is buying it though?"],
)
@pytest.mark.parametrize(
    "layout",
    [
        "Rosa Walsh\n3 hours ago\n{first}\nReply\n\ntomasu\n2 hours ago\n{second}\nReply\n",
        "Rosa Walsh says:\nMarch 3, 2020 at 9:10 am\n\n{first}\n\ntomasu says:\nMarch 3, 2020 at 9:20 am\n\n{second}\n\nLeave a Reply\n",
        "  • Rosa Walsh\n    3 hours ago\n\n    {first}\n\n  • tomasu\n    2 hours ago\n\n    {second}\n",
    ],
)
def test_two_dated_comments_come_back_whatever_the_first_one_says(layout, first):
    # (neither says I or you: a verdict, a statement in sentences, an emoji are still a reader's,
    # under dated headers; the thread was read or lost on the first comment's words)
    comments = split_document(CAR_PARK + layout.format(first=first, second=SECOND)).comments
    assert [(c.author, c.text) for c in comments] == [("Rosa Walsh", first), ("tomasu", SECOND)]


def test_two_dated_headlines_under_an_article_are_still_no_thread():
    # (a related-stories box: dated titles, no sentence, no verdict)
    page = CAR_PARK + (
        "More from the council\n\n"
        "Mill Lane Traders Fear For Footfall\n3 hours ago\nBus Station Plans Go On Show\n\n"
        "Dock Road Flats Open To Buyers\n2 hours ago\nNew Cycle Lanes For The Ring Road\n"
    )
    assert split_document(page).comments == []


def test_the_widget_s_lines_between_comments_leave_a_comment_they_were_read_into() -> None:
    from replyscope.split.comment_text import drop_widget_tails
    from replyscope.split.comments import Comment, Zone
    from replyscope.split.lines import split_lines

    rows = []
    roles: dict[int, str] = {}
    comments = []
    widget = ["Log | Link | Pass it on", "This reply was folded away by votes."]
    for n, words in enumerate(["Paint the lane green.", "Counts of what?", "Nobody rides in January.", "Publish the numbers.", "Fine by me."]):
        head = len(rows)
        rows.append(f"reader{n} 2 minutes ago")
        rows.append(words)
        body = [head + 1]
        for w in widget:
            if n == 1:  # (read into this comment's lines)
                body.append(len(rows))
            else:
                roles[len(rows)] = "comment_chrome"
            rows.append(w)
        comments.append(Comment([head], body, f"reader{n}"))
    lines = split_lines("\n".join(rows) + "\n")
    zone = Zone(0, len(rows), comments)
    drop_widget_tails(lines, zone, roles)
    assert [lines.text[j] for j in comments[1].body_lines] == ["Counts of what?"]
    assert all(roles[j] == "comment_chrome" for j in (6, 7))


def test_a_card_s_top_line_read_into_the_comment_over_the_card_leaves_it() -> None:
    from replyscope.split.comment_text import drop_widget_tails
    from replyscope.split.comments import Comment, Zone
    from replyscope.split.lines import split_lines

    rows, comments = [], []
    words = ["Paint the lane green.", "Counts of what?", "Nobody rides in January.", "Publish the numbers.", "Fine by me."]
    for n, said in enumerate(words):
        head = len(rows)
        if n % 2 == 0:
            rows.append("avatar picture")  # (the card's top line, read with its header here)
        rows += [f"reader{n}", f"{n + 3} Fans", "2 minutes ago"]
        rows.append(said)
        body = [len(rows) - 1]
        if n % 2 == 1 and n + 1 < len(words):
            body.append(len(rows))  # (... and into the comment over the card there)
            rows.append("avatar picture")
        comments.append(Comment(list(range(head, body[0])), body, f"reader{n}"))
    lines = split_lines("\n".join(rows) + "\n")
    drop_widget_tails(lines, Zone(0, len(rows), comments), {})
    assert [[lines.text[j] for j in c.body_lines] for c in comments] == [[w] for w in words]
