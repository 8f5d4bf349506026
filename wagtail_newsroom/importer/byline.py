"""Bylines: whether a line names the article's authors, and who they are.

``parse_byline`` reads "By Jane Roe and John Doe", "Jane Roe, Political Correspondent",
"Posted on 4 March 2020 by jsmith" and the like into ``Author`` values; ``is_name`` tells a
person's name from other short lines.
"""

from __future__ import annotations

import functools
import re

from . import dates
from .result import Author
from .rules import AGENCY
from .shape import word_count

_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][\w'’.-]*|[A-Z]{2,}[\w'’.-]*|van|von|der|de|da|del|di|du|le|la|bin|al|ibn|"
    r"[a-z]{1,3}['’][A-Z][\w'’-]*)$"
)
_ROLE_WORDS = re.compile(
    r"\b(reporter|correspondent|editor|writer|contributor|columnist|staff|producer|analyst|"
    r"commentator|journalist|bureau|chief|desk|critic|director|photographer|presenter|"
    r"assistant|associate|deputy|senior|executive|managing|"
    r"manager|intern|freelance|team|news service)s?\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:byline:\s*|author:\s*)?(?:(?:words|written|story|reporting|text|report|reported)\s+)?"
    r"(?:by\b[:\s]*|(?<=:\s))(?P<names>.*)$",
    re.IGNORECASE,
)
_LABELLED_DATE = re.compile(r"^(?:published|posted|updated)\b", re.IGNORECASE)
_POSTED_BY = re.compile(r"^(?:posted|published)\b(?P<date>.*?)\bby\s+(?P<names>.+)$", re.I)


def is_name(text: str, max_tokens: int = 4) -> bool:
    tokens = text.split()
    if not 2 <= len(tokens) <= max_tokens or _ROLE_WORDS.search(text):
        return False
    if tokens[0] in ("The", "A", "An", "Up", "Key", "More", "Text", "Read", "Top", "Our"):
        return False
    return all(_NAME_TOKEN.match(token) for token in tokens) and not any(
        ch.isdigit() for ch in text
    )


_BYLINE_NOISE = re.compile(
    r"(\s*\b(follow|twitter|email|e-mail|bio|more|x)\b|\s+\d+\s*(min(ute)?s?|hours?|hrs?|days?)"
    r"(\s+(ago|read))?|\d+)+$",
    re.IGNORECASE,
)


def clean_byline(text: str) -> str:
    # Copied text glues the name to the role or to a button: "Sophie FosterTravel Reporter".
    text = re.sub(r"(?<=[a-z])(?=[A-Z][a-z])", " ", text)
    return _BYLINE_NOISE.sub("", text).strip(" ,|·")


def parse_byline(text: str) -> list[Author] | None:
    """Authors named in a byline line, or None when the line is not a byline."""
    found = _byline_names(text)
    return [Author(name, role) for name, role in found] if found else None


@functools.lru_cache(maxsize=4096)
def _byline_names(text: str) -> tuple[tuple[str, str | None], ...]:
    authors = _read_byline(text)
    return tuple((author.name, author.role) for author in authors or ())


def _read_byline(text: str) -> list[Author] | None:
    text = clean_byline(text)
    match = _POSTED_BY.match(text) or _BYLINE.match(text)
    if not match:
        # "Jane Roe / OUTLET.COM / Sep 2, 2024", "Jane Roe|Published 15 hours ago".
        parts = [part.strip() for part in re.split(r"\s*[|/·•]\s*", text)]
        if (
            len(parts) > 1
            and is_name(parts[0])
            and any(
                dates.find_date(part) or dates.is_relative_date(part) or _LABELLED_DATE.match(part)
                for part in parts[1:]
            )
        ):
            return [Author(_unshout(parts[0]))]
        names = re.split(r"\s*,\s*|\s+(?:and|&)\s+", text)
        # "Jane Roe, John Doe", "Jane Roe and AP".
        if (
            len(names) > 1
            and is_name(names[0])
            and all(is_name(n) or AGENCY.fullmatch(n) for n in names[1:])
        ):
            return [Author(name if AGENCY.fullmatch(name) else _unshout(name)) for name in names]
        return _name_and_role(text)
    names = match.group("names")
    found = dates.find_date(names)
    if found:
        names = names[: found.start]
    names = re.sub(
        r";\s*(?:editing|writing|additional reporting|compiled)\b.*$", "", names, flags=re.I
    )
    # "By Jane Roe published 19 May 2026": the label belongs to the date.
    names = re.sub(r"\s+(?:first\s+)?(?:published|posted|updated)\b.*$", "", names, flags=re.I)
    # "By A | Outlet" and "By A - Outlet": the outlet is not an author.
    names = re.split(r"\s+[|·•]\s+|\s+[–—-]\s+", names)[0]
    # "By Jane Roe in Valencia", "By JANE ROE FOR DAILYMAIL.COM": place and outlet are not names.
    names = re.sub(r"\s+(?i:in|for)\s+[A-Z].*$", "", names.strip())
    names = re.sub(r"(?<=[^\W\d_])\d+\b", "", names)  # footnote markers glued to names
    authors: list[Author] = []
    for part in re.split(r"\s*,\s*|\s*;\s*|\s+(?:and|&)\s+", names):
        part = re.sub(r"\s+The\s.*$", "", part.strip(" ."))  # "Jane Roe The Associated Press"
        if not part:
            continue
        shouted = re.match(r"^([A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+)+)\s+[A-Z][a-z]", part)
        if shouted:  # "DEVON PRICE Associated Press": the name in capitals, then the outlet
            part = shouted.group(1)
        with_role = _name_and_role(part)
        if with_role:
            authors.extend(with_role)
        elif is_name(part, 5) or (not authors and _is_agency(part)):
            authors.append(Author(_unshout(part)))
        elif not authors and match.re is _POSTED_BY and re.fullmatch(r"[a-z][\w.-]{2,30}", part):
            authors.append(Author(part))  # a blog's user name: "Posted on ... by jsmith"
        elif authors and authors[-1].role is None and not is_name(part, 5):
            authors[-1].role = part
        else:
            break
    return authors or None


def _unshout(name: str) -> str:
    """ "KAREN MOLINA" -> "Karen Molina"; names already in mixed case stay as written."""
    if not name.isupper():
        return name
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), name)


def _name_and_role(text: str) -> list[Author] | None:
    """A byline without "By": "Jane Roe Political Correspondent", "Jane Roe, Reporter"."""
    if word_count(text) > 8 or not _ROLE_WORDS.search(text):
        return None
    tokens = text.replace(",", " , ").split()
    for cut in (2, 3):
        name = " ".join(tokens[:cut])
        if is_name(name) and tokens[cut : cut + 1] != ["said"]:
            role = " ".join(tokens[cut:]).strip(" ,")
            if role[:1].isupper() and _ROLE_WORDS.search(role):
                return [Author(name, role)]
    return None


def _is_agency(text: str) -> bool:
    # A byline may credit an agency or desk: "By Reuters", "By Staff".
    return 1 <= word_count(text) <= 4 and text[:1].isupper() and not any(c.isdigit() for c in text)


# A byline's label on a line of its own, the names on the lines after it.
BYLINE_LABEL = re.compile(
    r"^(?:by|written by|words by|authors?(?: of (?:the|this) (?:article|story))?:?)$", re.I
)


def lone_name(text: str) -> list[Author] | None:
    name = clean_byline(text)
    return [Author(_unshout(name))] if is_name(name) else None
