"""`manage.py load_prices SOURCE FILE`: store a day's market prices (docs/pricing.md)."""

from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import Vendor
from pricing.services import prices_load
from pricing.sources import READERS, SourceFormatError


class Command(BaseCommand):
    help = (
        "Load a price file: tcgplayer_export (the seller pricing CSV), cardmarket (price_guide_<game>.json), "
        "scryfall (bulk data JSON), tcgcsv (a group's prices JSON). The day's earlier snapshot of that "
        "source is replaced; earlier days are kept."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", choices=list(READERS))
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--date",
            type=date.fromisoformat,
            help="The day the prices are for (default: the file's, else today).",
        )
        parser.add_argument(
            "--vendor", help="A shop's slug: prices only that shop uses (default: every shop)."
        )

    def handle(self, *args: Any, source: str, path: Path, **options: Any) -> None:
        vendor = None
        if options["vendor"]:
            vendor = Vendor.objects.filter(slug=options["vendor"]).first()
            if vendor is None:
                raise CommandError(f"No vendor with the slug '{options['vendor']}'.")
        if not path.is_file():
            raise CommandError(f"{path} is not a file.")
        try:
            with path.open("rb") as stream:
                load = prices_load(source=source, stream=stream, on=options["date"], vendor=vendor)
        except SourceFormatError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{source} prices of {load.date}: {load.loaded:,} stored, "
            f"{load.replaced:,} of that day replaced, {sum(load.skipped.values()):,} skipped"
        )
        for reason, count in load.skipped.most_common():
            self.stdout.write(f"  skipped {count:,}: {reason}")
