"""Named regular expressions for reading scraped page text, one per thing they catch.

All are compiled once, at import (a few on first use: see Deferred). They run per *line* (never
per character) and only on short lines where a comment header or chrome line can be, which keeps
the splitter fast.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from typing import Any, Final, TypeVar, cast

from replyscope.split.caches import line_dict

_I: Final = re.IGNORECASE

_C = TypeVar("_C", bound=type)


def _plain_class(cls: _C) -> _C:
    """`cls` as it is. (mypyc, which compiles the split, leaves a class with a decorator it does not
    know a plain Python class: Deferred sets attributes by name, which a compiled class cannot.)"""
    return cls


@_plain_class
class Deferred:
    """A pattern compiled on its first use; its text and flags are at hand before that.

    For patterns a split may never run: parts compiled only to be joined into a bigger one (see
    `either`, which reads their text), and the case-insensitive original of a big lower twin, which
    only lines that `folds_like_lower` refuses reach. Compiling the split's patterns is a large part
    of what importing it costs, and these were a tenth of that. Matches are the compiled pattern's own.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        if re.match(r"\(\?[aiLmsux]+\)", pattern):
            raise ValueError("a deferred pattern takes its flags as an argument, not inline")
        self.pattern = pattern
        # (as re.compile reports them: a str pattern is UNICODE unless ASCII; either() compares them)
        self.flags = flags if flags & re.ASCII else flags | re.UNICODE

    def __getattr__(self, name: str):
        # first use of match, search, ...: compile, and keep the compiled pattern's methods as this
        # object's own attributes, so later uses cost what they cost on the compiled pattern
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self.flags)
            for method in ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split"):
                setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def lower_twin(pattern: re.Pattern | Deferred) -> re.Pattern:
    """`pattern` (an IGNORECASE one) compiled case-sensitively, to run on text lower-cased first.

    On any text for which `folds_like_lower` holds, `twin.match(s.lower())` finds exactly what
    `pattern.match(s)` finds (same spans; read the text itself from `s`), because the pattern
    spells its letters in ASCII lower case. The twin runs 1.5-3x faster: sre skips an alternative
    on its first letter only when matching case-sensitively.
    """
    # (escapes such as \S or \W, and group names, are not letters to fold)
    bare = re.sub(r"\\.|\(\?P<\w+>", "", pattern.pattern)
    for ch in set(bare):
        if ch.isascii() and ch.isupper() or not ch.isascii() and (ch.lower() != ch or ch.upper() != ch):
            raise ValueError(f"{ch!r} in a pattern with a lower twin: only ASCII lower-case letters fold")
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


# Lines at least this long are matched by the case-insensitive patterns themselves: lower-casing a
# long line (with curly quotes or accents, character by character) costs more than the twin saves.
LOWER_BELOW: Final = 250


def folds_like_lower(s: str) -> bool:
    """Whether IGNORECASE reads `s` as `str.lower` does, so the lower twins of patterns may run on it.

    It does for every character but three (checked over all of Unicode): "İ" lower-cases to two
    characters, and IGNORECASE matches "ı" to "i" and "ſ" to "s", which `str.lower` keeps.
    """
    # (no `s.isascii()` first: compiled, it is a Python method call, ~200 instructions, asked of
    # ~250k lines a run; a search for a character past Latin-1 in a text of ASCII or Latin-1
    # characters says no on the text's width alone, with no scan, and an ASCII text holds none)
    return not ("\u0130" in s or "\u0131" in s or "\u017f" in s)


# --- pieces of a date -------------------------------------------------------------------------
MONTH: Final = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Month names of French, German, Spanish, Italian, Portuguese and Dutch pages, accents written as
# escapes (the lower twins take only ASCII lower-case letters). Read only in a whole day-month-year
# date ("3 mars 2021", "3. März 2021", "3 de marzo de 2021"): alone, "mai" or "mars" are words.
FOREIGN_MONTH: Final = (
    r"(?:janv(?:ier)?|f(?:\u00e9|e)vr(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|ao(?:\u00fb|u)t"
    r"|septembre|octobre|novembre|d(?:\u00e9|e)cembre"
    r"|j(?:a|\u00e4)n(?:uar|ner)|februar|m(?:\u00e4|ae)rz|juni|juli|oktober|dezember"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|se(?:p)?tiembre|octubre|noviembre|diciembre"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
    r"|janeiro|fevereiro|mar(?:\u00e7|c)o|maio|junho|julho|setembro|outubro|novembro|dezembro"
    r"|januari|februari|maart|mei|augustus)\.?"
)
# Month names of Russian pages as comment widgets print them, cut short or in the genitive ("2 мар",
# "2 марта"), as escapes (see FOREIGN_MONTH). Read only after a day's number, as a whole word.
RUSSIAN_MONTH: Final = (
    r"(?:\u044f\u043d\u0432(?:\u0430\u0440\u044f)?|\u0444\u0435\u0432(?:\u0440\u0430\u043b\u044f)?|\u043c\u0430\u0440(?:\u0442\u0430)?|\u0430\u043f\u0440(?:\u0435\u043b\u044f)?"
    r"|\u043c\u0430\u044f|\u043c\u0430\u0439|\u0438\u044e\u043d(?:\u044f)?|\u0438\u044e\u043b(?:\u044f)?|\u0430\u0432\u0433(?:\u0443\u0441\u0442\u0430)?"
    r"|\u0441\u0435\u043d(?:\u0442\u044f\u0431\u0440\u044f)?|\u043e\u043a\u0442(?:\u044f\u0431\u0440\u044f)?|\u043d\u043e\u044f(?:\u0431\u0440\u044f)?|\u0434\u0435\u043a(?:\u0430\u0431\u0440\u044f)?)\.?(?![^\W\d_])"
)
# A weekday, whole or cut short ("Thursday", "Thurs.", "Thu"): no longer word that only opens like
# one, as a name after the commenter's first name may ("Jo Monroe 3 May 12", "Kai Sunny ...").
WEEKDAY: Final = r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)(?![a-z])\.?,?"
DAY: Final = r"\d{1,2}(?:st|nd|rd|th)?"
YEAR: Final = r"(?:(?:19|20)\d{2}|'\d{2})"
CLOCK: Final = (
    # (a zone by name, or by its offset as mail and feeds print it: "08:20:00 +0000")
    r"@?\d{1,2}(?::\d{2}){1,2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:(?:[ecmp][sd]?t|utc|gmt|bst|cet|cest|jst|ist|aest)\b|[+-][01]\d:?[0-5]\d(?!\d)))?"
    r"|\d{1,2}\s*[ap]\.?m\.?"
)
_DATE_FORMS: Final = (
    rf"{MONTH}\s*{DAY}(?:,?\s*{YEAR})?"  # July 7, 2012 / Nov 06 2012 / November 1
    rf"|{DAY}\.?\s*{MONTH},?\s*(?:{YEAR}|\d{{2}})?"  # 09. Jul, 2012 / 26 October 2012 / 4 Nov 12
    rf"|(?:19|20)\d{{2}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}"  # 2012-10-16
    rf"|\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:\d{{4}}|\d{{2}})"  # 10/18/2012 / 07.07.12
    rf"|(?:19|20)\d{{2}}\s+{MONTH}\s+{DAY}"  # 2012 Oct 25
    rf"|\d{{1,2}}\.?\s*(?:de\s+)?{FOREIGN_MONTH},?\s*(?:de\s+)?{YEAR}"  # 3 mars 2021 / 3. März 2021 / 3 de marzo de 2021
    rf"|\d{{1,2}}\s+{RUSSIAN_MONTH}(?:\s+{YEAR})?"  # 2 мар / 2 марта 2021
)
FOREIGN_AGE: Final = (
    # the same ages on French, German, Spanish, Italian, Portuguese and Dutch pages
    r"il y a\s+(?:\d+|une?)\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)"
    r"|vor\s+(?:\d+|einer?|einem)\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)"
    r"|hace\s+(?:\d+|una?)\s+(?:segundos?|minutos?|horas?|d(?:\u00ed|i)as?|semanas?|mes(?:es)?|a(?:\u00f1|n)os?)"
    r"|(?:\d+|un[ao]?)\s+(?:secondi|minut[oi]|or[ae]|giorn[oi]|settiman[ae]|mes[ei]|ann[oi])\s+fa"
    r"|h(?:\u00e1|a)\s+(?:\d+|uma?)\s+(?:segundos?|minutos?|horas?|dias?|semanas?|m(?:\u00ea|e)s|meses|anos?)"
    r"|(?:\d+|een)\s+(?:seconden|minuten|minuut|uur|dagen|dag|weken|week|maanden|maand|jaar)\s+geleden"
    # ... and as phone apps shorten them ("vor 3 Std.", "hace 2 h", "il y a 1 j", "há 5 min",
    # "3 h fa", "2 d geleden"): the leading or trailing word of the language makes the short unit a stamp
    r"|il y a\s+\d+\s*(?:s|min|h|j|sem\.?|mois|an)"
    r"|vor\s+\d+\s*(?:sek\.?|min\.?|std\.?|tg\.?|wo\.?|mon\.?|j\.?)"
    r"|(?:hace|h(?:\u00e1|a))\s+\d+\s*(?:s|min|h|d|sem|m|a)"
    r"|\d+\s*(?:s|min|h|g|sett\.?|m)\s+fa"
    r"|\d+\s*(?:sec\.?|min\.?|u|d|w|mnd\.?)\s+geleden"
)
RELATIVE: Final = (
    r"(?:about\s+|over\s+)?(?:\d+|an?|one|few)\s+"
    r"(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?|yrs?)\s+ago"
    # "Yesterday at 9:14 PM": the day word and its time of day are one stamp
    rf"|just now|(?:yesterday|today)(?:\s*(?:at|,|@|-|·)?\s*(?:{CLOCK}))?"
    rf"|{FOREIGN_AGE}"
)
# A whole timestamp as comment systems print it: weekday?, date, optional time, or a bare time,
# or a relative age ("3 years ago").
TIMESTAMP: Final = (
    rf"(?:{WEEKDAY}\s*)?(?:{_DATE_FORMS})(?:\s*(?:,|at|@|-|·|\||um|\u00e0|a las|alle|\u00e0s|om|\u0432)?\s*(?:{CLOCK}))?"
    rf"|(?:{CLOCK})(?:\s*(?:,|on|-|·)?\s*(?:{WEEKDAY}\s*)?(?:{_DATE_FORMS}))?"
    rf"|{RELATIVE}"
)
# The words and characters a TIMESTAMP can start with. Checked first at each position, it lets the
# search skip the many alternatives of TIMESTAMP at nearly every word start (the matches are the same).
# Grouped by first letter (months, weekdays, relative words, then other languages' ages): sre tries
# the alternatives of a group one after another, so a word start tries one letter of each group
# instead of each word (the search is 6% faster). A lookahead only says whether any word starts
# there, so the grouping finds the same stamps.
_STAMP_STARTS: Final = (
    r"[\d@]|j(?:an|un|ul|ust now)|f(?:eb|ri|ew)|m(?:ar|ay|on)|a(?:pr|ug|bout|n?\s)|s(?:ep|at|un)|o(?:ct|ver|ne)"
    r"|nov|dec|t(?:ue|hu|oday)|wed|yesterday"
    r"|il y a|vor\s|h(?:ace\s|(?:\u00e1|a)\s)|een\s|un[ao]?\s"
)
_STAMP_START: Final = rf"(?={_STAMP_STARTS})"
# TIMESTAMP as TIMESTAMP_RE reads it: the count of a relative age ("3 hours ago", "vor 3 Std.",
# "2 d geleden") read whole, "\d++". Every "\d+" of TIMESTAMP (all in RELATIVE and FOREIGN_AGE) is
# followed inside its alternative by a blank ("\s+") or by blanks and a unit's word ("\s*(?:s|min|...)"),
# neither of which can start on a digit: a match that gave a digit back never exists, so the matches
# are the same; the search no longer retries each shorter count at every number of a line that is no
# age (~5% of the stamp search over the dev lines' digit lines; tests/test_split_guards.py checks the
# followers).
# So is a day or an hour that opens a form ("\d{1,2}+"): a date's day before its month ("3 March",
# "3. M\u00e4rz") or a separator ("10/18/2012"), a clock's hour before its ":" or am / pm. The element
# after each is a month's word, a separator, ":" or blanks and "a" / "p": none starts on a digit, so a
# day that gave its second digit back is never matched either (another ~6% of the stamp search).
# (MONTH's day after the month, "May 12", is left as it is: a year may follow it, "May 12005" reads
# "1" then "2005". Each form is named by the text it opens with; a form rewritten stops the import.)
_DAY_OR_HOUR_FIRST: Final = (
    r"|\d{1,2}(?:st|nd|rd|th)?\.?\s*(?:jan",  # a day, then its month
    r"|\d{1,2}[-/.]",  # a day or month, then a separator
    r"|\d{1,2}\.?\s*(?:de\s+)?",  # a day, then another language's month
    r"@?\d{1,2}(?::\d{2})",  # a clock's hour, then ":"
    r"|\d{1,2}\s*[ap]",  # an hour, then am / pm
)


def _counts_read_whole(timestamp: str) -> str:
    out = timestamp.replace(r"\d+", r"\d++")
    for opening in _DAY_OR_HOUR_FIRST:
        if opening not in out:
            raise ValueError(f"TIMESTAMP no longer holds {opening!r}: see _DAY_OR_HOUR_FIRST")
        out = out.replace(opening, opening.replace(r"\d{1,2}", r"\d{1,2}+", 1))
    return out


_TIMESTAMP_SEARCHED: Final = _counts_read_whole(TIMESTAMP)


def _scan_groups(text: str) -> tuple[list[int], list[tuple[int, int, list[int]]], dict[int, int]] | None:
    """The offsets of the text's top-level "|"s; its top-level groups: the offsets of each one's "("
    and ")" and of the "|"s right inside it; and where each group, at any depth, opens -> where it
    closes (escapes and character classes skipped). None where the scan does not read the text
    (unbalanced, or a class left open)."""
    ends: dict[int, int] = {}
    stack: list[int] = []
    bars: dict[int, list[int]] = {}
    top_bars: list[int] = []
    groups: list[tuple[int, int, list[int]]] = []
    in_class = False
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if text[i + 1 : i + 2] == "^":
                i += 1
            if text[i + 1 : i + 2] == "]":
                i += 1  # (a "]" first in a class is one of its characters)
        elif ch == "(":
            stack.append(i)
        elif ch == ")":
            if not stack:
                return None
            start = stack.pop()
            ends[start] = i
            if not stack:
                groups.append((start, i, bars.get(start, [])))
        elif ch == "|":
            if not stack:
                top_bars.append(i)
            elif len(stack) == 1:
                bars.setdefault(stack[0], []).append(i)
        i += 1
    if stack or in_class:
        return None
    return top_bars, groups, ends


def _group_ends(pattern: str) -> dict[int, int]:
    """Where each group of `pattern` (a pattern re compiles) opens -> where it closes."""
    scan = _scan_groups(pattern)
    if scan is None:
        raise ValueError(f"groups not balanced in {pattern!r}")
    return scan[2]


def _optionals_as_branches(pattern: str) -> str:
    """`pattern` with each greedy optional group "(?:X)?" written as a branch with an empty
    alternative, "(?:X|)": the same matches, found in the same order (sre tries X, then nothing, as
    it does for "?"), but sre runs "?" of a group longer than one character as a repeat, which
    allocates a counter of its own each time it is tried (~8% of the stamp search over the dev
    lines: a stamp's many optional parts are tried at each place where one may open)."""
    ends = _group_ends(pattern)
    closes = {
        end
        for start, end in ends.items()
        if pattern.startswith("(?:", start) and pattern[end + 1 : end + 2] == "?" and pattern[end + 2 : end + 3] not in ("?", "+")
    }
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if i in closes:
            out.append("|)")  # (the group's ")" and its "?")
            i += 2
        else:
            out.append(pattern[i])
            i += 1
    return "".join(out)


_SPACE_CODES: Final = tuple(c for c in range(0x3001) if chr(c).isspace())  # (every blank `\s` reads: none is past U+3000)
_QUANTIFIER: Final = re.compile(r"(?:[?*+]|\{\d*(?:,\d*)?\})[?+]?")


def _class_may_blank(items: Any, const: Any) -> bool:
    """Whether a parsed character class may read a blank (any item it cannot tell: yes)."""
    for op, av in items:
        if op is const.LITERAL:
            if chr(av).isspace():
                return True
        elif op is const.RANGE:
            if any(av[0] <= c <= av[1] for c in _SPACE_CODES):
                return True
        elif not (op is const.CATEGORY and av in (const.CATEGORY_DIGIT, const.CATEGORY_WORD, const.CATEGORY_UNI_DIGIT, const.CATEGORY_UNI_WORD)):
            return True  # (a negated class, a blank's category, or one not read here)
    return False


def _opens_on(items: Any, const: Any) -> tuple[bool, bool, bool]:
    """Of a parsed sequence: whether a match of it may open with a blank, whether it may be empty,
    and whether it holds an assertion (a look-around or an anchor, which says yes or no by where it
    stands). Anything not read here may open with a blank and holds an assertion."""
    blank = asserts = False
    for op, av in items:
        if op is const.LITERAL:
            b, empty, a = chr(av).isspace(), False, False
        elif op is const.IN:
            b, empty, a = _class_may_blank(av, const), False, False
        elif op is const.BRANCH:
            read = [_opens_on(alt.data, const) for alt in av[1]]
            b, empty, a = any(r[0] for r in read), any(r[1] for r in read), any(r[2] for r in read)
        elif op is const.SUBPATTERN:
            b, empty, a = _opens_on(av[-1].data, const)
        elif op is const.MAX_REPEAT or op is const.MIN_REPEAT or op is const.POSSESSIVE_REPEAT:
            b, empty, a = _opens_on(av[2].data, const)
            empty = empty or av[0] == 0
        else:
            return True, True, True
        blank, asserts = blank or b, asserts or a
        if not empty:
            return blank, False, asserts
    return blank, True, asserts


def _spaces_read_whole(pattern: str, flags: int) -> str:
    """`pattern` with each run of blanks ("\\s*", "\\s+") read whole ("\\s*+", "\\s++") where no
    match can give a blank of the run back: where, whatever part of the run is given back, the
    pattern goes on (past parts that may be empty, open on no blank and assert nothing, out of
    the groups it ends, unrepeated) to a part that must match and opens on no blank ("\\s*(?:de\\s+)?
    MONTH"), or to another "\\s*" that takes the blanks given back and is read whole itself. The
    matches are the same (a run given back leaves a blank before that part, which fails), and the
    search no longer tries each shorter run at every place a stamp may open."""
    parser: Any = importlib.import_module("re._parser")
    const: Any = importlib.import_module("re._constants")
    ends = _group_ends(pattern)

    def item_at(j: int) -> tuple[str, int]:
        c = pattern[j]
        if c == "(":
            k = ends[j] + 1
        elif c == "\\":
            k = j + (6 if pattern[j + 1] == "u" else 2)
        elif c == "[":
            k = j + 1 + (pattern[j + 1 : j + 2] == "^")
            k += pattern[k : k + 1] == "]"
            while pattern[k] != "]":
                k += 2 if pattern[k] == "\\" else 1
            k += 1
        else:
            k = j + 1
        q = _QUANTIFIER.match(pattern, k)
        return pattern[j : q.end() if q else k], q.end() if q else k

    def goes_on_solid(j: int) -> bool:
        while True:
            if j >= len(pattern) or pattern[j] in "|)":
                around = [s for s, e in ends.items() if s < j <= e]
                if not around:
                    return False  # (the pattern's end, or one of its own alternatives: the match may end here)
                start = max(around)
                after = ends[start] + 1
                if not pattern.startswith("(?:", start) or pattern[after : after + 1] in ("?", "*", "+", "{"):
                    return False
                j = after
                continue
            item, k = item_at(j)
            blank, empty, asserts = _opens_on(parser.parse(item, flags).data, const)
            if item in ("\\s*", "\\s*+"):
                j = k  # (a run that takes the blanks given back: what follows it must be solid)
            elif blank or asserts:
                return False
            elif not empty:
                return True
            else:
                j = k

    runs = [i for i in _blank_runs(pattern) if pattern[i + 3 : i + 4] not in ("+", "?") and goes_on_solid(i + 3)]
    out, last = [], 0
    for i in runs:
        out.append(pattern[last : i + 3] + "+")
        last = i + 3
    return "".join(out) + pattern[last:]


def _blank_runs(pattern: str) -> list[int]:
    """Where each "\\s*" or "\\s+" of `pattern` (outside character classes) stands."""
    found: list[int] = []
    i, in_class = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            if not in_class and pattern[i + 1] == "s" and pattern[i + 2 : i + 3] in ("*", "+"):
                found.append(i)
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 1 + (pattern[i + 1 : i + 2] == "^")
            i += pattern[i : i + 1] == "]"
            continue
        i += 1
    return found


def _once_or_twice_as_branches(pattern: str) -> str:
    """`pattern` with each group read once or twice, "(?:X){1,2}", written "(?:X)(?:X|)": the same
    matches in the same order (a greedy "{1,2}" tries the second X, then none), without sre's repeat
    (see _optionals_as_branches; the clock's ":mm" and ":ss", tried at every number of a line)."""
    ends = _group_ends(pattern)
    twice = sorted((start, end) for start, end in ends.items() if pattern.startswith("(?:", start) and pattern.startswith("{1,2}", end + 1) and pattern[end + 6 : end + 7] not in ("?", "+"))
    out, last = [], 0
    for start, end in twice:
        if start < last:
            continue  # (a group inside one rewritten: left as it is)
        body = pattern[start + 3 : end]
        out.append(pattern[last:start] + f"(?:{body})(?:{body}|)")
        last = end + 6
    return "".join(out) + pattern[last:]


def _stamp_searched(pattern: str, flags: int) -> str:
    """TIMESTAMP as TIMESTAMP_RE searches it (see _once_or_twice_as_branches, _optionals_as_branches,
    _spaces_read_whole), kept in the regex cache's file: reading it off the pattern's parse costs
    ~10 ms at every start."""
    regex_cache: Any = importlib.import_module("replyscope.regex_cache")
    kept = regex_cache.derived("stamp_searched", pattern, flags, lambda: _spaces_read_whole(_optionals_as_branches(_once_or_twice_as_branches(pattern)), flags))
    return kept if isinstance(kept, str) else _spaces_read_whole(_optionals_as_branches(_once_or_twice_as_branches(pattern)), flags)


# (compiled on first use: every reader asks it through stamp_search / stamp_finditer, which read
# a line that folds like lower with TIMESTAMP_RE_LOW; compiling it cost ~13 ms of every run's start)
TIMESTAMP_RE: Final = Deferred(rf"(?<![\w/.:]){_STAMP_START}(?:{_stamp_searched(_TIMESTAMP_SEARCHED, _I)})(?![\w/])", _I)
# Cheap pre-check for GLUED_DATE: a letter straight against a digit or a capitalised month
# ("Smith7/10", "5Jan"). Written with the digit or the month's capital first and the character
# before it looked behind at: a pattern that opens with a character class lets sre skip to the
# characters in it, while "[A-Za-z)]\d|..." is tried at every position of the line (1.5x slower
# on the lines read_header asks it of; it finds a hint in exactly the same lines).
GLUED_HINT: Final = re.compile(r"[\dJFMASOND](?:(?<=[A-Za-z)]\d)|(?<=[A-Za-z0-9)][JFMASOND])[aepuco][nbrylgptvc])")
# Some renderers glue the author to the date ("Dan Smith7/10/2012", "JaneOctober 22, 2012"):
# a space is put back before such a date so the two read apart.
GLUED_DATE: Final = re.compile(
    r"(?<=[A-Za-z0-9)])(?=(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b)|(?<=[A-Za-z)])(?=\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b)"
)
def has_digit(s: str) -> bool:
    """Whether `s` holds an ASCII digit (what `re.search("[0-9]", s)` says).

    Ten one-character `in` scans (memchr over the text's bytes), where the pattern's search runs
    sre's class loop over each character behind a method call: ~2-3x cheaper on the short lines
    every header reader asks first, and far cheaper on a line with a digit near its start."""
    return (
        "0" in s or "1" in s or "2" in s or "3" in s or "4" in s
        or "5" in s or "6" in s or "7" in s or "8" in s or "9" in s
    )


# A letter of any script (a word character that is no digit and no underscore).
HAS_LETTER: Final = re.compile(r"[^\W\d_]")
_COUNTS: Final = re.compile(r"\d+")


def template_form(s: str) -> str:
    """A line as a widget's template prints it: lower-cased, every count as '#' ("3 replies",
    "12 Replies" -> "# replies"), so lines that differ only in their counts compare equal."""
    return _COUNTS.sub("#", s.lower())


# --- list markers and indentation ------------------------------------------------------------
# The characters renderers put before list items ("  • Name").
BULLET_CHARS: Final = "•·*▪◦●○■□‣⁃▫"
BULLETS: Final = frozenset(BULLET_CHARS)
# A text browser's link mark: lynx and w3m number each link and glue the number to the link's
# words ("[52]Name", "[53]March 2, 2022 at 8:20 am", "[54]Reply", "[25]5 Comments"). Read past
# the way a list marker is: furniture round a line's words, at the line's start or after a blank.
# (A citation glued to a word, "word[3]", and a mark standing apart, "[3] Note", are not it; nor
# a mark before another, "[3][4]".)
LINK_MARK: Final = re.compile(r"^\[\d{1,4}\](?=[^\s\]])(?!\[\d)")
# ... and one after other words: a new link, so a new field ("[52]jo [53]1d": the name, then the
# age), read as a field's separator where it stood ("jo · 1d": a compact age needs one)
LINK_MARK_INSIDE: Final = re.compile(r"(?<=\S)\s+\[\d{1,4}\](?=[^\s\]])(?!\[\d)")
# A bullet or number a renderer puts before a list item: "  • Name", "12. Name", "#3".
# (a number is not a marker when a month or a unit follows it: "09. Jul, 2012", "3 years ago")
_MONTH: Final = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# (compiled on first use: lines._strip_marker reads a line that folds like lower with its twin)
LIST_MARKER: Final = Deferred(
    # (a number with its point or bracket before a month with its own day is a marker, not the
    # day: "1. November 5, 2012"; "7 Aug 12" and "09. Jul, 2012" stay whole)
    rf"^(?:\d{{1,4}}[.)]\s+(?={_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?![:.]?\d))|"
    rf"(?:[{BULLET_CHARS}\-–]\s+|(?:#?\d{{1,4}}(?:\.\d{{1,3}})*[.)]\s+|#?\d{{1,4}}\s+(?=\D)|\d{{1,4}}\.(?=[^\d\s]))"
    # (whole words only: "3. Maya" and "2. Minnie" are names, not "May" and "min")
    rf"(?!{_MONTH}\b"
    rf"|(?:de\s+)?{FOREIGN_MONTH}\s*(?:de\s+)?(?:19|20)\d\d"  # "3 mars 2021", "3 de marzo de 2021"
    rf"|{RUSSIAN_MONTH}"  # "2 мар в 08:20"
    r"|(?:giorn[oi]|or[ae]|minut[oi]|settiman[ae]|mes[ei]|ann[oi])\s+fa\b"  # "3 giorni fa"
    r"|(?:seconden|minuten|minuut|uur|dagen|dag|weken|week|maanden|maand|jaar)\s+geleden\b"  # "3 dagen geleden"
    r"|(?:s|min|h|g|sett\.?|m)\s+fa\b|(?:sec\.?|min\.?|u|d|w|mnd\.?)\s+geleden\b"  # a phone app's "3 h fa", "2 d geleden"
    r"|(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|comments?|repl(?:y|ies)"
    r"|likes?|votes?|points?)\b)))",
    _I,
)
BULLET: Final = re.compile(rf"^[{BULLET_CHARS}]\s+")

# --- words around an author in a comment header ------------------------------------------------
SAYS: Final = re.compile(
    r"^(?P<author>.{1,70}?)\s*(?<![\w])(?:says|said|wrote|writes|commented|replied|answered)(?:\s+(?:on|at))?\s*(?:\.\.\.|…|:|,|\.)?"
    r"(?:\s+(?:in reply to|to)\s+\S.{0,60}?)?$",
    _I,
)
# The same header on a French, German, Spanish, Italian, Portuguese or Dutch site ("Ana dice:",
# "Jo sagt:", "Luc dit :"), read only on a line that ends in its colon (see FOREIGN_SAYS_ENDS):
# alone, "dice" or "dit" are words.
# So is a nested reply's header in some themes, "Jo Lake Reply:" or "Jo Lake responded:" ("Reply" alone
# is a link's word, "responded" a feed's: "Jo responded to your post").
FOREIGN_SAYS: Final = re.compile(
    r"^(?P<author>.{1,70}?)\s+(?:dice|dijo|escribi(?:\u00f3|o)|sagt|schreibt|schrieb|meint|dit|a dit|(?:a )?(?:\u00e9|e)crit|"
    r"scrive|ha scritto|diz|disse|escreveu|zegt|schreef|reply|responded)\s*:?$",
    _I,
)
# The last characters of every FOREIGN_SAYS line, lower-cased: a cheap test before the pattern.
FOREIGN_SAYS_ENDS: Final = tuple(
    f"{w}{c}"
    for w in ("dice", "dijo", "escribi\u00f3", "escribio", "sagt", "schreibt", "schrieb", "meint", "dit", "\u00e9crit", "ecrit", "scrive", "scritto", "diz", "disse", "escreveu", "zegt", "schreef", "reply", "responded")
    for c in (":", " :")
)
SAYS_WORD: Final = re.compile(r"\b(?:says|said|wrote|writes|commented|replied|answered)\b", _I)
# A post's number between a label and "by" ("Comment #12 by Jo", "Reply no. 3 by Jo", "Post 7 by
# Jo"): a numbered archive's or print view's header. The label and the number are not the name.
POST_NUMBER_BEFORE_BY: Final = r"(?:\s+(?:#\s?|no\.?\s?)?\d{1,6}[.:]?)?"
BY_AUTHOR: Final = re.compile(
    rf"^(?:(?:comment|posted|post|written|submitted|reply|response|answered|asked|reviewed){POST_NUMBER_BEFORE_BY}\s+)?by:?\s+(?P<author>[^\s].{{0,60}}?)"
    r"(?:\s*\(\d+\)|\s*<[^>]{1,80}>|\s*\*)*(?:\s+(?:writes|says)\s*:?)?$",
    _I,
)
POSTED_WORDS: Final = re.compile(
    r"^(?:(?:comment\s+)?(?:posted|written|submitted|published|added|left)\s*(?:on|at|by:?)?|"
    # a review's dateline: "Reviewed in the United Kingdom on DATE", "Reviewed DATE"
    r"reviewed(?:\s+in\s+(?:the\s+)?\w+(?:\s+\w+){0,3}?\s+on|\s+on)?|"
    # (whole words only: "OneCountyNW", "Atticus" and "Byron" are names, not "on", "at" and "by")
    r"(?:reply|comment|response|message)\s+from|on|at|by:?)(?!\w)\s*",
    _I,
)
# What may join an author to a timestamp on one line: "Name — date", "Name | date", "Name, date":
# all Unicode whitespace (exactly what `\s` matches) and the separators, for `str.strip`.
JOINER_CHARS: Final = "".join(chr(c) for c in range(0x3001) if chr(c).isspace()) + "|·•,:-–—/@"


def strip_joiners(s: str) -> str:
    """`s` without separators and blanks at either end ("— Jane |" -> "Jane")."""
    return s.strip(JOINER_CHARS)

TRAILING_META: Final = re.compile(
    r"(?:\s*(?:\((?:#?\d+|score:[^)]*|edited|(?:utc|gmt)\s*[+\-−]?\s*\d{1,2}(?::?\d{2})?)\)|#\d+|permalink|reply|"
    r"link(?: to this (?:comment|post|reply))?|journal|edit|"
    r"\|\s*(?:permalink|reply|link|quote|report)\b.*))+\s*$",
    _I,
)

# A stretch of text that could be a person's name or handle (not a sentence).
NAME_LIKE: Final = re.compile(r"^[^\s.!?;:\"“”>\x00-\x1f][^!?;\"“”\x00-\x1f]{0,58}$")
# Characters of menu items and link titles, not of the names people comment under.
NOT_IN_BARE_NAME: Final = re.compile(r"[»«+©®|:/{}\[\]▼▲►◄▾▸›‹]|\s[-–—]\s|^\d+\.?$|\bago\b", re.I)


def _first_letter_words(words: list[str]) -> re.Pattern:
    r"""r"\b(?:w1|w2|...)\b" for words that start with a word character, found the same but faster.

    The words are grouped by first letter, and the word start is checked after that letter
    ("m(?<!\wm)(?:y|e)" for "my|me"): with a letter first, sre skips ahead to the letters that
    can start a word of the list instead of trying every word boundary. Within a letter the
    order of the words is kept, so the leftmost match picks the same word.
    """
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    alternatives = (f"{re.escape(c)}(?<!\\w{re.escape(c)})(?:{'|'.join(rest)})" for c, rest in groups.items())
    return re.compile(f"(?:{'|'.join(alternatives)})\\b")


# Words of conversation: comments talk to and about people ("I think", "you're wrong"). For text
# lower-cased first (a case-sensitive search runs about twice as fast), grouped by first letter.
CONVERSATIONAL_LOWER_FAST: Final = _first_letter_words(
    ["i", "i'm", "i’m", "i've", "i’ve", "my", "me", "you", "your", "you're", "you’re", "we", "us", "our", "lol", "thanks", "thank you"]
)
_SENTENCE_ENDERS: Final = frozenset(".!?…\"”)")


def ends_sentence(s: str) -> bool:
    """Whether the last visible character of `s` ends a sentence (. ! ? … " ” or ")")."""
    return s.rstrip()[-1:] in _SENTENCE_ENDERS

# --- section headers and comment-form lines ---------------------------------------------------
# "27 comments", "83 comments | 3 recs" alone on a line: a comment section's heading, or a post's
# own tally printed under it in a listing of posts.
COMMENT_TALLY: Final = re.compile(r"^\d[\d,.]*\s+(?:comments?|replies|responses?)\b", _I)
# A word: letters, then letters, digits, apostrophes or hyphens ("don't", "e-mail", "Covid19").
WORD: Final = re.compile(r"[^\W\d_][\w'’-]*")
COMMENT_SECTION: Final = re.compile(
    r"^[{\[(]?\s*(?:\d[\d,]*\s*|one\s+|no\s+)?(?:comments?|responses?|replies|thoughts|reactions|opinions|discussions?|"
    # the same count in French, German, Spanish, Italian, Portuguese, Dutch ("3 commentaires")
    r"commentaires?|kommentare?|comentarios?|commenti|coment(?:\u00e1|a)rios?|reacties|r(?:\u00e9|e)actions?|"
    r"reader\s+comments|trackbacks?|pingbacks?)(?:\s*(?:to|on|for|about)\s+.{1,200})?\s*(?:[:(]\s*\d*\s*\)?)?\s*[}\])]?"
    # the section's own controls printed on its header's line ("4 comments | Filter: All | Funny",
    # "12 Comments · Sort by Newest"): a control word right after the separator, not a post's meta
    # line ("3 comments | Posted in News")
    r"(?:\s*[|•·]\s*(?:filter|sort(?:ed)?|order|show|view|display)\b.{0,150})?\s*$"
    r"|^(?:comments|responses|discussion|reader comments|readers'? comments|your comments|user comments|"
    r"what (?:people|readers|you) (?:are saying|say|think)(?:\s*\(\d[\d,]*\))?|your (?:views|say)|join the (?:discussion|conversation)|comments? for this (?:thread|post|entry) are now closed\.?|"
    r"(?:featured|top|best|newest|oldest|latest|all|highlighted|readers?'? picks?|editors?'? picks?|editor'?s picks?) comments|"
    r"showing \d+ comments?|view all \d+ comments?|comments?\s*(?:\(\d+\)|:\s*\d+|\s\d[\d,]*)|\d+ comments? so far|"
    r"\d+ (?:thoughts|responses|replies|comments) on .{1,200}|"
    # a forum topic's tally of posts, with its pager ("8 posts • Page 1 of 1"): a count is needed
    # ("Posts" alone is a blog's menu)
    r"\d[\d,]* posts?(?:\s*[•·|-]\s*page \d+ of \d+)?|"
    # a chat's or a mail thread's tally of messages ("7 messages", "2 messages in thread"; a count is
    # needed: "Messages" alone is an inbox's link)
    r"\d[\d,]* messages?(?: in (?:this )?(?:thread|topic|chat|conversation))?|"
    # answers and reviews under a question or a product, counted ("12 answers", "Reviews (8)") or
    # named as such ("Questions & Answers", "Customer reviews"); "Reviews" alone is a site's menu
    r"\d[\d,]* (?:answers?|reviews?)|(?:answers?|reviews?)\s*\(\d[\d,]*\)|questions? (?:&|and) answers|customer reviews|"
    r"top reviews(?: from .{1,40})?)\s*(?:[(\[]\s*\d[\d,]*\s*[)\]])?\s*$",
    _I,
)
COMMENT_FORM: Final = re.compile(
    r"^(?:leave a (?:reply|comment|response)|post a comment|add (?:a|your) comment|add new comment|"
    r"speak your mind|have your say|write a comment|your comment|share your thoughts|what do you think\??|something to say\?.*|"
    # (a form's button alone under its box: "Submit", as "Post comment")
    r"submit(?: (?:a )?comment)?|post comment|comment form|comments are closed\.?|"
    # (a Russian page's prompt: "Написать комментарий...", "Оставить комментарий")
    r"(?:\u043d\u0430\u043f\u0438\u0441\u0430\u0442\u044c|\u043e\u0441\u0442\u0430\u0432\u0438\u0442\u044c) \u043a\u043e\u043c\u043c\u0435\u043d\u0442\u0430\u0440\u0438\u0439(?:\.\.\.|\u2026)?|"
    r"(?:you must|please) (?:be )?(?:logged in|log in|sign in|register|login)\b.*|"
    # (the prompt under a thread that asks for an account: "Sign in to join this conversation.")
    r"(?:sign|log) ?in to (?:comment|join (?:this|the) (?:conversation|discussion|thread))\.?|"
    r"(?:your )?email address will not be published.*|required fields are marked.*|"
    r"notify me of .*|name \(required\)|e-?mail \(required\).*|website|mail \(will not be published\).*|"
    r"cancel reply|click here to cancel reply\.?|subscribe to (?:comments|this comment feed).*|"
    # (a hosted blog's form and feed lines: "Enter your information below to add a new comment.",
    # "You can follow this conversation by subscribing to the comment feed for this post.")
    r"enter your (?:comment|information|details)\b.*|(?:you can )?follow this conversation\b.*|"
    r"(?:post|leave) (?:your|a) (?:comment|reply).*|(?:post|leave|add) a new (?:comment|reply)|powered by disqus|comments powered by .*|"
    # (a forum's button over and under a topic's posts)
    r"post (?:a )?reply|"
    r"newer comments|older comments|« older comments|newer comments »|"
    # the pager under a list of comments, answers or reviews ("Load more comments", "See more answers",
    # "Show all reviews"; not "Show more replies", which folds a thread's replies inside it) and
    # the form of a question's or a product's page ("Ask a question", "Write a review")
    r"(?:load|show|see|view|read) (?:more|all) (?:comments|answers|reviews)|ask a question|write a review|"
    # a chat's message box and its close ("Type a message…", "Say something…", "Chat has ended")
    r"(?:type|write|send) a message|say something|(?:the )?chat (?:has ended|is closed|is over)|"
    # a guestbook's link to its form, under the entries or over them ("Sign our guestbook")
    r"sign (?:our|the|my) guest ?book|"
    # the same form in Spanish, German, French, Italian, Portuguese, Dutch
    r"deja (?:una respuesta|un comentario)|schreibe einen kommentar|hinterlasse einen kommentar|"
    r"laisser un commentaire|laisser une r(?:\u00e9|e)ponse|lascia un commento|deixe (?:uma resposta|um coment(?:\u00e1|a)rio)|"
    r"laat een reactie achter|plaats een reactie|"
    # (and the box a phone app's thread opens with: "Kommentar schreiben …", "Escribe un comentario…")
    r"(?:einen )?kommentar (?:schreiben|verfassen|hinzuf(?:\u00fc|u)gen)|escribe un comentario|a(?:\u00f1|n)ade un comentario|"
    r"(?:(?:\u00e9|e)crire|ajouter) un commentaire|(?:escreva|adicione) um coment(?:\u00e1|a)rio|(?:scrivi|aggiungi) un commento|"
    r"schrijf een reactie)\s*(?:\.\.\.|…)?\s*$",
    _I,
)

# A reader's quote opening a line: "> ", a quotation mark, a repost's "RT @jo:" (after the label
# the page prints on every answer, if any: "A: > ...").
QUOTE_OPENING: Final = re.compile(r"^(?:[A-Z]\w{0,11}:\s+)?(?:>|[\"“„«‘']|RT\s+@\w+:?\s)")

# A forum post's subject over its header: "Re: <the topic's title>".
RE_SUBJECT: Final = re.compile(r"^re\s*:\s*\S", _I)

# --- chrome around a comment: actions, votes, ages -------------------------------------------
# A profile card's tally under the commenter's name ("Total Comments (212)", "48 Fans", "Followers: 12").
_PROFILE_TALLY: Final = r"total (?:comments|posts|messages)\s*\(\d[\d,.]*\)|\d[\d,.]*k?\s+(?:fans|followers)|(?:fans|followers)\s*:\s*\d[\d,.]*k?"
PROFILE_TALLY: Final = re.compile(rf"^(?:{_PROFILE_TALLY})$", _I)

# A French, German, Spanish, Italian, Portuguese or Dutch comment widget's action or mark, with its
# count ("Gefällt mir (3)", "12 Me gusta", "J'aime", "Melden", "Compartir", "bearbeitet").
# The Reply action of French, German, Spanish, Italian, Dutch and Russian widgets ("Ответить"):
# among FOREIGN_ACTION's words, and read alone by chrome.is_reply_link_row.
FOREIGN_REPLY: Final = r"r(?:\u00e9|e)pondre|antworten|responder|rispondi|reageren|reageer|beantwoorden|\u043e\u0442\u0432\u0435\u0442\u0438\u0442\u044c"
FOREIGN_ACTION: Final = (
    r"(?:\d[\d.,]*\s+)?(?:gef(?:\u00e4|a)llt mir|me gusta|j'aime|j\u2019aime|curtir|mi piace|vind ik leuk|"
    r"melden|denunciar|signaler|segnala|rapporteren|teilen|compartir|compartilhar|partager|condividi|delen|"
    rf"bearbeitet|editado|modifi(?:\u00e9|e)|modificato|bewerkt|{FOREIGN_REPLY}|"
    # (a Russian widget's others: "Поделиться", "Пожаловаться", "изменено")
    r"\u043f\u043e\u0434\u0435\u043b\u0438\u0442\u044c\u0441\u044f|\u043f\u043e\u0436\u0430\u043b\u043e\u0432\u0430\u0442\u044c\u0441\u044f|\u0438\u0437\u043c\u0435\u043d\u0435\u043d\u043e)"
    r"(?:\s*\(\d[\d.,]*\))?"
    # ... and its like, with the count after it ("Нравится 3")
    r"|\u043d\u0440\u0430\u0432\u0438\u0442\u0441\u044f(?:\s+\d[\d.,]*)?"
)
# A toggle of folded replies in the same languages ("3 weitere Antworten anzeigen", "Ver 3
# respuestas más", "Afficher 2 autres réponses", "Ver mais 4 respostas", "Mostra altre 2 risposte",
# "Bekijk nog 3 reacties"): a count and the language's word for replies.
_FOLD_VERB: Final = r"(?:ver|mostrar|mostra|afficher|voir|bekijk|alle|zeige)\s+(?:mais\s+|nog\s+|altre\s+|les\s+)?"
_FOLD_MORE: Final = r"(?:weitere|autres|m(?:\u00e1|a)s|altre)\s+"
_FOLD_WORD: Final = r"(?:antworten|antwort|respuestas?|r(?:\u00e9|e)ponses?|respostas?|risposte|risposta|reacties|reactie)"
_FOLD_AFTER: Final = r"\s+(?:m(?:\u00e1|a)s|anzeigen|ansehen|tonen)"
# (a verb before the count, a "more" before the word or one after it: "4 reacties" alone is the
# section's own count, not a toggle)
FOREIGN_FOLD: Final = (
    rf"{_FOLD_VERB}\d+\s+(?:{_FOLD_MORE})?{_FOLD_WORD}(?:{_FOLD_AFTER})?"
    rf"|\d+\s+{_FOLD_MORE}{_FOLD_WORD}(?:{_FOLD_AFTER})?"
    rf"|\d+\s+{_FOLD_WORD}{_FOLD_AFTER}"
)

# CHROME is this and CHROME_REPLY_ROW (see there). (Deferred: read as text by CHROME and the twins.)
CHROME_WORDS: Final = Deferred(
    r"^\[?(?:reply|reply ↓|reply to this|reply to this comment|like|unlike|report|report abuse|"
    r"report comment|flag|flag as inappropriate|share|permalink|link|quote|edit|delete|save|unsave|"
    r"log in to reply|login to reply|sign in to reply|register to reply|view replies|hide replies|"
    # a mail archive's links between messages ("Reply via email", "Next message (by thread)")
    r"reply (?:via|by) e-?mail|(?:previous|next) message(?: \(by (?:thread|date)\))?|"
    r"show replies|replies|recommend|recommended|vote up|vote down|up|down|"
    # (a score below zero is signed: "-2 points")
    r"[+\-−]?\d+\s*(?:likes?|points?|votes?|replies|reply|people liked this|recommendations?)|"
    # a counter of another name ("12 claps", "3 upvotes", "4 people agree")
    r"\d[\d.,]*k?\s*(?:claps?|upvotes?|downvotes?|hearts?|reactions?|(?:people|readers) agree)|"
    r"[+\-−]?\d+|like\s*\(\d+\)|dislike|agree|disagree|helpful|thumbs? up|thumbs? down|"
    r"parent|(?:see|read|show) (?:more|less)|show \d+ more|collapse|expand|"
    # a post's machine translation toggle ("Show translation", "Translate post", or back to the first words)
    r"(?:show|see) (?:translation|original)|translate(?: (?:post|tweet|comment|reply|this))?|"
    # the link to a commenter's page ("Profile", "View profile")
    r"(?:view\s+)?(?:my\s+|full\s+)?profile|"
    # a live chat's room mode notice ("Slow mode is on", "Subscribers-only mode enabled")
    r"(?:chat is in )?(?:slow|subscribers?[- ]only|followers?[- ]only|members[- ]only|emote[- ]only) mode(?: is)?(?: (?:on|off|enabled|disabled|turned (?:on|off)))?\.?|"
    # the site's answer printed under a guestbook entry ("Admin reply: Thanks for stopping by!")
    r"(?:admin|administrator|webmaster|site owner|owner|moderator)(?:'s)? (?:reply|response|answer|note)\s*:.{0,70}|"
    # a forum post's number ("#12"), its profile fields ("Posts: 1,310", "Joined: May 2009", "Location: Leeds"), "Top"
    r"#\d{1,6}|(?:posts|joined|join date|date joined|joined on|registered|member since|location|karma|reputation|rep power|messages|reaction score|likes received|last (?:seen|active|visit))\s*:\s*.{0,40}|(?:back to )?top|"
    # a profile card's tallies under the name ("Total Comments (212)", "48 Fans", "Followers: 12")
    rf"{_PROFILE_TALLY}|"
    # a thread's sort control ("Sort by", "Sort by: Top comments")
    r"sort(?:ed)?\s+by\s*:?(?:\s*\S+(?:\s+\S+){0,2})?|"
    r"(?:about\s+)?(?:\d+|an?)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|days?|weeks?|months?|years?)\s+ago|"
    r"↑|↓|·|•|»|«|\||"
    # an edited marker ("Edited", "(edited)", "Last edited 2 hours ago", "Edited by a moderator")
    r"\(?(?:last\s+)?edited\)?(?:\s+(?:by\s+.{1,30}|on\s+.{1,40}|at\s+.{1,30}|(?:about\s+)?(?:\d+|an?)\s+\w+\s+ago)|\s*:\s*.{1,40})?|"
    # an avatar's alt text ("Avatar", "Avatar of Jo", "Jo's avatar", "Gravatar for jo")
    # (one ending in the word, "Jo Lake's avatar", is read by is_avatar_alt: faster than a pattern)
    r"(?:user\s+)?(?:avatar|gravatar|profile (?:picture|photo|image))(?:\s+(?:for|of)\s+.{1,40})?|"
    # what stands where a removed comment was ("This comment was deleted.", "Comment removed by a moderator")
    r"(?:this |the )?comment (?:was|has been|is) (?:deleted|removed|hidden|awaiting moderation)\b.{0,80}|"
    r"comment (?:deleted|removed|hidden)\b.{0,80}|(?:your )?comment is awaiting moderation\.?|"
    # who liked it, whom it answers (the bare link, maybe with a colon closing it: "In reply to Ann:
    # you will not..." is words),
    # how the thread is sorted
    r"liked by .{1,40}|\d+ (?:people|users|readers) (?:like|liked|recommend(?:ed)?) this|in reply to [^:]{1,40}:?|"
    r"sort(?:ed)?\s+by\s*:?\s*\S+(?:\s+\S+){0,2}|"
    # whom a reply answers, as widgets print it over the reply ("In response to Jo's comment",
    # "Reply to @jo", "Reply to @Jo Lake", "Replying to @jo @al", "Replying to jo", "Replying to V. García"): a name, never a sentence after it
    r"in response to .{1,40}'s? (?:comment|post|reply)|(?:replying|reply|responding) to @\S+(?:\s[^\s.!?,;:@]+){0,2}(?:\s+(?:and\s+)?@\S+)*|"
    # (a display name of up to three words: "Replying to Long time reader")
    r"replying to [^\s.!?,;:]+\.?(?:\s[^\s.!?,;:]+){0,2}|"
    # picks and pins over a comment ("Reader pick", "Editors' Picks", "Pinned by @channel")
    r"(?:reader|readers'?|editor|editors'?|editor's|staff|critics'?|community|top)\s+picks?|featured(?: comment)?|"
    r"pinned(?: comment)?(?: by .{1,40})?|"
    # replies a widget folds away ("3 replies beneath your current threshold", "2 comments hidden")
    r"\d+ (?:more |hidden )?(?:replies|comments)(?: (?:beneath|below) (?:your |the )?(?:current )?threshold| hidden)\.?|"
    # a long thread's folded middle ("12 hidden items"), a post left untitled ("(no subject)") and
    # what stands where a comment was taken down or held back ("(Deleted comment)", "(Screened comment)",
    # a thread closed to replies: "(Frozen)")
    r"\d[\d,]* hidden items?|\(no subject\)|\((?:deleted|screened|frozen|hidden|removed) comment\)|\(frozen\)|"
    # a like count shortened by the widget ("1.2K", "3K") and the reader's profile links
    r"\d{1,3}(?:[.,]\d)?[km]|(?:homepage|website|journal)(?:\s+(?:homepage|website|journal))*|"
    # a review's or an answer's helpfulness and rating ("12 people found this helpful", "Was this
    # review helpful? Yes (3) No (1)", "4.0 out of 5 stars", "Rated 4 out of 5", "Verified Purchase")
    r"(?:\d[\d,]*|one) (?:person|people|of \d[\d,]*(?: people)?) found this (?:helpful|useful)\.?(?:\s*do you\?)?|"
    r"was this (?:review|answer|comment) helpful\?.{0,30}|"
    r"(?:rated\s+)?\d(?:\.\d)? out of \d(?: stars?)?|verified(?: (?:purchase|buyer|owner|reviewer|review))?|"
    # a reader's rank as the site prints it beside the review ("Top 1000 Reviewer", "Top 50 Contributor")
    r"top \d[\d,]* (?:reviewer|contributor|commenter|answerer|fan)s?|"
    # a label over an answer's or a comment's words ("Answer:", alone on its line)
    r"(?:answer|comment|response|review)\s*:|"
    # a review page's rating summary ("5 star 61%", "589 ratings", "1,204 global ratings") and the
    # product or app version a review was written on ("Version 2.3", "Size: M | Colour: Blue")
    r"\d\s*stars?\s+\d{1,3}\s*%|\d[\d,.]*k?\s+(?:global\s+)?(?:ratings?|reviews?)|(?:app\s+)?version\s+\d[\w.]*|"
    r"(?:size|colou?r|style|edition|format|platform)\s*:\s*[^:]{1,30}(?:\s*\|\s*(?:size|colou?r|style|edition|format|platform)\s*:\s*[^:|]{1,30})*|"
    # a helpfulness vote's buttons on a line each ("Yes (3)", "No (1)")
    r"(?:yes|no)\s*\(\d+\)|"
    # a board's post number ("Post #12", "Post 3 of 12", "3 / 12"), its quote and reply buttons
    # ("Reply With Quote", "Quick Reply", "Multi-Quote", "Report Post"), a folded quote's toggle
    # ("Click to expand...") and the reactions summary ("Reactions: Jo, Ann and 3 others")
    r"post\s*#?\d{1,6}(?:\s+of\s+\d{1,6})?|\d{1,5}\s+/\s+\d{1,5}|"
    r"reply with quote|quick reply|multi-?quote|report post|click to (?:expand|shrink)\.*|reactions?\s*:\s*.{1,80}|"
    # a reader's counter printed with its word first or after ("Respect 4", "4 Respect", "Upvote 12", "Kudos (3)")
    r"(?:respect|upvotes?|kudos|props|thanks|likes?)\s*\(?\d[\d.,]*k?\)?|\d[\d.,]*k?\s+(?:respect|kudos|props|thanks)|"
    # a helpfulness vote's two buttons ("Yes No", "Yes (3) No (1)")
    r"yes\s*(?:\(\d+\))?\s*[|·]?\s*no\s*(?:\(\d+\))?|"
    # the reply link of a French, German, Spanish, Italian, Portuguese or Dutch site
    r"r(?:\u00e9|e)pondre|antworten|responder|rispondi|beantwoorden|reageer|"
    # ... and the same sites' other actions and marks, a count beside them or not ("Gefällt mir (3)",
    # "12 Me gusta", "Signaler", "editado")
    rf"{FOREIGN_ACTION}|"
    # their toggles of folded replies ("3 weitere Antworten anzeigen", "Ver 3 respuestas más") and sort controls
    rf"{FOREIGN_FOLD}|(?:sortieren nach|ordenar por|trier par|ordina per|sorteer op)\s*:?(?:\s*\S+(?:\s+\S+){{0,2}})?)\]?\s*$",
    _I,
)

# The chrome lines that hold a "|" or the word "replied" ("Reply | Quote", "Report | Reply", a plugin's
# reply toggle "Jo replied · 3 replies"). Kept apart from CHROME_WORDS because its `.*` and `.{1,60}?`
# try every position of a line: asked alone, only of lines holding "|" or "replied" (see chrome_line),
# the two take a third of the time of the one pattern they were, for the same verdicts.
CHROME_REPLY_ROW: Final = Deferred(  # (read as text by CHROME and its twin)
    r"^\[?(?:reply\s*\|\s*.*|.*\s*\|\s*reply|.{1,60}?\s+replied\s*[·•|]\s*\d+\s+repl(?:y|ies))\]?\s*$",
    _I,
)


_AVATAR_ENDS: Final = ("avatar", "gravatar", "profile picture", "profile photo", "profile image")


def is_avatar_alt(s: str) -> bool:
    """An avatar's alt text ending in the word: "Jo Lake's avatar", "jolake avatar" (a name, no
    sentence: no "!?,;:" in it)."""
    return (
        s[-1:] in "rReEoO"
        and len(s) <= 60
        and s.lower().endswith(_AVATAR_ENDS)
        and " " in s
        and not any(c in "!?,;:" for c in s)
    )


# A row of comment actions: "Reply · Like · 3 · Follow Post · 2 hours ago". (Compiled on first use:
# readers ask it through chrome_row, which reads a line that folds like lower with its twin.)
CHROME_ROW: Final = Deferred(
    r"^(?:(?:reply with quote|quick reply|report post|multi-?quote|reply|like|unlike|share|report|flag|follow post|follow|edit|edited|delete|permalink|link|quote|mark as spam|"
    r"\d+|(?:\d+|an?)\s+\w+\s+ago|\d{1,3}\s?(?:mos?|yrs?|y|wks?|w|d|hrs?|h|mins?|m)\b\.?|"
    # (a count with its word, "12 likes"; an action in brackets, "( permalink )", "[reply]")
    r"\d[\d,.]*k?\s+(?:likes?|replies)|[(\[]\s*(?:reply|permalink|link|flag|report|edit|delete)\s*[)\]]|"
    # (a French, German, Spanish, Italian, Portuguese or Dutch site's: "Gefällt mir · Antworten · vor 3 Std.")
    rf"{FOREIGN_ACTION}|{FOREIGN_AGE})(?:\s*[·|•]\s*|\s{{2,}}|\s*$))+$",
    _I,
)

# --- boilerplate anywhere on a page -----------------------------------------------------------
BOILERPLATE: Final = Deferred(  # (read only as a part of FURNITURE and NOT_A_NAME_LINE)
    r"^(?:read more|related|see also|also read|more from|more (?:stories|articles|news|posts|videos)|latest (?:stories|news|posts)|"
    r"around the web|from the web|also on .{1,60}|elsewhere on the web|we recommend|editor'?s picks?|top stories|recommended|you may also like|you might also like|"
    r"related (?:posts?|articles?|stories|content|coverage)|most (?:read|popular|viewed|shared|emailed)|"
    r"trending|popular (?:posts|stories)|recent (?:posts|comments|articles)|share this|share on \w+|"
    r"share|tweet|pin it|email|print|like this:?|follow us.*|follow @.*|subscribe.*|sign up.*|"
    r"newsletter.*|get (?:our|the) .{0,30}newsletter.*|advertisement|advertising|sponsored.*|"
    r"no advertising\b.*|accessibility links|skip to (?:main )?content|skip to navigation|breaking news|"
    r"main menu|menu|navigation|search|home|contact(?: us)?|about(?: us)?|privacy policy|terms of (?:use|service)|"
    r"copyright .*|©.*|all rights reserved.*|filed under:?.*|tags?:.*|categories:?.*|posted in:?.*|"
    r"tagged:?.*|topics?:.*|previous (?:post|article).*|next (?:post|article).*|"
    r"click here.*|back to top|all times are (?:gmt|utc)\b.*|top of page|loading\.*|source|photo credit.*|image:.*|"
    r"editor'?s note:?\s*\w.{0,60}|you can't buy your way onto these pages|"
    r"[_=\-–—*~#.•·]{3,}|this entry was posted in .*|bookmark the permalink\.?|"
    r"comment policy.*|comments? guidelines.*|community guidelines.*|"
    # a site's credit for its software at the page's foot ("Powered by a forum script")
    r"(?:proudly )?powered by \S.{0,80})\s*$",
    _I,
)
READ_MORE_PREFIX: Final = Deferred(  # (read only as a part of FURNITURE)
    r"^(?:read more|related|see also|also read|also see|more|recommended|watch|listen|read|related story|"
    r"related article|click here|sign up|subscribe|get our|follow us)\s*[:>»|]",
    _I,
)
# An author bio or contact line at the foot of an article.
AUTHOR_BIO: Final = re.compile(
    r"\b(?:can be reached at|can be contacted at|is the author of|his (?:new|latest) book|her (?:new|latest) book|"
    r"visit (?:his|her|their) (?:blog|website|site)|follow (?:him|her|them) on|is a (?:freelance|contributing|"
    r"staff|senior) (?:writer|editor|reporter|correspondent)|lives in [A-Z][\w ]+\.\s+(?:he|she)\b)",
    _I,
)
# AUTHOR_BIO for text lower-cased first (where it folds like lower, see folds_like_lower): the same
# phrases grouped by first letter, each checked for a word start after that letter (as in
# _first_letter_words), so sre skips to the letters that can open one instead of trying every
# position of a long line. Only whether it matches is asked, and any match of one is a match of the
# other ("[a-z]" under IGNORECASE is "[A-Z]" under it).
AUTHOR_BIO_LOW: Final = re.compile(
    r"c(?<!\wc)an be (?:reached|contacted) at"
    r"|i(?<!\wi)s (?:the author of|a (?:freelance|contributing|staff|senior) (?:writer|editor|reporter|correspondent))"
    r"|h(?<!\wh)(?:is|er) (?:new|latest) book"
    r"|v(?<!\wv)isit (?:his|her|their) (?:blog|website|site)"
    r"|f(?<!\wf)ollow (?:him|her|them) on"
    r"|l(?<!\wl)ives in [a-z][\w ]+\.\s+(?:he|she)\b"
)
EMAIL: Final = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
# Comment policies, moderation and registration text: never comments, even in the comment zone.
POLICY: Final = re.compile(
    r"\b(?:comment policy|house rules|comments? (?:are|will be|may be) moderated|"
    r"(?:we|you) (?:reserve|agree)|terms of (?:use|service)|community (?:guidelines|standards)|"
    r"register(?:ed)? (?:users|to comment)|to comment,? (?:you|please)|"
    r"comments? (?:are|is) (?:closed|owned by)|not responsible for (?:them|the content))\b",
    _I,
)
# Words a policy shares with readers who complain about it ("Shameful moderation!!!", "my comment
# was moderated"): a policy line only when it also speaks of comments, and in the house's voice,
# not a reader's (I, my, me; an exclamation, a question, a trailing "...").
POLICY_WORD: Final = re.compile(r"\b(?:moderat(?:ed|ion|or|ors)|off-topic|abusive|civil(?:ity)?)\b", _I)
POLICY_SUBJECT: Final = re.compile(r"\b(?:comments?|posts?|posting|discussion)\b", _I)
READER_VOICE: Final = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|[Mm]y|[Mm]e|MY|ME)\b|[!?]|\.\.\.|…")

# --- letter gates: cheap exact refusals before a big whole-line pattern ------------------------
# (re's own parser: read once per gated pattern, on its first use)
_sre_parse: Any = importlib.import_module("re._parser")
_sre_const: Any = importlib.import_module("re._constants")
_sre_compiler: Any = importlib.import_module("re._compiler")
# Prefixes are read this many characters deep at most (a shorter prefix is still a necessary one),
# and a pattern whose forms spell more than _GATE_LIMIT of them is not gated.
_GATE_DEPTH: Final = 6
_GATE_LIMIT: Final = 4000
# (a class of at most this many literal characters is read as their alternation)
_GATE_CLASS: Final = 30


def _class_chars(av: Any) -> list[str] | None:
    """The characters of a parsed class made only of literals and short ranges, else None."""
    chars: list[str] = []
    for op, arg in av:
        if op is _sre_const.LITERAL:
            chars.append(chr(arg))
        elif op is _sre_const.RANGE and arg[1] - arg[0] < _GATE_CLASS:
            chars.extend(chr(k) for k in range(arg[0], arg[1] + 1))
        else:
            return None
    return chars if len(chars) <= _GATE_CLASS else None


def _may_read_letter(op: Any, av: Any) -> bool:
    """Whether one parsed item that reads one character may read an ASCII lower-case letter
    (True whenever it is not plainly a digit, a space or a listed character)."""
    if op is _sre_const.LITERAL:
        return 97 <= av <= 122
    if op is not _sre_const.IN:
        return True
    spaces_digits = (_sre_const.CATEGORY_DIGIT, _sre_const.CATEGORY_SPACE, _sre_const.CATEGORY_UNI_DIGIT, _sre_const.CATEGORY_UNI_SPACE)
    for iop, arg in av:
        if iop is _sre_const.LITERAL:
            if 97 <= arg <= 122:
                return True
        elif iop is _sre_const.RANGE:
            if arg[0] <= 122 and arg[1] >= 97:
                return True
        elif iop is not _sre_const.CATEGORY or arg not in spaces_digits:
            return True  # (a negated class, a word class, ...)
    return False


def _prefixes(items: Any, cur: list[tuple[str, bool]]) -> list[tuple[str, bool]] | None:
    """The literal prefixes a match of the parsed `items` may open with, each after one of `cur`'s:
    pairs (prefix, still open), an open prefix being all the match read so far. None when a
    class or a wildcard may open a match at a letter (no prefix then) or the prefixes are too many.
    Every match opens with one of them (zero-width items are passed over, repeats read once and
    then closed, other items close the prefix), except matches opening with no letter, which
    are left out."""
    for op, av in items:
        if not any(o for _, o in cur):
            break
        if op is _sre_const.LITERAL:
            cur = [(p + chr(av), len(p) + 1 < _GATE_DEPTH) if o else (p, o) for p, o in cur]
        elif op is _sre_const.AT or op is _sre_const.ASSERT or op is _sre_const.ASSERT_NOT:
            continue  # (zero-width: reads no character)
        elif op is _sre_const.SUBPATTERN and not av[1] and not av[2]:
            inner = _prefixes(av[3].data, cur)
            if inner is None:
                return None
            cur = inner
        elif op is _sre_const.BRANCH or op is _sre_const.MAX_REPEAT or op is _sre_const.MIN_REPEAT:
            opens: list[tuple[str, bool]] = [(p, o) for p, o in cur if o]
            nxt: list[tuple[str, bool]] = [(p, o) for p, o in cur if not o]
            for alt in av[1] if op is _sre_const.BRANCH else [av[2]]:
                once = _prefixes(alt.data, opens)
                if once is None:
                    return None
                if op is not _sre_const.BRANCH and av[1] != 1:
                    once = [(p, False) for p, _ in once]  # (what a second round reads is not read)
                nxt += once
            if op is not _sre_const.BRANCH and av[0] == 0:
                nxt += opens  # (no round at all)
            cur = nxt
        elif op is _sre_const.IN and (chars := _class_chars(av)) is not None:
            cur = [(p + ch, len(p) + 1 < _GATE_DEPTH) for p, o in cur if o for ch in chars] + [(p, o) for p, o in cur if not o]
        else:
            if any(o and not p for p, o in cur) and _may_read_letter(op, av):
                return None
            cur = [(p, False) for p, _ in cur if p]  # (a match opening here opens with no letter)
        cur = list(dict.fromkeys(cur))
        if len(cur) > _GATE_LIMIT:
            return None
    return cur


def letter_prefixes(twin: re.Pattern[str]) -> dict[str, tuple[str, ...]] | None:
    """For each ASCII lower-case letter, the prefixes one of which opens every match of `twin` at
    the start of a text opening with that letter (no prefix: no match there); None when they
    cannot be read (see _prefixes)."""
    found = _prefixes(_sre_parse.parse(twin.pattern, twin.flags).data, [("", True)])
    if found is None or any(not p for p, _ in found):
        return None
    kept: list[str] = []
    for p in sorted({p for p, _ in found}):
        if not kept or not p.startswith(kept[-1]):  # (a prefix's own extensions add nothing)
            kept.append(p)
    by_letter: dict[str, list[str]] = {}
    for p in kept:
        if "a" <= p[0] <= "z":
            by_letter.setdefault(p[0], []).append(p)
    return {c: tuple(ps) for c, ps in by_letter.items()}


def _kept_letter_prefixes(twin: re.Pattern[str]) -> dict[str, tuple[str, ...]] | None:
    """letter_prefixes(twin), read back from the regex cache's file where a replyscope process
    installed it (reading the five gated patterns with re's parser cost ~0.1 G instructions, ~1%
    of a run over a thousand pages, at each start); made afresh, and the same, where it is not."""
    # (by name: the compiled split is built from the split package alone; the module imports nothing itself)
    regex_cache: Any = importlib.import_module("replyscope.regex_cache")
    kept = regex_cache.derived("letter_prefixes", twin.pattern, twin.flags, lambda: letter_prefixes(twin))
    if kept is not None and not (isinstance(kept, dict) and all(isinstance(v, tuple) for v in kept.values())):
        return letter_prefixes(twin)  # (a damaged entry)
    return cast("dict[str, tuple[str, ...]] | None", kept)


def _by_two(by_letter: dict[str, tuple[str, ...]]) -> dict[str, dict[str, tuple[str, ...]]]:
    """letter_prefixes' prefixes (by their first letter) by their first and second characters: an
    empty dict for a letter one of whose prefixes is the letter alone (every text opening with it
    is let through), else the letter's prefixes by their second character."""
    by_two: dict[str, dict[str, tuple[str, ...]]] = {}
    for c, prefixes in by_letter.items():
        after: dict[str, tuple[str, ...]] = {}
        if c not in prefixes:
            for p in prefixes:
                after[p[1]] = after.get(p[1], ()) + (p,)
        by_two[c] = after
    return by_two


class LetterGate:
    """A lower twin's `match` behind an exact cheap refusal: a text opening with an ASCII
    lower-case letter is matched only when it opens with one of the literal prefixes the pattern's
    forms can open with there (letter_prefixes, read from the parsed pattern on first use); the
    others cannot match. Most lines asked of a big whole-line alternation ("reply", "share", ...)
    match none of it, and sre tries its forms one by one before it says so.
    """

    def __init__(self, twin: re.Pattern[str]) -> None:
        self.twin = twin
        self.pattern = twin.pattern
        self._by_letter: dict[str, tuple[str, ...]] | None = None
        # (the prefixes by their first and second characters: see _by_two)
        self._by_two: dict[str, dict[str, tuple[str, ...]]] | None = None
        self._read = False

    def refuses(self, low: str) -> bool:
        """Whether the twin cannot match at the start of `low` (lower case), told by its opening
        alone: an ASCII lower-case letter first, and none of the prefixes read for it."""
        # (called ~100k times a run: the letter told by its code point, where two string
        # comparisons compiled are generic calls; the prefixes looked up by the first two
        # characters, so `startswith` tries the few sharing them, not all of the letter's)
        if not low:
            return False
        code = ord(low[0])
        if code < 97 or code > 122:
            return False  # (not an ASCII lower-case letter)
        c = low[0]
        if not self._read:
            self._read_prefixes()
        by_two = self._by_two
        if by_two is None:
            return False  # (the prefixes could not be read: the gate is open)
        after = by_two.get(c)
        if after is None:
            return True  # (no form opens with this letter)
        if not after:
            return False  # (a form opens with the letter alone: any text opening with it may match)
        if len(low) < 2:
            return True  # (every prefix for the letter is longer than the text)
        prefixes = after.get(low[1])
        return prefixes is None or not low.startswith(prefixes)

    def _read_prefixes(self) -> None:
        by_letter = self._by_letter = _kept_letter_prefixes(self.twin)
        self._by_two = None if by_letter is None else _by_two(by_letter)
        self._read = True

    def match(self, low: str) -> re.Match[str] | None:
        return None if self.refuses(low) else self.twin.match(low)


def gate_refuses(gate: LetterGate, s: str) -> bool:
    """Whether `gate`'s pattern cannot match at the start of `s`, a text that folds like lower
    (folds_like_lower), read on its first characters lower-cased alone: True only where the gate
    would refuse `s.lower()` (an ASCII letter first, and none of the prefixes the pattern's forms
    open with there), so neither the twin on `s.lower()` nor the IGNORECASE pattern on `s` matches.

    Most lines are refused so: lower-casing a whole long line first, or running the IGNORECASE
    pattern on a line past LOWER_BELOW, costs far more than this. (A prefix is at most
    _GATE_DEPTH characters, and each character of such a text lower-cases to one.)
    """
    return gate.refuses(s[:_GATE_DEPTH].lower())


def opening_refuses(gate: LetterGate, s: str) -> bool:
    """gate_refuses(gate, s) for any text `s`: True only where the characters the gate reads, the
    first _GATE_DEPTH, are ASCII and the gate refuses them lower-cased (an ASCII character lower-cases
    to one, and IGNORECASE reads it as its two cases alone), so neither the twin on `s.lower()` nor the
    IGNORECASE pattern on `s` matches at its start. A text whose opening is past ASCII is left to the
    pattern; the rest of the text is not read (folds_like_lower's scans of a whole line are spared)."""
    head = s[:_GATE_DEPTH]
    return head.isascii() and gate.refuses(head.lower())


def gate_refuses_pair(gate: LetterGate, first: str, second: str) -> bool:
    """Whether `gate` refuses every text opening with the characters `first` then `second`, each
    lower-cased (`second` "" for a text of one character), told by those two alone: True only
    where gate.refuses would say so of any such text (its first two steps: an ASCII lower-case
    letter first, and no prefix read for it, or none of its prefixes with that second character).

    A caller with the line's first two characters at hand (each lower-cased alone, where the line
    folds like lower, as its lower-casing does) is spared gate_refuses' slice of the line and its
    lower-casing, and most refusals come at these two steps (see anchors.section_headers)."""
    if len(first) != 1:
        return False
    code = ord(first)
    if code < 97 or code > 122:
        return False  # (not an ASCII lower-case letter)
    if not gate._read:
        gate._read_prefixes()
    by_two = gate._by_two
    if by_two is None:
        return False  # (the prefixes could not be read: the gate is open)
    after = by_two.get(first)
    if after is None:
        return True  # (no form opens with this letter)
    if not after:
        return False  # (a form opens with the letter alone)
    return second not in after  # ("" is no key: every prefix for the letter is longer than the text)

# --- branch gates: a letter gate whose twin, past the gate, is matched in part ----------------
# A whole-line alternation of a hundred forms ("reply", "share", "\d+ likes", ...) is tried form by
# form: sre tries each, and most lines the letter gate lets through match none. A match of such a
# pattern (a head that may match nothing, the forms, a tail of "]" and blanks to the end) opens its
# form with the line's first character and closes it with the line's last one but blanks and a
# "]": only the forms that can open with the one and close with the other (or match nothing) need
# be tried. The pattern rebuilt with those forms alone, in their order, matches where the whole one
# does, with the same span. A pattern that is itself an alternation of such patterns ("(?:A)|(?:B)",
# as `either` joins them) is read unit by unit, each cut so or, where it is not so made, kept whole
# where a match of it may open with the line's first character. Which forms open and close with
# which character is read off the parsed forms (re's own parser and compiler, on first use), never
# written out beside them.


def _unit_texts(text: str) -> list[str] | None:
    """The pattern text as the alternation of units it is: its top-level alternatives, each read
    again where it is a non-capturing group "(?:...)" alone (whose alternatives are the pattern's)."""
    scan = _scan_groups(text)
    if scan is None:
        return None
    top_bars, groups, _ = scan
    if top_bars:
        cuts = [-1, *top_bars, len(text)]
        units: list[str] = []
        for k in range(len(cuts) - 1):
            inner = _unit_texts(text[cuts[k] + 1 : cuts[k + 1]])
            if inner is None:
                return None
            units += inner
        return units
    if len(groups) == 1 and groups[0][0] == 0 and groups[0][1] == len(text) - 1 and text.startswith("(?:"):
        return _unit_texts(text[3:-1])
    return [text]


# An edge of a pattern's matches (see _edge_chars): the characters told one by one (every ASCII one
# it may take, and those past ASCII it names), whether it may take any other character past ASCII,
# and whether the match may be empty.
_Edge = tuple[str, bool, bool]
# (a class's range past ASCII of at most this many characters is told character by character)
_EDGE_RANGE: Final = 256


def _item_edge(items: Any, op: Any, av: Any) -> tuple[str, bool]:
    """The characters one item reading one character takes (see _Edge), and whether it may take
    others past ASCII."""
    # (the item compiled alone, and asked of each ASCII character: its own verdict)
    one = _sre_compiler.compile(_sre_parse.SubPattern(items.state, [(op, av)]), items.state.flags)
    chars = [chr(k) for k in range(128) if one.match(chr(k))]
    wide = False
    if items.state.flags & re.IGNORECASE:
        wide = True  # (a character past ASCII may fold to one named: not told apart)
    elif op is _sre_const.LITERAL:
        if av >= 128:
            chars.append(chr(av))
    elif op is _sre_const.IN:
        for iop, arg in av:
            if iop is _sre_const.LITERAL:
                if arg >= 128:
                    chars.append(chr(arg))
            elif iop is _sre_const.RANGE and arg[1] - arg[0] < _EDGE_RANGE:
                chars += [chr(k) for k in range(max(arg[0], 128), arg[1] + 1)]
            else:
                wide = True  # (a category, a negation, a wide range)
    else:
        wide = True  # (any character, or all but one)
    return "".join(sorted(set(chars))), wide


def _edge_chars(items: Any, last: bool) -> _Edge:
    """The edge of the matches of the parsed `items` at their start (at their end, `last`)."""
    chars = ""
    wide = False
    for op, av in reversed(items.data) if last else items.data:
        if op is _sre_const.AT or op is _sre_const.ASSERT or op is _sre_const.ASSERT_NOT:
            continue  # (zero-width: reads no character; an assertion only turns matches away)
        if op is _sre_const.LITERAL or op is _sre_const.NOT_LITERAL or op is _sre_const.ANY or op is _sre_const.IN:
            one_chars, one_wide = _item_edge(items, op, av)
            return chars + one_chars, wide or one_wide, False
        if op is _sre_const.SUBPATTERN and av[0] is None:
            inner, inner_wide, empty = _edge_chars(av[3], last)
        elif op is _sre_const.BRANCH:
            inner, inner_wide, empty = "", False, False
            for alt in av[1]:
                alt_chars, alt_wide, alt_empty = _edge_chars(alt, last)
                inner += alt_chars
                inner_wide = inner_wide or alt_wide
                empty = empty or alt_empty
        elif op is _sre_const.MAX_REPEAT or op is _sre_const.MIN_REPEAT:
            inner, inner_wide, empty = _edge_chars(av[2], last)
            empty = empty or av[0] == 0
        else:
            raise ValueError(f"no edge characters read for {op}")  # (a group, a reference: no gate)
        chars += inner
        wide = wide or inner_wide
        if not empty:
            return chars, wide, False
    return chars, wide, True


def _takes(edge: _Edge, c: str) -> bool:
    """Whether a match with this edge may have `c` there ("" for a character past ASCII that no
    edge names)."""
    chars, wide, empty = edge
    if empty:
        return True
    if not c:
        return wide
    return c in chars or wide and ord(c) >= 128


def _by_edge(edges: list[_Edge], skip: str = "") -> dict[str, tuple[int, ...]]:
    """For each character an edge may name (every ASCII one, those past ASCII named, and "" for any
    other past ASCII) but `skip`'s, the indices of the edges that may take it."""
    named = {chr(k) for k in range(128)} | {c for chars, _, _ in edges for c in chars} | {""}
    return {c: tuple(j for j, edge in enumerate(edges) if _takes(edge, c)) for c in sorted(named) if not (c and c in skip)}


# A unit of a branch gate's pattern: ("forms", head, tail, forms, the head's edge at the start's
# characters told and whether it takes others, the forms by first character, the forms by last
# character: empty where the tail is not _BRANCH_TAIL), or ("whole", text, the unit's edge at the
# start's characters, whether it takes others past ASCII, whether it may match nothing).
BranchUnit = tuple[Any, ...]
# (the tail after which the forms' last characters are read: "]" and blanks to the end)
_BRANCH_TAIL: Final = r"\]?\s*$"


def _branch_unit(text: str, flags: int) -> BranchUnit:
    found = _scan_groups(text)
    if found is not None:
        top_bars, groups, _ = found
        cut = [g for g in groups if g[2]]
        # (the first group holding an alternation, read once: no quantifier after it)
        if not top_bars and cut and text[cut[0][0] : cut[0][0] + 3] == "(?:" and text[cut[0][1] + 1 : cut[0][1] + 2] not in ("?", "*", "+", "{"):
            start, end, bars = cut[0]
            head_chars, head_wide, head_empty = _edge_chars(_sre_parse.parse(text[:start], flags), False)
            if head_empty:
                cuts = [start + 2, *bars, end]
                forms = tuple(text[cuts[k] + 1 : cuts[k + 1]] for k in range(len(cuts) - 1))
                parsed = [_sre_parse.parse(form, flags) for form in forms]
                opening = _by_edge([_edge_chars(form, False) for form in parsed], head_chars)
                tail = text[end + 1 :]
                closing = _by_edge([_edge_chars(form, True) for form in parsed]) if tail == _BRANCH_TAIL else {}
                return ("forms", text[:start], tail, forms, head_chars, head_wide, opening, closing)
    chars, wide, empty = _edge_chars(_sre_parse.parse(text, flags), False)
    return ("whole", text, chars, wide, empty)


def branch_parts(twin: re.Pattern[str]) -> tuple[BranchUnit, ...] | None:
    """`twin`'s text read as BranchGate reads it: its units (see _unit_texts, BranchUnit). None
    where the pattern has a capturing group or is verbose, or the text is not read."""
    if twin.groups or twin.flags & re.VERBOSE:
        return None
    texts = _unit_texts(twin.pattern)
    if texts is None:
        return None
    try:
        return tuple(_branch_unit(text, twin.flags) for text in texts)
    except (ValueError, re.error):
        return None


def _kept_branch_parts(twin: re.Pattern[str]) -> tuple[BranchUnit, ...] | None:
    """branch_parts(twin), read back from the regex cache's file where a replyscope process
    installed it (as _kept_letter_prefixes)."""
    regex_cache: Any = importlib.import_module("replyscope.regex_cache")
    kept = regex_cache.derived("branch_units", twin.pattern, twin.flags, lambda: branch_parts(twin))
    if kept is not None and not (isinstance(kept, tuple) and all(isinstance(u, tuple) and u and u[0] in ("forms", "whole") for u in kept)):
        return branch_parts(twin)  # (a damaged entry)
    return cast("tuple[BranchUnit, ...] | None", kept)


def _ascii_blank(code: int) -> bool:
    """Whether the character of this code point is an ASCII one `\\s` reads (as str.isspace)."""
    return code == 32 or 9 <= code <= 13 or 28 <= code <= 31


# (a last character not read: a blank, a "]", or no line; see BranchGate.match)
_NO_LAST: Final = 0x110000


class BranchGate(LetterGate):
    """A LetterGate whose twin, past the gate, is matched with only the forms (branch_parts) that a
    match opening with the line's first character and closing with its last (blanks and a closing
    "]" aside) can take: the same matches, the same spans. A unit whose head may read the line's
    first character ("[" before "[Reply]") is kept whole.

    Only where the compiled-pattern cache is installed (replyscope's own processes: see
    replyscope.regex_cache), or `everywhere`: the parts are read back from its file there, and
    the patterns they make (a hundred or two over a thousand pages) loaded from it, ~2 ms; made
    afresh, re's compiler in Python took ~0.1 s of a process's CPU, more than they save. Elsewhere
    it is the plain letter gate."""

    def __init__(self, twin: re.Pattern[str], everywhere: bool = False) -> None:
        super().__init__(twin)
        self._everywhere = everywhere
        self._units: tuple[BranchUnit, ...] | None = None
        self._units_read = False
        # (the pattern for a first and a last character, by their code points, first * 0x110001 +
        # last (_NO_LAST where it is not read): made on first use; None: nothing can match)
        self._by_ends: dict[int, re.Pattern[str] | None] = {}
        self._by_picks: dict[tuple[tuple[int, ...], ...], re.Pattern[str] | None] = {}
        self._closing_sets: list[dict[str, frozenset[int]]] = []

    def match(self, low: str) -> re.Match[str] | None:
        if self.refuses(low):
            return None
        if not self._units_read:
            self._read_units()
        n = len(low)
        if n == 0 or self._units is None:
            return self.twin.match(low)
        first = ord(low[0])
        k = n - 1
        last = ord(low[k])
        while k > 0 and _ascii_blank(last):
            k -= 1
            last = ord(low[k])
        if last == 93 or _ascii_blank(last) or last >= 128 and low[k].isspace():
            last = _NO_LAST  # (a "]" or a blank the tail may read: the forms' last character is not known)
        key = first * 0x110001 + last
        by_ends = self._by_ends
        if key in by_ends:
            part = by_ends[key]
        else:
            part = by_ends[key] = self._part(low[0], "" if last == _NO_LAST else chr(last))
        return None if part is None else part.match(low)

    def _part(self, c: str, e: str) -> re.Pattern[str] | None:
        """The pattern for lines opening with `c` and closing with `e` ("": not read)."""
        units = self._units
        if units is None:
            return self.twin
        # (the forms each unit keeps, by index; _WHOLE_UNIT: the unit as it is; (): none; many
        # first and last characters keep the same forms, whose pattern is made once)
        picks: list[tuple[int, ...]] = []
        for k, unit in enumerate(units):
            if unit[0] == "whole":
                _, text, chars, wide, empty = unit
                picks.append(_WHOLE_UNIT if _takes((chars, wide, empty), c) else ())
                continue
            _, head, tail, forms, head_chars, head_wide, opening, closing = unit
            if c in head_chars or head_wide and ord(c) >= 128:
                picks.append(_WHOLE_UNIT)
                continue
            taken = opening.get(c)
            if taken is None:
                taken = opening[""]  # (past ASCII, named by no form)
            if e and closing:
                ends = self._closing_sets[k]
                ending = ends.get(e)
                if ending is None:
                    ending = ends[""]
                taken = tuple([j for j in taken if j in ending])
            picks.append(_WHOLE_UNIT if len(taken) == len(forms) else taken)
        key = tuple(picks)
        if key in self._by_picks:
            return self._by_picks[key]
        part: re.Pattern[str] | None
        if all(pick == _WHOLE_UNIT for pick in picks):
            part = self.twin
        elif not any(picks):
            part = None
        else:
            kept: list[str] = []
            for unit, pick in zip(units, picks):
                if not pick:
                    continue
                if unit[0] == "whole":
                    kept.append(unit[1])
                else:
                    _, head, tail, forms = unit[:4]
                    kept.append(head + "(?:" + "|".join(forms if pick == _WHOLE_UNIT else [forms[j] for j in pick]) + ")" + tail)
            part = re.compile("|".join(kept), self.twin.flags)
        self._by_picks[key] = part
        return part

    def _read_units(self) -> None:
        regex_cache: Any = importlib.import_module("replyscope.regex_cache")
        if self._everywhere or regex_cache.installed():  # (see the class's note)
            self._units = _kept_branch_parts(self.twin)
            # (each unit's forms by last character as sets, asked of the forms by first character)
            self._closing_sets = [{ch: frozenset(js) for ch, js in unit[7].items()} if unit[0] == "forms" else {} for unit in self._units or ()]
        self._units_read = True


# (a unit kept whole by a branch gate's pattern: see BranchGate._part)
_WHOLE_UNIT: Final = (-1,)


# --- opening gates: the first characters a whole-line pattern's matches cannot open with --------
# A LetterGate leaves every text opening with no ASCII lower-case letter to its pattern: a line
# opening with a bullet, a figure or a quote mark is tried form by form. Most of a big whole-line
# alternation's forms open with letters, so its twin cannot match such a line at all.
# Code points below this are read (Latin, punctuation, arrows, box drawing, shapes: a page's
# bullets and quote marks); a text opening with one past it is let through.
OPENING_SCOPE: Final = 0x2600


def _first_items(items: Any, found: list[tuple[Any, Any]]) -> bool:
    """Add to `found` the parsed one-character items a match of `items` may read first; True when
    it may read none (the items may match an empty text). An item not read here is added as ANY."""
    for op, av in items:
        if op is _sre_const.AT or op is _sre_const.ASSERT or op is _sre_const.ASSERT_NOT:
            continue  # (zero-width; a look-ahead only narrows what may follow)
        if op is _sre_const.LITERAL or op is _sre_const.NOT_LITERAL or op is _sre_const.IN or op is _sre_const.ANY:
            found.append((op, av))
            return False
        if op is _sre_const.SUBPATTERN and not av[1] and not av[2]:
            if not _first_items(av[3].data, found):
                return False
            continue
        if op is _sre_const.BRANCH:
            empty = False
            for alt in av[1]:
                empty = _first_items(alt.data, found) or empty
            if not empty:
                return False
            continue
        if op is _sre_const.MAX_REPEAT or op is _sre_const.MIN_REPEAT or op is _sre_const.POSSESSIVE_REPEAT:
            if not _first_items(av[2].data, found) and av[0] > 0:
                return False
            continue
        found.append((_sre_const.ANY, None))  # (a flag switch, a back reference, an atomic group...)
        return False
    return True


_CATEGORY_CLASSES: Final[dict[str, str]] = {
    "CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s", "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W", "CATEGORY_UNI_DIGIT": r"\d", "CATEGORY_UNI_NOT_DIGIT": r"\D",
    "CATEGORY_UNI_SPACE": r"\s", "CATEGORY_UNI_NOT_SPACE": r"\S", "CATEGORY_UNI_WORD": r"\w", "CATEGORY_UNI_NOT_WORD": r"\W",
}


def _item_reads(op: Any, av: Any, ch: str, flags: int) -> bool:
    """Whether one parsed one-character item may read `ch` (True where it cannot be told)."""
    code = ord(ch)
    if op is _sre_const.LITERAL:
        return bool(av == code)
    if op is _sre_const.NOT_LITERAL:
        return bool(av != code)
    if op is not _sre_const.IN:
        return True
    negate = False
    hit = False
    for iop, arg in av:
        if iop is _sre_const.NEGATE:
            negate = True
        elif iop is _sre_const.LITERAL:
            hit = hit or arg == code
        elif iop is _sre_const.RANGE:
            hit = hit or arg[0] <= code <= arg[1]
        elif iop is _sre_const.CATEGORY and str(arg) in _CATEGORY_CLASSES:
            hit = hit or re.fullmatch(_CATEGORY_CLASSES[str(arg)], ch, flags & re.ASCII) is not None
        else:
            return True
    return hit != negate


def opening_characters(twin: re.Pattern[str]) -> str | None:
    """The characters below OPENING_SCOPE a match of `twin` (a case-sensitive pattern, as lower
    twins are) may open with, read from its parse; None when any may (an IGNORECASE or LOCALE
    pattern, or one that may match an empty text)."""
    if twin.flags & (re.IGNORECASE | re.LOCALE):
        return None
    found: list[tuple[Any, Any]] = []
    if _first_items(_sre_parse.parse(twin.pattern, twin.flags).data, found):
        return None
    items = list(dict.fromkeys((op, av if op is not _sre_const.IN else tuple(av)) for op, av in found))
    return "".join(chr(c) for c in range(OPENING_SCOPE) if any(_item_reads(op, av, chr(c), twin.flags) for op, av in items))


class OpeningGate:
    """An exact cheap refusal of a text (lower-cased, as `twin` reads it) by its first character:
    one below OPENING_SCOPE that no match of `twin` may open with (opening_characters, read on
    first use; kept in the regex cache's file as LetterGate's prefixes are). ASCII lower-case
    letters are let through (a LetterGate reads them deeper)."""

    def __init__(self, twin: re.Pattern[str]) -> None:
        self.twin = twin
        self._codes: frozenset[int] = frozenset()
        self._open = True
        self._read = False

    def refuses(self, low: str) -> bool:
        """Whether no match of the twin may open `low`, told by its first character alone."""
        if not low:
            return False
        code = ord(low[0])
        if code >= OPENING_SCOPE or 97 <= code <= 122:
            return False
        if not self._read:
            self._read_codes()
        return not self._open and code not in self._codes

    def _read_codes(self) -> None:
        regex_cache: Any = importlib.import_module("replyscope.regex_cache")
        twin = self.twin
        kept = regex_cache.derived("opening_characters", twin.pattern, twin.flags, lambda: opening_characters(twin))
        if kept is not None and not isinstance(kept, str):
            kept = opening_characters(twin)  # (a damaged entry)
        if kept is not None:
            self._codes = frozenset(ord(c) for c in kept)
            self._open = False
        self._read = True


# --- literal gates: the words a pattern cannot match without, read from its parse -------------
# A pattern whose every match holds one of a few literal strings ("repl" in each form of a reply
# target, "@" before a handle) need not be searched in a text holding none of them: a substring
# test is a few C instructions a character, sre's search tries the pattern at each character.
# The strings are read from the parsed pattern (re's own parser, once, on the gate's first use),
# never written out by hand beside it, so a form later added to the pattern adds its own literal
# to the gate instead of being turned away by it.
#
# Each parsed item is read as a pair: the finite set of strings it can match (None when unbounded
# or too many) and a set of strings one of which every match of it holds (None: none is needed).
# A run of items with finite sets is their product; an item with none (a class, a wildcard, an
# open repeat, a backreference) ends the run; lookarounds and anchors read no character; a repeat
# that may run zero times needs nothing; an alternation needs one of its branches' needs. Under
# IGNORECASE the strings are read lower-cased and looked for in the text lower-cased where that
# folds like IGNORECASE (folds_like_lower; elsewhere the gate admits): a letter only in ASCII or
# caseless, so each character the pattern may read there lower-cases to the letter read.
_LIT_SET: Final = 64  # (at most this many strings in an item's finite set ...)
_LIT_LONG: Final = 40  # (... each at most this long)
_LIT_MANY: Final = 12  # (a need of more strings than this is no gate)
_LIT_CLASS: Final = 4  # (a class of at most this many characters is read as their alternation)
_LIT_COMMON: Final = 4  # (strings sharing a substring this long are looked for by it alone)
_CASEFIX: Final[dict[int, Any]] = importlib.import_module("re._casefix")._EXTRA_CASES

_Strs = frozenset  # (a set of strings, as the reading below passes them)


def _lit_char(ch: str, icase: bool) -> str | None:
    """`ch` as a gate looks for it (lower-cased under IGNORECASE), None where a gate cannot: a
    cased letter beyond ASCII under IGNORECASE (IGNORECASE may match it to characters
    `str.lower` does not give it)."""
    if not icase or ch.isascii():
        return ch.lower() if icase else ch
    if ch.lower() == ch and ch.upper() == ch and ord(ch) not in _CASEFIX:
        return ch
    return None


def _lit_need_of(strs: Any) -> Any:
    """A finite set of strings as a need: None where one is empty (nothing needed then)."""
    return None if not strs or "" in strs else strs


def _lit_simplest(need: Any) -> Any:
    """`need` with no string holding another of it (the shorter suffices), and any two strings
    sharing a substring _LIT_COMMON long replaced by it (one search where there were two; the
    longest shared first); None when too many strings are left."""
    if need is None:
        return None
    kept = sorted(s for s in need if not any(t != s and t in s for t in need))
    while len(kept) > 1:
        best = ""
        pair = (0, 0)
        for i, a in enumerate(kept):
            for j in range(i + 1, len(kept)):
                shared = _lit_shared(a, kept[j])
                if len(shared) > len(best):
                    best, pair = shared, (i, j)
        if len(best) < _LIT_COMMON:
            break
        kept = sorted({s for k, s in enumerate(kept) if k not in pair} | {best})
        kept = [s for s in kept if not any(t != s and t in s for t in kept)]
    return frozenset(kept) if len(kept) <= _LIT_MANY else None


def _lit_shared(a: str, b: str) -> str:
    """The longest substring of `a` that `b` holds (the first of them)."""
    for size in range(min(len(a), len(b)), 0, -1):
        for k in range(len(a) - size + 1):
            if a[k : k + size] in b:
                return a[k : k + size]
    return ""


def _lit_better(a: Any, b: Any) -> Any:
    """The better of two needs: longer strings (to 4 characters), then fewer."""
    if a is None:
        return b
    if b is None:
        return a
    ka = (min(min(len(s) for s in a), 4), -len(a), sum(len(s) for s in a))
    kb = (min(min(len(s) for s in b), 4), -len(b), sum(len(s) for s in b))
    return a if ka >= kb else b


_LIT_NONE: Final = frozenset({""})  # (what an item tells of its opening or its end: nothing)


def _lit_join(a: Any, b: Any) -> Any:
    """Each string of `a` followed by each of `b`, None when too many or too long."""
    joined = frozenset(x + y for x in a for y in b)
    return joined if len(joined) <= _LIT_SET and all(len(s) <= _LIT_LONG for s in joined) else None


def _lit_seq(items: Any, icase: bool) -> tuple[Any, Any, Any, Any]:
    """(finite set, need, openings, endings) of a parsed sequence: see _lit_item."""
    run: Any = _LIT_NONE
    whole = True
    need: Any = None
    opens: Any = None
    for item in items:
        strs, own, first, last = _lit_item(item, icase)
        need = _lit_better(need, own)
        if strs is not None:
            joined = _lit_join(run, strs)
            if joined is not None:
                run = joined
                continue
            first = last = strs
        # (the run ends here: what it read and this item's opening are one stretch of the match)
        ended = _lit_join(run, first)
        if ended is None:
            ended = run
        need = _lit_better(need, _lit_simplest(_lit_need_of(ended)))
        if opens is None:
            opens = ended
        whole = False
        run = last
    need = _lit_better(need, _lit_simplest(_lit_need_of(run)))
    return (run if whole else None), need, (run if opens is None else opens), run


def _lit_item(item: Any, icase: bool) -> tuple[Any, Any, Any, Any]:
    """(finite set, need, openings, endings) of one parsed item: the strings it can match (None:
    unbounded or too many), strings one of which each of its matches holds (None: nothing
    needed), strings one of which each of its matches opens with, and ends with ({""}: none)."""
    op, av = item
    c = _sre_const
    if op is c.LITERAL:
        ch = _lit_char(chr(av), icase)
        return (None if ch is None else frozenset({ch})), None, _LIT_NONE, _LIT_NONE
    if op is c.IN:
        chars = _class_chars(av)
        if chars is None:
            return None, None, _LIT_NONE, _LIT_NONE
        read = {_lit_char(ch, icase) for ch in chars}
        if None in read or len(read) > _LIT_CLASS:
            return None, None, _LIT_NONE, _LIT_NONE
        return frozenset(cast("set[str]", read)), None, _LIT_NONE, _LIT_NONE
    if op is c.AT or op is c.ASSERT or op is c.ASSERT_NOT:
        return _LIT_NONE, None, _LIT_NONE, _LIT_NONE  # (reads no character)
    if op is c.SUBPATTERN:
        return _lit_seq(av[3].data, icase)  # (a group switching IGNORECASE: see _case_switched)
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _lit_seq(av.data, icase)
    if op is c.BRANCH:
        union: Any = frozenset()
        need_all: Any = frozenset()
        firsts: Any = frozenset()
        lasts: Any = frozenset()
        for alt in av[1]:
            strs, need, first, last = _lit_seq(alt.data, icase)
            union = None if union is None or strs is None else union | strs
            need_all = None if need_all is None or need is None else need_all | need
            firsts |= first
            lasts |= last
        if union is not None and len(union) > _LIT_SET:
            union = None
        return union, _lit_simplest(need_all), _lit_bounded(firsts), _lit_bounded(lasts)
    if op is c.MAX_REPEAT or op is c.MIN_REPEAT or op is getattr(c, "POSSESSIVE_REPEAT", None):
        lo, hi, inner = av
        strs, need, first, last = _lit_seq(inner.data, icase)
        if lo == 0:
            return (strs | _LIT_NONE if strs is not None and hi == 1 else None), None, _LIT_NONE, _LIT_NONE
        if strs is not None and lo == hi and len(strs) ** lo <= _LIT_SET:
            rounds: Any = _LIT_NONE
            for _ in range(lo):
                rounds = frozenset(a + b for a in rounds for b in strs)
            return rounds, need, _LIT_NONE, _LIT_NONE
        if strs is not None:
            first = last = strs
        return None, _lit_better(need, _lit_simplest(_lit_need_of(strs))), first, last
    return None, None, _LIT_NONE, _LIT_NONE  # (a wildcard, a negated literal, a backreference, ...)


def _lit_bounded(strs: Any) -> Any:
    """An alternation's openings or endings, nothing when too many."""
    return strs if len(strs) <= _LIT_SET else _LIT_NONE


def required_literals(pattern: re.Pattern[str] | Deferred) -> tuple[tuple[str, ...], bool] | None:
    """The literal strings one of which every match of `pattern` holds, and whether they are
    lower-cased (to be looked for in the text lower-cased: IGNORECASE, and a cased letter among
    them); None when no such set is read (a match may hold no literal, or too many are needed).
    See the notes above LiteralGate's readings."""
    parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    flags = parsed.state.flags
    if flags & _sre_const.SRE_FLAG_LOCALE or _case_switched(parsed.data):
        return None
    icase = bool(flags & _sre_const.SRE_FLAG_IGNORECASE)
    need = _lit_seq(parsed.data, icase)[1]
    if need is None:
        return None
    lits = tuple(sorted(need, key=lambda s: (-len(s), s)))
    return lits, icase and any(ch.lower() != ch.upper() for s in lits for ch in s)


def _case_switched(items: Any) -> bool:
    """Whether a group of the parsed `items` turns IGNORECASE on or off for its part (a gate's
    strings are all read in one case: such a pattern is not gated)."""
    for op, av in items:
        if op is _sre_const.SUBPATTERN and (av[1] | av[2]) & _sre_const.SRE_FLAG_IGNORECASE:
            return True
        if op is _sre_const.BRANCH:
            if any(_case_switched(alt.data) for alt in av[1]):
                return True
        elif op is _sre_const.SUBPATTERN or op is _sre_const.ASSERT or op is _sre_const.ASSERT_NOT:
            if _case_switched(av[-1].data):
                return True
        elif op is _sre_const.MAX_REPEAT or op is _sre_const.MIN_REPEAT or op is getattr(_sre_const, "POSSESSIVE_REPEAT", None):
            if _case_switched(av[2].data):
                return True
        elif op is getattr(_sre_const, "ATOMIC_GROUP", None) and _case_switched(av.data):
            return True
    return False


def _kept_required_literals(pattern: re.Pattern[str] | Deferred) -> tuple[tuple[str, ...], bool] | None:
    """required_literals(pattern), kept in the regex cache's file as LetterGate's prefixes are."""
    regex_cache: Any = importlib.import_module("replyscope.regex_cache")
    kept = regex_cache.derived("required_literals", pattern.pattern, pattern.flags, lambda: required_literals(pattern))
    if kept is None:
        return None
    if not (isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[0], tuple) and all(isinstance(s, str) and s for s in kept[0]) and kept[0]):
        return required_literals(pattern)  # (a damaged entry)
    return cast("tuple[tuple[str, ...], bool]", kept)


def match_literals(pattern: re.Pattern[str] | Deferred) -> tuple[str, ...]:
    """The literals one of which every match of `pattern` holds (required_literals; lower-cased
    where it has IGNORECASE and a cased letter among them), for a gate written out at its call
    site. Raises ValueError where none can be read."""
    found = _kept_required_literals(pattern)
    if found is None:
        raise ValueError(f"no literals read from {pattern.pattern!r}")
    return found[0]


def literal_groups(lits: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`lits` behind fragments they share, as a gate looks for them: (fragment, its literals) pairs,
    the literals looked for only where the fragment is found (most texts hold no fragment: one scan
    turns them away instead of one a literal); a fragment is at least 2 characters and held by 3
    literals or more (the most of them first, then the longest: two literals behind a fragment
    common in text would cost three scans where it is found); a literal in no group stands alone,
    as (literal, ()). Any text holding one of `lits` holds one fragment and
    one of its literals, and no other text does."""
    left = list(lits)
    groups: list[tuple[str, tuple[str, ...]]] = []
    while len(left) > 2:
        counts: dict[str, int] = {}
        for lit in left:
            for frag in {lit[k : k + size] for size in range(2, len(lit) + 1) for k in range(len(lit) - size + 1)}:
                counts[frag] = counts.get(frag, 0) + 1
        shared = [(n, len(f), f) for f, n in counts.items() if n > 2]
        if not shared:
            break
        frag = max(shared)[2]
        groups.append((frag, tuple(lit for lit in left if frag in lit)))
        left = [lit for lit in left if frag not in lit]
    return tuple(groups) + tuple((lit, ()) for lit in left)


class LiteralGate:
    """An exact cheap refusal before asking `pattern`: `GATE.admits(s) and PATTERN.search(s)`.

    `admits(s)` is False only where `s` holds none of the literal strings one of which every match
    of the pattern holds (required_literals, read from the parsed pattern on first use), so the
    pattern cannot match anywhere in `s`; True where none could be read (the gate is open).
    """

    def __init__(self, pattern: re.Pattern[str] | Deferred) -> None:
        self.pattern = pattern
        self._groups: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (the fragments behind which 3+ literals are asked)
        self._plain: tuple[str, ...] = ()  # (the literals asked alone)
        self._one = ""  # (the literal, where it is the only one: one substring test)
        self._lits: tuple[str, ...] = ()
        self._lowered = False
        self._open = True
        self._read = False

    def _read_literals(self) -> None:
        found = _kept_required_literals(self.pattern)
        if found is not None:
            self._lits, self._lowered = found
            groups = literal_groups(self._lits)
            self._groups = tuple((frag, lits) for frag, lits in groups if lits)
            self._plain = tuple(frag for frag, lits in groups if not lits)
            if not self._groups and len(self._plain) == 1:
                self._one = self._plain[0]
            self._open = False
        self._read = True

    def literals(self) -> tuple[str, ...] | None:
        """The strings one of which every match holds (None: none were read, the gate is open)."""
        if not self._read:
            self._read_literals()
        return None if self._open else self._lits

    def lowered(self) -> bool:
        """Whether the strings are looked for in the text lower-cased (IGNORECASE)."""
        if not self._read:
            self._read_literals()
        return self._lowered

    def admits(self, s: str) -> bool:
        """Whether the pattern may match somewhere in `s`."""
        if not self._read:
            self._read_literals()
        if self._lowered and not self._open:
            if not folds_like_lower(s):
                return True  # (a dotless i, a long s or a dotted I: the pattern alone says)
            s = s.lower()
        return self.admits_lower(s)

    def admits_lower(self, low: str) -> bool:
        """admits(s) for `low`, `s` as the gate reads it: lower-cased where the gate's literals are
        (lowered) and `s` folds like lower (folds_like_lower), `s` itself elsewhere."""
        if not self._read:
            self._read_literals()
        if self._open:
            return True
        if self._one:
            return self._one in low
        return self._holds_one(low)

    def _holds_one(self, s: str) -> bool:
        for lit in self._plain:
            if lit in s:
                return True
        for frag, lits in self._groups:
            if frag in s:
                for lit in lits:
                    if lit in s:
                        return True
        return False


def _fold_chars(ch: str) -> str:
    """`ch` and every character IGNORECASE reads as it (the other case; "K" for a Kelvin sign, the
    long s for "s", the dotless i and dotted I for "i"), for a gate on the text's own characters."""
    low = ch.lower()
    more = "".join(chr(c) for c in _CASEFIX.get(ord(low), ()))
    extra = {"k": "\u212a", "i": "\u0130"}.get(low, "")
    return "".join(dict.fromkeys(low + ch.upper() + more + extra))


def required_edges(pattern: re.Pattern[str] | Deferred, end: bool) -> tuple[tuple[str, ...], bool] | None:
    """The strings one of which every match of `pattern` ends with (`end`) or opens with, and
    whether they are lower-cased (IGNORECASE, a cased letter among them), read from the parse as
    required_literals reads its literals; None when a match may end (open) with no literal."""
    parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    flags = parsed.state.flags
    if flags & _sre_const.SRE_FLAG_LOCALE or _case_switched(parsed.data):
        return None
    icase = bool(flags & _sre_const.SRE_FLAG_IGNORECASE)
    edges = _lit_seq(parsed.data, icase)[3 if end else 2]
    if not edges or "" in edges:
        return None
    found = tuple(sorted(edges))
    return found, icase and any(ch.lower() != ch.upper() for s in found for ch in s)


def match_endings(pattern: re.Pattern[str] | Deferred) -> tuple[str, ...]:
    """The strings one of which every match of `pattern` (an IGNORECASE one spelt in lower case,
    anchored at the end by "$") ends with, lower-cased: a text whose end, lower-cased where it
    folds like lower, ends in none cannot match. Raises ValueError where none can be read."""
    found = _kept_edges(pattern, True)
    if found is None:
        raise ValueError(f"no endings read from {pattern.pattern!r}")
    return found[0]


def edge_characters(pattern: re.Pattern[str] | Deferred, end: bool) -> frozenset[str]:
    """The characters a match of `pattern` may end with (`end`) or open with, each in every form
    IGNORECASE reads as it where the pattern has that flag: a text whose last (first) character is
    none of them cannot hold a match there. Raises ValueError where they cannot be read."""
    found = _kept_edges(pattern, end)
    if found is None:
        raise ValueError(f"no {'last' if end else 'first'} characters read from {pattern.pattern!r}")
    chars = {s[-1] if end else s[0] for s in found[0]}
    if pattern.flags & re.IGNORECASE:
        return frozenset(c for ch in chars for c in _fold_chars(ch))
    return frozenset(chars)


def _kept_edges(pattern: re.Pattern[str] | Deferred, end: bool) -> tuple[tuple[str, ...], bool] | None:
    regex_cache: Any = importlib.import_module("replyscope.regex_cache")
    kind = "match_endings" if end else "match_openings"
    kept = regex_cache.derived(kind, pattern.pattern, pattern.flags, lambda: required_edges(pattern, end))
    if kept is not None and not (isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[0], tuple) and kept[0]):
        return required_edges(pattern, end)  # (a damaged entry)
    return cast("tuple[tuple[str, ...], bool] | None", kept)


# --- lower twins (see lower_twin) of the patterns run on most short lines ---------------------
TIMESTAMP_RE_LOW: Final = lower_twin(TIMESTAMP_RE)


def _searched_from_before(twin: re.Pattern[str]) -> re.Pattern[str]:
    """`twin` (TIMESTAMP_RE_LOW) with its opening look-behind, "no word character, "/", "." or ":"
    before the stamp", read as a character it matches: a class of every character that is none of
    them in Latin-1, and every character past it, checked by a look-behind once matched. The pattern
    then opens with a character class, so sre skips in C to the places a stamp may stand after (a
    look-behind first has it try the whole pattern at every place of the line: ~3/4 of the search's
    cost over the headers' digit lines). Searched in the text with a blank before it (the stamp at
    its start has no character before it), a match opens one character before the stamp's."""
    head = r"(?<![\w/.:])"
    if not twin.pattern.startswith(head):
        raise ValueError("TIMESTAMP_RE no longer opens with its look-behind: see _searched_from_before")
    before = re.compile(r"[^\w/.:]")
    latin = "".join(re.escape(chr(c)) for c in range(256) if before.match(chr(c)))
    return re.compile(rf"[{latin}\u0100-\U0010ffff](?<=[^\w/.:])" + twin.pattern[len(head) :], twin.flags)


_TIMESTAMP_FROM_BEFORE_LOW: Final = _searched_from_before(TIMESTAMP_RE_LOW)


def _joiners_opening(twin: re.Pattern[str]) -> str | None:
    """The joiners (JOINER_CHARS) a match of `twin` (TIMESTAMP_RE_LOW) may open with: those that
    the first item of an alternative of its opening look-ahead (_STAMP_START) reads, each read by
    that item compiled alone; None where the pattern does not open with look-arounds and then that
    look-ahead, each of whose alternatives opens with one character (a literal or a class): any
    joiner may then open a match. (Only the look-ahead is parsed: the whole pattern's parse costs
    ~10 ms.)"""
    parser: Any = importlib.import_module("re._parser")
    const: Any = importlib.import_module("re._constants")
    compiler: Any = importlib.import_module("re._compiler")
    pattern = twin.pattern
    ends = _group_ends(pattern)
    start = 0
    while pattern.startswith(("(?<!", "(?<=", "(?!", "(?="), start) and start in ends:
        if pattern.startswith("(?=", start):
            break
        start = ends[start] + 1
    if not pattern.startswith("(?=", start) or start not in ends:
        return None
    ahead = parser.parse(pattern[start : ends[start] + 1], twin.flags)
    if len(ahead.data) != 1 or ahead.data[0][0] is not const.ASSERT:
        return None
    inner = ahead.data[0][1][1].data
    alternatives = inner[0][1][1] if len(inner) == 1 and inner[0][0] is const.BRANCH else [parser.SubPattern(ahead.state, inner)]
    firsts = []
    for alt in alternatives:
        if not alt.data or alt.data[0][0] not in (const.LITERAL, const.IN):
            return None
        firsts.append(compiler.compile(parser.SubPattern(ahead.state, [alt.data[0]]), twin.flags))
    return "".join(c for c in JOINER_CHARS if any(first.match(c) for first in firsts))


def _kept_joiners_opening(twin: re.Pattern[str]) -> str:
    """_joiners_opening(twin), kept in the regex cache's file; every joiner where none are read."""
    regex_cache: Any = importlib.import_module("replyscope.regex_cache")
    kept = regex_cache.derived("joiners_opening", twin.pattern, twin.flags, lambda: _joiners_opening(twin))
    return kept if isinstance(kept, str) else JOINER_CHARS


# The joiners a stamp may open with ("@" of "@ 9:05 pm"): the text after a header's stamp is matched
# for another stamp only at these and at its first other character (see headers._stamp_after_joiners).
STAMP_OPENING_JOINERS: Final = frozenset(_kept_joiners_opening(TIMESTAMP_RE_LOW))


def stamp_span_low(low: str, pos: int = 0) -> tuple[int, int] | None:
    """The span of TIMESTAMP_RE_LOW.search(low, pos), or None: the same span, found faster (see
    _searched_from_before; a match at the padded text's place p opens the stamp at the line's place
    p, and the look-behind the class stands for reads the characters before `pos` too)."""
    m = _TIMESTAMP_FROM_BEFORE_LOW.search(" " + low, pos)
    return None if m is None else (m.start(), m.end() - 1)


def stamp_span(s: str, low: str, pos: int = 0) -> tuple[int, int] | None:
    """The span of stamp_search(s, pos), or None; `low` is s.lower() (the caller's shared copy).
    A line that folds like lower is searched by stamp_span_low; any other line by TIMESTAMP_RE
    itself, as stamp_search."""
    if folds_like_lower(s):
        return stamp_span_low(low, pos)
    found = TIMESTAMP_RE.search(s, pos)
    return None if found is None else (found.start(), found.end())


def stamp_search(s: str, pos: int = 0) -> re.Match[str] | None:
    """TIMESTAMP_RE.search(s, pos), on its faster lower twin where `s` folds like lower: the same
    span, but read the stamp's text from `s` (the match's own text may be lower-cased)."""
    return TIMESTAMP_RE_LOW.search(s.lower(), pos) if folds_like_lower(s) else TIMESTAMP_RE.search(s, pos)


def stamp_finditer(s: str, pos: int = 0) -> Iterator[re.Match[str]]:
    """TIMESTAMP_RE.finditer(s, pos), as stamp_search reads it (the same spans)."""
    return TIMESTAMP_RE_LOW.finditer(s.lower(), pos) if folds_like_lower(s) else TIMESTAMP_RE.finditer(s, pos)


SAYS_LOW: Final = lower_twin(SAYS)
# (the says-words are plain words, so the lower twin can be the faster first-letter form)
SAYS_WORD_LOW: Final = _first_letter_words(["says", "said", "wrote", "writes", "commented", "replied", "answered"])
TRAILING_META_LOW: Final = lower_twin(TRAILING_META)
COMMENT_SECTION_LOW: Final = LetterGate(lower_twin(COMMENT_SECTION))
LIST_MARKER_LOW: Final = lower_twin(LIST_MARKER)
COMMENT_FORM_LOW: Final = LetterGate(lower_twin(COMMENT_FORM))
CHROME_WORDS_LOW: Final = BranchGate(lower_twin(CHROME_WORDS))
CHROME_REPLY_ROW_LOW: Final = lower_twin(CHROME_REPLY_ROW)
CHROME_ROW_LOW: Final = lower_twin(CHROME_ROW)


def _row_of_actions(s: str) -> bool:
    """CHROME_ROW.match(s) is not None, on its faster lower twin where `s` folds like lower."""
    return (CHROME_ROW_LOW.match(s.lower()) if folds_like_lower(s) else CHROME_ROW.match(s)) is not None


def chrome_row(s: str) -> bool:
    """A row of a comment's actions, counters and ages (CHROME_ROW), or a date opening such a row
    (see dated_chrome_row)."""
    if _row_of_actions(s):
        return True
    if s[:1] == ".":
        # (the rest of "Posted 3 hours ago. ( permalink )" once its stamp is read: the stamp's full stop)
        rest = s[1:].lstrip()
        return bool(rest) and rest[:1] != "." and chrome_row(rest)
    return ("  " in s or "·" in s or "|" in s or "•" in s or "(" in s or "[" in s) and dated_chrome_row(s)


# A date opening a row (maybe after "Posted", maybe with its full stop), and the row's separator
# after it ("2 мар в 08:20  Ответить", "Posted 3 hours ago. ( permalink )").
_DATED_ROW_HEAD: Final = Deferred(rf"^(?:posted\s+)?(?:{TIMESTAMP})\.?(?:\s*[·|•]\s*|\s{{2,}}|\s+(?=[(\[]))(?=\S)", _I)


def dated_chrome_row(s: str) -> bool:
    """Whether `s` is a date opening a row of actions with a word among them ("2 мар в 08:20
    Ответить  Нравится 3", "12 March 2022 · Reply"): a comment's footer, as an age opening one is
    (a date alone, or a date among counters only, is none: a row needs a word of action)."""
    m = _DATED_ROW_HEAD.match(s)
    if m is None:
        return False
    rest = s[m.end() :]
    return HAS_LETTER.search(rest) is not None and _row_of_actions(rest)


POLICY_LOW: Final = lower_twin(POLICY)

# --- unions of whole-line patterns that are asked together -------------------------------------
# One `match` of `A|B` answers `A.match(s) or B.match(s)` (each pattern is anchored and
# parenthesised, so the union is exact) for the price of one call.


def either(*patterns: re.Pattern | Deferred, deferred: bool = False) -> re.Pattern | Deferred:
    """One pattern matching where any of `patterns` (same flags) matches (compiled on first use if `deferred`)."""
    flags = {p.flags for p in patterns}
    if len(flags) != 1:
        raise ValueError("patterns joined into one must share their flags")
    return (Deferred if deferred else re.compile)("|".join(f"(?:{p.pattern})" for p in patterns), flags.pop())


# An action, vote or age around a comment, alone on its line: either of the two (same flags, both
# anchored to the whole line). Compiled on first use: lines that fold like lower read its twins
# (chrome_line), so only a line with one of the three characters that do not (see
# folds_like_lower) needs it, and compiling it cost ~10 ms of every run's start.
CHROME: Final = either(CHROME_WORDS, CHROME_REPLY_ROW, deferred=True)
# Lines of page furniture by their whole text or their opening ("READ MORE: ...").
FURNITURE: Final = either(BOILERPLATE, READ_MORE_PREFIX)
FURNITURE_LOW: Final = LetterGate(lower_twin(FURNITURE))
# A comment form's or a comment section's heading line.
FORM_OR_SECTION: Final = either(COMMENT_FORM, COMMENT_SECTION)
FORM_OR_SECTION_LOW: Final = BranchGate(lower_twin(FORM_OR_SECTION))
# What a line that is only a person's name cannot be. (Its lower twin is asked in parts: see
# not_a_name_line.)
NOT_A_NAME_LINE: Final = either(CHROME, BOILERPLATE, COMMENT_SECTION, COMMENT_FORM, deferred=True)
BOILERPLATE_LOW: Final = lower_twin(BOILERPLATE)


# (the literal every match of CHROME_REPLY_ROW holds, read off its parse: "repl")
_REPLY_ROW_GATE: Final = LiteralGate(CHROME_REPLY_ROW)


def reply_row_low(s: str, low: str) -> bool:
    """CHROME_REPLY_ROW.match(s) is not None, for `s` that folds like lower and `low`, s lower-cased."""
    # (every match holds "|" or "replied": other lines need not be tried; and every match holds
    # the gate's literal, which a line holding "replied" holds: a row of "|"s with no reply link
    # is not tried either, its ".*\s*\|" read the row over and over)
    return ("replied" in low or "|" in s and _REPLY_ROW_GATE.admits_lower(low)) and CHROME_REPLY_ROW_LOW.match(low) is not None


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_CHROME_LINE_CACHE: Final[dict[str, bool]] = line_dict()


def chrome_line(s: str) -> bool:
    """CHROME.match(s) is not None, on the faster lower twins where `s` folds like lower."""
    known = _CHROME_LINE_CACHE.get(s)
    if known is None:
        known = _CHROME_LINE_CACHE[s] = _chrome_line_uncached(s)
    return known


def _chrome_line_uncached(s: str) -> bool:
    if folds_like_lower(s):
        low = s.lower()
        return CHROME_WORDS_LOW.match(low) is not None or reply_row_low(s, low)
    return CHROME.match(s) is not None


# A pick badge named for whoever picked the comment, the paper by its own name among them ("Times
# Pick", "NYT Pick", "Globe Picks"; CHROME reads the pickers any site has: "Reader pick", "Editors'
# picks"): one capitalised word and the badge in title case, as a badge is set. A reader's "Good
# pick" is written in a sentence's case.
_NAMED_PICK: Final = re.compile(r"^[A-Z][\w'’.&-]{0,20} Picks?$")


def is_named_pick(s: str) -> bool:
    return s[-1] in "ks" and _NAMED_PICK.match(s) is not None


def not_a_name_line(s: str) -> bool:
    """NOT_A_NAME_LINE.match(s) is not None, on the faster lower twins where `s` folds like lower."""
    if folds_like_lower(s):
        low = s.lower()
        # (its parts one by one, the twins the other readers ask: a union is anchored and its parts
        # are, so it matches where one of them does; compiling a twin of the whole union cost ~15 ms
        # of every run's start, more than asking three twins costs over the 966 dev pages)
        return (
            CHROME_WORDS_LOW.match(low) is not None
            or BOILERPLATE_LOW.match(low) is not None
            or FORM_OR_SECTION_LOW.match(low) is not None
            or reply_row_low(s, low)
        )
    return NOT_A_NAME_LINE.match(s) is not None


# A comment's Reply / Like link, or its votes, in any row of its actions (the reply link of a French,
# German, Spanish, Italian, Portuguese or Dutch site too).
REPLY_ACTION: Final = re.compile(
    r"\b(?:reply|replies|likes?|report|flag|upvote|downvote|votes?|retweets?|"
    r"r(?:\u00e9|e)pondre|antworten|responder|rispondi|beantwoorden|reageer|reageren)\b",
    _I,
)
