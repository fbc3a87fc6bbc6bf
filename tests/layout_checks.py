"""What every layout round's tests ask of a thread rendered in one of its layouts: the rendering is
the same for the same seed, it shows each of the thread's own replies, and the splitter gives each
reply back under its author, from its first word to its last."""

from __future__ import annotations

from replyscope.evaluate.layout_variants import render_variant
from replyscope.split import split_document


def assert_rendered_and_split_back(thread: dict, own: tuple[str, ...], variant: str, seed: int) -> None:
    page = render_variant(thread, variant, seed=seed)
    assert render_variant(thread, variant, seed=seed) == page
    truth = {r.id: r for r in page.replies}
    assert set(own) <= set(truth)
    found = split_document(page.text).comments
    for r in thread["replies"]:
        # (the author as the layout prints it; the reply's own words, under the quote of another
        # post that a board's reply may open with)
        want = truth[r["id"]]
        first, last = r["text"].split()[0], r["text"].split()[-1]
        assert any(c.author == want.author and first in c.text and c.text.endswith(last) for c in found), (variant, seed, r["id"])
