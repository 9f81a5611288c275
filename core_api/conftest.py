"""Fixtures shared by every app's tests: vendors, staff per role, JWT clients."""

from collections.abc import Callable

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from accounts.models import Role
from accounts.tests.factories import UserFactory, VendorFactory
from accounts.tokens import access_token_for
from common.counting import forget_estimates
from common.health import close_checker_connection


def pytest_configure(config: pytest.Config) -> None:
    engine = settings.DATABASES["default"]["ENGINE"]
    if "postgresql" not in engine:
        pytest.exit(
            "The test suite runs on PostgreSQL (search, constraints and migrations are "
            f"PostgreSQL-specific), but DATABASE_URL points at {engine}. Run `make test`, "
            "or set DATABASE_URL=postgres://USER@HOST:PORT/DBNAME.",
            returncode=2,
        )


@pytest.fixture(scope="session", autouse=True)
def _readyz_checker_lets_go_of_the_test_database(django_db_setup, django_db_blocker):
    """/readyz keeps its checker's connection between probes; the test database can only
    be dropped once it is closed (this teardown runs before django_db_setup's)."""
    yield
    with django_db_blocker.unblock():
        close_checker_connection()


@pytest.fixture(autouse=True)
def _fresh_count_estimates():
    """Planner estimates are cached per process; each test starts without them."""
    forget_estimates()


@pytest.fixture
def vendor():
    return VendorFactory(name="Pallet Town Cards", slug="pallet-town", default_currency="USD")


@pytest.fixture
def other_vendor():
    return VendorFactory(name="Rheinland TCG", slug="rheinland", default_currency="EUR")


@pytest.fixture
def owner(vendor):
    return UserFactory(username="owner", vendor=vendor, role=Role.OWNER)


@pytest.fixture
def editor(vendor):
    return UserFactory(username="editor", vendor=vendor, role=Role.EDITOR)


@pytest.fixture
def viewer(vendor):
    return UserFactory(username="viewer", vendor=vendor, role=Role.VIEWER)


@pytest.fixture
def other_owner(other_vendor):
    return UserFactory(username="other-owner", vendor=other_vendor, role=Role.OWNER)


@pytest.fixture
def loner():
    """Authenticated, but attached to no vendor."""
    return UserFactory(username="loner")


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def client_for() -> Callable[..., APIClient]:
    """An APIClient authenticated the way integrations are: a real JWT bearer
    token, as the token endpoint issues it (with vendor and role claims)."""

    def make(user) -> APIClient:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {access_token_for(user)}")
        return client

    return make


@pytest.fixture
def owner_client(client_for, owner):
    return client_for(owner)


@pytest.fixture
def editor_client(client_for, editor):
    return client_for(editor)


@pytest.fixture
def viewer_client(client_for, viewer):
    return client_for(viewer)


@pytest.fixture
def other_client(client_for, other_owner):
    return client_for(other_owner)


@pytest.fixture
def loner_client(client_for, loner):
    return client_for(loner)
