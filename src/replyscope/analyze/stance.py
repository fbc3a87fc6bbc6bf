"""Stance of each reply toward the article it hangs under: support, deny, query or comment.

No stance model can be trained here, so this is zero-shot work that reads four kinds of signal
and lets an article's own replies settle what no single reply says outright:

1. relevance: how close a reply is to its article (embedding cosine to the title and body,
   standardised within the article, plus naming the article's subject). Replies far from the
   article are `comment` whatever their tone; that is the rumour scheme's "comment" class.
2. polarity: hand-written reply cues ("exactly", "fake news"; stance_cues.AGREE / DISAGREE),
   templates aimed at the article's subject ("stop X", "X is a liar"), sentiment of the
   sentences that name the subject, read against the article's own tone (a reply as angry as
   an accusing article agrees with it), and prototype sentences in embedding space.
   Sarcasm (rhetoric.rhetoric_of) flips the surface reading of the sentence it sits in:
   "I wonder why Iran has these completely unreasonable suspicions?" says "unreasonable" and
   means "obviously right".
3. query: questions aimed at the claim ("source?", "is this true?"), not rhetorical ones.
4. transduction within an article: a ridge read-out of the article's reply embeddings is fitted
   to the replies' own cue evidence (self-training), so a reply that says little gets the side
   of the replies it resembles; and in a large thread the support/deny boundary is calibrated
   on the thread's own polarity distribution (StanceSettings.support_quantile).
   How far that boundary trusts the thread's own reading depends on whether two independent
   polarity views (subject-directed sentiment, prototype closeness) agree within the thread
   (_view_agreement): where they do not, the camps argue in ways the cues cannot read, so the
   self-training read-out is not spread over the thread (it would spread the misreading) and the
   boundary leans further to the prior that reader replies tilt to disagreement; where they do
   agree, a second self-training round (fitted to the first round's verdicts) spreads the camps.
   No gold labels are used anywhere: only the article and its replies.

All steps are deterministic (no sampling; ties broken in a fixed order).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import polars as pl

from replyscope.analyze import stance_cues as C
from replyscope.analyze.hashtags import spell_out_hashtags
from replyscope.analyze.minilm import FULL_ENCODER_MAX
from replyscope.schema import STANCES

STANCE_SCHEMA = pl.Schema(
    {
        "comment_id": pl.String,
        "stance": pl.String,
        "score_support": pl.Float64,
        "score_deny": pl.Float64,
        "score_query": pl.Float64,
        "score_comment": pl.Float64,
    }
)


@dataclass(frozen=True)
class StanceSettings:
    """The handful of general knobs (set by measurement on a development set, not per item)."""

    representation: str = "minilm"  # a name in represent.REPRESENTATIONS (falls back to tfidf)
    # Above this many texts the full encoder gives way to its static distillation (measured on
    # the dev set: F_avg 0.44 full vs 0.41 static at equal knobs; the full one costs about a
    # minute per 10k short texts on 2 cores, the static one seconds).
    full_encoder_max: int = FULL_ENCODER_MAX
    max_embed_chars: int = 600  # replies are embedded on their first part: stance shows early
    body_sentences: int = 12  # article sentences used as its context (first ones)
    # relevance -> P(stance-taking)
    rel_scale: float = 3.0  # slope on the within-article z-score of cosine to the article
    rel_bias: float = 1.0
    # The label is decided in two steps (query? side-taking? which side?), and replies under an
    # article mostly talk about it, so the side-taking step leans further to "takes a side" than
    # the scores do. The scores stay sharp on relevance, which is what the clusters use.
    decision_bias: float = 2.5
    mention_weight: float = 1.5  # naming the subject is strong evidence of taking a side
    cue_weight: float = 1.0  # any reply cue (agree/disagree) also signals taking a side
    # polarity evidence weights
    w_reply_cue: float = 1.2
    w_template: float = 1.5
    w_directed_sentiment: float = 1.2
    w_overall_sentiment: float = 0.4
    # Prototype closeness shares topic words with every on-topic reply, so it is a weaker side
    # signal than its spread suggests: measured flat for 1.0-2.0 on dev and on 300-per-target
    # subsamples, and worse at 4.0 (F_avg 0.461 -> 0.466 full; 0.454 -> 0.461 subsample mean).
    w_prototype: float = 1.5
    # transduction
    ridge: float = 5.0  # L2 penalty of the per-article self-training read-out
    w_self_train: float = 4.5
    w_relevance_smooth: float = 0.5  # share of relevance taken from its ridge read-out
    ridge_relevance: float = 10.0
    polarity_slope: float = 1.5
    # Transductive calibration: within a large thread, the polarity boundary is put at this
    # quantile of its side-taking replies' polarity (0.5 = as many agree as disagree; above
    # 0.5 = a lean to disagreement, the usual tilt of reader comments). Small threads cannot
    # estimate it, so the shift is weighted by n / (n + calibration_n).
    support_quantile: float = 0.6
    calibration_n: float = 50.0
    # When the thread's independent polarity views disagree (see _view_agreement), its side
    # reading is mostly noise, and the boundary moves toward this quantile: the prior lean to
    # disagreement then decides more of the sides. Full agreement keeps support_quantile.
    weak_support_quantile: float = 0.9
    agreement_full: float = 0.15  # view correlation at which the evidence counts as consistent
    agreement_min_directed: int = 10  # fewer subject-directed replies: agreement unknown (weak)
    agreement_doubt: float = 1.0  # standard errors added to the measured correlation
    agreement_unknown: float = 0.0  # agreement taken when too few replies name the subject
    # 2 = refit the read-out once on its own first verdicts, weighted by the views' agreement
    # (dev: F_avg 0.466 -> 0.469 full, 0.461 -> 0.463 on 300-per-target subsamples).
    self_train_rounds: int = 2
    # Share of the self-training read-out kept where the views disagree (full share at full
    # agreement). Spreading an uncorroborated reading over the whole thread only spreads the
    # misreading (dev: F_avg 0.469 -> 0.478 full, 0.463 -> 0.467 subsample mean at 0.0).
    weak_self_train: float = 0.0


DEFAULT_SETTINGS = StanceSettings()

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


def subject_terms(title: str) -> list[str]:
    """Stems of the words that name an article's subject: its title minus generic words."""
    seen: list[str] = []
    for word in _WORD.findall(title or ""):
        low = word.lower().strip("'’-")
        if len(low) < 4 or low in C.GENERIC_TITLE_WORDS:
            continue
        stem = _stem(low)
        if stem not in seen:
            seen.append(stem)
    return seen[:8]


def _term_alternation(terms: list[str]) -> str:
    return "(?:" + "|".join(re.escape(t) + r"[a-z]*" for t in terms) + ")"


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text or "") if s.strip()]


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: PLC0415

    return SentimentIntensityAnalyzer()


_HASHTAG = re.compile(r"#(\w+)")
_CAMEL_BREAK = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])")


def _readable(text: str) -> str:
    """Hashtags as words ("#LoveWins" -> "Love Wins"), so the sentiment lexicon can read them."""
    return _HASHTAG.sub(lambda m: _CAMEL_BREAK.sub(" ", m.group(1)), text)


def _compound(text: str) -> float:
    return float(_vader().polarity_scores(_readable(text))["compound"]) if text.strip() else 0.0


def _family_regex(families: dict[str, str]) -> str:
    return "(?i)(?:" + "|".join(f"(?:{p})" for p in families.values()) + ")"


def _directed_regex(families: dict[str, str], terms: list[str]) -> re.Pattern[str] | None:
    return _directed_regex_cached(tuple(families.items()), tuple(terms))


@lru_cache(maxsize=4096)  # many articles share subjects; compiling per article is the slow part
def _directed_regex_cached(families: tuple[tuple[str, str], ...], terms: tuple[str, ...]) -> re.Pattern[str] | None:
    if not terms:
        return None
    alt = _term_alternation(list(terms))
    return re.compile("|".join(f"(?:{p.replace('{T}', alt)})" for _, p in families), re.IGNORECASE)


# ---- article context -----------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleContext:
    doc_id: str
    terms: list[str]
    texts: list[str]  # title + first body sentences: what replies are compared with
    orientation: float  # +1: the article favours its subject (or is neutral); -1: it accuses


def article_context(doc_id: str, title: str, body: str, settings: StanceSettings) -> ArticleContext:
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


def _sarcastic_spans(evidence: list[dict] | None) -> list[tuple[int, int]]:
    return [(e["start"], e["end"]) for e in (evidence or []) if e and e.get("tag") == "sarcasm"]


def reply_evidence(
    text: str,
    ctx: ArticleContext,
    sarcasm: list[tuple[int, int]],
    favour: re.Pattern[str] | None,
    oppose: re.Pattern[str] | None,
    mention: re.Pattern[str] | None,
) -> tuple[float, float, float, float, float]:
    """(reply cue polarity, template polarity, directed sentiment, overall sentiment, mentions)

    Each polarity is signed: + agrees with the article, - disagrees. Sentences holding a
    sarcasm cue have their surface polarity flipped.
    """
    text = text or ""
    cue_pol = tmpl_pol = dir_sent = 0.0
    n_dir = 0
    mentions = 0
    overall = 0.0
    pos = 0
    for sent in sentences(text[:4000]):
        start = text.find(sent, pos)
        pos = max(pos, start + len(sent)) if start >= 0 else pos
        flip = -1.0 if any(a < start + len(sent) and b > start for a, b in sarcasm) and start >= 0 else 1.0
        read = _readable(sent)  # "#StopX" and "#FakeNews" read as words
        agree = len(_AGREE.findall(read))
        disagree = len(_DISAGREE.findall(read))
        cue_pol += flip * (agree - disagree)
        sent_comp = _compound(sent)
        if flip < 0 and agree == disagree == 0:
            # Sarcasm with no cue to flip: the praise is mockery, its target is what the reply
            # attacks, so read the flipped tone against the article's.
            cue_pol += -sent_comp * ctx.orientation if abs(sent_comp) > 0.05 else 0.5
        overall += flip * sent_comp
        if favour is not None:
            tmpl_pol += flip * (len(favour.findall(read)) - len(oppose.findall(read))) * ctx.orientation
        if mention is not None and mention.search(read):
            mentions += 1
            n_dir += 1
            dir_sent += flip * sent_comp * ctx.orientation
    if n_dir:
        dir_sent /= n_dir
    n_sent = max(1, len(sentences(text[:4000])))
    return cue_pol, tmpl_pol, dir_sent, overall / n_sent * ctx.orientation, float(mentions)


_AGREE = re.compile(_family_regex(C.AGREE)[4:], re.IGNORECASE)
_DISAGREE = re.compile(_family_regex(C.DISAGREE)[4:], re.IGNORECASE)
_QUERY = re.compile(_family_regex(C.QUERY)[4:], re.IGNORECASE)


# ---- embeddings ----------------------------------------------------------------------------


# Full-encoder vectors by text, so an evaluation that also runs a MiniLM baseline on the same
# texts encodes each text once (see evaluate.stance_eval). Bounded: a big run just recomputes.
_MINILM_MEMO: dict[str, np.ndarray] = {}
_MINILM_MEMO_MAX = 50_000


def minilm_vectors(texts: list[str]) -> np.ndarray:
    """all-MiniLM-L6-v2 vectors for `texts`, reusing ones this process already computed."""
    from replyscope.analyze.minilm import load_minilm  # noqa: PLC0415

    todo = [t for t in dict.fromkeys(texts) if t not in _MINILM_MEMO]
    if todo:
        fresh = load_minilm().encode(todo)
        if len(_MINILM_MEMO) + len(todo) > _MINILM_MEMO_MAX:
            _MINILM_MEMO.clear()
        if len(todo) <= _MINILM_MEMO_MAX:
            _MINILM_MEMO.update(zip(todo, fresh))
        else:
            lookup = dict(zip(todo, fresh))
            return np.stack([_MINILM_MEMO.get(t, lookup.get(t)) for t in texts]).astype(np.float32)
    return np.stack([_MINILM_MEMO[t] for t in texts]).astype(np.float32) if texts else np.zeros((0, 384), np.float32)


def _embed(texts: list[str], name: str, *, full_encoder_max: int) -> np.ndarray:
    from replyscope.analyze.represent import represent  # noqa: PLC0415

    if name.startswith("minilm"):
        from replyscope.analyze.minilm import available  # noqa: PLC0415

        if not available():
            name = "tfidf"
        elif name == "minilm" and len(texts) > full_encoder_max:
            name = "minilm-static"  # the full encoder runs ~200 texts/s: too slow for huge runs
    if name == "minilm":
        return minilm_vectors(texts)
    return represent(texts, name, seed=0)


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-12, 1 - 1e-12)
    return np.log(p / (1 - p))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


def _self_train_values(x: np.ndarray, target: np.ndarray, ridge: float) -> np.ndarray:
    """Ridge fit of `target` on the centred rows of `x`, read back on the same rows."""
    n, d = x.shape
    if n < 3 or not np.any(target):
        return np.zeros(n)
    centred = (x - x.mean(0)).astype(np.float64)
    if n < d:  # dual form: n x n instead of d x d
        alpha = np.linalg.solve(centred @ centred.T + ridge * np.eye(n), target)
        return centred @ (centred.T @ alpha)
    w = np.linalg.solve(centred.T @ centred + ridge * np.eye(d), centred.T @ target)
    return centred @ w


def _self_train(x: np.ndarray, evidence: np.ndarray, ridge: float) -> np.ndarray:
    """A linear read-out of the article's replies, fitted to their own cue evidence (one article).

    Replies that argue alike sit in the same region of embedding space (the camps of a thread:
    the same grievances, names, hashtags). A ridge regression from the centred embeddings to
    the replies' tanh-squashed evidence finds the direction along which evidence changes, and
    reads every reply along it, so a reply with no cue gets the side of the replies it
    resembles. Returns the fitted values (0 where the thread is too small to fit).
    """
    return _self_train_values(x, np.tanh(evidence), ridge)


def _view_agreement(directed: np.ndarray, proto: np.ndarray, s: StanceSettings) -> float:
    """How far two independent polarity views of one thread agree, in [0, 1].

    Sentiment in sentences that name the subject and closeness to the support/deny prototype
    sentences are read from different things (a lexicon on the words around the subject, an
    encoder on the whole reply). Where the thread's sides are legible to this zero-shot reading,
    they correlate; where the camps argue through things the cues cannot see (e.g. praising what
    the subject's opponents stand for), they do not, and the polarity is noise to be discounted.
    """
    has = directed != 0
    if has.sum() < s.agreement_min_directed or proto[has].std() < 1e-9 or directed[has].std() < 1e-9:
        return s.agreement_unknown
    r = float(np.corrcoef(directed, proto)[0, 1])
    if not np.isfinite(r):
        return 0.0
    # Benefit of the doubt: the correlation is read at its upper error bar (standard error
    # ~ 1 / sqrt(n)), so a small thread is called inconsistent only when clearly so; leaning a
    # one-sided supportive thread to disagreement on a noisy estimate costs more than it saves.
    r += s.agreement_doubt / np.sqrt(len(directed))
    return float(np.clip(r / s.agreement_full, 0.0, 1.0))


# ---- the entry point -----------------------------------------------------------------------


def stance_of(
    comments: pl.DataFrame,
    articles: pl.DataFrame,
    *,
    rhetoric: pl.DataFrame | None = None,
    settings: StanceSettings | None = None,
    detail: bool = False,
) -> pl.DataFrame:
    """[comment_id, stance, score_support, score_deny, score_query, score_comment] per comment.

    `comments` needs comment_id, doc_id, text; `articles` doc_id, title, body. Pass `rhetoric`
    (rhetoric_of's output) when you already have it, to skip computing sarcasm cues again.
    Scores are probabilities over the four stances (they sum to 1). `stance` is decided in steps
    (query when P(query) >= 0.5; else comment unless the reply takes a side; else the likelier
    side), so it can differ from the scores' argmax where taking a side is likely but split.
    Extra columns: `relevance` (closeness to the article: z-score within it plus absolute
    cosine) and `polarity`
    (signed agreement evidence after transduction), for analysts and evaluators; `detail=True`
    adds every evidence component (for tuning and debugging).
    """
    settings = settings or DEFAULT_SETTINGS
    n = comments.height
    if n == 0:
        return pl.DataFrame(schema=STANCE_SCHEMA | {"relevance": pl.Float64, "polarity": pl.Float64})
    base = comments.select(
        pl.col("comment_id"), pl.col("doc_id").fill_null(""), pl.col("text").fill_null("")
    ).with_row_index("_row")
    if rhetoric is None:
        try:
            from replyscope.analyze.rhetoric import rhetoric_of  # noqa: PLC0415

            rhetoric = rhetoric_of(base.select("comment_id", "text"))
        except ImportError:  # pragma: no cover - rhetoric module absent
            rhetoric = None
    sarcasm_by_id: dict[str, list[tuple[int, int]]] = {}
    if rhetoric is not None and "evidence" in rhetoric.columns:
        with_sarcasm = rhetoric.filter(pl.col("tags").list.contains("sarcasm").fill_null(False))
        for cid, ev in with_sarcasm.select("comment_id", "evidence").iter_rows():
            sarcasm_by_id[cid] = _sarcastic_spans(ev)

    arts = articles.select(pl.col("doc_id"), pl.col("title").fill_null(""), pl.col("body").fill_null("")).unique(
        "doc_id", keep="first", maintain_order=True
    )
    art_rows = {d: (t, b) for d, t, b in arts.iter_rows()}
    doc_ids = base["doc_id"].to_list()
    texts = base["text"].to_list()
    ids = base["comment_id"].to_list()
    contexts = {d: article_context(d, *art_rows.get(d, ("", "")), settings) for d in dict.fromkeys(doc_ids)}

    # Surface cue counts, vectorised: reply cues and question marks.
    surface = base.select(
        pl.col("text").str.count_matches(_family_regex(C.QUERY)).alias("query_cues"),
        pl.col("text").str.contains(r"\?\s*(?:#\S+\s*)*$").alias("ends_question"),
        pl.col("text").str.count_matches(r"\?").alias("n_questions"),
    )

    # Embeddings: replies, article context sentences and the prototypes in one call, so a
    # corpus-fitted representation (IDF, LSA) puts them all in one space.
    ctx_texts: list[str] = []
    ctx_slices: dict[str, tuple[int, int]] = {}
    for d, ctx in contexts.items():
        ctx_slices[d] = (len(ctx_texts), len(ctx_texts) + len(ctx.texts))
        ctx_texts.extend(ctx.texts)
    proto_texts: list[str] = []
    proto_slices: dict[str, dict[str, tuple[int, int]]] = {}
    for d, ctx in contexts.items():
        subject = (art_rows.get(d, ("", ""))[0] or "this").strip()[:120]
        proto_slices[d] = {}
        for stance, protos in C.PROTOTYPES.items():
            if stance not in ("support", "deny"):
                continue
            start = len(proto_texts)
            proto_texts.extend(p.replace("{T}", subject) for p in protos)
            proto_slices[d][stance] = (start, len(proto_texts))
    cut = [spell_out_hashtags(t[: settings.max_embed_chars]) for t in texts]
    emb = _embed(cut + ctx_texts + proto_texts, settings.representation, full_encoder_max=settings.full_encoder_max)
    e_reply = emb[:n]
    e_ctx = emb[n : n + len(ctx_texts)]
    e_proto = emb[n + len(ctx_texts) :]

    relevance = np.zeros(n)
    cue_pol = np.zeros(n)
    tmpl_pol = np.zeros(n)
    dir_sent = np.zeros(n)
    overall = np.zeros(n)
    mentions = np.zeros(n)
    proto_pol = np.zeros(n)
    polarity = np.zeros(n)
    p_stance = np.zeros(n)
    spread_out = np.zeros(n)
    prior_out = np.zeros(n)
    agreement_out = np.zeros(n)
    rows_of: dict[str, list[int]] = {}
    for i, d in enumerate(doc_ids):
        rows_of.setdefault(d, []).append(i)
    s = settings
    for d, ctx in contexts.items():
        rows = np.array(rows_of[d], dtype=np.int64)
        a, b = ctx_slices[d]
        centre = e_ctx[a:b].mean(0)
        norm = np.linalg.norm(centre)
        centre = centre / norm if norm > 0 else centre
        # Closeness to the article: to its centre and to its single nearest context sentence.
        sims = 0.5 * (e_reply[rows] @ centre) + 0.5 * (e_reply[rows] @ e_ctx[a:b].T).max(1)
        spread = sims.std() if len(rows) > 2 else 0.0
        relevance[rows] = (sims - sims.mean()) / spread if spread > 1e-6 else 0.0
        # Absolute closeness also counts, so a thread that is all on-topic is not half "comment".
        relevance[rows] += 4.0 * (sims - 0.25)
        # Denoise relevance along the thread's own embedding structure (the same ridge read-out
        # as for polarity): a reply among on-topic neighbours is likelier on topic itself.
        if s.w_relevance_smooth:
            weight = s.w_relevance_smooth * len(rows) / (len(rows) + s.calibration_n)
            mean_rel = relevance[rows].mean()
            fitted_rel = _self_train_values(e_reply[rows], relevance[rows] - mean_rel, s.ridge_relevance)
            relevance[rows] = (1 - weight) * relevance[rows] + weight * (fitted_rel + mean_rel)
        favour = _directed_regex(C.FAVOUR_SUBJECT, ctx.terms)
        oppose = _directed_regex(C.OPPOSE_SUBJECT, ctx.terms)
        mention = re.compile(r"(?i)\b" + _term_alternation(ctx.terms)) if ctx.terms else None
        for r in rows:
            cp, tp, ds, ov, mn = reply_evidence(texts[r], ctx, sarcasm_by_id.get(ids[r], []), favour, oppose, mention)
            cue_pol[r], tmpl_pol[r], dir_sent[r], overall[r], mentions[r] = cp, tp, ds, ov, mn
        ps = proto_slices[d]
        sup = e_reply[rows] @ e_proto[ps["support"][0] : ps["support"][1]].T
        den = e_reply[rows] @ e_proto[ps["deny"][0] : ps["deny"][1]].T
        diff = sup.max(1) - den.max(1)
        proto_pol[rows] = diff - np.median(diff)  # within-article: the prototypes share topic words
        evidence = (
            s.w_reply_cue * np.tanh(cue_pol[rows])
            + s.w_template * np.tanh(tmpl_pol[rows])
            + s.w_directed_sentiment * dir_sent[rows]
            + s.w_overall_sentiment * overall[rows]
            + s.w_prototype * proto_pol[rows]
        )
        # Small threads cannot support a 384-d read-out: its weight grows with the thread.
        taking = (
            s.rel_scale * relevance[rows]
            + s.rel_bias
            + s.mention_weight * np.minimum(mentions[rows], 1)
            + s.cue_weight * np.minimum(np.abs(cue_pol[rows]) + np.abs(tmpl_pol[rows]), 1)
        )
        p_stance[rows] = _sigmoid(taking)
        siding_mask = taking >= 0 if np.any(taking >= 0) else np.ones(len(rows), bool)
        consistency = _view_agreement(dir_sent[rows][siding_mask], proto_pol[rows][siding_mask], s)
        thread_weight = len(rows) / (len(rows) + s.calibration_n)
        fitted = _self_train(e_reply[rows], evidence, s.ridge) * thread_weight
        # A second round, fitted to the first round's verdicts, spreads the sides further along
        # the thread's own axis; only as far as the thread's views agree (else it would amplify
        # a misreading).
        if s.self_train_rounds > 1 and consistency > 0:
            again = _self_train(e_reply[rows], evidence + s.w_self_train * fitted, s.ridge) * thread_weight
            fitted = fitted + consistency * (again - fitted)
        keep = s.weak_self_train + consistency * (1.0 - s.weak_self_train)
        raw = evidence + keep * s.w_self_train * fitted
        siding = raw[siding_mask]
        quantile = s.weak_support_quantile + consistency * (s.support_quantile - s.weak_support_quantile)
        shift = float(np.quantile(siding, quantile)) * len(rows) / (len(rows) + s.calibration_n)
        polarity[rows] = raw - shift
        spread_out[rows] = fitted
        prior_out[rows] = shift
        agreement_out[rows] = consistency

    q = surface
    query_raw = (
        1.5 * np.minimum(q["query_cues"].to_numpy(), 2)
        + 1.0 * q["ends_question"].to_numpy().astype(float)
        + 0.3 * np.minimum(q["n_questions"].to_numpy(), 3)
        - 1.0 * np.array([1.0 if sarcasm_by_id.get(i) else 0.0 for i in ids])
        - 0.8 * np.minimum(np.abs(cue_pol) + np.abs(tmpl_pol), 2)
        - 2.5
    )
    p_query = _sigmoid(query_raw)
    p_support_given = _sigmoid(s.polarity_slope * polarity)
    score_query = p_query
    score_support = (1 - p_query) * p_stance * p_support_given
    score_deny = (1 - p_query) * p_stance * (1 - p_support_given)
    score_comment = (1 - p_query) * (1 - p_stance)
    scores = np.stack([score_support, score_deny, score_query, score_comment], axis=1)
    scores = scores / scores.sum(1, keepdims=True)
    # Hierarchical decision: a question at the claim; else no side (comment); else the side.
    takes_side = _logit(p_stance) + s.decision_bias >= 0
    stance = np.where(
        p_query >= 0.5, "query", np.where(~takes_side, "comment", np.where(polarity >= 0, "support", "deny"))
    )
    out = pl.DataFrame(
        {
            "comment_id": ids,
            "stance": stance.tolist(),
            "score_support": scores[:, 0],
            "score_deny": scores[:, 1],
            "score_query": scores[:, 2],
            "score_comment": scores[:, 3],
            "relevance": relevance,
            "polarity": polarity,
        },
        schema=STANCE_SCHEMA | {"relevance": pl.Float64, "polarity": pl.Float64},
    )
    if detail:
        out = out.with_columns(
            pl.Series("cue_pol", cue_pol), pl.Series("tmpl_pol", tmpl_pol), pl.Series("dir_sent", dir_sent),
            pl.Series("overall", overall), pl.Series("mentions", mentions), pl.Series("proto_pol", proto_pol),
            pl.Series("self_train", spread_out), pl.Series("shift", prior_out), pl.Series("agreement", agreement_out),
            pl.Series("p_stance", p_stance),
            pl.Series("p_query", p_query),
        )
    return out


__all__ = ["DEFAULT_SETTINGS", "StanceSettings", "article_context", "stance_of", "subject_terms"]
