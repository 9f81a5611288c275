"""The COPY-based bulk writers, and their Django fallback (used on SQLite), give the same rows."""

from decimal import Decimal
from unittest import mock

import pytest
from django.utils import timezone

from accounts.tests.factories import VendorFactory
from collectibles.models import Collectible, StockMovement
from collectibles.tests.factories import CollectibleFactory
from common import bulk_sql

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["copy", "django"])
def path(request):
    """Run each test through COPY (PostgreSQL) and through Django's bulk methods."""
    if request.param == "django":
        with mock.patch.object(bulk_sql, "_is_postgres", return_value=False):
            yield request.param
    else:
        yield request.param


def test_insert_and_update_round_trip(path):
    vendor = VendorFactory()
    ids = bulk_sql.reserve_ids(Collectible, 2)
    items = [
        Collectible(vendor=vendor, name="A", currency="USD", price=Decimal("1.50"), external_ids={"k": "v"}),
        Collectible(vendor=vendor, name="B", currency="EUR", quantity=3),
    ]
    # COPY writes exactly the listed columns (model defaults do not apply): list them all.
    columns = [
        "vendor",
        "user",
        "description",
        "sku",
        "condition",
        "release_date",
        "name",
        "currency",
        "price",
        "quantity",
        "external_ids",
        "image",
        "version",
        "created_at",
        "updated_at",
    ]
    if ids is None:
        assert path == "django"
        bulk_sql.copy_insert(Collectible, items, columns)
    else:
        for item, pk in zip(items, ids, strict=True):
            item.pk = pk
        bulk_sql.copy_insert(Collectible, items, ["id", *columns])
    stored = {c.name: c for c in Collectible.objects.all()}
    assert stored["A"].external_ids == {"k": "v"}
    assert stored["A"].price == Decimal("1.50")
    assert stored["B"].quantity == 3
    assert stored["B"].created_at is not None

    stored["A"].name, stored["B"].quantity = "A2", 7
    bulk_sql.copy_update(Collectible, list(stored.values()), ["name", "quantity"])
    assert sorted(Collectible.objects.values_list("name", "quantity")) == [("A2", 0), ("B", 7)]


def test_copy_values(path):
    item = CollectibleFactory()
    bulk_sql.copy_values(
        StockMovement,
        ["vendor_id", "collectible_id", "delta", "quantity_after", "reason", "note", "created_at"],
        [(item.vendor_id, item.pk, 2, 3, "purchase", "x", timezone.now())],
    )
    movement = StockMovement.objects.get()
    assert (movement.delta, movement.quantity_after, movement.reason) == (2, 3, "purchase")


def test_empty_writes_do_nothing(path):
    bulk_sql.copy_insert(Collectible, [], ["name"])
    bulk_sql.copy_update(Collectible, [], ["name"])
    assert bulk_sql.reserve_ids(Collectible, 0) is None
    assert not Collectible.objects.exists()
