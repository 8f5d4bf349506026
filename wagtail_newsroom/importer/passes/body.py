"""Pass: the article's text, from the end of its header to the end of its extent.

Rules and line shape decide what is kept as paragraphs, headings and lists, and what is
dropped (teasers, key points, sign-up blocks, related stories) and why. Keep by default: a
line is dropped only on positive evidence, and nothing of a clean export is dropped.
"""

from __future__ import annotations

import re

from ..byline import clean_byline, is_name, parse_byline
from ..datelines import read_date_line
from ..labels import Kind, Label
from ..reasons import Reason
from ..shape import is_title_shaped, normal_form
from .header import bounds
from .headline import headline_index, headline_label

_LIST_MARK = re.compile(r"^(?:[-*•·▪–]|(?P<number>\d{1,2})[.)])\s+")
_KEPT = (Kind.PARAGRAPH, Kind.LIST, Kind.LIST_ITEM, Kind.HEADING)


def label(ctx, labels) -> dict[int, Label]:
    head = headline_index(ctx, labels)
    if head is None:
        return {}
    lines, rules, thresholds = ctx.lines, ctx.rules, ctx.thresholds
    start = bounds(ctx, head)[2]
    end = ctx.extent[1]
    clean = ctx.clean_export
    new: dict[int, Label] = {}
    headline = headline_label(labels)
    seen = {normal_form(headline.value.text if headline else ctx.meta.headline)}
    kept = sum(lines[i].words for i, lab in labels.items() if lab.kind in _KEPT)
    paragraphs = 0
    cards = {} if clean else _story_cards(ctx, start, end)
    summary = range(0) if clean else _summary_run(ctx, start, end)
    index = start
    while index <= end:
        line = lines[index]
        if index in labels:
            index += 1
            continue
        text, key = line.text, line.normal
        if paragraphs >= 3 and cards.get(index, 0) >= 2:
            # A run of signed, dated stories after the article: the article is over.
            for skipped in range(index, end + 1):
                if skipped not in labels:
                    new[skipped] = Label.drop(Reason.RELATED_STORIES)
            break
        rule = rules.first(text, paragraphs >= thresholds.body_rules_after)
        if rule is not None and rule.kind in ("end", "box"):
            # "Most popular" boxes also interrupt long articles: a label ends the article
            # when less text than came before follows it, unless it heads a short box that
            # gives way to a run of paragraphs (lists of other stories have one blurb a
            # title); otherwise skip to the prose.
            rest = sum(s.words for s in lines[index : end + 1] if s.prose)
            stop = index + 1
            while stop <= end and not lines[stop].prose:
                stop += 1
            resumes = (
                rule.kind == "box" and stop - index <= 16 and stop < end and lines[stop + 1].prose
            )
            if rest < kept / 2 and not resumes:
                stop = end + 1
            for skipped in range(index, stop):
                if skipped not in labels:
                    new[skipped] = Label.for_rule(rule)
            index = stop
            continue
        if rule is not None and rule.kind == "drop-block":
            new[index] = Label.for_rule(rule)
            index += 1
            while (
                index <= end
                and index not in labels
                and rule.continues_block(lines[index].text, lines[index].words)
                # A paragraph set apart by a blank line is the article again.
                and not (lines[index].prose and lines[index].gap_before)
            ):
                new[index] = Label.for_rule(rule)
                index += 1
            continue
        if rule is not None and rule.kind == "drop-next":
            new[index] = Label.for_rule(rule)
            index += 1
            if index <= end and index not in labels and not lines[index].gap_before:
                new[index] = Label.for_rule(rule)
                index += 1
            continue
        if rule is not None:
            new[index] = Label.for_rule(rule)
        elif not clean and index in ctx.teasers:
            new[index] = Label.drop(Reason.TEASER)
        elif index in summary:
            new[index] = Label.drop(Reason.SUMMARY)
        elif not clean and (index in ctx.repeated_blocks or (key and key in seen)):
            new[index] = Label.drop(Reason.REPEATED)
        elif line.kind == "heading":
            new[index] = Label(Kind.HEADING, value=min(max(line.level or 2, 2), 4))
        elif line.kind == "item":
            index = _label_list(ctx, labels, new, index, end)
            continue
        elif _LIST_MARK.match(text) and _marked_run(lines, labels, index, end) > 1:
            index, count = _label_text_list(lines, labels, new, index, end)
            paragraphs += count
            continue
        elif line.prose or line.short_paragraph or clean:
            new[index] = Label(Kind.PARAGRAPH)
            paragraphs += 1
            kept += line.words
        elif _is_heading(lines, index, start, end):
            new[index] = Label(Kind.HEADING, value=2)
        elif (stop := _introduced_run(ctx, new, index, end)) > index + 1:
            items = tuple(lines[i].text for i in range(index, stop))
            new[index] = Label(Kind.LIST, value=(items, False))
            for other in range(index + 1, stop):
                new[other] = Label(Kind.LIST_ITEM)
            seen.update(lines[i].normal for i in range(index, stop))
            index = stop
            continue
        else:
            run = _in_short_run(lines, index, start, end)
            new[index] = Label.drop(Reason.LINK_LIST if run else Reason.SHORT_LINE)
        seen.add(key)
        index += 1
    return new


def _story_cards(ctx, start, end) -> dict[int, int]:
    """Other stories listed after the article, each a title, a byline and a date over a blurb:
    every line of such a card, mapped to how many cards start there or later."""
    lines, lexicon = ctx.lines, ctx.lexicon
    starts = [
        index
        for index in range(start, end - 2)
        if lines[index].title_shaped
        and (
            parse_byline(lines[index + 1].text, lexicon=lexicon)
            or is_name(clean_byline(lines[index + 1].text, lexicon=lexicon), lexicon=lexicon)
        )
        and read_date_line(lines[index + 2].text, lexicon) is not None
        and lines[index + 3].prose
    ]
    return {
        index + offset: len(starts) - position
        for position, index in enumerate(starts)
        for offset in range(4)
    }


def _summary_run(ctx, start, end) -> range:
    """Key points above the article: its first sentences packed one a line with no blank line
    between them, while the paragraphs after them are set apart by blank lines."""
    lines, rules = ctx.lines, ctx.rules
    first = start
    while first <= end and (
        lines[first].kind == "image"
        or rules.first(lines[first].text, False)
        or not lines[first].short_paragraph
    ):
        first += 1
    stop = first
    while (
        stop <= end
        and lines[stop].kind == "text"
        and (stop == first or not lines[stop].gap_before)
        and lines[stop].short_paragraph
        and lines[stop].words <= ctx.thresholds.summary_words
    ):
        stop += 1
    # A photo credit or an advertising label may hang under the last point.
    tail = stop
    while tail <= end and not lines[tail].gap_before and not lines[tail].prose:
        tail += 1
    if stop - first < 2 or tail > end or not lines[tail].gap_before:
        return range(0)
    after = [s for s in lines[stop : end + 1] if s.prose][:6]
    if len(after) < 3 or sum(s.gap_before for s in after) < len(after) * 0.8:
        return range(0)
    return range(first, stop)


def _is_heading(lines, index, start, end) -> bool:
    if not is_title_shaped(lines[index].text, min_words=1, max_words=16):
        return False
    before = lines[index - 1] if index > start else None
    after = lines[index + 1] if index < end else None
    return (before is None or before.prose) and after is not None and after.prose


def _in_short_run(lines, index, start, end) -> bool:
    neighbours = [lines[i] for i in (index - 1, index + 1) if start <= i <= end]
    return any(not s.prose and s.kind != "image" for s in neighbours)


def _marked_run(lines, labels, index, end) -> int:
    """How many lines from ``index`` carry the same kind of list marker ("•", "1.")."""
    numbered = bool(_LIST_MARK.match(lines[index].text).group("number"))
    count = 0
    while index + count <= end and index + count not in labels:
        match = _LIST_MARK.match(lines[index + count].text)
        if match is None or bool(match.group("number")) != numbered:
            break
        count += 1
    return count


def _label_text_list(lines, labels, new, index, end) -> tuple[int, int]:
    """Plain-text bullets or numbers become one list, markers removed; numbered paragraphs
    of several sentences ("1. Eat well. Most of us ...") stay paragraphs with their numbers,
    which a list broken by a paragraph between its items would renumber. Returns where the
    run ends and how many paragraphs it gave."""
    count = _marked_run(lines, labels, index, end)
    run = lines[index : index + count]
    ordered = bool(_LIST_MARK.match(lines[index].text).group("number"))
    if ordered and sum(_sentences(line.text) > 1 for line in run) * 2 > count:
        for line in run:
            new[line.index] = Label(Kind.PARAGRAPH)
        return index + count, count
    items = tuple(_LIST_MARK.sub("", line.text, count=1) for line in run)
    new[index] = Label(Kind.LIST, value=(items, ordered))
    for other in range(index + 1, index + count):
        new[other] = Label(Kind.LIST_ITEM)
    return index + count, 0


_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z“\"‘'])")


def _sentences(text: str) -> int:
    return len(_SENTENCE_BREAK.findall(_LIST_MARK.sub("", text, count=1))) + 1


def _introduced_run(ctx, new, index, end) -> int:
    """Where a run of short lines ends when a kept paragraph ending in a colon introduces it
    ("Food sources include:" then "Broccoli", "Cabbage"): the article's own list, not a menu.
    ``index`` itself when no paragraph introduces it."""
    lines = ctx.lines
    above = new.get(index - 1)
    if above is None or above.kind is not Kind.PARAGRAPH or not lines[index - 1].text.endswith(":"):
        return index
    stop = index
    while (
        stop <= end
        and stop not in new
        and lines[stop].kind == "text"
        and not lines[stop].prose
        and not lines[stop].sentence
        and lines[stop].words <= ctx.thresholds.list_item_words
        and ctx.rule_hits[stop] is None
    ):
        stop += 1
    return stop


def _label_list(ctx, labels, new, index, end) -> int:
    """Group list items; keep a list of prose, drop a list of links."""
    lines = ctx.lines
    list_id = lines[index].list_id
    items = []
    while (
        index <= end
        and index not in labels
        and lines[index].kind == "item"
        and lines[index].list_id == list_id
    ):
        items.append(lines[index])
        index += 1
    linky = sum(1 for item in items if item.link_density > 0.5) > len(items) / 2
    if linky and not any(item.prose for item in items) and not ctx.clean_export:
        for item in items:
            new[item.index] = Label.drop(Reason.LINK_LIST)
        return index
    new[items[0].index] = Label(
        Kind.LIST, value=(tuple(item.text for item in items), items[0].ordered)
    )
    for item in items[1:]:
        new[item.index] = Label(Kind.LIST_ITEM)
    return index
