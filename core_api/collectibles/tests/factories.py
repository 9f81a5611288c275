from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from accounts.tests.factories import VendorFactory
from collectibles.choices import Condition, Finish, Game, Language, MarketRegion
from collectibles.models import CardDetails, Collectible


class CollectibleFactory(DjangoModelFactory[Collectible]):
    """A stock line without card details (sealed product)."""

    class Meta:
        model = Collectible

    vendor = factory.SubFactory(VendorFactory)
    user = None
    name = factory.Sequence(lambda n: f"Booster Box {n}")
    condition = Condition.NEAR_MINT
    quantity = 1
    price = Decimal("9.99")
    currency = "USD"
    external_ids = factory.LazyFunction(dict)


class CardDetailsFactory(DjangoModelFactory[CardDetails]):
    class Meta:
        model = CardDetails

    collectible = factory.SubFactory(CollectibleFactory)
    game = Game.POKEMON
    set_name = "Base Set"
    set_code = "BS"
    # A denominator no test file uses, so factory cards never match a row under test by accident.
    card_number = factory.Sequence(lambda n: f"{n + 1}/999")
    rarity = "Rare"
    language = Language.EN
    market_region = MarketRegion.NA
    finish = Finish.NORMAL


class CardFactory(CollectibleFactory):
    """A single card: a collectible with card details (pass `card_details__language=...`)."""

    class Meta:
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Card {n}")
    card_details = factory.RelatedFactory(CardDetailsFactory, factory_related_name="collectible")
