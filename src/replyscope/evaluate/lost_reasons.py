"""Why a layout family's TUNE pages lose replies: counts to plan a round of rules, never page text.

    REPLYSCOPE_PURE_PYTHON=1 python -m replyscope.evaluate.lost_reasons --variant X [--seed N] [--first-reply]

reads only the tune half (half a) of variant_eval's threads and prints, per source:
- pages under the bar, those where nothing was found;
- per lost reply, whether a header reader took the line over its words (split.anchors.find_anchors,
  by format family) and whether split.headers.read_header reads that line at all; the line's shape
  with letters as "a" and digits as "9" (names and words masked: nothing of the corpus is printed);
- where its words went: in no found comment, or inside one over twice as long (an unread header's
  words running on in the comment above);
- per page, the verdicts of choose._acceptable on each format's thread and, for a thread turned
  down, the line of the `return False` that did it (traced, so only where the split runs as Python:
  REPLYSCOPE_PURE_PYTHON=1; compiled, the verdicts are left out).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable

from replyscope.evaluate.layout_variants import PENDING_VARIANTS, VARIANTS, half_of_thread
from replyscope.evaluate.variant_eval import BAR, first_reply, score_variant, sources

_DIGITS = re.compile(r"\d+")
_LETTERS = re.compile(r"[^\W\d_]+")


def shape(line: str) -> str:
    """A line with its words as "a" and its numbers as "9" (punctuation kept): a header's form, no text."""
    return _LETTERS.sub("a", _DIGITS.sub("9", line.strip()))[:40]


def _reply_lines(page, texts: list[str]) -> dict[str, int]:
    """Each reply's first line on the page (the first line holding its words' first line, in page order)."""
    out, cur = {}, 0
    for t in page.replies:
        want = t.text.split("\n", 1)[0].strip()
        j = next((k for k in range(cur, len(texts)) if want and want in texts[k]), None)
        if j is not None:
            out[t.id], cur = j, j + 1
    return out


def _acceptable_tracer(verdicts: list) -> Callable | None:
    """A sys.settrace hook recording (family, headers, verdict, line of the return) per _acceptable call."""
    from replyscope.split import choose  # noqa: PLC0415

    code = getattr(choose._acceptable, "__code__", None)
    if code is None:  # (compiled: nothing to trace)
        return None
    last = [0]

    probe = getattr(choose, "_ShareAsked", None)  # (_by_talk's shape probe: a call it stops is no verdict)
    stopped: set[int] = set()

    def local(frame, event, arg):
        if event == "line":
            last[0] = frame.f_lineno
        elif event == "exception" and probe is not None and arg[0] is probe:
            stopped.add(id(frame))
        elif event == "return" and id(frame) in stopped:
            stopped.discard(id(frame))
        elif event == "return":
            best = frame.f_locals.get("best") or []
            verdicts.append((best[0].family if best else "-", "1-2" if len(best) <= 2 else "3+", bool(arg), 0 if arg else last[0]))
        return local

    def tracer(frame, event, arg):
        return local if event == "call" and frame.f_code is code else None

    return tracer


def reasons(rows: list[dict]) -> dict[str, Counter]:
    """The counts above for variant_eval rows (score_variant's) of one source."""
    from replyscope.split import split_document, split_lines  # noqa: PLC0415
    from replyscope.split.anchors import find_anchors  # noqa: PLC0415
    from replyscope.split.headers import read_header  # noqa: PLC0415

    out = {k: Counter() for k in ("pages", "header", "read", "shape", "words", "turned_down", "taken")}
    verdicts: list = []
    tracer = _acceptable_tracer(verdicts)
    for r in rows:
        if r["found_share"] >= BAR:
            continue
        page, m = r["page"], r["matches"]
        out["pages"]["under"] += 1
        out["pages"]["nothing found"] += r["found"] == 0
        lost = {x for x, f in zip(m["reply_id"].to_list(), m["found"].to_list()) if not f}
        lines = split_lines(page.text)
        anchors, _ = find_anchors(lines, 0)
        covered = {j: a.family for a in anchors for j in range(a.first, a.last + 1)}
        verdicts.clear()
        if tracer is not None:
            sys.settrace(tracer)
        try:
            comments = split_document(page.text).comments
        finally:
            sys.settrace(None)
        for family, size, ok, line in verdicts:
            if ok:
                out["taken"][family] += 1
            else:
                out["turned_down"][(family, size, line)] += 1
        found_texts = [" ".join(c.text.split()) for c in comments]
        at = _reply_lines(page, lines.text)
        for t in page.replies:
            if t.id not in lost:
                continue
            words = " ".join(t.text.split())
            inside = [x for x in found_texts if words and words in x]
            out["words"]["in no comment" if not inside else "inside a longer comment" if len(inside[0].split()) > 2 * len(words.split()) else "in a comment"] += 1
            j = at.get(t.id)
            if j is None:
                continue
            k = j - 1
            while k >= 0 and not lines.text[k]:
                k -= 1
            families = sorted({covered[q] for q in (k, j) if q in covered})
            out["header"]["taken by " + ",".join(families) if families else "read by no header reader"] += 1
            out["read"]["read_header reads it" if k >= 0 and read_header(lines.core[k]) is not None else "read_header: None"] += 1
            out["shape"][(shape(lines.text[k]) if k >= 0 else "", "taken" if families else "not read")] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--variant", required=True, choices=VARIANTS + PENDING_VARIANTS)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--first-reply", action="store_true")
    ap.add_argument("--top", type=int, default=8)
    args = ap.parse_args(argv)
    for source, threads in sources().items():
        tune = [t for t in threads if half_of_thread(t) == "a"]  # (the tune half only: held-out pages are never read)
        if args.first_reply:
            tune = [first_reply(t) for t in tune]
        rows = score_variant(tune, args.variant, seed=args.seed)
        got = reasons(rows)
        print(f"== {source} {args.variant} seed {args.seed}{' first-reply' if args.first_reply else ''}: tune pages {len(rows)}, {dict(got['pages'])}")
        for key in ("header", "read", "words"):
            print(f"   {key}: {dict(got[key].most_common())}")
        print(f"   shapes over lost replies: {got['shape'].most_common(args.top)}")
        if got["taken"] or got["turned_down"]:
            print(f"   threads taken: {dict(got['taken'].most_common())}; turned down (family, headers, line): {dict(got['turned_down'].most_common(args.top))}")
        else:
            print("   (no verdicts traced: set REPLYSCOPE_PURE_PYTHON=1, or no format reached choose)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
