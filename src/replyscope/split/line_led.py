"""Comments whose header shares a line with their words: a chat log's "[14:03] jo: words" (or
"14:03 <jo> words", "jo (2:03 PM): words"), whose header opens the line, and a Q&A site's comment
"words – jo Mar 3, 2020 at 14:21", signed at the line's end; and a wiki's talk page, whose
comments end with a signature ("words. — Jo Lake (talk) 14:02, 3 March 2024 (UTC)"), or sign on
the line under their words, a reply one ":" level (or one indent) deeper than what it answers.

The block readers (comments.build_zone) take a header's line as the header's alone, so a page of
such lines reads as a few long comments or none. A page where enough lines share one of these
shapes is read here instead: each such line starts (or ends) one comment, and the cut keeps the
header's characters out of its words.
"""

from __future__ import annotations

import re
from typing import Final

from replyscope.split.caches import line_dict
from replyscope.split.chrome import is_chrome, is_stop_line
from replyscope.split.comments import Comment, Zone, zone_line_role
from replyscope.split.headers import _NUMERIC_HANDLE, _ZONE_TAIL, MAX_HEADER_CHARS, _name_ok, read_glued_age, read_header
from replyscope.split.lines import Lines, is_prose, lower_of, prev_nonblank
from replyscope.split.patterns import edge_characters, folds_like_lower, lower_twin, match_literals

# Lines of one shape a page must hold to be read as a log or as signed lines: one or two such
# lines are a quoted exchange or a transcript's snippet inside an article, unless the page sets
# them apart as its own section (see _set_apart).
MIN_LED: Final = 3
# The fewest lines of one shape read as a thread when the page sets them apart: a post that drew
# a single reply prints two (the reply and the widget's own, or the post restated).
MIN_SET_APART: Final = 2

# A wiki's signature whose shape is whole on its own (_whole_signature) is read even alone: a talk
# page's topic that drew one comment prints one.
MIN_WHOLE: Final = 1

_CLOCK: Final = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?"
# (a log may print the day before the clock: "2020-03-03 14:03", "03/03/2020, 14:03")
_DAY: Final = r"(?:\d{4}-\d{2}-\d{2}[ T]|\d{1,2}[/.]\d{1,2}[/.]\d{2,4},?\s)?"
_GONE: Final = r"\[[^\[\]]{1,20}\]"
_LOG_NAME: Final = rf"(?:{_GONE}|[^\s:<>\[\]()][^:<>\[\]()]{{0,38}}?)"
# "[14:03] jo: ", "14:03 <jo> ", "[14:03] <jo> ", "jo (2:03 PM): " opening a line with words after it
_LOG_HEAD: Final = re.compile(
    rf"^(?:\[?(?P<c1>{_DAY}{_CLOCK})\]?\s+(?:<(?P<n1>[^<>]{{1,40}})>|(?P<n2>{_LOG_NAME}):)"
    rf"|(?P<n3>{_LOG_NAME})\s+[(\[](?P<c2>{_DAY}{_CLOCK})[)\]]:)\s+(?=\S)"
)
# The dash that parts a comment's words from the signature ending its line, with spaces round it
# (the signature is after the last match of `\s+[–—-]\s+(?=\S)` in the line): see _last_sign_dash,
# which finds it from the line's end back.
_EDITED_TAIL: Final = re.compile(r"\s+(?:\(?edited\)?)$", re.I)
_EDITED_LAST: Final = edge_characters(_EDITED_TAIL, True)  # (the last characters of any _EDITED_TAIL match, read from it)


def log_head(s: str) -> tuple[int, str, str] | None:
    """(characters of the header, author, clock) when line `s` opens with a chat log's header and
    has words after it ("[14:03] jo: words"), else None."""
    if s[:1] == "[" or s[:1].isdigit():
        if not ("<" in s or "):" in s or "]:" in s or s.count(":") >= 2):
            # (a clock opening the line is read with a name in angle brackets after it, or a name
            # and its colon, one more than the clock's; a name opening it, with its clock in
            # brackets and the colon after them: most lines opening with a number hold none)
            return None
    elif "(" not in s[:48] or "):" not in s and "]:" not in s:
        # (most lines: no clock to open them, no bracket after a name, or no bracket closing on the
        # colon after a name's clock)
        return None
    m = _LOG_HEAD.match(s)
    if m is None:
        return None
    name = (m["n1"] or m["n2"] or m["n3"]).strip()
    if not _name_ok(name) and _NUMERIC_HANDLE.match(name) is None:
        return None  # (a number of 5+ digits in the name's place is a handle: "61234 (1:57 AM): ...")
    return m.end(), name, m["c1"] or m["c2"]


# A wiki's signature: the name, the links to its pages in brackets, the stamp ("Jo Lake (talk)
# 14:02, 3 March 2024 (UTC)", "Jo (talk · contribs) ..."), ending the comment's last line or alone
# on the line under it, maybe a "Reply" link after it. The bracketed links mark where the name ends.
_LINK_WORD: Final = r"(?:talk|contribs|contributions|e-?mail|profile|user page|blog)"
# (a page that drops the brackets prints the link bare between the name and the clock: "Jo talk 14:02, ...")
_LINKS_MID: Final = re.compile(rf"\s*\({_LINK_WORD}(?:\s*[·•|,]\s*{_LINK_WORD})*\)\s+(?=\S)|\s+{_LINK_WORD}(?:\s*[·•|]\s*{_LINK_WORD})*\s+(?=\d{{1,2}}:\d{{2}}\b)", re.I)
# (its lower twin reads the lines that fold like lower: the same spans, 1.5-3x faster; see patterns.lower_twin)
_LINKS_MID_LOW: Final = lower_twin(_LINKS_MID)
# What every _LINKS_MID match holds, lower-cased, read from it: one _LINK_WORD ("e-mail" and "email"
# both hold "mail").
_LINK_WORDS_LOW: Final = match_literals(_LINKS_MID)
# How _LINKS_MID's bracketed form opens, lower-cased: the bracket, then one _LINK_WORD's opening.
_LINK_OPENINGS_LOW: Final = ("(talk", "(contrib", "(e-mail", "(email", "(profile", "(user page", "(blog")
_ACTION_TAIL: Final = re.compile(r"\s+\[?(?:reply|edit|link|permalink)\]?$", re.I)
_SIGN_LEAD: Final = frozenset("-–—~")
# The most words of a signature's name with no dash before it (read back to the sentence before it).
SIGN_NAME_WORDS: Final = 4
_INITIAL: Final = re.compile(r"^[A-Z]\.$")
# A dash leading a signature's name, at the line's start or after a space, with the name (no other
# dash, at most a few words) after it up to the links: "words — Long time reader (talk)", "--Jo (talk)".
SIGN_NAME_CHARS: Final = 48
_NAME_DASH: Final = re.compile(r"(?:^|(?<=[\s:*]))(?:--|[—–~])\s*(?=[^\s\-–—~])(?=(?:[^\s\-–—~]+\s*){1,5}$)")
_HANDLE_WORD: Final = re.compile(r"[\d_]|[a-z][A-Z]")
# Columns one ":" of a wiki's reply level stands for (deeper than any page's text indents by one).
COLON_WIDTH: Final = 8
LINKED: Final = "("  # (the key end_signature gives a signature with bracketed links, whatever dash leads it)


def _may_link(s: str) -> bool:
    """Whether line `s` may hold a signature's links (_LINKS_MID): a bracket pair, or a clock's colon
    after bare link words; and, where IGNORECASE reads the line as `str.lower` does, one of the link
    words. Most lines with a bracket pair hold no link word, and _LINKS_MID's search is tried at
    each of their positions."""
    return _may_link_told(s, "(" in s)


def _may_link_told(s: str, paren: bool) -> bool:
    """_may_link(s), told whether `s` holds a "(" (line_led_zone has looked for it)."""
    clock = ":" in s and _clock_colon(s)
    if not (paren and ")" in s or clock):
        return False  # (the bracketed form needs a bracket pair, the bare one a clock after its words)
    if not folds_like_lower(s):
        return True  # (a dotless i or a long s: the pattern alone says)
    # (its first form opens on a bracket right before a link word, "(talk"; its second holds a clock
    # after the word: most lines with a bracket pair and a "user" or a "blog" have neither)
    if not clock:
        # (the bracketed form alone: each bracket before a link word's first letter read with the
        # few characters after it lower-cased, where the whole line was lower-cased for a search
        # of each opening; a line that folds like lower lower-cases character by character, so its
        # brackets stand where the lower-cased line's do)
        return _bracket_before_link(s)
    # (the bracketed form's openings were looked for too, "paren and any(opening in low ...)": each
    # opening holds one of the link words, so a line holding one holds a word, and the words alone
    # give the same answer; a test holds the openings to it)
    low = lower_of(s)  # (shared with the line's other readers: see lines.lower_of)
    return any(word in low for word in _LINK_WORDS_LOW)


def _clock_colon(s: str) -> bool:
    """Whether a ":" of line `s` stands between two digits, as a clock's does ("14:02"): the bare
    links' form needs one after its words. (`isdigit` says yes to every digit `\\d` reads, and to
    a few more: a test that lets more through is as exact.) Most colons of prose follow a word."""
    k = s.find(":")
    while k >= 0:
        if k > 0 and s[k - 1].isdigit() and s[k + 1 : k + 2].isdigit():
            return True
        k = s.find(":", k + 1)
    return False


# The first letters of the link words, in both cases (of a line that folds like lower, no other
# character lower-cases to one of them).
_LINK_FIRST: Final = frozenset("tTcCeEpPuUbB")


def _bracket_before_link(s: str) -> bool:
    """Whether line `s` (one that folds like lower) holds one of _LINK_OPENINGS_LOW lower-cased:
    a "(" right before a link word's first letter (_LINK_FIRST) and the word after it."""
    k = s.find("(")
    while k >= 0:
        if s[k + 1 : k + 2] in _LINK_FIRST and s[k : k + _OPENING_CHARS].lower().startswith(_LINK_OPENINGS_LOW):
            return True
        k = s.find("(", k + 1)
    return False


# The longest of _LINK_OPENINGS_LOW.
_OPENING_CHARS: Final = max(len(opening) for opening in _LINK_OPENINGS_LOW)


def _linked_signature(s: str, name_words: int = SIGN_NAME_WORDS) -> tuple[int, str, str, str] | None:
    """A signature with its bracketed links (see _LINKS_MID) ending line `s`, or making it whole:
    (characters of the signature, author, date, LINKED). The name starts after a dash before it
    ("words. --Jo Lake (talk) ...", "words — Jo (talk) ...") or, with no dash, after the sentence
    over it ("words. Jo Lake (talk) ...", at most `name_words` words)."""
    links = None
    for links in _LINKS_MID_LOW.finditer(lower_of(s)) if folds_like_lower(s) else _LINKS_MID.finditer(s):
        pass  # (only the last match's span is read: the twin's text is lower-cased)
    if links is None:
        return None
    before = s[: links.start()].rstrip()
    start = len(before)
    words = 0
    first_upper = False
    dash = _NAME_DASH.search(before[-SIGN_NAME_CHARS:])
    if dash is not None:
        start = len(before) - len(before[-SIGN_NAME_CHARS:]) + dash.end()  # ("— Long time reader (talk)": the dash says where the name starts)
    while dash is None and start > 0 and words < name_words:
        end = start - 1 if start < len(before) else start  # (the space after the word before is not its own)
        space = before.rfind(" ", 0, end)
        word = before[space + 1 : end].lstrip(":*")  # (a reply's ":" level before its signature's first word)
        if word[:1] in _SIGN_LEAD:
            start = space + 1  # ("--Jo", "— Jo": the dash is the signature's)
            break
        if words and (word[-1:] in ".!?:;…\"”)" and not _INITIAL.match(word) or not word[:1].isupper() or not first_upper):
            break  # (the sentence before the name; a name of several words is capitalised, a handle one word)
        if not words:
            # (a handle is one word: lower case, or with digits, an underscore or capitals inside)
            first_upper = word[:1].isupper() and not _HANDLE_WORD.search(word)
        elif word.isupper() and len(word) > 1 and not _INITIAL.match(word):
            break  # (a shouted word is the words', not a name's)
        start, words = space + 1, words + 1
        if space < 0:
            start = end - len(word)
            break
    if dash is None and start > 0:
        start = _after_symbols(before, start)
    lead = start
    while lead > 0 and (before[lead - 1] in _SIGN_LEAD or before[lead - 1] == " "):
        lead -= 1
    if not before[:lead].strip(": *\t"):
        lead = 0  # (a signature alone on its line, at its reply's level: "::— Jo (talk) ...")
    tail = s[start : links.start()].lstrip("-–—~ ") + " " + s[links.end() :]  # (the name and the stamp, the links left out)
    h = read_header(tail)
    if h is None or h.kind != "name_date" or not h.author or not h.posted_raw:
        return None
    return len(s) - lead, h.author, h.posted_raw, LINKED


def _after_symbols(before: str, start: int) -> int:
    """Where a signature's name starts in `before` (the line up to its links), read from `start`
    (where the walk back over capitalised words stopped): after the reply's words when those are
    symbols alone, no letter in them ("👍 Quiet harbour watcher (talk) ..."), the words up to the links
    then all the name's (at most SIGN_NAME_WORDS, none closing a sentence)."""
    words = [(m.start(), m.group()) for m in _TOKEN.finditer(before)]
    k = 0
    while k < len(words) and not _has_letter(words[k][1]):
        k += 1
    name = words[k:]
    if not k or not name or len(name) > SIGN_NAME_WORDS:
        return start
    if any(not _has_letter(w) or w[-1] in ".!?:;…\"”)" or _NAME_WORD.match(w) is None for _, w in name):
        return start  # (a link or an address among them, "http://...": the words', no name's)
    if len(name) > 1 and not name[0][1][:1].isupper():
        return start  # (a name of several words opens on a capital: "^ this jo_lake (talk)" is a reply "^ this" signed by a handle)
    return min(start, name[0][0])


_TOKEN: Final = re.compile(r"\S+")
# A word a name is made of: letters, digits and the marks names and handles carry.
_NAME_WORD: Final = re.compile(r"^[\w.'’-]+$")


def _has_letter(w: str) -> bool:
    return any(ch.isalpha() for ch in w)


def end_signature(s: str) -> tuple[int, str, str, str] | None:
    """(characters of the signature, author, date, dash) when line `s` ends with a dash, a name and
    a date or age after words of its own ("words – jo Mar 3, 2020 at 14:21"), else None. A wiki's
    signature (_linked_signature) may make the whole line: its characters are then all of it."""
    if len(s) < 8:
        return None
    return _signed_end(s, _may_link(s), _spaced_dash(s))


def _spaced_dash(s: str) -> bool:
    """Whether line `s` holds "- ", "– " or "— " (a dash before a space). (The dash is looked for
    alone first, a search of one character, much faster than one of two: most lines hold no dash.)"""
    # (no isascii first: compiled, a Python method call; a search for a wide dash in a text of ASCII
    # or Latin-1 characters says no on the text's width alone)
    return "-" in s and "- " in s or "–" in s and "– " in s or "—" in s and "— " in s


def _signed_end(s: str, may_link: bool, dashed: bool) -> tuple[int, str, str, str] | None:
    """end_signature of a line of 8 characters or more, told whether _may_link(s) holds and whether
    the line holds a spaced dash ("– ", "- ", "— "): line_led_zone asks both of every line first."""
    if may_link:
        bare = _ACTION_TAIL.sub("", s) if s[-1:] in "yYtTkK]" else s
        linked = _linked_signature(bare)
        if linked is not None:
            return linked[0] + len(s) - len(bare), *linked[1:]
    if not dashed:
        return None
    last = _last_sign_dash(s)
    if last is None:
        return None
    start, end, dash = last
    if start == 0:
        return None
    tail = s[end:]
    if tail[-1:] in _EDITED_LAST:
        tail = _EDITED_TAIL.sub("", tail)
    if len(tail) > MAX_HEADER_CHARS:
        return None
    # (after the dash, a compact age is one too: "– jo 9h")
    h = read_header(tail) or read_glued_age(tail)
    if h is None or h.kind != "name_date" or not h.author or not h.posted_raw:
        return None
    return len(s) - start, h.author, h.posted_raw, dash


# The most words a signature's name keeps when, read whole, it would leave its comment no words.
SHORT_SIGN_NAME_WORDS: Final = 2


def words_before_name(s: str, author: str) -> tuple[int, str] | None:
    """(characters of the signature, author) of a wiki's signature that makes line `s` whole with no
    dash before its name (`author`, several capitalised words), re-read so the line keeps words of
    its own: the name is the last word when that is a handle ("Birch EMRAHYILMAX (talk)") or the
    name read whole has two words, else the last SHORT_SIGN_NAME_WORDS words ("Otto Fenn Victor
    Dubois (talk)").

    Asked only when no line over the signature holds words (see line_led_zone): a comment that is
    a name alone, or a few capitalised words, signed right after it, reads as one long name, and
    every comment on a talk page has words. None when the name is one word, or when a dash before
    it says where it starts (the name read again is as long)."""
    words = author.split()
    if len(words) < 2 or not _may_link(s):
        return None
    last = words[-1]
    keep = 1 if len(words) == 2 or _HANDLE_WORD.search(last) or (last.isupper() and len(last) > 1) else SHORT_SIGN_NAME_WORDS
    bare = _ACTION_TAIL.sub("", s) if s[-1:] in "yYtTkK]" else s
    linked = _linked_signature(bare, keep)
    if linked is None or linked[0] >= len(bare) or len(linked[1].split()) > keep:
        return None
    return linked[0] + len(s) - len(bare), linked[1]


def _last_sign_dash(s: str) -> tuple[int, int, str] | None:
    r"""(start, end, dash) of the last match of `\s+[–—-]\s+(?=\S)` in `s` (spaces, a dash, spaces),
    or None when there is none.

    A dash with spaces before and after it, and a character other than a space after those, is
    read from the line's end back (the last such dash is near the end of a signed line; each step
    is a C search for the dash): a scan for the spaced pattern from the line's start takes each of
    those but one whose spaces before it were taken as the spaces after the dash before it ("a - -
    b": the second dash is not taken). In a chain of such dashes, each right behind the spaces of
    the one before, the first is taken, the second not, the third taken, and so on: the last taken
    is the chain's last when the chain is of odd length, else the one before it. A match starts
    where the spaces before its dash start."""
    n = len(s)
    wide = not s.isascii()  # (only a line with a character outside ASCII may hold "–" or "—")
    d = _rfind_dash(s, n, wide)
    after = 0  # (where the spaces after the dash end)
    while d > 0:
        after = d + 1
        while after < n and s[after].isspace():
            after += 1
        if after > d + 1 and after < n and s[d - 1].isspace():
            break
        d = _rfind_dash(s, d, wide)
    if d <= 0:
        return None
    # (the chain behind it: a dash right before the spaces over this one, with a space before it)
    last, last_end, chain = d, after, 1
    before, before_end = d, after
    while True:
        j = d - 1
        while j >= 0 and s[j].isspace():
            j -= 1
        if j <= 0 or s[j] not in _SIGN_DASHES or not s[j - 1].isspace():
            break
        if chain == 1:
            before, before_end = j, d
        d = j
        chain += 1
    if chain % 2 == 0:
        last, last_end = before, before_end
    k = last - 1
    while k >= 0 and s[k].isspace():
        k -= 1
    return k + 1, last_end, s[last]


# The dashes _last_sign_dash reads.
_SIGN_DASHES: Final = "–—-"


def _rfind_dash(s: str, end: int, wide: bool) -> int:
    """The last of _SIGN_DASHES in s[:end], or -1 (the wide dashes looked for only when `wide`)."""
    d = s.rfind("-", 0, end)
    if wide:
        d = max(d, s.rfind("–", 0, end), s.rfind("—", 0, end))
    return d


# A full stamp: a clock and a year (a time zone in brackets after it: see _whole_signature).
_CLOCK_IN: Final = re.compile(r"\b\d{1,2}:\d{2}\b")
_YEAR_IN: Final = re.compile(r"\b(?:19|20)\d{2}\b")


def _whole_signature(s: str, stamp: str) -> bool:
    """Whether line `s`, read as a wiki's signature (LINKED) with stamp `stamp`, is one whose shape
    is whole on its own: the links to the member's pages after the name, and a stamp of a clock, a
    day with its year and a time zone in brackets ("— Jo (talk) 14:02, 3 March 2024 (UTC)"), maybe
    a "Reply" link after it. An article quoting a remark prints none of this; one such line is a
    comment, where a dash and a date alone ("words – jo Mar 3, 2020") want the habit repeated."""
    core = _ACTION_TAIL.sub("", s) if s[-1:] in "yYtTkK]" else s
    return (
        core[-1:] == ")"
        and _ZONE_TAIL.search(core) is not None
        and _CLOCK_IN.search(stamp) is not None
        and _YEAR_IN.search(stamp) is not None
    )


def _continues(lines: Lines, j: int) -> bool:
    """Whether line j, right under a log line, is more of its message (not chrome, a stop, a header)."""
    s = lines.text[j]
    return bool(s) and not is_chrome(s) and (not is_stop_line(s) or _talks_over_stop(s)) and read_header(lines.core[j]) is None


def _talks_over_stop(s: str) -> bool:
    """Whether stop line `s` is a reader's words all the same, as the block readers read it in a
    comment zone (comments.zone_line_role): a sentence holding an e-mail address that talks to
    someone ("@jo could you mail me at desk@example.org"), no contact line of the page's."""
    return "@" in s and zone_line_role(s) == "comment_body"


def _prose(s: str) -> bool:
    """Running text a person wrote (not chrome, a form, page furniture)."""
    return is_prose(s) and not is_chrome(s) and not is_stop_line(s)


def _set_apart(lines: Lines, first: int, last: int) -> bool:
    """Whether the lines first..last (a few comments whose headers share their lines) stand apart
    from the article as a section of their own: the line over them is no running text (a heading,
    a count, a row of chrome), and no running text follows them to the page's end. A snippet of a
    transcript or a pair of quoted remarks sits inside the article's prose, with more of it around."""
    text = lines.text
    above = prev_nonblank(lines, first, len(text))
    if above is None or _prose(text[above]):
        return False
    return not any(_prose(s) for s in text[last + 1 :])


# The key line_led_zone's per-line reading gives a log's header (a signature's is its dash, or LINKED).
_LOG: Final = ""

# (its verdicts cached in a dict it reads itself: see caches.line_dict; a menu's or a footer's lines
# repeat from page to page, and every line of every page is read)
_LED_LINE_CACHE: Final[dict[str, tuple[int, str, str, str] | None]] = line_dict()


def _led_line(s: str) -> tuple[int, str, str, str] | None:
    """What line_led_zone reads line `s` (8 characters or more) as: a log's header (log_head, its
    key _LOG), else a signature ending it (end_signature, keyed by its dash), else None."""
    # (both readers' own first tests, here so most lines cost no call: see them; the first bracket
    # is looked for once, for the log's test and the link gate's)
    paren = s.find("(")
    if (s[0] == "[" or s[0].isdigit()) and ":" in s or 0 <= paren < 48 and ("):" in s or "]:" in s):
        h = log_head(s)
        if h is not None:
            return h[0], h[1], h[2], _LOG
    dashed = _spaced_dash(s)
    may_link = _may_link_told(s, paren >= 0)
    if dashed or may_link:
        return _signed_end(s, may_link, dashed)
    return None


def _led_rows(lines: Lines, page: str, floor: int) -> list[int]:
    """The lines from line `floor` down that _led_line may read as anything, in order, found by
    searching the page's text (`page`, the lines joined) for the characters its readers cannot do
    without: a ":" between two digits (a clock: a log's header holds one, in its brackets or
    before its name, and so does the bare links' form), a "(" right before a link word's first
    letter (a signature's bracketed links, see _bracket_before_link), a dash with a space after it
    (a signature's spaced dash), and, in a page past ASCII, a character that does not fold like
    lower ("İ", "ı", "ſ": with a bracket pair, the link pattern alone says, see _may_link_told). A
    line holding none of these is read as None (see _led_line); most lines of a page hold none,
    and each was looked up in the cache, and read once, for nothing. (Lines shorter than 8
    characters are among those returned: line_led_zone passes over them.)"""
    starts = lines.starts
    n = len(starts)
    if floor >= n:
        return []
    rows: set[int] = set()
    lo = starts[floor]
    end = len(page)
    marks = _LED_MARKS if page.isascii() else _LED_MARKS_WIDE
    for m in range(len(marks)):
        mark = marks[m]
        kind = _MARK_KINDS[m]  # (what is asked of a mark found: told by a number, not by comparing strings)
        j = floor  # (the line the search has reached: the marks are found in the page's order)
        k = page.find(mark, lo)
        while k >= 0:
            after = k + 1
            # (each test reads the characters round the mark in the page, which are the line's:
            # past the line's ends the page holds a line break, no digit, letter or space; a dash
            # is searched for alone, not with its space: a search of one character is memchr's,
            # many times faster than a search of two, which the hyphens it passes over do not repay)
            if (
                kind == _MARK_COLON
                and not (k > 0 and after < end and page[k - 1].isdigit() and page[after].isdigit())
                or kind == _MARK_DASH
                and page[after : after + 1] != " "  # (a dash with no space after it: a hyphen, a range)
                or kind == _MARK_BRACKET
                # (a bracket before no link word: the character after it told by its code point,
                # where a slice made a string of it)
                and (after >= end or ord(page[after]) not in _LINK_FIRST_CODES)
            ):
                k = page.find(mark, after)
                continue
            j = _line_of(starts, j, k)
            rows.add(j)
            if j + 1 >= n:
                break
            k = page.find(mark, starts[j + 1])  # (the line is taken: on to the next one)
    return sorted(rows)


def _line_of(starts: list[int], j: int, k: int) -> int:
    """The line holding offset `k` of the page, at line `j` or under it (`starts[j] <= k`): the last
    line starting at or before `k`, found by steps that double from `j`, then halving between the
    last two (the marks of a page are a few lines apart, or hundreds: walking line by line to
    each cost a step a line, for every mark)."""
    n = len(starts)
    step = 1
    hi = j + 1
    while hi < n and starts[hi] <= k:
        j = hi
        step += step
        hi = j + step
    if hi > n:
        hi = n
    # (starts[j] <= k, and the line at `hi` starts past `k` or is past the last)
    while hi - j > 1:
        mid = (j + hi) >> 1
        if starts[mid] <= k:
            j = mid
        else:
            hi = mid
    return j


# The characters _led_rows looks for (the wide dashes and the characters that do not fold like
# lower only in a page with a character past ASCII), and what it asks of each one found, by its
# place among them: a colon, a digit on either side; a bracket, a link word's first letter after
# it; a dash, a space after it; the others, nothing more.
_LED_MARKS: Final = ("(", ":", "-")
_LED_MARKS_WIDE: Final = ("(", ":", "-", "–", "—", "\u0130", "\u0131", "\u017f")
_MARK_ANY: Final = 0
_MARK_BRACKET: Final = 1
_MARK_COLON: Final = 2
_MARK_DASH: Final = 3
_MARK_KINDS: Final = (_MARK_BRACKET, _MARK_COLON, _MARK_DASH, _MARK_DASH, _MARK_DASH, _MARK_ANY, _MARK_ANY, _MARK_ANY)
# The code points of _LINK_FIRST (see _led_rows).
_LINK_FIRST_CODES: Final = frozenset(ord(c) for c in _LINK_FIRST)


def line_led_zone(lines: Lines, floor: int, page: str | None = None) -> tuple[Zone, dict[int, str]] | None:
    """The comments of a page whose headers share their lines with the words (see the module's
    docstring), with a role for each line of their zone, or None when the page has fewer than
    MIN_LED such lines of one shape under line `floor` (MIN_SET_APART when they stand apart from
    the article: _set_apart).

    Each comment's `head_cut` / `tail_cut` are the characters of its first / last line that are
    its header's, not its words. `page` is the page's text, the lines joined (made from them when
    not given)."""
    text = lines.text
    n = len(text)
    logs: list[tuple[int, tuple[int, str, str]]] = []
    signed: dict[str, list[tuple[int, tuple[int, str, str, str]]]] = {}
    cache = _LED_LINE_CACHE
    # (only the lines holding a character one of the shapes needs: see _led_rows)
    for i in _led_rows(lines, "".join(lines.raw) if page is None else page, max(floor, 0)):
        s = text[i]
        if len(s) < 8:
            continue
        if s in cache:
            g = cache[s]
        else:
            g = cache[s] = _led_line(s)
        if g is None:
            continue
        if g[3] == _LOG:
            logs.append((i, (g[0], g[1], g[2])))
        else:
            signed.setdefault(g[3], []).append((i, g))
    best_signed = max(signed.values(), key=len, default=[])
    linked = bool(best_signed) and best_signed[0][1][3] == LINKED
    # (every signature whole on its own: no repeat of the habit, no section set apart is asked for)
    whole_signed = linked and len(best_signed) > len(logs) and all(_whole_signature(text[i], g[2]) for i, g in best_signed)
    if max(len(logs), len(best_signed)) < (MIN_WHOLE if whole_signed else MIN_SET_APART):
        return None
    roles: dict[int, str] = {}
    comments: list[Comment] = []
    if len(logs) >= len(best_signed):
        heads = [i for i, _ in logs]
        for k, (i, (cut, name, clock)) in enumerate(logs):
            stop = heads[k + 1] if k + 1 < len(heads) else n
            c = Comment(header_lines=[], body_lines=[i], author=name, posted_raw=clock, head_cut=cut)
            j = i + 1
            while j < stop and _continues(lines, j):
                c.body_lines.append(j)
                j += 1
            comments.append(c)
        start, end = heads[0], comments[-1].body_lines[-1] + 1
    else:
        rows = [i for i, _ in best_signed]
        for k, (i, (cut, name, stamp, _)) in enumerate(best_signed):
            top = rows[k - 1] + 1 if k else max(floor, 0)
            whole = cut >= len(text[i])  # (a signature alone on its line signs the lines over it)
            c = Comment(header_lines=[i] if whole else [], body_lines=[] if whole else [i], author=name, posted_raw=stamp, tail_cut=0 if whole else cut)
            j = i - 1
            # (a long comment's earlier lines, right over its signed line)
            while j >= top and _continues(lines, j) and end_signature(text[j]) is None:
                c.body_lines.insert(0, j)
                j -= 1
            if whole and not c.body_lines and linked:
                # (no words over a signature that makes its line: the name read whole took them)
                kept = words_before_name(text[i], name)
                if kept is not None:
                    c = Comment(header_lines=[], body_lines=[i], author=kept[1], posted_raw=stamp, tail_cut=kept[0])
            if c.body_lines and linked:
                # (a wiki's reply is one ":" deeper than what it answers, or indented: its level)
                first = c.body_lines[0]
                colons = len(text[first]) - len(text[first].lstrip(":"))
                c.indent = lines.indent[first] + colons * COLON_WIDTH
                c.head_cut = colons
            if c.body_lines:
                comments.append(c)
        if not comments:
            return None
        start, end = comments[0].body_lines[0], rows[-1] + 1
    # (from the first header's line: the earlier lines a signed comment takes over it may as well
    # be the article's last paragraph, and a few rows must stand apart without them)
    if len(comments) < MIN_LED and not whole_signed and not _set_apart(lines, logs[0][0] if len(logs) >= len(best_signed) else best_signed[0][0], end - 1):
        return None
    for c in comments:
        for j in c.body_lines:
            roles[j] = "comment_body"
    for j in range(start, end):
        if text[j] and j not in roles:
            roles[j] = "comment_chrome" if is_chrome(text[j]) else "boilerplate"
    return Zone(start, end, comments), roles
