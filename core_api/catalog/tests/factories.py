import factory
from factory.django import DjangoModelFactory

from catalog.choices import Game, Language, Source
from catalog.models import CardSet, Printing, remember_names


class CardSetFactory(DjangoModelFactory[CardSet]):
    class Meta:
        model = CardSet
        django_get_or_create = ("source", "source_id")

    source = Source.SCRYFALL
    source_id = factory.Sequence(lambda n: f"set{n}")
    game = Game.MTG
    code = factory.LazyAttribute(lambda s: s.source_id.upper())
    name = factory.Sequence(lambda n: f"Expansion {n}")


class PrintingFactory(DjangoModelFactory[Printing]):
    class Meta:
        model = Printing
        skip_postgeneration_save = True

    source = factory.LazyAttribute(lambda p: p.card_set.source)
    source_id = factory.Sequence(lambda n: f"printing-{n}")
    card_set = factory.SubFactory(CardSetFactory)
    game = factory.LazyAttribute(lambda p: p.card_set.game)
    name = factory.Sequence(lambda n: f"Card {n}")
    collector_number = factory.Sequence(lambda n: str(n + 1))
    language = Language.EN
    rarity = "common"
    finishes = factory.LazyFunction(lambda: ["normal"])
    external_ids = factory.LazyFunction(dict)

    @factory.post_generation
    def lexicon(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            remember_names([str(self.name)])
