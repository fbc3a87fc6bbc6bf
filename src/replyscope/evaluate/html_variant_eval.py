"""Replies found per page on reply threads laid out as HTML pages (evaluate.html_variants), per layout and half.

    python -m replyscope.evaluate.html_variant_eval [--half a|b|both] [--seed N] [--variant X] [--first-reply]

lays the RumourEval train threads and the SFU reader comments (variant_eval.sources) out as whole
HTML pages in every comment-widget layout, reads each page as a run reads an .html input (decoding
and rendering at ingest: ingest.html_input.html_document_row; then split.split_documents, which
sends a row with markup to html.split_html_document) and prints per source, layout and half: pages,
replies, share found, pages under the 98% bar, the share of found replies with the right parent
where the layout shows nesting, and with the right author. Each line also gives `articleonly`:
comments found on the same pages with the comment section removed (must be 0).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import polars as pl

from replyscope.evaluate.html_variants import HTML_LAYOUTS, render_html_variant
from replyscope.evaluate.layout_variants import half_of_thread
from replyscope.evaluate.thread_pages import PageWithTruth, match_comments, page_scores
from replyscope.evaluate.variant_eval import BAR, CORPORA, first_reply, sources, summary


def split_pages(pages: list[PageWithTruth]) -> pl.DataFrame:
    """The COMMENTS table of the pages read as .html inputs (doc_id = the page's index)."""
    from replyscope.ingest.html_input import HtmlDocument, html_document_row  # noqa: PLC0415
    from replyscope.split import split_documents  # noqa: PLC0415

    rows = [html_document_row(HtmlDocument("html-variants", str(k), p.text.encode("utf-8"))) for k, p in enumerate(pages)]
    docs = pl.DataFrame(
        {
            "doc_id": [str(k) for k in range(len(rows))],
            "text": [r["text"] for r in rows],
            "title": [r.get("title") or "" for r in rows],
            "html": [r["html"] for r in rows],
        },
        schema={"doc_id": pl.String, "text": pl.String, "title": pl.String, "html": pl.String},
    )
    return split_documents(docs).comments


def score_layout(threads: list[dict], layout: str, *, seed: int = 0) -> tuple[list[dict], int]:
    """One row per page (thread_pages.page_scores with the thread id and half), and the comments
    found on the article-only pages."""
    pages = [render_html_variant(t, layout, seed=seed) for t in threads]
    comments = split_pages(pages)
    by_doc = comments.partition_by("doc_id", as_dict=True) if comments.height else {}
    rows = []
    for k, (thread, page) in enumerate(zip(threads, pages)):
        mine = by_doc.get((str(k),), comments.clear())
        matches = match_comments(mine, page)
        rows.append({"thread_id": page.thread_id, "half": half_of_thread(thread), "page": page, "matches": matches, **page_scores(matches)})
    bare = split_pages([render_html_variant(t, layout, seed=seed, article_only=True) for t in threads])
    return rows, bare.height


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("a", "b", "both"), default="both")
    ap.add_argument("--variant", action="append", choices=HTML_LAYOUTS)
    ap.add_argument("--corpora", type=Path, default=CORPORA)
    ap.add_argument("--seed", type=int, default=0, help="another draw of each page's chrome (the replies stay)")
    ap.add_argument("--first-reply", action="store_true", help="cut every thread to its first reply to the post")
    args = ap.parse_args(argv)
    halves = ("a", "b") if args.half == "both" else (args.half,)
    for source, threads in sources(args.corpora).items():
        if args.first_reply:
            threads = [first_reply(t) for t in threads]
        for layout in args.variant or HTML_LAYOUTS:
            for half in halves:
                mine = [t for t in threads if half_of_thread(t) == half]
                rows, bare = score_layout(mine, layout, seed=args.seed)
                s = summary(rows)
                parent = "-" if s["parent"] is None else f"{s['parent']:.3f}"
                author = "-" if s["author"] is None else f"{s['author']:.3f}"
                print(
                    f"{source:10} {layout:15} {half}  pages {s['pages']:4}  replies {s['replies']:5}  found {s['found']:.4f}  under98 {s['under_bar']:3}  parent {parent}  author {author}  articleonly {bare}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
