from django.db import migrations

# The order every article listing uses (``pages.NEWEST_FIRST``). PostgreSQL sorts every
# article for it without an index of the same shape; SQLite refuses NULLS LAST in an index,
# and its plain index on ``published_at`` already serves the order (its NULLs sort last in
# descending order).
INDEX = "wagtail_newsroom_articlepage_newest_first"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        table = apps.get_model("wagtail_newsroom", "ArticlePage")._meta.db_table
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "{table}" '
            '("published_at" DESC NULLS LAST, "page_ptr_id" DESC)'
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_newsroom", "0012_person_in_article_dates"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
