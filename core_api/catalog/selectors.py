"""Reads of the catalog: the filtered printings, ranked when searching."""

from django.db import connection
from django.db.models import Q, QuerySet

from .models import CardSet, Printing
from .search import CatalogSearch


def printings() -> QuerySet[Printing]:
    """Every printing with its set (one query per page), newest first."""
    return Printing.objects.select_related("card_set")


def card_sets() -> QuerySet[CardSet]:
    return CardSet.objects.all()


def search_printings(queryset: QuerySet[Printing], query: str) -> "QuerySet[Printing] | CatalogSearch":
    """The printings of `queryset` matching `query` (catalog/search.py): ranked
    and typo-tolerant on PostgreSQL; elsewhere (the SQLite demo) a substring
    match on name and set name or an exact number, set code or id, newest first."""
    query = query.strip()
    if not query:
        return queryset
    if connection.vendor == "postgresql":
        return CatalogSearch(queryset, query)
    found = Q()
    for word in query.split()[:6]:
        found &= (
            Q(name__icontains=word)
            | Q(card_set__name__icontains=word)
            | Q(card_set__code__iexact=word)
            | Q(collector_number__iexact=word)
            | Q(source_id__iexact=word)
        )
    return queryset.filter(found)
