"""Import batches: upload (preview), inspect, commit, roll back, discard."""

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.permissions import IsVendorStaffWithWriteRole
from accounts.scoping import VendorScopedViewSet
from common.parsers import JSONParser
from common.routing import ID_CONVERTER

from .models import ImportBatch, RowOutcome
from .selectors import import_batches_of
from .serializers import (
    ImportBatchSerializer,
    ImportConflictSerializer,
    ImportRowSerializer,
    ImportUploadSerializer,
)
from .services.commit import import_commit
from .services.preview import discard_preview, import_preview
from .services.rollback import import_rollback

CONFLICT = OpenApiResponse(
    ImportConflictSerializer, description="The batch cannot do that now; `items` says why."
)
OUTCOME = OpenApiParameter(
    "outcome",
    OpenApiTypes.STR,
    enum=RowOutcome.values,
    description="Only rows with this outcome.",
)


@extend_schema_view(
    list=extend_schema(summary="Import batches of your vendor, newest first"),
    retrieve=extend_schema(summary="One import batch with its counts"),
    destroy=extend_schema(
        summary="Discard a batch that was not committed", responses={204: None, 409: CONFLICT}
    ),
)
@extend_schema(tags=["imports"])
class ImportBatchViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.DestroyModelMixin, VendorScopedViewSet
):
    serializer_class = ImportBatchSerializer
    permission_classes = [IsVendorStaffWithWriteRole]
    # Uploads are multipart; commit, rollback and discard take no body.
    parser_classes = [MultiPartParser, FormParser, JSONParser]
    lookup_value_converter = ID_CONVERTER

    def get_queryset(self) -> QuerySet[ImportBatch]:
        return import_batches_of(self.vendor_id)

    @extend_schema(
        summary="Upload a CSV file: detect its format and preview every row (touches no inventory)",
        request={"multipart/form-data": ImportUploadSerializer},
        responses={201: ImportBatchSerializer},
    )
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # Refuse an oversized upload before Django spools it to disk.
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
        if declared > settings.IMPORT_MAX_BYTES + 1024 * 1024:
            raise ValidationError(
                {"file": [f"The file is larger than {settings.IMPORT_MAX_BYTES / 1e6:.0f} MB."]}
            )
        upload = ImportUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        file = upload.validated_data["file"]
        batch = import_preview(
            vendor=self.caller_vendor(),
            user=self.actor,
            stream=file.file,
            size=file.size,
            filename=file.name or "upload.csv",
            forced_format=upload.validated_data.get("format"),
            mode=upload.validated_data["mode"],
            default_game=upload.validated_data.get("game"),
        )
        return Response(self.get_serializer(batch).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="The batch's rows, filterable by outcome",
        parameters=[OUTCOME],
        responses=ImportRowSerializer(many=True),
    )
    @action(detail=True, methods=["get"])
    def rows(self, request: Request, pk: str | None = None) -> Response:
        batch = self.get_object()
        outcome = request.query_params.get("outcome")
        rows = batch.rows.order_by("line")
        if outcome:
            if outcome not in RowOutcome.values:
                raise ValidationError({"outcome": [f"Choose one of {', '.join(RowOutcome.values)}."]})
            rows = rows.filter(outcome=outcome)
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(ImportRowSerializer(page, many=True).data)

    @extend_schema(
        summary="Apply every valid row in one transaction",
        request=None,
        responses={200: ImportBatchSerializer, 409: CONFLICT},
    )
    @action(detail=True, methods=["post"])
    def commit(self, request: Request, pk: str | None = None) -> Response:
        batch = import_commit(batch=self.get_object(), user=self.actor)
        return Response(self.get_serializer(batch).data)

    @extend_schema(
        summary="Restore the inventory to how it was before this import",
        request=None,
        responses={200: ImportBatchSerializer, 409: CONFLICT},
    )
    @action(detail=True, methods=["post"])
    def rollback(self, request: Request, pk: str | None = None) -> Response:
        batch = import_rollback(batch=self.get_object(), user=self.actor)
        return Response(self.get_serializer(batch).data)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        discard_preview(batch=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)
