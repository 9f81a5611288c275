"""JSON responses through orjson: the same bytes DRF's JSONRenderer writes
(compact, UTF-8), several times faster on a page of 100 rows."""

from typing import Any

import orjson
from rest_framework.renderers import JSONRenderer
from rest_framework.utils.encoders import JSONEncoder

# orjson would write datetimes and dataclasses its own way: hand them to
# DRF's encoder instead, as it sees everything orjson does not know
# (Decimal, lazy translations, querysets).
OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
_drf_encoder = JSONEncoder()


class ORJSONRenderer(JSONRenderer):
    def render(
        self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None
    ) -> bytes:
        if data is None:
            return b""
        if self.get_indent(accepted_media_type or "", renderer_context or {}):
            return super().render(data, accepted_media_type, renderer_context)
        rendered = orjson.dumps(data, default=_drf_encoder.default, option=OPTIONS)
        # As DRF does: U+2028/U+2029 are valid JSON but end a line in JavaScript.
        if b"\xe2\x80\xa8" in rendered or b"\xe2\x80\xa9" in rendered:
            rendered = rendered.replace(b"\xe2\x80\xa8", b"\\u2028").replace(b"\xe2\x80\xa9", b"\\u2029")
        return rendered
