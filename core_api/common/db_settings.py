"""Connection settings that must live on the database itself behind a transaction pooler."""

from typing import Any

from django.conf import settings
from django.db import connections


def store_search_threshold_on_database(*, using: str, **kwargs: Any) -> None:
    """After `migrate`, store the typo-search threshold as the database's default.

    Without a pooler every connection sets it as a startup option (settings.py). pgbouncer
    in transaction mode refuses startup options, so there the database carries it
    (`ALTER DATABASE … SET`) and every new server connection starts with it; pgbouncer's
    already open server connections take it when they are next replaced (docs/deployment.md).
    """
    connection = connections[using]
    if not settings.DATABASE_TRANSACTION_POOLING or connection.vendor != "postgresql":
        return
    threshold = float(settings.SEARCH_WORD_SIMILARITY_THRESHOLD)
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_database()")
        (name,) = cursor.fetchone()
        cursor.execute(
            f"ALTER DATABASE {connection.ops.quote_name(name)} "
            f"SET pg_trgm.word_similarity_threshold = {threshold}"
        )
