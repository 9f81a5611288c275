"""Import a file: preview (parse and classify, touching no inventory), commit (apply
every valid row in one transaction), roll back (restore exactly the pre-import state).

Everything works in chunks with bulk queries, so a 100,000-row file is read in
bounded memory and never costs a query per row.
"""

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from itertools import islice
from typing import IO, Any, TypeVar, cast

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import Vendor
from collectibles.choices import (
    Game,
    MovementReason,
)
from collectibles.history import Operation, recorded_operation
from collectibles.models import CARD_DETAILS_FIELDS, Collectible
from collectibles.rules import card_details_problems, collectible_problems
from collectibles.writes import (
    ITEM_FIELDS,
    UNSET,
    ItemChange,
    ItemsChanged,
    Ledger,
    Mode,
    NewItem,
    SkuTaken,
    items_create,
    items_delete,
    items_update,
    lock_items,
)
from common.bulk_sql import copy_insert, copy_update

from .csv_source import FileRejected, SourceRow, open_csv
from .formats.base import ImportContext, ParsedRow, RowErrors
from .matching import (
    MARKETPLACE_KEYS,
    ExistingItems,
    NaturalKey,
    WantedRow,
    find_existing,
    items_created_since,
    row_natural_key,
)
from .models import BatchStatus, ImportBatch, ImportMode, ImportRow, RowOutcome

CHUNK = 5000
# Columns written for each row (the primary key left out: the database numbers the rows).
IMPORT_ROW_COLUMNS = (
    "batch", "line", "raw", "outcome", "errors", "data", "changes", "collectible", "matched_version",
    "before", "committed_version",
)  # fmt: skip
T = TypeVar("T")


class ImportConflict(Exception):  # noqa: N818
    """The batch cannot be committed or rolled back as asked; `items` says which rows and why."""

    def __init__(self, message: str, items: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.items = items or []


def chunked(items: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


# --- JSON-friendly values for ImportRow.data / .before ---------------------------


def _to_json(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _from_json(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in ("price", "grade"):
        return Decimal(value)
    if name == "release_date":
        return dt.date.fromisoformat(value)
    return value


def snapshot(item: Collectible) -> dict[str, Any]:
    """What an item is, in the JSON form rows store (`before`, and matching state)."""
    details = getattr(item, "card_details", None)
    return {
        "fields": {name: _to_json(getattr(item, name)) for name in ITEM_FIELDS}
        | {"external_ids": item.external_ids if isinstance(item.external_ids, dict) else {}},
        "card_details": None
        if details is None
        else {name: _to_json(getattr(details, name)) for name in CARD_DETAILS_FIELDS},
    }


# --- validation of a row's final state (fast: no model instances per row) --------


def state_problems(state: dict[str, Any]) -> dict[str, list[str]]:
    """The API's rules (collectibles/rules.py), checked on the state a row would leave an item in."""
    problems = collectible_problems(state["fields"])
    if state.get("card_details") is not None:
        problems |= card_details_problems(state["card_details"])
    return problems


# --- preview -----------------------------------------------------------------------


@dataclass
class _Classified:
    outcome: str
    data: dict[str, Any]
    errors: dict[str, list[str]]
    changes: dict[str, list[Any]]
    item: Collectible | None


def _final_state(parsed: ParsedRow, item: Collectible | None, mode: str) -> dict[str, Any]:
    """The state the row leaves the item in (a new item when `item` is None).

    Only what the row says changes an item: blank cells and missing columns keep
    its values. Defaults fill in what a row does not say only for a new item.
    """
    if item is None:
        card = parsed.card_details_over(None)
        return {
            "fields": {name: _to_json(value) for name, value in parsed.new_item_fields().items()}
            | {"external_ids": dict(parsed.external_ids)},
            "card_details": None
            if card is None
            else {name: _to_json(card.get(name)) for name in CARD_DETAILS_FIELDS},
        }
    state = snapshot(item)
    current_quantity = state["fields"]["quantity"]
    state["fields"].update({name: _to_json(value) for name, value in parsed.collectible_fields().items()})
    if mode == ImportMode.ADD:
        state["fields"]["quantity"] = current_quantity + parsed.quantity
    state["fields"]["external_ids"] = _merged_ids(state["fields"]["external_ids"], parsed.external_ids)
    card = parsed.card_details_over(state["card_details"])
    if card is not None:
        state["card_details"] = {name: _to_json(card.get(name)) for name in CARD_DETAILS_FIELDS}
    return state


def _merged_ids(current: dict[str, Any], incoming: dict[str, str]) -> dict[str, Any]:
    """The item's marketplace ids with the row's added. A CSV cell is text: an id
    the item stores as a number (the API accepts both) and the file repeats is
    the same id, and stays as stored."""
    merged = dict(current)
    for key, value in incoming.items():
        if key not in merged or str(merged[key]) != value:
            merged[key] = value
    return merged


def _changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    changes = {
        name: [before["fields"].get(name), value]
        for name, value in after["fields"].items()
        if before["fields"].get(name) != value
    }
    old_card, new_card = before.get("card_details") or {}, after.get("card_details") or {}
    for name in CARD_DETAILS_FIELDS:
        if old_card.get(name) != new_card.get(name):
            changes[f"card_details.{name}"] = [old_card.get(name), new_card.get(name)]
    return changes


def _classify(parsed: ParsedRow, item: Collectible | None, mode: str) -> _Classified:
    state = _final_state(parsed, item, mode)
    problems = state_problems(state)
    if problems:
        return _Classified(RowOutcome.ERROR, state, problems, {}, item)
    if item is None:
        return _Classified(RowOutcome.CREATE, state, {}, {}, None)
    changes = _changes(snapshot(item), state)
    return _Classified(RowOutcome.UPDATE if changes else RowOutcome.UNCHANGED, state, {}, changes, item)


def _identity(parsed: ParsedRow) -> tuple[str, ...] | None:
    if parsed.sku:
        return ("sku", parsed.sku)
    for key in MARKETPLACE_KEYS:
        if parsed.external_ids.get(key):
            return ("id", key, parsed.external_ids[key])
    natural = _natural_key(parsed)
    return ("card", *natural) if natural else None


def _natural_key(parsed: ParsedRow) -> NaturalKey | None:
    """A row's card identity, as the item it would create: what the row does not say
    takes the new-item default (a blank condition looks for Near Mint)."""
    return row_natural_key(parsed.card_details_over(None), parsed.new_condition)


@transaction.atomic
def import_preview(
    *,
    vendor: Vendor,
    user: User,
    stream: IO[bytes],
    size: int,
    filename: str,
    forced_format: str | None = None,
    mode: str = ImportMode.SET,
    default_game: str | None = None,
) -> ImportBatch:
    """Read the file and record what each row would do. Touches no inventory.

    Raises FileRejected when the file as a whole cannot be used.
    """
    source = open_csv(stream, size, forced_format)
    batch = ImportBatch.objects.create(
        vendor=vendor,
        created_by=user,
        filename=filename[:255],
        format=source.format.name,
        encoding=source.encoding,
        mode=mode,
    )
    context = ImportContext(
        vendor_currency=vendor.default_currency, default_game=Game(default_game) if default_game else None
    )
    seen_identities: dict[tuple[str, ...], int] = {}
    seen_items: dict[int, int] = {}
    counts = dict.fromkeys(RowOutcome.values, 0)
    for chunk in chunked(source.rows()):
        parsed_rows: list[tuple[SourceRow, ParsedRow | None, dict[str, list[str]]]] = []
        for source_row in chunk:
            try:
                parsed_rows.append((source_row, source.format.parse(source_row.values, context), {}))
            except RowErrors as invalid:
                parsed_rows.append((source_row, None, invalid.errors))
        existing = find_existing(
            vendor.pk,
            (
                WantedRow(
                    sku=parsed.sku,
                    external_ids=parsed.external_ids,
                    natural_key=_natural_key(parsed),
                    card_number=str((parsed.card_details or {}).get("card_number") or ""),
                )
                for _, parsed, _ in parsed_rows
                if parsed is not None
            ),
        )
        rows = [
            _preview_row(batch, source_row, parsed, errors, existing, mode, seen_identities, seen_items)
            for source_row, parsed, errors in parsed_rows
        ]
        copy_insert(ImportRow, rows, IMPORT_ROW_COLUMNS)
        for row in rows:
            counts[row.outcome] += 1
    if not sum(counts.values()):
        raise FileRejected("The file has a header row but no data rows.")
    batch.total_rows = sum(counts.values())
    batch.create_count = counts[RowOutcome.CREATE]
    batch.update_count = counts[RowOutcome.UPDATE]
    batch.unchanged_count = counts[RowOutcome.UNCHANGED]
    batch.error_count = counts[RowOutcome.ERROR]
    batch.save()
    return batch


def _preview_row(
    batch: ImportBatch,
    source_row: SourceRow,
    parsed: ParsedRow | None,
    errors: dict[str, list[str]],
    existing: ExistingItems,
    mode: str,
    seen_identities: dict[tuple[str, ...], int],
    seen_items: dict[int, int],
) -> ImportRow:
    row = ImportRow(batch=batch, line=source_row.line, raw=source_row.values)
    if parsed is None:
        row.outcome, row.errors = RowOutcome.ERROR, errors
        return row
    identity = _identity(parsed)
    if identity is not None and identity in seen_identities:
        row.outcome = RowOutcome.ERROR
        row.errors = {"row": [f"Duplicate: the same item as line {seen_identities[identity]}."]}
        return row
    if identity is not None:
        seen_identities[identity] = source_row.line
    item = existing.match(
        WantedRow(
            sku=parsed.sku,
            external_ids=parsed.external_ids,
            natural_key=_natural_key(parsed),
            card_number="",
        )
    )
    if item is not None and item.pk in seen_items:
        row.outcome = RowOutcome.ERROR
        row.errors = {"row": [f"Duplicate: line {seen_items[item.pk]} already updates the same item."]}
        return row
    classified = _classify(parsed, item, mode)
    row.outcome, row.data, row.errors, row.changes = (
        classified.outcome,
        classified.data,
        classified.errors,
        classified.changes,
    )
    if item is not None:
        seen_items[item.pk] = source_row.line
        row.collectible_id, row.matched_version = item.pk, item.version
    return row


# --- commit --------------------------------------------------------------------------


def _change(item: Collectible, state: dict[str, Any], *, drop_card_details: bool) -> ItemChange:
    """The change that gives `item` a stored state (a row's `data`, or its `before`). A state
    without card details removes the item's (`drop_card_details`, a rollback) or leaves them."""
    fields = {name: _from_json(name, value) for name, value in state["fields"].items()}
    card = state.get("card_details")
    if card is None:
        return ItemChange(item, fields, None if drop_card_details else UNSET)
    return ItemChange(item, fields, {name: _from_json(name, card.get(name)) for name in CARD_DETAILS_FIELDS})


def _ledger(batch: ImportBatch, note: str) -> Ledger:
    return Ledger(MovementReason.IMPORT, note, batch.pk)


def _locked_batch(batch: ImportBatch, expected: str, verb: str) -> ImportBatch:
    locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if locked.status != expected:
        raise ImportConflict(
            f"Import #{locked.pk} is {locked.get_status_display().lower()}; it cannot be {verb}."
        )
    return locked


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
    batch = _locked_batch(batch, BatchStatus.PREVIEW, "committed")
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
        changes.append(_change(item, row.data, drop_card_details=False))
    # A row may give an item a SKU that another item took after the preview
    # (the preview matched by marketplace id or card identity, not by that SKU).
    with _sku_taken_is_a_conflict():
        items_update(changes, operation=operation, ledger=_ledger(batch, batch.label), mode=Mode.COPY)
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
            {name: _from_json(name, value) for name, value in row.data["fields"].items()},
            None
            if row.data.get("card_details") is None
            else {name: _from_json(name, row.data["card_details"].get(name)) for name in CARD_DETAILS_FIELDS},
        )
        for row in rows
    ]
    with _sku_taken_is_a_conflict():
        ids = items_create(
            new,
            vendor_id=batch.vendor_id,
            operation=operation,
            ledger=_ledger(batch, batch.label),
            mode=Mode.COPY,
        )
    for row, pk in zip(rows, ids, strict=True):
        row.collectible_id, row.committed_version = pk, 1
    copy_update(ImportRow, rows, ["collectible", "committed_version"])


# --- rollback ---------------------------------------------------------------------


@transaction.atomic
def import_rollback(*, batch: ImportBatch, user: User) -> ImportBatch:
    """Put back exactly what the batch changed: remove the items it created, restore
    the items it updated. Refuses (409, nothing done) when an item changed after the
    import, since restoring it would overwrite that later change.

    Two passes over the batch, a chunk at a time: the first locks every item and
    collects conflicts (so nothing is applied unless everything can be), the
    second applies.
    """
    batch = _locked_batch(batch, BatchStatus.COMMITTED, "rolled back")
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
        items, operation=operation, ledger=_ledger(batch, f"{batch.label} rolled back"), mode=Mode.COPY
    )


def _restore_updated(
    batch: ImportBatch, rows: list[ImportRow], items: dict[int, Collectible], operation: Operation
) -> None:
    changes = [
        _change(items[row.collectible_id], row.before or {}, drop_card_details=True)  # type: ignore[index]
        for row in rows
    ]
    items_update(
        changes, operation=operation, ledger=_ledger(batch, f"{batch.label} rolled back"), mode=Mode.COPY
    )


def discard_preview(*, batch: ImportBatch) -> None:
    """Forget a batch that was never committed."""
    with transaction.atomic():
        batch = _locked_batch(batch, BatchStatus.PREVIEW, "discarded")
        batch.delete()
