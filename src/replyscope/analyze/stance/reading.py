"""Reading one reply and one article as text: subject terms, sentences, sentiment, side cues.

The per-text half of stance detection (reader.py holds the per-thread half): which words name
an article's subject, the article's context sentences and tone, and each reply's signed side
evidence (reply cues, templates aimed at the subject, sentiment of the sentences that name it),
with sarcasm flipping the surface reading of the sentence it sits in. Plain functions over one
text at a time: the parsing is per text, the vectorised work is in reader.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from replyscope.analyze.stance import cues as C
from replyscope.analyze.hashtags import spell_out_hashtags

if TYPE_CHECKING:  # reader.py imports this module; the settings type is only annotated here
    from replyscope.analyze.stance.reader import StanceSettings


# ---- text helpers --------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
# Word endings stripped to get a subject term's stem, longest first ("feminists" -> "femin").
_SUFFIXES = ("isms", "ists", "ism", "ist", "ation", "ations", "ions", "ion", "ies", "es", "s", "e", "y")


def _stem(word: str) -> str:
    w = word.lower()
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def subject_terms(title: str, min_len: int = 4) -> list[str]:
    """Stems of the words that name an article's subject: its title minus generic words (and
    words shorter than `min_len`)."""
    seen: list[str] = []
    for word in _WORD.findall(title or ""):
        low = word.lower().strip("'’-")
        if len(low) < min_len or low in C.GENERIC_TITLE_WORDS:
            continue
        stem = _stem(low)
        if stem not in seen:
            seen.append(stem)
    return seen[:8]


def term_alternation(terms: list[str]) -> str:
    return "(?:" + "|".join(re.escape(t) + r"[a-z]*" for t in terms) + ")"


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text or "") if s.strip()]


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: PLC0415

    return SentimentIntensityAnalyzer()


def _compound(text: str) -> float:
    """VADER's compound score, hashtags read as words ("#LoveWins" -> "love wins")."""
    return _compound_of_readable(spell_out_hashtags(text))


def _compound_of_readable(text: str) -> float:
    """_compound for text whose hashtags are already spelled out."""
    return float(_vader().polarity_scores(text)["compound"]) if text.strip() else 0.0


def family_regex(families: dict[str, str]) -> str:
    return "(?i)(?:" + "|".join(f"(?:{p})" for p in families.values()) + ")"


def directed_regex(families: dict[str, str], terms: list[str]) -> re.Pattern[str] | None:
    return _directed_regex_cached(tuple(families.items()), tuple(terms))


@lru_cache(maxsize=4096)  # many articles share subjects; compiling per article is the slow part
def _directed_regex_cached(families: tuple[tuple[str, str], ...], terms: tuple[str, ...]) -> re.Pattern[str] | None:
    if not terms:
        return None
    alt = term_alternation(list(terms))
    return re.compile("|".join(f"(?:{p.replace('{T}', alt)})" for _, p in families), re.IGNORECASE)


@lru_cache(maxsize=4096)  # (as above: subjects repeat across articles)
def mention_regex(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """A word naming the subject (any of its terms' stems), or None without terms."""
    return re.compile(r"(?i)\b" + term_alternation(list(terms))) if terms else None


# ---- article context -----------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleContext:
    doc_id: str
    terms: list[str]
    texts: list[str]  # title + first body sentences: what replies are compared with
    orientation: float  # +1: the article favours its subject (or is neutral); -1: it accuses
    # +1, or -1 for a target proposition whose agreement speaks against its subject ("X is a
    # real concern": proposition.py). It turns the value templates ("stop X", "X is a threat")
    # round, not the sentiment of sentences naming X: replies that agree with such a proposition
    # are as often glad about action on X as alarmed by X.
    wording: float = 1.0
    # -1 for a negated proposition ("X does not exist", proposition.affirmative_of): what is aimed
    # at its subject (templates, tone in sentences naming it) is read as toward the affirmative
    # claim and counts for the other side. Reply cues ("exactly", "fake news") are aimed at the
    # claim as worded and keep their side.
    claim_sign: float = 1.0


def article_context(doc_id: str, title: str, body: str, settings: StanceSettings) -> ArticleContext:
    """What replies are read against: subject terms, context sentences and the article's tone."""
    title = (title or "").strip()
    body = (body or "").strip()
    body_sents = sentences(body)[: settings.body_sentences]
    texts = [t for t in [title, *body_sents] if t] or [""]
    terms = subject_terms(title) or subject_terms(" ".join(body_sents[:1]))
    # The article's own tone: a strongly negative (accusing, alarming) article is *agreed with*
    # by equally negative replies. A neutral one (a bare target such as "X") means "favour X".
    tone = _compound(" ".join(body_sents)) if body and body != title else 0.0
    orientation = -1.0 if tone <= -0.5 else 1.0
    return ArticleContext(doc_id, terms, texts, orientation)


# ---- per-reply evidence (plain functions: per-text parsing) --------------------------------


def tag_spans(evidence: list[dict] | None, tag: str) -> list[tuple[int, int]]:
    """(start, end) of each of a rhetoric tag's evidence spans (rhetoric_of's `evidence`)."""
    return [(e["start"], e["end"]) for e in (evidence or []) if e and e.get("tag") == tag]


def reply_evidence(
    text: str,
    ctx: ArticleContext,
    sarcasm: list[tuple[int, int]],
    favour: re.Pattern[str] | None,
    oppose: re.Pattern[str] | None,
    mention: re.Pattern[str] | None,
    affirm: re.Pattern[str] | None = None,
    reject: re.Pattern[str] | None = None,
) -> tuple[float, float, float, float, float]:
    """(reply cue polarity, template polarity, directed sentiment, overall sentiment, mentions)

    Each polarity is signed: + agrees with the article, - disagrees. Sentences holding a
    sarcasm cue have their surface polarity flipped. `favour` / `oppose` (value templates) count
    against the article's orientation; `affirm` / `reject` (truth templates: "X is real",
    "X is a hoax") do not: calling the subject real agrees with any article that asserts it.
    """
    text = text or ""
    cue_pol = tmpl_pol = dir_sent = 0.0
    n_dir = 0
    mentions = 0
    overall = 0.0
    pos = 0
    parts = sentences(text[:4000])
    for sent in parts:
        start = text.find(sent, pos)
        pos = max(pos, start + len(sent)) if start >= 0 else pos
        flip = -1.0 if any(a < start + len(sent) and b > start for a, b in sarcasm) and start >= 0 else 1.0
        read = spell_out_hashtags(sent)  # "#StopX" and "#FakeNews" read as words
        agree = len(_AGREE.findall(read))
        disagree = sum(1 for m in _DISAGREE.finditer(read) if not C.literal_waste(read, m.start(), m.end()))
        cue_pol += flip * (agree - disagree)
        sent_comp = _compound_of_readable(read)
        if flip < 0 and agree == disagree == 0:
            # Sarcasm with no cue to flip: the praise is mockery, its target is what the reply
            # attacks, so read the flipped tone against the article's.
            cue_pol += -sent_comp * ctx.orientation if abs(sent_comp) > 0.05 else 0.5
        overall += flip * sent_comp
        if favour is not None:
            tmpl_pol += flip * (len(favour.findall(read)) - len(oppose.findall(read))) * ctx.orientation * ctx.wording * ctx.claim_sign
        if affirm is not None:
            tmpl_pol += flip * (len(affirm.findall(read)) - len(reject.findall(read))) * ctx.claim_sign
        if mention is not None and mention.search(read):
            mentions += 1
            n_dir += 1
            dir_sent += flip * sent_comp * ctx.orientation * ctx.claim_sign
    if n_dir:
        dir_sent /= n_dir
    n_sent = max(1, len(parts))
    return cue_pol, tmpl_pol, dir_sent, overall / n_sent * ctx.orientation, float(mentions)


_AGREE = re.compile(family_regex(C.AGREE)[4:], re.IGNORECASE)
_DISAGREE = re.compile(family_regex(C.DISAGREE)[4:], re.IGNORECASE)


__all__ = [
    "ArticleContext",
    "article_context",
    "directed_regex",
    "family_regex",
    "mention_regex",
    "reply_evidence",
    "tag_spans",
    "sentences",
    "subject_terms",
    "term_alternation",
]
