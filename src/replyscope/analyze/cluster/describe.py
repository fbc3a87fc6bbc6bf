"""Describe each cluster for a person: keywords, stance mix, rhetoric, exemplars, one-line label.

Keywords are what is distinctive about a cluster, by lift over the whole corpus: all of a
cluster's comments are treated as one document, and a word scores p(w | cluster) *
log(p(w | cluster) / p(w | corpus)) (its share of the cluster's contribution to the KL divergence
from the corpus), so words every cluster uses as often as the corpus does score zero ("people",
"just") and words one cluster leans on rise. Stop words of every language the corpus is written
in are removed (stopwordsiso lists; a language counts as present when its own function words
make up a visible share of the corpus's tokens), and so are tokens with no letters.

A cluster whose side-taking comments are mostly unsure (stance confidence below
schema.SURE_STANCE_CONFIDENCE, the threshold the report counts by too) is labelled "stance unsure" rather than given a side it does not clearly hold.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import polars as pl

from replyscope.analyze.cluster.kmeans import MIN_GROUP
from replyscope.schema import CLUSTER_SUMMARY, STANCES, SURE_STANCE_CONFIDENCE, conform

N_KEYWORDS = 8
N_EXEMPLARS = 5
# A cluster's exemplars are the comments nearest its centre that have at least this many words,
# when it has enough of them. Why: short texts ("Thanks!", an icon glyph the page left behind)
# embed near the middle of everything, so the centre of a big cluster is where they gather, and a
# card whose examples say nothing tells the analyst nothing about what the group argues.
EXEMPLAR_MIN_WORDS = 6
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
# A language's stop words are removed when its own (not also English) stop words make up at least
# this share of the corpus's tokens: Spanish "que", "la" in a Spanish thread, and no German "die"
# removed from an English one.
LANGUAGE_SHARE = 0.02
LANGUAGE_MIN_WORDS = 5  # ...and at least this many different ones occur (one shared spelling is no language)
# ...or when a group's worth of comments (cluster.kmeans.MIN_GROUP) is written in it: a comment is
# in a language when at least LANGUAGE_COMMENT_WORDS different of its own stop words make up a
# quarter of its words (function words are a third to a half of running text in any language).
# Why: comments in a second language gather in one group, and that group's "distinctive" words
# were the language's function words ('en', 'el', 'le', 'por' on Dragnet dev, 27 Spanish and 12
# French comments of 6,392: far under the corpus share).
LANGUAGE_COMMENT_SHARE = 0.25
LANGUAGE_COMMENT_WORDS = 3
# A word in more than this share of all comments (a site's hashtag, the article's own subject)
# describes none of the groups; it is left out of keywords once there are enough comments to tell.
MAX_DOC_SHARE = 0.5


def class_tfidf_keywords(texts: list[str], labels: np.ndarray, k: int, *, top: int = N_KEYWORDS) -> list[list[str]]:
    """Top c-TF-IDF words per cluster 0..k-1 (best first; ties broken alphabetically)."""
    return ClusterTerms(texts, k, labels=labels).keywords(top=top)


class ClusterTerms:
    """Per-cluster word counts accumulated batch by batch, for c-TF-IDF keywords of a corpus too
    large to hold: the vocabulary (stop words, min/max document share) is fitted on `texts` (the
    whole corpus, or a seeded sample of it), then `add` counts any batch's words per cluster.
    With the whole corpus as `texts`, keywords() is class_tfidf_keywords on it; pass its `labels`
    to count it in the same pass as the vocabulary is fitted (one tokenisation, not two)."""

    def __init__(self, texts: list[str], k: int, *, labels: np.ndarray | None = None) -> None:
        from sklearn.feature_extraction.text import CountVectorizer  # noqa: PLC0415

        self.k = k
        self.vectoriser = None
        self.vocab: np.ndarray = np.zeros(0, dtype=object)
        if k == 0 or not texts:
            return
        vectoriser = CountVectorizer(
            lowercase=True,
            preprocessor=_keyword_text,  # curly apostrophes as straight; no links or @handles
            stop_words=sorted(_stop_words_as_tokens(corpus_stop_words(texts))),
            token_pattern=_WORD_TOKEN,
            min_df=2 if len(texts) >= 1_000 else 1,
            max_df=MAX_DOC_SHARE if len(texts) >= 20 else 1.0,
            max_features=100_000,
            dtype=np.float32,
        )
        docs = [t or "" for t in texts]
        try:
            counts = vectoriser.fit_transform(docs) if labels is not None else vectoriser.fit(docs)
        except ValueError:  # nothing but stop words
            return
        self.vectoriser = vectoriser
        self.vocab = vectoriser.get_feature_names_out()
        self.per_class = np.zeros((k, len(self.vocab)), dtype=np.float64)
        if labels is not None:
            self.per_class += _per_class(counts, labels, k)

    def add(self, texts: list[str], labels: np.ndarray) -> None:
        """Count the words of `texts` (cluster `labels`, 0..k-1) into their clusters."""
        self.add_counts(self.counter().count(texts, labels))

    def counter(self) -> TermCounter:
        """What counts a batch's words per cluster without the running totals (small to pickle,
        for worker processes)."""
        return TermCounter(self.vectoriser, self.k)

    def add_counts(self, per_class: np.ndarray | None) -> None:
        if per_class is not None and self.vectoriser is not None:
            self.per_class += per_class

    def keywords(self, *, top: int = N_KEYWORDS) -> list[list[str]]:
        """Top words per cluster 0..k-1 by lift over the corpus (see the module docstring)."""
        if self.vectoriser is None:
            return [[] for _ in range(self.k)]
        per_class, vocab = self.per_class, self.vocab
        words_per_class = per_class.sum(1, keepdims=True)
        tf = np.divide(per_class, words_per_class, out=np.zeros_like(per_class), where=words_per_class > 0)
        corpus = per_class.sum(0) / max(per_class.sum(), 1e-12)
        # Lift over the corpus, smoothed by half a count so a word seen once is not "infinitely" distinctive.
        smoothed = (per_class + 0.5) / (words_per_class + 0.5 * per_class.shape[1])
        lift = np.log(np.divide(smoothed, corpus[None, :], out=np.ones_like(smoothed), where=corpus[None, :] > 0))
        scores = np.where(per_class > 0, tf * np.clip(lift, 0.0, None), 0.0)
        out = []
        alphabetical = np.argsort(vocab, kind="stable")
        for c in range(self.k):
            row = scores[c, alphabetical]
            order = alphabetical[np.argsort(-row, kind="stable")]
            out.append([str(vocab[j]) for j in order[:top] if scores[c, j] > 0])
        return out


class TermCounter:
    """(k, vocabulary) word counts per cluster of one batch, with a fitted ClusterTerms vocabulary."""

    def __init__(self, vectoriser, k: int) -> None:
        self.vectoriser = vectoriser
        self.k = k

    def count(self, texts: list[str], labels: np.ndarray) -> np.ndarray | None:
        if self.vectoriser is None or not len(texts):
            return None
        return _per_class(self.vectoriser.transform([t or "" for t in texts]), labels, self.k)


def _per_class(counts, labels: np.ndarray, k: int) -> np.ndarray:
    """(k, vocabulary) sums of a (texts, vocabulary) count matrix's rows by cluster label."""
    import scipy.sparse as sp  # noqa: PLC0415

    labels = np.asarray(labels)
    membership = sp.csr_matrix((np.ones(len(labels), dtype=np.float32), (labels, np.arange(len(labels)))), shape=(k, len(labels)))
    return np.asarray((membership @ counts).todense(), dtype=np.float64)


# Links and @handles name where a comment points and whom it answers, not what it argues: in a
# reply thread every group's "distinctive" words were otherwise the handles of its busiest
# posters and "https" (measured on the RumourEval threads laid out as pages).
_LINK_OR_HANDLE = re.compile(r"https?://\S+|www\.\S+|(?<![\w@])@\w+")


def _keyword_text(text: str) -> str:
    """The text keywords are counted in: lower case, curly apostrophes straight, no links or handles."""
    return _LINK_OR_HANDLE.sub(" ", text.lower().replace("\u2019", "'"))


def corpus_stop_words(texts: list[str]) -> frozenset[str]:
    """English stop words (with contractions), plus those of any other language the corpus uses."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS  # noqa: PLC0415

    words = ENGLISH_STOP_WORDS | _CONTRACTIONS
    try:
        import stopwordsiso  # noqa: PLC0415
    except ImportError:  # pragma: no cover - a declared dependency; English only without it
        return frozenset(words)
    english = frozenset(stopwordsiso.stopwords("en"))
    words = words | english
    per_text = [re.findall(r"[^\W\d_]+", (t or "").lower()) for t in texts[:20_000]]
    counts: Counter[str] = Counter()
    for toks in per_text:
        counts.update(toks)
    n_tokens = sum(counts.values())
    if not n_tokens:
        return frozenset(words)
    own = {lang: stopwordsiso.stopwords(lang) - english for lang in sorted(stopwordsiso.langs()) if lang != "en"}
    written_in = _comments_by_language(per_text, own)
    for lang, lang_words in own.items():
        seen = [w for w in lang_words if w in counts]
        if len(seen) >= LANGUAGE_MIN_WORDS and sum(counts[w] for w in seen) >= LANGUAGE_SHARE * n_tokens:
            words = words | lang_words
        elif written_in[lang] >= MIN_GROUP:
            words = words | lang_words
    return frozenset(words)


def _comments_by_language(per_text: list[list[str]], own: dict[str, frozenset[str]]) -> Counter[str]:
    """How many comments (token lists) are written in each language of `own` (its stop words
    not also English): see LANGUAGE_COMMENT_SHARE."""
    owners: dict[str, list[str]] = {}
    for lang, lang_words in own.items():
        for w in lang_words:
            owners.setdefault(w, []).append(lang)
    out: Counter[str] = Counter()
    for toks in per_text:
        hits = [w for w in toks if w in owners]
        if len(hits) < LANGUAGE_COMMENT_WORDS or len(hits) < LANGUAGE_COMMENT_SHARE * len(toks):
            continue
        by_lang: dict[str, set[str]] = {}
        for w in hits:
            for lang in owners[w]:
                by_lang.setdefault(lang, set()).add(w)
        for lang, distinct in by_lang.items():
            n_own = sum(1 for w in hits if w in distinct)
            if len(distinct) >= LANGUAGE_COMMENT_WORDS and n_own >= LANGUAGE_COMMENT_SHARE * len(toks):
                out[lang] += 1
    return out


def _stop_words_as_tokens(words: frozenset[str]) -> set[str]:
    """Stop words as the tokenizer sees them (lists hold "himself" but also fragments and
    phrases; only whole tokens can match), so sklearn has nothing to warn about."""
    token = re.compile(_WORD_TOKEN)
    return {w for w in words if token.fullmatch(w)}


def _stance_phrase(shares: dict[str, float], sureness: dict[str, float] | None = None) -> str:
    ranked = sorted(STANCES, key=lambda s: (-shares[s], STANCES.index(s)))
    top = ranked[0] if shares[ranked[0]] >= DOMINANT_SHARE else f"{ranked[0]}/{ranked[1]}"
    sides = [s for s in ranked[:1 if "/" not in top else 2] if s != "comment"]
    if sureness is not None and sides and all(sureness.get(s, 1.0) < SURE_STANCE_CONFIDENCE for s in sides):
        return f"stance unsure (leans {top})"
    return top


def cluster_label(
    shares: dict[str, float],
    tag_shares: list[tuple[str, float]],
    keywords: list[str],
    sureness: dict[str, float] | None = None,
) -> str:
    """e.g. "deny · sarcasm + rhetorical question · 'evidence', 'proof'" (never empty).

    `sureness`: per stance, the mean confidence of the cluster's comments with that stance; a side
    they hold unsurely is named as "stance unsure (leans ...)"."""
    parts = [_stance_phrase(shares, sureness)]
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

    `frame` columns: comment_id, doc_id, cluster, centre_distance, stance, tags (and, when
    present, stance_confidence, which lets the label say a side is unsure, and n_words, which
    keeps near-empty comments from being exemplars: see EXEMPLAR_MIN_WORDS). The label names
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
    too_short = (pl.col("n_words") < EXEMPLAR_MIN_WORDS) if "n_words" in frame.columns else pl.lit(False)
    exemplars = (
        frame.with_columns(too_short=too_short)
        .sort(["cluster", "too_short", "centre_distance", "comment_id"])
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
    sure: dict[int, dict[str, float]] = {}
    if "stance_confidence" in frame.columns:
        for cluster, stance, conf in (
            frame.group_by("cluster", "stance").agg(pl.col("stance_confidence").mean()).iter_rows()
        ):
            sure.setdefault(cluster, {})[stance] = conf if conf is not None else 0.0
    # One label per cluster: k is small (a handful), so a plain loop over clusters is the clear way.
    labels = []
    for row in summary.iter_rows(named=True):
        shares = {s: row[f"share_{s}"] for s in STANCES}
        labels.append(cluster_label(shares, label_tags.get(row["cluster"], []), row["keywords"], sure.get(row["cluster"]) if sure else None))
    summary = summary.with_columns(pl.Series("label", labels, dtype=pl.String))
    return conform(summary, CLUSTER_SUMMARY)
