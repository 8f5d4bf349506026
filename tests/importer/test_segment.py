"""Stage 2: text and HTML to segments."""

import re

from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from wagtail_newsroom.importer.segment import (
    _NESTED_BLOCKS,
    _Lines,
    _Subtrees,
    _TagTexts,
    _unwrap_all,
    looks_like_html,
    segment_html,
    segment_text,
)


def test_browser_text_keeps_one_paragraph_per_line():
    text = "Headline here\nBy Jane Roe\n\nFirst paragraph of the story.\nSecond one.\n"
    segments = segment_text(text)
    assert [(s.line, s.text, s.gap_before) for s in segments] == [
        (1, "Headline here", True),
        (2, "By Jane Roe", False),
        (4, "First paragraph of the story.", True),
        (5, "Second one.", False),
    ]


def test_hard_wrapped_paragraphs_are_joined_but_headers_are_not():
    paragraph = (
        "Millbrook Rowing Club won the men's eight at the Upper Tarn Spring\n"
        "Regatta on Sunday, the club's first title at the event since 1990,\n"
        "beating the favourites by a quarter of a length.\n"
    )
    text = "SPORT\nMillbrook rowers win first regatta title in 30 years\nJane Roe\n\n"
    text += paragraph + "\n" + paragraph.replace("Millbrook", "The") + "\n" + paragraph
    segments = segment_text(text)
    assert segments[1].text == "Millbrook rowers win first regatta title in 30 years"
    assert segments[3].line == 5
    assert segments[3].text.startswith("Millbrook Rowing Club won")
    assert segments[3].text.endswith("by a quarter of a length.")
    assert len(segments) == 6


def test_html_detection():
    assert looks_like_html("<!DOCTYPE html><html>")
    assert looks_like_html("plain", filename="story.HTM")
    assert not looks_like_html("A story about <b> tags", content_type="text/plain")
    assert not looks_like_html("Just text with a < sign")


PAGE = """<!DOCTYPE html>
<html><head><title>Ferry saved | The Courier</title>
<meta property="og:title" content="Ferry saved">
<script type="application/ld+json">
{"@type": "NewsArticle", "headline": "Ferry saved by council vote",
 "author": [{"@type": "Person", "name": "Jane Roe"}], "datePublished": "2020-03-06T08:00:00Z",
 "articleSection": "Local News", "keywords": "ferry, council"}
</script></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Ferry saved by council vote</h1>
<p>The council voted <b>6-3</b> to keep the
<a href="https://example.com/ferry" onclick="x()">ferry</a>.</p>
<div class="ad-slot">Advertisement</div>
<figure><img src="/img/ferry.jpg" alt="The ferry"><figcaption>The ferry at dawn.
<span class="credit">Photo: Jane Roe</span></figcaption></figure>
<h2>What happens next</h2>
<ul><li>Payments start in April.</li><li>A review follows in 2022.</li></ul>
<table><tr><td><font face="Arial">Layout table text stays.</font></td></tr></table>
<script>document.write("x")</script>
</article>
<footer>© The Courier</footer>
</body></html>"""


def test_html_segments_and_metadata():
    segments, meta = segment_html(PAGE)
    kinds = [(s.kind, s.text) for s in segments]
    assert kinds == [
        ("heading", "Ferry saved by council vote"),
        ("text", "The council voted 6-3 to keep the ferry."),
        ("image", "The ferry at dawn."),
        ("heading", "What happens next"),
        ("item", "Payments start in April."),
        ("item", "A review follows in 2022."),
        ("text", "Layout table text stays."),
    ]
    paragraph = segments[1]
    assert paragraph.html == (
        'The council voted <b>6-3</b> to keep the <a href="https://example.com/ferry">ferry</a>.'
    )
    image = segments[2]
    assert (image.src, image.alt, image.credit) == (
        "/img/ferry.jpg",
        "The ferry",
        "Photo: Jane Roe",
    )
    assert segments[0].line == 12
    assert meta.headline == "Ferry saved by council vote"
    assert meta.authors == ["Jane Roe"]
    assert meta.published == "2020-03-06T08:00:00Z"
    assert meta.section == "Local News"
    assert meta.keywords == ["ferry", "council"]


def test_truncated_html_does_not_crash():
    segments, _ = segment_html(PAGE[: len(PAGE) // 2])
    assert segments[0].text == "Ferry saved by council vote"


# --- linear helpers (issue 11): each answers as the per-block question it replaces ---------

MARKUP = st.lists(
    st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<b>", "</b>", "<br>", "<br/>", "<br/\n>",
                     "<br clear=all>", "<img src='a.jpg'>", "<font>", "</font>", "<pre>", "<dd>",
                     "<!-- <br/><br/> -->", "<!--\n-->", "\n", " ", "Ferry", "a &amp; b"]),
    max_size=40,
).map("".join)  # fmt: skip


def _naive_first(raw, probe, cursor):
    match = re.compile(r">\s*" + re.escape(probe)).search(raw, cursor)
    return None if match is None else match.end() - len(probe)


@given(st.text(alphabet="> \n\tab", max_size=60), st.text(alphabet="ab >", min_size=1, max_size=5))
def test_text_after_a_tag_is_found_where_a_search_from_the_cursor_finds_it(raw, probe):
    probe = probe.lstrip() or "a"
    tag_texts = _TagTexts(raw)
    for cursor in range(len(raw) + 1):
        assert tag_texts.first(probe, cursor) == _naive_first(raw, probe, cursor)


def test_block_lines_come_from_the_index_in_order():
    raw = "<title>Ferry</title>\n<p>Ferry\nsaved</p>\n<p>Ferry saved</p>"
    lines = _Lines(_TagTexts(raw))
    # Moving forward only: the second "Ferry" is never looked for before the cursor.
    found = [lines.locate(text) for text in ("Ferry", "Ferry saved", "Ferry")]
    assert found == [1, 4, None]


@settings(max_examples=300, deadline=None)
@given(MARKUP)
def test_subtree_questions_answer_as_searching_each_subtree_does(html):
    soup = BeautifulSoup(f"<html><body>{html}</body></html>", "lxml")
    subtrees = _Subtrees(soup)
    for tag in soup.find_all(True):
        assert subtrees.has_image(tag) == (tag.find("img") is not None)
        assert subtrees.nests_blocks(tag) == (tag.find(_NESTED_BLOCKS) is not None)
        assert subtrees.breaks_twice(tag) == ("<br/><br/>" in str(tag).replace("\n", ""))


def _links(soup):
    """The tree as its navigation attributes describe it, by position in document order."""
    order = {id(element): n for n, element in enumerate(soup.descendants)}

    def at(element):
        return None if element is None else order.get(id(element), "soup")

    return [
        (at(e), at(e.parent), at(e.previous_sibling), at(e.next_sibling), at(e.previous_element),
         at(e.next_element), [at(child) for child in getattr(e, "contents", ())])
        for e in soup.descendants
    ]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(MARKUP)
def test_unwrapping_every_font_at_once_gives_the_tree_unwrapping_each_gives(html):
    html = f"<html><body>{html.replace('<p>', '<font>a')}</body></html>"
    one_by_one, at_once = BeautifulSoup(html, "lxml"), BeautifulSoup(html, "lxml")
    for tag in one_by_one.find_all("font"):
        tag.unwrap()
    _unwrap_all(at_once.find_all("font"))
    assert str(at_once) == str(one_by_one)
    assert _links(at_once) == _links(one_by_one)
