import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from collectibles.tests.factories import CardFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    admin = get_user_model().objects.create_superuser("root", "root@example.com", "a-long-admin-password")
    client.force_login(admin)
    return client


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:collectibles_collectible_changelist",
        "admin:collectibles_collectible_add",
        "admin:accounts_vendor_changelist",
        "admin:accounts_vendor_add",
        "admin:auth_user_changelist",
    ],
)
def test_admin_pages_render(admin_client, vendor, owner, url_name):
    CardFactory(vendor=vendor)
    assert admin_client.get(reverse(url_name)).status_code == 200


def test_collectible_admin_shows_card_details_inline(admin_client, vendor):
    card = CardFactory(vendor=vendor, card_details__set_name="Jungle")
    response = admin_client.get(reverse("admin:collectibles_collectible_change", args=[card.pk]))
    assert response.status_code == 200
    assert b"Jungle" in response.content


def test_user_admin_shows_vendor_and_role(admin_client, owner):
    response = admin_client.get(reverse("admin:auth_user_changelist"))
    assert b"Pallet Town Cards" in response.content


def test_the_admin_cannot_move_an_item_to_another_vendor(admin_client, vendor, other_vendor):
    card = CardFactory(vendor=vendor)
    url = reverse("admin:collectibles_collectible_change", args=[card.pk])
    form = admin_client.get(url).context["adminform"].form
    assert "vendor" not in form.fields
    data = {k: v for k, v in form.initial.items() if v is not None and k not in ("image", "user")}
    data.update({"vendor": other_vendor.pk, "external_ids": "{}", "name": "Renamed"})
    data.update({f"card_details-{k}": v for k, v in {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0}.items()})
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    card.refresh_from_db()
    assert (card.name, card.vendor_id) == ("Renamed", vendor.pk)


def test_the_admin_still_chooses_the_vendor_of_a_new_item(admin_client):
    form = admin_client.get(reverse("admin:collectibles_collectible_add")).context["adminform"].form
    assert "vendor" in form.fields
