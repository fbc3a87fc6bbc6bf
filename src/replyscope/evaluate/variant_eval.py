"""Replies found per page on the layout variants (evaluate.layout_variants), per variant and half.

    python -m replyscope.evaluate.variant_eval [--half a|b|both] [--first-reply] [--dump DIR]

lays the RumourEval train threads and the SFU reader comments (flat and nested pages cut from each
article) out in every variant, splits the pages as a run does, and prints per source, variant and
half: pages, replies, share found, pages under the 98% bar, the share of found replies with
the right parent where the layout shows nesting, and with the right author. `--dump` writes each page under the bar with
what was lost (for reading, outside the repository). `--first-reply` cuts every thread to its
first reply to the post: every tune thread has two or more replies, so the shape of a post that
drew a single reply (a page of two comments once a layout adds its own) is measured only this way.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import polars as pl

from replyscope.bench import SHARED_CORPORA
from replyscope.evaluate.layout_variants import PENDING_VARIANTS, VARIANTS, half_of_thread, render_variant, sfu_threads
from replyscope.evaluate.thread_pages import load_threads, match_comments, page_scores

BAR = 0.98
CORPORA = SHARED_CORPORA / "labeled"
RUMOUREVAL = "rumoureval2019-sdqc-train-threads.jsonl"
SFU = "sfu-constructiveness-toxicity.csv"


def sources(root: Path = CORPORA) -> dict[str, list[dict]]:
    """The two worlds of text: tweet and Reddit threads, and long newspaper reader comments."""
    return {
        "rumoureval": [t for t in load_threads(root / RUMOUREVAL) if t["replies"]],
        "sfu": [t for t in sfu_threads(root / SFU) if t["replies"]],
    }


def first_reply(thread: dict) -> dict:
    """The thread cut to its first reply to the post (the first reply when none names the post)."""
    replies = thread["replies"]
    top = [r for r in replies if r.get("parent_id") in (None, thread["source"].get("id"))]
    first = dict((top or replies)[0], parent_id=thread["source"].get("id"), depth=1) if replies else None
    return {**thread, "replies": [first] if first else []}


def score_variant(threads: list[dict], variant: str, *, seed: int = 0) -> list[dict]:
    """One row per page: its scores (thread_pages.page_scores) with the thread id and half."""
    from replyscope.split import split_documents  # noqa: PLC0415

    pages = [render_variant(t, variant, seed=seed) for t in threads]
    tables = split_documents(pl.DataFrame({"doc_id": [str(k) for k in range(len(pages))], "text": [p.text for p in pages]}))
    by_doc = tables.comments.partition_by("doc_id", as_dict=True) if tables.comments.height else {}
    rows = []
    for k, (thread, page) in enumerate(zip(threads, pages)):
        mine = by_doc.get((str(k),), tables.comments.clear())
        matches = match_comments(mine, page)
        rows.append({"thread_id": page.thread_id, "half": half_of_thread(thread), "page": page, "matches": matches, **page_scores(matches)})
    return rows


def summary(rows: list[dict]) -> dict:
    n = sum(r["replies"] for r in rows)
    found = sum(r["found"] for r in rows)
    ps = sum(r["parent_scored"] for r in rows)
    return {
        "pages": len(rows),
        "replies": n,
        "found": found / n if n else 1.0,
        "under_bar": sum(r["found_share"] < BAR for r in rows),
        "parent": sum(r["parent_correct"] for r in rows) / ps if ps else None,
        # (a thread read with its headers on the wrong side of their words keeps every reply's
        # text and gives each the next one's name: replies found cannot see it, authors can)
        "author": sum(r["author_correct"] for r in rows) / found if found else None,
    }


def dump_lost(rows: list[dict], out: Path, tag: str) -> None:
    """Each page under the bar as OUT/TAG-THREAD.txt: its lost replies listed over its text, to read why."""
    out.mkdir(parents=True, exist_ok=True)
    for r in rows:
        if r["found_share"] >= BAR:
            continue
        page, m = r["page"], r["matches"]
        lost = {x for x, f in zip(m["reply_id"].to_list(), m["found"].to_list()) if not f}
        half = f" half {r['half']}" if "half" in r else ""
        lines = [f"# {tag} {page.thread_id}{half}: {r['found']}/{r['replies']}"]
        lines += [f"# LOST {x.author}: {x.text[:160]!r}" for x in page.replies if x.id in lost]
        (out / f"{tag}-{page.thread_id}.txt").write_text("\n".join(lines) + "\n\n" + page.text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("a", "b", "both"), default="both")
    # (families no rule reads yet, layout_variants.PENDING_VARIANTS, are measured only when named)
    ap.add_argument("--variant", action="append", choices=VARIANTS + PENDING_VARIANTS)
    ap.add_argument("--corpora", type=Path, default=CORPORA)
    ap.add_argument("--seed", type=int, default=0, help="another draw of each page's chrome (the replies stay)")
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--first-reply", action="store_true", help="cut every thread to its first reply to the post")
    args = ap.parse_args(argv)
    halves = ("a", "b") if args.half == "both" else (args.half,)
    for source, threads in sources(args.corpora).items():
        if args.first_reply:
            threads = [first_reply(t) for t in threads]
        for variant in args.variant or VARIANTS:
            mine = [t for t in threads if half_of_thread(t) in halves]
            rows = score_variant(mine, variant, seed=args.seed)
            for half in halves:
                s = summary([r for r in rows if r["half"] == half])
                parent = "-" if s["parent"] is None else f"{s['parent']:.3f}"
                author = "-" if s["author"] is None else f"{s['author']:.3f}"
                print(
                    f"{source:10} {variant:15} {half}  pages {s['pages']:4}  replies {s['replies']:5}  found {s['found']:.4f}  under98 {s['under_bar']:3}  parent {parent}  author {author}",
                    flush=True,
                )
            if args.dump:
                dump_lost(rows, args.dump, f"{source}-{variant}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
