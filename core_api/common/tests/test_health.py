import contextlib
import socket
import threading
import time
from unittest import mock

import pytest
from django.db import DatabaseError, connection
from django.db.utils import ConnectionHandler

from common import health


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
    with mock.patch("common.health._database_answers", side_effect=DatabaseError("connection refused")):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unreachable"}


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
@pytest.mark.parametrize("host", ["10.1.2.3:8000", "pod-7f9c.internal", "attacker.example"])
@pytest.mark.django_db
def test_probes_answer_any_host(client, path, host):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


@pytest.mark.parametrize("path", ["/", "/admin/", "/api/v1/collectibles/", "/healthz/", "/readyzz"])
@pytest.mark.django_db
def test_every_other_path_keeps_allowed_hosts(client, path):
    assert client.get(path, HTTP_HOST="10.1.2.3").status_code == 400


@pytest.fixture
def silent_database():
    """Settings for a "database" that accepts TCP connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    port = listener.getsockname()[1]
    handler = ConnectionHandler(
        {
            "default": {
                **connection.settings_dict,
                "HOST": "127.0.0.1",
                "PORT": port,
                "OPTIONS": {**connection.settings_dict["OPTIONS"], "connect_timeout": 2},
            }
        }
    )
    with mock.patch("common.health.connections", handler):
        yield
        # The stuck check gives up once the listener is gone (reset, or its
        # connect timeout): wait for it, so later probes start a fresh check.
        listener.close()
        pending = health._pending
        if pending is not None:
            with contextlib.suppress(Exception):
                pending.result(timeout=10)


@pytest.mark.django_db
def test_readyz_gives_up_within_two_seconds_when_the_database_never_answers(client, silent_database):
    started = time.monotonic()
    response = client.get("/readyz")
    assert time.monotonic() - started < 2.0
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "timeout"}
    # A second probe waits on the stuck check (which gives up at its connect
    # timeout) instead of stacking another thread on the silent database.
    started = time.monotonic()
    response = client.get("/readyz")
    assert time.monotonic() - started < 2.0
    assert response.status_code == 503
    assert sum(t.name.startswith("readyz") for t in threading.enumerate()) <= 1
