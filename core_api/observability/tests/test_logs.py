"""Log records: JSON or console, and nothing secret in them."""

import logging
from unittest import mock

import pytest
from django.conf import settings
from django.urls import reverse

from accounts.tests.factories import DEFAULT_PASSWORD
from observability import context
from observability.celery import use_project_logging
from observability.logs import SCRUBBED, ConsoleFormatter, JsonFormatter, logging_config


def record(msg="hello", **extra) -> logging.LogRecord:
    made = logging.LogRecord("omnistock.test", logging.WARNING, __file__, 1, msg, None, None)
    made.__dict__.update(extra)
    return made


def test_credentials_in_extras_are_scrubbed_and_request_objects_dropped():
    formatted = JsonFormatter().format(
        record(
            password="hunter2",
            headers={"Authorization": "Bearer eyJ.abc", "Accept": "application/json"},
            refresh_token="eyJ.def",
            request=object(),
            rows=[{"api_key": "k-123"}],
        )
    )
    for secret in ("hunter2", "eyJ.abc", "eyJ.def", "k-123", "object at"):
        assert secret not in formatted
    assert SCRUBBED in formatted
    assert '"Accept":"application/json"' in formatted


def test_the_console_line_is_readable_and_names_the_request():
    token = context.request_id.set("0123456789abcdef")
    try:
        made = record("GET /api/v1/collectibles/ 200 3.1ms")
        made.request_id = context.request_id.get()
        line = ConsoleFormatter().format(made)
    finally:
        context.request_id.reset(token)
    assert line.endswith("WARNING omnistock.test [01234567] GET /api/v1/collectibles/ 200 3.1ms")


def test_log_format_picks_the_formatter():
    assert logging_config(log_format="console", level="INFO")["handlers"]["default"]["formatter"] == "console"
    assert logging_config(log_format="json", level="INFO")["handlers"]["default"]["formatter"] == "json"


def test_celery_workers_log_with_the_projects_config():
    with mock.patch("logging.config.dictConfig") as configure:
        use_project_logging()
    configure.assert_called_once_with(settings.LOGGING)


@pytest.mark.django_db
def test_the_log_of_a_login_holds_no_password_or_token(api_client, owner, json_log):
    token_url = reverse("auth:token")
    wrong = api_client.post(token_url, {"username": "owner", "password": "Wrong-Secret-42"}, format="json")
    right = api_client.post(token_url, {"username": "owner", "password": DEFAULT_PASSWORD}, format="json")
    assert (wrong.status_code, right.status_code) == (401, 200)
    access, refresh = right.data["access"], right.data["refresh"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    assert api_client.get(reverse("auth:me")).status_code == 200
    assert api_client.post(reverse("auth:logout"), {"refresh": refresh}, format="json").status_code == 200
    logged = json_log.text
    assert len(json_log.lines("omnistock.access")) == 4  # every request was logged...
    for secret in ("Wrong-Secret-42", DEFAULT_PASSWORD, access, refresh, access.split(".")[2]):
        assert secret not in logged  # ...and none of the secrets
