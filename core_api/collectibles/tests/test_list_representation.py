"""Lists render rows from `.values()` (common/rows.py); a row must read exactly
as the serializer (and the detail endpoint) renders it."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework import serializers
from rest_framework.test import APIRequestFactory

from collectibles.models import CARD_DETAILS_FIELDS, Collectible
from collectibles.serializers import CollectibleSerializer
from collectibles.tests.factories import CardFactory, CollectibleFactory
from collectibles.views import list_representation
from common.rows import ValuesRepresentation

pytestmark = pytest.mark.django_db

LIST_URL = reverse("collectible-list")


@pytest.fixture
def varied(vendor, owner):
    """Every kind of value a field can hold: graded and ungraded cards, sealed
    product, an image, external ids, a missing release date, a creator."""
    graded = CardFactory(
        vendor=vendor,
        user=owner,
        name="Charizard — 1st Edition",
        description="Shadowless, centred.",
        sku="BS-4",
        price=Decimal("12500.00"),
        external_ids={"tcgplayer": "83712", "cardmarket": 273699},
        card_details__grading_company="PSA",
        card_details__grade=Decimal("9.5"),
        card_details__finish="holo",
    )
    graded.image.name = "collectibles/2026/11/charizard.png"
    graded.save(update_fields=["image"])
    sealed = CollectibleFactory(vendor=vendor, name="Evolving Skies Booster Box", release_date=None)
    plain = CardFactory(vendor=vendor, card_details__language="JA", card_details__market_region="JP")
    return [graded, sealed, plain]


def test_list_rows_equal_the_detail_of_the_same_row(owner_client, varied):
    rows = owner_client.get(LIST_URL).json()["results"]
    assert len(rows) == len(varied)
    for row in rows:
        assert row == owner_client.get(reverse("collectible-detail", args=[row["id"]])).json()


def test_values_rows_equal_the_serializer_output(varied, vendor):
    request = APIRequestFactory().get(LIST_URL)
    queryset = Collectible.objects.filter(vendor=vendor).select_related("card_details").order_by("id")
    expected = CollectibleSerializer(queryset, many=True, context={"request": request}).data
    assert list_representation().render(queryset, request) == expected


def test_the_list_renders_every_field_the_serializer_declares():
    assert [column.name for column in list_representation().plan] == CollectibleSerializer.Meta.fields
    (card_details,) = (column for column in list_representation().plan if column.name == "card_details")
    assert [column.name for column in card_details.nested] == list(CARD_DETAILS_FIELDS)


def test_a_field_without_a_column_is_refused_at_startup():
    class Computed(serializers.ModelSerializer):
        label = serializers.SerializerMethodField()

        class Meta:
            model = Collectible
            fields = ["id", "label"]

        def get_label(self, obj):
            return obj.name

    with pytest.raises(TypeError, match="label"):
        ValuesRepresentation(Computed)


def test_values_rows_follow_the_current_time_zone_as_the_serializer_does(varied, vendor):
    queryset = Collectible.objects.filter(vendor=vendor).select_related("card_details").order_by("id")
    with timezone.override("Asia/Tokyo"):
        expected = CollectibleSerializer(queryset, many=True).data
        rendered = list_representation().render(queryset)
    assert rendered == expected
    assert rendered[0]["created_at"].endswith("+09:00")
