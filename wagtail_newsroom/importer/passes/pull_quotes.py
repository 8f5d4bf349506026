"""Pass: pull quotes, short excerpts that repeat words of a longer paragraph.

A pull quote is set for display and repeats text a reader has read or will read; keeping it
would give the article its words twice. A line said twice in full is left to the body pass
("repeated"). Clean exports have them too, where the CMS kept the display copy.
"""

from __future__ import annotations

from ..labels import Label
from ..reasons import Reason
from ..runs import found_inside
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
    # Whole words of one line, never across two; a line said twice is not inside its copy.
    words = [line.normal.split() for line in pool]
    excerpts = [n for n, line_words in enumerate(words) if low <= len(line_words) <= high]
    repeated = found_inside([words[n] for n in excerpts], words)
    return {pool[excerpts[k]].index: Label.drop(Reason.PULL_QUOTE) for k in sorted(repeated)}
