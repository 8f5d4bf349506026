"""Pass: pull quotes, short excerpts that repeat words of a longer paragraph.

A pull quote is set for display and repeats text a reader has read or will read; keeping it
would give the article its words twice. A line said twice in full is left to the body pass
("repeated"). Clean exports have them too, where the CMS kept the display copy.
"""

from __future__ import annotations

from collections import Counter

from ..labels import Label
from ..reasons import Reason
from .headline import headline_index


def label(ctx, labels) -> dict[int, Label]:
    head = headline_index(ctx, labels)
    if head is None:
        return {}
    low, high = ctx.thresholds.pull_quote_words
    pool = [
        line
        for line in ctx.lines[head + 1 : ctx.extent[1] + 1]
        if line.index not in labels and (line.prose or line.short_paragraph) and line.normal
    ]
    # Lines are joined with a newline so that an excerpt cannot match across two of them.
    joined = "\n".join(f" {line.normal} " for line in pool)
    identical = Counter(line.normal for line in pool)
    return {
        line.index: Label.drop(Reason.PULL_QUOTE)
        for line in pool
        if low <= len(line.normal.split()) <= high
        and joined.count(f" {line.normal} ") > identical[line.normal]
    }
