"""Log records as JSON lines (or readable console lines), with the request's context.

`logging_config()` builds the one dictConfig every process uses: Django
(settings.LOGGING), gunicorn (gunicorn.conf.py's logconfig_dict) and Celery
workers (the setup_logging signal, observability/celery.py). LOG_FORMAT picks
`json` (the default: one object per line, for a log pipeline) or `console`
(`make run`, `make dev`: one readable line).

Nothing secret is written: values under keys that name a credential are
replaced, and the request object Django attaches to its own records (whose
repr carries the query string) is dropped.
"""

import logging
import re
import time
from collections.abc import Callable
from typing import Any

from pythonjsonlogger.orjson import OrjsonFormatter

from . import context

SCRUBBED = "[scrubbed]"
# Keys whose values are never logged, wherever they appear in a record's extras.
SECRET_KEY_PATTERN = re.compile(
    r"authorization|password|passwd|secret|token|cookie|session|api[-_]?key|csrf|signature|dsn",
    re.IGNORECASE,
)
# Attributes Django and others attach to records that are objects, not data:
# `request`'s repr holds the full path with its query string.
DROPPED_EXTRAS = frozenset({"request", "server_time", "scope"})

# Set by observability.tracing when OpenTelemetry is on: returns the current
# span's (trace_id, span_id) in hex, or None outside a span.
trace_ids: Callable[[], tuple[str, str] | None] | None = None


def scrub(value: Any, key: str = "") -> Any:
    """`value` with every credential-named key's value replaced, recursively."""
    if key and SECRET_KEY_PATTERN.search(key):
        return SCRUBBED
    if isinstance(value, dict):
        return {k: scrub(v, str(k)) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [scrub(v) for v in value]
    return value


class ContextFilter(logging.Filter):
    """Stamps each record with the request id, task id and trace ids in effect."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = context.request_id.get()
        task = context.task_id.get()
        if task is not None:
            record.task_id = task
        if trace_ids is not None:
            ids = trace_ids()
            if ids is not None:
                record.trace_id, record.span_id = ids
        return True


class JsonFormatter(OrjsonFormatter):
    """One JSON object per record: time, level, logger, message, request_id, extras."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            "{asctime}{levelname}{name}{message}{request_id}",
            style="{",
            rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
            **kwargs,
        )

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802
        # ISO 8601 in UTC with milliseconds: sortable, and what log pipelines parse.
        return f"{time.strftime('%Y-%m-%dT%H:%M:%S', time.gmtime(record.created))}.{int(record.msecs):03d}Z"

    def process_log_record(self, log_data: dict[str, Any]) -> dict[str, Any]:
        for key in DROPPED_EXTRAS:
            log_data.pop(key, None)
        return {key: scrub(value, key) for key, value in log_data.items()}


class ConsoleFormatter(logging.Formatter):
    """A readable line: time, level, logger, [request id], message (+ the access fields)."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s %(rid)s%(message)s", datefmt="%H:%M:%S")

    def format(self, record: logging.LogRecord) -> str:
        request_id = getattr(record, "request_id", None)
        record.rid = f"[{request_id[:8]}] " if request_id else ""
        return super().format(record)


def logging_config(*, log_format: str, level: str) -> dict[str, Any]:
    """The dictConfig for every process (see the module docstring)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"context": {"()": "observability.logs.ContextFilter"}},
        "formatters": {
            "json": {"()": "observability.logs.JsonFormatter"},
            "console": {"()": "observability.logs.ConsoleFormatter"},
        },
        "handlers": {
            "default": {
                "class": "logging.StreamHandler",
                "formatter": "console" if log_format == "console" else "json",
                "filters": ["context"],
            }
        },
        "root": {"handlers": ["default"], "level": level},
        "loggers": {
            # Django's own handlers (a plain console one under DEBUG) give way to ours.
            "django": {"propagate": True},
            # runserver's request lines (`make dev`) repeat the app's access line.
            "django.server": {"level": "WARNING", "propagate": True},
            # SQL at DEBUG would print every statement with its parameters.
            "django.db.backends": {"level": "INFO"},
            # gunicorn's own records (boot, workers, timeouts) through the same handler.
            "gunicorn.error": {"handlers": ["default"], "level": level, "propagate": False},
            "gunicorn.access": {"handlers": ["default"], "level": level, "propagate": False},
        },
    }
