"""API error shape.

Every error is DRF's shape: `{"detail": "..."}` for request-level errors and
`{"field": ["message", ...]}` (nested for nested objects) for validation. Django
`ValidationError`s raised by services and models are converted into the same
validation shape here, so a rule enforced below the serializer still answers
400 instead of 500. Django's own refusals of a request while DRF reads it
(a body over DATA_UPLOAD_MAX_MEMORY_SIZE, too many form fields or files) get
the same shape: 413 for the size, 400 for the rest. Anything that escapes DRF
is made JSON by common.api_errors. Domain errors (common/errors.py) raised by
services are answered here too, each with its own status and body.
"""

from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation, TooManyFieldsSent, TooManyFilesSent
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler, set_rollback

from .errors import DomainError


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "Request body too large."
    default_code = "payload_too_large"


def request_refusal(exc: SuspiciousOperation) -> exceptions.APIException:
    """The API error for a request Django refused as suspicious while it was read."""
    if isinstance(exc, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return PayloadTooLarge(f"Request body too large: at most {limit:,} bytes outside file uploads.")
    if isinstance(exc, TooManyFieldsSent | TooManyFilesSent):
        return exceptions.ParseError(str(exc))
    return exceptions.ParseError("The request was refused as malformed.")


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DomainError):
        set_rollback()
        return Response(exc.body(context.get("view")), status=exc.status_code, headers=exc.headers())
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(serializers.as_serializer_error(exc))
    elif isinstance(exc, SuspiciousOperation):
        exc = request_refusal(exc)
    return exception_handler(exc, context)
