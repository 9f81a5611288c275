import factory
from django.contrib.auth.models import User
from factory.django import DjangoModelFactory

from accounts.models import Vendor

DEFAULT_PASSWORD = "correct-horse-battery"


class VendorFactory(DjangoModelFactory[Vendor]):
    class Meta:
        model = Vendor
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Card Shop {n}")
    slug = factory.Sequence(lambda n: f"card-shop-{n}")
    contact_email = factory.LazyAttribute(lambda v: f"hello@{v.slug}.example")
    default_currency = "USD"


class UserFactory(DjangoModelFactory[User]):
    """A user whose profile is attached to `vendor` with `role` (both optional)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.django.Password(DEFAULT_PASSWORD)

    @factory.post_generation
    def vendor(obj, create, extracted, **kwargs):
        if create and extracted is not None:
            obj.profile.vendor = extracted
            obj.profile.save(update_fields=["vendor"])

    @factory.post_generation
    def role(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.profile.role = extracted
            obj.profile.save(update_fields=["role"])
