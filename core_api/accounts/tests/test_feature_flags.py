"""Feature flags: on per vendor (and per user, or for everyone), listed by /auth/me/."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from rest_framework_simplejwt.tokens import AccessToken

from accounts.authentication import StaffTokenUser
from accounts.models import Flag, Role
from accounts.tests.factories import UserFactory
from accounts.tokens import access_token_for

pytestmark = pytest.mark.django_db

ME_URL = reverse("auth:me")


def flags_of(client):
    response = client.get(ME_URL)
    assert response.status_code == 200
    return response.data["flags"]


def test_a_flag_on_for_vendor_a_changes_only_vendor_as_me(client_for, owner, vendor, other_owner):
    flag = Flag.objects.get(name="price-filters")  # created, off, by the migration
    owner_client, other_client = client_for(owner), client_for(other_owner)
    assert flags_of(owner_client) == flags_of(other_client) == []
    flag.vendors.add(vendor)
    assert flags_of(owner_client) == ["price-filters"]  # at once: the cached vendors were forgotten
    assert flags_of(other_client) == []
    colleague = UserFactory(username="colleague", vendor=vendor, role=Role.VIEWER)
    assert flags_of(client_for(colleague)) == ["price-filters"]  # everyone at the shop
    vendor.flags.remove(flag)  # from the vendor's side too
    assert flags_of(owner_client) == []


def test_flags_can_be_on_for_one_user_or_for_everyone(client_for, owner, editor, other_owner):
    just_editor = Flag.objects.create(name="new-stock-form")
    just_editor.users.add(editor)
    everywhere = Flag.objects.create(name="dark-mode", everyone=True)
    killed = Flag.objects.create(name="killed", everyone=False, authenticated=True)
    killed.vendors.add(owner.profile.vendor)
    assert flags_of(client_for(editor)) == [everywhere.name, just_editor.name]
    assert flags_of(client_for(owner)) == [everywhere.name]  # everyone=False wins over the vendor
    assert flags_of(client_for(other_owner)) == [everywhere.name]


def test_a_reader_known_only_by_token_claims_gets_the_vendors_flags(owner, vendor, other_vendor):
    flag = Flag.objects.create(name="claims-flag")
    flag.vendors.add(vendor)
    token_user = StaffTokenUser(AccessToken(access_token_for(owner)))
    assert flag.is_active_for_user(token_user) is True
    flag.vendors.set([other_vendor])
    assert flag.is_active_for_user(token_user) is None


def test_a_user_without_a_vendor_gets_no_vendor_flags(loner_client, vendor):
    Flag.objects.get(name="price-filters").vendors.add(vendor)
    assert flags_of(loner_client) == []


def test_the_flag_admin_shows_and_edits_vendors(client, vendor):
    admin = get_user_model().objects.create_superuser("root", "root@example.com", "a-long-admin-password")
    client.force_login(admin)
    flag = Flag.objects.get(name="price-filters")
    flag.vendors.add(vendor)
    listing = client.get(reverse("admin:accounts_flag_changelist"))
    assert listing.status_code == 200
    assert vendor.name.encode() in listing.content
    change = client.get(reverse("admin:accounts_flag_change", args=[flag.pk]))
    assert change.status_code == 200
    assert b'name="vendors"' in change.content
    assert client.get(reverse("admin:waffle_switch_changelist")).status_code == 200
