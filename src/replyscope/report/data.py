"""Turn a run directory's tables into the compact, columnar payload the report page reads.

The page is one file that must open fast with 100k comments, so the payload is shaped for size:
- columns, not records (one JSON array per field), small ints for categories, dictionaries for
  repeated strings (authors, sites, raw dates);
- every page's text is stored once; a comment is an offset pair into its page's text, and only
  a comment whose words are not a verbatim slice of the page (the splitter dedented it, say)
  carries its own string;
- page text that is not comment text (article body, boilerplate) is capped by a global budget,
  water-filled across pages, so one huge page or a million comment-less pages cannot blow the file
  up; the page shows where text was left out and how much.

Offsets here are Python code points (what Polars and the other stages use); the page converts
them to UTF-16 units only for pages flagged as holding astral characters (emoji...).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import polars as pl

from replyscope.report.across_data import across_payload
from replyscope.rundir import read_manifest, table_path
from replyscope.schema import RHETORIC_TAGS, ROLES, STANCES, SURE_STANCE_CONFIDENCE, TABLES, conform, empty

# A piece of page text not covered by any segment still shows, under this role.
GAP_ROLE = "unassigned"
PIECE_ROLES: tuple[str, ...] = (*ROLES, GAP_ROLE)
# Comment pieces are cut only by their own, larger budget (below): the comments' offsets point into them.
COMMENT_ROLES = frozenset({"comment_header", "comment_body", "comment_chrome"})

# Pages without comments add text but no comments to read; list this many at most.
MAX_PAGES_WITHOUT_COMMENTS = 2_000
# Characters of non-comment page text kept over the whole report (~1 byte each in UTF-8 JSON).
PAGE_TEXT_BUDGET = 5_000_000
# Characters of comment text kept over the whole report: 100k comments of ~180 characters fit
# whole; beyond that each long comment_body piece is cut at one common length (water-filling
# again), the page says so, and the full text stays in comments.parquet. With plotly.js (4.6 MB),
# the columns (~6 MB per 100k comments) and page text, the file stays near 40 MB.
COMMENT_TEXT_BUDGET = 18_000_000
# Documents that were skipped or failed, listed by id and reason; the rest are only counted.
MAX_PROBLEM_DOCS = 1_000
MAX_TAGS = 30  # tags travel as a 32-bit mask in the page
# A run with more comments lists a seeded sample of whole pages holding about this many (and
# every page with a cluster exemplar): the page, its map and its tables stay quick in a browser
# and the file well under 60 MB at a million comments. Counts, cluster sizes and shares are
# always of the whole run; the page says how many comments it shows of how many.
MAX_REPORT_COMMENTS = 100_000
ASTRAL = r"[\x{10000}-\x{10FFFF}]"


@dataclass(frozen=True)
class RunTables:
    documents: pl.DataFrame
    segments: pl.DataFrame
    articles: pl.DataFrame
    comments: pl.DataFrame
    features: pl.DataFrame
    clusters: pl.DataFrame
    cluster_summary: pl.DataFrame
    manifest: dict
    # across pages (empty when the stage has not run)
    campaigns: pl.DataFrame = field(default_factory=lambda: empty(TABLES["campaigns"]))
    campaign_summary: pl.DataFrame = field(default_factory=lambda: empty(TABLES["campaign_summary"]))
    commenters: pl.DataFrame = field(default_factory=lambda: empty(TABLES["commenters"]))
    syndication: pl.DataFrame = field(default_factory=lambda: empty(TABLES["syndication"]))
    # Set when the run is larger than the report lists (see sample_pages): the whole run's counts.
    totals: dict | None = None


def load_run(run_dir: Path, max_comments: int = MAX_REPORT_COMMENTS, seed: int = 0) -> RunTables:
    """Read a run directory; a table that is missing reads as empty, so a partial run still reports.

    A run with more than `max_comments` comments is read for a sample of its pages only
    (sample_pages), with the whole run's counts in `totals`; never all of it at once.
    """
    comments_path = table_path(run_dir, "comments")
    n = pl.scan_parquet(comments_path).select(pl.len()).collect().item() if comments_path.exists() else 0
    if n <= max_comments:
        return _load_all(run_dir)
    docs = sample_pages(run_dir, max_comments, seed)
    wanted = docs.implode()
    frames = {}
    for name, schema in TABLES.items():
        path = table_path(run_dir, name)
        if not path.exists():
            frames[name] = empty(schema)
            continue
        scan = pl.scan_parquet(path)
        columns = scan.collect_schema().names()
        if name == "features":  # no doc_id: by the listed comments' ids
            ids = pl.scan_parquet(comments_path).filter(pl.col("doc_id").is_in(wanted)).select("comment_id").collect()["comment_id"]
            scan = scan.filter(pl.col("comment_id").is_in(ids.implode()))
        elif name in ("documents", "segments", "articles", "comments", "clusters") and "doc_id" in columns:
            scan = scan.filter(pl.col("doc_id").is_in(wanted))
        frames[name] = conform(scan.collect(), schema)
    manifest = read_manifest(run_dir)
    return RunTables(**frames, manifest=manifest if isinstance(manifest, dict) else {}, totals=run_totals(run_dir))


def sample_pages(run_dir: Path, max_comments: int, seed: int = 0) -> pl.Series:
    """doc_ids of the pages a large run's report lists: every page holding a cluster exemplar,
    then pages in a seeded random order until about `max_comments` comments (whole pages, so
    threads stay whole)."""
    per_doc = pl.scan_parquet(table_path(run_dir, "comments")).group_by("doc_id").agg(ncom=pl.len()).collect().sort("doc_id")
    clusters_path = table_path(run_dir, "clusters")
    exemplar_docs = pl.Series("doc_id", [], dtype=pl.String)
    if clusters_path.exists() and "doc_id" in pl.scan_parquet(clusters_path).collect_schema().names():
        exemplar_docs = pl.scan_parquet(clusters_path).filter("exemplar").select("doc_id").unique().collect()["doc_id"]
    ordered = per_doc.with_columns(
        first=pl.col("doc_id").is_in(exemplar_docs.implode()),
        key=pl.col("doc_id").hash(seed),  # seeded and stable: the same run lists the same pages
    ).sort(["first", "key", "doc_id"], descending=[True, False, False])
    kept = ordered.filter((pl.col("ncom").cum_sum() - pl.col("ncom") < max_comments) | pl.col("first"))
    return kept["doc_id"]


def run_totals(run_dir: Path) -> dict:
    """The whole run's counts that the overview shows, from scans of its tables."""
    return run_counts(pl.scan_parquet(table_path(run_dir, "documents")), pl.scan_parquet(table_path(run_dir, "comments")))


def run_counts(docs: pl.LazyFrame, comments: pl.LazyFrame) -> dict:
    """The overview's counts of documents and comments (scans of a run, or frames made lazy)."""
    status = dict(docs.group_by("status").len().sort("status").collect().iter_rows())
    c = comments.select(
        n=pl.len(),
        pages=pl.col("doc_id").n_unique(),
        dated=pl.col("posted_at").count(),
        first=pl.col("posted_at").min(),
        last=pl.col("posted_at").max(),
    ).collect().row(0, named=True)
    ok = docs.filter(pl.col("status") == "ok")
    problems = (
        docs.filter(pl.col("status") != "ok").head(MAX_PROBLEM_DOCS)
        .select("doc_id", "source", "source_id", "status", pl.col("error").fill_null("").str.slice(0, 500))
        .collect()
    )
    return {
        "documents": int(sum(status.values())),
        "status": {k: int(v) for k, v in status.items()},
        "pages": int(status.get("ok", 0)),
        "pages_with_comments": int(c["pages"]),
        "comments": int(c["n"]),
        "sites": int(ok.filter(pl.col("site").fill_null("") != "").select(pl.col("site").n_unique()).collect().item()),
        "dated_comments": int(c["dated"]),
        "first": c["first"].isoformat() if c["first"] is not None else None,
        "last": c["last"].isoformat() if c["last"] is not None else None,
        "problems": problems.to_dicts(),
        "problems_total": int(sum(status.values()) - status.get("ok", 0)),
    }


def _load_all(run_dir: Path) -> RunTables:
    frames = {}
    for name, schema in TABLES.items():
        path = table_path(run_dir, name)
        frames[name] = conform(pl.read_parquet(path), schema) if path.exists() else empty(schema)
    manifest = read_manifest(run_dir)
    return RunTables(**frames, manifest=manifest if isinstance(manifest, dict) else {})


def dictionary_encode(values: pl.Series) -> tuple[list[str], list[int]]:
    """Repeated strings as (distinct values, one code per row), first seen first."""
    values = values.fill_null("")
    uniques = values.unique(maintain_order=True)
    codes = values.replace_strict(uniques, pl.int_range(uniques.len(), eager=True), return_dtype=pl.Int32)
    return uniques.to_list(), codes.to_list()


def water_level(lengths: np.ndarray, budget: int) -> int | None:
    """The largest per-page cap K with sum(min(length, K)) <= budget; None when all fits.

    Water-filling keeps short pages whole and trims only the longest ones, which is what a reader
    skimming many pages wants.
    """
    if lengths.size == 0 or int(lengths.sum()) <= budget:
        return None
    low, high = 0, int(lengths.max())
    while low < high:
        mid = (low + high + 1) // 2
        if int(np.minimum(lengths, mid).sum()) <= budget:
            low = mid
        else:
            high = mid - 1
    return low


def select_pages(documents: pl.DataFrame, comments: pl.DataFrame) -> pl.DataFrame:
    """Readable pages to list: all with comments, then comment-less ones up to a cap, in input order."""
    counts = comments.group_by("doc_id").agg(ncom=pl.len().cast(pl.Int32))
    pages = (
        documents.filter(pl.col("status") == "ok")
        .with_row_index("order")
        .join(counts, on="doc_id", how="left")
        .with_columns(pl.col("ncom").fill_null(0))
    )
    with_comments = pages.filter(pl.col("ncom") > 0)
    without = pages.filter(pl.col("ncom") == 0).head(MAX_PAGES_WITHOUT_COMMENTS)
    return (
        pl.concat([with_comments, without])
        .sort("order")
        .with_row_index("didx")
        .with_columns(pl.col("didx").cast(pl.Int64), nch=pl.col("text").fill_null("").str.len_chars().cast(pl.Int64))
    )


def page_pieces(pages: pl.DataFrame, segments: pl.DataFrame) -> pl.DataFrame:
    """Cut each page into contiguous pieces [start, end) with a role code, covering all its text.

    Segments should already tile the text (the split is lossless); overlaps are clipped and gaps
    become `unassigned` pieces, so a faulty segment map still shows every character once.
    """
    role_code = {role: i for i, role in enumerate(PIECE_ROLES)}
    gap = role_code[GAP_ROLE]
    seg = (
        segments.join(pages.select("doc_id", "didx", "nch"), on="doc_id", how="inner")
        .with_columns(
            start=pl.col("start").clip(0, pl.col("nch")),
            end=pl.col("end").clip(0, pl.col("nch")),
            role=pl.col("role").replace_strict(role_code, default=gap, return_dtype=pl.Int32),
        )
        .filter(pl.col("end") > pl.col("start"))
        .sort("didx", "start", "end")
        .with_columns(covered=pl.col("end").cum_max().shift(1).over("didx").fill_null(0))
    )
    gaps_between = seg.filter(pl.col("start") > pl.col("covered")).select(
        "didx", start=pl.col("covered"), end=pl.col("start"), role=pl.lit(gap, pl.Int32)
    )
    clipped = (
        seg.with_columns(start=pl.max_horizontal("start", "covered"))
        .filter(pl.col("end") > pl.col("start"))
        .select("didx", "start", "end", "role")
    )
    tails = (
        pages.select("didx", "nch")
        .join(seg.group_by("didx").agg(covered=pl.col("end").max()), on="didx", how="left")
        .with_columns(pl.col("covered").fill_null(0))
        .filter(pl.col("nch") > pl.col("covered"))
        .select("didx", start=pl.col("covered"), end=pl.col("nch"), role=pl.lit(gap, pl.Int32))
    )
    return pl.concat([clipped, gaps_between, tails]).sort("didx", "start")


def keep_page_text(
    pages: pl.DataFrame, pieces: pl.DataFrame, budget: int, comment_budget: int = COMMENT_TEXT_BUDGET
) -> tuple[pl.DataFrame, pl.DataFrame, int | None, int | None]:
    """Decide how much of each piece to keep, and build each page's kept text.

    Non-comment text is capped per page (the first `cap` characters of it are kept); comment
    bodies per piece (each keeps its first `comment_cap` characters). Returns (pieces with
    kept/new_start/omitted, pages with `kept_text`, cap or None, comment_cap or None).
    """
    comment_roles = [i for i, role in enumerate(PIECE_ROLES) if role in COMMENT_ROLES]
    body_role = PIECE_ROLES.index("comment_body")
    pieces = pieces.with_columns(length=pl.col("end") - pl.col("start"), cuttable=~pl.col("role").is_in(comment_roles))
    per_page = pieces.filter("cuttable").group_by("didx").agg(pl.col("length").sum())
    cap = water_level(per_page["length"].to_numpy(), budget)
    comment_cap = water_level(pieces.filter(pl.col("role") == body_role)["length"].to_numpy(), comment_budget)
    cut_len = pl.when("cuttable").then(pl.col("length")).otherwise(0)
    pieces = pieces.with_columns(before=(cut_len.cum_sum() - cut_len).over("didx"))
    kept = pl.col("length")
    if cap is not None:
        kept = pl.when("cuttable").then((pl.lit(cap) - pl.col("before")).clip(0, pl.col("length"))).otherwise(kept)
    if comment_cap is not None:
        kept = pl.when(pl.col("role") == body_role).then(pl.col("length").clip(0, comment_cap)).otherwise(kept)
    pieces = pieces.with_columns(kept=kept).with_columns(
        new_start=(pl.col("kept").cum_sum() - pl.col("kept")).over("didx"),
        omitted=pl.col("length") - pl.col("kept"),
    )
    texts = (
        pieces.join(pages.select("didx", "text"), on="didx")
        .sort("didx", "start")
        .group_by("didx", maintain_order=True)
        .agg(kept_text=pl.col("text").str.slice(pl.col("start"), pl.col("kept")).str.join(""))
    )
    pages = pages.join(texts, on="didx", how="left").with_columns(pl.col("kept_text").fill_null("")).sort("didx")
    return pieces, pages, cap, comment_cap


# An untitled page is named by its article's opening words, cut near this many characters.
OPENING_TITLE_CHARS = 100
# A line that heads this many pages of the run whose articles open differently is the site's, not
# any article's: as a title ("Send to a Friend", "TOP PHOTOS", the blog's name) or as the first
# line of the article's text ("About Ana Vell", "Home • News • Features"). Such a title is
# passed over, and so is such an opening line. (The same article crawled three times keeps its
# title: its bodies open alike.)
SHARED_TITLE_PAGES = 3
# How much of an article's opening tells two articles apart.
OPENING_KEY_CHARS = 200
# How many of the article's first lines may name it.
OPENING_LINES = 12


def page_titles(pages: pl.DataFrame, articles: pl.DataFrame) -> pl.Series:
    """The page's title, else the article's, else the opening of the article's text (its first
    line of three or more words that is not shared by SHARED_TITLE_PAGES pages, cut at
    OPENING_TITLE_CHARS), else the page's first line, so no page is listed under a bare hash.
    A title that heads SHARED_TITLE_PAGES pages whose articles open differently counts as none.

    Why the article's opening before the page's first line: a plain-text dump opens on its site's
    furniture ("Navigation: Jump to content areas:", "• Home"), and a list of the most commented
    pages under such names says nothing about which articles drew the comments."""
    first_line = pl.col("text").fill_null("").str.strip_chars().str.extract(r"^([^\n]{1,140})").str.strip_chars()
    art = articles.select("doc_id", art_title="title", body="body").unique("doc_id", keep="first")
    openings = (
        art.select("doc_id", line=pl.col("body").fill_null("").str.split("\n").list.head(OPENING_LINES))
        .explode("line")
        .with_columns(pl.col("line").str.strip_chars())
        .filter(pl.col("line").str.contains(r"^\S+\s+\S+\s+\S"))
        .filter(pl.col("doc_id").n_unique().over("line") < SHARED_TITLE_PAGES)
        .group_by("doc_id", maintain_order=True)
        .agg(opening=pl.col("line").first())
    )
    opening = pl.col("opening")
    opening = (
        pl.when(opening.str.len_chars() > OPENING_TITLE_CHARS)
        .then(opening.str.slice(0, OPENING_TITLE_CHARS).str.replace(r"\s+\S*$", "") + " …")
        .otherwise(opening)
    )
    key = pl.col("body").fill_null("").str.strip_chars().str.slice(0, OPENING_KEY_CHARS)
    return (
        pages.join(art, on="doc_id", how="left")
        .join(openings, on="doc_id", how="left")
        .sort("didx")
        .select(
            pl.coalesce(
                *(
                    pl.when(
                        (pl.col(c).fill_null("").str.strip_chars() != "")
                        & (key.n_unique().over(pl.col(c).fill_null("").str.strip_chars()) < SHARED_TITLE_PAGES)
                    ).then(pl.col(c))
                    for c in ("title", "art_title")
                ),
                opening,
            )
            .fill_null(first_line)
            .fill_null("")
        )
        .to_series()
    )


def _tag_vocabulary(features: pl.DataFrame) -> list[str]:
    """The schema's tags in schema order, then any extra tag a stage emitted, alphabetically."""
    seen = features["tags"].explode().drop_nulls().unique().to_list() if features.height else []
    extra = sorted(set(seen) - set(RHETORIC_TAGS))
    return [*RHETORIC_TAGS, *extra][:MAX_TAGS]


def _scale(values: pl.Expr, lo: float, hi: float) -> pl.Expr:
    """Map layout coordinates to ints 0..10000: 4-5 characters each in JSON, ample for a screen."""
    span = hi - lo if hi > lo else 1.0
    return ((values - lo) / span * 10_000).round().cast(pl.Int32)


def comment_columns(
    tables: RunTables, pages: pl.DataFrame, pieces: pl.DataFrame, tags: list[str], comment_cap: int | None = None
) -> tuple[pl.DataFrame, dict]:
    """One row per listed comment, in page order, with everything the page needs as small values."""
    stance_code = {s: i for i, s in enumerate(STANCES)}
    tag_bit = {t: 1 << i for i, t in enumerate(tags)}
    comments = (
        tables.comments.join(pages.select("doc_id", "didx", "kept_text"), on="doc_id", how="inner")
        .sort("didx", "position", "start")
        .with_row_index("cidx")
        .with_columns(pl.col("cidx").cast(pl.Int64), pl.col("text").fill_null(""))
    )
    # Where does each comment start in its page's kept text? In the piece that holds its start.
    located = comments.select("cidx", "didx", "start").sort("didx", "start").join_asof(
        pieces.select("didx", "new_start", piece_start="start", piece_kept="kept", piece_cut="omitted").sort("didx", "piece_start"),
        left_on="start",
        right_on="piece_start",
        by="didx",
        strategy="backward",
        check_sortedness=False,  # sorted just above, by (didx, start) on both sides
    )
    comments = comments.join(
        located.select("cidx", "piece_start", "new_start", "piece_kept", "piece_cut"), on="cidx", how="left"
    ).sort("cidx")
    new_cp = pl.col("new_start") + pl.col("start") - pl.col("piece_start")
    full = pl.col("text").str.len_chars()
    # A comment in a piece that was cut keeps what the piece kept of it; the rest is not embedded.
    in_cut_piece = pl.col("piece_cut").fill_null(0) > 0
    room = (pl.col("piece_kept") - (pl.col("start") - pl.col("piece_start"))).clip(0)
    keep = pl.when(in_cut_piece).then(pl.min_horizontal(full, room)).otherwise(full)
    if comment_cap is not None:  # ...and a comment that is not a slice is cut alike
        keep = pl.min_horizontal(keep, pl.lit(comment_cap))
    comments = comments.with_columns(full=full.cast(pl.Int64), n=keep.cast(pl.Int64))
    is_slice = new_cp.is_not_null() & (
        pl.col("kept_text").str.slice(new_cp, pl.col("n")) == pl.col("text").str.slice(0, pl.col("n"))
    )
    comments = comments.with_columns(
        at=pl.when(is_slice).then(new_cp).otherwise(-1).cast(pl.Int64),
        text=pl.col("text").str.slice(0, pl.col("n")),
    )

    # One row per comment from each side table, whatever a stage wrote: a join must not duplicate.
    features = tables.features.unique("comment_id", keep="first", maintain_order=True).with_columns(
        stance_c=pl.col("stance").replace_strict(stance_code, default=-1, return_dtype=pl.Int32),
        # A run written before stances carried their own confidence (or a stage that left it
        # empty) falls back to the top stance score, per row.
        conf=(
            pl.coalesce(
                *([pl.col("stance_confidence")] if "stance_confidence" in tables.features.columns else []),
                pl.max_horizontal("score_support", "score_deny", "score_query", "score_comment"),
            ) * 100
        ).round().cast(pl.Int32),
        tagmask=pl.col("tags")
        .list.eval(pl.element().replace_strict(tag_bit, default=0, return_dtype=pl.Int64))
        .list.sum()
        .cast(pl.Int64),
        sent=(pl.col("sentiment") * 100).round().cast(pl.Int32),
    ).select("comment_id", "stance_c", "conf", "tagmask", "sent", "n_words")
    clusters = tables.clusters.unique("comment_id", keep="first", maintain_order=True)
    xs, ys = clusters["x"].drop_nulls().drop_nans(), clusters["y"].drop_nulls().drop_nans()
    x_lo, x_hi = (float(xs.min()), float(xs.max())) if xs.len() else (0.0, 1.0)
    y_lo, y_hi = (float(ys.min()), float(ys.max())) if ys.len() else (0.0, 1.0)
    clusters = clusters.select(
        "comment_id",
        "exemplar",
        cl=pl.col("cluster"),
        qx=_scale(pl.col("x").fill_nan(None), x_lo, x_hi),
        qy=_scale(pl.col("y").fill_nan(None), y_lo, y_hi),
    )
    parents = comments.select(parent_id="comment_id", parent=pl.col("cidx")).unique("parent_id", keep="first", maintain_order=True)
    comments = (
        comments.join(features, on="comment_id", how="left")
        .join(clusters, on="comment_id", how="left")
        .join(parents, on="parent_id", how="left")
        .sort("cidx")
        .with_columns(
            pl.col("stance_c").fill_null(-1),
            pl.col("tagmask").fill_null(0),
            pl.col("cl").fill_null(-1),
            pl.col("parent").fill_null(-1),
            pl.col("exemplar").fill_null(False),
            posted=(pl.col("posted_at").dt.epoch("s") // 60),
        )
    )
    layout = {"x_range": [x_lo, x_hi], "y_range": [y_lo, y_hi]}
    return comments, layout


def _spans(features: pl.DataFrame, comments: pl.DataFrame, column: str) -> pl.DataFrame:
    """The spans of an evidence `column` (tag, cue, start, end) with each comment's index, only
    those that lie inside their comment's text."""
    return (
        features.unique("comment_id", keep="first", maintain_order=True)
        .select("comment_id", column)
        .explode(column)
        .drop_nulls(column)
        .unnest(column)
        .join(comments.select("comment_id", "cidx", "n"), on="comment_id", how="inner")
        .filter((pl.col("start") >= 0) & (pl.col("end") > pl.col("start")) & (pl.col("end") <= pl.col("n")))
    )


def evidence_columns(features: pl.DataFrame, comments: pl.DataFrame, tags: list[str]) -> dict:
    """Every cue span as four parallel arrays (comment index, tag code, start, end in the comment)."""
    tag_code = {t: i for i, t in enumerate(tags)}
    ev = (
        _spans(features, comments, "evidence")
        .with_columns(code=pl.col("tag").replace_strict(tag_code, default=-1, return_dtype=pl.Int32))
        .filter(pl.col("code") >= 0)
        .sort("cidx", "start")
    )
    return {"c": ev["cidx"].to_list(), "tag": ev["code"].to_list(), "start": ev["start"].to_list(), "end": ev["end"].to_list()}


def stance_evidence_columns(features: pl.DataFrame, comments: pl.DataFrame) -> dict:
    """The words that decided each comment's stance, as parallel arrays (comment index, start, end)."""
    if "stance_evidence" not in features.columns:
        return {"c": [], "start": [], "end": []}
    ev = _spans(features, comments, "stance_evidence").sort("cidx", "start")
    return {"c": ev["cidx"].to_list(), "start": ev["start"].to_list(), "end": ev["end"].to_list()}


def cluster_columns(summary: pl.DataFrame, comments: pl.DataFrame) -> dict:
    index = dict(zip(comments["comment_id"].to_list(), comments["cidx"].to_list(), strict=True))
    summary = summary.unique("cluster", keep="first").sort(pl.col("size"), "cluster", descending=[True, False])
    return {
        "id": summary["cluster"].to_list(),
        "size": summary["size"].to_list(),
        "label": summary["label"].fill_null("").to_list(),
        "keywords": [list(k or [])[:10] for k in summary["keywords"].to_list()],
        "share": summary.select(
            pl.concat_list(
                [pl.col(f"share_{s}").fill_null(0).fill_nan(0).round(4) for s in STANCES]
            )
        ).to_series().to_list(),
        "top": [list(t or [])[:6] for t in summary["top_rhetoric"].to_list()],
        "exemplars": [[index[c] for c in (ids or []) if c in index][:5] for ids in summary["exemplar_ids"].to_list()],
    }


def overview(tables: RunTables, pages: pl.DataFrame) -> dict:
    # (a sampled run's `totals` are the whole run's counts, in place of the listed pages' ones)
    counts = tables.totals or run_counts(tables.documents.lazy(), tables.comments.lazy())
    return counts | {"pages_listed": pages.height}


def run_meta(manifest: dict) -> dict:
    """The few manifest facts the page shows; anything else stays in manifest.json."""
    inputs = manifest.get("inputs") or []
    return {
        "replyscope": str(manifest.get("replyscope", "")),
        "created": str(manifest.get("created", "")),
        "inputs": [str(i.get("path", "")) for i in inputs if isinstance(i, dict)][:50],
        "n_inputs": len(inputs),
        "settings": json.dumps(manifest.get("settings", {}), sort_keys=True, default=str)[:2_000],
    }


def build_payload(
    tables: RunTables, *, page_text_budget: int = PAGE_TEXT_BUDGET, comment_text_budget: int = COMMENT_TEXT_BUDGET
) -> dict:
    """The report's whole data, as plain JSON-ready Python values."""
    pages = select_pages(tables.documents, tables.comments)
    pieces = page_pieces(pages, tables.segments)
    pieces, pages, cap, comment_cap = keep_page_text(pages, pieces, page_text_budget, comment_text_budget)
    tags = _tag_vocabulary(tables.features)
    comments, layout = comment_columns(tables, pages, pieces, tags, comment_cap)

    pages = pages.with_columns(astral=pl.col("kept_text").str.contains(ASTRAL).cast(pl.Int8))
    sites, site_codes = dictionary_encode(pages["site"])
    authors, author_codes = dictionary_encode(comments["author"])
    raw_dates, raw_date_codes = dictionary_encode(comments["posted_raw"])
    piece_counts = pieces.group_by("didx").len().sort("didx")
    seg_count = pages.select("didx").join(piece_counts, on="didx", how="left")["len"].fill_null(0)
    omitted = pieces.with_row_index("pidx").filter(pl.col("omitted") > 0)
    derived_ids = (comments["comment_id"] == (comments["doc_id"] + "-" + comments["position"].cast(pl.String).str.zfill(4))).all()
    explicit = comments.filter(pl.col("at") < 0)
    cut = comments.filter(pl.col("n") < pl.col("full"))

    titles = page_titles(pages, tables.articles)
    return {
        "meta": run_meta(tables.manifest),
        "roles": list(PIECE_ROLES),
        "stances": list(STANCES),
        "sure_confidence_pct": round(SURE_STANCE_CONFIDENCE * 100),
        "tags": tags,
        "overview": overview(tables, pages),
        "text_cap": cap,
        # A large run lists a sample of its pages: how many comments and pages the file holds.
        "sampled": None if tables.totals is None else {
            "comments": comments.height, "comments_total": tables.totals["comments"],
            "pages": int(pages.filter(pl.col("ncom") > 0).height), "pages_total": tables.totals["pages_with_comments"],
        },
        "comment_cap": comment_cap,
        "docs": {
            "id": pages["doc_id"].to_list(),
            "title": titles.to_list(),
            "source": pages["source_id"].fill_null("").to_list(),
            "site": site_codes,
            "url": pages["url"].fill_null("").to_list(),
            "text": pages["kept_text"].to_list(),
            "astral": pages["astral"].to_list(),
            "ncom": pages["ncom"].to_list(),
            "segCount": seg_count.to_list(),
            "segRole": pieces["role"].to_list(),
            "segLen": pieces["kept"].to_list(),
            "omitIdx": omitted["pidx"].to_list(),
            "omitLen": omitted["omitted"].to_list(),
        },
        "sites": sites,
        "authors": authors,
        "rawDates": raw_dates,
        "comments": {
            "id": None if derived_ids else comments["comment_id"].to_list(),
            "doc": comments["didx"].to_list(),
            "pos": comments["position"].to_list(),
            "at": comments["at"].to_list(),
            "n": comments["n"].to_list(),
            "explicitIdx": explicit["cidx"].to_list(),
            "explicitText": explicit["text"].to_list(),
            "cutIdx": cut["cidx"].to_list(),  # comments not embedded whole, and their full length
            "cutFull": cut["full"].to_list(),
            "author": author_codes,
            "parent": comments["parent"].to_list(),
            "depth": comments["depth"].fill_null(0).to_list(),
            "posted": comments["posted"].to_list(),
            "rawDate": raw_date_codes,
            "stance": comments["stance_c"].to_list(),
            "conf": comments["conf"].to_list(),
            "tags": comments["tagmask"].to_list(),
            "sent": comments["sent"].to_list(),
            "words": comments["n_words"].to_list(),
            "cluster": comments["cl"].to_list(),
            "x": comments["qx"].to_list(),
            "y": comments["qy"].to_list(),
            "exemplar": comments.filter("exemplar")["cidx"].to_list(),
        },
        "layout": layout,
        "evidence": evidence_columns(tables.features, comments, tags),
        "stanceEvidence": stance_evidence_columns(tables.features, comments),
        "clusters": cluster_columns(tables.cluster_summary, comments),
        "across": across_payload(tables, pages, comments),
    }
