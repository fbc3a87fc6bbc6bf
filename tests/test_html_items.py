"""The page reading both comment-item readers share (html.items): one reading of the elements,
answering as the tree does. Invented pages only."""

from __future__ import annotations

from resiliparse.parse.html import HTMLTree

from replyscope.html import items

PAGE = (
    "<html><body><article><h1>Harbour lights</h1><p>The lamps were relit on Friday.</p></article>"
    "<section class='discussion'><h3>Replies</h3>"
    "<div class='row'><b>Maren Holt</b> <time datetime='2023-05-02T10:00'>2 days ago</time>"
    "<p>Saw them from the ferry, lovely.</p><span hidden>3 hours ago</span></div>"
    "<div class='row'><b>quaywalker</b> <span>5 hours ago</span><p>About <i>time</i> too.</p>"
    "<script>var posted = '1 hour ago';</script></div>"
    "<div class='row'><b>Ines</b> <span title='2023-05-03T09:00'>yesterday</span><p>Agreed.</p></div>"
    "</section><footer><span>May 3, 2023</span> <span>Site news and notes</span></footer></body></html>"
)


def test_the_page_reading_finds_the_stamps_a_walk_of_each_element_finds():
    page = items.read_page(HTMLTree.parse(PAGE))
    assert page is not None
    found = [el.text for el in page.nodes if page.is_stamp(el)]
    assert found == [el.text for el in page.nodes if items.is_stamp(el)]
    assert found == ["2 days ago", "3 hours ago", "5 hours ago", "yesterday", "May 3, 2023"]


def test_an_items_words_leave_out_hidden_elements_scripts_and_its_replies():
    page = items.read_page(HTMLTree.parse(PAGE))
    assert page is not None
    rows = [el for el in page.nodes if el.class_name == "row"]
    words = [v for _, v in page.text_nodes(rows[0])]
    assert "3 hours ago" not in words and "Saw them from the ferry, lovely." in words
    assert not any("posted" in v for _, v in page.text_nodes(rows[1]))
    section = next(el for el in page.nodes if el.class_name == "discussion")
    without = {v for _, v in page.text_nodes(section, rows[1:])}
    assert "Agreed." not in without and "Maren Holt" in without
    assert page.elements(section, rows) == [el for el in page.nodes if el.tag == "h3"]


def test_containment_and_shapes_are_read_off_the_page_order():
    page = items.read_page(HTMLTree.parse(PAGE))
    assert page is not None
    for outer in page.nodes:
        for inner in page.nodes:
            assert page.contains(outer, inner) == outer.contains(inner)
    rows = [el for el in page.nodes if el.class_name == "row"]
    assert {page.key(r) for r in rows} == {"div.row"}
    assert page.path(rows[0].query_selector("b"), rows[0]) == ("b.",)


def test_a_stamp_counts_for_a_named_section_only_inside_it():
    assert items.stamp_in_named_section(HTMLTree.parse(PAGE).body)
    elsewhere = "<html><body><div class='comments-link'><a href='#'>Comments</a></div><p><time datetime='2023-01-01'>Jan 1</time></p></body></html>"
    assert not items.stamp_in_named_section(HTMLTree.parse(elsewhere).body)
