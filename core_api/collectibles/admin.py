from django.contrib import admin

from .models import CardDetails, Collectible


class CardDetailsInline(admin.StackedInline):
    model = CardDetails
    can_delete = True
    extra = 0
    max_num = 1


@admin.register(Collectible)
class CollectibleAdmin(admin.ModelAdmin):
    inlines = [CardDetailsInline]
    list_display = ["name", "vendor", "sku", "condition", "quantity", "price", "currency", "updated_at"]
    list_filter = ["vendor", "condition", "card_details__game", "card_details__language"]
    list_select_related = ["vendor"]
    search_fields = ["name", "sku", "card_details__set_name", "card_details__card_number"]
    readonly_fields = ["created_at", "updated_at"]
    raw_id_fields = ["user"]
