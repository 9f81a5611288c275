"""GET /api/v1/dashboard/: the shop at a glance, scoped to the caller's vendor."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from collectibles.tests.factories import CardFactory, CollectibleFactory
from imports.models import ImportBatch

pytestmark = pytest.mark.django_db
URL = reverse("dashboard")


def test_holdings_per_game_and_currency_largest_value_first(viewer_client, vendor, other_vendor):
    CardFactory(vendor=vendor, card_details__game="pokemon", price=Decimal("10.00"), quantity=3)
    CardFactory(vendor=vendor, card_details__game="pokemon", price=Decimal("2.50"), quantity=2)
    CardFactory(vendor=vendor, card_details__game="mtg", price=Decimal("100.00"), quantity=1)
    CollectibleFactory(vendor=vendor, price=Decimal("5.00"), quantity=0, currency="EUR")
    CardFactory(vendor=other_vendor, card_details__game="pokemon", price=Decimal("999"), quantity=9)

    response = viewer_client.get(URL)

    assert response.status_code == 200
    assert response.json()["holdings"] == [
        {"game": "mtg", "currency": "USD", "items": 1, "units": 1, "value": "100.00"},
        {"game": "pokemon", "currency": "USD", "items": 2, "units": 5, "value": "35.00"},
        {"game": "other", "currency": "EUR", "items": 1, "units": 0, "value": "0.00"},
    ]


def test_low_stock_lists_the_lowest_in_stock_items_and_counts_the_sold_out(
    viewer_client, vendor, other_vendor
):
    CardFactory(
        vendor=vendor,
        name="Two left",
        quantity=2,
        card_details__set_name="Base Set",
        card_details__card_number="4",
    )
    CardFactory(vendor=vendor, name="One left", quantity=1)
    CardFactory(vendor=vendor, name="Plenty", quantity=3)
    CardFactory(vendor=vendor, name="Gone", quantity=0)
    CardFactory(vendor=other_vendor, name="Not ours", quantity=1)

    low = viewer_client.get(URL).json()["low_stock"]

    assert (low["at_most"], low["count"], low["sold_out"]) == (2, 2, 1)
    assert [(item["name"], item["quantity"]) for item in low["items"]] == [("One left", 1), ("Two left", 2)]
    assert low["items"][1]["set_name"] == "Base Set"
    assert low["items"][1]["card_number"] == "4"

    assert viewer_client.get(URL, {"low_stock_at": 3}).json()["low_stock"]["count"] == 3
    # Without the parameter, the shop's own threshold (shop settings) applies.
    vendor.low_stock_threshold = 1
    vendor.save(update_fields=["low_stock_threshold"])
    low = viewer_client.get(URL).json()["low_stock"]
    assert (low["at_most"], low["count"]) == (1, 1)


def test_sealed_product_running_low_has_a_blank_set_and_number(viewer_client, vendor):
    CollectibleFactory(vendor=vendor, name="Booster box", quantity=1)
    (item,) = viewer_client.get(URL).json()["low_stock"]["items"]
    assert (item["name"], item["set_name"], item["card_number"]) == ("Booster box", "", "")


def test_low_stock_counts_beyond_the_ten_it_lists(viewer_client, vendor):
    CardFactory.create_batch(12, vendor=vendor, quantity=1)
    low = viewer_client.get(URL).json()["low_stock"]
    assert (low["count"], len(low["items"])) == (12, 10)


@pytest.mark.parametrize("value", ["0", "1001", "x", "1.5"])
def test_a_bad_threshold_is_a_400_in_the_error_shape(viewer_client, value):
    response = viewer_client.get(URL, {"low_stock_at": value})
    assert response.status_code == 400
    assert "low_stock_at" in response.json()


def test_activity_is_one_entry_per_operation_newest_first(editor_client, viewer_client, vendor, other_vendor):
    first = editor_client.post(
        "/api/v1/collectibles/",
        {"name": "Charizard", "quantity": 3, "price": "4.50", "currency": "USD"},
        format="json",
    ).json()
    second = editor_client.post(
        "/api/v1/collectibles/",
        {"name": "Blastoise", "quantity": 1, "price": "2.00", "currency": "USD"},
        format="json",
    ).json()
    editor_client.post(
        f"/api/v1/collectibles/{first['id']}/adjust/", {"delta": -1, "reason": "sale"}, format="json"
    )
    editor_client.post(
        "/api/v1/collectibles/bulk/",
        {"action": "update", "ids": [first["id"], second["id"]], "changes": {"condition": "LP"}},
        format="json",
    )
    CardFactory(vendor=other_vendor)  # another shop's history is not ours

    activity = viewer_client.get(URL).json()["activity"]

    assert [entry["items"] for entry in activity] == [2, 1, 1, 1]
    assert activity[0]["label"].startswith("Bulk")
    assert activity[1]["label"].startswith("Stock adjustment")
    assert activity[1]["collectible"] == {"id": first["id"], "name": "Charizard", "deleted": False}
    assert activity[1]["user"]["username"] == "editor"
    assert activity[3]["collectible"]["name"] == "Charizard"
    assert all(entry["import_batch"] is None for entry in activity)


def test_the_last_import_and_its_history_entry(editor_client, viewer_client, vendor, other_vendor, editor):
    csv = "sku,name,condition,quantity,price,game,language\n,Pikachu,NM,2,1.00,pokemon,EN\n"
    response = editor_client.post(
        "/api/v1/imports/",
        {"file": SimpleUploadedFile("stock.csv", csv.encode(), content_type="text/csv")},
        format="multipart",
    )
    assert response.status_code in (201, 202), response.content
    batch = response.json()
    editor_client.post(f"/api/v1/imports/{batch['id']}/commit/")
    ImportBatch.objects.create(
        vendor=other_vendor, filename="theirs.csv", format="omnistock", encoding="utf-8"
    )

    data = viewer_client.get(URL).json()

    assert data["last_import"]["id"] == batch["id"]
    assert data["last_import"]["status"] == "committed"
    assert data["last_import"]["create_count"] == 1
    assert data["activity"][0]["import_batch"] == batch["id"]
    assert data["activity"][0]["label"] == f"Import #{batch['id']}"


def test_an_empty_shop(viewer_client):
    assert viewer_client.get(URL).json() == {
        "holdings": [],
        "low_stock": {"at_most": 2, "count": 0, "items": [], "sold_out": 0},
        "activity": [],
        "last_import": None,
    }


def test_only_a_vendors_staff_may_read_it(api_client, loner_client):
    assert api_client.get(URL).status_code == 401
    assert loner_client.get(URL).status_code == 403


def test_the_dashboard_costs_a_bounded_number_of_queries(
    viewer_client, vendor, django_assert_max_num_queries
):
    CardFactory.create_batch(30, vendor=vendor, quantity=1)
    with django_assert_max_num_queries(9):
        assert viewer_client.get(URL).status_code == 200
