"""The card vocabulary shared by the catalog and the shop's stock: games,
languages and finishes, plus where a catalog record came from."""

from django.db import models


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


class Finish(models.TextChoices):
    NORMAL = "normal", "Normal"
    FOIL = "foil", "Foil"
    REVERSE_HOLO = "reverse_holo", "Reverse holo"
    HOLO = "holo", "Holo"
    ETCHED = "etched", "Etched"
    OTHER = "other", "Other"


class Source(models.TextChoices):
    """A public card database the catalog is loaded from (docs/catalog.md)."""

    SCRYFALL = "scryfall", "Scryfall (Magic: The Gathering)"
    POKEMONTCG = "pokemontcg", "Pokémon TCG data"
    YGOPRODECK = "ygoprodeck", "YGOPRODeck (Yu-Gi-Oh!)"
    TCGCSV = "tcgcsv", "TCGCSV (TCGplayer's catalog)"
    DEMO = "demo", "Generated demo catalog"
