"""Collectibles (what a shop has in stock) and their optional card details."""

from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Length, Upper
from django.db.models.lookups import LessThanOrEqual

from accounts.models import Vendor
from common.currencies import validate_currency_code

from .choices import Condition, Finish, Game, GradingCompany, Language, MarketRegion, MovementReason
from .history import OperationHistoricalRecords
from .validators import validate_external_ids

MAX_QUANTITY = 2_147_483_647  # PostgreSQL `integer`, the column type of quantities
MAX_ID = 9_223_372_036_854_775_807  # PostgreSQL `bigint`, the column type of primary keys
# A few pages of text: enough for any condition note, small enough that a list
# page of 100 items stays small (docs/security.md, "Limits").
MAX_DESCRIPTION_LENGTH = 5000


class Collectible(models.Model):
    """One stock line of a vendor: a card (with `card_details`) or sealed product."""

    vendor = models.ForeignKey(Vendor, on_delete=models.PROTECT, related_name="collectibles")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="created_collectibles",
        help_text="Who created it; kept null if that account is later deleted.",
    )
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True, max_length=MAX_DESCRIPTION_LENGTH)
    sku = models.CharField(
        max_length=64,
        blank=True,
        default="",
        help_text="The shop's own stock code; unique per vendor when set.",
    )
    condition = models.CharField(max_length=3, choices=Condition.choices, default=Condition.NEAR_MINT)
    quantity = models.PositiveIntegerField(default=0)
    price = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    currency = models.CharField(
        max_length=3,
        validators=[validate_currency_code],
        help_text="ISO 4217; defaults to the vendor's currency.",
    )
    release_date = models.DateField(null=True, blank=True)
    external_ids = models.JSONField(
        default=dict,
        blank=True,
        validators=[validate_external_ids],
        help_text='Marketplace ids, e.g. {"tcgplayer": "83712", "cardmarket": "273699"}.',
    )
    image = models.ImageField(upload_to="collectibles/%Y/%m/", blank=True)
    version = models.PositiveIntegerField(
        default=1,
        help_text="Goes up by one on every change; the ETag of the detail resource.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Copies of the card details fields the list filters and searches on, so
    # vendor-scoped indexes answer "language + region + dates + price" or
    # "this set" without a join (docs/performance.md). On PostgreSQL, database
    # triggers keep them equal to `card_details` whoever writes (services,
    # admin, bulk SQL); NULL means no card details. On SQLite (the local demo)
    # they stay NULL and filters join `card_details` instead. Never written by the API.
    card_game = models.CharField(max_length=10, null=True, editable=False)  # noqa: DJ001
    card_language = models.CharField(max_length=2, null=True, editable=False)  # noqa: DJ001
    card_market_region = models.CharField(max_length=6, null=True, editable=False)  # noqa: DJ001
    card_set_name = models.CharField(max_length=200, null=True, editable=False)  # noqa: DJ001

    # The card copies above are the database's business (triggers): the change
    # history records the card details themselves.
    history = OperationHistoricalRecords(
        excluded_fields=["card_game", "card_language", "card_market_region", "card_set_name"]
    )

    class Meta:
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["vendor", "sku"],
                condition=~Q(sku=""),
                name="collectible_unique_sku_per_vendor",
            ),
            models.CheckConstraint(condition=Q(price__gte=0), name="collectible_price_not_negative"),
            # TextField's max_length binds forms and serializers only; this binds every writer.
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("description"), MAX_DESCRIPTION_LENGTH),
                name="collectible_description_max_length",
            ),
        ]
        indexes = [
            # Vendor-scoped orderings the list offers; `id` breaks ties so pages are stable.
            models.Index(fields=["vendor", "-updated_at", "-id"], name="coll_vendor_updated_idx"),
            models.Index(fields=["vendor", "name", "id"], name="coll_vendor_name_idx"),
            models.Index(fields=["vendor", "price", "id"], name="coll_vendor_price_idx"),
            models.Index(fields=["vendor", "release_date", "id"], name="coll_vendor_release_idx"),
            # The card filters in the default order: equality on language and
            # region, then walk by recency; dates and price are checked inside
            # the index, so a page and a capped count never touch the table.
            models.Index(
                fields=["vendor", "card_language", "card_market_region", "-updated_at", "-id"],
                include=["release_date", "price"],
                name="coll_vendor_card_filter_idx",
            ),
            # Search fetches the rows of matched set names (collectibles/search.py).
            models.Index(fields=["vendor", "card_set_name", "id"], name="coll_vendor_set_name_idx"),
            # Import matching looks items up by marketplace id (imports/matching.py).
            *[
                models.Index(
                    F("vendor"), KeyTextTransform(key, "external_ids"), name=f"coll_vendor_{key}_idx"
                )
                for key in ("tcgplayer", "cardmarket", "scryfall")
            ],
        ]

    def __str__(self) -> str:
        return self.name


# The card details a client reads and writes (everything but the shared key).
CARD_DETAILS_FIELDS = (
    "game", "set_name", "set_code", "card_number", "rarity", "language", "market_region",
    "finish", "grading_company", "grade",
)  # fmt: skip


class CardDetails(models.Model):
    """What makes a card a specific card: game, printing, language, finish, grading.

    Shares its primary key with the collectible (one-to-one, optional: sealed
    product has none).
    """

    collectible = models.OneToOneField(
        Collectible, on_delete=models.CASCADE, primary_key=True, related_name="card_details"
    )
    game = models.CharField(max_length=10, choices=Game.choices)
    set_name = models.CharField(max_length=200, blank=True)
    set_code = models.CharField(max_length=20, blank=True)
    card_number = models.CharField(max_length=20, blank=True)
    rarity = models.CharField(max_length=50, blank=True)
    language = models.CharField(max_length=2, choices=Language.choices)
    market_region = models.CharField(max_length=6, choices=MarketRegion.choices)
    finish = models.CharField(max_length=12, choices=Finish.choices, default=Finish.NORMAL)
    # Nullable on purpose (the API contract says null = ungraded); "" is refused by the API.
    grading_company = models.CharField(  # noqa: DJ001
        max_length=3, choices=GradingCompany.choices, null=True, blank=True
    )
    grade = models.DecimalField(
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("1.0")), MaxValueValidator(Decimal("10.0"))],
        help_text="1.0–10.0; required exactly when a grading company is set.",
    )

    history = OperationHistoricalRecords()

    class Meta:
        verbose_name_plural = "card details"
        constraints = [
            models.CheckConstraint(
                condition=Q(grade__isnull=True) | Q(grade__gte=1, grade__lte=10),
                name="card_grade_in_range",
            ),
            models.CheckConstraint(
                condition=Q(grading_company__isnull=True, grade__isnull=True)
                | Q(grading_company__isnull=False, grade__isnull=False),
                name="card_grade_iff_grading_company",
            ),
        ]
        indexes = [
            # Search matches card numbers case-insensitively (UPPER(card_number) = UPPER(q)).
            models.Index(Upper("card_number"), name="card_number_upper_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_game_display()} {self.set_code} {self.card_number}".strip()

    def clean(self) -> None:
        # rules.py reads this module's limits, so it is imported when used, not at the top.
        from .rules import grading_problems

        if problems := grading_problems(self.grading_company, self.grade):
            raise ValidationError(problems)


class StockMovement(models.Model):
    """One change of a collectible's quantity: the stock ledger.

    Every change of `quantity` writes exactly one movement, so the deltas of an
    item's movements always add up to its current quantity. Movements outlive
    the item (no database-level foreign key, DO_NOTHING on delete): a deleted
    card's sales are still part of the shop's books.
    """

    vendor = models.ForeignKey(Vendor, on_delete=models.PROTECT, related_name="stock_movements")
    collectible = models.ForeignKey(
        Collectible,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="movements",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    delta = models.IntegerField()
    quantity_after = models.PositiveIntegerField()
    reason = models.CharField(max_length=12, choices=MovementReason.choices)
    note = models.CharField(max_length=500, blank=True)
    import_batch = models.ForeignKey(
        "imports.ImportBatch",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stock_movements",
        help_text="The import that made this movement, if one did.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["collectible", "-id"], name="movement_item_newest_idx")]
        constraints = [models.CheckConstraint(condition=~Q(delta=0), name="movement_delta_not_zero")]

    def __str__(self) -> str:
        return f"{self.delta:+d} {self.reason} → {self.quantity_after}"


class SearchTerm(models.Model):
    """A distinct name or set name in a vendor's stock.

    Search matches typos against these (a few thousand per vendor) instead of
    against every row, then fetches the rows of the matched terms through
    btree indexes (collectibles/search.py). PostgreSQL triggers add a term
    whenever a collectible's name or set name is written; terms nobody uses
    any more stay and simply match no rows.
    """

    class Field(models.TextChoices):
        NAME = "name", "Name"
        SET_NAME = "set_name", "Set name"

    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="+")
    field = models.CharField(max_length=8, choices=Field.choices)
    text = models.CharField(max_length=200)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["vendor", "field", "text"], name="search_term_unique"),
        ]
        indexes = [
            # Typo-tolerant (`%>`) and substring (LIKE) matching; PostgreSQL only (migration 0005).
            GinIndex(OpClass(Upper("text"), name="gin_trgm_ops"), name="search_term_trgm_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.field}: {self.text}"
