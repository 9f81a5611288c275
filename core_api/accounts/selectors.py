"""Reads about the caller: which vendor they act for and with what role."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from .models import UserProfile, Vendor


def profile_for(user: AbstractBaseUser | AnonymousUser) -> UserProfile | None:
    if not user.is_authenticated:
        return None
    # A missing profile raises RelatedObjectDoesNotExist, an AttributeError.
    profile: UserProfile | None = getattr(user, "profile", None)
    return profile


def vendor_for(user: AbstractBaseUser | AnonymousUser) -> Vendor | None:
    profile = profile_for(user)
    return profile.vendor if profile else None
