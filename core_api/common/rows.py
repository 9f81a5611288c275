"""Render `.values()` rows exactly as a ModelSerializer renders model instances.

A list page of 50 collectibles through a ModelSerializer builds 100 model
instances and walks every field's `get_attribute`; most of that time is
spent before any field is converted. `ValuesRepresentation` reads the
serializer's own declared fields once, fetches exactly their columns with
`.values()`, and converts each raw value the way the field's
`to_representation` does, so the output is the serializer's, field for field,
and a field added to the serializer appears in lists with no change here.
Writes keep the serializer (and its validation); tests assert both renderings
agree.
"""

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, cast

from django.conf import settings
from django.db.models import Model, QuerySet
from django.db.models.fields.files import FieldFile, FileField
from django.http import HttpRequest
from django.utils import timezone
from rest_framework import ISO_8601, serializers
from rest_framework.relations import PrimaryKeyRelatedField
from rest_framework.settings import api_settings

# Fields whose `to_representation` returns a database value of their own type
# unchanged (str(s), int(i), a choice key, decoded JSON): skipping the call
# saves most of the rendering time.
UNCHANGED = (serializers.CharField, serializers.ChoiceField, serializers.IntegerField, serializers.JSONField)


@dataclass(frozen=True)
class _Render:
    """What a conversion may need from the request being answered."""

    request: HttpRequest | None
    timezone: dt.tzinfo | None


@dataclass(frozen=True)
class _Column:
    name: str  # the key in the rendered row
    column: str  # the `.values()` lookup
    convert: Callable[[Any], Any] | None = None  # None: used as is
    nested: "tuple[_Column, ...] | None" = None  # a nested serializer's columns
    in_context: Callable[[Any, _Render], Any] | None = None  # conversions that need the request


class ValuesRepresentation:
    """Built once per serializer class (building a ModelSerializer's fields
    costs more than rendering a page); the request comes with each `render`."""

    def __init__(self, serializer_class: type[serializers.ModelSerializer[Any]]) -> None:
        self.plan = tuple(self._plan(serializer_class(), prefix=""))
        self.columns = list(self._lookups(self.plan))

    def render(self, queryset: QuerySet[Any], request: HttpRequest | None = None) -> list[dict[str, Any]]:
        context = _Render(request, timezone.get_current_timezone() if settings.USE_TZ else None)
        return [self._row(self.plan, row, context) for row in queryset.values(*self.columns)]

    @classmethod
    def _plan(cls, serializer: serializers.BaseSerializer[Any], prefix: str) -> Iterator[_Column]:
        model: type[Model] = serializer.Meta.model  # type: ignore[attr-defined]
        for field in serializer._readable_fields:  # type: ignore[attr-defined]
            name, source = str(field.field_name), str(field.source)
            lookup = prefix + "__".join(field.source_attrs)
            if isinstance(field, serializers.ModelSerializer):
                yield _Column(name, lookup, nested=tuple(cls._plan(field, lookup + "__")))
            elif isinstance(field, PrimaryKeyRelatedField):
                yield _Column(name, lookup)  # `.values()` gives the key itself
            elif isinstance(field, serializers.FileField):
                yield _Column(name, lookup, in_context=_file(field, model._meta.get_field(source)))
            elif isinstance(field, serializers.BaseSerializer) or source == "*" or "." in source:
                raise TypeError(f"{type(serializer).__name__}.{name}: no column to render it from")
            elif type(field) in UNCHANGED and not getattr(field, "binary", False):
                yield _Column(name, lookup)
            elif type(field) is serializers.DateTimeField and _iso_in_current_timezone(field):
                yield _Column(name, lookup, in_context=_iso_datetime)
            else:
                yield _Column(name, lookup, field.to_representation)

    @classmethod
    def _lookups(cls, plan: tuple[_Column, ...]) -> Iterator[str]:
        for column in plan:
            yield column.column  # for a nested serializer: its key, None when absent
            if column.nested:
                yield from cls._lookups(column.nested)

    @classmethod
    def _row(cls, plan: tuple[_Column, ...], row: dict[str, Any], context: _Render) -> dict[str, Any]:
        rendered: dict[str, Any] = {}
        for column in plan:
            value = row[column.column]
            if value is None:
                rendered[column.name] = None  # as Serializer.to_representation does
            elif column.convert is not None:
                rendered[column.name] = column.convert(value)
            elif column.nested is not None:
                rendered[column.name] = cls._row(column.nested, row, context)
            elif column.in_context is not None:
                rendered[column.name] = column.in_context(value, context)
            else:
                rendered[column.name] = value
        return rendered


def _iso_in_current_timezone(field: serializers.DateTimeField) -> bool:
    """Whether the field renders ISO 8601 in the current time zone (DRF's
    default), which `_iso_datetime` reproduces without a lookup per value."""
    output_format = getattr(field, "format", api_settings.DATETIME_FORMAT)
    return output_format == ISO_8601 and not hasattr(field, "timezone") and settings.USE_TZ


def _iso_datetime(value: dt.datetime, context: _Render) -> str:
    """DateTimeField.to_representation for an aware datetime, the current
    time zone looked up once per render instead of once per value."""
    text = value.astimezone(context.timezone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _file(field: serializers.FileField, model_field: Any) -> Callable[[Any, _Render], Any]:
    """DRF's FileField.to_representation, with the request given per render."""
    if not isinstance(model_field, FileField):
        raise TypeError(f"{field.field_name}: a FileField serializer field needs a model FileField")
    use_url = getattr(field, "use_url", api_settings.UPLOADED_FILES_USE_URL)

    def convert(name: str, context: _Render) -> Any:
        if not name:
            return None
        if not use_url:
            return name
        url = FieldFile(cast(Model, None), model_field, name).url  # the storage needs no instance
        return context.request.build_absolute_uri(url) if context.request is not None else url

    return convert
