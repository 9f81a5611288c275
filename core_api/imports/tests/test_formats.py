"""Each marketplace format: recognised from its header, mapped onto the model, awkward rows handled."""

import io
from decimal import Decimal
from typing import Any

import pytest

from collectibles.choices import Game
from imports.csv_source import open_csv
from imports.errors import FileRejected
from imports.formats.base import ImportContext, RowErrors
from imports.formats.normalize import ValueProblem, price
from imports.formats.tcgplayer import split_condition
from imports.tests.conftest import sample

CONTEXT = ImportContext(vendor_currency="USD")


def read(content: bytes, forced=None):
    source = open_csv(io.BytesIO(content), len(content), forced)
    parsed: list[tuple[int, Any]] = []
    for row in source.rows():
        try:
            parsed.append((row.line, source.format.parse(row.values, CONTEXT)))
        except RowErrors as invalid:
            parsed.append((row.line, invalid.errors))
    return source, parsed


@pytest.mark.parametrize(
    ("filename", "format_name"),
    [
        ("tcgplayer.csv", "tcgplayer"),
        ("deckbox.csv", "deckbox"),
        ("moxfield.csv", "moxfield"),
        ("manabox.csv", "manabox"),
        ("cardmarket.csv", "cardmarket"),
        ("omnistock.csv", "omnistock"),
    ],
)
def test_format_is_detected_from_the_header(filename, format_name):
    source, _ = read(sample(filename))
    assert source.format.name == format_name


def test_tcgplayer_rows_map_onto_the_model():
    source, rows = read(sample("tcgplayer.csv"))
    assert source.encoding == "utf-8-sig"  # the BOM is read, not part of the first column name
    by_line = dict(rows)
    charizard = by_line[2]
    assert (charizard.name, charizard.condition, charizard.quantity, charizard.price) == (
        "Charizard",
        "NM",
        2,
        Decimal("449.99"),
    )
    assert charizard.external_ids == {"tcgplayer": "83712"}
    assert charizard.card_details["game"] == "pokemon"
    assert charizard.card_details["finish"] == "holo"
    # A new card's market follows its language, else the marketplace's.
    assert (charizard.card_details["language"], charizard.card_details_over(None)["market_region"]) == (
        "EN",
        "NA",
    )
    minsc = by_line[3]
    assert minsc.name == "Minsc & Boo, Timeless Heroes"  # quoted comma
    assert minsc.card_details["set_name"] == "Commander Legends: Battle for Baldur's Gate"
    assert (minsc.card_details["game"], minsc.card_details["finish"]) == ("mtg", "foil")
    blastoise = by_line[5]  # line 4 is blank and skipped
    assert (blastoise.condition, blastoise.description, blastoise.card_details["finish"]) == (
        "LP",
        "1st Edition",
        "holo",
    )
    assert by_line[6].price == Decimal("1250.00")
    japanese = by_line[7]
    assert japanese.name == "リザードンex"
    assert (japanese.card_details["language"], japanese.card_details_over(None)["market_region"]) == (
        "JA",
        "JP",
    )
    assert by_line[8] == {"Condition": ["Unknown condition 'Mint-ish'."]}
    assert by_line[9] == {"Total Quantity": ["'-1' is not a whole number of at least 0."]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Near Mint", ("Near Mint", "normal", None, "")),
        ("Near Mint Foil", ("Near Mint", "foil", None, "")),
        ("Lightly Played 1st Edition", ("Lightly Played", "normal", None, "1st Edition")),
        ("Near Mint 1st Edition Holofoil", ("Near Mint", "holo", None, "1st Edition")),
        ("Near Mint Holofoil 1st Edition", ("Near Mint", "holo", None, "1st Edition")),
        ("Damaged Reverse Holofoil - Japanese", ("Damaged", "reverse_holo", "JA", "")),
        ("Heavily Played Unlimited", ("Heavily Played", "normal", None, "Unlimited")),
    ],
)
def test_tcgplayer_condition_carries_printing_and_language(text, expected):
    assert split_condition(text) == expected


def test_deckbox_rows():
    _, rows = read(sample("deckbox.csv"))
    by_line = dict(rows)
    bolt = by_line[2]
    assert (bolt.name, bolt.quantity, bolt.price, bolt.condition) == (
        "Lightning Bolt",
        2,
        Decimal("2.49"),
        "NM",
    )
    assert bolt.card_details["set_code"] == "M10"
    assert bolt.external_ids == {"tcgplayer": "35081", "scryfall": "5b3c8e3f-0c9f-4ad0-8f0b-5e2f4a1d4b3a"}
    ragavan = by_line[3]
    assert ragavan.name == "Ragavan, Nimble Pilferer"
    assert (ragavan.condition, ragavan.card_details["finish"], ragavan.card_details["language"]) == (
        "LP",
        "foil",
        "JA",
    )
    assert ragavan.card_details_over(None)["market_region"] == "JP"
    assert by_line[4].condition == "MP"
    assert by_line[4].card_details_over(None)["market_region"] == "EU"
    assert by_line[5] == {"Language": ["Unknown language 'Klingon'."]}


def test_moxfield_rows():
    _, rows = read(sample("moxfield.csv"))
    by_line = dict(rows)
    assert by_line[2].card_details["set_code"] == "CMM"
    assert by_line[3].card_details["finish"] == "foil"
    assert by_line[4].card_details["finish"] == "etched"
    assert by_line[4].price == Decimal("45.00")
    assert "Foil" in by_line[5]


def test_manabox_rows():
    _, rows = read(sample("manabox.csv"))
    by_line = dict(rows)
    ring = by_line[2]
    assert (ring.currency, ring.price, ring.card_details["finish"]) == ("EUR", Decimal("62.30"), "foil")
    assert ring.external_ids["scryfall"].startswith("b7f4a2c1")
    assert by_line[3].card_details["language"] == "JA"
    assert by_line[4].condition == "LP"  # "excellent"
    assert by_line[4].currency == ""  # no currency in the file: the row does not say one...
    assert by_line[4].new_item_fields()["currency"] == "USD"  # ...so a new item takes the vendor's
    assert by_line[5] == {"Condition": ["Unknown condition 'unplayable'."]}


def test_cardmarket_rows_use_its_scales():
    source, rows = read(sample("cardmarket.csv"))
    assert source.format.delimiter == ";"
    by_line = dict(rows)
    charizard = by_line[2]
    assert (charizard.name, charizard.currency, charizard.condition) == ("Charizard ex", "EUR", "NM")
    assert charizard.card_details["game"] == Game.POKEMON
    assert charizard.card_details_over(None)["market_region"] == "EU"
    assert charizard.external_ids == {"cardmarket": "273699"}
    ragavan = by_line[3]
    assert (ragavan.condition, ragavan.card_details["language"], ragavan.card_details["finish"]) == (
        "LP",
        "JA",
        "foil",
    )
    assert ragavan.description == "Sleeved; binder"
    assert by_line[4].condition == "MP"  # Cardmarket LP ("Light Played") sits below EX and GD
    assert by_line[5] == {"idLanguage": ["Unknown Cardmarket language id '42'."]}


def test_omnistock_round_trip_columns():
    _, rows = read(sample("omnistock.csv"))
    by_line = dict(rows)
    graded = by_line[2]
    assert graded.card_details["grading_company"] == "PSA"
    assert graded.card_details["grade"] == Decimal("9")
    assert graded.external_ids == {"tcgplayer": "83712"}
    assert graded.description == "Graded, slabbed"
    assert by_line[3].card_details is None  # sealed product
    assert by_line[4].sku == "=cmd|' /C calc'!A0"  # our formula escape is undone on the way in


def test_windows_1252_files_are_read():
    content = sample("tcgplayer.csv")[3:].decode("utf-8").replace("リザードンex", "Pokémon Center Promo")
    source, rows = read(content.encode("cp1252"))
    assert source.encoding == "cp1252"
    assert dict(rows)[7].name == "Pokémon Center Promo"


def test_line_numbers_count_multi_line_cells():
    content = (
        b"Quantity,Name,Set code,Set name,Collector number,Condition,Foil,Language\n"
        b'1,"Two\nlines",A,B,1,nm,,en\n'
        b"1,Next,A,B,2,nm,,en\n"
    )
    _, rows = read(content)
    assert [line for line, _ in rows] == [2, 4]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\n\n  \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a CSV"),
        (b"just,some,columns\n1,2,3\n", "Unrecognised header"),
        (b"caf\x81 au lait\n", "neither UTF-8 nor Windows-1252"),
        (b"Count,Name,Name,Edition\n", "Unrecognised header"),
    ],
)
def test_unusable_files_are_rejected_with_a_reason(content, message):
    with pytest.raises(FileRejected, match=message):
        read(content)


def test_duplicate_column_names_are_rejected():
    content = b"Quantity,Name,Set code,Set name,Collector number,Condition,Foil,Language,name\n"
    with pytest.raises(FileRejected, match="same column twice"):
        read(content)


def test_forced_format_must_have_its_columns():
    with pytest.raises(FileRejected, match="not a Cardmarket stock file"):
        read(sample("tcgplayer.csv"), forced="cardmarket")


def test_size_and_row_limits(settings):
    settings.IMPORT_MAX_BYTES = 100
    with pytest.raises(FileRejected, match="limit"):
        read(sample("tcgplayer.csv"))
    settings.IMPORT_MAX_BYTES = 10_000_000
    settings.IMPORT_MAX_ROWS = 3
    with pytest.raises(FileRejected, match="more than 3 rows"):
        read(sample("tcgplayer.csv"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$1,234.50", "1234.50"),
        ("12,50 €", "12.50"),
        ("0", "0.00"),
        ("", None),
        ("  7.5 ", "7.50"),
        ("45", "45.00"),
        ("$25,000.00", "25000.00"),
        # A separator followed by exactly three digits groups thousands...
        ("$1,234", "1234.00"),
        ("1,234", "1234.00"),
        ("1.234", "1234.00"),
        ("1,234,567", "1234567.00"),
        ("1 234,50", "1234.50"),
        # ...and the last one followed by one or two digits is the decimal mark.
        ("1.234,50 €", "1234.50"),
        ("€1.234,50", "1234.50"),
        ("12,5", "12.50"),
        ("0.99", "0.99"),
        ("1234,56", "1234.56"),
        ("EUR 12,50", "12.50"),
        ("12.50 usd", "12.50"),
        ("£3", "3.00"),
    ],
)
def test_prices_as_shops_write_them(text, expected):
    assert price(text) == (Decimal(expected) if expected else None)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1e5", "'1e5' is not a price (write it like"),
        ("abc12", "'abc12' is not a price (write it like"),
        ("abc", "'abc' is not a price (write it like"),
        ("12 apples", "'12 apples' is not a price (write it like"),
        ("$12 USD", "'$12 USD' is not a price (write it like"),
        ("1.2.3", "'1.2.3' is not a price: use one decimal mark"),
        ("1,234.567", "'1,234.567' is not a price: use one decimal mark"),
        ("1,23,456", "'1,23,456' is not a price: use one decimal mark"),
        ("0,125", "'0,125' is not a price: use one decimal mark"),
        ("12.", "'12.' is not a price: use one decimal mark"),
        ("12 50", "'12 50' is not a price: use one decimal mark"),
        ("-1", "'-1' is not a price of at least 0."),
        ("$-1.50", "'$-1.50' is not a price of at least 0."),
        ("99999999999", "'99999999999' is too large a price."),
    ],
)
def test_ambiguous_or_malformed_prices_are_refused(text, message):
    with pytest.raises(ValueProblem) as refused:
        price(text)
    assert str(refused.value).startswith(message)


@pytest.mark.parametrize(
    ("reader", "value", "expected"),
    [
        ("game", "Magic: The Gathering", "mtg"),
        ("game", "Disney Lorcana", "lorcana"),
        ("finish", "Reverse Holo", "reverse_holo"),
        ("finish", "yes", "foil"),
        ("flag", "X", True),
        ("foil", "foil", "foil"),
        ("foil", "Etched", "etched"),
        ("flag", "", False),
        ("language", "Deutsch", "DE"),
        ("quantity", "1,000", 1000),
    ],
)
def test_normalisers_accept_marketplace_spellings(reader, value, expected):
    from imports.formats import normalize

    assert getattr(normalize, reader)(value) == expected


@pytest.mark.parametrize("reader", ["condition", "language", "finish", "foil", "price"])
def test_blank_cells_say_nothing(reader):
    from imports.formats import normalize

    assert getattr(normalize, reader)("  ") is None


def test_descriptions_keep_their_lines_other_fields_are_one_line():
    content = (
        b"sku,name,description,condition,quantity,price,game,language\n"
        b'S-1,"Two\n  lines","First line.\n\n  - indented\n",NM,1,1,,\n'
    )
    _, rows = read(content)
    parsed = rows[0][1]
    assert (parsed.name, parsed.description) == ("Two lines", "First line.\n\n  - indented")


@pytest.mark.parametrize(
    ("reader", "value"),
    [
        ("game", "chess"),
        ("finish", "glitter"),
        ("flag", "maybe"),
        ("quantity", "1.5"),
        ("quantity", ""),
        ("quantity", "1,0"),
        ("quantity", "1,00"),
        ("quantity", "12,5"),
        ("price", "abc"),
        ("price", "-1"),
        ("price", "99999999999"),
    ],
)
def test_normalisers_refuse_nonsense(reader, value):
    from imports.formats import normalize

    with pytest.raises(normalize.ValueProblem):
        getattr(normalize, reader)(value)


# --- flag columns as real exports write them (issue 10 §5) ------------------------------

DECKBOX_HEADER = (
    "Count,Tradelist Count,Name,Edition,Edition Code,Card Number,Condition,Language,Foil,Signed,"
    "Artist Proof,Altered Art,Misprint,Promo,Textless,Printing Id,Printing Note,Tags,My Price\n"
)


def test_deckbox_flag_columns_hold_the_flags_own_word():
    content = (
        DECKBOX_HEADER
        + "1,0,Bolt,Alpha,LEA,161,Near Mint,English,foil,signed,proof,altered,misprint,promo,textless"
        + ",1,,,$1\n"
        + "1,0,Bolt,Alpha,LEA,161,Near Mint,English,,signed,,,,,,1,,,$1\n"
        + "1,0,Bolt,Alpha,LEA,161,Near Mint,English,etched,,,,,,,1,,,$1\n"
        + "1,0,Bolt,Alpha,LEA,161,Near Mint,English,,autographed,,,,,,1,,,$1\n"
    ).encode()
    source, rows = read(content)
    assert source.format.name == "deckbox"
    by_line = dict(rows)
    assert by_line[2].description == "Signed, Artist proof, Altered, Misprint, Promo, Textless"
    assert by_line[2].card_details["finish"] == "foil"
    assert (by_line[3].description, "finish" in by_line[3].card_details) == ("Signed", False)
    assert by_line[4].card_details["finish"] == "etched"
    assert by_line[5] == {"Signed": ["Expected yes/signed/no or blank, got 'autographed'."]}


def test_moxfield_and_manabox_flags_are_true_false():
    moxfield = (
        b'"Count","Tradelist Count","Name","Edition","Condition","Language","Foil","Tags","Last Modified",'
        b'"Collector Number","Alter","Proxy","Purchase Price"\n'
        b'"1","0","Bolt","lea","NM","English","","","","161","True","True","1"\n'
        b'"1","0","Bolt","lea","NM","English","","","","161","False","False","1"\n'
    )
    assert [row.description for _, row in read(moxfield)[1]] == ["Altered, Proxy", ""]
    manabox = (
        b"Binder Name,Binder Type,Name,Set code,Set name,Collector number,Foil,Rarity,Quantity,ManaBox ID,"
        b"Scryfall ID,Purchase price,Misprint,Altered,Condition,Language,Purchase price currency\n"
        b"Main,binder,Bolt,LEA,Alpha,161,etched,common,1,1,,1.00,true,true,near_mint,en,USD\n"
        b"Main,binder,Bolt,LEA,Alpha,161,normal,common,1,1,,1.00,false,false,near_mint,en,USD\n"
    )
    rows = [row for _, row in read(manabox)[1]]
    assert [(row.description, row.card_details["finish"]) for row in rows] == [
        ("Misprint, Altered", "etched"),
        ("", "normal"),
    ]


def test_cardmarket_flags_are_x_and_a_playset_is_four_cards():
    content = (
        b"idProduct;groupCount;price;idLanguage;condition;isFoil;isSigned;isAltered;isPlayset;isFirstEd\n"
        b"1;3;1.00;1;NM;X;X;;X;X\n"
        b"2;3;1.00;1;NM;;;;;\n"
    )
    by_line = dict(read(content)[1])
    assert (by_line[2].quantity, by_line[2].card_details["finish"], by_line[2].description) == (
        12,
        "foil",
        "Signed; 1st Edition",
    )
    assert (by_line[3].quantity, by_line[3].description) == (3, "")
    assert "finish" not in by_line[3].card_details  # blank says nothing


def test_tcgplayer_pokemon_japan_is_japanese_pokemon_for_the_japanese_market():
    header = (
        "TCGplayer Id,Product Line,Set Name,Product Name,Title,Number,Rarity,Condition,TCG Market Price,"
        "TCG Direct Low,TCG Low Price With Shipping,TCG Low Price,Total Quantity,Add to Quantity,"
        "TCG Marketplace Price,Photo URL\n"
    )
    content = (
        header
        + "512345,Pokemon Japan,SV2a: Pokemon Card 151,Mew ex,,205/165,Special Art Rare,Near Mint Holofoil,"
        + ",,,,2,0,30.00,\n"
        + "512346,Pokemon Japan,SV2a: Pokemon Card 151,Pikachu,,025/165,Common,Near Mint - English,"
        + ",,,,1,0,1.00,\n"
        + "512347,Pokemon Japan,SV2a: Pokemon Card 151,Bulbasaur,,001/165,Common,,,,,,1,0,1.00,\n"
    ).encode()
    by_line = dict(read(content)[1])
    mew = by_line[2]
    assert (mew.card_details["game"], mew.card_details["language"], mew.card_details["finish"]) == (
        "pokemon",
        "JA",
        "holo",
    )
    assert mew.card_details["market_region"] == "JP"
    assert by_line[3].card_details["language"] == "EN"  # the condition names the language
    assert by_line[3].card_details_over(None)["market_region"] == "JP"
    assert (by_line[4].card_details["language"], by_line[4].card_details["market_region"]) == ("JA", "JP")
