"""The article's header: the lines between headline and body.

Date lines, labelled export fields ("SECTION: METRO", "LOAD-DATE: ..."), bylines, the dek and
a kicker sit around the headline; ``read_header`` reads them into the result and says where
the body starts.
"""

from __future__ import annotations

import functools
import re

from . import dates
from .byline import BYLINE_LABEL, clean_byline, is_name, lone_name, parse_byline
from .images import CAPTION_RULE, take_image
from .result import Author, BodyBlock, Dropped
from .shape import is_content, is_short_paragraph, is_title_shaped, normal_form, word_count

# Labelled fields of news-database exports: "SECTION: METRO; Pg. A1", "LENGTH: 612 words".
_FIELD = re.compile(r"^(?P<label>[A-Z][A-Z-]{2,}):\s*(?P<value>.*)$")
SECTION_FIELD = re.compile(
    r"^(?:section|category|categories|filed (?:in|under)|posted in)\b\s*:?\s*(?P<value>[^|;]+)",
    re.IGNORECASE,
)
# Export fields dated by the archive, not the publisher: "LOAD-DATE: March 4, 2020".
_NOT_PUBLICATION = re.compile(
    r"^(?:LOAD|LOADED|ACCESS|ACCESSED|RETRIEVED|PRINTED|DOWNLOADED|INDEXED|ARCHIVED)(?:-DATE)?:",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=4096)
def read_date_line(text: str, fallback: bool = False):
    """(dates, section) when the line is mostly dates, else None.

    ``dates`` lists every date on the line ("Published: 04.03.2020 | Updated: 05.03.2020"),
    each flagged when a label calls it an update; relative dates ("9 min ago") give none.
    """
    if _FIELD.match(text):
        if _NOT_PUBLICATION.match(text):
            return None
        text = re.sub(r"^[A-Z][A-Z-]+:\s*", "", text)
    if dates.is_relative_date(text):
        return (), ""
    found = dates.find_date(text)
    if found is None:
        if fallback and word_count(text) <= 6:
            value = dates.parse_fallback(text)
            if value is not None:
                return (dates.FoundDate(value, 0, len(text), False),), ""
        return None
    before, after = text[: found.start], text[found.end :]
    remainder = dates.strip_date_words(f"{before} {after}")
    if _prose_words(dates.strip_date_words(before)) > 3 or _prose_words(remainder) > 6:
        return None
    found_all = (found,)
    rest = after
    while (more := dates.find_date(rest)) is not None:
        found_all += (more,)
        rest = rest[more.end :]
    # Only a label glued onto the date ("...2020NTD Evening News") or set off by a bar is a
    # section name; other leftovers are reading times and the like.
    glued = after[:1].isalpha() or after.lstrip()[:1] in ("|", "·")
    section = ""
    if glued and not before.strip() and len(found_all) == 1:
        section = dates.strip_date_words(after)
    return found_all, section


def _prose_words(text: str) -> int:
    """Words that are not parts of dates and times ("15:57 BST, 27 April 2024")."""
    return sum(
        1
        for token in text.split()
        if token[:1].isalpha() and not dates.is_date_word(token.strip(",.|"))
    )


def is_header_line(text: str) -> bool:
    return bool(parse_byline(text) or read_date_line(text) or BYLINE_LABEL.match(text))


def read_header(result, segments, rules, head, start, rule_hits) -> int:
    """Read kicker, dek, byline and dates around the headline; return where the body starts."""
    # Dates, bylines and labelled fields may also sit just above the headline, with
    # boilerplate ("Final Edition") between them and it.
    first = probe = head
    while probe > 0 and head - probe < 4:
        text = segments[probe - 1].text
        if is_header_line(text) or _FIELD.match(text):
            first = probe - 1
        elif rule_hits[probe - 1] is None:
            break
        probe -= 1
    # A short line right above the headline (or above the lines just found) is its kicker.
    above = segments[first - 1] if first > 0 else None
    if (
        above is not None
        and 1 <= word_count(above.text) <= 3
        and above.kind in ("text", "heading")
        and is_title_shaped(above.text, min_words=1, max_words=3)
        and not rules.first(above.text, False)
    ):
        result.section = above.text
        first -= 1
    # Those lines were dropped as navigation; they are the header.
    result.dropped = [
        d
        for d in result.dropped
        if not any(d.line == s.line and d.text == s.text for s in segments[first:head])
    ]

    # The header runs down to the last byline or date line within reach of the headline.
    header_end = head
    paragraphs = 0
    for index in range(head + 1, min(len(segments), head + 14)):
        paragraphs += is_content(segments[index])
        if paragraphs > 1:  # a dek is one paragraph; two mean the body has begun
            break
        if is_header_line(segments[index].text) or _FIELD.match(segments[index].text):
            header_end = index
    body_start = max(start, header_end + 1)

    byline_names: set[str] = set()
    name_lines: list[int] = []
    pending_by = False
    # Below the headline first: a date on the byline beats a masthead's date above it.
    order = [
        i
        for i in [*range(head + 1, body_start), *range(first, head)]
        if id(segments[i]) != id(above)
    ]
    for index in order:
        segment = segments[index]
        text = segment.text
        if segment.kind == "image":
            take_image(result, segment)
            continue
        if rule_hits[index] is CAPTION_RULE:
            result.dropped.append(Dropped(segment.line, text, CAPTION_RULE.name))
            continue
        label = BYLINE_LABEL.match(text) is not None
        if label or pending_by:
            # Under a "By" label the names follow one a line, each perhaps with its role.
            if label:
                authors = None
            elif pending_by == "first":
                authors = parse_byline(text) or parse_byline(f"By {text}")
            else:
                authors = parse_byline(text) or lone_name(text)
            pending_by = "first" if label else ("more" if authors else False)
            if label or authors:
                _add_authors(result, authors or [], byline_names)
                continue
        if SECTION_FIELD.match(text):
            continue  # read by _section_field
        authors = parse_byline(text)
        if authors:
            _add_authors(result, authors, byline_names)
            found = dates.find_date(text)
            if found is not None:  # "Jane Roe / Outlet / Sep 2, 2024"
                _set_date(result, found)
            continue
        date_line = read_date_line(text, fallback=True)
        if date_line is not None:
            found_dates, section = date_line
            if not found_dates:
                result.relative_date = text
            for found in found_dates:
                _set_date(result, found)
            if section and result.section is None:
                result.section = section
            continue
        rule = rules.first(text, False)
        if rule is not None:
            result.dropped.append(Dropped(segment.line, text, rule.name))
            continue
        if _FIELD.match(text):
            result.dropped.append(Dropped(segment.line, text, "field"))
            continue
        if is_name(clean_byline(text)):
            near_date = any(
                read_date_line(s.text) for s in segments[max(head + 1, index - 1) : index + 2]
            )
            if near_date or head < index <= head + 6:
                name_lines.append(len(result.dropped))
            result.dropped.append(Dropped(segment.line, text, "author-name"))
            continue
        if (
            result.dek is None
            and index > head
            and index < header_end
            and not result.authors
            and word_count(text) >= 6
        ):
            result.dek = text
            continue
        below = index > header_end
        if (is_content(segment) and index >= start) or (below and is_short_paragraph(text)):
            # Article text that happens to sit above a late byline belongs to the body.
            result.body.append(BodyBlock("paragraph", text, html=segment.html))
            continue
        if below and segment.kind == "heading":
            result.body.append(BodyBlock("heading", text, level=min(max(segment.level, 2), 4)))
            continue
        result.dropped.append(Dropped(segment.line, text, "header"))

    # A name on its own next to the byline is a photo label; with no byline, it is the author.
    used = []
    for position in name_lines:
        dropped = result.dropped[position]
        if normal_form(dropped.text) in byline_names:
            dropped.rule = "author-photo-label"
        elif not byline_names:
            _add_authors(result, [Author(clean_byline(dropped.text))], byline_names)
            used.append(dropped)
    result.dropped = [dropped for dropped in result.dropped if dropped not in used]
    return body_start


def find_date_anywhere(result, segments, head):
    """No date by the headline: take the date line nearest to it, below first."""
    order = list(range(head + 1, len(segments))) + list(range(head - 1, -1, -1))
    for index in order:
        text = segments[index].text
        if word_count(text) > 12:
            continue
        date_line = read_date_line(text, fallback=True)
        if date_line and date_line[0]:
            for found in date_line[0]:
                _set_date(result, found)
            return


def _add_authors(result, authors, seen):
    for author in authors:
        if normal_form(author.name) not in seen:
            seen.add(normal_form(author.name))
            result.authors.append(author)


def _set_date(result, found):
    if found.updated:
        result.updated = result.updated or found.value
    elif result.published is None:
        result.published = found.value
