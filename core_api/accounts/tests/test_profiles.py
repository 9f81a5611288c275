import pytest
from django.contrib.auth import get_user_model

from accounts.models import Role, UserProfile
from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_new_user_gets_a_viewer_profile_without_vendor():
    user = get_user_model().objects.create_user("newbie", password="x-very-long-pass")
    profile = UserProfile.objects.get(user=user)
    assert profile.role == Role.VIEWER
    assert profile.vendor is None
    assert profile.can_write is False


def test_superuser_gets_a_profile_too():
    user = get_user_model().objects.create_superuser("admin", "admin@example.com", "x-very-long-pass")
    assert UserProfile.objects.filter(user=user).exists()


@pytest.mark.parametrize(
    ("role", "can_write"), [(Role.OWNER, True), (Role.EDITOR, True), (Role.VIEWER, False)]
)
def test_only_owners_and_editors_of_a_vendor_can_write(vendor, role, can_write):
    assert UserFactory(vendor=vendor, role=role).profile.can_write is can_write


def test_an_owner_without_vendor_cannot_write():
    assert UserFactory(role=Role.OWNER).profile.can_write is False


def test_profile_str_names_user_role_and_vendor(owner):
    assert str(owner.profile) == "owner (owner at Pallet Town Cards)"
