"""Liveness and readiness probes for orchestrators and load balancers.

Plain Django views: they must answer without authentication and without
touching DRF's machinery, so a broken API layer cannot fake health.

Orchestrators probe by pod IP, not by the public host name, so the probes
answer any `Host`: ProbesMiddleware, first in the chain, serves them before
anything reads the host (CommonMiddleware's ALLOWED_HOSTS check, the SSL
redirect). Every other path keeps ALLOWED_HOSTS.

`/readyz` answers within READYZ_TIMEOUT_SECONDS even when the database
accepts connections but never replies: the check runs in a worker thread
on a connection of its own (DATABASE_CONNECT_TIMEOUT bounds how long it can
hang), and a probe that arrives while an earlier check is still stuck waits on
that check instead of starting another. The checker keeps its one connection
between probes: closing and reopening it for every probe made a process hold,
for a moment, two (the closing backend lingers), and cost a connection set-up
per probe.
"""

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from django.db import DatabaseError, connections
from django.http import HttpRequest, HttpResponse, JsonResponse

logger = logging.getLogger(__name__)

READYZ_TIMEOUT_SECONDS = 1.5


def healthz(request: HttpRequest) -> JsonResponse:
    """The process is up and serving requests."""
    return JsonResponse({"status": "ok"})


def _database_answers() -> None:
    """`SELECT 1` on the checker thread's own connection, kept for the next check.

    A connection that fails is closed and the check tried once more on a new one,
    so a database restart between probes is not reported as an outage. A
    connection that never completes gives up after DATABASE_CONNECT_TIMEOUT
    (settings), which frees the thread for the next check."""
    database = connections["default"]  # thread-local: the checker thread's own
    for attempt in (1, 2):
        try:
            with database.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
            return
        except DatabaseError:
            database.close()
            if attempt == 2:
                raise


_checker: ThreadPoolExecutor | None = None
_pending: Future[None] | None = None
_lock = threading.Lock()


def _current_check() -> Future[None]:
    global _checker, _pending
    with _lock:
        if _pending is None or _pending.done():
            if _checker is None:  # created on first use: never in a pre-fork master
                _checker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="readyz")
            _pending = _checker.submit(_database_answers)
        return _pending


def close_checker_connection() -> None:
    """Close the checker thread's connection (tests: before their database is dropped)."""
    if _checker is not None:
        # connections["default"] is per thread: look it up on the checker's.
        _checker.submit(lambda: connections["default"].close()).result(timeout=10)


def readyz(request: HttpRequest) -> JsonResponse:
    """The process can do useful work: its database answers (within the timeout)."""
    try:
        _current_check().result(timeout=READYZ_TIMEOUT_SECONDS)
    except FutureTimeout:
        logger.error("Readiness check: the database did not answer within %ss", READYZ_TIMEOUT_SECONDS)
        return JsonResponse({"status": "unavailable", "database": "timeout"}, status=503)
    except DatabaseError:
        logger.exception("Readiness check: database unreachable")
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


PROBES: dict[str, Callable[[HttpRequest], JsonResponse]] = {"/healthz": healthz, "/readyz": readyz}


class ProbesMiddleware:
    """Serves the probes for any Host, ahead of every other middleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        probe = PROBES.get(request.path_info)
        if probe is not None and request.method in ("GET", "HEAD"):
            return probe(request)
        return self.get_response(request)
