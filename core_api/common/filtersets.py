"""django-filter's FilterSet without the per-request rebuilding of what never changes.

For every request django-filter deep-copies each declared filter, builds a
new form class from them, and Django deep-copies that form's fields again:
about a third of a list request's Python time on the collectibles list.
None of it is needed when the filters hold no per-request state (ours: fixed
choices, no request-dependent querysets):

- the form class is built once per FilterSet class;
- forms share its field instances (validation never mutates a field);
- each request still gets its own copy of every filter (django-filter sets
  `parent` on them), but a shallow one.

Tests in common/tests/test_filtersets.py pin the django-filter behaviour this
relies on.
"""

import copy
from collections.abc import Iterable
from typing import Any, cast

from django import forms
from django_filters import rest_framework as filters


class _CopiedOneLevel(dict[str, Any]):
    """Filters that `copy.deepcopy` copies one level deep."""

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, Any]:
        return {name: _filter_copy(value) for name, value in self.items()}


def _filter_copy(original: filters.Filter) -> filters.Filter:
    copied = copy.copy(original)
    if copied.method is not None:
        # A `method=` filter delegates to a helper bound to the filter
        # instance; bind a new one to the copy (the property's setter does).
        copied.method = copied.method
    return copied


class _Shared(dict[str, Any]):
    """A mapping whose values `copy.deepcopy` shares instead of copying."""

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, Any]:
        return dict(self)


class LeanFilterSet(filters.FilterSet):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        cls = type(self)
        if not isinstance(cls.__dict__.get("base_filters"), _CopiedOneLevel):
            cls.base_filters = _CopiedOneLevel(cls.base_filters)
        super().__init__(*args, **kwargs)

    def get_form_class(self) -> type[forms.Form]:
        cls = type(self)
        if "_form_class" not in cls.__dict__:
            form_class = super().get_form_class()
            form_class.base_fields = _Shared(form_class.base_fields)
            cls._form_class = form_class
        form_class_: type[forms.Form] = cls._form_class
        return form_class_


class CaseInsensitiveChoiceField(forms.ChoiceField):
    """Accepts `nm`, `Nm` or `NM` and hands the canonical value (`NM`) on, so
    the database compares exact values and can use its indexes."""

    def to_python(self, value: Any) -> str:
        text = str(super().to_python(value))
        choices = cast(Iterable[tuple[Any, Any]], self.choices)
        canonical = {str(key).casefold(): str(key) for key, _label in choices if key}
        return canonical.get(text.casefold(), text)


class CaseInsensitiveChoiceFilter(filters.ChoiceFilter):
    field_class = CaseInsensitiveChoiceField
