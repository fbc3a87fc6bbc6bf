"""Describe each cluster for a person: keywords, stance mix, rhetoric, exemplars, one-line label.

Keywords are class-based TF-IDF as in BERTopic: all of a cluster's comments are treated as one
document, a word scores by how frequent it is in that cluster times log(1 + average words per
cluster / the word's frequency over all clusters), so words every cluster uses sink and words
one cluster leans on rise. Stop words are removed; so are tokens with no letters.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from replyscope.schema import CLUSTER_SUMMARY, STANCES, conform

N_KEYWORDS = 8
N_EXEMPLARS = 5
N_TOP_RHETORIC = 3
# A stance needs this share of a cluster to name it alone; otherwise the label names the top two.
DOMINANT_SHARE = 0.6
# A tag appears in the label only when this share of the cluster's comments carry it.
LABEL_TAG_SHARE = 0.2

# Words with letters, apostrophes inside allowed ("don't"), at least two characters.
_WORD_TOKEN = r"(?u)\b[^\W\d_][\w']*[^\W_]\b"
# scikit-learn's English stop words miss contractions, which fill reader comments.
_CONTRACTIONS = frozenset(
    "i'm i've i'd i'll it's don't can't won't isn't aren't wasn't weren't doesn't didn't haven't hasn't "
    "shouldn't wouldn't couldn't that's there's what's let's he's she's we're you're they're we've "
    "you've they've who's here's ain't".split()
)
# A word in more than this share of all comments (a site's hashtag, the article's own subject)
# describes none of the groups; it is left out of keywords once there are enough comments to tell.
MAX_DOC_SHARE = 0.5


def class_tfidf_keywords(texts: list[str], labels: np.ndarray, k: int, *, top: int = N_KEYWORDS) -> list[list[str]]:
    """Top c-TF-IDF words per cluster 0..k-1 (best first; ties broken alphabetically)."""
    from sklearn.feature_extraction.text import CountVectorizer  # noqa: PLC0415
    import scipy.sparse as sp  # noqa: PLC0415

    if k == 0 or not texts:
        return [[] for _ in range(k)]
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS  # noqa: PLC0415

    vectoriser = CountVectorizer(
        lowercase=True,
        preprocessor=lambda t: t.lower().replace("\u2019", "'"),  # curly apostrophes as straight
        stop_words=sorted(ENGLISH_STOP_WORDS | _CONTRACTIONS),
        token_pattern=_WORD_TOKEN,
        min_df=2 if len(texts) >= 1_000 else 1,
        max_df=MAX_DOC_SHARE if len(texts) >= 20 else 1.0,
        max_features=100_000,
        dtype=np.float32,
    )
    try:
        counts = vectoriser.fit_transform([t or "" for t in texts])
    except ValueError:  # nothing but stop words
        return [[] for _ in range(k)]
    vocab = vectoriser.get_feature_names_out()
    membership = sp.csr_matrix(
        (np.ones(len(labels), dtype=np.float32), (labels, np.arange(len(labels)))), shape=(k, len(labels))
    )
    per_class = np.asarray((membership @ counts).todense(), dtype=np.float64)  # (k, vocab)
    words_per_class = per_class.sum(1, keepdims=True)
    tf = np.divide(per_class, words_per_class, out=np.zeros_like(per_class), where=words_per_class > 0)
    average = per_class.sum() / k
    idf = np.log(1.0 + average / np.maximum(per_class.sum(0), 1e-12))
    scores = tf * idf
    out = []
    alphabetical = np.argsort(vocab, kind="stable")
    for c in range(k):
        row = scores[c, alphabetical]
        order = alphabetical[np.argsort(-row, kind="stable")]
        out.append([str(vocab[j]) for j in order[:top] if scores[c, j] > 0])
    return out


def _stance_phrase(shares: dict[str, float]) -> str:
    ranked = sorted(STANCES, key=lambda s: (-shares[s], STANCES.index(s)))
    if shares[ranked[0]] >= DOMINANT_SHARE:
        return ranked[0]
    return f"{ranked[0]}/{ranked[1]}"


def cluster_label(shares: dict[str, float], tag_shares: list[tuple[str, float]], keywords: list[str]) -> str:
    """e.g. "deny · sarcasm + rhetorical question · 'evidence', 'proof'" (never empty)."""
    parts = [_stance_phrase(shares)]
    tags = [t.replace("_", " ") for t, share in tag_shares if share >= LABEL_TAG_SHARE][:2]
    if tags:
        parts.append(" + ".join(tags))
    if keywords:
        parts.append(", ".join(f"'{w}'" for w in keywords[:3]))
    return " · ".join(parts)


def _distinctive_tags(frame: pl.DataFrame) -> dict[int, list[tuple[str, float]]]:
    """Per cluster, (tag, share of its comments) for the tags it uses more than the corpus does,
    most over-represented first.

    Why: the commonest tags of reader comments (loaded language, hedging) top every cluster's
    counts, so a label built from counts reads the same for every group; the label should say what
    sets a group apart. (`top_rhetoric` in the summary stays the plain top counts.) With one
    cluster there is nothing to set apart from, and its commonest tags are named.
    """
    n = frame.height
    per_tag = (
        frame.select("cluster", pl.col("tags").list.unique().alias("tag"))
        .explode("tag")
        .drop_nulls("tag")
        .group_by("cluster", "tag")
        .agg(pl.len().alias("n"))
        .join(frame.group_by("cluster").agg(pl.len().alias("size")), on="cluster")
        .with_columns(share=pl.col("n") / pl.col("size"))
        .with_columns(excess=pl.col("share") - pl.col("n").sum().over("tag") / n)
    )
    single = frame["cluster"].n_unique() == 1
    ranked = (per_tag if single else per_tag.filter(pl.col("excess") > 1e-9)).sort(
        ["cluster", "share" if single else "excess", "tag"], descending=[False, True, False]
    )
    out: dict[int, list[tuple[str, float]]] = {}
    for cluster, tag, share in ranked.select("cluster", "tag", "share").iter_rows():
        out.setdefault(cluster, []).append((tag, share))
    return out


def summarise_clusters(
    frame: pl.DataFrame,
    keywords: list[list[str]],
) -> pl.DataFrame:
    """CLUSTER_SUMMARY rows from one row per comment.

    `frame` columns: comment_id, doc_id, cluster, centre_distance, stance, tags. The label names
    the dominant stance, the tags that set the cluster apart (see _distinctive_tags) and its top
    keywords; `top_rhetoric` holds the plain most frequent tags. Extra output
    column: `n_articles` (how many articles the cluster's comments come from), so a report can
    tell a cross-article argument from one thread's pile-on.
    """
    if frame.height == 0:
        return conform(pl.DataFrame(schema=CLUSTER_SUMMARY).with_columns(n_articles=pl.lit(0, pl.Int32)), CLUSTER_SUMMARY)
    stance_shares = (
        frame.group_by("cluster")
        .agg(
            pl.len().cast(pl.Int32).alias("size"),
            *[(pl.col("stance") == s).mean().alias(f"share_{s}") for s in STANCES],
            pl.col("doc_id").n_unique().cast(pl.Int32).alias("n_articles"),
        )
    )
    tag_counts = (
        frame.select("cluster", pl.col("tags").alias("tag"))
        .explode("tag")
        .drop_nulls("tag")
        .group_by("cluster", "tag")
        .agg(pl.len().alias("n"))
        .sort(["cluster", "n", "tag"], descending=[False, True, False])
        .group_by("cluster", maintain_order=True)
        .agg(pl.col("tag").head(N_TOP_RHETORIC).alias("top_rhetoric"))
    )
    exemplars = (
        frame.sort(["cluster", "centre_distance", "comment_id"])
        .group_by("cluster", maintain_order=True)
        .agg(pl.col("comment_id").head(N_EXEMPLARS).alias("exemplar_ids"))
    )
    summary = (
        stance_shares.join(tag_counts, on="cluster", how="left")
        .join(exemplars, on="cluster", how="left")
        .with_columns(
            pl.col("top_rhetoric").fill_null(pl.lit([], pl.List(pl.String))),
        )
        .sort("cluster")
    )
    label_tags = _distinctive_tags(frame)
    kw = pl.Series("keywords", [keywords[c] if 0 <= c < len(keywords) else [] for c in summary["cluster"].to_list()], dtype=pl.List(pl.String))
    summary = summary.with_columns(kw)
    # One label per cluster: k is small (a handful), so a plain loop over clusters is the clear way.
    labels = []
    for row in summary.iter_rows(named=True):
        shares = {s: row[f"share_{s}"] for s in STANCES}
        labels.append(cluster_label(shares, label_tags.get(row["cluster"], []), row["keywords"]))
    summary = summary.with_columns(pl.Series("label", labels, dtype=pl.String))
    return conform(summary, CLUSTER_SUMMARY)
