"""Score the splitter against a gold file in the Dragnet format (id, text, gold_body, gold_comments).

Token-level precision/recall/F1 as in the Dragnet paper: each side is a bag of lower-cased `\\w+`
tokens, matched by multiset intersection, summed (micro) over pages. The predicted comment side is
the text of the comment header and comment body segments (gold comments were cut with their
author/date lines, without "Reply" links); the predicted article side is the title, byline, body
and quote segments. False alarm = predicted comment tokens over all tokens, on pages whose gold
has no comments.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

from replyscope.split import split_document

TOKEN = re.compile(r"\w+")
COMMENT_ROLES = frozenset({"comment_header", "comment_body"})
ARTICLE_ROLES = frozenset({"title", "byline", "body", "quote"})


def repair_utf16(text: str) -> str:
    """Undo UTF-16 read as a one-byte code page (a page starting "ÿþ" with NULs between letters).

    Ingest decodes such files properly; the gold files carry some pages in this broken form, in the
    text and in the gold alike, so both sides are repaired the same way before scoring.
    """
    if text[:2] in ("ÿþ", "þÿ") and "\x00" in text[:200]:
        try:
            return text.encode("latin-1").decode("utf-16")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return text
    return text


def tokens(text: str) -> Counter:
    return Counter(TOKEN.findall(text.lower()))


def predicted_sides(text: str) -> tuple[str, str]:
    """(article text, comments text) as the splitter cuts the page."""
    split = split_document(text)
    article = "\n".join(text[s:e] for s, e, r in split.segments if r in ARTICLE_ROLES)
    comments = "\n".join(text[s:e] for s, e, r in split.segments if r in COMMENT_ROLES)
    return article, comments


class _Tally:
    def __init__(self) -> None:
        self.hit = self.pred = self.gold = 0

    def add(self, pred: Counter, gold: Counter) -> None:
        self.hit += sum((pred & gold).values())
        self.pred += sum(pred.values())
        self.gold += sum(gold.values())

    def prf(self) -> tuple[float, float, float]:
        p = self.hit / self.pred if self.pred else 0.0
        r = self.hit / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


# Dragnet's annotators marked where a page's comments begin with a line "!@#$%^&*() COMMENTS"; the
# published gold is cut there into body and comments. On some pages the mark was typed with a slip
# ("!@ $%^&*()", "!@#$%^&*", "!#@$%^&*()", "... COMMNENTS", "... CORRECTED", the symbols alone) and
# the cut was never made, so the mark and every comment after it sit in gold_body and the page
# reads as comment-free. Such a page is "uncut": the gold itself shows it has comments, so it
# cannot score the splitter fairly. The mark is told by its symbols: a line opening with a run of
# them holding at least MARK_MIN_SYMBOLS different ones (a curse such as "#$%&!" holds five).
DRAGNET_COMMENT_MARK = re.compile(r"(?m)^[ \t]*([!@#$%^&*()][!@#$%^&*() ]{5,})")
MARK_MIN_SYMBOLS = 6


def has_comment_mark(gold_body: str) -> bool:
    """Whether Dragnet's comment mark (see DRAGNET_COMMENT_MARK) is left in a page's gold body."""
    return any(len(set(m[1]) - {" "}) >= MARK_MIN_SYMBOLS for m in DRAGNET_COMMENT_MARK.finditer(gold_body))


def score_rows(rows: list[dict], sides=None, *, splits: dict[int, tuple[str, str]] | None = None) -> dict:
    """Scores for already-loaded gold rows (no printing).

    Besides the scores over all pages, the `*_cut_gold` keys score only the pages whose gold was
    cut (leaving out the uncut ones, see has_comment_mark), so a gap in the gold and a splitter
    error can be told apart; the headline numbers are the ones over all pages.
    `sides(row) -> (article, comments, page text, bytes read)` scores another reader of the rows
    (HTML pages: replyscope.evaluate.html_split_eval); by default the text splitter on `text`.
    `splits`: the text splitter's (article, comments) per row object, kept across calls, so scoring
    a subset of rows already scored reads their split again instead of splitting them twice (its
    speed keys then time no split).
    """
    body, comm, body_c, comm_c = _Tally(), _Tally(), _Tally(), _Tally()
    alarm_pred = alarm_all = alarm_pred_c = alarm_all_c = 0
    alarm_pages = alarm_pages_c = 0  # comment-free pages (by the gold) on which any comment is read
    uncut_pages = 0
    n_bytes = 0
    split_seconds = 0.0
    for row in rows:
        if sides is None:  # the repair and the byte count are the scorer's, not the split's: not timed
            text = repair_utf16(row.get("text") or "")
            n_bytes += len(text.encode("utf-8"))
            t0 = time.process_time()  # CPU seconds of the split alone: the speed per core
            if splits is None:
                article, comments = predicted_sides(text)
            elif (done := splits.get(id(row))) is not None:
                article, comments = done
            else:
                article, comments = splits[id(row)] = predicted_sides(text)
        else:
            t0 = time.process_time()
            article, comments, text, size = sides(row)
            n_bytes += size
        split_seconds += time.process_time() - t0
        pred_c, pred_b = tokens(comments), tokens(article)
        gold_c_text = repair_utf16(row.get("gold_comments") or "")
        gold_b_text = repair_utf16(row.get("gold_body") or "")
        gold_c, gold_b = tokens(gold_c_text), tokens(gold_b_text)
        body.add(pred_b, gold_b)
        comm.add(pred_c, gold_c)
        no_gold_comments = not gold_c_text.strip()
        uncut = has_comment_mark(gold_b_text)
        uncut_pages += uncut
        if not uncut:
            body_c.add(pred_b, gold_b)
            comm_c.add(pred_c, gold_c)
        if no_gold_comments:
            n_pred, n_all = sum(pred_c.values()), sum(tokens(text).values())
            alarm_pred += n_pred
            alarm_all += n_all
            alarm_pages += n_pred > 0
            if not uncut:
                alarm_pred_c += n_pred
                alarm_all_c += n_all
                alarm_pages_c += n_pred > 0
    cp, cr, cf = comm.prf()
    bp, br, bf = body.prf()
    return {
        "comment_p": round(cp, 4),
        "comment_r": round(cr, 4),
        "comment_f1": round(cf, 4),
        "body_p": round(bp, 4),
        "body_r": round(br, 4),
        "body_f1": round(bf, 4),
        "false_alarm": round(alarm_pred / alarm_all, 4) if alarm_all else 0.0,
        "pages": len(rows),
        "pages_per_s": round(len(rows) / split_seconds, 1) if split_seconds else 0.0,
        "mb_per_s": round(n_bytes / 1e6 / split_seconds, 2) if split_seconds else 0.0,
        "uncut_gold_pages": uncut_pages,
        "comment_f1_cut_gold": round(comm_c.prf()[2], 4),
        "body_f1_cut_gold": round(body_c.prf()[2], 4),
        "false_alarm_cut_gold": round(alarm_pred_c / alarm_all_c, 4) if alarm_all_c else 0.0,
        "false_alarm_pages": alarm_pages,
        "false_alarm_pages_cut_gold": alarm_pages_c,
    }


def load_rows(gold: Path, limit: int | None = None) -> list[dict]:
    rows = []
    opener = gzip.open if str(gold).endswith(".gz") else open
    with opener(gold, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
                if limit is not None and len(rows) >= limit:
                    break
    return rows


def run(gold: Path, *, limit: int | None = None, json_out: bool = False) -> dict:
    """Score the splitter on GOLD.jsonl, print a table (and a JSON line when asked), return the scores."""
    rows = load_rows(gold, limit)
    if rows and "html" in rows[0] and not rows[0].get("text"):  # crawled HTML: the DOM-aware split
        from replyscope.evaluate.html_split_eval import run_rows

        return run_rows(rows, Path(gold).name, json_out=json_out)
    splits: dict[int, tuple[str, str]] = {}  # (the halves below read these pages' split again)
    result = score_rows(rows, splits=splits)
    console = Console()
    table = Table(title=f"split vs {Path(gold).name}")
    table.add_column("side")
    for col in ("precision", "recall", "F1"):
        table.add_column(col, justify="right")
    table.add_row("comments", f"{result['comment_p']:.4f}", f"{result['comment_r']:.4f}", f"{result['comment_f1']:.4f}")
    table.add_row("body", f"{result['body_p']:.4f}", f"{result['body_r']:.4f}", f"{result['body_f1']:.4f}")
    console.print(table)
    console.print(
        f"false alarm {result['false_alarm']:.4f}   pages {result['pages']}   "
        f"{result['pages_per_s']} pages/s   {result['mb_per_s']} MB/s (split CPU time only)"
    )
    console.print(
        f"[dim]diagnostic: on {result['uncut_gold_pages']} pages the gold was never cut (Dragnet's "
        f"'!@#$%^&*() COMMENTS' mark and the comments after it are in gold_body); "
        f"on the others: comment F1 {result['comment_f1_cut_gold']:.4f}, "
        f"body F1 {result['body_f1_cut_gold']:.4f}, false alarm {result['false_alarm_cut_gold']:.4f}; "
        f"comment-free pages with comments read: {result['false_alarm_pages']} "
        f"({result['false_alarm_pages_cut_gold']} with a cut gold)[/dim]"
    )
    # the hash halves of the pages (html_split_eval.half_of, as the HTML scorer splits them): rules
    # are written on one and checked on the other, and the worse is the number to quote
    from replyscope.evaluate.html_split_eval import HALVES, half_of

    result["halves"] = {}
    for half in HALVES:
        part = [r for r in rows if half_of(r.get("id", "")) == half]
        if part:
            scores = score_rows(part, splits=splits)
            for key in ("pages_per_s", "mb_per_s"):
                del scores[key]  # (no page of a half is split again: the pooled score times the split)
            result["halves"][half] = scores
            console.print(
                f"{half} half ({len(part)} pages), cut gold: comment F1 {scores['comment_f1_cut_gold']:.4f}, "
                f"body F1 {scores['body_f1_cut_gold']:.4f}, false alarm {scores['false_alarm_cut_gold']:.4f}"
            )
    if json_out:
        print(json.dumps(result))
    return result
