"""Counts that stay cheap on large lists: exact up to a limit, PostgreSQL's estimate beyond.

`count` is exact up to `LIST_EXACT_COUNT_LIMIT` matching rows (1,000 by
default; counted with a capped `COUNT` that stops there) and beyond that
PostgreSQL's planner estimate, never less than what is known to exist.
Counting 200,000 rows exactly costs more than the rest of the request.
Estimates are remembered per query for a minute (per process), so paging
through a large list counts nothing again. Used by the paginator
(common/pagination.py) and by lists that count themselves (ranked search).
"""

import json
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import QuerySet


def exact_count_limit() -> int:
    return int(getattr(settings, "LIST_EXACT_COUNT_LIMIT", 1_000))


def count_rows(queryset: QuerySet[Any], *, at_least: int = 0) -> tuple[int, bool]:
    """How many rows `queryset` has, and whether that number is exact.

    `at_least` is how many rows the caller already knows exist.
    """
    if connection.vendor != "postgresql":
        return queryset.count(), True
    limit = exact_count_limit()
    # Compiled once for both statements: compiling costs more than running them.
    try:
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:  # e.g. `.none()`, the list of a user with no vendor
        return 0, True
    key = estimate_key(sql, params)
    remembered = remembered_estimate(key)
    if remembered is not None:
        return max(remembered, at_least), False
    if at_least <= limit:
        capped_sql = f"SELECT count(*) FROM ({sql} LIMIT {limit + 1}) AS capped"  # noqa: S608  (compiled by Django; values are parameters)
        with connection.cursor() as cursor:
            cursor.execute(capped_sql, params)
            capped = int(cursor.fetchone()[0])
        if capped <= limit:
            return capped, True
        at_least = limit + 1
    return max(_estimate(key), at_least), False


# Estimates of lists found to exceed the exact-count limit, per query (SQL and
# parameters), for ESTIMATE_TTL seconds: paging through a large list then costs
# neither the capped COUNT nor the EXPLAIN again. An estimate is approximate
# anyway; a list that shrinks below the limit meanwhile is still called an
# estimate until it expires. Per process; exact counts are never cached.
ESTIMATE_TTL = 60.0
ESTIMATE_CACHE_SIZE = 1_024
_estimates: "OrderedDict[tuple[str, tuple[Any, ...]], tuple[float, int]]" = OrderedDict()
# gthread workers (GUNICORN_THREADS > 1) share the cache between threads.
_estimates_lock = threading.Lock()


def forget_estimates() -> None:
    with _estimates_lock:
        _estimates.clear()


def estimate_key(sql: str, params: Sequence[Any]) -> tuple[str, tuple[Any, ...]]:
    return sql, tuple(tuple(param) if isinstance(param, list) else param for param in params)


def remembered_estimate(key: tuple[str, tuple[Any, ...]]) -> int | None:
    """The estimate of a list (keyed by its SQL and parameters) found to exceed
    the exact-count limit less than ESTIMATE_TTL seconds ago, if any."""
    with _estimates_lock:
        cached = _estimates.get(key)
    if cached is None or time.monotonic() - cached[0] >= ESTIMATE_TTL:
        return None
    return cached[1]


def remember_estimate(key: tuple[str, tuple[Any, ...]], estimate: int) -> None:
    with _estimates_lock:
        _estimates[key] = (time.monotonic(), estimate)
        _estimates.move_to_end(key)
        while len(_estimates) > ESTIMATE_CACHE_SIZE:
            _estimates.popitem(last=False)


def _estimate(key: tuple[str, tuple[Any, ...]]) -> int:
    sql, params = key
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    estimate = int((json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]["Plan Rows"])
    remember_estimate(key, estimate)
    return estimate
