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

from resiliparse.parse.html import DOMNode, ElementNode, HTMLTree, NodeType

from replyscope.html.comments_dom import MAX_NESTING, Item, element_parent
from replyscope.html.items import (
    OUTSIDE,
    Member,
    Page,
    SECTION_LABEL,
    chrome_only,
    in_named_section_element,
    marked_time,
    name_like,
    next_element,
    read_page,
    shows_conversation,
    to_items,
)
from replyscope.html.lone import replies_inside
from replyscope.split.chrome import is_badge_line, is_chrome

# Elements that are never an item of their own (inline text, media, the list wrappers' structure).
NEVER_ITEM = frozenset({"a", "b", "i", "em", "strong", "span", "img", "br", "hr", "p", "time", "abbr", "cite", "small", "u", "s", "code", "pre", "label", "svg", "path", "ul", "ol", "dl", "table", "tbody", "thead", "html", "body", "main", "h1", "h2", "h3", "h4", "h5", "h6", "input", "iframe", "video", "picture", "source"})
MIN_ITEMS = 2
MIN_SHARE_STAMPED = 0.6  # of a group's members with words, the share carrying a stamp
MAX_LINK_SHARE = 0.5  # of a group's words, the share inside links (a headline list is links)
MIN_NAME_SHARE = 0.8  # of a group's members, the share whose author field holds a name-like text
MIN_NAMES = 2  # names a group's author field shows at least (a conversation has two people)
# An account's handle of digits alone (name_like needs a letter): counted in a name field beside names.
NUMERIC_HANDLE = re.compile(r"^@?\d{2,20}$")
# Work bounds for hostile markup. Containment is read from page-order spans (items.Page), one
# lookup a test; the bounds stay for what still walks an item's subtree (its own text, parts and
# body). Replies in a real widget nest a few levels each, ten or so deep, so elements nested more
# than MAX_NESTING deep (the DOM comment reader's bound, comments_dom) are broken markup whose
# containment says nothing of who answers whom, and a group of more than MAX_GROUP items is left
# to the text splitter (which reads it in one pass).
MAX_GROUP = 500
# Elements a post or a page part holds and one answer never does (a front page's posts each hold a
# title over their comments).
TITLED = frozenset({"h1", "h2", "h3", "article", "main", "nav", "form", "textarea"})
# A microformat entry is a post, not a comment on one.
ENTRY_NAMES = frozenset({"hentry", "h-entry"})


def find_repeated_items(tree: HTMLTree, *, in_named_section: bool = False, page: Page | None = None) -> list[Item]:
    """Comment items read from the page's repeated structure (see the module's doc), in page order.

    `in_named_section`: the page's markup names comments somewhere (but marks no item): the items
    must then sit inside an element whose class or id names the comment section ("discussion",
    "responses", "comments"), so a dated list elsewhere on such a page is never read as its thread.
    `page`: the page's elements as read_page read them (read here when not given).
    """
    if page is None:
        page = read_page(tree)
    if page is None or page.deepest > MAX_NESTING:
        return []
    body = page.body
    groups: dict[str, list[ElementNode]] = defaultdict(list)
    tags, shown = page.tags, page.shown
    for k, el in enumerate(page.nodes):
        if tags[k] in NEVER_ITEM or tags[k] in OUTSIDE or not shown[k]:
            continue
        groups[page.key(el)].append(el)
    candidates: list[tuple[str, list[Member], bool]] = []
    for key, nodes in groups.items():
        if len(nodes) < MIN_ITEMS or len(nodes) > MAX_GROUP:
            continue
        if ENTRY_NAMES & set((nodes[0].class_name or "").split()):
            continue
        nodes = [n for n in nodes if not page.outside(n) and not page.in_aside(n)]
        read = _read_group(nodes, page)
        if read is not None:
            candidates.append((key, read[0], read[1]))
    # the most items first; among equals, the outer group (its members hold the other's)
    candidates.sort(key=lambda c: (-len(c[1]), page.depth[page.index[c[1][0].node]]))
    claimed: set[ElementNode] = set()
    kept_groups: list[list[Member]] = []
    for _key_, members, varied in candidates:
        if not varied:
            continue
        stamps = {m.stamp for m in members}
        if stamps & claimed:
            continue
        claimed |= {m.stamp for m in members if m.stamp is not None}  # (all: a group's members are its stamped ones)
        kept_groups.append(members)
    one_name = _one_name_replies(candidates, kept_groups, claimed, page)
    kept_groups += one_name
    for group in kept_groups:
        group += _strays(group, claimed, page)
        group.sort(key=lambda m: page.index[m.node])
    kept = [m for group in kept_groups for m in group]
    if len(kept) < MIN_ITEMS:
        return []
    # the items inside an item (its replies, the comments under an answer) are not its words:
    # authors are read again without them, and for the strays
    by_start = sorted(kept, key=lambda m: page.index[m.node])
    starts = [page.index[m.node] for m in by_start]
    for m in kept:
        k = page.index[m.node]
        lo, hi = bisect_left(starts, k), bisect_right(starts, page.end[k])
        inner = {o.node for o in by_start[lo:hi] if o is not m}
        m.nested = page.outermost(page.sorted(inner))
    for group in kept_groups:
        # (a group whose names were its replies' shows one name of its own: the one person answering)
        _authors(group, page, least=1 if any(group is g for g in one_name) or any(m.nested for m in group) else MIN_NAMES)
    for group in kept_groups:
        _bodies(group, page)
    # a group whose texts are mostly links is a list of headlines with bylines and dates
    kept_groups = [g for g in kept_groups if sum(page.linked(m.body) for m in g if m.body is not None) * 2 <= len(g)]
    kept = [m for group in kept_groups for m in group]
    if len(kept) < MIN_ITEMS:
        return []
    if in_named_section and not all(in_named_section_element(element_parent(m.node), body) for m in kept):
        return []
    if not shows_conversation([m.node for m in kept], page):
        return []
    for group in list(kept_groups):
        kept += _companions(group, page)
    kept += replies_inside(kept, claimed, page)
    return to_items(kept, page)


def _companions(group: list[Member], page: Page) -> list[Member]:
    """The text halves of items drawn as a header and a sibling (<dt> name and date, <dd> words):
    when no member of the group has words besides its author and stamp and each one's next
    sibling is an element of one shape, those siblings are items too (their header is the one before)."""
    if any(m.body is not None for m in group):
        return []
    sibs = [next_element(m.node) for m in group]
    if any(s is None for s in sibs) or len({page.key(s) for s in sibs if s is not None}) != 1:
        return []
    members = {m.node for m in group}
    if any(s in members for s in sibs):
        return []
    return [Member(s) for s in sibs if s is not None]


def _strays(group: list[Member], claimed: set[ElementNode], page: Page) -> list[Member]:
    """Items of the group's place but another class (the post's author answering: li.by-author
    among li.comment-entry): an element of the members' tag under a parent of their parents'
    shape, with a stamp of its own no item claimed and words besides it."""
    tags = {m.node.tag for m in group}
    parents = {page.key(p) for p in (element_parent(m.node) for m in group) if p is not None}
    nodes = {m.node for m in group}
    homes = {m.node.parent for m in group}
    homes_up = {h.parent for h in homes if h is not None and h.parent is not None}
    ordered = page.sorted(nodes)
    starts = page.starts(ordered)
    member_homes = {n.parent for n in nodes if n.parent is not None}
    out: list[Member] = []
    for k, el in enumerate(page.nodes):
        if page.tags[k] not in tags or el in nodes:
            continue
        up = element_parent(el)
        if up is None or page.key(up) not in parents:
            continue
        if up not in homes and up.parent not in homes_up:
            continue  # (under the items' own lists only, not any list of their shape on the page)
        if page.within(el, ordered, starts):
            continue  # (an element holding items is their wrapper: it holds none when it goes on)
        if page.outside(el) or page.in_aside(el):
            continue
        m = Member(el)
        m.stamp = next((x for x in page.elements(el, m.nested) if page.is_stamp(x)), None)
        if m.stamp is None or m.stamp in claimed or (el.parent not in member_homes and _inside_any(el, nodes)):
            continue  # (inside an item, only where its replies sit: a parent that holds items too)
        claimed.add(m.stamp)
        out.append(m)
    return out


def _inside_any(el: ElementNode, nodes: set[ElementNode]) -> bool:
    """Whether an ancestor of `el` is one of `nodes`."""
    up = el.parent
    while up is not None and up.type == NodeType.ELEMENT:
        if up in nodes:
            return True
        up = up.parent
    return False


def _read_group(nodes: list[ElementNode], page: Page) -> tuple[list[Member], bool] | None:
    """The group's members as comment items and whether their name field shows two names or more
    (MIN_NAMES), or None when the group is no comment list."""
    if len(nodes) < MIN_ITEMS:
        return None
    members = [Member(n) for n in nodes]
    with_words = 0
    stamped: list[Member] = []
    words = link_words = 0
    ordered = page.sorted(nodes)
    starts = page.starts(ordered)
    read: list[tuple[Member, list[tuple[ElementNode, str]]]] = []
    for m in members:
        # the members nested in this one are its replies: their words and stamps are not its own
        m.nested = page.outermost([n for n in page.within(m.node, ordered, starts) if n != m.node])
        texts = page.text_nodes(m.node, m.nested)
        if not texts:
            continue
        m.stamp = next((el for el in page.elements(m.node, m.nested) if page.is_stamp(el)), None)
        if m.stamp is not None and chrome_only(texts):
            m.stamp = None
            continue  # (a name and a stamp and no words: an edit note's "Edited by NAME DATE" is no comment)
        with_words += 1
        read.append((m, texts))
    _stamps_at_one_path([m for m, _ in read if m.stamp is not None], page)
    for m, texts in read:
        for parent, value in texts:
            linked = parent.tag == "a" or page.in_link(parent, m.node)
            # (the stamp and the action row are links in most widgets; in a thread of a few short
            # replies they outweigh the words: those links count on neither side)
            if linked and (m.stamp is not None and page.contains(m.stamp, parent) or is_chrome(" ".join(value.split()))):
                continue
            k = len(value.split())
            words += k
            if linked:
                link_words += k
        if m.stamp is not None:
            stamped.append(m)
    if len(stamped) < MIN_ITEMS or len(stamped) < MIN_SHARE_STAMPED * with_words:
        return None
    if not words or link_words > MAX_LINK_SHARE * words:
        return None
    # one stamp per item: a group whose members share stamps is a wrapper of the items, not items
    if len({m.stamp for m in stamped}) < len(stamped):
        return None
    names = _authors(stamped, page, least=1)
    return (stamped, names >= MIN_NAMES) if names else None


def _one_name_replies(candidates: list[tuple[str, list[Member], bool]], kept_groups: list[list[Member]], claimed: set[ElementNode], page: Page) -> list[list[Member]]:
    """Groups whose name field shows one name, each member inside an item of a kept group: the
    notes under Q&A answers that one person wrote (the poster answering everyone). A group needs
    names that change to be a conversation and not a list of one writer's dated entries; inside
    the items of a conversation, its replies need not. Also groups of one name whose members hold
    a kept group's items (the answers one person wrote, the others' notes under them), or one lone
    reply signed by another name (the answers one person wrote, one note under them); neither when
    a member holds a heading, article or form (a writer's posts on a front page)."""
    outer = page.sorted(page.outermost(page.sorted(m.node for g in kept_groups for m in g)))
    starts = page.starts(outer)
    out: list[list[Member]] = []
    for _key_, members, varied in candidates:
        if varied or {m.stamp for m in members} & claimed:
            continue
        if not all(_inside_one_of(m.node, outer, starts, page) for m in members):
            continue
        claimed |= {m.stamp for m in members if m.stamp is not None}
        out.append(members)
    # and the answers one person wrote, the notes of others under them: the notes are the
    # conversation (a writer's posts holding their comments are no answers: a post has a title)
    inner = page.sorted(m.node for g in kept_groups for m in g)
    inner_starts = page.starts(inner)
    inner_set = set(inner)
    titled: list[int] | None = None
    for _key_, members, varied in candidates:
        if varied or {m.stamp for m in members} & claimed:
            continue
        if not any(_count_within(m.node, inner_starts, page) > (m.node in inner_set) for m in members):
            continue
        if titled is None:
            titled = page.tag_counts(TITLED)
        if any(_holds_counted(m.node, titled, page) for m in members):
            continue
        claimed |= {m.stamp for m in members if m.stamp is not None}
        out.append(members)
    # and the answers one person wrote with one note of another's under one of them: no group of
    # notes, but a lone reply (html.lone.replies_inside) signed by a name the answers do not show
    # is the second person of the conversation (each try reads the members' own elements once, as
    # _read_group did)
    for _key_, members, varied in candidates:
        if varied or {m.stamp for m in members} & claimed:
            continue
        if titled is None:
            titled = page.tag_counts(TITLED)
        if any(_holds_counted(m.node, titled, page) for m in members):
            continue
        names = {_name_of(m.author) for m in members if m.author is not None}
        if not any(f.author is not None and _name_of(f.author) not in names for f in replies_inside(members, claimed, page)):
            continue
        claimed |= {m.stamp for m in members if m.stamp is not None}
        out.append(members)
    return out


def _name_of(el: ElementNode) -> str:
    return " ".join((el.text or "").split())


def _count_within(node: ElementNode, starts: list[int], page: Page) -> int:
    """How many of the elements whose page-order indices are `starts` (ascending) `node` holds, itself included
    (two bisections: a group nested in itself asked element by element was quadratic)."""
    k = page.index[node]
    return bisect_right(starts, page.end[k]) - bisect_left(starts, k)


def _holds_counted(node: ElementNode, counts: list[int], page: Page) -> bool:
    """Whether `node` or an element below it is one of those `counts` counts (Page.tag_counts)."""
    k = page.index[node]
    return counts[page.end[k] + 1] > counts[k]


def _inside_one_of(node: ElementNode, outer: list[ElementNode], starts: list[int], page: Page) -> bool:
    """Whether an element of `outer` (page order, none inside another; `starts` their indices) holds `node` below it."""
    k = page.index[node]
    j = bisect_right(starts, k - 1) - 1  # (the last one starting before `node`: the only one that may hold it)
    return j >= 0 and page.contains(outer[j], node)


def _stamps_at_one_path(members: list[Member], page: Page) -> None:
    """A widget prints its stamp at one place in every item: where most members' first stamp sits
    at one child path, a member whose first stamp sits elsewhere (a date on a line of its words,
    above the signature's) takes its stamp at that path when it has one."""
    paths = [page.path(m.stamp, m.node) for m in members if m.stamp is not None]
    if not paths:
        return
    path, count = Counter(paths).most_common(1)[0]
    if count * 2 <= len(paths):
        return
    for m, own in zip(members, paths):
        if own != path:
            m.stamp = next((el for el in page.elements(m.node, m.nested) if page.is_stamp(el) and page.path(el, m.node) == path), m.stamp)


def _authors(members: list[Member], page: Page, least: int = MIN_NAMES) -> int:
    """Find each member's author field (the path whose name-like text varies most; among equals a
    profile's link before plain text, then the first) when it shows at least `least` names: the
    number of names it shows, 0 when no path holds names."""
    by_path: dict[tuple[str, ...], list[tuple[Member, ElementNode, str]]] = defaultdict(list)
    for m in members:
        m.author = None
        seen: set[tuple[str, ...]] = set()
        for el in page.elements(m.node, m.nested):
            if m.stamp is not None and (page.contains(m.stamp, el) or page.contains(el, m.stamp)):
                continue
            if not page.own_text(el).strip():
                continue
            path = page.path(el, m.node)
            if path in seen:
                continue
            seen.add(path)
            by_path[path].append((m, el, " ".join((el.text or "").split())))
    best: tuple[int, bool, int] | None = None
    best_path = None
    for k, (path, found) in enumerate(by_path.items()):
        # (a member's rank or badge, "Gold Member", "Moderator", is who they are on the site, not their name)
        names = [(m, el, t) for m, el, t in found if name_like(t) and not is_badge_line(t)]
        # (a handle of digits, "4418", fills the field where the others print names; it names no
        # field alone, as a vote count's digits would, and is no second name)
        numbered = sum(1 for _, _, t in found if NUMERIC_HANDLE.match(t))
        if len(names) + numbered < MIN_NAME_SHARE * len(members) or len(names) < MIN_ITEMS:
            continue
        # (a few short replies read as names too, "so sad" beside "Jo": the name links to a profile)
        linked = all(page.in_link(el, m.node) for m, el, _ in names)
        score = (len({t for _, _, t in names}), linked, -k)
        if best is None or score > best:
            best, best_path = score, path
    if best_path is None or best is None:
        return 0
    if best[0] >= least:
        # (the field is the group's name field: an item whose text there reads as no name, a
        # display name of six words, an account called "Reply", is still signed by it, and that
        # field is no words of the item's)
        for m, el, t in by_path[best_path]:
            if t:
                m.author = el
    return best[0]


def _order(node: DOMNode) -> tuple[int, ...]:
    """The node's place in the tree: its sibling index at each level from the top (page order)."""
    path = []
    up = node.parent
    while up is not None:
        k = 0
        sib = node.previous_sibling
        while sib is not None:
            k += 1
            sib = sib.previous_sibling
        path.append(k)
        node, up = up, up.parent
    return tuple(reversed(path))


TEMPLATE_WORDS = 3


def _bodies(members: list[Member], page: Page) -> None:
    """Each member's text: the element at the child path holding the most words over the group
    (a widget's text sits at one path; its action row's words are fewer over many items), among
    elements that hold neither the author nor the stamp nor a reply."""
    options: list[dict[tuple[str, ...], tuple[ElementNode, int]]] = []
    total: Counter[tuple[str, ...]] = Counter()
    seen: set[tuple[tuple[str, ...], str]] = set()  # (a text every item repeats, "Re: the title", is nobody's words)
    texts_at: defaultdict[tuple[str, ...], set[str]] = defaultdict(set)
    for m in members:
        mine: dict[tuple[str, ...], tuple[ElementNode, int]] = {}
        inside = page.elements(m.node, m.nested)
        # (another time the markup marks in the item heads a reply no group read, the one note under
        # an answer: an element holding it holds that reply, not the item's words; a date typed in
        # the words is no such mark)
        others = [page.index[x] for x in inside if page.is_stamp(x) and marked_time(x) and not (m.stamp is not None and (page.contains(m.stamp, x) or page.contains(x, m.stamp)))]
        for el in inside:
            if any(x is not None and (page.contains(el, x) or page.contains(x, el)) for x in (m.stamp, m.author)):
                continue
            if any(page.contains(el, n) for n in m.nested):
                continue
            if others and _holds_one(page.index[el], page.end[page.index[el]], others):
                continue
            path = page.path(el, m.node)
            if path in mine:
                continue
            if is_chrome(" ".join((el.text or "").split())):
                continue
            # (the words of its action row's parts, "▲ 32", "Reply", count for nothing: two short
            # replies have fewer words than their rows of buttons)
            k = sum(len(v.split()) for _, v in page.text_nodes(el) if not is_chrome(" ".join(v.split())))
            if k:
                mine[path] = (el, k)
        options.append(mine)
        for path, (el, k) in mine.items():
            text = " ".join((el.text or "").split())
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


def _holds_one(start: int, end: int, ordered: list[int]) -> bool:
    """Whether an index of `ordered` (ascending) lies in [start, end]."""
    k = bisect_left(ordered, start)
    return k < len(ordered) and ordered[k] <= end


def _more_paragraphs(m: Member) -> bool:
    body = m.body
    if body is None or any(x is not None and _order(x) > _order(body) for x in (m.author, m.stamp)):
        return False
    sib = body.next_sibling
    while sib is not None:
        if sib.type == NodeType.ELEMENT and sib.tag == body.tag and (sib.text or "").strip() and sib not in m.nested:
            return True
        sib = sib.next_sibling
    return False
