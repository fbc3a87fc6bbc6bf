"""Cheap checks that let the splitter skip a dear pattern must never change what it finds.

Each test reads lines with the guard and with the guard made to pass everything: the results
must be the same.
"""

from __future__ import annotations

import itertools
import re

from replyscope.split import body, headers

# the units _COMPACT_AGE reads, in both cases, with and without the dot and the space
_UNITS = ["mo", "mos", "yr", "yrs", "y", "wk", "wks", "w", "d", "hr", "hrs", "h", "min", "mins", "m", "s"]
_AGES = [f"{n}{space}{unit}{dot}" for n, space, unit, dot in itertools.product(("3", "12"), ("", " "), _UNITS + [u.upper() for u in _UNITS], ("", "."))]
_NAMES = ["", "Jo Lake · ", "Ana | ", "Lu Top Commenter → Jo • ", "Jo - ", "Mara — "]
_AFTER = ["", " • Reply", " · 35 people liked this", " | Like (31)", " • 👍 54", " · 2 replies", " Reply", " ago"]


def _lines() -> list[str]:
    lines = [f"{name}{age}{after}" for name, age, after in itertools.product(_NAMES, _AGES, _AFTER)]
    # dated lines that are no compact age, with the same joiners
    lines += ["Jo | March 3, 2014 6:05 pm | Reply", "Tom Reeve — March 3rd, 2014, 6:05 pm", "3D printing · 12 • Reply", "Page 2 | 10"]
    return lines


def test_compact_age_guard_keeps_every_age(monkeypatch):
    lines = _lines()
    guarded = [headers._compact_age(s, s.lower(), True) for s in lines]
    assert sum(h is not None for h in guarded) > len(lines) // 4  # (the lines do hold ages)
    # (the guard's lower twin, asked of the lines lower-cased, lets through what the guard does)
    assert [headers._compact_age(s, s.lower(), False) for s in lines] == guarded
    monkeypatch.setattr(headers, "_AGE_BEFORE_CUT", re.compile(""))  # every line goes to the patterns
    monkeypatch.setattr(headers, "_AGE_BEFORE_CUT_LOW", re.compile(""))
    assert [headers._compact_age(s, s.lower(), False) for s in lines] == guarded
    assert [headers._compact_age(s, s.lower(), True) for s in lines] == guarded


def test_the_tally_read_digit_first_finds_what_its_boundary_form_finds():
    boundary = re.compile(r"(?i)\b\d+\s+(?:comments?|responses?|replies)\b")
    pieces = ["12", "x12", "_3", "\u0663", " ", "Comments", "replies", "RESPONSE", "responses", "\u00e94", "\t", "-"]
    found = 0
    for n in range(5):
        for parts in itertools.product(pieces, repeat=n):
            s = "".join(parts)
            want, got = boundary.search(s), body._TALLY_IN.search(s)
            assert (got and got.span()) == (want and want.span()), repr(s)
            found += want is not None
    assert found > 100  # (the strings do hold tallies)



def test_the_title_words_read_line_by_line_keep_the_whole_texts_verdict():
    # _retitle_by_text's title test, read as far as it needs, against the share of the title's
    # words in the whole text's (a title of more than 100 words needs two of them in the text)
    title_words = [
        frozenset(),
        frozenset({"harbour"}),
        frozenset({"harbour", "ferries", "winter"}),
        frozenset(("wrd" + a + b for a, b in itertools.product("abcdefghijklm", repeat=2))),  # (169 words)
    ]
    texts = [
        [],
        ["The crossing stays open through March."],
        ["Nothing said here about boats.", "The ferries keep running in winter, the harbour master says."],
        ["wrdaa and other things.", "Still more talk here.", "Then wrdab at last."],
        ["wrdaa alone was said."],
        ["Harbour lights.", "HARBOUR", "harbour harbour"],
    ]
    for words in title_words:
        for body_lines in texts:
            whole: set[str] = set().union(*map(body._content_words, body_lines))
            want = bool(words) and len(words & whole) / len(words) >= body.KEEP_SHARE
            assert body._words_repeated(words, body_lines) == want, (sorted(words)[:3], body_lines)