"""Export formats of the inventory list: a registry the app that owns each format fills.

`GET /collectibles/export/?format=…` is served here, but the formats are the
importer's (an export must read back in): `imports` registers them from its
AppConfig.ready(), so the dependency points one way (imports → collectibles),
like the import formats' own registry. A new format is one `register_export`.
"""

from collections.abc import Callable, Iterator

from django.db.models import QuerySet

from .models import Collectible

ExportWriter = Callable[[QuerySet[Collectible]], Iterator[str]]

_WRITERS: dict[str, ExportWriter] = {}


def register_export(name: str, writer: ExportWriter) -> None:
    """Offer `name` as an export format; the first registered is the default."""
    _WRITERS[name] = writer


def export_formats() -> list[str]:
    return list(_WRITERS)


def export_writer(name: str) -> ExportWriter | None:
    return _WRITERS.get(name)
