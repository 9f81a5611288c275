"""Nested card_details: create, replace, merge, remove, and all-or-nothing writes."""

from decimal import Decimal
from unittest import mock

import pytest
from django.db import DatabaseError
from django.urls import reverse

from collectibles.models import CardDetails, Collectible
from collectibles.tests.factories import CardFactory, CollectibleFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("collectible-list")
CARD = {
    "game": "mtg",
    "set_name": "Limited Edition Alpha",
    "set_code": "LEA",
    "card_number": "232",
    "rarity": "Rare",
    "language": "EN",
    "market_region": "NA",
    "finish": "normal",
}


def detail_url(pk):
    return reverse("collectible-detail", args=[pk])


def test_create_with_card_details(owner_client):
    response = owner_client.post(
        LIST_URL, {"name": "Black Lotus", "price": "25000.00", "card_details": CARD}, format="json"
    )
    assert response.status_code == 201, response.data
    details = CardDetails.objects.get(collectible_id=response.data["id"])
    assert (details.game, details.set_code, details.language) == ("mtg", "LEA", "EN")


def test_create_with_null_card_details_creates_none(owner_client):
    response = owner_client.post(LIST_URL, {"name": "Bundle", "card_details": None}, format="json")
    assert response.status_code == 201
    assert not CardDetails.objects.exists()


def test_create_with_graded_card(owner_client):
    card = {**CARD, "grading_company": "PSA", "grade": "9.5"}
    response = owner_client.post(LIST_URL, {"name": "Black Lotus", "card_details": card}, format="json")
    assert response.status_code == 201, response.data
    assert response.data["card_details"]["grade"] == "9.5"


def test_grading_company_without_grade_is_400(owner_client):
    card = {**CARD, "grading_company": "PSA"}
    response = owner_client.post(LIST_URL, {"name": "Lotus", "card_details": card}, format="json")
    assert response.status_code == 400
    assert response.data == {
        "card_details": {"grade": ["A grade is required when a grading company is set."]}
    }
    assert not Collectible.objects.exists()


def test_grade_without_grading_company_is_400(owner_client):
    card = {**CARD, "grade": "8"}
    response = owner_client.post(LIST_URL, {"name": "Lotus", "card_details": card}, format="json")
    assert response.status_code == 400
    assert "grading_company" in response.data["card_details"]


@pytest.mark.parametrize("grade", ["0.5", "10.5", "-1", "abc", "9.25"])
def test_grade_outside_1_to_10_or_too_precise_is_400(owner_client, grade):
    card = {**CARD, "grading_company": "BGS", "grade": grade}
    response = owner_client.post(LIST_URL, {"name": "Lotus", "card_details": card}, format="json")
    assert response.status_code == 400
    assert "grade" in response.data["card_details"]


@pytest.mark.parametrize("missing", ["game", "language", "market_region"])
def test_required_card_fields_on_create(owner_client, missing):
    card = {k: v for k, v in CARD.items() if k != missing}
    response = owner_client.post(LIST_URL, {"name": "Lotus", "card_details": card}, format="json")
    assert response.status_code == 400
    assert response.data == {"card_details": {missing: ["This field is required."]}}
    assert not Collectible.objects.exists()


def test_unknown_nested_choice_is_400_nested(owner_client):
    response = owner_client.post(
        LIST_URL,
        {"name": "Lotus", "card_details": {**CARD, "language": "XX", "finish": "shiny"}},
        format="json",
    )
    assert response.status_code == 400
    assert set(response.data["card_details"]) == {"language", "finish"}


def test_empty_grading_company_is_refused_not_stored(owner_client):
    response = owner_client.post(
        LIST_URL, {"name": "Lotus", "card_details": {**CARD, "grading_company": ""}}, format="json"
    )
    assert response.status_code == 400
    assert "grading_company" in response.data["card_details"]


# --- PUT: replace ---------------------------------------------------------------


def test_put_replaces_card_details_and_resets_fields_left_out(owner_client, vendor):
    card = CardFactory(vendor=vendor, card_details__rarity="Holo Rare", card_details__finish="holo")
    replacement = {"game": "pokemon", "language": "JA", "market_region": "JP"}
    response = owner_client.put(
        detail_url(card.pk), {"name": card.name, "card_details": replacement}, format="json"
    )
    assert response.status_code == 200, response.data
    details = CardDetails.objects.get(pk=card.pk)
    assert (details.language, details.market_region) == ("JA", "JP")
    assert (details.rarity, details.finish) == ("", "normal")


def test_put_without_card_details_leaves_them(owner_client, vendor):
    card = CardFactory(vendor=vendor, card_details__language="DE")
    response = owner_client.put(detail_url(card.pk), {"name": "Renamed"}, format="json")
    assert response.status_code == 200
    assert CardDetails.objects.get(pk=card.pk).language == "DE"


def test_put_with_null_removes_card_details(owner_client, vendor):
    card = CardFactory(vendor=vendor)
    response = owner_client.put(
        detail_url(card.pk), {"name": "Now sealed", "card_details": None}, format="json"
    )
    assert response.status_code == 200
    assert response.data["card_details"] is None
    assert not CardDetails.objects.filter(pk=card.pk).exists()


def test_put_adds_card_details_to_sealed_product(owner_client, vendor):
    item = CollectibleFactory(vendor=vendor)
    response = owner_client.put(detail_url(item.pk), {"name": item.name, "card_details": CARD}, format="json")
    assert response.status_code == 200
    assert CardDetails.objects.get(pk=item.pk).set_code == "LEA"


# --- PATCH: merge ---------------------------------------------------------------


def test_patch_merges_into_existing_card_details(owner_client, vendor):
    card = CardFactory(vendor=vendor, card_details__rarity="Holo Rare", card_details__language="EN")
    response = owner_client.patch(detail_url(card.pk), {"card_details": {"language": "FR"}}, format="json")
    assert response.status_code == 200, response.data
    details = CardDetails.objects.get(pk=card.pk)
    assert (details.language, details.rarity) == ("FR", "Holo Rare")
    assert response.data["card_details"]["language"] == "FR"


def test_patch_grade_checks_the_merged_state(owner_client, vendor):
    card = CardFactory(vendor=vendor, card_details__grading_company="PSA", card_details__grade=Decimal("9"))
    ok = owner_client.patch(detail_url(card.pk), {"card_details": {"grade": "10"}}, format="json")
    assert ok.status_code == 200
    assert CardDetails.objects.get(pk=card.pk).grade == Decimal("10")
    bad = owner_client.patch(detail_url(card.pk), {"card_details": {"grade": None}}, format="json")
    assert bad.status_code == 400
    assert "grade" in bad.data["card_details"]


def test_patch_creating_card_details_needs_the_required_fields(owner_client, vendor):
    item = CollectibleFactory(vendor=vendor)
    response = owner_client.patch(
        detail_url(item.pk), {"card_details": {"set_name": "Jungle"}}, format="json"
    )
    assert response.status_code == 400
    assert set(response.data["card_details"]) == {"game", "language", "market_region"}
    assert not CardDetails.objects.filter(pk=item.pk).exists()


def test_patch_can_create_card_details(owner_client, vendor):
    item = CollectibleFactory(vendor=vendor)
    response = owner_client.patch(detail_url(item.pk), {"card_details": CARD}, format="json")
    assert response.status_code == 200
    assert CardDetails.objects.get(pk=item.pk).game == "mtg"


def test_patch_with_null_removes_card_details(owner_client, vendor):
    card = CardFactory(vendor=vendor)
    response = owner_client.patch(detail_url(card.pk), {"card_details": None}, format="json")
    assert response.status_code == 200
    assert response.data["card_details"] is None
    assert not CardDetails.objects.filter(pk=card.pk).exists()


def test_patch_of_card_details_only_moves_updated_at(owner_client, vendor):
    card = CardFactory(vendor=vendor)
    before = card.updated_at
    owner_client.patch(detail_url(card.pk), {"card_details": {"rarity": "Common"}}, format="json")
    card.refresh_from_db()
    assert card.updated_at > before


# --- atomicity ------------------------------------------------------------------


def test_failure_writing_card_details_on_create_leaves_nothing(owner_client):
    with (
        mock.patch.object(CardDetails, "save", side_effect=DatabaseError("disk full")),
        pytest.raises(DatabaseError),
    ):
        owner_client.post(LIST_URL, {"name": "Lotus", "card_details": CARD}, format="json")
    assert not Collectible.objects.exists()
    assert not CardDetails.objects.exists()


def test_failure_writing_card_details_on_update_keeps_the_old_state(owner_client, vendor):
    card = CardFactory(vendor=vendor, name="Before", card_details__language="EN")
    with (
        mock.patch.object(CardDetails, "save", side_effect=DatabaseError("disk full")),
        pytest.raises(DatabaseError),
    ):
        owner_client.put(
            detail_url(card.pk),
            {"name": "After", "card_details": {**CARD, "language": "JA"}},
            format="json",
        )
    card.refresh_from_db()
    assert card.name == "Before"
    assert CardDetails.objects.get(pk=card.pk).language == "EN"


def test_invalid_nested_part_on_update_changes_nothing(owner_client, vendor):
    card = CardFactory(vendor=vendor, name="Before")
    response = owner_client.patch(
        detail_url(card.pk), {"name": "After", "card_details": {"language": "XX"}}, format="json"
    )
    assert response.status_code == 400
    card.refresh_from_db()
    assert card.name == "Before"
