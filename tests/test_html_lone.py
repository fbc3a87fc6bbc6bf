"""Comment widgets the DOM shows without naming their items: a section whose markup names the
discussion, a page with one comment, a thread of two short replies under rows of buttons, and the
pages that must stay comment-free (a dated list beside a named section, an article's byline).
Invented pages only."""

from __future__ import annotations

from resiliparse.parse.html import HTMLTree

from replyscope.html import render_page, split_html_document
from replyscope.html.items import Page
from replyscope.html.repeated import find_repeated_items


def _comments(markup: str):
    page = render_page(markup)
    return split_html_document(markup, page.text, page.title).comments


HEAD = """<!DOCTYPE html><html><head><title>Tide tables</title></head><body>
<nav><a href="/">Front page</a> · <a href="/harbour">Harbour</a></nav>
<article><h1>The spring tides come early this year</h1>
<p class="byline">By <span>Ines Varga</span> · <time datetime="2022-03-01">1 March 2022</time></p>
<p>The harbour office printed the new tables on Monday; the first spring tide is due on the ninth.</p>
<p>Moorings on the east wall will be checked twice a day until the end of the month.</p></article>
"""
FOOT = "<footer><p>Harbour Gazette</p></footer></body></html>"


def _entry(name: str, when: str, iso: str, words: str) -> str:
    return (
        f'<div class="tl-row"><div class="tl-top"><strong><a href="#">{name}</a></strong> wrote '
        f'<time datetime="{iso}">{when}</time><span class="tag">Member</span></div>'
        f'<div class="tl-words"><p>{words}</p></div></div>'
    )


def test_entries_inside_a_section_the_markup_names_are_comments():
    rows = (
        _entry("Bram Olde", "2 hours ago", "2022-03-02T09:00:00Z", "The east wall flooded last spring as well, the ladders were under water.")
        + _entry("kestrel_9", "an hour ago", "2022-03-02T10:00:00Z", "Is the slipway closed during the checks?")
        + _entry("Noor Amsel", "just now", "2022-03-02T11:00:00Z", "Thanks for printing these, the app never loads at the pier.")
    )
    page = HEAD + f'<div id="discussion-area">{rows}<form><textarea></textarea></form></div>' + FOOT
    found = _comments(page)
    assert [c.author for c in found] == ["Bram Olde", "kestrel_9", "Noor Amsel"]
    assert found[1].text == "Is the slipway closed during the checks?"


def test_a_dated_list_outside_the_named_section_is_no_thread():
    # the page's markup names comments (an empty section with a count), but the dated rows with
    # names sit in another part of the page: a list of events, not its discussion
    events = "".join(
        f'<div class="ev"><b>{who}</b> <time datetime="2022-03-0{k + 1}">{k + 1} March</time><div class="ev-text"><p>{what}</p></div></div>'
        for k, (who, what) in enumerate([("Pilot office", "Night crossings are suspended for the weekend."), ("Lock keeper", "The lower gate opens an hour later than usual."), ("Ferry desk", "Extra sailings on Sunday afternoon from the north quay.")])
    )
    page = HEAD + f'<section class="notices">{events}</section><div id="comments"><h2>Comments (0)</h2><p>Be the first to write.</p><form><textarea></textarea></form></div>' + FOOT
    assert _comments(page) == []


def test_one_comment_in_a_named_section_is_read():
    one = _entry("Bram Olde", "2 hours ago", "2022-03-02T09:00:00Z", "The east wall flooded last spring as well, the ladders were under water.")
    page = HEAD + f'<div class="responses-box"><h3>Responses</h3>{one}<form><textarea></textarea></form></div>' + FOOT
    found = _comments(page)
    assert [(c.author, c.text) for c in found] == [("Bram Olde", "The east wall flooded last spring as well, the ladders were under water.")]


def test_one_comment_with_a_reply_control_and_a_text_box_is_read_where_markup_names_nothing():
    one = (
        '<x-post><x-top><x-who>Marit Sand</x-who> <x-when><time datetime="2022-03-02T08:00:00Z">5 hours ago</time></x-when></x-top>'
        "<x-words><p>Our boat club moved the regatta a week later because of these tides.</p></x-words>"
        "<x-row><a href=\"#\">Reply</a> · <a href=\"#\">Like</a></x-row></x-post>"
    )
    page = HEAD + f"<x-talk><x-box><textarea></textarea></x-box><x-list>{one}</x-list></x-talk>" + FOOT
    found = _comments(page)
    assert [(c.author, c.text) for c in found] == [("Marit Sand", "Our boat club moved the regatta a week later because of these tides.")]


def test_an_article_with_a_byline_and_an_empty_text_box_has_no_comment():
    # one dated block with a name (the byline) and a form to write in: no comment on the page
    page = HEAD + '<div class="box"><h3>Write to the editor</h3><form><textarea></textarea><button>Send</button></form></div>' + FOOT
    assert _comments(page) == []
    # nor a dated note with a name in a box beside the article, with no reply control
    note = '<div class="box"><div class="who"><b>Desk editor</b> <time datetime="2022-03-01">1 March</time></div><div class="what"><p>This story was updated with the new tables.</p></div></div>'
    assert _comments(HEAD + note + FOOT) == []


def _post(name: str, when: str, words: str, votes: int) -> str:
    return (
        f'<li class="p-item"><div class="p-main"><header><a class="p-user" href="#">{name}</a> • '
        f'<a class="p-age" href="#" title="2022-03-02T10:00:00Z">{when}</a></header>'
        f'<div class="p-msg"><p>{words}</p></div>'
        f'<footer><span>▲ {votes}</span> <span>▼</span> <a href="#">Reply</a> · <a href="#">Share ›</a></footer></div></li>'
    )


def test_two_short_replies_under_rows_of_links_and_buttons():
    # the names, ages and buttons are links and outnumber the two replies' words: still a thread,
    # and each text is the reply, not its row of buttons
    posts = _post("Ada Fenn", "3 hours ago", "Same here!", 12) + _post("wavecount", "2 hours ago", "🌊", 3)
    page = HEAD + f'<div class="p-widget"><form><textarea></textarea></form><ul class="p-list">{posts}</ul></div>' + FOOT
    found = _comments(page)
    assert [(c.author, c.text) for c in found] == [("Ada Fenn", "Same here!"), ("wavecount", "🌊")]


def test_a_line_every_post_repeats_is_not_its_text():
    rows = "".join(
        f'<tr class="post"><td><b>{who}</b><br><span>Regular</span></td><td><div><span>Subject: Re: spring tide tables and moorings</span> '
        f'<span>Posted: Mar 0{k + 2}, 2022 10:1{k} am</span></div><div class="msg"><p>{what}</p></div></td></tr>'
        f'<tr><td colspan="2"><a href="#">Quote</a></td></tr>'
        for k, (who, what) in enumerate([("Henk Vos", "Yes."), ("lighthouse_l", "👍")])
    )
    page = HEAD + f'<table class="board">{rows}</table><form><textarea></textarea></form>' + FOOT
    found = _comments(page)
    assert [(c.author, c.text) for c in found] == [("Henk Vos", "Yes."), ("lighthouse_l", "👍")]


def test_page_order_spans_say_what_holds_what():
    tree = HTMLTree.parse("<div id=a><p id=b><span id=c>x</span></p><p id=d>y</p></div><div id=e>z</div>")
    found = tree.body.query_selector_all("*")
    elements = found[0 : len(found)]
    spans = Page(tree.body)
    assert spans.nodes == list(elements)
    by_id = {el.id: el for el in elements}
    for outer in elements:
        for inner in elements:
            assert spans.contains(outer, inner) == outer.contains(inner)
    assert spans.outermost([by_id["b"], by_id["c"], by_id["d"]]) == {by_id["b"], by_id["d"]}
    assert find_repeated_items(tree) == []


def _answer(words: str, who: str, notes: str) -> str:
    return (
        f'<div class="ans"><div class="ans-text"><p>{words}</p></div>'
        f'<div class="ans-foot"><a href="#">Share</a> <div class="ans-sig">answered <span title="2022-03-02T09:00:00Z">5 hours ago</span> '
        f'<a class="u" href="#">{who}</a></div></div><div class="ans-notes"><ul>{notes}</ul><a href="#">Add a note</a></div></div>'
    )


def test_the_one_note_under_an_answer_is_a_reply_to_it():
    note = (
        '<li class="nt"><div class="nt-line"><span class="nt-words">Low water is at noon on the ninth, not at dawn.</span> – '
        '<a class="nt-user" href="#">Gus Pell</a> <span class="nt-when" title="2022-03-02T12:00:00Z">2 hours ago</span></div></li>'
    )
    answers = _answer("Check the printed table at the harbour office, it lists both tides.", "Rhea Lund", note) + _answer("The app shows them too, under the tides tab.", "mooring_mo", "")
    page = HEAD + f'<div id="qa"><h2>2 Answers</h2>{answers}<h2>Your Answer</h2><form><textarea></textarea></form></div>' + FOOT
    found = _comments(page)
    assert [(c.author, c.depth) for c in found] == [("Rhea Lund", 0), ("Gus Pell", 1), ("mooring_mo", 0)]
    assert found[1].text == "Low water is at noon on the ninth, not at dawn."
    assert found[1].parent == 0


def test_one_answer_and_the_note_under_it_are_a_thread():
    # one answer holding one note: the note is read first, then the answer around it with the
    # note left out (its first reading met the note's stamp and gave up)
    note = (
        '<li class="nt"><div class="nt-line"><span class="nt-words">The ninth is a Sunday, the office is shut.</span> – '
        '<a class="nt-user" href="#">Gus Pell</a> <span class="nt-when" title="2022-03-02T12:00:00Z">2 hours ago</span></div></li>'
    )
    answer = _answer("Check the printed table at the harbour office, it lists both tides.", "Rhea Lund", note)
    page = HEAD + f'<div id="qa"><h2>1 Answer</h2>{answer}<h2>Your Answer</h2><form><textarea></textarea></form></div>' + FOOT
    found = _comments(page)
    assert [(c.author, c.depth, c.parent) for c in found] == [("Rhea Lund", 0, None), ("Gus Pell", 1, 0)]
    assert found[0].text == "Check the printed table at the harbour office, it lists both tides."


def test_an_answer_and_its_note_with_no_sign_of_a_conversation_are_no_thread():
    # (the same two dated, named blocks with no heading, text box, reply control or markup naming
    # replies: two dated notes, not a discussion)
    note = (
        '<li class="nt"><div class="nt-line"><span class="nt-words">The ninth is a Sunday, the office is shut.</span> – '
        '<a class="nt-user" href="#">Gus Pell</a> <span class="nt-when" title="2022-03-02T12:00:00Z">2 hours ago</span></div></li>'
    )
    answer = _answer("Check the printed table at the harbour office, it lists both tides.", "Rhea Lund", note)
    assert _comments(HEAD + f"<div>{answer}</div>" + FOOT) == []


def test_a_date_among_an_items_words_is_not_its_stamp():
    # every row prints its stamp in the signature under the words; one row's words hold a line
    # that is only a date: the row's stamp is still the signature's, and its words stay whole
    def row(words: str, who: str, when: str) -> str:
        return (
            f'<div class="post"><div class="post-words">{words}</div>'
            f'<div class="post-sig">posted <span title="2022-03-0{when}T08:00:00Z">{when} days ago</span> by <a href="#">{who}</a></div></div>'
        )

    rows = (
        row("<p>The ferry timetable changes next week.</p><p>Check the board at the pier.</p>", "Tova Reyes", "4")
        + row("<p>Last update to the board:</p><p>March 1, 2022</p><p>Nothing has been posted since then.</p>", "Olek Brandt", "3")
        + row("<p>The kiosk has paper copies as well.</p>", "Wren Hale", "2")
    )
    page = HEAD + f'<div id="talk"><h2>Replies</h2>{rows}<form><textarea></textarea></form></div>' + FOOT
    found = _comments(page)
    assert [c.author for c in found] == ["Tova Reyes", "Olek Brandt", "Wren Hale"]
    assert found[1].text.split() == "Last update to the board: March 1, 2022 Nothing has been posted since then.".split()
    assert found[1].posted_raw == "3 days ago"
