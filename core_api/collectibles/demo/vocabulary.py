"""Real trading-card vocabulary for demo data and benchmarks.

Names, sets and set codes are real so search, filters and typo tolerance can be
tried on data that looks like a shop's stock.
"""

from dataclasses import dataclass

from ..choices import Game, Language, MarketRegion


@dataclass(frozen=True)
class CardSet:
    game: Game
    name: str
    code: str
    year: int
    size: int  # printed cards in the set, for realistic card numbers


SETS: tuple[CardSet, ...] = (
    CardSet(Game.POKEMON, "Base Set", "BS", 1999, 102),
    CardSet(Game.POKEMON, "Jungle", "JU", 1999, 64),
    CardSet(Game.POKEMON, "Fossil", "FO", 1999, 62),
    CardSet(Game.POKEMON, "Team Rocket", "TR", 2000, 83),
    CardSet(Game.POKEMON, "Neo Genesis", "N1", 2000, 111),
    CardSet(Game.POKEMON, "Hidden Fates", "HIF", 2019, 69),
    CardSet(Game.POKEMON, "Evolving Skies", "EVS", 2021, 203),
    CardSet(Game.POKEMON, "Celebrations", "CEL", 2021, 25),
    CardSet(Game.POKEMON, "Crown Zenith", "CRZ", 2023, 159),
    CardSet(Game.POKEMON, "Scarlet & Violet 151", "MEW", 2023, 165),
    CardSet(Game.POKEMON, "Obsidian Flames", "OBF", 2023, 197),
    CardSet(Game.POKEMON, "Prismatic Evolutions", "PRE", 2025, 131),
    CardSet(Game.MTG, "Limited Edition Alpha", "LEA", 1993, 295),
    CardSet(Game.MTG, "Revised Edition", "3ED", 1994, 306),
    CardSet(Game.MTG, "Modern Horizons 2", "MH2", 2021, 303),
    CardSet(Game.MTG, "Dominaria United", "DMU", 2022, 281),
    CardSet(Game.MTG, "The Lord of the Rings: Tales of Middle-earth", "LTR", 2023, 281),
    CardSet(Game.MTG, "Wilds of Eldraine", "WOE", 2023, 276),
    CardSet(Game.MTG, "Murders at Karlov Manor", "MKM", 2024, 286),
    CardSet(Game.MTG, "Bloomburrow", "BLB", 2024, 281),
    CardSet(Game.YUGIOH, "Legend of Blue Eyes White Dragon", "LOB", 2002, 126),
    CardSet(Game.YUGIOH, "Metal Raiders", "MRD", 2002, 144),
    CardSet(Game.YUGIOH, "Pharaoh's Servant", "PSV", 2002, 105),
    CardSet(Game.YUGIOH, "25th Anniversary Rarity Collection", "RA01", 2023, 100),
    CardSet(Game.YUGIOH, "Phantom Nightmare", "PHNI", 2024, 100),
    CardSet(Game.ONE_PIECE, "Romance Dawn", "OP01", 2022, 121),
    CardSet(Game.ONE_PIECE, "Paramount War", "OP02", 2023, 121),
    CardSet(Game.ONE_PIECE, "Awakening of the New Era", "OP05", 2023, 119),
    CardSet(Game.LORCANA, "The First Chapter", "TFC", 2023, 204),
    CardSet(Game.LORCANA, "Rise of the Floodborn", "ROF", 2023, 204),
    CardSet(Game.LORCANA, "Shimmering Skies", "SSK", 2024, 204),
    CardSet(Game.SPORTS, "Topps Chrome Baseball", "TCB", 2018, 200),
    CardSet(Game.SPORTS, "Panini Prizm Basketball", "PPB", 2019, 300),
    CardSet(Game.SPORTS, "Upper Deck Hockey", "UDH", 2005, 250),
    CardSet(Game.SPORTS, "Bowman Chrome Baseball", "BCB", 2023, 200),
)

CARD_NAMES: dict[Game, tuple[str, ...]] = {
    Game.POKEMON: (
        "Charizard",
        "Blastoise",
        "Venusaur",
        "Pikachu",
        "Mewtwo",
        "Mew",
        "Gengar",
        "Umbreon VMAX",
        "Rayquaza VMAX",
        "Lugia",
        "Dragonite",
        "Gyarados",
        "Snorlax",
        "Eevee",
        "Sylveon ex",
        "Greninja",
        "Lucario",
        "Gardevoir ex",
        "Alakazam",
        "Machamp",
        "Ninetales",
        "Zapdos",
        "Moltres",
        "Articuno",
        "Jigglypuff",
    ),
    Game.MTG: (
        "Black Lotus",
        "Lightning Bolt",
        "Counterspell",
        "Sol Ring",
        "Llanowar Elves",
        "Serra Angel",
        "Shivan Dragon",
        "Dark Ritual",
        "Swords to Plowshares",
        "Ragavan, Nimble Pilferer",
        "The One Ring",
        "Sheoldred, the Apocalypse",
        "Orcish Bowmasters",
        "Thoughtseize",
        "Force of Will",
        "Tarmogoyf",
        "Birds of Paradise",
        "Mox Sapphire",
        "Wrenn and Six",
        "Urza's Saga",
    ),
    Game.YUGIOH: (
        "Blue-Eyes White Dragon",
        "Dark Magician",
        "Exodia the Forbidden One",
        "Red-Eyes Black Dragon",
        "Summoned Skull",
        "Dark Magician Girl",
        "Pot of Greed",
        "Mirror Force",
        "Monster Reborn",
        "Raigeki",
        "Ash Blossom & Joyous Spring",
        "Accesscode Talker",
        "Kuriboh",
        "Jinzo",
        "Harpie's Feather Duster",
    ),
    Game.ONE_PIECE: (
        "Monkey.D.Luffy",
        "Roronoa Zoro",
        "Nami",
        "Trafalgar Law",
        "Portgas.D.Ace",
        "Shanks",
        "Boa Hancock",
        "Sanji",
        "Nico Robin",
        "Yamato",
        "Kaido",
        "Edward Newgate",
    ),
    Game.LORCANA: (
        "Elsa - Spirit of Winter",
        "Mickey Mouse - Brave Little Tailor",
        "Stitch - Rock Star",
        "Maleficent - Monstrous Dragon",
        "Ursula - Power Hungry",
        "Belle - Strange but Special",
        "Genie - On the Job",
        "Rapunzel - Gifted with Healing",
    ),
    Game.SPORTS: (
        "Michael Jordan",
        "LeBron James",
        "Shohei Ohtani",
        "Mike Trout",
        "Patrick Mahomes",
        "Tom Brady",
        "Wayne Gretzky",
        "Connor McDavid",
        "Victor Wembanyama",
        "Luka Dončić",
        "Ken Griffey Jr.",
        "Derek Jeter",
    ),
    Game.OTHER: ("Promo Card",),
}

RARITIES: dict[Game, tuple[str, ...]] = {
    Game.POKEMON: ("Common", "Uncommon", "Rare", "Holo Rare", "Ultra Rare", "Secret Rare"),
    Game.MTG: ("Common", "Uncommon", "Rare", "Mythic Rare"),
    Game.YUGIOH: ("Common", "Rare", "Super Rare", "Ultra Rare", "Secret Rare"),
    Game.ONE_PIECE: ("Common", "Uncommon", "Rare", "Super Rare", "Secret Rare", "Leader"),
    Game.LORCANA: ("Common", "Uncommon", "Rare", "Super Rare", "Legendary", "Enchanted"),
    Game.SPORTS: ("Base", "Refractor", "Rookie", "Autograph", "Numbered /99"),
    Game.OTHER: ("Promo",),
}

SEALED_PRODUCTS: tuple[str, ...] = (
    "Booster Box",
    "Elite Trainer Box",
    "Collector Booster Box",
    "Booster Pack",
    "Starter Deck",
    "Bundle",
)

# Which languages a game is usually printed in, and the market each language sells in.
LANGUAGES_BY_GAME: dict[Game, tuple[Language, ...]] = {
    Game.POKEMON: (
        Language.EN,
        Language.JA,
        Language.DE,
        Language.FR,
        Language.IT,
        Language.ES,
        Language.PT,
        Language.KO,
        Language.ZH,
    ),
    Game.MTG: (
        Language.EN,
        Language.JA,
        Language.DE,
        Language.FR,
        Language.IT,
        Language.ES,
        Language.PT,
        Language.KO,
        Language.ZH,
        Language.RU,
    ),
    Game.YUGIOH: (Language.EN, Language.JA, Language.DE, Language.FR, Language.IT, Language.KO),
    Game.ONE_PIECE: (Language.EN, Language.JA, Language.ZH),
    Game.LORCANA: (Language.EN, Language.DE, Language.FR, Language.JA),
    Game.SPORTS: (Language.EN,),
    Game.OTHER: (Language.EN,),
}

REGION_BY_LANGUAGE: dict[Language, tuple[MarketRegion, ...]] = {
    Language.EN: (MarketRegion.NA, MarketRegion.EU, MarketRegion.OCE, MarketRegion.GLOBAL),
    Language.JA: (MarketRegion.JP,),
    Language.DE: (MarketRegion.EU,),
    Language.FR: (MarketRegion.EU,),
    Language.IT: (MarketRegion.EU,),
    Language.ES: (MarketRegion.EU, MarketRegion.LATAM),
    Language.PT: (MarketRegion.LATAM, MarketRegion.EU),
    Language.KO: (MarketRegion.KR,),
    Language.ZH: (MarketRegion.CN, MarketRegion.ASIA),
    Language.RU: (MarketRegion.EU,),
}
