"""Typo-tolerant search: the pg_trgm extension and trigram GIN indexes.

PostgreSQL only; on SQLite (local demo) search falls back to icontains and
these operations only update Django's migration state.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

from common.migration_operations import AddIndexOnPostgres


class Migration(migrations.Migration):
    dependencies = [("collectibles", "0002_external_ids_jsonfield")]

    operations = [
        TrigramExtension(),
        AddIndexOnPostgres(
            model_name="collectible",
            index=GinIndex(fields=["name"], name="coll_name_trgm_idx", opclasses=["gin_trgm_ops"]),
        ),
        AddIndexOnPostgres(
            model_name="carddetails",
            index=GinIndex(fields=["set_name"], name="card_set_name_trgm_idx", opclasses=["gin_trgm_ops"]),
        ),
    ]
