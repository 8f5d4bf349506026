"""A site's own article type (the test app's ``LiveBlogPage`` under its ``LiveBlogIndexPage``,
as the README shows) is listed wherever the stock article is: its index, its feeds, the
profiles of its authors and of the people it quotes, and the Google News sitemap."""

import datetime
import io
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone

from tests.admin.utils import make_user
from tests.factories import make_article, make_person, quote
from tests.testapp.models import LiveBlogIndexPage, LiveBlogPage
from wagtail_newsroom.models import NewsIndexPage
from wagtail_newsroom.views.imports import import_parents

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_c8de4f398f421595.txt"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@pytest.fixture
def both(site_tree):
    home, news, people = site_tree
    live = home.add_child(instance=LiveBlogIndexPage(title="Live", slug="live"))
    ann, qin = make_person(people, "Ann Live"), make_person(people, "Qin Peng")
    now = timezone.now()
    make_article(
        news,
        "Stock story",
        authors=[ann],
        body=[quote("Stock words.", qin)],
        published=now - datetime.timedelta(hours=2),
    )
    make_article(
        live,
        "Live: election night",
        model=LiveBlogPage,
        authors=[ann],
        body=[quote("Live words.", qin)],
        published=now - datetime.timedelta(hours=1),
    )
    return news, live, ann, qin


def titles(client, url, selector):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return [element.get_text(" ", strip=True) for element in html.select(selector)]


def test_its_index_and_feeds_list_it(client, both):
    news, live, _ann, _qin = both
    assert titles(client, live.url, ".newsroom-card__headline") == ["Live: election night"]
    assert titles(client, news.url, ".newsroom-card__headline") == ["Stock story"]
    for kind in ("rss", "atom"):
        feed = feedparser.parse(client.get(f"{live.url}feed/{kind}/").content)
        assert [entry.title for entry in feed.entries] == ["Live: election night"]


def test_profiles_list_it_beside_stock_articles(client, both):
    _news, _live, ann, qin = both
    assert ann.get_articles_written()[0].specific_class is LiveBlogPage
    written = titles(client, ann.url, "[aria-labelledby=newsroom-written-heading] li a")
    assert written == ["Live: election night", "Stock story"]
    quoted = [article.title for article, _quotes in qin.get_quotations()]
    assert quoted == ["Live: election night", "Stock story"]
    assert "Live words." in client.get(qin.url).content.decode()


def test_the_google_news_sitemap_lists_it(client, both):
    root = ElementTree.fromstring(client.get("/sitemap-news.xml").content)
    news_titles = [title.text for title in root.iter(f"{NEWS}title")]
    assert news_titles == ["Live: election night", "Stock story"]


def test_the_stock_index_cannot_hold_articles_it_would_not_list():
    assert LiveBlogPage not in NewsIndexPage.allowed_subpage_models()


def test_an_import_into_its_index_makes_its_type(both):
    _news, live, _ann, _qin = both
    out = io.StringIO()
    call_command("import_articles", str(SEED), parent=live.pk, publish=True, stdout=out)
    (imported,) = LiveBlogPage.objects.filter(source_name=SEED.name)
    assert imported.get_parent().pk == live.pk and imported.live
    assert live in import_parents(make_user("admin", superuser=True))
