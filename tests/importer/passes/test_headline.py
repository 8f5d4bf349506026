"""The headline pass: which line is the headline, and the dek continuing it."""

from wagtail_newsroom.importer.labels import Kind, Labels
from wagtail_newsroom.importer.passes import headline

from . import HEADER, HEADLINE, P1, P2, P3, P4, context, page, texts

CLEAN = (P1, P2, P3)


def label(text):
    ctx = context(text)
    return ctx, headline.label(ctx, Labels())


def test_clean_export_first_line_is_the_headline_whatever_its_punctuation():
    title = "'We are in shock': A harbour town counts the cost of the storm."
    ctx, new = label(page(*CLEAN, top="", header=f"{title}\nBy Fiona MacAulay\nOctober 12, 2021\n"))
    assert ctx.clean_export
    assert list(new) == [0]
    assert new[0].kind is Kind.HEADLINE
    assert new[0].value.text == title
    assert new[0].value.guessed is False


def test_headline_ending_in_semicolon_goes_on_in_its_dek():
    ctx, new = label(
        page(
            *CLEAN,
            top="",
            header="Council approves budget;\nIs within $4M of last year's plan.\n"
            "By Derek Osterman\nJune 15, 2022\n",
        )
    )
    assert sorted(new) == [0, 1]
    assert new[0].kind is Kind.HEADLINE
    assert new[0].value.text == "Council approves budget"
    assert new[1].kind is Kind.DEK
    assert new[1].value == "Is within $4M of last year's plan."


def test_second_line_of_a_two_line_headline_is_never_the_headline_alone():
    ctx, new = label(
        page(
            *CLEAN,
            header="Council approves budget;\nIs within $4M of last year's plan.\n"
            "By Derek Osterman\nJune 15, 2022\nShare\n",
        )
    )
    kinds = {ctx.lines[i].text: label.kind for i, label in new.items()}
    assert kinds == {
        "Council approves budget;": Kind.HEADLINE,
        "Is within $4M of last year's plan.": Kind.DEK,
    }


def test_short_kicker_above_the_headline_is_skipped():
    title = "Inflation falls to its lowest level in three years"
    ctx, new = label(page(*CLEAN, top="", header=f"Economy\n{title}\nBy Jane Roe\nMarch 3, 2024\n"))
    assert list(new) == [1]
    assert new[1].kind is Kind.HEADLINE
    assert new[1].value.text == title


def test_kicker_in_capitals_glued_to_the_headline_is_split_off():
    ctx, new = label(page(*CLEAN, top="", header=f"HARBOUR VOTE {HEADLINE}\nBy Jane Roe\n"))
    assert new[0].value.text == HEADLINE
    assert new[0].value.kicker == "HARBOUR VOTE"


def test_masthead_with_a_date_is_not_the_headline_of_the_signed_title_under_it():
    ctx, new = label(
        page(
            *CLEAN,
            top="The Daily Courier\nMonday, March 4, 2024\n\n",
            header=f"{HEADLINE}\nBy Jane Roe\nMarch 4, 2024\nShare\n",
        )
    )
    assert texts(ctx, new) == {HEADLINE: new[2]}
    assert new[2].kind is Kind.HEADLINE


def test_masthead_of_a_clean_export_is_not_the_headline():
    # The same page without the share button is a clean export; the masthead is still one.
    ctx, new = label(
        page(
            *CLEAN,
            top="The Daily Courier\nMonday, March 4, 2024\n",
            header=f"{HEADLINE}\nBy Jane Roe\n",
        )
    )
    assert [ctx.lines[i].text for i, lab in new.items() if lab.kind is Kind.HEADLINE] == [HEADLINE]


def test_flattened_menu_line_is_never_the_headline():
    for menu in ("Home › News › Politics", "NEWS SPORT WEATHER"):
        ctx, new = label(
            page(*CLEAN, top="", header=f"{menu}\nBy Jane Roe\nMarch 4, 2024\nShare\n")
        )
        assert 0 not in new, menu


def test_flattened_menu_line_above_the_headline_is_passed_over():
    ctx, new = label(page(*CLEAN, top="Home › News › Politics\n", header=HEADER + "Share\n"))
    assert {ctx.lines[i].text: lab.kind for i, lab in new.items()} == {HEADLINE: Kind.HEADLINE}


def test_flattened_menu_line_of_a_clean_export_is_never_the_headline():
    ctx, new = label(page(*CLEAN, top="", header="Home › News › Politics\nBy Jane Roe\n"))
    assert 0 not in new


def test_nothing_title_shaped_gives_no_headline():
    ctx, new = label(page(P1, P2, P3, P4, top="Share\n", header=""))
    assert new == {}


def test_best_title_above_the_body_wins_over_menu_lines():
    ctx, new = label(page(P1, P2, P3, top="Skip to content\nHome\nNews\nSport\n", header=HEADER))
    assert texts(ctx, new) == {HEADLINE: new[4]}
    assert new[4].value.guessed is False


def gallery(count):
    return "".join(
        f"{n} of {count} |\nThe mayor at the harbour on Tuesday. (Photo/Jane Roe)\nRead More\n"
        for n in range(1, count + 1)
    )


def test_a_photo_gallerys_counters_are_never_the_headline():
    ctx, new = label(
        page(P1, P2, P3, P4, header=f"{HEADLINE}\n{gallery(12)}By Jane Roe\nMarch 4, 2024\n")
    )
    assert texts(ctx, new) == {HEADLINE: new[2]}
    assert new[2].value.text == HEADLINE


def test_a_sentence_long_enough_to_be_a_paragraph_is_not_the_headline():
    teaser = (
        "A teenager has been named manager of the project to digitise the town's "
        "public records at the home affairs office."
    )
    ctx, new = label(page(P1, P2, P3, P4, header=f"{teaser}\nNews\n{HEADER}"))
    assert [label.value.text for label in new.values()] == [HEADLINE]


def test_a_guessed_headline_is_never_taken_from_the_footer():
    footer = "\n".join(["Terms of Use", "Do Not Sell or Share My Personal Information"])
    ctx, new = label(page(P1, P2, P3, P4, top="", header="Home\n\n") + footer)
    assert "Do Not Sell or Share My Personal Information" not in {
        label.value.text for label in new.values()
    }
