"""Last look at a cut comment thread: do its comments read like people's words, or like a list?

Related-post boxes, author boxes, event calendars and widget columns can pass every header check
(a name-like title, a date, a line under it). Once the thread is cut, their "comments" give them
away: most are empty (the header lines sit back to back), or each is a single headline, or the
longest of them is a few words. And a "thread" of one or two comments whose text outweighs the
article before it is the article itself, read under its own byline.
"""

from __future__ import annotations

import re
from typing import Final

from replyscope.split.lines import Lines, is_prose
from replyscope.split.patterns import BULLETS, ends_sentence, stamp_search
from replyscope.split.talk import ADDRESSES, is_title_case, talks

# Share of comments allowed to be empty, or to be a lone headline, in a real thread.
MAX_EMPTY_SHARE: Final = 0.5
MAX_HEADLINE_SHARE: Final = 0.5
# An undated thread whose longest comment is shorter than this (in words) is a column of widgets.
MIN_UNDATED_WORDS: Final = 6
# ...unless it has at least this many comments (or a comment-section header above it) and this
# share of them talk (see talk.talks).
MIN_TINY_THREAD: Final = 3
TINY_TALK_SHARE: Final = 0.75
# A thread of at most this many comments whose prose outweighs the article's this many times over
# (and by at least ARTICLE_MIN_CHARS) is the article itself.
ARTICLE_LIKE_COMMENTS: Final = 2
ARTICLE_FACTOR: Final = 2
ARTICLE_MIN_CHARS: Final = 1500

# A post's counters printed under its title in a listing ("143960 views", "281 comments").
COUNTER_LINE: Final = re.compile(r"^\d[\d,.]*k?\s+(?:views|reads|hits|comments?|replies|responses)$", re.I)
MAX_COUNTER_SHARE: Final = 0.5

# A thread where one comment in this many (or more) opens with a bulleted line is a list (a bulleted
# time, "• 10:11 am", is the comment's header, not an item).
MAX_LISTED_SHARE_INV: Final = 3

def _is_headline(s: str) -> bool:
    """A short line in Title Case without a sentence's end: a link title, not what someone wrote."""
    if ends_sentence(s) and not s.endswith(("…", "...")):
        return False  # (looked at first: most lines of a comment end a sentence, and need no word count)
    return is_title_case(s)


def _headline_count(text: list[str], bodies: list[list[int]], limit: float) -> int:
    """How many comments are a lone headline; counting stops once the rest cannot reach `limit`."""
    hits = 0
    left = len(bodies)
    for b in bodies:
        left -= 1
        hits += 0 < len(b) <= 2 and all(_is_headline(text[j]) for j in b)
        if hits + left <= limit:
            break  # (a real thread settles this within its first few comments)
    return hits


def reads_like_thread(
    lines: Lines, bodies: list[list[int]], dated: bool, zone_start: int, headed: bool = False, rowed: bool = False, alike: bool = False
) -> bool:
    """Whether comments with these body lines (line numbers per comment) form a real thread.

    `headed`: a comment-section header ("1 Comment", "Comments") sits right above the thread.
    `rowed`: each comment with a line of prose is closed by a row of its actions ("Like · Reply ·
    2h"; a reply of a sign or a few words needs none: see comments._prose_closed_by_rows).
    `alike`: the comments' headers are printed alike over two readers' names (see
    comments._alike_pair): two comments, not an article under its byline.
    """
    n = len(bodies)
    if not n:
        return False
    text = lines.text
    empty = sum(1 for b in bodies if not b)
    if empty > MAX_EMPTY_SHARE * n:
        return False  # headers back to back: a list of titles with dates, not comments
    # (a count opens the line: the pattern is asked only of lines opening on a digit)
    counters = sum(1 for b in bodies if any(text[j][:1].isdigit() and COUNTER_LINE.match(text[j]) for j in b[:3]))
    if counters > MAX_COUNTER_SHARE * n:
        return False  # every entry carries its view or comment count: a listing of posts
    listed = sum(1 for b in bodies if b and text[b[0]][0] in BULLETS and not stamp_search(text[b[0]]))
    if listed * MAX_LISTED_SHARE_INV >= n:
        return False  # text under the headers opens with a bullet: the items of a list of links
    if _headline_count(text, bodies, MAX_HEADLINE_SHARE * n) > MAX_HEADLINE_SHARE * n:
        return False
    if not dated and max(sum(len(text[j].split()) for j in b) for b in bodies) < MIN_UNDATED_WORDS:
        # a column of widgets, unless nearly every one of several answers someone ("So true.", "Source?")
        # (two short replies that each answer somebody by handle, "@jo RIP", are a thread)
        addressed = n >= 2 and all(any(ADDRESSES.search(text[j]) for j in b) for b in bodies)
        if (n < MIN_TINY_THREAD and not headed and not addressed) or sum(talks([text[j] for j in b]) for b in bodies) < TINY_TALK_SHARE * n:
            return False
    if n <= ARTICLE_LIKE_COMMENTS and not (headed and rowed) and not alike:
        # (under a comment-section header, words each closed by their Reply / Like row are
        # comments however long: a short post's one long answer; an article has no such row.
        # Nor is a long answer the article when a second header printed as its own names another
        # reader: an article has one byline)
        thread_prose = sum(len(text[j]) for b in bodies for j in b if is_prose(text[j]))
        if thread_prose >= ARTICLE_MIN_CHARS:
            article_prose = sum(len(s) for s in text[:zone_start] if s and is_prose(s))
            if thread_prose > ARTICLE_FACTOR * article_prose:
                return False
    return True
