"""The `across` stage: syndicated articles, then copy-paste campaigns (copies under syndicated
pages of one piece count as one page), then commenters, written to the run directory."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import polars as pl

from replyscope.across.campaigns import CampaignSettings, find_campaigns
from replyscope.across.commenters import find_commenters
from replyscope.across.minhash import normalise
from replyscope.across.syndication import SyndicationSettings, find_syndication
from replyscope.rundir import read_table, table_path, write_table
from replyscope.schema import ACROSS_TABLES, FEATURES, empty


@dataclass(frozen=True)
class AcrossSettings:
    campaigns: CampaignSettings = field(default_factory=CampaignSettings)
    syndication: SyndicationSettings = field(default_factory=SyndicationSettings)


def across_tables(
    documents: pl.DataFrame, articles: pl.DataFrame, comments: pl.DataFrame, features: pl.DataFrame, settings: AcrossSettings
) -> tuple[dict[str, pl.DataFrame], dict]:
    timings: dict[str, float] = {}
    started = time.perf_counter()
    sites = documents.select("doc_id", site=pl.col("site").fill_null("")).unique("doc_id", keep="first")
    articles = articles.with_columns(norm=normalise(pl.col("body")))  # once, for both stages below (see normalised_bodies)
    syndication = find_syndication(articles, sites, settings.syndication)
    timings["syndication"] = round(time.perf_counter() - started, 3)
    pieces = sites.select("doc_id").join(
        syndication.select("doc_id", piece=pl.format("group-{}", "syndication_group")), on="doc_id", how="left"
    ).with_columns(pl.col("piece").fill_null(pl.col("doc_id")))
    started = time.perf_counter()
    found = find_campaigns(comments, articles, sites, pieces, settings.campaigns)
    timings["campaigns"] = round(time.perf_counter() - started, 3)
    started = time.perf_counter()
    commenters = find_commenters(comments, features, sites)
    timings["commenters"] = round(time.perf_counter() - started, 3)
    tables = {"syndication": syndication, "campaigns": found.members, "campaign_summary": found.summary, "commenters": commenters}
    counts = {
        "syndication_groups": int(syndication["syndication_group"].n_unique()) if syndication.height else 0,
        "syndicated_pages": syndication.height,
        "campaigns": found.stats["campaigns"],
        "campaign_posts": found.stats["campaign_posts"],
        "commenters": commenters.height,
        "commenters_on_several_articles": int((commenters["articles"] > 1).sum()) if commenters.height else 0,
    }
    return tables, {"counts": counts, "timings": timings, "campaign_stats": found.stats}


def run_across_stage(run_dir: Path, settings: AcrossSettings = AcrossSettings()) -> dict:
    """Read the split (and, when present, analyze) tables of a run; write the across tables.
    Returns the manifest sections to merge."""
    documents = read_table(run_dir, "documents").filter(pl.col("status") == "ok")
    articles = read_table(run_dir, "articles")
    comments = read_table(run_dir, "comments")
    features = read_table(run_dir, "features") if table_path(run_dir, "features").exists() else empty(FEATURES)
    tables, info = across_tables(documents, articles, comments, features, settings)
    for name in ACROSS_TABLES:
        write_table(run_dir, name, tables[name])
    return {"settings": {"across": asdict(settings)}, "counts": info["counts"], "timings": {"across": info["timings"]}, "across": info["campaign_stats"]}
