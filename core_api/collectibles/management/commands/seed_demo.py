"""Load demo vendors, staff and stock. Safe to run again: it changes nothing
that is already there except resetting the demo accounts' passwords."""

import random
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import Flag, Role, UserProfile, Vendor
from catalog.choices import Source
from catalog.services import catalog_load
from collectibles.demo.catalog import demo_catalog
from collectibles.demo.generator import stock_lines
from collectibles.services import collectible_create

# A change being rolled out to one shop first, as docs/observability.md#feature-flags
# describes: the first demo vendor has it, the second does not.
DEMO_ROLLOUT_FLAG = "price-filters"

DEMO_PASSWORD = "omnistock-demo"  # noqa: S105  (printed on purpose: it is a local demo)

DEMO_VENDORS = (
    {"slug": "pallet-town-cards", "name": "Pallet Town Cards", "currency": "USD", "prefix": "pallet"},
    {"slug": "rheinland-tcg", "name": "Rheinland TCG", "currency": "EUR", "prefix": "rhein"},
)


class Command(BaseCommand):
    help = "Create two demo vendors with an owner, an editor and a viewer each, and a few hundred cards."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--cards", type=int, default=200, help="Stock lines per vendor (default 200).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (a throwaway database, e.g. the browser tests').",
        )

    def handle(self, *args: Any, cards: int, force: bool, **options: Any) -> None:
        # The demo accounts share a published password: on a real deployment
        # (DEBUG off) they would be a way in for anyone who read the README.
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates accounts with a published password and only runs with DEBUG on "
                "(`make run` sets it). To load the demo into a throwaway database anyway, pass --force."
            )
        User = get_user_model()
        accounts = []
        for index, spec in enumerate(DEMO_VENDORS):
            with transaction.atomic():
                vendor, _ = Vendor.objects.get_or_create(
                    slug=spec["slug"],
                    defaults={
                        "name": spec["name"],
                        "default_currency": spec["currency"],
                        "contact_email": f"hello@{spec['slug']}.example",
                    },
                )
                owner = None
                for role in (Role.OWNER, Role.EDITOR, Role.VIEWER):
                    username = f"{spec['prefix']}-{role}"
                    user, _ = User.objects.get_or_create(
                        username=username, defaults={"email": f"{username}@example.com"}
                    )
                    user.set_password(DEMO_PASSWORD)
                    user.save(update_fields=["password"])
                    UserProfile.objects.update_or_create(user=user, defaults={"vendor": vendor, "role": role})
                    accounts.append((username, role, vendor.name))
                    owner = owner or user
                if not vendor.collectibles.exists():
                    rng = random.Random(1000 + index)
                    for line in stock_lines(rng, cards, currency=vendor.default_currency):
                        collectible_create(vendor=vendor, created_by=owner, **line.as_service_kwargs())
                    self.stdout.write(f"Loaded {cards} stock lines for {vendor.name}.")
                else:
                    self.stdout.write(f"{vendor.name} already has stock; left as is.")

        first_shop = Vendor.objects.get(slug=DEMO_VENDORS[0]["slug"])
        Flag.objects.get_or_create(name=DEMO_ROLLOUT_FLAG)[0].vendors.add(first_shop)
        self.stdout.write(f"Feature flag {DEMO_ROLLOUT_FLAG!r} is on for {first_shop.name} only.")

        summary = catalog_load(source=Source.DEMO, records=demo_catalog())
        self.stdout.write(f"Demo card catalog: {summary.lines()[0]}")

        self.stdout.write(self.style.SUCCESS(f"\nDemo accounts (password for all: {DEMO_PASSWORD})"))
        for username, role, vendor_name in accounts:
            self.stdout.write(f"  {username:<16} {role:<7} {vendor_name}")
