"""Score the split of crawled HTML pages (Dragnet's `html` gold rows), beside trafilatura.

Each page goes through what a run does to an HTML input: decoding and rendering at ingest
(ingest.html_input.html_document_row), then the DOM-aware split (html.split_html_document). It is
scored as the text split is (split_eval.score_rows: token P/R/F1 of comments and body, false
alarms, cut gold). The pages are cut in two halves by a hash of their id: rules are tuned on
the "tune" half and judged on the "held_out" half, and the worse of the two is the number to
quote. trafilatura 2.3 (`bare_extraction(html, include_comments=True)`) reads the same HTML in
the same run when asked, so the scores and the MB/s compare on one machine state.
"""

from __future__ import annotations

import hashlib
import json

from rich.console import Console
from rich.table import Table

from replyscope.evaluate.split_eval import ARTICLE_ROLES, COMMENT_ROLES, score_rows

HALVES = ("tune", "held_out")
SCORE_KEYS = ("comment_f1_cut_gold", "body_f1_cut_gold", "false_alarm_cut_gold", "comment_f1", "body_f1", "mb_per_s")


def half_of(page_id: str) -> str:
    """Which half a page belongs to: fixed by its id, whatever the order or number of pages."""
    return HALVES[hashlib.blake2b(str(page_id).encode(), digest_size=8).digest()[0] % 2]


def replyscope_sides(row: dict) -> tuple[str, str, str, int]:
    """(article, comments, rendered text, bytes) of one gold row's HTML, read as a run reads it."""
    from replyscope.html import split_html_document
    from replyscope.ingest.html_input import HtmlDocument, html_document_row

    html = row.get("html") or ""
    doc = html_document_row(HtmlDocument("eval", str(row.get("id", "")), html))
    text = doc["text"] or ""
    row["_rendered"] = text  # the page's words, the false-alarm denominator for both readers
    if doc["status"] != "ok":
        return "", "", text, len(html.encode("utf-8"))
    split = split_html_document(doc["html"], text, doc["title"])
    article = "\n".join(text[s:e] for s, e, r in split.segments if r in ARTICLE_ROLES)
    comments = "\n".join(text[s:e] for s, e, r in split.segments if r in COMMENT_ROLES)
    return article, comments, text, len(html.encode("utf-8"))


def trafilatura_sides(row: dict) -> tuple[str, str, str, int]:
    """trafilatura's title + text as the article and its comments, on the same HTML."""
    from trafilatura import bare_extraction

    html = row.get("html") or ""
    doc = bare_extraction(html, include_comments=True)
    if doc is None:
        article = comments = ""
    else:
        doc = doc.as_dict() if hasattr(doc, "as_dict") else doc
        article = f"{doc.get('title') or ''}\n{doc.get('text') or ''}"
        comments = doc.get("comments") or ""
    return article, comments, row.get("_rendered", ""), len(html.encode("utf-8"))


def score_halves(rows: list[dict], sides) -> dict[str, dict]:
    """Scores over each half and the worse half of each score."""
    out = {half: score_rows([r for r in rows if half_of(r.get("id", "")) == half], sides) for half in HALVES}
    worse = {}
    for key in SCORE_KEYS:
        # a half with no pages (a small gold file) has no score, not a score of 0
        values = [out[h][key] for h in HALVES if out[h]["pages"]] or [0.0]
        worse[key] = max(values) if key.startswith("false_alarm") else min(values)
    out["worse"] = worse
    return out


def print_scores(results: dict[str, dict[str, dict]], title: str) -> None:
    table = Table(title=title)
    for col in ("reader", "pages", "comment F1 (cut)", "body F1 (cut)", "false alarm (cut)", "comment F1", "body F1", "MB/s"):
        table.add_column(col, justify="left" if col in ("reader", "pages") else "right")
    for reader, by_half in results.items():
        for half in (*HALVES, "worse"):
            s = by_half[half]
            table.add_row(
                reader,
                half if half == "worse" else f"{half} ({s['pages']})",
                *(f"{s[k]:.4f}" for k in SCORE_KEYS[:5]),
                f"{s['mb_per_s']:.2f}",
            )
    Console().print(table)


def run_rows(rows: list[dict], name: str, *, json_out: bool = False, with_trafilatura: bool = False) -> dict:
    """Score replyscope (and trafilatura, when asked) on HTML gold rows; print and return the scores."""
    results = {"replyscope": score_halves(rows, replyscope_sides)}
    if with_trafilatura:
        results["trafilatura"] = score_halves(rows, trafilatura_sides)
    print_scores(results, f"HTML split vs {name} (MB/s: HTML bytes per CPU second, render + split)")
    if json_out:
        print(json.dumps(results))
    return results
