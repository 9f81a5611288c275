"""Every answer under /api/ is JSON in the error shape, and no request shape is a 500.

Regressions from the outside audit (issue 10, §3): Django's HTML pages for a
CSRF failure, a body over DATA_UPLOAD_MAX_MEMORY_SIZE, a refused Host and
unhandled exceptions; RecursionError on deeply nested JSON bodies.
"""

import json
from unittest import mock
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.test import Client, RequestFactory, override_settings

from collectibles.tests.factories import CardFactory
from collectibles.views import CollectibleViewSet
from common.api_errors import csrf_failure
from common.parsers import MAX_JSON_DEPTH, json_depth_exceeds
from config.tests.test_schema_snapshot import SNAPSHOT

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
WRITE_METHODS = ("post", "put", "patch", "delete")


def json_body_operations() -> list[tuple[str, str]]:
    """Every documented operation that takes a JSON body (path template, method)."""
    return [
        (path, method)
        for path, item in SCHEMA["paths"].items()
        for method, operation in item.items()
        if method in WRITE_METHODS
        and "application/json" in operation.get("requestBody", {}).get("content", {})
    ]


def assert_json_error(response, status):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert isinstance(body, dict)
    assert body
    return body


def test_every_json_operation_is_enumerated():
    operations = json_body_operations()
    assert ("/api/v1/auth/token/", "post") in operations
    assert ("/api/v1/auth/token/refresh/", "post") in operations
    assert ("/api/v1/collectibles/bulk/", "post") in operations
    assert len(operations) >= 8


@pytest.mark.parametrize(("path", "method"), json_body_operations())
@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_deeply_nested_json_is_a_400_on_every_json_operation(owner_client, vendor, path, method, opening):
    # As an owner: every operation is theirs to call (staff writes are owners only).
    card = CardFactory(vendor=vendor)
    closing = "]" if opening == "[" else "}"
    body = opening * 5000 + "1" + closing * 5000
    url = path.replace("{id}", str(card.pk))
    response = getattr(owner_client, method)(url, body, content_type="application/json")
    body = assert_json_error(response, 400)
    assert "nested more than" in body["detail"]


def test_the_nesting_limit_is_exact():
    nested: object = 1
    for _ in range(MAX_JSON_DEPTH):
        nested = [nested]
    assert not json_depth_exceeds(nested)
    assert json_depth_exceeds([nested])
    assert json_depth_exceeds({"a": {"b": [nested]}}, limit=MAX_JSON_DEPTH + 2)
    assert not json_depth_exceeds({"a": [], "b": "text"}, limit=2)
    assert json_depth_exceeds({"a": [], "b": "text"}, limit=1)


def test_a_body_nested_within_the_limit_still_reaches_the_serializer(editor_client):
    nested: object = "x"
    for _ in range(MAX_JSON_DEPTH - 2):
        nested = {"k": nested}
    response = editor_client.post("/api/v1/collectibles/", {"external_ids": nested}, format="json")
    body = assert_json_error(response, 400)
    assert "name" in body  # refused by validation, not by the parser


def test_a_json_body_over_the_upload_limit_is_413_json(editor_client):
    big = json.dumps({"name": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)})
    response = editor_client.post("/api/v1/collectibles/", big, content_type="application/json")
    body = assert_json_error(response, 413)
    assert "too large" in body["detail"]


def test_a_form_with_too_many_fields_is_400_json(editor_client, vendor):
    card = CardFactory(vendor=vendor)
    fields = {f"f{i}": "1" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    response = editor_client.put(
        f"/api/v1/collectibles/{card.pk}/",
        "&".join(f"{k}={v}" for k, v in fields.items()),
        content_type="application/x-www-form-urlencoded",
    )
    body = assert_json_error(response, 400)
    assert "DATA_UPLOAD_MAX_NUMBER_FIELDS" in body["detail"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "get"])
@pytest.mark.parametrize(
    "path",
    ["/api/v1/nope/", "/api/v1/collectibles/abc/", "/api/v1/collectibles/99999999999999999999/", "/api/"],
)
def test_unknown_api_paths_are_json_404_for_every_method_even_with_csrf_checks(method, path):
    client = Client(enforce_csrf_checks=True)
    if method == "get":
        response = client.get(path)
    else:
        response = getattr(client, method)(path, "--x\r\n", content_type="multipart/form-data; boundary=x")
    assert_json_error(response, 404)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/collectibles/1/history/",
        "/api/v1/collectibles/1/",
        "/api/v1/imports/1/rows/",
        "/api/v1/catalog/printings/1/",
        "/api/v1/catalog/sets/1/",
    ],
)
def test_ids_beyond_bigint_are_json_404_not_a_database_error(editor_client, path):
    response = editor_client.get(path.replace("1", "9" * 25, 1))
    assert_json_error(response, 404)


def test_a_write_without_the_trailing_slash_is_a_json_404_naming_the_path(editor_client):
    response = editor_client.post("/api/v1/collectibles", {}, format="json")
    body = assert_json_error(response, 404)
    assert body["detail"].endswith("/api/v1/collectibles/")


def test_a_read_without_the_trailing_slash_still_redirects(editor_client):
    response = editor_client.get("/api/v1/collectibles")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/collectibles/"


def test_a_refused_host_under_the_api_is_json_400():
    response = Client().get("/api/v1/collectibles/", HTTP_HOST="attacker.example")
    assert_json_error(response, 400)


def test_a_refused_host_elsewhere_keeps_djangos_page():
    response = Client().get("/admin/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("debug", [False, True])
def test_an_unhandled_exception_under_the_api_is_a_json_500(editor_client, debug):
    editor_client.raise_request_exception = False
    with (
        mock.patch.object(CollectibleViewSet, "list", side_effect=RuntimeError("boom")),
        override_settings(DEBUG=debug),
    ):
        response = editor_client.get("/api/v1/collectibles/")
    body = assert_json_error(response, 500)
    assert "boom" not in body["detail"]


def test_a_csrf_failure_under_the_api_is_json_403_and_html_elsewhere():
    factory = RequestFactory()
    api = csrf_failure(factory.post("/api/v1/anything/"), reason="CSRF cookie not set.")
    assert api.status_code == 403
    assert json.loads(api.content) == {"detail": "CSRF verification failed: CSRF cookie not set."}
    admin = csrf_failure(factory.post("/admin/login/"), reason="CSRF cookie not set.")
    assert admin.status_code == 403
    assert admin["Content-Type"].startswith("text/html")
    assert settings.CSRF_FAILURE_VIEW == "common.api_errors.csrf_failure"


def test_django_405s_under_the_api_keep_their_allow_header():
    response = Client().post("/api/v1/schema/", {})
    assert_json_error(response, 405)
    assert "GET" in response["Allow"]


@pytest.mark.parametrize("encoding", ["form", "multipart"])
def test_deeply_nested_json_in_a_form_field_is_a_400(editor_client, encoding):
    fields = {"name": "Pikachu", "external_ids": "[" * 5000 + "]" * 5000}
    if encoding == "form":
        response = editor_client.post(
            "/api/v1/collectibles/", urlencode(fields), content_type="application/x-www-form-urlencoded"
        )
    else:
        response = editor_client.post("/api/v1/collectibles/", fields, format="multipart")
    body = assert_json_error(response, 400)
    assert "nested more than" in body["external_ids"][0]
