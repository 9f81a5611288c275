"""What the importer refuses, as domain errors (mapped to responses by the views)."""

from typing import Any

from rest_framework import status

from common.errors import DomainError


class ImportConflict(DomainError):
    """The batch cannot be committed or rolled back as asked; `items` says which rows and why."""

    status_code = status.HTTP_409_CONFLICT

    def __init__(self, message: str, items: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.items = items or []

    def body(self, view: Any) -> dict[str, Any]:
        return {"detail": self.message, "items": self.items}


class FileRejected(DomainError):
    """The file as a whole cannot be used: 400 on the upload's `field`."""

    def __init__(self, message: str, field: str = "file") -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def body(self, view: Any) -> dict[str, Any]:
        return {self.field: [self.message]}
