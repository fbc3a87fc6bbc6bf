"""Deferred patterns (compiled on first use) match exactly what the compiled pattern matches, and
a split reads a page the same whichever pattern of a lower twin pair its lines reach."""

import re

import pytest

from replyscope.split import split_document
from replyscope.split.lines import _strip_marker
from replyscope.split.patterns import CHROME, FURNITURE, LIST_MARKER, NOT_A_NAME_LINE, Deferred, chrome_line, either, lower_twin, not_a_name_line

LINES = [
    "Read more: the council's budget",
    "READ MORE » Related stories",
    "Share this",
    "12 Comments",
    "Leave a Reply",
    "Reply",
    "Jo Lake",
    "İstanbul Haberleri",  # (does not fold like lower: the original, not the twin, reads it)
    "advertisement",
    "The council met on Tuesday to discuss the budget.",
]


def test_deferred_matches_what_the_compiled_pattern_matches():
    text = r"^(?:read more|share this|\d+ comments?)\b"
    deferred, compiled = Deferred(text, re.I), re.compile(text, re.I)
    assert deferred.flags == compiled.flags and deferred.pattern == compiled.pattern
    for s in LINES:
        a, b = deferred.match(s), compiled.match(s)
        assert (a and a.span()) == (b and b.span())
        assert deferred.sub("", s) == compiled.sub("", s)
    assert deferred.groups == compiled.groups


def test_either_of_deferred_parts_is_the_union():
    a, b = Deferred(r"^share\b", re.I), re.compile(r"^\d+ comments?$", re.I)
    joined, lazy = either(a, b), either(a, b, deferred=True)
    assert isinstance(lazy, Deferred) and lazy.pattern == joined.pattern
    for s in LINES:
        expected = bool(re.match(a.pattern, s, re.I) or b.match(s))
        assert bool(joined.match(s)) == bool(lazy.match(s)) == expected
    with pytest.raises(ValueError):
        either(a, re.compile("x"))  # (flags differ)
    with pytest.raises(ValueError):
        Deferred(r"(?i)^share")


def test_the_split_patterns_and_their_twins_agree():
    twin = lower_twin(NOT_A_NAME_LINE)
    for s in LINES + CHROME_LINES:
        if s.isascii():
            assert bool(NOT_A_NAME_LINE.match(s)) == bool(twin.match(s.lower()))
        # (the lower twins, the reply rows asked apart, or the originals for "İ")
        assert not_a_name_line(s) == bool(NOT_A_NAME_LINE.match(s)), s
        assert chrome_line(s) == bool(CHROME.match(s)), s
    assert FURNITURE.match("Read more: the council's budget")
    assert [s for s in CHROME_LINES if chrome_line(s)] == CHROME_LINES[:6]


# Chrome lines that hold "|" or "replied" (read apart, see patterns.CHROME_REPLY_ROW), then lines
# that look like them and are a commenter's words.
CHROME_LINES = [
    "Reply | Quote",
    "Report abuse | Reply",
    "[Reply | Permalink]",
    "Jo Lake replied · 3 replies",
    "Reply",
    "12 likes",
    "Jo Lake replied to the council",
    "Bus | Train | Tram timetables",
    "I replied · twice, with no answer",
]


def test_a_page_with_a_line_only_the_original_reads_splits():
    page = "\n\n".join(
        [
            "Council passes the budget",
            "The council met on Tuesday and passed next year's budget after a long debate about the roads, "
            "the schools and the parks, which took most of the evening and ended in a close vote.",
            "2 Comments",
            "İlker Yılmaz says:\nMarch 3, 2014 at 6:05 pm",
            "I think the roads needed the money more than the parks did, to be honest with you.",
            "Jo Lake says:\nMarch 4, 2014 at 9:12 am",
            "Do you know when the vote on the schools will be? I could not find it anywhere.",
        ]
    )
    split = split_document(page)
    assert [c.author for c in split.comments] == ["İlker Yılmaz", "Jo Lake"]


# Lines around an article: breadcrumbs, calls to sign in, author notes, and the prose and titles
# the fast paths must leave to the patterns' verdict.
NAV_AND_BIO_LINES = [
    "Home › World › Europe",
    "News | Sport | Weather",
    "Skip to main content",
    "SIGN IN to comment",
    "Login",
    "You are here: News",
    "Register now",
    "Council passes the budget after a long night",
    "Jo Lake is a senior writer at the Courier.",
    "Jo Lake can be reached at jo@courier.example",
    "Her latest book, Roads, is out in May.",
    "Visit his blog for more.",
    "Follow them on Twitter for updates.",
    "Jo lives in Leeds. She covers the council.",
    "She lives in leeds. he said so.",
    "The council can be contacted at the town hall, which is a staff writer's joke.",  # (a bio phrase in prose)
    "ſkip to content",  # (IGNORECASE reads "ſ" as "s": the pattern itself reads it)
    "Navıgation",
    "\u212aelvin: the Sign In page",  # (the Kelvin sign folds to "k")
    "Reporting by Jo Lake; editing by Ann Smith",
]


def test_nav_line_fast_path_agrees_with_the_pattern():
    from replyscope.split.body import NAV_LINE, is_nav_line

    found = [s for s in NAV_AND_BIO_LINES if is_nav_line(s)]
    assert found == [s for s in NAV_AND_BIO_LINES if NAV_LINE.search(s)]
    assert "Home › World › Europe" in found and "Skip to main content" in found and "ſkip to content" in found
    assert "Council passes the budget after a long night" not in found


def test_author_bio_twin_finds_what_the_pattern_finds():
    from replyscope.split.body import is_boilerplate_line
    from replyscope.split.patterns import AUTHOR_BIO, AUTHOR_BIO_LOW, folds_like_lower

    for s in NAV_AND_BIO_LINES:
        if folds_like_lower(s):
            assert (AUTHOR_BIO_LOW.search(s.lower()) is None) == (AUTHOR_BIO.search(s) is None), s
    assert is_boilerplate_line("Jo Lake is a senior writer at the Courier.")
    assert is_boilerplate_line("Jo lives in Leeds. She covers the council.")
    assert not is_boilerplate_line("Council passes the budget after a long night")


# The plain form of GLUED_HINT, which patterns.py writes class-first for speed.
_GLUED_HINT_PLAIN = re.compile(r"[A-Za-z)]\d|[A-Za-z0-9)][JFMASOND][aepuco][nbrylgptvc]")


def test_glued_hint_finds_a_hint_in_the_lines_its_plain_form_does():
    from replyscope.split.headers import read_header
    from replyscope.split.patterns import GLUED_HINT

    lines = LINES + [
        "JaneAugust 5, 2012 4:11 AM",
        "Dan Smith7/10/2012 8:15 pm",
        "(4)Jan 3, 2013",
        "5Jan 2013",
        "Room 101 4:11 AM",
        "Jo Lake | March 3, 2014 6:05 pm | Reply",
        "A1 Sauce",
        "x\u0663",  # (a digit of another script: \d reads it in both forms)
        "March",
        "",
    ]
    for s in lines:
        assert (GLUED_HINT.search(s) is None) == (_GLUED_HINT_PLAIN.search(s) is None), s
    # the hint lets the glued name and date read apart
    assert read_header("JaneAugust 5, 2012 4:11 AM").author == "Jane"
    assert read_header("Dan Smith7/10/2012 8:15 pm").author == "Dan Smith"


@pytest.mark.parametrize(
    "line",
    ["3. Maya Lind", "7. March 23, 2031", "09. Jul, 2012", "7 Aug 12", "• KELVIN Ostrander", "- Otto Brine wrote", "#3 Mara Quell", "3 giorni fa", "2 Replies", "1. İda Varrow", "4. ſome dunes", "10:30 am", "2012-10-16"],
)
def test_a_list_marker_is_cut_as_the_pattern_cuts_it(line):
    # (lines.core cuts it with the pattern's lower twin where the line lower-cases alike)
    assert _strip_marker(line) == LIST_MARKER.sub("", line, count=1)


GATE_LINES = LINES + [
    "reply",
    "replies",
    "[reply]",
    "3 replies",
    "share on the web",
    "sharing is caring",
    "show translation",
    "showing 4 comments",
    "view full  profile",
    "view all 12 comments",
    "leave a  response",
    "leaving soon",
    "read more: the budget",
    "ready when you are",
    "the comment was deleted",
    "the council met",
    "edited 2 hours ago",
    "(edited)",
    "top picks",
    "tops",
    "a",
    "",
    "répondre",
    "zzz",
]


@pytest.mark.parametrize("name", ["CHROME_WORDS_LOW", "FURNITURE_LOW", "FORM_OR_SECTION_LOW", "COMMENT_SECTION_LOW", "COMMENT_FORM_LOW"])
def test_a_letter_gate_matches_what_its_twin_matches(name):
    from replyscope.split import patterns

    gate = getattr(patterns, name)
    assert isinstance(gate, patterns.LetterGate)
    for s in GATE_LINES + [s.lower() for s in GATE_LINES] + [s.upper() for s in GATE_LINES]:
        mine, twin = gate.match(s), gate.twin.match(s)
        assert (mine and mine.span()) == (twin and twin.span()), s
    # (the prefixes were read: a gate that reads none would refuse nothing)
    assert gate._by_letter


def test_letter_prefixes_cover_every_form():
    from replyscope.split.patterns import letter_prefixes

    prefixes = letter_prefixes(re.compile(r"^\[?(?:reply|re(?:port|post)|(?:view\s+)?profile|\d+ likes?|[ab]c+|x.y)\s*$"))
    assert prefixes is not None
    assert prefixes["r"] == ("reply", "report", "repost") and prefixes["v"] == ("view",) and prefixes["p"] == ("profil",)
    assert prefixes["a"] == ("ac",) and prefixes["b"] == ("bc",) and prefixes["x"] == ("x",)
    assert "d" not in prefixes  # (no form opens with "d": a line opening with it cannot match)
    # a class that may read a letter where a match opens: no prefixes to read
    assert letter_prefixes(re.compile(r"^(?:reply|\w+ said)$")) is None
