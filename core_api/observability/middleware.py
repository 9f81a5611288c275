"""The request's id, its access line and its metrics; `/metrics` itself.

First in MIDDLEWARE, so every response carries `X-Request-ID` (errors, probes
and static files included) and the access line times the whole request.
`/metrics` is answered here, ahead of the host check, as the probes are:
Prometheus scrapes by pod IP.
"""

import logging
import time
from collections.abc import Callable
from contextlib import ExitStack
from typing import Any

from django.db import connections
from django.http import FileResponse, HttpRequest, HttpResponse
from rest_framework_simplejwt.settings import api_settings as jwt_settings

from accounts.tokens import VENDOR_CLAIM

from . import context, metrics
from .views import METRICS_PATH
from .views import metrics as metrics_view

REQUEST_ID_HEADER = "X-Request-ID"
# A request Django never resolved to a view (a refused Host, a missing static file).
UNRESOLVED = "<unresolved>"
# A file WhiteNoise served (the SPA's assets, static files) before URL resolution.
STATIC = "<static>"
# Asked every few seconds by machines; answered for any Host (common.health, observability.views).
PROBE_PATHS = frozenset({"/healthz", "/readyz", METRICS_PATH})

access_logger = logging.getLogger("omnistock.access")


class QueryCounter:
    """Counts and times the request's SQL statements.

    An execute wrapper (a list append and a perf_counter per statement) rather
    than DEBUG's cursor, which keeps every statement's text."""

    __slots__ = ("count", "seconds")

    def __init__(self) -> None:
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute: Callable[..., Any], sql: str, params: Any, many: bool, ctx: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, ctx)
        finally:
            self.count += 1
            self.seconds += time.perf_counter() - started


def route_of(request: HttpRequest, response: HttpResponse) -> str:
    """The URL pattern that served the request (`/api/v1/collectibles/<id:pk>/`), never the path.

    A regular-expression route (the SPA's catch-all) is named by its URL name
    (`<spa>`): its pattern is unreadable in a log line."""
    if request.path_info in PROBE_PATHS:  # answered before URL resolution
        return request.path_info
    match = getattr(request, "resolver_match", None)
    if match is None or match.route is None:
        return STATIC if isinstance(response, FileResponse) else UNRESOLVED
    if match.route.startswith("^"):
        return f"<{match.url_name or match.func.__name__}>"
    return f"/{match.route}"


def caller_of(request: HttpRequest) -> tuple[Any, Any]:
    """(user id, vendor id) without a query: from the JWT DRF authenticated, or a
    session user already loaded (the admin). DRF copies `user` and `auth` onto
    the Django request it wraps."""
    token = getattr(request, "auth", None)
    payload = getattr(token, "payload", None)
    if isinstance(payload, dict):
        # SimpleJWT writes the user id as a string.
        user_id = str(payload.get(jwt_settings.USER_ID_CLAIM))
        return int(user_id) if user_id.isdigit() else user_id, payload.get(VENDOR_CLAIM)
    user: Any = request.__dict__.get("user")
    wrapped = getattr(user, "_wrapped", user)  # a SimpleLazyObject not yet evaluated stays unevaluated
    if getattr(wrapped, "is_authenticated", False) is True:
        return wrapped.pk, None
    return None, None


def size_of(response: HttpResponse) -> int | None:
    if response.has_header("Content-Length"):
        return int(response["Content-Length"])
    if getattr(response, "streaming", False):
        return None
    return len(response.content)


class RequestObservabilityMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = context.accept_request_id(request.headers.get(REQUEST_ID_HEADER))
        token = context.request_id.set(request_id)
        counter = QueryCounter()
        started = time.perf_counter()
        try:
            with ExitStack() as wrappers:
                # Every alias: reads may go to a replica (DATABASE_REPLICA_URLS).
                for alias in connections:
                    wrappers.enter_context(connections[alias].execute_wrapper(counter))
                if request.path_info == METRICS_PATH:
                    response = metrics_view(request)
                else:
                    response = self.get_response(request)
            duration = time.perf_counter() - started
            response[REQUEST_ID_HEADER] = request_id
            self.record(request, response, duration, counter)
            return response
        finally:
            context.request_id.reset(token)

    @staticmethod
    def record(request: HttpRequest, response: HttpResponse, duration: float, counter: QueryCounter) -> None:
        user_id, vendor_id = caller_of(request)
        # Probes and scrapes arrive every few seconds: DEBUG, so they stay out
        # of the log at the default level.
        level = logging.DEBUG if request.path_info in PROBE_PATHS else logging.INFO
        route = route_of(request, response)
        metrics.record_request(
            route=route,
            method=request.method or "",
            status=response.status_code,
            seconds=duration,
            queries=counter.count,
            db_seconds=counter.seconds,
        )
        access_logger.log(
            level,
            "%s %s %s %.1fms",
            request.method,
            route,
            response.status_code,
            duration * 1000,
            extra={
                "method": request.method,
                "route": route,
                "status": response.status_code,
                "duration_ms": round(duration * 1000, 2),
                "db_queries": counter.count,
                "db_ms": round(counter.seconds * 1000, 2),
                "user_id": user_id,
                "vendor_id": vendor_id,
                "bytes": size_of(response),
            },
        )
