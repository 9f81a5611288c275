"""What the importer refuses, as domain errors (mapped to responses by the views)."""

from typing import Any


class ImportConflict(Exception):  # noqa: N818
    """The batch cannot be committed or rolled back as asked; `items` says which rows and why."""

    def __init__(self, message: str, items: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.items = items or []
