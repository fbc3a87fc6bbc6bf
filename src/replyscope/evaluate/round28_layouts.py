"""Round 28's comment layouts for evaluate.layout_variants: five families none of the earlier 30 covers.

- `textbrowser`: a comment section as a text browser dumps it (lynx's numbered links "[24]Reply",
  its list bullets "*", "+", "o", "#" a level deeper each, "[IMG]" for avatars, the form as
  "(BUTTON) Post Comment" and "____" fields, a "References" list of the numbered links at the end;
  or w3m's bullets "•" / "◦" / "▪" with no numbers); text wrapped at the browser's width.
- `archive`: a numbered comment archive or a page's print view ("Comment #12 by X on <date>",
  "12. X wrote on <date>:", a CMS's subject over "Submitted by X on <date>" and "Permalink | reply",
  or the words over "Posted by: X | <date>"), "Printer-friendly version", pingbacks, "Source URL:".
- `feed`: comments as a feed reader or a mail client shows them: a post's comment feed ("By: X"
  or "Comment on <title> by X" over an RFC 822 date, "In reply to X." opening a reply, the item's
  link), a blog's notification mail per comment ("Author: X (IP address: ...)", "Comment:", "You
  can see all comments on this post here:"), or a daily digest ("X on <title> · 2:14 PM",
  "View the conversation ›", "Unsubscribe").
- `imageboard`: an imageboard or textboard thread: "Anonymous 03/03/20(Tue)14:21:05 No.81234567"
  with back links ">>81234570" after it, ">>81234560" opening a reply's words, file lines; a
  Japanese textboard's "12 名前:X 投稿日:2020/03/03(火) 14:21:05.12 ID:aB3dE5fG"; or an English
  one's "12 Name: X : 2020-03-03 14:21 ID:aB3dE5fG"; every post in time order, none indented.
- `photo`: a photo site's comments: a photo app's web page ("handle words" on one line, "3w  12
  likes  Reply" under, "View replies (2)"), a photo-sharing site's (name, words, "Posted 3 years
  ago. ( permalink )"), or a Russian social network's (name, words, "3 мар в 14:21 Ответить",
  replies opening with the parent's first name and a comma); replies one level in.

Writers take the page so far and the thread in display order and return each reply's line span
(layout_variants' contract); every string here is invented.
"""

from __future__ import annotations

import random
import re
import textwrap
from datetime import datetime, timedelta

from replyscope.evaluate.layout_variants import (
    _FIRST,
    _LAST,
    _PLACES,
    _compact,
    _count,
    _handle,
    _invented_name,
    _relative,
)
from replyscope.evaluate.thread_pages import _author, _when

def _ampm(d: datetime, sep: str = ":") -> str:
    return f"{d.hour % 12 or 12}{sep}{d:%M} {'am' if d.hour < 12 else 'pm'}"


def _wrap(lines: list[str], width: int) -> list[str]:
    """A reply's lines as a text browser wraps them (blank lines kept, long words unbroken)."""
    out: list[str] = []
    for s in lines:
        out.extend(textwrap.wrap(s, width=width, break_long_words=False, break_on_hyphens=False) if s else [""])
    return out


def _slug(title: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", title.lower())[:6]) or "story"


# ------------------------------------------------------------------------------ text browsers

_LYNX_BULLETS = ("*", "+", "o", "#", "@", "-")
_W3M_BULLETS = ("•", "◦", "▪", "▫")


def _textbrowser(page, order, rng, now, *, texts: dict, title: str, trims: dict) -> list[tuple[int, int]]:
    # lynx -dump / w3m -dump of a threaded section: list items a level deeper each (3 columns a
    # level), the name and permalink date numbered as links, the words wrapped at the screen's width
    spans = []
    n = len(order)
    lynx = rng.random() < 0.65
    numbers = lynx or rng.random() < 0.3  # w3m prints link numbers only when asked to
    listed = rng.random() < 0.75  # comments in a list (bullets) or in nested boxes (indent only)
    shape = rng.randrange(3)  # "name says:" over the date; "name date"; name over date
    stamping = rng.randrange(3)
    row = rng.choice((["{r}Reply"], ["{r}Reply ↓"], ["{r}Reply", "{q}Report comment"], ["(BUTTON) Reply"], ["{r}Reply {q}Like"]))
    width = rng.choice((72, 76, 78))
    link = rng.randint(18, 60)
    refs: list[str] = []
    base = f"https://news.example.com/{now.year}/{now.month:02d}/{_slug(title)}/"

    def ref(url: str) -> str:
        nonlocal link
        link += 1
        refs.append(f"{link:4}. {url}")
        return f"[{link}]" if numbers else ""

    page += [f"   {ref(base + '#comments')}{n} Comments" if rng.random() < 0.5 else f"   {n} thoughts on “{' '.join(title.split()[:8])}”", ""]
    if rng.random() < 0.4:
        page += [f"   {ref(base + '#respond')}Leave a comment" + (f"  {ref(base + '?sort=newest')}Newest first" if rng.random() < 0.5 else ""), ""]
    if lynx and rng.random() < 0.3:
        page += [f"   IFRAME: {ref('https://comments.example.net/embed?thread=' + str(rng.randint(10**6, 10**7)))}", ""]
    for idx, (r, parent, depth) in enumerate(order):
        name = _author(r)
        d = _when(r.get("created"))
        cid = rng.randint(10**4, 10**6)
        indent = 3 + 3 * depth + (2 if listed else 0)
        pad = " " * indent
        bullet = (_LYNX_BULLETS if lynx else _W3M_BULLETS)[depth % (6 if lynx else 4)] if listed else ""
        lead = (" " * (indent - 2) + bullet + " ") if listed else pad
        head = []
        if rng.random() < 0.25:
            head.append(rng.choice(("[IMG]", "[avatar]", f"[{name} avatar]", "[USEMAP]")) if lynx else rng.choice(("[avatar]", "[IMG]")))
        named = f"{ref(base + '#comment-' + str(cid) + '-author')}{name}" if rng.random() < 0.5 else name
        stamp = (f"{d:%B} {d.day}, {d.year} at {_ampm(d)}", f"{d.day} {d:%B} {d.year} at {d:%H:%M}", _relative(d, now, rng))[stamping]
        dated = f"{ref(base + '#comment-' + str(cid))}{stamp}"
        if shape == 0:
            head += [f"{named} says:", dated]
        elif shape == 1:
            head += [f"{named} {dated}"]
        else:
            head += [named, dated]
        page.append(lead + head[0])
        page.extend(pad + s for s in head[1:])
        page.append("")
        lines = _wrap(list(texts[r["id"]]["lines"]), width - indent)
        first = len(page)
        page.extend(pad + s if s else "" for s in lines)
        spans.append((first, len(page)))
        page.append("")
        page.extend(pad + s.format(r=ref(base + f"?replytocom={cid}#respond"), q=ref(base + f"#flag-{cid}")) for s in row)
        page.append("")
    page += ["Leave a Reply", "", "   Your address stays private; fields with a * must be filled in.", ""]
    if rng.random() < 0.7:
        page += ["   Comment * ______________________________", "   ____________________________________________________________", ""]
        page += ["   Name * ____________________", "   Email * ____________________", "", "   (BUTTON) Post Comment", ""]
    if refs and numbers and rng.random() < 0.8:
        page += ["References", "", *refs[-min(len(refs), 40) :], ""]
    return spans


# ------------------------------------------------------------------------- numbered archives


def _archive(page, order, rng, now, *, texts: dict, title: str, trims: dict) -> list[tuple[int, int]]:
    # a numbered, flat archive of a post's comments, often the page's print view
    spans = []
    n = len(order)
    form = rng.randrange(4)
    printed = rng.random() < 0.5
    if printed:
        page += rng.choice((["Printer-friendly version"], ["Print this page", "Back to the story"], [f"Printed from news.example.com on {now:%d/%m/%Y}"])) + [""]
    page += rng.choice(([f"Comments ({n})"], [f"{n} Comments"], [f"{n} Responses to “{' '.join(title.split()[:6])}”"], ["Comments", f"Showing {n} of {n} comments"])) + [""]
    start = 1 if rng.random() < 0.8 else rng.randint(2, 300)  # a later page of a long archive
    subj_words = rng.random() < 0.5
    wording = rng.randrange(3)
    stamping = rng.randrange(3)
    for idx, (r, parent, depth) in enumerate(order):
        k = start + idx
        name = _author(r)
        d = _when(r.get("created"))
        lines = list(texts[r["id"]]["lines"])
        if form == 0:
            stamp = (f"{d:%B} {d.day}, {d.year} at {_ampm(d)}", f"{d:%d.%m.%Y} at {d:%H:%M}", f"{d:%a, %d %b %Y %H:%M}")[stamping]
            page.append((f"Comment #{k} by {name} on {stamp}", f"Comment #{k} by {name} — {stamp}", f"#{k} {name} on {stamp}")[wording])
            if rng.random() < 0.2:
                page.append("Permalink")
            page.append("")
        elif form == 1:
            stamp = (f"{d.day} {d:%B} {d.year} at {d:%H:%M}", f"{d:%m/%d/%Y} {_ampm(d)}", f"{d:%B} {d.day}, {d.year}")[stamping]
            page.append((f"{k}. {name} wrote on {stamp}:", f"{k}. {name} said on {stamp}:", f"{k}. {name} | {stamp}")[wording])
        elif form == 2:
            # a CMS's comment: a subject (its first words cut, or "Re: <title>") over the byline
            subject = " ".join(lines[0].split()[:5]) + "…" if subj_words and lines[0].split() else f"Re: {' '.join(title.split()[:5])}"
            page += [subject, f"Submitted by {name} on {d:%a, %m/%d/%Y} - {d:%H:%M}" if rng.random() < 0.7 else f"Submitted by {name} ({rng.choice(('not verified', 'verified'))}) on {d:%a, %m/%d/%Y} - {d:%H:%M}"]
            if rng.random() < 0.3:
                page.append(f"#{k}")
            page.append("")
        first = len(page)
        page.extend(lines)
        spans.append((first, len(page)))
        if form == 1:
            page.append("")
        elif form == 2:
            page += ["", rng.choice(("Permalink | reply", "reply", "Log in or register to post comments", "Permalink"))]
        elif form == 3:
            page += ["", (f"Posted by: {name} | {d:%B} {d.day}, {d.year} {d:%I:%M %p}", f"Posted by: {name} | {d:%B} {d.day}, {d.year} at {d:%I:%M %p}", f"Posted by {name} at {d:%B} {d.day}, {d.year} {d:%I:%M %p} | #{k}")[wording]]
        else:
            page.append("")
        page.append("")
    if rng.random() < 0.4:
        page += [rng.choice(("Trackbacks/Pingbacks", "Pingbacks", "TrackBack")), ""]
        for _ in range(rng.randint(1, 3)):
            page += [f"Pingback: {rng.choice(('Links for the weekend', 'Reading list', 'What we are reading', 'Week in review'))} « {rng.choice(_LAST)}'s notebook", ""]
    if printed:
        page += [f"Source URL: https://news.example.com/{now.year}/{_slug(title)}", ""]
        if rng.random() < 0.5:
            page += ["Links:", "[1] https://news.example.com/user/register", "[2] https://news.example.com/comment/reply", ""]
    else:
        page += rng.choice((["« Older Comments"], ["This archive takes no new comments."], ["Post a comment", "Name:", "Email Address:", "URL:", "Comments:"], [])) + [""]
    return spans


# ------------------------------------------------------------------------ feeds and mail


def _rfc822(d: datetime) -> str:
    return f"{d:%a, %d %b %Y %H:%M:%S} +0000"


def _feed(page, order, rng, now, *, texts: dict, title: str, trims: dict) -> list[tuple[int, int]]:
    # comments read in a feed reader (one item each), in notification mail or in a daily digest
    spans = []
    n = len(order)
    form = rng.randrange(3)
    short = " ".join(title.split()[:8])
    url = f"https://news.example.com/{now.year}/{now.month:02d}/{_slug(title)}/"
    names = {rid: _author(t) for rid, t in texts.items()}
    wording = rng.randrange(3)
    if form == 0:
        page += rng.choice(([f"Comments on: {short}"], [f"Comments on: {short}", url, "Mark all as read"], ["Comments", f"{n} unread"])) + [""]
    elif form == 1:
        page += rng.choice(([f"Inbox ({n})"], ["Notifications", "Mark all as read"], [f"{n} conversations"])) + [""]
    else:
        page += rng.choice(([f"Your daily digest: {n} new comments"], [f"Today's comments ({n})", "Threads you follow"], [f"{n} new replies on stories you follow"])) + [""]
    for idx, (r, parent, depth) in enumerate(order):
        name = _author(r)
        d = _when(r.get("created"))
        cid = rng.randint(10**4, 10**6)
        lines = list(texts[r["id"]]["lines"])
        if form == 0:
            page.append((f"By: {name}", f"Comment on {short} by {name}", f"By: {name}")[wording])
            page.append(_rfc822(d) if rng.random() < 0.7 else f"{d:%d %b %Y} {d:%H:%M}")
            page.append("")
            if parent and rng.random() < 0.7:
                page.append(f"In reply to {names[parent]}.")
                page.append("")
            first = len(page)
            page.extend(lines)
            spans.append((first, len(page)))
            page += ["", f"{url}#comment-{cid}" if rng.random() < 0.6 else "Read more ›"]
        elif form == 1:
            if parent and rng.random() < 0.6:
                page.append(f"{name} replied to {names[parent]}'s comment on “{short}”")
            else:
                page.append(f"New comment on your post “{short}”" if rng.random() < 0.6 else f"[News] Comment: “{short}”")
            page.append(f"{d:%a, %b} {d.day}, {d.year} at {_ampm(d)}" if rng.random() < 0.5 else _rfc822(d))
            page.append("")
            page.append(f"Author: {name} (IP address: 203.0.113.{rng.randint(2, 250)}, host{rng.randint(2, 99)}.example.net)" if rng.random() < 0.5 else f"Author: {name}")
            if rng.random() < 0.5:
                page.append(f"Email: {re.sub(r'[^a-z0-9]+', '.', name.lower()).strip('.') or 'reader'}@mail.example.org")
            if rng.random() < 0.3:
                page.append("URL:")
            page.append("Comment:")
            first = len(page)
            page.extend(lines)
            spans.append((first, len(page)))
            page += ["", rng.choice(("You can see all comments on this post here:", "Reply to this comment:", "View it on the site:")), f"{url}#comment-{cid}"]
            if rng.random() < 0.5:
                page += ["", rng.choice(("Permalink:", "Trash it:", "Spam it:")), f"https://news.example.com/wp-admin/comment.php?c={cid}"]
            page += ["", "--", rng.choice(("You are receiving this because you commented on this post.", "Manage your notification settings", "Unsubscribe"))]
        else:
            page.append((f"{name} on {short} · {_ampm(d)}", f"— {name} {'replied to ' + names[parent] if parent else 'commented on “' + short + '”'}", f"{name} {'replied' if parent else 'commented'} · {_relative(d, now, rng)}")[wording])
            if parent and rng.random() < 0.5:
                page.append(f"In reply to {names[parent]}")
            first = len(page)
            page.extend(lines)
            spans.append((first, len(page)))
            page.append(rng.choice(("View the conversation ›", "Reply ›", "Reply  |  Like")))
        page.append("")
        if form == 0 or rng.random() < 0.3:
            page += [rng.choice(("* * *", "----", "")), ""] if form != 2 else [""]
    if form == 2:
        page += ["You are getting this digest because you follow these stories.", "Unsubscribe | Manage notifications", ""]
    return spans


# ------------------------------------------------------------------------- boards of numbers

_JP_DAYS = "月火水木金土日"
_ID_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789+/"


def _poster_id(rng: random.Random) -> str:
    return "".join(rng.choice(_ID_CHARS) for _ in range(8))


def _imageboard(page, order, rng, now, *, texts: dict, title: str, trims: dict) -> list[tuple[int, int]]:
    # an imageboard's (post numbers, back links, files, greentext) or a textboard's (running post
    # numbers, name field, date and poster ID on one line) thread; the opening post is the article
    spans = []
    n = len(order)
    form = rng.randrange(3)
    named = rng.random() < 0.5  # the board shows the readers' names, or "Anonymous" for most
    base = rng.randint(10**7, 9 * 10**7)
    no: dict[str, int] = {}
    k = base
    for r, _, _ in order:
        k += rng.randint(1, 40)
        no[r["id"]] = k if form == 0 else len(no) + 2  # a textboard's opening post is number 1
    backs: dict[str, list[str]] = {}
    for r, parent, _ in order:
        if parent:
            backs.setdefault(parent, []).append(f">>{no[r['id']]}")
    if form == 0:
        page += rng.choice(([f"{n} replies", "[Reply]"], [f"{n} replies and {rng.randint(0, 9)} images omitted. Click Reply to view."], ["[Return] [Catalog] [Bottom]"])) + [""]
    else:
        page += rng.choice(([f"■ このスレは読むだけです", ""], ["[Return] [First 100 posts] [New posts]", ""], ["[Return] [Entire thread] [Last 50 posts]", ""]))
    for idx, (r, parent, depth) in enumerate(order):
        d = _when(r.get("created"))
        if not named or rng.random() < 0.1:
            r["author"] = "Anonymous" if form != 1 else "名無しさん"
        name = _author(r)
        lines = list(texts[r["id"]]["lines"])
        if parent and parent in no and rng.random() < 0.8:
            lines = [f">>{no[parent]}", *lines]
        if rng.random() < 0.1 and len(lines) > 1:
            lines.insert(1, ">" + rng.choice(("implying", "be me", "reading the article", "mfw")))
        if form == 0:
            sage = " ## Mod" if rng.random() < 0.02 else ""
            after = " ".join(backs.get(r["id"], []))
            head = f"{name}{sage} {d:%m/%d/%y}({d:%a}){d:%H:%M:%S} No.{no[r['id']]}" + (f" ▶{after}" if after else "")
            if rng.random() < 0.3:
                head = head.replace(" No.", f" (ID: {_poster_id(rng)}) No.")
            page.append(head)
            if rng.random() < 0.12:
                page.append(f"File: {rng.randint(10**9, 10**10)}.{rng.choice(('jpg', 'png', 'gif'))} ({rng.randint(12, 900)} KB, {rng.choice(('640x480', '1024x768', '500x500'))})")
        elif form == 1:
            page.append(f"{no[r['id']]} 名前:{name}{' [sage]' if rng.random() < 0.3 else ''} 投稿日:{d:%Y/%m/%d}({_JP_DAYS[d.weekday()]}) {d:%H:%M:%S}.{rng.randint(10, 99)} ID:{_poster_id(rng)}")
        else:
            page.append(f"{no[r['id']]} Name: {name} : {d:%Y-%m-%d %H:%M}" + (f" ID:{_poster_id(rng)}" if rng.random() < 0.5 else ""))
        first = len(page)
        page.extend(lines)
        spans.append((first, len(page)))
        page.append("")
    page += rng.choice((["[Return] [Catalog] [Top]", "[Update] [Auto]"], ["新しいレスを読む", "書き込むには:"], ["Name: ______ Email: ______", "[Post reply]"], [])) + [""]
    return spans


# ----------------------------------------------------------------------------- photo sites

_RU_MONTHS = ("янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")


def _photo(page, order, rng, now, *, texts: dict, title: str, trims: dict) -> list[tuple[int, int]]:
    # comments under a photo: a photo app's web page, a photo-sharing site's, or a Russian social
    # network's; replies one level in under their comment
    spans = []
    n = len(order)
    form = rng.randrange(3)
    if form == 0:
        page += rng.choice(([f"{rng.randint(2, 9)},{rng.randint(100, 999)} likes", f"View all {n} comments"], [f"Liked by {_handle(_invented_name(rng), rng)[1:]} and {rng.randint(20, 900)} others"], [f"{_count(rng.randint(50, 9000))} likes"])) + [""]
    elif form == 1:
        page += rng.choice(([f"{_count(rng.randint(200, 90000))} views", f"{rng.randint(1, 300)} faves", f"{n} comments"], [f"Taken on {now:%B} {now.day}, {now.year}", "Licence: owner only"], ["Comments", f"{n} comments"])) + [""]
    else:
        page += rng.choice(([f"{n} комментариев", "Показать все комментарии"], ["Комментарии", "сначала интересные"], [f"Нравится {rng.randint(2, 400)}", f"{n} комментариев"])) + [""]
    indent = rng.choice(("", "    ", "  "))
    one_line = rng.random() < 0.7
    rowing = rng.randrange(3)
    for idx, (r, parent, depth) in enumerate(order):
        d = _when(r.get("created"))
        pad = indent if depth else ""
        lines = list(texts[r["id"]]["lines"])
        if form == 0:
            r["author"] = handle = _handle(_author(r), rng)[1:]
            if parent and rng.random() < 0.6:
                lines[0] = f"@{_handle(_author(texts[parent]), rng)[1:]} {lines[0]}"
            likes = rng.choice((0, 0, rng.randint(1, 300)))
            row = "  ".join([_compact(d, now), *([f"{likes} like{'s' if likes != 1 else ''}"] if likes else []), "Reply"])
            first = len(page)
            if one_line:
                page.append(f"{pad}{handle} {lines[0]}")
                page.extend(pad + s if s else "" for s in lines[1:])
                trims[idx] = (handle, "")
            else:
                page.append(pad + handle)
                first = len(page)
                page.extend(pad + s if s else "" for s in lines)
            spans.append((first, len(page)))
            page.append(pad + row)
            nxt = order[idx + 1][2] if idx + 1 < len(order) else 0
            if not depth and nxt and rng.random() < 0.5:
                page.append(f"{pad}—— View replies ({sum(1 for o in order[idx + 1 :] if o[2])})" if rng.random() < 0.5 else "—— Hide replies")
        elif form == 1:
            name = _author(r)
            if rng.random() < 0.2:
                page.append(pad + rng.choice(("[buddy icon]", f"{name}'s avatar")))
            page.append(pad + name + (rng.choice((" Pro", " PRO")) if rng.random() < 0.15 else ""))
            if rng.random() < 0.4:
                page.append(pad + _compact(d, now))
            first = len(page)
            page.extend(pad + s if s else "" for s in lines)
            spans.append((first, len(page)))
            page.append(pad + (f"Posted {_relative(d, now, rng)}. ( permalink )", "Reply", f"{_relative(d, now, rng)}  Reply")[rowing])
        else:
            name = _author(r)
            if parent and rng.random() < 0.7:
                lines[0] = f"{_author(texts[parent]).split()[0]}, {lines[0]}"
            page.append(pad + name)
            first = len(page)
            page.extend(pad + s if s else "" for s in lines)
            spans.append((first, len(page)))
            stamp = f"{d.day} {_RU_MONTHS[d.month - 1]} {'в ' + f'{d:%H:%M}' if d.year == now.year else str(d.year)}"
            likes = rng.choice((0, rng.randint(1, 60)))
            page.append(pad + (f"{stamp} Ответить", f"{stamp}  Ответить  Нравится {likes}" if likes else f"{stamp}  Ответить", f"{stamp}")[rowing])
        page.append("")
    if form == 0:
        page += rng.choice((["Add a comment…", "Post"], ["Log in to like or comment."], [])) + [""]
    elif form == 1:
        page += rng.choice((["Add a comment", "Would you like to comment?", "Join to leave one"], [f"This photo is in {rng.randint(1, 20)} groups"], [])) + [""]
    else:
        page += rng.choice((["Написать комментарий..."], ["Показать следующие комментарии"], [])) + [""]
    return spans


ROUND28_WRITERS = {"textbrowser": _textbrowser, "archive": _archive, "feed": _feed, "imageboard": _imageboard, "photo": _photo}
