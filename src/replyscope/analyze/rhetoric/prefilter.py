"""Translate a cue family's Python regex into a Polars (Rust `regex`) prefilter.

Running every Python regex over every comment costs ~0.5 ms a comment. Polars' Rust engine
answers "could this family fire in this text at all?" for a whole batch in microseconds a row,
so the Python pass (which gives exact offsets and supports look-arounds) only runs on the few
rows that can match. The prefilter must accept a superset of what the Python pattern matches.

Rust's Unicode-aware `\\b` and `\\w` are an order of magnitude slower than ASCII ones, so `\\b` is
rewritten to ASCII and `\\w` to a cheap class that contains every Unicode word character (and
more). Where Python sees a word boundary, the ASCII rewrite either sees one too or the match can
shrink to one (a run of word characters gives back its non-ASCII end), so the prefilter still
accepts every row the Python pass matches; tests/test_rhetoric.py checks this on random text.
"""

from __future__ import annotations

import re

# A cheap superset of Unicode `\w`: every character except the ASCII non-word ones. Unicode `\w`
# makes Rust's engine several times slower; the prefilter only needs to accept at least as much
# (as a nested class it also works inside `[...]`, e.g. `[\w'’-]`).
_WORDISH_CLASS = r"[^\x00-\x2F\x3A-\x40\x5B-\x5E\x60\x7B-\x7F]"


def to_polars_regex(pattern: re.Pattern[str]) -> str:
    """The Rust-regex spelling of `pattern`, with ASCII word boundaries."""
    src = pattern.pattern
    out: list[str] = []
    in_class = False
    class_start = -1
    i = 0
    while i < len(src):
        ch = src[i]
        if ch == "\\" and i + 1 < len(src):
            esc = src[i + 1]
            if esc in "bB" and not in_class:
                out.append(rf"(?-u:\{esc})")
            elif esc == "w":
                out.append(_WORDISH_CLASS)
            else:
                out.append(src[i : i + 2])
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class, class_start = True, len(out)
        elif ch == "]" and in_class and "".join(out[class_start:]) not in ("[", "[^"):
            in_class = False
        out.append(ch)
        i += 1
    prefix = "(?i)" if pattern.flags & re.IGNORECASE else ""
    return prefix + "".join(out)
