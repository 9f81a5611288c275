"""Render `.values()` rows exactly as a ModelSerializer renders model instances.

A list page of 50 collectibles through a ModelSerializer builds 100 model
instances and walks every field's `get_attribute`; most of that time is
spent before any field is converted. `ValuesRepresentation` reads the
serializer's own declared fields once, fetches exactly their columns with
`.values()`, and calls each field's `to_representation` on the raw value, so
the output is the serializer's, field for field, and a field added to the
serializer appears in lists with no change here. Writes keep the serializer
(and its validation); tests assert both renderings agree.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, cast

from django.db.models import Model, QuerySet
from django.db.models.fields.files import FieldFile, FileField
from django.http import HttpRequest
from rest_framework import serializers
from rest_framework.relations import PrimaryKeyRelatedField
from rest_framework.settings import api_settings

# Fields whose `to_representation` returns a database value of their own type
# unchanged (str(s), int(i), a choice key, decoded JSON): skipping the call
# saves most of the rendering time.
UNCHANGED = (serializers.CharField, serializers.ChoiceField, serializers.IntegerField, serializers.JSONField)


@dataclass(frozen=True)
class _Column:
    name: str  # the key in the rendered row
    column: str  # the `.values()` lookup
    convert: Callable[[Any], Any] | None = None  # None: used as is
    nested: "tuple[_Column, ...] | None" = None  # a nested serializer's columns
    file: Callable[[Any, HttpRequest | None], Any] | None = None  # file fields need the request


class ValuesRepresentation:
    """Built once per serializer class (building a ModelSerializer's fields
    costs more than rendering a page); the request, which only file URLs
    need, comes with each `render`."""

    def __init__(self, serializer_class: type[serializers.ModelSerializer[Any]]) -> None:
        self.plan = tuple(self._plan(serializer_class(), prefix=""))
        self.columns = list(self._lookups(self.plan))

    def render(self, queryset: QuerySet[Any], request: HttpRequest | None = None) -> list[dict[str, Any]]:
        return [self._row(self.plan, row, request) for row in queryset.values(*self.columns)]

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
                yield _Column(name, lookup, file=cls._file(field, model._meta.get_field(source)))
            elif isinstance(field, serializers.BaseSerializer) or source == "*" or "." in source:
                raise TypeError(f"{type(serializer).__name__}.{name}: no column to render it from")
            elif type(field) in UNCHANGED and not getattr(field, "binary", False):
                yield _Column(name, lookup)
            else:
                yield _Column(name, lookup, field.to_representation)

    @staticmethod
    def _file(field: serializers.FileField, model_field: Any) -> Callable[[Any, HttpRequest | None], Any]:
        """DRF's FileField.to_representation, with the request given per render."""
        if not isinstance(model_field, FileField):
            raise TypeError(f"{field.field_name}: a FileField serializer field needs a model FileField")
        use_url = getattr(field, "use_url", api_settings.UPLOADED_FILES_USE_URL)

        def convert(name: str, request: HttpRequest | None) -> Any:
            if not name:
                return None
            if not use_url:
                return name
            url = FieldFile(cast(Model, None), model_field, name).url  # the storage needs no instance
            return request.build_absolute_uri(url) if request is not None else url

        return convert

    @classmethod
    def _lookups(cls, plan: tuple[_Column, ...]) -> Iterator[str]:
        for column in plan:
            yield column.column  # for a nested serializer: its key, None when absent
            if column.nested:
                yield from cls._lookups(column.nested)

    @classmethod
    def _row(
        cls, plan: tuple[_Column, ...], row: dict[str, Any], request: HttpRequest | None
    ) -> dict[str, Any]:
        rendered: dict[str, Any] = {}
        for column in plan:
            value = row[column.column]
            if value is None:
                rendered[column.name] = None  # as Serializer.to_representation does
            elif column.convert is not None:
                rendered[column.name] = column.convert(value)
            elif column.nested is not None:
                rendered[column.name] = cls._row(column.nested, row, request)
            elif column.file is not None:
                rendered[column.name] = column.file(value, request)
            else:
                rendered[column.name] = value
        return rendered
