"""orjson renders the bytes DRF's JSONRenderer would."""

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from django.utils.translation import gettext_lazy
from rest_framework.exceptions import ErrorDetail
from rest_framework.renderers import JSONRenderer
from rest_framework.utils.serializer_helpers import ReturnDict

from common.renderers import ORJSONRenderer

PAYLOADS = [
    {"count": 2, "next": None, "results": [{"name": "Pokémon — ポケモン", "price": "12.50"}]},
    {"detail": ErrorDetail("Invalid page.", code="not_found")},
    {"field": [ErrorDetail("Enter a number.", code="invalid")], "nested": {"grade": ["x"]}},
    ReturnDict({"id": 1, "tags": ["a", "b"]}, serializer=None),  # type: ignore[call-overload]
    {"when": dt.datetime(2026, 11, 26, 10, 30, 15, 123456, tzinfo=dt.UTC), "day": dt.date(2026, 1, 2)},
    {"amount": Decimal("9.99"), "id": uuid.UUID(int=7), "lazy": gettext_lazy("Invalid page.")},
    {"separators": "line\u2028para\u2029end"},
    {1: "integer keys", "float": 1.5, "bool": True, "none": None},
    [],
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_same_bytes_as_drf(payload):
    assert ORJSONRenderer().render(payload) == JSONRenderer().render(payload)


def test_nothing_renders_as_empty_body():
    assert ORJSONRenderer().render(None) == b""


def test_indent_requests_fall_back_to_drf():
    rendered = ORJSONRenderer().render({"a": 1}, "application/json; indent=2")
    assert rendered == JSONRenderer().render({"a": 1}, "application/json; indent=2")
