"""What search engines and social networks read: JSON-LD, Open Graph, Twitter cards."""

import datetime
import io
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model

from tests.factories import make_article, make_person, quote
from wagtail_newsroom.metadata import json_ld_script
from wagtail_newsroom.models import ArticleCorrection, NewsroomSettings

pytestmark = pytest.mark.django_db

# Google's Article structured data (developers.google.com/search/docs/appearance/
# structured-data/article): no property is required; these are the recommended ones.
GOOGLE_ARTICLE_RECOMMENDED = ["author", "dateModified", "datePublished", "headline", "image"]
GOOGLE_ARTICLE_AUTHOR = ["@type", "name", "url"]
# Each image: crawlable absolute URL, at least 50K pixels (width x height).
GOOGLE_IMAGE_MIN_PIXELS = 50_000
# Google's ProfilePage (…/structured-data/profile-page): required and recommended.
GOOGLE_PROFILE_REQUIRED = ["mainEntity"]
GOOGLE_PROFILE_PERSON_REQUIRED = ["name"]
GOOGLE_PROFILE_RECOMMENDED = ["dateCreated", "dateModified"]
GOOGLE_PROFILE_PERSON_RECOMMENDED = ["description", "image", "sameAs", "identifier"]
# Google's BreadcrumbList (…/structured-data/breadcrumb): each ListItem needs these
# (``item`` may be left off the last one; we give it everywhere).
GOOGLE_BREADCRUMB_ITEM = ["@type", "position", "name", "item"]
# Our NewsArticle promises these besides Google's list (the list).
NEWSROOM_ARTICLE = [
    "description",
    "publisher",
    "articleSection",
    "keywords",
    "mainEntityOfPage",
    "wordCount",
    "correction",
    "url",
    "inLanguage",
]


def make_image(title="Lead", size=(1600, 1000)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "teal").save(buffer, "PNG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name="lead.png"))


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "lxml")


def json_ld(html):
    scripts = html.select('script[type="application/ld+json"]')
    assert len(scripts) == 1, "one JSON-LD document per page"
    document = json.loads(scripts[0].string)
    assert document["@context"] == "https://schema.org"
    return {item["@type"]: item for item in document["@graph"]}


def meta(html):
    """Open Graph/Twitter tags as {key: [contents]}."""
    tags = {}
    for tag in html.select("head meta[property], head meta[name]"):
        tags.setdefault(tag.get("property") or tag["name"], []).append(tag["content"])
    return tags


@pytest.fixture
def story(news_index, people_index):
    penny = make_person(people_index, "Penny Zhou", job_title="Reporter")
    ma = make_person(people_index, "Ma Ren", job_title="Business editor")
    speaker = make_person(people_index, "Qin Peng", job_title="China affairs commentator")
    article = make_article(
        news_index,
        "China Reminds Ant Group Who’s Boss",
        authors=[penny, ma],
        section="Business",
        tags=["China", "Finance"],
        dek="Beijing halts a record IPO.",
        lead_image=make_image(),
        lead_image_caption="Ant Group's headquarters in Hangzhou.",
        updated_at=timezone.make_aware(datetime.datetime(2020, 11, 6, 8, 0)),
        body=[
            ("paragraph", "<p>Ant Group was set to raise $37 billion on Thursday.</p>"),
            quote("Let them remember who the real boss is.", speaker, role="analyst"),
        ],
    )
    ArticleCorrection.objects.create(
        page=article, kind="correction", text="<p>An earlier version misnamed the bank.</p>"
    )
    ArticleCorrection.objects.create(page=article, kind="note", text="<p>Headline updated.</p>")
    return article


def test_news_article_has_what_google_recommends(story, client):
    html = soup(client.get(story.url))
    items = json_ld(html)
    article = items["NewsArticle"]
    for key in GOOGLE_ARTICLE_RECOMMENDED + NEWSROOM_ARTICLE:
        assert article.get(key), f"NewsArticle lacks {key}"
    canonical = html.select_one('link[rel="canonical"]')["href"]
    assert canonical == "http://localhost/news/china-reminds-ant-group-whos-boss/"
    assert article["mainEntityOfPage"]["@id"] == article["url"] == canonical
    assert article["headline"] == "China Reminds Ant Group Who’s Boss"
    assert article["description"] == "Beijing halts a record IPO."
    # The editorial dates, not Wagtail's publication timestamps.
    assert article["datePublished"] == "2020-11-05T09:30:00+00:00"
    assert article["dateModified"] == "2020-11-06T08:00:00+00:00"
    assert [a["name"] for a in article["author"]] == ["Penny Zhou", "Ma Ren"]
    for author in article["author"]:
        assert set(GOOGLE_ARTICLE_AUTHOR) <= set(author)
        assert author["@type"] == "Person"
        assert author["url"].startswith("http://localhost/people/")
    assert article["author"][0]["jobTitle"] == "Reporter"
    (image,) = article["image"]
    assert image["url"].startswith("http://localhost/")
    assert (image["width"], image["height"]) == (1200, 630)
    assert image["width"] * image["height"] >= GOOGLE_IMAGE_MIN_PIXELS
    assert client.get(urlsplit(image["url"]).path).status_code in (200, 404)  # media not served
    assert article["publisher"] == {
        "@type": "Organization",
        "name": "Newsroom demo",  # no publisher name set: the site's name
        "url": "http://localhost/",
    }
    assert article["articleSection"] == "Business"
    assert article["keywords"] == ["China", "Finance"]
    assert article["wordCount"] == story.word_count == 18
    assert [c["text"] for c in article["correction"]] == ["An earlier version misnamed the bank."]
    assert article["correction"][0]["@type"] == "CorrectionComment"

    crumbs = items["BreadcrumbList"]["itemListElement"]
    for crumb in crumbs:
        assert set(GOOGLE_BREADCRUMB_ITEM) <= set(crumb)
    assert [(c["position"], c["name"]) for c in crumbs] == [
        (1, "Newsroom demo"),
        (2, "News"),
        (3, "China Reminds Ant Group Who’s Boss"),
    ]
    assert crumbs[-1]["item"] == canonical


def test_publisher_comes_from_the_newsroom_settings(story, client, home):
    from wagtail.models import Site

    settings = NewsroomSettings.for_site(Site.objects.get(is_default_site=True))
    settings.publisher_name = "The Daily Example"
    settings.publisher_logo = make_image("Logo", (1000, 200))
    settings.save()
    publisher = json_ld(soup(client.get(story.url)))["NewsArticle"]["publisher"]
    assert publisher["name"] == "The Daily Example"
    logo = publisher["logo"]
    assert logo["@type"] == "ImageObject"
    assert logo["url"].startswith("http://localhost/")
    assert logo["width"] <= 600 and logo["height"] <= 60


def test_the_publisher_logo_is_loaded_with_the_settings(home, django_assert_num_queries):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    settings = NewsroomSettings.for_site(site)
    settings.publisher_logo = make_image("Logo", (1000, 200))
    settings.save()
    with django_assert_num_queries(1):
        assert NewsroomSettings.for_site(site).publisher_logo.title == "Logo"


def test_a_site_nobody_has_named_goes_by_its_host_name(news_index, client):
    from wagtail.models import Site

    Site.objects.update(site_name="")
    article = make_article(news_index, "Unnamed", dek="")
    html = soup(client.get(article.url))
    graph = json_ld(html)
    assert graph["NewsArticle"]["publisher"]["name"] == "localhost"
    assert meta(html)["og:site_name"] == ["localhost"]
    # No standfirst, no search description: no empty "description" claims there is one.
    assert "description" not in graph["NewsArticle"]
    assert "description" not in json_ld(soup(client.get(news_index.url)))["CollectionPage"]


def test_json_ld_cannot_be_broken_out_of(news_index, client):
    nasty = 'Breaking </script><script>alert("x")</script> <!-- & more'
    article = make_article(news_index, nasty, slug="nasty", dek="<b>bold</b> & </SCRIPT>")
    raw = client.get(article.url).content.decode()
    start = raw.index('<script type="application/ld+json">')
    end = raw.index("</script>", start)
    body = raw[start + len('<script type="application/ld+json">') : end]
    assert "<" not in body and ">" not in body and "&" not in body
    assert "\\u003c/script\\u003e" in body and "\\u003c!--" in body
    data = json.loads(body)
    headlines = [item["headline"] for item in data["@graph"] if item["@type"] == "NewsArticle"]
    assert headlines == [nasty]
    assert str(json_ld_script({"a": "\u2028</script>"})) == (
        '<script type="application/ld+json">{"a":"\\u2028\\u003c/script\\u003e"}</script>'
    )


def test_profile_page(people_index, news_index, client):
    person = make_person(people_index, "Qin Peng", job_title="China affairs commentator")
    person.bio = "<p>Writes about <b>China</b>.</p>"
    person.photo = make_image("Qin Peng")
    person.links = [("link", {"label": "Website", "url": "https://qin.example/"})]
    person.save_revision().publish()
    html = soup(client.get(person.url))
    items = json_ld(html)
    profile = items["ProfilePage"]
    for key in GOOGLE_PROFILE_REQUIRED + GOOGLE_PROFILE_RECOMMENDED:
        assert profile.get(key), f"ProfilePage lacks {key}"
    entity = profile["mainEntity"]
    for key in GOOGLE_PROFILE_PERSON_REQUIRED + GOOGLE_PROFILE_PERSON_RECOMMENDED:
        assert entity.get(key), f"Person lacks {key}"
    assert entity["@type"] == "Person"
    assert entity["name"] == "Qin Peng"
    assert entity["jobTitle"] == "China affairs commentator"
    assert entity["url"] == "http://localhost/people/qin-peng/"
    assert entity["sameAs"] == ["https://qin.example/"]
    assert entity["description"] == "Writes about China."
    tags = meta(html)
    assert tags["og:type"] == ["profile"]
    assert tags["og:url"] == ["http://localhost/people/qin-peng/"]
    assert html.select_one('meta[name="description"]')["content"] == (
        "China affairs commentator. Writes about China."
    )


def test_index_is_a_collection_page(news_index, people_index, client):
    for n in range(3):
        make_article(
            news_index,
            f"Story {n}",
            published=timezone.make_aware(datetime.datetime(2024, 1, 1 + n)),
            section="World",
        )
    html = soup(client.get(news_index.url))
    items = json_ld(html)
    collection = items["CollectionPage"]
    assert collection["url"] == "http://localhost/news/"
    listing = collection["mainEntity"]
    assert listing["@type"] == "ItemList"
    assert [(i["position"], i["name"]) for i in listing["itemListElement"]] == [
        (1, "Story 2"),
        (2, "Story 1"),
        (3, "Story 0"),
    ]
    assert listing["itemListElement"][0]["url"] == "http://localhost/news/story-2/"
    assert [c["name"] for c in items["BreadcrumbList"]["itemListElement"]] == [
        "Newsroom demo",
        "News",
    ]
    # A filtered listing is its own page: its canonical URL keeps the filter.
    filtered = soup(client.get(news_index.url + "?section=world&page=1"))
    assert filtered.select_one('link[rel="canonical"]')["href"] == (
        "http://localhost/news/?section=world"
    )
    assert meta(filtered)["og:url"] == ["http://localhost/news/?section=world"]


def test_open_graph_and_twitter_tags(story, client):
    html = soup(client.get(story.url))
    tags = meta(html)
    url = "http://localhost/news/china-reminds-ant-group-whos-boss/"
    assert tags["og:type"] == ["article"]
    assert tags["og:title"] == ["China Reminds Ant Group Who’s Boss"]
    assert tags["og:url"] == [url]
    assert tags["og:description"] == ["Beijing halts a record IPO."]
    assert tags["og:site_name"] == ["Newsroom demo"]
    assert tags["article:published_time"] == ["2020-11-05T09:30:00+00:00"]
    assert tags["article:modified_time"] == ["2020-11-06T08:00:00+00:00"]
    assert tags["article:author"] == [
        "http://localhost/people/penny-zhou/",
        "http://localhost/people/ma-ren/",
    ]
    assert tags["article:section"] == ["Business"]
    assert tags["article:tag"] == ["China", "Finance"]
    (image,) = tags["og:image"]
    assert image.startswith("http://localhost/") and ".fill-1200x630" in image
    assert (tags["og:image:width"], tags["og:image:height"]) == (["1200"], ["630"])
    assert tags["og:image:alt"] == ["Ant Group's headquarters in Hangzhou."]
    assert tags["twitter:card"] == ["summary_large_image"]
    assert tags["description"] == ["Beijing halts a record IPO."]


def test_search_description_wins_over_the_standfirst(news_index, client):
    article = make_article(news_index, "Described", dek="The dek.", search_description="SEO.")
    tags = meta(soup(client.get(article.url)))
    assert tags["description"] == tags["og:description"] == ["SEO."]
    assert tags["twitter:card"] == ["summary"]  # no lead image


def test_open_graph_and_share_widget_agree(story, client):
    html = soup(client.get(story.url))
    tags = meta(html)
    (url,) = tags["og:url"]
    (title,) = tags["og:title"]
    assert html.select_one('link[rel="canonical"]')["href"] == url
    widget = html.select_one("[data-newsroom-share]")
    assert widget.select_one("[data-newsroom-copy-link]")["data-url"] == url
    native = widget.select_one("[data-newsroom-native-share]")
    assert (native["data-url"], native["data-title"]) == (url, title)
    links = {
        a["class"][1].rsplit("--", 1)[1]: parse_qs(urlsplit(a["href"]).query)
        for a in widget.select("a.newsroom-share__link")
    }
    assert links["facebook"]["u"] == [url]
    assert links["x"] == {"url": [url], "text": [title]}
    assert links["email"]["subject"] == [title]


def test_utm_tags_per_network(story, client):
    from wagtail.models import Site

    settings = NewsroomSettings.for_site(Site.objects.get(is_default_site=True))
    settings.add_utm_tags = True
    settings.utm_campaign = "shares"
    settings.utm_overrides = [
        ("network", {"network": "facebook", "enabled": True, "source": "fb", "medium": "paid"}),
        ("network", {"network": "email", "enabled": False, "source": "", "medium": ""}),
    ]
    settings.save()
    html = soup(client.get(story.url))
    hrefs = {
        a["class"][1].rsplit("--", 1)[1]: a["href"]
        for a in html.select("[data-newsroom-share] a.newsroom-share__link")
    }
    shared = {
        key: parse_qs(urlsplit(parse_qs(urlsplit(href).query)[param][0]).query)
        for key, href, param in [
            ("facebook", hrefs["facebook"], "u"),
            ("x", hrefs["x"], "url"),
        ]
    }
    assert shared["facebook"] == {
        "utm_source": ["fb"],
        "utm_medium": ["paid"],
        "utm_campaign": ["shares"],
    }
    assert shared["x"]["utm_source"] == ["x"] and shared["x"]["utm_medium"] == ["social"]
    assert "utm_" not in hrefs["email"]
    # Open Graph keeps the clean canonical URL.
    assert "utm_" not in meta(html)["og:url"][0]


def test_utm_settings_reject_a_network_twice():
    from django.core.exceptions import ValidationError

    from wagtail_newsroom.models.settings import UtmOverridesBlock

    block = UtmOverridesBlock()
    row = {"network": "x", "enabled": True, "source": "", "medium": ""}
    value = block.to_python([{"type": "network", "value": row}, {"type": "network", "value": row}])
    with pytest.raises(ValidationError):
        block.clean(value)


def test_article_page_weighs_under_60_kb(story, client):
    """The article's HTML with its CSS and JS, uncompressed and without images."""
    from django.contrib.staticfiles import finders

    response = client.get(story.url)
    html = soup(response)
    total = len(response.content)
    assets = [link["href"] for link in html.select('link[rel="stylesheet"]')]
    assets += [script["src"] for script in html.select("script[src]")]
    assert assets, "the page links its CSS and JS"
    for url in assets:
        path = finders.find(urlsplit(url).path.removeprefix("/static/"))
        assert path, url
        with open(path, "rb") as asset:
            total += len(asset.read())
    print(f"article page: {len(response.content)} bytes of HTML, {total} with CSS and JS")
    assert total < 60 * 1024


def test_quote_speaker_in_the_metadata_costs_nothing_per_quote(news_index, people_index):
    # The JSON-LD lists authors, not speakers: quotes add nothing to it.
    speaker = make_person(people_index, "Speaker")
    article = make_article(news_index, "Quotes", body=[quote("Words.", speaker)] * 3)
    from wagtail_newsroom import metadata

    assert "Speaker" not in json.dumps(metadata.news_article(article))
