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

from replyscope.analyze.stance.reading import _compound

# The verb that opens a proposition's predicate: copulas and auxiliaries, and the few verbs a
# one-line claim most often turns on ("X causes Y", "X contains Y"). English grammar, not a set's words.
_VERB = re.compile(
    r"(?i)\b(?:is|are|was|were|will|would|can|could|should|must|may|might|has|have|had|does|do|did|"
    r"causes?|contains?|leads?|kills?|makes?|prevents?|reduces?|increases?|alters?|harms?|helps?|works?)\b"
)
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
    m = _VERB.search(title)
    if not m or m.start() == 0:
        return None
    rest = title[m.start():].strip(" .!?")
    return rest if len(rest) > len(m.group(0)) else None


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


__all__ = ["predicate_of", "proposition_orientation"]
