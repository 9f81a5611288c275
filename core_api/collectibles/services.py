"""Writes to inventory.

Each service is one transaction (it succeeds whole or leaves nothing), one
recorded operation in the change history (who, what, labelled), and keeps the
stock ledger whole: every change of `quantity` writes one StockMovement.
"""

from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.models import Vendor

from .choices import MovementReason
from .history import Operation, recorded_operation, write_snapshots
from .models import MAX_QUANTITY, CardDetails, Collectible, StockMovement

SKU_CONSTRAINT = "collectible_unique_sku_per_vendor"


class _Unset:
    """Marks "not sent" where `None` means "remove" (card_details)."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


class StaleVersion(Exception):  # noqa: N818  (reads as the condition, like DoesNotExist)
    """The caller's copy is older than the stored one (If-Match did not match)."""

    def __init__(self, current: Collectible) -> None:
        super().__init__(f"collectible {current.pk} is at version {current.version}")
        self.current = current


class InsufficientStock(Exception):  # noqa: N818
    """An adjustment would take the quantity below zero (or above the maximum)."""

    def __init__(self, current_quantity: int, delta: int) -> None:
        super().__init__(f"quantity {current_quantity} cannot change by {delta}")
        self.current_quantity = current_quantity
        self.delta = delta


def _save_collectible(collectible: Collectible, **save_kwargs: Any) -> None:
    """Save, turning a lost race on the per-vendor SKU into a validation error.

    The serializer checks SKU uniqueness first; two requests can still pass that
    check at once, and the database constraint then decides. The savepoint
    keeps the surrounding transaction usable.
    """
    try:
        with transaction.atomic():
            collectible.save(**save_kwargs)
    except IntegrityError as exc:
        if SKU_CONSTRAINT in str(exc):
            raise ValidationError({"sku": ["Your vendor already has a collectible with this SKU."]}) from exc
        raise


def _write_card_details(collectible: Collectible, card_details: dict[str, Any] | None) -> None:
    """Store `card_details` exactly as given (replace), or remove them when None."""
    existing = CardDetails.objects.filter(collectible=collectible).first()
    if card_details is None:
        if existing is not None:
            existing.delete()  # per instance, so the history records the deletion
        collectible.card_details = None
        return
    details = CardDetails(collectible=collectible, **card_details)
    details.save(force_update=existing is not None, force_insert=existing is None)
    collectible.card_details = details


def _record_movement(
    collectible: Collectible,
    *,
    delta: int,
    reason: str,
    actor: User | None,
    note: str = "",
) -> StockMovement:
    return StockMovement.objects.create(
        vendor_id=collectible.vendor_id,
        collectible_id=collectible.pk,
        user=actor,
        delta=delta,
        quantity_after=collectible.quantity,
        reason=reason,
        note=note,
    )


@transaction.atomic
def collectible_create(
    *,
    vendor: Vendor,
    created_by: User | None,
    card_details: dict[str, Any] | None = None,
    history_label: str = "Created",
    **fields: Any,
) -> Collectible:
    """Create a collectible for `vendor`, with card details when given.

    The price is in the vendor's default currency unless `currency` is given.
    Opening stock is recorded as a `correction` movement.
    """
    with recorded_operation(user=created_by, label=history_label):
        fields.setdefault("currency", vendor.default_currency)
        collectible = Collectible(vendor=vendor, user=created_by, **fields)
        _save_collectible(collectible)
        if card_details is not None:
            _write_card_details(collectible, card_details)
        if collectible.quantity:
            _record_movement(
                collectible,
                delta=collectible.quantity,
                reason=MovementReason.CORRECTION,
                actor=created_by,
                note="Opening stock",
            )
    return collectible


def _lock(collectible: Collectible, expected_versions: frozenset[int] | None) -> Collectible:
    """The stored row, locked until the transaction ends; refuses a stale caller.

    `expected_versions` comes from If-Match: None means "any version" (no
    header, or `*`); an empty set (an unparseable header) matches nothing.
    """
    # 404, not 500, when the item was deleted since the view looked it up.
    locked = get_object_or_404(Collectible.objects.select_for_update(), pk=collectible.pk)
    if expected_versions is not None and locked.version not in expected_versions:
        raise StaleVersion(locked)
    return locked


@transaction.atomic
def collectible_update(
    *,
    collectible: Collectible,
    actor: User | None,
    expected_versions: frozenset[int] | None = None,
    card_details: Any = UNSET,
    history_label: str = "Updated",
    **fields: Any,
) -> Collectible:
    """Change the given fields; `card_details` is replaced (dict), removed (None)
    or left alone (UNSET).

    The row is locked first, so the version check (`expected_versions`, from
    If-Match) and the quantity delta written to the ledger are both computed
    against the state this write replaces, never a stale read. `updated_at`
    and `version` move whenever anything is sent, card details included.
    """
    with recorded_operation(user=actor, label=history_label):
        locked = _lock(collectible, expected_versions)
        quantity_before = locked.quantity
        for name, value in fields.items():
            setattr(locked, name, value)
        locked.version += 1
        _save_collectible(locked, update_fields=[*fields, "version", "updated_at"])
        if card_details is not UNSET:
            _write_card_details(locked, card_details)
        if locked.quantity != quantity_before:
            _record_movement(
                locked,
                delta=locked.quantity - quantity_before,
                reason=MovementReason.CORRECTION,
                actor=actor,
                note="Quantity edited",
            )
    return locked


@transaction.atomic
def collectible_delete(
    *, collectible: Collectible, actor: User | None, expected_versions: frozenset[int] | None = None
) -> None:
    """Delete the collectible and its card details; history and movements stay."""
    with recorded_operation(user=actor, label="Deleted"):
        locked = _lock(collectible, expected_versions)
        image_name, storage = locked.image.name, locked.image.storage
        locked.delete()  # card details go with it (CASCADE), both recorded in the history
    if image_name:
        # After commit: a rolled-back delete must not lose the file.
        transaction.on_commit(lambda: storage.delete(image_name))


@transaction.atomic
def collectible_set_image(
    *, collectible: Collectible, image: UploadedFile | None, actor: User | None
) -> Collectible:
    """Replace (or with None, remove) the collectible's image."""
    with recorded_operation(user=actor, label="Image removed" if image is None else "Image uploaded"):
        locked = _lock(collectible, None)
        previous = locked.image.name or None
        storage = locked.image.storage
        if image is None:
            locked.image = ""
        else:
            locked.image.save(image.name or "image", image, save=False)
        locked.version += 1
        locked.save(update_fields=["image", "version", "updated_at"])
    if previous and previous != locked.image.name:
        transaction.on_commit(lambda: storage.delete(previous))
    return locked


@transaction.atomic
def stock_adjust(
    *,
    collectible: Collectible,
    delta: int,
    reason: str,
    actor: User | None,
    note: str = "",
) -> StockMovement:
    """Add `delta` to the quantity in the database and record the movement.

    The change is a single conditional UPDATE (`quantity = quantity + delta
    WHERE quantity + delta BETWEEN 0 AND max`): no read-modify-write in Python,
    so concurrent sales of the last copy cannot both succeed and stock never
    goes negative. The row stays locked by that UPDATE until commit, so the
    quantity read back is the one this adjustment produced.
    """
    with recorded_operation(user=actor, label=f"Stock adjustment ({reason})") as operation:
        changed = (
            Collectible.objects.filter(pk=collectible.pk)
            .filter(Q(quantity__gte=-delta) & Q(quantity__lte=MAX_QUANTITY - delta))
            .update(
                quantity=F("quantity") + delta,
                version=F("version") + 1,
                updated_at=timezone.now(),
            )
        )
        if not changed:
            current = Collectible.objects.filter(pk=collectible.pk).values_list("quantity", flat=True).first()
            if current is None:
                raise Http404("No Collectible matches the given query.")  # deleted since the view read it
            raise InsufficientStock(current, delta)
        # Every field, not only the changed ones: the snapshot must not carry
        # anything another writer changed since the view read the item.
        collectible.refresh_from_db()
        # A queryset update sends no signals: write the history snapshot ourselves.
        write_snapshots([collectible], "~", operation)
        return _record_movement(collectible, delta=delta, reason=reason, actor=actor, note=note)


def delete_in_bulk(items: list[Collectible], operation: Operation) -> None:
    """Delete many items at once, recording each deletion in the history.

    A per-instance delete writes one history row per item and per card through
    signals; for thousands of rows the snapshots are written with one bulk
    insert per model, then the rows are deleted without signals. Images are
    removed from storage after commit. Movements stay, like for any delete.
    """
    if not items:
        return
    write_snapshots(items, "-", operation)
    write_snapshots(
        [item.card_details for item in items if getattr(item, "card_details", None) is not None],
        "-",
        operation,
    )
    ids = [item.pk for item in items]
    # _raw_delete: a plain DELETE, skipping the per-row signals whose work was just done in bulk.
    CardDetails.objects.filter(collectible_id__in=ids)._raw_delete(CardDetails.objects.db)
    Collectible.objects.filter(pk__in=ids)._raw_delete(Collectible.objects.db)
    images = [(item.image.storage, str(item.image.name)) for item in items if item.image]

    def delete_images() -> None:
        for storage, name in images:
            storage.delete(name)

    if images:
        transaction.on_commit(delete_images)
