"""Stage 3: find the article in a list of segments.

Pages copied from a browser bury the article between menus, share buttons, sign-up boxes and
related links. The article body is the densest run of sentence-shaped lines, so it is found
first (a maximum-sum run over per-line scores); the headline is the best title-shaped line
above it, and the lines between headline and body carry byline, date, dek and section. Inside
the body, rules (``rules.py``) and line shape decide what is kept; every other line is
recorded in ``dropped`` with the reason.

This module holds the ``Recognised`` value and ``recognise``, which runs the steps in order;
the steps live beside it: ``body.py`` (the run and its reading), ``headline.py``, ``header.py``
(dates, fields, dek), ``byline.py``, ``images.py`` (captions) and ``shape.py`` (line shape).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from . import dates
from .body import (
    drop_line,
    drop_pull_quotes,
    drop_rest,
    line_score,
    main_run,
    read_body,
    teasers_in,
)
from .header import SECTION_FIELD, find_date_anywhere, read_header
from .headline import find_headline, split_kicker
from .images import CAPTION_RULE, attach_captions, plain_captions
from .result import Author, BodyBlock, Dropped, Image
from .rules import Rule
from .segment import PageMeta, Segment
from .shape import word_count


@dataclass
class Recognised:
    headline: str | None = None
    headline_index: int | None = None
    dek: str | None = None
    section: str | None = None
    published: object = None
    updated: object = None
    authors: list[Author] = field(default_factory=list)
    lead_image: Image | None = None
    tags: list[str] = field(default_factory=list)
    body: list[BodyBlock] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    # What the pipeline warns about: how sure the headline is, a date it could not place.
    headline_guessed: bool = False
    relative_date: str | None = None


class _RuleMatcher:
    """Applies a rule set to lines, remembering answers: pages repeat their lines a lot, and
    pages of one archive repeat each other's, so a rule set keeps its answers across pages."""

    CACHE_LIMIT = 50_000

    def __init__(self, rules: list[Rule]):
        self.rules = rules
        self.cache: dict[str, list[Rule]] = {}

    @classmethod
    @functools.lru_cache(maxsize=8)
    def for_rules(cls, rules: tuple[Rule, ...]) -> _RuleMatcher:
        return cls(list(rules))

    def first(self, text: str, in_body: bool = False) -> Rule | None:
        matched = self.cache.get(text)
        if matched is None:
            if len(self.cache) > self.CACHE_LIMIT:
                self.cache.clear()
            words = word_count(text)
            matched = self.cache[text] = [rule for rule in self.rules if rule.matches(text, words)]
        for rule in matched:
            if rule.scope == "any" or (rule.scope == "body") == in_body:
                return rule
        return None


def recognise(segments: list[Segment], rules: list[Rule], meta: PageMeta | None = None):
    result = Recognised()
    rules = _RuleMatcher.for_rules(tuple(rules))
    if not segments:
        return result
    rule_hits = [rules.first(s.text, False) for s in segments]
    attach_captions(segments, rule_hits)
    for index in plain_captions(segments, rule_hits):
        rule_hits[index] = CAPTION_RULE
    teasers = teasers_in(segments)
    scores = [
        -2 if index in teasers else line_score(segment, rule)
        for index, (segment, rule) in enumerate(zip(segments, rule_hits))
    ]
    start, end = main_run(scores)
    if end < start:
        return result

    head, result.headline_guessed = find_headline(segments, rules, start, meta)
    kicker = None
    if head is None and meta and meta.headline:
        result.headline = meta.headline
        head = start - 1
    elif head is not None:
        kicker, result.headline = split_kicker(segments[head].text)
        result.headline_index = head
        if head >= start:
            start = head + 1
    else:
        return result

    for index in range(0, max(head, 0)):
        drop_line(result, segments[index], rule_hits[index], "navigation")
    body_start = read_header(result, segments, rules, head, start, rule_hits)
    if kicker:
        result.section = kicker  # glued to the headline, it beats a label further up
    read_body(result, segments, rules, body_start, end, teasers, rule_hits)
    drop_pull_quotes(result, segments)
    if result.published is None and result.updated is None:
        find_date_anywhere(result, segments, head)
    # A labelled section ("SECTION: METRO", "Posted in Council Watch") beats a guessed kicker.
    for segment in segments:
        field = SECTION_FIELD.match(segment.text)
        if field and word_count(segment.text) <= 16:
            result.section = field.group("value").strip()
            break
    drop_rest(result, segments, rule_hits, end + 1)
    if meta:
        _apply_meta(result, meta)
        result.dropped.extend(Dropped(seg.line, seg.text, rule) for seg, rule in meta.removed)
    return result


def _apply_meta(result, meta: PageMeta):
    """Page metadata is what the publisher declared; prefer it over what was guessed."""
    if meta.headline and not result.headline:
        result.headline = meta.headline
    if meta.authors:
        result.authors = [Author(name) for name in meta.authors]
    published = dates.coerce(meta.published)
    if published is not None:
        result.published = published
    updated = dates.coerce(meta.updated)
    if updated is not None and updated != result.published:
        result.updated = updated
    if meta.section:
        result.section = meta.section
    if meta.keywords:
        result.tags = list(meta.keywords)
