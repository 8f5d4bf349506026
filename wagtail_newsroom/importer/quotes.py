"""Stage 4: direct quotes, their speakers, and the people in the story.

A paragraph carries a quotation when it has direct speech *and* an attribution ("... ,” Ma
said", "said Jane Roe", "Peng told Reuters: “...”", "according to ..."), or continues a quote
left open by the paragraph before. Short quoted phrases without a speech verb next to them
("Big Brother", so-called “social credit”) are scare quotes, not speech. The paragraph stays a
paragraph and its text is never changed: the quotation is data beside it, as a newsroom sets
reported speech in the run of the story. Only a quotation the source set apart
(``<blockquote>``) is a quote block.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, replace

from .lexicon import DEFAULT_LEXICON, Lexicon
from .patterns import trie
from .pronouns import FEATURES, Candidate, Ranker, default_ranker
from .result import Author, BodyBlock, Person, Quotation, SpeakerKind

# "told jurors", "told The Huffington Post": whom the speaker told follows the verb.
_TOLD_WHOM = r"(?:\s+(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}|\w+))?"
_OPENERS = "“"
_QUOTED = re.compile(r"“([^“”]+)(?:”|$)")
_Q = "\u0000"  # stands in for a quoted span while looking for the attribution around it
_DOT = "\u2024"  # stands in for the dot of an abbreviation, which does not end a sentence
_ABBREVIATION = re.compile(
    r"\b(Dr|Mr|Mrs|Ms|Prof|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Det|Jr|Sr|Capt|"
    r"Cllr|Rev|No|[A-Z])\."
)
_WHO = r"(?P<who>[^\u0000.;:!?“”]{1,140}?)"
_FEMALE = re.compile(r"\b(?:she|her|hers|herself|Mrs|Ms|Miss)\b")
_MALE = re.compile(r"\b(?:he|him|his|himself|Mr)\b")
_CLAUSE_BREAK = re.compile(r"[.;:!?,\u0000]")
_NAME_WORD = r"[A-Z][\w’'\u2024-]+"
# The initials an organisation goes by ("NATO", "CNN", "UNICEF"), not a roman numeral
# ("John Smith III").
_ACRONYM = re.compile(r"(?![IVX]+\b)[A-Z]{2,6}")
_ACCORDING_TO = "according to"
# Attributions without a verb: "Jane Roe: “...”" (transcripts, live pages), "“...” — Jane Roe".
_COLON = re.compile(r"(?:^|[.;]\s+)(?P<who>[^\u0000.;:!?“”]{2,80}?)\s*:\s*" + _Q)
_DASH = re.compile(_Q + r"\s*[—–]\s*(?P<who>[^\u0000.;:!?“”]{2,80}?)\s*\.?$")
_QUOTES = re.compile(_Q)
_SENTENCE_START = re.compile(r"[.!?]\s+")
# Words that may open a sentence before a direct quote: "Sooner or later, “I think ...”".
_LEAD_IN_WORDS = 4
# How many paragraphs back, this one included, a "he said" looks for the person it means.
_PRONOUN_REACH = 4
# A quoted sentence of the speaker's own this long, set in the reporter's sentence, is speech
# even when no speech verb stands beside it ("Huckabee is labeling it “a blatant abuse of
# power”" is not; "Gerson calls Cruz a chameleon: “As a candidate, his superpower is ...”" is).
_SPOKEN_WORDS = 5
# "She said that “...”": reported speech that quotes the speaker's words, not direct speech.
_REPORTED = re.compile(r"\bthat")
# Between the speaker and the verb: "Trump reportedly said", "she quickly added".
_ADVERBS = re.compile(r"(?:\s+[a-z]+ly)+$")
_TEXT = ("paragraph", "quote")
# "speaking to reporters", "writing in the Post"; not a job ("managing editor").
_PARTICIPLE = re.compile(r"(?<!\S)[a-z]+ing\s+(?P<next>[\w’']+)")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
# A name and a verb the lexicon does not know right after the quote: "“...?” Beck pondered."
_NAME_THEN_VERB = re.compile(
    _Q + r"\s*,?\s*(?P<who>[A-Z][\w’'\u2024-]*(?:\s+[A-Z][\w’'\u2024-]*){0,3}),?\s+[a-z]+(?:ed|s)\b"
)


@dataclass(frozen=True)
class _Grammar:
    """The attribution patterns, built from a lexicon's speech verbs."""

    verbs: str
    after_quote: re.Pattern  # "“...,” Jane Roe said"
    verb_first: re.Pattern  # "“...,” said Jane Roe, a spokeswoman for the ministry."
    before_quote: re.Pattern  # "Jane Roe said: “...”", "Jane Roe said in a statement. “...”"
    according: re.Pattern  # "according to Jane Roe, a senior analyst at X"
    speech: re.Pattern  # any speech verb at all
    said: re.Pattern  # a speech verb right before the quote: "He said “we will ...”"
    # ... or a few words before a quote set off by a comma: "told his supporters, “our ...”"
    said_to: re.Pattern
    indirect: re.Pattern  # "analyst Jane Roe said ..." outside quotes
    # Name words, lower case: titles before a name that are the person's role ("senator"),
    # honorifics that are neither name nor role ("mr"), particles ("van"), and words that
    # open sentences but never names ("however", weekdays).
    titles: frozenset
    honorifics: frozenset
    particles: frozenset
    not_names: frozenset
    # Given names and titles, lower case, to the sex they nearly always are: "m" or "f".
    given_names: dict
    locations: frozenset  # words before a place or a time: "in", "since"
    organisation_words: frozenset  # "properties", "ministry": a body, not a person
    relative: re.Pattern  # "who", "qui": the clause after a role is not the role
    # Personal pronouns, lower case, to the sex they tell ("" for none): "he", "elle", "sie".
    pronouns: dict
    copulas: frozenset  # "is", "est", "ist": "Maria Lopez is a nurse"
    conjunction: re.Pattern  # " and ", " et ": what joins two roles
    determiners: re.Pattern  # "the", "our", "le", "der" before a role
    determiner_words: frozenset  # the same words, lower case, as a set
    role_prepositions: frozenset  # "of", "de": a role right after a name ("Roe of the ...")
    not_role: re.Pattern  # a verb: the reporter's sentence, not a description
    # "a-t-il confié", "dit-elle": a verb and its pronoun inverted.
    inverted: re.Pattern
    # A run of capitalised words, particles inside it: "Bill de Blasio", "Lindsey Graham".
    mention: re.Pattern
    # A verb right after a name, as after a sentence's subject: "Sanders compared", "Trump
    # quickly added"; a speech verb of the lexicon or a past tense in -ed, not a copula
    # ("Schultz was booed").
    acts: re.Pattern
    function_words: frozenset

    @functools.cached_property
    def determiners_at(self) -> re.Pattern:
        """``determiners`` for ``match(text, position)``, which its "^" would refuse."""
        return re.compile(self.determiners.pattern.removeprefix("^"), self.determiners.flags)

    @functools.cached_property
    def name_starts_after(self) -> frozenset:
        return self.not_names | self.titles | self.honorifics | self.organisation_words

    @functools.cached_property
    def describing_words(self) -> frozenset:
        return self.determiner_words | self.role_prepositions | self.locations

    @functools.cached_property
    def title_words(self) -> frozenset:
        return self.honorifics | self.titles

    @functools.cached_property
    def stop_words(self) -> frozenset:
        """Words a role never ends with: "director for", "according to"."""
        return self.not_names | self.function_words

    @functools.cached_property
    def never_in_role(self) -> frozenset:
        return self.honorifics | self.not_names


@functools.lru_cache(maxsize=8)
def _grammar(lexicon: Lexicon) -> _Grammar:
    verbs = rf"{trie(lexicon.speech_verbs - {_ACCORDING_TO})}(?:(?<=told){_TOLD_WHOM})?"
    # Spanish "y" is a particle and a conjunction: "Sánchez y Feijóo" are two people.
    particles = trie(lexicon.name_particles - lexicon.conjunctions)
    return _Grammar(
        verbs=verbs,
        after_quote=re.compile(_Q + r"\s*,?\s*" + _WHO + r",?\s+(?P<verb>" + verbs + r")\b"),
        verb_first=re.compile(
            _Q + r"\s*,?\s*(?P<verb>" + verbs + r")\s+(?P<who>[^\u0000.;:!?“”]{1,160})"
        ),
        before_quote=re.compile(
            r"(?:^|[.;]\s+)"
            + _WHO
            + r",?\s+(?P<verb>"
            + verbs
            + r")(?:\s+[\w’']+){0,5}\s*[:,.]?\s*"
            + _Q
        ),
        according=re.compile(r"according to (?P<who>[^\u0000.;:!?“”]{1,160})"),
        speech=re.compile(r"\b(?:" + verbs + r"|according to)\b"),
        said=re.compile(r"\b(?:" + verbs + r")\s*$"),
        said_to=re.compile(r"\b(?:" + verbs + r")(?:\s+[\w’']+){0,3}\s*$"),
        indirect=re.compile(r"(?:^|[.;]\s+|\u0000\s*)" + _WHO + r",?\s+(?P<verb>" + verbs + r")\b"),
        # "Senator Jane Roe", "Columnist Jane Roe": the title or the job goes to the role.
        titles=lexicon.name_titles | lexicon.role_words,
        honorifics=lexicon.honorifics,
        particles=lexicon.name_particles,
        # Not the months: May, June and August are names too.
        not_names=lexicon.not_names | lexicon.weekdays,
        locations=lexicon.location_prepositions,
        organisation_words=lexicon.organisation_words,
        pronouns=dict(lexicon.pronouns),
        copulas=lexicon.copulas,
        conjunction=re.compile(rf"\s+{trie(lexicon.conjunctions)}\s+"),
        role_prepositions=lexicon.role_prepositions,
        determiners=re.compile(rf"^(?:{trie(lexicon.determiners)}(?:\s+|(?<=['’])))+", re.I),
        determiner_words=lexicon.determiners,
        not_role=re.compile(
            rf"\b(?:{verbs}|{trie(lexicon.relative_pronouns | lexicon.copulas)})\b"
        ),
        inverted=re.compile(rf"\b(\w+)-(?:t-)?({trie(lexicon.pronouns)})\b"),
        relative=re.compile(rf"\s+{trie(lexicon.relative_pronouns)}(?!\w)"),
        # A run of capitals, particles inside it; never from inside a word ("anti-Trump").
        mention=re.compile(rf"(?<![\w-]){_NAME_WORD}(?:\s+(?:(?:{particles})\s+)?{_NAME_WORD})*\b"),
        acts=re.compile(
            rf"(?:\s+[a-z]+ly)*\s+(?!(?:{trie(lexicon.copulas)})\b)(?:{verbs}|[a-z]+ed)\b"
        ),
        function_words=lexicon.function_words,
        given_names={
            **dict.fromkeys(lexicon.male_names, "m"),
            **dict.fromkeys(lexicon.female_names, "f"),
        },
    )


# Quotation marks as archives and languages write them, each read as “curly doubles”:
# ''two apostrophes'' (legacy archives, wire exports), «guillemets», „German“ marks, and
# ‘single curly’ quotes (British) where a paragraph has no doubles.
_TWO_APOSTROPHES = re.compile(r"''")
_GUILLEMET_OPEN = re.compile(r"[«‹]\s*")
_GUILLEMET_CLOSE = re.compile(r"\s*[»›]")
_GERMAN = re.compile(r"„([^„“”]*)[“”]")
_SINGLE = re.compile(r"(?<![\w’])‘([^‘’]*(?:’\w[^‘’]*)*)’(?!\w)")


def standardise_quotes(text: str) -> str:
    """``text`` with its quotation marks as “curly doubles”, straight doubles included, so
    that one set of patterns reads them all. Only recognition reads it: the paragraph keeps
    the marks its source used."""
    text = _GERMAN.sub(r"“\1”", _TWO_APOSTROPHES.sub('"', text))
    text = _DOUBLE.sub(_by_place, text)
    text = _GUILLEMET_CLOSE.sub("”", _GUILLEMET_OPEN.sub("“", text))
    if "“" not in text:
        text = _SINGLE.sub(r"“\1”", text)
    return text


# Each double mark, straight or curly, by where it stands: copy-edited text mixes them
# ("“It's unusual,“ said ...", "“Look,\" she said").
_DOUBLE = re.compile(r'["“”]')
_OPENS_AFTER = " \t\n([{—–-/"


def _by_place(match: re.Match) -> str:
    text, start = match.string, match.start()
    before = text[start - 1] if start else " "
    after = text[start + 1 : start + 2] or " "
    # A mark glued between a colon or comma and a word opens: "Ryan said,”Look, ..."
    if (before in _OPENS_AFTER and not after.isspace()) or (before in ":," and after.isalnum()):
        return "“"
    if not before.isspace() or after.isspace() or after in ".,;:!?)":
        return "”"
    return "“"


def _mask(text: str) -> str:
    return _ABBREVIATION.sub(lambda m: m.group(1) + _DOT, _QUOTED.sub(_Q, text))


def _bare(token: str) -> str:
    return token.rstrip(_DOT + ".,").lower()


def _is_name_token(token: str, grammar: _Grammar) -> bool:
    if token in grammar.particles:
        return True
    return token[:1].isupper() and not token.endswith(("’s", "'s", "’", ","))


def _name_at_end(part: str, grammar: _Grammar) -> tuple[str | None, str]:
    """Split "our China affairs commentator Qin Peng" into ("Qin Peng", "our China ...")."""
    tokens = part.split()
    cut = len(tokens)
    while cut > 0 and _is_name_token(tokens[cut - 1], grammar):
        cut -= 1
    names, prefix = tokens[cut:], tokens[:cut]
    if not names or _bare(names[-1]) in grammar.not_names:
        return None, " ".join(tokens)  # "Washington D.C. He"
    # "a New Hampshire Republican", "Republican of New York", "the mayor in Leeds": words
    # that describe someone, or a place, not a name.
    if prefix and prefix[-1] in grammar.describing_words:
        return None, " ".join(tokens)
    # The name starts after the last word that opens sentences or is a title: "Even Lindsey
    # Graham", "Alabama Sen. Jeff Sessions", "Co-anchor Norah O'Donnell". Titles go to the
    # role; honorifics and sentence words to neither.
    # A letter is an initial, not the French "M.": "Harry M. Reid".
    start = 1 + max(
        (
            i
            for i, token in enumerate(names[:-1])
            if _bare(token) in grammar.name_starts_after and len(_bare(token)) > 1
        ),
        default=-1,
    )
    prefix += [token for token in names[:start] if _bare(token) not in grammar.never_in_role]
    names = deque(names[start:])  # a run of thousands of capitalised words loses its head
    # A particle opens the name only where nothing stands before it ("de Blasio said"), not
    # after a role ("portavoz de la Plataforma").
    while names and names[0] in grammar.particles and (prefix or len(names) == 1):
        prefix.append(names.popleft())
    while len(names) > 1 and (
        _bare(names[0]) in grammar.honorifics
        or names[0].count(_DOT) > 1  # "U.S."
        or len(names) > 4
    ):
        token = names.popleft()
        if _bare(token) not in grammar.honorifics:
            prefix.append(token)
    if (
        not names
        or all(name.isupper() for name in names)  # "THE", "CNN", "HOW CHINA’S DECLINE"
        or _ACRONYM.fullmatch(names[-1])  # "House Majority PAC"
        or any(_bare(name) in grammar.organisation_words for name in names)
    ):
        return None, " ".join(tokens)
    return " ".join(names).replace(_DOT, "."), " ".join(prefix).replace(_DOT, ".")


# "63, a retired postal worker", "64 ans, boulangère", "41 years old, a nurse".
# The longest role a story gives in one phrase.
_ROLE_WORDS = 12
# A description set before a name with a comma opens its sentence and is this short: "La
# alcaldesa, Lucía Fernández", "Der Bauleiter der beauftragten Firma, Stefan Aydın".
_APPOSITION_WORDS = 6
# ... and one after the name is closed by a comma or the sentence's end.
_APPOSITION_AFTER = re.compile(r",\s+(?P<role>[^,.;:!?\u0000]{2,120}?)\s*(?:,|[.;](?:\s|$)|$)")
_AGE = re.compile(r"^\d{1,3}(?:\s+[^\W\d]+){0,2}(?:,\s*|$)")
# The word after a name and where the text after it starts: "is" in "Lopez is a nurse".
_NEXT_WORD = re.compile(r"\s*(\S+)\s+(?=\S)")
_SPACES = re.compile(r"\s*")
_UNTIL_BREAK = re.compile(r"[^.,;:!?\u0000]*")


def _clean_role(role: str | None, grammar: _Grammar) -> str | None:
    """The description a story gives a speaker ("a retired postal worker", "of the Council
    on Foreign Relations"), or None for what is not one: an age is not a role ("63, a retired
    ..."), and a phrase that opens as a sentence does ("But as", "after a long pause") or
    stops short ("director for") is the reporter's words around the name."""
    if not role:
        return None
    role = grammar.relative.split(role)[0]
    if grammar.not_role.search(role):  # "a déclaré" is the verb, whatever it leaves
        return None
    role = grammar.determiners.sub("", _AGE.sub("", role.strip(" ,"))).strip(" ,")
    words = role.split()
    # "Council President", "Harlow Fire Chief": a title makes a role of capitalised words.
    titled = any(_bare(word) in grammar.titles for word in words)
    # Each of "skipper of the trawler Morning Star and chairman of the ..." is one role long.
    longest = max((len(part.split()) for part in grammar.conjunction.split(role)), default=0)
    if not words or longest > _ROLE_WORDS or not (titled or any(w[:1].islower() for w in words)):
        return None
    stops_short = words[-1].islower() and _bare(words[-1]) in grammar.stop_words
    if _bare(words[0]) in grammar.not_names or stops_short or grammar.not_role.search(role):
        return None
    return role


def _first_name_run(tokens: list[str], grammar: _Grammar) -> int:
    """Where the name starts in words that name first but may open with the role ("said
    undecided Republican voter Stephanie Hooton"): the first run of two name words, else the
    last word alone ("said campaign spokesman Miller")."""
    runs = [
        i
        for i, token in enumerate(tokens)
        if _is_name_token(token, grammar) and (i == 0 or not _is_name_token(tokens[i - 1], grammar))
    ]
    if not runs or runs[0] == 0:
        return 0
    paired = [i for i in runs if i + 1 < len(tokens) and _is_name_token(tokens[i + 1], grammar)]
    if paired:
        return paired[0]
    # A single name word is the name only at the end: in "a Halcyon spokeswoman" it is the
    # employer.
    return runs[-1] if runs[-1] == len(tokens) - 1 else 0


def _split_who_name_first(who: str, grammar: _Grammar) -> tuple[str | None, str | None]:
    """ "Battalion Chief Ramon Estes of the county fire district", "Jane Roe, a spokeswoman"."""
    who = who.strip(" ,")
    if who.lower() in grammar.pronouns:
        return who.lower(), None
    first, _, rest = who.partition(",")
    tokens = first.split()
    start = _first_name_run(tokens, grammar)
    cut = start
    while cut < len(tokens) and _is_name_token(tokens[cut], grammar):
        cut += 1
    name, prefix = _name_at_end(" ".join(tokens[:cut]), grammar)
    if name is None:
        return None, None
    # The words before the name describe the person ("undecided voter Jane Roe of Derry"),
    # else those after it ("Edward Alden of the Council on Foreign Relations"; not "dijo
    # Fernández a los periodistas", whom she told), else the apposition after a comma.
    after = tokens[cut:] if tokens[cut:] and _bare(tokens[cut]) in grammar.role_prepositions else []
    roles = [prefix, " ".join(after), rest]
    return name, next(
        filter(None, (_clean_role(r.replace(_DOT, "."), grammar) for r in roles)), None
    )


def _participle_clause(part: str, grammar: _Grammar) -> bool:
    match = _PARTICIPLE.match(part)
    return match is not None and match.group("next").lower() in grammar.function_words


def _split_who(who: str, grammar: _Grammar) -> tuple[str | None, str | None]:
    """The speaker's name and role in an attribution's subject.

    "analyst Qin Peng", "Jane Roe, a spokeswoman for the ministry", "One former billing
    clerk, Angela Moretti", "Finchley's attorney, David Szabo".
    """
    who = _ADVERBS.sub("", who.strip(" ,")).strip(" ,")
    if who.lower() in grammar.pronouns:
        return who.lower(), None
    parts = [part.strip() for part in who.split(",") if part.strip()]
    # "Clinton, speaking to reporters on her way to Tampa, said": the participle's clause is
    # set in the sentence, and its names are not the speaker.
    parts = [
        part for i, part in enumerate(parts) if i == 0 or not _participle_clause(part, grammar)
    ]
    if parts and parts[-1].lower() in grammar.pronouns:
        return parts[-1].lower(), None  # "After contemplating it, he added:"
    for index in range(len(parts) - 1, -1, -1):
        # "Massimo Franco, a columnist for the newspaper Corriere della Sera, wrote": the
        # apposition describes the name before it; its own names are not the speaker's.
        if index and grammar.determiners.match(parts[index]):
            continue
        name, prefix = _name_at_end(parts[index], grammar)
        if name is None:
            continue
        role = _clean_role(prefix, grammar) if prefix else None
        if role is None and index + 1 < len(parts):
            role = _clean_role(parts[index + 1].replace(_DOT, "."), grammar)
        if role is None and not prefix and index > 0:
            role = _clean_role(parts[index - 1].replace(_DOT, "."), grammar)
        return name, role
    return None, None


def _organisation(who: str, people: People, *, name_first: bool) -> str | None:
    """The organisation an attribution's subject names, when the organisation is the whole
    subject ("Crestline Properties", "the Justice Department", "Council on Foreign
    Relations", "NATO", "the Trump campaign"), not a person it describes ("a spokesman for
    the ministry")."""
    grammar = people.grammar
    parts = [part.strip() for part in _ADVERBS.sub("", who.strip(" ,")).split(",") if part.strip()]
    if not parts:
        return None
    subject = parts[0] if name_first else parts[-1]
    # "Jane Roe, Crestline Properties, said": the organisation is the person's.
    if any(_name_at_end(part, grammar)[0] for part in parts if part is not subject):
        return None
    name = grammar.determiners.sub("", subject)
    tokens = name.split()
    # "the Trump campaign", "Powell’s office": a body named for the person it serves.
    if (
        len(tokens) >= 2
        and tokens[-1] in grammar.organisation_words
        and all(
            token[:1].isupper() and _bare(token) not in grammar.stop_words for token in tokens[:-1]
        )
    ):
        return name.replace(_DOT, ".")
    # A possessive makes the name a person's, the organisation their role's: "the Zionist
    # Union Party’s Nachman Shai".
    if not tokens or not all(
        (token[:1].isupper() or token in grammar.function_words)
        and not token.endswith(("’s", "'s"))
        for token in tokens
    ):
        return None
    if not (tokens[0][:1].isupper() and tokens[-1][:1].isupper()):
        return None
    if len(tokens) == 1 and _ACRONYM.fullmatch(tokens[0]):
        # "ROE said" in a story set in capitals is the Jane Roe it named.
        shouted = tokens[0].capitalize()
        if not any(people.full_names.ending_with(shouted)):
            return name
    # The organisation word stands before any small word: "Council on Foreign Relations",
    # "New York Times"; in "Jane Roe of the Council" the name comes first and is a person's.
    head = tokens[: next((i for i, t in enumerate(tokens) if t in grammar.function_words), None)]
    last = max(
        (i for i, token in enumerate(head) if _bare(token) in grammar.organisation_words),
        default=None,
    )
    # Names after the organisation's are a person's it employs: "Maricopa County Recorder
    # Helen Purcell". One word is an organisation's name with its article ("the Post
    # reported"); without, a surname ("Cross wrote").
    if last is None or last + 1 < len(head) or (len(tokens) == 1 and name == subject):
        return None
    return name.replace(_DOT, ".")


@dataclass
class Speaker:
    name: str | None  # None for a speaker the story describes but does not name
    role: str | None
    alias: str | None
    attribution: str
    kind: SpeakerKind = SpeakerKind.PERSON


def _comma_before(text: str, at: int) -> int | None:
    """Where the comma is that ends ``text[:at]`` but for spaces, if one does."""
    while at and text[at - 1].isspace():
        at -= 1
    return at - 1 if at and text[at - 1] == "," else None


def _last_at_most(positions: list[int], limit: int) -> int:
    """The last of the sorted ``positions`` up to ``limit``, or 0."""
    index = bisect.bisect_right(positions, limit)
    return positions[index - 1] if index else 0


class _FullNames:
    """The names given in full so far, by their last words and, those of two words, by their
    first, each group in the order the names were last given: a surname is resolved at
    every mention, and reading through every name for each costs the square of a story's."""

    def __init__(self):
        self.by_end: dict[str, dict[str, None]] = {}
        self.by_start: dict[str, dict[str, None]] = {}

    def append(self, name: str) -> None:
        ends = [name[at + 1 :] for at, char in enumerate(name) if char == " "]
        keys = [(self.by_end, end) for end in ends]
        if len(ends) == 1:
            keys.append((self.by_start, name.partition(" ")[0]))
        for index, key in keys:
            names = index.setdefault(key, {})
            names.pop(name, None)
            names[name] = None

    def ending_with(self, words: str):
        """The names ending with a space and ``words``, the latest given first."""
        return reversed(self.by_end.get(words, {}))

    def two_words_starting(self, word: str):
        """The names of two words, the first ``word``, the latest given first."""
        return reversed(self.by_start.get(word, {}))


class People:
    """Everyone named in the story so far, to resolve surnames and pronouns against."""

    def __init__(self, grammar: _Grammar, ranker: Ranker):
        self.grammar = grammar
        self.ranker = ranker
        self.people: dict[str, Person] = {}
        self.full_names = _FullNames()
        self.authors: set[str] = set()
        self.last: str | None = None
        self.last_at = -1  # the paragraph of the last quote
        # How often each person has been quoted, and named, so far.
        self.quoted: Counter[str] = Counter()
        self.named: Counter[str] = Counter()
        # What the story says each person named is, wherever it says it.
        self.described: defaultdict[str, dict[str, None]] = defaultdict(dict)
        # Whose sex a title or the given name tells, not only the pronouns around the name.
        self.sex_told: set[str] = set()
        # The paragraph where each person last spoke outside quotes ("Peng said the ...").
        self.spoke: dict[str, int] = {}
        self.gender: dict[str, str] = {}
        # Names seen opening a sentence as its subject: "Maria Lopez is not so sure."
        self.subjects: set[str] = set()
        # Per paragraph read so far: (position, full name, role phrase before the name).
        self.mentions: list[list[tuple[int, str, str | None]]] = []

    def read_paragraph(self, masked: str):
        """Note who the paragraph names outside its quotes, in order, and the gender that the
        pronouns after each name give them ("Lopez is not so sure. Her surveys ...")."""
        grammar = self.grammar
        found: list[tuple[int, str, str | None]] = []
        # Positions, in order, for what each name asks of the text before it.
        sentence_ends = [m.end() for m in _SENTENCE_START.finditer(masked)]
        commas = [m.start() for m in re.finditer(",", masked)]
        sentence_starts = {len(masked) - len(masked.lstrip()), *sentence_ends}
        for match in grammar.mention.finditer(masked):
            opens = match.start() in sentence_starts
            name, prefix = _name_at_end(match.group(0), grammar)
            # "in San Francisco", "through downtown Oakland", "since April": a place or a
            # time, not a person; but "... early in courtships. Jillian Chase" and "from
            # Alabama Securities Commissioner Thomas Krebs" are people.
            before = masked[max(0, match.start() - 30) : match.start()].split()[-2:]
            at_place = not prefix and any(
                word.lower() in grammar.locations
                and all(w.islower() and w[-1].isalpha() for w in before[i + 1 :])
                for i, word in enumerate(before)
            )
            # "an Orlando Republican", "the Clinton campaign", "a Bernie Sanders supporter":
            # capitalised words that describe someone or something, not a name.
            described = not prefix and bool(before) and before[-1] in grammar.determiner_words
            tokens = match.group(0).split()
            if described:
                # "der Bauleiter Stefan Aydın": German capitalises the job before the name.
                given = next(
                    (i for i, w in enumerate(tokens[1:-1], 1) if w.lower() in grammar.given_names),
                    0,
                )
                if given:
                    name, described = _name_at_end(" ".join(tokens[given:]), grammar)[0], False
            if name is None or at_place or described:
                continue
            # The word before the name in the run: "Then Mrs. Clinton", "Sen. Cruz".
            title = _bare(tokens[-len(name.split()) - 1]) if len(tokens) > len(name.split()) else ""
            titled = title in grammar.title_words
            # "Mrs. Roe": the title tells the sex (and the given name, further on).
            told = grammar.given_names.get(title)
            # "Mrs. Clinton" is not the "Bill Clinton" named before; "Ní Bhriain" is the
            # "Siobhán Ní Bhriain" named before.
            full, alias = self.resolve(name, told)
            if " " in name and alias is None:
                self.full_names.append(name)
            elif alias is None and not titled:
                # A surname alone is a person once the story named them in full, or with a
                # title: "Mr. Stevens", "Sen. Cruz". One that acts is not yet one: "On
                # Thursday, Google announced", "Moscow denied".
                continue
            # Up to four words before the name in its clause: "Kessel captain Rasmus ...".
            before = _CLAUSE_BREAK.split(masked[max(0, match.start() - 60) : match.start()])
            words = before[-1].split()[-4:]
            # "backed by Chinese billionaire Jack Ma", "a déclaré Marie Lefèvre": the role
            # starts after the small word or the speech verb; "regulators summoned Jack Ma":
            # a verb, not a role, stands before the name.
            verb = list(grammar.not_role.finditer(" ".join(words)))
            if verb:
                words = " ".join(words)[verb[-1].end() :].split()
            small = [i + 1 for i, w in enumerate(words) if w.lower() in grammar.function_words]
            words = words[max(small, default=0) :]
            role = None
            if not (words and words[-1].islower() and words[-1].endswith("ed")):
                _name, prefix = _name_at_end(" ".join([*words, match.group(0)]), grammar)
                role = _clean_role(prefix, grammar)
            found.append((match.start(), full, role))
            self.named[full] += 1
            for description in (role, *self._appositions(masked, match, sentence_ends, commas)):
                if description:
                    self.described[full][description] = None
            following = _SPACES.match(masked, match.end()).end()
            if opens and masked[following : following + 1].islower():
                self.subjects.add(full)
            told = told or grammar.given_names.get(full.split()[0].lower())
            if told and full not in self.gender:
                self.gender[full] = told
                self.sex_told.add(full)
        for (position, full, _role), following in zip(found, [*found[1:], None]):
            stretch = masked[position : following[0] if following else len(masked)]
            female, male = _FEMALE.search(stretch), _MALE.search(stretch)
            if female and (not male or female.start() < male.start()):
                self.gender.setdefault(full, "f")
            elif male:
                self.gender.setdefault(full, "m")
        self.mentions.append(found)

    def _appositions(
        self, masked: str, match: re.Match, sentence_ends: list[int], commas: list[int]
    ) -> list[str]:
        """What the sentence says the person named at ``match`` is: "La alcaldesa, Lucía
        Fernández, ...", "Denise Whitaker, principal of Ridgefield High School, ...", "Maria
        Lopez is a nurse who ..."."""
        grammar = self.grammar
        found = []
        # Positions in ``masked``, not copies of all before or after the name: names run to
        # thousands in a paragraph.
        comma = _comma_before(masked, match.start())
        if comma is not None:
            start = _last_at_most(sentence_ends, comma)
            # The description is the sentence's opening up to this comma, with no other.
            alone = commas[bisect.bisect_left(commas, start)] == comma
            opening = masked[start:comma].strip() if alone else ""
            first = opening.split(maxsplit=1)[:1]
            # "La alcaldesa, ...", "Brennan's granddaughter, ...": a noun phrase, not the
            # sentence's own opening ("Two weeks before the IPO, ...").
            described = first and (
                grammar.determiners.match(opening) or first[0].endswith(("'s", "’s"))
            )
            if described and len(opening.split()) <= _APPOSITION_WORDS:
                found.append(opening)
        after = _APPOSITION_AFTER.match(masked, match.end())
        # "Denise Whitaker, principal of Ridgefield High School, ...": a noun phrase with its
        # "of", or a title, between two commas; not the sentence going on ("Trump, who ...").
        if after and any(
            _bare(word) in grammar.role_prepositions | grammar.titles
            for word in after.group("role").split()
        ):
            found.append(after.group("role"))
        word = _NEXT_WORD.match(masked, match.end())
        # "is a nurse", not "was gracious in defeat".
        if (
            word
            and word.group(1) in grammar.copulas
            and grammar.determiners_at.match(masked, word.end())
        ):
            found.append(_UNTIL_BREAK.match(masked, word.end()).group())
        return [role for role in (_clean_role(text, grammar) for text in found) if role]

    def by_pronoun(self, pronoun: str, position: int) -> tuple[str, str | None] | None:
        """The person a "he", "she" or "they" at ``position`` of the current paragraph
        refers to, as the ranker chooses among the candidates."""
        choice = self.ranker.choose(self.candidates(pronoun, position))
        if choice is None:
            return None
        want = self.grammar.pronouns.get(pronoun) or None
        if want:
            self.gender.setdefault(choice.name, want)
        return choice.name, choice.role

    def candidates(self, pronoun: str, position: int) -> list[Candidate]:
        """Who a pronoun at ``position`` of the current paragraph may mean, nearest first:
        the people named up to ``_PRONOUN_REACH`` paragraphs back, then the speaker quoted
        last and everyone quoted before."""
        want = self.grammar.pronouns.get(pronoun) or None
        here = [m for m in self.mentions[-1] if m[0] < position] if self.mentions else []
        back = list(reversed(self.mentions[-_PRONOUN_REACH:-1]))
        named: dict[str, tuple[int, str | None]] = {}
        for distance, found in enumerate([here, *back]):
            for _position, name, role in reversed(found):
                named.setdefault(name, (distance, role))
        pool = [*named, *(n for n in [self.last, *self.quoted] if n and n not in named)]
        # A title or a given name that tells the sex is not outweighed: "she" is no "Mr. Roe".
        pool = [
            name
            for name in pool
            if not (want and name in self.sex_told and self.gender[name] != want)
        ]
        paragraph = len(self.mentions) - 1
        candidates = []
        for rank, name in enumerate(pool):
            distance, role = named.get(name, (None, None))
            sex = self.gender.get(name)
            told = name in self.sex_told
            fits, differs = bool(want) and sex == want, bool(want) and sex not in (None, want)
            features = {
                "named_here": distance == 0,
                "named_before": distance == 1,
                "named_earlier": distance is not None and distance > 1,
                "nearness": 1 / (1 + rank) if distance is not None else 0,
                "quoted_last": name == self.last,
                "quoted_just_before": name == self.last and paragraph - self.last_at <= 1,
                "quoted": name in self.quoted,
                "times_quoted": math.log2(1 + self.quoted[name]),
                "sex_told_fits": fits and told,
                "sex_guessed_fits": fits and not told,
                "sex_guessed_differs": differs and not told,
                "spoke_just_before": paragraph - self.spoke.get(name, -2) <= 1,
                "spoke": paragraph - self.spoke.get(name, -_PRONOUN_REACH) < _PRONOUN_REACH,
                "subject": name in self.subjects,
                "full_name": " " in name,
                "given_name": name.split()[0].lower() in self.grammar.given_names,
                "mentions": math.log2(1 + self.named[name]),
                "author": name in self.authors,
                "they_person": not want and sex is not None,
            }
            candidates.append(
                Candidate(
                    name,
                    role,
                    tuple(float(features[f]) for f in FEATURES),
                    paragraph=paragraph,
                )
            )
        return candidates

    def resolve(self, name: str, sex: str | None = None) -> tuple[str, str | None]:
        """Full name for ``name`` and the alias used, if it was a surname; with ``sex``, only
        a person who may be of that sex."""
        # A surname first ("Peng" for "Qin Peng"); a given name only for a name of two words
        # ("Qin" for "Qin Peng", never "Trump" for "Trump National Golf").
        names = self.full_names
        for full in itertools.chain(names.ending_with(name), names.two_words_starting(name)):
            if sex is None or self.gender.get(full, sex) == sex:
                return full, name
        return name, None

    def add(self, name: str, role: str | None = None, alias: str | None = None) -> Person:
        person = self.people.get(name)
        if person is None:
            person = self.people[name] = Person(name)
        if role and role not in person.roles:
            person.roles.append(role)
        if alias and alias not in person.aliases:
            person.aliases.append(alias)
        return person


def _reported(masked: str, at: int) -> bool:
    """Whether ``masked[:at]`` ends in "that" but for spaces, read back from ``at``: a search
    of all before it, for each quote, costs the square of a paragraph's quotes."""
    end = at
    while end and masked[end - 1].isspace():
        end -= 1
    return end >= 4 and _REPORTED.match(masked, end - 4, end) is not None


def _is_direct(masked: str, spans: list[str], at: int, grammar: _Grammar) -> bool:
    """Whether the quotation masked at ``at`` is direct speech: a sentence of the speaker's
    own ("“We will rebuild,” she said"; "he said: “It cannot be contained.”"), not words
    quoted inside the reporter's sentence ("Cruz will “leave here with momentum,” he said").
    A quote opening the sentence is direct whatever its first word, after a short lead-in
    ("Sooner or later, “I think we will ...”")."""
    span = spans[masked.count(_Q, 0, at)].lstrip(" .…'‘[(")
    if _reported(masked, at):
        return False
    if span[:1].isupper() or span[:1].isdigit():
        return True
    sentence = _SENTENCE_START.split(masked[:at])[-1]
    set_off = sentence.rstrip()[-1:] in ",:"
    first = span.split(maxsplit=1)[:1]
    runs_on = bool(first) and first[0].lower() in grammar.locations | grammar.role_prepositions
    said = grammar.said_to if set_off else grammar.said
    if said.search(sentence.rstrip(" ,:")) and (set_off or not runs_on):
        # Right after its speech verb, however long the sentence before it: "Clinton
        # tweeted congratulations to Sanders, adding, “to all the voters ...”", "In his
        # tribute, Elliott said “there is no ...”"; not words quoted in the run of it
        # ("Critics, who have long warned “of a catastrophe”").
        return True
    lead_in = (
        not sentence.strip()
        or sentence.rstrip()[-1:] in ",:—–"
        or bool(grammar.said.search(sentence))
    )
    return lead_in and len(sentence.split()) <= _LEAD_IN_WORDS


def _speaker(masked: str, spans: list[str], people: People) -> Speaker | None:
    grammar = people.grammar
    matches = [
        next(
            (
                match
                for match in pattern.finditer(masked)
                if _is_direct(masked, spans, quote_at(match), grammar)
            ),
            None,
        )
        for pattern, quote_at in (
            (grammar.after_quote, lambda match: match.start()),
            (grammar.verb_first, lambda match: match.start()),
            (grammar.before_quote, lambda match: match.end() - 1),
            (_COLON, lambda match: match.end() - 1),
            (_DASH, lambda match: match.start()),
        )
    ]
    if _Q in masked and any(
        _is_direct(masked, spans, m.start(), grammar) for m in _QUOTES.finditer(masked)
    ):
        matches.append(grammar.according.search(masked))
    unnamed = organisation = None
    for match in matches:
        if match is None:
            continue
        who = match.group("who")
        participle = "verb" in match.re.groupindex and match.group("verb").endswith("ing")
        attribution = match.group(0).replace(_Q, "").replace(_DOT, ".").strip(" ,.:;")
        # "Sanders compared himself to Clinton, saying": the participle is the subject's.
        if participle and (acting := _acting(masked, *match.span("who"), people)):
            return Speaker(*acting, None, attribution)
        name_first = match.re in (grammar.verb_first, _DASH, grammar.according) or participle
        if body := _organisation(who, people, name_first=name_first):
            organisation = organisation or Speaker(
                body, None, None, attribution, SpeakerKind.ORGANISATION
            )
            continue
        if name_first and match.re is not grammar.according:
            # After "said", and before a participle ("Jane Roe took to Twitter, writing:"),
            # the name comes first, or after the role it is given ("a déclaré le maire,
            # Bernard Castaing").
            name, role = _split_who_name_first(who, grammar)
            if name is None and match.re is grammar.verb_first:
                name, role = _split_who(who, grammar)
        elif match.re is grammar.according:
            name, role = _split_who_name_first(who, grammar)
            if name is None:
                name, role = _split_who(who, grammar)
        else:
            name, role = _split_who(who, grammar)
            if name is None:
                # "James Pethokoukis of the American Enterprise Institute wrote"
                name, role = _split_who_name_first(who, grammar)
        if name is None:
            # Without a verb, only a name makes an attribution: "The letter makes a case:"
            # is the reporter's sentence.
            verbless = match.re in (_COLON, _DASH)
            if unnamed is None and not verbless:
                # "a Twitter spokesman said", "said one Republican involved in the
                # planning, who ...": someone the story describes but does not name.
                if description := _description(who, grammar, name_first=name_first):
                    unnamed = Speaker(description, None, None, attribution, SpeakerKind.DESCRIBED)
                elif who.strip(" ,").lower() == "it":
                    unnamed = Speaker(None, None, None, attribution)
            continue
        if name in grammar.pronouns:
            found = people.by_pronoun(name, match.start("who"))
            if found is None:
                # Direct speech all the same, by someone the story named too far back to
                # tell: a quote without a speaker, never a guessed one.
                unnamed = unnamed or Speaker(None, None, None, attribution)
                continue
            return Speaker(found[0], found[1], None, attribution)
        full, alias = people.resolve(name)
        return Speaker(full, role, alias, attribution)
    return organisation or unnamed


def _description(who: str, grammar: _Grammar, *, name_first: bool) -> str | None:
    """The noun phrase describing a speaker the story does not name, as it gives it: "a
    Twitter spokesman", "the Florida senator and Republican presidential candidate"; not
    the reporter's words ("Alongside BLM calls for action, even a top GOP strategist")."""
    parts = [part.strip() for part in who.split(",") if part.strip()]
    if not parts:
        return None
    phrase = grammar.relative.split(parts[0] if name_first else parts[-1])[0].strip()
    # "Another intelligence source speaking to Fox News": the description ends at its verb.
    for match in _PARTICIPLE.finditer(phrase):
        if match.start() and match.group("next").lower() in grammar.function_words:
            phrase = phrase[: match.start()].strip()
            break
    words = phrase.split()
    if not grammar.determiners.match(phrase) or not 1 < len(words) <= _ROLE_WORDS:
        return None
    if grammar.not_role.search(phrase) or _bare(words[-1]) in grammar.stop_words:
        return None
    return phrase.replace(_DOT, ".")


def _acting(masked: str, start: int, end: int, people: People) -> tuple[str, str | None] | None:
    """The person named in ``masked[start:end]`` who does something there, as a sentence's
    subject does ("When asked by a host about Edward Snowden, de Blasio said"); the last if
    several do ("Soon after Wasserman Schultz was booed, Canova wrote")."""
    found = None
    for position, name, role in people.mentions[-1]:
        mention = (
            people.grammar.mention.match(masked, position) if start <= position < end else None
        )
        if mention and people.grammar.acts.match(masked, mention.end()):
            found = (name, role)
    return found


def _spoken_sentence(masked: str, spans: list[str]) -> int | None:
    """Where the first quote that is a sentence of the speaker's own stands in ``masked``, if
    the paragraph is more than the quote (a quote standing alone is said by whoever the
    story says, which this paragraph does not)."""
    if not masked.replace(_Q, "").strip(" .,;:!?—–-"):
        return None
    for index, match in enumerate(_QUOTES.finditer(masked)):
        if _reported(masked, match.start()):
            continue
        words = spans[index].lstrip(" .…'‘[(")
        if words[:1].isupper() and len(words.split()) >= _SPOKEN_WORDS and not _titled(words):
            return match.start()
    return None


def _alone(masked: str) -> bool:
    """Whether the paragraph is its quotes and nothing else."""
    return not masked.replace(_Q, "").strip(" .,;:!?—–-")


def _introduced(
    introduction: tuple[str, list[str]] | None, spans: list[str], people: People
) -> Speaker | None:
    """The speaker of a paragraph that is all quote, from the paragraph before that
    introduces it ("Trump put it bluntly in a statement:"), read as one paragraph."""
    if introduction is None:
        return None
    masked, before = introduction
    return _speaker(masked.rstrip() + " " + _Q, [*before, spans[0]], people)


# A quote's speaker signed on the line under it: "— Bernie Sanders.", "-Jane Roe, Leeds."
_SIGNATURE = re.compile(r"^\s*[—–-]\s*(?P<who>[^.;:!?“”\"]{2,80}?)\.?\s*$")


def _signed(following: str, people: People) -> Speaker | None:
    match = _SIGNATURE.match(following)
    if match is None:
        return None
    name, role = _split_who_name_first(match.group("who"), people.grammar)
    if name is None or name in people.grammar.pronouns:
        return None
    full, alias = people.resolve(name)
    return Speaker(full, role, alias, match.group(0).strip())


def _goes_on(spans: list[str], people: People) -> Speaker | None:
    """The speaker of a paragraph that is all quote, a sentence of their own, when the
    paragraph before quoted them: news runs a speaker's next quote on as its own paragraph
    ("“We wrote two dozen songs,” Kiedis said." then "“He is like, ‘Let's keep a few’ ...”")."""
    words = spans[0].lstrip(" .…'‘[(")
    if not words[:1].isupper() or _quoted_words(spans) < _SPOKEN_WORDS or _titled(words):
        return None
    if people.last is None or people.last_at != len(people.mentions) - 2:
        return None
    return Speaker(people.last, None, None, "")


def _titled(words: str) -> bool:
    """Whether quoted words are set as a title ("Crippled America: How to Make America Great
    Again"), every longer word capitalised: a book or a headline, not speech."""
    long = [word for word in words.split() if len(word) > 3]
    return bool(long) and all(word[:1].isupper() for word in long)


def _subject(masked: str, at: int, people: People) -> Speaker | None:
    """The person a sentence quoting without a speech verb is about: the first named in it
    before the quote ("Washington Post columnist Michael Gerson ... calls Cruz ...: “...”"),
    or the one its opening "he" or "she" means."""
    start = max((m.end() for m in _SENTENCE_START.finditer(masked, 0, at)), default=0)
    end = next((m.start() for m in _SENTENCE_END.finditer(masked, at)), len(masked))
    mentions = people.mentions[-1]  # full names already
    named = [(name, role) for position, name, role in mentions if start <= position < at] or [
        (name, role) for position, name, role in mentions if at < position < end
    ]
    attribution = masked[start:end].replace(_Q, "").replace(_DOT, ".").strip(" ,.:;—–")
    if acting := _acting(masked, start, at, people):
        return Speaker(*acting, None, attribution)
    if named:
        return Speaker(*named[0], None, attribution)
    if follows := _NAME_THEN_VERB.match(masked, at):
        name, role = _split_who(follows.group("who"), people.grammar)
        if name and name not in people.grammar.pronouns:
            full, alias = people.resolve(name)
            return Speaker(full, role, alias, attribution)
    pronoun = masked[start:at].split(maxsplit=1)[:1]
    if pronoun and pronoun[0].lower() in people.grammar.pronouns:
        found = people.by_pronoun(pronoun[0].lower(), start)
        if found is not None:
            return Speaker(found[0], found[1], None, attribution)
    return Speaker(None, None, None, attribution)


def _quoted_words(spans: list[str]) -> int:
    return sum(len(span.split()) for span in spans)


def _opens_without_closing(text: str) -> bool:
    """Whether a quote opened in this (standardised) paragraph runs on into the next; a
    paragraph left open by the straight marks' alternation has one mark too many."""
    return text.count("“") > text.count("”")


def find_quotes(
    body: list[BodyBlock],
    authors: list[Author],
    *,
    lexicon: Lexicon = DEFAULT_LEXICON,
    ranker: Ranker | None = None,
) -> tuple[list[BodyBlock], list]:
    """The body with each paragraph's direct speech as its ``quotes``, and set-apart quote
    blocks attributed; and the people in the story. No text changes: a paragraph that reports
    speech stays a paragraph."""
    people = People(_grammar(lexicon), ranker or default_ranker())
    for author in filter(lambda author: author.is_person, authors):
        people.add(author.name, author.role)
        people.full_names.append(author.name)
        people.authors.add(author.name)
    result: list[BodyBlock] = []
    # The quote opened and still running: (index in ``result``, its quotation so far).
    open_run: list[tuple[int, Quotation]] = []
    # The paragraph before, masked, with its quoted spans, when it ends introducing a quote
    # ("Trump put it this way:").
    introduction: tuple[str, list[str]] | None = None
    for position, block in enumerate(body):
        result.append(block)
        if block.type not in _TEXT:
            introduction = None
            continue
        text = standardise_quotes(block.text)
        grammar = people.grammar
        masked = grammar.inverted.sub(r"\2 \1", _mask(text))
        spoken = any(p.search(masked) for p in (grammar.speech, _COLON, _DASH))
        if spoken:
            _note_indirect(masked, people)
        people.read_paragraph(masked)
        spans = _QUOTED.findall(text)
        quoted = _quoted_words(spans)
        set_apart = block.type == "quote"
        continuing = bool(open_run) and (text.lstrip()[:1] in _OPENERS or set_apart)
        speaker = _speaker(masked, spans, people) if (quoted or set_apart) and spoken else None
        if speaker is None and (at := _spoken_sentence(masked, spans)) is not None:
            speaker = _subject(masked, at, people)
        if speaker is None and not continuing and spans and _alone(masked):
            following = body[position + 1].text if position + 1 < len(body) else ""
            speaker = (
                _introduced(introduction, spans, people)
                or _signed(following, people)
                # Not across a heading or a picture: a new part of the story.
                or (
                    _goes_on(spans, people)
                    if position and body[position - 1].type in _TEXT
                    else None
                )
            )
        introduction = (masked, spans) if text.rstrip().endswith(":") else None
        if not ((speaker is not None and (quoted >= 3 or set_apart)) or continuing):
            open_run = []
            continue
        introduction = None
        words = " ".join(_as_sentence(span) for span in spans) if spans else block.text
        quotation = Quotation(words)
        if speaker is None and open_run:
            # A continuation paragraph: the speaker named earlier is still talking.
            quotation = _said_by(quotation, open_run[-1][1])
        elif speaker is not None:
            quotation = replace(
                quotation,
                speaker=speaker.name,
                speaker_kind=speaker.kind if speaker.name else None,
                speaker_role=speaker.role,
                attribution=speaker.attribution,
            )
        open_run.append((len(result) - 1, quotation))
        if speaker is not None and speaker.name is not None:
            if speaker.kind is SpeakerKind.PERSON:
                people.add(speaker.name, speaker.role, speaker.alias)
                people.last = speaker.name
                people.last_at = len(people.mentions) - 1
                people.quoted[speaker.name] += 1
            # The quotes opened before and waiting for their speaker get this one.
            open_run = [
                (index, pending if pending.speaker else _said_by(pending, quotation))
                for index, pending in open_run
            ]
        for index, pending in open_run:
            result[index] = _with_quotation(result[index], pending)
        if not _opens_without_closing(text):
            open_run = []
    for person in people.people.values():
        person.roles.extend(r for r in people.described[person.name] if r not in person.roles)
    return result, list(people.people.values())


def _said_by(quotation: Quotation, source: Quotation) -> Quotation:
    return replace(
        quotation,
        speaker=source.speaker,
        speaker_kind=source.speaker_kind,
        speaker_role=source.speaker_role,
        attribution=source.attribution,
    )


def _with_quotation(block: BodyBlock, quotation: Quotation) -> BodyBlock:
    """A paragraph carrying ``quotation``, or a quote block attributed as it is."""
    if block.type == "quote":
        return replace(
            block,
            speaker=quotation.speaker,
            speaker_kind=quotation.speaker_kind,
            speaker_role=quotation.speaker_role,
            attribution=quotation.attribution,
        )
    return replace(block, quotes=[quotation])


def _as_sentence(span: str) -> str:
    """Quoted words as the speaker's sentence: “..., ” she said" ends the quote with a comma
    that belongs to the reporter's sentence."""
    span = span.strip()
    return span[:-1] + "." if span.endswith(",") else span


def _note_indirect(masked: str, people: People):
    """Record "analyst Jane Roe said ..." outside quotes: it names a person and a role."""
    for match in people.grammar.indirect.finditer(masked):
        if match.group("verb").endswith("ing"):
            # "Trains will be diverted via Calder Bridge, adding ...": the sentence's subject
            # does the adding, not the name before the comma.
            continue
        name, role = _split_who(match.group("who"), people.grammar)
        if not name or name in people.grammar.pronouns:
            continue
        # A surname of two words ("Ní Bhriain said") is the person named in full before.
        full, alias = people.resolve(name)
        # Read before the paragraph is: its index is the count of those read so far.
        people.spoke[full] = len(people.mentions)
        if alias is not None:
            people.add(full, role, alias)
        elif " " in name:
            people.add(name, role)
            people.full_names.append(name)
