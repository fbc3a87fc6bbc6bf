"""The tables between stages: their columns and types, in one place.

Every stage takes and returns Polars frames with exactly these schemas, and the run directory
stores each as Parquet. Stages never reach into each other's internals; these frames are the
interface. `conform` casts a frame to its schema so a stage's output is checked where it is made.
"""

from __future__ import annotations

import polars as pl

# Roles a segment of page text can take (DESIGN.md, "Roles a segment can take").
ROLES: tuple[str, ...] = (
    "title",
    "byline",
    "body",
    "quote",
    "boilerplate",
    "comment_header",
    "comment_body",
    "comment_chrome",
)

STANCES: tuple[str, ...] = ("support", "deny", "query", "comment")
# A side (support / deny / query) held with less stance confidence than this is "unsure": cluster
# labels do not name it as a group's side, and the report counts how many comments clear it.
SURE_STANCE_CONFIDENCE = 0.5

# Status of one input document in the run. Every input document appears in documents.parquet
# and in the manifest with one of these.
DOC_STATUSES: tuple[str, ...] = (
    "ok",  # read and split
    "empty",  # read, but no text after decoding (recorded skip)
    "skipped",  # left out by a rule (hidden, unsupported kind, binary, too big, no text...), reason in `error`
    "failed",  # broken or unreadable input (malformed row, permission, link loop) or a split error, reason in `error`
)

DOCUMENTS = pl.Schema(
    {
        "doc_id": pl.String,  # stable id: hash of source path + source_id
        "source": pl.String,  # the input file the document came from
        "source_id": pl.String,  # the input's own id (row id column, or the file name in a folder)
        "url": pl.String,
        "site": pl.String,  # host of the url, "" when unknown
        "title": pl.String,
        "text": pl.String,  # decoded, mojibake-repaired text; offsets below index into it
        "n_chars": pl.Int64,
        "encoding": pl.String,  # how the bytes were decoded ("utf-8", "cp1252", "latin-1", "" for already-str)
        "status": pl.String,  # one of DOC_STATUSES
        "error": pl.String,  # the reason when status != "ok", else ""
        # HTML inputs only (null for text): the decoded markup the split reads the DOM from (`text`
        # is this markup rendered to text by replyscope.html.render), and the WARC-Date of a crawl.
        "html": pl.String,
        "crawled_at": pl.Datetime("us"),
    }
)

SEGMENTS = pl.Schema(
    {
        "doc_id": pl.String,
        "seg_no": pl.Int32,  # 0.. in text order
        "start": pl.Int64,  # char offsets into documents.text, [start, end)
        "end": pl.Int64,
        "role": pl.String,  # one of ROLES
    }
)

ARTICLES = pl.Schema(
    {
        "doc_id": pl.String,
        "title": pl.String,
        "body": pl.String,  # the article body text (body + quote segments, joined)
        "n_comments": pl.Int32,
    }
)

COMMENTS = pl.Schema(
    {
        "comment_id": pl.String,  # f"{doc_id}-{position:04d}"
        "doc_id": pl.String,
        "position": pl.Int32,  # 0.. in page order
        "parent_id": pl.String,  # comment_id of the comment replied to, null for top level
        "depth": pl.Int32,  # 0 for top level
        "author": pl.String,  # "" when the page shows none
        "posted_raw": pl.String,  # the time as the page wrote it, "" when none
        "posted_at": pl.Datetime("us"),  # parsed, null when unparseable or relative ("3 years ago")
        "text": pl.String,  # the comment's own words (no header, no chrome)
        "start": pl.Int64,  # offsets in documents.text of the span `text` is cut from (action rows
        # inside the span, such as "Reply" over a reply whose header was not read, are left out of `text`)
        "end": pl.Int64,
    }
)

EVIDENCE = pl.Struct(
    {
        "tag": pl.String,
        "cue": pl.String,  # the words that fired the tag, as they appear in the comment
        "start": pl.Int32,  # offsets into comments.text
        "end": pl.Int32,
    }
)

FEATURES = pl.Schema(
    {
        "comment_id": pl.String,
        "stance": pl.String,  # one of STANCES
        "score_support": pl.Float64,  # scores sum to 1
        "score_deny": pl.Float64,
        "score_query": pl.Float64,
        "score_comment": pl.Float64,
        "tags": pl.List(pl.String),  # rhetoric tags (RHETORIC_TAGS), sorted, unique
        "evidence": pl.List(EVIDENCE),  # one entry per cue that fired, every tag has >= 1
        "sentiment": pl.Float64,  # VADER compound, -1..1
        "n_chars": pl.Int32,
        "n_words": pl.Int32,
        # How sure the stance is (the chosen stance's score; about that share of comments with
        # this score are right, see `replyscope eval stance`) and the words that decided it
        # (tag = the stance; empty for comment), offsets into comments.text as for rhetoric.
        "stance_confidence": pl.Float64,
        "stance_evidence": pl.List(EVIDENCE),
    }
)

RHETORIC_TAGS: tuple[str, ...] = (
    "sarcasm",
    "rhetorical_question",
    "loaded_language",  # name-calling / loaded language
    "conspiracy",
    "appeal_to_precedent",
    "told_you_so",
    "whataboutism",
    "call_to_action",
    "emphasis",
    "hedging",
    "evidence_link",
    "personal_anecdote",
    "praise_thanks",
    "profanity_insult",
    "us_vs_them",
)

CLUSTERS = pl.Schema(
    {
        "comment_id": pl.String,
        "cluster": pl.Int32,  # -1 = not in any cluster
        "x": pl.Float32,  # 2-D map layout
        "y": pl.Float32,
        "exemplar": pl.Boolean,  # among the comments nearest its cluster's centre
    }
)

CLUSTER_SUMMARY = pl.Schema(
    {
        "cluster": pl.Int32,
        "size": pl.Int32,
        "label": pl.String,  # one line a person reads at a glance
        "keywords": pl.List(pl.String),  # c-TF-IDF, best first
        "share_support": pl.Float64,
        "share_deny": pl.Float64,
        "share_query": pl.Float64,
        "share_comment": pl.Float64,
        "top_rhetoric": pl.List(pl.String),  # most frequent tags, most first
        "exemplar_ids": pl.List(pl.String),  # 3-5 comment_ids nearest the centre
    }
)

# --- across pages (stage `across`, src/replyscope/across/) ---

CAMPAIGNS = pl.Schema(
    {
        "campaign_id": pl.Int32,  # 0.. largest first
        "comment_id": pl.String,
        "doc_id": pl.String,
        "similarity": pl.Float64,  # estimated Jaccard (word 3-shingles) to the campaign's most posted version
    }
)

CAMPAIGN_SUMMARY = pl.Schema(
    {
        "campaign_id": pl.Int32,
        "size": pl.Int32,  # posts
        "pages": pl.Int32,
        "sites": pl.Int32,
        "authors": pl.Int32,  # distinct display names (not proof of distinct people)
        "site_list": pl.List(pl.String),
        "first_posted": pl.Datetime("us"),  # null when no post carries a parseable time
        "last_posted": pl.Datetime("us"),
        "span_hours": pl.Float64,
        "mean_similarity": pl.Float64,
        "representative_id": pl.String,  # comment_id of the version posted most often
        "text": pl.String,  # that version's text
    }
)

COMMENTERS = pl.Schema(
    {
        "author": pl.String,  # normalised display name (case, spacing, a leading @ folded)
        "display_names": pl.List(pl.String),  # the spellings seen
        "comments": pl.Int32,
        "articles": pl.Int32,
        "sites": pl.Int32,
        "site_list": pl.List(pl.String),
        "first_seen": pl.Datetime("us"),
        "last_seen": pl.Datetime("us"),
        "share_support": pl.Float64,
        "share_deny": pl.Float64,
        "share_query": pl.Float64,
        "share_comment": pl.Float64,
        "top_rhetoric": pl.List(pl.String),  # most frequent tags, most first
    }
)

SYNDICATION = pl.Schema(
    {
        "doc_id": pl.String,
        "syndication_group": pl.Int32,  # 0.., pages carrying the same piece
        "similarity": pl.Float64,  # containment of the shorter body in this one's closest copy, 0..1
    }
)

TABLES: dict[str, pl.Schema] = {
    "documents": DOCUMENTS,
    "segments": SEGMENTS,
    "articles": ARTICLES,
    "comments": COMMENTS,
    "features": FEATURES,
    "clusters": CLUSTERS,
    "cluster_summary": CLUSTER_SUMMARY,
    "campaigns": CAMPAIGNS,
    "campaign_summary": CAMPAIGN_SUMMARY,
    "commenters": COMMENTERS,
    "syndication": SYNDICATION,
}
# The tables the across stage writes (across.stage), in the order it computes them.
ACROSS_TABLES = ("syndication", "campaigns", "campaign_summary", "commenters")


def empty(schema: pl.Schema) -> pl.DataFrame:
    """An empty frame with the schema, for stages that have nothing to say."""
    return pl.DataFrame(schema=schema)


def conform(frame: pl.DataFrame, schema: pl.Schema) -> pl.DataFrame:
    """Select and cast `frame` to `schema`, failing loudly on a missing column.

    Extra columns are kept after the schema's own, so a stage may add detail without breaking
    the contract (for example per-tag boolean columns in features).
    """
    missing = [name for name in schema.names() if name not in frame.columns]
    if missing:
        raise ValueError(f"frame is missing columns {missing}; has {frame.columns}")
    extra = [c for c in frame.columns if c not in schema]
    return frame.select(
        [pl.col(name).cast(dtype) for name, dtype in schema.items()] + [pl.col(c) for c in extra]
    )
