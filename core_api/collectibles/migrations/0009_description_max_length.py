"""Descriptions are at most 5,000 characters (issue 10: one bulk edit of 60 items
with huge descriptions grew the database by 286 MB).

Longer descriptions already stored are cut to 5,000 characters first (and the
item's version goes up, so a client holding the old ETag re-reads it); then a
check constraint binds every writer, not only the API's serializers.
"""

import django.db.models.functions.text
import django.db.models.lookups
from django.db import migrations, models
from django.db.models import F
from django.db.models.functions import Left, Length

MAX_DESCRIPTION_LENGTH = 5000


def cut_long_descriptions(apps, schema_editor):
    Collectible = apps.get_model("collectibles", "Collectible")
    Collectible.objects.annotate(description_length=Length("description")).filter(
        description_length__gt=MAX_DESCRIPTION_LENGTH
    ).update(description=Left("description", MAX_DESCRIPTION_LENGTH), version=F("version") + 1)


class Migration(migrations.Migration):
    dependencies = [
        ("collectibles", "0008_search_terms"),
    ]

    operations = [
        migrations.RunPython(cut_long_descriptions, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="collectible",
            name="description",
            field=models.TextField(blank=True, max_length=MAX_DESCRIPTION_LENGTH),
        ),
        migrations.AlterField(
            model_name="historicalcollectible",
            name="description",
            field=models.TextField(blank=True, max_length=MAX_DESCRIPTION_LENGTH),
        ),
        migrations.AddConstraint(
            model_name="collectible",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("description"), MAX_DESCRIPTION_LENGTH
                ),
                name="collectible_description_max_length",
            ),
        ),
    ]
