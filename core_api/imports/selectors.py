"""Reads of import batches and their rows."""

from typing import Any

from django.db.models import QuerySet

from .models import ImportBatch, ImportRow, RowOutcome


def import_batches_of(vendor_id: int | None) -> QuerySet[ImportBatch]:
    """A vendor's import batches, with who made, committed and rolled back each (none without a vendor)."""
    if vendor_id is None:
        return ImportBatch.objects.none()
    return ImportBatch.objects.filter(vendor_id=vendor_id).select_related(
        "created_by", "committed_by", "rolled_back_by"
    )


def items_of_import_batch(batch_id: int) -> QuerySet[Any]:
    """Ids of the items an import batch created or updated (vendor scoping is the caller's queryset).

    Registered with collectibles (imports/apps.py) for the list's `import_batch` filter.
    """
    return ImportRow.objects.filter(
        batch_id=batch_id, outcome__in=[RowOutcome.CREATE, RowOutcome.UPDATE], collectible__isnull=False
    ).values("collectible_id")
