"""The guarantees of the one writer (collectibles/writes.py), tested directly and in both modes:
version and updated_at move, one ledger row per quantity change with the quantity after it,
one history snapshot per change stamped with the operation, and ORM and COPY leave the same rows."""

from decimal import Decimal
from typing import Any

import pytest
from django.db import transaction

from collectibles.choices import Condition, Game, Language, MarketRegion, MovementReason
from collectibles.history import recorded_operation
from collectibles.models import CARD_DETAILS_FIELDS, CardDetails, Collectible, StockMovement
from collectibles.tests.factories import CardFactory, CollectibleFactory
from collectibles.writes import (
    COPY_FROM_ROWS,
    UNSET,
    InsufficientStock,
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
    quantity_adjust,
)

pytestmark = pytest.mark.django_db
BOTH_MODES = pytest.mark.parametrize("mode", [Mode.ORM, Mode.COPY], ids=["orm", "copy"])
LEDGER = Ledger(MovementReason.CORRECTION, "Repriced")
CARD = {
    "game": Game.MTG,
    "set_name": "Alpha",
    "set_code": "LEA",
    "card_number": "232",
    "rarity": "Rare",
    "language": Language.EN,
    "market_region": MarketRegion.NA,
    "finish": "normal",
    "grading_company": None,
    "grade": None,
}


def update(items, fields, *, mode, owner, card_details=UNSET, ledger=LEDGER):
    with transaction.atomic(), recorded_operation(user=owner, label="Writer test") as operation:
        locked = lock_items([item.pk for item in items], with_card_details=True)
        changes = [ItemChange(locked[item.pk], dict(fields), card_details) for item in items]
        return items_update(changes, operation=operation, ledger=ledger, mode=mode), operation


@BOTH_MODES
def test_a_change_moves_version_and_updated_at(mode, owner, vendor):
    item = CollectibleFactory(vendor=vendor, version=4)
    before = Collectible.objects.get(pk=item.pk).updated_at
    update([item], {"price": Decimal("3.50")}, mode=mode, owner=owner)
    stored = Collectible.objects.get(pk=item.pk)
    assert (stored.version, stored.price) == (5, Decimal("3.50"))
    assert stored.updated_at > before


@BOTH_MODES
def test_a_quantity_change_writes_one_ledger_row_with_the_quantity_after(mode, owner, vendor):
    item = CollectibleFactory(vendor=vendor, quantity=7)
    movements, _ = update([item], {"quantity": 3}, mode=mode, owner=owner)
    stored = StockMovement.objects.get(collectible_id=item.pk)
    assert len(movements) == 1
    assert (stored.delta, stored.quantity_after, stored.reason, stored.note, stored.user_id) == (
        -4,
        3,
        MovementReason.CORRECTION,
        "Repriced",
        owner.pk,
    )


@BOTH_MODES
def test_no_ledger_row_when_the_quantity_stays(mode, owner, vendor):
    item = CollectibleFactory(vendor=vendor, quantity=7)
    movements, _ = update([item], {"quantity": 7, "price": Decimal("1.00")}, mode=mode, owner=owner)
    assert movements == []
    assert not StockMovement.objects.filter(collectible_id=item.pk).exists()


@BOTH_MODES
def test_a_change_writes_a_history_snapshot_of_the_operation(mode, owner, vendor):
    item = CollectibleFactory(vendor=vendor, name="Old name")
    _, operation = update([item], {"name": "New name"}, mode=mode, owner=owner)
    latest = Collectible.history.filter(id=item.pk).order_by("-history_id").first()
    assert (latest.history_type, latest.name, latest.version) == ("~", "New name", 2)
    assert (latest.history_change_reason, latest.history_user_id) == ("Writer test", owner.pk)
    assert latest.history_operation == operation.id


def test_auto_copies_from_the_threshold_only():
    assert not Mode.AUTO.copies(COPY_FROM_ROWS - 1)
    assert Mode.AUTO.copies(COPY_FROM_ROWS)
    assert Mode.COPY.copies(1)
    assert not Mode.ORM.copies(10_000)


# --- both modes leave the same rows --------------------------------------------------------


def _state(pks: list[int]) -> dict[str, Any]:
    """What a write leaves in every table it touches, without ids, clocks and operation ids."""
    keep = ("name", "sku", "condition", "quantity", "price", "currency", "external_ids", "version")
    items = list(Collectible.objects.filter(pk__in=pks).order_by("pk").values(*keep))
    cards = list(
        CardDetails.objects.filter(collectible_id__in=pks).order_by("pk").values(*CARD_DETAILS_FIELDS)
    )
    moves = list(
        StockMovement.objects.filter(collectible_id__in=pks)
        .order_by("collectible_id", "id")
        .values("delta", "quantity_after", "reason", "note", "import_batch_id", "user_id")
    )
    item_history = list(
        Collectible.history.filter(id__in=pks)
        .order_by("id", "history_id")
        .values("history_type", "history_change_reason", "history_user_id", *keep)
    )
    card_history = list(
        CardDetails.history.filter(collectible_id__in=pks)
        .order_by("collectible_id", "history_id")
        .values("history_type", "history_change_reason", *CARD_DETAILS_FIELDS)
    )
    return {
        "items": items,
        "cards": cards,
        "moves": moves,
        "history": item_history,
        "cards_history": card_history,
    }


def _scenario(mode: Mode, vendor, owner) -> dict[str, Any]:
    """Create three items, change them (card details added, replaced, removed), delete one."""
    with transaction.atomic(), recorded_operation(user=owner, label="Scenario") as operation:
        new = [
            NewItem({"name": "Sealed box", "currency": "USD", "quantity": 2}),
            NewItem({"name": "Black Lotus", "currency": "USD", "quantity": 1, "sku": "BL-1"}, dict(CARD)),
            NewItem({"name": "Mox Pearl", "currency": "USD"}, dict(CARD, card_number="263")),
        ]
        pks = items_create(new, vendor_id=vendor.pk, operation=operation, ledger=LEDGER, mode=mode)
    with transaction.atomic(), recorded_operation(user=owner, label="Change") as operation:
        locked = lock_items(pks, with_card_details=True)
        items_update(
            [
                ItemChange(locked[pks[0]], {"quantity": 5}, dict(CARD, set_name="Beta")),
                ItemChange(
                    locked[pks[1]], {"condition": Condition.LIGHTLY_PLAYED}, dict(CARD, rarity="Mythic")
                ),
                ItemChange(locked[pks[2]], {"quantity": 4, "price": Decimal("2.00")}, None),
            ],
            operation=operation,
            ledger=LEDGER,
            mode=mode,
        )
    with transaction.atomic(), recorded_operation(user=owner, label="Gone") as operation:
        items_delete(
            [Collectible.objects.select_related("card_details").get(pk=pks[1])],
            operation=operation,
            ledger=Ledger(MovementReason.IMPORT, "Rolled back"),
            mode=mode,
        )
    return _state(pks)


def test_orm_and_copy_modes_leave_identical_rows(vendor, other_vendor, owner):
    orm = _scenario(Mode.ORM, vendor, owner)
    copy = _scenario(Mode.COPY, other_vendor, owner)
    assert orm == copy
    # And they are the rows the guarantees promise:
    assert [item["version"] for item in orm["items"]] == [2, 2]
    assert [(m["delta"], m["quantity_after"]) for m in orm["moves"]] == [
        (2, 2),
        (3, 5),
        (1, 1),
        (-1, 0),
        (4, 4),
    ]
    assert [h["history_type"] for h in orm["history"]] == ["+", "~", "+", "~", "-", "+", "~"]
    assert [h["history_type"] for h in orm["cards_history"]] == ["+", "+", "~", "-", "+", "-"]


# --- refusals ---------------------------------------------------------------------------


def test_lock_names_the_stale_and_the_missing_items(vendor):
    current = CollectibleFactory(vendor=vendor, version=3)
    moved_on = CollectibleFactory(vendor=vendor, version=5)
    with transaction.atomic(), pytest.raises(ItemsChanged) as refused:
        lock_items(
            [current.pk, moved_on.pk, 999_999],
            expected_versions={current.pk: {3}, moved_on.pk: {4}, 999_999: {1}},
        )
    assert [item.pk for item in refused.value.stale] == [moved_on.pk]
    assert refused.value.stale[0].version == 5
    assert refused.value.missing == [999_999]


def test_lock_may_skip_the_missing(vendor):
    item = CollectibleFactory(vendor=vendor)
    with transaction.atomic():
        assert list(lock_items([item.pk, 999_999], missing_ok=True)) == [item.pk]


@BOTH_MODES
def test_a_taken_sku_is_refused_and_nothing_is_written(mode, owner, vendor):
    CollectibleFactory(vendor=vendor, sku="TAKEN")
    item = CollectibleFactory(vendor=vendor, sku="MINE", quantity=1)
    with pytest.raises(SkuTaken):
        update([item], {"sku": "TAKEN", "quantity": 9}, mode=mode, owner=owner)
    with (
        pytest.raises(SkuTaken),
        transaction.atomic(),
        recorded_operation(user=owner, label="x") as operation,
    ):
        items_create(
            [NewItem({"name": "Again", "currency": "USD", "sku": "TAKEN"})],
            vendor_id=vendor.pk,
            operation=operation,
            ledger=LEDGER,
            mode=mode,
        )
    assert Collectible.objects.get(pk=item.pk).sku == "MINE"
    assert not StockMovement.objects.filter(collectible_id=item.pk).exists()


def test_quantity_adjust_bumps_version_and_writes_ledger_and_history(owner, vendor):
    item = CardFactory(vendor=vendor, quantity=2, version=1)
    with transaction.atomic(), recorded_operation(user=owner, label="Sale") as operation:
        movement = quantity_adjust(item, delta=-2, operation=operation, ledger=Ledger(MovementReason.SALE))
    assert (item.quantity, item.version) == (0, 2)
    assert (movement.delta, movement.quantity_after, movement.user) == (-2, 0, owner)
    latest = Collectible.history.filter(id=item.pk).order_by("-history_id").first()
    assert (latest.history_type, latest.quantity, latest.history_change_reason) == ("~", 0, "Sale")


def test_quantity_adjust_refuses_below_zero_and_a_deleted_item(owner, vendor):
    item = CollectibleFactory(vendor=vendor, quantity=1)
    with recorded_operation(user=owner, label="Sale") as operation:
        with pytest.raises(InsufficientStock) as short:
            quantity_adjust(item, delta=-2, operation=operation, ledger=Ledger(MovementReason.SALE))
        assert short.value.current_quantity == 1
        gone = Collectible.objects.get(pk=item.pk)
        Collectible.objects.filter(pk=item.pk).delete()
        with pytest.raises(ItemsChanged) as deleted:
            quantity_adjust(gone, delta=1, operation=operation, ledger=Ledger(MovementReason.PURCHASE))
    assert deleted.value.missing == [item.pk]


def test_an_empty_write_writes_nothing(owner):
    with recorded_operation(user=owner, label="Nothing") as operation:
        assert items_update([], operation=operation, ledger=LEDGER) == []
        assert items_create([], vendor_id=1, operation=operation, ledger=LEDGER) == []
        items_delete([], operation=operation)
    assert not StockMovement.objects.exists()
