"""YGOPRODeck's card info (`https://db.ygoprodeck.com/api/v7/cardinfo.php`):
`{"data": [card, ...]}`, each card with its TCG printings in `card_sets[]`.

One printing per card, set code and rarity. YGOPRODeck asks that images be
downloaded rather than hotlinked, so no image URL is stored (docs/catalog.md).
"""

import re
from collections.abc import Iterator
from typing import Any

from ..choices import Game
from .base import Opener, PrintingRecord, Record, SetRecord, Skip, SourceError, text, too_long

# The region letters of a set code ("LOB-EN001", old "LOB-E001") → language.
REGIONS = {
    "EN": "EN", "E": "EN", "FR": "FR", "F": "FR", "DE": "DE", "G": "DE", "IT": "IT", "I": "IT",
    "SP": "ES", "S": "ES", "PT": "PT", "P": "PT", "JP": "JA", "JA": "JA", "KR": "KO", "K": "KO",
}  # fmt: skip
SET_CODE = re.compile(r"^(?P<prefix>[A-Z0-9]+)-(?P<region>[A-Z]{1,2})?(?P<number>[0-9A-Z]*\d[0-9A-Z]*)$")


def read(opener: Opener) -> Iterator[Record]:
    if opener.is_directory():
        raise SourceError(f"{opener.root} is a directory; give the cardinfo JSON file")
    for card in opener.items(opener.root, "data.item"):
        yield from card_records(card)


def card_records(card: Any) -> Iterator[Record]:
    if not isinstance(card, dict) or not text(card.get("id")) or not text(card.get("name")):
        yield Skip("card without id or name")
        return
    printings = card.get("card_sets")
    if not isinstance(printings, list) or not printings:
        yield Skip("no TCG printings (card_sets is empty)")
        return
    for printing in printings:
        yield _printing(card, printing)


def _printing(card: dict[str, Any], printing: Any) -> Record:
    if (
        not isinstance(printing, dict)
        or not text(printing.get("set_code"))
        or not text(printing.get("set_name"))
    ):
        return Skip("printing without set code or set name")
    set_code = text(printing["set_code"]).upper()
    match = SET_CODE.match(set_code)
    prefix = match["prefix"] if match else set_code.split("-")[0]
    language = REGIONS.get(match["region"] or "EN", "") if match else "EN"
    if not language:
        return Skip(f"set code region in '{set_code}' is not a language the shop uses")
    rarity = text(printing.get("set_rarity"))
    card_set = SetRecord(
        source_id=text(printing["set_name"]), game=Game.YUGIOH, code=prefix, name=text(printing["set_name"])
    )
    record = PrintingRecord(
        source_id=f"{text(card['id'])}:{set_code}:{text(printing.get('set_rarity_code')) or rarity}",
        card_set=card_set,
        name=text(card["name"]),
        collector_number=set_code,
        language=language,
        rarity=rarity,
        external_ids={"ygoprodeck": text(card["id"])},
    )
    return too_long(record) or record
