"""Copy-paste campaigns: the same comment, lightly edited, posted under different pages.

A campaign is a group of near-duplicate comments (MinHash over word 3-shingles of the normalised
text, see minhash.py) that spans at least `min_pages` pieces and holds at least `min_posts` posts.
Near-duplicates are linked pair by pair (estimated Jaccard >= `threshold`) and grouped by
connected components, so a family whose copies each carry a different edit (a changed word, a
greeting, a hashtag) still comes out whole: every copy only needs one close sibling.

What is not a campaign:
- very short comments (fewer than `min_words` words once normalised): stock phrases such as
  "Thanks for sharing" or "So true" recur everywhere without anyone coordinating;
- comments that are mostly a quote of their own page's article (more than `max_quote_share` of
  their shingles occur in its body): readers quoting the piece they discuss;
- copies under one page only, or under pages that are syndicated copies of one piece (the caller
  passes `pieces`): a thread shown on two sites is one thread, not two.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from replyscope.across.commenters import PLACEHOLDER_NAMES, normalise_author
from replyscope.across.minhash import candidate_pairs, components, estimated_jaccard, normalise, normalised_bodies, shingles, signatures
from replyscope.schema import CAMPAIGN_SUMMARY, CAMPAIGNS, empty


@dataclass(frozen=True)
class CampaignSettings:
    shingle_words: int = 3
    n_hashes: int = 128
    bands: int = 32  # 32 bands of 4: pairs at Jaccard 0.5 meet in a band with p ~ 0.87, at 0.2 with p ~ 0.05
    threshold: float = 0.35  # estimated Jaccard of two copies to link them (tuned on one hash half of real comments, see evaluate/campaign_eval.py)
    min_words: int = 8
    min_posts: int = 3
    min_pages: int = 2
    max_quote_share: float = 0.5
    seed: int = 0


@dataclass
class Campaigns:
    members: pl.DataFrame  # CAMPAIGNS
    summary: pl.DataFrame  # CAMPAIGN_SUMMARY
    stats: dict


# Texts are hashed this many at a time, so the word and shingle frames (about 25 rows a comment)
# never hold a million comments at once.
CHUNK_TEXTS = 200_000


def _article_shingles(articles: pl.DataFrame, settings: CampaignSettings) -> pl.DataFrame:
    """(doc_id, h): the shingles of each article body, for telling quotes of it apart."""
    bodies = normalised_bodies(articles)
    bodies = bodies.with_row_index("row").with_columns(pl.col("row").cast(pl.Int64))
    if bodies.height == 0:
        return pl.DataFrame(schema={"doc_id": pl.String, "h": pl.UInt64})
    return shingles(bodies, "norm", settings.shingle_words).join(bodies.select("row", "doc_id"), on="row").select("doc_id", "h").unique()


def _quoted_share(eligible: pl.DataFrame, sh: pl.DataFrame, art: pl.DataFrame, art_hashes: pl.DataFrame) -> pl.DataFrame:
    """(comment_id, quoted): the share of a comment's shingles found in its own article's body.
    `eligible` holds the comments whose texts `sh` (row = text_row) hashes."""
    counts = sh.group_by("row").agg(n=pl.len())
    # only shingles that occur in some body can be quotes: a small set, checked per comment after
    maybe = sh.join(art_hashes, on="h", how="semi")
    hits = (
        eligible.select("comment_id", "doc_id", row="text_row")
        .join(maybe, on="row")
        .join(art, on=["doc_id", "h"], how="semi")
        .group_by("comment_id")
        .agg(hits=pl.len())
    )
    return (
        eligible.select("comment_id", row="text_row")
        .join(counts, on="row", how="left")
        .join(hits, on="comment_id", how="left")
        .select("comment_id", quoted=pl.col("hits").fill_null(0) / pl.col("n"))
    )


def _signatures_and_quotes(texts: pl.DataFrame, eligible: pl.DataFrame, articles: pl.DataFrame, settings: CampaignSettings):
    """MinHash signatures of every distinct text, and each eligible comment's quoted share,
    computed CHUNK_TEXTS texts at a time."""
    art = _article_shingles(articles, settings)
    art_hashes = art.select("h").unique()
    sigs = np.empty((texts.height, settings.n_hashes), dtype=np.uint32)
    quoted = []
    for start in range(0, texts.height, CHUNK_TEXTS):
        part = texts.slice(start, CHUNK_TEXTS)
        sh = shingles(part.select(pl.col("text_row").alias("row"), "norm"), "norm", settings.shingle_words).sort("row")
        local = (sh["row"] - start).to_numpy()
        sigs[start : start + part.height] = signatures(local, sh["h"].to_numpy(), part.height, settings.n_hashes, settings.seed)
        mine = eligible.filter(pl.col("text_row").is_between(start, start + part.height - 1))
        quoted.append(_quoted_share(mine, sh, art, art_hashes) if art.height else mine.select("comment_id", quoted=pl.lit(0.0)))
    return sigs, pl.concat(quoted)


def find_campaigns(
    comments: pl.DataFrame,
    articles: pl.DataFrame,
    sites: pl.DataFrame,
    pieces: pl.DataFrame | None = None,
    settings: CampaignSettings = CampaignSettings(),
) -> Campaigns:
    """Campaigns among `comments` (the comments table); `sites` maps doc_id -> site and `pieces`
    doc_id -> piece (a syndication group), when known."""
    stats: dict = {"comments": comments.height}
    frame = comments.select("comment_id", "doc_id", "author", "posted_at", norm=normalise(pl.col("text")))
    frame = frame.with_columns(n_words=pl.col("norm").str.count_matches(r"\S+"))
    eligible = frame.filter(pl.col("n_words") >= settings.min_words)
    stats["long_enough"] = eligible.height
    # identical normalised texts share one signature: copy-paste runs are hashed once
    texts = eligible.select("norm").unique(maintain_order=True).with_row_index("text_row").with_columns(pl.col("text_row").cast(pl.Int64))
    eligible = eligible.join(texts, on="norm", how="left", maintain_order="left")
    stats["distinct_texts"] = texts.height
    if texts.height == 0:  # (one distinct text can still be a campaign: exact copies)
        return _none(stats)
    sigs, quoted = _signatures_and_quotes(texts, eligible, articles, settings)
    eligible = eligible.join(quoted, on="comment_id", how="left").filter(pl.col("quoted").fill_null(0) <= settings.max_quote_share)
    stats["not_quotes"] = eligible.height
    pairs = candidate_pairs(sigs, settings.bands)
    sims = estimated_jaccard(sigs, pairs)
    keep = sims >= settings.threshold
    stats["candidate_pairs"], stats["linked_pairs"] = int(len(pairs)), int(keep.sum())
    n = texts.height
    component = components(n, pairs[keep])

    pieces = pieces if pieces is not None else sites.select("doc_id", piece="doc_id")
    grouped = eligible.join(
        pl.DataFrame({"text_row": np.arange(n, dtype=np.int64), "group": component.astype(np.int64)}), on="text_row"
    ).join(pieces, on="doc_id", how="left").join(sites, on="doc_id", how="left")
    grouped = grouped.with_columns(pl.col("piece").fill_null(pl.col("doc_id")), pl.col("site").fill_null(""))
    sizes = grouped.group_by("group").agg(posts=pl.len(), pieces=pl.col("piece").n_unique())
    chosen = sizes.filter((pl.col("posts") >= settings.min_posts) & (pl.col("pieces") >= settings.min_pages))
    grouped = grouped.join(chosen.select("group"), on="group", how="semi")
    if grouped.height == 0:
        return _none(stats)

    # The campaign's text: the version posted most often (then the earliest in the input).
    rep = (
        grouped.group_by("group", "text_row")
        .agg(copies=pl.len(), first=pl.col("comment_id").first())
        .sort("group", "copies", "text_row", descending=[False, True, False])
        .group_by("group", maintain_order=True)
        .first()
        .select("group", rep_row="text_row", representative_id="first")
    )
    rep = rep.join(comments.select(representative_id="comment_id", rep_text="text"), on="representative_id", how="left")
    grouped = grouped.join(rep, on="group")
    rows = grouped.select("text_row", "rep_row").to_numpy()
    grouped = grouped.with_columns(similarity=pl.Series(estimated_jaccard(sigs, rows), dtype=pl.Float64))

    summary = (
        grouped.with_columns(name=normalise_author(pl.col("author")))
        .group_by("group")
        .agg(
            size=pl.len().cast(pl.Int32),
            pages=pl.col("doc_id").n_unique().cast(pl.Int32),
            sites=pl.col("site").filter(pl.col("site") != "").n_unique().cast(pl.Int32),
            # Names folded as the commenters view folds them ("@Bob" is "bob"; "Anonymous" is nobody).
            authors=pl.col("name").filter((pl.col("name") != "") & ~pl.col("name").is_in(PLACEHOLDER_NAMES)).n_unique().cast(pl.Int32),
            site_list=pl.col("site").filter(pl.col("site") != "").unique().sort(),
            first_posted=pl.col("posted_at").min(),
            last_posted=pl.col("posted_at").max(),
            mean_similarity=pl.col("similarity").mean(),
            representative_id=pl.col("representative_id").first(),
            text=pl.col("rep_text").first(),
            first_comment=pl.col("comment_id").min(),
        )
        .sort(["size", "pages", "first_comment"], descending=[True, True, False])
        .with_row_index("campaign_id")
        .with_columns(
            pl.col("campaign_id").cast(pl.Int32),
            span_hours=((pl.col("last_posted") - pl.col("first_posted")).dt.total_seconds() / 3600.0),
        )
    )
    members = (
        grouped.join(summary.select("group", "campaign_id"), on="group")
        .sort("campaign_id", "doc_id", "comment_id")
        .select("campaign_id", "comment_id", "doc_id", "similarity")
    )
    stats["campaigns"] = summary.height
    stats["campaign_posts"] = members.height
    return Campaigns(members, summary.select(CAMPAIGN_SUMMARY.names()), stats)


def _none(stats: dict) -> Campaigns:
    stats.setdefault("campaigns", 0)
    stats.setdefault("campaign_posts", 0)
    return Campaigns(empty(CAMPAIGNS), empty(CAMPAIGN_SUMMARY), stats)
