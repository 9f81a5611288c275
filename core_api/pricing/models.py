"""Market prices as loaded from files, and the rates that convert them."""

from decimal import Decimal

from django.db import models

from accounts.models import Vendor
from catalog.choices import Finish
from collectibles.choices import Condition

from .choices import Marketplace, PriceSource


def money() -> "models.DecimalField[Decimal | None, Decimal | None]":
    return models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)


# The figures a source may give for one product on one day (each source gives some).
FIGURES = ("market", "low", "mid", "high", "direct_low", "trend", "avg1", "avg7", "avg30")


class PriceSnapshot(models.Model):
    """What one source said one product (a printing in one finish, sometimes one
    condition) was worth on one day, in the source's currency.

    Keyed by the marketplace's own product id, which is what items and catalog
    printings carry in `external_ids`, so a price reaches an item with or without
    a printing. History is kept: a day's file replaces only that day's snapshot.
    """

    vendor = models.ForeignKey(
        Vendor,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="price_snapshots",
        help_text="The shop that uploaded it (its own export); empty: loaded for every shop.",
    )
    source = models.CharField(max_length=20, choices=PriceSource.choices)
    marketplace = models.CharField(max_length=12, choices=Marketplace.choices)
    product_id = models.CharField(max_length=64)
    finish = models.CharField(max_length=12, choices=Finish.choices, default=Finish.NORMAL)
    condition = models.CharField(max_length=3, choices=Condition.choices, blank=True)
    currency = models.CharField(max_length=3)
    date = models.DateField()
    market = money()
    low = money()
    mid = money()
    high = money()
    direct_low = money()
    trend = money()
    avg1 = money()
    avg7 = money()
    avg30 = money()
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "vendor",
                    "source",
                    "marketplace",
                    "product_id",
                    "finish",
                    "condition",
                    "currency",
                    "date",
                ],
                name="pricing_snapshot_unique_per_day",
                nulls_distinct=False,
            )
        ]
        indexes = [
            # An item's prices: its marketplace id, newest first.
            models.Index(fields=["marketplace", "product_id", "-date"], name="pricing_snap_product_idx"),
            # A day's snapshot of one source, replaced as a whole.
            models.Index(fields=["source", "date"], name="pricing_snap_source_day_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.marketplace} {self.product_id} {self.finish} {self.date} ({self.source})"


class CurrencyRate(models.Model):
    """An owner's rate: one unit of `from_currency` is `rate` of `to_currency` from `date` on."""

    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="currency_rates")
    from_currency = models.CharField(max_length=3)
    to_currency = models.CharField(max_length=3)
    date = models.DateField()
    rate = models.DecimalField(max_digits=14, decimal_places=6)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["vendor", "from_currency", "to_currency", "date"], name="pricing_rate_unique_per_day"
            ),
            models.CheckConstraint(condition=models.Q(rate__gt=0), name="pricing_rate_positive"),
        ]
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"1 {self.from_currency} = {self.rate} {self.to_currency} from {self.date}"
