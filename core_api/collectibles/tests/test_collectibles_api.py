"""CRUD, vendor isolation and role permissions on /api/v1/collectibles/."""

from decimal import Decimal

import pytest
from django.urls import reverse

from collectibles.models import Collectible
from collectibles.tests.factories import CardFactory, CollectibleFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("collectible-list")


def detail_url(pk):
    return reverse("collectible-detail", args=[pk])


def new_card(**overrides):
    body = {
        "name": "Charizard",
        "condition": "NM",
        "quantity": 3,
        "price": "420.00",
        "release_date": "1999-01-09",
        "external_ids": {"tcgplayer": "83712", "cardmarket": 273699},
        "card_details": {
            "game": "pokemon",
            "set_name": "Base Set",
            "set_code": "BS",
            "card_number": "4/102",
            "rarity": "Holo Rare",
            "language": "EN",
            "market_region": "NA",
            "finish": "holo",
        },
    }
    body.update(overrides)
    return body


# --- create -------------------------------------------------------------------


def test_owner_creates_a_card_for_their_vendor(owner_client, owner, vendor):
    response = owner_client.post(LIST_URL, new_card(), format="json")
    assert response.status_code == 201, response.data
    body = response.data
    assert body["vendor"] == vendor.pk
    assert body["user"] == owner.pk
    assert body["currency"] == "USD"
    assert body["price"] == "420.00"
    assert body["external_ids"] == {"tcgplayer": "83712", "cardmarket": 273699}
    assert body["card_details"]["card_number"] == "4/102"
    assert body["card_details"]["grading_company"] is None
    stored = Collectible.objects.get(pk=body["id"])
    assert stored.vendor == vendor
    assert stored.card_details.finish == "holo"


def test_editor_can_create(editor_client):
    assert editor_client.post(LIST_URL, new_card(), format="json").status_code == 201


def test_currency_defaults_to_the_vendors_currency(client_for, other_owner):
    response = client_for(other_owner).post(LIST_URL, new_card(), format="json")
    assert response.data["currency"] == "EUR"


def test_explicit_currency_is_kept(owner_client):
    response = owner_client.post(LIST_URL, new_card(currency="JPY"), format="json")
    assert response.status_code == 201
    assert response.data["currency"] == "JPY"


def test_sealed_product_has_no_card_details(owner_client):
    body = new_card(name="Evolving Skies Booster Box")
    del body["card_details"]
    response = owner_client.post(LIST_URL, body, format="json")
    assert response.status_code == 201
    assert response.data["card_details"] is None


def test_vendor_and_user_in_the_body_are_ignored_when_they_are_the_callers(owner_client, vendor, other_owner):
    response = owner_client.post(LIST_URL, new_card(vendor=vendor.pk, user=other_owner.pk), format="json")
    assert response.status_code == 201
    assert response.data["vendor"] == vendor.pk
    assert response.data["user"] != other_owner.pk


def test_create_naming_another_vendor_is_403_and_writes_nothing(owner_client, other_vendor):
    response = owner_client.post(LIST_URL, new_card(vendor=other_vendor.pk), format="json")
    assert response.status_code == 403
    assert "another vendor" in response.data["detail"]
    assert not Collectible.objects.exists()


def test_create_naming_a_nonexistent_vendor_is_403(owner_client):
    response = owner_client.post(LIST_URL, new_card(vendor=999999), format="json")
    assert response.status_code == 403


def test_viewer_cannot_create(viewer_client):
    response = viewer_client.post(LIST_URL, new_card(), format="json")
    assert response.status_code == 403
    assert response.data["detail"] == "Your role (viewer) is read-only."
    assert not Collectible.objects.exists()


def test_user_without_vendor_cannot_create(loner_client):
    response = loner_client.post(LIST_URL, new_card(), format="json")
    assert response.status_code == 403
    assert response.data["detail"] == "Your account is not attached to a vendor."


def test_anonymous_cannot_create(api_client, db):
    assert api_client.post(LIST_URL, new_card(), format="json").status_code == 401


def test_sku_is_unique_per_vendor(owner_client, vendor, other_vendor):
    CollectibleFactory(vendor=other_vendor, sku="PKM-BS-4")
    first = owner_client.post(LIST_URL, new_card(sku="PKM-BS-4"), format="json")
    assert first.status_code == 201
    second = owner_client.post(LIST_URL, new_card(sku=" PKM-BS-4 "), format="json")
    assert second.status_code == 400
    assert second.data == {"sku": ["Your vendor already has a collectible with this SKU."]}


def test_blank_skus_do_not_clash(owner_client):
    for _ in range(2):
        assert owner_client.post(LIST_URL, new_card(sku=""), format="json").status_code == 201


# --- read ---------------------------------------------------------------------


def test_list_shows_only_the_callers_vendor(owner_client, vendor, other_vendor):
    mine = CardFactory.create_batch(3, vendor=vendor)
    CardFactory.create_batch(2, vendor=other_vendor)
    response = owner_client.get(LIST_URL)
    assert response.status_code == 200
    assert response.data["count"] == 3
    assert {row["id"] for row in response.data["results"]} == {c.pk for c in mine}


def test_viewer_can_list_and_read(viewer_client, vendor):
    card = CardFactory(vendor=vendor)
    assert viewer_client.get(LIST_URL).data["count"] == 1
    assert viewer_client.get(detail_url(card.pk)).status_code == 200


def test_user_without_vendor_gets_an_empty_list(loner_client, vendor):
    CardFactory(vendor=vendor)
    response = loner_client.get(LIST_URL)
    assert response.status_code == 200
    assert response.data == {"count": 0, "next": None, "previous": None, "results": []}


def test_user_without_vendor_gets_404_on_detail(loner_client, vendor):
    assert loner_client.get(detail_url(CardFactory(vendor=vendor).pk)).status_code == 404


def test_detail_has_every_field(owner_client, vendor):
    card = CardFactory(vendor=vendor, sku="X-1", external_ids={"tcgplayer": "1"})
    body = owner_client.get(detail_url(card.pk)).data
    assert set(body) == {
        "id",
        "vendor",
        "user",
        "name",
        "description",
        "sku",
        "condition",
        "quantity",
        "price",
        "currency",
        "release_date",
        "external_ids",
        "image",
        "card_details",
        "version",
        "created_at",
        "updated_at",
    }
    assert set(body["card_details"]) == {
        "game",
        "set_name",
        "set_code",
        "card_number",
        "rarity",
        "language",
        "market_region",
        "finish",
        "grading_company",
        "grade",
    }


# --- vendor isolation on every verb --------------------------------------------


@pytest.mark.parametrize(
    ("method", "body"),
    [
        ("get", None),
        ("put", new_card()),
        ("patch", {"price": "1.00"}),
        ("delete", None),
    ],
)
def test_another_vendors_item_is_404_on_every_verb(owner_client, other_vendor, method, body):
    theirs = CardFactory(vendor=other_vendor, price=Decimal("50.00"))
    response = getattr(owner_client, method)(detail_url(theirs.pk), body, format="json")
    assert response.status_code == 404
    assert response.data == {"detail": "No Collectible matches the given query."}
    theirs.refresh_from_db()
    assert theirs.price == Decimal("50.00")


@pytest.mark.parametrize("method", ["put", "delete"])
def test_another_vendors_image_is_404(owner_client, other_vendor, method):
    theirs = CardFactory(vendor=other_vendor)
    url = reverse("collectible-image", args=[theirs.pk])
    assert getattr(owner_client, method)(url, {}, format="multipart").status_code == 404


def test_unknown_id_is_404_just_like_another_vendors(owner_client):
    assert owner_client.get(detail_url(987654)).status_code == 404


def test_non_numeric_id_is_404(owner_client):
    assert owner_client.get("/api/v1/collectibles/abc/").status_code == 404


# --- update / delete ----------------------------------------------------------


def test_owner_puts_a_full_replacement(owner_client, vendor):
    card = CardFactory(vendor=vendor, name="Old name", quantity=1)
    response = owner_client.put(detail_url(card.pk), new_card(name="New name", quantity=7), format="json")
    assert response.status_code == 200, response.data
    card.refresh_from_db()
    assert (card.name, card.quantity) == ("New name", 7)


def test_patch_changes_only_the_fields_sent(owner_client, vendor):
    card = CardFactory(vendor=vendor, name="Keep me", price=Decimal("10.00"), quantity=2)
    response = owner_client.patch(detail_url(card.pk), {"price": "12.50"}, format="json")
    assert response.status_code == 200
    card.refresh_from_db()
    assert (card.name, card.price, card.quantity) == ("Keep me", Decimal("12.50"), 2)


def test_patch_moves_updated_at(owner_client, vendor):
    card = CardFactory(vendor=vendor)
    before = card.updated_at
    owner_client.patch(detail_url(card.pk), {"quantity": 5}, format="json")
    card.refresh_from_db()
    assert card.updated_at > before


def test_update_cannot_move_an_item_to_another_vendor(owner_client, vendor, other_vendor):
    card = CardFactory(vendor=vendor)
    response = owner_client.patch(detail_url(card.pk), {"vendor": other_vendor.pk}, format="json")
    assert response.status_code == 403
    card.refresh_from_db()
    assert card.vendor == vendor


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_viewer_cannot_change_or_delete(viewer_client, vendor, method):
    card = CardFactory(vendor=vendor, quantity=4)
    response = getattr(viewer_client, method)(detail_url(card.pk), {"quantity": 0}, format="json")
    assert response.status_code == 403
    card.refresh_from_db()
    assert card.quantity == 4


def test_owner_deletes(owner_client, vendor):
    card = CardFactory(vendor=vendor)
    assert owner_client.delete(detail_url(card.pk)).status_code == 204
    assert not Collectible.objects.filter(pk=card.pk).exists()


def test_sku_clash_on_update_is_400(owner_client, vendor):
    CollectibleFactory(vendor=vendor, sku="TAKEN")
    card = CollectibleFactory(vendor=vendor, sku="MINE")
    response = owner_client.patch(detail_url(card.pk), {"sku": "TAKEN"}, format="json")
    assert response.status_code == 400
    assert "sku" in response.data


def test_keeping_your_own_sku_on_update_is_fine(owner_client, vendor):
    card = CollectibleFactory(vendor=vendor, sku="MINE")
    assert owner_client.patch(detail_url(card.pk), {"sku": "MINE"}, format="json").status_code == 200
