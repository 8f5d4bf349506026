from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def record_article_dates(apps, schema_editor):
    """Bylines and quotations get their article's date: that of every article model, a site's
    own too, known as the page models with a ``published_at``."""
    rows = [apps.get_model("wagtail_newsroom", name) for name in ("ArticleByline", "ArticleQuotation")]
    for model in apps.get_models():
        fields = {field.name for field in model._meta.concrete_fields}
        if not {"path", "published_at"} <= fields:
            continue
        date = model.objects.filter(pk=OuterRef("page_id")).values("published_at")
        for row in rows:
            row.objects.filter(page_id__in=model.objects.values("pk")).update(
                published_at=Subquery(date)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_newsroom", "0011_byline_role"),
    ]

    operations = [
        migrations.AddField(
            model_name="articlebyline",
            name="published_at",
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="articlequotation",
            name="published_at",
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name="articlebyline",
            index=models.Index(
                fields=["person", "-published_at", "-page"], name="articlebyline_by_person"
            ),
        ),
        migrations.AddIndex(
            model_name="articlequotation",
            index=models.Index(
                fields=["person", "-published_at", "-page"], name="articlequotation_by_person"
            ),
        ),
        migrations.RunPython(record_article_dates, migrations.RunPython.noop),
    ]
