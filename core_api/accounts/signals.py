"""Every user gets a profile the moment they exist, whoever creates them
(admin, createsuperuser, seed_demo, tests), so code can rely on `user.profile`.

An admin change that takes access away ends the user's sessions at once,
wherever it is made (admin, shell, a command): deactivating the user, moving
them to another vendor or none, changing their role, deleting them or their
vendor. Their refresh tokens are blacklisted; access tokens already issued
expire on their own (docs/security.md, "Sessions and tokens")."""

from typing import Any

from django.conf import settings
from django.db.models.signals import post_save, pre_delete, pre_save
from django.dispatch import receiver

from .models import UserProfile, Vendor
from .services import user_sessions_revoke


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="accounts.create_profile")
def create_profile_for_new_user(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    if created and not kwargs.get("raw", False):
        UserProfile.objects.get_or_create(user=instance)


def _changes(instance: Any, fields: tuple[str, ...], kwargs: dict[str, Any]) -> bool:
    """Whether saving `instance` changes any of `fields` of its stored row."""
    if kwargs.get("raw") or instance._state.adding or instance.pk is None:
        return False
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and not set(update_fields) & set(fields):
        return False  # e.g. a password change: none of these fields is written
    stored = type(instance)._default_manager.filter(pk=instance.pk).values(*fields).first()
    return stored is not None and any(stored[field] != getattr(instance, field) for field in fields)


@receiver(pre_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="accounts.revoke_on_deactivation")
def revoke_sessions_of_deactivated_user(sender: Any, instance: Any, **kwargs: Any) -> None:
    if not instance.is_active and _changes(instance, ("is_active",), kwargs):
        user_sessions_revoke(user_ids=[instance.pk])


@receiver(pre_save, sender=UserProfile, dispatch_uid="accounts.revoke_on_membership_change")
def revoke_sessions_on_membership_change(sender: Any, instance: UserProfile, **kwargs: Any) -> None:
    # A promotion ends sessions too: the tokens' claims would keep the old role
    # for reads, and a fresh sign-in is a small price for one rule.
    if _changes(instance, ("vendor_id", "role"), kwargs):
        user_sessions_revoke(user_ids=[instance.user_id])


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL, dispatch_uid="accounts.revoke_on_user_delete")
def revoke_sessions_of_deleted_user(sender: Any, instance: Any, **kwargs: Any) -> None:
    # Before the delete: it sets the tokens' user to NULL, after which they name nobody.
    user_sessions_revoke(user_ids=[instance.pk])


@receiver(pre_delete, sender=Vendor, dispatch_uid="accounts.revoke_on_vendor_delete")
def revoke_sessions_of_deleted_vendors_staff(sender: Any, instance: Vendor, **kwargs: Any) -> None:
    # The staff's profiles lose their vendor by SET_NULL, an UPDATE that sends no signal.
    staff = UserProfile.objects.filter(vendor=instance).values_list("user_id", flat=True)
    user_sessions_revoke(user_ids=staff)
