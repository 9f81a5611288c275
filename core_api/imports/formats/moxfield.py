"""Moxfield collection export (Magic: The Gathering). `Edition` holds the set code."""

from typing import ClassVar

from collectibles.choices import Finish, Game, MarketRegion

from . import normalize
from .base import FlagColumn, ImportContext, ImportFormat, ParsedRow, RowReader

MOXFIELD_FINISHES = {"foil": Finish.FOIL, "etched": Finish.ETCHED}
# Moxfield writes True/False.
FLAGS: tuple[FlagColumn, ...] = (("Alter", "Altered", ("altered",)), ("Proxy", "Proxy", ("proxy",)))


def _finish(value: str) -> Finish | None:
    key = normalize.clean(value).lower()
    if not key:  # the normal printing, or (on an update) keep the item's
        return None
    if key in MOXFIELD_FINISHES:
        return MOXFIELD_FINISHES[key]
    raise normalize.ValueProblem(
        f"Unknown foil value '{normalize.clean(value)}' (expected foil, etched or empty)."
    )


class MoxfieldFormat(ImportFormat):
    name = "moxfield"
    label = "Moxfield collection export"
    columns: ClassVar[tuple[str, ...]] = (
        "Count", "Tradelist Count", "Name", "Edition", "Condition", "Language", "Foil", "Collector Number",
    )  # fmt: skip
    marketplace_region = MarketRegion.NA

    def parse(self, row: dict[str, str], context: ImportContext) -> ParsedRow:
        reader = RowReader(row)
        with reader.check():
            language = reader.read("Language", normalize.language)
            notes = reader.flagged(FLAGS)
            parsed = self.row(
                context,
                name=reader.require("Name", "A card name"),
                description=", ".join(notes),
                condition=reader.read("Condition", normalize.condition) or "",
                quantity=reader.read("Count", normalize.quantity, 0),
                price=reader.read("Purchase Price", normalize.price),
                card_details=self.card(
                    game=context.default_game or Game.MTG,
                    set_name="",
                    set_code=reader.text("Edition").upper(),
                    card_number=reader.text("Collector Number"),
                    rarity="",
                    language=language,
                    finish=reader.read("Foil", _finish),
                ),
            )
        return parsed
