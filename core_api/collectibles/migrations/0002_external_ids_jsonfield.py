"""external_ids: JSON text in a TextField (legacy) → JSONField.

Forwards keeps every valid object, keeps the valid entries of objects that
break the rules, and coerces blank, malformed and non-object text to {},
logging each coerced row id (logger `collectibles.migrations`). Backwards
writes the objects back as JSON text (json.dumps); text that was malformed
before the forward run is not recoverable, which is why the forward run logs
it (docs/ci-secrets-and-migrations.md: run `audit_external_ids` first).

Rows are converted in batches so a large table never sits in memory at once.
"""

import json
import logging

from django.db import migrations, models

import collectibles.validators
from collectibles.external_ids import read_external_ids

logger = logging.getLogger("collectibles.migrations")

BATCH_SIZE = 2000


def text_to_json(apps, schema_editor):
    Collectible = apps.get_model("collectibles", "Collectible")
    rows = Collectible.objects.only("pk", "external_ids").order_by("pk")
    batch = []
    coerced = 0
    for row in rows.iterator(chunk_size=BATCH_SIZE):
        reading = read_external_ids(row.external_ids)
        if reading.coerced:
            coerced += 1
            logger.warning(
                "external_ids of collectible %s coerced to %s (%s: %s)",
                row.pk,
                json.dumps(reading.cleaned),
                reading.state,
                reading.reason,
            )
        row.external_ids_json = reading.cleaned
        batch.append(row)
        if len(batch) >= BATCH_SIZE:
            Collectible.objects.bulk_update(batch, ["external_ids_json"])
            batch = []
    if batch:
        Collectible.objects.bulk_update(batch, ["external_ids_json"])
    if coerced:
        logger.warning("external_ids: %s row(s) coerced while converting to JSON", coerced)


def json_to_text(apps, schema_editor):
    Collectible = apps.get_model("collectibles", "Collectible")
    rows = Collectible.objects.only("pk", "external_ids_json").order_by("pk")
    batch = []
    for row in rows.iterator(chunk_size=BATCH_SIZE):
        row.external_ids = json.dumps(row.external_ids_json or {})
        batch.append(row)
        if len(batch) >= BATCH_SIZE:
            Collectible.objects.bulk_update(batch, ["external_ids"])
            batch = []
    if batch:
        Collectible.objects.bulk_update(batch, ["external_ids"])


class Migration(migrations.Migration):
    dependencies = [("collectibles", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="collectible",
            name="external_ids_json",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(text_to_json, json_to_text, elidable=False),
        migrations.RemoveField(model_name="collectible", name="external_ids"),
        migrations.RenameField(
            model_name="collectible", old_name="external_ids_json", new_name="external_ids"
        ),
        migrations.AlterField(
            model_name="collectible",
            name="external_ids",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text='Marketplace ids, e.g. {"tcgplayer": "83712", "cardmarket": "273699"}.',
                validators=[collectibles.validators.validate_external_ids],
            ),
        ),
    ]
