"""ETag / If-Match: stale edits get 412 with the current representation instead of overwriting."""

import pytest
from django.urls import reverse

from collectibles.models import Collectible
from collectibles.tests.factories import CardFactory

pytestmark = pytest.mark.django_db


def detail_url(pk):
    return reverse("collectible-detail", args=[pk])


@pytest.fixture
def card(vendor):
    return CardFactory(vendor=vendor, name="Blastoise", price="80.00")


def test_detail_carries_etag_and_version(owner_client, card):
    response = owner_client.get(detail_url(card.pk))
    assert response["ETag"] == '"1"'
    assert response.data["version"] == 1


def test_if_none_match_with_the_current_etag_is_304(owner_client, card):
    response = owner_client.get(detail_url(card.pk), HTTP_IF_NONE_MATCH='"1"')
    assert response.status_code == 304
    assert response["ETag"] == '"1"'
    assert owner_client.get(detail_url(card.pk), HTTP_IF_NONE_MATCH='"0"').status_code == 200


@pytest.mark.parametrize("method", ["put", "patch"])
def test_write_with_the_current_version_applies_and_returns_the_new_etag(owner_client, card, method):
    response = getattr(owner_client, method)(
        detail_url(card.pk), {"name": "Blastoise EX"}, format="json", HTTP_IF_MATCH='"1"'
    )
    assert response.status_code == 200, response.data
    assert response.data["version"] == 2
    assert response["ETag"] == '"2"'


@pytest.mark.parametrize("method", ["put", "patch"])
def test_stale_write_is_412_with_the_current_representation(owner_client, editor_client, card, method):
    editor_client.patch(detail_url(card.pk), {"price": "95.00"}, format="json", HTTP_IF_MATCH='"1"')
    response = getattr(owner_client, method)(
        detail_url(card.pk), {"name": "Mine"}, format="json", HTTP_IF_MATCH='"1"'
    )
    assert response.status_code == 412
    assert response["ETag"] == '"2"'
    assert response.data["current"]["price"] == "95.00"
    assert response.data["current"]["version"] == 2
    assert "changed by someone else" in response.data["detail"]
    card.refresh_from_db()
    assert (card.name, card.version) == ("Blastoise", 2)


def test_stale_delete_is_412_and_keeps_the_item(owner_client, card):
    owner_client.patch(detail_url(card.pk), {"price": "1.00"}, format="json")
    response = owner_client.delete(detail_url(card.pk), HTTP_IF_MATCH='"1"')
    assert response.status_code == 412
    assert Collectible.objects.filter(pk=card.pk).exists()
    assert owner_client.delete(detail_url(card.pk), HTTP_IF_MATCH='"2"').status_code == 204


@pytest.mark.parametrize("header", ['W/"1"', "1", "garbage", '"abc"'])
def test_weak_or_malformed_if_match_never_matches(owner_client, card, header):
    response = owner_client.patch(detail_url(card.pk), {"name": "X"}, format="json", HTTP_IF_MATCH=header)
    assert response.status_code == 412


def test_if_match_star_and_lists(owner_client, card):
    assert (
        owner_client.patch(detail_url(card.pk), {"name": "A"}, format="json", HTTP_IF_MATCH="*").status_code
        == 200
    )
    response = owner_client.patch(detail_url(card.pk), {"name": "B"}, format="json", HTTP_IF_MATCH='"7", "2"')
    assert response.status_code == 200


def test_writes_without_if_match_still_apply(owner_client, card):
    owner_client.patch(detail_url(card.pk), {"name": "First"}, format="json")
    response = owner_client.patch(detail_url(card.pk), {"name": "Second"}, format="json")
    assert response.status_code == 200
    assert response.data["version"] == 3


def test_card_detail_changes_and_adjustments_move_the_version(owner_client, card):
    owner_client.patch(detail_url(card.pk), {"card_details": {"rarity": "Rare Holo"}}, format="json")
    owner_client.post(
        reverse("collectible-adjust", args=[card.pk]), {"delta": 1, "reason": "purchase"}, format="json"
    )
    assert owner_client.get(detail_url(card.pk)).data["version"] == 3


def test_create_returns_an_etag(owner_client):
    response = owner_client.post(reverse("collectible-list"), {"name": "New"}, format="json")
    assert response.status_code == 201
    assert response["ETag"] == '"1"'


def test_invalid_stale_write_reports_validation_first(owner_client, card):
    owner_client.patch(detail_url(card.pk), {"name": "Moved on"}, format="json")
    response = owner_client.patch(detail_url(card.pk), {"price": "-1"}, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 400
