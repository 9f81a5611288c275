"""Omni-Stock's own CSV: every field, round-trips exactly (export → import changes nothing).

Marketplace ids are flattened into `external_id:<key>` columns.
"""

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, ClassVar

from collectibles.models import CARD_DETAILS_FIELDS, Collectible
from common.currencies import is_currency_code

from . import normalize
from .base import ImportContext, ImportFormat, ParsedRow, RowReader
from .normalize import ValueProblem

EXTERNAL_ID_PREFIX = "external_id:"
COLLECTIBLE_COLUMNS = (
    "sku",
    "name",
    "description",
    "condition",
    "quantity",
    "price",
    "currency",
    "release_date",
)
COLUMNS = (*COLLECTIBLE_COLUMNS, *CARD_DETAILS_FIELDS)


def _date(value: str) -> dt.date | None:
    text = normalize.clean(value)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueProblem(f"'{text}' is not a date (YYYY-MM-DD).") from None


def _currency(value: str) -> str:
    text = normalize.clean(value).upper()
    if text and not is_currency_code(text):
        raise ValueProblem(f"'{text}' is not an ISO 4217 currency code.")
    return text


def _grade(value: str) -> Decimal | None:
    text = normalize.clean(value)
    if not text:
        return None
    try:
        grade = Decimal(text)
    except ArithmeticError:
        raise ValueProblem(f"'{text}' is not a grade.") from None
    if (
        not grade.is_finite()
        or not Decimal(1) <= grade <= Decimal(10)
        or grade != grade.quantize(Decimal("0.1"))
    ):
        raise ValueProblem("A grade is a number from 1.0 to 10.0 with one decimal.")
    return grade


class OmniStockFormat(ImportFormat):
    name = "omnistock"
    label = "Omni-Stock CSV"
    columns: ClassVar[tuple[str, ...]] = ("sku", "name", "condition", "quantity", "price", "game", "language")

    def parse(self, row: dict[str, str], context: ImportContext) -> ParsedRow:
        reader = RowReader(row)
        with reader.check():
            parsed = self.row(
                context,
                sku=reader.text("sku"),
                name=reader.require("name", "A name"),
                description=reader.free_text("description"),
                condition=reader.read("condition", normalize.condition) or "",
                quantity=reader.read("quantity", normalize.quantity, 0),
                price=reader.read("price", normalize.price),
                currency=reader.read("currency", _currency, ""),
                release_date=reader.read("release_date", _date),
                external_ids={
                    key.strip()[len(EXTERNAL_ID_PREFIX) :]: normalize.clean(value)
                    for key, value in row.items()
                    if key.strip().lower().startswith(EXTERNAL_ID_PREFIX) and normalize.clean(value)
                },
            )
            if reader.text("game"):  # blank: sealed product, or (on an update) keep the card details
                parsed.card_details = self.card(
                    game=reader.read("game", normalize.game),
                    set_name=reader.text("set_name"),
                    set_code=reader.text("set_code"),
                    card_number=reader.text("card_number"),
                    rarity=reader.text("rarity"),
                    language=reader.read("language", normalize.language),
                    market_region=reader.text("market_region").upper(),
                    finish=reader.read("finish", normalize.finish),
                    grading_company=reader.text("grading_company").upper(),
                    grade=reader.read("grade", _grade),
                )
        return parsed


def header(external_id_keys: Iterable[str]) -> list[str]:
    return [*COLUMNS, *(f"{EXTERNAL_ID_PREFIX}{key}" for key in external_id_keys)]


def to_row(collectible: Collectible, external_id_keys: Iterable[str]) -> list[Any]:
    details = getattr(collectible, "card_details", None)
    values: list[Any] = [
        collectible.sku,
        collectible.name,
        collectible.description,
        collectible.condition,
        collectible.quantity,
        collectible.price,
        collectible.currency,
        collectible.release_date.isoformat() if collectible.release_date else "",
    ]
    values += [("" if details is None else getattr(details, name) or "") for name in CARD_DETAILS_FIELDS]
    ids = collectible.external_ids if isinstance(collectible.external_ids, dict) else {}
    values += [ids.get(key, "") for key in external_id_keys]
    return values
