"""Staff maintain the catalog here (the loader does the bulk of it)."""

from typing import Any

from django.contrib import admin

from .models import CardSet, Printing, remember_names


@admin.register(CardSet)
class CardSetAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "game", "release_date", "size", "source"]
    list_filter = ["game", "source"]
    search_fields = ["code", "name", "source_id"]


@admin.register(Printing)
class PrintingAdmin(admin.ModelAdmin):
    list_display = ["name", "card_set", "collector_number", "language", "game", "source", "missing_since"]
    list_filter = ["game", "language", "source"]
    search_fields = ["name", "source_id", "collector_number"]
    list_select_related = ["card_set"]
    raw_id_fields = ["card_set"]

    def save_model(self, request: Any, obj: Printing, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        remember_names([obj.name])  # so search finds a name typed in here
