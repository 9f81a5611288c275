"""Error reporting to Sentry, on when SENTRY_DSN is set (config/settings.py).

Django and Celery integrations; no personal data (`send_default_pii=False`:
no user e-mail, no client IP, no cookies); and `scrub_event` removes what
could still carry a secret: credential headers, cookies, credential-named
values in bodies, query strings, extras, breadcrumbs and stack-frame locals.
"""

from typing import Any
from urllib.parse import parse_qsl, urlencode

from . import context
from .logs import SCRUBBED, SECRET_KEY_PATTERN, scrub


def _scrub_query_string(query: Any) -> Any:
    if isinstance(query, str):
        pairs = parse_qsl(query, keep_blank_values=True)
        return urlencode(
            [(key, SCRUBBED if SECRET_KEY_PATTERN.search(key) else value) for key, value in pairs]
        )
    return scrub(query)


def scrub_event(event: dict[str, Any], hint: dict[str, Any] | None = None) -> dict[str, Any]:
    """Sentry's `before_send`: the event without credentials (see the module docstring),
    tagged with the request id, which finds the request's log lines."""
    request_id = context.request_id.get()
    if request_id is not None:
        event.setdefault("tags", {})["request_id"] = request_id
    request = event.get("request")
    if isinstance(request, dict):
        request.pop("cookies", None)
        for part in ("headers", "data", "env"):
            if part in request:
                request[part] = scrub(request[part])
        if "query_string" in request:
            request["query_string"] = _scrub_query_string(request["query_string"])
    for part in ("extra", "contexts"):
        if part in event:
            event[part] = scrub(event[part])
    for crumb in (event.get("breadcrumbs") or {}).get("values", []):
        if "data" in crumb:
            crumb["data"] = scrub(crumb["data"])
    for exception in (event.get("exception") or {}).get("values", []):
        for frame in (exception.get("stacktrace") or {}).get("frames", []):
            if "vars" in frame:
                frame["vars"] = scrub(frame["vars"])
    return event


def init_sentry(*, dsn: str, environment: str, release: str) -> bool:
    """Starts the SDK when there is a DSN; returns whether it did."""
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        send_default_pii=False,
        before_send=scrub_event,  # type: ignore[arg-type]
        # Traces go to OpenTelemetry (observability.tracing), not to Sentry.
        traces_sample_rate=0.0,
    )
    return True
