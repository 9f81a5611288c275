"""A small generated card catalog for the local demo (`seed_demo`), so the
intake screen works from a fresh clone with no third-party files.

Every demo set lists every demo name of its game, numbered in order; Pokémon
and One Piece sets are also printed in Japanese. Names and set codes are the
demo vocabulary's; nothing is copied from a card database.
"""

import datetime as dt
from collections.abc import Iterator

from catalog.choices import Finish, Game, Language
from catalog.sources.base import PrintingRecord, Record, SetRecord

from .vocabulary import CARD_NAMES, RARITIES, SETS

JAPANESE_TOO = {Game.POKEMON, Game.ONE_PIECE}
DEMO_FINISHES = {
    Game.POKEMON: (Finish.NORMAL, Finish.HOLO, Finish.REVERSE_HOLO),
    Game.MTG: (Finish.NORMAL, Finish.FOIL),
}


def demo_catalog() -> Iterator[Record]:
    for card_set in SETS:
        names = CARD_NAMES.get(card_set.game, ())
        if not names:
            continue
        record = SetRecord(
            source_id=card_set.code.lower(),
            game=card_set.game,
            code=card_set.code,
            name=card_set.name,
            release_date=dt.date(card_set.year, 1, 1),
            size=card_set.size,
        )
        yield record
        rarities = RARITIES.get(card_set.game, ("Common",))
        languages = [Language.EN, Language.JA] if card_set.game in JAPANESE_TOO else [Language.EN]
        for index, name in enumerate(names):
            number = str(index + 1)
            for language in languages:
                yield PrintingRecord(
                    source_id=f"{record.source_id}-{number}-{language.lower()}",
                    card_set=record,
                    name=name,
                    collector_number=number,
                    language=language,
                    rarity=rarities[index % len(rarities)],
                    finishes=DEMO_FINISHES.get(card_set.game, (Finish.NORMAL,)),
                    release_date=record.release_date,
                )
