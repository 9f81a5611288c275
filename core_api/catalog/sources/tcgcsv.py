"""TCGplayer's catalog as TCGCSV publishes it (https://tcgcsv.com): for each
category (game line) `{category}/groups` (sets) and `{category}/{group}/products`,
each `{"results": [...]}`, plus `categories` listing the lines.

PATH_OR_URL is the folder (or `https://tcgcsv.com/tcgplayer`) holding them;
files may also end in `.json`. Products without a collector number (sealed
product, accessories) are skipped.
"""

from collections.abc import Iterator, Sequence
from typing import Any

from ..choices import Game
from .base import Opener, PrintingRecord, Record, SetRecord, Skip, SourceError, iso_date, text, too_long

# TCGplayer category ids → game (and language where the line is one language).
CATEGORIES = {
    1: (Game.MTG, "EN"),
    2: (Game.YUGIOH, "EN"),
    3: (Game.POKEMON, "EN"),
    68: (Game.ONE_PIECE, "EN"),
    71: (Game.LORCANA, "EN"),
    85: (Game.POKEMON, "JA"),
}


def read(opener: Opener, categories: Sequence[int] = ()) -> Iterator[Record]:
    wanted = list(categories) or [
        int(c["categoryId"]) for c in _results(opener, "categories") if _has_id(c, "categoryId")
    ]
    for category in wanted:
        game, language = CATEGORIES.get(category, (Game.OTHER, "EN"))
        groups = []
        for raw in _results(opener, str(category), "groups"):
            if not _has_id(raw, "groupId") or not text(raw.get("name")):
                yield Skip("group without groupId or name")
                continue
            card_set = SetRecord(
                source_id=str(int(raw["groupId"])),
                game=game,
                code=text(raw.get("abbreviation")) or str(int(raw["groupId"])),
                name=text(raw["name"]),
                release_date=iso_date(raw.get("publishedOn")),
            )
            groups.append(card_set)
            yield card_set
        for card_set in groups:
            for product in _results(opener, str(category), card_set.source_id, "products"):
                yield product_record(product, card_set, language)


def product_record(product: Any, card_set: SetRecord, language: str) -> Record:
    if not _has_id(product, "productId") or not text(product.get("name")):
        return Skip("product without productId or name")
    extended = {
        text(item.get("name")): text(item.get("value"))
        for item in product.get("extendedData") or []
        if isinstance(item, dict)
    }
    if not extended.get("Number"):
        return Skip("no collector number (sealed product or accessory)")
    product_id = str(int(product["productId"]))
    record = PrintingRecord(
        source_id=product_id,
        card_set=card_set,
        name=text(product["name"]),
        collector_number=extended["Number"],
        language=language,
        rarity=extended.get("Rarity", ""),
        release_date=card_set.release_date,
        image_url=text(product.get("imageUrl")),
        external_ids={"tcgplayer": product_id},
    )
    return too_long(record) or record


def _has_id(raw: Any, key: str) -> bool:
    if not isinstance(raw, dict):
        return False
    try:
        return int(raw[key]) > 0
    except (KeyError, TypeError, ValueError):
        return False


def _results(opener: Opener, *parts: str) -> Iterator[Any]:
    location = opener.child(*parts)
    if not opener.exists(location):
        with_suffix = opener.child(*parts[:-1], f"{parts[-1]}.json")
        if not opener.exists(with_suffix):
            raise SourceError(f"{location} not found")
        location = with_suffix
    yield from opener.items(location, "results.item")
