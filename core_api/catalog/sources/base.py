"""What a catalog source yields, and how its files are opened.

A source reads its published files (a path on disk or a URL) as a stream and
yields `SetRecord`s, `PrintingRecord`s and `Skip`s, one at a time: nothing
holds a whole file, so a 2 GB Scryfall dump loads in bounded memory.
"""

import gzip
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

import ijson

from ..choices import Language

USER_AGENT = "Omni-Stock catalog loader (+https://github.com/omni-stock)"


class SourceError(Exception):
    """The source's files cannot be read (missing, not JSON, wrong shape)."""


@dataclass(frozen=True)
class SetRecord:
    source_id: str
    game: str
    code: str
    name: str
    release_date: date | None = None
    size: int | None = None


@dataclass(frozen=True)
class PrintingRecord:
    source_id: str
    card_set: SetRecord
    name: str
    collector_number: str
    language: str
    rarity: str = ""
    finishes: tuple[str, ...] = ()
    release_date: date | None = None
    image_url: str = ""
    external_ids: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Skip:
    """A record the source could not use, and why (the summary counts reasons)."""

    reason: str


Record = SetRecord | PrintingRecord | Skip

# Column limits a record must fit (catalog/models.py).
MAX_NAME = 200
MAX_CODE = 20
MAX_NUMBER = 20
MAX_SOURCE_ID = 64
MAX_RARITY = 50
MAX_IMAGE_URL = 500


def too_long(record: PrintingRecord) -> Skip | None:
    """A Skip when a value does not fit its column (the whole record is refused, never truncated)."""
    for what, value, limit in (
        ("name", record.name, MAX_NAME),
        ("collector number", record.collector_number, MAX_NUMBER),
        ("id", record.source_id, MAX_SOURCE_ID),
        ("rarity", record.rarity, MAX_RARITY),
        ("image URL", record.image_url, MAX_IMAGE_URL),
        ("set code", record.card_set.code, MAX_CODE),
        ("set id", record.card_set.source_id, MAX_SOURCE_ID),
        ("set name", record.card_set.name, MAX_NAME),
    ):
        if len(value) > limit:
            return Skip(f"{what} longer than {limit} characters")
    return None


def text(value: Any) -> str:
    """A JSON scalar as stripped text ('' for null)."""
    return "" if value is None else str(value).strip()


def iso_date(value: Any) -> date | None:
    """`1999-01-09`, `1999/01/09` or an ISO timestamp's date part; None when absent or unreadable."""
    raw = text(value)[:10].replace("/", "-")
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


LANGUAGE_CODES = {language.value for language in Language}


class Opener:
    """Opens a source's files, local or remote, plain or gzip, and reports
    bytes read to `on_read` (the command's progress bar)."""

    def __init__(
        self,
        root: str,
        *,
        on_open: Callable[[int | None], None] | None = None,
        on_read: Callable[[int], None] | None = None,
    ) -> None:
        self.root = root
        self.remote = urlsplit(root).scheme in ("http", "https")
        self.on_open = on_open
        self.on_read = on_read

    def child(self, *parts: str) -> str:
        if self.remote:
            return "/".join([self.root.rstrip("/"), *parts])
        return str(Path(self.root, *parts))

    def exists(self, location: str) -> bool:
        if self.remote:
            return True  # found out when opened
        return Path(location).is_file()

    def is_directory(self) -> bool:
        return not self.remote and Path(self.root).is_dir()

    @contextmanager
    def open(self, location: str) -> Iterator[IO[bytes]]:
        try:
            if self.remote:
                request = urllib.request.Request(  # noqa: S310  (http(s) only: checked in __init__)
                    location, headers={"User-Agent": USER_AGENT, "Accept": "application/json"}
                )
                raw: IO[bytes] = urllib.request.urlopen(request, timeout=60)  # noqa: S310
                size = raw.headers.get("Content-Length")  # type: ignore[attr-defined]
                size = int(size) if size and size.isdigit() else None
            else:
                raw = open(location, "rb")  # noqa: SIM115  (closed below)
                size = Path(location).stat().st_size
        except OSError as exc:
            raise SourceError(f"cannot open {location}: {exc}") from exc
        try:
            if self.on_open is not None:
                self.on_open(size)
            stream: Any = _Counting(raw, self.on_read) if self.on_read else raw
            if location.endswith(".gz"):
                stream = gzip.GzipFile(fileobj=stream)
            yield stream
        finally:
            raw.close()

    def items(self, location: str, prefix: str) -> Iterator[Any]:
        """Each JSON value at `prefix` (ijson syntax: `item`, `data.item`) of one file, streamed."""
        with self.open(location) as stream:
            try:
                yield from ijson.items(stream, prefix, use_float=True)
            except ijson.JSONError as exc:
                raise SourceError(f"{location} is not valid JSON: {exc}") from exc
            except (OSError, EOFError) as exc:  # a truncated gzip stream
                raise SourceError(f"cannot read {location}: {exc}") from exc


class _Counting:
    """A read-only stream that reports how many bytes each read returned."""

    def __init__(self, raw: IO[bytes], on_read: Callable[[int], None]) -> None:
        self.raw = raw
        self.on_read = on_read

    def read(self, size: int = -1) -> bytes:
        chunk = self.raw.read(size)
        self.on_read(len(chunk))
        return chunk
