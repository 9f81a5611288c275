from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from simple_history.admin import SimpleHistoryAdmin

from .models import CardDetails, Collectible, StockMovement


class CardDetailsInline(admin.StackedInline):
    model = CardDetails
    can_delete = True
    extra = 0
    max_num = 1


@admin.register(Collectible)
class CollectibleAdmin(SimpleHistoryAdmin):
    inlines = [CardDetailsInline]
    list_display = ["name", "vendor", "sku", "condition", "quantity", "price", "currency", "updated_at"]
    list_filter = ["vendor", "condition", "card_details__game", "card_details__language"]
    list_select_related = ["vendor"]
    search_fields = ["name", "sku", "card_details__set_name", "card_details__card_number"]
    # Stock changes only through the ledger (the adjust endpoint, imports, edits
    # in the API), so the movements always add up to the quantity.
    readonly_fields = ["quantity", "version", "created_at", "updated_at"]
    raw_id_fields = ["user"]

    def get_readonly_fields(self, request: HttpRequest, obj: Collectible | None = None) -> Any:
        # An item never changes vendor: its ledger, history and import rows stay
        # with the vendor that owned it, and a move would let the old vendor
        # keep reading the item's later history. The vendor is chosen on add only.
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "vendor"] if obj is not None else fields

    def save_model(self, request: HttpRequest, obj: Collectible, form: Any, change: bool) -> None:
        if change:
            # Every admin save of an item (its fields or its card details inline) is a
            # change API clients holding the old ETag must see (412).
            obj.version += 1
        super().save_model(request, obj, form, change)

    # Reverting saves an old snapshot whole: it would rewrite the quantity past
    # the ledger and put the version back (reusing ETags). Old versions stay
    # viewable; the revert button is hidden and its POST refused.
    def revert_disabled(self, request: HttpRequest, obj: Any = None) -> bool:
        return True

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context: Any = None
    ) -> HttpResponse:
        if request.method == "POST":
            raise PermissionDenied("Reverting is disabled; edit the item instead.")
        response: HttpResponse = super().history_form_view(request, object_id, version_id, extra_context)
        return response


@admin.register(StockMovement)
class StockMovementAdmin(admin.ModelAdmin):
    """The ledger is append-only: movements are written by the stock services, never edited."""

    list_display = ["created_at", "vendor", "collectible_id", "delta", "quantity_after", "reason", "user"]
    list_filter = ["vendor", "reason"]
    list_select_related = ["vendor", "user"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
