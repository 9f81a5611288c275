"""Import preview: read the file and record what each row would do, touching no inventory."""

from dataclasses import dataclass
from typing import IO, Any

from django.contrib.auth.models import User
from django.db import transaction

from accounts.models import Vendor
from collectibles.choices import Game
from collectibles.models import CARD_DETAILS_FIELDS, Collectible
from common.bulk_sql import copy_insert

from ..csv_source import SourceRow, open_csv
from ..errors import FileRejected
from ..formats.base import ImportContext, ParsedRow, RowErrors
from ..matching import MARKETPLACE_KEYS, ExistingItems, NaturalKey, WantedRow, find_existing, row_natural_key
from ..models import BatchStatus, ImportBatch, ImportMode, ImportRow, RowOutcome
from .state import chunked, locked_batch, snapshot, state_problems, to_json

# Columns written for each row (the primary key left out: the database numbers the rows).
IMPORT_ROW_COLUMNS = (
    "batch", "line", "raw", "outcome", "errors", "data", "changes", "collectible", "matched_version",
    "before", "committed_version",
)  # fmt: skip


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
            "fields": {name: to_json(value) for name, value in parsed.new_item_fields().items()}
            | {"external_ids": dict(parsed.external_ids)},
            "card_details": None
            if card is None
            else {name: to_json(card.get(name)) for name in CARD_DETAILS_FIELDS},
        }
    state = snapshot(item)
    current_quantity = state["fields"]["quantity"]
    state["fields"].update({name: to_json(value) for name, value in parsed.collectible_fields().items()})
    if mode == ImportMode.ADD:
        state["fields"]["quantity"] = current_quantity + parsed.quantity
    state["fields"]["external_ids"] = _merged_ids(state["fields"]["external_ids"], parsed.external_ids)
    card = parsed.card_details_over(state["card_details"])
    if card is not None:
        state["card_details"] = {name: to_json(card.get(name)) for name in CARD_DETAILS_FIELDS}
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


def discard_preview(*, batch: ImportBatch) -> None:
    """Forget a batch that was never committed."""
    with transaction.atomic():
        batch = locked_batch(batch, BatchStatus.PREVIEW, "discarded")
        batch.delete()
