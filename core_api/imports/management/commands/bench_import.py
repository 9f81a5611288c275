"""Benchmark: preview and commit a large TCGplayer file (`make bench-import ROWS=100000`).

Generates a realistic TCGplayer seller export (real card vocabulary), then
times preview, commit, a second preview of the same file (every row matches:
all unchanged) and the rollback, and reports the process's peak RSS. Run it on
PostgreSQL against a throwaway database: it creates its own vendor.
"""

import csv
import json
import platform
import random
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand
from django.db import connection

from accounts.models import Role, UserProfile, Vendor
from collectibles.demo.generator import stock_lines
from imports.formats.tcgplayer import COLUMNS, PRODUCT_LINES, condition_text
from imports.models import ImportBatch
from imports.services.commit import import_commit
from imports.services.preview import import_preview
from imports.services.rollback import import_rollback


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_tcgplayer_file(path: Path, rows: int) -> None:
    rng = random.Random(2026)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        written = 0
        for line in stock_lines(rng, rows * 2, currency="USD"):
            if line.card_details is None:
                continue
            details = line.card_details

            class Row:  # condition_text reads these attributes
                condition = line.condition
                description = ""
                card_details = type("D", (), {"finish": details["finish"], "language": "EN"})()

            writer.writerow(
                [
                    100_000 + written, PRODUCT_LINES[details["game"]], details["set_name"], line.name, "",
                    details["card_number"], details["rarity"], condition_text(Row),  # type: ignore[arg-type]
                    "", "", "", "", line.quantity, 0, line.price, "",
                ]
            )  # fmt: skip
            written += 1
            if written == rows:
                break


class Command(BaseCommand):
    help = "Time preview and commit of a large TCGplayer import (bounded memory check)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--rows", type=int, default=100_000)
        parser.add_argument("--json", dest="json_path", default="", help="Also write the results here.")

    def handle(self, *args: Any, rows: int, json_path: str, **options: Any) -> None:
        suffix = f"{int(time.time())}"
        vendor = Vendor.objects.create(name=f"Bench shop {suffix}", slug=f"bench-{suffix}")
        user = User.objects.create_user(f"bench-{suffix}")
        UserProfile.objects.filter(user=user).update(vendor=vendor, role=Role.OWNER)
        results: dict[str, Any] = {
            "rows": rows,
            "database": connection.vendor,
            "python": platform.python_version(),
            "machine": f"{platform.machine()}, {platform.processor() or 'cpu'}",
        }
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "tcgplayer.csv"
            write_tcgplayer_file(path, rows)
            results["file_mb"] = round(path.stat().st_size / 1e6, 1)
            results["rss_before_mb"] = round(peak_rss_mb(), 1)

            def timed(label: str, work: Any) -> Any:
                start = time.perf_counter()
                value = work()
                results[f"{label}_seconds"] = round(time.perf_counter() - start, 2)
                results[f"{label}_peak_rss_mb"] = round(peak_rss_mb(), 1)
                self.stdout.write(
                    f"{label:<16} {results[f'{label}_seconds']:>8.2f} s   peak RSS {peak_rss_mb():.0f} MB"
                )
                return value

            def preview() -> ImportBatch:
                with path.open("rb") as handle:
                    return import_preview(
                        vendor=vendor, user=user, stream=handle, size=path.stat().st_size, filename=path.name
                    )

            batch = timed("preview", preview)
            results["preview_counts"] = [
                batch.create_count,
                batch.update_count,
                batch.unchanged_count,
                batch.error_count,
            ]
            timed("commit", lambda: import_commit(batch=batch, user=user))
            again = timed("preview_again", preview)
            results["preview_again_counts"] = [
                again.create_count, again.update_count, again.unchanged_count, again.error_count,
            ]  # fmt: skip
            timed("rollback", lambda: import_rollback(batch=batch, user=user))
        self.stdout.write(json.dumps(results, indent=2))
        if json_path:
            Path(json_path).write_text(json.dumps(results, indent=2))
