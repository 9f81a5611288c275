"""The card catalog: sets and printings from the public card databases.

Shared by every vendor and read-only to them; `manage.py load_catalog` and the
admin write it. A collectible may point at a printing (collectibles sits above
catalog: docs/catalog.md, "Where the catalog sits").
"""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Upper

from .choices import Game, Language, Source

# Marketplace ids a printing may carry in `external_ids` that imports and search look up.
INDEXED_MARKETPLACE_IDS = ("tcgplayer", "cardmarket", "scryfall")


class CardSet(models.Model):
    """A set (expansion) of one game, as one source publishes it."""

    source = models.CharField(max_length=12, choices=Source.choices)
    source_id = models.CharField(max_length=64, help_text="The set's id in its source.")
    game = models.CharField(max_length=10, choices=Game.choices)
    code = models.CharField(
        max_length=20, help_text="The set code printed on cards or used by shops, e.g. MH2."
    )
    name = models.CharField(max_length=200)
    release_date = models.DateField(null=True, blank=True)
    size = models.PositiveIntegerField(
        null=True, blank=True, help_text="Cards in the set as printed, when the source says."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-release_date", "code", "id"]
        constraints = [
            models.UniqueConstraint(fields=["source", "source_id"], name="catalog_set_unique_source_id"),
        ]
        indexes = [
            models.Index(Upper("code"), name="catalog_set_code_upper_idx"),
            models.Index(fields=["game", "-release_date", "code", "id"], name="catalog_set_game_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.code} · {self.name}"


class Printing(models.Model):
    """One printing of a card: set, collector number, language, with its marketplace ids."""

    source = models.CharField(max_length=12, choices=Source.choices)
    source_id = models.CharField(max_length=64, help_text="The printing's id in its source.")
    card_set = models.ForeignKey(CardSet, on_delete=models.PROTECT, related_name="printings")
    game = models.CharField(max_length=10, choices=Game.choices)
    name = models.CharField(max_length=200)
    collector_number = models.CharField(max_length=20, blank=True)
    language = models.CharField(max_length=2, choices=Language.choices)
    rarity = models.CharField(max_length=50, blank=True)
    finishes = models.JSONField(
        default=list, blank=True, help_text='Finishes it was printed in, e.g. ["normal", "foil"].'
    )
    release_date = models.DateField(null=True, blank=True)
    image_url = models.URLField(max_length=500, blank=True)
    external_ids = models.JSONField(
        default=dict,
        blank=True,
        help_text='Marketplace ids, e.g. {"tcgplayer": "83712", "cardmarket": "273699", "scryfall": "…"}.',
    )
    missing_since = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Set when a newer file of its source no longer lists it; the printing is kept.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-release_date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["source", "source_id"], name="catalog_printing_unique_source"),
        ]
        indexes = [
            models.Index(fields=["-release_date", "-id"], name="catalog_pr_recent_idx"),
            # Search fetches the printings of matched names (catalog/search.py).
            models.Index(fields=["name"], name="catalog_pr_name_idx"),
            models.Index(Upper("collector_number"), name="catalog_pr_number_idx"),
            models.Index(Upper("source_id"), name="catalog_pr_source_id_idx"),
            models.Index(fields=["card_set", "language"], name="catalog_pr_set_lang_idx"),
            models.Index(fields=["game", "language"], name="catalog_pr_game_lang_idx"),
            *[
                models.Index(KeyTextTransform(key, "external_ids"), name=f"catalog_pr_{key}_idx")
                for key in INDEXED_MARKETPLACE_IDS
            ],
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.card_set.code} {self.collector_number}, {self.language})"


class CatalogName(models.Model):
    """A distinct printing name: search matches typos against these (tens of
    thousands) rather than against every printing (millions), then fetches the
    printings of the matched names by index. Written by the loader and admin;
    names nobody prints any more stay and match nothing."""

    text = models.CharField(max_length=200, unique=True)

    class Meta:
        indexes = [
            # Typo-tolerant (`%>`) matching; PostgreSQL only (migration 0002).
            GinIndex(OpClass(Upper("text"), name="gin_trgm_ops"), name="catalog_name_trgm_idx"),
        ]

    def __str__(self) -> str:
        return self.text


def remember_names(names: "set[str] | list[str]") -> None:
    """Add printing names to the search lexicon (existing ones are left alone)."""
    if names:
        CatalogName.objects.bulk_create(
            [CatalogName(text=name) for name in sorted(set(names))], ignore_conflicts=True
        )
