"""Sessions end: at an absolute lifetime, on a password change, and when an
admin takes access away (docs/security.md, "Sessions and tokens")."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from accounts.models import Role, UserProfile
from accounts.services import user_sessions_revoke
from accounts.tests.factories import DEFAULT_PASSWORD, UserFactory, VendorFactory
from accounts.tokens import AUTH_TIME_CLAIM
from collectibles.tests.factories import CardFactory

pytestmark = pytest.mark.django_db

TOKEN_URL = reverse("auth:token")
REFRESH_URL = reverse("auth:token-refresh")
PASSWORD_URL = reverse("auth:password")
LIST_URL = reverse("collectible-list")
EXPORT_URL = reverse("collectible-export")
NEW_PASSWORD = "a-much-longer-new-passphrase"


def sign_in(api_client, username="owner", password=DEFAULT_PASSWORD):
    response = api_client.post(TOKEN_URL, {"username": username, "password": password}, format="json")
    assert response.status_code == 200, response.data
    return response.data


def refresh(api_client, token):
    return api_client.post(REFRESH_URL, {"refresh": token}, format="json")


def live_refresh_tokens(user):
    return OutstandingToken.objects.filter(user=user, blacklistedtoken__isnull=True).count()


# --- absolute session lifetime ---------------------------------------------------


def test_login_stamps_auth_time_and_rotation_carries_it_unchanged(api_client, owner):
    with freeze_time("2026-01-01 12:00:00"):
        first = sign_in(api_client)
    with freeze_time("2026-01-05 12:00:00"):
        rotated = refresh(api_client, first["refresh"]).data
    login_time = int(datetime(2026, 1, 1, 12, tzinfo=UTC).timestamp())
    assert RefreshToken(first["refresh"], verify=False)[AUTH_TIME_CLAIM] == login_time
    assert RefreshToken(rotated["refresh"], verify=False)[AUTH_TIME_CLAIM] == login_time


def test_a_session_refreshed_every_week_ends_after_30_days(api_client, owner):
    with freeze_time("2026-01-01 12:00:00") as clock:
        token = sign_in(api_client)["refresh"]
        for _ in range(4):  # days 6, 12, 18, 24: each within the 7-day refresh lifetime
            clock.tick(timedelta(days=6))
            response = refresh(api_client, token)
            assert response.status_code == 200
            token = response.data["refresh"]
        clock.tick(timedelta(days=6))  # day 30
        response = refresh(api_client, token)
    assert response.status_code == 401
    assert "session started more than 30 days ago" in response.data["detail"]


def test_the_session_lifetime_is_configurable(api_client, owner, settings):
    settings.JWT_SESSION_MAX_DAYS = 2
    with freeze_time("2026-01-01 12:00:00") as clock:
        token = sign_in(api_client)["refresh"]
        clock.tick(timedelta(days=1))
        token = refresh(api_client, token).data["refresh"]
        clock.tick(timedelta(days=1, seconds=1))
        assert refresh(api_client, token).status_code == 401


def test_a_refresh_token_without_auth_time_is_refused(api_client, owner):
    legacy = RefreshToken.for_user(owner)  # as issued before sessions had a start
    response = refresh(api_client, str(legacy))
    assert response.status_code == 401
    assert set(response.data) >= {"detail"}


# --- password change -------------------------------------------------------------


def change_password(client, old=DEFAULT_PASSWORD, new=NEW_PASSWORD):
    return client.post(PASSWORD_URL, {"old_password": old, "new_password": new}, format="json")


def test_password_change_ends_every_session_and_returns_a_new_pair(api_client, owner):
    laptop, phone = sign_in(api_client), sign_in(api_client)
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {phone['access']}")
    response = change_password(api_client)

    assert response.status_code == 200
    assert set(response.data) == {"access", "refresh"}
    owner.refresh_from_db()
    assert owner.check_password(NEW_PASSWORD)
    assert refresh(api_client, laptop["refresh"]).status_code == 401
    assert refresh(api_client, phone["refresh"]).status_code == 401
    assert refresh(api_client, response.data["refresh"]).status_code == 200  # this session goes on
    assert live_refresh_tokens(owner) == 1
    api_client.credentials()
    sign_in(api_client, password=NEW_PASSWORD)


def test_wrong_old_password_is_400_on_old_password_and_changes_nothing(client_for, owner):
    response = change_password(client_for(owner), old="not-my-password")
    assert response.status_code == 400
    assert list(response.data) == ["old_password"]
    owner.refresh_from_db()
    assert owner.check_password(DEFAULT_PASSWORD)


@pytest.mark.parametrize(
    ("new", "message"),
    [("short1", "too short"), ("password123", "too common"), ("83749201837465", "entirely numeric")],
)
def test_new_password_is_judged_by_django_validators(client_for, owner, new, message):
    response = change_password(client_for(owner), new=new)
    assert response.status_code == 400
    assert list(response.data) == ["new_password"]
    assert any(message in error for error in response.data["new_password"])


def test_password_change_needs_both_fields_and_a_signed_in_caller(api_client, client_for, owner):
    missing = client_for(owner).post(PASSWORD_URL, {}, format="json")
    assert missing.status_code == 400
    assert set(missing.data) == {"old_password", "new_password"}
    assert change_password(api_client).status_code == 401


def test_password_change_is_throttled_like_the_login(client_for, owner, settings):
    from django.core.cache import cache
    from rest_framework.throttling import ScopedRateThrottle

    cache.clear()
    rates = {**ScopedRateThrottle.THROTTLE_RATES, "auth": "2/min"}
    client = client_for(owner)
    original = ScopedRateThrottle.THROTTLE_RATES
    ScopedRateThrottle.THROTTLE_RATES = rates
    try:
        codes = [change_password(client, old="wrong").status_code for _ in range(3)]
    finally:
        ScopedRateThrottle.THROTTLE_RATES = original
        cache.clear()
    assert codes == [400, 400, 429]


# --- an admin takes access away ------------------------------------------------------


def test_revoking_blacklists_only_the_live_tokens_of_those_users(api_client, owner, editor):
    sign_in(api_client)
    sign_in(api_client, "editor")
    with freeze_time(timezone.now() - timedelta(days=30)):
        sign_in(api_client)  # long expired: nothing to revoke
    assert user_sessions_revoke(user_ids=[owner.pk]) == 1
    assert live_refresh_tokens(owner) == 1  # the expired one, never blacklisted
    assert live_refresh_tokens(editor) == 1
    assert user_sessions_revoke(user_ids=[owner.pk]) == 0  # idempotent


def deactivate(user):
    user.is_active = False
    user.save()


def move_to_other_vendor(user):
    user.profile.vendor = VendorFactory()
    user.profile.save()


def detach_from_vendor(user):
    user.profile.vendor = None
    user.profile.save()


def demote(user):
    user.profile.role = Role.VIEWER
    user.profile.save()


def delete(user):
    user.delete()


def delete_vendor(user):
    user.profile.vendor.delete()


@pytest.mark.parametrize(
    "admin_action", [deactivate, move_to_other_vendor, detach_from_vendor, demote, delete, delete_vendor]
)
def test_an_admin_change_that_takes_access_away_ends_the_sessions(
    api_client, owner, other_owner, admin_action
):
    session = sign_in(api_client)
    bystander = sign_in(api_client, "other-owner")
    admin_action(User.objects.get(pk=owner.pk))
    assert refresh(api_client, session["refresh"]).status_code == 401
    jti = RefreshToken(session["refresh"], verify=False)["jti"]
    assert BlacklistedToken.objects.filter(token__jti=jti).exists()
    assert refresh(api_client, bystander["refresh"]).status_code == 200


def test_changes_that_leave_access_alone_keep_the_sessions(api_client, owner):
    session = sign_in(api_client)
    user = User.objects.get(pk=owner.pk)
    user.email = "new@example.com"
    user.save()
    user.set_password(NEW_PASSWORD)  # outside the endpoint, e.g. `changepassword`: Django's own rules apply
    user.save(update_fields=["password"])
    profile = UserProfile.objects.get(user=owner)
    profile.save()
    assert refresh(api_client, session["refresh"]).status_code == 200


# --- whole-inventory reads check the database ---------------------------------------------


def export_body(client):
    response = client.get(EXPORT_URL)
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


def test_export_checks_the_database_while_lists_trust_the_token(client_for, owner, vendor):
    CardFactory(vendor=vendor, name="Pikachu")
    client = client_for(owner)
    assert "Pikachu" in export_body(client)
    detach_from_vendor(owner)
    # The documented window: a list read answers from the (unexpired) token's claims...
    assert [item["name"] for item in client.get(LIST_URL).data["results"]] == ["Pikachu"]
    # ...but the whole inventory is not handed to someone who no longer works there.
    assert "Pikachu" not in export_body(client)


def test_export_of_a_deactivated_user_is_401(client_for, owner, vendor):
    client = client_for(owner)
    deactivate(owner)
    response = client.get(EXPORT_URL)
    assert response.status_code == 401
    assert "detail" in response.json()


def test_export_follows_the_vendor_the_database_names(client_for, owner, vendor):
    CardFactory(vendor=vendor, name="Old shop card")
    client = client_for(owner)
    new_vendor = VendorFactory()
    CardFactory(vendor=new_vendor, name="New shop card")
    owner.profile.vendor = new_vendor
    owner.profile.save()
    body = export_body(client)
    assert "New shop card" in body
    assert "Old shop card" not in body


def test_a_new_user_created_inactive_revokes_nothing(db):
    user = UserFactory(is_active=False)
    assert not user.is_active
