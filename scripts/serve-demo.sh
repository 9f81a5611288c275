#!/usr/bin/env bash
# Serves the API and the built SPA for `make run`: gunicorn with gthread
# workers, as in production, with a fixed number of threads.
#
# Why not `manage.py runserver`: it starts a new thread for every request, and
# each thread opens its own database connection; with persistent connections
# (CONN_MAX_AGE) they pile up until PostgreSQL refuses clients ("too many
# clients already"). Under gunicorn each worker thread keeps one connection and
# reuses it, so the demo holds at most WORKERS x THREADS connections (8 by
# default), plus one per worker while /readyz checks, however many requests
# arrive (core_api/config/tests/test_demo_server.py).
#
# Environment: HOST, PORT (127.0.0.1:8000), DEMO_WORKERS (2), DEMO_THREADS (4),
# PYTHON (the virtualenv's python), plus everything the app itself reads. The
# app logs one line per request itself (docs/observability.md); gunicorn's own
# access log stays off unless GUNICORN_ACCESSLOG=- asks for it.
set -euo pipefail
cd "$(dirname "$0")/../core_api"
export GUNICORN_BIND="${HOST:-127.0.0.1}:${PORT:-8000}"
export GUNICORN_WORKERS="${DEMO_WORKERS:-2}"
export GUNICORN_THREADS="${DEMO_THREADS:-4}"
exec "${PYTHON:-../.venv/bin/python}" -m gunicorn -c gunicorn.conf.py config.wsgi
