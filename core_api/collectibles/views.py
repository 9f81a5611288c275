"""Collectibles endpoints: thin views over selectors (reads) and services (writes)."""

from functools import cache
from typing import Any, cast

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from accounts.permissions import BodyVendorIsCallersVendor, IsVendorStaffWithWriteRole
from accounts.selectors import membership_for, profile_for
from common.pagination import COUNT_EXACT_HEADER_PARAMETER
from common.rows import ValuesRepresentation

from .filters import CollectibleFilter
from .models import Collectible
from .selectors import collectibles_visible_to
from .serializers import CollectibleImageSerializer, CollectibleSerializer
from .services import collectible_create, collectible_delete, collectible_set_image, collectible_update


@extend_schema_view(
    list=extend_schema(
        summary="List your vendor's collectibles (filter, search, sort, paginate)",
        parameters=[COUNT_EXACT_HEADER_PARAMETER],
    ),
    retrieve=extend_schema(summary="One collectible"),
    create=extend_schema(summary="Create a collectible (with optional card details)"),
    update=extend_schema(summary="Replace a collectible"),
    partial_update=extend_schema(summary="Change some fields of a collectible"),
    destroy=extend_schema(summary="Delete a collectible"),
)
@extend_schema(tags=["collectibles"])
class CollectibleViewSet(viewsets.ModelViewSet):
    serializer_class = CollectibleSerializer
    filterset_class = CollectibleFilter
    # Reads trust the token's vendor/role claims (no user or profile query);
    # writes look the user up (accounts/authentication.py).
    reads_trust_token_claims = True
    permission_classes = [IsVendorStaffWithWriteRole, BodyVendorIsCallersVendor]

    def get_queryset(self) -> QuerySet[Collectible]:
        return collectibles_visible_to(self.request.user)

    def filter_queryset(self, queryset: QuerySet[Any]) -> Any:
        # The list's query parameters mean nothing to one addressed object.
        return super().filter_queryset(queryset) if self.action == "list" else queryset

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
        return Response(rows[0])

    def fetch_page_rows(self, page: QuerySet[Collectible]) -> list[dict[str, Any]]:
        """A list page, rendered from `.values()` rows (common/rows.py): the
        serializer's exact output without building model instances."""
        return list_representation().render(page, self.request)

    def get_serializer_context(self) -> dict[str, Any]:
        context = dict(super().get_serializer_context())
        membership = membership_for(self.request.user)
        context["vendor_id"] = membership.vendor_id if membership else None
        return context

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        profile = profile_for(self.request.user)
        if profile is None or profile.vendor is None:  # IsVendorStaffWithWriteRole refused it already
            raise PermissionDenied("Your account is not attached to a vendor.")
        serializer.instance = collectible_create(
            vendor=profile.vendor,
            created_by=cast(User, self.request.user),  # authenticated: IsVendorStaffWithWriteRole
            **serializer.validated_data,
        )

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = collectible_update(
            collectible=cast(Collectible, serializer.instance), **serializer.validated_data
        )

    def perform_destroy(self, instance: Collectible) -> None:
        collectible_delete(collectible=instance)

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
        collectible = collectible_set_image(collectible=collectible, image=upload.validated_data["image"])
        return Response(self.get_serializer(collectible).data)

    @extend_schema(
        summary="Remove the collectible's image", request=None, responses={200: CollectibleSerializer}
    )
    @image.mapping.delete
    def delete_image(self, request: Request, pk: str | None = None) -> Response:
        collectible = collectible_set_image(collectible=self.get_object(), image=None)
        return Response(self.get_serializer(collectible).data, status=status.HTTP_200_OK)

    # Last in the class body: from here on `list` names this method, not the builtin.
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # The paginator renders the rows itself (fetch_page_rows), so no serializer here.
        rows = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(rows)


@cache
def list_representation() -> ValuesRepresentation:
    return ValuesRepresentation(CollectibleSerializer)
