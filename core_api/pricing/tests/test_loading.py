# ruff: noqa: E501  (the sample files are written as their sources publish them, a record a line)
"""Price files in each published format, loaded into daily snapshots (pricing/sources, services)."""

import io
import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from accounts.tests.factories import VendorFactory
from pricing.models import PriceSnapshot
from pricing.services import prices_load
from pricing.sources import SourceFormatError

pytestmark = pytest.mark.django_db
DAY = date(2026, 12, 1)

TCGPLAYER_EXPORT = (
    "TCGplayer Id,Product Line,Set Name,Product Name,Title,Number,Rarity,Condition,TCG Market Price,"
    "TCG Direct Low,TCG Low Price With Shipping,TCG Low Price,Total Quantity,Add to Quantity,"
    "TCG Marketplace Price,Photo URL\n"
    "83712,Pokemon,Base Set,Charizard,,4/102,Holo Rare,Near Mint Holofoil,$350.10,$340.00,$345.00,$330.00,1,0,$360.00,\n"
    "83712,Pokemon,Base Set,Charizard,,4/102,Holo Rare,Lightly Played Holofoil,280.00,,,265.50,0,0,,\n"
    "90001,Magic,Modern Horizons 2,Ragavan,,138,Mythic,Near Mint Foil,95.00,,,90.00,0,0,,\n"
    ",Magic,Modern Horizons 2,Missing id,,1,Common,Near Mint,0.10,,,0.05,0,0,,\n"
    "90002,Magic,Modern Horizons 2,No price,,2,Common,Near Mint,,,,,0,0,,\n"
    "90003,Magic,Modern Horizons 2,Odd condition,,3,Common,Pristine,1.00,,,1.00,0,0,,\n"
)


def load(source, content, **kwargs):
    data = content.encode() if isinstance(content, str) else json.dumps(content).encode()
    return prices_load(source=source, stream=io.BytesIO(data), **kwargs)


def snapshot(**key):
    return PriceSnapshot.objects.get(**key)


def test_tcgplayer_export_per_condition_and_printing():
    result = load("tcgplayer_export", TCGPLAYER_EXPORT, on=DAY)
    assert result.loaded == 3
    assert result.skipped == {"no TCGplayer Id": 1, "no price": 1, "unknown condition": 1}
    nm = snapshot(product_id="83712", condition="NM")
    assert (nm.marketplace, nm.finish, nm.currency, nm.date) == ("tcgplayer", "holo", "USD", DAY)
    assert (nm.market, nm.direct_low, nm.low) == (Decimal("350.10"), Decimal("340.00"), Decimal("330.00"))
    assert snapshot(product_id="83712", condition="LP").direct_low is None
    assert snapshot(product_id="90001").finish == "foil"


def test_cardmarket_guide_dates_itself_and_splits_foil():
    guide = {
        "version": 1,
        "createdAt": "2026-11-30T02:41:05+0100",
        "priceGuides": [
            {"idProduct": 273699, "idCategory": 1, "avg": 10.5, "low": 8.0, "trend": 11.25, "avg1": 10,
             "avg7": 10.75, "avg30": 12, "avg-foil": 30, "low-foil": 25, "trend-foil": 31.5, "avg1-foil": None},
            {"idProduct": 5, "avg": None, "low": None, "trend": None},
            {"idProduct": "x"},
        ],
    }  # fmt: skip
    result = load("cardmarket", guide)
    assert result.date == date(2026, 11, 30)
    assert result.loaded == 2
    assert result.skipped == {"no price": 1, "no idProduct": 1}
    normal = snapshot(product_id="273699", finish="normal")
    assert (normal.currency, normal.mid, normal.low, normal.trend, normal.avg30) == (
        "EUR",
        Decimal("10.50"),
        Decimal("8.00"),
        Decimal("11.25"),
        Decimal("12.00"),
    )
    foil = snapshot(product_id="273699", finish="foil")
    assert (foil.trend, foil.avg1) == (Decimal("31.50"), None)


def test_scryfall_prices_per_finish_and_currency():
    cards = [
        {"id": "e3285e6b", "name": "Black Lotus", "prices": {"usd": "25000.00", "usd_foil": None, "usd_etched": None, "eur": "21000.50", "eur_foil": None, "tix": "1"}},
        {"id": "a1", "name": "Etched only", "prices": {"usd": None, "usd_etched": "4.20"}},
        {"id": "b2", "name": "Unpriced", "prices": {"usd": None}},
    ]  # fmt: skip
    result = load("scryfall", cards, on=DAY)
    assert result.loaded == 3
    assert result.skipped == {"no price": 1}
    assert snapshot(product_id="e3285e6b", currency="USD").market == Decimal("25000.00")
    assert snapshot(product_id="e3285e6b", currency="EUR").trend == Decimal("21000.50")
    assert snapshot(product_id="a1").finish == "etched"


def test_tcgcsv_prices_per_sub_type():
    prices = {
        "success": True,
        "errors": [],
        "results": [
            {"productId": 501, "lowPrice": 0.5, "midPrice": 1.0, "highPrice": 3.0, "marketPrice": 0.9, "directLowPrice": None, "subTypeName": "Normal"},
            {"productId": 501, "lowPrice": 2.5, "midPrice": 3.0, "highPrice": 6.0, "marketPrice": 3.1, "directLowPrice": 2.9, "subTypeName": "Reverse Holofoil"},
            {"productId": 502, "lowPrice": None, "marketPrice": None, "subTypeName": "Normal"},
        ],
    }  # fmt: skip
    result = load("tcgcsv", prices, on=DAY)
    assert result.loaded == 2
    assert snapshot(product_id="501", finish="reverse_holo").direct_low == Decimal("2.90")
    assert snapshot(product_id="501", finish="normal").high == Decimal("3.00")


def test_a_days_file_replaces_that_day_only_and_history_is_kept():
    load(
        "tcgcsv",
        {"results": [{"productId": 1, "marketPrice": 1.0}, {"productId": 2, "marketPrice": 2.0}]},
        on=date(2026, 11, 30),
    )
    load(
        "tcgcsv",
        {"results": [{"productId": 1, "marketPrice": 1.5}, {"productId": 2, "marketPrice": 2.5}]},
        on=DAY,
    )
    again = load("tcgcsv", {"results": [{"productId": 1, "marketPrice": 1.7}]}, on=DAY)
    assert again.replaced == 2
    assert list(PriceSnapshot.objects.filter(date=DAY).values_list("product_id", "market")) == [
        ("1", Decimal("1.70"))
    ]
    assert PriceSnapshot.objects.filter(date=date(2026, 11, 30)).count() == 2


def test_a_shops_own_upload_does_not_replace_the_shared_prices():
    shop = VendorFactory()
    load("tcgcsv", {"results": [{"productId": 1, "marketPrice": 1.0}]}, on=DAY)
    load("tcgcsv", {"results": [{"productId": 1, "marketPrice": 9.0}]}, on=DAY, vendor=shop)
    assert set(PriceSnapshot.objects.values_list("vendor", "market")) == {
        (shop.pk, Decimal("9.00")),
        (None, Decimal("1.00")),
    }


@pytest.mark.parametrize("batch_size", [1, 100])
def test_a_product_repeated_in_a_file_counts_once_the_last_time(batch_size):
    result = load(
        "tcgcsv",
        {"results": [{"productId": 1, "marketPrice": 1.0}, {"productId": 1, "marketPrice": 2.0}]},
        on=DAY,
        batch_size=batch_size,
    )
    assert PriceSnapshot.objects.get().market == Decimal("2.00")
    if batch_size == 100:  # seen within one batch: said so
        assert result.skipped == {"repeated in the file (the last one counts)": 1}


@pytest.mark.parametrize(
    ("source", "content", "message"),
    [
        ("tcgplayer_export", "Name,Price\nx,1\n", "no TCGplayer Id"),
        ("cardmarket", {"createdAt": "2026-11-30", "nothing": []}, 'no "priceGuides"'),
        ("cardmarket", "{not json", "Not a Cardmarket price guide"),
        ("scryfall", [{"name": "no id"}], "a card without an id"),
        ("scryfall", "[{", "Not a Scryfall bulk data file"),
        ("tcgcsv", "{]", "Not a TCGCSV prices file"),
    ],
)
def test_a_file_in_another_format_is_refused_and_nothing_is_stored(source, content, message):
    with pytest.raises(SourceFormatError, match=message):
        load(source, content, on=DAY)
    assert not PriceSnapshot.objects.exists()


def test_load_prices_command(tmp_path, capsys):
    shop = VendorFactory(slug="pallet")
    path = tmp_path / "export.csv"
    path.write_text(TCGPLAYER_EXPORT)
    call_command("load_prices", "tcgplayer_export", str(path), "--date", "2026-12-01", "--vendor", "pallet")
    out = capsys.readouterr().out
    assert "tcgplayer_export prices of 2026-12-01: 3 stored, 0 of that day replaced, 3 skipped" in out
    assert "skipped 1: unknown condition" in out
    assert PriceSnapshot.objects.filter(vendor=shop).count() == 3
    with pytest.raises(CommandError, match="No vendor"):
        call_command("load_prices", "tcgcsv", str(path), "--vendor", "nobody")
    with pytest.raises(CommandError, match="is not a file"):
        call_command("load_prices", "tcgcsv", str(tmp_path / "missing.json"))
    with pytest.raises(CommandError, match="Not a TCGCSV prices file"):
        call_command("load_prices", "tcgcsv", str(path))
