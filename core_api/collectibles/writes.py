"""The one writer of collectibles: every change to an item goes through here.

Single edits, image changes, stock adjustments, bulk edits, import commits and
rollbacks (and whatever writes collectibles next: repricing, tasks) call these
functions, so the guarantees are kept in one place:

- every change moves `version` up by one and `updated_at` on (the ETag);
- every change of `quantity` writes exactly one StockMovement carrying the
  quantity after it (`movement_row` is the only place a movement's values are decided);
- every change writes a history snapshot stamped with the current operation.

Two modes of the same rules. ORM: per-row saves, simple-history's signals write
the snapshots; cheapest for the few rows an API request touches. COPY
(common/bulk_sql.py): one statement per table and the snapshots in bulk; for
bulk edits and imports. `Mode.AUTO` picks by the number of rows. Callers lock
the rows first (`lock_items`) and run inside `recorded_operation` and a transaction.
"""

import enum
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.utils import timezone

from common.bulk_sql import copy_insert, copy_update, copy_values, reserve_ids

from .errors import InsufficientStock, ItemsChanged, SkuTaken
from .history import Operation, write_snapshots
from .models import CARD_DETAILS_FIELDS, MAX_QUANTITY, CardDetails, Collectible, StockMovement

SKU_CONSTRAINT = "collectible_unique_sku_per_vendor"
# From this many rows AUTO writes with COPY. A round number, not a measurement: a
# request's few rows go through the ORM (one UPDATE and one history row each), a
# bulk edit or an import through COPY's temporary table and bulk snapshots.
COPY_FROM_ROWS = 50
ITEM_FIELDS = ("name", "description", "sku", "condition", "quantity", "price", "currency", "release_date")
NEW_ITEM_COLUMNS = (
    "id", "vendor_id", "user_id", *ITEM_FIELDS, "external_ids", "image", "version",
    "created_at", "updated_at",
)  # fmt: skip
CARD_COLUMNS = ("collectible_id", *CARD_DETAILS_FIELDS)
MOVEMENT_COLUMNS = (
    "vendor_id", "collectible_id", "user_id", "delta", "quantity_after", "reason", "note", "import_batch_id",
    "created_at",
)  # fmt: skip


class Mode(enum.Enum):
    AUTO = "auto"
    ORM = "orm"
    COPY = "copy"

    def copies(self, rows: int) -> bool:
        return self is Mode.COPY or (self is Mode.AUTO and rows >= COPY_FROM_ROWS)


class _Unset:
    """Marks "not sent" where `None` means "remove" (card_details)."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


@dataclass(frozen=True)
class Ledger:
    """What the stock movements of one write say: why, and (imports) which batch."""

    reason: str
    note: str = ""
    batch_id: int | None = None


@dataclass
class ItemChange:
    """New values for a locked item; `card_details` is replaced (dict), removed (None) or kept (UNSET)."""

    item: Collectible
    fields: dict[str, Any] = field(default_factory=dict)
    card_details: Any = UNSET


@dataclass
class NewItem:
    """A collectible to create: every field without a model default, and its card details if any.
    `items_create` sets `pk`, and in ORM mode `instance`."""

    fields: dict[str, Any]
    card_details: dict[str, Any] | None = None
    pk: int | None = None
    instance: Collectible | None = None


def movement_row(
    *, vendor_id: int, collectible_id: int, delta: int, quantity_after: int, ledger: Ledger, user: User | None
) -> dict[str, Any]:
    """The ledger row of a change of `delta` that left an item at `quantity_after`:
    the only place a movement's values are decided (column attname → value)."""
    return {
        "vendor_id": vendor_id,
        "collectible_id": collectible_id,
        "user_id": user.pk if user else None,
        "delta": delta,
        "quantity_after": quantity_after,
        "reason": ledger.reason,
        "note": ledger.note,
        "import_batch_id": ledger.batch_id,
    }


def stock_movement(item: Collectible, *, delta: int, ledger: Ledger, user: User | None) -> StockMovement:
    """`movement_row` as a model instance, for a change that left `item` at its current quantity."""
    movement = StockMovement(
        **movement_row(
            vendor_id=item.vendor_id,
            collectible_id=item.pk,
            delta=delta,
            quantity_after=item.quantity,
            ledger=ledger,
            user=user,
        )
    )
    movement.user = user  # the caller's object: reading it back costs no query
    return movement


def lock_items(
    pks: Iterable[int],
    *,
    expected_versions: Mapping[int, Container[int]] | None = None,
    with_card_details: bool = False,
    missing_ok: bool = False,
) -> dict[int, Collectible]:
    """The stored rows, locked (in pk order, so writers never deadlock) until the transaction ends.

    Raises ItemsChanged, naming them, when an item is gone (unless `missing_ok`)
    or is not at one of its `expected_versions` (from If-Match, or the version
    an import previewed).
    """
    wanted = list(pks)
    query = Collectible.objects.select_for_update(of=("self",))
    if with_card_details:
        query = query.select_related("card_details")
    items = {item.pk: item for item in query.filter(pk__in=wanted).order_by("pk")}
    missing = [] if missing_ok else [pk for pk in wanted if pk not in items]
    stale = [
        items[pk]
        for pk, versions in (expected_versions or {}).items()
        if pk in items and items[pk].version not in versions
    ]
    if missing or stale:
        raise ItemsChanged(stale, missing)
    return items


# --- changes to existing items -------------------------------------------------------


def items_update(
    changes: Sequence[ItemChange], *, operation: Operation, ledger: Ledger, mode: Mode = Mode.AUTO
) -> list[StockMovement]:
    """Apply `changes` to their (locked) items; return the stock movements written.

    Raises SkuTaken when a new SKU is another item's; the caller's transaction
    then rolls back whatever was written.
    """
    if not changes:
        return []
    now = timezone.now()
    movements = []
    for change in changes:
        item = change.item
        quantity_before = item.quantity
        for name, value in change.fields.items():
            setattr(item, name, value)
        item.version += 1
        item.updated_at = now
        if item.quantity != quantity_before:
            movements.append(
                stock_movement(
                    item, delta=item.quantity - quantity_before, ledger=ledger, user=operation.user
                )
            )
    if mode.copies(len(changes)):
        _update_by_copy(changes, operation)
        copy_insert(StockMovement, movements, MOVEMENT_COLUMNS)
    else:
        for change in changes:
            _save(change.item, update_fields=[*change.fields, "version", "updated_at"])
            if change.card_details is not UNSET:
                _write_card_details(change.item, change.card_details)
        StockMovement.objects.bulk_create(movements)
    return movements


def _update_by_copy(changes: Sequence[ItemChange], operation: Operation) -> None:
    items = [change.item for change in changes]
    names = list(dict.fromkeys(name for change in changes for name in change.fields))
    with _sku_taken():
        copy_update(Collectible, items, [*names, "version", "updated_at"])
    added: list[CardDetails] = []
    replaced: list[CardDetails] = []
    dropped: list[int] = []
    for change in changes:
        if change.card_details is UNSET:
            continue
        # The caller locked the items with their card details (lock_items(with_card_details=True)).
        had_details = getattr(change.item, "card_details", None) is not None
        if change.card_details is None:
            if had_details:
                dropped.append(change.item.pk)
            continue
        details = CardDetails(collectible=change.item, **change.card_details)
        (replaced if had_details else added).append(details)
    removed = list(CardDetails.objects.filter(collectible_id__in=dropped))
    write_snapshots(removed, "-", operation)
    CardDetails.objects.filter(collectible_id__in=dropped)._raw_delete(CardDetails.objects.db)
    copy_insert(CardDetails, added, CARD_COLUMNS)
    copy_update(CardDetails, replaced, CARD_DETAILS_FIELDS)
    write_snapshots(items, "~", operation)
    write_snapshots(added, "+", operation)
    write_snapshots(replaced, "~", operation)


def quantity_adjust(item: Collectible, *, delta: int, operation: Operation, ledger: Ledger) -> StockMovement:
    """Add `delta` to the quantity in the database and record the movement.

    The change is a single conditional UPDATE (`quantity = quantity + delta
    WHERE quantity + delta BETWEEN 0 AND max`): no read-modify-write in Python,
    so concurrent sales of the last copy cannot both succeed and stock never
    goes negative. The row stays locked by that UPDATE until commit, so the
    quantity read back is the one this adjustment produced.
    """
    changed = (
        Collectible.objects.filter(pk=item.pk)
        .filter(Q(quantity__gte=-delta) & Q(quantity__lte=MAX_QUANTITY - delta))
        .update(quantity=F("quantity") + delta, version=F("version") + 1, updated_at=timezone.now())
    )
    if not changed:
        current = Collectible.objects.filter(pk=item.pk).values_list("quantity", flat=True).first()
        if current is None:
            raise ItemsChanged([], [item.pk])  # deleted since the caller read it
        raise InsufficientStock(current, delta, MAX_QUANTITY)
    # Every field, not only the changed ones: the snapshot must not carry
    # anything another writer changed since the caller read the item.
    item.refresh_from_db()
    # A queryset update sends no signals: write the history snapshot ourselves.
    write_snapshots([item], "~", operation)
    movement = stock_movement(item, delta=delta, ledger=ledger, user=operation.user)
    movement.save()
    return movement


# --- new items -----------------------------------------------------------------------


def items_create(
    new: Sequence[NewItem], *, vendor_id: int, operation: Operation, ledger: Ledger, mode: Mode = Mode.AUTO
) -> list[int]:
    """Create the items at version 1; opening stock is one movement per item. Returns their ids.

    In COPY mode the rows are written as plain values: at 100,000 rows,
    building model instances (item, card, movement, snapshot) would cost more
    than the SQL. Raises SkuTaken when a SKU is taken.
    """
    if not new:
        return []
    if mode.copies(len(new)):
        _create_by_copy(new, vendor_id, operation, ledger)
    else:
        _create_by_orm(new, vendor_id, operation, ledger)
    return [item.pk for item in new if item.pk is not None]


def _create_by_orm(new: Sequence[NewItem], vendor_id: int, operation: Operation, ledger: Ledger) -> None:
    movements = []
    for spec in new:
        item = Collectible(vendor_id=vendor_id, user=operation.user, **spec.fields)
        _save(item)
        if spec.card_details is not None:
            _write_card_details(item, spec.card_details)
        if item.quantity:
            movements.append(stock_movement(item, delta=item.quantity, ledger=ledger, user=operation.user))
        spec.pk, spec.instance = item.pk, item
    StockMovement.objects.bulk_create(movements)


def _create_by_copy(new: Sequence[NewItem], vendor_id: int, operation: Operation, ledger: Ledger) -> None:
    now = timezone.now()
    user_id = operation.user.pk if operation.user else None
    fixed = {"vendor_id": vendor_id, "user_id": user_id, "version": 1, "created_at": now, "updated_at": now}
    defaults = _model_defaults()  # once: the rows are only written, never changed, so they may share them
    items = [defaults | spec.fields | fixed for spec in new]
    ids = reserve_ids(Collectible, len(items))
    with _sku_taken():
        if ids is None:  # not PostgreSQL: the database numbers them
            ids = [
                item.pk for item in Collectible.objects.bulk_create([Collectible(**item) for item in items])
            ]
            cards = _card_rows(new, ids)
            copy_values(CardDetails, CARD_COLUMNS, (_ordered(card, CARD_COLUMNS) for card in cards))
        else:
            for item, pk in zip(items, ids, strict=True):
                item["id"] = pk
            # Card details first (their foreign key is checked at commit): each
            # item's insert trigger then reads its card filter columns as it is
            # written, instead of each card's trigger updating the item just
            # written (a second row version and index entries per item).
            cards = _card_rows(new, ids)
            copy_values(CardDetails, CARD_COLUMNS, (_ordered(card, CARD_COLUMNS) for card in cards))
            copy_values(Collectible, NEW_ITEM_COLUMNS, (_ordered(item, NEW_ITEM_COLUMNS) for item in items))
    for spec, item, pk in zip(new, items, ids, strict=True):
        spec.pk = item["id"] = pk
    opening = (
        movement_row(
            vendor_id=vendor_id,
            collectible_id=item["id"],
            delta=item["quantity"],
            quantity_after=item["quantity"],
            ledger=ledger,
            user=operation.user,
        )
        | {"created_at": now}
        for item in items
        if item["quantity"]
    )
    copy_values(StockMovement, MOVEMENT_COLUMNS, (_ordered(row, MOVEMENT_COLUMNS) for row in opening))
    write_snapshots(items, "+", operation, model=Collectible)
    write_snapshots(cards, "+", operation, model=CardDetails)


def _model_defaults() -> dict[str, Any]:
    """What the ORM would fill in for the fields a new item does not give (COPY writes every column)."""
    fields = [Collectible._meta.get_field(name) for name in (*ITEM_FIELDS, "external_ids", "image")]
    return {field.name: field.get_default() for field in fields if isinstance(field, models.Field)}


def _card_rows(new: Sequence[NewItem], ids: list[int]) -> list[dict[str, Any]]:
    return [
        {"collectible_id": pk, **spec.card_details}
        for spec, pk in zip(new, ids, strict=True)
        if spec.card_details is not None
    ]


def _ordered(values: Mapping[str, Any], columns: Sequence[str]) -> tuple[Any, ...]:
    return tuple(values[column] for column in columns)


# --- deletion ------------------------------------------------------------------------


def items_delete(
    items: Sequence[Collectible],
    *,
    operation: Operation,
    ledger: Ledger | None = None,
    mode: Mode = Mode.AUTO,
) -> None:
    """Delete items (fetched with their card details), recording each deletion in the history.

    History and stock movements outlive an item. With a `ledger`, the stock
    leaves the books as one movement per item (an import rolled back); a plain
    delete writes none. Images are removed from storage after commit, so a
    rolled-back delete loses no file.
    """
    if not items:
        return
    if ledger is not None:
        # The stock leaves with the item: the quantity after is 0.
        removals = [
            movement_row(
                vendor_id=item.vendor_id,
                collectible_id=item.pk,
                delta=-item.quantity,
                quantity_after=0,
                ledger=ledger,
                user=operation.user,
            )
            for item in items
            if item.quantity
        ]
        copy_insert(StockMovement, [StockMovement(**row) for row in removals], MOVEMENT_COLUMNS)
    images = [(item.image.storage, str(item.image.name)) for item in items if item.image]
    if mode.copies(len(items)):
        # The snapshots in one COPY per model, then plain DELETEs (_raw_delete)
        # that skip the per-row signals whose work was just done.
        write_snapshots(items, "-", operation)
        write_snapshots(
            [item.card_details for item in items if getattr(item, "card_details", None) is not None],
            "-",
            operation,
        )
        ids = [item.pk for item in items]
        CardDetails.objects.filter(collectible_id__in=ids)._raw_delete(CardDetails.objects.db)
        Collectible.objects.filter(pk__in=ids)._raw_delete(Collectible.objects.db)
    else:
        for item in items:
            item.delete()  # card details go with it (CASCADE), both recorded in the history

    def delete_images() -> None:
        for storage, name in images:
            storage.delete(name)

    if images:
        transaction.on_commit(delete_images)


# --- the ORM mode's row writes ---------------------------------------------------------


def _save(item: Collectible, **save_kwargs: Any) -> None:
    """Save; a lost race on the per-vendor SKU is SkuTaken (the savepoint keeps the
    surrounding transaction usable)."""
    with _sku_taken():
        item.save(**save_kwargs)


@contextmanager
def _sku_taken() -> Iterator[None]:
    """Turn the per-vendor unique-SKU violation into SkuTaken, inside a savepoint."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError as exc:
        if SKU_CONSTRAINT in str(exc):
            raise SkuTaken from exc
        raise


def _write_card_details(item: Collectible, card_details: dict[str, Any] | None) -> None:
    """Store `card_details` exactly as given (replace), or remove them when None."""
    existing = CardDetails.objects.filter(collectible=item).first()
    if card_details is None:
        if existing is not None:
            existing.delete()  # per instance, so the history records the deletion
        item.card_details = None
        return
    details = CardDetails(collectible=item, **card_details)
    details.save(force_update=existing is not None, force_insert=existing is None)
    item.card_details = details
