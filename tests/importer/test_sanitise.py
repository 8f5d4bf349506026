"""Imported HTML is reduced to what Wagtail rich text allows."""

from wagtail_newsroom.importer.sanitise import sanitise


def test_allowed_markup_survives():
    html = '<p>A <b>bold</b> <em>claim</em>, <a href="https://example.com/x">a link</a></p>'
    assert sanitise(html) == html


def test_scripts_styles_and_iframes_go_with_their_content():
    cleaned = sanitise(
        "<p>Hi<script>alert(1)</script><style>p{}</style><iframe src=x>f</iframe></p>"
    )
    assert cleaned == "<p>Hi</p>"


def test_event_handlers_and_inline_styles_are_removed():
    cleaned = sanitise('<p style="color:red" onclick="x()">text</p>')
    assert cleaned == "<p>text</p>"


def test_unsafe_link_keeps_its_text():
    cleaned = sanitise(
        '<p><a href="javascript:alert(1)">click</a> and <a href="//x.org">rel</a></p>'
    )
    assert cleaned == "<p>click and rel</p>"


def test_mailto_is_allowed_and_other_tags_unwrapped():
    cleaned = sanitise('<div><font>Mail <a href="mailto:a@b.org">us</a></font><h1>T</h1></div>')
    assert cleaned == 'Mail <a href="mailto:a@b.org">us</a>T'
