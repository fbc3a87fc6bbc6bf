"""The article of a page whose post is too short to read as prose: a tweet, a link with a line of words.

body.article_roles finds an article by its run of prose; a short post has none, or only a line of
it (its title), and its thread's page would otherwise show no article, or a title without its
words. Such a post sits right above its thread: its paragraphs are the text just above the
comment zone, read up over the section's chrome, a byline and blank lines to the first paragraph
that is no text. It is only asked for on a page with a comment zone and a short article, and it
only joins an article found above it when nothing but blank lines part the two.
"""

from __future__ import annotations

from typing import Final

from replyscope.split.body import _cut_from_text, _mark_title, is_boilerplate_line, is_comment_marker, is_nav_line
from replyscope.split.chrome import is_chrome
from replyscope.split.headers import read_header, reads_as_byline
from replyscope.split.lines import Lines
from replyscope.split.patterns import BULLETS, ends_sentence

# A short post: at most this many lines of text (a tweet, a title and a few lines of words).
POST_MAX_LINES: Final = 12
# A paragraph of the post has at least this many words (a menu's label or a share button has fewer).
POST_WORDS: Final = 3
# Lines of chrome ("Share this:", "Tweet", "5 Comments") read over between the post and its thread.
CHROME_GAP_LINES: Final = 6
# A line shorter than this that reads as a comment header ("Mara says:", a dateline) is none of the
# post's text; a longer one is a sentence that happens to open like one ("Banksy says #JeSuisCharlie ...").
HEADER_MAX_CHARS: Final = 50


def _plain(lines: Lines, i: int) -> bool:
    """A line that may be a post's text: no bullet, chrome, furniture, navigation or comment header."""
    s = lines.text[i]
    if s[0] in BULLETS or is_chrome(s) or is_boilerplate_line(s) or is_comment_marker(s) or is_nav_line(s):
        return False
    return len(s) >= HEADER_MAX_CHARS or read_header(lines.core[i]) is None


def _furniture(s: str) -> bool:
    return is_chrome(s) or is_comment_marker(s) or is_boilerplate_line(s)


def _byline(lines: Lines, i: int) -> bool:
    return reads_as_byline(lines.core[i])


# A sentence of a post alone (no headline over it) has at least this many words.
SENTENCE_WORDS: Final = 4


def _vouched(lines: Lines, found: list[tuple[int, int]]) -> bool:
    """Whether lines of text with no article above them read as a post, not as a site's labels
    ("Translate This Blog") or a widget's glued links: they hold a sentence, or a headline cut
    from the text under it (see body._cut_from_text)."""
    text = lines.text
    end = found[0][1] + 1
    for first, last in found:
        for j in range(first, last + 1):
            s = text[j]
            if s.count(" ") >= SENTENCE_WORDS - 1 and ends_sentence(s) or _cut_from_text(lines, j, end):
                return True
    return False


def _paragraphs_up(lines: Lines, lo: int, hi: int):
    """The runs of non-blank lines in lines lo..hi-1, last first, as (first, last) line numbers."""
    text = lines.text
    i = hi - 1
    while i >= lo:
        if not text[i]:
            i -= 1
            continue
        last = i
        while i - 1 >= lo and text[i - 1]:
            i -= 1
        yield i, last
        i -= 1


def short_post_roles(lines: Lines, lo: int, hi: int, roles: list[str], title: str = "", *, article_start: int | None = None) -> tuple[int, int]:
    """Mark the short post's lines in lo..hi-1, just above line `hi` (the comment zone), as body and
    its title; return the post's line range ((hi, hi) when there is none).

    `article_start`: an article (its title, a line of prose) runs from there to line `lo`; the
    post's lines join it only when nothing but blank lines part them, and its title is looked
    for again over both (a headline cut from the post is told by the post under it).
    """
    text = lines.text
    found: list[tuple[int, int]] = []
    taken = skipped = 0
    for first, last in _paragraphs_up(lines, lo, hi):
        span = range(first, last + 1)
        if all(_plain(lines, j) for j in span) and sum(text[j].count(" ") + 1 for j in span) >= POST_WORDS:
            taken += len(span)
            if taken > POST_MAX_LINES:
                break
            found.append((first, last))
        elif found:
            if not (first == last and _byline(lines, first)):
                break
        else:
            skipped += len(span)
            if skipped > CHROME_GAP_LINES or not all(_furniture(text[j]) or text[j].count(" ") + 1 < POST_WORDS for j in span):
                return hi, hi
    if not found:
        return hi, hi
    if article_start is not None:
        # (a post joins the article above it when only blank lines, or its byline, part them)
        if any(text[j] and not _byline(lines, j) for j in range(lo, found[-1][0])):
            return hi, hi
    elif not _vouched(lines, found):
        return hi, hi
    for first, last in found:
        for j in range(first, last + 1):
            if roles[j] == "boilerplate":
                roles[j] = "body"
    start, end = found[-1][0], found[0][1] + 1
    for j in range(lo if article_start is not None else start, end):
        if text[j] and roles[j] == "boilerplate" and _byline(lines, j):
            roles[j] = "byline"
    lead = start if article_start is None else article_start
    if "title" not in roles[lead:end]:
        _mark_title(lines, lead, end, roles, title)
    return start, end
