"""Access tokens carry the vendor and role; reads trust them, writes do not."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken, RefreshToken

from accounts.models import Role, UserProfile
from accounts.tests.factories import DEFAULT_PASSWORD, VendorFactory
from collectibles.tests.factories import CardFactory

pytestmark = pytest.mark.django_db

TOKEN_URL = reverse("auth:token")
REFRESH_URL = reverse("auth:token-refresh")
ME_URL = reverse("auth:me")
LIST_URL = reverse("collectible-list")
NEW_CARD = {"name": "Pikachu", "price": "3.00", "quantity": 1}


def bearer(access: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    return client


def login(api_client, username):
    response = api_client.post(TOKEN_URL, {"username": username, "password": DEFAULT_PASSWORD}, format="json")
    assert response.status_code == 200
    return response.data


def test_issued_tokens_carry_vendor_and_role(api_client, editor, vendor):
    tokens = login(api_client, "editor")
    access = AccessToken(tokens["access"])
    assert (access["vendor_id"], access["role"]) == (vendor.pk, Role.EDITOR)
    assert RefreshToken(tokens["refresh"])["vendor_id"] == vendor.pk


def test_user_without_vendor_gets_null_vendor_claim(api_client, loner):
    access = AccessToken(login(api_client, "loner")["access"])
    assert (access["vendor_id"], access["role"]) == (None, Role.VIEWER)


def test_refresh_reads_the_current_role_and_vendor(api_client, editor, other_vendor):
    tokens = login(api_client, "editor")
    # A bulk update sends no signal, so the session survives (a save() would end
    # it: test_sessions.py); the refresh still stamps what the database says.
    UserProfile.objects.filter(user=editor).update(vendor=other_vendor, role=Role.VIEWER)
    refreshed = api_client.post(REFRESH_URL, {"refresh": tokens["refresh"]}, format="json").data
    for token in (AccessToken(refreshed["access"]), RefreshToken(refreshed["refresh"])):
        assert (token["vendor_id"], token["role"]) == (other_vendor.pk, Role.VIEWER)


def test_reads_with_claims_make_no_user_or_profile_query(
    api_client, owner, vendor, django_assert_num_queries
):
    card = CardFactory(vendor=vendor)
    client = bearer(login(api_client, "owner")["access"])
    with django_assert_num_queries(1):  # the collectible itself
        assert client.get(reverse("collectible-detail", args=[card.pk])).status_code == 200


def test_reads_scope_to_the_vendor_in_the_claims_until_the_token_expires(api_client, owner, vendor):
    """The documented trade-off: a stale access token still reads its old vendor."""
    CardFactory(vendor=vendor)
    client = bearer(login(api_client, "owner")["access"])
    owner.profile.vendor = VendorFactory()
    owner.profile.save()
    assert client.get(LIST_URL).data["count"] == 1


def test_writes_check_the_database_not_the_claims(api_client, editor):
    client = bearer(login(api_client, "editor")["access"])
    editor.profile.role = Role.VIEWER
    editor.profile.save()
    response = client.post(LIST_URL, NEW_CARD, format="json")
    assert response.status_code == 403
    assert response.data["detail"] == "Your role (viewer) is read-only."


def test_writes_of_a_user_detached_from_the_vendor_are_refused(api_client, editor):
    client = bearer(login(api_client, "editor")["access"])
    editor.profile.vendor = None
    editor.profile.save()
    assert client.post(LIST_URL, NEW_CARD, format="json").status_code == 403


def test_writes_of_a_deactivated_user_are_refused(api_client, editor):
    client = bearer(login(api_client, "editor")["access"])
    editor.is_active = False
    editor.save()
    assert client.post(LIST_URL, NEW_CARD, format="json").status_code == 401


def test_tokens_issued_without_claims_still_work_through_the_database(owner, vendor):
    CardFactory(vendor=vendor)
    client = bearer(str(RefreshToken.for_user(owner).access_token))
    assert client.get(LIST_URL).data["count"] == 1


def test_other_endpoints_always_read_the_database(api_client, owner):
    client = bearer(login(api_client, "owner")["access"])
    owner.email = "new@example.com"
    owner.save()
    assert client.get(ME_URL).data["email"] == "new@example.com"
