"""Which way a target's own wording points: agreeing with it means favouring or opposing its subject.

A bare target ("Atheism", "Hillary Clinton") is favoured by its supporters. A target that is a
proposition says something about its subject, and that something can be bad: agreeing with
"Climate change is a real concern" or "Vaccines contain toxic ingredients" means speaking *ill*
of climate change or of vaccines ("climate change is a threat", "stop climate change"). Read
against a bare-subject orientation, those agreeing texts look like attacks on the subject, and
a thread that agrees with such a proposition is read half as denying it.

`proposition_orientation` gives +1 (agreeing = favouring the subject) or -1 (agreeing =
speaking against it) from the proposition's predicate (the words after its verb): its lexicon
sentiment when it has one ("will be a disaster", "must be banned"), else its closeness to
generic sentences that call something bad vs good ("a real concern", "contain toxic
ingredients"). Nothing here is per set: the predicate is read the way a reader would read it.
"""

from __future__ import annotations

import re

import numpy as np

from replyscope.analyze.stance.reading import _compound, subject_terms

# The verb that opens a proposition's predicate: copulas and auxiliaries, and the few verbs a
# one-line claim most often turns on ("X causes Y", "X contains Y"). English grammar, not a set's words.
_VERB = re.compile(
    r"(?i)\b(?:is|are|was|were|will|would|can|could|should|must|may|might|has|have|had|does|do|did|"
    r"causes?|contains?|leads?|kills?|makes?|prevents?|reduces?|increases?|alters?|harms?|helps?|works?)\b"
)
# The lexical verbs of _VERB are also nouns ("remote work", "the harm of", "help for refugees"):
# one is the verb only where grammar lets it be. After a determiner or possessive it heads a noun
# phrase; followed by an auxiliary, a copula or a preposition it is the subject's head noun
# ("Remote work is here to stay", "Help for refugees should grow"). Auxiliaries are always verbs.
_AUXILIARY_WORDS = frozenset("is are was were will would can could should must may might has have had does do did".split())
_DETERMINER_BEFORE = re.compile(r"(?i)\b(?:the|a|an|this|that|these|those|my|your|his|her|its|our|their|no|any|some|more|less|much)\s+$")
_NOUN_AFTER = re.compile(
    r"(?i)\s+(?:is|are|was|were|will|would|can|could|should|must|may|might|has|have|had|does|do|did|of|for|in|on|at|from|with)\b"
)


def _verb(title: str) -> re.Match[str] | None:
    """The first word of `title` that is its verb (see _NOUN_AFTER), or None."""
    for m in _VERB.finditer(title):
        if m.group(0).lower() in _AUXILIARY_WORDS:
            return m
        if _DETERMINER_BEFORE.search(title[: m.start()]) or _NOUN_AFTER.match(title, m.end()):
            continue
        return m
    return None


# Below this sentiment the lexicon decides; within it the predicate has no lexicon words
# ("a real concern" scores 0), and the embedding view decides.
LEXICON_MIN = 0.05
# The embedding view calls a predicate bad only by a clear margin: a bare "is real" or "is the
# best candidate" sits a few hundredths either side of zero, "is a real concern" at -0.16.
EMBED_MARGIN = 0.1
GOOD = ("This is good, helpful and beneficial.", "This is a good thing.", "This is safe and positive.")
BAD = ("This is bad, harmful and dangerous.", "This is a serious problem and a threat.", "This is a bad thing.")


def predicate_of(title: str) -> str | None:
    """The words from a proposition's verb on ("is a real concern"), or None for a bare target."""
    title = (title or "").strip()
    m = _verb(title)
    if not m or m.start() == 0:
        return None
    rest = title[m.start():].strip(" .!?")
    return rest if len(rest) > len(m.group(0)) else None


# The verb group of a negated claim: "does not", "doesn't", "is not", "isn't", "cannot", "will never".
_NEGATED = re.compile(
    r"(?i)\b(is|are|was|were|will|would|can|could|should|must|may|might|has|have|had|does|do|did)"
    r"(?:n['’]t\b|not\b|\s+not\b|\s+never\b)\s*(\S.*)$"
)
_DO = frozenset({"do", "does", "did"})
_AUXILIARY = re.compile(r"(?i)\b(?:is|are|was|were|will|would|can|could|should|must|may|might|has|have|had|does|do|did)\b")


def affirmative_of(title: str) -> str | None:
    """The affirmative claim a negated proposition denies ("God exist" for "God does not exist",
    "Vaccines cause autism" for "Vaccines don't cause autism", "X is real" for "X is not real"),
    or None when the title is not a negated proposition (the negation must sit on its first verb).

    Why: a sentence encoder reads "not" weakly, so prototypes built on a negated claim ("It is
    not true that X does not exist") sit on the claim's topic words, and replies that take the
    affirmative side (they talk about X the most) read as agreeing: on the class-balance stress
    test's reworded Atheism target the polarity ranked the sides the wrong way round (ROC AUC
    0.15-0.39). Stance toward "not A" is the opposite of stance toward "A", so the reader reads
    the affirmative claim and swaps the sides of what is aimed at it (ArticleContext.claim_sign).
    """
    title = (title or "").strip()
    m = _NEGATED.search(title)
    if m is None or m.start() == 0:
        return None
    first = _AUXILIARY.search(title)
    if first is not None and first.start() < m.start():  # "X is said to not ...": not the claim's own verb
        return None
    head, verb, rest = title[: m.start()], m.group(1), m.group(2).strip(" .!?")
    # "does not exist" -> "exist": the auxiliary only carried the negation.
    return f"{head}{rest}" if verb.lower() in _DO else f"{head}{verb} {rest}"


def proposition_subject_terms(title: str) -> list[str]:
    """The subject terms of a proposition: the words before its verb ("Abortion" in "Abortion
    should be legal"), not its predicate's ("should", "legal", "good", "president"), which name
    no subject: a reply that says "good" or "president" has not named it. Three-letter words
    count here ("God", "gun", "tax"): before the verb of a one-line claim they are its subject,
    not filler. [] for a bare target (subject_terms of the whole title applies)."""
    if predicate_of(title) is None:
        return []
    subject = title[: _verb(title).start()]
    return subject_terms(subject, min_len=3)


def proposition_orientation(titles: list[str], representation: str) -> list[float]:
    """+1 or -1 per title: -1 where agreeing with the title speaks against its subject."""
    from replyscope.analyze.embed.represent import embed_texts  # noqa: PLC0415

    out = [1.0] * len(titles)
    undecided: list[tuple[int, str]] = []
    for i, title in enumerate(titles):
        predicate = predicate_of(title)
        if predicate is None:
            continue
        tone = _compound(predicate)
        if abs(tone) >= LEXICON_MIN:
            out[i] = -1.0 if tone < 0 else 1.0
        else:
            undecided.append((i, predicate))
    if undecided:
        emb = embed_texts([p for _, p in undecided] + list(GOOD) + list(BAD), representation, seed=0)
        k = len(undecided)
        good, bad = emb[k : k + len(GOOD)], emb[k + len(GOOD) :]
        lean = (emb[:k] @ good.T).mean(1) - (emb[:k] @ bad.T).mean(1)
        for (i, _), value in zip(undecided, np.asarray(lean, dtype=float)):
            out[i] = -1.0 if value < -EMBED_MARGIN else 1.0
    return out


__all__ = ["affirmative_of", "predicate_of", "proposition_orientation", "proposition_subject_terms"]
