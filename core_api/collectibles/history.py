"""Change history: who changed what, when, and as part of which operation.

django-simple-history records a snapshot row per create/update/delete of a
collectible and of its card details. On top of it, every write service runs
inside `recorded_operation(...)`, which stamps the snapshots it causes with the
acting user, a label ("API update", "Stock adjustment (sale)", "Bulk edit", …)
and an operation id, so one request that touches both the collectible and its
card details reads back as one history entry.
"""

import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.contrib.auth.models import User
from django.db import models
from django.dispatch import receiver
from django.utils import timezone
from simple_history.models import HistoricalRecords
from simple_history.signals import pre_create_historical_record

from common.bulk_sql import copy_values


@dataclass(frozen=True)
class Operation:
    user: User | None
    label: str
    id: uuid.UUID = field(default_factory=uuid.uuid4)


_current_operation: ContextVar[Operation | None] = ContextVar("collectibles_operation", default=None)


@contextmanager
def recorded_operation(*, user: User | None, label: str) -> Iterator[Operation]:
    """Attribute every history snapshot written inside the block to `user` and `label`.

    Nested calls keep the outermost operation: a bulk edit that calls the
    update service per item is one bulk edit, not N updates.
    """
    outer = _current_operation.get()
    if outer is not None:
        yield outer
        return
    operation = Operation(user=user if user is not None and user.is_authenticated else None, label=label)
    token = _current_operation.set(operation)
    try:
        yield operation
    finally:
        _current_operation.reset(token)


def current_operation() -> Operation | None:
    return _current_operation.get()


class HistoricalOperationFields(models.Model):
    """Extra columns on the historical tables."""

    history_operation = models.UUIDField(null=True, blank=True, db_index=True)

    class Meta:
        abstract = True


class OperationHistoricalRecords(HistoricalRecords):
    """HistoricalRecords that take user and label from the current operation
    (`stamp_operation` below adds its id)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("bases", [HistoricalOperationFields])
        super().__init__(**kwargs)

    def get_history_user(self, instance: Any) -> Any:
        operation = current_operation()
        if not hasattr(instance, "_history_user") and operation is not None:
            return operation.user
        return super().get_history_user(instance)

    def get_change_reason_for_object(self, instance: Any, history_type: str, using: Any) -> Any:
        reason = super().get_change_reason_for_object(instance, history_type, using)
        operation = current_operation()
        return reason or (operation.label if operation else None)


@receiver(pre_create_historical_record, dispatch_uid="collectibles.stamp_operation")
def stamp_operation(sender: Any, history_instance: Any, **kwargs: Any) -> None:
    operation = current_operation()
    if operation is not None and hasattr(history_instance, "history_operation"):
        history_instance.history_operation = operation.id


def write_snapshots(
    records: Sequence[Any],
    history_type: str,
    operation: Operation,
    *,
    model: type[models.Model] | None = None,
) -> None:
    """Record many snapshots at once (history_type "+", "~" or "-") for bulk writes.

    Bulk paths (imports, bulk edits, stock adjustments) change rows without the
    per-instance signals simple-history listens to; this writes the same rows
    it would, in one COPY. `records` are model instances, or (with `model`)
    dicts of field attname → value.
    """
    if not records:
        return
    history = (model or type(records[0])).history.model  # type: ignore[union-attr]
    tracked = [field.attname for field in history.tracked_fields]
    files = {field.attname for field in history.tracked_fields if isinstance(field, models.FileField)}
    extra = (
        timezone.now(),
        history_type,
        operation.user.pk if operation.user else None,
        operation.label,
        operation.id,
    )
    columns = [
        *tracked,
        "history_date",
        "history_type",
        "history_user_id",
        "history_change_reason",
        "history_operation",
    ]

    def values(record: Any) -> tuple[Any, ...]:
        get = record.get if isinstance(record, dict) else partial(getattr, record)
        # File fields are stored by name (the historical column is text).
        return (*(_file_name(get(name)) if name in files else get(name) for name in tracked), *extra)

    copy_values(history, columns, (values(record) for record in records))


def _file_name(value: Any) -> str:
    return str(getattr(value, "name", value) or "")
