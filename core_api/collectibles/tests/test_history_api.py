"""The change history: who changed what, when, per operation, vendor-scoped, kept after delete."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from collectibles.history import recorded_operation
from collectibles.models import Collectible
from collectibles.services import collectible_update

pytestmark = pytest.mark.django_db

LIST_URL = reverse("collectible-list")
CARD = {
    "game": "pokemon",
    "set_name": "Base Set",
    "card_number": "4/102",
    "language": "EN",
    "market_region": "NA",
}


def history_url(pk):
    return reverse("collectible-history", args=[pk])


def detail_url(pk):
    return reverse("collectible-detail", args=[pk])


def history(client, pk):
    response = client.get(history_url(pk))
    assert response.status_code == 200, response.data
    return response.data["results"]


def changes_of(entry):
    return {c["field"]: (c["old"], c["new"]) for c in entry["changes"]}


@pytest.fixture
def card_id(owner_client):
    body = {"name": "Charizard", "price": "300.00", "quantity": 1, "card_details": CARD}
    return owner_client.post(LIST_URL, body, format="json").data["id"]


def test_create_is_one_entry_with_the_initial_values(owner_client, owner, card_id):
    (entry,) = history(owner_client, card_id)
    assert entry["action"] == "created"
    assert entry["label"] == "Created"
    assert entry["user"] == {"id": owner.pk, "username": "owner"}
    changes = changes_of(entry)
    assert changes["name"] == (None, "Charizard")
    assert changes["price"] == (None, "300.00")
    assert changes["card_details.language"] == (None, "EN")
    assert "version" not in changes
    assert "updated_at" not in changes


def test_update_records_old_and_new_values_per_field(owner_client, editor_client, editor, card_id):
    editor_client.patch(detail_url(card_id), {"price": "350.00", "condition": "LP"}, format="json")
    latest = history(owner_client, card_id)[0]
    assert latest["action"] == "updated"
    assert latest["user"]["username"] == "editor"
    assert changes_of(latest) == {"price": ("300.00", "350.00"), "condition": ("NM", "LP")}


def test_nested_update_is_one_entry_with_card_detail_fields(owner_client, card_id):
    owner_client.patch(
        detail_url(card_id),
        {"name": "Charizard Holo", "card_details": {"language": "JA", "market_region": "JP"}},
        format="json",
    )
    latest = history(owner_client, card_id)[0]
    assert changes_of(latest) == {
        "name": ("Charizard", "Charizard Holo"),
        "card_details.language": ("EN", "JA"),
        "card_details.market_region": ("NA", "JP"),
    }


def test_removing_card_details_is_recorded(owner_client, card_id):
    owner_client.patch(detail_url(card_id), {"card_details": None}, format="json")
    latest = history(owner_client, card_id)[0]
    assert changes_of(latest)["card_details.set_name"] == ("Base Set", None)


def test_stock_adjustment_is_labelled(owner_client, card_id):
    owner_client.post(
        reverse("collectible-adjust", args=[card_id]), {"delta": 2, "reason": "purchase"}, format="json"
    )
    latest = history(owner_client, card_id)[0]
    assert latest["label"] == "Stock adjustment (purchase)"
    assert changes_of(latest) == {"quantity": (1, 3)}


def test_an_update_that_changes_nothing_adds_no_entry(owner_client, card_id):
    owner_client.patch(detail_url(card_id), {"price": "300.00"}, format="json")
    assert len(history(owner_client, card_id)) == 1


def test_deleted_items_keep_their_history(owner_client, card_id):
    owner_client.patch(detail_url(card_id), {"price": "1.00"}, format="json")
    owner_client.delete(detail_url(card_id))
    entries = history(owner_client, card_id)
    assert [e["action"] for e in entries] == ["deleted", "updated", "created"]
    assert entries[0]["label"] == "Deleted"
    assert changes_of(entries[0])["name"] == ("Charizard", None)


def test_history_is_vendor_scoped(other_client, loner_client, card_id):
    assert other_client.get(history_url(card_id)).status_code == 404
    assert loner_client.get(history_url(card_id)).status_code == 404


def test_history_of_a_deleted_item_stays_vendor_scoped(owner_client, other_client, card_id):
    owner_client.delete(detail_url(card_id))
    assert other_client.get(history_url(card_id)).status_code == 404


def test_viewers_can_read_history(viewer_client, card_id):
    assert len(history(viewer_client, card_id)) == 1


def test_unknown_or_bad_ids_are_404(owner_client, db):
    assert owner_client.get(history_url(424242)).status_code == 404
    assert owner_client.get("/api/v1/collectibles/abc/history/").status_code == 404


def test_nested_operations_keep_the_outer_label(owner, card_id):
    collectible = Collectible.objects.get(pk=card_id)
    with recorded_operation(user=owner, label="Bulk edit"):
        collectible_update(collectible=collectible, actor=owner, price="5.00", history_label="Updated")
    latest = Collectible.history.filter(id=card_id).latest("history_date")
    assert latest.history_change_reason == "Bulk edit"


def test_changes_without_an_operation_are_still_recorded(owner_client, card_id):
    Collectible.objects.filter(pk=card_id).get().save()  # e.g. a shell or admin save
    collectible = Collectible.objects.get(pk=card_id)
    collectible.name = "Edited in the shell"
    collectible.save()
    latest = history(owner_client, card_id)[0]
    assert latest["label"] == "Updated"
    assert latest["user"] is None
    assert changes_of(latest) == {"name": ("Charizard", "Edited in the shell")}


def admin_edit(client, card_id, **changes):
    """Log in as a superuser, open the item's admin page and post it back with `changes`."""
    admin = User.objects.create_superuser("root", "root@example.com", "a-long-admin-password")
    client.force_login(admin)
    url = reverse("admin:collectibles_collectible_change", args=[card_id])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k not in ("image", "user")}
    data.update(
        {
            "vendor": Collectible.objects.get(pk=card_id).vendor_id,
            "external_ids": "{}",
            "card_details-TOTAL_FORMS": "1",
            "card_details-INITIAL_FORMS": "1",
            "card_details-MIN_NUM_FORMS": "0",
            "card_details-MAX_NUM_FORMS": "1",
            "card_details-0-collectible": card_id,
            **{f"card_details-0-{k}": v for k, v in CARD.items()},
            "card_details-0-finish": "normal",
            **changes,
        }
    )
    return form, data, client.post(url, data)


def test_admin_edits_are_attributed_to_the_admin(client, card_id, owner_client):
    _, _, response = admin_edit(client, card_id, name="Admin rename")
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    latest = history(owner_client, card_id)[0]
    assert latest["user"]["username"] == "root"


def test_the_admin_cannot_bypass_the_ledger_or_the_version(client, card_id):
    """Quantity is read-only in the admin (stock changes through the ledger),
    an admin save bumps the version (stale ETags get 412), and revert is off."""
    before = Collectible.objects.get(pk=card_id)
    # The posted quantity is ignored: it is not a form field.
    form, data, response = admin_edit(client, card_id, name="Admin rename", quantity=before.quantity + 40)
    assert "quantity" not in form.fields
    assert response.status_code == 302
    after = Collectible.objects.get(pk=card_id)
    assert (after.name, after.quantity, after.version) == (
        "Admin rename",
        before.quantity,
        before.version + 1,
    )
    history_id = after.history.latest().history_id
    revert = reverse("admin:collectibles_collectible_simple_history", args=[card_id, history_id])
    assert client.get(revert).status_code == 200  # old versions stay viewable
    assert client.post(revert, {**data, "name": "Charizard"}).status_code == 403
    assert Collectible.objects.get(pk=card_id).name == "Admin rename"
