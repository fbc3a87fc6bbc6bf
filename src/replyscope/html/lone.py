"""A page's one comment item, when there is no second one to repeat its shape.

html.repeated reads comment items as a group of subtrees of one shape; a page with one comment has
no group. A lone comment still shows what every comment item shows: ONE stamp of its own (a
<time>, a `datetime` or an ISO `title`, or an element whose whole text is a date or an age), a
name-like field beside it (the nearest one before the stamp, as headers read "NAME · DATE"; else
the nearest after), and a block of words of its own that are mostly not links. The item is the
lowest element around the stamp that holds all three and no other stamp; an article (it holds an
h1 / h2) is never one.

A lone item needs stronger signs of a conversation than a group does, since one dated block with
a name is also an article's byline or an event in a listing:
- where the page's markup names comments but no item, the item must sit inside the element that
  names the section ("discussion", "responses");
- where the markup names nothing, the item must carry a reply control (in it or the row after it)
  AND its region must hold a text box to write in or a heading naming the section.
The page must show exactly one such item; two or more are a group's business, or no thread;
except an item and the replies inside it (a Q&A answer and the one note under it): the inner items
are read first, then the stamp whose climb met their stamps is read again with them left out (as
a group's items leave out their replies), and an item it finds around them heads the thread. Two
dated, named items, one holding the other, are a conversation as a group of two is: the signs a
group needs (markup naming replies, a text box, a heading naming the section, reply controls) do.
"""

from __future__ import annotations

from resiliparse.parse.html import ElementNode, HTMLTree

from replyscope.html.comments_dom import MAX_NESTING, Item, element_parent
from replyscope.html.items import (
    OUTSIDE,
    SECTION_LABEL,
    Member,
    Page,
    chrome_only,
    in_named_section_element,
    name_like,
    next_element,
    read_page,
    shows_conversation,
    to_items,
)
from replyscope.split.chrome import is_chrome

# Tags whose element is a run of text inside a line: a comment's words sit in a block around them
# (a <span> beside the name is a role label or a count, not the comment).
INLINE = frozenset({"a", "b", "i", "em", "strong", "span", "time", "abbr", "cite", "small", "u", "s", "code", "label", "sup", "sub", "font", "img", "br", "relative-time"})
# An element holding one of these is an article or a page part, not one comment.
NOT_IN_ITEM = frozenset({"h1", "h2", "article", "main", "nav", "form", "textarea"})
NEVER_ITEM = frozenset({"html", "body", "main", "table", "tbody", "thead", "ul", "ol", "dl", "p", "header", "footer"})
MAX_UP = 6  # levels above the stamp an item's header and words may start
# Stamps read around at most (each reading walks the elements around the stamp): a page with more
# is a list of dated things or hostile markup, never one comment and its page; and as many
# unclaimed stamps inside a group's items at most.
MAX_STAMPS = 100
# Elements an item holds at most (read from the page-order spans, no walk): the climb from a stamp
# stops at a larger element, a section of many rows, not one comment.
MAX_ITEM_ELEMENTS = 400


def find_lone_item(tree: HTMLTree, *, in_named_section: bool, page: Page | None = None) -> list[Item]:
    """The page's one comment item and the replies inside it (see the module's doc), or [] when there
    is none or more than one. `page`: the page's elements as read_page read them (read here when not given)."""
    if page is None:
        page = read_page(tree)
    if page is None or page.deepest > MAX_NESTING:
        return []
    body = page.body
    found: list[list[Member]] = []
    unread: list[ElementNode] = []  # (stamps no item was read around: maybe one holding replies)
    last: ElementNode | None = None
    stamps = 0
    for el in page.nodes:
        if last is not None and page.contains(last, el):
            continue  # (a <time> inside an element whose whole text is that age: one stamp)
        if not page.is_stamp(el):
            continue
        last = el
        if page.outside(el) or page.in_aside(el):
            continue
        if in_named_section and not in_named_section_element(el, body):
            continue
        stamps += 1
        if stamps > MAX_STAMPS:
            return []
        members = _item_around(el, page)
        if members is None:
            unread.append(el)
            continue
        found.append(members)
    if not found:
        return []
    outer = _around_replies(found, unread, page)
    if not outer:
        if len(found) > 1:
            return []  # (a second dated item: a group's business, or no thread)
        items = found[0]
        if not _conversation_around(items[-1], page, in_named_section):
            return []
        return to_items(items, page)
    thread = outer + [m for members in found for m in members]
    if not shows_conversation([m.node for m in thread], page):
        return []
    return to_items(thread, page)


def _around_replies(found: list[list[Member]], unread: list[ElementNode], page: Page) -> list[Member]:
    """The one item around all the items found (the answer holding its notes): read from a stamp
    outside them whose first reading met their stamps, with them left out; [] when none, or when
    the items found are not all inside it."""
    inner = page.outermost(page.sorted(m.node for members in found for m in members))
    out: list[Member] = []
    for stamp in unread:
        if any(page.contains(n, stamp) for n in inner):
            continue  # (a second stamp inside a reply: no item of its own)
        members = _item_around(stamp, page, inner)
        if members is None or not any(page.contains(members[0].node, n) for n in inner):
            continue
        if out:
            return []  # (two items around replies: no one thread)
        out = members
    if not out or not all(page.contains(out[0].node, n) for n in inner):
        return []
    return out


def _item_around(stamp: ElementNode, page: Page, replies: set[ElementNode] | None = None) -> list[Member] | None:
    """The item around a stamp: [item], or [header, text] for a header drawn over a sibling that
    holds its words (<dt> name and date, <dd> words). `replies`: items inside it, read already,
    whose elements are none of its own."""
    node = element_parent(stamp)
    for _ in range(MAX_UP):
        if node is None or node.tag in ("body", "html"):
            return None
        size = page.size(node)
        if size is None or size > MAX_ITEM_ELEMENTS:
            return None
        if node.tag not in NEVER_ITEM and node.tag not in INLINE:
            found = _read_item(node, stamp, page, replies or set())
            if found is not None:
                return found
        node = element_parent(node)
    return None


def _read_item(node: ElementNode, stamp: ElementNode, page: Page, replies: set[ElementNode]) -> list[Member] | None:
    if any(page.contains(r, node) for r in replies):
        return None  # (inside a reply read already)
    # (the elements holding a reply hold its words too: none is a field or the words of this one)
    holders = {el for r in replies for el in _around(r, node, page)}
    inside = [el for el in page.elements(node, replies) if el not in holders]
    if any(el.tag in NOT_IN_ITEM for el in inside):
        return None
    # the author: of the name-like fields, the one nearest the stamp in the tree (in its header,
    # not a short line of words above it); among equals the first before the stamp (headers open
    # with the name: "NAME · DATE", a rank or a label after it), else the first after
    around = {}
    up: ElementNode | None = stamp
    depth = 0
    while up is not None and up != node:
        around[up] = depth
        up, depth = element_parent(up), depth + 1
    around[node] = depth
    author: ElementNode | None = None
    best: tuple[int, int, int] | None = None
    seen_stamp = False
    place = {el: k for k, el in enumerate(inside)}
    for el in inside:
        if el == stamp:
            seen_stamp = True
            continue
        if page.contains(stamp, el) or page.contains(el, stamp):
            continue
        if page.is_stamp(el):
            return None  # (another stamp: a list of dated things, or an article and its comment)
        own = page.own_text(el).strip()
        if own and name_like(own) and name_like(" ".join((el.text or "").split())):
            meet: ElementNode | None = el
            while meet is not None and meet not in around:
                meet = element_parent(meet)
            # (and among equals a link, a profile's, before plain text: "so true – NAME 2h")
            linked = el.tag == "a" or page.in_link(el, node)
            score = ((around.get(meet, depth) if meet is not None else depth), 0 if linked else 1, 1 if seen_stamp else 0)
            if best is None or score < best:
                author, best = el, score
    if author is None:
        return None
    words: ElementNode | None = None
    most = 0
    for el in inside:
        if any(page.contains(el, x) or page.contains(x, el) for x in (stamp, author)):
            continue
        text = " ".join((el.text or "").split())
        k = len(text.split())
        # (a run of text in a line is the words only when the name signs it from after: "words –
        # NAME 2h"; in the header, after the name, it is a label or a count)
        if k > most and not is_chrome(text) and (el.tag not in INLINE or place[el] < place[author]):
            words, most = el, k
    if chrome_only(page.text_nodes(node, replies)):
        return None  # (an edit note, "Last edited by NAME 3 hours ago": a name and a stamp, no words)
    name = " ".join((author.text or "").split())
    member = Member(node)
    member.stamp, member.author = stamp, author
    member.nested = set(replies)
    if words is None:
        # a header alone: its words are in the element after it, of another shape
        sib = next_element(node)
        if sib is None or sib.tag == node.tag or not _words(sib, name) or page.linked(sib) or any(page.is_stamp(x) for x in page.elements(sib)):
            return None
        return [member, Member(sib)]
    if page.linked(words) or not _words(words, name):
        return None
    member.body = words
    return [member]


def _around(inner: ElementNode, outer: ElementNode, page: Page) -> list[ElementNode]:
    """The elements around `inner` up to `outer` (neither of them); none when outer does not hold it."""
    out: list[ElementNode] = []
    if not page.contains(outer, inner):
        return out
    up = element_parent(inner)
    while up is not None and up != outer:
        out.append(up)
        up = element_parent(up)
    return out


def _words(el: ElementNode, name: str) -> bool:
    """Whether `el` holds words besides chrome and the author's name (a bio box repeats the name)."""
    text = " ".join((el.text or "").split())
    return bool(text.replace(name, "").strip()) and not is_chrome(text)


def _conversation_around(member: Member, page: Page, in_named_section: bool) -> bool:
    """A reply control in the item or the row after it, and a text box or a heading naming the
    section in its region; in a section the markup names, any one of these."""
    places = [member.node] + [x for x in (next_element(member.node),) if x is not None]
    control = any(page.has_control(p) for p in places)
    if in_named_section and control:
        return True
    if not control and not in_named_section:
        return False
    region = page.region([member.node])
    if region.query_selector("textarea") is not None:
        return True
    found = region.query_selector_all("h1, h2, h3, h4, h5, h6, legend, summary, caption, th")
    return any(SECTION_LABEL.match(" ".join((el.text or "").split())) for el in found[0 : len(found)])


def replies_inside(kept: list[Member], claimed: set[ElementNode], page: Page) -> list[Member]:
    """Lone replies inside the items of a group: a stamp no item claimed, in an item but outside
    its own words, name and stamp, heads an item of its own (the one note under a Q&A answer,
    where two or more notes would be a group)."""
    out: list[Member] = []
    stamps = 0
    for m in kept:
        last: ElementNode | None = None
        for el in page.elements(m.node, m.nested):
            if last is not None and page.contains(last, el):
                continue
            if el in claimed or not page.is_stamp(el):
                continue
            last = el
            if any(x is not None and (page.contains(x, el) or page.contains(el, x)) for x in (m.stamp, m.author, m.body)):
                continue
            stamps += 1
            if stamps > MAX_STAMPS:
                return out
            found = _item_around(el, page)
            if found is None or not all(f.node != m.node and page.contains(m.node, f.node) for f in found):
                continue
            if any(x is not None and (page.contains(f.node, x) or page.contains(x, f.node)) for f in found for x in (m.stamp, m.author, m.body)):
                continue
            if any(page.contains(o.node, f.node) or page.contains(f.node, o.node) for o in out for f in found):
                continue
            out += found
    return out
