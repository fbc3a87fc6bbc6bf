"""Reader comments as the DOM shows them: comment items, their author, time, text and nesting.

A comment item is found by signals every comment system leaves in its markup, never by site:
schema.org `Comment`/`UserComments` microdata, `itemprop="comment"`, an id like `comment-123`,
or a class name that says "comment" / "reply" (WordPress `li.comment`, Drupal `div.comment`,
Disqus-style `comment-item`, Blogger `comment-block`...). Inside an item, the author is the
element marked author/fn/username/commenter (class or itemprop), the time is `<time datetime>`
or an element marked date/time, and the text is the element marked body/content/text/message
(or itemprop `text`). An item inside another item is a reply to it: that is the thread.

To give offsets into the rendered text, each found element gets invisible marker characters
glued to its first and last visible text node (never a node of their own, which would change
the layout), the tree is rendered once, and the markers' positions are read and removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resiliparse.parse.html import DOMNode, ElementNode, HTMLTree, NodeType

from replyscope.html.render import render_tree

# Supplementary private use area: never in real text (pages holding them are not marked).
MARK_BASE = 0xF0000
MARK_LIMIT = 0xFFFFD
_ANY_MARK = re.compile("[\U000f0000-\U000ffffd]")

# Elements whose text html2text never shows: a marker there would be lost.
INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "iframe", "svg", "select", "textarea", "button", "input", "option"})
# A comment item never sits in these (the reply form, the menus).
NOT_IN = frozenset({"form", "nav", "select", "textarea", "button"})

# A class name that names one comment: "comment", "comment-item", "single-comment",
# "commentEntry", "comment_wrap"... (not a bare "reply": WordPress puts its Reply link in div.reply)
ITEM_CLASS = re.compile(
    r"^(?:single[-_]?|user[-_]?|reader[-_]?)?(?:comment|kommentar|commentaire|comentario)"
    r"(?:[-_]?(?:item|entry|wrap|wrapper|container|box|block|node|odd|even|main|unit|inner|alt|depth[-_]?\d+|level[-_]?\d+|\d+))?$"
)
# An id of one comment: "comment-123", "li-comment-5", "div-comment-5", "comment_42", "reply-7".
ITEM_ID = re.compile(r"^(?:[a-z]+[-_])?(?:comment|reply)[-_]?\d+$")
SCHEMA_COMMENT = re.compile(r"schema\.org/(?:Comment|UserComments)\b")

# Parts of an item, by class names (matched as substrings of a lower-cased class or id name).
AUTHOR_NAMES = ("author", "username", "user-name", "user_name", "commenter", "poster", "nickname", "byline")
AUTHOR_EXACT = frozenset({"fn", "name", "user", "nick", "vcard"})
TIME_NAMES = ("date", "time", "posted", "published")
TIME_EXACT = frozenset({"meta", "comment-meta", "commentmetadata"})
BODY_NAMES = ("body", "content", "text", "message", "entry")
NOT_BODY = ("author", "meta", "date", "time", "footer", "header", "reply", "vote", "avatar", "action", "link", "button", "count")
AUTHOR_PROPS = frozenset({"author", "creator"})
TIME_PROPS = frozenset({"datepublished", "datecreated", "commenttime", "datemodified"})
BODY_PROPS = frozenset({"text", "commenttext", "description", "articlebody"})

MAX_AUTHOR_CHARS = 80
# Elements nested more than this deep are broken markup (thousands of unclosed tags), whose
# containment says nothing of who answers whom: every walk up the tree stops there and such a page
# is left to the text splitter. Real comment threads nest a few dozen elements deep.
MAX_NESTING = 400
# (a name's verb after it, as a widget prints it: "Jo says:", "Jo said...", "Jo wrote…")
_SAYS = re.compile(r"\s*(?:says|said|wrote|writes)\s*[:.…]*\s*$", re.I)


def _names(node: ElementNode) -> list[str]:
    names = (node.class_name or "").lower().split()
    ident = (node.id or "").lower()
    return names + [ident] if ident else names


def _is_item(node: ElementNode) -> bool:
    itemtype = node.getattr("itemtype")
    if itemtype and SCHEMA_COMMENT.search(itemtype):
        return True
    if (node.getattr("itemprop") or "").lower() == "comment":
        return True
    ident = (node.id or "").lower()
    if ident and ITEM_ID.match(ident):
        return True
    return any(ITEM_CLASS.match(name) for name in (node.class_name or "").lower().split())


def _inside(node: ElementNode, tags: frozenset[str]) -> bool:
    parent = node.parent
    while parent is not None and parent.type == NodeType.ELEMENT:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


# Elements that may be comment items, found by lexbor's selector engine (fast) before the
# Python-side checks (slow per element): class or id holding "comment" in a few languages, or
# "reply", or schema.org comment microdata.
CANDIDATE_SELECTOR = (
    "[class*=omment i], [class*=ommen i], [id*=omment i], [id*=ommen i], [id*=reply i], "
    "[itemtype*=Comment], [itemprop=comment]"
)


def element_parent(node: DOMNode) -> ElementNode | None:
    """The element around `node`; None above <html> (the document is no element)."""
    up = node.parent
    return up if isinstance(up, ElementNode) else None


def _shown(node: ElementNode) -> bool:
    return node.tag not in INVISIBLE_TAGS and not node.hasattr("hidden")


def _edge_text(root: ElementNode, last: bool = False) -> DOMNode | None:
    """The first (or last) text node html2text shows under `root`, walking sibling links only as
    far as needed (comment items are large; their first words are near the top)."""
    down = (lambda n: n.last_child) if last else (lambda n: n.first_child)
    along = (lambda n: n.previous_sibling) if last else (lambda n: n.next_sibling)
    node = down(root)
    while node is not None:
        kind = node.type
        if kind == NodeType.TEXT:
            value = node.value
            if value and not value.isspace():
                return node
        elif kind == NodeType.ELEMENT and _shown(node):
            child = down(node)
            if child is not None:
                node = child
                continue
        while node is not None and along(node) is None:
            node = node.parent
            if node is None or node == root:
                return None
        node = along(node) if node is not None else None
    return None


@dataclass
class Part:
    """An element whose rendered text is wanted: its marker numbers and, once read, its span."""

    node: ElementNode
    start: int = -1
    end: int = -1


@dataclass
class Item:
    node: ElementNode
    span: Part
    parent: int | None = None  # index of the enclosing item
    depth: int = 0
    author: Part | None = None
    time: Part | None = None
    body: Part | None = None
    author_text: str = ""
    posted_raw: str = ""
    posted_iso: str = ""  # <time datetime>, when given
    children: list[int] = field(default_factory=list)


@dataclass
class DomComments:
    text: str  # the page rendered (markers removed): equal to render_tree of the unmarked page
    items: list[Item]


# Anything in the markup that names a comment section, a reply or a discussion, in any CMS.
SECTION_SELECTOR = (
    CANDIDATE_SELECTOR + ", [class*=discus i], [id*=discus i], [class*=respon i], [id*=respon i], "
    "[class*=reply i], [class*=replies i], [id*=replies i], [itemtype*=UserComments], [itemtype*=DiscussionForum]"
)


def has_comment_markup(tree: HTMLTree) -> bool:
    """Whether any element's class, id or microdata names comments, replies or a discussion.

    A page without one has no comment section the site built; comments the text splitter reads
    there are lines that look like comments (a list of quotes, a Q&A in the article).
    """
    body = tree.body
    return body is not None and body.query_selector(SECTION_SELECTOR) is not None


def find_items(tree: HTMLTree) -> list[Item]:
    """Comment items of the page in document order, each with its parent item and parts."""
    body = tree.body
    if body is None:
        return []
    found = body.query_selector_all(CANDIDATE_SELECTOR)
    candidates = [n for n in found[0 : len(found)] if _is_item(n)]
    if any(deeper_than(n, MAX_NESTING) for n in candidates):
        return []
    candidates = [n for n in candidates if not _inside(n, NOT_IN) and n.tag not in NOT_IN]
    # A wrapper's first inner item with nothing before it is the same comment (WordPress li.comment
    # > div#div-comment-5): keep the outer one, whose own list holds the replies.
    kept: list[ElementNode] = []
    for node in candidates:
        if kept and _same_comment(kept[-1], node):
            continue
        kept.append(node)
    items: list[Item] = []
    open_items: list[int] = []  # stack of items enclosing the current one
    for node in kept:
        while open_items and not items[open_items[-1]].node.contains(node):
            open_items.pop()
        parent = open_items[-1] if open_items else None
        item = Item(node, Part(node), parent, len(open_items))
        if parent is not None:
            items[parent].children.append(len(items))
        items.append(item)
        open_items.append(len(items) - 1)
    parts = _parts_by_item(items)
    if parts is None:
        return []
    for item, own in zip(items, parts):
        _read_parts(item, own)
    return items


def deeper_than(node: ElementNode, limit: int) -> bool:
    """Whether `node` sits under more than `limit` elements (a walk of at most limit + 1 steps)."""
    parent = node.parent
    depth = 0
    while parent is not None and parent.type == NodeType.ELEMENT:
        depth += 1
        if depth > limit:
            return True
        parent = parent.parent
    return False


def _same_comment(outer: ElementNode, inner: ElementNode) -> bool:
    """`inner` is `outer`'s first item and `outer` shows no text of its own before it."""
    if not outer.contains(inner):
        return False
    first = _edge_text(outer)
    return first is None or inner.contains(first)


# Elements that may be an item's author, time or text, found by the selector engine; the
# Python checks in _read_parts decide.
PART_SELECTOR = (
    "[class*=author i], [class*=user i], [class*=name i], [class*=commenter i], [class*=poster i], "
    "[class*=nick i], [class*=byline i], [class~=fn], [class~=vcard], [itemprop], time, cite, [id*=author i], "
    "[class*=date i], [class*=time i], [class*=posted i], [class*=published i], [class*=meta i], "
    "[class*=body i], [class*=content i], [class*=text i], [class*=message i], [class*=entry i]"
)


def _parts_by_item(items: list[Item]) -> list[list[ElementNode]] | None:
    """Each item's part candidates that are not inside one of its reply items, in page order; None
    when a candidate sits more than MAX_NESTING elements below its item.

    One selector query per outermost item, each candidate given to the nearest item holding it: a
    query per item would read every reply's elements again for each item above it (quadratic in
    the depth of a thread)."""
    index: dict[DOMNode, int] = {item.node: k for k, item in enumerate(items)}
    owned: list[list[ElementNode]] = [[] for _ in items]
    for item in items:
        if item.parent is not None:
            continue
        found = item.node.query_selector_all(PART_SELECTOR)
        for el in found[0 : len(found)]:
            if el in index:
                continue  # (a reply item is no part of the items around it)
            node = el.parent
            steps = 0
            while node is not None and node not in index:
                steps += 1
                if steps > MAX_NESTING:
                    return None
                node = node.parent
            if node is None:
                return None
            owned[index[node]].append(el)
    return owned


def _read_parts(item: Item, own: list[ElementNode]) -> None:
    author = time = cite = None
    bodies: list[ElementNode] = []
    for el in own:
        if not _shown(el):
            continue
        if cite is None and el.tag == "cite":  # the name in WordPress and Disqus headers, when nothing says author
            cite = el
        names = _names(el)
        prop = (el.getattr("itemprop") or "").lower()
        if author is None and (
            prop in AUTHOR_PROPS or any(n in AUTHOR_EXACT or any(a in n for a in AUTHOR_NAMES) for n in names)
        ):
            author = el
        if time is None and (
            el.tag == "time" or prop in TIME_PROPS or any(n in TIME_EXACT or any(t in n for t in TIME_NAMES) for n in names)
        ):
            time = el
        if prop in BODY_PROPS or any(any(b in n for b in BODY_NAMES) and not any(x in n for x in NOT_BODY) for n in names):
            bodies.append(el)
    author = author or cite
    if author is not None:
        # the name inside an author block (vcard > fn, author > name)
        inner = author.query_selector("[itemprop=name], .fn, .name, .nickname, .username")
        author = inner or author
        item.author = Part(author)
        item.author_text = _author_text(author.text or "")
    if time is not None:
        item.time = Part(time)
        inner_time = time if time.tag == "time" else time.query_selector("time")
        item.posted_iso = (inner_time.getattr("datetime") or "") if inner_time is not None else ""
        item.posted_raw = " ".join((time.text or "").split())[:120]
    body = next((b for b in bodies if not _overlaps(b, author) and not _overlaps(b, time)), None)
    if body is not None:
        item.body = Part(body)


def _overlaps(a: ElementNode, b: ElementNode | None) -> bool:
    return b is not None and (a.contains(b) or b.contains(a))


# A label before the name in an author element: "Originally posted by", "Posted on May 3 by", "By:".
_POSTED_BY_LABEL = re.compile(r"^(?:(?:originally\s+)?(?:posted|written|submitted|quoted|comment(?:ed)?)\b(?:\s+(?:on|at)\s+.{1,40}?)?\s+)?by\b\s*:?\s*", re.I)


def _author_text(value: str) -> str:
    lines = [" ".join(s.split()) for s in value.splitlines() if s.strip()]
    line = lines[0] if lines else ""
    label = _POSTED_BY_LABEL.match(line)
    if label is not None:
        # (the name follows the label, on its line or the next: "Originally posted by" / "Jo")
        line = line[label.end() :] or (lines[1] if len(lines) > 1 else "")
    elif line.lower().startswith("originally posted"):
        line = ""  # ("Originally posted 2011-04-26": a date, no name)
    line = _SAYS.sub("", line)
    return line if len(line) <= MAX_AUTHOR_CHARS else ""


def mark_and_render(tree: HTMLTree, items: list[Item]) -> DomComments | None:
    """Render the page with every part's span located; None when the page already holds markers."""
    parts = [p for item in items for p in (item.span, item.author, item.time, item.body) if p is not None]
    if 2 * len(parts) > MARK_LIMIT - MARK_BASE:
        return None
    prefix: dict[DOMNode, list[str]] = {}
    suffix: dict[DOMNode, list[str]] = {}
    texts: dict[DOMNode, str] = {}
    for k, part in enumerate(parts):
        first = _edge_text(part.node)
        last = _edge_text(part.node, last=True)
        if first is None or last is None:
            continue
        prefix.setdefault(first, []).append(chr(MARK_BASE + 2 * k))
        suffix.setdefault(last, []).append(chr(MARK_BASE + 2 * k + 1))
        texts[first] = first.value or ""
        texts[last] = last.value or ""
    for node, value in texts.items():
        if _ANY_MARK.search(value):
            return None
        core = value.strip()
        lead = value[: len(value) - len(value.lstrip())]
        trail = value[len(value.rstrip()) :]
        node.value = lead + "".join(prefix.get(node, ())) + core + "".join(suffix.get(node, ())) + trail
    marked = render_tree(tree)
    for node, value in texts.items():  # leave the tree as it was
        node.value = value
    pieces: list[str] = []
    pos = 0
    removed = 0
    where: dict[int, int] = {}
    for m in _ANY_MARK.finditer(marked):
        pieces.append(marked[pos : m.start()])
        where[ord(m.group()) - MARK_BASE] = m.start() - removed
        removed += 1
        pos = m.end()
    pieces.append(marked[pos:])
    for k, part in enumerate(parts):
        part.start = where.get(2 * k, -1)
        part.end = where.get(2 * k + 1, -1)
    return DomComments("".join(pieces), items)
