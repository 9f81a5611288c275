"""Query values that used to reach the database or Python's recursion limit
as 500s (issue 10, §3): each is a 400 naming the parameter, or harmless."""

import base64

import pytest
from django.urls import reverse

from collectibles.tests.factories import CollectibleFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("collectible-list")
EXPORT_URL = reverse("collectible-export")
BULK_URL = reverse("collectible-bulk")


@pytest.fixture
def items(vendor):
    return [CollectibleFactory(vendor=vendor, name=name) for name in ("Bulbasaur", "Abra", "Charmander")]


@pytest.mark.parametrize("ordering", [",", ",,", ",name", "name,", "-price,,name"])
def test_empty_ordering_keys_are_ignored(editor_client, items, ordering):
    response = editor_client.get(LIST_URL, {"ordering": ordering})
    assert response.status_code == 200, response.content
    assert response.json()["count"] == 3


def test_only_empty_ordering_keys_keep_the_default_order(editor_client, items):
    default = [row["id"] for row in editor_client.get(LIST_URL).json()["results"]]
    commas = [row["id"] for row in editor_client.get(LIST_URL, {"ordering": ","}).json()["results"]]
    assert commas == default


def test_empty_ordering_keys_with_search_keep_relevance(editor_client, items):
    response = editor_client.get(LIST_URL, {"ordering": ",", "search": "abra"})
    assert response.status_code == 200
    assert response.json()["results"][0]["name"] == "Abra"


def test_empty_ordering_keys_in_export(editor_client, items):
    response = editor_client.get(EXPORT_URL, {"ordering": ","})
    assert response.status_code == 200
    assert b"Abra" in b"".join(response.streaming_content)


def test_empty_ordering_keys_in_bulk_filters(editor_client, items):
    response = editor_client.post(
        BULK_URL,
        {"action": "update", "filters": {"ordering": ","}, "changes": {"condition": "LP"}},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["count"] == 3


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (str(2**63), "less than or equal to"),
        ("9" * 40, "less than or equal to"),
        ("1e30", "whole number"),
        ("1.5", "whole number"),
        ("0", "greater than or equal to 1"),
    ],
)
def test_unusable_import_batch_ids_are_400(editor_client, value, message):
    response = editor_client.get(LIST_URL, {"import_batch": value})
    assert response.status_code == 400
    assert message in response.json()["import_batch"][0]


def test_unusable_import_batch_ids_in_bulk_filters_are_400(editor_client, items):
    response = editor_client.post(
        BULK_URL, {"action": "delete", "filters": {"import_batch": str(2**64)}}, format="json"
    )
    assert response.status_code == 400
    assert "import_batch" in response.json()["filters"]


@pytest.mark.parametrize("opening", ["[", '{"o":'])
def test_a_cursor_nesting_json_thousands_deep_is_400(editor_client, items, opening):
    closing = "]" if opening == "[" else "}"
    token = base64.urlsafe_b64encode((opening * 5000 + "1" + closing * 5000).encode()).decode()
    response = editor_client.get(LIST_URL, {"cursor": token})
    assert response.status_code == 400
    assert response.json() == {"cursor": ["Invalid cursor."]}
