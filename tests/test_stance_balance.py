"""The class-balance stress test of the target stance reader (evaluate/stance_balance.py):
its cells have the asked FAVOR:AGAINST:NONE shares without repeating a row, halves go by text
hash, and the scores pool the against-share of side-taking replies beside gold.

Texts invented for these tests (no external data)."""

from __future__ import annotations

import numpy as np
import polars as pl

from replyscope.evaluate.stance_balance import BALANCES, CLASSES, MIN_ROWS, REWORDED, build_cells, cell_rows, half_of_text, score


def test_stress_cells_have_the_asked_balance_without_repeats():
    gold = np.array(["support"] * 200 + ["deny"] * 100 + ["comment"] * 60)
    for name, shares in BALANCES.items():
        rows = cell_rows(gold, shares, seed=0)
        assert rows is not None and len(set(rows.tolist())) == len(rows)  # no row twice
        if shares is None:
            assert len(rows) == len(gold)
            continue
        counts = np.array([np.sum(gold[rows] == c) for c in CLASSES])
        assert np.allclose(counts / counts.sum(), shares, atol=0.02), name
        assert np.array_equal(rows, cell_rows(gold, shares, seed=0))  # seeded
    # too few AGAINST rows for an against-heavy cell: left out, not filled with repeats
    scarce = np.array(["support"] * 300 + ["deny"] * 10 + ["comment"] * 50)
    assert cell_rows(scarce, BALANCES["against-heavy"], seed=0) is None
    assert MIN_ROWS > 10 / 0.7


def test_halves_are_by_text_hash():
    assert half_of_text("a reply") == half_of_text("a reply")
    assert {half_of_text(f"reply {i}") for i in range(20)} == {"a", "b"}


def _frame() -> pl.DataFrame:
    rng = np.random.default_rng(0)
    openers = ["Love the new cycle lanes", "Cycle lanes are a waste of road", "Saw a fox on the way home"]
    stances = rng.choice(["support", "deny", "comment"], size=600, p=[0.4, 0.4, 0.2])
    texts = [f"{openers[['support', 'deny', 'comment'].index(s)]} #{i}" for i, s in enumerate(stances)]
    return pl.DataFrame({"target": ["Cycle lanes"] * len(texts), "text": texts, "stance": stances.tolist()})


def test_scores_pool_the_against_share_of_sides_beside_gold():
    cells = build_cells(_frame(), seeds=2)
    assert {c["balance"] for c in cells} == set(BALANCES)
    # a reader that reads every reply as gold says: read share equals gold share in every cell
    perfect = score(cells, [None if c["gold"] is None else c["gold"] for c in cells])
    for key, shares in perfect["against_share"].items():
        assert shares["read"] == shares["gold"], key
    assert abs(perfect["against_share"]["favour-heavy/a"]["gold"] - 0.15 / 0.85) < 0.02
    assert abs(perfect["against_share"]["against-heavy/b"]["gold"] - 0.70 / 0.85) < 0.02
    assert perfect["worst"] == 1.0
    # a reader that splits every cell's sides half and half (a 50/50 prior) reads the same share
    # whatever the balance, and the pooled share shows it
    halved = [None if c["gold"] is None else np.where(np.arange(len(c["gold"])) % 2 == 0, "support", "deny") for c in cells]
    flat = score(cells, halved)
    assert {round(v["read"], 1) for v in flat["against_share"].values()} == {0.5}
    assert flat["worst"] < 0.6


def test_reworded_targets_keep_their_direction():
    # favouring the target = agreeing with the sentence; every rewording is a proposition
    from replyscope.analyze.stance.proposition import predicate_of

    assert all(predicate_of(claim) for claim in REWORDED.values())


def test_side_reliability_bins_side_labels_by_stated_confidence():
    from replyscope.evaluate.stance_balance import side_reliability

    cells = [{"balance": "natural", "gold": np.array(["support", "deny", "support", "comment", "deny"])}]
    predicted = [np.array(["support", "support", "support", "comment", "deny"])]
    confidence = [np.array([0.85, 0.45, 0.9, 0.99, 0.42])]
    table = side_reliability(cells, predicted, confidence)["natural"]
    by_bin = {row["bin"]: row for row in table}
    # comments are not side labels; the two sure supports are right, of the unsure sides one is
    assert sum(row["n"] for row in table) == 4
    assert by_bin["0.8-"]["n"] == 2 and by_bin["0.8-"]["right"] == 1.0
    assert by_bin["0.4-"]["n"] == 2 and by_bin["0.4-"]["right"] == 0.5
    assert abs(by_bin["0.4-"]["stated"] - 0.435) < 1e-9
