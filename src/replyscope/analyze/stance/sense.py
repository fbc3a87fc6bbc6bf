"""Whether a falsity or agreement word is used, at that spot, to judge what is said.

"wrong", "fake", "lies" or "made up" deny a report only in their judging sense. Comment sections
use the same words about everything else, and a reader pointing at them as the comment's denial
would be pointing at the wrong thing:

- describing a thing, not judging a claim: "got on the wrong bus", "took a wrong
  turn", "a fake fur coat" (the adjective sits before its noun);
- another verb: "the fault lies with the council", "lying on the beach",
  "I made up a song for my kids";
- said of the speaker: "I'm still alive", "we are fine" (that tells about the speaker; "he is
  still alive" under a report of his death does deny it);
- the report's own words: under "Ten Tests Are Not Enough", a comment that
  repeats them quotes the headline; it does not call it false;
- quoted: words inside quotation marks are someone else's, mentioned ("the 'leaked memo'
  line", "'fake' is what they called it");
- negated: "no doubt", "you're not wrong", "it isn't a lie" say the opposite of the cue;
- "wrong" as fault or misdeed, not falsity: "nothing wrong with helping", "what went wrong",
  "it would be wrong to throw it away";
- a status word under a report of no harm: "I hope your family is safe", "jazz is
  alive and well" deny nothing unless the report tells of death, injury or danger;
- "X is not a Y" said of a thing other than the report ("Cooking is not a science",
  "waiting is not an option"): only with a pronoun subject ("this is not a
  terrorist attack", "it's not the flag") does it deny what was reported.

Each check is grammar or punctuation around the cue, not a list of topics.
"""

from __future__ import annotations

import re

# Falsity adjectives that also describe things ("the wrong bus", "a fake fur coat").
_ADJECTIVE = re.compile(r"(?i)^(?:wrong|fake|false|untrue|incorrect|inaccurate|misleading|bogus|phony|phoney)$")
# What a claim is called: before these nouns the adjective still judges what was said
# ("fake news", "false claim", "wrong information", "a false alarm").
_CLAIM_NOUN = re.compile(
    r"(?i)^(?:news|claims?|story|stories|reports?|reporting|info|information|facts?|figures?|numbers?|data|statistics?|stats|"
    r"headlines?|narratives?|rumou?rs?|alarm|accusations?|allegations?|statements?|quotes?|article|title|account|picture|photos?|image|video|"
    r"premise|assumption|conclusions?|analysis|reasoning|argument|point|idea|impression)$"
)
# A word after the adjective that is not a noun it could modify: the adjective is predicative
# ("wrong about", "wrong, he ...", "fake and", "wrong to say").
_FUNCTION_WORD = re.compile(
    r"(?i)^(?:about|on|with|to|in|for|of|at|by|that|this|and|or|but|so|as|if|again|here|there|now|then|because|since|though|"
    r"when|where|is|are|was|were|be|it|he|she|they|you|we|i|not|too|also|either|anyway|though|imo|lol|rand)$"
)
# Before the adjective: a determiner or possessive makes it attributive ("the wrong bus").
_DETERMINER_BEFORE = re.compile(
    r"(?i)\b(?:the|a|an|this|that|these|those|my|your|his|her|its|our|their|some|any|another|every|each|no|one|such)"
    r"(?:\s+(?:very|really|totally|completely|entirely|so|quite|same|whole|\w+ly))?\s+$"
)
# Before the adjective: a copula or "you're" makes it a judgement ("is wrong", "you're wrong").
_COPULA_BEFORE = re.compile(r"(?i)\b(?:is|are|was|were|be|been|being|'s|’s|'re|’re|am|seems?|looks?|sounds?|totally|so|all|just|dead|plain)\s+$")
_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w'’-]*)")

# Other verbs spelt like falsity words: "lies with / in / ahead", "lying on / in / down / awake",
# "made up for / made up of / made up with / made up my mind" ("made up a story" stays falsity).
_LIE_LOCATED = re.compile(
    r"(?i)\s+(?:with|in|within|on|upon|at|ahead|behind|beneath|beyond|between|elsewhere|there|here|down|awake|around|"
    r"flat|still|low|dormant|next|under|across|along)\b"
)
_MADE_UP_ACTIVE = re.compile(
    r"(?i)\s+(?:for|of|with|(?:my|your|his|her|our|their|one'?s) minds?)\b"
)
# Who a clause is about when its subject is a person in the conversation: the speaker ("I'm still
# alive", "we were fine", "I made up a song") or the one addressed ("you didn't see it"). One
# list for every check that asks it (about_speaker here; claim.py's negations about a person).
SPEAKER = r"(?:i|i['’]?m|i am|i was|i['’]?ve|i['’]?d|i['’]?ll|we|we['’]?re|we are|we were|we['’]?ve|we['’]?d|we['’]?ll|me|myself)"
ADDRESSEE = r"(?:you|you['’]?re|you are|you were|you['’]?ve|you['’]?d|you['’]?ll)"
_PERSON_GAP = r"\s+(?:[\w()'’]+\s+){0,2}$"  # at most two words between the person and the cue
_SPEAKER_BEFORE = re.compile(r"(?i)\b" + SPEAKER + _PERSON_GAP)
PERSON_BEFORE = re.compile(r"(?i)\b(?:" + SPEAKER + "|" + ADDRESSEE + ")" + _PERSON_GAP)
_SPEAKER_WORDS = re.compile(r"(?i)^(?:still alive|alive|safe|fine|lying|lies|made up|is safe|are safe|was fine|were fine|is fine|are fine|"
                            r"is alive|are alive|was alive|were alive)$")

_QUOTE_PAIRS = (("\"", "\""), ("“", "”"), ("«", "»"))
QUOTE_MAX = 300  # a quotation longer than this is more likely an unbalanced quote mark


# "false flag": an attack staged to be blamed on others, said of the reported event (an idiom,
# so it judges the report although "flag" is no claim noun: "the wrong flag" describes a flag).
_STAGED = re.compile(r"(?i)\s+flag\b")


def attributive(text: str, start: int, end: int) -> bool:
    """A falsity adjective before the noun it describes ("the wrong bus"), not a judgement."""
    word = text[start:end].strip()
    if not _ADJECTIVE.match(word):
        return False
    if word.lower() == "false" and _STAGED.match(text, end):
        return False
    before = text[max(0, start - 40) : start]
    if _COPULA_BEFORE.search(before):
        return False
    nxt = _NEXT_WORD.match(text, end)
    if nxt is None or _FUNCTION_WORD.match(nxt.group(1)) or _CLAIM_NOUN.match(nxt.group(1)):
        return False
    # A capitalised word after it is a name addressed or a new sentence ("You're wrong Rand"),
    # unless a determiner before shows the adjective belongs to a noun phrase.
    if nxt.group(1)[0].isupper() and not _DETERMINER_BEFORE.search(before):
        return False
    return True


def other_verb(text: str, start: int, end: int) -> bool:
    """"lies" / "lying" / "made up" in their other senses (to be located, to recline, to invent)."""
    word = text[start:end].lower()
    if word in ("lies", "lying"):
        return _LIE_LOCATED.match(text, end) is not None
    if word == "made up":
        return _MADE_UP_ACTIVE.match(text, end) is not None
    return False


_SPEAKER_WRONG_AFTER = re.compile(r"(?i)\s+(?:i|we)\s+(?:was|were|am|are|had been|have been)\b")


def about_speaker(text: str, start: int, end: int) -> bool:
    """A falsity word whose subject is the speaker ("I'm still alive", "I made up a song", "how
    wrong I was")."""
    word = text[start:end].strip().lower()
    if word == "wrong" and _SPEAKER_WRONG_AFTER.match(text, end):
        return True
    if not _SPEAKER_WORDS.match(word):
        return False
    return _SPEAKER_BEFORE.search(text[max(0, start - 24) : start]) is not None


def quoted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] sits inside a quotation on its line: someone else's words, mentioned."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    for opening, closing in _QUOTE_PAIRS:
        if opening == closing:
            before = text[line_start:start].count(opening)
            if before % 2 == 1 and closing in text[end:line_end]:
                left = text.rfind(opening, line_start, start)
                right = text.find(closing, end, line_end)
                if right - left <= QUOTE_MAX:
                    return True
        else:
            left = text.rfind(opening, line_start, start)
            if left >= 0 and text.rfind(closing, left, start) < 0:
                right = text.find(closing, end, line_end)
                if right >= 0 and right - left <= QUOTE_MAX:
                    return True
    return False


# Scare quotes: a word or two set in quotation marks of either kind, single ones too ("they
# 'confirmed' it", "the “fake” photo"): the writer mentions the word and distances themselves
# from it, so it is not their own confirmation or denial. An apostrophe is no quote mark: the
# opening one follows a space or bracket (or starts the text), the closing one precedes a space,
# punctuation or the end.
_SCARE_OPEN = re.compile(r"(?:^|[\s(\[])['‘\"“]((?:[^\s'‘’\"“”]+\s+){0,2})$")
_SCARE_CLOSE = re.compile(r"^((?:\s+[^\s'‘’\"“”]+){0,2})['’\"”](?=[\s.,!?;:)\]]|$)")


def scare_quoted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] sits in scare quotes: at most two words each side within them."""
    return _SCARE_OPEN.search(text[max(0, start - 40):start]) is not None and _SCARE_CLOSE.match(text[end:end + 40]) is not None


_WORDS = re.compile(r"[a-z0-9]+")


def echoes_claim(cue: str, claim: str) -> bool:
    """Whether a deny cue's words are the claim's own words, in order ("not enough" under
    "Ten Tests Are Not Enough"): repeating a headline is quoting it, not calling it false."""
    words = _WORDS.findall(cue.lower())[:2]
    if not words or not claim:
        return False
    return re.search(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b", claim.lower()) is not None


# Negation words, one definition for every check that asks (contractions spelt out, "doesn't",
# "dont": a bare "\w+nt" would take "president", "government" or "want" for one).
# FACT_NEGATOR says that something is not or did not happen ("not", "never", "isn't", "didnt",
# "nobody"): claim.py reads the report's own words after it as disputed ("he wasn't armed"). A
# negated modal or plan ("won't help", "can't be", "don't need a warrant") says what will, may or
# must not be: read as denial too, those gave 4 new denies on the tune half of the dev threads
# and 6 on the other, none of them right. NEGATOR adds them, and the negating determiners and
# prepositions ("no doubt", "without proof"), for NEGATED_BEFORE: a negation just before a cue
# (an article, adverb or auxiliary at most between, two at most): "no doubt", "not wrong",
# "isn't a lie", "not entirely false", "have not confirmed", "no confirmation yet", "can't
# confirm". ("No, he is not ..." is no such negation.) It serves deny cues here and support cues
# in claim.py.
FACT_NEGATOR = (
    r"\b(?:not|never|nobody|nothing|(?:is|was|are|were|did|does|has|have)n['’]?t)"
)
NEGATOR = (
    r"(?:\b(?:no|without|hardly|yet to)\b|" + FACT_NEGATOR + r"|\b\w+n['’]t|"
    r"\b(?:do|ca|wo|had|could|would|should|ai)nt)"
)
_NEGATION_GAP = (
    r"(?:(?:a|an|the|really|entirely|completely|totally|all|necessarily|so|that|quite|yet|even|one|"
    r"be|been|being|is|was|are|were|has|have|had|\w+ly)\s+){0,2}"
)
NEGATED_BEFORE = re.compile(r"(?i)" + NEGATOR + r"\s+" + _NEGATION_GAP + "$")
# "wrong" as a fault or misdeed: "nothing / anything / something wrong", "wrong with", "went
# wrong", "wrong to <do>" (but "wrong to say / claim / think" judges what was said).
_FAULT_BEFORE = re.compile(r"(?i)\b(?:nothing|anything|something|what'?s|go|goes|going|gone|went|got|get|gets)\s+(?:\w+\s+)?$")
_FAULT_AFTER = re.compile(r"(?i)\s+(?:with\b|to\s+(?!(?:say|claim|suggest|think|assume|believe|state|write|report|call|blame|imply)\b)\w+)")
# "X is not a / was not the": the subject just before must point at the report or its subject.
_COPULAR_NEGATION = re.compile(r"(?i)^(?:is|was) not (?:a|an|the)$")
_PRONOUN_SUBJECT_BEFORE = re.compile(r"(?i)(?:^|[.!?,;:\n]\s*|\b(?:this|that|it|he|she|they|which|what|there|no|nope|so|and|but)\s+)$")


def negated(text: str, start: int, end: int) -> bool:
    """A deny cue under a negation ("no doubt", "not wrong"): it says the opposite."""
    return NEGATED_BEFORE.search(text[max(0, start - 40) : start]) is not None


def fault_sense(text: str, start: int, end: int) -> bool:
    """"wrong" as fault or misdeed ("nothing wrong with it", "what went wrong", "wrong to leave")."""
    if text[start:end].lower() != "wrong":
        return False
    return _FAULT_BEFORE.search(text[max(0, start - 30) : start]) is not None or _FAULT_AFTER.match(text, end) is not None


# "this is not a surprise / no secret / not the first time": the report is called expected, which
# grants it (the opposite of disputing it).
_EXPECTED_AFTER = re.compile(r"(?i)\s+(?:(?:big |real |huge |great |total )?(?:surprise|shock|secret|mystery)|first time)\b")


def other_subject(text: str, start: int, end: int) -> bool:
    """"X is not a Y" where X is not a pronoun pointing at the report ("Cooking is not a science"),
    or where Y calls the report expected ("this is not a surprise")."""
    if not _COPULAR_NEGATION.match(text[start:end]):
        return False
    if _EXPECTED_AFTER.match(text, end):
        return True
    return _PRONOUN_SUBJECT_BEFORE.search(text[max(0, start - 30) : start]) is None


# "alive", "safe", "fine" contradict only a report of harm ("... dead", "hostages", "shot").
_STATUS = re.compile(r"(?i)(?:alive|safe|fine)$")
_HARM = re.compile(
    r"(?i)\b(?:dead|death|deaths|died|dies|dying|kill\w*|shot|shoot\w*|gunm[ae]n|injur\w*|hurt|wound\w*|missing|hostages?|kidnap\w*|"
    r"attack\w*|bomb\w*|explosion|blast|crash\w*|fire|danger\w*|threat\w*|victims?|casualt\w*|sick|ill|hospital\w*|collapse\w*|siege|"
    r"arrest\w*|murder\w*|stabb\w*|drown\w*|disease|ebola|virus|outbreak|emergency|evacuat\w*)\b"
)


def status_without_harm(text: str, start: int, end: int, claim: str | None) -> bool:
    """"is safe", "still alive" under a report that tells of no harm: no contradiction of it."""
    return _STATUS.search(text[start:end]) is not None and not (claim and _HARM.search(claim))


def judging(text: str, start: int, end: int, claim: str | None = None) -> bool:
    """Whether the deny cue at text[start:end] judges what is said (see the module docstring)."""
    if attributive(text, start, end) or other_verb(text, start, end) or about_speaker(text, start, end):
        return False
    if status_without_harm(text, start, end, claim):
        return False
    if negated(text, start, end) or fault_sense(text, start, end) or other_subject(text, start, end):
        return False
    if quoted(text, start, end) or scare_quoted(text, start, end):
        return False
    return not (claim and echoes_claim(text[start:end], claim))


# ---- agreement words -------------------------------------------------------------------------
# "knew it", "told you so", "obviously", "agreed" agree with the report only as the speaker's own
# reaction to it. Said of someone else ("they knew it was coming"), as an adverb inside a clause
# ("there's obviously problems", "your obviously well-written posts"), of the speaker's own plans
# ("it's about time I went") or as a verb with an object ("have agreed a price") they are
# not agreement; "I was telling my cousin about your trip" tells nothing.
# Who knew: the speaker, everyone, or no one named ("Knew it!", "we all knew", "I always knew").
_KNOWER_BEFORE = re.compile(r"(?i)(?:^|[.!?\n(]\s*|\b(?:i|we|all|everyone|everybody|you|y'?all|us|always|already|just|so|and|but)\s+)$")
_AS_KNOWN_BEFORE = re.compile(r"(?i)\bas\s+(?:i|we|you)\s+$")
_KNEW_FORMS = re.compile(r"(?i)^(?:knew|saw|seen|called it|(?:always|already|everyone|we all|long) )")
_TELLING = re.compile(r"(?i)(?:telling|saying|warning)$")
_TELLING_WHAT = re.compile(r"(?i)\s+(?:you|everyone|everybody|people|y'?all|this|that|it|for|all along|so)\b")
_SPEAKER_AFTER = re.compile(r"(?i)\s+(?:i|i'?m|i'?d|we|me|my)\b")
_AUXILIARY_BEFORE = re.compile(r"(?i)\b(?:have|has|had|having|was|were|been|be|is|are|they|he|she|who|which|it)\s+(?:\w+\s+)?$")
_STANDALONE_AFTER = re.compile(r"\s*(?:[.!,;:)\n]|$)")
_STANDALONE_BEFORE = re.compile(r"(?:^|[.!?\n])\s*$")


def agreeing(text: str, start: int, end: int) -> bool:
    """Whether the agreement or confirmation cue at text[start:end] is the speaker agreeing."""
    word = text[start:end].lower()
    before = text[max(0, start - 30) : start]
    if _KNEW_FORMS.match(word) and (not _KNOWER_BEFORE.search(before) or _AS_KNOWN_BEFORE.search(before)):
        return False  # "the airlines knew it was coming", "the town as I knew it"
    if _TELLING.search(word) and _TELLING_WHAT.match(text, end) is None:
        return False
    if word == "about time" and _SPEAKER_AFTER.match(text, end):
        return False
    if word == "obviously":
        # agreement only said as a reply of its own: "Obviously." / "Obviously, ..."
        return _STANDALONE_BEFORE.search(text[:start]) is not None and _STANDALONE_AFTER.match(text, end) is not None
    if word == "agreed" and _AUXILIARY_BEFORE.search(before):
        return False
    return True


__all__ = ["agreeing", "about_speaker", "attributive", "echoes_claim", "fault_sense", "judging", "negated", "other_subject", "other_verb", "quoted", "scare_quoted"]
