"""Reads of inventory with their rules: vendor scoping, joins, search ranking."""

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.postgres.search import TrigramSimilarity, TrigramWordSimilarity
from django.db import connection
from django.db.models import Case, FloatField, Q, QuerySet, Value, When
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Coalesce, Greatest

from accounts.selectors import membership_for

from .models import Collectible


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
