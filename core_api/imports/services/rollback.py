"""Import rollback: put back exactly what a committed batch changed, or refuse."""

from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from collectibles.history import Operation, recorded_operation
from collectibles.models import Collectible
from collectibles.writes import Mode, items_delete, items_update

from ..errors import ImportConflict
from ..models import BatchStatus, ImportBatch, ImportRow, RowOutcome
from .state import change_to, chunked, ledger_of, locked_batch


@transaction.atomic
def import_rollback(*, batch: ImportBatch, user: User) -> ImportBatch:
    """Put back exactly what the batch changed: remove the items it created, restore
    the items it updated. Refuses (409, nothing done) when an item changed after the
    import, since restoring it would overwrite that later change.

    Two passes over the batch, a chunk at a time: the first locks every item and
    collects conflicts (so nothing is applied unless everything can be), the
    second applies.
    """
    batch = locked_batch(batch, BatchStatus.COMMITTED, "rolled back")
    applied = batch.rows.filter(
        outcome__in=[RowOutcome.CREATE, RowOutcome.UPDATE], committed_version__isnull=False
    ).order_by("line")
    conflicts: list[dict[str, Any]] = []
    states = applied.values_list("line", "outcome", "collectible_id", "committed_version")
    for state_chunk in chunked(states.iterator()):
        versions = dict(
            Collectible.objects.select_for_update()
            .filter(pk__in=[pk for _, _, pk, _ in state_chunk])
            .order_by("pk")
            .values_list("pk", "version")
        )
        for line, outcome, pk, committed_version in state_chunk:
            if pk not in versions and outcome == RowOutcome.UPDATE:
                conflicts.append(
                    {"line": line, "collectible": pk, "name": None, "reason": "deleted since the import"}
                )
            elif pk in versions and versions[pk] != committed_version:
                conflicts.append(
                    {
                        "line": line,
                        "collectible": pk,
                        "reason": f"changed since the import (version {committed_version} → {versions[pk]})",
                    }
                )
    if conflicts:
        names: dict[int, str] = dict(
            Collectible.objects.filter(pk__in=[c["collectible"] for c in conflicts]).values_list("pk", "name")
        )
        for conflict in conflicts:
            conflict["name"] = names.get(conflict["collectible"])
        raise ImportConflict(
            f"{len(conflicts)} item(s) changed after this import; "
            "rolling back would overwrite those changes.",
            conflicts,
        )
    with recorded_operation(user=user, label=f"{batch.label} rolled back") as operation:
        rows = applied.only("batch", "line", "outcome", "collectible", "before")
        for chunk in chunked(rows.filter(outcome=RowOutcome.CREATE).iterator()):
            created = Collectible.objects.select_related("card_details").filter(
                pk__in=[row.collectible_id for row in chunk]
            )
            _remove_created(batch, list(created), operation)
        for chunk in chunked(rows.filter(outcome=RowOutcome.UPDATE).iterator()):
            items = Collectible.objects.select_related("card_details").in_bulk(
                [row.collectible_id for row in chunk]
            )
            _restore_updated(batch, chunk, items, operation)
    batch.status = BatchStatus.ROLLED_BACK
    batch.rolled_back_at, batch.rolled_back_by = timezone.now(), user
    batch.save(update_fields=["status", "rolled_back_at", "rolled_back_by"])
    return batch


def _remove_created(batch: ImportBatch, items: list[Collectible], operation: Operation) -> None:
    """Delete the items the import created; their stock leaves the ledger as an import reversal."""
    items_delete(
        items, operation=operation, ledger=ledger_of(batch, f"{batch.label} rolled back"), mode=Mode.COPY
    )


def _restore_updated(
    batch: ImportBatch, rows: list[ImportRow], items: dict[int, Collectible], operation: Operation
) -> None:
    changes = [
        change_to(items[row.collectible_id], row.before or {}, drop_card_details=True)  # type: ignore[index]
        for row in rows
    ]
    items_update(
        changes, operation=operation, ledger=ledger_of(batch, f"{batch.label} rolled back"), mode=Mode.COPY
    )
