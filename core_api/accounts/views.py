"""Authentication endpoints: JWT obtain/refresh/logout (SimpleJWT) and `me`."""

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView
from rest_framework_simplejwt import views as jwt_views

from .selectors import profile_for
from .serializers import MeSerializer


@extend_schema(
    tags=["auth"],
    summary="Obtain an access/refresh token pair",
    description="Wrong credentials answer 401. Rate-limited per client address.",
)
class TokenObtainView(jwt_views.TokenObtainPairView):
    openapi_error_codes = ("400", "401")
    throttle_classes = [ScopedRateThrottle]
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
    @extend_schema(tags=["auth"], summary="The signed-in user, their role and vendor", responses=MeSerializer)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        profile = profile_for(request.user)
        user: Any = request.user
        data = {
            "id": user.pk,
            "username": user.get_username(),
            "email": user.email,
            "role": profile.role if profile else None,
            "vendor": profile.vendor if profile else None,
        }
        return Response(MeSerializer(data).data)
