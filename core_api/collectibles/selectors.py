"""Reads of inventory with their rules: vendor scoping, joins, search ranking."""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.postgres.search import TrigramSimilarity, TrigramWordSimilarity
from django.db import connection
from django.db.models import Case, FloatField, Q, QuerySet, Value, When
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Coalesce, Greatest

from accounts.selectors import profile_for

from .choices import HistoryAction
from .models import CARD_DETAILS_FIELDS, CardDetails, Collectible, StockMovement


def collectibles_visible_to(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Collectible]:
    """The caller's vendor's collectibles, card details joined (one query per page).

    A user with no vendor sees nothing; another vendor's rows are never in the
    queryset, so looking one up by id is a 404 (no existence leak).
    """
    profile = profile_for(user)
    if profile is None or profile.vendor_id is None:
        return Collectible.objects.none()
    return Collectible.objects.filter(vendor_id=profile.vendor_id).select_related("card_details")


def _closeness(query: str, field: str) -> CombinedExpression:
    """How well `query` matches `field`: word similarity finds the query inside
    a longer name; whole-string similarity then prefers "Charizard" over
    "Charizard VMAX" for the query "charizard"."""
    return (TrigramWordSimilarity(query, field) + TrigramSimilarity(field, query)) / 2


def search_collectibles(queryset: QuerySet[Collectible], query: str) -> QuerySet[Collectible]:
    """Match `query` against name, set name and card number; annotate `search_rank`.

    On PostgreSQL the match is typo-tolerant: pg_trgm's word similarity
    (`%>`, which the trigram GIN indexes serve) on name and set name, plus
    plain substring and exact card-number matches. The rank is the best
    closeness of name or set name, with an exact card number ranked first. Elsewhere (the SQLite
    demo) it is a case-insensitive substring match ranked equally.
    """
    query = query.strip()
    if not query:
        return queryset
    if connection.vendor != "postgresql":
        return queryset.filter(
            Q(name__icontains=query)
            | Q(card_details__set_name__icontains=query)
            | Q(card_details__card_number__iexact=query)
        ).annotate(search_rank=Value(1.0, output_field=FloatField()))
    return queryset.filter(
        Q(name__trigram_word_similar=query)
        | Q(name__icontains=query)
        | Q(card_details__set_name__trigram_word_similar=query)
        | Q(card_details__card_number__iexact=query)
    ).annotate(
        search_rank=Case(
            When(card_details__card_number__iexact=query, then=Value(2.0)),
            default=Greatest(
                _closeness(query, "name"),
                Coalesce(_closeness(query, "card_details__set_name"), Value(0.0)),
            ),
            output_field=FloatField(),
        )
    )


def collectible_was_visible_to(user: AbstractBaseUser | AnonymousUser, pk: int) -> bool:
    """True when `pk` is, or was before it was deleted, one of the caller's vendor's items.

    History and stock movements outlive an item; they stay readable by its vendor
    (and only by it).
    """
    profile = profile_for(user)
    if profile is None or profile.vendor_id is None:
        return False
    return Collectible.history.filter(id=pk, vendor_id=profile.vendor_id).exists() or (
        Collectible.objects.filter(pk=pk, vendor_id=profile.vendor_id).exists()
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


def items_of_import_batch(batch_id: int) -> QuerySet[Any]:
    """Ids of the items an import batch created or updated (vendor scoping is the caller's queryset)."""
    from imports.models import ImportRow, RowOutcome  # imports builds on collectibles, not the reverse

    return ImportRow.objects.filter(
        batch_id=batch_id, outcome__in=[RowOutcome.CREATE, RowOutcome.UPDATE], collectible__isnull=False
    ).values("collectible_id")
