from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from freezegun import freeze_time
from rest_framework.throttling import ScopedRateThrottle
from rest_framework_simplejwt.tokens import AccessToken

from accounts.tests.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db

TOKEN_URL = reverse("auth:token")
REFRESH_URL = reverse("auth:token-refresh")
LOGOUT_URL = reverse("auth:logout")
ME_URL = reverse("auth:me")
LIST_URL = reverse("collectible-list")


def obtain(api_client, username, password=DEFAULT_PASSWORD):
    return api_client.post(TOKEN_URL, {"username": username, "password": password}, format="json")


def test_obtain_token_pair_with_valid_credentials(api_client, owner):
    response = obtain(api_client, "owner")
    assert response.status_code == 200
    assert set(response.data) == {"access", "refresh"}
    assert AccessToken(response.data["access"])["user_id"] == str(owner.pk)


def test_wrong_password_is_401(api_client, owner):
    response = obtain(api_client, "owner", "wrong-password")
    assert response.status_code == 401
    assert "detail" in response.data


def test_unknown_user_is_401(api_client, db):
    assert obtain(api_client, "nobody").status_code == 401


def test_missing_credentials_are_400_per_field(api_client, db):
    response = api_client.post(TOKEN_URL, {}, format="json")
    assert response.status_code == 400
    assert set(response.data) == {"username", "password"}


def test_inactive_user_cannot_log_in(api_client, owner):
    owner.is_active = False
    owner.save()
    assert obtain(api_client, "owner").status_code == 401


def test_access_token_authenticates_api_requests(api_client, owner):
    access = obtain(api_client, "owner").data["access"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    assert api_client.get(LIST_URL).status_code == 200


def test_refresh_rotates_and_blacklists_the_old_refresh_token(api_client, owner):
    first = obtain(api_client, "owner").data
    response = api_client.post(REFRESH_URL, {"refresh": first["refresh"]}, format="json")
    assert response.status_code == 200
    assert set(response.data) == {"access", "refresh"}
    assert response.data["refresh"] != first["refresh"]

    reused = api_client.post(REFRESH_URL, {"refresh": first["refresh"]}, format="json")
    assert reused.status_code == 401

    rotated = api_client.post(REFRESH_URL, {"refresh": response.data["refresh"]}, format="json")
    assert rotated.status_code == 200


def test_logout_blacklists_the_refresh_token(api_client, owner):
    tokens = obtain(api_client, "owner").data
    response = api_client.post(LOGOUT_URL, {"refresh": tokens["refresh"]}, format="json")
    assert response.status_code == 200
    after = api_client.post(REFRESH_URL, {"refresh": tokens["refresh"]}, format="json")
    assert after.status_code == 401


def test_logout_with_garbage_token_is_401(api_client, db):
    response = api_client.post(LOGOUT_URL, {"refresh": "not-a-token"}, format="json")
    assert response.status_code == 401


def test_refresh_with_access_token_is_401(api_client, owner):
    tokens = obtain(api_client, "owner").data
    response = api_client.post(REFRESH_URL, {"refresh": tokens["access"]}, format="json")
    assert response.status_code == 401


def test_expired_access_token_is_401(api_client, owner):
    access = obtain(api_client, "owner").data["access"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    with freeze_time(timedelta(hours=1), tick=True):
        response = api_client.get(LIST_URL)
    assert response.status_code == 401
    assert response.data["code"] == "token_not_valid"


def test_tampered_access_token_is_401(api_client, owner):
    access = obtain(api_client, "owner").data["access"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {access[:-4]}abcd")
    assert api_client.get(LIST_URL).status_code == 401


def test_no_token_is_401(api_client, db):
    response = api_client.get(LIST_URL)
    assert response.status_code == 401
    assert response.data == {"detail": "Authentication credentials were not provided."}


def test_me_describes_user_role_and_vendor(owner_client, owner, vendor):
    response = owner_client.get(ME_URL)
    assert response.status_code == 200
    assert response.data == {
        "id": owner.pk,
        "username": "owner",
        "email": owner.email,
        "role": "owner",
        "vendor": {"id": vendor.pk, "name": vendor.name, "slug": vendor.slug, "currency": "USD"},
        "flags": [],
    }


def test_me_without_vendor_has_null_vendor(loner_client):
    response = loner_client.get(ME_URL)
    assert response.status_code == 200
    assert response.data["vendor"] is None
    assert response.data["role"] == "viewer"


def test_me_requires_authentication(api_client, db):
    assert api_client.get(ME_URL).status_code == 401


def test_token_endpoint_is_rate_limited(api_client, owner, monkeypatch):
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"auth": "3/min"})
    cache.clear()
    statuses = [obtain(api_client, "owner", "wrong").status_code for _ in range(4)]
    cache.clear()
    assert statuses == [401, 401, 401, 429]
