"""gunicorn as deployed: `gunicorn -c gunicorn.conf.py config.wsgi` (from core_api/).

Every value can be overridden from the environment. The defaults were chosen
by measurement on a 2-core machine with PostgreSQL on the same host
(docs/performance.md).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
worker_class = "gthread" if threads > 1 else "sync"
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 5))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
# Import Django once in the master: workers fork with the code already loaded
# (shared pages, fast restarts).
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
