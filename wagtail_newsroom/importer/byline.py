"""Bylines: whether a line names the article's authors, and who they are.

``parse_byline`` reads "By Jane Roe and John Doe", "Par Jeanne Roux et Paul Martin",
"Jane Roe, Political Correspondent", "Posted on 4 March 2020 by jsmith" and the like into
``Author`` values; ``is_name`` tells a person's name from other short lines. The words that
open a byline, join its names, sit inside names, name jobs and bring in a place come from the
``Lexicon``; the patterns made of them are compiled once per lexicon.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, replace

from . import dates
from .lexicon import DEFAULT_LEXICON, Lexicon
from .result import Author
from .rules import AGENCY
from .shape import word_count

# Letters, digits and the marks names carry: "O'Neil", "Poe-Loe", "Jr.".
_NAME_CHARS = re.compile(r"[\w'’.-]+")
# First words of short lines that look like names and are not: "The Big Picture", "Read More".
_NOT_FIRST_NAMES = frozenset(("The", "A", "An", "Up", "Key", "More", "Text", "Read", "Top", "Our"))
# Buttons and reading times copied after a name: "Follow", "5 min read", "2 hours ago".
_NOISE = re.compile(
    r"follow|twitter|e-?mail|bio|more|x"
    r"|\d+(?:\s*(?:min(?:ute)?s?|hours?|hrs?|days?)(?:\s+(?:ago|read))?)?",
    re.IGNORECASE,
)
_NOISE_TOKEN = re.compile(r"[^\s,|·]+")
_LABELLED_DATE = re.compile(r"^(?:published|posted|updated)\b", re.IGNORECASE)
_POSTED_BY = re.compile(r"^(?:posted|published)\b.*?\bby\s+(?P<names>.+)$", re.IGNORECASE)
# "By Jane Roe published 19 May 2026": the label belongs to the date.
_DATE_LABEL = re.compile(r"\s+(?:first\s+)?(?:published|posted|updated)\b.*$", re.IGNORECASE)
# "By A | Outlet" and "By A - Outlet": the outlet is not an author.
_OUTLET = re.compile(r"\s+[|·•]\s+|\s+[–—-]\s+")
# Footnote markers glued to names: "Jane Roe2".
_FOOTNOTE = re.compile(r"(?<=[^\W\d_])\d+\b")
_FOOTNOTE_END = re.compile(r"(?<=[^\W\d_])\d+$")
_BLOG_HANDLE = re.compile(r"[a-z][\w.-]{2,30}")
# Lower case glued to a capital, as copied text joins a name to its role or to a button:
# "Sophie FosterTravel Reporter". Not after a name's prefix: "McDonald", "DeShawn".
_GLUED = re.compile(r"(?:[A-Z]|(?<![A-Za-z]))[a-z]+(?=[A-Z][a-z])")


@dataclass(frozen=True)
class _Patterns:
    label: re.Pattern
    lone_label: re.Pattern
    role: re.Pattern
    names: re.Pattern
    shouted_names: re.Pattern
    place: re.Pattern
    # "; additional reporting by": more names after the byline's own, with their part.
    credit: re.Pattern
    credit_parts: dict[str, str]  # by ``_phrase_key``
    glued_particle: re.Pattern
    particles: frozenset[str]
    # Lower-case starts of names written with a capital inside: "McDonald", "DeShawn".
    prefixes: frozenset[str]


def _alternation(words) -> str:
    """A regex matching any of ``words``, longest first; a space matches any run of spaces and
    either apostrophe matches the other. With no words, it matches nothing."""
    return (
        "|".join(
            r"\s+".join(re.escape(part).replace("'", "['’]") for part in word.split())
            for word in sorted({word.replace("’", "'") for word in words}, key=len, reverse=True)
        )
        or r"(?!)"
    )


@functools.lru_cache(maxsize=16)
def _patterns(lexicon: Lexicon) -> _Patterns:
    labels = _alternation(lexicon.byline_labels)
    # "AND" and "Und" join names too, but a capital "E" or "Y" is more often an initial.
    words = _alternation(c for c in lexicon.conjunctions if len(c) > 1)
    letters = _alternation(c for c in lexicon.conjunctions if len(c) == 1)
    separators = r"\s*[,;]\s*|\s+(?:(?i:" + words + r")|" + letters + r")\s+"
    stems = frozenset(particle.rstrip("'’") for particle in lexicon.name_particles)
    return _Patterns(
        # A label with a colon may take another: "Byline: By Jane Roe".
        label=re.compile(
            r"^(?:(?:" + labels + r")\s*:\s*)?(?:" + labels + r")(?:\s*:\s*|\s+)", re.IGNORECASE
        ),
        lone_label=re.compile(r"(?:" + labels + r")\s*:?", re.IGNORECASE),
        role=re.compile(r"\b(?:" + _alternation(lexicon.role_words) + r")s?\b", re.IGNORECASE),
        names=re.compile(separators),
        # Except in capitals: "ANA GARCÍA Y LUIS PÉREZ".
        shouted_names=re.compile(separators, re.IGNORECASE),
        place=re.compile(
            r"\s+(?:" + _alternation(lexicon.place_prepositions) + r")\s+(?=\S)", re.IGNORECASE
        ),
        credit=re.compile(
            r"(?:^|[;.,])\s*(?P<phrase>" + _alternation(lexicon.byline_credits) + r")\s*:?\s+",
            re.IGNORECASE,
        ),
        credit_parts={_phrase_key(k): part for k, part in lexicon.byline_credits.items()},
        # "d'Istria", "al-Assad".
        glued_particle=re.compile(r"(?:" + _alternation(stems) + r")['’-](?=\w)"),
        particles=frozenset(p for p in lexicon.name_particles if not p.endswith(("'", "’"))),
        prefixes=stems,
    )


def _capitalised(token: str) -> bool:
    return token[:1].isupper() and _NAME_CHARS.fullmatch(token) is not None


def _glued(token: str, patterns: _Patterns) -> bool:
    match = patterns.glued_particle.match(token)
    return match is not None and _capitalised(token[match.end() :])


def is_name(text: str, max_tokens: int = 4, *, lexicon: Lexicon = DEFAULT_LEXICON) -> bool:
    tokens = text.split()
    patterns = _patterns(lexicon)
    if (
        not 2 <= len(tokens) <= max_tokens
        or tokens[0] in _NOT_FIRST_NAMES
        or patterns.role.search(text)
        or any(ch.isdigit() for ch in text)
    ):
        return False
    # A particle stands inside a name, never first or last: "Ana de la Vega", not "der Leyen".
    *middle, last = tokens[1:]
    return (
        _capitalised(tokens[0])
        and all(
            _capitalised(token) or token in patterns.particles or _glued(token, patterns)
            for token in middle
        )
        and (_capitalised(last) or _glued(last, patterns))
    )


def clean_byline(text: str, *, lexicon: Lexicon = DEFAULT_LEXICON) -> str:
    prefixes = _patterns(lexicon).prefixes
    text = _GLUED.sub(
        lambda m: m.group(0) if m.group(0).lower() in prefixes else m.group(0) + " ", text
    )
    return _strip_noise(text, lexicon).strip(" ,|·")


def _strip_noise(text: str, lexicon: Lexicon) -> str:
    """``text`` without the buttons, reading times and footnote markers after it. Token by
    token from the end: one regex repeated over the whole tail backtracks exponentially on a
    run of digits."""
    tokens = _tokens_from_end(text)
    # The last tokens, last first: a reading time spans up to three ("5 min read").
    window = list(itertools.islice(tokens, 3))
    stripped = False
    while window:
        size = next(
            (
                size
                for size in range(len(window), 0, -1)
                if _NOISE.fullmatch(text, window[size - 1][0], window[0][1])
            ),
            0,
        )
        if size:
            del window[:size]
            window.extend(itertools.islice(tokens, size))
        else:
            marker = _FOOTNOTE_END.search(text, *window[0])
            if not marker:
                break
            window[0] = (window[0][0], marker.start())
        stripped = True
    if not stripped:
        return text
    end = window[0][1] if window else 0
    # A date may end the line: "Jane Roe | Sep 2, 2024" keeps its year.
    found = dates.find_date(text, lexicon=lexicon)
    return text[: max(end, found.end if found else 0)]


def _tokens_from_end(text: str):
    """The spans of ``text``'s tokens, last first, read only as far as asked."""
    length = len(text)
    for match in _NOISE_TOKEN.finditer(text[::-1]):
        yield length - match.end(), length - match.start()


def is_byline_label(text: str, *, lexicon: Lexicon = DEFAULT_LEXICON) -> bool:
    """A byline's label on a line of its own ("By", "Von", "Author:"), the names on the lines
    after it."""
    return _patterns(lexicon).lone_label.fullmatch(text.strip()) is not None


# A job title on the line under a byline ("Senior Reporter") is at most this long.
_ROLE_LINE_WORDS = 4


def role_line(text: str, *, lexicon: Lexicon = DEFAULT_LEXICON) -> str | None:
    """The job title on a line of its own under a byline ("Senior Reporter", "Staff
    Writer"): every word a role word or a small word, and no name."""
    words = [word.strip(",.").lower() for word in text.split()]
    if not 0 < len(words) <= _ROLE_LINE_WORDS:
        return None
    roles = _patterns(lexicon).role
    if not all(roles.fullmatch(word) or word in lexicon.function_words for word in words):
        return None
    return text.strip(" ,.") if any(roles.fullmatch(word) for word in words) else None


def parse_byline(text: str, *, lexicon: Lexicon = DEFAULT_LEXICON) -> list[Author] | None:
    """Authors named in a byline line, or None when the line is not a byline."""
    found = _byline_names(text, lexicon)
    return [Author(*author) for author in found] if found else None


@functools.lru_cache(maxsize=4096)
def _byline_names(text: str, lexicon: Lexicon) -> tuple[tuple[str | None, ...], ...]:
    authors = _read_byline(text, lexicon)
    return tuple(
        (author.name, author.role, author.credit, author.contribution) for author in authors or ()
    )


def _read_byline(text: str, lexicon: Lexicon) -> list[Author] | None:
    patterns = _patterns(lexicon)
    text = clean_byline(text, lexicon=lexicon)
    posted = _POSTED_BY.match(text)
    if posted:
        return _read_names(posted.group("names"), lexicon, handle=True)
    label = patterns.label.match(text)
    if label and not _label_begins_name(label.group(0), text[label.end() :], patterns):
        rest = text[label.end() :]
        # Archives that add their own label double it: "By By NICK MADIGAN".
        while (again := patterns.label.match(rest)) and not _label_begins_name(
            again.group(0), rest[again.end() :], patterns
        ):
            rest = rest[again.end() :]
        return _read_names(rest, lexicon, handle=False)
    # "Jane Roe / OUTLET.COM / Sep 2, 2024", "Jane Roe|Published 15 hours ago".
    parts = [part.strip() for part in re.split(r"\s*[|/·•]\s*", text)]
    if (
        len(parts) > 1
        and is_name(parts[0], lexicon=lexicon)
        and any(
            dates.find_date(part, lexicon=lexicon)
            or dates.is_relative_date(part, lexicon=lexicon)
            or _LABELLED_DATE.match(part)
            for part in parts[1:]
        )
    ):
        return [Author(_unshout(parts[0]))]
    # "Jane Roe, John Doe", "Jane Roe and AP".
    names = _split_names(_split_place(text, lexicon)[0], patterns)
    if (
        len(names) > 1
        and is_name(names[0], lexicon=lexicon)
        and all(is_name(name, lexicon=lexicon) or AGENCY.fullmatch(name) for name in names[1:])
    ):
        return [Author(name if AGENCY.fullmatch(name) else _unshout(name)) for name in names]
    return _name_and_role(text, lexicon)


def _label_begins_name(label: str, rest: str, patterns: _Patterns) -> bool:
    """Whether a label that is also a particle begins a name instead: "Von der Leyen",
    "Von Trier" (but "Von Reuters" credits the agency)."""
    if label.strip(" :").lower() not in patterns.particles:
        return False
    tokens = rest.split()
    return (
        not tokens
        or tokens[0].lower() in patterns.particles
        or (len(tokens) == 1 and AGENCY.fullmatch(tokens[0]) is None)
    )


def _split_names(text: str, patterns: _Patterns) -> list[str]:
    splitter = patterns.shouted_names if text.isupper() else patterns.names
    return splitter.split(text)


def _read_names(names: str, lexicon: Lexicon, *, handle: bool) -> list[Author] | None:
    """The authors in what follows a byline's label; ``handle`` allows a blog's user name."""
    patterns = _patterns(lexicon)
    found = dates.find_date(names, lexicon=lexicon)
    if found:
        names = names[: found.start]
    names, credited = _credited(names, lexicon)
    names = _DATE_LABEL.sub("", names)
    names = _OUTLET.split(names)[0].strip(" ,|·•–—-")
    names, place = _split_place(_FOOTNOTE.sub("", names), lexicon)
    authors: list[Author] = []
    for part in _split_names(names, patterns):
        part = re.sub(r"\s+The\s.*$", "", part.strip(" ."))  # "Jane Roe The Associated Press"
        if not part:
            continue
        part = _shouted_name(part) or part
        with_role = _name_and_role(part, lexicon)
        if with_role:
            authors.extend(with_role)
        elif is_name(part, 5, lexicon=lexicon) or (not authors and _is_agency(part, patterns)):
            authors.append(Author(_unshout(part)))
        elif not authors and handle and _BLOG_HANDLE.fullmatch(part):
            authors.append(Author(part))  # a blog's user name: "Posted on ... by jsmith"
        elif (
            authors
            and authors[-1].role is None
            and (part[:1].isupper() or patterns.role.search(part))
        ):
            authors[-1].role = part
        else:
            break
    if place:
        # "By Jane Roe and John Doe in Washington": both reported from there.
        authors = [replace(author, credit=author.credit or place) for author in authors]
    return [*authors, *credited] or None


def _phrase_key(phrase: str) -> str:
    """A phrase as the lexicon and a byline may both write it: "Additional  reporting by"."""
    return " ".join(phrase.replace("’", "'").lower().split())


def _credited(names: str, lexicon: Lexicon) -> tuple[str, list[Author]]:
    """The byline's own names, and the people credited after them with their part in the
    story: "Jane Roe; additional reporting by John Doe in Kyiv and Ana Ruiz". A credit with no
    part ("Editing by Sam Lee") is not an author's and ends the byline."""
    patterns = _patterns(lexicon)
    credits = [match for match in patterns.credit.finditer(names) if match.start() > 0]
    if not credits:
        return names, []
    credited = []
    for credit, following in zip(credits, [*credits[1:], None]):
        role = patterns.credit_parts.get(_phrase_key(credit.group("phrase")))
        if not role:
            break
        part = names[credit.end() : following.start() if following else len(names)]
        part, _place = _split_place(_OUTLET.split(part)[0].strip(" .;,"), lexicon)
        for name in _split_names(part, patterns):
            name = name.strip(" .")
            if is_name(name, 5, lexicon=lexicon):
                credited.append(Author(_unshout(name), contribution=role))
    return names[: credits[0].start()], credited


_PLACE_WORDS = 5


def _split_place(names: str, lexicon: Lexicon) -> tuple[str, str | None]:
    """Names without the place or outlet after them, and the place: "Jane Roe in Valencia",
    "Anna Weber aus Berlin"; "JANE ROE FOR DAILYMAIL.COM" names an outlet, not a place. A
    preposition after a role stays with the role: "Jeanne Roux, correspondante à Bruxelles"."""
    patterns = _patterns(lexicon)
    for match in patterns.place.finditer(names):
        before = _split_names(names[: match.start()], patterns)[-1]
        if (
            names[match.end()].isupper()
            # A place or an outlet is a few words; a headline goes on ("Aaron Bushnell, Who
            # Self-Immolated for Palestine, Had Grown Deeply Disillusioned ...").
            and word_count(names[match.end() :]) <= _PLACE_WORDS
            and is_name(before.strip(), 5, lexicon=lexicon)
        ):
            preposition, place = names[match.start() :].split(maxsplit=1)
            # A place is where the names reported from: "in Washington", not a column ("In
            # Depth") or a place with a co-author after it ("in London and John Doe").
            at_place = (
                preposition.lower() in lexicon.location_prepositions
                and (preposition.islower() or names.isupper())
                and not any(
                    is_name(n.strip(), lexicon=lexicon) for n in _split_names(place, patterns)[1:]
                )
            )
            where = f"{preposition.lower()} {_unshout(place.strip())}" if at_place else None
            return names[: match.start()], where
    return names, None


def _shouted_name(part: str) -> str | None:
    """ "DEVON PRICE Associated Press": the name in capitals, then the outlet."""
    tokens = part.split()
    count = next(
        (i for i, token in enumerate(tokens) if len(token) < 2 or not token.isupper()), len(tokens)
    )
    if 2 <= count < len(tokens) and tokens[count][:1].isupper() and tokens[count][1:2].islower():
        return " ".join(tokens[:count])
    return None


def _unshout(name: str) -> str:
    """ "KAREN MOLINA" -> "Karen Molina"; names already in mixed case stay as written."""
    if not name.isupper():
        return name
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), name)


def _name_and_role(text: str, lexicon: Lexicon) -> list[Author] | None:
    """A byline without a label: "Jane Roe Political Correspondent", "Jane Roe, Reporter",
    "Jeanne Roux, correspondante à Bruxelles"."""
    role_words = _patterns(lexicon).role
    if word_count(text) > 8 or not role_words.search(text):
        return None
    tokens = text.replace(",", " , ").split()
    # A comma ends the name when there is one: "Jane Smith Jr., Staff Writer".
    cuts = ([tokens.index(",")] if "," in tokens else []) + [2, 3, 4]
    for cut in cuts:
        name = " ".join(tokens[:cut])
        if is_name(name, lexicon=lexicon):
            role = " ".join(tokens[cut:]).replace(" , ", ", ").strip(" ,")
            # A role in lower case starts with its job ("correspondante à Bruxelles"), which
            # a sentence does not: "Jane Roe said the reporter".
            if role_words.match(role) or (role[:1].isupper() and role_words.search(role)):
                return [Author(name, role)]
    return None


def _is_agency(text: str, patterns: _Patterns) -> bool:
    """A byline may credit an agency or desk: "By Reuters", "By Staff", "By Telegraph
    reporters". Lower-case words other than a closing job make a phrase: "Von Berlin aus"."""
    tokens = text.split()
    return AGENCY.fullmatch(text) is not None or (
        1 <= len(tokens) <= 4
        and not any(c.isdigit() for c in text)
        and tokens[0][:1].isupper()
        and (
            all(token[:1].isupper() for token in tokens)
            or patterns.role.fullmatch(tokens[-1]) is not None
        )
    )


def lone_name(text: str, *, lexicon: Lexicon = DEFAULT_LEXICON) -> list[Author] | None:
    name = clean_byline(text, lexicon=lexicon)
    return [Author(_unshout(name))] if is_name(name, lexicon=lexicon) else None
