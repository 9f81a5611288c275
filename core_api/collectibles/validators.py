"""Rules for `external_ids`, the marketplace ids of a collectible.

Shape: a JSON object of at most 50 entries; keys are non-empty strings of at
most 64 characters (e.g. "tcgplayer", "cardmarket", "scryfall"); values are
strings (at most 255 characters) or numbers. NUL characters are refused:
PostgreSQL's jsonb cannot store them.
"""

import math
from typing import Any

from django.core.exceptions import ValidationError

MAX_EXTERNAL_IDS = 50
MAX_EXTERNAL_ID_KEY_LENGTH = 64
MAX_EXTERNAL_ID_VALUE_LENGTH = 255


def external_ids_problems(value: Any) -> list[str]:
    """Every way `value` breaks the rules (empty when it is valid)."""
    if not isinstance(value, dict):
        return ["Must be an object mapping marketplace names to ids."]
    problems = []
    if len(value) > MAX_EXTERNAL_IDS:
        problems.append(f"At most {MAX_EXTERNAL_IDS} marketplace ids are allowed.")
    for key, item in value.items():
        if not isinstance(key, str) or not key.strip():
            problems.append("Keys must be non-empty strings.")
        elif len(key) > MAX_EXTERNAL_ID_KEY_LENGTH:
            problems.append(f"Key '{key[:20]}…' is longer than {MAX_EXTERNAL_ID_KEY_LENGTH} characters.")
        elif "\x00" in key:
            problems.append("Keys may not contain NUL characters.")
        if isinstance(item, bool) or not isinstance(item, str | int | float):
            problems.append(f"The id for '{str(key)[:64]}' must be a string or a number.")
        elif isinstance(item, str) and len(item) > MAX_EXTERNAL_ID_VALUE_LENGTH:
            problems.append(
                f"The id for '{key[:64]}' is longer than {MAX_EXTERNAL_ID_VALUE_LENGTH} characters."
            )
        elif isinstance(item, str) and "\x00" in item:
            problems.append(f"The id for '{key[:64]}' may not contain NUL characters.")
        elif isinstance(item, float) and not math.isfinite(item):
            problems.append(f"The id for '{str(key)[:64]}' must be a finite number.")
    return problems


def validate_external_ids(value: Any) -> None:
    problems = external_ids_problems(value)
    if problems:
        raise ValidationError(problems, code="invalid_external_ids")
