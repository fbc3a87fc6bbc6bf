"""Across pages: copy-paste campaigns, syndicated articles and commenters, through the public
functions, the stage and the CLI, on texts written for these tests (acrossfixtures.py) and the
seed pages in data/."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import polars as pl
import pytest

import acrossfixtures as af
from conftest import DATA
from replyscope.across.campaigns import CampaignSettings, find_campaigns
from replyscope.across.commenters import find_commenters
from replyscope.across.minhash import normalise
from replyscope.across.syndication import find_syndication
from replyscope.pipeline import run_across, run_comment_export, run_split
from replyscope.schema import CAMPAIGN_SUMMARY, CAMPAIGNS, COMMENTERS, SYNDICATION, empty, FEATURES


@pytest.fixture(scope="module")
def fixture_run(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("across")
    run_dir = root / "run"
    run_comment_export([af.write_export(root / "export.csv")], run_dir)
    run_across(run_dir)
    return run_dir


def _families(run_dir: Path) -> pl.DataFrame:
    """campaign members joined to the fixture's family labels (by the export's own comment id)."""
    comments = pl.read_parquet(run_dir / "comments.parquet")
    labels = pl.DataFrame([{"source_comment_id": r["comment_id"], "family": r["family"]} for r in af.export_rows()])
    return (
        comments.select("comment_id", "source_comment_id", "text")
        .join(labels, on="source_comment_id")
        .join(pl.read_parquet(run_dir / "campaigns.parquet"), on="comment_id", how="left")
    )


def test_each_family_is_one_campaign_and_nothing_else_is(fixture_run):
    rows = _families(fixture_run)
    for family, copies in (("A", 5), ("B", 4)):
        ids = rows.filter(pl.col("family") == family)["campaign_id"]
        assert ids.null_count() == 0 and ids.n_unique() == 1 and len(ids) == copies, family
    others = rows.filter(pl.col("family") == "")
    assert others["campaign_id"].null_count() == others.height  # stock phrase, quotes and ordinary comments
    summary = pl.read_parquet(fixture_run / "campaign_summary.parquet")
    assert summary.schema == CAMPAIGN_SUMMARY
    assert summary["size"].to_list() == [5, 4] and summary["pages"].to_list() == [5, 4]
    assert summary["sites"].to_list() == [3, 3]
    assert summary["authors"].to_list() == [5, 4]
    assert summary["span_hours"][0] > 0 and summary["first_posted"][0] < summary["last_posted"][0]
    assert summary["text"][0] == af.CAMPAIGN_A  # the version posted most often... or first: here the original
    members = pl.read_parquet(fixture_run / "campaigns.parquet")
    assert members.schema == CAMPAIGNS
    assert members["similarity"].min() >= 0.45 and members["similarity"].max() == 1.0


def test_normalising_folds_case_punctuation_marks_and_links():
    frame = pl.DataFrame({"t": ["Hi ALL -- @Slate's #Truth: see https://x.example/a?b=1 !!", "hi all slates truth see"]})
    assert frame.select(normalise(pl.col("t")))["t"].to_list() == ["hi all slates truth see", "hi all slates truth see"]


def _frame(texts_by_page: list[tuple[str, str]], bodies: dict[str, str] | None = None):
    comments = pl.DataFrame(
        {
            "comment_id": [f"c{k}" for k in range(len(texts_by_page))],
            "doc_id": [p for p, _ in texts_by_page],
            "author": [f"name{k}" for k in range(len(texts_by_page))],
            "posted_at": [None] * len(texts_by_page),
            "text": [t for _, t in texts_by_page],
        },
        schema_overrides={"posted_at": pl.Datetime("us")},
    )
    pages = sorted({p for p, _ in texts_by_page})
    articles = pl.DataFrame({"doc_id": pages, "title": pages, "body": [(bodies or {}).get(p, "") for p in pages]})
    sites = pl.DataFrame({"doc_id": pages, "site": ["news.example"] * len(pages)})
    return comments, articles, sites


def test_quotes_of_the_article_are_not_a_campaign_but_the_same_words_elsewhere_are():
    quote = af.QUOTE
    posted = [("p1", quote), ("p2", quote), ("p3", quote)]
    with_body = _frame(posted, {p: af.WIRE for p in ("p1", "p2", "p3")})
    assert find_campaigns(*with_body).members.height == 0
    without_body = _frame(posted)
    assert find_campaigns(*without_body).members.height == 3


def test_one_page_or_one_syndicated_piece_is_not_a_campaign():
    text = af.CAMPAIGN_B
    same_page = _frame([("p1", text), ("p1", text + " #again"), ("p1", "Hi all, " + text)])
    assert find_campaigns(*same_page).members.height == 0
    comments, articles, sites = _frame([("p1", text), ("p2", text + " #again"), ("p2", "Hi all, " + text)])
    assert find_campaigns(comments, articles, sites).members.height == 3
    pieces = pl.DataFrame({"doc_id": ["p1", "p2"], "piece": ["wire", "wire"]})
    assert find_campaigns(comments, articles, sites, pieces).members.height == 0


def test_campaign_authors_are_counted_as_the_commenters_view_counts_them():
    comments, articles, sites = _frame([("p1", af.CAMPAIGN_B), ("p2", af.CAMPAIGN_B), ("p3", af.CAMPAIGN_B), ("p4", af.CAMPAIGN_B)])
    comments = comments.with_columns(author=pl.Series(["@Patriot76", "patriot76 ", "Anonymous", None]))
    summary = find_campaigns(comments, articles, sites).summary
    assert summary["size"].to_list() == [4]
    assert summary["authors"].to_list() == [1]  # one name in two spellings; "Anonymous" and no name are nobody


def test_a_stricter_threshold_splits_what_a_looser_one_joins():
    base = "The report says the mayor knew about the cracks in the bridge for two years and did nothing at all."
    edited = [("p1", base), ("p2", base.replace("two years", "three winters").replace("nothing", "little")), ("p3", base)]
    loose = find_campaigns(*_frame(edited), settings=replace(CampaignSettings(), min_posts=2, threshold=0.3))
    strict = find_campaigns(*_frame(edited), settings=replace(CampaignSettings(), min_posts=2, threshold=0.95))
    assert loose.members.height == 3 and strict.members.height == 2


def test_stage_output_is_deterministic(fixture_run, tmp_path):
    again = tmp_path / "again"
    run_comment_export([fixture_run.parent / "export.csv"], again)  # the same input: the same ids
    run_across(again)
    for name in ("campaigns", "campaign_summary", "syndication", "commenters"):
        assert pl.read_parquet(fixture_run / f"{name}.parquet").equals(pl.read_parquet(again / f"{name}.parquet")), name


def test_the_wire_piece_on_two_sites_is_one_syndication_group(fixture_run):
    synd = pl.read_parquet(fixture_run / "syndication.parquet")
    assert synd.schema == SYNDICATION
    docs = pl.read_parquet(fixture_run / "documents.parquet").join(synd, on="doc_id")
    assert sorted(docs["title"]) == sorted([af.ARTICLES[0]["title"], af.ARTICLES[1]["title"]])
    assert docs["syndication_group"].n_unique() == 1 and docs["similarity"].min() > 0.8


def test_seed_pages_000_and_001_are_one_piece_and_002_to_004_are_not(tmp_path):
    run_split([DATA], tmp_path / "seeds")
    documents = pl.read_parquet(tmp_path / "seeds" / "documents.parquet")
    synd = find_syndication(pl.read_parquet(tmp_path / "seeds" / "articles.parquet"), documents.select("doc_id", "site"))
    grouped = synd.join(documents.select("doc_id", "source_id"), on="doc_id")
    group_of = dict(zip(grouped["source_id"].str.slice(0, 3), grouped["syndication_group"]))
    assert group_of.get("000") is not None and group_of.get("000") == group_of.get("001")
    assert all(group_of.get(seed) != group_of["000"] for seed in ("002", "003", "004"))


def test_commenters_fold_name_spellings_and_skip_placeholders(fixture_run):
    commenters = pl.read_parquet(fixture_run / "commenters.parquet")
    assert commenters.schema == COMMENTERS
    tom = commenters.filter(pl.col("author") == "tom ellis").row(0, named=True)
    assert tom["comments"] == 4 and tom["articles"] == 4 and sorted(tom["display_names"]) == ["Tom Ellis", "tom ellis"]
    assert tom["sites"] == 3 and tom["first_seen"] < tom["last_seen"]
    assert commenters["author"][0] == "tom ellis"  # most articles first
    comments = pl.DataFrame({"comment_id": ["x1", "x2"], "doc_id": ["d1", "d2"], "author": ["Anonymous", " guest "], "posted_at": [None, None]},
                            schema_overrides={"posted_at": pl.Datetime("us")})
    assert find_commenters(comments, empty(FEATURES), pl.DataFrame({"doc_id": ["d1", "d2"], "site": ["a", "b"]})).height == 0


def test_run_with_comments_through_the_cli(tmp_path):
    export = af.write_export(tmp_path / "export.csv")
    out = tmp_path / "run"
    result = subprocess.run(
        [sys.executable, "-c", "from replyscope.cli import app; app()", "run", str(export), "--comments", "--out", str(out)],
        capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["stages"]["split"]["skipped"].startswith("the input is a comment export")
    assert manifest["counts"]["comments"] == len(af.export_rows()) and manifest["counts"]["campaigns"] == 2
    assert "across" in manifest["timings"]
    assert pl.read_parquet(out / "features.parquet").height == len(af.export_rows())
    html = (out / "index.html").read_text(encoding="utf-8")
    assert 'id="campaigns"' in html and "follow the money" in html


def test_hashing_in_chunks_finds_the_same_campaigns(fixture_run, monkeypatch):
    import replyscope.across.campaigns as campaigns

    comments = pl.read_parquet(fixture_run / "comments.parquet")
    articles = pl.read_parquet(fixture_run / "articles.parquet")
    sites = pl.read_parquet(fixture_run / "documents.parquet").select("doc_id", "site")
    whole = find_campaigns(comments, articles, sites)
    monkeypatch.setattr(campaigns, "CHUNK_TEXTS", 4)
    chunked = find_campaigns(comments, articles, sites)
    assert whole.members.height == 9 and chunked.members.equals(whole.members)


FOOTER = (
    "Guidelines: reader comments must stay on the topic of the story and must not be abusive, obscene or "
    "defamatory; comments that break these rules are removed by our moderators without notice, and repeat "
    "offenders lose the right to post. By posting you agree that the newspaper may publish, edit and translate "
    "what you write in print and online, in any medium, for as long as it chooses, without payment to you. "
    "Follow our sports desk on every social network for the latest scores, injuries, trades and rumours."
)


def test_a_site_footer_shared_by_two_stories_does_not_make_them_one_piece():
    stories = [
        "The home side lost its starting quarterback to a sprained ankle in the second quarter and never recovered.",
        "Ticket prices for the playoff game rose by a third after the league moved the kickoff to prime time.",
    ]
    articles = pl.DataFrame({"doc_id": ["s1", "s2", "w1", "w2"], "body": [stories[0] + " " + FOOTER, stories[1] + " " + FOOTER, af.WIRE, "Editor's note: reprinted. " + af.WIRE]})
    sites = pl.DataFrame({"doc_id": ["s1", "s2", "w1", "w2"], "site": ["sports.example", "sports.example", "a.example", "b.example"]})
    grouped = find_syndication(articles, sites)
    assert sorted(grouped["doc_id"]) == ["w1", "w2"]
    assert sorted(find_syndication(articles)["doc_id"]) == ["s1", "s2", "w1", "w2"]  # what the site's boilerplate would do unchecked
