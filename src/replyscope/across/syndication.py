"""Syndicated articles: pages whose bodies carry the same piece (a wire story republished on
several sites, with each site's own boilerplate, editor's notes and comments around it).

Bodies are compared as sets of word 5-shingles of the normalised text. Candidates come from
MinHash LSH over those sets (minhash.py); a candidate pair is kept when the shorter body is
mostly contained in the longer one: containment = |A & B| / min(|A|, |B|) >= `threshold`.
Containment, not Jaccard, because the copies differ by what was added around the piece (an
editor's note longer than the piece itself halves Jaccard and leaves containment whole).
|A & B| is estimated from the MinHash Jaccard J and the exact set sizes: J (|A| + |B|) / (1 + J).
Groups are connected components of kept pairs; bodies under `min_shingles` shingles (a teaser,
a title-only page) are never grouped. Shingles a site repeats on two or more of its own pages (its
footer, its comment rules, an author box) are set aside first: without that, two different stories
of one site with a long shared footer look like one piece. (The cost: the same story at two urls of
one site is not reported as syndicated.)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from replyscope.across.minhash import candidate_pairs, components, estimated_jaccard, normalised_bodies, shingles, signatures
from replyscope.schema import SYNDICATION, empty


@dataclass(frozen=True)
class SyndicationSettings:
    shingle_words: int = 5
    n_hashes: int = 128
    bands: int = 64  # bands of 2: pairs whose Jaccard is as low as 0.15 still meet (p ~ 0.77)
    threshold: float = 0.5  # containment of the shorter body in the longer
    min_shingles: int = 40  # about a paragraph of running text
    seed: int = 0


def _without_site_boilerplate(sh: pl.DataFrame, bodies: pl.DataFrame, sites: pl.DataFrame | None) -> pl.DataFrame:
    """Drop the shingles a site repeats on two or more of its pages (its footer, comment rules,
    author box): shared by two pages of one site, they say nothing about a shared piece."""
    if sites is None:
        return sh
    by_site = sh.join(bodies.select("row", "doc_id"), on="row").join(sites, on="doc_id", how="left")
    repeated = (
        by_site.filter(pl.col("site").fill_null("") != "")
        .group_by("site", "h")
        .agg(pages=pl.col("row").n_unique())
        .filter(pl.col("pages") >= 2)
        .select("site", "h")
    )
    return by_site.join(repeated, on=["site", "h"], how="anti").select("row", "h").sort("row")


def find_syndication(
    articles: pl.DataFrame, sites: pl.DataFrame | None = None, settings: SyndicationSettings = SyndicationSettings()
) -> pl.DataFrame:
    """SYNDICATION rows for pages in a group of two or more; `sites` (doc_id, site), when known,
    lets each site's own boilerplate be set aside first."""
    bodies = normalised_bodies(articles)
    bodies = bodies.unique("doc_id", keep="first", maintain_order=True).with_row_index("row").with_columns(pl.col("row").cast(pl.Int64))
    if bodies.height < 2:
        return empty(SYNDICATION)
    sh = shingles(bodies, "norm", settings.shingle_words).unique(maintain_order=True)  # sets: sizes count each run once
    sh = _without_site_boilerplate(sh, bodies, sites)
    sizes = sh.group_by("row").agg(n=pl.len())
    big = sizes.filter(pl.col("n") >= settings.min_shingles).sort("row")
    if big.height < 2:
        return empty(SYNDICATION)
    # re-number the bodies that are long enough 0..m-1 (signatures need every row to own shingles)
    big = big.with_row_index("k").with_columns(pl.col("k").cast(pl.Int64))
    sh = sh.join(big.select("row", "k"), on="row").sort("k")
    sigs = signatures(sh["k"].to_numpy(), sh["h"].to_numpy(), big.height, settings.n_hashes, settings.seed)
    pairs = candidate_pairs(sigs, settings.bands)
    if len(pairs) == 0:
        return empty(SYNDICATION)
    jaccard = estimated_jaccard(sigs, pairs)
    n = big["n"].to_numpy().astype(np.float64)
    a, b = n[pairs[:, 0]], n[pairs[:, 1]]
    shared = jaccard * (a + b) / (1.0 + jaccard)
    containment = np.clip(shared / np.minimum(a, b), 0.0, 1.0)
    keep = containment >= settings.threshold
    if not keep.any():
        return empty(SYNDICATION)
    m = big.height
    component = components(m, pairs[keep])
    # each page's similarity: its best containment with another member
    best = np.zeros(m)
    np.maximum.at(best, pairs[keep, 0], containment[keep])
    np.maximum.at(best, pairs[keep, 1], containment[keep])
    grouped = big.select("row", "k").with_columns(
        component=pl.Series(component.astype(np.int64)), similarity=pl.Series(best)
    ).join(bodies.select("row", "doc_id"), on="row")
    sizes = grouped.group_by("component").agg(size=pl.len(), first=pl.col("row").min()).filter(pl.col("size") >= 2)
    # groups numbered largest first, then by input order: the same input gives the same numbers
    sizes = sizes.sort(["size", "first"], descending=[True, False]).with_row_index("syndication_group")
    return (
        grouped.join(sizes.select("component", "syndication_group"), on="component")
        .sort("syndication_group", "row")
        .select("doc_id", pl.col("syndication_group").cast(pl.Int32), pl.col("similarity").round(4))
    )
