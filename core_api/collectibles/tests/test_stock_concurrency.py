"""Concurrent adjustments on PostgreSQL: no lost update, never negative."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from collectibles.errors import InsufficientStock
from collectibles.models import Collectible, StockMovement
from collectibles.services import stock_adjust
from collectibles.tests.factories import CardFactory


def _adjust_in_own_connection(pk, delta, actor):
    try:
        stock_adjust(collectible=Collectible.objects.get(pk=pk), delta=delta, reason="sale", actor=actor)
        return "ok"
    except InsufficientStock:
        return "short"
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_concurrent_sales_of_the_last_copies(vendor, owner):
    card = CardFactory(vendor=vendor, quantity=10)
    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(lambda _: _adjust_in_own_connection(card.pk, -1, owner), range(25)))
    card.refresh_from_db()
    assert outcomes.count("ok") == 10
    assert outcomes.count("short") == 15
    assert card.quantity == 0
    assert StockMovement.objects.filter(collectible_id=card.pk).count() == 10


@pytest.mark.django_db(transaction=True)
def test_concurrent_mixed_adjustments_lose_nothing(vendor, owner):
    card = CardFactory(vendor=vendor, quantity=100)
    deltas = [+3, -2, +1, -5, +4, -1] * 10  # sums to 0
    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(lambda d: _adjust_in_own_connection(card.pk, d, owner), deltas))
    card.refresh_from_db()
    assert outcomes.count("ok") == len(deltas)
    assert card.quantity == 100
    movements = StockMovement.objects.filter(collectible_id=card.pk)
    assert movements.count() == len(deltas)
    assert min(m.quantity_after for m in movements) >= 0
    # Every adjustment saw the result of the one before it: the versions chain.
    assert card.version == 1 + len(deltas)
