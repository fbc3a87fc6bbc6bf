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
