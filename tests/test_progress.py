"""Progress of the analysis: every step reports its start and its end, in order, with counts."""

from __future__ import annotations

from typer.testing import CliRunner

from replyscope.analyze import AnalyzeSettings, analyze_comments
from replyscope.cli import app
from test_analyze import TOLL_ARTICLE, TOLL_COMMENTS, VACCINE_ARTICLE, VACCINE_COMMENTS, make_articles, make_comments


def test_each_step_starts_at_zero_and_ends_at_the_comment_count():
    comments = make_comments([("toll", TOLL_COMMENTS), ("vax", VACCINE_COMMENTS)])
    articles = make_articles(TOLL_ARTICLE, VACCINE_ARTICLE)
    calls: list[tuple[str, int, int]] = []
    timings: dict[str, float] = {}
    analyze_comments(
        comments, articles, AnalyzeSettings(representation="tfidf", layout=False), timings=timings,
        on_progress=lambda step, done, total: calls.append((step, done, total)),
    )
    n = comments.height
    steps = list(dict.fromkeys(step for step, _, _ in calls))
    assert steps == ["rhetoric", "stance", "text stats", "embedding", "clustering", "describe"]
    for step in steps:
        mine = [(done, total) for s, done, total in calls if s == step]
        assert mine[0] == (0, n) and mine[-1] == (n, n), (step, mine)
        assert all(a[0] <= b[0] for a, b in zip(mine, mine[1:]))  # never goes backwards
    assert set(timings) == {"features", "represent", "cluster", "describe"}


def test_cli_shows_one_bar_per_step(tmp_path):
    page = tmp_path / "pages" / "a.txt"
    page.parent.mkdir()
    body = "The city council voted to double the toll on the harbour bridge to pay for repairs. " * 4
    page.write_text(body + "\n\n" + "".join(f"  \u2022 Reader {i}\n\n    {t}\n\n" for i, t in enumerate(TOLL_COMMENTS)))
    result = CliRunner().invoke(app, ["run", str(page.parent), "--out", str(tmp_path / "run"), "--representation", "tfidf"])
    assert result.exit_code == 0, result.output
    # The run analyses in batches (analyze.streaming): features by batch, then the sample's
    # embedding and clusters, the assignment of every comment, the summaries.
    for step in ("features", "embedding", "clustering", "assign", "describe"):
        assert step in result.output
