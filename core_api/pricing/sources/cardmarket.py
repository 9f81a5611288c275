"""Cardmarket's price guide (`price_guide_<game>.json`): EUR figures per product.

`{"version": 1, "createdAt": "…", "priceGuides": [{"idProduct", "avg", "low", "trend",
"avg1", "avg7", "avg30", "avg-foil", "low-foil", "trend-foil", "avg1-foil", …}]}`.
A product with foil figures gives a second row, finish foil.
"""

from collections.abc import Iterator
from datetime import date, datetime
from typing import IO

import ijson

from catalog.choices import Finish

from .base import PriceRow, Skip, SourceFormatError, figures_of

NORMAL = {"avg": "mid", "low": "low", "trend": "trend", "avg1": "avg1", "avg7": "avg7", "avg30": "avg30"}
FOIL = {f"{key}-foil": figure for key, figure in NORMAL.items()}


def created_on(stream: IO[bytes]) -> date | None:
    """The guide's own date (`createdAt`), read from the head of the file."""
    for text in ijson.items(stream, "createdAt"):
        try:
            return datetime.fromisoformat(str(text)).date()
        except ValueError:
            return None
    return None


def read(stream: IO[bytes]) -> Iterator[PriceRow | Skip]:
    seen_any = False
    try:
        for guide in ijson.items(stream, "priceGuides.item", use_float=False):
            seen_any = True
            product_id = str(guide.get("idProduct") or "").strip()
            if not product_id.isdigit():
                yield Skip("no idProduct")
                continue
            normal, foil = figures_of(guide, NORMAL), figures_of(guide, FOIL)
            if not normal and not foil:
                yield Skip("no price", {"idProduct": product_id})
            if normal:
                yield PriceRow("cardmarket", product_id, "EUR", normal)
            if foil:
                yield PriceRow("cardmarket", product_id, "EUR", foil, finish=Finish.FOIL)
    except ijson.JSONError as error:
        raise SourceFormatError(f"Not a Cardmarket price guide: {error}") from error
    if not seen_any:
        raise SourceFormatError('Not a Cardmarket price guide: no "priceGuides" list.')
