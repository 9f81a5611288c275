"""Realistic random stock lines, reproducible from a seed.

Used by `seed_demo` (a few hundred lines through the services) and by the
benchmark loader (a million rows through COPY): both want the same shape of
data a real card shop has.
"""

import datetime as dt
import math
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..choices import Condition, Finish, Game, GradingCompany
from .vocabulary import CARD_NAMES, LANGUAGES_BY_GAME, RARITIES, REGION_BY_LANGUAGE, SEALED_PRODUCTS, SETS

CONDITION_WEIGHTS = {
    Condition.MINT: 8,
    Condition.NEAR_MINT: 50,
    Condition.LIGHTLY_PLAYED: 20,
    Condition.MODERATELY_PLAYED: 12,
    Condition.HEAVILY_PLAYED: 6,
    Condition.DAMAGED: 4,
}
FINISHES_BY_GAME = {
    Game.POKEMON: (Finish.NORMAL, Finish.HOLO, Finish.REVERSE_HOLO),
    Game.MTG: (Finish.NORMAL, Finish.FOIL, Finish.ETCHED),
}
# Currencies whose prices have no minor unit in practice.
WHOLE_UNIT_CURRENCIES = {"JPY": 150, "KRW": 1350}


@dataclass
class StockLine:
    name: str
    sku: str
    condition: str
    quantity: int
    price: Decimal
    currency: str
    release_date: dt.date | None
    external_ids: dict[str, Any]
    description: str = ""
    card_details: dict[str, Any] | None = field(default=None)

    def as_service_kwargs(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _price(rng: random.Random, currency: str) -> Decimal:
    # Log-normal: most singles are a few units, a long tail of chase cards.
    usd = math.exp(rng.gauss(1.4, 1.4))
    if currency in WHOLE_UNIT_CURRENCIES:
        return Decimal(round(usd * WHOLE_UNIT_CURRENCIES[currency]))
    return Decimal(str(round(min(usd, 250_000), 2)))


def _release_date(rng: random.Random, year: int) -> dt.date:
    return dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))


def _quantity(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.1:
        return 0
    if roll < 0.85:
        return rng.randint(1, 4)
    return rng.randint(5, 60)


def stock_lines(
    rng: random.Random, count: int, currency: str = "USD", sku_prefix: str = "DEMO"
) -> Iterator[StockLine]:
    """`count` stock lines: about 95% single cards, 5% sealed product."""
    conditions = list(CONDITION_WEIGHTS)
    weights = list(CONDITION_WEIGHTS.values())
    for index in range(count):
        card_set = rng.choice(SETS)
        sku = f"{sku_prefix}-{index + 1:07d}"
        if rng.random() < 0.05:
            product = rng.choice(SEALED_PRODUCTS)
            yield StockLine(
                name=f"{card_set.name} {product}",
                sku=sku,
                condition=Condition.MINT,
                quantity=rng.randint(0, 12),
                price=_price(rng, currency) * 20,
                currency=currency,
                release_date=_release_date(rng, card_set.year),
                external_ids={"tcgplayer": str(rng.randint(100_000, 599_999))},
                description=f"Factory-sealed {product.lower()}.",
            )
            continue
        game = card_set.game
        language = rng.choice(LANGUAGES_BY_GAME[game])
        region = rng.choice(REGION_BY_LANGUAGE[language])
        graded = rng.random() < 0.08
        company = rng.choice(list(GradingCompany)) if graded else None
        grade = Decimal(rng.choice(["7", "8", "8.5", "9", "9.5", "10"])) if graded else None
        external_ids: dict[str, Any] = {}
        if language == "EN":
            external_ids["tcgplayer"] = str(rng.randint(1_000, 599_999))
        if region == "EU":
            external_ids["cardmarket"] = str(rng.randint(1_000, 799_999))
        if game == Game.MTG:
            external_ids["scryfall"] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        yield StockLine(
            name=rng.choice(CARD_NAMES[game]),
            sku=sku,
            condition=Condition.MINT if graded else rng.choices(conditions, weights)[0],
            quantity=1 if graded else _quantity(rng),
            price=_price(rng, currency) * (5 if graded else 1),
            currency=currency,
            release_date=_release_date(rng, card_set.year),
            external_ids=external_ids,
            card_details={
                "game": game,
                "set_name": card_set.name,
                "set_code": card_set.code,
                "card_number": f"{rng.randint(1, card_set.size)}/{card_set.size}",
                "rarity": rng.choice(RARITIES[game]),
                "language": language,
                "market_region": region,
                "finish": rng.choice(FINISHES_BY_GAME.get(game, (Finish.NORMAL, Finish.FOIL))),
                "grading_company": company,
                "grade": grade,
            },
        )
