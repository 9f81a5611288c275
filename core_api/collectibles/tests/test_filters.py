"""Every list filter, their combination, and bad filter values (table-driven)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from collectibles.tests.factories import CardFactory, CollectibleFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("collectible-list")


@pytest.fixture
def stock(vendor, other_vendor):
    """A small shop: names are the keys the expectations refer to."""
    rows = {
        "charizard-en": CardFactory(
            vendor=vendor,
            name="Charizard",
            condition="NM",
            quantity=2,
            price=Decimal("350.00"),
            release_date=dt.date(1999, 1, 9),
            card_details__game="pokemon",
            card_details__language="EN",
            card_details__market_region="NA",
        ),
        "charizard-ja": CardFactory(
            vendor=vendor,
            name="Charizard",
            condition="LP",
            quantity=0,
            price=Decimal("120.00"),
            release_date=dt.date(1996, 10, 20),
            card_details__game="pokemon",
            card_details__language="JA",
            card_details__market_region="JP",
        ),
        "lotus-de": CardFactory(
            vendor=vendor,
            name="Black Lotus",
            condition="MP",
            quantity=1,
            price=Decimal("9000.00"),
            release_date=dt.date(1993, 8, 5),
            card_details__game="mtg",
            card_details__language="DE",
            card_details__market_region="EU",
        ),
        "luffy-ja-eu": CardFactory(
            vendor=vendor,
            name="Monkey.D.Luffy",
            condition="NM",
            quantity=5,
            price=Decimal("4.50"),
            release_date=dt.date(2022, 7, 8),
            card_details__game="onepiece",
            card_details__language="JA",
            card_details__market_region="EU",
        ),
        "booster-box": CollectibleFactory(
            vendor=vendor,
            name="Evolving Skies Booster Box",
            condition="M",
            quantity=3,
            price=Decimal("650.00"),
            release_date=None,
        ),
    }
    # Another vendor's stock matches many filters and must never show up.
    CardFactory(
        vendor=other_vendor, name="Charizard", card_details__language="JA", card_details__market_region="JP"
    )
    return rows


def ids_for(client, params, stock):
    response = client.get(LIST_URL, params)
    assert response.status_code == 200, response.data
    names = {pk: key for key, obj in stock.items() for pk in [obj.pk]}
    return {names[row["id"]] for row in response.data["results"]}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"charizard-en", "charizard-ja", "lotus-de", "luffy-ja-eu", "booster-box"}),
        ({"language": "JA"}, {"charizard-ja", "luffy-ja-eu"}),
        ({"language": "ja"}, {"charizard-ja", "luffy-ja-eu"}),
        ({"market_region": "EU"}, {"lotus-de", "luffy-ja-eu"}),
        ({"market_region": "eu"}, {"lotus-de", "luffy-ja-eu"}),
        ({"game": "POKEMON"}, {"charizard-en", "charizard-ja"}),
        ({"game": "mtg"}, {"lotus-de"}),
        ({"condition": "nm"}, {"charizard-en", "luffy-ja-eu"}),
        ({"condition": "M"}, {"booster-box"}),
        ({"release_date_after": "1999-01-09"}, {"charizard-en", "luffy-ja-eu"}),
        ({"release_date_before": "1996-10-20"}, {"charizard-ja", "lotus-de"}),
        (
            {"release_date_after": "1996-10-20", "release_date_before": "1999-01-09"},
            {"charizard-en", "charizard-ja"},
        ),
        ({"price_min": "120"}, {"charizard-en", "charizard-ja", "lotus-de", "booster-box"}),
        ({"price_max": "120.00"}, {"charizard-ja", "luffy-ja-eu"}),
        ({"price_min": "100", "price_max": "400"}, {"charizard-en", "charizard-ja"}),
        ({"in_stock": "true"}, {"charizard-en", "lotus-de", "luffy-ja-eu", "booster-box"}),
        ({"in_stock": "false"}, {"charizard-ja"}),
        ({"in_stock": "1"}, {"charizard-en", "lotus-de", "luffy-ja-eu", "booster-box"}),
        # Combinations narrow together.
        ({"language": "JA", "market_region": "EU"}, {"luffy-ja-eu"}),
        ({"language": "JA", "in_stock": "true", "price_max": "10"}, {"luffy-ja-eu"}),
        (
            {
                "game": "pokemon",
                "condition": "NM",
                "release_date_after": "1998-01-01",
                "price_min": "300",
                "in_stock": "true",
            },
            {"charizard-en"},
        ),
        ({"language": "EN", "market_region": "JP"}, set()),
        # Empty values mean "no filter", as in an HTML form.
        (
            {"language": "", "in_stock": ""},
            {"charizard-en", "charizard-ja", "lotus-de", "luffy-ja-eu", "booster-box"},
        ),
    ],
)
def test_filters(owner_client, stock, params, expected):
    assert ids_for(owner_client, params, stock) == expected


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"release_date_after": "yesterday"}, "release_date_after"),
        ({"release_date_before": "2024-13-01"}, "release_date_before"),
        ({"price_min": "abc"}, "price_min"),
        ({"price_max": "1e999999"}, "price_max"),
        ({"price_max": "NaN"}, "price_max"),
        ({"price_min": "0.001"}, "price_min"),
        ({"in_stock": "maybe"}, "in_stock"),
        ({"language": "XX"}, "language"),
        ({"market_region": "MARS"}, "market_region"),
        ({"game": "chess"}, "game"),
        ({"condition": "mint-ish"}, "condition"),
        ({"ordering": "vendor"}, "ordering"),
        ({"ordering": "-password"}, "ordering"),
        ({"search": "x" * 101}, "search"),
        ({"search": "bad\x00byte"}, "search"),
    ],
)
def test_bad_filter_values_are_400_naming_the_parameter(owner_client, stock, params, field):
    response = owner_client.get(LIST_URL, params)
    assert response.status_code == 400
    assert field in response.data
    assert isinstance(response.data[field], list)


def test_several_bad_filters_are_reported_together(owner_client, stock):
    response = owner_client.get(LIST_URL, {"price_min": "abc", "in_stock": "maybe"})
    assert response.status_code == 400
    assert set(response.data) == {"price_min", "in_stock"}


def test_unknown_query_parameters_are_ignored(owner_client, stock):
    response = owner_client.get(LIST_URL, {"colour": "blue"})
    assert response.status_code == 200
    assert response.data["count"] == 5
