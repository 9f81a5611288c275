"""Which feature flags are on for a caller (accounts.models.Flag, django-waffle)."""

from typing import Any

from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.http import HttpRequest
from rest_framework.request import Request

from .models import Flag


def active_flags(request: Request | HttpRequest) -> list[str]:
    """Names of the flags on for this request's caller, sorted.

    All flags come from waffle's cache (one query when it is cold); `read_only`
    keeps percentage flags from setting cookies an API client would not keep.
    """
    return sorted(flag.name for flag in Flag.get_all() if flag.is_active(request, read_only=True))


@receiver(m2m_changed, sender=Flag.vendors.through, dispatch_uid="accounts.flag_vendors_changed")
def forget_cached_vendors(
    sender: Any, instance: Any, action: str, pk_set: set[int] | None = None, **kwargs: Any
) -> None:
    """Adding or removing a vendor takes effect at once, as waffle does for users and groups."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    flags = [instance] if isinstance(instance, Flag) else Flag.objects.filter(pk__in=pk_set or ())
    for flag in flags:
        flag.flush()
