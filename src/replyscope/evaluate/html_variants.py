"""Reply threads laid out as whole HTML pages in many comment-widget DOM shapes, with the truth to score.

evaluate.layout_variants lays a thread out as the TEXT a scraper gets; this module lays the same
thread out as the HTML a crawler gets: a doctype, a head (title, meta), the site's navigation, the
source post as the article, a sidebar and a footer, and the comment section in one of HTML_LAYOUTS,
each the DOM shape of a family of real comment systems (every string and class name invented here
in their style, no site's markup copied):

- "nested-list": a blog engine's <ol> of <li> items with classes and ids, replies in <ul class="children">
- "microdata": schema.org Comment items (itemprop author / text / dateCreated), replies nested
- "attr-widget": an embedded widget of divs with data-attributes, avatars, votes; no "comment" class
- "forum-table": a bulletin board's <table>, one post a <tr>, the author's cell on the left; flat
- "custom-elements": <app-remarks>, <x-reply>, <x-name>... tags, no class names at all
- "indent-rows": a link aggregator's flat rows, nesting shown only by a spacer image's width or an
  inline margin-left
- "hashed": a social plugin whose class names are hashes ("_a8f3 x1k2"): only text shows structure
- "timeline": a code host's issue timeline (commented <relative-time>, labels, events); flat
- "answers": Q&A, answers with votes and short comments under them (one level)
- "definition-list": <dl>, each comment a <dt> header over a <dd> text; flat
- "sections": <section>/<header>/<footer> per comment, replies as sections inside; nested

Relative and absolute <time datetime> stamps, Reply / Like / Share buttons, vote counts, "load more"
buttons and reply forms (<form> with a <textarea>) before or after the list come with the pages.
The truth (thread_pages.PageWithTruth, `text` holding the MARKUP) is the one the text variants
use: per reply its author, its words and the parent the page shows, so thread_pages.match_comments
scores a split of the page. `article_only=True` gives the same page with its comment section (and
its reply forms) removed: a page that must give no comments. Deterministic for (thread, layout,
seed); the texts are read at run time, nothing here holds corpus text.
"""

from __future__ import annotations

import hashlib
import html
import random
from datetime import datetime, timedelta

from replyscope.evaluate.layout_variants import _extras, _invented_name, _relative
from replyscope.evaluate.thread_pages import PageWithTruth, ReplyTruth, _article_lines, _author, _clean_lines, _tree_order, _when

__all__ = ["HTML_LAYOUTS", "NESTED_HTML_LAYOUTS", "render_html_variant"]

HTML_LAYOUTS = (
    "nested-list",
    "microdata",
    "attr-widget",
    "forum-table",
    "custom-elements",
    "indent-rows",
    "hashed",
    "timeline",
    "answers",
    "definition-list",
    "sections",
)
# the layouts whose page shows who answered whom (DOM nesting, indentation, comments under answers)
NESTED_HTML_LAYOUTS = frozenset({"nested-list", "microdata", "attr-widget", "custom-elements", "indent-rows", "hashed", "answers", "sections"})
_FLAT = frozenset(HTML_LAYOUTS) - NESTED_HTML_LAYOUTS

_SITES = ("The Morning Ledger", "Riverside Courier", "Quarry Notes", "Open Lantern", "Northgate Weekly", "Copperfield Daily")
_NAV = (("Home", "News", "World", "Opinion", "Culture", "Sport"), ("Latest", "Topics", "Podcasts", "Newsletters"), ("Home", "About", "Archive", "Contact"))
_SIDEBAR = ("Much read lately", "Trending now", "Editor's picks", "More from this section")
_SIDE_ITEMS = (
    "How the bridge vote split the council",
    "Five things to know before the long weekend",
    "A quiet winter for the harbour ferries",
    "Letters: on parking, parks and patience",
    "The week in pictures",
    "Why the library is staying open late",
)
_BUTTONS = ("Reply", "Like", "Share", "Report", "Flag", "Permalink")


def _rng(*parts) -> random.Random:
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _paras(lines: list[str]) -> str:
    """A reply's lines as paragraphs: a blank line parts them, lines inside one joined with <br>."""
    out: list[list[str]] = [[]]
    for s in lines:
        if s:
            out[-1].append(_e(s))
        elif out[-1]:
            out.append([])
    return "".join(f"<p>{'<br>'.join(p)}</p>" for p in out if p)


def _hash_class(rng: random.Random) -> str:
    return rng.choice("_x") + "".join(rng.choice("abcdefghjkmnpqrstuvwxyz0123456789") for _ in range(rng.randint(3, 5)))


def _stamp(d: datetime, now: datetime, rng: random.Random) -> tuple[str, str]:
    """(what the page shows, ISO datetime) of a time: relative or absolute, as widgets vary."""
    iso = d.strftime("%Y-%m-%dT%H:%M:%SZ")
    style = rng.random()
    if style < 0.45:
        return _relative(d, now, rng), iso
    if style < 0.7:
        return f"{d:%B} {d.day}, {d.year} at {d.hour % 12 or 12}:{d:%M} {'am' if d.hour < 12 else 'pm'}", iso
    if style < 0.85:
        return f"{d.day} {d:%b} {d.year}, {d:%H:%M}", iso
    return f"{d:%Y-%m-%d %H:%M}", iso


def _votes(rng: random.Random) -> int:
    return rng.randint(0, 60) if rng.random() < 0.8 else rng.randint(61, 900)


def _form(rng: random.Random, cls: str) -> str:
    label = rng.choice(("Join the discussion…", "Write a reply…", "Add a comment", "What do you think?", "Leave a message"))
    return (
        f'<form class="{cls}" method="post" action="/post/submit"><label for="f-body">{_e(label)}</label>'
        f'<textarea id="f-body" name="body" rows="4" placeholder="{_e(label)}"></textarea>'
        f'<input type="text" name="name" placeholder="Name"><input type="email" name="email" placeholder="Email">'
        f'<button type="submit">{rng.choice(("Post", "Submit", "Send", "Publish"))}</button></form>'
    )


def _more(rng: random.Random) -> str:
    k = rng.randint(3, 40)
    return rng.choice((f'<button type="button" class="more">Load more ({k})</button>', f'<a class="more" href="?page=2">Show {k} more</a>', '<button type="button">Load more</button>', ""))


class _Tree:
    """The page order of replies (depth first) with each one's children, by index."""

    def __init__(self, order: list[tuple[dict, str | None, int]]):
        self.order = order
        index = {str(r["id"]): k for k, (r, _, _) in enumerate(order)}
        self.kids: dict[int | None, list[int]] = {}
        for k, (_, parent, _) in enumerate(order):
            self.kids.setdefault(index.get(str(parent)) if parent is not None else None, []).append(k)

    def roots(self) -> list[int]:
        return self.kids.get(None, [])

    def children(self, k: int) -> list[int]:
        return self.kids.get(k, [])


def _head(rng: random.Random, title: str, site: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{_e(title)} | {_e(site)}</title>"
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><meta property="og:title" content="{_e(title)}">'
        f'<meta name="description" content="{_e(title[:80])}"><link rel="stylesheet" href="/static/site.{rng.randint(100, 999)}.css">'
        '<script>window.__cfg = {"ads": true, "theme": "light"};</script></head>\n'
    )


def _nav(rng: random.Random, site: str) -> str:
    items = "".join(f'<li><a href="/{w.lower()}">{_e(w)}</a></li>' for w in rng.choice(_NAV))
    return f'<header class="site-head"><a class="logo" href="/">{_e(site)}</a><nav class="menu"><ul>{items}</ul></nav></header>\n'


def _article(rng: random.Random, title: str, source: dict, lines: list[str]) -> str:
    d = _when(source.get("created"))
    by = f'<p class="byline">By <span class="writer">{_e(source.get("author") or "Staff")}</span> · <time datetime="{d:%Y-%m-%d}">{d.day} {d:%B %Y}</time></p>' if rng.random() < 0.7 else ""
    share = rng.choice(('<div class="share"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>', '<ul class="social"><li>Facebook</li><li>X</li><li>Copy link</li></ul>', ""))
    tag = rng.choice(("article", "div"))
    cls = rng.choice(("story", "single-story", "entry", "main-story"))
    return f'<{tag} class="{cls}"><h1>{_e(title)}</h1>{by}<div class="story-text">{_paras(lines)}</div>{share}</{tag}>\n'


def _aside(rng: random.Random, site: str) -> str:
    items = rng.sample(_SIDE_ITEMS, 3)
    side = f'<aside class="rail"><h3>{rng.choice(_SIDEBAR)}</h3><ol>' + "".join(f'<li><a href="#">{_e(t)}</a></li>' for t in items) + "</ol></aside>\n"
    foot = f'<footer class="site-foot"><p>© 2026 {_e(site)}. All rights reserved.</p><p><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></p></footer>\n'
    return side + foot


# ----------------------------------------------------------------------------------------- widgets
# Each writer returns the comment section's markup; `shown[k]` is reply k's words as the page shows
# them (the truth text), `authors[k]` the name it shows.


def _nested_list(t: _Tree, rng, now, shown, authors) -> str:
    def item(k: int, depth: int) -> str:
        r = t.order[k][0]
        vis, iso = _stamp(_when(r.get("created")), now, rng)
        cid = rng.randint(1000, 99999)
        kids = t.children(k)
        sub = f'<ul class="children">{"".join(item(c, depth + 1) for c in kids)}</ul>' if kids else ""
        avatar = f'<img class="avatar" alt="" src="/av/{cid}.png" width="48" height="48">' if rng.random() < 0.7 else ""
        says = ' <span class="says">says:</span>' if rng.random() < 0.6 else ""
        return (
            f'<li id="comment-{cid}" class="comment depth-{depth + 1} {"odd" if k % 2 else "even"}">'
            f'<div id="cbox-{cid}" class="comment-inner"><div class="comment-who">{avatar}'
            f'<cite class="who-name">{_e(authors[k])}</cite>{says}</div>'
            f'<div class="comment-when"><a href="#comment-{cid}"><time datetime="{iso}">{_e(vis)}</time></a></div>'
            f"{_paras(shown[k])}"
            f'<div class="reply"><a class="reply-link" href="#respond">Reply</a></div></div>{sub}</li>'
        )

    n = len(t.order)
    head = f'<h2 class="comments-title">{n} thoughts on this post</h2>'
    form = f'<div id="respond"><h3>Leave a Reply</h3>{_form(rng, "comment-form")}</div>'
    items = "".join(item(k, 0) for k in t.roots())
    return f'<div id="comments" class="comments-area">{head}<ol class="commentlist">{items}</ol>{form}</div>'


def _microdata(t: _Tree, rng, now, shown, authors) -> str:
    def item(k: int) -> str:
        r = t.order[k][0]
        vis, iso = _stamp(_when(r.get("created")), now, rng)
        kids = t.children(k)
        sub = f'<div class="thread-kids">{"".join(item(c) for c in kids)}</div>' if kids else ""
        return (
            f'<div class="c-node" itemprop="comment" itemscope itemtype="https://schema.org/Comment">'
            f'<div class="c-top"><span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">{_e(authors[k])}</span></span>'
            f' <time itemprop="dateCreated" datetime="{iso}">{_e(vis)}</time></div>'
            f'<div itemprop="text">{_paras(shown[k])}</div>'
            f'<div class="c-acts"><span itemprop="upvoteCount">{_votes(rng)}</span> <a href="#">Reply</a> <a href="#">Share</a></div>{sub}</div>'
        )

    items = "".join(item(k) for k in t.roots())
    return f'<section class="talk" itemscope itemtype="https://schema.org/DiscussionForumPosting"><h2>Discussion</h2>{items}{_more(rng)}</section>'


def _data_widget(t: _Tree, rng, now, shown, authors) -> str:
    def item(k: int) -> str:
        r = t.order[k][0]
        vis, iso = _stamp(_when(r.get("created")), now, rng)
        pid = rng.randint(10**8, 10**9)
        kids = t.children(k)
        sub = f'<ul class="tw-children">{"".join(item(c) for c in kids)}</ul>' if kids else ""
        up = _votes(rng)
        return (
            f'<li class="tw-post" data-post-id="{pid}" data-role="post">'
            f'<div class="tw-avatar"><img src="/u/{pid}/a.jpg" alt="Avatar"></div><div class="tw-main">'
            f'<header class="tw-head"><span class="tw-byline"><a class="tw-user" data-user="{_e(authors[k].lower())}" href="#">{_e(authors[k])}</a></span>'
            f' <span class="tw-bullet">•</span> <a class="tw-age" href="#" title="{iso}" data-ts="{iso}">{_e(vis)}</a></header>'
            f'<div class="tw-msg" data-role="message">{_paras(shown[k])}</div>'
            f'<footer class="tw-menu"><span class="tw-vote" data-action="up">▲ {up}</span> <span class="tw-vote" data-action="down">▼</span>'
            f' <a data-action="reply" href="#">Reply</a> <a data-action="share" href="#">Share ›</a></footer></div>{sub}</li>'
        )

    n = len(t.order)
    top = f'<div class="tw-bar"><span>{n} Posts</span> <span>Sort by Best</span> <a href="#">Login</a></div>'
    form = _form(rng, "tw-compose") if rng.random() < 0.8 else ""
    items = "".join(item(k) for k in t.roots())
    return f'<div id="tw-thread" class="tw-widget" data-widget="thread">{top}{form}<ul class="tw-posts">{items}</ul>{_more(rng)}</div>'


def _forum_table(t: _Tree, rng, now, shown, authors, title: str) -> str:
    rows = []
    for k, (r, _, _) in enumerate(t.order):
        d = _when(r.get("created"))
        vis = f"{d:%a %b} {d.day:02d}, {d.year} {d.hour % 12 or 12}:{d:%M} {'am' if d.hour < 12 else 'pm'}"
        pid = rng.randint(10000, 999999)
        rank = rng.choice(("Newbie", "Member", "Regular", "Senior Member", "Veteran"))
        posts = rng.randint(1, 9000)
        rows.append(
            f'<tr class="{"row1" if k % 2 else "row2"}" id="p{pid}"><td class="ucell" valign="top" width="160">'
            f'<b class="nm">{_e(authors[k])}</b><br><span class="rk">{rank}</span><br><span class="st">Posts: {posts}</span></td>'
            f'<td class="pcell" valign="top"><div class="ph"><span>Subject: Re: {_e(title[:60])}</span> <span class="pd">Posted: {vis}</span></div><hr>'
            f'<div class="pb">{_paras(shown[k])}</div></td></tr>'
            f'<tr><td class="spacer" colspan="2"><a href="#top">Back to top</a> <a href="#">Quote</a></td></tr>'
        )
    form = f'<h3>Quick reply</h3>{_form(rng, "qr")}' if rng.random() < 0.7 else ""
    pages = '<p class="pg">Page <b>1</b> of 1 · <a href="#">Jump to</a></p>'
    return f'<table class="board" cellspacing="1" cellpadding="4" width="100%"><tr><th>Author</th><th>Message</th></tr>{"".join(rows)}</table>{pages}{form}'


def _custom_elements(t: _Tree, rng, now, shown, authors) -> str:
    def item(k: int) -> str:
        r = t.order[k][0]
        vis, iso = _stamp(_when(r.get("created")), now, rng)
        kids = t.children(k)
        sub = f"<x-reply-list>{''.join(item(c) for c in kids)}</x-reply-list>" if kids else ""
        return (
            f'<x-reply node-key="n{rng.randint(1000, 99999)}"><x-reply-head><x-avatar initials="{_e(authors[k][:1])}"></x-avatar>'
            f'<x-name>{_e(authors[k])}</x-name> <x-age><time datetime="{iso}">{_e(vis)}</time></x-age></x-reply-head>'
            f"<x-reply-text>{_paras(shown[k])}</x-reply-text>"
            f"<x-reply-actions><button>Like</button> <button>Reply</button> <x-count>{_votes(rng)}</x-count></x-reply-actions>{sub}</x-reply>"
        )

    form = f"<x-composer>{_form(rng, '')}</x-composer>"
    items = "".join(item(k) for k in t.roots())
    before, after = (form, "") if rng.random() < 0.5 else ("", form)
    return f'<app-remarks host="site"><h2>{len(t.order)} replies</h2>{before}<x-reply-list>{items}</x-reply-list>{_more(rng)}{after}</app-remarks>'


def _indent_rows(t: _Tree, rng, now, shown, authors) -> str:
    spacer = rng.random() < 0.5
    unit = rng.choice((40, 30, 20))
    out = []
    for k, (r, parent, depth) in enumerate(t.order):
        vis, iso = _stamp(_when(r.get("created")), now, rng)
        links = " | <a href=\"#\">parent</a>" if parent else ""
        links += ' | <a href="#">next</a> [–]'
        head = f'<span class="hd"><a class="who" href="#">{_e(authors[k])}</a> <span class="age" title="{iso}"><a href="#">{_e(vis)}</a></span>{links}</span>'
        body = f'<div class="txt">{_paras(shown[k])}</div><div class="rl"><a href="#"><u>reply</u></a></div>'
        rid = rng.randint(10**6, 10**7)
        if spacer:
            out.append(
                f'<tr class="row" id="{rid}"><td><table border="0"><tr><td class="pad"><img src="/s.gif" height="1" width="{unit * depth}"></td>'
                f'<td valign="top" class="vt"><a href="#">▲</a></td><td class="cell">{head}<br>{body}</td></tr></table></td></tr>'
            )
        else:
            out.append(f'<div class="row" id="r{rid}" style="margin-left:{unit * depth}px">{head}{body}</div>')
    rows = "".join(out)
    form = _form(rng, "add") if rng.random() < 0.6 else ""
    listing = f'<table class="tree" border="0">{rows}</table>' if spacer else f'<div class="tree">{rows}</div>'
    return f"{form}{listing}"


def _hashed(t: _Tree, rng, now, shown, authors) -> str:
    c = [_hash_class(rng) + " " + _hash_class(rng) for _ in range(9)]

    def item(k: int) -> str:
        r = t.order[k][0]
        vis, iso = _stamp(_when(r.get("created")), now, rng)
        kids = t.children(k)
        sub = f'<div class="{c[7]}">{"".join(item(x) for x in kids)}</div>' if kids else ""
        likes = rng.randint(0, 30)
        like_html = f' · <span class="{c[6]}">{likes}</span>' if likes else ""
        return (
            f'<div class="{c[0]}"><div class="{c[1]}"><img class="{c[2]}" src="/p/{rng.randint(1, 10**6)}.jpg" alt=""></div>'
            f'<div class="{c[3]}"><div class="{c[4]}"><a class="{c[5]}" href="#"><span>{_e(authors[k])}</span></a>'
            f"<div>{_paras(shown[k])}</div></div>"
            f'<div class="{c[8]}"><a href="#">Like</a> · <a href="#">Reply</a>{like_html} · <a href="#"><abbr title="{iso}">{_e(_compact(vis))}</abbr></a></div>{sub}</div></div>'
        )

    items = "".join(item(k) for k in t.roots())
    top = f'<div class="{_hash_class(rng)}"><span>{len(t.order)} comments</span> <span>Sort by Top</span></div>'
    box = f'<div class="{_hash_class(rng)}"><textarea placeholder="Add a comment..."></textarea></div>' if rng.random() < 0.7 else ""
    return f'<div class="{_hash_class(rng)} {_hash_class(rng)}">{top}{box}{items}{_more(rng)}</div>'


def _compact(vis: str) -> str:
    words = vis.split()
    if len(words) >= 2 and words[0].isdigit() and words[1].rstrip("s") in ("minute", "hour", "day", "month", "year"):
        return words[0] + {"minute": "m", "hour": "h", "day": "d", "month": "mo", "year": "y"}[words[1].rstrip("s")]
    return vis


def _timeline(t: _Tree, rng, now, shown, authors) -> str:
    out = []
    for k, (r, _, _) in enumerate(t.order):
        vis, iso = _stamp(_when(r.get("created")), now, rng)
        role = f'<span class="lbl">{rng.choice(("Member", "Contributor", "Author", "Owner"))}</span>' if rng.random() < 0.4 else ""
        react = f'<div class="rx"><button>👍 {rng.randint(1, 9)}</button></div>' if rng.random() < 0.4 else ""
        out.append(
            f'<div class="tl-item"><div class="tl-avatar"><img src="/a/{k}.png" alt="@{_e(authors[k])}"></div>'
            f'<div class="tl-box"><div class="tl-head"><strong><a class="who" href="#">{_e(authors[k])}</a></strong> commented '
            f'<relative-time datetime="{iso}">{_e(vis)}</relative-time>{role}<button aria-label="Show options">…</button></div>'
            f'<div class="tl-text markdown">{_paras(shown[k])}</div>{react}</div></div>'
        )
        if rng.random() < 0.15:
            out.append(f'<div class="tl-event">{_e(_invented_name(rng))} added the <span class="label">{rng.choice(("bug", "question", "triage"))}</span> label {rng.randint(2, 9)} days ago</div>')
    form = f'<div class="tl-new"><h3>Add a remark</h3>{_form(rng, "new")}</div>'
    return f'<div class="tl" id="discussion-bucket">{"".join(out)}{form}</div>'


def _answers(t: _Tree, rng, now, shown, authors) -> str:
    out = []
    for k in t.roots():
        r = t.order[k][0]
        vis, iso = _stamp(_when(r.get("created")), now, rng)
        notes = []

        def under(x: int) -> None:
            for c in t.children(x):
                notes.append(c)
                under(c)

        under(k)
        lis = []
        for c in notes:
            rc = t.order[c][0]
            cvis, ciso = _stamp(_when(rc.get("created")), now, rng)
            text = " ".join(s for s in shown[c] if s)
            lis.append(
                f'<li class="note" id="n-{rng.randint(10**5, 10**6)}"><span class="score">{rng.randint(0, 9) or ""}</span>'
                f'<div class="note-body"><span class="note-copy">{_e(text)}</span> – <a class="note-user" href="#">{_e(authors[c])}</a>'
                f' <span class="note-date" title="{ciso}">{_e(cvis)}</span></div></li>'
            )
        notes_html = f'<div class="notes"><ul>{"".join(lis)}</ul><a href="#">Add a note</a></div>'
        out.append(
            f'<div class="answer" id="a-{rng.randint(10**5, 10**6)}" data-score="{_votes(rng)}"><div class="votes"><button>▲</button><div>{_votes(rng)}</div><button>▼</button></div>'
            f'<div class="a-cell"><div class="prose">{_paras(shown[k])}</div>'
            f'<div class="a-foot"><a href="#">Share</a> <a href="#">Follow</a><div class="sig">answered <span title="{iso}">{_e(vis)}</span>'
            f' <a class="u" href="#">{_e(authors[k])}</a> <span class="rep">{rng.randint(1, 50000):,}</span></div></div>{notes_html}</div></div>'
        )
    head = f"<h2>{len(t.roots())} Answers</h2><div>Sorted by: Highest score</div>"
    form = f"<h2>Your Answer</h2>{_form(rng, 'post-form')}"
    return f'<div id="answers">{head}{"".join(out)}{form}</div>'


def _definition_list(t: _Tree, rng, now, shown, authors) -> str:
    out = []
    for k, (r, _, _) in enumerate(t.order):
        vis, iso = _stamp(_when(r.get("created")), now, rng)
        verb = rng.choice(("wrote", "on", "·", "posted"))
        out.append(
            f'<dt id="m{rng.randint(1000, 99999)}"><b>{_e(authors[k])}</b> {verb} <time datetime="{iso}">{_e(vis)}</time></dt>'
            f'<dd>{_paras(shown[k])}<p class="act"><a href="#">Reply</a> · <a href="#">Quote</a></p></dd>'
        )
    form = _form(rng, "guest")
    head = f"<h2>Reader responses ({len(t.order)})</h2>"
    before, after = (form, "") if rng.random() < 0.4 else ("", form)
    return f'<div class="responses">{head}{before}<dl>{"".join(out)}</dl>{after}</div>'


def _sections(t: _Tree, rng, now, shown, authors) -> str:
    def item(k: int) -> str:
        r = t.order[k][0]
        vis, iso = _stamp(_when(r.get("created")), now, rng)
        kids = "".join(item(c) for c in t.children(k))
        return (
            f'<section class="note" id="note-{rng.randint(1000, 99999)}"><header><h4>{_e(authors[k])}</h4> <time datetime="{iso}">{_e(vis)}</time></header>'
            f'<div class="note-words">{_paras(shown[k])}</div>'
            f'<footer><button type="button">Reply</button> <button type="button">♥ {_votes(rng)}</button> <button type="button">Share</button></footer>{kids}</section>'
        )

    items = "".join(item(k) for k in t.roots())
    form = _form(rng, "write")
    return f'<section class="discussion"><h2>Conversation</h2>{items}{_more(rng)}{form}</section>'


_WRITERS = {
    "nested-list": _nested_list,
    "microdata": _microdata,
    "attr-widget": _data_widget,
    "custom-elements": _custom_elements,
    "indent-rows": _indent_rows,
    "hashed": _hashed,
    "timeline": _timeline,
    "answers": _answers,
    "definition-list": _definition_list,
    "sections": _sections,
}


def render_html_variant(thread: dict, layout: str, *, seed: int = 0, article_only: bool = False) -> PageWithTruth:
    """The thread as a whole HTML page (PageWithTruth.text is the markup) in `layout`, with its truth.

    `article_only`: the same page without its comment section and reply forms (truth: no replies).
    """
    if layout not in HTML_LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; expected one of {', '.join(HTML_LAYOUTS)}")
    source = thread["source"]
    sid = str(source["id"])
    rng = _rng(sid, layout, seed)
    site = rng.choice(_SITES)
    title = (source.get("title") or "").strip() or " ".join(_article_lines(source)[0].split()[:9])
    article = _article_lines(source)
    replies = _extras(thread, rng)
    order = _tree_order(replies, sid)
    if layout in _FLAT:
        # a flat list shows replies by time, whoever they answer
        order.sort(key=lambda o: (o[0].get("created") or "", str(o[0]["id"])))
    if layout == "answers":
        # comments sit under their answer, one level: a deeper reply is shown as the answer's
        top: dict[str, str] = {}
        flat = []
        for r, parent, depth in order:
            rid = str(r["id"])
            top[rid] = rid if parent is None else top[str(parent)]
            flat.append((r, None if parent is None else top[str(parent)], min(depth, 1)))
        order = flat
    shown = [_clean_lines(r.get("text") or "") or ["[deleted]"] for r, _, _ in order]
    authors = [_author(r) for r, _, _ in order]
    created = [_when(r.get("created")) for r in replies]
    now = max(created, default=_when(source.get("created"))) + timedelta(hours=rng.randint(1, 40))
    tree = _Tree(order)
    wrng = _rng(sid, layout, seed, "widget")
    if layout == "forum-table":
        section = _forum_table(tree, wrng, now, shown, authors, title)
    else:
        section = _WRITERS[layout](tree, wrng, now, shown, authors)
    parts = [_head(rng, title, site), "<body>\n", _nav(rng, site), "<main>\n", _article(rng, title, source, article)]
    if not article_only:
        parts.append(section + "\n")
    parts += ["</main>\n", _aside(rng, site), "</body>\n" + "</html>\n"]
    if layout == "answers":
        truths = [" ".join(s for s in lines if s) if depth else "\n".join(lines) for lines, (_, _, depth) in zip(shown, order)]
    else:
        truths = ["\n".join(lines) for lines in shown]
    replies_truth = () if article_only else tuple(
        ReplyTruth(id=str(r["id"]), author=authors[k], text=truths[k].strip(), parent_id=None if parent is None else str(parent), depth=depth, stance=r.get("stance") or "")
        for k, (r, parent, depth) in enumerate(order)
    )
    return PageWithTruth(
        thread_id=str(thread.get("thread_id") or sid),
        layout=layout,
        seed=seed,
        text="".join(parts),
        title=title,
        article="\n".join(article),
        source_stance=source.get("stance") or "",
        nested=layout in NESTED_HTML_LAYOUTS,
        replies=replies_truth,
    )
