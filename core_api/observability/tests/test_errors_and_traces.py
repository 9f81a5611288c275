"""Sentry's scrubbing and release, and OpenTelemetry: off and free, or on and linked to the logs."""

import json
import os
import subprocess
import sys
from unittest import mock

import pytest
from django.conf import settings
from django.urls import reverse
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from collectibles.tests.factories import CardFactory
from observability import context, release, tracing
from observability.sentry import init_sentry, scrub_event

SECRETS = (
    "Bearer eyJ.secret",
    "sessionid=abc",
    "hunter2",
    "t0ken-in-query",
    "k-123",
    "crumb-pass",
    "frame-pass",
)


def test_sentry_events_lose_every_credential():
    event = {
        "request": {
            "url": "https://shop.example/api/v1/auth/token/",
            "headers": {"Authorization": "Bearer eyJ.secret", "Cookie": "sessionid=abc", "Accept": "*/*"},
            "cookies": {"sessionid": "sessionid=abc"},
            "data": {"username": "owner", "password": "hunter2"},
            "query_string": "page=2&token=t0ken-in-query",
        },
        "extra": {"api_key": "k-123"},
        "breadcrumbs": {"values": [{"category": "auth", "data": {"password": "crumb-pass"}}]},
        "exception": {
            "values": [
                {"stacktrace": {"frames": [{"function": "login", "vars": {"raw_password": "frame-pass"}}]}}
            ]
        },
    }
    token = context.request_id.set("req-sentry-0001")
    try:
        scrubbed_event = scrub_event(event)
    finally:
        context.request_id.reset(token)
    assert scrubbed_event["tags"] == {"request_id": "req-sentry-0001"}
    scrubbed = json.dumps(scrubbed_event)
    for secret in SECRETS:
        assert secret not in scrubbed
    assert '"username": "owner"' in scrubbed  # what is not a credential stays, to debug with
    assert "page=2" in scrubbed
    assert '"Accept": "*/*"' in scrubbed


def test_sentry_starts_only_with_a_dsn_and_without_personal_data():
    with mock.patch("sentry_sdk.init") as start:
        assert init_sentry(dsn="", environment="test", release="abc") is False
        start.assert_not_called()
        assert (
            init_sentry(dsn="https://key@sentry.example/1", environment="staging", release="abc123") is True
        )
    options = start.call_args.kwargs
    assert options["send_default_pii"] is False
    assert options["before_send"] is scrub_event
    assert (options["release"], options["environment"]) == ("abc123", "staging")
    assert {type(i).__name__ for i in options["integrations"]} == {"DjangoIntegration", "CeleryIntegration"}


def test_the_release_is_the_git_commit(monkeypatch):
    release.current_release.cache_clear()
    monkeypatch.setenv("GIT_COMMIT", "0123abc")
    assert release.current_release() == "0123abc"
    release.current_release.cache_clear()
    monkeypatch.delenv("GIT_COMMIT")
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=settings.REPO_DIR, capture_output=True, text=True)  # noqa: S607
    assert release.current_release() == head.stdout.strip()
    release.current_release.cache_clear()
    monkeypatch.setenv("PATH", "")  # no git: an image built without GIT_COMMIT
    assert release.current_release() == "unknown"
    release.current_release.cache_clear()


def test_without_their_variables_neither_sdk_is_even_imported():
    env = {k: v for k, v in os.environ.items() if k not in ("SENTRY_DSN", "OTEL_EXPORTER_OTLP_ENDPOINT")}
    probe = (
        "import django, sys; django.setup(); "
        "print(sorted({m.split('.')[0] for m in sys.modules "
        "if m.startswith(('opentelemetry', 'sentry_sdk'))}))"
    )
    found = subprocess.run(  # noqa: S603  (this interpreter, a fixed script)
        [sys.executable, "-c", probe],
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    assert found.stdout.strip() == "[]"


@pytest.fixture
def spans():
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracing.instrument(provider)
    try:
        yield exporter
    finally:
        tracing.uninstrument()
        provider.shutdown()


@pytest.mark.django_db
def test_a_request_makes_a_span_and_its_log_lines_carry_the_trace_id(
    spans, client_for, owner, vendor, json_log
):
    card = CardFactory(vendor=vendor)
    response = client_for(owner).get(reverse("collectible-detail", args=[card.pk]))
    assert response.status_code == 200
    [server] = [span for span in spans.get_finished_spans() if span.kind.name == "SERVER"]
    assert server.attributes["http.route"] == "api/v1/collectibles/<id:pk>/"
    [access] = json_log.lines("omnistock.access")
    assert access["trace_id"] == format(server.context.trace_id, "032x")
    assert access["request_id"] == response["X-Request-ID"]  # the two ids side by side


def test_tracing_starts_only_with_an_endpoint_and_names_the_release(monkeypatch):
    assert tracing.init_tracing(endpoint="", release="abc") is False
    monkeypatch.delenv("OTEL_SERVICE_NAME", raising=False)
    with (
        mock.patch.object(tracing, "instrument") as instrument,
        mock.patch("opentelemetry.trace.set_tracer_provider"),
    ):
        assert tracing.init_tracing(endpoint="http://collector.invalid:4318", release="abc123") is True
    [provider] = instrument.call_args.args
    try:
        assert provider.resource.attributes["service.name"] == "omnistock"
        assert provider.resource.attributes["service.version"] == "abc123"
    finally:
        provider.shutdown()
