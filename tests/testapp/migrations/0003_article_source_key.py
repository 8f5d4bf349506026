import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# Wagtail 8 made the page model swappable; the 7.0 LTS has no such setting.
PAGE_MODEL = getattr(settings, "WAGTAIL_PAGE_MODEL", "wagtailcore.Page")


class Migration(migrations.Migration):

    dependencies = [
        ("testapp", "0002_quoted_paragraph_block"),
        ("wagtail_newsroom", "0007_unique_source_and_name"),
        migrations.swappable_dependency(PAGE_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='liveblogpage',
            name='source_index',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=PAGE_MODEL),
        ),
        migrations.AlterField(
            model_name='liveblogpage',
            name='source_path',
            field=models.CharField(blank=True, max_length=1024, verbose_name='source path'),
        ),
        migrations.AddConstraint(
            model_name='liveblogpage',
            constraint=models.UniqueConstraint(condition=models.Q(('source_path', ''), _negated=True), fields=('source_index', 'source_path'), name='testapp_liveblogpage_unique_source'),
        ),
    ]
