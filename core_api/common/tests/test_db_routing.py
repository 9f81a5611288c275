"""Which database a read goes to (common/db_routing.py); the live topology is test_db_topology.py."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, OperationalError, transaction
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory

from common import db_routing
from common.db_routing import PrimaryReplicaRouter, ReplicaReadsMiddleware

router = PrimaryReplicaRouter()
factory = RequestFactory()


@pytest.fixture(autouse=True)
def one_replica(monkeypatch):
    """A replica alias that answers (no second database in the unit tests)."""
    monkeypatch.setattr(db_routing, "replica_aliases", lambda: ["replica_0"])
    monkeypatch.setattr(db_routing, "_answers", lambda alias: True)
    cache.clear()
    yield
    cache.clear()


def read_target():
    return router.db_for_read(None)


def serve(request, view=lambda request: HttpResponse(read_target())):
    return ReplicaReadsMiddleware(view)(request)


def get(auth="Bearer token-a"):
    return factory.get("/api/v1/collectibles/", HTTP_AUTHORIZATION=auth) if auth else factory.get("/")


def test_outside_a_request_reads_go_to_the_primary():
    assert read_target() == DEFAULT_DB_ALIAS


def test_a_safe_request_reads_from_a_replica():
    assert serve(get()).content == b"replica_0"


def test_an_unsafe_request_reads_from_the_primary():
    request = factory.post("/api/v1/collectibles/", HTTP_AUTHORIZATION="Bearer token-a")
    assert serve(request).content == b"default"


@pytest.mark.django_db
def test_reads_inside_a_transaction_go_to_the_primary():
    def view(request):
        with transaction.atomic():
            return HttpResponse(read_target())

    assert serve(get(), view).content == b"default"


def test_a_client_that_wrote_reads_from_the_primary_until_the_pin_expires(settings):
    settings.REPLICA_PIN_SECONDS = 60
    serve(factory.post("/api/v1/collectibles/", HTTP_AUTHORIZATION="Bearer token-a"))
    assert serve(get("Bearer token-a")).content == b"default"
    # Another client is not pinned.
    assert serve(get("Bearer token-b")).content == b"replica_0"
    cache.clear()  # the pin expired
    assert serve(get("Bearer token-a")).content == b"replica_0"


def test_a_refused_write_does_not_pin_the_client():
    serve(
        factory.post("/api/v1/collectibles/", HTTP_AUTHORIZATION="Bearer token-a"),
        lambda r: HttpResponse(status=400),
    )
    assert serve(get("Bearer token-a")).content == b"replica_0"


def test_a_write_during_a_safe_request_pins_its_later_reads_and_the_client():
    def view(request):
        before = read_target()
        assert router.db_for_write(None) == DEFAULT_DB_ALIAS
        return HttpResponse(f"{before},{read_target()}")

    assert serve(get(), view).content == b"replica_0,default"
    assert serve(get()).content == b"default"


def test_an_anonymous_client_is_never_pinned():
    serve(factory.post("/api/v1/auth/token/"))
    assert serve(get(auth=None)).content == b"replica_0"


def test_the_request_state_ends_with_the_request():
    serve(get())
    assert read_target() == DEFAULT_DB_ALIAS


def test_a_streamed_body_reads_as_its_request():
    def view(request):
        return StreamingHttpResponse(read_target().encode() for _ in range(2))

    response = serve(get(), view)
    assert read_target() == DEFAULT_DB_ALIAS  # not while the server is between chunks
    assert b"".join(response.streaming_content) == b"replica_0replica_0"


def test_a_replica_that_does_not_answer_is_skipped_for_a_while(monkeypatch, settings):
    settings.REPLICA_RETRY_SECONDS = 60
    attempts = []

    class DeadConnection:
        def close_if_health_check_failed(self):
            pass

        def ensure_connection(self):
            attempts.append(1)
            raise OperationalError("connection refused")

    monkeypatch.undo()
    monkeypatch.setattr(db_routing, "replica_aliases", lambda: ["replica_0"])
    monkeypatch.setattr(db_routing, "connections", {"replica_0": DeadConnection(), DEFAULT_DB_ALIAS: None})
    assert db_routing.replica_for_read() == DEFAULT_DB_ALIAS
    assert db_routing.replica_for_read() == DEFAULT_DB_ALIAS
    assert attempts == [1]  # the second read did not wait for it again


def test_a_replica_that_answers_is_used(monkeypatch):
    class LiveConnection:
        def close_if_health_check_failed(self):
            pass

        def ensure_connection(self):
            pass

    monkeypatch.undo()
    monkeypatch.setattr(db_routing, "replica_aliases", lambda: ["replica_0"])
    monkeypatch.setattr(db_routing, "connections", {"replica_0": LiveConnection()})
    assert db_routing.replica_for_read() == "replica_0"


def test_migrations_and_relations():
    assert router.allow_migrate(DEFAULT_DB_ALIAS, "collectibles")
    assert not router.allow_migrate("replica_0", "collectibles")
    assert router.allow_relation(object(), object())


def test_settings_build_replica_aliases_and_pooling_options():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "DJANGO_"))}
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.conf import settings as s; import json; "
            "print(json.dumps({a: [d['HOST'], d['PORT'], d.get('DISABLE_SERVER_SIDE_CURSORS'), d['OPTIONS'], "
            "d.get('TEST')] for a, d in s.DATABASES.items()} | {'routers': s.DATABASE_ROUTERS, "
            "'replica_mw': 'common.db_routing.ReplicaReadsMiddleware' in s.MIDDLEWARE}))",
        ],
        cwd=Path(settings.BASE_DIR),
        env={
            **env,
            "DATABASE_URL": "postgres://app@primary.example:5432/omnistock",
            "DATABASE_REPLICA_URLS": "postgres://app@r1.example:5432/omnistock,postgres://app@r2.example:6432/omnistock",
            "DATABASE_TRANSACTION_POOLING": "true",
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.splitlines()[-1])
    assert seen["routers"] == ["common.db_routing.PrimaryReplicaRouter"]
    assert seen["replica_mw"] is True
    assert seen["replica_0"][:2] == ["r1.example", 5432]
    assert seen["replica_1"][:2] == ["r2.example", 6432]
    assert seen["replica_1"][4]["MIRROR"] == "default"
    for alias in ("default", "replica_0", "replica_1"):
        _host, _port, no_server_cursors, options, _test = seen[alias]
        assert no_server_cursors is True
        assert "options" not in options  # pgbouncer refuses startup options
        assert options["prepare_threshold"] is None
    assert seen["replica_0"][3]["connect_timeout"] == 2
