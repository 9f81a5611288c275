from django.apps import AppConfig
from django.conf import settings


class ObservabilityConfig(AppConfig):
    name = "observability"
    verbose_name = "Observability"

    def ready(self) -> None:
        from . import metrics, signals  # noqa: F401  (connects the counters' receivers)
        from .release import current_release
        from .sentry import init_sentry
        from .tracing import init_tracing

        metrics.register_in_process_gauges()
        # Each is off, and imports nothing of its SDK, unless its variable is set.
        if settings.SENTRY_DSN:
            init_sentry(
                dsn=settings.SENTRY_DSN, environment=settings.SENTRY_ENVIRONMENT, release=current_release()
            )
        if settings.OTEL_EXPORTER_OTLP_ENDPOINT:
            init_tracing(endpoint=settings.OTEL_EXPORTER_OTLP_ENDPOINT, release=current_release())
