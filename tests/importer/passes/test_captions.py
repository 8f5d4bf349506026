"""The captions pass: the article's images with their captions, and captions by their place."""

from wagtail_newsroom.importer.labels import Kind, Label
from wagtail_newsroom.importer.passes import captions
from wagtail_newsroom.importer.reasons import Reason
from wagtail_newsroom.importer.result import Image
from wagtail_newsroom.importer.segment import segment_text

from . import HEADER, MENU, P1, P2, P3, P4, context, given, image, page


def label(ctx):
    return captions.label(ctx, given(ctx, "captions"))


def test_image_takes_the_credit_line_under_it_as_caption_and_credit():
    segments = [
        *segment_text(page(P1)),
        image(src="https://example.org/harbour.jpg", alt="The harbour"),
        *segment_text(f"The harbour at dawn (Photo: Jo Bloggs/AP)\n\n{P2}\n\n{P3}\n\n{P4}"),
    ]
    ctx = context(segments)
    at = next(line.index for line in ctx.lines if line.kind == "image")
    new = label(ctx)
    assert new[at] == Label(
        Kind.IMAGE,
        value=Image(
            "https://example.org/harbour.jpg",
            "The harbour",
            "The harbour at dawn",
            "Photo: Jo Bloggs/AP",
        ),
    )


def test_image_keeps_a_caption_it_already_has():
    segments = [
        *segment_text(page(P1)),
        image(caption="Boats in the harbour", credit="Jo Bloggs"),
        *segment_text(f"{P2}\n\n{P3}\n\n{P4}"),
    ]
    ctx = context(segments)
    at = next(line.index for line in ctx.lines if line.kind == "image")
    value = label(ctx)[at].value
    assert (value.caption, value.credit) == ("Boats in the harbour", "Jo Bloggs")


def test_plain_line_over_a_short_credit_is_a_photo_caption():
    ctx = context(page(P1, P2, "The harbour wall at high tide\nPhoto: AP", P3, P4))
    new = label(ctx)
    caption = next(line.index for line in ctx.lines if line.text == "The harbour wall at high tide")
    assert new[caption] == Label.drop(Reason.PHOTO_CAPTION)
    assert {ctx.lines[i].text for i in new} == {"The harbour wall at high tide"}


def test_line_set_apart_from_the_credit_is_not_its_caption():
    ctx = context(page(P1, P2, "The harbour wall at high tide", "Photo: AP", P3, P4))
    assert label(ctx) == {}


def test_images_outside_the_article_get_no_label():
    segments = [
        image(src="https://example.org/logo.png"),
        *segment_text(page(P1, P2, P3, P4, top=MENU + "Share\n", header=HEADER)),
        *segment_text("Share\nMore stories\nTop Ten Beaches\nBest Pubs in Town"),
        image(src="https://example.org/footer.png"),
    ]
    ctx = context(segments)
    new = label(ctx)
    assert 0 not in new
    assert len(ctx) - 1 not in new
    assert all(ctx.lines[i].kind != "image" for i in new)
