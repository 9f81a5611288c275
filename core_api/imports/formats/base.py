"""What every import format provides, and the row they all produce."""

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from typing import Any, ClassVar

from collectibles.choices import Condition, Finish, Game, Language, MarketRegion

from .normalize import ValueProblem, clean, flag, free_text, region_for

# A yes/no column: its name, the note it adds to the description, and the words
# (besides yes/true/1/x) an export writes in it for "yes".
FlagColumn = tuple[str, str, tuple[str, ...]]


@dataclass
class ImportContext:
    """What a format needs to know beyond the file: the shop's defaults."""

    vendor_currency: str
    default_game: Game | None = None


# What a new item gets where its row says nothing. Never applied to an existing
# item: a blank cell or a missing column keeps what the item has.
NEW_ITEM_FIELDS: dict[str, Any] = {
    "sku": "",
    "description": "",
    "condition": Condition.NEAR_MINT,  # the marketplaces' default
    "price": Decimal("0.00"),
    "release_date": None,
}
NEW_CARD_DETAILS: dict[str, Any] = {
    "game": Game.OTHER,
    "set_name": "",
    "set_code": "",
    "card_number": "",
    "rarity": "",
    "language": Language.EN,
    "finish": Finish.NORMAL,
    "grading_company": None,
    "grade": None,
}


@dataclass
class ParsedRow:
    """One source row in Omni-Stock's terms: collectible fields, card details, marketplace ids.

    It holds only what the row says: a blank ("" or None) field, and a card
    detail left out of `card_details`, means the row does not say. `defaults`
    and `marketplace_region` fill those gaps for a new item only.
    """

    name: str = ""
    sku: str = ""
    description: str = ""
    condition: str = ""
    quantity: int = 0
    price: Decimal | None = None
    currency: str = ""
    release_date: Any = None
    external_ids: dict[str, str] = field(default_factory=dict)
    card_details: dict[str, Any] | None = None  # None: no card (sealed product, or the row does not say)
    defaults: dict[str, Any] = field(default_factory=dict)  # a new item's values, over NEW_ITEM_FIELDS
    marketplace_region: MarketRegion = MarketRegion.GLOBAL  # the market of a new card in English

    def collectible_fields(self) -> dict[str, Any]:
        """The collectible's own fields this row sets."""
        values: dict[str, Any] = {"quantity": self.quantity}
        for name in ("name", "sku", "description", "condition", "price", "currency", "release_date"):
            value = getattr(self, name)
            if value not in (None, ""):
                values[name] = value
        return values

    def new_item_fields(self) -> dict[str, Any]:
        """The fields of the item this row creates."""
        return NEW_ITEM_FIELDS | self.defaults | self.collectible_fields()

    def card_details_over(self, current: dict[str, Any] | None) -> dict[str, Any] | None:
        """The card details this row leaves: `current` (a new card's when None) with
        what the row says. The market follows the language unless the row gives one,
        when the card is new or the row changes its language."""
        if self.card_details is None:
            return current
        details = {**(current or NEW_CARD_DETAILS), **self.card_details}
        new_language = current is None or details["language"] != current.get("language")
        if "market_region" not in self.card_details and new_language:
            details["market_region"] = details["language"] and region_for(
                Language(details["language"]), self.marketplace_region
            )
        return details

    @property
    def new_condition(self) -> str:
        return self.condition or NEW_ITEM_FIELDS["condition"]


class RowErrors(Exception):  # noqa: N818  (a collection, raised once per row)
    """Field problems of one row, keyed by the file's column name."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(errors)
        self.errors = errors


class RowReader:
    """Reads one source row, collecting every problem instead of stopping at the first."""

    def __init__(self, row: dict[str, str]) -> None:
        # Columns are looked up case-insensitively; the row keeps the file's spelling.
        self.row = {key.strip().lower(): value for key, value in row.items()}
        self.errors: dict[str, list[str]] = {}

    def text(self, column: str) -> str:
        return clean(self.row.get(column.lower(), ""))

    def free_text(self, column: str) -> str:
        """A multi-line cell (a description): its line breaks are kept."""
        return free_text(self.row.get(column.lower(), ""))

    def read(self, column: str, parse: Callable[[str], Any], default: Any = None) -> Any:
        try:
            return parse(self.row.get(column.lower(), "") or "")
        except ValueProblem as problem:
            self.errors.setdefault(column, []).append(str(problem))
            return default

    def flagged(self, columns: Iterable[FlagColumn]) -> list[str]:
        """The labels of the flag columns set on this row (missing columns are unset)."""
        return [
            label for column, label, words in columns if self.read(column, partial(flag, words=words), False)
        ]

    def require(self, column: str, what: str = "A value") -> str:
        value = self.text(column)
        if not value:
            self.errors.setdefault(column, []).append(f"{what} is required.")
        return value

    @contextmanager
    def check(self) -> Iterator[None]:
        yield
        if self.errors:
            raise RowErrors(self.errors)


class ImportFormat:
    """A CSV dialect of some marketplace or tool.

    `columns` are the header names the format is recognised by (compared
    case-insensitively; extra columns are allowed and ignored).
    """

    name: ClassVar[str]
    label: ClassVar[str]
    delimiter: ClassVar[str] = ","
    columns: ClassVar[tuple[str, ...]]
    marketplace_region: ClassVar[MarketRegion] = MarketRegion.GLOBAL
    currency: ClassVar[str | None] = None  # the currency of the format's prices; None: the vendor's

    def parse(self, row: dict[str, str], context: ImportContext) -> ParsedRow:
        raise NotImplementedError

    def row(self, context: ImportContext, **values: Any) -> ParsedRow:
        """A parsed row with this format's defaults for new items (its currency, else the vendor's)."""
        defaults = {"currency": self.currency or context.vendor_currency} | values.pop("defaults", {})
        return ParsedRow(**values, defaults=defaults, marketplace_region=self.marketplace_region)

    @staticmethod
    def card(**values: Any) -> dict[str, Any]:
        """The card details a row states: blank values (the row does not say) are left out."""
        return {name: value for name, value in values.items() if value not in (None, "")}
