"""The analysis of a run directory in batches, so memory stays flat in corpus size.

1. features: comment_features over batches of WHOLE articles (the stance reader reads a thread
   together), on worker processes, each batch written as a part under `.parts/analyze/<key>/`
   and merged in order into features.parquet. An interrupted analysis of the same comments and
   settings reuses the finished parts.
2. a seeded sample of at most `cluster_sample` comments is embedded (embed.represent, a black
   box) and clusters and the map are fitted on it (cluster.sample.fit_sample); the c-TF-IDF
   vocabulary is fitted on the sample's texts (cluster.describe.ClusterTerms).
3. every other comment is embedded batch by batch in the sample's space (SampleEncoder),
   assigned to its nearest centre, placed on the map by its nearest UMAP-fitted points, and its
   words counted into its cluster's term counts.
4. cluster summaries from one small row per comment (ids, cluster, distance, stance, tags).

Never held whole: embeddings (only the sample's and one batch's), comment texts, features. Held
whole: the small per-comment rows of step 4 (about 150 bytes a comment) and the doc ids.
With a corpus no larger than the sample, the result is analyze_comments' result.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl

from replyscope.schema import CLUSTER_SUMMARY, CLUSTERS, FEATURES, STANCES, conform

# Comments per feature batch (cut at article boundaries): large enough that a worker's start-up
# and the stance reader's per-call costs vanish, small enough that a batch's frames stay ~100 MB,
# and large enough that the stance reader's batch-level parts (the claim read-out fitted over a
# batch's threads) rest on thousands of replies in every batch.
BATCH_COMMENTS = 20_000
# Texts the sample encoder re-embeds beside each batch when the representation is fitted on its
# input and has no `transform` (see SampleEncoder).
ANCHORS = 2_000

Progress = Callable[[str, int, int], None]


def _no_progress(step: str, done: int, total: int) -> None:
    pass


def article_batches(doc_ids: list[str] | pl.Series, size: int) -> Iterator[tuple[int, int]]:
    """[start, end) row ranges of about `size` rows that never cut one article's comments apart
    (a batch grows past `size` to finish the article it is in). Rows of one article must be
    contiguous (the split writes them so); see contiguous_articles."""
    ids = pl.Series(doc_ids, dtype=pl.String) if not isinstance(doc_ids, pl.Series) else doc_ids
    n = ids.len()
    if n == 0:
        return
    # Row indices where a new article starts: the only places a batch may end.
    starts = (ids != ids.shift(1)).fill_null(True).arg_true().to_numpy()
    bounds = np.append(starts, n)
    ranges = []
    start = 0
    while start < n:
        # The first article start at or after start + size, else the end.
        j = int(np.searchsorted(bounds, start + max(1, size), side="left"))
        end = int(bounds[j]) if j < len(bounds) else n
        ranges.append((start, end))
        start = end
    # A short last batch joins the one before it, so every batch of a large corpus holds at least
    # half a batch: the stance reader fits its claim read-out over a batch's threads, and a small
    # tail would rest it on too few replies.
    if len(ranges) >= 2 and ranges[-1][1] - ranges[-1][0] < size // 2:
        ranges[-2:] = [(ranges[-2][0], ranges[-1][1])]
    yield from ranges


def contiguous_articles(doc_ids: pl.Series) -> bool:
    """Does each article's comments form one run of rows?"""
    runs = int((doc_ids != doc_ids.shift(1)).fill_null(True).sum())
    return runs == doc_ids.n_unique()


# --- step 1: features in article batches, on workers ----------------------------------------------


def features_part(comments_path: str, articles_path: str, start: int, end: int, stance_reader: str, out: str) -> int:
    """Features of comment rows [start, end) into the Parquet file `out`. Runs in a worker."""
    from replyscope.analyze import comment_features  # noqa: PLC0415

    comments = pl.scan_parquet(comments_path).slice(start, end - start).collect()
    docs = comments["doc_id"].unique()
    articles = pl.scan_parquet(articles_path).filter(pl.col("doc_id").is_in(docs.implode())).collect()
    features = comment_features(comments, articles, stance_reader)
    tmp = Path(out + ".tmp")
    features.write_parquet(tmp)
    tmp.replace(out)
    return features.height


def parts_key(comments_path: Path, articles_path: Path, stance_reader: str, batch: int) -> str:
    """What the feature parts depend on: the two tables' bytes, the reader, the batch size and the
    code that computes them (a batch finished by other code is computed again)."""
    from replyscope import __version__  # noqa: PLC0415
    from replyscope.provenance import stage_code_fingerprint  # noqa: PLC0415
    from replyscope.rundir import fingerprint  # noqa: PLC0415

    described = [fingerprint(comments_path), fingerprint(articles_path), stance_reader, batch, __version__, stage_code_fingerprint("analyze")]
    return hashlib.sha256(json.dumps(described).encode()).hexdigest()[:16]


# --- step 2-3: sample encoder ----------------------------------------------------------------------


class SampleEncoder:
    """Embeds a sample with a named representation, then later batches in the sample's space.

    A representation with a `transform(texts)` method embeds later texts with it. One that is
    only `fit_transform` (TF-IDF + SVD, IDF-weighted static vectors: fitted on what they are
    given) embeds each later batch together with `ANCHORS` sample texts, and the batch is mapped
    into the sample's space by the least-squares linear map that takes the anchors' new vectors
    to their sample vectors; for an encoder that is not fitted at all, that map is the identity.
    """

    def __init__(self, name: str, *, seed: int = 0) -> None:
        from replyscope.analyze.embed.represent import resolve  # noqa: PLC0415

        self.name = name
        self.seed = seed
        self._resolve = resolve

    def fit(self, texts: list[str], *, more_to_come: bool = True) -> np.ndarray:
        """The sample's vectors; `more_to_come=False` (the sample is the corpus) skips preparing
        transform."""
        from replyscope.analyze.embed.represent import get_representation, represent  # noqa: PLC0415

        # "auto" picks by the number of texts it is given; pin that choice for later batches.
        self.concrete = self._resolve("auto", len(texts)) if self.name == "auto" else self.name
        vectors = represent(texts, self.name, seed=self.seed)
        self.model = get_representation(self.concrete, seed=self.seed)
        self.anchor_texts = []
        self.anchor_vectors = np.zeros((0, vectors.shape[1] if vectors.ndim == 2 else 0), dtype=np.float32)
        if not more_to_come:
            return vectors
        if hasattr(self.model, "transform"):
            self.model.fit_transform(texts)
        else:
            from replyscope.analyze.cluster.kmeans import _sample  # noqa: PLC0415

            idx = _sample(len(texts), ANCHORS, self.seed)
            self.anchor_texts = [texts[i] for i in idx]
            self.anchor_vectors = vectors[idx]
        return vectors

    def transform(self, texts: list[str]) -> np.ndarray:
        from replyscope.analyze.embed.represent import get_representation  # noqa: PLC0415
        from replyscope.analyze.embed.tfidf import l2_normalise  # noqa: PLC0415

        if not texts:
            return np.zeros((0, self.anchor_vectors.shape[1]), dtype=np.float32)
        if hasattr(self.model, "transform"):
            return np.asarray(self.model.transform(texts), dtype=np.float32)
        fresh = get_representation(self.concrete, seed=self.seed).fit_transform(self.anchor_texts + list(texts))
        anchors, batch = fresh[: len(self.anchor_texts)], fresh[len(self.anchor_texts) :]
        mapping, *_ = np.linalg.lstsq(anchors.astype(np.float64), self.anchor_vectors.astype(np.float64), rcond=None)
        return l2_normalise((batch @ mapping).astype(np.float32))


# --- the whole analysis ----------------------------------------------------------------------------


@dataclass
class StreamResult:
    counts: dict
    timings: dict[str, float]


def _tag_matrix(tags: pl.Series) -> np.ndarray:
    from replyscope.analyze import _tag_matrix as tag_matrix  # noqa: PLC0415

    return tag_matrix(tags)


def _facets(features: pl.DataFrame) -> np.ndarray:
    from replyscope.analyze import _stance_facets  # noqa: PLC0415

    return _stance_facets(features)


def _scores(features: pl.DataFrame) -> np.ndarray:
    return features.select([f"score_{s}" for s in STANCES]).fill_null(0.0).to_numpy().astype(np.float32)


def analyze_in_batches(
    comments_path: Path,
    articles_path: Path,
    write: Callable[[str, object], None],
    settings,
    *,
    parts_dir: Path,
    workers: int = 1,
    batch_comments: int = BATCH_COMMENTS,
    on_progress: Progress | None = None,
    make_executor: Callable[[int], object] | None = None,
    stop_executor: Callable[[object], None] | None = None,
    features_path: Path | None = None,
    features_done: bool = False,
) -> StreamResult:
    """Analyse the comments of `comments_path` (COMMENTS) in batches; `write(name, frames)` gets
    each output table: "features" as an iterator of frames in comment order (to append), then
    "clusters" and "cluster_summary" as frames. `settings` is an AnalyzeSettings.

    `make_executor(workers)` gives a process pool (pipeline._make_executor); on an error or
    Ctrl-C `stop_executor(pool)` ends its workers at once (default: wait for them).
    `features_path` names where the merged features land (read back for the sample and the
    assignment pass); it defaults to features.parquet beside the comments. `features_done` says
    they are there already, complete and in the comments' order (the Spark engine computes them
    on its executors in the same batches), and step 1 is skipped.
    """
    from replyscope.analyze.cluster.describe import ClusterTerms, summarise_clusters  # noqa: PLC0415
    from replyscope.analyze.cluster.sample import fit_sample, sample_rows  # noqa: PLC0415
    from replyscope.analyze.hashtags import spell_out_hashtags  # noqa: PLC0415

    progress = on_progress or _no_progress
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(step: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[step] = round(now - clock, 3)
        clock = now

    doc_ids = pl.scan_parquet(comments_path).select("doc_id").collect()["doc_id"]
    n = doc_ids.len()
    # Articles whose comments are not one run of rows (a comment export in time order, say)
    # cannot be cut into article batches: then the features are computed in one batch.
    size = batch_comments if contiguous_articles(doc_ids) else max(n, 1)
    batches = list(article_batches(doc_ids, size))
    del doc_ids

    # 1. features, batch parts on workers, in order (unless the caller computed them: Spark)
    if not features_done:
        key = parts_key(comments_path, articles_path, settings.stance_reader, size)
        part_dir = parts_dir / key
        part_dir.mkdir(parents=True, exist_ok=True)
        part = lambda b: part_dir / f"features-{b:06d}.parquet"  # noqa: E731
        progress("features", 0, n)
        todo = [b for b in range(len(batches)) if not part(b).is_file()]
        sizes = [batches[b][1] - batches[b][0] for b in todo]
        done = n - sum(sizes)  # (the batches tile the comments: the rest is in finished parts)
        progress("features", done, n)
        if todo:
            jobs = [(str(comments_path), str(articles_path), *batches[b], settings.stance_reader, str(part(b))) for b in todo]
            _run_batches(
                features_part, jobs, sizes, "features", done, n,
                workers, make_executor, stop_executor, progress,
            )
        write("features", (conform(pl.read_parquet(part(b)), FEATURES) for b in range(len(batches))))
        progress("features", n, n)
    lap("features")
    features_path = features_path or comments_path.with_name("features.parquet")

    # 2. the sample: embed, fit clusters and the map, fit the keyword vocabulary
    sample = sample_rows(n, settings.cluster_sample, settings.seed)
    progress("embedding", 0, len(sample))
    rows = pl.Series("row", sample, dtype=pl.UInt32)
    sample_comments = _rows(comments_path, rows, ["comment_id", "text"])
    sample_features = _rows(features_path, rows, [*(f"score_{s}" for s in STANCES), "tags", "stance"])
    texts = sample_comments["text"].fill_null("").to_list()
    encoder = SampleEncoder(settings.representation, seed=settings.seed)
    semantic = encoder.fit([spell_out_hashtags(t) for t in texts], more_to_come=len(sample) < n)
    progress("embedding", len(sample), len(sample))
    lap("represent")
    progress("clustering", 0, len(sample))
    model, fitted = fit_sample(
        semantic,
        _scores(sample_features),
        _tag_matrix(sample_features["tags"]),
        n_total=n,
        w_semantic=settings.w_semantic,
        w_stance=settings.w_stance,
        w_rhetoric=settings.w_rhetoric,
        seed=settings.seed,
        k_min=settings.k_min,
        k_max=settings.k_max,
        k=settings.n_clusters,
        layout=settings.layout,
        umap_sample=settings.umap_sample,
        facets=_facets(sample_features),
    )
    terms = ClusterTerms(texts, fitted.k)
    del semantic, sample_features, sample_comments
    progress("clustering", len(sample), len(sample))
    lap("cluster")

    # 3. every comment, batch by batch (on the workers): the sample's labels, or assigned; words counted
    progress("assign", 0, n)
    counter = terms.counter()
    ranges = [(start, min(n, start + batch_comments)) for start in range(0, n, batch_comments)]
    jobs = []
    for start, end in ranges:
        lo, hi = np.searchsorted(sample, [start, end])
        known = Known(sample[lo:hi] - start, fitted.labels[lo:hi], fitted.centre_distance[lo:hi], fitted.xy[lo:hi])
        jobs.append((str(comments_path), str(features_path), start, end, known, model, encoder, counter))
    # (a corpus no larger than the sample has nothing to assign: no pool is worth starting)
    results = _run_batches(
        assign_part, jobs, [job[3] - job[2] for job in jobs], "assign", 0, n,
        workers if len(sample) < n else 1, make_executor, stop_executor, progress,
    )
    per_comment = []
    for frame, per_class in results:  # in batch order: the same sums whatever finished first
        terms.add_counts(per_class)
        per_comment.append(frame)
    del results, jobs
    lap("assign")

    # 4. summaries
    progress("describe", 0, n)
    frame = pl.concat(per_comment) if per_comment else _empty_per_comment()
    del per_comment
    summary = summarise_clusters(frame, terms.keywords())
    exemplar_ids = summary.select(pl.col("exemplar_ids").explode().alias("comment_id")).drop_nulls()
    clusters = frame.select(
        "comment_id",
        "cluster",
        "x",
        "y",
        pl.col("comment_id").is_in(exemplar_ids["comment_id"].implode()).alias("exemplar"),
        "doc_id",  # extra: the per-article view (see analyze's docstring)
    )
    write("clusters", conform(clusters, CLUSTERS))
    write("cluster_summary", conform(summary, CLUSTER_SUMMARY))
    progress("describe", n, n)
    lap("describe")
    counts = {"clusters": int((summary["cluster"] >= 0).sum()), "cluster_sample": int(len(sample))}
    return StreamResult(counts, timings)


def _run_batches(work, jobs: list[tuple], sizes: list[int], step: str, done: int, n: int, workers: int,
                 make_executor, stop_executor, progress: Progress) -> list:
    """`work(*job)` for every job: on a pool of `workers` processes when make_executor offers one
    and there is more than one job for it, else here. Results come back in job order (sums over
    them are the same whatever finished first); progress(step, done, n) counts each job's size.
    On an error or Ctrl-C the pool's workers end at once (stop_executor)."""
    from concurrent.futures import as_completed  # noqa: PLC0415

    results: list = [None] * len(jobs)
    pool = min(workers, len(jobs))
    executor = make_executor(pool) if make_executor and pool > 1 else None
    try:
        if executor is None:
            for j, job in enumerate(jobs):
                results[j] = work(*job)
                done += sizes[j]
                progress(step, done, n)
        else:
            futures = {executor.submit(work, *job): j for j, job in enumerate(jobs)}
            for future in as_completed(futures):
                j = futures[future]
                results[j] = future.result()
                done += sizes[j]
                progress(step, done, n)
    except BaseException:
        _stop(executor, stop_executor)
        raise
    if executor is not None:
        executor.shutdown()
    return results


def _stop(executor, stop_executor) -> None:
    if executor is None:
        return
    if stop_executor is not None:
        stop_executor(executor)
    else:
        executor.shutdown(cancel_futures=True)


@dataclass(frozen=True)
class Known:
    """The sample's own results for the rows of one batch (positions within the batch)."""

    rows: np.ndarray
    labels: np.ndarray
    distance: np.ndarray
    xy: np.ndarray


def assign_part(comments_path: str, features_path: str, start: int, end: int, known: Known, model, encoder, counter):
    """Clusters, distances and map places of comment rows [start, end): the sample's own for its
    rows (`known`), the nearest centre for the rest; and the batch's word counts per cluster.
    Returns (one small row per comment, (k, vocabulary) counts). Runs in a worker."""
    from replyscope.analyze.hashtags import spell_out_hashtags  # noqa: PLC0415

    comments = pl.scan_parquet(comments_path).select("comment_id", "doc_id", "text").slice(start, end - start).collect()
    features = (
        pl.scan_parquet(features_path)
        .select(*(f"score_{s}" for s in STANCES), "tags", "stance", "stance_confidence", "n_words")
        .slice(start, end - start)
        .collect()
    )
    size = end - start
    labels = np.zeros(size, dtype=np.int32)
    distance = np.zeros(size, dtype=np.float32)
    xy = np.zeros((size, 2), dtype=np.float32)
    labels[known.rows], distance[known.rows], xy[known.rows] = known.labels, known.distance, known.xy
    rest = np.setdiff1d(np.arange(size), known.rows)
    texts = comments["text"].fill_null("").to_list()
    if rest.size and model.k:
        rest_features = features[rest]
        labels[rest], distance[rest], xy[rest] = model.assign(
            encoder.transform([spell_out_hashtags(texts[i]) for i in rest]),
            _scores(rest_features),
            _tag_matrix(rest_features["tags"]),
            _facets(rest_features),
        )
    frame = pl.DataFrame(
        {
            "comment_id": comments["comment_id"],
            "doc_id": comments["doc_id"],
            "cluster": pl.Series(labels, dtype=pl.Int32),
            "centre_distance": pl.Series(distance, dtype=pl.Float32),
            "x": pl.Series(xy[:, 0], dtype=pl.Float32),
            "y": pl.Series(xy[:, 1], dtype=pl.Float32),
            "stance": features["stance"],
            "stance_confidence": features["stance_confidence"],
            "tags": features["tags"],
            "n_words": features["n_words"],
        }
    )
    return frame, counter.count(texts, labels)


def _rows(path: Path, rows: pl.Series, columns: list[str]) -> pl.DataFrame:
    """The given rows (sorted indices) of some columns of a Parquet table, in row order."""
    return (
        pl.scan_parquet(path)
        .select(columns)
        .with_row_index("row")
        .filter(pl.col("row").is_in(rows.implode()))
        .drop("row")
        .collect()
    )


def _empty_per_comment() -> pl.DataFrame:
    return pl.DataFrame(
        schema={
            "comment_id": pl.String, "doc_id": pl.String, "cluster": pl.Int32, "centre_distance": pl.Float32,
            "x": pl.Float32, "y": pl.Float32, "stance": pl.String, "stance_confidence": pl.Float32,
            "tags": pl.List(pl.String), "n_words": pl.Int32,
        }
    )
