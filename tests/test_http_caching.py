"""Reader pages carry HTTP validators: a reader (or a CDN) whose copy is current gets a 304 for
one query beyond Wagtail's routing, and any change a reader could see makes every page new.
A frontend cache is purged of the pages that list an article when it is published."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.admin.utils import form_data
from tests.factories import make_article, make_person, quote
from tests.testapp.frontend_cache import PURGED
from wagtail_newsroom import caching
from wagtail_newsroom.models import ArticlePage, PersonPage

pytestmark = pytest.mark.django_db

# Measured: Wagtail's routing of an article (its site, each page on its path, the aliases and
# view restrictions on the way), then the one query for the validators.
NOT_MODIFIED_QUERIES = 9


@pytest.fixture
def story(news_index, people_index):
    ann, qin = make_person(people_index, "Ann Reporter"), make_person(people_index, "Qin Peng")
    article = make_article(news_index, "Ferry", authors=[ann], body=[quote("Words.", qin)])
    article.save_revision().publish()
    return news_index, people_index, ann, qin, ArticlePage.objects.get(pk=article.pk)


def reader_urls(story):
    news, people, ann, qin, article = story
    return [article.url, news.url, news.url + "feed/rss/", news.url + "feed/atom/", ann.url]


def validators(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.headers["ETag"], response.headers.get("Last-Modified")


def test_a_current_copy_is_answered_304_for_one_query(client, story):
    for url in reader_urls(story):
        tag, modified = validators(client, url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, HTTP_IF_NONE_MATCH=tag)
        assert response.status_code == 304, url
        assert response.content == b""
        assert response.headers["ETag"] == tag
        assert len(captured) <= NOT_MODIFIED_QUERIES, url
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304, url
        assert client.get(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200, url


def test_the_304_costs_the_same_however_large_the_archive(client, story):
    news, _people, ann, qin, article = story

    def not_modified_queries():
        tag, _modified = validators(client, article.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(article.url, HTTP_IF_NONE_MATCH=tag).status_code == 304
        return len(captured)

    one = not_modified_queries()
    for n in range(20):
        make_article(news, f"Story {n}", authors=[ann], body=[quote("More.", qin)])
    assert not_modified_queries() == one <= NOT_MODIFIED_QUERIES


def changes_every_page(client, story, change):
    before = {url: validators(client, url)[0] for url in reader_urls(story)}
    change()
    for url, tag in before.items():
        assert client.get(url, HTTP_IF_NONE_MATCH=tag).status_code == 200, url
        assert validators(client, url)[0] != tag, url


def test_a_profile_published_under_a_new_name_makes_its_articles_new(client, story):
    _news, _people, ann, _qin, _article = story

    def rename():
        profile = PersonPage.objects.get(pk=ann.pk)
        profile.title = "Ann Renamed"
        profile.save_revision().publish()

    changes_every_page(client, story, rename)


def test_an_article_unpublished_makes_the_listings_new(client, story):
    news, _people, ann, _qin, _article = story
    other = make_article(news, "Other", authors=[ann])
    changes_every_page(client, story, other.unpublish)


def test_the_sites_settings_saved_in_the_admin_make_every_page_new(client, admin_client, story):
    site = story[0].get_site()
    url = reverse("wagtailsettings:edit", args=["wagtail_newsroom", "newsroomsettings", site.pk])

    def edit_settings():
        data = form_data(admin_client.get(url).content, "form[method=post]")
        # The overrides' StreamField is drawn by script; none are set.
        data |= {"publisher_name": "The Changed Times", "utm_overrides-count": "0"}
        assert admin_client.post(url, data).status_code == 302

    changes_every_page(client, story, edit_settings)


def test_a_draft_saved_changes_nothing(client, story):
    *_rest, article = story
    tag, _modified = validators(client, article.url)
    draft = ArticlePage.objects.get(pk=article.pk)
    draft.title = "Ferry (draft)"
    draft.save_revision(log_action=True)
    assert client.get(article.url, HTTP_IF_NONE_MATCH=tag).status_code == 304


def test_signed_in_users_get_their_pages_whole(admin_client, client, story):
    *_rest, article = story
    tag, _modified = validators(client, article.url)
    response = admin_client.get(article.url, HTTP_IF_NONE_MATCH=tag)
    assert response.status_code == 200
    assert "ETag" not in response.headers


@override_settings(
    WAGTAILFRONTENDCACHE={"record": {"BACKEND": "tests.testapp.frontend_cache.RecordingBackend"}}
)
def test_publishing_an_article_purges_the_pages_that_list_it(story):
    news, _people, ann, qin, article = story
    bystander = make_person(story[1], "Not In It")
    PURGED.clear()
    article.save_revision().publish()
    base = "http://localhost"
    listings = {base + news.url, f"{base}{news.url}feed/rss/", f"{base}{news.url}feed/atom/"}
    profiles = {base + ann.url, base + qin.url}
    assert listings | profiles <= set(PURGED)
    assert base + bystander.url not in PURGED
    PURGED.clear()
    article.unpublish()
    assert listings | profiles <= set(PURGED)


def test_past_a_run_of_drafts_any_change_counts(client, story, monkeypatch):
    """Only the newest entries of the history are read for a change a reader could see; a
    draft beyond them makes the page new, which costs a render, never a stale page."""
    *_rest, article = story
    monkeypatch.setattr(caching, "HISTORY_WINDOW", 1)
    tag, _modified = validators(client, article.url)
    draft = ArticlePage.objects.get(pk=article.pk)
    draft.save_revision(log_action=True)
    assert client.get(article.url, HTTP_IF_NONE_MATCH=tag).status_code == 200
