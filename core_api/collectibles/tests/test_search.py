"""search=: typo-tolerant on PostgreSQL (pg_trgm), ranked by similarity."""

from unittest import mock

import pytest
from django.urls import reverse

from collectibles import selectors
from collectibles.models import Collectible
from collectibles.tests.factories import CardFactory, CollectibleFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("collectible-list")


@pytest.fixture
def stock(vendor, other_vendor):
    return {
        "charizard": CardFactory(
            vendor=vendor,
            name="Charizard",
            card_details__set_name="Base Set",
            card_details__card_number="4/102",
        ),
        "charizard-vmax": CardFactory(
            vendor=vendor,
            name="Charizard VMAX",
            card_details__set_name="Darkness Ablaze",
            card_details__card_number="20/189",
        ),
        "blastoise": CardFactory(
            vendor=vendor,
            name="Blastoise",
            card_details__set_name="Base Set",
            card_details__card_number="2/102",
        ),
        "lotus": CardFactory(
            vendor=vendor,
            name="Black Lotus",
            card_details__set_name="Limited Edition Alpha",
            card_details__card_number="232",
        ),
        "box": CollectibleFactory(vendor=vendor, name="Evolving Skies Booster Box"),
        "theirs": CardFactory(vendor=other_vendor, name="Charizard"),
    }


def search(client, query, **extra):
    response = client.get(LIST_URL, {"search": query, **extra})
    assert response.status_code == 200, response.data
    return response.data["results"]


def names_of(rows):
    return [row["name"] for row in rows]


@pytest.mark.parametrize("typo", ["charzard", "charizrd", "CHARIZARD", "charisard"])
def test_typos_still_find_charizard(owner_client, stock, typo):
    assert "Charizard" in names_of(search(owner_client, typo))


def test_results_are_ranked_by_similarity(owner_client, stock):
    rows = search(owner_client, "charizard")
    assert names_of(rows)[:2] == ["Charizard", "Charizard VMAX"]
    assert "Blastoise" not in names_of(rows)


def test_search_never_crosses_vendors(owner_client, stock):
    ids = {row["id"] for row in search(owner_client, "charizard")}
    assert stock["theirs"].pk not in ids


def test_search_matches_set_name(owner_client, stock):
    assert set(names_of(search(owner_client, "limited edition alpa"))) == {"Black Lotus"}


def test_search_matches_card_number_exactly_and_ranks_it_first(owner_client, stock):
    rows = search(owner_client, "4/102")
    assert names_of(rows)[0] == "Charizard"


def test_search_matches_substrings(owner_client, stock):
    assert names_of(search(owner_client, "booster")) == ["Evolving Skies Booster Box"]


def test_explicit_ordering_overrides_relevance(owner_client, stock):
    rows = search(owner_client, "charizard", ordering="-name")
    assert names_of(rows)[:2] == ["Charizard VMAX", "Charizard"]


def test_blank_search_returns_everything(owner_client, stock):
    assert len(search(owner_client, "   ")) == 5


def test_nonsense_finds_nothing(owner_client, stock):
    assert search(owner_client, "qwxzvbn") == []


def test_search_combines_with_filters(owner_client, stock, vendor):
    CardFactory(
        vendor=vendor, name="Charizard", card_details__language="JA", card_details__market_region="JP"
    )
    rows = search(owner_client, "charizard", language="JA")
    assert len(rows) == 1


def test_fallback_without_postgres_is_case_insensitive_contains(stock, vendor):
    queryset = Collectible.objects.filter(vendor=vendor)
    with mock.patch.object(selectors, "connection", mock.Mock(vendor="sqlite")):
        found = selectors.search_collectibles(queryset, "LOTUS")
        by_number = selectors.search_collectibles(queryset, "2/102")
        typo = selectors.search_collectibles(queryset, "charzard")
    assert [c.name for c in found] == ["Black Lotus"]
    assert [c.name for c in by_number] == ["Blastoise"]
    assert list(typo) == []
