"""Rhetoric tags for comments, each backed by the words that fired it.

`rhetoric_of(comments)` runs every cue family of `rhetoric.cues` over each comment and returns
[comment_id, tags, evidence]. A tag is present exactly when at least one evidence span for it
exists, so an analyst can always see why a comment was tagged: evidence offsets index into the
comment's own text and `cue == text[start:end]`.

Exact matching is a per-comment function over compiled Python regexes (some patterns need
look-arounds and back-references that Polars' regex engine lacks, and Polars gives no match
offsets). For a batch, Polars first marks which rows each family can fire in (rhetoric.prefilter),
so the Python pass only touches the few rows where a cue can be.
"""

from __future__ import annotations

import polars as pl

from replyscope.analyze.rhetoric.cues import FAMILIES, CueFamily
from replyscope.schema import EVIDENCE, RHETORIC_TAGS

# Spam or pasted walls of text can fire hundreds of cues; a handful per tag is enough for an
# analyst to check the tag, and keeps features.parquet small.
MAX_EVIDENCE_PER_TAG = 8

# Comments longer than this are analysed on their first part only, so one pasted book cannot
# stall a run (the cue families are linear, but a 1 MB comment is not a comment).
MAX_TEXT_CHARS = 20_000

_TAG_ORDER = {tag: i for i, tag in enumerate(RHETORIC_TAGS)}

RHETORIC = pl.Schema({"comment_id": pl.String, "tags": pl.List(pl.String), "evidence": pl.List(EVIDENCE)})


Cue = tuple[str, str, int, int, str]  # (tag, cue, start, end, family)


def _family_cues(fam: CueFamily, text: str, lowered: str) -> list[Cue]:
    """The cues of one family in `text`; `lowered` is `_offset_safe_lower(text)`."""
    matches = fam.folded.finditer(lowered) if fam.folded is not None else fam.pattern.finditer(text)
    found: list[Cue] = []
    for m in matches:
        start, end = m.span()
        if start == end:
            continue
        cue = text[start:end]
        if fam.accept is not None and not fam.accept(cue):
            continue
        if fam.context is not None and not fam.context(text, start, end):
            continue
        found.append((fam.tag, cue, start, end, fam.name))
    return found


def _offset_safe_lower(text: str) -> str:
    """text.lower() with the same offsets: the few letters whose lower case is two code points
    ("İ") are left as they are, so every offset into the result is an offset into `text`."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(low := ch.lower()) != 1 else low for ch in text)


def _cue_order(cue: Cue) -> tuple:
    """Text order, then schema tag order, then family name: deterministic whatever the pass order."""
    return (cue[2], cue[3], _TAG_ORDER[cue[0]], cue[4])


def cues_in(text: str, families: tuple[CueFamily, ...] = FAMILIES) -> list[Cue]:
    """Every cue that fires in `text`, in text order: (tag, cue words, start, end, family)."""
    text = text[:MAX_TEXT_CHARS]
    lowered = _offset_safe_lower(text)
    found = [cue for fam in families for cue in _family_cues(fam, text, lowered)]
    found.sort(key=_cue_order)
    return found


def _kept_cues(cues: list[Cue]) -> list[Cue]:
    """Text-ordered cues without duplicate (tag, span) and at most MAX_EVIDENCE_PER_TAG per tag."""
    kept: list[Cue] = []
    per_tag: dict[str, int] = {}
    seen: set[tuple[str, int, int]] = set()
    for cue in cues:
        tag, _, start, end, _ = cue
        key = (tag, start, end)
        if key in seen or per_tag.get(tag, 0) >= MAX_EVIDENCE_PER_TAG:
            continue
        seen.add(key)
        per_tag[tag] = per_tag.get(tag, 0) + 1
        kept.append(cue)
    return kept


def rhetoric_of_text(text: str) -> tuple[list[str], list[dict]]:
    """Sorted unique tags and their evidence ({tag, cue, start, end}) for one comment."""
    kept = _kept_cues(cues_in(text or ""))
    evidence = [{"tag": t, "cue": c, "start": s, "end": e} for t, c, s, e, _ in kept]
    return sorted({c[0] for c in kept}), evidence


def cues_by_row(texts: pl.Series, families: tuple[CueFamily, ...] = FAMILIES) -> list[list[Cue]]:
    """`cues_in` for a whole column at once: Polars finds which rows each family can fire in,
    and the exact Python pass runs only on those rows.

    (One `str.contains` per Series rather than one `select` of all of them: in a select, Polars
    2.x recompiles each regex per chunk, which made the prefilter several times slower.)
    """
    texts = texts.fill_null("").str.slice(0, MAX_TEXT_CHARS)
    lowered_col = texts.str.to_lowercase()
    values = texts.to_list()
    lowered: dict[int, str] = {}
    found: list[list[Cue]] = [[] for _ in values]
    for fam in families:
        column = lowered_col if fam.folded is not None else texts
        for row in column.str.contains(fam.polars_pattern).arg_true().to_list():
            if row not in lowered:
                lowered[row] = _offset_safe_lower(values[row])
            found[row].extend(_family_cues(fam, values[row], lowered[row]))
    for cues in found:
        if len(cues) > 1:
            cues.sort(key=_cue_order)
    return found


def rhetoric_of(comments: pl.DataFrame) -> pl.DataFrame:
    """[comment_id, tags, evidence] for each row of a COMMENTS-shaped frame (uses comment_id, text)."""
    if comments.height == 0:
        return pl.DataFrame(schema=RHETORIC)
    # Evidence is gathered flat (one row per cue) and nested by Polars: building list-of-struct
    # columns from Python dicts costs more than finding the cues.
    rows: list[int] = []
    tags: list[str] = []
    cues: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for row, row_cues in enumerate(cues_by_row(comments.get_column("text"))):
        for tag, cue, start, end, _ in _kept_cues(row_cues):
            rows.append(row)
            tags.append(tag)
            cues.append(cue)
            starts.append(start)
            ends.append(end)
    flat = pl.DataFrame(
        {"row": rows, "tag": tags, "cue": cues, "start": starts, "end": ends},
        schema={"row": pl.Int64, "tag": pl.String, "cue": pl.String, "start": pl.Int32, "end": pl.Int32},
    )
    nested = flat.group_by("row", maintain_order=True).agg(
        pl.col("tag").unique().sort().alias("tags"),
        pl.struct("tag", "cue", "start", "end").alias("evidence"),
    )
    ids = pl.DataFrame({"row": pl.int_range(0, comments.height, eager=True, dtype=pl.Int64), "comment_id": comments.get_column("comment_id")})
    out = ids.join(nested, on="row", how="left", maintain_order="left")
    return out.select(
        "comment_id",
        pl.col("tags").fill_null(pl.lit([], dtype=pl.List(pl.String))),
        pl.col("evidence").fill_null(pl.lit([], dtype=pl.List(EVIDENCE))),
    ).cast(dict(RHETORIC))
