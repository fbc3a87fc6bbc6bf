"""Comment exports as input: CSV / JSONL / Parquet with one reader comment a row.

Platforms and scrapers often hand over comments already cut out of their pages: a row per comment
with its text and, where present, author, time, comment id, parent id and the article's id, url,
title or text. `read_comment_export` turns such files into the same four tables the splitter
writes (documents, segments, articles, comments), so every later stage runs unchanged:

- articles are grouped by the article id column, else its url, else its title, else the file;
- each article becomes one readable page: its title, its text when the export carries it, then its
  comments one after another (a header line with author and time, then the words), with a segment
  map that tiles the page and comment offsets into it, as the splitter would have produced.

Everything is done with Polars expressions over whole columns, so a million-row export reads in
seconds; only timestamps Polars cannot parse are handed, once per distinct value, to the
splitter's multilingual date reader.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from replyscope.ingest.compressed import is_compressed, open_bytes
from replyscope.ingest.decode import repair_text
from replyscope.ingest.documents import doc_id_for, site_of
from replyscope.errors import UsageError
from replyscope.ingest.tables import TableProblem, pick_column
from replyscope.schema import ARTICLES, COMMENTS, DOCUMENTS, SEGMENTS

COMMENT_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet"}

# The usual names of each column in comment exports, most specific first.
COMMENT_COLUMNS = ("comment", "comment_text", "comment_body", "comment_content", "text", "body", "message", "content")
ARTICLE_ID_COLUMNS = ("article_id", "thread_id", "story_id", "post_id", "page_id", "asset_id", "doc_id", "article")
ARTICLE_URL_COLUMNS = ("article_url", "url", "page_url", "story_url", "link", "permalink", "source_url")
ARTICLE_TITLE_COLUMNS = ("article_title", "title", "headline", "story_title", "page_title", "target")
ARTICLE_TEXT_COLUMNS = ("article_text", "article_body", "story_text", "post_text", "source_text", "article_content")
AUTHOR_COLUMNS = ("author", "author_name", "user", "username", "user_name", "screen_name", "commenter", "display_name", "name")
TIME_COLUMNS = ("created_at", "created", "created_utc", "timestamp", "posted_at", "posted", "time", "date", "datetime", "published")
COMMENT_ID_COLUMNS = ("comment_id", "id", "cid", "message_id")
PARENT_COLUMNS = ("parent_id", "parent_comment_id", "in_reply_to", "reply_to", "parent")
SITE_COLUMNS = ("site", "domain", "host", "source_domain")

# Mojibake ("donâ€™t", "Ã©") marks the rows worth handing to ftfy; the rest stay as read.
_MOJIBAKE = r"Ã.|â€|Â[\s\S]"
_HEADER_SEP = " · "
MAX_DEPTH = 64  # reply chains deeper than this are cut (and cycles in hostile data end)


@dataclass(frozen=True)
class CommentColumns:
    """Which columns hold what (None = find by the usual names)."""

    comment: str | None = None
    article: str | None = None  # the article's id
    article_url: str | None = None
    article_title: str | None = None
    article_text: str | None = None
    author: str | None = None
    time: str | None = None
    comment_id: str | None = None
    parent: str | None = None
    site: str | None = None


@dataclass(frozen=True)
class ExportLayout:
    """The columns found in one file (None = absent)."""

    comment: str
    article: str | None
    article_url: str | None
    article_title: str | None
    article_text: str | None
    author: str | None
    time: str | None
    comment_id: str | None
    parent: str | None
    site: str | None

    def grouped_by(self) -> str:
        for what, column in (("article id", self.article), ("article url", self.article_url), ("article title", self.article_title)):
            if column:
                return f"{what} column {column!r}"
        return "file (no article column: one article per file)"


@dataclass
class ExportTables:
    documents: pl.DataFrame
    segments: pl.DataFrame
    articles: pl.DataFrame
    comments: pl.DataFrame
    layouts: dict[str, dict]  # per file: which column was read as what
    rows: int  # rows read
    dropped_empty: int  # rows without comment text



def _pick(names: list[str], wanted: str | None, candidates: tuple[str, ...], what: str) -> str | None:
    """ingest.tables.pick_column, with a named column that is missing as a usage error (exit 2)."""
    try:
        return pick_column(names, wanted, candidates, what)
    except TableProblem as exc:
        raise UsageError(str(exc)) from None

def find_layout(names: list[str], wanted: CommentColumns) -> ExportLayout:
    """Match the columns of a file; an asked-for column must exist, the comment text must be found."""
    comment = _pick(names, wanted.comment, COMMENT_COLUMNS, "comment text")
    if comment is None:
        raise UsageError(
            f"no comment text column: looked for {', '.join(COMMENT_COLUMNS)}; columns are {names}; pass --comment-col"
        )
    taken = {comment}

    def pick(asked: str | None, candidates: tuple[str, ...], what: str) -> str | None:
        # one column is read as one thing only: `text` found as the comment is not also the article's text
        found = _pick(names, asked, tuple(c for c in candidates if c not in {t.lower() for t in taken}), what)
        if found is not None:
            taken.add(found)
        return found

    article = pick(wanted.article, ARTICLE_ID_COLUMNS, "article id")
    comment_id = pick(wanted.comment_id, COMMENT_ID_COLUMNS, "comment id")
    return ExportLayout(
        comment=comment,
        article=article,
        article_url=pick(wanted.article_url, ARTICLE_URL_COLUMNS, "article url"),
        article_title=pick(wanted.article_title, ARTICLE_TITLE_COLUMNS, "article title"),
        article_text=pick(wanted.article_text, ARTICLE_TEXT_COLUMNS, "article text"),
        author=pick(wanted.author, AUTHOR_COLUMNS, "author"),
        time=pick(wanted.time, TIME_COLUMNS, "time"),
        comment_id=comment_id,
        parent=pick(wanted.parent, PARENT_COLUMNS, "parent id"),
        site=pick(wanted.site, SITE_COLUMNS, "site"),
    )


def table_kind(path: Path) -> str:
    """The table format a file's name says, lower case, a whole-file compression left out:
    'export.csv' and 'export.csv.gz' are both '.csv' (ingest.compressed)."""
    return Path(path.stem).suffix.lower() if is_compressed(path) else path.suffix.lower()


def _source(path: Path) -> Path | io.BytesIO:
    """What Polars reads: the path, or the file's bytes decompressed in memory (an export is one
    table read whole either way)."""
    if not is_compressed(path):
        return path
    with open_bytes(path) as stream:
        return io.BytesIO(stream.read())


def read_frame(path: Path) -> pl.DataFrame:
    """The whole file as string columns (ids stay exact: no float ids, no dropped leading zeros)."""
    suffix = table_kind(path)
    if suffix not in COMMENT_SUFFIXES:
        raise ValueError(f"{path.name}: a comment export must be CSV, TSV, JSONL or Parquet")
    source = _source(path)
    if suffix in (".csv", ".tsv"):
        return pl.read_csv(
            source, infer_schema=False, separator="\t" if suffix == ".tsv" else ",", encoding="utf8-lossy", truncate_ragged_lines=True
        )
    if suffix in (".jsonl", ".ndjson"):
        frame = pl.read_ndjson(source, infer_schema_length=None)
    elif suffix == ".json":
        frame = pl.read_json(source)
    elif suffix == ".parquet":
        frame = pl.read_parquet(source)
    else:
        raise ValueError(f"{path.name}: a comment export must be CSV, TSV, JSONL or Parquet")
    return frame.select(_as_string(name, dtype) for name, dtype in frame.schema.items())


def _as_string(name: str, dtype: pl.DataType) -> pl.Expr:
    if dtype == pl.String:
        return pl.col(name)
    if dtype.is_temporal():
        return pl.col(name).dt.to_string("%Y-%m-%dT%H:%M:%S").alias(name)
    if dtype.is_nested() or dtype == pl.Object:
        return pl.col(name).map_elements(str, return_dtype=pl.String).alias(name)
    return pl.col(name).cast(pl.String).alias(name)


def comment_files(paths: Iterable[Path]) -> list[Path]:
    """The export files named, with folders searched (sorted) for table files."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and table_kind(p) in COMMENT_SUFFIXES))
        else:
            found.append(path)
    return found


def _cell(column: str | None) -> pl.Expr:
    return pl.col(column).fill_null("").str.strip_chars() if column else pl.lit("")


def _rows(path: Path, frame: pl.DataFrame, layout: ExportLayout) -> pl.DataFrame:
    """One row per comment with the columns renamed to what they are."""
    source = str(path)
    # The article key: its id, else url, else title; rows with none of them share the file's key.
    key = pl.coalesce(
        [pl.when(_cell(c) != "").then(_cell(c)) for c in (layout.article, layout.article_url, layout.article_title) if c]
        + [pl.lit("(file)")]
    )
    return frame.with_row_index("row").select(
        source=pl.lit(source),
        row=pl.col("row").cast(pl.Int64),
        key=key,
        text=pl.col(layout.comment).fill_null(""),
        author=_cell(layout.author),
        posted_raw=_cell(layout.time),
        source_comment_id=_cell(layout.comment_id),
        source_parent_id=_cell(layout.parent),
        url=_cell(layout.article_url),
        title=_cell(layout.article_title).str.replace_all(r"\s+", " "),
        body=_cell(layout.article_text),
        site=_cell(layout.site),
    )


def repair_mojibake(column: str) -> pl.Expr:
    """ftfy on the cells that show mojibake only: the rest need no repair and ftfy is slow per cell."""
    col = pl.col(column)
    return pl.when(col.str.contains(_MOJIBAKE)).then(col.map_elements(repair_text, return_dtype=pl.String, skip_nulls=True)).otherwise(col)


def parse_times(raw: pl.Series) -> pl.Series:
    """Timestamps to naive UTC datetimes: epoch seconds/milliseconds, ISO 8601 with or without an
    offset, then anything else through the splitter's date reader (once per distinct value)."""
    frame = pl.DataFrame({"raw": raw})
    digits = pl.col("raw").str.extract(r"^\s*(\d{9,13})(?:\.\d+)?\s*$").cast(pl.Int64, strict=False)
    epoch = (
        pl.when(digits >= 10**11).then(digits * 1_000).otherwise(digits * 1_000_000).cast(pl.Datetime("us"))
    )
    iso = pl.col("raw").str.strip_chars().str.replace(r"Z$", "+00:00")
    with_offset = iso.str.to_datetime("%Y-%m-%dT%H:%M:%S%.f%:z", strict=False, time_zone="UTC")
    with_offset_space = iso.str.to_datetime("%Y-%m-%d %H:%M:%S%.f%:z", strict=False, time_zone="UTC")
    parsed = frame.select(
        pl.coalesce(
            epoch,
            with_offset.dt.replace_time_zone(None),
            with_offset_space.dt.replace_time_zone(None),
            iso.str.to_datetime("%Y-%m-%dT%H:%M:%S%.f", strict=False),
            iso.str.to_datetime("%Y-%m-%d %H:%M:%S%.f", strict=False),
            iso.str.to_datetime("%Y-%m-%dT%H:%M", strict=False),
            iso.str.to_datetime("%Y-%m-%d %H:%M", strict=False),
            iso.str.to_datetime("%Y-%m-%d", strict=False),
        )
        .cast(pl.Datetime("us"))
        .alias("at")
    )["at"]
    left = frame.with_columns(at=parsed).filter(pl.col("at").is_null() & (pl.col("raw").fill_null("") != ""))
    if left.height:
        from replyscope.split.dates import parse_posted

        distinct = left["raw"].unique().to_list()
        lookup = pl.DataFrame(
            {"raw": distinct, "fallback": [parse_posted(v) for v in distinct]},
            schema={"raw": pl.String, "fallback": pl.Datetime("us")},
        )
        parsed = frame.with_columns(at=parsed).join(lookup, on="raw", how="left", maintain_order="left").select(
            pl.coalesce("at", "fallback")
        ).to_series()
    return parsed.alias("posted_at")


def _depths(comments: pl.DataFrame) -> pl.Series:
    """Depth of each comment in its reply chain, by walking parents level by level (vectorised)."""
    parent_of = comments.select("comment_id", "parent_id")
    depth = comments.select("comment_id", depth=pl.lit(0, pl.Int32), at=pl.col("parent_id"))
    for _ in range(MAX_DEPTH):
        if depth["at"].is_null().all():
            break
        depth = (
            depth.join(parent_of.rename({"comment_id": "at", "parent_id": "next"}), on="at", how="left", maintain_order="left")
            .with_columns(depth=pl.col("depth") + pl.col("at").is_not_null().cast(pl.Int32), at=pl.col("next"))
            .drop("next")
        )
    return depth["depth"]


def build_tables(rows: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """documents, segments, articles and comments from the renamed rows of every file."""
    rows = rows.with_columns(repair_mojibake("text"), repair_mojibake("author"), repair_mojibake("title"), repair_mojibake("body"))
    # Articles in first-seen order; their title, url, text and site are the first non-empty ones.
    firsts = [pl.col(c).filter(pl.col(c) != "").first().fill_null("").alias(c) for c in ("url", "title", "body", "site")]
    docs = rows.group_by("source", "key", maintain_order=True).agg(*firsts)
    keys = docs.select("source", "key").rows()
    docs = docs.with_columns(doc_id=pl.Series([doc_id_for(s, k) for s, k in keys], dtype=pl.String))
    docs = docs.with_columns(
        prefix=pl.concat_str(
            pl.when(pl.col("title") != "").then(pl.col("title") + "\n\n").otherwise(pl.lit("")),
            pl.when(pl.col("body") != "").then(pl.col("body") + "\n\n").otherwise(pl.lit("")),
        ),
        title_len=pl.when(pl.col("title") != "").then(pl.col("title").str.len_chars() + 2).otherwise(0).cast(pl.Int64),
        body_len=pl.when(pl.col("body") != "").then(pl.col("body").str.len_chars() + 2).otherwise(0).cast(pl.Int64),
    )

    comments = rows.join(docs.select("source", "key", "doc_id", "title_len", "body_len"), on=["source", "key"], how="left", maintain_order="left")
    comments = comments.with_columns(posted_at=parse_times(comments["posted_raw"]))
    header = pl.concat_str(
        pl.col("author"),
        pl.when((pl.col("author") != "") & (pl.col("posted_raw") != "")).then(pl.lit(_HEADER_SEP)).otherwise(pl.lit("")),
        pl.col("posted_raw"),
    )
    comments = comments.with_columns(
        position=(pl.int_range(pl.len()).over("doc_id")).cast(pl.Int32),
        header=pl.when(header != "").then(header + "\n").otherwise(pl.lit("")),
    ).with_columns(
        comment_id=pl.col("doc_id") + "-" + pl.col("position").cast(pl.String).str.zfill(4),
        header_len=pl.col("header").str.len_chars().cast(pl.Int64),
        text_len=pl.col("text").str.len_chars().cast(pl.Int64),
    ).with_columns(block_len=pl.col("header_len") + pl.col("text_len") + 2)
    comments = comments.with_columns(
        block_start=pl.col("title_len") + pl.col("body_len") + pl.col("block_len").cum_sum().over("doc_id") - pl.col("block_len")
    ).with_columns(start=pl.col("block_start") + pl.col("header_len")).with_columns(end=pl.col("start") + pl.col("text_len"))

    # Parents: the export's parent id names another row's comment id, under the same article.
    ids = comments.filter(pl.col("source_comment_id") != "").unique(["doc_id", "source_comment_id"], keep="first").select(
        "doc_id", source_parent_id="source_comment_id", parent_id="comment_id"
    )
    comments = comments.join(ids, on=["doc_id", "source_parent_id"], how="left", maintain_order="left").with_columns(
        parent_id=pl.when(pl.col("parent_id") != pl.col("comment_id")).then("parent_id")
    )
    comments = comments.with_columns(depth=_depths(comments))

    blocks = comments.group_by("doc_id", maintain_order=True).agg(
        blocks=pl.concat_str("header", "text", pl.lit("\n\n")).str.join(""), n_comments=pl.len().cast(pl.Int32)
    )
    docs = docs.join(blocks, on="doc_id", how="left", maintain_order="left").with_columns(
        text=pl.col("prefix") + pl.col("blocks").fill_null("")
    )
    documents = docs.select(
        "doc_id",
        "source",
        source_id="key",
        url="url",
        site=pl.when(pl.col("site") != "").then(pl.col("site").str.strip_prefix("www.")).otherwise(_site_of_url()),
        title="title",
        text="text",
        n_chars=pl.col("text").str.len_chars().cast(pl.Int64),
        encoding=pl.lit(""),
        status=pl.lit("ok"),
        error=pl.lit(""),
        html=pl.lit(None, dtype=pl.String),  # an export has no markup, no crawl date
        crawled_at=pl.lit(None, dtype=pl.Datetime),
    )
    segments = _segments(docs, comments)
    articles = docs.select("doc_id", "title", body="body", n_comments=pl.col("n_comments").fill_null(0))
    comments_table = comments.select(
        "comment_id", "doc_id", "position", "parent_id", "depth", "author", "posted_raw", "posted_at", "text", "start", "end",
        "source_comment_id",  # the export's own id, to join results back to the platform's data
    )
    return (
        documents.select(DOCUMENTS.names()).cast(dict(DOCUMENTS)),
        segments.cast(dict(SEGMENTS)),
        articles.cast(dict(ARTICLES)),
        comments_table.cast(dict(COMMENTS)),
    )


def _site_of_url() -> pl.Expr:
    # The same host rule as every other reader (documents.site_of: a url without a scheme still
    # has a host); a Python call per row, which is cheap beside the text work of an export.
    return pl.col("url").fill_null("").map_elements(site_of, return_dtype=pl.String, skip_nulls=False)


def _segments(docs: pl.DataFrame, comments: pl.DataFrame) -> pl.DataFrame:
    """A segment map that tiles each page: title, body, then per comment its header and words
    (the blank line after a comment belongs to its comment_body piece)."""
    title = docs.filter(pl.col("title_len") > 0).select("doc_id", start=pl.lit(0, pl.Int64), end="title_len", role=pl.lit("title"), order=pl.lit(0))
    body = docs.filter(pl.col("body_len") > 0).select(
        "doc_id", start="title_len", end=pl.col("title_len") + pl.col("body_len"), role=pl.lit("body"), order=pl.lit(1)
    )
    headers = comments.filter(pl.col("header_len") > 0).select(
        "doc_id", start="block_start", end="start", role=pl.lit("comment_header"), order=pl.lit(2)
    )
    words = comments.select("doc_id", "start", end=pl.col("block_start") + pl.col("block_len"), role=pl.lit("comment_body"), order=pl.lit(3))
    order = docs.select("doc_id").with_row_index("doc_order")
    return (
        pl.concat([title, body, headers, words])
        .join(order, on="doc_id")
        .sort("doc_order", "start", "order")
        .with_columns(seg_no=pl.int_range(pl.len()).over("doc_id").cast(pl.Int32))
        .select("doc_id", "seg_no", "start", "end", "role")
    )


def read_comment_export(paths: Iterable[Path], columns: CommentColumns = CommentColumns()) -> ExportTables:
    """Read every export file into the four split tables (a usage error names the missing column)."""
    frames = []
    layouts: dict[str, dict] = {}
    for path in comment_files(paths):
        frame = read_frame(path)
        layout = find_layout(frame.columns, columns)
        layouts[str(path)] = {k: v for k, v in vars(layout).items()} | {"articles_grouped_by": layout.grouped_by()}
        frames.append(_rows(path, frame, layout))
    if not frames:
        raise UsageError("no comment export file among the inputs (CSV, TSV, JSONL or Parquet)")
    rows = pl.concat(frames)
    n_rows = rows.height
    rows = rows.filter(pl.col("text").str.strip_chars() != "")
    documents, segments, articles, comments = build_tables(rows)
    return ExportTables(documents, segments, articles, comments, layouts, n_rows, n_rows - rows.height)


def _first_row_names(path: Path, kind: str) -> list[str]:
    """The column names a compressed table's first line holds (CSV header, JSON object's keys),
    read without decompressing the rest: a hint must not unpack a corpus."""
    with open_bytes(path) as stream:
        first = stream.readline(1 << 20).decode("utf-8", "replace")
    if kind in (".csv", ".tsv"):
        return next(csv.reader([first], delimiter="\t" if kind == ".tsv" else ","), [])
    row = json.loads(first) if kind in (".jsonl", ".ndjson") else {}
    return list(row) if isinstance(row, dict) else []


def looks_like_comment_export(path: Path) -> bool:
    """True when a table file has a column named like comment text: a hint for `--comments`."""
    kind = table_kind(path)
    if not path.is_file() or kind not in COMMENT_SUFFIXES:
        return False
    try:
        if is_compressed(path):
            names = _first_row_names(path, kind)
        elif kind == ".parquet":
            names = pl.read_parquet_schema(path).keys()
        elif kind in (".csv", ".tsv"):
            names = pl.read_csv(path, n_rows=0, infer_schema=False, separator="\t" if kind == ".tsv" else ",").columns
        else:
            names = pl.read_ndjson(path, n_rows=1).columns
    except Exception:  # a hint must never break a run
        return False
    return any(n.lower().strip() in COMMENT_COLUMNS[:4] for n in names)
