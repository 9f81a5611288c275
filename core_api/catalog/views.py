"""Catalog endpoints: read-only, for any vendor's staff."""

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from accounts.permissions import IsVendorStaff
from common.pagination import COUNT_EXACT_HEADER_PARAMETER
from common.routing import ID_CONVERTER

from .filters import CardSetFilter, PrintingFilter
from .models import CardSet, Printing
from .selectors import card_sets, printings
from .serializers import CardSetSerializer, PrintingSerializer


@extend_schema_view(
    list=extend_schema(
        summary="Find printings in the card catalog (search, filter, paginate)",
        parameters=[COUNT_EXACT_HEADER_PARAMETER],
    ),
    retrieve=extend_schema(summary="One printing"),
)
class PrintingViewSet(viewsets.ReadOnlyModelViewSet):
    """The catalog is shared by every vendor and read-only through the API."""

    lookup_value_converter = ID_CONVERTER

    serializer_class = PrintingSerializer
    permission_classes = [IsVendorStaff]
    filterset_class = PrintingFilter
    reads_trust_token_claims = True

    def get_queryset(self) -> QuerySet[Printing]:
        return printings()

    def filter_queryset(self, queryset: QuerySet[Any]) -> Any:
        # A ranked search is a list of its own (not a queryset): only the list searches.
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)


@extend_schema_view(
    list=extend_schema(summary="Card sets in the catalog", parameters=[COUNT_EXACT_HEADER_PARAMETER]),
    retrieve=extend_schema(summary="One card set"),
)
class CardSetViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_value_converter = ID_CONVERTER
    serializer_class = CardSetSerializer
    permission_classes = [IsVendorStaff]
    filterset_class = CardSetFilter
    reads_trust_token_claims = True

    def get_queryset(self) -> QuerySet[CardSet]:
        return card_sets()
