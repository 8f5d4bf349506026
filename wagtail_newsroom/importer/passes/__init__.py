"""Recognition's labelling passes, in the order they run.

Each pass is a pure function ``label(ctx, labels) -> {line index: Label}``: it reads the
frozen ``Context`` (lines, rules, lexicon, thresholds) and the labels earlier passes gave, and
returns labels for lines that have none. ``recognise.run_passes`` adds them in turn; a pass
cannot relabel a line, so none undoes another's work.

1. ``headline``: the headline line, and the dek continuing it after ";" or ":".
2. ``captions``: the article's images with their captions; caption lines found by their place.
3. ``header``: bylines, dates, dek, section and export fields around the headline.
4. ``pull_quotes``: short excerpts repeating a longer paragraph.
5. ``body``: paragraphs, headings and lists, and the boilerplate among them.
6. ``outside``: what lies above the header and after the article's end.
"""

from . import body, captions, header, headline, outside, pull_quotes

PASSES = (
    ("headline", headline.label),
    ("captions", captions.label),
    ("header", header.label),
    ("pull_quotes", pull_quotes.label),
    ("body", body.label),
    ("outside", outside.label),
)
