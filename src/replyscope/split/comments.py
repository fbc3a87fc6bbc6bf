"""Cut the chosen comment thread into comments, and give every line of the zone a role.

Headers sit above their comments in most formats and under them in a few ("Posted by: X |
DATE"); which one is read from the page. The last comment ends where page furniture starts
(a comment form, a related-links list, a footer menu).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from replyscope.split.caches import line_dict
from replyscope.split.anchors import (
    Anchor,
    find_anchors,
    header_spacing,
    is_placeholder,
    is_short_mark,
    mostly_posted_by,
    section_headers,
    spans_signed_below,
    talks_with_address,
)
from replyscope.split.body import is_boilerplate_line
from replyscope.split.choose import SMALL_THREAD, choose_anchors, words_under_section
from replyscope.split.chrome import has_reply_action, is_badge_line, is_chrome, is_content, is_pictographs, is_reply_link_row, is_reply_row, is_stop_line, read_as_no_stop_line
from replyscope.split.headers import FIELD_LABEL_CHARS, NAV_LABEL, CommentHeader, looks_like_name, opens_words_field, read_header
from replyscope.split.lines import Lines, is_prose, lower_of, next_nonblank, prev_nonblank
from replyscope.split.listlike import reads_like_thread
from replyscope.split.openers import inline_opener_above, is_label, opener_above
from replyscope.split.patterns import (
    BULLET_CHARS,
    BULLETS,
    COMMENT_FORM,
    FORM_OR_SECTION,
    COMMENT_FORM_LOW,
    COMMENT_SECTION,
    COMMENT_SECTION_LOW,
    HAS_LETTER,
    LOWER_BELOW,
    LetterGate,
    POLICY,
    POLICY_LOW,
    POLICY_SUBJECT,
    POLICY_WORD,
    QUOTE_OPENING,
    RE_SUBJECT,
    READER_VOICE,
    ends_sentence,
    folds_like_lower,
    gate_refuses,
    template_form,
)
from replyscope.split.templates import complete_by_template

# Lines scanned after the last header for its text before the page furniture starts.
TAIL_REACH: Final = 200
# Lines after the last comment's text where its Reply / Like links may still sit.
CHROME_REACH: Final = 6
# Lines above the lead run read for a short post's first comments (see build_zone).
ABOVE_REACH: Final = 120
# A thread whose first header sits this near the top of that reach (plus the lines its headers
# typically sit apart: a header just above the reach may head a long comment) runs on above it
# (a long thread under a short post): it is read again up to the page's first line of text.
REACH_EDGE: Final = 12
# Consecutive short non-sentence lines that mean the comment zone has ended (a footer menu).
MENU_RUN: Final = 3
# Single words, a blank line over them, right over a comment form's line: its tabs or buttons when
# there are at least this many (see _tail_end).
FORM_TABS: Final = 2


@dataclass(slots=True)
class Comment:
    header_lines: list[int]
    body_lines: list[int] = field(default_factory=list)
    author: str = ""
    posted_raw: str = ""
    indent: int = 0
    # characters of the first / last body line that are the header's, not the words (a header
    # sharing its line with them: see line_led)
    head_cut: int = 0
    tail_cut: int = 0

    # (written out, not made by @dataclass, which keeps a class's own: compiled with mypyc, the
    # generated one runs as interpreted Python, ~5k instructions a comment)
    def __init__(
        self,
        header_lines: list[int],
        body_lines: list[int] | None = None,
        author: str = "",
        posted_raw: str = "",
        indent: int = 0,
        head_cut: int = 0,
        tail_cut: int = 0,
    ) -> None:
        self.header_lines = header_lines
        self.body_lines = [] if body_lines is None else body_lines
        self.author = author
        self.posted_raw = posted_raw
        self.indent = indent
        self.head_cut = head_cut
        self.tail_cut = tail_cut


@dataclass(slots=True)
class Zone:
    start: int  # first line of the comment zone
    end: int  # one past its last line
    comments: list[Comment]


def _placement(lines: Lines, best: list[Anchor]) -> str:
    """'before' when headers sit above their comments, 'after' when they sign them from below."""
    last = best[-1]
    n = len(lines)
    text_after = False
    for j in range(last.last + 1, min(n, last.last + 1 + 12)):
        s = lines.text[j]
        if is_placeholder(s):
            text_after = True  # ("[comment deleted]" under the last header: its removed words)
            break
        if s and opens_words_field(lines.core[j]):
            text_after = True  # ("Entry: March 4" under the last entry's fields: its words, whatever they read as)
            break
        if not s or is_chrome(s) or (j in range(last.last + 1, last.last + 3) and read_header(lines.core[j]) is not None):
            continue
        # (a policy note or a form under the last header, "Comments are moderated.", is the
        # section's, as a pager is: no comment's words)
        # (a sentence's end alone, "?", is a reply that asks; another lone sign is furniture)
        text_after = is_content(s) and zone_line_role(s) == "comment_body" and (is_prose(s) or len(s) >= 2 or is_pictographs(s) or ends_sentence(s))
        break
    posted_by = mostly_posted_by(best)
    if posted_by and not (text_after and best[0].header.kind != "by"):
        return "after"
    if text_after and _signs_from_below(lines, best):
        return "after"
    return "before" if text_after else "after"


MIN_SIGNED: Final = 3


def _closes_paragraph(lines: Lines, a: Anchor, short_ok: bool = False) -> bool:
    """Whether header `a` sits right under the last line of a paragraph of words (a second line of
    the paragraph, or a label, over that line; or the line long; any line of words if `short_ok`)
    with a blank under it, once the chrome rows under the header are passed."""
    text = lines.text
    p = a.first - 1
    if p < 1 or not text[p] or is_chrome(text[p]) or read_header(lines.core[p]) is not None or is_stop_line(text[p]):
        return False
    if not HAS_LETTER.search(text[p]) and not is_pictographs(text[p]):
        return False  # (an outline number over each header, "2. 2", is no one's words; "👍" is)
    if not short_ok and not text[p - 1] and len(text[p]) <= TITLE_CHARS:
        return False  # (a short line alone: a title over its header, or a one-line reply)
    if short_ok and COMMENT_SECTION.match(text[p]):
        return False
    j = a.last + 1
    while j < len(text) and text[j] and is_chrome(text[j]):
        j += 1
    return j >= len(text) or not text[j]


def _closes_with_row(lines: Lines, a: Anchor) -> bool:
    """Whether header `a` sits between a line of words right over it and its comment's action row
    right under it, a blank under the row ("Jo | 2 hours ago" / "Reply | Report"): the row closes
    the comment, so the header is the comment's last line of meta, not the next comment's first."""
    text = lines.text
    j = a.last + 1
    if j >= len(text) or not text[j] or not is_chrome(text[j]):
        return False
    acts = False  # (an action link among them: "Homepage" or "Journal" links under a header are its author's)
    while j < len(text) and text[j] and is_chrome(text[j]):
        acts = acts or has_reply_action(text[j])
        j += 1
    return acts and (j >= len(text) or not text[j]) and _closes_paragraph(lines, a, short_ok=True)


def _signs_from_below(lines: Lines, best: list[Anchor]) -> bool:
    """Headers that sign the paragraph over them ("By jo on March 3", "jo answered 2 days ago" under
    the answer, then a blank and the next answer): the first header and at least half of all close
    a paragraph of words (or most close it over their action row, however short the words: replies
    of one short line). Read where text follows the last header, which else says 'before'."""
    if len(best) < MIN_SIGNED or not _closes_paragraph(lines, best[0], short_ok=True):
        return False  # (a thread's first header under its section's heading opens a comment)
    closing = sum(_closes_paragraph(lines, a) for a in best)
    if closing >= MIN_SIGNED and closing * 2 >= len(best):
        return True
    rowed = sum(_closes_with_row(lines, a) for a in best)
    return rowed >= MIN_SIGNED and rowed * 4 >= len(best) * 3


# The longest line of an author's profile card (name, rank, "Posts: 1,310", "Joined: May 2009").
CARD_CHARS: Final = 60
CARD_LINES: Final = 7


def _card(lines: Lines, top: int, author: str, floor: int) -> int | None:
    """The first line of the author's profile card that ends at line `top` (a run of short lines with
    no blank between, headed by the author's name, as forums print it beside a post), or None."""
    if not author:
        return None
    text, core, low = lines.text, lines.core, author.lower()
    j = top
    while j > floor and top - j < CARD_LINES and text[j] and len(text[j]) <= CARD_CHARS and not ends_sentence(text[j]):
        if core[j].lower() == low:
            # (a card shows the author's fields: "Posts: 1,310", "Joined: May 2009")
            fields = any(is_chrome(text[k]) and ":" in text[k] for k in range(j + 1, top + 1))
            return j if fields and (j == floor + 1 or not text[j - 1]) else None
        j -= 1
    return None


def _repeated_subjects(lines: Lines, best: list[Anchor]) -> frozenset[str]:
    """The "Re: <topic>" lines printed over two or more of the thread's posts: a subject however long
    (the topic's title is as long as the page's), not a reader's line."""
    seen: dict[str, int] = {}
    for a in best:
        for p in (a.first - 1, a.first - 2, a.first - 3):
            if p >= 0 and (s := lines.text[p]) and s[:2] in ("Re", "RE", "re") and RE_SUBJECT.match(s):
                seen[s] = seen.get(s, 0) + 1
                break
    return frozenset(s for s, k in seen.items() if k >= 2)


def _subject_line(lines: Lines, a: Anchor, floor: int, subjects: frozenset[str] = frozenset()) -> int | None:
    """The first of the lines above a header that belong to it: a bulleted title line (forums: "• Re:
    Cost? (Score:3)"), a "Re: <topic>" subject and the post's number ("#12"), the author's profile
    card over them; or None."""
    p = prev_nonblank(lines, a.first, 1)
    if p is not None and p > floor and lines.text[p][:1] == "#" and is_chrome(lines.text[p]):
        p = prev_nonblank(lines, p, 0)  # (the post's number)
    if p is not None and p > floor and (len(lines.text[p]) < 150 and lines.text[p][:2].lower() == "re" and RE_SUBJECT.match(lines.text[p]) or lines.text[p] in subjects):
        q = prev_nonblank(lines, p, 1)
        card = _card(lines, q, a.header.author, floor) if q is not None and q > floor else None
        return card if card is not None else p
    if p is not None and p > floor and p == a.first - 1 or p is not None and p > floor and not lines.text[a.first - 1]:
        card = _card(lines, p, a.header.author, floor)
        # (not one glued right under the header above: the lines there are that comment's, its
        # words however they read, "[deleted]" under a removed account's header)
        if card is not None and (floor < 0 or card > floor + 1):
            return card
    if p is None or p <= floor:
        return None
    s = lines.text[p]
    if len(s) < 100 and s[0] in BULLETS and a.indent - 4 <= lines.indent[p] <= a.indent and not is_chrome(s):
        # ("*Closes Laptop*" is a reply in markdown emphasis: a "*" or "-" bullet has a space after it)
        if s[0] in "*-" and s[1:2] != " ":
            return None
        return p
    return None


# A title line over a header: short, alone in its paragraph, right on top of the header.
TITLE_CHARS: Final = 100
MIN_TITLED: Final = 3


def _title_over(lines: Lines, a: Anchor, floor: int, repeated: frozenset[str] = frozenset()) -> int | None:
    p = a.first - 1
    if p <= floor + 1 or not (s := lines.text[p]) or lines.text[p - 1] or len(s) > TITLE_CHARS or is_chrome(s):
        return None
    if is_stop_line(s) and _title_key(s) not in repeated:
        return None  # (a title printed over two or more headers is a title, whatever it reads as: "MORE: ...")
    # (a numbered link over each header, "1. Profile", "2. 2", is the page's, not a title)
    words = _LEADING_COUNTER.sub("", s)
    if not words or NAV_LABEL.match(words):
        return None
    return p if read_header(lines.core[p]) is None else None


_LEADING_COUNTER: Final = re.compile(r"^[\W\d_]+")
_TRAILING_PAREN: Final = re.compile(r"\s*\([^()]*\)$")


def _title_key(s: str) -> str:
    """A title line without the parenthesis after it, its score or count ("Obvious (Score:3, Funny)")."""
    return _TRAILING_PAREN.sub("", s) if s[-1:] == ")" else s


def _habitual_titles(lines: Lines, best: list[Anchor], known: dict[int, int]) -> dict[int, int]:
    """Comment k -> the title line its writer gave it ("Old news (Score:4, Insightful)" over "by jo
    (1234) on ..."), where most headers of the thread wear one: a short line alone in its
    paragraph right on top of the header. One comment's last line over the next header is no
    habit; a page that titles its comments does it for (nearly) all of them. The line stays the
    previous comment's when it is all that comment would say."""
    if len(best) < MIN_TITLED - 1:
        return {}
    over = Counter(_title_key(lines.text[a.first - 1]) for a in best if a.first > 0)
    repeated = frozenset(t for t, n in over.items() if t and n >= 2)
    found: dict[int, int] = {}
    alone: dict[int, int] = {}
    for k, a in enumerate(best):
        if k in known:
            continue
        p = _title_over(lines, a, best[k - 1].last if k else -1, repeated)
        if p is None:
            continue
        if k and not any(is_content(lines.text[j]) or is_placeholder(lines.text[j]) for j in range(best[k - 1].last + 1, p - 1)):
            alone[k] = p  # (the previous comment's only words)
            continue
        found[k] = p
    if alone and len(found) + len(known) >= MIN_TITLED:
        # ... unless it ends in the parenthesis the page's titles end in, "(Score:2)" as their
        # "(Score:4)": a title, and the comment above said what its widget prints too ("Share")
        heads = Counter(_paren_head(lines.text[p]) for p in (*found.values(), *known.values()))
        head, n = heads.most_common(1)[0]
        if head is not None and n >= MIN_TITLED:
            found.update((k, p) for k, p in alone.items() if _paren_head(lines.text[p]) == head)
    # (the subjects read already, "Re: <title>" over a reply, are titles of the same habit: a thread of
    # three, a title over the first post and a "Re:" over its reply, titles them all)
    if len(best) < MIN_TITLED:
        # (two headers under a title each are a habit when the first comment closes with its row of
        # actions over the second title, "Reply to This": the line is no last word of the first; or
        # when both titles end in a parenthesis that opens alike, "(Score:4)" and "(Score:-1, Troll)")
        if 1 in found and _row_over(lines, found[1], best[0].last):
            # (the first comment's row of actions over the second title: the line under the row
            # is the second post's title, whether the first post's title was read or not, its
            # words too long for a title line)
            return found
        if len(found) < len(best):
            return {}
        opening = {_paren_head(lines.text[p]) for p in found.values()}
        return found if len(opening) == 1 and None not in opening else {}
    return found if found and (len(found) + len(known)) * 3 >= len(best) * 2 and len(found) + len(known) >= MIN_TITLED else {}


_PAREN_HEAD: Final = re.compile(r"\(\s*([^\W\d_]+)[^()]*\)$")


def _paren_head(s: str) -> str | None:
    """The word a title's closing parenthesis opens with ("Score" in "Old news (Score:4, Funny)")."""
    m = _PAREN_HEAD.search(s)
    return m.group(1).lower() if m else None


# Non-blank lines over a title searched for the previous comment's row of actions.
ROW_OVER_REACH: Final = 2


def _row_over(lines: Lines, p: int, floor: int) -> bool:
    """Whether a Reply / Like row of chrome closes the words over line `p` (within ROW_OVER_REACH
    non-blank lines, below line `floor`, the previous header)."""
    k: int | None
    k = p
    for _ in range(ROW_OVER_REACH):
        k = prev_nonblank(lines, k, 3)
        if k is None or k <= floor:
            return False
        if is_reply_row(lines.text[k]):
            return True
    return False


def _body_line_role(lines: Lines, j: int, headers: dict[int, CommentHeader]) -> str:
    s = lines.text[j]
    if is_chrome(s):
        return "comment_chrome"
    h = headers.get(j)
    if h is not None and h.kind == "date":
        return "comment_header"
    return zone_line_role(s)


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_ZONE_LINE_ROLE_CACHE: Final[dict[str, str]] = line_dict()


def zone_line_role(s: str) -> str:
    """Role of a non-header line inside the comment zone, from its text alone (cached)."""
    known = _ZONE_LINE_ROLE_CACHE.get(s)
    if known is None:
        known = _ZONE_LINE_ROLE_CACHE[s] = _zone_line_role_uncached(s)
    return known


def _zone_line_role_uncached(s: str) -> str:
    # text is matched lower-cased by the faster lower twins of the patterns (see patterns.lower_twin
    # and LOWER_BELOW); most lines are refused by the two gated patterns on their first letters
    # (patterns.gate_refuses), and are lower-cased only when a pattern is still to be run
    section: re.Pattern[str] | LetterGate
    form: re.Pattern[str] | LetterGate
    folds = folds_like_lower(s)
    lowered = len(s) < LOWER_BELOW and folds
    if lowered:
        section, form, policy = COMMENT_SECTION_LOW, COMMENT_FORM_LOW, POLICY_LOW
    else:
        section, form, policy = COMMENT_SECTION, COMMENT_FORM, POLICY
    t = ""
    # (a line is_stop_line has read and found no stop line matches neither COMMENT_SECTION nor
    # COMMENT_FORM, whose union it asks, and is no furniture under 120 characters, which it asks
    # too: only the policy's words are left to read; about half the lines read here)
    if not read_as_no_stop_line(s):
        if len(s) < 250 and not (folds and gate_refuses(COMMENT_SECTION_LOW, s)):
            t = s.lower() if lowered else s
            if section.match(t):
                return "comment_chrome"
        if not (folds and gate_refuses(COMMENT_FORM_LOW, s)):
            t = t or (s.lower() if lowered else s)
            if form.match(t):
                return "boilerplate"
        if len(s) < 120 and is_boilerplate_line(s) and not talks_with_address(s):
            return "boilerplate"
    if len(s) < 200 and _has_policy_hint(s) and (policy.search(t or (s.lower() if lowered else s)) or _policy_word_line(s)):
        return "boilerplate"  # comment policy and registration notes are never comments
    return "comment_body"


def _policy_word_line(s: str) -> bool:
    """A line about moderation in the house's voice (see POLICY_WORD), not a reader's complaint.
    An entry's words under their field's label ("Comment: ... civil society") are a reader's: the
    label names no subject."""
    if opens_words_field(s):
        s = s.split(":", 1)[1]
    return POLICY_WORD.search(s) is not None and POLICY_SUBJECT.search(s) is not None and READER_VOICE.search(s) is None


def _has_policy_hint(s: str) -> bool:
    """Cheap exact pre-check for POLICY and POLICY_WORD: a fragment of their words in the line
    lower-cased (a line in title case or capitals is read as the patterns read it).

    Plain substring tests, not one regex of the fragments: sre would try them at every "o", "e"
    and "i" of the line, most letters of English (this runs on most comment lines).
    """
    if not folds_like_lower(s):
        return True  # (a long s, a Kelvin sign, a dotless or dotted i: the patterns alone say)
    low = lower_of(s)  # (shared: is_boilerplate_line's first reading of the line lower-cased it already)
    # (grouped under a letter each of a group's fragments holds, told by one scan for a character,
    # which many lines lack: about 12 scans a line where there were 15)
    return (
        "v" in low
        and ("eserve" in low or "busive" in low or "ivil" in low)
        or "d" in low
        and ("oderat" in low or "losed" in low or "wned" in low)
        or "m" in low
        and ("erms" in low or "ommunity" in low or "o comment" in low)
        or "g" in low
        and ("gree" in low or "egist" in low)
        or "p" in low
        and ("opic" in low or "esponsible" in low)
        or "olicy" in low
        or "ouse rules" in low
    )


# Chrome that only comments carry: a link to answer, to like or to report one.


# Short lines looked through for the Reply link that closes a comment written in short lines.
SIGN_OFF_REACH: Final = 12


_CLOCK: Final = re.compile(r"\d{1,2}:\d{2}")


def _own_time(lines: Lines, j: int) -> bool:
    """Whether line j is a date with a time of day alone: a comment's own time printed under it."""
    h = read_header(lines.core[j]) if lines.core[j] else None
    return h is not None and h.kind == "date" and _CLOCK.search(h.posted_raw) is not None


def _signed_off(lines: Lines, j: int) -> bool:
    """Whether the short lines from line j on run into a comment's Reply / Report link.

    A run of short lines after the last comment is a footer menu, unless a comment's own action
    link or its own date and time close it: then they are the comment's (a poem, a list, a reply made of a handle and a link).
    """
    seen = 0
    n = len(lines)
    for k in range(j, min(n, j + 2 * SIGN_OFF_REACH)):
        s = lines.text[k]
        if not s:
            continue
        if is_chrome(s):
            return has_reply_action(s)
        if _own_time(lines, k):
            return True  # the comment's own time under it ("March 16, 2015 at 1:55 AM", Blogger)
        if len(s) >= 40 or ends_sentence(s) or is_stop_line(s):
            return False
        seen += 1
        if seen > SIGN_OFF_REACH:
            return False
    # (the page ends under them, with no furniture: they are the last comment's lines, a tweet's)
    return j + 2 * SIGN_OFF_REACH >= n


# A signature under a message: the "-- " delimiter line mail and news readers print over it, then at
# most this many short lines (a name, a town, "Sent from my phone"), read with the comment here and
# taken off its words by comment_text.drop_signatures.
SIGNATURE_LINES: Final = 4


# An item of a list: a bullet (the renderers' bullets, patterns.BULLET_CHARS), a dash or a number
# ("1.", "2)") before its words.
_LIST_ITEM: Final = re.compile(rf"^(?:[{BULLET_CHARS}\-–]|\d{{1,2}}[.)])\s+(?P<item>\S.*)$")


def _reader_list(lines: Lines, j: int) -> bool:
    """Whether the list starting at line j (its items on the lines with text from j on, up to a blank)
    is a reader's: most of its items open in lower case or end a sentence ("- the figures were never
    checked", "* Why is nobody asking?"), as a list of links or headlines does not ("• Ferry Timetables")."""
    items = []
    for k in range(j, len(lines)):
        s = lines.text[k]
        if not s:
            break
        m = _LIST_ITEM.match(s)
        if m is None:
            break
        items.append(m["item"])
    said = sum(1 for w in items if w[0].islower() or w.rstrip()[-1] in ".!?…")
    return bool(items) and said * 2 > len(items)


def _tail_end(lines: Lines, start: int, body_indent: int | None) -> int:
    """One past the last line of the last comment (furniture after it is not the comment)."""
    n = len(lines)
    end = start
    short_end = None  # end if the short lines seen since the last long one belong to the comment
    menu = 0
    stopped = False
    closed = False  # a Reply link has closed the comment's text
    for j in range(start, min(n, start + TAIL_REACH)):
        s = lines.text[j]
        if not s:
            continue
        if is_chrome(s):
            if has_reply_action(s):
                if short_end is not None:
                    end, short_end, menu = short_end, None, 0  # the short lines a Reply link closes are the comment's
                closed = end > start
            continue  # (a "Reply" or vote row under a comment neither ends nor extends it)
        if is_stop_line(s) or (body_indent and lines.indent[j] < body_indent):
            stopped = True
            if short_end == j and menu >= FORM_TABS and not lines.text[j - menu - 1] and all(lines.text[k] and " " not in lines.text[k] for k in range(j - menu, j)) and not _signed_off(lines, j):
                menu = MENU_RUN  # (single words right over the form's line, a blank over them: the form's tabs, "Write" / "Preview")
            break
        if s == "--" and j > start:
            # a "-- " signature delimiter: the short lines over it are the message's, the card
            # under it (its lines up to a blank) its writer's, and the message ends there
            end = j + 1
            while end < n and lines.text[end] and end - j <= SIGNATURE_LINES:
                end += 1
            return end
        if is_pictographs(s):
            end, short_end, menu = j + 1, None, 0  # (emoji alone are a reader's words, never a menu's)
            continue
        if short_end is not None and _own_time(lines, j):
            end, short_end, menu = j + 1, None, 0  # the short lines the comment's own time closes are its
            continue
        if j > start and end > start and _LIST_ITEM.match(s) is not None and _reader_list(lines, j):
            # a reader's list after the comment's text (and the short lead-in over it, "Consider:")
            # is the comment's, to its last item
            end, short_end, menu = j + 1, None, 0
            continue
        if s[0] in BULLETS and not body_indent and j > start and end > start:
            stopped = True  # a list after a comment's text is the page's (related links), not the comment's
            break
        if closed and len(s) < 40:
            stopped = True  # short lines after the Reply link that closed the text are the page's ("More")
            break
        if len(s) < 40 and not ends_sentence(s) and not body_indent:
            # (short lines at the comment's own indent are its lines: a poem, a sign-off)
            menu += 1
            short_end = j + 1
            if menu >= MENU_RUN and not _signed_off(lines, j + 1):
                stopped = True
                break
            continue
        menu = 0
        short_end = None
        end = j + 1
    if short_end is not None and (not stopped or menu < MENU_RUN):
        end = short_end  # a short last line ("where does this go") before the end of the page or a form
    return end


# Comments before the last that must close at their action row for the last one's to end its text
# (see _own_row), and their share.
ROW_CLOSED_MIN: Final = 2
ROW_CLOSED_SHARE: Final = 0.8


def _closing_row(lines: Lines, lo: int, hi: int) -> int | None:
    """The first line of the action row ("Like · Reply · 3y", "Reply") that closes lines lo..hi-1:
    a Reply / Like link with nothing but chrome and blank lines under it in the span; None if none."""
    text = lines.text
    row = None
    for j in range(hi - 1, lo - 1, -1):
        s = text[j]
        if not s:
            continue
        if not is_chrome(s) and not _stamp_line(lines, j):
            break
        if has_reply_action(s):
            row = j
    return row


def _stamp_line(lines: Lines, j: int) -> bool:
    """Whether line j is a date or an age alone (a row's last word, "8w", printed on its own line)."""
    h = read_header(lines.core[j]) if lines.core[j] else None
    return h is not None and h.kind == "date"


def _own_row(lines: Lines, lo: int, spans: list[tuple[int, int]]) -> int:
    """Where the last comment's text ends when every comment before it closes at its action row
    (see ROW_CLOSED_SHARE): at its own row, however its words are shaped above it (a list, short
    lines, a heading of its own), unless page furniture or a comment section's line comes first.
    `lo` when there is no such row."""
    # (counted to where the spans left cannot bring the count up to the share any more)
    need = ROW_CLOSED_SHARE * len(spans)
    closed = 0
    for k, (a, b) in enumerate(spans):
        if closed + len(spans) - k < need:
            return lo
        closed += _closing_row(lines, a, b) is not None
    if closed < ROW_CLOSED_MIN or closed < need:
        return lo
    text = lines.text
    for j in range(lo, min(len(text), lo + TAIL_REACH)):
        s = text[j]
        if not s:
            continue
        if is_chrome(s):
            return j if has_reply_action(s) else lo
        if is_stop_line(s) or zone_line_role(s) != "comment_body":
            return lo
    return lo


def _card_below(lines: Lines, lo: int, hi: int, author: str) -> int:
    """`hi`, or the first line of the author's profile card printed under the post's text (and any
    chrome after it, "Top"): the text ends there."""
    j = hi - 1
    while j >= lo and (not lines.text[j] or is_chrome(lines.text[j]) and ":" not in lines.text[j]):
        j -= 1  # (blank lines and links after the card: "Top")
    if j < lo:
        return hi
    card = _card(lines, j, author, lo)
    # (under the post's words, or a blank line: a "card" glued under lines of chrome alone is the
    # post's own lines, "[deleted]" under "Post #16")
    above = lines.text[lo:card] if card is not None else []
    return card if card is not None and card > lo and (any(is_content(s) for s in above) or not all(above)) else hi


# Lines under the last header searched for its author's profile card.
CARD_REACH: Final = 40


def _card_under_last(lines: Lines, lo: int, author: str) -> int | None:
    """Where the last comment's text ends when the author's profile card follows it (a blank line,
    the author's name, then the card's short lines): the card closes the text, however short."""
    if not author:
        return None
    text, core, low = lines.text, lines.core, author.lower()
    seen_text = False
    for j in range(lo, min(len(text), lo + CARD_REACH)):
        if not text[j]:
            continue
        if seen_text and not text[j - 1] and core[j].lower() == low and j + 1 < len(text) and text[j + 1] and len(text[j + 1]) <= CARD_CHARS:
            k = next((k for k in range(j + 1, min(len(text), j + CARD_LINES)) if not text[k]), min(len(text), j + CARD_LINES))
            if any(is_chrome(text[m]) and ":" in text[m] for m in range(j + 1, k)):
                return j
        if is_stop_line(text[j]):
            return None
        seen_text = seen_text or is_content(text[j])
    return None


# Comments read for the thread's habit before a last comment's trailing short lines are judged.
HABIT_COMMENTS: Final = 2


def _words(lines: Lines, k: int) -> bool:
    """Whether line k is words of a comment: not blank, chrome, furniture, nor a date printed under
    the text (Blogger's "March 9, 2014 6:52 AM")."""
    s = lines.text[k]
    if not is_content(s):
        return False
    h = read_header(lines.core[k])
    return h is None or h.kind != "date"


def _short_tail(lines: Lines, lo: int, hi: int) -> int | None:
    """Where the last paragraph of a comment's text starts when it reads as a heading or a menu after
    a paragraph of other text: its first line short (under 40 characters, no full stop, question
    or exclamation mark at the end, no emoji, no handle or link, not a sign-off), and either its
    other lines are short too (none ending a sentence) or one of them is long (a heading over its
    text); else None.

    Chrome, furniture and date lines part paragraphs as blank lines do (they are no words of the comment)."""
    text = lines.text
    j = hi - 1
    while j >= lo and not _words(lines, j):
        if _own_time(lines, j):
            return None  # (the comment's own time under its text closes it: Blogger)
        j -= 1
    start = j
    while start - 1 >= lo and _words(lines, start - 1):
        start -= 1
    above = start - 1
    while above >= lo and not _words(lines, above) and not is_placeholder(text[above]):
        above -= 1  # (a removed comment's "[comment deleted]" stands for its words)
    if start < lo or above < lo:
        return None  # (the comment is this paragraph alone: a reply of a handle and a link)
    s = text[start]
    if len(s) >= 40 or s.rstrip()[-1] in ".!?…" or is_pictographs(s) or s[0] == "@" or "://" in s:
        return None
    if s[0].islower() or s[0] in "-–—~" or text[above].rstrip()[-1] in ",:;":
        return None  # a reader's sign-off: "-Shannon", "ps glad you're better", "Cheers," over "Jo"
    if _reader_list(lines, start) or start < j and _reader_list(lines, start + 1):
        return None  # a reader's list, or a lead-in over one ("A few things:" over "1. the figures ...")
    last = lines.core[j]
    if len(last) < 40 and looks_like_name(last) and all(w[:1].isupper() for w in last.split()) and not any(
        len(w) >= 4 and NAV_LABEL.match(w) for w in last.split()
    ):
        # a name signs it ("Antonio", "Love and gratitude" over "Annie"); a widget's title is no
        # name ("Suggested Topics": a word of menus in it)
        return None
    if start < j and s[-1].isalpha() and text[start + 1][:1].islower():
        # (a sentence broken over lines: its first line stops on a word, the rest runs on in lower
        # case; a heading's text opens a sentence of its own, a pager's line ends on its count)
        return None
    if start < j and not any(len(text[k]) >= 40 for k in range(start + 1, j + 1)):
        if any(text[k].rstrip()[-1] in ".!?…" or is_pictographs(text[k]) for k in range(start + 1, j + 1)):
            return None
    return start


def _cut_footer_tail(lines: Lines, spans: list[tuple[int, int]]) -> None:
    """Cut the last comment's trailing paragraph of short lines ("Who is online", "Jump to") when
    (nearly) no other comment of the thread ends so: the page's furniture after it, not the reader's words.

    A reader's sign-off or a link on its own line ends other comments of the same thread too;
    a footer ends only the last one."""
    # (the first comment is left out: its span may hold the post's own furniture when the post is
    # read as the thread's first entry, "5 posts • Page 1 of 1")
    others = spans[1:-1]
    if len(spans) - 1 < HABIT_COMMENTS:
        if len(spans) < 2:
            return
        # a thread of two: the first comment is all there is to read the habit from (the footer
        # is the page's: "Who is online" under the last post, not under the first)
        others = spans[:-1]
    lo, hi = spans[-1]
    tail = _short_tail(lines, lo, hi)
    if tail is None:
        return
    if sum(_short_tail(lines, a, b) is not None for a, b in others) > len(others) // 5:
        return  # (one in five may: a reader's sign-off)
    spans[-1] = (lo, tail)


def _spans_above(lines: Lines, best: list[Anchor]) -> tuple[list[tuple[int, int]], dict[int, int]]:
    """Body line ranges when headers sit above their comments, and each comment's title line."""
    subjects: dict[int, int] = {}  # comment k -> its title line ("• Re: ... (Score:3)") above the header
    repeated = _repeated_subjects(lines, best)
    for k, a in enumerate(best):
        p = _subject_line(lines, a, best[k - 1].last if k else -1, repeated)
        if p is not None:
            subjects[k] = p
    subjects.update(_habitual_titles(lines, best, subjects))
    spans: list[tuple[int, int]] = []
    rowed = False
    for k, a in enumerate(best):
        lo = a.last + 1
        hi: int | None
        if k + 1 < len(best):
            hi = subjects.get(k + 1, best[k + 1].first)
            hi = _card_below(lines, lo, hi, a.header.author)
        else:
            nb = next_nonblank(lines, a.last, 3)
            body_indent = lines.indent[nb] if nb is not None and lines.indent[nb] > 0 else None
            hi = _card_under_last(lines, lo, a.header.author)
            if hi is None:
                row = _own_row(lines, lo, spans)
                rowed = row > lo
                hi = _card_below(lines, lo, max(_tail_end(lines, lo, body_indent), row), a.header.author)
        spans.append((lo, hi))
    if not rowed:
        # (a last comment closed by its own action row has no footer in it: the page's comes after the row)
        _cut_footer_tail(lines, spans)
    return spans, subjects


def _spans_below(lines: Lines, best: list[Anchor], floor: int, headed: bool = False) -> list[tuple[int, int]]:
    """Body line ranges when headers sign their comments from below ("Posted by: X | DATE").

    The first comment has no header above it to start from: it takes about as many lines as the
    others do, going up no further than `floor` or a line of page furniture. Under a comment-section
    header (`headed`, `floor` right under it), a short stretch of words up to the header is all the
    first comment's.
    """
    spans = spans_signed_below(best)
    sizes = sorted(lines.nonblank_between(lo, hi) for lo, hi in spans[1:])
    want = max(1, sizes[len(sizes) // 2]) if sizes else 1
    lo = best[0].first
    got = 0
    # furniture-like lines the thread's other comments hold ("Follow @jo" under a signature) are the
    # commenters' own: the first comment's may end so too (their lines are gathered only once such
    # a line is met)
    own: set[str] | None = None

    def closes(t: str) -> bool:
        nonlocal own
        if not is_stop_line(t):
            return False
        if own is None:
            own = {lines.text[j] for a, b in spans[1:] for j in range(a, b) if lines.text[j]}
        return not (_held_alike(t, own) and FORM_OR_SECTION.match(t) is None)

    opener = opener_above(lines, spans, best[0].first, floor)
    if opener is None and not headed and floor >= 2 and opener_above(lines, spans, best[0].first, floor - 2) == floor - 2:
        # the label that opens every answer right over the page's lead run ("Answer:" over a long
        # first answer): the lead run is that answer's, not the article's (a short post above it)
        opener = floor = floor - 2
    stop = floor - 1 if opener is None else opener  # (the loop stops over this line)
    inline = None
    if opener is None and (inline := inline_opener_above(lines, spans, best[0].first, floor)) is not None:
        # the others' first lines open with a label ("A: Yes, it does."): the first comment's
        # words start at the line that opens so, however long they run
        opener, stop = inline, inline - 1
    printed_above = [t for t in lines.text[:floor] if len(t) >= RESTATED_CHARS]  # (read once, see _restates_page)
    for j in range(best[0].first - 1, stop, -1):
        s = lines.text[j]
        if not s:
            if got >= want and opener is None:
                break
            continue
        # (to the start of the paragraph it has reached: a comment's first lines are no article's)
        if closes(s) or got and _restates_page(s, printed_above):
            break
        lo = j
        if not is_chrome(s):
            got += 1
    if headed and inline is None:
        # (a first comment opening with the others' inline label starts there: a question over it,
        # "Q: Does it switch off?", is the page's)
        # under the section's header, what lies above the first signature is the first comment's:
        # all of it when it took a signature ("Follow @jo", as the others end), or stopped at a
        # blank after as many lines as the others hold (a first comment of three paragraphs)
        stretch = [j for j in range(floor, best[0].first) if lines.text[j]]
        while stretch and (is_chrome(lines.text[stretch[0]]) or is_label(lines.text[stretch[0]]) or _restates_page(lines.text[stretch[0]], printed_above)):
            stretch.pop(0)  # (the section's sort control or display label: "Display:", "Sort by"; "Q: <the title>")
        if stretch and len(stretch) <= HEADED_FIRST_MAX * want and not any(closes(lines.text[j]) for j in stretch):
            lo = stretch[0]
        elif (words := words_under_section(lines, floor - 1, best[0].first, best[-1].last, len(best) <= SMALL_THREAD)) is not None:
            # a longer stretch is still all the first comment's when it is words from its first line
            # on, below the section's own prompt ("Add your comment"): see choose.words_under_section
            lo = words
    spans[0] = (lo, best[0].first)
    return spans


# Lines (times the thread's usual comment) a first comment under a section header may take up to it.
HEADED_FIRST_MAX: Final = 3


def _held_alike(s: str, own: set[str]) -> bool:
    """Whether a line of the form of `s` (its first word and its shape: "Follow @jo" as "Follow @al")
    is among the lines `own`."""
    head = s.split(None, 1)[0]
    return any(t.split(None, 1)[0] == head and len(t.split()) == len(s.split()) and is_stop_line(t) for t in own)


# The shortest line of the page a first comment's line is checked against (see _restates_page).
RESTATED_CHARS: Final = 20


def _restates_page(s: str, printed_above: list[str]) -> bool:
    """Whether line `s` ends with a line printed above the thread's floor (`printed_above`: those
    of RESTATED_CHARS or more; the post's title restated over the answers, "Q: <the question>"):
    the page's, not the first answer's words. A line that quotes it ("> <the post's words>") is a
    reader's, who quotes the post to answer it (the quote mark before the words printed above: a
    title that opens with one, "Q: 'Ferries cut' - the week's story", is still the page's)."""
    return any(s.endswith(t) and QUOTE_OPENING.match(s[: len(s) - len(t)]) is None for t in printed_above)


# The fewest blanks (spaces: words after its first) a line read as furniture holds, to be read as a
# wordless comment's words (see _labelled_words; "Watch: Live" is a link's label).
LABELLED_WORDS_MIN: Final = 3


def _labelled_words(lines: Lines, span: tuple[int, int], c: Comment, roles: dict[int, str], followed: bool) -> None:
    """Give comment `c`, whose header was read and whose span holds no line of words, the one line
    of its span read as boilerplate when it is a reader's words (_read_as_boilerplate_words) and
    sits where a comment's words sit: right under the header, and over the comment's row of chrome
    or, when another comment `followed` it, anywhere before that comment's header. Two shapes are
    so read and lost: a line of furniture for its opening words alone (a teaser's label, "Watch:",
    "More:", or a furniture pattern open to anything after its first words, "Follow @...",
    "Subscribe ..."): a newsroom's reply opens so ("MORE: Floods close the ring road; drivers
    stranded"); and a line holding a policy's words ("you agree", "we reserve"): a reader asks
    "Do you agree with this?". A site prints its furniture and its policy around a thread, never
    inside one comment's frame, under its header and over its row or the next comment."""
    text = lines.text
    lo, hi = span
    held = [j for j in range(lo, hi) if text[j] and roles.get(j) == "boilerplate"]
    if len(held) != 1:
        return
    j = held[0]
    # (right under the header, over the comment's own chrome, its row of actions, or the next
    # comment's header: where its words sit; a footer's line read under a wordless last comment
    # lies under that row)
    top = next((k for k in range(lo, hi) if text[k]), -1)
    if j != top or not (followed or any(text[k] and roles.get(k) == "comment_chrome" for k in range(j + 1, hi))):
        return
    if not _read_as_boilerplate_words(text[j]):
        return
    c.body_lines = [j]
    roles[j] = "comment_body"


def _read_as_boilerplate_words(s: str) -> bool:
    """Whether line `s`, read as boilerplate, may be a reader's words: no chrome, comment form's
    line or section heading, and, when it is furniture for its opening words (a furniture pattern
    open to anything after them: "Follow @jo ...", "Subscribe ...", "Sponsored ..."), words
    enough (LABELLED_WORDS_MIN after its first; "Watch: Live" is a link's label). A line read as
    boilerplate for a policy's words alone ("You agree?") needs no more: a site's policy is no
    question of two words."""
    if is_chrome(s) or FORM_OR_SECTION.match(s) is not None:
        return False
    return s.count(" ") >= LABELLED_WORDS_MIN or not is_boilerplate_line(s)


def _tail_of_thread(anchors: list[Anchor], best: list[Anchor], floor: int) -> bool:
    """Whether the window read above a late lead run (from line `floor` down) holds a run of
    headers of one format, two or more, whose first reaches its top edge (no further under it than
    REACH_EDGE and the run's own spacing), none of them chosen as a thread: the window cut a long
    thread of short replies (a forum's posts under a tweet, whose first long line is a quote near
    the page's foot) and kept only its last few posts, too few under that prose to read as a
    thread of their own. The whole thread is then read from the page's first text, as one the
    window's top cuts is. (A lone header near the top, or headers of several formats each alone
    there, cut no run: a byline, a menu's item; reading the page again for them found nothing.)"""
    if best or not anchors:
        return False
    runs: dict[str, list[Anchor]] = {}
    for a in anchors:
        runs.setdefault(a.family, []).append(a)
    return any(len(run) >= 2 and run[0].first - floor <= REACH_EDGE + header_spacing(run) for run in runs.values())


def build_zone(lines: Lines, first_prose: int, floor: int | None = None, article: int | None = None) -> tuple[Zone | None, dict[int, str]]:
    """The comment zone and a role for each of its lines, or (None, {}) for a page without comments.

    `floor`, `article`: the page's first line of text and first line of prose, at or above
    `first_prose`. A short post's title and words may sit there with its first comments: headers
    under the floor may extend the thread upward, a byline-shaped one only under the article's prose.
    """
    # (a short post's thread above its lead run is a few dozen lines; a long menu above a long
    # article is not read for headers twice)
    text_floor = first_prose if floor is None else floor
    floor = max(text_floor, first_prose - ABOVE_REACH)
    article = first_prose if article is None else article
    # a comment-section header ("2 Responses") above that says where comments start, on a page whose
    # post has no prose at all (a link, a title)
    sections = section_headers(lines, 0)  # found once, for every caller below
    if sections and sections[0] < floor and not any(lines.text[i] and is_prose(lines.text[i]) for i in range(sections[0])):
        floor = sections[0]
    anchors, headers = find_anchors(lines, floor + 1)
    best, section = choose_anchors(lines, anchors, first_prose, floor, article)
    if text_floor < floor and (best and best[0].first - floor <= REACH_EDGE + header_spacing(best) or _tail_of_thread(anchors, best, floor)):
        # the thread reaches the top of the window read above the lead run: a long thread of short
        # replies under a short post starts further up; read it again from the page's first text
        anchors, headers = find_anchors(lines, text_floor + 1)
        best, section = choose_anchors(lines, anchors, first_prose, text_floor, article)
    if not best:
        return None, {}
    best = complete_by_template(lines, best)  # (a pingback's header, whose "name" is a post's title)
    subjects: dict[int, int] = {}
    if _placement(lines, best) == "before":
        spans, subjects = _spans_above(lines, best)
        zone_start, zone_end = subjects.get(0, best[0].first), spans[-1][1]
    else:
        spans = _spans_below(lines, best, section + 1 if section is not None else first_prose + 1, headed=section is not None)
        zone_start, zone_end = spans[0][0], best[-1].last + 1
    roles: dict[int, str] = {}
    if section is not None and section < zone_start and zone_start - section <= 12:
        for j in range(section, zone_start):
            if lines.text[j]:
                roles[j] = "comment_chrome" if j == section or is_chrome(lines.text[j]) else "boilerplate"
        zone_start = section
    comments: list[Comment] = []
    for k, (a, (lo, hi)) in enumerate(zip(best, spans)):
        # (a comprehension over the range, compiled a loop: `list(range(...)) + [...]` made the range
        # and the list by generic calls, and a third list to join them, for every comment)
        head = [j for j in range(a.first, a.last + 1)]
        if k in subjects:
            head.append(subjects[k])
        c = Comment(header_lines=head, author=a.header.author, posted_raw=a.header.posted_raw, indent=a.indent)
        for j in c.header_lines:
            roles[j] = "comment_header"
        top = True  # (the span's first line with text: where the words start)
        for j in range(lo, hi):
            if not lines.text[j]:
                continue
            role = _body_line_role(lines, j, headers)
            if role == "comment_chrome" and (top or roles.get(j - 1) == "comment_body") and is_placeholder(lines.text[j]):
                # a removed comment's mark where its words start ("[comment deleted]" right under its
                # header) stands for them: the comment is there, and says it was removed; glued
                # under its words ("Jo said:" over it, a quote of the removed one) it is words too
                role = "comment_body"
            top = False
            roles[j] = role
            if role == "comment_body":
                c.body_lines.append(j)
            elif role == "comment_header" and not c.posted_raw:
                c.posted_raw = headers[j].posted_raw
        comments.append(c)
    for k, c in enumerate(comments):
        if not c.body_lines:
            _labelled_words(lines, spans[k], c, roles, k + 1 < len(comments))
    dated = any(c.posted_raw for c in comments)
    # a comment-section header right above, or Reply / Like links under the comments, vouch for short ones
    headed = section is not None and zone_start == section or not dated and any(
        is_reply_row(s) for s in lines.text[zone_start : zone_end + CHROME_REACH]
    )
    if not reads_like_thread(lines, [c.body_lines for c in comments], dated, zone_start, headed, _prose_closed_by_rows(lines, comments), _alike_pair(lines, best, comments) or _readers_with_reply_links(lines, comments)):
        return None, {}
    _words_in_chrome(lines, best, spans, comments, roles)
    _short_words_on_top(lines, best, spans, comments, roles)
    _mark_is_the_words(lines, spans, comments, roles)
    return Zone(zone_start, zone_end, comments), roles


def _field_label(core: str) -> str:
    """The label of a labelled field line ("Name : Jo" -> "name"), "" when the line has none."""
    k = core.find(":")
    return core[:k].strip().casefold() if 0 < k <= FIELD_LABEL_CHARS else ""


def _same_form(lines: Lines, a: Anchor, b: Anchor) -> bool:
    """Whether two blocks of labelled fields open on the same label and one's labels are all the
    other's ("Name :", "From :", "Message :" and "Name :", "Message :"): one form printed both,
    whichever of its optional fields each filled."""
    if a.family != "field" or b.family != "field":
        return False
    labels = [[_field_label(lines.core[j]) for j in range(x.first, x.last + 1) if lines.text[j]] for x in (a, b)]
    if not all(all(block) for block in labels) or labels[0][0] != labels[1][0]:
        return False
    one, other = set(labels[0]), set(labels[1])
    return one <= other or other <= one


def _header_height(lines: Lines, a: Anchor) -> int:
    """Lines of header `a` under its first, less a "Re: <topic>" subject it ends on: a board prints
    a post's subject under its header on some posts and not on others."""
    n = a.last - a.first
    return n - 1 if n and RE_SUBJECT.match(lines.text[a.last]) else n


def _alike_pair(lines: Lines, best: list[Anchor], comments: list[Comment]) -> bool:
    """Whether the thread is two comments with words whose headers the page prints alike (one
    format family, as many lines, or one form's labelled fields: see _same_form) over two readers'
    names: a short post's long answer and a second reply, not an article under its byline (an
    article has one; a writer's box under it repeats the byline's name)."""
    if len(best) != 2 or len(comments) != 2 or not (comments[0].body_lines and comments[1].body_lines):
        return False
    a, b = best
    first, second = a.header.author.casefold(), b.header.author.casefold()
    printed_alike = _header_height(lines, a) == _header_height(lines, b) or _same_form(lines, a, b)
    return a.family == b.family and printed_alike and bool(first) and bool(second) and first != second


def _row_under(lines: Lines, comments: list[Comment], k: int, row: Callable[[str], bool]) -> bool:
    """Whether comment k's words are closed by a row of its actions: a Reply / Like line of chrome
    (`row`) within CHROME_REACH lines under its last word, before the next comment's words."""
    c = comments[k]
    if not c.body_lines:
        return False
    end = c.body_lines[-1] + 1 + CHROME_REACH
    if k + 1 < len(comments) and comments[k + 1].body_lines:
        end = min(end, comments[k + 1].body_lines[0])
    return any(row(s) for s in lines.text[c.body_lines[-1] + 1 : end])


def _closed_by_rows(lines: Lines, comments: list[Comment], row: Callable[[str], bool] = is_reply_row) -> bool:
    """Whether each comment's words are closed by a row of its actions (_row_under)."""
    return all(_row_under(lines, comments, k, row) for k in range(len(comments)))


def _prose_closed_by_rows(lines: Lines, comments: list[Comment]) -> bool:
    """Whether each comment with a line of prose is closed by a row of its actions (_row_under):
    what vouches for long words as a reader's, not an article's (an article has no such row). A
    reply of a sign or a few words ("👏👏", "Agreed") is no article to tell apart, and a widget may
    print no row under a nested response."""
    text = lines.text
    return all(_row_under(lines, comments, k, is_reply_row) for k, c in enumerate(comments) if any(is_prose(text[j]) for j in c.body_lines))


def _readers_with_reply_links(lines: Lines, comments: list[Comment]) -> bool:
    """Whether the thread is two or more dated comments under as many names, each closed by its own
    row of links with a Reply link (chrome.is_reply_link_row): readers' comments however long, not
    an article under its byline (an article has one byline, and no Reply link of its own)."""
    names = {c.author.casefold() for c in comments if c.author}
    return (
        len(comments) >= 2
        and len(names) == len(comments)
        and all(c.posted_raw for c in comments)
        and _closed_by_rows(lines, comments, is_reply_link_row)
    )


# Comments with words the template of the page is read from (see _words_in_chrome).
TEMPLATE_COMMENTS: Final = 2


def _template_key(lines: Lines, j: int) -> str:
    """A line as the page's comment template prints it: a date or an age as one key whatever its
    wording ("3 hours ago", "March 4" under a name), else its words with counts as '#'."""
    return "\0date" if _stamp_line(lines, j) else template_form(lines.core[j])


# The longest first line of a comment a reply of a count or a sign may sit glued under (a subject,
# "Re: the lock gates", or a badge: see _short_words_on_top).
MARK_SUBJECT_CHARS: Final = 40


def _short_words_on_top(lines: Lines, best: list[Anchor], spans: list[tuple[int, int]], comments: list[Comment], roles: dict[int, str]) -> None:
    """Give a comment with words the short count or sign (anchors.is_short_mark: "+1", "100%") its
    span holds before its first line of chrome the template prints by other comments too, when the
    template prints that line around none of the thread's other comments: "+1" over the signature a
    board prints under a member's every post, or under a "Reply to @jo" line, is the reader's answer
    (a score would be printed by every comment). Comments with no words: _words_in_chrome."""
    text = lines.text
    if len(comments) <= TEMPLATE_COMMENTS:
        return
    if not any(_short_mark_on_top(lines, spans[k], c, roles) for k, c in enumerate(comments) if c.body_lines):
        return  # (no comment has such a line on top: the template's lines are not counted)
    keys: list[list[tuple[int, str]]] = []
    printed: Counter[str] = Counter()
    for k, c in enumerate(comments):
        a, (lo, hi) = best[k], spans[k]
        body = set(c.body_lines)
        mine = [(j, _template_key(lines, j)) for j in range(lo, hi) if text[j] and j not in body]
        keys.append(mine)
        printed.update({key for _, key in mine} | {_template_key(lines, j) for j in range(a.first + 1, a.last + 1) if text[j]})
    for k, c in enumerate(comments):
        # (the span's first line out of the words, a short mark read as chrome: _short_mark_on_top,
        # printed around no other comment)
        if c.body_lines and keys[k] and printed[keys[k][0][1]] == 1 and _short_mark_on_top(lines, spans[k], c, roles):
            j = keys[k][0][0]
            c.body_lines = sorted([j, *c.body_lines])
            roles[j] = "comment_body"


def _short_mark_on_top(lines: Lines, span: tuple[int, int], c: Comment, roles: dict[int, str]) -> bool:
    """Whether comment `c`'s span opens with what _short_words_on_top may give it, its template's
    counts aside: its first line with text out of its words, on top of the span (over the words, or
    glued under a short first line, a subject or a badge the zone's later readers take off: a line
    further under them is the widget's), read as chrome, a short mark."""
    text = lines.text
    lo, hi = span
    # (the span's first line with text out of the words is on top only where it is the span's first
    # line with text, or the line right under it when that one is the words': those two lines are
    # read, where a set of the words' lines was made and the span read to its first line out of
    # them, for every comment of every page read here)
    first = next_nonblank(lines, lo - 1, hi - lo) if lo > 0 else None
    if first is None or first >= hi:
        return False
    body = c.body_lines
    if first not in body:
        j = first
    elif first + 1 < hi and text[first + 1] and first + 1 not in body and len(text[first]) <= MARK_SUBJECT_CHARS:
        j = first + 1  # (glued under a short first line of the words: a subject, a badge)
    else:
        return False
    return roles.get(j) == "comment_chrome" and is_short_mark(text[j])


# The most widget lines a comment whose words are a count alone may hold besides it (see _mark_is_the_words).
MARK_WIDGET_LINES: Final = 3
# A count or sign of one shape ("+#") in more than one comment's span in this many is the template's
# (a score printed by every comment, or most); fewer are readers' replies.
MARK_SHAPE_SHARE_INV: Final = 3


# A comment's edited marker alone ("Edited", "(edited)"): a widget's word no reader replies with.
_EDITED_MARK: Final = re.compile(r"^\(?edited\)?$", re.I)
# The longest subject line ("Re: <the post's first words>") read as a post's, not a reply's words.
MARK_SUBJECT_LINE_CHARS: Final = 80


def _widget_line(lines: Lines, j: int, mark: int) -> bool:
    """Whether line j, in the span of a comment whose count alone is line `mark`, is a widget's
    rather than a reader's words: chrome of more than one word ("In reply to jo.", "Reply to @jo",
    "Version 2.3", "12 people found this helpful") or the edited marker ("Edited"; a single word
    of chrome, "Report", may be a reply), a badge ("Author"), or the post's subject glued right
    over the count ("Re: the lock gates"; a reply opening "re: <a long quote>" is words). A
    reader's short words ("ty", "Nice boat") are none: a score under them is the template's."""
    s = lines.text[j]
    if is_placeholder(s):
        return False  # ("[comment deleted]" stands for the words: a count under it is a score)
    if is_badge_line(s) or is_chrome(s) and (" " in s or _EDITED_MARK.match(s) is not None):
        return True  # (one word of chrome, "Report", "Share", may be a reader's whole reply: a score under it is the template's)
    return j == mark - 1 and len(s) <= MARK_SUBJECT_LINE_CHARS and RE_SUBJECT.match(s) is not None


def _mark_is_the_words(lines: Lines, spans: list[tuple[int, int]], comments: list[Comment], roles: dict[int, str]) -> None:
    """Give a comment whose span holds a count alone ("+1", "+100", "100%": anchors.is_short_mark with a digit)
    and otherwise only a widget's lines (_widget_line: a marker over it, "Edited", "In reply to jo.",
    a badge, a product's variant, a helpful-count under it) that mark as its words, and its words alone.

    Read as chrome, such a reply leaves its comment the widget's marker for words ("Edited"), or
    no words; read with them, the marker drowns the reply. A score the template prints is printed
    by most comments: a mark of a shape ("+#") that the spans of more than one comment in
    MARK_SHAPE_SHARE_INV hold (or of more than one, on a page of fewer) is left as it is, and so
    is a comment with a line of words of its own."""
    text = lines.text
    # (a plain dict, not a Counter: a Counter's update is interpreted Python, and ran once a span)
    shapes: dict[str, int] = {}
    marks: list[int | None] = []
    for lo, hi in spans:
        # (a count: "+1", "+100", "100%"; an emoticon, ";_;", is a reader's whatever lines stand by it)
        mine = [j for j in range(lo, hi) if text[j] and is_short_mark(text[j]) and any(ch.isdigit() for ch in text[j])]
        marks.append(mine[0] if len(mine) == 1 else None)
        for shape in {template_form(lines.core[j]) for j in mine}:
            shapes[shape] = shapes.get(shape, 0) + 1
    for k, c in enumerate(comments):
        m = marks[k]
        if m is None or shapes.get(template_form(lines.core[m]), 0) > max(1, len(spans) // MARK_SHAPE_SHARE_INV) or c.body_lines == [m]:
            continue
        lo, hi = spans[k]
        widget = [j for j in c.body_lines if j != m]
        if len(widget) > MARK_WIDGET_LINES or not all(_widget_line(lines, j, m) for j in widget):
            continue
        if m not in c.body_lines and any(roles.get(j) == "comment_body" for j in range(lo, hi) if j not in c.body_lines):
            continue
        c.body_lines = [m]
        roles[m] = "comment_body"
        for j in widget:
            roles[j] = "comment_chrome"


def _words_in_chrome(lines: Lines, best: list[Anchor], spans: list[tuple[int, int]], comments: list[Comment], roles: dict[int, str]) -> None:
    """Give a comment whose header was read and whose lines all read as chrome the lines the page's
    template does not print: its words.

    A reply of one word that a widget also prints ("Reply", "Share", "+1"), of a time stamp ("3
    hours ago", a date under the name), or a removed comment's mark ("[comment deleted]") is read as
    chrome, and the comment, with no words left, would be lost. The other comments of the page show
    what its template prints around each comment (the lines of their headers after the first, and
    the chrome in their spans: "Reply" once, a date once): the lines of an empty comment beyond
    those counts are the reader's. Those in its span come first (in page order: the words sit over
    the action row), then its header's own lines from the bottom up (a date read as the header's
    second line when the page's headers have none); the first such line is taken with the lines
    right under it that are beyond the counts too (no blank between)."""
    text = lines.text
    full = [k for k, c in enumerate(comments) if c.body_lines]
    if len(full) < TEMPLATE_COMMENTS or len(full) == len(comments):
        return

    def around(k: int) -> list[int]:
        a, (lo, hi) = best[k], spans[k]
        if k == len(comments) - 1 and not comments[k].body_lines:
            # (the last comment's lines run on over chrome to the page's furniture: "Leave a Reply")
            while hi < min(len(text), lo + CHROME_REACH) and not (text[hi] and (is_stop_line(text[hi]) or zone_line_role(text[hi]) != "comment_body")):
                hi += 1
        body = set(comments[k].body_lines)
        return [j for j in range(lo, hi) if text[j] and j not in body] + [j for j in range(a.last, a.first, -1) if text[j]]

    seen: dict[str, list[int]] = {}
    for n, k in enumerate(full):
        for j in around(k):
            counts = seen.setdefault(_template_key(lines, j), [0] * len(full))
            counts[n] += 1
    expected = {key: sorted(counts)[len(counts) // 2] for key, counts in seen.items()}
    for k, c in enumerate(comments):
        if c.body_lines:
            continue
        mine = around(k)
        held = [j for j in mine if is_placeholder(text[j])]
        if held:
            mine = held[:1]  # ("[comment deleted]" is what stands for the words, whatever chrome is beside it)
        have = Counter(_template_key(lines, j) for j in mine)
        excess = {key: n - expected.get(key, 0) for key, n in have.items() if n > expected.get(key, 0)}
        picks = [j for j in mine if excess.get(_template_key(lines, j), 0) > 0 and roles.get(j) != "boilerplate"]
        if (
            len(picks) > 1
            and picks[0] == best[k].last + 1
            and any(seen.get(_template_key(lines, picks[0]), ()))
            and not any(seen.get(_template_key(lines, picks[1]), ()))
            and not text[picks[1] - 1]
            and (picks[1] + 1 >= len(text) or not text[picks[1] + 1])
        ):
            # a line glued under the header that the template prints under some other headers too
            # is its furniture ("Homepage", "Journal" under "by jo"); a line it prints nowhere else,
            # set apart by blanks on both sides, is the reader's
            mine = mine[mine.index(picks[1]) :]
        words: list[int] = []
        for j in mine:
            key = _template_key(lines, j)
            if words and j != words[-1] + 1:
                break  # (the reader's lines run together: a blank parts them from the widget's)
            if excess.get(key, 0) > 0 and roles.get(j) != "boilerplate":
                excess[key] -= 1
                words.append(j)
            elif words:
                break
        if not words:
            continue
        if is_short_mark(text[words[0]]):
            # (a count or a sign alone, "+1", is the whole reply: chrome lines glued under it that
            # no other comment prints, "38 people found this helpful", "Reactions: ...", are its
            # widget's, as any line of chrome under a reader's words would be)
            words = words[:1]
        c.body_lines = sorted(words)
        c.header_lines = [j for j in c.header_lines if j not in words]
        for j in words:
            roles[j] = "comment_body"
