"""A shop's staff, run by its owners: invite, change a role, deactivate, remove.

Invitations are one-time links, not passwords: the owner never knows the member's
password. The link carries Django's password-reset token for the new user, which
works once (it is derived from the password hash, which accepting it changes) and
expires after PASSWORD_RESET_TIMEOUT (INVITATION_DAYS). Sessions of a member whose
access is reduced end at once (accounts/signals.py). A shop always keeps an active
owner. Every change is written to the shop's history (ShopChange) with its actor.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from rest_framework import status
from rest_framework.exceptions import APIException

from .models import Role, ShopChange, ShopChangeKind, UserProfile, Vendor


# Refusals the API answers as they are ({"detail": …} with the status): raised here so
# every caller (a view, a command, the admin) is refused the same way.
class LastOwner(APIException):
    """The change would leave the shop without an active owner."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "last_owner"


class InvitationInvalid(APIException):
    """The invitation link is unknown, used already, or expired."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invitation_invalid"


@dataclass(frozen=True)
class Invitation:
    uid: str
    token: str

    @property
    def path(self) -> str:
        """Where the SPA accepts it (the owner hands the member this link)."""
        return f"/invite/{self.uid}/{self.token}"


def invitation_for(user: User) -> Invitation:
    return Invitation(urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user))


def _record(vendor: Vendor, actor: Any, member: User, kind: str, old: str = "", new: str = "") -> None:
    ShopChange.objects.create(
        vendor=vendor,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        member=member,
        member_username=member.get_username(),
        kind=kind,
        old_value=old,
        new_value=new,
    )


def _locked_owners(vendor: Vendor) -> list[int]:
    """The vendor's active owners, their profiles locked: two owners demoting each
    other at once cannot both succeed and leave none."""
    return list(
        UserProfile.objects.select_for_update()
        .filter(vendor=vendor, role=Role.OWNER, user__is_active=True)
        .order_by("pk")
        .values_list("user_id", flat=True)
    )


def _refuse_losing_the_last_owner(vendor: Vendor, member: User) -> None:
    if _locked_owners(vendor) == [member.pk]:
        raise LastOwner("A shop needs an active owner: make someone else an owner first.")


@transaction.atomic
def staff_invite(
    *, vendor: Vendor, actor: Any, username: str, email: str, role: str
) -> tuple[User, Invitation]:
    """Create a member with no usable password and the one-time link that lets them set one."""
    member = User.objects.create_user(username=username, email=email, password=None)
    UserProfile.objects.filter(user=member).update(vendor=vendor, role=role)
    member.refresh_from_db()
    _record(vendor, actor, member, ShopChangeKind.MEMBER_INVITED, new=role)
    return member, invitation_for(member)


@transaction.atomic
def staff_invitation_renew(*, vendor: Vendor, actor: Any, member: User) -> Invitation:
    """A new link for a member who has not accepted theirs (the old one stays valid until it expires)."""
    if member.has_usable_password():
        raise InvitationInvalid("This member has set a password already: they sign in as usual.")
    _record(vendor, actor, member, ShopChangeKind.INVITATION_RENEWED)
    return invitation_for(member)


@transaction.atomic
def invitation_accept(*, uid: str, token: str, password: str) -> User:
    """Set the invited member's first password (validated by the caller); the link dies with it."""
    try:
        member = User.objects.select_for_update().get(pk=int(force_str(urlsafe_base64_decode(uid))))
    except (ValueError, TypeError, OverflowError, User.DoesNotExist) as error:
        raise InvitationInvalid("This invitation link is not valid.") from error
    if member.has_usable_password() or not default_token_generator.check_token(member, token):
        raise InvitationInvalid(
            "This invitation link has been used or has expired: ask the shop's owner for a new one."
        )
    if not member.is_active or member.profile.vendor is None:
        raise InvitationInvalid("This invitation was withdrawn: ask the shop's owner.")
    member.set_password(password)
    member.save(update_fields=["password"])
    _record(member.profile.vendor, member, member, ShopChangeKind.INVITATION_ACCEPTED)
    return member


@transaction.atomic
def staff_change(
    *, vendor: Vendor, actor: Any, member: User, role: str | None = None, is_active: bool | None = None
) -> User:
    """Change a member's role and/or activity; a shop keeps at least one active owner."""
    profile = member.profile = UserProfile.objects.select_for_update().get(user=member)
    losing_ownership = (
        profile.role == Role.OWNER
        and member.is_active
        and ((role is not None and role != Role.OWNER) or is_active is False)
    )
    if losing_ownership:
        _refuse_losing_the_last_owner(vendor, member)
    if role is not None and role != profile.role:
        old = profile.role
        profile.role = role
        profile.save(update_fields=["role"])  # signals end their sessions
        _record(vendor, actor, member, ShopChangeKind.ROLE_CHANGED, old=old, new=role)
    if is_active is not None and is_active != member.is_active:
        member.is_active = is_active
        member.save(update_fields=["is_active"])  # signals end their sessions
        kind = ShopChangeKind.MEMBER_REACTIVATED if is_active else ShopChangeKind.MEMBER_DEACTIVATED
        _record(vendor, actor, member, kind)
    return member


@transaction.atomic
def staff_remove(*, vendor: Vendor, actor: Any, member: User) -> None:
    """Take a member out of the shop (their account stays, attached to no shop, as a viewer)."""
    profile = UserProfile.objects.select_for_update().get(user=member)
    if profile.role == Role.OWNER and member.is_active:
        _refuse_losing_the_last_owner(vendor, member)
    old = profile.role
    profile.vendor = None
    profile.role = Role.VIEWER
    profile.save(update_fields=["vendor", "role"])  # signals end their sessions
    _record(vendor, actor, member, ShopChangeKind.MEMBER_REMOVED, old=old)
