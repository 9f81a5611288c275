"""The shop vocabulary: conditions, games, languages, regions, finishes, graders."""

from django.db import models

# The card vocabulary belongs to the catalog (the lower app); it is re-exported
# here because the shop speaks it too.
from catalog.choices import Finish as Finish
from catalog.choices import Game as Game
from catalog.choices import Language as Language


class Condition(models.TextChoices):
    MINT = "M", "Mint"
    NEAR_MINT = "NM", "Near Mint"
    LIGHTLY_PLAYED = "LP", "Lightly Played"
    MODERATELY_PLAYED = "MP", "Moderately Played"
    HEAVILY_PLAYED = "HP", "Heavily Played"
    DAMAGED = "DMG", "Damaged"


class MarketRegion(models.TextChoices):
    NA = "NA", "North America"
    EU = "EU", "Europe"
    JP = "JP", "Japan"
    KR = "KR", "Korea"
    CN = "CN", "China"
    ASIA = "ASIA", "Asia (other)"
    LATAM = "LATAM", "Latin America"
    OCE = "OCE", "Oceania"
    GLOBAL = "GLOBAL", "Global"


class GradingCompany(models.TextChoices):
    PSA = "PSA", "PSA"
    BGS = "BGS", "Beckett (BGS)"
    CGC = "CGC", "CGC"
    SGC = "SGC", "SGC"


class MovementReason(models.TextChoices):
    SALE = "sale", "Sale"
    PURCHASE = "purchase", "Purchase"
    RETURN = "return", "Return"
    CORRECTION = "correction", "Correction"
    DAMAGE = "damage", "Damage"
    IMPORT = "import", "Import"
    OTHER = "other", "Other"


class HistoryAction(models.TextChoices):
    CREATED = "created", "Created"
    UPDATED = "updated", "Updated"
    DELETED = "deleted", "Deleted"


class BulkAction(models.TextChoices):
    UPDATE = "update", "Update"
    DELETE = "delete", "Delete"


class BulkItemStatus(models.TextChoices):
    OK = "ok", "Would apply"
    NOT_FOUND = "not_found", "Not found"
    UPDATED = "updated", "Updated"
    DELETED = "deleted", "Deleted"
