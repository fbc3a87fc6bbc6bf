"""Pages that hold an article and nothing else: how many does the splitter read comments on?

    python -m replyscope.evaluate.article_only_eval [GOLD.jsonl] [--show N]

The issue's check on a sample of scraped news articles (no comment section at all) allows at most
3 pages in 250 with comments read. Such a sample is not at hand, so this scores its nearest
stand-in: the annotators' article text (`gold_body`) of every Dragnet dev page, whose gold was cut
(pages whose gold still holds Dragnet's comment mark are left out, see split_eval.has_comment_mark).
Quotes, interviews ("Jo Smith said:"), dated updates, lists of names and embedded posts are what
such text is made of, and none of it is a reader's comment. Per half (html_split_eval.half_of):
pages, pages with any comment read, comments read; `--show` lists the first pages with comments.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from replyscope.bench import SHARED_CORPORA
from replyscope.evaluate.html_split_eval import HALVES, half_of
from replyscope.evaluate.split_eval import has_comment_mark, repair_utf16

GOLD = SHARED_CORPORA / "dragnet-dev" / "dragnet-clean-dev.jsonl"


def score(gold: Path, show: int = 0) -> dict[str, dict]:
    """Per half: article-only pages, pages read with comments, comments read, and up to `show`
    examples (page id, comments, first author, first words)."""
    from replyscope.split import split_document

    out = {h: {"pages": 0, "pages_with_comments": 0, "comments": 0, "examples": []} for h in HALVES}
    with open(gold, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            body = repair_utf16(row.get("gold_body") or "")
            if not body.strip() or has_comment_mark(body):
                continue
            half = out[half_of(row["id"])]
            half["pages"] += 1
            comments = split_document(body).comments
            if comments:
                half["pages_with_comments"] += 1
                half["comments"] += len(comments)
                if len(half["examples"]) < show:
                    half["examples"].append((row["id"], len(comments), comments[0].author, comments[0].text[:100]))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path, nargs="?", default=GOLD)
    ap.add_argument("--show", type=int, default=0, help="list this many pages with comments per half")
    args = ap.parse_args(argv)
    if not args.gold.exists():
        print(f"no gold file at {args.gold} (the Dragnet dev split of ../shared/corpora)", file=sys.stderr)
        return 2
    for half, s in score(args.gold, args.show).items():
        print(f"{half:9s} article-only pages {s['pages']:4d}  read with comments {s['pages_with_comments']:3d}  comments {s['comments']:4d}")
        for example in s["examples"]:
            print("   ", example)
    return 0


if __name__ == "__main__":
    sys.exit(main())
