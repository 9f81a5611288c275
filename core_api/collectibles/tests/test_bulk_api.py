"""POST /collectibles/bulk/: many items, validated first, applied all or nothing."""

from decimal import Decimal

import pytest
from django.urls import reverse

from collectibles.models import Collectible, StockMovement
from collectibles.tests.factories import CardFactory

pytestmark = pytest.mark.django_db

BULK_URL = reverse("collectible-bulk")


@pytest.fixture
def shelf(vendor):
    return [
        CardFactory(
            vendor=vendor, name=f"Card {i}", price=Decimal("1.00"), quantity=i, card_details__language=lang
        )
        for i, lang in enumerate(["EN", "EN", "JA", "JA", "DE"], start=1)
    ]


def test_update_by_ids(owner_client, shelf, owner):
    ids = [shelf[0].pk, shelf[2].pk]
    response = owner_client.post(
        BULK_URL,
        {"action": "update", "ids": ids, "changes": {"price": "4.50", "condition": "LP"}},
        format="json",
    )
    assert response.status_code == 200, response.data
    assert response.data["count"] == 2
    assert response.data["results"] == [{"id": pk, "status": "updated"} for pk in sorted(ids)]
    changed = Collectible.objects.filter(pk__in=ids)
    assert {(c.price, c.condition, c.version) for c in changed} == {(Decimal("4.50"), "LP", 2)}
    untouched = Collectible.objects.get(pk=shelf[1].pk)
    assert (untouched.price, untouched.condition) == (Decimal("1.00"), "NM")
    history = owner_client.get(reverse("collectible-history", args=[ids[0]])).data["results"]
    assert history[0]["label"] == "Bulk edit"
    assert history[0]["user"]["id"] == owner.pk
    assert {c["field"] for c in history[0]["changes"]} == {"price", "condition"}


def test_update_by_filters(owner_client, shelf):
    response = owner_client.post(
        BULK_URL,
        {"action": "update", "filters": {"language": "ja"}, "changes": {"quantity": 0}},
        format="json",
    )
    assert response.data["count"] == 2
    assert sorted(Collectible.objects.filter(quantity=0).values_list("pk", flat=True)) == [
        shelf[2].pk,
        shelf[3].pk,
    ]


def test_quantity_changes_write_movements(owner_client, shelf):
    owner_client.post(
        BULK_URL, {"action": "update", "ids": [shelf[4].pk], "changes": {"quantity": 9}}, format="json"
    )
    movement = StockMovement.objects.get(collectible_id=shelf[4].pk)
    assert (movement.delta, movement.quantity_after, movement.note) == (4, 9, "Bulk edit")


def test_another_vendors_ids_are_not_found_and_nothing_is_applied(owner_client, shelf, other_vendor):
    theirs = CardFactory(vendor=other_vendor, price=Decimal("7.00"))
    response = owner_client.post(
        BULK_URL,
        {"action": "update", "ids": [shelf[0].pk, theirs.pk], "changes": {"price": "0.01"}},
        format="json",
    )
    assert response.status_code == 400
    assert response.data["results"] == [
        {"id": shelf[0].pk, "status": "ok"},
        {"id": theirs.pk, "status": "not_found"},
    ]
    assert Collectible.objects.get(pk=shelf[0].pk).price == Decimal("1.00")
    assert Collectible.objects.get(pk=theirs.pk).price == Decimal("7.00")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"action": "update", "ids": [1], "changes": {"price": "-1"}}, "changes"),
        ({"action": "update", "ids": [1], "changes": {"condition": "GOOD"}}, "changes"),
        ({"action": "update", "ids": [1]}, "changes"),
        ({"action": "update", "ids": [1], "changes": {}}, "changes"),
        ({"action": "archive", "ids": [1]}, "action"),
        ({"action": "delete"}, "non_field_errors"),
        ({"action": "delete", "ids": [1], "filters": {}}, "non_field_errors"),
        ({"action": "delete", "ids": []}, "ids"),
        ({"action": "delete", "ids": ["x"]}, "ids"),
        ({"action": "delete", "filters": {"price_min": "abc"}}, "filters"),
        ({"action": "delete", "filters": {"ordering": ",".join(["name"] * 1000)}}, "filters"),
    ],
)
def test_bad_bulk_requests_are_400(owner_client, shelf, body, field):
    response = owner_client.post(BULK_URL, body, format="json")
    assert response.status_code == 400
    assert field in response.data
    assert Collectible.objects.count() == 5


def test_bulk_is_capped(owner_client, shelf, settings):
    settings.BULK_EDIT_MAX_ROWS = 3
    response = owner_client.post(BULK_URL, {"action": "delete", "filters": {}}, format="json")
    assert response.status_code == 400
    assert Collectible.objects.count() == 5


def test_bulk_delete(owner_client, shelf):
    ids = [shelf[0].pk, shelf[1].pk]
    response = owner_client.post(BULK_URL, {"action": "delete", "ids": ids}, format="json")
    assert response.status_code == 200
    assert response.data["results"] == [{"id": pk, "status": "deleted"} for pk in ids]
    assert Collectible.objects.count() == 3
    history = owner_client.get(reverse("collectible-history", args=[ids[0]])).data["results"]
    assert (history[0]["action"], history[0]["label"]) == ("deleted", "Bulk delete")


def test_bulk_delete_by_filter_respects_vendor(owner_client, shelf, other_vendor):
    CardFactory(vendor=other_vendor, card_details__language="DE")
    response = owner_client.post(BULK_URL, {"action": "delete", "filters": {"language": "DE"}}, format="json")
    assert response.data["count"] == 1
    assert Collectible.objects.filter(card_details__language="DE").count() == 1


def test_viewers_cannot_bulk_edit(viewer_client, shelf):
    response = viewer_client.post(BULK_URL, {"action": "delete", "ids": [shelf[0].pk]}, format="json")
    assert response.status_code == 403
    assert Collectible.objects.count() == 5


def test_a_misspelt_filter_is_400_and_changes_nothing(owner_client, shelf):
    response = owner_client.post(BULK_URL, {"action": "delete", "filters": {"lnguage": "JA"}}, format="json")
    assert response.status_code == 400
    assert "lnguage" in str(response.data["filters"])
    assert Collectible.objects.count() == len(shelf)


@pytest.mark.parametrize("pk", [2**63, 2**70])
def test_ids_beyond_the_key_range_are_400(owner_client, shelf, pk):
    response = owner_client.post(BULK_URL, {"action": "delete", "ids": [pk]}, format="json")
    assert response.status_code == 400
    assert "ids" in response.data
    assert Collectible.objects.count() == len(shelf)
