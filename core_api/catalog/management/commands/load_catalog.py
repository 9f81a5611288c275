"""`manage.py load_catalog SOURCE PATH_OR_URL`: load a public card database into the catalog."""

import sys
from collections.abc import Callable, Iterator
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from catalog.choices import Source
from catalog.services import DEFAULT_BATCH_SIZE, catalog_load
from catalog.sources import pokemontcg, scryfall, tcgcsv, ygoprodeck
from catalog.sources.base import Opener, Record, SourceError

READERS: dict[str, Callable[..., Iterator[Record]]] = {
    Source.SCRYFALL: scryfall.read,
    Source.POKEMONTCG: pokemontcg.read,
    Source.YGOPRODECK: ygoprodeck.read,
    Source.TCGCSV: tcgcsv.read,
}


class Command(BaseCommand):
    help = (
        "Load a card database into the catalog: scryfall (bulk data JSON file), pokemontcg (folder with "
        "sets/ and cards/), ygoprodeck (cardinfo JSON), tcgcsv (folder with categories, <category>/groups, "
        "<category>/<group>/products). Safe to run again: unchanged printings are not written. "
        "See docs/catalog.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", choices=list(READERS))
        parser.add_argument("path_or_url", help="A file or folder, or an http(s) URL of the same layout.")
        parser.add_argument(
            "--category",
            type=int,
            action="append",
            default=[],
            help="tcgcsv only: a TCGplayer category id to load (repeatable; default every listed one).",
        )
        parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="Printings per write.")
        parser.add_argument(
            "--progress",
            choices=["auto", "always", "never"],
            default="auto",
            help="Progress bar on stderr: auto shows it on a terminal.",
        )

    def handle(self, *args: Any, source: str, path_or_url: str, **options: Any) -> None:
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        if options["category"] and source != Source.TCGCSV:
            raise CommandError("--category applies to tcgcsv only.")
        show = {"auto": sys.stderr.isatty(), "always": True, "never": False}[options["progress"]]
        with tqdm(
            total=0,
            unit="B",
            unit_scale=True,
            unit_divisor=1024,
            desc=source,
            disable=not show,
            file=sys.stderr,
        ) as bar:

            def opened(size: int | None) -> None:
                if size and bar.total is not None:
                    bar.total += size
                    bar.refresh()

            opener = Opener(path_or_url, on_open=opened, on_read=bar.update if show else None)
            reader = READERS[source]
            records = reader(opener, options["category"]) if source == Source.TCGCSV else reader(opener)
            try:
                summary = catalog_load(source=source, records=records, batch_size=options["batch_size"])
            except SourceError as exc:
                raise CommandError(
                    f"{exc}. Nothing was marked missing; printings written so far stay."
                ) from exc
        for line in summary.lines():
            self.stdout.write(line)
