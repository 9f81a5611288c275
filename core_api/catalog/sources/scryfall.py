"""Scryfall bulk data (`default_cards` / `all_cards`): one JSON array of card objects.

https://scryfall.com/docs/api/bulk-data — the download URI is listed by
`GET https://api.scryfall.com/bulk-data`; it changes daily.
"""

from collections.abc import Iterator
from typing import Any

from ..choices import Finish, Game
from .base import Opener, PrintingRecord, Record, SetRecord, Skip, SourceError, iso_date, text, too_long

# Scryfall's `lang` → ISO 639-1. Both Chinese scripts are Chinese; Phyrexian,
# Hebrew, Latin, Ancient Greek, Arabic, Sanskrit and Quenya have no place in
# the shop's languages and are skipped.
LANGUAGES = {
    "en": "EN", "ja": "JA", "de": "DE", "fr": "FR", "it": "IT", "es": "ES",
    "pt": "PT", "ko": "KO", "ru": "RU", "zhs": "ZH", "zht": "ZH",
}  # fmt: skip
FINISHES = {"nonfoil": Finish.NORMAL, "foil": Finish.FOIL, "etched": Finish.ETCHED, "glossy": Finish.OTHER}
# Scryfall's marketplace fields → our external_ids keys.
MARKETPLACE_IDS = {
    "tcgplayer_id": "tcgplayer",
    "tcgplayer_etched_id": "tcgplayer_etched",
    "cardmarket_id": "cardmarket",
    "mtgo_id": "mtgo",
}


def read(opener: Opener) -> Iterator[Record]:
    if opener.is_directory():
        raise SourceError(f"{opener.root} is a directory; give the bulk data file (e.g. default-cards.json)")
    for card in opener.items(opener.root, "item"):
        yield card_record(card)


def card_record(card: Any) -> Record:
    if not isinstance(card, dict):
        return Skip("not a card object")
    for required in ("id", "name", "set", "set_name", "collector_number", "lang"):
        if not text(card.get(required)):
            return Skip(f"no {required}")
    language = LANGUAGES.get(text(card["lang"]))
    if language is None:
        return Skip(f"language '{text(card['lang'])}' is not one the shop uses")
    if card.get("digital"):
        return Skip("digital-only (MTG Arena / Online)")
    release_date = iso_date(card.get("released_at"))
    card_set = SetRecord(
        source_id=text(card["set"]).lower(),
        game=Game.MTG,
        code=text(card["set"]).upper(),
        name=text(card["set_name"]),
        release_date=release_date,
    )
    external_ids = {"scryfall": text(card["id"])}
    for field, key in MARKETPLACE_IDS.items():
        if card.get(field) not in (None, ""):
            external_ids[key] = text(card[field])
    record = PrintingRecord(
        source_id=text(card["id"]),
        card_set=card_set,
        name=text(card["name"]),
        collector_number=text(card["collector_number"]),
        language=language,
        rarity=text(card.get("rarity")),
        finishes=_finishes(card),
        release_date=release_date,
        image_url=_image(card),
        external_ids=external_ids,
    )
    return too_long(record) or record


def _finishes(card: dict[str, Any]) -> tuple[str, ...]:
    finishes = card.get("finishes")
    if not isinstance(finishes, list):  # files from before 2021 had booleans
        finishes = [name for name in ("nonfoil", "foil") if card.get(name)]
    return tuple(dict.fromkeys(FINISHES[f] for f in finishes if f in FINISHES))


def _image(card: dict[str, Any]) -> str:
    """The front's `normal` image; double-faced cards keep theirs on each face."""
    uris = card.get("image_uris")
    if not isinstance(uris, dict):
        faces = card.get("card_faces")
        first = faces[0] if isinstance(faces, list) and faces else None
        uris = first.get("image_uris") if isinstance(first, dict) else None
    return (
        text(uris.get("normal") or uris.get("large") or uris.get("small")) if isinstance(uris, dict) else ""
    )
