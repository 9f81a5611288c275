"""Commit and discard, through the API: all or nothing, stale previews, SKU races, committing twice."""

from unittest import mock

import pytest
from django.db import DatabaseError
from django.db.models import Sum
from django.urls import reverse

from collectibles.models import Collectible, StockMovement
from collectibles.tests.factories import CardFactory
from imports.models import ImportBatch, ImportRow
from imports.tests.conftest import rows_of, tcg_file, tcg_row, url

pytestmark = pytest.mark.django_db

# --- commit ----------------------------------------------------------------------------


def test_commit_applies_every_valid_row(owner_client, upload, vendor, owner):
    existing = CardFactory(vendor=vendor, name="Raichu", quantity=1, external_ids={"tcgplayer": "1002"})
    content = tcg_file(
        tcg_row(1001, quantity=2),
        tcg_row(1002, name="Raichu", quantity=5),
        tcg_row(1003, condition="Unknown"),
    )
    batch_id = upload(owner_client, content).data["id"]
    response = owner_client.post(url(batch_id, "commit"))
    assert response.status_code == 200, response.data
    assert response.data["status"] == "committed"
    assert response.data["committed_by"]["username"] == owner.username
    created = Collectible.objects.get(external_ids__tcgplayer="1001")
    assert (created.name, created.quantity, created.vendor, created.currency) == ("Pikachu", 2, vendor, "USD")
    assert created.card_details.card_number == "58/102"
    existing.refresh_from_db()
    assert (existing.quantity, existing.version) == (5, 2)
    movements = StockMovement.objects.filter(import_batch_id=batch_id)
    assert {(m.collectible_id, m.delta, m.reason) for m in movements} == {
        (created.pk, 2, "import"),
        (existing.pk, 4, "import"),
    }


def test_committed_items_are_found_by_the_list_filters_and_search(owner_client, upload):
    """Imported card details reach the item's filter columns and the search
    lexicon (database triggers, however the rows were written)."""
    content = tcg_file(
        tcg_row(1001, name="Gengar", set_name="Fossil"), tcg_row(1002, name="Mew", set_name="Promo")
    )
    batch_id = upload(owner_client, content).data["id"]
    assert owner_client.post(url(batch_id, "commit")).status_code == 200
    listing = reverse("collectible-list")

    def names(**params):
        return sorted(item["name"] for item in owner_client.get(listing, params).data["results"])

    assert names(game="pokemon", language="EN") == ["Gengar", "Mew"]
    assert names(search="fosil") == ["Gengar"]
    assert names(search="gengr") == ["Gengar"]


def test_committed_items_show_the_import_in_their_history(owner_client, upload):
    batch_id = upload(owner_client, tcg_file(tcg_row(1001))).data["id"]
    owner_client.post(url(batch_id, "commit"))
    item = Collectible.objects.get()
    history = owner_client.get(reverse("collectible-history", args=[item.pk])).data["results"]
    assert [(e["action"], e["label"]) for e in history] == [("created", f"Import #{batch_id}")]
    assert history[0]["user"] is not None
    assert {"name", "card_details.set_name"} <= {c["field"] for c in history[0]["changes"]}


def test_ledger_still_adds_up_after_import(owner_client, upload, vendor):
    item = CardFactory(vendor=vendor, quantity=0, external_ids={"tcgplayer": "1001"})
    batch_id = upload(owner_client, tcg_file(tcg_row(1001, quantity=6))).data["id"]
    owner_client.post(url(batch_id, "commit"))
    item.refresh_from_db()
    total = StockMovement.objects.filter(collectible_id=item.pk).aggregate(t=Sum("delta"))["t"]
    assert total == item.quantity == 6


def test_commit_is_all_or_nothing(owner_client, upload, vendor):
    existing = CardFactory(vendor=vendor, name="Raichu", quantity=1, external_ids={"tcgplayer": "1002"})
    content = tcg_file(tcg_row(1001), tcg_row(1002, name="Raichu", quantity=5))
    batch_id = upload(owner_client, content).data["id"]
    with (
        # Fail on the last write of the commit (the created rows' ids), after items were already written.
        mock.patch("imports.services.commit.copy_update", side_effect=[None, DatabaseError("disk full")]),
        pytest.raises(DatabaseError),
    ):
        owner_client.post(url(batch_id, "commit"))
    existing.refresh_from_db()
    assert existing.quantity == 1
    assert Collectible.objects.count() == 1
    assert ImportBatch.objects.get(pk=batch_id).status == "preview"


def test_commit_twice_is_409(owner_client, upload):
    batch_id = upload(owner_client, tcg_file(tcg_row(1001))).data["id"]
    owner_client.post(url(batch_id, "commit"))
    response = owner_client.post(url(batch_id, "commit"))
    assert response.status_code == 409
    assert "committed" in response.data["detail"]
    assert Collectible.objects.count() == 1


def test_commit_of_a_stale_preview_is_409(owner_client, upload, vendor):
    item = CardFactory(vendor=vendor, quantity=1, external_ids={"tcgplayer": "1002"})
    batch_id = upload(owner_client, tcg_file(tcg_row(1001), tcg_row(1002, quantity=5))).data["id"]
    owner_client.patch(reverse("collectible-detail", args=[item.pk]), {"price": "99.00"}, format="json")
    response = owner_client.post(url(batch_id, "commit"))
    assert response.status_code == 409
    assert response.data["items"] == [
        {
            "line": 3,
            "collectible": item.pk,
            "name": item.name,
            "reason": "changed or deleted since the preview",
        }
    ]
    assert Collectible.objects.count() == 1


def test_commit_refuses_when_a_new_item_took_the_sku(owner_client, upload, vendor):
    content = b"sku,name,condition,quantity,price,game,language\nNEW-1,Card,NM,1,1,,\n"
    batch_id = upload(owner_client, content).data["id"]
    CardFactory(vendor=vendor, sku="NEW-1")
    response = owner_client.post(url(batch_id, "commit"))
    assert response.status_code == 409
    assert ImportBatch.objects.get(pk=batch_id).status == "preview"


def test_commit_refuses_when_another_item_took_the_sku_an_update_moves_to(owner_client, upload, vendor):
    item = CardFactory(vendor=vendor, sku="", quantity=1, external_ids={"tcgplayer": "1001"})
    content = (
        b"sku,name,condition,quantity,price,game,language,external_id:tcgplayer\n"
        b"NEW,Card,NM,4,1,pokemon,EN,1001\n"
    )
    batch_id = upload(owner_client, content).data["id"]
    assert rows_of(owner_client, batch_id)[2]["changes"]["sku"] == ["", "NEW"]
    CardFactory(vendor=vendor, sku="NEW")

    response = owner_client.post(url(batch_id, "commit"))
    assert response.status_code == 409, response.data
    assert "SKU" in response.data["detail"]
    item.refresh_from_db()
    assert (item.sku, item.quantity, item.version) == ("", 1, 1)
    assert not StockMovement.objects.filter(import_batch_id=batch_id).exists()
    assert ImportBatch.objects.get(pk=batch_id).status == "preview"
    assert not ImportRow.objects.filter(batch_id=batch_id, before__isnull=False).exists()


def test_discard_a_preview(owner_client, upload):
    batch_id = upload(owner_client, tcg_file(tcg_row(1001))).data["id"]
    assert owner_client.delete(url(batch_id)).status_code == 204
    assert not ImportRow.objects.exists()
    batch_id = upload(owner_client, tcg_file(tcg_row(1001))).data["id"]
    owner_client.post(url(batch_id, "commit"))
    assert owner_client.delete(url(batch_id)).status_code == 409


# --- a file previewed twice and committed twice (issue 10 §4) ---------------------------


def test_the_same_file_committed_twice_creates_its_items_once(owner_client, upload, vendor):
    content = tcg_file(tcg_row(1001), tcg_row(1002, name="Raichu"))
    first = upload(owner_client, content).data["id"]
    second = upload(owner_client, content).data["id"]
    assert owner_client.post(url(first, "commit")).status_code == 200
    created = {item.external_ids["tcgplayer"]: item for item in Collectible.objects.all()}

    response = owner_client.post(url(second, "commit"))
    assert response.status_code == 409, response.data
    reason = "would create an item that exists now (matched since the preview)"
    assert response.data == {
        "detail": "2 row(s) would create items that exist now; upload the file again.",
        "items": [
            {"line": 2, "collectible": created["1001"].pk, "name": "Pikachu", "reason": reason},
            {"line": 3, "collectible": created["1002"].pk, "name": "Raichu", "reason": reason},
        ],
    }
    assert Collectible.objects.count() == 2
    assert not StockMovement.objects.filter(import_batch_id=second).exists()
    assert ImportBatch.objects.get(pk=second).status == "preview"


def test_an_item_added_since_the_preview_makes_the_commit_409_and_nothing_is_written(
    owner_client, upload, vendor
):
    updated = CardFactory(vendor=vendor, sku="R-1", name="Raichu", quantity=1)
    content = (
        b"sku,name,condition,quantity,price,game,set_code,card_number,language\n"
        b",Mew,NM,1,1,pokemon,MEW,151,EN\n"
        b"R-1,Raichu,NM,7,1,,,,\n"
    )
    batch_id = upload(owner_client, content).data["id"]
    added = CardFactory(
        vendor=vendor,
        name="Mew (added by hand)",
        condition="NM",
        card_details__game="pokemon",
        card_details__set_code="MEW",
        card_details__card_number="151",
        card_details__language="EN",
        card_details__finish="normal",
    )
    response = owner_client.post(url(batch_id, "commit"))
    assert response.status_code == 409, response.data
    assert response.data["items"] == [
        {
            "line": 2,
            "collectible": added.pk,
            "name": "Mew (added by hand)",
            "reason": "would create an item that exists now (matched since the preview)",
        }
    ]
    assert Collectible.objects.count() == 2
    updated.refresh_from_db()
    assert (updated.quantity, updated.version) == (1, 1)
