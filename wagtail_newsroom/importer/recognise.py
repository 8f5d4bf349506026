"""Stage 3: find the article in a list of segments.

Pages copied from a browser bury the article between menus, share buttons, sign-up boxes and
related links. The article body is the densest run of sentence-shaped lines, so it is found
first (a maximum-sum run over per-line scores); the headline is the best title-shaped line
above it, and the lines between headline and body carry byline, date, dek and section. Inside
the body, rules (``rules.py``) and line shape decide what is kept; every other line is
recorded in ``dropped`` with the reason.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from . import dates
from .result import Author, BodyBlock, Dropped, Image
from .rules import AGENCY, CAPTION_SHAPE, FUNCTION_WORDS, ICON_NAME, Rule
from .segment import PageMeta, Segment

_SENTENCE_END = re.compile(r"[.!?…:;।][\"'”’)\]]*$|[\"”]$")
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][\w'’.-]*|[A-Z]{2,}[\w'’.-]*|van|von|der|de|da|del|di|du|le|la|bin|al|ibn|"
    r"[a-z]{1,3}['’][A-Z][\w'’-]*)$"
)
_ROLE_WORDS = re.compile(
    r"\b(reporter|correspondent|editor|writer|contributor|columnist|staff|producer|analyst|"
    r"commentator|journalist|bureau|chief|desk|critic|director|photographer|presenter|"
    r"assistant|associate|deputy|senior|executive|managing|"
    r"manager|intern|freelance|team|news service)s?\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:byline:\s*|author:\s*)?(?:(?:words|written|story|reporting|text|report|reported)\s+)?"
    r"(?:by\b[:\s]*|(?<=:\s))(?P<names>.*)$",
    re.IGNORECASE,
)
# Labelled fields of news-database exports: "SECTION: METRO; Pg. A1", "LENGTH: 612 words".
_FIELD = re.compile(r"^(?P<label>[A-Z][A-Z-]{2,}):\s*(?P<value>.*)$")
_SECTION_FIELD = re.compile(
    r"^(?:section|category|categories|filed (?:in|under)|posted in)\b\s*:?\s*(?P<value>[^|;]+)",
    re.IGNORECASE,
)
# Export fields dated by the archive, not the publisher: "LOAD-DATE: March 4, 2020".
_NOT_PUBLICATION = re.compile(
    r"^(?:LOAD|LOADED|ACCESS|ACCESSED|RETRIEVED|PRINTED|DOWNLOADED|INDEXED|ARCHIVED)(?:-DATE)?:",
    re.IGNORECASE,
)
_LABELLED_DATE = re.compile(r"^(?:published|posted|updated)\b", re.IGNORECASE)
_POSTED_BY = re.compile(r"^(?:posted|published)\b(?P<date>.*?)\bby\s+(?P<names>.+)$", re.I)


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


def _words(text: str) -> int:
    return len(text.split())


def is_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text[-6:]))


def is_content(segment: Segment) -> bool:
    """A line a reader would call a paragraph: long, and shaped like prose."""
    return segment.kind != "image" and _is_prose(segment.text)


@functools.lru_cache(maxsize=8192)
def _is_prose(text: str) -> bool:
    words = _words(text)
    return (words >= 10 and is_sentence(text)) or words >= 25


def is_title_shaped(text: str, *, min_words=2, max_words=30) -> bool:
    words = _words(text)
    if not (min_words <= words <= max_words) or text.endswith((".", ",", ":", ";", "।")):
        return False
    first = text[:1]
    # Scripts without case (Devanagari, Arabic, ...) start headlines with any letter.
    uncased = first.isalpha() and first.lower() == first.upper()
    return first.isupper() or uncased or first in "“\"‘'" or first.isdigit()


def is_name(text: str, max_tokens: int = 4) -> bool:
    tokens = text.split()
    if not 2 <= len(tokens) <= max_tokens or _ROLE_WORDS.search(text):
        return False
    if tokens[0] in ("The", "A", "An", "Up", "Key", "More", "Text", "Read", "Top", "Our"):
        return False
    return all(_NAME_TOKEN.match(token) for token in tokens) and not any(
        ch.isdigit() for ch in text
    )


# --- bylines ----------------------------------------------------------------------------


_BYLINE_NOISE = re.compile(
    r"(\s*\b(follow|twitter|email|e-mail|bio|more|x)\b|\s+\d+\s*(min(ute)?s?|hours?|hrs?|days?)"
    r"(\s+(ago|read))?|\d+)+$",
    re.IGNORECASE,
)


def _clean_byline(text: str) -> str:
    # Copied text glues the name to the role or to a button: "Sophie FosterTravel Reporter".
    text = re.sub(r"(?<=[a-z])(?=[A-Z][a-z])", " ", text)
    return _BYLINE_NOISE.sub("", text).strip(" ,|·")


def parse_byline(text: str) -> list[Author] | None:
    """Authors named in a byline line, or None when the line is not a byline."""
    found = _byline_names(text)
    return [Author(name, role) for name, role in found] if found else None


@functools.lru_cache(maxsize=4096)
def _byline_names(text: str) -> tuple[tuple[str, str | None], ...]:
    authors = _read_byline(text)
    return tuple((author.name, author.role) for author in authors or ())


def _read_byline(text: str) -> list[Author] | None:
    text = _clean_byline(text)
    match = _POSTED_BY.match(text) or _BYLINE.match(text)
    if not match:
        # "Jane Roe / OUTLET.COM / Sep 2, 2024", "Jane Roe|Published 15 hours ago".
        parts = [part.strip() for part in re.split(r"\s*[|/·•]\s*", text)]
        if (
            len(parts) > 1
            and is_name(parts[0])
            and any(
                dates.find_date(part) or dates.is_relative_date(part) or _LABELLED_DATE.match(part)
                for part in parts[1:]
            )
        ):
            return [Author(_unshout(parts[0]))]
        names = re.split(r"\s*,\s*|\s+(?:and|&)\s+", text)
        # "Jane Roe, John Doe", "Jane Roe and AP".
        if (
            len(names) > 1
            and is_name(names[0])
            and all(is_name(n) or AGENCY.fullmatch(n) for n in names[1:])
        ):
            return [Author(name if AGENCY.fullmatch(name) else _unshout(name)) for name in names]
        return _name_and_role(text)
    names = match.group("names")
    found = dates.find_date(names)
    if found:
        names = names[: found.start]
    names = re.sub(
        r";\s*(?:editing|writing|additional reporting|compiled)\b.*$", "", names, flags=re.I
    )
    # "By Jane Roe published 19 May 2026": the label belongs to the date.
    names = re.sub(r"\s+(?:first\s+)?(?:published|posted|updated)\b.*$", "", names, flags=re.I)
    # "By A | Outlet" and "By A - Outlet": the outlet is not an author.
    names = re.split(r"\s+[|·•]\s+|\s+[–—-]\s+", names)[0]
    # "By Jane Roe in Valencia", "By JANE ROE FOR DAILYMAIL.COM": place and outlet are not names.
    names = re.sub(r"\s+(?i:in|for)\s+[A-Z].*$", "", names.strip())
    names = re.sub(r"(?<=[^\W\d_])\d+\b", "", names)  # footnote markers glued to names
    authors: list[Author] = []
    for part in re.split(r"\s*,\s*|\s*;\s*|\s+(?:and|&)\s+", names):
        part = re.sub(r"\s+The\s.*$", "", part.strip(" ."))  # "Jane Roe The Associated Press"
        if not part:
            continue
        shouted = re.match(r"^([A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+)+)\s+[A-Z][a-z]", part)
        if shouted:  # "DEVON PRICE Associated Press": the name in capitals, then the outlet
            part = shouted.group(1)
        with_role = _name_and_role(part)
        if with_role:
            authors.extend(with_role)
        elif is_name(part, 5) or (not authors and _is_agency(part)):
            authors.append(Author(_unshout(part)))
        elif not authors and match.re is _POSTED_BY and re.fullmatch(r"[a-z][\w.-]{2,30}", part):
            authors.append(Author(part))  # a blog's user name: "Posted on ... by jsmith"
        elif authors and authors[-1].role is None and not is_name(part, 5):
            authors[-1].role = part
        else:
            break
    return authors or None


def _unshout(name: str) -> str:
    """ "KAREN MOLINA" -> "Karen Molina"; names already in mixed case stay as written."""
    if not name.isupper():
        return name
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), name)


def _name_and_role(text: str) -> list[Author] | None:
    """A byline without "By": "Jane Roe Political Correspondent", "Jane Roe, Reporter"."""
    if _words(text) > 8 or not _ROLE_WORDS.search(text):
        return None
    tokens = text.replace(",", " , ").split()
    for cut in (2, 3):
        name = " ".join(tokens[:cut])
        if is_name(name) and tokens[cut : cut + 1] != ["said"]:
            role = " ".join(tokens[cut:]).strip(" ,")
            if role[:1].isupper() and _ROLE_WORDS.search(role):
                return [Author(name, role)]
    return None


def _is_agency(text: str) -> bool:
    # A byline may credit an agency or desk: "By Reuters", "By Staff".
    return 1 <= _words(text) <= 4 and text[:1].isupper() and not any(c.isdigit() for c in text)


# --- the article's place in the page ---------------------------------------------------


def _line_score(segment: Segment, rule: Rule | None) -> float:
    words = _words(segment.text)
    if segment.kind == "image":
        return 0
    if rule is not None:
        return -4
    if is_content(segment):
        return min(words, 60)
    if segment.kind == "heading":
        return -1
    if is_sentence(segment.text) and words >= 4:
        return 1
    return -3 if words <= 3 else -5


def _main_run(scores: list[float]) -> tuple[int, int]:
    """Start and end (inclusive) of the maximum-sum run of ``scores``."""
    best, best_span = float("-inf"), (0, -1)
    total, start = 0.0, 0
    for index, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, index
        total += score
        if total > best:
            best, best_span = total, (start, index)
    return best_span


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
            words = _words(text)
            matched = self.cache[text] = [rule for rule in self.rules if rule.matches(text, words)]
        for rule in matched:
            if rule.scope == "any" or (rule.scope == "body") == in_body:
                return rule
        return None


@functools.lru_cache(maxsize=4096)
def _date_line(text: str, fallback: bool = False):
    """(dates, section) when the line is mostly dates, else None.

    ``dates`` lists every date on the line ("Published: 04.03.2020 | Updated: 05.03.2020"),
    each flagged when a label calls it an update; relative dates ("9 min ago") give none.
    """
    if _FIELD.match(text):
        if _NOT_PUBLICATION.match(text):
            return None
        text = re.sub(r"^[A-Z][A-Z-]+:\s*", "", text)
    if dates.is_relative_date(text):
        return (), ""
    found = dates.find_date(text)
    if found is None:
        if fallback and _words(text) <= 6:
            value = dates.parse_fallback(text)
            if value is not None:
                return (dates.FoundDate(value, 0, len(text), False),), ""
        return None
    before, after = text[: found.start], text[found.end :]
    remainder = dates.strip_date_words(f"{before} {after}")
    if _prose_words(dates.strip_date_words(before)) > 3 or _prose_words(remainder) > 6:
        return None
    found_all = (found,)
    rest = after
    while (more := dates.find_date(rest)) is not None:
        found_all += (more,)
        rest = rest[more.end :]
    # Only a label glued onto the date ("...2020NTD Evening News") or set off by a bar is a
    # section name; other leftovers are reading times and the like.
    glued = after[:1].isalpha() or after.lstrip()[:1] in ("|", "·")
    section = ""
    if glued and not before.strip() and len(found_all) == 1:
        section = dates.strip_date_words(after)
    return found_all, section


def _prose_words(text: str) -> int:
    """Words that are not parts of dates and times ("15:57 BST, 27 April 2024")."""
    return sum(
        1
        for token in text.split()
        if token[:1].isalpha() and not dates.is_date_word(token.strip(",.|"))
    )


def _headline_index(segments, rules, start: int, meta: PageMeta | None):
    """The headline's index (or None) and whether it is only a weak guess."""
    if meta and meta.headline:
        wanted = _normal(meta.headline)
        for index, segment in enumerate(segments):
            text = _normal(segment.text)
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
        key = _normal(segment.text)
        if key in seen:
            titles.add(key)
        seen.add(key)
        match = _PAGE_TITLE.match(segment.text)
        if match:
            titles.add(_normal(match.group("title")))
    return frozenset(titles)


def _best_headline(segments, rules, start, window) -> int | None:
    best, best_score = None, float("-inf")
    titles = _page_titles(segments)
    for index in window:
        if index >= len(segments):
            break
        segment = segments[index]
        text = segment.text
        words = _words(text)
        following = segments[index + 1 : index + 7]
        signed = any(parse_byline(s.text) or _date_line(s.text) for s in following[:3])
        if (
            segment.kind not in ("text", "heading")
            or not (
                _is_candidate(text, rules)
                # A headline may end with a full stop when a byline or date follows at once.
                or (signed and words <= 20 and text.endswith(".") and text[:1].isupper())
            )
        ):
            continue
        if _looks_like_menu(text):
            continue
        label = rules.first(segments[index - 1].text, True) if index else None
        score = min(words, 12) - max(0, words - 24) * 0.5 + (2 if segment.kind == "heading" else 0)
        if index > 0 and _is_candidate(segments[index - 1].text, rules, min_words=6):
            score -= 5  # a title-shaped line right under another one is a dek or a teaser
        dated = any(_date_line(s.text) for s in following)
        if dated or any(parse_byline(s.text) for s in following):
            score += 6
        # A byline just under it, or a date just over it, is how article headers look.
        if any(parse_byline(s.text) for s in following[:3]):
            score += 3
        if any(_date_line(s.text) for s in segments[max(0, index - 2) : index]):
            score += 2
        if following and is_content(following[0]) and is_sentence(following[0].text):
            score += 2 if not is_content(segment) else 0  # a standfirst under it
        if text.endswith("."):
            score -= 4  # allowed above a byline, but deks and captions end so more often
        if is_name(_clean_byline(text)):
            score -= 6  # a name on its own is the author's, under the headline
        if CAPTION_SHAPE.search(text):
            score -= 12
        # Under a byline sit the dek and the photo caption, not the headline; but a byline
        # closed by its date, then a title signed and dated in turn, is a story list's.
        bylines = [i for i in range(max(0, index - 6), index) if parse_byline(segments[i].text)]
        if bylines and not (
            dated and any(_date_line(s.text) for s in segments[bylines[-1] + 1 : index])
        ):
            score -= 6
        if label is not None and (label.kind in ("end", "box") or label.name == "read-more"):
            score -= 6  # the first title of a "Related articles" list
        if _normal(text) in titles:
            score += 4  # the page title (or a repeated heading) names it
        # Share buttons, bylines and dates sit between a headline and its body; other lines
        # (menus, teasers) put distance between them.
        between = sum(
            1
            for s in segments[index + 1 : start]
            if not is_content(s) and not rules.first(s.text, False) and not _is_header_line(s.text)
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
        (i for i in range(index + 1, min(start, index + 4)) if _is_header_line(segments[i].text)),
        None,
    )
    if own is None:
        return False
    end = own
    while end + 1 < start and _is_header_line(segments[end + 1].text):
        end += 1
    if not any(_date_line(s.text) for s in segments[own : end + 1]):
        return False  # a header without its date may go on below a caption
    return any(
        _is_candidate(segments[k].text, rules)
        and any(_is_header_line(s.text) for s in segments[k + 1 : min(start, k + 6)])
        for k in range(end + 1, start)
    )


def _is_candidate(text, rules, min_words=3) -> bool:
    return (
        is_title_shaped(text, min_words=min_words)
        and not rules.first(text, False)
        and not parse_byline(text)
        and not _date_line(text)
        and not _looks_like_menu(text)
    )


_CRUMB = re.compile(r"\s[»›>/]\s")


def _looks_like_menu(text: str) -> bool:
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


def _split_kicker(text: str) -> tuple[str | None, str]:
    match = _KICKER.match(text)
    if match is None or _words(text[match.end() :]) < 4:
        return None, text
    return match.group("kicker"), text[match.end() :]


def _normal(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def recognise(segments: list[Segment], rules: list[Rule], meta: PageMeta | None = None):
    result = Recognised()
    rules = _RuleMatcher.for_rules(tuple(rules))
    if not segments:
        return result
    rule_hits = [rules.first(s.text, False) for s in segments]
    _attach_captions(segments, rule_hits)
    for index in _plain_captions(segments, rule_hits):
        rule_hits[index] = CAPTION_RULE
    teasers = _teasers(segments)
    scores = [
        -2 if index in teasers else _line_score(segment, rule)
        for index, (segment, rule) in enumerate(zip(segments, rule_hits))
    ]
    start, end = _main_run(scores)
    if end < start:
        return result

    head, result.headline_guessed = _headline_index(segments, rules, start, meta)
    kicker = None
    if head is None and meta and meta.headline:
        result.headline = meta.headline
        head = start - 1
    elif head is not None:
        kicker, result.headline = _split_kicker(segments[head].text)
        result.headline_index = head
        if head >= start:
            start = head + 1
    else:
        return result

    for index in range(0, max(head, 0)):
        _drop(result, segments[index], rule_hits[index], "navigation")
    body_start = _read_header(result, segments, rules, head, start, rule_hits)
    if kicker:
        result.section = kicker  # glued to the headline, it beats a label further up
    _read_body(result, segments, rules, body_start, end, teasers, rule_hits)
    _drop_pull_quotes(result, segments)
    if result.published is None and result.updated is None:
        _find_date_anywhere(result, segments, head)
    # A labelled section ("SECTION: METRO", "Posted in Council Watch") beats a guessed kicker.
    for segment in segments:
        field = _SECTION_FIELD.match(segment.text)
        if field and _words(segment.text) <= 16:
            result.section = field.group("value").strip()
            break
    _drop_rest(result, segments, rule_hits, end + 1)
    if meta:
        _apply_meta(result, meta)
        result.dropped.extend(Dropped(seg.line, seg.text, rule) for seg, rule in meta.removed)
    return result


# A caption found by its place rather than its words: the line over a credit or under a
# gallery counter ("2 of 3").
CAPTION_RULE = Rule("photo-caption", kind="caption", pattern=r"^$")
_COUNTER = re.compile(r"^(?:(?:image|photo|picture|slide) )?\d+ of \d+$", re.IGNORECASE)
_TRAILING_CREDIT = re.compile(r"\s*\(([^()]{3,80})\)\s*$")


def _plain_captions(segments, rule_hits) -> list[int]:
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
            and _words(below.text) <= 5
        )
        counted = above is not None and not segment.gap_before and _COUNTER.match(above.text)
        if (credited or counted) and _words(segment.text) <= 60:
            found.append(index)
    return found


def _attach_captions(segments, rule_hits):
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


def _drop_pull_quotes(result, segments):
    """A short paragraph repeating words found in another paragraph is a pull quote."""
    normals = [(_normal(block.text), block) for block in result.body if block.type == "paragraph"]
    repeated = []
    for key, block in normals:
        if _words(key) < 4 or _words(key) > 40:
            continue
        if any(
            other is not block and len(text) > len(key) and f" {key} " in f" {text} "
            for text, other in normals
        ):
            repeated.append(block)
    for block in repeated:
        result.body.remove(block)
        line = next((s.line for s in segments if s.text == block.text), None)
        result.dropped.append(Dropped(line, block.text, "pull-quote"))


def _teasers(segments) -> set[int]:
    """Prose lines packed between labels, in a page whose paragraphs have blank lines between
    them: that is how related-story teasers look once copied (title, label, blurb, ...)."""
    content = [i for i, s in enumerate(segments) if is_content(s)]
    # Judge the page's paragraph style by its first paragraphs: teasers come later.
    first = content[:8]
    if not first or sum(segments[i].gap_before for i in first) < len(first) * 0.6:
        return set()
    return {
        i
        for i in content
        if i > 0
        and not segments[i].gap_before
        and not is_content(segments[i - 1])
        and segments[i - 1].kind != "image"
        and not _is_header_line(segments[i - 1].text)
    }


def _drop_rest(result, segments, rule_hits, start):
    """Record what follows the article, naming sign-up blocks as a whole."""
    block = None
    for index in range(start, len(segments)):
        segment, rule = segments[index], rule_hits[index]
        words = _words(segment.text)
        if rule is None and block is not None and block.continues_block(segment.text, words):
            rule = block
        block = (
            rule
            if rule is not None and rule.kind == "drop-block"
            else (block if rule is block else None)
        )
        _drop(result, segment, rule, "after-article")


def _drop(result, segment, rule, default):
    if segment.kind == "image" and not segment.text:
        return
    result.dropped.append(Dropped(segment.line, segment.text, rule.name if rule else default))


# A byline's label on a line of its own, the names on the lines after it.
_BYLINE_LABEL = re.compile(
    r"^(?:by|written by|words by|authors?(?: of (?:the|this) (?:article|story))?:?)$", re.I
)


def _lone_name(text: str) -> list[Author] | None:
    name = _clean_byline(text)
    return [Author(_unshout(name))] if is_name(name) else None


def _is_header_line(text: str) -> bool:
    return bool(parse_byline(text) or _date_line(text) or _BYLINE_LABEL.match(text))


def _read_header(result, segments, rules, head, start, rule_hits) -> int:
    """Read kicker, dek, byline and dates around the headline; return where the body starts."""
    # Dates, bylines and labelled fields may also sit just above the headline, with
    # boilerplate ("Final Edition") between them and it.
    first = probe = head
    while probe > 0 and head - probe < 4:
        text = segments[probe - 1].text
        if _is_header_line(text) or _FIELD.match(text):
            first = probe - 1
        elif rule_hits[probe - 1] is None:
            break
        probe -= 1
    # A short line right above the headline (or above the lines just found) is its kicker.
    above = segments[first - 1] if first > 0 else None
    if (
        above is not None
        and 1 <= _words(above.text) <= 3
        and above.kind in ("text", "heading")
        and is_title_shaped(above.text, min_words=1, max_words=3)
        and not rules.first(above.text, False)
    ):
        result.section = above.text
        first -= 1
    # Those lines were dropped as navigation; they are the header.
    result.dropped = [
        d
        for d in result.dropped
        if not any(d.line == s.line and d.text == s.text for s in segments[first:head])
    ]

    # The header runs down to the last byline or date line within reach of the headline.
    header_end = head
    paragraphs = 0
    for index in range(head + 1, min(len(segments), head + 14)):
        paragraphs += is_content(segments[index])
        if paragraphs > 1:  # a dek is one paragraph; two mean the body has begun
            break
        if _is_header_line(segments[index].text) or _FIELD.match(segments[index].text):
            header_end = index
    body_start = max(start, header_end + 1)

    byline_names: set[str] = set()
    name_lines: list[int] = []
    pending_by = False
    # Below the headline first: a date on the byline beats a masthead's date above it.
    order = [
        i
        for i in [*range(head + 1, body_start), *range(first, head)]
        if id(segments[i]) != id(above)
    ]
    for index in order:
        segment = segments[index]
        text = segment.text
        if segment.kind == "image":
            _take_image(result, segment)
            continue
        if rule_hits[index] is CAPTION_RULE:
            result.dropped.append(Dropped(segment.line, text, CAPTION_RULE.name))
            continue
        label = _BYLINE_LABEL.match(text) is not None
        if label or pending_by:
            # Under a "By" label the names follow one a line, each perhaps with its role.
            if label:
                authors = None
            elif pending_by == "first":
                authors = parse_byline(text) or parse_byline(f"By {text}")
            else:
                authors = parse_byline(text) or _lone_name(text)
            pending_by = "first" if label else ("more" if authors else False)
            if label or authors:
                _add_authors(result, authors or [], byline_names)
                continue
        if _SECTION_FIELD.match(text):
            continue  # read by _section_field
        authors = parse_byline(text)
        if authors:
            _add_authors(result, authors, byline_names)
            found = dates.find_date(text)
            if found is not None:  # "Jane Roe / Outlet / Sep 2, 2024"
                _set_date(result, found)
            continue
        date_line = _date_line(text, fallback=True)
        if date_line is not None:
            found_dates, section = date_line
            if not found_dates:
                result.relative_date = text
            for found in found_dates:
                _set_date(result, found)
            if section and result.section is None:
                result.section = section
            continue
        rule = rules.first(text, False)
        if rule is not None:
            result.dropped.append(Dropped(segment.line, text, rule.name))
            continue
        if _FIELD.match(text):
            result.dropped.append(Dropped(segment.line, text, "field"))
            continue
        if is_name(_clean_byline(text)):
            near_date = any(
                _date_line(s.text) for s in segments[max(head + 1, index - 1) : index + 2]
            )
            if near_date or head < index <= head + 6:
                name_lines.append(len(result.dropped))
            result.dropped.append(Dropped(segment.line, text, "author-name"))
            continue
        if (
            result.dek is None
            and index > head
            and index < header_end
            and not result.authors
            and _words(text) >= 6
        ):
            result.dek = text
            continue
        below = index > header_end
        if (is_content(segment) and index >= start) or (below and _is_short_paragraph(text)):
            # Article text that happens to sit above a late byline belongs to the body.
            result.body.append(BodyBlock("paragraph", text, html=segment.html))
            continue
        if below and segment.kind == "heading":
            result.body.append(BodyBlock("heading", text, level=min(max(segment.level, 2), 4)))
            continue
        result.dropped.append(Dropped(segment.line, text, "header"))

    # A name on its own next to the byline is a photo label; with no byline, it is the author.
    used = []
    for position in name_lines:
        dropped = result.dropped[position]
        if _normal(dropped.text) in byline_names:
            dropped.rule = "author-photo-label"
        elif not byline_names:
            _add_authors(result, [Author(_clean_byline(dropped.text))], byline_names)
            used.append(dropped)
    result.dropped = [dropped for dropped in result.dropped if dropped not in used]
    return body_start


def _find_date_anywhere(result, segments, head):
    """No date by the headline: take the date line nearest to it, below first."""
    order = list(range(head + 1, len(segments))) + list(range(head - 1, -1, -1))
    for index in order:
        text = segments[index].text
        if _words(text) > 12:
            continue
        date_line = _date_line(text, fallback=True)
        if date_line and date_line[0]:
            for found in date_line[0]:
                _set_date(result, found)
            return


def _add_authors(result, authors, seen):
    for author in authors:
        if _normal(author.name) not in seen:
            seen.add(_normal(author.name))
            result.authors.append(author)


def _set_date(result, found):
    if found.updated:
        result.updated = result.updated or found.value
    elif result.published is None:
        result.published = found.value


def _take_image(result, segment):
    image = Image(segment.src, segment.alt or "", segment.caption, segment.credit)
    if result.lead_image is None and not result.body:
        result.lead_image = image
    else:
        result.body.append(
            BodyBlock(
                "image", src=image.src, alt=image.alt, caption=image.caption, credit=image.credit
            )
        )


def _story_cards(segments, start, end) -> dict[int, int]:
    """Other stories listed after the article, each a title, a byline and a date over a blurb:
    every line of such a card, mapped to how many cards start there or later."""
    starts = [
        index
        for index in range(start, end - 2)
        if is_title_shaped(segments[index].text)
        and (
            parse_byline(segments[index + 1].text)
            or is_name(_clean_byline(segments[index + 1].text))
        )
        and _date_line(segments[index + 2].text) is not None
        and is_content(segments[index + 3])
    ]
    return {
        index + offset: len(starts) - position
        for position, index in enumerate(starts)
        for offset in range(4)
    }


def _summary_run(segments, rules, start, end) -> range:
    """Key points above the article: its first sentences packed one a line with no blank line
    between them, while the paragraphs after them are set apart by blank lines."""
    first = start
    while first <= end and (
        segments[first].kind == "image"
        or rules.first(segments[first].text, False)
        or not _is_short_paragraph(segments[first].text)
    ):
        first += 1
    stop = first
    while (
        stop <= end
        and segments[stop].kind == "text"
        and (stop == first or not segments[stop].gap_before)
        and _is_short_paragraph(segments[stop].text)
        and _words(segments[stop].text) <= 45
    ):
        stop += 1
    # A photo credit or an advertising label may hang under the last point.
    tail = stop
    while tail <= end and not segments[tail].gap_before and not is_content(segments[tail]):
        tail += 1
    if stop - first < 2 or tail > end or not segments[tail].gap_before:
        return range(0)
    after = [s for s in segments[stop : end + 1] if is_content(s)][:6]
    if len(after) < 3 or sum(s.gap_before for s in after) < len(after) * 0.8:
        return range(0)
    return range(first, stop)


def _read_body(result, segments, rules, start, end, teasers, rule_hits):
    seen: set[str] = {_normal(result.headline or "")}
    paragraphs = 0
    cards = _story_cards(segments, start, end)
    summary = _summary_run(segments, rules, start, end)
    index = start
    while index <= end:
        segment = segments[index]
        text = segment.text
        key = _normal(text)
        if paragraphs >= 3 and cards.get(index, 0) >= 2:
            # A run of signed, dated stories after the article: the article is over.
            for skipped in segments[index : end + 1]:
                _drop(result, skipped, None, "related-stories")
            break
        if segment.kind == "image":
            _take_image(result, segment)
            index += 1
            continue
        rule = rules.first(text, paragraphs >= 3)
        if rule_hits[index] is CAPTION_RULE:
            rule = CAPTION_RULE
        if rule is not None and rule.kind in ("end", "box"):
            # "Most popular" boxes also interrupt long articles: a label ends the article
            # when less text than came before follows it, unless it heads a short box that
            # gives way to a run of paragraphs (lists of other stories have one blurb a
            # title); otherwise skip to the prose.
            kept = sum(_words(b.text) for b in result.body)
            rest = sum(_words(s.text) for s in segments[index : end + 1] if is_content(s))
            stop = index + 1
            while stop <= end and not is_content(segments[stop]):
                stop += 1
            resumes = (
                rule.kind == "box"
                and stop - index <= 16
                and stop < end
                and is_content(segments[stop + 1])
            )
            if rest < kept / 2 and not resumes:
                stop = end + 1
            for skipped in segments[index:stop]:
                _drop(result, skipped, None, rule.name)
            index = stop
            continue
        if rule is not None and rule.kind == "drop-block":
            result.dropped.append(Dropped(segment.line, text, rule.name))
            index += 1
            while index <= end and rule.continues_block(
                segments[index].text, _words(segments[index].text)
            ):
                _drop(result, segments[index], rule, rule.name)
                index += 1
            continue
        if rule is not None and rule.kind == "drop-next":
            result.dropped.append(Dropped(segment.line, text, rule.name))
            index += 1
            if index <= end and not segments[index].gap_before:
                _drop(result, segments[index], rule, rule.name)
                index += 1
            continue
        if rule is not None:
            result.dropped.append(Dropped(segment.line, text, rule.name))
        elif index in teasers:
            result.dropped.append(Dropped(segment.line, text, "teaser"))
        elif index in summary:
            result.dropped.append(Dropped(segment.line, text, "summary"))
        elif key in seen and key:
            result.dropped.append(Dropped(segment.line, text, "repeated"))
        elif segment.kind == "heading":
            level = min(max(segment.level or 2, 2), 4)
            result.body.append(BodyBlock("heading", text, html=None, level=level))
        elif segment.kind == "item":
            index = _read_list(result, segments, index, end)
            continue
        elif _LIST_MARK.match(text) and _marked_run(segments, index, end) > 1:
            index = _read_text_list(result, segments, index, end)
            continue
        elif is_content(segment) or _is_short_paragraph(text):
            result.body.append(BodyBlock("paragraph", text, html=segment.html))
            paragraphs += 1
        elif _is_heading(segments, index, start, end):
            result.body.append(BodyBlock("heading", text, level=2))
        else:
            run = _in_short_run(segments, index, start, end)
            result.dropped.append(Dropped(segment.line, text, "link-list" if run else "short-line"))
        seen.add(key)
        index += 1


def _is_short_paragraph(text: str) -> bool:
    """Short prose ("He declined to comment.") as opposed to labels and link titles."""
    return (
        _words(text) >= 3
        and is_sentence(text)
        and (text[:1].isupper() or text[:1] in "“\"‘'(" or text[:1].isdigit())
    )


def _is_heading(segments, index, start, end) -> bool:
    if not is_title_shaped(segments[index].text, min_words=1, max_words=16):
        return False
    before = segments[index - 1] if index > start else None
    after = segments[index + 1] if index < end else None
    return (before is None or is_content(before)) and after is not None and is_content(after)


def _in_short_run(segments, index, start, end) -> bool:
    neighbours = [segments[i] for i in (index - 1, index + 1) if start <= i <= end]
    return any(not is_content(s) and s.kind != "image" for s in neighbours)


_LIST_MARK = re.compile(r"^(?:[-*•·▪–]|(?P<number>\d{1,2})[.)])\s+")


def _marked_run(segments, index, end) -> int:
    """How many lines from ``index`` carry the same kind of list marker ("•", "1.")."""
    numbered = bool(_LIST_MARK.match(segments[index].text).group("number"))
    count = 0
    while index + count <= end:
        match = _LIST_MARK.match(segments[index + count].text)
        if match is None or bool(match.group("number")) != numbered:
            break
        count += 1
    return count


def _read_text_list(result, segments, index, end) -> int:
    """Plain-text bullets or numbers become one list block, markers removed."""
    count = _marked_run(segments, index, end)
    items = [_LIST_MARK.sub("", s.text, count=1) for s in segments[index : index + count]]
    ordered = bool(_LIST_MARK.match(segments[index].text).group("number"))
    result.body.append(BodyBlock("list", "\n".join(items), items=items, ordered=ordered))
    return index + count


def _read_list(result, segments, index, end) -> int:
    """Group list items; keep a list of prose, drop a list of links."""
    list_id = segments[index].list_id
    items = []
    while index <= end and segments[index].kind == "item" and segments[index].list_id == list_id:
        items.append(segments[index])
        index += 1
    linky = sum(1 for item in items if item.html and item.html.startswith("<a ")) > len(items) / 2
    if linky and not any(is_content(item) for item in items):
        for item in items:
            result.dropped.append(Dropped(item.line, item.text, "link-list"))
        return index
    texts = [item.text for item in items]
    result.body.append(BodyBlock("list", "\n".join(texts), items=texts, ordered=items[0].ordered))
    return index


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
