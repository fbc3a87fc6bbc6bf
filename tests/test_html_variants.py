"""Reply threads as HTML pages (evaluate.html_variants) and the HTML path's reading of comment
widgets no markup names: custom elements, hashed class names, indented rows. Invented pages only."""

from __future__ import annotations

import pytest

from replyscope.evaluate.html_variant_eval import split_pages
from replyscope.evaluate.html_variants import HTML_LAYOUTS, render_html_variant
from replyscope.evaluate.thread_pages import match_comments, page_scores
from replyscope.html import render_page, split_html_document


def _thread() -> dict:
    texts = [
        "The ferry timetable changed twice this winter and nobody told the island schools.",
        "Agreed, my cousin waited two hours at the pier last Tuesday with a bag of library books.",
        "The council minutes say the change was announced in November, though only online.",
        "Online only is the problem: half the island has no decent signal near the harbour.",
        "Could the school bus wait for the late boat instead? That seems the cheaper fix.",
        "A printed notice at the post office would have reached everyone in a day.",
    ]
    parents = [None, "r0", "r1", "r2", None, "r4"]
    authors = ["Marta Quill", "oskar_b", "Lena Hart", "Tobias Renn", "juno77", "Pia Sol"]
    replies = [
        {"id": f"r{k}", "text": t, "author": authors[k], "parent_id": parents[k] or "s1", "created": f"2021-03-0{k + 1}T10:1{k}:00Z", "stance": ""}
        for k, t in enumerate(texts)
    ]
    source = {"id": "s1", "text": "The island ferry will run a reduced timetable until spring, the operator said.", "author": "Desk", "created": "2021-03-01T08:00:00Z"}
    return {"thread_id": "s1", "source": source, "replies": replies}


def _comments(markup: str):
    page = render_page(markup)
    return split_html_document(markup, page.text, page.title).comments


@pytest.mark.parametrize("layout", HTML_LAYOUTS)
def test_every_layout_gives_its_replies_and_its_article_only_page_none(layout):
    # (the timeline, definition-list and sections shapes name a discussion, not its items: their
    # items are read as a repeated shape inside the element that names the section)
    thread = _thread()
    page = render_html_variant(thread, layout, seed=3)
    assert page.text == render_html_variant(thread, layout, seed=3).text  # deterministic
    scores = page_scores(match_comments(split_pages([page]), page))
    assert scores["found"] == scores["replies"]
    assert scores["author_correct"] == scores["found"]
    if page.nested:
        assert scores["parent_correct"] == scores["parent_scored"]
    bare = render_html_variant(thread, layout, seed=3, article_only=True)
    assert "<textarea" not in bare.text and bare.replies == ()
    assert split_pages([bare]).height == 0


CUSTOM = """<!DOCTYPE html>
<html><head><title>Harbour notes</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour notes</h1><p>The pier lights will be replaced in the first week of May.</p></article>
<chat-thread>
 <chat-entry><chat-who>Ilse Moor</chat-who> <chat-when><time datetime="2022-05-01T09:00:00Z">2 days ago</time></chat-when>
  <chat-words><p>Finally, the old lamps flicker every evening near the steps.</p></chat-words><button>Reply</button>
  <chat-entry><chat-who>bram_k</chat-who> <chat-when><time datetime="2022-05-01T10:00:00Z">2 days ago</time></chat-when>
   <chat-words><p>They flickered for years, good riddance to them.</p></chat-words><button>Reply</button></chat-entry>
 </chat-entry>
 <chat-entry><chat-who>Noor Vell</chat-who> <chat-when><time datetime="2022-05-02T11:00:00Z">1 day ago</time></chat-when>
  <chat-words><p>Will the steps be closed while they work? &lt;script&gt;alert(1)&lt;/script&gt;</p></chat-words><button>Reply</button></chat-entry>
</chat-thread>
<form><textarea placeholder="Say something"></textarea><button>Send</button></form>
</body>
</html>"""


def test_custom_element_widget_gives_replies_with_parents_and_authors():
    comments = _comments(CUSTOM)
    assert [c.author for c in comments] == ["Ilse Moor", "bram_k", "Noor Vell"]
    assert [c.parent for c in comments] == [None, 0, None]
    assert comments[1].text == "They flickered for years, good riddance to them."
    assert comments[0].posted_at is not None and comments[0].posted_at.day == 1


def test_hostile_text_in_a_comment_stays_text():
    comments = _comments(CUSTOM)
    assert comments[2].text.endswith("<script>alert(1)</script>")
    assert "Send" not in " ".join(c.text for c in comments)  # (the reply form is no comment)


ROWS = """<html><body><h1>Ask the readers</h1><p>What should the town do with the old depot building?</p>
<div class="r" style="margin-left:0px"><a class="u" href="#">vera_l</a> <span class="a">3 hours ago</span><div class="t">Turn it into a covered market for the winter months.</div><a href="#">reply</a></div>
<div class="r" style="margin-left:40px"><a class="u" href="#">Kofi Ade</a> <span class="a">2 hours ago</span><div class="t">A market needs parking, and the depot has almost none.</div><a href="#">reply</a></div>
<div class="r" style="margin-left:80px"><a class="u" href="#">vera_l</a> <span class="a">1 hour ago</span><div class="t">People walk there from the station anyway.</div><a href="#">reply</a></div>
<div class="r" style="margin-left:0px"><a class="u" href="#">Hanne</a> <span class="a">40 minutes ago</span><div class="t">A climbing hall would fill it all year round.</div><a href="#">reply</a></div>
</body>
</html>"""


def test_flat_rows_nest_by_their_indentation():
    comments = _comments(ROWS)
    assert [c.author for c in comments] == ["vera_l", "Kofi Ade", "vera_l", "Hanne"]
    assert [c.parent for c in comments] == [None, 0, 1, None]


def test_a_repeated_rows_name_loses_the_verb_its_widget_prints_after_it():
    said = ROWS.replace(">vera_l</a>", ">vera_l</a> said...").replace(">Kofi Ade</a>", ">Kofi Ade wrote:</a>")
    assert [c.author for c in _comments(said)] == ["vera_l", "Kofi Ade", "vera_l", "Hanne"]


HEADLINES = """<html><body><article><h1>Depot plans</h1><p>The council meets on Thursday to decide the depot's future.</p></article>
<div class="more-stories">
<div class="st"><a href="/a">Market traders ask for a winter home</a> <span class="by">Ana Ruiz</span> <span class="d">3 May 2022</span></div>
<div class="st"><a href="/b">Station car park to close for repairs</a> <span class="by">Tom Bell</span> <span class="d">2 May 2022</span></div>
<div class="st"><a href="/c">Climbing club looks for a bigger hall</a> <span class="by">Ana Ruiz</span> <span class="d">1 May 2022</span></div>
</div></body>
</html>"""


def test_a_list_of_linked_headlines_with_bylines_and_dates_is_no_comment_section():
    assert _comments(HEADLINES) == []


def test_dated_named_rows_without_any_sign_of_a_conversation_are_no_comments():
    # (the same rows with no reply control, no text box, no heading or markup naming replies:
    # a list of dated notes, not a comment section)
    assert _comments(ROWS.replace('<a href="#">reply</a>', "")) == []


def test_hostile_markup_stays_within_work_bounds():
    # 5,000 unclosed <div>s (broken markup nests every later element inside the earlier ones) and a
    # group over MAX_GROUP items are left to the text splitter instead of the pairwise reading
    from resiliparse.parse.html import HTMLTree  # noqa: PLC0415

    from replyscope.html import items, repeated  # noqa: PLC0415

    deep = "<html><body><article><p>A short story of the day.</p></article>" + "<div class='c'>" * 5000 + "x" + "</div>" * 5000 + "</body></html>"
    page = items.read_page(HTMLTree.parse(deep))
    assert page is not None and page.deepest > repeated.MAX_NESTING
    assert repeated.find_repeated_items(HTMLTree.parse(deep)) == []
    row = "<div class='r'><b>reader{i}</b> <time datetime='2024-01-01'>3 hours ago</time><p>point {i} made at length here</p><a>Reply</a></div>"
    page = "<html><body><article><p>Story.</p></article><h2>Comments</h2><textarea></textarea>{rows}</body></html>"
    many = page.format(rows="".join(row.format(i=i) for i in range(repeated.MAX_GROUP + 1)))
    assert repeated.find_repeated_items(HTMLTree.parse(many)) == []
    few = page.format(rows="".join(row.format(i=i) for i in range(3)))
    assert len(repeated.find_repeated_items(HTMLTree.parse(few))) == 3


def test_many_dated_rows_in_one_section_are_read_without_a_walk_per_row(monkeypatch):
    # 3,000 rows of a name and an age under one section, over the group bound: the one-comment
    # reader stops at MAX_STAMPS stamps and never walks an element of over MAX_ITEM_ELEMENTS
    # elements around a stamp (it walked the whole section once per row)
    from resiliparse.parse.html import HTMLTree  # noqa: PLC0415

    from replyscope.html import items, lone  # noqa: PLC0415

    walked: list[int] = []
    real = items.Page.elements

    def counting(self, node, stop=()):
        out = real(self, node, stop)
        walked.append(len(out))
        return out

    monkeypatch.setattr(items.Page, "elements", counting)
    rows = "".join(f'<div class="r"><b>name{i % 7}</b> <time datetime="2022-01-01">{i % 50 + 1} hours ago</time></div>' for i in range(3000))
    page = f"<html><body><article><h1>Tides</h1><p>Low water at noon.</p></article><section>{rows}</section><textarea></textarea></body></html>"
    assert lone.find_lone_item(HTMLTree.parse(page), in_named_section=False) == []
    assert walked and max(walked) <= lone.MAX_ITEM_ELEMENTS
    assert len(walked) <= 2 * lone.MAX_UP * lone.MAX_STAMPS
