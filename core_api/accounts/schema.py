"""OpenAPI descriptions of the accounts app's SimpleJWT subclasses: the same
contract, and the same component names, as SimpleJWT's own classes
(drf-spectacular matches extensions to exact classes)."""

from typing import Any

from drf_spectacular.contrib.rest_framework_simplejwt import (
    SimpleJWTScheme,
    TokenObtainPairSerializerExtension,
    TokenRefreshSerializerExtension,
)


class StaffJWTScheme(SimpleJWTScheme):
    target_class = "accounts.authentication.StaffJWTAuthentication"


class StaffTokenObtainPairSerializerExtension(TokenObtainPairSerializerExtension):
    target_class = "accounts.tokens.StaffTokenObtainPairSerializer"

    def get_name(self, auto_schema: Any, direction: Any) -> str:
        return "TokenObtainPair"


class StaffTokenRefreshSerializerExtension(TokenRefreshSerializerExtension):
    target_class = "accounts.tokens.StaffTokenRefreshSerializer"

    def get_name(self, auto_schema: Any, direction: Any) -> str:
        return "TokenRefresh"
