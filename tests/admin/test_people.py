"""The people listing (filters, counts, bounded queries) and merging duplicates."""

import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageLogEntry

from tests.factories import make_article, make_person, quote
from wagtail_newsroom.models import (
    ArticleByline,
    ArticlePage,
    ArticleQuotation,
    NewsIndexPage,
    PersonPage,
)
from wagtail_newsroom.views.people import merge_people

from .utils import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom(news_index, people_index):
    penny = make_person(people_index, "Penny Zhou", "Reporter")
    qin = make_person(people_index, "Qin Peng", "China affairs commentator")
    ma = make_person(people_index, "Jack Ma")
    make_article(news_index, "One", authors=[penny], body=[quote("Boss.", qin), quote("Hi.", ma)])
    make_article(news_index, "Two", authors=[penny], body=[quote("Again.", qin)])
    return penny, qin, ma


@pytest.fixture
def admin_client(client):
    client.force_login(make_user("chief", superuser=True))
    return client


def listed(client, **params):
    """The people listing's rows: name -> (role, articles, quotes)."""
    response = client.get(reverse("wagtail_newsroom_people:index"), params)
    assert response.status_code == 200
    rows = BeautifulSoup(response.content, "html.parser").select("table.listing tbody tr")
    listing = {}
    for row in rows:
        cells = [cell.get_text(" ", strip=True) for cell in row.select("td")]
        name = row.select_one("td.title a").get_text(strip=True)
        listing[name] = (cells[2], int(cells[3]), int(cells[4]))
    return listing


def test_counts_filters_and_search(admin_client, newsroom):
    people = listed(admin_client)
    assert people["Penny Zhou"] == ("Reporter", 2, 0)
    assert people["Qin Peng"] == ("China affairs commentator", 0, 2)
    assert list(listed(admin_client, role="reporter")) == ["Penny Zhou"]
    assert list(listed(admin_client, role="quoted")) == ["Jack Ma", "Qin Peng"]
    assert list(listed(admin_client, q="commentator")) == ["Qin Peng"]
    assert list(listed(admin_client, ordering="-quote_count"))[0] == "Qin Peng"


def listing_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("wagtail_newsroom_people:index"))
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_listing_queries_do_not_grow_with_rows(client, newsroom, news_index, people_index):
    client.force_login(make_user("chief", superuser=True))
    listing_queries(client)  # warm caches (site root paths, content types)
    before, html = listing_queries(client)
    assert "Penny Zhou" in html and "China affairs commentator" in html
    for n in range(10):
        person = make_person(people_index, f"Extra Person {n}", "Analyst")
        make_article(news_index, f"Extra {n}", authors=[person], body=[quote("More.", person)])
    after, html = listing_queries(client)
    assert "Extra Person 9" in html
    print(f"people listing: {before} queries for 3 people, {after} for 13")
    assert after == before, f"{before} queries for 3 people, {after} for 13"


def test_listing_is_refused_without_permission(client, news_index, newsroom):
    client.force_login(make_user("writer", pages=[news_index]))
    assert client.get(reverse("wagtail_newsroom_people:index")).status_code == 403
    assert "newsroom-people" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_merge_moves_bylines_quotes_and_draft_speakers(newsroom, news_index, people_index):
    penny, qin, ma = newsroom
    duplicate = make_person(people_index, "Qin Peng 2", "analyst")
    both = make_article(
        news_index, "Three", authors=[penny, duplicate], body=[quote("Dup.", duplicate)]
    )
    ArticleByline.objects.create(page=both, person=qin, sort_order=2)
    # A later draft quoting the duplicate, not yet published.
    draft = both.get_latest_revision_as_object()
    draft.body = [
        {"type": "quote", "value": {"text": "<p>Draft.</p>", "speaker": duplicate.pk}},
    ]
    draft.save_revision()
    old_url = duplicate.url

    merge_people(qin, duplicate)

    assert not PersonPage.objects.filter(pk=duplicate.pk).exists()
    assert list(both.article_bylines.values_list("person__title", flat=True).order_by("pk")) == [
        "Penny Zhou",
        "Qin Peng",
    ]
    assert ArticleQuotation.objects.filter(person=qin).count() == 3
    live = ArticlePage.objects.get(pk=both.pk)
    assert live.body.raw_data[0]["value"]["speaker"] == qin.pk
    latest = Page.objects.get(pk=both.pk).latest_revision
    body = latest.content["body"]
    body = json.loads(body) if isinstance(body, str) else body
    assert body[0]["value"]["speaker"] == qin.pk
    redirect = Redirect.objects.get(old_path=Redirect.normalise_path(old_url))
    assert redirect.redirect_page_id == qin.pk


def test_merge_moves_the_speakers_of_quoted_paragraphs(newsroom, news_index, people_index):
    _penny, qin, _ma = newsroom
    duplicate = make_person(people_index, "Q. Peng")
    quotation = {"text": "No.", "speaker": duplicate.pk, "speaker_name": "", "speaker_role": ""}
    article = make_article(
        news_index,
        "Quoted",
        body=[("quoted_paragraph", {"text": "<p>“No,” Peng said.</p>", "quotations": [quotation]})],
    )
    assert ArticleQuotation.objects.filter(person=duplicate, page=article).count() == 1

    merge_people(qin, duplicate)

    live = ArticlePage.objects.get(pk=article.pk)
    [block] = live.body
    assert [q["speaker"] for q in block.value["quotations"]] == [qin.specific]
    assert ArticleQuotation.objects.filter(person=qin, page=article).count() == 1


def test_merge_view(client, newsroom, people_index):
    penny, qin, ma = newsroom
    duplicate = make_person(people_index, "Q. Peng")
    client.force_login(make_user("chief", superuser=True))
    url = reverse("wagtail_newsroom_people:merge", args=[qin.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Q. Peng" in page.content.decode()
    response = client.post(url, {"duplicate": duplicate.pk})
    assert response.status_code == 302
    assert not PersonPage.objects.filter(pk=duplicate.pk).exists()


def test_merge_needs_delete_permission_on_the_duplicate(client, newsroom, people_index):
    penny, qin, ma = newsroom
    duplicate = make_person(people_index, "Q. Peng")
    # May edit profiles, may not delete them.
    client.force_login(make_user("editor", pages=[people_index], permissions=("change",)))
    url = reverse("wagtail_newsroom_people:merge", args=[qin.pk])
    assert client.post(url, {"duplicate": duplicate.pk}).status_code == 403
    assert PersonPage.objects.filter(pk=duplicate.pk).exists()
    client.force_login(make_user("outsider"))
    assert client.get(url).status_code == 403


def test_merge_leaves_a_revision_and_a_log_entry_on_each_article(
    newsroom, news_index, people_index
):
    _penny, qin, _ma = newsroom
    duplicate = make_person(people_index, "Q. Peng")
    article = make_article(
        news_index, "Quoted", authors=[duplicate], body=[quote("No.", duplicate)]
    )
    revisions = article.revisions.count()
    editor = make_user("chief", superuser=True)

    merge_people(qin, duplicate, user=editor)

    article = ArticlePage.objects.get(pk=article.pk)
    assert article.revisions.count() == revisions + 1
    assert article.live_revision == article.latest_revision and article.live
    assert article.latest_revision.user == editor
    assert [b.person_id for b in article.article_bylines.all()] == [qin.pk]
    actions = PageLogEntry.objects.filter(page=article, user=editor).values_list(
        "action", flat=True
    )
    assert {"wagtail.edit", "wagtail.publish"} <= set(actions)


def test_merge_is_refused_when_an_article_naming_the_duplicate_is_not_yours(
    client, newsroom, home, news_index, people_index
):
    _penny, qin, _ma = newsroom
    duplicate = make_person(people_index, "Q. Peng")
    desk = home.add_child(instance=NewsIndexPage(title="Other desk", slug="desk"))
    theirs = make_article(desk, "Not yours", authors=[duplicate], body=[quote("No.", duplicate)])
    revisions = theirs.revisions.count()
    # May edit and delete profiles, and edit the main news index, but not the other desk.
    client.force_login(
        make_user(
            "editor", pages=[people_index, news_index], permissions=("change", "delete", "publish")
        )
    )
    url = reverse("wagtail_newsroom_people:merge", args=[qin.pk])
    response = client.post(url, {"duplicate": duplicate.pk}, follow=True)
    assert "you may not edit these articles that name them: Not yours" in response.content.decode()
    assert PersonPage.objects.filter(pk=duplicate.pk).exists()
    assert theirs.revisions.count() == revisions
    assert [b.person_id for b in ArticlePage.objects.get(pk=theirs.pk).article_bylines.all()] == [
        duplicate.pk
    ]


def test_merge_finds_a_byline_only_a_draft_has(newsroom, news_index, people_index):
    penny, qin, _ma = newsroom
    duplicate = make_person(people_index, "Q. Peng")
    article = make_article(news_index, "Drafted", authors=[penny])
    draft = article.get_latest_revision_as_object()
    draft.article_bylines.add(ArticleByline(person=duplicate, sort_order=1))
    draft.save_revision()

    merge_people(qin, duplicate)

    latest = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert [b.person_id for b in latest.article_bylines.all()] == [penny.pk, qin.pk]


def test_merge_finds_references_through_the_reference_index(newsroom, news_index, people_index):
    """A speaker the quotation rows do not list (a site's own block, say) is still found."""
    _penny, qin, _ma = newsroom
    duplicate = make_person(people_index, "Q. Peng")
    article = make_article(news_index, "Indexed", body=[quote("Yes.", duplicate)])
    ArticleQuotation.objects.filter(page=article).delete()

    merge_people(qin, duplicate)

    assert ArticlePage.objects.get(pk=article.pk).body.raw_data[0]["value"]["speaker"] == qin.pk


def test_the_listing_offers_adding_a_person_and_merging_to_who_may_edit(
    client, newsroom, news_index, people_index
):
    penny, qin, _ma = newsroom
    client.force_login(make_user("desk", pages=[people_index]))
    html = client.get(reverse("wagtail_newsroom_people:index")).content.decode()
    assert reverse("wagtail_newsroom_people:choose_parent") in html
    assert reverse("wagtail_newsroom_people:merge", args=[qin.pk]) in html
    response = client.get(reverse("wagtail_newsroom_people:choose_parent"))
    assert response.status_code == 302  # one people index: straight to its add form
    assert str(people_index.pk) in response.url

    client.force_login(make_user("viewer", pages=[people_index], permissions=("add",)))
    html = client.get(reverse("wagtail_newsroom_people:index")).content.decode()
    assert "Penny Zhou" in html
    assert reverse("wagtail_newsroom_people:merge", args=[qin.pk]) not in html


def test_the_duplicate_is_chosen_with_the_person_chooser(admin_client, newsroom):
    _penny, qin, _ma = newsroom
    html = admin_client.get(reverse("wagtail_newsroom_people:merge", args=[qin.pk])).content
    form = BeautifulSoup(html, "html.parser").select_one("main form[method=post]")
    assert form.select_one("select") is None
    chooser = form.select_one("[data-chooser-url]") or form.select_one("[data-chooser-url-value]")
    assert reverse("wagtail_newsroom_person_chooser:choose") in str(chooser)
