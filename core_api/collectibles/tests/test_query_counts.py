"""A list costs the same few queries whatever the page size (no N+1), and
authentication costs none: the vendor and role come from the token's claims."""

import pytest
from django.urls import reverse

from collectibles.tests.factories import CardFactory, CollectibleFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("collectible-list")

# The page (one row more than asked, to know about a next page) + a COUNT capped
# at LIST_EXACT_COUNT_LIMIT rows.
LIST_QUERIES = 2
# Beyond the limit, + PostgreSQL's estimate (EXPLAIN): the most a list ever costs.
LIST_QUERIES_ESTIMATED = 3
# The vendor's matching terms, the page's ids with the (exact) total, the rows.
SEARCH_QUERIES = 3


@pytest.mark.parametrize("page_size", [1, 10, 100])
def test_list_query_count_is_constant(owner_client, vendor, django_assert_num_queries, page_size):
    CardFactory.create_batch(60, vendor=vendor)
    CollectibleFactory.create_batch(60, vendor=vendor)
    with django_assert_num_queries(LIST_QUERIES):
        response = owner_client.get(LIST_URL, {"page_size": page_size})
    assert len(response.data["results"]) == page_size
    assert response["X-Count-Exact"] == "true"


@pytest.mark.parametrize("page_size", [1, 10])
def test_list_beyond_the_exact_count_limit_costs_at_most_one_more_query(
    owner_client, vendor, settings, django_assert_max_num_queries, page_size
):
    # A page that already reaches past the limit skips the capped COUNT.
    settings.LIST_EXACT_COUNT_LIMIT = 5
    CardFactory.create_batch(30, vendor=vendor)
    with django_assert_max_num_queries(LIST_QUERIES_ESTIMATED):
        response = owner_client.get(LIST_URL, {"page_size": page_size, "language": "EN"})
    assert len(response.data["results"]) == page_size
    assert response["X-Count-Exact"] == "false"


def test_a_list_that_fits_on_its_page_needs_no_count(owner_client, vendor, django_assert_num_queries):
    CardFactory.create_batch(5, vendor=vendor)
    with django_assert_num_queries(1):
        response = owner_client.get(LIST_URL)
    assert response.data["count"] == 5


def test_filtered_search_list_query_count_is_constant(owner_client, vendor, django_assert_num_queries):
    CardFactory.create_batch(40, vendor=vendor, name="Charizard", card_details__language="JA")
    with django_assert_num_queries(SEARCH_QUERIES):
        response = owner_client.get(LIST_URL, {"search": "charzard", "language": "ja", "page_size": 30})
    assert len(response.data["results"]) == 30


def test_cursor_page_query_count(owner_client, vendor, django_assert_num_queries):
    CardFactory.create_batch(40, vendor=vendor)
    with django_assert_num_queries(LIST_QUERIES):
        response = owner_client.get(LIST_URL, {"cursor": "", "page_size": 30})
    assert len(response.data["results"]) == 30


def test_detail_query_count(owner_client, vendor, django_assert_num_queries):
    card = CardFactory(vendor=vendor)
    # The collectible joined with its card details; auth is in the token.
    with django_assert_num_queries(1):
        owner_client.get(reverse("collectible-detail", args=[card.pk]))
