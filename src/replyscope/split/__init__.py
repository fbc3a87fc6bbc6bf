"""Split a scraped page into article, boilerplate and reader comments.

`split_document` is pure and works on one page's text; `split_documents` runs it over a
DOCUMENTS frame and returns the SEGMENTS, ARTICLES and COMMENTS tables. A page whose split
raises is reported in `errors` and yields no rows, so one odd page never sinks a batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Final, NamedTuple

import polars as pl

from replyscope import schema
from replyscope.page_budget import PAGE_CPU_SECONDS, page_budget
from replyscope.split.caches import LINE_CACHES as _LINE_CACHES, cache_size, empty_cache
from replyscope.split.body import article_roles, headline_of_title, is_boilerplate_line, title_from_text, title_without_tally
from replyscope.split.chrome import is_chrome
from replyscope.split.comment_text import comment_words, cut_last_at_closing, drop_echo_lines, drop_entry_labels, drop_numbered_links, drop_reaction_marks, drop_repeated_tails, drop_reply_targets, drop_role_badges, drop_subject_lines, drop_signatures, drop_widget_tails, name_numbered_comments, trim_after_actions
from replyscope.split.openers import inline_label, shared_inline_label
from replyscope.split.comments import Comment, Zone, build_zone
from replyscope.split.dates import parse_posted
from replyscope.split.headers import read_header, reads_as_byline
from replyscope.split.line_led import line_led_zone
from replyscope.split.lines import Lines, is_prose, prev_nonblank, split_lines
from replyscope.split.patterns import BULLETS
from replyscope.split.segments import segments_of
from replyscope.split.short_post import short_post_roles
from replyscope.split.named_parent import REPLY_TO_NAME
from replyscope.split.threading import HEADER_TARGET, HEADER_TARGET_GATE, REPLY_MARK, REPLY_MARK_GATE, by_layout, level_number, mixed_marks, outline_number, thread

__all__ = ["DocumentSplit", "SplitComment", "SplitTables", "clear_caches", "split_document", "split_documents", "trim_caches"]

# Comment headers are looked for after the page's first run of prose this long (in characters):
# a byline or a dateline above the article, or a dated menu, is not a comment.
MIN_LEAD_PROSE: Final = 250


@dataclass(slots=True, init=False)
class SplitComment:
    position: int
    author: str
    posted_raw: str
    posted_at: datetime | None
    text: str
    start: int
    end: int
    depth: int
    parent: int | None  # position of the comment replied to

    # (written out: under mypyc the __init__ a @dataclass writes stays plain Python, ~3k
    # instructions a comment; every argument has a default, as pickle remakes the object by
    # calling it with none and then sets its fields)
    def __init__(
        self,
        position: int = 0,
        author: str = "",
        posted_raw: str = "",
        posted_at: datetime | None = None,
        text: str = "",
        start: int = 0,
        end: int = 0,
        depth: int = 0,
        parent: int | None = None,
    ) -> None:
        self.position = position
        self.author = author
        self.posted_raw = posted_raw
        self.posted_at = posted_at
        self.text = text
        self.start = start
        self.end = end
        self.depth = depth
        self.parent = parent


@dataclass(slots=True)
class DocumentSplit:
    segments: list[tuple[int, int, str]]  # (start, end, role), lossless over the text
    title: str
    body: str
    comments: list[SplitComment] = field(default_factory=list)


class SplitTables(NamedTuple):
    segments: pl.DataFrame
    articles: pl.DataFrame
    comments: pl.DataFrame
    errors: dict[str, str]


def _first_prose_line(lines: Lines) -> int:
    """Where the page's first real run of prose starts (menus and bylines come before it).

    A short article (a tweet, a one-paragraph post) has no run this long: the run found may then
    start among its comments; the thread is extended back up over it (see choose.extend_up).
    """
    n = len(lines)
    run_chars = 0
    run_start = first = None
    gap = 0
    for i in range(n):
        s = lines.text[i]
        if not s:
            continue
        if is_prose(s):
            if first is None:
                first = i
            if run_start is None or gap > 3:
                run_start, run_chars = i, 0
            run_chars += len(s)
            gap = 0
            if run_chars >= MIN_LEAD_PROSE:
                return run_start
        else:
            gap += 1
    # no run long enough: the first prose line (not the last run's start: on a page of short
    # comments under a short post that is a comment); a page without any prose has no byline to skip
    return first if first is not None else -1


# An article shorter than this (in characters) is a short post: a tweet, a paragraph under a link.
SHORT_POST_CHARS: Final = 600

# A line of at least this many words, that no header reader takes, is text: a title, an article's
# words (a tweet ending in a link), a comment's.
TEXT_LINE_WORDS: Final = 3


def _text_floor(lines: Lines, upto: int) -> tuple[int, int]:
    """(first text line, where the article's words begin) above line `upto`, each `upto` if none.

    Where a short post's title and words, and perhaps its first comments, sit when the page has no
    long run of prose (see comments.build_zone and choose.extend_up). The article's words begin at
    its first prose line or its second line of text (the first is its title), whichever comes first.
    """
    text, core = lines.text, lines.core
    found: list[int] = []
    prose = False
    for i in range(max(upto, 0)):
        s = text[i]
        if not s:
            continue
        prose = is_prose(s)
        if prose or (
            s.count(" ") >= TEXT_LINE_WORDS - 1
            and s[0] not in BULLETS
            and not s.isupper()  # ("2013 WORLD TOUR": a menu's label)
            and not is_chrome(s)
            and not is_boilerplate_line(s)
            and read_header(core[i]) is None
        ):
            found.append(i)
        if prose or len(found) == 2:
            break
    if not found:
        return upto, upto
    # (a lone line of text that is no prose is a title or a tagline: the words begin at the lead run)
    return found[0], found[-1] if prose or len(found) == 2 else upto


def _short_article(lines: Lines, roles: list[str], start: int, end: int) -> bool:
    """Whether the article found above the comments is none or shorter than a lead run of prose
    (MIN_LEAD_PROSE): a tweet or a title over a link, whose words may sit under it (see short_post)."""
    chars = 0
    for i in range(start, end):
        if roles[i] == "body":
            chars += len(lines.text[i])
            if chars >= MIN_LEAD_PROSE:
                return False
    return True


def _level_above(lines: Lines, i: int) -> int | None:
    """The nesting level printed on the line above line i ("level 2"), if any."""
    for j in range(i - 1, max(-1, i - 3), -1):
        if lines.text[j]:
            return level_number(lines.text[j])
    return None


def _reply_link(lines: Lines, c: Comment, roles: dict[int, str]) -> str:
    """The "In reply to Name" line between a comment's header and its words, or the target its
    header names, or the "@Name" line taken off its words' top (drop_reply_targets), with a line
    break ("" when there is none): the parent it names, for threading."""
    j = prev_nonblank(lines, c.body_lines[0], 2) if c.body_lines else None
    if j is not None and j not in c.header_lines and roles.get(j) == "comment_header" and lines.text[j][:1] == "@":
        return lines.text[j] + "\n"  # (over words signed from below, or under a header: whom they answer)
    if not c.header_lines:
        return ""
    for j in c.header_lines:
        s = lines.text[j]
        # (a line holding none of the literals one of which each of the pattern's forms holds cannot
        # match, and its search, tried at each of the line's characters, is not asked)
        m = HEADER_TARGET.search(s) if HEADER_TARGET_GATE.admits(s) else None
        if m:
            return f"in reply to {m['name']}\n"
    for j in range(c.header_lines[-1] + 1, c.body_lines[0]):
        s = lines.text[j]
        if s[:12].lower() == "in reply to " and REPLY_TO_NAME.match(s):
            return s + "\n"
    return ""


def _reply_marked(s: str, stamp: str) -> bool:
    """Whether header line `s`, its stamp left out, ends saying its comment is a reply (REPLY_MARK)."""
    # (a text holding none of the literals one of which each of the pattern's forms holds cannot
    # match, and is not searched)
    t = s.replace(stamp, "").rstrip(" |·,-")
    return REPLY_MARK_GATE.admits(t) and REPLY_MARK.search(t) is not None


def _first_line(w: str) -> str:
    """w.split("\n", 1)[0]: the text up to its first line feed."""
    k = w.find("\n")
    return w if k < 0 else w[:k]


def _mark_bylines(lines: Lines, roles: list[str], start: int, end: int) -> None:
    """A "By Name" line inside the article is its byline."""
    text = lines.text
    for i in range(start, end):
        s = text[i]
        if s[:1] in ("b", "B") and s[:3].lower() == "by " and len(s) < 80 and roles[i] in ("body", "title") and reads_as_byline(lines.core[i]):
            roles[i] = "byline"


# The per-line verdicts (caches.line_cache) are cached without a size bound; their size is bounded
# here instead: every CACHE_CHECK_LINES lines split, a cache holding more than CACHE_MAX_ENTRIES
# verdicts is emptied.
CACHE_MAX_ENTRIES: Final = 1 << 16
CACHE_CHECK_LINES: Final = 1 << 14
_lines_since_check = 0


def clear_caches() -> None:
    """Forget the per-line verdicts cached across pages (benchmarks start cold with this)."""
    global _lines_since_check
    for cache in _LINE_CACHES:
        empty_cache(cache)
    _lines_since_check = 0


def trim_caches(n_lines: int) -> None:
    """Count `n_lines` more lines split, and empty the caches grown too big (see _LINE_CACHES)."""
    global _lines_since_check
    _lines_since_check += n_lines
    if _lines_since_check >= CACHE_CHECK_LINES:
        _lines_since_check = 0
        for cache in _LINE_CACHES:
            if cache_size(cache) > CACHE_MAX_ENTRIES:
                empty_cache(cache)


def split_document(text: str, title: str = "") -> DocumentSplit:
    """Segments, article body and comments of one page."""
    lines = split_lines(text)
    try:
        return _split_lines(text, title, lines)
    finally:
        # after the page, not before: a page of 16k+ lines has its own entries trimmed at once
        trim_caches(len(lines))


def _led_lines_as_headers(led: Zone, zone: Zone) -> bool:
    """Whether the block readers found no more comments than line_led did by taking one of its
    lines ("words – jo Mar 3, 2020") for a header alone, the words read into the name ("words –
    jo"): that comment's words are then the next line's, or the page's chrome. A short comment
    (an emoji, a word) signed on its line reads as a header with a strange name to them."""
    if len(zone.comments) > len(led.comments):
        return False
    # (the line each led header shares with its words, and the name it gives)
    names = {c.body_lines[0] if c.head_cut else c.body_lines[-1]: c.author for c in led.comments}
    return any(
        j in names and len(c.author) > len(names[j]) and names[j] in c.author for c in zone.comments for j in c.header_lines
    )


def _signatures_read_as_headers(led: Zone, zone: Zone) -> bool:
    """Whether the block readers took a signature line_led read alone on its line (signing the words
    over it, "Jo (talk) 14:02, 3 March 2024 (UTC)") for a header over the words under it: each
    comment then has the next one's words, and the last the page's footer."""
    rows = {c.header_lines[0] for c in led.comments if c.header_lines}
    return bool(rows) and any(c.body_lines and c.body_lines[0] > j for c in zone.comments for j in c.header_lines if j in rows)


def _split_lines(text: str, title: str, lines: Lines) -> DocumentSplit:
    n = len(lines)
    # every line starts as page furniture; the article and the comment zone claim theirs
    roles: list[str] = ["boilerplate"] * n
    first_prose = _first_prose_line(lines)
    text_floor, words_floor = _text_floor(lines, first_prose)
    zone, zone_roles = build_zone(lines, first_prose, text_floor, words_floor)  # (a direct call compiled: a starred one is a Python call)
    led = line_led_zone(lines, 0, text)
    if led is not None and (
        zone is None or len(led[0].comments) > len(zone.comments) or _led_lines_as_headers(led[0], zone) or _signatures_read_as_headers(led[0], zone)
    ):
        # (more comments whose headers share their lines than the block readers found: a chat
        # log, a thread of comments signed at their lines' ends)
        zone, zone_roles = led
    if zone:
        drop_role_badges(lines, zone, zone_roles)
        drop_subject_lines(lines, zone, zone_roles)
        trim_after_actions(lines, zone, zone_roles)
        drop_repeated_tails(lines, zone, zone_roles)
        drop_reaction_marks(lines, zone, zone_roles)
        cut_last_at_closing(lines, zone, zone_roles)
        drop_widget_tails(lines, zone, zone_roles)
        drop_echo_lines(lines, zone, zone_roles)
        drop_numbered_links(lines, zone, zone_roles)
        drop_entry_labels(lines, zone, zone_roles)
        name_numbered_comments(lines, zone, zone_roles)
        drop_signatures(lines, zone, zone_roles)
        drop_reply_targets(lines, zone, zone_roles)
    article_end = zone.start if zone else n
    start, end = article_roles(lines, 0, article_end, roles, title)
    if zone and _short_article(lines, roles, start, end):
        # a short post (a tweet, a title over a link) right above its thread: its words are there
        post_start, end_ = short_post_roles(lines, end, article_end, roles, title, article_start=start if start < end else None)
        if post_start < end_:
            start, end = (start if start < end else post_start), end_
    _mark_bylines(lines, roles, start, end)
    for i, role in zone_roles.items():
        roles[i] = role
    segments = segments_of(lines, roles, len(text))  # (blank lines join the run above them)

    comments: list[SplitComment] = []
    if zone:
        kept = [c for c in zone.comments if c.body_lines]
        spans = [(lines.begin(c.body_lines[0]), lines.end(c.body_lines[-1])) for c in kept]
        # (less the chrome lines inside its span)
        texts = [comment_words(text, lines, c.body_lines, start, end) for c, (start, end) in zip(kept, spans)]
        # a label the page prints at the head of most comments ("A: Yes, it does.") is the page's,
        # not the reader's: it leaves the text (and the comment starts after it)
        # (each text's first line cut at its first break: `split("\n", 1)` copied the rest of the text too)
        label = shared_inline_label([_first_line(w) for w in texts]) if len(texts) > 1 else None
        for pos, (c, (start, end), words) in enumerate(zip(kept, spans, texts)):
            if label is not None and inline_label(words) == label:
                cut = len(words) - len(words[len(label) + 1 :].lstrip())
                start = text.find(words[:cut], start) + cut
                words = words[cut:]
            if c.head_cut or c.tail_cut:
                # (the header's characters on the words' first or last line: see line_led)
                keep = words[c.head_cut : len(words) - c.tail_cut]
                start += c.head_cut + len(keep) - len(keep.lstrip())
                end -= c.tail_cut + len(keep) - len(keep.rstrip())
                words = keep.strip()
            comments.append(SplitComment(pos, c.author, c.posted_raw, parse_posted(c.posted_raw), words, start, end))
        # (each comment's outline number, read up to the first comment without one: thread nests by
        # them only where every comment has one, and None says so to it as that list did)
        found: list[tuple[int, ...] | None] = []
        for c in kept:
            num = outline_number(lines.text[c.header_lines[0]]) if c.header_lines else None
            if num is None:
                break
            found.append(num)
        numbers = found if len(found) == len(kept) else None
        indents = [c.indent for c in kept]
        # "level 2" over each header says the nesting the indentation would have shown (read up to the
        # first header without one: then the indentation stands)
        levels: list[int] = []
        for c in kept:
            level = _level_above(lines, c.header_lines[0]) if c.header_lines else None
            if level is None:
                break
            levels.append(level)
        if kept and len(levels) == len(kept):
            indents = levels
        # an "In reply to Jo" link under a header is chrome, out of the text, but still names the parent
        # (the headers' reply marks and the cues are read only where thread reads them:
        # threading.by_layout, threading.mixed_marks)
        cues: list[str] = []
        marked: list[bool] | None = None
        if not by_layout(numbers, indents):
            marked = [any(_reply_marked(lines.text[j], c.posted_raw) for j in c.header_lines) for c in kept]
            if not mixed_marks(marked):
                cues = [_reply_link(lines, c, zone_roles) + s.text for c, s in zip(kept, comments)]
        depth, parent = thread(indents, [c.author for c in kept], cues, numbers, marked)
        for sc, d, p in zip(comments, depth, parent):
            sc.depth, sc.parent = d, p
    title_line = next((text[s:e].strip() for s, e, r in segments if r == "title"), "")
    # (a given title is kept, or the part of it the page prints as its headline: not the site's name)
    title_text = headline_of_title(title.strip(), title_line) if title.strip() else title_without_tally(title_line, text)
    body = "".join(text[s:e] for s, e, r in segments if r in ("body", "quote")).strip()
    if not title_text and zone and len(body) < SHORT_POST_CHARS:
        # a short post without a headline (a tweet over its replies) is named by its opening words,
        # as sites head it; a long article without one, or a page without comments, has a headline
        # its page shows and the split missed (or no post at all): no stand-in
        title_text = title_from_text(body)
    return DocumentSplit(segments, title_text, body, comments)


def split_documents(docs: pl.DataFrame, page_cpu_seconds: float = PAGE_CPU_SECONDS) -> SplitTables:
    """Split every document of a DOCUMENTS-shaped frame into the three split tables.

    A page that raises, or that uses more than `page_cpu_seconds` of CPU (0: no limit), is in
    `errors` and yields no rows."""
    seg_rows: dict[str, list] = {k: [] for k in schema.SEGMENTS.names()}
    art_rows: dict[str, list] = {k: [] for k in schema.ARTICLES.names()}
    com_rows: dict[str, list] = {k: [] for k in schema.COMMENTS.names()}
    errors: dict[str, str] = {}
    titles = docs["title"] if "title" in docs.columns else pl.Series([""] * docs.height)
    htmls = docs["html"] if "html" in docs.columns else pl.Series([None] * docs.height, dtype=pl.String)
    for doc_id, text, title, html in zip(docs["doc_id"], docs["text"], titles, htmls):
        try:
            with page_budget(page_cpu_seconds):
                if html is not None:  # an HTML page: its DOM shows the comments (replyscope.html)
                    from replyscope.html import split_html_document

                    split = split_html_document(html, text or "", title or "")
                else:
                    split = split_document(text or "", title or "")
        except Exception as exc:  # one bad page must not sink the batch
            errors[doc_id] = f"{type(exc).__name__}: {exc}"
            continue
        for no, (s, e, role) in enumerate(split.segments):
            seg_rows["doc_id"].append(doc_id)
            seg_rows["seg_no"].append(no)
            seg_rows["start"].append(s)
            seg_rows["end"].append(e)
            seg_rows["role"].append(role)
        art_rows["doc_id"].append(doc_id)
        art_rows["title"].append(split.title)
        art_rows["body"].append(split.body)
        art_rows["n_comments"].append(len(split.comments))
        for c in split.comments:
            com_rows["comment_id"].append(f"{doc_id}-{c.position:04d}")
            com_rows["doc_id"].append(doc_id)
            com_rows["position"].append(c.position)
            com_rows["parent_id"].append(None if c.parent is None else f"{doc_id}-{c.parent:04d}")
            com_rows["depth"].append(c.depth)
            com_rows["author"].append(c.author)
            com_rows["posted_raw"].append(c.posted_raw)
            com_rows["posted_at"].append(c.posted_at)
            com_rows["text"].append(c.text)
            com_rows["start"].append(c.start)
            com_rows["end"].append(c.end)
    return SplitTables(
        segments=pl.DataFrame(seg_rows, schema=schema.SEGMENTS),
        articles=pl.DataFrame(art_rows, schema=schema.ARTICLES),
        comments=pl.DataFrame(com_rows, schema=schema.COMMENTS),
        errors=errors,
    )
