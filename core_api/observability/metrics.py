"""Prometheus metrics, safe under gunicorn's workers (docs/observability.md#metrics).

With PROMETHEUS_MULTIPROC_DIR set (gunicorn.conf.py sets it for the web; a
worker host sets it for Celery), every process writes its values to files
there and a scrape adds them up; without it (tests, `manage.py` commands)
values live in the process. The metrics are module-level, so prometheus_client
must be imported after the environment is settled: gunicorn.conf.py runs first.

Recording is a dict lookup and an add per value; nothing here queries the
database except the scrape-time gauges (queue depth, connections).
"""

import os
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.db import connection
from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

PREFIX = "omnistock"

REQUEST_SECONDS = Histogram(
    f"{PREFIX}_http_request_duration_seconds",
    "Time Django took to answer a request, by URL pattern, method and status.",
    ["route", "method", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
DB_QUERIES = Counter(f"{PREFIX}_db_queries", "SQL statements run by requests, by URL pattern.", ["route"])
DB_SECONDS = Counter(f"{PREFIX}_db_query_seconds", "Time requests spent in SQL, by URL pattern.", ["route"])
CONFLICTS = Counter(
    f"{PREFIX}_conflicts",
    "Writes refused because the data moved: 409 (stock, import) and 412 (stale If-Match), by URL pattern.",
    ["reason", "route"],
)
THROTTLED = Counter(f"{PREFIX}_throttled_requests", "Requests refused with 429, by URL pattern.", ["route"])
LOGIN_FAILURES = Counter(
    f"{PREFIX}_login_failures", "Password logins refused (wrong or unknown credentials)."
)
STOCK_ADJUSTMENTS = Counter(
    f"{PREFIX}_stock_adjustments", "Stock movements written one at a time, by reason.", ["reason"]
)
IMPORT_BATCHES = Counter(
    f"{PREFIX}_import_batches",
    "Import batches reaching a status (committed, rolled_back).",
    ["format", "status"],
)
IMPORT_ROWS = Counter(
    f"{PREFIX}_import_rows", "Rows of committed imports, by format and outcome.", ["format", "outcome"]
)
TASK_SECONDS = Histogram(
    f"{PREFIX}_task_duration_seconds",
    "Celery task run time, by task and final state (SUCCESS, FAILURE, RETRY).",
    ["task", "state"],
    buckets=(0.1, 0.5, 1.0, 5.0, 15.0, 60.0, 300.0, 900.0, 1800.0),
)

CONFLICT_REASONS = {409: "conflict", 412: "stale_version"}


def record_request(
    *, route: str, method: str, status: int, seconds: float, queries: int, db_seconds: float
) -> None:
    REQUEST_SECONDS.labels(route, method, str(status)).observe(seconds)
    if queries:
        DB_QUERIES.labels(route).inc(queries)
        DB_SECONDS.labels(route).inc(db_seconds)
    reason = CONFLICT_REASONS.get(status)
    if reason is not None:
        CONFLICTS.labels(reason, route).inc()
    elif status == 429:
        THROTTLED.labels(route).inc()


class ScrapeTimeGauges(Collector):
    """Gauges read when Prometheus scrapes, not kept by any process."""

    QUEUE_LENGTH = (f"{PREFIX}_celery_queue_length", "Tasks waiting in a Celery queue.")
    DB_CONNECTIONS = (f"{PREFIX}_db_connections", "Connections to the application database, by state.")

    def describe(self) -> Iterator[Metric]:
        # What registering checks names against, so it does not scrape (query) at start-up.
        yield GaugeMetricFamily(*self.QUEUE_LENGTH, labels=["queue"])
        yield GaugeMetricFamily(*self.DB_CONNECTIONS, labels=["state"])

    def collect(self) -> Iterator[Metric]:
        yield from self.queue_depth()
        yield from self.database_connections()

    @staticmethod
    def queue_depth() -> Iterable[Metric]:
        """Messages waiting in each Celery queue (a Redis list per queue)."""
        broker = settings.CELERY_BROKER_URL
        if not broker.startswith(("redis://", "rediss://")):
            return
        import redis

        queues = [getattr(settings, "CELERY_TASK_DEFAULT_QUEUE", "celery")]
        gauge = GaugeMetricFamily(*ScrapeTimeGauges.QUEUE_LENGTH, labels=["queue"])
        client = redis.Redis.from_url(broker, socket_timeout=1, socket_connect_timeout=1)
        try:
            for queue in queues:
                gauge.add_metric([queue], client.llen(queue))
        except redis.RedisError:
            return  # an unreachable broker shows as a missing series (alerted on with absent())
        finally:
            client.close()
        yield gauge

    @staticmethod
    def database_connections() -> Iterable[Metric]:
        """Connections to this database by state, from pg_stat_activity."""
        if connection.vendor != "postgresql":
            return
        gauge = GaugeMetricFamily(*ScrapeTimeGauges.DB_CONNECTIONS, labels=["state"])
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT coalesce(state, 'unknown'), count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() GROUP BY 1"
            )
            for state, count in cursor.fetchall():
                gauge.add_metric([state], count)
        yield gauge


_scrape_time_gauges = ScrapeTimeGauges()


def registry(*, scrape_time_gauges: bool = True) -> CollectorRegistry:
    """What a scrape reads. The web's /metrics adds the scrape-time gauges; a
    worker's port leaves them out (the web reports them, once)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        combined = CollectorRegistry()
        multiprocess.MultiProcessCollector(combined)
        if scrape_time_gauges:
            combined.register(_scrape_time_gauges)
        return combined
    if not scrape_time_gauges:
        in_process = CollectorRegistry()
        for collector in REGISTRY._collector_to_names:
            if collector is not _scrape_time_gauges:
                in_process.register(collector)
        return in_process
    return REGISTRY


def exposition() -> bytes:
    return generate_latest(registry())


def register_in_process_gauges() -> None:
    """In a single process (no multiprocess dir) the gauges join the default registry once."""
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        REGISTRY.register(_scrape_time_gauges)
