"""Stock adjustments and the movement ledger."""

import random

import pytest
from django.db.models import Sum
from django.urls import reverse

from collectibles import services
from collectibles.errors import CollectibleNotFound
from collectibles.models import Collectible, StockMovement
from collectibles.tests.factories import CardFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("collectible-list")


def adjust_url(pk):
    return reverse("collectible-adjust", args=[pk])


def movements_url(pk):
    return reverse("collectible-movements", args=[pk])


def detail_url(pk):
    return reverse("collectible-detail", args=[pk])


@pytest.fixture
def card(owner_client):
    """A card created through the API with 5 in stock (so it has its opening movement)."""
    response = owner_client.post(LIST_URL, {"name": "Pikachu", "quantity": 5}, format="json")
    return Collectible.objects.get(pk=response.data["id"])


def ledger_total(pk):
    return StockMovement.objects.filter(collectible_id=pk).aggregate(total=Sum("delta"))["total"] or 0


def test_create_records_the_opening_stock(card, owner):
    movement = StockMovement.objects.get(collectible_id=card.pk)
    assert (movement.delta, movement.quantity_after, movement.reason) == (5, 5, "correction")
    assert movement.user == owner
    assert movement.vendor_id == card.vendor_id


def test_create_without_stock_records_no_movement(owner_client):
    response = owner_client.post(LIST_URL, {"name": "Sold out"}, format="json")
    assert not StockMovement.objects.filter(collectible_id=response.data["id"]).exists()


def test_sale_takes_stock_and_records_a_movement(owner_client, card, owner):
    response = owner_client.post(
        adjust_url(card.pk), {"delta": -2, "reason": "sale", "note": "Order #1001"}, format="json"
    )
    assert response.status_code == 201, response.data
    assert response.data["delta"] == -2
    assert response.data["quantity_after"] == 3
    assert response.data["reason"] == "sale"
    assert response.data["note"] == "Order #1001"
    assert response.data["user"] == {"id": owner.pk, "username": owner.username}
    card.refresh_from_db()
    assert card.quantity == 3
    assert response["ETag"] == f'"{card.version}"'


def test_adjustment_moves_version_and_updated_at(owner_client, card):
    before = (card.version, card.updated_at)
    owner_client.post(adjust_url(card.pk), {"delta": 1, "reason": "purchase"}, format="json")
    card.refresh_from_db()
    assert card.version == before[0] + 1
    assert card.updated_at > before[1]


def test_selling_more_than_in_stock_is_409_with_the_current_quantity(owner_client, card):
    response = owner_client.post(adjust_url(card.pk), {"delta": -6, "reason": "sale"}, format="json")
    assert response.status_code == 409
    assert response.data["quantity"] == 5
    assert "Not enough stock" in response.data["detail"]
    card.refresh_from_db()
    assert card.quantity == 5
    assert StockMovement.objects.filter(collectible_id=card.pk).count() == 1


def test_selling_exactly_the_stock_reaches_zero(owner_client, card):
    assert (
        owner_client.post(adjust_url(card.pk), {"delta": -5, "reason": "sale"}, format="json").status_code
        == 201
    )
    card.refresh_from_db()
    assert card.quantity == 0


def test_adjustment_past_the_maximum_is_409(owner_client, card):
    response = owner_client.post(
        adjust_url(card.pk), {"delta": 2_147_483_647, "reason": "purchase"}, format="json"
    )
    assert response.status_code == 409
    assert response.data["detail"].startswith("Too much stock: 5 in stock")
    card.refresh_from_db()
    assert card.quantity == 5


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"delta": 0, "reason": "sale"}, "delta"),
        ({"delta": "two", "reason": "sale"}, "delta"),
        ({"delta": 1.5, "reason": "sale"}, "delta"),
        ({"delta": 2**40, "reason": "sale"}, "delta"),
        ({"reason": "sale"}, "delta"),
        ({"delta": 1, "reason": "theft"}, "reason"),
        ({"delta": 1}, "reason"),
        ({"delta": 1, "reason": "sale", "note": "x" * 501}, "note"),
    ],
)
def test_bad_adjustments_are_400(owner_client, card, body, field):
    response = owner_client.post(adjust_url(card.pk), body, format="json")
    assert response.status_code == 400
    assert field in response.data
    assert ledger_total(card.pk) == 5


def test_viewer_cannot_adjust(viewer_client, card):
    assert (
        viewer_client.post(adjust_url(card.pk), {"delta": -1, "reason": "sale"}, format="json").status_code
        == 403
    )


def test_other_vendor_cannot_adjust_or_read_movements(other_client, card):
    assert (
        other_client.post(adjust_url(card.pk), {"delta": -1, "reason": "sale"}, format="json").status_code
        == 404
    )
    assert other_client.get(movements_url(card.pk)).status_code == 404
    card.refresh_from_db()
    assert card.quantity == 5


def test_movements_are_listed_newest_first_and_paginated(owner_client, card):
    for delta, reason in [(-1, "sale"), (3, "purchase"), (-2, "damage")]:
        owner_client.post(adjust_url(card.pk), {"delta": delta, "reason": reason}, format="json")
    response = owner_client.get(movements_url(card.pk), {"page_size": 2})
    assert response.status_code == 200
    assert response.data["count"] == 4
    assert [m["reason"] for m in response.data["results"]] == ["damage", "purchase"]
    assert [m["quantity_after"] for m in response.data["results"]] == [5, 7]


def test_viewer_can_read_movements(viewer_client, card):
    assert viewer_client.get(movements_url(card.pk)).data["count"] == 1


def test_movements_outlive_the_collectible(owner_client, card):
    owner_client.post(adjust_url(card.pk), {"delta": -1, "reason": "sale"}, format="json")
    assert owner_client.delete(detail_url(card.pk)).status_code == 204
    response = owner_client.get(movements_url(card.pk))
    assert response.status_code == 200
    assert response.data["count"] == 2


def test_movements_of_an_unknown_id_are_404(owner_client, db):
    assert owner_client.get(movements_url(999999)).status_code == 404


@pytest.mark.parametrize("pk", ["²", "٣", "1x"])
def test_movements_and_history_of_a_non_number_id_are_404(owner_client, db, pk):
    base = reverse("collectible-list")
    for suffix in ("movements/", "history/"):
        assert owner_client.get(f"{base}{pk}/{suffix}").status_code == 404


def test_movements_of_another_vendors_deleted_item_are_404(owner_client, other_client, card):
    assert owner_client.delete(detail_url(card.pk)).status_code == 204
    assert other_client.get(movements_url(card.pk)).status_code == 404


def test_an_adjustment_records_only_its_own_change(owner_client, card):
    """The view's copy of the item may be older than the row (someone renamed it
    meanwhile): the adjustment's history entry must not undo or repeat that."""
    stale = Collectible.objects.get(pk=card.pk)
    services.collectible_update(collectible=Collectible.objects.get(pk=card.pk), actor=None, name="Raichu")
    services.stock_adjust(collectible=stale, delta=-1, reason="sale", actor=None)
    entry = owner_client.get(reverse("collectible-history", args=[card.pk])).data["results"][0]
    assert entry["label"] == "Stock adjustment (sale)"
    assert [(c["field"], c["old"], c["new"]) for c in entry["changes"]] == [("quantity", 5, 4)]


def test_adjusting_or_editing_an_item_deleted_meanwhile_is_404(card):
    stale = Collectible.objects.get(pk=card.pk)
    Collectible.objects.filter(pk=card.pk).delete()
    # A domain error, answered 404 by the API's exception handler (common/exceptions.py).
    with pytest.raises(CollectibleNotFound) as adjusting:
        services.stock_adjust(collectible=stale, delta=-1, reason="sale", actor=None)
    with pytest.raises(CollectibleNotFound):
        services.collectible_update(collectible=stale, actor=None, name="x")
    assert adjusting.value.status_code == 404


def test_editing_quantity_writes_a_correction(owner_client, card):
    response = owner_client.patch(detail_url(card.pk), {"quantity": 9}, format="json")
    assert response.status_code == 200
    newest = StockMovement.objects.filter(collectible_id=card.pk).first()
    assert (newest.delta, newest.quantity_after, newest.reason) == (4, 9, "correction")


def test_editing_other_fields_writes_no_movement(owner_client, card):
    owner_client.patch(detail_url(card.pk), {"price": "3.00", "quantity": 5}, format="json")
    assert StockMovement.objects.filter(collectible_id=card.pk).count() == 1


@pytest.mark.parametrize("seed", range(5))
def test_movements_always_sum_to_the_quantity(owner_client, vendor, seed):
    """After any sequence of creates, adjustments, edits and failed sales, the ledger adds up."""
    rng = random.Random(seed)
    ids = [
        owner_client.post(LIST_URL, {"name": f"Card {i}", "quantity": rng.randint(0, 5)}, format="json").data[
            "id"
        ]
        for i in range(3)
    ]
    ids.append(CardFactory(vendor=vendor, quantity=0).pk)  # made outside the API, no stock yet
    for _ in range(40):
        pk = rng.choice(ids)
        operation = rng.choice(["sale", "purchase", "put", "patch", "oversell"])
        if operation == "sale":
            owner_client.post(adjust_url(pk), {"delta": -rng.randint(1, 3), "reason": "sale"}, format="json")
        elif operation == "purchase":
            owner_client.post(
                adjust_url(pk), {"delta": rng.randint(1, 10), "reason": "purchase"}, format="json"
            )
        elif operation == "put":
            owner_client.put(
                detail_url(pk), {"name": "Renamed", "quantity": rng.randint(0, 20)}, format="json"
            )
        elif operation == "patch":
            owner_client.patch(detail_url(pk), {"quantity": rng.randint(0, 20)}, format="json")
        else:
            owner_client.post(adjust_url(pk), {"delta": -1000, "reason": "sale"}, format="json")
    for pk in ids:
        quantity = Collectible.objects.get(pk=pk).quantity
        assert quantity >= 0
        assert ledger_total(pk) == quantity
        latest = StockMovement.objects.filter(collectible_id=pk).first()
        if latest is not None:
            assert latest.quantity_after == quantity
