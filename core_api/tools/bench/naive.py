"""The naive peer: the same resource written the way DRF's tutorials write it.

A plain ModelViewSet with a default nested ModelSerializer (the same fields as
Omni-Stock's, so both answer the same bytes), page-number pagination with
OFFSET and COUNT, DRF's SearchFilter (`icontains`), django-filter with plain
exact/range filters, and SimpleJWT's stock authentication (a user query, then a
profile query for the vendor). It does use `select_related`: the point is to
compare against ordinary DRF code, not against an N+1 bug.

Mounted only by `tools.bench.urls` under /bench/naive/.
"""

from typing import Any

from django.db.models import QuerySet
from django_filters import rest_framework as filters
from rest_framework import serializers, viewsets
from rest_framework.filters import OrderingFilter, SearchFilter
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import IsAuthenticated
from rest_framework_simplejwt.authentication import JWTAuthentication

from collectibles.models import CardDetails, Collectible
from collectibles.serializers import CARD_DETAILS_FIELDS, CollectibleSerializer


class NaiveCardDetailsSerializer(serializers.ModelSerializer):
    class Meta:
        model = CardDetails
        fields = CARD_DETAILS_FIELDS


class NaiveCollectibleSerializer(serializers.ModelSerializer):
    card_details = NaiveCardDetailsSerializer(required=False, allow_null=True)

    class Meta:
        model = Collectible
        fields = CollectibleSerializer.Meta.fields
        read_only_fields = ["id", "vendor", "user", "image", "created_at", "updated_at"]
        extra_kwargs = {"currency": {"required": False}}  # perform_create fills it from the vendor

    def create(self, validated_data: dict[str, Any]) -> Collectible:
        details = validated_data.pop("card_details", None)
        collectible = Collectible.objects.create(**validated_data)
        if details:
            CardDetails.objects.create(collectible=collectible, **details)
        return collectible


class NaiveFilter(filters.FilterSet):
    language = filters.CharFilter(field_name="card_details__language")
    market_region = filters.CharFilter(field_name="card_details__market_region")
    release_date_after = filters.DateFilter(field_name="release_date", lookup_expr="gte")
    release_date_before = filters.DateFilter(field_name="release_date", lookup_expr="lte")
    price_min = filters.NumberFilter(field_name="price", lookup_expr="gte")
    price_max = filters.NumberFilter(field_name="price", lookup_expr="lte")

    class Meta:
        model = Collectible
        fields: list[str] = []


class NaivePagination(PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100


class NaiveCollectibleViewSet(viewsets.ModelViewSet):
    serializer_class = NaiveCollectibleSerializer
    authentication_classes = [JWTAuthentication]
    permission_classes = [IsAuthenticated]
    pagination_class = NaivePagination
    filter_backends = [filters.DjangoFilterBackend, SearchFilter, OrderingFilter]
    filterset_class = NaiveFilter
    search_fields = ["name", "card_details__set_name", "card_details__card_number"]
    ordering_fields = ["name", "price", "quantity", "release_date", "created_at", "updated_at"]

    def get_queryset(self) -> QuerySet[Collectible]:
        user: Any = self.request.user
        return Collectible.objects.filter(vendor_id=user.profile.vendor_id).select_related("card_details")

    def perform_create(self, serializer: serializers.BaseSerializer[Any]) -> None:
        user: Any = self.request.user
        vendor = user.profile.vendor
        serializer.save(vendor=vendor, user=user, currency=vendor.default_currency)
