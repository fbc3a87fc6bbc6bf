"""A short post's first reply, however long, is a reader's comment when the page says so: the
comment form's prompt over its header, a section header counting it, entries numbered in turn, a
form's label on its words ("Comment:"), two entries printed from one form. And small threads whose
first reply is a bot's block of links, an emoji under "In reply to", an address over a signed
reply, or a reply quoting a forum post keep both comments.

Pages written for these tests (invented names, handles, places and words).
"""

from __future__ import annotations

from replyscope.split import split_document

HEAD = (
    "Home\nNews\nOpinion\n\n"
    "Is the harbour wall really going to take eleven weeks?\n\n"
    "Asking because the notice on the promenade says spring, and the council site says nothing.\n\n"
    "Share\nTweet\n\n"
)

# A first answer far longer than the post over it: it must not be read as the article.
LONG = [
    "Honestly, I think you are reading too much into the notice. I walk past the wall every morning and the crews have been "
    "on the quay since February, moving the old stones off and stacking them by the bandstand for the rebuild.",
    "The eleven weeks come from the tender, which I read last year when it went out: they split the work into three "
    "stretches, and each stretch gets closed for about three weeks while the footings are poured and left to set.",
    "What you will notice is that the promenade stays open at weekends, which is why it looks slow from the outside. "
    "They stop on Friday afternoon, put the barriers back, and start again on Monday when the tide allows it.",
    "If you want the real timetable, ask at the library: they keep a paper copy of the plans, and the clerk there "
    "was happy to show me the drawings and the order the stretches are done in when I asked about the steps.",
    "My guess is it runs over by a fortnight, because the last job on the slipway did, but I would not worry "
    "about the whole summer being lost. You can still walk to the lighthouse along the upper path the whole time.",
    "The part nobody mentions is the drainage: the old wall had three outfalls that silted up every winter, and "
    "the new design moves them further along so the water leaves at low tide instead of backing up into the road.",
    "That is also why the car park by the kiosk is fenced off, since they need the space for the pipes and the "
    "mixer lorries, and the kiosk owner told me she expects to reopen the terrace by the middle of May at the latest.",
    "So yes, eleven weeks is the plan on paper, and the paper is usually optimistic, but the crews I have talked "
    "to seemed to know what they were doing, and the weather has been kind so far this year, touch wood for them.",
]
LONG_TEXT = "\n\n".join(LONG)
SHORT = "Thanks, that is really helpful, I did not know about the library copy."


def _texts(page: str) -> list[str]:
    return [c.text for c in split_document(page).comments]


def test_a_long_first_reply_under_the_comment_form_is_a_comment():
    page = HEAD + "Post your reply\nReply\n\n"
    for name, handle, text in (("Mara Quell", "@maraquell", LONG_TEXT), ("Otto Fenn", "@ottofenn", SHORT)):
        page += f"{name}\n{handle} · Mar 3\n{text}\n♡ 4  📊 310\n\n"
    assert _texts(page) == [LONG_TEXT, SHORT]


def test_a_long_first_reply_counted_by_the_section_header_is_a_comment():
    page = HEAD + "2 Comments\nDisplay Options\nThreshold: 1, Nested\n\n"
    page += f"Good question (Score:3, Informative)\nby maraquell (48213) on Tuesday March 03, 2020 @09:10AM\n{LONG_TEXT}\n\nReply to This\n\n"
    page += f"Re: Good question (Score:1)\nby ottofenn (51207) on Tuesday March 03, 2020 @09:40AM\n{SHORT}\n\nReply to This\n\n"
    assert _texts(page) == [LONG_TEXT, SHORT]


def test_guestbook_entries_numbered_in_turn_keep_a_long_first_entry():
    page = HEAD + "Our visitors\nThanks for stopping by!\n\n"
    entries = (("Mara Quell", LONG_TEXT), ("Otto Fenn", SHORT), ("Tamsin Vell", "Lovely to read all this, I used to live by the quay."))
    for k, (name, text) in zip(range(3, 0, -1), entries):
        page += f"Entry #{k}\nName : {name}\nFrom : Leeds\nMessage :\n{text}\nDate : 03.03.2020 09:{k}0\n\n====\n\n"
    assert _texts(page) == [text for _, text in entries]


def test_a_long_entry_under_its_words_label_is_a_comment():
    page = HEAD + "Visitors' book\n\n"
    entries = (("Mara Quell", LONG_TEXT), ("Otto Fenn", SHORT), ("Tamsin Vell", "Lovely to read all this, I used to live by the quay."))
    for name, text in entries:
        page += f"Your name: {name}\nWhere from:\nEntry:\n{text}\nSigned: Tuesday, March 3, 2020 at 9:10 AM\n\n* * *\n\n"
    assert _texts(page) == [text for _, text in entries]


def test_two_entries_of_one_form_are_comments_whichever_fields_they_fill():
    page = HEAD + "Visitors' book\n\n"
    page += f"Name : Mara Quell\nFrom : Leeds\nMessage :\n{SHORT}\nDate : 03.03.2020 09:10\n\n* * *\n\n"
    page += f"Name : Otto Fenn\nMessage :\n{LONG_TEXT}\nDate : 03.03.2020 09:40\n\n* * *\n\n"
    assert _texts(page) == [SHORT, LONG_TEXT]


BOT = (
    "[**@harbourcouncil**](https://example.org/harbourcouncil):\n"
    ">[2020-03-03 09:10 UTC](https://example.org/harbourcouncil/status/1)\n\n"
    ">Promenade works start Monday [#harbour](https://example.org/tag/harbour)\n\n"
    "----\n\n"
    "[^(report this)](https://example.org/linkbot/report)\n"
    "[^(how it works)](https://example.org/linkbot/help)\n"
    "[^(source)](https://example.org/linkbot/code)"
)


def test_a_bots_block_of_links_with_a_rule_in_it_is_the_first_of_two_comments():
    page = HEAD + "2 comments\n\nAdd a comment...\n\n"
    page += f"LinkBot\n{BOT}\nLike · Reply · Mark as spam · 1d\n\nMara Quell\n👏👏\nLike · Reply · 3 · 1d\n\nLoad 10 more comments\n"
    texts = _texts(page)
    assert len(texts) == 2 and texts[0].startswith("[**@harbourcouncil**]") and texts[0].endswith("(https://example.org/linkbot/code)")
    assert texts[1] == "👏👏"


def test_an_emoji_under_in_reply_to_answers_a_bots_links():
    page = HEAD + "Readers' comments (2)\n\n"
    page += f"LinkBot\n3 Mar 2020 09:10\n{BOT}\nReply · Recommend · 5 · Report\n\n"
    page += "  Mara Quell\n  3 Mar 2020 09:12\n  In reply to LinkBot\n\n  👍\n  Reply · Recommend · 2 · Report\n\nCommunity guidelines\n"
    texts = _texts(page)
    assert len(texts) == 2 and texts[0].startswith("[**@harbourcouncil**]") and texts[1] == "👍"


def test_a_glued_age_right_over_a_linked_header_heads_the_first_comment():
    page = (
        "Home | About\n\nIs the harbour wall really going to take eleven weeks?\n"
        "212 points by harbourwatch 1 day ago | hide | past | favorite | 2 comments\n\n"
        "Is the harbour wall really going to take eleven weeks?\n\n\nadd comment\n\n"
        f"LinkBot 1d\n\n[Archive link](https://example.org/archive/harbour-wall)\n\n*Posted by a program for the harbour desk; its keepers read replies weekly.*\n\n"
        "\tmaraquell 1 day ago | parent | prev [-]\n\t👏👏\n\n\treply\n\nGuidelines | FAQ | Contact\n"
    )
    comments = split_document(page).comments
    assert [c.author for c in comments] == ["LinkBot", "maraquell"]
    assert comments[0].text.startswith("[Archive link]")


def test_an_address_over_the_first_of_two_signed_replies_opens_its_words():
    page = "Skip to content\nMenu\nSearch\n\nHarbour wall works start Monday\n\nHarbour wall works start Monday\nhttp://example.org/t/9x2\n\nShare\nTweet\n\n"
    page += "Your views\n2 comments so far\n\nNewest first\n\n"
    page += "@harbourwatch\n\nTHE WALL HAS BEEN FALLING DOWN FOR YEARS AND NOBODY CARED UNTIL NOW, SEE PHOTO..\nhttp://example.org/p/4kq9\n"
    page += "Posted by maraquell on March 3, 2020 at 9:10 am\nReply | Report\n\n"
    page += "😂😂😂\nPosted by Otto Fenn on March 3, 2020 at 9:12 am\nReply | Report\n\nLoad more comments\n"
    texts = _texts(page)
    assert texts[0].startswith("@harbourwatch") and texts[0].endswith("http://example.org/p/4kq9")
    assert texts[1] == "😂😂😂"


def test_a_quote_with_a_handle_over_a_signature_is_words_not_a_name():
    page = HEAD + "2 Comments\nNewest first\n\n"
    page += "'Like clockwork' @harbourcouncil\nmaraquell | 1d\n\n👍\nottofenn | a day ago\n\nLoad more comments\n"
    comments = split_document(page).comments
    assert [(c.author, c.text) for c in comments] == [("maraquell", "'Like clockwork' @harbourcouncil"), ("ottofenn", "👍")]


def test_the_sites_software_credit_under_the_last_entry_is_not_its_words():
    page = HEAD + "Visitors' book\n\n"
    page += f"Entry #1\nName : Mara Quell\nMessage :\n{SHORT}\nDate : 03.03.2020 09:10\n\nEntry #2\nName : Otto Fenn\nMessage :\n👍\nDate : 03.03.2020 09:40\n\n"
    page += "Powered by a visitors' book script\n"
    assert _texts(page) == [SHORT, "👍"]


def test_a_forum_reply_quoting_the_post_above_is_talk():
    page = HEAD + "Post Reply\n3 posts • Page 1 of 1\n\n"
    page += "Re: Is the harbour wall really going to take eleven weeks?\n#2\n\nPost by Mara Quell » Tue Mar 03, 2020 9:10 am\n\n"
    page += "FYI the tender said eleven weeks in three stretches...\n\nMara Quell\nPosts: 412\nJoined: May 2015\n\nTop\n\n"
    page += "Re: Is the harbour wall really going to take eleven weeks?\n#3\n\nPost by Otto Fenn » Tue Mar 03, 2020 9:40 am\n\n"
    page += "Mara Quell wrote:\nFYI the tender said eleven weeks in three stretches...\n\n🤔\n\nOtto Fenn\nPosts: 97\nJoined: January 2007\n\nTop\n"
    comments = split_document(page).comments
    assert [c.author for c in comments] == ["Mara Quell", "Otto Fenn"]


def test_an_entry_about_civility_under_its_comment_label_is_a_readers():
    page = HEAD + "Guestbook\n\n"
    words = (
        "Comment: Lovely walk along the quay today.",
        "Comment: @maraquell Agreed. There is plenty of civil society left in this town, whatever the paper says.",
        "Comment: See you at the bandstand on Sunday.",
    )
    for k, (name, w) in enumerate(zip(("Mara Quell", "Otto Fenn", "Tamsin Vell"), words), 1):
        page += f"Entry #{k}\nName: {name}\nDate: 3 Mar 2020\n{w}\n\n"
    assert _texts(page) == [w[len("Comment: ") :] for w in words]


def test_a_chat_tally_heads_a_long_first_message():
    page = "Skip to content\nMenu\nSearch\n\n" + HEAD.split("\n\n", 1)[1] + "#harbour\n3 messages\n\n"
    lines = (("maraquell", "\n".join(LONG)), ("ottofenn", SHORT), ("tamsinvell", "👍"))
    for k, (name, text) in enumerate(lines):
        page += f"{name} — 03/03/2020 9:1{k} AM\n{text}\n\n"
    assert _texts(page) == [text for _, text in lines]


def test_the_pages_notice_under_the_last_of_two_titled_comments_is_not_its_words():
    page = HEAD + "2 Comments\nDisplay Options\nThreshold: 1, Nested\n\n"
    page += f"Good question (Score:3, Informative)\nby maraquell (48213) on Tuesday March 03, 2020 @09:10AM\n{SHORT}\n\nReply to This\n\n"
    page += "Fair point (Score:1)\nby ottofenn (51207) on Tuesday March 03, 2020 @09:40AM\nHomepage\n\n👍\n\nShare\n\n"
    page += "Older replies to this story are kept in the archive, which you can browse from the front page at any time.\n"
    assert _texts(page) == [SHORT, "👍"]
