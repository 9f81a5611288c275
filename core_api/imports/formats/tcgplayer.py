"""TCGplayer's seller inventory export (and upload) format.

TCGplayer folds the printing (and, for non-English cards, the language) into the
condition text: "Near Mint Foil", "Lightly Played 1st Edition", "Near Mint
Reverse Holofoil - Japanese". Prices are US dollars; the market is North America.
"""

import re
from decimal import Decimal
from typing import Any, ClassVar

from collectibles.choices import Finish, Game, Language, MarketRegion
from collectibles.models import Collectible

from . import normalize
from .base import ImportContext, ImportFormat, ParsedRow, RowReader

COLUMNS = (
    "TCGplayer Id", "Product Line", "Set Name", "Product Name", "Title", "Number", "Rarity", "Condition",
    "TCG Market Price", "TCG Direct Low", "TCG Low Price With Shipping", "TCG Low Price",
    "Total Quantity", "Add to Quantity", "TCG Marketplace Price", "Photo URL",
)  # fmt: skip

# Printing words TCGplayer appends to the condition, longest first.
PRINTINGS: tuple[tuple[str, Finish | None, str], ...] = (
    ("reverse holofoil", Finish.REVERSE_HOLO, ""),
    ("holofoil", Finish.HOLO, ""),
    ("etched foil", Finish.ETCHED, ""),
    ("foil", Finish.FOIL, ""),
    ("1st edition", None, "1st Edition"),
    ("unlimited", None, "Unlimited"),
    ("limited", None, "Limited"),
    ("normal", Finish.NORMAL, ""),
)
EDITIONS = frozenset(edition for _, _, edition in PRINTINGS if edition)
PRODUCT_LINES: dict[Game, str] = {
    Game.POKEMON: "Pokemon",
    Game.MTG: "Magic",
    Game.YUGIOH: "YuGiOh",
    Game.ONE_PIECE: "One Piece Card Game",
    Game.LORCANA: "Lorcana TCG",
    Game.SPORTS: "Sports Cards",
    Game.OTHER: "Other",
}
# Product lines TCGplayer keeps for one game's cards of one language: the line
# states the game, the language (unless the condition names another) and the market.
LOCAL_PRODUCT_LINES: dict[str, tuple[Game, Language, MarketRegion]] = {
    "pokemon japan": (Game.POKEMON, Language.JA, MarketRegion.JP),
}
CONDITION_WORDS = {
    "M": "Mint",
    "NM": "Near Mint",
    "LP": "Lightly Played",
    "MP": "Moderately Played",
    "HP": "Heavily Played",
    "DMG": "Damaged",
}
FINISH_WORDS = {
    Finish.FOIL: "Foil",
    Finish.HOLO: "Holofoil",
    Finish.REVERSE_HOLO: "Reverse Holofoil",
    Finish.ETCHED: "Etched Foil",
}
_LANGUAGE_SUFFIX = re.compile(r"\s+-\s+(?P<language>[^-]+)$")


def split_condition(text: str) -> tuple[str, Finish, Language | None, str]:
    """'Near Mint Reverse Holofoil - Japanese' → ('Near Mint', reverse_holo, JA, '');
    the language is None when the condition names none."""
    text = normalize.clean(text)
    language = None
    suffix = _LANGUAGE_SUFFIX.search(text)
    if suffix:
        language = normalize.language(suffix.group("language"))
        text = text[: suffix.start()]
    finish, edition = Finish.NORMAL, ""
    stripped = True
    while stripped:  # printing and edition words come in either order
        stripped = False
        for words, printing, edition_name in PRINTINGS:
            if text.lower().endswith(" " + words):
                text = text[: -len(words) - 1].rstrip()
                finish = printing or finish
                edition = edition_name or edition
                stripped = True
    return text, finish, language, edition


class TcgplayerFormat(ImportFormat):
    name = "tcgplayer"
    label = "TCGplayer seller export"
    columns: ClassVar[tuple[str, ...]] = (
        "TCGplayer Id",
        "Product Line",
        "Product Name",
        "Condition",
        "Total Quantity",
    )
    marketplace_region = MarketRegion.NA
    currency = "USD"

    def parse(self, row: dict[str, str], context: ImportContext) -> ParsedRow:
        reader = RowReader(row)
        with reader.check():
            # The condition also states the printing and the language ("Near Mint" is
            # the normal printing in English); a blank one states none of them.
            said = bool(reader.text("Condition"))
            condition_text, finish, language, edition = reader.read(
                "Condition", split_condition, ("", None, None, "")
            )
            local_line = LOCAL_PRODUCT_LINES.get(reader.text("Product Line").lower())
            if not said:
                finish = language = None
            if language is None and local_line is not None:
                language = local_line[1]  # the line's language, unless the condition names another
            elif language is None and said:
                language = Language.EN
            # Blank for items never listed on TCGplayer (e.g. our own export of them): such
            # rows match by card identity instead.
            tcgplayer_id = reader.text("TCGplayer Id")
            if tcgplayer_id and not tcgplayer_id.isdigit():
                reader.errors.setdefault("TCGplayer Id", []).append(
                    f"'{tcgplayer_id}' is not a TCGplayer Id."
                )
            price = reader.read("TCG Marketplace Price", normalize.price)
            if price is None:
                price = reader.read("TCG Market Price", normalize.price)
            parsed = self.row(
                context,
                name=reader.require("Product Name", "A product name"),
                description=edition,
                condition=reader.read("Condition", lambda _: normalize.condition(condition_text)) or "",
                quantity=reader.read("Total Quantity", normalize.quantity, 0)
                + reader.read("Add to Quantity", lambda v: normalize.quantity(v, required=False), 0),
                price=price,
                currency=self.currency if price is not None else "",  # the price's currency
                external_ids={"tcgplayer": tcgplayer_id} if tcgplayer_id else {},
                card_details=self._card(reader, finish, language, local_line),
            )
        return parsed

    def _card(
        self,
        reader: RowReader,
        finish: Finish | None,
        language: Language | None,
        local_line: tuple[Game, Language, MarketRegion] | None,
    ) -> dict[str, Any] | None:
        details = self.card(
            set_name=reader.text("Set Name"),
            card_number=reader.text("Number"),
            rarity=reader.text("Rarity"),
            language=language,
            finish=finish,
        )
        if local_line is not None:
            game, _, market_region = local_line
            return details | self.card(game=game, market_region=market_region)
        if reader.text("Product Line"):
            return details | self.card(game=reader.read("Product Line", normalize.game))
        # No product line: sealed product, as our export writes items without card
        # details — unless the row describes a card (a plain "Near Mint" states
        # English and the normal printing, which sealed product reads as nothing).
        plain = {("language", Language.EN), ("finish", Finish.NORMAL)}
        if any((name, value) not in plain for name, value in details.items()):
            reader.errors.setdefault("Product Line", []).append(
                "A card needs its product line (this row has a set, number, rarity, printing or language)."
            )
        return None


def condition_text(collectible: Collectible) -> str:
    details = getattr(collectible, "card_details", None)
    words = CONDITION_WORDS[collectible.condition]
    if collectible.description in EDITIONS:
        words += " " + collectible.description
    if details is not None and details.finish in FINISH_WORDS:
        words += " " + FINISH_WORDS[Finish(details.finish)]
    if details is not None and details.language != Language.EN:
        words += " - " + Language(details.language).label
    return words


def to_row(collectible: Collectible) -> list[Any]:
    details = getattr(collectible, "card_details", None)
    ids = collectible.external_ids if isinstance(collectible.external_ids, dict) else {}
    return [
        ids.get("tcgplayer", ""),
        PRODUCT_LINES[Game(details.game)] if details else "",
        details.set_name if details else "",
        collectible.name,
        "",
        details.card_number if details else "",
        details.rarity if details else "",
        condition_text(collectible),
        "",
        "",
        "",
        "",
        collectible.quantity,
        0,
        collectible.price if collectible.price is not None else Decimal("0.00"),
        "",
    ]
