"""Import batches through the API: listing, vendor isolation, roles, the list's import filter."""

from decimal import Decimal
from unittest import mock

import pytest
from django.urls import reverse

from collectibles.models import Collectible
from collectibles.tests.factories import CardFactory
from imports.models import ImportBatch
from imports.tests.conftest import IMPORTS_URL, rows_of, sample, tcg_file, tcg_row, url

pytestmark = pytest.mark.django_db

# --- listing, isolation, roles --------------------------------------------------------------


def test_batches_are_listed_newest_first_with_counts_and_who(owner_client, editor_client, upload, editor):
    upload(owner_client, tcg_file(tcg_row(1001)))
    upload(editor_client, sample("deckbox.csv"))
    body = owner_client.get(IMPORTS_URL).data
    assert body["count"] == 2
    newest = body["results"][0]
    assert (newest["format"], newest["created_by"]["username"]) == ("deckbox", editor.username)
    assert newest["counts"]["create"] == 3


def test_batches_are_vendor_scoped(owner_client, other_client, upload):
    batch_id = upload(owner_client, tcg_file(tcg_row(1001))).data["id"]
    assert other_client.get(IMPORTS_URL).data["count"] == 0
    for response in (
        other_client.get(url(batch_id)),
        other_client.get(url(batch_id, "rows")),
        other_client.post(url(batch_id, "commit")),
        other_client.post(url(batch_id, "rollback")),
        other_client.delete(url(batch_id)),
    ):
        assert response.status_code == 404
    assert ImportBatch.objects.get(pk=batch_id).status == "preview"


def test_import_matches_only_the_callers_inventory(owner_client, upload, other_vendor):
    CardFactory(vendor=other_vendor, external_ids={"tcgplayer": "1001"})
    body = upload(owner_client, tcg_file(tcg_row(1001))).data
    assert body["counts"]["create"] == 1


def test_viewers_can_read_but_not_import(viewer_client, owner_client, upload):
    assert upload(viewer_client, tcg_file(tcg_row(1001))).status_code == 403
    batch_id = upload(owner_client, tcg_file(tcg_row(1001))).data["id"]
    assert viewer_client.get(url(batch_id)).status_code == 200
    assert viewer_client.post(url(batch_id, "commit")).status_code == 403
    assert viewer_client.post(url(batch_id, "rollback")).status_code == 403


def test_users_without_vendor_cannot_import(loner_client, upload):
    assert upload(loner_client, tcg_file(tcg_row(1001))).status_code == 403
    assert loner_client.get(IMPORTS_URL).data["count"] == 0


def test_import_works_without_copy_too(owner_client, upload, vendor):
    """The SQLite demo takes Django's bulk methods instead of COPY: the whole cycle still holds."""
    from common import bulk_sql

    existing = CardFactory(vendor=vendor, name="Raichu", quantity=1, external_ids={"tcgplayer": "1002"})
    with mock.patch.object(bulk_sql, "_is_postgres", return_value=False):
        content = tcg_file(tcg_row(1001, quantity=2), tcg_row(1002, name="Raichu", quantity=5))
        batch_id = upload(owner_client, content).data["id"]
        assert owner_client.post(url(batch_id, "commit")).status_code == 200
        existing.refresh_from_db()
        assert existing.quantity == 5
        created = Collectible.objects.get(external_ids__tcgplayer="1001")
        assert created.card_details.set_name == "Base Set"
        assert owner_client.post(url(batch_id, "rollback")).status_code == 200
    existing.refresh_from_db()
    assert existing.quantity == 1
    assert not Collectible.objects.filter(external_ids__tcgplayer="1001").exists()


def test_the_list_can_show_what_an_import_touched(owner_client, upload, vendor):
    CardFactory(vendor=vendor, name="Untouched")
    batch_id = upload(owner_client, tcg_file(tcg_row(1001), tcg_row(1002, name="Mew"))).data["id"]
    assert owner_client.get(reverse("collectible-list"), {"import_batch": batch_id}).data["count"] == 0
    owner_client.post(url(batch_id, "commit"))
    names = {
        r["name"]
        for r in owner_client.get(reverse("collectible-list"), {"import_batch": batch_id}).data["results"]
    }
    assert names == {"Pikachu", "Mew"}
    assert owner_client.get(reverse("collectible-list"), {"import_batch": "x"}).status_code == 400


def test_tcgplayer_rows_without_an_id_match_by_card(owner_client, upload, vendor):
    item = CardFactory(
        vendor=vendor, name="Pikachu", quantity=1, price=Decimal("2.00"),
        card_details__set_name="Base Set", card_details__card_number="58/102", card_details__rarity="Common",
    )  # fmt: skip
    batch_id = upload(owner_client, tcg_file(tcg_row("", quantity=4))).data["id"]
    row = rows_of(owner_client, batch_id)[2]
    assert (row["outcome"], row["collectible"], row["changes"]) == ("update", item.pk, {"quantity": [1, 4]})
    upload_bad = upload(owner_client, tcg_file(tcg_row("abc")))
    assert rows_of(owner_client, upload_bad.data["id"])[2]["errors"] == {
        "TCGplayer Id": ["'abc' is not a TCGplayer Id."]
    }
