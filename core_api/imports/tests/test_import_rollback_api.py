"""Roll back, through the API: exactly the pre-import state, or 409."""

from decimal import Decimal

import pytest
from django.db.models import Sum
from django.urls import reverse

from collectibles.models import CardDetails, Collectible, StockMovement
from collectibles.tests.factories import CardFactory
from imports.models import ImportBatch
from imports.tests.conftest import tcg_file, tcg_row, url

pytestmark = pytest.mark.django_db

# --- rollback ----------------------------------------------------------------------------


def test_rollback_restores_exactly_the_pre_import_state(owner_client, upload, vendor):
    existing = CardFactory(
        vendor=vendor,
        name="Raichu",
        quantity=1,
        price=Decimal("9.00"),
        external_ids={"tcgplayer": "1002"},
        card_details__set_code="BS",
        card_details__rarity="Rare",
    )
    before = (
        existing.name,
        existing.quantity,
        existing.price,
        existing.card_details.rarity,
        existing.card_details.set_code,
    )
    content = tcg_file(tcg_row(1001, quantity=2), tcg_row(1002, name="Raichu", quantity=5, price="12.00"))
    batch_id = upload(owner_client, content).data["id"]
    owner_client.post(url(batch_id, "commit"))

    response = owner_client.post(url(batch_id, "rollback"))
    assert response.status_code == 200, response.data
    assert response.data["status"] == "rolled_back"
    existing.refresh_from_db()
    details = CardDetails.objects.get(pk=existing.pk)
    assert (existing.name, existing.quantity, existing.price, details.rarity, details.set_code) == before
    assert Collectible.objects.count() == 1
    # The import's stock movements, and their reversal, net to zero for every item it touched.
    for pk in StockMovement.objects.values_list("collectible_id", flat=True).distinct():
        assert StockMovement.objects.filter(collectible_id=pk).aggregate(t=Sum("delta"))["t"] == 0
    history = owner_client.get(reverse("collectible-history", args=[existing.pk])).data["results"]
    assert history[0]["label"] == f"Import #{batch_id} rolled back"


def test_rollback_refuses_when_an_item_changed_after_the_import(owner_client, upload, vendor):
    content = tcg_file(tcg_row(1001, quantity=2), tcg_row(1002, name="Mew", quantity=1))
    batch_id = upload(owner_client, content).data["id"]
    owner_client.post(url(batch_id, "commit"))
    sold = Collectible.objects.get(external_ids__tcgplayer="1001")
    owner_client.post(
        reverse("collectible-adjust", args=[sold.pk]), {"delta": -1, "reason": "sale"}, format="json"
    )

    response = owner_client.post(url(batch_id, "rollback"))
    assert response.status_code == 409
    assert response.data["items"] == [
        {
            "line": 2,
            "collectible": sold.pk,
            "name": "Pikachu",
            "reason": "changed since the import (version 1 → 2)",
        }
    ]
    assert Collectible.objects.count() == 2
    assert ImportBatch.objects.get(pk=batch_id).status == "committed"


def test_rollback_only_after_commit_and_only_once(owner_client, upload):
    batch_id = upload(owner_client, tcg_file(tcg_row(1001))).data["id"]
    assert owner_client.post(url(batch_id, "rollback")).status_code == 409
    owner_client.post(url(batch_id, "commit"))
    assert owner_client.post(url(batch_id, "rollback")).status_code == 200
    assert owner_client.post(url(batch_id, "rollback")).status_code == 409
