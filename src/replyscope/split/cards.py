"""Profile cards over date-only headers: who wrote each comment of a widget that names its
readers only in a card of short lines over the comment's date.

Such a widget prints, for every comment, a block like

    SUPER READER            (a badge: the same words on many cards, or none)
    jo_lake                 (the name)
    Gardener, Leeds         (a motto or a place, on some cards)
    57 Fans                (the card's tally: its last line)
    2 minutes ago (9:14 AM) (the header: a date and no name)

The words of a card prove nothing (a name, a motto and a badge are all short lines); the shape
does: the same block, closed by a tally, sits over every date-only header of the thread. The name
is the card's line that varies from card to card like a name, and not a line that repeats word for
word across cards over different lines (the badge, the widget's own messages): the top line of
the card once such lines are left out, a motto or a place being printed under it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Final

from replyscope.split.caches import line_dict
from replyscope.split.chrome import is_chrome
from replyscope.split.headers import CommentHeader, cut_counters, looks_like_name
from replyscope.split.lines import Lines, prev_nonblank
from replyscope.split.patterns import BULLETS, PROFILE_TALLY

# Cards (tallies over date-only headers) a page must show before its date-only headers are signed
# by them: one card is a pattern nobody repeated.
MIN_CARDS: Final = 3
# ... and the share of the page's date-only headers that have one.
CARD_SHARE: Final = 0.6
# How far a card's tally may sit over its header (blank lines between).
TALLY_REACH: Final = 2
# Lines a card holds over its tally: a badge, the name and a motto or place.
CARD_LINES: Final = 3
# A card's line is short: a name, a motto, a badge.
CARD_LINE_CHARS: Final = 60


def is_profile_tally(lines: Lines, i: int) -> bool:
    """Whether line i is a profile card's tally ("Total Comments (212)", "57 Fans", "• Followers: 12").

    Read on the line as printed (a bullet aside), not on its core: the core drops a leading count
    as if it were a list number, and "57 Fans" would be read as "Fans"."""
    s = lines.text[i]
    if s[:1] in BULLETS:
        s = lines.core[i]
    known = _PROFILE_TALLY_CACHE.get(s)
    if known is None:
        known = _PROFILE_TALLY_CACHE[s] = PROFILE_TALLY.match(s) is not None
    return known


# (its verdicts cached in a dict it reads itself, see caches.line_dict: the lines over a page's
# headers are asked once a header format and again as the card over a date; half are asked again)
_PROFILE_TALLY_CACHE: Final[dict[str, bool]] = line_dict()


def _tally_over(lines: Lines, i: int, lo: int) -> int | None:
    """The tally line right over header `i` (blank lines between allowed), or None."""
    j = prev_nonblank(lines, i, TALLY_REACH)
    return j if j is not None and j >= lo and is_profile_tally(lines, j) else None


def _block_over(lines: Lines, tally: int, lo: int, headers: dict[int, CommentHeader]) -> list[int]:
    """The short lines right over a tally, nearest first, up to a blank line, a header, a chrome
    line or the window's edge (at most CARD_LINES + 1: the card and the line on top of it)."""
    text = lines.text
    out: list[int] = []
    j = tally - 1
    while j >= lo and len(out) <= CARD_LINES:
        s = text[j]
        if not s or j in headers or len(s) > CARD_LINE_CHARS or is_chrome(s):
            break
        out.append(j)
        j -= 1
    return out


def read_cards(lines: Lines, headers: dict[int, CommentHeader], lo: int) -> dict[int, tuple[int, str]]:
    """{date-only header line: (the card's first line, the name it prints)} for the headers of a
    page whose date-only headers sit under profile cards (see the module's docstring), else {}.

    A card must show its name within its block of lines: a tally alone over the date, blank lines
    round it, may close the post above it (a forum's side column, see anchors._cards_under_posts)."""
    unnamed = [i for i in headers if i >= lo and not headers[i].author and headers[i].kind in ("date", "name_date")]
    if len(unnamed) < MIN_CARDS:
        return {}
    tallies = {i: t for i in unnamed if (t := _tally_over(lines, i, lo)) is not None}
    if len(tallies) < MIN_CARDS or len(tallies) < CARD_SHARE * len(unnamed):
        return {}
    blocks = {i: _block_over(lines, t, lo, headers) for i, t in tallies.items()}
    # the widget's lines: the same words on two cards or more, over different lines
    text = lines.text
    under: dict[str, set[str]] = defaultdict(set)
    for t, block in zip(tallies.values(), blocks.values()):
        for j in block:
            under[text[j]].add(text[j + 1] if j + 1 != t else "")
    widget = {s for s, below in under.items() if len(below) >= 2}
    cards: dict[int, tuple[int, str]] = {}
    for i, block in blocks.items():
        own: list[int] = []
        top = tallies[i]
        for j in block:
            if text[j] in widget:
                # a badge over the name is the card's first line; the widget's lines over it are not
                top = j
                break
            if len(own) == CARD_LINES:
                break
            own.append(j)
            top = j
        names = [j for j in own if looks_like_name(lines.core[j])]
        if names:
            cards[i] = (top, cut_counters(lines.core[names[-1]]))
    if len(cards) < MIN_CARDS or len(cards) < CARD_SHARE * len(unnamed):
        return {}
    return cards
