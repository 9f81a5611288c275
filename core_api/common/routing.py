"""URL conventions shared by the routers.

Ids in paths go through the `id` converter: digits only, and few enough that
every match fits a bigint column. Anything else is no route (a JSON 404), never
a value the database is asked about (SQLite, the demo's database, raises
OverflowError beyond 2**63 - 1). The OpenAPI schema still calls it an integer
(SPECTACULAR_SETTINGS["PATH_CONVERTER_OVERRIDES"]).
"""

from typing import Any

from django.urls import register_converter

ID_CONVERTER = "id"
MAX_ID_DIGITS = 18
ID_SCHEMA: dict[str, Any] = {"type": "integer", "minimum": 1, "maximum": 10**MAX_ID_DIGITS - 1}


class IdConverter:
    regex = f"[0-9]{{1,{MAX_ID_DIGITS}}}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int | str) -> str:
        return str(value)


register_converter(IdConverter, ID_CONVERTER)
