"""Schema-conformant run directories for report tests, built from pages written here.

`write_run(run_dir, pages)` lays each `Page` out as plain text (title, body, boilerplate, then a
Disqus-like comment list), records the segment map and comment offsets exactly as it writes
them, and fakes the analysis stages with simple, deterministic rules (stance and tags from cue
words, evidence spans where the cue sits, clusters by stance with a jittered 2-D layout), so the
report can be tested without the other stages.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import polars as pl

from replyscope.rundir import write_table
from replyscope.schema import STANCES, TABLES


@dataclass
class Reply:
    author: str
    text: str
    posted: str = ""  # as the page writes it
    reply_to: int | None = None  # index of the replied-to comment on the same page


@dataclass
class Page:
    title: str
    body: list[str]
    comments: list[Reply] = field(default_factory=list)
    url: str = ""
    site: str = ""
    boilerplate: list[str] = field(default_factory=list)
    status: str = "ok"
    error: str = ""


# Cue words -> (tag, stance hint). Written for these fixtures, not mined from any corpus.
CUES: list[tuple[str, str, str | None]] = [
    (r"\bwhy\b[^?]*\?", "rhetorical_question", "query"),
    (r"\bsource\?|\bany evidence\b", "rhetorical_question", "query"),
    (r"\bhttps?://\S+", "evidence_link", "support"),
    (r"\bthank(s| you)\b", "praise_thanks", "support"),
    (r"\bexactly right\b|\bwell said\b|\bagree\b", "praise_thanks", "support"),
    (r"\bwrong\b|\bnonsense\b|\bnot true\b", "loaded_language", "deny"),
    (r"\bcover[- ]up\b|\bthey don't want you\b", "conspiracy", "deny"),
    (r"\bworked so well\b", "appeal_to_precedent", "deny"),
    (r"\btold you so\b|\bcalled it\b", "told_you_so", None),
    (r"\bwhat about\b", "whataboutism", "deny"),
    (r"\bwrite to your\b|\bcall your\b", "call_to_action", "support"),
    (r"[A-Z]{4,}", "emphasis", None),
    (r"\bmaybe\b|\bperhaps\b", "hedging", None),
    (r"\bmy (father|mother|neighbour|neighbor)\b|\bi worked\b", "personal_anecdote", "comment"),
    (r"\bthey\b.*\bus\b", "us_vs_them", None),
]


def doc_id_for(n: int) -> str:
    return hashlib.sha256(f"fixture-{n}".encode()).hexdigest()[:16]


def layout(page: Page) -> tuple[str, list[tuple[int, int, str]], list[tuple[int, int]]]:
    """The page's text, its segments (start, end, role) and each comment's (start, end)."""
    parts: list[tuple[str, str]] = [(page.title + "\n\n", "title")]
    for para in page.body:
        parts.append((para + "\n\n", "body"))
    for line in page.boilerplate:
        parts.append((line + "\n\n", "boilerplate"))
    comment_parts: list[int] = []
    if page.comments:
        parts.append((f"{len(page.comments)} Comments\n\n", "comment_chrome"))
    for reply in page.comments:
        indent = "    " if reply.reply_to is None else "        "
        header = f"{indent[:-2]}• {reply.author}\n" + (f"{indent}{reply.posted}\n" if reply.posted else "") + f"\n{indent}"
        parts.append((header, "comment_header"))
        comment_parts.append(len(parts))
        parts.append((reply.text, "comment_body"))
        parts.append((f"\n{indent}Reply\n\n", "comment_chrome"))
    text, segments, pos = "", [], 0
    for piece, role in parts:
        segments.append((pos, pos + len(piece), role))
        text += piece
        pos += len(piece)
    spans = [(segments[i][0], segments[i][1]) for i in comment_parts]
    return text, segments, spans


def _analyse(text: str) -> tuple[str, list[str], list[dict]]:
    evidence, votes = [], []
    for pattern, tag, stance in CUES:
        match = re.search(pattern, text, flags=0 if tag == "emphasis" else re.IGNORECASE)
        if match:
            evidence.append({"tag": tag, "cue": match.group(0), "start": match.start(), "end": match.end()})
            if stance:
                votes.append(stance)
    stance = max(STANCES, key=lambda s: (votes.count(s), s == "comment")) if votes else "comment"
    return stance, sorted({e["tag"] for e in evidence}), sorted(evidence, key=lambda e: e["start"])


def _posted_at(raw: str) -> datetime | None:
    try:
        return datetime.strptime(raw, "%Y-%m-%d %H:%M")
    except ValueError:
        return None


def write_run(run_dir: Path, pages: list[Page], *, manifest_extra: dict | None = None, labels: dict[int, str] | None = None) -> Path:
    """Write every table and manifest.json for `pages` into run_dir; return run_dir.

    `labels` replaces the label of those clusters (and leads their keywords), to test label text.
    """
    run_dir.mkdir(parents=True, exist_ok=True)
    docs, segs, arts, comms, feats, clus = [], [], [], [], [], []
    for n, page in enumerate(pages):
        did = doc_id_for(n)
        text, segments, spans = layout(page) if page.status == "ok" else ("", [], [])
        docs.append(
            {"doc_id": did, "source": "fixture", "source_id": f"page{n:03d}.txt", "url": page.url, "site": page.site,
             "title": page.title, "text": text, "n_chars": len(text), "encoding": "utf-8",
             "status": page.status, "error": page.error}
        )
        if page.status != "ok":
            continue
        segs += [{"doc_id": did, "seg_no": k, "start": s, "end": e, "role": r} for k, (s, e, r) in enumerate(segments)]
        arts.append({"doc_id": did, "title": page.title, "body": "\n\n".join(page.body), "n_comments": len(page.comments)})
        for pos, (reply, (start, end)) in enumerate(zip(page.comments, spans, strict=True)):
            cid = f"{did}-{pos:04d}"
            stance, tags, evidence = _analyse(reply.text)
            comms.append(
                {"comment_id": cid, "doc_id": did, "position": pos,
                 "parent_id": None if reply.reply_to is None else f"{did}-{reply.reply_to:04d}",
                 "depth": 0 if reply.reply_to is None else 1, "author": reply.author, "posted_raw": reply.posted,
                 "posted_at": _posted_at(reply.posted), "text": reply.text, "start": start, "end": end}
            )
            scores = {s: (0.7 if s == stance else 0.1) for s in STANCES}
            feats.append(
                {"comment_id": cid, "stance": stance, **{f"score_{s}": v for s, v in scores.items()},
                 "tags": tags, "evidence": evidence, "sentiment": 0.5 if stance == "support" else -0.4 if stance == "deny" else 0.0,
                 "n_chars": len(reply.text), "n_words": len(reply.text.split())}
            )
            k = STANCES.index(stance)
            angle = 2 * math.pi * k / len(STANCES)
            jitter = int(hashlib.sha256(cid.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
            clus.append(
                {"comment_id": cid, "cluster": k, "x": 5 * math.cos(angle) + jitter, "y": 5 * math.sin(angle) + 2 * jitter,
                 "exemplar": pos % 3 == 0}
            )
    tables = {
        "documents": pl.DataFrame(docs, schema=TABLES["documents"]),
        "segments": pl.DataFrame(segs, schema=TABLES["segments"]),
        "articles": pl.DataFrame(arts, schema=TABLES["articles"]),
        "comments": pl.DataFrame(comms, schema=TABLES["comments"]),
        "features": pl.DataFrame(feats, schema=TABLES["features"]),
        "clusters": pl.DataFrame(clus, schema=TABLES["clusters"]),
    }
    summary = summarise(tables["features"], tables["clusters"], tables["comments"])
    if labels:
        summary = pl.DataFrame(
            [{**row, "label": labels.get(row["cluster"], row["label"]),
              "keywords": ([labels[row["cluster"]]] if row["cluster"] in labels else []) + row["keywords"]}
             for row in summary.to_dicts()],
            schema=TABLES["cluster_summary"],
        )
    tables["cluster_summary"] = summary
    for name, frame in tables.items():
        write_table(run_dir, name, frame)
    manifest = {
        "replyscope": "test", "created": "2026-01-02T03:04:05+00:00", "settings": {"seed": 0},
        "inputs": [{"path": "fixture", "size": 0, "sha256": ""}],
        "counts": {"documents": len(docs), "comments": len(comms)},
        **(manifest_extra or {}),
    }
    (run_dir / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return run_dir


def summarise(features: pl.DataFrame, clusters: pl.DataFrame, comments: pl.DataFrame) -> pl.DataFrame:
    """cluster_summary from the fake clusters: label from the stance, keywords from frequent words."""
    joined = clusters.join(features, on="comment_id").join(comments.select("comment_id", "text"), on="comment_id")
    rows = []
    for (cluster,), group in joined.group_by("cluster", maintain_order=True):
        stance = STANCES[cluster]
        words = group["text"].str.to_lowercase().str.extract_all(r"[a-z]{5,}").explode().drop_nulls()
        keywords = words.value_counts(sort=True).head(6)[words.name].to_list()
        tags = group["tags"].explode().drop_nulls().value_counts(sort=True).head(3)["tags"].to_list()
        rows.append(
            {"cluster": cluster, "size": group.height, "label": f"{stance.title()}: " + ", ".join(keywords[:3]),
             "keywords": keywords, **{f"share_{s}": float((group["stance"] == s).mean()) for s in STANCES},
             "top_rhetoric": tags, "exemplar_ids": group.filter("exemplar")["comment_id"].head(3).to_list()}
        )
    return pl.DataFrame(rows, schema=TABLES["cluster_summary"])


# --- pages written for these tests -------------------------------------------------------------

HARBOUR_BRIDGE = Page(
    title="Council approves toll for the new harbour bridge",
    url="https://news.example.org/city/harbour-bridge-toll",
    site="news.example.org",
    body=[
        "The city council voted 7 to 4 on Tuesday to charge a two-dollar toll on the harbour bridge when it opens next spring.",
        "Supporters said the toll would repay the construction bonds within twelve years; opponents called it a tax on commuters from the east side.",
        "The mayor said the fee would be reviewed after the first year of traffic counts.",
    ],
    boilerplate=["Sign up for our morning newsletter", "Share this story: Facebook | Twitter | Email"],
    comments=[
        Reply("Marta K.", "Thanks for the clear write-up. Tolls on new bridges are normal and the bonds have to be paid.", "2026-01-05 08:12"),
        Reply("eastsider42", "Why should people who can't afford to live downtown pay the most for this?", "2026-01-05 08:40"),
        Reply("Dan", "This is nonsense. The budget already had money for it, they just want more.", "2026-01-05 09:02"),
        Reply("Marta K.", "Perhaps, but the budget line was for the approach roads, not the span itself.", "2026-01-05 09:15", reply_to=2),
        Reply("R. Oduya", "My father drove a toll bridge every day for thirty years. It worked so well they never removed it.", "2026-01-05 10:30"),
        Reply("civic_minded", "Call your councillor before the review. Details at https://council.example.org/agenda", "2026-01-05 11:00"),
    ],
)

LIBRARY_HOURS = Page(
    title="Library branches to open on Sundays",
    url="https://news.example.org/city/library-sundays",
    site="news.example.org",
    body=["Four branches will open from noon to five on Sundays starting in March, the library board announced."],
    comments=[
        Reply("bookworm", "Well said and about time. Thank you to the staff who pushed for this.", "2026-02-01 12:00"),
        Reply("Tom", "What about the branches in the north end? They close at six on weekdays.", "2026-02-01 12:30"),
        Reply("Lee", "I agree, Sunday is the only day many families can go.", "3 days ago"),
    ],
)

NO_COMMENTS = Page(
    title="Weather: a mild week ahead",
    url="https://weather.example.net/week",
    site="weather.example.net",
    body=["Expect highs near twelve degrees and light rain on Thursday.", "Winds ease by the weekend."],
    boilerplate=["Advertisement"],
)

FAILED = Page(title="", body=[], status="skipped", error="binary content (PNG header)")

PAGES: list[Page] = [HARBOUR_BRIDGE, LIBRARY_HOURS, NO_COMMENTS, FAILED]
