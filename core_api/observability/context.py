"""The request id of the work in progress, carried by a context variable.

Set by the request middleware for a request and by the Celery signal
handlers for a task (observability/celery.py); read by the log filter so
every record of that request or task carries it.
"""

import re
import uuid
from contextvars import ContextVar

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
task_id: ContextVar[str | None] = ContextVar("task_id", default=None)

# What a caller (a load balancer, a proxy, another service) may hand us as a
# request id: a UUID or a short token of safe characters. Anything else (too
# long, spaces, quotes, newlines) could forge or garble log lines, so it is
# replaced by an id of our own rather than echoed.
_SAFE_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{7,63}")


def new_request_id() -> str:
    return uuid.uuid4().hex


def accept_request_id(offered: str | None) -> str:
    """The caller's id when it is safe to log and echo, else a new one."""
    if offered and _SAFE_TOKEN.fullmatch(offered):
        return offered
    return new_request_id()
