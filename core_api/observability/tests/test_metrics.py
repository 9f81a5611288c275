"""`/metrics`: not public, and it counts what happened."""

import urllib.request

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from prometheus_client.parser import text_string_to_metric_families

from accounts.tests.factories import DEFAULT_PASSWORD
from collectibles.tests.factories import CardFactory
from imports.tests.conftest import IMPORTS_URL, sample
from observability import metrics
from observability.tests.tasks import say_hello

pytestmark = pytest.mark.django_db

TOKEN = "scrape-token-for-tests-0123456789"
DETAIL_ROUTE = "/api/v1/collectibles/<id:pk>/"


@pytest.fixture
def scrape(settings, api_client):
    """Scrapes /metrics as Prometheus would; returns {(name, labels...): value}."""
    settings.METRICS_TOKEN = TOKEN

    def do() -> dict:
        response = api_client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain; version=")
        samples = {}
        for family in text_string_to_metric_families(response.content.decode()):
            for sample_ in family.samples:
                samples[(sample_.name, *sorted(sample_.labels.items()))] = sample_.value
        return samples

    return do


def value(samples: dict, name: str, **labels):
    return samples.get((name, *sorted(labels.items())), 0.0)


def test_metrics_do_not_exist_without_a_token(settings, api_client):
    settings.METRICS_TOKEN = ""
    response = api_client.get("/metrics")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_an_anonymous_scrape_is_refused(settings, api_client):
    settings.METRICS_TOKEN = TOKEN
    anonymous = api_client.get("/metrics")
    assert anonymous.status_code == 401
    assert anonymous["WWW-Authenticate"] == 'Bearer realm="metrics"'
    assert b"omnistock_" not in anonymous.content
    wrong = api_client.get("/metrics", HTTP_AUTHORIZATION="Bearer not-the-token")
    assert wrong.status_code == 403
    assert api_client.get("/metrics", HTTP_AUTHORIZATION=TOKEN).status_code == 401  # no scheme
    assert api_client.post("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").status_code == 405


def test_metrics_answer_any_host_like_the_probes(scrape, api_client):
    response = api_client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}", HTTP_HOST="10.1.2.3:8000")
    assert response.status_code == 200


def test_metrics_count_a_request_you_made(scrape, owner_client, vendor):
    card = CardFactory(vendor=vendor)
    before = scrape()
    assert owner_client.get(reverse("collectible-detail", args=[card.pk])).status_code == 200
    after = scrape()
    labels = {"route": DETAIL_ROUTE, "method": "GET", "status": "200"}
    count = "omnistock_http_request_duration_seconds_count"
    assert value(after, count, **labels) == value(before, count, **labels) + 1
    assert value(after, "omnistock_db_queries_total", route=DETAIL_ROUTE) > value(
        before, "omnistock_db_queries_total", route=DETAIL_ROUTE
    )


def test_a_stale_write_counts_as_a_conflict(scrape, editor_client, vendor):
    card = CardFactory(vendor=vendor)
    url = reverse("collectible-detail", args=[card.pk])
    assert editor_client.patch(url, {"name": "A"}, format="json", HTTP_IF_MATCH='"1"').status_code == 200
    before = scrape()
    assert editor_client.patch(url, {"name": "B"}, format="json", HTTP_IF_MATCH='"1"').status_code == 412
    after = scrape()
    name, labels = "omnistock_conflicts_total", {"reason": "stale_version", "route": DETAIL_ROUTE}
    assert value(after, name, **labels) == value(before, name, **labels) + 1


def test_conflicts_and_throttles_are_told_apart():
    before_conflict = metrics.CONFLICTS.labels("conflict", "/r/")._value.get()
    before_throttle = metrics.THROTTLED.labels("/r/")._value.get()
    metrics.record_request(route="/r/", method="POST", status=409, seconds=0.01, queries=0, db_seconds=0)
    metrics.record_request(route="/r/", method="POST", status=429, seconds=0.01, queries=0, db_seconds=0)
    assert metrics.CONFLICTS.labels("conflict", "/r/")._value.get() == before_conflict + 1
    assert metrics.THROTTLED.labels("/r/")._value.get() == before_throttle + 1


def test_login_failures_stock_adjustments_and_tasks_are_counted(
    scrape, api_client, owner, editor_client, vendor
):
    card = CardFactory(vendor=vendor, quantity=3)
    before = scrape()
    token_url = reverse("auth:token")
    assert api_client.post(token_url, {"username": "owner", "password": "nope"}).status_code == 401
    assert api_client.post(token_url, {"username": "owner", "password": DEFAULT_PASSWORD}).status_code == 200
    adjust = reverse("collectible-adjust", args=[card.pk])
    assert editor_client.post(adjust, {"delta": -1, "reason": "sale"}, format="json").status_code == 201
    say_hello.apply(args=["metrics"])
    after = scrape()
    assert (
        value(after, "omnistock_login_failures_total") == value(before, "omnistock_login_failures_total") + 1
    )
    name = "omnistock_stock_adjustments_total"
    assert value(after, name, reason="sale") == value(before, name, reason="sale") + 1
    task = {"task": "observability.tests.say_hello", "state": "SUCCESS"}
    name = "omnistock_task_duration_seconds_count"
    assert value(after, name, **task) == value(before, name, **task) + 1


def test_committed_import_rows_are_counted_by_outcome(scrape, owner_client):
    file = SimpleUploadedFile("tcg.csv", sample("tcgplayer.csv"), content_type="text/csv")
    preview = owner_client.post(IMPORTS_URL, {"file": file}, format="multipart")
    assert preview.status_code == 201
    before = scrape()
    commit = owner_client.post(reverse("import-commit", args=[preview.data["id"]]))
    assert commit.status_code == 200, commit.data
    after = scrape()
    rows = "omnistock_import_rows_total"
    assert value(after, rows, format="tcgplayer", outcome="create") == (
        value(before, rows, format="tcgplayer", outcome="create") + 5
    )
    assert value(after, rows, format="tcgplayer", outcome="error") == (
        value(before, rows, format="tcgplayer", outcome="error") + 2
    )
    batches = "omnistock_import_batches_total"
    assert value(after, batches, format="tcgplayer", status="committed") == (
        value(before, batches, format="tcgplayer", status="committed") + 1
    )


def test_database_connections_are_read_at_scrape_time(scrape):
    assert value(scrape(), "omnistock_db_connections", state="active") >= 1


class FakeRedis:
    closed = False

    def llen(self, queue):
        return {"celery": 7}[queue]

    def close(self):
        FakeRedis.closed = True


def test_queue_depth_is_read_from_the_broker_at_scrape_time(scrape, settings, monkeypatch):
    import redis

    settings.CELERY_BROKER_URL = "redis://broker.invalid:6379/0"
    monkeypatch.setattr(redis.Redis, "from_url", lambda *args, **kwargs: FakeRedis())
    assert value(scrape(), "omnistock_celery_queue_length", queue="celery") == 7
    assert FakeRedis.closed


def test_an_unreachable_broker_leaves_the_queue_depth_out(scrape, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    samples = scrape()
    assert not [key for key in samples if key[0] == "omnistock_celery_queue_length"]
    assert value(samples, "omnistock_db_connections", state="active") >= 1  # the scrape itself works


def test_a_worker_serves_its_metrics_on_its_own_bind(monkeypatch):
    from config.tests.test_demo_server import free_port
    from observability import celery as worker_side

    say_hello.apply(args=["worker-metrics"])
    monkeypatch.setattr(worker_side, "METRICS_BIND", "")
    assert worker_side.serve_worker_metrics() is None  # not asked for: no port opened
    port = free_port()
    monkeypatch.setattr(worker_side, "METRICS_BIND", f"127.0.0.1:{port}")
    server = worker_side.serve_worker_metrics()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as answer:
            body = answer.read()
    finally:
        server.shutdown()
        server.server_close()
    task = b'{state="SUCCESS",task="observability.tests.say_hello"}'
    assert b"omnistock_task_duration_seconds_count" + task in body


def test_a_finished_worker_process_is_forgotten(tmp_path, monkeypatch):
    from observability.celery import forget_worker_process

    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    live = tmp_path / "gauge_liveall_4242.db"
    live.write_bytes(b"")
    forget_worker_process(pid=4242)
    assert not live.exists()
