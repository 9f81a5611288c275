"""Scheduled housekeeping: the expired-token flush runs as a Celery task on beat's schedule."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken

from accounts.tasks import flush_expired_tokens
from config.celery import app

pytestmark = pytest.mark.django_db


def _token(user, jti, *, expires_in):
    now = timezone.now()
    return OutstandingToken.objects.create(
        user=user, jti=jti, token=f"token-{jti}", created_at=now, expires_at=now + expires_in
    )


def test_flush_deletes_expired_refresh_tokens_and_their_blacklist_entries(owner):
    expired = _token(owner, "expired", expires_in=timedelta(days=-1))
    BlacklistedToken.objects.create(token=expired)
    _token(owner, "alive", expires_in=timedelta(days=1))

    flush_expired_tokens.delay()

    assert list(OutstandingToken.objects.values_list("jti", flat=True)) == ["alive"]
    assert not BlacklistedToken.objects.exists()


def test_flush_twice_is_harmless(owner):
    _token(owner, "alive", expires_in=timedelta(days=1))
    flush_expired_tokens.delay()
    flush_expired_tokens.delay()
    assert OutstandingToken.objects.count() == 1


def test_beat_schedules_the_flush_daily_under_a_registered_task_name():
    entry = settings.CELERY_BEAT_SCHEDULE["flush-expired-tokens"]
    assert entry["task"] in app.tasks
    assert app.tasks[entry["task"]].run is flush_expired_tokens.run
    # Daily, at one fixed minute.
    assert entry["schedule"].hour == {3}
    assert entry["schedule"].minute == {17}
