"""The headline: which line of the page is the article's title, and the kicker glued to it.

Page metadata names the headline when it can; otherwise a top-level heading, or else the best
title-shaped line above the body, scored by the byline and date beside it.
"""

from __future__ import annotations

import re

from .byline import clean_byline, is_name, parse_byline
from .header import is_header_line, read_date_line
from .rules import CAPTION_SHAPE, FUNCTION_WORDS, ICON_NAME
from .segment import PageMeta
from .shape import is_content, is_sentence, is_title_shaped, normal_form, word_count


def find_headline(segments, rules, start: int, meta: PageMeta | None):
    """The headline's index (or None) and whether it is only a weak guess."""
    if meta and meta.headline:
        wanted = normal_form(meta.headline)
        for index, segment in enumerate(segments):
            text = normal_form(segment.text)
            if text and (text == wanted or (len(text) > 15 and wanted.startswith(text))):
                return index, False
    for index, segment in enumerate(segments[: start + 1]):
        if segment.kind == "heading" and segment.level == 1:
            return index, False
    best, score = _best_headline(segments, rules, start, range(max(0, start - 40), start + 1))
    if best is None:
        best, score = _best_headline(segments, rules, start, range(0, len(segments)))
        return best, True
    # Without a byline or date beside it, a title-shaped line is only a guess.
    return best, score < WEAK_HEADLINE


WEAK_HEADLINE = 10


_PAGE_TITLE = re.compile(r"^(?P<title>.{12,}?)\s+[|–—-]\s+[^|–—-]{2,40}$")


def _page_titles(segments) -> frozenset[str]:
    """Lines a page shows twice, and titles of the form "Headline | Outlet": the browser's
    page title and the article's own heading repeat the headline."""
    seen: set[str] = set()
    titles: set[str] = set()
    for segment in segments:
        key = normal_form(segment.text)
        if key in seen:
            titles.add(key)
        seen.add(key)
        match = _PAGE_TITLE.match(segment.text)
        if match:
            titles.add(normal_form(match.group("title")))
    return frozenset(titles)


def _best_headline(segments, rules, start, window) -> int | None:
    best, best_score = None, float("-inf")
    titles = _page_titles(segments)
    for index in window:
        if index >= len(segments):
            break
        segment = segments[index]
        text = segment.text
        words = word_count(text)
        following = segments[index + 1 : index + 7]
        signed = any(parse_byline(s.text) or read_date_line(s.text) for s in following[:3])
        if (
            segment.kind not in ("text", "heading")
            or not (
                _is_candidate(text, rules)
                # A headline may end with a full stop when a byline or date follows at once.
                or (signed and words <= 20 and text.endswith(".") and text[:1].isupper())
            )
        ):
            continue
        if looks_like_menu(text):
            continue
        label = rules.first(segments[index - 1].text, True) if index else None
        score = min(words, 12) - max(0, words - 24) * 0.5 + (2 if segment.kind == "heading" else 0)
        if index > 0 and _is_candidate(segments[index - 1].text, rules, min_words=6):
            score -= 5  # a title-shaped line right under another one is a dek or a teaser
        dated = any(read_date_line(s.text) for s in following)
        if dated or any(parse_byline(s.text) for s in following):
            score += 6
        # A byline just under it, or a date just over it, is how article headers look.
        if any(parse_byline(s.text) for s in following[:3]):
            score += 3
        if any(read_date_line(s.text) for s in segments[max(0, index - 2) : index]):
            score += 2
        if following and is_content(following[0]) and is_sentence(following[0].text):
            score += 2 if not is_content(segment) else 0  # a standfirst under it
        if text.endswith("."):
            score -= 4  # allowed above a byline, but deks and captions end so more often
        if is_name(clean_byline(text)):
            score -= 6  # a name on its own is the author's, under the headline
        if CAPTION_SHAPE.search(text):
            score -= 12
        # Under a byline sit the dek and the photo caption, not the headline; but a byline
        # closed by its date, then a title signed and dated in turn, is a story list's.
        bylines = [i for i in range(max(0, index - 6), index) if parse_byline(segments[i].text)]
        if bylines and not (
            dated and any(read_date_line(s.text) for s in segments[bylines[-1] + 1 : index])
        ):
            score -= 6
        if label is not None and (label.kind in ("end", "box") or label.name == "read-more"):
            score -= 6  # the first title of a "Related articles" list
        if normal_form(text) in titles:
            score += 4  # the page title (or a repeated heading) names it
        # Share buttons, bylines and dates sit between a headline and its body; other lines
        # (menus, teasers) put distance between them.
        between = sum(
            1
            for s in segments[index + 1 : start]
            if not is_content(s) and not rules.first(s.text, False) and not is_header_line(s.text)
        )
        score -= 0.5 * min(between, 20)
        if _superseded(segments, rules, index, start):
            score -= 10
        if score > best_score:
            best, best_score = index, score
    return best, best_score


def _superseded(segments, rules, index, start) -> bool:
    """Whether, after this title's byline and date, another title with a byline or date of
    its own comes before the body: in a list of signed stories the article's is the last."""
    own = next(
        (i for i in range(index + 1, min(start, index + 4)) if is_header_line(segments[i].text)),
        None,
    )
    if own is None:
        return False
    end = own
    while end + 1 < start and is_header_line(segments[end + 1].text):
        end += 1
    if not any(read_date_line(s.text) for s in segments[own : end + 1]):
        return False  # a header without its date may go on below a caption
    return any(
        _is_candidate(segments[k].text, rules)
        and any(is_header_line(s.text) for s in segments[k + 1 : min(start, k + 6)])
        for k in range(end + 1, start)
    )


def _is_candidate(text, rules, min_words=3) -> bool:
    return (
        is_title_shaped(text, min_words=min_words)
        and not rules.first(text, False)
        and not parse_byline(text)
        and not read_date_line(text)
        and not looks_like_menu(text)
    )


_CRUMB = re.compile(r"\s[»›>/]\s")


def looks_like_menu(text: str) -> bool:
    """Navigation flattened onto one line, or a short label in capitals."""
    tokens = [token for token in text.split() if token[:1].isalpha()]
    if not tokens:
        return True
    if any(ICON_NAME.search(token) for token in tokens) or _CRUMB.search(text):
        return True
    capitalised = sum(token[:1].isupper() for token in tokens) / len(tokens)
    # A long headline in title case still leaves its small words ("of", "to") in lower case.
    if len(tokens) > 14 and capitalised > 0.8 and not any(t in FUNCTION_WORDS for t in tokens):
        return True
    return text.isupper() and len(tokens) < 6


# A label in capitals glued in front of the headline: "CHILDHOOD SWEETHEART Who is ...".
_KICKER = re.compile(
    r"^(?P<kicker>[A-Z][A-Z'’&-]{2,}(?:\s+[A-Z][A-Z'’&-]{2,}){1,3})\s+(?=[A-Z][a-z])"
)


def split_kicker(text: str) -> tuple[str | None, str]:
    match = _KICKER.match(text)
    if match is None or word_count(text[match.end() :]) < 4:
        return None, text
    return match.group("kicker"), text[match.end() :]
