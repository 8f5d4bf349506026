"""Pass: the article's header, the lines around the headline.

Date lines, labelled export fields ("SECTION: METRO", "LOAD-DATE: ..."), bylines, the dek and
a kicker sit around the headline. This pass labels them, and drops the short lines among them
that are none of these; article text that happens to sit above a late byline is labelled as
text, and a long sentence is never dropped here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..byline import (
    clean_byline,
    is_byline_label,
    is_name,
    lone_name,
    parse_byline,
    role_line,
)
from ..datelines import SECTION_FIELD, find_date, is_field, is_header_line, read_date_line
from ..labels import Kind, Label
from ..reasons import Reason
from ..result import Author
from ..shape import is_title_shaped, normal_form
from .headline import headline_index


@dataclass(frozen=True)
class DateLine:
    dates: tuple = ()  # FoundDate values, each flagged when a label calls it an update
    section: str = ""  # a label glued to the date ("4 March 2020NTD Evening News")
    relative: str | None = None  # "9 min ago": a date that cannot be placed


@dataclass(frozen=True)
class Section:
    name: str
    # Which of several wins: a labelled field over a kicker glued to the headline, over a
    # label on the date line or a short line above the headline.
    rank: int


FIELD_RANK, KICKER_RANK, NEARBY_RANK = 3, 2, 1


def bounds(ctx, head: int) -> tuple[int, int, int]:
    """(first, header_end, body_start): the header runs from ``first`` above the headline down
    to the last byline or date line within reach below it; the body starts after it."""
    lines, lexicon = ctx.lines, ctx.lexicon
    start = max(ctx.extent[0], head + 1)
    # Dates, bylines and labelled fields may also sit just above the headline, with
    # boilerplate ("Final Edition") between them and it.
    first = probe = head
    while probe > 0 and head - probe < ctx.thresholds.header_above:
        text = lines[probe - 1].text
        if is_header_line(text, lexicon) or is_field(text):
            first = probe - 1
        elif ctx.rule_hits[probe - 1] is None:
            break
        probe -= 1
    header_end = head
    paragraphs = 0
    for index in range(head + 1, min(len(lines), head + ctx.thresholds.header_reach)):
        paragraphs += lines[index].prose
        if paragraphs > 1:  # a dek is one paragraph; two mean the body has begun
            break
        if is_header_line(lines[index].text, lexicon) or is_field(lines[index].text):
            header_end = index
    return first, header_end, max(start, header_end + 1)


def label(ctx, labels) -> dict[int, Label]:
    head = headline_index(ctx, labels)
    if head is None:
        return {}
    lines, lexicon, rules = ctx.lines, ctx.lexicon, ctx.rules
    first, header_end, body_start = bounds(ctx, head)
    start = max(ctx.extent[0], head + 1)
    new: dict[int, Label] = {}
    # A short line right above the headline (or above the lines just found) is its kicker.
    above = lines[first - 1] if first > 0 else None
    if (
        above is not None
        and above.index not in labels
        and 1 <= above.words <= ctx.thresholds.kicker_words
        and above.kind in ("text", "heading")
        and is_title_shaped(above.text, min_words=1, max_words=ctx.thresholds.kicker_words)
        and not rules.first(above.text, False)
    ):
        new[above.index] = Label(Kind.SECTION, value=Section(above.text, NEARBY_RANK))

    byline_names: set[str] = set()
    name_lines: list[int] = []
    pending_by = False
    has_dek = labels.first(Kind.DEK) is not None
    has_authors = False
    # Below the headline first: a date on the byline beats a masthead's date above it.
    for index in [*range(head + 1, body_start), *range(max(first, 0), head)]:
        if index in labels or index in new:
            continue
        line = lines[index]
        text = line.text
        if ctx.rule_hits[index] is not None and ctx.rule_hits[index].kind == "caption":
            rule = ctx.rule_hits[index]
            new[index] = Label.for_rule(rule)
            continue
        byline_above = new.get(index - 1)
        if (
            byline_above is not None
            and byline_above.kind == Kind.BYLINE
            and byline_above.value[0]
            and byline_above.value[0][-1].role is None
            and (role := role_line(text, lexicon=lexicon))
        ):
            # "By Gemma Whitlock" over "Senior Reporter": one byline, the role under the name.
            authors, date = byline_above.value
            authors = (*authors[:-1], replace(authors[-1], role=role))
            new[index - 1] = Label(Kind.BYLINE, value=(authors, date))
            new[index] = Label(Kind.BYLINE, value=((), None))
            continue
        is_label = is_byline_label(text, lexicon=lexicon)
        if is_label or pending_by:
            # Under a "By" label the names follow one a line, each perhaps with its role.
            if is_label:
                authors = None
            elif pending_by == "first":
                authors = parse_byline(text, lexicon=lexicon) or parse_byline(
                    f"By {text}", lexicon=lexicon
                )
            else:
                authors = parse_byline(text, lexicon=lexicon) or lone_name(text, lexicon=lexicon)
            pending_by = "first" if is_label else ("more" if authors else False)
            if is_label or authors:
                new[index] = Label(Kind.BYLINE, value=(tuple(authors or ()), None))
                byline_names.update(normal_form(a.name) for a in authors or ())
                has_authors = has_authors or bool(authors)
                continue
        field = SECTION_FIELD.match(text)
        if field and line.words <= 16:
            new[index] = Label(
                Kind.SECTION, value=Section(field.group("value").strip(), FIELD_RANK)
            )
            continue
        authors = parse_byline(text, lexicon=lexicon)
        if authors:
            # "Jane Roe / Outlet / Sep 2, 2024"
            new[index] = Label(
                Kind.BYLINE, value=(tuple(authors), find_date(text, lexicon, ctx.options))
            )
            byline_names.update(normal_form(a.name) for a in authors)
            has_authors = True
            continue
        date_line = read_date_line(text, lexicon, ctx.options, fallback=True)
        if date_line is not None:
            found, section = date_line
            new[index] = Label(Kind.DATE, value=DateLine(found, section, None if found else text))
            continue
        rule = rules.first(text, False)
        if rule is not None:
            new[index] = Label.for_rule(rule)
            continue
        if is_field(text):
            new[index] = Label.drop(Reason.FIELD)
            continue
        if is_name(clean_byline(text, lexicon=lexicon), lexicon=lexicon):
            near_date = any(
                read_date_line(s.text, lexicon) for s in lines[max(head + 1, index - 1) : index + 2]
            )
            if near_date or head < index <= head + 6:
                name_lines.append(index)
            new[index] = Label.drop(Reason.AUTHOR_NAME)
            continue
        if not has_dek and head < index < header_end and not has_authors and line.words >= 6:
            new[index] = Label(Kind.DEK, value=text)
            has_dek = True
            continue
        below = index > header_end
        if (
            (line.prose and index >= start)
            or (below and line.short_paragraph)
            or line.long_prose
            or ctx.clean_export
        ):
            new[index] = Label(Kind.PARAGRAPH)
            continue
        if below and line.kind == "heading":
            new[index] = Label(Kind.HEADING, value=min(max(line.level or 2, 2), 4))
            continue
        new[index] = Label.drop(Reason.HEADER)

    # A name on its own next to the byline is a photo label; with no byline, the first such
    # name is the author.
    for index in name_lines:
        if lines[index].normal in byline_names:
            new[index] = Label.drop(Reason.AUTHOR_PHOTO_LABEL)
        elif not byline_names:
            name = clean_byline(lines[index].text, lexicon=lexicon)
            new[index] = Label(Kind.BYLINE, value=((Author(name),), None))
            byline_names.add(normal_form(name))
    return new
