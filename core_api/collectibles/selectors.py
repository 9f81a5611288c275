"""Reads of inventory with their rules: vendor scoping, joins, search."""

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import connection
from django.db.models import FloatField, Q, QuerySet, Value

from accounts.selectors import membership_for

from .models import Collectible
from .search import RankedSearch, matching_terms


def collectibles_visible_to(user: AbstractBaseUser | AnonymousUser | Any) -> QuerySet[Collectible]:
    """The caller's vendor's collectibles, card details joined (one query per page).

    A user with no vendor sees nothing; another vendor's rows are never in the
    queryset, so looking one up by id is a 404 (no existence leak).
    """
    membership = membership_for(user)
    if membership is None or membership.vendor_id is None:
        return Collectible.objects.none()
    return Collectible.objects.filter(vendor_id=membership.vendor_id).select_related("card_details")


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
    case-insensitive substring match, annotated with an equal `search_rank`.
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
    if vendor_id is None:
        return queryset.none()
    return RankedSearch(queryset, query, matching_terms(vendor_id, query), ordered=ordered)
