"""The cue patterns behind each rhetoric tag, one named family per kind of cue.

A family is a compiled regex (plus an optional check on the matched words) that fires one tag
from `schema.RHETORIC_TAGS`. Several families can fire the same tag; the family name says *why*
it fired (e.g. loaded_language from `name_calling_label` versus `loaded_emotive`), which the
evaluator uses to map finer persuasion techniques without widening the public tag list.

Patterns are written by hand for general English comment and opinion prose. Question patterns
stop at sentence ends (`[^.!?…\\n]`) so one cue never spans two sentences. Word lists live in
rhetoric.words, folded into fast tries by rhetoric.lexicon; case-insensitive families also keep a
`folded` copy that runs on lower-cased text, and a Polars prefilter (rhetoric.prefilter).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from replyscope.analyze.rhetoric import words as W
from replyscope.analyze.rhetoric.context import is_label_use
from replyscope.analyze.rhetoric.lexicon import lexicon_pattern, lexicon_regex, lowercase_literals
from replyscope.analyze.rhetoric.prefilter import to_polars_regex
from replyscope.schema import RHETORIC_TAGS

_I = re.IGNORECASE
# The rest of one sentence up to its question mark (bounded so a runaway match stays cheap).
_TO_QUESTION_MARK = r"[^.!?…\n]{0,240}\?"


@dataclass(frozen=True)
class CueFamily:
    """One kind of cue: `pattern` finds it, `accept` (optional) vetoes a match by its words,
    `context` (optional) by the words around it.

    `prefilter` is a Polars/Rust regex accepting a superset of `pattern`'s matches; it is only
    spelled out where `pattern` uses look-arounds or back-references that Rust lacks, otherwise it
    is derived from `pattern` (see rhetoric.prefilter).
    """

    name: str
    tag: str
    pattern: re.Pattern[str]
    accept: Callable[[str], bool] | None = None
    prefilter: str | None = None
    # Optional veto by the surrounding words: context(text, start, end) is False when the match,
    # where it stands, does not make the move (rhetoric.context.is_label_use: "not a racist").
    context: Callable[[str, int, int], bool] | None = None
    # For case-insensitive patterns: the same pattern, case-sensitive, for lower-cased text
    # (about 3x faster in Python's engine than IGNORECASE). None for case-sensitive patterns.
    folded: re.Pattern[str] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        if self.pattern.flags & re.IGNORECASE:
            object.__setattr__(self, "folded", re.compile(lowercase_literals(self.pattern.pattern)))

    @property
    def polars_pattern(self) -> str:
        """Prefilter for the Polars pass; it runs on lower-cased text when `folded` is set."""
        if self.prefilter is not None:
            return self.prefilter
        return to_polars_regex(self.folded if self.folded is not None else self.pattern)


def _re(pattern: str, flags: int = _I) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# ---- emphasis helpers -------------------------------------------------------------------

_ROMAN_NUMERAL = re.compile(r"[IVXLCDM]+")
# Short words people shout ("WE were right", "NOT again"); other 2-3 letter caps are usually
# codes and initialisms (UBC, EEZ, CRA), so only common words count.
_SHOUTED_SHORT_WORDS = frozenset(
    """WE NO SO IS DO BE ME MY HE AM OR TO ON UP IF AT BY GO OF IN
    NOT ALL THE AND YOU ARE WAS HAS HAD WHY HOW WHO BIG NOW ANY OUR HIS HER SHE THEY YES BAD
    CAN DID GET GOT LIE MAN MEN OWN PAY PUT SAY SEE TOO TRY USE WAY WIN BUT FOR NOR YET ONE TWO
    OFF OUT HIM ITS LET NEW OLD SAD MAD WOW""".split()
)


def _is_shouted_word(word: str) -> bool:
    """An all-caps word that is shouting, not an acronym, initialism or Roman numeral."""
    bare = word.replace("'", "").replace("’", "")
    if bare in W.ACRONYMS or _ROMAN_NUMERAL.fullmatch(bare):
        return False
    if len(bare) <= 3:
        return bare in _SHOUTED_SHORT_WORDS
    # Initialisms are mostly consonants ("NRDC", "HSBC"); shouted words read as words.
    return any(ch in "AEIOUY" for ch in bare)


# Verbs that pin a name on someone: "call him a ...", "branded them ...".
_CALLING_VERB = r"(?:call|calls|called|calling|brand|brands|branded|branding|label|labels|labell?ed|labell?ing|dub|dubs|dubbed|dubbing)"
# "called for", "call on", "calling out": the phrasal verbs of calling name nobody.
_PHRASAL_CALL = re.compile(_CALLING_VERB + r"\s+(?:for|on|up|out|off|in|back|upon|it\s+quits)\b", re.IGNORECASE)


def _is_not_phrasal_call(cue: str) -> bool:
    """False for "called for “total transparency”": a phrasal verb, not a name being pinned on."""
    return _PHRASAL_CALL.match(cue) is None


# The word-list wildcards ("villain*", "infidel*", "snob*") are there for plurals and possessives;
# a derived abstract noun or verb names an idea or an act, not a person: villainized, infidelity,
# totalitarianism, dictatorship.
_ABSTRACT_OR_VERB_ENDING = re.compile(r"(?:isms?|ity|ities|ships?|i[sz](?:e|es|ed|ing)|i[sz]ations?)$", re.IGNORECASE)


def _is_person_label(cue: str) -> bool:
    """False when a wildcard stretched a label for people into an abstract noun or a verb."""
    return _ABSTRACT_OR_VERB_ENDING.search(cue) is None


# Capitalised adjectives of nationality or faith ("Islamic", "Egyptian", "Chinese", "British"):
# "radical Egyptian cleric" describes; the epithet family wants a name ("Crooked Hillary").
_NATIONALITY_OR_FAITH_ADJECTIVE = re.compile(r"(?:ic|ian|ese|ish)$")
# First names with those endings ("Crooked Eric", "Sleazy Julian" are epithets on a name).
_FIRST_NAMES_LIKE_ADJECTIVES = frozenset(
    "eric dominic frederic cedric ric brian julian christian adrian ian vivian damian sebastian lilian "
    "gillian jillian marian florian maximilian dorian fabian lucian cyprian kristian bastian".split()
)


def _names_a_person(cue: str) -> bool:
    """False when the capitalised word after the epithet is an adjective of nationality or faith."""
    last = cue.split()[-1].lower() if cue.split() else ""
    return last in _FIRST_NAMES_LIKE_ADJECTIVES or _NATIONALITY_OR_FAITH_ADJECTIVE.search(cue) is None


def _lower_and_capitalised(entries: list[str]) -> list[str]:
    """Each entry as written and Capitalised, for patterns that must stay case-sensitive."""
    return [form for e in entries for form in (e.lower(), e[:1].upper() + e[1:].lower())]


# ---- the families -----------------------------------------------------------------------

FAMILIES: tuple[CueFamily, ...] = (
    # sarcasm / irony ---------------------------------------------------------------------
    CueFamily("ironic_success", "sarcasm",
              _re(r"\b(?:worked|working|works|went|turned out|goes|going|panned out)(?: out)? (?:so|really|real|just|sooo+) (?:well|great|swimmingly|brilliantly)\b")),
    CueFamily("mock_surprise", "sarcasm",
              _re(r"\b(?:what an? (?:surprise|shock|shocker)|colou?r me (?:shocked|surprised|stunned)|surprise,? surprise|big surprise|shocker|"
                  r"who (?:would(?: have|'ve| of)|could(?: have|'ve)|'?d have) (?:thought|guessed|known|imagined)|who knew|imagine that|go figure|fancy that|"
                  r"shocking,? i know|what are the odds)\b")),
    CueFamily("feigned_wonder", "sarcasm", _re(r"\bI (?:just |do |really )?wonder (?:why|how|who|whatever)\b")),
    CueFamily("mock_agreement", "sarcasm",
              _re(r"(?:\b(?:oh|ah) (?:yes|yeah|sure|great|wow|really|please|goody|joy)\b|\byeah,? right\b|\bsure,? (?:because|that'll|that will)\b|"
                  r"\bbecause that (?:always |never )?(?:works|worked|ends well|went well)\b|\bnice try\b|\bgood luck with that\b|"
                  r"\bhow (?:convenient|ironic|original|shocking|surprising|unexpected)\b|\bfunny how\b|\btotally (?:not|legit)\b|"
                  r"\B/s\b|\bthanks,? (?:obama|genius|einstein|captain obvious)\b|\bwhat could (?:possibly )?go wrong\b)")),
    CueFamily("sarcastic_evaluation_question", "sarcasm",
              _re(r"\b(?:completely|totally|utterly|entirely|perfectly|so|very) (?:un\w+|reasonable|justified|innocent|normal|fair|legit|believable|credible|surprising)\b" + _TO_QUESTION_MARK)),
    # rhetorical question -------------------------------------------------------------------
    CueFamily("negative_question_opener", "rhetorical_question",
              _re(r"\b(?:isn['’]t|aren['’]t|wasn['’]t|weren['’]t|don['’]t|doesn['’]t|didn['’]t|won['’]t|wouldn['’]t|shouldn['’]t|couldn['’]t|can['’]t|haven['’]t|hasn['’]t)"
                  r" (?:it|that|this|they|we|you|he|she|anyone|everyone|people|there|the|these|those|our|your|their)\b" + _TO_QUESTION_MARK)),
    CueFamily("why_how_question", "rhetorical_question",
              _re(r"\b(?:why (?:else|not|would|should|do|does|did|is|are|was|were|can['’]t|won['’]t|don['’]t|doesn['’]t|didn['’]t|isn['’]t|on earth|the hell|in the world)|"
                  r"how (?:can|could|dare|on earth|the hell|is (?:it|that|this)|come|many more|much longer|long (?:before|until)|stupid|dumb|naive))\b" + _TO_QUESTION_MARK)),
    CueFamily("who_question", "rhetorical_question",
              _re(r"\bwho (?:cares|needs|in their right mind|would (?:ever|believe|have thought)|else|(?:do|does) (?:they|he|she|you) think|knew|are (?:they|you) kidding)\b" + _TO_QUESTION_MARK)),
    CueFamily("wonder_question", "rhetorical_question", _re(r"\bI (?:just |do |really |only )?wonder\b" + _TO_QUESTION_MARK)),
    CueFamily("loaded_question_opener", "rhetorical_question",
              _re(r"\b(?:is (?:it|that) (?:any wonder|a coincidence|just me|really|fair|too much|so hard|any surprise)|"
                  r"what (?:did|do|else did|else do|else would) (?:you|they|we) (?:expect|think)|what['’]s next|since when|what happened to|"
                  r"(?:are|were) (?:we|you) (?:really|seriously|supposed|expected)|do (?:you|they|we) (?:really|seriously|honestly) (?:think|believe|expect)|"
                  r"(?:are|is) (?:they|you|he|she) (?:kidding|serious|joking)|where does it end|what['’]s the point|who['’]s (?:kidding|fooling))\b" + _TO_QUESTION_MARK)),
    CueFamily("incredulous_question", "rhetorical_question", _re(r"\b(?:really|seriously|honestly|come on|hello)\s*\?+")),
    # loaded language / name-calling ----------------------------------------------------------
    CueFamily("loaded_emotive", "loaded_language", lexicon_regex(W.LOADED_EMOTIVE), context=is_label_use),
    CueFamily("name_calling_label", "loaded_language", lexicon_regex(W.NAME_CALLING_LABELS), accept=_is_person_label, context=is_label_use),
    CueFamily("epithet_before_name", "loaded_language",
              re.compile(r"\b" + lexicon_pattern(_lower_and_capitalised(W.EPITHET_ADJECTIVES), keep_case=True) + r"\s+[A-Z][\w'’.-]*[a-z]\b"),
              accept=_names_a_person, context=is_label_use),
    CueFamily("pejorative_compound", "loaded_language",
              _re(r"\b\w+-(?:hating|haters?|bashing|bashers?|loving|lovers?|worshipp?ing|worshipp?ers?|obsessed|crazed|grabbers?|huggers?|crashers?|deniers?|apologists?|sympathi[sz]ers?)\b|"
                  r"\b\w+(?:mongers?|mongering|phobes?)\b"), context=is_label_use),
    # "radical activists", "corrupt elites"; and people lumped into a contemptuous collective:
    # "a bunch of bureaucrats", "a gang of crooks" ("gang" and "horde" are about people here).
    CueFamily("labelled_group", "loaded_language",
              _re(r"\b" + lexicon_pattern(W.LABELLING_ADJECTIVES) + r"\s+(?:[a-z]+\s+)?" + lexicon_pattern(W.PEOPLE_NOUNS) + r"\b|"
                  r"\b(?:bunch|gang|herd|hordes?|gaggle|rabble|clique)\s+of\s+(?:[a-z-]+\s+)?(?:" + lexicon_pattern(W.PEOPLE_NOUNS) + r"|\w+(?:ers|ists|ites))\b"),
              context=is_label_use),
    # "the Left" as one creature, with whatever epithet in front ("the anti-gun Left").
    CueFamily("capitalised_side", "loaded_language", re.compile(r"\bthe (?:[a-z][\w-]+ ){0,2}(?:Left|Right)\b(?! (?:[Bb]ank|[Hh]and|[Ss]ide|[Ww]ing of))"),
              prefilter=r"the (?:[a-z][\w-]+ ){0,2}(?:Left|Right)", context=is_label_use),
    # A label predicated of someone: "he is a fraud", and its calling form, "they called her a
    # “demon”", "dubbed him “the professor”": quoting the label marks it as the name pinned on.
    CueFamily("copula_label", "loaded_language",
              _re(r"\b(?:is|are|was|were|be|being|been|['’]s|['’]re)\s+(?:a|an|the|such an?|nothing but an?)\s+(?:[a-z]+\s+)?" + lexicon_pattern(W.BRANDING_NOUNS) + r"\b|"
                  r"\b" + _CALLING_VERB + r"\s+(?:[\w.'’-]+\s+){0,3}?(?:an?\s+|the\s+)?" + lexicon_pattern(W.BRANDING_NOUNS) + r"\b"),
              accept=_is_not_phrasal_call, context=is_label_use),
    CueFamily("discrediting_label", "loaded_language", lexicon_regex(W.DISCREDITING_LABELS), context=is_label_use),
    CueFamily("character_judgement", "loaded_language", lexicon_regex(W.CHARACTER_ADJECTIVES), context=is_label_use),
    CueFamily("prefixed_label", "loaded_language",
              # "anti-X" is left out: news uses it to describe positions ("anti-war protest"), not to label.
              _re(r"\b(?:neo-?(?:nazis?|cons?|liberals?|marxists?|fascists?|catholics?|colonial\w*|pagans?|stalinists?))\b"), context=is_label_use),
    CueFamily("scare_quoted_label", "loaded_language",
              re.compile(r"[“\"](?:[a-z][\w'’-]*)(?:\s[\w'’-]+){0,2}[”\"]")),
    CueFamily("so_called_label", "loaded_language", _re(r"\b(?:so-called|self-(?:proclaimed|styled|appointed)|would-be|wannabe)\s+[\w'’-]+"), context=is_label_use),
    CueFamily("absolute_dismissal", "loaded_language",
              _re(r"\b(?:utter|sheer|absolute|total|complete|pure|outright|downright) (?:nonsense|rubbish|garbage|disaster|failure|lies?|madness|insanity|idiocy|hypocrisy|fraud|farce|"
                  r"joke|disgrace|chaos|contempt|incompetence|destruction|fabrications?|propaganda|bs|bullshit|stupidity|travesty|scam|betrayal)\b"), context=is_label_use),
    # conspiracy framing ----------------------------------------------------------------------
    CueFamily("conspiracy_vocabulary", "conspiracy", lexicon_regex(W.CONSPIRACY_TERMS)),
    CueFamily("hidden_hand", "conspiracy",
              _re(r"\b(?:it['’]s|it is|it was|this is) (?:all )?(?:the )?(?:illuminati|masons|freemasons|elites|globalists|bankers|cia|mossad|deep state)\b|"
                  r"\b(?:they|the media|the government|the elites?) (?:don['’]t|doesn['’]t) want (?:you|us|people) to (?:know|see|find out)\b|"
                  r"\b(?:this|it) was (?:all )?(?:planned|planned all along|engineered|manufactured)\b")),
    # appeal to precedent / history -------------------------------------------------------------
    CueFamily("worked_before", "appeal_to_precedent",
              _re(r"\b(?:worked|went|turned out|panned out)(?: out)? (?:so|really|just) (?:well|great) (?:with|in|for|last time|the last time|before|when)\b")),
    CueFamily("history_lesson", "appeal_to_precedent",
              _re(r"\b(?:remember (?:when|what happened|how|the last time)|history (?:shows|tells|teaches|has shown|repeats|proves|will judge)|"
                  r"(?:lessons?|learn(?:ed|t)?) (?:of|from) history|(?:we['’]ve|we have|I['’]ve|I have) seen (?:this|it|that)(?: movie| play| before)|"
                  r"the last time (?:we|they|this|that|someone|anyone)|(?:same|old) (?:playbook|script|story) as|d[ée]j[àa] vu|here we go again|all over again|"
                  r"never learn|(?:repeat|repeating) (?:the )?(?:same )?mistakes?|(?:just )?like (?:in|with|during|after) (?:the )?(?:19|20)\d\d?s?|"
                  r"(?:just )?like (?:iraq|vietnam|libya|afghanistan|munich|the iraq war|the vietnam war|weimar|nazi germany|the soviet union|the 1930s)|"
                  r"as (?:we saw|happened) (?:in|with|before|last time))\b")),
    # told you so --------------------------------------------------------------------------------
    CueFamily("told_you", "told_you_so",
              _re(r"\b(?:told (?:you|ya|y['’]all|everyone|everybody|them) so|(?:could|would|should)(?: have|['’]ve| of) told (?:you|ya|y['’]all|everyone)|"
                  r"(?:I|we) told (?:you|ya|y['’]all|everyone)(?: so|,? didn['’]t (?:I|we)| this would| that would| it would| (?:years|months|weeks|long) ago)|(?:I|we) (?:were|was|have been|['’]ve been|had been) (?:telling|saying|warning)|"
                  r"(?:I|we) (?:warned|predicted) (?:you|this|that|it)|as (?:I|we) (?:predicted|warned|said)|"
                  r"(?:saw|seen|see) (?:this|it|that) coming|called it|knew (?:it|this|that)? ?all along|I knew it|"
                  r"(?:already|always|long) (?:knew|suspected)|tell (?:us|me) something (?:we|I) don['’]t know|old news|"
                  r"(?:about|it['’]s about) time (?:they|someone|somebody) (?:admitted|admit|noticed|caught on))\b")),
    # whataboutism -----------------------------------------------------------------------------
    CueFamily("what_about", "whataboutism",
              _re(r"\b(?:what about|(?:and|but|so) how about|where (?:was|were|is|are) (?:the |all the |your |their |all this )?(?:outrage|media|you|protests?|concern|left|right|feminists|liberals|conservatives)\b[^.!?\n]{0,80}\bwhen|"
                  r"(?:nobody|no one|none of (?:them|you)) (?:said|complained|cared|batted an eye|blinked|protested)[^.!?\n]{0,60}\bwhen|"
                  r"double standards?|the same (?:people|folks|ones|crowd) who|(?:pot|kettle) calling the (?:kettle|pot)|look who['’]s talking|"
                  r"(?:you|they) (?:didn['’]t|did not) (?:care|complain|say anything|say a word) when|but (?:her|his|their) emails|"
                  r"(?:but|yet) when (?:\w+ ){1,4}(?:did|does|do) (?:it|the same|that|this))\b")),
    # call to action -----------------------------------------------------------------------------
    CueFamily("collective_must", "call_to_action",
              _re(r"\b(?:we|you|americans|people|everyone|everybody|citizens|voters|folks|y['’]all) (?:all )?(?:must|need to|have to|should|ought to|got to|gotta|better)"
                  r" (?:\w+ ){0,2}?(?:stand up|stand|fight|act|vote|rise up|rise|resist|demand|stop (?:them|this|it)|speak up|speak out|call|write|join|boycott|protest|march|"
                  r"organi[sz]e|share|sign|defend|push back|wake up|take back|get involved|unite|contact|hold (?:them|him|her) accountable)\b")),
    CueFamily("civic_imperative", "call_to_action",
              _re(r"\b(?:(?:call|contact|write to|email|phone) your (?:congressman|congresswoman|congressperson|representatives?|reps?|senators?|mps?|meps?|member of parliament|governor|mayor|council\w*)|"
                  r"sign (?:the|this|our) petition|share (?:this|widely|it far)|spread the word|pass (?:it|this) on|get out (?:and|to) vote|vote (?:them|him|her|these \w+|the \w+) out|"
                  r"vote (?:no|yes) on|(?:join|support) (?:us|the movement|the fight|the campaign|the protest|the boycott)|take (?:action|a stand|back (?:our|the))|"
                  r"it['’]?s (?:high )?time (?:for (?:us|you|everyone|all of us) )?to (?:act|stand|fight|vote|rise|take|wake|speak|demand|say no)|enough is enough|boycott|"
                  r"don['’]t let (?:them|him|her|this|these)|let['’]?s (?:all )?(?:stand|fight|vote|make|demand|stop|tell|remind|hold|show|take|support|unite|get (?:out|together|rid))|"
                  r"(?:please|pls) (?:\w+ ){0,2}?(?:share|sign|call|write|vote|donate|contact|join)|donate (?:now|today)|wake up,? (?:people|america|folks|everyone))\b")),
    # emphasis -------------------------------------------------------------------------------------
    CueFamily("shouted_caps", "emphasis", re.compile(r"\b[A-Z][A-Z'’]*[A-Z]\b"), accept=_is_shouted_word),
    CueFamily("repeated_punctuation", "emphasis", re.compile(r"[!?]*![!?]*[!?]|[!?]{3,}")),
    CueFamily("stretched_word", "emphasis", re.compile(r"\b[A-Za-z]*([A-Za-z])\1{3,}[A-Za-z]*\b"),
              prefilter="(?i)(?:" + "|".join(f"{c}{{4}}" for c in "abcdefghijklmnopqrstuvwxyz") + ")"),
    CueFamily("starred_word", "emphasis", re.compile(r"(?<![\w*])\*[A-Za-z][^*\n]{0,40}[A-Za-z]\*(?![\w*])"),
              prefilter=r"\*[A-Za-z][^*\n]{0,40}[A-Za-z]\*"),
    # hedging ----------------------------------------------------------------------------------------
    CueFamily("hedge_words", "hedging", lexicon_regex(W.HEDGES)),
    # evidence / link --------------------------------------------------------------------------------
    CueFamily("url", "evidence_link",
              _re(r"\b(?:https?://|www\.)[^\s<>\"'()\[\]]+[^\s<>\"'()\[\].,;:!?]|\b[a-z0-9][a-z0-9-]{1,62}\.(?:com|org|net|gov|edu|co\.uk|org\.uk|info|io|int)\b(?:/[^\s<>\"']*[^\s<>\"'.,;:!?)])?")),
    CueFamily("citation", "evidence_link",
              _re(r"\b(?:according to|(?:a |the |this |new |recent |latest |one )?(?:study|studies|survey|poll|report|research|data|statistics|stats|figures|census|records|documents)"
                  r" (?:shows?|showed|found|finds|indicates?|indicated|suggests?|suggested|reveals?|revealed|proves?|proved|published by|from the|by the)|"
                  r"(?:sources?|citations?|references?|ref):|peer[- ]reviewed|wikipedia|(?:see|read|check out|look at|look up) (?:the |this |my )?(?:link|article|report|study|data|source|video|paper))\b|"
                  r"\[\d{1,3}\]")),
    # personal anecdote ------------------------------------------------------------------------------
    CueFamily("first_person_story", "personal_anecdote",
              _re(r"\b(?:I (?:was born|grew up|lived|worked|served|spent|remember when|met|visited|taught|raised|lost my|used to|have lived|have worked|'ve lived|'ve worked|once)|"
                  r"when I was|in my (?:experience|day|youth|town|family|job|career|lifetime|years)|(?:years|decades) ago,? I|back in (?:the )?(?:19|20)\d\d?s?,? I|"
                  r"as an? (?:veteran|teacher|nurse|doctor|mother|father|parent|former \w+|police officer|cop|soldier|lawyer|physician|scientist|immigrant|small business owner|farmer|retired \w+))\b")),
    CueFamily("my_people", "personal_anecdote",
              _re(r"\bmy (?:wife|husband|son|daughter|kids?|children|mother|mom|mum|father|dad|parents?|family|brother|sister|uncle|aunt|cousin|grand(?:father|mother|parents?|pa|ma|son|daughter|kids)|"
                  r"(?:best )?friends?|neighbou?rs?|boss|co-?workers?|colleagues?|doctor|hometown|own experience)\b")),
    # praise / thanks ----------------------------------------------------------------------------------
    CueFamily("thanks", "praise_thanks", _re(r"\b(?:thank you|thanks(?! to\b)|thx|many thanks|much appreciated|I (?:really )?appreciate (?:this|your|you|the))\b"),
              prefilter=r"(?i)thank you|thanks|thx|much appreciated|appreciate"),
    CueFamily("praise", "praise_thanks",
              _re(r"\b(?:(?:great|excellent|good|brilliant|superb|wonderful|fantastic|insightful|thoughtful|informative|fine|terrific|outstanding) (?:article|piece|post|job|work|reporting|journalism|point|comment|read|write-?up|analysis|summary|interview|story|column|op-?ed)|"
                  r"well (?:said|written|done|put|argued|researched|stated)|kudos|bravo|hats off|spot on|nailed it|keep up the good work|"
                  r"good for (?:you|him|her|them)|I (?:applaud|admire|salute) (?:you|this|your|the|him|her))\b")),
    # profanity / insult ---------------------------------------------------------------------------------
    CueFamily("profanity", "profanity_insult", lexicon_regex(W.PROFANITY)),
    CueFamily("insult_label", "profanity_insult", lexicon_regex(W.INSULT_LABELS), context=is_label_use),
    CueFamily("curse_phrase", "profanity_insult",
              _re(r"\b(?:(?:go to|burn in|rot in) hell|piece of (?:shit|crap|garbage|trash|work)|shut (?:the \w+ )?up|screw (?:you|them|him|her|this))\b")),
    # us versus them ----------------------------------------------------------------------------------
    CueFamily("othering", "us_vs_them",
              _re(r"\b(?:(?:these|those|you|such) people|people like (?:you|them|him|her|that)|(?:their|your|his) (?:kind|ilk|lot)|us (?:vs\.?|versus|against) them|"
                  r"(?:us|we) and them|them and us|them vs\.? us|the other side|the enemy within|enem(?:y|ies) of (?:the people|the state|freedom|america|democracy)|"
                  r"(?:they|them) (?:hate|despise) (?:us|our|america|freedom)|they (?:want|are trying|plan) to (?:destroy|take|replace|silence|disarm|control|erase) (?:us|our|you|your))\b")),
    CueFamily("group_as_actor", "us_vs_them",
              _re(r"\bthe (?:left|right|libs|liberals|leftists|conservatives|democrats|dems|republicans|elites?|globalists|establishment|media|progressives|globalists)"
                  r" (?:wants?|hates?|will never|won['’]t|don['’]t|doesn['’]t|always|never|are trying|is trying|just|only care)\b")),
    CueFamily("ingroup_appeal", "us_vs_them",
              _re(r"\b(?:(?:real|true|ordinary|hard-?working|decent|patriotic|everyday) (?:americans|brits|britons|canadians|australians|citizens|patriots|christians|folks|taxpayers)|"
                  r"we the people|our (?:great )?(?:country|nation|way of life|culture|heritage|borders|homeland|republic|sovereignty|flag|values|constitution|troops|heroes|freedoms?)|"
                  r"(?:true|real|great) patriots?|the (?:american|british|canadian|australian|irish|french|german|italian|polish|hungarian|russian|israeli|indian) people|"
                  r"(?:we|fellow|as) (?:americans|brits|britons|canadians|australians|citizens|patriots)|god bless (?:america|our troops)|make america great|america first|"
                  r"(?:our )?founding fathers)\b")),
)

FAMILY_BY_NAME: dict[str, CueFamily] = {f.name: f for f in FAMILIES}

_unknown = {f.tag for f in FAMILIES} - set(RHETORIC_TAGS)
if _unknown:  # a typo in a tag name must fail at import, not produce an off-schema tag
    raise ValueError(f"cue families fire tags outside schema.RHETORIC_TAGS: {_unknown}")


def families_of_cue(tag: str, cue: str) -> list[str]:
    """The names of the families of `tag` whose pattern matches the whole cue.

    Evidence keeps only the schema tag; this recovers the finer reason from the cue's words, e.g.
    to tell name-calling labels apart from other loaded words.
    """
    out = []
    for fam in FAMILIES:
        if fam.tag == tag and fam.pattern.fullmatch(cue) and (fam.accept is None or fam.accept(cue)):
            out.append(fam.name)
    return out
