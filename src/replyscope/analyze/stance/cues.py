"""Hand-written cues for reply stance, one named family per way a reply takes a position.

Every pattern is general English comment/opinion prose, written for this project (nothing here is
mined from a labelled corpus). Two kinds:

- reply cues: how a reply answers the article as a whole ("exactly", "fake news", "source?");
- directed templates: how a reply treats the article's *subject* when it names it ("stop X",
  "X is a liar", "vote for X"). `{T}` stands for the subject's terms and is filled per article.

Patterns are written for Python's `re` *and* Polars' Rust regex (no look-arounds, no
back-references), so counting them over a whole frame is one expression per family.
"""

from __future__ import annotations

import re

# ---- reply cues: the reply agrees with what the article reports -----------------------------
AGREE = {
    "plain_agreement": r"\b(?:exactly|absolutely|agreed|i agree|totally agree|couldn'?t agree more|well said|spot on|so true|"
    r"very true|this is (?:so )?true|true that|this(?:,)? exactly|hear,? hear|amen|\+1|right on|good point|100 ?%)\b",
    "confirmation": r"\b(?:verification|verified|confirm(?:s|ed|ation)?|proof (?:of|that) what|finally (?:the truth|someone|they admit)|"
    r"about time|it'?s official|no surprise|not surprised|unsurprising(?:ly)?|of course (?:they|it|he|she)|obviously|we all knew|"
    r"everyone knew|already knew|knew (?:it|this|that)|always knew|long suspected|as expected|told (?:you|ya|everyone) so|"
    r"(?:saw|seen) (?:this|it) coming|called it|(?:could|would|should)(?: have|'ve| of) told (?:you|ya|everyone)|"
    r"(?:were|was|have been|'ve been) (?:telling|saying|warning)(?: you| everyone)?(?: that| this)?)\b",
    "praise_report": r"\b(?:great|good|excellent|important|brilliant) (?:article|piece|report|reporting|story|news)\b|"
    r"\bthanks? (?:you )?for (?:this|reporting|sharing|posting)\b",
    "endorsement": r"\b(?:i (?:fully |totally |completely )?(?:support|back|endorse|stand with|am with)|proud of|"
    r"keep (?:it )?up|well done|good for (?:them|him|her|you)|bravo|way to go)\b",
}

# ---- reply cues: the reply rejects what the article reports ----------------------------------
DISAGREE = {
    "falsity": r"\b(?:fake(?: news)?|not true|untrue|false(?:hood)?|lies|lying|liars?|hoax|debunked|made up|fabricat\w*|"
    r"misleading|misinformation|disinformation|propaganda|spin|smear)\b",
    "dismissal": r"\b(?:nonsense|rubbish|garbage|bull ?shit|bs|baloney|hogwash|ridiculous|absurd|laughable|"
    r"utter (?:crap|tosh)|yeah,? right|give me a break|get real|oh please|nice try)\b",
    "no_evidence": r"\b(?:no (?:evidence|proof)|without (?:evidence|proof)|zero (?:evidence|proof)|where(?:'s| is) the (?:proof|evidence)|"
    r"prove it|show (?:me|us) the (?:proof|evidence)|unsubstantiated|baseless|unfounded|allegedly)\b",
    # Words that call the claim baseless; sarcasm flips them ("completely unreasonable suspicions?").
    "doubt": r"\b(?:unreasonable|unfounded|paranoi\w*|suspicions|far-fetched|implausible|conspiracy theor\w*|tin ?foil|"
    r"wild (?:claims?|accusations?)|groundless)\b",
    "explicit_disagreement": r"\b(?:i disagree|disagree|wrong|not so|doesn'?t make (?:it|them) (?:true|right)|"
    r"that'?s not (?:how|what|true|right)|couldn'?t be further from|the opposite is true|"
    r"i don'?t (?:believe|buy) (?:it|this|that|a word))\b",
}

# ---- reply cues: the reply asks about the claim --------------------------------------------
# "who says?", "says who", "according to whom": asking who vouches for the claim. Case tells the
# pronoun from the World Health Organization ("The WHO says masks help", "according to WHO"):
# "WHO" in capitals counts only inside a phrase shouted whole ("WHO SAYS?"). Case-scoped groups
# keep this one pattern valid for Python's `re` and Polars' regex alike.
ASKS_WHO_VOUCHES = r"(?-i:[Ww]ho [Ss]ays|[Ss]ays who|WHO SAYS|SAYS WHO)|according to (?:whom|(?-i:who))"
QUERY = {
    "source_request": r"\b(?:source|sources|citation|link|proof|evidence)\s*\?|\b(?:any|what|which) (?:source|sources|evidence|proof)\b",
    "truth_question": r"\b(?:is (?:this|that|it) (?:true|real|confirmed|legit|accurate)|"
    r"(?:can|could) (?:anyone|someone|somebody|you) (?:confirm|verify|explain|clarify)|how do (?:we|they|you) know|" +
    ASKS_WHO_VOUCHES + r"|what do you mean|wait,? what|really\s*\?)",
}

# ---- directed templates around the subject's terms ({T}) -------------------------------------
# "{T}" is replaced by an alternation of the subject's terms (each may take a word ending).
FAVOUR_SUBJECT = {
    "rallying_for": r"\b(?:support|supporting|love|loving|back|backing|vote|vote for|voting for|elect|stand with|standing with|i'?m with|im with|"
    r"proud of|go|thank you|thanks|praise|defend|defending|celebrate|yes to|yes for|pro|pro-)\s*#?{T}",
    "praising": r"{T}\s+(?:is|are|was|were|will be|has been|remains?)\s+(?:so |very |really |truly |the )?"
    r"(?:great|amazing|awesome|brilliant|important|necessary|needed|essential|the best|the answer|the future|"
    r"a hero|heroes|inspiring|here to stay|winning|strong|smart|good)\b",
    # hashtags are read as words first ("#ImWithX" -> "Im With X"; "#X2016" -> "X 2016")
    "campaign_year": r"{T}\s*(?:20\d\d)\b",
    "need_for": r"\b(?:we|they|you|everyone|the world|america|people|women|men) (?:need|needs|deserve|deserves|want|wants)\s+(?:more |a |the )?{T}",
}
OPPOSE_SUBJECT = {
    "rallying_against": r"\b(?:stop|stopping|anti|anti-|against|ban|banning|hate|hating|never|no|oppose|opposing|reject|rejecting|"
    r"fuck|f\*\*k|screw|down with|lock up|impeach|boycott|end|ending|fight|fighting|resist|dump|dumping|no more|not)\s*#?{T}",
    "condemning": r"{T}\s+(?:is|are|was|were|will be|has been|remains?)\s+(?:so |very |really |truly |just |a |an |the |nothing but |such a |such an )*"
    r"(?:evil|liars?|lying|disgusting|dangerous|stupid|idiots?|pathetic|corrupt|crooks?|"
    r"criminals?|murder|murderers?|killing|a disaster|a failure|failures?|fraud|frauds|hypocrites?|sick|crazy|insane|"
    r"a cancer|cancer|a scam|scam|bad|terrible|awful|the problem|the enemy|a threat|over|done|finished|dead|losers?|useless|"
    # alarm said of the subject ("X is a serious problem", "X is a growing threat")
    r"(?:a |an )?(?:serious|real|big|huge|major|growing|grave|global|massive) (?:problem|threat|danger|crisis|menace))\b",
}
# Truth judgements on the subject ("X is real", "X is a hoax"). For a bare target they count as
# the value templates above do; for a proposition whose agreement speaks ill of its subject
# ("X is a real concern": proposition.py) they keep their sign where the value templates flip:
# "climate change is a threat" agrees with that proposition, "climate change is a hoax" does not.
AFFIRM_SUBJECT = {
    "affirming": r"{T}\s+(?:is|are|was|were|has been|remains?)\s+(?:so |very |really |truly |the |a |an )?"
    r"(?:right|correct|real|true|valid|happening|a fact|fact|undeniable|proven)\b",
}
REJECT_SUBJECT = {
    "rejecting": r"{T}\s+(?:is|are|was|were|has been|remains?)\s+(?:so |very |really |truly |just |a |an |the |nothing but |such a |such an |all a |all )*"
    r"(?:wrong|a lie|lies|a joke|jokes|ridiculous|fake|a hoax|hoax|a myth|myth|made up|not real|nonsense|bs|bull ?shit)\b",
}

# Subject terms too generic to stand for an article's subject on their own (titles are full of
# them: "X is a real concern", "the Y movement").
GENERIC_TITLE_WORDS = frozenset(
    """a an the of in on at to for and or but is are was were be been being it its this that these those
    with from by as about into over under after before new says said say report reports reported
    real concern concerns movement issue issues debate claim claims accuse accused accuses officials
    official senior government people world news today week year years day time first last one two
    more most very just also than then there their they them his her he she we you your our i my
    against support supporting help make made makes take takes get gets go goes how why what who when where
    legalization legalisation legal ban law laws""".split()
)

# Prototype sentences for the embedding view of stance: what replies that agree or disagree
# *typically sound like*, independent of any topic (queries are read from cues, comments from
# distance to the article, so they need none). `{T}` is the article's
# subject phrase (its title) when a prototype is about the subject.
PROTOTYPES = {
    "support": (
        "This is true and I completely agree with it.",
        "Exactly, this is what many of us have been saying all along.",
        "I support {T} one hundred percent.",
        "{T} is right and important.",
        "Finally someone says it, well done.",
        "We need {T} now more than ever.",
    ),
    "deny": (
        "This is a lie and fake news.",
        "I completely disagree, this is wrong.",
        "I am against {T}.",
        "{T} is wrong and dangerous.",
        "There is no evidence for this, it is propaganda.",
        "Stop {T}, it is a disgrace.",
    ),
}
# The same for a target that is a proposition ("Climate change is a real concern"): the bare-
# subject prototypes above would read "I am against {T}" and "Stop {T}, it is a disgrace" with
# the whole proposition inside, and "stop climate change" or "climate change is dangerous" is
# what agreeing with that proposition sounds like. A proposition is agreed with or disputed.
PROPOSITION_PROTOTYPES = {
    "support": (
        "This is true and I completely agree with it.",
        "Exactly, this is what many of us have been saying all along.",
        "Yes, {T}. The evidence is clear.",
        "{T}, and we have to act on it now.",
        "Finally someone says it, well done.",
        "It is a fact: {T}.",
    ),
    "deny": (
        "This is a lie and fake news.",
        "I completely disagree, this is wrong.",
        "It is not true that {T}.",
        "{T}? That is a myth and a hoax.",
        "There is no evidence for this, it is propaganda.",
        "Nonsense, {T} is exaggerated and made up.",
    ),
}


# Words that dismiss a claim as worthless and also name actual waste ("Rubbish!" vs "the beach
# was covered in rubbish"). Said of stuff they follow a determiner or preposition, or head a
# compound noun ("rubbish bins"); said of a claim they stand alone or after "is", "what", "utter".
_WASTE = re.compile(r"(?i)^(?:rubbish|garbage|trash)$")
_WASTE_BEFORE = re.compile(r"(?i)\b(?:the|of|in|with|some|any|no|more|less|much|up|our|your|their|his|her|its|my|bags?|piles?|heaps?|full)\s+$")
_WASTE_AFTER = re.compile(r"(?i)^\s+(?:bins?|bags?|collections?|trucks?|dumps?|tips?|heaps?|piles?|pick|piled|piling|dumped|everywhere|left|was|were)\b")


def literal_waste(text: str, start: int, end: int) -> bool:
    """Whether the dismissal word at text[start:end] names actual waste rather than a claim."""
    if not _WASTE.match(text[start:end].strip()):
        return False
    return bool(_WASTE_BEFORE.search(text[max(0, start - 20):start]) or _WASTE_AFTER.match(text[end:end + 20]))
