"""TCGplayer's seller pricing export (CSV): one row per product, condition and printing.

Columns: TCGplayer Id, Product Line, Set Name, Product Name, Title, Number, Rarity,
Condition, TCG Market Price, TCG Direct Low, TCG Low Price With Shipping, TCG Low Price,
Total Quantity, Add to Quantity, TCG Marketplace Price, Photo URL. The condition folds in
the printing ("Near Mint Foil"), read as the inventory import reads it. Prices are USD.
"""

import codecs
import csv
from collections.abc import Iterator
from typing import IO

from imports.formats import normalize
from imports.formats.tcgplayer import split_condition

from .base import PriceRow, Skip, SourceFormatError, figures_of

REQUIRED = ("TCGplayer Id", "Condition", "TCG Market Price", "TCG Low Price")
FIGURES = {
    "TCG Market Price": "market",
    "TCG Direct Low": "direct_low",
    "TCG Low Price": "low",
}


def read(stream: IO[bytes]) -> Iterator[PriceRow | Skip]:
    rows = csv.DictReader(codecs.iterdecode(stream, "utf-8-sig"))
    missing = [column for column in REQUIRED if column not in (rows.fieldnames or [])]
    if missing:
        raise SourceFormatError(f"Not a TCGplayer pricing export: no {', '.join(missing)} column.")
    for row in rows:
        product_id = (row.get("TCGplayer Id") or "").strip()
        if not product_id.isdigit():
            yield Skip("no TCGplayer Id", {"line": rows.line_num})
            continue
        condition_text, finish, _language, _edition = split_condition(row.get("Condition") or "")
        try:
            condition = normalize.condition(condition_text)
        except normalize.ValueProblem:
            condition = None
        if condition is None:
            yield Skip("unknown condition", {"line": rows.line_num, "condition": row.get("Condition")})
            continue
        figures = figures_of(row, FIGURES)
        if not figures:
            yield Skip("no price", {"line": rows.line_num})
            continue
        yield PriceRow("tcgplayer", product_id, "USD", figures, finish=finish, condition=condition)
