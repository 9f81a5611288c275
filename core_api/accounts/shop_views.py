from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import Vendor
from .scoping import caller_vendor_id
from .shop import shop_settings_change
from .staff_views import IsStaffOwnerForWrites


class ShopSettingsSerializer(serializers.ModelSerializer):
    class Meta:
        model = Vendor
        fields = [
            "id",
            "name",
            "slug",
            "contact_email",
            "default_currency",
            "time_zone",
            "low_stock_threshold",
        ]
        read_only_fields = ["id", "slug"]
        extra_kwargs = {
            "default_currency": {"help_text": "New items are priced in it; existing items keep theirs."}
        }


class ShopSettingsView(APIView):
    """The caller's shop: any member reads it, owners change it."""

    permission_classes = [IsStaffOwnerForWrites]

    def _vendor(self) -> Vendor:
        vendor_id = caller_vendor_id(self.request)
        if vendor_id is None:  # the permission refused them already
            raise PermissionDenied("Your account is not attached to a vendor.")
        return Vendor.objects.get(pk=vendor_id)

    @extend_schema(summary="The shop's settings", responses=ShopSettingsSerializer)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return Response(ShopSettingsSerializer(self._vendor()).data)

    @extend_schema(
        summary="Change the shop's settings (owners)",
        description=(
            "Name, contact e-mail, default currency (applies to items created afterwards: every item keeps "
            "its own currency, so nothing is re-priced or mixed), time zone (IANA name) and the low-stock "
            "threshold (1–1000). Each changed setting is recorded in the staff history."
        ),
        request=ShopSettingsSerializer,
        responses=ShopSettingsSerializer,
    )
    def patch(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        vendor = self._vendor()
        change = ShopSettingsSerializer(vendor, data=request.data, partial=True)
        change.is_valid(raise_exception=True)
        vendor = shop_settings_change(vendor=vendor, actor=request.user, **change.validated_data)
        return Response(ShopSettingsSerializer(vendor).data)
