"""The report in a real browser: headless Chromium through Playwright, network cut off.

Reports come from three sources: the fixture pages of tests/runfixtures.py (and the hostile
corpus of tests/hostile.py), the seed pages in data/ run through `replyscope run`, and pages
assembled at test time from the SFU comment corpus in ../shared (skipped when absent).
Screenshots go to pytest's tmp_path.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

import polars as pl
import pytest

import hostile
import runfixtures as rf
from conftest import DATA, shared_path
from replyscope.report import build_report

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("REPLYSCOPE_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"browser tests need Chromium at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright (pip install playwright)")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@dataclass
class Opened:
    page: object
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self):
        assert self.errors == [], self.errors
        assert self.requests == [], self.requests
        assert self.dialogs == [], self.dialogs
        assert self.page.evaluate("typeof window.__pwned") == "undefined"


def open_report(browser, html: Path) -> Opened:
    page = browser.new_page(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    opened = Opened(page)
    page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: opened.errors.append(f"pageerror: {e}"))
    page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))

    def route(r):
        if r.request.url.startswith("file:"):
            r.continue_()
        else:  # the network is off: record and refuse everything else
            opened.requests.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(html.resolve().as_uri())
    page.wait_for_function("window.__replyscopeReady", timeout=60_000)
    return opened


def screenshot(page, path: Path) -> None:
    """The whole page as one picture (a tall viewport: `full_page=True` stalls once a 10k-character
    word is laid out)."""
    height = min(page.evaluate("document.documentElement.scrollHeight"), 12_000)
    page.set_viewport_size({"width": 1400, "height": height})
    page.screenshot(path=path)
    page.set_viewport_size({"width": 1400, "height": 900})


def map_points(page) -> int:
    return page.evaluate("document.getElementById('map-plot').data.reduce((s, t) => s + t.x.length, 0)")


def visible_rows(page) -> list[str]:
    return page.eval_on_selector_all("#comments-grid tr.comment-row", "rows => rows.map(r => r.dataset.cidx)")


def comment_count(page) -> int:
    return page.evaluate("window.replyscope.rows().length")


def export_csv(page) -> list[dict]:
    with page.expect_download() as info:
        page.click("#export-csv")
    raw = Path(info.value.path()).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(raw)))


# --- fixture report -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fixture_report(tmp_path_factory) -> Path:
    return build_report(rf.write_run(tmp_path_factory.mktemp("fixture") / "run", rf.PAGES))


def test_fixture_report_renders_offline(browser, fixture_report, tmp_path):
    opened = open_report(browser, fixture_report)
    page = opened.page
    screenshot(page, tmp_path / "fixture.png")
    assert map_points(page) == 9
    assert page.locator(".card").count() == 4
    assert page.locator("#articles-grid tbody tr").count() == 3
    assert len(visible_rows(page)) == 9
    opened.assert_clean()


def test_filters_narrow_the_table_and_csv_holds_the_filtered_rows(browser, fixture_report):
    opened = open_report(browser, fixture_report)
    page = opened.page
    page.select_option("#f-stance", "support")
    rows = visible_rows(page)
    features = pl.read_parquet(fixture_report.parent / "features.parquet")
    support = features.filter(pl.col("stance") == "support")["comment_id"].to_list()
    assert len(rows) == len(support) < 9
    exported = export_csv(page)
    assert sorted(r["comment_id"] for r in exported) == sorted(support)
    assert {r["stance"] for r in exported} == {"support"}
    page.fill("#f-q", "bridge")
    page.wait_for_function("document.getElementById('comment-count').textContent.startsWith('1 of')")
    assert [r["text"] for r in export_csv(page)] == ["Thanks for the clear write-up. Tolls on new bridges are normal and the bonds have to be paid."]
    page.click("#f-reset")
    assert len(visible_rows(page)) == 9
    opened.assert_clean()


def test_clicking_a_map_point_opens_that_comment(browser, fixture_report):
    opened = open_report(browser, fixture_report)
    page = opened.page
    page.select_option("#f-stance", "deny")  # the click must bring its comment back into view
    page.evaluate("document.getElementById('map-plot').scrollIntoView({block: 'center'})")
    point = page.locator("#map-plot .scatterlayer .point").first
    box = point.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector("#map-tip:not([hidden])")
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector("#comments-grid tr.detail-row")
    opened_id = page.eval_on_selector("#comments-grid tr.selected", "r => Number(r.dataset.cidx)")
    tip_text = page.text_content("#map-tip .tip-text")
    assert tip_text[:30] == page.evaluate(f"window.replyscope.text[{opened_id}]")[:30]  # hovered = opened
    assert page.is_visible("#comments-grid tr.detail-row .detail-text")
    opened.assert_clean()


def test_cluster_card_and_heatmap_filter_the_table(browser, fixture_report):
    opened = open_report(browser, fixture_report)
    page = opened.page
    page.click("#cluster-cards .card >> nth=0 >> button.link")
    size = int(page.inner_text("#cluster-cards .card >> nth=0 >> .card-head .muted").split()[0])
    assert len(visible_rows(page)) == size
    assert page.input_value("#f-cluster") != ""
    # a heatmap cell (tag row 0, stance column of its largest count) lists exactly those comments
    row, col = page.evaluate("""() => {
        const z = document.getElementById('heatmap').data[0].text[0].map(Number);
        const col = z.indexOf(Math.max(...z));
        document.getElementById('heatmap').emit('plotly_click', {points: [{pointNumber: [0, col]}]});
        return [0, col];
    }""")
    heat = page.evaluate("document.getElementById('heatmap').data[0]")
    assert len(visible_rows(page)) == int(heat["text"][row][col]) > 0
    assert page.input_value("#f-stance") == heat["x"][col]
    opened.assert_clean()


def test_cluster_cards_say_how_sure_their_sides_are(browser, fixture_report):
    """A card whose bar is all one side may still be labelled "stance unsure": the line under the
    bar gives the mean confidence of its side-taking comments, from the run's own features."""
    opened = open_report(browser, fixture_report)
    page = opened.page
    run = fixture_report.parent
    members = pl.read_parquet(run / "clusters.parquet").select("comment_id", "cluster").join(
        pl.read_parquet(run / "features.parquet").select(
            "comment_id", "stance",
            # the fixture run's features hold scores only: the report reads the top score then
            pl.coalesce("stance_confidence", pl.max_horizontal(pl.col("^score_.*$"))).alias("stance_confidence"),
        ),
        on="comment_id",
    )
    checked = 0
    for card in page.locator("#cluster-cards .card").all():
        cluster = int(card.get_attribute("id").removeprefix("cluster-"))
        sides = members.filter((pl.col("cluster") == cluster) & (pl.col("stance") != "comment"))
        line = card.locator(".sides-confidence")
        if sides.height == 0:
            assert line.count() == 0
            continue
        conf = (sides["stance_confidence"] * 100).round()
        sure = int((conf >= 50).sum())
        mean = int(float(conf.mean()) + 0.5)  # JavaScript rounds halves up
        text = line.inner_text()
        assert text.startswith(f"{sides.height} side-taking comment"), text
        assert f"mean stance confidence {mean}%" in text and f"{sure} at 50% or more" in text, text
        checked += 1
    assert checked >= 1
    opened.assert_clean()


def test_switching_map_colour_keeps_every_point(browser, fixture_report):
    opened = open_report(browser, fixture_report)
    page = opened.page
    for mode in ("stance", "tag", "cluster"):
        page.select_option("#map-colour", mode)
        assert map_points(page) == 9
    opened.assert_clean()


# --- hostile corpus -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory) -> Path:
    run_dir = rf.write_run(
        tmp_path_factory.mktemp("hostile") / "run", hostile.HOSTILE_PAGES,
        manifest_extra=hostile.HOSTILE_MANIFEST, labels=hostile.HOSTILE_LABELS,
    )
    return build_report(run_dir)


def test_hostile_text_renders_as_text_and_runs_nothing(browser, hostile_report, tmp_path):
    opened = open_report(browser, hostile_report)
    page = opened.page
    # poke at everything that shows page text
    page.click("#articles-grid tbody tr >> nth=0")
    page.wait_for_selector("#drilldown .page-text")
    for cidx in visible_rows(page):
        page.evaluate(f"window.replyscope.openComment({cidx})")
    for mode in ("stance", "tag", "cluster"):
        page.select_option("#map-colour", mode)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    screenshot(page, tmp_path / "hostile.png")

    body = page.inner_text("body")
    for shown in (hostile.SCRIPT_BREAKOUT, hostile.IMG_ONERROR, hostile.SVG_ONLOAD, hostile.ENTITY, hostile.TEMPLATE_MARKER, hostile.PLOTLY_HTML):
        assert shown in body, shown
    assert "invoice[U+202E]gnp.exe" in body  # the override is shown, not obeyed
    assert "before\u2400after" in body  # NUL as a visible mark
    assert page.inner_text("#drilldown h3") == hostile.HOSTILE_PAGE.title
    # nothing the payloads asked for exists in the DOM
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed, body style, [onerror], [onload], [onmouseover]').length") == 0
    assert page.evaluate("document.scripts.length") == 4  # data, plotly source, app, plotly as run by the app
    nav = page.eval_on_selector_all("a[href]", "as => as.filter(a => a.getAttribute('href').startsWith('#')).length")
    assert nav == 10  # the top bar's anchors
    hrefs = page.eval_on_selector_all("a[href]:not([href^='#'])", "as => as.map(a => [a.href, a.rel])")
    assert hrefs == [["https://news.example.org/ok?a=1&b=%3C2%3E", "noopener noreferrer"]]  # from the one http(s) url
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")  # the 10k-char word wraps
    opened.assert_clean()


def test_hostile_csv_defuses_formulas(browser, hostile_report):
    opened = open_report(browser, hostile_report)
    rows = export_csv(opened.page)
    assert len(rows) == 10
    assert all(not r[k].startswith(("=", "+", "-", "@")) for r in rows for k in ("text", "author", "article_title"))
    assert any(hostile.SCRIPT_BREAKOUT in r["text"] for r in rows)
    opened.assert_clean()


def test_evidence_cues_are_marked_at_the_right_words(browser, hostile_report):
    opened = open_report(browser, hostile_report)
    page = opened.page
    page.fill("#f-author", "emoji")
    page.wait_for_function("document.getElementById('comment-count').textContent.startsWith('1 of')")
    assert page.eval_on_selector_all("#comments-grid mark.cue", "ms => ms.map(m => m.textContent)") == ["Thanks"]
    opened.assert_clean()


# --- real pipeline runs ---------------------------------------------------------------------


def run_pipeline(inputs: Path, out: Path) -> Path:
    result = subprocess.run(
        [sys.executable, "-c", "from replyscope.cli import app; app()", "run", str(inputs), "--out", str(out)],
        capture_output=True, text=True, timeout=900,
    )
    if not (out / "index.html").exists():
        pytest.fail(f"`replyscope run` wrote no report:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
    return out / "index.html"


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory) -> Path:
    return run_pipeline(DATA, tmp_path_factory.mktemp("seeds") / "run")


def test_seed_report_drilldown_highlights_the_six_comments(browser, seed_report, tmp_path):
    opened = open_report(browser, seed_report)
    page = opened.page
    comments = pl.read_parquet(seed_report.parent / "comments.parquet")
    assert map_points(page) == comments.height
    page.click("#articles-grid tbody tr >> nth=0")  # sorted by comments: the page that has them
    page.wait_for_selector("#drilldown .page-text")
    marks = page.eval_on_selector_all("#drilldown mark.comment-mark", "ms => [...new Set(ms.map(m => m.dataset.cidx))]")
    assert len(marks) == 6
    assert page.inner_text("#drilldown mark.comment-mark >> nth=1").strip() == "It’s the Illuminati."
    screenshot(page, tmp_path / "seeds.png")
    opened.assert_clean()


def test_hostile_pages_through_the_whole_pipeline_run_nothing(browser, tmp_path):
    """The hostile corpus as plain-text pages through split, analyze and report: real segment maps,
    cluster labels and keywords made from hostile words."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for k, page in enumerate(hostile.PIPELINE_PAGES):
        # the seeds' Disqus layout exactly (name, blank line, text): no date line under the name
        undated = replace(page, comments=[replace(c, posted="") for c in page.comments])
        (pages / f"hostile_{k}.txt").write_text(rf.layout(undated)[0], encoding="utf-8")
    html = run_pipeline(pages, tmp_path / "run")
    opened = open_report(browser, html)
    page = opened.page
    n_articles = page.locator("#articles-grid tbody tr").count()
    seen = ""
    for k in range(n_articles):
        page.click(f"#articles-grid tbody tr >> nth={k}")
        page.wait_for_selector("#drilldown .page-text")
        seen += page.inner_text("#drilldown")
    for cidx in visible_rows(page):
        page.evaluate(f"window.replyscope.openComment({cidx})")
    seen += page.inner_text("body")
    for shown in (hostile.SCRIPT_BREAKOUT, hostile.IMG_ONERROR, hostile.COMMENT_OPEN, hostile.PLOTLY_HTML, hostile.TEMPLATE_MARKER):
        assert shown in seen, shown
    n_comments = pl.read_parquet(html.parent / "comments.parquet").height
    assert map_points(page) == pl.read_parquet(html.parent / "clusters.parquet").drop_nulls(["x", "y"]).height
    assert comment_count(page) == n_comments >= 6  # at least the plain-named thread was split
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed, body style, [onerror], [onload], [onmouseover]').length") == 0
    screenshot(page, tmp_path / "hostile-pipeline.png")
    opened.assert_clean()


def sfu_pages(csv_path: Path, out: Path) -> int:
    """One plain-text page per article: title, a short body made from the title, then its
    comments in the Disqus-like layout the splitter reads. Returns (comments, articles) written."""
    frame = (
        pl.read_csv(csv_path, infer_schema=False)
        .select("title", "url", "comment")
        .drop_nulls()
        .with_columns(  # one article, one title: some rows carry the site's " - The Globe and Mail" suffix
            pl.col("title").str.replace_all(r"\s+", " ").str.replace(r" - The Globe and Mail$", "").str.strip_chars()
        )
    )
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for k, ((title,), group) in enumerate(frame.group_by("title", maintain_order=True)):
        url = group["url"].first()
        lines = [title, "", f"Source: {url}", "", f"This opinion piece, “{title}”, drew reader comments on the newspaper's site.", ""]
        for j, comment in enumerate(group["comment"].to_list()):
            body = "\n    ".join(line.strip() for line in comment.strip().splitlines() if line.strip())
            lines += [f"  • Reader {j + 1}", "", f"    {body}", ""]
            n += 1
        (out / f"article_{k:02d}.txt").write_text("\n".join(lines), encoding="utf-8")
    return n, frame["title"].n_unique()


@pytest.mark.shared
def test_sfu_report_at_a_thousand_comments(browser, tmp_path):
    source = shared_path("labeled", "sfu-constructiveness-toxicity.csv")
    written, n_articles = sfu_pages(source, tmp_path / "pages")
    html = run_pipeline(tmp_path / "pages", tmp_path / "run")
    opened = open_report(browser, html)
    page = opened.page
    comments = pl.read_parquet(html.parent / "comments.parquet")
    clusters = pl.read_parquet(html.parent / "clusters.parquet")
    assert pl.read_parquet(html.parent / "documents.parquet").height == n_articles
    assert comments.height >= 0.9 * written
    assert map_points(page) == clusters.drop_nulls(["x", "y"]).height == comments.height
    screenshot(page, tmp_path / "sfu.png")
    assert len(visible_rows(page)) == 50  # paginated, never every row at once
    assert comment_count(page) == comments.height
    page.select_option("#f-doc", index=1)
    doc_rows = comment_count(page)
    assert 0 < doc_rows < comments.height
    exported = export_csv(page)
    assert len(exported) == doc_rows and len({r["doc_id"] for r in exported}) == 1
    opened.assert_clean()
