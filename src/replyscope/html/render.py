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
# Content the page hides (inline display:none or visibility:hidden, the hidden attribute) is not
# what a reader sees: collapsed comment sections, templates, menus for other screens. `parse`
# gives every element hidden by its inline style the `hidden` attribute, so one selector skips all.
HIDDEN_SELECTORS = ["[hidden]"]
_STYLE_MAY_HIDE = "[style*=none i], [style*=hidden i]"
_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
MAX_TITLE_CHARS = 300
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class RenderedPage:
    text: str
    title: str


def parse(markup: str) -> HTMLTree:
    """The DOM of a page, with what its inline styles hide marked `hidden` (see HIDDEN_SELECTORS)."""
    tree = HTMLTree.parse(markup)
    body = tree.body
    if body is not None:
        found = body.query_selector_all(_STYLE_MAY_HIDE)
        for el in found[0 : len(found)]:
            if _HIDING_STYLE.search(el.getattr("style") or ""):
                el.setattr("hidden", "")
    return tree


def render_tree(tree: HTMLTree) -> str:
    return extract_plain_text(
        tree,
        preserve_formatting=True,
        main_content=False,
        list_bullets=True,
        alt_texts=False,
        links=False,
        form_fields=False,
        noscript=False,
        skip_elements=HIDDEN_SELECTORS,
    )


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
