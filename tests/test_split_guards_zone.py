"""The comment zone's cheap readings (Session 26) must say what the readings they stand for say.

Each test reads invented strings with the shortcut and with the slower reading it replaced.
"""

from __future__ import annotations

import itertools
import re

from replyscope.split import anchors, chrome, line_led, patterns
from replyscope.split.lines import next_nonblank, split_lines


def _section_opening_by_hand(s: str) -> int:
    """What section_headers asked of a line's opening before _section_opening kept it per pair."""
    c = s[0]
    if not (c in anchors._SECTION_FIRST or c.isdigit() and c.isdecimal()):
        return anchors._OPENS_NO_SECTION
    if patterns.gate_refuses_pair(patterns.COMMENT_SECTION_LOW, c.lower(), s[1:2].lower()):
        return anchors._OPENS_GATED
    return anchors._OPENS_OPEN


def test_a_section_opening_is_read_as_its_two_characters_were():
    pieces = ["C", "c", "o", "R", "r", "e", "K", "\u212a", "ſ", "ı", "İ", "1", "(", "[", "{", "T", "h", " ", "•", "é", "٣", "Z"]
    seen = set()
    for parts in itertools.product(pieces, repeat=3):
        s = "".join(parts)
        for line in (s, s[:1], s + "omments"):
            seen.add(anchors._section_opening(line))
            assert anchors._section_opening(line) == _section_opening_by_hand(line), repr(line)
    assert seen == {anchors._OPENS_NO_SECTION, anchors._OPENS_GATED, anchors._OPENS_OPEN}


def test_section_headers_still_find_headings_of_every_opening():
    page = (
        "A walk along the old canal.\n\n• Menu\nThe end of the walk\n\n"
        "12 Comments\n\nResponses to this walk\n\nkommentare (4)\n\n"
        "Reviews (2)\n\nTheir thoughts on it\n"
    )
    lines = split_lines(page)
    found = anchors.section_headers(lines, 0)
    assert [lines.text[i] for i in found] == ["12 Comments", "Responses to this walk", "kommentare (4)", "Reviews (2)"]


def test_led_rows_keep_every_line_the_line_reader_reads_as_a_header_or_a_signature():
    lines_of = [
        "Great points here. — Jo Lake (talk) 14:02, 3 March 2024 (UTC)",
        "Great points here. — Jo Lake (Talk) 14:02, 3 March 2024 (UTC)",
        "I agree with this (mostly) -- Jo (contribs) 09:10, 4 May 2023 (UTC)",
        "jo (2:03 PM): anyone around tonight?",
        "ana [14:05]: yes, after dinner",
        "[14:03] jo: hello there all",
        "14:03 <jo> hello there all",
        "Thanks for the tip – rob 3 days ago",
        "Quiet harbour notes (see the map) for the walk",
        "The (old) bridge was closed for the winter season",
        "A word on the ſhore (talk) and more",
        "At 10:30 we left – Mara Lind Mar 3, 2020 at 14:21",
    ]
    page = "\n".join(lines_of) + "\n"
    lines = split_lines(page)
    rows = set(line_led._led_rows(lines, page, 0))
    for i, s in enumerate(lines.text):
        if len(s) >= 8 and line_led._led_line(s) is not None:
            assert i in rows, s
    # (a bracket with no link word after it, and nothing else a reading needs, is not read)
    assert 8 not in rows and 9 not in rows
    # (a line that does not fold like lower is read: with a bracket pair, the link pattern alone says)
    assert 10 in rows


def test_led_rows_leave_out_only_lines_read_as_nothing():
    pieces = ["(", ")", "(talk", "(Blog", ":", "):", "]:", "[", "1", "2:03", " - ", "-", "– ", "Jo", " ", "ſ", "ı"]
    for parts in itertools.product(pieces, repeat=3):
        body = "Words " + "".join(parts) + " end"
        page = body + "\nplain line under it\n" + "".join(reversed(parts)) + " and more words\n"
        lines = split_lines(page)
        rows = set(line_led._led_rows(lines, page, 0))
        for i, s in enumerate(lines.text):
            if i not in rows and len(s) >= 8:
                assert line_led._led_line(s) is None, repr(s)


_ROW_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def test_row_words_are_read_as_the_pattern_reads_them():
    pieces = ["a", "b", "Z", "Q", "R", "e", "CEO", "s", "1", "٣", "３", "²", " ", "·", "é", "É", "ſ", "\u212a", "!", "(", "_"]
    for n in range(0, 5):
        for parts in itertools.product(pieces, repeat=n):
            s = "".join(parts)
            spans = []
            k = 0
            while True:
                start, end = chrome._row_word_at(s, k)
                if start < 0:
                    break
                spans.append((start, end))
                k = end
            assert spans == [m.span() for m in _ROW_WORD.finditer(s)], repr(s)
            first = _ROW_WORD.search(s)
            assert chrome.first_row_word(s) == (first.group() if first else None), repr(s)


def test_an_action_row_is_read_word_by_word():
    assert chrome._action_row("Reply · Share · Report")
    assert chrome._action_row("ReplyDelete")
    assert chrome._action_row("• 12 Likes Reply")
    assert chrome._action_row("Reply (3)")
    assert not chrome._action_row("The walk was long")
    assert not chrome._action_row("Share this with friends!")  # (a word no widget prints, and a "!")
    assert not chrome._action_row("The More")  # (widget words, no action among them)
    assert not chrome._action_row("and the otters too.")


def test_every_bracketed_link_opening_holds_a_link_word():
    # (line_led._may_link_told asks a line with a clock for the link words alone: a line holding
    # one of the bracketed form's openings holds a word, so asking the openings too changed nothing)
    assert line_led._LINK_WORDS_LOW
    for opening in line_led._LINK_OPENINGS_LOW:
        assert any(word in opening for word in line_led._LINK_WORDS_LOW), opening
    assert line_led._may_link("Fine by me. Jo Lake (Talk) 14:02, 3 March 2024 (UTC)")
    assert line_led._may_link("Fine by me. Jo Lake talk 14:02, 3 March 2024")
    assert not line_led._may_link("We met at 14:02 (after lunch) by the harbour")


def test_lines_with_text_are_counted_as_the_slice_counted_them():
    from replyscope.split import comment_text

    text = ["Jo Lake", "", "First line of words", "", "", "Reply", "more words", "", "Ann"]
    lines = split_lines("\n".join(text) + "\n")
    assert lines.text == text
    for lo in range(len(text) + 2):
        for hi in range(0, len(text) + 3):
            # (comments._spans_below counts a span's lines with text by Lines.nonblank_between)
            assert lines.nonblank_between(lo, hi) == sum(map(bool, text[lo:hi])), (lo, hi)
    for first, last in itertools.combinations(range(len(text)), 2):
        for body in ([first, last], list(range(first, last + 1)), [k for k in range(first, last + 1) if text[k]]):
            if body and body[0] == first and body[-1] == last:
                expect = len(body) == last - first + 1 or sum(map(bool, text[first : last + 1])) == len(body)
                assert comment_text._only_text_between(text, body) == expect, body


def test_outline_and_level_numbers_are_read_as_their_patterns_read_them():
    from replyscope.split import threading

    pieces = ["1", "12", ".", ")", "#", " ", "\t", "\u2003", "٣", "²", "•", "Jo", "level", "LEVEL", "Level", " 2", "x", "\n"]
    for parts in itertools.product(pieces, repeat=4):
        s = "".join(parts)
        m = threading.OUTLINE_NUMBER.match(s)
        assert threading.outline_number(s) == (tuple(int(p) for p in m[1].split(".")) if m else None), repr(s)
        m = threading.LEVEL_LINE.match(s)
        assert threading.level_number(s) == (int(m[1]) if m else None), repr(s)
    assert threading.outline_number("2.1. Jo Lake said:") == (2, 1)
    assert threading.outline_number("• 3. Jo Lake") is None
    assert threading.level_number("level 3") == 3
    assert threading.level_number("Level 3 ") == 3
    assert threading.level_number("level 3 of the stairs") is None


def test_a_reply_target_is_cut_as_the_pattern_cuts_it():
    from re import _parser as sre_parse

    # (every character of the arrows' class is past ASCII: without_reply_target's code-point reading
    # hands any line holding one to sre)
    parsed = sre_parse.parse(anchors.REPLY_TARGET.pattern)
    arrows = [av for op, av in parsed.data[0][1][1][0].data if op is sre_parse.IN][0]
    assert arrows and all(code >= 128 for _, code in arrows)
    pieces = ["Jo", " ", "  ", "\t", "\xa0", "→", "⇢", "Lake", "é", "\x1f", "-", "2"]
    for parts in itertools.product(pieces, repeat=4):
        s = "".join(parts)
        assert anchors.without_reply_target(s) == anchors.REPLY_TARGET.sub("", s), repr(s)
    assert anchors.without_reply_target("Derek P → Hannah Cole") == "Derek P"
    assert anchors.without_reply_target("Derek P  Hannah Cole") == "Derek P"
    assert anchors.without_reply_target("Derek P") == "Derek P"


def test_subject_and_echo_lines_are_read_as_their_patterns_read_them():
    from replyscope.split import comment_text
    from replyscope.split.patterns import RE_SUBJECT

    pieces = ["Re", "re", "RE", ":", " ", "x", "(no subject)", "(NO SUBJECT)", "İ", "ſ", "(", ")", "no", "subject"]
    for parts in itertools.product(pieces, repeat=3):
        s = "".join(parts)
        assert comment_text._marked_subject(s) == (RE_SUBJECT.match(s) is not None or s.lower() == "(no subject)"), repr(s)
    said = ["Rain again on the allotment and the beans are late", "and the peas too"]
    for label in ("dunewalker", "d" * 40, "d" * 41, "dune walker", "dune:walker", ""):
        for sep in (": ", ":", " : ", ":\t"):
            for words in ("Rain again on the", "Rain again on the allotm", "Snow again", ""):
                s = label + sep + words
                m = comment_text._ECHO.fullmatch(s)
                got = comment_text._echo_label(s, said, [0, 1], 1)
                assert m is not None or got is None, repr(s)
                if m is None:
                    continue
    assert comment_text._echo_label("dunewalker: Rain again on the allotm", said, [0, 1], 1) == "dunewalker"
    assert comment_text._echo_label("dune walker: Rain again on the", said, [0, 1], 1) is None


def test_a_labelled_by_line_holds_its_colon():
    for s in ("Posted by: wrenfield", "posted  by :wrenfield", "Written by wrenfield", "SIGNED BY: Quilla", "By Quilla Marr", "Submitted by:", "ſigned by: wrenfield"):
        page = s + "\nCity: Leeds\nComments: a walk\n"
        lines = split_lines(page)
        expect = anchors._LABELLED_BY.match(lines.core[0]) is not None and (
            anchors.is_field_line(lines.core[1]) or anchors.opens_words_field(lines.core[1])
        )
        assert anchors._labelled_by_over_fields(lines, 0) == expect, s
    assert anchors._labelled_by_over_fields(split_lines("Posted by: wrenfield\nCity: Leeds\n"), 0)


def test_a_short_mark_on_top_is_read_from_the_spans_first_lines():
    import random

    from replyscope.split import comments
    from replyscope.split.comments import Comment

    def by_hand(lines, span, c, roles):
        # (what _short_mark_on_top read before: the span's first line with text out of the words)
        text = lines.text
        lo, hi = span
        body = set(c.body_lines)
        j = next((j for j in range(lo, hi) if text[j] and j not in body), -1)
        first = next_nonblank(lines, lo - 1, hi - lo) if lo > 0 else None
        top = j >= 0 and (j == first or first is not None and j == first + 1 and len(text[first]) <= comments.MARK_SUBJECT_CHARS and first in c.body_lines)
        return top and roles.get(j) == "comment_chrome" and anchors.is_short_mark(text[j])

    rng = random.Random(7)
    pool = ["", "", "+1", "Reply", "Jo Lake", "a reader's words on the ferry times", "100%", "Re: the ferry", "x" * 90]
    took = 0
    for _ in range(20000):
        n = rng.randint(1, 9)
        lines = split_lines("\n".join(rng.choice(pool) for _ in range(n)) + "\n")
        lo, hi = rng.randint(0, n), rng.randint(0, n)
        body = rng.sample(range(n), rng.randint(0, min(n, 3)))
        roles = {j: rng.choice(["comment_chrome", "comment_body"]) for j in range(n)}
        c = Comment(header_lines=[], body_lines=body, author="", posted_raw="")
        got = comments._short_mark_on_top(lines, (lo, hi), c, roles)
        assert got == by_hand(lines, (lo, hi), c, roles), (lines.text, lo, hi, body)
        took += got
    assert took > 100


# ------------------------------------------ Session 27: the window above the lead run read again


def test_the_window_is_read_again_only_for_a_run_of_one_format_reaching_its_top():
    # (comments._tail_of_thread: a thread cut by the window's top leaves a run of headers of one
    # format reaching that edge; a lone header there, or headers of several formats one each, cut
    # no run, and the page is not read a second time for them)
    from replyscope.split import comments, headers
    from replyscope.split.anchors import Anchor

    def at(first: int, family: str) -> Anchor:
        return Anchor(first, first, headers.CommentHeader("name_date", "Jo Lake", "3 days ago"), family, 0)

    floor = 100
    run = [at(floor + 14 * k + 10, "date+name") for k in range(6)]
    assert comments._tail_of_thread(run, [], floor)
    assert comments._tail_of_thread([at(floor + 5, "name_date"), *run], [], floor)  # (a stray header over the run)
    assert not comments._tail_of_thread(run, run, floor)  # (a thread was chosen)
    assert not comments._tail_of_thread([at(floor + 2, "bullet")], [], floor)  # (one header near the top)
    assert not comments._tail_of_thread([at(floor + 2, "bullet"), at(floor + 9, "by"), at(floor + 60, "bare")], [], floor)
    # (a run whose first header sits further under the top than its own spacing and the edge)
    assert not comments._tail_of_thread([at(floor + 40, "date+name"), at(floor + 50, "date+name")], [], floor)


def test_the_section_opening_of_ascii_pairs_is_read_as_the_pair_of_characters_is():
    # (anchors._section_opening keeps the verdicts of ASCII pairs by code point in a list: each is
    # the verdict of the pair read afresh, for every pair and a line of one character, whatever
    # the line holds past them; a pair past ASCII goes through the dict as before)
    for first in range(128):
        for second in [""] + [chr(c) for c in range(128)]:
            s = chr(first) + second
            for line in (s, s + " Comments", s + "x" * 30):
                assert anchors._section_opening(line) == anchors._section_opening_of(line), repr(line)
    for line in ("Ré", "ſ comments", "\u212aommentare", "é1", "9\u00e9", "K\u0131"):
        assert anchors._section_opening(line) == anchors._section_opening_of(line), line
    assert anchors._section_opening("12 Comments") == anchors._OPENS_OPEN
    assert anchors._section_opening("Xylophone") == anchors._OPENS_NO_SECTION
