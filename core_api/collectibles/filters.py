"""Query parameters of the collectibles list (the contract is in docs/api.md)."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django_filters import rest_framework as filters
from django_filters.constants import EMPTY_VALUES

from accounts.scoping import caller_vendor_id
from common.filtersets import CaseInsensitiveChoiceFilter, LeanFilterSet

from .choices import Condition, Game, Language, MarketRegion
from .models import Collectible
from .selectors import card_filter_lookup, items_of_import_batch, search_collectibles

MAX_BIGINT = 2**63 - 1


class CardDetailsChoiceFilter(CaseInsensitiveChoiceFilter):
    """A card details field, compared where it is indexed with the vendor
    (selectors.card_filter_lookup)."""

    def __init__(self, *, card_field: str, **kwargs: Any) -> None:
        super().__init__(field_name=f"card_details__{card_field}", **kwargs)
        self.card_field = card_field

    def filter(self, qs: QuerySet[Any], value: Any) -> QuerySet[Any]:
        if value in EMPTY_VALUES:
            return qs
        return qs.filter(**{card_filter_lookup(self.card_field): value})


class StrictBooleanField(forms.Field):
    """`true`/`false` (also `1`/`0`, `yes`/`no`); anything else is a 400, not
    silently ignored as Django's NullBooleanSelect would."""

    widget = forms.TextInput
    TRUE = frozenset({"true", "1", "yes"})
    FALSE = frozenset({"false", "0", "no"})

    def to_python(self, value: Any) -> bool | None:
        if value in (None, ""):
            return None
        text = str(value).strip().lower()
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise forms.ValidationError("Use true or false.", code="invalid")


class StrictBooleanFilter(filters.Filter):
    field_class = StrictBooleanField


class IdFilter(filters.Filter):
    """A database id: a whole number from 1 to the largest bigint, else a 400
    (beyond the column's range the database itself would refuse it)."""

    field_class = forms.IntegerField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_BIGINT)
        super().__init__(*args, **kwargs)


class StableOrderingFilter(filters.OrderingFilter):
    """Ordering plus `id` as the last key, so equal values never shuffle rows
    between pages."""

    def filter(self, qs: QuerySet[Any], value: Any) -> QuerySet[Any]:
        # `?ordering=,` parses as empty keys: no ordering, as an empty value is.
        ordering = [self.get_ordering_value(param) for param in value or () if param]
        if not ordering:
            return qs
        tiebreak = "-id" if ordering[-1].startswith("-") else "id"
        return qs.order_by(*ordering, tiebreak)


class CollectibleFilter(LeanFilterSet):
    search = filters.CharFilter(
        method="filter_search",
        max_length=100,
        label="Search",
        help_text=(
            "Matches name, set name and card number. Typo-tolerant on PostgreSQL "
            "(`charzard` finds Charizard) and ranked by similarity unless `ordering` is given."
        ),
    )
    language = CardDetailsChoiceFilter(
        card_field="language",
        choices=Language.choices,
        help_text="Card language, ISO 639-1 (case-insensitive), e.g. `JA`.",
    )
    market_region = CardDetailsChoiceFilter(
        card_field="market_region",
        choices=MarketRegion.choices,
        help_text="Market region the card was printed for (case-insensitive), e.g. `EU`.",
    )
    game = CardDetailsChoiceFilter(
        card_field="game",
        choices=Game.choices,
        help_text="Game (case-insensitive), e.g. `pokemon`.",
    )
    condition = CaseInsensitiveChoiceFilter(
        choices=Condition.choices,
        help_text="Condition (case-insensitive), e.g. `NM`.",
    )
    release_date_after = filters.DateFilter(
        field_name="release_date",
        lookup_expr="gte",
        help_text="Released on or after this date (YYYY-MM-DD, inclusive).",
    )
    release_date_before = filters.DateFilter(
        field_name="release_date",
        lookup_expr="lte",
        help_text="Released on or before this date (YYYY-MM-DD, inclusive).",
    )
    price_min = filters.NumberFilter(
        field_name="price",
        lookup_expr="gte",
        max_digits=12,
        decimal_places=2,
        help_text="Price at least this much (inclusive).",
    )
    price_max = filters.NumberFilter(
        field_name="price",
        lookup_expr="lte",
        max_digits=12,
        decimal_places=2,
        help_text="Price at most this much (inclusive).",
    )
    in_stock = StrictBooleanFilter(
        method="filter_in_stock",
        help_text="`true`: quantity above zero; `false`: sold out.",
    )
    import_batch = IdFilter(
        method="filter_import_batch",
        help_text="Only the items an import batch created or updated (its id, see /imports/).",
    )
    ordering = StableOrderingFilter(
        fields=["name", "price", "quantity", "release_date", "created_at", "updated_at"],
        help_text=(
            "Sort key; prefix with `-` for descending; several keys comma-separated. "
            "Default: `-updated_at` (or relevance when searching)."
        ),
    )

    class Meta:
        model = Collectible
        fields: list[str] = []

    def filter_search(self, queryset: QuerySet[Collectible], name: str, value: str) -> QuerySet[Collectible]:
        return queryset  # applied last, by filter_queryset: search builds on every other filter

    def filter_in_stock(
        self, queryset: QuerySet[Collectible], name: str, value: bool
    ) -> QuerySet[Collectible]:
        return queryset.filter(quantity__gt=0) if value else queryset.filter(quantity=0)

    def filter_import_batch(
        self, queryset: QuerySet[Collectible], name: str, value: int
    ) -> QuerySet[Collectible]:
        return queryset.filter(pk__in=items_of_import_batch(value))

    def filter_queryset(self, queryset: QuerySet[Collectible]) -> Any:
        """The filtered queryset or, when searching, a ranked search over it."""
        queryset = super().filter_queryset(queryset)
        query = self.form.cleaned_data.get("search", "")
        ordered = any(self.form.cleaned_data.get("ordering") or ())
        vendor_id = caller_vendor_id(self.request) if self.request is not None else None
        return search_collectibles(queryset, query, vendor_id=vendor_id, ordered=ordered)
