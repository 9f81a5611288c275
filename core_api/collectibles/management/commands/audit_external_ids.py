"""Classify every row's external_ids as valid, empty or malformed.

Reads the raw column with SQL, so it works on the legacy TextField schema
(before migration 0002) and on the JSONField schema after it: run it before
migrating to see what the conversion will coerce, and after to confirm.
"""

import json
from typing import Any

from django.core.management.base import BaseCommand
from django.db import connection

from collectibles.external_ids import ExternalIdsState, read_external_ids

MAX_IDS_LISTED = 1000


class Command(BaseCommand):
    help = "Report how many collectibles have valid, empty or malformed external_ids, with offending ids."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--json", action="store_true", help="Machine-readable output.")

    def handle(self, *args: Any, **options: Any) -> None:
        counts = dict.fromkeys(ExternalIdsState, 0)
        offending: dict[str, list[dict[str, Any]]] = {"empty": [], "malformed": []}
        table = connection.ops.quote_name("collectibles_collectible")
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id, external_ids FROM {table} ORDER BY id")  # noqa: S608  (no user input)
            while rows := cursor.fetchmany(2000):
                for pk, raw in rows:
                    reading = read_external_ids(raw)
                    counts[reading.state] += 1
                    listed = offending.get(reading.state.value)
                    if listed is not None and len(listed) < MAX_IDS_LISTED:
                        listed.append({"id": pk, "reason": reading.reason})

        report: dict[str, Any] = {
            "total": sum(counts.values()),
            "counts": {state.value: n for state, n in counts.items()},
            "malformed": offending["malformed"],
            "empty": offending["empty"],
        }
        if options["json"]:
            self.stdout.write(json.dumps(report, indent=2))
            return
        self.stdout.write(f"external_ids audit of {report['total']} collectible(s)")
        for state, n in counts.items():
            self.stdout.write(f"  {state.value:<10} {n}")
        for kind, entries in offending.items():
            if entries:
                self.stdout.write(f"\n{kind.capitalize()} (id: reason):")
                for entry in entries:
                    self.stdout.write(f"  {entry['id']}: {entry['reason']}")
        if max(counts[ExternalIdsState.MALFORMED], counts[ExternalIdsState.EMPTY]) > MAX_IDS_LISTED:
            self.stdout.write(f"(only the first {MAX_IDS_LISTED} ids of each kind are listed)")
