"""The article body: finding the densest run of prose in the page, and reading it.

The run is a maximum-sum run over per-line scores; inside it, rules and line shape decide
what is kept as paragraphs, headings, lists and images, and what is dropped (teasers, key
points, pull quotes, related stories) and why. What follows the article is recorded as dropped.
"""

from __future__ import annotations

import re

from .byline import clean_byline, is_name, parse_byline
from .header import is_header_line, read_date_line
from .images import CAPTION_RULE, take_image
from .result import BodyBlock, Dropped
from .rules import Rule
from .segment import Segment
from .shape import (
    is_content,
    is_sentence,
    is_short_paragraph,
    is_title_shaped,
    normal_form,
    word_count,
)

# --- the article's place in the page ---------------------------------------------------


def line_score(segment: Segment, rule: Rule | None) -> float:
    words = word_count(segment.text)
    if segment.kind == "image":
        return 0
    if rule is not None:
        return -4
    if is_content(segment):
        return min(words, 60)
    if segment.kind == "heading":
        return -1
    if is_sentence(segment.text) and words >= 4:
        return 1
    return -3 if words <= 3 else -5


def main_run(scores: list[float]) -> tuple[int, int]:
    """Start and end (inclusive) of the maximum-sum run of ``scores``."""
    best, best_span = float("-inf"), (0, -1)
    total, start = 0.0, 0
    for index, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, index
        total += score
        if total > best:
            best, best_span = total, (start, index)
    return best_span


def drop_pull_quotes(result, segments):
    """A short paragraph repeating words found in another paragraph is a pull quote."""
    normals = [
        (normal_form(block.text), block) for block in result.body if block.type == "paragraph"
    ]
    repeated = []
    for key, block in normals:
        if word_count(key) < 4 or word_count(key) > 40:
            continue
        if any(
            other is not block and len(text) > len(key) and f" {key} " in f" {text} "
            for text, other in normals
        ):
            repeated.append(block)
    for block in repeated:
        result.body.remove(block)
        line = next((s.line for s in segments if s.text == block.text), None)
        result.dropped.append(Dropped(line, block.text, "pull-quote"))


def teasers_in(segments) -> set[int]:
    """Prose lines packed between labels, in a page whose paragraphs have blank lines between
    them: that is how related-story teasers look once copied (title, label, blurb, ...)."""
    content = [i for i, s in enumerate(segments) if is_content(s)]
    # Judge the page's paragraph style by its first paragraphs: teasers come later.
    first = content[:8]
    if not first or sum(segments[i].gap_before for i in first) < len(first) * 0.6:
        return set()
    return {
        i
        for i in content
        if i > 0
        and not segments[i].gap_before
        and not is_content(segments[i - 1])
        and segments[i - 1].kind != "image"
        and not is_header_line(segments[i - 1].text)
    }


def drop_rest(result, segments, rule_hits, start):
    """Record what follows the article, naming sign-up blocks as a whole."""
    block = None
    for index in range(start, len(segments)):
        segment, rule = segments[index], rule_hits[index]
        words = word_count(segment.text)
        if rule is None and block is not None and block.continues_block(segment.text, words):
            rule = block
        block = (
            rule
            if rule is not None and rule.kind == "drop-block"
            else (block if rule is block else None)
        )
        drop_line(result, segment, rule, "after-article")


def drop_line(result, segment, rule, default):
    if segment.kind == "image" and not segment.text:
        return
    result.dropped.append(Dropped(segment.line, segment.text, rule.name if rule else default))


def _story_cards(segments, start, end) -> dict[int, int]:
    """Other stories listed after the article, each a title, a byline and a date over a blurb:
    every line of such a card, mapped to how many cards start there or later."""
    starts = [
        index
        for index in range(start, end - 2)
        if is_title_shaped(segments[index].text)
        and (
            parse_byline(segments[index + 1].text)
            or is_name(clean_byline(segments[index + 1].text))
        )
        and read_date_line(segments[index + 2].text) is not None
        and is_content(segments[index + 3])
    ]
    return {
        index + offset: len(starts) - position
        for position, index in enumerate(starts)
        for offset in range(4)
    }


def _summary_run(segments, rules, start, end) -> range:
    """Key points above the article: its first sentences packed one a line with no blank line
    between them, while the paragraphs after them are set apart by blank lines."""
    first = start
    while first <= end and (
        segments[first].kind == "image"
        or rules.first(segments[first].text, False)
        or not is_short_paragraph(segments[first].text)
    ):
        first += 1
    stop = first
    while (
        stop <= end
        and segments[stop].kind == "text"
        and (stop == first or not segments[stop].gap_before)
        and is_short_paragraph(segments[stop].text)
        and word_count(segments[stop].text) <= 45
    ):
        stop += 1
    # A photo credit or an advertising label may hang under the last point.
    tail = stop
    while tail <= end and not segments[tail].gap_before and not is_content(segments[tail]):
        tail += 1
    if stop - first < 2 or tail > end or not segments[tail].gap_before:
        return range(0)
    after = [s for s in segments[stop : end + 1] if is_content(s)][:6]
    if len(after) < 3 or sum(s.gap_before for s in after) < len(after) * 0.8:
        return range(0)
    return range(first, stop)


def read_body(result, segments, rules, start, end, teasers, rule_hits):
    seen: set[str] = {normal_form(result.headline or "")}
    paragraphs = 0
    cards = _story_cards(segments, start, end)
    summary = _summary_run(segments, rules, start, end)
    index = start
    while index <= end:
        segment = segments[index]
        text = segment.text
        key = normal_form(text)
        if paragraphs >= 3 and cards.get(index, 0) >= 2:
            # A run of signed, dated stories after the article: the article is over.
            for skipped in segments[index : end + 1]:
                drop_line(result, skipped, None, "related-stories")
            break
        if segment.kind == "image":
            take_image(result, segment)
            index += 1
            continue
        rule = rules.first(text, paragraphs >= 3)
        if rule_hits[index] is CAPTION_RULE:
            rule = CAPTION_RULE
        if rule is not None and rule.kind in ("end", "box"):
            # "Most popular" boxes also interrupt long articles: a label ends the article
            # when less text than came before follows it, unless it heads a short box that
            # gives way to a run of paragraphs (lists of other stories have one blurb a
            # title); otherwise skip to the prose.
            kept = sum(word_count(b.text) for b in result.body)
            rest = sum(word_count(s.text) for s in segments[index : end + 1] if is_content(s))
            stop = index + 1
            while stop <= end and not is_content(segments[stop]):
                stop += 1
            resumes = (
                rule.kind == "box"
                and stop - index <= 16
                and stop < end
                and is_content(segments[stop + 1])
            )
            if rest < kept / 2 and not resumes:
                stop = end + 1
            for skipped in segments[index:stop]:
                drop_line(result, skipped, None, rule.name)
            index = stop
            continue
        if rule is not None and rule.kind == "drop-block":
            result.dropped.append(Dropped(segment.line, text, rule.name))
            index += 1
            while index <= end and rule.continues_block(
                segments[index].text, word_count(segments[index].text)
            ):
                drop_line(result, segments[index], rule, rule.name)
                index += 1
            continue
        if rule is not None and rule.kind == "drop-next":
            result.dropped.append(Dropped(segment.line, text, rule.name))
            index += 1
            if index <= end and not segments[index].gap_before:
                drop_line(result, segments[index], rule, rule.name)
                index += 1
            continue
        if rule is not None:
            result.dropped.append(Dropped(segment.line, text, rule.name))
        elif index in teasers:
            result.dropped.append(Dropped(segment.line, text, "teaser"))
        elif index in summary:
            result.dropped.append(Dropped(segment.line, text, "summary"))
        elif key in seen and key:
            result.dropped.append(Dropped(segment.line, text, "repeated"))
        elif segment.kind == "heading":
            level = min(max(segment.level or 2, 2), 4)
            result.body.append(BodyBlock("heading", text, html=None, level=level))
        elif segment.kind == "item":
            index = _read_list(result, segments, index, end)
            continue
        elif _LIST_MARK.match(text) and _marked_run(segments, index, end) > 1:
            index = _read_text_list(result, segments, index, end)
            continue
        elif is_content(segment) or is_short_paragraph(text):
            result.body.append(BodyBlock("paragraph", text, html=segment.html))
            paragraphs += 1
        elif _is_heading(segments, index, start, end):
            result.body.append(BodyBlock("heading", text, level=2))
        else:
            run = _in_short_run(segments, index, start, end)
            result.dropped.append(Dropped(segment.line, text, "link-list" if run else "short-line"))
        seen.add(key)
        index += 1


def _is_heading(segments, index, start, end) -> bool:
    if not is_title_shaped(segments[index].text, min_words=1, max_words=16):
        return False
    before = segments[index - 1] if index > start else None
    after = segments[index + 1] if index < end else None
    return (before is None or is_content(before)) and after is not None and is_content(after)


def _in_short_run(segments, index, start, end) -> bool:
    neighbours = [segments[i] for i in (index - 1, index + 1) if start <= i <= end]
    return any(not is_content(s) and s.kind != "image" for s in neighbours)


_LIST_MARK = re.compile(r"^(?:[-*•·▪–]|(?P<number>\d{1,2})[.)])\s+")


def _marked_run(segments, index, end) -> int:
    """How many lines from ``index`` carry the same kind of list marker ("•", "1.")."""
    numbered = bool(_LIST_MARK.match(segments[index].text).group("number"))
    count = 0
    while index + count <= end:
        match = _LIST_MARK.match(segments[index + count].text)
        if match is None or bool(match.group("number")) != numbered:
            break
        count += 1
    return count


def _read_text_list(result, segments, index, end) -> int:
    """Plain-text bullets or numbers become one list block, markers removed."""
    count = _marked_run(segments, index, end)
    items = [_LIST_MARK.sub("", s.text, count=1) for s in segments[index : index + count]]
    ordered = bool(_LIST_MARK.match(segments[index].text).group("number"))
    result.body.append(BodyBlock("list", "\n".join(items), items=items, ordered=ordered))
    return index + count


def _read_list(result, segments, index, end) -> int:
    """Group list items; keep a list of prose, drop a list of links."""
    list_id = segments[index].list_id
    items = []
    while index <= end and segments[index].kind == "item" and segments[index].list_id == list_id:
        items.append(segments[index])
        index += 1
    linky = sum(1 for item in items if item.html and item.html.startswith("<a ")) > len(items) / 2
    if linky and not any(is_content(item) for item in items):
        for item in items:
            result.dropped.append(Dropped(item.line, item.text, "link-list"))
        return index
    texts = [item.text for item in items]
    result.body.append(BodyBlock("list", "\n".join(texts), items=texts, ordered=items[0].ordered))
    return index
