"""The splitter's per-line caches: every unbounded one is trimmed and cleared with the others."""

from __future__ import annotations

import importlib
import pkgutil

import replyscope.split as split
from replyscope.split import _LINE_CACHES, clear_caches, split_document
from replyscope.split.caches import cache_size


def _unbounded_caches() -> list[tuple[str, object]]:
    found = []
    for info in pkgutil.iter_modules(split.__path__):
        module = importlib.import_module(f"replyscope.split.{info.name}")
        for name, obj in vars(module).items():
            if getattr(obj, "__module__", None) == module.__name__ and hasattr(obj, "cache_parameters"):
                if obj.cache_parameters()["maxsize"] is None:
                    found.append((f"{info.name}.{name}", obj))
    return found


def test_every_unbounded_cache_is_a_line_cache() -> None:
    # an unbounded cache left out of _LINE_CACHES would grow without end over a long run and keep
    # a benchmark's repeats warm
    caches = _unbounded_caches()
    assert len(caches) >= len([c for c in _LINE_CACHES if not isinstance(c, dict)]) >= 1
    registered = {id(c) for c in _LINE_CACHES}
    assert [name for name, obj in caches if id(obj) not in registered] == []


def test_every_dict_cache_is_a_line_cache() -> None:
    # (caches.line_dict: the most asked readers keep their verdicts in a module-level dict)
    found = []
    for info in pkgutil.iter_modules(split.__path__):
        module = importlib.import_module(f"replyscope.split.{info.name}")
        found += [(f"{info.name}.{name}", obj) for name, obj in vars(module).items() if name.endswith("_CACHE") and isinstance(obj, dict)]
    assert len(found) >= 5
    registered = {id(c) for c in _LINE_CACHES}
    assert [name for name, obj in found if id(obj) not in registered] == []


def test_clear_caches_empties_them_all() -> None:
    text = (
        "Harbour ferries to run later on summer weekends\n\n"
        + "The island ferry will leave the harbour an hour later on Saturdays and Sundays from June, the "
        "transport board said, after a survey of riders who asked for a last crossing after the concerts.\n\n"
        + "".join(f"  • {name}\n\n    {words}\n\n" for name, words in [
            ("Mara Quell", "I think the late boat will be full every week."),
            ("dunewalker", "You can already take the bus round the bay, it is slower but runs all night."),
            ("Tobin Harrow", "Thanks, I did not know that about the bus."),
        ])
    )
    split_document(text)
    assert sum(cache_size(c) for c in _LINE_CACHES) > 0
    assert any(cache_size(c) > 0 for c in _LINE_CACHES if isinstance(c, dict))  # (the readers fill their own dicts)
    clear_caches()
    assert all(cache_size(c) == 0 for c in _LINE_CACHES)


def _dict_cached_readers() -> list[tuple[object, object]]:
    """(reader, its uncached body) for every reader cached with caches.line_dict (`f` and `_f_uncached`)."""
    pairs = []
    for info in pkgutil.iter_modules(split.__path__):
        module = vars(importlib.import_module(f"replyscope.split.{info.name}"))
        for name, obj in module.items():
            if name.endswith("_uncached") and callable(obj):
                base = name[1 : -len("_uncached")]
                reader = module.get(base) or module.get("_" + base)
                assert reader is not None, name
                pairs.append((reader, obj))
    return pairs


def _answer(reader, s: str) -> tuple:
    # (a reader asked what it is never asked in the split, dates._month of a word that names no
    # month, raises: the cached reader must raise the same, and cache nothing)
    try:
        return ("answered", reader(s))
    except Exception as exc:  # noqa: BLE001
        return ("raised", type(exc))


def test_the_dict_cached_readers_give_their_uncached_verdicts() -> None:
    lines = [
        "Reply", "12 Comments", "Mara Quell says:", "March 3, 2015 at 9:12 am", "Home | News | Contact",
        "« Previous post", "I think the late boat will be full every week, and nobody asked the riders.",
        "dunewalker · 2h", "Share this:", "What readers say", "Add your voice below", "Posted by Tobin Harrow",
        "Handle (needed)", "[deleted]", "Q: Does the late boat stop at the pier?", "@harbourfan thanks!",
    ]
    pairs = _dict_cached_readers()
    assert len(pairs) >= 40
    clear_caches()
    for cached, uncached in pairs:
        for s in lines:
            first, again = _answer(cached, s), _answer(cached, s)  # (the second answer is the cached one)
            assert first == again == _answer(uncached, s), (uncached, s)
    from replyscope.split.anchors import _may_head_section
    from replyscope.split.chrome import is_chrome
    from replyscope.split.headers import read_header

    assert read_header("Mara Quell says:") is not None and is_chrome("Reply") and _may_head_section("12 Comments")



# Invented pages for the batch-end policy (split.end_batch): each line of a page is its own, unless
# the page is split again.
_TOWNS = ("Arden", "Belmere", "Corvale", "Dunmore", "Elsby", "Farrow", "Glenhurst", "Harwick")
_THINGS = ("ferry", "library", "market", "bridge", "tram line", "harbour wall", "bakery", "school hall")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")


def _invented_page(n: int) -> str:
    town, thing = _TOWNS[n % 8], _THINGS[(n // 8) % 8]
    story = "\n\n".join(
        f"In {town} the {thing} stayed shut on {_DAYS[j % 6]} while crew {n}-{j} checked the wiring, said warden {n * 31 + j}."
        for j in range(12)
    )
    comments = "".join(
        f"Reader{n}x{j} says:\nMarch {j + 1}, 2024 at {j + 1}:{n % 60:02d} pm\nCase {n}/{j}: the {thing} in {town} was fine last week.\n\n"
        for j in range(6)
    )
    return f"Notes from {town}, issue {n}\n\n{story}\n\n6 comments\n\n{comments}"


def _held(s: str) -> int:
    """How many of the dict caches hold a verdict for `s`."""
    return sum(s in c for c in _LINE_CACHES if isinstance(c, dict))


def test_verdicts_are_kept_across_batches_only_where_lines_come_back() -> None:
    # (split.end_batch: a batch of pages whose lines occur once forgets its verdicts, whose memory
    # would cost more than reading them again; a batch whose lines come back from earlier batches,
    # as a site's menus and stamps do over a large run, keeps them)
    from replyscope.split import end_batch

    first = [_invented_page(n) for n in range(40)]
    second = [_invented_page(n) for n in range(40, 80)]
    one_off = "In Arden the ferry stayed shut on Monday while crew 0-0 checked the wiring, said warden 0."
    clear_caches()
    for page in first:
        split_document(page)
    assert _held(one_off) > 0
    assert end_batch() is False  # nothing came back: forgotten
    assert all(cache_size(c) == 0 for c in _LINE_CACHES if isinstance(c, dict))
    for page in second:
        split_document(page)
    assert end_batch() is False
    assert _held(one_off) == 0
    for page in first:  # the first batch's pages again: their lines came back
        split_document(page)
    assert end_batch() is True
    assert _held(one_off) > 0
    kept = sum(cache_size(c) for c in _LINE_CACHES if isinstance(c, dict))
    warm = [split_document(page) for page in first]
    assert end_batch() is True  # (nearly every line answered from the verdicts kept)
    assert sum(cache_size(c) for c in _LINE_CACHES if isinstance(c, dict)) == kept
    clear_caches()
    assert [split_document(page) for page in first] == warm  # (kept verdicts answer as fresh ones)


def test_a_batch_too_small_to_sample_keeps_the_caches_as_they_are() -> None:
    from replyscope.split import end_batch

    clear_caches()
    split_document(_invented_page(3))
    before = sum(cache_size(c) for c in _LINE_CACHES if isinstance(c, dict))
    assert before > 0
    assert end_batch() is True
    assert sum(cache_size(c) for c in _LINE_CACHES if isinstance(c, dict)) == before
