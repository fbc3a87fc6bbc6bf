"""The across-pages sections of the report in headless Chromium (network cut off): campaigns,
commenters, syndicated pieces side by side and the timeline, on a comment export written for
these tests run through `replyscope run --comments`; and the SFU comment CSV read the same way
(skipped when ../shared is absent). Screenshots go to pytest's tmp_path."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

import acrossfixtures as af
from conftest import shared_path
from test_browser_report import browser, comment_count, open_report, screenshot, visible_rows  # noqa: F401 (browser is a fixture)

pytestmark = pytest.mark.browser


def run_comments(export: Path, out: Path) -> Path:
    result = subprocess.run(
        [sys.executable, "-c", "from replyscope.cli import app; app()", "run", str(export), "--comments", "--out", str(out)],
        capture_output=True, text=True, timeout=1200,
    )
    if result.returncode != 0 or not (out / "index.html").exists():
        pytest.fail(f"`replyscope run --comments` failed ({result.returncode}):\n{result.stderr[-4000:]}")
    return out / "index.html"


@pytest.fixture(scope="module")
def across_report(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("across-browser")
    return run_comments(af.write_export(root / "export.csv"), root / "run")


def test_campaign_cards_list_their_posts_and_filter_the_table(browser, across_report, tmp_path):
    opened = open_report(browser, across_report)
    page = opened.page
    cards = page.locator("#campaign-list .campaign")
    assert cards.count() == 2
    assert "5 posts" in cards.nth(0).inner_text() and "4 pages" in cards.nth(1).inner_text()
    assert "follow the money" in cards.nth(0).locator(".campaign-text").inner_text()
    assert cards.nth(0).locator(".strip i").count() == 5  # one dot per dated post on its timeline
    cards.nth(0).locator("button.show-campaign").click()
    assert comment_count(page) == 5 and page.input_value("#f-campaign") == "0"
    shown = {page.evaluate(f"window.replyscope.text[{i}]") for i in visible_rows(page)}
    assert all("council" in t.lower() for t in shown)
    page.click("#f-reset")
    assert comment_count(page) == len(af.export_rows())
    # a post in the card opens its comment; its page link opens the page drill-down
    cards.nth(1).locator("summary").click()
    cards.nth(1).locator("tr.campaign-post >> nth=0").click()
    page.wait_for_selector("#comments-grid tr.detail-row")
    assert "campaign 1" in page.inner_text("#comments-grid tr.detail-row")
    cards.nth(1).locator("tr.campaign-post >> nth=0 >> button.link").click()
    page.wait_for_selector("#drilldown mark.comment-mark.focus")
    page.evaluate("document.getElementById('timeline').scrollIntoView()")
    screenshot(page, tmp_path / "across.png")
    opened.assert_clean()


def test_syndicated_pages_side_by_side_commenters_and_timeline(browser, across_report):
    opened = open_report(browser, across_report)
    page = opened.page
    columns = page.locator("#syndication-groups .synd-col")
    assert columns.count() == 2
    titles = sorted(columns.nth(k).locator("h4").inner_text() for k in range(2))
    assert titles == sorted([af.ARTICLES[0]["title"], af.ARTICLES[1]["title"]])
    boxes = [columns.nth(k).bounding_box() for k in range(2)]
    assert abs(boxes[0]["y"] - boxes[1]["y"]) < 2 and boxes[0]["x"] != boxes[1]["x"]  # side by side
    columns.nth(1).locator("blockquote >> nth=0").click()
    page.wait_for_selector("#comments-grid tr.detail-row")

    assert "not proof" in page.inner_text("#commenter-caution")
    rows = page.locator("#commenters-grid tbody tr.commenter-row")
    assert rows.count() == 5  # names seen under more than one article
    assert rows.nth(0).locator("td >> nth=2").inner_text() == "4"  # Tom Ellis, under 4 articles, spelled two ways
    rows.nth(0).click()
    assert comment_count(page) == 4
    page.uncheck("#commenters-several")
    assert page.locator("#commenters-grid tbody tr.commenter-row").count() > 5

    traces = page.evaluate("document.getElementById('timeline-plot').data")
    bars = [t for t in traces if t["type"] == "bar"]
    assert sum(sum(t["y"]) for t in bars) == len(af.export_rows())
    assert any(t["name"] == "campaign posts" and sum(t["y"]) == 9 for t in traces)
    opened.assert_clean()


@pytest.mark.shared
def test_sfu_comment_export_gives_1121_comments_and_a_report(browser, tmp_path):
    source = shared_path("labeled", "sfu-constructiveness-toxicity.csv")
    html = run_comments(source, tmp_path / "run")
    comments = pl.read_parquet(html.parent / "comments.parquet")
    assert comments.height == 1121
    assert pl.read_parquet(html.parent / "documents.parquet").height == 13  # the articles, grouped by url
    opened = open_report(browser, html)
    page = opened.page
    assert comment_count(page) == 1121
    assert page.locator("#campaign-list .campaign").count() <= 2  # real comments: at most a stray pair of look-alikes
    assert "No comment carries a parseable time" in page.inner_text("#timeline")
    page.select_option("#f-doc", index=1)
    assert 0 < comment_count(page) < 1121
    screenshot(page, tmp_path / "sfu-comments.png")
    opened.assert_clean()


def test_hostile_campaign_names_and_titles_render_as_text(browser, tmp_path):
    """A campaign, names and page titles made of hostile strings: shown as text, nothing runs."""
    import hostile
    import runfixtures as rf
    from replyscope.pipeline import run_across
    from replyscope.report import build_report

    spam = f"Read the truth they hide from you {hostile.SCRIPT_BREAKOUT} {hostile.IMG_ONERROR} share it everywhere now"
    pages = [
        rf.Page(title=f"Story {k} {hostile.SVG_ONLOAD}", body=[f"An ordinary article body number {k} about the harbour."],
                comments=[rf.Reply(hostile.ATTR_BREAKOUT, spam + (" #wakeup" if k else "")), rf.Reply(f"Reader {k}", "Nice piece, thanks.")],
                url=f"https://site{k}.example/story", site=f"site{k}.example")
        for k in range(3)
    ]
    run_dir = rf.write_run(tmp_path / "run", pages)
    run_across(run_dir)
    opened = open_report(browser, build_report(run_dir))
    page = opened.page
    assert page.locator("#campaign-list .campaign").count() == 1
    page.evaluate("document.querySelectorAll('#campaigns details').forEach(d => d.open = true)")
    body = page.inner_text("#campaigns")
    assert hostile.SCRIPT_BREAKOUT in body and hostile.IMG_ONERROR in body and hostile.SVG_ONLOAD[:20] in body
    assert hostile.ATTR_BREAKOUT[:30] in page.inner_text("#commenters")  # (the name cell clips at 40)
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed, body style, [onerror], [onload], [onmouseover]').length") == 0
    opened.assert_clean()
