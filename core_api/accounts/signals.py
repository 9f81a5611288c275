"""Every user gets a profile the moment they exist, whoever creates them
(admin, createsuperuser, seed_demo, tests), so code can rely on `user.profile`."""

from typing import Any

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import UserProfile


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="accounts.create_profile")
def create_profile_for_new_user(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    if created and not kwargs.get("raw", False):
        UserProfile.objects.get_or_create(user=instance)
