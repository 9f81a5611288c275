"""Loading price files: a day's snapshot of a source replaces that day's, history stays."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import IO

from django.db import transaction
from django.utils import timezone

from accounts.models import Vendor

from .choices import PriceSource
from .models import FIGURES, PriceSnapshot
from .sources import READERS, PriceRow, Skip
from .sources.cardmarket import created_on

DEFAULT_BATCH_SIZE = 2_000
KEY_FIELDS = ["vendor", "source", "marketplace", "product_id", "finish", "condition", "currency", "date"]


@dataclass
class PriceLoad:
    """What a load did: rows stored, that day's earlier rows replaced, why records were skipped."""

    source: str
    date: date
    loaded: int = 0
    replaced: int = 0
    skipped: Counter[str] = field(default_factory=Counter)


def prices_load(
    *,
    source: str,
    stream: IO[bytes],
    on: date | None = None,
    vendor: Vendor | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> PriceLoad:
    """Store the prices in `stream` (a file in `source`'s format) as the snapshot of day `on`.

    The day defaults to the file's own date where it has one (Cardmarket's `createdAt`),
    else today. The previous snapshot of that source and day (of that vendor, or the
    shared one) is replaced as a whole, in one transaction: a file loaded twice, or a
    corrected file, leaves exactly one snapshot of the day and nothing half-loaded.
    """
    read = READERS[source]
    if on is None and source == PriceSource.CARDMARKET:
        on = created_on(stream)
        stream.seek(0)
    load = PriceLoad(source=source, date=on or timezone.localdate())
    with transaction.atomic():
        load.replaced, _ = PriceSnapshot.objects.filter(vendor=vendor, source=source, date=load.date).delete()
        batch: dict[tuple[str, ...], PriceSnapshot] = {}
        for record in read(stream):
            if isinstance(record, Skip):
                load.skipped[record.reason] += 1
                continue
            key = (record.marketplace, record.product_id, record.finish, record.condition, record.currency)
            if key in batch:
                load.skipped["repeated in the file (the last one counts)"] += 1
            batch[key] = _snapshot(record, source=source, on=load.date, vendor=vendor)
            if len(batch) >= batch_size:
                load.loaded += _store(batch)
        load.loaded += _store(batch)
    return load


def _snapshot(record: PriceRow, *, source: str, on: date, vendor: Vendor | None) -> PriceSnapshot:
    return PriceSnapshot(
        vendor=vendor,
        source=source,
        marketplace=record.marketplace,
        product_id=record.product_id,
        finish=record.finish,
        condition=record.condition,
        currency=record.currency,
        date=on,
        **{figure: record.figures.get(figure) for figure in FIGURES},
    )


def _store(batch: dict[tuple[str, ...], PriceSnapshot]) -> int:
    """Write a batch; a product repeated in an earlier batch of the same file is overwritten."""
    rows = list(batch.values())
    batch.clear()
    if rows:
        PriceSnapshot.objects.bulk_create(
            rows, update_conflicts=True, unique_fields=KEY_FIELDS, update_fields=list(FIGURES)
        )
    return len(rows)
