"""Import commit: apply every valid row of a preview in one transaction, or none."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import Vendor
from collectibles.history import Operation, recorded_operation
from collectibles.models import CARD_DETAILS_FIELDS
from collectibles.writes import ItemsChanged, Mode, NewItem, SkuTaken, items_create, items_update, lock_items
from common.bulk_sql import copy_update

from ..errors import ImportConflict
from ..matching import items_created_since
from ..models import BatchStatus, ImportBatch, ImportRow, RowOutcome
from .state import CHUNK, change_to, chunked, from_json, ledger_of, locked_batch, snapshot


def _rows(batch: ImportBatch, outcome: str) -> QuerySet[ImportRow]:
    # Only what the commit reads: decoding every row's raw source JSON would double its cost.
    fields = ("batch", "line", "data", "collectible", "matched_version")
    return batch.rows.filter(outcome=outcome).only(*fields).order_by("line")


@transaction.atomic
def import_commit(*, batch: ImportBatch, user: User) -> ImportBatch:
    """Apply every valid row in one transaction: all of them, or (on any failure) none.

    Rows matched an item at a given version during the preview; if any of those
    items changed since, the preview is stale and the commit refuses (409)
    instead of overwriting the later change.
    """
    batch = locked_batch(batch, BatchStatus.PREVIEW, "committed")
    _refuse_creates_that_exist_now(batch)
    with recorded_operation(user=user, label=batch.label) as operation:
        for rows in chunked(_rows(batch, RowOutcome.UPDATE).iterator(chunk_size=CHUNK)):
            _commit_updates(batch, rows, operation)
        for rows in chunked(_rows(batch, RowOutcome.CREATE).iterator(chunk_size=CHUNK)):
            _commit_creates(batch, rows, operation)
    batch.status = BatchStatus.COMMITTED
    batch.committed_at, batch.committed_by = timezone.now(), user
    batch.save(update_fields=["status", "committed_at", "committed_by"])
    return batch


MAX_LISTED_CONFLICTS = 100


def _refuse_creates_that_exist_now(batch: ImportBatch) -> None:
    """Match the create rows again, before anything is written: the same file
    previewed twice and committed twice must not create every new item twice.

    The vendor's row is locked (FOR NO KEY UPDATE: it does not block inserts that
    reference the vendor) so commits of one vendor run one at a time, and a
    concurrent commit of the same file cannot slip between this check and its inserts.
    """
    Vendor.objects.select_for_update(no_key=True).filter(pk=batch.vendor_id).get()
    creates = _rows(batch, RowOutcome.CREATE).values_list("line", "data")
    conflicts: list[dict[str, Any]] = []
    for chunk in chunked(creates.iterator(chunk_size=CHUNK)):
        conflicts += items_created_since(batch.vendor_id, chunk)
    if conflicts:
        raise ImportConflict(
            f"{len(conflicts)} row(s) would create items that exist now; upload the file again.",
            conflicts[:MAX_LISTED_CONFLICTS],
        )


def _commit_updates(batch: ImportBatch, rows: list[ImportRow], operation: Operation) -> None:
    # Update rows always name their item and the version the preview saw.
    matched = {cast(int, row.collectible_id): {cast(int, row.matched_version)} for row in rows}
    try:
        items = lock_items(matched, expected_versions=matched, with_card_details=True)
    except ItemsChanged as changed:
        names = {item.pk: item.name for item in changed.stale}
        raise ImportConflict(
            "The inventory changed since this preview; upload the file again.",
            [
                {
                    "line": row.line,
                    "collectible": row.collectible_id,
                    "name": names.get(row.collectible_id),
                    "reason": "changed or deleted since the preview",
                }
                for row in rows
                if row.collectible_id in names or row.collectible_id in changed.missing
            ],
        ) from changed
    changes = []
    for row in rows:
        item = items[row.collectible_id]  # type: ignore[index]
        row.before = snapshot(item)
        changes.append(change_to(item, row.data, drop_card_details=False))
    # A row may give an item a SKU that another item took after the preview
    # (the preview matched by marketplace id or card identity, not by that SKU).
    with _sku_taken_is_a_conflict():
        items_update(changes, operation=operation, ledger=ledger_of(batch, batch.label), mode=Mode.COPY)
    for row, change in zip(rows, changes, strict=True):
        row.committed_version = change.item.version
    copy_update(ImportRow, rows, ["before", "committed_version"])


@contextmanager
def _sku_taken_is_a_conflict() -> Iterator[None]:
    """The commit's own transaction rolls back everything it wrote; the caller hears 409."""
    try:
        yield
    except SkuTaken as taken:
        raise ImportConflict(
            "Another item took one of this file's SKUs since the preview; upload the file again."
        ) from taken


def _commit_creates(batch: ImportBatch, rows: list[ImportRow], operation: Operation) -> None:
    new = [
        NewItem(
            {name: from_json(name, value) for name, value in row.data["fields"].items()},
            None
            if row.data.get("card_details") is None
            else {name: from_json(name, row.data["card_details"].get(name)) for name in CARD_DETAILS_FIELDS},
        )
        for row in rows
    ]
    with _sku_taken_is_a_conflict():
        ids = items_create(
            new,
            vendor_id=batch.vendor_id,
            operation=operation,
            ledger=ledger_of(batch, batch.label),
            mode=Mode.COPY,
        )
    for row, pk in zip(rows, ids, strict=True):
        row.collectible_id, row.committed_version = pk, 1
    copy_update(ImportRow, rows, ["collectible", "committed_version"])
