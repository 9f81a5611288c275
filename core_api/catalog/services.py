"""Writing the catalog: the idempotent, batched upsert behind `load_catalog`.

A load reads one source's records as a stream and writes them in batches:

- a printing not in the catalog is created; one whose values differ is
  updated; one that is equal is left alone (a second load of the same file
  writes nothing);
- a printing the catalog has, in a set and language the file covers, but the
  file no longer lists is kept (collectibles may point at it) and marked
  `missing_since`; it is unmarked if a later file lists it again. Marking
  happens only after the whole file was read: a truncated download never
  marks the rest of the catalog missing.

Memory stays bounded: one batch of records, the sets seen (thousands), and a
bytearray with one byte per printing id saying "seen in this load".
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from .models import CardSet, Printing, remember_names
from .sources.base import PrintingRecord, Record, SetRecord

# The printing columns a record sets (compared to decide created/updated/unchanged).
PRINTING_FIELDS = (
    "card_set_id", "game", "name", "collector_number", "language", "rarity", "finishes",
    "release_date", "image_url", "external_ids", "missing_since",
)  # fmt: skip
SET_FIELDS = ("game", "code", "name", "release_date", "size")
DEFAULT_BATCH_SIZE = 2_000
DUPLICATE = "listed more than once in the file (the first one was kept)"


@dataclass
class LoadSummary:
    source: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    marked_missing: int = 0
    sets_created: int = 0
    sets_updated: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def lines(self) -> list[str]:
        lines = [
            f"{self.source}: {self.created} printings created, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.marked_missing} marked missing from the source; "
            f"{self.sets_created} sets created, {self.sets_updated} updated.",
            f"Skipped {sum(self.skipped.values())}" + (":" if self.skipped else "."),
        ]
        lines += [f"  {count} × {reason}" for reason, count in self.skipped.most_common()]
        return lines


class CatalogLoad:
    """One load of one source. Feed it records with `run`; it returns the summary."""

    def __init__(self, source: str, *, batch_size: int = DEFAULT_BATCH_SIZE, now: datetime | None = None):
        self.source = source
        self.batch_size = batch_size
        self.now = now or timezone.now()
        self.summary = LoadSummary(source)
        self._sets: dict[str, int] = {}  # set source id → pk, for the sets seen in this load
        self._batch: list[PrintingRecord] = []
        self._seen = bytearray()  # index = printing pk; 1 = listed by this load
        self._scope: set[tuple[int, str]] = set()  # (set pk, language) this load covers

    def run(self, records: Iterable[Record]) -> LoadSummary:
        for record in records:
            if isinstance(record, PrintingRecord):
                self._batch.append(record)
                if len(self._batch) >= self.batch_size:
                    self._flush()
            elif isinstance(record, SetRecord):
                self._set_pk(record)
            else:
                self.summary.skipped[record.reason] += 1
        self._flush()
        self._mark_missing()
        return self.summary

    # --- sets ----------------------------------------------------------------

    def _set_pk(self, record: SetRecord) -> int:
        """The set's pk, creating or updating it the first time this load sees it."""
        pk = self._sets.get(record.source_id)
        if pk is not None:
            return pk
        values = {name: getattr(record, name) for name in SET_FIELDS}
        existing = CardSet.objects.filter(source=self.source, source_id=record.source_id).first()
        if existing is None:
            existing = CardSet.objects.create(source=self.source, source_id=record.source_id, **values)
            self.summary.sets_created += 1
        else:
            # A card-level file repeats its set on every card: a blank in it never
            # erases what a set file said.
            changed = {
                name: value
                for name, value in values.items()
                if value not in (None, "") and getattr(existing, name) != value
            }
            if changed:
                CardSet.objects.filter(pk=existing.pk).update(**changed, updated_at=self.now)
                self.summary.sets_updated += 1
        self._sets[record.source_id] = existing.pk
        return existing.pk

    # --- printings -----------------------------------------------------------

    def _flush(self) -> None:
        if not self._batch:
            return
        batch, self._batch = self._batch, []
        wanted: dict[str, dict[str, Any]] = {}
        for record in batch:
            if record.source_id in wanted:
                self.summary.skipped[DUPLICATE] += 1
                continue
            wanted[record.source_id] = self._values(record)
        existing = {
            row[1]: (row[0], dict(zip(PRINTING_FIELDS, row[2:], strict=True)))
            for row in Printing.objects.filter(source=self.source, source_id__in=list(wanted)).values_list(
                "id", "source_id", *PRINTING_FIELDS
            )
        }
        creates: list[Printing] = []
        updates: list[Printing] = []
        names: set[str] = set()
        for source_id, values in wanted.items():
            found = existing.get(source_id)
            if found is None:
                creates.append(Printing(source=self.source, source_id=source_id, **values))
                names.add(values["name"])
                continue
            pk, current = found
            if self._was_seen(pk):
                self.summary.skipped[DUPLICATE] += 1
                continue
            self._mark_seen(pk, values)
            if current == values:
                self.summary.unchanged += 1
            else:
                updates.append(Printing(pk=pk, updated_at=self.now, **values))
                names.add(values["name"])
        with transaction.atomic():
            for printing in Printing.objects.bulk_create(creates):
                self._mark_seen(
                    printing.pk, {"card_set_id": printing.card_set_id, "language": printing.language}
                )
            if updates:
                Printing.objects.bulk_update(updates, [*PRINTING_FIELDS, "updated_at"])
            remember_names(names)
        self.summary.created += len(creates)
        self.summary.updated += len(updates)

    def _values(self, record: PrintingRecord) -> dict[str, Any]:
        return {
            "card_set_id": self._set_pk(record.card_set),
            "game": record.card_set.game,
            "name": record.name,
            "collector_number": record.collector_number,
            "language": record.language,
            "rarity": record.rarity,
            "finishes": list(record.finishes),
            "release_date": record.release_date,
            "image_url": record.image_url,
            "external_ids": dict(record.external_ids),
            "missing_since": None,
        }

    def _mark_seen(self, pk: int, values: dict[str, Any]) -> None:
        if pk >= len(self._seen):
            self._seen.extend(bytes(max(pk + 1 - len(self._seen), 65_536)))
        self._seen[pk] = 1
        self._scope.add((values["card_set_id"], values["language"]))

    def _was_seen(self, pk: int) -> bool:
        return pk < len(self._seen) and self._seen[pk] == 1

    def _mark_missing(self) -> None:
        """Mark the printings of the covered sets and languages that this load did not list."""
        set_pks = sorted({set_pk for set_pk, _ in self._scope})
        candidates = (
            Printing.objects.filter(source=self.source, card_set_id__in=set_pks, missing_since__isnull=True)
            .values_list("id", "card_set_id", "language")
            .order_by()
        )
        gone = [
            pk
            for pk, set_pk, language in candidates.iterator(chunk_size=10_000)
            if (set_pk, language) in self._scope and not self._was_seen(pk)
        ]
        with transaction.atomic():
            for start in range(0, len(gone), self.batch_size):
                Printing.objects.filter(pk__in=gone[start : start + self.batch_size]).update(
                    missing_since=self.now, updated_at=self.now
                )
        self.summary.marked_missing = len(gone)


def catalog_load(
    *, source: str, records: Iterable[Record], batch_size: int = DEFAULT_BATCH_SIZE
) -> LoadSummary:
    """Upsert one source's records into the catalog (see the module docstring)."""
    return CatalogLoad(source, batch_size=batch_size).run(records)
