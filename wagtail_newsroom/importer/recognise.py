"""Stage 3: find the article in the page's lines.

Pages copied from a browser bury the article between menus, share buttons, sign-up boxes and
related links; exports from a CMS or an archive give it bare. Recognition labels the table of
lines (``lines.py``) with a sequence of pure passes (``passes/``), then reads the article off
the labels: ``recognise`` returns a ``Recognised`` value, and nothing here changes a line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .context import DEFAULT_OPTIONS, Context, Options, RuleMatcher
from .datelines import SECTION_FIELD, read_date_line
from .dates import coerce
from .labels import Kind, Labels
from .lexicon import DEFAULT_LEXICON
from .lines import build_lines
from .passes import PASSES
from .passes.header import FIELD_RANK, KICKER_RANK, Section
from .passes.headline import headline_index, headline_label
from .result import Author, BodyBlock, Dropped, Image
from .segment import PageMeta, Segment
from .shape import normal_form
from .thresholds import THRESHOLDS

# A date line's own label ("4 March 2020NTD Evening News") names a section only when
# nothing else does.
_DATE_SECTION_RANK = 0


@dataclass(frozen=True)
class Recognised:
    headline: str | None = None
    dek: str | None = None
    section: str | None = None
    published: object = None
    updated: object = None
    authors: tuple[Author, ...] = ()
    lead_image: Image | None = None
    tags: tuple[str, ...] = ()
    body: tuple[BodyBlock, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    # What the pipeline warns about: how sure the headline is, a date it could not place.
    headline_guessed: bool = False
    relative_date: str | None = None
    labels: Labels = field(default_factory=Labels, repr=False, compare=False)


def run_passes(ctx: Context, passes=PASSES) -> Labels:
    labels = Labels()
    for name, label in passes:
        labels = labels.add(label(ctx, labels), by=name)
    return labels


def recognise(
    segments: list[Segment],
    rules,
    meta: PageMeta | None = None,
    *,
    lexicon=DEFAULT_LEXICON,
    thresholds=THRESHOLDS,
    options: Options = DEFAULT_OPTIONS,
) -> Recognised:
    if not segments:
        return Recognised()
    ctx = Context(
        lines=build_lines(segments, thresholds),
        rules=RuleMatcher.for_rules(tuple(rules)),
        lexicon=lexicon,
        thresholds=thresholds,
        options=options,
        meta=meta,
    )
    if ctx.extent[1] < ctx.extent[0]:
        return Recognised()
    return assemble(ctx, run_passes(ctx))


def assemble(ctx: Context, labels: Labels) -> Recognised:
    """The article as the labels describe it."""
    lines, meta = ctx.lines, ctx.meta
    head = headline_index(ctx, labels)
    if head is None:
        return Recognised(labels=labels)
    found = {"headline": None, "guessed": False, "dek": None, "published": None, "updated": None}
    headline = headline_label(labels)
    sections: list[Section] = []
    if headline is not None:
        found["headline"], found["guessed"] = headline.value.text, headline.value.guessed
        if headline.value.kicker:
            sections.append(Section(headline.value.kicker, KICKER_RANK))
    authors: list[Author] = []
    relative = None

    def add_date(value):
        key = "updated" if value.updated else "published"
        if found[key] is None:
            found[key] = value.value

    # Below the headline first: a date on the byline beats a masthead's date above it.
    for index in sorted(labels, key=lambda i: (i < head, i)):
        label = labels[index]
        if label.kind is Kind.BYLINE:
            names, date = label.value
            known = {normal_form(author.name) for author in authors}
            authors.extend(a for a in names if normal_form(a.name) not in known)
            if date is not None:
                add_date(date)
        elif label.kind is Kind.DATE:
            for value in label.value.dates:
                add_date(value)
            relative = relative or label.value.relative
            if label.value.section:
                sections.append(Section(label.value.section, _DATE_SECTION_RANK))
        elif label.kind is Kind.SECTION:
            sections.append(label.value)
        elif label.kind is Kind.DEK and found["dek"] is None:
            found["dek"] = label.value

    body, dropped, lead_image = [], [], None
    for line in lines:
        label = labels.get(line.index)
        kind = label.kind if label else Kind.PARAGRAPH  # keep by default
        if kind is Kind.DROP:
            dropped.append(
                Dropped(line.line, line.text or line.src or "", label.reason, label.detail)
            )
        elif kind is Kind.IMAGE:
            image = label.value
            if lead_image is None and not body:
                lead_image = image
            else:
                body.append(
                    BodyBlock(
                        "image", src=image.src, alt=image.alt, caption=image.caption,
                        credit=image.credit,
                    )
                )  # fmt: skip
        elif kind is Kind.PARAGRAPH:
            # A quotation the page set apart (<blockquote>) stays one.
            block_type = "quote" if line.kind == "quote" else "paragraph"
            body.append(BodyBlock(block_type, line.text, html=line.html))
        elif kind is Kind.HEADING:
            body.append(BodyBlock("heading", line.text, level=label.value))
        elif kind is Kind.LIST:
            items, ordered = label.value
            body.append(BodyBlock("list", "\n".join(items), items=list(items), ordered=ordered))
    if meta:
        dropped.extend(Dropped(segment.line, segment.text, rule) for segment, rule in meta.removed)

    if found["published"] is None and found["updated"] is None:
        for value in _date_anywhere(ctx, head):
            add_date(value)
    # A labelled section anywhere ("SECTION: METRO", "Posted in Council Watch") beats a guess.
    field_line = next(
        (line for line in lines if line.words <= 16 and SECTION_FIELD.match(line.text)), None
    )
    if field_line is not None:
        sections.append(
            Section(SECTION_FIELD.match(field_line.text).group("value").strip(), FIELD_RANK)
        )
    section = max(sections, key=lambda s: s.rank).name if sections else None

    headline_text, published, updated = found["headline"], found["published"], found["updated"]
    tags = ()
    if meta:
        headline_text = headline_text or meta.headline
        if meta.authors:
            authors = [Author(name) for name in meta.authors]
        published = coerce(meta.published) or published
        meta_updated = coerce(meta.updated)
        if meta_updated is not None and meta_updated != published:
            updated = meta_updated
        section = meta.section or section
        tags = tuple(meta.keywords)
    if published is None and updated is not None:
        published = updated  # a source dated only by its update was published by then
    return Recognised(
        headline=headline_text,
        dek=found["dek"],
        section=section,
        published=published,
        updated=updated,
        authors=tuple(authors),
        lead_image=lead_image,
        tags=tags,
        body=tuple(body),
        dropped=tuple(dropped),
        headline_guessed=found["guessed"],
        relative_date=relative if published is None else None,
        labels=labels,
    )


def _date_anywhere(ctx, head):
    """No date by the headline: the dates of the short date line nearest it, below first."""
    lines = ctx.lines
    order = [*range(head + 1, len(lines)), *range(head - 1, -1, -1)]
    for index in order:
        if lines[index].words > 12:
            continue
        date_line = read_date_line(lines[index].text, ctx.lexicon, ctx.options, fallback=True)
        if date_line and date_line[0]:
            return date_line[0]
    return ()
