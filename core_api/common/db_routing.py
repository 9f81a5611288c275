"""Read replicas: reads that tolerate lag go to a replica, everything else to the primary.

Only a request can say that its reads tolerate lag, so the default — a Celery task, a
management command, a shell — is the primary. `ReplicaReadsMiddleware` opens a request's
reads to the replicas when all of these hold:

- the method is safe (GET, HEAD, OPTIONS): lists, search, export, history pages, detail;
- the same client did not write in the last `REPLICA_PIN_SECONDS` (read-your-writes: a client
  that just saved an item must see it on the next page, whichever web replica answers — the
  pin lives in the shared cache, keyed by a hash of the client's credentials);
- nothing in this request has written yet (any write, or any read inside a transaction,
  pins the rest of the request to the primary).

A replica that does not answer is skipped by every process for `REPLICA_RETRY_SECONDS`
(the mark lives in the shared cache) and the read goes to the primary: a dead replica slows
nothing down for longer than one connection attempt and fails no request.
"""

from __future__ import annotations

import hashlib
import logging
import random
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)

REPLICA_ALIAS_PREFIX = "replica_"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass
class _RequestReads:
    """Where the current request reads from: decided once, on its first read."""

    replicas_allowed: bool
    alias: str | None = None  # the replica (or the primary) chosen on the first read
    wrote: bool = False


# None outside a request (tasks, commands, shells): they read from the primary. The
# middleware sets and resets it around every request: gunicorn's threads serve many each.
_request_reads: ContextVar[_RequestReads | None] = ContextVar("request_reads", default=None)


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith(REPLICA_ALIAS_PREFIX)]


def _down_key(alias: str) -> str:
    return f"db-replica-down:{alias}"


def _answers(alias: str) -> bool:
    """Whether the replica's connection works, opening it if needed (once per request)."""
    connection = connections[alias]
    try:
        # The health check (`SELECT 1`, CONN_HEALTH_CHECKS) replaces a persistent
        # connection the server dropped; then connect if there is none.
        connection.close_if_health_check_failed()
        connection.ensure_connection()
    except OperationalError:
        logger.warning(
            "database replica %s does not answer; reading from the primary for %s s",
            alias,
            settings.REPLICA_RETRY_SECONDS,
        )
        cache.set(_down_key(alias), True, settings.REPLICA_RETRY_SECONDS)
        return False
    return True


def replica_for_read() -> str:
    """A replica that answers, or the primary when none does."""
    candidates = [alias for alias in replica_aliases() if not cache.get(_down_key(alias))]
    random.shuffle(candidates)  # spread the reads; connections stay per thread
    for alias in candidates:
        if _answers(alias):
            return alias
    return DEFAULT_DB_ALIAS


class PrimaryReplicaRouter:
    """Django database router for `DATABASE_REPLICA_URLS` (settings.DATABASE_ROUTERS)."""

    def db_for_read(self, model: type, **hints: Any) -> str:
        reads = _request_reads.get()
        if reads is None or not reads.replicas_allowed or connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        if reads.alias is None:
            reads.alias = replica_for_read()
        return reads.alias

    def db_for_write(self, model: type, **hints: Any) -> str:
        reads = _request_reads.get()
        if reads is not None:
            # Whatever this request reads from now on must see what it wrote.
            reads.replicas_allowed = False
            reads.wrote = True
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True  # the replicas hold the primary's rows

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == DEFAULT_DB_ALIAS  # a standby is read-only; it follows the primary


def _client_pin_key(request: HttpRequest) -> str | None:
    """The cache key that pins one client to the primary, or None for an anonymous client."""
    credentials = request.headers.get("Authorization") or request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not credentials:
        return None
    return "db-primary-pin:" + hashlib.sha256(credentials.encode()).hexdigest()[:32]


class ReplicaReadsMiddleware:
    """Lets safe requests read from replicas, and pins a client that wrote to the primary."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        pin_key = _client_pin_key(request)
        safe = request.method in SAFE_METHODS
        reads = _RequestReads(replicas_allowed=safe and not (pin_key and cache.get(pin_key)))
        token = _request_reads.set(reads)
        try:
            response = self.get_response(request)
        finally:
            _request_reads.reset(token)
        if (reads.wrote or not safe) and pin_key and response.status_code < 400:
            cache.set(pin_key, True, settings.REPLICA_PIN_SECONDS)
        if response.streaming:
            # An export reads while the server sends it, after this method returned.
            response.streaming_content = _read_as(reads, response.streaming_content)  # type: ignore[attr-defined]
        return response


def _read_as(reads: _RequestReads, content: Iterable[bytes]) -> Iterator[bytes]:
    """The chunks of a streamed body, each produced with its request's reads."""
    chunks = iter(content)
    while True:
        token = _request_reads.set(reads)
        try:
            chunk = next(chunks)
        except StopIteration:
            return
        finally:
            _request_reads.reset(token)
        yield chunk
