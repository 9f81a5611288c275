"""What the import phases share: chunks, the JSON form of an item's state, its rules,
the batch locked for a phase, and the change that gives an item a stored state.

Everything works in chunks with bulk queries, so a 100,000-row file is read in
bounded memory and never costs a query per row.
"""

import datetime as dt
from collections.abc import Iterable, Iterator
from decimal import Decimal
from itertools import islice
from typing import Any, TypeVar

from collectibles.choices import MovementReason
from collectibles.models import CARD_DETAILS_FIELDS, Collectible
from collectibles.rules import card_details_problems, collectible_problems
from collectibles.writes import ITEM_FIELDS, UNSET, ItemChange, Ledger

from ..errors import ImportConflict
from ..models import ImportBatch

CHUNK = 5000
T = TypeVar("T")


def chunked(items: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


# --- JSON-friendly values for ImportRow.data / .before ---------------------------


def to_json(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def from_json(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in ("price", "grade"):
        return Decimal(value)
    if name == "release_date":
        return dt.date.fromisoformat(value)
    return value


def snapshot(item: Collectible) -> dict[str, Any]:
    """What an item is, in the JSON form rows store (`before`, and matching state)."""
    details = getattr(item, "card_details", None)
    return {
        "fields": {name: to_json(getattr(item, name)) for name in ITEM_FIELDS}
        | {"external_ids": item.external_ids if isinstance(item.external_ids, dict) else {}},
        "card_details": None
        if details is None
        else {name: to_json(getattr(details, name)) for name in CARD_DETAILS_FIELDS},
    }


# --- validation of a row's final state (fast: no model instances per row) --------


def state_problems(state: dict[str, Any]) -> dict[str, list[str]]:
    """The API's rules (collectibles/rules.py), checked on the state a row would leave an item in."""
    problems = collectible_problems(state["fields"])
    if state.get("card_details") is not None:
        problems |= card_details_problems(state["card_details"])
    return problems


# --- the batch and its changes -------------------------------------------------------


def locked_batch(batch: ImportBatch, expected: str, verb: str) -> ImportBatch:
    locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if locked.status != expected:
        raise ImportConflict(
            f"Import #{locked.pk} is {locked.get_status_display().lower()}; it cannot be {verb}."
        )
    return locked


def change_to(item: Collectible, state: dict[str, Any], *, drop_card_details: bool) -> ItemChange:
    """The change that gives `item` a stored state (a row's `data`, or its `before`). A state
    without card details removes the item's (`drop_card_details`, a rollback) or leaves them."""
    fields = {name: from_json(name, value) for name, value in state["fields"].items()}
    card = state.get("card_details")
    if card is None:
        return ItemChange(item, fields, None if drop_card_details else UNSET)
    return ItemChange(item, fields, {name: from_json(name, card.get(name)) for name in CARD_DETAILS_FIELDS})


def ledger_of(batch: ImportBatch, note: str) -> Ledger:
    return Ledger(MovementReason.IMPORT, note, batch.pk)
