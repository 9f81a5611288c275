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
        found = selectors.search_collectibles(queryset, "LOTUS", vendor_id=vendor.pk, ordered=False)
        by_number = selectors.search_collectibles(queryset, "2/102", vendor_id=vendor.pk, ordered=False)
        typo = selectors.search_collectibles(queryset, "charzard", vendor_id=vendor.pk, ordered=False)
    assert [c.name for c in found] == ["Black Lotus"]
    assert [c.name for c in by_number] == ["Blastoise"]
    assert list(typo) == []


def test_one_or_two_characters_match_name_prefixes(owner_client, stock):
    assert set(names_of(search(owner_client, "ch"))) == {"Charizard", "Charizard VMAX"}
    assert set(names_of(search(owner_client, "B"))) == {"Blastoise", "Black Lotus"}
    assert search(owner_client, "ar") == []  # no substrings, no set names: too short to mean much


def test_search_pages_and_counts_exactly(owner_client, vendor):
    CardFactory.create_batch(7, vendor=vendor, name="Pikachu")
    CardFactory.create_batch(3, vendor=vendor, name="Pikachu VMAX")
    first = owner_client.get(LIST_URL, {"search": "pikachu", "page_size": 4})
    assert (first.data["count"], first["X-Count-Exact"]) == (10, "true")
    pages = [first.data["results"]] + [
        owner_client.get(LIST_URL, {"search": "pikachu", "page_size": 4, "page": n}).data["results"]
        for n in (2, 3)
    ]
    names = [row["name"] for page in pages for row in page]
    assert names == ["Pikachu"] * 7 + ["Pikachu VMAX"] * 3
    assert len({row["id"] for page in pages for row in page}) == 10
    assert owner_client.get(LIST_URL, {"search": "pikachu", "page_size": 4, "page": 4}).status_code == 404


def test_search_with_ordering_pages_and_counts(owner_client, vendor):
    CardFactory.create_batch(5, vendor=vendor, name="Gengar")
    body = owner_client.get(LIST_URL, {"search": "gengr", "ordering": "-price", "page_size": 2}).data
    assert body["count"] == 5
    assert len(body["results"]) == 2


def test_new_and_renamed_stock_is_searchable_at_once(owner_client, vendor):
    card = CardFactory(vendor=vendor, name="Mewtwo", card_details__set_name="Scarlet & Violet 151")
    assert names_of(search(owner_client, "mewtwo")) == ["Mewtwo"]
    assert names_of(search(owner_client, "scarlet violet")) == ["Mewtwo"]
    owner_client.patch(reverse("collectible-detail", args=[card.pk]), {"name": "Mew"}, format="json")
    assert names_of(search(owner_client, "mew")) == ["Mew"]


def test_another_vendors_vocabulary_finds_nothing(owner_client, other_vendor, vendor):
    CardFactory(vendor=other_vendor, name="Snorlax")
    assert search(owner_client, "snorlax") == []


def test_many_matches_are_counted_as_an_estimate(owner_client, vendor, settings):
    settings.LIST_EXACT_COUNT_LIMIT = 2  # exact while at most 3 x 2 ways of matching
    CardFactory.create_batch(9, vendor=vendor, name="Gengar", card_details__set_name="Neo Genesis")
    response = owner_client.get(LIST_URL, {"search": "gengr", "page_size": 2})
    assert response["X-Count-Exact"] == "false"
    assert response.data["count"] >= 9  # each card matches by name and by set: counted up to twice
    assert len(response.data["results"]) == 2


def test_page_last_of_a_search_counts_exactly(owner_client, vendor):
    CardFactory.create_batch(5, vendor=vendor, name="Gengar", card_details__set_name="Neo Genesis")
    body = owner_client.get(LIST_URL, {"search": "gengr", "page_size": 2, "page": "last"}).data
    assert (body["count"], len(body["results"])) == (5, 1)


def test_explicit_ordering_counts_search_matches(owner_client, vendor, settings):
    settings.LIST_EXACT_COUNT_LIMIT = 5
    CardFactory.create_batch(9, vendor=vendor, name="Gengar")
    response = owner_client.get(LIST_URL, {"search": "gengr", "ordering": "name", "page_size": 2})
    assert (response.data["count"], response["X-Count-Exact"]) == (9, "true")


def test_a_large_search_remembers_its_estimate(owner_client, vendor, settings, django_assert_num_queries):
    settings.LIST_EXACT_COUNT_LIMIT = 2
    CardFactory.create_batch(9, vendor=vendor, name="Gengar", card_details__set_name="Neo Genesis")
    first = owner_client.get(LIST_URL, {"search": "gengr", "page_size": 2})
    with django_assert_num_queries(3):  # terms, page (the count remembered), rows
        again = owner_client.get(LIST_URL, {"search": "gengr", "page_size": 2, "page": 2})
    assert (again.data["count"], again["X-Count-Exact"]) == (first.data["count"], "false")
