"""API error shape.

Every error is DRF's shape: `{"detail": "..."}` for request-level errors and
`{"field": ["message", ...]}` (nested for nested objects) for validation. Django
`ValidationError`s raised by services and models are converted into the same
validation shape here, so a rule enforced below the serializer still answers
400 instead of 500.
"""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.views import exception_handler


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(serializers.as_serializer_error(exc))
    return exception_handler(exc, context)
