from unittest import mock

import pytest
from django.db import DatabaseError


def test_healthz_answers_without_auth_or_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_checks_the_database(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_readyz_is_503_when_the_database_is_down(client):
    with mock.patch("common.health.connection.cursor", side_effect=DatabaseError("connection refused")):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unreachable"}
