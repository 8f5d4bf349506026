"""The header pass: bylines, dates, sections and fields around the headline."""

import datetime

from wagtail_newsroom.importer.labels import Kind, Label
from wagtail_newsroom.importer.passes import header
from wagtail_newsroom.importer.passes.header import FIELD_RANK, NEARBY_RANK, Section
from wagtail_newsroom.importer.reasons import Reason

from . import HEADLINE, MENU, P1, P2, P3, context, given, page


def label(text):
    ctx = context(text)
    before = given(ctx, "header")
    new = header.label(ctx, before)
    return ctx, before, {ctx.lines[i].text: lab for i, lab in new.items()}


def test_byline_date_and_section_field():
    ctx, _, new = label(
        page(P1, P2, P3, header=f"{HEADLINE}\nBy Jane Roe\nMarch 4, 2024\nSECTION: METRO\n")
    )
    authors, date = new["By Jane Roe"].value
    assert new["By Jane Roe"].kind is Kind.BYLINE
    assert [a.name for a in authors] == ["Jane Roe"]
    assert date is None
    dated = new["March 4, 2024"]
    assert dated.kind is Kind.DATE
    assert [d.value for d in dated.value.dates] == [datetime.date(2024, 3, 4)]
    assert new["SECTION: METRO"] == Label(Kind.SECTION, value=Section("METRO", FIELD_RANK))


def test_byline_with_two_authors():
    _, _, new = label(page(P1, P2, P3, header=f"{HEADLINE}\nBy Jane Roe and Tom Hill\n"))
    authors, _ = new["By Jane Roe and Tom Hill"].value
    assert [a.name for a in authors] == ["Jane Roe", "Tom Hill"]


def test_short_line_above_the_headline_is_its_section():
    _, _, new = label(page(P1, P2, P3, top="Home\nBusiness\n"))
    assert new["Business"] == Label(Kind.SECTION, value=Section("Business", NEARBY_RANK))


def test_lone_name_repeating_the_byline_is_its_photo_label():
    _, _, new = label(
        page(P1, P2, P3, header=f"{HEADLINE}\nBy Jane Roe\nJane Roe\nMarch 4, 2024\nShare\n")
    )
    assert new["Jane Roe"] == Label.drop(Reason.AUTHOR_PHOTO_LABEL)
    assert new["Share"] == Label.drop(Reason.SHARE)


def test_lone_name_without_a_byline_is_the_author():
    _, _, new = label(page(P1, P2, P3, header=f"{HEADLINE}\nJane Roe\nMarch 4, 2024\nShare\n"))
    assert new["Jane Roe"].kind is Kind.BYLINE
    assert [a.name for a in new["Jane Roe"].value[0]] == ["Jane Roe"]


def test_long_sentence_in_the_header_is_never_dropped():
    sentence = (
        "The plan would cost the town more than four million pounds over the next decade, "
        "officials said."
    )
    _, _, new = label(
        page(P1, P2, P3, header=f"{HEADLINE}\nBy Jane Roe\n{sentence}\nMarch 4, 2024\nShare\n")
    )
    assert new[sentence] == Label(Kind.PARAGRAPH)


def test_short_line_among_the_header_lines_is_dropped_as_header():
    _, _, new = label(
        page(P1, P2, P3, header=f"{HEADLINE}\nBy Jane Roe\nListen now\nMarch 4, 2024\nShare\n")
    )
    assert new["Listen now"] == Label.drop(Reason.HEADER)


def test_labelled_export_field_is_dropped_as_field():
    _, _, new = label(
        page(P1, P2, P3, header=f"{HEADLINE}\nBy Jane Roe\nMarch 4, 2024\nLENGTH: 612 words\n")
    )
    assert new["LENGTH: 612 words"] == Label.drop(Reason.FIELD)


def test_dek_under_the_headline_before_the_byline():
    dek = "Town to spend millions on a new ferry terminal"
    _, before, new = label(page(P1, P2, P3, top=MENU, header=f"{HEADLINE}\n{dek}\nBy Jane Roe\n"))
    assert new[dek] == Label(Kind.DEK, value=dek)


def test_never_labels_a_line_already_labelled():
    text = page(
        P1,
        P2,
        P3,
        top="",
        header="Council approves budget;\nIs within $4M of last year's plan.\n"
        "By Derek Osterman\nJune 15, 2022\n",
    )
    ctx = context(text)
    before = given(ctx, "header")
    assert sorted(before) == [0, 1]  # the headline and its dek
    assert not set(header.label(ctx, before)) & set(before)
    # A line another pass labelled (here the byline) is left alone too.
    claimed = before.add({2: Label(Kind.PARAGRAPH)})
    new = header.label(ctx, claimed)
    assert not set(new) & set(claimed)
    assert new[3].kind is Kind.DATE


def test_no_headline_no_header():
    ctx = context(page(P1, P2, P3, top="Share\n", header=""))
    assert header.label(ctx, given(ctx, "header")) == {}
