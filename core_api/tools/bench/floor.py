"""The floor: what the same request costs with no framework at all.

`capture` runs the request once through Django in-process and records the
exact SQL it sent (parameters inlined, as psycopg's client-side binding sends
them). `measure` replays those statements through a bare psycopg connection
in a tight loop and encodes every fetched row with orjson: no HTTP, no
routing, no authentication code, no serializer. The API's latency divided by
this one is the framework's overhead factor.
"""

import re
import time
from dataclasses import dataclass
from typing import Any

import orjson
import psycopg
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from psycopg.rows import dict_row

from collectibles.models import Collectible

from .stats import percentile


@dataclass(frozen=True)
class Captured:
    status: int
    statements: list[str]
    created_id: int | None  # the id a create returned: the floor replays it with its own


@dataclass(frozen=True)
class FloorResult:
    iterations: int
    p50_ms: float
    p95_ms: float
    p99_ms: float


# The replay finds the created row's id in the captured SQL by its digits: an id of
# ten digits cannot be mistaken for a user's, a vendor's, a quantity or a timestamp's
# microseconds.
DISTINCTIVE_ID = 1_000_000_000


def _make_the_next_id_distinctive() -> None:
    table = Collectible._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence(%s, 'id'), "
            "GREATEST(nextval(pg_get_serial_sequence(%s, 'id')), %s))",
            [table, table, DISTINCTIVE_ID],
        )


def capture(*, method: str, path: str, body: str | None, token: str) -> Captured:
    if method != "GET":
        _make_the_next_id_distinctive()
    client = Client(HTTP_HOST="127.0.0.1", HTTP_AUTHORIZATION=f"Bearer {token}")
    with CaptureQueriesContext(connection) as queries:
        if method == "GET":
            response = client.get(path)
        else:
            response = client.generic(method, path, data=body or "", content_type="application/json")
    created_id = response.json().get("id") if response.status_code == 201 else None
    return Captured(
        status=response.status_code,
        statements=[query["sql"] for query in queries.captured_queries],
        created_id=created_id,
    )


def connection_params() -> dict[str, Any]:
    """Django's own connection parameters (startup options included, e.g. the
    trigram threshold), so the floor's session behaves like the API's."""
    params = connection.get_connection_params()
    return {
        key: params[key] for key in ("dbname", "user", "password", "host", "port", "options") if key in params
    }


def _run(cursor: psycopg.Cursor[dict[str, Any]], statements: list[str], created_id: int | None) -> list[Any]:
    """Run the statements; after the first INSERT ... RETURNING (the
    collectible's), the captured id of the created row is replaced by the one
    this INSERT returned: the card details, their history rows and the stock
    movement refer to it. Later INSERTs return other tables' ids (history
    rows), which must not replace it."""
    results = []
    new_id: str | None = None
    for statement in statements:
        if new_id is not None and created_id is not None:
            statement = re.sub(rf"\b{created_id}\b", new_id, statement)
        cursor.execute(statement.encode())
        rows = cursor.fetchall() if cursor.description else None
        if (
            new_id is None
            and rows
            and statement.lstrip().upper().startswith("INSERT")
            and "RETURNING" in statement.upper()
        ):
            new_id = str(next(iter(rows[0].values())))
        results.append(rows)
    return results


def measure(
    statements: list[str],
    *,
    write: bool,
    created_id: int | None = None,
    seconds: float,
    min_iterations: int = 20,
    max_iterations: int = 5_000,
) -> FloorResult:
    """Replay for `seconds` (at least `min_iterations` times), after one warm-up round."""
    with psycopg.connect(**connection_params(), autocommit=True, row_factory=dict_row) as conn:
        cursor = conn.cursor()
        samples: list[float] = []
        deadline = time.perf_counter() + seconds
        for iteration in range(max_iterations + 1):
            started = time.perf_counter()
            if write and "BEGIN" not in statements:
                # Django ran the write in a transaction its capture does not show.
                with conn.transaction():
                    results = _run(cursor, statements, created_id)
            else:
                results = _run(cursor, statements, created_id)
            orjson.dumps(results, default=str)
            if iteration:  # the first round warms the connection and caches
                samples.append(time.perf_counter() - started)
            if len(samples) >= min_iterations and time.perf_counter() > deadline:
                break
    return FloorResult(
        iterations=len(samples),
        p50_ms=percentile(samples, 50) * 1000,
        p95_ms=percentile(samples, 95) * 1000,
        p99_ms=percentile(samples, 99) * 1000,
    )
