"""Articles on a site translated with wagtail-localize: an English and a French page tree,
the French one made with wagtail-localize's own operations. wagtail-localize keeps the
translated article's bylines and quotes pointing at the English profiles; readers of each
language must still see their own pages, in their own language."""

import datetime
import io
import json
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, Site
from wagtail_localize.operations import TranslationCreator

from tests.factories import make_article, make_person, quote
from wagtail_newsroom.models import ArticlePage, PersonPage

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_c8de4f398f421595.txt"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def translate(*pages, locale):
    creator = TranslationCreator(None, [locale])
    for page in pages:
        creator.create_translations(page)
    translated = [page.get_translation(locale).specific for page in pages]
    for page in translated:  # wagtail-localize makes drafts
        page.save_revision().publish()
    # Wagtail caches where each site's roots are; the French home is a new one.
    Site.clear_site_root_paths_cache()
    return translated


@pytest.fixture
def french(site_tree):
    home, news, people = site_tree
    ann, qin = make_person(people, "Ann Writer"), make_person(people, "Qin Peng")
    article = make_article(
        news,
        "Harbour reopens",
        authors=[ann],
        body=[quote("The harbour is open again.", qin)],
        published=timezone.now() - datetime.timedelta(hours=1),
    )
    locale = Locale.objects.create(language_code="fr")
    pages = dict(
        zip(
            ["home", "news", "people", "ann", "qin", "article"],
            translate(home, news, people, ann, qin, article, locale=locale),
        )
    )
    pages["article"].title = "Le port rouvre"
    pages["article"].save_revision().publish()
    return pages


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def json_ld(page):
    return json.loads(page.select_one('script[type="application/ld+json"]').string)["@graph"][0]


@pytest.mark.parametrize(
    "language, headline, by",
    [("en", "Harbour reopens", "By"), ("fr", "Le port rouvre", "Par")],
)
def test_each_article_is_shown_in_its_language_with_its_language_s_links(
    client, french, language, headline, by
):
    page = soup(client, f"/{language}/news/harbour-reopens/")
    assert page.html["lang"] == language and page.h1.get_text(strip=True) == headline
    assert page.select_one(".newsroom-byline").get_text(" ", strip=True) == f"{by} Ann Writer"
    people = f"/{language}/people/"
    assert page.select_one(".newsroom-byline__person")["href"] == f"{people}ann-writer/"
    assert page.select_one(".newsroom-quote__speaker")["href"] == f"{people}qin-peng/"
    canonical = page.select_one('link[rel="canonical"]')["href"]
    assert canonical == f"http://localhost/{language}/news/harbour-reopens/"
    data = json_ld(page)
    assert (data["inLanguage"], data["headline"]) == (language, headline)
    assert data["author"][0]["url"] == f"http://localhost{people}ann-writer/"
    assert page.select_one('meta[property="og:locale"]')["content"] == language


def test_the_french_article_reads_in_french(client, french):
    page = soup(client, "/fr/news/harbour-reopens/")
    text = page.select_one(".newsroom-article").get_text(" ", strip=True)
    assert "Partager sur Facebook" in text and "Share" not in text
    month = page.select_one(".newsroom-article__dates time").get_text(strip=True).split()[1]
    assert month in {
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    }


@pytest.mark.parametrize(
    "language, headline", [("en", "Harbour reopens"), ("fr", "Le port rouvre")]
)
def test_indexes_and_feeds_list_their_own_language(client, french, language, headline):
    index = soup(client, f"/{language}/news/")
    cards = [card.get_text(strip=True) for card in index.select(".newsroom-card__headline")]
    assert cards == [headline]
    feed = feedparser.parse(client.get(f"/{language}/news/feed/rss/").content)
    assert [entry.title for entry in feed.entries] == [headline]
    assert feed.entries[0].link == f"http://localhost/{language}/news/harbour-reopens/"


@pytest.mark.parametrize(
    "language, headline", [("en", "Harbour reopens"), ("fr", "Le port rouvre")]
)
def test_profiles_list_what_the_person_wrote_and_said_in_their_language(
    client, french, language, headline
):
    for slug in ("ann-writer", "qin-peng"):
        profile = soup(client, f"/{language}/people/{slug}/")
        listed = [link.get_text(strip=True) for link in profile.select("main a[href*='/news/h']")]
        assert listed == [headline], slug
        feed_link = profile.select_one('link[type="application/rss+xml"]')["href"]
        assert feed_link == f"http://localhost/{language}/news/feed/rss/?person={slug}"
        feed = feedparser.parse(client.get(feed_link.removeprefix("http://localhost")).content)
        assert [entry.title for entry in feed.entries] == [headline], slug


def test_the_news_sitemap_lists_every_language(client, french):
    sitemap = ElementTree.fromstring(client.get("/sitemap-news.xml").content)
    found = {
        (url.findtext("{*}loc"), url.findtext(f"{NEWS}news/{NEWS}publication/{NEWS}language"))
        for url in sitemap
    }
    assert found == {
        ("http://localhost/en/news/harbour-reopens/", "en"),
        ("http://localhost/fr/news/harbour-reopens/", "fr"),
    }


def test_articles_imported_into_the_french_tree_quote_french_profiles(french):
    out = io.StringIO()
    call_command(
        "import_articles",
        SEED,
        parent=french["news"].pk,
        publish=True,
        no_progress=True,
        stdout=out,
    )
    article = ArticlePage.objects.get(locale=french["news"].locale, source_name=SEED.name)
    assert article.get_parent().pk == french["news"].pk
    speakers = {quotation.person for quotation in article.article_quotations.all()}
    authors = {byline.person for byline in article.article_bylines.all()}
    assert speakers and authors
    for person in speakers | authors:
        assert person.get_parent().pk == french["people"].pk, person
    assert not PersonPage.objects.child_of(french["people"]).filter(locale__language_code="en")
