"""Domain errors: what a service refuses, said once and answered in one place.

Services raise these (never Http404 or a Response); common.exceptions maps
each to its response in the API's error shape, so no view catches them.
"""

from typing import Any

from rest_framework import status


class DomainError(Exception):
    """A refusal with its HTTP status; `body` is the response body (by default `{"detail": str(self)}`)."""

    status_code: int = status.HTTP_400_BAD_REQUEST

    def body(self, view: Any) -> dict[str, Any]:
        """The response body; `view` is the view that was answering (for a representation)."""
        return {"detail": str(self)}

    def headers(self) -> dict[str, str]:
        return {}
