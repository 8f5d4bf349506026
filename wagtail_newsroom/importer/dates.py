"""Find publication dates in short lines.

Regular expressions handle the formats news pages actually use, quickly; dateparser (slow to
import and to run) is only a fallback for short lines in other languages.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ORD = r"(?:st|nd|rd|th)?"
# A year glued to a following time ("20232:26 PM") is still a four-digit year.
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_TIME = (
    r"(?:\s*(?:,|at|-|–|—|\|)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::\d{2})?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?(?:\s*(?P<tz>[A-Z]{2,5}(?:[+-]\d{1,2})?|[+-]\d{2}:?\d{2}))?)?"
)
_PATTERNS = [
    re.compile(
        r"(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})"
        r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::\d{2}(?:\.\d+)?)?"
        r"(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
    ),
    re.compile(_MONTH + r"\s*(?P<day>\d{1,2})" + _ORD + r",?\s*" + _YEAR + _TIME, re.I),
    re.compile(
        r"(?P<day>\d{1,2})" + _ORD + r"\.?\s*(?:of\s+)?" + _MONTH + r",?\s*" + _YEAR + _TIME, re.I
    ),
    re.compile(r"(?<![\d/.])(?P<a>\d{1,2})([/.])(?P<b>\d{1,2})\2" + _YEAR + r"(?!\d)" + _TIME),
]
_RELATIVE = re.compile(
    r"^(?:(?:last\s+)?updated\s*:?\s*)?(?:\d+|an?|one)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?"
    r"|days?|weeks?)\s+ago$|^(?:today|yesterday|just now)$",
    re.I,
)
_UPDATED = re.compile(r"\b(updated|modified|last edited|edited)\b", re.I)
_LABEL = re.compile(
    r"\b(?:first\s+)?(?:published|posted|updated|modified|last updated|date)(?:\s+on)?\s*:?\s*|"
    r"^(?:on|at)\s+",
    re.I,
)
_WEEKDAY = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*", re.I)
_TZ_NAMES = {"ET": "-05:00", "EST": "-05:00", "EDT": "-04:00", "PT": "-08:00", "PST": "-08:00",
             "PDT": "-07:00", "CT": "-06:00", "GMT": "+00:00", "UTC": "+00:00", "BST": "+01:00",
             "CET": "+01:00", "CEST": "+02:00", "IST": "+05:30", "SAST": "+02:00",
             "AEST": "+10:00", "AEDT": "+11:00"}  # fmt: skip


@dataclass
class FoundDate:
    value: datetime.date | datetime.datetime
    start: int
    end: int
    updated: bool


def _tzinfo(tz: str | None):
    if not tz:
        return None
    tz = tz.strip()
    if tz == "Z":
        return datetime.UTC
    gmt = re.fullmatch(r"(?:GMT|UTC)([+-]\d{1,2})", tz)
    offset = _TZ_NAMES.get(tz) or (
        f"{gmt.group(1)[0]}{int(gmt.group(1)[1:]):02d}:00" if gmt else tz
    )
    match = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", offset)
    if not match:
        return None
    sign = 1 if match.group(1) == "+" else -1
    delta = datetime.timedelta(hours=int(match.group(2)), minutes=int(match.group(3)))
    return datetime.timezone(sign * delta)


def _build(match, dayfirst: bool):
    parts = match.groupdict()
    if "a" in parts:
        first, second = int(parts["a"]), int(parts["b"])
        if first > 12 or (dayfirst and second <= 12):
            day, month = first, second
        else:
            month, day = first, second
    else:
        month_text = parts["month"]
        month = int(month_text) if month_text.isdigit() else _MONTHS[month_text[:3].lower()]
        day = int(parts["day"])
    date = datetime.date(int(parts["year"]), month, day)
    if parts.get("hour") is None:
        return date
    hour, minute = int(parts["hour"]), int(parts["minute"])
    ampm = (parts.get("ampm") or "").replace(".", "").replace(" ", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    tz = _tzinfo(parts.get("tz"))
    if hour > 23 or minute > 59:
        return date
    if tz is None:
        # Without a zone the time cannot be placed on a timeline; the date alone is honest.
        return date
    return datetime.datetime(date.year, date.month, date.day, hour, minute, tzinfo=tz)


def find_date(text: str, dayfirst: bool = True) -> FoundDate | None:
    """The first date in ``text`` found by the fast patterns, with its span."""
    best = None
    for pattern in _PATTERNS:
        match = pattern.search(text)
        if match and (best is None or match.start() < best.start()):
            best = match
    if best is None:
        return None
    try:
        value = _build(best, dayfirst)
    except (ValueError, KeyError):
        return None
    updated = bool(_UPDATED.search(text[: best.start()]))
    return FoundDate(value, best.start(), best.end(), updated)


def is_date_word(token: str) -> bool:
    """A month or weekday name, a time zone or a label that dates carry."""
    lowered = token.lower()
    return (
        lowered[:3] in _MONTHS
        or _WEEKDAY.fullmatch(token) is not None
        or token in _TZ_NAMES
        or lowered in ("published", "updated", "posted", "modified", "on", "at", "am", "pm")
    )


def is_relative_date(text: str) -> bool:
    return bool(_RELATIVE.search(text.strip()))


def strip_date_words(text: str) -> str:
    """What is left of a date line once labels, weekdays and separators are gone."""
    text = _LABEL.sub(" ", text)
    text = _WEEKDAY.sub(" ", text)
    text = re.sub(r"\b(?:[A-Z]{2,4}(?:[+-]\d{1,2})?|GMT|UTC)\b\s*$", "", text.strip())
    return re.sub(r"^[\s|,·•:–—-]+|[\s|,·•:–—-]+$", "", text).strip()


# A day number next to a word, and a year: "5. November 2020", "5 de noviembre de 2020".
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


def coerce(value: str | None):
    """A date or datetime from an ISO-ish metadata string, or None."""
    if not value:
        return None
    found = find_date(value)
    return found.value if found else None
