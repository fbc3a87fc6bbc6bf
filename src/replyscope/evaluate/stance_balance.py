"""Class-balance stress test of the target stance reader: F_avg when a target's replies lean another way.

    python -m replyscope.evaluate.stance_balance ../shared/corpora/labeled/semeval2016-stance.csv [--seeds 3] [--reword] [--json]

Held-out target sets need not share a development set's balance: on one most replies agree with
the claim, on another most dispute it. A reader that puts the favour/against boundary where the
run's replies split in half assumes a 50/50 balance, and such a set shows it at once. Per target
and hash half (sha256 of the text, first byte even = a, odd = b, as docs/measurements.md's SemEval rows),
the rows are resampled (seeded, without replacement) to fixed FAVOR:AGAINST:NONE shares and read
as one thread each; F_avg (SemEval-2016's (F_support + F_deny) / 2) is scored per balance, half
and target, and weighted over targets by size.

A cell is as large as the target's half allows without repeating a row (at most its natural
size); cells that would hold fewer than MIN_ROWS rows are left out and listed (Climate has 13
AGAINST rows a half, so it has no against-heavy cell). Each cell is read in one stance_of call
with every other cell (each its own "article"), so a run costs one pass over the texts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np
import polars as pl

# FAVOR : AGAINST : NONE shares per balance; None = the target's natural rows.
BALANCES: dict[str, tuple[float, float, float] | None] = {
    "natural": None,
    "favour-heavy": (0.70, 0.15, 0.15),
    "against-heavy": (0.15, 0.70, 0.15),
    "even-split": (0.45, 0.45, 0.10),
}
CLASSES = ("support", "deny", "comment")
MIN_ROWS = 60
# `--reword`: the same tweets under their target said as a proposition with the same direction
# (favouring the target = agreeing with the sentence). Held-out target sets are mostly claims
# (a vaccine claim, "climate change is a serious concern"), and SemEval has one (Climate), whose
# AGAINST rows are too few for a skewed cell; these give propositions of every balance.
REWORDED = {
    "Legalization of Abortion": "Abortion should be legal",
    "Donald Trump": "Donald Trump would be a good president",
    "Hillary Clinton": "Hillary Clinton should be president",
    "Feminist Movement": "Feminism is good for society",
    "Atheism": "God does not exist",
}


def half_of_text(text: str) -> str:
    """'a' (tune) or 'b' (confirm): sha256 of the text, first byte even / odd."""
    return "ab"[hashlib.sha256((text or "").encode()).digest()[0] % 2]


def cell_rows(gold: np.ndarray, shares: tuple[float, float, float] | None, seed: int) -> np.ndarray | None:
    """Row numbers of one cell: the natural rows, or a seeded draw at `shares` (None if too small)."""
    if shares is None:
        return np.arange(len(gold))
    pools = [np.flatnonzero(gold == c) for c in CLASSES]
    size = min(len(gold), *(len(p) / s for p, s in zip(pools, shares) if s > 0))
    size = int(size)
    if size < MIN_ROWS:
        return None
    rng = np.random.default_rng(seed)
    counts = [int(round(s * size)) for s in shares]
    picked = [rng.choice(p, size=min(k, len(p)), replace=False) for p, k in zip(pools, counts)]
    return np.sort(np.concatenate(picked))


def build_cells(frame: pl.DataFrame, seeds: int = 1) -> list[dict]:
    """Every (target, half, balance, seed) cell: its texts and gold stances."""
    frame = frame.with_columns(pl.col("text").map_elements(half_of_text, return_dtype=pl.String).alias("half"))
    cells = []
    for (target, half), part in sorted(frame.group_by("target", "half"), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))):
        texts, gold = part["text"].to_list(), part["stance"].to_numpy().astype(str)
        for balance, shares in BALANCES.items():
            for seed in range(1 if shares is None else seeds):
                rows = cell_rows(gold, shares, seed)
                cells.append({"target": target, "half": half, "balance": balance, "seed": seed,
                              "texts": None if rows is None else [texts[i] for i in rows],
                              "gold": None if rows is None else gold[rows]})
    return cells


def read_cells(cells: list[dict], settings=None, *, with_confidence: bool = False) -> list:
    """Predicted stances per cell, all cells read in one stance_of call (each cell one thread);
    with `with_confidence`, (stances, stated confidences) per cell."""
    from replyscope.analyze.stance import stance_of  # noqa: PLC0415

    live = [c for c in cells if c["texts"] is not None]
    ids, docs, texts = [], [], []
    for k, c in enumerate(live):
        ids += [f"c{k}-{i}" for i in range(len(c["texts"]))]
        docs += [f"c{k}"] * len(c["texts"])
        texts += c["texts"]
    comments = pl.DataFrame({"comment_id": ids, "doc_id": docs, "text": texts})
    articles = pl.DataFrame({"doc_id": [f"c{k}" for k in range(len(live))], "title": [c["target"] for c in live],
                             "body": [c["target"] for c in live]})
    read = stance_of(comments, articles, settings=settings)
    predicted = read.select(pl.col("comment_id").str.extract(r"^c(\d+)-").cast(pl.Int64).alias("k"), "stance", "stance_confidence")
    by_cell = {
        k: (g["stance"].to_numpy().astype(str), g["stance_confidence"].fill_null(0.0).to_numpy())
        for (k,), g in predicted.group_by("k", maintain_order=True)
    }
    out, k = [], 0
    for c in cells:
        if c["texts"] is None:
            out.append(None)
        else:
            out.append(by_cell[k] if with_confidence else by_cell[k][0])
            k += 1
    return out


# Stated-confidence bins of the side reliability table (lower edges).
SIDE_BINS = (0.0, 0.4, 0.5, 0.6, 0.7, 0.8)


def side_reliability(cells: list[dict], predicted: list, confidence: list) -> dict:
    """Per balance (both halves pooled): for side labels (support / deny) binned by stated
    confidence, how many, the mean stated and the share right. A held-out set has its own
    balance, so a confidence that means what it says must mean it in every balance."""
    rows = []
    for c, p, conf in zip(cells, predicted, confidence):
        if p is None:
            continue
        side = np.isin(p, ("support", "deny"))
        at = np.searchsorted(SIDE_BINS, conf[side], side="right") - 1  # the bin whose lower edge is at or below
        rows.append(pl.DataFrame({"balance": c["balance"], "conf": conf[side], "ok": p[side] == c["gold"][side],
                                  "bin": [f"{SIDE_BINS[max(i, 0)]:.1f}-" for i in at]}))
    if not rows:
        return {}
    table = pl.concat(rows)
    out: dict[str, list] = {}
    for (balance,), g in table.group_by("balance", maintain_order=True):
        agg = g.group_by("bin").agg(pl.len().alias("n"), pl.col("conf").mean().round(3).alias("stated"), pl.col("ok").mean().round(3).alias("right")).sort("bin")
        out[balance] = agg.to_dicts()
    return out


def score(cells: list[dict], predicted: list[np.ndarray | None]) -> dict:
    """F_avg per (balance, half): weighted over targets by cell size, seeds averaged; per target too."""
    from replyscope.evaluate.stance_eval import stance_scores  # noqa: PLC0415

    rows = []
    for c, p in zip(cells, predicted):
        if p is None:
            continue
        s = stance_scores(c["gold"], p, four_way=False)
        side = p[np.isin(p, ("support", "deny"))]
        gold_side = c["gold"][np.isin(c["gold"], ("support", "deny"))]
        rows.append({"target": c["target"], "half": c["half"], "balance": c["balance"], "seed": c["seed"], "n": len(p),
                     "f_avg": s["f_avg"], "deny_of_sided": float(np.mean(side == "deny")) if len(side) else 0.0,
                     "sided": len(side), "sided_deny": int(np.sum(side == "deny")),
                     "gold_sided": len(gold_side), "gold_deny": int(np.sum(gold_side == "deny"))})
    table = pl.DataFrame(rows)
    per_target = table.group_by("balance", "half", "target").agg(pl.col("n").mean(), pl.col("f_avg").mean(), pl.col("deny_of_sided").mean())
    overall = per_target.group_by("balance", "half").agg(
        ((pl.col("f_avg") * pl.col("n")).sum() / pl.col("n").sum()).alias("f_avg"), pl.len().alias("targets")
    )
    # Pooled over targets and seeds: the share of side-taking replies read as against, beside
    # the gold share among side-taking rows (a reader with a class prior keeps the first flat).
    pooled = table.group_by("balance", "half").agg(
        (pl.col("sided_deny").sum() / pl.col("sided").sum()).alias("read"),
        (pl.col("gold_deny").sum() / pl.col("gold_sided").sum()).alias("gold"),
    )
    skipped = sorted({(c["target"], c["half"], c["balance"]) for c in cells if c["texts"] is None})
    return {
        "overall": {f"{b}/{h}": round(f, 4) for b, h, f, _ in overall.sort("balance", "half").iter_rows()},
        "targets": {f"{b}/{h}": {t: round(f, 3) for t, f in g.sort("target").select("target", "f_avg").iter_rows()}
                    for (b, h), g in per_target.group_by("balance", "half")},
        "deny_of_sided": {f"{b}/{h}": {t: round(f, 3) for t, f in g.sort("target").select("target", "deny_of_sided").iter_rows()}
                          for (b, h), g in per_target.group_by("balance", "half")},
        "against_share": {f"{b}/{h}": {"read": round(r, 3), "gold": round(g, 3)} for b, h, r, g in pooled.sort("balance", "half").iter_rows()},
        "worst": round(float(overall["f_avg"].min()), 4),
        "spread": round(float(overall["f_avg"].max() - overall["f_avg"].min()), 4),
        "skipped": [list(s) for s in skipped],
    }


def run(path: Path, *, seeds: int = 1, settings=None, reword: bool = False) -> dict:
    from replyscope.evaluate.stance_eval import read_stance_set  # noqa: PLC0415

    frame = read_stance_set(Path(path))
    if reword:
        frame = frame.with_columns(pl.col("target").replace(REWORDED))
    cells = build_cells(frame, seeds=seeds)
    read = read_cells(cells, settings, with_confidence=True)
    predicted = [None if r is None else r[0] for r in read]
    confidence = [None if r is None else r[1] for r in read]
    return score(cells, predicted) | {"side_reliability": side_reliability(cells, predicted, confidence)}


def _print(result: dict) -> None:
    halves = sorted({k.split("/")[1] for k in result["overall"]})
    print("F_avg by balance (FAVOR:AGAINST:NONE) and half, weighted over targets")
    print(f"{'balance':<16}" + "".join(f"{h:>8}" for h in halves))
    for balance in BALANCES:
        print(f"{balance:<16}" + "".join(f"{result['overall'].get(f'{balance}/{h}', float('nan')):>8.3f}" for h in halves))
    print(f"worst {result['worst']:.3f}, spread {result['spread']:.3f}")
    print("against share of side-taking replies, read / gold")
    for balance in BALANCES:
        print(f"{balance:<16}" + "".join(
            f"  {result['against_share'][f'{balance}/{h}']['read']:.2f}/{result['against_share'][f'{balance}/{h}']['gold']:.2f}"
            for h in halves if f"{balance}/{h}" in result["against_share"]))
    for key in sorted(result["targets"]):
        pairs = ", ".join(f"{t[:12]} {f:.2f} (deny {result['deny_of_sided'][key][t]:.2f})" for t, f in result["targets"][key].items())
        print(f"  {key}: {pairs}")
    if result.get("side_reliability"):
        print("side labels by stated confidence (halves pooled): n stated->right")
        for balance in BALANCES:
            bins = result["side_reliability"].get(balance, [])
            print(f"{balance:<16}" + "  ".join(f"{b['bin']} {b['n']} {b['stated']:.2f}->{b['right']:.2f}" for b in bins))
    if result["skipped"]:
        print("left out (fewer than", MIN_ROWS, "rows without repeats):", "; ".join("/".join(s) for s in result["skipped"]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--seeds", type=int, default=1, help="resamples per skewed balance")
    parser.add_argument("--reword", action="store_true", help="read the targets as propositions (REWORDED)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = run(args.path, seeds=args.seeds, reword=args.reword)
    _print(result)
    if args.json:
        print(json.dumps(result))


if __name__ == "__main__":
    main()
