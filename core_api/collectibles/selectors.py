"""Reads of inventory with their rules: vendor scoping, joins, search."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import Q, QuerySet

from .choices import HistoryAction
from .models import CARD_DETAILS_FIELDS, CardDetails, Collectible, StockMovement
from .search import RankedSearch, matching_terms


def collectibles_of(vendor_id: int | None) -> QuerySet[Collectible]:
    """A vendor's collectibles, card details joined (one query per page).

    A caller with no vendor (None) sees nothing; another vendor's rows are never
    in the queryset, so looking one up by id is a 404 (no existence leak).
    """
    if vendor_id is None:
        return Collectible.objects.none()
    return Collectible.objects.filter(vendor_id=vendor_id).select_related("card_details")


def card_filter_lookup(field: str) -> str:
    """Where the list compares a card details field (`language`, `market_region`,
    `game`): on PostgreSQL the collectible's trigger-kept copy, which shares an
    index with the vendor; elsewhere the card details themselves."""
    return f"card_{field}" if connection.vendor == "postgresql" else f"card_details__{field}"


def search_collectibles(
    queryset: QuerySet[Collectible], query: str, *, vendor_id: int | None, ordered: bool
) -> "QuerySet[Collectible] | RankedSearch":
    """The rows of `queryset` matching `query` in name, set name or card number.

    On PostgreSQL the match is typo-tolerant and ranked (collectibles/search.py):
    the result pages and counts itself, best match first unless the queryset
    has an explicit `ordering`. Elsewhere (the SQLite demo) it is a
    case-insensitive substring match.
    """
    query = query.strip()
    if not query:
        return queryset
    if connection.vendor != "postgresql":
        found = queryset.filter(
            Q(name__icontains=query)
            | Q(card_details__set_name__icontains=query)
            | Q(card_details__card_number__iexact=query)
        )
        # Every substring match ranks the same: newest first, as ties rank on PostgreSQL.
        return found if ordered else found.order_by("-id")
    if vendor_id is None:
        return queryset.none()
    return RankedSearch(queryset, query, matching_terms(vendor_id, query), ordered=ordered)


def collectible_was_of(vendor_id: int | None, pk: int) -> bool:
    """True when `pk` is, or was before it was deleted, one of the vendor's items.

    History and stock movements outlive an item; they stay readable by its vendor
    (and only by it).
    """
    if vendor_id is None:
        return False
    return Collectible.history.filter(id=pk, vendor_id=vendor_id).exists() or (
        Collectible.objects.filter(pk=pk, vendor_id=vendor_id).exists()
    )


def stock_movements_of(pk: int) -> QuerySet[StockMovement]:
    """An item's stock ledger, newest first."""
    return (
        StockMovement.objects.filter(collectible_id=pk).select_related("user").order_by("-created_at", "-id")
    )


@dataclass
class HistoryEntry:
    """One operation on an item: who, when, what it was, and each field's old → new value."""

    id: str
    at: datetime
    user: Any
    action: str
    label: str
    changes: list[dict[str, Any]] = field(default_factory=list)


HISTORY_ACTIONS = {"+": HistoryAction.CREATED, "~": HistoryAction.UPDATED, "-": HistoryAction.DELETED}
COLLECTIBLE_HISTORY_FIELDS = (
    "name", "description", "sku", "condition", "quantity", "price", "currency",
    "release_date", "external_ids", "image",
)  # fmt: skip


def _plain(value: Any) -> Any:
    """A JSON-friendly form of a snapshot value."""
    if value is None or isinstance(value, bool | int | float | str | dict | list):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value) or None


def collectible_history(pk: int) -> list[HistoryEntry]:
    """The item's change history, newest first, one entry per operation.

    Snapshots of the collectible and of its card details written by the same
    operation (one request, one import, …) are merged into one entry; each
    change is computed against the previous snapshot of the same model.
    Card-detail fields are reported as `card_details.<field>`.
    """
    snapshots: list[tuple[Any, str, tuple[str, ...]]] = [
        (row, "", COLLECTIBLE_HISTORY_FIELDS)
        for row in Collectible.history.filter(id=pk).select_related("history_user")
    ] + [
        (row, "card_details.", CARD_DETAILS_FIELDS)
        for row in CardDetails.history.filter(collectible_id=pk).select_related("history_user")
    ]
    snapshots.sort(key=lambda item: (item[0].history_date, item[0].history_id))

    entries: dict[str, HistoryEntry] = {}
    previous: dict[str, Any] = {}
    for row, prefix, fields in snapshots:
        before = previous.get(prefix)
        after = None if row.history_type == "-" else row
        previous[prefix] = after
        changes = []
        for name in fields:
            old = _plain(getattr(before, name)) if before is not None else None
            new = _plain(getattr(after, name)) if after is not None else None
            if old != new and not (old in (None, "", {}) and new in (None, "", {})):
                changes.append({"field": f"{prefix}{name}", "old": old, "new": new})
        key = str(row.history_operation or f"snapshot-{prefix}{row.history_id}")
        entry = entries.get(key)
        if entry is None:
            user = row.history_user
            entry = entries[key] = HistoryEntry(
                id=key,
                at=row.history_date,
                user={"id": user.pk, "username": user.get_username()} if user else None,
                action=HISTORY_ACTIONS[row.history_type] if not prefix else HistoryAction.UPDATED,
                label=row.history_change_reason or HISTORY_ACTIONS[row.history_type].label,
            )
        elif not prefix:
            entry.action = HISTORY_ACTIONS[row.history_type]
        entry.changes.extend(changes)
    return [
        entry
        for entry in sorted(entries.values(), key=lambda e: e.at, reverse=True)
        if entry.changes or entry.action != HistoryAction.UPDATED
    ]


# Which items an import batch touched is the importer's knowledge: `imports`
# registers the query from its AppConfig.ready() (apps depend one way).
_items_of_import_batch: Callable[[int], QuerySet[Any]] | None = None


def register_import_batch_items(query: Callable[[int], QuerySet[Any]]) -> None:
    global _items_of_import_batch  # set once, at start-up
    _items_of_import_batch = query


def items_of_import_batch(batch_id: int) -> QuerySet[Any]:
    """Ids of the items an import batch created or updated (vendor scoping is the caller's queryset);
    none when no importer is installed."""
    if _items_of_import_batch is None:
        return Collectible.objects.none().values("pk")
    return _items_of_import_batch(batch_id)
