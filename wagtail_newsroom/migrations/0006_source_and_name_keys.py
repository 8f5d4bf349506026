import unicodedata

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# Wagtail 8 made the page model swappable; the 7.0 LTS has no such setting.
PAGE_MODEL = getattr(settings, "WAGTAIL_PAGE_MODEL", "wagtailcore.Page")


def name_key(name):
    # As ``models.people.name_key`` does today; a migration keeps its own copy.
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def parents_by_path(Page, pages):
    paths = {page.path[:-4] for page in pages}
    return dict(Page.objects.filter(path__in=paths).values_list("path", "pk"))


def keep_first(rows, key, field, blank):
    """Record each row's key; where two rows of one index share it, the later is blanked."""
    seen = set()
    for row in rows:
        if key(row) in seen:
            setattr(row, field, blank)
        seen.add(key(row))


def record_source_index(apps, schema_editor):
    """An imported article's index is the page it was imported under: its parent. Where two
    articles under one index share a source path (two spellings of one file once made two
    pages), the later loses the path, so the constraint can be added; it keeps its fingerprint."""
    ArticlePage = apps.get_model("wagtail_newsroom", "ArticlePage")
    Page = apps.get_model("wagtailcore", "Page")
    articles = list(ArticlePage.objects.exclude(source_path="").order_by("pk"))
    parents = parents_by_path(Page, articles)
    for article in articles:
        article.source_index_id = parents.get(article.path[:-4])
    keep_first(articles, lambda a: (a.source_index_id, a.source_path), "source_path", "")
    ArticlePage.objects.bulk_update(articles, ["source_index", "source_path"], batch_size=500)


def record_name_keys(apps, schema_editor):
    """Profiles get their name's key and their index. Profiles that already share a name in
    one index (SQLite folded only ASCII case, so "Łukasz Wróbel" was made again and again) keep
    it only on the first: merge the others into it in the people admin."""
    PersonPage = apps.get_model("wagtail_newsroom", "PersonPage")
    Page = apps.get_model("wagtailcore", "Page")
    people = list(PersonPage.objects.order_by("pk"))
    parents = parents_by_path(Page, people)
    for person in people:
        person.people_index_id = parents.get(person.path[:-4])
        person.name_key = name_key(person.title)
    keep_first(people, lambda p: (p.people_index_id, p.name_key), "name_key", "")
    PersonPage.objects.bulk_update(people, ["people_index", "name_key"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_newsroom", "0005_byline_credit"),
        migrations.swappable_dependency(PAGE_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="articlepage",
            name="source_index",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=PAGE_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="articlepage",
            name="source_path",
            field=models.CharField(blank=True, max_length=1024, verbose_name="source path"),
        ),
        migrations.AddField(
            model_name="personpage",
            name="name_key",
            field=models.CharField(blank=True, editable=False, max_length=255),
        ),
        migrations.AddField(
            model_name="personpage",
            name="people_index",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=PAGE_MODEL,
            ),
        ),
        migrations.RunPython(record_source_index, migrations.RunPython.noop),
        migrations.RunPython(record_name_keys, migrations.RunPython.noop),
    ]
