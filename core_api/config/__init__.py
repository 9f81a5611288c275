"""Omni-Stock's Django project. The Celery app loads with it, so `shared_task`s
bind to it in every process (web, worker, beat, manage.py)."""

from .celery import app as celery_app

__all__ = ["celery_app"]
