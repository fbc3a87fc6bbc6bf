"""The across-pages part of the report payload: campaigns, commenters and syndicated articles,
as columns of small values pointing at the comment and page indices the rest of the page uses.

A comment or page the report does not list (a page over the comment-less cap) is left out of
these lists too; every cap below is stated in the payload so the page can say what it left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from replyscope.schema import STANCES

if TYPE_CHECKING:
    from replyscope.report.data import RunTables

MAX_CAMPAIGNS = 500
MAX_COMMENTERS = 1_000
MAX_GROUPS = 300
CAMPAIGN_TEXT_CHARS = 600


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def campaign_columns(summary: pl.DataFrame, members: pl.DataFrame, index: pl.DataFrame) -> dict:
    summary = summary.sort("campaign_id").head(MAX_CAMPAIGNS)
    listed = (
        members.join(index, on="comment_id", how="inner")
        .filter(pl.col("campaign_id").is_in(summary["campaign_id"].implode()))
        .sort("campaign_id", "cidx")
        .group_by("campaign_id", maintain_order=True)
        .agg(members=pl.col("cidx"), sim=(pl.col("similarity") * 100).round().cast(pl.Int32))
    )
    summary = summary.join(listed, on="campaign_id", how="left").sort("campaign_id")
    return {
        "total": members["campaign_id"].n_unique() if members.height else 0,
        "id": summary["campaign_id"].to_list(),
        "size": summary["size"].to_list(),
        "pages": summary["pages"].to_list(),
        "sites": summary["sites"].to_list(),
        "authors": summary["authors"].to_list(),
        "siteList": [list(s or [])[:20] for s in summary["site_list"].to_list()],
        "first": [_iso(v) for v in summary["first_posted"].to_list()],
        "last": [_iso(v) for v in summary["last_posted"].to_list()],
        "sim": [round(v or 0.0, 3) for v in summary["mean_similarity"].to_list()],
        "text": summary["text"].fill_null("").str.slice(0, CAMPAIGN_TEXT_CHARS).to_list(),
        "members": [list(m or []) for m in summary["members"].to_list()],
        "memberSim": [list(m or []) for m in summary["sim"].to_list()],
    }


def commenter_columns(commenters: pl.DataFrame) -> dict:
    # the ones seen under several articles first: those are what this table is for
    rows = commenters.sort(["articles", "comments", "author"], descending=[True, True, False]).head(MAX_COMMENTERS)
    return {
        "total": commenters.height,
        "several": int((commenters["articles"] > 1).sum()) if commenters.height else 0,
        "name": rows["author"].to_list(),
        "display": [list(d or [])[:5] for d in rows["display_names"].to_list()],
        "comments": rows["comments"].to_list(),
        "articles": rows["articles"].to_list(),
        "sites": rows["sites"].to_list(),
        "siteList": [list(s or [])[:8] for s in rows["site_list"].to_list()],
        "first": [_iso(v) for v in rows["first_seen"].to_list()],
        "last": [_iso(v) for v in rows["last_seen"].to_list()],
        "share": rows.select(pl.concat_list([pl.col(f"share_{s}").fill_null(0).fill_nan(0).round(3) for s in STANCES])).to_series().to_list()
        if rows.height
        else [],
        "top": [list(t or [])[:3] for t in rows["top_rhetoric"].to_list()],
    }


def syndication_columns(syndication: pl.DataFrame, pages: pl.DataFrame) -> dict:
    grouped = (
        syndication.join(pages.select("doc_id", "didx"), on="doc_id", how="inner")
        .sort("syndication_group", "didx")
        .group_by("syndication_group", maintain_order=True)
        .agg(docs=pl.col("didx"), sim=(pl.col("similarity") * 100).round().cast(pl.Int32))
        .filter(pl.col("docs").list.len() >= 2)
        .head(MAX_GROUPS)
    )
    return {
        "total": syndication["syndication_group"].n_unique() if syndication.height else 0,
        "id": grouped["syndication_group"].to_list(),
        "docs": [list(d) for d in grouped["docs"].to_list()],
        "sim": [list(s) for s in grouped["sim"].to_list()],
    }


def across_payload(tables: RunTables, pages: pl.DataFrame, comments: pl.DataFrame) -> dict:
    index = comments.select("comment_id", "cidx")
    return {
        "campaigns": campaign_columns(tables.campaign_summary, tables.campaigns, index),
        "commenters": commenter_columns(tables.commenters),
        "syndication": syndication_columns(tables.syndication, pages),
        "stage_ran": "across" in (tables.manifest.get("timings") or {}),
    }
