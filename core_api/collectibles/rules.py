"""The field rules of a collectible and its card details, stated once.

The model declares the limits (max_length, choices, ranges); this module states
the checks on the state a write leaves an item in, in the API's error shape
(`{field: [message, ...]}`). The serializer reaches them through the model's
own validation (CardDetails.clean calls `grading_problems`) and the fields it
declares with these limits; the import preview (imports, `state_problems`)
calls `collectible_problems` and `card_details_problems` on each row's final
state, so the preview and the API never disagree.
"""

from collections.abc import Mapping
from typing import Any

from django.db import models

from common.currencies import is_currency_code

from .choices import Condition, Finish, Game, GradingCompany, Language, MarketRegion
from .models import MAX_QUANTITY, CardDetails, Collectible
from .validators import external_ids_problems

Problems = dict[str, list[str]]


def max_length(model: type[models.Model], name: str) -> int:
    limit = getattr(model._meta.get_field(name), "max_length", None)
    if not isinstance(limit, int):
        raise TypeError(f"{model.__name__}.{name} has no max_length")
    return limit


COLLECTIBLE_TEXT = ("name", "sku", "description")
CARD_TEXT = ("set_name", "set_code", "card_number", "rarity")
MAX_LENGTHS: dict[str, int] = {
    **{name: max_length(Collectible, name) for name in COLLECTIBLE_TEXT},
    **{name: max_length(CardDetails, name) for name in CARD_TEXT},
}
CARD_CHOICES: dict[str, frozenset[Any]] = {
    "game": frozenset(Game.values),
    "language": frozenset(Language.values),
    "market_region": frozenset(MarketRegion.values),
    "finish": frozenset(Finish.values),
    "grading_company": frozenset({None, *GradingCompany.values}),
}


def grading_problems(grading_company: str | None, grade: Any) -> Problems:
    """A grade goes with the grading company that gave it, and only with one."""
    if grading_company and grade is None:
        return {"grade": ["A grade is required when a grading company is set."]}
    if grade is not None and not grading_company:
        return {"grading_company": ["A grade needs the grading company that gave it."]}
    return {}


# The preview checks every row of a 100,000-row file: the checks below read
# precomputed sets and build nothing for a valid row.
CONDITIONS = frozenset(Condition.values)


def collectible_problems(fields: Mapping[str, Any]) -> Problems:
    """Every rule a collectible's fields break (empty when none)."""
    problems: Problems = {}
    if not fields.get("name"):
        problems["name"] = ["A name is required."]
    for name in COLLECTIBLE_TEXT:
        if len(fields.get(name) or "") > MAX_LENGTHS[name]:
            problems.setdefault(name, []).append(f"At most {MAX_LENGTHS[name]} characters.")
    if fields.get("condition") not in CONDITIONS:
        problems["condition"] = [f"'{fields.get('condition')}' is not a condition."]
    if not 0 <= int(fields.get("quantity") or 0) <= MAX_QUANTITY:
        problems["quantity"] = ["The quantity is out of range."]
    if fields.get("currency") and not is_currency_code(fields["currency"]):
        problems["currency"] = [f"'{fields['currency']}' is not an ISO 4217 currency code."]
    if ids := external_ids_problems(fields.get("external_ids") or {}):
        problems["external_ids"] = ids
    return problems


def card_details_problems(details: Mapping[str, Any], prefix: str = "card_details.") -> Problems:
    """Every rule card details break (empty when none); field names carry `prefix`."""
    problems: Problems = {}
    for name, allowed in CARD_CHOICES.items():
        value = details.get(name)
        if value not in allowed:
            message = "This field is required." if not value else f"'{value}' is not valid."
            problems[prefix + name] = [message]
    for name in CARD_TEXT:
        if len(details.get(name) or "") > MAX_LENGTHS[name]:
            problems[prefix + name] = [f"At most {MAX_LENGTHS[name]} characters."]
    for name, messages in grading_problems(details.get("grading_company"), details.get("grade")).items():
        problems.setdefault(prefix + name, []).extend(messages)
    return problems
