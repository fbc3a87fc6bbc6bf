"""split_lines' offsets and indents, and segments_of's runs, against their plain definitions."""

from __future__ import annotations

import itertools
import random

from replyscope.split.lines import lower_of, split_lines
from replyscope.split.segments import segments_of

# whitespace of several kinds (line breaks splitlines cuts at among them), ink, a bullet
_ALPHABET = [" ", "\t", "\xa0", "\u2003", "\n", "\r\n", "\r", "\x0c", "\x1c", "\u2028", "a", "Z", "•", "3", ".", "—"]


def _pages() -> list[str]:
    rng = random.Random(7)
    pages = ["", "\n", "one line", "  indented\n\tTabbed\n\n   \n• item\nlast"]
    pages += ["".join(p) for p in itertools.product(_ALPHABET[:6] + ["a"], repeat=4)]
    pages += ["".join(rng.choice(_ALPHABET) for _ in range(rng.randrange(1, 60))) for _ in range(3000)]
    return pages


def test_split_lines_gives_each_lines_offset_and_leading_whitespace():
    for page in _pages():
        lines = split_lines(page)
        raw = page.splitlines(keepends=True)
        assert lines.raw == raw
        assert lines.starts == [sum(map(len, raw[:i])) for i in range(len(raw))]
        assert lines.text == [r.strip() for r in raw]
        want = []
        for r in raw:
            lead = len(r) - len(r.lstrip())
            want.append(len(r[:lead].expandtabs(8)) if "\t" in r[:lead] else lead)
        assert lines.indent == want, repr(page)


def test_segments_are_the_runs_of_one_role_over_the_lines_with_text():
    rng = random.Random(3)
    for page in _pages()[:1500]:
        lines = split_lines(page)
        roles = [rng.choice(("body", "title", "boilerplate")) for _ in lines.raw]
        segments = segments_of(lines, roles, len(page))
        # the runs cover the page, one after the other, and each line with text lies in a run of its role
        assert [s for s, _, _ in segments[1:]] == [e for _, e, _ in segments[:-1]]
        if page:
            assert segments[0][0] == 0 and segments[-1][1] == len(page)
        else:
            assert segments == []
        for i, s in enumerate(lines.text):
            if s:
                start = lines.starts[i]
                assert any(a <= start < b and r == roles[i] for a, b, r in segments), (repr(page), i)
        # a run ends only where the next line with text changes role
        assert all(a[2] != b[2] for a, b in zip(segments, segments[1:]))


def test_a_line_set_in_by_any_blank_has_an_indent_and_a_line_flush_left_none():
    # (the title readings ask indent[i] > 0 of a line with text where they asked raw[i][:1].isspace())
    page = "Harbour notes\n  two spaces in\n\tone tab in\n\xa0a no-break space in\nflush again\r\n   \n"
    lines = split_lines(page)
    assert [w > 0 for w in lines.indent[:5]] == [False, True, True, True, False]
    assert [r[:1].isspace() for r in lines.raw[:5]] == [False, True, True, True, False]



def test_a_lines_shared_lower_case_is_its_own():
    # (lines.lower_of: one lower-cased copy of a distinct line, shared by the readers that lower-case it)
    for s in ["Harbour Notes", "FERRY TIMES 2024", "ſtrange İsland ıdea", "Kelvin 3\u212a", "", "  ", "É12"]:
        assert lower_of(s) == s.lower()
        assert lower_of(s) is lower_of(s)
