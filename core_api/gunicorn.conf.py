"""gunicorn as deployed: `gunicorn -c gunicorn.conf.py config.wsgi` (from core_api/).

Every value can be overridden from the environment. The defaults were chosen
by measurement on a 2-core machine with PostgreSQL on the same host
(docs/performance.md).
"""

import multiprocessing
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

# The log set-up lives with the app (core_api/), whichever directory gunicorn starts in.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from observability.logs import logging_config

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
worker_class = "gthread" if threads > 1 else "sync"
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 5))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
# Import Django once in the master: workers fork with the code already loaded
# (shared pages, fast restarts).
preload_app = True
# The app writes one access line per request with more in it (route template,
# user, vendor, SQL count: observability/middleware.py), so gunicorn's own is
# off unless asked for; when on, it goes through the same JSON/console handler,
# without the query string (%(U)s is the path alone).
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms request_id=%({x-request-id}o)s'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
# gunicorn's records (boot, worker starts and timeouts) in the app's format (LOG_FORMAT).
logconfig_dict = logging_config(
    log_format=os.environ.get("LOG_FORMAT", "json"), level=os.environ.get("LOG_LEVEL", "INFO")
)

# Metrics: every worker writes its values to files in one directory and a
# scrape of /metrics adds them up (prometheus_client's multiprocess mode). Set
# before the app (and prometheus_client) is loaded; a deployment may point it
# at a tmpfs of its own.
if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="omnistock-metrics-")


def on_starting(server: Any) -> None:
    # Values left by a previous run of the server would be added to this one's.
    for stale in Path(os.environ["PROMETHEUS_MULTIPROC_DIR"]).glob("*.db"):
        stale.unlink()


def child_exit(server: Any, worker: Any) -> None:
    # A dead worker's gauges must stop counting; its counters and histograms stay summed.
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
