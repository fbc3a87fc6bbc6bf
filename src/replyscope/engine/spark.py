"""The Spark engine: `replyscope run ... --engine spark [--master URL]`.

The same per-page and per-comment code as the embedded engine (pipeline.split_batch,
analyze.comment_features), run as Arrow-batch functions (`mapInArrow`) over Spark DataFrames,
so a cluster splits and reads pages that no single machine could; the same Parquet tables come
out in the run directory, so `analyze`, `report` and any analyst's notebook read them as usual.

1. Input. Folders, CSV, JSONL and local Parquet are read by the driver with the embedded
   engine's readers (same ids, same problems recorded) and staged, streamed in batches, as
   Parquet under `<run>/_spark/raw`. A Parquet URL (`s3a://`, `hdfs://`, `file://`, ...) is
   read by Spark directly on the executors; it needs an id column, since a row number is not
   stable across a distributed read.
2. Split: one output row per page holding its documents row, its article and its segments and
   comments as nested lists, so one pass of the page code yields all four tables; each table is
   then a select/explode of that frame, written by the executors as Parquet part files.
3. Features: comments go in the batches the embedded engine reads them in (whole pages, about
   20k comments a batch; `feature_batches`), one batch to a partition, and `comment_features`
   runs once per batch: the stance reader has batch-level parts (a read-out fitted over every
   claim-mode thread it is given), so the same company gives the same features.
4. Clusters, their map and descriptions run on the driver as the embedded engine runs them
   (analyze.streaming with the features already written): fitted on a seeded sample, every other
   comment assigned batch by batch, memory flat in corpus size.

The part files are then merged, row group by row group (flat memory), into the single
`<table>.parquet` files the embedded engine writes. For a cluster the run directory must be on
storage every executor and the driver can see (NFS, a mounted bucket).
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from replyscope import schema
from replyscope.errors import UsageError
from replyscope.ingest import check_inputs, is_read
from replyscope.page_budget import PAGE_CPU_SECONDS
from replyscope.pipeline import (
    ANALYZE_TABLES, MANIFEST, SPLIT_TABLES, DocIds, SplitOptions, _split_key, input_files, iter_batches, peak_rss_mb,
    remove_downstream, run_stage, split_batch, unique_files,
)
from replyscope.rundir import (
    PART_COMPRESSION, PARTS_DIR, RunDirError, RunLock, file_fingerprint, join_parts, is_run_manifest, read_manifest, mark_stopped, require_stage, set_stage,
    stage_record, table_fingerprints, table_path, update_manifest, versions, write_manifest,
)

# Spark's scratch (staged input, executors' part files): under the run's `.parts/`, so it is never
# read as input, and removed as the embedded split's finished batches are.
SPARK_DIR = f"{PARTS_DIR}/spark"
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_RAW_FIELDS = ("source", "source_id", "content_bytes", "content_text", "url", "title", "site", "problem")
RAW_SCHEMA = pa.schema(
    [("source", pa.string()), ("source_id", pa.string()), ("content_bytes", pa.binary()), ("content_text", pa.string()),
     ("url", pa.string()), ("title", pa.string()), ("site", pa.string()), ("problem", pa.string()),
     # what ingest knows beyond the bytes: the status of a record not read, the codec of str content,
     # and for HTML pages (ingest.html_input.HtmlDocument) the server's charset and the crawl date
     ("status", pa.string()), ("encoding", pa.string()), ("is_html", pa.bool_()), ("charset", pa.string()),
     ("crawled_at", pa.string()),
     # the document id, given on the driver by pipeline.DocIds (a repeated id gets `-dup<n>`);
     # null for a Parquet URL read by the executors, whose ids are made there (see _url_frame)
     ("doc_id", pa.string())]
)


def as_url(given: Path | str) -> str | None:
    """The URL an input names (`s3a://bucket/pages`), or None for a local path. A command-line
    path argument has already collapsed `//` to `/` (s3a:/bucket), so that form is read too."""
    text = str(given)
    if _URL.match(text):
        return text
    match = re.match(r"^([a-z][a-z0-9+.-]*):/(?!/)(.*)$", text, re.IGNORECASE)
    if match and len(match.group(1)) > 1 and not Path(text).exists():  # (one letter: a Windows drive)
        scheme, rest = match.groups()
        return f"{scheme}:///{rest}" if scheme.lower() == "file" else f"{scheme}://{rest}"
    return None


class SparkUnavailable(RuntimeError):
    """pyspark or a Java runtime is missing."""


def spark_available() -> str | None:
    """None when the Spark engine can run here, else the reason it cannot."""
    try:
        import pyspark  # noqa: F401, PLC0415
    except ImportError:
        return "pyspark is not installed: pip install 'replyscope[spark]'"
    java = Path(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else shutil.which("java")
    if not java or not Path(java).exists():
        return "no Java runtime: install one (Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME"
    return None


def spark_session(master: str | None = None):
    """A SparkSession on `master` (default local[2]); Python workers run this interpreter."""
    reason = spark_available()
    if reason:
        raise SparkUnavailable(reason)
    from pyspark.sql import SparkSession  # noqa: PLC0415

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = (
        SparkSession.builder.master(master or "local[2]")
        .appName("replyscope")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "256")  # pages per split call
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "8")
    )
    if not (master or "local").startswith("local"):
        # Executors import replyscope from their own environment (install the same version there).
        builder = builder.config("spark.executorEnv.PYSPARK_PYTHON", os.environ.get("PYSPARK_PYTHON", "python3"))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


# --- Arrow types Spark reads: plain string/list, not Polars' large or view variants ----------------

def _plain(dtype: pa.DataType) -> pa.DataType:
    if pa.types.is_large_string(dtype) or pa.types.is_string_view(dtype):
        return pa.string()
    if pa.types.is_large_binary(dtype) or pa.types.is_binary_view(dtype):
        return pa.binary()
    if pa.types.is_large_list(dtype) or pa.types.is_list(dtype) or pa.types.is_list_view(dtype):
        return pa.list_(_plain(dtype.value_type))
    if pa.types.is_struct(dtype):
        return pa.struct([pa.field(f.name, _plain(f.type)) for f in dtype])
    return dtype


def arrow_schema(polars_schema: pl.Schema) -> pa.Schema:
    """The plain Arrow schema of a replyscope table (schema.py)."""
    empty = pl.DataFrame(schema=polars_schema).to_arrow()
    return pa.schema([pa.field(f.name, _plain(f.type)) for f in empty.schema])


def _to_arrow(frame: pl.DataFrame, target: pa.Schema) -> pa.Table:
    return frame.select(target.names).to_arrow().cast(target)


PAGE_SCHEMA = pa.schema(
    list(arrow_schema(schema.DOCUMENTS))
    + [
        pa.field("article", pa.struct(list(arrow_schema(schema.ARTICLES)))),
        pa.field("segments", pa.list_(pa.struct(list(arrow_schema(schema.SEGMENTS))))),
        pa.field("comments", pa.list_(pa.struct(list(arrow_schema(schema.COMMENTS))))),
    ]
)


def features_schema(stance_reader: str = "zero-shot") -> pl.Schema:
    """FEATURES plus the extra columns comment_features adds (stance's relevance, ...): learnt by
    running it on one comment, since Spark needs an output schema before the first batch."""
    from replyscope.analyze import comment_features  # noqa: PLC0415

    comments = pl.DataFrame(
        [("d-0000", "d", 0, None, 0, "", "", None, "Is that so? I doubt it.", 0, 23)], schema=schema.COMMENTS, orient="row"
    )
    articles = pl.DataFrame([("d", "A title", "A body.", 1)], schema=schema.ARTICLES, orient="row")
    return comment_features(comments, articles, stance_reader).schema


# --- 1. input ----------------------------------------------------------------------------------------

def _raw_table(raws, doc_ids: list[str]) -> pa.Table:
    from replyscope.ingest.html_input import HtmlDocument  # noqa: PLC0415
    return pa.table(
        {
            "source": [r.source for r in raws],
            "source_id": [r.source_id for r in raws],
            "content_bytes": [r.content if isinstance(r.content, bytes) else None for r in raws],
            "content_text": [r.content if isinstance(r.content, str) else None for r in raws],
            "url": [r.url for r in raws],
            "title": [r.title for r in raws],
            "site": [r.site for r in raws],
            "problem": [r.problem for r in raws],
            "status": [r.status for r in raws],
            "encoding": [r.encoding for r in raws],
            "is_html": [isinstance(r, HtmlDocument) for r in raws],
            "charset": [getattr(r, "charset", "") for r in raws],
            "crawled_at": [getattr(r, "crawled_at", "") for r in raws],
            "doc_id": doc_ids,
        },
        schema=RAW_SCHEMA,
    )


def stage_raw(files: list[tuple[Path, Path | None]], out: Path, options: SplitOptions, ids: DocIds) -> int:
    """Read local input files (pipeline.input_files, each once) with the embedded readers, give
    each page its id as the embedded split does (`ids`, in input order), and write them batch by
    batch as Parquet; returns the bytes read."""
    out.mkdir(parents=True, exist_ok=True)
    writer = pq.ParquetWriter(out / "part-00000.parquet", RAW_SCHEMA)
    n_bytes = 0
    try:
        for batch in iter_batches(files, options):
            writer.write_table(_raw_table(batch, ids.assign(batch)))
            n_bytes += sum(len(r.content) for r in batch if r.content is not None)
    finally:
        writer.close()
    return n_bytes


def _url_frame(spark, url: str, options: SplitOptions):
    """A Parquet URL read by the executors, columns mapped as the embedded table readers map them.

    Ids as pipeline.DocIds gives them: the first row with an id keeps it, a later one gets
    `-dup<n>` (`dup` here; split_arrow makes the id), in the order of the read (file, then row).
    """
    from pyspark.sql import Window  # noqa: PLC0415
    from pyspark.sql import functions as F  # noqa: PLC0415
    from pyspark.sql.types import BinaryType  # noqa: PLC0415

    from replyscope.ingest.tables import TableProblem, find_layout  # noqa: PLC0415 - the same column choice

    frame = spark.read.parquet(url)
    try:
        layout = find_layout(frame.columns, options.columns)
    except TableProblem as exc:
        raise UsageError(f"{url}: {exc}") from None
    if layout.id is None:
        raise UsageError(f"{url}: a Parquet input read by Spark needs an id column (pass --id-col)")
    binary = {f.name for f in frame.schema.fields if isinstance(f.dataType, BinaryType)}

    def cell(name: str | None):
        return F.coalesce(F.col(name).cast("string"), F.lit("")) if name else F.lit("")

    # As the embedded table reader: a row with markup in the HTML column is read as HTML, else its
    # text; bytes go through the decoding chain (in split_arrow), str is repaired there.
    markup = F.col(layout.html) if layout.html else F.lit(None)
    is_html = (F.length(markup) > 0) if layout.html else F.lit(False)
    content = F.when(is_html, markup).otherwise(F.col(layout.text))
    size = F.length(content)  # (characters for text, bytes for binary, as len() in the embedded reader)
    too_big = F.coalesce(size > options.max_page_bytes, F.lit(False))
    keep = F.when(too_big, F.lit(None))
    as_bytes = bool({layout.text, layout.html} & binary)
    rows = frame.select(
        F.lit(url).alias("source"),
        cell(layout.id).alias("source_id"),
        (keep.otherwise(content.cast("binary")) if as_bytes else F.lit(None).cast("binary")).alias("content_bytes"),
        (F.lit(None).cast("string") if as_bytes else keep.otherwise(content.cast("string"))).alias("content_text"),
        cell(layout.url).alias("url"),
        cell(layout.title).alias("title"),
        cell(layout.site).alias("site"),
        F.when(too_big, F.format_string(
            f"page is %.1f MB, over the {options.max_page_bytes / 1e6:.0f} MB limit (--max-page-mb)", size / F.lit(1e6)
        )).otherwise(F.lit("")).alias("problem"),
        F.lit("skipped").alias("status"),
        F.lit("").alias("encoding"),
        is_html.alias("is_html"),
        F.lit("").alias("charset"),
        F.lit("").alias("crawled_at"),
        F.lit(None).cast("string").alias("doc_id"),
        F.monotonically_increasing_id().alias("_order"),
    )
    # The window shuffles rows; sorted back into read order, so the tables come out in it.
    numbered = rows.withColumn("dup", F.row_number().over(Window.partitionBy("source_id").orderBy("_order")))
    return numbered.orderBy("_order").drop("_order")


# --- 2. split ----------------------------------------------------------------------------------------

def _nest(tables: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """One row per page: the documents row with its article, segments and comments nested in it."""
    docs = tables["documents"].select(list(schema.DOCUMENTS))
    keep = ("article", "segments", "comments")

    def per_doc(name: str, table_schema: pl.Schema, as_list: bool) -> pl.DataFrame:
        frame = tables[name].select(list(table_schema)).with_columns(_doc=pl.col("doc_id"))
        packed = pl.struct(list(table_schema))
        if as_list:
            return frame.group_by("_doc", maintain_order=True).agg(packed.alias(name))
        return frame.select("_doc", packed.alias(name)).unique("_doc", keep="first", maintain_order=True)

    nested = docs
    for name, table_schema, as_list in (
        ("article", schema.ARTICLES, False), ("segments", schema.SEGMENTS, True), ("comments", schema.COMMENTS, True)
    ):
        source = "articles" if name == "article" else name
        part = per_doc(source, table_schema, as_list).rename({source: name} if source != name else {})
        nested = nested.join(part, left_on="doc_id", right_on="_doc", how="left", maintain_order="left")
    return nested.select(list(schema.DOCUMENTS) + list(keep))


def split_arrow(batches: Iterator[pa.RecordBatch], page_cpu_seconds: float = PAGE_CPU_SECONDS) -> Iterator[pa.RecordBatch]:
    """mapInArrow function: raw pages in, nested split pages out (pipeline.split_batch per batch).

    Each page has the run's CPU budget (`page_cpu_seconds`) as in the embedded engine: Spark's
    Python worker calls this on its main thread, where the budget's timer signal can stop a page."""
    from replyscope.ingest import RawDocument  # noqa: PLC0415
    from replyscope.ingest.html_input import HtmlDocument  # noqa: PLC0415

    def raw(r: dict) -> RawDocument:
        content = r["content_bytes"] if r["content_bytes"] is not None else r["content_text"]
        fields = dict(
            url=r["url"] or "", title=r["title"] or "", site=r["site"] or "", problem=r["problem"] or "",
            status=r["status"] or "skipped", encoding=r["encoding"] or "",
        )
        if r["is_html"]:
            return HtmlDocument(r["source"], r["source_id"], content, **fields, charset=r["charset"] or "", crawled_at=r["crawled_at"] or "")
        return RawDocument(r["source"], r["source_id"], content, **fields)

    from replyscope.ingest import doc_id_for  # noqa: PLC0415

    def doc_id(r: dict) -> str:
        if r["doc_id"] is not None:  # given on the driver
            return r["doc_id"]
        base = doc_id_for(r["source"], r["source_id"])
        return f"{base}-dup{r['dup']}" if (r.get("dup") or 1) > 1 else base

    for batch in batches:
        rows = batch.to_pylist()
        if not rows:
            continue
        result = split_batch([raw(r) for r in rows], [doc_id(r) for r in rows], page_cpu_seconds)
        yield from _to_arrow(_nest(result.tables), PAGE_SCHEMA).to_batches()


# --- 3. features -------------------------------------------------------------------------------------

def feature_batches(doc_ids: pl.Series, size: int | None = None) -> list[tuple[int, int]]:
    """The [start, end) comment rows the embedded engine reads in one comment_features call.

    Spark reads the same batches, so each comment's features are computed from the same
    company as in the embedded engine: the stance reader's run-level parts (the read-out fitted
    over claim-mode threads, the corpus statistics of the encoder) see the same
    rows: analyze.streaming's batching (whole articles, about BATCH_COMMENTS comments a batch;
    one batch when an article's comments are not contiguous).
    """
    from replyscope.analyze.streaming import BATCH_COMMENTS, article_batches, contiguous_articles  # noqa: PLC0415

    n = doc_ids.len()
    if n == 0:
        return []
    if not contiguous_articles(doc_ids):
        return [(0, n)]
    return list(article_batches(doc_ids, size or BATCH_COMMENTS))


def features_arrow(batches: Iterator[pa.RecordBatch], target: pa.Schema, stance_reader: str = "zero-shot") -> Iterator[pa.RecordBatch]:
    """mapInArrow function (with `target` bound): a partition's comments with their article,
    tagged with their feature batch (`_batch`, see feature_batches; a batch never straddles two
    partitions) -> FEATURES rows (and comment_features' extra columns), one call per batch."""
    from replyscope.analyze import comment_features  # noqa: PLC0415

    # The whole partition first: Arrow batches are cut by row count, which can split a batch.
    collected = [b for b in batches if b.num_rows]
    if not collected:  # an empty partition (fewer batches than partitions)
        return
    frame = pl.from_arrow(pa.Table.from_batches(collected))
    for _, part in frame.group_by("_batch", maintain_order=True):
        part = part.sort("_row")
        comments = part.select(list(schema.COMMENTS))
        articles = part.select(
            "doc_id", pl.col("art_title").alias("title"), pl.col("art_body").alias("body"), pl.col("art_n").alias("n_comments")
        ).unique("doc_id", keep="first", maintain_order=True)
        features = comment_features(comments, schema.conform(articles, schema.ARTICLES), stance_reader)
        yield from _to_arrow(schema.conform(features, schema.FEATURES), target).to_batches()


# --- writing: executors write part files, the driver merges them into the usual single files -------

def merge_parts(parts_dir: Path, target: Path, table_schema: pl.Schema | dict) -> int:
    """Concatenate a Spark output folder's part files into one Parquet file; returns its rows.

    Each row group is conformed to the table's schema as a part of its own, and the parts are
    joined as the embedded split joins its batches (rundir.join_parts): the same rows make the
    same bytes, however Spark partitioned them.
    """
    files = sorted(parts_dir.glob("part-*.parquet"))
    arrow = arrow_schema(table_schema)
    rows = 0
    with tempfile.TemporaryDirectory(dir=parts_dir.parent, prefix=f".{parts_dir.name}-conformed-") as scratch:
        conformed: list[Path] = []
        for path in files:
            handle = pq.ParquetFile(path)
            for group in range(handle.num_row_groups):
                frame = schema.conform(pl.from_arrow(handle.read_row_group(group).cast(arrow)), table_schema)
                conformed.append(Path(scratch) / f"{len(conformed):06d}.parquet")
                frame.write_parquet(conformed[-1], compression=PART_COMPRESSION)
                rows += frame.height
        join_parts(conformed, target, pl.Schema(table_schema))
    return rows


def _write(frame, run_dir: Path, name: str, table_schema: pl.Schema) -> int:
    parts = run_dir / SPARK_DIR / name
    frame.write.mode("overwrite").parquet(str(parts))
    return merge_parts(parts, table_path(run_dir, name), table_schema)


def run_split_spark(
    inputs: list[Path | str], run_dir: Path, options: SplitOptions = SplitOptions(), *, master: str | None = None,
    reuse_complete: bool = False,
) -> dict:
    """The split on Spark: the same four tables, manifest and stage record as pipeline.run_split.

    Under the run's lock, like the embedded split: the stage is marked running, then complete with
    its tables' fingerprints, or interrupted / failed, so `analyze` and `report` refuse an
    unfinished Spark split as they refuse an embedded one. A rerun of the same inputs and settings
    after an interruption splits again (Spark keeps no finished batches); with `reuse_complete`, a
    complete split of the same inputs and settings is kept (the key is the embedded split's, so
    either engine's complete split is reused by the other).
    """
    with RunLock(run_dir):
        return _run_split_spark(inputs, run_dir, options, master, reuse_complete)


def _run_split_spark(inputs, run_dir: Path, options: SplitOptions, master: str | None, reuse_complete: bool) -> dict:
    from pyspark.sql import functions as F  # noqa: PLC0415
    from pyspark.sql.pandas.types import from_arrow_schema  # noqa: PLC0415

    started = time.perf_counter()
    urls = [as_url(i) for i in inputs if as_url(i)]
    local = [Path(i) for i in inputs if not as_url(i)]
    files, repeated = unique_files(input_files(local, run_dir)) if local else ([], [])
    read_files = [(path, root) for path, root in files if is_read(path, root)]
    if not read_files and not urls:
        raise UsageError(
            f"no input files in {', '.join(map(str, inputs))}: expected .txt pages, .html pages, WARC files "
            "or CSV / TSV / JSONL / Parquet tables"
        )
    check_inputs(files, options.columns)
    fingerprints = [file_fingerprint(path) for path, _ in read_files]
    # A URL's bytes are not read here: its key is its name (a changed bucket needs a new --out or a rerun).
    key = _split_key(files + [(Path(u), None) for u in urls], read_files, fingerprints, options)
    if (run_dir / MANIFEST).exists() and not is_run_manifest(run_dir / MANIFEST):
        raise UsageError(f"{run_dir / MANIFEST} was not written by replyscope; choose another --out")
    manifest = read_manifest(run_dir) if (run_dir / MANIFEST).exists() else {}
    previous = stage_record(manifest, "split")
    if reuse_complete and previous.get("fingerprint") == key and previous.get("state") == "complete":
        try:
            require_stage(run_dir, manifest, "split", before="reuse")
            return dict(manifest.get("counts") or {})
        except RunDirError:
            pass
    shutil.rmtree(run_dir / PARTS_DIR, ignore_errors=True)
    remove_downstream(run_dir, keep=())
    write_manifest(run_dir, {"stages": {}})
    set_stage(run_dir, "split", "running", fingerprint=key, resumed=False, engine="spark")
    try:
        spark = spark_session(master)
        counts, n_bytes, ids = _split_on_spark(spark, files, urls, run_dir, options, from_arrow_schema, F)
        if counts["documents"] == 0:
            raise UsageError(f"no documents in the input ({len(files) + len(urls)} input(s) read, no page or row in them)")
    except BaseException as exc:
        for name in SPLIT_TABLES:
            table_path(run_dir, name).unlink(missing_ok=True)
        mark_stopped(run_dir, "split", exc)
        raise
    documents = pl.scan_parquet(table_path(run_dir, "documents"))
    problems = documents.filter(pl.col("status") != "ok").select("doc_id", "source", "source_id", "status", "error").collect().to_dicts()
    split_counts = counts | {"duplicate_ids": len(ids), "inputs_repeated": len(repeated)}
    seconds = time.perf_counter() - started
    update_manifest(
        run_dir,
        inputs=fingerprints + [{"path": url, "size": None, "sha256": None} for url in urls],
        inputs_repeated=repeated,
        settings={"split": asdict(options) | {"engine": "spark", "master": master or "local[2]"}},
        versions=versions() | {"pyspark": spark.version},
        counts=split_counts,
        timings={"split": round(seconds, 3)},
        throughput={"split_mb_per_s": round(n_bytes / 1e6 / seconds, 2) if seconds and n_bytes else None},
        memory={"split_peak_rss_mb": peak_rss_mb()},  # the driver's; executors report to Spark's UI
        documents=problems,
        duplicate_ids=ids,
    )
    set_stage(
        run_dir, "split", "complete", tables=table_fingerprints(run_dir, SPLIT_TABLES),
        batches=None, batches_resumed=0, counts=split_counts, error=None,
    )
    shutil.rmtree(run_dir / PARTS_DIR, ignore_errors=True)
    return split_counts


def _split_on_spark(spark, files, urls, run_dir: Path, options: SplitOptions, from_arrow_schema, F) -> tuple[dict, int, list[dict]]:
    """Stage, split and write the four tables; returns the counts, the bytes staged and the
    repeated ids (as DocIds records them)."""
    frames = []
    ids = DocIds()
    n_bytes = 0
    if files:
        raw_dir = run_dir / SPARK_DIR / "raw"
        n_bytes = stage_raw(files, raw_dir, options, ids)
        frames.append(spark.read.parquet(str(raw_dir)).withColumn("dup", F.lit(1)))
    duplicates = list(ids.duplicates)
    for url in urls:
        frame = _url_frame(spark, url, options).cache()
        frames.append(frame)
        for row in frame.where(F.col("dup") > 1).select("source", "source_id", "dup").collect():
            from replyscope.ingest import doc_id_for  # noqa: PLC0415

            base = doc_id_for(row["source"], row["source_id"])
            duplicates.append({
                "doc_id": f"{base}-dup{row['dup']}", "duplicate_of": base, "source": row["source"], "source_id": row["source_id"],
                "reason": "another page of this input has the same id; given a suffix",
            })
    raw = frames[0]
    for other in frames[1:]:
        raw = raw.unionByName(other)
    split_pages = functools.partial(split_arrow, page_cpu_seconds=options.page_cpu_seconds)
    pages = raw.mapInArrow(split_pages, from_arrow_schema(PAGE_SCHEMA)).cache()
    n_rows = {
        "documents": _write(pages.select(*schema.DOCUMENTS), run_dir, "documents", schema.DOCUMENTS),
        "articles": _write(pages.where(F.col("article").isNotNull()).select("article.*"), run_dir, "articles", schema.ARTICLES),
        "segments": _write(pages.select(F.explode("segments").alias("s")).select("s.*"), run_dir, "segments", schema.SEGMENTS),
        "comments": _write(pages.select(F.explode("comments").alias("c")).select("c.*"), run_dir, "comments", schema.COMMENTS),
    }
    pages.unpersist()
    documents = pl.scan_parquet(table_path(run_dir, "documents"))
    counts = {"documents": n_rows["documents"], "ok": 0, "empty": 0, "skipped": 0, "failed": 0}
    for status, n in documents.group_by("status").len().sort("status").collect().iter_rows():
        counts[status] = counts.get(status, 0) + n
    articles = pl.scan_parquet(table_path(run_dir, "articles"))
    counts["pages_with_comments"] = articles.filter(pl.col("n_comments") > 0).select(pl.len()).collect().item()
    counts["comments"] = n_rows["comments"]
    return counts, n_bytes, duplicates


def spark_features(run_dir: Path, *, master: str | None = None, stance_reader: str = "zero-shot") -> pl.DataFrame:
    """FEATURES for a run's comments, computed on Spark in the embedded engine's feature batches."""
    from pyspark.sql import functions as F  # noqa: PLC0415
    from pyspark.sql.pandas.types import from_arrow_schema  # noqa: PLC0415

    spark = spark_session(master)
    comments = spark.read.parquet(str(table_path(run_dir, "comments")))
    articles = spark.read.parquet(str(table_path(run_dir, "articles"))).select(
        F.col("doc_id").alias("_doc"), F.col("title").alias("art_title"), F.col("body").alias("art_body"),
        F.col("n_comments").alias("art_n"),
    )
    # Each page's feature batch, made on the driver from the doc_id column alone (as the embedded
    # engine does), handed to Spark as a small Parquet table of (doc_id, batch).
    doc_ids = pl.read_parquet(table_path(run_dir, "comments"), columns=["doc_id"])["doc_id"]
    bounds = feature_batches(doc_ids)
    batch_of = pl.DataFrame({"_bdoc": doc_ids, "_batch": np.repeat(np.arange(len(bounds)), [e - s for s, e in bounds])})
    batch_dir = run_dir / SPARK_DIR / "batches"
    batch_dir.mkdir(parents=True, exist_ok=True)
    batch_of.unique("_bdoc", keep="first", maintain_order=True).write_parquet(batch_dir / "part-00000.parquet")
    batch_table = spark.read.parquet(str(batch_dir))
    # _row: the comments table's order (one file, read in order), the order the embedded engine reads.
    comments = comments.withColumn("_row", F.monotonically_increasing_id())
    with_article = comments.join(articles, comments.doc_id == articles._doc, "left").drop("_doc")
    joined = (
        with_article.join(batch_table, with_article.doc_id == batch_table._bdoc, "left")
        .drop("_bdoc")
        .repartition(max(1, len(bounds)), "_batch")  # about one batch a partition: a task holds one batch
    )
    full = features_schema(stance_reader)
    target = arrow_schema(full)
    work = functools.partial(features_arrow, target=target, stance_reader=stance_reader)
    features = joined.mapInArrow(work, from_arrow_schema(target))
    _write(features, run_dir, "features", full)
    # Back in the comments' order, as the embedded engine writes it.
    order = pl.read_parquet(table_path(run_dir, "comments"), columns=["comment_id"])
    features = pl.read_parquet(table_path(run_dir, "features"))
    return schema.conform(order.join(features, on="comment_id", how="left", maintain_order="left"), schema.FEATURES)


def run_analyze_spark(
    run_dir: Path, settings=None, *, master: str | None = None, on_progress=None, reuse_complete: bool = False
) -> dict:
    """Features on Spark, then clusters, map and descriptions on the driver; the same tables.

    Run as a stage (pipeline.run_stage), so it refuses a split that is unfinished or changed, and
    records what it read and wrote for `report` and `across`. Its settings record the engine:
    a later embedded `analyze` computes again rather than keep these results.
    """
    from replyscope.analyze import AnalyzeSettings  # noqa: PLC0415

    settings = settings or AnalyzeSettings()
    recorded = asdict(settings) | {"engine": "spark", "master": master or "local[2]"}
    return run_stage(
        run_dir, "analyze", reads=("comments", "articles"), writes=ANALYZE_TABLES, settings=recorded,
        compute=lambda: _analyze_spark(run_dir, settings, recorded, master, on_progress), reuse_complete=reuse_complete,
    )


def _analyze_spark(run_dir: Path, settings, recorded: dict, master: str | None, on_progress) -> dict:
    from replyscope.analyze.streaming import analyze_in_batches  # noqa: PLC0415
    from replyscope.pipeline import _make_executor, _stop_executor, default_workers, table_sink  # noqa: PLC0415
    from replyscope.rundir import read_table, write_table  # noqa: PLC0415

    started = time.perf_counter()
    for name in ("comments", "articles"):
        if not table_path(run_dir, name).exists():
            read_table(run_dir, name)  # raises the error that names the missing table and its stage
    ids = pl.scan_parquet(table_path(run_dir, "comments")).select(pl.col("comment_id").n_unique(), pl.len()).collect()
    repeated = ids["len"][0] - ids["comment_id"][0]
    if repeated:  # (a split by an older replyscope): the analysis joins on comment_id
        raise RunDirError(f"comments.parquet in {run_dir} repeats {repeated} comment_id(s); split the input again")
    try:
        features = spark_features(run_dir, master=master, stance_reader=settings.stance_reader)
    finally:
        shutil.rmtree(run_dir / SPARK_DIR, ignore_errors=True)
        with contextlib.suppress(OSError):  # (only when empty: an embedded split's batches stay)
            (run_dir / PARTS_DIR).rmdir()
    write_table(run_dir, "features", features)  # in the comments' order, as the stream reads it
    del features
    feature_seconds = time.perf_counter() - started

    # Clusters as the embedded engine makes them: fitted on a seeded sample, every other comment
    # assigned batch by batch (analyze.streaming), memory flat in corpus size on the driver.
    result = analyze_in_batches(
        table_path(run_dir, "comments"), table_path(run_dir, "articles"), table_sink(run_dir), settings,
        parts_dir=run_dir / PARTS_DIR / "analyze", workers=default_workers(), on_progress=on_progress,
        make_executor=_make_executor, stop_executor=_stop_executor, features_path=table_path(run_dir, "features"),
        features_done=True,
    )
    shutil.rmtree(run_dir / PARTS_DIR / "analyze", ignore_errors=True)
    with contextlib.suppress(OSError):
        (run_dir / PARTS_DIR).rmdir()
    steps = dict(result.timings) | {"features": round(feature_seconds, 3)}
    counts = result.counts
    update_manifest(
        run_dir,
        settings={"analyze": recorded},
        counts=counts,
        timings={"analyze": round(time.perf_counter() - started, 3)},
        analyze_steps=steps,
        memory={"analyze_peak_rss_mb": peak_rss_mb()},
    )
    return counts


def stop() -> None:
    """Stop the SparkSession this process started, if any."""
    try:
        from pyspark.sql import SparkSession  # noqa: PLC0415
    except ImportError:
        return
    active = SparkSession.getActiveSession()
    if active is not None:
        active.stop()


__all__ = [
    "SparkUnavailable", "merge_parts", "run_analyze_spark", "run_split_spark", "spark_available", "spark_features",
    "spark_session", "stop",
]
