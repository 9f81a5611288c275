"""Small files in each source's published format, written by the tests themselves."""

import json
from pathlib import Path
from typing import Any


def scryfall_card(**overrides: Any) -> dict[str, Any]:
    card = {
        "object": "card",
        "id": "0000579f-7b35-4ed3-b44c-db2a538066fe",
        "oracle_id": "44623693-51d6-49ad-8cd7-140505caf02f",
        "name": "Fury Sliver",
        "lang": "en",
        "released_at": "2006-10-06",
        "set": "tsp",
        "set_name": "Time Spiral",
        "collector_number": "157",
        "rarity": "uncommon",
        "finishes": ["nonfoil", "foil"],
        "digital": False,
        "tcgplayer_id": 14240,
        "cardmarket_id": 14850,
        "image_uris": {"small": "https://cards.scryfall.io/small/front/fury.jpg",
                       "normal": "https://cards.scryfall.io/normal/front/fury.jpg"},
        "prices": {"usd": "0.29", "usd_foil": "2.67", "usd_etched": None, "eur": "0.10", "tix": "0.02"},
    }  # fmt: skip
    card.update(overrides)
    return card


def scryfall_awkward_cards() -> list[dict[str, Any]]:
    """Double-faced, etched-only, Japanese, no marketplace ids, a promo number, and ones to skip."""
    return [
        scryfall_card(),
        scryfall_card(
            id="11111111-0000-0000-0000-000000000001",
            name="Delver of Secrets // Insectile Aberration",
            set="isd", set_name="Innistrad", collector_number="51", released_at="2011-09-30",
            image_uris=None,
            card_faces=[
                {"name": "Delver of Secrets", "image_uris": {"normal": "https://cards.scryfall.io/normal/front/delver.jpg"}},
                {"name": "Insectile Aberration", "image_uris": {"normal": "https://cards.scryfall.io/normal/back/delver.jpg"}},
            ],
        ),
        scryfall_card(
            id="11111111-0000-0000-0000-000000000002",
            name="Sol Ring", set="cmm", set_name="Commander Masters", collector_number="464",
            finishes=["etched"], tcgplayer_id=None, tcgplayer_etched_id=501234, released_at="2023-08-04",
        ),
        scryfall_card(
            id="11111111-0000-0000-0000-000000000003",
            name="Lightning Bolt", lang="ja", set="sta", set_name="Strixhaven Mystical Archive",
            collector_number="42", tcgplayer_id=None, cardmarket_id=None,
        ),
        scryfall_card(
            id="11111111-0000-0000-0000-000000000004",
            name="Snapcaster Mage", set="pisd", set_name="Innistrad Promos", collector_number="4a",
            tcgplayer_id=None, cardmarket_id=None, image_uris=None,
        ),
        scryfall_card(id="11111111-0000-0000-0000-000000000005", lang="ph", name="Phyrexian Obliterator"),
        scryfall_card(id="11111111-0000-0000-0000-000000000006", digital=True, name="Arena Only"),
        scryfall_card(id="11111111-0000-0000-0000-000000000007", collector_number=""),
    ]  # fmt: skip


def write_json(path: Path, value: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value), encoding="utf-8")
    return path


POKEMON_SETS = [
    {"id": "base1", "name": "Base", "series": "Base", "printedTotal": 102, "total": 102,
     "ptcgoCode": "BS", "releaseDate": "1999/01/09", "updatedAt": "2020/08/14 09:35:00"},
    {"id": "swshp", "name": "SWSH Black Star Promos", "series": "Sword & Shield", "printedTotal": 307,
     "total": 304, "releaseDate": "2019/11/15"},
]  # fmt: skip
POKEMON_CARDS = {
    "base1": [
        {"id": "base1-4", "name": "Charizard", "supertype": "Pokémon", "number": "4", "rarity": "Rare Holo",
         "images": {"small": "https://images.pokemontcg.io/base1/4.png",
                    "large": "https://images.pokemontcg.io/base1/4_hires.png"},
         "tcgplayer": {"url": "https://prices.pokemontcg.io/tcgplayer/base1-4",
                       "prices": {"holofoil": {"low": 200.0, "market": 350.0},
                                  "1stEditionHolofoil": {"market": 5000.0}}},
         "cardmarket": {"url": "https://prices.pokemontcg.io/cardmarket/base1-4", "prices": {"trendPrice": 300.0}}},
        {"id": "base1-58", "name": "Pikachu", "number": "58", "rarity": "Common",
         "images": {"small": "https://images.pokemontcg.io/base1/58.png"}},
    ],
    "swshp": [
        {"id": "swshp-SWSH050", "name": "Charizard V", "number": "SWSH050", "rarity": "Promo",
         "tcgplayer": {"prices": {"holofoil": {"market": 12.0}}}},
    ],
}  # fmt: skip


def pokemontcg_tree(root: Path, sets: list[Any] | None = None, cards: dict[str, Any] | None = None) -> Path:
    write_json(root / "sets" / "en.json", POKEMON_SETS if sets is None else sets)
    for set_id, set_cards in (POKEMON_CARDS if cards is None else cards).items():
        write_json(root / "cards" / "en" / f"{set_id}.json", set_cards)
    return root


YGO_CARDS = {
    "data": [
        {"id": 89631139, "name": "Blue-Eyes White Dragon", "type": "Normal Monster",
         "card_sets": [
             {"set_name": "Legend of Blue Eyes White Dragon", "set_code": "LOB-EN001",
              "set_rarity": "Ultra Rare", "set_rarity_code": "(UR)", "set_price": "80.5"},
             {"set_name": "Legend of Blue Eyes White Dragon", "set_code": "LOB-E001",
              "set_rarity": "Ultra Rare", "set_rarity_code": "(UR)", "set_price": "120"},
             {"set_name": "Starter Deck: Kaiba", "set_code": "SDK-001",
              "set_rarity": "Ultra Rare", "set_rarity_code": "(UR)", "set_price": "30"},
             {"set_name": "Asian Pack", "set_code": "AP01-AE001", "set_rarity": "Common"},
         ],
         "card_images": [{"id": 89631139, "image_url": "https://images.ygoprodeck.com/images/cards/89631139.jpg"}],
         "card_prices": [{"cardmarket_price": "0.02", "tcgplayer_price": "0.08"}]},
        {"id": 12345678, "name": "OCG Only Card", "type": "Spell Card"},
    ]
}  # fmt: skip


def tcgcsv_tree(root: Path, products: list[Any] | None = None) -> Path:
    write_json(
        root / "categories",
        {
            "success": True,
            "errors": [],
            "results": [
                {"categoryId": 68, "name": "One Piece Card Game", "displayName": "One Piece Card Game"}
            ],
        },
    )
    write_json(
        root / "68" / "groups",
        {
            "success": True,
            "results": [
                {
                    "groupId": 3188,
                    "name": "Romance Dawn",
                    "abbreviation": "OP01",
                    "isSupplemental": False,
                    "publishedOn": "2022-12-02T00:00:00",
                    "categoryId": 68,
                }
            ],
        },
    )
    write_json(root / "68" / "3188" / "products", {"success": True, "results": products if products is not None else [
        {"productId": 453506, "name": "Monkey.D.Luffy (001)", "cleanName": "MonkeyD Luffy 001",
         "imageUrl": "https://tcgplayer-cdn.tcgplayer.com/product/453506_200w.jpg", "categoryId": 68,
         "groupId": 3188, "extendedData": [{"name": "Rarity", "displayName": "Rarity", "value": "L"},
                                           {"name": "Number", "displayName": "Card Number", "value": "OP01-001"}]},
        {"productId": 453999, "name": "Romance Dawn Booster Box", "categoryId": 68, "groupId": 3188,
         "extendedData": []},
    ]})  # fmt: skip
    return root
