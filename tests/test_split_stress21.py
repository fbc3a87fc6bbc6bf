"""Replies whose words the talk test cannot read, and wiki signatures that swallow a reply.

Session 21 (reply_stress: "lone-name", "other-lang"): a small thread lost whole when one or two
of its replies were a name alone or written in another language (neither shows the English words
of talk, and the thread fell under the talk-share bar), and a talk page's reply of a name alone,
signed right after it, read as one long name with no words. Every page and string here is
invented for these tests.
"""

from __future__ import annotations

import pytest

from replyscope.split import split_document
from replyscope.split.line_led import end_signature, words_before_name
from replyscope.split.talk import in_other_language, is_lone_name

POST = (
    "Ferry timetable to change in spring\n\n"
    "By harbourdesk | 3 March 2021\n\n"
    "The harbour office says the early crossing will move to half past six from April.\n\n"
)


def _bullets(replies: list[tuple[str, str]]) -> str:
    """A Disqus-style thread: a bulleted name, the reply indented under it; no section header, no dates."""
    return POST + "".join(f"  • {name}\n\n    {text}\n\n" for name, text in replies)


def _comments(page: str) -> list[tuple[str, str]]:
    return [(c.author, c.text) for c in split_document(page).comments]


# ------------------------------------------------------------------------- words in another language


@pytest.mark.parametrize(
    "line",
    [
        "Это вообще не так, перечитайте заметку.",
        "Τίποτα από αυτά δεν ισχύει πια.",
        "この計画はうまくいかないと思う。",
        "Hiç katılmıyorum, kaynak gösterin lütfen.",
        "Nie wierzę w ani jedno słowo.",
    ],
)
def test_a_line_in_another_script_or_without_english_grammar_is_another_language(line):
    assert in_other_language(line)


@pytest.mark.parametrize("line", ["I had a lovely café au lait there.", "Source?", "Budget cuts hit rural schools", "Zoë Lund", "🙄"])
def test_english_lines_names_and_symbols_are_not_another_language(line):
    assert not in_other_language(line)


def test_a_small_thread_with_replies_in_other_languages_is_read():
    page = _bullets(
        [
            ("quaymaster", "Это вообще не так, перечитайте заметку."),
            ("ferry_fan88", "@quaymaster did you even read the notice? it says weekdays only"),
            ("Nell_Arden", "Hiç katılmıyorum, kaynak gösterin lütfen."),
            ("tidewatch", "The notice has been on the harbour office door since Monday."),
        ]
    )
    # (one of the two English replies talks: half of what can be read, a quarter of all four)
    assert [a for a, _ in _comments(page)] == ["quaymaster", "ferry_fan88", "Nell_Arden", "tidewatch"]


def test_a_list_written_in_another_language_throughout_is_still_no_thread():
    # (every window unread: the list is judged on them all, as before, and nothing in it talks)
    page = _bullets(
        [
            ("Новости", "Расписание паромов на весну"),
            ("Погода", "Прогноз на выходные для побережья"),
            ("Спорт", "Итоги регаты в заливе"),
            ("Культура", "Выставка в старом маяке"),
        ]
    )
    assert _comments(page) == []


# ----------------------------------------------------------------------------------- a name alone


@pytest.mark.parametrize("line", ["Mara Quell", "J. Hollin", "Birch", "kettle_drum", "dunewalker"])
def test_a_name_alone(line):
    assert is_lone_name(line)


@pytest.mark.parametrize("line", ["Source?", "Mara Quell said it first.", "The Four Quiet Harbours Of The North", "lol no", "+1"])
def test_words_are_no_name_alone(line):
    assert not is_lone_name(line)


def test_a_small_thread_with_a_reply_of_a_name_alone_is_read():
    page = _bullets(
        [
            ("quaymaster", "The crews kept the crossing running through the whole storm."),
            ("ferry_fan88", "Wendel Orrin"),
            ("tidewatch", "@harbourdesk that leaves the night shift with no boat home at all"),
        ]
    )
    # (one of the two replies with words talks: half of what can be read, a third of all three)
    assert [t for _, t in _comments(page)] == [
        "The crews kept the crossing running through the whole storm.",
        "Wendel Orrin",
        "@harbourdesk that leaves the night shift with no boat home at all",
    ]


def test_a_list_of_names_under_names_is_still_no_thread():
    # (most of its windows a name alone: judged on them all, as before)
    page = _bullets(
        [
            ("Captain", "Wendel Orrin"),
            ("First mate", "Halla Brisk"),
            ("Engineer", "Tobin Marsh"),
            ("Deckhand", "Ivo Lantern"),
            ("Cook", "What a crew, I would sail with them any day!"),
        ]
    )
    assert _comments(page) == []


# --------------------------------------------------------------------- a wiki signature's long name


TALK = (
    "Talk: Harbour ferry timetable\n\n"
    "== Early crossing ==\n\n"
    "The new early crossing clashes with the first bus from the valley. Ivo Lantern (talk) 08:12, 4 March 2021 (UTC)\n"
    ":Surely the bus company can move theirs by ten minutes? Halla Brisk (talk · contribs) 08:40, 4 March 2021 (UTC)\n\n"
    "== Who decided ==\n\n"
    "{reply}\n\n"
    "Does anybody know who signed the change off? Tobin Marsh (talk) 10:02, 4 March 2021 (UTC)\n"
)


@pytest.mark.parametrize(
    ("line", "words", "name"),
    [
        ("Wendel Orrin Nessa Fairweather (talk) 09:15, 4 March 2021 (UTC)", "Wendel Orrin", "Nessa Fairweather"),
        ("Orrin Halla P. Brisk (talk | contribs) 09:15, 4 March 2021 (UTC) Reply", "Orrin Halla", "P. Brisk"),
        ("Wendel QUAYWATCHER (talk · contribs) 09:15, 4 March 2021 (UTC)", "Wendel", "QUAYWATCHER"),
    ],
)
def test_a_reply_of_a_name_alone_signed_after_it_keeps_its_words(line, words, name):
    texts = {a: t for a, t in _comments(TALK.format(reply=line))}
    assert texts.get(name) == words


def test_a_signature_with_words_over_it_keeps_its_whole_name():
    page = TALK.format(reply="The harbour board did, at its February meeting.\nNessa Jane Fairweather (talk) 09:15, 4 March 2021 (UTC)")
    texts = {a: t for a, t in _comments(page)}
    assert texts.get("Nessa Jane Fairweather") == "The harbour board did, at its February meeting."


def test_words_before_name_reads_a_shorter_name_only_of_a_long_one():
    line = "Wendel Orrin Nessa Fairweather (talk) 09:15, 4 March 2021 (UTC)"
    sig = end_signature(line)
    assert sig is not None and sig[0] == len(line) and sig[1] == "Wendel Orrin Nessa Fairweather"
    cut, name = words_before_name(line, sig[1])
    assert name == "Nessa Fairweather" and line[: len(line) - cut].strip() == "Wendel Orrin"
    assert words_before_name("Fairweather (talk) 09:15, 4 March 2021 (UTC)", "Fairweather") is None


# ------------------------------------------------------------------ a count alone beside a marker


def _says(middle: list[str], score: bool = False) -> str:
    """A "Name says:" thread of four comments; the second holds `middle`'s lines. With `score`,
    every comment prints a score line "+N" under its words (the template's, not a reply)."""
    words = [
        ["Half past six is far too early for anyone coming from the valley villages."],
        middle,
        ["The weekday-only evening boat is the real problem for the night shift."],
        ["They did the same thing four years ago and reversed it after one summer."],
    ]
    names = ["Mara Quell", "Tobias Wren", "Ilse Marrow", "Otto Fenn"]
    out = POST + "4 Responses\n\n"
    for k, (name, lines) in enumerate(zip(names, words)):
        out += f"{name} says:\nMarch 3, 2021 at {9 + k}:12 am\n" + "\n".join(lines) + "\n\n"
        out += (f"+{12 + k}\n\n" if score else "") + "Reply\n\n"
    return out + "Leave a Reply\n"


@pytest.mark.parametrize(
    "middle",
    [["Edited", "", "+1"], ["In reply to Mara Quell.", "+100"], ["Edited", "+1", "7 people found this helpful"], ["Re: Half past six is far too early for", "+1"]],
)
def test_a_count_alone_beside_a_widgets_marker_is_the_reply(middle):
    texts = {a: t for a, t in _comments(_says(middle))}
    assert texts.get("Tobias Wren") == [s for s in middle if s[:1] == "+"][0]


def test_a_short_reply_over_a_score_every_comment_prints_keeps_its_words():
    texts = {a: t for a, t in _comments(_says(["Nice boat"], score=True))}
    assert texts.get("Tobias Wren") == "Nice boat"


def test_a_short_reply_over_a_score_only_it_prints_keeps_its_words():
    # (a reader's short words are no widget's marker, whatever count stands under them)
    texts = {a: t for a, t in _comments(_says(["ty", "", "+29"]))}
    assert texts.get("Tobias Wren", "").startswith("ty")


def test_a_reply_opening_on_re_and_a_long_quote_over_a_score_keeps_its_words():
    line = "re: the early crossing will move to half past six from April, which nobody asked for"
    texts = {a: t for a, t in _comments(_says([line, "", "+31"]))}
    assert texts.get("Tobias Wren", "").startswith("re: the early crossing")


def test_a_reply_of_a_sign_and_a_word_before_a_handles_signature_keeps_the_word():
    sig = end_signature("^ this quay_watch (talk · contribs) 09:15, 4 March 2021 (UTC)")
    assert sig is not None and sig[1] == "quay_watch"
    # (symbols alone before a capitalised name of several words: all of them the name's, as before)
    assert end_signature("👍 Quiet harbour watcher (talk) 09:41, 4 March 2021 (UTC)")[1] == "Quiet harbour watcher"


@pytest.mark.parametrize("word", ["Report", "Share"])
def test_a_reply_of_one_widget_word_over_a_score_only_it_prints_keeps_the_word(word):
    texts = {a: t for a, t in _comments(_says([word, "", "+57"]))}
    assert texts.get("Tobias Wren", "").startswith(word)


def test_a_removed_comments_mark_over_a_score_only_it_prints_stays_the_comment():
    texts = {a: t for a, t in _comments(_says(["[comment deleted]", "", "+18"]))}
    assert texts.get("Tobias Wren") == "[comment deleted]"
