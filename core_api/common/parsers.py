"""The API's JSON parser: DRF's, with a bound on nesting.

Python's decoder recurses once per level, so a body of a few thousand `[`
raised RecursionError, a 500 on any endpoint, including the unauthenticated
token endpoints. No Omni-Stock request nests deeper than a handful of levels
(`card_details`, `external_ids`, bulk `filters`), so anything beyond
MAX_JSON_DEPTH is refused as malformed before a serializer sees it; that also
keeps such values from reaching a JSON column and, later, the renderer.
BoundedJSONField applies the same bound to JSON fields sent in form bodies.
"""

from typing import Any

from rest_framework import parsers, serializers
from rest_framework.exceptions import ParseError

MAX_JSON_DEPTH = 32
TOO_DEEP = f"JSON parse error - nested more than {MAX_JSON_DEPTH} levels deep."


def json_depth_exceeds(value: Any, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when `value` nests lists/objects more than `limit` levels (iteratively: no recursion)."""
    pending: list[tuple[Any, int]] = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        if depth > limit:
            return True
        pending.extend((child, depth + 1) for child in children)
    return False


class JSONParser(parsers.JSONParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise ParseError(TOO_DEEP) from exc
        if json_depth_exceeds(data):
            raise ParseError(TOO_DEEP)
        return data


class BoundedJSONField(serializers.JSONField):
    """DRF's JSONField with the parser's nesting bound.

    In form and multipart bodies DRF decodes a JSON field's text itself (the
    parser above never sees it), so the same limit applies here."""

    def to_internal_value(self, data: Any) -> Any:
        try:
            value = super().to_internal_value(data)
        except RecursionError as exc:
            raise serializers.ValidationError(TOO_DEEP) from exc
        if json_depth_exceeds(value):
            raise serializers.ValidationError(TOO_DEEP)
        return value
