"""ISO 4217 currency codes, validated against pycountry's registry."""

from functools import lru_cache

import pycountry
from django.core.exceptions import ValidationError


def is_currency_code(value: str) -> bool:
    return len(value) == 3 and value.isupper() and _registered(value)


@lru_cache(maxsize=1024)  # a fixed registry; an import checks the same few codes on every row
def _registered(code: str) -> bool:
    return pycountry.currencies.get(alpha_3=code) is not None


def validate_currency_code(value: str) -> None:
    if not is_currency_code(value):
        raise ValidationError(
            "%(value)s is not an ISO 4217 currency code (e.g. USD, EUR, JPY).",
            code="invalid_currency",
            params={"value": value},
        )
