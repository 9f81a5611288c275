"""Collectibles endpoints: thin views over selectors (reads) and services (writes)."""

from functools import cache
from typing import Any, cast

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.http import Http404, StreamingHttpResponse
from django.utils import timezone
from django.utils.http import parse_etags
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from accounts.permissions import BodyVendorIsCallersVendor, IsVendorStaffWithWriteRole
from accounts.scoping import VendorScopedViewSet
from accounts.selectors import vendor_slug
from common.openapi import ERROR_DETAIL_REF
from common.pagination import COUNT_EXACT_HEADER_PARAMETER
from common.routing import ID_CONVERTER
from common.rows import ValuesRepresentation

from .bulk import bulk_target_ids, collectibles_bulk_delete, collectibles_bulk_update
from .conditional import ETAG_HEADER, IF_MATCH, IF_NONE_MATCH, PRECONDITION_FAILED, etag, if_match_versions
from .exports import export_formats, export_writer
from .filters import CollectibleFilter
from .images import ImageUploadParser
from .models import Collectible
from .search import RankedSearch
from .selectors import collectible_history, collectible_was_of, collectibles_of, stock_movements_of
from .serializers import (
    BulkRejectedSerializer,
    BulkRequestSerializer,
    BulkResultSerializer,
    CollectibleImageSerializer,
    CollectibleSerializer,
    HistoryEntrySerializer,
    StockAdjustmentSerializer,
    StockConflictSerializer,
    StockMovementSerializer,
)
from .services import (
    collectible_create,
    collectible_delete,
    collectible_set_image,
    collectible_update,
    stock_adjust,
)


@extend_schema_view(
    list=extend_schema(
        summary="List your vendor's collectibles (filter, search, sort, paginate)",
        parameters=[COUNT_EXACT_HEADER_PARAMETER],
    ),
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
class CollectibleViewSet(
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    mixins.ListModelMixin,
    VendorScopedViewSet,
):
    serializer_class = CollectibleSerializer
    filterset_class = CollectibleFilter
    # Reads trust the token's vendor/role claims (no user or profile query);
    # writes look the user up (accounts/authentication.py).
    reads_trust_token_claims = True
    # ...except the export: the whole inventory in one response is checked against
    # the database, so a removed or deactivated user loses it at once.
    reads_checked_in_database = ("export",)
    permission_classes = [IsVendorStaffWithWriteRole, BodyVendorIsCallersVendor]
    lookup_value_converter = ID_CONVERTER

    def get_queryset(self) -> QuerySet[Collectible]:
        return collectibles_of(self.vendor_id)

    def filter_queryset(self, queryset: QuerySet[Any]) -> Any:
        # The list's query parameters mean nothing to one addressed object.
        return super().filter_queryset(queryset) if self.action in ("list", "export") else queryset

    def fetch_page_rows(self, page: Any) -> list[Any]:
        """A list page, rendered from `.values()` rows (common/rows.py): the
        serializer's exact output without building model instances. (Other
        paginated actions, movements and history, serialize their own rows.)"""
        if self.action != "list":
            return list(page)
        return list_representation().render(page, self.request)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # One row, rendered as the list renders it (no serializer fields to
        # build); the same 404 as `get_object` for anything not visible.
        # (A comment, not a docstring: drf-spectacular would publish it.)
        lookup = self.kwargs[self.lookup_url_kwarg or self.lookup_field]
        try:
            rows = list_representation().render(self.get_queryset().filter(pk=lookup), request)
        except (TypeError, ValueError, DjangoValidationError):
            rows = []
        if not rows:
            raise Http404(f"No {Collectible._meta.object_name} matches the given query.")
        tag = etag(rows[0]["version"])
        if tag in parse_etags(request.headers.get("If-None-Match", "")):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": tag})
        return Response(rows[0], headers={"ETag": tag})

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = collectible_create(
            vendor=self.caller_vendor(), created_by=self.actor, **serializer.validated_data
        )

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().create(request, *args, **kwargs)
        response["ETag"] = f'"{response.data["version"]}"'
        return response

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().update(request, *args, **kwargs)
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
        collectible_delete(
            collectible=self.get_object(), actor=self.actor, expected_versions=if_match_versions(request)
        )
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary="Upload or replace the collectible's image",
        description=(
            "The picture is re-encoded (EXIF and other metadata removed) and stored under a new name. "
            "A body announcing more than the size limit is refused with 413 before it is read."
        ),
        request={"multipart/form-data": CollectibleImageSerializer},
        responses={
            200: CollectibleSerializer,
            413: OpenApiResponse(ERROR_DETAIL_REF, description="The upload is over the size limit."),
        },
    )
    @action(detail=True, methods=["put"], parser_classes=[ImageUploadParser], url_path="image")
    def image(self, request: Request, pk: str | None = None) -> Response:
        collectible = self.get_object()
        upload = CollectibleImageSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        collectible = collectible_set_image(
            collectible=collectible, image=upload.validated_data["image"], actor=self.actor
        )
        return Response(self.get_serializer(collectible).data, headers={"ETag": etag(collectible.version)})

    @extend_schema(
        summary="Remove the collectible's image", request=None, responses={200: CollectibleSerializer}
    )
    @image.mapping.delete
    def delete_image(self, request: Request, pk: str | None = None) -> Response:
        collectible = collectible_set_image(collectible=self.get_object(), image=None, actor=self.actor)
        return Response(self.get_serializer(collectible).data, headers={"ETag": etag(collectible.version)})

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
        movement = stock_adjust(collectible=collectible, actor=self.actor, **adjustment.validated_data)
        return Response(
            StockMovementSerializer(movement).data,
            status=status.HTTP_201_CREATED,
            headers={"ETag": etag(collectible.version)},
        )

    def _visible_record_pk(self) -> int:
        """The id in the URL, if it is (or was) one of the caller's vendor's items; else 404."""
        pk = self.kwargs["pk"]
        # isascii: "²".isdigit() is true, but int() refuses it.
        if not (str(pk).isascii() and str(pk).isdigit()) or not collectible_was_of(self.vendor_id, int(pk)):
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

    @extend_schema(
        summary="Export the filtered list as CSV (streamed)",
        description=(
            "Takes the same filters as the list. `omnistock` carries every field and re-imports to the same "
            "inventory; `tcgplayer` is TCGplayer's seller format. Cells that a spreadsheet would run as a "
            "formula are prefixed with `'`."
        ),
        parameters=[
            OpenApiParameter("format", OpenApiTypes.STR, enum=export_formats(), default=export_formats()[0]),
        ],
        filters=True,
        responses={(200, "text/csv"): OpenApiTypes.STR},
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def export(self, request: Request) -> StreamingHttpResponse:
        export_format = request.query_params.get("format") or export_formats()[0]
        writer = export_writer(export_format)
        if writer is None:
            raise ValidationError({"format": [f"Choose one of {', '.join(export_formats())}."]})
        queryset = every_match(self.filter_queryset(self.get_queryset()))
        slug = vendor_slug(self.vendor_id) or "inventory"
        filename = f"{slug}-{export_format}-{timezone.now():%Y%m%d-%H%M}.csv"
        response = StreamingHttpResponse(writer(queryset), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    @extend_schema(
        summary="Change or delete many items at once (all or nothing)",
        description=(
            "Target items by `ids` or by `filters` (the list's query parameters). Every item is checked "
            "first; if any id is not one of your vendor's, nothing is applied and the result lists it as "
            f"`not_found`. At most {settings.BULK_EDIT_MAX_ROWS} items per request."
        ),
        request=BulkRequestSerializer,
        responses={200: BulkResultSerializer, 400: OpenApiResponse(BulkRejectedSerializer)},
        filters=False,
    )
    @action(detail=False, methods=["post"], filterset_class=None, pagination_class=None)
    def bulk(self, request: Request) -> Response:
        bulk = BulkRequestSerializer(data=request.data)
        bulk.is_valid(raise_exception=True)
        visible = self.get_queryset()
        if "ids" in bulk.validated_data:
            ids = bulk_target_ids(visible, ids=bulk.validated_data["ids"])
        else:
            selection = CollectibleFilter(bulk.validated_data["filters"], queryset=visible, request=request)
            if not selection.is_valid():
                raise ValidationError({"filters": selection.errors})
            ids = bulk_target_ids(visible, matching=every_match(selection.qs))
        if bulk.validated_data["action"] == "delete":
            outcome = collectibles_bulk_delete(ids=ids, actor=self.actor)
        else:
            outcome = collectibles_bulk_update(
                ids=ids, changes=bulk.validated_data["changes"], actor=self.actor
            )
        return Response(
            {"action": bulk.validated_data["action"], "count": outcome.count, "results": outcome.results}
        )

    # Last in the class body: from here on `list` names this method, not the builtin.
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # The paginator renders the rows itself (fetch_page_rows), so no serializer here.
        rows = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(rows)


@cache
def list_representation() -> ValuesRepresentation:
    return ValuesRepresentation(CollectibleSerializer)


def every_match(filtered: "QuerySet[Collectible] | RankedSearch") -> QuerySet[Collectible]:
    """All the rows a filtered list stands for (a search's every match, unranked)."""
    return filtered.as_queryset() if isinstance(filtered, RankedSearch) else filtered
