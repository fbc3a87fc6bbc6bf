"""The report payload: comments recoverable from page text, offsets right, size caps honest."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

import runfixtures as rf
from replyscope.report import build_report, data
from replyscope.schema import ROLES, TABLES


def payload_for(tmp_path, pages, **kwargs):
    run_dir = rf.write_run(tmp_path / "run", pages)
    return data.build_payload(data.load_run(run_dir), **kwargs), run_dir


def comment_texts(p: dict) -> list[str]:
    """What the page does to recover each comment's words (in code points, as Python indexes)."""
    c, texts = p["comments"], []
    explicit = dict(zip(c["explicitIdx"], c["explicitText"], strict=True))
    for i, (d, at, n) in enumerate(zip(c["doc"], c["at"], c["n"], strict=True)):
        texts.append(explicit[i] if at < 0 else p["docs"]["text"][d][at : at + n])
    return texts


def test_every_comment_is_recovered_from_its_page_text(tmp_path):
    p, run_dir = payload_for(tmp_path, rf.PAGES)
    comments = pl.read_parquet(run_dir / "comments.parquet")
    assert comment_texts(p) == comments["text"].to_list()
    assert p["comments"]["explicitIdx"] == []  # all are verbatim slices: stored once, in the page
    assert p["comments"]["id"] is None  # ids follow doc_id-position, so the page derives them


def test_astral_characters_keep_offsets_right(tmp_path):
    page = rf.Page(title="Emoji 😀 title", body=["🔥" * 3 + " body"], comments=[rf.Reply("a😀", "😀 Thanks, 🔥 great"), rf.Reply("b", "plain")])
    p, _ = payload_for(tmp_path, [page])
    assert comment_texts(p) == ["😀 Thanks, 🔥 great", "plain"]
    assert p["docs"]["astral"] == [1]  # tells the page to map code points to UTF-16 units
    ev = p["evidence"]
    k = ev["tag"].index(p["tags"].index("praise_thanks"))
    assert comment_texts(p)[ev["c"][k]][ev["start"][k] : ev["end"][k]] == "Thanks"


def test_a_comment_that_is_not_a_slice_carries_its_own_text(tmp_path):
    run_dir = rf.write_run(tmp_path / "run", rf.PAGES)
    comments = pl.read_parquet(run_dir / "comments.parquet")
    dedented = comments.with_columns(text=pl.when(pl.col("position") == 1).then(pl.col("text") + " (edited)").otherwise("text"))
    dedented.write_parquet(run_dir / "comments.parquet")
    p = data.build_payload(data.load_run(run_dir))
    assert comment_texts(p) == dedented["text"].to_list()
    assert len(p["comments"]["explicitIdx"]) == 2  # position 1 on both pages with comments


def test_pieces_tile_the_page_and_report_omissions(tmp_path):
    p, run_dir = payload_for(tmp_path, rf.PAGES, page_text_budget=150)
    documents = pl.read_parquet(run_dir / "documents.parquet").filter(pl.col("status") == "ok")
    docs = p["docs"]
    assert p["text_cap"] is not None
    omitted = dict(zip(docs["omitIdx"], docs["omitLen"], strict=True))
    first = 0
    for d, count in enumerate(docs["segCount"]):
        lengths = docs["segLen"][first : first + count]
        assert sum(lengths) == len(docs["text"][d])
        full = documents.filter(pl.col("doc_id") == docs["id"][d])["text"].item()
        assert sum(lengths) + sum(omitted.get(k, 0) for k in range(first, first + count)) == len(full)
        first += count
    # comments are never cut: still recovered whole after the body was trimmed
    assert comment_texts(p) == pl.read_parquet(run_dir / "comments.parquet")["text"].to_list()
    kept_body = sum(
        n for n, r in zip(docs["segLen"], docs["segRole"], strict=True) if p["roles"][r] in ("title", "body", "boilerplate")
    )
    assert kept_body <= 150


def test_water_level_trims_only_the_longest():
    assert data.water_level(np.array([10, 20, 30]), 100) is None
    assert data.water_level(np.array([10, 20, 300]), 100) == 70  # 10 + 20 + 70
    assert data.water_level(np.array([5, 5]), 4) == 2


def test_gaps_and_overlaps_in_the_segment_map_still_cover_the_text(tmp_path):
    run_dir = rf.write_run(tmp_path / "run", [rf.NO_COMMENTS])
    text = pl.read_parquet(run_dir / "documents.parquet")["text"].item()
    doc_id = rf.doc_id_for(0)
    # a gap [0, 5), an overlap of [20, 30) with [25, 40), and nothing after 40
    broken = pl.DataFrame(
        {"doc_id": [doc_id] * 2, "seg_no": [0, 1], "start": [5, 25], "end": [30, 40], "role": ["body", "not-a-role"]},
        schema=TABLES["segments"],
    )
    broken.write_parquet(run_dir / "segments.parquet")
    p = data.build_payload(data.load_run(run_dir))
    roles = [p["roles"][r] for r in p["docs"]["segRole"]]
    assert roles == ["unassigned", "body", "unassigned", "unassigned"]
    assert p["docs"]["segLen"] == [5, 25, 10, len(text) - 40]
    assert p["docs"]["text"] == [text]


def test_missing_analysis_tables_still_report(tmp_path):
    run_dir = rf.write_run(tmp_path / "run", rf.PAGES)
    for name in ("features", "clusters", "cluster_summary", "segments"):
        (run_dir / f"{name}.parquet").unlink()
    p = data.build_payload(data.load_run(run_dir))
    assert set(p["comments"]["stance"]) == {-1} and set(p["comments"]["cluster"]) == {-1}
    assert p["clusters"]["id"] == []
    assert build_report(run_dir).exists()


def test_tags_travel_as_bits_and_bad_evidence_is_dropped(tmp_path):
    run_dir = rf.write_run(tmp_path / "run", rf.PAGES)
    features = pl.read_parquet(run_dir / "features.parquet")
    bad = {"tag": "emphasis", "cue": "x", "start": 5, "end": 100_000}
    features = features.with_columns(
        evidence=pl.when(pl.col("comment_id").str.ends_with("-0000")).then(pl.col("evidence").list.concat(pl.lit([bad], dtype=TABLES["features"]["evidence"]))).otherwise("evidence")
    )
    features.write_parquet(run_dir / "features.parquet")
    p = data.build_payload(data.load_run(run_dir))
    for mask, tags in zip(p["comments"]["tags"], features["tags"].to_list(), strict=True):
        assert [t for k, t in enumerate(p["tags"]) if mask & (1 << k)] == sorted(tags, key=p["tags"].index)
    ends = np.array(p["evidence"]["end"])
    lengths = np.array(p["comments"]["n"])[p["evidence"]["c"]]
    assert (ends <= lengths).all() and len(ends) == features["evidence"].list.len().sum() - 2  # the two bad spans


def test_comment_less_pages_are_capped(tmp_path, monkeypatch):
    monkeypatch.setattr(data, "MAX_PAGES_WITHOUT_COMMENTS", 1)
    p, _ = payload_for(tmp_path, [rf.NO_COMMENTS, rf.HARBOUR_BRIDGE, rf.NO_COMMENTS, rf.NO_COMMENTS])
    assert p["docs"]["ncom"] == [0, 6]
    assert p["overview"]["pages"] == 4 and p["overview"]["pages_listed"] == 2


def test_untitled_pages_take_their_first_line(tmp_path):
    page = rf.Page(title="", body=["First line of a plain-text dump", "more"])
    p, _ = payload_for(tmp_path, [page])
    assert p["docs"]["title"] == ["First line of a plain-text dump"]


def test_untitled_pages_are_named_by_their_article_not_their_menu():
    """A text dump opening on its site's menu is listed by its article's opening words; a long
    opening is cut at a word with an ellipsis; a page with no article text keeps its first line."""
    long_opening = "Harbour ferry fares will rise by a third from Monday, the council said on Friday, " * 3
    pages = pl.DataFrame({
        "doc_id": ["a", "b", "c", "d"], "didx": [0, 1, 2, 3], "title": ["", "", "Given title", ""],
        "text": ["Navigation: Jump to content areas:\n• Home\nCouncil raises ferry fares\nText", "• Home\n• World\n" + long_opening,
                 "Menu\nGiven title", "Only a line of its own"],
    })
    articles = pl.DataFrame({
        "doc_id": ["a", "b", "c", "d"], "title": ["", "", "", ""],
        "body": ["Oct\n\nCouncil raises ferry fares\n\nText of it.", long_opening, "Body.", ""],
    })
    titles = data.page_titles(pages, articles).to_list()
    assert titles[0] == "Council raises ferry fares"  # (a lone month is no opening)
    assert titles[1].endswith(" …") and len(titles[1]) <= data.OPENING_TITLE_CHARS + 2
    assert long_opening.startswith(titles[1][:-2]) and not titles[1][:-2].endswith(" ")
    assert titles[2:] == ["Given title", "Only a line of its own"]


def test_a_title_heading_several_different_articles_is_the_site_s_not_theirs():
    """'Send to a Friend' over three different articles is furniture: each page is named by its
    article, past the site's line its text opens with on every page; the same article crawled
    three times keeps its title."""
    openings = ["Ferry fares rise by a third from Monday.", "The library reopens after two years of repairs.",
                "Rain closes the coastal road again."]
    bodies = [f"Home • News • Features\n\n{o}\n\nMore of the story." for o in openings] + ["Council approves the budget."] * 3
    pages = pl.DataFrame({"doc_id": list("abcdef"), "didx": list(range(6)), "title": [""] * 6, "text": bodies})
    articles = pl.DataFrame({"doc_id": list("abcdef"), "title": ["Send to a Friend"] * 3 + ["Budget passes"] * 3, "body": bodies})
    titles = data.page_titles(pages, articles).to_list()
    assert titles[:3] == openings
    assert titles[3:] == ["Budget passes"] * 3


def test_overview_counts(tmp_path):
    p, _ = payload_for(tmp_path, rf.PAGES)
    o = p["overview"]
    assert (o["documents"], o["pages"], o["pages_with_comments"], o["comments"], o["sites"]) == (4, 3, 2, 9, 2)
    assert o["problems"][0]["status"] == "skipped" and o["first"].startswith("2026-01-05")
    assert set(ROLES) <= set(p["roles"])


@pytest.mark.parametrize("budget", [0, 10**9])
def test_layout_coordinates_are_scaled_ints(tmp_path, budget):
    p, _ = payload_for(tmp_path, rf.PAGES, page_text_budget=budget)
    xs = [x for x in p["comments"]["x"] if x is not None]
    assert min(xs) == 0 and max(xs) == 10_000 and all(isinstance(x, int) for x in xs)


def test_duplicate_rows_in_side_tables_do_not_duplicate_comments(tmp_path):
    run_dir = rf.write_run(tmp_path / "run", rf.PAGES)
    for name in ("features", "clusters"):
        frame = pl.read_parquet(run_dir / f"{name}.parquet")
        pl.concat([frame, frame]).write_parquet(run_dir / f"{name}.parquet")
    p = data.build_payload(data.load_run(run_dir))
    assert len(p["comments"]["doc"]) == 9 and len(p["comments"]["stance"]) == 9
    once = data.build_payload(data.load_run(rf.write_run(tmp_path / "once", rf.PAGES)))
    assert p["evidence"] == once["evidence"]


def test_comment_budget_cuts_long_comments_and_says_so(tmp_path):
    p, run_dir = payload_for(tmp_path, rf.PAGES, comment_text_budget=400)
    original = pl.read_parquet(run_dir / "comments.parquet")["text"].to_list()
    kept = comment_texts(p)
    cap = p["comment_cap"]
    assert cap is not None and sum(len(t) for t in kept) <= 400
    assert all(o.startswith(k) and len(k) == min(len(o), cap) for o, k in zip(original, kept, strict=True))
    cut = dict(zip(p["comments"]["cutIdx"], p["comments"]["cutFull"], strict=True))
    assert cut == {i: len(o) for i, o in enumerate(original) if len(o) > cap}
    assert p["comments"]["explicitIdx"] == []  # still slices of the page text
    assert all(e <= p["comments"]["n"][c] for c, e in zip(p["evidence"]["c"], p["evidence"]["end"], strict=True))


def test_a_large_run_lists_a_sample_of_whole_pages_and_says_so(tmp_path):
    pages = [rf.HARBOUR_BRIDGE, rf.LIBRARY_HOURS] * 6
    run_dir = rf.write_run(tmp_path / "run", pages)
    comments = pl.read_parquet(run_dir / "comments.parquet")
    per_page = comments.group_by("doc_id").len()
    cap = int(per_page["len"].max()) * 2
    p = data.build_payload(data.load_run(run_dir, max_comments=cap))
    listed = len(p["comments"]["doc"])
    assert p["sampled"] == {
        "comments": listed, "comments_total": comments.height,
        "pages": p["sampled"]["pages"], "pages_total": per_page.height,
    }
    assert 0 < listed < comments.height and p["sampled"]["pages"] < per_page.height
    # whole pages: every listed page brings all its comments
    counts = dict(per_page.iter_rows())
    shown = np.bincount(p["comments"]["doc"], minlength=len(p["docs"]["id"]))
    for d, doc_id in enumerate(p["docs"]["id"]):
        if shown[d]:
            assert shown[d] == counts[doc_id]
    # the overview counts the whole run, the listed comments are recovered from their pages
    assert p["overview"]["comments"] == comments.height
    assert p["overview"]["pages_with_comments"] == per_page.height
    by_id = dict(zip(comments["comment_id"], comments["text"], strict=True))
    ids = [f"{p['docs']['id'][d]}-{pos:04d}" for d, pos in zip(p["comments"]["doc"], p["comments"]["pos"], strict=True)]
    assert comment_texts(p) == [by_id[i] for i in ids]
    # the same run lists the same pages
    assert data.build_payload(data.load_run(run_dir, max_comments=cap))["docs"]["id"] == p["docs"]["id"]


def test_a_run_within_the_cap_is_listed_whole(tmp_path):
    p, run_dir = payload_for(tmp_path, rf.PAGES)
    assert p["sampled"] is None
    assert len(p["comments"]["doc"]) == pl.read_parquet(run_dir / "comments.parquet").height
