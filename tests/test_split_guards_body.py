"""Guards of body.py's exact shortcuts: each is checked against the reading it stands in for, on
invented lines and their case, long s, dotless i, dotted I and Kelvin sign variants."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from replyscope.split import body, patterns
from replyscope.split.patterns import BULLET_CHARS, BULLETS


def _variants(s: str) -> Iterator[str]:
    yield s
    yield s.upper()
    yield s.title()
    yield s.lower()
    yield s.replace("s", "\u017f")  # long s: IGNORECASE reads it as "s", str.lower keeps it
    yield s.replace("i", "\u0131")  # dotless i
    yield s.replace("i", "\u0130")  # dotted I: lower-cases to two characters
    yield s.replace("k", "\u212a")  # Kelvin sign


def test_a_bullet_told_by_code_point_is_a_bullet_of_the_set():
    for code in range(0x3000):
        ch = chr(code)
        assert body.opens_with_bullet(ch + " Gulls nest on the pier") == (ch in BULLETS), code
    for ch in BULLET_CHARS:
        assert body.opens_with_bullet(ch)
    assert not body.opens_with_bullet("Gulls")
    assert not body.opens_with_bullet("\u201cGulls\u201d")


def test_closing_lines_refused_by_the_twins_gate_are_those_the_pattern_refuses():
    # (closes_article asks ARTICLE_END's lower twin behind the refusal of its openings on lines that
    # fold like lower: it must answer as the IGNORECASE pattern on the line stripped of its bullets)
    # (the openings the gate reads from the pattern, each cut short by a character and whole, and a few lines of its own)
    prefixes = [p for ps in patterns.letter_prefixes(patterns.lower_twin(body.ARTICLE_END)).values() for p in ps]
    assert len(prefixes) > 10
    heads = [p[:-1] for p in prefixes] + [p.title() for p in prefixes] + [
        "share this", "More from", "tags:", "filed under", "also on", "Sharing", "shares", "tagsoup", "morel",
        "Gulls nest", "", "12 comments", "\u00abolder"]
    tails = ["", " the pier", ":", " \u2014 ferries", "s", "\u2026", " posts", " stories", " like"]
    leads = ["", "\u2022 ", "* ", "  \u25aa "]
    seen = matched = 0
    for head, tail, lead in itertools.product(heads, tails, leads):
        for s in _variants(lead + head + tail):
            if not s.strip():
                continue
            want = body.ARTICLE_END.match(s.lstrip(BULLET_CHARS + " ")) is not None
            assert body._closes_article_uncached(s) == want, repr(s)
            seen += 1
            matched += want
    assert seen > 2000 and matched > 200
    assert body.closes_article("\u2022 Share this story")
    assert not body.closes_article("Gulls nest on the pier again this spring.")


def test_an_opening_gate_refuses_only_openings_no_form_of_the_pattern_may_start_with():
    # (OpeningGate reads, from the parse, the characters a match may open with: every refusal must
    # be one the twin itself gives, whatever follows the first character)
    import re

    from replyscope.split.patterns import FORM_OR_SECTION_LOW, FURNITURE_LOW, OPENING_SCOPE, OpeningGate

    tails = ["", " comments", "comments", "2 replies", "read more: gulls", "---", "\u2022\u2022\u2022", " share",
             "\u00a9 2021 the pier", "(4) comments", "\u00ab older comments", "[3 comments]", "gulls nest on the pier"]
    for twin in (FORM_OR_SECTION_LOW.twin, FURNITURE_LOW.twin, re.compile(r"^(?:\d+ gulls|[\u2022*] pier)$"), re.compile(r"^x?\s*$")):
        gate = OpeningGate(twin)
        refused = 0
        for code in range(OPENING_SCOPE + 40):
            for tail in tails:
                low = (chr(code) + tail).lower()
                if gate.refuses(low):
                    refused += 1
                    assert twin.match(low) is None, (twin.pattern[:40], repr(low))
        # (a pattern that may match an empty text leaves every opening to it)
        assert refused == 0 if twin.pattern == r"^x?\s*$" else refused > 1000
    assert body._FORM_OPENINGS.refuses("\u2022 gulls nest on the pier")
    assert not body._FORM_OPENINGS.refuses("12 comments")
    assert body._FURNITURE_OPENINGS.refuses("\u201cgulls nest on the pier,\u201d she said.")
    assert not body._FURNITURE_OPENINGS.refuses("\u00a9 2021 the pier")
    assert body.is_comment_marker("12 Comments") and not body.is_comment_marker("\u2022 12 Comments on gulls")


def test_a_glued_pair_read_by_code_points_is_the_patterns_pair():
    # (_glued stands in for _GLUED_PAIR.search: a small ASCII letter or a "!" right before an ASCII capital)
    pieces = ["a", "Z", "z", "!", "A", "@", "`", "[", "{", "\u212a", "\u0130", "\u00e9", "\u00c9", " ", "1", "Share", "Pin It!"]
    seen = glued = 0
    for n in range(4):
        for parts in itertools.product(pieces, repeat=n):
            s = "".join(parts)
            want = body._GLUED_PAIR.search(s) is not None
            assert body._glued(s) == want, repr(s)
            seen += 1
            glued += want
    assert seen > 5000 and glued > 500
    assert body._glued("Email ThisShare to Facebook") and not body._glued("Email This Share to Facebook")


def test_the_button_words_read_by_code_points_are_the_patterns_words():
    # (_button_words stands in for _BUTTON_WORD.findall: "+1", else runs of \w, "'", "’" or "-")
    pieces = ["+", "1", "+1", "a", "Z", "_", "'", "\u2019", "-", " ", "\u00e9", "\u0660", "\u00b2", "\u2166", "\u00bd",
              "!", "\u212a", "\u0130", "\u2018", "\u3042", "\u0301", "\U0001d7d8"]
    seen = 0
    for n in range(4):
        for parts in itertools.product(pieces, repeat=n):
            s = "".join(parts)
            assert body._button_words(s) == body._BUTTON_WORD.findall(s), repr(s)
            seen += 1
    assert seen > 10000
    assert body._button_words("share it’s e-mail +12 pin_it") == ["share", "it’s", "e-mail", "+1", "2", "pin_it"]


def test_the_letter_runs_read_by_code_points_are_the_patterns_words():
    # (_letter_runs stands in for _WORD_ANY.findall, and its runs of four or more for _WORD.findall:
    # letters are the characters str.isalnum holds for and str.isdecimal does not, "_" none)
    pieces = ["a", "Z", "_", "1", "\u00b2", "\u0660", "\u2166", "\u00bd", "\u00e9", " ", "\u2019", "-", "\u0301",
              "\u3042", "\U0001d7d8", "\u212a", "\u0130", "gull"]
    seen = 0
    for n in range(4):
        for parts in itertools.product(pieces, repeat=n):
            s = "".join(parts)
            runs = body._letter_runs(s)
            assert runs == body._WORD_ANY.findall(s), repr(s)
            assert [w for w in runs if len(w) >= 4] == body._WORD.findall(s), repr(s)
            seen += 1
    assert seen > 5000
    assert body._letter_runs("Gulls\u00b2 nest_on 3 piers") == ["Gulls\u00b2", "nest", "on", "piers"]


def test_a_pager_link_is_told_by_its_guillemets_code_points():
    # (is_boilerplate_line tells "« Older posts" and "Newer posts »" by the guillemets' code points:
    # a guillemet glued to a word is a quotation's, and other characters at the line's edges are not
    # guillemets, however close their code points)
    assert body._LEFT_GUILLEMET == ord("«") and body._RIGHT_GUILLEMET == ord("»")
    assert body.is_boilerplate_line("« Older harbour notes")
    assert body.is_boilerplate_line("Newer harbour notes »")
    assert body.is_boilerplate_line("«")
    assert not body.is_boilerplate_line("«Calm seas» was all the skipper wrote in her log today.")
    assert not body.is_boilerplate_line("The skipper wrote only one line in her log: «calm seas»")
    for edge in "‹›<>ª¬¯":
        assert not body.is_boilerplate_line(f"{edge} The ferry left the quay at dawn with nine cars on board.")
        assert not body.is_boilerplate_line(f"The ferry left the quay at dawn with nine cars on board {edge}")


def test_the_article_s_end_is_asked_of_lines_opening_as_its_pattern_can():
    # (_prose_clusters asks closes_article of a line whose first character's code point is among
    # those of _END_FIRST: the same characters)
    assert body._END_FIRST_CODES == frozenset(ord(c) for c in body._END_FIRST)
    assert ord("•") in body._END_FIRST_CODES and ord("s") in body._END_FIRST_CODES
