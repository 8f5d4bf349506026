"""The table of lines that recognition labels: segments frozen, with their shape features.

Every labelling pass reads the same ``Lines``; none changes it. A line's features are computed
once, here, from its text and its place: how long it is, whether it reads as a sentence, a
paragraph or a title, how much of it is links, and how often the page repeats it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .segment import Segment
from .shape import is_sentence, is_short_paragraph, is_title_shaped, normal_form, word_count
from .thresholds import THRESHOLDS, Thresholds

_LINK = re.compile(r"<a\b[^>]*>(.*?)</a>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class Line:
    index: int
    line: int | None  # the line number in the source, for the report
    text: str
    kind: str = "text"  # "text", "heading", "item", "quote" or "image", as segmented
    gap_before: bool = True
    level: int | None = None
    html: str | None = None
    list_id: int | None = None
    ordered: bool = False
    src: str | None = None
    alt: str | None = None
    caption: str | None = None
    credit: str | None = None
    # Shape features.
    words: int = 0
    sentence: bool = False  # ends as a sentence does
    prose: bool = False  # a paragraph a reader would call one
    long_prose: bool = False  # a sentence long enough never to be dropped by position alone
    short_paragraph: bool = False  # short prose ("He declined to comment.")
    title_shaped: bool = False
    link_density: float = 0.0  # the share of its text inside links (HTML only)
    normal: str = ""
    repeats: int = 1  # how many lines of the page have the same normal form
    # How many different lines of the page read the same but for their numbers ("1 of 12",
    # "2 of 12"): counters and numbered labels, never the page's own text.
    series: int = 1


def _link_density(html: str | None, text: str) -> float:
    if not html or "<a" not in html or not text:
        return 0.0
    linked = sum(len(_TAG.sub("", match)) for match in _LINK.findall(html))
    return min(1.0, linked / len(text))


def _capitalised_share(text: str) -> float:
    tokens = [token for token in text.split() if token[:1].isalpha()]
    return sum(token[:1].isupper() for token in tokens) / len(tokens) if tokens else 0.0


_DIGITS = re.compile(r"\d+")


def _series_key(normal: str) -> str:
    return _DIGITS.sub("0", normal)


def _line(
    index: int,
    segment: Segment,
    normal: str,
    repeats: Counter,
    series: Counter,
    thresholds: Thresholds,
) -> Line:
    text = segment.text
    words = word_count(text)
    sentence = is_sentence(text)
    image = segment.kind == "image"
    # A long line is a paragraph whatever its end, unless it is a menu flattened into one:
    # those capitalise nearly every word, prose only its names.
    prose = not image and (
        (words >= thresholds.prose_words and sentence)
        or (
            words >= thresholds.long_line_words
            and _capitalised_share(text) < thresholds.menu_capitals
        )
    )
    return Line(
        index=index,
        line=segment.line,
        text=text,
        kind=segment.kind,
        gap_before=segment.gap_before,
        level=segment.level,
        html=segment.html,
        list_id=segment.list_id,
        ordered=segment.ordered,
        src=segment.src,
        alt=segment.alt,
        caption=segment.caption,
        credit=segment.credit,
        words=words,
        sentence=sentence,
        prose=prose,
        long_prose=not image and sentence and words >= thresholds.kept_prose_words,
        short_paragraph=is_short_paragraph(text),
        title_shaped=is_title_shaped(text),
        link_density=_link_density(segment.html, text),
        normal=normal,
        repeats=repeats[normal] if normal else 1,
        series=series[_series_key(normal)] if normal else 1,
    )


def build_lines(segments: list[Segment], thresholds: Thresholds = THRESHOLDS) -> tuple[Line, ...]:
    normals = [normal_form(segment.text) for segment in segments]
    repeats = Counter(normals)
    series = Counter(_series_key(normal) for normal in repeats)
    return tuple(
        _line(index, segment, normal, repeats, series, thresholds)
        for index, (segment, normal) in enumerate(zip(segments, normals, strict=True))
    )
