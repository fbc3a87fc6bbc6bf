"""Q&A answers and comment lists read by html.repeated: two answers by one person and one note of
another's, an edit note inside each comment, and a large page of one person's answers. Invented pages only."""

from __future__ import annotations

from test_html_notes import ASKER, _answer, _comments, _page

from resiliparse.parse.html import HTMLTree

from replyscope.html import items
from replyscope.html.repeated import find_repeated_items
from replyscope.html.items import Page


def test_two_answers_by_one_person_and_one_note_of_anothers_are_a_thread():
    # (no group of notes: the one note, by a name the answers do not show, makes the conversation)
    answers = [
        _answer("Sand the underside first so the adhesive has something to grip.", "Odile Farrant", "2022-04-02T09:10:00Z", "2 days ago", []),
        _answer("Also seal the joints afterwards, or water gets under again.", "Odile Farrant", "2022-04-02T09:20:00Z", "2 days ago",
                [("Which sealer, the clear one or the tinted?", ASKER, "2022-04-02T09:40:00Z", "2 days ago")]),
    ]
    comments = _comments(_page(answers))
    assert [(c.author, c.parent) for c in comments] == [("Odile Farrant", None), ("Odile Farrant", None), (ASKER, 1)]
    assert comments[1].text == "Also seal the joints afterwards, or water gets under again."
    assert comments[2].text == "Which sealer, the clear one or the tinted?"


def test_one_persons_answers_with_one_note_of_their_own_are_no_thread():
    # (the note is signed by the answers' one name: nobody else speaks)
    diary = [
        _answer("Sand the underside first so the adhesive has something to grip.", "Odile Farrant", "2022-04-02T09:10:00Z", "2 days ago", []),
        _answer("Also seal the joints afterwards, or water gets under again.", "Odile Farrant", "2022-04-02T09:20:00Z", "2 days ago",
                [("Forgot to say: the clear sealer.", "Odile Farrant", "2022-04-02T09:40:00Z", "2 days ago")]),
    ]
    assert [c.author for c in _comments(_page(diary))] == []


def test_answers_holding_notes_of_others_keep_their_one_writers_name():
    # (every answer holds notes: read with its notes, the answers' name fields showed two names;
    # without them, one, and that one is still their author)
    people = ["bram_k", "Wen Ashby", "mossy_gate"]
    answers = [
        _answer(f"Tip {k + 1}: clear the moss from the joints before gluing.", "Odile Farrant", f"2022-04-02T09:1{k}:00Z", "2 days ago",
                [(f"Tried tip {k + 1}, it held for a week.", people[k], f"2022-04-03T09:1{k}:00Z", "yesterday"),
                 (f"Tip {k + 1} did nothing here.", people[(k + 1) % 3], f"2022-04-03T10:1{k}:00Z", "yesterday")])
        for k in range(3)
    ]
    comments = _comments(_page(answers))
    assert [c.author for c in comments] == ["Odile Farrant", "bram_k", "Wen Ashby", "Odile Farrant", "Wen Ashby", "mossy_gate", "Odile Farrant", "mossy_gate", "bram_k"]
    assert [c.parent for c in comments] == [None, 0, 0, None, 3, 3, None, 6, 6]


PEOPLE = ["Odile Farrant", "bram_k", "Wen Ashby", "mossy_gate"]
WORDS = [
    "The ferry timetable changed again without any notice at all.",
    "They posted it on the board by the harbour office last week.",
    "Nobody reads that board, it is behind the bike racks.",
    "Then ask them to put it on the website as well.",
]


def _edited_page(edits: tuple[bool, ...], note: str) -> str:
    rows = "".join(
        f'<div class="c-row"><div class="c-head"><a class="c-who" href="#">{PEOPLE[k]}</a> '
        f'<span class="c-when" title="2022-05-0{k + 1}T09:00:00Z">May {k + 1}, 2022</span></div>'
        f'<div class="c-words"><p>{WORDS[k]}</p></div>{note.format(day=k + 2) if edited else ""}<a href="#">Reply</a></div>'
        for k, edited in enumerate(edits)
    )
    return (
        "<!DOCTYPE html><html><head><title>Ferry times</title></head><body><main><article><h1>Ferry times</h1>"
        f'<p>The winter timetable starts on Monday.</p></article><div class="talk"><h3>4 Comments</h3>{rows}'
        '<form><textarea name="c"></textarea></form></div></main></body></html>'
    )


EDIT_NOTES = (
    '<div class="edit-note">Edited by <a href="#">Harbour Mod</a> <span title="2022-05-0{day}T10:00:00Z">May {day}, 2022</span></div>',
    '<div class="edit-note"><span>Last edited by</span> <a href="#">Harbour Mod</a> <time datetime="2022-05-0{day}T10:00:00Z">3 hours ago</time></div>',
)


def test_an_edit_note_inside_comments_is_no_reply():
    # (a moderator's "Edited by NAME DATE" inside a comment: a name and a stamp, one name over the
    # notes as a one-person group of replies shows; but no words of its own)
    for note in EDIT_NOTES:
        for edits in ((True, True, True, True), (True, False, True, False), (False, True, False, False)):
            comments = _comments(_edited_page(edits, note))
            assert [c.author for c in comments] == PEOPLE, (note, edits)
            assert all(c.parent is None for c in comments)


def test_a_short_note_signed_with_a_name_is_still_a_reply():
    # (words before the name: the chrome test reads the note's whole text, not its label alone)
    note = '<div class="edit-note"><span>Fair point, moved it up</span> – <a href="#">Harbour Mod</a> <span title="2022-05-0{day}T10:00:00Z">May {day}, 2022</span></div>'
    comments = _comments(_edited_page((False, True, False, False), note))
    assert [(c.author, c.parent) for c in comments] == [(PEOPLE[0], None), (PEOPLE[1], None), ("Harbour Mod", 1), (PEOPLE[2], None), (PEOPLE[3], None)]


def test_many_answers_by_one_person_are_read_with_their_notes(monkeypatch):
    # (hundreds of one person's answers, each holding two notes: whether an answer holds a heading
    # is one lookup of the page's tag counts, taken once a page, not a walk of each answer)
    people = ["bram_k", "Wen Ashby", "mossy_gate", "Ilka Vos", "Tamsin Orr"]
    n = 200
    answers = [
        _answer(f"Tip {k}: keep the joints clear of moss before gluing.", "Odile Farrant", f"2022-04-02T09:{k % 60:02d}:00Z", "2 days ago",
                [(f"Tried tip {k}, it held for a week.", people[k % 5], f"2022-04-03T09:{k % 60:02d}:00Z", "yesterday"),
                 (f"Tip {k} did nothing here.", people[(k + 2) % 5], f"2022-04-03T10:{k % 60:02d}:00Z", "yesterday")])
        for k in range(n)
    ]
    for k in range(1, n, 2):  # (every other answer has no notes: the answers' name field shows one name)
        answers[k] = _answer(f"Tip {k}: keep the joints clear of moss before gluing.", "Odile Farrant", f"2022-04-02T09:{k % 60:02d}:00Z", "2 days ago", [])
    counted: list[frozenset[str]] = []
    real = Page.tag_counts

    def counting(self: Page, tags: frozenset[str]) -> list[int]:
        counted.append(tags)
        return real(self, tags)

    monkeypatch.setattr(items.Page, "tag_counts", counting)
    comments = _comments(_page(answers))
    assert len(comments) == 2 * n
    assert [c.author for c in comments[:4]] == ["Odile Farrant", "bram_k", "mossy_gate", "Odile Farrant"]
    assert [c.parent for c in comments[-4:]] == [None, 2 * n - 4, 2 * n - 4, None]
    assert len(counted) == 1


_DL_WORDS = (
    "Does the night bus still stop at the old depot?",
    "Only on weekdays since the spring change.",
    "It stopped there on Saturday, I was on it.",
    "Then the printed timetable is wrong again.",
    "The app says weekdays too, so maybe a driver's choice.",
    "I will ask at the depot office on Monday.",
)


def _dt_id(k: int) -> str:
    return f' id="m{k}"'


def _dl_page(people: list[str], votes: bool = False, ids: bool = True) -> str:
    """A definition list of replies, one poster a <dt> (with an id, or none) and the words its <dd>."""
    words = _DL_WORDS
    rows = "".join(
        f'<dt{_dt_id(k) if ids else ""}><b>{p}</b> wrote <time datetime="2023-03-0{k + 1}T20:00:00Z">March {k + 1}, 2023</time>'
        f'{f" <span>{7 * k + 3}</span>" if votes else ""}</dt>'
        f'<dd><p>{words[k]}</p><p class="act"><a href="#">Reply</a> · <a href="#">Quote</a></p></dd>'
        for k, p in enumerate(people)
    )
    return (
        "<!DOCTYPE html><html><head><title>Night bus</title></head><body><main><article><h1>Night bus</h1>"
        "<p>The night bus route changes again next month.</p></article>"
        f'<div class="responses"><h2>Reader responses ({len(people)})</h2><dl>{rows}</dl></div></main></body></html>'
    )


def test_a_handle_of_digits_names_its_reply_among_named_ones():
    # (one of four posters is an account of digits: the name field prints names at three items of
    # four, under the share a name field needs, unless the digits fill it)
    people = ["Odile Farrant", "4418", "bram_k", "Wen Ashby"]
    comments = _comments(_dl_page(people))
    assert [c.author for c in comments] == people
    assert comments[1].text == "Only on weekdays since the spring change."


def test_digits_are_no_name_where_names_show_beside_them():
    # (a count of digits beside each name: the name is the author, the count never)
    people = ["Odile Farrant", "bram_k", "Wen Ashby", "mossy_gate"]
    assert [c.author for c in _comments(_dl_page(people, votes=True))] == people


def test_a_name_field_that_reads_as_no_name_at_one_item_still_signs_it():
    # (six posters, one with a display name of six words: the name field is the group's, so its
    # text there is its name and no words of it; read as its words, the item had a text of its
    # own and the words under every header were no longer read)
    people = ["Odile Farrant", "bram_k", "Anna Maria de la Vega Ortiz", "Wen Ashby", "mossy_gate", "Ilka Vos"]
    words = list(_DL_WORDS)
    markup = _dl_page(people, ids=False)
    read = find_repeated_items(HTMLTree.parse(markup))
    assert [it.author_text for it in read if it.node.tag == "dt"] == people
    assert [" ".join((it.node.text or "").split()) for it in read if it.node.tag == "dd"] == [f"{w}Reply · Quote" for w in words]
    comments = _comments(markup)
    assert [c.author for c in comments] == people
    assert [c.text for c in comments] == words
