"""What the comment-item readers share: one reading of the page's elements, an item's members, its
time stamp and its name field.

html.repeated reads comment items as a group of subtrees of one shape; html.lone reads a page's one
comment item. Both ask the same questions of the same elements: which elements an item holds (in
page order), its visible words, whether an element is a time stamp, whether it sits in a menu or a
sidebar, whether a field reads as a name. Resiliparse builds a Python object for every node each
step of a walk (first_child, next_sibling, parent), so a walk costs far more than a list lookup:
the body is walked ONCE here (read_page), each element given its page-order index, its parent,
the span of its descendants and its direct text, and every later question is answered from these
lists. The answers that cost a read of the element (is it a stamp, is it in a sidebar) are kept:
a stamp the group reader read is not read again by the one-comment reader.

A time stamp is a <time>, an element with a `datetime` or an ISO `title` / `data-ts`, or an
element whose whole visible text is one run of words that reads as a date or an age ("3 hours
ago"). A name is a short text of a few words with a letter, no label ("Re: x"), date, chrome,
address or count.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable

from resiliparse.parse.html import DOMNode, ElementNode, HTMLTree, NodeType

from replyscope.html.comments_dom import _SAYS, INVISIBLE_TAGS, SECTION_SELECTOR, Item, Part, element_parent
from replyscope.split.chrome import is_chrome
from replyscope.split.dates import parse_posted

# An item never sits in these: the page's menus, reply forms, the head.
OUTSIDE = frozenset({"nav", "form", "select", "textarea", "button", "head", "aside", "script", "style", "template"})
MAX_STAMP_CHARS = 48
# (a figure takes a unit glued or spaced, "3h", "3 hours"; a word takes a spaced unit of more than
# one letter, "an hour", "a day": "And", "As", "Any" are words, not "an d", "a s", "an y")
AGE = re.compile(
    r"(?i)^(?:about\s+|posted\s+|edited\s+)?(?:(?:\d+\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|wk|wks|weeks?|mo|mos|months?|y|yr|yrs|years?)"
    r"|(?:an?|one)\s+(?:sec|secs|seconds?|min|mins|minutes?|hr|hrs|hours?|days?|wk|wks|weeks?|mo|mos|months?|yr|yrs|years?))\.?(?:\s+ago)?"
    r"|just now|yesterday(?:\s+at\s+\d{1,2}:\d\d\s*(?:[ap]m)?)?|today(?:\s+at\s+\d{1,2}:\d\d\s*(?:[ap]m)?)?)$"
)
ISO = re.compile(r"^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d)?")
MAX_NAME_WORDS = 5
MAX_NAME_CHARS = 40
_LABELLED = re.compile(r"\w:\s")
_URLISH = re.compile(r"(?i)://|^www\.|^@\s")
_COUNT = re.compile(r"(?i)^\W*\d[\d,.]*\s*(?:comments?|replies|reply|responses?|views?|likes?|shares?)\W*$")
_PX = re.compile(r"(?:margin|padding)-left\s*:\s*(\d+(?:\.\d+)?)\s*(px|em|rem)?", re.I)
# A region whose class or id says it lists other things (a sidebar's recent comments or tweets,
# related stories): its rows are no comments on this page.
ASIDE_NAMES = re.compile(r"(?i)sidebar|related|recent|popular|trending")
# The words of a control that answers one item: reply, quote, respond, answer (maybe "to this").
REPLY_CONTROL = re.compile(r"(?i)^\W*(?:reply|quote|respond|answer)(?:\s+to\s+this(?:\s+\w+)?)?\W*(?:\(\d+\))?\W*$")
CONTROL_TAGS = frozenset({"a", "button", "span"})
# A heading or label naming the section: "Comments", "12 replies", "Responses (31)", "3 Answers".
SECTION_LABEL = re.compile(
    r"(?i)^\W*(?:\d[\d,.]*\s*)?(?:comments?|repl(?:y|ies)|responses?|answers?|discussion|conversation|reactions?)\W*(?:\(?\d[\d,.]*\)?)?\W*$"
)
# A class or id naming comments or replies (around a group's region: a sign of a conversation).
SECTION_NAMES = re.compile(r"(?i)omment|ommen|discus|respon|repl(?:y|ies)")
# A class or id naming the section that holds a discussion ("responsive" is a layout's word).
NAMED_SECTION = re.compile(r"(?i)omment|ommen|discus|respon(?!siv)|repl(?:y|ies)")
REGION_LEVELS = 3  # the items' region: their nearest common ancestor and this many above it
MAX_INDENT_ELEMENTS = 12  # elements read at most for a row's indentation (its leading ones)


def name_like(text: str) -> bool:
    """Whether a field's text reads as a person's name (or handle), not a label, date or count."""
    text = " ".join(text.split())
    return (
        0 < len(text) <= MAX_NAME_CHARS
        and len(text.split()) <= MAX_NAME_WORDS
        and any(ch.isalpha() for ch in text)
        and not _LABELLED.search(text)
        and not AGE.match(text)
        and parse_posted(text) is None
        and not is_chrome(text)
        and not _URLISH.search(text)
        and not _COUNT.match(text)
    )


# An item's whole text longer than this is words, never a widget's line (is_chrome reads lines far shorter).
CHROME_TEXT_CHARS = 160


def chrome_only(texts: list[tuple[ElementNode, str]]) -> bool:
    """Whether an item's runs of words (Page.text_nodes) together read as a widget's line: an edit
    note ("Edited by NAME, DATE") carries a name and a stamp as a comment does, but no words of its own."""
    if sum(len(v) for _, v in texts) > CHROME_TEXT_CHARS:
        return False
    return is_chrome(" ".join(" ".join(v.split()) for _, v in texts))


class Member:
    """A comment item being read: its element and, once found, its stamp, author field and text
    element; `nested` holds the outermost items inside it (its replies: not its own words)."""

    __slots__ = ("node", "stamp", "author", "body", "nested", "words", "link_words")

    def __init__(self, node: ElementNode):
        self.node = node
        self.stamp: ElementNode | None = None
        self.author: ElementNode | None = None
        self.body: ElementNode | None = None
        self.nested: set[ElementNode] = set()
        self.words = 0
        self.link_words = 0


def read_page(tree: HTMLTree) -> Page | None:
    """The page's elements read once for both readers, or None when it has no body."""
    body = tree.body
    return Page(body) if body is not None else None


class Page:
    """The body's elements in page order (as body.query_selector_all("*") lists them), read in one walk.

    Each element's page-order span is its index and the index of its last descendant: `a` contains
    `b` (or is `b`) when b's index lies in a's span, one lookup where ElementNode.contains walks up the
    tree (testing a group's members pairwise that way was quadratic in the group's size times the
    depth)."""

    def __init__(self, body: ElementNode):
        self.body = body
        found = body.query_selector_all("*")
        self.nodes: list[ElementNode] = list(found[0 : len(found)])
        nodes = self.nodes
        n = len(nodes)
        self.index: dict[DOMNode, int] = {el: k for k, el in enumerate(nodes)}  # an element's page-order index
        self.tags: list[str] = [el.tag or "" for el in nodes]
        # (html2text shows it: not a script, a form control, hidden)
        self.shown: list[bool] = [tag not in INVISIBLE_TAGS and not el.hasattr("hidden") for tag, el in zip(self.tags, nodes)]
        index = self.index
        self.parent: list[int] = [index.get(up, -1) if up is not None else -1 for up in (el.parent for el in nodes)]  # -1: the body
        self.end: list[int] = list(range(n))  # the index of its last descendant
        self.depth: list[int] = [1] * n  # (1 for the body's children)
        self.deepest = 0  # the most elements nested in one another below the body
        parent, end, depth = self.parent, self.end, self.depth
        for k in range(n - 1, -1, -1):  # (children after their parent: each hands its end up)
            up = parent[k]
            if up >= 0 and end[k] > end[up]:
                end[up] = end[k]
        for k in range(n):
            up = parent[k]
            if up >= 0:
                depth[k] = depth[up] + 1
        self.deepest = max(depth, default=0)
        # the values of each element's own text nodes, read when first asked (a walk of its children)
        self._texts: list[list[str] | None] = [None] * n
        self._stamp: list[bool | None] = [None] * n
        self._aside: list[bool | None] = [None] * n
        self._outside: list[bool | None] = [None] * n
        self._keys: list[str | None] = [None] * n
        self._aside_above = any(ASIDE_NAMES.search(_names(el)) for el in _up_from(body))
        self._outside_above = any(el.tag in OUTSIDE or el.hasattr("hidden") for el in _up_from(body))

    def _own(self, k: int) -> list[str]:
        """The values of element k's own text nodes."""
        found = self._texts[k]
        if found is None:
            found = []
            text = NodeType.TEXT
            child = self.nodes[k].first_child
            while child is not None:
                if child.type == text:
                    found.append(child.value or "")
                child = child.next_sibling
            self._texts[k] = found
        return found

    # -- containment and order (the page-order spans) --

    def contains(self, outer: ElementNode, inner: ElementNode) -> bool:
        a, b = self.index.get(outer), self.index.get(inner)
        if a is None or b is None:  # (not a body element: ask the tree)
            return outer.contains(inner)
        return a <= b <= self.end[a]

    def size(self, node: ElementNode) -> int | None:
        """The number of elements `node` holds below it, or None when it is no body element."""
        k = self.index.get(node)
        return None if k is None else self.end[k] - k

    def sorted(self, nodes: Iterable[ElementNode]) -> list[ElementNode]:
        """`nodes` in page order, each once."""
        return sorted(set(nodes), key=self.index.__getitem__)

    def starts(self, ordered: list[ElementNode]) -> list[int]:
        return [self.index[n] for n in ordered]

    def tag_counts(self, tags: frozenset[str]) -> list[int]:
        """counts[k]: how many of the first k elements (page order) have a tag of `tags`; an element k
        holds one below it or is one when counts[end[k] + 1] > counts[k] (one lookup, not a walk of its subtree)."""
        out = [0] * (len(self.tags) + 1)
        n = 0
        for k, tag in enumerate(self.tags):
            if tag in tags:
                n += 1
            out[k + 1] = n
        return out

    def within(self, outer: ElementNode, ordered: list[ElementNode], starts: list[int]) -> list[ElementNode]:
        """The nodes of `ordered` (page order; `starts` their indices) that `outer` contains, itself included."""
        k = self.index[outer]
        return ordered[bisect_left(starts, k) : bisect_right(starts, self.end[k])]

    def outermost(self, ordered: list[ElementNode]) -> set[ElementNode]:
        """The nodes of `ordered` (page order, each once) inside no other of them."""
        out: set[ElementNode] = set()
        last_end = -1
        for n in ordered:
            k = self.index[n]
            if k > last_end:
                out.add(n)
                last_end = self.end[k]
        return out

    # -- an element's elements and words --

    def _visible(self, k: int, stop: Iterable[ElementNode]) -> list[int]:
        """The shown elements below element k in page order, not entering those in `stop` (or hidden ones)."""
        skip = {self.index[s] for s in stop if s in self.index}
        shown, end = self.shown, self.end
        out: list[int] = []
        j, last = k + 1, end[k]
        while j <= last:
            if not shown[j] or j in skip:
                j = end[j] + 1
                continue
            out.append(j)
            j += 1
        return out

    def elements(self, node: ElementNode, stop: Iterable[ElementNode] = ()) -> list[ElementNode]:
        """The shown elements below `node` in page order, not entering those in `stop`."""
        nodes = self.nodes
        return [nodes[j] for j in self._visible(self.index[node], stop)]

    def text_nodes(self, node: ElementNode, stop: Iterable[ElementNode] = ()) -> list[tuple[ElementNode, str]]:
        """(element holding it, text) of each visible run of words under `node`, not entering the
        elements in `stop`; grouped by element (the callers count them, in no order)."""
        k = self.index[node]
        nodes, own = self.nodes, self._own
        out = [(node, v) for v in own(k) if v and not v.isspace()]
        for j in self._visible(k, stop):
            for v in own(j):
                if v and not v.isspace():
                    out.append((nodes[j], v))
        return out

    def own_text(self, node: ElementNode) -> str:
        """The text of the element's own text nodes (not its children's), joined."""
        return "".join(self._own(self.index[node]))

    def _runs(self, k: int, limit: int) -> int:
        """How many visible runs of words element k holds, counted up to `limit`."""
        own, shown, end = self._own, self.shown, self.end
        n = sum(1 for v in own(k) if v and not v.isspace())
        j, last = k + 1, end[k]
        while j <= last and n < limit:
            if not shown[j]:
                j = end[j] + 1
                continue
            n += sum(1 for v in own(j) if v and not v.isspace())
            j += 1
        return n

    # -- what an element is, and where --

    def is_stamp(self, el: ElementNode) -> bool:
        """Whether the element is a time stamp (see the module's doc); read once per element."""
        k = self.index[el]
        found = self._stamp[k]
        if found is None:
            found = self._stamp[k] = is_stamp(el, lambda: self._runs(k, 2))
        return found

    def in_aside(self, node: ElementNode) -> bool:
        """Whether the element or one around it names a sidebar or a list of other things."""
        return self._climb(self.index[node], self._aside, lambda k: ASIDE_NAMES.search(_names(self.nodes[k])) is not None, self._aside_above)

    def outside(self, node: ElementNode) -> bool:
        """Whether an element around `node` is a menu, a form, the head... (OUTSIDE) or hidden."""
        return self._climb(self.parent[self.index[node]], self._outside, lambda k: self.tags[k] in OUTSIDE or self.nodes[k].hasattr("hidden"), self._outside_above)

    def _climb(self, k: int, known: list[bool | None], hit: Callable[[int], bool], above: bool) -> bool:
        """Whether element k or one around it is a `hit`, `above` when none is under <html>: each
        element climbed keeps the answer in `known`, which holds for what is under it too."""
        climbed: list[int] = []
        found: bool | None = None
        while k >= 0:
            found = known[k]
            if found is not None:
                break
            climbed.append(k)
            if hit(k):
                found = True
                break
            k = self.parent[k]
        if found is None:
            found = above
        for j in climbed:
            known[j] = found
        return found

    def key(self, node: ElementNode) -> str:
        """The element's shape: its tag and first class name, numbers aside (later names vary by item: "by-jo", "odd")."""
        k = self.index.get(node)
        return shape_key(node) if k is None else self._key(k)

    def _key(self, k: int) -> str:
        found = self._keys[k]
        if found is None:
            found = self._keys[k] = shape_key(self.nodes[k])
        return found

    def path(self, el: ElementNode, root: ElementNode) -> tuple[str, ...]:
        """The shapes from below `root` down to `el` (the same field of every item has the same path)."""
        k, r = self.index[el], self.index[root]
        out = []
        while k != r and k >= 0:
            out.append(self._key(k))
            k = self.parent[k]
        return tuple(reversed(out))

    def in_link(self, el: ElementNode, root: ElementNode) -> bool:
        """Whether `el` is a link or sits in one below `root`."""
        k, r = self.index[el], self.index[root]
        while k != r and k >= 0:
            if self.tags[k] == "a":
                return True
            k = self.parent[k]
        return False

    def linked(self, el: ElementNode) -> bool:
        """Whether most of an element's words are inside links."""
        texts = self.text_nodes(el)
        words = sum(len(v.split()) for _, v in texts)
        linked = sum(len(v.split()) for p, v in texts if p.tag == "a" or self.in_link(p, el))
        return words > 0 and linked * 2 > words

    def has_control(self, node: ElementNode) -> bool:
        """Whether a link, button or label below `node` is a reply control ("Reply", "Quote")."""
        k = self.index[node]
        tags, nodes = self.tags, self.nodes
        return any(tags[j] in CONTROL_TAGS and REPLY_CONTROL.match(" ".join((nodes[j].text or "").split())) for j in range(k + 1, self.end[k] + 1))

    def region(self, nodes: list[ElementNode]) -> ElementNode:
        """The items' region: their nearest common ancestor and REGION_LEVELS above it (the body at most)."""
        body = self.body
        common = element_parent(nodes[0])
        while common is not None and common != body and not all(self.contains(common, n) for n in nodes):
            common = element_parent(common)
        if common is None:
            return body
        for _ in range(REGION_LEVELS):
            up = element_parent(common)
            if common == body or up is None:
                break
            common = up
        return common


def marked_time(el: ElementNode) -> bool:
    """Whether the markup marks the element as a time (a <time>, a `datetime`, an ISO `title` or
    `data-ts`): a widget's stamp, never a date typed among a comment's words."""
    if el.tag in ("time", "relative-time") or el.hasattr("datetime"):
        return True
    return bool(ISO.match(el.getattr("title") or "") or ISO.match(el.getattr("data-ts") or ""))


def is_stamp(el: ElementNode, runs: Callable[[], int] | None = None) -> bool:
    """Whether the element is a time stamp (see the module's doc). `runs` counts the visible runs
    of words it holds (up to 2; Page counts them off its lists), else they are walked."""
    if marked_time(el):
        return True
    text = " ".join((el.text or "").split())
    if not text or len(text) > MAX_STAMP_CHARS or (runs() if runs is not None else _walked_runs(el)) != 1:
        return False  # (a header of name and date is no stamp: the date inside it is)
    return bool(AGE.match(text)) or (parse_posted(text) is not None and any(ch.isdigit() for ch in text) and len(text.split()) <= 8)


def _walked_runs(el: ElementNode, limit: int = 2) -> int:
    """How many visible runs of words `el` holds, counted up to `limit` (a walk of its subtree)."""
    n = 0
    stack = [el]
    while stack and n < limit:
        node = stack.pop()
        child = node.first_child
        while child is not None:
            if child.type == NodeType.TEXT:
                value = child.value
                if value and not value.isspace():
                    n += 1
            elif isinstance(child, ElementNode) and child.tag not in INVISIBLE_TAGS and not child.hasattr("hidden"):
                stack.append(child)
            child = child.next_sibling
    return n


# Elements whose class or id may name a comment section, found by the selector engine (a superset
# of NAMED_SECTION's matches: the regex then decides).
_NAMED_CANDIDATES = ", ".join(f"[{attr}*={part} i]" for part in ("ommen", "discus", "respon", "repl") for attr in ("class", "id"))


def stamp_in_named_section(body: ElementNode) -> bool:
    """Whether any stamp sits in an element that names a comment section (or is one).

    Both readers need one where the markup names comments (an item's own stamp, inside the named
    element): most such pages name comments only in a link or a form, and this one look at the
    named elements (the selector engine finds them, no reading of the page) spares them the
    reading of the page's elements and of every repeated subtree."""
    found = body.query_selector_all(_NAMED_CANDIDATES)
    scanned: list[ElementNode] = []
    for el in found[0 : len(found)]:
        if not NAMED_SECTION.search(_names(el)):
            continue
        if scanned and scanned[-1].contains(el):
            continue  # (its stamps were looked for with the named element around it)
        scanned.append(el)
        inner = el.query_selector_all("*")
        if is_stamp(el) or any(is_stamp(x) for x in inner[0 : len(inner)]):
            return True
    return False


def _names(el: ElementNode) -> str:
    return (el.class_name or "") + " " + (el.id or "")


def _up_from(node: ElementNode) -> list[ElementNode]:
    """`node` and the elements around it."""
    out = []
    el: ElementNode | None = node
    while el is not None:
        out.append(el)
        el = element_parent(el)
    return out


def shape_key(node: ElementNode) -> str:
    names = (node.class_name or "").split()
    return (node.tag or "") + "." + (re.sub(r"\d+", "", names[0]) if names else "")


def next_element(node: ElementNode) -> ElementNode | None:
    """The element right after `node`, with no words between them."""
    sib = node.next_sibling
    while sib is not None and sib.type != NodeType.ELEMENT:
        if sib.type == NodeType.TEXT and (sib.value or "").strip():
            return None
        sib = sib.next_sibling
    return sib if isinstance(sib, ElementNode) else None


def in_named_section_element(el: ElementNode | None, body: ElementNode) -> bool:
    """Whether `el` or an element around it (below the body) names a comment section."""
    while el is not None and el != body:
        if NAMED_SECTION.search(_names(el)):
            return True
        el = element_parent(el)
    return False


def shows_conversation(nodes: list[ElementNode], page: Page) -> bool:
    """Whether the page shows a conversation around the items, not only a list of dated things:
    markup naming comments or replies, a text box to write in, a heading naming the section, or
    a reply control at most items (in the item or the row after it)."""
    body = page.body
    # (the signs count in the items' own region only: a search form, a newsletter box or a
    # "comments" link in the menu elsewhere on the page says nothing of these items)
    region = page.region(nodes)
    if region.query_selector(SECTION_SELECTOR) is not None or _names_comments(region, body):
        return True
    if region.query_selector("textarea") is not None:
        return True
    found = region.query_selector_all("h1, h2, h3, h4, h5, h6, legend, summary, caption, th")
    for el in found[0 : len(found)]:
        if SECTION_LABEL.match(" ".join((el.text or "").split())):
            return True
    with_control = 0
    for node in nodes:
        places = [node] + [x for x in (next_element(node),) if x is not None]
        if any(page.has_control(p) for p in places):
            with_control += 1
    return with_control * 2 > len(nodes)


def _names_comments(region: ElementNode, body: ElementNode) -> bool:
    """Whether the region or an element around it names comments in its class or id."""
    el: ElementNode | None = region
    while el is not None and el != body:
        if SECTION_NAMES.search((el.class_name or "") + " " + (el.id or "")):
            return True
        el = element_parent(el)
    return False


def to_items(members: list[Member], page: Page) -> list[Item]:
    """The members as comment items in page order: nesting by containment, else (a flat list of
    rows) by the indentation each row starts with; each with its author, time and text parts."""
    members.sort(key=lambda m: page.index[m.node])
    items: list[Item] = []
    open_items: list[int] = []
    any_nested = False
    for m in members:
        while open_items and not page.contains(items[open_items[-1]].node, m.node):
            open_items.pop()
        parent = open_items[-1] if open_items else None
        any_nested = any_nested or parent is not None
        item = Item(m.node, Part(m.node), parent, len(open_items))
        if parent is not None:
            items[parent].children.append(len(items))
        items.append(item)
        open_items.append(len(items) - 1)
    if not any_nested:
        indents = [_indent(m.node, page) for m in members]
        if len(set(indents)) > 1:
            stack: list[int] = []
            for k, ind in enumerate(indents):
                while stack and indents[stack[-1]] >= ind:
                    stack.pop()
                items[k].parent = stack[-1] if stack else None
                items[k].depth = len(stack)
                stack.append(k)
    for item, m in zip(items, members):
        _parts(item, m)
    return items


def _indent(node: ElementNode, page: Page) -> float:
    """The indentation a flat row starts with: its own or a leading element's margin/padding-left,
    or a spacer image's width (an image before the row's first words)."""
    best = 0.0
    for seen, el in enumerate([node, *page.elements(node)], 1):
        if seen > MAX_INDENT_ELEMENTS:
            break
        m = _PX.search(el.getattr("style") or "")
        if m:
            best = max(best, float(m.group(1)) * (16 if m.group(2) in ("em", "rem") else 1))
        if el.tag == "img" and (el.getattr("width") or "").isdigit():
            best = max(best, float(el.getattr("width") or 0))
        if el != node and page.own_text(el).strip():
            break
    return best


def _parts(item: Item, m: Member) -> None:
    stamp = m.stamp
    author = m.author
    if stamp is not None:
        item.time = Part(stamp)
        inner = stamp if stamp.hasattr("datetime") else stamp.query_selector("[datetime]")
        iso = (inner.getattr("datetime") if inner is not None else "") or stamp.getattr("title") or stamp.getattr("data-ts") or ""
        item.posted_iso = iso if ISO.match(iso) else ""
        item.posted_raw = " ".join((stamp.text or "").split())[:120]
    if author is not None:
        item.author = Part(author)
        # (the name field's lines joined, as a rank and a name print; a verb after it dropped: "Jo said...")
        item.author_text = _SAYS.sub("", " ".join((author.text or "").split()))
    if m.body is not None:
        item.body = Part(m.body)
