from django.contrib import admin

from .models import CurrencyRate, PriceSnapshot


@admin.register(PriceSnapshot)
class PriceSnapshotAdmin(admin.ModelAdmin):
    list_display = [
        "date",
        "source",
        "marketplace",
        "product_id",
        "finish",
        "condition",
        "currency",
        "market",
        "low",
        "trend",
        "vendor",
    ]
    list_filter = ["source", "marketplace", "currency", "date"]
    search_fields = ["product_id"]
    date_hierarchy = "date"


@admin.register(CurrencyRate)
class CurrencyRateAdmin(admin.ModelAdmin):
    list_display = ["vendor", "date", "from_currency", "to_currency", "rate"]
    list_filter = ["from_currency", "to_currency"]
