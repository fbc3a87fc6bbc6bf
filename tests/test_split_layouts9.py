"""Comment layouts of session 14 (layouts9): a microblog's reply thread, a chat export, a Q&A
site's comments signed at their line's end, an old guestbook. Every string here is invented."""

from __future__ import annotations

import pytest

from replyscope.evaluate.layout_variants import ROUND9_VARIANTS, render_variant
from replyscope.split import split_document

THREAD = {
    "thread_id": "t9",
    "source": {"id": "t9", "title": "The lighthouse keeper's cottage goes up for sale", "text": "The council will sell the old lighthouse keeper's cottage on the north headland this autumn.", "author": "coastdesk", "created": "2020-03-01T09:00:00Z"},
    "replies": [
        {"id": "r1", "text": "It should become a small museum, not a holiday let for people who visit twice a year.", "author": "Mara Quell", "parent_id": "t9", "created": "2020-03-01T09:12:00Z", "stance": "comment"},
        {"id": "r2", "text": "A museum needs staff and heating. Who pays for that once the grant runs out?", "author": "dunewalker", "parent_id": "r1", "created": "2020-03-01T09:31:00Z", "stance": "query"},
        {"id": "r3", "text": "My grandfather kept that light for eleven years.\n\nHe would have hated to see it sold.", "author": "Otto Brine", "parent_id": "t9", "created": "2020-03-01T10:02:00Z", "stance": "comment"},
        {"id": "r4", "text": "Volunteers run the one at Gullhaven and it does fine.", "author": "Ivy Marr", "parent_id": "r2", "created": "2020-03-01T10:40:00Z", "stance": "support"},
    ],
}
OWN = ("r1", "r2", "r3", "r4")


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("variant", ROUND9_VARIANTS)
def test_new_layouts_are_deterministic_and_their_truth_is_the_words_alone(variant, seed):
    page = render_variant(THREAD, variant, seed=seed)
    assert render_variant(THREAD, variant, seed=seed) == page
    truth = {r.id: r for r in page.replies}
    assert set(OWN) <= set(truth)
    for rid in OWN:
        r = truth[rid]
        words = r.text.split()
        assert words[-1] in page.text and words[0] in page.text
        # (the name, the clock, a field's label and a signature on the reply's own line are the site's)
        assert r.author not in r.text, (variant, seed, r.text)
        assert not r.text.startswith(("[", "Comment", "Message", "Entry:", "Posted")), (variant, seed, r.text)
        assert "2020" not in r.text and ":" not in r.text.split()[0]
    assert "Volunteers run the one at Gullhaven and it does fine." in truth["r4"].text


def test_a_chat_log_line_keeps_the_name_and_clock_out_of_the_truth():
    pages = [render_variant(THREAD, "chat", seed=s) for s in range(12)]
    logs = [p for p in pages if "Mara Quell: It should" in p.text or "<Mara Quell> It should" in p.text or "Mara Quell (9:12 AM): It should" in p.text]
    assert logs  # some seeds print the log's one-line form
    for p in logs:
        assert next(r for r in p.replies if r.id == "r1").text.startswith("It should become")


def test_a_signed_comment_line_ends_with_its_signature_and_the_truth_without_it():
    pages = [render_variant(THREAD, "inline", seed=s) for s in range(4)]
    for p in pages:
        line = next(s for s in p.text.splitlines() if "holiday let" in s)
        assert "Mara Quell" in line and not line.rstrip().endswith("twice a year.")
        assert next(r for r in p.replies if r.id == "r1").text.endswith("twice a year.")
