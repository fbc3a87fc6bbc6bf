"""Pages written for the run-safety tests: a news article followed by a Disqus-like comment list.

`write_pages(folder, n, variant)` writes n pages the splitter reads as two comments each; the two
variants argue differently, so a run over one and a report over the other would show it.
"""

from __future__ import annotations

from pathlib import Path

PAGE = """Harbour bridge tolls to double next spring ({i})

The transport board confirmed on {day} that tolls on the harbour bridge will double from April.

Officials said the money would pay for repairs that are ten years overdue.
{pad}
  • Marta Quill

    {first}

  • dockside_dave

    {second}
"""

COMMENTS = {
    "agree": (
        "I completely agree with the article, the deck has been crumbling for years.",
        "About time. My father drove over that bridge every day and it was falling apart then.",
    ),
    "doubt": (
        "Double? For the same potholes? No thanks.",
        "It is a cover-up. They do not want you to know where the toll money went.",
    ),
}

PARAGRAPH = "\nParagraph {k} goes on about the bridge, the board, the budget and the repairs in some detail.\n"


def page_text(i: int, variant: str = "agree", pad: int = 0) -> str:
    first, second = COMMENTS[variant]
    padding = "".join(PARAGRAPH.format(k=k) for k in range(pad))
    return PAGE.format(i=i, day=f"day {i}", pad=padding, first=first, second=second)


def write_pages(folder: Path, n: int, variant: str = "agree", pad: int = 0) -> Path:
    """n pages p0000.txt... in folder (created); `pad` paragraphs make each page longer."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"p{i:04d}.txt").write_text(page_text(i, variant, pad), encoding="utf-8")
    return folder
