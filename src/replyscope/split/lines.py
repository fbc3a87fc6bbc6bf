"""A page as lines with offsets: the unit every other splitter module reasons about.

Splitting once with `str.splitlines(keepends=True)` (C speed) and accumulating lengths gives
exact offsets, so segments built from whole lines are lossless by construction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress
from typing import Final

from replyscope.split.caches import line_dict
from replyscope.split.patterns import BULLETS, LINK_MARK, LINK_MARK_INSIDE, LIST_MARKER, LIST_MARKER_LOW, ends_sentence, folds_like_lower

_MARKER_STARTS: Final = BULLETS | frozenset("-–#0123456789")


@dataclass(slots=True, init=False)
class Lines:
    """Parallel per-line lists for one page (index i is line i)."""

    bare: list[str]  # the line without its line break (see split_lines; `raw` holds it with the break)
    starts: list[int]  # offset of the line's first character
    text: list[str]  # the line stripped of surrounding whitespace
    indent: list[int]  # leading whitespace width (threading depth in rendered pages)
    core: list[str]  # `text` without a leading bullet or list number
    sections: tuple[int, list[int]] | None = None  # (from line, comment-section header lines)
    # how many lines have text before each line (and before the end): see nonblank_between
    _nonblank_before: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    # the page's text, and its lines with their breaks once asked for (see raw)
    _page: str = field(default="", repr=False, compare=False)
    _raw: list[str] | None = field(default=None, repr=False, compare=False)

    # (written out: under mypyc the __init__ a @dataclass writes stays plain Python, ~3.7k
    # instructions a page)
    def __init__(
        self,
        bare: list[str],
        starts: list[int],
        text: list[str],
        indent: list[int],
        core: list[str],
        sections: tuple[int, list[int]] | None = None,
        page: str = "",
        raw: list[str] | None = None,
    ) -> None:
        self.bare = bare
        self.starts = starts
        self.text = text
        self.indent = indent
        self.core = core
        self.sections = sections
        self._nonblank_before = None
        self._page = page
        self._raw = raw

    @property
    def raw(self) -> list[str]:
        """Each line with its line break, exactly as in the text (`str.splitlines(keepends=True)`).

        (Made when first asked: a page whose only line break is "\n" is split without its breaks,
        see split_lines, and few readers want them.)"""
        raw = self._raw
        if raw is None:
            raw = self._raw = self._page.splitlines(True)
        return raw

    def __len__(self) -> int:
        return len(self.starts)

    def nonblank_between(self, lo: int, hi: int) -> int:
        """How many lines in text[lo:hi] have text. (The count runs between every two headers of
        every format a page's thread is tried in, and again as a thread is extended: the page's
        lines are counted once, when first asked.)"""
        text = self.text
        if lo < 0 or hi < 0:
            return sum(map(bool, text[lo:hi]))  # (a slice from the end: as the slice reads it)
        before = self._nonblank_before
        if before is None:
            before = [0] * (len(text) + 1)
            n = 0
            for k, s in enumerate(text):
                n += s != ""
                before[k + 1] = n
            self._nonblank_before = before
        lo, hi = min(lo, len(text)), min(hi, len(text))
        return before[hi] - before[lo] if hi > lo else 0

    def _span_end(self, i: int) -> int:
        """Offset just past line i's line break (the next line's start, or the page's end)."""
        return self.starts[i + 1] if i + 1 < len(self.starts) else len(self._page)

    def with_break(self, i: int) -> str:
        """Line i with its line break, exactly as in the text (raw[i], read from the page)."""
        return self._page[self.starts[i] : self._span_end(i)]

    def end(self, i: int) -> int:
        """Offset just past line i's last visible character (line break and trailing blanks excluded)."""
        # (every line break is whitespace: the line without its break strips to the same end)
        return self.starts[i] + len(self.bare[i].rstrip())

    def begin(self, i: int) -> int:
        """Offset of line i's first visible character (a blank line's: past its line break)."""
        b = self.bare[i]
        lead = len(b) - len(b.lstrip())
        if lead < len(b):
            return self.starts[i] + lead
        return self._span_end(i)  # (a line of blanks: `raw.lstrip()` read past its break too)


# Columns a tab indents to (the width text renderers and terminals give it).
TAB_STOP: Final = 8


def next_nonblank(lines: Lines, i: int, reach: int) -> int | None:
    """The first line with text under line i, at most `reach` blank lines below it, or None."""
    for j in range(i + 1, min(len(lines), i + 1 + reach + 1)):
        if lines.text[j]:
            return j
    return None


def prev_nonblank(lines: Lines, i: int, reach: int) -> int | None:
    """The first line with text over line i, at most `reach` blank lines above it, or None."""
    for j in range(i - 1, max(-1, i - 1 - reach - 1), -1):
        if lines.text[j]:
            return j
    return None


def nonblank_above(lines: Lines, i: int, count: int) -> list[int]:
    """The first `count` lines with text over line i, nearest first, however many blanks between."""
    # (a loop that stops at the count: compiled, `islice` of a generator read every line up to the
    # page's top into a list first)
    found: list[int] = []
    text = lines.text
    j = i - 1
    while j >= 0 and len(found) < count:
        if text[j]:
            found.append(j)
        j -= 1
    return found


# The characters other than "\n" that `str.splitlines` ends a line at ("\r" alone or in "\r\n").
_OTHER_BREAKS: Final = ("\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def split_lines(text: str) -> Lines:
    """The page's lines (see Lines). A page whose only line break is "\n" (most pages) is cut by
    `str.split`, its lines without their breaks: such a line with no blank round it is its own
    stripped text, the same string (`strip` gives the string itself back where nothing is taken
    off), where a line kept with its break is copied anew by `strip`; the lines with their breaks
    are made only if asked for (Lines.raw). Any other break: see _split_lines_kept."""
    for brk in _OTHER_BREAKS:
        # (each a C scan of the page; one past Latin-1 says no on a narrower page's width alone)
        if brk in text:
            return _split_lines_kept(text)
    if not text:
        return Lines(bare=[], starts=[], text=[], indent=[], core=[], page=text, raw=[])
    bare = text.split("\n")
    broken = text[-1] == "\n"  # (whether the last line has its break: `split` gives an empty piece after it)
    if broken:
        bare.pop()
    n = len(bare)
    stripped = [b.strip() for b in bare]
    core = stripped.copy()
    starts = [0] * n
    indent = [0] * n
    pos = 0
    for i in range(n):
        b = bare[i]
        s = stripped[i]
        starts[i] = pos
        pos += len(b) + 1
        if not s:
            # (a blank line's indent is its length with its break, as `len(r) - len(r.lstrip())`
            # reads it; the last line's break is taken back below where it has none)
            indent[i] = len(b) + 1
            continue
        # (as _split_lines_kept reads the line: a line with text opens as it does with its break)
        if _opens_with_space(b):
            indent[i] = _indent_of(b, s)
        core[i] = _core_of(s, indent[i])
    if not broken and not stripped[n - 1]:
        indent[n - 1] -= 1  # (the last line, blank, has no break)
    if "\t" in text:
        # (as _split_lines_kept: the lead of a blank line holds its break)
        for i in compress(range(n), indent):
            b = bare[i]
            lead = (b if stripped[i] else b + "\n")[: indent[i]]
            if "\t" in lead:
                indent[i] = len(lead.expandtabs(TAB_STOP))
    return Lines(bare=bare, starts=starts, text=stripped, indent=indent, core=core, page=text)


def _split_lines_kept(text: str) -> Lines:
    """split_lines of a page with a line break other than "\n": its lines cut by `splitlines`,
    each with its break (Lines.bare is then Lines.raw: every reader of `bare` reads a line's text
    or its blanks, and a break is whitespace)."""
    raw = text.splitlines(True)
    n = len(raw)
    # (the lines stripped by a compiled comprehension, each by a compiled call: `list(map(str.strip,
    # raw))` made a Python call of every line; the cores start as a copy of them, made at C speed,
    # and a line with text takes its own from _core_of)
    stripped = [r.strip() for r in raw]
    core = stripped.copy()
    starts = [0] * n
    # indentation as the width of leading whitespace (a blank line's is its length; never read)
    indent = [0] * n
    pos = 0
    for i in range(n):
        r = raw[i]
        s = stripped[i]
        starts[i] = pos
        pos += len(r)
        # (a line is never empty; most open with a letter)
        if _opens_with_space(r):
            indent[i] = _indent_of(r, s)
        if s:
            core[i] = _core_of(s, indent[i])
    if "\t" in text:
        # a tab indents to the next tab stop, not by one column: a reply indented by one tab more
        # than its parent sits deeper than the parent's text indented by a few spaces
        for i in compress(range(len(raw)), indent):  # (the indented lines, picked out at C speed)
            lead = raw[i][: indent[i]]
            if "\t" in lead:
                indent[i] = len(lead.expandtabs(TAB_STOP))
    return Lines(bare=raw, starts=starts, text=stripped, indent=indent, core=core, page=text, raw=raw)


# The code points of _MARKER_STARTS, and the bounds of the gap between those in ASCII and those
# past it (the letters stand in it): a code point below the first or in the gap is none of them.
_MARKER_CODES: Final = frozenset(ord(c) for c in _MARKER_STARTS)
_MARKER_FIRST: Final = min(_MARKER_CODES)
_MARKER_ASCII_LAST: Final = max(c for c in _MARKER_CODES if c < 128)
_MARKER_WIDE_FIRST: Final = min(c for c in _MARKER_CODES if c >= 128)
# The renderer's bullet's code point: `ord(s[0])` compiled reads it with no new string made.
BULLET_CODE: Final = ord("•")

# The code points of BULLETS, and the bounds of the gap between those in ASCII and those past it,
# as for the markers above.
_BULLET_CODES: Final = frozenset(ord(c) for c in BULLETS)
_BULLET_FIRST: Final = min(_BULLET_CODES)
_BULLET_ASCII_LAST: Final = max(c for c in _BULLET_CODES if c < 128)
_BULLET_WIDE_FIRST: Final = min(c for c in _BULLET_CODES if c >= 128)


def opens_with_bullet(s: str) -> bool:
    """s[:1] in BULLETS, told by the first character's code point.

    (Compiled, `s[0]` makes a new string of a character past Latin-1, as most bullets are, and the
    set lookup hashes it: the article's and the comment zone's passes ask it of most lines.)"""
    if not s:
        return False
    code = ord(s[0])
    if code == BULLET_CODE:
        return True  # (the renderer's, opening half the lines of a raw page: told without the set)
    if code < _BULLET_FIRST or _BULLET_ASCII_LAST < code < _BULLET_WIDE_FIRST:
        return False
    return code in _BULLET_CODES


def _core_of(s: str, indent: int = 0) -> str:
    """A stripped line with text, without the list marker it opens with (the line itself where it
    has none), nor a text browser's marks round its words (see _without_link_marks). Long lines
    are prose: no header is read from them, so their marker is left alone. `indent`: the line's
    leading whitespace (a text browser's deeper bullets are read only on an indented line)."""
    if len(s) > 110:
        return s
    if indent >= _BROWSER_LIST_INDENT and len(s) > 2 and s[1] == " " and s[0] in BROWSER_BULLETS and s[2] != " ":
        s = s[2:]  # ("      + Name": lynx's bullet of a list's second level, "o" its third, ...)
    # (the first character told by its code point: compiled, `s[0]` makes a new string of a
    # character past Latin-1, as "•" is, and a set lookup hashes it; most lines open with a letter,
    # between the markers of ASCII and those past it)
    code = ord(s[0])
    if code == BULLET_CODE and len(s) > 1 and ord(s[1]) == 32:  # ("• ": the commonest marker of all, told first: most marked lines of a rendered page)
        core = s[2:].lstrip()
    elif code < _MARKER_FIRST or _MARKER_ASCII_LAST < code < _MARKER_WIDE_FIRST or code not in _MARKER_CODES:
        core = s
    else:
        core = _strip_marker(s)
    if core[:1] == "(" and core.startswith(_BUTTON_MARK) and len(core) > len(_BUTTON_MARK):
        core = core[len(_BUTTON_MARK) :].lstrip()
    # (a text browser's link marks read past too: one C scan says no on most lines)
    return _without_link_marks(core) if "[" in core else core


# The bullets lynx gives a list's deeper levels ("*" is the first level's, one of BULLETS): "+",
# "o", "#", "@" each a level deeper. As list markers they are read only on a line indented as a
# text browser indents a list (3 columns a level past its margin): "o" and "+" open words too.
BROWSER_BULLETS: Final = frozenset("+o#@")
_BROWSER_LIST_INDENT: Final = 3

# A text browser's mark of a form's button before its words ("(BUTTON) Reply"): read past.
_BUTTON_MARK: Final = "(BUTTON) "

# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_LINK_MARKS_CACHE: Final[dict[str, str]] = line_dict()


def _without_link_marks(s: str) -> str:
    """A line without the link numbers a text browser glues to its links' words ("[52]Name
    [53]March 2, 2022" -> "Name · March 2, 2022", "* [54]Reply" -> "Reply"): furniture round the
    words, as a list marker is, so every reader of a line's core (a header, a name, a date, a
    footer row, a section's count) reads the words. A mark after other words opens another link,
    another field: it is read as the separator between two fields ("jo · 1d"). A mark that is
    the whole line stays."""
    known = _LINK_MARKS_CACHE.get(s)
    if known is None:
        known = LINK_MARK_INSIDE.sub(" · ", LINK_MARK.sub("", s, count=1)) if "]" in s else s
        known = _LINK_MARKS_CACHE[s] = known if known.strip() else s
    return known


def _indent_of(r: str, s: str) -> int:
    """len(r) - len(r.lstrip()) for a line `r` that opens with whitespace, `s` being r.strip().

    `strip` and `isspace` read the same characters as whitespace, so the line is its blanks, `s`,
    then its trailing blanks: the width is what is left of the line without the other two. The
    trailing blanks are read from the line's end by code points, most often its line break alone,
    where reading each of the leading ones by code points cost ~300 instructions a line for the deep
    indents of a rendered page's replies. A line of blanks alone is blank to its end."""
    if not s:
        return len(r)
    k = len(r) - 1
    while True:  # (ends at s's last character: it is no blank)
        code = ord(r[k])
        if code < 128:
            if not (code == 32 or 9 <= code <= 13 or 28 <= code <= 31):
                break
        elif not r[k].isspace():
            break
        k -= 1
    return k + 1 - len(s)


def _opens_with_space(r: str) -> bool:
    """r[0].isspace() for a line `r` (never empty), told by the first character's code point where
    it is in ASCII: whitespace there is a tab, a line break, a form feed, the four separators
    (28-31) or a space. (Compiled, `r[0]` makes a new string of a character past Latin-1.)"""
    code = ord(r[0])
    if code < 128:
        return code == 32 or 9 <= code <= 13 or 28 <= code <= 31
    return r[0].isspace()


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_STRIP_MARKER_CACHE: Final[dict[str, str]] = line_dict()


def _strip_marker(s: str) -> str:
    known = _STRIP_MARKER_CACHE.get(s)
    if known is None:
        known = _STRIP_MARKER_CACHE[s] = _strip_marker_uncached(s)
    return known


def _strip_marker_uncached(s: str) -> str:
    # a bullet and its space are sliced off; numbers need the regex (dates must stay whole)
    if len(s) > 1 and s[1] == " " and s[0] in BULLETS:
        return s[2:].lstrip()
    rest = s.lstrip("#0123456789")
    if len(rest) != len(s) and rest[:1] not in _AFTER_NUMBER:
        return s  # "10:30 am", "1/2 cup", "2012-10-16": a number that is not a list marker
    # (LIST_MARKER.sub("", s, count=1): the pattern is anchored at the line's start; its lower twin,
    # faster, reads the lines it reads as the pattern does: see patterns.lower_twin)
    # (its lower case shared with the line's other readers through lower_of)
    m = LIST_MARKER_LOW.match(lower_of(s)) if folds_like_lower(s) else LIST_MARKER.match(s)
    return s[m.end() :] if m is not None else s


# What may follow a list number: "3. Name", "3) Name", "3 Name", "3.Name".
_AFTER_NUMBER: Final = frozenset(".) \t")


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_IS_PROSE_CACHE: Final[dict[str, bool]] = line_dict()


def is_prose(s: str) -> bool:
    """A line that reads like running text rather than a label, link or menu item."""
    # (a line's length alone says for most lines, for less than a lookup costs: only the lines
    # between are read, and cached)
    n = len(s)
    if n >= 90:
        return True
    if n < 25:
        return False
    known = _IS_PROSE_CACHE.get(s)
    if known is None:
        known = _IS_PROSE_CACHE[s] = s.count(" ") >= 4 and ends_sentence(s)
    return known


# (its lower-cased lines kept in a dict it reads itself, bounded and emptied with the other line
# caches: see caches.line_dict)
_LOWER_CACHE: Final[dict[str, str]] = line_dict()


def lower_of(s: str) -> str:
    """s.lower(), shared by the readers of one line that each lower-cased it: the lines of an
    article are lower-cased by is_boilerplate_line's and is_comment_marker's first readings and
    again where the title's words are looked for in them (body._words_in).

    (A dict of strings, not a record of the line's facts: a native object a line, kept in a dict,
    is one more container the collector walks at each collection, ~+40 M instructions over the
    966 Dragnet raw pages for ~30 M of lower-casing spared; a dict holding strings alone is not
    tracked by the collector.)"""
    low = _LOWER_CACHE.get(s)
    if low is None:
        low = _LOWER_CACHE[s] = s.lower()
    return low
