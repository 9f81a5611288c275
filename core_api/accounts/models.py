"""Vendors (shops) and the staff who work for them."""

from dataclasses import dataclass
from typing import Any
from zoneinfo import available_timezones

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from waffle.models import CACHE_EMPTY, AbstractUserFlag
from waffle.utils import get_cache, keyfmt

from common.currencies import validate_currency_code


def validate_time_zone(value: str) -> None:
    if value not in available_timezones():
        raise ValidationError(f"'{value}' is not a time zone (use an IANA name such as Europe/Berlin).")


class Vendor(models.Model):
    """A shop. Every collectible belongs to exactly one vendor."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    contact_email = models.EmailField(blank=True)
    default_currency = models.CharField(
        max_length=3,
        default="USD",
        validators=[validate_currency_code],
        help_text="ISO 4217 code; new collectibles are priced in it unless told otherwise.",
    )
    time_zone = models.CharField(
        max_length=64,
        default="UTC",
        validators=[validate_time_zone],
        help_text="IANA time zone of the shop, e.g. Europe/Berlin: how its days and times are shown.",
    )
    low_stock_threshold = models.PositiveIntegerField(
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text="An item in stock at or below this quantity is running low.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    OWNER = "owner", "Owner"
    EDITOR = "editor", "Editor"
    VIEWER = "viewer", "Viewer"


WRITE_ROLES = frozenset({Role.OWNER, Role.EDITOR})


@dataclass(frozen=True)
class Membership:
    """Which vendor a user acts for, and in which role: read from their
    profile, or from their access token's claims (accounts/tokens.py)."""

    vendor_id: int | None
    role: str | None

    @property
    def can_write(self) -> bool:
        return self.vendor_id is not None and self.role in WRITE_ROLES


class UserProfile(models.Model):
    """What Omni-Stock knows about a user beyond auth: their vendor and role.

    New users start as viewers with no vendor (least privilege); an owner or
    an admin attaches them to a vendor.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    vendor = models.ForeignKey(Vendor, null=True, blank=True, on_delete=models.SET_NULL, related_name="staff")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.VIEWER)

    def __str__(self) -> str:
        return f"{self.user} ({self.role} at {self.vendor or 'no vendor'})"

    @property
    def membership(self) -> Membership:
        return Membership(vendor_id=self.vendor_id, role=self.role)

    @property
    def can_write(self) -> bool:
        return self.membership.can_write


class ShopChangeKind(models.TextChoices):
    MEMBER_INVITED = "member_invited", "Member invited"
    INVITATION_RENEWED = "invitation_renewed", "Invitation renewed"
    INVITATION_ACCEPTED = "invitation_accepted", "Invitation accepted"
    ROLE_CHANGED = "role_changed", "Role changed"
    MEMBER_DEACTIVATED = "member_deactivated", "Member deactivated"
    MEMBER_REACTIVATED = "member_reactivated", "Member reactivated"
    MEMBER_REMOVED = "member_removed", "Member removed"
    SETTINGS_CHANGED = "settings_changed", "Shop settings changed"


class ShopChange(models.Model):
    """The history of a shop's staff: who changed what about whom, and when.

    Written by the staff services (accounts/staff.py) in the same transaction as the
    change, never edited; the owner reads it on the Staff page.
    """

    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="changes")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept as text too: the member may be deleted later, the history must still read.
    member_username = models.CharField(max_length=150, blank=True)
    kind = models.CharField(max_length=24, choices=ShopChangeKind.choices)
    old_value = models.CharField(max_length=100, blank=True)
    new_value = models.CharField(max_length=100, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["vendor", "-at"], name="accounts_shopchange_recent_idx")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind} {self.member_username}"


class Flag(AbstractUserFlag):
    """A feature flag (django-waffle) that can also be on for whole vendors.

    On for a request when waffle says so (everyone, users, groups, staff, …)
    or when the caller works for one of `vendors`: roll a change out to one
    shop first (docs/observability.md#feature-flags).
    """

    VENDORS_CACHE_KEY = "omnistock:flag:vendors:%s"

    vendors = models.ManyToManyField(
        Vendor,
        blank=True,
        related_name="flags",
        help_text="Activate this flag for everyone at these vendors.",
    )

    class Meta(AbstractUserFlag.Meta):
        pass

    def get_flush_keys(self, flush_keys: list[str] | None = None) -> list[str]:
        keys = super().get_flush_keys(flush_keys)
        keys.append(keyfmt(self.VENDORS_CACHE_KEY, self.name))
        return keys

    def _get_vendor_ids(self) -> set[int]:
        """The flag's vendors, cached like waffle caches its users and groups."""
        cache = get_cache()
        key = keyfmt(self.VENDORS_CACHE_KEY, self.name)
        cached = cache.get(key)
        if cached == CACHE_EMPTY:
            return set()
        if cached:
            return set(cached)
        vendor_ids = set(self.vendors.values_list("pk", flat=True))
        cache.add(key, vendor_ids or CACHE_EMPTY)
        return vendor_ids

    def is_active_for_user(self, user: Any) -> bool | None:
        active = super().is_active_for_user(user)
        if active:
            return active
        # The vendor from the access token's claims when the request was
        # authenticated by them, else from the profile.
        membership = getattr(user, "membership", None) or getattr(
            getattr(user, "profile", None), "membership", None
        )
        if membership is not None and membership.vendor_id in self._get_vendor_ids():
            return True
        return None
