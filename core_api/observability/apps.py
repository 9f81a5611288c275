from django.apps import AppConfig


class ObservabilityConfig(AppConfig):
    name = "observability"
    verbose_name = "Observability"

    def ready(self) -> None:
        from . import metrics, signals  # noqa: F401  (connects the counters' receivers)

        metrics.register_in_process_gauges()
