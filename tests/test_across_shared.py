"""Campaign detection on real comments from ../shared (skipped when absent): four families, each
posted under eight pages with light edits, among ~1,400 distinct real comments of one hash half
(the threshold was tuned on half a; half b is the check)."""

from __future__ import annotations

import pytest

from conftest import shared_path
from replyscope.across.campaigns import CampaignSettings
from replyscope.evaluate.campaign_eval import build_set, real_comments, score

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def real():
    labeled = shared_path("labeled")
    shared_path("labeled", "sfu-constructiveness-toxicity.csv")
    shared_path("labeled", "rumoureval2019-sdqc-train-threads.jsonl")
    return real_comments(labeled)


@pytest.mark.parametrize("half", ["a", "b"])
def test_injected_families_come_out_whole_and_little_else_does(real, half):
    for seed in (0, 1, 2):
        injected = build_set(real, half, seed=seed)
        assert 1300 <= injected.comments.height <= 1500
        result = score(injected, CampaignSettings())
        assert result["families_found"] == 4, result["families"]  # each one campaign with >= 7 of its 8 posts
        assert result["false_campaigns"] <= 2, result["false_examples"]


def test_without_injections_real_comments_give_at_most_two_campaigns(real):
    for half in ("a", "b"):
        result = score(build_set(real, half, families=0, seed=0), CampaignSettings())
        assert result["false_campaigns"] <= 2, result["false_examples"]
