"""Pass: the headline, and a dek continuing it.

A clean export's first line is its headline, whatever its punctuation ("'We are in shock':
A town counts the cost."). Otherwise page metadata names the headline when it can, or a
top-level heading does, or else the best title-shaped line above the body, scored by the
byline and date beside it. A headline line ending in ";" or ":" goes on in the line under it:
that line is the dek, never the headline alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..byline import clean_byline, is_name, parse_byline
from ..datelines import is_field, is_header_line, read_date_line
from ..labels import Kind, Label
from ..lexicon import DEFAULT_LEXICON
from ..rules import CAPTION_SHAPE, ICON_NAME
from ..shape import is_sentence, is_title_shaped, normal_form, word_count


@dataclass(frozen=True)
class Headline:
    text: str
    kicker: str | None = None
    guessed: bool = False  # a weak candidate: the pipeline warns


def label(ctx, labels) -> dict[int, Label]:
    head, guessed = _find(ctx)
    if head is None:
        return {}
    line = ctx.lines[head]
    text = line.text
    new = {}
    below = ctx.lines[head + 1] if head + 1 < len(ctx.lines) else None
    if (
        text.endswith((";", ":"))
        and below is not None
        and below.kind in ("text", "heading")
        and below.words <= ctx.thresholds.dek_words
        and not is_header_line(below.text, ctx.lexicon)
    ):
        new[head + 1] = Label(Kind.DEK, value=below.text)
        text = text.rstrip(" ;:")
    kicker, text = split_kicker(text)
    new[head] = Label(Kind.HEADLINE, value=Headline(text, kicker, guessed))
    return new


def headline_index(ctx, labels) -> int | None:
    """Where the headline is; just above the body when only the metadata names it."""
    head = labels.first(Kind.HEADLINE)
    if head is None and ctx.meta and ctx.meta.headline:
        return ctx.extent[0] - 1
    return head


def headline_label(labels) -> Label | None:
    """The headline's label, None when only the page's metadata names the headline."""
    head = labels.first(Kind.HEADLINE)
    return None if head is None else labels[head]


def _find(ctx):
    """The headline's index (or None) and whether it is only a weak guess."""
    lines, meta = ctx.lines, ctx.meta
    start = ctx.extent[0]
    if meta and meta.headline:
        wanted = normal_form(meta.headline)
        for line in lines:
            if line.normal and (
                line.normal == wanted or (len(line.normal) > 15 and wanted.startswith(line.normal))
            ):
                return line.index, False
    top = _signed_top(ctx)
    if top is not None:
        return top, False
    if ctx.clean_export:
        candidates = [
            line
            for line in lines[:3]
            if line.kind in ("text", "heading")
            and not is_header_line(line.text, ctx.lexicon)
            and not is_field(line.text)
            and not looks_like_menu(line.text, ctx.lexicon)
            and not _superseded(ctx, line.index, _first_paragraph(ctx))
        ]
        if not candidates:
            return None, False
        first = _past_kicker(ctx, candidates)
        return first.index, False
    for line in lines[: start + 1]:
        if line.kind == "heading" and line.level == 1:
            return line.index, False
    best, score = _best_headline(ctx, _window(ctx, start))
    if best is None:
        # Lines after the article's text are the page's footer, never its headline.
        best, score = _best_headline(ctx, range(0, ctx.extent[1] + 1))
        return _continued(ctx, best), True
    # Without a byline or date beside it, a title-shaped line is only a guess.
    return _continued(ctx, best), score < ctx.thresholds.weak_headline


def _window(ctx, start: int) -> range:
    """The lines above the body a headline is looked for in: ``headline_window`` lines, not
    counting boilerplate and numbered furniture, which a photo gallery fills by the dozen."""
    counted, index = 0, start
    while index > 0 and counted < ctx.thresholds.headline_window:
        index -= 1
        line = ctx.lines[index]
        if ctx.rule_hits[index] is None and line.series < ctx.thresholds.series_lines:
            counted += 1
    return range(index, start + 1)


def _signed_top(ctx) -> int | None:
    """The page's first line, when a byline or a date follows it at once: an export's
    headline, whatever its punctuation ("EXCLUSIVE: In memo, ...", "'We are in shock': ...")."""
    lines, lexicon = ctx.lines, ctx.lexicon
    text_lines = [line for line in lines[:6] if line.kind in ("text", "heading")]
    if len(text_lines) < 2:
        return None
    top = _past_kicker(ctx, text_lines)
    if (
        ctx.rule_hits[top.index] is not None
        or top.series >= ctx.thresholds.series_lines
        or not 1 <= top.words <= ctx.thresholds.headline_max_words
        or is_header_line(top.text, lexicon)
        or looks_like_menu(top.text, lexicon)
    ):
        return None
    after = text_lines[text_lines.index(top) + 1 :]
    for line in after[: ctx.thresholds.signed_top_reach]:
        if is_header_line(line.text, lexicon):
            # A masthead is dated too, but the article's own signed title comes under it.
            return None if _superseded(ctx, top.index, _first_paragraph(ctx)) else top.index
        if line.prose:
            return None
    return None


def _first_paragraph(ctx) -> int:
    return next((line.index for line in ctx.lines if line.prose), len(ctx.lines))


def _past_kicker(ctx, candidates):
    """The first candidate, or the one under it when the first is a label set right above it:
    the section the story runs in ("Economy")."""
    first = candidates[0]
    if (
        len(candidates) > 1
        and candidates[1].index == first.index + 1
        and not candidates[1].gap_before
        and first.words <= ctx.thresholds.kicker_words < candidates[1].words
        and not first.sentence
        and not is_header_line(candidates[1].text, ctx.lexicon)
    ):
        return candidates[1]
    return first


def _continued(ctx, index):
    """A title line ending in ";" or ":" right above the chosen line is the headline's start."""
    if index:
        above = ctx.lines[index - 1]
        if (
            above.text.endswith((";", ":"))
            and is_title_shaped(above.text.rstrip(" ;:"))
            and not ctx.rule_hits[index - 1]
            and not is_header_line(above.text, ctx.lexicon)
        ):
            return index - 1
    return index


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


def _best_headline(ctx, window):
    segments, rules, lexicon = ctx.lines, ctx.rules, ctx.lexicon
    start = ctx.extent[0]
    best, best_score = None, float("-inf")
    titles = _page_titles(segments)
    for index in window:
        if index >= len(segments):
            break
        segment = segments[index]
        text = segment.text
        words = word_count(text)
        following = segments[index + 1 : index + 7]
        signed = any(
            parse_byline(s.text, lexicon=lexicon) or read_date_line(s.text, lexicon)
            for s in following[:3]
        )
        if (
            segment.kind not in ("text", "heading")
            or segment.series >= ctx.thresholds.series_lines
            or not (
                _is_candidate(text, ctx)
                # A headline may end with a full stop when a byline or date follows at once,
                # but a sentence long enough to be a paragraph is one.
                or (signed and not segment.long_prose and text.endswith(".") and text[:1].isupper())
            )
        ):
            continue
        if looks_like_menu(text, lexicon):
            continue
        label = rules.first(segments[index - 1].text, True) if index else None
        score = min(words, 12) - max(0, words - 24) * 0.5 + (2 if segment.kind == "heading" else 0)
        if index > 0 and _is_candidate(segments[index - 1].text, ctx, min_words=6):
            score -= 5  # a title-shaped line right under another one is a dek or a teaser
        dated = any(read_date_line(s.text, lexicon) for s in following)
        if dated or any(parse_byline(s.text, lexicon=lexicon) for s in following):
            score += 6
        # A byline just under it, or a date just over it, is how article headers look.
        if any(parse_byline(s.text, lexicon=lexicon) for s in following[:3]):
            score += 3
        if any(read_date_line(s.text, lexicon) for s in segments[max(0, index - 2) : index]):
            score += 2
        if following and following[0].prose and is_sentence(following[0].text):
            score += 2 if not segment.prose else 0  # a standfirst under it
        if text.endswith("."):
            score -= 4  # allowed above a byline, but deks and captions end so more often
        if is_name(clean_byline(text, lexicon=lexicon), lexicon=lexicon):
            score -= 6  # a name on its own is the author's, under the headline
        if CAPTION_SHAPE.search(text):
            score -= 12
        # Under a byline sit the dek and the photo caption, not the headline; but a byline
        # closed by its date, then a title signed and dated in turn, is a story list's.
        bylines = [
            i
            for i in range(max(0, index - 6), index)
            if parse_byline(segments[i].text, lexicon=lexicon)
        ]
        if bylines and not (
            dated
            and any(read_date_line(s.text, lexicon) for s in segments[bylines[-1] + 1 : index])
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
            if not s.prose
            and not rules.first(s.text, False)
            and not is_header_line(s.text, lexicon)
        )
        score -= 0.5 * min(between, 20)
        if _superseded(ctx, index, start):
            score -= 10
        if score > best_score:
            best, best_score = index, score
    return best, best_score


def _superseded(ctx, index, start) -> bool:
    """Whether, after this title's byline and date, another title with a byline or date of
    its own comes before the body: in a list of signed stories the article's is the last."""
    segments, lexicon = ctx.lines, ctx.lexicon
    own = next(
        (
            i
            for i in range(index + 1, min(start, index + 4))
            if is_header_line(segments[i].text, lexicon)
        ),
        None,
    )
    if own is None:
        return False
    end = own
    while end + 1 < start and is_header_line(segments[end + 1].text, lexicon):
        end += 1
    if not any(read_date_line(s.text, lexicon) for s in segments[own : end + 1]):
        return False  # a header without its date may go on below a caption
    return any(
        _is_candidate(segments[k].text, ctx)
        and any(is_header_line(s.text, lexicon) for s in segments[k + 1 : min(start, k + 6)])
        for k in range(end + 1, start)
    )


def _is_candidate(text, ctx, min_words=3) -> bool:
    lexicon = ctx.lexicon
    return (
        is_title_shaped(text, min_words=min_words)
        and not ctx.rules.first(text, False)
        and not parse_byline(text, lexicon=lexicon)
        and not read_date_line(text, lexicon)
        and not looks_like_menu(text, lexicon)
    )


_CRUMB = re.compile(r"\s[»›>/]\s")


def looks_like_menu(text: str, lexicon=DEFAULT_LEXICON) -> bool:
    """Navigation flattened onto one line, or a short label in capitals."""
    tokens = [token for token in text.split() if token[:1].isalpha()]
    if not tokens:
        return True
    if any(ICON_NAME.search(token) for token in tokens) or _CRUMB.search(text):
        return True
    capitalised = sum(token[:1].isupper() for token in tokens) / len(tokens)
    # A long headline in title case still leaves its small words ("of", "to") in lower case,
    # or ends as a sentence does.
    if (
        len(tokens) > 14
        and capitalised > 0.8
        and not any(t in lexicon.function_words for t in tokens)
        and not is_sentence(text)
    ):
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
