"""The import formats Omni-Stock reads, and recognising one from a header row."""

from .base import ImportFormat
from .cardmarket import CardmarketFormat
from .deckbox import DeckboxFormat
from .manabox import ManaboxFormat
from .moxfield import MoxfieldFormat
from .omnistock import OmniStockFormat
from .tcgplayer import TcgplayerFormat

FORMATS: dict[str, ImportFormat] = {
    fmt.name: fmt
    for fmt in (
        OmniStockFormat(),
        TcgplayerFormat(),
        DeckboxFormat(),
        MoxfieldFormat(),
        ManaboxFormat(),
        CardmarketFormat(),
    )
}
FORMAT_CHOICES = [(name, fmt.label) for name, fmt in FORMATS.items()]


def detect(header: list[str]) -> ImportFormat | None:
    """The format whose recognising columns are all in `header` (case-insensitive).

    When several match (Deckbox and Moxfield share most columns), the one that
    requires the most columns wins: it is the more specific reading.
    """
    present = {column.strip().lower() for column in header}
    matches = [fmt for fmt in FORMATS.values() if {c.lower() for c in fmt.columns} <= present]
    return max(matches, key=lambda fmt: len(fmt.columns), default=None)
