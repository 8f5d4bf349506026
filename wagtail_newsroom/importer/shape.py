"""Line shape: how long a line is, and whether it reads as a sentence, a paragraph or a title.

The small tests every stage of recognition asks of a line of text, before any rule applies.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?…:;।][\"'”’)\]]*$|[\"”]$")


def word_count(text: str) -> int:
    return len(text.split())


def is_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text[-6:]))


def is_handle(name: str) -> bool:
    """Whether a name is a user name or an address ("jsmith", "@jsmith", "j_smith2",
    "news@example.com"), which names an account, not a person."""
    if not name or any(ch.isspace() for ch in name):
        return False
    return name[:1].islower() or any(ch in "@_" or ch.isdigit() for ch in name)


def is_title_shaped(text: str, *, min_words=2, max_words=30) -> bool:
    words = word_count(text)
    if not (min_words <= words <= max_words) or text.endswith((".", ",", ":", ";", "।")):
        return False
    first = text[:1]
    # Scripts without case (Devanagari, Arabic, ...) start headlines with any letter.
    uncased = first.isalpha() and first.lower() == first.upper()
    return first.isupper() or uncased or first in "“\"‘'" or first.isdigit()


def normal_form(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def is_short_paragraph(text: str) -> bool:
    """Short prose ("He declined to comment.") as opposed to labels and link titles."""
    return (
        word_count(text) >= 3
        and is_sentence(text)
        and (text[:1].isupper() or text[:1] in "“\"‘'(" or text[:1].isdigit())
    )
