"""Comment items found by the page's repeated structure, when no markup says "comment".

Widgets built from custom elements (<x-reply>), hashed class names ("_a8f3 x1k2"), data-attributes
or plain table rows name nothing a class list can know. What they all share is the shape of a
comment list: many sibling-like subtrees of one shape (the same tag and class names, numbers aside),
each carrying ONE time stamp of its own (a <time>, an element with a `datetime` or an ISO `title`,
or an element whose whole text is a date or an age such as "3 hours ago"), a name-like field that
changes from item to item, and words of its own that are mostly not links (a list of headlines
with dates is links). Such a group of subtrees is read as comment items:

- each stamp belongs to one item: of groups that claim the same stamps (a record and its inner
  wrapper), the outer one is kept; a group whose stamps no kept group claimed is kept too (the
  comments under a Q&A answer);
- nesting is DOM containment, else (a flat list of rows) the indentation each row starts with: an
  inline margin-left / padding-left, or the width of a spacer image;
- the author is the field (the same child path in every item) whose short text changes most from
  item to item, the time is the stamp, the text is the largest element that holds neither;
- the page must show a conversation in the items' region (markup naming comments or replies, a
  text box, a heading naming the section, or a reply control at most items): a list of dated
  notes with names is not enough. Lists of linked headlines, sidebars and microformat entries
  are never items.

split_html_document asks for this reading where no markup on the page names a comment item; where
markup names the section but no item ("discussion", "responses"), the items must sit inside the
element that names it. A page with one comment has no group: html.lone reads it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict

from resiliparse.parse.html import DOMNode, HTMLTree, NodeType

from replyscope.html.comments_dom import _SAYS, MAX_NESTING, SECTION_SELECTOR, Item, Part, _children, _shown
from replyscope.split.chrome import is_chrome
from replyscope.split.dates import parse_posted

# An item never sits in these: the page's menus, reply forms, the head.
OUTSIDE = frozenset({"nav", "form", "select", "textarea", "button", "head", "aside", "script", "style", "template"})
# Elements that are never an item of their own (inline text, media, the list wrappers' structure).
NEVER_ITEM = frozenset({"a", "b", "i", "em", "strong", "span", "img", "br", "hr", "p", "time", "abbr", "cite", "small", "u", "s", "code", "pre", "label", "svg", "path", "ul", "ol", "dl", "table", "tbody", "thead", "html", "body", "main", "h1", "h2", "h3", "h4", "h5", "h6", "input", "iframe", "video", "picture", "source"})
MAX_STAMP_CHARS = 48
AGE = re.compile(
    r"(?i)^(?:about\s+|posted\s+|edited\s+)?(?:(?:\d+|an?|one)\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|wk|wks|weeks?|mo|mos|months?|y|yr|yrs|years?)\.?(?:\s+ago)?|just now|yesterday(?:\s+at\s+\d{1,2}:\d\d\s*(?:[ap]m)?)?|today(?:\s+at\s+\d{1,2}:\d\d\s*(?:[ap]m)?)?)$"
)
ISO = re.compile(r"^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d)?")
MIN_ITEMS = 2
MIN_SHARE_STAMPED = 0.6  # of a group's members with words, the share carrying a stamp
MAX_LINK_SHARE = 0.5  # of a group's words, the share inside links (a headline list is links)
MIN_NAME_SHARE = 0.8  # of a group's members, the share whose author field holds a name-like text
MAX_NAME_WORDS = 5
MAX_NAME_CHARS = 40
# Work bounds for hostile markup. Containment is read from page-order spans (_Spans), one lookup a
# test; the bounds stay for what still walks an item's subtree (its own text, parts and body).
# Replies in a real widget nest a few levels each, ten or so deep, so elements nested more than
# MAX_NESTING deep (the DOM comment reader's bound, comments_dom) are broken markup whose
# containment says nothing of who answers whom, and a group of more than MAX_GROUP items is left
# to the text splitter (which reads it in one pass).
MAX_GROUP = 500
_LABELLED = re.compile(r"\w:\s")
_PX = re.compile(r"(?:margin|padding)-left\s*:\s*(\d+(?:\.\d+)?)\s*(px|em|rem)?", re.I)


def _key(node: DOMNode) -> str:
    # the tag and the first class name, numbers aside: later names vary by item ("by-jo", "odd")
    names = (node.class_name or "").split()
    return node.tag + "." + (re.sub(r"\d+", "", names[0]) if names else "")


# A region whose class or id says it lists other things (a sidebar's recent comments or tweets,
# related stories): its rows are no comments on this page.
ASIDE_NAMES = re.compile(r"(?i)sidebar|related|recent|popular|trending")
# A microformat entry is a post, not a comment on one.
ENTRY_NAMES = frozenset({"hentry", "h-entry"})
_URLISH = re.compile(r"(?i)://|^www\.|^@\s")
_COUNT = re.compile(r"(?i)^\W*\d[\d,.]*\s*(?:comments?|replies|reply|responses?|views?|likes?|shares?)\W*$")


def _in_aside(node: DOMNode) -> bool:
    el = node
    while el is not None and el.type == NodeType.ELEMENT:
        if ASIDE_NAMES.search((el.class_name or "") + " " + (el.id or "")):
            return True
        el = el.parent
    return False


def _own_text_nodes(node: DOMNode, stop: set[DOMNode]) -> list[tuple[DOMNode, str]]:
    """(parent element, text) of the visible text under `node`, outside the elements in `stop`."""
    out: list[tuple[DOMNode, str]] = []
    stack = [node]
    while stack:
        el = stack.pop()
        for child in reversed(_children(el)):
            if child.type == NodeType.TEXT:
                value = child.value
                if value and not value.isspace():
                    out.append((el, value))
            elif child.type == NodeType.ELEMENT and _shown(child) and child not in stop:
                stack.append(child)
    out.reverse()
    return out


def _elements(node: DOMNode, stop: set[DOMNode]) -> list[DOMNode]:
    """Visible descendant elements of `node` in page order, not entering the elements in `stop`."""
    out: list[DOMNode] = []
    stack = list(reversed([c for c in _children(node) if c.type == NodeType.ELEMENT]))
    while stack:
        el = stack.pop()
        if el in stop or not _shown(el):
            continue
        out.append(el)
        stack.extend(reversed([c for c in _children(el) if c.type == NodeType.ELEMENT]))
    return out


def _is_stamp(el: DOMNode) -> bool:
    if el.tag in ("time", "relative-time") or el.hasattr("datetime"):
        return True
    if ISO.match(el.getattr("title") or "") or ISO.match(el.getattr("data-ts") or ""):
        return True
    text = " ".join(el.text.split())
    if not text or len(text) > MAX_STAMP_CHARS or len(_own_text_nodes(el, set())) != 1:
        return False  # (a header of name and date is no stamp: the date inside it is)
    return bool(AGE.match(text)) or (parse_posted(text) is not None and any(ch.isdigit() for ch in text) and len(text.split()) <= 8)


def _name_like(text: str) -> bool:
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


def _inside(node: DOMNode, tags: frozenset[str]) -> bool:
    parent = node.parent
    while parent is not None and parent.type == NodeType.ELEMENT:
        if parent.tag in tags or parent.hasattr("hidden"):
            return True
        parent = parent.parent
    return False


class _Member:
    __slots__ = ("node", "stamp", "author", "body", "nested", "words", "link_words")

    def __init__(self, node: DOMNode):
        self.node = node
        self.stamp: DOMNode | None = None
        self.author: DOMNode | None = None
        self.body: DOMNode | None = None
        self.nested: set[DOMNode] = set()
        self.words = 0
        self.link_words = 0


class _Spans:
    """Each element's page-order span: its index in the preorder list of the body's elements and
    the index of its last descendant. `a` contains `b` (or is `b`) when b's index lies in a's span:
    one lookup, where DOMNode.contains walks up the tree (and testing a group's members pairwise
    that way was quadratic in the group's size times the depth)."""

    def __init__(self, elements: list[DOMNode]):
        self.start: dict[DOMNode, int] = {}
        self.end: dict[DOMNode, int] = {}
        self.deepest = 0  # the most elements nested in one another below the body
        stack: list[DOMNode] = []  # the open elements: the path from the body to the current one
        for k, el in enumerate(elements):
            parent = el.parent
            while stack and stack[-1] != parent:
                self.end[stack.pop()] = k - 1
            self.start[el] = k
            stack.append(el)
            if len(stack) > self.deepest:
                self.deepest = len(stack)
        for el in stack:
            self.end[el] = len(elements) - 1

    def contains(self, outer: DOMNode, inner: DOMNode) -> bool:
        a, b = self.start.get(outer), self.start.get(inner)
        if a is None or b is None:  # (not a body element of the list: ask the tree)
            return outer.contains(inner)
        return a <= b <= self.end[outer]

    def sorted(self, nodes) -> list[DOMNode]:
        """`nodes` in page order, each once."""
        return sorted(set(nodes), key=self.start.__getitem__)

    def within(self, outer: DOMNode, ordered: list[DOMNode], starts: list[int]) -> list[DOMNode]:
        """The nodes of `ordered` (page order; `starts` their indices) that `outer` contains, itself included."""
        return ordered[bisect_left(starts, self.start[outer]) : bisect_right(starts, self.end[outer])]

    def outermost(self, ordered: list[DOMNode]) -> set[DOMNode]:
        """The nodes of `ordered` (page order, each once) inside no other of them."""
        out: set[DOMNode] = set()
        last_end = -1
        for n in ordered:
            if self.start[n] > last_end:
                out.add(n)
                last_end = self.end[n]
        return out


def _path(el: DOMNode, root: DOMNode) -> tuple[str, ...]:
    out = []
    while el is not None and el != root:
        out.append(_key(el))
        el = el.parent
    return tuple(reversed(out))


def find_repeated_items(tree: HTMLTree, *, in_named_section: bool = False) -> list[Item]:
    """Comment items read from the page's repeated structure (see the module's doc), in page order.

    `in_named_section`: the page's markup names comments somewhere (but marks no item): the items
    must then sit inside an element whose class or id names the comment section ("discussion",
    "responses", "comments"), so a dated list elsewhere on such a page is never read as its thread.
    """
    body = tree.body
    if body is None:
        return []
    groups: dict[str, list[DOMNode]] = defaultdict(list)
    found = body.query_selector_all("*")
    elements = found[0 : len(found)]
    spans = _Spans(elements)
    if spans.deepest > MAX_NESTING:
        return []
    for el in elements:
        if el.tag in NEVER_ITEM or el.tag in OUTSIDE or not _shown(el):
            continue
        groups[_key(el)].append(el)
    candidates: list[tuple[str, list[_Member]]] = []
    for key, nodes in groups.items():
        if len(nodes) < MIN_ITEMS or len(nodes) > MAX_GROUP:
            continue
        if ENTRY_NAMES & set((nodes[0].class_name or "").split()):
            continue
        nodes = [n for n in nodes if not _inside(n, OUTSIDE) and not _in_aside(n)]
        members = _read_group(nodes, spans)
        if members is not None:
            candidates.append((key, members))
    # the most items first; among equals, the outer group (its members hold the other's)
    candidates.sort(key=lambda c: (-len(c[1]), _depth(c[1][0].node)))
    claimed: set[DOMNode] = set()
    kept_groups: list[list[_Member]] = []
    for _key_, members in candidates:
        stamps = {m.stamp for m in members}
        if stamps & claimed:
            continue
        claimed |= stamps
        kept_groups.append(members)
    for group in kept_groups:
        group += _strays(group, elements, claimed, spans)
        group.sort(key=lambda m: spans.start[m.node])
    kept = [m for group in kept_groups for m in group]
    if len(kept) < MIN_ITEMS:
        return []
    # the items inside an item (its replies, the comments under an answer) are not its words:
    # authors are read again without them, and for the strays
    by_start = sorted(kept, key=lambda m: spans.start[m.node])
    starts = [spans.start[m.node] for m in by_start]
    for m in kept:
        lo, hi = bisect_left(starts, spans.start[m.node]), bisect_right(starts, spans.end[m.node])
        inner = {o.node for o in by_start[lo:hi] if o is not m}
        m.nested = spans.outermost(spans.sorted(inner))
    for group in kept_groups:
        _authors(group)
    for group in kept_groups:
        _bodies(group, spans)
    # a group whose texts are mostly links is a list of headlines with bylines and dates
    kept_groups = [g for g in kept_groups if sum(_linked(m.body) for m in g if m.body is not None) * 2 <= len(g)]
    kept = [m for group in kept_groups for m in group]
    if len(kept) < MIN_ITEMS:
        return []
    if in_named_section and not all(m.node.parent is not None and in_named_section_element(m.node.parent, body) for m in kept):
        return []
    if not _conversation(tree, kept, spans):
        return []
    for group in list(kept_groups):
        kept += _companions(group)
    from replyscope.html.lone import replies_inside  # noqa: PLC0415 (lone reads an item as this module does)

    kept += replies_inside(kept, claimed, spans)
    return _items(kept, spans)


# The words of a control that answers one item: reply, quote, respond, answer (maybe "to this").
REPLY_CONTROL = re.compile(r"(?i)^\W*(?:reply|quote|respond|answer)(?:\s+to\s+this(?:\s+\w+)?)?\W*(?:\(\d+\))?\W*$")
# A heading or label naming the section: "Comments", "12 replies", "Discussion (4)", "3 Answers".
SECTION_LABEL = re.compile(
    r"(?i)^\W*(?:\d[\d,.]*\s*)?(?:comments?|repl(?:y|ies)|responses?|answers?|discussion|conversation|reactions?)\W*(?:\(?\d[\d,.]*\)?)?\W*$"
)


def _conversation(tree: HTMLTree, kept: list[_Member], spans: _Spans) -> bool:
    """Whether the page shows a conversation around the items, not only a list of dated things:
    markup naming comments or replies, a text box to write in, a heading naming the section, or
    a reply control at most items (in the item or the row after it)."""
    body = tree.body
    if body is None:
        return False
    # (the signs count in the items' own region only: a search form, a newsletter box or a
    # "comments" link in the menu elsewhere on the page says nothing of these items)
    region = _region([m.node for m in kept], body, spans)
    if region.query_selector(SECTION_SELECTOR) is not None or _names_comments(region, body):
        return True
    if region.query_selector("textarea") is not None:
        return True
    for el in _iter(region.query_selector_all("h1, h2, h3, h4, h5, h6, legend, summary, caption, th")):
        if SECTION_LABEL.match(" ".join(el.text.split())):
            return True
    with_control = 0
    for m in kept:
        places = [m.node] + [x for x in (_next_element(m.node),) if x is not None]
        if any(_has_control(p) for p in places):
            with_control += 1
    return with_control * 2 > len(kept)


REGION_LEVELS = 3  # the items' region: their nearest common ancestor and this many above it


def _region(nodes: list[DOMNode], body: DOMNode, spans: _Spans) -> DOMNode:
    common = nodes[0].parent
    while common is not None and common != body and not all(spans.contains(common, n) for n in nodes):
        common = common.parent
    if common is None:
        return body
    for _ in range(REGION_LEVELS):
        if common == body or common.parent is None or common.parent.type != NodeType.ELEMENT:
            break
        common = common.parent
    return common


def _names_comments(region: DOMNode, body: DOMNode) -> bool:
    """Whether the region or an element around it names comments in its class or id."""
    el: DOMNode | None = region
    while el is not None and el != body and el.type == NodeType.ELEMENT:
        if SECTION_NAMES.search((el.class_name or "") + " " + (el.id or "")):
            return True
        el = el.parent
    return False


SECTION_NAMES = re.compile(r"(?i)omment|ommen|discus|respon|repl(?:y|ies)")
# A class or id naming the section that holds a discussion ("responsive" is a layout's word).
NAMED_SECTION = re.compile(r"(?i)omment|ommen|discus|respon(?!siv)|repl(?:y|ies)")


def in_named_section_element(el: DOMNode | None, body: DOMNode) -> bool:
    """Whether `el` or an element around it (below the body) names a comment section."""
    while el is not None and el != body and el.type == NodeType.ELEMENT:
        if NAMED_SECTION.search((el.class_name or "") + " " + (el.id or "")):
            return True
        el = el.parent
    return False


def stamp_in_named_section(body: DOMNode) -> bool:
    """Whether any stamp sits in an element that names a comment section (or is one).

    Both readers need one where the markup names comments (an item's own stamp, inside the named
    element): most such pages name comments only in a link or a form, and this one look at the
    named elements spares them the reading of every repeated subtree of the page."""
    scanned: list[DOMNode] = []
    for el in _iter(body.query_selector_all("[class], [id]")):
        if not NAMED_SECTION.search((el.class_name or "") + " " + (el.id or "")):
            continue
        if any(outer.contains(el) for outer in scanned):
            continue  # (its stamps were looked for with the element around it)
        scanned.append(el)
        if _is_stamp(el) or any(_is_stamp(x) for x in _iter(el.query_selector_all("*"))):
            return True
    return False


def _iter(found) -> list[DOMNode]:
    return list(found[0 : len(found)])


def _has_control(node: DOMNode) -> bool:
    return any(REPLY_CONTROL.match(" ".join(el.text.split())) for el in _iter(node.query_selector_all("a, button, span")))


def _linked(el: DOMNode) -> bool:
    """Whether most of an element's words are inside links."""
    texts = _own_text_nodes(el, set())
    words = sum(len(v.split()) for _, v in texts)
    linked = sum(len(v.split()) for p, v in texts if p.tag == "a" or _inside_link(p, el))
    return words > 0 and linked * 2 > words


def _next_element(node: DOMNode) -> DOMNode | None:
    sib = node.next_sibling
    while sib is not None and sib.type != NodeType.ELEMENT:
        if sib.type == NodeType.TEXT and sib.value.strip():
            return None
        sib = sib.next_sibling
    return sib


def _companions(group: list[_Member]) -> list[_Member]:
    """The text halves of items drawn as a header and a sibling (<dt> name and date, <dd> words):
    when no member of the group has words besides its author and stamp and each one's next
    sibling is an element of one shape, those siblings are items too (their header is the one before)."""
    if any(m.body is not None for m in group):
        return []
    sibs = [_next_element(m.node) for m in group]
    if any(s is None for s in sibs) or len({_key(s) for s in sibs if s is not None}) != 1:
        return []
    members = {m.node for m in group}
    if any(s in members for s in sibs):
        return []
    return [_Member(s) for s in sibs if s is not None]


def _strays(group: list[_Member], elements: list[DOMNode], claimed: set[DOMNode], spans: _Spans) -> list[_Member]:
    """Items of the group's place but another class (the post's author answering: li.by-author
    among li.comment-entry): an element of the members' tag under a parent of their parents'
    shape, with a stamp of its own no item claimed and words besides it."""
    tags = {m.node.tag for m in group}
    parents = {_key(m.node.parent) for m in group if m.node.parent is not None}
    nodes = {m.node for m in group}
    homes = {m.node.parent for m in group}
    homes_up = {h.parent for h in homes if h is not None and h.parent is not None}
    ordered = spans.sorted(nodes)
    starts = [spans.start[n] for n in ordered]
    member_homes = {n.parent for n in nodes if n.parent is not None}
    out: list[_Member] = []
    for el in elements:
        if el.tag not in tags or el in nodes or el.parent is None or _key(el.parent) not in parents:
            continue
        if el.parent not in homes and el.parent.parent not in homes_up:
            continue  # (under the items' own lists only, not any list of their shape on the page)
        if spans.within(el, ordered, starts):
            continue  # (an element holding items is their wrapper: it holds none when it goes on)
        if _inside(el, OUTSIDE) or _in_aside(el):
            continue
        m = _Member(el)
        m.stamp = next((x for x in _elements(el, m.nested) if _is_stamp(x)), None)
        if m.stamp is None or m.stamp in claimed or (el.parent not in member_homes and _inside_any(el, nodes)):
            continue  # (inside an item, only where its replies sit: a parent that holds items too)
        claimed.add(m.stamp)
        out.append(m)
    return out


def _inside_any(el: DOMNode, nodes: set[DOMNode]) -> bool:
    """Whether an ancestor of `el` is one of `nodes`."""
    up = el.parent
    while up is not None and up.type == NodeType.ELEMENT:
        if up in nodes:
            return True
        up = up.parent
    return False


def _depth(node: DOMNode) -> int:
    d = 0
    while node.parent is not None:
        d += 1
        node = node.parent
    return d


def _read_group(nodes: list[DOMNode], spans: _Spans) -> list[_Member] | None:
    """The group's members as comment items, or None when the group is no comment list."""
    if len(nodes) < MIN_ITEMS:
        return None
    members = [_Member(n) for n in nodes]
    with_words = 0
    stamped: list[_Member] = []
    words = link_words = 0
    ordered = spans.sorted(nodes)
    starts = [spans.start[n] for n in ordered]
    for m in members:
        # the members nested in this one are its replies: their words and stamps are not its own
        outer_nested = spans.outermost([n for n in spans.within(m.node, ordered, starts) if n != m.node])
        texts = _own_text_nodes(m.node, outer_nested)
        if not texts:
            continue
        with_words += 1
        for el in _elements(m.node, outer_nested):
            if _is_stamp(el):
                m.stamp = el
                break
        for parent, value in texts:
            linked = parent.tag == "a" or _inside_link(parent, m.node)
            # (the stamp and the action row are links in most widgets; in a thread of a few short
            # replies they outweigh the words: those links count on neither side)
            if linked and (m.stamp is not None and m.stamp.contains(parent) or is_chrome(" ".join(value.split()))):
                continue
            k = len(value.split())
            words += k
            if linked:
                link_words += k
        if m.stamp is not None:
            stamped.append(m)
        m.nested = outer_nested
    if len(stamped) < MIN_ITEMS or len(stamped) < MIN_SHARE_STAMPED * with_words:
        return None
    if not words or link_words > MAX_LINK_SHARE * words:
        return None
    # one stamp per item: a group whose members share stamps is a wrapper of the items, not items
    if len({m.stamp for m in stamped}) < len(stamped):
        return None
    return stamped if _authors(stamped) else None


def _inside_link(el: DOMNode, root: DOMNode) -> bool:
    while el is not None and el != root:
        if el.tag == "a":
            return True
        el = el.parent
    return False


def _authors(members: list[_Member]) -> bool:
    """Find each member's author field (the path whose name-like text varies most); False when none."""
    by_path: dict[tuple[str, ...], list[tuple[_Member, DOMNode, str]]] = defaultdict(list)
    for m in members:
        m.author = None
        seen: set[tuple[str, ...]] = set()
        for el in _elements(m.node, m.nested):
            if m.stamp is not None and (m.stamp.contains(el) or el.contains(m.stamp)):
                continue
            own = "".join(c.value for c in _children(el) if c.type == NodeType.TEXT).strip()
            if not own:
                continue
            path = _path(el, m.node)
            if path in seen:
                continue
            seen.add(path)
            by_path[path].append((m, el, " ".join(el.text.split())))
    best: tuple[int, int] | None = None
    best_path = None
    for k, (path, found) in enumerate(by_path.items()):
        names = [(m, el, t) for m, el, t in found if _name_like(t)]
        if len(names) < MIN_NAME_SHARE * len(members) or len(names) < MIN_ITEMS:
            continue
        score = (len({t for _, _, t in names}), -k)
        if best is None or score > best:
            best, best_path = score, path
    if best_path is None or best is None or best[0] < 2:
        return False
    for m, el, t in by_path[best_path]:
        if _name_like(t):
            m.author = el
    return True


def _indent(node: DOMNode) -> float:
    """The indentation a flat row starts with: its own or a leading element's margin/padding-left,
    or a spacer image's width (an image before the row's first words)."""
    best = 0.0
    el: DOMNode | None = node
    seen = 0
    for el in [node, *_elements(node, set())]:
        seen += 1
        if seen > 12:
            break
        m = _PX.search(el.getattr("style") or "")
        if m:
            best = max(best, float(m.group(1)) * (16 if m.group(2) in ("em", "rem") else 1))
        if el.tag == "img" and (el.getattr("width") or "").isdigit():
            best = max(best, float(el.getattr("width") or 0))
        if el != node and any(c.type == NodeType.TEXT and c.value.strip() for c in _children(el)):
            break
    return best


def _items(members: list[_Member], spans: _Spans) -> list[Item]:
    members.sort(key=lambda m: spans.start[m.node])
    items: list[Item] = []
    open_items: list[int] = []
    any_nested = False
    for m in members:
        while open_items and not spans.contains(items[open_items[-1]].node, m.node):
            open_items.pop()
        parent = open_items[-1] if open_items else None
        any_nested = any_nested or parent is not None
        item = Item(m.node, Part(m.node), parent, len(open_items))
        if parent is not None:
            items[parent].children.append(len(items))
        items.append(item)
        open_items.append(len(items) - 1)
    if not any_nested:
        indents = [_indent(m.node) for m in members]
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


def _order(node: DOMNode) -> tuple[int, ...]:
    path = []
    while node.parent is not None:
        k = 0
        sib = node.previous_sibling
        while sib is not None:
            k += 1
            sib = sib.previous_sibling
        path.append(k)
        node = node.parent
    return tuple(reversed(path))


def _parts(item: Item, m: _Member) -> None:
    stamp = m.stamp
    author = m.author
    if stamp is not None:
        item.time = Part(stamp)
        inner = stamp if stamp.hasattr("datetime") else stamp.query_selector("[datetime]")
        iso = (inner.getattr("datetime") if inner is not None else "") or stamp.getattr("title") or stamp.getattr("data-ts") or ""
        item.posted_iso = iso if ISO.match(iso) else ""
        item.posted_raw = " ".join(stamp.text.split())[:120]
    if author is not None:
        item.author = Part(author)
        # (the name field's lines joined, as a rank and a name print; a verb after it dropped: "Jo said...")
        item.author_text = _SAYS.sub("", " ".join(author.text.split()))
    if m.body is not None:
        item.body = Part(m.body)


TEMPLATE_WORDS = 3


def _bodies(members: list[_Member], spans: _Spans) -> None:
    """Each member's text: the element at the child path holding the most words over the group
    (a widget's text sits at one path; its action row's words are fewer over many items), among
    elements that hold neither the author nor the stamp nor a reply."""
    options: list[dict[tuple[str, ...], tuple[DOMNode, int]]] = []
    total: Counter[tuple[str, ...]] = Counter()
    seen: set[tuple[tuple[str, ...], str]] = set()  # (a text every item repeats, "Re: the title", is nobody's words)
    texts_at: defaultdict[tuple[str, ...], set[str]] = defaultdict(set)
    for m in members:
        mine: dict[tuple[str, ...], tuple[DOMNode, int]] = {}
        for el in _elements(m.node, m.nested):
            if any(x is not None and (el.contains(x) or x.contains(el)) for x in (m.stamp, m.author)):
                continue
            if any(spans.contains(el, n) for n in m.nested):
                continue
            path = _path(el, m.node)
            if path in mine:
                continue
            if is_chrome(" ".join(el.text.split())):
                continue
            # (the words of its action row's parts, "▲ 32", "Reply", count for nothing: two short
            # replies have fewer words than their rows of buttons)
            k = sum(len(v.split()) for _, v in _own_text_nodes(el, set()) if not is_chrome(" ".join(v.split())))
            if k:
                mine[path] = (el, k)
        options.append(mine)
        for path, (el, k) in mine.items():
            text = " ".join(el.text.split())
            texts_at[path].add(text)
            if (path, text) not in seen:
                seen.add((path, text))
                total[path] += k
    # a text of several words that every item prints word for word is the template's ("Subject:
    # Re: the title"), never the text: a thread of two short replies has fewer words than it
    template = {p for p, texts in texts_at.items() if len(members) >= 2 and len(texts) == 1 and sum(p in mine for mine in options) == len(members) and len(next(iter(texts)).split()) >= TEMPLATE_WORDS}
    ranked = [path for path, _ in total.most_common() if path not in template]
    for m, mine in zip(members, options):
        for path in ranked:
            if path in mine:
                m.body = mine[path][0]
                break
        if m.body is not None and _more_paragraphs(m):
            # the text runs on in siblings (<p> after <p>) after the header: it is all that
            # follows the author and stamp lines, which the item's span gives without a body
            m.body = None


def _more_paragraphs(m: _Member) -> bool:
    body = m.body
    if body is None or any(x is not None and _order(x) > _order(body) for x in (m.author, m.stamp)):
        return False
    sib = body.next_sibling
    while sib is not None:
        if sib.type == NodeType.ELEMENT and sib.tag == body.tag and sib.text.strip() and sib not in m.nested:
            return True
        sib = sib.next_sibling
    return False
