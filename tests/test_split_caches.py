"""The splitter's per-line caches: every unbounded one is trimmed and cleared with the others."""

from __future__ import annotations

import importlib
import pkgutil

import replyscope.split as split
from replyscope.split import _LINE_CACHES, clear_caches, split_document


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
    assert len(caches) >= len(_LINE_CACHES) > 10
    registered = {id(c) for c in _LINE_CACHES}
    assert [name for name, obj in caches if id(obj) not in registered] == []


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
    assert sum(c.cache_info().currsize for c in _LINE_CACHES) > 0
    clear_caches()
    assert all(c.cache_info().currsize == 0 for c in _LINE_CACHES)
