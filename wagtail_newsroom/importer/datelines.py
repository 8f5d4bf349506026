"""Header lines by their shape: date lines, labelled export fields, bylines.

The small questions the header, headline and body passes all ask of one line of text.
"""

from __future__ import annotations

import functools
import re

from . import dates
from .byline import is_byline_label, parse_byline
from .lexicon import DEFAULT_LEXICON, Lexicon
from .shape import word_count

# Labelled fields of news-database exports: "SECTION: METRO; Pg. A1", "LENGTH: 612 words".
_FIELD = re.compile(r"^(?P<label>[A-Z][A-Z-]{2,}):\s*(?P<value>.*)$")
SECTION_FIELD = re.compile(
    r"^(?:section|category|categories|filed (?:in|under)|posted in)\b\s*:?\s*(?P<value>[^|;]+)",
    re.IGNORECASE,
)


def is_field(text: str) -> bool:
    return _FIELD.match(text) is not None


# Only tables and schedules give a line more dates than this; each is read in what is left
# of the line after the one before, so reading them all took the square of its length.
_MOST_DATES = 20


@functools.lru_cache(maxsize=16)
def _archive_label(lexicon: Lexicon) -> re.Pattern:
    """Export fields dated by the archive, not the publisher: "LOAD-DATE: March 4, 2020"."""
    words = "|".join(re.escape(w) for w in sorted(lexicon.archive_date_labels, key=len)[::-1])
    return re.compile(rf"^(?:{words})(?:-DATE)?:", re.IGNORECASE) if words else re.compile("(?!)")


@functools.lru_cache(maxsize=4096)
def read_date_line(text: str, lexicon: Lexicon = DEFAULT_LEXICON, options=None, fallback=False):
    """(dates, section) when the line is mostly dates, else None.

    ``dates`` lists every date on the line ("Published: 04.03.2020 | Updated: 05.03.2020"),
    up to ``_MOST_DATES``, each flagged when a label calls it an update; relative dates ("9
    min ago") give none.
    """
    found_date = functools.partial(find_date, lexicon=lexicon, options=options)
    if _FIELD.match(text):
        if _archive_label(lexicon).match(text):
            return None
        text = re.sub(r"^[A-Z][A-Z-]+:\s*", "", text)
    if dates.is_relative_date(text, lexicon=lexicon):
        return (), ""
    found = found_date(text)
    if found is None:
        if fallback and word_count(text) <= 6:
            value = dates.parse_fallback(text)
            if value is not None:
                return (dates.FoundDate(value, 0, len(text), False),), ""
        return None
    before, after = text[: found.start], text[found.end :]
    remainder = dates.strip_date_words(f"{before} {after}", lexicon=lexicon)
    if (
        _prose_words(dates.strip_date_words(before, lexicon=lexicon), lexicon) > 3
        or _prose_words(remainder, lexicon) > 6
    ):
        return None
    found_all = (found,)
    rest = after
    while len(found_all) < _MOST_DATES and (more := found_date(rest)) is not None:
        found_all += (more,)
        rest = rest[more.end :]
    # Only a label glued onto the date ("...2020NTD Evening News") or set off by a bar is a
    # section name; other leftovers are reading times and the like.
    glued = after[:1].isalpha() or after.lstrip()[:1] in ("|", "·")
    section = ""
    if glued and not before.strip() and len(found_all) == 1:
        section = dates.strip_date_words(after, lexicon=lexicon)
    return found_all, section


def find_date(text: str, lexicon: Lexicon = DEFAULT_LEXICON, options=None):
    """The first date on the line, read with the import's options (date order, time zone)."""
    if options is None:
        return dates.find_date(text, lexicon=lexicon)
    return dates.find_date(text, lexicon=lexicon, day_first=options.day_first, tz=options.time_zone)


def _prose_words(text: str, lexicon: Lexicon) -> int:
    """Words that are not parts of dates and times ("15:57 BST, 27 April 2024")."""
    return sum(
        1
        for token in text.split()
        if token[:1].isalpha() and not dates.is_date_word(token.strip(",.|"), lexicon=lexicon)
    )


@functools.lru_cache(maxsize=8192)
def is_header_line(text: str, lexicon: Lexicon = DEFAULT_LEXICON, options=None) -> bool:
    return bool(
        parse_byline(text, lexicon=lexicon)
        or read_date_line(text, lexicon, options)
        or is_byline_label(text, lexicon=lexicon)
    )
