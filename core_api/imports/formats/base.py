"""What every import format provides, and the row they all produce."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar

from collectibles.choices import Finish, Game, Language, MarketRegion

from .normalize import ValueProblem, clean, region_for


@dataclass
class ImportContext:
    """What a format needs to know beyond the file: the shop's defaults."""

    vendor_currency: str
    default_game: Game | None = None


@dataclass
class ParsedRow:
    """One source row in Omni-Stock's terms: collectible fields, card details, marketplace ids."""

    name: str = ""
    sku: str = ""
    description: str = ""
    condition: str = ""
    quantity: int = 0
    price: Decimal | None = None
    currency: str = ""
    release_date: Any = None
    external_ids: dict[str, str] = field(default_factory=dict)
    card_details: dict[str, Any] | None = None

    def collectible_fields(self) -> dict[str, Any]:
        """The collectible's own fields this row sets (price only when the file has one)."""
        values: dict[str, Any] = {
            "name": self.name,
            "condition": self.condition,
            "quantity": self.quantity,
            "currency": self.currency,
        }
        for optional in ("sku", "description", "release_date", "price"):
            value = getattr(self, optional)
            if value not in (None, ""):
                values[optional] = value
        return values


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

    def read(self, column: str, parse: Callable[[str], Any], default: Any = None) -> Any:
        try:
            return parse(self.row.get(column.lower(), "") or "")
        except ValueProblem as problem:
            self.errors.setdefault(column, []).append(str(problem))
            return default

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

    def parse(self, row: dict[str, str], context: ImportContext) -> ParsedRow:
        raise NotImplementedError

    def card(
        self,
        *,
        game: Any,
        language: Language | None,
        set_name: str = "",
        set_code: str = "",
        card_number: str = "",
        rarity: str = "",
        finish: str = Finish.NORMAL,
    ) -> dict[str, Any]:
        """Ungraded card details; the market follows the language (else this marketplace's)."""
        return {
            "game": game,
            "set_name": set_name,
            "set_code": set_code,
            "card_number": card_number,
            "rarity": rarity,
            "language": language,
            "market_region": language and region_for(language, self.marketplace_region),
            "finish": finish,
            "grading_company": None,
            "grade": None,
        }
