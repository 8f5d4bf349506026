"""Find publication dates in short lines.

Regular expressions built from a ``Lexicon`` (month and weekday names, date labels, time
zones) handle the formats news pages actually use, quickly; they are compiled once per
lexicon. dateparser (slow to import and to run) is only a fallback for short lines in
languages the lexicon does not know.

Numeric dates are read in this order:

- a year first ("2020-03-04", "2020/03/04") is always year, month, day;
- dots ("04.03.2020") are day first, whatever the setting: dotted dates are the European
  way of writing them, where the day always leads, and no month-first site writes them;
- slashes and dashes ("3/4/2020") follow ``day_first``, else the lexicon's ``date_order``;
- whatever the order, a reading that cannot be a date gives way to the other: a first
  number over 12 is a day, a second one over 12 makes the first the month.

A time next to the date, before or after it, is kept: in its zone when the text names one,
else in the ``tz`` the caller gives (the site's), else in UTC. A date without a time is a
``datetime.date``.
"""

from __future__ import annotations

import datetime
import functools
import re
import zoneinfo
from dataclasses import dataclass

from .lexicon import DEFAULT_LEXICON, Lexicon
from .patterns import trie

# Every date form has a four-digit year, and little stands between a date's start and its
# year, so only the neighbourhood of a year is searched.
_YEAR_HINT = re.compile(r"(?:19|20)\d\d")
_BEFORE_YEAR = 100
_AFTER_YEAR = 8
_ISO_TAIL = re.compile(r"[-/.]\d")
# The labels, weekdays and separators right before a date lie within this many characters.
_LEAD = 60
_LETTER = r"[^\W\d_]"
_SEPARATOR_CHARS = ",;:|/·•–—-"
_SEPARATORS = f"[{_SEPARATOR_CHARS}]"
# Words around dates that the Lexicon has no field for; few, and alike across languages.
_ORDINALS = ("st", "nd", "rd", "th", "er", "re", "ère", "º", "°")
_ORDINAL = "(?:" + "|".join(_ORDINALS) + ")"
_DAY_OF = r"(?:of|de)"
_OF_YEARS = ("de", "del")
_OF_YEAR = "(?:" + "|".join(_OF_YEARS) + ")"
_TIME_CONNECTORS = ("at", "à", "um", "a las", "a la")
_CLOCK_WORDS = ("uhr", "horas", "hrs", "h")
_COUNT_WORDS = (
    "a", "an", "one", "un", "une", "quelques", "ein", "eine", "einer", "einem", "einigen",
    "una", "unos", "unas",
)  # fmt: skip
_AMPM = rf"[ap]\.?\s?m\.?(?!{_LETTER})"


@dataclass
class FoundDate:
    value: datetime.date | datetime.datetime
    start: int
    end: int
    updated: bool


def _words(words) -> str:
    """An alternation of ``words``, longest first so "mis à jour le" beats "mis à jour"."""
    unique = {word.replace("’", "'") for word in words}
    if not unique:
        return "(?!)"
    escaped = (
        re.escape(word).replace(r"\ ", r"\s+").replace("'", "['’]")
        for word in sorted(unique, key=lambda word: (-len(word), word))
    )
    return "(?:" + "|".join(escaped) + ")"


def _whole(alternation: str) -> str:
    return rf"(?<!\w){alternation}(?!\w)"


@dataclass(frozen=True)
class _Grammar:
    date: re.Pattern
    year_leads: frozenset
    lead: re.Pattern
    updated_label: re.Pattern
    any_label: re.Pattern
    relative: re.Pattern
    strippable: re.Pattern
    trailing_zone: re.Pattern
    zone: re.Pattern
    zones: dict
    words: frozenset


@functools.lru_cache(maxsize=16)
def _grammar(lexicon: Lexicon) -> _Grammar:
    months = trie({month.lower() for month in lexicon.months})
    weekdays = _words(lexicon.weekdays)
    labels = _words(lexicon.published_labels | lexicon.updated_labels)
    # Abbreviations are matched in their own case: "ET" is a zone, "et" a French "and".
    zone = (
        r"(?-i:(?:GMT|UTC)\s?[+\-−]\d{1,2}(?::?\d{2})?(?!\d)|[+\-−]\d{2}:?\d{2}(?!\d)"
        rf"|Z(?!{_LETTER})|{_words(lexicon.time_zones)}(?!{_LETTER}))"
    )
    clock_word = rf"{_words(_CLOCK_WORDS)}(?!{_LETTER})"

    def time(p: str) -> str:
        return (
            rf"(?P<{p}h>\d{{1,2}})(?:"
            rf":(?P<{p}m>\d{{2}})(?::(?P<{p}s>\d{{2}})(?:[.,]\d+)?)?"
            # Dots also part euros from cents: a dotted time needs a clock word or a zone.
            rf"|\.(?P<{p}md>\d{{2}})(?=\s*(?:{_AMPM}|{clock_word}|{zone}))"
            rf"|\s?h\s?(?P<{p}mh>\d{{2}})?(?!{_LETTER})"
            rf"|(?=\s*(?:{_AMPM}|uhr(?!{_LETTER})))"
            rf")(?:\s*(?P<{p}ap>[ap])\.?\s?m\.?(?!{_LETTER}))?(?:\s*{clock_word})?"
            rf"(?:\s*(?P<{p}z>{zone}))?"
        )

    def month(name: str) -> str:
        # Copied page text glues a capitalised month onto the word before it when the page
        # set them in separate elements ("2 min readApril 25, 2023").
        start = rf"(?:(?<!{_LETTER})|(?-i:(?<=[a-z])(?=[A-Z])))"
        return rf"{start}(?P<{name}>{months})\.?(?!{_LETTER})"

    def day(name: str) -> str:
        return rf"(?<!\d)(?P<{name}>\d{{1,2}})"

    def year(name: str) -> str:
        return rf"(?P<{name}>(?:19|20)\d{{2}})"

    cores = "|".join(
        (
            rf"(?<!\d){year('iy')}(?P<isep>[-/.])(?P<im>\d{{1,2}})(?P=isep)(?P<id>\d{{1,2}})(?!\d)",
            rf"{month('mm')}\s*{day('md')}{_ORDINAL}?,?\s*{year('my')}",
            rf"{day('dd')}{_ORDINAL}?\.?\s*(?:{_DAY_OF}\s+)?{month('dm')},?\s*"
            rf"(?:{_OF_YEAR}\s+)?{year('dy')}",
            rf"(?<![\d/.-])(?P<na>\d{{1,2}})(?P<nsep>[/.-])(?P<nb>\d{{1,2}})(?P=nsep)"
            rf"{year('ny')}(?!\d)",
        )
    )
    connector = _whole(_words(_TIME_CONNECTORS))
    date = re.compile(
        rf"(?:{time('b')}\s*(?:{_SEPARATORS}\s*)?(?:{_whole(weekdays)}\.?,?\s*)?)?"
        rf"(?P<date>{cores})"
        rf"(?:(?:T|\s*(?:(?:{_SEPARATORS}|{connector})\s*)?){time('a')})?",
        re.IGNORECASE,
    )
    label = _whole(labels)
    weekday = _whole(weekdays)
    run_part = rf"{label}|{weekday}\.?|{_SEPARATORS}|\s"
    relative_words = _words(lexicon.relative_dates)
    count = rf"(?:\d+|{_words(_COUNT_WORDS)})\s+{_LETTER}+\.?"
    relative = re.compile(
        rf"^(?:{label}\s*:?\s*)?(?:{relative_words}(?:\s+{count})?|{count}\s+{relative_words})"
        rf"(?:\s*(?:,|{connector})?\s*{time('r')})?$",
        re.IGNORECASE,
    )
    # Before a capitalised word a label or weekday may be part of a name ("Le Mag", "Stand
    # Up", "Sunday Times"), unless that word is more of the date ("Published Friday").
    date_word = _whole(rf"(?:{_words(_words_of(lexicon))}|{months}|{weekdays})")
    strippable = re.compile(
        rf"{_whole(rf'(?:{labels}|{weekdays}|{_words(_TIME_CONNECTORS)})')}\.?"
        rf"(?:\s*:|(?=\s*{date_word})|(?!\s*(?-i:[A-ZÀ-ÖØ-Þ])))",
        re.IGNORECASE,
    )
    words = frozenset(_words_of(lexicon)) | {
        *lexicon.months,
        *lexicon.weekdays,
        *lexicon.relative_dates,
        *_TIME_CONNECTORS,
        *_CLOCK_WORDS,
        "of",
        "de",
        "del",
        "am",
        "pm",
    }
    return _Grammar(
        date=date,
        year_leads=frozenset({*(m.lower() for m in lexicon.months), *_ORDINALS, *_OF_YEARS}),
        lead=re.compile(rf"(?:{run_part})*\Z", re.IGNORECASE),
        updated_label=re.compile(_whole(_words(lexicon.updated_labels)), re.IGNORECASE),
        any_label=re.compile(label, re.IGNORECASE),
        relative=relative,
        strippable=strippable,
        trailing_zone=re.compile(rf"\s*{zone}\s*$"),
        zone=re.compile(zone),
        zones={name: _resolve(name, value) for name, value in lexicon.time_zones.items()},
        words=frozenset(word.lower() for word in words),
    )


def _words_of(lexicon: Lexicon) -> set[str]:
    """The single words of the lexicon's labels: "mis", "à", "jour", "le"."""
    labels = lexicon.published_labels | lexicon.updated_labels
    return {word for label in labels for word in label.replace("’", "'").split()}


_OFFSET = re.compile(r"(?:GMT|UTC)?\s?([+\-−])(\d{1,2}):?(\d{2})?")


def _offset(text: str) -> datetime.timezone | None:
    match = _OFFSET.fullmatch(text)
    if match is None:
        return None
    sign = -1 if match.group(1) in "-−" else 1
    delta = datetime.timedelta(hours=int(match.group(2)), minutes=int(match.group(3) or 0))
    return datetime.timezone(sign * delta) if delta < datetime.timedelta(hours=24) else None


def _resolve(name: str, value: str) -> datetime.tzinfo:
    fixed = _offset(value)
    if fixed is not None:
        return fixed
    try:
        return zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(
            f"Time zone {name!r} names {value!r}, neither a zone nor +HH:MM."
        ) from error


def _numeric_order(first: int, second: int, day_first: bool) -> tuple[int, int]:
    """(day, month)."""
    if first > 12 or (day_first and second <= 12):
        return first, second
    return second, first


def _date(parts: dict, lexicon: Lexicon, day_first: bool | None) -> datetime.date:
    if parts["iy"]:
        return datetime.date(int(parts["iy"]), int(parts["im"]), int(parts["id"]))
    if parts["ny"]:
        if parts["nsep"] == ".":
            day_first = True
        elif day_first is None:
            day_first = lexicon.date_order == "dmy"
        day, month = _numeric_order(int(parts["na"]), int(parts["nb"]), day_first)
        return datetime.date(int(parts["ny"]), month, day)
    if parts["my"]:
        year, month, day = parts["my"], parts["mm"], parts["md"]
    else:
        year, month, day = parts["dy"], parts["dm"], parts["dd"]
    return datetime.date(int(year), lexicon.months[month.lower()], int(day))


def _clock(parts: dict, p: str) -> tuple[int, int, int, str | None] | None:
    """(hour, minute, second, zone text) of the time with group prefix ``p``, if one."""
    if parts[f"{p}h"] is None:
        return None
    hour = int(parts[f"{p}h"])
    minute = int(parts[f"{p}m"] or parts[f"{p}md"] or parts[f"{p}mh"] or 0)
    second = int(parts[f"{p}s"] or 0)
    ampm = (parts[f"{p}ap"] or "").lower()
    if ampm == "p" and hour < 12:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second, parts[f"{p}z"]


def _zone(text: str | None, grammar: _Grammar, tz: datetime.tzinfo | None) -> datetime.tzinfo:
    if text is None:
        return tz or datetime.UTC
    if text == "Z":
        return datetime.UTC
    return grammar.zones.get(text) or _offset(text) or tz or datetime.UTC


def _may_lead_year(grammar: _Grammar, text: str, year: int) -> bool:
    """Whether what comes before a year can be a date's day, month or separator: "4,",
    "Nov.", "5th", "de", "03/"; not "in" or "since"."""
    before = text[max(0, year - 24) : year].rstrip().rstrip(",.").rstrip()
    if not before:
        return False
    if before[-1].isdigit() or before[-1] in "/.-":
        return True
    return before.rsplit(None, 1)[-1].lstrip("0123456789").lower() in grammar.year_leads


def _search(grammar: _Grammar, text: str) -> re.Match | None:
    for hint in _YEAR_HINT.finditer(text):
        year = hint.start()
        if not (_may_lead_year(grammar, text, year) or _ISO_TAIL.match(text, hint.end())):
            continue
        start = max(0, year - _BEFORE_YEAR)
        while (match := grammar.date.search(text, start, hint.end() + _AFTER_YEAR)) is not None:
            # The window may cut off a time after the date; the whole line has all of it.
            whole = grammar.date.match(text, match.start())
            if whole is not None:
                return whole
            start = match.start() + 1
    return None


def find_date(
    text: str,
    *,
    lexicon: Lexicon = DEFAULT_LEXICON,
    day_first: bool | None = None,
    tz: datetime.tzinfo | None = None,
) -> FoundDate | None:
    """The first date in ``text`` found by the fast patterns, with the span of it and its
    time; ``updated`` when an updated-label ("Updated", "Mis à jour le") introduces it."""
    grammar = _grammar(lexicon)
    match = _search(grammar, text)
    if match is None:
        return None
    parts = match.groupdict()
    try:
        value = _date(parts, lexicon, day_first)
    except (ValueError, KeyError):
        return None
    clock = _clock(parts, "b") or _clock(parts, "a")
    if clock is not None:
        hour, minute, second, zone = clock
        value = datetime.datetime(
            value.year, value.month, value.day, hour, minute, second,
            tzinfo=_zone(zone, grammar, tz),
        )  # fmt: skip
    before = text[: match.start()]
    lead = grammar.lead.search(before, max(0, len(before) - _LEAD)).group()
    if grammar.any_label.search(lead):
        updated = grammar.updated_label.search(lead) is not None
    else:
        # A label set apart from its date by other words ("Updated by the desk, 5 May 2020").
        updated = grammar.updated_label.search(before) is not None
    return FoundDate(value, match.start(), match.end(), updated)


def is_date_word(token: str, *, lexicon: Lexicon = DEFAULT_LEXICON) -> bool:
    """A month or weekday name, a time zone or a word of a label that dates carry."""
    grammar = _grammar(lexicon)
    if grammar.zone.fullmatch(token):
        return True
    lowered = token.lower().replace("’", "'")
    return lowered in grammar.words or lowered.rstrip(".").replace(".", "") in grammar.words


def is_relative_date(text: str, *, lexicon: Lexicon = DEFAULT_LEXICON) -> bool:
    """A date that cannot be placed: "9 min ago", "il y a 3 heures", "vor 2 Stunden", "today"."""
    return _grammar(lexicon).relative.match(text.strip()) is not None


_EDGES = re.compile(rf"^[\s{_SEPARATOR_CHARS}]+|[\s{_SEPARATOR_CHARS}]+$")


def strip_date_words(text: str, *, lexicon: Lexicon = DEFAULT_LEXICON) -> str:
    """What is left of a date line once labels, weekdays and separators are gone."""
    grammar = _grammar(lexicon)
    text = grammar.strippable.sub(" ", text)
    text = grammar.trailing_zone.sub("", text.strip())
    return _EDGES.sub("", text)


# A day number next to a word, and a year: "5 listopada 2020", "5 de novembro de 2020".
_FALLBACK_SHAPE = re.compile(
    r"(?=.*\b(?:19|20)\d{2}\b)(?:.*\b\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,}|.*[^\W\d_]{3,}\.?\s+\d{1,2}\b)"
)


def parse_fallback(text: str) -> datetime.date | None:
    """Ask dateparser about a short line that the fast patterns missed (other languages)."""
    if len(text) > 60 or not _FALLBACK_SHAPE.search(text):
        return None
    import dateparser

    parsed = dateparser.parse(
        text, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date() if parsed else None


def coerce(
    value: str | None,
    *,
    lexicon: Lexicon = DEFAULT_LEXICON,
    tz: datetime.tzinfo | None = None,
):
    """A date or datetime from an ISO-ish metadata string, or None."""
    if not value:
        return None
    found = find_date(value, lexicon=lexicon, tz=tz)
    return found.value if found else None


# Archives name files and folders by date: "2020-03-04-budget.txt", "2020/03/04/budget.html",
# "budget_20200304.txt". Year first only: "03-04-2020" in a name is too ambiguous to trust.
_NAMED_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<sep>[-_./]?)(?P<m>0[1-9]|1[0-2])(?P=sep)"
    r"(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
)


def date_in_name(source: str) -> datetime.date | None:
    """The date a file's name (or the folders just above it) gives, for sources whose text
    has none; the last such date in the path, the one nearest the file."""
    tail = "/".join(re.split(r"[\\/]", str(source))[-4:])
    for match in reversed(list(_NAMED_DATE.finditer(tail))):
        try:
            return datetime.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            continue  # 2021-02-30
    return None
