"""HTML pages: rendering, comment items read from the DOM in several real layouts, hostile markup,
declared encodings, and the fallback to the text splitter."""

from __future__ import annotations

from datetime import datetime

import pytest

from replyscope.html import render_page, split_html_document
from replyscope.ingest.html_input import HtmlDocument, decode_html, html_document_row

ARTICLE = """
<p>The county board voted on Tuesday to close the Elm Street library branch at the end of the year,
ending ninety years of service to the east side of town.</p>
<p>Board members said the building needs a new roof and heating system that the county cannot pay
for, and that visits have fallen by a third since 2015. Residents who spoke at the meeting asked the
board to wait for a private donor, but the motion passed five votes to two.</p>
"""

WORDPRESS = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Elm Street library to close | The East Side Ledger</title>
<meta property="og:title" content="Elm Street library to close"></head>
<body><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article class="post"><h1 class="entry-title">Elm Street library to close</h1>
<div class="entry-content">{ARTICLE}</div></article>
<div id="comments" class="comments-area"><h2 class="comments-title">3 thoughts on "Elm Street library to close"</h2>
<ol class="commentlist">
 <li class="comment even thread-even depth-1" id="li-comment-11">
  <div id="comment-11" class="comment-body">
   <div class="comment-author vcard"><img class="avatar" alt="" src="a.png"><cite class="fn">Rosa Delgado</cite> <span class="says">says:</span></div>
   <div class="comment-meta commentmetadata"><a href="#comment-11"><time datetime="2019-03-05T09:14:00+00:00">March 5, 2019 at 9:14 am</time></a></div>
   <p>My kids learned to read in that building. Closing it to save a roof is short-sighted.</p>
   <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div>
  </div>
  <ul class="children">
   <li class="comment odd depth-2" id="li-comment-12">
    <div id="comment-12" class="comment-body">
     <div class="comment-author vcard"><cite class="fn">Tom Becker</cite> <span class="says">says:</span></div>
     <div class="comment-meta commentmetadata"><a href="#comment-12">March 5, 2019 at 11:02 am</a></div>
     <p>The roof has leaked for a decade. Somebody should have fixed it long ago.</p>
     <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div>
    </div>
   </li>
  </ul>
 </li>
 <li class="comment even depth-1" id="li-comment-13">
  <div id="comment-13" class="comment-body">
   <div class="comment-author vcard"><cite class="fn">Jun Park</cite> <span class="says">says:</span></div>
   <div class="comment-meta commentmetadata"><a href="#comment-13">March 6, 2019 at 7:45 pm</a></div>
   <p>Has anyone asked the state library fund? They paid for the Oak Hill branch.</p>
   <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div>
  </div>
 </li>
</ol>
<div id="respond" class="comment-respond"><h3 class="comment-reply-title">Leave a Reply</h3>
<form id="commentform" class="comment-form"><p class="comment-form-comment"><label>Comment</label><textarea name="comment"></textarea></p>
<p class="form-submit"><input type="submit" value="Post Comment"></p></form></div></div>
<footer><p>Copyright 2019 The East Side Ledger</p></footer></body></html>"""

DISQUS_PLUGIN = f"""<html><head><title>Ferry fares rise again</title></head><body>
<div id="main"><h1>Ferry fares rise again</h1>{ARTICLE}</div>
<div id="disqus_thread"><div id="dsq-content"><ul id="dsq-comments">
 <li class="comment" id="dsq-comment-501">
  <div id="dsq-comment-header-501" class="dsq-comment-header"><cite id="dsq-cite-501"><span id="dsq-author-user-501">harbourwatcher</span></cite></div>
  <div id="dsq-comment-body-501" class="dsq-comment-body"><div class="dsq-comment-message" id="dsq-comment-message-501"><p>Another rise and the boats are still late every morning.</p></div></div>
 </li>
 <li class="comment" id="dsq-comment-502">
  <div id="dsq-comment-header-502" class="dsq-comment-header"><cite id="dsq-cite-502"><span id="dsq-author-user-502">Priya N.</span></cite></div>
  <div id="dsq-comment-body-502" class="dsq-comment-body"><div class="dsq-comment-message" id="dsq-comment-message-502"><p>Fuel costs doubled, what did people expect?</p></div></div>
 </li>
</ul></div></div></body></html>"""

MICRODATA = f"""<html><head><title>Town hall hours</title></head><body>
<main><article><h1>Town hall hours change in May</h1>{ARTICLE}</article>
<section class="discussion">
 <div itemprop="comment" itemscope itemtype="https://schema.org/Comment">
  <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Greta Holm</span></span>
  <time itemprop="dateCreated" datetime="2021-04-28T16:20:00">two days ago</time>
  <div itemprop="text"><p>Finally open on Saturdays. Thank you.</p></div>
  <div itemprop="comment" itemscope itemtype="https://schema.org/Comment">
   <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ole Sand</span></span>
   <time itemprop="dateCreated" datetime="2021-04-28T18:02:00">two days ago</time>
   <div itemprop="text"><p>Only until noon though.</p></div>
  </div>
 </div>
 <div itemprop="comment" itemscope itemtype="https://schema.org/Comment">
  <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ines Ruiz</span></span>
  <time itemprop="dateCreated" datetime="2021-04-29T08:00:00">yesterday</time>
  <div itemprop="text"><p>Will the passport desk follow the new hours too?</p></div>
 </div>
</section></main></body></html>"""

NO_COMMENTS = f"""<html><head><title>Road works on Route 9</title></head><body>
<nav><a href="/">Home</a> <a href="/traffic">Traffic</a></nav>
<article><h1>Road works on Route 9</h1>{ARTICLE}
<p class="comment-count"><a href="#respond">0 comments</a></p></article>
<div id="respond"><h3>Leave a comment</h3><form><textarea name="comment"></textarea></form></div>
</body></html>"""


def split(html: str):
    page = render_page(html)
    return page, split_html_document(html, page.text, page.title)


def assert_lossless(page, result) -> None:
    assert "".join(page.text[s:e] for s, e, _ in result.segments) == page.text
    assert all(s < e for s, e, _ in result.segments)
    for c in result.comments:
        assert page.text[c.start : c.end] == c.text


def test_wordpress_nested_list_gives_authors_times_and_parents():
    page, result = split(WORDPRESS)
    assert page.title == "Elm Street library to close"
    assert_lossless(page, result)
    assert [c.author for c in result.comments] == ["Rosa Delgado", "Tom Becker", "Jun Park"]
    assert [c.depth for c in result.comments] == [0, 1, 0]
    assert [c.parent for c in result.comments] == [None, 0, None]
    assert result.comments[0].posted_at == datetime(2019, 3, 5, 9, 14)
    assert result.comments[1].posted_raw == "March 5, 2019 at 11:02 am"
    assert result.comments[1].posted_at == datetime(2019, 3, 5, 11, 2)
    assert result.comments[2].text == "Has anyone asked the state library fund? They paid for the Oak Hill branch."
    assert all("Reply" not in c.text for c in result.comments)
    assert "ninety years of service" in result.body
    roles = {page.text[s:e].strip(): r for s, e, r in result.segments}
    assert roles.get("Leave a Reply") != "comment_body"


# A custom blog theme: the author is a bare link in a meta paragraph (no author/fn/vcard class),
# the time a link classed as a time; the rendered header still reads "Name — date".
META_LINE_THEME = f"""<html><head><title>Elm Street library to close</title></head><body>
<div class="post"><h1>Elm Street library to close</h1>{ARTICLE}</div>
<div id="comments"><h3>3 Comments</h3><ul id="comment_list">
<li class="comment" id="comment-71"><div class="comment_entry">
 <p class="cm-meta"><a href="http://example.org" rel="external nofollow" class="url">Marta Quinn</a> &#8212; <a href="#comment-71" class="comment-meta-time">July 10th, 2013, 7:20 pm</a></p>
 <p>Ninety years and they close it over a roof. Put it to a vote of the east side.</p>
 <a class="comment-reply-link" href="#">Reply</a></div>
 <ul class="children"><li class="comment" id="comment-72"><div class="comment_entry">
  <p class="cm-meta">Dev Patel &#8212; <a href="#comment-72" class="comment-meta-time">July 11th, 2013, 4:30 am</a></p>
  <p>A vote would be nice, but who pays for the heating in the meantime?</p>
  <a class="comment-reply-link" href="#">Reply</a></div></li></ul></li>
<li class="comment" id="comment-73"><div class="comment_entry">
 <p class="cm-meta"><a href="#" class="url">Lou</a> &#8212; <a href="#comment-73" class="comment-meta-time">July 12th, 2013, 9:05 am</a></p>
 <p>Sad day for the neighbourhood.</p>
 <a class="comment-reply-link" href="#">Reply</a></div></li>
</ul></div></body></html>"""


def test_authors_the_markup_does_not_mark_are_read_from_the_rendered_header():
    page, result = split(META_LINE_THEME)
    assert_lossless(page, result)
    assert [c.author for c in result.comments] == ["Marta Quinn", "Dev Patel", "Lou"]
    assert [c.parent for c in result.comments] == [None, 0, None]
    assert result.comments[1].posted_at == datetime(2013, 7, 11, 4, 30)
    assert result.comments[2].text == "Sad day for the neighbourhood."


def test_disqus_plugin_markup_gives_authors_from_cite():
    page, result = split(DISQUS_PLUGIN)
    assert_lossless(page, result)
    assert [c.author for c in result.comments] == ["harbourwatcher", "Priya N."]
    assert result.comments[1].text == "Fuel costs doubled, what did people expect?"
    assert all(c.depth == 0 for c in result.comments)


def test_schema_org_microdata_comments_nest_and_carry_datetimes():
    page, result = split(MICRODATA)
    assert_lossless(page, result)
    assert [c.author for c in result.comments] == ["Greta Holm", "Ole Sand", "Ines Ruiz"]
    assert [c.parent for c in result.comments] == [None, 0, None]
    assert result.comments[1].posted_at == datetime(2021, 4, 28, 18, 2)
    assert result.comments[2].text == "Will the passport desk follow the new hours too?"


def test_page_without_comments_has_none_and_keeps_its_article():
    page, result = split(NO_COMMENTS)
    assert_lossless(page, result)
    assert result.comments == []
    assert "motion passed five votes to two" in result.body
    assert not any(r.startswith("comment") for _, _, r in result.segments)


def test_script_in_a_comment_is_data_and_a_real_script_is_not_text():
    hostile = WORDPRESS.replace(
        "<p>Has anyone asked the state library fund?",
        "<p>&lt;script&gt;alert('x')&lt;/script&gt; <script>document.write('INJECTED')</script>Has anyone asked the state library fund?",
    )
    page, result = split(hostile)
    assert_lossless(page, result)
    assert "INJECTED" not in page.text
    assert result.comments[2].text.startswith("<script>alert('x')</script>")


def test_broken_markup_still_splits_losslessly():
    broken = WORDPRESS.replace("</li>", "").replace("</div>", "", 3).replace("<p>My kids", "<p><b>My kids")
    page, result = split(broken)
    assert_lossless(page, result)
    assert len(result.comments) >= 2


def test_comments_hidden_by_the_page_are_not_read():
    hidden = WORDPRESS.replace('<ol class="commentlist">', '<ol class="commentlist" style="display: none">')
    page, result = split(hidden)
    assert "short-sighted" not in page.text
    assert result.comments == []


def test_plain_text_layout_without_comment_markup_falls_back_to_the_text_splitter():
    bullets = "".join(
        f"<li><b>{name}</b><p>{words}</p></li>"
        for name, words in [
            ("Marta Quill", "About time. The deck has been crumbling since I was a kid."),
            ("dockside_dave", "Double? For the same potholes? No thanks, I will take the ferry."),
        ]
    )
    html = f"<html><head><title>Tolls</title></head><body><h1>Harbour bridge tolls to double</h1>{ARTICLE}<div id=\"comments\"><ul>{bullets}</ul></div></body></html>"
    page, result = split(html)
    assert_lossless(page, result)
    # a comment section without item markup: the text splitter reads it, and the HTML split agrees
    from replyscope.split import split_document

    expected = [c.text for c in split_document(page.text, page.title).comments]
    assert expected and [c.text for c in result.comments] == expected
    # the same lines on a page whose markup names no comment section anywhere are not comments
    page, result = split(html.replace('<div id="comments">', "<div>"))
    assert_lossless(page, result)
    assert result.comments == [] and not any(r.startswith("comment") for _, _, r in result.segments)


@pytest.mark.parametrize(
    ("encoding", "meta"),
    [("cp1252", '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'), ("shift_jis", '<meta charset="Shift_JIS">')],
)
def test_declared_encodings_are_honoured(encoding, meta):
    words = "“Smart quotes” — and café" if encoding == "cp1252" else "図書館は年末に閉館します。住民は反対しています。"
    html = f"<html><head>{meta}<title>t</title></head><body><article><p>{words}</p></article></body></html>"
    raw = html.encode(encoding)
    markup, used = decode_html(raw)
    assert words in markup
    assert used.replace("-", "_").lower() in (encoding, "windows_1252", "shift_jis", "windows_31j")
    row = html_document_row(HtmlDocument("f.html", "f.html", raw))
    assert row["status"] == "ok"
    assert words in row["text"]
    assert row["html"] == markup


def test_utf8_bom_wins_over_a_wrong_meta():
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>naïve résumé</p></body></html>'
    markup, used = decode_html(b"\xef\xbb\xbf" + html.encode("utf-8"))
    assert "naïve résumé" in markup and used == "utf-8-sig"
    assert not markup.startswith("\ufeff")  # the mark is not text


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_wide_byte_order_marks(codec):
    # The UTF-32 LE mark begins with the UTF-16 LE one: one shared BOM table (ingest.decode) reads both.
    html = "<html><head><title>Café</title></head><body><p>naïve résumé</p></body></html>"
    markup, used = decode_html(html.encode(codec))  # Python writes the BOM for these codecs
    assert markup == html and used == codec


def test_empty_page_is_recorded_empty():
    row = html_document_row(HtmlDocument("e.html", "e.html", b"<html><head><title>x</title></head><body>  </body></html>"))
    assert row["status"] == "empty"


# The HTML bars (comment F1 >= 0.90 and >= trafilatura's + 0.10, body >= 0.88, false
# alarms <= 0.01, cut gold), asserted with a margin on the held-out half of the Dragnet HTML dev
# pages (the half no rule was tuned on). No speed bar here: tests never assert wall-clock numbers.
HTML_MARGIN = 0.01


@pytest.mark.shared
def test_html_dev_held_out_half_meets_the_bars():
    from conftest import shared_path

    from replyscope.evaluate import html_split_eval, split_eval

    path = shared_path("dragnet-dev", "dragnet-html-dev.jsonl.gz")
    rows = [r for r in split_eval.load_rows(path) if html_split_eval.half_of(r["id"]) == "held_out"]
    ours = split_eval.score_rows(rows, html_split_eval.replyscope_sides)
    assert ours["comment_f1_cut_gold"] >= 0.90 + HTML_MARGIN, ours
    assert ours["body_f1_cut_gold"] >= 0.88 + HTML_MARGIN, ours
    # The bar itself (this half measures 0.0061; most of what is left are real comment
    # sections the gold leaves out, see the README)
    assert ours["false_alarm_cut_gold"] <= 0.01, ours
    pytest.importorskip("trafilatura")
    theirs = split_eval.score_rows(rows, html_split_eval.trafilatura_sides)
    assert ours["comment_f1_cut_gold"] >= theirs["comment_f1_cut_gold"] + 0.10, (ours, theirs)


DEFINITION_LIST = f"""<html><head><title>Costume night</title></head><body><div id="post">{ARTICLE}</div>
<div id="comments"><div class="comments_intro"><p>{{ 2 comments… read them below or <a href="#respond">add one</a> }}</p></div>
<dl id="comment_list">
 <dt class="comment even depth-1" id="comment-901"><span class="comment_author"><a href="#">Lena Ortiz</a></span>
  <span class="comment_time"><a href="#comment-901">October 30, 2013 at 9:41 am</a></span></dt>
 <dd class="comment even depth-1"><div class="format_text"><p>Ninety years is a long run for any library.</p></div></dd>
 <dt class="comment odd depth-1" id="comment-902"><span class="comment_author"><a href="#">Sam</a></span>
  <span class="comment_time"><a href="#comment-902">October 30, 2013 at 9:42 am</a></span></dt>
 <dd class="comment odd depth-1"><div class="format_text"><p>Ask the state fund before it is too late.</p></div></dd>
</dl></div></body></html>"""


def test_definition_list_header_and_text_items_make_one_comment_each():
    page, result = split(DEFINITION_LIST)
    assert_lossless(page, result)
    assert [(c.author, c.text) for c in result.comments] == [
        ("Lena Ortiz", "Ninety years is a long run for any library."),
        ("Sam", "Ask the state fund before it is too late."),
    ]
    assert result.comments[1].posted_at == datetime(2013, 10, 30, 9, 42)
    header = {page.text[s:e].strip(): r for s, e, r in result.segments}
    assert header["Sam October 30, 2013 at 9:42 am"] == "comment_header"
