"""Celery's side of request ids and logs (connected by config/celery.py).

- A task published during a request carries the request's id in its message
  headers; the worker runs the task under that id, so the task's log lines
  and the request's share it.
- An eager task (no broker: the local demo, the tests) runs inside the
  request: it keeps the id it finds, and gives it back untouched afterwards.
- A task nobody's request started (beat) gets an id of its own.
- Workers log through the same dictConfig as the web (observability.logs).
"""

import logging.config
import os
import tempfile
import time
from typing import Any

from celery import Task
from celery.signals import (
    before_task_publish,
    setup_logging,
    task_postrun,
    task_prerun,
    worker_process_shutdown,
    worker_ready,
)

from . import context

# A worker's pool processes add their metrics up in one directory; it must be
# known before prometheus_client is first imported (with the task modules).
# CELERY_METRICS_BIND ("host:port") serves them from the worker's main process.
METRICS_BIND = os.environ.get("CELERY_METRICS_BIND", "")
if METRICS_BIND and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="omnistock-worker-metrics-")

HEADER = "request_id"

# What each running task replaced, restored when it ends, and when it started (keyed by task id).
_previous: dict[str, tuple[Any, Any, float]] = {}


@before_task_publish.connect
def put_request_id_in_headers(headers: dict[str, Any] | None = None, **kwargs: Any) -> None:
    request_id = context.request_id.get()
    if request_id is not None and headers is not None:
        headers[HEADER] = request_id


def _offered_request_id(task: Task) -> str | None:
    offered = getattr(task.request, HEADER, None) or (task.request.headers or {}).get(HEADER)
    return str(offered) if offered else None


@task_prerun.connect
def enter_task(task_id: str | None = None, task: Task | None = None, **kwargs: Any) -> None:
    if task_id is None or task is None:
        return
    offered = _offered_request_id(task)
    current = context.request_id.get()
    request_id = context.accept_request_id(offered) if offered else current or context.new_request_id()
    _previous[task_id] = (
        context.request_id.set(request_id),
        context.task_id.set(task_id),
        time.perf_counter(),
    )


@task_postrun.connect
def leave_task(
    task_id: str | None = None, task: Task | None = None, state: str | None = None, **kwargs: Any
) -> None:
    entered = _previous.pop(task_id or "", None)
    if entered is None:
        return
    request_token, task_token, started = entered
    context.task_id.reset(task_token)
    context.request_id.reset(request_token)
    from .metrics import TASK_SECONDS

    TASK_SECONDS.labels(getattr(task, "name", "unknown"), state or "UNKNOWN").observe(
        time.perf_counter() - started
    )


@worker_ready.connect
def serve_worker_metrics(**kwargs: Any) -> Any:
    """The worker's metrics on CELERY_METRICS_BIND: a separate, internal-only port
    (returns the server, for the tests to stop)."""
    if not METRICS_BIND:
        return None
    from prometheus_client import start_http_server

    from .metrics import registry

    host, _, port = METRICS_BIND.rpartition(":")
    server, _thread = start_http_server(
        int(port), addr=host or "127.0.0.1", registry=registry(scrape_time_gauges=False)
    )
    return server


@worker_process_shutdown.connect
def forget_worker_process(pid: int | None = None, **kwargs: Any) -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(pid or os.getpid())


@setup_logging.connect
def use_project_logging(**kwargs: Any) -> None:
    """Replaces Celery's own log set-up with the project's (JSON or console)."""
    from django.conf import settings

    logging.config.dictConfig(settings.LOGGING)
