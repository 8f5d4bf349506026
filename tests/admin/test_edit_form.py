"""The article edit form through the real admin views."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_article, make_person
from wagtail_newsroom.forms import BYLINE_REQUIRED
from wagtail_newsroom.models import ArticlePage, PersonPage, Section

from .utils import form_data, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, home):
    client.force_login(make_user("editor-in-chief", superuser=True))
    return client


def add_form(client, news_index):
    url = reverse("wagtailadmin_pages:add", args=["wagtail_newsroom", "articlepage", news_index.pk])
    response = client.get(url)
    assert response.status_code == 200
    data = form_data(response.content.decode())
    data.setdefault("body-count", "0")
    return url, data


def test_add_article_with_two_bylines(admin_client, news_index, people_index):
    penny, qin = make_person(people_index, "Penny Zhou"), make_person(people_index, "Qin Peng")
    url, data = add_form(admin_client, news_index)
    data.update(
        {
            "title": "Ant Group pulls its listing",
            "slug": "ant-group-pulls-its-listing",
            "article_bylines-TOTAL_FORMS": "2",
            "article_bylines-0-person": str(qin.pk),
            "article_bylines-0-ORDER": "1",
            "article_bylines-0-id": "",
            "article_bylines-1-person": str(penny.pk),
            "article_bylines-1-ORDER": "2",
            "article_bylines-1-id": "",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    article = ArticlePage.objects.get(slug="ant-group-pulls-its-listing")
    revision = article.get_latest_revision_as_object()
    assert [b.person.title for b in revision.article_bylines.all()] == ["Qin Peng", "Penny Zhou"]


def test_a_draft_may_wait_for_its_byline(admin_client, news_index):
    # Wagtail defers required fields and inline minimums until publication.
    url, data = add_form(admin_client, news_index)
    data.update({"title": "Draft", "slug": "draft", "article_bylines-TOTAL_FORMS": "0"})
    assert admin_client.post(url, data).status_code == 302
    assert ArticlePage.objects.get(slug="draft").live is False


def test_an_article_without_a_byline_gets_a_clear_error(admin_client, news_index):
    url, data = add_form(admin_client, news_index)
    data.update(
        {
            "title": "No byline",
            "slug": "no-byline",
            "article_bylines-TOTAL_FORMS": "0",
            "action-publish": "action-publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert str(BYLINE_REQUIRED) in html
    assert not ArticlePage.objects.filter(slug="no-byline").exists()


def test_removing_the_last_byline_on_edit_is_refused(admin_client, news_index, people_index):
    penny = make_person(people_index, "Penny Zhou")
    article = make_article(news_index, "A story", authors=[penny])
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    data = form_data(admin_client.get(url).content.decode())
    data.setdefault("body-count", "0")
    assert data["article_bylines-0-person"] == str(penny.pk)
    data["article_bylines-0-DELETE"] = "1"
    data["action-publish"] = "action-publish"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert str(BYLINE_REQUIRED) in response.content.decode()
    assert article.get_latest_revision_as_object().bylines[0].person == penny


def test_edit_form_has_help_text_and_choosers(admin_client, news_index, people_index):
    penny = make_person(people_index, "Penny Zhou")
    article = make_article(news_index, "A story", authors=[penny])
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    for text in ("Who wrote the story", "The desk or programme", "start typing to reuse one"):
        assert text in html
    # The byline uses the person chooser that can create a profile, the section a snippet chooser.
    assert reverse("wagtail_newsroom_person_chooser:choose") in html
    assert "Editorial dates" in html
    # The quote block script is loaded with the summary URL.
    assert "wagtail_newsroom/js/quote-blocks.js" in html


def test_person_chooser_creates_a_profile(admin_client, people_index):
    url = reverse("wagtail_newsroom_person_chooser:create")
    response = admin_client.post(url, {"title": "Li Wen", "job_title": "Economist"})
    assert response.status_code == 200
    payload = response.json()
    assert payload["step"] == "chosen"
    person = PersonPage.objects.get(title="Li Wen")
    assert payload["result"]["id"] in (person.pk, str(person.pk))
    assert person.get_parent().specific == people_index
    assert person.live and person.job_title == "Economist"


def test_person_chooser_refuses_a_second_profile_of_one_name(admin_client, people_index):
    make_person(people_index, "Li Wen")
    url = reverse("wagtail_newsroom_person_chooser:create")
    response = admin_client.post(url, {"title": "LI WEN", "job_title": "Economist"})
    assert response.status_code == 200 and response.json()["step"] != "chosen"
    assert "There is already a profile of “LI WEN” here" in response.json()["htmlFragment"]
    assert PersonPage.objects.count() == 1


def test_person_chooser_lists_drafts_only_to_who_may_edit_them(client, news_index, people_index):
    make_person(people_index, "Public Figure")
    make_person(people_index, "Secret Source").unpublish()
    url = reverse("wagtail_newsroom_person_chooser:choose")
    client.force_login(make_user("writer", pages=[news_index]))
    html = client.get(url).content.decode()
    assert "Public Figure" in html and "Secret Source" not in html
    client.force_login(make_user("desk", pages=[news_index, people_index]))
    assert "Secret Source" in client.get(url).content.decode()


def test_person_chooser_create_needs_permission_on_the_people_index(client, news_index):
    client.force_login(make_user("writer", pages=[news_index]))
    url = reverse("wagtail_newsroom_person_chooser:create")
    # Wagtail's admin answers a refused chooser action with a redirect to the dashboard.
    assert client.post(url, {"title": "Li Wen"}).status_code in (302, 403)
    assert not PersonPage.objects.filter(title="Li Wen").exists()


def test_person_summary_gives_the_role(admin_client, people_index):
    qin = make_person(people_index, "Qin Peng", "China affairs commentator")
    response = admin_client.get(reverse("wagtail_newsroom_people:summary", args=[qin.pk]))
    assert response.json() == {
        "id": qin.pk,
        "name": "Qin Peng",
        "job_title": "China affairs commentator",
    }


def test_sections_are_a_snippet_with_a_menu_item(admin_client):
    Section.objects.create(name="Business", slug="business")
    response = admin_client.get(reverse("wagtailsnippets_wagtail_newsroom_section:list"))
    assert response.status_code == 200
    assert "Business" in response.content.decode()
    home = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Sections" in home


def test_a_second_profile_of_one_name_is_refused_with_a_message(admin_client, people_index):
    make_person(people_index, "Łukasz Wróbel")
    url = reverse(
        "wagtailadmin_pages:add", args=["wagtail_newsroom", "personpage", people_index.pk]
    )
    data = form_data(admin_client.get(url).content.decode())
    data.update({"title": "ŁUKASZ  WRÓBEL", "slug": "lukasz-2", "links-count": "0"})
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "There is already a profile of “ŁUKASZ  WRÓBEL” here" in response.content.decode()
    assert PersonPage.objects.count() == 1
    data.update({"title": "Łukasz Wróbel (Gdańsk)", "slug": "lukasz-gdansk"})
    assert admin_client.post(url, data).status_code == 302
    assert PersonPage.objects.count() == 2


def test_a_draft_saves_with_the_empty_byline_row_the_form_shows(admin_client, news_index):
    url, data = add_form(admin_client, news_index)
    data.update({"title": "Draft", "slug": "draft"})
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    draft = ArticlePage.objects.get(slug="draft")
    assert not draft.live and not draft.get_latest_revision_as_object().bylines
    # Publishing it still asks for a byline.
    edit = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    data = form_data(admin_client.get(edit).content.decode())
    data.update({"body-count": "0", "action-publish": "action-publish"})
    response = admin_client.post(edit, data)
    assert response.status_code == 200 and str(BYLINE_REQUIRED) in response.content.decode()
    assert not ArticlePage.objects.get(pk=draft.pk).live


def test_publishing_an_article_dated_in_the_future_schedules_it(
    admin_client, news_index, people_index, client
):
    penny = make_person(people_index, "Penny Zhou")
    url, data = add_form(admin_client, news_index)
    later = timezone.localtime() + datetime.timedelta(days=1)
    data.update(
        {
            "title": "Embargoed results",
            "slug": "embargoed-results",
            "published_at": later.strftime("%Y-%m-%d %H:%M"),
            "article_bylines-0-person": str(penny.pk),
            "action-publish": "action-publish",
        }
    )
    assert admin_client.post(url, data).status_code == 302
    article = ArticlePage.objects.get(slug="embargoed-results")
    assert not article.live
    assert article.go_live_at == article.published_at
    assert article.latest_revision.approved_go_live_at == article.published_at
    assert client.get("/news/embargoed-results/").status_code == 404
    assert "Embargoed results" not in client.get(news_index.url).content.decode()
