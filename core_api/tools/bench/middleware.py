"""How the benchmark counts SQL queries per request in a real server."""

from collections.abc import Callable
from typing import Any

from django.db import connection
from django.http import HttpRequest, HttpResponse

QUERY_COUNT_HEADER = "X-Bench-Queries"
HEALTH_CHECK_HEADER = "X-Bench-Health-Checks"


class QueryCountMiddleware:
    """Adds `X-Bench-Queries: <n>`: the SQL statements the request ran on the
    default database, authentication included; and `X-Bench-Health-Checks`:
    1 when Django also checked a reused connection with `SELECT 1` first
    (CONN_HEALTH_CHECKS), a round trip that bypasses Django's cursors. Bench
    settings only: it costs a function call per query."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        count = 0

        def counter(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        # A reused connection is health-checked before its first query.
        wrapper: Any = connection  # the attributes below are not in django-stubs
        will_check = (
            wrapper.connection is not None and wrapper.health_check_enabled and not wrapper.health_check_done
        )
        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response[QUERY_COUNT_HEADER] = str(count)
        response[HEALTH_CHECK_HEADER] = "1" if will_check and count else "0"
        return response
