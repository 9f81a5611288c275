"""Periodic housekeeping for accounts (scheduled in CELERY_BEAT_SCHEDULE)."""

from celery import shared_task
from django.core.management import call_command


@shared_task(name="accounts.flush_expired_tokens")
def flush_expired_tokens() -> None:
    """Delete refresh tokens past their lifetime, with their blacklist entries.
    Idempotent: a second run finds nothing left to delete."""
    call_command("flushexpiredtokens", verbosity=0)
