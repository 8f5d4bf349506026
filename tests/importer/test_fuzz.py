"""Fuzzing the importer's front door.

Whatever bytes or text arrive, ``parse`` either returns a ParsedArticle whose JSON form
serialises and whose body is not empty, or raises ``ArticleImportError`` with a message
that names the source. Any other exception is a bug: the archive importer must be able to
report the file and carry on with the next one.

Pure parser tests: no database. Kept to roughly half a minute in total.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from wagtail_newsroom.importer import parse
from wagtail_newsroom.importer.result import ArticleImportError, ParsedArticle

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_FILES = sorted(path for path in SEEDS.iterdir() if path.is_file())

FUZZ = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def check(data, source, **kwargs):
    """The contract every input must meet."""
    try:
        article = parse(data, source, **kwargs)
    except ArticleImportError as exc:
        assert exc.message and str(exc.message).strip(), f"empty error message for {source}"
        assert source in str(exc), f"error {str(exc)!r} does not name the source {source!r}"
        assert json.dumps(exc.to_dict()), "error is not JSON-serialisable"
        return None
    assert isinstance(article, ParsedArticle), f"parse returned {type(article).__name__}"
    document = article.to_dict()
    text = json.dumps(document, ensure_ascii=False)
    assert json.loads(text) == document, "JSON form does not round-trip"
    assert article.body, f"{source}: parse returned an article with an empty body"
    return article


# --- raw input -----------------------------------------------------------------------------


@FUZZ
@given(st.binary(max_size=3000))
@example(b"")
@example(b"\x00\x01\x02\x03" * 64)
@example(b"\xff\xfe")
@example(b"\xef\xbb\xbf")
@example(b"\xff\xfeH\x00i\x00")  # UTF-16 BOM and an odd tail
@example(b"\x89PNG\r\n\x1a\n" + bytes(200))
@example("Headline\n\nBy Someone\n\nA paragraph.".encode("utf-16")[:-1])
def test_arbitrary_bytes(data):
    check(data, "fuzz/bytes.bin")


@FUZZ
@given(st.text(max_size=3000))
@example("")
@example("   \n\t \r\n ")
@example("\ufeff")
@example("\u00a0\u2028\u2029")
@example("“")
@example("By")
def test_arbitrary_text(text):
    check(text, "fuzz/text.txt")


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"]


@FUZZ
@given(st.text(max_size=1500), st.sampled_from(ENCODINGS), st.booleans())
def test_text_in_legacy_encodings(text, encoding, declare):
    data = text.encode(encoding, errors="replace")
    check(data, "fuzz/encoded.txt", encoding=encoding if declare else None)


# --- article-like text ---------------------------------------------------------------------

first = st.sampled_from(
    ["Jane", "John", "Maria", "Qin", "Zoë", "Łukasz", "Siobhán", "José", "Ana", "Ben", "O'Neil"]
)
last = st.sampled_from(
    ["Roe", "Doe", "Lopez", "Peng", "Ní Bhriain", "Wróbel", "Ibáñez", "Sousa", "Smith-Jones", "Ma"]
)
names = st.builds(lambda a, b: f"{a} {b}", first, last)
words = st.lists(
    st.sampled_from(
        [
            "the",
            "council",
            "said",
            "on",
            "Tuesday",
            "that",
            "new",
            "rules",
            "would",
            "take",
            "effect",
            "in",
            "April",
            "and",
            "cost",
            "about",
            "million",
            "dollars",
            "residents",
            "ferry",
            "port",
            "bank",
            "rate",
            "jobs",
            "analyst",
        ]
    ),
    min_size=1,
    max_size=30,
).map(" ".join)
sentence = words.map(lambda w: w[:1].upper() + w[1:] + ".")
headline = words.map(lambda w: w[:1].upper() + w[1:])
months = st.sampled_from(["January", "March", "Nov.", "Sept.", "Mar"])
dates = st.one_of(
    st.builds(lambda m, d, y: f"{m} {d}, {y}", months, st.integers(0, 40), st.integers(1, 3000)),
    st.builds(
        lambda d, m, y: f"{d:02d}.{m:02d}.{y}",
        st.integers(0, 99),
        st.integers(0, 99),
        st.integers(0, 9999),
    ),
    st.builds(
        lambda d: f"Tue {d} Mar 2020 14.05 GMT Last modified on Tue {d} Mar 2020 18.40 GMT",
        st.integers(0, 40),
    ),
    st.builds(
        lambda y, m, d: f"{y}-{m:02d}-{d:02d}",
        st.integers(0, 9999),
        st.integers(0, 20),
        st.integers(0, 40),
    ),
    st.just("Updated 3 hours ago"),
    st.just("Published: Friday, March 17, 2006 - 11:52 PM EST"),
    st.just("November 5, 2020NTD Evening News"),
)
bylines = st.one_of(
    names.map(lambda n: f"By {n}"),
    st.lists(names, min_size=2, max_size=4).map(
        lambda ns: "By " + ", ".join(ns[:-1]) + " and " + ns[-1]
    ),
    names.map(lambda n: f"Posted on March 3, 2020 by {n.split()[0].lower()}"),
    names.map(lambda n: f"Reporting by {n}; Editing by {n}"),
    st.just("By"),
    st.just("By and"),
)
quotes = st.one_of(
    st.builds(lambda s, n: f"“{s}” said {n}, a professor of economics.", sentence, names),
    st.builds(lambda s, n: f'"{s}," {n.split()[-1]} said.', sentence, names),
    st.builds(lambda s: f"“{s}", sentence),  # opens and never closes
    st.builds(lambda s: f"“{s},” he added.", sentence),  # pronoun with no antecedent
    st.builds(lambda s, n: f"{s} according to {n}.", sentence, names),
    st.builds(lambda w: f"the so-called “{w}” economy", words),
    st.just("”“‘’\"'"),
)
boilerplate = st.sampled_from(
    [
        "share",
        "Share on Facebook",
        "Advertisement",
        "Comments",
        "Sign up for our newsletter",
        "Accept all cookies",
        "Related",
        "1 of 3",
        "Photo: AP",
        "(Getty Images)",
        "© 2020 All rights reserved.",
        "• ",
        "1.",
        "Read more:",
        "LOAD-DATE: March 4, 2020",
        "SECTION: METRO; Pg. A1",
    ]
)
lines = st.one_of(headline, sentence, dates, bylines, quotes, boilerplate, st.just(""), names)
newlines = st.sampled_from(["\n", "\r\n", "\n\n", "\r"])


@FUZZ
@given(st.lists(lines, max_size=40), newlines)
def test_article_like_text(parts, newline):
    check(newline.join(parts), "fuzz/article.txt")


@FUZZ
@given(
    headline,
    st.lists(st.one_of(bylines, dates), max_size=3),
    st.lists(st.one_of(sentence, quotes), max_size=12),
)
def test_article_like_text_with_a_shape(title, meta, paragraphs):
    text = "\n".join([title, *meta, "", *("\n\n".join(paragraphs).splitlines())])
    article = check(text, "fuzz/shaped.txt")
    if article is not None:
        assert article.headline is None or article.headline.strip(), "blank headline"


# --- HTML fragments ------------------------------------------------------------------------

tag_names = st.sampled_from(
    [
        "p",
        "div",
        "span",
        "b",
        "i",
        "a",
        "font",
        "table",
        "tr",
        "td",
        "script",
        "style",
        "article",
        "figure",
        "figcaption",
        "img",
        "br",
        "h1",
        "h2",
        "ul",
        "li",
        "blockquote",
        "noscript",
        "meta",
        "iframe",
        "svg",
        "template",
        "title",
        "html",
        "body",
        "head",
        "x-custom",
    ]
)
attr_values = st.one_of(
    st.sampled_from(
        [
            "javascript:alert(1)",
            "alert(1)",
            "color:red",
            "http://example.com/a?b=1&c=2",
            "",
            "&quot;",
            "<b>",
            "2021-06-08T07:30:00+02:00",
            "article:published_time",
            "author",
        ]
    ),
    st.text(max_size=20),
)
attr_names = st.sampled_from(
    [
        "href",
        "src",
        "onclick",
        "onerror",
        "style",
        "class",
        "property",
        "content",
        "datetime",
        "rel",
        "alt",
        "ONCLICK",
        "data-x",
        "x",
    ]
)
attributes = st.lists(st.tuples(attr_names, attr_values), max_size=4).map(
    lambda pairs: "".join(f' {name}="{value}"' for name, value in pairs)
)
entities = st.sampled_from(
    [
        "&amp;",
        "&lt;",
        "&gt;",
        "&nbsp;",
        "&#8220;",
        "&#x201D;",
        "&eacute;",
        "&bogus;",
        "&#0;",
        "&#xD800;",
        "&#99999999;",
        "&",
        "&#",
        "&#x;",
    ]
)
html_text = st.one_of(sentence, entities, st.text(max_size=30), quotes, boilerplate)


def _wrap(children):
    return st.builds(
        lambda tag, attrs, inner, close: (
            f"<{tag}{attrs}>{''.join(inner)}" + (f"</{tag}>" if close else "")
        ),
        tag_names,
        attributes,
        st.lists(children, max_size=4),
        st.booleans(),
    )


html_fragments = st.recursive(html_text, _wrap, max_leaves=12)

# Plain ``text`` may legitimately contain "<script" or "onclick=" as words (an article about
# HTML, or an unclosed <title> swallowing the page); only markup and URLs are dangerous.
UNSAFE_IN_HTML = (
    (re.compile(r"<\s*script", re.IGNORECASE), "a <script> element"),
    (re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE), "an event-handler attribute"),
    (re.compile(r"<[^>]*\sstyle\s*=", re.IGNORECASE), "a style attribute"),
    (re.compile(r"<[^>]*=\s*[\"']?\s*javascript:", re.IGNORECASE), "a javascript: URL"),
)


def assert_safe_markup(html):
    for pattern, what in UNSAFE_IN_HTML:
        assert not pattern.search(html or ""), f"{what} survived sanitising: {html!r}"


def assert_safe_url(url):
    scheme = re.sub(r"[\x00-\x20]", "", url or "").casefold()
    assert not scheme.startswith(("javascript:", "vbscript:", "data:text/html")), (
        f"unsafe URL survived: {url!r}"
    )


json_ld = st.sampled_from(
    [
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "X", "datePublished": "bad"}</script>',
        '<script type="application/ld+json">{not json</script>',
        '<script type="application/ld+json">[{"author": [null, 3, {"name": null}]}]</script>',
        '<meta property="article:published_time" content="2021-99-99T99:99">',
        "<!-- unclosed comment",
        "<![CDATA[ x ]]>",
        "<!DOCTYPE html>",
    ]
)


@FUZZ
@given(st.lists(st.one_of(html_fragments, json_ld), max_size=8), st.booleans())
def test_html_fragments(parts, as_bytes):
    html = "<html><head><title>T</title></head><body>" + "".join(parts)
    data = html.encode("utf-8") if as_bytes else html
    article = check(data, "fuzz/page.html", content_type="text/html")
    if article is not None:
        for block in article.body:
            assert_safe_markup(block.html)
            assert_safe_url(block.src)
        if article.lead_image is not None:
            assert_safe_url(article.lead_image.src)


# --- truncated seeds -----------------------------------------------------------------------


@settings(FUZZ, max_examples=200)
@given(st.sampled_from(SEED_FILES), st.floats(min_value=0.0, max_value=1.0))
def test_truncated_seed_samples(path, fraction):
    data = path.read_bytes()
    cut = data[: int(len(data) * fraction)]
    check(cut, f"fuzz/truncated/{path.name}")


@settings(FUZZ, max_examples=150)
@given(
    st.sampled_from(SEED_FILES),
    st.integers(min_value=0, max_value=200),
    st.integers(min_value=0, max_value=200),
)
def test_seed_samples_with_both_ends_cut(path, head, tail):
    data = path.read_bytes()
    cut = data[head : max(head, len(data) - tail)]
    check(cut, f"fuzz/cut/{path.name}")


def test_every_seed_sample_parses_whole():
    for path in SEED_FILES:
        article = check(path.read_bytes(), f"seeds/{path.name}")
        assert article is not None, f"seeds/{path.name}: a whole sample article must parse"


# --- pathological but plausible shapes -----------------------------------------------------


def test_deeply_nested_html():
    """Broken CMS templates nest thousands of unclosed <div>/<font> tags; no RecursionError."""
    for depth in (1_000, 5_000):
        for tag in ("div", "font"):
            html = (
                "<html><body><h1>Council approves ferry subsidy</h1>"
                + f"<{tag}>" * depth
                + "<p>The City Council voted 6-3 early Friday to give the ferry a subsidy.</p>"
                + f"</{tag}>" * (depth // 2)
            )
            check(html, f"fuzz/nested-{tag}-{depth}.html", content_type="text/html")


def test_long_input():
    """A 1 MB paste (an archive dump run together) either parses or is refused clearly."""
    paragraph = "The council said on Tuesday that the ferry would keep running. " * 15
    text = "Ferry subsidy approved\nBy Jane Roe\nMarch 3, 2020\n\n" + (paragraph + "\n\n") * 1_000
    check(text, "fuzz/long.txt")
