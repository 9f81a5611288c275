"""The list costs the same number of queries whatever the page size (no N+1)."""

import pytest
from django.urls import reverse

from collectibles.tests.factories import CardFactory, CollectibleFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("collectible-list")

# COUNT + page: the vendor and role come from the token's claims, so
# authentication costs no query.
LIST_QUERIES = 2


@pytest.mark.parametrize("page_size", [1, 10, 100])
def test_list_query_count_is_constant(owner_client, vendor, django_assert_num_queries, page_size):
    CardFactory.create_batch(60, vendor=vendor)
    CollectibleFactory.create_batch(60, vendor=vendor)
    with django_assert_num_queries(LIST_QUERIES):
        response = owner_client.get(LIST_URL, {"page_size": page_size})
    assert len(response.data["results"]) == page_size


def test_filtered_search_list_query_count_is_constant(owner_client, vendor, django_assert_num_queries):
    CardFactory.create_batch(30, vendor=vendor, name="Charizard", card_details__language="JA")
    with django_assert_num_queries(LIST_QUERIES):
        response = owner_client.get(LIST_URL, {"search": "charzard", "language": "ja", "page_size": 30})
    assert len(response.data["results"]) == 30


def test_detail_query_count(owner_client, vendor, django_assert_num_queries):
    card = CardFactory(vendor=vendor)
    # The collectible joined with its card details; auth is in the token.
    with django_assert_num_queries(1):
        owner_client.get(reverse("collectible-detail", args=[card.pk]))
