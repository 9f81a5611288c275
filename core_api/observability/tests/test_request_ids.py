"""A request id: accepted or made, returned, on every log line, carried into tasks."""

import re

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from collectibles.tests.factories import CardFactory
from observability import context
from observability.celery import put_request_id_in_headers
from observability.tests.tasks import say_hello

pytestmark = pytest.mark.django_db

HEX_ID = re.compile(r"[0-9a-f]{32}")


def test_a_response_carries_a_new_request_id(api_client):
    response = api_client.get("/healthz")
    assert response.status_code == 200
    assert HEX_ID.fullmatch(response["X-Request-ID"])
    assert api_client.get("/healthz")["X-Request-ID"] != response["X-Request-ID"]


# Fixed values: pytest-xdist's workers must collect the same test ids.
@pytest.mark.parametrize(
    "offered", ["5b0c3e8e-2f1d-4c55-9a61-1f3b2d9e7c40", "5b0c3e8e2f1d4c559a611f3b2d9e7c40", "lb-7f3a.2026:42"]
)
def test_a_safe_offered_request_id_is_kept(api_client, offered):
    assert api_client.get("/healthz", HTTP_X_REQUEST_ID=offered)["X-Request-ID"] == offered


@pytest.mark.parametrize(
    "offered", ["short", "x" * 65, "has space in it", 'quote"injected', "line\nforged", "-leading-dash"]
)
def test_an_unsafe_offered_request_id_is_replaced(api_client, offered):
    returned = api_client.get("/healthz", HTTP_X_REQUEST_ID=offered)["X-Request-ID"]
    assert HEX_ID.fullmatch(returned)


def test_errors_carry_the_request_id_too(api_client):
    missing = api_client.get("/api/v1/no-such-thing/")
    unauthenticated = api_client.get(reverse("auth:me"))
    assert (missing.status_code, unauthenticated.status_code) == (404, 401)
    assert HEX_ID.fullmatch(missing["X-Request-ID"])
    assert HEX_ID.fullmatch(unauthenticated["X-Request-ID"])


def test_the_access_line_describes_the_request(owner_client, owner, vendor, json_log):
    card = CardFactory(vendor=vendor)
    response = owner_client.get(
        reverse("collectible-detail", args=[card.pk]), HTTP_X_REQUEST_ID="req-0001-abc"
    )
    assert response.status_code == 200
    [line] = json_log.lines("omnistock.access")
    assert line["request_id"] == response["X-Request-ID"] == "req-0001-abc"
    assert line["route"] == "/api/v1/collectibles/<id:pk>/"  # the pattern, never the path
    assert f"/{card.pk}/" not in line["message"]
    assert (line["method"], line["status"], line["user_id"], line["vendor_id"]) == (
        "GET",
        200,
        owner.pk,
        vendor.pk,
    )
    assert line["bytes"] == len(response.content)
    assert line["db_queries"] >= 1
    assert line["duration_ms"] > 0
    assert line["level"] == "INFO"
    assert line["time"].endswith("Z")


def test_probes_are_logged_at_debug_only(api_client, json_log):
    api_client.get("/healthz")
    [line] = json_log.lines("omnistock.access")
    assert (line["level"], line["route"]) == ("DEBUG", "/healthz")


def test_unresolved_requests_have_no_raw_path_in_the_access_line(api_client, json_log):
    api_client.get("/static/nothing-here.css?token=abc")
    [line] = json_log.lines("omnistock.access")
    assert line["route"] == "<unresolved>"
    assert "abc" not in json_log.text


@pytest.mark.urls("observability.tests.tasks")
def test_the_request_id_flows_from_response_to_log_to_task(api_client, json_log):
    response = api_client.get("/start-task/")
    assert response.status_code == 200
    request_id = response["X-Request-ID"]
    [access] = json_log.lines("omnistock.access")
    view_line, task_line = json_log.lines("omnistock.tests.task")
    assert access["request_id"] == view_line["request_id"] == task_line["request_id"] == request_id
    assert task_line["message"] == "hello shop"
    assert task_line["task_id"]
    assert "task_id" not in access  # the task's id ended with the task


def test_a_published_task_carries_the_request_id_in_its_headers():
    token = context.request_id.set("req-published-1")
    try:
        headers: dict = {}
        put_request_id_in_headers(headers=headers)
    finally:
        context.request_id.reset(token)
    assert headers == {"request_id": "req-published-1"}


def test_a_worker_runs_a_task_under_the_id_in_its_headers(json_log):
    say_hello.apply(args=["worker"], headers={"request_id": "req-from-message"})
    [line] = json_log.lines("omnistock.tests.task")
    assert line["request_id"] == "req-from-message"
    assert context.request_id.get() is None  # nothing leaks into the next task


def test_an_unsafe_id_in_a_message_is_replaced(json_log):
    say_hello.apply(args=["worker"], headers={"request_id": "bad id\nforged"})
    [line] = json_log.lines("omnistock.tests.task")
    assert HEX_ID.fullmatch(line["request_id"])


def test_a_task_no_request_started_gets_an_id_of_its_own(json_log):
    say_hello.apply(args=["beat"])
    say_hello.apply(args=["beat"])
    first, second = json_log.lines("omnistock.tests.task")
    assert HEX_ID.fullmatch(first["request_id"])
    assert first["request_id"] != second["request_id"]
    assert context.request_id.get() is None


def test_the_spa_and_static_files_have_readable_routes(json_log, settings):
    settings.WHITENOISE_USE_FINDERS = True  # WhiteNoise serves the admin's files from the app
    client = APIClient()  # after the setting: middleware is set up with a client's first request
    client.get("/collectibles/42")
    client.get("/api/v1/no-such-thing/")
    assert client.get("/static/admin/css/base.css").status_code == 200
    routes = [line["route"] for line in json_log.lines("omnistock.access")]
    assert routes == ["<spa>", "<api_not_found>", "<static>"]  # names, not regular expressions
