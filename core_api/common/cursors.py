"""Keyset pagination: a cursor is the sort key values of the row next to it.

`?cursor=` pages by keyset instead of by number, which costs the same at any
depth. A cursor is client input: every value is checked as its column would
check it, so a forged one fails as a 400, not in the database.
"""

import base64
import binascii
import json
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import connection
from django.db.models import Field, Model, Q, QuerySet
from rest_framework.exceptions import ValidationError


@dataclass(frozen=True)
class SortKey:
    field: str
    descending: bool


def sort_keys(queryset: QuerySet[Any]) -> list[SortKey]:
    """The queryset's ordering as (field, direction) pairs, ending with the primary key."""
    model: type[Model] = queryset.model
    ordering = list(queryset.query.order_by) or list(model._meta.ordering or [])
    keys = []
    for item in ordering:
        if not isinstance(item, str):
            raise ValidationError(
                {"cursor": ["Cursors are not available for this ordering; use page numbers."]}
            )
        keys.append(SortKey(item.lstrip("-"), item.startswith("-")))
    if not keys or keys[-1].field not in ("pk", "id"):
        keys.append(SortKey("id", keys[-1].descending if keys else False))
    return keys


@dataclass(frozen=True)
class Cursor:
    """A position between two rows: the sort key values of the row next to it.

    `backwards` cursors (the `previous` link) fetch the rows before it.
    """

    ordering: list[str]
    values: list[Any]
    backwards: bool = False

    def encode(self) -> str:
        raw = json.dumps({"o": self.ordering, "v": self.values, "b": self.backwards}, separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str, ordering: list[str]) -> "Cursor":
        try:
            raw = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
            cursor = cls(ordering=list(raw["o"]), values=list(raw["v"]), backwards=bool(raw["b"]))
        except (ValueError, KeyError, TypeError, RecursionError, binascii.Error) as exc:
            # RecursionError: a client-made cursor whose JSON nests thousands deep.
            raise ValidationError({"cursor": ["Invalid cursor."]}) from exc
        if cursor.ordering != ordering or len(cursor.values) != len(ordering):
            raise ValidationError({"cursor": ["This cursor belongs to another ordering; start again."]})
        return cursor


def ordering_names(keys: Sequence[SortKey]) -> list[str]:
    return [f"-{key.field}" if key.descending else key.field for key in keys]


def _cursor_value(field: "Field[Any, Any]", raw: Any) -> Any:
    """A sort key's value from a cursor, checked as the column would check it:
    a cursor is client input (e.g. an object where a date belongs, or an id
    beyond the column's range) and must fail as a 400, not in the database."""
    try:
        value = field.to_python(raw)
        field.run_validators(value)
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("NUL in a text value")  # PostgreSQL text cannot hold it
    except (DjangoValidationError, TypeError, ValueError, OverflowError) as exc:
        raise ValidationError({"cursor": ["Invalid cursor."]}) from exc
    return value


def keyset_after(model: type[Model], keys: Sequence[SortKey], values: Sequence[Any]) -> Q:
    """Rows that come after `values` in the order `keys`, with NULLs where the
    database sorts them (PostgreSQL: as the largest values; SQLite: the smallest)."""
    nulls_high = connection.features.nulls_order_largest
    alternatives = []
    equal_so_far = Q()
    bound = Q()
    for position, (key, raw) in enumerate(zip(keys, values, strict=True)):
        field = model._meta.get_field(key.field)
        if not isinstance(field, Field):
            raise ValidationError(
                {"cursor": ["Cursors are not available for this ordering; use page numbers."]}
            )
        nulls_last = nulls_high != key.descending  # in this walk's direction
        value = None if raw is None else _cursor_value(field, raw)
        if value is None:
            # Nothing comes after the NULLs when they come last; every value does when they come first.
            beyond = None if nulls_last else Q(**{f"{key.field}__isnull": False})
            same = Q(**{f"{key.field}__isnull": True})
        else:
            beyond = Q(**{f"{key.field}__{'lt' if key.descending else 'gt'}": value})
            same = Q(**{key.field: value})
            if field.null and nulls_last:
                beyond |= Q(**{f"{key.field}__isnull": True})
            elif position == 0:
                # Redundant, but a plain range on the leading key is what lets
                # the database start the index scan at the cursor instead of
                # filtering every row before it.
                bound = Q(**{f"{key.field}__{'lte' if key.descending else 'gte'}": value})
        if beyond is not None:
            alternatives.append(equal_so_far & beyond)
        equal_so_far &= same
    if not alternatives:
        return Q(pk__in=[])
    return bound & reduce(operator.or_, alternatives)


def sort_value(row: Any, field: str) -> Any:
    """A sort key's value as the response shows it (dates and decimals as strings)."""
    value = row[field] if isinstance(row, dict) else getattr(row, "pk" if field == "id" else field)
    return value if value is None or isinstance(value, (str, int, float, bool)) else str(value)
