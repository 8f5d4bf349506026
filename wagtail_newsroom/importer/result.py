"""The importer's result: plain values, no Django.

``ParsedArticle.to_dict()`` is the documented JSON form printed by
``import_articles --dry-run --format json`` (see README, "The importer's JSON").
Every key is always present; empty values are ``None`` or ``[]``.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from enum import StrEnum

from .shape import is_handle

# The keys each body block type carries in its JSON form, besides "type".
# "html" is only emitted when the source had markup worth keeping (links, emphasis).
BLOCK_KEYS = {
    "paragraph": ("text", "quotes"),
    "heading": ("text", "level"),
    "quote": ("text", "speaker", "speaker_kind", "speaker_role", "attribution"),
    "list": ("text", "items", "ordered"),
    "image": ("src", "alt", "caption", "credit"),
}


class SpeakerKind(StrEnum):
    """Who a quotation's speaker is: a person gets a profile; an organisation ("Crestline
    Properties said") and a speaker the story describes but does not name ("a Twitter
    spokesman said") are given on the quote as the story gives them, never made a person."""

    PERSON = "person"
    ORGANISATION = "organisation"
    DESCRIBED = "described"


# Characters that would let a file name break a report line or forge one: controls (a
# newline), bidirectional overrides (U+202E turns "txt.exe" round), invisible joiners, and the
# lone surrogates Python uses for bytes of a name that are not UTF-8.
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)


def _escape(match):
    char = match.group()
    if "\udc80" <= char <= "\udcff":
        # The byte the file system gave, as Python's own repr of bytes writes it.
        return f"\\x{ord(char) - 0xDC00:02x}"
    return ascii(char)[1:-1]


def printable(source) -> str:
    """``source`` as it may be shown and stored: what would break a line, forge one or fail to
    encode is written as an escape ("caf\\xe9.txt", "a\\nb.txt")."""
    return _UNPRINTABLE.sub(_escape, str(source))


class ArticleImportError(Exception):
    """An article that cannot be imported; names the source and, where known, the line."""

    def __init__(self, source, message, line=None):
        self.source = str(source)
        self.message = message
        self.line = line
        where = f"{self.source}:{line}" if line else self.source
        super().__init__(f"{printable(where)}: {message}")

    def to_dict(self):
        return {"source": printable(self.source), "error": self.message, "line": self.line}


@dataclass
class Author:
    name: str
    role: str | None = None  # the person's job, for the profile: "Senior Reporter"
    credit: str | None = None  # a note beside the name in the byline: "in Washington"
    # Their part in the story when not an author: a ``BylineRole`` value ("contributor").
    contribution: str | None = None

    @property
    def is_person(self) -> bool:
        """Whether the byline names a person, not an account ("jsmith")."""
        return not is_handle(self.name)

    def to_dict(self):
        return {
            "name": self.name,
            "role": self.role,
            "credit": self.credit,
            "contribution": self.contribution,
        }


@dataclass
class Person:
    """Someone in the byline or quoted, with every role phrase the story gives them."""

    name: str
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)

    def to_dict(self):
        return {"name": self.name, "roles": list(self.roles), "aliases": list(self.aliases)}


@dataclass
class Image:
    src: str
    alt: str = ""
    caption: str | None = None
    credit: str | None = None

    def to_dict(self):
        return {"src": self.src, "alt": self.alt, "caption": self.caption, "credit": self.credit}


@dataclass
class Quotation:
    """Direct speech a paragraph reports: the quoted words and who said them."""

    text: str
    speaker: str | None = None  # the full name, resolved from surnames and pronouns
    speaker_role: str | None = None
    attribution: str | None = None  # the words that attribute it: "Ma said"
    speaker_kind: SpeakerKind | None = None  # None when no one is named

    def to_dict(self):
        return {
            "text": self.text,
            "speaker": self.speaker,
            "speaker_kind": self.speaker_kind,
            "speaker_role": self.speaker_role,
            "attribution": self.attribution,
        }


@dataclass
class BodyBlock:
    """One block of the article body, in reading order.

    ``text`` is what a reader sees (plain text); ``html`` is the sanitised rich
    text where the source had links or emphasis. A paragraph's ``quotes`` are the direct
    speech it reports; a "quote" block is a quotation the source set apart (``<blockquote>``).
    """

    type: str
    text: str = ""
    html: str | None = None
    level: int | None = None
    speaker: str | None = None
    speaker_kind: SpeakerKind | None = None
    speaker_role: str | None = None
    attribution: str | None = None
    items: list[str] = field(default_factory=list)
    ordered: bool = False
    src: str | None = None
    alt: str | None = None
    caption: str | None = None
    credit: str | None = None
    quotes: list[Quotation] = field(default_factory=list)

    def to_dict(self):
        data = {"type": self.type}
        for key in BLOCK_KEYS[self.type]:
            value = getattr(self, key)
            if key == "quotes":
                value = [quotation.to_dict() for quotation in value]
            data[key] = list(value) if isinstance(value, list) else value
        if self.html is not None:
            data["html"] = self.html
        return data


@dataclass
class Dropped:
    """A source line that was not kept, why (a ``Reason``), and the site rule that dropped it."""

    line: int | None
    text: str
    rule: str
    detail: str | None = None

    def to_dict(self):
        return {"line": self.line, "text": self.text, "rule": str(self.rule), "detail": self.detail}


def _iso(value):
    if value is None:
        return None
    if isinstance(value, datetime.datetime) and value.tzinfo is None and not value.time():
        return value.date().isoformat()
    return value.isoformat()


@dataclass
class ParsedArticle:
    source: str
    fingerprint: str
    headline: str | None = None
    dek: str | None = None
    section: str | None = None
    published: datetime.date | datetime.datetime | None = None
    updated: datetime.date | datetime.datetime | None = None
    authors: list[Author] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    lead_image: Image | None = None
    body: list[BodyBlock] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self):
        return {
            "source": printable(self.source),
            "fingerprint": self.fingerprint,
            "headline": self.headline,
            "dek": self.dek,
            "section": self.section,
            "published": _iso(self.published),
            "updated": _iso(self.updated),
            "authors": [author.to_dict() for author in self.authors],
            "people": [person.to_dict() for person in self.people],
            "tags": list(self.tags),
            "lead_image": self.lead_image.to_dict() if self.lead_image else None,
            "body": [block.to_dict() for block in self.body],
            "dropped": [dropped.to_dict() for dropped in self.dropped],
            "warnings": list(self.warnings),
        }

    @property
    def quotations(self) -> list[Quotation]:
        """Every quotation in the body: set-apart quote blocks and paragraphs' quotes."""
        return [
            quotation
            for block in self.body
            for quotation in (
                block.quotes
                if block.type == "paragraph"
                else [
                    Quotation(
                        block.text,
                        block.speaker,
                        block.speaker_role,
                        block.attribution,
                        block.speaker_kind,
                    )
                ]
                if block.type == "quote"
                else []
            )
        ]
