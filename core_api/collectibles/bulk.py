"""Bulk edit: change or delete many of a vendor's items in one all-or-nothing operation."""

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from common.bulk_sql import copy_update

from .choices import BulkItemStatus, MovementReason
from .history import recorded_operation, write_snapshots
from .models import Collectible, StockMovement
from .services import delete_in_bulk

BULK_FIELDS = ("price", "quantity", "condition", "currency", "release_date", "description")


@dataclass
class BulkOutcome:
    count: int
    results: list[dict[str, Any]] = field(default_factory=list)


@transaction.atomic
def collectibles_bulk_update(*, ids: list[int], changes: dict[str, Any], actor: User) -> BulkOutcome:
    """Set `changes` on every item in `ids` (already checked to be the caller's)."""
    with recorded_operation(user=actor, label="Bulk edit") as operation:
        items = list(Collectible.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
        now = timezone.now()
        movements = []
        for item in items:
            quantity_before = item.quantity
            for name, value in changes.items():
                setattr(item, name, value)
            item.version += 1
            item.updated_at = now
            if item.quantity != quantity_before:
                movements.append(
                    StockMovement(
                        vendor_id=item.vendor_id,
                        collectible_id=item.pk,
                        user=actor,
                        delta=item.quantity - quantity_before,
                        quantity_after=item.quantity,
                        reason=MovementReason.CORRECTION,
                        note="Bulk edit",
                    )
                )
        copy_update(Collectible, items, [*changes, "version", "updated_at"])
        StockMovement.objects.bulk_create(movements, batch_size=2000)
        write_snapshots(items, "~", operation)
    return BulkOutcome(len(items), [{"id": item.pk, "status": BulkItemStatus.UPDATED} for item in items])


@transaction.atomic
def collectibles_bulk_delete(*, ids: list[int], actor: User) -> BulkOutcome:
    with recorded_operation(user=actor, label="Bulk delete") as operation:
        items = list(
            Collectible.objects.select_for_update(of=("self",))
            .select_related("card_details")
            .filter(pk__in=ids)
            .order_by("pk")
        )
        delete_in_bulk(items, operation)
    return BulkOutcome(len(items), [{"id": item.pk, "status": BulkItemStatus.DELETED} for item in items])
