"""Bad input gets a 400 in DRF's shape and writes nothing."""

import pytest
from django.urls import reverse

from collectibles.models import Collectible
from collectibles.tests.factories import CardFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("collectible-list")
VALID = {"name": "Pikachu", "price": "1.00", "quantity": 1}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"release_date": "yesterday"}, "release_date"),
        ({"release_date": "2024-02-30"}, "release_date"),
        ({"condition": "GOOD"}, "condition"),
        ({"condition": "nm"}, "condition"),
        ({"quantity": -1}, "quantity"),
        ({"quantity": "many"}, "quantity"),
        ({"quantity": 2**31}, "quantity"),
        ({"quantity": 1.5}, "quantity"),
        ({"price": "-0.01"}, "price"),
        ({"price": "abc"}, "price"),
        ({"price": "1.234"}, "price"),
        ({"price": "NaN"}, "price"),
        ({"price": "Infinity"}, "price"),
        ({"price": "10000000000.00"}, "price"),
        ({"currency": "usd"}, "currency"),
        ({"currency": "XYZ"}, "currency"),
        ({"currency": "DOLLARS"}, "currency"),
        ({"name": ""}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"name": "nul\x00byte"}, "name"),
        ({"name": None}, "name"),
        ({"sku": "s" * 65}, "sku"),
        ({"external_ids": ["tcgplayer", "83712"]}, "external_ids"),
        ({"external_ids": "not an object"}, "external_ids"),
        ({"external_ids": {"": "1"}}, "external_ids"),
        ({"external_ids": {"k" * 65: "1"}}, "external_ids"),
        ({"external_ids": {"tcgplayer": {"id": 1}}}, "external_ids"),
        ({"external_ids": {"tcgplayer": ["1"]}}, "external_ids"),
        ({"external_ids": {"tcgplayer": True}}, "external_ids"),
        ({"external_ids": {"tcgplayer": None}}, "external_ids"),
        ({"external_ids": {"tcgplayer": "x" * 256}}, "external_ids"),
        ({"external_ids": {"tcg\x00player": "1"}}, "external_ids"),
        ({"external_ids": {"tcgplayer": "83\x00712"}}, "external_ids"),
        ({"external_ids": {f"market{i}": i for i in range(51)}}, "external_ids"),
        ({"card_details": "pokemon"}, "card_details"),
        (
            {"card_details": {"game": "pokemon", "language": "EN", "market_region": "NA", "grade": "x"}},
            "card_details",
        ),
    ],
)
def test_bad_field_is_400_and_nothing_is_written(owner_client, changes, field):
    response = owner_client.post(LIST_URL, {**VALID, **changes}, format="json")
    assert response.status_code == 400, response.data
    assert field in response.data
    assert not Collectible.objects.exists()


def test_external_ids_accept_strings_and_numbers(owner_client):
    ids = {"tcgplayer": "83712", "cardmarket": 273699, "pricecharting": 12.5}
    response = owner_client.post(LIST_URL, {**VALID, "external_ids": ids}, format="json")
    assert response.status_code == 201
    assert Collectible.objects.get().external_ids == ids


def test_fifty_external_ids_are_allowed(owner_client):
    ids = {f"market{i}": str(i) for i in range(50)}
    assert owner_client.post(LIST_URL, {**VALID, "external_ids": ids}, format="json").status_code == 201


def test_external_ids_errors_say_what_is_wrong(owner_client):
    response = owner_client.post(LIST_URL, {**VALID, "external_ids": {"tcgplayer": True}}, format="json")
    assert response.data == {"external_ids": ["The id for 'tcgplayer' must be a string or a number."]}


def test_missing_name_is_required(owner_client):
    response = owner_client.post(LIST_URL, {"price": "1.00"}, format="json")
    assert response.data == {"name": ["This field is required."]}


def test_malformed_json_body_is_400(owner_client):
    response = owner_client.generic("POST", LIST_URL, '{"name": "Pikachu",', content_type="application/json")
    assert response.status_code == 400
    assert response.data["detail"].startswith("JSON parse error")


def test_json_array_body_is_400(owner_client):
    response = owner_client.post(LIST_URL, [VALID], format="json")
    assert response.status_code == 400
    assert "non_field_errors" in response.data


def test_unsupported_media_type_is_415(owner_client):
    response = owner_client.generic("POST", LIST_URL, "name=x", content_type="text/plain")
    assert response.status_code == 415


def test_bad_patch_changes_nothing(owner_client, vendor):
    card = CardFactory(vendor=vendor, name="Before", quantity=2)
    response = owner_client.patch(
        reverse("collectible-detail", args=[card.pk]), {"name": "After", "quantity": -5}, format="json"
    )
    assert response.status_code == 400
    card.refresh_from_db()
    assert (card.name, card.quantity) == ("Before", 2)


def test_method_not_allowed_is_405(owner_client):
    assert owner_client.put(LIST_URL, VALID, format="json").status_code == 405
