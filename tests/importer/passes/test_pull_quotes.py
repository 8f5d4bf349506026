"""The pull-quotes pass: short excerpts repeating a longer paragraph's words."""

from wagtail_newsroom.importer.labels import Label
from wagtail_newsroom.importer.passes import pull_quotes
from wagtail_newsroom.importer.reasons import Reason

from . import P1, P2, P3, context, given, page


def label(text):
    ctx = context(text)
    new = pull_quotes.label(ctx, given(ctx, "pull_quotes"))
    return {ctx.lines[i].text: lab for i, lab in new.items()}


def test_short_line_repeating_words_of_a_paragraph_is_a_pull_quote():
    new = label(page(P1, P2, "The money would pay for dredging.", P3))
    assert new == {"The money would pay for dredging.": Label.drop(Reason.PULL_QUOTE)}


def test_pull_quote_may_come_before_the_paragraph_it_repeats():
    new = label(page(P1, "“The town was ready to invest in its waterfront.”", P2, P3))
    assert new == {
        "“The town was ready to invest in its waterfront.”": Label.drop(Reason.PULL_QUOTE)
    }


def test_line_said_twice_in_full_is_not_a_pull_quote():
    assert label(page(P1, "The vote was seven to two.", P2, "The vote was seven to two.", P3)) == {}


def test_excerpt_does_not_match_across_two_lines():
    # "… lasted six hours." ends one paragraph and "Councillors said the money …" opens the next.
    assert label(page(P1, P2, "Lasted six hours. Councillors said the money.", P3)) == {}


def test_excerpt_too_short_is_not_a_pull_quote():
    # Three words repeat P2 too, but a pull quote has at least four.
    assert label(page(P1, P2, "A new ferry.", P3)) == {}
