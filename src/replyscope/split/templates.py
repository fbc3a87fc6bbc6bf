"""Headers told by the thread's own template, where the name alone would not pass.

A thread prints every header from one template: "by {name} on {date}. Reply #". The header reader
checks that the name part reads as a person's name, so a header whose "name" is something else is
missed: a pingback, which a blog lists among its comments under the title of the post that linked
to it ("by links for 2013-04-22 – Ada Marsh on ..."), a name too long or too odd for the check.
A missed header does more harm than its own comment: its words join the comment above, and where it
is the thread's last, the words under the last header found read as that comment's text, so a
thread signed from below is read as headed from above and every comment gets the next one's name.

Where most of the chosen headers share one template (the words before the name, and those between
the name and the date and after it), a line of the thread printed from that template is a header
too, whatever its name part says.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from replyscope.split.anchors import Anchor, header_spacing
from replyscope.split.headers import CommentHeader
from replyscope.split.lines import Lines, lower_of
from replyscope.split.patterns import stamp_finditer, stamp_span

# A thread has a template when at least this many of its headers, and most of them, share it.
MIN_SHARED: Final = 3
# A name part longer than this is a sentence that happens to fit, not a header's name.
MAX_NAME_CHARS: Final = 120
# Lines read under the last header for one more: a thread's spacing, a few times over.
REACH_SPACINGS: Final = 3


def _template(core: str, header: CommentHeader) -> tuple[str, str, str] | None:
    """(before the name, between name and date, after the date) of a one-line header, or None."""
    name = header.author
    i = core.find(name) if name else -1
    if i < 0:
        return None
    # (stamp_span: stamp_search's span, searched from the character before the stamp)
    span = stamp_span(core, lower_of(core), i + len(name))
    if span is None:
        return None
    return core[:i], core[i + len(name) : span[0]], core[span[1] :]


def _name_in(core: str, shape: tuple[str, str, str]) -> tuple[str, str] | None:
    """(name, date) of a line printed from the template `shape`, or None. The name part may hold a
    date of its own ("links for 2010-11-15"): the date is the one the template's tail follows."""
    before, between, after = shape
    if not core.startswith(before) or not core.endswith(after) or len(core) > len(before) + MAX_NAME_CHARS + 80:
        return None
    for m in stamp_finditer(core, len(before)):
        if core[m.end() :] != after:
            continue
        name_end = m.start() - len(between)
        if name_end > len(before) and core[name_end : m.start()] == between:
            name = core[len(before) : name_end].strip()
            return (name, core[m.start() : m.end()].strip()) if 0 < len(name) <= MAX_NAME_CHARS else None
    return None


def complete_by_template(lines: Lines, best: list[Anchor]) -> list[Anchor]:
    """`best` with the thread's lines that its headers' shared template prints, in page order."""
    if len(best) < MIN_SHARED:
        return best
    # (a template is taken only with words before the name, shared by MIN_SHARED headers and by
    # most: fewer one-line headers with words before their names cannot make one, and then no
    # header's stamp is looked for)
    worded = 0
    for a in best:
        if a.first == a.last and a.header.author:
            core = lines.core[a.first]
            at = core.find(a.header.author)
            worded += at > 0 and not core[:at].isspace()
    if worded < MIN_SHARED or worded * 2 <= len(best):
        return best
    # The template taken is printed by most headers (more than half), so it is the one shape that
    # many share, and it has words before the name. A header with none before its name (not
    # worded) prints no such shape, and such shapes, held by fewer than half the headers (most are
    # worded), are never taken: their stamps are not looked for. And the shapes are read in page
    # order only until one is held by more than half (the template: its first header is read) or
    # none can be any more.
    shapes: list[tuple[str, str, str] | None] = []
    counts: dict[tuple[str, str, str], int] = {}
    shape: tuple[str, str, str] | None = None
    top = 0
    for k, a in enumerate(best):
        printed = None
        if a.first == a.last and a.header.author:
            core = lines.core[a.first]
            at = core.find(a.header.author)
            if at > 0 and not core[:at].isspace():
                printed = _template(core, a.header)
        shapes.append(printed)
        if printed is not None:
            n = counts[printed] = counts.get(printed, 0) + 1
            top = max(top, n)
            if n * 2 > len(best):
                shape = printed
                if n >= MIN_SHARED:
                    break
        if (top + len(best) - k - 1) * 2 <= len(best):
            return best  # (no shape can be held by more than half now)
    # (an empty part on either side of the name would let any dated line fit)
    if shape is None or counts[shape] < MIN_SHARED or not shape[0].strip() or not shape[1].strip():
        return best
    model = best[shapes.index(shape)]
    taken = {j for a in best for j in range(a.first, a.last + 1)}
    reach = best[-1].last + 1 + REACH_SPACINGS * max(1, header_spacing(best))
    added = []
    for j in range(best[0].first + 1, min(len(lines), reach)):
        got = None if j in taken else _name_in(lines.core[j], shape)
        if got is not None:
            header = replace(model.header, author=got[0], posted_raw=got[1])
            added.append(Anchor(j, j, header, model.family, lines.indent[j]))
    return sorted(best + added, key=lambda a: a.first) if added else best
