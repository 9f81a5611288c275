"""OpenTelemetry traces for Django, psycopg and Celery, on when
OTEL_EXPORTER_OTLP_ENDPOINT is set (observability.apps).

Off, nothing of OpenTelemetry is even imported: no middleware, no wrapped
connections, no cost. On, every log record written inside a span carries the
span's `trace_id` and `span_id` next to its `request_id` (observability.logs),
which links a trace to the request's log lines and back. The exporter reads
the standard OTEL_* variables (endpoint, headers, OTEL_SERVICE_NAME, sampling).
"""

import os
from typing import TYPE_CHECKING

from . import logs

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider


def current_trace_ids() -> tuple[str, str] | None:
    from opentelemetry import trace

    span_context = trace.get_current_span().get_span_context()
    if not span_context.is_valid:
        return None
    return format(span_context.trace_id, "032x"), format(span_context.span_id, "016x")


def instrument(provider: "TracerProvider") -> None:
    """Wraps Django, psycopg and Celery so they report spans to `provider`."""
    from opentelemetry.instrumentation.celery import CeleryInstrumentor
    from opentelemetry.instrumentation.django import DjangoInstrumentor
    from opentelemetry.instrumentation.psycopg import PsycopgInstrumentor

    DjangoInstrumentor().instrument(tracer_provider=provider)
    # No SQL commenter: comments in statements would defeat the statement
    # cache of a pooler and show in pg_stat_statements as distinct queries.
    PsycopgInstrumentor().instrument(tracer_provider=provider, enable_commenter=False)
    CeleryInstrumentor().instrument(tracer_provider=provider)
    logs.trace_ids = current_trace_ids


def uninstrument() -> None:
    from opentelemetry.instrumentation.celery import CeleryInstrumentor
    from opentelemetry.instrumentation.django import DjangoInstrumentor
    from opentelemetry.instrumentation.psycopg import PsycopgInstrumentor

    logs.trace_ids = None
    CeleryInstrumentor().uninstrument()
    PsycopgInstrumentor().uninstrument()
    DjangoInstrumentor().uninstrument()


def init_tracing(*, endpoint: str, release: str) -> bool:
    """Sets up the OTLP (HTTP) exporter when there is an endpoint; returns whether it did."""
    if not endpoint:
        return False
    from opentelemetry import trace
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    resource = Resource.create(
        {"service.name": os.environ.get("OTEL_SERVICE_NAME", "omnistock"), "service.version": release}
    )
    provider = TracerProvider(resource=resource)
    # The batch processor's thread is restarted in each forked gunicorn/Celery worker.
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    trace.set_tracer_provider(provider)
    instrument(provider)
    return True
