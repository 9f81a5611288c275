"""Page numbers, cursors and counts (common/pagination.py), through the collectibles list."""

import base64
import datetime as dt
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from collectibles.tests.factories import CardFactory, CollectibleFactory
from common import pagination
from common.cursors import Cursor

pytestmark = pytest.mark.django_db

LIST_URL = reverse("collectible-list")


@pytest.fixture
def shelf(vendor):
    """Rows with ties (price, name) and missing release dates, so orderings
    need their tie-breaks and NULL placement to page correctly."""
    specs = [
        ("Bravo", "5.00", 3, dt.date(2001, 1, 1)),
        ("Alpha", "50.00", 1, dt.date(1999, 1, 1)),
        ("Charlie", "0.50", 9, None),
        ("Delta", "5.00", 0, dt.date(2010, 6, 1)),
        ("Echo", "5.00", 2, None),
        ("Alpha", "7.25", 4, dt.date(2001, 1, 1)),
        ("Foxtrot", "120.00", 1, None),
        ("Golf", "0.50", 6, dt.date(1999, 1, 1)),
        ("Hotel", "9.99", 3, dt.date(2022, 2, 2)),
        ("India", "5.00", 5, dt.date(2001, 1, 1)),
        ("Juliet", "33.00", 0, None),
    ]
    return [
        CollectibleFactory(vendor=vendor, name=n, price=Decimal(p), quantity=q, release_date=r)
        for n, p, q, r in specs
    ]


def ids_by_page_number(client, **params):
    response = client.get(LIST_URL, {**params, "page_size": 100})
    return [row["id"] for row in response.data["results"]]


def query_of(url):
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def walk(client, params, start, link):
    """Follow `link` ("next" or "previous") from the page at `start` params; return every page's ids."""
    pages = []
    response = client.get(LIST_URL, {**params, **start})
    while True:
        assert response.status_code == 200, response.data
        pages.append([row["id"] for row in response.data["results"]])
        if not response.data[link]:
            return pages, response
        response = client.get(LIST_URL, query_of(response.data[link]))


ORDERINGS = [None, "name", "-name", "-price", "price,-name", "release_date", "-release_date", "-quantity"]


@pytest.mark.parametrize("ordering", ORDERINGS)
def test_cursor_pages_visit_every_row_once_in_the_same_order_as_page_numbers(owner_client, shelf, ordering):
    params = {"page_size": 3, **({"ordering": ordering} if ordering else {})}
    expected = ids_by_page_number(owner_client, **({"ordering": ordering} if ordering else {}))
    forward, last = walk(owner_client, params, {"cursor": ""}, "next")
    assert [row for page in forward for row in page] == expected
    assert forward[0] == expected[:3]

    backward, first = walk(owner_client, {}, query_of(last.data["previous"]), "previous")
    assert [row for page in reversed(backward) for row in page] + forward[-1] == expected
    assert first.data["previous"] is None


def test_cursor_responses_keep_the_list_shape(owner_client, shelf):
    body = owner_client.get(LIST_URL, {"cursor": "", "page_size": 4}).data
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == len(shelf)
    assert body["previous"] is None
    assert "cursor=" in body["next"]
    assert "page=" not in body["next"]


def test_cursor_with_filters_pages_only_matching_rows(owner_client, vendor):
    CardFactory.create_batch(5, vendor=vendor, card_details__language="JA", card_details__market_region="JP")
    CardFactory.create_batch(5, vendor=vendor)
    pages, _ = walk(owner_client, {"page_size": 2, "language": "ja"}, {"cursor": ""}, "next")
    assert sum(len(page) for page in pages) == 5


@pytest.mark.parametrize(
    "token",
    [
        "not-base64!",
        "eyJ4IjogMX0",
        Cursor(["name", "id"], ["A", 1]).encode(),
        Cursor(["-updated_at", "-id"], [{"a": 1}, 1]).encode(),
        Cursor(["-updated_at", "-id"], ["yesterday", 1]).encode(),
        Cursor(["-updated_at", "-id"], ["2026-01-01T00:00:00Z", 10**30]).encode(),
        Cursor(["-updated_at", "-id"], ["2026-01-01T00:00:00Z", [1]]).encode(),
    ],
)
def test_unusable_cursors_are_400(owner_client, shelf, token):
    response = owner_client.get(LIST_URL, {"cursor": token})
    assert response.status_code == 400
    assert "cursor" in response.data


def test_cursor_of_another_ordering_is_400(owner_client, shelf):
    next_link = owner_client.get(LIST_URL, {"cursor": "", "page_size": 2, "ordering": "name"}).data["next"]
    response = owner_client.get(LIST_URL, {**query_of(next_link), "ordering": "-price"})
    assert response.status_code == 400
    assert response.data == {"cursor": ["This cursor belongs to another ordering; start again."]}


def test_cursor_with_ranked_search_is_400(owner_client, shelf):
    response = owner_client.get(LIST_URL, {"cursor": "", "search": "alpha"})
    assert response.status_code == 400
    assert "cursor" in response.data


def test_count_is_exact_up_to_the_limit(owner_client, shelf, settings):
    settings.LIST_EXACT_COUNT_LIMIT = len(shelf)
    response = owner_client.get(LIST_URL, {"page_size": 2})
    assert (response.data["count"], response["X-Count-Exact"]) == (len(shelf), "true")


def test_count_beyond_the_limit_is_an_estimate_never_below_what_is_known(owner_client, shelf, settings):
    settings.LIST_EXACT_COUNT_LIMIT = 3
    response = owner_client.get(LIST_URL, {"page_size": 2})
    assert response["X-Count-Exact"] == "false"
    assert response.data["count"] >= 4
    deep = owner_client.get(LIST_URL, {"page_size": 2, "page": 4})
    assert deep.data["count"] >= 9


def test_the_last_page_knows_the_exact_count_without_counting(owner_client, shelf, settings):
    settings.LIST_EXACT_COUNT_LIMIT = 3
    response = owner_client.get(LIST_URL, {"page_size": 5, "page": 3})
    assert (response.data["count"], response["X-Count-Exact"]) == (len(shelf), "true")
    assert response.data["next"] is None


def test_page_last_is_the_last_page(owner_client, shelf):
    body = owner_client.get(LIST_URL, {"page_size": 5, "page": "last"}).data
    assert len(body["results"]) == len(shelf) - 10
    assert body["next"] is None
    assert query_of(body["previous"])["page"] == "2"


def test_page_last_of_an_empty_list_is_the_empty_first_page(owner_client, vendor):
    body = owner_client.get(LIST_URL, {"page": "last"}).data
    assert (body["count"], body["results"]) == (0, [])


def test_estimates_are_remembered_for_a_while(owner_client, shelf, settings, django_assert_num_queries):
    settings.LIST_EXACT_COUNT_LIMIT = 3
    first = owner_client.get(LIST_URL, {"page_size": 2})
    with django_assert_num_queries(1):  # the page: the list is known to be large, its estimate remembered
        again = owner_client.get(LIST_URL, {"page_size": 2, "page": 2})
    assert again.data["count"] == max(first.data["count"], 5)
    assert again["X-Count-Exact"] == "false"


@pytest.mark.parametrize("ordering", ["-updated_at", "price,-name", "-release_date"])
def test_deep_pages_pick_ids_first_and_keep_the_order(owner_client, shelf, monkeypatch, ordering):
    monkeypatch.setattr(pagination, "DEFERRED_JOIN_MIN_OFFSET", 0)
    pages = [
        [
            row["id"]
            for row in owner_client.get(LIST_URL, {"ordering": ordering, "page_size": 3, "page": n}).data[
                "results"
            ]
        ]
        for n in range(1, 5)
    ]
    assert [row for page in pages for row in page] == ids_by_page_number(owner_client, ordering=ordering)


def test_a_cursor_with_a_nul_byte_is_400(owner_client, shelf):
    token = Cursor(["name", "id"], ["Char\u0000", 1]).encode()
    response = owner_client.get(LIST_URL, {"cursor": token, "ordering": "name"})
    assert (response.status_code, response.data) == (400, {"cursor": ["Invalid cursor."]})


def test_an_id_too_large_for_its_column_is_400(owner_client, shelf):
    raw = b'{"o":["-updated_at","-id"],"v":["2026-01-01T00:00:00Z",1e400],"b":false}'
    token = base64.urlsafe_b64encode(raw).decode().rstrip("=")
    assert owner_client.get(LIST_URL, {"cursor": token}).status_code == 400


@pytest.mark.parametrize("params", [{"cursor": ""}, {"search": "charizard"}, {"search": "ch"}, {}])
def test_a_user_without_a_vendor_gets_an_empty_list(client_for, loner, params):
    response = client_for(loner).get(LIST_URL, params)
    assert response.status_code == 200
    assert (response.data["count"], response.data["results"]) == (0, [])


def test_the_last_addressable_page_is_404_not_a_database_error(owner_client, shelf):
    for params in ({}, {"search": "alpha"}):
        response = owner_client.get(LIST_URL, {**params, "page_size": 1, "page": 2**63 - 1})
        assert response.status_code == 404
