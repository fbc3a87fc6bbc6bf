"""Turn a hand-written word list into one fast compiled regex.

Python's `re` tries the branches of an alternation one by one at every position, so a plain
`word1|word2|...` over hundreds of words is slow. Folding the words into a character trie first
(`bru(?:tal(?:ly|ity)?|te)`) lets the engine discard a position after a character or two, which
keeps a lexicon of a few hundred entries at a few microseconds per comment.

Entry syntax (kept tiny on purpose):
  - a space matches any run of whitespace ("witch hunt" also matches "witch  hunt"),
  - a hyphen matches a hyphen, a space or nothing ("fear-monger" = "fearmonger" = "fear monger"),
  - an apostrophe matches ' or the typographic ’,
  - a trailing `*` matches any word characters (`slaughter*` = slaughters, slaughtered, ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # trie key marking "a word may end here"

# How a special character in an entry is written in the regex.
_ATOM_FOR_CHAR: dict[str, str] = {
    " ": r"\s+",
    "-": r"[-\s]?",
    "'": r"['’]",
    "*": r"\w*",
}


def _atoms(entry: str) -> list[str]:
    """The regex atoms that spell one lexicon entry."""
    return [_ATOM_FOR_CHAR.get(ch, re.escape(ch)) for ch in entry]


def _trie_to_regex(node: dict) -> str:
    """The regex for a trie node: an alternation of its branches, optional when a word ends here."""
    branches = [atom + _trie_to_regex(child) for atom, child in sorted(node.items()) if atom != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and len(branches[0]) <= 2 else "(?:" + "|".join(branches) + ")"
    if _END in node:
        # A word may stop here or go on; a greedy `?` tries the longer word first, and the
        # closing \b makes the engine fall back to the shorter one when the longer does not fit.
        return body + "?" if body.startswith("(?:") else "(?:" + body + ")?"
    return body


def lexicon_regex(entries: Iterable[str], *, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One compiled regex matching any entry as whole words (entries are lower-cased)."""
    return re.compile(r"\b" + lexicon_pattern(entries) + r"\b", flags)


def lexicon_pattern(entries: Iterable[str], *, keep_case: bool = False) -> str:
    """The uncompiled alternation `(?:...)` for the entries, to embed in a larger pattern.

    Entries are lower-cased unless `keep_case` (for patterns that must see capitals).
    """
    trie: dict = {}
    for entry in entries:
        entry = " ".join((entry if keep_case else entry.lower()).split())
        if not entry:
            continue
        node = trie
        for atom in _atoms(entry):
            node = node.setdefault(atom, {})
        node[_END] = {}
    if not trie:
        raise ValueError("empty lexicon")
    return "(?:" + _trie_to_regex(trie) + ")"


def words(block: str) -> list[str]:
    """Entries from a block of text: one entry per line or comma-separated, `#` starts a comment."""
    out: list[str] = []
    for line in block.splitlines():
        line = line.split("#", 1)[0]
        out.extend(part.strip() for part in line.split(",") if part.strip())
    return out


def lowercase_literals(pattern: str) -> str:
    """`pattern` with its literal letters lower-cased and its escapes (\\B, \\W, \\S...) untouched.

    Python's IGNORECASE costs about 3x in matching speed, so case-insensitive patterns are also
    compiled in this form and run, case-sensitively, on the lower-cased text (same offsets).
    """
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        out.append(pattern[i].lower())
        i += 1
    return "".join(out)
