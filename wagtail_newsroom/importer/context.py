"""What every labelling pass reads: the lines, the rules, the lexicon, the thresholds.

``Context`` is frozen; what several passes need to know of the page as a whole (which rule
each line matches, where the densest run of prose lies, whether the page is a clean export)
is worked out once, on first use, from the lines alone.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass
from functools import cached_property

from .datelines import is_field, is_header_line
from .lexicon import DEFAULT_LEXICON, Lexicon
from .lines import Line
from .rules import Rule
from .segment import PageMeta
from .thresholds import THRESHOLDS, Thresholds


class RuleMatcher:
    """Applies a rule set to lines, remembering answers: pages repeat their lines a lot, and
    pages of one archive repeat each other's, so a rule set keeps its answers across pages."""

    CACHE_LIMIT = 50_000

    def __init__(self, rules: tuple[Rule, ...]):
        self.rules = rules
        self.cache: dict[str, tuple[Rule, ...]] = {}

    @classmethod
    @functools.lru_cache(maxsize=8)
    def for_rules(cls, rules: tuple[Rule, ...]) -> RuleMatcher:
        return cls(rules)

    def first(self, text: str, in_body: bool = False) -> Rule | None:
        matched = self.cache.get(text)
        if matched is None:
            if len(self.cache) > self.CACHE_LIMIT:
                self.cache.clear()
            words = len(text.split())
            matched = self.cache[text] = tuple(r for r in self.rules if r.matches(text, words))
        for rule in matched:
            if rule.scope == "any" or (rule.scope == "body") == in_body:
                return rule
        return None


@dataclass(frozen=True)
class Options:
    """How to read what the text leaves open: the order of numeric dates, and the time zone
    of times given without one."""

    day_first: bool | None = None
    time_zone: datetime.tzinfo = datetime.UTC


DEFAULT_OPTIONS = Options()


@dataclass(frozen=True)
class Context:
    lines: tuple[Line, ...]
    rules: RuleMatcher
    lexicon: Lexicon = DEFAULT_LEXICON
    thresholds: Thresholds = THRESHOLDS
    options: Options = DEFAULT_OPTIONS
    meta: PageMeta | None = None

    def __len__(self):
        return len(self.lines)

    @cached_property
    def rule_hits(self) -> tuple[Rule | None, ...]:
        """The first header-scoped rule each line matches."""
        return tuple(self.rules.first(line.text, False) for line in self.lines)

    @cached_property
    def teasers(self) -> frozenset[int]:
        """Prose lines packed between labels, in a page whose paragraphs have blank lines
        between them: that is how related-story teasers look once copied."""
        lines = self.lines
        content = [line.index for line in lines if line.prose]
        first = content[: self.thresholds.style_sample]
        if not first or sum(lines[i].gap_before for i in first) < (
            len(first) * self.thresholds.gapped_share
        ):
            return frozenset()
        return frozenset(
            i
            for i in content
            if i > 0
            and not lines[i].gap_before
            and not lines[i - 1].prose
            and lines[i - 1].kind != "image"
            and not is_header_line(lines[i - 1].text, self.lexicon)
            and not self._enumerates(lines[i - 1].text)
        )

    def _enumerates(self, text: str) -> bool:
        """A line that leads into the next as list items do ("...; and", "by:"), which a
        teaser's title never does."""
        words = text.rstrip().split()
        return text.rstrip().endswith((";", ":", ",")) or (
            bool(words) and words[-1].lower() in self.lexicon.conjunctions
        )

    @cached_property
    def repeated_blocks(self) -> frozenset[int]:
        """Lines of a short block the page shows twice or more, line for line, with
        boilerplate in or beside a copy: subscription offers and sign-up forms come back so. An
        article's own paragraphs shown twice (key points, then the story) are not boilerplate
        and keep their first copy."""
        lines = self.lines
        seen: dict[str, int] = {}
        pairs: set[int] = set()
        for line in lines:
            if not line.normal:
                continue
            previous = seen.get(line.normal)
            seen[line.normal] = line.index
            if previous is None:
                continue
            # Line for line: the copy's neighbour repeats this line's neighbour.
            for step in (-1, 1):
                i, j = line.index + step, previous + step
                if (
                    0 <= j < len(lines)
                    and 0 <= i < len(lines)
                    and i != previous
                    and lines[i].normal
                    and lines[i].normal == lines[j].normal
                ):
                    pairs.update((line.index, previous, i, j))
        blocks: set[int] = set()
        run: list[int] = []
        for index in sorted(pairs) + [len(lines) + 1]:
            if run and index != run[-1] + 1:
                if len(run) <= self.thresholds.repeated_block_lines and self._flanked(run):
                    blocks.update(run)
                run = []
            run.append(index)
        return frozenset(blocks)

    def _flanked(self, run: list[int]) -> bool:
        """Whether a boilerplate rule, of the header or the body, matches a line of the run
        or one beside it."""
        return any(
            self.rule_hits[i] is not None or self.rules.first(self.lines[i].text, True)
            for i in range(max(0, run[0] - 1), min(len(self.lines), run[-1] + 2))
        )

    @cached_property
    def clean_export(self) -> bool:
        """No boilerplate at all: every line is article text or its header. Archive and CMS
        exports look so; nothing of them is dropped, and their first line is the headline."""
        lines = [line for line in self.lines if line.kind != "image"]
        if len(lines) < 2 or any(rule is not None for rule in self.rule_hits):
            return False
        if self.meta is not None and self.meta.removed:
            return False  # the page had menus, forms or asides
        furniture = sum(
            1
            for line in lines[3:]
            if not (line.prose or line.short_paragraph or line.kind in ("heading", "item"))
            and not is_header_line(line.text, self.lexicon)
            and not is_field(line.text)
        )
        return furniture <= self.thresholds.clean_furniture_share * max(1, len(lines) - 3)

    @cached_property
    def extent(self) -> tuple[int, int]:
        """Start and end (inclusive) of the article's text: the maximum-sum run of line scores,
        or every line of a clean export."""
        if self.clean_export:
            return 0, len(self.lines) - 1
        scores = [
            -2 if line.index in self.teasers else _line_score(line, rule)
            for line, rule in zip(self.lines, self.rule_hits)
        ]
        start, end = _main_run(scores)
        # Keep by default: short sentences right after the last paragraph ("Police are
        # investigating.") still belong to the article, up to the first line that does not.
        while (
            end + 1 < len(self.lines)
            and self.lines[end + 1].short_paragraph
            and self.rule_hits[end + 1] is None
            and end + 1 not in self.teasers
        ):
            end += 1
        return start, end


def _line_score(line: Line, rule: Rule | None) -> float:
    if line.kind == "image":
        return 0
    if rule is not None:
        return -4
    if line.prose:
        return min(line.words, 60)
    if line.kind == "heading":
        return -1
    if line.sentence and line.words >= 4:
        return 1
    return -3 if line.words <= 3 else -5


def _main_run(scores: list[float]) -> tuple[int, int]:
    best, best_span = float("-inf"), (0, -1)
    total, start = 0.0, 0
    for index, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, index
        total += score
        if total > best:
            best, best_span = total, (start, index)
    return best_span
