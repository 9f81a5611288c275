"""Finding the stock line an import row is about, a chunk of rows at a time.

A row matches, in this order: the vendor's item with the same `sku`; else the
item carrying one of the row's marketplace ids (`tcgplayer`, `cardmarket`,
`scryfall`, …) in `external_ids`; else the item with the same game, set (code,
or name when the row has no code), card number, language, condition and finish.
Each lookup is one query per chunk, never one per row.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Upper

from collectibles.models import Collectible

MARKETPLACE_KEYS = ("tcgplayer", "cardmarket", "scryfall")

NaturalKey = tuple[str, str, str, str, str, str]


def natural_keys(card_details: dict[str, Any] | None, condition: str) -> list[NaturalKey]:
    """The keys a card can be found by: by set code and/or by set name."""
    if not card_details or not card_details.get("game"):
        return []
    common = (
        str(card_details.get("card_number") or "").strip().lower(),
        str(card_details.get("language") or ""),
        condition,
        str(card_details.get("finish") or "normal"),
    )
    keys = []
    if card_details.get("set_code"):
        keys.append((str(card_details["game"]), "code:" + str(card_details["set_code"]).upper(), *common))
    if card_details.get("set_name"):
        keys.append((str(card_details["game"]), "name:" + str(card_details["set_name"]).lower(), *common))
    return keys


def row_natural_key(card_details: dict[str, Any] | None, condition: str) -> NaturalKey | None:
    """The key a row looks up: its set code when it has one, else its set name."""
    keys = natural_keys(card_details, condition)
    return keys[0] if keys else None


@dataclass
class WantedRow:
    sku: str
    external_ids: dict[str, str]
    natural_key: NaturalKey | None
    card_number: str


@dataclass
class ExistingItems:
    """The vendor's items a chunk of rows may refer to, indexed every way a row can match."""

    by_sku: dict[str, Collectible] = field(default_factory=dict)
    by_marketplace: dict[tuple[str, str], Collectible] = field(default_factory=dict)
    by_natural_key: dict[NaturalKey, Collectible] = field(default_factory=dict)

    def match(self, row: WantedRow) -> Collectible | None:
        if row.sku and row.sku in self.by_sku:
            return self.by_sku[row.sku]
        for key in MARKETPLACE_KEYS:
            value = row.external_ids.get(key)
            if value and (key, value) in self.by_marketplace:
                return self.by_marketplace[(key, value)]
        if row.natural_key is not None:
            return self.by_natural_key.get(row.natural_key)
        return None


def _candidates(vendor_id: int) -> QuerySet[Collectible]:
    return Collectible.objects.filter(vendor_id=vendor_id).select_related("card_details").order_by("pk")


def find_existing(vendor_id: int, rows: Iterable[WantedRow]) -> ExistingItems:
    """Look rows up by sku, then the rest by marketplace id, then the rest by card identity."""
    found = ExistingItems()
    pending = list(rows)
    skus = {row.sku for row in pending if row.sku}
    if skus:
        for item in _candidates(vendor_id).filter(sku__in=skus):
            found.by_sku[item.sku] = item
        pending = [row for row in pending if row.sku not in found.by_sku]
    for key in MARKETPLACE_KEYS:
        values = {row.external_ids[key] for row in pending if row.external_ids.get(key)}
        if values:
            matches = (
                _candidates(vendor_id)
                .annotate(marketplace_id=KeyTextTransform(key, "external_ids"))
                .filter(marketplace_id__in=values)
            )
            for item in matches:
                found.by_marketplace.setdefault((key, str(item.marketplace_id)), item)
            pending = [row for row in pending if (key, row.external_ids.get(key)) not in found.by_marketplace]
    # Card numbers match case-insensitively ("SV-58" is "sv-58"), as the natural
    # key does; UPPER() is what the card_number_upper_idx index holds.
    numbers = {row.card_number.strip().upper() for row in pending if row.natural_key is not None}
    if numbers:
        by_number = _candidates(vendor_id).annotate(card_number_upper=Upper("card_details__card_number"))
        for item in by_number.filter(card_number_upper__in=numbers):
            details = item.card_details
            card = {
                "game": details.game,
                "set_code": details.set_code,
                "set_name": details.set_name,
                "card_number": details.card_number,
                "language": details.language,
                "finish": details.finish,
            }
            for natural_key in natural_keys(card, item.condition):
                found.by_natural_key.setdefault(natural_key, item)
    return found


def wanted_by_state(state: dict[str, Any]) -> WantedRow:
    """What a create row looks for, from the state it stored (`ImportRow.data`)."""
    fields, card = state["fields"], state.get("card_details")
    return WantedRow(
        sku=str(fields.get("sku") or ""),
        external_ids={key: str(value) for key, value in (fields.get("external_ids") or {}).items()},
        natural_key=row_natural_key(card, str(fields.get("condition") or "")),
        card_number=str((card or {}).get("card_number") or ""),
    )


def items_created_since(vendor_id: int, states: Iterable[tuple[int, dict[str, Any]]]) -> list[dict[str, Any]]:
    """The rows (line, state) that would create an item the vendor has by now: the same
    file committed twice, or the item added by hand since the preview. One conflict
    (line, item, reason) per such row."""
    wanted = [(line, wanted_by_state(state)) for line, state in states]
    existing = find_existing(vendor_id, (row for _, row in wanted))
    conflicts = []
    for line, row in wanted:
        item = existing.match(row)
        if item is not None:
            conflicts.append(
                {
                    "line": line,
                    "collectible": item.pk,
                    "name": item.name,
                    "reason": "would create an item that exists now (matched since the preview)",
                }
            )
    return conflicts
