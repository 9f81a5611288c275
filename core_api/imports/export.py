"""Streaming CSV export of a vendor's stock in a format the importer reads back.

Constant memory whatever the row count: rows are read with a server-side
cursor in chunks and written out as they come.
"""

import csv
from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet

from collectibles.models import Collectible

from .formats import omnistock, tcgplayer

EXPORT_FORMATS = ("omnistock", "tcgplayer")
CHUNK = 2000
# A spreadsheet runs a cell starting with these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Line:
    """A file-like target for csv.writer that hands back what was written."""

    def write(self, text: str) -> str:
        return text


def escape(value: Any) -> Any:
    """Neutralise text a spreadsheet would run as a formula; numbers pass through.

    The importer strips the leading quote again, so exports still round-trip.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _external_id_keys(queryset: QuerySet[Collectible]) -> list[str]:
    keys: set[str] = set()
    for ids in queryset.values_list("external_ids", flat=True).iterator(chunk_size=CHUNK):
        if isinstance(ids, dict):
            keys.update(ids)
    return sorted(keys)


def stream_csv(queryset: QuerySet[Collectible], export_format: str) -> Iterator[str]:
    writer = csv.writer(_Line())
    rows = queryset.select_related("card_details").iterator(chunk_size=CHUNK)
    if export_format == "omnistock":
        keys = _external_id_keys(queryset)
        yield "\ufeff" + writer.writerow(omnistock.header(keys))  # BOM: spreadsheets then read UTF-8 right
        for item in rows:
            yield writer.writerow([escape(value) for value in omnistock.to_row(item, keys)])
    else:
        yield writer.writerow(tcgplayer.COLUMNS)
        for item in rows:
            yield writer.writerow([escape(value) for value in tcgplayer.to_row(item)])
