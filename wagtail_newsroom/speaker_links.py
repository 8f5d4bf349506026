"""Speakers' names in a paragraph's rich text, linked to their profiles."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

_TAG = re.compile(r"(<[^>]*>)")


def link_speakers(html: str, speakers: list[tuple[str, str]]) -> str:
    """``html`` with the first mention of each speaker (their full name, else their surname)
    made a link to ``url``; text already inside a link, and tags, are left alone.

    ``speakers`` is ``[(name, url)]``. The text is our own sanitised rich text; only the link
    is added, its URL escaped.
    """
    parts = _TAG.split(html)
    # A speaker quoted twice in one paragraph is linked once.
    for name, url in dict.fromkeys(speakers):
        for variant in dict.fromkeys([name, *name.split()[-1:]]):
            if _link_first(parts, escape(variant), escape(url)):
                break
    return mark_safe("".join(parts))


def _link_first(parts: list[str], name: str, url: str) -> bool:
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    in_link = False
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            tag = part.lower()
            if re.match(r"<a[\s>]", tag):
                in_link = True
            elif tag.startswith("</a"):
                in_link = False
            continue
        if in_link:
            continue
        match = pattern.search(part)
        if match:
            link = f'<a class="newsroom-speaker" href="{url}">{match.group(0)}</a>'
            parts[index] = part[: match.start()] + link + part[match.end() :]
            # The new link is now part of this text: keep it out of later matches.
            parts[index : index + 1] = _TAG.split(parts[index])
            return True
    return False
