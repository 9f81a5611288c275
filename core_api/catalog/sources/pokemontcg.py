"""The public Pokémon TCG data layout (github.com/PokemonTCG/pokemon-tcg-data):
`sets/<lang>.json` (an array of sets) and `cards/<lang>/<set id>.json` (an
array of that set's cards). PATH_OR_URL is the folder (or base URL) holding
`sets/` and `cards/`. Cards fetched from the API (api.pokemontcg.io/v2) have
`tcgplayer`/`cardmarket` blocks; their price keys say which finishes exist.
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..choices import Finish, Game
from .base import (
    LANGUAGE_CODES,
    Opener,
    PrintingRecord,
    Record,
    SetRecord,
    Skip,
    SourceError,
    iso_date,
    text,
    too_long,
)

# tcgplayer.prices keys → finishes.
FINISHES = {
    "normal": Finish.NORMAL,
    "1stEditionNormal": Finish.NORMAL,
    "unlimitedNormal": Finish.NORMAL,
    "holofoil": Finish.HOLO,
    "1stEditionHolofoil": Finish.HOLO,
    "unlimitedHolofoil": Finish.HOLO,
    "reverseHolofoil": Finish.REVERSE_HOLO,
}


def read(opener: Opener) -> Iterator[Record]:
    for language_file in _languages(opener):
        language = language_file.upper()
        if language not in LANGUAGE_CODES:
            yield Skip(f"language '{language_file}' is not one the shop uses")
            continue
        sets = []
        for raw in opener.items(opener.child("sets", f"{language_file}.json"), "item"):
            card_set = _set_record(raw)
            if isinstance(card_set, Skip):
                yield card_set
                continue
            sets.append(card_set)
            yield card_set
        for card_set in sets:
            location = opener.child("cards", language_file, f"{card_set.source_id}.json")
            if not opener.exists(location):
                continue  # a set announced before its cards are published
            for card in opener.items(location, "item"):
                yield card_record(card, card_set, language)


def _languages(opener: Opener) -> list[str]:
    if opener.is_directory():
        found = sorted(path.stem for path in Path(opener.root, "sets").glob("*.json"))
        if not found:
            raise SourceError(f"no sets/<language>.json under {opener.root}")
        return found
    if opener.remote:
        return ["en"]
    raise SourceError(f"{opener.root} is not a folder holding sets/ and cards/")


def _set_record(raw: Any) -> SetRecord | Skip:
    if not isinstance(raw, dict) or not text(raw.get("id")) or not text(raw.get("name")):
        return Skip("set without id or name")
    size = raw.get("printedTotal")
    return SetRecord(
        source_id=text(raw["id"]),
        game=Game.POKEMON,
        # Shops write the PTCGO code (e.g. "EVS"); old sets have none, so the id stands in.
        code=text(raw.get("ptcgoCode")) or text(raw["id"]),
        name=text(raw["name"]),
        release_date=iso_date(raw.get("releaseDate")),
        size=size if isinstance(size, int) and size >= 0 else None,
    )


def card_record(card: Any, card_set: SetRecord, language: str) -> Record:
    if not isinstance(card, dict):
        return Skip("not a card object")
    for required in ("id", "name", "number"):
        if not text(card.get(required)):
            return Skip(f"no {required}")
    images = _object(card.get("images"))
    prices = _object(_object(card.get("tcgplayer")).get("prices"))
    record = PrintingRecord(
        source_id=text(card["id"]),
        card_set=card_set,
        name=text(card["name"]),
        collector_number=text(card["number"]),
        language=language,
        rarity=text(card.get("rarity")),
        finishes=tuple(dict.fromkeys(FINISHES[key] for key in prices if key in FINISHES)),
        release_date=card_set.release_date,
        image_url=text(images.get("large") or images.get("small")),
        external_ids={"pokemontcg": text(card["id"])},
    )
    return too_long(record) or record


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}
