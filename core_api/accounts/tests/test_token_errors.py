"""Token endpoints answer 4xx in the error shape for tokens they cannot honour."""

import pytest
from django.urls import reverse

from accounts.tests.factories import DEFAULT_PASSWORD

TOKEN_URL = reverse("auth:token")
REFRESH_URL = reverse("auth:token-refresh")

pytestmark = pytest.mark.django_db


def test_refresh_for_a_deleted_user_is_401(api_client, owner):
    tokens = api_client.post(
        TOKEN_URL, {"username": owner.username, "password": DEFAULT_PASSWORD}, format="json"
    ).data
    owner.delete()
    response = api_client.post(REFRESH_URL, {"refresh": tokens["refresh"]}, format="json")
    assert response.status_code == 401
    assert response.json() == {"detail": "No active account found for the given token."}


def test_refresh_for_a_deactivated_user_is_401(api_client, owner):
    tokens = api_client.post(
        TOKEN_URL, {"username": owner.username, "password": DEFAULT_PASSWORD}, format="json"
    ).data
    owner.is_active = False
    owner.save(update_fields=["is_active"])
    response = api_client.post(REFRESH_URL, {"refresh": tokens["refresh"]}, format="json")
    assert response.status_code == 401
    assert response.json() == {"detail": "No active account found for the given token."}
