"""Does campaign detection find injected copy-paste families among real comments, and nothing else?
`replyscope eval campaigns`.

Real comments (SFU Globe and Mail reader comments under their 10 articles, RumourEval replies
under their source posts, read from ../shared at run time, never stored) are split in two halves
by a hash of their text: tune on one, confirm on the other. From a half, `n_comments` distinct
comments stay under their own pages; then `families` other comments of that half (at least 12
words) are each posted under `copies` different pages, every copy with one or two light edits
(a changed word, a greeting, a hashtag, its case or punctuation changed), by a different name.

Scores: a family is found when one campaign holds >= copies - 1 of its posts and no post of
another family; false campaigns are those that hold no injected post.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import polars as pl

from replyscope.across.campaigns import CampaignSettings, find_campaigns
from replyscope.bench import SHARED_CORPORA

LABELED = SHARED_CORPORA / "labeled"

# Light edits a copy-paster makes, in this project's own words.
_GREETINGS = ("Hi all, ", "Hello everyone! ", "Dear readers, ", "Folks, ", "Hey guys - ", "Friends: ")
_HASHTAGS = (" #truth", " #WakeUp", " #news", " #StopTheLies", " #share")
_SWAPS = ("really", "truly", "clearly", "simply", "totally", "certainly", "plainly")


def _half(text: str) -> str:
    return "a" if hashlib.blake2b(text.encode(), digest_size=2).digest()[0] % 2 == 0 else "b"


def real_comments(labeled: Path = LABELED) -> pl.DataFrame:
    """(text, page, page_text, source): SFU comments by article, RumourEval replies by thread."""
    sfu = pl.read_csv(labeled / "sfu-constructiveness-toxicity.csv", infer_schema=False).select(
        text=pl.col("comment"), page=pl.lit("sfu:") + pl.col("url"), page_text=pl.col("title"), source=pl.lit("sfu")
    )
    rows = []
    with open(labeled / "rumoureval2019-sdqc-train-threads.jsonl", encoding="utf-8") as handle:
        for line in handle:
            thread = json.loads(line)
            for reply in thread["replies"]:
                rows.append({"text": reply["text"], "page": "re:" + str(thread["thread_id"]), "page_text": thread["source"]["text"], "source": "rumoureval"})
    frame = pl.concat([sfu, pl.DataFrame(rows)]).drop_nulls("text").filter(pl.col("text").str.strip_chars() != "")
    frame = frame.unique("text", keep="first", maintain_order=True)
    return frame.with_columns(half=pl.col("text").map_elements(_half, return_dtype=pl.String))


def light_edit(text: str, rng: np.random.Generator, max_edits: int = 2) -> str:
    """One to `max_edits` of: a changed word, a greeting, a hashtag, case changed, punctuation changed."""
    edits = rng.choice(5, size=int(rng.integers(1, max_edits + 1)), replace=False)
    for edit in sorted(edits):
        if edit == 0:
            words = text.split(" ")
            k = int(rng.integers(1, len(words))) if len(words) > 1 else 0
            words[k] = _SWAPS[int(rng.integers(len(_SWAPS)))]
            text = " ".join(words)
        elif edit == 1:
            text = _GREETINGS[int(rng.integers(len(_GREETINGS)))] + text
        elif edit == 2:
            text = text + _HASHTAGS[int(rng.integers(len(_HASHTAGS)))]
        elif edit == 3:
            text = text.upper() if rng.random() < 0.5 else text.lower()
        else:
            text = re.sub(r"[^\w\s]", "", text) if rng.random() < 0.5 else re.sub(r"([.!?])(\s|$)", r"\1!!\2", text)
    return text


@dataclass(frozen=True)
class Injected:
    comments: pl.DataFrame
    articles: pl.DataFrame
    sites: pl.DataFrame


def build_set(
    real: pl.DataFrame, half: str, *, n_comments: int = 1400, families: int = 4, copies: int = 8, seed: int = 0, max_edits: int = 2
) -> Injected:
    """A run's comments, articles and sites: real comments of one half plus injected families."""
    rng = np.random.default_rng(seed)
    pool = real.filter(pl.col("half") == half)
    pool = pool.sample(fraction=1.0, shuffle=True, seed=seed)
    long = pool.filter(pl.col("text").str.count_matches(r"\S+") >= 12)
    family_texts = long.head(families)["text"].to_list()
    base = pool.filter(~pl.col("text").is_in(family_texts)).head(n_comments)
    pages = base.select("page", "page_text").unique("page", keep="first", maintain_order=True)
    page_ids = pages["page"].to_list()
    rows = [
        {"page": p, "text": t, "author": f"reader{k}", "family": -1}
        for k, (p, t) in enumerate(base.select("page", "text").iter_rows())
    ]
    for f, text in enumerate(family_texts):
        for c, page in enumerate(rng.choice(len(page_ids), size=copies, replace=False)):
            rows.append({"page": page_ids[int(page)], "text": light_edit(text, rng, max_edits), "author": f"poster{f}_{c}", "family": f})
    frame = pl.DataFrame(rows).with_row_index("k")
    doc_of = {p: f"doc{i:04d}" for i, p in enumerate(page_ids)}
    comments = frame.with_columns(
        doc_id=pl.col("page").replace_strict(doc_of),
        comment_id=pl.format("c{}", pl.col("k")),
        posted_at=pl.lit(None, pl.Datetime("us")),
    )
    articles = pages.select(doc_id=pl.col("page").replace_strict(doc_of), title=pl.lit(""), body=pl.col("page_text"))
    sites = pages.select(doc_id=pl.col("page").replace_strict(doc_of), site=pl.col("page").str.extract(r"^(\w+):"))
    return Injected(comments, articles, sites)


def score(injected: Injected, settings: CampaignSettings, copies: int = 8) -> dict:
    found = find_campaigns(injected.comments, injected.articles, injected.sites, settings=settings)
    members = found.members.join(injected.comments.select("comment_id", "family"), on="comment_id")
    per_family = []
    for f in sorted(set(injected.comments["family"].to_list()) - {-1}):
        mine = members.filter(pl.col("family") == f)
        best = mine.group_by("campaign_id").len().sort("len", descending=True).head(1)
        if best.height == 0:
            per_family.append({"family": f, "posts": 0, "clean": True})
            continue
        cid = best["campaign_id"][0]
        clean = members.filter((pl.col("campaign_id") == cid) & (pl.col("family") != f) & (pl.col("family") >= 0)).height == 0
        per_family.append({"family": f, "posts": int(best["len"][0]), "clean": clean})
    campaigns_with_injected = set(members.filter(pl.col("family") >= 0)["campaign_id"].to_list())
    false = found.summary.filter(~pl.col("campaign_id").is_in(list(campaigns_with_injected)))
    return {
        "families_found": sum(1 for f in per_family if f["posts"] >= copies - 1 and f["clean"]),
        "families": per_family,
        "false_campaigns": false.height,
        "false_examples": [t[:120] for t in false["text"].to_list()[:5]],
        "comments": injected.comments.height,
        "stats": found.stats,
    }


def run(threshold: float | None = None, json_out: bool = False, seeds: tuple[int, ...] = (0, 1, 2)) -> dict:
    from rich.console import Console
    from rich.table import Table

    real = real_comments()
    settings = CampaignSettings() if threshold is None else replace(CampaignSettings(), threshold=threshold)
    results = {}
    table = Table(title=f"injected campaigns, threshold {settings.threshold}")
    for column in ("half", "seed", "comments", "families found", "false campaigns", "posts per family"):
        table.add_column(column)
    for half in ("a", "b"):
        for seed in seeds:
            result = score(build_set(real, half, seed=seed), settings)
            results[f"{half}{seed}"] = result
            table.add_row(half, str(seed), str(result["comments"]), f"{result['families_found']}/4", str(result["false_campaigns"]),
                          " ".join(str(f["posts"]) for f in result["families"]))
    Console(stderr=True).print(table)
    summary = {
        "threshold": settings.threshold,
        "worst_families_found": min(r["families_found"] for r in results.values()),
        "worst_false_campaigns": max(r["false_campaigns"] for r in results.values()),
        "runs": results,
    }
    if json_out:
        print(json.dumps(summary, default=str))
    return summary
