from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsVendorStaff
from accounts.scoping import caller_vendor_id

from .selectors import holdings_by_game, last_import, low_stock, recent_activity
from .serializers import DashboardQuerySerializer, DashboardSerializer

ACTIVITY_ENTRIES = 10


class DashboardView(APIView):
    """The home page of a shop: any of its staff may read it."""

    permission_classes = [IsVendorStaff]

    @extend_schema(
        summary="The shop at a glance",
        description=(
            "Stock value and counts per game, items running low, the newest operations and the last "
            "import, for the caller's vendor."
        ),
        parameters=[DashboardQuerySerializer],
        responses=DashboardSerializer,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        query = DashboardQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        vendor_id = caller_vendor_id(request)
        if vendor_id is None:  # IsVendorStaff refused them already
            raise PermissionDenied(IsVendorStaff.message)
        data = {
            "holdings": holdings_by_game(vendor_id),
            "low_stock": low_stock(vendor_id, at_most=query.validated_data.get("low_stock_at")),
            "activity": recent_activity(vendor_id, limit=ACTIVITY_ENTRIES),
            "last_import": last_import(vendor_id),
        }
        return Response(DashboardSerializer(data).data)
