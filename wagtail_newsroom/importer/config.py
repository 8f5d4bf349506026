"""How one import reads its articles: the finished rule list, the lexicon and the options.

``resolve`` is the one place rule sets, lexicon extensions and date options are put together;
the management command, the admin import task and library callers all build a ``ParseConfig``
with it once per run and hand it to ``parse``. Nothing here reads Django settings:
``wagtail_newsroom.conf.importer_config`` passes them in.
"""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass

from .context import DEFAULT_OPTIONS, Options
from .lexicon import DEFAULT_LEXICON, LANGUAGES, Lexicon, build_lexicon
from .rules import DEFAULT_RULES, Rule, load_rules
from .thresholds import THRESHOLDS, Thresholds


@dataclass(frozen=True)
class ParseConfig:
    rules: tuple[Rule, ...] = tuple(DEFAULT_RULES)
    lexicon: Lexicon = DEFAULT_LEXICON
    thresholds: Thresholds = THRESHOLDS
    options: Options = DEFAULT_OPTIONS


DEFAULT_CONFIG = ParseConfig()


def resolve(
    rule_sets=(),
    *,
    languages=LANGUAGES,
    lexicon_extra=None,
    day_first: bool | None = None,
    time_zone: str | datetime.tzinfo | None = None,
) -> ParseConfig:
    """A ``ParseConfig``: the site's rule sets (each a list of rules or dicts, a dotted module
    path, or a ``.py``/``.json`` file) ahead of the defaults, so that they win."""
    rules: list[Rule] = []
    for rule_set in rule_sets:
        if isinstance(rule_set, str):
            rules.extend(load_rules(rule_set))
        else:
            rules.extend(item if isinstance(item, Rule) else Rule(**item) for item in rule_set)
    if isinstance(time_zone, str):
        time_zone = zoneinfo.ZoneInfo(time_zone)
    lexicon = (
        DEFAULT_LEXICON
        if tuple(languages) == LANGUAGES and not lexicon_extra
        else build_lexicon(tuple(languages), lexicon_extra)
    )
    return ParseConfig(
        rules=(*rules, *DEFAULT_RULES),
        lexicon=lexicon,
        options=Options(day_first=day_first, time_zone=time_zone or datetime.UTC),
    )
