from django.contrib import admin
from django.http import HttpRequest
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
    readonly_fields = ["version", "created_at", "updated_at"]
    raw_id_fields = ["user"]


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
