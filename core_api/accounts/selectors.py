"""Reads about the caller: which vendor they act for and with what role."""

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from .authentication import StaffTokenUser
from .models import Membership, UserProfile, Vendor


def profile_for(user: AbstractBaseUser | AnonymousUser) -> UserProfile | None:
    if not user.is_authenticated:
        return None
    # A missing profile raises RelatedObjectDoesNotExist, an AttributeError.
    profile: UserProfile | None = getattr(user, "profile", None)
    return profile


def membership_for(user: AbstractBaseUser | AnonymousUser | Any) -> Membership | None:
    """The caller's vendor and role: from the token's claims when the request
    was authenticated by them (reads), else from the database."""
    if isinstance(user, StaffTokenUser):
        return user.membership
    profile = profile_for(user)
    return profile.membership if profile else None


def vendor_slug(vendor_id: int | None) -> str | None:
    if vendor_id is None:
        return None
    return Vendor.objects.filter(pk=vendor_id).values_list("slug", flat=True).first()
