"""ManaBox collection export (Magic: The Gathering)."""

from typing import ClassVar

from collectibles.choices import Game, MarketRegion
from common.currencies import is_currency_code

from . import normalize
from .base import FlagColumn, ImportContext, ImportFormat, ParsedRow, RowReader

# ManaBox writes true/false.
FLAGS: tuple[FlagColumn, ...] = (
    ("Misprint", "Misprint", ("misprint",)),
    ("Altered", "Altered", ("altered",)),
)


class ManaboxFormat(ImportFormat):
    name = "manabox"
    label = "ManaBox collection export"
    columns: ClassVar[tuple[str, ...]] = (
        "Quantity", "Name", "Set code", "Set name", "Collector number", "Condition", "Foil", "Language",
    )  # fmt: skip
    marketplace_region = MarketRegion.GLOBAL

    def parse(self, row: dict[str, str], context: ImportContext) -> ParsedRow:
        reader = RowReader(row)
        with reader.check():
            language = reader.read("Language", normalize.language)
            currency = reader.text("Purchase price currency").upper()
            if currency and not is_currency_code(currency):
                reader.errors.setdefault("Purchase price currency", []).append(
                    f"Unknown currency '{currency}'."
                )
            external_ids = {
                key: value
                for key, value in (
                    ("scryfall", reader.text("Scryfall ID")),
                    ("manabox", reader.text("ManaBox ID")),
                )
                if value
            }
            parsed = self.row(
                context,
                name=reader.require("Name", "A card name"),
                description=", ".join(reader.flagged(FLAGS)),
                condition=reader.read("Condition", normalize.condition) or "",
                quantity=reader.read("Quantity", normalize.quantity, 0),
                price=reader.read("Purchase price", normalize.price),
                currency=currency,
                external_ids=external_ids,
                card_details=self.card(
                    game=context.default_game or Game.MTG,
                    set_name=reader.text("Set name"),
                    set_code=reader.text("Set code").upper(),
                    card_number=reader.text("Collector number"),
                    rarity=reader.text("Rarity").capitalize(),
                    language=language,
                    finish=reader.read("Foil", normalize.finish),
                ),
            )
        return parsed
