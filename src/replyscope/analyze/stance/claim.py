"""Reading a reply's stance toward a reported claim from evidence a reader can point at.

A news article or a source post reports something; its replies mostly react (grief, jokes, asides
about the people involved), which is `comment`. A reply takes a side on the report only in a few
recognisable ways, and each of them leaves words to point at:

- support: it confirms or repeats the report ("confirmed", "RT @x: <the report>", quoting it),
  or says it agrees ("exactly", "so true");
- deny: it says the report is false or unproven ("fake", "not true", "no he didn't",
  "unconfirmed", "that's not what happened");
- query: it asks about the report's truth or source ("is this confirmed?", "source?", "really?",
  a question that reuses the report's words). A rhetorical question ("how can anyone be so
  stupid?") asks nothing about the claim and is not a query.

`claim_cues(text, source)` returns every cue with its span and a strength in [0, 1]: about the
share of top-level replies with that cue that take that stance, as measured on RumourEval 2019
training threads (tune half; checked on the other half, where most families land within 0.1).
Strengths are rounded and shared across families of like precision; they are what a reader
should expect the cue to be worth, not fitted weights. The patterns are general English comment prose written for this project; none is mined
from a labelled set. Sentiment is deliberately absent: anger at an event is not disbelief in the
report of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from replyscope.analyze.stance import cues as C
from replyscope.analyze.stance.aim import is_aimed, points_back
from replyscope.analyze.stance.sense import FACT_NEGATOR, PERSON_BEFORE, agreeing, echoes_claim, judging, negated, scare_quoted

# ---- support: confirmation, repetition, agreement ------------------------------------------
_SUPPORT = {
    # "exactly" agrees when it answers ("Exactly.", "Exactly, and ...", "exactly right"), not as
    # an adverb inside a clause ("exactly what I need", "I'm exactly the same way").
    "agreement": (0.45, r"\b(?:i agree|agreed|totally agree|couldn'?t agree more|well said|spot on|so true|very true|"
                  r"exactly(?: this| right)?(?=\s*(?:[.!,;:)\n]|$))|(?:^|(?<=[.!?]\s))exactly\b|"
                  r"absolutely right|this!|you'?re right|that'?s right|true that|i thought the same|same here)\b"),
    # An affirmation opening the reply answers what it replies to: "Yes!", "Yep, ...", "True." (not
    # "Yes?" or "True?", which ask; not "yeah", a filler as often as a yes; not "True education",
    # an adjective). Measured 0.45 on the tune half's top-level replies, 0.15 nested (where it is
    # discounted as any cue aimed at a parent).
    "affirmation": (0.4, r"^\s*(?:[.@]\S*\s+)*(?:(?:yes|yep|yup|indeed)\b(?!\s*\?)|(?:true|correct)(?=\s*(?:[.!,;:)]|$)))"),
    # "officially" alone is a manner, not a confirmation ("is officially screwed", "officially out
    # of control"): it confirms only with the confirming word ("officially confirmed").
    "confirmation": (0.3, r"\b(?:(?:now |officially |has been |have been |was |were |is |are |been )confirmed|confirms?|confirmation|"
                     r"it'?s official|can confirm|i can verify|verified|true story|it'?s true|is true|was true|"
                     r"(?:police|officials|authorities|reports?|sources|witnesses) (?:say|said|confirm\w*|report\w*)|"
                     r"according to (?:police|officials|authorities|reports|sources|witnesses|the))\b"),
    # "we all knew", "told you so", "verification of what many suspected" (stance.cues.AGREE)
    # (measured 0.2 on tweet replies, where "knew it" is often about something else; 0.24 on the
    # tune half of the dev threads once aimed and not negated; in a comment section under an
    # article it is the commonest way to agree, so it is kept at DECIDE: it decides alone, stating
    # 0.34, and a second cue of the side lifts it)
    "knew_it": (0.3, C.AGREE["confirmation"]),
    "repost": (0.45, r"(?:^|\s)(?:RT|MT)\s+@\w+|[\"“]\s*@\w+\s*:|^\s*(?:breaking|update|urgent)\s*:"),
}

# ---- deny: the report is false, unproven or wrong ------------------------------------------
_DENY = {
    # (0.6 of the tune half's top-level replies with it deny, 0.12 of nested ones, which are
    # discounted in claim_reader: was 0.35, measured with every reply read as a direct reply)
    "falsity": (0.5, r"\b(?:fake(?: news)?|not true|isn'?t true|untrue|false|a lie|lies|lying|hoax|debunked|made up|"
                r"fabricat\w*|misinformation|disinformation|not real|isn'?t real|not the case|never happened|didn'?t happen|"
                # confirmation said to be absent: "no confirmation", "zero confirmation yet"
                r"(?:no|zero) (?:official |real |actual )?confirmation|"
                r"(?:is|was) not (?:a|an|the)\b|no evidence|no proof|there is no|there was no|not confirmed|unconfirmed|"
                r"unverified|not verified|rumou?rs?|speculation|false alarm|wrong|incorrect|inaccurate|misleading|"
                r"retract\w*|correction|not (?:dead|killed|arrested|confirmed|him|her|them)|(?:is|was)n'?t (?:him|her|them)|still alive|"
                # counter-evidence: what is passed on is said to be an old one ("that's an old photo";
                # not "my old photo album")
                r"(?:is|was|'s|are|were) (?:just |actually |really )?(?:an |a |the )?old (?:photo|picture|pic|video|footage|image|story|tweet)s?|"
                r"(?:is|are|was|were) (?:alive|safe|fine))\b"),
    # words that call the claim baseless; said in sarcasm they mean the opposite (claim_reader)
    "doubt": (0.3, C.DISAGREE["doubt"]),
    "flat_no": (0.8, r"^\s*(?:@\w+\s+)*(?:no|nope|nah|wrong|not so|not quite|not exactly)\b[,.!]?\s+(?:he|she|it|they|this|that|the|there|you)\b"),
    "explicit_disagreement": (0.4, r"\b(?:i disagree|i doubt|doubt (?:it|that|this)|i don'?t (?:believe|buy|think so)|"
                              r"don'?t believe (?:it|this|that|everything)|not buying it|yeah,? right|nonsense|bull ?shit|bs\b|rubbish|"
                              r"that'?s not (?:what|how|true|right)|far from (?:true|the truth)|jumping to conclusions|"
                              r"too early to (?:say|tell)|don'?t jump|stop spreading|"
                              # disbelief said of the report: "not very believable", "nobody believes it"
                              # (not "unbelievable" or "can't believe": those are shock at what happened)
                              r"not (?:very |really |at all |so |that |even |remotely )?(?:believable|credible|plausible)|"
                              r"(?:no ?one|nobody) (?:believes|buys) (?:it|this|that|them|him|her|a word)|"
                              # the report contradicted by other sources: "local reports say otherwise"
                              r"(?:say|says|said|state|states|stated|show|shows|showed|prove|proves|suggest|suggests|report|reports) otherwise)\b|"
                              # a correction ordered, said as a command ("Get it right.", "@x check your facts")
                              r"(?:^|(?<=[.!?]\s))(?:@\w+\s+)*(?:please\s+)?(?:get (?:it|this|that|your facts|the facts|your story|the story) (?:right|straight)|"
                              r"check (?:your|the) facts|do (?:your|some) research)\b"),
}

# ---- query: a question about the report's truth or source ----------------------------------
_QUERY = {
    "source_request": (0.8, r"\b(?:source|sources|citation|link|proof|evidence|pics?|pictures?|photos?)\s*\?|"
                       r"\b(?:any|what|which|where(?:'s| is| are)?(?: the| your)?|got (?:a|any)) (?:source|sources|evidence|proof|link)\b|"
                       r"\bsource for (?:this|that)\b"),
    "truth_question": (0.5, r"\b(?:is (?:this|that|it|he|she) (?:true|real|confirmed|legit|accurate|correct|right|verified|official)|"
                       r"(?:is|has|was|were|have) (?:this|that|it|the \w+|he|she|they) (?:been )?(?:confirmed|verified)|"
                       r"(?:can|could) (?:anyone|someone|somebody|you) (?:confirm|verify|explain|clarify)|"
                       r"how do (?:we|they|you) know|" + C.ASKS_WHO_VOUCHES + r"|any (?:confirmation|update|news)|"
                       r"are you sure|is that so|seriously|for real|wait,? what|what happened|what'?s going on|"
                       r"what do you mean|really\s*\?|true\s*\?|confirmed\s*\?)"),
}
# The first question of a reply: from a sentence start to its question mark.
REPOST_SHARED_WORDS = 2  # a repost of the report shares at least this many of its content words
_QUESTION = re.compile(r"(?:^|(?<=[.!?\n]))[^.!?\n]{1,200}\?")
QUESTION_STRENGTH = 0.4
# A negated statement of fact and the words it negates (sense.FACT_NEGATOR, beside the negated-cue
# check's NEGATOR in the one definition of negation words).
_NEGATION = re.compile(r"(?i)" + FACT_NEGATOR + r"\b((?:\s+[^\s.!?]+){1,4})")
NEGATES_STRENGTH = 0.4  # 0.5 of top-level replies on the tune half (0.17 nested); was 0.3 read flat
# A negation whose subject is the speaker tells about the speaker, not about the report; one
# whose subject is the one addressed ("you're not a real chef", "in case you didn't see it")
# tells about them.
# A negation that is no statement about anything: an infinitive ("the point is to not have ..."),
# or inside a clause of time ("when he isn't making comics, he paints").
_NOT_A_STATEMENT_BEFORE = re.compile(r"(?i)(?:\bto\s+$|\b(?:when|whenever|while|until|till)\b[^.!?;:\n]{0,40}$)")
# What follows "not" when it is no denial: contrast ("not only / just / merely ... but"),
# purpose ("not to win a prize"), degree ("not too / so / that hard"), hedge ("not necessarily").
_NOT_A_DENIAL_AFTER = re.compile(r"(?i)\s+(?:only|just|merely|simply|to|too|so|that|very|as|even|much|quite|necessarily|always|sure|mean|mind|get (?:me|this|it) wrong)\b")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_RHETORICAL = re.compile(
    r"(?i)\b(?:how (?:can|could|dare) (?:you|they|anyone|people)|are you (?:stupid|kidding|serious|insane|crazy|blind)|"
    r"what (?:the (?:hell|fuck|f)|is wrong with)|who cares|why would (?:anyone|you)|wtf|really\?{2,}|\?{3,}|"
    r"right,?\s[^)?]{0,40}\?\)|i wonder why)"
)
_WORD = re.compile(r"[a-z0-9][a-z0-9'’]+")
_URL = re.compile(r"https?://\S+")
_HANDLE = re.compile(r"@\w+")
_STOP = frozenset(
    """the a an and or but of to in on at for with from by as is are was were be been it its this that these those
    he she they we you i his her their our your my me him them us not no yes so just all any some what who when where why how
    has have had do does did will would can could should may might must than then there here about into over after before
    rt mt via new says said""".split()
)


def _compile(families: dict[str, tuple[float, str]]) -> list[tuple[str, float, re.Pattern[str]]]:
    return [(name, weight, re.compile(pattern, re.IGNORECASE | re.MULTILINE)) for name, (weight, pattern) in families.items()]


# Cues that are aimed by their form: a repost passes the report on whole.
_STRUCTURAL = frozenset({"repost"})
_FAMILIES = {"support": _compile(_SUPPORT), "deny": _compile(_DENY), "query": _compile(_QUERY)}


@dataclass(frozen=True, slots=True)
class Cue:
    stance: str
    family: str
    strength: float  # how far the cue alone makes the stance likely, in [0, 1]
    start: int
    end: int
    text: str


def content_words(text: str) -> set[str]:
    """The words that carry a text's claim (no URLs, handles or function words)."""
    cleaned = _HANDLE.sub(" ", _URL.sub(" ", (text or "").lower()))
    return {w for w in _WORD.findall(cleaned) if w not in _STOP and len(w) > 2}


def claim_cues(text: str, source_words: set[str], target_words: set[str] | None = None, claim: str | None = None) -> list[Cue]:
    """Every cue for support, deny and query in `text`, each with its span into `text`.

    `target_words`: content words of what the reply answers (the report's headline and lead,
    and the parent's words for a nested reply). Given, a support or deny cue counts only where it
    is aimed at them (aim.is_aimed: the reply's opening, a sentence about or pointing at the
    target); an aside ("it does not look like much" deep in a friendly comment) is no side.
    A deny cue counts only in its judging sense (sense.judging: not "the wrong bus", "the
    fault lies with", "no doubt", a quotation, or the words of `claim`, the report's headline and
    lead). Typographic apostrophes read as plain ones ("I’ve never" is "I've never"); spans and
    cue words are the reply's own.
    """
    shown = text or ""
    text = shown.translate(_APOSTROPHES)  # same length: spans into `text` are spans into `shown`
    found: list[Cue] = []

    def aimed(start: int, end: int) -> bool:
        return target_words is None or is_aimed(text, start, end, target_words, content_words)

    for stance, families in _FAMILIES.items():
        for name, weight, pattern in families:
            for m in pattern.finditer(text):
                if stance != "query" and not asserted(text, m.start(), m.end()):
                    continue  # a wish, a condition, confirmation said to be missing: no side
                if stance == "deny" and not judging(text, m.start(), m.end(), claim):
                    continue  # "the wrong bus", "lies with", a quotation, the headline's words
                if stance == "support" and name not in _STRUCTURAL and not agreeing(text, m.start(), m.end()):
                    continue  # "they knew it was coming", "there's obviously problems"
                if stance == "support" and name not in _STRUCTURAL and negated(text, m.start(), m.end()):
                    continue  # "no confirmation yet", "not officially": agreement negated is none
                if stance == "support" and name not in _STRUCTURAL and scare_quoted(text, m.start(), m.end()):
                    continue  # "they 'confirmed' it": the word mentioned at a distance, not said
                if stance == "support" and name not in _STRUCTURAL and claim and echoes_claim(m.group(0), claim):
                    continue  # "Police confirm ..." passed on from the report: its words, not the reply's
                if stance == "query" or name in _STRUCTURAL or points_back(m.group(0)) or aimed(m.start(), m.end()):
                    found.append(Cue(stance, name, weight, m.start(), m.end(), shown[m.start() : m.end()]))
                    break
    # Questions: a question put to the report, not a rhetorical one, asks about it (measured:
    # ~0.4 of top-level non-rhetorical questions are queries, on both halves of the dev threads).
    # A reply that exclaims ("Why are they running? Coward!", "FORTY SIX?!") asks in outrage or
    # surprise, not for an answer (measured: 1 in 19 such questions was a query, on the tune
    # half of the dev threads; 0.4 of the others).
    if "?" in text and "!" not in text and not any(c.stance == "query" for c in found) and not _RHETORICAL.search(text):
        # The first question aimed at the target (a question deep in a long comment about
        # something else asks about that, not about the report).
        for m in _QUESTION.finditer(text):
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" .!?\n"))
            if aimed(start, m.end()):
                found.append(Cue("query", "question_on_claim", QUESTION_STRENGTH, start, m.end(), shown[start : m.end()]))
                break
    # Saying the report's own words are not so ("not the Islamic flag", "he wasn't armed").
    # The negated words must be the claim's (its headline and lead when given: a long report
    # shares some word with almost any clause) and the negation aimed at it.
    claim_words = source_words if target_words is None else target_words
    if not any(c.stance == "deny" for c in found):
        for m in _NEGATION.finditer(text):
            if PERSON_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
                continue  # "I'm not as fond of it", "you didn't see it": about speaker or addressee
            if _NOT_A_DENIAL_AFTER.match(m.group(1)) or _NOT_A_STATEMENT_BEFORE.search(text[max(0, m.start() - 60) : m.start()]):
                continue  # "not only ... but", "not to win a prize", "to not have", "when he isn't"
            if not asserted(text, m.start(), m.end()):
                continue  # "I hope it doesn't cost them their jobs": a wish, no denial
            if content_words(m.group(1)) & claim_words and aimed(m.start(), m.end()) and judging(text, m.start(), m.end(), claim):
                found.append(Cue("deny", "negates_report", NEGATES_STRENGTH, m.start(), m.end(), shown[m.start() : m.end()]))
                break
    # A repost with a denial in the reposter's own words, outside what it passes on ("Not the
    # flag RT @x: <the report>"), passes the report on to dispute it: the denial is the reply's.
    # (What it passes on is the report's words: no support of the reposter's own either.)
    reposts = [c for c in found if c.family == "repost"]
    if reposts and any(c.stance == "deny" and c.end <= reposts[0].start for c in found):
        found = [c for c in found if not (c.stance == "support" and c.start >= reposts[0].start)]
    # Words inside a question about the claim are asked, not asserted ("is this confirmed?").
    asked = [_question_extent(text, c) for c in found if c.stance == "query"]
    found = [c for c in found if c.stance == "query" or not any(a <= c.start < b for a, b in asked)]
    words = content_words(text)
    # A repost passes on what it quotes: only when that is the report (it shares the report's
    # words) is it the report passed on. "RT @x: <someone else's take>" sides with someone else.
    if source_words and len(words & source_words) < REPOST_SHARED_WORDS:
        found = [c for c in found if c.family != "repost"]
    # A report that calls itself unconfirmed, passed on, is passed on with its doubt: it
    # confirms nothing (nor does it deny: the doubt is the report's own words).
    if claim and hedges_itself(claim):
        found = [c for c in found if c.family != "repost"]
        return found
    # Repeating the report (a repost or quote without the RT marker): most of its content words
    # are the claim's. The claim is the headline and lead: under a long article (or a page whose
    # body still carries its comment section) almost any comment shares most words with the body.
    claim_words = content_words(claim) if claim else source_words
    if len(words) >= 4 and len(words & claim_words) / len(words) >= 0.6 and not any(c.stance == "deny" for c in found):
        found.append(Cue("support", "repeats_report", 0.45, 0, len(text), shown[:80]))
    return found


# A report's own doubt about itself ("Unconfirmed reports claim ...").
# (Not "rumoured": replies passing on a report of a rumour were read as support on the tune half.)
_SELF_HEDGE = re.compile(r"(?i)\b(?:unconfirmed|unverified|not (?:yet )?(?:been )?confirmed)\b")


@lru_cache(maxsize=4096)
def hedges_itself(claim: str) -> bool:
    """Whether the report says itself that it is unconfirmed."""
    return _SELF_HEDGE.search(claim) is not None


# A side's words inside a wish or a condition are not asserted: "I hope this is true", "if this
# is true it is a disgrace", "who knows if it's true" take no side on the report.
_HEDGED = re.compile(r"(?i)\b(?:if|hope|hoping|hopefully|wish|whether|unless|in case|pray|praying)\b[^.!?;:\n]{0,40}$")
# Confirmation said to be missing or owed: "no confirmation yet", "zero confirmation", "might
# want to confirm that before tweeting" (that asks for it; it does not give it).
_LACKING = re.compile(r"(?i)\b(?:no|zero|not|without|any|awaiting|waiting for|(?:want|need|needs|ought|have|has) to(?: \w+)?)\s+$")


def asserted(text: str, start: int, end: int) -> bool:
    """Whether a support or deny cue at text[start:end] says what it says: not inside a wish or a
    condition, not confirmation said to be missing, not a dismissal word naming actual waste."""
    before = text[max(0, start - 60):start]
    if _HEDGED.search(before):
        return False
    word = text[start:end].lower()
    if word.startswith(("confirm", "verif")) and _LACKING.search(before[-30:]):
        return False
    return not C.literal_waste(text, start, end)


def _question_extent(text: str, cue: Cue) -> tuple[int, int]:
    """From the start of the cue's sentence to the question mark that closes it."""
    start = max(text.rfind(".", 0, cue.start), text.rfind("!", 0, cue.start), text.rfind("?", 0, cue.start)) + 1
    end = text.find("?", cue.start)
    return start, (end + 1 if end >= 0 else cue.end)



# A link to a page, not to a site's front page: "https://t.co/AbC123", "site.com/2012/story".
# A bare front-page link under a blog post ("http://myblog.blogspot.com") is the commenter's own
# site, a signature, not the report passed on.
_LINK_TO_PAGE = re.compile(r"https?://[^/\s]+/[^\s]*[A-Za-z0-9][^\s]{3,}")


def bare_link(text: str) -> bool:
    """A reply that is only handles and a link to a page: sharing the report (or its source) on."""
    rest = _HANDLE.sub(" ", _URL.sub(" ", text or ""))
    return bool(_LINK_TO_PAGE.search(text or "")) and not _WORD.search(rest.lower())


__all__ = ["Cue", "bare_link", "claim_cues", "content_words"]
