"""Words the importer knows, as data, by language.

Each language module (``en``, ``fr``, ``de``, ``es``) holds a ``WORDS`` dict whose keys are the
fields of ``Lexicon``. Recognition uses one ``Lexicon``: the languages a site imports, merged.
Merging is a union: an English archive loses nothing by also knowing "Par" and "Von", and a
mixed archive needs them all. A site extends the words with the setting
``WAGTAILNEWSROOM_IMPORTER_LEXICON``: a dotted path to a dict of the same shape,
``{"en": {"speech_verbs": ["quipped"]}}``, read by the command and handed to ``parse``.

Numeric dates are the exception to merging: "3/4/2020" needs one order, so the order comes
from the import's options (``--day-first``), else from the first language listed.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Mapping
from dataclasses import dataclass, fields

LANGUAGES = ("en", "fr", "de", "es")

_SETS = (
    "weekdays",
    "published_labels",
    "updated_labels",
    "archive_date_labels",
    "relative_dates",
    "byline_labels",
    "conjunctions",
    "name_particles",
    "honorifics",
    "name_titles",
    "not_names",
    "role_words",
    "speech_verbs",
    "function_words",
    "place_prepositions",
    "location_prepositions",
    "organisation_words",
    "relative_pronouns",
    "copulas",
    "determiners",
    "role_prepositions",
    "male_names",
    "female_names",
)
_MAPS = ("months", "time_zones", "pronouns", "byline_credits")
# The parts a byline credits besides its authors' (``BylineRole``'s other values), or "" for
# one that ends the byline.
BYLINE_PARTS = frozenset({"contributor", "writer", "compiler", ""})


@dataclass(frozen=True, eq=False)
class Lexicon:
    """What the importer knows of the languages it reads. All words lower case unless noted."""

    languages: tuple[str, ...] = ()
    # Month names and their abbreviations, to the month's number.
    months: Mapping[str, int] = None
    weekdays: frozenset[str] = frozenset()
    # Labels in front of a date: "Published", "Publié le"; "Updated", "Mis à jour".
    published_labels: frozenset[str] = frozenset()
    updated_labels: frozenset[str] = frozenset()
    # Export fields dated by the archive, not the publisher: "LOAD-DATE".
    archive_date_labels: frozenset[str] = frozenset()
    # Words of dates that cannot be placed: "today", "ago", "hier".
    relative_dates: frozenset[str] = frozenset()
    # Abbreviations to an IANA zone ("America/New_York") or a fixed offset ("+01:00"): a zone
    # follows daylight saving time, an abbreviation that names the season does not.
    time_zones: Mapping[str, str] = None
    # "By", "Written by", "Par", "Von", "Por": what opens a byline.
    byline_labels: frozenset[str] = frozenset()
    # What credits more names after a byline's own, to the part they had in the story (a
    # ``BylineRole`` value): "additional reporting by" -> "contributor"; to "" for a part that
    # is not in the byline ("editing by"), which ends it.
    byline_credits: Mapping[str, str] = None
    # What joins names in a byline: "and", "&", "et", "und", "y".
    conjunctions: frozenset[str] = frozenset()
    # Lower-case parts of names: "van", "de", "bin".
    name_particles: frozenset[str] = frozenset()
    # Titles before a name, without the full stop: "mr", "dr", "sen", "gov".
    honorifics: frozenset[str] = frozenset()
    # Titles written before a name that are the person's role: "senator", "mayor", "ministre".
    name_titles: frozenset[str] = frozenset()
    # Capitalised words that open sentences and never a name: "the", "however", "if", "even".
    not_names: frozenset[str] = frozenset()
    # Words of job titles: "reporter", "correspondent", "rédacteur".
    role_words: frozenset[str] = frozenset()
    # Verbs and phrases that attribute speech: "said", "told reporters", "a déclaré".
    speech_verbs: frozenset[str] = frozenset()
    # Small words title-case headlines leave in lower case, and menus lack.
    function_words: frozenset[str] = frozenset()
    # Words that put a place or an outlet after a name in a byline: "in", "for", "à".
    place_prepositions: frozenset[str] = frozenset()
    # Words before a place or a time, never before the person a pronoun means: "in", "since".
    location_prepositions: frozenset[str] = frozenset()
    # Personal pronouns a speaker is named by, to the sex they tell ("m", "f", or "" for
    # none): "he", "elle", "er".
    pronouns: Mapping[str, str] = None
    # Words that make a name a body's, not a person's: "properties", "ministry", "gmbh".
    organisation_words: frozenset[str] = frozenset()
    # What opens a clause about the person after their role: "who", "qui", "que", "der".
    relative_pronouns: frozenset[str] = frozenset()
    # Verbs that describe the person they follow: "Maria Lopez is a nurse".
    copulas: frozenset[str] = frozenset()
    # Words before a role that are not the role: "the", "our", "le", "l'", "der", "su".
    determiners: frozenset[str] = frozenset()
    # Words that open a role right after a name: "of" in "Jane Roe of the Council".
    role_prepositions: frozenset[str] = frozenset()
    # Titles and given names nearly always a man's or a woman's ("mrs", "donald", "hillary"),
    # which tell who a "he" or "she" can be.
    male_names: frozenset[str] = frozenset()
    female_names: frozenset[str] = frozenset()
    # "mdy" or "dmy": the order of numeric dates, when nothing else says.
    date_order: str = "mdy"

    def __post_init__(self):
        for name in _MAPS:
            if getattr(self, name) is None:
                object.__setattr__(self, name, {})

    def merged(self, other: Lexicon) -> Lexicon:
        """Both lexicons' words; this one's date order."""
        values = {name: getattr(self, name) | getattr(other, name) for name in _SETS}
        values.update({name: {**getattr(other, name), **getattr(self, name)} for name in _MAPS})
        languages = self.languages + tuple(
            language for language in other.languages if language not in self.languages
        )
        return Lexicon(languages=languages, date_order=self.date_order, **values)

    @classmethod
    def from_words(cls, language: str, words: Mapping) -> Lexicon:
        unknown = set(words) - {field.name for field in fields(cls)}
        if unknown:
            raise ValueError(f"Unknown lexicon fields for {language!r}: {sorted(unknown)}")
        values = {}
        for name, value in words.items():
            if name in _SETS:
                values[name] = frozenset(value)
            elif name in _MAPS:
                if not isinstance(value, Mapping):
                    raise ValueError(
                        f"Lexicon field {name!r} for {language!r} maps words to values; "
                        f"got {type(value).__name__}."
                    )
                values[name] = dict(value)
                if name == "byline_credits" and (wrong := set(value.values()) - BYLINE_PARTS):
                    raise ValueError(
                        f"Lexicon field 'byline_credits' for {language!r} credits parts "
                        f"{sorted(BYLINE_PARTS - {''})} (or '' to end the byline); "
                        f"got {sorted(wrong)}."
                    )
            else:
                values[name] = value
        return cls(languages=(language,), **values)


@functools.lru_cache(maxsize=16)
def _builtin(language: str) -> Lexicon:
    if language not in LANGUAGES:
        raise ValueError(f"No built-in lexicon for language {language!r}; have {LANGUAGES}.")
    module = importlib.import_module(f"{__name__}.{language}")
    return Lexicon.from_words(language, module.WORDS)


def build_lexicon(languages=LANGUAGES, extra: Mapping | None = None) -> Lexicon:
    """The built-in lexicons of ``languages`` merged in order, extended by ``extra``
    (``{language: {field: words}}``; a language without a built-in lexicon is allowed there)."""
    lexicon = None
    for language in languages:
        words = _builtin(language) if language in LANGUAGES else Lexicon(languages=(language,))
        lexicon = words if lexicon is None else lexicon.merged(words)
    for language, words in (extra or {}).items():
        added = Lexicon.from_words(language, words)
        lexicon = added if lexicon is None else lexicon.merged(added)
    return lexicon or Lexicon()


DEFAULT_LEXICON = build_lexicon()
