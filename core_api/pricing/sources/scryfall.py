"""Scryfall bulk data (`default_cards` / `all_cards`): each card's `prices`.

`usd`, `usd_foil`, `usd_etched` are TCGplayer market prices; `eur`, `eur_foil` Cardmarket
trend prices. Keyed by the Scryfall id (items and printings carry it as `scryfall`).
Scryfall warns these are stale after a day: load the day's file each morning.
"""

from collections.abc import Iterator
from typing import IO

import ijson

from catalog.choices import Finish

from .base import PriceRow, Skip, SourceFormatError, money

# Scryfall price key → (finish, currency, our figure)
PRICES = {
    "usd": (Finish.NORMAL, "USD", "market"),
    "usd_foil": (Finish.FOIL, "USD", "market"),
    "usd_etched": (Finish.ETCHED, "USD", "market"),
    "eur": (Finish.NORMAL, "EUR", "trend"),
    "eur_foil": (Finish.FOIL, "EUR", "trend"),
}


def read(stream: IO[bytes]) -> Iterator[PriceRow | Skip]:
    try:
        for card in ijson.items(stream, "item", use_float=False):
            if not isinstance(card, dict) or not card.get("id"):
                raise SourceFormatError("Not a Scryfall bulk data file: a card without an id.")
            prices = card.get("prices") or {}
            rows = [
                PriceRow("scryfall", str(card["id"]), currency, {figure: amount}, finish=finish)
                for key, (finish, currency, figure) in PRICES.items()
                if (amount := money(prices.get(key))) is not None
            ]
            if not rows:
                yield Skip("no price", {"id": card["id"]})
            yield from rows
    except ijson.JSONError as error:
        raise SourceFormatError(f"Not a Scryfall bulk data file: {error}") from error
