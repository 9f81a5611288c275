"""Query parameters of the catalog lists (the contract is in docs/catalog.md)."""

from typing import Any

from django.db.models import QuerySet
from django_filters import rest_framework as filters

from common.filtersets import CaseInsensitiveChoiceFilter, LeanFilterSet

from .choices import Game, Language
from .models import CardSet, Printing
from .selectors import search_printings


class PrintingFilter(LeanFilterSet):
    search = filters.CharFilter(
        method="filter_search",
        max_length=100,
        label="Search",
        help_text=(
            "Words matching name and set name (typo-tolerant: `charzard base` finds Charizard, Base Set "
            "first), or exactly a set code or id, a collector number, a printing id or a TCGplayer / "
            "Cardmarket product id (`MH2 138`, `base1-4`). Ranked best first on PostgreSQL."
        ),
    )
    game = CaseInsensitiveChoiceFilter(choices=Game.choices, help_text="Game (case-insensitive), e.g. `mtg`.")
    set = filters.CharFilter(
        field_name="card_set__code",
        lookup_expr="iexact",
        max_length=20,
        help_text="Set code (case-insensitive), e.g. `MH2`.",
    )
    language = CaseInsensitiveChoiceFilter(
        choices=Language.choices, help_text="Language, ISO 639-1 (case-insensitive), e.g. `JA`."
    )
    number = filters.CharFilter(
        field_name="collector_number",
        lookup_expr="iexact",
        max_length=20,
        help_text="Collector number (case-insensitive), e.g. `4a` or `SWSH050`.",
    )

    class Meta:
        model = Printing
        fields: list[str] = []

    def filter_search(self, queryset: QuerySet[Printing], name: str, value: str) -> QuerySet[Printing]:
        return queryset  # applied last, by filter_queryset: search ranks what the other filters leave

    def filter_queryset(self, queryset: QuerySet[Printing]) -> Any:
        queryset = super().filter_queryset(queryset)
        return search_printings(queryset, self.form.cleaned_data.get("search", ""))


class CardSetFilter(LeanFilterSet):
    game = CaseInsensitiveChoiceFilter(
        choices=Game.choices, help_text="Game (case-insensitive), e.g. `pokemon`."
    )

    class Meta:
        model = CardSet
        fields: list[str] = []
