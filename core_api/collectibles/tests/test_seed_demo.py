from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from accounts.models import Vendor
from collectibles.models import CardDetails, Collectible

pytestmark = pytest.mark.django_db


def seed(cards=20):
    out = StringIO()
    call_command("seed_demo", "--cards", str(cards), "--force", stdout=out)
    return out.getvalue()


def test_seed_demo_creates_two_vendors_with_staff_and_stock():
    output = seed()
    assert Vendor.objects.count() == 2
    for vendor in Vendor.objects.all():
        assert vendor.collectibles.count() == 20
        roles = sorted(vendor.staff.values_list("role", flat=True))
        assert roles == ["editor", "owner", "viewer"]
    assert "omnistock-demo" in output
    assert "pallet-owner" in output
    # With a request, as every login has one (django-axes refuses a call without).
    user = authenticate(RequestFactory().post("/"), username="pallet-viewer", password="omnistock-demo")
    assert user is not None
    assert user.profile.role == "viewer"


def test_seed_demo_is_idempotent():
    seed()
    counts = (Vendor.objects.count(), Collectible.objects.count(), CardDetails.objects.count())
    output = seed()
    assert (Vendor.objects.count(), Collectible.objects.count(), CardDetails.objects.count()) == counts
    assert "already has stock" in output


def test_seed_demo_data_is_varied():
    seed(cards=200)
    assert CardDetails.objects.values("game").distinct().count() >= 5
    assert CardDetails.objects.values("language").distinct().count() >= 5
    assert CardDetails.objects.values("market_region").distinct().count() >= 4
    assert Collectible.objects.filter(card_details__isnull=True).exists()
    assert CardDetails.objects.filter(grading_company__isnull=False).exists()
    assert Collectible.objects.filter(quantity=0).exists()


def test_seed_demo_loads_a_small_catalog_once():
    from catalog.models import Printing

    output = seed()
    count = Printing.objects.filter(source="demo").count()
    assert count > 500
    assert Printing.objects.filter(
        source="demo", name="Charizard", card_set__code="BS", language="JA"
    ).exists()
    assert "Demo card catalog: demo:" in output
    output = seed()
    assert Printing.objects.count() == count
    assert "0 printings created, 0 updated" in output


def test_seed_demo_refuses_to_run_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo", "--cards", "1", stdout=StringIO())
    assert not Vendor.objects.exists()
    call_command("seed_demo", "--cards", "1", "--force", stdout=StringIO())
    assert Vendor.objects.count() == 2


def test_seed_demo_runs_with_debug_on(settings):
    settings.DEBUG = True
    call_command("seed_demo", "--cards", "1", stdout=StringIO())
    assert Vendor.objects.count() == 2


def test_seed_demo_rolls_a_feature_flag_out_to_the_first_shop_only():
    from accounts.models import Flag

    output = seed(cards=2)
    seed(cards=2)  # twice: still the one shop
    flag = Flag.objects.get(name="price-filters")
    assert list(flag.vendors.values_list("slug", flat=True)) == ["pallet-town-cards"]
    assert "'price-filters' is on for Pallet Town Cards only" in output
