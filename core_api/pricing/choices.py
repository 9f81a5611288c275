from django.db import models


class PriceSource(models.TextChoices):
    TCGPLAYER_EXPORT = "tcgplayer_export", "TCGplayer seller pricing export (CSV)"
    CARDMARKET = "cardmarket", "Cardmarket price guide (JSON)"
    SCRYFALL = "scryfall", "Scryfall bulk data prices (JSON)"
    TCGCSV = "tcgcsv", "TCGCSV prices (JSON)"


class Marketplace(models.TextChoices):
    """Whose product ids a snapshot is keyed by: the keys of `external_ids`."""

    TCGPLAYER = "tcgplayer", "TCGplayer"
    CARDMARKET = "cardmarket", "Cardmarket"
    SCRYFALL = "scryfall", "Scryfall"
