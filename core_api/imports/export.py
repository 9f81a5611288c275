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


def omnistock_csv(queryset: QuerySet[Collectible]) -> Iterator[str]:
    """Every field; re-imports to the same inventory."""
    writer = csv.writer(_Line())
    keys = _external_id_keys(queryset)
    yield "\ufeff" + writer.writerow(omnistock.header(keys))  # BOM: spreadsheets then read UTF-8 right
    for item in _rows(queryset):
        yield writer.writerow([escape(value) for value in omnistock.to_row(item, keys)])


def tcgplayer_csv(queryset: QuerySet[Collectible]) -> Iterator[str]:
    """TCGplayer's seller format."""
    writer = csv.writer(_Line())
    yield writer.writerow(tcgplayer.COLUMNS)
    for item in _rows(queryset):
        yield writer.writerow([escape(value) for value in tcgplayer.to_row(item)])


def _rows(queryset: QuerySet[Collectible]) -> Iterator[Collectible]:
    return queryset.select_related("card_details").iterator(chunk_size=CHUNK)


# In the order offered (the first is the default), registered with collectibles by imports/apps.py.
EXPORT_WRITERS = {"omnistock": omnistock_csv, "tcgplayer": tcgplayer_csv}
