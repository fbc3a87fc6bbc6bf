"""Split an HTML page: the DOM's comment items where the page has them, the text splitter elsewhere.

The page's rendered text (documents.text) is split by the plain-text splitter first: it reads
the article, title and byline well. Where the DOM shows comment items (comments_dom), they
replace the text splitter's comments: each item's header (author, time), text and chrome
("Reply", votes) get their roles over the item's span of the rendered text, and comment roles
the text splitter gave outside the items fall back to boilerplate (the markup says where the
comments are). Where no markup marks an item, the items are read from the page's repeated
structure (html.repeated: inside the section the markup names, when it names one) or, for a
page with one comment, from that item's own shape (html.lone); a page with neither keeps the
text splitter's reading where markup names a comment section, and no comments where none does.
"""

from __future__ import annotations

import re
from datetime import datetime

from replyscope.html.comments_dom import DomComments, Item, find_items, has_comment_markup, mark_and_render
from replyscope.html.lone import find_lone_item
from replyscope.html.render import parse
from replyscope.html.items import read_page, stamp_in_named_section
from replyscope.html.repeated import find_repeated_items
from replyscope.split import DocumentSplit, SplitComment, split_document
from replyscope.split.chrome import is_chrome
from replyscope.split.dates import parse_posted
from replyscope.split.headers import read_header
from replyscope.split.lines import split_lines

COMMENT_ROLES = frozenset({"comment_header", "comment_body", "comment_chrome"})
# A page shows comments by the DOM when it has this many items with text (one item alone is
# often a "comment" box of another kind: an editor's note, a comment count).
MIN_ITEMS = 2
# A "comment" element holding only a count or the word itself is a link to a comment section or
# its label, not a comment ("873 comments" in a most-commented list, "Comments (12)", "Comment").
COUNT_LINE = re.compile(
    r"(?i)^\W*(?:\d[\d,.]*\s*(?:comments?|replies|reply|responses?)|(?:comments?|replies|responses?)(?:\W*\d[\d,.]*)?)\W*$"
)
# An outer item showing at most this many words before its first inner item (besides its author
# and time lines) shows only a header: a one-line "DATE / NAME says:" and the like.
MAX_HEADER_WORDS = 8
# A time of day: what a header reader may leave as the "name" beside a relative date ("60 seconds
# ago ( 4:27 PM)"); no author's name holds one.
_CLOCK = re.compile(r"\d:\d\d")


def split_html_document(html: str, text: str, title: str = "") -> DocumentSplit:
    """Segments, article and comments of an HTML page whose rendered text is `text`."""
    base = split_document(text, title)
    tree = parse(html)
    items = find_items(tree)
    if items:
        dom = mark_and_render(tree, items)
        if dom is None or dom.text != text:  # (the stored text was rendered otherwise: keep to the text)
            return base
        spans = _item_spans(dom)
        if len(spans) >= MIN_ITEMS:
            return _with_dom_comments(base, text, spans, dom.items)
        return base
    if has_comment_markup(tree):
        # markup names comments but no item: a list of subtrees of one shape inside the section
        # it names (a "discussion" div of dated entries), else the text splitter's reading, as
        # tuned on crawled pages
        repeated = _repeated_spans(tree, text, in_named_section=True)
        if repeated is not None:
            return _with_dom_comments(base, text, *repeated)
        return base if base.comments else _without_comments(base, text)
    # markup names nothing: a list of subtrees of one shape, each with its own stamp and name
    repeated = _repeated_spans(tree, text)
    if repeated is not None:
        return _with_dom_comments(base, text, *repeated)
    return _without_comments(base, text)


def _repeated_spans(tree, text: str, *, in_named_section: bool = False) -> tuple[list[tuple[Item, int, int, int, int]], list[Item]] | None:
    """Items of one shape (html.repeated), else the page's one comment item (html.lone)."""
    if tree.body is None or in_named_section and not stamp_in_named_section(tree.body):
        return None  # (no stamp where the markup names comments: neither reader can find an item)
    page = read_page(tree)  # (the page's elements read once for both readers)
    if page is None:
        return None
    items = find_repeated_items(tree, in_named_section=in_named_section, page=page)
    least = MIN_ITEMS
    if len(items) < MIN_ITEMS:
        items, least = find_lone_item(tree, in_named_section=in_named_section, page=page), 1
        if not items:
            return None
    dom = mark_and_render(tree, items)
    if dom is None or dom.text != text:
        return None
    spans = _item_spans(dom)
    return (spans, dom.items) if len(spans) >= least else None


def _without_comments(split: DocumentSplit, text: str) -> DocumentSplit:
    """The text splitter's reading with its comments taken back: the markup shows no comment section."""
    if not split.comments:
        return split
    segments = _overlay([(s, e, "boilerplate" if r in COMMENT_ROLES else r) for s, e, r in split.segments], [])
    return DocumentSplit(segments, split.title, split.body, [])


def _merged_wrappers(items: list[Item], text: str) -> dict[int, int]:
    """{inner item: outer item} for items that are one comment marked twice.

    WordPress-like lists mark the <li> and the <div> inside it (`li#li-comment-5 > div#comment-5`);
    when the outer one shows only a header before its first inner item (its author and date, no
    text of its own), the inner one is its text, not a reply to it.
    """
    merged: dict[int, int] = {}
    for i, item in enumerate(items):
        if not item.children or item.span.start < 0:
            continue
        first = items[item.children[0]]
        if first.span.start <= item.span.start:
            continue
        if first.node.tag == item.node.tag and (first.node.class_name or "").split()[:1] == (item.node.class_name or "").split()[:1]:
            continue  # (an item of the outer one's own shape inside it is a reply, never its text)
        own_body = item.body is not None and 0 <= item.body.start < first.span.start
        if not own_body and _header_words(item, text, first.span.start) <= MAX_HEADER_WORDS:
            merged[item.children[0]] = i
    return merged


def _header_words(item: Item, text: str, end: int) -> int:
    """Words an item shows before `end` outside its author and time lines and chrome lines."""
    parts = [p for p in (item.author, item.time) if p is not None and p.start >= 0]
    words = 0
    pos = item.span.start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        line = text[pos:stop].strip()
        if line and not is_chrome(line) and not any(p.start <= stop and p.end >= pos for p in parts):
            words += len(line.split())
        pos = stop + 1
    return words


def _item_spans(dom: DomComments) -> list[tuple[Item, int, int, int, int]]:
    """(item, start, body_start, body_end, end) of each comment whose text was found, in page order.

    A comment runs from its first visible character to the start of the next comment (its
    replies come after its own words) or to its own end, whichever is first.
    """
    text, items = dom.text, dom.items
    merged = _merged_wrappers(items, text)
    inner_of = {outer: inner for inner, outer in merged.items()}
    found = [i for i, it in enumerate(items) if i not in merged and it.span.start >= 0 and it.span.end > it.span.start]
    out = []
    header: tuple[Item, int] | None = None  # a header-only item waiting for the item that holds its text
    for k, i in enumerate(found):
        item = items[i]
        inner = items[inner_of[i]] if i in inner_of else None
        start = item.span.start
        end = max(item.span.end, inner.span.end) if inner is not None else item.span.end
        if k + 1 < len(found):
            end = min(end, items[found[k + 1]].span.start)
        if end <= start:
            continue
        body = item.body if item.body is not None and item.body.start >= 0 else (inner.body if inner is not None else None)
        if inner is not None:
            item.author = item.author or inner.author
            item.author_text = item.author_text or inner.author_text
            item.time = item.time or inner.time
            item.posted_raw, item.posted_iso = item.posted_raw or inner.posted_raw, item.posted_iso or inner.posted_iso
        if body is not None and start <= body.start < body.end <= end:
            body_start, body_end = body.start, body.end
        else:
            # no body element: the header is the lines holding the author and the time
            header_end = inner.span.start if inner is not None else start
            for part in (item.author, item.time):
                if part is not None and start <= part.end <= end:
                    header_end = max(header_end, part.end)
            if header_end > start and (inner is None or header_end > inner.span.start):
                nl = text.find("\n", header_end, end)
                header_end = end if nl < 0 else nl
            body_start, body_end = header_end, end
        body_start, body_end = _trim_body(text, body_start, body_end)
        if body_end <= body_start:
            # only a header (<dt class="comment"> author and time, then <dd class="comment"> text):
            # it heads the next item when that one follows at once
            has_header = item.author is not None or item.time is not None
            header = (item, start) if has_header and item.parent == _parent_of(items, found, k + 1) else None
            continue
        if COUNT_LINE.match(text[body_start:body_end]):
            header = None
            continue
        if header is not None and header[0].span.end <= start and not text[header[0].span.end : start].strip():
            head, start = header
            item.author, item.author_text = item.author or head.author, item.author_text or head.author_text
            item.time = item.time or head.time
            item.posted_raw, item.posted_iso = item.posted_raw or head.posted_raw, item.posted_iso or head.posted_iso
        header = None
        out.append((item, start, body_start, body_end, end))
    return out


def _parent_of(items: list[Item], found: list[int], k: int) -> int | None | bool:
    """The parent of the k-th found item (False past the end, so nothing matches it)."""
    return items[found[k]].parent if k < len(found) else False


def _trim_body(text: str, start: int, end: int) -> tuple[int, int]:
    """The body without white space around it and without chrome lines ("Reply", "Like") closing it."""
    while True:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        line_start = text.rfind("\n", start, end) + 1
        if line_start <= start or not is_chrome(text[line_start:end].strip()):
            return start, end
        end = line_start


def _tail_roles(text: str, start: int, end: int, author: str) -> list[tuple[int, int, str]]:
    """After a comment's text: a line with its author or a date is its header ("Posted by: Name |
    March 12, 2014 at 07:46 AM" under the text); the rest ("Reply to This", "Share", "Flag") is chrome."""
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl + 1
        line = text[pos:stop].strip()
        header = bool(line) and not is_chrome(line) and ((author and author in line) or any(ch.isdigit() for ch in line))
        out.append((pos, stop, "comment_header" if header else "comment_chrome"))
        pos = stop
    return out


def _overlay(segments: list[tuple[int, int, str]], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """`segments` (lossless) with the sorted, disjoint `spans` written over them; still lossless."""
    out: list[tuple[int, int, str]] = []

    def emit(s: int, e: int, role: str) -> None:
        if e <= s:
            return
        if out and out[-1][2] == role and out[-1][1] == s:
            out[-1] = (out[-1][0], e, role)
        else:
            out.append((s, e, role))

    k = 0
    for s, e, role in segments:
        pos = s
        while k < len(spans) and spans[k][0] < e:
            ss, se, sr = spans[k]
            emit(pos, max(pos, ss), role)
            emit(max(pos, ss), min(se, e), sr)
            pos = max(pos, min(se, e))
            if se > e:
                break
            k += 1
        emit(pos, e, role)
    return out


def _with_dom_comments(base: DocumentSplit, text: str, spans, items: list[Item]) -> DocumentSplit:
    # the text splitter's comment lines outside the DOM's items are not comments
    segments = [(s, e, "boilerplate" if r in COMMENT_ROLES else r) for s, e, r in base.segments]
    over: list[tuple[int, int, str]] = []
    for item, start, body_start, body_end, end in spans:
        over += [(start, body_start, "comment_header"), (body_start, body_end, "comment_body")]
        over += _tail_roles(text, body_end, end, item.author_text)
    segments = _overlay(segments, [(s, e, r) for s, e, r in over if e > s])
    # an item's parent is its nearest enclosing item that was kept (found in the text)
    position = {id(item): k for k, (item, *_rest) in enumerate(spans)}
    comments: list[SplitComment] = []
    for k, (item, _start, body_start, body_end, _end) in enumerate(spans):
        parent, up = None, item.parent
        while up is not None and parent is None:
            parent = position.get(id(items[up]))
            up = items[up].parent
        depth = 0 if parent is None else comments[parent].depth + 1
        if not item.author_text or not item.posted_raw:
            _header_from_text(item, text[_start:body_start])
        comments.append(
            SplitComment(k, item.author_text, item.posted_raw, _posted_at(item), text[body_start:body_end], body_start, body_end, depth, parent)
        )
    body = "".join(text[s:e] for s, e, r in segments if r in ("body", "quote")).strip()
    return DocumentSplit(segments, base.title, body, comments)


def _header_from_text(item: Item, header: str) -> None:
    """Fill an item's missing author or time from its header lines as the text splitter reads them.

    Why: markup names the author in many ways no class list covers (a bare `<a class="url">` in a
    `<p class="cm-meta">`, a `<strong>`), but the rendered header still reads "Jo Smith — July 10th,
    2012, 7:20 pm" or "Jo says:", which the text splitter's header reader knows in any markup.
    """
    lines = split_lines(header)
    for core in lines.core:
        h = read_header(core) if core else None
        if h is None:
            continue
        author = h.author.strip(" ,;|:-–—")
        if not item.author_text and any(ch.isalpha() for ch in author) and not _CLOCK.search(author):  # never "( 4:27 PM)"
            item.author_text = author
        if not item.posted_raw and h.posted_raw:
            item.posted_raw = h.posted_raw
        return


def _posted_at(item: Item) -> datetime | None:
    """<time datetime> when the page gives it, else the time as written, read as the text splitter does."""
    if item.posted_iso:
        try:
            return datetime.fromisoformat(item.posted_iso.strip().replace("Z", "+00:00")).replace(tzinfo=None)
        except ValueError:
            pass
    return parse_posted(item.posted_raw) if item.posted_raw else None
