"""The body pass: paragraphs, headings and lists, and the boilerplate among them."""

from wagtail_newsroom.importer.labels import Kind, Label
from wagtail_newsroom.importer.passes import body
from wagtail_newsroom.importer.reasons import Reason

from . import HEADER, HEADLINE, P1, P2, P3, P4, context, given, page

# Longer than a sign-up block's lines (20 words) can be.
LONG = (
    "Residents who spoke at the meeting said they welcomed the investment but wanted the "
    "council to publish a full timetable for the works before the summer."
)


def label(text):
    ctx = context(text)
    new = body.label(ctx, given(ctx, "body"))
    return ctx, {ctx.lines[i].text: lab for i, lab in new.items()}


def test_paragraphs_and_a_heading_between_them():
    _, new = label(page(P1, "What happens next", P2, P3))
    assert new == {
        P1: Label(Kind.PARAGRAPH),
        "What happens next": Label(Kind.HEADING, value=2),
        P2: Label(Kind.PARAGRAPH),
        P3: Label(Kind.PARAGRAPH),
    }


def test_text_bullets_are_one_list_with_its_items():
    _, new = label(
        page(
            P1, P2, "• Dredging the channel\n• A new ferry terminal\n• Repairs to the wall", P3, P4
        )
    )
    assert new["• Dredging the channel"] == Label(
        Kind.LIST,
        value=(("Dredging the channel", "A new ferry terminal", "Repairs to the wall"), False),
    )
    assert new["• A new ferry terminal"] == Label(Kind.LIST_ITEM)
    assert new["• Repairs to the wall"] == Label(Kind.LIST_ITEM)


def test_numbered_lines_are_an_ordered_list():
    _, new = label(page(P1, P2, "1. Dredge the channel\n2. Build the terminal", P3, P4))
    assert new["1. Dredge the channel"].value == (
        ("Dredge the channel", "Build the terminal"),
        True,
    )


def test_newsletter_sign_up_is_dropped_as_a_block():
    _, new = label(
        page(
            P1,
            P2,
            "Sign up for our newsletter\nGet the latest news in your inbox\nPrivacy policy",
            LONG,
            P3,
        )
    )
    newsletter = Label.drop(Reason.NEWSLETTER)
    assert new["Sign up for our newsletter"] == newsletter
    assert new["Get the latest news in your inbox"] == newsletter
    assert new["Privacy policy"] == newsletter
    assert new[LONG] == Label(Kind.PARAGRAPH)
    assert new[P3] == Label(Kind.PARAGRAPH)


def test_newsletter_block_ends_at_the_next_paragraph():
    # Keep by default: a sign-up block takes its own short lines, not the paragraph after it.
    _, new = label(
        page(P1, P2, "Sign up for our newsletter\nGet the latest news in your inbox", P3, P4)
    )
    assert new[P3] == Label(Kind.PARAGRAPH)
    assert new[P4] == Label(Kind.PARAGRAPH)


def test_end_rule_with_less_text_after_it_drops_the_rest_with_its_reason():
    tail = "Another story about the harbour was published last week by the same reporter."
    _, new = label(page(P1, P2, P3, P4, "Related articles", tail))
    ended = Label.drop(Reason.END_OF_ARTICLE)
    assert new["Related articles"] == ended
    assert new[tail] == ended
    assert [new[p] for p in (P1, P2, P3, P4)] == [Label(Kind.PARAGRAPH)] * 4


def test_end_rule_with_more_text_after_it_drops_only_itself():
    _, new = label(page(P1, P2, P3, "Related articles", P4, LONG))
    assert new["Related articles"] == Label.drop(Reason.END_OF_ARTICLE)
    assert [new[p] for p in (P4, LONG)] == [Label(Kind.PARAGRAPH)] * 2


def test_end_rule_is_not_read_before_the_third_paragraph():
    # Body-scoped rules wait for the article to have begun: early on it is a heading.
    _, new = label(page(P1, "Related articles", P2, P3, P4))
    assert new["Related articles"] == Label(Kind.HEADING, value=2)


def test_repeated_line_is_dropped_as_repeated():
    _, new = label(page(P1, HEADLINE, P2, P3, header=HEADER + "Share\n"))
    assert new[HEADLINE] == Label.drop(Reason.REPEATED)


def test_lone_short_line_is_dropped():
    _, new = label(page(P1, P2, "photos", P3))
    assert new["photos"] == Label.drop(Reason.SHORT_LINE)


def test_nothing_is_dropped_in_a_clean_export():
    # A short label and a repeated paragraph, which a browser copy would lose.
    text = page(P1, P2, "photos", P3, P4, LONG, P1, P2, top="")
    ctx, new = label(text)
    assert ctx.clean_export
    assert new["photos"] == Label(Kind.PARAGRAPH)
    by_index = body.label(ctx, given(ctx, "body"))
    assert sorted(by_index) == list(range(3, len(ctx)))  # every line under the header
    assert all(lab == Label(Kind.PARAGRAPH) for lab in by_index.values())


def test_numbered_paragraphs_of_several_sentences_stay_paragraphs():
    first = "1. Eat sulphur-rich foods. Garlic and onions are the main ones in most diets."
    second = "2. Exercise more. It raises the levels and helps the immune system."
    _, new = label(page(P1, P2, f"{first}\n{second}", P3, P4))
    assert new[first] == new[second] == Label(Kind.PARAGRAPH)


def test_short_lines_led_in_by_a_colon_are_the_articles_list():
    intro = "The inspectors said a bill must meet three tests before collectors pay for it:"
    tests = "The series date must read 2013\nThe seal must be a B\nThe serial ends with a star"
    _, new = label(page(P1, P2, f"{intro}\n{tests}", P3, P4))
    assert new["The series date must read 2013"] == Label(
        Kind.LIST, value=(tuple(tests.splitlines()), False)
    )
    assert new["The serial ends with a star"] == Label(Kind.LIST_ITEM)


def test_a_block_repeated_beside_boilerplate_is_dropped_in_both_copies():
    perks = (
        "Unlimited online access to The Courier and 15 news sites with one account.\n"
        "Share your thoughts and join the conversation in the comments."
    )
    ctx = context(page(P1, P2, P3, f"Advertisement\n{perks}", f"Advertisement\n{perks}", P4))
    new = body.label(ctx, given(ctx, "body"))
    copies = [new[line.index] for line in ctx.lines if line.text in perks.splitlines()]
    assert copies == [Label.drop(Reason.REPEATED)] * 4
    assert new[len(ctx.lines) - 1] == Label(Kind.PARAGRAPH)
