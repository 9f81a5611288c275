"""What inventory writes refuse, as domain errors (answered by common.exceptions)."""

from typing import TYPE_CHECKING, Any

from rest_framework import status

from common.errors import DomainError

if TYPE_CHECKING:
    from .models import Collectible

NOT_FOUND = "No Collectible matches the given query."


class CollectibleNotFound(DomainError):
    """The item is not (or no longer) there: deleted since the view read it."""

    status_code = status.HTTP_404_NOT_FOUND

    def __init__(self) -> None:
        super().__init__(NOT_FOUND)


class StaleVersion(DomainError):
    """The caller's copy is older than the stored one (If-Match did not match): 412
    with the current representation and its ETag, so the client can merge."""

    status_code = status.HTTP_412_PRECONDITION_FAILED

    def __init__(self, current: "Collectible") -> None:
        super().__init__(
            f"This collectible was changed by someone else (it is now at version {current.version}). "
            "Review the current values and apply your changes again."
        )
        self.current = current

    def body(self, view: Any) -> dict[str, Any]:
        return {"detail": str(self), "current": view.get_serializer(self.current).data}

    def headers(self) -> dict[str, str]:
        return {"ETag": f'"{self.current.version}"'}


class ItemsChanged(DomainError):
    """Some items are gone, or not at the version the caller expected: nothing was written."""

    status_code = status.HTTP_409_CONFLICT

    def __init__(self, stale: list["Collectible"], missing: list[int]) -> None:
        changed = len(stale) + len(missing)
        super().__init__(f"{changed} item(s) changed since you read them; nothing was written.")
        self.stale = stale  # as stored now
        self.missing = missing

    def body(self, view: Any) -> dict[str, Any]:
        items = [{"id": item.pk, "version": item.version} for item in self.stale]
        return {"detail": str(self), "items": items + [{"id": pk, "version": None} for pk in self.missing]}


class SkuTaken(DomainError):
    """Another item of the vendor has the SKU: the unique constraint decided a race
    the serializer's check could not see."""

    def __init__(self) -> None:
        super().__init__("Your vendor already has a collectible with this SKU.")

    def body(self, view: Any) -> dict[str, Any]:
        return {"sku": [str(self)]}


class InsufficientStock(DomainError):
    """An adjustment would take the quantity below zero (or above the maximum): 409
    with the quantity in stock now."""

    status_code = status.HTTP_409_CONFLICT

    def __init__(self, current_quantity: int, delta: int, maximum: int) -> None:
        super().__init__(
            f"Not enough stock: {current_quantity} in stock, cannot change by {delta:+d}."
            if delta < 0
            else f"Too much stock: {current_quantity} in stock, cannot change by {delta:+d} "
            f"(the most an item can hold is {maximum:,})."
        )
        self.current_quantity = current_quantity
        self.delta = delta

    def body(self, view: Any) -> dict[str, Any]:
        return {"detail": str(self), "quantity": self.current_quantity}


class ItemsNotFound(DomainError):
    """Some of a bulk request's ids are not the caller's items: nothing is applied."""

    def __init__(self, results: list[dict[str, Any]]) -> None:
        super().__init__("Some items are not in your inventory; nothing was changed.")
        self.results = results  # every id, `ok` or `not_found`

    def body(self, view: Any) -> dict[str, Any]:
        return {"detail": str(self), "results": self.results}


class TooManyItems(DomainError):
    def __init__(self, limit: int) -> None:
        super().__init__(f"At most {limit} items per bulk edit; narrow the filter.")

    def body(self, view: Any) -> dict[str, Any]:
        return {"non_field_errors": [str(self)]}
