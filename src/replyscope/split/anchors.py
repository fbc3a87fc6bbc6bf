"""Find comment headers on a page: every line (or line pair) shaped like one, with its format.

A format "family" groups headers printed the same way ("Name says:", "Name  DATE", "• Name" over
indented text...), so the page's comment format can be chosen as a whole (see `choose`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from typing import Final

from replyscope.split.caches import line_dict
from replyscope.split.cards import is_profile_tally, read_cards
from replyscope.split.chrome import PROFILE_TITLE_CHARS, has_reply_action, is_badge_line, is_chrome, is_content, is_pictographs, is_profile_field, is_rating, is_reply_link_row, is_reply_row, is_stop_line
from replyscope.split.headers import (
    MAX_HEADER_CHARS,
    SIGN_FIRST,
    CommentHeader,
    cut_counters,
    digit_handle,
    has_thread_links,
    is_field_header,
    is_field_line,
    is_words_label,
    opens_words_field,
    read_signature,
    is_initials_of,
    is_age_stamp,
    looks_like_name,
    may_end_in_age,
    name_without_marks,
    read_glued_age,
    read_header,
)
from replyscope.split.lines import BROWSER_BULLETS, BULLET_CODE, Lines, is_prose, lower_of, next_nonblank, opens_with_bullet, prev_nonblank
from replyscope.split.places import is_post_number, place_after
from replyscope.split.talk import is_written, talks
from replyscope.split.patterns import BULLETS, RE_SUBJECT, is_avatar_alt, COMMENT_FORM, COMMENT_SECTION, COMMENT_SECTION_LOW, COMMENT_TALLY, HAS_LETTER, chrome_row, ends_sentence, folds_like_lower, gate_refuses, gate_refuses_pair

# How far (lines) a date line may sit from the name line it belongs to.
PAIR_REACH: Final = 2
# How many text lines a Blogger-style trailing date may sit under its "Name said..." header.
TRAILING_DATE_LINES: Final = 8


@dataclass(slots=True, init=False)
class Anchor:
    """A comment header found on the page: lines first..last, what it says, its format family."""

    first: int
    last: int
    header: CommentHeader
    family: str
    indent: int

    def __init__(self, first: int, last: int, header: CommentHeader, family: str, indent: int) -> None:
        # (written out: the __init__ dataclass writes stays plain Python where the split is compiled)
        self.first = first
        self.last = last
        self.header = header
        self.family = family
        self.indent = indent


def _claim(claimed: set[int], first: int, end: int) -> None:
    """claimed.update(range(first, end)), by a compiled loop: the range was made by a generic call,
    and the set's update read it through an iterator, for every anchor taken."""
    for k in range(first, end):
        claimed.add(k)


def header_spacing(best: list[Anchor]) -> int:
    """The median number of lines from one header of the thread to the next (0 for one header):
    comments with avatars, votes and action rows around them sit further apart than bare ones."""
    gaps = sorted(b.first - a.first for a, b in zip(best, best[1:]))
    return gaps[len(gaps) // 2] if gaps else 0


def mostly_posted_by(group: list[Anchor]) -> bool:
    """Whether most of a thread's headers are "Posted by NAME" lines, which sign the words above
    them rather than head the words below."""
    return sum(a.header.posted_by for a in group) * 2 > len(group)


def spans_signed_below(best: list[Anchor]) -> list[tuple[int, int]]:
    """Each comment's line range where headers sign the words above them: from under the previous
    header to its own (the first one's start, -1, is unknown to this)."""
    return [(best[k - 1].last + 1 if k else -1, a.first) for k, a in enumerate(best)]




def talks_with_address(s: str) -> bool:
    """A reader's sentence that holds an e-mail address ("could you email me at ..."): words, not a
    contact line (furniture elsewhere on a page, see body.is_boilerplate_line)."""
    return "@" in s and s[0] not in "«»" and talks([s])


_ATTRIBUTION_ENDS: Final = ("wrote:", "writes:")


# A nested reply's header in some themes, "Jo Lake Reply:" (see patterns.FOREIGN_SAYS): read only over
# or beside the date it is stamped with.
_REPLY_HEADED: Final = re.compile(r"\breply\s*:$", re.I)


def _bullet_item(s: str) -> bool:
    """BULLET.match(s) is not None, read without sre: a bullet (lines.opens_with_bullet), then white
    space (sre's "\\s" in a str pattern is str.isspace's white space, character for character). The
    bullet and indent passes ask it of every bulleted line of a page."""
    return opens_with_bullet(s) and s[1:2].isspace()


def find_anchors(lines: Lines, lo: int = 0) -> tuple[list[Anchor], dict[int, CommentHeader]]:
    """Every header-shaped line or line pair from line `lo` on, and the lone date lines."""
    text, indent = lines.text, lines.indent
    last = len(text) - 1
    # every short line is read, but the middle of a bullet list (a menu, a list of links) heads no comment
    # (a plain loop filling the dict: no (line, header) pair is built for each of the many non-headers)
    headers: dict[int, CommentHeader] = {}
    core = lines.core
    # (the line above's bullet, read on the loop's last turn: a bullet item's neighbour test asks it
    # again; -1 where the line above was not read, blank)
    above_bullet = -1
    # (the non-blank lines from `lo` on, in order, gathered on the way for the bullet and bare passes:
    # each one i and the next one j, a name line and the line it may head, make a pair read by index;
    # a reader keeps the few pairs it wants, and no pair is built for the many it does not)
    filled: list[int] = []
    # (compiled, indexing the lists is cheaper than the tuples a zip of them builds for each line)
    for i in range(lo, len(core)):
        t = text[i]
        if t:
            filled.append(i)
        c = core[i]
        if not c:
            above_bullet = -1
            continue
        # (the bullet, the signature's dash and the letter or digit most other lines open with are
        # told apart by the cheapest test first: the renderer's "•" opens half the lines of a raw
        # page, and taking it out of the line (a character past Latin-1, a new string) and hashing
        # it for the set lookups cost more than the comparison; no bullet is a dash; its code point
        # compared, compiled, is cheaper than `startswith`'s call: t is never empty, as c is not)
        if ord(t[0]) == BULLET_CODE:
            bullet = True
            dashed = False
        else:
            opener = t[0]
            marked = not opener.isalnum()
            bullet = marked and opener in BULLETS
            dashed = marked and not bullet and opener in SIGN_FIRST
        if (
            len(c) <= MAX_HEADER_CHARS
            # a bullet item whose neighbours are bullet items at its indent, with no blank between (the
            # indents first: comparing them is cheaper than reading the lines)
            and not (
                bullet
                and 0 < i < last
                and indent[i - 1] == indent[i] == indent[i + 1]
                and (above_bullet == 1 if above_bullet >= 0 else opens_with_bullet(text[i - 1]))
                and opens_with_bullet(text[i + 1])
            )
            and (h := read_header(c)) is not None
        ):
            headers[i] = h
        above_bullet = 1 if bullet else 0  # (bullet is opens_with_bullet(t): no bullet is alphanumeric)
        # a signature under a reader's words ("- jo (Cork), 3d", "– Jo Lake, Leeds"): its dash is
        # read as a bullet and left out of the core, but it says the line signs the words above
        # (undated, it signs only right over the line that dates it: "— Jo Lake, Leeds" over "3 days
        # ago"; a quote's "— Jo Lake" or a letter's "-- Jo" sign-off is no header)
        if dashed and (signed := read_signature(t)) is not None and (
            signed.posted_raw or i + 1 < len(core) and core[i + 1] and (d := read_header(core[i + 1])) is not None and d.kind == "date"
        ):
            headers[i] = signed
    for i in [i for i, h in headers.items() if h.kind == "says" and i + 1 < len(text) and text[i + 1][:1] == ">" and text[i].endswith(_ATTRIBUTION_ENDS)]:
        # "On Tue, Mar 3, Jo wrote:" right over "> " lines: the attribution of a quote inside a
        # message (as mail and news readers print it), not a comment's header ("Jo said..." over
        # ">what you said" heads Jo's comment, which opens by quoting)
        del headers[i]
    _add_glued_ages(lines, headers, lo)
    anchors: list[Anchor] = []
    claimed: set[int] = set()
    names_over = _names_over_descriptors(lines, headers, lo)
    _add_footer_anchors(lines, headers, claimed, anchors, lo)
    cards_under = _cards_under_posts(lines, headers, lo)
    # (a page whose cards sign the posts above them has no cards over its headers)
    cards_over = {} if cards_under else read_cards(lines, headers, lo)
    for i in sorted(headers):
        if i in claimed:
            continue
        h = headers[i]
        if i in cards_over and not claimed.intersection(range(cards_over[i][0], i)):
            # a date-only header under a profile card, as over every other date-only header of the
            # thread: the card's name signs it, and the card opens the comment (see cards.read_cards)
            top, name = cards_over[i]
            anchors.append(Anchor(top, i, CommentHeader(h.kind if h.kind != "date" else "name_date", name, h.posted_raw, h.posted_by), "name+date" if h.kind == "date" else h.kind + ("_posted" if h.posted_by else ""), lines.indent[top]))
            _claim(claimed, top, i + 1)
            continue
        if h.kind in ("says", "by", "name_date"):
            last = i
            first = i
            if not h.posted_raw:
                j = next_nonblank(lines, i, PAIR_REACH)
                p = prev_nonblank(lines, i, PAIR_REACH)
                if j is not None and j in headers and headers[j].kind == "date":
                    h = CommentHeader(h.kind, h.author, headers[j].posted_raw, h.posted_by)
                    last = j
                elif p is not None and p not in claimed and _numbered_date(lines, headers, p):
                    # "1. June 14th, 2016 at 7:05 pm" over "jo said,": the numbered date opens the
                    # item, so it is this comment's (not a trailing date of the comment above)
                    h = CommentHeader(h.kind, h.author, headers[p].posted_raw, h.posted_by)
                    first = p
                elif h.kind == "says":
                    # Blogger prints the time under the comment: "Name said..." text "DATE TIME"
                    stamp = _trailing_date(lines, headers, i)
                    if stamp:
                        h = CommentHeader(h.kind, h.author, stamp, h.posted_by)
            if not h.posted_raw and h.kind == "says" and _REPLY_HEADED.search(text[i]):
                continue  # ("Leave a Reply:", "Quick Reply:": a form's heading; a reply's "Jo Reply:" is dated)
            family = h.kind + ("_posted" if h.posted_by else "")
            if is_field_header(lines.core[i]) or h.kind == "by" and _labelled_by_over_fields(lines, i):
                # a message's header block: "From:" and "Date:" with other fields ("Subject:", "To:")
                # over or between them, no blank line among them, is the header, not the words; a
                # format of its own (an article's "By Jo | DATE" byline is none of its headers)
                last = _field_block_end(lines, last)
                family = "field"
                h = CommentHeader(h.kind, h.author, h.posted_raw, False)  # (over the words, as "From:" is)
                if not h.posted_raw:
                    # (its "Date:" field further down the block, under a place's or a site's field)
                    d = next((headers[j] for j in range(i + 1, last + 1) if j in headers and headers[j].kind == "date"), None)
                    if d is not None:
                        h = CommentHeader(h.kind, h.author, d.posted_raw, h.posted_by)
            if names_over and _dated_after_descriptor(lines.core[i], h) and _name_over(lines, headers, claimed, i, lo):
                # "Jo Lake" over "Leeds · March 3, 2020": the reader's name over a line that dates the
                # comment after a place, a badge or a role; the name is the block's first line
                # (a handle of digits over its line names its reader all the same)
                digits = without_sign(lines.core[i - 1])
                name = digit_handle(digits) if _NUMERIC_HANDLE.match(digits) else cut_counters(lines.core[i - 1])
                anchors.append(Anchor(i - 1, last, CommentHeader("name_date", name, h.posted_raw), "name+date", lines.indent[i - 1]))
                _claim(claimed, i - 1, last + 1)
                continue
            anchors.append(Anchor(first, last, h, family, lines.indent[first]))
            _claim(claimed, first, last + 1)
        elif h.kind == "date":
            if i in cards_under:
                # the profile card under the post signs it: its name is this date's author, and the
                # card under the post above belongs to this header, not to that post's words
                top, above = cards_under[i]
                first = i if above is None or above in claimed else above
                anchors.append(Anchor(first, i, CommentHeader("name_date", cut_counters(lines.core[top]), h.posted_raw), "date+card", lines.indent[i]))
                _claim(claimed, first, i + 1)
                continue
            p = prev_nonblank(lines, i, PAIR_REACH)
            if p == i - 1 and p - 2 >= lo and p not in headers and _title_under_rating(lines, p):
                p -= 1  # (a review's title under its rating, over the date: the header's, as the rating is)
            if (
                p is not None
                and p >= i - 2
                and all(lines.text[k] for k in range(p, i))
                and p - 1 >= lo
                and lines.text[p - 1]
                and p not in headers
                and (is_chrome(lines.text[p]) or is_badge_line(lines.core[p]))
                and not _NUMERIC_HANDLE.match(name_without_marks(lines.core[p]))  # ("• 3917460": a handle, not a count)
            ):
                if looks_like_name(lines.core[p - 1]):
                    # a rating or a badge between the name and the date ("Jo Lake" / "★★★★☆" / "March 3"),
                    # no blank between: the name is over it
                    p -= 1
                elif (
                    _NUMERIC_HANDLE.match(lines.core[p - 1])
                    # (or under its display name: "@3917460" is a handle, an "@" is never a count's)
                    and (p - 1 == lo or not lines.text[p - 2] or lines.core[p - 1][:1] == "@")
                    and p - 1 not in claimed
                    and p - 1 not in headers
                ):
                    # a handle of digits over the rating ("3917460" / "3.0 out of 5 stars" / "March 3"): it
                    # heads its review (and names its reader), as it does right over its date
                    anchors.append(Anchor(p - 1, i, CommentHeader("name_date", digit_handle(lines.core[p - 1]), h.posted_raw), "name+date", lines.indent[p - 1]))
                    _claim(claimed, p - 1, i + 1)
                    continue
            if p is not None and is_profile_tally(lines, p) and (card_top := _card_name(lines, headers, claimed, p, lo)) is not None:
                # a profile card over the date ("Jo Lake" / "Leeds, UK" / "Total Comments (212)",
                # blank lines between): its first line is the name
                anchors.append(Anchor(card_top, i, CommentHeader("name_date", cut_counters(lines.core[card_top]), h.posted_raw), "name+date", lines.indent[card_top]))
                _claim(claimed, card_top, i + 1)
                continue
            # (a numbered date opens its item: the name line above it closes the comment above; so
            # does a date with the post's place right under it, "#12" over the name)
            if p is not None and p not in claimed and p not in headers and not _numbered_date(lines, headers, i) and not _placed_date(lines, i):
                if looks_like_name(lines.core[p]):
                    # a name over a rank or badge line over the date ("Jo Lake" / "Regular Member" / "Mar 3"):
                    # the name is the block's first line (a blank or a chrome line over it: "Times Pick")
                    if p == i - 1 and p > lo and lines.text[p - 1] and (p - 1) not in claimed and (p - 1) not in headers and (p < 2 or not lines.text[p - 2] or is_chrome(lines.text[p - 2])) and looks_like_name(lines.core[p - 1]) and not is_initials_of(lines.core[p - 1], lines.core[p]) and not is_chrome(lines.text[p - 1]):
                        p -= 1
                    anchors.append(Anchor(p, i, CommentHeader("name_date", cut_counters(lines.core[p]), h.posted_raw), "name+date", lines.indent[p]))
                    _claim(claimed, p, i + 1)
                    continue
                if (lines.text[p][0] in BULLETS or p == i - 1 and (p == lo or not lines.text[p - 1] or is_chrome(lines.text[p - 1]))) and _NUMERIC_HANDLE.match(
                    name_without_marks(lines.core[p])
                ):
                    # "• 3917460" over its date, or the number alone over it (a blank or an avatar's
                    # alt text above): a handle of digits heads its reply and names its reader
                    anchors.append(Anchor(p, i, CommentHeader("name_date", digit_handle(name_without_marks(lines.core[p])), h.posted_raw), "name+date", lines.indent[p]))
                    _claim(claimed, p, i + 1)
                    continue
            q = next_nonblank(lines, i, PAIR_REACH)
            if q is not None and q not in headers and is_post_number(lines.core[q] or lines.text[q]):
                q = next_nonblank(lines, q, PAIR_REACH)  # ("DATE" / "#12" / "Jo": the post's place between)
            if q is not None and q not in headers and (looks_like_name(lines.core[q]) or _digit_name_over_profile(lines, q)):
                r = _under_profile(lines, q)
                # (no header among the profile's lines: "Name: jo" under "Entry #7" heads its own entry)
                # (or a removed post's placeholder there, "[comment deleted]": the mark stands for its
                # words; words around an e-mail address are words too, see talk.is_written)
                # (a short line, "+1", is judged with the thread's other headers: choose._supported)
                if r is not None and (is_written(lines.text[r]) or is_placeholder(lines.text[r]) or is_short_mark(lines.text[r])) and (r not in headers or _says_opener(lines, headers, r)) and not any(k in headers for k in range(q + 1, r)):
                    end = profile_end(lines, q)  # (the member's profile under the name: the header's)
                    anchors.append(Anchor(i, end, CommentHeader("name_date", _name_line_author(lines.core[q]), h.posted_raw), "date+name", lines.indent[i]))
                    _claim(claimed, i, end + 1)
    _take_display_names(lines, headers, claimed, anchors, lo)
    _add_bullet_anchors(lines, headers, claimed, anchors, filled)
    section = next(iter(section_headers(lines, lo)), None)
    if section is not None:
        # (the non-blank lines under the section's header: the tail of those from `lo`, as the
        # header is at or under it; cut off the list read already, not picked out of the page again)
        _add_bare_anchors(lines, headers, claimed, anchors, filled[bisect_left(filled, section + 1) :])
    _take_avatar_initials(lines, headers, claimed, anchors, lo)
    _take_image_marks(lines, headers, claimed, anchors, lo)
    anchors.sort(key=lambda a: a.first)
    return anchors, headers


# Lines of a member's profile a board prints under the name, over the post ("Senior Member",
# "Date joined: Mar 2015", "Posts: 1,234"): read past, up to this many, to the post's first line.
PROFILE_REACH: Final = 6


def _name_line_author(core: str) -> str:
    """The author a line that holds a header's name alone names: a handle of digits names its
    reader ("4830962"), any other name without the counters printed beside it."""
    return digit_handle(core) if _NUMERIC_HANDLE.match(core) else cut_counters(core)


def _digit_name_over_profile(lines: Lines, q: int) -> bool:
    """Whether line `q`, under a dated line, is a handle of digits (_NUMERIC_HANDLE: "4830962")
    over a member's profile (a field line under it, "Posts: 1,234"): the name place of a board's
    post, as the other posts' names over their profiles; a count or a rank is shorter, and a number
    with no profile under it is no name."""
    return _NUMERIC_HANDLE.match(lines.core[q]) is not None and profile_end(lines, q) > q


def profile_end(lines: Lines, q: int) -> int:
    """The last line of the member's profile right under name line `q` (no blank among its lines):
    the last field line ("Posts: 1,234") within PROFILE_REACH, a rank or a member's own title over
    the fields its own; `q` itself when no field is there."""
    text = lines.text
    end = q
    k = q + 1
    while k < len(text) and k - q <= PROFILE_REACH and text[k]:
        if is_profile_field(text[k]):
            end = k
        elif not is_chrome(text[k]) and (len(text[k]) > PROFILE_TITLE_CHARS or is_prose(text[k])):
            break
        k += 1
    if end > q and end + 1 < len(text) and RE_SUBJECT.match(text[end + 1]) and not (end + 2 < len(text) and text[end + 2]):
        end += 1  # ("Re: <topic>" under the profile, alone over the post: the post's subject)
    return end


def _under_profile(lines: Lines, q: int) -> int | None:
    """The first line under name line `q` past the profile's lines and the chrome right under it
    (no blank among them), blank lines between allowed as for a pair; None if none within reach."""
    text = lines.text
    k = profile_end(lines, q) + 1
    while k < len(text) and k - q <= PROFILE_REACH and text[k] and is_chrome(text[k]) and not is_reply_row(text[k]):
        k += 1
    r = next_nonblank(lines, k - 1, PAIR_REACH) if k - q <= PROFILE_REACH else None
    if r is not None and _QUOTE_LABEL.match(text[r]):
        r = next_nonblank(lines, r, 0)  # (a post that opens by quoting another: "Quote:" over the quote)
    return r


# The label a board prints over a quoted post ("Quote:", "Zitat:", "Cita:", "Citation :").
_QUOTE_LABEL: Final = re.compile(r"^(?:quote|zitat|cita|citation|citazione|citaat)\s*:?$", re.I)


def _placed_date(lines: Lines, i: int) -> bool:
    """Whether date line i opens its post's block (a blank line over it) with the post's place
    after it ("DATE   #12") or right under it ("#12", "3 / 12"), no blank between: the name is
    under them, and a line over the blank is no part of the post."""
    if i and lines.text[i - 1]:
        # ("#12" over the date, a blank over it: the place opens the block)
        return is_post_number(lines.core[i - 1] or lines.text[i - 1]) and (i < 2 or not lines.text[i - 2])
    if place_after(lines.text[i]) is not None:
        return True
    return i + 1 < len(lines) and bool(lines.text[i + 1]) and is_post_number(lines.core[i + 1] or lines.text[i + 1])


def _title_under_rating(lines: Lines, p: int) -> bool:
    """Whether line p is a review's short title right under its rating line ("★★★★☆" / "Great
    value"), a name right over the rating."""
    s = lines.text[p]
    return bool(lines.text[p - 1]) and is_rating(lines.text[p - 1]) and len(s) <= 60 and not is_chrome(s) and not is_prose(s) and looks_like_name(lines.core[p - 2])


# A by-line printed as a labelled field: "Posted by: jo", the colon after the label.
_LABELLED_BY: Final = re.compile(r"^(?:posted|written|submitted|signed)\s+by\s*:\s*\S", re.I)


def _labelled_by_over_fields(lines: Lines, i: int) -> bool:
    """Whether line i is a by-line printed as a field ("Posted by: jo") right over other field
    lines ("City: Leeds", "Comments: ..."): an entry's header block, over its words (a by-line
    under a post's words has no fields under it)."""
    j = i + 1
    core = lines.core[i]
    # (the label's colon asked first: a match cannot do without it, and most by-lines, "By Jo Lake",
    # hold none; sre read each of them)
    return ":" in core and _LABELLED_BY.match(core) is not None and j < len(lines) and bool(lines.text[j]) and (is_field_line(lines.core[j]) or opens_words_field(lines.core[j]))


def _field_block_end(lines: Lines, last: int) -> int:
    """The last line of the header block a labelled field line ends at `last`: the field lines
    right under it, no blank between ("Subject: Re: ...", "To: ...")."""
    text, core = lines.text, lines.core
    own = last
    while last + 1 < len(text) and text[last + 1] and is_field_line(core[last + 1]):
        last += 1
    if last > own and last + 1 < len(text) and is_reply_link_row(text[last + 1]):
        # (a field-shaped line right over the comment's row of links, "Well: that settles it" over
        # "(Reply) (Link)", is its one line of words: a header block leaves its message some)
        last -= 1
    if last + 1 < len(text) and is_words_label(core[last + 1]):
        last += 1  # ("Message :" alone over the words: the block's, as its other labels are)
    return last


def _take_avatar_initials(lines: Lines, headers: dict[int, CommentHeader], claimed: set[int], anchors: list[Anchor], lo: int) -> None:
    """The avatar's initials right over a header's name ("JD" over "Jonas Dubois", no blank
    between) are the header's first line: not the name, not the last words of the comment above."""
    text, core = lines.text, lines.core
    found = []
    for k, a in enumerate(anchors):
        i = a.first
        if i - 1 < lo or not text[i - 1] or (i - 1) in claimed or (i - 1) in headers or lines.indent[i - 1] != lines.indent[i]:
            continue
        if is_initials_of(core[i - 1], a.header.author or core[i]):
            found.append(k)
    if not found:
        return  # (most pages: no initials over any header, and no tally of them to count)
    # a lone "?" (the avatar of a reader with no name to draw) is one only where the page draws
    # avatars over its other headers too (letters over one at least, or "?" over half of them):
    # over a header here and there it is a reader's short reply ("?" over the signature that
    # signs it, "– jo, Leeds")
    asks = [k for k in found if core[anchors[k].first - 1].strip() == "?"]
    lettered = Counter(anchors[k].family for k in found if k not in asks)
    asking = Counter(anchors[k].family for k in asks)
    headed = Counter(a.family for a in anchors)
    for k in found:
        a = anchors[k]
        i = a.first
        if k in asks and not lettered[a.family] and asking[a.family] * 2 < headed[a.family]:
            continue
        anchors[k] = Anchor(i - 1, a.last, a.header, a.family, lines.indent[i - 1])
        claimed.add(i - 1)


# A text browser's mark for an image where the avatar stood: lynx's "[IMG]", "[USEMAP]",
# "[INLINE]", "[avatar]", or the image's alt text in brackets ("[Jo Lake avatar]").
_IMAGE_MARK: Final = re.compile(r"^\[(?:IMG|INLINE|USEMAP|ISMAP|image|avatar|photo)\]$", re.I)
# The bullets a text browser opens a list item with: the renderers' (BULLETS), lynx's deeper
# levels' (lines.BROWSER_BULLETS) and its sixth level's "-".
_ITEM_BULLETS: Final = BULLETS | BROWSER_BULLETS | frozenset("-")


def is_image_mark(s: str) -> bool:
    """A line that is only a text browser's image mark ("[IMG]", "[Jo Lake avatar]")."""
    return s[:1] == "[" and s[-1:] == "]" and (_IMAGE_MARK.match(s) is not None or is_avatar_alt(s[1:-1]))


def _take_image_marks(lines: Lines, headers: dict[int, CommentHeader], claimed: set[int], anchors: list[Anchor], lo: int) -> None:
    """A text browser's image mark right over a header (the avatar, no blank between) is the
    header's first line, not the last words of the comment above; where the mark opens the list
    item ("* [IMG]" over the name, two columns in, as lynx prints a bulleted item's second line),
    the item's bullet gives the comment's indent, as it does where the name opens the item."""
    text, core, indent = lines.text, lines.core, lines.indent
    for k, a in enumerate(anchors):
        p = a.first - 1
        if p < lo or not text[p] or p in claimed or p in headers or not is_image_mark(core[p]):
            continue
        bulleted = len(text[p]) > 2 and text[p][1] == " " and text[p][0] in _ITEM_BULLETS
        if indent[p] == indent[a.first] and not bulleted or bulleted and indent[p] + 2 == indent[a.first]:
            anchors[k] = Anchor(p, a.last, a.header, a.family, indent[p])
            claimed.add(p)


# Lines a profile card may hold over its tally: the name, and a place or a rank under it.
CARD_LINES: Final = 2


def _card_name(lines: Lines, headers: dict[int, CommentHeader], claimed: set[int], tally: int, lo: int) -> int | None:
    """The name line of a profile card whose tally is line `tally`: the topmost of the (at most
    CARD_LINES) name-like lines over it, blank lines between allowed; None if there is none."""
    top = None
    j: int | None
    j = tally
    for _ in range(CARD_LINES):
        j = prev_nonblank(lines, j, PAIR_REACH)
        if j is None or j < lo or j in claimed or j in headers or not looks_like_name(lines.core[j]):
            break
        top = j
    return top


def _cards_under_posts(lines: Lines, headers: dict[int, CommentHeader], lo: int) -> dict[int, tuple[int, int | None]]:
    """{date line: (name line of the card under its post, first line of the card over it or None)}
    on a page whose profile cards sign the post above them (a date, the words, then "Jo Lake" /
    "Total Comments (212)"), else {}.

    A card can sit over its post (read in find_anchors as a name over the date) or under it, as a
    table's side column rendered to text puts it. It is under when the first dated post has no card
    over it and the last one has a card under it: each card then names the post above it."""
    dates = [i for i in sorted(headers) if i >= lo and headers[i].kind == "date"]
    if len(dates) < MIN_CARDS:
        return {}
    core = lines.core

    def tallies_in(lo: int, hi: int) -> list[int]:
        # (every tally ends in ")", a digit, "k" or "s": most lines are turned away by that alone)
        return [i for i in range(lo, hi) if core[i] and len(core[i]) <= 40 and core[i][-1] in _TALLY_LAST and is_profile_tally(lines, i)]

    # (the last post's card first: most pages have none after their last date, and stop there)
    tail = tallies_in(dates[-1], len(core))
    if not tail:
        return {}
    tallies = tallies_in(dates[0], dates[-1]) + tail
    if len(tallies) < MIN_CARDS:
        return {}
    # (the tallies with a name over them)
    tops = {t: top for t in tallies if (top := _card_name(lines, headers, set(), t, lo)) is not None}
    under: dict[int, tuple[int, int | None]] = {}
    above: int | None = None
    for k, d in enumerate(dates):
        end = dates[k + 1] if k + 1 < len(dates) else len(core)
        card = next((t for t in tallies if d < t < end and t in tops and tops[t] > d), None)
        if card is not None:
            under[d] = (tops[card], above)
            above = tops[card]
        else:
            above = None
    return under if len(under) >= MIN_CARDS and len(under) >= 0.6 * len(dates) else {}


# Cards under posts a page must show before they are read as signing the posts above them.
MIN_CARDS: Final = 2
# Last characters of a profile card's tally (patterns.PROFILE_TALLY), in either case.
_TALLY_LAST: Final = frozenset(")0123456789kKsS")


def _numbered_date(lines: Lines, headers: dict[int, CommentHeader], i: int) -> bool:
    """Whether line i is a date behind a list number ("1. November 5, 2012"): such a line opens
    its list item, so the comment it dates is the one under it."""
    h = headers.get(i)
    return h is not None and h.kind == "date" and lines.text[i][:1].isdigit() and lines.core[i] != lines.text[i]


# A page prints a name over "Leeds · DATE" on most of its headers or on none: where this many
# headers read "X · DATE" and fewer than half have a name-like line over them, the X is the name,
# and the short line over it a reply's words ("Good point." over "Jo | 2 hours ago"); where two
# do, both must have one.
MIN_DESCRIBED: Final = 3


def _dated_after_descriptor(core: str, h: CommentHeader) -> bool:
    """Whether header line `core` reads "X · DATE", its date after a descriptor: only then may the
    line over it be the reader's name (under "DATE — Jo" the line above is the last line of the
    comment before, or an avatar's caption)."""
    return h.kind == "name_date" and bool(h.posted_raw) and core.find(h.posted_raw) > 0


def _names_over_descriptors(lines: Lines, headers: dict[int, CommentHeader], lo: int) -> bool:
    """Whether the page's "X · DATE" headers may have their reader's name over them (see MIN_DESCRIBED)."""
    core = lines.core
    dated = [i for i, h in headers.items() if _dated_after_descriptor(core[i], h)]
    if len(dated) < 2:
        return True
    over = sum(_name_over(lines, headers, set(), i, lo) for i in dated)
    # (two headers too few to count a habit: both must show it, or one reply's short words, "Cheers
    # for the heads-up" over "jo | 2 hours ago", would be read as a name the other header lacks)
    return over == len(dated) if len(dated) < MIN_DESCRIBED else over * 2 >= len(dated)


# A name's last word as an initial or a suffix with its point ("Jo L.", "Al Reyes Jr."): a name may
# end so, a sentence's last word is longer.
_INITIAL_LAST: Final = re.compile(r"(?:^|\s)[^\W\d_]{1,2}\.$")


def _name_over(lines: Lines, headers: dict[int, CommentHeader], claimed: set[int], i: int, lo: int) -> bool:
    """Whether the line right on top of header `i` is a name line opening the block (a blank, a
    chrome line or the window's edge above it)."""
    p = i - 1
    if p < lo or p in claimed or p in headers or not lines.text[p] or lines.indent[p] != lines.indent[i]:
        return False
    if p > lo and lines.text[p - 1] and not is_chrome(lines.text[p - 1]):
        return False
    if is_initials_of(lines.core[p], headers[i].author):
        return False  # (the avatar's initials over the name, "P" over "PostWatcher · 2d": see _take_avatar_initials)
    if lines.core[p][:1] == "@" and " " in lines.core[p]:
        return False  # ("@jo of course" over "Ann | 2 hours ago": words to a handle, signed under them)
    if " " in lines.core[p] and ends_sentence(lines.core[p]) and not _INITIAL_LAST.search(lines.core[p]):
        return False  # ("Happy days again." over "Ann | 1d": a sentence signed under it; "Jo L." is a name)
    # (a handle of digits reads as a count, which is chrome, everywhere else)
    return _NUMERIC_HANDLE.match(without_sign(lines.core[p])) is not None or not is_chrome(lines.text[p]) and looks_like_name(lines.core[p])


# A page that prints each comment's age after its author ("jo 3 hours ago | parent", "Ann · 2h")
# does so on every comment; where it leaves the separator and the links off ("jo 21h"), a name
# with a compact age after it is the same header. Read only on pages where this many headers
# already show the habit: elsewhere "Room 5h" or "Plan 3d" may be words. A thread of one or two
# comments cannot show it that often: there one header that shows it, or a comment-section header
# ("2 comments") over the line, and a Reply link closing its words vouch for it instead (see
# _closed_by_reply).
MIN_AGED: Final = 2
# Lines under a vouched header searched for the Reply link that closes its comment.
GLUED_REPLY_REACH: Final = 40


def _closed_by_reply(lines: Lines, i: int, hi: int) -> bool:
    """Whether the words under header line i end at a row holding a Reply link (chrome.is_reply_row)
    before line `hi`, another header of the same shape or GLUED_REPLY_REACH lines."""
    text, core = lines.text, lines.core
    for j in range(i + 1, min(hi, i + 1 + GLUED_REPLY_REACH)):
        if not text[j]:
            continue
        if is_reply_row(text[j]):
            return True
        if read_glued_age(core[j]) is not None or read_header(core[j]) is not None:
            return False
    return False


def _add_glued_ages(lines: Lines, headers: dict[int, CommentHeader], lo: int) -> None:
    """Add to `headers` each line "name <compact age>" that opens a block (a blank or a chrome
    line above it) over a reader's words, on a page whose named headers are dated by age; on a
    page with one such header, or under a comment-section header, only where a Reply link closes
    the words (see MIN_AGED)."""
    aged = 0
    linked = -1  # (the line of an aged header that carries its thread's links, "| parent | next [–]")
    for i, known in headers.items():
        if known.kind == "name_date" and known.author and is_age_stamp(known.posted_raw):
            aged += 1
            if linked < 0 and has_thread_links(lines.text[i]):
                linked = i
            if aged >= MIN_AGED:
                break
    vouched = None  # (the first line a vouched header may sit on: under the section's header)
    if aged < MIN_AGED:
        sections = section_headers(lines, lo)
        if not sections and not aged:
            return
        # (or one header of the page shows the habit: "jo 21h" beside "Ann 21 hours ago | parent")
        vouched = sections[0] + 1 if sections and not aged else lo
    # (a header with the thread's own links shows the page is a thread of aged headers: under it,
    # "jo 21h" over words needs no Reply link of its own)
    rowless = vouched is not None and linked >= 0
    text, core = lines.text, lines.core
    n = len(core)
    # (no line over the first a vouched header may sit on is read: the scan starts there, where
    # every line over it was read and turned away)
    for i in range(lo if vouched is None else max(lo, vouched), n):  # (compiled, indexing is cheaper than iterating a compress)
        c = core[i]
        # (a cheap test read_glued_age's answer needs, asked first: most lines fail it, and the
        # chrome reading of the line above, dear on its first asking, is then not needed)
        if not c or not may_end_in_age(c):
            continue
        if i in headers or (i > lo and text[i - 1] and not is_chrome(text[i - 1])):
            continue
        h = read_glued_age(c)
        if h is None or h.author and not looks_like_name(h.author) and not _NUMERIC_HANDLE.match(h.author):
            continue
        j = next_nonblank(lines, i, PAIR_REACH)
        # (an undated "Dad says:" right under "jo 1d" opens the reply's words, quoting someone: the
        # name and age over it head the reply, as over any other words)
        if j is not None and (j not in headers or _says_opener(lines, headers, j)) and (is_content(text[j]) or is_placeholder(text[j])) and (
            vouched is None or rowless and (i > linked or _next_header_is(headers, i, linked)) or _closed_by_reply(lines, i, n)
        ):
            # (right over the linked header, "jo 1d" is the comment its "parent" or "prev" link
            # points back to: the thread's first, which often has no Reply link of its own)
            headers[i] = h


def _says_opener(lines: Lines, headers: dict[int, CommentHeader], j: int) -> bool:
    """Whether header line `j` is an undated "X says:" with words right under it (no blank): under
    a name and an age, a reply's first words quoting someone, not a header of its own."""
    h = headers[j]
    return h.kind == "says" and not h.posted_raw and j + 1 < len(lines.text) and is_written(lines.text[j + 1])


def _next_header_is(headers: dict[int, CommentHeader], i: int, k: int) -> bool:
    """Whether header line `k` is the first header under line `i`."""
    return i < k and not any(j in headers for j in range(i + 1, k))


def _has_section_hint(s: str) -> bool:
    """Cheap exact pre-check for COMMENT_SECTION: a fragment of its words in the line lower-cased.

    Plain substring tests, not one regex of the fragments: sre would try them at every "o", "e",
    "h" and "i" of the line, most letters of English. Every form the pattern spells passes it (a
    test builds them from the pattern's parse).
    """
    if not folds_like_lower(s):
        return True  # (a long s, a Kelvin sign, a dotless or dotted i: the pattern alone says)
    low = lower_of(s)  # (shared with the line's other readers: see lines.lower_of)
    # (fragments that share a part are asked behind it, "ment" before "omment" and "oment": most
    # lines hold none of them, and one scan for the part turns them away instead of two; the
    # verdict is the same)
    return (
        "ment" in low
        and (
            "omment" in low
            or "oment" in low  # ("3 comentarios")
        )
        or "esponse" in low
        or "eplies" in low
        or "hought" in low
        or "iscuss" in low
        or "ost" in low
        and (
            "osts" in low  # ("8 posts • Page 1 of 1")
            or "1 post" in low
        )
        or "essage" in low  # ("7 messages")
        or "eacti" in low
        and (
            "eaction" in low
            or "eactie" in low  # ("4 reacties": COMMENT_SECTION reads the Dutch count too)
        )
        or "nswer" in low  # ("12 answers", "Questions & Answers")
        or "view" in low
        and (
            "eview" in low  # ("Reviews (8)", "Customer reviews")
            or "views" in low  # ("Your views")
        )
        or " say" in low  # ("What readers say", "What people are saying")
        or " think" in low  # ("What you think")
        or "back" in low
        and (
            "trackback" in low  # ("{ 3 trackbacks }")
            or "pingback" in low
        )
        or "pinion" in low  # ("Your opinions")
        or "onversation" in low  # ("Join the conversation")
    )


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_MAY_HEAD_SECTION_CACHE: Final[dict[str, bool]] = line_dict()


def _may_head_section(s: str) -> bool:
    """Cheap exact pre-check for section_headers' two readings of line `s` (COMMENT_SECTION's match,
    and its match of the count before a "|"): False only where neither can match.

    COMMENT_SECTION's letter gate first (patterns.gate_refuses: the prefixes its forms open with,
    read from its parse): four lines in five that open with a letter the heading's words open
    with still open with no prefix of them ("The ...", "Posted ..."), and are turned away on their
    first characters before the section hint's dozen substring scans of the whole line lower-cased.
    (A count before a "|" is a prefix of the line, so a match of it opens the line with the same
    prefix.) Then the hint (_has_section_hint)."""
    known = _MAY_HEAD_SECTION_CACHE.get(s)
    if known is None:
        known = _MAY_HEAD_SECTION_CACHE[s] = not (folds_like_lower(s) and gate_refuses(COMMENT_SECTION_LOW, s)) and _has_section_hint(s)
    return known


# The characters a COMMENT_SECTION match can start with, besides a digit: an opening bracket, or the
# first letter of one of its words in either case ("ſ" is an "s" to IGNORECASE, the Kelvin sign a
# "k"). Checked before the hint, it turns away three lines in four for the price of a set lookup.
# (Spelled out for speed, and tested against the letters the pattern's parse says a match opens
# with, patterns.opening_characters: "k", for "Kommentare", was missing, and a German section's
# heading was never read as one.)
_SECTION_FIRST: Final = frozenset("{[(" + "crtdponyuwjsvfbleahqk" + "crtdponyuwjsvfbleahqk".upper() + "ſ\u212a")


# _section_opening's verdicts: no heading opens with the line's first character; COMMENT_SECTION's
# letter gate refuses the first two where the line folds like lower; neither.
_OPENS_NO_SECTION: Final = 0
_OPENS_GATED: Final = 1
_OPENS_OPEN: Final = 2

# (its verdicts, keyed by a line's first two characters, cached in a dict it reads itself: see
# caches.line_dict; a few hundred keys over a thousand pages)
_SECTION_OPENING_CACHE: Final[dict[str, int]] = line_dict()
# (... and those of a pair of ASCII characters kept by their code points, at the first one's times
# _PAIR_ROW plus the second's plus one (0 for a line of one character), -1 until read: a list read
# at an index, compiled, costs a few instructions, where the dict's key was a new string of two
# characters made and hashed for each line; the verdicts never change, so the list is not among
# the caches split.trim_caches bounds: it holds 16k small ints at most)
_PAIR_ROW: Final = 129
_ASCII_PAIR_OPENING: Final[list[int]] = [-1] * (128 * _PAIR_ROW)


def _section_opening(s: str) -> int:
    """section_headers' first two refusals of non-empty line `s`, which read only its first two
    characters: its first character one a COMMENT_SECTION match can open with (_SECTION_FIRST, or
    a digit), else _OPENS_NO_SECTION; then COMMENT_SECTION's letter gate on the two, each
    lower-cased alone (patterns.gate_refuses_pair), _OPENS_GATED where it refuses them (which
    refuses the line where it folds like lower, as its lower-casing makes them so), else
    _OPENS_OPEN. Kept for each pair of opening characters: section_headers reads every line of
    every page, and each one asked them anew (a set lookup, two lower-casings, the gate's two
    lookups: ~1k instructions a line) where a few hundred pairs open the lines of a thousand pages."""
    first = ord(s[0])
    if first < 128:
        second = ord(s[1]) + 1 if len(s) > 1 else 0
        if second <= 128:
            at = first * _PAIR_ROW + second
            known = _ASCII_PAIR_OPENING[at]
            if known < 0:
                known = _ASCII_PAIR_OPENING[at] = _section_opening_of(s)
            return known
    two = s[:2]
    known_past = _SECTION_OPENING_CACHE.get(two)
    if known_past is None:
        known_past = _SECTION_OPENING_CACHE[two] = _section_opening_of(s)
    return known_past


def _section_opening_of(s: str) -> int:
    """_section_opening's verdict of the two characters `s` opens with, read."""
    c = s[0]
    if not (c in _SECTION_FIRST or c.isdigit() and c.isdecimal()):
        return _OPENS_NO_SECTION
    if gate_refuses_pair(COMMENT_SECTION_LOW, c.lower(), s[1:2].lower()):
        return _OPENS_GATED
    return _OPENS_OPEN


def section_headers(lines: Lines, lo: int) -> list[int]:
    """Lines from `lo` on that head a comment section ("12 Comments", "Responses to ...")."""
    if lines.sections is None or lines.sections[0] > lo:  # one pass per page, shared by callers
        text = lines.text
        found = [
            i
            for i in range(max(lo, 0), len(text))
            if (s := text[i])
            and len(s) < 120
            # (the renderer's "•", which opens half the lines of a raw page and no heading, is told
            # first: taking it out of the line makes a new string, hashed for the set lookup; told
            # by its code point, compiled cheaper than `startswith`'s call)
            and ord(s[0]) != BULLET_CODE
            # (the first character and COMMENT_SECTION's letter gate on the first two, one verdict
            # kept for each pair of opening characters: see _section_opening)
            and (opening := _section_opening(s)) != _OPENS_NO_SECTION
            and not (opening == _OPENS_GATED and folds_like_lower(s))
            and _may_head_section(s)
            # (the lower twin where it reads the line as the pattern does: faster, see patterns.lower_twin)
            and (
                (COMMENT_SECTION_LOW.match(lower_of(s)) if folds_like_lower(s) else COMMENT_SECTION.match(s))
                or "|" in s
                and _count_then_form(s)
            )
        ]
        lines.sections = (lo, _without_tallies(text, found))
    return [i for i in lines.sections[1] if i >= lo]


def _count_then_form(s: str) -> bool:
    """Whether line `s` is a section's count with the form's link after a bar, as one row
    ("12 comments | Post a new comment", "3 comments | Leave a comment")."""
    head, _, rest = s.partition("|")
    head = head.strip()
    return bool(head) and COMMENT_SECTION.match(head) is not None and all(COMMENT_FORM.match(c.strip()) is not None for c in rest.split("|"))


# A page shows one comment section (its count printed once or twice); this many different counts
# are the tallies of a listing of posts, each under its title, and head no comments.
MIN_TALLIES: Final = 3


def _without_tallies(text: list[str], found: list[int]) -> list[int]:
    """Section headers less the tallies of a listing of posts (see MIN_TALLIES)."""
    tallies = [i for i in found if COMMENT_TALLY.match(text[i])]
    if len({text[i].split()[0] for i in tallies}) < MIN_TALLIES:
        return found
    drop = set(tallies)
    return [i for i in found if i not in drop]


def _take_display_names(lines: Lines, headers: dict[int, CommentHeader], claimed: set[int], anchors: list[Anchor], lo: int) -> None:
    """A header line opening with the author's handle ("@jo · Mar 1") sits under the name the
    author shows ("Jo Smith"), with no blank between: that name line is the header's too."""
    text = lines.text
    for k, a in enumerate(anchors):
        i = a.first
        if i - 1 < lo or not text[i - 1] or text[i][:1] != "@" or (i - 1) in claimed or (i - 1) in headers:
            continue
        if looks_like_name(lines.core[i - 1]) or _digit_name_of(lines.core[i - 1], text[i]):
            anchors[k] = Anchor(i - 1, a.last, a.header, a.family, lines.indent[i - 1])
            claimed.add(i - 1)


def _digit_name_of(name: str, handle_line: str) -> bool:
    """Whether line `name`, a handle of digits ("3917460"), is the display name the handle line
    under it spells ("@3917460 · Mar 1"): a reader whose name is the number, not a count."""
    name = without_sign(name)
    return _NUMERIC_HANDLE.match(name) is not None and handle_line[1 : len(name) + 2].rstrip(" ·•|,") == name


def _add_bare_anchors(
    lines: Lines, headers: dict[int, CommentHeader], claimed: set[int], anchors: list[Anchor], filled: list[int]
) -> None:
    """Below a comment-section header (`filled`: the non-blank lines, see find_anchors, from under it), a name alone on
    its line (blank above) over the comment."""
    text = lines.text
    # (the comment may sit at most PAIR_REACH blank lines under the name)
    for at in range(1, len(filled)):
        i, j = filled[at - 1], filled[at]
        if not (j - i <= PAIR_REACH + 1 and len(text[i]) <= 50 and not text[i - 1]):
            continue
        s = text[i]
        if i in claimed or i in headers or j in headers or len(text[j]) < 2 * len(s):
            continue
        t = text[j]
        # (a name line ending a sentence is turned away first: the cheapest test, and is_content and
        # looks_like_name read the lines afresh where they have not read them yet)
        if ends_sentence(s) or t[0] in "([" or not (len(t) >= 40 or ends_sentence(t)) or _bullet_item(t):
            continue
        # (the name first: most lines over a long one are no name, and the line under is read only
        # under a name)
        if not looks_like_name(lines.core[i]) or not is_content(t):
            continue  # (a heading over a link list or a form note, not a name over a comment)
        anchors.append(Anchor(i, i, CommentHeader("name", cut_counters(lines.core[i]), ""), "bare", lines.indent[i]))
        claimed.add(i)


def _trailing_date(lines: Lines, headers: dict[int, CommentHeader], i: int) -> str:
    """The stamp of a date line a few lines under header i, before any other header."""
    seen = 0
    for j in range(i + 1, min(len(lines), i + 1 + 2 * TRAILING_DATE_LINES)):
        if not lines.text[j]:
            continue
        h = headers.get(j)
        if h is not None:
            return h.posted_raw if h.kind == "date" else ""
        seen += 1
        if seen > TRAILING_DATE_LINES:
            break
    return ""


# Disqus prints a reply's target after its author: "Derek P → Hannah Cole" (the arrow is often lost
# to plain text, leaving two spaces); the author is the first name.
REPLY_TARGET: Final = re.compile(r"\s*[→➔⇢]\s*\S.*$|\s{2,}\S.*$")


def without_reply_target(core: str) -> str:
    """REPLY_TARGET.sub("", core): the name line without the reply's target after it. Each of the
    pattern's forms needs an arrow (a character past ASCII) or two blanks side by side, so a line
    of ASCII characters with no two blanks together is its own answer, told by its code points
    before sre is asked (its sub, ~10k instructions a name, was asked of every bulleted name)."""
    blank_before = False
    for k in range(len(core)):
        o = ord(core[k])
        if o >= 128:
            return REPLY_TARGET.sub("", core)  # (an arrow, or a blank past ASCII: sre says)
        # (the ASCII characters `str.isspace`, as sre's "\s", holds for)
        blank = o == 32 or 9 <= o <= 13 or 28 <= o <= 31
        if blank and blank_before:
            return REPLY_TARGET.sub("", core)
        blank_before = blank
    return core


# A sign after a name, as a microblog marks a locked or verified account ("4830962 🔒", "Jo ✔️").
_SIGN_AFTER: Final = re.compile(r"\s+[^\w\s]{1,3}$")


def without_sign(core: str) -> str:
    """Name line `core` without the account's sign after it (see _SIGN_AFTER)."""
    return _SIGN_AFTER.sub("", core) if " " in core else core


# A handle of digits alone ("• 4830962" over an indented reply, "@3917460" over its date): longer
# than a rank, a count or a year, which are the short numbers a bulleted list shows (and a count
# is never printed after an "@").
_NUMERIC_HANDLE: Final = re.compile(r"^@?\d{5,}$")


# The longest reply a page may print in a chrome-like shape ("+1", "?", "100%") that is still read
# as a reader's words under a header of the thread's own format (see choose._short_words_under),
# and how many headers of that format with words under them vouch for it.
SHORT_WORDS_CHARS: Final = 12
SHORT_WORDS_PEERS: Final = 2


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_IS_SHORT_MARK_CACHE: Final[dict[str, bool]] = line_dict()


def is_short_mark(s: str) -> bool:
    """A short line with no letter, a count or a sign ("+1", "+100", "100%", "^^"): read as chrome (a
    score, a tally), it is a reader's whole reply wherever the page's template prints no such line
    by its other comments (choose._supported, comments._short_words_on_top). A line of letters
    that reads as chrome is a widget's own word ("Share", "Pinned"), and stays chrome; a bare
    number ("12") and a post's place ("#3") stay counts."""
    if len(s) > SHORT_WORDS_CHARS and len(s.strip()) > SHORT_WORDS_CHARS:
        # (longer than a mark once stripped, as most lines asked are, a comment's words: told before
        # the cache is asked or filled; a stripped line's strip is the line itself, no copy)
        return False
    known = _IS_SHORT_MARK_CACHE.get(s)
    if known is None:
        known = _IS_SHORT_MARK_CACHE[s] = _is_short_mark_uncached(s)
    return known


def _is_short_mark_uncached(s: str) -> bool:
    t = s.strip()
    # (a bare number is a count, "#3" a post's place: neither is a reply; nor is a row of reaction
    # tallies, "👎 24  😕 7": a symbol beside a count is the widget's, and a reply of emoji alone
    # reads as words already)
    return 0 < len(t) <= SHORT_WORDS_CHARS and HAS_LETTER.search(t) is None and not _COUNT_ALONE.match(t) and not is_post_number(t) and not any(unicodedata.category(ch) == "So" for ch in t)


_COUNT_ALONE: Final = re.compile(r"^\d[\d,.]*$")


# The longest label a comment may open with ("Quote:", "Update:", "Edit:") over its words.
LABEL_CHARS: Final = 20


def _written_under(lines: Lines, j: int) -> bool:
    """Whether line j, under a name, is a reader's words, or a short label ("Quote:") over them."""
    if is_written(lines.text[j]) or is_placeholder(lines.text[j]):
        return True
    s = lines.text[j]
    if len(s) > LABEL_CHARS or s[-1] != ":":
        return False
    k = next_nonblank(lines, j, PAIR_REACH)
    return k is not None and lines.indent[k] >= lines.indent[j] and is_written(lines.text[k])


def _add_bullet_anchors(
    lines: Lines, headers: dict[int, CommentHeader], claimed: set[int], anchors: list[Anchor], filled: list[int]
) -> None:
    """A bare name line (Disqus: `  • Name`) with the comment indented deeper under it.

    `filled`: the non-blank lines (see find_anchors); the line under the name (up to PAIR_REACH + 1 blank lines
    below it) must sit deeper.
    """
    text, indent = lines.text, lines.indent
    quoted: set[int] = set()  # the "Jo wrote:" lines read as the opening of a bulleted name's reply
    short: list[tuple[int, int]] = []  # bulleted names over a short line that is not words alone ("+1")
    start = len(anchors)
    # (the pair's tests read only the page's lines and indents, which the loop does not change: asked
    # of each pair as it comes, as the list of kept pairs asked them first)
    for at in range(1, len(filled)):
        i, j = filled[at - 1], filled[at]
        if not (indent[j] > indent[i] and j - i <= PAIR_REACH + 2 and len(text[i]) <= 62):
            continue
        s = text[i]
        if i in claimed or i in headers:
            continue
        if _bullet_item(text[j]):
            continue
        bulleted = _bullet_item(s)  # (read once: asked up to four times below)
        h = headers.get(j)
        if (
            h is not None
            and h.kind == "says"
            and bulleted
            and not is_chrome(s)  # ("• Share ›" over the next comment's "Jo says:" heads nothing)
            and (k := next_nonblank(lines, j, PAIR_REACH)) is not None
            and indent[k] >= indent[j]
            and is_written(text[k])
            and looks_like_name(lines.core[i])
        ):
            # (a bulleted name over "Jo wrote:" and words at that depth: the reply opens by quoting
            # Jo; its words, the "wrote:" line with them, are the bulleted name's)
            h = None
            quoted.add(j)
        elif h is not None and h.kind != "date" and not (h.kind == "says" and not text[j].endswith((":", ".", "…"))):
            continue  # (but "Dalloway says" with no colon opens a quotation in the comment under the name)
        if s[-1] == ":":
            # "Pros:" over an indented list is a subheading, not an author (asked before the reads
            # below, which no line ending on a colon needs: neither branch under them takes it)
            continue
        # (a number over words that talk: a widget's "20000" over "readers by Feedburner" does not)
        numeric = bulleted and _NUMERIC_HANDLE.match(lines.core[i]) is not None and talks([text[j]])
        # (no name and no handle of digits heads anything below: asked before the words under the
        # line are read, as most lines over deeper ones are no name, and every branch below needs one)
        named = looks_like_name(lines.core[i])
        if not (numeric or named):
            continue
        # (read once: both tests below ask it, and _written_under reads the lines under j)
        unwritten = h is None and not _written_under(lines, j)
        if unwritten and bulleted and named and not is_chrome(s) and is_short_mark(text[j]):
            short.append((i, j))  # (a bulleted name over "+1": read when the thread's other bulleted names head words)
            continue
        if unwritten:
            continue
        if not numeric and is_chrome(s) and (k := next_nonblank(lines, j, 0)) is not None and k in headers and headers[k].kind == "date":
            # ("(Reply) (Thread) (Link)" over a reply's name indented under it, its date under that:
            # the row closing the comment above, not a name)
            continue
        last = j if h is not None else i
        posted = h.posted_raw if h is not None else ""
        family = "bullet" if bulleted else "indent"
        author = cut_counters((without_reply_target(lines.core[i]) if family == "bullet" else "") or lines.core[i])
        if numeric:
            author = digit_handle(lines.core[i])  # a handle of digits names its reader (see headers.read_header)
        anchors.append(Anchor(i, last, CommentHeader("name", author, posted), family, indent[i]))
        _claim(claimed, i, last + 1)
    if short and sum(a.family == "bullet" for a in anchors[start:]) >= SHORT_WORDS_PEERS:
        # (which of them head a reader's short reply, and which the layout's own lines, is judged
        # with the thread's other headers: choose._short_words_under)
        for i, j in short:
            if i not in claimed:
                author = cut_counters(without_reply_target(lines.core[i]) or lines.core[i])
                anchors.append(Anchor(i, i, CommentHeader("name", author, ""), "bullet", indent[i]))
                claimed.add(i)
    if quoted:
        anchors[:] = [a for a in anchors if not (a.header.kind == "says" and any(a.first <= j <= a.last for j in quoted))]




# A social plugin's comment: a bare name line (perhaps a short badge line under it: "Top fan",
# "Works at ..."), the text, then a row of actions ending in the comment's age ("Like · Reply · 3y",
# or its words one a line). That row closes the comment and dates it; the next comment's name is
# the first line after it. Read only where such rows close at least MIN_FOOTERS comments, or
# where a comment-section header ("2 comments") heads them and every row closes a named comment:
# a thread of one or two comments prints the same rows, and the header vouches for them.
MIN_FOOTERS: Final = 3
# Lines above the first row searched for the first comment's name.
FOOTER_REACH: Final = 60
# The longest badge line under the name.
BADGE_CHARS: Final = 40


def _footer_rows(lines: Lines, headers: dict[int, CommentHeader], lo: int) -> list[tuple[int, int]]:
    """(first, last) of each row of actions that ends in an age, in page order."""
    text, core = lines.text, lines.core
    rows = []
    for i in sorted(headers):
        h = headers[i]
        if h.kind != "date" or i < lo:
            continue
        c = core[i]
        first = i
        if c == h.posted_raw:
            # an age alone under "Like" / "Reply" lines: the row is printed one word a line
            p = prev_nonblank(lines, i, 0)
            # (the post's number over its date, "#12", is no action of a row; nor is a count or a
            # sign over its first action, "+1" over "Like": a reader's reply, see is_short_mark)
            while (
                p is not None
                and p >= lo
                and p not in headers
                and is_chrome(text[p])
                and len(text[p]) <= 20
                and not is_placeholder(text[p])
                and not is_post_number(core[p] or text[p])
                and not is_short_mark(text[p])
            ):
                first = p
                p = prev_nonblank(lines, p, 0)
            if first == i or not any(HAS_LETTER.search(text[j]) for j in range(first, i)):
                continue  # (a "·" alone over the age is a header's separator, "@jo" / "·" / "19h": no action)
        elif not chrome_row(c):
            continue
        rows.append((first, i))
    return rows


def _footer_name(lines: Lines, j: int, end: int, tight: bool = False) -> tuple[int, int] | None:
    """(name line, last header line) of a comment starting at line j, with text before line `end`
    (`tight`: the text right under the name, no blank between)."""
    text, core = lines.text, lines.core
    while j < end and (
        not text[j]
        or is_chrome(text[j]) and not (_NUMERIC_HANDLE.match(core[j]) and j + 1 < end and text[j + 1])
        or (j + 1 < end and not text[j + 1] and not looks_like_name(core[j]))
    ):
        # (the row's links, and a toggle hanging under the comment: "Jo replied · 9 replies"; a
        # handle of digits right over its text is the next comment's name, not a count)
        j += 1
    if j >= end or len(text[j]) > 60 or ends_sentence(text[j]) or (tight and not text[j + 1]):
        return None
    if not looks_like_name(core[j]) and _NUMERIC_HANDLE.match(core[j]) is None:
        return None
    k = j + 1
    # (a badge is set in title or sentence case: a line in capitals is a reader shouting)
    if k < end and text[k] and len(text[k]) <= BADGE_CHARS and not ends_sentence(text[k]) and text[k][:1].isupper() and "@" not in text[k] and not text[k].isupper():
        nxt = next_nonblank(lines, k, 0)
        if nxt is not None and nxt < end and (is_content(text[nxt]) or is_placeholder(text[nxt]) or _lone_over_row(lines, nxt, end)) and (len(text[nxt]) > len(text[k]) or " " in text[k] or is_pictographs(text[nxt])):
            k += 1  # a badge line over the text ("Top fan", "Lives in Leeds")
    body = next_nonblank(lines, k - 1, 1)
    if body is None or body >= end or not (is_content(text[body]) or talks_with_address(text[body]) or is_placeholder(text[body]) or _lone_over_row(lines, body, end)):
        return None
    return j, k - 1


# The longest line of a reader's that a widget also prints ("Reply", "Report", "+1", "Thanks!").
WIDGET_WORDS_CHARS: Final = 12


def _lone_over_row(lines: Lines, j: int, end: int) -> bool:
    """Whether line `j` is a short line of chrome alone between a comment's name (and badge) and its
    row of actions at line `end`: the reader's words, one a widget prints too ("Reply", "Report")."""
    s = lines.text[j]
    return len(s.strip()) <= WIDGET_WORDS_CHARS and is_chrome(s) and next_nonblank(lines, j, 0) == end


def widget_words_under(lines: Lines, a: Anchor, hi: int) -> bool:
    """Whether a footer-read comment's header (`a`) has only a short line of chrome under it, or a
    removed comment's placeholder ("[comment deleted]"), then its row of actions, before line `hi`:
    its words are one a widget prints too (see _lone_over_row), or the mark standing for them."""
    if a.family != "footer":
        return False
    j = next_nonblank(lines, a.last, 1)
    if j is None or j >= hi:
        return False
    row = next_nonblank(lines, j, 0)
    return row is not None and row < hi and is_chrome(lines.text[row]) and (_lone_over_row(lines, j, row) or is_placeholder(lines.text[j]))


# The longest placeholder a widget prints for a comment's words ("[comment deleted]", "[image]").
PLACEHOLDER_CHARS: Final = 40


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_IS_PLACEHOLDER_CACHE: Final[dict[str, bool]] = line_dict()


def is_placeholder(s: str) -> bool:
    """A short line wholly in square brackets: what a page shows in place of a comment's words
    ("[removed]", "[comment deleted]", "[gif]"), under its header as the words would be."""
    known = _IS_PLACEHOLDER_CACHE.get(s)
    if known is None:
        known = _IS_PLACEHOLDER_CACHE[s] = _is_placeholder_uncached(s)
    return known


def _is_placeholder_uncached(s: str) -> bool:
    return len(s) <= PLACEHOLDER_CHARS and s[:1] == "[" and s[-1:] == "]" and any(ch.isalpha() for ch in s)


# The shortest rule a writer draws across the page ("---", "* * *").
RULE_CHARS: Final = 3


def _is_rule(s: str) -> bool:
    """Whether line `s` is a rule: a row of dashes, stars or the like, no letter or digit."""
    return len(s) >= RULE_CHARS and not any(ch.isalnum() for ch in s)


def _row_has_action(lines: Lines, first: int, last: int) -> bool:
    """Whether the row of lines first..last, or the chrome lines right under it, holds a Reply or
    Like link (patterns.REPLY_ACTION)."""
    text = lines.text
    j = first
    while j < len(text) and (j <= last or text[j] and is_chrome(text[j])):
        if has_reply_action(text[j]):
            return True
        j += 1
    return False


def _add_footer_anchors(lines: Lines, headers: dict[int, CommentHeader], claimed: set[int], anchors: list[Anchor], lo: int) -> None:
    rows = _footer_rows(lines, headers, lo)
    if not rows:
        return
    # (a vouched row holds a Reply or Like link, on its lines or the chrome right under them:
    # "1d · Edited" alone is a card's stamp with its marker)
    headed = (
        len(rows) < MIN_FOOTERS
        and any(rows[0][0] - FOOTER_REACH <= i < rows[0][0] for i in section_headers(lines, lo))
        and all(_row_has_action(lines, first, last) for first, last in rows)
    )
    if len(rows) < MIN_FOOTERS and not headed:
        return
    found: list[tuple[int, int, int, int]] = []  # (name, last header line, row first, row last)
    prev_end = None
    for first, last in rows:
        if prev_end is not None:
            got = _footer_name(lines, prev_end + 1, first)
        else:
            # the first comment: its name is the topmost name line after the last furniture above
            got, j = None, first - 1
            while j >= max(lo, first - FOOTER_REACH):
                s = lines.text[j]
                if got is None and is_short_mark(s):
                    # (a count or a sign under the name, "+100": the comment's whole reply or its
                    # score, which the later comments' names are read past as well; no furniture)
                    j -= 1
                    continue
                if s and (is_stop_line(s) or is_chrome(s) and not is_placeholder(s) or COMMENT_SECTION.match(s)):
                    if got is None and _is_rule(s):
                        # (no name under a rule: the rule is the comment's own, a bot's "----" over
                        # its links; the name is further up)
                        j -= 1
                        continue
                    break  # (a removed comment's "[comment deleted]" is no furniture: its words' mark)
                if s and not lines.text[j - 1] if j > 0 else s:
                    got = _footer_name(lines, j, first, tight=True) or got
                j -= 1
        if got is not None:
            found.append((got[0], got[1], first, last))
        prev_end = last
    if (len(found) < len(rows)) if headed else (len(found) < MIN_FOOTERS or len(found) < 0.6 * len(rows)):
        return
    for name, last_head, first, last in found:
        stamp = headers[last].posted_raw
        author = _name_line_author(lines.core[name])
        anchors.append(Anchor(name, last_head, CommentHeader("name", author, stamp), "footer", lines.indent[name]))
        _claim(claimed, name, last_head + 1)
        _claim(claimed, first, last + 1)
