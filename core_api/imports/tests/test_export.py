"""Streaming CSV export with the list's filters; round trip through the importer."""

import csv
import io
from decimal import Decimal

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse

from collectibles.models import Collectible
from collectibles.tests.factories import CardFactory, CollectibleFactory
from imports.export import escape

pytestmark = pytest.mark.django_db

EXPORT_URL = reverse("collectible-export")


def export(client, **params):
    response = client.get(EXPORT_URL, params)
    assert response.status_code == 200, getattr(response, "data", response)
    assert isinstance(response, StreamingHttpResponse)
    content = b"".join(response.streaming_content)
    return response, content


def parse(content: bytes):
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.fixture
def stock(vendor, other_vendor):
    CardFactory(
        vendor=vendor,
        name="Charizard",
        sku="C-1",
        quantity=2,
        price=Decimal("300.00"),
        external_ids={"tcgplayer": "83712", "cardmarket": 273699},
        card_details__language="EN",
        card_details__finish="holo",
        card_details__set_code="BS",
    )
    CardFactory(
        vendor=vendor,
        name="Lizardon",
        sku="C-2",
        quantity=1,
        card_details__language="JA",
        card_details__market_region="JP",
    )
    CollectibleFactory(vendor=vendor, name='=HYPERLINK("http://evil")', sku="S-1", quantity=0)
    CardFactory(vendor=other_vendor, name="Theirs")


def test_omnistock_export_has_every_field(owner_client, stock):
    response, content = export(owner_client)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment; filename=" in response["Content-Disposition"]
    rows = parse(content)
    assert {row["name"] for row in rows} == {"Charizard", "Lizardon", '\'=HYPERLINK("http://evil")'}
    charizard = next(row for row in rows if row["sku"] == "C-1")
    assert charizard["external_id:tcgplayer"] == "83712"
    assert charizard["external_id:cardmarket"] == "273699"
    assert (charizard["finish"], charizard["set_code"], charizard["price"]) == ("holo", "BS", "300.00")


def test_export_takes_the_list_filters(owner_client, stock):
    _, content = export(owner_client, language="ja")
    assert [row["name"] for row in parse(content)] == ["Lizardon"]
    _, content = export(owner_client, in_stock="false")
    assert [row["sku"] for row in parse(content)] == ["S-1"]


def test_export_validates_its_parameters(owner_client, stock):
    assert owner_client.get(EXPORT_URL, {"format": "xlsx"}).status_code == 400
    assert owner_client.get(EXPORT_URL, {"price_min": "abc"}).status_code == 400


def test_tcgplayer_export(owner_client, stock):
    _, content = export(owner_client, format="tcgplayer")
    rows = {row["Product Name"]: row for row in parse(content)}
    assert rows["Charizard"]["Condition"] == "Near Mint Holofoil"
    assert rows["Charizard"]["TCGplayer Id"] == "83712"
    assert rows["Lizardon"]["Condition"] == "Near Mint - Japanese"
    assert rows["Charizard"]["Product Line"] == "Pokemon"


def test_export_is_vendor_scoped_and_needs_auth(owner_client, api_client, stock):
    _, content = export(owner_client)
    assert "Theirs" not in content.decode()
    assert api_client.get(EXPORT_URL).status_code == 401


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-2", "'-2"),
        ("@cmd", "'@cmd"),
        ("plain", "plain"),
        (5, 5),
    ],
)
def test_formula_cells_are_escaped(value, expected):
    assert escape(value) == expected


@pytest.mark.parametrize("export_format", ["omnistock", "tcgplayer"])
def test_export_then_import_changes_nothing(owner_client, upload, vendor, export_format):
    CardFactory(
        vendor=vendor,
        name="Charizard",
        description="Well centred.\n\nLight  whitening on the back:\n- top edge",
        quantity=2,
        price=Decimal("300.00"),
        # The API takes numeric ids too; a CSV gives them back as text.
        external_ids={"tcgplayer": 83712, "cardmarket": 273699},
        card_details__finish="holo",
        card_details__set_name="Base Set",
        card_details__card_number="4/102",
    )
    CardFactory(
        vendor=vendor,
        name="Blastoise",
        quantity=1,
        price=Decimal("150.00"),
        external_ids={"tcgplayer": "83713"},
        card_details__language="JA",
        card_details__market_region="JP",
        card_details__card_number="2/102",
    )
    CollectibleFactory(  # sealed product: no card details (a TCGplayer file matches it by its id)
        vendor=vendor,
        name="-Sealed box",
        description="Factory sealed.\r\nShips in its case.",
        sku="BOX-1",
        quantity=3,
        price=Decimal("99.00"),
        external_ids={"shop": "x", "tcgplayer": 555001},
    )
    _, content = export(owner_client, format=export_format)
    batch = upload(owner_client, content, filename=f"roundtrip.{export_format}.csv").data
    assert batch["format"] == export_format
    assert batch["counts"]["unchanged"] == batch["total_rows"] == Collectible.objects.count() == 3


def test_omnistock_export_recreates_the_inventory_elsewhere(owner_client, other_client, upload, vendor):
    CardFactory(
        vendor=vendor,
        name="Graded Charizard",
        sku="G-1",
        quantity=1,
        price=Decimal("2500.00"),
        currency="USD",
        description='Slabbed, "gem"',
        external_ids={"tcgplayer": "83712"},
        card_details__grading_company="PSA",
        card_details__grade=Decimal("9.5"),
        card_details__rarity="Holo Rare",
    )
    CollectibleFactory(vendor=vendor, name="Booster Box", sku="B-1", quantity=4, price=Decimal("650.00"))
    _, content = export(owner_client)
    batch = upload(other_client, content).data
    assert batch["counts"]["create"] == 2
    other_client.post(reverse("import-commit", args=[batch["id"]]))

    def shape(item):
        details = getattr(item, "card_details", None)
        card = (
            None
            if details is None
            else (details.game, details.grading_company, details.grade, details.rarity)
        )
        return (
            item.sku,
            item.name,
            item.description,
            item.quantity,
            item.price,
            item.currency,
            item.external_ids,
            card,
        )

    mine = sorted(shape(c) for c in Collectible.objects.filter(vendor=vendor).select_related("card_details"))
    theirs = sorted(
        shape(c) for c in Collectible.objects.exclude(vendor=vendor).select_related("card_details")
    )
    assert mine == theirs
