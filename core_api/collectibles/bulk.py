"""Bulk edit: change or delete many of a vendor's items in one all-or-nothing operation."""

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet

from .choices import BulkItemStatus, MovementReason
from .errors import ItemsNotFound, TooManyItems
from .history import recorded_operation
from .models import Collectible
from .writes import ItemChange, Ledger, items_delete, items_update, lock_items


def bulk_target_ids(
    visible: "QuerySet[Collectible]",
    *,
    ids: list[int] | None = None,
    matching: "QuerySet[Collectible] | None" = None,
) -> list[int]:
    """The items a bulk request targets: the given `ids`, all of which must be
    among `visible` (the caller's items), or every item `matching` a filter.
    Refuses more than BULK_EDIT_MAX_ROWS before anything is locked."""
    limit = settings.BULK_EDIT_MAX_ROWS
    if ids is not None:
        wanted = list(dict.fromkeys(ids))
        found = set(visible.filter(pk__in=wanted).values_list("pk", flat=True))
        if len(found) != len(wanted):
            raise ItemsNotFound(
                [
                    {"id": pk, "status": BulkItemStatus.OK if pk in found else BulkItemStatus.NOT_FOUND}
                    for pk in wanted
                ]
            )
        targets = wanted
    elif matching is not None:
        targets = list(matching.values_list("pk", flat=True)[: limit + 1])
    else:
        raise TypeError("bulk_target_ids needs `ids` or `matching`")
    if len(targets) > limit:
        raise TooManyItems(limit)
    return targets


@dataclass
class BulkOutcome:
    count: int
    results: list[dict[str, Any]] = field(default_factory=list)


@transaction.atomic
def collectibles_bulk_update(*, ids: list[int], changes: dict[str, Any], actor: User) -> BulkOutcome:
    """Set `changes` on every item in `ids` (already checked to be the caller's;
    one deleted since is skipped)."""
    with recorded_operation(user=actor, label="Bulk edit") as operation:
        items = list(lock_items(ids, missing_ok=True).values())
        items_update(
            [ItemChange(item, changes) for item in items],
            operation=operation,
            ledger=Ledger(MovementReason.CORRECTION, "Bulk edit"),
        )
    return BulkOutcome(len(items), [{"id": item.pk, "status": BulkItemStatus.UPDATED} for item in items])


@transaction.atomic
def collectibles_bulk_delete(*, ids: list[int], actor: User) -> BulkOutcome:
    with recorded_operation(user=actor, label="Bulk delete") as operation:
        items = lock_items(ids, with_card_details=True, missing_ok=True)
        items_delete(list(items.values()), operation=operation)
    return BulkOutcome(len(items), [{"id": pk, "status": BulkItemStatus.DELETED} for pk in items])
