"""HTML to text: resiliparse's html2text renders the page (block breaks, list bullets, no
scripts or styles), and the title is read from the head, never from the navigation.

The same rendering feeds the documents table (`text`) at ingest and the DOM-aware split, so the
split's offsets index into the stored text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.html import HTMLTree

# Whole page, not resiliparse's "main content" guess: the split decides what is article and what
# is comment, and the page must stay whole for a lossless segment map. Image alt texts and form
# fields are page furniture, not words anybody wrote to be read.
# Content the page hides (inline display:none, the hidden attribute) is not what a reader sees:
# collapsed comment sections, templates, menus for other screens.
HIDDEN_SELECTORS = ['[style*="display:none" i]', '[style*="display: none" i]', "[hidden]"]
RENDER_OPTIONS = dict(
    preserve_formatting=True,
    main_content=False,
    list_bullets=True,
    alt_texts=False,
    links=False,
    form_fields=False,
    noscript=False,
    skip_elements=HIDDEN_SELECTORS,
)
MAX_TITLE_CHARS = 300
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class RenderedPage:
    text: str
    title: str


def parse(markup: str) -> HTMLTree:
    return HTMLTree.parse(markup)


def render_tree(tree: HTMLTree) -> str:
    return extract_plain_text(tree, **RENDER_OPTIONS)


def render_page(markup: str) -> RenderedPage:
    tree = parse(markup)
    return RenderedPage(render_tree(tree), page_title(tree))


def _clean(value: str | None) -> str:
    value = _SPACES.sub(" ", value or "").strip()
    return value if len(value) <= MAX_TITLE_CHARS else ""


def page_title(tree: HTMLTree) -> str:
    """og:title, else <title>, else the first <h1>: what the page says it is, not a menu item."""
    head = tree.head
    if head is not None:
        for meta in head.get_elements_by_tag_name("meta"):
            if (meta.getattr("property") or meta.getattr("name") or "").lower() in ("og:title", "twitter:title"):
                title = _clean(meta.getattr("content"))
                if title:
                    return title
    title = _clean(tree.title)
    if title:
        return title
    body = tree.body
    if body is not None:
        h1 = body.query_selector("h1")
        if h1 is not None:
            return _clean(h1.text)
    return ""
