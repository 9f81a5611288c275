"""OpenAPI components for the error shape (plain data: settings import it)."""

from typing import Any

ERROR_COMPONENTS: dict[str, Any] = {
    "ErrorDetail": {
        "type": "object",
        "description": "A request-level error, e.g. authentication, permission or not found.",
        "properties": {"detail": {"type": "string"}},
        "required": ["detail"],
    },
    "ValidationError": {
        "type": "object",
        "description": (
            "Field name → list of messages. Nested objects (e.g. `card_details`) nest "
            "the same shape; errors about the request as a whole use `non_field_errors` "
            "or `detail`."
        ),
        "additionalProperties": {
            "oneOf": [
                {"type": "array", "items": {"type": "string"}},
                {"type": "object", "additionalProperties": {}},
                {"type": "string"},
            ]
        },
        "example": {"price": ["Ensure this value is greater than or equal to 0."]},
    },
}
