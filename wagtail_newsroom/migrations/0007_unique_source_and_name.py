from django.db import migrations, models


class Migration(migrations.Migration):
    # Apart from 0006: PostgreSQL cannot alter a table in the transaction that updated its rows.
    dependencies = [("wagtail_newsroom", "0006_source_and_name_keys")]

    operations = [
        migrations.AddConstraint(
            model_name="articlepage",
            constraint=models.UniqueConstraint(
                condition=models.Q(("source_path", ""), _negated=True),
                fields=("source_index", "source_path"),
                name="wagtail_newsroom_articlepage_unique_source",
            ),
        ),
        migrations.AddConstraint(
            model_name="personpage",
            constraint=models.UniqueConstraint(
                condition=models.Q(("name_key", ""), _negated=True),
                fields=("people_index", "name_key"),
                name="wagtail_newsroom_personpage_unique_name",
            ),
        ),
    ]
