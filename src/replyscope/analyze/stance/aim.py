"""Whether a cue's words are aimed at what the reply answers (the report's claim, or the parent).

A "not" or an "is true" is stance evidence only when it is said *about* the thing answered. In a
long friendly comment under a news story a negation is nearly always about something else ("it
does not look like much", "nothing else to live on"), and an "is true" is usually an
idiom ("pick a job that feels right and is true to who you are"). A reader who points at such words as the
comment's denial of the article would be pointing at the wrong thing.

A cue counts as aimed when a reader could see what it is aimed at:

- it opens the reply: the first sentence of a reply is where it answers the post ("No, that's
  not what happened. ..."); a short reply is all opening;
- its sentence is about the target: it shares AIM_SHARED_WORDS content words with the claim
  (the report's headline and lead) or with the parent being answered;
- its sentence points at the target: "this is false", "that's not true", "the article is
  wrong", "you're right".

Otherwise the cue is an aside and the reply's stance is left to its other evidence (or comment).
"""

from __future__ import annotations

import re

# Two shared content words: one shared word is usually the story's topic name, which every
# on-topic comment repeats whatever it says about it ("Bond", "Obama"); a second one ties the
# sentence to what the story says about it (a proposition, not just its subject).
AIM_SHARED_WORDS = 2
# A reply's opening: its first sentence. (Counting a reply's first 140 characters as opening too,
# "one remark", read more asides as sides: tune half of the dev threads 0.484 -> 0.480.)
OPENING_SENTENCES = 1
# Lead of a report: its claim is in its headline and first sentences (news writing puts it there).
LEAD_SENTENCES = 2

_SENTENCE_BREAK = re.compile(r"[.!?\n]+")
# Words that point at what is answered from inside the sentence: the post itself, or a deictic
# subject of the sentence ("this is fake", "that's not true", "it's a lie" said as the sentence's
# own subject), or the person answered.
_POINTS_AT_TARGET = re.compile(
    r"(?i)(?:^\s*|[,;:]\s*|\b(?:and|but|so|no|yes|yeah|nope|well|sorry|because)\s+)(?:this|that|it)(?:'s|’s| is| was| isn'?t| wasn'?t)\b|"
    r"\b(?:the|this|that|your|his|her) (?:article|story|report|reporting|post|piece|claim|headline|news|tweet|author|writer|reporter|journalist)\b|"
    r"\b(?:you'?re|you are|you were|u r|ur) (?:right|wrong|correct|mistaken|lying)\b|"
    # the claim named as a claim: "these (completely unreasonable) suspicions", "such allegations"
    r"\b(?:these|those|such|the|this|that) (?:\w+ ){0,3}(?:claims?|suspicions?|allegations?|accusations?|rumou?rs?|theor(?:y|ies)|reports?)\b"
)


def sentence_extent(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end]: from the break before it to the break after it."""
    before = [m.end() for m in _SENTENCE_BREAK.finditer(text, 0, start)]
    after = _SENTENCE_BREAK.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


def opening_end(text: str) -> int:
    """Where the reply's opening ends (the end of its first OPENING_SENTENCES sentences)."""
    at, seen = 0, 0
    for m in _SENTENCE_BREAK.finditer(text):
        if text[at : m.start()].strip():
            seen += 1
            if seen >= OPENING_SENTENCES:
                return m.end()
        at = m.end()
    return len(text)


def lead_of(title: str, body: str) -> str:
    """A report's claim: its headline and the first LEAD_SENTENCES sentences of its body."""
    parts = [p for p in _SENTENCE_BREAK.split(body or "") if p.strip()]
    return " ".join([title or "", *parts[:LEAD_SENTENCES]]).strip()


# A side cue whose own last word points back at what was said ("nobody believes it", "I doubt
# that", "local reports say otherwise") is aimed by its form: its object is the thing answered.
# (Not a question's: "why go there for that?" asks about the speaker's own sentence.)
_POINTS_BACK = re.compile(r"(?i)\b(?:it|this|that|otherwise)$")


def points_back(cue: str) -> bool:
    """Whether a side cue's words end on a word pointing back at what is answered (see above)."""
    return _POINTS_BACK.search(cue.strip()) is not None


def is_aimed(text: str, start: int, end: int, target_words: set[str], words_of) -> bool:
    """Whether the cue text[start:end] is said about the target (see the module docstring).

    `words_of` maps a text to its content words (the caller's definition, so overlap is counted
    as the caller counts it); `target_words` are the claim's and the parent's content words.
    """
    if start < opening_end(text):
        return True
    a, b = sentence_extent(text, start, end)
    sentence = text[a:b]
    if _POINTS_AT_TARGET.search(sentence):
        return True
    return len(words_of(sentence) & target_words) >= AIM_SHARED_WORDS


__all__ = ["AIM_SHARED_WORDS", "is_aimed", "points_back", "lead_of", "opening_end", "sentence_extent"]
