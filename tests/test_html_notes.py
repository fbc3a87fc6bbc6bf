"""Notes under Q&A answers that no markup names (html.repeated): the notes one person wrote, and
notes whose short words read like names. Invented pages only."""

from __future__ import annotations

from replyscope.html import render_page, split_html_document


def _comments(markup: str):
    page = render_page(markup)
    return split_html_document(markup, page.text, page.title).comments


def _answer(words: str, name: str, iso: str, shown: str, notes: list[tuple[str, str, str, str]]) -> str:
    lis = "".join(
        f'<li class="remark"><span class="pts">{k + 1}</span><div class="remark-in"><span class="remark-words">{w}</span>'
        f' – <a class="remark-by" href="#">{n}</a> <span class="remark-at" title="{i}">{s}</span></div></li>'
        for k, (w, n, i, s) in enumerate(notes)
    )
    return (
        f'<div class="ans-card"><div class="tally"><button>▲</button><div>12</div><button>▼</button></div>'
        f'<div class="card-main"><div class="card-words"><p>{words}</p></div>'
        f'<div class="card-foot"><a href="#">Share</a> <div class="signed">answered <span title="{iso}">{shown}</span>'
        f' <a class="who" href="#">{name}</a> <span class="pts">1,204</span></div></div>'
        f'<div class="remarks"><ul>{lis}</ul><a href="#">Add a remark</a></div></div></div>'
    )


def _page(answers: list[str]) -> str:
    return (
        "<!DOCTYPE html><html><head><title>Which glue holds on wet slate?</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/ask">Ask</a></nav><main>'
        "<article><h1>Which glue holds on wet slate?</h1><p>My garden path tiles keep lifting after rain. "
        "I tried two builder's adhesives and both failed within a month.</p></article>"
        f'<div id="all-answers"><h2>{len(answers)} Answers</h2>{"".join(answers)}'
        '<h2>Your Answer</h2><form method="post"><textarea name="body"></textarea><button>Post</button></form></div>'
        "</main></body></html>"
    )


ASKER = "slate_wren"


def test_notes_one_person_wrote_under_several_answers_are_replies_to_them():
    # (the asker answers every answer: the notes' name field shows one name, the answers' many)
    answers = [
        _answer("Use a polyurethane mortar, it cures in damp conditions.", "Odile Farrant", "2022-04-02T09:10:00Z", "2 days ago",
                [("Does it need a primer on old slate?", ASKER, "2022-04-02T09:30:00Z", "2 days ago"),
                 ("Thanks, I will try the grey one first.", ASKER, "2022-04-02T10:05:00Z", "2 days ago")]),
        _answer("Lift them all and lay a proper sub-base, glue will never fix drainage.", "bram_k", "2022-04-02T11:00:00Z", "Apr 2, 2022",
                [("The sub-base is fine, it is only the edges that move.", ASKER, "2022-04-02T11:20:00Z", "Apr 2, 2022")]),
        _answer("Epoxy works if the stone is bone dry when you lay it, which is the hard part.", "Wen Ashby", "2022-04-03T08:00:00Z", "yesterday",
                [("Bone dry is not going to happen here in April.", ASKER, "2022-04-03T08:40:00Z", "yesterday")]),
    ]
    comments = _comments(_page(answers))
    assert [c.author for c in comments] == ["Odile Farrant", ASKER, ASKER, "bram_k", ASKER, "Wen Ashby", ASKER]
    assert [c.parent for c in comments] == [None, 0, 0, None, 3, None, 5]
    assert comments[0].text == "Use a polyurethane mortar, it cures in damp conditions."
    assert comments[2].text == "Thanks, I will try the grey one first."
    assert comments[3].text.startswith("Lift them all")


def test_short_notes_read_like_names_yet_the_linked_name_is_the_author():
    # (two notes of two or three words: their words vary as much as their names do)
    answers = [
        _answer("A flexible tile adhesive rated for outdoor use, nothing else lasts.", "Odile Farrant", "2022-04-02T09:10:00Z", "2 days ago",
                [("so true", "mossy_gate", "2022-04-02T09:30:00Z", "2 days ago")]),
        _answer("Check the fall of the path first; standing water lifts anything.", "bram_k", "2022-04-02T11:00:00Z", "Apr 2, 2022", []),
        _answer("Slate sealer before the glue made the difference for our steps.", "Wen Ashby", "2022-04-03T08:00:00Z", "yesterday",
                [("did the trick here", "Ilka Vos", "2022-04-03T08:40:00Z", "yesterday")]),
    ]
    comments = _comments(_page(answers))
    assert [(c.author, c.text, c.parent) for c in comments] == [
        ("Odile Farrant", "A flexible tile adhesive rated for outdoor use, nothing else lasts.", None),
        ("mossy_gate", "so true", 0),
        ("bram_k", "Check the fall of the path first; standing water lifts anything.", None),
        ("Wen Ashby", "Slate sealer before the glue made the difference for our steps.", None),
        ("Ilka Vos", "did the trick here", 3),
    ]


def test_one_writers_dated_entries_are_no_thread():
    # (a diary's entries all signed by its one writer, with a comment box under them: no item
    # holds them, so their one name does not make them replies)
    entries = "".join(
        f'<div class="day"><div class="day-words"><p>{w}</p></div><div class="day-sig">by <a href="#">Hanne Lidell</a>'
        f' <span title="2022-05-0{k + 1}T07:00:00Z">May {k + 1}, 2022</span></div></div>'
        for k, w in enumerate(("Planted the beans along the north fence.", "Rain all day, the beans are fine.", "First shoots showed up this morning."))
    )
    markup = (
        "<!DOCTYPE html><html><head><title>Garden diary</title></head><body><main><h1>Garden diary</h1>"
        f'<div class="days">{entries}</div><h3>Leave a comment</h3><form><textarea name="c"></textarea></form></main></body></html>'
    )
    assert _comments(markup) == []


def test_answers_one_person_wrote_are_read_with_the_notes_others_left_under_them():
    # (the answers' name field shows one name; the notes under them, by others, show the conversation)
    answers = [
        _answer("Sand the underside first so the adhesive has something to grip.", "Odile Farrant", "2022-04-02T09:10:00Z", "2 days ago", []),
        _answer("Also seal the joints afterwards, or water gets under again.", "Odile Farrant", "2022-04-02T09:20:00Z", "2 days ago",
                [("Which sealer, the clear one or the tinted?", ASKER, "2022-04-02T09:40:00Z", "2 days ago")]),
        _answer("And wait a dry week before you start, whatever glue you choose.", "Odile Farrant", "2022-04-02T09:30:00Z", "2 days ago",
                [("A dry week, here, in spring? Ha.", "bram_k", "2022-04-02T10:00:00Z", "2 days ago"),
                 ("Cover it with a tarp for two days then.", "Odile Farrant", "2022-04-02T10:10:00Z", "2 days ago")]),
    ]
    comments = _comments(_page(answers))
    assert [(c.author, c.parent) for c in comments] == [
        ("Odile Farrant", None), ("Odile Farrant", None), (ASKER, 1), ("Odile Farrant", None), ("bram_k", 3), ("Odile Farrant", 3),
    ]
    assert comments[3].text == "And wait a dry week before you start, whatever glue you choose."


def test_one_writers_posts_holding_their_comments_are_no_comments():
    # (a front page: each post has a title, a byline and date, and its readers' comments under it;
    # one post of three has comments so far)
    def post(k: int, title: str, words: str, comments: list[tuple[str, str]]) -> str:
        lis = "".join(
            f'<li class="rc"><a class="rc-by" href="#">{n}</a> <span title="2022-06-0{k + 1}T1{j}:00:00Z">June {k + 1}, 2022</span>'
            f'<p>{w}</p><a href="#">Reply</a></li>'
            for j, (n, w) in enumerate(comments)
        )
        return (
            f'<div class="post"><h2>{title}</h2><div class="post-by">by <a href="#">Hanne Lidell</a> '
            f'<span title="2022-06-0{k + 1}T08:00:00Z">June {k + 1}, 2022</span></div><div class="post-words"><p>{words}</p></div>'
            f'<ul class="rcs">{lis}</ul></div>'
        )

    markup = (
        "<!DOCTYPE html><html><head><title>Hanne's garden</title></head><body><main>"
        + post(0, "The beans have climbed past the first wire", "The beans along the north fence finally climbed past the first wire this week.",
               [("Ola Brandt", "Ours are still sulking in the cold."), ("mira_k", "What variety are they?")])
        + post(1, "A wet week and a drain that worked", "Rain every day, but the new drain behind the shed kept the beds from flooding.", [])
        + post(2, "Seed swap at the village hall on Sunday", "Bring labelled envelopes; the hall opens at ten and the tea is free.", [])
        + "</main></body></html>"
    )
    comments = _comments(markup)
    assert [(c.author, c.text) for c in comments] == [("Ola Brandt", "Ours are still sulking in the cold."), ("mira_k", "What variety are they?")]


def test_a_members_rank_over_the_name_is_not_the_author():
    # (a board prints each member's rank above the name: as many ranks as names show in the thread)
    people = [("Gold Member", "kettle_drum"), ("Moderator", "Ros Mallory"), ("Newbie", "fenwick9")]
    words = [
        "Has anyone fitted the new valve to a pre-2010 boiler?",
        "Yes, you need the adapter ring, it is in the spares kit.",
        "Where do I find the spares kit, the shop only lists the valve.",
        "It is listed under accessories, third page.",
    ]
    rows = "".join(
        f'<tr class="post-row"><td class="side"><span class="rank">{people[k % 3][0]}</span><br><b>{people[k % 3][1]}</b></td>'
        f'<td class="main"><div class="when">Posted: Mar {k + 4}, 2021</div><div class="words"><p>{w}</p></div>'
        f'<a href="#">Quote</a></td></tr>'
        for k, w in enumerate(words)
    )
    markup = (
        "<!DOCTYPE html><html><head><title>Valve swap on an old boiler</title></head><body><main>"
        f'<h1>Valve swap on an old boiler</h1><table class="board">{rows}</table>'
        '<h3>Quick reply</h3><form><textarea name="m"></textarea></form></main></body></html>'
    )
    comments = _comments(markup)
    assert [c.author for c in comments] == ["kettle_drum", "Ros Mallory", "fenwick9", "kettle_drum"]
    assert comments[1].text == "Yes, you need the adapter ring, it is in the spares kit."


def test_one_note_under_one_answer_of_three_is_a_reply_and_no_answers_words():
    # (one note: no group of notes; the answers' "Add a remark" rows and the note together hold
    # more words than the answers' own texts)
    answers = [
        _answer("Grit it first.", "Odile Farrant", "2022-04-02T09:10:00Z", "2 days ago", []),
        _answer("Ha, same here.", "bram_k", "2022-04-02T11:00:00Z", "Apr 2, 2022", []),
        _answer("Try a lime mortar instead.", "Wen Ashby", "2022-04-03T08:00:00Z", "yesterday",
                [("Lime never set for me in this cold.", ASKER, "2022-04-03T08:40:00Z", "yesterday")]),
    ]
    comments = _comments(_page(answers))
    assert [(c.author, c.text, c.parent) for c in comments] == [
        ("Odile Farrant", "Grit it first.", None),
        ("bram_k", "Ha, same here.", None),
        ("Wen Ashby", "Try a lime mortar instead.", None),
        (ASKER, "Lime never set for me in this cold.", 2),
    ]


def test_a_one_word_paragraph_is_no_age():
    # ("And", "As", "Any" alone on a line read as "an d", "a s", "an y" ages: stamps inside the
    # words, which then hold another item's stamp)
    from resiliparse.parse.html import HTMLTree

    from replyscope.html.items import is_stamp

    tree = HTMLTree.parse("<p>And</p><p>As</p><p>Any</p><p>an hour ago</p><p>3h</p><p>a day ago</p>")
    assert [is_stamp(p) for p in tree.body.query_selector_all("p")] == [False, False, False, True, True, True]
    answers = [
        _answer("Two things.</p><p>First, clean the slate with a stiff brush.</p><p>And</p><p>then prime it.", "Odile Farrant", "2022-04-02T09:10:00Z", "2 days ago", []),
        _answer("Seal the joints after.", "bram_k", "2022-04-02T11:00:00Z", "Apr 2, 2022", []),
    ]
    comments = _comments(_page(answers))
    assert [c.author for c in comments] == ["Odile Farrant", "bram_k"]
    assert comments[0].text.split() == "Two things. First, clean the slate with a stiff brush. And then prime it.".split()
