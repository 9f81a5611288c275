"""The collectible's copies of its card filters (card_game, card_language,
card_market_region, card_set_name) follow the card details whoever writes them
(the PostgreSQL triggers of migrations 0007 and 0008)."""

from unittest import mock

import pytest
from django.urls import reverse

from collectibles import selectors
from collectibles.models import CardDetails, Collectible
from collectibles.tests.factories import CardFactory, CollectibleFactory

pytestmark = pytest.mark.django_db


def copies(collectible):
    row = Collectible.objects.values("card_game", "card_language", "card_market_region").get(
        pk=collectible.pk
    )
    return row["card_game"], row["card_language"], row["card_market_region"]


def test_new_card_gets_its_copies(vendor):
    card = CardFactory(vendor=vendor, card_details__language="JA", card_details__market_region="JP")
    assert copies(card) == ("pokemon", "JA", "JP")


def test_sealed_product_has_none(vendor):
    assert copies(CollectibleFactory(vendor=vendor)) == (None, None, None)


def test_api_changes_to_card_details_reach_the_copies(owner_client, vendor):
    card = CardFactory(vendor=vendor)
    url = reverse("collectible-detail", args=[card.pk])
    owner_client.patch(url, {"card_details": {"language": "DE", "market_region": "EU"}}, format="json")
    assert copies(card) == ("pokemon", "DE", "EU")
    owner_client.patch(url, {"card_details": None}, format="json")
    assert copies(card) == (None, None, None)


def test_bulk_updates_reach_the_copies(vendor):
    cards = CardFactory.create_batch(3, vendor=vendor)
    CardDetails.objects.filter(collectible__in=cards).update(game="mtg", language="RU", market_region="EU")
    assert {copies(card) for card in cards} == {("mtg", "RU", "EU")}


def test_saving_a_stale_collectible_cannot_write_old_copies(vendor):
    card = CardFactory(vendor=vendor, card_details__language="EN")
    stale = Collectible.objects.get(pk=card.pk)
    CardDetails.objects.filter(pk=card.pk).update(language="FR", market_region="EU")
    stale.name = "Renamed"
    stale.save()  # every column, including the stale in-memory copies
    assert copies(card)[1:] == ("FR", "EU")


def test_deleting_a_card_with_details_works(owner_client, vendor):
    card = CardFactory(vendor=vendor)
    assert owner_client.delete(reverse("collectible-detail", args=[card.pk])).status_code == 204
    assert not Collectible.objects.filter(pk=card.pk).exists()


def test_filters_join_card_details_where_there_are_no_copies():
    with mock.patch.object(selectors, "connection", mock.Mock(vendor="sqlite")):
        assert selectors.card_filter_lookup("language") == "card_details__language"
    assert selectors.card_filter_lookup("language") == "card_language"
