"""OpenAPI conventions shared by every endpoint.

`ApiAutoSchema` adds the error responses an operation can really produce, so
each view does not have to repeat them (and cannot forget them):

- 400 on writes and on lists that take filter parameters;
- 401 wherever authentication is required;
- 403 on writes guarded by a role/vendor permission;
- 404 on operations addressed by id.

Views that answer other errors (e.g. SimpleJWT's, which are public but answer
401 on bad credentials) list them in `openapi_error_codes`. Responses declared
with `@extend_schema` win.
"""

from typing import Any, Literal

from drf_spectacular.openapi import AutoSchema
from rest_framework.permissions import AllowAny, IsAuthenticated

from .error_schema import ERROR_COMPONENTS

ERROR_DETAIL_REF = {"$ref": "#/components/schemas/ErrorDetail"}
VALIDATION_ERROR_REF = {"$ref": "#/components/schemas/ValidationError"}

ERROR_DESCRIPTIONS = {
    "400": "Invalid input; the body says which field and why.",
    "401": "Missing, invalid or expired credentials.",
    "403": "Authenticated, but not allowed to do this (role or vendor).",
    "404": "Not found, or not visible to your vendor.",
}

ERROR_COMPONENT_NAMES = frozenset(ERROR_COMPONENTS)

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def error_response(status_code: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    body = schema or (VALIDATION_ERROR_REF if status_code == "400" else ERROR_DETAIL_REF)
    return {
        "description": ERROR_DESCRIPTIONS.get(status_code, ""),
        "content": {"application/json": {"schema": body}},
    }


class ApiAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction: Literal["request", "response"] = "response") -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        codes = self._error_codes() + list(getattr(self.view, "openapi_error_codes", ()))
        for code in sorted(set(codes)):
            responses.setdefault(code, error_response(code))
        return responses

    def _error_codes(self) -> list[str]:
        codes = []
        permissions = self.view.get_permissions()
        requires_auth = not all(isinstance(p, AllowAny) for p in permissions)
        is_write = self.method in WRITE_METHODS
        if (is_write and self.method != "DELETE") or (
            self._is_list_view() and getattr(self.view, "filterset_class", None)
        ):
            codes.append("400")
        if requires_auth:
            codes.append("401")
        guarded = any(not isinstance(p, (AllowAny, IsAuthenticated)) for p in permissions)
        if requires_auth and is_write and guarded:
            codes.append("403")
        if "{" in self.path:
            codes.append("404")
        return codes


def mark_response_fields_required(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    """Postprocessing hook: every field of a response component is present.

    DRF always renders every declared field (null when empty), but
    drf-spectacular marks fields that are optional *on input* as optional in
    responses too, which makes generated clients treat `set_name` and friends
    as possibly missing. Request components (`*Request`) keep their own rules.
    """
    for name, schema in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request") or name in ERROR_COMPONENT_NAMES:
            continue
        properties = schema.get("properties")
        if schema.get("type") == "object" and properties:
            schema["required"] = sorted(properties)
    return result
