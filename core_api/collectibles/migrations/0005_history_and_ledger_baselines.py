"""Give rows that existed before 0004 a starting point in the new records.

- change history: one "created" snapshot per existing collectible and card
  details, labelled "History started", so every item has a first entry;
- stock ledger: one opening movement per collectible with stock, so the
  movements of every item add up to its quantity from day one.

Reversible: backwards deletes exactly these baseline rows.
"""

from django.db import migrations
from django.utils import timezone

BATCH_SIZE = 2000
HISTORY_LABEL = "History started"
OPENING_NOTE = "Opening balance when stock movements started"


def _snapshot(historical_model, instance, now):
    values = {field.attname: getattr(instance, field.attname) for field in instance._meta.concrete_fields}
    return historical_model(
        history_date=now,
        history_type="+",
        history_change_reason=HISTORY_LABEL,
        **values,
    )


def create_baselines(apps, schema_editor):
    now = timezone.now()
    Collectible = apps.get_model("collectibles", "Collectible")
    CardDetails = apps.get_model("collectibles", "CardDetails")
    StockMovement = apps.get_model("collectibles", "StockMovement")
    for model_name, model in (("HistoricalCollectible", Collectible), ("HistoricalCardDetails", CardDetails)):
        historical = apps.get_model("collectibles", model_name)
        batch = []
        for instance in model.objects.order_by("pk").iterator(chunk_size=BATCH_SIZE):
            batch.append(_snapshot(historical, instance, now))
            if len(batch) >= BATCH_SIZE:
                historical.objects.bulk_create(batch)
                batch = []
        historical.objects.bulk_create(batch)
    movements = []
    stocked = Collectible.objects.filter(quantity__gt=0).order_by("pk")
    for pk, vendor_id, quantity in stocked.values_list("pk", "vendor_id", "quantity").iterator(
        chunk_size=BATCH_SIZE
    ):
        movements.append(
            StockMovement(
                collectible_id=pk,
                vendor_id=vendor_id,
                delta=quantity,
                quantity_after=quantity,
                reason="correction",
                note=OPENING_NOTE,
            )
        )
        if len(movements) >= BATCH_SIZE:
            StockMovement.objects.bulk_create(movements)
            movements = []
    StockMovement.objects.bulk_create(movements)


def delete_baselines(apps, schema_editor):
    for model_name in ("HistoricalCollectible", "HistoricalCardDetails"):
        apps.get_model("collectibles", model_name).objects.filter(
            history_change_reason=HISTORY_LABEL, history_user__isnull=True
        ).delete()
    apps.get_model("collectibles", "StockMovement").objects.filter(
        note=OPENING_NOTE, user__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("collectibles", "0004_stock_movements_history_version")]

    operations = [migrations.RunPython(create_baselines, delete_baselines, elidable=False)]
