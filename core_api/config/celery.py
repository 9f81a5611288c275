"""The Celery application: long or retryable work runs here, not in a request.

With `REDIS_URL` set, tasks go through Redis to `make worker` (docs/deployment.md).
With nothing set (the local demo, `make run` on SQLite), every task runs in-process
at the moment it is sent (`task_always_eager`): the same task bodies, the same
code path, no other process to start.
"""

import os

from celery import Celery

# Request ids into and out of tasks, and the project's logging in workers.
import observability.celery  # noqa: F401

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("omnistock")
# Every CELERY_* Django setting configures the app (config/settings.py).
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
