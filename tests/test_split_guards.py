"""Cheap checks that let the splitter skip a dear pattern must never change what it finds.

Each test reads lines with the guard and with the guard made to pass everything: the results
must be the same.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from replyscope.split import body, cards, choose, headers, line_led, patterns, places, talk
from replyscope.split import lines as lines_module
from replyscope.split.lines import split_lines

# the units _COMPACT_AGE reads, in both cases, with and without the dot and the space
_UNITS = ["mo", "mos", "yr", "yrs", "y", "wk", "wks", "w", "d", "hr", "hrs", "h", "min", "mins", "m", "s"]
_AGES = [f"{n}{space}{unit}{dot}" for n, space, unit, dot in itertools.product(("3", "12"), ("", " "), _UNITS + [u.upper() for u in _UNITS], ("", "."))]
_NAMES = ["", "Jo Lake · ", "Ana | ", "Lu Top Commenter → Jo • ", "Jo - ", "Mara — "]
_AFTER = ["", " • Reply", " · 35 people liked this", " | Like (31)", " • 👍 54", " · 2 replies", " Reply", " ago"]


def _strings_of(pieces: list[str], longest: int, shortest: int = 1) -> Iterator[str]:
    """Every string of `shortest` to `longest` pieces joined, in a fixed order: the exhaustive
    inputs the gate tests read."""
    for n in range(shortest, longest + 1):
        for parts in itertools.product(pieces, repeat=n):
            yield "".join(parts)


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
    for s in _strings_of(pieces, 4, shortest=0):
        want, got = boundary.search(s), body._TALLY_IN.search(s)
        assert (got and got.span()) == (want and want.span()), repr(s)
        found += want is not None
    assert found > 100  # (the strings do hold tallies)


def test_the_glued_age_gate_lets_through_every_line_the_age_reader_reads():
    # (names, then ages in every unit and case, with digits of other scripts, and lines that end
    # as ages do without one: the gate may turn away only lines the reader's pattern refuses)
    digits = ["3", "12", "100", "\u0663", "\uff13", "1\u0662"]
    names = ["jo", "Carla Adler", "4830962", "Room", "Jo  Lake", "jo\u00a0Lake", "caf\u00e9_reader"]
    units = _UNITS + [u.upper() for u in _UNITS] + ["mo.", "mins.", "MINS.", "min\u017f", "hr\u017f"]
    lines = [f"{name}{space}{n}{gap}{unit}" for name, space, n, gap, unit in itertools.product(names, (" ", "  ", "\t"), digits, ("", " ", "\u2009"), units)]
    lines += ["Plan ahead", "Cards 12 of them", "We met at 3 and walked home.", "3 d", "x" * 69 + "3d", "x" * 70 + "3d", "", "h", "Jo 12345d", "Jo 1234 mins"]
    read = 0
    for s in lines:
        pattern_reads = len(s) <= 70 and s[-1:] in headers._AGE_LAST and headers._NAME_SPACE_AGE.match(s) is not None
        if pattern_reads:
            read += 1
            assert headers.may_end_in_age(s), repr(s)
        if not headers.may_end_in_age(s):
            assert headers.read_glued_age(s) is None, repr(s)
    assert read > len(lines) // 2  # (the lines do hold ages)
    # (and it turns away lines of words that merely end as an age's unit does)
    assert not any(headers.may_end_in_age(s) for s in ["Thanks for the read", "Good job", "He said so.", "Room 5 is free, I guess"])


def test_the_title_words_read_line_by_line_keep_the_whole_texts_verdict():
    # _retitle_by_text's title test, read as far as it needs, against the share of the title's
    # words in the whole text's (a title of more than 100 words needs two of them in the text)
    title_words = [
        frozenset(),
        frozenset({"harbour"}),
        frozenset({"harbour", "ferries", "winter"}),
        frozenset(("wrd" + a + b for a, b in itertools.product("Qwertyuiopzxv", repeat=2))),  # (169 words)
    ]
    texts = [
        [],
        ["The crossing stays open through March."],
        ["Nothing said here about boats.", "The ferries keep running in winter, the harbour master says."],
        ["wrdaa and other things.", "Still more talk here.", "Then wrdab at last."],
        ["wrdaa alone was said."],
        ["Harbour lights.", "HARBOUR", "harbour harbour"],
        ["The harbours were full all winter.", "Ferriesferries"],  # (a title's word inside a longer word)
    ]
    for words in title_words:
        for body_lines in texts:
            whole: set[str] = set().union(*map(body._content_words, body_lines))
            want = bool(words) and len(words & whole) / len(words) >= body.KEEP_SHARE
            assert body._words_repeated(words, body_lines) == want, (sorted(words)[:3], body_lines)


def test_the_place_gate_lets_through_every_line_holding_a_place():
    # (every string of up to five pieces: the gate may turn away only strings the pattern finds no place in)
    pieces = ["12", "\u0663", "1234567", "\u00b2", " ", "\u2009", "  ", "#", "/", "Post", "POST", "po\u017ft", "of", "OF", "x", ","]
    found = 0
    for s in _strings_of(pieces, 5):
        if places._AFTER.search(s) is not None:
            found += 1
            assert places._may_end_in_place(s), repr(s)
    assert found > 1000  # (the strings do hold places)
    assert not any(places._may_end_in_place(s) for s in ["March 3, 2015", "Page 12", "Room 101", "3 / 12x", "12"])


def test_the_link_gate_lets_through_every_line_holding_a_signatures_links():
    # (every string of up to five pieces that passes the gate's bracket test: the link-word part may
    # turn away only strings the pattern finds no links in, dotless i, long s and Kelvin sign included)
    pieces = ["(", ")", "talk", "TALK", "contribs", "E-Mail", "tal\u212a", "blog", "u\u017fer", "\u0131", " ", "\u00b7", "14:02", "Jo"]
    found = 0
    for s in _strings_of(pieces, 5):
        if ("(" in s and ")" in s or "talk " in s) and line_led._LINKS_MID.search(s) is not None:
            found += 1
            assert line_led._may_link(s), repr(s)
    assert found > 50  # (the strings do hold links)
    for s in ["Jo (tal\u212a) 14:02", "Jo (u\u017fer page) 14:02", "J\u0131 (talk) 14:02"]:  # (Kelvin sign, long s, dotless i)
        assert line_led._LINKS_MID.search(s) is not None and line_led._may_link(s), repr(s)
    assert not any(line_led._may_link(s) for s in ["(photo: Jo Lake) 14:02", "Harbour (north side)", "talking it over"])


def test_the_link_gate_asks_for_the_bracket_right_before_a_link_word_or_a_clocks_colon():
    # (the gate's second part: a bracket pair with a link word inside but not right after the
    # bracket, and no colon, holds no links; strings of up to five pieces over both forms)
    pieces = ["(", ")", "(User page", "user page", "Email", "e-mail", "blog", " ", ":", "14:02", "Jo", "a ", "·", "K"]
    found = 0
    for s in _strings_of(pieces, 5):
        if line_led._LINKS_MID.search(s) is not None and ("(" in s and ")" in s or "talk " in s):
            found += 1
            assert line_led._may_link(s), repr(s)
    assert found > 50
    assert line_led._may_link("I read Jo (Email) and agreed")
    assert line_led._may_link("Jo Lake (user page) 14:02, 3 March 2024 (UTC)")
    assert not any(line_led._may_link(s) for s in ["Our user (a blog reader) wrote in", "The talk (on a blog) ran long", "Ask a user (or two) first"])


def test_the_score_gate_lets_through_every_line_the_scored_age_reads():
    # (names, joiners, scores, every score word in several cases with a Kelvin sign, a long s and a
    # dotless i, and ages: the gate may turn away only lines the pattern refuses)
    names = ["jo", "Ana Lake", "4830962", "\u0131o"]
    joins = [" ", " \u00b7 ", " | ", "  \u2022  "]
    scores = ["14", "+3", "\u22121", "1.2k", "0"]
    words = ["points", "point", "Points", "POINTS", "pts", "PTS", "pt", "votes", "Vote", "VOTES", "likes", "like", "LIKES",
             "li\u212ae", "li\u212aes", "po\u0131nts", "pt\u017f", "vote\u017f", "pins", "notes", "ptx"]
    ages = ["2d", "3 h", "5MIN.", "1mo", "12 yrs", "4w"]
    found = 0
    for name, j1, score, word, j2, age in itertools.product(names, joins, scores, words, joins, ages):
        s = f"{name}{j1}{score} {word}{j2}{age}"
        if headers._SCORED_AGE.match(s) is not None:
            found += 1
            assert headers._may_score(s, s.lower()), repr(s)
    assert found > 10000  # (the lines do hold scored ages)
    assert not any(headers._may_score(s, s.lower()) for s in ["Jo Lake 3 replies 2d", "Ana | March 3, 2014 6:05 pm", "12 comments 3h"])


def test_the_links_lower_twin_finds_the_links_the_pattern_finds():
    # (every string of up to five pieces that folds like lower: the same spans, Kelvin sign included)
    pieces = ["(", ")", "talk", "TALK", "Contribs", "E-Mail", "tal\u212a", "blog", "\u00b7", " ", "14:02", "Jo", "\u03a3"]
    found = 0
    for s in _strings_of(pieces, 5):
        assert patterns.folds_like_lower(s)
        want = [m.span() for m in line_led._LINKS_MID.finditer(s)]
        assert [m.span() for m in line_led._LINKS_MID_LOW.finditer(s.lower())] == want, repr(s)
        found += bool(want)
    assert found > 100  # (the strings do hold links)


def test_the_role_and_edited_gates_let_through_every_line_their_patterns_read():
    # (names and stamps, joiners, every role word and edited marker in several cases, with a long s,
    # a dotless i, a dotted I and a Kelvin sign, glued and spaced: the gates may turn away only lines
    # the patterns find nothing at the end of)
    heads = ["jo commented 3 days ago", "Ana \u00b7 2h", "by Jo Lake", "x", ""]
    joins = ["", " ", "  ", " \u00b7 ", " | ", " \u2022 ", "\t"]
    roles = [w for r in headers._ROLE_WORDS for w in (r, r.upper(), r.title())]
    roles += ["\u017ftaff", "adm\u0131n", "ADM\u0130N", "Member)", "members", "op.", "top", "Moderators", "author\u212a"]
    marks = ["(edited)", "(EDITED)", "(Edited)", "edited", "EDITED", "(ed\u0131ted)", "(ed\u0130ted)", "(edited", "edited)", "redacted", "(edit)"]
    found = [0, 0]
    for head, join, tail in itertools.product(heads, joins, roles + marks):
        s = f"{head}{join}{tail}"
        if headers._ROLE_AFTER.search(s) is not None:
            found[0] += 1
            assert headers._may_end_in_role(s), repr(s)
        if headers._EDITED_AFTER.search(s) is not None:
            found[1] += 1
            assert headers._may_end_edited(s), repr(s)
    assert found[0] > 500 and found[1] > 50  # (the lines do end in roles and markers)
    assert not any(headers._may_end_in_role(s) for s in ["Jo Lake said", "Ana replied 3d", "March 3, 2014 at 6:05 pm"])
    assert not any(headers._may_end_edited(s) for s in ["Jo Lake (talk)", "Ana replied", "Ana (3d)"])


def test_the_numeric_date_forms_need_a_dash_a_slash_or_a_dot():
    # (dates._day asks the two numeric forms only of stamps holding one of their separators)
    from replyscope.split import dates

    pieces = ["2014", "12", "3", "-", "/", ".", " ", ":", ",", "March", "6:05", "\u0663", "pm"]
    parted = 0
    for s in _strings_of(pieces, 5):
        found = [p.search(s) for p in (dates.YEAR_MONTH_DAY, dates.NUMERIC_DATE)]
        if not ("-" in s or "/" in s or "." in s):
            assert found == [None, None], repr(s)
        parted += any(m is not None for m in found)
    assert parted > 200  # (the strings do hold numeric dates)
    assert str(dates.parse_posted("3/14/2014 6:05 pm")) == "2014-03-14 18:05:00"
    assert str(dates.parse_posted("March 3, 2014 at 6:05 pm")) == "2014-03-03 18:05:00"


def test_read_headers_end_and_start_gates_let_through_every_line_their_patterns_read():
    # (read_header asks each pattern only of lines its gate passes: a line the pattern reads must pass)
    pieces = ["Jo", " ", "3", "12", "(", ")", "UTC", "CEST+1", "9:05", ":", ".", "@", "Posted", "answered", "mins", "h", "Thurs", ",", "\n", "\u0663", "#", "post", "ſ", "Jo said ", "Tue"]
    asked = [0] * 8
    for s in _strings_of(pieces, 4):
        if headers._ZONE_TAIL.search(s) and s[-1:] == ")":
            asked[0] += 1
            assert headers._may_end_in_zone(s), repr(s)
        if headers._POSTED_AGE.match(s):
            asked[1] += 1
            assert s[:1] in headers._POSTED_FIRST, repr(s)
        if headers._SAID_AGE.match(s) and s[-1:] in headers._AGE_LAST:
            asked[2] += 1
            assert headers._digit_near_end(s, headers._SAID_AGE_TAIL), repr(s)
        if headers.CLOCK_ONLY.match(s):
            asked[3] += 1
            assert len(s) <= headers._CLOCK_CHARS, repr(s)
        if headers._POST_NUMBER.match(s):
            asked[4] += 1
            assert s[-1].isdigit() or s[-1] == "\n", repr(s)
        if headers._CLOCK_LEFT.match(s):
            asked[5] += 1
            assert ":" in s or "." in s, repr(s)
        if headers._WEEKDAY_ALONE.match(s):
            asked[6] += 1
            assert len(s) <= headers._WEEKDAY_CHARS, repr(s)
        if headers._NUMERIC_HANDLE.match(s):
            asked[7] += 1
            assert headers.is_numeric_handle(s), repr(s)
        elif s:
            assert not headers.is_numeric_handle(s), repr(s)
    assert all(n > 0 for n in asked), asked  # (the strings do hold what each pattern reads)
    assert headers.read_header("Jo Lake 14:02, 3 March 2024 (UTC)") is not None
    assert headers.read_header("Posted 7h") is not None


def test_the_date_readers_unpack_each_forms_groups_in_the_patterns_order():
    # (dates._day and dates._clock read a match's groups as one tuple, unpacked by position)
    from replyscope.split import dates

    for forms in (dates._FORMS, dates._FORMS_LOW):
        for name, pattern in zip(forms._fields, forms):
            assert tuple(sorted(pattern.groupindex, key=pattern.groupindex.__getitem__)) == dates._GROUPS_IN_ORDER[name]
            assert pattern.groups == len(dates._GROUPS_IN_ORDER[name])
    assert str(dates.parse_posted("14 March 2014 9pm")) == "2014-03-14 21:00:00"
    assert str(dates.parse_posted("2014 Mar 14, 12:05:09 AM")) == "2014-03-14 00:05:09"
    assert str(dates.parse_posted("3 de marzo de 2021")) == "2021-03-03 00:00:00"


def test_the_clock_readers_need_a_colon_or_an_m():
    # (dates._clock asks CLOCK only of a stamp holding ":", CLOCK_HOUR_ONLY of one holding "m" or "M")
    from replyscope.split import dates

    for s in _strings_of(["9", "12", ":", "05", " ", "a", "p", "P", ".", "m", "M", "x"], 4):
        if dates.CLOCK.search(s):
            assert ":" in s, repr(s)
        if dates.CLOCK_HOUR_ONLY.search(s):
            assert "m" in s or "M" in s, repr(s)


def test_the_section_hint_grouped_behind_shared_parts_keeps_its_verdicts():
    from replyscope.split import anchors

    # (asked of the line lower-cased)
    fragments = ["omment", "oment", "esponse", "eplies", "hought", "iscuss", "osts", "1 post", "essage", "eaction", "eactie", "nswer", "eview", " say", "views", " think", "trackback", "pingback", "pinion", "onversation"]
    pieces = ["c", "omm", "ent", "OMM", "ENT", "om", "ost", "s", "1 p", "eacti", "on", "e", "view", "ws", " ", "x", "track", "PING", "back"]
    for s in [*_strings_of(pieces, 3), *fragments]:
        assert anchors._has_section_hint(s) == any(f in s.lower() for f in fragments), repr(s)


def test_the_age_stamp_and_inline_label_gates_let_through_every_line_their_patterns_read():
    from replyscope.split import openers

    pieces = ["3", "12", " ", "h", "mins", "ago", "AGO", "yesterday", "Today", "just now", "x", ":", "\n", "ſ", "İ", "March"]
    ages = 0
    for s in _strings_of(pieces, 3):
        expected = headers._AGE_STAMP.match(s) is not None
        ages += expected
        assert headers._is_age_stamp_uncached(s) == expected, repr(s)
    assert ages > 50  # (the strings do hold ages)
    labels = 0
    for s in _strings_of(["A", "Answer", " ", ":", "x y", "Qwertyuiopzxv", "é", "1", " yes"], 4):
        m = openers._INLINE_LABEL.match(s)
        labels += m is not None
        assert openers._inline_label_uncached(s) == (m.group(1) if m else None), repr(s)
    assert labels > 30  # (and labels)
    assert openers.shared_inline_label(["A: yes", "Q: why", "A: no", "Q: how"]) == "A"  # (the first seen of equals)


def test_the_name_wrap_gates_leave_every_name_the_pattern_cuts():
    # (name_without_marks asks _NAME_WRAP only of names that may open or end with its words)
    pieces = ["Response", "REPLY", "official ", " from ", "Jo", " is ", "away", "AWAY", "(offline)", "(Online)", " ", "ſ", "İ", "\n"]
    cut = 0
    for s in _strings_of(pieces, 4):
        if not (s[:1] in "RrAaCcOo" or s[-1:] in "eEyY)"):
            continue
        wrapped = headers._NAME_WRAP.sub("", s) != s
        cut += wrapped
        if wrapped:
            assert headers._may_open_wrap(s) or headers._may_end_wrap(s), repr(s)
    assert cut > 1000
    assert headers.name_without_marks("Response from Jo Lake") == "Jo Lake"
    assert headers.name_without_marks("Jo Lake is away") == "Jo Lake"


def test_the_head_gate_refuses_only_lines_the_gated_patterns_do_not_match():
    # (section headers and form lines in several cases, after other words, padded past LOWER_BELOW,
    # with a long s, a dotless i and a Kelvin sign: patterns.gate_refuses, read on a line's first
    # letters, may turn away only lines neither the twin nor the IGNORECASE pattern matches)
    heads = ["", "The ", "LEAVE ", "Post ", "12 ", "Re: ", "\u017fign ", "Kommentare ", "\u212aommentare "]
    words = ["a reply", "a comment", "comments", "Comments (23)", "3 Responses", "REPLIES", "REPLIES (9)", "r\u00e9ponses", "ferry ran late again", "Add Comment"]
    pads = ["", " " + "and the tide kept rising " * 12]
    gates = [
        (patterns.COMMENT_SECTION_LOW, patterns.COMMENT_SECTION),
        (patterns.COMMENT_FORM_LOW, patterns.COMMENT_FORM),
        (patterns.FORM_OR_SECTION_LOW, patterns.FORM_OR_SECTION),
    ]
    refused = matched = 0
    for head, word, pad in itertools.product(heads, words, pads):
        for s in (f"{head}{word}{pad}", f"{head}{word}{pad}".upper(), f"{head}{word}{pad}".title()):
            if not patterns.folds_like_lower(s):
                continue
            for gate, pattern in gates:
                hit = pattern.match(s) is not None
                matched += hit
                if patterns.gate_refuses(gate, s):
                    refused += 1
                    assert not hit and gate.twin.match(s.lower()) is None, repr(s)
    assert refused > 300 and matched > 50  # (both kinds of line are there)
    assert not patterns.gate_refuses(patterns.FORM_OR_SECTION_LOW, "Leave a Reply")
    assert patterns.gate_refuses(patterns.FORM_OR_SECTION_LOW, "The ferry ran late again, and nobody said why.")


def test_the_spelled_count_is_what_a_pattern_of_the_count_finds():
    # title_without_tally's look for the title's bare number spelled out as a comment count, against
    # the search of a pattern made of the number (what it asked before)
    pages = [
        "12 comments", "Read the 12 comments below", "112 comments", "1,12 Comments", "a12 replies",
        "x 12  Responses.", "12comments", "12 commentary", "12\ncomments", "٣12 replies", "12 12 replies",
        "3,412 comments and 12", "See 12 Replies", "", "12",
    ]
    for page in pages:
        for count in ("12", "412", "3,412", "2", "1,12"):
            want = re.search(rf"(?i)(?<![\d,]){re.escape(count)}\s+(?:comments?|responses?|replies)\b", page) is not None
            assert body._spelled_count(page, count) == want, (page, count)
    assert body.title_without_tally("Gulls Return to the Pier 12", "Gulls Return to the Pier 12\n12 comments") == "Gulls Return to the Pier"
    assert body.title_without_tally("Gulls Return to the Pier 12", "Gulls Return to the Pier 12\n112 comments") == "Gulls Return to the Pier 12"


def test_the_stamp_tail_gate_lets_through_every_line_the_pattern_reads(monkeypatch):
    lines = [
        f"{head}{sep}{word} {stamp}"
        for head, sep, word, stamp in itertools.product(
            ("Gulls Return to the Pier", "Ferry Fares Frozen for Winter", "ſome Poſts Here"),
            (", ", " | ", " – ", " ", "-"),
            ("Updated", "POSTED", "published", "Last\tupdated", "Poſted", "edited", "upd."),
            ("May 5, 2020 at 9:41pm", "9:41 am", "2020", "today"),
        )
    ]
    guarded = [body.stamp_tail(s) for s in lines]
    assert sum(g is not None for g in guarded) > len(lines) // 4  # (the lines do hold stamps)
    monkeypatch.setattr(body, "folds_like_lower", lambda s: False)  # every line goes to the pattern
    assert [body.stamp_tail(s) for s in lines] == guarded


def test_the_reply_gates_let_through_every_header_their_patterns_read(monkeypatch):
    import replyscope.split as split
    from replyscope.split.threading import HEADER_TARGET, REPLY_MARK

    heads = [
        f"{name}{mark}{stamp}"
        for name, mark, stamp in itertools.product(
            ("Jo Lake", "Ana", "ſam Reſponded"),
            (" Reply:", " replied", " REPLIED,", " responded:", " Reſponded:", " says:", " in reply to Mara Quell", " Replying to Ana |", ""),
            ("", " March 3, 2014 6:05 pm", " 3h"),
        )
    ]
    stamps = ["March 3, 2014 6:05 pm", "3h", ""]
    want = [[REPLY_MARK.search(h.replace(st, "").rstrip(" |·,-")) is not None for st in stamps] for h in heads]
    assert any(any(w) for w in want) and not all(all(w) for w in want)
    assert [[split._reply_marked(h, st) for st in stamps] for h in heads] == want
    monkeypatch.setattr(patterns, "folds_like_lower", lambda s: False)  # every header goes to the pattern
    assert [[split._reply_marked(h, st) for st in stamps] for h in heads] == want
    # (the reply link's gate, read from the pattern: every match holds "repl" in the line's lower case)
    assert all("repl" in h.lower() for h in heads if HEADER_TARGET.search(h))
    from replyscope.split.threading import HEADER_TARGET_GATE

    assert all(HEADER_TARGET_GATE.admits(h) for h in heads if HEADER_TARGET.search(h))


def test_the_furniture_gate_on_a_long_lines_opening_refuses_only_lines_the_pattern_refuses():
    tail = " and the harbour ferries kept running through the winter, as the crews had promised." * 6
    openings = [
        "Share this", "share", "Read more: ", "READ MORE", "Related: gulls", "Follow us on the quay",
        "Subscribe to the quay", "Copyright 2020 Quay Weekly", "Powered by a forum script", "Tags: gulls",
        "The gulls came back", "\u201cWe waited,\u201d she said", "3 things", "Áll the ferries", "ſhare",
        "Subscriber notes", "Menu", "menus of the day", "Home", "homeward",
    ]
    lines = [o + tail for o in openings] + [o for o in openings]
    for s in lines:
        if patterns.folds_like_lower(s) and patterns.gate_refuses(patterns.FURNITURE_LOW, s):
            assert patterns.FURNITURE.match(s) is None, s
    assert any(patterns.gate_refuses(patterns.FURNITURE_LOW, s) for s in lines)
    long_lines = [s for s in lines if len(s) >= 400]
    want = [patterns.FURNITURE.match(s) is not None for s in long_lines]
    assert any(want) and not all(want)
    assert [body._is_boilerplate_line_uncached(s) for s in long_lines] == want


def test_the_edge_word_verb_and_header_word_gates_keep_every_verdict():
    # (_cut_edge_words asks _EDGE_WORDS only of texts opening or closing with one of its words'
    # letters; read_header asks _VERB_ONLY only of lines whose second letter is one of its verbs';
    # _has_header_word asks the three "-ed" verbs behind their shared "ed")
    pieces = ["On", "posted", "ſaid", "Says", "by", "AT", " ", "\n", "Jo Lake", "x", "İ", "commented", "Replied", "ANSWERED", "wrote", "ed"]
    cut = verbs = worded = 0
    for s in _strings_of(pieces, 3):
        expected = headers._EDGE_WORDS.sub("", s)
        cut += expected != s
        assert headers._cut_edge_words(s) == expected, repr(s)
        if s and s[0] in "cCrRwWpPaAsS" and headers._VERB_ONLY.match(s):
            verbs += 1
            assert s[1:2] in headers._VERB_SECOND, repr(s)
        low = s.lower()
        plain = any(w in low for w in ("says", "said", "wrote", "writes", "commented", "replied", "answered", "ago")) or (
            "by" in low and (low.startswith(headers._BY_STARTS) or " by " in low)
        ) or low[-1:] == ":" and low.endswith(headers.FOREIGN_SAYS_ENDS)
        worded += plain
        assert headers._has_header_word(low) == plain, repr(s)
    assert cut > 200 and verbs > 50 and worded > 1000  # (the strings do hold what the gates let through)
    assert headers.read_header("Jo Lake says:") is not None


def test_the_feed_word_gate_lets_through_every_name_the_pattern_reads():
    # (_name_ok asks the lower twin of _FEED_WORDS only of lower-cased names holding a fragment of its words)
    pieces = ["Jo", " ", "12", "no", "One", "Comments", "REPLY", "replies", "responses", "Responded", "Tracked", "trackback", "Pingback", "liked this", "LIKES THIS", "commented", " on", "is now following", "x"]
    twin = patterns.lower_twin(headers._FEED_WORDS)
    found = 0
    for s in _strings_of(pieces, 3):
        low = s.lower()
        if twin.search(low) is not None:
            found += 1
            assert headers._may_name_a_feed(low), repr(s)
    assert found > 200
    assert not headers._name_ok("Jo Lake 12 comments") and headers._name_ok("Jo Lake")


def test_the_said_age_gate_lets_through_every_line_the_pattern_reads():
    # (read_header asks _SAID_AGE only of lines holding one of its verbs, lower-cased, or a character
    # IGNORECASE folds otherwise than str.lower)
    names = ["Jo", "Ana Lake", "by Jo", "12", "ſam"]
    words = ["Answered", "REPLIED", "wrote", "ſaid", "saİd", "saıd", "posted", "commented", "says", "ago", "Jo"]
    ages = ["3", "12h", "2 mins", "5 yrs", "4d ago", "1 W"]
    said = 0
    for s in (f"{n}{sp}{w}{sp2}{a}" for n, w, a, sp, sp2 in itertools.product(names, words, ages, (" ", "  "), (" ", "\t"))):
        if headers._SAID_AGE.match(s) is not None:
            said += 1
            assert headers._may_say_an_age(s, s.lower()), repr(s)
    assert said > 100
    assert headers.read_header("Jo Lake answered 3h") is not None


def test_has_digit_answers_as_the_digit_pattern_does():
    # (the readers ask has_digit, ten one-character scans, where they searched a "[0-9]" pattern)
    digit = re.compile(r"[0-9]")
    pieces = ["Jo", " ", "0", "5", "9", "٣", "²", "½", "x", "İ", "Ⅻ", "\n", ":"]
    held = 0
    for s in _strings_of(pieces, 3, shortest=0):
        expected = digit.search(s) is not None
        held += expected
        assert patterns.has_digit(s) == expected, repr(s)
    assert held > 500
    assert headers.read_header("Jo Lake 3 days ago") is not None and headers.read_header("Jo Lake wrote a letter") is None


def test_the_posted_after_gate_lets_through_every_residue_the_pattern_cuts():
    # (read_header asks _POSTED_AFTER only of residues holding one of the joiners its class reads)
    assert "[|·•,–—-]" in headers._POSTED_AFTER.pattern
    pieces = ["Jo Lake", " ", "|", "·", "•", ",", "–", "—", "-", "Posted", "COMMENTED", "replied", " on", "at", "x", "ſubmitted"]
    cut = 0
    for s in _strings_of(pieces, 4):
        expected = headers._POSTED_AFTER.sub("", s)
        cut += expected != s
        assert headers._cut_posted_after(s) == expected, repr(s)
    assert cut > 1000
    assert headers.read_header("Jo Lake | Posted  March 3, 2014") == headers.CommentHeader("name_date", "Jo Lake", "March 3, 2014")


def test_the_first_row_word_is_the_row_patterns_first_match():
    # (chrome._action_row reads a line's first word without sre where the line opens on an ASCII
    # letter: every form of _ROW_WORD, the capitals' look-ahead giving back a letter, other scripts'
    # digits and the letters IGNORECASE or str.lower read otherwise)
    from replyscope.split import chrome

    pieces = ["a", "B", "CE", "Os", "reply", "Reply", "REPLY", "x9", "٣", " ", "·", "(", "ı", "İ", "\u212a", "é", "_"]
    words = 0
    for s in _strings_of(pieces, 4):
        m = chrome._ROW_WORD.search(s)
        expected = None if m is None else m.group()
        words += expected is not None
        assert chrome.first_row_word(s) == expected, repr(s)
    assert words > 50000
    assert chrome.first_row_word("CEOs agree") == "CE" and chrome.first_row_word("· Reply") == "Reply"
    assert chrome.is_chrome("Reply · Share · Report") and not chrome.is_chrome("Reply to the council's plan, please.")


def test_an_outline_number_never_opens_on_a_letter():
    # (threading.outline_number turns away a header line opening on a letter before its pattern:
    # the number's digit, a "#" or white space must open a match)
    from replyscope.split import threading

    pieces = ["2", "1.", "#", " ", "\t", "Jo", "é", "٣", ")", "x", "."]
    numbered = 0
    for s in _strings_of(pieces, 4):
        m = threading.OUTLINE_NUMBER.match(s)
        numbered += m is not None
        if s[:1].isalpha():
            assert m is None, repr(s)
        assert threading.outline_number(s) == (None if m is None else tuple(int(p) for p in m[1].split("."))), repr(s)
    assert numbered > 1000
    assert threading.outline_number("2.1. Jo Lake") == (2, 1) and threading.outline_number("Jo 2.1.") is None


def test_the_colon_and_digit_gates_keep_the_quote_and_tally_readings():
    # (choose._answers_a_quote asks _WROTE only of a first line ending on a colon, before a last
    # line break or not; _headline_share asks COMMENT_TALLY only of a line opening on a digit)
    from replyscope.split import choose

    pieces = ["Jo Lake", " ", "wrote", "SAID", "ſays", ":", "\n", "12", "٣", " comments", "Replies", "x"]
    wrote = tallies = 0
    for s in _strings_of(pieces, 4):
        if choose._WROTE.match(s) is not None:
            wrote += 1
            assert s.rstrip("\n")[-1:] == ":", repr(s)
        if patterns.COMMENT_TALLY.match(s) is not None:
            tallies += 1
            assert s[:1].isdecimal(), repr(s)
    assert wrote > 20 and tallies > 50
    assert choose._answers_a_quote(["Jo Lake wrote:", "the quoted words", "my answer to them"])


def test_a_zone_line_reads_the_same_after_the_stop_line_reader():
    # (comments.zone_line_role skips the section, form and furniture patterns for a line
    # is_stop_line has read and found no stop line: the role must be what it is read alone)
    from replyscope.split import chrome, clear_caches, comments

    invented = [
        "12 Comments",
        "Comments are moderated and will appear after approval.",
        "Please keep it civil and on topic.",
        "Copyright 2031 The Harbour Gazette. All rights reserved.",
        "Back to top",
        "I walked past the new market yesterday and it was already busy.",
        "@jo_lake could you email me at desk@example.org about the ferry times?",
        "Reply",
        "We reserve the right to remove abusive comments.",
        "The council's plan reserves the old pier for the ferry.",
    ]
    alone = {}
    for s in invented:
        clear_caches()
        alone[s] = comments.zone_line_role(s)
    for s in invented:
        clear_caches()
        chrome.is_stop_line(s)
        assert comments.zone_line_role(s) == alone[s], s
    assert set(alone.values()) == {"comment_chrome", "boilerplate", "comment_body"}
    clear_caches()
    assert not chrome.is_stop_line("I walked past the new market yesterday and it was already busy.")
    assert chrome.read_as_no_stop_line("I walked past the new market yesterday and it was already busy.")


def test_a_title_like_name_reads_its_words_as_the_pattern_did():
    # (choose._title_like_name looks a name's words up in _TITLE_WORD_FORMS where it folds like
    # lower, where it searched the pattern's lower twin: every string of the pieces, in white space
    # of other kinds and with the letters IGNORECASE reads otherwise than str.lower, reads the same)
    from replyscope.split import choose

    pattern = re.compile(
        r"(?:^|\s)(?:the|of|and|&|in|on|for|to|with|about|from|this|that|these|your|our|new|more|latest|top|best|"
        r"how|why|what|when|all|most|back|tags?|archives?|categories|home|follow|share|subscribe|review|news|video|blog|policy|privacy|deals?|daily|weekly|"
        r"you|we|it|is|are|was|were|can|will|not|at|by|as|vs\.?)(?=\s|$)",
        re.I,
    )
    pieces = ["The", "tags", "VS.", "vs", " ", "\u2003", "\n", "Jo", "ſhare", "İt", "&", "x", "(Blog)", "  ", "Lake"]
    titled = 0
    for s in _strings_of(pieces, 4):
        name = s if choose._no_tagline(s) else choose._TAGLINE.split(s, maxsplit=1)[0]
        expected = pattern.search(name) is not None or len(name.split()) >= 4
        if not expected and len(name) >= 8 and name[:4].isupper() and name[:4].isalpha():
            expected = choose._BRAND_CAPS.search(name) is not None
        titled += expected
        assert choose._title_like_name_uncached(s) == expected, repr(s)
    assert titled > 10000
    assert choose._title_like_name("Bargains of the Fortnight") and not choose._title_like_name("Jo Lake")


def test_a_lines_words_looked_for_in_the_text_are_the_words_the_text_reads():
    # (body._words_in looks a content word up in lower-cased lines, letters either side refusing it,
    # where the text's own words were read by a regex over each line: the same words found)
    pieces = ["Gull", "gulls", "ferry", "FERRY", "ſails", "harbouR", "Kelvin", "İsland", "ısle", "café", "2024", "_x", "-", " ", "’s", "é", "ß"]
    lines = [s for s in _strings_of(pieces, 3) if len(s) >= 4]
    words = set()
    for s in lines:
        words |= body._content_words(s)
    assert len(words) > 30
    for s in lines:
        low = s.lower()
        read = body._content_words(s)
        for w in words:
            if w in low:
                assert (w in read) == bool(body._words_in(frozenset([w]), [low])), (s, w)
    assert body._words_in(frozenset(["ferry", "gulls"]), ["the ferrys ran late", "gulls, and more gulls"]) == {"gulls"}


def test_the_glued_words_gate_lets_through_every_line_the_pattern_parts():
    # (body._short_share_row_uncached asks _GLUED_WORDS only of lines holding a small letter or a "!"
    # right before a capital: elsewhere the pattern parts nothing)
    pieces = ["Share", "this", "!", "Pin It", "É", "é", "ſ", "İ", "ı", "K", " ", "Tweet", "1", "x"]
    parted = 0
    for s in _strings_of(pieces, 3):
        if body._GLUED_WORDS.sub(" ", s) != s:
            parted += 1
            assert body._GLUED_PAIR.search(s) is not None, repr(s)
    assert parted > 300
    assert body._share_row("Email ThisShare to Facebook") and not body._share_row("Harbour Ferries Return")


def test_the_button_words_read_without_the_plus_form_are_the_patterns_words():
    # (body._button_words reads a line holding no "+" by the one class alone: the "+1" form cannot match)
    pieces = ["share", "+1", "+", "1", "it’s", "e-mail", " ", "·", "_", "é", "ſ", "K", "'"]
    for s in _strings_of(pieces, 3):
        assert body._button_words(s) == body._BUTTON_WORD.findall(s), repr(s)
    assert body.button_row("share this or tweet it") and body._button_words("pin it +1 or mail") == ["pin", "it", "+1", "or", "mail"]


def test_line_led_reads_only_lines_holding_a_bracket_a_colon_or_a_spaced_dash():
    # (line_led_zone asks _led_line only of the lines _led_rows finds by searching the page for a
    # "(", a ":" and a dash with a space after it: every line _led_line reads as anything is among them)
    shapes = [
        "Nice point there – jo Mar 3, 2020 at 14:21",
        "Nice point there — Jo Lake 9h",
        "Nice point there - jo Mar 3, 2020",
        "[14:03] jo: the ferry is late",
        "14:03 <jo> the ferry is late",
        "2020-03-03 14:03 jo: the ferry is late",
        "jo (2:03 PM): the ferry is late",
        "Fair enough. — Jo Lake (talk) 14:02, 3 March 2024 (UTC)",
        "Fair enough. Jo Lake talk 14:02, 3 March 2024 (UTC) Reply",
        "--Jo (talk · contribs) 09:15, 4 May 2023 (UTC)",
    ]
    swaps = [("", ""), ("–", "-"), ("—", "–"), (" – ", "–"), ("(", "["), (")", "]"), (":", " "), ("[", ""), (" ", "\t"), ("talk", "TALK")]
    lines = [shape.replace(a, b) for shape in shapes for a, b in swaps]
    lines += [s for s in _strings_of(["Jo", "(", ")", "talk", ":", "14", "[", " ", "-", "–", "x"], 4) if len(s.strip()) >= 8]
    read = 0
    for start in range(0, len(lines), 400):
        chunk = lines[start : start + 400]
        page = "\n".join(["  " + s if k % 3 else s for k, s in enumerate(chunk)]) + "\n"
        shown = split_lines(page)
        rows = set(line_led._led_rows(shown, page, 0))
        for i, s in enumerate(shown.text):
            if len(s) >= 8 and line_led._led_line(s) is not None:
                read += 1
                assert i in rows, repr(s)
        assert line_led._led_rows(shown, page, 7) == [i for i in sorted(rows) if i >= 7]
    assert read >= 9
    page = "A quiet harbour at dawn\nWords of mine – Jo Lake Mar 3, 2020 at 14:21\nno marks in this line\n"
    assert line_led._led_rows(split_lines(page), page, 0) == [1]


def test_a_letter_gate_refuses_what_the_prefixes_of_its_letter_refuse():
    # (LetterGate.refuses looks the prefixes up by a text's first two characters: the same verdict as
    # asking whether the text opens with any of its first letter's prefixes)
    pieces = ["re", "r", "ply", "sh", "are", "com", "ments", "a", "z", " ", "é", "ı", "1", "-"]
    gates = [v for v in vars(patterns).values() if isinstance(v, patterns.LetterGate)]
    assert len(gates) >= 4
    for gate in gates:
        by_letter = patterns.letter_prefixes(gate.twin)
        assert by_letter is not None
        for low in ["", *_strings_of(pieces, 3)]:
            c = low[:1]
            refused = "a" <= c <= "z" and not low.startswith(by_letter.get(c, ()))
            assert gate.refuses(low) == refused, (gate.pattern[:40], low)
            if refused:
                assert gate.twin.match(low) is None


def test_a_line_opens_with_a_space_as_isspace_reads_its_first_character():
    # (split_lines tells an indented line by its first character's code point where that is ASCII)
    # (and an indented line's width by code points, as lstrip reads it; a line's core told by its
    # first character's code point, as the marker set reads it)
    for code in [*range(0, 0x3100), 0xFEFF, 0x1F600]:
        ch = chr(code)
        assert lines_module._opens_with_space(ch + "x") == ch.isspace(), hex(code)
        for r in (ch + "x", " \t" + ch + "x\n", ch * 3):
            assert lines_module._indent_of(r, r.strip()) == len(r) - len(r.lstrip()), hex(code)
        if code >= 32:
            shown = split_lines(f"{ch} item\n  {ch}1. entry\n")
            marker = ch in lines_module._MARKER_STARTS
            assert (shown.core[0] != shown.text[0]) <= marker, hex(code)
            assert shown.core[0] == (lines_module._strip_marker(shown.text[0]) if marker and ch != "•" else shown.text[0] if not marker else "item")


def test_folds_like_lower_is_the_three_characters_absent():
    # (asked of ASCII, Latin-1 and wider lines alike, with no isascii test first)
    for s in ["Plain words", "café au lait", "İstanbul", "ısland", "ſails", "Kelvin \u212a", "“quoted”", ""]:
        assert patterns.folds_like_lower(s) == (s.isascii() or not ("\u0130" in s or "\u0131" in s or "\u017f" in s)), s


def test_the_signature_link_gate_reads_brackets_as_the_lower_cased_line_does():
    # (line_led._may_link_told reads a line with no clock at each "(" before a link word's first
    # letter, the few characters after it lower-cased, where the whole line was lower-cased and
    # searched for each opening: the same verdict)
    def whole_line(s: str) -> bool:
        clock = ":" in s and line_led._clock_colon(s)
        if not ("(" in s and ")" in s or clock):
            return False
        if not patterns.folds_like_lower(s):
            return True
        low = s.lower()
        return "(" in s and any(o in low for o in line_led._LINK_OPENINGS_LOW) or clock and any(w in low for w in line_led._LINK_WORDS_LOW)

    pieces = ["(", ")", "talk", "TALK", "Tal", "user page", "USER", "e-mail", "Email", "blog", "Σ", "İ", "ı", "12:05", " ", "x"]
    told = 0
    for s in _strings_of(pieces, 3):
        verdict = whole_line(s)
        told += verdict
        assert line_led._may_link_told(s, "(" in s) == verdict, repr(s)
    assert told > 100
    assert line_led._may_link("Fair point. Jo Lake (Talk) 3 May") and not line_led._may_link("Fair point (the talk was long)")


def test_a_log_line_opening_with_its_clock_passes_the_log_gate():
    # (log_head asks _LOG_HEAD only of a line opening with a "[" or a digit that holds a "<", a
    # "):" or "]:", or a colon more than one: every such line the pattern reads is let through)
    heads = ["[14:03] ", "14:03 ", "[2:03 PM] ", "2020-03-03 14:03 ", "03/03/2020, 14:03 ", "[14:03:59] ", "[2020-03-03 14:03] "]
    names = ["<jo> ", "jo: ", "<Jo Lake> ", "Jo Lake: ", "[gone]: ", "jo_2 : "]
    words = ["the ferry is late", "ok", ": later", "<3 it"]
    read = 0
    for head, name, said in itertools.product(heads, names, words):
        for s in (head + name + said, (head + name + said).upper(), "1 " + head + name + said):
            m = line_led._LOG_HEAD.match(s)
            if m is None:
                continue
            got = (m["n1"] or m["n2"] or m["n3"]).strip()
            if headers._name_ok(got) or headers._NUMERIC_HANDLE.match(got):
                read += 1
                assert line_led.log_head(s) == (m.end(), got, m["c1"] or m["c2"]), s
    assert read > 50
    assert line_led.log_head("12 ways to cook: a list") is None and line_led.log_head("[1] a note: see below") is None


def test_the_section_pre_check_turns_away_no_line_section_headers_reads_as_a_heading():
    # (anchors._may_head_section asks COMMENT_SECTION's letter gate before the section hint: a line
    # it turns away is matched neither whole nor by its count before a "|")
    from replyscope.split import anchors

    pieces = ["12 ", "Comments", "reſponses", "KOMMENTARE", "Thoughts to ", "The ", "Posts", " | ", "Submit a comment", "ı", "İ", "\u212a", "x", " (3)"]
    read = 0
    for s in _strings_of(pieces, 3):
        whole = (patterns.COMMENT_SECTION_LOW.match(s.lower()) if patterns.folds_like_lower(s) else patterns.COMMENT_SECTION.match(s)) is not None
        counted = "|" in s and anchors._count_then_form(s)
        if whole or counted:
            read += 1
            assert anchors._may_head_section(s), repr(s)
    assert read > 50
    assert not anchors._may_head_section("The Comments we got") and anchors._may_head_section("Comments (73)")


def test_a_bullet_item_read_without_sre_is_what_the_bullet_pattern_matches():
    from replyscope.split import anchors

    pieces = ["•", "·", "*", "▪", "-", " ", "\t", "\u00a0", "\u2003", "Jo", "x"]
    for s in _strings_of(pieces, 3):
        assert anchors._bullet_item(s) == (patterns.BULLET.match(s) is not None), repr(s)


def test_an_action_row_read_on_from_its_first_word_keeps_the_verdict_of_reading_it_whole():
    # (chrome._action_row goes on from the end of a first word it has read where the line opens
    # with an ASCII letter: the verdict must be that of reading every word with _ROW_WORD)
    from replyscope.split import chrome

    def whole(s: str) -> bool:
        words = [w.lower() for w in chrome._ROW_WORD.findall(s)]
        if not words or words[0] not in chrome.ACTION_WORDS and not words[0].isdigit():
            return False
        if s[0].islower() and s[-1] == "." and s[-2:-1].isalpha():
            return False
        if any(w not in chrome.ACTION_WORDS and not w.isdigit() for w in words):
            return False
        if any(c.isalpha() is False and c not in " .:,;|·•-–—()[]/…»›" and not c.isdigit() for c in s):
            return False
        return any(w in chrome.ACTION_VERBS for w in words)

    pieces = ["Reply", "REPLY", "reply", "Share", "CEOs", "the", "lunch", " ", " · ", "3", "(", ")", ".", "ſ"]
    rows = 0
    for s in _strings_of(pieces, 3):
        if s and len(s) <= chrome.ACTION_ROW_CHARS:
            assert chrome._action_row(s) == whole(s), repr(s)
            rows += whole(s)
    assert rows > 50


def test_the_cached_reply_action_is_the_patterns_search():
    from replyscope.split import chrome

    for s in ["Reply", "Like · Reply · 3y", "Harbour ferries ran late", "REPLIES (4)", "reply", "Replying", ""]:
        assert chrome.has_reply_action(s) == (patterns.REPLY_ACTION.search(s) is not None), s


def test_the_time_of_day_and_tally_gates_say_what_their_patterns_say():
    # (body._time_of_day searches _TIME_OF_DAY only where its gate finds one of the literals read from
    # it; body._tally_in searches _TALLY_IN only where an ASCII line holds an ASCII digit, or the line
    # is not ASCII: "\d" reads other scripts' figures too)
    from replyscope.split.patterns import has_digit

    pieces = ["9:05", "1", "20", "19", "2021", " ", " Comments", " REPLIES", "x", "\u0663", "\u0661\u0669", ":", " reſponse", "K", "am"]
    searched = 0
    for s in _strings_of(pieces, 3):
        assert body._time_of_day(s) == (body._TIME_OF_DAY.search(s) is not None), repr(s)
        assert body._tally_in(s, has_digit(s)) == (body._TALLY_IN.search(s) is not None), repr(s)
        searched += body._TALLY_IN.search(s) is not None
    assert searched > 100
    assert body._tally_in("Gulls return \u0663 comments", False) and not body._tally_in("Gulls return, comments", False)


def test_the_button_row_and_share_row_read_the_same_verdicts_in_either_order():
    # (button_row and the short share row fill each other's caches from the words they read alike:
    # asked in either order, or alone, each says what it says read afresh)
    lines = ["Tweet Email", "Save and share it", "Email ThisShare to Facebook", "Previous 1 / 9 Next", "Follow jo",
             "Go to Shopfront", "Gulls return to the pier", "Pin it +1 or mail", "print  save", "SHARE · TWEET · PIN"]
    fresh = {}
    for s in lines:
        body._BUTTON_ROW_CACHE.clear()
        body._SHORT_SHARE_ROW_CACHE.clear()
        button = body.button_row(s)
        body._BUTTON_ROW_CACHE.clear()
        body._SHORT_SHARE_ROW_CACHE.clear()
        fresh[s] = (button, body._short_share_row(s))
    for first_button in (True, False):
        body._BUTTON_ROW_CACHE.clear()
        body._SHORT_SHARE_ROW_CACHE.clear()
        for s in lines:
            got = (body.button_row(s), body._short_share_row(s)) if first_button else tuple(reversed((body._short_share_row(s), body.button_row(s))))
            assert got == fresh[s], (s, first_button)
    assert fresh["Tweet Email"] == (True, True) and fresh["Gulls return to the pier"] == (False, False)
    assert fresh["Email ThisShare to Facebook"][1] and not fresh["Email ThisShare to Facebook"][0]


def test_a_title_like_lines_cached_verdict_leaves_its_indent_to_be_read_each_time():
    # (_title_like caches its readings of a line's text; a numbered item set in is no title, the
    # same text flush left may be one)
    from replyscope.split.lines import split_lines

    flush = split_lines("3. Gulls Nest on the Old Pier\n")
    indented = split_lines("   3. Gulls Nest on the Old Pier\n")
    assert body._title_like(flush, 0) and not body._title_like(indented, 0) and body._title_like(flush, 0)


def _prose_clusters_read_whole(lines, lo, hi):
    """body._prose_clusters as it read every line (before it passed over the lines no open cluster reads)."""
    clusters = []
    gap = 0.0
    in_list = False
    for i in range(lo, hi):
        s = lines.text[i]
        if not s:
            continue
        n = len(s)
        bullet = s[0] in patterns.BULLETS
        if bullet and n >= 60:
            continue
        if not bullet and n >= 25 and (n >= 90 or s.count(" ") >= 4 and patterns.ends_sentence(s)) and not body.is_boilerplate_line(s):
            if clusters and gap <= body.MAX_GAP_LINES:
                clusters[-1][1] = i
                clusters[-1][2] += len(s)
            else:
                clusters.append([i, i, len(s)])
            gap = 0.0
            in_list = False
        elif not bullet and s[-1] == ":" and n >= body.LIST_INTRO_CHARS and s.count(" ") >= 4 and clusters and gap <= body.MAX_GAP_LINES:
            in_list = True
            gap += 1
        elif in_list and not bullet and n < 60 and lines.indent[i] > 0 and not body.is_boilerplate_line(s):
            gap += body.TABLE_ROW_GAP
        elif bullet or n < 30 and not ("\t" in lines.raw[i] or "  " in s) or body.is_boilerplate_line(s):
            gap += 1
            if gap <= body.MAX_GAP_LINES and n < 60 and clusters and s[0] in body._END_FIRST and body.closes_article(s):
                gap = body.MAX_GAP_LINES + 1.0
        elif "\t" in s and patterns.has_digit(s):
            gap += body.TABLE_ROW_GAP
        else:
            gap += 0.25
    return [(a, b, c) for a, b, c in clusters]


def test_prose_clusters_passing_over_lines_no_open_cluster_reads_finds_the_same_clusters():
    # (body._prose_clusters passes over a non-prose line while no cluster is open: before the first
    # one, and past MAX_GAP_LINES of gap; every mix of the kinds of line reads the same clusters)
    from replyscope.split.lines import split_lines

    kinds = [
        "The harbour ferry ran late again this morning, and the crews said the tide was to blame.",
        "Home",
        "Share this",
        "We asked the crews three things:",
        "  Tide tables and fares",
        "• Gulls",
        "Fares\t12\t14",
        "A short line that is no sentence at all",
        "Copyright 2024 Quay Weekly, all rights reserved for ever",
    ]
    import random

    rng = random.Random(0)
    combos = list(itertools.product(range(len(kinds)), repeat=4))
    combos += [tuple(rng.randrange(len(kinds)) for _ in range(16)) for _ in range(3000)]  # (gaps past MAX_GAP_LINES)
    found = 0
    for combo in combos:
        lines = split_lines("\n".join(kinds[k] for k in combo) + "\n")
        clusters = body._prose_clusters(lines, 0, len(lines))
        assert clusters == _prose_clusters_read_whole(lines, 0, len(lines)), combo
        found += len(clusters) > 1
    assert found > 500


def test_the_formats_read_lazily_come_in_the_order_of_their_talk(monkeypatch):
    # (choose._by_talk reads a format's thread and share only when its floor, -len of its headers
    # or of its thread, is the lowest key left: the order must be the stable sort of the formats
    # with a thread by (-len x share, first line), whatever the shares and the threads kept)
    import random

    from replyscope.compiled import split_engine

    if split_engine() == "compiled":
        # (compiled, _by_talk calls _candidate and _conversational_share directly: the stand-ins
        # below would not be seen, so the test runs itself in a process of the pure-Python split)
        _run_in_pure_python("test_the_formats_read_lazily_come_in_the_order_of_their_talk")
        return

    from replyscope.split.anchors import Anchor
    from replyscope.split.headers import CommentHeader

    rng = random.Random(7)
    header = CommentHeader("name_date", "Jo Lake", "")
    for _ in range(400):
        groups = []
        for _ in range(rng.randint(1, 5)):
            first = rng.choice([3, 10, 20, 40])
            groups.append([Anchor(first + 5 * k, first + 5 * k, header, "name_date", 0) for k in range(rng.randint(1, 12))])
        kept = {id(g): g[rng.randint(0, len(g)) :] for g in groups}  # (a thread keeps the last headers, or none)
        share_of = {}
        for g in kept.values():
            if g:
                share_of[(g[0].first, len(g))] = rng.choice([0.0, 0.25, 0.5, 1 / 3, 2 / 3, 1.0])
        read = []
        monkeypatch.setattr(choose, "_candidate", lambda lines, group, post_words: (kept[id(group)], []))

        def share(lines, best, enough=2.0, below=float("inf")):
            read.append(best)
            whole = share_of[(best[0].first, len(best))]
            # (a share read only until it is `enough` and its key under `below`, as
            # _conversational_share may stop: the least such share where the whole one is that much)
            if enough <= 1.0 and whole >= enough and -len(best) * enough < below:
                return enough
            return whole

        monkeypatch.setattr(choose, "_conversational_share", share)
        with_thread = [(k, kept[id(g)]) for k, g in enumerate(groups) if kept[id(g)]]
        expected = [k for k, g in sorted(with_thread, key=lambda kg: (-len(kg[1]) * share_of[(kg[1][0].first, len(kg[1]))], kg[1][0].first))]
        n = len(groups)
        candidates: list = [None] * n
        got = list(choose._by_talk(None, groups, -1, candidates, [[] for _ in groups], [None] * n))  # type: ignore[arg-type]
        assert got == expected, (got, expected)
        # (a format's share is read only where it orders the formats: never for a page's one format)
        assert n > 1 or not read


def test_a_windows_own_name_looked_for_as_strings_keeps_the_words_verdict():
    # (talk._names_own_words looks the header's own words, when in ASCII, for in the window's text
    # lower-cased before its words are read: the same verdict as reading its words)
    pieces = ["Jo", "lake", "LAKE", " ", "-", "’", "Σ", "ς", "ſ", "İ", "ı", "K", "é", ".", "2"]
    owns = [{"lake"}, {"jo", "lake"}, {"kelvin"}, {"ſide"}, {"laſe"}, {"λακς"}, {"i̇sle"}, {"isle"}]
    for s in _strings_of(pieces, 4):
        for own in owns:
            assert talk._names_own_words(own, s) == bool(own & {w.lower() for w in patterns.WORD.findall(s)}), (s, own)
    assert not talk.writes_sentences(["Jo Lake thinks the harbour plan will fail without a ferry."], "Jo Lake")
    assert talk.writes_sentences(["The harbour plan will fail without a second ferry on weekdays."], "Jo Lake")


def test_the_trailing_tags_gate_lets_through_every_line_with_tags_to_take_off():
    # (talk.writes_sentences takes _TRAILING_TAGS off only lines its literals' gate admits)
    pieces = ["#", "@", "http", "https://", "x", "_1", " ", "\t", ".", "HTTP", "ſ"]
    for s in _strings_of(pieces, 4):
        if not talk._TRAILING_TAGS_GATE.admits(s):
            assert talk._TRAILING_TAGS.sub("", s) == s, repr(s)


def _in_other_language_as_read_before(s: str) -> bool:
    beyond = re.findall(r"[^\x00-\x7f]", s)
    if not any(ch.isalpha() for ch in beyond):
        return False
    n_letters = sum(map(str.isalpha, s))
    if n_letters < 2:
        return False
    other = sum(1 for ch in beyond if ord(ch) > 0x24F and ch.isalpha() and not 0x1E00 <= ord(ch) <= 0x1EFF)
    if other * 2 > n_letters:
        return True
    if other:
        return False
    words = [w.lower() for w in patterns.WORD.findall(s)]
    return len(words) >= 3 and not any(w in talk._ENGLISH_GRAMMAR for w in words)


def test_the_other_language_letters_counted_as_far_as_the_verdict_reads():
    # (talk._in_other_language_uncached counts a line's letters only up to what its verdicts read:
    # 2, or twice the letters of another script)
    pieces = ["bu", "haber", "the", " ", "ş", "ı", "Ж", "жо", "ạ", "’", "—", "1", "ά"]
    for s in _strings_of(pieces, 4):
        if not s.isascii():
            assert talk._in_other_language_uncached(s) == _in_other_language_as_read_before(s), repr(s)
    assert talk.in_other_language("Bu haber tamamen yanlış") and not talk.in_other_language("The café was shut")


def test_the_profile_tally_cached_by_its_text_reads_as_its_pattern():
    # (cards.is_profile_tally keeps its verdict per line text)
    from replyscope.split.lines import split_lines

    lines = split_lines("Jo Lake\nTotal Comments (212)\n• 57 Fans\nMarch 3, 2014\nTotal Comments (212)")
    assert [cards.is_profile_tally(lines, i) for i in range(len(lines))] == [False, True, True, False, True]


def test_the_stamp_pattern_reads_each_count_whole_and_finds_what_the_plain_form_finds():
    # (TIMESTAMP_RE reads the counts of relative ages possessively, "\d++", and the days and hours
    # that open a form, "\d{1,2}+": exact only while what follows them starts on no digit, as the
    # followers of "\d+" checked here and the openings named in patterns._DAY_OR_HOUR_FIRST do)
    followers = [m.group(1) for m in re.finditer(r"\\d\+(.{0,20})", patterns.TIMESTAMP)]
    assert len(followers) == patterns._TIMESTAMP_SEARCHED.count(r"\d++") > 5
    for rest in followers:
        assert re.match(r"(?:\|[a-z\[\]?|]+\))?\\s[+*](?:\(\?:[a-z])?", rest), rest
    plain = re.compile(rf"(?<![\w/.:]){patterns._STAMP_START}(?:{patterns.TIMESTAMP})(?![\w/])", re.I)
    pieces = ["12", "3", " ", "hours", "ago", "vor", "std.", "2014", "-", "5", "min", "geleden", "fa", "ſ", "K", "Mar", ":", "/", "pm", ". M\u00e4rz", "th"]
    found = 0
    for s in _strings_of(pieces, 3):
        got = [m.span() for m in patterns.TIMESTAMP_RE.finditer(s)]
        assert got == [m.span() for m in plain.finditer(s)], repr(s)
        if patterns.folds_like_lower(s):
            assert [m.span() for m in patterns.TIMESTAMP_RE_LOW.finditer(s.lower())] == got, repr(s)
        found += bool(got)
    assert found > 40
    assert patterns.stamp_search("Ana Lund 12 hours ago").span() == (9, 21)


def _run_in_pure_python(test: str) -> None:
    """Run this file's `test` in a new process whose split is the pure-Python one, and fail as it does."""
    import os
    import subprocess
    import sys

    from replyscope.compiled import PURE_ENV

    env = os.environ | {PURE_ENV: "1"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"{__file__}::{test}"],
        env=env, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "1 passed" in run.stdout


def _counters_cut_as_before(name: str) -> str:
    # (headers._cut_counters_uncached as it read before its two searches were gated)
    if "://" in name or "www." in name:
        name = headers._TRAILING_URL.sub("", name)
    name = headers.name_without_marks(name)
    if not patterns.has_digit(name) or headers._FEED_WORDS.search(name):
        return name
    out = headers._COUNTER_BEFORE.sub("", headers._COUNTER_AFTER.sub("", name)).strip()
    return headers.name_without_marks(out) if out and out != name else out


def test_the_counters_are_cut_as_the_ungated_searches_cut_them():
    # (cut_counters asks _FEED_WORDS and _COUNTER_AFTER only of a name holding one of the literals
    # their gates read from them; a dotless i, a long s or a dotted I is left to the patterns)
    pieces = ["Jo Lake", " ", "12", "points", "· 3", "Likes", "(Score:5)", "repl\u0131es", "po\u017fts", "pingback", "#4", "K"]
    cut = 0
    for s in _strings_of(pieces, 3):
        if s.strip():
            assert headers._cut_counters_uncached(s) == _counters_cut_as_before(s), repr(s)
            cut += headers._cut_counters_uncached(s) != s
    assert cut > 100
    assert headers.cut_counters("Jo Lake · 12 points") == "Jo Lake"
    assert headers.cut_counters("Jo Lake 12") == "Jo Lake 12"


def test_a_name_is_turned_away_by_the_whole_name_forms_as_their_twins_turn_it_away():
    # (_name_ok matches NOT_A_NAME, NAV_LABEL and NAV_PREFIX on a name that folds like lower behind
    # their letter gates: the same verdicts as the twins alone, and as the IGNORECASE patterns)
    from replyscope.split.patterns import lower_twin

    pieces = ["Updated", "more from", "Jo", " ", "Lake", "recent", "News", "3", "ı", "ſ", "the", "K", "Top"]
    refused = 0
    for s in _strings_of(pieces, 3):
        t = s.lower()
        for gate, pattern in ((headers._NOT_A_NAME_LOW, headers.NOT_A_NAME), (headers._NAV_LABEL_LOW, headers.NAV_LABEL), (headers._NAV_PREFIX_LOW, headers.NAV_PREFIX)):
            expected = pattern.match(s) is not None
            if patterns.folds_like_lower(s):
                assert (lower_twin(pattern).match(t) is not None) == expected, repr(s)
                assert (gate.match(t) is not None) == expected, repr(s)
                refused += gate.refuses(t)
    assert refused > 500
    assert not headers._name_ok("Updated") and not headers._name_ok("More from Jo") and headers._name_ok("Jo Lake")


def test_the_says_words_and_posting_words_are_read_behind_their_gates_as_without():
    # (_says_match searches SAYS_WORD's lower twin only of a residue holding one of the literals its
    # gate reads from it; _cut_posted_words asks POSTED_WORDS only where its letter gate does not
    # refuse the text's opening)
    pieces = ["Jo", " ", "says", "Posted", "on", "by:", "wrote", "Anna", "Reviewed", "ſ", "ı", "at", ":"]
    said = cut = 0
    for s in _strings_of(pieces, 3):
        m = headers._says_match(s)
        low = s.lower()
        plain = patterns.SAYS_LOW.match(low) if patterns.SAYS_WORD_LOW.search(low) else None
        if patterns.folds_like_lower(s):
            assert (m and m.span("author")) == (plain and plain.span("author")), repr(s)
        said += m is not None
        assert headers._cut_posted_words(s) == patterns.POSTED_WORDS.sub("", s), repr(s)
        cut += headers._cut_posted_words(s) != s
    assert said > 50 and cut > 200
    assert headers._cut_posted_words("Posted by Wren Talbot") == "Wren Talbot" and headers._cut_posted_words("Anna Lake") == "Anna Lake"


def test_the_stamp_after_a_stamp_is_found_after_joiners_as_the_search_finds_it():
    # (_stamp_after_joiners matches the lower twin at each position up to the first character that
    # is no joiner, where _stamp_in searched the whole text and kept a stamp only joiners stood before)
    pieces = [" ", "-", "|", "@", "3", "hours", "ago", ":15", "pm", "Jo", "yesterday", "ſ", "·"]
    kept = 0
    for s in _strings_of(pieces, 4):
        for twin in (True, False):
            if twin and not patterns.folds_like_lower(s):
                continue
            m = headers._stamp_in(s, s.lower(), twin)
            expected = m.span() if m is not None and not patterns.strip_joiners(s[: m.start()]) else None
            got = headers._stamp_after_joiners(s, twin)
            assert (got and got.span()) == expected, repr(s)
            kept += expected is not None
    assert kept > 1000
    assert headers.read_header("Jo Lake March 3, 2014 3:15 pm - 1 hour ago").posted_raw == "March 3, 2014 3:15 pm"


def _headline_as_read_before(s: str) -> bool:
    """choose._is_headline as it read a line before Session 25: every word found first (WORD.findall)."""
    if len(s) > choose.HEADLINE_MAX_CHARS or not (s[0].isupper() or s[0].isdigit()):
        return False
    words = patterns.WORD.findall(s)
    if len(words) < choose.HEADLINE_MIN_WORDS:
        return False
    long_words = 0
    for w in words:
        if len(w) > 3 and w.lower() not in choose._TITLE_SMALL_WORDS:
            if not w[0].isupper():
                return False
            long_words += 1
    if long_words < 2 or s.isupper():
        return False
    return not (s.endswith(".") and len(words[-1]) > 3)


def test_the_headline_read_word_by_word_reads_as_all_words_found_first():
    # (choose._is_headline reads a line's words one by one up to its first long word in lower case)
    pieces = ["Harbour ", "market ", "With ", "of ", "Co", ".", "TIDE ", "3 ", "ſea ", "İce ", "-", "Kelp"]
    found = 0
    for s in _strings_of(pieces, 4):
        assert choose._is_headline(s) == _headline_as_read_before(s), repr(s)
        found += choose._is_headline(s)
    assert found > 100
    assert choose._is_headline("A Look Inside the New Harbour Market") and not choose._is_headline("The harbour market opens soon.")


def _share_as_read_before(lines: lines_module.Lines, best: list) -> float:
    """choose._conversational_share as it read a thread before Session 25: the uncounted windows
    (_unread_windows) always read, the talk of the counted ones after them."""
    n = len(best)
    step = -(-n // choose.SHARE_SAMPLE)
    read = [choose._text_under(lines, best, k) for k in range(0, n, step)]
    windows = choose._past_shared_label(read)
    unread = choose._unread_windows(read)
    said = [w for w, skip in zip(windows, unread) if not skip] or windows
    hits = sum(talk.talks(w) or choose._answers_a_quote(w) or choose._reacts(w) for w in said)
    return hits / len(said)


def test_the_talk_share_read_past_windows_that_all_talk_is_the_share_read_before():
    # (choose._conversational_share answers 1.0 where every window talks, without reading which
    # windows go uncounted: checked on threads of every mix of talking, silent and uncounted comments)
    from replyscope.split.anchors import Anchor

    comments = [
        "I think you are right about the ferry.",
        "Harbour Market Opening Hours",
        "[removed]",
        "Bu haber tamamen yanlış bence",
        "Mara Quell",
        "What a lovely idea!",
        "Ferry timetable for the spring season",
    ]
    shares = set()
    for n in range(1, 5):
        for picked in itertools.product(comments, repeat=n):
            text = "\n".join(f"Jo Lake{k} · 3 days ago\n{said}\n" for k, said in enumerate(picked))
            lines = split_lines(text)
            header = headers.CommentHeader("name_date", "Jo Lake", "3 days ago")
            best = [Anchor(i, i, header, "name_date", 0) for i, s in enumerate(lines.text) if s.startswith("Jo Lake")]
            share = choose._conversational_share(lines, best)
            assert share == _share_as_read_before(lines, best), picked
            shares.add(share)
    assert 1.0 in shares and 0.0 in shares and len(shares) > 5


def test_the_line_of_a_mark_found_by_doubling_steps_is_the_line_walked_to():
    # (line_led._line_of finds the line holding a page offset by steps that double, then halving,
    # where _led_rows walked line by line: every offset of invented pages, from every line over it)
    pages = [
        "",
        "one line",
        "\n\n\nJo (talk) 14:02\n\n",
        "A first line\r\nwords - Jo Lake 3 days ago\n\n\n[14:03] jo: hi there\n" + "plain words\n" * 40 + "end – Al 2h\n",
    ]
    for page in pages:
        lines = split_lines(page)
        starts = lines.starts
        for k in range(len(page)):
            for j in range(len(starts)):
                if starts[j] > k:
                    break
                walked = j
                while walked + 1 < len(starts) and starts[walked + 1] <= k:
                    walked += 1
                assert line_led._line_of(starts, j, k) == walked, (page[:20], j, k)
    lines = split_lines(pages[3])
    assert line_led._led_rows(lines, "".join(lines.raw), 0) == [1, 4, 45]


def _title_case_as_read_before(s: str) -> bool:
    """talk.is_title_case as it read a line before Session 25: every word found first (WORD.findall)."""
    words = patterns.WORD.findall(s)
    if len(words) < 3 or len(words) > 16:
        return False
    big = [w for w in words if w.lower() not in talk._SMALL_WORDS]
    return bool(big) and sum(w[0].isupper() for w in big) >= 0.8 * len(big)


def test_title_case_read_word_by_word_reads_as_all_words_found_first():
    # (talk.is_title_case stops at a 17th word, or where the words not capitalised are too many for
    # 80% even were every word up to the 16th capitalised)
    pieces = ["Harbour ", "market ", "of ", "TIDE ", "ſea ", "İce ", "3 "]
    found = 0
    for s in _strings_of(pieces, 5):
        assert talk.is_title_case(s) == _title_case_as_read_before(s), repr(s)
        found += talk.is_title_case(s)
    for n in range(1, 20):
        for lower in range(0, min(n, 5) + 1):
            for small in range(0, 3):
                s = " ".join(["harbour"] * lower + ["of"] * small + ["Market"] * (n - lower))
                assert talk.is_title_case(s) == _title_case_as_read_before(s), s
    assert found > 100
    assert talk.is_title_case("Do You Prefer The New Layout") and not talk.is_title_case("I think the new layout is worse")


def _with_same_stamps_as_read_before(lines: lines_module.Lines, best: list, anchors: list) -> list:
    """choose._with_same_stamps as it read a thread before Session 25: the thread's stamps' print
    read before the headers of other formats inside it were looked for."""
    from collections import Counter

    if len(best) < choose.SAME_STAMP_MIN:
        return best
    tails = Counter(t for t in (choose._stamp_tail(lines, a) for a in best) if t is not None)
    if not tails:
        return best
    tail, n = tails.most_common(1)[0]
    if n < choose.SAME_STAMP_MIN or n < choose.SAME_STAMP_SHARE * len(best):
        return best
    taken = {j for a in best for j in range(a.first, a.last + 1)}
    lo, hi = best[0].first, best[-1].last
    extra = [
        a
        for a in anchors
        if lo < a.first < hi and a.family != best[0].family and not any(j in taken for j in range(a.first, a.last + 1)) and choose._stamp_tail(lines, a) == tail
    ]
    return sorted(best + extra, key=lambda a: a.first) if extra else best


def test_the_headers_sharing_the_thread_stamps_are_looked_for_first_and_found_as_before():
    # (choose._with_same_stamps reads the thread's stamps' print only where a header of another
    # format lies inside the thread, not taken by it)
    from replyscope.split.anchors import Anchor

    rows = [
        "Jo Lake | March 3, 2014 | Reply",
        "I think the ferry is late again.",
        "Al replied to Jo | March 3, 2014 | Reply",
        "You are right about that.",
        "Mara | March 4, 2014",
        "Posted by Ed on March 5, 2014",
        "We saw it too.",
    ]
    stamps = ["March 3, 2014", "March 4, 2014", "March 5, 2014"]
    seen = set()
    for picked in itertools.product(range(len(rows)), repeat=5):
        lines = split_lines("\n".join(rows[k] for k in picked))
        anchors = []
        for i, s in enumerate(lines.text):
            stamp = next((d for d in stamps if d in s), "")
            if stamp:
                family = "says" if "replied" in s else "by" if s.startswith("Posted") else "name_date"
                anchors.append(Anchor(i, i, headers.CommentHeader("name_date", s.split(" ")[0], stamp), family, 0))
        best = [a for a in anchors if a.family == "name_date"]
        if not best:
            continue
        got = choose._with_same_stamps(lines, best, anchors)
        assert got == _with_same_stamps_as_read_before(lines, best, anchors), picked
        seen.add(len(got) - len(best))
    assert seen >= {0, 1}


def test_the_other_language_words_read_up_to_the_first_word_of_grammar():
    # (talk._in_other_language_uncached reads a Latin line's words one by one up to the first
    # English word of grammar, where all were found first)
    pieces = ["bu ", "haber ", "THE ", "café ", "yanlış ", "and", "ſo "]
    for s in _strings_of(pieces, 5):
        if not s.isascii():
            assert talk._in_other_language_uncached(s) == _in_other_language_as_read_before(s), repr(s)
    assert talk.in_other_language("haber café yanlış") and not talk.in_other_language("haber café and yanlış")


def _opens_short_reply_as_read_before(first: str) -> bool:
    """talk._opens_short_reply_uncached as it read a line before Session 25: the chat words first."""
    n = len(first)
    if not n or n > talk.CHAT_LINE_CHARS or first[0] in talk.BULLETS:
        return False
    low = first.lower()
    cue = talk.CHAT_WORDS.search(low) is not None or n <= talk.SHORT_REPLY_CHARS and (
        talk.ASKS_OR_EXCLAIMS.search(first) is not None or n <= talk.SHORT_ANSWER_CHARS and talk.SHORT_ANSWER.search(low) is not None
    )
    return cue and not talk.is_headline(first)


def test_a_short_reply_cues_read_before_the_chat_words_as_after_them():
    # (talk._opens_short_reply_uncached asks a short line's cues before the chat words)
    pieces = ["lol ", "So true", "?", "!", " Harbour Market Plan", "@jo ", "yeah", " the ferry was late again today and", "Source", "."]
    found = 0
    for s in _strings_of(pieces, 3):
        s = s.strip()
        if s:
            assert talk._opens_short_reply_uncached(s) == _opens_short_reply_as_read_before(s), repr(s)
            found += talk._opens_short_reply_uncached(s)
    assert found > 100


def test_the_section_gate_on_two_characters_refuses_only_what_the_whole_gate_refuses():
    # (anchors.section_headers asks patterns.gate_refuses_pair of a line's first two characters,
    # each lower-cased alone, before its cached pre-check: only where the line folds like lower,
    # and only where gate_refuses, and so COMMENT_SECTION, turns the line away)
    gate = patterns.COMMENT_SECTION_LOW
    pieces = ["Co", "com", "mments", "Re", "ré", "RÉ", "ponses", "sponses", "Th", "ought", "s", "ſ", "K", "ko", "K", "İ", "ı", "(", "12", " ", "|", "x", "Po", "sts", "e"]
    refused = 0
    for s in _strings_of(pieces, 3):
        if not s:
            continue
        if patterns.gate_refuses_pair(gate, s[0].lower(), s[1:2].lower()) and patterns.folds_like_lower(s):
            refused += 1
            assert patterns.gate_refuses(gate, s), repr(s)
            assert patterns.COMMENT_SECTION.match(s) is None, repr(s)
    assert refused > 1000
    lines = split_lines("Thank you all\n\n12 Comments\n\nThe end\n\nTo be fair\n\nResponses to “A day”\n\nRé\n")
    from replyscope.split import anchors

    assert anchors.section_headers(lines, 0) == [2, 8]


def test_the_short_mark_told_by_length_first_reads_as_its_reading():
    # (anchors.is_short_mark turns away a line longer than a mark once stripped before its cache)
    from replyscope.split import anchors

    pieces = ["+1", "100%", " ", "\u3000", "\t", "^^", "12", "#3", "Jo", "👍", "+100", "abcdefghijk", "!!"]
    long_false = 0
    for s in _strings_of(pieces, 4):
        assert anchors.is_short_mark(s) == anchors._is_short_mark_uncached(s), repr(s)
        long_false += len(s) > anchors.SHORT_WORDS_CHARS and not anchors.is_short_mark(s)
    assert long_false > 1000
    assert anchors.is_short_mark("   +100   ") and not anchors.is_short_mark("+1 is what I would give this")

# Lines of widgets' words and of readers' words, for the chrome patterns' gates: each piece alone
# and in pairs covers a form's opening character, a form that opens on a class ("3 likes", "+2",
# "#12"), the head's "[" and lines no form can take ("and so", "@jo", "Über").
_CHROME_PIECES = [
    "reply", "Reply", "[", "]", " ", "3", "12", "+", "-", "#", "likes", "points", " ago", "about ", "a", "an",
    "hours", "view ", "profile", "share", "and so", "@jo", "Über", "·", "|", "replied", "quote", "k", ".", "ſ",
]


def test_the_branch_gates_match_what_their_whole_twins_match():
    pieces = _CHROME_PIECES + ["leave a ", "comment", "comments", "(", ")", "…", "« older ", "14 thoughts on ", "“", "•"]
    assert isinstance(patterns.CHROME_WORDS_LOW, patterns.BranchGate) and isinstance(patterns.FORM_OR_SECTION_LOW, patterns.BranchGate)
    # (gates that read their parts in this process too, where the pattern cache is not installed)
    chrome_words = patterns.BranchGate(patterns.CHROME_WORDS_LOW.twin, everywhere=True)
    for gate in (chrome_words, patterns.BranchGate(patterns.FORM_OR_SECTION_LOW.twin, everywhere=True)):
        matched = 0
        for s in _strings_of(pieces, 3):
            for low in (s, s.lower()):
                mine, whole = gate.match(low), gate.twin.match(low)
                assert (mine and mine.span()) == (whole and whole.span()), repr(low)
                matched += whole is not None
        assert matched > 100 and gate._units is not None
    gate = chrome_words
    for low in ("12 people liked this", "about 9 weeks ago", "[reply]", "full profile", "+2", "#12", "1.2k", "↑", "reply ↓"):
        assert gate.match(low) is not None, low
    for low in ("and so the kettle hums", "12 may 2013 at 3pm", "a reply to the editor", "@jo thanks", "profile of a town"):
        assert gate.match(low) is None, low
    assert patterns.FORM_OR_SECTION_LOW.match("(12 comments)") is not None and patterns.FORM_OR_SECTION_LOW.match("leave a response") is not None


def test_branch_parts_read_which_forms_open_and_close_with_which_character():
    twin = re.compile(r"^\[?(?:reply|\d+ likes?|(?:view\s+)?profile|[ab]c+|x?|é+|[ü-ÿ]t|\W!)\]?\s*$")
    ((kind, head, tail, forms, head_chars, head_wide, opening, closing),) = patterns.branch_parts(twin)
    assert (kind, head, tail, head_chars, head_wide) == ("forms", r"^\[?", r"\]?\s*$", "[", False)
    assert forms == ("reply", r"\d+ likes?", r"(?:view\s+)?profile", "[ab]c+", "x?", "é+", "[ü-ÿ]t", r"\W!")
    # ("x?" may match nothing: every character's forms hold it; \W and \d take characters past ASCII)
    assert opening["r"] == (0, 4) and opening["7"] == (1, 4) and opening["v"] == opening["p"] == (2, 4)
    assert opening["a"] == opening["b"] == (3, 4) and opening["z"] == (4,) and "[" not in opening
    assert opening["é"] == (1, 4, 5, 7) and opening["ý"] == (1, 4, 6, 7) and opening[""] == (1, 4, 7) and opening["!"] == (4, 7)
    assert closing["y"] == (0, 4) and closing["e"] == (1, 2, 4) and closing["s"] == (1, 4) and closing["c"] == (3, 4)
    assert closing["é"] == (4, 5) and closing[""] == (4,) and closing["!"] == (4, 7)
    # an alternation of whole patterns is read unit by unit; a unit cut only where its first
    # alternation is read once, after a head that may match nothing
    units = patterns.branch_parts(re.compile(r"(?:^(?:a|b)\]?\s*$)|^c(?:d|e)$|^(?:f|g)?h$|^[xy]?(?:i|j)(?:k|l)$"))
    assert [u[0] for u in units] == ["forms", "whole", "whole", "forms"]
    assert units[0][6]["a"] == (0,) and units[3][3] == ("i", "j") and units[3][4] == "xy" and units[3][7] == {}
    assert units[1][1:] == ("^c(?:d|e)$", "c", False, False)
    assert patterns.branch_parts(re.compile(r"^(reply|like)\]?\s*$")) is None  # (a capturing group)
    gate = patterns.BranchGate(re.compile(r"^\[?(?:reply|\d+ likes?|x|\d+ ago.{0,3}|é\w)\]?\s*$|^(?:zz|y)$"), everywhere=True)
    lows = ["reply", "[reply]", "reply] ", "reply\n", "3 likes", "3 likes\u00a0", "x", "", " reply", "like", "4 like", "y", "zz", "é", "éé", "é٣", "4 ago!", "4 ago]", "4 agoé", "٣ likes"]
    for low in lows:
        mine, whole = gate.match(low), gate.twin.match(low)
        assert (mine and mine.span()) == (whole and whole.span()), low


def test_a_reply_row_is_tried_only_where_it_holds_its_literal():
    pieces = ["Reply", " | ", "Quote", "Jo", " replied", " · ", "2 replies", "repl", "|", "Share", "ſ", " "]
    tried = 0
    for s in _strings_of(pieces, 4):
        if not patterns.folds_like_lower(s):
            continue
        low = s.lower()
        whole = ("|" in s or "replied" in low) and patterns.CHROME_REPLY_ROW_LOW.match(low) is not None
        assert patterns.reply_row_low(s, low) == whole, repr(s)
        tried += whole
    assert tried > 50


def test_the_section_first_characters_hold_every_letter_a_section_heading_opens_with():
    # (anchors._SECTION_FIRST is spelled out for speed; the letters a COMMENT_SECTION match may
    # open with are read from the pattern's parse, so a heading word added to the pattern with a
    # new first letter fails here instead of never being read: "Kommentare" was so lost)
    from replyscope.split import anchors

    opening = patterns.opening_characters(patterns.COMMENT_SECTION_LOW.twin)
    assert opening is not None
    letters = {c for c in opening if c.isalpha() and c.isascii()}
    assert {"c", "r", "k"} <= letters
    for c in letters:
        assert c in anchors._SECTION_FIRST and c.upper() in anchors._SECTION_FIRST, c
    for c in "{[(":
        assert c not in opening or c in anchors._SECTION_FIRST, c
    page = "Ein Beitrag über den Hafen.\n\nKommentare (2)\n\nAnke Roth sagt:\nSchön geschrieben.\n"
    assert anchors.section_headers(split_lines(page), 0) == [2]
    assert anchors.section_headers(split_lines(page.replace("Kommentare", "\u212aommentare")), 0) == [2]


def test_an_indented_line_s_width_is_where_its_stripped_text_first_stands():
    # (split_lines finds an indented line's width as what is left of it without its stripped text
    # and its trailing blanks, read from its end, where the leading blanks were read one by
    # one: the same width for every opening character after every kind of blank, with every kind
    # of trailing blank, a line of blanks alone, and lines with tabs and CRLF)
    blanks = [" ", "\t", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0", "\u2003", "\u3000", "\u2028", "    "]
    for code in [*range(0, 0x3100), 0xFEFF, 0x1F600]:
        ch = chr(code)
        for lead in blanks:
            for r in (lead + ch + " reply " + ch + "\n", lead * 3 + ch, lead + ch * 2 + lead + "\r\n"):
                assert lines_module._indent_of(r, r.strip()) == len(r) - len(r.lstrip()), (hex(code), r)
    for r in (" \t \n", "\u3000\n", "\t"):
        assert lines_module._indent_of(r, r.strip()) == len(r)
    page = "Top post\n    • Ana wrote:\n\t\tReply text here\n  \u3000Moved in by a wide space\n \n\u2003\u2003• deep\r\nEnd\n"
    shown = split_lines(page)
    assert shown.indent == [0, 4, 16, 3, 2, 2, 0]
    assert shown.indent == [len(r.expandtabs(8)) - len(r.expandtabs(8).lstrip()) if r[:1].isspace() else 0 for r in shown.raw]
    assert shown.core[1] == "Ana wrote:" and shown.core[5] == "deep"


def test_the_rewritten_optional_and_bounded_groups_match_as_written():
    # (patterns._optionals_as_branches and _once_or_twice_as_branches: "(?:X)?" as "(?:X|)" and
    # "(?:X){1,2}" as "(?:X)(?:X|)", the same matches in the same order without sre's repeat)
    written = r"(?:ab(?:c)?)?d(?::\d\d){1,2}(?:e|f)?(?:g)??[(?:]?"
    rewritten = patterns._optionals_as_branches(patterns._once_or_twice_as_branches(written))
    assert rewritten == r"(?:ab(?:c|)|)d(?::\d\d)(?::\d\d|)(?:e|f|)(?:g)??[(?:]?"
    pieces = ["ab", "c", "d", ":12", ":3", "e", "f", "g", "("]
    for s in _strings_of(pieces, 4):
        for a, b in ((re.compile(written), re.compile(rewritten)),):
            assert [m.span() for m in a.finditer(s)] == [m.span() for m in b.finditer(s)], repr(s)


def test_a_blank_run_is_read_whole_only_where_no_match_gives_a_blank_back():
    read = patterns._spaces_read_whole
    assert read(r"a\s*b", 0) == r"a\s*+b"  # (what follows must match, and opens on no blank)
    assert read(r"a\s+(?:de\s+|)b", 0) == r"a\s++(?:de\s++|)b"  # (past a part that may be empty, and out of a group)
    assert read(r"a\s+(?:de\s+)?b", 0) == r"a\s++(?:de\s+)?b"  # (not out of a quantified group: it is tried again)
    assert read(r"a\s*(?:,|at)?\s*\d", 0) == r"a\s*+(?:,|at)?\s*+\d"  # (the second run takes the blanks given back)
    assert read(r"a\s*(?:b)?", 0) == r"a\s*(?:b)?"  # (the match may end before the blanks)
    assert read(r"(?:a\s*|)b|c\s*", 0) == r"(?:a\s*+|)b|c\s*"  # (the pattern's own alternative may end on blanks)
    assert read(r"(?:a\s*)?b", 0) == r"(?:a\s*)?b"  # (a quantified group's end: not past it)
    assert read(r"a\s*(?=c)?b", 0) == r"a\s*(?=c)?b"  # (an assertion says yes or no by where it stands)
    assert read(r"a\s*(?:\s|x)b", 0) == r"a\s*(?:\s|x)b"  # (what follows may open on a blank)
    assert read(r"a\s+(?:,)?\s+b", 0) == r"a\s+(?:,)?\s++b"  # (a "\s+" cannot take back what it is given)
    for written in (r"a\s*b", r"a\s+(?:de\s+|)b", r"a\s+(?:de\s+)?b", r"a\s*(?:,|at)?\s*\d", r"(?:a\s*|)b|c\s*", r"a\s+(?:,)?\s+b"):
        a, b = re.compile(written), re.compile(read(written, 0))
        for s in _strings_of(["a", " ", "  ", "b", "de", ",", "at", "3", "c"], 5):
            assert [m.span() for m in a.finditer(s)] == [m.span() for m in b.finditer(s)], (written, s)


def test_the_stamp_search_finds_what_the_unrewritten_pattern_finds_round_blanks():
    # (TIMESTAMP_RE is TIMESTAMP with its optional groups as branches and its blank runs read whole
    # where no match gives a blank back: a date's year, a clock's am / pm may be missing, and the
    # match then ends before the blanks)
    plain = re.compile(rf"(?<![\w/.:]){patterns._STAMP_START}(?:{patterns._TIMESTAMP_SEARCHED})(?![\w/])", re.I)
    pieces = ["3", " ", "  ", "march", "Mar.", ",", "2014", " at ", "9:05", "pm", " de ", "marzo", "ago", "x", "/", "Thu"]
    found = 0
    for s in _strings_of(pieces, 4):
        got = [m.span() for m in patterns.TIMESTAMP_RE.finditer(s)]
        assert got == [m.span() for m in plain.finditer(s)], repr(s)
        if patterns.folds_like_lower(s):
            assert [m.span() for m in patterns.TIMESTAMP_RE_LOW.finditer(s.lower())] == got, repr(s)
        found += bool(got)
    assert found > 1000
    assert patterns.stamp_search("Jo Lake 3 March xyz").span() == (8, 15)  # (no year: the stamp ends before the blank)
    assert patterns.stamp_search("Jo at 9:05 sharp").span() == (6, 10)


def test_the_stamp_span_searched_from_the_character_before_is_the_lower_twins_span():
    # (patterns.stamp_span_low searches from the character a stamp stands after, a class sre skips
    # to in C: the span must be TIMESTAMP_RE_LOW's, at a line's start, after a non-Latin-1 character,
    # and never after a word character, "/", "." or ":")
    pieces = ["3", " ", "march", "2014", "9:05", "pm", "(", "/", ".", ":", "x", "\u00e9", "\u0100", "\u0416", "-", "ago", "hours"]
    found = 0
    for s in _strings_of(pieces, 4):
        m = patterns.TIMESTAMP_RE_LOW.search(s)
        assert patterns.stamp_span_low(s) == (m.span() if m else None), repr(s)
        found += m is not None
    assert found > 1000
    assert patterns.stamp_span_low("march 3") == (0, 7)
    assert patterns.stamp_span_low("\u0416 9:05 pm") == (2, 9)
    assert patterns.stamp_span_low("x9:05 pm") is None


def test_the_stamp_span_from_any_place_is_stamp_searchs_span():
    # (patterns.stamp_span, for the stamp searches of body, comment_text and templates: a line that
    # folds like lower searched from the character before the stamp, from any place in it, where
    # the look-behind reads the characters before that place; other lines by TIMESTAMP_RE itself)
    pieces = ["3", " ", "March", "2014", "9:05", "PM", "/", ".", "x", "\u0130", "\u017f", "\u212a", "ago", "by Jo"]
    found = 0
    for s in _strings_of(pieces, 4):
        for pos in range(len(s) + 1):
            m = patterns.stamp_search(s, pos)
            assert patterns.stamp_span(s, s.lower(), pos) == (m.span() if m else None), (s, pos)
            found += m is not None
    assert found > 1000
    assert patterns.stamp_span("Posted March 3, 2014 by Jo", "posted march 3, 2014 by jo", 6) == (7, 20)
    assert patterns.stamp_span("x3 March 2014", "x3 march 2014", 1) is None  # (a word character before it)


def test_a_page_cut_at_its_line_feeds_reads_as_the_page_cut_by_splitlines():
    # (split_lines cuts a page whose only break is "\n" by str.split, each line without its break;
    # _split_lines_kept, splitlines with the breaks, is the reading it must give line for line)
    pieces = ["\n", " ", "\t", "\xa0", "• ", "3. ", "Ferry notes", "-", "\u2003"]
    checked = 0
    for page in _strings_of(pieces, 5):
        want, got = lines_module._split_lines_kept(page), split_lines(page)
        assert (got.raw, got.starts, got.text, got.indent, got.core) == (want.raw, want.starts, want.text, want.indent, want.core), repr(page)
        for i in range(len(want)):
            assert (got.begin(i), got.end(i), got.with_break(i)) == (want.begin(i), want.end(i), want.raw[i]), (page, i)
            assert ("\t" in got.bare[i]) == ("\t" in want.raw[i])
        checked += 1
    assert checked > 10000
    lines = split_lines("Harbour notes\n\t\n  The ferry ran late.\n   ")
    assert lines.bare == ["Harbour notes", "\t", "  The ferry ran late.", "   "]
    assert lines.indent == [0, 9, 2, 3]
    assert lines.raw == ["Harbour notes\n", "\t\n", "  The ferry ran late.\n", "   "]


def test_thread_reads_no_reply_marks_or_words_where_the_split_leaves_them_unread():
    # (threading.by_layout: where the outline numbers or the indents nest the comments, thread
    # reads neither their headers' reply marks nor their words; where some headers are marked and
    # some not, it reads no words: the split then reads none for it)
    import random

    from replyscope.split import thread
    from replyscope.split.threading import by_layout, mixed_marks

    rng = random.Random(11)
    names = ["Jo", "Ada Lake", "mara_k", "Pip"]
    words = ["@Jo quite so", "Ada Lake: the ferry was late", "in reply to Pip\nyes", "no tides today", "> the ferry was late\nagreed"]
    shown = 0
    for _ in range(4000):
        n = rng.randrange(1, 7)
        indents = [rng.choice((0, 0, 0, 4)) for _ in range(n)]
        numbers: list[tuple[int, ...] | None] = [rng.choice((None, (1,), (2,), (1, 1), (2, 1))) for _ in range(n)]
        authors = [rng.choice(names) for _ in range(n)]
        texts = [rng.choice(words) for _ in range(n)]
        marked = [rng.random() < 0.3 for _ in range(n)]
        full = thread(indents, authors, texts, numbers, marked)
        if by_layout(numbers, indents):
            shown += 1
            assert thread(indents, authors, [], numbers, None) == full
        elif mixed_marks(marked):
            assert thread(indents, authors, [], numbers, marked) == full
    assert shown > 1000


def test_the_verb_and_by_openings_are_refused_only_where_their_patterns_cannot_match():
    # (headers' _VERB_ONLY and _POSTED_BY asked behind patterns.opening_refuses: the gate reads the
    # first characters where they are ASCII, and lets a text opening past ASCII through to the pattern)
    for gate, pattern in ((headers._VERB_ONLY_GATE, headers._VERB_ONLY), (headers._POSTED_BY_GATE, headers._POSTED_BY)):
        pieces = ["commented", "Replied", "WROTE", "posted", "by", "By:", "said", " ", "\t", "Jo", "x", "\u017fays", "\u212a", "answered", "asked", "post"]
        for s in _strings_of(pieces, 3):
            for cut in (s, s[1:], s[:5], s.upper(), s.title()):
                if patterns.opening_refuses(gate, cut):
                    assert pattern.match(cut) is None, (pattern.pattern, cut)
    assert not patterns.opening_refuses(headers._VERB_ONLY_GATE, "Commented 3 days ago")
    assert patterns.opening_refuses(headers._VERB_ONLY_GATE, "Continue later")
    assert not patterns.opening_refuses(headers._VERB_ONLY_GATE, "Comments (12)")  # (it opens as "commented" does, six letters deep)
    assert not patterns.opening_refuses(headers._VERB_ONLY_GATE, "\u017faid 2 days ago")  # (a long s first: the pattern says)
    assert patterns.opening_refuses(headers._POSTED_BY_GATE, "Jo Lake")
    assert not patterns.opening_refuses(headers._POSTED_BY_GATE, "Posted by Jo Lake")


def test_a_line_with_no_early_form_no_digit_and_no_header_word_is_no_header():
    # (_read_header_uncached says no at once to such a line: every form it reads first needs what
    # the line lacks, or reads a head of the line, which lacks it too)
    quick = [
        "Harbour walk notes (edited)", "Quiet lane | parent", "Ana Lopez Moderator", "Maple grove [-]",
        "Read the rest here", "Postal walks", "Reply", "Ana Lopez", "ok then (UTC)", "Relative calm here",
    ]
    for line in quick:
        assert not headers.has_digit(line) and headers._no_early_form(line), line
        assert not headers._has_header_word(line.lower()), line
        assert headers._read_header_uncached(line) is None, line
    # (a colon, a dash first, an opening verb or a character past ASCII keeps a line on the long way:
    # a head of it may read as a header in another language, a signature or a dated verb)
    for line in ("Jo schrieb: (edited)", "\u2014 Jo Lake, yesterday", "Posted today", "Jo\u00e9 (edited)", "Date: today"):
        assert not headers._no_early_form(line), line
    assert headers.read_header("Jo schrieb: (edited)") is not None


def test_a_comment_header_compiled_or_not_is_the_same_frozen_record():
    h = headers.CommentHeader("says", "Ana Lopez", "3 days ago", True)
    assert (h.kind, h.author, h.posted_raw, h.posted_by) == ("says", "Ana Lopez", "3 days ago", True)
    assert h == headers.CommentHeader("says", "Ana Lopez", "3 days ago", True) and hash(h) == hash(headers.CommentHeader("says", "Ana Lopez", "3 days ago", True))
    assert headers.CommentHeader("by", "Jo", "").posted_by is False
    try:
        h.kind = "by"  # type: ignore[misc]
    except AttributeError:  # (dataclasses.FrozenInstanceError)
        pass
    else:
        raise AssertionError("CommentHeader should stay frozen")


def test_a_stamp_after_a_stamp_is_matched_only_at_joiners_a_stamp_may_open_with():
    # (headers._stamp_after_joiners skips the joiners patterns.STAMP_OPENING_JOINERS, read from the
    # stamp's opening look-ahead, says no stamp opens with: its answer is the plain loop's)
    assert "@" in patterns.STAMP_OPENING_JOINERS and " " not in patterns.STAMP_OPENING_JOINERS
    tails = ["9:05 pm", "3 hours ago", "yesterday", "jan 3, 2014", "x", ""]
    for c in patterns.JOINER_CHARS:
        if c not in patterns.STAMP_OPENING_JOINERS:
            for tail in tails:
                assert patterns.TIMESTAMP_RE_LOW.match(c + tail) is None, repr(c + tail)

    def plain(rest: str) -> tuple[int, int] | None:
        low = rest.lower()
        first = len(low) - len(low.lstrip(patterns.JOINER_CHARS))
        for p in range(first + 1):
            m = patterns.TIMESTAMP_RE_LOW.match(low, p)
            if m is not None:
                return m.span()
        return None

    pieces = [" ", "@", "|", "\u00b7", "-", ",", ":", "/", "3", "9:05", "pm", "2 days ago", "x"]
    for rest in _strings_of(pieces, 4):
        got = headers._stamp_after_joiners(rest, True)
        assert (got.span() if got else None) == plain(rest), repr(rest)
    assert headers._stamp_after_joiners(" | @ 9:05 pm", True) is not None


def test_readers_sharing_a_lines_lower_case_read_as_with_their_own():
    # (read_header, is_chrome, _has_section_hint and _may_link take a whole line's lower case from
    # lines.lower_of, made by whichever reader asks first: it must be the line's str.lower, on
    # lines past ASCII too, and no reader's verdict may depend on which reader lowered it first)
    from replyscope.split import anchors, chrome, clear_caches

    stems = [
        "Posted by Mara Quill on March 3, 2019 at 9:05 pm",
        "14 Comments",
        "Reply  Share  Report",
        "Tomas Verd (talk) 12:04, 7 May 2020 (UTC)",
        "the garden path ran past the old mill",
        "Tell the gardener what you think",
    ]
    variants = []
    for s in stems:
        variants += [s, s.upper(), s.title(), s.replace("s", "\u017f"), s.replace("i", "\u0131"), s.replace("I", "\u0130"), s.replace("K", "\u212a").replace("k", "\u212a")]

    def verdicts(s: str) -> tuple[object, ...]:
        return (headers.read_header(s), chrome.is_chrome(s), anchors._has_section_hint(s), line_led._may_link(s))

    for s in variants:
        clear_caches()
        own = verdicts(s)
        clear_caches()
        assert lines_module.lower_of(s) == s.lower(), repr(s)
        assert verdicts(s) == own, repr(s)
        assert lines_module.lower_of(s) == s.lower(), repr(s)


# Windows under invented headers: talk, a listing's headlines, a feed's cut excerpts, a widget's
# one line, plain statements.
_FORMAT_WINDOWS = [
    "I think you are right about the ferry, it was late again.",
    "Did anyone else see the lights over the pier last night?",
    "A Look Inside The New Harbour Market Hall",
    "Ten Quiet Walks Along The Northern Canal",
    "The council met on Tuesday to discuss the budget for the ...",
    "Read more",
    "The ferry leaves at nine and returns at six on weekdays.",
    "Thanks, that helps a lot!",
]
# Header lines of three formats: names over ages, bylines over dates, names that say.
_FORMAT_HEADERS = [
    lambda k: f"Jo Lake{k} · {k + 2} days ago",
    lambda k: f"By Al Reyes{k} on May {k + 1}, 2019",
    lambda k: f"Mara Quell{k} says:",
]


def test_a_format_turned_down_by_its_shape_is_left_out_unread_and_the_choice_is_the_same(monkeypatch):
    # (choose._by_talk leaves out a format its thread's shape alone turns down, _Threads.refused_by_shape,
    # before its talk share is read to order the formats: invented pages of two or three formats,
    # each over a mix of windows, choose the same thread, section included, as when every format is
    # ordered by its share and judged when reached)
    import random

    from replyscope.compiled import split_engine

    if split_engine() == "compiled":
        # (compiled, choose calls refused_by_shape and _conversational_share directly: the counting
        # stand-ins below would not be seen, so the test runs itself in a process of the pure-Python split)
        _run_in_pure_python("test_a_format_turned_down_by_its_shape_is_left_out_unread_and_the_choice_is_the_same")
        return

    from replyscope.split.anchors import find_anchors

    rng = random.Random(28)
    pages = []
    for _ in range(300):
        blocks = []
        for f in rng.sample(range(len(_FORMAT_HEADERS)), rng.randint(2, 3)):
            n = rng.choice([1, 2, 3, 5, 8])
            pool = rng.sample(_FORMAT_WINDOWS, rng.randint(1, 3))
            blocks.append([f"{_FORMAT_HEADERS[f](k)}\n{rng.choice(pool)}\n" for k in range(n)])
        order = [line for block in blocks for line in block]
        if rng.random() < 0.5:
            rng.shuffle(order)
        section = rng.choice(["", "7 thoughts on the ferry plan\n\n", "More from the quay desk\n\n"])
        pages.append("Harbour news today\n\nThe long article about the harbour says a great deal.\n\n" + section + "\n".join(order))
    read: list[int] = []
    share = choose._conversational_share

    def counted_share(lines, best, enough=2.0, below=float("inf")):
        read.append(len(best))
        return share(lines, best, enough, below)

    monkeypatch.setattr(choose, "_conversational_share", counted_share)

    def chosen(text: str) -> tuple[list[tuple[int, int, str]], int | None]:
        lines = split_lines(text)
        anchors, _ = find_anchors(lines, 0)
        best, section = choose.choose_anchors(lines, anchors, 2, 0)
        return [(a.first, a.last, a.family) for a in best], section

    with_probe = [chosen(t) for t in pages]
    probed = len(read)
    refused = []
    judged = choose._Threads.refused_by_shape

    def counted_refusal(self, k):
        verdict = judged(self, k)
        refused.append(verdict)
        return verdict

    monkeypatch.setattr(choose._Threads, "refused_by_shape", counted_refusal)
    assert [chosen(t) for t in pages] == with_probe
    assert sum(refused) >= 20 and not all(refused)  # (the path is taken, and not always)
    read.clear()
    monkeypatch.setattr(choose._Threads, "refused_by_shape", lambda self, k: False)
    assert [chosen(t) for t in pages] == with_probe
    assert len(read) > probed  # (the shares of the formats left out were read without it)
    assert any(best for best, _ in with_probe) and not all(best for best, _ in with_probe)


def test_the_clock_search_begun_before_the_first_colon_finds_what_the_whole_search_finds():
    # (dates._clock searches CLOCK from _CLOCK_OPENS_BEFORE_COLON characters before the stamp's
    # first ":", the widest a match holds before its own ":", read from the pattern's parse)
    from replyscope.split import dates

    assert dates._CLOCK_OPENS_BEFORE_COLON == dates._widest_before_colon(dates._FORMS_LOW.clock) == 2
    assert dates._widest_before_colon(re.compile(r"\d+:\d\d")) == -1  # (no bound: the search is whole)
    pieces = ["9", "12", "305", ":", "05", " ", "a", "pm", "P.M.", ".", "x", "Mar", "-", "@", ":7"]
    for s in _strings_of(pieces, 4):
        if ":" not in s:
            continue
        for forms in (dates._FORMS, dates._FORMS_LOW):
            text = s.lower() if forms is dates._FORMS_LOW else s
            colon = text.find(":")
            begun = forms.clock.search(text, max(0, colon - dates._CLOCK_OPENS_BEFORE_COLON))
            whole = forms.clock.search(text)
            assert (begun and begun.span()) == (whole and whole.span()), repr(s)
    assert str(dates.parse_posted("Tue 3 Mar 2020 at 10:41 pm")) == "2020-03-03 22:41:00"
    assert str(dates.parse_posted("posted 2019-07-04 1:02:03 AM")) == "2019-07-04 01:02:03"
    assert str(dates.parse_posted("Jan 9, 2021 at 12:30am, 14:02")) == "2021-01-09 00:30:00"


def _led_rows_by_lines(lines: lines_module.Lines, page: str, floor: int) -> list[int]:
    """_led_rows read line by line: the lines from `floor` whose text in the page (with the character
    after it) holds a "(" before a link word's first letter, a ":" between two digits, a dash with a
    space after it, or (in a page past ASCII) a character that does not fold like lower."""
    rows = []
    wide = not page.isascii()
    for i in range(floor, len(lines)):
        lo = lines.starts[i]
        hi = lines.starts[i + 1] if i + 1 < len(lines) else len(page)
        for k in range(lo, hi):
            c, after = page[k], page[k + 1 : k + 2]
            if (
                c == "(" and after != "" and after in line_led._LINK_FIRST
                or c == ":" and k > 0 and after != "" and page[k - 1].isdigit() and after.isdigit()
                or c in ("-", "–", "—") and after == " " and (c == "-" or wide)
                or wide and c in "\u0130\u0131\u017f"
            ):
                rows.append(i)
                break
    return rows


def test_led_rows_are_the_lines_a_reading_line_by_line_finds():
    # (_led_rows reads the character after a bracket by its code point, where it took a slice: the
    # rows are those a line-by-line reading of the page finds, with hyphens, ranges, dashes at a
    # line's end and brackets before any letter, past ASCII or at the page's end among them)
    pieces = ["-", "- ", "–", "— ", "(", "(t", "(T", "(é", "(\u212a", "(b", ":", "2:3", "a-b", "x", " ", "ı", "\n"]
    pages = ["".join(parts) for parts in itertools.product(pieces, repeat=3)]
    pages += ["Words here - and a-b-c hyphens\nrange 3-4 and (note) then (talk\nend -", "— Jo (Talk) 14:02\n(", "plain:words 2:\n:3 and -\n- \n"]
    for page in pages:
        shown = split_lines(page)
        for floor in (0, 1):
            assert line_led._led_rows(shown, page, floor) == _led_rows_by_lines(shown, page, floor), repr(page)
    page = "Words of mine - with hyphen-ated words\nno marks-here at all\n(Contribs) are here\n"
    assert line_led._led_rows(split_lines(page), page, 0) == [0, 2]

