"""Tell the article body from page chrome in the lines before the comment zone.

Rendered pages wrap the article in navigation, sidebars and footers. Those are runs of short,
link-like lines; the article is the densest run of prose lines. We keep the biggest prose
cluster (plus the title/byline lines just above it) as the article, and within it still mark
known boilerplate lines ("READ MORE:", newsletter boxes, share buttons, author bios).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from replyscope.split.caches import line_dict
from replyscope.split.headers import looks_like_name, read_header, reads_as_byline
from replyscope.split.lines import Lines, is_prose, lower_of, next_nonblank, nonblank_above, opens_with_bullet, prev_nonblank
from replyscope.split.patterns import (
    AUTHOR_BIO,
    AUTHOR_BIO_LOW,
    BULLET_CHARS,
    BULLETS,
    EMAIL,
    FORM_OR_SECTION,
    FORM_OR_SECTION_LOW,
    FURNITURE,
    FURNITURE_LOW,
    LetterGate,
    LiteralGate,
    OpeningGate,
    chrome_line,
    edge_characters,
    ends_sentence,
    folds_like_lower,
    gate_refuses,
    has_digit,
    lower_twin,
    stamp_span,
)

# Lines that close an article on rendered pages: prose after them starts a new cluster (a sidebar,
# a teaser list), which joins the article only if it is nearly as big (SIDE_CLUSTER_SHARE).
ARTICLE_END: Final = re.compile(
    r"^(?:share this|share this (?:article|story|post)|related (?:posts?|articles?|stories|content)|"
    r"you (?:may|might) also like|more from\b|more (?:stories|articles|posts)\b|also on\b|around the web|from the web|"
    r"recommended (?:for you|stories|reading)|most (?:read|popular|viewed|shared|emailed|commented)|"
    r"featured (?:posts?|stories|jobs)|popular (?:posts|stories)|recent posts|tags:|filed under|posted in|"
    r"this entry was posted)\b",
    re.I,
)
_END_FIRST: Final = edge_characters(ARTICLE_END, False) | BULLETS  # first characters ARTICLE_END can see (read from it)
# (their code points: `s[0]` compiled makes a new string of a character past Latin-1, as bullets
# are, and the set lookup hashes it)
_END_FIRST_CODES: Final = frozenset(ord(c) for c in _END_FIRST)
# ARTICLE_END for a line lower-cased first, behind the refusal of its openings (see
# patterns.lower_twin, LetterGate and gate_refuses): most lines a cluster's gap reads open with
# none of its phrases, and are refused on their first characters alone.
ARTICLE_END_LOW: Final = LetterGate(lower_twin(ARTICLE_END))
# What closes_article strips off a line's start before ARTICLE_END reads it.
_END_LEAD: Final = BULLET_CHARS + " "

# Non-prose lines allowed between two prose lines of one article (captions, subheads, ads).
MAX_GAP_LINES: Final = 5
# Lines above the first prose line that may still be title, byline or date.
MAX_LEAD_LINES: Final = 5
# A second prose cluster joins the article when it is at least this share of the biggest.
SIDE_CLUSTER_SHARE: Final = 0.7
# Gap weight of a line of figures split by tabs: a table row inside the article, which must not cut
# it in two (a table of figures runs to dozens of rows).
TABLE_ROW_GAP: Final = 0.1
# The shortest text AUTHOR_BIO matches ("his new book"; IGNORECASE matches one character for one).
AUTHOR_BIO_MIN_CHARS: Final = 12
# A sentence at least this long ending in ":" announces a list that belongs to the article.
LIST_INTRO_CHARS: Final = 25
TITLE_MAX_CHARS: Final = 200


# A site menu on one line: at least MENU_ITEMS links parted by " | " ("Guidelines | FAQ | API |
# Legal | Contact"), each one to three words of no digits, each opening with a capital.
MENU_ITEMS: Final = 4
_MENU_ITEM: Final = re.compile(r"^[A-Z][\w&'’.-]*(?: [\w&'’.-]+){0,2}$")


def _menu_row(s: str) -> bool:
    if s.count(" | ") < MENU_ITEMS - 1 or len(s) > 160 or has_digit(s):
        return False
    return all(_MENU_ITEM.match(item) is not None for item in s.split(" | "))


# The same menu parted by dots ("Home • News • Reviews • Archive • books"), read by the title
# readings only: its items may open in lower case.
_MENU_DOTS: Final = re.compile(r"\s+[•·]\s+")


def _dotted_menu(s: str) -> bool:
    if "•" not in s and "·" not in s:
        return False
    items = _MENU_DOTS.split(s)
    return len(items) >= MENU_ITEMS and all(0 < item.count(" ") + 1 <= 3 and not has_digit(item) for item in items)


# The characters FURNITURE's lower twin cannot open a match with (figures, quote marks, most
# bullets: patterns.OpeningGate), and FORM_OR_SECTION's: its letter gate lets every line opening
# with no ASCII letter through to sre, which tries the forms one by one.
_FURNITURE_OPENINGS: Final = OpeningGate(FURNITURE_LOW.twin)
_FORM_OPENINGS: Final = OpeningGate(FORM_OR_SECTION_LOW.twin)


_LEFT_GUILLEMET: Final = ord("«")
_RIGHT_GUILLEMET: Final = ord("»")


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_IS_BOILERPLATE_LINE_CACHE: Final[dict[str, bool]] = line_dict()


def is_boilerplate_line(s: str) -> bool:
    """A line that is page furniture wherever it appears (cached: menus repeat across pages)."""
    known = _IS_BOILERPLATE_LINE_CACHE.get(s)
    if known is None:
        known = _IS_BOILERPLATE_LINE_CACHE[s] = _is_boilerplate_line_uncached(s)
    return known


def _is_boilerplate_line_uncached(s: str) -> bool:
    if "|" in s and _menu_row(s):
        return True
    # (the guillemets told by their code points: `s[0] == "«"` took the character out as a string)
    if ord(s[0]) == _LEFT_GUILLEMET and not s[1:2].isalnum() or ord(s[-1]) == _RIGHT_GUILLEMET and not s[-2:-1].isalnum():
        # ("« Previous post", "Next post »": pager links; "«ok, good»" glued to its words is a quotation)
        return True
    if len(s) >= 400:
        # (lower-casing a paragraph would cost more than it saves; the twin's gate reads its opening)
        if folds_like_lower(s) and gate_refuses(FURNITURE_LOW, s):
            return False
        return FURNITURE.match(s) is not None
    low = lower_of(s)  # (shared with the line's other readers: is_comment_marker, the title's words looked for in it)
    folds = folds_like_lower(s)
    if folds:  # (the lower twins of the patterns are faster; see patterns.lower_twin)
        # (a line opening with a figure or a quote mark is refused on that character: see _FURNITURE_OPENINGS)
        if not _FURNITURE_OPENINGS.refuses(low) and FURNITURE_LOW.match(low):
            return True
    elif FURNITURE.match(s):
        return True
    if len(s) < 200 and "@" in s and EMAIL.search(s):
        return True
    if len(s) < AUTHOR_BIO_MIN_CHARS:
        return False  # (too short for any AUTHOR_BIO phrase)
    if folds:
        # (AUTHOR_BIO holds one of these wherever it matches such a line, and then also one of the
        # words below: the shorter list is asked alone)
        # ("is a " alone is common in prose: its phrase also names the trade, writer to correspondent)
        if not (
            "can be " in low
            or "author" in low
            or " book" in low
            or "visit " in low
            or "follow " in low
            or "is a " in low and ("writer" in low or "editor" in low or "reporter" in low or "correspondent" in low)
            or "lives in " in low
        ):
            return False
        return AUTHOR_BIO_LOW.search(low) is not None
    if not (
        "reached" in low
        or "contacted" in low
        or "author" in low
        or "book" in low
        or "visit" in low
        or "follow" in low
        or "writer" in low
        or "editor" in low
        or "reporter" in low
        or "correspondent" in low
        or "lives in" in low
    ):
        return False
    return AUTHOR_BIO.search(s) is not None


def _prose_clusters(lines: Lines, lo: int, hi: int) -> list[tuple[int, int, int]]:
    """(first_line, last_line, prose_chars) for runs of prose lines with small gaps between.

    Long bullet items are neutral (article lists and link lists both have them); a gap of short
    lines only splits the article when it looks like navigation (bullets, menu words), so a table
    of figures inside an article does not cut it in two.
    """
    clusters: list[list[int]] = []
    gap = 0.0  # (a float: a line of plain text adds a quarter; mypyc wants it one from the start)
    bare = lines.bare  # (each line without its break: a tab in it is the line's own)
    text = lines.text
    in_list = False  # after a sentence that announces a list ("we recommend:")
    for i in range(lo, hi):
        s = text[i]
        if not s:
            continue
        n = len(s)
        bullet = opens_with_bullet(s)
        if bullet and n >= 60:
            continue
        # (is_prose written out: this loop runs on every line above the comments)
        if not bullet and n >= 25 and (n >= 90 or s.count(" ") >= 4 and ends_sentence(s)) and not is_boilerplate_line(s):
            if clusters and gap <= MAX_GAP_LINES:
                clusters[-1][1] = i
                clusters[-1][2] += len(s)
            else:
                clusters.append([i, i, len(s)])
            gap = 0.0
            in_list = False
        elif not clusters or gap > MAX_GAP_LINES:
            # (no cluster is open: before the first one the gap is not read, the first prose line
            # starting it anew, and past MAX_GAP_LINES it only grows until a prose line starts the
            # next; in_list changes only inside a cluster. So a line that does not extend a cluster
            # is passed over unread: no first reading of a sidebar's or a footer's lines)
            continue
        elif not bullet and s[-1] == ":" and n >= LIST_INTRO_CHARS and s.count(" ") >= 4 and clusters and gap <= MAX_GAP_LINES:
            in_list = True
            gap += 1
        elif in_list and not bullet and n < 60 and lines.indent[i] > 0 and not is_boilerplate_line(s):
            gap += TABLE_ROW_GAP  # an indented item of the announced list
        elif bullet or n < 30 and not ("\t" in bare[i] or "  " in s) or is_boilerplate_line(s):
            gap += 1
            # (only inside a cluster: before the article and after it the gap is long anyway)
            if gap <= MAX_GAP_LINES and n < 60 and clusters and ord(s[0]) in _END_FIRST_CODES and closes_article(s):
                gap = MAX_GAP_LINES + 1.0  # share buttons, tags, related links: the article is over
        elif "\t" in s and has_digit(s):
            gap += TABLE_ROW_GAP
        else:
            gap += 0.25
    return [(a, b, c) for a, b, c in clusters]




# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_CLOSES_ARTICLE_CACHE: Final[dict[str, bool]] = line_dict()


def closes_article(s: str) -> bool:
    """A share bar, tag line or related-links heading: what ends an article on a rendered page (cached)."""
    known = _CLOSES_ARTICLE_CACHE.get(s)
    if known is None:
        known = _CLOSES_ARTICLE_CACHE[s] = _closes_article_uncached(s)
    return known


def _closes_article_uncached(s: str) -> bool:
    t = s.lstrip(_END_LEAD)
    # (a line that folds like lower and opens with none of the pattern's phrases is refused on its
    # first characters: IGNORECASE reads it as `str.lower` does, so the twin's gate is the pattern's)
    if folds_like_lower(t) and gate_refuses(ARTICLE_END_LOW, t):
        return False
    return ARTICLE_END.match(t) is not None


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_IS_COMMENT_MARKER_CACHE: Final[dict[str, bool]] = line_dict()


def is_comment_marker(s: str) -> bool:
    """A comment form or comment-section line ("Leave a Reply", "12 Comments"): never article text."""
    known = _IS_COMMENT_MARKER_CACHE.get(s)
    if known is None:
        known = _IS_COMMENT_MARKER_CACHE[s] = _is_comment_marker_uncached(s)
    return known


def _is_comment_marker_uncached(s: str) -> bool:
    if len(s) >= 120:
        return False
    if folds_like_lower(s):  # (the lower twin is faster; see patterns.lower_twin)
        low = lower_of(s)
        return not _FORM_OPENINGS.refuses(low) and FORM_OR_SECTION_LOW.match(low) is not None
    return FORM_OR_SECTION.match(s) is not None


def _lead_start(lines: Lines, first: int, lo: int) -> int:
    """Walk up from the first prose line over title/byline/date lines (not menu items)."""
    start = first
    taken = 0
    i = first - 1
    while i >= lo and taken < MAX_LEAD_LINES:
        s = lines.text[i]
        if s:
            if is_boilerplate_line(s) or s[:1] in "•·*▪◦●|" or len(s) > TITLE_MAX_CHARS:  # (s's first character is the line's first with ink)
                break
            start = i
            taken += 1
        i -= 1
    return start


def article_roles(lines: Lines, lo: int, hi: int, roles: list[str], title: str = "") -> tuple[int, int]:
    """Mark title / body lines in roles[lo:hi] (the rest stays boilerplate); return the article's line range."""
    clusters = _prose_clusters(lines, lo, hi)
    if not clusters:
        return lo, lo
    best = max(clusters, key=lambda c: c[2])
    keep = [c for c in clusters if c is best or c[2] >= SIDE_CLUSTER_SHARE * best[2]]
    text = lines.text
    # the article does not go on past a comment form or a comment-section header after it
    stop = next((i for i in range(best[1] + 1, keep[-1][1] + 1) if text[i] and is_comment_marker(text[i])), None)
    if stop is not None:
        keep = [c for c in keep if c[0] < stop]
    first_keep = keep[0]
    opening = _opening_before(lines, clusters, first_keep, lo)
    if opening is not None:
        first_keep = opening
    start = _lead_start(lines, first_keep[0], lo)
    end = keep[-1][1] + 1
    for i in range(start, end):
        s = text[i]
        # (is_comment_marker is asked about short lines only: a long one is never a marker, and caching
        # its verdict would cost more than the answer)
        if s and not is_boilerplate_line(s) and not (len(s) < 120 and is_comment_marker(s)) and not (len(s) <= 12 and chrome_line(s)):
            roles[i] = "body"
    if opening is not None:
        for i in range(opening[1] + 1, keep[0][0]):
            roles[i] = "boilerplate"  # (the photo, its caption, a box of related links between)
    _spread_boxes(lines, start, end, roles)
    _drop_link_lists(lines, start, end, roles)
    _mark_title(lines, start, end, roles, title)
    if not title.strip():
        _retitle_by_text(lines, start, end, roles)
        if "title" not in roles[start : min(end, start + TITLE_LEAD_LINES)]:
            over = _stamped_headline_over(lines, lo, start, end, roles)
            if over is not None:
                roles[over] = "title"
    return start, end


def _stamped_headline_over(lines: Lines, lo: int, start: int, hi: int, roles: list[str]) -> int | None:
    """The first headline over its post's stamp and text (see _stamped_headline) above the
    article's span, or None: a short post (a photo's few words under its headline and byline) is
    no run of prose, and the span read as the article is a sidebar's; the post's headline is still
    the page's."""
    text = lines.text
    for i in range(lo, start):
        s = text[i]
        if not s or opens_with_bullet(s) or roles[i] != "boilerplate" or lines.indent[i] > 0 or len(s) > TITLE_MAX_CHARS:
            continue
        # (a stamp holds a date or a time, on the headline's line or one of the two lines with text
        # under it: asked first, it spares the full reading of most of a menu's and a sidebar's lines)
        j = next_nonblank(lines, i, 2)
        k = next_nonblank(lines, j, 2) if j is not None else None
        if not has_digit(s) and (j is None or not has_digit(text[j])) and (k is None or not has_digit(text[k])):
            continue
        if _stamped_headline(lines, i, hi):
            return i
    return None


# A run of at least this many bullet items, most of them short labels, is a menu or a link list.
LINK_LIST_ITEMS: Final = 4
LINK_LIST_SHARE: Final = 0.75
LINK_ITEM_CHARS: Final = 50


# Lines with text between an article's opening paragraphs and the rest of its text read over (a
# photo's caption and credit, a box of a few related links).
OPENING_GAP_LINES: Final = 12
# Lines with text over a run of prose looked through for its byline.
OPENING_BYLINE_LOOK: Final = 4


def _opening_before(lines: Lines, clusters: list[tuple[int, int, int]], first: tuple[int, int, int], lo: int) -> tuple[int, int, int] | None:
    """The run of prose right before `first` when it opens the article: headed by a byline or
    its post's stamp ("By Jo Lake", "Posted May 4 / By Jo"), parted from `first` by at most
    OPENING_GAP_LINES short lines, none of them a closing line or a comment marker; or None.

    An article's opening paragraphs under its headline and byline, then a photo with its caption
    or a box of related links, then the rest of its text: the biggest run is the rest."""
    k = clusters.index(first)
    if k == 0:
        return None
    c = clusters[k - 1]
    text = lines.text
    gap = [i for i in range(c[1] + 1, first[0]) if text[i]]
    if len(gap) > OPENING_GAP_LINES or any(closes_article(text[i]) or len(text[i]) < 120 and is_comment_marker(text[i]) for i in gap):
        return None
    # (a run headed by its own byline is an article's start itself: the run over it is a sidebar's)
    return c if _bylined(lines, c[0], lo) and not _bylined(lines, first[0], c[1] + 1) else None


def _bylined(lines: Lines, i: int, lo: int) -> bool:
    """Whether a byline or a post's stamp sits in the OPENING_BYLINE_LOOK lines with text over line i (from lo)."""
    for j in nonblank_above(lines, i, OPENING_BYLINE_LOOK):
        if j < lo:
            break
        if reads_as_byline(_byline_core(lines, j)) or _post_stamp_text(lines.text[j]) == "by":
            return True
    return False


def _drop_link_lists(lines: Lines, lo: int, hi: int, roles: list[str]) -> None:
    """Runs of short bulleted labels inside the article's span (menus, related links) are not its text.

    An article's own lists hold sentences or at least phrases that end like them; a menu holds labels.
    """
    text = lines.text
    i = lo
    while i < hi:
        s = text[i]
        if not s or not opens_with_bullet(s):
            i += 1
            continue
        run = []
        j = i
        while j < hi:
            t = text[j]
            if not t:
                j += 1
                continue
            if not opens_with_bullet(t):
                break
            run.append(j)
            j += 1
        if len(run) >= LINK_LIST_ITEMS:
            labels = sum(1 for k in run if len(text[k]) < LINK_ITEM_CHARS and not ends_sentence(text[k]))
            if labels >= LINK_LIST_SHARE * len(run):
                for k in run:
                    roles[k] = "boilerplate"
        i = j


def _spread_boxes(lines: Lines, lo: int, hi: int, roles: list[str]) -> None:
    """Short label lines glued to a boilerplate line (no blank between) are part of its box."""
    for i in range(lo, hi):
        if roles[i] != "boilerplate" or not lines.text[i]:
            continue
        for j in (i - 1, i + 1):
            if lo <= j < hi and roles[j] == "body":
                s = lines.text[j]
                if s and len(s) < 60 and not ends_sentence(s):
                    roles[j] = "boilerplate"


# Navigation that opens a page's text and is never its title: skip and jump links, breadcrumbs
# ("Home > U.S.", "News » World"), a row of three or more labels ("Jo | 3 Comments | Permalink"),
# a call to subscribe or sign in.
NAV_LINE: Final = re.compile(
    r"\b(?:skip to|jump to|you are here|navigation|main menu|subscribe|sign (?:in|up)|log ?in|register)\b"
    r"|^\W*(?:home|start|front page)\s*[>»›/|]"
    r"|[|>»›→](?:[^|>»›→]*[|>»›→]){1,}",
    re.I,
)


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_IS_NAV_LINE_CACHE: Final[dict[str, bool]] = line_dict()


def is_nav_line(s: str) -> bool:
    """NAV_LINE.search(s) is not None, without the search on most lines.

    A match needs one of the signs its breadcrumbs and label rows are made of, or one of its words;
    where a line holds neither (its lower case holds none of the words: IGNORECASE reads it as
    `str.lower` does, see folds_like_lower), sre need not try the pattern at each of its characters.
    """
    known = _IS_NAV_LINE_CACHE.get(s)
    if known is None:
        known = _IS_NAV_LINE_CACHE[s] = _is_nav_line_uncached(s)
    return known


def _is_nav_line_uncached(s: str) -> bool:
    if (
        "|" not in s
        and ">" not in s
        and "»" not in s
        and "›" not in s
        and "→" not in s
        and "/" not in s
        and folds_like_lower(s)
    ):
        low = lower_of(s)  # (shared with the line's other readers: is_boilerplate_line lower-cased most)
        if not (
            "skip to" in low
            or "jump to" in low
            or "you are here" in low
            or "navigation" in low
            or "main menu" in low
            or "subscribe" in low
            or "sign " in low
            or "log" in low
            or "register" in low
        ):
            return False
    return NAV_LINE.search(s) is not None


# A row of a page's buttons reads like a short title ("Email this story Save it", "Tweet Email",
# "Follow the desk"): the words of sharing and following, and the small words between them.
_BUTTON_ACTIONS: Final = frozenset(
    "share shares pin like tweet tweets follow stumble stumbleupon digg email e-mail print save "
    "recommend send subscribe reddit facebook twitter google +1 linkedin pinterest tumblr whatsapp "
    "connect".split()
)
_BUTTON_FILLER: Final = frozenset("this page it on us via the to a with by and or our story article post".split())
_BUTTON_WORD: Final = re.compile(r"\+1|[\w'’-]+")


def _button_words(low: str) -> list[str]:
    """_BUTTON_WORD.findall(low), read by code points: left to right, a "+1", else a run of word
    characters (see _button_char). (Compiled, the loop costs about a third of sre's findall, which
    sets a match up at each word of the short lines the title readings ask.)"""
    words: list[str] = []
    n = len(low)
    k = 0
    while k < n:
        code = ord(low[k])
        if code == 43 and k + 1 < n and ord(low[k + 1]) == 49:
            words.append("+1")
            k += 2
        elif _button_char(code, low, k):
            end = k + 1
            while end < n and _button_char(ord(low[end]), low, end):
                end += 1
            words.append(low[k:end])
            k = end
        else:
            k += 1
    return words


def _button_char(code: int, low: str, k: int) -> bool:
    """Whether low[k] (its code point `code`) is one of _BUTTON_WORD's word characters, [\\w'’-]: a
    word character is one `str.isalnum` holds for (sre's \\w on a text) or "_"."""
    if code < 128:
        return 97 <= code <= 122 or 48 <= code <= 57 or 65 <= code <= 90 or code == 95 or code == 39 or code == 45
    return code == 0x2019 or low[k].isalnum()


# "Go to Shopfront", "Follow jo": a link's verb over a name of at most this many words.
LINK_NAME_WORDS: Final = 1


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_BUTTON_ROW_CACHE: Final[dict[str, bool]] = line_dict()


def button_row(s: str) -> bool:
    """Whether a short line is a row of buttons or a link to follow (see _BUTTON_ACTIONS), no headline."""
    known = _BUTTON_ROW_CACHE.get(s)
    if known is None:
        known = _BUTTON_ROW_CACHE[s] = _button_row_uncached(s)
    return known


def _button_row_uncached(s: str) -> bool:
    words = _button_words(s.lower())
    if len(s) <= 60 and s not in _SHORT_SHARE_ROW_CACHE and not _glued(s):
        # (the share row's reading of a short line holding no glued words reads these same words:
        # most lines asked the one are asked the other, each finding the words afresh)
        _SHORT_SHARE_ROW_CACHE[s] = _share_row_of_words(words)
    return _button_row_of_words(words)


def _button_row_of_words(words: list[str]) -> bool:
    """button_row of a line whose _button_words are `words`."""
    if not words or len(words) > 8:
        return False
    if words[0] in ("follow", "share") and len(words) <= 1 + LINK_NAME_WORDS or words[:2] == ["go", "to"] and len(words) <= 2 + LINK_NAME_WORDS:
        return True
    actions = sum(w in _BUTTON_ACTIONS for w in words)
    return actions >= 2 and all(w in _BUTTON_ACTIONS or w in _BUTTON_FILLER for w in words)


# A title has at least this many words (a lone month, "Oct", or a one-word label is not one).
TITLE_MIN_WORDS: Final = 2
# Non-blank lines above the article looked through for its title when its lead has none.
TITLE_LOOK_ABOVE: Final = 3


# The links of a site's own menu, printed as one row with no separator ("About Contact Archive
# RSS"): a row holding at least SITE_LINKS of them, and at least half its words, is no headline.
_SITE_LINKS: Final = frozenset(
    "home about contact archive archives rss feed submit store shop faq advertise privacy terms login "
    "register search help sitemap subscribe newsletter".split()
)
SITE_LINKS: Final = 3


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_SITE_LINKS_ROW_CACHE: Final[dict[str, bool]] = line_dict()


def site_links_row(s: str) -> bool:
    """Whether a line is a row of a site's menu links (see _SITE_LINKS)."""
    known = _SITE_LINKS_ROW_CACHE.get(s)
    if known is None:
        known = _SITE_LINKS_ROW_CACHE[s] = _site_links_row_uncached(s)
    return known


def _site_links_row_uncached(s: str) -> bool:
    words = _letter_runs(s.lower())
    n = sum(w in _SITE_LINKS for w in words)
    return n >= SITE_LINKS and 2 * n >= len(words)


def _title_like(lines: Lines, i: int) -> bool:
    """Whether line i reads as a headline: short, not a sentence, not navigation, a byline or a date."""
    t = lines.text[i]
    known = _TITLE_LIKE_TEXT_CACHE.get(t)
    if known is None:
        known = _TITLE_LIKE_TEXT_CACHE[t] = _title_like_text(t)
    if not known:
        return False
    s = untallied(t)
    # "  3. Gulls nest on the pier": an item of a numbered list set in (a sidebar's top stories)
    return not (s[0].isdigit() and lines.indent[i] > 0 and _LIST_NUMBER.match(s))


# (_title_like's readings of the line's text alone, cached: the title readings ask it of the same
# lines over the article, and menus repeat from page to page; each reading only says False, so the
# one of the line's indent, left to _title_like, may come after them)
_TITLE_LIKE_TEXT_CACHE: Final[dict[str, bool]] = line_dict()


def _title_like_text(t: str) -> bool:
    s = untallied(t)
    if len(s) > TITLE_MAX_CHARS or is_prose(s) or s.endswith((".", ":")) or s[0] in BULLETS or s.count(" ") < TITLE_MIN_WORDS - 1:
        return False
    # (each test only says False: the cheap ones first, the readings of the line's words after them)
    if s[:3].lower() == "by " or unicodedata.category(s[0])[0] == "S" or _DATELINE_START.match(s):
        return False  # a byline, "← Where Next?" (a pager link), "Posted on May 2" (a dateline)
    digit = has_digit(s)
    if digit and _time_of_day(s) or _tally_in(s, digit):
        return False  # a dateline ("9:05am, EDT", "May 2 • 23 Comments")
    if is_nav_line(s) or chrome_line(s) or button_row(s) or _dotted_menu(s) or site_links_row(s):
        return False
    return not photo_credit(s)


# A widget's label set before the headline of another post it promotes ("Trending: Gulls Return",
# "Most Read – Pier Reopens", "Featured: Ten Knots to Know"), right over the page's own headline: a
# teaser, not the page's headline. (Alone over a byline, such a label heads the page's own post.)
_TEASER_LABEL: Final = re.compile(
    r"(?i)^(?:featured|trending(?: now)?|sponsored|promoted|popular|recommended|related|latest|"
    r"most (?:read|popular|viewed|shared|commented)|top stories|editor'?s picks?|don'?t miss)\s*(?:[:–—|»]|-\s)"
)


_DATELINE_START: Final = re.compile(r"(?i)^(?:posted|published|updated|filed)\b")
_LIST_NUMBER: Final = re.compile(r"\d{1,2}\.\s")
# (`\b\d+\s+(?:comments?|...)\b`, written digit first, the word boundary before it looked behind
# at: sre skips to the digits of a line instead of trying every position; the same matches)
_TALLY_IN: Final = re.compile(r"(?i)\d(?<!\w\d)\d*\s+(?:comments?|responses?|replies)\b")
# A comment count a headline ends with, set right after its last word ("Gulls Are Back 12
# Comments"): a dateline sets its count off with a separator ("May 2 • 12 Comments").
_TALLY_TAIL: Final = re.compile(r"(?i)(?<=[\w?!)’'\"”])\s+\d[\d,]*\s+(?:comments?|responses?|replies)$")
# A bare number a headline ends with ("Gulls Are Back 12"), read as its comment count when the
# page spells that count out ("12 comments", "100 of 12 comments loaded").
_NUMBER_TAIL: Final = re.compile(r"(?<=[\w?!)’'\"”])\s+(\d[\d,]*)$")


def untallied(s: str) -> str:
    """A line without the comment count its headline ends with ("Gulls Are Back 12 Comments" ->
    "Gulls Are Back"), or the line itself when it ends in none or too little is left to be a
    headline (CUT_MIN_WORDS)."""
    if not s or not s[-1] in "sS" or not has_digit(s):
        return s
    m = _TALLY_TAIL.search(s)
    if m is None:
        return s
    head = s[: m.start()]
    return head if head.count(" ") >= CUT_MIN_WORDS - 1 else s


def title_without_tally(title: str, page: str) -> str:
    """A title without the comment count it ends with: a worded one ("... 12 Comments"), or a bare
    number the page spells out as its comment count elsewhere ("... 12" over "12 comments"), and
    without a stamp printed after it on its line (see stamp_tail)."""
    cut = stamp_tail(title) if title else None
    if cut is not None:
        title = title[:cut]
    head = untallied(title)
    if head != title:
        return head
    m = _NUMBER_TAIL.search(title) if title[-1:].isdigit() else None
    if m is None or title[: m.start()].count(" ") < CUT_MIN_WORDS - 1:
        return title
    return title[: m.start()] if _spelled_count(page, m.group(1)) else title


# The words of a comment count after its number ("12 comments", "3 Replies").
_COUNT_WORDS: Final = re.compile(r"(?i)\s+(?:comments?|responses?|replies)\b")


def _spelled_count(page: str, count: str) -> bool:
    """Whether the page prints `count` (figures and commas) as a comment count: the figures with none
    before them (no figure, no comma), then _COUNT_WORDS. (The search a pattern made of the count
    would make, without making one a page: each place the figures stand is found by a C search.)"""
    k = page.find(count)
    while k >= 0:
        if (k == 0 or not (page[k - 1] == "," or page[k - 1].isdecimal())) and _COUNT_WORDS.match(page, k + len(count)) is not None:
            return True
        k = page.find(count, k + 1)
    return False


_TIME_OF_DAY: Final = re.compile(r"\d{1,2}:\d{2}|\b(?:19|20)\d\d\b\s*$")
_TIME_OF_DAY_GATE: Final = LiteralGate(_TIME_OF_DAY)


def _time_of_day(s: str) -> bool:
    """_TIME_OF_DAY.search(s) is not None, not searched where `s` holds none of the literals every
    match holds (read from the pattern by its gate: a clock's colon, a year's first two figures)."""
    return _TIME_OF_DAY_GATE.admits(s) and _TIME_OF_DAY.search(s) is not None


def _tally_in(s: str, digit: bool) -> bool:
    """_TALLY_IN.search(s) is not None, where `digit` is has_digit(s): every match opens with a
    figure (its `\\d`), so an ASCII line holding no ASCII digit holds none (beyond ASCII, `\\d`
    reads other scripts' figures too, and the pattern alone says)."""
    return (digit or not s.isascii()) and _TALLY_IN.search(s) is not None


# A photo's caption ends on its credit: "... in May. Photo: Jo Lake", "... (Jo Lake/Harbour News/AP
# Photo)", "(AP Photo/Jo Lake)", or is the credit alone ("Illustration by Jo Lake"). Set between a
# headline and its byline, or over the text under a share row, it is no headline, whatever its case.
_PHOTO_CREDIT: Final = re.compile(
    r"(?i)(?:[.!?)]\s+(?:photo(?:graph)?|picture|image|illustration)s?\s*(?:by\b|:)\s*[^.!?:]{2,60}$"
    r"|^(?:photo(?:graph)?|picture|image|illustration)s?\s+by\s+[^.!?:]{2,60}$"
    r"|\([^()]*[/—–][^()]*\b(?:photos?|images|pictures)\)$"
    r"|\([^()]{0,20}\bphoto\s*/[^()]{2,60}\)$)"
)
_CREDIT_WORDS: Final = ("hoto", "HOTO", "mage", "MAGE", "ictur", "ICTUR", "llustr", "LLUSTR")


def photo_credit(s: str) -> bool:
    """Whether a line is a photo's caption told by its credit (see _PHOTO_CREDIT)."""
    for w in _CREDIT_WORDS:  # (a loop over the tuple: compiled, `any` over a generator made one a call)
        if w in s:
            return _PHOTO_CREDIT.search(s) is not None
    return False


# A line shorter than this that reads as a sentence but holds navigation's signs is a call to
# subscribe or a row of links ("Why subscribe? Subscribe via: ( Email / Feed )"), not the text's start.
NAV_PROSE_CHARS: Final = 90


# Lines of the article's top looked through for a headline over its byline when the text seems to
# begin over it.
BYLINE_LEAD_LINES: Final = 12


# A page's given title (its <title> or og:title, a table's title column) often joins the headline
# and the site's name, or its section's ("Gulls return | Quay Weekly", "Quay Weekly: Gulls return",
# "Gulls return - Coast | Quay Weekly"), where the page prints only the headline over its article.
# The title is cut into parts at the separators sites join them with; the headline is a run of
# them (a headline may hold a colon itself: "Gulls: a return | Quay Weekly").
_TITLE_PARTS: Final = re.compile(r"\s+(?:[|«»•·~–—-]|::)\s+|:\s+")
# Lines of the article's lead looked through for the title (given, or a headline-like line).
TITLE_LEAD_SCAN: Final = 12


def _folded(s: str) -> str:
    return " ".join(s.casefold().split())


# (its verdicts cached in a dict it reads itself: see caches.line_dict; a page with a given title
# reads its runs twice, for the line printing one and for the title kept)
_TITLE_RUNS_CACHE: Final[dict[str, dict[str, tuple[str, bool]]]] = line_dict()


def title_runs(title: str) -> dict[str, tuple[str, bool]]:
    """The runs of the given title's parts short of the whole, by their folded form (case and
    spaces), each with whether it may be the headline: no part left out is longer (in words: a
    site's or a section's name is short beside a headline; where both are short, either may be
    the headline). {} when the title has one part. (Cached: not to be changed by its readers.)"""
    known = _TITLE_RUNS_CACHE.get(title)
    if known is None:
        known = _TITLE_RUNS_CACHE[title] = _title_runs_uncached(title)
    return known


def _title_runs_uncached(title: str) -> dict[str, tuple[str, bool]]:
    cuts = [(m.start(), m.end()) for m in _TITLE_PARTS.finditer(title)]
    if not cuts:
        return {}
    starts = [0] + [e for _, e in cuts]
    ends = [s for s, _ in cuts] + [len(title)]
    words = [len(title[a:b].split()) for a, b in zip(starts, ends)]
    runs: dict[str, tuple[str, bool]] = {}
    for a in range(len(starts)):
        for b in range(a, len(ends)):
            run = title[starts[a] : ends[b]].strip()
            if (a, b) != (0, len(ends) - 1) and run:
                runs[_folded(run)] = (run, len(run.split()) >= max(words[:a] + words[b + 1 :]))
    return runs


def _printed_part(lines: Lines, hi: int, wanted: str) -> int | None:
    """The line printing a run of the given title's parts as the page's headline, or None (the
    title printed whole, no run printed over the comments, or the one printed a site's name).
    Of the runs printed, the headline is the one the page prints first the latest: the site's
    name is in the masthead, over the headline."""
    runs = title_runs(wanted)
    if not runs:
        return None
    whole = _folded(wanted)
    first: dict[str, int] = {}
    for i, s in enumerate(lines.text):
        if s and len(s) <= len(wanted) + 8:  # (a run is no longer than the title, but for spaces)
            f = _folded(s)
            if f == whole:
                return None
            if f in runs and f not in first:
                first[f] = i
    if not first:
        return None
    latest = max(first, key=first.__getitem__)
    i = first[latest]
    return i if i < hi and runs[latest][1] else None


def headline_of_title(given: str, marked: str) -> str:
    """The page's title: the given one, or the run of it the page prints as its headline (`marked`,
    the line marked as the title; see _printed_part)."""
    run = title_runs(given).get(_folded(marked)) if marked and marked != given else None
    return run[0] if run is not None and run[1] else given  # (as the title spells it: a line may hold odd spaces)


def _mark_title(lines: Lines, lo: int, hi: int, roles: list[str], title: str) -> None:
    """Mark the article's title line: the given title, or the first headline-like line of its lead.

    The lead (the lines above the first prose line) may open with navigation (skip links,
    breadcrumbs), which is then page furniture, and with a byline or a date, which is not the
    title. A lead without a headline takes one from the few lines right above the article, else
    the nearest headline over a byline further up (see _headline_over_byline_above).
    """
    wanted = title.strip()
    text = lines.text
    if not wanted:
        # A headline told by what follows it (a byline, or the text it was cut from) wins over a
        # headline-like line above it: a lead reads site furniture ("Advertise on NYTimes.com",
        # "TOP PHOTOS"), then headline, byline, text, and the furniture comes first.
        for i in range(lo, min(hi, lo + 12)):
            s = text[i]
            if not s or roles[i] != "body":
                continue
            # (what follows it asked first: most lines of a lead are over no byline and cut from no
            # text, and the headline's own reading is dear on its first asking)
            if (_over_byline(lines, i, hi) or _cut_from_text(lines, i, hi)) and _reads_as_headline(s):
                roles[i] = "title"
                # what reads as another headline above it is the site's furniture (its name, a
                # link); a dateline there is the article's own
                for k in range(lo, i):
                    if roles[k] == "body" and text[k] and not is_prose(text[k]) and _reads_as_headline(text[k]):
                        roles[k] = "boilerplate"
                return
            if is_prose(s):
                break
        # a headline the page's breadcrumb repeats ("Home > Statistics > <headline>" over it), even
        # under a first run of prose (a site's welcome note) or reading as a sentence itself
        crumbed = _crumbed_headline(lines, lo, hi, roles)
        if crumbed is not None:
            i, crumb = crumbed
            roles[i] = "title"
            # the trail is navigation, as is any other navigation line of the lead over the headline
            for k in range(lo, i):
                if roles[k] == "body" and text[k] and (k == crumb or is_nav_line(text[k])):
                    roles[k] = "boilerplate"
            return
        dated = _dated_headline(lines, lo, hi, roles)
        if dated is not None:
            i, date = dated
            roles[i] = "title"
            # (what the lead holds over the date is the blog's masthead: its name, its tagline)
            for k in range(lo, date):
                if roles[k] == "body" and text[k]:
                    roles[k] = "boilerplate"
            return
        stamped = _headline_over_stamp(lines, lo, hi, roles)
        if stamped is not None:
            roles[stamped] = "title"
            # (what reads as another headline over it is a widget's heading or a teaser, as above)
            for k in range(lo, stamped):
                if roles[k] == "body" and text[k]:
                    roles[k] = "boilerplate"
            return
    candidates: list[int] = []  # headline-like lines of the lead, top down
    for i in range(lo, min(hi, lo + TITLE_LEAD_SCAN)):
        s = text[i]
        if not s:
            continue
        if wanted:
            if s == wanted:
                roles[i] = "title"
                return
            continue
        if not candidates and roles[i] == "body" and (_cut_from_text(lines, i, hi) or _over_byline(lines, i, hi)):
            roles[i] = "title"
            return
        if is_prose(s) and not (len(s) < NAV_PROSE_CHARS and roles[i] == "body" and is_nav_line(s)):
            if (not candidates or _teaser_over(lines, candidates, i)) and roles[i] == "body" and _long_headline(s):
                roles[i] = "title"
                return
            break  # (the article's text has begun)
        if roles[i] != "body":
            continue
        if is_nav_line(s):
            roles[i] = "boilerplate"
            continue
        if _title_like(lines, i):
            candidates.append(i)
    if wanted:
        printed = _printed_part(lines, hi, wanted)
        if printed is not None:
            roles[printed] = "title"
        return
    if candidates:
        roles[_headline_of(lines, candidates, hi)] = "title"
        return
    # (a headline over its byline under a first run of prose: a blog's welcome note over the post)
    for i in range(lo, min(hi, lo + BYLINE_LEAD_LINES)):
        s = text[i]
        if s and roles[i] == "body" and not is_prose(s) and _over_byline(lines, i, hi) and _reads_as_headline(s):
            roles[i] = "title"
            return
    seen = 0
    for i in range(lo - 1, max(-1, lo - 1 - 4 * TITLE_LOOK_ABOVE), -1):
        s = text[i]
        if not s:
            continue
        seen += 1
        if seen > TITLE_LOOK_ABOVE or roles[i] != "boilerplate" or lines.indent[i] > 0:
            break  # (an indented line is an item of a list or a menu)
        if _title_like(lines, i) and not is_boilerplate_line(s):
            roles[i] = "title"
            return
    # (a headline right over the text comes first: a headline over a byline further up may be a
    # sidebar's post, the page's own headline over its date and tags being the nearer one)
    over = _headline_over_byline_above(lines, lo, roles)
    if over is not None:
        roles[over] = "title"


# A title the article's text does not talk about (a share row, a widget's heading, the site's
# name) gives way to a headline the text does talk about, over the article (or in its lead): a
# title keeps its place when the text repeats any of its words (KEEP_SHARE); a line over it
# takes the place with at least RETITLE_SHARE of its words (and RETITLE_WORDS of them) in the text.
KEEP_SHARE: Final = 0.01
RETITLE_SHARE: Final = 0.5
RETITLE_WORDS: Final = 3
# Non-blank lines over the article looked through for such a headline.
RETITLE_REACH: Final = 40
# The page's top down to this many lines into the article is where the chosen title is looked for
# (it sits over the article, or in its lead when the lead carries the headline).
TITLE_LEAD_LINES: Final = 40


def _indent(lines: Lines, i: int) -> int:
    """len(raw) - len(raw.lstrip()) of line i, read by Lines.begin (lines.raw is made only if asked)."""
    return lines.begin(i) - lines.starts[i]


def _tag_case(s: str) -> bool:
    """Whether a line's words after the first are cased as tags are: most capitalised, some not
    ("Harbour Ferries commuting Transit Board"); a headline capitalises all of them (Title Case)
    or only its names (a sentence's case)."""
    words = [w for w in _letter_runs(s)[1:] if len(w) >= 4 and w.lower() not in _SMALL_WORDS]
    capped = sum(any(ch.isupper() for ch in w) for w in words)
    return 0 < len(words) - capped < capped


def _repeats_a_word(s: str) -> bool:
    words = [w for w in _letter_runs(s.lower()) if w not in _SMALL_WORDS]
    return len(set(words)) < len(words)


def _retitle_by_text(lines: Lines, lo: int, hi: int, roles: list[str]) -> None:
    """Put the title on the headline the text talks about when the chosen one is not (see KEEP_SHARE)."""
    text = lines.text
    cur = next((i for i in range(min(hi, lo + TITLE_LEAD_LINES)) if roles[i] == "title"), None)
    body = _text_lines(lines, lo, hi, roles)
    if cur is not None and _words_repeated(_content_words(text[cur]), body):
        return  # (the title's words are in the text: it keeps its place, and the text's other words are not read)
    # (the title's share of the text's words is now known to be under KEEP_SHARE)
    if cur is not None and _stamped_headline(lines, cur, hi):
        return  # (a headline over its post's stamp is the post's, whatever its words)
    # The text's lines are lower-cased when a line is first weighed against them: most pages weigh
    # none. A line's words are looked for in them (_words_in), not the text's words read.
    body_lows: list[str] | None = None
    first_prose = next((j for j in range(lo, hi) if text[j] and is_prose(text[j]) and not _dotted_menu(text[j])), hi)
    indent = _indent(lines, first_prose) if first_prose < hi else 0
    pool = [i for i in range(lo, first_prose) if text[i] and roles[i] == "body"]
    if first_prose < hi and roles[first_prose] == "body" and _long_headline(text[first_prose]):
        pool.append(first_prose)  # (a headline long enough to read as prose opens the text)
    question = first_prose < hi and roles[first_prose] == "body" and _question_headline(text[first_prose])
    after_lows: list[str] = []
    if question:
        pool.append(first_prose)  # (a headline that asks opens the text: "Has the Ferry Lost Its Way?")
        after_lows = _lowered(_text_lines(lines, first_prose + 1, hi, roles))  # (what the text under it says)
    pool += [i for i in nonblank_above(lines, lo, RETITLE_REACH) if roles[i] == "boilerplate"]
    best, best_share, best_after = None, 0.0, False
    for i in pool:
        s = text[i]
        if i == cur or _indent(lines, i) > indent or len(s) > TITLE_MAX_CHARS or s[0] in BULLETS:
            continue  # (a line set in from the text is an item of a list or a menu)
        words = _content_words(s)
        if len(words) < RETITLE_WORDS:
            continue  # (the words it shares with the text are some of these: too few to take the place)
        # (the words it shares with the text weighed before the dear readings of the line: each of
        # those only passes it over, and most lines over an article share too few of its words)
        if body_lows is None:
            body_lows = _lowered(body)
        after = question and i == first_prose
        n = len(_words_in(words, after_lows if after else body_lows))
        share = n / len(words)
        if not (n >= RETITLE_WORDS and share >= RETITLE_SHARE and share > best_share):
            continue
        if not ((_title_like(lines, i) or i == first_prose) and _reads_as_headline(s)) or _link_or_sentences(s) or is_boilerplate_line(s):
            continue
        if not (s[0].isupper() or s[0].isdigit() or s[0] in "'‘\"“") or "|" in s or _repeats_a_word(s):
            continue  # (a row of tags: "garden tips garden", "Shed roofs shed")
        if (s.isupper() or _tag_case(s)) and not _reads_as_phrase(s) and _line_under(lines, i) == "dateline":
            continue  # (a row of tags over the date, "Garden Tips pruning Shed Roofs", or a label in capitals)
        if reads_as_byline(lines.core[i]) or has_digit(s) and read_header(lines.core[i]) is not None:
            continue  # (a byline or a dateline repeats the writer's and the paper's names)
        best, best_share, best_after = i, share, after
    if best is None:
        return
    if best_after and not any(_content_words(t) for t in body):
        # (a text without words leaves the title where it is: a line weighed against the text
        # shares none of them, and only the question weighed against the text under it can win)
        return
    if cur is not None:
        roles[cur] = "boilerplate"
    roles[best] = "title"


# A headline that asks ("Has the Ferry Lost Its Way?") reads as a sentence: one line, at most this long.
QUESTION_HEADLINE_CHARS: Final = 100


def _question_headline(s: str) -> bool:
    """Whether a line could be a headline that asks or exclaims: one short sentence ending in "?" or "!",
    opening with a capital or a figure, holding no link and no other sentence."""
    if len(s) > QUESTION_HEADLINE_CHARS or s[-1] not in "?!" or not (s[0].isupper() or s[0].isdigit()):
        return False
    body = s.rstrip("?!")
    return "? " not in body and "! " not in body and ". " not in body and not _link_or_sentences(s)


# Lines of the lead looked through for a headline its breadcrumb repeats, and non-blank lines over
# such a headline looked through for the breadcrumb.
CRUMB_LEAD_LINES: Final = 12
CRUMB_REACH: Final = 4
# Where a breadcrumb's last item starts: after one of these ("Home / Post", "Blog . Section . Post").
_CRUMB_SEPARATORS: Final = frozenset("/>»›|.:→-–—·•")


def _crumbed_headline(lines: Lines, lo: int, hi: int, roles: list[str]) -> tuple[int, int] | None:
    """(the lead's line that a line right over it ends with, after a breadcrumb's separator, that
    line) ("Home / Ferry Fares Frozen for Winter" over "Ferry Fares Frozen for Winter"), or
    None: a page names its article in the trail of links over it and again as its headline."""
    text = lines.text
    for i in range(lo, min(hi, lo + CRUMB_LEAD_LINES)):
        s = text[i]
        if not s or roles[i] != "body" or len(s) > TITLE_MAX_CHARS or s.count(" ") < CUT_MIN_WORDS - 1 or s[0] in BULLETS:
            continue
        for j in nonblank_above(lines, i, CRUMB_REACH):
            t = text[j]
            if len(t) > len(s) and t.endswith(s) and t[: -len(s)].rstrip()[-1:] in _CRUMB_SEPARATORS:
                return i, j
    return None


# Lines with text of the article's top looked through for a headline under a bare date, even under
# a first run of prose (a blog's tagline over its posts).
DATED_LEAD_LINES: Final = 20


def _bare_date(lines: Lines, j: int) -> bool:
    """Whether line j is a date with no name ("Sunday, May 3, 2020", "03/05/2020")."""
    t = lines.text[j]
    if len(t) > DATELINE_MAX_CHARS or not has_digit(t):
        return False
    h = read_header(lines.core[j])
    return h is not None and not h.author


def _talked_about_instead(lines: Lines, i: int, over: int, hi: int) -> bool:
    """Whether the text under line i repeats words of line i and none of line `over`'s (a blog's
    tagline over the date, the post's headline under it)."""
    words = _content_words(lines.text[over])
    if not words:
        return False
    lows = _lowered(_text_lines(lines, i + 1, hi))
    return not _words_in(words, lows) and bool(_words_in(_content_words(lines.text[i]), lows))


def _dek_over_text(lines: Lines, n: int, hi: int) -> bool:
    """Whether line n is a dek that ends in no stop right over the text ("Quell keeps the cup -
    two lengths clear of Lake" / the text): a phrase of CUT_MIN_WORDS words or more, no label row, no
    byline or dateline, the next line with text prose and longer."""
    t = lines.text[n]
    if len(t) > DEK_MAX_CHARS or t.count(" ") < CUT_MIN_WORDS - 1 or t[0] in BULLETS or _LABEL_ROW.match(t) or not _reads_as_headline_start(t):
        return False
    if is_nav_line(t) or chrome_line(t) or has_digit(t) and read_header(lines.core[n]) is not None:
        return False
    k = next_nonblank(lines, n, hi - n)
    return k is not None and k < hi and is_prose(lines.text[k]) and len(lines.text[k]) > len(t)


# A line of a post's icon alone ("★", "✎"): at most this many characters, no letter or figure.
GLYPH_CHARS: Final = 3


def _glyph(s: str) -> bool:
    """Whether a line is an icon alone (a star, a pen, a heart): no letter, figure or bullet."""
    return len(s) <= GLYPH_CHARS and s[0] not in BULLETS and not any(ch.isalnum() for ch in s)


def _dated_headline(lines: Lines, lo: int, hi: int, roles: list[str]) -> tuple[int, int] | None:
    """(a line of the article's top between a bare date (or a post's pager) and the text, that
    date's line), or None.

    Date, headline, text is how a blog heads each post ("Monday, May 4, 2020" / "Gulls Came
    Back" / the post): the line there is the headline even when it reads as a sentence ("The
    pier reopens. Bring a coat.") or is one word, and what sits over the date is the blog's
    masthead. A headline-like line right over the date makes the line under it a dek instead
    (headline, date, dek, text), and is left to the other readings."""
    text = lines.text
    seen = 0  # (lines with text: a renderer's runs of blank lines say nothing of how far in a line is)
    for i in range(lo, hi):
        s = text[i]
        if not s:
            continue
        seen += 1
        if seen > DATED_LEAD_LINES:
            break
        # (a headline glued under a date badge's short pieces is read as part of their box: such a
        # line is looked at whatever its role when it sits right under the badge, see below)
        if len(s) > TITLE_MAX_CHARS or s[0] in BULLETS or s.endswith(":") or roles[i] != "body" and (is_boilerplate_line(s) or i == 0 or not text[i - 1]):
            continue
        if not _reads_as_headline_start(s) or "://" in s:
            continue
        # (the date over the line first: most lines of a page's top sit under none, and the readings
        # of the line itself below, dear on their first asking, are then not needed; every test
        # here only turns a line away, so their order leaves the line found as it was)
        d = prev_nonblank(lines, i, 2)
        if d is not None and _glyph(text[d]):
            d = prev_nonblank(lines, d, 2)  # (date, "★", headline: the post's icon, printed on its own line)
        if d is None:
            continue
        paged = _post_pager(text[d])
        if roles[i] != "body":
            # (only right under a badge, no blank line between, and reading as a headline, not a time)
            if paged or d != i - 1 or not _reads_as_headline(s) or _date_badge(lines, d, lo) is None:
                continue
        if not paged and not (d >= lo and roles[d] == "body" and _bare_date(lines, d)):
            d = _date_badge(lines, d, lo) if d >= lo else None
            if d is None:
                continue
        if is_nav_line(s) or chrome_line(s) or button_row(s):
            continue
        if has_digit(s) and read_header(lines.core[i]) is not None:
            continue
        if _DATELINE_START.match(s) or _BYLINE_START.match(s) or reads_as_byline(lines.core[i]):
            continue  # (date, byline, text: the headline is over the date)
        n = next_nonblank(lines, i, hi - i)  # (however many blank lines part the headline from the text)
        if n is None or n >= hi:
            continue
        t = text[n]
        if not (is_prose(t) and len(t) > len(s) or reads_as_byline(lines.core[n]) or _over_byline(lines, n, hi) or not _LABEL_ROW.match(s) and _dek_over_text(lines, n, hi)):
            continue  # (the text, its byline, or a dek over the byline or over the text)
        if paged:
            return i, d
        over = prev_nonblank(lines, d, 2)
        if over is not None and reads_as_byline(lines.core[n]):
            return i, d  # (date, headline, byline: the line over the date is the blog's tagline, not a headline over a dek)
        if over is not None and not _post_pager(text[over]) and (_title_like(lines, over) and _reads_as_headline(text[over]) or read_header(lines.core[over]) is not None):
            if not is_prose(s) and read_header(lines.core[over]) is None and _talked_about_instead(lines, i, over, hi):
                return i, d  # (tagline, date, headline, text: the text repeats the headline's words, none of the tagline's)
            return None  # (headline, date, dek; or headline, name, date, time, share row)
        if over is not None and not _post_pager(text[over]) and _stamped_headline(lines, over, hi):
            return None  # (a headline that reads as a sentence over the date, its stamp: told by _headline_over_stamp)
        return i, d
    return None


# A post's stamp under its headline is at most this long ("Posted on May 5, 2020, 8:41 am, by Jo
# Lake, under Ferries, Gulls").
STAMP_MAX_CHARS: Final = 160
# How a stamp names its writer, or opens: "May 5, 2020 by Jo", "Posted on May 5", "By Jo on May 5".
_STAMP_BY: Final = re.compile(r"(?i)(?:^|[\s,.|·•])by\s*:?\s+\w")
_STAMP_OPEN: Final = re.compile(r"(?i)^(?:posted|published|updated|filed|written|by)\b")
# Lines of the article's top looked through for a headline over its stamp, and the prose (a site's
# welcome note, a sidebar's blurbs, set in the article's span) read on past before giving up.
STAMP_LEAD_LINES: Final = 40
STAMP_TEXT_CHARS: Final = 600
# Non-blank lines over the article's span looked through for a headline over its stamp.
STAMP_ABOVE_LINES: Final = 8
# Prose lines looked for under a stamp: a headline and its stamp head a post's text.
STAMP_TEXT_LOOK: Final = 6
# The words of a share row or a pager set between a headline and its stamp ("Tweet", "Previous 1 / 9 Next").
_PAGER_WORDS: Final = frozenset("previous next prev older newer".split())


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_POST_STAMP_TEXT_CACHE: Final[dict[str, str]] = line_dict()


def _post_stamp_text(t: str) -> str | None:
    """What kind of post's stamp a line reads as: "by", a date or a time (TIMESTAMP_RE) with the
    writer's name ("May 5, 2020 by Jo Lake") or after a dateline's word ("Posted on May 5, 2020");
    "date", a date alone ("Tuesday, May 5, 2020 | 4:10 PM"); None when it is no stamp."""
    # (one lookup: a line read as no stamp is kept as "", so a miss is the only None)
    found = _POST_STAMP_TEXT_CACHE.get(t)
    if found is None:
        found = _POST_STAMP_TEXT_CACHE[t] = _post_stamp_text_uncached(t) or ""
    return found or None


def _post_stamp_text_uncached(t: str) -> str | None:
    # (stamp_span: the stamp searched from the character before it, see patterns.stamp_span_low)
    if len(t) > STAMP_MAX_CHARS or not has_digit(t) or stamp_span(t, lower_of(t)) is None:
        return None
    if _STAMP_OPEN.match(t) or _STAMP_BY.search(t):
        return "by"
    h = read_header(t)
    return "date" if h is not None and not h.author and h.kind == "date" else None


# A share row's words glued together by the renderer ("Email ThisShare to Facebook"): split at
# each capital that follows a small letter or a "!".
_GLUED_WORDS: Final = re.compile(r"(?<=[a-z!])(?=[A-Z])")
# Where _GLUED_WORDS can part a line: the two characters its look-behind and look-ahead read.
_GLUED_PAIR: Final = re.compile(r"[a-z!][A-Z]")


def _glued(t: str) -> bool:
    """_GLUED_PAIR.search(t) is not None, read by code points: an ASCII small letter or a "!"
    right before an ASCII capital. (Compiled, a loop over a short line's code points costs a tenth
    of sre's search for the pair, a method call that tries the class at each character.)"""
    after_small = False
    for k in range(len(t)):
        code = ord(t[k])
        if 65 <= code <= 90 and after_small:
            return True
        after_small = 97 <= code <= 122 or code == 33
    return False
# A row holding at least this many share words, and at least half of its words, is a share row
# whatever its other words ("Email ThisPin It!Share to TumblrShare to Facebook").
SHARE_ROW_ACTIONS: Final = 3


def _share_row(t: str) -> bool:
    """A short row of share buttons or a pager ("Tweet", "Previous 1 / 9 Next", "Email This
    Share to Facebook"): set between a headline and its stamp, and never a headline itself."""
    return len(t) <= 60 and _short_share_row(t)


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_SHORT_SHARE_ROW_CACHE: Final[dict[str, bool]] = line_dict()


def _short_share_row(t: str) -> bool:
    """_share_row of a line of at most 60 characters (cached: five readers ask it of the lines
    around a headline)."""
    known = _SHORT_SHARE_ROW_CACHE.get(t)
    if known is None:
        known = _SHORT_SHARE_ROW_CACHE[t] = _short_share_row_uncached(t)
    return known


def _short_share_row_uncached(t: str) -> bool:
    # (_GLUED_WORDS parts a small letter or a "!" from a capital right after it: a line holding no such
    # pair is left as it is, and the pattern, tried at each of its characters, is not asked)
    if _glued(t):
        return _share_row_of_words(_button_words(_GLUED_WORDS.sub(" ", t).lower()))
    words = _button_words(t.lower())
    if t not in _BUTTON_ROW_CACHE:
        _BUTTON_ROW_CACHE[t] = _button_row_of_words(words)  # (the same words: see _button_row_uncached)
    return _share_row_of_words(words)


def _share_row_of_words(words: list[str]) -> bool:
    """_short_share_row of a line whose _button_words, after its glued words are parted, are `words`."""
    if not words:
        return False
    actions = sum(w in _BUTTON_ACTIONS for w in words)
    if actions >= SHARE_ROW_ACTIONS and 2 * actions >= len(words):
        return True
    return all(w in _BUTTON_ACTIONS or w in _BUTTON_FILLER or w in _PAGER_WORDS or w.isdigit() for w in words)


# A row of labels a blog prints under a post's date ("Labels: gulls, ferries", "Tags: pier").
_LABEL_ROW: Final = re.compile(r"^[A-Z][a-z]+:\s")
# Rows of labels or a byline read between a date and the text under it ("Labels: gulls",
# "Author: Jo Lake", "By Jo Lake").
STAMP_ROWS: Final = 2
_NAME_JOINERS: Final = re.compile(r",\s+|\s+(?:and|&)\s+")


def _names_line(s: str) -> bool:
    """Whether a line is the writers' names alone ("Ada Lake", "Ada Lake and Jo Marsh")."""
    return all(_bare_name(part) for part in _NAME_JOINERS.split(s))


def _phrase_words(s: str) -> bool:
    """Whether a line holds one of the small words a headline's phrase is made with and is not a
    label in capitals ("Gulls Return to the Pier", not "Harbour & Ferries" or "HARBOUR NEWS")."""
    letters = [ch for ch in s if ch.isalpha()]
    if letters and sum(ch.isupper() for ch in letters) >= _CAPS_SHARE * len(letters):
        return False
    return any(w in _SMALL_WORDS for w in _letter_runs(s.lower()))


# A stamp printed after the headline on its line ("Gulls Return to the Pier, Updated May 5, 2020
# at 9:41pm"): a dateline's word, then at most STAMP_TAIL_CHARS holding a date or a time.
_STAMP_TAIL: Final = re.compile(r"(?i)(?:^|[\s,|·•–-])(?:last\s+)?(?:updated|posted|published)\b")
_STAMP_TAIL_GATE: Final = LiteralGate(_STAMP_TAIL)
STAMP_TAIL_CHARS: Final = 60


# A year a headline ends with ("Harbour Regatta 2021"): with no day or month by it (TIMESTAMP_RE
# finds none), it names the event, and the stamp under the line tells it from a dateline.
_YEAR_TAIL: Final = re.compile(r"(?<=\w)\s+(?:19|20)\d\d$")


def stamp_tail(s: str) -> int | None:
    """Where the stamp printed after a headline on its line starts (see _STAMP_TAIL), or None: the
    headline before it has at least CUT_MIN_WORDS words."""
    if not has_digit(s):
        return None
    if folds_like_lower(s):
        # (every match holds one of its words, read from the pattern by its gate; IGNORECASE reads
        # such a line as `str.lower` does, see folds_like_lower: a line whose lower case holds none
        # is not searched)
        if not _STAMP_TAIL_GATE.admits_lower(lower_of(s)):
            return None
    m = None
    for m in _STAMP_TAIL.finditer(s):
        pass  # (the last dateline word of the line)
    if m is None or len(s) - m.end() > STAMP_TAIL_CHARS or stamp_span(s, lower_of(s), m.end()) is None:
        return None
    head = s[: m.start()].rstrip(" ,|·•–-")
    return len(head) if head.count(" ") >= CUT_MIN_WORDS - 1 else None


def _stamped_headline(lines: Lines, i: int, hi: int) -> bool:
    """Whether line i is a headline over its post's stamp (see _post_stamp_text), a share row
    or a pager perhaps between, and the post's text under them: headline, stamp, text."""
    text = lines.text
    s = text[i]
    if len(s) > TITLE_MAX_CHARS or s[0] in BULLETS or not _reads_as_headline_start(s):
        return False  # (asked again below of the headline cut from its stamp, which opens as the line does)
    tail = stamp_tail(s)
    core = lines.core[i]
    if tail is not None:
        s = core = s[:tail]  # (the headline with its stamp on its own line: the line is its headline)
    if s[0] in BULLETS or s.count(" ") < TITLE_MIN_WORDS - 1 or s.endswith(":") or " | " in s:
        return False  # (" | " parts a menu's links: "Tide Tables | Boat Hire")
    if s[-1] == "." and not s.endswith(_ELLIPSIS) or not _reads_as_headline_start(s):
        return False
    if s.endswith(_ELLIPSIS) and not s.rstrip(".…")[-1:].isspace():
        return False  # (a teaser cut short, "Gulls Return to the…"; a headline's own "…" is set apart)
    if s[0].isdigit() and lines.indent[i] > 0 and _LIST_NUMBER.match(s):
        return False  # (an item of a numbered list set in: a sidebar's top stories)
    # (the stamp under the line is looked for first, the readings of the line itself after it: most
    # lines of a page's top are over no stamp, and those readings are dear on their first asking;
    # each test only says False, so their order leaves the answer as it was)
    j: int | None
    kind: str | None
    if tail is not None:
        j, kind = i, "by"
    else:
        j = next_nonblank(lines, i, 2)
        if j is not None and j < hi and _share_row(text[j]):
            j = next_nonblank(lines, j, 2)
        if j is None or j >= hi:
            return False
        kind = _post_stamp_text(text[j])
    if kind is None and is_prose(text[j]) and len(text[j]) <= DEK_MAX_CHARS and text[j][-1] == "." and not text[j].endswith(_ELLIPSIS):
        # (headline, dek, byline: the sentence that sums the story up sits between)
        k = next_nonblank(lines, j, 2)
        if k is None or k >= hi or _post_stamp_text(text[k]) != "by":
            return False
        kind, j = "by", k
    if kind is None and text[j + 1 : j + 2] and text[j + 1][:1] in BULLETS and _bare_name(text[j]):
        kind = "by"  # (an author box: the writer's name over the profile's links, see _line_under)
    if kind is None or _dated_over(lines, i):
        return False  # (title, date, title, date: a listing of posts)
    if is_nav_line(s) or chrome_line(s) or button_row(s) or _dotted_menu(s) or _link_or_sentences(s) or is_boilerplate_line(s):
        return False
    if not _reads_as_headline(_YEAR_TAIL.sub("", s)) or _share_row(s) or _BYLINE_START.match(s) or reads_as_byline(core):
        return False
    if has_digit(s) and (stamp_span(s, lower_of(s)) is not None or read_header(core) is not None):
        return False  # (a dateline, or a photo's caption that dates the scene)
    if kind == "date":
        # A date alone also sits over a headline (tags or a tagline, date, headline, text: see
        # _dated_headline), and under a section's label or the writer's name: the line over it is
        # the headline when it reads as a phrase and the text starts right under the date (a row
        # of labels perhaps between).
        if not _phrase_words(s) or _names_line(s):
            return False
        under = [k for k in range(j + 1, min(hi, j + 12)) if text[k]][: STAMP_ROWS + 1]
        for k in under:
            if is_prose(text[k]):
                return True
            if not (_LABEL_ROW.match(text[k]) or reads_as_byline(lines.core[k])):
                return False  # (a headline under the date: the line over it is a tagline or tags)
        return False
    seen = 0
    for k in range(j + 1, hi):
        if not text[k]:
            continue
        if is_prose(text[k]):
            return True
        seen += 1
        if seen >= STAMP_TEXT_LOOK:
            break
    return False


def _headline_over_stamp(lines: Lines, lo: int, hi: int, roles: list[str]) -> int | None:
    """The first line of the article's top that is a headline over its post's stamp (see
    _stamped_headline), or None. Read on past prose that opens the span (a site's welcome note,
    a sidebar's blurbs, a question in a list of links) up to STAMP_TEXT_CHARS of it: a headline
    that reads as a sentence itself ("Where Have All the Gulls Gone? Ask the Ferry Crews") is told by its stamp."""
    text = lines.text
    prose = 0
    for i in range(lo, min(hi, lo + STAMP_LEAD_LINES)):
        s = text[i]
        if not s:
            continue
        if roles[i] == "body" and _stamped_headline(lines, i, hi):
            return i
        if is_prose(s):
            prose += len(s)
            if prose >= STAMP_TEXT_CHARS:
                break
    # (the headline and its stamp right over the article, cut off from it by a share row, the
    # post's tags or categories: nothing but such short lines between the stamp and the span)
    for i in nonblank_above(lines, lo, STAMP_ABOVE_LINES):
        s = text[i]
        if is_prose(s) and not _post_stamp_text(s):
            break
        if roles[i] == "boilerplate" and not lines.indent[i] > 0 and _stamped_headline(lines, i, hi):
            return i
    return None


# A date badge prints a post's date in short pieces, one a line ("Oct" / "23", "23" / "Jul" /
# "2012"): at most this many, of at most BADGE_PIECE_CHARS characters each.
BADGE_PIECES: Final = 3
BADGE_PIECE_CHARS: Final = 9


def _date_badge(lines: Lines, d: int, lo: int) -> int | None:
    """The first line of a date badge ending at line d, or None: the pieces over it (at most
    BADGE_PIECES, all in the article) that read as a bare date when joined in order."""
    text = lines.text
    pieces = [d]
    while len(pieces) < BADGE_PIECES and len(text[pieces[0]]) <= BADGE_PIECE_CHARS:
        j = prev_nonblank(lines, pieces[0], 2)
        if j is None or j < lo or len(text[j]) > BADGE_PIECE_CHARS:
            break
        pieces.insert(0, j)
        joined = " ".join(text[k] for k in pieces)
        h = read_header(joined)
        if has_digit(joined) and h is not None and not h.author and h.kind == "date":
            return pieces[0]
    return None


def _post_pager(s: str) -> bool:
    """Whether a line links a post to its neighbours ("« Older post | Main | Newer post »"): a
    blog prints it between its masthead and the post, over the post's date or headline."""
    return (s[0] in "«←" or s[-1] in "»→") and "|" in s


def _reads_as_headline_start(s: str) -> bool:
    """Whether a line opens as a headline does: with a letter, a figure or a quote mark, not a
    symbol ("← Older posts", "+ Comment")."""
    return s[0].isalnum() or s[0] in "'‘\"“¿¡"


# Characters of the article's text a headline's words are looked for in.
HEADLINE_TEXT_CHARS: Final = 2000
# Share of a lead line's words the text must hold for the line to be taken over the first
# headline-like line of the lead.
HEADLINE_MIN_SHARE: Final = 0.3
_WORD: Final = re.compile(r"[^\W\d_]{4,}")  # (read by _letter_runs: see _content_words)
# Words of four letters or more that any text holds: they tell no headline from a widget's title.
_FUNCTION_WORDS: Final = frozenset(
    "that this with from have your will what when where which there their they them then than been "
    "were about into more most some such only also just like over after before while would could "
    "should these those other here very much many each every does done being because through".split()
)


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_CONTENT_WORDS_CACHE: Final[dict[str, frozenset[str]]] = line_dict()


def _content_words(s: str) -> frozenset[str]:
    """The content words of one line (cached: the lead's lines are read by _headline_of and
    _retitle_by_text both, and a site's lines repeat from page to page)."""
    known = _CONTENT_WORDS_CACHE.get(s)
    if known is None:
        known = _CONTENT_WORDS_CACHE[s] = _content_words_uncached(s)
    return known


def _content_words_uncached(s: str) -> frozenset[str]:
    low = lower_of(s)
    # (_WORD.findall(low): its runs of letters of four or more, read by code points)
    return frozenset([w for w in _letter_runs(low) if len(w) >= 4]).difference(_FUNCTION_WORDS)


def _lowered(body: list[str]) -> list[str]:
    """The lines `body` lower-cased (what _words_in looks for a line's words in; shared: see lines.lower_of)."""
    return [lower_of(t) for t in body]


def _words_in(words: frozenset[str], lows: list[str]) -> set[str]:
    """The words of `words` (content words: _content_words) that are content words of the lines
    whose lower case `lows` holds (_lowered of _text_lines): those of the text's words a line shares.

    The text's words are not read (dear to read: a regex over each of its lines): each word is
    looked for in the lines. A content word is a run of letters of four or more ([^\\W\\d_], or
    [a-z] on a line whose letters are ASCII, where the two read the same runs: lower-cased, such a
    line holds no other letter), no function word: `w` is among the words of a line whose lower
    case holds it with no letter right before it or right after it (_word_char_at)."""
    found: set[str] = set()
    for w in words:
        size = len(w)
        for low in lows:
            k = low.find(w)
            while k >= 0:
                if (k == 0 or not _word_char_at(low, k - 1)) and not _word_char_at(low, k + size):
                    break
                k = low.find(w, k + 1)
            if k >= 0:
                found.add(w)
                break
    return found


# A letter as _WORD reads one.
_WORD_CHAR: Final = re.compile(r"[^\W\d_]")


def _word_char_at(low: str, k: int) -> bool:
    """Whether low[k] is a letter (_WORD_CHAR); False past the end."""
    if k >= len(low):
        return False
    c = low[k]
    if c.isascii():
        return c.isalpha()
    return _WORD_CHAR.match(c) is not None


def _text_lines(lines: Lines, lo: int, hi: int, roles: list[str] | None = None) -> list[str]:
    """The lines of prose a headline's words are looked for in (the first HEADLINE_TEXT_CHARS of
    them in lines lo..hi-1, of the lines `roles` marks "body" only, when given), in order."""
    body: list[str] = []
    size = 0
    for j in range(lo, hi):
        t = lines.text[j]
        if t and (roles is None or roles[j] == "body") and is_prose(t):
            body.append(t)
            size += len(t)
            if size >= HEADLINE_TEXT_CHARS:
                break
    return body


def _words_repeated(words: frozenset[str], body: list[str]) -> bool:
    """Whether the words of the lines `body` (_text_lines) hold at least KEEP_SHARE of `words`:
    _retitle_by_text's test of its title, read line by line and left as soon as it is met (the
    text repeats a title's word in its first lines, and most of its lines then go unread). The
    verdict is the whole text's: the words found only grow line by line, so a share met part way
    is met by all the lines, and one not met by the last line is the whole text's share."""
    if not words:
        return False
    found: set[str] = set()
    for t in body:
        # (a line's content words are lower-cased runs of its letters: a line whose lower case holds
        # none of `words` adds none; its words, dear to read, are not read, but looked for: _words_in)
        low = lower_of(t)
        if not _holds_any(low, words):
            continue
        found |= _words_in(words, [low])
        if len(found) / len(words) >= KEEP_SHARE:
            return True
    return False


def _holds_any(low: str, words: frozenset[str]) -> bool:
    """Whether `low` holds one of `words` (a loop: compiled, `any` over a generator made one a line)."""
    for w in words:
        if w in low:
            return True
    return False


def _teaser_over(lines: Lines, candidates: list[int], i: int) -> bool:
    """Whether the last of the lead's headline-like lines is a teaser (_TEASER_LABEL) right over line i."""
    c = candidates[-1]
    return _TEASER_LABEL.match(lines.text[c]) is not None and next_nonblank(lines, c, 2) == i


def _headline_of(lines: Lines, candidates: list[int], hi: int) -> int:
    """The article's headline among the lead's headline-like lines: the one whose words the text
    under it repeats most (a headline names what the story is about; the site's name, a widget's
    title, a share row or a blog's tagline do not), the first one when none is repeated enough."""
    if len(candidates) == 1:
        return candidates[0]
    candidates = [c for k, c in enumerate(candidates) if not (k + 1 < len(candidates) and _teaser_over(lines, candidates[:k + 1], candidates[k + 1]))]
    if len(candidates) == 1:
        return candidates[0]
    lows = _lowered(_text_lines(lines, candidates[-1] + 1, hi))

    def share(i: int) -> float:
        words = _content_words(lines.text[i])
        return len(_words_in(words, lows)) / len(words) if words else 0.0

    if share(candidates[0]) > 0:
        return candidates[0]
    # (a person's name under the headline is its byline, and the text names its writer too)
    rest = [i for i in candidates[1:] if not looks_like_name(lines.text[i])]
    best = max(rest, key=share, default=candidates[0])  # (the first of equals)
    return best if share(best) >= HEADLINE_MIN_SHARE else candidates[0]


# Lines looked through under a cut headline for the text it was cut from (a byline may sit between).
CUT_LOOK_BELOW: Final = 3
# A headline told by its repeat has at least this many words ("A: No." twice in a quiz is no headline).
CUT_MIN_WORDS: Final = 3
_ELLIPSIS: Final = ("…", "...")
_LINK: Final = re.compile(r"\bhttps?://\S+")


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_READS_AS_HEADLINE_CACHE: Final[dict[str, bool]] = line_dict()


def _reads_as_headline(s: str) -> bool:
    """Whether a line over a byline can be the headline, not what may also sit there: a dek (a
    sentence summing the story up, ending in a full stop), a dateline, a comment link ("Make a
    comment", "+ Comment now")."""
    known = _READS_AS_HEADLINE_CACHE.get(s)
    if known is None:
        known = _READS_AS_HEADLINE_CACHE[s] = _reads_as_headline_uncached(s)
    return known


def _reads_as_headline_uncached(s: str) -> bool:
    s = untallied(s)
    if s[-1] == "." and not s.endswith(_ELLIPSIS) and is_prose(s):
        return False
    digit = has_digit(s)
    if digit and _time_of_day(s) or _DATELINE_START.match(s) or _tally_in(s, digit):
        return False
    if len(s) < 80 and (button_row(s) or _CALL_TO_COMMENT.match(s) or _share_row(s)):
        return False
    if photo_credit(s):
        return False  # (a photo's caption over the byline: the headline is over the photo)
    return unicodedata.category(s[0])[0] != "S" and s[0] not in "+-" and not (len(s) < 120 and is_comment_marker(s))


# A link that asks the reader to comment, set by a headline ("Post a response", "Join the
# discussion", "Add your reply"): the comment form's own words are read by is_comment_marker.
_CALL_TO_COMMENT: Final = re.compile(
    r"(?i)^\W*(?:make|leave|add|post|write|join)\s+(?:a|an|your|the)?\s*(?:comments?|reply|response|discussion|conversation)\b\W*$"
)


def _cut_from_text(lines: Lines, i: int, hi: int) -> bool:
    """Whether line i is a headline cut from the text under it (a post's first words, or the whole of
    a short one less its link, repeated above it as its title: how a site heads a tweet or a forum post).

    Such a line may read as prose (a cut sentence ends in "…"), so it is told by the repeat, not its form.
    """
    s = lines.text[i]
    cut = s.endswith(_ELLIPSIS)
    stem = s.rstrip(".… ") if cut else s
    if len(s) > TITLE_MAX_CHARS or stem.count(" ") < CUT_MIN_WORDS - 1 or s[0] in BULLETS:
        return False
    # (navigation is no headline: asked only of a line the text under it repeats, the answer being
    # False elsewhere whatever it says; most lines of a lead repeat none)
    return _repeated_below(lines, i, hi, s, stem, cut) and not is_nav_line(s)


def _repeated_below(lines: Lines, i: int, hi: int, s: str, stem: str, cut: bool) -> bool:
    """Whether the text under line i repeats it (see _cut_from_text; `stem`, the line less the
    "…" it was `cut` with)."""
    text = lines.text
    seen = 0
    for j in range(i + 1, min(hi, i + 1 + 3 * CUT_LOOK_BELOW)):
        t = text[j]
        if not t:
            continue
        if t[0] == stem[0]:
            # (the text it was cut from, read on over its paragraph's line breaks as one line)
            k = j + 1
            while len(t) < len(stem) and k < hi and text[k]:
                t += " " + text[k]
                k += 1
            # (a headline leaves out the post's links, and its spaces are collapsed where the post's are not)
            t = " ".join((_LINK.sub(" ", t) if "://" in t else t).split())
            if t == s or t.startswith(stem) and len(t) > len(stem) and (cut or t[len(stem)] == " "):
                return True
        seen += 1
        if seen >= CUT_LOOK_BELOW or is_prose(t):
            return False
    return False


def _long_headline(s: str) -> bool:
    """A line long enough to read as prose that is a headline by its Title Case ("Harbour Ferry
    Ridership Report: March Trips Up 4% From 2019; Crew Shortage Continues to Delay Evening Boats")."""
    s = untallied(s)
    if len(s) > TITLE_MAX_CHARS or s[-1] == "." or s[0] in BULLETS or is_nav_line(s) or _tally_in(s, has_digit(s)) or _dotted_menu(s):
        return False
    if unicodedata.category(s[0])[0] == "S" or _DATELINE_START.match(s) or photo_credit(s):
        return False  # (a pager link, a dateline, a photo's caption: see _title_like)
    from replyscope.split.talk import is_title_case  # (talk reads chrome, which reads this module)

    return is_title_case(s)


def _over_byline(lines: Lines, i: int, hi: int) -> bool:
    """Whether line i is a headline because a byline follows it ("By Jo | 27 March 2016"): headline,
    byline, text is an article's order, and a long headline or one ending in "?" reads as prose."""
    s = lines.text[i]
    if len(s) > TITLE_MAX_CHARS or s[0] in BULLETS or s.count(" ") < CUT_MIN_WORDS - 1:
        return False
    j = next_nonblank(lines, i, BYLINE_BLANKS)
    if j is None or j >= hi:
        return False
    # (the byline is the line under the headline or, past one line set between, the one under that:
    # where neither opens as a byline the answer is False, told before the dear readings of the
    # headline and of the line between; each of them only says False, so their order leaves it)
    if _BYLINE_START.match(_byline_core(lines, j)) is None:
        k = next_nonblank(lines, j, BYLINE_BLANKS)
        if k is None or k >= hi or _BYLINE_START.match(_byline_core(lines, k)) is None:
            return False
    if is_nav_line(s):
        return False
    if has_digit(s) and (h := read_header(lines.core[i])) is not None and not h.author:
        return False  # a date alone over the byline ("Wed 2014/03/12 05:41 JST" / "Posted by Jo")
    # (j is a line above `hi`: told at the byline's first test above)
    if (len(lines.core[j]) > 11 or lines.core[j].lower() not in _BARE_BY) and _between_headline_and_byline(lines.text[j]):
        j = next_nonblank(lines, j, BYLINE_BLANKS)  # (headline, "Add your reply", "Tweet" or "3 comments", byline)
    if j is None or j >= hi:
        return False
    core = _byline_core(lines, j)
    return _BYLINE_START.match(core) is not None and reads_as_byline(core)


# Blank lines read over between a headline and its byline.
BYLINE_BLANKS: Final = 2
# A byline's opening printed on a line of its own, the name on the next ("By" / "Jo Lake"). (Of at
# most 11 characters: a longer line, whose lower case is no shorter, is not lower-cased to be asked.)
_BARE_BY: Final = frozenset(("by", "by:", "posted by", "posted by:", "written by", "written by:"))


def _byline_core(lines: Lines, j: int) -> str:
    """Line j's core, or, where it is a byline's opening alone ("By"), that opening and the next
    line with text (at most one blank line under it) read as one line ("By Jo Lake")."""
    core = lines.core[j]
    if len(core) > 11 or core.lower() not in _BARE_BY:
        return core
    k = next_nonblank(lines, j, 1)
    return core if k is None else core.rstrip(":") + " " + lines.core[k]


def _between_headline_and_byline(t: str) -> bool:
    """A line a page sets between a headline and its byline: a call to comment, a share row, a link
    to the comments ("3 comments", "Comments (0)"), a photo's caption."""
    if len(t) >= 80:
        return photo_credit(t)  # (headline, the photo's caption, byline)
    return _CALL_TO_COMMENT.match(t) is not None or _share_row(t) or len(t) < 30 and (is_comment_marker(t) or _tally_in(t, has_digit(t))) or photo_credit(t)


# Non-blank lines above the article looked through for a headline over its byline: the share row,
# a photo's caption, the related links and the story's highlights may stand between the byline and
# the text.
BYLINE_LOOK_ABOVE: Final = 20


def _headline_over_byline_above(lines: Lines, lo: int, roles: list[str]) -> int | None:
    """The nearest headline over a byline above the article's lead ("Six things the audit found" /
    "By Jo Lake, Harbour News" / share links / "STORY HIGHLIGHTS" ... / the text), or None.

    Headline, byline, then the story is an article's order wherever furniture sits between the
    byline and the text; navigation over a byline is no headline (see _title_like), and a list
    item or a menu is not looked at."""
    text = lines.text
    for i in nonblank_above(lines, lo, BYLINE_LOOK_ABOVE):
        s = text[i]
        if roles[i] != "boilerplate" or lines.indent[i] > 0 or len(s) > TITLE_MAX_CHARS:
            continue
        if not (_title_like(lines, i) and _reads_as_headline(s)) or _link_or_sentences(s) or is_boilerplate_line(s):
            continue
        under = _line_under(lines, i)
        if under == "byline" or under in ("dateline", "name") and _reads_as_phrase(s) and not _dated_over(lines, i):
            return i
    return None


def _dated_over(lines: Lines, i: int) -> bool:
    """Whether the line with text over line i is a date with no name: title, date, title, date is
    a listing of posts ("The Blue Shed" / "3 weeks ago" under "Gulls do not wait" / "a week ago")."""
    j = prev_nonblank(lines, i, 2)
    if j is None or len(lines.text[j]) > DATELINE_MAX_CHARS:
        return False
    h = read_header(lines.core[j])
    return h is not None and not h.author


# Words any English headline phrase is held together by; a row of tags or a menu has none.
_SMALL_WORDS: Final = frozenset(
    "a an the of in on at to for from with by and or but as is are was were be how what why when who "
    "your you we our it its this that after before over under into about up out vs not no".split()
)
# A line whose letters are this share capitals or more is a label ("EVENTS (Mar) MY ACCOUNT").
_CAPS_SHARE: Final = 0.6


def _reads_as_phrase(s: str) -> bool:
    """Whether a line over a bare date reads as a headline's phrase, not a row of tags ("Garden
    Tips humour Weekend video"), a menu ("Advertise | AdChoices") or a label in capitals:
    it opens with a capital or a figure and holds one of the small words a phrase is made with.
    A date under a line proves less than a byline does: a tag row or a widget's title sits there too."""
    if not (s[0].isupper() or s[0].isdigit()) or "|" in s:
        return False
    letters = [ch for ch in s if ch.isalpha()]
    if letters and sum(ch.isupper() for ch in letters) >= _CAPS_SHARE * len(letters):
        return False
    return any(w in _SMALL_WORDS for w in _letter_runs(s.lower()))


_WORD_ANY: Final = re.compile(r"[^\W\d_]+")


def _letter_runs(t: str) -> list[str]:
    """_WORD_ANY.findall(t), read by code points: the runs of letters (word characters that are
    no digit and no "_": those `str.isalnum` holds for and `str.isdecimal` does not, as sre reads
    \\w and \\d on a text). (Compiled, the loop costs a fraction of sre's findall, which sets a
    match up at each word.)"""
    runs: list[str] = []
    n = len(t)
    k = 0
    while k < n:
        if _letter_at(t, k):
            end = k + 1
            while end < n and _letter_at(t, end):
                end += 1
            runs.append(t[k:end])
            k = end
        else:
            k += 1
    return runs


def _letter_at(t: str, k: int) -> bool:
    code = ord(t[k])
    if code < 128:
        return 97 <= code <= 122 or 65 <= code <= 90
    ch = t[k]
    return ch.isalnum() and not ch.isdecimal()


# A sentence's end inside a line, a word of 4+ letters before it ("is sold at the kiosks.
# Letters are ..."): an abbreviation ("Dr. Who", "U.S. Army") is shorter.
_INNER_SENTENCE_END: Final = re.compile(r"[^\W\d_]{4}\. +[A-Z]")


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_LINK_OR_SENTENCES_CACHE: Final[dict[str, bool]] = line_dict()


def _link_or_sentences(s: str) -> bool:
    """A line no headline is: one holding a link ("Read more here: http://..."), or two sentences
    (a post's last lines, over a byline printed under the post)."""
    known = _LINK_OR_SENTENCES_CACHE.get(s)
    if known is None:
        known = _LINK_OR_SENTENCES_CACHE[s] = _link_or_sentences_uncached(s)
    return known


def _link_or_sentences_uncached(s: str) -> bool:
    return "://" in s or "www." in s or _INNER_SENTENCE_END.search(s) is not None


# Words of a writer's name printed alone under a headline ("Ada Lake", "Mia J.R. Stone").
NAME_WORDS: Final = (2, 4)


def _bare_name(t: str) -> bool:
    """Whether a line is a person's name alone, each word capitalised: a byline without its "By"
    (an author box: the writer's name, then the profile's links, under the headline)."""
    words = t.split()
    return NAME_WORDS[0] <= len(words) <= NAME_WORDS[1] and all(w[0].isupper() for w in words) and looks_like_name(t)


# The longest dek read between a headline and its byline (one or two sentences).
DEK_MAX_CHARS: Final = 300
# The longest dateline read under a headline ("Posted: 03/03/2020 4:03 pm Updated: 03/03/2020 4:25 pm").
DATELINE_MAX_CHARS: Final = 80


def _line_under(lines: Lines, i: int) -> str | None:
    """What the next line with text under line i is: "byline" ("By Jo", "• by: Jo Lake", "Written
    By: Jo - Oct 31", "July 18, 2012 By Jo"), "dateline" (a date with no name, "Posted: 08/09/2012
    4:03 pm", "March 3, 2020 @ 6:27AM"), or None."""
    j = next((j for j in range(i + 1, min(len(lines), i + 4)) if lines.text[j]), None)
    if j is not None and lines.core[j].lower() not in _BARE_BY and _share_row(lines.text[j]):
        j = next_nonblank(lines, j, 2)  # (headline, "Tweet", byline)
    if j is None:
        return None
    if reads_as_byline(_byline_core(lines, j)):
        return "byline"
    t = lines.text[j]
    if is_prose(t) and len(t) <= DEK_MAX_CHARS:
        # a dek, the sentence that sums the story up, between the headline and its byline
        k = next((k for k in range(j + 1, min(len(lines), j + 4)) if lines.text[k]), None)
        return "byline" if k is not None and reads_as_byline(lines.core[k]) else None
    if _bare_name(t) and j + 1 < len(lines) and lines.text[j + 1][:1] in BULLETS:
        # (a name alone is an author box only over its profile's links: "Enlarge Photo" or
        # "Current Account" over a blank line is a caption or a label)
        return "name"
    if len(t) > DATELINE_MAX_CHARS or not has_digit(t):
        return None
    h = read_header(lines.core[j])
    return "dateline" if h is not None and not h.author or _DATELINE_START.match(t) else None


# How a byline under a headline opens: "By Jo", "Posted by Jo", "Written by Jo".
_BYLINE_START: Final = re.compile(r"(?i)(?:(?:posted|written|published)\s+)?by\s")


# A title made from an article's opening words has at most this many of them, and a sentence it
# stops at at least SENTENCE_MIN_WORDS.
OPENING_TITLE_WORDS: Final = 12
SENTENCE_MIN_WORDS: Final = 3
# A word this short ending in "." is an abbreviation ("vs.", "Dr.", "U.S."), not a sentence's end.
ABBREVIATION_CHARS: Final = 4
# A dateline has at most this many words ("Friday, November 2, 2012 at 9:15 am").
DATELINE_WORDS: Final = 7


def title_from_text(body: str) -> str:
    """A title for a post that shows no headline (a tweet): its first sentence, cut to
    OPENING_TITLE_WORDS words with "…", as sites head such posts. Lines of fewer than
    SENTENCE_MIN_WORDS words and datelines above its words are passed over."""
    lines = [s for s in body.splitlines() if s.strip()]
    first = next(
        (s for s in lines if len(s.split()) >= SENTENCE_MIN_WORDS and not (len(s.split()) <= DATELINE_WORDS and _TIME_OF_DAY.search(s))),
        lines[0] if lines else "",
    )
    words = first.split()[: OPENING_TITLE_WORDS + 1]
    for k, w in enumerate(words[:OPENING_TITLE_WORDS], 1):
        if k >= SENTENCE_MIN_WORDS and ends_sentence(w) and (w[-1] != "." or len(w) > ABBREVIATION_CHARS):
            return " ".join(words[:k])
    if len(words) > OPENING_TITLE_WORDS:
        return " ".join(words[:OPENING_TITLE_WORDS]) + " …"
    return " ".join(words)
