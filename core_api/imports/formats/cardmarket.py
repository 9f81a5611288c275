"""Cardmarket stock file: semicolon-separated, numeric language ids, Cardmarket's own
condition scale (MT NM EX GD LP PL PO), prices in euros, the European market."""

from functools import partial
from typing import ClassVar

from collectibles.choices import Game, MarketRegion

from . import normalize
from .base import FlagColumn, ImportContext, ImportFormat, ParsedRow, RowReader
from .normalize import CARDMARKET_CONDITIONS, CARDMARKET_GAMES, CARDMARKET_LANGUAGES, ValueProblem

# Cardmarket marks a flag with X (1 or true in some tools' files), blank for no.
FLAGS: tuple[FlagColumn, ...] = (
    ("isSigned", "Signed", ("signed",)),
    ("isAltered", "Altered", ("altered",)),
    ("isFirstEd", "1st Edition", ("first edition", "1st edition")),
)
# A playset article is four copies; `groupCount` then counts playsets.
PLAYSET = 4


def _language(value: str) -> normalize.Language:
    key = normalize.clean(value)
    if key in CARDMARKET_LANGUAGES:
        return CARDMARKET_LANGUAGES[key]
    raise ValueProblem(f"Unknown Cardmarket language id '{key}'.")


def _condition(value: str) -> normalize.Condition | None:
    return normalize.condition(value, CARDMARKET_CONDITIONS)


def _game(value: str) -> Game | None:
    key = normalize.clean(value)
    if not key:
        return None
    if key in CARDMARKET_GAMES:
        return CARDMARKET_GAMES[key]
    raise ValueProblem(f"Unknown Cardmarket game id '{key}'.")


class CardmarketFormat(ImportFormat):
    name = "cardmarket"
    label = "Cardmarket stock file"
    delimiter = ";"
    columns: ClassVar[tuple[str, ...]] = (
        "idProduct",
        "groupCount",
        "price",
        "idLanguage",
        "condition",
        "isFoil",
    )
    marketplace_region = MarketRegion.EU
    currency = "EUR"

    def parse(self, row: dict[str, str], context: ImportContext) -> ParsedRow:
        reader = RowReader(row)
        with reader.check():
            product = reader.require("idProduct", "The Cardmarket product id")
            if product and not product.isdigit():
                reader.errors.setdefault("idProduct", []).append(
                    f"'{product}' is not a Cardmarket product id."
                )
            language = reader.read("idLanguage", _language, None)
            notes = reader.flagged(FLAGS)
            playset = reader.read("isPlayset", partial(normalize.flag, words=("playset",)), False)
            if reader.text("comments"):
                notes.append(reader.text("comments"))
            name = reader.text("enName") or reader.text("English Name") or reader.text("name")
            price = reader.read("price", normalize.price)
            parsed = self.row(
                context,
                name=name,
                description="; ".join(notes),
                condition=reader.read("condition", _condition) or "",
                quantity=reader.read("groupCount", normalize.quantity, 0) * (PLAYSET if playset else 1),
                price=price,
                currency=self.currency if price is not None else "",  # the price's currency
                external_ids={"cardmarket": product} if product else {},
                card_details=self.card(
                    game=reader.read("idGame", _game) or context.default_game,
                    set_name=reader.text("expansion") or reader.text("Exp. Name"),
                    set_code=(reader.text("expCode") or reader.text("Exp.")).upper(),
                    card_number=reader.text("number"),
                    rarity=reader.text("rarity"),
                    language=language,
                    finish=reader.read("isFoil", normalize.foil),
                ),
                # A new card of no stated game is "other" (NEW_CARD_DETAILS).
                defaults={"name": f"Cardmarket product {product}"},
            )
        return parsed
