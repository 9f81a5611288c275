"""GET/PATCH /api/v1/shop/: the shop's own settings, owners only, each change in the history."""

import pytest

from accounts.models import ShopChange, Vendor
from collectibles.tests.factories import CardFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/shop/"


def test_any_member_reads_their_shop(viewer_client, vendor):
    body = viewer_client.get(URL).json()
    assert body == {
        "id": vendor.pk,
        "name": "Pallet Town Cards",
        "slug": "pallet-town",
        "contact_email": vendor.contact_email,
        "default_currency": "USD",
        "time_zone": "UTC",
        "low_stock_threshold": 2,
    }


@pytest.mark.parametrize("client_name", ["editor_client", "viewer_client"])
def test_only_owners_change_it(request, client_name, vendor):
    response = request.getfixturevalue(client_name).patch(URL, {"name": "Mine now"}, format="json")
    assert response.status_code == 403
    assert Vendor.objects.get(pk=vendor.pk).name == "Pallet Town Cards"


def test_an_owner_changes_settings_and_each_change_is_in_the_history(owner_client, owner, vendor):
    response = owner_client.patch(
        URL,
        {
            "name": "Pallet Town Cards & Games",
            "time_zone": "Europe/Berlin",
            "low_stock_threshold": 5,
            "slug": "ignored",
        },
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["time_zone"] == "Europe/Berlin"
    vendor.refresh_from_db()
    assert (vendor.name, vendor.time_zone, vendor.low_stock_threshold, vendor.slug) == (
        "Pallet Town Cards & Games", "Europe/Berlin", 5, "pallet-town",
    )  # fmt: skip
    changes = {c.member_username: (c.old_value, c.new_value, c.actor) for c in ShopChange.objects.all()}
    assert changes == {
        "name": ("Pallet Town Cards", "Pallet Town Cards & Games", owner),
        "time_zone": ("UTC", "Europe/Berlin", owner),
        "low_stock_threshold": ("2", "5", owner),
    }
    # Saving the same values again records nothing.
    owner_client.patch(URL, {"name": "Pallet Town Cards & Games"}, format="json")
    assert ShopChange.objects.count() == 3


def test_a_new_default_currency_leaves_existing_items_as_they_are(owner_client, vendor):
    item = CardFactory(vendor=vendor, currency="USD")
    assert owner_client.patch(URL, {"default_currency": "EUR"}, format="json").status_code == 200
    item.refresh_from_db()
    assert item.currency == "USD"
    assert Vendor.objects.get(pk=vendor.pk).default_currency == "EUR"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"default_currency": "XYZ"}, "default_currency"),
        ({"low_stock_threshold": 0}, "low_stock_threshold"),
        ({"low_stock_threshold": 1001}, "low_stock_threshold"),
        ({"name": ""}, "name"),
        ({"contact_email": "not-an-address"}, "contact_email"),
    ],
)
def test_bad_settings_are_a_400_on_the_field(owner_client, change, field):
    response = owner_client.patch(URL, change, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not ShopChange.objects.exists()


def test_a_user_without_a_shop_is_refused(loner_client, api_client):
    assert loner_client.get(URL).status_code == 403
    assert api_client.get(URL).status_code == 401
