"""Vendors (shops) and the staff who work for them."""

from dataclasses import dataclass

from django.conf import settings
from django.db import models

from common.currencies import validate_currency_code


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
