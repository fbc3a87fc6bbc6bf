"""Does a stretch of text read like a person talking to other people?

Comment threads are full of short replies ("So true.", "Source?", "This.", "lol no") that carry
none of the pronouns of longer comments. Link titles, teasers and menu labels under a header
shape rarely ask, exclaim, laugh or answer; so besides the words of conversation (I, you, we)
we take a question, an exclamation, a reply word or an "@name" addressing someone as talk, unless
the text is a Title Case headline.
"""

from __future__ import annotations

import re
from typing import Final

from replyscope.split.caches import line_cache, line_dict
from replyscope.split.chrome import is_chrome, is_content
from replyscope.split.lines import lower_of
from replyscope.split.patterns import BULLETS, CONVERSATIONAL_LOWER_FAST, WORD, LiteralGate, ends_sentence

# Words of chat, which headlines and teasers do not use: laughter, slang, abbreviations.
CHAT_WORDS: Final = re.compile(
    r"\b(?:lol+|lmao|lmfao|rofl|haha\w*|hah|heh|yeah|yep|yup|nope|nah|omg|wtf|smh|ugh|meh|sigh|"
    r"hmm+|imo|imho|tbh|fwiw|iirc|afaik|thx|pls|plz|gonna|wanna|dunno|amen|bingo)\b"
)
# A very short text made of an answer word is a reply: "So true.", "This.", "Agreed", "Source".
SHORT_ANSWER: Final = re.compile(
    r"\b(?:yes|no|agreed?|exactly|indeed|true|this|same|wow|absolutely|totally|seriously|really|"
    r"right|wrong|nonsense|rubbish|ridiculous|sad|pathetic|hilarious|nice|great|awesome|cool|"
    r"thanks|source|citation|proof|well said|spot on|good point|ok|okay|sure|whatever|about time)\b"
)
SHORT_ANSWER_CHARS: Final = 40
# A question, or an exclamation ending the line, or a reply opening with "@name" ("Yahoo! Sports"
# and "Jeopardy! tonight" are names, not exclamations).
ASKS_OR_EXCLAIMS: Final = re.compile(r"[?!]+[\"”')]*$|\?\s|^@\w")
# A reply addressed to someone by handle, anywhere in it: "@name ...", ".@name", "... @name @other".
# Link titles and menu labels do not address people; an e-mail address ("me@host.org") is no handle.
ADDRESSES: Final = re.compile(r"(?:^|[\s.(\"“'‘])@[A-Za-z0-9_]{2,30}\b")
_SMALL_WORDS: Final = frozenset("a an and as at by for from in of on or the to vs with".split())
# A first line at most this long may be a short reply ("Source?", "What a great idea!"); teasers in
# link lists ask and exclaim too, but at headline length.
SHORT_REPLY_CHARS: Final = 60
# How many of a comment's first lines are read for talk.
TALK_LINES: Final = 7
# Chat words count in a first line up to this long.
CHAT_LINE_CHARS: Final = 200


# A line in capitals throughout shows no case to read Title Case from: a heading in capitals is a
# label of a few words ("YOU MAY ALSO LIKE"), a longer one is a reader shouting a sentence.
CAPS_HEADING_MAX_WORDS: Final = 8
_LEADING_HANDLES: Final = re.compile(r"^(?:@\w+[\s,:]*)+")


# (its verdicts cached in a dict it reads itself: see caches.line_dict; the windows under a page's
# headers overlap, and their lines are read for talk once per window and per format tried)
_IS_HEADLINE_CACHE: Final[dict[str, bool]] = line_dict()


def is_headline(s: str) -> bool:
    """A line in Title Case (3 to 16 words, most capitalised): a link title, not what someone wrote.
    A line in capitals reads as one only up to CAPS_HEADING_MAX_WORDS words."""
    known = _IS_HEADLINE_CACHE.get(s)
    if known is None:
        known = _IS_HEADLINE_CACHE[s] = _is_headline_uncached(s)
    return known


def _is_headline_uncached(s: str) -> bool:
    if s[-1] == "." and not s.endswith("...") or s.count(" ") > 20:
        return False  # (cheap exits: a sentence's full stop, or far more than 16 words)
    if (s.isupper() or s[0] == "@" and _LEADING_HANDLES.sub("", s).isupper()) and len(WORD.findall(s)) > CAPS_HEADING_MAX_WORDS:
        return False  # (the handles a reply opens with keep their own case: "@jo_lake WHY WOULD YOU ...")
    return is_title_case(s)


def is_title_case(s: str) -> bool:
    """3 to 16 words, at least 80% of those that are not small words capitalised."""
    # (the words read one by one, not all found first: the answer is no as soon as a 17th word is
    # read, or as soon as the words not capitalised are too many for 80% even were every word up to
    # the 16th capitalised: a sentence says so within its first words)
    n_words = big = capitalised = 0
    for m in WORD.finditer(s):
        n_words += 1
        if n_words > TITLE_MAX_WORDS:
            return False
        w: str = m.group()  # (typed: its methods are then native calls, compiled)
        if w.lower() not in _SMALL_WORDS:
            big += 1
            if w[0].isupper():
                capitalised += 1
            else:
                best = capitalised + TITLE_MAX_WORDS - n_words
                if best < 0.8 * (best + big - capitalised):
                    return False
    return n_words >= 3 and big > 0 and capitalised >= 0.8 * big


# The most words a line in Title Case has (is_title_case).
TITLE_MAX_WORDS: Final = 16


# Words by which a reader passes judgement on a person, a piece or a view: insults and verdicts.
# Short replies under a Disqus bullet often say nothing else ("Another sore loser.", "Utter drivel")
# and have no I/you; a list item or a link title rarely calls anyone a troll.
VERDICT_WORDS: Final = re.compile(
    r"\b(?:losers?|trolls?|idiots?|idiotic|morons?|moronic|stupid(?:ity)?|dumb|drivel|nonsense|rubbish|garbage|"
    r"pathetic|disgrace(?:ful)?|shameful|ridiculous|absurd|liars?|hypocrit(?:e|es|ical)|clowns?|disgusting|"
    r"whin(?:e|es|ing|er|ers)|cry ?bab(?:y|ies)|snowflakes?|sheeple|shills?|propaganda|bias(?:ed)?|hogwash|"
    r"baloney|bs|crap|lame|laughable|delusional|clueless|ignorant|ignorance)\b"
)


def judges(window: list[str]) -> bool:
    """Whether the first lines under a header pass judgement (VERDICT_WORDS) in a sentence.

    The line must end as a sentence does: a headline or link title that uses the same words
    ("Minister dismisses report as rubbish") has no closing stop, and no Title Case either.
    """
    texts = [t for t in window if t][:TALK_LINES]
    return any(_judging_sentence(t) for t in texts)


# (its verdicts cached in a dict it reads itself: see caches.line_dict; the windows overlap)
_JUDGING_SENTENCE_CACHE: Final[dict[str, bool]] = line_dict()


def _judging_sentence(t: str) -> bool:
    """Whether non-blank line `t` passes judgement (VERDICT_WORDS) in a sentence, not bulleted, no headline."""
    known = _JUDGING_SENTENCE_CACHE.get(t)
    if known is None:
        known = _JUDGING_SENTENCE_CACHE[t] = (
            t[0] not in BULLETS and ends_sentence(t) and VERDICT_WORDS.search(t.lower()) is not None and not is_headline(t)
        )
    return known


def _line_at(texts: tuple[str, ...], offset: int) -> int:
    """Index of the line holding `offset` in " ".join(texts)."""
    end = -1
    for k, t in enumerate(texts):
        end += len(t) + 1
        if offset <= end:
            return k
    return len(texts) - 1


def talks(window: list[str]) -> bool:
    """Whether the lines under a comment header (`window`, blanks and chrome allowed) read like talk.

    Words of conversation count in any of its first TALK_LINES lines of text; the cues of a short
    reply only in the first line of text, the one a reply is made of.
    """
    texts = tuple([t for t in window if t][:TALK_LINES])
    return bool(texts) and texts_talk(texts)


# How a line reads for words of conversation (CONVERSATIONAL_LOWER_FAST in its lower case), cached
# per line: a page's windows are mostly distinct, but they overlap, so their lines repeat.
_NO_TALK_WORD: Final = 0
_TALK_WORD: Final = 1
# The line changes length when lower-cased ("İ" becomes two characters): offsets into the joined
# lower text no longer fall on the same lines (see texts_talk, which reads such windows as before).
_LOWER_RESIZES: Final = 2
# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_TALK_WORD_CACHE: Final[dict[str, int]] = line_dict()


def _talk_word(t: str) -> int:
    known = _TALK_WORD_CACHE.get(t)
    if known is None:
        low = lower_of(t)  # (shared with the line's other readers: body's lower-cased ones, the "thank" of the next)
        if len(low) != len(t):
            known = _LOWER_RESIZES
        elif CONVERSATIONAL_LOWER_FAST.search(low) is not None:
            known = _TALK_WORD
        else:
            known = _NO_TALK_WORD
        _TALK_WORD_CACHE[t] = known
    return known


def _talks_alone(t: str) -> bool:
    """Whether line `t` alone holds a word of conversation (CONVERSATIONAL_LOWER_FAST)."""
    code = _talk_word(t)
    return code == _TALK_WORD or code == _LOWER_RESIZES and CONVERSATIONAL_LOWER_FAST.search(t.lower()) is not None


def _first_talk_line(texts: tuple[str, ...]) -> int:
    """Index of the line of the first CONVERSATIONAL_LOWER_FAST hit in " ".join(texts).lower(), -1
    for none, read from the lines' own (cached) verdicts.

    The same as searching the joined text: its lower case is the lines' lower case joined (a space
    breaks the context of a final sigma), a word's start and end read the same at a line's ends as
    next to the joining space, and the one hit that can run over a joint, "thank you" across two
    lines, leaves "you" opening the next line, a hit of its own. That case, and lines whose lower
    case changes length up to the hit (where the old offset arithmetic is kept), are searched as
    before. The lines past the first hit are not read, as the search of the joined text stops there."""
    for k, t in enumerate(texts):
        code = _talk_word(t)
        if code == _TALK_WORD:
            if k and lower_of(texts[k - 1]).endswith("thank"):  # (lower-cased already: read for its own words above)
                return _first_talk_line_joined(texts)
            return k
        if code == _LOWER_RESIZES:
            return _first_talk_line_joined(texts)
    return -1


def _first_talk_line_joined(texts: tuple[str, ...]) -> int:
    m = CONVERSATIONAL_LOWER_FAST.search(" ".join(texts).lower())
    return -1 if m is None else _line_at(texts, m.start())


@line_cache
def texts_talk(texts: tuple[str, ...]) -> bool:
    """talks() of a window's first lines of text (cached: the choice of a page's comment format
    reads the same comments' first lines once per format it tries, and again once it is extended)."""
    hit = _first_talk_line(texts)
    if hit >= 0:
        # a bulleted line under a header is an item of a list (a related story, a menu entry), and a
        # line in Title Case is a poll's or a link's title ("Do You Prefer The New Layout?"), not talk;
        # the line of the first hit is checked first (the headline test is the dear part)
        t = texts[hit]
        if t[0] not in BULLETS and not is_headline(t):
            return True
        if any(
            t[0] not in BULLETS and _talks_alone(t) and not is_headline(t)
            for t in texts
        ):
            return True
    joined = " ".join(texts)
    first = next((t for t in texts if not is_chrome(t)), "")
    if "@" in joined and not is_headline(first or joined) and ADDRESSES.search(joined) is not None:
        return True
    return _opens_short_reply(first)


# (its verdicts cached in a dict it reads itself: see caches.line_dict; a comment's first line opens
# the windows read under its header for each format tried, which differ further down)
_OPENS_SHORT_REPLY_CACHE: Final[dict[str, bool]] = line_dict()


def _opens_short_reply(first: str) -> bool:
    """Whether a window's first line of text (not chrome) shows the cues of a reply: words of chat,
    or, when short, a question, an exclamation or an answer word; and is no headline."""
    known = _OPENS_SHORT_REPLY_CACHE.get(first)
    if known is None:
        known = _OPENS_SHORT_REPLY_CACHE[first] = _opens_short_reply_uncached(first)
    return known


def _opens_short_reply_uncached(first: str) -> bool:
    n = len(first)
    if not n or n > CHAT_LINE_CHARS or first[0] in BULLETS:
        return False
    low = lower_of(first)  # (shared: _talk_word lower-cased the window's lines up to its first hit)
    # (the short line's cues first, searched in fewer characters: where one holds, the chat words
    # need not be searched)
    cue = n <= SHORT_REPLY_CHARS and (
        ASKS_OR_EXCLAIMS.search(first) is not None or n <= SHORT_ANSWER_CHARS and SHORT_ANSWER.search(low) is not None
    ) or CHAT_WORDS.search(low) is not None
    return cue and not is_headline(first)


# Hashtags, handles and links a post ends with ("... a major development! #SemST #tcot").
_TRAILING_TAGS: Final = re.compile(r"(?:\s+(?:[#@]\w+|https?://\S+))+\s*$")
_TRAILING_TAGS_GATE: Final = LiteralGate(_TRAILING_TAGS)
# A sentence a person wrote has at least this many words; menu labels and link titles are shorter.
SENTENCE_MIN_WORDS: Final = 8


def _names_own_words(own: set[str], joined: str) -> bool:
    """Whether a word of `joined` (WORD), lower-cased, is one of `own` (lower-cased words).

    Own words in ASCII are first looked for in `joined` lower-cased, as plain strings: a word that
    lower-cases to one of them lower-cases so inside `joined` too (lower-casing is character by
    character but for the final sigma, which lower-cases to no ASCII letter), so where none is
    found no word is one of them, and the words of a whole window are not read (most windows)."""
    if all(w.isascii() for w in own):
        low = joined.lower()
        if not any(w in low for w in own):
            return False
    said: list[str] = WORD.findall(joined)
    return bool(own & {w.lower() for w in said})


def writes_sentences(window: list[str], name: str = "") -> bool:
    """Whether the first lines under a header hold a statement in sentence case: a full stop or an
    exclamation closing eight or more words (trailing hashtags and links aside), neither a Title
    Case headline nor a bulleted item, that does not name the header it stands under.

    Said plainly, an opinion ("The statistics show that ...") carries no word of chat, but it is
    still written as sentences, which menus, link lists and titles are not. Two things that are
    also written in sentences are told apart: a teaser asks a question under its link ("Could
    technology help ...?"), and a sidebar's blurb describes the item it is under ("Sinica is a
    weekly podcast ..." under "Sinica podcast"), where a reader does not write their own name.
    """
    texts = [t for t in window if t][:TALK_LINES]
    named: list[str] = WORD.findall(name)  # (typed: each word's methods are then native calls, compiled)
    own = {w.lower() for w in named if len(w) > 3}
    if own and _names_own_words(own, " ".join(texts)):
        return False
    for t in texts:
        if t[0] in BULLETS or is_chrome(t):
            continue
        # (no "#", "@" or "http" in the line, nothing for _TRAILING_TAGS to take off: its literals, read from it)
        core = (_TRAILING_TAGS.sub("", t) if _TRAILING_TAGS_GATE.admits(t) else t).rstrip()
        if core[-1:] in ".!" and not core.endswith("...") and len(WORD.findall(core)) >= SENTENCE_MIN_WORDS and not is_headline(core):
            return True
    return False


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_IS_WRITTEN_CACHE: Final[dict[str, bool]] = line_dict()


def is_written(s: str) -> bool:
    """A line a person wrote (chrome.is_content), or one that talks around an e-mail address.

    "could you email me at desk@example.com" is a reader's words; a bare contact line with an
    address is furniture (body.is_boilerplate_line), and it does not talk.
    """
    known = _IS_WRITTEN_CACHE.get(s)
    if known is None:
        known = _IS_WRITTEN_CACHE[s] = _is_written_uncached(s)
    return known


def _is_written_uncached(s: str) -> bool:
    return is_content(s) or "@" in s and s[0] not in "«»" and talks([s])


# Letters past Latin Extended-B (U+024F) are another script's (Greek, Cyrillic, Arabic, Devanagari,
# CJK...), but for the Latin Extended Additional block (U+1E00-U+1EFF: Vietnamese letters).
_LATIN_END: Final = 0x24F
_LATIN_ADDITIONAL: Final = (0x1E00, 0x1EFF)
_ASCII_RUNS: Final = re.compile(r"[\x00-\x7f]+")
# The fewest words of a Latin-script line read for its language (a name of two words says nothing).
OTHER_LANGUAGE_MIN_WORDS: Final = 3
# English words of grammar: an English sentence of three words or more holds one of them nearly
# always, a sentence in Turkish, Polish or Vietnamese none.
_ENGLISH_GRAMMAR: Final = frozenset(
    "a an the and or but if of to in on at by for with from as is are was were be been am do does did "
    "not no it its this that these those there here i you he she we they me my your his her our their "
    "what who how why when so just all can will would should could have has had".split()
)


# (its verdicts cached in a dict it reads itself: see caches.line_dict)
_IN_OTHER_LANGUAGE_CACHE: Final[dict[str, bool]] = line_dict()


def in_other_language(s: str) -> bool:
    """Whether line `s` is written in another language than English, as far as its letters show:
    most of its letters in another script than Latin ("Полностью согласен"), or three words or more
    with a letter beyond ASCII among them and no English word of grammar ("Bu haber tamamen yanlış").

    The words of talk (talks) are English: a reply in another language shows none of them, and
    says nothing about whether the lines under a header talk or list (see choose._conversational_share)."""
    if s.isascii():
        return False  # (plain ASCII is read as English, below: most lines, told at once)
    known = _IN_OTHER_LANGUAGE_CACHE.get(s)
    if known is None:
        known = _IN_OTHER_LANGUAGE_CACHE[s] = _in_other_language_uncached(s)
    return known


def _in_other_language_uncached(s: str) -> bool:
    # (the characters past ASCII looked at one by one, which are few on most lines, a curly quote or
    # a dash: with no letter among them the line is read as English whatever its letters, and they
    # are not counted, a pass over a long comment's every character)
    # (the characters past ASCII as one string, the ASCII runs taken out: a scan sre makes by runs,
    # where finding each of them alone stopped at every character)
    beyond = _ASCII_RUNS.sub("", s)
    if not any(ch.isalpha() for ch in beyond):
        return False
    other = sum(1 for ch in beyond if ord(ch) > _LATIN_END and ch.isalpha() and not _LATIN_ADDITIONAL[0] <= ord(ch) <= _LATIN_ADDITIONAL[1])
    # (the letters counted only as far as the verdicts below read them: 2, fewer says no; and with
    # letters of another script, twice their number, which most letters of the line outnumber)
    need = max(2, 2 * other)
    n_letters = 0
    for ch in s:
        if ch.isalpha():
            n_letters += 1
            if n_letters >= need:
                break
    if n_letters < 2:
        return False
    if other * 2 > n_letters:
        return True
    if other:
        return False  # (a few letters of another script in Latin words)
    # (the words read one by one up to the first English word of grammar, which says no wherever it
    # stands: most such lines are English with a name or a word from abroad in them, "café")
    n_words = 0
    for m in WORD.finditer(s):
        w: str = m.group()  # (typed: its methods are then native calls, compiled)
        if w.lower() in _ENGLISH_GRAMMAR:
            return False
        n_words += 1
    return n_words >= OTHER_LANGUAGE_MIN_WORDS


# A name alone: one to three capitalised words or initials ("Mara Quell", "J. Hollin"), or one
# handle ("kettle_drum", "dunewalker").
_LONE_NAME: Final = re.compile(r"^(?:(?:[A-Z][a-z'’-]+|[A-Z]\.)(?:\s(?:[A-Z][a-z'’-]+|[A-Z]\.)){0,2}|@?[A-Za-z][A-Za-z0-9_]{2,30})$")


def is_lone_name(s: str) -> bool:
    """Whether line `s` is a name alone, as a reply that answers "who?" with one is, or a header's
    name line: neither talk nor a list's title (talk.is_headline wants three words and more)."""
    return len(s) <= 40 and _LONE_NAME.match(s) is not None
