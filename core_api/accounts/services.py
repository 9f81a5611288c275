"""Writes about users and their sessions."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken

from .tokens import token_pair_for


def user_sessions_revoke(*, user_ids: Iterable[Any]) -> int:
    """End every session of these users: each of their refresh tokens that has not
    expired is blacklisted, so the next refresh answers 401. Access tokens already
    issued live on until they expire (at most JWT_ACCESS_MINUTES). Returns how many
    live tokens were found; idempotent."""
    live = OutstandingToken.objects.filter(
        user_id__in=list(user_ids), expires_at__gt=timezone.now(), blacklistedtoken__isnull=True
    ).values_list("pk", flat=True)
    # A concurrent refresh may blacklist the same token first: that is the outcome we want anyway.
    created = BlacklistedToken.objects.bulk_create(
        [BlacklistedToken(token_id=pk) for pk in live], ignore_conflicts=True
    )
    return len(created)


@transaction.atomic
def password_change(*, user: Any, new_password: str) -> dict[str, str]:
    """Set `user`'s password (already validated), end all their sessions, and start
    a new one for the caller: the returned token pair. The caller proved the old
    password, so the new session counts as a fresh sign-in (its auth_time is now)."""
    user.set_password(new_password)
    user.save(update_fields=["password"])
    user_sessions_revoke(user_ids=[user.pk])
    return token_pair_for(user)
