"""Comment-section pages built from labelled reply threads, with the truth to score a split against.

A RumourEval-style thread (one JSON object a line: `source` {id, text, author, created, [title,
selftext]} and `replies` [{id, text, author, parent_id, depth, created, stance}]) is laid out as
the plain text a scraper gets from a real comment section: the source post as a short article
(a title from its first words, sometimes a one-line byline) with the replies under it in one of
several common layouts (LAYOUTS). The page's truth keeps, per reply, what a splitter should give
back (author, text, parent) and its gold stance, so a caller can split the page with any splitter,
match the comments it found back to the gold replies (`match_comments`) and score finding,
threading and stance through the product path.

Pure: builds text and compares tables; it knows nothing of the splitter. Deterministic for a given
thread, layout and seed (the chrome and the dates' wording vary with the seed, never the replies).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import polars as pl

__all__ = [
    "LAYOUTS",
    "NESTED_LAYOUTS",
    "PageWithTruth",
    "ReplyTruth",
    "load_threads",
    "match_comments",
    "page_scores",
    "render_page",
]

# seed-style Disqus bullets, WordPress "says:", Blogger "said...", outline numbers, Reddit
# "level N" with points, and a flat tweet thread
LAYOUTS = ("disqus", "wordpress", "blogger", "numbered", "reddit", "tweets")
# the layouts whose text shows who replied to whom (indentation, outline numbers, levels)
NESTED_LAYOUTS = frozenset({"disqus", "numbered", "reddit"})

TITLE_WORDS = 9  # a source post's title is its first words, as sites cut a headline from a post
MATCH_MIN_F1 = 0.5  # token F1 between a gold reply and a found comment for the two to match

_TOKEN = re.compile(r"\w+")
_URL = re.compile(r"https?://\S+")


@dataclass(frozen=True, slots=True)
class ReplyTruth:
    id: str
    author: str
    text: str  # the reply's words as the page shows them (lines stripped, no header or chrome)
    parent_id: str | None  # the reply it answers, None when it answers the source post
    depth: int  # 0 for a reply to the source post
    stance: str


@dataclass(frozen=True, slots=True)
class PageWithTruth:
    thread_id: str
    layout: str
    seed: int
    text: str  # the page as plain text
    title: str
    article: str  # the source post's words as the page shows them
    source_stance: str
    nested: bool  # whether the layout shows reply nesting (else parents are not scored)
    replies: tuple[ReplyTruth, ...]  # in page order


def load_threads(path: str | Path) -> list[dict]:
    """Threads from a JSONL file, one a line; missing texts read as "" (a removed post)."""
    threads = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            t = json.loads(line)
            t["source"]["text"] = t["source"].get("text") or ""
            for r in t["replies"]:
                r["text"] = r.get("text") or ""
                r["author"] = r.get("author") or ""
            threads.append(t)
    return threads


# ---------------------------------------------------------------------------------------- text


def _clean_lines(text: str) -> list[str]:
    """A post's lines as a page shows them: stripped, at most one blank line in a row."""
    out: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        s = raw.strip()
        if s or (out and out[-1]):
            out.append(s)
    while out and not out[-1]:
        out.pop()
    return out


def _author(reply: dict) -> str:
    # a reply whose author is gone shows as Reddit shows it
    return (reply.get("author") or "").strip() or "[deleted]"


def _reply_lines(reply: dict) -> list[str]:
    # a reply removed by its platform still shows as a marker on the page
    return _clean_lines(reply.get("text") or "") or ["[deleted]"]


def _title_of(source: dict) -> str:
    title = (source.get("title") or "").strip()
    text = title or _URL.sub("", source.get("text") or "")
    words = text.split()
    if len(words) > TITLE_WORDS and not title:
        return " ".join(words[:TITLE_WORDS]) + " …"
    return " ".join(words)


def _article_lines(source: dict) -> list[str]:
    # a Reddit self post has its text apart from its title; a link post is its title alone
    body = source.get("selftext") or source.get("text") or ""
    return _clean_lines(body) or [source.get("title") or ""]


def _when(value: str | None) -> datetime:
    try:
        return datetime.fromisoformat((value or "").replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return datetime(2015, 1, 1)


def _ago(then: datetime, now: datetime) -> str:
    secs = max(0, int((now - then).total_seconds()))
    for unit, size in (("year", 365 * 86400), ("month", 30 * 86400), ("day", 86400), ("hour", 3600), ("minute", 60)):
        if secs >= size:
            k = secs // size
            return f"{k} {unit}{'s' if k > 1 else ''} ago"
    return "just now"


def _rng(thread_id: str, layout: str, seed: int) -> random.Random:
    # a stable hash (not Python's salted one) so a page is the same in every process
    digest = hashlib.sha256(f"{thread_id}|{layout}|{seed}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


# ------------------------------------------------------------------------------------- threads


def reply_truths(page: list[str], order: list[tuple[dict, str | None, int]], spans: list[tuple[int, int]]) -> tuple[ReplyTruth, ...]:
    """What a page writer put down for each reply: its text is the page's lines [a, b) of its span,
    so the truth is what the page shows (chrome drawn inside a reply excluded by the writer)."""
    return tuple(
        ReplyTruth(
            id=str(r["id"]),
            author=_author(r),
            text="\n".join(s.strip() for s in page[a:b]).strip(),
            parent_id=parent,
            depth=depth,
            stance=r.get("stance") or "",
        )
        for (r, parent, depth), (a, b) in zip(order, spans)
    )


def _tree_order(replies: list[dict], source_id: str) -> list[tuple[dict, str | None, int]]:
    """(reply, shown parent id, depth) depth first, children by time; orphans answer the source."""
    ids = {r["id"] for r in replies}
    children: dict[str | None, list[dict]] = {}
    for r in replies:
        parent = r.get("parent_id")
        parent = parent if parent in ids and parent != r["id"] else None
        children.setdefault(parent, []).append(r)
    for kids in children.values():
        kids.sort(key=lambda r: (r.get("created") or "", r["id"]))
    out: list[tuple[dict, str | None, int]] = []
    seen: set[str] = set()
    stack = [(r, None, 0) for r in reversed(children.get(None, []))]
    while stack:
        r, parent, depth = stack.pop()
        if r["id"] in seen:  # a cycle in the gold: show each reply once
            continue
        seen.add(r["id"])
        out.append((r, parent, depth))
        stack.extend((k, r["id"], depth + 1) for k in reversed(children.get(r["id"], [])))
    # replies caught in a parent cycle never hang from the root: show them at the top level
    out.extend((r, None, 0) for r in replies if r["id"] not in seen)
    return out


# ------------------------------------------------------------------------------------- layouts

_NAV = (
    ["Home", "News", "World", "Politics", "Opinion", "Sport"],
    ["Skip to content", "Menu", "Search"],
    ["Home | About | Contact | Archives"],
)
_SHARE = (["Share this:", "Twitter", "Facebook", "Email"], ["Share", "Tweet", "Pin"], [])


def _date_long(d: datetime) -> str:
    return f"{d:%B} {d.day}, {d.year} at {d.hour % 12 or 12}:{d:%M} {'am' if d.hour < 12 else 'pm'}"


def _head(rng: random.Random, title: str, source: dict, lines: list[str], with_chrome: bool) -> list[str]:
    out: list[str] = []
    if with_chrome:
        out += rng.choice(_NAV) + [""]
    out += [title, ""]
    if rng.random() < 0.5:
        out += [f"By {source.get('author') or 'Staff'} | {_when(source.get('created')):%d %B %Y}", ""]
    out += lines + [""]
    if with_chrome:
        share = rng.choice(_SHARE)
        if share:
            out += share + [""]
    return out


def _disqus(page: list[str], title: str, order, rng, now) -> list[tuple[int, int]]:
    # seed 001: "  • Name" then the text indented two more; a reply sits four further in
    spans = []
    page += [f"{len(order)} Comments", ""] if rng.random() < 0.5 else []
    for r, _, depth in order:
        pad = " " * (2 + 4 * depth)
        page.append(f"{pad}• {_author(r)}")
        page.append("")
        first = len(page)
        page.extend(f"{pad}  {s}" if s else "" for s in _reply_lines(r))
        spans.append((first, len(page)))
        page.append("")
    return spans


def _wordpress(page: list[str], title: str, order, rng, now) -> list[tuple[int, int]]:
    spans = []
    page += [f"{len(order)} thoughts on “{title}”", ""] if rng.random() < 0.5 else [f"{len(order)} Responses", ""]
    for r, _, _ in order:
        page.append(f"{_author(r)} says:")
        page.append(_date_long(_when(r.get("created"))))
        page.append("")
        first = len(page)
        page.extend(_reply_lines(r))
        spans.append((first, len(page)))
        page += ["", "Reply", ""]
    page += ["Leave a Reply", "Your email address will not be published. Required fields are marked *", ""]
    return spans


def _blogger(page: list[str], title: str, order, rng, now) -> list[tuple[int, int]]:
    spans = []
    page += [f"{len(order)} comments:", ""]
    for r, _, _ in order:
        page.append(f"{_author(r)} said...")
        first = len(page)
        page.extend(_reply_lines(r))
        spans.append((first, len(page)))
        page.append(_date_long(_when(r.get("created"))).replace(" am", " AM").replace(" pm", " PM"))
        page.append("")
    page += ["Post a Comment", ""]
    return spans


def _numbered(page: list[str], title: str, order, rng, now) -> list[tuple[int, int]]:
    spans = []
    counters: list[int] = []
    for r, _, depth in order:
        counters = counters[: depth + 1]
        while len(counters) <= depth:
            counters.append(0)
        counters[depth] += 1
        number = ".".join(str(c) for c in counters) + "."
        d = _when(r.get("created"))
        page.append(f"{number} {_author(r)} | {d.day} {d:%b} {d.year} {d:%H:%M}")
        first = len(page)
        page.extend(_reply_lines(r))
        spans.append((first, len(page)))
        page.append("")
    return spans


def _reddit(page: list[str], title: str, order, rng, now) -> list[tuple[int, int]]:
    spans = []
    page += [f"{len(order)} comments", "sorted by: best", ""]
    for r, _, depth in order:
        page.append(f"level {depth + 1}")
        points = rng.randint(-5, 120)
        page.append(f"{_author(r)} · {points} point{'s' if points != 1 else ''} · {_ago(_when(r.get('created')), now)}")
        first = len(page)
        page.extend(_reply_lines(r))
        spans.append((first, len(page)))
        page += ["Reply", "Share", "Report", ""] if rng.random() < 0.7 else ["Reply", ""]
    return spans


def _tweets(page: list[str], title: str, order, rng, now) -> list[tuple[int, int]]:
    spans = []
    for r, _, _ in order:
        d = _when(r.get("created"))
        page.append(_author(r))
        page.append(f"@{_author(r)} · {d:%b} {d.day}")
        first = len(page)
        page.extend(_reply_lines(r))
        spans.append((first, len(page)))
        page.append(f"{rng.randint(0, 9)} replies {rng.randint(0, 40)} retweets {rng.randint(0, 90)} likes")
        page.append("")
    return spans


_WRITERS = {
    "disqus": _disqus,
    "wordpress": _wordpress,
    "blogger": _blogger,
    "numbered": _numbered,
    "reddit": _reddit,
    "tweets": _tweets,
}
# the layouts that come with a site's navigation and share lines around the article
_CHROME = frozenset({"wordpress", "blogger", "reddit"})


def render_page(thread: dict, layout: str, *, seed: int = 0) -> PageWithTruth:
    """The thread as a comment-section page in `layout` (one of LAYOUTS), with its truth."""
    if layout not in _WRITERS:
        raise ValueError(f"unknown layout {layout!r}; expected one of {', '.join(LAYOUTS)}")
    source = thread["source"]
    rng = _rng(str(source["id"]), layout, seed)
    title = _title_of(source)
    article = _article_lines(source)
    page = _head(rng, title, source, article, layout in _CHROME and rng.random() < 0.8)
    order = _tree_order(thread["replies"], str(source["id"]))
    if layout not in NESTED_LAYOUTS:
        # a flat section lists replies by time, whoever they answer
        order.sort(key=lambda o: (o[0].get("created") or "", str(o[0]["id"])))
    now = max((_when(r.get("created")) for r in thread["replies"]), default=_when(source.get("created"))) + timedelta(hours=rng.randint(1, 30))
    spans = _WRITERS[layout](page, title, order, rng, now)
    replies = reply_truths(page, order, spans)
    return PageWithTruth(
        thread_id=str(thread.get("thread_id") or source["id"]),
        layout=layout,
        seed=seed,
        text="\n".join(page).rstrip() + "\n",
        title=title,
        article="\n".join(article),
        source_stance=source.get("stance") or "",
        nested=layout in NESTED_LAYOUTS,
        replies=replies,
    )


# ------------------------------------------------------------------------------------ matching


def _bag(text: str) -> Counter:
    return Counter(_TOKEN.findall(text.lower()))


def _f1(a: Counter, b: Counter) -> float:
    hit = sum((a & b).values())
    if not hit:
        return 0.0
    p, r = hit / sum(b.values()), hit / sum(a.values())
    return 2 * p * r / (p + r)


MATCHES = pl.Schema(
    {
        "reply_id": pl.String,
        "stance": pl.String,
        "comment_id": pl.String,  # the found comment matched to the reply, null when none
        "found": pl.Boolean,
        "author_correct": pl.Boolean,  # null when not found
        "parent_correct": pl.Boolean,  # null when not found or the layout does not show nesting
        "text_f1": pl.Float64,
    }
)


def match_comments(comments: pl.DataFrame, truth: PageWithTruth) -> pl.DataFrame:
    """Each gold reply matched to at most one found comment (MATCHES rows, in page order).

    `comments`: the page's rows of the COMMENTS table (comment_id, parent_id, text, author; other
    columns ignored). A reply and a comment match when their word bags overlap with F1 >=
    MATCH_MIN_F1; pairs are taken best first so one comment answers for one reply. A found reply's
    parent is correct when its comment's parent is the comment matched to the gold parent (or both
    are top level).
    """
    ids = comments["comment_id"].to_list() if comments.height else []
    texts = comments["text"].to_list() if comments.height else []
    authors = comments["author"].to_list() if comments.height and "author" in comments.columns else [""] * len(ids)
    parents = comments["parent_id"].to_list() if comments.height else []
    bags = [_bag(t or "") for t in texts]
    pairs: list[tuple[float, int, int]] = []
    for i, reply in enumerate(truth.replies):
        rb = _bag(reply.text)
        for j, cb in enumerate(bags):
            # (a reply with no word, "> 🤷" over "💀", is compared whole, its whitespace as a bag of
            # words ignores it: a nested reply's later lines carry the page's indentation)
            score = _f1(rb, cb) if rb else float(" ".join(reply.text.split()) == " ".join((texts[j] or "").split()))
            if score >= MATCH_MIN_F1:
                # best overlap first; among equals, the comment nearest the reply's place on the page
                pairs.append((-score, abs(i - j), i, j))
    pairs.sort()
    reply_to: dict[int, int] = {}
    score_of: dict[int, float] = {}
    taken: set[int] = set()
    for neg, _, i, j in pairs:
        if i in reply_to or j in taken:
            continue
        reply_to[i], score_of[i] = j, -neg
        taken.add(j)
    comment_of_reply = {truth.replies[i].id: ids[j] for i, j in reply_to.items()}
    rows: dict[str, list] = {k: [] for k in MATCHES.names()}
    for i, reply in enumerate(truth.replies):
        j = reply_to.get(i)
        rows["reply_id"].append(reply.id)
        rows["stance"].append(reply.stance)
        rows["found"].append(j is not None)
        rows["comment_id"].append(ids[j] if j is not None else None)
        rows["text_f1"].append(score_of.get(i, 0.0))
        if j is None:
            rows["author_correct"].append(None)
            rows["parent_correct"].append(None)
            continue
        rows["author_correct"].append(_same_name(authors[j] or "", reply.author))
        if not truth.nested:
            rows["parent_correct"].append(None)
        elif reply.parent_id is None:
            rows["parent_correct"].append(parents[j] is None)
        else:
            want = comment_of_reply.get(reply.parent_id)
            rows["parent_correct"].append(want is not None and parents[j] == want)
    return pl.DataFrame(rows, schema=MATCHES)


def _same_name(shown: str, name: str) -> bool:
    """Whether the author read off a page names the reply's author: a site that prints handles
    shows "Rosa O'Brien" as "@RosaOBrien", so case, spaces and punctuation do not count."""
    return _NOT_A_NAME_CHAR.sub("", shown.lower()) == _NOT_A_NAME_CHAR.sub("", name.lower())


_NOT_A_NAME_CHAR = re.compile(r"[\W_]")


def page_scores(matches: pl.DataFrame) -> dict:
    """Share of replies found, and of found replies with the right parent and author, on one page."""
    n = matches.height
    found = int(matches["found"].sum()) if n else 0
    parent = matches["parent_correct"].drop_nulls()
    author = matches["author_correct"].drop_nulls()
    return {
        "replies": n,
        "found": found,
        "found_share": found / n if n else 1.0,
        "parent_scored": parent.len(),
        "parent_correct": int(parent.sum()) if parent.len() else 0,
        "author_correct": int(author.sum()) if author.len() else 0,
    }
