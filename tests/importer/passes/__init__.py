"""Tests of recognition's labelling passes, each on small hand-written pages.

``context(text)`` builds the frozen ``Context`` a pass reads; ``given(ctx, name)`` runs the
passes before ``name``, giving the labels that pass receives.
"""

from wagtail_newsroom.importer.context import Context, RuleMatcher
from wagtail_newsroom.importer.labels import Labels
from wagtail_newsroom.importer.lines import build_lines
from wagtail_newsroom.importer.passes import PASSES
from wagtail_newsroom.importer.recognise import run_passes
from wagtail_newsroom.importer.rules import DEFAULT_RULES
from wagtail_newsroom.importer.segment import Segment, segment_text

PASS_NAMES = [name for name, _ in PASSES]


def context(text_or_segments, meta=None) -> Context:
    segments = (
        segment_text(text_or_segments)
        if isinstance(text_or_segments, str)
        else list(text_or_segments)
    )
    return Context(build_lines(segments), RuleMatcher.for_rules(tuple(DEFAULT_RULES)), meta=meta)


def given(ctx: Context, name: str) -> Labels:
    """The labels the pass ``name`` receives: those of every pass before it."""
    return run_passes(ctx, PASSES[: PASS_NAMES.index(name)])


def image(src="https://example.org/a.jpg", alt="", **fields) -> Segment:
    return Segment(line=None, text="", kind="image", src=src, alt=alt, **fields)


def texts(ctx: Context, labels) -> dict[str, object]:
    """Each labelled line's text, with its label."""
    return {ctx.lines[index].text: label for index, label in sorted(labels.items())}


P1 = "The council approved the harbour budget on Tuesday after a debate that lasted six hours."
P2 = "Councillors said the money would pay for dredging and a new ferry terminal next year."
P3 = "The mayor said the vote showed that the town was ready to invest in its waterfront."
P4 = "Work on the terminal is expected to begin in the spring and to last about two years."
HEADLINE = "Council backs harbour plan after long debate"
HEADER = f"{HEADLINE}\nBy Jane Roe\nMarch 4, 2024\n"
MENU = "Home\nNews\n"


def page(*paragraphs: str, top: str = MENU, header: str = HEADER) -> str:
    """A browser-copied page by default: a menu, the header, paragraphs set apart."""
    return top + header + "\n" + "\n\n".join(paragraphs) + "\n"
