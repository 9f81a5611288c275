"""Upload and preview, through the API: formats, matching, classification, refusals."""

from decimal import Decimal
from functools import partial
from unittest import mock

import pytest

from collectibles.models import Collectible
from collectibles.tests.factories import CardFactory
from imports.models import ImportBatch, ImportRow
from imports.services.state import chunked
from imports.tests.conftest import HEADER, IMPORTS_URL, rows_of, sample, tcg_file, tcg_row, url

pytestmark = pytest.mark.django_db

# --- preview -------------------------------------------------------------------------


def test_preview_detects_the_format_and_counts_outcomes(owner_client, upload, owner):
    response = upload(owner_client, sample("tcgplayer.csv"), filename="tcg.csv")
    assert response.status_code == 201, response.data
    body = response.data
    assert (body["format"], body["status"], body["mode"], body["filename"]) == (
        "tcgplayer",
        "preview",
        "set",
        "tcg.csv",
    )
    assert body["counts"] == {"create": 5, "update": 0, "unchanged": 0, "error": 2}
    assert body["total_rows"] == 7  # the blank line is not a row
    assert body["created_by"]["username"] == owner.username
    assert not Collectible.objects.exists()  # a preview touches no inventory


def test_preview_rows_can_be_filtered_by_outcome(owner_client, upload):
    batch_id = upload(owner_client, sample("tcgplayer.csv")).data["id"]
    errors = rows_of(owner_client, batch_id, outcome="error")
    assert set(errors) == {8, 9}
    assert errors[8]["errors"] == {"Condition": ["Unknown condition 'Mint-ish'."]}
    assert errors[8]["raw"]["Product Name"] == "Pikachu"  # the source row is kept for audit
    assert owner_client.get(url(batch_id, "rows"), {"outcome": "maybe"}).status_code == 400


def test_preview_classifies_create_update_unchanged(owner_client, upload, vendor):
    existing = CardFactory(
        vendor=vendor,
        name="Pikachu",
        condition="NM",
        quantity=1,
        price=Decimal("2.00"),
        currency="USD",
        external_ids={"tcgplayer": "1001"},
        card_details__set_name="Base Set",
        card_details__card_number="58/102",
        card_details__rarity="Common",
    )
    changed = CardFactory(
        vendor=vendor,
        name="Raichu",
        quantity=1,
        price=Decimal("9.00"),
        currency="USD",
        external_ids={"tcgplayer": "1002"},
        card_details__set_name="Base Set",
        card_details__card_number="14/102",
        card_details__rarity="Common",
    )
    content = tcg_file(
        tcg_row(1001),
        tcg_row(1002, name="Raichu", number="14/102", quantity=3, price="11.00"),
        tcg_row(1003, name="Mew", number="8/102"),
    )
    batch_id = upload(owner_client, content).data["id"]
    rows = rows_of(owner_client, batch_id)
    assert [rows[n]["outcome"] for n in (2, 3, 4)] == ["unchanged", "update", "create"]
    assert rows[2]["collectible"] == existing.pk
    assert rows[3]["collectible"] == changed.pk
    assert rows[3]["changes"] == {"quantity": [1, 3], "price": ["9.00", "11.00"]}


def test_matching_prefers_sku_then_marketplace_id_then_card_identity(owner_client, upload, vendor):
    by_sku = CardFactory(vendor=vendor, sku="MY-SKU", name="By sku")
    by_id = CardFactory(vendor=vendor, name="By id", external_ids={"cardmarket": "555"})
    by_card = CardFactory(
        vendor=vendor,
        name="By card",
        condition="NM",
        card_details__game="mtg",
        card_details__set_code="LEA",
        card_details__card_number="232",
        card_details__language="EN",
        card_details__finish="normal",
    )
    content = (
        b"sku,name,condition,quantity,price,currency,game,set_code,card_number,language,market_region,external_id:cardmarket\n"
        b"MY-SKU,By sku,NM,5,1.00,USD,pokemon,BS,1,EN,NA,\n"
        b",By id,NM,5,1.00,USD,pokemon,BS,2,EN,NA,555\n"
        b",By card,NM,5,1.00,USD,mtg,LEA,232,EN,NA,\n"
    )
    batch_id = upload(owner_client, content).data["id"]
    rows = rows_of(owner_client, batch_id)
    assert [rows[n]["collectible"] for n in (2, 3, 4)] == [by_sku.pk, by_id.pk, by_card.pk]


def test_card_numbers_match_whatever_their_case(owner_client, upload, vendor):
    item = CardFactory(
        vendor=vendor,
        name="Pikachu",
        condition="NM",
        quantity=1,
        card_details__game="pokemon",
        card_details__set_code="SVI",
        card_details__card_number="SV-58",
        card_details__language="EN",
        card_details__finish="normal",
    )
    content = (
        b"sku,name,condition,quantity,price,game,set_code,card_number,language\n"
        b",Pikachu,NM,5,1,pokemon,svi,sv-58,EN\n"
    )
    row = rows_of(owner_client, upload(owner_client, content).data["id"])[2]
    assert (row["outcome"], row["collectible"]) == ("update", item.pk)


# --- blank cells and missing columns keep what an item has ---------------------------------


def test_blank_and_missing_omnistock_columns_keep_the_items_values(owner_client, upload, vendor):
    item = CardFactory(
        vendor=vendor,
        sku="S-1",
        name="Charizard",
        description="Centred.",
        condition="LP",
        quantity=1,
        price=Decimal("9.99"),
        currency="EUR",
        card_details__game="pokemon",
        card_details__language="DE",
        card_details__market_region="NA",
        card_details__finish="holo",
        card_details__grading_company="PSA",
        card_details__grade=Decimal("8.0"),
    )
    content = b"sku,name,condition,quantity,price,game,language\nS-1,Charizard,,3,9.99,pokemon,\n"
    row = rows_of(owner_client, upload(owner_client, content).data["id"])[2]
    assert (row["outcome"], row["collectible"]) == ("update", item.pk)
    assert row["changes"] == {"quantity": [1, 3]}


def test_a_changed_language_brings_its_market_unless_the_row_gives_one(owner_client, upload, vendor):
    CardFactory(vendor=vendor, sku="S-1", card_details__language="EN", card_details__market_region="EU")
    CardFactory(vendor=vendor, sku="S-2", card_details__language="EN", card_details__market_region="EU")
    content = (
        b"sku,name,condition,quantity,price,game,language,market_region\n"
        b"S-1,Card,NM,1,1,pokemon,JA,\n"
        b"S-2,Card,NM,1,1,pokemon,JA,EU\n"
    )
    rows = rows_of(owner_client, upload(owner_client, content).data["id"])
    assert rows[2]["changes"]["card_details.market_region"] == ["EU", "JP"]
    assert "card_details.market_region" not in rows[3]["changes"]


def test_blank_tcgplayer_condition_keeps_condition_printing_and_language(owner_client, upload, vendor):
    item = CardFactory(
        vendor=vendor,
        name="Pikachu",
        condition="LP",
        quantity=1,
        price=Decimal("2.00"),
        external_ids={"tcgplayer": "1001"},
        card_details__set_name="Base Set",
        card_details__card_number="58/102",
        card_details__rarity="Common",
        card_details__language="JA",
        card_details__market_region="JP",
        card_details__finish="holo",
    )
    row = rows_of(
        owner_client, upload(owner_client, tcg_file(tcg_row(1001, condition="", quantity=4))).data["id"]
    )[2]
    assert (row["outcome"], row["collectible"]) == ("update", item.pk)
    assert row["changes"] == {"quantity": [1, 4]}


def test_cardmarket_rows_without_name_or_game_keep_the_items(owner_client, upload, vendor):
    item = CardFactory(
        vendor=vendor,
        name="Charizard ex",
        condition="LP",
        quantity=1,
        price=Decimal("35.50"),
        currency="EUR",
        external_ids={"cardmarket": "273699"},
        card_details__game="pokemon",
        card_details__language="EN",
        card_details__market_region="EU",
        card_details__finish="foil",
    )
    content = b"idProduct;groupCount;price;idLanguage;condition;isFoil\n273699;3;35.50;1;;\n"
    row = rows_of(owner_client, upload(owner_client, content).data["id"])[2]
    assert (row["outcome"], row["collectible"]) == ("update", item.pk)
    assert row["changes"] == {"quantity": [1, 3]}


def test_a_price_in_a_fixed_currency_brings_that_currency(owner_client, upload, vendor):
    """TCGplayer prices are dollars: a row with a price sets USD; one without keeps the currency."""
    priced = CardFactory(
        vendor=vendor, price=Decimal("2.00"), currency="EUR", external_ids={"tcgplayer": "1001"}
    )
    unpriced = CardFactory(
        vendor=vendor, price=Decimal("2.00"), currency="EUR", external_ids={"tcgplayer": "1002"}
    )
    content = tcg_file(tcg_row(1001, name=priced.name), tcg_row(1002, name=unpriced.name, price=""))
    rows = rows_of(owner_client, upload(owner_client, content).data["id"])
    assert rows[2]["changes"]["currency"] == ["EUR", "USD"]
    assert "currency" not in rows[3]["changes"]


def test_new_items_get_the_defaults_for_what_the_row_does_not_say(owner_client, upload, vendor):
    content = b"sku,name,condition,quantity,price,game,language\nN-1,Card,,1,,pokemon,\nN-2,Box,,1,,,\n"
    rows = rows_of(owner_client, upload(owner_client, content).data["id"])
    card = rows[2]["data"]
    assert (card["fields"]["condition"], card["fields"]["currency"], card["fields"]["price"]) == (
        "NM",
        "USD",
        "0.00",
    )
    assert {
        name: card["card_details"][name] for name in ("language", "market_region", "finish", "grade")
    } == {
        "language": "EN",
        "market_region": "GLOBAL",
        "finish": "normal",
        "grade": None,
    }
    assert rows[3]["data"]["card_details"] is None
    content = b"idProduct;groupCount;price;idLanguage;condition;isFoil\n1;1;1.00;1;;\n"
    created = rows_of(owner_client, upload(owner_client, content).data["id"])[2]["data"]
    assert created["fields"]["name"] == "Cardmarket product 1"
    assert (created["fields"]["currency"], created["fields"]["condition"]) == ("EUR", "NM")
    assert (created["card_details"]["game"], created["card_details"]["market_region"]) == ("other", "EU")


def test_a_changed_numeric_marketplace_id_is_rewritten(owner_client, upload, vendor):
    CardFactory(vendor=vendor, sku="S-1", name="Card", external_ids={"cardmarket": 273699, "tcgplayer": 1001})
    content = (
        b"sku,name,condition,quantity,price,game,language,external_id:cardmarket,external_id:tcgplayer\n"
        b"S-1,Card,NM,1,9.99,,,273700,1001\n"
    )
    row = rows_of(owner_client, upload(owner_client, content).data["id"])[2]
    assert row["changes"] == {
        "external_ids": [
            {"cardmarket": 273699, "tcgplayer": 1001},
            {"cardmarket": "273700", "tcgplayer": 1001},
        ]
    }


def test_tcgplayer_row_without_product_line_is_sealed_product_unless_it_describes_a_card(
    owner_client, upload
):
    content = tcg_file(
        "555,,,Booster Box,,,,Near Mint,,,,,2,0,99.00,\n",
        "556,,Base Set,Charizard,,4/102,,Near Mint,,,,,1,0,9.00,\n",
        "557,,,Promo,,,,Near Mint Foil,,,,,1,0,9.00,\n",
    )
    rows = rows_of(owner_client, upload(owner_client, content).data["id"])
    assert (rows[2]["outcome"], rows[2]["data"]["card_details"]) == ("create", None)
    message = "A card needs its product line (this row has a set, number, rarity, printing or language)."
    assert rows[3]["errors"] == rows[4]["errors"] == {"Product Line": [message]}


def test_malformed_price_is_a_row_error(owner_client, upload):
    rows = rows_of(owner_client, upload(owner_client, tcg_file(tcg_row(1001, price="1e5"))).data["id"])
    assert rows[2]["errors"] == {
        "TCG Marketplace Price": ["'1e5' is not a price (write it like 1234.50, 1,234.50 or 1.234,50 €)."]
    }


def test_add_mode_adds_quantities(owner_client, upload, vendor):
    item = CardFactory(
        vendor=vendor, name="Pikachu", quantity=4, price=Decimal("2.00"), external_ids={"tcgplayer": "1001"}
    )
    batch_id = upload(owner_client, tcg_file(tcg_row(1001, quantity=3)), mode="add").data["id"]
    assert rows_of(owner_client, batch_id)[2]["changes"]["quantity"] == [4, 7]
    owner_client.post(url(batch_id, "commit"))
    item.refresh_from_db()
    assert item.quantity == 7


def test_duplicate_rows_in_one_file_are_reported(owner_client, upload):
    content = tcg_file(tcg_row(1001), tcg_row(1002, name="Mew"), tcg_row(1001, quantity=5))
    body = upload(owner_client, content).data
    assert body["counts"]["error"] == 1
    assert rows_of(owner_client, body["id"])[4]["errors"] == {"row": ["Duplicate: the same item as line 2."]}


def test_two_rows_reaching_the_same_item_are_reported(owner_client, upload, vendor):
    CardFactory(vendor=vendor, sku="X-1", external_ids={"tcgplayer": "1001"})
    content = (
        b"sku,name,condition,quantity,price,game,language,external_id:tcgplayer\n"
        b"X-1,Card,NM,1,1,pokemon,EN,\n"
        b",Card,NM,1,1,pokemon,EN,1001\n"
    )
    body = upload(owner_client, content).data
    assert rows_of(owner_client, body["id"])[3]["errors"] == {
        "row": ["Duplicate: line 2 already updates the same item."]
    }


def test_rows_breaking_model_rules_are_errors(owner_client, upload):
    content = (
        "sku,name,condition,quantity,price,currency,game,language,market_region,grading_company,grade\n"
        ",No region,NM,1,1,USD,pokemon,EN,MARS,,\n"
        ",Graded without grade,NM,1,1,USD,pokemon,EN,NA,PSA,\n"
        f",{'x' * 201},NM,1,1,USD,,,,,\n"
        ",Bad currency,NM,1,1,XYZ,,,,,\n"
    ).encode()
    body = upload(owner_client, content).data
    rows = rows_of(owner_client, body["id"])
    assert "card_details.market_region" in rows[2]["errors"]
    assert "card_details.grade" in rows[3]["errors"]
    assert "name" in rows[4]["errors"]
    assert "currency" in rows[5]["errors"]


@pytest.mark.parametrize(
    ("content", "field", "message"),
    [
        (b"", "file", "empty"),
        (b"\x00\x01\x02binary", "file", "not a CSV"),
        (b"foo,bar\n1,2\n", "file", "Unrecognised header"),
        (HEADER.encode(), "file", "no data rows"),
        (b"\xff\xfe\x81\x8d", "file", "neither UTF-8"),
    ],
)
def test_bad_files_are_400_and_leave_no_batch(owner_client, upload, content, field, message):
    response = upload(owner_client, content)
    assert response.status_code == 400
    assert message in response.data[field][0]
    assert not ImportBatch.objects.exists()


@pytest.mark.parametrize(
    "content",
    [
        # A header cell longer than the csv module's field limit.
        b"sku,name," + b"x" * 140_000 + b"\n,Card,NM,1,1,pokemon,EN\n",
        # A cell over the limit on the first data row.
        HEADER.encode() + b'1,Pokemon,Base,"' + b"y" * 140_000 + b'",,1,C,Near Mint,,,,,1,0,1,\n',
        # An unclosed quote: the rest of the file becomes one cell, over the limit.
        tcg_file(tcg_row(1001), '1002,Pokemon,"Base Set,Mew\n')
        + b"".join(tcg_row(2000 + n).encode() for n in range(2500)),
    ],
    ids=["header", "row", "unclosed-quote"],
)
def test_unparseable_csv_is_400_and_leaves_no_batch(owner_client, upload, content):
    response = upload(owner_client, content)
    assert response.status_code == 400, response.data
    assert set(response.data) == {"file"}
    assert "cannot be read" in response.data["file"][0]
    assert not ImportBatch.objects.exists()
    assert not ImportRow.objects.exists()


def test_unparseable_record_mid_file_drops_the_rows_already_previewed(owner_client, upload):
    """The preview writes its rows a chunk at a time; a bad record after the first
    chunks must not leave them (or the batch) behind."""
    content = tcg_file(*(tcg_row(1000 + n) for n in range(5)), '9999,Pokemon,"' + "z" * 140_000 + "\n")
    with mock.patch("imports.services.preview.chunked", partial(chunked, size=2)):
        response = upload(owner_client, content)
    assert response.status_code == 400
    assert response.data["file"] == [
        "Line 7 cannot be read: a cell is longer than 131,072 characters "
        "(often a quote that is never closed)."
    ]
    assert not ImportBatch.objects.exists()
    assert not ImportRow.objects.exists()


def test_oversized_and_overlong_files_are_400(owner_client, upload, settings):
    settings.IMPORT_MAX_BYTES = 200
    response = upload(owner_client, sample("tcgplayer.csv"))
    assert response.status_code == 400
    assert "limit" in response.data["file"][0]
    settings.IMPORT_MAX_BYTES = 10_000_000
    settings.IMPORT_MAX_ROWS = 2
    response = upload(owner_client, sample("tcgplayer.csv"))
    assert response.status_code == 400
    assert "more than 2 rows" in response.data["file"][0]
    assert not ImportBatch.objects.exists()


def test_upload_validation(owner_client, upload):
    assert "file" in owner_client.post(IMPORTS_URL, {}, format="multipart").data
    response = upload(owner_client, sample("tcgplayer.csv"), mode="replace", format="excel")
    assert set(response.data) == {"mode", "format"}


def test_forced_format(owner_client, upload):
    assert upload(owner_client, sample("deckbox.csv"), format="deckbox").status_code == 201
    response = upload(owner_client, sample("deckbox.csv"), format="manabox")
    assert response.status_code == 400
    assert "not a ManaBox collection export" in response.data["format"][0]


def test_cardmarket_game_can_be_given(owner_client, upload):
    content = b"idProduct;groupCount;price;idLanguage;condition;isFoil\n1;1;1.00;1;NM;0\n"
    batch_id = upload(owner_client, content, game="yugioh").data["id"]
    assert rows_of(owner_client, batch_id)[2]["data"]["card_details"]["game"] == "yugioh"
