"""Password guessing is braked per real client address and per username, and the
admin's login locks out (docs/security.md, "Throttles")."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from rest_framework.test import APIClient
from rest_framework.throttling import ScopedRateThrottle

from accounts.tests.factories import DEFAULT_PASSWORD
from accounts.throttling import UsernameRateThrottle

pytestmark = pytest.mark.django_db

TOKEN_URL = reverse("auth:token")
PASSWORD_URL = reverse("auth:password")
ADMIN_LOGIN_URL = reverse("admin:login")


@pytest.fixture
def rates(monkeypatch):
    """Set the two password throttles' rates for one test, on an empty cache."""

    def set_rates(*, per_address="1000/min", per_username="1000/min"):
        monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"auth": per_address})
        monkeypatch.setattr(UsernameRateThrottle, "THROTTLE_RATES", {"auth_username": per_username})

    cache.clear()
    yield set_rates
    cache.clear()


def attempt(username="owner", **client_kwargs):
    """A wrong password for `username`."""
    client = APIClient(**client_kwargs)
    return client.post(TOKEN_URL, {"username": username, "password": "wrong"}, format="json")


def test_rotating_x_forwarded_for_does_not_buy_new_attempts(rates, owner):
    rates(per_address="3/min")
    statuses = [attempt(HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code for n in range(4)]
    assert statuses == [401, 401, 401, 429]


def test_behind_a_trusted_proxy_the_address_it_saw_is_counted(rates, owner, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    rates(per_address="2/min")
    # The proxy appends the address it saw; anything before it is the client's own claim.
    first = [attempt(HTTP_X_FORWARDED_FOR=f"10.9.9.{n}, 198.51.100.7").status_code for n in range(3)]
    other_client = attempt(HTTP_X_FORWARDED_FOR="10.9.9.1, 198.51.100.8").status_code
    assert first == [401, 401, 429]
    assert other_client == 401


def test_the_nth_wrong_password_for_one_username_from_many_addresses_is_429(rates, owner, editor):
    rates(per_username="3/min")
    statuses = [attempt(REMOTE_ADDR=f"192.0.2.{n}").status_code for n in range(4)]
    assert statuses == [401, 401, 401, 429]
    # The budget is the account's: another username from the same addresses still answers.
    assert attempt("editor", REMOTE_ADDR="192.0.2.1").status_code == 401
    # Usernames are counted without regard to case.
    assert attempt("OWNER", REMOTE_ADDR="192.0.2.9").status_code == 429


def test_a_429_names_the_wait_in_the_error_shape(rates, owner):
    rates(per_username="1/min")
    attempt()
    response = attempt(REMOTE_ADDR="192.0.2.200")
    assert response.status_code == 429
    assert "Retry-After" in response.headers
    assert set(response.json()) == {"detail"}


def test_a_body_without_username_is_not_counted_per_username(rates, owner):
    rates(per_username="1/min")
    client = APIClient()
    bodies = ({}, [], {"username": ""})
    statuses = [client.post(TOKEN_URL, body, format="json").status_code for body in bodies]
    assert statuses == [400, 400, 400]


def test_password_change_counts_against_the_callers_username(rates, owner, client_for):
    rates(per_username="2/min")
    attempt()  # a wrong login for "owner" from elsewhere
    client = client_for(owner)
    body = {"old_password": "wrong", "new_password": "a-much-longer-new-passphrase"}
    statuses = [client.post(PASSWORD_URL, body, format="json").status_code for _ in range(2)]
    assert statuses == [400, 429]


# --- /admin/login/: django-axes ----------------------------------------------------------


@pytest.fixture
def staff_owner(owner):
    owner.is_staff = True
    owner.save(update_fields=["is_staff"])
    return owner


def admin_login(client, password, ip="198.51.100.20"):
    return client.post(
        ADMIN_LOGIN_URL,
        {"username": "owner", "password": password, "next": "/admin/"},
        REMOTE_ADDR=ip,
    )


def test_admin_login_locks_out_after_five_failures(client, staff_owner):
    statuses = [admin_login(client, "wrong").status_code for _ in range(5)]
    assert statuses[:4] == [200, 200, 200, 200]  # the form again, with its error
    # Locked: even the right password is refused, and nobody is signed in.
    sixth = admin_login(client, DEFAULT_PASSWORD)
    assert sixth.status_code == 429
    assert "_auth_user_id" not in client.session
    # The lockout is per username + address: the same user from elsewhere still signs in.
    assert admin_login(client, DEFAULT_PASSWORD, ip="198.51.100.21").status_code == 302


def test_axes_reset_unlocks(client, staff_owner):
    from django.core.management import call_command

    for _ in range(5):
        admin_login(client, "wrong")
    assert admin_login(client, DEFAULT_PASSWORD).status_code == 429
    call_command("axes_reset_username", "owner")
    assert admin_login(client, DEFAULT_PASSWORD).status_code == 302


def test_api_login_failures_do_not_lock_the_admin(rates, client, staff_owner):
    for _ in range(6):
        assert attempt(REMOTE_ADDR="198.51.100.20").status_code == 401
    assert admin_login(client, DEFAULT_PASSWORD).status_code == 302
