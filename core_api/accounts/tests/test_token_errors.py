"""Token endpoints answer 4xx in the error shape for tokens they cannot honour."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone
from rest_framework_simplejwt.tokens import RefreshToken

from accounts.tests.factories import DEFAULT_PASSWORD
from accounts.tokens import AUTH_TIME_CLAIM

TOKEN_URL = reverse("auth:token")
REFRESH_URL = reverse("auth:token-refresh")

pytestmark = pytest.mark.django_db


def test_refresh_for_a_deleted_user_is_401(api_client, owner):
    tokens = api_client.post(
        TOKEN_URL, {"username": owner.username, "password": DEFAULT_PASSWORD}, format="json"
    ).data
    owner.delete()  # revokes the user's sessions (accounts/signals.py)
    response = api_client.post(REFRESH_URL, {"refresh": tokens["refresh"]}, format="json")
    assert response.status_code == 401
    assert response.json() == {"detail": "Token is blacklisted", "code": "token_not_valid"}


def test_refresh_naming_a_user_that_does_not_exist_is_401(api_client, db):
    # A token the blacklist never saw (e.g. its user was removed with the signals bypassed).
    token = RefreshToken()
    token["user_id"] = "987654321"
    token[AUTH_TIME_CLAIM] = int(timezone.now().timestamp())
    response = api_client.post(REFRESH_URL, {"refresh": str(token)}, format="json")
    assert response.status_code == 401
    assert response.json() == {"detail": "No active account found for the given token."}


def test_refresh_for_a_deactivated_user_is_401(api_client, owner):
    tokens = api_client.post(
        TOKEN_URL, {"username": owner.username, "password": DEFAULT_PASSWORD}, format="json"
    ).data
    # A bulk update sends no signal, so nothing was revoked: the refresh itself refuses.
    User.objects.filter(pk=owner.pk).update(is_active=False)
    response = api_client.post(REFRESH_URL, {"refresh": tokens["refresh"]}, format="json")
    assert response.status_code == 401
    assert response.json() == {"detail": "No active account found for the given token."}
