"""Feeds, sitemaps, the content API and search."""

import datetime
import io
from urllib.parse import urlsplit
from xml.etree import ElementTree

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.http import http_date
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Site

from tests.factories import (
    count_queries,
    make_article,
    make_person,
    make_quoted_articles,
    quote,
    sitemap_entries,
)
from wagtail_newsroom.models import ArticlePage
from wagtail_newsroom.sitemaps import ArchiveSitemap

pytestmark = pytest.mark.django_db

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"


def make_image(title="Lead"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 1000), "teal").save(buffer, "PNG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name="lead.png"))


def day(n):
    return timezone.make_aware(datetime.datetime(2024, 1, 1, 12)) + datetime.timedelta(days=n)


@pytest.fixture
def stories(news_index, people_index):
    penny = make_person(people_index, "Penny Zhou")
    ma = make_person(people_index, "Ma Ren")
    qin = make_person(people_index, "Qin Peng")
    return [
        make_article(
            news_index,
            "Ant Group IPO halted",
            authors=[penny],
            section="Business",
            tags=["China", "Finance"],
            dek="Beijing halts a record IPO.",
            lead_image=make_image(),
            published=day(2),
            body=[
                ("paragraph", '<p>Ant was set to <a href="https://ant.example/">list</a>.</p>'),
                quote("Let them remember who the real boss is.", qin, role="analyst"),
                ("pull_quote", {"text": "The real boss", "attribution": "", "shareable": True}),
                ("share", {"heading": "Share"}),
                (
                    "quoted_paragraph",
                    {
                        "text": "<p>“It is over,” Ma Ren said.</p>",
                        "quotations": [{"text": "It is over,", "speaker": ma.pk}],
                    },
                ),
            ],
        ),
        make_article(
            news_index,
            "Port expansion approved",
            authors=[penny, ma],
            section="World",
            tags=["Ports"],
            dek="Cranes by spring.",
            published=day(1),
        ),
    ]


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return response, feed


def test_rss_and_atom_feeds_are_valid(stories, news_index, client):
    response, rss = parse(client, news_index.url + "feed/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    assert rss.version == "rss20"
    assert rss.feed.title == "News"
    assert rss.feed.link == "http://localhost/news/"
    assert [e.title for e in rss.entries] == ["Ant Group IPO halted", "Port expansion approved"]
    first = rss.entries[0]
    assert first.link == "http://localhost/news/ant-group-ipo-halted/"
    assert first.summary == "Beijing halts a record IPO."
    assert first.author == "Penny Zhou"
    # Co-authors are authors of their own, not one joined name.
    assert [a.get("name") for a in rss.entries[1].authors] == ["Penny Zhou", "Ma Ren"]
    assert [t.term for t in first.tags] == ["Business", "China", "Finance"]
    (enclosure,) = first.enclosures
    assert enclosure.type == "image/png"
    assert enclosure.href.startswith("http://localhost/") and "fill-1200x630" in enclosure.href
    assert int(enclosure.length) > 0
    assert first.published_parsed[:3] == (2024, 1, 3)
    assert "content" not in first  # excerpts by default

    response, atom = parse(client, news_index.url + "feed/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert atom.version == "atom10"
    assert [e.title for e in atom.entries] == ["Ant Group IPO halted", "Port expansion approved"]
    assert atom.entries[0].author == "Penny Zhou"
    assert atom.entries[0].author_detail.href == "http://localhost/people/penny-zhou/"
    assert [(a.name, a.href) for a in atom.entries[1].authors] == [
        ("Penny Zhou", "http://localhost/people/penny-zhou/"),
        ("Ma Ren", "http://localhost/people/ma-ren/"),
    ]
    assert [t.term for t in atom.entries[0].tags] == ["Business", "China", "Finance"]
    assert atom.entries[0].enclosures[0].type == "image/png"


@pytest.mark.parametrize("language", ["en-us", "fr"])
def test_feeds_name_the_language_they_are_served_in(news_index, client, language):
    with translation.override(language):
        rss = ElementTree.fromstring(client.get(news_index.url + "feed/rss/").content)
        atom = ElementTree.fromstring(client.get(news_index.url + "feed/atom/").content)
    assert rss.findtext("channel/language") == language
    assert atom.get("{http://www.w3.org/XML/1998/namespace}lang") == language


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_a_plain_text_excerpt_is_html_escaped_for_feed_readers(news_index, client, kind):
    """A feed reader renders an item's description or summary as HTML: what an editor typed
    into a standfirst must reach it as text, not as elements. (An unclosed tag is what a
    tag stripper leaves behind.)"""
    make_article(news_index, "Cartoons", dek="Tom & Jerry: 1 < 2 <img src=x onerror=alert(1)")
    response = client.get(f"{news_index.url}feed/{kind}/")
    root = ElementTree.fromstring(response.content)
    atom = "{http://www.w3.org/2005/Atom}"
    summary = root.find(
        "channel/item/description" if kind == "rss" else f"{atom}entry/{atom}summary"
    )
    # ...set in the reader's own page, whose next tag closes an unclosed one.
    as_html = BeautifulSoup(f"<div>{summary.text}</div>", "html.parser").div
    assert as_html.find() is None
    assert as_html.get_text() == "Tom & Jerry: 1 < 2 <img src=x onerror=alert(1)"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_full_content_setting(stories, news_index, client, kind):
    with override_settings(WAGTAILNEWSROOM_FEED_FULL_CONTENT=True):
        _response, feed = parse(client, news_index.url + f"feed/{kind}/")
    entry = feed.entries[0]
    assert entry.summary == "Beijing halts a record IPO."
    body = BeautifulSoup(entry.content[0].value, "lxml")
    assert "Let them remember who the real boss is." in body.get_text()
    # Links are absolute; page furniture (share widgets, pull quotes) is left out.
    assert body.select_one("a.newsroom-quote__speaker")["href"] == (
        "http://localhost/people/qin-peng/"
    )
    assert body.select_one('a[href="https://ant.example/"]')
    assert not body.select("[data-newsroom-share], .newsroom-pull-quote")
    speaker = body.select_one("a.newsroom-speaker")
    assert (speaker.get_text(), speaker["href"]) == ("Ma Ren", "http://localhost/people/ma-ren/")


@pytest.mark.parametrize(
    "query, title, headlines",
    [
        ("?section=world", "News · World", ["Port expansion approved"]),
        ("?tag=china", "News · China", ["Ant Group IPO halted"]),
        # A person's feed: what they wrote and where they are quoted.
        ("?person=ma-ren", "News · Ma Ren", ["Ant Group IPO halted", "Port expansion approved"]),
        ("?person=qin-peng", "News · Qin Peng", ["Ant Group IPO halted"]),
        ("?person=nobody", "News", []),
    ],
)
def test_feeds_filter_like_the_listing(stories, news_index, client, query, title, headlines):
    for kind in ("rss", "atom"):
        _response, feed = parse(client, f"{news_index.url}feed/{kind}/{query}")
        assert feed.feed.title == title
        assert [e.title for e in feed.entries] == headlines


def alternates(html):
    return [
        (link["type"], link["href"])
        for link in html.select('head link[rel="alternate"]')
        if "xml" in link["type"]
    ]


def test_every_page_with_a_feed_advertises_it(stories, news_index, people_index, client):
    base = "http://localhost/news/feed/"
    pages = {
        news_index.url: "",
        news_index.url + "?section=world": "?section=world",
        news_index.url + "?tag=china&page=1": "?tag=china",
        stories[0].url: "",
        "/people/ma-ren/": "?person=ma-ren",
    }
    for url, query in pages.items():
        html = BeautifulSoup(client.get(url).content, "lxml")
        assert alternates(html) == [
            ("application/rss+xml", f"{base}rss/{query}"),
            ("application/atom+xml", f"{base}atom/{query}"),
        ], url
        for _type, href in alternates(html):
            parse(client, href.removeprefix("http://localhost"))


@pytest.mark.parametrize("full", [False, True])
def test_feed_queries_do_not_grow(news_index, people_index, client, full):
    people = [make_person(people_index, f"Person {n}") for n in range(6)]

    counts = []
    with override_settings(WAGTAILNEWSROOM_FEED_FULL_CONTENT=full):
        for batch, start in ((1, 0), (19, 1)):
            make_quoted_articles(news_index, people, batch, start, lead_image=make_image())
            counts.append(
                [
                    count_queries(client, news_index.url + f"feed/{kind}/")
                    for kind in ("rss", "atom")
                ]
            )
    print(f"feed queries (full content {full}): 1 article {counts[0]}, 20 articles {counts[1]}")
    assert counts[0] == counts[1]
    # Measured, the HTTP validators' query included; full content takes one more.
    assert max(counts[1]) <= (14 if full else 13)


def test_google_news_sitemap(stories, news_index, client, monkeypatch):
    now = timezone.now()
    fresh = make_article(news_index, "Fresh & new", published=now - datetime.timedelta(hours=3))
    make_article(news_index, "Yesterday", published=now - datetime.timedelta(days=1))
    make_article(news_index, "Too old", published=now - datetime.timedelta(days=2, hours=1))
    make_article(news_index, "Embargoed", published=now + datetime.timedelta(hours=1))
    draft = make_article(news_index, "Draft", published=now - datetime.timedelta(hours=1))
    draft.unpublish()

    response = client.get("/sitemap-news.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{{{SITEMAP}}}urlset"
    urls = root.findall(f"{{{SITEMAP}}}url")
    assert [u.findtext(f"{{{NEWS}}}news/{{{NEWS}}}title") for u in urls] == [
        "Fresh & new",
        "Yesterday",
    ]
    first = urls[0]
    assert first.findtext(f"{{{SITEMAP}}}loc") == fresh.get_full_url()
    fresh.refresh_from_db()
    changed = fresh.last_published_at or fresh.published_at
    assert first.findtext(f"{{{SITEMAP}}}lastmod") == changed.isoformat()
    # Django's sitemap view: the newest change as Last-Modified, and kept out of search results.
    assert response["Last-Modified"] == http_date(changed.timestamp())
    assert "noindex" in response["X-Robots-Tag"]
    news = first.find(f"{{{NEWS}}}news")
    assert [child.tag.split("}")[1] for child in news] == [
        "publication",
        "publication_date",
        "title",
    ]
    publication = news.find(f"{{{NEWS}}}publication")
    assert publication.findtext(f"{{{NEWS}}}name") == "Newsroom demo"
    assert publication.findtext(f"{{{NEWS}}}language") == "en"
    assert news.findtext(f"{{{NEWS}}}publication_date") == fresh.published_at.isoformat()

    monkeypatch.setattr("wagtail_newsroom.sitemaps.NEWS_MAX_URLS", 1)
    root = ElementTree.fromstring(client.get("/sitemap-news.xml").content)
    assert len(root.findall(f"{{{SITEMAP}}}url")) == 1


def test_the_news_sitemap_takes_the_same_queries_for_any_number_of_articles(
    news_index, people_index, client
):
    now = timezone.now()
    authors = [make_person(people_index, "Ann Live")]

    make_article(news_index, "First", authors=authors, published=now)
    one = count_queries(client, "/sitemap-news.xml")
    for n in range(12):
        make_article(
            news_index, f"More {n}", authors=authors, published=now - datetime.timedelta(hours=n)
        )
    thirteen = count_queries(client, "/sitemap-news.xml")
    assert client.get("/sitemap-news.xml").content.count(b"<url>") == 13
    print(f"news sitemap: {one} queries for 1 article, {thirteen} for 13")
    assert thirteen == one


def test_wagtail_s_sitemap_is_paged_through_an_index_at_the_same_queries_a_page(
    news_index, people_index, client, monkeypatch
):
    monkeypatch.setattr(ArchiveSitemap, "limit", 5)
    make_article(news_index, "First")
    one = count_queries(client, "/sitemap.xml"), count_queries(client, "/sitemap/pages.xml")
    for n in range(12):
        make_article(news_index, f"More {n}")
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    # Home, news, people and 13 articles: four pages of five.
    pages = [urlsplit(loc.text) for loc in index.iter(f"{{{SITEMAP}}}loc")]
    assert [(page.path, page.query) for page in pages] == [("/sitemap/pages.xml", "")] + [
        ("/sitemap/pages.xml", f"p={n}") for n in (2, 3, 4)
    ]
    counts = [count_queries(client, "/sitemap.xml")] + [
        count_queries(client, f"{page.path}?{page.query}") for page in pages
    ]
    print(f"sitemap.xml: {one} queries for 1 article; {counts} for 13 (index, pages)")
    # A page reads each page type on it once: the first has the site's other types too.
    assert counts[0] == one[0]
    assert all(count <= one[1] for count in counts[1:])
    assert len(set(counts[2:])) == 1
    assert len(sitemap_entries(client)) == 16


def test_news_language_codes():
    from wagtail_newsroom.sitemaps import news_language

    assert [news_language(c) for c in ("en-us", "fr", "zh-hans", "zh-tw", "pt_BR")] == [
        "en",
        "fr",
        "zh-cn",
        "zh-tw",
        "pt",
    ]


def test_content_api_gives_a_quoted_paragraphs_speakers(news_index, people_index, client):
    qin = make_person(people_index, "Qin Peng")
    quotations = [
        {"text": "Who is boss", "speaker": qin.pk, "speaker_role": "analyst"},
        {"text": "No", "speaker": None, "speaker_name": "A spokesman"},
    ]
    text = "<p>“Who is boss,” Qin Peng said. “No,” a spokesman said.</p>"
    article = make_article(
        news_index, "Quoted", body=[("quoted_paragraph", {"text": text, "quotations": quotations})]
    )
    [block] = client.get(f"/api/v2/pages/{article.pk}/").json()["body"]
    assert block["value"]["text"] == text
    assert [(q["text"], q["speaker"]) for q in block["value"]["quotations"]] == [
        ("Who is boss", {"id": qin.pk, "name": "Qin Peng", "url": qin.full_url}),
        ("No", {"id": None, "name": "A spokesman", "url": None}),
    ]


def test_wagtail_sitemap_has_lastmod(stories, client):
    urls = {u.findtext(f"{{{SITEMAP}}}loc"): u for u in sitemap_entries(client)}
    # The index's date is the last time a page was published.
    stories[1].save_revision().publish()
    stories[1].refresh_from_db()
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    lastmod = index.findtext(f"{{{SITEMAP}}}sitemap/{{{SITEMAP}}}lastmod")
    assert lastmod == stories[1].last_published_at.isoformat()
    entry = urls[stories[0].get_full_url()]
    assert entry.findtext(f"{{{SITEMAP}}}lastmod")


def test_content_api(stories, news_index, client):
    article = stories[0]
    listing = client.get(
        "/api/v2/pages/",
        {"type": "wagtail_newsroom.ArticlePage", "fields": "byline,section,tags,published_at"},
    ).json()
    assert listing["meta"]["total_count"] == 2
    first = next(item for item in listing["items"] if item["id"] == article.pk)
    penny = article.authors[0]
    assert first["byline"] == [
        {"id": penny.pk, "name": "Penny Zhou", "job_title": "", "url": penny.full_url}
    ]
    assert first["section"]["name"] == "Business"
    assert first["tags"] == ["China", "Finance"]

    detail = client.get(f"/api/v2/pages/{article.pk}/").json()
    assert detail["dek"] == "Beijing halts a record IPO."
    assert detail["lead_image_social"]["width"] == 1200
    blocks = {block["type"]: block for block in detail["body"]}
    qin = article.body[1].value["speaker"]
    assert blocks["quote"]["value"]["speaker"] == {
        "id": qin.pk,
        "name": "Qin Peng",
        "url": "http://localhost/people/qin-peng/",
    }
    assert blocks["quote"]["value"]["text"] == "<p>Let them remember who the real boss is.</p>"
    assert detail["reading_time"] == 1

    person = client.get(f"/api/v2/pages/{penny.pk}/").json()
    assert person["meta"]["type"] == "wagtail_newsroom.PersonPage"
    assert person["profile_url"] == "http://localhost/people/penny-zhou/"
    assert "job_title" in person


def test_quote_api_without_a_profile(news_index, client):
    article = make_article(news_index, "Plain", body=[quote("Words.", name="A Passer-by")])
    detail = client.get(f"/api/v2/pages/{article.pk}/").json()
    assert detail["body"][0]["value"]["speaker"] == {
        "id": None,
        "name": "A Passer-by",
        "url": None,
    }


def test_search_finds_articles_by_author_and_quote(news_index, people_index):
    penny = make_person(people_index, "Penelope Zhouwright")
    qin = make_person(people_index, "Qin Peng")
    article = ArticlePage(
        title="Ant Group IPO halted",
        slug="ant",
        dek="Beijing halts a record IPO.",
        body=[
            {"type": block_type, "value": value}
            for block_type, value in [
                ("paragraph", "<p>Ant Group was set to list.</p>"),
                quote("Let them remember who the real boss is.", qin),
            ]
        ],
    )
    from wagtail_newsroom.models import ArticleByline

    article.article_bylines = [ArticleByline(person=penny)]
    news_index.add_child(instance=article)
    article.tags.add("Fintech")
    # Publishing (what editors and the importer do) indexes the article with its byline.
    article.save_revision().publish()
    other = make_article(news_index, "Unrelated", body=[("paragraph", "<p>Nothing.</p>")])

    def found(query):
        return [page.pk for page in ArticlePage.objects.live().search(query)]

    assert found("Zhouwright") == [article.pk]
    assert found("real boss") == [article.pk]
    assert found("Fintech") == [article.pk]
    assert other.pk in found("Nothing")
    # update_index gives the same answers.
    call_command("update_index", verbosity=0)
    assert found("Zhouwright") == [article.pk]
    assert found("real boss") == [article.pk]


UNSAFE = "\x0b\x1b\x7f\ufffe\uffff\ud800"


def test_text_saved_any_way_keeps_no_character_xml_cannot_hold(news_index, people_index):
    person = make_person(people_index, f"Qin{UNSAFE} Peng")
    article = make_article(
        news_index, f"Ferry{UNSAFE} news", dek=f"A{UNSAFE} dek", section="Lo\x1bcal"
    )
    article.refresh_from_db(), person.refresh_from_db()
    assert (article.title, article.dek, person.title) == ("Ferry news", "A dek", "Qin Peng")
    assert article.section.name == "Local"


def test_feeds_and_the_news_sitemap_hold_even_text_that_bypassed_saving(
    news_index, people_index, client
):
    now = timezone.now()
    make_article(news_index, "Ferry news", authors=[make_person(people_index, "Qin Peng")],
                 tags=["ferry"], published=now - datetime.timedelta(hours=1))  # fmt: skip
    # An UPDATE, a raw write or another app's model: no save() to clean the text.
    ArticlePage.objects.update(title=f"Ferry{UNSAFE[:-1]} news", dek=f"A{UNSAFE[:-1]} dek")
    Site.objects.update(site_name=f"Demo{UNSAFE[:-1]} site")
    for kind in ("rss", "atom"):
        _response, feed = parse(client, news_index.url + f"feed/{kind}/")
        assert [entry.title for entry in feed.entries] == ["Ferry news"]
    response = client.get("/sitemap-news.xml")
    root = ElementTree.fromstring(response.content)
    assert root.findtext(f".//{{{NEWS}}}title") == "Ferry news"
    assert root.findtext(f".//{{{NEWS}}}name") == "Demo site"
