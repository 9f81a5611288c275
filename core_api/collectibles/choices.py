"""The shop vocabulary: conditions, games, languages, regions, finishes, graders."""

from django.db import models


class Condition(models.TextChoices):
    MINT = "M", "Mint"
    NEAR_MINT = "NM", "Near Mint"
    LIGHTLY_PLAYED = "LP", "Lightly Played"
    MODERATELY_PLAYED = "MP", "Moderately Played"
    HEAVILY_PLAYED = "HP", "Heavily Played"
    DAMAGED = "DMG", "Damaged"


class Game(models.TextChoices):
    POKEMON = "pokemon", "Pokémon"
    MTG = "mtg", "Magic: The Gathering"
    YUGIOH = "yugioh", "Yu-Gi-Oh!"
    ONE_PIECE = "onepiece", "One Piece"
    LORCANA = "lorcana", "Disney Lorcana"
    SPORTS = "sports", "Sports"
    OTHER = "other", "Other"


class Language(models.TextChoices):
    """ISO 639-1, upper-case."""

    EN = "EN", "English"
    JA = "JA", "Japanese"
    DE = "DE", "German"
    FR = "FR", "French"
    IT = "IT", "Italian"
    ES = "ES", "Spanish"
    PT = "PT", "Portuguese"
    KO = "KO", "Korean"
    ZH = "ZH", "Chinese"
    RU = "RU", "Russian"


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


class Finish(models.TextChoices):
    NORMAL = "normal", "Normal"
    FOIL = "foil", "Foil"
    REVERSE_HOLO = "reverse_holo", "Reverse holo"
    HOLO = "holo", "Holo"
    ETCHED = "etched", "Etched"
    OTHER = "other", "Other"


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
