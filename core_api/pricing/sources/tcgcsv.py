"""TCGCSV's prices of one TCGplayer group (`…/<category>/<group>/prices`): USD per product and printing.

`{"success": true, "errors": [], "results": [{"productId", "lowPrice", "midPrice",
"highPrice", "marketPrice", "directLowPrice", "subTypeName": "Normal" | "Foil" |
"Holofoil" | "Reverse Holofoil" | "1st Edition" …}]}`.
"""

from collections.abc import Iterator
from typing import IO

import ijson

from imports.formats.tcgplayer import split_condition

from .base import PriceRow, Skip, SourceFormatError, figures_of

FIGURES = {
    "marketPrice": "market",
    "lowPrice": "low",
    "midPrice": "mid",
    "highPrice": "high",
    "directLowPrice": "direct_low",
}


def read(stream: IO[bytes]) -> Iterator[PriceRow | Skip]:
    try:
        for price in ijson.items(stream, "results.item", use_float=False):
            product_id = str(price.get("productId") or "").strip()
            if not product_id.isdigit():
                yield Skip("no productId")
                continue
            # The printing words are those TCGplayer puts in a condition ("Near Mint Foil").
            _, finish, _, _ = split_condition(f"Near Mint {price.get('subTypeName') or 'Normal'}")
            figures = figures_of(price, FIGURES)
            if not figures:
                yield Skip("no price", {"productId": product_id})
                continue
            yield PriceRow("tcgplayer", product_id, "USD", figures, finish=finish)
    except ijson.JSONError as error:
        raise SourceFormatError(f"Not a TCGCSV prices file: {error}") from error
