"""Pass: what lies outside the article, above its header and after its end.

Every such line is recorded with its reason: the rule it matches, else where it stands
("navigation" above, "after-article" below). A sign-up block after the article is named as
a whole by the rule that opens it.
"""

from __future__ import annotations

from ..labels import Label
from ..reasons import Reason
from .header import bounds
from .headline import headline_index


def label(ctx, labels) -> dict[int, Label]:
    head = headline_index(ctx, labels)
    if head is None:
        return {}
    lines, hits = ctx.lines, ctx.rule_hits
    first = bounds(ctx, head)[0] if head >= 0 else 0
    new = {}
    for index in range(0, max(first, 0)):
        if index not in labels:
            rule = hits[index]
            new[index] = Label.for_rule(rule) if rule else Label.drop(Reason.NAVIGATION)
    block = None
    for index in range(ctx.extent[1] + 1, len(lines)):
        line, rule = lines[index], hits[index]
        if rule is None and block is not None and block.continues_block(line.text, line.words):
            rule = block
        block = (
            rule
            if rule is not None and rule.kind == "drop-block"
            else (block if rule is block else None)
        )
        if index in labels:
            continue
        new[index] = Label.for_rule(rule) if rule else Label.drop(Reason.AFTER_ARTICLE)
    return new
