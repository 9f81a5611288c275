"""Collectibles endpoints: thin views over selectors (reads) and services (writes)."""

import re
from typing import Any, cast

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.utils.http import parse_etags
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from accounts.permissions import BodyVendorIsCallersVendor, IsVendorStaffWithWriteRole
from accounts.selectors import profile_for

from .filters import CollectibleFilter
from .models import Collectible
from .selectors import (
    collectible_history,
    collectible_was_visible_to,
    collectibles_visible_to,
    stock_movements_of,
)
from .serializers import (
    CollectibleImageSerializer,
    CollectibleSerializer,
    HistoryEntrySerializer,
    PreconditionFailedSerializer,
    StockAdjustmentSerializer,
    StockConflictSerializer,
    StockMovementSerializer,
)
from .services import (
    InsufficientStock,
    StaleVersion,
    collectible_create,
    collectible_delete,
    collectible_set_image,
    collectible_update,
    stock_adjust,
)

ETAG_HEADER = OpenApiParameter(
    "ETag", OpenApiTypes.STR, OpenApiParameter.HEADER, response=[200, 201], description='`"<version>"`'
)
IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description=(
        'The ETag (`"<version>"`) of the copy you edited. If the collectible changed since, the '
        "write is refused with 412 and the current representation. Without it the write always "
        "applies (last writer wins)."
    ),
)
IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="An ETag you hold; 304 Not Modified when it is still current.",
)
PRECONDITION_FAILED = OpenApiResponse(
    PreconditionFailedSerializer, description="If-Match named an old version: someone changed it meanwhile."
)
STRONG_VERSION_TAG = re.compile(r'^"(\d{1,10})"$')


def etag(collectible: Collectible) -> str:
    return f'"{collectible.version}"'


def if_match_versions(request: Request) -> frozenset[int] | None:
    """The versions If-Match accepts: None for any (no header or `*`).

    Comparison is strong, as RFC 9110 requires for If-Match: weak tags and
    anything unparseable match nothing, so the write is refused rather than
    applied blindly.
    """
    header = request.headers.get("If-Match")
    if header is None:
        return None
    tags = parse_etags(header)
    if tags == ["*"]:
        return None
    return frozenset(int(m.group(1)) for tag in tags if (m := STRONG_VERSION_TAG.match(tag)))


@extend_schema_view(
    list=extend_schema(summary="List your vendor's collectibles (filter, search, sort, paginate)"),
    retrieve=extend_schema(
        summary="One collectible",
        parameters=[IF_NONE_MATCH, ETAG_HEADER],
        responses={200: CollectibleSerializer, 304: None},
    ),
    create=extend_schema(
        summary="Create a collectible (with optional card details)", parameters=[ETAG_HEADER]
    ),
    update=extend_schema(
        summary="Replace a collectible",
        parameters=[IF_MATCH, ETAG_HEADER],
        responses={200: CollectibleSerializer, 412: PRECONDITION_FAILED},
    ),
    partial_update=extend_schema(
        summary="Change some fields of a collectible",
        parameters=[IF_MATCH, ETAG_HEADER],
        responses={200: CollectibleSerializer, 412: PRECONDITION_FAILED},
    ),
    destroy=extend_schema(
        summary="Delete a collectible (its history and stock movements are kept)",
        parameters=[IF_MATCH],
        responses={204: None, 412: PRECONDITION_FAILED},
    ),
)
@extend_schema(tags=["collectibles"])
class CollectibleViewSet(viewsets.ModelViewSet):
    serializer_class = CollectibleSerializer
    filterset_class = CollectibleFilter
    permission_classes = [IsVendorStaffWithWriteRole, BodyVendorIsCallersVendor]

    def get_queryset(self) -> QuerySet[Collectible]:
        return collectibles_visible_to(self.request.user)

    def get_serializer_context(self) -> dict[str, Any]:
        context = dict(super().get_serializer_context())
        profile = profile_for(self.request.user)
        context["vendor_id"] = profile.vendor_id if profile else None
        return context

    @property
    def actor(self) -> User:
        return cast(User, self.request.user)  # authenticated: every action requires it

    def _precondition_failed(self, current: Collectible) -> Response:
        return Response(
            {
                "detail": (
                    f"This collectible was changed by someone else (it is now at version {current.version}). "
                    "Review the current values and apply your changes again."
                ),
                "current": self.get_serializer(current).data,
            },
            status=status.HTTP_412_PRECONDITION_FAILED,
            headers={"ETag": etag(current)},
        )

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        collectible = self.get_object()
        tag = etag(collectible)
        if tag in parse_etags(request.headers.get("If-None-Match", "")):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": tag})
        return Response(self.get_serializer(collectible).data, headers={"ETag": tag})

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        profile = profile_for(self.request.user)
        if profile is None or profile.vendor is None:  # IsVendorStaffWithWriteRole refused it already
            raise PermissionDenied("Your account is not attached to a vendor.")
        serializer.instance = collectible_create(
            vendor=profile.vendor, created_by=self.actor, **serializer.validated_data
        )

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().create(request, *args, **kwargs)
        response["ETag"] = f'"{response.data["version"]}"'
        return response

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        try:
            response = super().update(request, *args, **kwargs)
        except StaleVersion as stale:
            return self._precondition_failed(stale.current)
        response["ETag"] = f'"{response.data["version"]}"'
        return response

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = collectible_update(
            collectible=cast(Collectible, serializer.instance),
            actor=self.actor,
            expected_versions=if_match_versions(self.request),
            **serializer.validated_data,
        )

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        try:
            collectible_delete(
                collectible=self.get_object(), actor=self.actor, expected_versions=if_match_versions(request)
            )
        except StaleVersion as stale:
            return self._precondition_failed(stale.current)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary="Upload or replace the collectible's image",
        request={"multipart/form-data": CollectibleImageSerializer},
        responses=CollectibleSerializer,
    )
    @action(detail=True, methods=["put"], parser_classes=[MultiPartParser], url_path="image")
    def image(self, request: Request, pk: str | None = None) -> Response:
        collectible = self.get_object()
        upload = CollectibleImageSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        collectible = collectible_set_image(
            collectible=collectible, image=upload.validated_data["image"], actor=self.actor
        )
        return Response(self.get_serializer(collectible).data, headers={"ETag": etag(collectible)})

    @extend_schema(
        summary="Remove the collectible's image", request=None, responses={200: CollectibleSerializer}
    )
    @image.mapping.delete
    def delete_image(self, request: Request, pk: str | None = None) -> Response:
        collectible = collectible_set_image(collectible=self.get_object(), image=None, actor=self.actor)
        return Response(self.get_serializer(collectible).data, headers={"ETag": etag(collectible)})

    @extend_schema(
        summary="Adjust stock atomically (sale, purchase, return, …)",
        description=(
            "Adds `delta` to the quantity in one database statement and records a stock movement. "
            "A result below zero is refused with 409 and the current quantity."
        ),
        request=StockAdjustmentSerializer,
        responses={
            201: StockMovementSerializer,
            409: OpenApiResponse(StockConflictSerializer, description="Not enough stock."),
        },
        parameters=[ETAG_HEADER],
    )
    @action(detail=True, methods=["post"])
    def adjust(self, request: Request, pk: str | None = None) -> Response:
        collectible = self.get_object()
        adjustment = StockAdjustmentSerializer(data=request.data)
        adjustment.is_valid(raise_exception=True)
        try:
            movement = stock_adjust(collectible=collectible, actor=self.actor, **adjustment.validated_data)
        except InsufficientStock as short:
            return Response(
                {
                    "detail": (
                        f"Not enough stock: {short.current_quantity} in stock, "
                        f"cannot change by {short.delta:+d}."
                    ),
                    "quantity": short.current_quantity,
                },
                status=status.HTTP_409_CONFLICT,
            )
        return Response(
            StockMovementSerializer(movement).data,
            status=status.HTTP_201_CREATED,
            headers={"ETag": etag(collectible)},
        )

    def _visible_record_pk(self) -> int:
        """The id in the URL, if it is (or was) one of the caller's vendor's items; else 404."""
        pk = self.kwargs["pk"]
        if not str(pk).isdigit() or not collectible_was_visible_to(self.request.user, int(pk)):
            raise NotFound("No Collectible matches the given query.")
        return int(pk)

    @extend_schema(
        summary="Stock movements of a collectible, newest first",
        description="Also available after the collectible is deleted.",
        responses=StockMovementSerializer(many=True),
        filters=False,
    )
    @action(detail=True, methods=["get"], filterset_class=None)
    def movements(self, request: Request, pk: str | None = None) -> Response:
        page = self.paginate_queryset(stock_movements_of(self._visible_record_pk()))
        return self.get_paginated_response(StockMovementSerializer(page, many=True).data)

    @extend_schema(
        summary="Change history of a collectible, newest first",
        description=(
            "One entry per operation (API write, stock adjustment, bulk edit, import, …) with who did "
            "it and each field's old → new value. Also available after the collectible is deleted."
        ),
        responses=HistoryEntrySerializer(many=True),
        filters=False,
    )
    @action(detail=True, methods=["get"], filterset_class=None)
    def history(self, request: Request, pk: str | None = None) -> Response:
        page = self.paginate_queryset(collectible_history(self._visible_record_pk()))
        return self.get_paginated_response(HistoryEntrySerializer(page, many=True).data)
