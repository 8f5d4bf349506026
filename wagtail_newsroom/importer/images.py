"""Images and their captions: captions found by their place, and where an image goes.

A caption may be a credit-shaped line right under an image, or a plain line over a credit or
under a gallery counter; an image before any body text is the lead image.
"""

from __future__ import annotations

import re

from .result import BodyBlock, Image
from .rules import Rule
from .shape import word_count

# A caption found by its place rather than its words: the line over a credit or under a
# gallery counter ("2 of 3").
CAPTION_RULE = Rule("photo-caption", kind="caption", pattern=r"^$")
_COUNTER = re.compile(r"^(?:(?:image|photo|picture|slide) )?\d+ of \d+$", re.IGNORECASE)
_TRAILING_CREDIT = re.compile(r"\s*\(([^()]{3,80})\)\s*$")


def plain_captions(segments, rule_hits) -> list[int]:
    """Plain-text captions: a line set directly above a short credit line ("Photo: AP") or
    directly below a gallery counter, with no blank line between them."""
    found = []
    for index, segment in enumerate(segments):
        if rule_hits[index] is not None or segment.kind != "text":
            continue
        below = segments[index + 1] if index + 1 < len(segments) else None
        above = segments[index - 1] if index > 0 else None
        credited = (
            below is not None
            and not below.gap_before
            and rule_hits[index + 1] is not None
            and rule_hits[index + 1].kind == "caption"
            and word_count(below.text) <= 5
        )
        counted = above is not None and not segment.gap_before and _COUNTER.match(above.text)
        if (credited or counted) and word_count(segment.text) <= 60:
            found.append(index)
    return found


def attach_captions(segments, rule_hits):
    """An image without a caption takes the credit-shaped line right after it as one."""
    for index, segment in enumerate(segments[:-1]):
        following = segments[index + 1]
        rule = rule_hits[index + 1]
        if segment.kind != "image" or segment.caption or rule is None or rule.kind != "caption":
            continue
        caption, credit = following.text, None
        trailing = _TRAILING_CREDIT.search(caption)
        if trailing:
            caption, credit = caption[: trailing.start()].strip(), trailing.group(1).strip()
        segment.caption, segment.credit = caption or None, credit
        segment.text = caption


def take_image(result, segment):
    image = Image(segment.src, segment.alt or "", segment.caption, segment.credit)
    if result.lead_image is None and not result.body:
        result.lead_image = image
    else:
        result.body.append(
            BodyBlock(
                "image", src=image.src, alt=image.alt, caption=image.caption, credit=image.credit
            )
        )
