"""Descriptions are at most 5,000 characters, whoever writes them (issue 10 §4)."""

import pytest
from django.db import IntegrityError
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator

from collectibles.models import Collectible
from collectibles.tests.factories import CardFactory

pytestmark = pytest.mark.django_db

MAX_DESCRIPTION_LENGTH = 5000

LIST_URL = reverse("collectible-list")
TOO_LONG = "x" * (MAX_DESCRIPTION_LENGTH + 1)


def test_create_with_a_description_over_the_limit_is_400(owner_client):
    body = {"name": "Pikachu", "description": TOO_LONG}
    response = owner_client.post(LIST_URL, body, format="json")
    assert response.status_code == 400
    assert response.data == {"description": ["Ensure this field has no more than 5000 characters."]}
    assert not Collectible.objects.exists()


def test_a_description_of_exactly_the_limit_is_accepted(owner_client):
    body = {"name": "Pikachu", "description": "x" * MAX_DESCRIPTION_LENGTH}
    response = owner_client.post(LIST_URL, body, format="json")
    assert response.status_code == 201, response.data
    assert len(Collectible.objects.get().description) == MAX_DESCRIPTION_LENGTH


def test_patch_with_a_description_over_the_limit_is_400(owner_client, vendor):
    item = CardFactory(vendor=vendor, description="short")
    response = owner_client.patch(
        reverse("collectible-detail", args=[item.pk]), {"description": TOO_LONG}, format="json"
    )
    assert response.status_code == 400
    assert "description" in response.data
    item.refresh_from_db()
    assert (item.description, item.version) == ("short", 1)


def test_bulk_edit_with_a_description_over_the_limit_is_400(owner_client, vendor):
    items = [CardFactory(vendor=vendor, description="") for _ in range(3)]
    body = {"action": "update", "ids": [item.pk for item in items], "changes": {"description": TOO_LONG}}
    response = owner_client.post(reverse("collectible-bulk"), body, format="json")
    assert response.status_code == 400
    assert "description" in response.data["changes"]
    assert not Collectible.objects.exclude(description="").exists()


def test_the_database_refuses_a_description_over_the_limit(vendor):
    """Writers that skip the serializers (admin, bulk SQL, scripts) are bound too."""
    item = CardFactory(vendor=vendor)
    with pytest.raises(IntegrityError):
        Collectible.objects.filter(pk=item.pk).update(description=TOO_LONG)


def test_the_contract_carries_the_limit():
    schema = SchemaGenerator(api_version="v1").get_schema(request=None, public=True)
    for name in ("CollectibleRequest", "PatchedCollectibleRequest", "BulkChangesRequest"):
        description = schema["components"]["schemas"][name]["properties"]["description"]
        assert description["maxLength"] == MAX_DESCRIPTION_LENGTH, name
