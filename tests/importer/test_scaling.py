"""Pathological inputs that once took quadratic time (issue 11) still parse to the right result.

No timings here: the helpers that made them linear are tested against the searches they
replace beside their modules' other tests, and ``benchmarks/parse_scaling.py`` measures.
"""

from wagtail_newsroom.importer import parse

HEADLINE = "Council approves ferry subsidy"
PARAGRAPH = "The City Council voted 6-3 early Friday to give the ferry a subsidy."
HTML_HEAD = f"<html><body><h1>{HEADLINE}</h1><p>By Jane Roe</p>"


def body(article):
    return [(block.type, block.text) for block in article.body]


def test_a_paragraph_under_100000_nested_divs_is_read():
    html = HTML_HEAD + "<div>" * 100_000 + f"<p>{PARAGRAPH}</p>" + "</div>" * 100_000
    assert body(parse(html, "nested.html")) == [("paragraph", PARAGRAPH)]


def test_a_paragraph_in_20000_nested_bold_tags_keeps_its_text_and_emphasis():
    bold = "<b>" * 20_000 + PARAGRAPH + "</b>" * 20_000
    [block] = parse(HTML_HEAD + f"<p>{bold}</p>", "bold.html").body
    assert (block.text, block.html) == (PARAGRAPH, bold)


def test_an_image_deep_inside_inline_tags_is_still_an_image():
    html = HTML_HEAD + f"<p>{PARAGRAPH}</p>" + "<span>" * 5_000 + "<img src='/ferry.jpg'>"
    article = parse(html, "image.html")
    assert body(article) == [("paragraph", PARAGRAPH), ("image", "")]
    assert article.body[1].src == "/ferry.jpg"


def test_advertising_nested_5000_deep_is_dropped_with_its_text():
    html = HTML_HEAD + "<div class='ad'>Buy now" * 5_000 + "</div>" * 5_000 + f"<p>{PARAGRAPH}</p>"
    article = parse(html, "ads.html")
    assert body(article) == [("paragraph", PARAGRAPH)]
    assert [(d.text, d.rule) for d in article.dropped] == [("Buy now", "advertisement")] * 5_000


def test_unclosed_fonts_nested_10000_deep_keep_every_word():
    html = HTML_HEAD + f"<p>{PARAGRAPH}</p><p>" + "<font>ferry " * 10_000 + "</p>"
    assert body(parse(html, "fonts.html"))[1] == ("paragraph", " ".join(["ferry"] * 10_000))
