"""Commenters across articles: who turns up under many pages and sites, and how they argue.

Display names are folded (Unicode NFKC, case, spacing, a leading '@') so "John Smith" and
"john  smith" count as one name. A shared name is not proof of one person: different people use
the same name, sites show placeholders, and one person uses many names. The table is a lead for
an analyst, not an identification (the report says so beside it).
"""

from __future__ import annotations

import polars as pl

from replyscope.schema import COMMENTERS, STANCES

# Names a site shows when it has none: counting them as one commenter would invent a super-user.
PLACEHOLDER_NAMES = ("anonymous", "anon", "guest", "unknown", "deleted", "removed", "user", "reader", "visitor", "none", "null")
TOP_TAGS = 3


def normalise_author(author: pl.Expr) -> pl.Expr:
    return (
        author.fill_null("")
        .str.normalize("NFKC")
        .str.to_lowercase()
        .str.replace_all(r"\s+", " ")
        .str.strip_chars()
        .str.strip_prefix("@")
        .str.strip_chars(" .,:;-\u2022[]()")
    )


def find_commenters(comments: pl.DataFrame, features: pl.DataFrame, sites: pl.DataFrame) -> pl.DataFrame:
    """COMMENTERS rows, most articles first; comments without a usable name are left out."""
    frame = (
        comments.select("comment_id", "doc_id", "author", "posted_at")
        .with_columns(name=normalise_author(pl.col("author")))
        .filter((pl.col("name") != "") & ~pl.col("name").is_in(PLACEHOLDER_NAMES))
        .join(sites, on="doc_id", how="left")
        .join(features.unique("comment_id", keep="first").select("comment_id", "stance", "tags"), on="comment_id", how="left")
    )
    if frame.height == 0:
        return pl.DataFrame(schema=COMMENTERS)
    shares = [(pl.col("stance") == s).sum().cast(pl.Float64).alias(f"share_{s}") / pl.col("stance").is_not_null().sum().clip(1) for s in STANCES]
    table = frame.group_by("name").agg(
        display_names=pl.col("author").str.strip_chars().unique().sort().head(10),
        comments=pl.len().cast(pl.Int32),
        articles=pl.col("doc_id").n_unique().cast(pl.Int32),
        sites=pl.col("site").filter(pl.col("site").fill_null("") != "").n_unique().cast(pl.Int32),
        site_list=pl.col("site").filter(pl.col("site").fill_null("") != "").unique().sort().head(20),
        first_seen=pl.col("posted_at").min(),
        last_seen=pl.col("posted_at").max(),
        *shares,
    )
    tags = (
        frame.select("name", "tags")
        .explode("tags")
        .drop_nulls("tags")
        .group_by("name", "tags")
        .len()
        .sort(["name", "len", "tags"], descending=[False, True, False])
        .group_by("name", maintain_order=True)
        .agg(top_rhetoric=pl.col("tags").head(TOP_TAGS))
    )
    table = table.join(tags, on="name", how="left").with_columns(pl.col("top_rhetoric").fill_null([]))
    return table.rename({"name": "author"}).sort(["articles", "comments", "author"], descending=[True, True, False]).select(COMMENTERS.names())
