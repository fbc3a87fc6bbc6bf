"""Whether a labelling word, where it stands, is the writer pinning a label on someone.

A word list can only say that a word *can* label ("racist", "communist", "corrupt"). Whether the
writer uses it to brand someone depends on the few words around it. These checks run on each
match of the label and loaded-word families (never on whole texts, so they cost nothing on the
comments where no such word occurs) and say when the word is NOT a label:

  - denied:            "I'm not crazy", "he was never a racist";
  - mentioned:         "the word 'fascist' gets thrown around" talks about the label, it uses none;
  - negated by "non-": "non-partisan" ("anti-" is left alone: "anti-Semite" is itself a label);
  - naming a polity, a period or a doctrine: "Nazi Germany", "the communist party", "Marxist
    theory" classify a state or an idea by its ideology; nobody is being branded;
  - a side, not a camp:  "the left lane", "the right hand";
  - naming a phenomenon: "a workshop on fake news", "the fight against disinformation";
  - a technical, medical or legal sense: "a corrupt file", "paranoid personality disorder",
    "criminal charges", "contempt of court", "free radicals".

Two checks that were tried and left out, because labelled persuasion data marks these uses as
name-calling too: a capitalised word inside a name or headline ("the Dictator Pope"), and a label
relayed from someone else ("critics called him authoritarian"); "anti-" compounds likewise stay
labels ("anti-Semite").

All checks look a few words back and ahead within the sentence; is_label_use runs them in the
cheapest order, because it is called on every loaded-word match.
"""

from __future__ import annotations

import re

# The part of the text before a cue that can bear on it. The look-behind patterns are anchored at
# the cue and allow only words and spaces in between, so they never reach into the previous
# sentence (a "not" there says nothing about this one).
_LOOK_BACK = 48

# "not"/"never"/"n't" right before the word, with only articles, degree words or a form of "be"
# between: "is not corrupt", "isn't a racist", "was never really a fanatic". "not just a liar",
# "not only corrupt" are left alone: they stack a label, they do not deny one.
_DENIED = re.compile(
    r"(?:\bnot|\bnever|n['’]t|\bno longer)\s+"
    r"(?:(?:a|an|so|that|too|very|really|remotely|particularly|exactly|being|be|been|actually|some|that\s+much)\s+){0,3}$",
    re.IGNORECASE,
)

# The word is talked about, not used: "the word 'idiot'", "a term like fascist", "words such as ...".
_MENTIONED = re.compile(
    r"(?:\b(?:the|that|this|a|an)\s+(?:term|terms|word|words|label|labels|phrase|epithet|slur|insult|moniker|name)"
    r"|\b(?:terms?|words?|labels?|slurs?|insults?|names?)\s+(?:like|such\s+as))"
    r"\s+(?:of\s+)?[\"'‘“]?$",
    re.IGNORECASE,
)

# The cue is negated by the prefix of its compound: "non-partisan". ("anti-" is not a negation
# of the label: calling someone "anti-American" or "anti-Semitic" labels them.)
_COMPOUND_PREFIX = re.compile(r"\bnon[-‐]$", re.IGNORECASE)

# Ideology words that also serve as plain classifiers of states, periods and doctrines.
_IDEOLOGY_WORD = re.compile(
    r"(?:(?:neo-?)?(?:communist|socialist|marxist|leninist|maoist|stalinist|trotskyist|nazi|fascist|islamist|jihadi|jihadist|zionist"
    r"|conservative|liberal|modernist|secularist|imperialist|totalitarian|authoritarian|anarchist|militarist|fundamentalist|extremist"
    r"|separatist|supremacist)|neo-?con|far-(?:left|right)|hard-(?:left|right)|alt-right|autocratic|dictatorial|despotic)s?(?!\w)",
    re.IGNORECASE,
)
# The polity, period, body or doctrine such a word classifies when it stands right before it.
_CLASSIFIED_HEAD = re.compile(
    r" (?:party|parties|regimes?|governments?|states?|era|period|years|revolutions?|rule|countr(?:y|ies)|nations?|bloc|"
    r"germany|china|russia|cuba|korea|vietnam|italy|spain|union|internationale?|manifesto|ideolog(?:y|ies)|theor(?:y|ies)|"
    r"doctrines?|thought|philosophy|movements?|organi[sz]ations?|authorities|leadership|dictatorships?|occupation|"
    r"think[- ]tanks?|insurgen(?:cy|ts)|militias?)\b",
    re.IGNORECASE,
)


# "the left"/"the right" as a side of a road, a body or a page, not the political camp: "the left
# lane", "the right hand", "the left side of the screen". ("people on the left" is left alone: it
# still lumps people into a camp.)
_SIDE_WORD = re.compile(r"the\s+(?:left|right)", re.IGNORECASE)
_SPATIAL_AFTER = re.compile(
    r"\s+(?:hand(?:ed)?|side|lane|turn|bank|arm|leg|foot|eye|ear|shoulder|knee|field|corner|column|edge|click|"
    r"of\s+(?:the\s+)?(?:road|street|screen|page|picture|photo|image))\b",
    re.IGNORECASE,
)

# A discrediting word as the name of a phenomenon (a bare noun after a preposition or verb of
# topic): "a campaign against fake news", "awareness about disinformation", "research on
# propaganda". Nothing in particular is being discredited. ("of" is left out: "a piece of
# propaganda", "full of propaganda" do discredit something.)
_TOPIC_BEFORE = re.compile(
    r"\b(?:about|on|against|regarding|concerning|combat(?:ing|s)?|fight(?:ing|s)?|tackl(?:e|es|ing)|counter(?:ing|s)?|"
    r"spread(?:ing|s)?|curb(?:ing|s)?|study(?:ing)?|research(?:ing)?)\s+$",
    re.IGNORECASE,
)
_PHENOMENON_WORD = re.compile(
    r"(?:fake\s+news|propaganda|disinformation|misinformation|conspiracy\s+theor(?:y|ies)|hoaxes|pseudo-?science|hate\s+speech)",
    re.IGNORECASE,
)


# Technical, medical and legal senses of words that otherwise judge: "a corrupt file", "paranoid
# personality disorder", "criminal charges", "contempt of court", "predatory pricing", "free
# radicals", "a zero-day exploit". Matched from the cue's first word on (the sense-making noun
# usually follows the cue), plus the few whose sense is fixed by the word before.
_TECHNICAL_SENSE = re.compile(
    r"(?:corrupt(?:ed)?\s+(?:files?|data|databases?|memory|drives?|disks?|downloads?|installs?|installations?|images?|sectors?|registry|cache|archives?|pdfs?)"
    r"|(?:paranoid|narcissistic|psychopathic|sociopathic|delusional|psychotic|hysterical|antisocial)\s+"
    r"(?:personality|disorders?|schizophrenia|delusions?|episodes?|symptoms?|ideation|patients?|traits?)"
    r"|(?:senile|demented)\s+(?:dementia|plaques?|patients?|residents?)"
    r"|criminal(?:ly)?\s+(?:charges?|codes?|law|laws|cases?|courts?|records?|investigations?|justice|trials?|complaints?|convictions?|defen[cs]e|"
    r"lawyers?|attorneys?|proceedings?|offen[cs]es?|liability|negligence|contempt|referrals?|insane|responsible|liable|procedure)"
    r"|contempt\s+of\s+(?:court|congress|parliament)|predatory\s+(?:lending|pricing|loans?|lenders?|species|birds?|fish|animals?|insects?|mammals?)"
    r"|insanity\s+(?:pleas?|defen[cs]es?)|exploits?\s+(?:kits?|code|chains?))\b",
    re.IGNORECASE,
)
_TECHNICAL_BEFORE = re.compile(r"(?:\bfree\s+(?=radicals?$)|\b(?:zero-day|security|kernel|browser|remote)\s+(?=exploits?$)|\b(?:held|found)\s+in\s+(?=contempt$))", re.IGNORECASE)
# How every _TECHNICAL_SENSE match starts (checked first: most cues fail this cheap test).
_TECHNICAL_FIRST_WORDS = ("corrupt", "paranoid", "narcissistic", "psychopathic", "sociopathic", "delusional", "psychotic",
                          "hysterical", "antisocial", "senile", "demented", "criminal", "contempt", "predatory", "insanity", "exploit")
# The only cues _TECHNICAL_BEFORE can apply to (checked first: a set lookup is cheaper than a search).
_FIXED_BY_WORD_BEFORE = frozenset({"radical", "radicals", "exploit", "exploits", "contempt"})

def _may_be_vetoed(window: str) -> bool:
    """Whether the lower-cased `window` holds a word a look-behind veto starts from. Most loaded
    words in comments stand in plain affirmative clauses; this unrolled chain of substring tests
    (several times faster than a loop, any() or a regex) lets them through without the slower
    look-behind regex. A false alarm ("nothing", "determine") only costs that regex."""
    return (
        "not" in window or "n't" in window or "n’t" in window or "never" in window or "longer" in window
        or "term" in window or "word" in window or "label" in window or "phrase" in window or "epithet" in window
        or "slur" in window or "insult" in window or "moniker" in window or "name" in window or window.endswith(("non-", "non‐"))
    )


# All look-behind checks in one pass (none of them can span a sentence end: they allow only words
# and spaces between the trigger and the cue, so a sentence end before the cue stops them).
# Compiled case-sensitive: they run on lower-cased text (Python's IGNORECASE costs ~3x).
_BEFORE_VETO = re.compile(f"(?:{_DENIED.pattern}|{_MENTIONED.pattern}|{_COMPOUND_PREFIX.pattern})")
# The cue kinds a look-ahead or topic check applies to, told apart by one match on the cue.
_CUE_KIND = re.compile(f"(?P<ideology>{_IDEOLOGY_WORD.pattern})|(?P<side>{_SIDE_WORD.pattern}$)|(?P<phenomenon>{_PHENOMENON_WORD.pattern}$)")


def _before(text: str, start: int) -> str:
    """The _LOOK_BACK characters before `start`."""
    return text[max(0, start - _LOOK_BACK) : start]


def is_technical(text: str, start: int, end: int, cue: str | None = None) -> bool:
    """A technical, medical or legal sense ("corrupt file", "criminal charges", "free radicals").
    `cue` is text[start:end].lower() when the caller has it."""
    if cue is None:
        cue = text[start:end].lower()
    if cue.startswith(_TECHNICAL_FIRST_WORDS) and _TECHNICAL_SENSE.match(text, start) is not None:
        return True
    return cue in _FIXED_BY_WORD_BEFORE and _TECHNICAL_BEFORE.search(text, max(0, start - 24), end) is not None


def is_label_use(text: str, start: int, end: int) -> bool:
    """False when the loaded or labelling word at text[start:end] is denied, mentioned, negated by
    "non-", classifies a polity or doctrine, names a side or a phenomenon, or has a technical,
    medical or legal sense; True otherwise.

    The checks run cheapest first (this runs on every loaded-word match): the cue's own kind
    (ideology word, side, phenomenon) against the words after or before it, the technical senses,
    and last the look-behind vetoes (denied, mentioned, "non-"), after a cheap pre-check.
    """
    cue = text[start:end].lower()
    kind = _CUE_KIND.match(cue)
    if kind is not None:
        if kind.lastgroup == "ideology" and _CLASSIFIED_HEAD.match(text, start + kind.end("ideology")) is not None:
            return False
        if kind.lastgroup == "side" and _SPATIAL_AFTER.match(text, end) is not None:
            return False
        if kind.lastgroup == "phenomenon" and _TOPIC_BEFORE.search(_before(text, start)) is not None:
            return False
    if is_technical(text, start, end, cue):
        return False
    window = _before(text, start).lower()
    if not _may_be_vetoed(window):
        return True
    return _BEFORE_VETO.search(window) is None
