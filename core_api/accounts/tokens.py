"""JWTs that carry the caller's vendor and role.

Reads of inventory need only "which vendor, which role": carrying both in the
access token saves the user and profile queries on every request (see
accounts/authentication.py). The claims are written when a token pair is
issued and written again from the database on every refresh, so a changed
role or vendor reaches reads within one access-token lifetime (15 minutes by
default); writes never trust them (docs/performance.md, "Auth claims").

A session has an absolute lifetime: the refresh token carries `auth_time`, the
moment its user signed in, unchanged through every rotation; a refresh after
JWT_SESSION_MAX_DAYS is refused (401) however recently the token was rotated
(docs/security.md, "Sessions and tokens").
"""

from datetime import UTC, datetime, timedelta
from typing import Any, cast

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from rest_framework.exceptions import AuthenticationFailed
from rest_framework_simplejwt.serializers import TokenObtainPairSerializer, TokenRefreshSerializer
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.tokens import RefreshToken, Token

from .models import UserProfile

VENDOR_CLAIM = "vendor_id"
ROLE_CLAIM = "role"
# OpenID Connect's name for "when the user authenticated" (seconds since the epoch).
AUTH_TIME_CLAIM = "auth_time"


def stamp_staff_claims(token: Token, user_id: Any) -> None:
    """Write the user's current vendor and role into `token`."""
    profile = UserProfile.objects.filter(user_id=user_id).values("vendor_id", "role").first()
    token[VENDOR_CLAIM] = profile["vendor_id"] if profile else None
    token[ROLE_CLAIM] = profile["role"] if profile else None


def session_expired(token: Token) -> bool:
    """True when the session `token` belongs to started more than
    JWT_SESSION_MAX_DAYS ago, or carries no start at all (issued before sessions
    had one: such a token is not trusted to be young)."""
    auth_time = token.payload.get(AUTH_TIME_CLAIM)
    if not isinstance(auth_time, int):
        return True
    started = datetime.fromtimestamp(auth_time, tz=UTC)
    return timezone.now() - started >= timedelta(days=settings.JWT_SESSION_MAX_DAYS)


class StaffTokenObtainPairSerializer(TokenObtainPairSerializer):
    """Issues the pair with the claims; the access token copies them from the refresh token."""

    @classmethod
    def get_token(cls, user: Any) -> Token:
        token = super().get_token(user)
        stamp_staff_claims(token, user.pk)
        # A new session starts now; rotation copies the claim, never renews it.
        token[AUTH_TIME_CLAIM] = int(timezone.now().timestamp())
        return token


class StaffTokenRefreshSerializer(TokenRefreshSerializer):
    def validate(self, attrs: dict[str, Any]) -> dict[str, str]:
        # Re-stamp before SimpleJWT derives the new access token (and rotates
        # the refresh token) from it: a refresh is where a role change lands.
        refresh = self.token_class(attrs["refresh"])
        user_id = refresh.payload.get(api_settings.USER_ID_CLAIM)
        # SimpleJWT looks the user up with `.get()`: a deleted user's token
        # would raise DoesNotExist (a 500). It is a 401 like an inactive one.
        if not get_user_model().objects.filter(**{api_settings.USER_ID_FIELD: user_id}).exists():
            raise AuthenticationFailed(self.error_messages["no_active_account"], "no_active_account")
        if session_expired(refresh):
            raise AuthenticationFailed(
                f"Your session started more than {settings.JWT_SESSION_MAX_DAYS} days ago; sign in again.",
                "session_expired",
            )
        stamp_staff_claims(refresh, user_id)
        return super().validate({**attrs, "refresh": str(refresh)})


def token_pair_for(user: Any) -> dict[str, str]:
    """A new session's pair, as the token endpoint issues it at login."""
    refresh = cast(RefreshToken, StaffTokenObtainPairSerializer.get_token(user))
    return {"access": str(refresh.access_token), "refresh": str(refresh)}


def access_token_for(user: Any) -> str:
    """An access token as the token endpoint would issue it (tests, tools)."""
    return token_pair_for(user)["access"]
