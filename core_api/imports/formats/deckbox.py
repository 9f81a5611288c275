"""Deckbox.org inventory export (Magic: The Gathering)."""

from typing import ClassVar

from collectibles.choices import Game, MarketRegion

from . import normalize
from .base import FlagColumn, ImportContext, ImportFormat, ParsedRow, RowReader

# Deckbox writes each flag's own word in its column ("signed", "altered", …), blank for no.
FLAGS: tuple[FlagColumn, ...] = (
    ("Signed", "Signed", ("signed",)),
    ("Artist Proof", "Artist proof", ("proof", "artist proof")),
    ("Altered Art", "Altered", ("altered", "altered art")),
    ("Misprint", "Misprint", ("misprint",)),
    ("Promo", "Promo", ("promo",)),
    ("Textless", "Textless", ("textless",)),
)


class DeckboxFormat(ImportFormat):
    name = "deckbox"
    label = "Deckbox inventory export"
    columns: ClassVar[tuple[str, ...]] = (
        "Count", "Tradelist Count", "Name", "Edition", "Card Number", "Condition", "Language", "Foil",
    )  # fmt: skip
    marketplace_region = MarketRegion.NA
    currency = "USD"

    def parse(self, row: dict[str, str], context: ImportContext) -> ParsedRow:
        reader = RowReader(row)
        with reader.check():
            language = reader.read("Language", normalize.language)
            notes = reader.flagged(FLAGS)
            price = reader.read("My Price", normalize.price)
            external_ids = {
                key: value
                for key, value in (
                    ("tcgplayer", reader.text("TcgPlayer ID")),
                    ("scryfall", reader.text("Scryfall ID")),
                )
                if value
            }
            parsed = self.row(
                context,
                name=reader.require("Name", "A card name"),
                description=", ".join(notes),
                condition=reader.read("Condition", normalize.condition) or "",
                quantity=reader.read("Count", normalize.quantity, 0),
                price=price,
                currency=self.currency if price is not None else "",  # the price's currency
                external_ids=external_ids,
                card_details=self.card(
                    game=context.default_game or Game.MTG,
                    set_name=reader.text("Edition"),
                    set_code=reader.text("Edition Code").upper(),
                    card_number=reader.text("Card Number"),
                    rarity=reader.text("Rarity"),
                    language=language,
                    finish=reader.read("Foil", normalize.foil),
                ),
            )
        return parsed
