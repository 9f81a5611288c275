"""Counters fed by signals the other apps already send: no line in their code.

- a refused password login: Django's `user_login_failed` (SimpleJWT's token
  view authenticates through `django.contrib.auth.authenticate`);
- a stock movement written through the ORM (manual adjustments, single edits);
  bulk paths write theirs with COPY and are counted as import rows instead;
- an import batch reaching a status (saved with `update_fields` naming it).
"""

from typing import Any

from django.contrib.auth.signals import user_login_failed
from django.db.models.signals import post_save
from django.dispatch import receiver

from collectibles.models import StockMovement
from imports.models import BatchStatus, ImportBatch, RowOutcome

from . import metrics

ROW_COUNTS = {
    RowOutcome.CREATE: "create_count",
    RowOutcome.UPDATE: "update_count",
    RowOutcome.UNCHANGED: "unchanged_count",
    RowOutcome.ERROR: "error_count",
}


@receiver(user_login_failed, dispatch_uid="observability.login_failed")
def count_login_failure(**kwargs: Any) -> None:
    metrics.LOGIN_FAILURES.inc()


@receiver(post_save, sender=StockMovement, dispatch_uid="observability.stock_movement")
def count_stock_movement(instance: StockMovement, created: bool, **kwargs: Any) -> None:
    if created:
        metrics.STOCK_ADJUSTMENTS.labels(instance.reason).inc()


@receiver(post_save, sender=ImportBatch, dispatch_uid="observability.import_batch")
def count_import_batch(
    instance: ImportBatch, update_fields: frozenset[str] | None = None, **kwargs: Any
) -> None:
    if not update_fields or "status" not in update_fields:
        return
    metrics.IMPORT_BATCHES.labels(instance.format, instance.status).inc()
    if instance.status == BatchStatus.COMMITTED:
        for outcome, field in ROW_COUNTS.items():
            metrics.IMPORT_ROWS.labels(instance.format, outcome.value).inc(getattr(instance, field))
