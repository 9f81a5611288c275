"""Readers of the price files shops can get, one module per published format.

Each `read(stream)` yields a `PriceRow` per product, finish and currency the file
prices, or a `Skip` with the reason a record was not used; it streams (csv,
ijson) so a file of any size is read in bounded memory.
"""

from collections.abc import Callable, Iterator
from typing import IO

from pricing.choices import PriceSource

from . import cardmarket, scryfall, tcgcsv, tcgplayer_export
from .base import PriceRow, Skip, SourceFormatError

READERS: dict[str, Callable[[IO[bytes]], Iterator[PriceRow | Skip]]] = {
    PriceSource.TCGPLAYER_EXPORT: tcgplayer_export.read,
    PriceSource.CARDMARKET: cardmarket.read,
    PriceSource.SCRYFALL: scryfall.read,
    PriceSource.TCGCSV: tcgcsv.read,
}

__all__ = ["READERS", "PriceRow", "Skip", "SourceFormatError"]
