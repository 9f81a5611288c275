"""Authentication endpoints: JWT obtain/refresh/logout (SimpleJWT), `me` and the password change."""

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView
from rest_framework_simplejwt import views as jwt_views

from .flags import active_flags
from .selectors import profile_for
from .serializers import MeSerializer, PasswordChangeSerializer, TokenPairSerializer
from .services import password_change
from .throttling import UsernameRateThrottle

# Every endpoint that checks a password: per client address and per username (accounts/throttling.py).
PASSWORD_THROTTLES = [ScopedRateThrottle, UsernameRateThrottle]


@extend_schema(
    tags=["auth"],
    summary="Obtain an access/refresh token pair",
    description="Wrong credentials answer 401. Rate-limited per client address and per username (429).",
)
class TokenObtainView(jwt_views.TokenObtainPairView):
    openapi_error_codes = ("400", "401")
    throttle_classes = PASSWORD_THROTTLES
    throttle_scope = "auth"


@extend_schema(
    tags=["auth"],
    summary="Exchange a refresh token for a new pair",
    description=(
        "Refresh tokens rotate: the response carries a new refresh token and the one "
        "sent is blacklisted, so it answers 401 if used again."
    ),
)
class TokenRefreshView(jwt_views.TokenRefreshView):
    openapi_error_codes = ("400", "401")


@extend_schema(
    tags=["auth"],
    summary="Log out (blacklist a refresh token)",
    description="After logout the refresh token answers 401. Access tokens expire on their own.",
)
class LogoutView(jwt_views.TokenBlacklistView):
    openapi_error_codes = ("400", "401")


class MeView(APIView):
    @extend_schema(
        tags=["auth"],
        summary="The signed-in user, their role, vendor and feature flags",
        responses=MeSerializer,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        profile = profile_for(request.user)
        user: Any = request.user
        data = {
            "id": user.pk,
            "username": user.get_username(),
            "email": user.email,
            "role": profile.role if profile else None,
            "vendor": profile.vendor if profile else None,
            "flags": active_flags(request),
        }
        return Response(MeSerializer(data).data)


class PasswordChangeView(APIView):
    # The old password is a credential: guessing it is braked like the login.
    throttle_classes = PASSWORD_THROTTLES
    throttle_scope = "auth"

    @extend_schema(
        tags=["auth"],
        summary="Change your password (ends every other session)",
        description=(
            "Checks `old_password` (a wrong one is a 400 on that field) and judges `new_password` with "
            "the server's password rules (400 on that field). On success every refresh token of the user "
            "is blacklisted, on every device, and the response carries a new token pair for this session: "
            "store both tokens. Access tokens issued before stay valid until they expire. "
            "Rate-limited like the login."
        ),
        request=PasswordChangeSerializer,
        responses={200: TokenPairSerializer},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = PasswordChangeSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        pair = password_change(user=request.user, new_password=serializer.validated_data["new_password"])
        return Response(TokenPairSerializer(pair).data)
