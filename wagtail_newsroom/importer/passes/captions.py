"""Pass: the article's images, and captions.

An image takes the credit-shaped line right under it as its caption; a plain line set directly
above a short credit ("Photo: AP") or under a gallery counter ("2 of 3") is a caption found by
its place. Caption lines are dropped from the text and recorded; images are labelled with the
caption they carry.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..labels import Kind, Label
from ..reasons import Reason
from ..result import Image
from .header import bounds
from .headline import headline_index

_COUNTER = re.compile(r"^(?:(?:image|photo|picture|slide) )?\d+ of \d+$", re.IGNORECASE)
_TRAILING_CREDIT = re.compile(r"\s*\(([^()]{3,80})\)\s*$")


def _is_credit(ctx, index) -> bool:
    rule = ctx.rule_hits[index]
    return rule is not None and rule.kind == "caption"


def label(ctx, labels) -> dict[int, Label]:
    head = headline_index(ctx, labels)
    if head is None:
        return {}
    first, end = bounds(ctx, head)[0], ctx.extent[1]
    lines, new = ctx.lines, {}
    for line in lines:
        index = line.index
        if index in labels:
            continue
        below = lines[index + 1] if index + 1 < len(lines) else None
        if line.kind == "image":
            if not first <= index <= end:
                continue  # the page's, not the article's: the outside pass records it
            image = Image(line.src, line.alt or "", line.caption, line.credit)
            if not image.caption and below is not None and _is_credit(ctx, index + 1):
                caption, credit = below.text, None
                trailing = _TRAILING_CREDIT.search(caption)
                if trailing:
                    caption = caption[: trailing.start()].strip()
                    credit = trailing.group(1).strip()
                image = replace(image, caption=caption or None, credit=credit)
            new[index] = Label(Kind.IMAGE, value=image)
            continue
        if ctx.rule_hits[index] is not None or line.kind != "text":
            continue
        above = lines[index - 1] if index > 0 else None
        credited = (
            below is not None
            and not below.gap_before
            and _is_credit(ctx, index + 1)
            and below.words <= ctx.thresholds.credit_words
        )
        counted = above is not None and not line.gap_before and _COUNTER.match(above.text)
        if (credited or counted) and line.words <= ctx.thresholds.caption_words:
            new[index] = Label.drop(Reason.PHOTO_CAPTION)
    return new
