from importlib import import_module

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_every_model_change_has_its_migration(capsys):
    # --check exits non-zero when a model change has no migration.
    call_command("makemigrations", "--check", "--dry-run", verbosity=1)
    assert "No changes detected" in capsys.readouterr().out


@pytest.mark.django_db
def test_keys_are_recorded_and_a_shared_one_is_kept_by_the_first(news_index, people_index):
    """0006 on rows from before it: keys blank, and two profiles of one name in one index
    (as SQLite's ASCII-only LOWER() made them)."""
    from django.apps import apps

    from tests.factories import make_article, make_person
    from wagtail_newsroom.models import ArticlePage, PersonPage

    migration = import_module("wagtail_newsroom.migrations.0006_source_and_name_keys")
    first = make_person(people_index, "Łukasz Wróbel")
    second = make_person(people_index, "Marta Nowak")
    PersonPage.objects.filter(pk=second.pk).update(title="ŁUKASZ WRÓBEL")
    PersonPage.objects.update(name_key="", people_index=None)
    article = make_article(news_index, title="Ferry")
    ArticlePage.objects.filter(pk=article.pk).update(source_path="/archive/a.txt")

    migration.record_name_keys(apps, None)
    migration.record_source_index(apps, None)

    first.refresh_from_db(), second.refresh_from_db(), article.refresh_from_db()
    assert (first.name_key, first.people_index_id) == ("łukasz wróbel", people_index.pk)
    assert (second.name_key, second.people_index_id) == ("", people_index.pk)
    assert (article.source_index_id, article.source_path) == (news_index.pk, "/archive/a.txt")


@pytest.mark.django_db
def test_imported_credits_become_roles(news_index, people_index):
    """0011 on bylines from before it: the importer's words for a part become its role; a
    note such as a place stays a note."""
    from django.apps import apps

    from tests.factories import make_article, make_person
    from wagtail_newsroom.models import ArticleByline

    migration = import_module("wagtail_newsroom.migrations.0011_byline_role")
    ann, ben, cy = (make_person(people_index, name) for name in ("Ann", "Ben", "Cy"))
    article = make_article(news_index, "Ferry", authors=[ann, ben, cy])
    credits = {ann: "in Kyiv", ben: "additional reporting", cy: "Mitarbeit"}
    for person, credit in credits.items():
        ArticleByline.objects.filter(page=article, person=person).update(credit=credit)

    migration.credits_to_roles(apps, None)

    bylines = ArticleByline.objects.filter(page=article).order_by("sort_order")
    assert [(b.person.title, b.role, b.credit) for b in bylines] == [
        ("Ann", "author", "in Kyiv"),
        ("Ben", "contributor", ""),
        ("Cy", "contributor", ""),
    ]


@pytest.mark.django_db
def test_bylines_and_quotations_get_their_articles_dates(news_index, people_index):
    """0012 on rows from before it: every article model's bylines and quotations take its
    date (a site's own model's too)."""
    import datetime

    from django.apps import apps
    from django.utils import timezone

    from tests.factories import make_article, make_person, quote
    from tests.testapp.models import LiveBlogIndexPage, LiveBlogPage
    from wagtail_newsroom.models import ArticleByline, ArticlePage, ArticleQuotation

    migration = import_module("wagtail_newsroom.migrations.0012_person_in_article_dates")
    ann, qin = make_person(people_index, "Ann"), make_person(people_index, "Qin")
    live = news_index.get_parent().add_child(instance=LiveBlogIndexPage(title="Live", slug="live"))
    articles = [
        make_article(
            index, title, authors=[ann], body=[quote("Words.", qin)], model=model, published=date
        )
        for index, title, model, date in (
            (news_index, "Ferry", ArticlePage, timezone.now() - datetime.timedelta(days=3)),
            (live, "Live", LiveBlogPage, timezone.now() - datetime.timedelta(days=1)),
        )
    ]
    for model in (ArticleByline, ArticleQuotation):
        model.objects.update(published_at=None)

    migration.record_article_dates(apps, None)

    for article in articles:
        for model in (ArticleByline, ArticleQuotation):
            dates = set(model.objects.filter(page=article).values_list("published_at", flat=True))
            assert dates == {article.published_at}


@pytest.mark.django_db
def test_the_listing_order_has_an_index_where_the_database_needs_one():
    """0013: PostgreSQL gets an index in the shape of ``NEWEST_FIRST``, which it would
    otherwise sort every article for; SQLite refuses NULLS LAST in an index and serves the
    order from the one on ``published_at``."""
    from django.db import connection

    from wagtail_newsroom.models import ArticlePage

    migration = import_module("wagtail_newsroom.migrations.0013_newest_first_index_postgresql")
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, ArticlePage._meta.db_table)
    assert (migration.INDEX in indexes) == (connection.vendor == "postgresql")
    assert any(index["columns"] == ["published_at"] for index in indexes.values())
