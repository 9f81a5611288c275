"""Who may write what.

Reads are open to any authenticated user and are vendor-scoped by the
queryset (so another vendor's object is a 404, never a 403). Writes need a
vendor and a writing role.
"""

from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from .scoping import caller_membership


class IsVendorStaffWithWriteRole(BasePermission):
    """Safe methods: any authenticated user. Writes: owner or editor of a vendor."""

    message = "You do not have permission to change inventory."

    def has_permission(self, request: Request, view: Any) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        if request.method in SAFE_METHODS:
            return True
        membership = caller_membership(request)
        if membership is None or membership.vendor_id is None:
            self.message = "Your account is not attached to a vendor."
            return False
        if not membership.can_write:
            self.message = f"Your role ({membership.role}) is read-only."
            return False
        return True


class BodyVendorIsCallersVendor(BasePermission):
    """A write whose body names a vendor must name the caller's own vendor.

    `vendor` is read-only in every serializer, so naming another vendor could
    never take effect; refusing it with 403 tells an integration that it tried
    to act for a shop it does not belong to, instead of silently writing to its
    own.
    """

    message = "You cannot create or move collectibles for another vendor."

    def has_permission(self, request: Request, view: Any) -> bool:
        if request.method in SAFE_METHODS or not hasattr(request.data, "get"):
            return True
        claimed = request.data.get("vendor")
        if claimed in (None, ""):
            return True
        membership = caller_membership(request)
        own_vendor_id = membership.vendor_id if membership else None
        return own_vendor_id is not None and str(claimed) == str(own_vendor_id)


class IsVendorStaff(BasePermission):
    """Any authenticated member of a vendor, whatever the role (reads of
    shared reference data such as the card catalog)."""

    message = "Only a vendor's staff may use this."

    def has_permission(self, request: Request, view: Any) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        membership = caller_membership(request)
        return membership is not None and membership.vendor_id is not None
