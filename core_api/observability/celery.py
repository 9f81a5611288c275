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
from typing import Any

from celery import Task
from celery.signals import before_task_publish, setup_logging, task_postrun, task_prerun

from . import context

HEADER = "request_id"

# What each running task replaced, restored when it ends (keyed by task id).
_previous: dict[str, tuple[Any, Any]] = {}


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
    _previous[task_id] = (context.request_id.set(request_id), context.task_id.set(task_id))


@task_postrun.connect
def leave_task(task_id: str | None = None, **kwargs: Any) -> None:
    tokens = _previous.pop(task_id or "", None)
    if tokens is not None:
        request_token, task_token = tokens
        context.task_id.reset(task_token)
        context.request_id.reset(request_token)


@setup_logging.connect
def use_project_logging(**kwargs: Any) -> None:
    """Replaces Celery's own log set-up with the project's (JSON or console)."""
    from django.conf import settings

    logging.config.dictConfig(settings.LOGGING)
