"""Two commits of the same file at the same time create its items once (PostgreSQL)."""

import io
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest
from django.db import connection

from collectibles.models import Collectible
from imports.errors import ImportConflict
from imports.models import ImportBatch
from imports.services.commit import import_commit
from imports.services.preview import import_preview
from imports.tests.conftest import tcg_file, tcg_row


def _commit_in_own_connection(batch_id, user, barrier):
    try:
        barrier.wait()
        import_commit(batch=ImportBatch.objects.get(pk=batch_id), user=user)
        return "committed"
    except ImportConflict:
        return "conflict"
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_concurrent_commits_of_one_file_create_its_items_once(vendor, owner):
    content = tcg_file(*(tcg_row(1000 + n, name=f"Card {n}") for n in range(20)))
    batches = [
        import_preview(
            vendor=vendor, user=owner, stream=io.BytesIO(content), size=len(content), filename="a.csv"
        )
        for _ in range(2)
    ]
    barrier = Barrier(2)
    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(lambda batch: _commit_in_own_connection(batch.pk, owner, barrier), batches))
    assert sorted(outcomes) == ["committed", "conflict"]
    assert Collectible.objects.count() == 20
