"""Two comment layouts added after the news / video / qa / slashdot round, as HTML-to-text gives them.

Every page here is written for these tests (invented names and words): a phone app's thread in
another language, with ages only as apps shorten them ("vor 3 Std.", "hace 2 h") and the app's
rows in its language ("Gefällt mir · Antworten", "hace 2 h · Responder  Denunciar"); and a
card-style comment system that draws each reader's avatar as their initials ("JD" over "Jonas
Dubois") or as its alt text. evaluate.layout_variants lays real threads out in the same families
(app, cards) to measure them.
"""

from __future__ import annotations

import pytest

from replyscope.split import split_document
from replyscope.split.chrome import is_chrome, is_stop_line
from replyscope.split.headers import is_initials_of, read_header
from replyscope.split.lines import split_lines
from replyscope.split.patterns import TIMESTAMP_RE

POST = (
    "Mill Lane car park to be sold\n\n"
    "The council will sell the Mill Lane car park to a housing association, it said on Tuesday.\n\n"
)


def _authors(comments) -> list[str]:
    return [c.author for c in comments]


GERMAN_APP = POST + (
    "4 Kommentare\n"
    "Sortieren nach: Neueste\n\n"
    "Kommentar schreiben …\n\n"
    "Rosa Walsh · vor 3 Std.\n"
    "Endlich. Der Parkplatz steht doch jeden Winter unter Wasser.\n"
    "Gefällt mir · Antworten · 12\n\n"
    "  tomasu · vor 2 Std.\n"
    "  Wohnungen sind besser als Asphalt.\n"
    "  Gefällt mir · Antworten\n"
    "  3 weitere Antworten anzeigen\n\n"
    "Keiko Brandt · vor 1 Std. · bearbeitet\n"
    "Und wo sollen die Pendler jetzt parken?\n"
    "Gefällt mir · Antworten · 4\n\n"
    "liamy · vor 20 Min.\n"
    "👍\n"
    "Gefällt mir · Antworten\n"
)


def test_a_phone_apps_thread_in_german_keeps_every_reply_with_its_age():
    comments = split_document(GERMAN_APP).comments
    assert _authors(comments) == ["Rosa Walsh", "tomasu", "Keiko Brandt", "liamy"]
    assert [c.posted_raw for c in comments] == ["vor 3 Std.", "vor 2 Std.", "vor 1 Std.", "vor 20 Min."]
    assert [c.text for c in comments] == [
        "Endlich. Der Parkplatz steht doch jeden Winter unter Wasser.",
        "Wohnungen sind besser als Asphalt.",
        "Und wo sollen die Pendler jetzt parken?",
        "👍",
    ]


SPANISH_APP = POST + (
    "4 comentarios\n\n"
    "Rosa Walsh\n"
    "Por fin. Ese aparcamiento se inunda cada invierno.\n"
    "hace 3 h · Responder  Denunciar\n\n"
    "tomasu\n"
    "Mejor viviendas que asfalto. Por una vez aciertan.\n"
    "hace 2 h · Responder  Denunciar\n\n"
    "Keiko Brandt\n"
    "¿Y dónde aparcan ahora los que vienen a trabajar?\n"
    "hace 1 h · editado · Responder  Denunciar\n\n"
    "liamy\n"
    "Totalmente de acuerdo.\n"
    "hace 20 min · Responder  Denunciar\n"
)


def test_an_apps_row_that_opens_with_the_age_closes_and_dates_the_comment_above_it():
    # (the age first, then the app's words parted by wide spaces: the row signs the comment over
    # it; the next name is the line after it)
    comments = split_document(SPANISH_APP).comments
    assert _authors(comments) == ["Rosa Walsh", "tomasu", "Keiko Brandt", "liamy"]
    assert [c.posted_raw for c in comments] == ["hace 3 h", "hace 2 h", "hace 1 h", "hace 20 min"]
    assert comments[2].text == "¿Y dónde aparcan ahora los que vienen a trabajar?"


@pytest.mark.parametrize(
    ("line", "stamp"),
    [("vor 3 Std.", "vor 3 Std."), ("hace 2 h", "hace 2 h"), ("il y a 1 j", "il y a 1 j"), ("há 5 min", "há 5 min"), ("3 h fa", "3 h fa"), ("2 d geleden", "2 d geleden")],
)
def test_an_apps_short_ages_in_six_languages_are_stamps(line, stamp):
    m = TIMESTAMP_RE.search(line)
    assert m is not None and m.group(0) == stamp


def test_the_count_of_a_short_age_is_no_list_number():
    # ("1 g fa": one day ago in Italian, not item 1 of a list over "g fa")
    lines = split_lines("1 g fa · Rispondi  Segnala\n2 d geleden\n1. Rosa\n")
    assert lines.core[:2] == ["1 g fa · Rispondi  Segnala", "2 d geleden"]
    assert read_header(lines.core[0]).posted_raw == "1 g fa"


@pytest.mark.parametrize(
    "line",
    ["Gefällt mir · Antworten · 12", "Curtir (33)", "12 Vind ik leuk", "Responder  Denunciar", "3 weitere Antworten anzeigen", "Ver 3 respuestas más", "Ordenar por: Más recientes"],
)
def test_an_apps_actions_in_its_language_are_chrome(line):
    assert is_chrome(line)


@pytest.mark.parametrize("line", ["Ich mag das nicht, melden Sie es der Stadt.", "Responder a esto es perder el tiempo", "Me gusta mucho este barrio"])
def test_a_readers_sentence_with_an_apps_word_in_it_stays_words(line):
    assert not is_chrome(line)


def test_an_apps_comment_box_is_a_form_line():
    assert is_stop_line("Kommentar schreiben …")
    assert is_stop_line("Escribe un comentario…")


CARDS = POST + (
    "Discussion (4)\n\n"
    "RW\n"
    "Rosa Walsh · 3h\n"
    "Finally. That car park floods every winter anyway.\n"
    "Like (3)  Reply  Share\n"
    "View 1 reply\n\n"
    "  T\n"
    "  TomasUrban · 2h\n"
    "  Housing is better than tarmac. Good call for once.\n"
    "  Like (1)  Reply  Share\n\n"
    "AL\n"
    "Agent_Lumen · 1h · Edited\n"
    "And where do the commuters park now?\n"
    "Like  Reply  Share\n\n"
    "Avatar for 3917460\n"
    "3917460 · 20m\n"
    "👍\n"
    "Like  Reply  Share\n"
)


def test_a_card_layouts_avatar_initials_are_not_the_name():
    comments = split_document(CARDS).comments
    assert _authors(comments) == ["Rosa Walsh", "TomasUrban", "Agent_Lumen", "3917460"]  # (a handle of digits names its reader)
    assert [c.text for c in comments] == [
        "Finally. That car park floods every winter anyway.",
        "Housing is better than tarmac. Good call for once.",
        "And where do the commuters park now?",
        "👍",
    ]
    assert [c.posted_raw for c in comments] == ["3h", "2h", "1h", "20m"]


CARDS_NAME_OVER_AGE = POST + (
    "3 Comments\n\n"
    "RW\n"
    "Rosa Walsh\n"
    "3h\n"
    "Finally. That car park floods every winter anyway.\n"
    "♡ 3\n"
    "Reply\n\n"
    "T\n"
    "TomasUrban\n"
    "2 hours ago\n"
    "Housing is better than tarmac. Good call for once.\n"
    "♡ 1\n"
    "Reply\n\n"
    "KB\n"
    "Keiko Brandt\n"
    "1h (edited)\n"
    "And where do the commuters park now?\n"
    "♡ 0\n"
    "Reply\n"
)


def test_initials_over_a_name_over_its_age_leave_the_name_to_the_name_line():
    comments = split_document(CARDS_NAME_OVER_AGE).comments
    assert _authors(comments) == ["Rosa Walsh", "TomasUrban", "Keiko Brandt"]
    assert comments[1].text == "Housing is better than tarmac. Good call for once."


@pytest.mark.parametrize(
    ("line", "name", "initials"),
    [
        ("JD", "Jonas Dubois", True),
        ("AL", "Agent_Lumen", True),
        ("P", "PostWatcher", True),
        ("PW", "PostWatcher", True),
        ("H", "Harbour4Leeds", True),
        ("MG", "MoX_GL0W", True),  # (parted at its marks only)
        ("?", "[deleted]", True),
        ("OK", "Jonas Dubois", False),
        ("jd", "Jonas Dubois", False),  # (avatars print capitals)
        ("JDX", "Jonas Dubois", False),
    ],
)
def test_initials_are_the_first_letters_of_the_names_words(line, name, initials):
    assert is_initials_of(line, name) is initials


def test_a_handle_of_digits_beside_a_compact_age_heads_its_comment():
    h = read_header("3917460 · 1d")
    assert (h.kind, h.author, h.posted_raw) == ("name_date", "3917460", "1d")
    # (a like count beside the age in a row of actions still only dates the comment above it)
    assert read_header("Like · Reply · 12 · 3y").kind == "date"


def test_a_handle_of_digits_under_its_avatars_alt_text_heads_its_comment():
    page = POST + (
        "3 Comments\n\n"
        "Avatar for Rosa Walsh\nRosa Walsh\n16h\nFinally. That car park floods every winter anyway.\nLike (5)  Reply  Share\n\n"
        "Avatar for 3917460\n3917460\n16h\nHousing is better than tarmac. Good call for once.\nLike (2)  Reply  Share\n\n"
        "Avatar for Keiko Brandt\nKeiko Brandt\n15h\nAnd where do the commuters park now?\nLike  Reply  Share\n"
    )
    comments = split_document(page).comments
    assert [c.text for c in comments] == [
        "Finally. That car park floods every winter anyway.",
        "Housing is better than tarmac. Good call for once.",
        "And where do the commuters park now?",
    ]
    assert _authors(comments) == ["Rosa Walsh", "3917460", "Keiko Brandt"]
