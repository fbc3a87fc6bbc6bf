"""Stance of replies to a reported claim (a news article, a source post): evidence first.

Each reply is read on its own cues (claim.claim_cues) and in its thread:

- a reply to a reply argues with its parent more often than with the report: any cue in a
  nested reply counts for less toward the report (NESTED; measured: cue precision toward the
  source falls from ~0.4 at the top level to ~0.15 nested), and more so when it addresses a
  person; agreeing with a parent that denies the report ("exactly", "you're right") denies it;
  insulting the person answered ("you idiot", with no other cue) argues with them: deny
  (RumourEval's annotators read it so, and a comment section's reader would too);
- the run's own replies then settle what single replies leave open (self-training, no gold):
  a logistic read-out of the reply embeddings is fitted to the confident cue readings of the
  whole run, and a reply with no cue but close to many confident ones of a side gets a modest
  share of that side; it never outweighs a cue, and it never creates a side by itself unless
  the read-out is confident.

Scores are probabilities over (support, deny, query, comment): cues of one stance combine by
noisy-or, competing stances share the mass. A side is labelled when its probability reaches
DECIDE (else `comment`); DECIDE sits below 0.5 because a stance with probability p is worth
labelling for F1 as soon as p exceeds half the F1 reachable (Lipton et al. 2014), and the
confidence shown with it says how far to trust it. Every side carries the cue that decided it.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from replyscope.analyze.rhetoric.lexicon import lexicon_regex
from replyscope.analyze.rhetoric.words import INSULT_LABELS
from replyscope.analyze.stance.claim import Cue, bare_link, claim_cues, content_words

SIDES = ("support", "deny", "query")
# A reply that addresses a person ("you", "ur", "ya"): a nested one argues with its parent.
_SECOND_PERSON = re.compile(r"(?i)\b(?:you|your|you'?re|you’re|u|ur|yourself|ya)\b")
_AGREE_WITH_PARENT = ("agreement",)
_ANSWERS_PARENT = ("flat_no",)  # cues that answer the one replied to by their form
# A nested reply's cue aimed at a person is about its parent: this much of its strength remains.
NESTED = 0.45
NESTED_PERSONAL = 0.7  # and, addressing a person ("you"), this much of that
DECIDE = 0.3
NESTED_LAST_QUESTION = 0.3
_ENDS_ASKING = re.compile(r"\?\s*(?:(?:@\w+|#\w+|https?://\S+)\s*)*$")  # the last words asked (handles, tags, links aside)
UNCUED_SIDE_SHARE = 0.15
SELF_TRAIN_WEIGHT = 0.35  # the most the run's read-out adds to a side without a cue
MIN_SEEDS = 8
CONFIDENT_SEED = 0.45  # fewer confident readings of a side: no read-out for it


def read_claim_thread(
    texts: list[str],
    source: str,
    parents: list[int | None],
    depths: list[int],
    sarcasm: list[list[tuple[int, int]]] | None = None,
    orientation: float = 1.0,
    *,
    insults: list[list[tuple[int, int]]] | None = None,
    claim: str | None = None,
) -> tuple[np.ndarray, list[dict[str, dict]], np.ndarray]:
    """(cue strength (n, 3) of support/deny/query, per reply {side: evidence}, doubt (n,)) for
    one thread. `doubt[i]`: the strength a nested reply's cue lost because it may be aimed at the
    parent rather than the report (to_scores spreads it over all four stances).

    An evidence entry is {"tag": side, "cue": words, "start", "end"} with offsets into the reply.
    `parents[i]` is the row of reply i's parent within the thread (None when it answers the source).
    `sarcasm[i]`: spans of reply i the rhetoric tagger read as sarcasm. A doubt or denial cue said
    in sarcasm means the opposite ("I wonder why Iran has these completely unreasonable
    suspicions?" agrees); sarcastic praise with no cue mocks, so it sides against whatever it
    praises: with an accusing report (`orientation` -1) that is support. Under a report that
    accuses no one, what the tone mocks is not known ("Oh wow, floppy disks!" under a friendly post
    mocks nothing in it): no side from tone alone.
    `insults[i]`: spans the rhetoric tagger read as profanity or insult. A reply to a reply that
    insults the person it answers ("you idiot", "you are a complete moron") argues with its
    parent: that is disagreement (PERSONAL_ATTACK), read as deny when nothing else in the reply
    takes a side. An insult at someone else ("drivers are idiots", "tell us idiots") or
    profanity as an intensifier ("a shitload of snow", "stop bitching about it") is no attack on
    the one answered (addressed_insult).
    `claim`: what the report claims (aim.lead_of: its headline and lead; default `source`). A
    support or deny cue counts only when aimed at the claim or, in a nested reply, at its parent
    (aim.is_aimed); elsewhere in the reply it is an aside.
    """
    sarcasm = sarcasm or [[] for _ in texts]
    n = len(texts)
    source_words = content_words(source)
    claim_words = content_words(claim) if claim is not None else source_words
    cue_scores = np.zeros((n, 3))
    doubt = np.zeros(n)
    evidence: list[dict[str, dict]] = [{} for _ in range(n)]
    contradicts: dict[int, Cue] = {}  # nested replies that say no to their parent, and the cue
    # Replies whose support is said as agreement ("exactly", "you're right": claim's agreement
    # family, the one list of those words), which agree with whoever they answer.
    agrees: set[int] = set()
    for i, text in enumerate(texts):
        nested = parents[i] is not None or depths[i] > 0
        best: dict[str, tuple[float, object]] = {}
        spans = sarcasm[i]
        p = parents[i]
        target_words = claim_words | (content_words(texts[p]) if p is not None and 0 <= p < n else set())
        cues = claim_cues(text, source_words, target_words, claim if claim is not None else source)
        # "No, ..." opening a reply to a reply says no to the parent, not to the report: it takes
        # the side against the parent's own reading (below), and no side when the parent took none
        # (on the tune half of the dev threads none of the nested replies opening so denied the report).
        if p is not None and 0 <= p < n and any(c.family in _ANSWERS_PARENT for c in cues):
            contradicts[i] = max((c for c in cues if c.family in _ANSWERS_PARENT), key=lambda c: c.strength)
            cues = [c for c in cues if c.family not in _ANSWERS_PARENT]
        # A question said in sarcasm is rhetorical: it asks nothing about the report.
        cues = [c for c in cues if not (c.stance == "query" and any(a < c.end and b > c.start for a, b in spans))]
        for k, cue in enumerate(cues):
            if cue.stance == "deny" and any(a < cue.end and b > cue.start for a, b in spans):
                # read the other way round, a cue is no surer than it was read straight
                cues[k] = Cue("support", "sarcastic_" + cue.family, min(SARCASM_FLIP, cue.strength), cue.start, cue.end, cue.text)
        if spans and not cues and orientation < 0:
            side = sarcastic_side(text, spans, orientation)
            if side:
                a, b = spans[0]
                cues = [Cue(side, "sarcasm", SARCASM_TONE, a, b, text[a:b])]
        if any(c.stance == "support" and c.family in _AGREE_WITH_PARENT for c in cues):
            agrees.add(i)
        for side in SIDES:
            mine = [c for c in cues if c.stance == side]
            if not mine:
                continue
            factor = 1.0
            if nested:
                factor = NESTED * (NESTED_PERSONAL if side != "query" and _SECOND_PERSON.search(text) else 1.0)
            strongest = max(mine, key=lambda c: c.strength)  # the evidence shown
            raw = combine_cues(mine)
            # Agreement is said to the one answered by its form ("exactly", "well said"): in a
            # nested reply it is no less sure for being aimed at the parent, since agreeing in the
            # thread takes a side in it (and a deny parent's side, below).
            kept = combine_cues([c if c.family in _AGREE_WITH_PARENT else replace(c, strength=c.strength * factor) for c in mine])
            if nested and side == "query" and _ENDS_ASKING.search(text):
                # A reply to a reply that ends on its question waits for an answer about what the
                # thread argues: a query 0.3 of the time on the tune half (0.17 when the question
                # is followed by the speaker's own statement, which is how most rhetoric goes).
                kept = max(kept, NESTED_LAST_QUESTION)
            best[side] = (kept, strongest)
            doubt[i] = max(doubt[i], raw - kept)
        attack = addressed_insult(text, insults[i]) if not best and nested and insults else None
        if attack is not None:
            a, b = attack
            best["deny"] = (PERSONAL_ATTACK, Cue("deny", "attacks_parent", PERSONAL_ATTACK, a, b, text[a:b]))
        if not best and bare_link(text) and not nested:
            cue_scores[i, 0] = BARE_LINK
            evidence[i]["support"] = {"tag": "support", "cue": text.strip(), "start": 0, "end": len(text)}
            continue
        for j, side in enumerate(SIDES):
            if side in best:
                strength, cue = best[side]
                cue_scores[i, j] = strength
                evidence[i][side] = {"tag": side, "cue": cue.text, "start": cue.start, "end": cue.end}
    # Threads: agreeing with a parent takes the parent's side, saying no to it the other side
    # (rows are in thread order, parents first, so a parent's reading is final when read here).
    for i in range(n):
        p = parents[i]
        if p is None or not (0 <= p < n):
            continue
        if i in contradicts:
            parent_side = int(np.argmax(cue_scores[p, :2]))
            if cue_scores[p, parent_side] >= DECIDE:
                # as sure as the "no" times the parent's side: it contradicts the parent, who
                # may themselves be wrong about which side they took
                side, cue = 1 - parent_side, contradicts[i]
                strength = cue.strength * cue_scores[p, parent_side]
                if strength > cue_scores[i, side]:
                    cue_scores[i, side] = strength
                    evidence[i][SIDES[side]] = {"tag": SIDES[side], "cue": cue.text, "start": cue.start, "end": cue.end}
        if cue_scores[i, 0] > 0 and i in agrees:
            parent_side = int(np.argmax(cue_scores[p]))
            if cue_scores[p, parent_side] >= DECIDE and parent_side == 1:
                moved = evidence[i].pop("support")
                if cue_scores[i, 0] > cue_scores[i, 1]:
                    evidence[i]["deny"] = {**moved, "tag": "deny"}
                cue_scores[i, 1], cue_scores[i, 0] = max(cue_scores[i, 0], cue_scores[i, 1]), 0.0
    return cue_scores, evidence, doubt


def combine_cues(cues: list[Cue]) -> float:
    """P(the side) from its cues: noisy-or over independent pieces of evidence, where cues whose
    spans overlap are one piece (the strongest of them counts). A repost ("RT @x: ...") is bound
    to repeat the report's words, so the two cues are the same evidence read twice, and
    compounding them claimed 0.71 for replies that took the side about half the time."""
    pieces: list[tuple[int, int, float]] = []  # (start, end, strength) of each independent piece
    for cue in sorted(cues, key=lambda c: (c.start, -c.end)):
        if pieces and cue.start < pieces[-1][1]:
            start, end, strength = pieces[-1]
            pieces[-1] = (start, max(end, cue.end), max(strength, cue.strength))
        else:
            pieces.append((cue.start, cue.end, cue.strength))
    missing = 1.0
    for _, _, strength in pieces:
        missing *= 1.0 - strength
    return 1.0 - missing


SARCASM_FLIP = 0.5
# Sarcasm read from tone alone (no cue) under an accusing report: it took the side read 0.35 of
# the time on the tune half of the dev threads (0.46 on the other); stated at 0.5 it claimed more.
SARCASM_TONE = 0.35
# A nested reply insulting the one it answers, with no other cue (measured on the tune half of the
# RumourEval training threads: 0.27 of such replies deny; 0.05 of nested insults not addressed).
PERSONAL_ATTACK = 0.3
BARE_LINK = 0.4  # a top-level reply that is only a link (measured ~0.3-0.45)


# A label said of someone other than the one answered: "these idiots", "us idiots", "drivers are idiots".
_THIRD_PARTY_BEFORE = re.compile(
    r"(?i)(?:\b(?:these|those|the|such|some|other|us|we|they|they'?re|they’re|he|he'?s|he’s|she|she'?s|she’s|them|all|bunch of)|"
    r"(?<!\byou )(?<!\bu )\b(?:are|were))\s+(?:\w+\s+)?$"
)
_LABEL = lexicon_regex(INSULT_LABELS)  # words that call a person something ("idiot", "moron")
_CURSE_AT = re.compile(r"(?i)^(?:shut up|stfu|screw you|piss off|go to hell|get lost|f\S* you)\b")


# A profanity (not a label for a person) attacks the one answered only said straight at them:
# "you asshole", "you're a prick"; "laughed my ass off", "kick some ass", "a shitload" attack no one.
_YOU_RIGHT_AFTER = re.compile(r"(?i)\s+(?:you|u|yourself)\b")  # "fuck you", "screw you"
_YOU_RIGHT_BEFORE = re.compile(r"(?i)\b(?:you|you'?re|you’re|you are|u r|ur)\s+(?:(?:a|an|such a|such an|the|one|total|complete|utter|absolute|fucking|bloody|stupid|dumb)\s+){0,2}$")


def addressed_insult(text: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first insult span said to the person answered (see read_claim_thread), or None.

    A label for a person ("idiot", "moron") in a reply that addresses someone is said to them,
    unless it names someone else ("drivers are idiots", "tell us idiots", "those
    morons"); a profanity only when said straight at them ("you asshole", "screw you")."""
    for a, b in spans:
        if _CURSE_AT.match(text[a:b]):
            return a, b
        before = text[max(0, a - 40):a]
        if not _LABEL.fullmatch(text[a:b]):
            if _YOU_RIGHT_BEFORE.search(before) or _YOU_RIGHT_AFTER.match(text, b):
                return a, b
            continue
        if not _THIRD_PARTY_BEFORE.search(before) and _SECOND_PERSON.search(text):
            return a, b
    return None


def sarcastic_side(text: str, spans: list[tuple[int, int]], orientation: float) -> str | None:
    """The side of sarcasm with no cue: its surface tone flipped, read against the report's tone."""
    from replyscope.analyze.stance.reading import _compound  # noqa: PLC0415

    tone = sum(_compound(text[a:b]) for a, b in spans)
    if abs(tone) <= 0.05:
        return None
    return "support" if -tone * orientation > 0 else "deny"


def to_scores(cue_scores: np.ndarray, doubt: np.ndarray | None = None) -> np.ndarray:
    """(n, 4) probabilities: each side's cue strength, competing sides shared out, rest comment.

    `doubt` (read_claim_thread): cue strength a nested reply lost because the cue may answer
    the parent instead of the report. That is not evidence for `comment` (a question or an
    "exactly" put to the parent is still often a query or a side in the thread): the lost mass
    is shared evenly over the four stances, so a nested question read as comment says about
    0.55, not 0.70 (measured right 0.55 on the tune half of the dev threads).
    """
    n = cue_scores.shape[0]
    sides = cue_scores.copy()
    total = sides.sum(1, keepdims=True)
    # Two sides read at once: each keeps its share of the strongest reading.
    scale = np.divide(sides.max(1, keepdims=True), total, out=np.ones((n, 1)), where=total > 0)
    sides = np.where(total > sides.max(1, keepdims=True), sides * scale, sides)
    lost = np.zeros((n, 1)) if doubt is None else np.clip(doubt.reshape(n, 1), 0.0, 1.0)
    lost = np.minimum(lost, np.clip(1.0 - sides.sum(1, keepdims=True), 0.0, 1.0))
    sides = sides + lost / 4.0
    comment = np.clip(1.0 - sides.sum(1, keepdims=True), 0.0, 1.0)
    # Silence is not certainty: a reply with no cue still takes a side now and then (measured
    # ~0.15-0.2 of cue-less replies on both halves of the dev threads), so that share of the
    # comment mass is spread over the three sides instead of claiming confidence 1.0.
    spread = comment * UNCUED_SIDE_SHARE
    return np.hstack([sides + spread / 3.0, comment - spread])


def decide(scores: np.ndarray, undoubted: np.ndarray | None = None, doubt: np.ndarray | None = None) -> np.ndarray:
    """Index into (support, deny, query, comment) per reply: the likeliest side when it reaches
    DECIDE, else comment. The doubt (to_scores) does not decide: it says where a cue may be
    aimed, not that the reply takes a side, so a reply with doubt is decided on `undoubted`
    (to_scores of the same cues without it) and only states its confidence with it."""
    sides = scores[:, :3]
    if undoubted is not None and doubt is not None:
        sides = np.where(doubt.reshape(-1, 1) > 0, undoubted[:, :3], sides)
    side = sides.argmax(1)
    return np.where(sides.max(1) >= DECIDE, side, 3)


def self_train(vectors: np.ndarray, scores: np.ndarray, *, weight: float = SELF_TRAIN_WEIGHT) -> np.ndarray:
    """Scores after a run-wide read-out of the embeddings fitted to the confident cue readings.

    Seeds: replies whose best side scores >= CONFIDENT_SEED (that side) and replies with no cue at all
    (comment). The read-out's probability of a side moves a reply's score toward it by at most
    `weight`, and only for replies without a cue of their own.
    """
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415

    n = scores.shape[0]
    if n < 30:
        return scores
    side_best = scores[:, :3].max(1)
    uncued = side_best <= UNCUED_SIDE_SHARE / 3.0 + 1e-9  # nothing but the spread of to_scores
    label = np.where(side_best >= CONFIDENT_SEED, scores[:, :3].argmax(1), np.where(uncued, 3, -1))
    counts = np.bincount(label[label >= 0], minlength=4)
    if (counts[:3] >= MIN_SEEDS).sum() == 0 or counts[3] < MIN_SEEDS:
        return scores
    keep = label >= 0
    model = LogisticRegression(C=0.5, max_iter=300, class_weight="balanced")
    model.fit(vectors[keep], label[keep])
    proba = np.zeros((n, 4))
    proba[:, model.classes_] = model.predict_proba(vectors)
    out = scores.copy()
    # Balanced weights make the read-out's probabilities comparable across sides; only the part
    # above an even split (0.25 each) counts as the run's evidence.
    lift = np.clip(proba[:, :3] - 0.25, 0, None) / 0.75 * weight
    out[uncued, :3] = np.maximum(out[uncued, :3], lift[uncued])
    out[:, 3] = np.clip(1.0 - out[:, :3].sum(1), 0.0, 1.0)
    return out


__all__ = ["addressed_insult", "decide", "read_claim_thread", "self_train", "to_scores"]
