"""The caller, resolved once per request: the vendor they act for, and their role.

Authentication decides who the caller is (accounts/authentication.py: the
token's claims on reads that may trust them, the user and profile from the
database otherwise). `caller_membership` turns that into a Membership once per
request and keeps it on the request, so permissions, filters and views ask
again for free. Views pass the vendor to selectors and services as an argument:
nothing below a view looks the caller up.
"""

from typing import Any, cast

from django.contrib.auth.models import User
from django.http import HttpRequest
from rest_framework import viewsets
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request

from .models import Membership, Vendor
from .selectors import membership_for

_CACHED = "_omnistock_caller"


def caller_membership(request: Request | HttpRequest) -> Membership | None:
    """The caller's vendor and role (None for anonymous callers), computed once per request."""
    django_request = getattr(request, "_request", request)  # DRF's Request wraps Django's
    user = request.user
    cached = getattr(django_request, _CACHED, None)
    # Keyed by the user object: a request re-authenticated as someone else is resolved again.
    if cached is not None and cached[0] is user:
        return cast(Membership | None, cached[1])
    membership = membership_for(user) if user is not None and user.is_authenticated else None
    setattr(django_request, _CACHED, (user, membership))
    return membership


def caller_vendor_id(request: Request | HttpRequest) -> int | None:
    membership = caller_membership(request)
    return membership.vendor_id if membership else None


class VendorScopedViewSet(viewsets.GenericViewSet):
    """A viewset over one vendor's rows: `vendor_id` is the caller's (None when they have
    none, and then every queryset is empty), `actor` the authenticated user.

    Where the membership comes from is decided by authentication
    (accounts/authentication.claims_suffice) from these two attributes: reads may
    trust the access token's vendor and role claims when `reads_trust_token_claims`
    is set, except the actions named in `reads_checked_in_database` (a whole
    inventory in one response: the user and profile are read like for a write).
    """

    reads_trust_token_claims = False
    reads_checked_in_database: tuple[str, ...] = ()

    @property
    def vendor_id(self) -> int | None:
        return caller_vendor_id(self.request)

    def caller_vendor(self) -> Vendor:
        """The caller's vendor, read (one query) for a write that needs more than its id."""
        vendor = Vendor.objects.filter(pk=self.vendor_id).first() if self.vendor_id is not None else None
        if vendor is None:  # the write permission refuses callers without a vendor first
            raise PermissionDenied("Your account is not attached to a vendor.")
        return vendor

    @property
    def actor(self) -> User:
        # Every action of these viewsets requires authentication.
        return cast(User, self.request.user)

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "vendor_id": self.vendor_id}
