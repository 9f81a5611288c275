"""The home dashboard's reads: what the shop holds, what is running low, what happened lately.

Each is one aggregate or one bounded query over the caller's vendor: the page costs a
handful of queries whatever the inventory's size.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db.models import Count, DecimalField, ExpressionWrapper, F, Sum, Value
from django.db.models.functions import Coalesce

from accounts.models import Vendor
from collectibles.models import Collectible
from imports.models import ImportBatch

# The snapshots read to build the activity feed; the feed shows the newest operations among them.
ACTIVITY_SNAPSHOTS = 300
LOW_STOCK_ITEMS = 10
OTHER_GAME = "other"
ACTIONS = {"+": "Created", "~": "Updated", "-": "Deleted"}  # simple-history's history_type


@dataclass(frozen=True)
class HoldingTotal:
    game: str  # "other" for items without card details (sealed product, accessories)
    currency: str
    items: int
    units: int
    value: Decimal


@dataclass(frozen=True)
class Activity:
    id: str
    at: datetime
    label: str
    user: dict[str, Any] | None
    items: int
    collectible: dict[str, Any] | None  # the (first) item it touched
    import_batch: int | None


def holdings_by_game(vendor_id: int) -> list[HoldingTotal]:
    """Item count, units and stock value (price times quantity) per game and currency, largest first."""
    value = ExpressionWrapper(
        F("price") * F("quantity"), output_field=DecimalField(max_digits=24, decimal_places=2)
    )
    rows = (
        Collectible.objects.filter(vendor_id=vendor_id)
        .values("card_details__game", "currency")
        .annotate(
            items=Count("id"), units=Coalesce(Sum("quantity"), 0), value=Coalesce(Sum(value), Decimal(0))
        )
        .order_by()
    )
    totals = [
        HoldingTotal(
            game=row["card_details__game"] or OTHER_GAME,
            currency=row["currency"],
            items=row["items"],
            units=row["units"],
            value=Decimal(row["value"]).quantize(Decimal("0.01")),
        )
        for row in rows
    ]
    return sorted(totals, key=lambda total: (-total.value, total.game, total.currency))


@dataclass(frozen=True)
class LowStock:
    at_most: int
    count: int  # items in stock with at most `at_most` left
    items: Sequence[Mapping[str, Any]]  # the lowest of them
    sold_out: int


def low_stock(vendor_id: int, *, at_most: int | None = None) -> LowStock:
    """What is running low: at most `at_most` left, by default the shop's own threshold."""
    if at_most is None:
        at_most = Vendor.objects.values_list("low_stock_threshold", flat=True).get(pk=vendor_id)
    running_low = Collectible.objects.filter(vendor_id=vendor_id, quantity__gt=0, quantity__lte=at_most)
    lowest = list(
        running_low.order_by("quantity", "name", "id").values(
            "id",
            "name",
            "quantity",
            "condition",
            # Sealed product has no card details: blank, as the contract says, not null.
            set_name=Coalesce(F("card_details__set_name"), Value("")),
            card_number=Coalesce(F("card_details__card_number"), Value("")),
        )[:LOW_STOCK_ITEMS]
    )
    count = running_low.count() if len(lowest) == LOW_STOCK_ITEMS else len(lowest)
    sold_out = Collectible.objects.filter(vendor_id=vendor_id, quantity=0).count()
    return LowStock(at_most=at_most, count=count, items=lowest, sold_out=sold_out)


def recent_activity(vendor_id: int, *, limit: int) -> list[Activity]:
    """The newest operations on the vendor's items (edits, stock adjustments, bulk edits,
    imports, deletions), one entry per operation, from the change history."""
    snapshots = (
        Collectible.history.filter(vendor_id=vendor_id)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
        .only(
            "id", "name", "history_date", "history_change_reason", "history_operation", "history_type",
            "history_user__username",
        )[:ACTIVITY_SNAPSHOTS]
    )  # fmt: skip
    entries: dict[str, dict[str, Any]] = {}
    for row in snapshots:
        key = str(row.history_operation or f"snapshot-{row.history_id}")
        entry = entries.get(key)
        if entry is None:
            if len(entries) == limit:
                continue  # an older operation: only its other items could still be counted
            user = row.history_user
            entry = entries[key] = {
                "id": key,
                "at": row.history_date,
                "label": row.history_change_reason
                or {"+": "Created", "~": "Updated", "-": "Deleted"}[row.history_type],
                "user": {"id": user.pk, "username": user.get_username()} if user else None,
                "ids": set(),
                "collectible": {"id": row.id, "name": row.name, "deleted": row.history_type == "-"},
            }
        entry["ids"].add(row.id)
    batches = _import_batches_by_label(vendor_id, [entry["label"] for entry in entries.values()])
    return [
        Activity(
            id=entry["id"],
            at=entry["at"],
            label=entry["label"],
            user=entry["user"],
            items=len(entry["ids"]),
            collectible=entry["collectible"],
            import_batch=batches.get(entry["label"]),
        )
        for entry in entries.values()
    ]


IMPORT_LABEL = re.compile(r"^Import #(\d+)\b")  # ImportBatch.label, also "… rolled back"


def _import_batches_by_label(vendor_id: int, labels: list[str]) -> dict[str, int]:
    """The import batch each import's history label names (the vendor's own only)."""
    found = {label: int(match[1]) for label in labels if (match := IMPORT_LABEL.match(label))}
    if not found:
        return {}
    known = set(
        ImportBatch.objects.filter(vendor_id=vendor_id, pk__in=found.values()).values_list("pk", flat=True)
    )
    return {label: pk for label, pk in found.items() if pk in known}


def last_import(vendor_id: int) -> ImportBatch | None:
    return ImportBatch.objects.filter(vendor_id=vendor_id).order_by("-created_at", "-id").first()
