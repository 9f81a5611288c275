"""The Staff screens' API: owners run their shop's staff; every member may see who works there."""

from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import SAFE_METHODS, AllowAny, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from .models import Role, ShopChange, Vendor
from .scoping import caller_membership, caller_vendor_id
from .serializers import TokenPairSerializer
from .staff import (
    Invitation,
    invitation_accept,
    staff_change,
    staff_invitation_renew,
    staff_invite,
    staff_remove,
)
from .staff_serializers import (
    InvitationAcceptSerializer,
    InvitationSerializer,
    ShopChangeSerializer,
    StaffChangeSerializer,
    StaffInvitedSerializer,
    StaffInviteSerializer,
    StaffMemberSerializer,
)
from .tokens import token_pair_for


class IsStaffOwnerForWrites(BasePermission):
    """Reads: any member of a vendor. Writes: its owners (checked in the database)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        membership = caller_membership(request)
        if membership is None or membership.vendor_id is None:
            self.message = "Your account is not attached to a vendor."
            return False
        if request.method in SAFE_METHODS and getattr(view, "action", None) != "history":
            return True
        self.message = "Only the shop's owners may do this."
        return membership.role == Role.OWNER


def _invitation_data(invitation: Invitation) -> dict[str, Any]:
    return {
        "uid": invitation.uid,
        "token": invitation.token,
        "path": invitation.path,
        "expires_in_days": settings.PASSWORD_RESET_TIMEOUT // 86_400,
    }


@extend_schema_view(
    list=extend_schema(summary="The shop's staff", description="Any member may read it; owners change it."),
    retrieve=extend_schema(summary="One member of the shop's staff"),
    partial_update=extend_schema(
        summary="Change a member's role or deactivate them (owners)",
        description=(
            "Their refresh tokens are blacklisted at once when their access shrinks or changes; access "
            "tokens already issued expire on their own. 409 when the shop would be left without an "
            "active owner."
        ),
        request=StaffChangeSerializer,
        responses={200: StaffMemberSerializer, 409: OpenApiResponse(description="The last active owner.")},
    ),
    destroy=extend_schema(
        summary="Remove a member from the shop (owners)",
        description=(
            "The account stays, attached to no shop; its sessions end. 409 for the last active owner."
        ),
        responses={204: None, 409: OpenApiResponse(description="The last active owner.")},
    ),
)
class StaffViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    permission_classes = [IsStaffOwnerForWrites]
    serializer_class = StaffMemberSerializer
    pagination_class = None
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def _vendor_id(self) -> int:
        vendor_id = caller_vendor_id(self.request)
        if vendor_id is None:  # the permission refused them already
            raise PermissionDenied("Your account is not attached to a vendor.")
        return vendor_id

    def _vendor(self) -> Vendor:
        return Vendor.objects.get(pk=self._vendor_id())

    def get_queryset(self) -> QuerySet[User]:
        if getattr(self, "swagger_fake_view", False):  # drf-spectacular reading the model
            return User.objects.none()
        return (
            User.objects.filter(profile__vendor_id=self._vendor_id())
            .select_related("profile")
            .order_by("username")
        )

    @extend_schema(
        summary="Invite a member (owners)",
        description=(
            "Creates the account with no password and answers a one-time invitation link (shown once; "
            "it expires) with which the member sets their password and signs in."
        ),
        request=StaffInviteSerializer,
        responses={201: StaffInvitedSerializer},
    )
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        invite = StaffInviteSerializer(data=request.data)
        invite.is_valid(raise_exception=True)
        member, invitation = staff_invite(vendor=self._vendor(), actor=request.user, **invite.validated_data)
        data = {"member": member, "invitation": _invitation_data(invitation)}
        return Response(StaffInvitedSerializer(data).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        change = StaffChangeSerializer(data=request.data)
        change.is_valid(raise_exception=True)
        member = staff_change(
            vendor=self._vendor(), actor=request.user, member=self.get_object(), **change.validated_data
        )
        return Response(StaffMemberSerializer(member).data)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.partial_update(request, *args, **kwargs)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        staff_remove(vendor=self._vendor(), actor=request.user, member=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary="A new invitation link for a member who has not accepted theirs (owners)",
        request=None,
        responses={200: InvitationSerializer},
    )
    @action(detail=True, methods=["post"])
    def invitation(self, request: Request, pk: str | None = None) -> Response:
        invitation = staff_invitation_renew(
            vendor=self._vendor(), actor=request.user, member=self.get_object()
        )
        return Response(InvitationSerializer(_invitation_data(invitation)).data)

    @extend_schema(
        summary="The history of the shop's staff, newest first (owners)",
        responses={
            200: ShopChangeSerializer(many=True),
            403: OpenApiResponse(description="Only owners read the staff history."),
        },
    )
    @action(detail=False, methods=["get"])
    def history(self, request: Request) -> Response:
        changes = ShopChange.objects.filter(vendor=self._vendor()).select_related("actor")[:200]
        return Response(ShopChangeSerializer(changes, many=True).data)


class InvitationAcceptView(APIView):
    """An invited member sets their first password and is signed in."""

    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth"

    @extend_schema(
        tags=["auth"],
        summary="Accept an invitation: set your password and sign in",
        description=(
            "`uid` and `token` come from the invitation link. The password is judged by the server's "
            "password rules (400 on `password`); a used, expired or withdrawn link is a 400. Answers a "
            "token pair, as the login does."
        ),
        request=InvitationAcceptSerializer,
        responses={200: TokenPairSerializer},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        accept = InvitationAcceptSerializer(data=request.data)
        accept.is_valid(raise_exception=True)
        member = invitation_accept(**accept.validated_data)
        return Response(TokenPairSerializer(token_pair_for(member)).data)
