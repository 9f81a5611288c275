"""Writes to inventory from the API.

Each service is one transaction (it succeeds whole or leaves nothing) and one
recorded operation in the change history (who, what, labelled). The rows
themselves are written by collectibles/writes.py, which keeps the version, the
stock ledger and the history for every writer.
"""

from typing import Any

from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from accounts.models import Vendor

from .choices import MovementReason
from .errors import CollectibleNotFound, ItemsChanged, StaleVersion
from .history import recorded_operation
from .models import Collectible, StockMovement
from .writes import (
    UNSET,
    ItemChange,
    Ledger,
    Mode,
    NewItem,
    items_create,
    items_delete,
    items_update,
    lock_items,
    quantity_adjust,
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
    with recorded_operation(user=created_by, label=history_label) as operation:
        fields.setdefault("currency", vendor.default_currency)
        new = NewItem(fields, card_details)
        items_create(
            [new],
            vendor_id=vendor.pk,
            operation=operation,
            ledger=Ledger(MovementReason.CORRECTION, "Opening stock"),
            mode=Mode.ORM,
        )
    if new.instance is None:  # ORM mode always sets it
        raise RuntimeError("items_create returned no instance in ORM mode")
    return new.instance


def _lock(collectible: Collectible, expected_versions: frozenset[int] | None) -> Collectible:
    """The stored row, locked until the transaction ends; refuses a stale caller.

    `expected_versions` comes from If-Match: None means "any version" (no
    header, or `*`); an empty set (an unparseable header) matches nothing.
    """
    expected = None if expected_versions is None else {collectible.pk: expected_versions}
    try:
        return lock_items([collectible.pk], expected_versions=expected)[collectible.pk]
    except ItemsChanged as changed:
        if changed.missing:  # deleted since the view looked it up: 404, not 500
            raise CollectibleNotFound from changed
        raise StaleVersion(changed.stale[0]) from changed


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
    with recorded_operation(user=actor, label=history_label) as operation:
        locked = _lock(collectible, expected_versions)
        items_update(
            [ItemChange(locked, fields, card_details)],
            operation=operation,
            ledger=Ledger(MovementReason.CORRECTION, "Quantity edited"),
            mode=Mode.ORM,
        )
    return locked


@transaction.atomic
def collectible_delete(
    *, collectible: Collectible, actor: User | None, expected_versions: frozenset[int] | None = None
) -> None:
    """Delete the collectible and its card details; history and movements stay."""
    with recorded_operation(user=actor, label="Deleted") as operation:
        items_delete([_lock(collectible, expected_versions)], operation=operation, mode=Mode.ORM)


@transaction.atomic
def collectible_set_image(
    *, collectible: Collectible, image: UploadedFile | None, actor: User | None
) -> Collectible:
    """Replace (or with None, remove) the collectible's image."""
    label = "Image removed" if image is None else "Image uploaded"
    with recorded_operation(user=actor, label=label) as operation:
        locked = _lock(collectible, None)
        previous = locked.image.name or None
        storage = locked.image.storage
        if image is None:
            locked.image = ""
        else:
            locked.image.save(image.name or "image", image, save=False)
        items_update(
            [ItemChange(locked, {"image": locked.image})],
            operation=operation,
            ledger=Ledger(MovementReason.CORRECTION),  # an image moves no stock: no movement is written
            mode=Mode.ORM,
        )
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
    """Add `delta` to the quantity atomically (writes.quantity_adjust) and record the movement."""
    with recorded_operation(user=actor, label=f"Stock adjustment ({reason})") as operation:
        try:
            return quantity_adjust(collectible, delta=delta, operation=operation, ledger=Ledger(reason, note))
        except ItemsChanged as gone:  # deleted since the view read it
            raise CollectibleNotFound from gone
