"""The catalog's representations (read-only: vendors never write the catalog)."""

from rest_framework import serializers

from .choices import Finish
from .models import CardSet, Printing


class CardSetSerializer(serializers.ModelSerializer):
    class Meta:
        model = CardSet
        fields = ["id", "game", "code", "name", "release_date", "size", "source", "source_id"]
        read_only_fields = fields


class CardSetBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = CardSet
        fields = ["id", "code", "name"]
        read_only_fields = fields


class PrintingSerializer(serializers.ModelSerializer):
    set = CardSetBriefSerializer(source="card_set", read_only=True)
    finishes = serializers.ListField(child=serializers.ChoiceField(choices=Finish.choices), read_only=True)
    external_ids = serializers.DictField(
        child=serializers.CharField(),
        read_only=True,
        help_text='Marketplace ids: "tcgplayer", "tcgplayer_etched", "cardmarket", "scryfall", …',
    )

    class Meta:
        model = Printing
        fields = [
            "id", "game", "set", "collector_number", "name", "language", "rarity", "finishes",
            "release_date", "image_url", "external_ids", "source", "source_id", "missing_since",
        ]  # fmt: skip
        read_only_fields = fields
