from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from catalog.choices import Finish

# A figure larger than this is a broken file, not a price.
MAX_FIGURE = Decimal("9999999999.99")


class SourceFormatError(Exception):
    """The file is not in the format its source publishes; the message says how."""


@dataclass(frozen=True)
class PriceRow:
    marketplace: str
    product_id: str
    currency: str
    figures: dict[str, Decimal]
    finish: str = Finish.NORMAL
    condition: str = ""


@dataclass(frozen=True)
class Skip:
    reason: str
    detail: dict[str, Any] = field(default_factory=dict)


def money(value: Any) -> Decimal | None:
    """A figure as the file gives it (number or text, maybe with a currency sign); None if absent."""
    if value is None or value == "":
        return None
    text = str(value).strip().lstrip("$€£").replace(",", "")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        return None
    if not amount.is_finite() or amount < 0 or amount > MAX_FIGURE:
        return None
    return amount.quantize(Decimal("0.01"))


def figures_of(record: dict[str, Any], names: dict[str, str]) -> dict[str, Decimal]:
    """{our figure: amount} for the record's keys named in `names` ({their key: our figure})."""
    found = {}
    for key, figure in names.items():
        amount = money(record.get(key))
        if amount is not None:
            found[figure] = amount
    return found
