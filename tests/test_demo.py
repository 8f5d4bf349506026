"""The demo (`make demo`): its Site is where it is served, so every absolute link works; its
home page leads to the indexes and its search page finds the stories and the people."""

import io
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from search.views import RESULTS_PER_PAGE
from tests.factories import SITEMAP, sitemap_entries
from wagtail_newsroom.models import ArticlePage, PersonPage

pytestmark = pytest.mark.django_db
REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_c8de4f398f421595.txt"


@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8123")  # as `make demo PORT=8123` sets
def test_the_demo_site_is_where_it_is_served(client):
    call_command("setup_demo", "--password", "x", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    article = ArticlePage.objects.live().first()
    html = BeautifulSoup(client.get(article.url, HTTP_HOST="127.0.0.1:8123").content, "html.parser")
    assert html.select_one("link[rel=canonical]")["href"].startswith("http://127.0.0.1:8123/news/")
    assert html.select_one("meta[property='og:url']")["content"].startswith(
        "http://127.0.0.1:8123/"
    )
    entries = sitemap_entries(client, HTTP_HOST="127.0.0.1:8123")
    locations = [entry.findtext(f"{SITEMAP}loc") for entry in entries]
    assert locations and all(loc.startswith("http://127.0.0.1:8123/") for loc in locations)
    api = client.get("/api/v2/pages/?type=wagtail_newsroom.ArticlePage&fields=html_url")
    urls = [item["meta"]["html_url"] for item in api.json()["items"]]
    assert urls and all(url.startswith("http://127.0.0.1:8123/") for url in urls)


def test_make_demo_serves_and_links_to_the_port_asked_for():
    plan = subprocess.run(
        ["make", "-n", "demo", "PORT=8123"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    assert "runserver 127.0.0.1:8123" in plan
    variables = subprocess.run(
        ["make", "-pn", "demo", "PORT=8123"], cwd=REPO, capture_output=True, text=True
    ).stdout
    # ...and exports the address setup_demo gives the Site (the test above).
    assert "WAGTAILADMIN_BASE_URL = http://$(HOST):$(PORT)" in variables


@pytest.fixture
def seeded(site_tree):
    """The demo's tree with a seed article imported into its news index, as setup_demo does."""
    call_command(
        "import_articles", str(SEED), parent=str(site_tree[1].pk), publish=True, no_progress=True
    )
    return ArticlePage.objects.get()


def search(client, query, **params):
    response = client.get(reverse("search"), {"query": query, **params})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def result_links(html):
    return [link["href"] for link in html.select(".search-results .search-result__title a")]


def home_page_links(client, home):
    html = BeautifulSoup(client.get(home.url).content, "html.parser")
    return [link["href"] for link in html.select("nav[aria-labelledby=home-sections] a")]


def test_the_home_page_links_to_the_indexes_set_up(client, site_tree):
    home, news, people = site_tree
    served = [client.get(href).context["page"] for href in home_page_links(client, home)]
    assert served == [news, people]
    # Renamed in the admin, an index is linked where it now is.
    news.slug = "stories"
    news.save_revision().publish()
    assert home_page_links(client, home)[0] == "/stories/"
    # Unpublished, it is no longer linked.
    people.unpublish()
    assert len(home_page_links(client, home)) == 1


def test_the_home_page_lists_the_latest_public_stories_of_every_type(client, site_tree):
    from tests.factories import make_article
    from tests.testapp.models import LiveBlogIndexPage, LiveBlogPage

    home, news, _people = site_tree
    live = home.add_child(instance=LiveBlogIndexPage(title="Live", slug="live"))
    older = make_article(news, "Older", published=timezone.now() - timedelta(days=2))
    make_article(
        live, "Live coverage", published=timezone.now() - timedelta(days=1), model=LiveBlogPage
    )
    secret = make_article(news, "Members only", published=timezone.now())
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    html = BeautifulSoup(client.get(home.url).content, "html.parser")
    latest = [link.get_text() for link in html.select("ul.home-latest a")]
    assert latest == ["Live coverage", older.title]


def test_every_page_has_the_search_form(client, seeded):
    html = BeautifulSoup(client.get(seeded.url).content, "html.parser")
    form = html.select_one("header [role=search]")
    assert form["action"] == reverse("search") and form["method"] == "get"
    field = form.select_one("input[name=query]")
    assert html.select_one(f"label[for={field['id']}]").get_text()


def test_the_search_finds_an_article_by_headline_and_body_words(client, seeded):
    seeded.dek = "Beijing halts the record listing."
    seeded.save_revision().publish()
    for query in ("Reminds", "Alipay"):
        html = search(client, query)
        assert result_links(html) == [seeded.url], query
        result = html.select_one(".search-result")
        assert result.select_one(".search-result__summary").get_text() == seeded.dek
        assert result.select_one("time")["datetime"] == seeded.published_at.isoformat()
        # The header's field keeps the query, to refine it.
        assert html.select_one("header input[name=query]")["value"] == query


def test_the_search_finds_a_person_by_name(client, seeded):
    person = PersonPage.objects.get(title="Qin Peng")
    html = search(client, "Qin Peng")
    assert person.url in result_links(html)
    summary = html.select_one(f".search-result:has(a[href='{person.url}']) .search-result__summary")
    assert summary.get_text() == person.get_meta_description()


def test_a_search_lists_only_live_public_pages(client, seeded):
    seeded.unpublish()
    assert result_links(search(client, "Reminds")) == []


def test_an_empty_query_shows_the_form_and_no_results(client, seeded):
    for query in ("", "   "):
        html = search(client, query)
        assert html.select_one("header [role=search] input[name=query]")["value"] == ""
        assert html.select(".search-results") == []
        assert html.h1.get_text() == "Search"
    assert search(client, "nosuchwordanywhere").select(".search-results") == []


def test_the_query_is_escaped(client, seeded):
    query = '"><script>window.__xss = 1</script>'
    response = client.get(reverse("search"), {"query": query})
    assert b"<script>window.__xss" not in response.content
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select("script") == []
    assert html.select_one("header input[name=query]")["value"] == query
    assert query in html.h1.get_text()
    # Double quotes, which SQLite's full-text search refuses in a term, mark a phrase.
    assert result_links(search(client, '"')) == []
    assert result_links(search(client, 'Reminds "Ant Group')) == [seeded.url]


def test_a_page_of_results_takes_the_queries_one_result_takes(
    client, seeded, news_index, django_assert_num_queries
):
    search(client, "Reminds")  # Fills the caches of content types and of the sites' roots.
    with CaptureQueriesContext(connection) as one_result:
        assert len(result_links(search(client, "Reminds"))) == 1
    news_index.refresh_from_db()  # the import added a child through another instance
    for number in range(RESULTS_PER_PAGE):
        news_index.add_child(instance=ArticlePage(title=f"Ant Group reminds us {number}"))
    with django_assert_num_queries(len(one_result)):
        first = search(client, "Reminds")
    assert len(result_links(first)) == RESULTS_PER_PAGE
    # The rest are on the next page, the link to which keeps the query.
    second = search(client, "Reminds", page=2)
    assert first.select_one(".search-pagination a[rel=next]")["href"] == "?query=Reminds&page=2"
    assert len(result_links(second)) == 1
    assert set(result_links(first)).isdisjoint(result_links(second))
