"""The DOM comment reader (html.comments_dom) on deep threads and on broken markup: each item keeps
its own parts, and nesting past the work bound is left to the text splitter. Invented pages only."""

from __future__ import annotations

from resiliparse.parse.html import HTMLTree

from replyscope.html import comments_dom, render_page, split_html_document

ARTICLE = "<article><h1>Harbour wall to be rebuilt</h1><p>" + "The council approved the repair of the old harbour wall after the winter storms. " * 6 + "</p></article>"


def _item(k: int) -> str:
    return (
        f'<div class="comment" id="comment-{k}"><span class="comment-author">reader{k}</span> '
        f'<time datetime="2024-02-{1 + k % 27:02d}T09:00">Feb {1 + k % 27}, 2024</time>'
        f'<div class="comment-content"><p>Reply number {k}: the stones from the old wall should be reused.</p></div>'
        '<a href="#respond">Reply</a>'
    )


def _page(depth: int) -> str:
    # each comment opens inside the one before it, as a reply chain does (or broken markup that never closes)
    return "<html><body>" + ARTICLE + '<div id="comments">' + "".join(_item(k) for k in range(depth)) + "</div>" * depth + "</div></body></html>"


def test_a_deep_reply_chain_keeps_each_items_own_parts():
    items = comments_dom.find_items(HTMLTree.parse(_page(60)))
    assert len(items) == 60
    assert [item.depth for item in items] == list(range(60))
    assert [item.parent for item in items] == [None, *range(59)]
    # the author, time and text are the item's own, never those of a reply nested inside it
    assert [item.author_text for item in items] == [f"reader{k}" for k in range(60)]
    assert all(item.posted_iso.startswith("2024-02-") for item in items)
    assert all(item.body is not None for item in items)


def test_nesting_past_the_bound_is_left_to_the_text_splitter():
    deep = _page(comments_dom.MAX_NESTING + 50)
    assert comments_dom.find_items(HTMLTree.parse(deep)) == []
    # the page is still read: the rendered text's comment headers give the comments
    rendered = render_page(deep)
    text, title = rendered.text, rendered.title
    split = split_html_document(deep, text, title)
    assert len(split.comments) > comments_dom.MAX_NESTING
    assert split.comments[0].author == "reader0"


def test_a_part_buried_under_unclosed_tags_stops_the_dom_reading():
    # one comment whose text sits under 1,000 unclosed <span>s: its parts are past the bound
    page = "<html><body>" + ARTICLE + '<div id="comments">' + _item(0) + "</div>" + _item(1) + "<span>" * 1000 + '<span class="comment-text">buried</span></div></div></body></html>'
    assert comments_dom.find_items(HTMLTree.parse(page)) == []
