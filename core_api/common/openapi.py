"""OpenAPI conventions shared by every endpoint.

`ApiAutoSchema` adds the error responses an operation can really produce, so
each view does not have to repeat them (and cannot forget them):

- 400 on POST/PUT/PATCH and on every operation that takes query parameters
  (filters, pagination, `format`);
- 401 wherever authentication is required;
- 403 on writes guarded by a role/vendor permission;
- 404 on operations addressed by id, and on paginated lists (a page past the end);
- 413 and 415 on writes that take a body (too large; a content type no parser reads);
- 429 on throttled operations.

Views that answer other errors (e.g. SimpleJWT's, which are public but answer
401 on bad credentials) list them in `openapi_error_codes`. Responses declared
with `@extend_schema` win, except that a custom 400 body is documented as
"that or the validation shape": any body can also fail parsing or validation
before the view's own 400 (e.g. bulk's BulkRejected).
"""

from typing import Any, Literal

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import is_serializer
from drf_spectacular.utils import OpenApiParameter
from rest_framework.permissions import AllowAny, IsAuthenticated

from .error_schema import ERROR_COMPONENTS

ERROR_DETAIL_REF = {"$ref": "#/components/schemas/ErrorDetail"}
VALIDATION_ERROR_REF = {"$ref": "#/components/schemas/ValidationError"}

ERROR_DESCRIPTIONS = {
    "400": "Invalid input; the body says which field and why.",
    "401": "Missing, invalid or expired credentials.",
    "403": "Authenticated, but not allowed to do this (role or vendor).",
    "404": "Not found, or not visible to your vendor.",
    "413": "The request body is too large.",
    "415": "The body's Content-Type is not one this operation reads.",
    "429": "Too many attempts; retry after the number of seconds in Retry-After.",
}

ERROR_COMPONENT_NAMES = frozenset(ERROR_COMPONENTS)

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
BODY_METHODS = {"POST", "PUT", "PATCH"}


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
        bad_request = responses.get("400", {}).get("content", {}).get("application/json")
        if bad_request and bad_request.get("schema") != VALIDATION_ERROR_REF:
            bad_request["schema"] = {"anyOf": [bad_request["schema"], VALIDATION_ERROR_REF]}
        return responses

    def _error_codes(self) -> list[str]:
        codes = []
        permissions = self.view.get_permissions()
        requires_auth = not all(isinstance(p, AllowAny) for p in permissions)
        is_write = self.method in WRITE_METHODS
        takes_body = self.method in BODY_METHODS and self._get_request_body() is not None
        paginated = bool(self._get_pagination_parameters())
        if (self.method in BODY_METHODS) or paginated or self._takes_query_parameters():
            codes.append("400")
        if requires_auth:
            codes.append("401")
        guarded = any(not isinstance(p, (AllowAny, IsAuthenticated)) for p in permissions)
        if requires_auth and is_write and guarded:
            codes.append("403")
        if "{" in self.path or paginated:
            codes.append("404")
        if takes_body:
            codes += ["413", "415"]
        if self.view.get_throttles():
            codes.append("429")
        return codes

    def _takes_query_parameters(self) -> bool:
        declared = self.get_override_parameters()
        # A serializer among `parameters` describes query parameters (drf-spectacular's convention).
        return (
            bool(self._get_filter_parameters())
            or any(isinstance(p, OpenApiParameter) and p.location == OpenApiParameter.QUERY for p in declared)
            or any(is_serializer(p) for p in declared)
        )


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
