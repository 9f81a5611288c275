import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from collectibles.tests.factories import CollectibleFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("collectible-list")


@pytest.fixture
def shelf(vendor):
    specs = [
        ("Bravo", Decimal("5.00"), 3, dt.date(2001, 1, 1)),
        ("Alpha", Decimal("50.00"), 1, dt.date(1999, 1, 1)),
        ("Charlie", Decimal("0.50"), 9, None),
        ("Delta", Decimal("5.00"), 0, dt.date(2010, 6, 1)),
    ]
    return [
        CollectibleFactory(vendor=vendor, name=n, price=p, quantity=q, release_date=r) for n, p, q, r in specs
    ]


def names(client, **params):
    response = client.get(LIST_URL, params)
    assert response.status_code == 200, response.data
    return [row["name"] for row in response.data["results"]]


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("name", ["Alpha", "Bravo", "Charlie", "Delta"]),
        ("-name", ["Delta", "Charlie", "Bravo", "Alpha"]),
        ("price", ["Charlie", "Bravo", "Delta", "Alpha"]),
        ("-quantity", ["Charlie", "Bravo", "Alpha", "Delta"]),
        ("release_date", ["Alpha", "Bravo", "Delta", "Charlie"]),
        ("price,-name", ["Charlie", "Delta", "Bravo", "Alpha"]),
        ("created_at", ["Bravo", "Alpha", "Charlie", "Delta"]),
        ("-created_at", ["Delta", "Charlie", "Alpha", "Bravo"]),
    ],
)
def test_ordering(owner_client, shelf, ordering, expected):
    assert names(owner_client, ordering=ordering) == expected


def test_default_order_is_most_recently_updated_first(owner_client, shelf):
    shelf[1].save()  # touch Alpha
    assert names(owner_client)[0] == "Alpha"


def test_equal_sort_keys_break_ties_by_id(owner_client, shelf):
    # Bravo and Delta share a price; id decides, the same way on every page.
    assert names(owner_client, ordering="price") == names(owner_client, ordering="price")
    assert names(owner_client, ordering="price", page_size=1, page=2) == ["Bravo"]
    assert names(owner_client, ordering="price", page_size=1, page=3) == ["Delta"]
    assert names(owner_client, ordering="-price", page_size=1, page=2) == ["Delta"]


def test_default_page_size_is_25(owner_client, vendor):
    CollectibleFactory.create_batch(30, vendor=vendor)
    body = owner_client.get(LIST_URL).data
    assert body["count"] == 30
    assert len(body["results"]) == 25
    assert body["next"].endswith("?page=2")
    assert body["previous"] is None


def test_page_size_is_capped_at_100(owner_client, vendor):
    CollectibleFactory.create_batch(105, vendor=vendor)
    body = owner_client.get(LIST_URL, {"page_size": 1000}).data
    assert len(body["results"]) == 100


def test_last_page_has_the_remainder_and_no_next(owner_client, vendor):
    CollectibleFactory.create_batch(7, vendor=vendor)
    body = owner_client.get(LIST_URL, {"page_size": 5, "page": 2}).data
    assert len(body["results"]) == 2
    assert body["next"] is None
    assert "page_size=5" in body["previous"]


@pytest.mark.parametrize("page", ["3", "0", "-1", "abc", "99999999999999999999"])
def test_pages_out_of_range_are_404(owner_client, vendor, page):
    CollectibleFactory.create_batch(3, vendor=vendor)
    response = owner_client.get(LIST_URL, {"page_size": 2, "page": page})
    assert response.status_code == 404
    assert response.data == {"detail": "Invalid page."}


@pytest.mark.parametrize("page_size", ["0", "-5", "lots"])
def test_unusable_page_sizes_fall_back_to_the_default(owner_client, vendor, page_size):
    CollectibleFactory.create_batch(30, vendor=vendor)
    assert len(owner_client.get(LIST_URL, {"page_size": page_size}).data["results"]) == 25


def test_filters_and_ordering_survive_in_next_links(owner_client, vendor):
    CollectibleFactory.create_batch(3, vendor=vendor, condition="LP")
    body = owner_client.get(LIST_URL, {"condition": "LP", "ordering": "name", "page_size": 2}).data
    assert "condition=LP" in body["next"]
    assert "ordering=name" in body["next"]
